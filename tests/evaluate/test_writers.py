"""The 自评表 written as xlsx/docx/html, read back with openpyxl / python-docx to check the layout."""

from __future__ import annotations

import io
import re
from decimal import Decimal as D

import pytest

from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document
from perfbudget.readers.cell_values import one_line
from perfbudget.writers.evaluation_docx import evaluation_docx
from perfbudget.writers.evaluation_html import evaluation_html
from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run


@pytest.fixture
def evaluation(seed_document: Document) -> Evaluation:
    data = csv_bytes(
        *P5_SHEET,
        f"{P5},总体目标完成情况,全年保障检察业务正常开展,,,",
    )
    result, problems = run(seed_document, data)
    assert result is not None, problems
    return result


def test_xlsx_layout(evaluation: Evaluation) -> None:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(evaluation_xlsx(evaluation)))
    # the 自评表 opens first; the summary is last, with numbers as numbers
    assert workbook.sheetnames[-1] == "汇总" and workbook.active.title == workbook.sheetnames[0]
    summary = workbook["汇总"]
    assert [c.value for c in summary[2]] == [5, P5, 9, 90.33, "优"]
    assert summary["D2"].number_format == "0.00"
    sheet = workbook.worksheets[0]
    assert sheet.title.startswith("5.2024年检察业务经费项目")
    assert sheet["A1"].value == "项目支出绩效自评表" and sheet["A1"].font.name == "宋体"
    # the budget unit over the table (read back as the unit, with its code), the year beside it
    assert (sheet["A2"].value, sheet["E2"].value) == ("预算单位：255101天津市和平区人民检察院", "（2024年度）")
    assert sheet["A3"].value == "项目名称" and sheet["B3"].value == P5
    assert one_line(sheet["A5"].value) == "项目资金（万元）"  # (broken between its words if too wide, print40)
    assert [one_line(sheet.cell(5, c).value) for c in range(3, 9)] == [
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    assert [sheet.cell(6, c).value for c in range(2, 9)] == ["年度资金总额", 60, 60, 54, 10, 0.9, 9]
    assert [sheet.cell(6, c).number_format for c in range(3, 9)] == [
        "#,##0.00", "#,##0.00", "#,##0.00", "0.00", "0.00%", "0.00"]
    assert sheet["B7"].value == "其中：当年财政拨款" and sheet["B8"].value == "上年结转资金"
    assert sheet["A10"].value == "年度总体目标" and sheet["E11"].value == "全年保障检察业务正常开展"
    assert [one_line(sheet.cell(12, c).value) for c in range(1, 9)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert [sheet.cell(14, c).value for c in range(1, 9)] == [
        None, None, "办案数", "≥500件", "450", 8.34, 7.51, "案件数量下降"]
    assert sheet.cell(14, 7).data_type == "n" and sheet.cell(14, 7).number_format == "0.00"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A13:A18" in merged  # 产出指标 over its six rows
    assert "A5:A9" in merged  # 项目资金 over the funds block
    assert [sheet.cell(22, c).value for c in (1, 6, 7, 8)] == ["总分", 100, 90.33, "自评等级：优"]
    # the 得分 column adds up to the 总分 (what SUM(G6,G13:G21) gives in Excel)
    scores = [D(str(sheet.cell(r, 7).value)) for r in range(13, 22)]
    assert sum(scores, D(str(sheet.cell(6, 8).value))) == D("90.33")
    # print-ready: A4 landscape, one page wide, the indicator header repeated, the sign-off footer
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 and sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
    # the table whole on page 1 and its 计分说明 (row 24) on page 2, under no indicator header (print32; the header
    # row 12 repeated on every page when the table itself runs over one)
    assert sheet.print_title_rows is None and [page_break.id for page_break in sheet.row_breaks.brk] == [23]
    assert "填报人" in (sheet.oddFooter.left.text or "") and "审核人" in (sheet.oddFooter.left.text or "")
    assert sheet.row_dimensions[11].height >= 2 * 14.5  # the goal text wraps over two lines
    assert sheet.cell(24, 1).value == "计分说明"
    assert "8.34 × 450 ÷ 500 = 7.51" in "".join(str(sheet.cell(r, 1).value) for r in range(25, 40))


def test_docx_layout(evaluation: Evaluation) -> None:
    from docx import Document as Docx
    from docx.oxml.ns import qn

    document = Docx(io.BytesIO(evaluation_docx(evaluation)))
    # the head and the indicator table (its header row repeated on every page), one column grid
    head, table = document.tables
    assert len(head.rows) == 11 and len(table.rows) == 11 and len(table.columns) == len(head.columns) == 8
    assert head.cell(0, 0).text == "项目支出绩效自评表"
    assert head.cell(2, 0).text == "项目名称" and head.cell(2, 1).text == P5
    # (a header too wide for its line breaks between its words, a line break the readers join: print39)
    assert [table.cell(0, c).text.replace("\n", "") for c in range(8)] == [
        "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [table.cell(2, c).text for c in range(2, 8)] == ["办案数", "≥500件", "450", "8.34", "7.51", "案件数量下降"]
    assert table.cell(2, 0).text == "产出指标"  # merged cell reads the same in every row it covers
    assert table.cell(10, 0).text == "总分" and table.cell(10, 6).text == "90.33"
    run = head.cell(0, 0).paragraphs[0].runs[0]
    assert run._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"
    normal = document.styles["Normal"].element.rPr.rFonts.get(qn("w:eastAsia"))
    assert normal == "宋体"
    assert any("计分说明" in p.text for p in document.paragraphs)


def test_html_is_escaped_and_has_the_layout(evaluation: Evaluation) -> None:
    from dataclasses import replace

    tricky = replace(evaluation, projects=(replace(evaluation.projects[0], name_cell="<script>x</script>"),))
    page = evaluation_html(tricky)
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    # 产出指标 over its six rows, drawn again on each printed page its rows take (print22)
    spans = re.findall(r'<td class="label"(?: rowspan="(\d+)")?>产出指标</td>', page)
    assert spans and sum(int(span or 1) for span in spans) == 6
    assert "偏差原因分析及改进措施" in page and "自评等级：优" in page and "90.33" in page
