"""A 自评表's qualitative row graded as rules.md §4 says, and the explanation saying how (kinds42).

A qualitative target (达标, 有效改善) whose 实际完成值 states its grade in words — 已完成, 部分完成,
未达标 — is that grade: without a 得分 it takes the band's lower bound (it was refused: 须填写完成等级),
and a 得分 outside the band grades the row by its own band, warned (部分完成 at full points passed
as 达成 without a word; test_kinds42_mends.py).
A grade found from the table's 得分 ÷ 分值 says so (the explanation named a 完成等级 the table
never wrote), and 基本达标 — between 达成 and 部分达成 — is graded by its 得分, or refused with its
reason where the table gives none.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.evaluate.test_kinds38_selfeval_edits import _evaluate
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS


def _rows(actual: str, score: str) -> list[list[str]]:
    third = ["效益指标", "社会效益指标", "群众出行条件", "达标", actual, "40", score, ""]
    return [*map(list, HEAD), COLUMNS, *(third if k == 2 else list(row) for k, row in enumerate(INDICATORS))]


@pytest.mark.parametrize(("actual", "line"), [
    ("部分完成", "3. 定性指标：完成等级「部分达成」（取自实际完成值「部分完成」），区间为分值的 60%–80%"
                 "（24.00–32.00 分），未给分，取区间下限 24.00"),
    ("未达标。", "3. 定性指标：完成等级「未达成」（取自实际完成值「未达标。」），区间为分值的 0%–60%"
                "（0.00–24.00 分），未给分，取区间下限 0.00"),
    ("已全部完成", "3. 定性指标：完成等级「达成」（取自实际完成值「已全部完成」），区间为分值的 80%–100%"
                  "（32.00–40.00 分），未给分，取区间下限 32.00"),
    # kinds43: 不达标 and 未全部完成 (not all of it done) were no grade, refused
    ("不达标", "3. 定性指标：完成等级「未达成」（取自实际完成值「不达标」），区间为分值的 0%–60%"
              "（0.00–24.00 分），未给分，取区间下限 0.00"),
    ("未全部完成", "3. 定性指标：完成等级「部分达成」（取自实际完成值「未全部完成」），区间为分值的 60%–80%"
                  "（24.00–32.00 分），未给分，取区间下限 24.00"),
    # kinds44: most of it done, done late (test_kinds44_grade_words.py)
    *((actual, f"3. 定性指标：完成等级「部分达成」（取自实际完成值「{actual}」），区间为分值的 60%–80%"
               "（24.00–32.00 分），未给分，取区间下限 24.00") for actual in ("大部分完成", "延期完成"))])
def test_words_that_state_the_grade_grade_a_row_without_a_score(actual: str, line: str, tmp_path: Path) -> None:
    code, out, said = _evaluate(_rows(actual, ""), tmp_path)
    assert code == 0, said
    assert line in out


def test_a_score_inside_the_band_the_words_state_is_the_evaluators(tmp_path: Path) -> None:
    code, out, said = _evaluate(_rows("部分完成", "30"), tmp_path)
    assert code == 0, said
    assert ("完成等级「部分达成」（取自实际完成值「部分完成」），区间为分值的 60%–80%（24.00–32.00 分），"
            "评价人给分 30.00") in out


@pytest.mark.parametrize(("actual", "why"), [
    ("基本达标", "（实际完成值「基本达标」介于达成与部分达成之间，按得分 38 ÷ 分值 40 = 95.00% 所在区间定）"),
    ("明显改善", "")])
def test_a_grade_found_from_the_score_says_so(actual: str, why: str, tmp_path: Path) -> None:
    """A grade the words leave open says why it was taken from the score, with the figures; the usual row, whose
    words state no grade, says nothing more than its band and 评价人给分 (a self-evaluation's notes print on the
    form's page, print28)."""
    code, out, said = _evaluate(_rows(actual, "38"), tmp_path)
    assert code == 0, said
    assert (f"3. 定性指标：完成等级「达成」{why}，区间为分值的 80%–100%"
            "（32.00–40.00 分），评价人给分 38.00") in out


@pytest.mark.parametrize("actual", ["基本达标", "基本按时完成"])  # (基本按时完成: kinds44, no reason given before)
def test_basically_met_without_a_score_is_refused_with_its_reason(actual: str, tmp_path: Path) -> None:
    code, _out, said = _evaluate(_rows(actual, ""), tmp_path)
    assert code == 1
    assert (f"错误：定性指标「群众出行条件」须填写完成等级（达成、部分达成 或 未达成）：实际完成值「{actual}」"
            "介于达成与部分达成之间，不能据以定级") in said


def test_the_words_of_the_grades() -> None:
    from perfbudget.evaluate.vocabulary import hedged_grade, parse_grade, stated_grade

    assert [stated_grade(text) for text in ("已完成", "达到预期目标", "全部达标", "按期完成", "部分实现", "未能完成",
                                            "没有达到年度指标", "明显改善", "有效提升", "基本完成", "完成率95%")] == [
        "达成", "达成", "达成", "达成", "部分达成", "未达成", "未达成", None, None, None, None]
    hedged = [hedged_grade(text) for text in ("基本完成", "已基本达标", "基本上实现", "部分完成")]
    assert hedged == [True, True, True, False]
    # a fill-in sheet's 完成等级 must name a grade: such words are not one (a 监控表's 尚未完成 is not done yet)
    assert (parse_grade("部分完成"), parse_grade("已完成"), parse_grade("基本达标")) == (None, None, None)
