"""Excel, HTML and PDF readers: merged cells, several sheets and tables, spans, tables over pages."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import openpyxl

from perfbudget.load import load_bytes, load_path
from perfbudget.model import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

TABLE = [
    ["440101某区教育局", None, None, "单位：万元"],
    ["项目名称", "校舍维修-2024区级"],
    ["预算数", 12.5, "其中：财政资金", 12.5],
    ["绩效目标", "1.完成维修\n2.消除隐患"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "维修面积", "≥800平方米"],
    [None, None, "维修校舍数", "3所"],
    [None, "时效指标", "完工及时率", "100%"],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"],
]


def _sheet(ws: openpyxl.worksheet.worksheet.Worksheet, top: int, heading: str | None) -> None:
    if heading:
        ws.cell(row=top, column=1, value=heading)
        top += 1
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            if value is not None:
                ws.cell(row=top + r, column=c + 1, value=value)
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=3)
    ws.merge_cells(start_row=top + 1, start_column=2, end_row=top + 1, end_column=4)
    ws.merge_cells(start_row=top + 5, start_column=1, end_row=top + 7, end_column=1)
    ws.merge_cells(start_row=top + 5, start_column=2, end_row=top + 6, end_column=2)
    ws.cell(row=top + 2, column=2).number_format = "0.00"


def _check(document: Document, count: int) -> None:
    assert len(document.projects) == count
    for project in document.projects:
        assert project.name == "校舍维修" and project.budget.total == Decimal("12.50")
        assert project.goals == ("完成维修", "消除隐患")
        assert [(i.level1, i.level2, i.level3) for i in project.indicators] == [
            ("产出指标", "数量指标", "维修面积"), ("产出指标", "数量指标", "维修校舍数"),
            ("产出指标", "时效指标", "完工及时率"), ("满意度指标", "服务对象满意度指标", "师生满意度")]


def test_xlsx_merged_cells_several_sheets_and_tables_per_sheet() -> None:
    workbook = openpyxl.Workbook()
    first = workbook.active
    first.title = "项目一"
    _sheet(first, 1, None)
    second = workbook.create_sheet("项目二和三")
    _sheet(second, 1, "2.校舍维修-2024区级绩效目标表")
    _sheet(second, 13, "3.校舍维修-2024区级绩效目标表")
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = load_bytes(buffer.getvalue(), "book.xlsx")
    assert result.form == "xlsx" and result.ok, result.problems
    assert result.document is not None
    _check(result.document, 3)
    assert result.document.unit.code == "440101"
    assert [p.seq for p in result.document.projects] == [1, 2, 3]
    target = result.document.projects[2].indicators[0].sources["target"]
    assert (target.sheet, target.row, target.column) == ("项目二和三", 19, 4)
    assert str(target).endswith("项目二和三 第19行 第4列")


def _html(rows: str) -> bytes:
    return f"""<html><head><meta charset="utf-8"></head><body>
<table class="layout"><tr><td>
<h3>1.校舍维修-2024区级绩效目标表</h3>
<table border="1">{rows}</table>
</td></tr></table><p>发布时间：2024-02-01</p></body></html>""".encode()


def test_html_rowspan_colspan_inside_a_layout_table() -> None:
    rows = """
<tr><td colspan="3">440101某区教育局</td><td>单位：万元</td></tr>
<tr><td>项目名称</td><td colspan="3">校舍维修-2024区级</td></tr>
<tr><td>预算数</td><td>12.50</td><td>其中：财政资金</td><td>12.50</td></tr>
<tr><td>绩效目标</td><td colspan="3"><p>1.完成维修</p><p>2.消除隐患</p></td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td rowspan="3">产出指标</td><td rowspan="2">数量指标</td><td>维修面积</td><td>≥800平方米</td></tr>
<tr><td>维修校舍数</td><td>3所</td></tr>
<tr><td>时效指标</td><td>完工及时率</td><td>100%</td></tr>
<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>师生满意度</td><td>≥90%</td></tr>"""
    result = load_bytes(_html(rows), "page.html")
    assert result.form == "html" and result.ok, result.problems
    assert result.document is not None
    _check(result.document, 1)
    assert result.document.projects[0].title == "校舍维修-2024区级绩效目标表"


def test_pdf_of_the_exported_seed_reads_the_same_indicators(seed_document: Document) -> None:
    result = load_path(FIXTURES / "seed.pdf")
    assert result.form == "pdf" and result.ok, result.problems
    document = result.document
    assert document is not None
    assert [p.indicators for p in document.projects] == [p.indicators for p in seed_document.projects]
    assert document == seed_document  # and everything else too
    pages = {i.source.page for p in document.projects for i in p.indicators if i.source}
    assert len(pages) >= 5


def test_pdf_table_running_over_pages_is_one_project(seed_document: Document) -> None:
    result = load_path(FIXTURES / "long_table.pdf")
    assert result.ok, result.problems
    document = result.document
    assert document is not None and len(document.projects) == 1
    indicators = document.projects[0].indicators
    source = seed_document.projects[3]
    assert len(indicators) == 4 * len(source.indicators) == 44
    pages = [i.source.page for i in indicators if i.source]
    assert pages[0] == 1 and max(pages) >= 2
    # the 一级/二级 names carry over the page break
    on_page_2 = next(i for i in indicators if i.source and i.source.page == 2)
    assert on_page_2.level1 in ("产出指标", "效益指标", "满意度指标") and on_page_2.level2
    assert {i.level3.split("（第")[0] for i in indicators} == {i.level3 for i in source.indicators}
    assert all(i.target.raw == next(s.target.raw for s in source.indicators if i.level3.startswith(s.level3))
               for i in indicators)
