"""Layouts of real published tables that a review on real documents found misread (one test per fault),
each on a tiny hand-built document showing the layout."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.text import read_text


def _pipe_rows(rows: list[list[str]]) -> str:
    return "\n".join(" | ".join(row) + " |" for row in rows) + "\n"


INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "补助面积", "20亩", "20亩", "50", "50"],
    ["效益指标", "社会效益指标", "受益人口数量", "90人", "90人", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", "10", "10"],
]


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_goal_grid_row_without_its_merged_label_cell() -> None:
    # 年度总体目标 | 年初设定目标 | 完成情况综述, then the goals row without the merged label cell
    for expected_label in ("年初设定目标", "预期目标"):
        text = _pipe_rows([
            ["项目名称", "特色种养补贴项目"],
            ["年度总体目标", expected_label, "年度总体目标完成情况综述"],
            ["落实39户奖补政策", "已落实39户"],
            *INDICATORS,
        ])
        document, problems = read_text(text, "t.txt")
        assert document is not None and not _errors(problems)
        project = document.projects[0]
        assert project.goals == ("落实39户奖补政策",)
        assert ("年度总体目标完成情况综述", "已落实39户") in project.extras


def test_goal_grid_headed_by_main_goals_and_results() -> None:
    text = _pipe_rows([
        ["项目名称", "加工园配套设施"],
        ["年度主要目标和成果", "预期目标", "实际完成情况"],
        ["新建晾晒房一座", "已建成"],
        *INDICATORS,
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    assert document.projects[0].goals == ("新建晾晒房一座",)
    assert ("实际完成情况", "已建成") in document.projects[0].extras
