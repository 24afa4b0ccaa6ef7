"""Where a goals grid's texts go: the expected goal (the project's goals) or the actual one (an extra).

A self-evaluation's goals grid is ``年度总体目标 | 预期目标 | 实际完成情况`` over a row holding the two texts
(``readers/header_block.py`` reads them slot by slot). Three shapes of it need more than the slots' order:

* the Anhui form heads the block ``年度总体目标完成情况 | 预期目标 | 实际完成情况``: the first label, elsewhere the
  actual column's own label, is here the block's side label (:func:`heads_goal_grid`);
* a grid that keeps its columns (a Word, Excel or HTML table, merged cells as blanks) may leave the 预期目标
  cell empty: the text standing under 实际完成情况 is the actual one, never the goal (:func:`goal_slot_at`);
* a copy that writes each column's text as lines of their own, one after the other (``目标1:… / 目标2:… /
  1.… / 2.…`` under the two labels): where the expected texts end is not said, and the text the slots' order
  would take for the result is plainly the goal list's next item (目标2 after 目标1), so none is taken as a goal
  or as the result — they stay the table's unlabelled texts, as before (:func:`unsplit_goal_lines`); the same
  when a glued stream runs the section's score in after the labels (``… 目标实际完成情况 20 目标1:…``).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import NamedTuple

from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import COUNTERS, goal_column
from perfbudget.readers.parts import Parts


def heads_goal_grid(row: list[Cell], i: int) -> bool:
    """The cell at ``i`` is an actual-column label (年度总体目标完成情况) followed on its row, blanks skipped, by
    goal sub-labels one of which names the expected goal (预期目标 | 实际完成情况): it labels the whole block."""
    if goal_column(row[i].text) != "actual":
        return False
    roles = []
    for cell in row[i + 1:]:
        if cell.blank:
            continue
        role = goal_column(cell.text)
        if role is None:
            break
        roles.append(role)
    return "expected" in roles


def goal_slot_at(row: list[Cell], i: int, positions: tuple[int, ...], slot: int) -> int:
    """The goal slot of the value at ``i``: the slot of the label it stands under when every filled cell of
    the row stands under a goal label (the row kept its columns, an empty one blank); else ``slot``, the next
    in order (a copy that dropped the empty cells)."""
    if i in positions and all(k in positions for k, cell in enumerate(row) if not cell.blank):
        return positions.index(i)
    return slot


def note_goal_line(lines: list[tuple[str, Cell]] | None, cell: Cell, parts: Parts) -> list[tuple[str, Cell]]:
    """Record a goal text that stood alone on its line and was just taken into a slot."""
    taken = "goal" if parts.goals and parts.goals[-1] is cell else "extra"
    return [*(lines or ()), (taken, cell)]


CIRCLED = "①"
# A list mark's opening brackets, closing marks and circled numbers (①–⑳)
OPENERS = "(（"
CLOSERS = ")）:：.．、"
CIRCLED_NUMBERS = "".join(chr(c) for c in range(ord(CIRCLED), ord("⑳") + 1))
# A list item's mark: 目标1：, 1., （1）, 1、, 1), or a circled number ①–⑳ (目标①, ②…: reading44): its word, opening
# bracket, digits, closing mark (none where a Chinese character follows the digits: 目标1完成…) and circled number.
_LIST_MARK = re.compile(r"\s*+(?:(目标|任务|指标)\s*+)?(?:([" + re.escape(OPENERS) + r"])?\s*+(\d{1,2})"
                        r"\s*(?:([" + re.escape(CLOSERS) + r"])|(?=[\u4e00-\u9fff]))"
                        r"|([" + re.escape(CIRCLED_NUMBERS) + "]))")
_CLOSER_KINDS = {"．": ".", "）": ")", "：": ":"}
# What a list mark with no word before it starts with, a digit aside (``str.isdecimal``, as ``\d``): a stripped
# text starting with none of them holds no such mark at its start
MARK_STARTS = frozenset(OPENERS + CIRCLED_NUMBERS)


class ListMark(NamedTuple):
    """A list item's mark found at ``start`` (leading white space included) up to ``end``: the word before its
    number (目标, 任务, 指标 or None), its style — :data:`CIRCLED` for ①…, else its opening bracket and closing mark
    (``（1）`` "()", ``1.`` ".", ``1、`` "、", ``1)`` ")", ``目标1：`` ":", ``目标1完成`` "") — and its number.
    (Immutable as a frozen dataclass, but made in a tenth of its time: every goal paragraph's first mark is one, on
    the text reader's path.)"""

    word: str | None
    style: str
    number: int
    start: int
    end: int


_new_mark = ListMark._make  # (tuple.__new__ at once: a third of the class call's time)


def list_mark(text: str, at: int = 0) -> ListMark | None:
    """The list mark standing at ``at`` of ``text`` (white space before it skipped), or None: the one parser of list
    numbers, for a goal list laid out in lines or cells (here) and one written on one line
    (``project_fields._goal_items``)."""
    found = _LIST_MARK.match(text, at)
    if found is None:
        return None
    word, opener, digits, closer, circled = found.groups()
    if circled is not None:
        return _new_mark((word, CIRCLED, ord(circled) - ord(CIRCLED) + 1, at, found.end()))
    style = _CLOSER_KINDS.get(closer, closer) if opener is None else "(" + _CLOSER_KINDS.get(closer, closer or "")
    return _new_mark((word, style or "", int(digits), at, found.end()))


# ``1`` and a closing mark at a text's start (``1.``, ``1、``, ``1)``…), as :func:`list_mark` parses it: built by it
FIRST_MARKS = {closer: mark for closer in CLOSERS if (mark := list_mark("1" + closer + "x")) is not None}


def before_counter(text: str, at: int) -> bool:
    """A counter (:data:`labels.COUNTERS`) stands at ``at`` of ``text``: after a circled number glued to the words
    before it, the number numbers a thing (完成②期工程, ②号楼, ③户), no list's mark; a goal starting ``①号…`` is a
    list's item only where the list goes on (①号召居民参与；②…)."""
    return at < len(text) and text[at] in COUNTERS


_BARE_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")


def _continues(first: str, second: str) -> bool:
    """``second`` is the next item of ``first``'s numbered list (目标1:… then 目标2…, 1.… then 2.…)."""
    a, b = list_mark(first), list_mark(second)
    return bool(a and b and a.word == b.word and (a.style == CIRCLED) == (b.style == CIRCLED)
                and b.number == a.number + 1)


def next_goal_in_row(row: list[Cell], i: int, goals: list[Cell]) -> bool:
    """The cell at ``i`` is the next item of the goal list whose last item is the row's previous filled cell
    (``年度目标 | 目标1：… | 目标2：…``, ``绩效目标 | 1.… | 2.…``: a numbered list laid out in cells of one row after
    the goal's label, reading43). A second text that carries no list number may be another column (中期 and 年度,
    a result) and is no goal here."""
    if not goals:
        return False
    before = next((row[k] for k in range(i - 1, -1, -1) if not row[k].blank), None)
    return before is goals[-1] and _continues(before.text.strip(), row[i].text.strip())


def _list_numbers(texts: list[str]) -> tuple[str, list[int]] | None:
    """The word and list numbers of ``texts`` when each is an item of one list (目标1…, 目标2…: the same word before
    each number, the numbers going up by one), else None."""
    marks = [list_mark(text) for text in texts]
    if any(m is None for m in marks):
        return None
    words = {m.word for m in marks if m is not None}
    numbers = [m.number for m in marks if m is not None]
    circled = {m.style == CIRCLED for m in marks if m is not None}
    if len(words) != 1 or len(circled) != 1 or any(b != a + 1 for a, b in pairwise(numbers)):
        return None
    return words.pop() or "", numbers


def _two_lists(cells: list[Cell]) -> int | None:
    """How many goals a run of goal texts one a line holds when it is the expected column's list and then the
    result column's list numbered the same (目标1:… 目标2:… 目标3:…, then 目标1完成情况:… 目标2完成情况:…
    目标3完成情况:…, Fujian's 部门整体 自评表 copied one cell a line, `103`): two items each at least, both lists
    written alike (the same word before their numbers: 目标1:… then 1.… is not told apart,
    test_corpus17b_layouts); else None."""
    if len(cells) < 4 or len(cells) % 2:
        return None
    half = len(cells) // 2
    texts = [cell.text.strip() for cell in cells]
    first, second = _list_numbers(texts[:half]), _list_numbers(texts[half:])
    return half if first is not None and first == second else None


def unsplit_goal_lines(lines: list[tuple[str, Cell]], stream: bool, parts: Parts,
                       columns: list[tuple[str, str]] | None = None) -> None:
    """Put back the goal texts taken slot by slot, one after the other, when the text taken for the result is the
    next item of the goal's own list (目标1:… then 目标2…: the expected column written as lines, the result column
    after it), or, in a glued stream, the text taken for the goal is a bare number and more texts follow the slots
    (the section's score run in after the labels, then the goals and results; sample 12's two amounts, 43.2 and 37.24,
    are its goal and result as written): all of them become the table's unlabelled texts again, in their order,
    where the first stood."""
    taken = [cell for kind, cell in lines if kind != ""]
    if len(taken) < 2:
        return
    first, second = taken[0].text.strip(), taken[1].text.strip()
    overflow = len(taken) < len(lines)  # texts came after the slots were all taken
    if not (_continues(first, second) or (stream and overflow and _BARE_NUMBER.match(first))):
        return
    cells = [cell for _, cell in lines]
    ids = {id(cell) for cell in cells}
    at_goal = next((k for k, cell in enumerate(parts.goals) if id(cell) in ids), len(parts.goals))
    parts.goals[:] = [cell for cell in parts.goals if id(cell) not in ids]
    at = next((k for k, (_, cell) in enumerate(parts.extras) if id(cell) in ids), len(parts.extras))
    kept = [(label, cell) for label, cell in parts.extras if id(cell) not in ids]
    roles = [role for role, _ in columns or ()]
    if roles == ["expected", "actual"] and (half := _two_lists(cells)) is not None:
        # the expected goals' list, then the results' list numbered the same: each is its column's, in order
        # (reading31; until then all of them were the table's unlabelled texts)
        actual_label = (columns or [])[1][1]
        parts.goals[at_goal:at_goal] = cells[:half]
        parts.extras[:] = kept[:at] + [(actual_label, cell) for cell in cells[half:]] + kept[at:]
        return
    parts.extras[:] = kept[:at] + [("", cell) for cell in cells] + kept[at:]
