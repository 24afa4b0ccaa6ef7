"""A self-evaluation's funds grid typed: its total row's 年初预算数, 全年执行数, 执行率, 分值 and 得分.

The header-block reader keeps every cell of the funds grid (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 |
得分 over 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金) as project extras named ``row/column``
(``年度资金总额/全年执行数``), the budget column's amount as the budget. This module reads the total row's figures
into :class:`perfbudget.model.Budget`'s ``initial``, ``executed``, ``rate``, ``weight`` and ``score``, each with its
cell's location; the extras stay as they are. The total row is the row labelled as the total (年度资金总额,
资金总额, 合计 …), or the grid's only row; the 总分 row closing the indicators (``总分/分值``, ``总分/得分``:
points alone under a 总分 or 合计 label, readers/total_rows.py) is none of the grid's. A cell that holds no
figure of its column's kind (an amount; a rate with ``%``, or a number above 1, or 0; points) is left untyped,
its text kept in the extras: nothing is guessed. A cell of any row of
the grid written as no finance officer writes a figure is an error at the cell, and the table is not taken (until
attack23 it was left untyped without a word, or typed as written): a number in scientific notation (``1e999999``,
``1E+02``), NaN or Infinity (∞), digits other than 0-9 after full-width ones are read as theirs (``٣٠``), a negative
figure (``-108``, ``−108``, ``(108)``), one beyond 10^12 (the scoring's bound; a 40-digit 全年执行数) and one of more
than 20 decimals (what a store holds). A 执行率 that is not 全年执行数 ÷ 预算数 (:func:`rate_agrees`) is
warned of at its cell where the review does not say it. A 监控表's 1-N月执行数 and 1-N月执行率 are its
``executed`` and ``rate``: the execution to the period's end (``Project.month``, readers/monitoring_period.py), not
the year's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal

from perfbudget.budget_parts import CARRIED_OVER_ROWS, quoted_row, source_name
from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.full_mark_scores import is_full_marks
from perfbudget.readers.funds_head_gaps import head_left_out
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import EXECUTION_POINT_COLUMNS, FUND_TOTAL_ROWS, field_of_key
from perfbudget.readers.money_cells import money_amount
from perfbudget.readers.total_rows import TOTAL_ROWS as SCORE_TOTAL_ROWS

# the grid's column labels (label_key) of each typed figure
FIELD_OF_COLUMN = {
    "年初预算数": "initial", "年初预算": "initial",
    "全年执行数": "executed", "执行数": "executed", "预算执行数": "executed", "全年执行": "executed",
    "资金执行数": "executed", "实际支出金额": "executed",  # (a 专项债 自评表's 债券资金管理指标 row: bond_funds.py)
    "执行率": "rate", "预算执行率": "rate",
    "分值": "weight", "权重": "weight",
    "得分": "score",
    # Fujian's 部门整体支出绩效自评表 (年初部门预算安排金额 ① … 年度拨付金额 ⑤ | 支出实现率 ⑥=⑤/④)
    "年初部门预算安排金额": "initial", "年度拨付金额": "executed", "支出实现率": "rate",
    # the execution's points named as its own (执行率 | 执行率权重 | 执行率得分, Chongqing; kinds31)
    **EXECUTION_POINT_COLUMNS,
}
# a 监控表's columns: 1-6月执行数 (累计执行数, 支出数), 1-6月执行率 (预算执行率) — the period's figures
# (截至6月底执行数 too: kinds35; 上半年执行数: monitor41)
_PERIOD_COLUMN = re.compile(r"^(?:1[-－—–~～至到]\d{1,2}月|截[至止]\d{1,2}月(?:[底末]|\d{1,2}日)?|上半年)(?:累计|预算)?"
                            r"(执行数|支出数|执行金额|执行率)$")


def column_field(column: str) -> str | None:
    """The typed figure a funds column holds (``initial``, ``executed``, ``rate``, ``weight``, ``score``), or None."""
    return FIELD_OF_COLUMN.get(column) or _period_field(column)


def typed_figure(name: str, text: str) -> Decimal | None:
    """``text`` as the figure of ``name`` (see the module's note), None where it holds no such figure."""
    return _figure(name, text)


def _period_field(column: str) -> str | None:
    found = _PERIOD_COLUMN.match(column) if column[:1] in ("1", "截", "上") else None
    return None if found is None else ("rate" if found.group(1) == "执行率" else "executed")


_RATE = re.compile(r"^((?:0|[1-9]\d*)(?:\.\d+)?)\s*([%％])?$")
_POINTS = re.compile(r"^((?:0|[1-9]\d*)(?:\.\d+)?)\s*分?$")
# A character a mirror lost in transcoding after the figure (9.68? beside 4,764,453.11?, corpus 149): read as
# money_cells reads such amounts, with a warning (reading32; the points were not read)
LOST_MARKS = "?\ufffd"

Figures = dict[str, tuple[Decimal, Source]]


def execution_figures(extras: list[tuple[str, Cell]], problems: list[Problem] | None = None,
                      budget: Decimal | None = None) -> Figures:
    """The funds grid's total row typed (see the module's note): ``{"executed": (amount, source), …}``, empty for a
    table without such a grid. A cell of the grid holding what no finance officer writes as a figure is an error in
    ``problems`` at the cell (:func:`figure_refusal`). A head broken by a column name not known is not typed
    (readers/funds_head_gaps.py). A 执行率 written as a bare ratio (``0.9``, ``1``) is typed where the project's
    ``budget`` and the row's 全年执行数 decide it (:func:`_ratio_rate`)."""
    if (broken := head_left_out(extras)) is not None:
        if problems is not None:
            problems.append(broken)
        return {}
    rows: dict[str, list[tuple[str, Cell]]] = {}
    for label, cell in extras:
        row, slash, column = label.partition("/")
        if slash and (name := FIELD_OF_COLUMN.get(column) or _period_field(column)) is not None:
            rows.setdefault(row, []).append((name, cell if cell.blank else checked_cell(column, name, cell, problems)))
    for row in [row for row in rows if row in SCORE_TOTAL_ROWS and _only_points(rows[row])]:
        del rows[row]  # the 总分 row closing the indicators (总分/分值 = 100, 总分/得分 = 99), no funds row
    if not rows:
        return {}
    total = total_row(rows)
    if total is None:
        if len(rows) > 1:
            # rows of parts and no total: the project's is their sum where they are the total's parts (当年财政拨款,
            # 上年结转资金, 其他资金, each once), else which is the project's is not said
            return _summed_sources(rows, problems)
        total = next(iter(rows))
    figures: Figures = {}
    for name, cell in rows[total]:
        if name not in figures and (value := _figure(name, cell.text.strip())) is not None:
            figures[name] = (value, cell.source)
    if "score" not in figures and "weight" in figures:
        # 满分 under the grid's 得分: its 分值, as a row's (readers/full_mark_scores.py; kinds40)
        figures.update(("score", (figures["weight"][0], cell.source)) for name, cell in rows[total]
                       if name == "score" and is_full_marks(cell.text))
    if "rate" not in figures and "executed" in figures and budget:
        _ratio_rate(figures, [cell for name, cell in rows[total] if name == "rate"], budget, problems)
    for name in ("weight", "score"):
        # the execution's 分值/得分 written on one row of the grid only, not the total's (Chongqing's 执行率权重 |
        # 执行率得分 on its 其中:财政拨款 row, corpus 149): the grid's, said in a note (kinds31)
        given = [(row, value, cell.source) for row, cells in rows.items() if row != total for field, cell in cells
                 if field == name and (value := _figure(name, cell.text.strip())) is not None]
        if name not in figures and len(given) == 1:
            row, value, at = given[0]
            figures[name] = (value, at)
            if problems is not None:
                what = "分值" if name == "weight" else "得分"
                problems.append(Problem(at, f"资金表的合计行没有填写预算执行率的{what}，"
                                            f"取自「{quoted_row(row)}」行：{value}", Severity.INFO))
    return figures


def checked_cell(column: str, name: str, cell: Cell, problems: list[Problem] | None) -> Cell:
    """A funds cell under ``column`` (its figure a ``name``: ``rate`` …) as it is typed: a rate's or points' character
    a mirror lost after the figure dropped (a warning), a figure no finance officer writes emptied (an error at the
    cell, :func:`figure_refusal`: not typed, nor compared with the 执行率); else the cell itself."""
    if name in ("rate", "weight", "score") and (text := cell.text.strip()) and text[-1] in LOST_MARKS \
            and _figure(name, kept := text[:-1].strip()) is not None:
        if problems is not None:
            problems.append(Problem(cell.source, f"「{text}」数字后的「{text[-1]}」多为网页转码时丢失的"
                                                 f"字符（如不换行空格），取 {kept}，请核对", Severity.WARNING))
        cell = Cell(kept, cell.source)
    if (refused := figure_refusal(column, cell.text)) is not None:
        if problems is not None:
            problems.append(Problem(cell.source, refused))
        cell = Cell("", cell.source)
    return cell


def total_row(rows: Iterable[str]) -> str | None:
    """The funds grid's total row among its ``rows`` (年度资金总额, 合计 …), None where none is so labelled."""
    return next((row for row in rows if row in FUND_TOTAL_ROWS or field_of_key(row) == "total"), None)


# the rows a funds grid's total is the sum of (年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金)
_PART_FIELDS = ("fiscal", "other")


def _summed_sources(rows: dict[str, list[tuple[str, Cell]]], problems: list[Problem] | None) -> Figures:
    """A grid of one row a source of funds and no total row (财政拨款 | … | 40 ‖ 其他资金 | … | 13): its 全年执行数
    (and 年初预算数) the rows' sum, where every row is a part of the total (当年财政拨款, 上年结转资金, 其他资金, each
    once) and every row that gives money gives the figure; its 分值 and 得分 the one row that writes them (a merged
    cell's value stands in its first row). A 执行率 is each row's own, never summed. Else nothing (as before)."""
    fields = [field_of_key(row) if source_name(row) not in CARRIED_OVER_ROWS else "carried" for row in rows]
    if any(field not in (*_PART_FIELDS, "carried") for field in fields) or len(set(fields)) < len(fields):
        return {}
    typed = {row: {name: (value, cell.source) for name, cell in cells
                   if (value := _figure(name, cell.text.strip())) is not None} for row, cells in rows.items()}
    figures: Figures = {}
    for name in ("initial", "executed"):
        given = [figures_of[name] for figures_of in typed.values() if name in figures_of]
        moneyed = sum(1 for figures_of in typed.values() if figures_of.keys() & {"initial", "executed"})
        if given and len(given) == moneyed:
            figures[name] = (sum((value for value, _ in given), Decimal(0)), given[0][1])
    for name in ("weight", "score"):
        given = [figures_of[name] for figures_of in typed.values() if name in figures_of]
        if len(given) == 1:
            figures[name] = given[0]
    if "executed" in figures and problems is not None:
        parts = " + ".join(f"{row} {typed[row]['executed'][0]}" for row in rows if "executed" in typed[row])
        problems.append(Problem(figures["executed"][1], f"资金表没有合计行，全年执行数按各资金来源行相加：{parts} = "
                                                        f"{figures['executed'][0]}", Severity.INFO))
    return figures


def _only_points(cells: list[tuple[str, Cell]]) -> bool:
    """Whether a row gives 分值/得分 alone: the 总分 row (readers/total_rows.py), not a funds row — a funds grid's 合计
    row gives an amount or a 执行率 too (a 总分 row's points taken for the grid's were r89's 分值 100, 得分 99)."""
    return all(name in ("weight", "score") or not cell.text.strip() for name, cell in cells)


# the scoring's bound (evaluate.resolve.MAX_MAGNITUDE): no budget, execution, rate or points reach 10^12
_MOST_DIGITS = 12
_MOST_DECIMALS = 20  # what a store holds (app.validate): a figure of 100 decimals was refused at import, not here
_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)")
_EXPONENT = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)[eE][-+]?\d")
_NOT_FINITE = re.compile(r"^[-+]?(?:nan|s?nan\d*|inf|infinity|∞)(?:[%％]|万元|万|元|分)?$", re.IGNORECASE)
_NEGATIVE = re.compile(r"^(?:[-−﹣－]\s*\d|[(（]\s*\d[\d.,，]*\s*[)）]$)")


