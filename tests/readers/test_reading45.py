"""What reading45 changed: the goal cell's cost won back, and tables from units the reader had not met.

* ``①完成②号楼改造``: a circled number before 号, 栋 or 幢 numbers a thing, no list's item.
* The goals of a cell: most paragraphs start with no list mark's character, or with ``1.`` and hold no ``2`` after
  it; both are told by ``str`` tests, without ``goal_lines.list_mark``'s pattern (reading44's parse of each goal
  paragraph's first mark cost the text reader +2.8 % instructions a table).
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from perfbudget.load import load_bytes
from perfbudget.model import Project, Severity
from perfbudget.readers import goal_lines, project_fields
from perfbudget.readers.goal_lines import ListMark, list_mark
from tests.readers.test_reading44 import HEAD as HEAD_ROWS
from tests.readers.test_reading44 import INDICATORS as INDICATOR_ROWS
from tests.readers.test_reading44 import _project

HEAD = "项目名称\t社区服务经费\n主管部门\t某区民政局\n年度资金总额\t10\n"
INDICATORS = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t服务活动次数\t≥12次\n"


def _read(text: str) -> Project:
    read = load_bytes(text.encode("utf-8"), "表.txt")
    assert read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    return project


@pytest.mark.parametrize(("goal", "read"), [
    ("1.开展社区服务活动12次，全年无安全事故。", "开展社区服务活动12次，全年无安全事故。"),
    ("1、开展社区服务活动12次。", "开展社区服务活动12次。"),
    ("1）开展社区服务活动12次。", "开展社区服务活动12次。"),
    ("全年开展社区服务活动12次。", "全年开展社区服务活动12次。"),
    ("目前已开展社区服务活动12次。", "目前已开展社区服务活动12次。"),  # 目, 任, 指: a mark's word, no goal's mark
    ("指导社区开展服务活动12次。", "指导社区开展服务活动12次。"),
    ("任务完成率达到100%。", "任务完成率达到100%。"),
])
def test_a_lone_goal_parses_no_list_mark(goal: str, read: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A goal starting with no mark's character, or ``1.`` with no ``2`` after it, is read without the list
    parser (each cost one ``list_mark`` before reading45; 目前, 指导, 任务 until its second reading)."""
    parsed: list[int] = []

    def counted(text: str, at: int = 0) -> ListMark | None:
        parsed.append(at)
        return list_mark(text, at)

    monkeypatch.setattr(project_fields, "list_mark", counted)
    project = _read(f"2024年项目支出绩效目标表\n{HEAD}年度目标\t{goal}\n{INDICATORS}")
    assert list(project.goals) == [read]
    assert parsed == []


# the pieces goal paragraphs are made of: digits (full-width too), every list mark's closer and opener, circled
# numbers, the white space a paragraph holds, dates, amounts, counters after a number, words and item ends; and
# whole marks, which a paragraph often starts with
MARKS = ["1.", "2.", "3.", "1．", "2．", "1、", "2、", "1)", "2)", "1）", "2）", "（1）", "（2）", "(2)", "1：",
         "①", "②", "③", "目标1：", "目标2："]
PIECES = [*"0123456789", "１", "２", *goal_lines.CLOSERS, *goal_lines.OPENERS, "①", "②", "③", "⑳",
          " ", "\t", "\u3000", "2024年", "10月", "1月", "2.5万元", "万元", "号召", "号楼", "期工程", "户", "类", "栋",
          "开展活动", "验收", "目标", "任务", "；", "。", "，", "、", ";", ",", *MARKS]
# a paragraph: items each after an end (or none) and a mark (or none), their words made of the pieces
ITEM = st.tuples(st.sampled_from(["", " ", "；", "，", "、", "\u3000"]), st.sampled_from(["", *MARKS]),
                 st.lists(st.sampled_from(PIECES), max_size=5))
PARAGRAPHS = st.lists(ITEM, min_size=1, max_size=4).map(
    lambda items: "".join(end + mark + "".join(words) for end, mark, words in items).strip())


def _kept(items: list[str]) -> list[str]:
    return [goal for item in items if (goal := item.strip())]


@example("1.开展活动", "2.验收合格")
@example("1.开展活动12次", "2.验收")
@example("1.5万元用于维修", "2.验收")
@example("（1）开展活动", "（2）验收")
@example("全年开展活动", "2.验收")
@example("①号召居民参与", "②完成培训")
@example("1.", "3.验收")
@settings(max_examples=1000)  # (a wrong shortcut shows in a few hundred)
@given(PARAGRAPHS, PARAGRAPHS)  # (an empty paragraph too)
def test_the_goal_shortcuts_read_as_the_list_parser(first: str, second: str) -> None:
    """What ``_goals`` makes of one paragraph, and of two (the list going on from the first), is what
    ``_goal_items`` makes of them, the goals stripped and none empty: its ``str`` shortcuts change nothing."""
    items, _last, _things = project_fields._goal_items([first], 0, None)
    assert project_fields._goals([first]) == _kept(items)
    items, last, things = project_fields._goal_items([first, second], 0, None)
    more, _, _ = project_fields._goal_items([first, second], 1, last, things)
    assert project_fields._goals([first, second]) == _kept(items) + _kept(more)


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
@pytest.mark.parametrize(("cell", "goals"), [
    ("①完成②号楼改造。", ["完成②号楼改造。"]),                       # a building's number, no next item
    ("①完成②号楼改造；②完成③栋验收。", ["完成②号楼改造", "完成③栋验收。"]),  # the real ② after it
    ("①号楼外墙改造。", ["①号楼外墙改造。"]),                           # no list at all
    ("①完成改造；②验收合格。", ["完成改造", "验收合格。"]),              # a list as before
])
def test_a_circled_number_of_a_building_is_no_list_mark(form: str, cell: str, goals: list[str]) -> None:
    """``①完成②号楼改造``: ② before 号 (栋, 幢) numbers a thing, the goal's words; it was cut there as the list's
    next item (reading44's leftover)."""
    project = _project([*HEAD_ROWS, ["年度目标", cell], *INDICATOR_ROWS], form)
    assert list(project.goals) == goals


