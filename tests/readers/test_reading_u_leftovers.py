"""Leftovers of reading32, kinds32 and forms32 (FAILURES.md BL, BM, BN; reading-u): CJK radicals standing for
ideographs (``项⽬``, ``⻓期``, as a browser's PDF print gives them) in text copied into a plain text, a web page,
a Word file or a workbook; a budget given as its sources with a 绩效金额 row (Ningxia's 批复表); Hubei's
近两年收支金额 over two years; a sheet printed too wide, its right-hand columns two pages on."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.load import load_bytes

_RADICAL = re.compile("[\u2e80-\u2fdf]")
# 项目 → 项⽬ (U+2F6C), 长期 → ⻓期 (U+2ED3), 人 → ⼈ (U+2F08), 金 → ⾦ (U+2FA6): a Chromium print's text
_TO_RADICALS = str.maketrans({"目": "\u2f6c", "长": "\u2ed3", "人": "\u2f08", "金": "\u2fa6"})

_ROWS = [["项目名称", "长江流域禁捕退捕补助"], ["年度资金总额(万元)", "12.50"],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "补助人数", "≥120人"],
         ["效益指标", "可持续影响指标", "长江生态保护", "长期"]]
_PASTED = [[cell.translate(_TO_RADICALS) for cell in row] for row in _ROWS]


def _read_as_shown(data: bytes, name: str) -> None:
    result = load_bytes(data, name)
    assert result.ok, [p.message for p in result.errors]
    project = result.document.projects[0]
    assert project.name == "长江流域禁捕退捕补助"
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("补助人数", "≥120人"), ("长江生态保护", "长期")]
    assert not _RADICAL.search(repr(result.document))


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_radicals_pasted_into_a_text_are_read_as_ideographs(encoding: str) -> None:
    # (UTF-8 is looked at in its bytes, the others in their characters)
    text = "项目支出绩效目标表\n" + "\n".join(" | ".join(row) for row in _PASTED) + "\n"
    assert "项⽬名称" in text and "⻓期" in text
    _read_as_shown(text.encode(encoding), "pasted.txt")


def test_radicals_past_a_utf8_texts_first_kilobytes_are_read_as_ideographs() -> None:
    # a table pasted below a page of plain prose: its radicals start far into the file, and every byte is looked at
    prose = "说明：本表根据单位预算编制，以下为项目绩效目标。\n" * 120
    text = prose + "\n".join(" | ".join(row) for row in _PASTED) + "\n"
    assert text.encode("utf-8").find("\u2f6c".encode("utf-8")) > 4096
    _read_as_shown(text.encode("utf-8"), "pasted-late.txt")


def test_radicals_in_a_web_page_are_read_as_ideographs() -> None:
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in _PASTED)
    page = f"<html><head><meta charset='utf-8'></head><body><p>项目支出绩效目标表</p><table>{rows}</table>"
    page += "</body></html>"
    _read_as_shown(page.encode(), "page.html")


def test_radicals_in_a_word_table_are_read_as_ideographs() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("项目支出绩效目标表")
    table = document.add_table(rows=len(_PASTED), cols=4)
    for r, row in enumerate(_PASTED):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    _read_as_shown(buffer.getvalue(), "form.docx")


def test_radicals_in_a_workbook_are_read_as_ideographs() -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["项目支出绩效目标表"])
    for row in _PASTED:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    _read_as_shown(buffer.getvalue(), "form.xlsx")


_SOURCES = """项目支出绩效目标表
项目名称 | 疾病预防控制 | |
预算单位 | 疾控中心 | |
项目资金（万元） | 财政拨款 | 300 | 其他资金 | 20 |
绩效金额 | 320 | | |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 检测人数 | ≥120人 |
效益指标 | 社会效益指标 | 疫情发生率 | 下降 |
"""


def test_a_budget_given_as_its_sources_takes_its_total_from_the_jixiao_jine_row() -> None:
    # main read the sources (财政拨款 300, 其他资金 20) and kept 绩效金额 | 320 as two texts: no total
    result = load_bytes(_SOURCES.encode(), "批复表.txt")
    project = result.document.projects[0]
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (
        Decimal("320"), Decimal("300"), Decimal("20"))
    assert (project.sources["budget.total"].line, project.sources["budget.total"].column) == (5, 2)
    assert "绩效金额" not in [value for _, value in project.extras]


def test_sources_without_a_stated_total_give_no_total() -> None:
    # no guess: the sources are not added up where the form states no total
    result = load_bytes(_SOURCES.replace("绩效金额 | 320 | | |\n", "").encode(), "批复表.txt")
    budget = result.document.projects[0].budget
    assert (budget.total, budget.fiscal, budget.other) == (None, Decimal("300"), Decimal("20"))


_TWO_YEARS = ("部门整体支出绩效目标申报表\n"
              "| 部门(单位)名称 | 某市某局 | | | | |\n"
              "| 总体资金情况 | 部门总体资金情况 | 当年金额 | 占比 | 近两年收支金额 | |\n"
              "| | | | | 2018 年 | 2019 年 |\n"
              "| 收入构成 | 财政拨款 | 366.80 | 100% | 367.85 | 482.93 |\n"
              "| | 其他资金 | 0 | 0.00% | 0 | 1.50 |\n"
              "| | 合计 | 366.80 | 100% | 367.85 | 484.43 |\n"
              "| 年度总体目标 | 保障部门正常运转。 | | | | |\n"
              "| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |\n"
              "| | 产出指标 | 数量指标 | 参保人数 | ≥1000人 | |\n"
              "| | 满意度指标 | 服务对象满意度指标 | 参保群众满意度 | ≥90% | |\n")
_BY_YEAR = [("财政拨款/近两年收支金额（2018年）", "367.85"), ("财政拨款/近两年收支金额（2019年）", "482.93"),
            ("其他资金/近两年收支金额（2018年）", "0"), ("其他资金/近两年收支金额（2019年）", "1.50"),
            ("合计/近两年收支金额（2018年）", "367.85"), ("合计/近两年收支金额（2019年）", "484.43")]


def test_a_funds_column_over_two_years_keeps_each_years_amount_in_its_column() -> None:
    # main kept the first year under 近两年收支金额 and the second year's amounts (482.93, 1.50, 484.43) as unlabelled
    # texts, the years 2018 年 | 2019 年 too
    result = load_bytes(_TWO_YEARS.encode(), "湖北.txt")
    project = result.document.projects[0]
    assert project.budget.total == Decimal("366.80")
    extras = [(label, str(cell)) for label, cell in project.extras]
    assert [pair for pair in extras if "近两年" in pair[0]] == _BY_YEAR
    assert not any(label == "" and text in ("482.93", "484.43", "2018 年", "2019 年") for label, text in extras)


def test_a_row_of_years_under_no_column_is_no_year_columns() -> None:
    # the years under 占比's neighbour only (not starting under a column's label) stay as they were: texts
    text = _TWO_YEARS.replace("| | | | | 2018 年 | 2019 年 |", "| | | | | | 2018 年 |")
    extras = [(label, str(cell)) for label, cell in load_bytes(text.encode(), "湖北.txt").document.projects[0].extras]
    assert ("", "2018 年") in extras and not any("（2018年）" in label for label, _ in extras)


@pytest.mark.parametrize("form", ["xlsx", "docx"])
def test_the_years_columns_read_back_from_an_export(tmp_path: Path, form: str) -> None:
    from tests.writers.test_kinds32_task_grid_export import _round_trip

    read, back = _round_trip(tmp_path, _TWO_YEARS, form)
    assert back.budget == read.budget
    # (the 「0」 printed as its column's other figures since faces-w, 「0.00」: the same amount)
    printed = [(label, "0.00" if text == "0" else text) for label, text in _BY_YEAR]
    assert [(label, str(cell)) for label, cell in back.extras if "近两年" in label] == printed


def _wide_sheet(path: Path, fit_to_width: bool) -> None:
    """A form on a sheet too wide for A4 (six columns of 30–40 characters), its indicator rows over two pages:
    LibreOffice Calc prints its pages down, then across — the left-hand columns on pages 1 and 2,
    the next ones on 3 and 4 …"""
    import openpyxl
    from openpyxl.styles import Border, Side

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [["项目名称", "某某项目", "", "", "", ""], ["年度资金总额（万元）", "100", "", "", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "备注"]]
    rows += [["产出指标", "数量指标", f"完成第{k}项检查任务的次数", f"≥{k}", "次", "按季度统计"] for k in range(1, 61)]
    thin = Side(style="thin")
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows():
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, width in zip("ABCDEF", (30, 30, 40, 30, 30, 30), strict=True):
        sheet.column_dimensions[column].width = width
    if fit_to_width:
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.save(str(path))


def test_a_sheet_printed_too_wide_is_refused_naming_its_cause(tmp_path: Path) -> None:
    # main: the pages ran on as one table and the file was refused for what it lacked (没有找到指标表头行): the
    # check of a column page looked at the page before only, here page 2 (the left columns' second page)
    from tests.writers.test_print_pdf import to_pdf

    _wide_sheet(tmp_path / "wide.xlsx", fit_to_width=False)
    _wide_sheet(tmp_path / "fitted.xlsx", fit_to_width=True)
    pdfs = to_pdf([tmp_path / "wide.xlsx", tmp_path / "fitted.xlsx"], tmp_path)
    import pdfplumber

    with pdfplumber.open(pdfs["wide.xlsx"]) as pdf:  # (the print as described: columns split, pages down first)
        widths = [len(page.find_tables()[0].extract()[0]) for page in pdf.pages]
    assert len(widths) >= 4 and widths[0] == widths[1] != widths[2]
    result = load_bytes(pdfs["wide.xlsx"].read_bytes(), "wide.pdf")
    assert result.document is None
    assert [(p.message[:14], p.source.page) for p in result.errors] == [("表格的右侧各列似乎印在另一页", 3)]
    assert "第1页" in result.errors[0].message
    fitted = load_bytes(pdfs["fitted.xlsx"].read_bytes(), "fitted.pdf")  # the same sheet one page wide: read
    assert fitted.ok, [p.message for p in fitted.errors]
    assert len(fitted.document.projects[0].indicators) == 60