def figure_refusal(column: str, written: str) -> str | None:
    """Why a funds-grid cell under ``column`` (全年执行数, 执行率 …) holds no figure a finance officer writes
    (Chinese), or None — for words (见附件), a dash or an empty cell too, which stay untyped as before."""
    text = "".join(unicodedata.normalize("NFKC", written).split()).replace(",", "")
    if not text:
        return None
    shown = _shown_text(written.strip())
    if _NOT_FINITE.match(text):
        return f"{column}「{shown}」不是数字：请填写金额、比例或分值的数字"
    if _EXPONENT.match(text):
        return f"{column}「{shown}」是科学计数法，不是表中数字的写法：请写出完整的数字（如 108.5）"
    if _NEGATIVE.match(text):
        return f"{column}「{shown}」是负数：预算数、执行数、执行率、分值和得分都不能为负"
    if any(c.isdigit() and not c.isascii() for c in text):
        return f"{column}「{shown}」含有 0-9 以外的数字字符：请用 0-9 书写"
    number = _NUMBER.match(text)
    if number is None:
        return None
    whole, _, decimals = number.group().lstrip("+-").partition(".")
    if len(whole.lstrip("0")) > _MOST_DIGITS:
        return f"{column}「{shown}」超出允许范围（绝对值不超过 10^{_MOST_DIGITS}）：请核对数字"
    if len(decimals) > _MOST_DECIMALS:
        return f"{column}「{shown}」小数位数过多（至多 {_MOST_DECIMALS} 位）：请核对数字"
    return None


