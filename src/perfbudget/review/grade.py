"""The review grade of a project (优/良/中/差), derived from its findings, with its basis.

88号 gives the four grades and what follows from them: 优 goes on, 良 is fixed together
with the reviewer, 中 is sent back to be resubmitted, 差 stops the budget. The counts
that separate them are a product choice (``docs/review.md``), set in :class:`GradeRule`:

* 差 — more than ``fair_max_errors`` (3) errors, or any finding of a ``fail_rules`` rule
  (default: fewer than 3 indicators — too little to review);
* 中 — at least one error, or more than ``good_max_warnings`` (5) warning points;
* 良 — no error and at most ``good_max_warnings`` warning points (more than ``excellent_max_warnings``);
* 优 — no error and at most ``excellent_max_warnings`` (1) warning point.

A warning weighs one point, except a warning about how the table is written (规范性: a typo,
a name that differs from its description), which weighs ``writing_weight`` (½): reviewers fix
those with the unit, they do not send a table back for them. Infos never change a grade.
:func:`grade_basis` says in Chinese which findings weighed most.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import NamedTuple

from perfbudget.review.config import GradeRule
from perfbudget.review.finding import Finding

GRADES = ("优", "良", "中", "差")
WRITING = "规范性"
_SHOWN = 6


class Tally(NamedTuple):
    """A project's findings sorted out once for grading (:func:`tally`).

    A NamedTuple like ``helpers.Row``: one is made for every graded project (100,000 in a province).

    Attributes:
        errors: the error findings, in order.
        warnings: the warning findings, those that weigh a whole point first (each part in order).
        infos: how many info findings.
        failed: the findings of a ``fail_rules`` rule, in order.
        points: the weight of the warnings (:func:`warning_points`).
        writing: whether a 规范性 warning is among them.
    """

    errors: list[Finding]
    warnings: list[Finding]
    infos: int
    failed: list[Finding]
    points: Decimal
    writing: bool


def tally(findings: Iterable[Finding], rule: GradeRule) -> Tally:
    """A project's findings sorted out for grading, in one pass."""
    errors: list[Finding] = []
    full: list[Finding] = []
    writing: list[Finding] = []
    failed: list[Finding] = []
    infos = 0
    points = Decimal(0)
    one = Decimal(1)
    weight = rule.writing_weight
    fail_rules = rule.fail_rules
    for f in findings:
        severity = f.severity
        if severity == "error":
            errors.append(f)
        elif severity == "warning":
            # added in the findings' order, as warning_points adds them (the same Decimal, rounding included)
            if f.dimension == WRITING:
                writing.append(f)
                points += weight
            else:
                full.append(f)
                points += one
        elif severity == "info":
            infos += 1
        if f.rule in fail_rules:
            failed.append(f)
    return Tally(errors, full + writing, infos, failed, points, bool(writing))


def grade_counted(counted: Tally, rule: GradeRule) -> str:
    """The grade of a project whose findings are ``counted`` (:func:`grade_project`)."""
    errors = len(counted.errors)
    if counted.failed or errors > rule.fair_max_errors:
        return "差"
    if errors or counted.points > rule.good_max_warnings:
        return "中"
    if counted.points > rule.excellent_max_warnings:
        return "良"
    return "优"


def warning_points(findings: Iterable[Finding], rule: GradeRule) -> Decimal:
    """The weight of a project's warnings (规范性 warnings count ``writing_weight``)."""
    return sum((rule.writing_weight if f.dimension == WRITING else Decimal(1)
                for f in findings if f.severity == "warning"), Decimal(0))


def grade_project(findings: Iterable[Finding], rule: GradeRule) -> str:
    """The grade of one project from its findings."""
    return grade_counted(tally(findings, rule), rule)


def _points(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def _listed(findings: Sequence[Finding], titles: Mapping[str, str]) -> str:
    # each rule's places (第N个指标 / 整个项目), rules in order of their count, then of first appearance
    places: dict[str, list[int | None]] = {}
    for finding in findings:
        shown = places.get(finding.rule)
        if shown is None:
            places[finding.rule] = [finding.indicator]
        elif finding.indicator is not None or None not in shown:
            shown.append(finding.indicator)  # 缺少一级指标（整个项目）once, not 「整个项目、整个项目」
    parts = []
    ranked = sorted(places.items(), key=lambda item: len(item[1]), reverse=True) if len(places) > 1 else places.items()
    for rule_id, where in list(ranked)[:_SHOWN]:
        more = f"等{len(where)}处" if len(where) > 2 else ""
        first = "、".join(f"第{i}个指标" if i is not None else "整个项目" for i in where[:2])
        parts.append(f"{titles.get(rule_id, rule_id)}（{first}{more}）")
    rest = len(places) - _SHOWN
    return "；".join(parts) + (f"；另有{rest}类" if rest > 0 else "")


def grade_basis(grade: str, findings: Iterable[Finding], rule: GradeRule, category: str | None = None,
                complete: bool = True, titles: Mapping[str, str] | None = None,
                counted: Tally | None = None) -> tuple[str, ...]:
    """Why a project got its grade: the rule that decided it and the findings that weighed most
    (``counted``: the findings already sorted out by :func:`tally`, else they are here)."""
    if counted is None:
        counted = tally(findings, rule)
    titles = titles or {}
    errors = counted.errors
    warnings = counted.warnings  # the warnings that weigh a whole point first
    failed = counted.failed
    points = counted.points
    lines = []
    if grade == "差":
        if failed:
            lines.append(f"差：出现了一票否决的问题 {_listed(failed, titles)}")
        else:
            lines.append(f"差：错误{len(errors)}个，超过{rule.fair_max_errors}个")
    elif grade == "中":
        if errors:
            lines.append(f"中：有错误{len(errors)}个（退回修改后重新申报）")
        else:
            lines.append(f"中：没有错误，但警告计{_points(points)}分，超过{rule.good_max_warnings}分")
    elif grade == "良":
        lines.append(f"良：没有错误，警告计{_points(points)}分（{rule.excellent_max_warnings}分以上、"
                     f"不超过{rule.good_max_warnings}分），与审核人沟通后修改")
    else:
        lines.append(f"优：没有错误，警告计{_points(points)}分（不超过{rule.excellent_max_warnings}分）")
    if errors and not (grade == "差" and failed):
        lines.append(f"错误：{_listed(errors, titles)}")
    if warnings:
        note = f"（规范性问题每条计{_points(rule.writing_weight)}分，其余每条计1分）" if counted.writing else ""
        lines.append(f"警告：{_listed(warnings, titles)}{note}")
    if category:
        lines.append(f"{category}项目：按简化模板审核，不要求满意度指标、成本指标和3个以上三级指标，"
                     "绩效目标可为保障正常运转")
    if not complete:
        lines.append("表格不完整：只审核了读到的部分，缺少的部分不计为问题，等级仅供参考")
    return tuple(lines)
