"""A project from its parts: name and fund label, budget, purpose, goals, sources.

Also what a document's projects take from each other and from their fields: the budget unit
from 预算部门/申报单位/实施单位/主管部门 when no table has a unit row, and the year of a table without
heading or year from the table before it. Every choice is noted, never silent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from itertools import islice

from perfbudget.budget_parts import carried_over, parts_sum_differs
from perfbudget.framework import names_department_table
from perfbudget.model import EXECUTION_FIELDS, Problem, Project, Severity, Source, Unit
from perfbudget.quick_records import new_budget, new_project
from perfbudget.readers.cell_values import one_line
from perfbudget.readers.execution_cells import execution_figures, rate_disagrees
from perfbudget.readers.execution_pairs import paired_figures
from perfbudget.readers.goal_lines import CIRCLED, FIRST_MARKS, MARK_STARTS, ListMark, before_counter, list_mark
from perfbudget.readers.grid import Cell
from perfbudget.readers.indicator_progress import likelihood_notes, with_progress
from perfbudget.readers.labels import UNIT_EXTRAS, label_key
from perfbudget.readers.lost_fund_cell import read_a_column_off
from perfbudget.readers.money_cells import in_table_unit, money_amount, unplaced_funds_cells, unsplit_budget_cell
from perfbudget.readers.money_scale import label_unit_choice, money_scale_note
from perfbudget.readers.monitoring_period import monitoring_period
from perfbudget.readers.parts import Parts
from perfbudget.readers.score_sums import score_sum_problems
from perfbudget.readers.stated_execution import stated_execution, with_stated
from perfbudget.readers.stated_scores import stated_scores, title_pairs
from perfbudget.readers.table_titles import is_numbered, name_from_title, title_and_seq
from perfbudget.readers.written_year import YEAR

# A fund label after a dash ending the name: 「某项目-2024中央」. What follows the dash holds no dash, so only the
# name's last dash can start it: a search finds it there (≈ 3,800 instructions), where the pattern of the whole name
# (``^(?P<name>.+?)\s*`` before this one, as tests/readers/test_project_fields_fast.py keeps it) tried each
# position before it with its lazy name (10,000).
_DASH_LABEL = re.compile(rf"[-—－–]\s*(?P<label>(?P<year>{YEAR})(?P<source>[^\d\-—－–项]{{0,8}}))$")
# A project code before the name, as budget systems print it: 51000021R000000019951-工资性支出 (its digits typed
# full width, the code then starting with one: ``５１０００００２１R…``).
_CODED_NAME = re.compile(r"^(?P<code>(?=[0-9０-９A-Za-z]*\d{6})(?:[0-9A-Za-z]{10,}|[０-９][0-9０-９A-Za-z]{9,}))"
                         r"\s*[-—－–]\s*(?P<name>\S.*)$", re.S)
# A fund label at the end of a table title: 「…-2023中央绩效目标表」.
_TITLE_LABEL = re.compile(r"[-—－–]\s*(?P<label>(?P<year>\d{4})(?P<source>[^\d\-—－–]*?))\s*"
                          r"(?:项目支出)?绩效(?:目标|自评)[^-—－–]{0,6}表$")
# The project name of a 部门整体 (department-level) table, which names the department, not a project.
DEPARTMENT_PROJECT = "部门整体支出"
_YEAR = re.compile(rf"({YEAR})\s*年")
# The styles of a goal's list number (goal_lines.ListMark): （1）, 1., 1、, 1), or a circled ① (reading44: ①… kept
# its mark until then).
_GOAL_STYLES = frozenset({"()", ".", "、", ")", CIRCLED})
# What ends the item before a list's next mark on the same line (1.…；2.…), white space besides
_ITEM_ENDS = frozenset("；;。，,")
_SPACES = " \t\u3000"
_SEPARATORS = "，,、；;"
_ENDS_OR_SPACES = _ITEM_ENDS | frozenset(_SPACES)
# a goal's date after its list number: 1.2024年完成…, 1、10月底前…
_DATE = re.compile(r"(?:19|20)\d\d\s*年|1?\d\s*月")


def _parts_making_total(fiscal_parts: list[tuple[str, Cell]], amounts: dict[str, Decimal | None],
                        labels: list[str]) -> Decimal | None:
    """财政资金 as the sum of its named parts beside a filled 年度资金总额, when that sum and 其他资金 (0 if not
    given) make the total exactly: the parts are then the whole of the fiscal money, not some of it. Each part
    named once, each a figure; None otherwise (a partial list, the budget's and the executed amount twice)."""
    total = amounts.get("total")
    if total is None or len(set(labels)) != len(labels):
        return None
    unsure: list[Problem] = []  # (a part's own note is told where it is kept, among the extras: not twice)
    values = [money_amount(cell, label_text, unsure)[0] for label_text, cell in fiscal_parts]
    if unsure or any(value is None for value in values):
        return None
    whole = sum((v for v in values if v is not None), Decimal(0))
    return whole if whole + (amounts.get("other") or Decimal(0)) == total else None


# what a user does about a project without its name (reading44: the error said what was missing, not what to do)
_NAME_IT = "；请在表前补上一行「项目名称：…」，或导入带表头部分的完整表格，再重新读取"


def _goal_mark(text: str, at: int = 0) -> ListMark | None:
    """The goal list's mark at ``at`` (``goal_lines.list_mark``, the one parser of list numbers): ``（1）``, ``1.``,
    ``1、``, ``1)`` or ``①``, no word before it; after ``1.``, ``1、`` or ``1)`` no figure at once (``1.5万元`` is a
    decimal; ``1.2024年…``, ``1、10月底前…`` a goal that starts with its date). None otherwise."""
    mark = list_mark(text, at)
    if mark is None or mark.word is not None or mark.style not in _GOAL_STYLES:
        return None
    end = mark.end
    if mark.style in ("()", CIRCLED) or not text[end:end + 1].isdecimal() or _DATE.match(text, end) is not None:
        return mark
    return None


def _figure_at(text: str, at: int) -> bool:
    """A figure starts at ``at`` of ``text``: a digit, not a year's or a month's (``2024年``, ``10月``)."""
    return text[at:at + 1].isdecimal() and _DATE.match(text, at) is None


def _goals(paragraphs: list[str]) -> list[str]:
    """The goals of a goal cell's paragraphs (each stripped, as :func:`_paragraphs` gives them), each cut into its
    items (:func:`_goal_items`), stripped, none empty: a paragraph may go on with the list of the paragraph before
    it (``1.…`` then ``2.…；3.…``). Two shapes, most goals, are told by ``str`` tests before any pattern or call: a
    paragraph whose first character can start no mark (no digit nor :data:`goal_lines.MARK_STARTS`: a mark with no
    word before it, as :func:`_goal_mark` takes it), one goal, and ``1.…`` (``1、``,
    ``1)``) with no ``2`` after it where an item may have ended (``1.开展活动12次``: :data:`_ENDED_TWO`), one goal
    without its mark — what :func:`_goal_items` makes of them (reading45: the cell's goals cost the text reader
    +2.8 % instructions a table, reading44's parse of each paragraph's first mark)."""
    out: list[str] = []
    last: ListMark | None = None
    things = ""  # the counter the list's items number (_numbers_things), kept from paragraph to paragraph
    for k, paragraph in enumerate(paragraphs):
        if not paragraph:  # (no goal, as _goal_items reads it: _paragraphs gives none; a str test, not a slice)
            last = None
        elif not ((first := paragraph[0]).isdecimal() or first in MARK_STARTS):  # (no mark can start here)
            out.append(paragraph)
            last = None
        elif first == "1" and (lone := _FIRST_MARKS.get(paragraph[1:2])) is not None \
                and not paragraph[2:3].isdecimal() \
                and (paragraph.find("2", 2) < 0 or _ENDED_TWO.search(paragraph, 2) is None):
            if goal := paragraph[2:].strip():  # (1.… and no next item: its mark parsed as list_mark would)
                out.append(goal)
            last, things = lone, ""
        else:
            items, last, things = _goal_items(paragraphs, k, last, things)
            out.extend(goal for item in items if (goal := item.strip()))
    return out


# a 2 where an item may have ended before it (_next_mark looks for 2. 2、 2) only there): 1.开展活动12次 holds none
_ENDED_TWO = re.compile("[" + re.escape("".join(sorted(_ENDS_OR_SPACES))) + "]2")
# the goal's first marks ``1.``, ``1．``, ``1、``, ``1)`` and ``1）`` at a paragraph's start: goal_lines.FIRST_MARKS
# that are a goal's mark (not ``1：``)
_FIRST_MARKS = {closer: mark for closer, mark in FIRST_MARKS.items() if mark.style in _GOAL_STYLES}


def _goal_items(paragraphs: Sequence[str], k: int, last: ListMark | None,
                things: str = "") -> tuple[list[str], ListMark | None, str]:
    """The goals of paragraph ``k`` of ``paragraphs``, their list numbers left off (the model's goals are
    unnumbered), its list's last mark and what its list numbers: its items, where it is a list written on one line
    (``1.…；2.…；3.…``, ``（1）…（2）…``, ``①…②…``, as a web page's cell loses its line breaks: reading44; until
    then the first item kept the others, the first's number alone left off), numbered from 1 or from the number
    after ``last``, the paragraph before's last mark, in its style; else the paragraph. Marks of another style, or
    not the list's next number, are the item's text (``1.…（2）…``, ``1.…；3.…``). A circled number before a counter
    (``①号召…``, ``①号楼…``: :func:`goal_lines.before_counter`) is a mark only where the list goes on: it is the
    number after ``last``'s, or a next mark stands in the paragraph or starts the next paragraph. A circled list of
    numbered buildings or phases keeps its numbers (:func:`_numbers_things`, decided at its first item: ``things``,
    its counter, goes on with it, else ""). (A paragraph not starting with a mark, most goals, costs one anchored
    match.)"""
    paragraph = paragraphs[k]
    first = _goal_mark(paragraph)
    if first is None:
        return [paragraph], None, ""
    goes_on = last is not None and first.style == last.style and first.number == last.number + 1
    thing = first.style == CIRCLED and before_counter(paragraph, first.end)  # (①号召… or ①号楼…)
    if first.number != 1 and not goes_on:
        return [paragraph if thing else paragraph[first.end:]], None, ""
    found = _next_mark(paragraph, first)
    if found is None and not thing:  # (most lists: one item a line)
        return [paragraph[first.end:]], first, ""
    marks = [first]
    while found is not None:
        marks.append(found)
        found = _next_mark(paragraph, found)
    if len(marks) == 1 and not goes_on and not (
            k + 1 < len(paragraphs) and paragraphs[k + 1].startswith(chr(ord(CIRCLED) + first.number))):
        return [paragraph], None, ""  # (①号楼外墙改造 where no list goes on: the building's number)
    if not goes_on:  # (the list starts here: what it numbers decided for all its items)
        things = _numbers_things(marks, paragraph, paragraphs, k + 1) if thing else ""
    # an item cut before the next one leaves it the separator (1.投入1.5万元，2.…): not the goal's
    cut = [mark.start if things else mark.end for mark in marks]  # (①号楼…；②号楼…: the numbers are the goals')
    items = [paragraph[a:b.start].rstrip(_SPACES).rstrip(_SEPARATORS) for a, b in zip(cut, marks[1:], strict=False)]
    return [*items, paragraph[cut[-1]:]], marks[-1], things


# what a circled number numbers where each item of a list starts with it (①号楼…；②号楼…, ①期工程…；②期工程…):
# buildings and phases — not 项, 年, 人, 本, 日 … that everyday items start with (①项目建设, ①年内完成, ①日常巡查)
_THING_COUNTERS = "号期栋幢"
# words starting with one of them: an item of words, its number the list's mark (①号召居民参与, ①期末验收)
_THING_WORDS = ("号召", "号称", "期间", "期末", "期初", "期中", "期限", "期满", "期望", "期待", "期刊", "栋梁")


def _thing_counter(text: str, at: int) -> str:
    """The counter numbering a building or a phase at ``at`` of ``text`` (:data:`_THING_COUNTERS`, no word starting
    there), else ""."""
    counter = text[at:at + 1]
    return counter if counter and counter in _THING_COUNTERS and not text.startswith(_THING_WORDS, at) else ""


def _numbers_things(marks: list[ListMark], paragraph: str, paragraphs: Sequence[str], k: int) -> str:
    """The counter a circled list numbers things with (``①号楼改造；②号楼屋面防水``: buildings ① and ②, ``号``), its
    numbers the goals' words, else "": every item has the same counter after its number, one numbering buildings or
    phases (:func:`_thing_counter`) — the paragraph's items (``marks``) and those of the paragraphs from ``k`` on that
    the list goes on in. Left off, the numbers would leave 「号楼改造」 twice. Any other item makes the numbers the
    list's marks (``①号召居民参与；②完成培训``, reading45; ``①项目建设；②项目验收``, ``①号楼改造；②期工程开工``)."""
    counter = _thing_counter(paragraph, marks[0].end)
    if not counter or any(_thing_counter(paragraph, mark.end) != counter for mark in marks):
        return ""
    last_mark = marks[-1]
    for text in islice(paragraphs, k, None):
        if not text.startswith(chr(ord(CIRCLED) + last_mark.number)):  # (the list ends: no next number)
            break
        mark: ListMark | None = ListMark(None, CIRCLED, last_mark.number + 1, 0, 1)
        while mark is not None:  # (the paragraph's own items too: ②号楼…；③…)
            if _thing_counter(text, mark.end) != counter:
                return ""
            last_mark, mark = mark, _next_mark(text, mark)
    return counter


def _next_mark(paragraph: str, previous: ListMark) -> ListMark | None:
    """The list's next mark after ``previous``, in its style (``1.`` then ``2.``, ``1)`` then ``2)``, never ``2、``),
    where an item may start: ``2.``, ``2、`` or ``（2）`` after the item before ended (:func:`_ended`) and before no
    digit, spaces skipped (``2. 3万元`` is a decimal), a circled ``②`` after an item's end (``；``, ``。``, ``，``
    or a space) or glued to the words before it but before no counter (``完成②期工程``, ``②号楼``: a thing's number,
    :func:`goal_lines.before_counter`); None when there is none. (``str.find``
    for the number, then its neighbours: a goal's text is scanned once, in C, not tried by a pattern at every
    character.)"""
    number, start = previous.number + 1, previous.end
    if previous.style == CIRCLED:
        circled = chr(ord(CIRCLED) + number - 1)
        at = paragraph.find(circled, start)
        while at >= 0 and paragraph[at - 1] not in _ENDS_OR_SPACES and before_counter(paragraph, at + 1):
            at = paragraph.find(circled, at + 1)  # (完成②期工程: a thing's number, the goal's words)
        return ListMark(None, CIRCLED, number, at, at + 1) if at >= 0 else None
    paren = previous.style == "()"
    digits = str(number)
    at = paragraph.find(digits, start)
    while at >= 0:
        mark_at = len(paragraph[:at].rstrip(" ")) - 1 if paren else at
        # (where the item before ended: the mark's opening bracket, and before it an end or a space, looked at first)
        if (paragraph[mark_at] in "(（" if paren else True) and paragraph[mark_at - 1] in _ENDS_OR_SPACES \
                and _ended(paragraph, start, mark_at, previous.style):
            mark = _goal_mark(paragraph, mark_at)
            if mark is not None and mark.number == number and mark.style == previous.style \
                    and (paren or not _figure_at(paragraph, mark.end + _spaces_at(paragraph, mark.end))):
                return mark
        at = paragraph.find(digits, at + 1)
    return None


def _spaces_at(text: str, at: int) -> int:
    """How many spaces stand at ``at`` of ``text``."""
    return len(text) - at - len(text[at:].lstrip(_SPACES))


def _ended(paragraph: str, start: int, at: int, style: str) -> bool:
    """The item from ``start`` has text and ended before ``at``: at ``；``, ``。``, ``，`` or white space (not before
    a ``2、``: ``1.改造1号楼 2、3号楼``), no bracket opened in it left open (``1.完成一期（1、2）号``). Never at a
    ``、``, which lists words within a sentence (``1、2号楼``, ``（1）班、（2）班``), nor at any other character
    (``第（2）款``, ``一年级（2）班``: a bracket's number within the text, cut until the second reading)."""
    head = paragraph[start:at]
    text = head.rstrip(_SPACES)
    if not text or not (text[-1] in _ITEM_ENDS or (len(text) < len(head) and style != "、")):
        return False
    return text.count("(") + text.count("（") <= text.count(")") + text.count("）")


def _paragraphs(cells: list[Cell]) -> list[str]:
    out = []
    for cell in cells:
        for paragraph in cell.text.split("\n"):
            if paragraph := paragraph.strip():  # (a tab is whitespace: strip() takes it too)
                out.append(paragraph)
    return out


def _fund_label(bare: str) -> tuple[str, re.Match[str]] | None:
    """The project name (stripped) before a fund label ending ``bare``, and the label's match (its groups label,
    year, source); None without one. As the whole name's pattern ``^(?P<name>.+?)\\s*`` + ``_DASH_LABEL``
    read it: the name (one character at least, no line break) is what stands before the dash less the
    whitespace ``\\s*`` takes (``str.rstrip`` strips the characters ``\\s`` matches) — but its first
    character, taken whatever it is."""
    found = _DASH_LABEL.search(bare)
    if found is None or not (before := bare[:found.start()]):
        return None
    if "\n" in (before.rstrip() or before[:1]):
        return None
    return before.strip(), found


def is_department_table(parts: Parts, title: str | None) -> bool:
    """Is this a 部门整体 (department-level) table, by a cell of its own or by its title?"""
    return parts.department or bool(title and names_department_table(title))


def build_project(parts: Parts, position: int, problems: list[Problem]) -> Project:
    seq, title = title_and_seq(parts.heading, position)
    name_text = one_line(parts.name_cell.text) if parts.name_cell is not None else ""  # broken in its cell: one name
    # (a project code is 10 letters or digits at least: a name not starting so is not matched)
    head = name_text[:10]
    coded = _CODED_NAME.match(name_text) \
        if (head.isascii() and head.isalnum()) or "０" <= head[:1] <= "９" else None
    if coded:
        parts.extras.append(("项目编码", Cell(coded["code"], parts.name_cell.source)))  # type: ignore[union-attr]
        problems.append(Problem(parts.name_cell.source, f"项目名称前的编码「{coded['code']}」作为项目编码保留",  # type: ignore[union-attr]
                                Severity.INFO))
    bare = coded["name"].strip() if coded else name_text
    name, label, year, source_name = bare, None, None, None
    labelled = _fund_label(bare)
    if labelled:
        name, match = labelled
        label, year, source_name = match["label"].strip(), int(match["year"]), match["source"].strip() or None
    if not name and is_department_table(parts, title):
        # A 部门整体 table is the department's whole spending: it has no 项目名称 of its own.
        name = DEPARTMENT_PROJECT
        problems.append(Problem(parts.source, f"部门整体绩效表没有项目名称，项目名称记为「{DEPARTMENT_PROJECT}」",
                                Severity.INFO))
    if not name:
        name = name_from_title(title, is_numbered(parts.heading)) or ""
        if name:
            problems.append(Problem(parts.source, f"表中没有项目名称，项目名称取自表题「{title}」", Severity.INFO))
            parts.needs_check.append(f"项目名称取自表题「{title}」")
        elif parts.indicators and parts.money:
            # a header block with the money but no project's name (a 区域 transfer 自评表's 单位名称 and 转移支付预算数,
            # corpus 177): not "only the indicator part" (reading32)
            problems.append(Problem(parts.source, "没有找到项目名称：表头部分有资金，但没有写明项目名称，"
                                                  f"表题也没有指明项目，项目名称未知{_NAME_IT}"))
        elif parts.indicators:
            problems.append(Problem(parts.source, "没有找到项目名称：本表只有指标部分（表头部分不在此处），"
                                                  f"表题也没有指明项目，项目名称未知{_NAME_IT}"))
        else:
            problems.append(Problem(parts.source, "没有找到项目名称"))
    if label is None and title and (titled := _TITLE_LABEL.search(title)):
        label, year = titled["label"].strip(), int(titled["year"])
        source_name = titled["source"].strip() or None
        problems.append(Problem(parts.source, f"项目名称中没有资金标签，资金标签「{label}」取自表题", Severity.INFO))
    if year is None:
        for where, text in (("表题", title), ("项目名称", name)):
            found = _YEAR.search(text or "")
            if found:
                year = int(found.group(1))
                problems.append(Problem(parts.source, f"没有资金标签，资金年度 {year} 取自{where}「{text}」",
                                        Severity.INFO))
                break
    labels = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}
    if "total" not in parts.money and parts.project_total is not None:
        # 项目总预算 without a year budget (当年年度预算 …): the total is all the table gives.
        parts.money["total"] = parts.project_total
        problems.append(Problem(parts.project_total.source, "表中没有当年预算数，预算数取自「项目总预算」",
                                Severity.INFO))
    amounts: dict[str, Decimal | None] = {}
    money_notes: list[tuple[str, str]] = []
    for key, cell in parts.money.items():
        amount, noted = money_amount(cell, labels[key], problems)
        if amount is not None and parts.money_unit is not None and ("元" in cell.text or "万" in cell.text):
            # 120000元 under 单位：万元: the amount in the table's unit, told (reading33)
            amount, unit_note = in_table_unit(cell, amount, parts.money_unit, labels[key], problems)
            if unit_note is not None:
                parts.needs_check.append(unit_note)
        amounts[key] = amount
        if noted:
            money_notes.append((labels[key], cell.text.strip()))
    sources: dict[str, Source] = {}
    if parts.other_parts and "other" not in amounts:
        values = [money_amount(cell, "其他资金", problems)[0] for cell in parts.other_parts]
        amounts["other"] = sum((v for v in values if v is not None), Decimal(0)) if any(
            v is not None for v in values) else None
        sources["budget.other"] = parts.other_parts[0].source
    if parts.other_sources and "other" not in amounts:
        # 自筹资金 | 10 (money outside the budget) and no 其他资金 given: 其他资金 is the sources' sum, said in a note
        values = [money_amount(cell, label_text, problems)[0] for label_text, cell in parts.other_sources]
        if any(v is not None for v in values):
            amounts["other"] = sum((v for v in values if v is not None), Decimal(0))
            sources["budget.other"] = parts.other_sources[0][1].source
            named = "、".join(label_text for label_text, _ in parts.other_sources)
            problems.append(Problem(parts.other_sources[0][1].source, f"其他资金取自「{named}」："
                                    f"{amounts['other']}", Severity.INFO))
    total_left_empty = "total" in parts.money and parts.money["total"].blank
    part_labels = [label_text for label_text, _ in parts.fiscal_parts]
    if parts.fiscal_parts and total_left_empty and "fiscal" not in amounts \
            and len(set(part_labels)) == len(part_labels):
        # 年度资金总额 left empty above its parts (其中:中央补助 50.29 | 地方资金): 财政资金 is their sum. Only
        # then, and each part named once: named twice (the budget's and the executed amount), or beside a filled
        # total they fall short of (below), the parts may be partial
        values = [money_amount(cell, "财政资金", problems)[0] for _, cell in parts.fiscal_parts]
        if any(v is not None for v in values):
            amounts["fiscal"] = sum((v for v in values if v is not None), Decimal(0))
            sources["budget.fiscal"] = parts.fiscal_parts[0][1].source
    if parts.fiscal_parts and "fiscal" not in amounts and not total_left_empty \
            and (whole := _parts_making_total(parts.fiscal_parts, amounts, part_labels)) is not None:
        amounts["fiscal"] = whole  # 年度资金总额 50 | 中央财政衔接推进乡村振兴补助资金 50 | 其他资金 0 (reading-v)
        sources["budget.fiscal"] = parts.fiscal_parts[0][1].source
    if amounts.get("total") is None and amounts.get("fiscal") is not None and (
            parts.other_parts or parts.other_sources or total_left_empty
            or (parts.self_evaluation and "other" in parts.money and "total" not in parts.money)):
        # 年度资金总额 given only as its parts (财政拨款小计, 自有资金小计, 其他收入), or its cell left empty
        # above 其中:财政拨款 500: their sum, said in a note
        amounts["total"] = amounts["fiscal"] + (amounts.get("other") or Decimal(0))  # type: ignore[operator]
        problems.append(Problem(parts.source, f"表中没有预算总数，预算数按财政拨款与其他资金相加为 "
                                              f"{amounts['total']}", Severity.INFO))
    # a self-evaluation's funds grid, its total row typed (readers/execution_cells.py); a target table has none
    execution = execution_figures(parts.extras, problems, amounts.get("total")) if parts.extras else None
    if parts.self_evaluation and parts.extras \
            and (paired := paired_figures(parts, execution, problems)):
        # 预算数 6.84 到位数 6.84 执行数 6.84 on one line of the header block, no grid (readers/execution_pairs.py)
        execution = {**(execution or {}), **paired}
    if parts.extras and (parts.self_evaluation or execution) \
            and (stated := stated_execution(parts.extras, parts.money_unit, problems)):
        # 全年执行率53%, 实际支出53万元 in its 实际完成情况 or 评价结论: a grid cell left blank takes the text's figure
        execution = with_stated(execution or {}, stated, parts.money_unit, problems)
    rate_note = rate_disagrees(execution, amounts.get("total")) if execution else None
    if execution:
        budget = new_budget(amounts.get("total"), amounts.get("fiscal"), amounts.get("other"),
                            *[execution[name][0] if name in execution else None for name in EXECUTION_FIELDS])
    else:
        budget = new_budget(amounts.get("total"), amounts.get("fiscal"), amounts.get("other"))
    total, fiscal, other = budget.total, budget.fiscal, budget.other
    # a total and its 财政资金 as read that disagree (a 财政资金 split by levels and not added up says nothing: the
    # reader, not the table, lacks the sum); a form's three amounts adding up, the usual case, ask no more
    if total is not None and fiscal is not None and (fiscal != total if other is None else fiscal + other != total) \
            and "total" in parts.money \
            and (parts_sum := parts_sum_differs(budget, "other" in parts.money or "budget.other" in sources,
                                                carried_over((label, cell.text) for label, cell in parts.extras))) \
            is not None:
        problems.append(Problem(parts.money["total"].source, f"预算数{budget.total}不等于财政资金"
                                f"{budget.fiscal or 0}与其他资金{budget.other or 0}之和{parts_sum}：均按表中所写保留，"
                                "请核对资金来源", Severity.WARNING))
    if budget.total is None and not parts.money and (unsplit := unsplit_budget_cell(parts)) is not None:
        problems.append(Problem(unsplit.source, f"预算数没有读出：「{unsplit.text.strip()}」写有预算金额，"
                                                "但与其他文字写在同一单元格中，无法可靠拆分，未读取；请人工核对预算数",
                                Severity.WARNING))
    elif budget.total is None and not parts.money and (unplaced := unplaced_funds_cells(parts)) is not None:
        funds_head, figures = unplaced
        note = (f"预算数没有读出：资金栏「{_clipped(funds_head.text)}」之后的金额「{_clipped(figures.text)}」无法对应到"
                "各栏，未读取；请人工核对预算数")
        parts.needs_check.append(note)
        problems.append(Problem(figures.source, note, Severity.WARNING))
    if parts.warnings:
        problems.extend(parts.warnings)
    if budget.total is None and not parts.money and (investment := _investment_only(parts)) is not None:
        note = (f"预算数没有读出：表中只有「项目总投资」{investment.text.strip()}（项目多年的总投资，不是当年预算），"
                "未作为预算数；请人工核对预算数")
        parts.needs_check.append(note)
        problems.append(Problem(investment.source, note, Severity.WARNING))
    if budget.total is not None and "total" in parts.money and parts.label_money_unit is not None \
            and parts.money_unit is not None:  # 单位：元 over 资金情况（万元）: the total's size decides, told
        parts.money_unit, said = label_unit_choice(budget.total, parts.money_unit, *parts.label_money_unit)
        parts.needs_check.append(said)
        problems.append(Problem(parts.money["total"].source, said, Severity.WARNING))
    if budget.total is not None and "total" in parts.money \
            and (doubted := money_scale_note(budget.total, parts.money_unit)) is not None:
        parts.needs_check.append(doubted)  # 元 written under a 万元 label, or the reverse: told, read as written
        problems.append(Problem(parts.money["total"].source, doubted, Severity.WARNING))
    purpose = "\n".join(_paragraphs(parts.purpose)) or None
    goals = tuple(_goals(_paragraphs(parts.goals)))
    if parts.name_cell is not None:
        sources["name"] = parts.name_cell.source
    for key, cell in parts.money.items():
        sources[f"budget.{key}"] = cell.source
    if execution:
        for figure, (_, at) in execution.items():
            sources[f"budget.{figure}"] = at
    if parts.purpose:
        sources["purpose"] = parts.purpose[0].source
    if parts.goals:
        sources["goals"] = parts.goals[0].source
    if parts.fiscal_parts:  # each part of 财政资金, each detail of one (一般公共预算拨款/市本级) located: funds.<label>
        part_names = tuple(part for part, _ in parts.fiscal_parts)
        details = tuple(f"{part}/" for part in part_names)
        for label_text, cell in parts.extras:
            if not cell.blank and (label_text in part_names or label_text.startswith(details)):
                sources.setdefault(f"funds.{label_text}", cell.source)
    extras = (tuple((label_text, "\n".join(_paragraphs([cell]))) for label_text, cell in parts.extras
                    if not cell.blank) + tuple(money_notes)) if parts.extras or money_notes else ()
    month = table_total = table_grade = None
    # a 监控表 and its period (readers/monitoring_period.py); a 自评表's own total and grade (readers/stated_scores.py):
    # each says so in its header block, its indicator columns or its title — a plain target table (most tables, no
    # extras) asks neither (a call a table was +0.9 % of the text reader's instructions)
    if parts.extras or (parts.indicators and parts.indicators[0].extras) or "监控" in (title or "") \
            or "监控" in (parts.heading or ""):
        monitoring, month, month_at = monitoring_period(title, parts.heading, parts.extras, parts.indicators,
                                                        parts.source, problems, parts.self_evaluation)
        if monitoring:
            parts.monitoring = True
            parts.indicators = with_progress(parts.indicators)  # its indicators' period figures typed
            likelihood_notes(parts.indicators, problems, parts.source)
            if month_at is not None:
                sources["month"] = month_at
        elif parts.extras:
            stated_total, stated_grade = stated_scores([*title_pairs(parts.heading, parts.source), *parts.extras],
                                                       problems)
            if stated_total is not None:
                table_total, sources["table_total"] = stated_total
            if stated_grade is not None:
                table_grade, sources["table_grade"] = stated_grade
            if stated_total is not None or stated_grade is not None:
                parts.self_evaluation = True  # a table that scores itself is a 自评表 (cut before its columns: 149)
            # its 总分 against the sum of its 得分 (readers/score_sums.py): asked of a whole one read without errors
            if parts.cut is None and parts.self_evaluation and not any(p.severity is Severity.ERROR for p in problems):
                problems.extend(score_sum_problems(parts.indicators, budget, parts.extras, stated_total))
    if rate_note is not None \
            and (parts.monitoring or read_a_column_off((key, cell.text) for key, cell in parts.extras)):
        # a year's grid read in place: the review's execution-rate-mismatch says it, by the same check (said once)
        problems.append(rate_note)
    return new_project(seq, title, name, label, year, source_name, budget, purpose, goals,
                       tuple(parts.indicators), name_text or None, extras, parts.cut is None, parts.cut,
                       tuple(parts.needs_check), month, table_total, table_grade, parts.source, sources)


