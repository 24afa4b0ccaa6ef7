"""Every list to Excel (leftovers19): the project list, the review queue and the self-evaluation results as xlsx
and CSV (UTF-8 with a BOM) under the list's filters, from the web's 导出 buttons, the API's ``format`` and
``perfbudget list … --format --output``: the same rows everywhere; print-ready (title row, widths, the header
frozen and repeated); numbers as numbers, the budget the exact Decimal; no text a formula; bounded."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import actor_of
from perfbudget.cli import app as cli
from perfbudget.load import load_path
from perfbudget.model import Unit
from tests.web.conftest import SEED_UNIT, WebEnv

runner = CliRunner()
FORMULA_UNIT = "=HYPERLINK(\"http://x\",\"点我\")"


def _import_formula_unit(web: WebEnv, seed_path: Path) -> None:
    document = load_path(seed_path).document
    assert document is not None
    odd = replace(document, unit=Unit("990001", FORMULA_UNIT), projects=document.projects[:1])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, odd, "odd.txt",
                           ImportRequest(actor_of(admin), "upload")).status == "imported"


def _xlsx_rows(content: bytes) -> list[tuple[object, ...]]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


def _same(value: object) -> str:
    """A cell's value compared across xlsx and CSV: a number by its value (17 and 17.00 alike), else its text."""
    from decimal import Decimal, InvalidOperation

    try:
        return str(Decimal(_as_text(value)).normalize()) if _as_text(value) else ""
    except InvalidOperation:
        return _as_text(value)


