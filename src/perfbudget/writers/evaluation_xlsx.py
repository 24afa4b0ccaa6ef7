"""The 项目支出绩效自评表 as xlsx (openpyxl): one sheet per project in the standard layout
(:mod:`perfbudget.writers.evaluation_layout`) with the scoring explanations under the table,
then a 汇总 sheet. The workbook opens on the first project's 自评表.

Print-ready: numbers and percentages are numeric cells with number formats (分值 and 得分
``0.00``, 执行率 ``0.00%``, money ``#,##0.00`` with as many decimals as the amount has, right-aligned), so SUM
works and no "number stored as text" marks appear; A4 in the orientation that fits, one page wide, the
indicator header row repeated on every page, row heights for the wrapped text, and the
填报人/审核人/日期 footer (:mod:`perfbudget.writers.print_layout`). Font 宋体 (charset GB2312)
so that Excel and WPS show the Chinese right.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import Any

from perfbudget.evaluate.result import Evaluation
from perfbudget.writers.cell_safety import text_only
from perfbudget.writers.evaluation_layout import (
    Grid,
    project_grid,
    shows_own_scores,
    summary_headers,
    summary_title,
    summary_values,
)
from perfbudget.writers.print_layout import (
    LONG_SPAN,
    lines_needed,
    row_heights,
    running_head,
    split_at_pages,
    widened_for_fewer_pages,
    xlsx_merge,
    xlsx_page_setup,
    xlsx_page_starts,
    xlsx_readable_one_page,
    xlsx_workbook,
)
from perfbudget.writers.stable_zip import stable_zip
from perfbudget.writers.word_breaks import WORD_KINDS, sheet_lines

FONT = "宋体"
# The scoring explanations' rows under the form: a line of 10.5 pt (LibreOffice sets 15.2 pt in its CJK font), 2 pt a
# row, a row of 8 pt between the form and 计分说明 (print28: 4 pt a row and a 15 pt gap before)
NOTE_POINTS, NOTE_PAD, NOTES_GAP = 14.5, 2.0, 8.0


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Border, Font, PatternFill, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "title": Font(name=FONT, size=16, bold=True, charset=134),
        "subtitle": Font(name=FONT, size=11, charset=134),
        "header": Font(name=FONT, size=10.5, bold=True, charset=134),
        "label": Font(name=FONT, size=10.5, bold=True, charset=134),
        "total": Font(name=FONT, size=10.5, bold=True, charset=134),
        "body": Font(name=FONT, size=10.5, charset=134),
        "fill": PatternFill("solid", fgColor="F2F2F2"),
    }


def grid_sheet(sheet: Any, grid: Grid) -> None:
    """Draw a project's grid (:class:`~perfbudget.writers.evaluation_layout.Grid`) on ``sheet``, its explanations
    under it, set up to print: merged cells, borders, row heights, the indicator header repeated on every page."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    styles = _styles()
    border, body = styles["border"], styles["body"]
    sheet.title = grid.sheet_name
    sized = [(c.row, c.col, c.rowspan, c.colspan, c.text) for c in grid.cells if c.kind != "title"]
    # the 计分说明 kept on the page that ends the table, with its last indicator at least (print29: on a page of their
    # own they printed under the repeated indicator header)
    totals = min((c.row for c in grid.cells if c.kind == "total" and c.row > grid.header_row), default=grid.rows)

    def layout(widths: list[float]) -> tuple[list[float], list[float], bool, list[int]]:
        """The rows' and notes' heights at ``widths``, whether the sheet is one page, and its page starts."""
        heights = row_heights(sized, widths, grid.rows)
        heights[0] = 28
        notes = [NOTES_GAP, NOTE_POINTS + NOTE_PAD] + [NOTE_POINTS * lines_needed(line, sum(widths)) + NOTE_PAD
                                                       for line in grid.explanations]
        # a form that prints readably on one page with its notes is one page (print28); else the pages as computed,
        # set as the sheet's page breaks: a 一级/二级 label is drawn again on each
        one_page = xlsx_readable_one_page(widths, heights + notes)
        # (or, after a table that fits its first page, on the next page alone, under no repeated header: print32)
        starts = [] if one_page else xlsx_page_starts(widths, heights, repeated=grid.header_row, tail=notes,
                                                      last=totals - 1, alone=True)
        return heights, notes, one_page, starts

    # (or a page fewer at a scale at most a tenth smaller: print35)
    widths = [float(w) for w in grid.widths]
    heights, notes, one_page, starts = layout(widths)
    wider = widened_for_fewer_pages(widths, lambda some: len(layout(some)[3]) + 1, sum(heights) + sum(notes))
    if wider is not widths:
        widths = wider
        heights, notes, one_page, starts = layout(widths)
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row, height in enumerate(heights, 1):
        sheet.row_dimensions[row].height = height
    notes_alone = bool(starts) and starts[0] > grid.rows
    for start in starts:
        sheet.row_breaks.append(Break(id=start))
    table_starts = [start for start in starts if start < grid.rows]
    for cell in grid.cells:
        for part_row, part_rows in split_at_pages(cell.row, cell.rowspan, table_starts):
            target = sheet.cell(part_row + 1, cell.col + 1)
            if cell.value is not None:
                target.value = cell.value
                target.number_format = cell.number_format or "0.00"
            else:  # a label too wide for its cell's line breaks between its words (print40, as in Word since print39)
                target.value = (sheet_lines(cell.text, sum(widths[cell.col:cell.col + cell.colspan]))
                                if cell.kind in WORD_KINDS else cell.text) or None
                if cell.text:
                    target.data_type = "s"
            target.font = styles.get(cell.kind, body)
            centred = cell.kind in ("title", "subtitle", "header", "label", "number", "total")
            # centred in a range that crosses a page, the text would be printed between the pages (cut)
            horizontal = "right" if cell.kind == "money" else "center" if centred else "left"  # amounts line up
            target.alignment = Alignment(horizontal=horizontal, wrap_text=True,
                                         vertical="top" if part_rows > LONG_SPAN else "center")
            if cell.kind == "header":
                target.fill = styles["fill"]
            if part_rows > 1 or cell.colspan > 1:
                xlsx_merge(sheet, part_row + 1, cell.col + 1, part_row + part_rows, cell.col + cell.colspan)
        if cell.kind not in ("title", "subtitle"):
            for r in range(cell.row + 1, cell.row + cell.rowspan + 1):
                for c in range(cell.col + 1, cell.col + cell.colspan + 1):
                    sheet.cell(r, c).border = border
    row = grid.rows + 2
    sheet.row_dimensions[row - 1].height, sheet.row_dimensions[row].height = notes[:2]
    sheet.cell(row, 1, grid.notes_title).font = styles["label"]
    for line, height in zip(grid.explanations, notes[2:], strict=True):
        row += 1
        cell = sheet.cell(row, 1, line)
        cell.data_type = "s"
        cell.font = body
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        xlsx_merge(sheet, row, 1, row, len(widths))
        sheet.row_dimensions[row].height = height
    header = grid.header_row + 1
    xlsx_page_setup(sheet, widths, title_rows=None if notes_alone else f"{header}:{header}",
                    head=running_head(*grid.whose) or None,
                    one_page=one_page)