def _clipped(text: str) -> str:
    """A cell's text for a message: its last 30 characters at most (a head's words end it)."""
    compact = " ".join(text.split())
    return compact if len(compact) <= 30 else "…" + compact[-30:]


def _investment_only(parts: Parts) -> Cell | None:
    """The 项目总投资 amount of a table that gives no other money (a multi-year investment, never the budget)."""
    return next((cell for label_text, cell in parts.extras
                 if label_text and "总投资" in label_text and label_key(label_text) == "项目总投资"
                 and money_amount(cell, "项目总投资", [])[0] is not None), None)


def years_from_previous_tables(projects: list[Project], problems: list[Problem]) -> list[Project]:
    """A table without heading or year that follows a table with a year on the same page takes its year."""
    out: list[Project] = []
    for project in projects:
        previous = out[-1] if out else None
        if project.fund_year is None and project.title is None and previous is not None and previous.fund_year:
            problems.append(Problem(project.source or Source(project.name), f"本表没有表题和资金年度，沿用上一个表的"
                                    f"资金年度 {previous.fund_year}", Severity.INFO))
            project = replace(project, fund_year=previous.fund_year)
        out.append(project)
    return out


_CODED_UNIT = re.compile(r"^\s*(?:[\[【［(（]\s*(\d{2,})\s*[\]】］)）]|(\d{3,})\s*[-—－])\s*(\S.*)$")


