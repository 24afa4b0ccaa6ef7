"""An Excel sheet's title over rows of its own: the title row and the year note under it (（2024年度）) make
the table's heading together, so a table without 项目名称 takes its name and year from the whole title."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from tests.readers.word_tables import excel_file


def test_title_and_year_note_rows_make_one_heading() -> None:
    data = excel_file([["校舍维修项目绩效目标表"], ["（2024年度）"], ["预算数", 30],
                   ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "维修面积", "≥800平方米"]])
    loaded = load_bytes(data, "t.xlsx")
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    assert project.title == "校舍维修项目绩效目标表（2024年度）"
    assert (project.name, project.fund_year, project.budget.total) == ("校舍维修项目", 2024, Decimal("30"))
