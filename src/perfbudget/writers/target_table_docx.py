"""The 项目支出绩效目标表 as a Word document (python-docx), one table per project, each project on a new page.

Layout from :mod:`perfbudget.writers.target_table_layout`: the heading paragraph,
then the table with its merged cells (``w:gridSpan`` across, ``w:vMerge`` down), drawn as its head
(unit line … 绩效目标) and its indicators, two tables of the same columns joined by a 1 pt paragraph:
the indicator header row (一级指标 …) leads the second and is marked as a header row
(``w:tblHeader``), so Word and LibreOffice repeat it on every page (Word repeats a table's leading
rows only); the reader joins the two as one table continued. The indicators are cut into a table a printed page as
computed (:func:`print_layout.docx_page_starts`), each after the first on a new page and led by the header row again,
so that a 一级/二级 label merged over rows crossing a page is drawn on each (since print23, as the 自评表 since
print22).
Fonts: 宋体 as the East Asian font (``w:eastAsia``) on the Normal style and on every
run, Times New Roman for Latin text, so Word and WPS show the same table. Rows
may not break across pages (``w:cantSplit``), so a table that runs over two pages
breaks between rows; the heading, the header block and the indicator header row are kept with the
first indicator row (``w:keepNext`` on their paragraphs), so a page never ends with a heading or a
table's first rows alone (of a head taller than 60 % of a page, its last rows only: kept whole, it went to the next
page and left its heading alone). A4 in the orientation that fits the widest table, column widths fitted
to the Chinese text, the 填报人/审核人/日期 footer (:mod:`perfbudget.writers.print_layout`);
targets in one notation unless ``original``.
"""

from __future__ import annotations

import io
from typing import Any

from perfbudget.model import Document
from perfbudget.steps import Steps, quiet_steps
from perfbudget.writers.print_layout import (
    CM_PER_UNIT,
    LONG_SPAN,
    docx_cell_padding,
    docx_chinese_fonts,
    docx_page_height,
    docx_page_starts,
    docx_part_cells,
    docx_part_rows,
    docx_project_section,
    docx_section,
    fit_widths,
    kept_with_next,
    page_parts,
    row_heights,
    running_head,
    set_widths,
    shared_widths,
)
from perfbudget.writers.stable_zip import stable_zip
from perfbudget.writers.target_table_layout import ProjectGrid, told_grids

FONT = "宋体"
LATIN = "Times New Roman"
SIZE = 10.5


def _font(run: Any, bold: bool = False, size: float = SIZE) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold or None
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT)
    fonts.set(qn("w:ascii"), LATIN)
    fonts.set(qn("w:hAnsi"), LATIN)


class _CellFiller:
    """Fills fresh table cells with text as :func:`_font` and python-docx's ``vertical_alignment``, ``alignment`` and
    ``add_run`` would, the same XML, but each run a copy of one made once (download-cost, 2026-12-06): python-docx
    looks every child up again in the schema's order, and a run's text went in a character at a time, some 8 of the
    11 s of CPU a 990-indicator 绩效目标表 with long texts cost a Word download."""

    def __init__(self) -> None:
        import docx
        from docx.oxml.ns import qn

        paragraph = docx.Document().add_paragraph()
        self._runs = {bold: paragraph.add_run("x") for bold in (False, True)}
        for bold, run in self._runs.items():
            _font(run, bold)
            run._r.remove(run._r.find(qn("w:t")))
        self._t, self._p, self._pPr, self._jc = qn("w:t"), qn("w:p"), qn("w:pPr"), qn("w:jc")
        self._vAlign, self._val, self._space = qn("w:vAlign"), qn("w:val"), qn("xml:space")
        self._tcPr = qn("w:tcPr")

    def fill(self, cell: Any, text: str, bold: bool, center: bool, top: bool = False) -> None:
        """``text`` (its lines a paragraph each) into ``cell``, in the body font, bold or not, centred or not, set
        at the top of the cell or in its middle."""
        from copy import deepcopy

        from lxml import etree

        tc = cell._tc
        align = etree.SubElement(tc.find(self._tcPr), self._vAlign)
        align.set(self._val, "top" if top else "center")
        paragraph = tc.find(self._p)
        for index, line in enumerate(text.split("\n") if text else [""]):
            if index:
                paragraph = etree.SubElement(tc, self._p)
            if center:
                properties = etree.Element(self._pPr)
                etree.SubElement(properties, self._jc).set(self._val, "center")
                paragraph.insert(0, properties)
            if not line:
                continue
            if "\t" in line or "\r" in line:  # (python-docx writes these as w:tab, w:br)
                from docx.text.paragraph import Paragraph

                _font(Paragraph(paragraph, cell).add_run(line), bold)
                continue
            run = deepcopy(self._runs[bold]._r)
            words = etree.SubElement(run, self._t)
            words.text = line
            if len(line.strip()) < len(line):
                words.set(self._space, "preserve")
            paragraph.append(run)


_MIN_WIDTHS = [10, 10, 14, 12, 10, 8, 8]


