"""Money cells: the amount a budget cell holds, and the money unit written after amounts.

``17.00``, ``854万854万`` (a copied duplicate), ``213.4(其中上年结转10)`` (a note, kept in the
project's extras with a note), ``4,764,453.11?`` (a character a mirror lost in transcoding, read with a
warning); a negative amount (``-120``: no finance officer budgets a negative sum, kinds26) and anything else is an
error at the cell, never a guess.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, getcontext
from functools import lru_cache

from perfbudget.model import Op, Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import header_field
from perfbudget.readers.parts import Parts
from perfbudget.text_caches import keyed_on_texts

_AMOUNT = re.compile(r"^(?P<number>[-+]?\d+(?:\.\d+)?)(?P<unit>万元|万|元)?(?P<rest>.*)$")
_NOTE = re.compile(r"[（(][^()（）]*[)）]")
# What a page copied through a narrower encoding puts for a character it cannot write (a no-break space after an
# amount, 3,724,055.00&nbsp; in Chongqing's 自评表 as a mirror serves it, corpus22): ASCII ? or U+FFFD.
_LOST = frozenset("?\ufffd")
_SPACE = re.compile(r"\s+")


def money_amount(cell: Cell, label: str, problems: list[Problem]) -> tuple[Decimal | None, bool]:
    """The amount in a money cell, and whether the cell holds more than the amount (a note)."""
    value, number, reading, _unit = read_amount(cell.text)
    if reading == _EMPTY:
        return None, False
    if reading == _NOT_AMOUNT:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」不是金额"))
        return None, False
    if reading == _NEGATIVE:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」是负数：预算金额不能为负，请核对"))
        return None, False
    if reading == _NOTED:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」取金额 {number}，"
                                             "原文保留在项目的附加信息中", Severity.INFO))
        return value, True
    if reading == _LOST_MARK:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」金额后的「?」多为网页转码时丢失的字符"
                                             f"（如不换行空格），取金额 {number}，请核对", Severity.WARNING))
    return value, False


_EMPTY, _NOT_AMOUNT, _NOTED, AMOUNT_ONLY = "empty", "not an amount", "noted", "amount"
_NEGATIVE = "negative"
_LOST_MARK = "amount with a lost character"


@keyed_on_texts
@lru_cache(maxsize=4096)
def read_amount(written: str) -> tuple[Decimal | None, str | None, str, str | None]:
    """What :func:`money_amount` makes of a cell's text: (amount, its number as written, ``_EMPTY`` /
    ``_NOT_AMOUNT`` / ``_NOTED`` / ``AMOUNT_ONLY``, the unit written after the number: 万元, 元 or None). Cached: a
    pure function of the text, and the same amounts recur (预算数 and 财政资金 are often one amount; a Decimal is
    immutable, so shared). The writers read a funds cell's amount with it too (``target_table_layout._in_unit``)."""
    # without whitespace: str.split() splits at exactly the characters re's \s matches (str.isspace)
    text = "".join(unicodedata.normalize("NFKC", written).split()).replace(",", "")
    if not text or text in ("-", "—", "/", "无"):
        return None, None, _EMPTY, None
    match = _AMOUNT.match(text)
    if match is None:
        # −120 (U+2212, the minus sign NFKC keeps) is as negative as -120
        return None, None, _NEGATIVE if text[0] == "\u2212" and text[1:2].isdigit() else _NOT_AMOUNT, None
    if text[0] == "-" and Decimal(match["number"]):
        return None, None, _NEGATIVE, None  # -120 (a -0 is 0)
    rest = match["rest"] and _NOTE.sub("", match["rest"])
    amount = match["number"] + (match["unit"] or "")
    while rest.startswith(amount):  # a copied duplicate such as 854万854万
        rest = rest[len(amount):]
    unit = None if match["unit"] is None else "元" if match["unit"] == "元" else "万元"
    if rest and not match["rest"].strip("?\ufffd") and _LOST.issuperset(rest):
        return Decimal(match["number"]), match["number"], _LOST_MARK, unit  # 4764453.11? (a lost no-break space)
    if rest:
        return None, None, _NOT_AMOUNT, None
    return Decimal(match["number"]), match["number"], _NOTED if match["rest"] else AMOUNT_ONLY, unit


