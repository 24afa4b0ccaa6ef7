"""File forms units publish (forms35, FAILURES.md section BW): a spreadsheet's formula whose value is an error;
number formats of Chinese Excel and WPS (``G/通用格式"人"``, a quoted ``%``).

A target typed ``=24人/次`` or ``=44,561`` (13's 计算符号 written before its value) is a formula to Excel, WPS and
LibreOffice; a wrong one shows ``#NAME?`` or ``Err:509``. Each workbook here is written by openpyxl and computed and
saved by LibreOffice (the real program that stores the values), then read by the real reader."""

from __future__ import annotations

import io
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from perfbudget.load import load_bytes, load_path
from perfbudget.model import Severity
from tests.conftest import soffice_path

_ROWS = [["项目名称", "再生资源回收市场管理经费", "", ""],
         ["年度资金总额(万元)", "3", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "出差人次", "=24人/次"],
         ["", "质量指标", "工作任务完成率", "100%"],
         ["", "时效指标", "项目财政资金到位时间", "=44,561"]]


def _saved_by_libreoffice(source: Path, suffix: str) -> Path:
    """``source`` opened, computed and saved as ``suffix`` by LibreOffice (its own profile beside the file)."""
    out = source.parent / suffix
    subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation=file://{source.parent}/profile",
                    "--convert-to", suffix, "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=240)
    return out / f"{source.stem}.{suffix}"


def _book(rows: list[list[object]], formats: dict[str, str] | None = None) -> Any:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append([None if value == "" else value for value in row])
    for ref, number_format in (formats or {}).items():
        book.active[ref].number_format = number_format
    return book


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The form as .ods, .xlsx and .xls, each saved by LibreOffice with the values it computed."""
    folder = tmp_path_factory.mktemp("forms35")
    _book(_ROWS).save(folder / "typed.xlsx")
    ods = _saved_by_libreoffice(folder / "typed.xlsx", "ods")
    return {"ods": ods, "xlsx": _saved_by_libreoffice(ods, "xlsx"), "xls": _saved_by_libreoffice(ods, "xls")}


@pytest.mark.parametrize("suffix", ["ods", "xlsx", "xls"])
def test_a_formula_whose_value_is_an_error_is_an_error_at_its_cell(computed: dict[str, Path], suffix: str) -> None:
    """b30bb3a2 read ``#NAME?`` (``Err:509``, ``#VALUE!``) as the target, status ok."""
    result = load_path(computed[suffix])
    assert result.document is not None
    targets = {i.level3: i.target.raw for i in result.document.projects[0].indicators}
    assert targets == {"出差人次": "", "工作任务完成率": "100%", "项目财政资金到位时间": ""}
    errors = [p for p in result.problems if p.severity is Severity.ERROR and "错误值" in p.message]
    assert [(p.source.row, p.source.column) for p in errors] == [(4, 4), (6, 4)]
    assert all(p.source.sheet for p in errors)
    shown = [p.message.split("「")[1].split("」")[0] for p in errors]
    assert all(text.startswith(("#", "Err:")) for text in shown), shown


def test_error_values_are_told_from_text() -> None:
    from perfbudget.readers.xlsx_formulas import is_error_value

    assert is_error_value("#NAME?") and is_error_value("Err:509") and is_error_value("#DIV/0!")
    assert not is_error_value("#1") and not is_error_value("Err:5090") and not is_error_value("≥95%")


_NUMBERS = [*_ROWS[:3], ["产出指标", "数量指标", "出差人数", 8], ["", "质量指标", "工作任务完成率", 100],
            ["", "时效指标", "财政资金到位及时支付率", 0.95]]


def test_a_number_format_of_chinese_excel_shows_the_number_as_excel_does() -> None:
    """Chinese Excel and WPS write General in a custom format as ``G/通用格式`` (``G/通用格式"人"``: 8 shown 8人), and
    a ``%`` in quotes or after ``\\`` is text (``"="0"%"``: 100 shown =100%). b30bb3a2 read 通用格式人8 and
    =10000%% (status ok, each typed 定性)."""
    data = io.BytesIO()
    _book(_NUMBERS, {"D4": 'G/通用格式"人"', "D5": '"="0"%"', "D6": '"≥"0%'}).save(data)
    result = load_bytes(data.getvalue(), "t.xlsx")
    assert result.document is not None
    targets = [i.target.raw for i in result.document.projects[0].indicators]
    assert targets == ["8人", "=100%", "≥95%"]


def test_a_quoted_percent_in_an_xls_format_is_text(tmp_path: Path) -> None:
    """LibreOffice writes ``"="0"%"`` as ``\\=0\\%`` in the .xls: b30bb3a2 read =10000%%."""
    _book(_NUMBERS, {"D5": '"="0"%"', "D6": '0%'}).save(tmp_path / "t.xlsx")
    result = load_path(_saved_by_libreoffice(tmp_path / "t.xlsx", "xls"))
    assert result.document is not None
    assert [i.target.raw for i in result.document.projects[0].indicators][1:] == ["=100%", "95%"]


