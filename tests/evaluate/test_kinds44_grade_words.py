"""大部分完成, 未按时完成 and 基本按时完成 in the one vocabulary of the grades (kinds44; kinds43's leftover).

rules.md §4 grades a qualitative row 达成 (the target met), 部分达成 (some of it met, with some effect) or 未达成.
大部分完成 (most of it done) and its kin say the target was not all met, so some of it was: 部分达成, as 未全部完成.
延期完成 (done late) says a target that asked for the work on time was met in part: 部分达成, as 未全部完成 — but not
on a 时效 row, whose aim is the deadline (kinds44's mend: a deadline missed is no part of it met), and a time target's
实际完成值 is its completion date, words grade it in no path. 未按时完成 (not done on time) says neither done late nor
not done yet: no grade, refused with its reason where the table gives no 得分 (kinds44's mend). 基本按时完成
(basically on time) lies between 达成 and 部分达成 as 基本完成 does: no grade, refused with its reason where the table
gives no 得分. All of them were no grade before: the row was refused with 须填写完成等级 and no word of why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.evaluate.vocabulary import hedged_grade, open_grade_reason, says_met, stated_grade
from tests.evaluate.test_kinds38_selfeval_edits import _evaluate
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS


@pytest.mark.parametrize("text", ["大部分完成", "已大部分完成", "绝大部分已完成", "大多数达标", "大部分实现年度目标",
                                  "延期完成", "逾期完成。"])
def test_most_of_it_and_late_are_partly_met(text: str) -> None:
    assert stated_grade(text) == "部分达成"
    assert not says_met(text)


@pytest.mark.parametrize("text", ["未按时完成", "没有按期完成", "未能如期完成", "未及时完成"])
def test_not_on_time_is_no_grade(text: str) -> None:
    assert (stated_grade(text), open_grade_reason(text)) == (None, "未说明是延期完成还是尚未完成")
    assert not says_met(text)


def _rows(level2: str, target: str, actual: str, score: str = "") -> list[list[str]]:
    second = ["产出指标", level2, "完成时间", target, actual, "20", score, ""]
    return [*map(list, HEAD), COLUMNS, *(second if k == 1 else list(row) for k, row in enumerate(INDICATORS))]


@pytest.mark.parametrize("actual", ["未按时完成", "延期完成"])
def test_a_time_targets_words_grade_nothing(actual: str, tmp_path: Path) -> None:
    # 2023年12月底前 missed: no 部分达成 at 60 % of its points (kinds44 gave it), its date asked as in a fill-in sheet
    code, out, said = _evaluate(_rows("时效指标", "2023年12月底前", actual), tmp_path)
    assert code == 1 and "部分达成" not in out
    assert "时效指标「完成时间」" in said


def test_done_late_is_partly_met_only_where_the_row_is_no_time_ones(tmp_path: Path) -> None:
    code, out, said = _evaluate(_rows("质量指标", "按规范完成", "延期完成"), tmp_path)
    assert code == 0, said
    assert "完成等级「部分达成」（取自实际完成值「延期完成」）" in out
    code, out, said = _evaluate(_rows("时效指标", "及时", "延期完成"), tmp_path)
    assert code == 1 and "部分达成" not in out
    assert "实际完成值「延期完成」是时效指标未按时完成，不是部分达成，不能据以定级" in said


def test_not_on_time_is_refused_with_its_reason_unless_scored(tmp_path: Path) -> None:
    code, _out, said = _evaluate(_rows("质量指标", "按规范完成", "未按时完成"), tmp_path)
    assert code == 1
    assert "实际完成值「未按时完成」未说明是延期完成还是尚未完成，不能据以定级" in said
    code, out, said = _evaluate(_rows("质量指标", "按规范完成", "未按时完成", "14"), tmp_path)
    assert code == 0, said
    assert "实际完成值「未按时完成」未说明是延期完成还是尚未完成，按得分 14 ÷ 分值 20 = 70.00% 所在区间定" in out


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
