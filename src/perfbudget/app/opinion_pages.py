"""Where a unit's printed 审核意见书 turns its pages: each project's part cut at the computed foot of a page, so that a
page going on with a project is headed 「项目名称（续）」 (print27).

A unit's opinion draws each project as a table whose first row, the project's name, is printed again at the top of
every page the table runs on to (print26). A repeated row is the same row on every page — Word, WPS, LibreOffice and
Chromium cannot print 「（续）」 on its later pages only — so the writers cut the project here: the rows (blocks: a
finding, a comment, a heading with its first line; never split) that fit on what is left of a page are one table, the
rest go on in another table begun on a new page under 「名称（续）」. A project whose name and first block do not fit on
what is left of a page begins on the next page, so no page ends with a project's name.

The pages are computed, not measured, as the tables' are (``writers/print_layout``): each form says how tall its
lines and headings are (:class:`Measure`, a little taller than LibreOffice and Chromium set them, and a page not filled
to its foot), so that a program setting lines a little taller still ends no page before the computed cut. If one
does, the page it runs on to begins under the project's name as before (the row is still a repeated header row)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from perfbudget.steps import Steps, quiet_steps
from perfbudget.writers.print_layout import lines_needed, text_width

CONTINUED = "（续）"

# Entry kinds: the unit/year/version and grade lines (with the grade's 等级依据), a heading (审核发现, 审核意见), a
# dimension's heading over its findings (「（一）完整性」: opinion36), 「无。」, a finding (with its 建议 on its second
# line), the opinion on the whole project (退回意见 …), a cell comment, the earlier versions' comments' heading and
# each of them.
HEAD, HEADING, GROUP, NONE, FINDING, REMARK, COMMENT, EARLIER_LEAD, EARLIER = (
    "head", "heading", "group", "none", "finding", "remark", "comment", "earlier_heading", "earlier")
HEADINGS = (HEADING, GROUP)
LISTED = (FINDING, REMARK, COMMENT, EARLIER)
PLAIN = (HEAD, NONE, EARLIER_LEAD)  # paragraphs with room after them


@dataclass(frozen=True)
class Entry:
    """One paragraph of a project's part of the opinion: its kind, its text as printed (``markup``: the same as HTML,
    escaped, where it differs) and, for a finding, its number."""

    kind: str
    text: str
    markup: str = ""
    number: int = 0


def blocks(entries: Sequence[Entry]) -> list[list[Entry]]:
    """The entries in the blocks a page never splits: the head lines (the unit, the grade and its 等级依据); then each
    entry, a heading (and the earlier comments' heading) with the entries after it up to the first that is no heading
    (审核发现 with its first dimension's heading and first finding). Until print38 the head lines and 审核发现 with its
    first finding were one block: with the 等级依据 (opinion36) some 18 lines, which a page holding less than that
    left empty (the seed's unit: page 2 ended 274 pt above its foot, the next project's head on page 3)."""
    out: list[list[Entry]] = []
    headed = lead = False
    for entry in entries:
        heading = entry.kind in HEADINGS
        if out and (lead or (not headed and not heading)):
            out[-1].append(entry)
        else:
            out.append([entry])
        headed, lead = headed or heading, heading or entry.kind == EARLIER_LEAD
    return out


TITLE_UNITS = 34  # the Title style (28 pt) holds about 17 Chinese characters on A4 portrait, 1.8 cm margins
SUFFIX = "审核意见书"
# where a unit's title parts (「{unit}{year}年度绩效目标审核意见书」, :func:`unit_opinion_desks`): before its year, or
# before 「绩效目标」 when it names none (the leftmost: a unit whose name ends in 「年度」 is cut before 「绩效目标」
# too; a project's title, 「{name}审核意见书」, has no such seam)
_UNIT_SEAM = re.compile(r"(?=(?:\d{4}年度)?绩效目标$)")


def title_lines(title: str) -> list[str]:
    """The opinion's title in the lines it is printed in: on one line where it fits (:data:`TITLE_UNITS`), else cut
    only between its parts — the unit's or project's name, 「2024年度绩效目标」, 「审核意见书」 — each line as many
    whole parts as it holds (a part wider than a line wraps within itself). Word wrapped 「…项目审核意见」 and left
    「书」 alone (print18: since then the title broke before 「审核意见书」), and a unit's title in three lines,
    「天津市和平区人民检察院2024年度绩效 / 目标 / 审核意见书」, 「绩效目标」 cut in two (print39): now
    「天津市和平区人民检察院 / 2024年度绩效目标审核意见书」."""
    if text_width(title) <= TITLE_UNITS or not title.endswith(SUFFIX) or len(title) == len(SUFFIX):
        return [title]
    head = title[:-len(SUFFIX)]
    found = _UNIT_SEAM.search(head)
    seam = found.start() if found and found.start() > 0 else len(head)
    parts = [part for part in (head[:seam], head[seam:], SUFFIX) if part]
    lines = [parts[0]]
    for part in parts[1:]:
        if text_width(lines[-1] + part) <= TITLE_UNITS:
            lines[-1] += part
        else:
            lines.append(part)
    return lines


@dataclass(frozen=True)
class Measure:
    """How a printed form sets the opinion (points; widths in ``print_layout.text_width`` units)."""

    room: float  # the page's height for the body
    line: float  # a line of text
    after: float  # after a plain paragraph (the head lines, 「无。」, the earlier comments' heading)
    list_start: float  # above a list's first item
    heading_line: float  # a line of 审核发现, 审核意见
    heading_extra: float  # the room above them
    units: float  # a plain line's width
    list_units: float  # a list item's line
    name_line: float  # a line of the project's name (the repeated row)
    name_units: float
    name_extra: float  # the name row's room above and below its lines
    gap: float  # between one project's table and the next
    title_line: float
    title_units: float
    title_extra: float

    collapses: bool  # a heading's room above merges with a plain paragraph's after it in any block (CSS margins),
    # not only in its own (Word: a heading set under a paragraph of its own row has no room above: ``opinion.py``)
    sign: float  # the signature line 「审核人：… 日期：…」 with its room above, under the last project's last block
    cut_title: bool = False  # the title printed in the lines :func:`title_lines` cuts it into (Word), else as it wraps
    top_extra: float | None = None  # the name row's room at the top of a page, where not ``name_extra`` (the page's
    # table begun on a new page has no margin above it)
    list_end: float = 0.0  # below a project's last block when it ends with a list (the page: a table cell's last
    # list keeps its margin, opinion.css; a paragraph's ``after`` is counted with it)

    def entry(self, entry: Entry, previous: str | None, same_block: bool = True) -> float:
        if entry.kind in HEADINGS:
            under_plain = previous in PLAIN and (same_block or self.collapses)
            return self.heading_line + (0.0 if under_plain else self.heading_extra)
        if entry.kind in LISTED:
            starts = previous is None or (previous not in LISTED) or (previous == FINDING) != (entry.kind == FINDING)
            return lines_needed(entry.text, self.list_units) * self.line + (self.list_start if starts else 0.0)
        above = self.list_start if previous is None else 0.0  # (a part's first paragraph: a list's room above)
        return lines_needed(entry.text, self.units) * self.line + self.after + above

    def end(self, block: Sequence[Entry]) -> float:
        """The room under ``block`` when a part of a project's table ends with it: :attr:`list_end` when it ends with
        a list (a table cell's last list keeps its margin), else none (a paragraph's ``after`` is in its height)."""
        return self.list_end if block and block[-1].kind in LISTED else 0.0

    def name(self, text: str, top: bool = False) -> float:
        """The project's name row ``text`` (``top``: at the top of a page)."""
        extra = self.top_extra if top and self.top_extra is not None else self.name_extra
        return lines_needed(text, self.name_units) * self.name_line + extra

    def title(self, text: str) -> float:
        lines = title_lines(text) if self.cut_title else [text]
        return sum(lines_needed(line, self.title_units) for line in lines) * self.title_line + self.title_extra


# Word, WPS and LibreOffice: the opinion's lines are set at these exact heights (``opinion._exact_lines``: 11 pt text
# on 15 pt lines, the headings on 18 and 20, the 26 pt title on 34), 10 pt after a paragraph and 10 pt above a
# Heading 2 that begins a row (none above one under a paragraph of its row: Word adds the two, LibreOffice took the
# larger), 24 pt above the repeated Heading 1 row, a 6 pt paragraph of a 15 pt line between projects, the signature's
# 15 pt line 24 pt below the last project (kept with its last paragraph, print14); A4 portrait with
# 1.8 cm margins holds 740 pt (LibreOffice set 49 rows of 15 pt on it), filled to 98.5 %. The widths are the page's
# (print28, measured on LibreOffice's PDF): the text 17.4 cm, 89.7 half-width units of 11 pt, a list item 18 pt in
# (86.4), the 14 pt Heading 1 70.4; ``lines_needed`` keeps a character's room a line for the line-breaking rules
# (no 「，」 begins a line). Until print28 the widths were counted 2–3 units narrower, and the room 96 %: the seed's
# unit printed pages ending a quarter of a page short (a finding of two lines counted as three, 审核发现 10 pt lower).
# The title's lines are counted at the width :func:`title_lines` cuts them at (:data:`TITLE_UNITS`; print39 counted
# 36 where it cut at 34, so a part 35–36 units wide was counted one line and printed two).
WORD = Measure(room=740 * 0.985, line=15, after=10, list_start=0, heading_line=18, heading_extra=10, units=89.6,
               list_units=86.4, name_line=20, name_units=70.4, name_extra=26, gap=22, title_line=34,
               title_units=TITLE_UNITS,
               title_extra=18, collapses=False, sign=24 + 15, cut_title=True)
# Chromium prints the page as Word sets its form (print41, opinion.css's print rules): the same 1.8 cm margins, lines,
# sizes and widths, so that the same opinion takes about the same pages. Where CSS differs: a heading's 10 pt above
# merges with a paragraph's 10 pt after it (``collapses``); a project's table is 24 pt below the one before, whose last
# paragraph or list keeps its 10 pt (a table cell's margin does not merge: a paragraph's ``after``, a list's
# ``list_end``; until the second reading of print41 ``gap`` added 10 pt between projects whatever ended the one before,
# 10 pt too many under a paragraph, 「无。」 or a head line), and none below the top of a page (a table begun on a new
# page: ``top_extra``), its name 2 pt above its first lines; the
# title wraps where the line is full (balanced), 26 pt in 493 pt (37.9 units: counted 36), 18 pt below it. Until
# print41 the page printed at 14 px on 1.7 lines (17.85 pt) within 20 mm margins: the seed's unit's opinion took 9
# pages where Word took 7.
HTML = Measure(room=740 * 0.985, line=15, after=10, list_start=0, heading_line=18, heading_extra=10, units=89.6,
               list_units=86.4, name_line=20, name_units=70.4, name_extra=24 + 2, gap=0, title_line=34,
               title_units=36, title_extra=18, collapses=True, sign=24 + 15, top_extra=2, list_end=10)


@dataclass(frozen=True)
class Layout:
    """A project's printed parts: whether it begins a new page, and its blocks' indexes part by part (a part after
    the first begins a page under 「名称（续）」)."""

    new_page: bool
    parts: tuple[tuple[int, ...], ...]


def block_heights(measure: Measure, project_blocks: Sequence[Sequence[Entry]], signed: bool = False) -> list[float]:
    """The printed height of each of a project's blocks, the last with the room under it (:meth:`Measure.end`) when
    no signature follows it (``signed``: the unit's last project, 「审核人：…」 under it in its cell)."""
    heights = []
    previous: str | None = None
    for block in project_blocks:
        height = 0.0
        for number, entry in enumerate(block):
            height += measure.entry(entry, previous, same_block=number > 0)
            previous = entry.kind
        heights.append(height)
    if heights and not signed:
        heights[-1] += measure.end(project_blocks[-1])
    return heights


def cut_ends(measure: Measure, project_blocks: Sequence[Sequence[Entry]]) -> list[float]:
    """The room under each of a project's blocks but its last when a page is cut after it, :meth:`Measure.end` as
    under the project's last block (:func:`block_heights`; its part is a table of its own, and a table cell's
    last list keeps its margin; until print42 it was counted under a project's last block only, so a page cut within
    10 pt of its foot after a finding ran over, its last finding printed alone on a page of its own)."""
    return [*map(measure.end, project_blocks[:-1]), 0.0] if project_blocks else []


def layouts(measure: Measure, title: str, projects: Sequence[tuple[str, Sequence[Sequence[Entry]]]],
            steps: Steps = quiet_steps) -> list[Layout]:
    """Each project's :class:`Layout`: ``projects`` are the headings and blocks in print order, under ``title``;
    ``steps`` told 「排版」 after each."""
    used = measure.title(title)
    out = []
    for index, (name, project_blocks) in enumerate(projects):
        heights = block_heights(measure, project_blocks, signed=index == len(projects) - 1)
        if index == len(projects) - 1:  # the signature goes with the last block, on its page (print37)
            heights[-1:] = [height + measure.sign for height in heights[-1:]]
        ends = cut_ends(measure, project_blocks)
        head = measure.name(name)
        gap = measure.gap if index else 0.0
        new_page = used > 0 and used + gap + head + (heights[0] + ends[0] if heights else 0.0) > measure.room
        used = measure.name(name, top=True) if new_page else used + gap + head
        parts: list[list[int]] = [[]]
        continued_head = measure.name(name + CONTINUED, top=True)
        for number, height in enumerate(heights):
            if parts[-1] and used + height + ends[number] > measure.room:
                parts.append([])
                used = continued_head + measure.list_start  # (its first paragraph or list's room above)
            parts[-1].append(number)
            used += height
        out.append(Layout(new_page, tuple(tuple(part) for part in parts)))
        steps("排版", index + 1, len(projects))
    return out