def _shown_text(text: str) -> str:
    return text if len(text) <= _SHOWN_DIGITS else f"{text[:_SHOWN_DIGITS]}…（共 {len(text)} 个字符）"


def _figure(name: str, text: str) -> Decimal | None:
    if not text:
        return None
    if name in ("initial", "executed"):
        return money_amount(Cell(text, Source("")), "", [])[0]
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)  # １０, ９５．５％ as the amounts are read (kinds40)
    if name == "rate":
        found = _RATE.match(text)
        if found is None:
            return None
        value = Decimal(found.group(1))
        # 0.95 or 1 without %: a ratio or a percent, untold (0 is 0 either way)
        return value if found.group(2) or value > 1 or not value else None
    found = _POINTS.match(text)
    return Decimal(found.group(1)) if found is not None and Decimal(found.group(1)) <= 100 else None


# How far a written 执行率 may be from 全年执行数 ÷ 预算数 (percentage points): tables round to whole percents or cut
# the decimals (80.6 written 80%), and amounts rounded to two places move the share a little. The one tolerance of
# the reader (a bare ratio told, a funds row placed: lost_fund_cell) and of the review (execution-rate-mismatch).
RATE_SLACK = Decimal(1)
_HUNDRED = Decimal(100)
_BARE = re.compile(r"^(?:0|1)(?:\.\d+)?$")


