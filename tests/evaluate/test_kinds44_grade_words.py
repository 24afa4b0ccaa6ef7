"""大部分完成, 未按时完成 and 基本按时完成 in the one vocabulary of the grades (kinds44; kinds43's leftover).

rules.md §4 grades a qualitative row 达成 (the target met), 部分达成 (some of it met, with some effect) or 未达成.
大部分完成 (most of it done) and its kin say the target was not all met, so some of it was: 部分达成, as 未全部完成.
未按时完成 (not done on time) and 延期完成 (done late) say a target that asked for the work on time was met in part:
部分达成, as 未全部完成 (the negation is of the manner, not of the work). 基本按时完成 (basically on time) lies between
达成 and 部分达成 as 基本完成 does: no grade, refused with its reason where the table gives no 得分. All of them were
no grade before: the row was refused with 须填写完成等级 and no word of why.
"""

from __future__ import annotations

import pytest

from perfbudget.evaluate.vocabulary import hedged_grade, says_met, stated_grade


@pytest.mark.parametrize("text", ["大部分完成", "已大部分完成", "绝大部分已完成", "大多数达标", "大部分实现年度目标",
                                  "未按时完成", "没有按期完成", "未能如期完成", "未及时完成", "延期完成", "逾期完成。"])
def test_most_of_it_and_late_are_partly_met(text: str) -> None:
    assert stated_grade(text) == "部分达成"
    assert not says_met(text)


@pytest.mark.parametrize("text", ["基本按时完成", "基本如期完成", "基本上按期完成"])
def test_basically_on_time_is_between_met_and_partly_met(text: str) -> None:
    assert stated_grade(text) is None
    assert hedged_grade(text)
    assert not says_met(text)


def test_on_time_words_and_the_words_left_open() -> None:
    # (guards: 及时完成 is met, as 按时完成 was; most of it not done, not done even late: no grade)
    assert [stated_grade(text) for text in ("及时完成", "准时完成", "按时完成")] == ["达成", "达成", "达成"]
    assert [stated_grade(text) for text in ("大部分未完成", "逾期未完成", "少部分完成")] == [None, None, None]


# The rows graded or refused in a sheet: test_kinds42_stated_grades.py's cases (大部分完成, 未按时完成, 基本按时完成).
