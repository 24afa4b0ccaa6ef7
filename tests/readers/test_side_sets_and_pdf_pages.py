"""Layouts added with the corpus9 renderings, built in the test with python-docx / openpyxl (and LibreOffice).

* A Word table holding the 中期 and the 年度 sets side by side (二级 | 三级 | 指标值 twice): a row whose
  年度 三级 and 指标值 are empty is no indicator of the year, even when the 中期 set names one.
* An Excel sheet printed to PDF across two pages with its heading row repeated on the second page and the
  money unit (单位：元) written above the table: the repeated heading is dropped and the unit is read.
"""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal
from pathlib import Path

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.pdf import _column_page, _repeats_a_row
from tests.conftest import soffice_path


def _rows(result: LoadResult, project: int = 0) -> list[tuple[str, str, str, str]]:
    assert result.document is not None, result.problems
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[project].indicators]


def _errors(result: LoadResult) -> list[str]:
    return [p.message for p in result.problems if p.severity is Severity.ERROR]


def _word_two_sets(last: list[str]) -> bytes:
    import docx

    rows = [["项目名称", "道路工程", "", "", "", "", ""],
            ["年度资金总额", "919.00", "", "", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "完成项目数", "3", "数量指标", "完成项目数", "3"],
            ["", "质量指标", "结算误差率", "±3%以内", "质量指标", "结算误差率", "±2%以内"],
            ["效益指标", "社会效益指标", "结算争议率", "0%", "社会效益指标", "结算争议率", "0%"],
            last]
    document = docx.Document()
    document.add_paragraph("项目支出绩效目标表")
    table = document.add_table(rows=len(rows), cols=7)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            first, *more = text.split("\n")
            cell.paragraphs[0].text = first
            for line in more:  # several paragraphs in one cell
                cell.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


SET_ROWS = [("产出指标", "数量指标", "完成项目数", "3"), ("产出指标", "质量指标", "结算误差率", "±2%以内"),
            ("效益指标", "社会效益指标", "结算争议率", "0%")]


def test_word_row_with_only_the_medium_term_set_is_no_indicator_of_the_year() -> None:
    result = load_bytes(_word_two_sets(["", "可持续影响指标", "总目标控制程度", "", "", "", ""]), "f.docx")
    assert _rows(result) == SET_ROWS
    assert not _errors(result)
    notes = [p for p in result.problems if "年度的三级指标和指标值" in p.message]
    assert notes and notes[0].source is not None and notes[0].source.row == 7


def test_word_row_with_the_year_set_is_read_and_cells_of_several_paragraphs_joined() -> None:
    last = ["", "可持续影响\n指标", "总目标控制程度", "", "可持续影响\n指标", "总目标控制程度", "长期"]
    result = load_bytes(_word_two_sets(last), "f.docx")
    assert _rows(result) == [*SET_ROWS, ("效益指标", "可持续影响指标", "总目标控制程度", "长期")]


def test_pdf_page_starting_with_a_row_of_the_previous_page_is_a_table_of_its_own() -> None:
    def row(*texts: str) -> list[Cell]:
        return [Cell(text, Source("f.pdf")) for text in texts]

    earlier = [row("单位：元", "", ""), row("项目名称", "一级指标", "三级指标"), row("培训", "产出指标", "人数")]
    assert _repeats_a_row([row("项目名称", "一级指标", "三级指标"), row("培训", "", "天数")], earlier)
    assert not _repeats_a_row([row("培训", "", "天数")], earlier)
    assert not _repeats_a_row([row("", "", "人数")], [row("", "", "人数")])  # one filled cell repeats by chance


