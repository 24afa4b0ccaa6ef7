"""A merged cell that the page break cuts, in LibreOffice Calc's PDF (forms43, FAILURES.md section CU): Calc draws
the merged cell's whole text on both pages, each clipped to its part; pdfplumber keeps no clipping path and sees every
character. 0e435d37 read the part inside page 1's table as the whole 二级 (``服务对象满`` for ``服务对象满意度指标``),
without a word, and took the clipped lines above page 2's table for a heading. Now the hidden rest drawn past the
table's last line is joined to the cell whose shown text reaches it, with a warning at the cut and the project to
be checked (``pdf_clipped``). The workbook is built in the test (openpyxl, a row break inside the merged range) and
printed by LibreOffice."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from perfbudget.load import load_bytes, load_path
from tests.readers.test_forms35_layouts import _saved_by_libreoffice

_LONG = "服务对象满意度指标"


def ruled_sheet(rows: list[list[str]], widths: tuple[int, ...]) -> Any:
    """A workbook whose sheet holds the rows in four ruled, wrapped columns of these widths, the name merged across."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Side

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    thin = Side(style="thin")
    for r, row in enumerate(rows, 1):
        for c in range(1, 5):
            cell = sheet.cell(row=r, column=c, value=row[c - 1] if c <= len(row) else None)
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for column, width in zip("ABCD", widths, strict=True):
        sheet.column_dimensions[column].width = width
    sheet.merge_cells("B1:D1")
    return book


def _sheet(path: Path) -> None:
    from openpyxl.worksheet.pagebreak import Break

    rows = [["项目名称", "乡村旅游服务补助"], ["项目资金（万元）", "年度资金总额", "120"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人次", "≥500人次"], ["产出指标", "质量指标", "培训合格率", "≥95%"]]
    rows += [["满意度指标" if n == 1 else "", _LONG if n == 1 else "", f"第{n}类对象满意度", "≥90%"]
             for n in range(1, 5)]
    book = ruled_sheet(rows, (18, 10, 24, 12))  # the 二级 column narrow: its name over two lines
    sheet = book.active
    for r in range(1, 10):
        sheet.row_dimensions[r].height = 30
    sheet.merge_cells("A6:A9")
    sheet.merge_cells("B6:B9")
    sheet.row_breaks.append(Break(id=7))  # the page breaks inside the merged 满意度 cells, after row 7
    book.save(str(path))


def test_a_merged_cell_cut_by_the_page_is_read_whole_and_told(tmp_path: Path) -> None:
    _sheet(tmp_path / "form.xlsx")
    printed = _saved_by_libreoffice(tmp_path / "form.xlsx", "pdf")
    import pdfplumber

    with pdfplumber.open(printed) as pdf:  # (the layout the test is about: the merged cells on both pages)
        assert len(pdf.pages) == 2
        assert "第3类对象满意度" in (pdf.pages[1].extract_text() or "")
    result = load_path(printed)
    assert result.document is not None, [p.message for p in result.errors]
    [project] = result.document.projects
    read = [(i.level2, i.level3) for i in project.indicators]
    assert read[2:] == [(_LONG, f"第{n}类对象满意度") for n in range(1, 5)]
    assert project.indicators[0].level2 == "数量指标"
    cuts = [p for p in result.problems if "被分页截断" in p.message]
    assert cuts and all(p.source.page == 1 and p.source.column in (1, 2) for p in cuts), cuts
    assert any("被分页截断" in note for note in project.needs_check)
    assert project.name == "乡村旅游服务补助" and not result.errors


def test_the_clipped_cell_rules_are_calc_s_only(tmp_path: Path) -> None:
    # the same PDF said to be made by another spreadsheet (WPS 表格's ET, Excel; their PDFs of a cut merged cell not
    # known): read as the page gives it, no cut told (forms43 ran the rules on every spreadsheet's PDF)
    _sheet(tmp_path / "form.xlsx")
    data = _saved_by_libreoffice(tmp_path / "form.xlsx", "pdf").read_bytes()
    def creator(name: str) -> bytes:  # (the Info dictionary's /Creator as LibreOffice writes it: UTF-16 in hex)
        return ("/Creator<FEFF" + name.encode("utf-16-be").hex().upper() + ">").encode()

    assert data.count(creator("Calc")) == 1
    other = data.replace(creator("Calc"), creator("ET  "))  # (as long: the file's offsets stay right)
    result = load_bytes(other, "form.pdf")
    assert result.document is not None, [p.message for p in result.errors]
    assert not [p for p in result.problems if "被分页截断" in p.message]


def test_a_note_right_under_the_table_is_no_cut_cell_s_rest() -> None:
    # a table's last line at 100 and its columns at 0, 100, 200, 300; column 1 cut (意 drawn across the line, 度指标
    # under it); column 2's text ends in ≥90% right above a note typed across the columns under the table; column 3's
    # text ends high in its cell over a note's line within it: neither note is a cell's rest (forms43 joined both)
    from perfbudget.readers.pdf_clipped import cut_at_foot

    def line(text: str, x0: float, top: float) -> list[dict[str, Any]]:
        return [{"text": t, "x0": x0 + 12 * k, "x1": x0 + 12 * k + 12, "top": top, "bottom": top + 12}
                for k, t in enumerate(text)]

    chars = line("服务对象满", 2, 87) + line("意", 62, 95) + line("度指标", 2, 108) + line("≥90%", 102, 87) \
        + line("注：本表金额单位为万元", 102, 102) + line("明显改善", 202, 40) + line("填报日期", 202, 120)
    assert [(n, hidden, shown) for n, hidden, shown, _ in cut_at_foot(chars, (0, 0, 300, 100), [0, 100, 200])] \
        == [(0, "意度指标", "服务对象满")]


def test_a_cut_cell_on_a_page_drawn_with_fewer_column_lines_is_told_in_its_own_column(tmp_path: Path) -> None:
    # page 2's rows hold 一级 merged across 一级/二级 (no line between them on the page), its rows laid onto page 1's
    # four columns; its foot cuts the merged 指标值 cell (the page's column 3): forms43 counted the page's own three
    # columns in the four-column rows and told the 三级 cell (the page's column 2)
    from openpyxl.worksheet.pagebreak import Break

    rows = [["项目名称", "乡村旅游服务补助"], ["项目资金（万元）", "年度资金总额", "120"],
            ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人次", "≥500人次"], ["产出指标", "质量指标", "培训合格率", "≥95%"]]
    rows += [["效益指标", "", f"第{n}项效益", "明显提升"] for n in range(1, 4)]
    rows += [["满意度指标" if n == 1 else "", "", f"第{n}类对象满意度", "≥90%（按年度问卷调查计）" if n == 1 else ""]
             for n in range(1, 5)]
    book = ruled_sheet(rows, (18, 10, 24, 12))
    sheet = book.active
    for r in range(1, 13):
        sheet.row_dimensions[r].height = 30
    for r in range(6, 9):
        sheet.merge_cells(f"A{r}:B{r}")
    for merged in ("A9:B12", "D9:D12"):
        sheet.merge_cells(merged)
    sheet.row_breaks.append(Break(id=5))
    sheet.row_breaks.append(Break(id=10))  # page 2's foot inside the merged 指标值
    book.save(str(tmp_path / "form.xlsx"))
    result = load_path(_saved_by_libreoffice(tmp_path / "form.xlsx", "pdf"))
    cuts = [p for p in result.problems if "被分页截断" in p.message]
    assert cuts and all("第2页表格底部第3列" in p.message and p.source.column == 3 for p in cuts), cuts
