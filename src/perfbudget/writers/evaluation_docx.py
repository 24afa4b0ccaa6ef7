"""The 项目支出绩效自评表 as docx (python-docx): one table per project in the standard layout,
the scoring explanations under it, a page break between projects. The table is drawn as tables joined by 1 pt
paragraphs so that the indicator header row repeats on every page: the head, then the indicators a table a page as
computed (:func:`print_layout.docx_page_starts`, each after the first on a new page and led by the header row), so
that a 一级/二级 label merged over rows that cross a page is drawn again on the next (since print22; Word repeats no
merged cell's text, and the rows on the next page stood under blank 一级/二级 cells). A4 landscape (the
orientation that fits the eight columns), rows that do not break across pages, the
填报人/审核人/日期 footer; targets in one notation unless ``original``.

Fonts: 宋体 set as the East Asian font (w:eastAsia) on the Normal style and on every run,
with Times New Roman for Latin text, so that Word and WPS show the same table.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from functools import partial
from typing import Any

from perfbudget.evaluate.result import Evaluation
from perfbudget.writers.evaluation_layout import WIDTHS, Grid, project_grid
from perfbudget.writers.print_layout import (
    CM_PER_UNIT,
    DOCX_CELL_PAD_POINTS,
    DOCX_CELL_SIDE_TWIPS,
    DOCX_LINE_POINTS,
    DOCX_PAD_POINTS,
    FIGURE,
    LONG_SPAN,
    POINTS_PER_CM,
    docx_cell_padding,
    docx_cell_sides,
    docx_chinese_fonts,
    docx_page_height,
    docx_page_starts,
    docx_part_cells,
    docx_part_rows,
    docx_project_section,
    docx_section,
    page_parts,
    row_heights,
    running_head,
    set_widths,
    wide_character,
)
from perfbudget.writers.stable_zip import stable_zip
from perfbudget.writers.word_breaks import WORD_KINDS, broken_lines

FONT = "宋体"
LATIN = "Times New Roman"


# Room above and below a cell's text (download-cost, print29's left item): LibreOffice drew the tops of 宋体 (Noto CJK
# here) against the rule above, as in the 绩效目标表 (print_layout.DOCX_CELL_PAD_POINTS); the room below, which the
# line's descent already gives, is left out, so that the seed's 监控表 stays on its one page
CELL_TOP_POINTS = DOCX_CELL_PAD_POINTS
CELL_BOTTOM_POINTS = 0.0
# A table computed at most this share of a page (print_layout.docx_page_height) is not cut (download-cost): the rows
# are computed taller than Word and LibreOffice set them (the seed's 自评表: 428 pt computed, some 360 printed), and cut
# at DOCX_PAGE_SHARE, its 22 rows, one page before, went over two once its cells had 1 pt of room above their text
WHOLE_PAGE_SHARE = 1.0
# the 计分说明 (预警计算说明) lines, 9 pt at single spacing, this far apart (2 pt until download-cost)
NOTE_GAP_POINTS = 0


def _font(run: Any, size: float, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = LATIN
    run.font.size = Pt(size)
    run.font.bold = bold
    r_pr = run._element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)


def grids_docx(grids: Iterable[Grid]) -> bytes:
    """A Word document of the grids (:class:`~perfbudget.writers.evaluation_layout.Grid`), one a page, each
    followed by its explanations."""
    from docx import Document
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = LATIN
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    docx_chinese_fonts(document, FONT, LATIN)
    usable: float | None = None
    for index, grid in enumerate(grids):
        if usable is None:  # the page set up for the first grid's columns (a document's grids share them)
            usable = docx_section(document.sections[0], [float(w) for w in grid.widths])
        scale = usable / sum(grid.widths)
        # each grid a section (a new page after the first) whose page header names the unit and project (print24)
        docx_project_section(document, index, running_head(*grid.whose, labelled=False), FONT)
        # Tables joined by a 1 pt paragraph: the head (title … 年度总体目标) and the indicators, whose first row
        # (一级指标 … ) Word and LibreOffice repeat on every page (Word repeats only a table's leading rows); the
        # indicators a table a page as computed, so that a 一级/二级 label crossing a page is drawn on each
        split = grid.header_row
        starts = _page_starts(grid, scale, docx_page_height(usable))
        for first, _end, specs in page_parts(grid.cells, split, grid.rows, starts):
            if first:
                joint = document.add_paragraph()
                joint.paragraph_format.space_before = joint.paragraph_format.space_after = Pt(0)
                joint.paragraph_format.line_spacing = Pt(1)
                joint.paragraph_format.page_break_before = first > split
                _font(joint.add_run(""), 1)
            rows = max(spec.row + spec.rowspan for spec in specs)
            table = document.add_table(rows=rows, cols=len(grid.widths))
            table.style = "Table Grid"
            table.autofit = False
            docx_cell_padding(table, CELL_TOP_POINTS, CELL_BOTTOM_POINTS)
            docx_part_rows(table, repeat_first=bool(first))
            set_widths(table, [Cm(width * scale) for width in grid.widths])
            for cell, spec in docx_part_cells(table, specs, 0, rows):
                # a label over rows is set at their top, as in the workbooks: a part that runs over its page (a
                # Word whose lines are taller than computed) still prints the label on the page it starts
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP if spec.rowspan > LONG_SPAN \
                    else WD_CELL_VERTICAL_ALIGNMENT.CENTER
                paragraph = cell.paragraphs[0]
                centred = spec.kind in ("title", "subtitle", "header", "label", "number", "total")
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if spec.kind == "money" else \
                    WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT
                size = 16 if spec.kind == "title" else 10.5
                width = sum(grid.widths[spec.col:spec.col + spec.colspan]) * scale * POINTS_PER_CM
                if spec.kind in FIGURE_KINDS and FIGURE.match(spec.text):
                    size = _figure_on_one_line(cell, spec.text, width, size, spec.kind == "money")
                elif spec.kind != "title" and spec.text and "\n" not in spec.text:
                    size = _no_lone_character(cell, spec.text, width, size)
                text = spec.text
                if spec.kind in WORD_KINDS:  # a label too wide for a line breaks between its words (print39)
                    text = broken_lines(text, _room(cell, width), partial(_points, size=size))
                _font(paragraph.add_run(text), size, bold=spec.kind in ("title", "header", "label", "total"))
        heading = document.add_paragraph()
        heading.paragraph_format.keep_with_next = True  # (print15: LibreOffice left it alone at a page's foot)
        heading.paragraph_format.space_after = Pt(2)
        heading.paragraph_format.space_before = Pt(2)  # (LibreOffice drew its tops over the table's last rule)
        _font(heading.add_run(grid.notes_title), 10.5, bold=True)
        # set solid: the template's 10 pt after each and 1.15 lines took a page more; 2 pt apart, the seed's 监控表
        # went to a second page for its last two notes once its cells had room above their text (download-cost)
        # kept together, under their heading (print30: the seed's 自评表 printed its last five lines alone on page 2,
        # under no heading); a block taller than a page breaks where it must (Word and LibreOffice let it)
        for number, line in enumerate(grid.explanations, 1):
            note = document.add_paragraph()
            note.paragraph_format.space_before, note.paragraph_format.space_after = Pt(0), Pt(NOTE_GAP_POINTS)
            note.paragraph_format.line_spacing = 1.0
            note.paragraph_format.keep_with_next = number < len(grid.explanations)
            _font(note.add_run(line), 9)
    if usable is None:
        docx_section(document.sections[0], [float(w) for w in WIDTHS])
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


# A figure (分值, 得分, 执行率, an amount) is set on one line: where it is wider than its cell's room between the side
# margins (0.19 cm each), the cell's side margins are this narrow (1 pt), an amount's (right-aligned) left one only:
# it keeps its room from the rule on its right (print31). print37: the 总分 row's full marks 「100.00」, bold,
# printed 「100.0」 over 「0」 in the 分值 column of eight units (LibreOffice sets Times New Roman here in DejaVu
# Serif, whose bold digit is 0.7 of the size: 40 pt in a cell of 46 less 11 of margins). A figure wider than even
# that room is set smaller, so that it fits (w:noWrap would not keep it whole: Word reads it only in a table laid
# out by its contents, and these tables have fixed columns)
FIGURE_KINDS = frozenset({"number", "money", "total"})
FIGURE_SIDE_TWIPS = 20
# a Latin letter, digit or sign of the size (Times New Roman 0.5; DejaVu Serif, which LibreOffice sets for it here,
# 0.64, its bold digit 0.7): the one Latin width of the Word forms' one-line fits; a CJK character or wide sign
# (print_layout.wide_character) 1. (print38 had 0.65 for texts beside this 0.7 for figures, and counted a figure's
# 「≥」 0.7)
LATIN_EM = 0.7


def _points(text: str, size: float) -> list[float]:
    """Each character's printed width in ``text`` set at ``size`` points."""
    return [size if wide_character(char) else LATIN_EM * size for char in text]


