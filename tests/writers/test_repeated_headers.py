"""Every long table of every download repeats its column-header rows on each printed page: Word's
rows marked as header rows (``w:tblHeader``, leading rows of a table), HTML's ``<thead>``, Excel's print
titles. Read back from the produced files (python-docx, lxml, openpyxl); the printed pages themselves
are checked in test_print_pdf.py."""

from __future__ import annotations

import io

import pytest

from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document
from perfbudget.writers.evaluation_docx import evaluation_docx
from perfbudget.writers.evaluation_html import evaluation_html
from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
from perfbudget.writers.target_table_export import render
from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run


@pytest.fixture(scope="module")
def evaluation(seed_document: Document) -> Evaluation:
    sheet = (P5_SHEET[0], f"{P5},全年预算数,58,,,", *P5_SHEET[1:])
    result, problems = run(seed_document, csv_bytes(*sheet))
    assert result is not None, problems
    return result


def _docx_header_rows(data: bytes) -> list[list[str]]:
    """The texts of the rows each table repeats on every page (its leading w:tblHeader rows)."""
    import docx
    from docx.oxml.ns import qn

    repeated = []
    for table in docx.Document(io.BytesIO(data)).tables:
        for row in table.rows:
            if row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None:
                break
            repeated.append([cell.text for cell in row.cells])
    return repeated


def test_the_target_table_in_word_repeats_its_indicator_header_row(seed_document: Document) -> None:
    """Before: one table per project, nothing marked, so page 2 of a long table began without
    一级指标 | 二级指标 | 三级指标 | 指标值."""
    rows = _docx_header_rows(render(seed_document, "docx"))
    assert len(rows) == len(seed_document.projects)
    for row in rows:
        assert row[:3] == ["一级指标", "二级指标", "三级指标"] and "指标值" in row


def test_the_self_evaluation_in_word_repeats_its_indicator_header_row(evaluation: Evaluation) -> None:
    rows = _docx_header_rows(evaluation_docx(evaluation))
    assert rows and all(row[0] == "一级指标" and "得分" in row for row in rows)


def test_the_self_evaluation_page_has_its_indicator_header_in_a_thead(evaluation: Evaluation) -> None:
    """Before: one table whose indicator header sat mid-table, so a browser never repeated it. Since print22 the
    indicators are a table a printed page, each with the header as its <thead>."""
    from lxml import html

    page = html.fromstring(evaluation_html(evaluation))
    for section in page.xpath("//section"):
        for table in section.xpath(".//table[@class='indicators']"):
            heads = table.xpath("./thead/tr")
            assert len(heads) == 1
            assert [td.text_content() for td in heads[0]][:3] == ["一级指标", "二级指标", "三级指标"]
        assert not section.xpath(".//table[@class='head']/thead")
        # everything of the table is still there, the title first
        assert "项目支出绩效自评表" in section.xpath(".//table")[0].text_content()


def test_the_target_table_page_has_its_indicator_header_row_in_a_thead(seed_document: Document) -> None:
    """Each project as its head and its indicators, two tables of the same columns; the indicator header row
    alone is the <thead> (print14: a head block of 16 rows in the <thead> was taller than Chromium repeats,
    and page 2 printed without a header)."""
    from lxml import html

    page = html.fromstring(render(seed_document, "html"))
    heads = page.xpath("//table[@class='indicators']/thead")
    assert len(heads) == len(seed_document.projects)
    assert all([tr.text_content() for tr in head.xpath("./tr")] == ["一级指标二级指标三级指标绩效指标描述指标值"]
               for head in heads)
    for head_table, indicators in zip(page.xpath("//table[@class='head']"), page.xpath("//table[@class='indicators']"),
                                      strict=True):
        assert "项目名称" in head_table.text_content() and not head_table.xpath("./thead")
        widths = [[col.get("style") for col in table.xpath("./colgroup/col")] for table in (head_table, indicators)]
        assert widths[0] == widths[1] and len(widths[0]) == 7  # the same columns: the borders line up


