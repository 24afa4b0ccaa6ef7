"""The older two-level indicator forms: 一级 | 指标内容 (绩效指标, 指标名称) | 指标值 and no 二级 column (the central
2015 申报表's worked example, Hainan 2013). Rows give ``level2 = ""`` — the form has no 二级, never one made up —
with one warning per table and the project marked for checking; the same in every form with cells."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Document, Severity
from perfbudget.readers.indicator_rows import TWO_LEVEL_CHECK, TWO_LEVEL_MESSAGE
from perfbudget.readers.text import read_text
from tests.conftest import soffice_path
from tests.readers.word_tables import excel_file, word_file

HEAD = [["项目名称", "测报补助经费", ""], ["资金总额", "100", ""]]
ROWS = [["一级指标", "指标内容", "指标值"],
        ["产出指标", "趋势会商会次数", "1次"],
        ["", "测报员培训人次", "200人次"],
        ["效益指标", "测报准确率", "≥85%"]]
EXPECTED = [("产出指标", "", "趋势会商会次数", "1次"), ("产出指标", "", "测报员培训人次", "200人次"),
            ("效益指标", "", "测报准确率", "≥85%")]


def _pipes(rows: list[list[str]]) -> str:
    return "项目支出绩效目标申报表\n" + "".join(" | ".join(row) + " |\n" for row in rows)


def _levels(document: Document | None) -> list[tuple[str, str, str, str]]:
    assert document is not None
    return [(i.level1, i.level2, i.level3, i.target.raw) for p in document.projects for i in p.indicators]


def _two_level_warnings(problems: list) -> list:
    return [p for p in problems if p.message == TWO_LEVEL_MESSAGE]


@pytest.mark.parametrize("label", ["指标内容", "绩效指标", "指标名称", "指标"])
def test_two_level_table_leaves_the_level2_empty(label: str) -> None:
    rows = [[*ROWS[0][:1], label, ROWS[0][2]], *ROWS[1:]]
    document, problems = read_text(_pipes([*HEAD, *rows]), "t.txt")
    assert _levels(document) == EXPECTED, problems
    assert len(_two_level_warnings(problems)) == 1  # one warning for the table, not one a row
    assert _two_level_warnings(problems)[0].severity is Severity.WARNING
    assert not [p for p in problems if p.severity is Severity.ERROR]
    assert document is not None and document.projects[0].needs_check == (TWO_LEVEL_CHECK,)


def test_bare_zhibiao_column_is_the_level1_only_over_level1_names() -> None:
    """The central form heads its 一级 column 指标 (指标 | 指标内容 | 指标值): a 一级 column when the first cell
    under it is a 一级 name; over indicator names (指标 | 指标值 …) it is no level column, as before."""
    rows = [["指标", "指标内容", "指标值"], *ROWS[1:]]
    document, problems = read_text(_pipes([*HEAD, *rows]), "t.txt")
    assert _levels(document) == EXPECTED, problems
    assert any("「指标」列各行是一级指标名称" in p.message for p in problems)
    names = [["指标", "指标内容", "指标值"], ["培训人次", "测报员", "200人次"]]
    document, problems = read_text(_pipes([*HEAD, *names]), "t.txt")
    assert document is None or not _levels(document)
    assert any(p.severity is Severity.ERROR for p in problems)


def test_level2_names_in_the_rows_keep_the_table_refused() -> None:
    """一级 | 指标名称 | 指标值 whose 指标名称 holds 二级 names (质量, 时效, 成本, 社会效益: a form with no 三级), or a
    three-level table whose 二级 header cell was lost (数量指标 among its cells): no row is read with an empty 二级;
    each stays a located error, as before."""
    rows = [["一级指标", "指标名称", "指标值"], ["产出指标", "质量", "合格"], ["", "成本", "年度预算220万元"],
            ["效益指标", "社会效益", "推动申遗工作"]]
    document, problems = read_text(_pipes([*HEAD, *rows]), "t.txt")
    assert document is None or not _levels(document)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert [e.source.line for e in errors] == [5, 6, 7]
    assert not _two_level_warnings(problems)
    lost = [["一级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人次", "200人次"],
            ["", "", "培训天数", "5天"]]
    document, problems = read_text(_pipes([*HEAD, *lost]), "t.txt")
    assert document is None or not [row for row in _levels(document) if row[1] == ""]
    assert not _two_level_warnings(problems)


def test_a_cut_level_name_in_the_name_column_is_no_indicator() -> None:
    rows = [*ROWS, ["效益指标", "社会", "提高"]]
    document, problems = read_text(_pipes([*HEAD, *rows]), "t.txt")
    assert _levels(document) == EXPECTED
    assert any("「社会」是指标分类" in p.message and p.severity is Severity.ERROR for p in problems)


def test_a_value_in_the_level1_column_is_no_category() -> None:
    """A row shifted so that a value stands in the 一级 column (年度预算220万元) is refused as before, not read as an
    indicator of the category 年度预算220万元."""
    rows = [*ROWS[:3], ["年度预算220万元", "按进度执行", "确定能"]]
    document, problems = read_text(_pipes([*HEAD, *rows]), "t.txt")
    assert _levels(document) == EXPECTED[:2]
    assert any("缺少一级或二级指标" in p.message and p.severity is Severity.ERROR for p in problems)


def test_table_with_a_level2_column_is_read_as_before() -> None:
    """A three-level table whose 二级 cell is blank on a row is still an error there: only a table without any 二级
    column is a two-level form."""
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "", "培训人次", "200人次"]]
    result = load_bytes(word_file([[*r, ""] for r in HEAD] + rows), "f.docx")
    assert result.document is None or not _levels(result.document)
    assert any("缺少一级或二级指标" in p.message for p in result.problems)
    assert not _two_level_warnings(list(result.problems))


def _check(result: LoadResult) -> None:
    assert _levels(result.document) == EXPECTED, result.problems
    assert len(_two_level_warnings(result.problems)) == 1
    assert result.document is not None and TWO_LEVEL_CHECK in result.document.projects[0].needs_check


GRID = [["项目支出绩效目标申报表", "", ""], *HEAD, *ROWS]


def test_two_level_word_table() -> None:
    # the 一级 cell merged down over its two rows, as the forms have it
    _check(load_bytes(word_file(GRID, merges=[(4, 0, 5, 0)]), "f.docx"))


def test_two_level_excel_sheet() -> None:
    _check(load_bytes(excel_file(GRID), "f.xlsx"))


def test_two_level_html_table() -> None:
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row if cell or row is not ROWS[2]) + "</tr>"
                   for row in [*HEAD, *ROWS]).replace("<td>产出指标</td>", '<td rowspan="2">产出指标</td>', 1)
    page = f'<html><head><meta charset="utf-8"></head><body><h3>项目支出绩效目标申报表</h3><table border="1">{body}' \
           "</table></body></html>"
    _check(load_bytes(page.encode(), "page.html"))


def test_two_level_pdf(tmp_path: Path) -> None:
    source = tmp_path / "f.xlsx"
    source.write_bytes(_bordered_sheet(GRID))
    subprocess.run([soffice_path(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    _check(load_bytes((tmp_path / "f.pdf").read_bytes(), "f.pdf"))


def _bordered_sheet(rows: list[list[str]]) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    book = Workbook()
    sheet = book.active
    line = Side(style="thin")
    for row in rows:
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.border = Border(left=line, right=line, top=line, bottom=line)
    for column in "ABC":
        sheet.column_dimensions[column].width = 16
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_rows_rebuilt_from_one_cell_a_line_are_not_taken_as_two_level() -> None:
    """One cell a line: the rows are rebuilt from the stream of cells, and the rebuild drops a 二级 name it has no
    column for (数量指标 under a header that lost its 二级指标 line). Such a table is never read with empty 二级."""
    lines = ["项目支出绩效目标表", "项目名称", "测报补助经费", "资金总额", "100", "一级指标", "三级指标", "指标值",
             "产出指标", "数量指标", "培训人次", "200人次", "培训天数", "5天"]
    document, problems = read_text("\n\n".join(lines) + "\n", "t.txt")
    assert document is None or not [row for row in _levels(document) if row[1] == ""]
    assert not _two_level_warnings(problems)
