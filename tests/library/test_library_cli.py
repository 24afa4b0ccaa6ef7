"""``perfbudget library …`` as a user runs it, on the seed and generated units."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.store import Store
from tests.conftest import filled_store_url
from tests.library.conftest import import_units
from tests.store.helpers import import_file

runner = CliRunner()
QTY = ("产出指标", "数量指标")


@pytest.fixture
def db(request: pytest.FixtureRequest, tmp_path: Path, seed_path: Path) -> str:
    """The seed and three generated units: filled once per test process, a copy for each test."""

    def fill(url: str) -> None:
        with Store(url) as store:
            assert import_file(store, seed_path).status == "imported"
            import_units(store, 3, lambda i: [(*QTY, "培训人数", f"≥{10 + i}人"), (*QTY, "参训人数", "≥5人")])

    return filled_store_url(request, "sqlite", tmp_path, "library-cli", fill)


def _run(*args: str) -> object:
    return runner.invoke(app, ["library", *args])


def test_search_json_is_exactly_the_documented_shape(db: str) -> None:
    result = runner.invoke(app, ["library", "search", "服务对象满意度", "--json", "--db", db])
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)["groups"]
    assert groups and set(groups[0]) == {"id", "name", "count", "units", "level1", "level2", "measure_unit",
                                         "direction", "targets", "examples"}
    assert set(groups[0]["targets"]) == {"min", "p25", "p50", "p75", "max"}
    assert groups[0]["name"] == "检察服务对象满意度" or "服务对象满意度" in groups[0]["name"]
    assert groups[0]["examples"][0]["link"].startswith("/projects/")


def test_search_show_similar_as_text(db: str) -> None:
    result = runner.invoke(app, ["library", "search", "培训人数", "--db", db])
    assert result.exit_code == 0 and "培训人数  3 个指标、3 个单位" in result.stdout, result.output
    result = runner.invoke(app, ["library", "show", "培训人数", "--db", db])
    assert result.exit_code == 0 and "中位数 11" in result.stdout and "本组的代表名称" in result.stdout
    result = runner.invoke(app, ["library", "show", "没有这个指标", "--db", db])
    assert result.exit_code == 1 and "没有「没有这个指标」这一组" in result.output
    for blank in ("", " 、 "):  # refused as the API refuses it (replay-g: exit 0 with 「没有…相近」)
        result = runner.invoke(app, ["library", "search", blank, "--db", db])
        assert result.exit_code == 1 and "请给出要查找的指标名称或其中的词（不能为空）" in result.output
    result = runner.invoke(app, ["library", "similar", "1", "--json", "--db", db])
    assert result.exit_code == 0 and json.loads(result.stdout)["similar"][0]["indicators"]


def test_export_xlsx_and_json(db: str, tmp_path: Path) -> None:
    target = tmp_path / "指标库.xlsx"
    result = runner.invoke(app, ["library", "export", "--to", "xlsx", "-o", str(target), "--db", db])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["编号", "指标名称", "一级指标", "二级指标"]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "培训人数" in names
    result = runner.invoke(app, ["library", "export", "--to", "json", "--db", db])
    assert result.exit_code == 0 and json.loads(result.stdout)["groups"]
    result = runner.invoke(app, ["library", "export", "--to", "csv", "--db", db])
    assert result.exit_code == 2 and "不支持的导出格式" in result.output


def test_build_merge_split_rename(db: str) -> None:
    result = runner.invoke(app, ["library", "build", "--db", db])
    assert result.exit_code == 0 and "指标库已生成" in result.output, result.output
    result = runner.invoke(app, ["library", "merge", "培训人数", "参训人数", "--db", db, "--actor", "admin"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["library", "rename", "培训人数", "培训和参训人数", "--db", db])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["library", "build", "--quiet", "--db", db])
    shown = runner.invoke(app, ["library", "show", "参训人数", "--json", "--db", db])
    detail = json.loads(shown.stdout)
    assert detail["name"] == "培训和参训人数" and detail["count"] == 6
    result = runner.invoke(app, ["library", "split", "参训人数", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(runner.invoke(app, ["library", "show", "参训人数", "--json", "--db", db]).stdout)["count"] == 3
    result = runner.invoke(app, ["library", "merge", "培训人数", "没有这一组", "--db", db])
    assert result.exit_code == 1 and "没有「没有这一组」这一组" in result.output


def test_export_xlsx_prints_a4_one_page_wide_with_numbers_as_numbers(db: str, tmp_path: Path) -> None:
    """The 指标库 a bureau publishes prints like the official tables: A4 landscape, one page wide, the
    header row on every page, page numbers; its statistics are numbers a spreadsheet can calculate."""
    target = tmp_path / "指标库.xlsx"
    result = runner.invoke(app, ["library", "export", "--to", "xlsx", "-o", str(target), "--db", db])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(target).active
    assert sheet is not None
    assert int(sheet.page_setup.paperSize) == 9 and sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.print_title_rows == "$1:$1" and "&P" in sheet.oddFooter.center.text
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[1] == "培训人数")
    assert row[10] == 11 and not isinstance(row[10], str)  # 中位数 of ≥10人, ≥11人, ≥12人


def test_export_xlsx_names_a_chinese_font_in_every_cell_and_prints_a_grid(db: str, tmp_path: Path) -> None:
    """print26: the 指标库 workbook's cells named no font (openpyxl's Calibri, the CJK fallback left to each program:
    rows sized for 宋体 printed in another font's widths) and no borders (a printed list of numbers without lines).
    Every cell is now 宋体 (charset 134, as the other workbooks), bordered, the header row bold; rows of wrapped text
    are as tall as their lines at that size."""
    target = tmp_path / "library.xlsx"
    assert runner.invoke(app, ["library", "export", "--to", "xlsx", "-o", str(target), "--db", db]).exit_code == 0
    sheet = load_workbook(target).active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert {(c.font.name, c.font.charset, c.font.sz) for c in cells} == {("宋体", 134, 11)}
    assert all(c.border.left.style == c.border.bottom.style == "thin" for c in cells)
    assert all(c.font.b for c in sheet[1]) and not any(c.font.b for c in sheet[2])
    wrapped = [n for n in range(2, sheet.max_row + 1) if "\n" in str(sheet.cell(n, 15).value or "")
               or len(str(sheet.cell(n, 15).value or "")) > 40]
    for n in wrapped:  # a line of 11 pt takes 14.5 × 11/10.5 pt
        assert sheet.row_dimensions[n].height >= 2 * 14.5 * 11 / 10.5, n


def test_export_xlsx_printed_by_libreoffice_is_readable_with_every_name_printed(db: str, tmp_path: Path) -> None:
    """print15: the 指标库 printed its fifteen fixed columns (198 units) at 5.9 pt on A4 landscape. Its text
    columns now fit their text and wrap, its numbers are as wide as their widest, and the sheet prints at 7.5 pt
    or more, one page wide, with every character of its names, levels and 包含的名称 printed (rows as tall as
    their wrapped text)."""
    from tests.writers.test_print_pdf import _body_size, check_pdf, to_pdf

    target = tmp_path / "library.xlsx"
    assert runner.invoke(app, ["library", "export", "--to", "xlsx", "-o", str(target), "--db", db]).exit_code == 0
    sheet = load_workbook(target).active
    assert sheet is not None
    texts = [str(value) for row in sheet.iter_rows(values_only=True) for col, value in enumerate(row)
             if col in (1, 2, 3, 14) and value]
    pdf_path = to_pdf([target], tmp_path)[target.name]
    assert check_pdf(pdf_path, texts, [("编号", "包含的名称")], landscape=True) >= 1
    assert _body_size(pdf_path) >= 7.5
    # print25: every page says what it is (the workbook printed 「指标库」 nowhere: its pages began with the header row)
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        firsts = ["".join((page.extract_text() or "").splitlines()[0].split()) for page in pdf.pages]
    assert firsts == [f"指标库（共{sheet.max_row - 1}组指标）"] * len(firsts), firsts


def test_build_shows_its_bar_on_a_terminal_only(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's steps through the one bar (cli.progress_bar): a pipe or a log gets the closing line alone (its own
    bar drew there too until faces45), a terminal the steps."""
    from perfbudget.cli import progress_bar
    from perfbudget.cli.common import WholeRowConsole

    piped = runner.invoke(app, ["library", "build", "--db", db])
    assert piped.exit_code == 0 and piped.stderr.splitlines() == [piped.stderr.strip()], piped.stderr
    assert piped.stderr.startswith("指标库已生成")
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True))  # a terminal
    shown = runner.invoke(app, ["library", "build", "--db", db])
    assert shown.exit_code == 0 and "统计各组指标值分布" in shown.stderr, shown.stderr
