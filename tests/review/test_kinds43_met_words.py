"""The review's words of "met" are the 自评's (kinds43): one vocabulary, ``evaluate.vocabulary.says_met``.

Until kinds43 the conformity rules kept a list of their own (达成, 已完成, 达到预期 …) beside the patterns the
自评 grades a qualitative row by, so an actual the 自评 graded 达成 (圆满完成, 已经完成, 如期完成) was no "met" to
the review: nothing delivered yet its quality 圆满完成 passed ``met-without-output``, and 已经完成 where no target
was set passed ``actual-not-comparable``. Words of a grade below 达成 (未全部完成, 不达标) report nothing met (guards:
the base reported nothing met for them either).
"""

from __future__ import annotations

from typing import Any

import pytest

from perfbudget.review.engine import review_document
from tests.review.test_review_self_evaluation import found, self_evaluation


@pytest.mark.parametrize("said", ["圆满完成", "已经完成", "如期完成", "完成年度任务"])
def test_nothing_delivered_yet_the_quality_met_in_the_grades_words_is_flagged(inline: Any, said: str) -> None:
    document = self_evaluation(inline, (1, None, "0次", None, None), (2, None, said, None, None))
    assert found(document, "met-without-output") == [(2, "actual")]


@pytest.mark.parametrize("said", ["未全部完成", "不达标", "部分完成"])
def test_a_grade_below_met_reports_nothing_met(inline: Any, said: str) -> None:
    # (guards: they pass on the base too, whose list of "met" held none of these words; they keep the one vocabulary
    # from taking a grade below 达成 for "met")
    document = self_evaluation(inline, (1, None, "0次", None, None), (2, None, said, None, None))
    assert found(document, "met-without-output") == []


@pytest.mark.parametrize(("said", "flagged"), [("均已完成", True), ("均未完成", False), ("已全部达标", True),
                                               ("均未全部达标", False)])
def test_the_grade_of_the_words_decides_whether_they_report_met(inline: Any, said: str, flagged: bool) -> None:
    # 均已完成 (all of it done) is "met" as the 自评 grades it, 均未完成 not (none of it): the base's list knew neither,
    # so nothing delivered yet the quality 均已完成 passed
    document = self_evaluation(inline, (1, None, "0次", None, None), (2, None, said, None, None))
    assert found(document, "met-without-output") == ([(2, "actual")] if flagged else [])


def test_met_in_the_grades_words_where_no_target_was_set_is_flagged(inline: Any) -> None:
    document = self_evaluation(inline, (5, "", "已经完成", None, None))
    (finding,) = review_document(document, only={"actual-not-comparable"}).findings
    assert (finding.indicator, finding.field) == (5, "actual")
    assert "实际完成值「已经完成」只说达成，没有实际数值" in finding.message