def test_an_amount_in_yuan_shown_as_wanyuan_by_its_format_reads_as_shown(tmp_path: Path) -> None:
    """Chinese workbooks show 元 as 万元 by the format alone: a literal point among the digits (``0!.0000``:
    30000 shown 3.0000) or a comma after them (``0!.0,"万"``: 1938000 shown 193.8万; ``#,##0,``: thousands).
    b30bb3a2 read the bare number: a 年度资金总额(万元) of 1938000, 10,000 times the sheet's 193.8, status ok."""
    rows = [*_NUMBERS[:3], ["产出指标", "成本指标", "补贴标准", 30000], ["", "成本指标", "补贴总额", 1938000],
            ["", "成本指标", "单位成本", 1938000]]
    rows[1] = ["年度资金总额(万元)", 1938000, "", ""]
    book = _book(rows, {"B2": "0!.0,", "D4": '0!.0000"万元"', "D5": '0"."0,"万"', "D6": '#,##0,"千元"'})
    book.save(tmp_path / "t.xlsx")  # (LibreOffice's .xls writes Excel's ! escape as \\!, another format)
    result = load_path(tmp_path / "t.xlsx")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total == Decimal("193.8")
    assert [i.target.raw for i in project.indicators] == ["3.0000万元", "193.8万", "1938千元"]


@pytest.mark.parametrize("gap", ["&nbsp;&nbsp;&nbsp;\u3000\u3000", "&emsp;", "&ensp;&ensp;"])
def test_a_gap_of_nbsp_and_full_width_spaces_in_an_html_cell_parts_its_labels(gap: str) -> None:
    """A site's editor pads a header cell's label | value pairs with ``&nbsp;``, ``&emsp;`` or full-width spaces,
    which a browser shows as a gap (none collapses). b30bb3a2 made every run one space (kept ``&emsp;`` as it is),
    and ``主管部门：…`` was read as the project name's unlabelled note (no unit); a single ``&nbsp;`` stays one space,
    and a zero-width space, which a browser shows as nothing, is no part of a name."""
    page = ("<html><body><p>项目支出绩效目标表</p><table border=1>"
            f"<tr><td colspan=4>项目名称：再生资源回收市场管理经费{gap}主管部门：乌海市供销合作社联合社</td></tr>"
            "<tr><td colspan=4>年度资金总额(万元)：3</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td><td>出差&#8203;人数</td><td>≥&nbsp;8&nbsp;人</td></tr></table></body></html>")
    result = load_bytes(page.encode(), "t.html")
    assert result.document is not None
    assert result.document.unit.name == "乌海市供销合作社联合社"
    project = result.document.projects[0]
    assert project.name == "再生资源回收市场管理经费" and project.extras == (("主管部门", "乌海市供销合作社联合社"),)
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("出差人数", "≥ 8 人")]


_TALL_ROW = ["效益指标", "可持续影响指标", "服务能力提升", "\n".join(f"第{n}项加强" for n in range(1, 13))]


def _split_form(blank_lines: int, tall_row: list[str] = _TALL_ROW, page_header: str = "", page_footer: str = "") -> Any:
    """A Word form on A6 paper (columns 1.5 | 1.5 | 3 | 3 cm) whose last row is tall (its target twelve short
    paragraphs) and its 二级 ``可持续影响指标`` wraps in its narrow column; ten empty lines and ``blank_lines`` thin
    empty paragraphs above move the row down the page until Writer breaks it inside its 二级 name. Another
    ``tall_row``, a ``page_header`` and a ``page_footer`` (followed by the page number) printed on every page for
    forms36's tests."""
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(10.5), Cm(14.8)
    section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = Cm(1)
    if page_header:
        section.header.paragraphs[0].text = page_header
    if page_footer:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        footer = section.footer.paragraphs[0]
        footer.text = f"{page_footer}  第 "
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run(" 页")
    for _ in range(10):
        document.add_paragraph("")
    for _ in range(blank_lines):  # a third of a line each
        document.add_paragraph("").paragraph_format.line_spacing = Pt(4)
    rows = [["项目名称", "测试项目", "", ""], ["年度资金总额(万元)", "3", "", ""],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "出差人数", "≥8人"],
            tall_row]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    table.autofit = False
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).width = Cm((1.5, 1.5, 3, 3)[c])
            if text:
                table.cell(r, c).text = text
            for paragraph in table.cell(r, c).paragraphs:
                paragraph.paragraph_format.widow_control = False  # (a line may stand alone at the page's foot)
    return document


def printed_split_forms(folder: Path, placements: range, cut: str, **form: Any) -> list[Path]:
    """``_split_form(n, **form)`` for each placement ``n`` printed by LibreOffice; the PDFs whose page break falls
    inside the text ``cut`` (a word of it starting on the first page and the rest on the second)."""
    import pdfplumber

    from tests.conftest import print_to_pdf

    paths = []
    for blank_lines in placements:
        _split_form(blank_lines, **form).save(folder / f"form{blank_lines:02d}.docx")
        paths.append(folder / f"form{blank_lines:02d}.docx")
    print_to_pdf(folder, *paths)
    split = []
    for path in sorted(folder.glob("form*.pdf")):
        with pdfplumber.open(path) as pdf:  # the text's parts (可持续 | 影响指 | 标) on each page
            parts = [[w["text"] for w in page.extract_words() if w["text"] in cut] for page in pdf.pages]
        if len(parts) == 2 and any(part.startswith(cut[:2]) for part in parts[0]) and parts[1]:
            split.append(path)
    return split


def test_a_row_broken_by_the_page_inside_a_wrapped_level_name_is_one_row(tmp_path: Path) -> None:
    """Writer breaks a tall row across the page; where the break falls inside the 二级 name (可持续 | 影响指标), the
    two halves can only be one row. b30bb3a2 read two indicators (三级 and target cut in two) with a warning."""
    split = printed_split_forms(tmp_path, range(0, 6), "可持续影响指标")
    assert split, "no placement broke the row inside its 二级"
    result = load_path(split[0])
    assert result.document is not None
    indicators = [(i.level2, i.level3) for i in result.document.projects[0].indicators]
    assert indicators == [("数量指标", "出差人数"), ("可持续影响指标", "服务能力提升")]
    assert any("分在两行" in p.message or "断开的后半" in p.message for p in result.problems)