def _on_one_line(cell: Any, wide: float, width: float, size: float, amount: bool = False,
                 least: float = 0.0) -> float:
    """The size a text ``wide`` points at ``size`` is set at in ``cell`` (``width`` points wide) so that it prints on
    one line: ``size`` when it fits between the side margins, else ``size`` with the cell's margins narrowed (its
    left one alone for an ``amount``), else a smaller size (in half points, as Word keeps it) that fits between
    those — or, where that is less than ``least``, ``size`` with the margins as they were (the text wraps)."""
    if wide <= width - 2 * DOCX_CELL_SIDE_TWIPS / 20:
        return size
    right = DOCX_CELL_SIDE_TWIPS if amount else FIGURE_SIDE_TWIPS
    room = width - (FIGURE_SIDE_TWIPS + right) / 20
    smaller = size if wide <= room else math.floor(2 * size * room / wide) / 2
    if smaller < least:
        return size
    docx_cell_sides(cell, FIGURE_SIDE_TWIPS, right)
    return smaller


def _figure_on_one_line(cell: Any, text: str, width: float, size: float, amount: bool) -> float:
    """The size ``text``, a figure, is set at in ``cell`` (``width`` points wide) so that it prints on one line
    (:func:`_on_one_line`)."""
    return _on_one_line(cell, sum(_points(text, size)), width, size, amount)


