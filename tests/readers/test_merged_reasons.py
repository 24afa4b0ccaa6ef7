"""A 监控表's (or 自评表's) reason cell merged down over several rows, read as the form shows it (merged_cells).

kinds38 found it: Word (``w:vMerge``), Excel, WPS and LibreOffice (merged ranges, a spanned .ods cell) and a web page
(``rowspan``) draw one 偏差原因 for the rows it spans, but the readers gave the covered cells as blanks, so
``perfbudget monitor 监控表 -a 监控表`` said 须填写偏差原因 for every 有可能 row after the first. The readers now mark
the cells a vertical merge covers (``grid.CoveredCell``) and a reason, deviation or measure column's covered cell takes
the merged cell's text, its source the merged cell's place. A blank cell no merge covers stays blank: still refused.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.evaluate.from_monitoring_table import monitoring_rows_from_document
from perfbudget.evaluate.vocabulary import COL_DEVIATION, COL_LEVEL3, COL_REASON
from perfbudget.load import load_bytes
from tests.conftest import soffice_path
from tests.readers.word_tables import excel_file, word_file

TITLE = "2024年项目支出绩效运行监控表"
HEAD = [["项目名称", "农村饮水工程维修养护", "", "", "", "", "", "", ""],
        ["项目资金（万元）", "年初预算数", "1-6月执行数", "1-6月执行率", "", "", "", "", ""],
        ["年度资金总额", "100", "40", "40%", "", "", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "完成目标可能性", "全年预计完成",
         "偏差原因", "纠偏措施"]]
ROWS = [["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "有可能", "8处", "其他：汛期影响施工", "汛后加快施工"],
        ["产出指标", "数量指标", "新建水池", "≥4座", "1座", "有可能", "3座", "", ""],
        ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "有可能", "4500人", "", ""]]
TABLE = [*HEAD, *ROWS]
FIRST = len(HEAD)  # the first indicator row's index
# the 偏差原因 and 纠偏措施 cells merged down over the three rows: (row, column, last row, last column), 0-based
MERGES = [(FIRST, 7, FIRST + 2, 7), (FIRST, 8, FIRST + 2, 8)]


def _html(rows: Sequence[Sequence[str]], merged: bool) -> bytes:
    lines = [f"<html><body><p>{TITLE}</p><table>"]
    for r, row in enumerate(rows):
        cells = [(c, text) for c, text in enumerate(row)
                 if not (merged and r > FIRST and c in (7, 8))]  # covered: no cell of their own
        lines.append("<tr>" + "".join(f'<td rowspan="3">{text}</td>' if merged and r == FIRST and c in (7, 8)
                                      else f"<td>{text}</td>" for c, text in cells) + "</tr>")
    return ("\n".join([*lines, "</table></body></html>"])).encode()


def _file(form: str, merged: bool = True) -> bytes:
    merges = MERGES if merged else []
    if form == "docx":
        return word_file(TABLE, [TITLE], merges)
    if form == "xlsx":
        return excel_file([[TITLE], *TABLE], [(r + 1, c, last_r + 1, last_c) for r, c, last_r, last_c in merges])
    return _html(TABLE, merged)


def _monitored(data: bytes, name: str) -> list[tuple[str, str, str]]:
    """(三级, 偏差原因, 偏差原因分析) of each indicator row ``monitor -a`` takes; each row's 偏差原因 located at the
    merged cell (its row in the file: below the title, a row of its own in a sheet)."""
    loaded = load_bytes(data, name)
    assert loaded.document is not None and loaded.ok, [str(p) for p in loaded.problems]
    rows, month, problems = monitoring_rows_from_document(loaded.document, name)
    assert month == 6 and not problems
    taken = [(row.cells[COL_LEVEL3], row.cells[COL_REASON], row.cells[COL_DEVIATION]) for row in rows[1:]]
    (project,) = loaded.document.projects
    merged_row = FIRST + (2 if name.endswith(("xlsx", "xls", "ods")) else 1)
    assert [(i.sources.get("deviation") or i.source).row for i in project.indicators] == [merged_row] * len(ROWS)
    return taken


@pytest.mark.parametrize("form", ["docx", "xlsx", "html"])
def test_a_reason_merged_down_is_each_rows(form: str, tmp_path: Path) -> None:
    data = _file(form)
    assert _monitored(data, f"监控表.{form}") == [
        (row[2], "其他", "其他：汛期影响施工；纠偏措施：汛后加快施工") for row in ROWS]
    path = tmp_path / f"监控表.{form}"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["monitor", str(path), "-a", str(path)])
    assert result.exit_code == 0 and "须填写偏差原因" not in result.stderr, result.stderr


@pytest.mark.parametrize("form", ["docx", "xlsx", "html"])
def test_a_blank_reason_no_merge_covers_is_still_refused(form: str, tmp_path: Path) -> None:
    path = tmp_path / f"监控表.{form}"
    path.write_bytes(_file(form, merged=False))
    result = CliRunner().invoke(app, ["monitor", str(path), "-a", str(path)])
    assert result.exit_code == 1
    assert result.stderr.count("完成目标可能性为「有可能」，须填写偏差原因") == 2, result.stderr


def test_a_reason_merged_down_in_xls_and_ods(tmp_path: Path) -> None:
    """The .xls (and WPS .et) reader's merged ranges and the .ods reader's spanned cells, from LibreOffice's
    conversions of the .xlsx."""
    source = tmp_path / "监控表.xlsx"
    source.write_bytes(_file("xlsx"))
    for form in ("xls", "ods"):
        subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--convert-to", form, "--outdir", str(tmp_path), str(source)],
                       check=True, capture_output=True, timeout=240)
        data = (tmp_path / f"监控表.{form}").read_bytes()
        assert [reason for _, reason, _ in _monitored(data, f"监控表.{form}")] == ["其他"] * 3, form
