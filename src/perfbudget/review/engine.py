"""Run the registered rules over a document: findings, per-project grades, never a crash.

``review_document(document, config) -> ReviewReport`` is the one entry point used by the
CLI, the web app and the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from perfbudget.model import Document, Project
from perfbudget.review.config import DEFAULT_CONFIG, ReviewConfig
from perfbudget.review.finding import Finding
from perfbudget.review.grade import grade_basis, grade_counted, tally
from perfbudget.review.helpers import RUNNING, forget_rows
from perfbudget.review.language import project_category
from perfbudget.review.registry import RuleSpec, all_rules
from perfbudget.review.settings import RuleSettings

REPORT_FORMAT = "perfbudget-review/1"


@dataclass(frozen=True, slots=True)
class ProjectGrade:
    """A project's review result.

    Attributes:
        seq: the project's ``seq``.
        name: the project's name.
        grade: 优 / 良 / 中 / 差.
        errors: number of error findings.
        warnings: number of warning findings.
        infos: number of info findings.
        category: 人员类 / 运转类 for a project judged by the simplified template, else None.
        complete: False when the table was cut off (only what was read is reviewed).
        basis: why the project got its grade, in Chinese: the grade rule that decided it and
            the findings that weighed most (``grade.grade_basis``).
    """

    seq: int
    name: str
    grade: str
    errors: int
    warnings: int
    infos: int
    category: str | None = None
    complete: bool = True
    basis: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "name": self.name, "grade": self.grade, "errors": self.errors,
                "warnings": self.warnings, "infos": self.infos, "category": self.category,
                "complete": self.complete, "basis": list(self.basis)}


@dataclass(frozen=True, slots=True)
class ReviewReport:
    """What reviewing a document gave.

    Attributes:
        findings: every finding, ordered by project, indicator and rule.
        projects: each project's grade, in document order.
        rules_run: ids of the rules that ran (after the config switched some off).
    """

    findings: tuple[Finding, ...]
    projects: tuple[ProjectGrade, ...]
    rules_run: tuple[str, ...]

    @property
    def has_errors(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    def for_project(self, seq: int | None) -> list[Finding]:
        return [f for f in self.findings if f.project == seq]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": REPORT_FORMAT,
            "projects": [p.to_dict() for p in self.projects],
            "findings": [f.to_dict() for f in self.findings],
        }


def _crash_finding(spec: RuleSpec, exc: Exception) -> Finding:
    return Finding(
        project=None, indicator=None, field=None,
        message=f"审核规则「{spec.title}」运行出错（{type(exc).__name__}: {exc}），本规则对该文件的检查结果不完整",
        suggestion="其他规则的结果不受影响；请将该文件与此提示报告给系统维护人员",
        rule=spec.id, dimension=spec.dimension, severity="error",
    )


def run_rule(spec: RuleSpec, document: Document, config: ReviewConfig) -> list[Finding]:
    """One rule's findings with rule, dimension and severity filled in; a crash becomes a finding. The rule runs
    alone: every other rule is off for it (a rule leaving a fault to another tells it itself)."""
    specs = all_rules()
    off = frozenset(other.id for other in specs if other.id != spec.id)
    peers = config.peer_params({other.id: other.params for other in specs})
    weights = config.peer_severities({other.id: other.severity for other in specs})
    return _run(spec, config.settings_for(spec.id, spec.params, off, peers, weights), config.severities.get(spec.id),
                document)


def _run(spec: RuleSpec, rule_settings: RuleSettings, severity: str | None, document: Document) -> list[Finding]:
    """:func:`run_rule` with the rule's settings and configured severity already worked out."""
    token = RUNNING.set((spec.id, spec.dimension, spec.severity))  # findings made with rule, dimension, severity
    try:
        found = spec.function(document, rule_settings)
    except Exception as exc:  # a broken rule must not stop the review
        return [_crash_finding(spec, exc)]
    finally:
        RUNNING.reset(token)
    if not isinstance(found, list):
        found = list(found)
    if not severity:
        for f in found:  # a plain loop: no generator per rule and document
            if not f.rule or not f.dimension or not f.severity:
                break
        else:
            return found
    out = []
    for f in found:
        if not f.rule or not f.dimension or not f.severity or severity:
            # a finding not made by at_indicator/at_project, or a severity the config changes
            f = Finding(f.project, f.indicator, f.field, f.message, f.suggestion, f.source, f.rule or spec.id,
                        f.dimension or spec.dimension, severity or f.severity or spec.severity)
        out.append(f)
    return out


