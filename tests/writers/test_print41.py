"""Round 41's printed checks (docs/publishing.md, *Printed again (print41)*)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

# a landscape A4 page between the lists' 0.6 in margins (509 pt) at the scale Excel prints the project list (its
# columns 862 pt across the 799 pt between the side margins: 92 %), counted by hand: the points of rows a page holds
EXCEL_PAGE = (595.3 - 2 * 0.6 * 72) / 0.92

# the project list's columns and a row of the print40 test's long list: a 36-character unit, every other name of 45
_UNIT = "某某省某某市某某区农业农村和乡村振兴发展服务中心（本级）暨农村经营管理站"
_NAME = "城乡基础设施维护与公共服务能力提升暨高标准农田建设及配套设施改造专项资金项目"


def _list_rows(count: int) -> list[list[Any]]:
    return [[n, "990002", _UNIT, f"第{n}号{_NAME}" if n % 2 else f"项目{n}号", "一般公共预算", 2024, 1, 1, 12,
             Decimal("123.45"), "草稿", "优", 0, 1, Decimal("95.5"), "优", "2026-12-01 10:00"]
            for n in range(1, count + 1)]


def test_a_list_prints_every_row_whatever_the_height_of_its_title_row(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """print40's left item: LibreOffice printed the 51-project list of ``test_a_long_list_printed…`` without its last
    rows when its title row was 33.75 pt tall (and at no other height from 20 to 68 pt): fitted to one page wide, it
    set its own page breaks, and where one fell within a hair of a row's foot its count of pages and its printing of
    them disagreed, the pages past the count dropped. Now the writer counts the pages and sets their breaks a little
    short of full, so no program has a break of its own to place. The title row's height swept (a title of one to
    four lines, a pixel apart about 33.75 pt), one LibreOffice run: every row printed, on the pages the writer set."""
    import openpyxl
    import pdfplumber

    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers import list_xlsx
    from tests.writers.test_print_pdf import to_pdf

    columns = [list_xlsx.SheetColumn(c.title, c.width, c.number_format) for c in COLUMNS["projects"]]
    title_row = list_xlsx._title_row
    heights = (20.0, 27.0, 33.0, 33.75, 34.5, 40.0, 47.0, 54.0, 61.0, 68.0)
    files = []
    for height in heights:
        def tall(workbook: Any, sheet: Any, title: str, made: str, widths: Any, height: float = height) -> float:
            title_row(workbook, sheet, title, made, widths)
            sheet.set_row(0, height)
            return height

        monkeypatch.setattr(list_xlsx, "_title_row", tall)
        path = tmp_path / f"list{round(height * 100)}.xlsx"
        with path.open("wb") as out:
            list_xlsx.write_list_xlsx(out, "项目列表", "项目列表（全部年度）",
                                      "导出于 2026-12-07 10:00 北京时间；错误、警告不含已驳回的审核发现", columns,
                                      _list_rows(51))
        files.append(path)
    pdfs = to_pdf(files, tmp_path)
    for height, path in zip(heights, files, strict=True):
        breaks = openpyxl.load_workbook(path).active.row_breaks.brk
        with pdfplumber.open(pdfs[path.name]) as pdf:
            texts = ["".join((page.extract_text() or "").split()) for page in pdf.pages]
        printed = "".join(texts)
        missing = [n for n in range(1, 52) if (f"第{n}号" if n % 2 else f"项目{n}号") not in printed]
        assert not missing, (path.name, len(texts), missing)
        assert len(texts) == len(breaks) + 1, (path.name, len(texts), len(breaks))
        # every page but the last as full as Excel's page allows (the rows' count printed, in Excel's points: the
        # title, the 48.75 pt header, the 77.25 pt rows): within EXCEL_PAGE, and the next row past 98 % of it. Not
        # LibreOffice's own fill: without 宋体 it prints these columns smaller than Excel (7.7 pt text where Excel's
        # 92 % sets 9.7), its pages 77 % full at the natural title row and 72 % at 68 pt, as full as they can be
        rows = [sum((f"第{n}号" if n % 2 else f"项目{n}号") in text for n in range(1, 52)) for text in texts]
        for count in rows[:-1]:
            used = height + 48.75 + count * 77.25
            assert used <= EXCEL_PAGE < (used + 77.25) / 0.98, (path.name, rows)


def test_a_long_lists_pages_are_set_by_breaks_each_holding_what_a_page_holds() -> None:
    """The breaks of a list of 3,000 rows (names of one to four lines): every page's rows, under the repeated title
    and header rows, within what Excel's page holds (:data:`EXCEL_PAGE`, counted by hand, not by the writer's own
    room); no page but the last could have taken the next row within 98 % of it; at most the 1,023 breaks a sheet
    holds."""
    import io

    import openpyxl

    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers import list_xlsx

    columns = [list_xlsx.SheetColumn(c.title, c.width, c.number_format) for c in COLUMNS["projects"]]
    rows = _list_rows(3000)
    for number, row in enumerate(rows):
        row[3] = _NAME * (number % 4) + row[3]
    out = io.BytesIO()
    list_xlsx.write_list_xlsx(out, "项目列表", "项目列表（全部年度）", "导出于 —", columns, rows)
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    breaks = [brk.id for brk in sheet.row_breaks.brk]
    heights = [sheet.row_dimensions[n + 1].height or list_xlsx.ONE_LINE_PIXELS * 0.75 for n in range(len(rows) + 2)]
    repeated = heights[0] + heights[1]
    assert len(breaks) <= 1023
    for first, end in zip([2, *breaks], [*breaks, len(rows) + 2], strict=True):
        assert repeated + sum(heights[first:end]) <= EXCEL_PAGE
        if end < len(rows) + 2:
            assert repeated + sum(heights[first:end + 1]) > EXCEL_PAGE * 0.98


# labels the forms print whose last word rjieba cuts off as one character (全年 / 预算 / 数)
ENDING_LABELS = ("全年预算数", "年初预算数", "全年执行数", "1-6月执行数", "预算执行率", "实际完成值", "年度指标值",
                 "全年预计执行数", "资金到位率", "项目资金（万元）")


@pytest.mark.parametrize("text", ENDING_LABELS)
def test_a_label_never_breaks_before_its_last_character(text: str) -> None:
    """print41: a header or label broken between its words (``word_breaks``, print39/40) printed 「全年预算 / 数」,
    「预算执行 / 率」: rjieba cuts 「数」, 「率」, 「值」 off as words of their own, and the lines were filled with as
    many of those as fit. Now a word of one letter goes with the word it ends. Swept over the cell's room in Word
    (3 to 10 characters of 10.5 pt) and a workbook's column (4 to 20 units): the label broken, never a line of one
    character."""
    from perfbudget.writers.word_breaks import broken_lines, sheet_lines

    printed = [broken_lines(text, room * 10.5, lambda line: [10.5] * len(line)) for room in range(3, 11)]
    printed += [sheet_lines(text, width) for width in range(4, 21)]
    assert any("\n" in lines for lines in printed), (text, printed)
    for lines in printed:
        assert all(len(line) > 1 for line in lines.split("\n")), (text, lines)


def test_a_page_of_the_long_list_holds_the_rows_a_page_holds_in_excel() -> None:
    """The second reading of print41: the 51-project list (every row 77.25 pt: the unit's name of three lines, under
    72.75 pt of title and header rows) prints at Excel's 92 % (its columns 862 pt across 799 between the margins),
    so a landscape page's 509 pt between its 0.6 in margins holds 553 pt of rows: the title, the header and 6 rows
    (536 pt). Filled to 94 % (520 pt), the pages were set 5 rows apart: 11 pages where Excel prints 9, each 83 %
    full. Counted by hand here, not by the writer's own count: breaks 6 rows apart, 9 pages."""
    import io

    import openpyxl

    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers import list_xlsx

    columns = [list_xlsx.SheetColumn(c.title, c.width, c.number_format) for c in COLUMNS["projects"]]
    out = io.BytesIO()
    list_xlsx.write_list_xlsx(out, "项目列表", "项目列表（全部年度）",
                              "导出于 2026-12-07 10:00 北京时间；错误、警告不含已驳回的审核发现",
                              columns, _list_rows(51))
    sheet = openpyxl.load_workbook(io.BytesIO(out.getvalue())).active
    heights = [sheet.row_dimensions[n].height for n in range(1, 54)]
    assert heights[:2] == [24, 48.75] and set(heights[2:]) == {77.25}, heights
    assert [brk.id for brk in sheet.row_breaks.brk] == [2 + 6 * page for page in range(1, 9)]


