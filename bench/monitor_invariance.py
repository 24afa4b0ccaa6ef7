"""Edit-invariance of 绩效运行监控表 (monitor41): the edits a person makes to a monitoring table must change neither
its reading nor what ``perfbudget monitor 表 -a 表`` finds.

Usage: .venv/bin/python bench/monitor_invariance.py [-v] [--limit N] [FILTER ...]

The corpus holds one 监控表 (``72``), whose indicators cannot be keyed; so every corpus table of the kinds
``bench/selfeval_invariance.py`` covers whose reading is right is retyped as the unit's 监控表 of 1-6月 would be
(:func:`render`): its title, 项目名称, the funds grid ``年初预算数 | 1-6月执行数 | 1-6月执行率 | 全年预计执行数``
(the budget, the executed amount as the period's), the indicator head with the monitoring columns
``1-6月执行情况 | 全年预计完成情况 | 完成目标可能性 | 经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 偏差原因分析 |
完善措施`` and each indicator (its actual as the period's and the year's forecast, every third 有可能 with
经费保障 ticked and a reason, the others 确定能 with 无). The copy must read as a monitoring table of month 6; a
project whose copy is not read so is counted ``not copied faithfully``. Each edit of :data:`EDITS` is then made to
the copy and the edited copy read and monitored again: a line for every edit that reads (:func:`reading`) or monitors
(:func:`findings`: refused or not, the execution's and every indicator's light and figures, every problem's
message) differently. A copy ``monitor`` refuses (a qualitative indicator without its 完成等级, a forecast written
``≥50厘米``) is compared too: its edits must be refused for the same reasons.

The edits: tabs for ``|``; spaces, NBSP or U+3000 around the cells; blank lines between rows; full-width digits;
the indicator head repeated after a page break; 执行率 ``45.5%`` written ``45.50%`` or ``0.455``; the period
written ``1—6月``, ``1至6月`` or ``上半年``; 完成目标可能性 written ``能`` (the set's 确定能, told), or a column per
option (``确定能 | 有可能 | 完全不可能``) marked ``✓``, ``是`` or with the option's word; the reason ticked ``✓``
instead of ``√``; the reason left empty where nothing deviates (``无`` left out). And one that must change the
findings (:func:`kept_once`): a reason cell merged over two 有可能 rows, which a text copy writes once, at the first,
is kept once — the second row's reason unread, the copy refused at that row — never guessed for it.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from selfeval_invariance import (  # noqa: E402
    LAYOUT_EDITS,
    UNNAMED,
    Copy,
    Outcome,
    _figure,
    _full_width,
    _number,
    _one,
    _page_break,
    _ratio,
    _tenths,
    edited_differences,
    right_tables,  # noqa: F401 (the tables it covers, for the tests)
    run,
)

from perfbudget.app.evaluations import monitor, progress_record  # noqa: E402
from perfbudget.model import Document, Indicator, Project  # noqa: E402

PERIOD = "1-6月"
FUNDS_HEAD = ("项目资金（万元）", "年初预算数", f"{PERIOD}执行数", f"{PERIOD}执行率", "全年预计执行数")
REASONS = ("经费保障", "制度保障", "人员保障", "硬件条件保障")
HEAD = ("一级指标", "二级指标", "三级指标", "年度指标值", f"{PERIOD}执行情况", "全年预计完成情况", "完成目标可能性",
        *REASONS, "偏差原因分析", "完善措施")
OPTIONS = ("确定能", "有可能", "完全不可能")
LIKELIHOOD = HEAD.index("完成目标可能性")
FIRST_REASON, ANALYSIS = HEAD.index(REASONS[0]), HEAD.index("偏差原因分析")


def _indicator_row(position: int, indicator: Indicator) -> list[str]:
    names = [indicator.level1, indicator.level2, indicator.level3, indicator.target.raw]
    actual = indicator.actual or ""
    if position % 3 == 1:  # behind: 有可能, its reason ticked and said
        return [*names, actual, actual, "有可能", "√", "", "", "", "资金拨付滞后", "加快资金拨付"]
    return [*names, actual, actual, "确定能", "", "", "", "", "无", "无"]


def render(project: Project, year: int | None) -> Copy | None:
    """``project`` as its unit's 监控表 of 1-6月 (see the module's note), its indicators with an actual; None
    without a budget, an executed amount or such an indicator."""
    budget, indicators = project.budget, [i for i in project.indicators if i.actual]
    if not budget.total or budget.executed is None or not indicators:
        return None
    rate = (budget.executed / budget.total * 100).quantize(Decimal("0.01"))
    rows = [[f"{year or 2024}年项目支出绩效运行监控表"], ["项目名称", project.name or UNNAMED], list(FUNDS_HEAD),
            ["年度资金总额", _figure(budget.total), _figure(budget.executed), f"{_figure(rate)}%",
             _figure(budget.total)], list(HEAD)]
    kinds = ["title", "title", "funds-head", "funds", "head"]
    for position, indicator in enumerate(indicators):
        rows.append(_indicator_row(position, indicator))
        kinds.append("indicator")
    rows.append(["填表人：李明", "联系电话：0551-12345678"])
    kinds.append("title")
    return Copy(rows, kinds)


def reading(project: Project) -> tuple[Any, ...]:
    """What a reading of a 监控表 says, as values: the budget, the period, each indicator's target and progress."""
    budget = project.budget

    def one(indicator: Indicator) -> tuple[Any, ...]:
        target, progress = indicator.target, indicator.progress
        typed = () if progress is None else (
            _number(progress.actual or ""), progress.actual_value, progress.actual_unit, progress.forecast_value,
            progress.forecast_unit, progress.likelihood, progress.reason, progress.measure)
        return (indicator.level3.strip(), target.kind, target.op, target.value, target.unit, typed)

    return (project.name or UNNAMED, project.month, budget.total, budget.executed, budget.rate,
            tuple(one(i) for i in project.indicators))


