"""A sheet printed with its indicator header repeated on every page (Calc's print titles, Excel's 打印标题) over a 一级
cell merged down past the page break (forms43, FAILURES.md section CU): Calc draws the merged cell's text in the
middle of the whole merge on each page, clipped to the page's part of it; where that middle falls on the next page's
first line under the repeated header row, the clipped text is drawn across that row's bottom line and pdfplumber reads
it into the header's cell (``一级指标产出指标``). 0e435d37 then took the repeated header for an indicator row (a row
more, 一级 ``一级指标产出指标``). Characters drawn across the bottom lines of the first rows, down to the table's header
again, of a table going on from the previous page are now left out and told at the cell
(``pdf_clipped.cut_under_titles``): the header repeats and is dropped. Indicator rows under a one-row title keep their
text drawn across their lines. The workbook is built in the test
(openpyxl: print titles, a row break at the middle of the merge) and printed by LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.load import load_path
from tests.readers.test_forms35_layouts import _saved_by_libreoffice
from tests.readers.test_forms43_pdf_clipped_cell import ruled_sheet


def _sheet(path: Path) -> None:
    from openpyxl.worksheet.pagebreak import Break

    rows = [["项目名称", "乡村旅游服务补助"], ["项目资金（万元）", "年度资金总额", "120"],
            ["一级指标", "二级指标", "三级指标", "指标值"]]
    rows += [["产出指标" if n == 0 else "", "数量指标" if n == 0 else "", f"第{n + 1}批培训人次", "≥500人次"]
             for n in range(4)]
    rows += [["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]]
    book = ruled_sheet(rows, (18, 14, 24, 12))
    sheet = book.active
    for r in range(4, 8):
        sheet.row_dimensions[r].height = 60
    sheet.row_dimensions[8].height = 40  # (as Calc's optimal height gives the wrapped 二级: no text overflows)
    sheet.merge_cells("A4:A7")
    sheet.merge_cells("B4:B7")
    sheet.print_title_rows = "3:3"
    sheet.row_breaks.append(Break(id=5))  # the break at the middle of the merged 产出指标 / 数量指标 cells
    book.save(str(path))


def test_a_header_repeated_over_a_cut_merged_cell_is_no_indicator_row(tmp_path: Path) -> None:
    _sheet(tmp_path / "form.xlsx")
    printed = _saved_by_libreoffice(tmp_path / "form.xlsx", "pdf")
    import pdfplumber

    with pdfplumber.open(printed) as pdf:  # (the layout the test is about: the header on page 2 too)
        assert len(pdf.pages) == 2 and "三级指标" in (pdf.pages[1].extract_text() or "")
    result = load_path(printed)
    assert result.document is not None, [p.message for p in result.errors]
    [project] = result.document.projects
    read = [(i.level1, i.level2, i.level3) for i in project.indicators]
    assert read == [("产出指标", "数量指标", f"第{n}批培训人次") for n in range(1, 5)] \
        + [("满意度指标", "服务对象满意度指标", "学员满意度")]
    assert not result.errors


def test_the_cut_text_left_out_under_the_titles_is_told_at_its_cell(tmp_path: Path) -> None:
    _sheet(tmp_path / "form.xlsx")
    result = load_path(_saved_by_libreoffice(tmp_path / "form.xlsx", "pdf"))
    told = [p for p in result.problems if "表头行下" in p.message]
    assert told and all((p.source.page, p.source.row) == (2, 2) and p.source.column in (1, 2) for p in told), told
    assert result.document is not None and any("表头行下" in n for n in result.document.projects[0].needs_check)


def test_rows_under_a_one_row_title_keep_their_text_drawn_past_their_lines(tmp_path: Path) -> None:
    # a name wrapped over two lines in rows too low for them (heights set by hand), the text drawn across each row's
    # bottom line under the one-row print titles: no title's, read as on 0e435d37 (forms43 left out 人次 of rows 3, 4)
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.pagebreak import Break

    rows = [["项目名称", "乡村旅游服务补助"], ["项目资金（万元）", "年度资金总额", "120"],
            ["一级指标", "二级指标", "三级指标", "指标值"]]
    rows += [["产出指标", "数量指标", f"第{n}批从业人员培训人次", "≥500人次"] for n in range(1, 7)]
    book = ruled_sheet(rows, (18, 14, 14, 12))
    sheet = book.active
    for r in range(4, 10):
        sheet.row_dimensions[r].height = 26
        sheet.cell(row=r, column=3).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.print_title_rows = "3:3"
    sheet.row_breaks.append(Break(id=5))
    book.save(str(tmp_path / "form.xlsx"))
    result = load_path(_saved_by_libreoffice(tmp_path / "form.xlsx", "pdf"))
    assert result.document is not None, [p.message for p in result.errors]
    [project] = result.document.projects
    assert [i.level3 for i in project.indicators] == [f"第{n}批从业人员培训人次" for n in range(1, 7)]
    assert not [p for p in result.problems if "表头行下" in p.message]


def test_a_page_s_tables_are_found_once_when_text_under_the_titles_is_left_out(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # leaving the clipped characters out keeps the page's cells: their text is read from the page without them, the
    # ruling lines not looked at again (forms43 ran find_tables a second time on the page)
    # (the tables found by pdf_rulings.RulingBudget.tables, as page.find_tables() finds them, since attack40)
    from perfbudget.readers.pdf_rulings import RulingBudget

    _sheet(tmp_path / "form.xlsx")
    printed = _saved_by_libreoffice(tmp_path / "form.xlsx", "pdf")
    calls: list[int] = []
    find_tables = RulingBudget.tables
    monkeypatch.setattr(RulingBudget, "tables", lambda budget, *a, **k: calls.append(1) or find_tables(
        budget, *a, **k))
    result = load_path(printed)
    assert [p for p in result.problems if "表头行下" in p.message]
    assert len(calls) == 2  # (one a page)