def review_document(document: Document, config: ReviewConfig | None = None, region: str | None = None,
                    only: set[str] | frozenset[str] | None = None) -> ReviewReport:
    """Review every project of a document.

    ``config`` is applied for the document's unit and ``region`` (see
    :meth:`ReviewConfig.resolve`); ``only`` restricts the run to some rule ids (tests).
    A finding whose field has no recorded location gets the document's source (the file).
    """
    settings, runs, order, titles, gradings = _prepared(config or DEFAULT_CONFIG, document, region, only)
    findings: list[Finding] = []
    try:
        for spec, rule_settings, severity in runs:
            findings.extend(_run(spec, rule_settings, severity, document))
    finally:
        forget_rows(document)  # the per-indicator facts the rules shared (helpers.rows)
    if document.source is not None:  # documents without cell locations (JSON) point at the file at least
        source = document.source
        findings = [f if f.source is not None else Finding(f.project, f.indicator, f.field, f.message, f.suggestion,
                                                           source, f.rule, f.dimension, f.severity)
                    for f in findings]
    findings.sort(key=lambda f: (f.project if f.project is not None else -1,
                                 f.indicator if f.indicator is not None else -1,
                                 order.get(f.rule, len(order))))
    by_project: dict[int | None, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_project[finding.project].append(finding)
    grades = []
    # Findings are grouped by seq: projects sharing a seq (a merged document) share one grading,
    # computed once per (seq, category, completeness) so the work stays linear in the findings.
    graded: dict[tuple[int, str | None, bool], _Graded] = {}
    for project in document.projects:
        category = project_category(project.name, project.extras)
        key = (project.seq, category, project.complete)
        if key not in graded:
            graded[key] = _grading(by_project.get(project.seq, []), category, project.complete, settings, titles,
                                   gradings)
        grade, errors, warnings, infos, basis = graded[key]
        grades.append(ProjectGrade(seq=project.seq, name=project.name, grade=grade, errors=errors,
                                   warnings=warnings, infos=infos, category=category,
                                   complete=project.complete, basis=basis))
    return ReviewReport(tuple(findings), tuple(grades), tuple(order))


# A project's grading: grade, errors, warnings, infos, basis (ProjectGrade's fields from the findings).
_Graded = tuple[str, int, int, int, tuple[str, ...]]
# What a project's grading depends on besides the config: its category, completeness and, for each of its
# findings in order, the rule, indicator, severity and dimension (tally, grade_counted and grade_basis
# read nothing else of a finding).
_GradingKey = tuple[str | None, bool, tuple[tuple[str, int | None, str, str], ...]]
_GRADING_FACTS = attrgetter("rule", "indicator", "severity", "dimension")
# At most this many gradings are kept per prepared config (a province repeats a few thousand).
GRADINGS_LIMIT = 100_000


def _grading(own: list[Finding], category: str | None, complete: bool, settings: ReviewConfig,
             titles: dict[str, str], gradings: dict[_GradingKey, _Graded]) -> _Graded:
    """The grading of a project with these findings (``tally``, ``grade_counted``, ``grade_basis``), worked
    out once per :data:`_GradingKey` for the config: a province's projects share a few thousand of them."""
    key = (category, complete, tuple(map(_GRADING_FACTS, own)))
    found = gradings.get(key)
    if found is None:
        counted = tally(own, settings.grade)
        grade = grade_counted(counted, settings.grade)
        found = (grade, len(counted.errors), len(counted.warnings), counted.infos,
                 grade_basis(grade, own, settings.grade, category, complete, titles, counted))
        if len(gradings) >= GRADINGS_LIMIT:
            gradings.clear()  # memory stays bounded whatever is reviewed
        gradings[key] = found
    return found


def grading(findings: Sequence[Finding], document: Document, project: Project, config: ReviewConfig | None = None,
            region: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The grade and its basis (:func:`perfbudget.review.grade.grade_basis`) that ``project`` of ``document`` gets with
    ``findings`` under ``config``, as :func:`review_document` grades it: the 审核意见书's grade of the findings a
    reviewer kept (print38: its 等级依据 named the dismissed ones too)."""
    grade, basis, _errors, _warnings = counted_grading(findings, document, project, config, region)
    return grade, basis


def counted_grading(findings: Sequence[Finding], document: Document, project: Project,
                    config: ReviewConfig | None = None, region: str | None = None
                    ) -> tuple[str, tuple[str, ...], int, int]:
    """:func:`grading` with the 错误 and 警告 it counts (:func:`perfbudget.review.grade.tally`: a rule's crash is
    neither): the counts a review of the findings a reviewer kept stores beside its grade (print40), as
    :class:`ProjectGrade` says them of all of them."""
    settings = (config or DEFAULT_CONFIG).resolve(document.unit, region)
    titles = {spec.id: spec.title for spec in all_rules()}
    graded = _grading(list(findings), project_category(project.name, project.extras), project.complete, settings,
                      titles, {})
    return graded[0], graded[4], graded[1], graded[2]


_Runs = tuple[tuple[RuleSpec, RuleSettings, str | None], ...]
_Prepared = tuple[ReviewConfig, _Runs, dict[str, int], dict[str, str], dict[_GradingKey, _Graded]]
# What a review runs for the config last given without overrides: the config resolved, each rule to
# run with its settings and configured severity, the rules' order and titles, the gradings worked out
# (``_grading``). Without overrides the
# resolved config is the same for every unit and region, so a province's review (one config, 100,000
# documents) works it out once; one slot, by the config's identity, redone when a rule registers.
_LAST: tuple[ReviewConfig | None, list[RuleSpec], _Prepared | None] = (None, [], None)


def _prepared(config: ReviewConfig, document: Document, region: str | None,
              only: set[str] | frozenset[str] | None) -> _Prepared:
    """The config resolved for the document's unit and region, the rules to run (each with its settings
    and configured severity, in catalogue order), each rule's place in that order and its title, and the
    gradings worked out under it (a new dict unless the prepared config is kept)."""
    global _LAST
    specs = all_rules()
    if only is None and not config.overrides and _LAST[0] is config and _LAST[1] == specs:
        assert _LAST[2] is not None
        return _LAST[2]
    settings = config.resolve(document.unit, region)
    chosen = [s for s in specs if s.id not in settings.disabled and (only is None or s.id in only)]
    off = frozenset(spec.id for spec in specs).difference(spec.id for spec in chosen)  # (a rule leaving a fault to
    # another tells it itself where that one is off)
    peers = settings.peer_params({spec.id: spec.params for spec in specs})  # (what one rule reads of another)
    weights = settings.peer_severities({spec.id: spec.severity for spec in specs})
    runs = tuple((spec, settings.settings_for(spec.id, spec.params, off, peers, weights),
                  settings.severities.get(spec.id)) for spec in chosen)
    prepared: _Prepared = (settings, runs, {spec.id: i for i, spec in enumerate(chosen)},
                           {spec.id: spec.title for spec in chosen}, {})
    if only is None and not config.overrides:
        _LAST = (config, specs, prepared)
    return prepared
