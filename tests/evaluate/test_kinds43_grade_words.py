"""不达标 and 未全部完成 grade a 自评 row as the other words of the grades do (kinds43).

A qualitative 实际完成值 written 不达标 (not met) or 未全部完成 / 未完全实现 (not all of it done: some was) had no
grade: without a 得分 the row was refused (须填写完成等级), though 未达标 and 部分完成 were graded (kinds42). The rows
graded without a 得分 are test_kinds42_stated_grades.py's cases (不达标, 未全部完成 since kinds43).
"""

from __future__ import annotations

from pathlib import Path

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
    # done beyond, ahead of time, smoothly: met (no grade until kinds43); mostly done, done late: left open
    words = ("超额完成年度任务", "已提前完成", "顺利完成", "大部分完成", "未按时完成")
    assert [stated_grade(text) for text in words] == ["达成", "达成", "达成", None, None]


def test_a_score_outside_the_band_of_not_all_done_is_graded_by_the_score_and_warned(tmp_path: Path) -> None:
    code, _out, said = _evaluate(_rows("未全部完成", "40"), tmp_path)
    assert code == 0, said
    assert ("警告：指标「群众出行条件」的实际完成值「未全部完成」所述完成等级「部分达成」与得分 40 ÷ 分值 40 = 100.00% "
            "所在区间的完成等级「达成」不符：按表中得分定为「达成」，请核对") in said
