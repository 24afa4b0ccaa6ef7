"""The 预算执行率 points a 自评表 counts by, told where they are not the scoring's (kinds40).

A provincial form may give the budget's execution points of its own (Yunnan's 2022 form:
预算执行情况 (20分), 年度绩效目标 (80分)) and write its execution 得分 without a 分值 column:
`30.00 | 10.77% | 2.16`. perfbudget scores by the official weights (预算执行率 10 unless ``--weights`` says
otherwise: docs/evaluation.md), 1.08 here, and the table's total then differs from the scoring's without a word
of why (corpus `129`, its renderings `r82`, `r83`). Where the table writes that 得分 but no 分值, the points it
implies — 得分 ÷ min(1, 执行率) — are compared with the points the scoring used: more than half a point apart, a
warning at the 得分 says both (表中的预算执行率得分为 2.16（执行率 10.77%），相当于预算执行率按 20 分计；
评分规则按 10.00 分计，得 1.08 分). The scoring is unchanged; a table that gives its 分值 is checked by
``from_table.execution_score_check`` instead.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.vocabulary import DocumentKind

_CENT = Decimal("0.01")
_SLACK = Decimal("0.5")


def execution_points_check(document: Document, evaluation: Evaluation) -> list[Problem]:
    """A warning per scored project whose own execution 得分 (no 分值 written) implies other points (see the module)."""
    if document.kind == DocumentKind.MONITORING:
        return []
    by_seq = {project.seq: project for project in document.projects}
    problems: list[Problem] = []
    for scored in evaluation.projects:
        project = by_seq.get(scored.seq)
        if project is None or project.budget.score is None or project.budget.weight is not None \
                or scored.execution_rate is None or scored.execution_rate <= 0:
            continue
        share = min(Decimal(1), scored.execution_rate)
        implied = project.budget.score / share
        if abs(implied - scored.execution_weight) <= _SLACK:
            continue
        at = project.sources.get("budget.score") or project.source or Source(evaluation.document_file or "")
        whole = implied.quantize(Decimal(1), ROUND_HALF_UP)
        points = whole if abs(implied - whole) <= _SLACK else implied.quantize(_CENT, ROUND_HALF_UP)
        rate = (scored.execution_rate * 100).quantize(_CENT, ROUND_HALF_UP)
        used, got = scored.execution_weight.quantize(_CENT), scored.execution_score.quantize(_CENT, ROUND_HALF_UP)
        problems.append(Problem(at, f"项目「{project.name_cell or project.name}」表中的预算执行率得分为 "
                                    f"{project.budget.score}（执行率 {rate}%），相当于预算执行率按 {points} 分计；"
                                    f"评分规则按 {used} 分计，得 {got} 分：表中的总分因此与计算的总分不同",
                                Severity.WARNING))
    return problems