def _ratio_rate(figures: Figures, cells: list[Cell], budget: Decimal, problems: list[Problem] | None) -> None:
    """A 执行率 of 1 or less without ``%`` (``0.9``, ``1``, ``1.00``): a ratio or a percent, which ``_figure`` leaves
    untold. The row's 全年执行数 ÷ ``budget`` tells it: as a ratio (× 100) or as a percent, the one reading that agrees
    within a point is the rate, an info note saying so; neither, or both (a rate near 1 % of a ratio near 0.01), it
    stays untyped as before (kinds37: ``1`` beside 100 of 100 was left unread)."""
    text = unicodedata.normalize("NFKC", cells[0].text).strip() if cells else ""
    if not _BARE.match(text):
        return
    value, computed = Decimal(text), figures["executed"][0] / budget * 100
    as_percent = value.scaleb(2)  # 0.958 → 95.8, its own digits (a quantize to them failed past 28 of them)
    if int(as_percent.as_tuple().exponent) > 0:
        as_percent = as_percent.quantize(Decimal(1))  # 1 → 100, not 1E+2
    readings = [reading for reading in (as_percent, value) if abs(reading - computed) <= RATE_SLACK]
    if len(readings) != 1 or readings[0] == value:
        return  # (a percent of at most 1 % agreeing: still untold by the text, left untyped)
    figures["rate"] = (readings[0], cells[0].source)
    if problems is not None:
        problems.append(Problem(cells[0].source, f"执行率「{text}」按比例读作 {_shown(readings[0])}%（全年执行数 "
                                                 f"{_shown(figures['executed'][0])} ÷ 预算数 {_shown(budget)}）",
                                Severity.INFO))