# A short text (a label, a header, a target, a few words) that Word would wrap leaving its last character alone on the
# second line (「社会效益指 / 标」, 「人员不 / 足」, 「≤17万 / 元」 in the seed's 监控表: Word and LibreOffice fill a
# line before they break, and have no balanced wrapping) is set on one line: the cell's side margins narrowed to
# 1 pt, and where that is not room enough a smaller size, down to LEAST_TEXT_SIZE (print38)
LEAST_TEXT_SIZE = 9.0
_CLOSING = "）)」』》〉】，。、；：！？%％"  # no line begins with one (Word's and LibreOffice's rules for Chinese text)


def _no_lone_character(cell: Any, text: str, width: float, size: float) -> float:
    """The size ``text`` is set at in ``cell`` (``width`` points wide): ``size``, the cell's side margins narrowed and
    perhaps a smaller size (:func:`_on_one_line`) where it would otherwise print on two lines with one character
    alone on the second."""
    widths = _points(text, size)
    room = width - 2 * DOCX_CELL_SIDE_TWIPS / 20
    total = sum(widths)
    if total <= room or total > 2 * room:
        return size
    at, used = 0, 0.0
    while at < len(text) and used + widths[at] <= room:
        used += widths[at]
        at += 1
    while 0 < at < len(text) and text[at] in _CLOSING:
        at -= 1  # (a closing mark goes to the next line with the character before it)
    if len(text[at:].rstrip(_CLOSING)) != 1:
        return size
    return _on_one_line(cell, total, width, size, least=LEAST_TEXT_SIZE)


def _room(cell: Any, width: float) -> float:
    """The points between ``cell``'s side margins (narrowed by :func:`_on_one_line`, else the tables' own)."""
    from docx.oxml.ns import qn

    margins = cell._tc.tcPr.find(qn("w:tcMar")) if cell._tc.tcPr is not None else None
    sides = [DOCX_CELL_SIDE_TWIPS, DOCX_CELL_SIDE_TWIPS]
    if margins is not None:
        for index, name in enumerate(("w:left", "w:right")):
            side = margins.find(qn(name))
            if side is not None:
                sides[index] = int(side.get(qn("w:w")))
    return width - sum(sides) / 20


def _page_starts(grid: Grid, scale: float, page_height: float) -> list[int]:
    """The grid's rows that start a printed page (:func:`print_layout.docx_page_starts`), its columns ``scale`` cm a
    width unit."""
    units = [width * scale / CM_PER_UNIT for width in grid.widths]
    heights = row_heights(((c.row, c.col, c.rowspan, c.colspan, c.text) for c in grid.cells if c.kind != "title"),
                          units, grid.rows, DOCX_LINE_POINTS, DOCX_PAD_POINTS + CELL_TOP_POINTS + CELL_BOTTOM_POINTS)
    heights[0] = 24.0  # the 16 pt title
    if sum(heights) <= page_height * WHOLE_PAGE_SHARE:
        return []  # (one page)
    # (the 总分 rows go with the last indicator: a page of the header and the 总分 alone says nothing)
    totals = min((c.row for c in grid.cells if c.kind == "total" and c.row > grid.header_row), default=grid.rows)
    return docx_page_starts(heights, page_height, grid.header_row, totals)


def evaluation_docx(evaluation: Evaluation, original: bool = False) -> bytes:
    return grids_docx(project_grid(evaluation, project, original) for project in evaluation.projects)
