"""A review finding: one fault found in a target table, with where it is and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from perfbudget.model import Severity, Source

DIMENSIONS = ("完整性", "相关性", "适当性", "可行性", "规范性")
SEVERITIES = tuple(severity.value for severity in Severity)


@dataclass(frozen=True, slots=True)
class Finding:
    """One fault a rule found.

    Attributes:
        rule: the rule id (kebab-case); filled in by the engine when a rule leaves it empty.
        dimension: 完整性 / 相关性 / 适当性 / 可行性 / 规范性 (from the rule unless the rule sets it).
        severity: error / warning / info (from the rule unless the rule sets it).
        project: the project's ``seq``; None for a document-level finding.
        indicator: the indicator's 1-based position in its project; None for a project-level finding.
        field: the field at fault ("target", "level3", "budget.total" ...); None when the whole row is.
        message: what is wrong and why it matters, in Chinese.
        suggestion: how to fix it, in Chinese.
        source: where the field was read from; None when the document carries no locations.
    """

    project: int | None
    indicator: int | None
    field: str | None
    message: str
    suggestion: str
    source: Source | None = None
    rule: str = ""
    dimension: str = ""
    severity: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The findings JSON of the design doc (``docs/review.md``)."""
        return {
            "rule": self.rule,
            "dimension": self.dimension,
            "severity": self.severity,
            "project": self.project,
            "indicator": self.indicator,
            "field": self.field,
            "message": self.message,
            "suggestion": self.suggestion,
            "source": self.source.to_dict() if self.source is not None else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        """A finding from its JSON (``to_dict``), as stored with a review; missing keys raise KeyError."""
        source = data["source"]
        # new_finding: the same object without the frozen dataclass's __init__ (a page reads a review's findings)
        return new_finding(data["project"], data["indicator"], data["field"], data["message"], data["suggestion"],
                           Source(**source) if isinstance(source, dict) and source.get("file") else None,
                           data["rule"], data["dimension"], data["severity"])


# A finding made without the frozen dataclass's ``__init__`` (which sets each field through
# ``object.__setattr__``): ``object.__new__`` and each slot set through its member descriptor (as
# :mod:`perfbudget.quick_records` made the model's hot records before it took plain twin classes). The
# rules make hundreds of thousands in a province's review (``helpers.at_indicator``, ``at_project``).
_FIELDS = ("project", "indicator", "field", "message", "suggestion", "source", "rule", "dimension", "severity")
if tuple(f.name for f in fields(Finding)) != _FIELDS:
    raise RuntimeError("Finding's fields changed; update new_finding")
(_f_project, _f_indicator, _f_field, _f_message, _f_suggestion, _f_source, _f_rule, _f_dimension,
 _f_severity) = (Finding.__dict__[name].__set__ for name in _FIELDS)
_new = object.__new__


def new_finding(project: int | None, indicator: int | None, field: str | None, message: str, suggestion: str,
                source: Source | None, rule: str, dimension: str, severity: str) -> Finding:
    """``Finding(project, …, severity)`` with every field given (the same object, about half the cost)."""
    finding = _new(Finding)
    _f_project(finding, project)
    _f_indicator(finding, indicator)
    _f_field(finding, field)
    _f_message(finding, message)
    _f_suggestion(finding, suggestion)
    _f_source(finding, source)
    _f_rule(finding, rule)
    _f_dimension(finding, dimension)
    _f_severity(finding, severity)
    return finding
