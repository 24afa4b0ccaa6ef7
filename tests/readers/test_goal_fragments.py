"""Cells that stand where a goal does but are none: a score note after 年度绩效目标 (``(80分)``) and one
character of a label written vertically (``绩`` of 绩效指标, one character a line). They are kept as extras,
not read as goals; a one-character goal that is no label's first character (``无``) stays a goal."""

from __future__ import annotations

from perfbudget.readers.header_block import is_fragment
from perfbudget.readers.text import read_text

INDICATORS = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n产出指标 | 数量指标 | 新建道路 | 2km |\n"


def _project(text: str):  # type: ignore[no-untyped-def]
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    return project


def test_a_score_note_after_the_goals_label_is_kept_as_an_extra() -> None:
    project = _project("项目名称 | 果园路 |\n预算数 | 20 |\n年度绩效目标 | (80分) |\n" + INDICATORS)
    assert project.goals == ()
    assert ("年度绩效目标", "(80分)") in project.extras


def test_one_character_of_a_vertical_label_is_not_a_goal() -> None:
    project = _project("项目名称 | 果园路 |\n预算数 | 20 |\n年度目标 | 建设果园路2公里 |\n绩 |\n" + INDICATORS)
    assert project.goals == ("建设果园路2公里",)
    assert ("", "绩") in project.extras


def test_what_is_a_fragment() -> None:
    assert is_fragment("(80分)") and is_fragment("（20 分）") and is_fragment("绩") and is_fragment("项")
    assert not is_fragment("无") and not is_fragment("80分") and not is_fragment("完成道路建设")
