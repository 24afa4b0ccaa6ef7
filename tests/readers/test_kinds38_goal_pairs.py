"""A 自评表's 年度总体目标 and its 实际完成情况 side by side as label–value pairs (kinds38):
``年度总体目标 | 目标 | 实际完成情况 | 结果`` on one row, or ``实际完成情况 | 结果`` on a row of its own under the
goal's, read the goal but kept its result as two unlabelled cells — ``evaluate`` printed no 年度总体目标完成情况,
without a word. The result is kept under its label now, as the goals grid (年度总体目标 | 预期目标 | 实际完成情况
over the texts) keeps it."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from tests.readers.word_tables import form_file

TITLES = {"部门": [["部门（单位）整体支出绩效自评表"], ["（2023年度）"], ["部门（单位）名称", "某县民政局"],
                   ["年度主要任务", "任务名称", "主要内容", "预算数", "执行数"],
                   ["", "低保发放", "按月发放城乡低保", "800", "790"], ["金额合计", "", "", "800", "790"]],
          "项目": [["项目支出绩效自评表"], ["（2023年度）"], ["项目名称", "低保发放"], ["主管部门", "某县民政局"]]}
INDICATORS = [["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
              ["", "产出指标", "数量指标", "低保对象人数", "≥5000人", "5120人", "90", "90"]]
GOALS = {"one row": [["年度总体目标", "保障困难群众基本生活", "实际完成情况", "已按时足额发放"]],
         "two rows": [["年度总体目标", "保障困难群众基本生活"], ["实际完成情况", "已按时足额发放"]]}


@pytest.mark.parametrize("kind", TITLES)
@pytest.mark.parametrize("goals", GOALS)
@pytest.mark.parametrize("form", ["tabs", "pipes", "lines", "docx"])
def test_the_goals_result_beside_it_is_kept_under_its_label(kind: str, goals: str, form: str) -> None:
    data, name = form_file([*TITLES[kind], *GOALS[goals], *INDICATORS], [], form, "自评表")
    (project,) = load_bytes(data, name).document.projects
    assert project.goals == ("保障困难群众基本生活",)  # one cell a line, the label and result were goals too
    assert ("实际完成情况", "已按时足额发放") in project.extras
    assert ("", "实际完成情况") not in project.extras


def test_a_label_after_the_result_label_is_not_taken_for_it() -> None:
    """Guard: 实际完成情况 followed by another label (the grid's head read as pairs) takes nothing."""
    rows = [*TITLES["项目"], ["年度总体目标", "保障困难群众基本生活", "实际完成情况", "预期目标"], *INDICATORS]
    data, name = form_file(rows, [], "tabs", "自评表")
    (project,) = load_bytes(data, name).document.projects
    assert ("实际完成情况", "预期目标") not in project.extras