def test_the_project_list_to_excel_and_csv_alike_on_every_face(any_web: WebEnv, seed_path: Path,
                                                                tmp_path: Path) -> None:
    web = any_web  # on SQLite, then on PostgreSQL
    _import_formula_unit(web, seed_path)
    admin = web.client("admin")
    page = admin.get("/projects?year=2024").text
    link = re.search(r'href="(/lists/projects\.xlsx\?[^"]*)" id="export-xlsx"', page)
    assert link is not None and "year=2024" in link.group(1)  # the button carries the page's filters
    xlsx = admin.get(link.group(1).replace("&amp;", "&"))
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["content-disposition"]
    assert xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    rows = _xlsx_rows(xlsx.content)
    assert str(rows[0][0]).startswith("项目列表（2024年度；按单位排序）")
    assert "导出于" in str(next(value for value in rows[0][1:] if value))  # over the last column or more
    header = rows[1]
    assert header[:4] == ("编号", "单位编码", "单位名称", "项目名称") and "预算（万元）" in header
    listed = admin.get("/projects?year=2024&size=100").text
    assert len(rows) - 2 == int(re.search(r'id="list-total">共 (\d+) 个', listed).group(1))  # type: ignore[union-attr]
    workbook = load_workbook(io.BytesIO(xlsx.content))
    sheet = workbook.active
    assert sheet is not None and sheet.freeze_panes == "A3" and sheet.print_title_rows == "$1:$2"
    assert sheet.page_setup.orientation == "landscape" and sheet.column_dimensions["D"].width == 28
    # numbers are numbers; the budget is written as its exact Decimal text; a formula is text
    first = rows[2]
    assert isinstance(first[0], int) and isinstance(first[header.index("年度")], int)
    odd = next(r for r in rows[2:] if r[2] == FORMULA_UNIT)
    assert odd[header.index("单位名称")] == FORMULA_UNIT
    with zipfile.ZipFile(io.BytesIO(xlsx.content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml and "<v>11.30</v>" in sheet_xml  # 11.30 万元: the Decimal, not 11.2999…
    # the CSV: UTF-8 with a BOM, the same rows, the formula neutralised
    csv_file = admin.get(link.group(1).replace("&amp;", "&").replace("projects.xlsx", "projects.csv"))
    assert csv_file.content.startswith(b"\xef\xbb\xbf") and csv_file.headers["content-type"].startswith("text/csv")
    csv_rows = list(csv.reader(io.StringIO(csv_file.content.decode("utf-8-sig"))))
    assert csv_rows[1] == list(header)
    assert [r[2] for r in csv_rows[2:]] == [_as_text(r[2]).replace(FORMULA_UNIT, "'" + FORMULA_UNIT)
                                           for r in rows[2:]]
    assert [[_same(v) for v in r[:2] + r[3:]] for r in csv_rows[2:]] == [[_same(v) for v in r[:2] + r[3:]]
                                                                          for r in rows[2:]]
    assert "17.00" in [r[header.index("预算（万元）")] for r in csv_rows[2:]]  # the Decimal as stored
    # the API and the CLI give the same rows under the same filters
    api = web.client().get("/api/v1/projects?year=2024&format=xlsx",
                           headers={"Authorization": f"Bearer {web.token('reviewer')}"})
    assert api.status_code == 200 and _xlsx_rows(api.content)[1:] == rows[1:]
    out = tmp_path / "列表.xlsx"
    done = runner.invoke(cli, ["list", "projects", "--year", "2024", "--format", "xlsx", "--output", str(out),
                               "--db", web.url])
    assert done.exit_code == 0, done.output
    assert _xlsx_rows(out.read_bytes())[1:] == rows[1:] and f"已导出 {len(rows) - 2} 个项目" in done.stderr
    out_csv = tmp_path / "列表.csv"
    assert runner.invoke(cli, ["list", "projects", "--year", "2024", "--format", "csv", "-o", str(out_csv),
                               "--db", web.url]).exit_code == 0
    assert list(csv.reader(io.StringIO(out_csv.read_text(encoding="utf-8-sig"))))[1:] == csv_rows[1:]


def test_the_queue_and_the_evaluation_results_export_and_a_bad_filter_is_refused(web: WebEnv) -> None:
    from tests.web.helpers import approve

    approve(web.app, web.project_ids[0])
    reviewer = web.client("reviewer")
    queue = reviewer.get("/review/queue").text
    assert 'href="/lists/queue.xlsx?year=all"' in queue
    rows = _xlsx_rows(reviewer.get("/lists/queue.xlsx?year=all").content)
    assert str(rows[0][0]).startswith("审核队列") and rows[2:] == []  # approved: no longer in the queue
    assert web.client("editor").get("/lists/queue.xlsx").status_code == 403
    evaluations = _xlsx_rows(reviewer.get("/lists/evaluations.xlsx?year=all").content)
    total = web.client().get("/api/v1/evaluations?year=all",
                             headers={"Authorization": f"Bearer {web.token('reviewer')}"})
    assert evaluations[1][-2:] == ("自评总分", "自评等级") and len(evaluations) - 2 == total.json()["total"] > 0
    # a unit's editor takes out its own unit's projects only, as its list shows them
    mine = _xlsx_rows(web.client("editor").get("/lists/projects.xlsx?year=all").content)[2:]
    theirs = _xlsx_rows(web.client("other_editor").get("/lists/projects.xlsx?year=all").content)[2:]
    assert mine and theirs and {r[1] for r in mine} == {SEED_UNIT} and SEED_UNIT not in {r[1] for r in theirs}
    bad = reviewer.get("/lists/projects.xlsx?year=abc")
    assert bad.status_code == 422 and "年度「abc」无效" in bad.text
    assert reviewer.get("/lists/projects.pdf").status_code == 404
    api = web.client().get("/api/v1/evaluations?format=csv&year=abc",
                           headers={"Authorization": f"Bearer {web.token('reviewer')}"})
    assert api.status_code == 422 and "年度「abc」无效" in api.text


def test_an_export_past_its_bound_is_refused_with_nothing_written(web: WebEnv, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.app import project_lists

    monkeypatch.setattr(project_lists, "MOST_EXPORT_ROWS", 3)
    refused = web.client("admin").get("/lists/projects.xlsx?year=all")
    assert refused.status_code == 422 and "超过一次导出的上限 3 个" in refused.text
    folder = tmp_path / "out"
    folder.mkdir()
    done = runner.invoke(cli, ["list", "projects", "--year", "all", "--format", "xlsx", "-o", str(folder / "x.xlsx"),
                               "--db", web.url])
    assert done.exit_code == 1 and "超过一次导出的上限 3 个" in done.stderr
    assert list(folder.iterdir()) == []  # neither the file nor a part of it
    assert runner.invoke(cli, ["list", "projects", "--format", "xlsx", "--db", web.url]).exit_code == 2  # usage


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_export_tells_its_progress_by_the_rows_written(web: WebEnv, monkeypatch: pytest.MonkeyPatch,
                                                          fmt: str) -> None:
    """``list --format`` wrote up to 100,000 projects without a word until it was done (faces44): the export says how
    many rows of how many are written as each batch is, which the command line shows as a bar on a terminal."""
    from perfbudget.app import project_lists
    from perfbudget.app.desk import ListQuery
    from perfbudget.app.project_lists import cli_principal, write_list

    monkeypatch.setattr(project_lists, "BATCH", 3)
    told: list[tuple[int, int]] = []
    query, problems = project_lists.view_query("projects", {"year": "all"})
    assert not problems and isinstance(query, ListQuery)
    count = write_list(web.app.state.store, cli_principal(), "projects", query, fmt, io.BytesIO(),
                       lambda done, total: told.append((done, total)))
    assert count >= 4  # more than one batch
    assert told == [(done, count) for done in (0, *range(3, count, 3), count)]


def test_an_amount_beyond_excels_precision_is_written_as_text_not_rounded() -> None:
    """Excel keeps 15 significant digits: an amount with more is written as its exact text rather than rounded;
    every real amount is a number, exactly as the Decimal says; a text starting with 「=」 is text, never a formula;
    characters XML cannot hold are dropped (the sheet would not open), leading spaces kept."""
    from decimal import Decimal

    from perfbudget.writers.list_xlsx import SheetColumn, column_letter, write_list_xlsx

    columns = [SheetColumn("金额", 14, "#,##0.00####"), SheetColumn("名称", 20), SheetColumn("个数", 6, "0")]
    rows = [[Decimal("123456.789012"), "=SUM(A1:A2)", 7], [Decimal("12345678901234.5678"), "  a\x01b<&>", None],
            [Decimal("1E+2"), "", 0]]
    out = io.BytesIO()
    assert write_list_xlsx(out, "清单", "清单（全部）", "导出于 —", columns, rows) == 3
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert values == [[123456.789012, "=SUM(A1:A2)", 7], ["12345678901234.5678", "  ab<&>", None], [100, None, 0]]
    assert sheet["A3"].data_type == "n" and sheet["B3"].data_type == "s"
    assert sheet["A3"].number_format == "#,##0.00####_ "  # (a space's room after a number: print31)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        assert "<v>123456.789012</v>" in archive.read("xl/worksheets/sheet1.xml").decode()
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


def test_numbers_keep_their_own_digits_and_the_sheet_its_font_and_widths_through_xlsxwriter() -> None:
    """The list's xlsx is XlsxWriter's: a Decimal reaches the XML as its own digits (a float would print
    9.99999999999999 as 9.999999999999989), positional (1E+2 is 100); an int past Excel's 15 digits and a Decimal
    or a float that is no number are their exact text; a text that looks like Excel's escape of a character keeps its
    own characters (print18's writer wrote 「_x0041_」 raw, which Excel shows as 「A」); the workbook's default font is
    宋体 10.5 pt, and no font is tied to the theme's (Excel would show Calibri); each column as wide as asked in the
    file (never wider: the print is fitted to the columns' sum)."""
    from decimal import Decimal

    from perfbudget.writers.list_xlsx import SheetColumn, write_list_xlsx

    columns = [SheetColumn("金额", 14, "#,##0.00####"), SheetColumn("个数", 7.5, "0"), SheetColumn("名称", 9.5)]
    rows = [[Decimal("9.99999999999999"), 12345678901234567, "_x0041_"], [Decimal("1E+2"), 10**15 - 1, True],
            [Decimal("NaN"), -7, 2.5], [Decimal("-Infinity"), float("nan"), None]]
    out = io.BytesIO()
    assert write_list_xlsx(out, "清单", "清单（全部）", "导出于 —", columns, rows) == 4
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        styles = archive.read("xl/styles.xml").decode()
    assert '<c r="A3" s="' in sheet_xml and "<v>9.99999999999999</v>" in sheet_xml and "<v>100</v>" in sheet_xml
    assert "<v>999999999999999</v>" in sheet_xml and "<v>-7</v>" in sheet_xml and "<f>" not in sheet_xml
    sheet = load_workbook(io.BytesIO(out.getvalue())).active
    assert sheet is not None
    values = [list(r) for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert values == [[9.99999999999999, "12345678901234567", "_x005F_x0041_"], [100, 999999999999999, "是"],
                      ["NaN", -7, 2.5], ["-Infinity", "nan", None]]
    # (Excel reads the escaped escape as the text 「_x0041_」; openpyxl does not)
    default_font = re.search(r"<font>.*?</font>", styles)
    assert default_font is not None and '<name val="宋体"/>' in default_font.group() and '<sz val="10.5"/>' in \
        default_font.group() and '<charset val="134"/>' in default_font.group() and "<scheme" not in styles
    widths = [float(w) for w in re.findall(r'<col min="\d+" max="\d+" width="([\d.]+)"', sheet_xml)]
    assert widths[0] == 14 and all(c.width - 1 / 7 < w <= c.width for w, c in zip(widths, columns, strict=True))


def test_a_list_that_fails_while_written_leaves_no_file_and_no_temporary_file(tmp_path: Path,
                                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """XlsxWriter keeps the rows in temporary files until the last is written: when the rows fail halfway (the
    store gone), the error reaches the caller, nothing is written to ``out`` and no temporary file stays behind."""
    import tempfile

    from perfbudget.writers.list_xlsx import SheetColumn, write_list_xlsx

    def rows() -> Iterator[list[object]]:
        for n in range(5000):
            yield [n, f"项目{n}"]
        raise RuntimeError("数据库连接中断")

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    out = io.BytesIO()
    with pytest.raises(RuntimeError, match="数据库连接中断"):
        write_list_xlsx(out, "清单", "清单（全部）", "导出于 —", [SheetColumn("编号", 7, "0"), SheetColumn("名称", 20)],
                        rows())
    assert out.getvalue() == b"" and list(tmp_path.iterdir()) == []


def test_a_long_list_printed_keeps_every_character_one_page_wide_at_a_readable_size(web: WebEnv, seed_path: Path,
                                                                                    tmp_path: Path) -> None:
    """print18: the project list's workbook printed by LibreOffice (as WPS and Excel print it) cut every name longer
    than its column — its rows had no height, so a wrapped name printed one line tall — and fitted its 219 units of
    columns to the page at 6.5 pt. Now each row is as tall as its longest wrapped text, the columns are narrow enough
    for 7.5 pt or more, and every character of every text cell, the title and the header print, the header on every
    page, the first and the last column on one page, A4 landscape."""
    import pdfplumber

    from tests.writers.test_print_pdf import _body_size, _squash, check_pdf, to_pdf

    document = load_path(seed_path).document
    assert document is not None
    name = "城乡基础设施维护与公共服务能力提升暨高标准农田建设及配套设施改造专项资金项目"
    projects = tuple(replace(p, seq=n + 1, name=f"第{n + 1}号{name}") for n, p in enumerate(document.projects * 4))
    long_unit = Unit("990002", "某某省某某市某某区农业农村和乡村振兴发展服务中心（本级）暨农村经营管理站")
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, replace(document, unit=long_unit,
                                                                            projects=projects),
                           "long.txt", ImportRequest(actor_of(admin), "upload")).status == "imported"
    files = []
    for view in ("projects", "evaluations"):
        out = tmp_path / f"{view}.xlsx"
        done = runner.invoke(cli, ["list", view, "--year", "all", "--format", "xlsx", "-o", str(out), "--db", web.url])
        assert done.exit_code == 0, done.output
        files.append(out)
    pdfs = to_pdf(files, tmp_path)
    for file in files:
        rows = _xlsx_rows(file.read_bytes())
        texts = [value for row in rows for value in row if isinstance(value, str)]
        assert any(name in text for text in texts) and long_unit.name in texts
        header = [str(v) for v in rows[1]]
        pdf_path = pdfs[file.name]
        pages = check_pdf(pdf_path, texts, [(header[0], header[-1])], landscape=True)
        assert pages >= 2 and _body_size(pdf_path) >= 7.5, (file.name, pages, _body_size(pdf_path))
        with pdfplumber.open(pdf_path) as pdf:
            for page in pdf.pages:
                text = _squash(page.extract_text() or "")
                assert header[0] in text and header[-1] in text and "项目名称" in text, (file.name, page.page_number)


@pytest.mark.parametrize("view", ["evaluations", "queue", "projects"])
def test_a_title_of_many_filters_prints_clear_of_the_time_of_export(view: str, tmp_path: Path) -> None:
    """print19: a list exported under a few filters — 「自评结果（全部年度；搜索「经费」；单位 255101；自评等级
    未自评；资金「2024」；按单位排序）」 — printed its title over the time of export: both stood in one cell and
    spilled into the empty ones between, the title rightwards, the time (right-aligned in the last column)
    leftwards, and a longer title ran off the page. Now the title wraps within the leading columns and the time
    within the trailing ones: printed by LibreOffice, no word overlaps another and every character of both is on
    the page."""
    from perfbudget.app.project_lists import COLUMNS
    from perfbudget.writers.list_xlsx import SheetColumn, write_list_xlsx
    from tests.writers.test_print_pdf import check_pdf, to_pdf

    title = ("自评结果（全部年度；搜索「城乡基础设施维护」；单位 某某省某某市某某区农业农村和乡村振兴发展服务中心；"
             "流程状态 审核通过；审核等级 良；自评等级 未自评；资金「2024中央」；按预算倒序）")
    made = "导出于 2026-12-05 21:11 北京时间"
    columns = [SheetColumn(c.title, c.width, c.number_format) for c in COLUMNS[view]]
    out = tmp_path / f"{view}.xlsx"
    with out.open("wb") as file:
        write_list_xlsx(file, "清单", title, made, columns, [[None] * len(columns)])
    rows = _xlsx_rows(out.read_bytes())
    assert rows[0][0] == title and made in rows[0]
    pdf_path = to_pdf([out], tmp_path)[out.name]
    check_pdf(pdf_path, [title, made, *(c.title for c in columns)], [(columns[0].title, columns[-1].title)],
              landscape=True)


def test_a_rows_height_counts_its_lines_as_the_other_workbooks_do() -> None:
    """The list's rows count a text's lines as :func:`print_layout.lines_needed` does (wide characters two units,
    others 1.1), its wide characters found by one pattern: the same count on Chinese, Latin, full-width and
    supplementary characters and on newlines."""
    from perfbudget.writers.list_xlsx import _lines
    from perfbudget.writers.print_layout import lines_needed

    texts = ["天津市和平区人民检察院", "2026-12-05 09:13 北京时间", "ＡＢＣ（全角）abc", "𠀀𠀁𠀂𠀃 emoji 🎉🎉",
             "第一行\n第二行很长很长很长很长很长很长很长很长", "x" * 70, "", "“三品一标”发展项目"]
    for text in texts:
        for width in (5, 7.5, 9.5, 16, 17, 28):
            assert _lines(text, width) == lines_needed(text, width), (text, width)


def test_an_exported_list_of_one_units_projects_names_the_unit_in_its_printed_title(web: WebEnv,
                                                                                  tmp_path: Path) -> None:
    """print26: an exported list named no unit on its pages — a unit's own user's 项目列表, or a list filtered to a
    unit (「单位 255101」, the code alone), printed the unit in a column of every row and nowhere a reader of the
    page looks first. A list whose projects are all one unit's now says it in its title row (repeated at the top of
    every printed page) by code and name, from the web, the API and the CLI, xlsx and CSV; a list of several units
    names none (its rows do)."""
    import pdfplumber

    from tests.writers.test_print_pdf import _squash, to_pdf

    said = f"单位 {SEED_UNIT} 天津市和平区人民检察院"
    mine = _xlsx_rows(web.client("editor").get("/lists/projects.xlsx?year=all").content)
    assert said in str(mine[0][0]) and mine[2:], mine[0]
    filtered = _xlsx_rows(web.client("reviewer").get(f"/lists/evaluations.xlsx?year=all&unit={SEED_UNIT}").content)
    assert said in str(filtered[0][0]) and f"单位 {SEED_UNIT}；" not in str(filtered[0][0]), filtered[0]
    api = web.client().get(f"/api/v1/projects?year=all&unit={SEED_UNIT}&format=csv",
                           headers={"Authorization": f"Bearer {web.token('reviewer')}"})
    assert said in next(csv.reader(io.StringIO(api.content.decode("utf-8-sig"))))[0]
    out = tmp_path / "unit.xlsx"
    done = runner.invoke(cli, ["list", "projects", "--year", "all", "--unit", SEED_UNIT, "--format", "xlsx",
                               "-o", str(out), "--db", web.url])
    assert done.exit_code == 0, done.output
    assert said in str(_xlsx_rows(out.read_bytes())[0][0])
    every = _xlsx_rows(web.client("reviewer").get("/lists/projects.xlsx?year=all").content)
    assert len({row[1] for row in every[2:]}) > 1 and "单位 " not in str(every[0][0]), every[0]
    with pdfplumber.open(to_pdf([out], tmp_path)[out.name]) as pdf:
        assert _squash(said) in _squash((pdf.pages[0].extract_text() or "").splitlines()[0])


def test_a_one_line_row_prints_its_text_clear_of_its_borders(tmp_path: Path) -> None:
    """print28: a list row of one line had the sheet's default height, 14.25 pt, a line of 宋体 10.5 pt exactly:
    LibreOffice, setting its CJK font's taller line, printed the text on the row's bottom border, its descenders cut
    (print27's left item). Rows of one line are 16.5 pt now; printed by LibreOffice, every character of the cells
    ends 2 pt or more above the rule under its row (1 pt before: the glyphs on the line). print31: a number ends 2 pt
    or more left of the rule right of it (「2」 touched it, and with 单位编码 255101 beside it read 「2255101」)."""
    import pdfplumber

    from perfbudget.writers.list_xlsx import SheetColumn, write_list_xlsx
    from tests.writers.test_print_pdf import to_pdf

    columns = [SheetColumn("编号", 6, "0"), SheetColumn("单位编码", 11.5), SheetColumn("单位名称", 26),
               SheetColumn("项目名称", 30), SheetColumn("预算（万元）", 13, "#,##0.00####"), SheetColumn("流程状态", 8)]
    long_name = "2024年区财政防疫奖励款补充公用经费及其他零星支出项目"
    rows = [[n, "255101", "天津市和平区人民检察院", "检察业务经费（一般公共预算）" if n % 3 else long_name,
             Decimal("12.50") if n < 9 else Decimal("1234567.891"), "草稿"] for n in range(1, 10)]
    out = tmp_path / "rows.xlsx"
    with out.open("wb") as file:
        write_list_xlsx(file, "项目列表", "项目列表", "导出于 2026-12-06 09:00 北京时间", columns, rows)
    with pdfplumber.open(to_pdf([out], tmp_path)[out.name]) as pdf:
        page = pdf.pages[0]
        rules = sorted({round(float(edge["top"]), 1) for edge in page.edges if edge["orientation"] == "h"})
        body = [char for char in page.chars if char["text"] in "天津检察院草稿" and char["top"] > rules[1]]
        assert len(body) >= 9 * 7
        for char in body:
            under = min(rule for rule in rules if rule > char["top"])
            assert char["bottom"] < under - 2, (char["text"], char["bottom"], under)  # (1 pt before)
        # print31: a number ends a space before the rule right of it (编号 2 against 单位编码 255101 read 「2255101」;
        # 0.4 pt before), and the widest amount still prints whole (no 「###」)
        walls = sorted({round(float(edge["x0"]), 1) for edge in page.edges if edge["orientation"] == "v"})
        lines = (page.extract_text() or "").splitlines()
        assert any("1,234,567.891" in line for line in lines) and "#" not in "".join(lines)
        digits = [char for char in page.chars if char["text"].isdigit() and char["top"] > rules[1]
                  and char["x1"] < walls[1] + 1]  # the 编号 column's
        assert len(digits) >= 9
        for char in digits:
            assert char["x1"] < walls[1] - 2, (char["text"], char["x1"], walls[1])
    assert b'<sheetFormatPr defaultRowHeight="16.5"' in zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")


def test_a_list_export_shows_the_one_bar_on_a_terminal(web: WebEnv, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``list --output`` draws cli.progress_bar's bar (导出 N/N), the file and the closing line as before."""
    from perfbudget.cli import progress_bar
    from perfbudget.cli.common import WholeRowConsole

    args = ["list", "projects", "--year", "2024", "--format", "csv", "--db", web.url, "-o"]
    piped = runner.invoke(cli, [*args, str(tmp_path / "piped.csv")])
    assert piped.exit_code == 0 and piped.stderr.startswith("已导出"), piped.stderr
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True))  # a terminal
    shown = runner.invoke(cli, [*args, str(tmp_path / "shown.csv")])
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.stderr)  # the terminal's colours and moves
    assert shown.exit_code == 0 and re.search(r"导出 ━+ (\d+)/\1", drawn), drawn
    assert (tmp_path / "shown.csv").read_bytes() == (tmp_path / "piped.csv").read_bytes()
