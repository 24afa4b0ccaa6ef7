"""Every value keeps its own cell's location, in every sheet form (forms47, FAILURES.md section DG).

The sheet readers (.xlsx, and .xls, .ods, .et through the same rows) shared one blank cell a row located by its row
alone, so a 一级 or 二级 name merged down its run (a merged range, the name in its top-left cell) was located, in the
rows under its top, at 「第9行」 with no column, where Word's ``w:vMerge`` and HTML's ``rowspan`` give the covered
cell's own place (第9行 第1列). Each empty cell is now located at its own place. Fails on d34ad5c6's ``src``."""

from __future__ import annotations

from perfbudget.load import load_bytes
from tests.readers.word_tables import excel_file

_ROWS = [["项目支出绩效目标表（2024年度）"], ["项目名称", "道路维修", None, None],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "维修道路条数", "12条"], [None, None, "维修道路长度", "≥5公里"],
         [None, "质量指标", "验收合格率", "100%"], ["效益指标", "社会效益指标", "通行时间缩短", "≥95%"]]


def test_levels_merged_down_a_sheet_are_located_at_each_row_s_own_cell() -> None:
    data = excel_file(_ROWS, merges=[(3, 0, 5, 0), (3, 1, 4, 1)])
    loaded = load_bytes(data, "merged.xlsx")
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

