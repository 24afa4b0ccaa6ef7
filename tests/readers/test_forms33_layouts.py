"""File forms units publish that main misread or refused without naming the cause (forms33, FAILURES.md BR): a sheet's
row under a merged 一级 whose 二级 has no known name (社会效益目标) and whose 备注 is empty, the 省级部门预算项目支出
绩效目标表's 一级项目名称 / 二级项目名称, a table printed with no top line over its first row, and PDFs that are
pictures (a scan). Each file is built here by the real program (openpyxl, python-docx, Chromium, LibreOffice,
Pillow) and read by the real readers."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from perfbudget.load import load_bytes
from perfbudget.model import Severity

_ROWS = [["一级指标", "二级指标", "三级指标", "指标值", "备注"],
         ["产出指标", "数量指标", "种植数量(≥**株)", "≥17600株", ""],
         ["效益指标", "经济效益指标", "特色产业产值(≥**万元)", "≥80万元", ""],
         ["", "", "增加收入(≥**万元)", "≥80万元", ""],
         ["", "社会效益目标", "受益户数(≥**户)", "≥10户", ""],
         ["满意度指标", "服务对象满意度指标", "受益户满意度(≥**%)", "≥95%", ""]]
_READ = [("产出指标", "数量指标", "种植数量(≥**株)", "≥17600株"),
         ("效益指标", "经济效益指标", "特色产业产值(≥**万元)", "≥80万元"),
         ("效益指标", "经济效益指标", "增加收入(≥**万元)", "≥80万元"),
         ("效益指标", "社会效益目标", "受益户数(≥**户)", "≥10户"),
         ("满意度指标", "服务对象满意度指标", "受益户满意度(≥**%)", "≥95%")]


def _sheet() -> bytes:
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [["项目名称", "设施农业种植项目"], ["年度资金总额(万元)", 50], *_ROWS]:
        sheet.append([cell if cell != "" else None for cell in row])
    sheet.merge_cells("A5:A7")  # 效益指标 down its three rows
    sheet.merge_cells("B5:B6")  # 经济效益指标 down its two
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _indicators(result) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in result.document.projects[0].indicators]


def test_an_unknown_level2_name_in_a_sheet_row_keeps_its_row_in_its_columns() -> None:
    """社会效益目标 (a 二级 named 目标, no known name) under a merged 一级, the 备注 column empty: main took the row
    for one that lost its merged cells, moved it a column right (社会效益目标 the 三级, the 三级 the target) and the
    target ≥10户 went into 备注, without a word."""
    result = load_bytes(_sheet(), "form.xlsx")
    assert result.ok, [p.message for p in result.errors]
    assert _indicators(result) == _READ


def test_the_same_row_in_a_word_table_keeps_its_columns(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    rows = [["项目名称", "设施农业种植项目", "", "", ""], ["年度资金总额(万元)", "50", "", "", ""], *_ROWS]
    table = document.add_table(rows=len(rows), cols=5)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(4, 0).merge(table.cell(6, 0)).text = "效益指标"
    table.cell(4, 1).merge(table.cell(5, 1)).text = "经济效益指标"
    document.save(str(tmp_path / "form.docx"))
    result = load_bytes((tmp_path / "form.docx").read_bytes(), "form.docx")
    assert result.ok, [p.message for p in result.errors]
    assert _indicators(result) == _READ


def test_a_text_row_that_lost_its_merged_cells_is_still_moved_under_its_columns() -> None:
    # (the same rows copied from a web page, the merged cells left out: they are placed as before)
    from perfbudget.readers.text import read_text

    text = ("项目名称 | 设施农业种植项目\n年度资金总额(万元) | 50\n一级指标 | 二级指标 | 三级指标 | 指标值\n"
            "产出指标 | 数量指标 | 种植数量 | ≥17600株\n社会效益指标 | 受益户数 | ≥10户\n")
    document, _problems = read_text(text, "t.txt")
    assert document is not None
    assert [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("数量指标", "种植数量", "≥17600株"), ("社会效益指标", "受益户数", "≥10户")]


def test_the_gansu_form_names_its_project_as_its_second_level_project_in_a_word_table(tmp_path: Path) -> None:
    """省级部门预算项目支出绩效目标表: 一级项目名称 | 文化事业发展专项资金 | 二级项目名称 | 博物馆…补助资金, two pairs
    a row (main, in a grid: 没有找到项目名称; the text path read it by the 项目名称 inside the label)."""
    import docx

    document = docx.Document()
    rows = [["一级项目名称", "文化事业发展专项资金", "二级项目名称", "博物馆免费开放补助资金"],
            ["项目类型", "新增项目", "预算申报数", "20万元"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "免费开放天数", "=300天"]]
    table = document.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.save(str(tmp_path / "form.docx"))
    result = load_bytes((tmp_path / "form.docx").read_bytes(), "form.docx")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert (project.name, project.budget.total) == ("博物馆免费开放补助资金", Decimal("20"))
    assert ("一级项目名称", "文化事业发展专项资金") in project.extras


_OPEN_TOP_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>table{border-collapse:collapse}
td{border:1px solid #000;border-top:none;padding:4px}</style></head><body><p>项目支出绩效目标表</p><table>
<tr><td>项目名称</td><td colspan="3">长江流域禁捕退捕补助</td></tr>
<tr><td>年度资金总额(万元)</td><td colspan="3">12.50</td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td>补助人数</td><td>≥120人</td></tr>
</table></body></html>"""