def rate_agrees(rate: Decimal, executed: Decimal, budget: Decimal) -> bool:
    """Whether a written 执行率 is 全年执行数 ÷ 预算数 (``budget`` above 0) in percent: within :data:`RATE_SLACK`
    points, or 100 % for more spent than budgeted (the share capped, as the score caps it)."""
    share = executed / budget * _HUNDRED
    return abs(rate - share) <= RATE_SLACK or (rate == _HUNDRED and share > _HUNDRED)


def rate_disagrees(figures: Figures, budget: Decimal | None) -> Problem | None:
    """A warning at the 执行率 cell when it is not 全年执行数 ÷ 预算数 (:func:`rate_agrees`): the table's own
    arithmetic is wrong, or its row was read under the wrong columns. The figures are kept as written either way.
    The reader says it of a monitoring table's grid and of one read a column off; a year's grid read in place is
    the review's (``execution-rate-mismatch``, the same check)."""
    if "rate" not in figures or "executed" not in figures or not budget:
        return None
    (rate, where), executed = figures["rate"], figures["executed"][0]
    if rate_agrees(rate, executed, budget):
        return None
    computed = executed / budget * _HUNDRED
    return Problem(where, f"执行率读作 {_shown(rate)}%，与全年执行数 {_shown(executed)} ÷ 预算数 {_shown(budget)}"
                          f"（{shown_share(computed)}%）不符：按表中所写保留，请核对执行率或各列是否对齐",
                   Severity.WARNING)


def shown_share(value: Decimal) -> str:
    """A share of the budget (全年执行数 ÷ 预算数, in percent) as every message shows it: two decimals (80.45), two
    significant digits below 0.01 (0.0095, a 执行数 in 万元 of a budget in 元: never 0.00 for money spent)."""
    if 0 < value < Decimal("0.01"):
        return _shown(value.quantize(Decimal(1).scaleb(value.adjusted() - 1)), "f")
    return _shown(value, ".2f")


_SHOWN_DIGITS = 30


def _shown(value: Decimal, spec: str = "") -> str:
    """A figure as a message shows it: at most :data:`_SHOWN_DIGITS` characters and how many more there are. Until
    attack22 a 执行率 or 全年执行数 of 200,000 digits was written whole into its warning (400 KB, printed by
    ``perfbudget read``; on the web the note was too long to store and refused the table for that)."""
    if value.is_finite() and value.adjusted() > _SHOWN_DIGITS:
        return f"{str(value)[:_SHOWN_DIGITS]}…（整数部分共 {value.adjusted() + 1} 位）"
    text = format(value, spec)
    return text if len(text) <= _SHOWN_DIGITS else f"{text[:_SHOWN_DIGITS]}…（共 {len(text)} 个字符）"