FORMS_AND_JOINERS = [(form, "") for form in ("tabs", "pipes", "docx", "xlsx", "html")] + [
    (form, "\n") for form in ("docx", "xlsx", "html")]


@pytest.mark.parametrize(("form", "joiner"), FORMS_AND_JOINERS)
@pytest.mark.parametrize(("items", "goals"), [
    (["①号召居民参与；", "②完成培训。"], ["号召居民参与", "完成培训。"]),
    (["①开展宣传；", "②号召居民参与。"], ["开展宣传", "号召居民参与。"]),
    (["①号召群众参与；", "②号召企业捐赠；", "③完成验收。"], ["号召群众参与", "号召企业捐赠", "完成验收。"]),
])
def test_a_goal_starting_with_a_counter_word_is_a_list_item(form: str, joiner: str, items: list[str],
                                                            goals: list[str]) -> None:
    """``①号召…；②…``: 号召 starts an item; a ``②`` after an item's end is the list's mark, and ``①号…`` is one where
    the list goes on (reading45's first commit kept ``①号召…；②…`` one goal with its ①, or lost ``②号召…``)."""
    project = _project([*HEAD_ROWS, ["年度目标", joiner.join(items)], *INDICATOR_ROWS], form)
    one_line = not joiner or form == "html"
    assert list(project.goals) == (goals if one_line else [item.removeprefix(item[0]) for item in items])


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
@pytest.mark.parametrize(("cells", "goals"), [
    (["①号召居民参与", "②完成培训"], ["号召居民参与", "完成培训"]),
    (["①开展宣传", "②号召居民参与"], ["开展宣传", "号召居民参与"]),
])
def test_a_circled_list_in_row_cells_starting_with_a_counter_word(form: str, cells: list[str],
                                                                  goals: list[str]) -> None:
    """``年度目标 | ①号召… | ②…``: each cell a goal (the second cell was lost, or the first kept its ①)."""
    project = _project([*HEAD_ROWS, ["年度目标", *cells], *INDICATOR_ROWS], form)
    assert list(project.goals) == goals


@pytest.mark.parametrize(("paragraphs", "goals"), [
    (["①完成②期工程；②完成验收"], ["完成②期工程", "完成验收"]),
    (["①走访困难家庭；②慰问③户孤寡老人；③完成回访"], ["走访困难家庭", "慰问③户孤寡老人", "完成回访"]),
    (["①整治②类隐患；②完成验收"], ["整治②类隐患", "完成验收"]),
    (["①开展宣传②号召居民参与"], ["开展宣传②号召居民参与"]),  # glued before a counter: a thing's number
    (["①开展宣传 ②号召居民参与"], ["开展宣传", "号召居民参与"]),  # after a space: the mark
    (["①开展宣传②验收合格"], ["开展宣传", "验收合格"]),  # glued before no counter: the mark, as before
    (["①号楼改造"], ["①号楼改造"]), (["②号楼改造"], ["②号楼改造"]),  # no list goes on: a thing's number
    # the list goes on in the next paragraph, every item a counter's: the buildings' numbers kept (reading46)
    (["①号楼改造", "②号楼改造"], ["①号楼改造", "②号楼改造"]),
    (["①号楼改造", "②完成验收"], ["号楼改造", "完成验收"]),  # an item without a counter: the list's marks
])
def test_a_glued_circled_number_before_a_counter_numbers_a_thing(paragraphs: list[str], goals: list[str]) -> None:
    """A ``②`` glued to the text before it numbers a thing when a counter follows it (②期, ③户, ②类, ②号), never
    the list's next item; after an item's end it is the mark."""
    assert project_fields._goals(paragraphs) == goals


def test_the_first_marks_are_list_marks() -> None:
    """The shortcut's first marks are what ``_goal_mark`` parses (built from it: they cannot drift), and every
    closer after ``1`` that makes a goal's mark is one of them."""
    for closer in "".join(goal_lines.CLOSERS):
        mark = project_fields._goal_mark("1" + closer + "开展活动")
        assert project_fields._FIRST_MARKS.get(closer) == mark
    assert set(project_fields._FIRST_MARKS) == {".", "．", "、", ")", "）"}


@pytest.mark.parametrize(("paragraphs", "goals"), [
    ([""], []), (["", "1.开展活动"], ["开展活动"]), (["1.开展活动", "", "2.验收"], ["开展活动", "验收"]),
    (["全年无事故", ""], ["全年无事故"]),
])
def test_an_empty_paragraph_is_no_goal(paragraphs: list[str], goals: list[str]) -> None:
    """``_goals`` reads an empty paragraph as ``_goal_items`` does, no goal (``_paragraphs`` gives none; the first
    reading took its first character and failed)."""
    assert project_fields._goals(paragraphs) == goals