def test_a_lists_pages_are_counted_by_the_sheets_helpers() -> None:
    """The second reading of print41: the list's pages were counted by copies of ``print_layout``'s helpers
    (``_page_room`` of ``_xlsx_room``, ``_Pages.add`` of ``page_starts``). Now ``xlsx_room`` takes the list's margins,
    its columns' pixels and its orientation (Excel's page of the project list: :data:`EXCEL_PAGE`), and
    ``page_starts`` the title and header rows' points repeated above every later page's rows (``again``)."""
    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers import list_xlsx
    from perfbudget.writers.print_layout import page_starts, xlsx_room

    widths = [c.width for c in COLUMNS["projects"]]
    assert abs(xlsx_room(widths, (0.6, 1.2), list_xlsx._column_pixels, wide=True) - EXCEL_PAGE) < 1e-9
    # a first page of 15 pt above 10 pt rows holds 2 in 35 pt; every later page 2 under its 15 pt again
    assert page_starts([10.0] * 5, 35, lead=15, again=15) == [2, 4]
    assert page_starts([10.0] * 5, 35, lead=15) == [2]


# labels with a relation sign before their number (a 指标's 「满意度≥90%」 as a label or header)
RELATION_LABELS = ("满意度≥90%", "群众满意度≥ 95%", "培训合格率≥95%", "投诉处理时间≤3天", "资金到位率＞90%",
                   "误差率<5%")


@pytest.mark.parametrize("text", RELATION_LABELS)
def test_a_label_never_ends_a_line_with_a_relation_sign(text: str) -> None:
    """The second reading of print41: rjieba cuts 「≥」 off as a word of its own (「满意度 / ≥ / 90%」), so a line could
    end with it, 「满意度≥ / 90%」. Now a relation sign goes with the number after it, as an opening mark does; swept
    as ``test_a_label_never_breaks_before_its_last_character``: no line ends with one."""
    from perfbudget.writers.word_breaks import _RELATIONS, broken_lines, sheet_lines

    printed = [broken_lines(text, room * 10.5, lambda line: [10.5] * len(line)) for room in range(3, 11)]
    printed += [sheet_lines(text, width) for width in range(4, 21)]
    assert any("\n" in lines for lines in printed), (text, printed)
    for lines in printed:
        assert not any(line.rstrip()[-1:] in _RELATIONS for line in lines.split("\n")), (text, lines)