def in_table_unit(cell: Cell, amount: Decimal, money_unit: str, label: str,
                  problems: list[Problem]) -> tuple[Decimal, str | None]:
    """``amount`` (read from ``cell``) in the table's ``money_unit`` where the cell writes the other unit after it
    (``120000元`` under 单位：万元 is 12 万元, ``12万元`` under 单位：元 is 120000 元), with a warning at the cell and
    the note to check it returns; unchanged (and no note) where the cell writes no unit or the table's own."""
    own = read_amount(cell.text)[3]  # (cached: money_amount has just read the cell)
    if own is None or own == money_unit:
        return amount, None
    converted = (amount / 10000 if own == "元" else amount * 10000).normalize()
    # 1E+2 written 100; an amount of more digits than the context's 28 is left as it is (its quantize raised
    # InvalidOperation out of the reader: 10**40 元 under 单位：万元, 500 on an upload until attack36; the amount is
    # refused where it is stored, app.validate.number_problem)
    if converted == converted.to_integral_value() and converted.adjusted() < getcontext().prec:
        converted = converted.quantize(Decimal(1))
    note = (f"{label}「{cell.text.strip()}」写明单位「{own}」，与表中的金额单位「{money_unit}」不同："
            f"按 {converted} {money_unit} 读取")
    problems.append(Problem(cell.source, f"{note}，请核对金额单位", Severity.WARNING))
    return converted, note


def _amount_of(cell: Cell) -> re.Match[str] | None:
    return _AMOUNT.match(_SPACE.sub("", unicodedata.normalize("NFKC", cell.text)).replace(",", ""))


def written_money_unit(parts: Parts) -> str | None:
    """万元 or 元 when the table gives no money unit but its amounts carry one (``10000万元``): the
    budget's own cells, or else a cell of the header block (or a part of 财政资金) that holds one of the
    budget's amounts with a unit and nothing more (a region table's ``预算数 2.38`` above
    ``其中:中央补助 | 2.38 万元``)."""
    units = set()
    amounts = set()
    for cell in parts.money.values():
        match = _amount_of(cell)
        if match:
            amounts.add(Decimal(match["number"]))
            if match["unit"]:
                units.add("元" if match["unit"] == "元" else "万元")
    if not units and amounts:
        for _label, cell in (*parts.extras, *parts.fiscal_parts):
            match = _amount_of(cell)
            if match and match["unit"] and not match["rest"] and Decimal(match["number"]) in amounts:
                units.add("元" if match["unit"] == "元" else "万元")
    return units.pop() if len(units) == 1 else None


_COST_OPS = (None, Op.LE, Op.EQ)


def cost_money_unit(parts: Parts) -> tuple[str, str] | None:
    """万元 or 元, and the row that says so, when the table writes its budget without a unit anywhere (not
    even after an amount: :func:`written_money_unit`) but a 成本指标's target is one of the budget's own amounts
    with a unit and no more (``项目金额 | 5万元``, ``项目总成本 | ≤1125万元`` under 年度资金总额 5.00 / 1125): the
    cost the form states for the whole budget. One unit only; a range, a rate or an amount that is not the
    budget's says nothing of it."""
    amounts = set()
    for cell in parts.money.values():
        match = _amount_of(cell)
        if match and not match["rest"]:
            amounts.add(Decimal(match["number"]))
    if not amounts:
        return None
    found: dict[str, str] = {}
    for indicator in parts.indicators:
        target = indicator.target
        if "成本" in indicator.level2 and target.unit in ("万元", "元") and target.value in amounts \
                and target.op in _COST_OPS and target.upper is None and target.period is None:
            found.setdefault(target.unit, f"{indicator.level3}「{target.raw}」")
    return next(iter(found.items())) if len(found) == 1 else None


