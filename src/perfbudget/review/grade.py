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

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from perfbudget.review.config import GradeRule
from perfbudget.review.finding import Finding

GRADES = ("优", "良", "中", "差")
WRITING = "规范性"
_SHOWN = 6


def warning_points(findings: Iterable[Finding], rule: GradeRule) -> Decimal:
    """The weight of a project's warnings (规范性 warnings count ``writing_weight``)."""
    return sum((rule.writing_weight if f.dimension == WRITING else Decimal(1)
                for f in findings if f.severity == "warning"), Decimal(0))


def grade_project(findings: Iterable[Finding], rule: GradeRule) -> str:
    """The grade of one project from its findings."""
    findings = list(findings)
    errors = sum(f.severity == "error" for f in findings)
    failed = any(f.rule in rule.fail_rules for f in findings)
    points = warning_points(findings, rule)
    if failed or errors > rule.fair_max_errors:
        return "差"
    if errors or points > rule.good_max_warnings:
        return "中"
    if points > rule.excellent_max_warnings:
        return "良"
    return "优"


def _points(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def _where(finding: Finding) -> str:
    return f"第{finding.indicator}个指标" if finding.indicator is not None else "整个项目"


def _listed(findings: Sequence[Finding], titles: Mapping[str, str]) -> str:
    by_rule: Counter[str] = Counter(f.rule for f in findings)
    places: dict[str, list[str]] = {}
    for finding in findings:
        places.setdefault(finding.rule, []).append(_where(finding))
    parts = []
    for rule_id, _count in by_rule.most_common(_SHOWN):
        shown = places[rule_id]
        more = f"等{len(shown)}处" if len(shown) > 2 else ""
        parts.append(f"{titles.get(rule_id, rule_id)}（{'、'.join(shown[:2])}{more}）")
    rest = len(by_rule) - _SHOWN
    return "；".join(parts) + (f"；另有{rest}类" if rest > 0 else "")


def grade_basis(grade: str, findings: Iterable[Finding], rule: GradeRule, category: str | None = None,
                complete: bool = True, titles: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Why a project got its grade: the rule that decided it and the findings that weighed most."""
    findings = list(findings)
    titles = titles or {}
    errors = [f for f in findings if f.severity == "error"]
    # the warnings that weigh a whole point first
    warnings = sorted((f for f in findings if f.severity == "warning"), key=lambda f: f.dimension == WRITING)
    failed = [f for f in findings if f.rule in rule.fail_rules]
    points = warning_points(findings, rule)
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
        note = (f"（规范性问题每条计{_points(rule.writing_weight)}分，其余每条计1分）"
                if any(f.dimension == WRITING for f in warnings) else "")
        lines.append(f"警告：{_listed(warnings, titles)}{note}")
    if category:
        lines.append(f"{category}项目：按简化模板审核，不要求满意度指标、成本指标和3个以上三级指标，"
                     "绩效目标可为保障正常运转")
    if not complete:
        lines.append("表格不完整：只审核了读到的部分，缺少的部分不计为问题，等级仅供参考")
    return tuple(lines)