def summary_sheet(sheet: Any, headers: Sequence[str], rows: Iterable[Sequence[Any]], widths: Sequence[float],
                  numeric: Sequence[int] = (), wrapped: int = 2, title: str | None = None) -> None:
    """A 汇总 sheet: ``headers`` then ``rows``, bordered, column ``wrapped`` (1-based, the project names) left
    and wrapped with row heights to fit, columns ``numeric`` (1-based) as ``0.00``; printed with the header
    repeated and ``title`` (its unit and year) at the top of every page: a page header, so that the sheet reads back
    as the summary it is (before print24 the printed 汇总 named neither the form nor the unit)."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    styles = _styles()
    sheet.title = "汇总"
    sheet.append(list(headers))
    for values in rows:
        sheet.append(list(values))
    for row in sheet.iter_rows():
        for cell in row:
            cell.font = styles["header"] if cell.row == 1 else styles["body"]
            cell.border = styles["border"]
            cell.alignment = Alignment(vertical="center", wrap_text=True,
                                       horizontal="left" if cell.column == wrapped and cell.row > 1 else "center")
            if cell.row > 1 and cell.column in numeric:
                cell.number_format = "0.00"
            elif cell.row > 1 and cell.column == wrapped:
                cell.data_type = "s"
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row_number in range(2, sheet.max_row + 1):
        name = str(sheet.cell(row_number, wrapped).value or "")
        sheet.row_dimensions[row_number].height = 14.5 * lines_needed(name, widths[wrapped - 1]) + 5
    xlsx_page_setup(sheet, widths, title_rows="1:1", head=title)


def name_width(names: Iterable[str]) -> float:
    """A 汇总 sheet's 项目名称 column: two units a character of the longest name, 20 to 60."""
    return min(60.0, max(20.0, 2.0 * max((len(name) for name in names), default=10) + 2))


def grids_workbook(grids: Iterable[Grid], summary: Any) -> bytes:
    """A workbook of one sheet per grid then the 汇总 sheet drawn by ``summary(sheet)``, opening on the first
    project; no user text is ever a formula (writers/cell_safety.py)."""
    workbook = xlsx_workbook()
    first_sheet = workbook.active
    assert first_sheet is not None
    count = 0
    for grid in grids:
        grid_sheet(first_sheet if count == 0 else workbook.create_sheet(grid.sheet_name), grid)
        count += 1
    summary(workbook.create_sheet("汇总") if count else first_sheet)
    workbook.active = 0
    buffer = io.BytesIO()
    text_only(workbook)
    workbook.save(buffer)
    return stable_zip(buffer.getvalue())


def evaluation_xlsx(evaluation: Evaluation, original: bool = False) -> bytes:
    """The 自评表 workbook; ``original`` keeps the targets as typed."""
    own = shows_own_scores(evaluation)  # the tables' own 自评得分 and 评价等级 beside ours (print24)
    widths = [6.0, name_width(p.name_cell or p.name for p in evaluation.projects), 16.0, 10.0, 10.0,
              *((14.0, 14.0) if own else ())]

    def summary(sheet: Any) -> None:
        summary_sheet(sheet, summary_headers(evaluation), summary_values(evaluation), widths,
                      numeric=(3, 4, 6) if own else (3, 4), title=summary_title(evaluation))

    return grids_workbook((project_grid(evaluation, project, original) for project in evaluation.projects),
                          summary)
