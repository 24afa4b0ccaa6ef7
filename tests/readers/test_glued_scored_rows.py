"""Glued indicator rows without a header, each closed by a number after a space: a page that starts inside a
self-evaluation's indicator rows (产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 … 合计100 …)."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.text import detect_layout, read_text
from perfbudget.readers.text_glued import scored_segments

LINE = ("产出指标数量指标足额保障率=100% 22.5 科目调整次数≤10次 22.5 时效指标按时发放率=100% 22.5 "
        "效益指标经济效益指标结余率≤5% 22.5 合计100 评价结论及时、足额缴纳。项目负责人:")


def test_rows_split_by_level_names_target_shapes_and_the_number_after_each() -> None:
    assert detect_layout(LINE) == "glued-rows"
    document, problems = read_text(LINE, "t.txt")
    assert document is not None
    (project,) = document.projects
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "足额保障率", "=100%"), ("产出指标", "数量指标", "科目调整次数", "≤10次"),
        ("产出指标", "时效指标", "按时发放率", "=100%"), ("效益指标", "经济效益指标", "结余率", "≤5%")]
    # the number is not named on the page: kept under a label saying so, never read as a score or weight
    assert all(i.extras == (("未标明列名的数值", "22.5"),) and i.score is None and i.weight is None
               for i in project.indicators)
    assert project.name == "" and project.budget.total is None
    assert any("没有指标表头" in p.message and p.severity is Severity.INFO for p in problems)


def test_a_line_that_does_not_split_everywhere_is_not_such_rows() -> None:
    assert scored_segments("产出指标数量指标足额保障率=100% 22.5 科目调整次数很多 22.5") is None
    assert scored_segments("产出指标数量指标足额保障率=100% 22.5") is None  # one row: too little to tell
    assert scored_segments("2023年 产出指标完成情况良好 100 分") is None  # no 一级 name glued to a 二级 name