def _pdf_of(source: Path, tmp_path: Path) -> LoadResult:
    """``source`` printed to PDF by LibreOffice (a private profile), then read."""
    subprocess.run([soffice_path(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    pdf = source.with_suffix(".pdf")
    return load_bytes(pdf.read_bytes(), pdf.name)


def test_pdf_of_a_sheet_over_two_pages_with_its_heading_repeated(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    book = Workbook()
    sheet = book.active
    sheet.append(["项目绩效目标表"])
    sheet.append(["单位:元"])
    sheet.append(["项目名称", "预算数", "一级指标", "二级指标", "三级指标", "指标值"])
    projects = [("培训项目", "12,000.00", [("数量指标", "培训人数", "100人"),
                                         ("质量指标", "合格率", "≥95%")]),
                ("维修项目", "30,000.00", [("数量指标", "维修面积", "800平方米"),
                                         ("时效指标", "完工时间", "11月底前")])]
    for name, budget, rows in projects:
        for number, (level2, level3, value) in enumerate(rows):
            head = [name, budget] if number == 0 else ["", ""]
            sheet.append([*head, "产出指标", level2, level3, value])
    thin = Side(style="thin")
    for cells in sheet.iter_rows(min_row=3, max_row=sheet.max_row, max_col=6):
        for cell in cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for number in range(4, sheet.max_row + 1):
        sheet.row_dimensions[number].height = 150  # two rows a page: the second project on page 2
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "3:3"
    source = tmp_path / "sheet.xlsx"
    book.save(str(source))
    result = _pdf_of(source, tmp_path)
    assert not _errors(result), result.problems
    document = result.document
    assert document is not None and document.money_unit == "元"
    assert [(p.name, p.budget.total) for p in document.projects] == [("培训项目", Decimal("12000.00")),
                                                                     ("维修项目", Decimal("30000.00"))]
    assert _rows(result, 1) == [("产出指标", "数量指标", "维修面积", "800平方米"),
                                ("产出指标", "时效指标", "完工时间", "11月底前")]
    pages = {i.source.page for i in document.projects[1].indicators if i.source}
    assert pages == {2}


def test_html_th_cells_with_line_breaks_in_a_nested_table() -> None:
    form = ("<table border=1><tr><th>项目名称</th><td colspan=3>培训项目</td></tr>"
            "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>"
            "<tr><th rowspan=2>项目完成<br>指标</th><td rowspan=2>数量<br/>指标</td>"
            "<td>培训人数</td><td>100人</td></tr>"
            "<tr><td>培训天数</td><td>5天</td></tr></table>")
    page = ("<html><body><table><tr><td>首页 &gt; 政务公开</td></tr><tr><td><p>项目支出绩效目标表</p>" + form
            + "</td></tr><tr><td>[打印本页]</td></tr></table></body></html>")
    result = load_bytes(page.encode("utf-8"), "f.html")
    assert _rows(result) == [("项目完成指标", "数量指标", "培训人数", "100人"),
                             ("项目完成指标", "数量指标", "培训天数", "5天")]


def test_pdf_page_holding_the_right_hand_columns_of_the_previous_page_is_recognised() -> None:
    def rows(*lines: tuple[str, ...]) -> list[list[Cell]]:
        return [[Cell(text, Source("f.pdf")) for text in line] for line in lines]

    page1 = rows(("一级指标", "二级指标", "三级指标", "指标值"), ("产出指标", "数量指标", "培训人数", "100"),
                 ("", "质量指标", "合格率", "95"))
    assert _column_page(rows(("单位", "权重"), ("人", "10"), ("%", "10")), page1)
    assert not _column_page(rows(("单位", "权重"), ("人", "10")), page1)  # other rows: not the same rows
    assert not _column_page(rows(("", "满意度指标", "满意度"), ("", "", "x"), ("", "", "y")), page1)  # level names


def test_pdf_of_a_sheet_too_wide_for_the_page_is_refused_with_the_page(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    book = Workbook()
    sheet = book.active
    sheet.append(["项目名称", "培训项目"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "指标方向性"])
    sheet.append(["产出指标", "数量指标", "培训人数", "≥", 100, "人", 10, "正向指标"])
    sheet.append(["满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%", 10, "正向指标"])
    thin = Side(style="thin")
    for cells in sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=8):
        for cell in cells:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, width in zip("ABCDEFGH", (13, 13, 13, 13, 13, 20, 20, 20), strict=True):
        sheet.column_dimensions[column].width = width  # wider than a portrait page: columns F-H on page 2
    source = tmp_path / "wide.xlsx"
    book.save(str(source))
    result = _pdf_of(source, tmp_path)
    assert result.document is None or not any(p.indicators for p in result.document.projects)
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert errors and "右侧的列" in errors[0].message and errors[0].source is not None
    assert errors[0].source.page == 2