# a budget label at the start of a cell, then (after a colon, perhaps) a number: 年度资金总额50万元，主要用于…
_LEADING_TOTAL = re.compile(r"^(?P<label>[^\d:,;()]{2,12}?)(?:\((?:万元|元|千元|亿元)\))?:?\d")


def unsplit_budget_cell(parts: Parts) -> Cell | None:
    """The header cell, kept as an unlabelled extra, that starts with a budget label and its amount but holds
    more than the header block can split (``年度资金总额50万元，其中:财政拨款40万元，社会捐赠10万元`` with a part
    the reader does not know; ``年度资金总额50万元，主要用于培训``): where the budget was read from nowhere else,
    the caller warns at it (the amount is not taken: what the rest of the cell says of it is unknown)."""
    for label, cell in parts.extras:
        if not label:
            found = _LEADING_TOTAL.match("".join(unicodedata.normalize("NFKC", cell.text).split()))
            if found is not None and header_field(found["label"]) == "total":
                return cell
    return None


# A funds grid's head as the last words of a header cell kept unread (执行数, 专项债券资金, …本级其他合计): a funds
# word, or a total right after a fund source (本级合计, 资金合计); never another total (编制人数合计, 得分合计)
_FUNDS_HEAD_END = re.compile(r"(?:预算数|执行数|资金总额|资金|(?:本级|其他|财政|自筹|中央|省|地|市|县|资金|拨款|金额)"
                             r"(?:合计|总计))$")
# an amount's digits: a run of digits and points, not a year, a date, a count or points (12人, 15分, 3项) or a number
# naming an attachment (附件1)
_FIGURE = re.compile(r"(?<![附件第\d.])\d[\d.]*(?![\d.]|[年月日号条项人分个次名家户])")


def unplaced_funds_cells(parts: Parts) -> tuple[Cell, Cell] | None:
    """(the head, the amounts) of a funds grid the header block kept unread, as unlabelled extras: a cell whose text
    ends with a grid's column or a fund source's total (``…中央省、地本级其他合计``, ``执行数``, ``专项债券资金``)
    and, within the three unlabelled cells after it, one holding an amount (``(万元)(万元)5.55.5来源``: a PDF's text
    in its drawing order, heads and amounts interleaved, corpus 191; not ``12人`` after 编制人数合计). Where the
    budget was read from nowhere else the caller warns at them: which amount stands under which head is not said,
    none is taken. None where there is no such pair."""
    unlabelled = [cell for label, cell in parts.extras if not label and not cell.blank]
    for index, cell in enumerate(unlabelled):
        if _FUNDS_HEAD_END.search("".join(unicodedata.normalize("NFKC", cell.text).split())) is None:
            continue
        for after in unlabelled[index + 1:index + 4]:
            if _FIGURE.search(unicodedata.normalize("NFKC", after.text)) is not None:
                return cell, after
    return None


def _place(cell: Cell | None, parts: Parts) -> str:
    """Where a table's amounts stand, for a person: its first amount's cell (its table's first row if it has none),
    without the file's name (``项目二 第2行 第3列``, a text's ``第12行``)."""
    source = cell.source if cell is not None else parts.source
    if source.line is not None:
        return f"第{source.line}行"
    return source.place


def unit_clash(parts: Parts, first: Parts) -> Problem:
    """The error of a table whose money unit is not the file's first table's (a workbook of a 元 table and a 万元
    one): a document holds one money unit, so neither is read as the other's (no amount converted by a guess of which
    unit the file means); the error, at this table's first amount, names both tables' amounts and what to do."""
    own, earlier = next(iter(parts.money.values()), None), next(iter(first.money.values()), None)
    return Problem(own.source if own is not None else parts.source,
                   f"本表的金额单位「{parts.money_unit}」与文件中第一个表的「{first.money_unit}」不同（第一个表的金额在"
                   f"{_place(earlier, first)}，本表的在{_place(own, parts)}）：一个文件的表只能用同一个金额单位，"
                   "请把两个表分成两个文件，或把金额统一为同一单位后再导入")