def test_every_workbook_sheet_prints_its_indicator_header_on_every_page(seed_document: Document,
                                                                        evaluation: Evaluation) -> None:
    import openpyxl

    for data in (render(seed_document, "xlsx"), evaluation_xlsx(evaluation)):
        book = openpyxl.load_workbook(io.BytesIO(data))
        for sheet in book.worksheets:
            if sheet.title == "汇总":
                continue
            if not sheet.print_title_rows:  # (print32) a table on one page, its notes on the next: no header there
                notes = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "计分说明")
                assert [page_break.id for page_break in sheet.row_breaks.brk] == [notes - 1], sheet.title
                continue
            assert sheet.print_title_rows, sheet.title
            first = int(sheet.print_title_rows.split(":")[0].lstrip("$"))
            assert sheet.cell(first, 1).value == "一级指标", sheet.title


def long_target_document() -> Document:
    """A 绩效目标表 of 47 indicators (45 numbered 数量 rows with long names), over two printed pages."""
    from perfbudget.readers.text import read_text
    from tests.conftest import HEADER_ROWS, table_text

    rows = [["产出指标" if n == 0 else "", "数量指标" if n == 0 else "", f"第{n + 1}项工作完成数量（按季度统计并报送）",
             f"第{n + 1}项工作完成数量（按季度统计并报送）", "大于等于10次"] for n in range(45)]
    rows += [["效益指标", "社会效益指标", "效果", "效果", "有效保障"],
             ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥90%"]]
    document, problems = read_text(table_text(*HEADER_ROWS, *rows), "long.txt")
    assert document is not None, problems
    return document


def long_evaluation() -> Evaluation:
    """A 自评表 of 47 indicators with long texts, over two pages or more."""
    document = long_target_document()
    p = "测试项目-2024中央"
    sheet = [f"{p},全年执行数,9,,,", *(f"{p},第{n + 1}项工作完成数量（按季度统计并报送）,{8 + n % 4}次,,,"
                                    "因部分基层单位报送滞后，个别季度数据延迟汇总，下一年度将建立按月催报机制"
                                    for n in range(45)), f"{p},效果,,达成,,", f"{p},满意度,95%,,,"]
    evaluation, problems = run(document, csv_bytes(*sheet))
    assert evaluation is not None, problems
    return evaluation


def test_the_self_evaluation_page_prints_landscape_with_its_summary_header_repeated(evaluation: Evaluation) -> None:
    """Before: portrait (执行率 「91.18%」 ran over its column's border) and the summary of a unit's
    projects had no <thead> (a summary of many projects printed its header on page 1 only)."""
    from lxml import html

    page = evaluation_html(evaluation)
    assert "@page{size:A4 landscape}" in page
    tree = html.fromstring(page)
    assert [th.text_content() for th in tree.xpath("//table[@class='summary']/thead/tr/th")][:2] == ["序号", "项目名称"]


def test_workbook_labels_merged_down_sit_at_the_top_of_their_range(seed_document: Document,
                                                                    evaluation: Evaluation) -> None:
    """Before: centred in ranges of up to ten rows; a range crossing a page printed its label where
    the middle fell, across the page break (the 自评表's 效益指标 over two tall rows, cut in two)."""
    import openpyxl

    for data in (render(seed_document, "xlsx"), evaluation_xlsx(evaluation)):
        for sheet in openpyxl.load_workbook(io.BytesIO(data)).worksheets:
            for merged in sheet.merged_cells.ranges:
                if merged.max_row > merged.min_row:
                    cell = sheet.cell(merged.min_row, merged.min_col)
                    assert cell.alignment.vertical == "top", (sheet.title, cell.coordinate, cell.value)


def test_each_project_of_the_word_target_table_begins_a_page(seed_document: Document) -> None:
    """Before: no space above a heading, printed touching the previous project's last row; since print23
    each project begins a page, as the provincial forms print (and the page its label's rows start is known)."""
    import docx

    word = docx.Document(io.BytesIO(render(seed_document, "docx")))
    headings = [p for p in word.paragraphs if p.text.endswith("绩效目标表")]
    assert len(headings) == len(seed_document.projects)
    # since print24 each project is a section of its own, begun on a new page, whose page header names the unit and
    # the project (a project's later pages named neither)
    from docx.enum.section import WD_SECTION

    assert len(word.sections) == len(seed_document.projects)
    assert all(section.start_type == WD_SECTION.NEW_PAGE for section in word.sections)
    assert [section.header.paragraphs[0].text for section in word.sections] == [
        f"255101天津市和平区人民检察院　{project.name}" for project in seed_document.projects]
    # no page break of its own besides (it would leave a page blank)
    assert not any(h.paragraph_format.page_break_before for h in headings)
