"""不达标 and 未全部完成 grade a 自评 row as the other words of the grades do (kinds43).

A qualitative 实际完成值 written 不达标 (not met) or 未全部完成 / 未完全实现 (not all of it done: some was) had no
grade: without a 得分 the row was refused (须填写完成等级), though 未达标 and 部分完成 were graded (kinds42). The rows
graded without a 得分 are test_kinds42_stated_grades.py's cases (不达标, 未全部完成 since kinds43).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.evaluate.vocabulary import stated_grade
from tests.evaluate.test_kinds38_selfeval_edits import _evaluate
from tests.evaluate.test_kinds42_stated_grades import _rows


def test_the_words_of_not_met_and_not_all_done() -> None:
    from perfbudget.evaluate.vocabulary import says_met  # (kinds43)

    words = ("不达标", "不完成", "未全部完成", "未完全实现", "尚未全部完成", "没有全部达到预期目标", "未能全部完成")
    assert [stated_grade(text) for text in words] == ["未达成", "未达成", "部分达成", "部分达成", "部分达成",
                                                      "部分达成", "部分达成"]
    assert not any(says_met(text) for text in words)
    # the review's words of "met" are the grades' 达成, and the passes of a yes-or-no target (no grade)
    assert [says_met(text) for text in ("达到预期", "达成预期指标", "已完成", "合格", "是", "明显改善")] == [
        True, True, True, True, True, False]
    assert (stated_grade("合格"), stated_grade("是")) == (None, None)
    # done beyond, ahead of time, smoothly: met (no grade until kinds43); mostly done: 部分达成 (open until kinds44);
    # not on time (done late or not yet): still open (test_kinds44_grade_words.py)
    words = ("超额完成年度任务", "已提前完成", "顺利完成", "大部分完成", "未按时完成")
    assert [stated_grade(text) for text in words] == ["达成", "达成", "达成", "部分达成", None]


# The second reading of kinds43: the words of a grade are as free on each side. 部分已完成 was 部分达成 but 已部分完成
# nothing; 均未完成 and 均未达标 (none of it done) and 不能完成, 无法完成 were no grade.
@pytest.mark.parametrize(("text", "grade"), [
    ("已部分完成", "部分达成"), ("均部分达标", "部分达成"), ("部分已完成", "部分达成"),
    ("均未完成", "未达成"), ("均未达标", "未达成"), ("全部未完成", "未达成"), ("都没有达到预期目标", "未达成"),
    ("不能完成", "未达成"), ("无法完成年度目标", "未达成"), ("无法达到", "未达成"),
    ("不能全部完成", "部分达成"), ("均未全部完成", "部分达成"), ("无法完全实现", "部分达成")])
def test_the_grades_words_with_a_manner_on_either_side(text: str, grade: str) -> None:
    from perfbudget.evaluate.vocabulary import says_met

    assert stated_grade(text) == grade
    assert not says_met(text)


@pytest.mark.parametrize("text", ["均未完成", "无法完成"])
def test_such_words_grade_no_monitoring_row(text: str) -> None:
    # (a guard, passing on the branch before the mend too: a 监控表's 1-6月执行情况 takes no grade from words)
    from tests.evaluate.test_kinds42_mends import test_a_monitoring_actual_in_such_words_gives_no_grade as monitored

    monitored(text)


def test_a_row_of_none_of_it_done_grades_without_a_score(tmp_path: Path) -> None:
    code, out, said = _evaluate(_rows("均未完成", ""), tmp_path)
    assert code == 0, said
    assert "3. 定性指标：完成等级「未达成」（取自实际完成值「均未完成」），区间为分值的 0%–60%" in out


def test_a_score_outside_the_band_of_not_all_done_is_graded_by_the_score_and_warned(tmp_path: Path) -> None:
    code, _out, said = _evaluate(_rows("未全部完成", "40"), tmp_path)
    assert code == 0, said
    assert ("警告：指标「群众出行条件」的实际完成值「未全部完成」所述完成等级「部分达成」与得分 40 ÷ 分值 40 = 100.00% "
            "所在区间的完成等级「达成」不符：按表中得分定为「达成」，请核对") in said