def findings(document: Document, month: int = 6) -> tuple[Any, ...]:
    """``perfbudget monitor 表 -a 表`` of a one-project 监控表: refused or not, the lights and figures, the messages
    (without their places, which the edits move; NFKC, as a cell quoted 「≥５０厘米」 keeps how it was written)."""
    rows, _month, problems = progress_record("copy.txt", month, document)
    result, problems = monitor(document, rows, problems, "copy.txt", month)
    said = tuple(sorted((p.severity.value, unicodedata.normalize("NFKC", p.message)) for p in problems))
    if result is None:
        return ("refused", said)
    ours = result.projects[0]
    return (ours.budget, ours.executed, ours.budget_progress, ours.budget_light, ours.colour,
            tuple((i.level3, i.light, i.progress, i.actual_value, i.likelihood, i.reason) for i in ours.indicators),
            said)


def _head_cells(change: Callable[[str], str]) -> Callable[[Copy], Copy]:
    def edit(copy: Copy) -> Copy:
        return replace(copy, rows=[[change(c) for c in row] if k in ("head", "funds-head") else row
                                   for row, k in zip(copy.rows, copy.kinds, strict=True)])
    return edit


def _option_columns(mark: Callable[[str], str]) -> Callable[[Copy], Copy]:
    """完成目标可能性 as a column per option, the chosen one marked ``mark(option)``."""
    def edit(copy: Copy) -> Copy:
        rows = []
        for row, kind in zip(copy.rows, copy.kinds, strict=True):
            if kind == "head":
                row = [*row[:LIKELIHOOD], *OPTIONS, *row[LIKELIHOOD + 1:]]
            elif kind == "indicator":
                row = [*row[:LIKELIHOOD], *(mark(o) if o == row[LIKELIHOOD] else "" for o in OPTIONS),
                       *row[LIKELIHOOD + 1:]]
            rows.append(row)
        return replace(copy, rows=rows)
    return edit


def _values(change: Callable[[str], str]) -> Callable[[Copy], Copy]:
    def edit(copy: Copy) -> Copy:
        for column in (3, 4, 5):
            copy = copy.cells("indicator", column, change)
        for column in range(1, len(FUNDS_HEAD)):
            copy = copy.cells("funds", column, change)
        return copy
    return edit


def _no_reason(copy: Copy) -> Copy:
    for column in (ANALYSIS, ANALYSIS + 1):
        copy = copy.cells("indicator", column, lambda t: "" if t == "无" else t)
    return copy


