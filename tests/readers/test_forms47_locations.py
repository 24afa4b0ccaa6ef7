"""Every value keeps its own cell's location, in every sheet form (forms47, FAILURES.md section DG).

The sheet readers (.xlsx, and .xls, .ods, .et through the same rows) shared one blank cell a row located by its row
alone, so a 一级 or 二级 name merged down its run (a merged range, the name in its top-left cell) was located, in the
rows under its top, at 「第9行」 with no column, where Word's ``w:vMerge`` and HTML's ``rowspan`` give the covered
cell's own place (第9行 第1列). Each empty cell is now located at its own place, in each sheet form (.xls, .ods and
.et LibreOffice saves of the same sheet: the .et a WPS name for the .xls's bytes), and so is a cell a row that stopped
short is filled with under a value written below its range's top (``xlsx_merged._from_top``). Fails on d34ad5c6's
``src``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.xlsx_merged import MergedValues, covered_cells, merged_down
from tests.conftest import soffice_path, soffice_profile
from tests.readers.word_tables import excel_file

_ROWS = [["项目支出绩效目标表（2024年度）"], ["项目名称", "道路维修", None, None],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "维修道路条数", "12条"], [None, None, "维修道路长度", "≥5公里"],
         [None, "质量指标", "验收合格率", "100%"], ["效益指标", "社会效益指标", "通行时间缩短", "≥95%"]]


def _saved(data: bytes, form: str, directory: Path) -> bytes:
    if form == "xlsx":
        return data
    source = directory / "merged.xlsx"
    source.write_bytes(data)
    converted = "xls" if form == "et" else form
    subprocess.run([soffice_path(), f"-env:UserInstallation={soffice_profile()}", "--headless", "--convert-to",
                    converted, "--outdir", str(directory / form), str(source)], check=True, capture_output=True,
                   timeout=240)
    return (directory / form / f"merged.{converted}").read_bytes()


@pytest.mark.parametrize("form", ["xlsx", "xls", "ods", "et"])
def test_levels_merged_down_a_sheet_are_located_at_each_row_s_own_cell(form: str, tmp_path: Path) -> None:
    data = _saved(excel_file(_ROWS, merges=[(3, 0, 5, 0), (3, 1, 4, 1)]), form, tmp_path)
    loaded = load_bytes(data, f"merged.{form}")
    assert loaded.document is not None, loaded.problems
    places = [(i.level3, {field: (i.sources[field].row, i.sources[field].column) for field in
                          ("level1", "level2", "level3", "target")})
              for i in loaded.document.projects[0].indicators]
    assert places == [
        ("维修道路条数", {"level1": (4, 1), "level2": (4, 2), "level3": (4, 3), "target": (4, 4)}),
        ("维修道路长度", {"level1": (5, 1), "level2": (5, 2), "level3": (5, 3), "target": (5, 4)}),
        ("验收合格率", {"level1": (6, 1), "level2": (6, 2), "level3": (6, 3), "target": (6, 4)}),
        ("通行时间缩短", {"level1": (7, 1), "level2": (7, 2), "level3": (7, 3), "target": (7, 4)})]
    assert all(str(i.sources["level1"]).endswith("第1列") for i in loaded.document.projects[0].indicators)



def test_a_short_row_filled_under_a_value_written_below_its_range_s_top() -> None:
    """A range merged down column 2 from row 1 with its value written in row 3: rows 1 and 2 stopped at column 1,
    each filled up to the range's column, the cells so added located at 第R行 第2列 (they had no column)."""
    ranges = [(1, 2, 3, 2)]
    merged = MergedValues(covered_cells(ranges), "f.xlsx", "Sheet1", merged_down(ranges))
    rows = {r: [Cell(f"三级{r}", Source("f.xlsx", sheet="Sheet1", row=r, column=1))] for r in (1, 2)}
    rows[3] = [Cell("三级3", Source("f.xlsx", sheet="Sheet1", row=3, column=1)),
               Cell("数量指标", Source("f.xlsx", sheet="Sheet1", row=3, column=2))]
    for r in (1, 2, 3):
        values: list[object] = [cell.text for cell in rows[r]]
        merged.settle(r, values, list(rows[r]), lambda value, cell: str(value))
        merged.mark_down(r, rows[r], None)
    assert rows[1][1].text == "数量指标"  # (the value itself in the top row, at its own place; covered below)
    assert [(row[1].source.row, row[1].source.column) for row in rows.values()] == [(3, 2), (2, 2), (3, 2)]