def unit_from_fields(project: Project, problems: list[Problem]) -> Unit | None:
    """The budget unit from 预算部门/申报单位/实施单位/主管部门 when the table has no unit row.

    A field that carries a unit code (``[610001]某单位``, as budget systems print them) wins;
    otherwise 预算部门, then 申报单位 (the unit that applies for the money), then 实施单位, then
    主管部门. The choice is noted, never silent.
    """
    # (a field holding no letter names no unit: 「(」, what a glued 主管部门(单位)名称 left of its value, corpus 46)
    fields = {label: text.strip() for label, text in project.extras
              if label in UNIT_EXTRAS and any(ch.isalnum() for ch in text)}
    if not fields:
        return None
    coded = [(label, m) for label in UNIT_EXTRAS if label in fields and (m := _CODED_UNIT.match(fields[label]))]
    if coded:
        label, match = coded[0]
        unit = Unit(code=match.group(1) or match.group(2), name=match.group(3).strip())
    else:
        label = next(label for label in UNIT_EXTRAS if label in fields)
        unit = Unit(code=None, name=fields[label])
    where = project.source or Source(project.name)
    problems.append(Problem(where, f"表中没有预算单位行，预算单位取自「{label}」：{unit.code or ''}{unit.name}",
                            Severity.INFO))
    return unit