def test_a_table_whose_first_row_has_no_top_line_keeps_that_row(tmp_path: Path) -> None:
    """Every cell ``border-top:none`` (as Word's HTML writes the rows under a first one and a site's editor keeps
    them), printed by Chromium: the first row has its side lines only, pdfplumber's table starts under it, and main
    took 项目名称 | 长江流域禁捕退捕补助 for a line above the table (没有找到项目名称)."""
    from tests.writers.test_print_pdf import chromium_pdf

    page = tmp_path / "page.html"
    page.write_text(_OPEN_TOP_PAGE, encoding="utf-8")
    result = load_bytes(chromium_pdf(page, tmp_path).read_bytes(), "page.pdf")
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert (project.name, project.budget.total) == ("长江流域禁捕退捕补助", Decimal("12.50"))
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("补助人数", "≥120人")]


def _picture(text_lines: int) -> object:
    from PIL import Image, ImageDraw

    image = Image.new("L", (620, 877), 250)
    draw = ImageDraw.Draw(image)
    for n in range(text_lines + 1):  # a ruled table as a scanner sees it: pixels, no line objects
        draw.line((40, 80 + 40 * n, 580, 80 + 40 * n), fill=20, width=2)
    for x in (40, 200, 380, 580):
        draw.line((x, 80, x, 80 + 40 * text_lines), fill=20, width=2)
    return image


def test_a_scanned_pdf_is_refused_naming_its_missing_text_layer(tmp_path: Path) -> None:
    """A PDF of page pictures (scanning software's, here Pillow's writer): no character on any page. Main said
    没有找到表格（可能是扫描件，或表格没有框线）; the cause is known: no text layer, and perfbudget does no OCR."""
    first, second = _picture(8), _picture(4)
    first.save(tmp_path / "scan.pdf", "PDF", resolution=75.0, save_all=True, append_images=[second])  # type: ignore[attr-defined]
    result = load_bytes((tmp_path / "scan.pdf").read_bytes(), "scan.pdf")
    assert not result.ok and result.document is None
    assert [p.message for p in result.errors] == [
        "PDF 没有文字层：全部2页都只是图片（扫描件或由图片生成的 PDF），perfbudget 不识别图片中的文字（OCR），"
        "没有导入任何内容；请导入原 Word/Excel 文件，或能选中、复制文字的 PDF"]


def test_a_scanned_page_among_pages_read_is_told_by_its_page(tmp_path: Path) -> None:
    """A Word form printed by LibreOffice with a scanned page (a picture alone on page 2) after it: the form is read
    and the picture page is a located warning (main: nothing said of it)."""
    import docx
    from docx.enum.text import WD_BREAK

    from tests.readers.test_side_sets_and_pdf_pages import _pdf_of

    document = docx.Document()
    rows = [["项目名称", "长江流域禁捕退捕补助"], ["年度资金总额(万元)", "12.50"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "补助人数", "≥120人"]]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _picture(6).save(tmp_path / "scan.png")  # type: ignore[attr-defined]
    document.add_picture(str(tmp_path / "scan.png"))
    document.save(str(tmp_path / "form.docx"))
    result = _pdf_of(tmp_path / "form.docx", tmp_path)  # (printed by LibreOffice)
    assert result.ok, [p.message for p in result.errors]
    assert result.document.projects[0].name == "长江流域禁捕退捕补助"
    told = [p for p in result.problems if "只是图片" in p.message]
    assert [(p.source.page, p.severity) for p in told] == [(2, Severity.WARNING)]


def test_a_one_page_scan_says_this_page(tmp_path: Path) -> None:
    _picture(5).save(tmp_path / "scan.pdf", "PDF", resolution=75.0)  # type: ignore[attr-defined]
    result = load_bytes((tmp_path / "scan.pdf").read_bytes(), "scan.pdf")
    assert len(result.errors) == 1 and result.errors[0].message.startswith("PDF 没有文字层：这一页只是图片")


def test_a_scan_whose_pages_carry_a_printed_page_number_is_refused_by_its_cause(tmp_path: Path) -> None:
    """A scanned page placed in a Word file whose footer numbers the page (- 1 -), printed by LibreOffice: the page
    has characters, only its number (main: 没有找到表格（可能是扫描件，或表格没有框线）)."""
    import docx
    from docx.shared import Cm

    from tests.readers.test_side_sets_and_pdf_pages import _pdf_of

    document = docx.Document()
    document.sections[0].footer.paragraphs[0].text = "- 1 -"
    _picture(8).save(tmp_path / "scan.png")  # type: ignore[attr-defined]
    document.add_picture(str(tmp_path / "scan.png"), width=Cm(16))
    document.save(str(tmp_path / "scan.docx"))
    result = _pdf_of(tmp_path / "scan.docx", tmp_path)
    assert len(result.errors) == 1 and result.errors[0].message.startswith("PDF 没有文字层：这一页只是图片")