def column_widths(grid: ProjectGrid) -> list[float]:
    minimum = _MIN_WIDTHS + [8] * max(0, grid.width - len(_MIN_WIDTHS))
    return fit_widths(((s.col, s.colspan, s.text) for s in grid.cells), grid.width, minimum=minimum, maximum=30)


def indicator_split(grid: ProjectGrid) -> int:
    """The grid row where the indicator table starts (its header row 一级指标 …), or 0 to draw one table:
    no header block, no indicator rows, or a merged cell crossing the split."""
    split = grid.header_rows
    if not 0 < split < grid.rows - 1:
        return 0
    if any(spec.row < split < spec.row + spec.rowspan for spec in grid.cells):
        return 0
    return split


def _joint(document: Any, new_page: bool = False) -> None:
    """The 1 pt paragraph between two tables of a project, kept with the next; ``new_page`` begins a page."""
    from docx.shared import Pt

    joint = document.add_paragraph()
    joint.paragraph_format.page_break_before = new_page
    joint.paragraph_format.space_before = joint.paragraph_format.space_after = Pt(0)
    joint.paragraph_format.line_spacing = Pt(1)
    joint.paragraph_format.keep_with_next = True
    _font(joint.add_run(""), size=1)


# the heading paragraph above a project's table (12 pt bold, at Word's single spacing, and the Normal style's room
# after it): the first page's lead, 26 pt as LibreOffice sets it (16 counted until print32)
HEADING_POINTS = 26.0
# The table's rows counted as printed (print32): a line of 10.5 pt 宋体 13 pt, a row's cell padding (1 pt above and
# below, print29) and rule 2.6 pt; LibreOffice sets 12.2 a line and 2.6, Word, whose body is 481 pt where 464 are
# counted, at most 15 pt a one-line row. Its pages are filled to TARGET_PAGE_SHARE. Counted at 13.5 and 3.5, cut at
# 92 % (the 自评表's DOCX_LINE_POINTS and DOCX_PAGE_SHARE), r172's page 2 ended a quarter of its height above its
# foot, with room for four of the six rows that went on to page 3
TARGET_LINE_POINTS = 13.0
TARGET_PAD_POINTS = 2.6
TARGET_PAGE_SHARE = 0.97
# A table computed at most this share of a page (print_layout.docx_page_height) is not cut (print29): the computed
# rows are at least as tall as Word, WPS and LibreOffice set them (LibreOffice: 15.8 pt a one-line row where 17), and
# the page's body is as tall (LibreOffice) or taller (Word: 481 pt of 464); cut at DOCX_PAGE_SHARE, the sample 13's
# 12 indicators printed their last row alone on a second page once the cells had room above and below their text
WHOLE_PAGE_SHARE = 1.02


def page_starts(grid: ProjectGrid, units: list[float], page_height: float) -> list[int]:
    """The grid's rows that start a printed page (:func:`print_layout.docx_page_starts`): the project starts a page,
    its heading above the table; its columns ``units`` width units. Empty when the table is drawn as one
    (:func:`indicator_split`) or computed to fit its page (:data:`WHOLE_PAGE_SHARE`)."""
    split = indicator_split(grid)
    if not split:
        return []
    heights = row_heights(((s.row, s.col, s.rowspan, s.colspan, s.text) for s in grid.cells), units, grid.rows,
                          TARGET_LINE_POINTS, TARGET_PAD_POINTS)
    if sum(heights) + (HEADING_POINTS if grid.heading else 0.0) <= page_height * WHOLE_PAGE_SHARE:
        return []  # (one page)
    # (a head that runs over its first page is cut too, and the indicators' pages counted from there: print30)
    return docx_page_starts(heights, page_height, split, grid.rows, HEADING_POINTS if grid.heading else 0.0,
                            head=[(s.row, s.rowspan) for s in grid.cells if s.row < split], share=TARGET_PAGE_SHARE)


def kept_head_widths(grid: ProjectGrid, widths: list[float], usable: float, page_height: float) -> list[float]:
    """``widths``, or the widths shared out by what the columns hold (:func:`print_layout.shared_widths`, as the
    自评表's: a column's width where it saves the most printed lines, its headers and labels in two lines at most)
    when the pages computed at ``widths`` cut the head from its first indicator and the shared widths print the table
    on fewer pages, as wide. print35: r110's head printed alone on page 1, half of it empty, its one indicator (a
    145-character 偏差原因分析 in 13 lines of a column as wide as the 三级指标's and the 实际完成值's, 14 characters
    each) on page 2 (print34's left item); its 偏差原因分析 now takes 48.8 of the 142 units, and the table one page."""
    split = indicator_split(grid)

    def starts(some: list[float]) -> list[int]:
        scale = usable / sum(some)
        return page_starts(grid, [width * scale / CM_PER_UNIT for width in some], page_height)

    first = starts(widths)
    if not split or not any(start <= split + 1 for start in first):
        return widths
    cells = ((s.row, s.col, s.colspan, s.text, 2 if s.bold or s.row == split else 0) for s in grid.cells)
    shared = list(shared_widths(widths, cells))
    return shared if len(starts(shared)) < len(first) else widths


