"""One vocabulary for every face: the severities and kinds as enums, and their Chinese labels.

The CLI, the web pages, the API, the reports and the rule catalogue all take their words from
here, so 错误/警告/提示, 绩效目标表/绩效自评表 and 自评/监控 are written once.
"""

from __future__ import annotations

from enum import StrEnum

from perfbudget.model import Severity


class DocumentKind(StrEnum):
    """What a table is: a 绩效目标表, a 绩效自评表 (with self-evaluation columns) or a 绩效监控表 (a period's
    figures: 1-N月执行数, 1-N月执行情况, 完成目标可能性)."""

    TARGET = "target"
    SELF_EVALUATION = "self-evaluation"
    MONITORING = "monitoring"


class EvaluationKind(StrEnum):
    """What a stored evaluation is: the annual self-evaluation (自评) or a monitoring (监控)."""

    SELF_EVALUATION = "self-evaluation"
    MONITORING = "monitoring"


SEVERITY_LABELS: dict[str, str] = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
DOCUMENT_KIND_LABELS: dict[str, str] = {DocumentKind.TARGET: "绩效目标表", DocumentKind.SELF_EVALUATION: "绩效自评表",
                                         DocumentKind.MONITORING: "绩效监控表"}
EVALUATION_KIND_LABELS: dict[str, str] = {EvaluationKind.SELF_EVALUATION: "自评", EvaluationKind.MONITORING: "监控"}

__all__ = ["DOCUMENT_KIND_LABELS", "EVALUATION_KIND_LABELS", "SEVERITY_LABELS", "DocumentKind", "EvaluationKind",
           "Severity", "severity_label"]


def severity_label(severity: str) -> str:
    """错误 / 警告 / 提示 for a severity (its value or the enum member)."""
    return SEVERITY_LABELS.get(severity, str(severity))
