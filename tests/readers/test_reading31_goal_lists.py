"""A goals grid one cell a line whose expected column is a numbered list and whose result column is the same
list again (目标1:… 目标2:…, then 目标1完成情况:… 目标2完成情况:…; Fujian's 部门整体 自评表 as `103` holds it):
until reading31 the second item of the first list, taken slot by slot for the first goal's result, put every
text back among the table's unlabelled texts. Each list is now its column's: the goals, then the results under
the column's label."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

HEAD = ["2023年度项目支出绩效自评表", "项目名称", "乡村道路养护", "主管部门", "某县交通运输局", "年度资金总额", "50",
        "年度总体目标", "预期目标", "实际完成情况"]
INDICATORS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
              "产出指标", "数量指标", "养护道路里程", "≥20公里", "20公里"]


def _project(goal_lines: list[str], between: str = "\n"):  # type: ignore[no-untyped-def]
    text = between.join([*HEAD, *goal_lines, *INDICATORS]) + "\n"
    result = load_bytes(text.encode(), "自评表.txt")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None
    return result.document.projects[0]


@pytest.mark.parametrize("between", ["\n", "\n\n"])  # one cell a line, one cell a paragraph
def test_the_expected_list_then_the_results_list_are_each_their_columns(between: str) -> None:
    project = _project(["目标1:完成道路养护20公里;", "目标2:保障道路安全畅通。",
                        "目标1完成情况:完成养护20公里", "目标2完成情况:全年无安全事故"], between)
    assert project.goals == ("目标1:完成道路养护20公里;", "目标2:保障道路安全畅通。")
    assert [(label, text) for label, text in project.extras if "目标" in text] == [
        ("实际完成情况", "目标1完成情况:完成养护20公里"), ("实际完成情况", "目标2完成情况:全年无安全事故")]
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("养护道路里程", "≥20公里")]


def test_one_list_of_four_goals_is_not_split_into_goals_and_results() -> None:
    # numbered 1 to 4 without starting again: nothing says which are results; kept as the table's texts, as before
    lines = ["目标1:甲", "目标2:乙", "目标3:丙", "目标4:丁"]
    project = _project(lines)
    assert project.goals == ()
    assert [text for label, text in project.extras if label == "" and text in lines] == lines


def test_a_goal_and_its_result_one_each_stay_as_they_were() -> None:
    project = _project(["目标1:完成道路养护20公里;", "目标1完成情况:完成养护20公里"])
    assert project.goals == ("目标1:完成道路养护20公里;",)
    assert ("实际完成情况", "目标1完成情况:完成养护20公里") in project.extras