def _table(document: Any, grid: ProjectGrid, widths: list[float], usable: float, page_height: float) -> None:
    """The project's table: its head (title … 绩效目标) and its indicators (一级指标 … , whose header
    row Word and LibreOffice repeat on every page: Word repeats a table's leading rows only) as tables of the
    same columns joined by 1 pt paragraphs, the indicators a table a printed page as computed
    (:func:`page_starts`), each after the first on a new page, so that a 一级/二级 label merged over rows crossing
    a page is drawn again on the next (since print23)."""
    from docx.shared import Cm

    scale = usable / sum(widths)
    split = indicator_split(grid)
    units = [width * scale / CM_PER_UNIT for width in widths]
    heights = row_heights(((s.row, s.col, s.rowspan, s.colspan, s.text) for s in grid.cells), units,
                          grid.header_rows)
    starts = page_starts(grid, units, page_height) if split else []
    cuts = [start for start in starts if start <= split]  # (the head cut where it runs over its first page)
    # kept with the first indicator: the head's rows after its last cut (those before end their pages)
    kept = [row >= cuts[-1] for row in range(len(heights))] if cuts else kept_with_next(heights, page_height)
    parts = page_parts(grid.cells, split, grid.rows, starts) if split else iter([(0, grid.rows, grid.cells)])
    from docx.enum.style import WD_STYLE_TYPE

    style = document.part.get_style_id("Table Grid", WD_STYLE_TYPE.TABLE)
    block_width = document._block_width
    filler = _CellFiller()
    for first, end, specs in parts:
        if first:
            _joint(document, new_page=first in starts)
        rows = end - first + (1 if first > split else 0)
        # (document.add_table reads the last section's width through every section of the body, each table)
        table = document._body.add_table(rows, grid.width, block_width)
        table._tbl.tblStyle_val = style  # (table.style looked "Table Grid" up in styles.xml for each page's table)
        table.autofit = False
        docx_cell_padding(table)  # (print29: LibreOffice set the text against the rules)
        set_widths(table, [Cm(width * scale) for width in widths])
        docx_part_rows(table, repeat_first=first >= split > 0, continued=bool(first))
        for cell, spec in docx_part_cells(table, specs, 0, rows):
            # a label over rows at their top, as in the workbooks and the 自评表
            filler.fill(cell, spec.text, spec.bold, spec.center, top=spec.rowspan > LONG_SPAN)
        # the header block and the indicator header: kept with the first indicator row (of a head taller than
        # fits, its last rows only: kept whole, it left its heading alone on a page)
        for index, row in enumerate(table.rows[:grid.header_rows + 1 - first], first):
            if index < len(kept) and not kept[index]:
                continue
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def target_table_docx(document: Document, original: bool = False, steps: Steps = quiet_steps) -> bytes:
    """The document's project tables as .docx bytes; ``original`` keeps targets as typed."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    out = docx.Document()
    normal = out.styles["Normal"]
    normal.font.name = LATIN
    normal.font.size = Pt(SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    docx_chinese_fonts(out, FONT, LATIN)
    grids = told_grids(document, original, steps)
    grid_widths = [column_widths(grid) for grid in grids]  # (each measures every cell's text: once a grid)
    widest = max(grid_widths, key=sum, default=[float(w) for w in _MIN_WIDTHS])
    usable = docx_section(out.sections[0], widest)
    page_height = docx_page_height(usable)
    body = out.element.body
    unit_text = f"{document.unit.code or ''}{document.unit.name or ''}"
    for first_paragraph in list(body.iterchildren(qn("w:p"))):
        body.remove(first_paragraph)
    for index, grid in enumerate(grids):
        # each project begins a page, as the provincial forms print (since print23: the projects followed each other,
        # and where a page began in a project was not known to the writer), a section of its own whose page header
        # names the unit and the project (since print24)
        project = document.projects[index]
        docx_project_section(out, index, running_head(unit_text, project.name, labelled=False), FONT)
        paragraph = out.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.keep_with_next = True
        if grid.heading:
            _font(paragraph.add_run(grid.heading), bold=True, size=12)
        _table(out, grid, kept_head_widths(grid, grid_widths[index], usable, page_height), usable, page_height)
        steps("写出", index + 1, len(grids))
    # the paragraph a document must end with, 1 pt: a table that fills its last page to the bottom left a blank page
    # after it for a 10.5 pt empty line (corpus 05 once its funds grid printed as a grid, kinds25)
    tail = out.add_paragraph()
    tail.paragraph_format.space_before = tail.paragraph_format.space_after = Pt(0)
    tail.paragraph_format.line_spacing = Pt(1)
    _font(tail.add_run(""), size=1)
    buffer = io.BytesIO()
    steps("保存文件", 0, None)
    out.save(buffer)
    return stable_zip(buffer.getvalue())
