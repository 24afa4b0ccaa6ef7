"""What reading46 changed in the reader (tables from units the reader had not met, and last session's leftovers).

* ``①号楼改造；②号楼屋面防水``: a circled list every item of which starts with a counter (号, 栋, 期 …) numbers
  things — buildings ① and ② — and keeps its numbers; the reader cut it into 「号楼改造」 and 「号楼屋面防水」, the
  buildings lost. A list with an item starting with no counter keeps reading its numbers as marks
  (``①号召居民参与；②完成培训``, reading45).
"""

from __future__ import annotations

import pytest

from perfbudget.readers import project_fields
from tests.readers.test_reading44 import HEAD as HEAD_ROWS
from tests.readers.test_reading44 import INDICATORS as INDICATOR_ROWS
from tests.readers.test_reading44 import _project

FORMS_AND_JOINERS = [(form, "") for form in ("tabs", "pipes", "docx", "xlsx", "html")] + [
    (form, "\n") for form in ("docx", "xlsx", "html")]


@pytest.mark.parametrize(("form", "joiner"), FORMS_AND_JOINERS)
@pytest.mark.parametrize(("items", "goals"), [
    (["①号楼改造；", "②号楼屋面防水。"], ["①号楼改造", "②号楼屋面防水。"]),
    (["①号楼外墙改造；", "②栋完成验收；", "③期工程开工。"], ["①号楼外墙改造", "②栋完成验收", "③期工程开工。"]),
])
def test_a_circled_list_of_numbered_things_keeps_its_numbers(form: str, joiner: str, items: list[str],
                                                             goals: list[str]) -> None:
    """Each item a counter's (①号楼…；②号楼…): the numbers are the buildings', kept; the list still cut into its
    items (each fails on 5508b3e8: 「号楼改造」, 「号楼屋面防水。」)."""
    project = _project([*HEAD_ROWS, ["年度目标", joiner.join(items)], *INDICATOR_ROWS], form)
    one_line = not joiner or form == "html"
    assert list(project.goals) == (goals if one_line else items)  # (a line keeps its own separator)


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
def test_numbered_things_in_the_goal_row_cells_keep_their_numbers(form: str) -> None:
    """``年度目标 | ①号楼改造 | ②号楼屋面防水``: a cell an item, the numbers kept (fails on 5508b3e8)."""
    project = _project([*HEAD_ROWS, ["年度目标", "①号楼改造", "②号楼屋面防水"], *INDICATOR_ROWS], form)
    assert list(project.goals) == ["①号楼改造", "②号楼屋面防水"]


@pytest.mark.parametrize(("form", "joiner"), FORMS_AND_JOINERS)
@pytest.mark.parametrize(("items", "goals"), [
    (["①完成改造；", "②号楼屋面防水。"], ["完成改造", "号楼屋面防水。"]),
    (["①号召居民参与；", "②完成培训。"], ["号召居民参与", "完成培训。"]),
    (["①完成①号楼改造；", "②完成②号楼验收。"], ["完成①号楼改造", "完成②号楼验收。"]),
])
def test_a_list_with_an_item_of_words_reads_its_marks(form: str, joiner: str, items: list[str],
                                                      goals: list[str]) -> None:
    """An item starting with no counter: the circled numbers are the list's marks, as before (guards: pass on
    5508b3e8 too). ``②号楼屋面防水`` after ``①完成改造`` stays the second item without its number: whether ② numbers
    the building as well cannot be told (left)."""
    project = _project([*HEAD_ROWS, ["年度目标", joiner.join(items)], *INDICATOR_ROWS], form)
    one_line = not joiner or form == "html"
    assert list(project.goals) == (goals if one_line else [item[1:] for item in items])


@pytest.mark.parametrize(("paragraphs", "goals"), [
    (["①号楼改造；②号楼屋面", "③号楼粉刷"], ["①号楼改造", "②号楼屋面", "③号楼粉刷"]),
    (["①号楼改造；②号楼屋面", "③完成验收"], ["号楼改造", "号楼屋面", "完成验收"]),
    (["①号楼改造", "②号楼屋面；③完成验收"], ["号楼改造", "号楼屋面", "完成验收"]),
    (["①号楼改造", "②号楼屋面", "③完成验收"], ["号楼改造", "号楼屋面", "完成验收"]),
    (["①号楼改造", "②号楼屋面", "开展宣传"], ["①号楼改造", "②号楼屋面", "开展宣传"]),
])
def test_the_whole_list_decides(paragraphs: list[str], goals: list[str]) -> None:
    """One decision for the whole list, on one line and over paragraphs: its items before, on and after the
    paragraph (a paragraph without the list's next number ends it)."""
    assert project_fields._goals(paragraphs) == goals
