"""A 绩效监控表 (运行监控表) told from the other tables, and its period: the last month its figures run to.

Units publish, besides the target and self-evaluation tables, a monitoring table: the funds grid's
1-N月执行数 (执行率) and 全年预计执行数, each indicator's 1-N月执行情况 (实际完成值), 全年预计完成情况,
完成目标可能性 and 偏差原因. A table is a monitoring table when its title names 监控 (绩效监控表, 运行监控表,
执行监控表), a label of its header block says when (监控时点, 监控期间), or its columns hold a period's
figures (a funds column 1-N月执行数 or 全年预计执行数, an indicator column 1-N月执行情况, 全年预计完成情况 or
完成目标可能性). Its period is read from the same places, the columns first (their figures are the
period's): ``1-6月`` (1至6月, 1～6月) → 6, ``截至6月`` (截至2024年6月) → 6, 监控时点 ``2024年6月30日`` → 6,
半年度 / 上半年 → 6, 前三季度 → 9, 一季度 → 3. Places that name different months are warned of, the first
kept; a monitoring table that names no month has none (nothing guessed).
"""

from __future__ import annotations

import re

from perfbudget.model import Indicator, Problem, Severity, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key

# 1-6月, 1至6月, 1～6月 (the months from January)
_RANGE = re.compile(r"1\s*[-－—–~～至到]\s*(\d{1,2})\s*月")
# 截至6月, 截止2024年6月底, 截至6月30日
_UNTIL = re.compile(r"截[至止]\s*(?:(?:19|20)\d{2}\s*年\s*)?(\d{1,2})\s*月")
# the month of a date written as the 监控时点's value (2024年6月30日, 2024-06-30, 6月底)
_DATE_MONTH = re.compile(r"(?:(?:19|20)\d{2}\s*(?:年|[-./])\s*)?(\d{1,2})\s*(?:月|[-./]\s*\d{1,2}\s*日?$)")
_SPANS = (("前三季度", 9), ("三季度", 9), ("上半年", 6), ("半年", 6), ("一季度", 3))
# header-block labels that say when the figures were taken
MOMENT_LABELS = frozenset({"监控时点", "监控期间", "监控时间", "监控截止时间", "监控月份", "监控期"})
# an indicator column only a monitoring table has
_MONITOR_COLUMNS = ("完成目标可能性", "全年预计完成")


def _month_of(text: str) -> int | None:
    """The last month a text names as a period (see the module's note), None when it names none."""
    found = _RANGE.search(text) or _UNTIL.search(text)
    if found is not None:
        month = int(found.group(1))
        return month if 1 <= month <= 12 else None
    for word, month in _SPANS:
        if word in text:
            return month
    return None


def _moment_month(text: str) -> int | None:
    found = _month_of(text)
    if found is not None:
        return found
    date = _DATE_MONTH.search(text)
    return int(date.group(1)) if date is not None and 1 <= int(date.group(1)) <= 12 else None


def _labelled_moment(text: str) -> int | None:
    """The month of ``监控时点：2024年6月30日`` written in one text (a title line, a cell), else None."""
    head, colon, value = text.replace("：", ":").partition(":")
    return _moment_month(value) if colon and label_key(head) in MOMENT_LABELS else None


def is_monitoring_title(text: str) -> bool:
    """A title naming a monitoring table (绩效监控表, 运行监控情况表, 目标执行监控表): not a project's name that holds
    监控 (视频监控系统运维项目绩效目标表, 水位监控表计更换), nor a target or self-evaluation table's title."""
    return _TITLE.search(text) is not None and _OTHER_TABLE.search(text) is None


_TITLE = re.compile(r"监控(?:情况)?(?:表(?!计)|报表|报告)")
_QUOTED = re.compile(r"《[^《》]*》")  # a document a cell's sentence names
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _unquoted(text: str) -> str:
    """A cell's text without what it names in book-title marks, where it has words outside them (a sentence naming a
    document: 填报《项目支出绩效监控表》1分); a cell that is only its 《…》 is the title it quotes."""
    unquoted = _QUOTED.sub("", text)
    return unquoted if _WORD.search(unquoted) else text


_OTHER_TABLE = re.compile(r"(?:绩效目标|自评|申报|评价)表")


def monitoring_period(title: str | None, heading: str | None, extras: list[tuple[str, Cell]],
                      indicators: list[Indicator], where: Source, problems: list[Problem],
                      self_evaluation: bool = False) -> tuple[bool, int | None, Source | None]:
    """(whether the table is a monitoring table, its period's last month, where that month was read); see the
    module's note. ``extras`` are the header block's (label, cell) pairs, the funds grid's as ``row/column``.
    A table with self-evaluation columns (实际完成值, 得分: ``self_evaluation``) is a monitoring table only by its
    title, a 监控时点 label or a column only monitoring tables have (完成目标可能性, 全年预计…): a 自评表's funds
    column 1-12月执行数 says the year, not a period."""
    months: list[tuple[int, Source, str]] = []  # (month, where, the place's text), the columns first
    monitoring = False
    for label, cell in extras:
        _row, slash, column = label.partition("/")
        if slash:
            if "执行" in column and (month := _month_of(column)) is not None:
                monitoring = monitoring or not self_evaluation
                months.append((month, cell.source, column))
            elif "预计" in column and "执行" in column:
                monitoring = True
    if indicators:
        first = indicators[0]
        for header, _ in first.extras:
            if any(word in header for word in _MONITOR_COLUMNS):
                monitoring = True
            elif ("执行" in header or "完成" in header) and (month := _month_of(header)) is not None:
                monitoring = monitoring or not self_evaluation
                months.append((month, first.source or where, header))
    for text in (title, heading) if title != heading else (title,):
        if text and "监控" in text and ((moment := _labelled_moment(text)) is not None or is_monitoring_title(text)):
            monitoring = True  # (a title, or a 监控时点：… line taken for the heading)
            if (month := moment or _month_of(text)) is not None:
                months.append((month, where, text))
    for label, cell in extras:
        text = cell.text.strip()
        if label and label_key(label) in MOMENT_LABELS:
            monitoring = True
            if (month := _moment_month(text)) is not None:
                months.append((month, cell.source, f"{label.strip()}{text}"))
        elif not label and "监控" in text and "监控" in (unquoted := _unquoted(text)) and (
                (month := _labelled_moment(unquoted)) is not None or is_monitoring_title(unquoted)):
            # 监控时点：2024年6月30日 (or the title) in a cell of its own, an unlabelled extra; a 监控表 the cell names
            # in book-title marks is a document it refers to (a 自评表's criterion: 填报《项目支出绩效监控表》1分,
            # corpus 191 read as a 监控表 until kinds45), never the table's own title; a cell that is only its 《…》
            # is the title quoted
            monitoring = True
            if (month := month or _month_of(text)) is not None:
                months.append((month, cell.source, text))
    if not monitoring:
        return False, None, None
    if not months:
        return True, None, None
    month, at, said = months[0]
    if (other := next((m for m in months if m[0] != month), None)) is not None:
        problems.append(Problem(other[1], f"监控期间不一致：「{said}」为 1-{month} 月，「{other[2]}」为 "
                                          f"1-{other[0]} 月；按各列数据所属的 1-{month} 月读取，请核对",
                                Severity.WARNING))
    return True, month, at