def _ticks(mark: str) -> Callable[[Copy], Copy]:
    def edit(copy: Copy) -> Copy:
        for column in range(FIRST_REASON, FIRST_REASON + len(REASONS)):
            copy = copy.cells("indicator", column, lambda t: mark if t == "√" else t)
        return copy
    return edit


EDITS: dict[str, Callable[[Copy], Copy]] = {
    **LAYOUT_EDITS,
    "full-width digits": _values(_full_width),
    "header repeated after a page break": _page_break,
    "执行率 45.50%": lambda copy: copy.cells("funds", 3, _tenths),
    "执行率 0.455": lambda copy: copy.cells("funds", 3, _ratio),
    "period 1—6月": _head_cells(lambda t: t.replace(PERIOD, "1—6月")),
    "period 1至6月": _head_cells(lambda t: t.replace(PERIOD, "1至6月")),
    "period 上半年": _head_cells(lambda t: t.replace(PERIOD, "上半年")),
    "完成目标可能性 能": lambda copy: copy.cells("indicator", LIKELIHOOD, lambda t: "能" if t == "确定能" else t),
    "a column per option ✓": _option_columns(lambda option: "✓"),
    "a column per option 是": _option_columns(lambda option: "是"),
    "a column per option, its word": _option_columns(lambda option: option),
    "reason ticked ✓": _ticks("✓"),
    "no reason where nothing deviates": _no_reason,
}
FINDINGS_ONLY = {"no reason where nothing deviates"}  # 无 is the reason's text as written; nothing is found of it
TOLD = {"完成目标可能性 能"}  # a warning says 能 is read as 确定能: the one message the edit adds


def _findings_told(document: Document, label: str) -> tuple[Any, ...]:
    """:func:`findings`, less the warning a :data:`TOLD` edit adds by nature."""
    found = findings(document)
    return (*found[:-1], tuple(m for m in found[-1] if "按「确定能」读取" not in m[1])) if label in TOLD else found


def _merged_reason(copy: Copy) -> tuple[Copy, list[int]]:
    """The row after each 有可能 row 有可能 too under the same reason cells, merged down: a text copy writes them once,
    at the first row; (the copy, the second rows' places among the indicators)."""
    rows, seconds = list(copy.rows), []
    places = [i for i, kind in enumerate(copy.kinds) if kind == "indicator"]
    for n, (here, after) in enumerate(pairwise(places)):
        if copy.rows[here][LIKELIHOOD] == "有可能" and copy.rows[after][LIKELIHOOD] == "确定能":
            rows[after] = [*rows[after][:LIKELIHOOD], "有可能", *([""] * (len(HEAD) - LIKELIHOOD - 1))]
            seconds.append(n + 1)
    return replace(copy, rows=rows), seconds


def kept_once(copy: Copy) -> str | None:
    """What is wrong when the reason merged over two 有可能 rows (:func:`_merged_reason`) is not kept once: read for
    the second row, or the copy not refused at it (须填写偏差原因); None when it is kept once (or no row is so)."""
    merged, seconds = _merged_reason(copy)
    read = _one(merged.text())
    if not seconds:
        return None
    if read is None:
        return "reason merged: not read as one project without errors"
    indicators = read.projects[0].indicators
    if any(indicators[n].progress is None or indicators[n].progress.reason or indicators[n].deviation for n in seconds):
        return "reason merged: read for the row it was not written in"
    found = findings(read)
    if found[0] != "refused" or not any("须填写偏差原因" in message for _severity, message in found[1]):
        return f"reason merged: not refused at the row without it {found}"
    return None


def check_project(name: str, project: Project, edits: dict[str, Callable[[Copy], Copy]] = EDITS) -> Outcome:
    copy = render(project, project.fund_year)
    read = _one(copy.text()) if copy is not None else None
    if copy is None or read is None or read.kind != "monitoring" or read.projects[0].month != 6:
        return Outcome(name, project.name, False, [])
    differences = edited_differences(copy, read, edits, lambda d: reading(d.projects[0]), _findings_told,
                                     FINDINGS_ONLY, "monitored")
    if (merged := kept_once(copy)) is not None:
        differences.append(merged)
    return Outcome(name, project.name, True, differences, len(edits) + 1)


def main(argv: list[str] | None = None) -> int:
    return run(argv, __doc__, lambda name, _document, project, _path: check_project(name, project))


if __name__ == "__main__":
    raise SystemExit(main())
