"""A 部门整体 form's text in a PDF's drawing order, its cells apart by spaces, cut before its indicators.

A document site gives Hubei's 部门整体支出绩效目标申报表 as the PDF's text: the cells in the order they were drawn,
one space apart, the labels of a row before its values and the amounts wrapped inside their narrow cells::

    附件 2: 部门整体支出绩效目标申报表 … 部门(单位) 名称 填报人 广水市人民政府办公室 南春锋 … 单位:万元 …
    基本支出 7242318 74.8% 项目支出 243.96 25.2% 合计 968.191 8 100% (一)负责全市人民防空工作。…

Which value is whose is not known from the places (readers/glued_cut_form.py leaves such a text alone), but the
funds block's arithmetic tells the department's money: its 支出构成 rows give 基本支出, 项目支出 and their 合计, each
amount followed by its share (占比). A person reads the 合计 as the budget where the two parts add up to it. So does
this reader:

* the amount after each of the three labels is its first number; a cell the PDF wrapped gives its amount in two
  pieces (``968.191 8``: the second a run of digits before the share), and a wrapped cell may lose its decimal
  point (``7242318``). Readings as written are tried first; only where none adds up, the pieces joined and the
  point put back at each place;
* a reading counts where 基本支出 + 项目支出 = 合计 exactly and every share written agrees with it to its
  rounding; the budget is read where all the readings that count give one 合计 (``968.1918``: 724.2318 +
  243.96, 74.8 % and 25.2 %), and an error at the 合计 otherwise, no budget;
* the department's name (部门(单位)名称) is not read: its value is not next to its label. The project is the
  department's (部门整体支出), its money unit the form's ``单位:万元``, and the table is cut where the text stops,
  before its indicators (a text naming an indicator block is not read here).

Asked only of a text no layout and no glued-form reader took.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from itertools import product

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.glued_cut_form import DEPARTMENT_TITLE, INDICATOR_WORDS, SPACED_CELLS
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.text_lines import head_lines

_PARTS = ("基本支出", "项目支出", "合计")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DIGITS = re.compile(r"\d+")
_SHARE = re.compile(r"(\d+(?:\.\d+)?)%")
_UNIT = re.compile(r"单位[:：]\s*(万元|千元|元)")
_TOKEN = re.compile(r"\S+")
_DUTIES = "部门职能概述"
_NEEDS_CHECK = "单元格之间以空格分隔（PDF 的文字顺序），金额按基本支出、项目支出与合计相加核对读取"
_MAX_LINE = 200_000
_MAX_READINGS = 12  # readings of one amount (as written, joined, a point put back): a run of 11 digits at most


def looks_like_spaced_department_form(text: str) -> bool:
    """A line holding a 部门整体 form's title, its cells apart by spaces, 基本支出, 项目支出 and 合计 after it,
    and no indicator block (:func:`_form_start`)."""
    return any(_form_start(line) is not None for line in head_lines(text, 3000))


def _form_start(line: str) -> int | None:
    """Where the form's title ends in ``line``, or None: a 部门整体 title followed by spaced cells, the three
    funds labels as cells of their own after it, no indicator words."""
    if len(line) > _MAX_LINE or "基本支出" not in line:
        return None
    normal = unicodedata.normalize("NFKC", line)
    title = DEPARTMENT_TITLE.search(normal)
    if title is None or not SPACED_CELLS.search(normal[title.end():title.end() + 200]):
        return None
    rest = normal[title.end():]
    if INDICATOR_WORDS.search(re.sub(r"\s+", "", rest)):
        return None
    words = rest.split()
    return title.end() if all(label in words for label in _PARTS) else None


def _tokens(line: str, start: int) -> list[tuple[str, int]]:
    """The cells after the title with their columns (1-based, in the line as written)."""
    return [(m.group(), m.start() + 1) for m in _TOKEN.finditer(line, start)]


def _pieces(tokens: list[tuple[str, int]], at: int) -> tuple[list[tuple[str, int]], str | None]:
    """The numbers after the label at ``at`` (up to the next word or share) and the share after them, if any."""
    pieces: list[tuple[str, int]] = []
    k = at + 1
    while k < len(tokens) and _NUMBER.fullmatch(tokens[k][0]) and len(pieces) < 2:
        pieces.append(tokens[k])
        k += 1
    share = _SHARE.fullmatch(tokens[k][0]) if k < len(tokens) else None
    if share is None:
        pieces = pieces[:1]  # without a share after it, a second number is another column's (a year before)
    return pieces, share.group(1) if share else None


def _readings(pieces: list[tuple[str, int]], repaired: bool) -> list[Decimal]:
    """An amount's readings: as written; with ``repaired``, also its two pieces joined (the second digits only)
    and, for digits without a point, the point put back at each place."""
    if not pieces:
        return []
    first = pieces[0][0]
    texts = [first]
    if repaired:
        if len(pieces) > 1 and _DIGITS.fullmatch(pieces[1][0]):
            texts.append(first + pieces[1][0])
        for text in list(texts):
            if "." not in text and 1 < len(text) <= _MAX_READINGS:
                texts += [f"{text[:i]}.{text[i:]}" for i in range(1, len(text))]
    return list(dict.fromkeys(Decimal(text) for text in texts))


def _share_agrees(part: Decimal, total: Decimal, share: str | None) -> bool:
    if share is None or total == 0:
        return True
    decimals = len(share.split(".")[1]) if "." in share else 0
    return abs(part * 100 / total - Decimal(share)) <= Decimal(5) / 10 ** (decimals + 1)


def _totals(found: list[tuple[list[tuple[str, int]], str | None]], repaired: bool) -> set[Decimal]:
    basic, project, total = found
    totals: set[Decimal] = set()
    for b, p, t in product(_readings(basic[0], repaired), _readings(project[0], repaired),
                           _readings(total[0], repaired)):
        if b + p == t and _share_agrees(b, t, basic[1]) and _share_agrees(p, t, project[1]):
            totals.add(t)
    return totals


def read_spaced_department_form(text: str, file: str) -> list[RawTable]:
    """Each line holding such a form, as a table of one row: its title, its budget where the funds add up, the
    funds as written and the duties' text, cut where the line ends."""
    tables: list[RawTable] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        start = _form_start(line)
        if start is None:
            continue
        normal = unicodedata.normalize("NFKC", line)
        title = DEPARTMENT_TITLE.search(normal)
        assert title is not None
        source = Source(file, line=lineno)
        tokens = _tokens(normal, start)
        words = [t for t, _ in tokens]
        basic = words.index("基本支出")
        project = next((k for k in range(basic + 1, len(words)) if words[k] == "项目支出"), None)
        total = next((k for k in range(project + 1, len(words)) if words[k] == "合计"), None) \
            if project is not None else None
        table = RawTable(re.sub(r"\s+", "", title.group()), source, needs_check=(_NEEDS_CHECK,))
        unit = _UNIT.search(normal)
        label = f"年度资金总额({unit.group(1)})" if unit else "年度资金总额"
        row: list[Cell] = []
        funds_end: int | None = None
        if project is None or total is None:
            table.problems.append(Problem(Source(file, line=lineno, column=tokens[basic][1]),
                                          "部门整体资金情况中没有依次写出基本支出、项目支出与合计，未读取预算数"))
        else:
            found = [_pieces(tokens, k) for k in (basic, project, total)]
            totals = _totals(found, repaired=False) or _totals(found, repaired=True)
            pieces = found[2][0]
            where = Source(file, line=lineno, column=pieces[0][1] if pieces else tokens[total][1])
            funds_end = total + 1 + len(pieces) + (found[2][1] is not None)
            written = " ".join(words[basic:funds_end])
            if len(totals) == 1:
                budget = next(iter(totals))
                row += [Cell(label, Source(file, line=lineno, column=tokens[total][1])), Cell(str(budget), where)]
                as_written = " ".join(p for p, _ in pieces)
                if as_written != str(budget):
                    table.problems.append(Problem(where, f"合计「{as_written}」读作 {budget}：PDF 的窄单元格把金额折成"
                                                         "几段或丢了小数点，按基本支出 + 项目支出 = 合计（及占比）核对",
                                                  Severity.INFO))
            else:
                table.problems.append(Problem(where, f"部门整体资金情况「{written}」中基本支出与项目支出之和不等于"
                                                     "合计（或有不止一种读法）：未读取预算数；请导入原表格或核对金额"))
            row.append(Cell("总体资金情况:", Source(file, line=lineno, column=tokens[basic][1])))
            row.append(Cell(written, Source(file, line=lineno, column=tokens[basic][1])))
        after = funds_end if funds_end is not None else basic
        duties = normal.find(_DUTIES, start)
        if duties >= 0 and after < len(tokens):  # the duties' text, as the PDF drew it, after the funds
            row.append(Cell(_DUTIES, Source(file, line=lineno, column=duties + 1)))
            row.append(Cell(" ".join(words[after:]), Source(file, line=lineno, column=tokens[after][1])))
        table.rows.append(row or [Cell(title.group(), source)])
        table.problems.append(Problem(source, f"「{title.group()}」是 PDF 按绘制顺序取出的文字，单元格以空格分隔、"
                                              "标签在值之前：只读取表题与按金额相加核对的预算数", Severity.INFO))
        tables.append(table)
    return tables
