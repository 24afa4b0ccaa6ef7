"""The self-evaluation rules (round 9): an actual that cannot be set against its target, and a score
that does not follow the actual. A case each must flag and a near miss, on the tiny inline table with
a self-evaluation's actual values, weights and scores put into its rows."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest

from perfbudget.model import Document
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target
from tests.review.review_helpers import GOOD_ROWS, read

# (position, target, actual, weight, score); None leaves the table's own value
Filled = tuple[int, str | None, str, str | None, str | None]


def self_evaluation(inline: Any, *rows: Filled) -> Document:
    """GOOD_ROWS as a self-evaluation, the given rows filled in (the others have no actual)."""
    document = read(GOOD_ROWS, None, inline)
    project = document.projects[0]
    indicators = list(project.indicators)
    for position, target, actual, weight, score in rows:
        indicator = indicators[position - 1]
        if target is not None:
            indicator = replace(indicator, target=parse_target(target, indicator.level3))
        indicators[position - 1] = replace(indicator, actual=actual,
                                           weight=Decimal(weight) if weight else None,
                                           score=Decimal(score) if score else None)
    return replace(document, kind="self-evaluation", projects=(replace(project, indicators=tuple(indicators)),))


def found(document: Document, rule_id: str) -> list[tuple[int | None, str | None]]:
    return [(f.indicator, f.field) for f in review_document(document, only={rule_id}).findings]


FLAG: list[tuple[str, str, list[Filled], list[tuple[int | None, str | None]]]] = [
    ("target-set-low", "a count done 2.5 times its floor (隆阳 105 of ≥60)", [(1, None, "30次", None, None)],
     [(1, "target")]),
    ("actual-not-comparable", "a count against a share (蔡甸)", [(2, "100%", "1000件", None, None)], [(2, "actual")]),
    ("actual-not-comparable", "a share against a count", [(1, None, "100%", None, None)], [(1, "actual")]),
    ("actual-not-comparable", "phrases in place of figures, once at the first (蔡甸)",
     [(2, None, "达成预期指标", None, None), (3, None, "达成预期指标", None, None),
      (5, None, "已完成", None, None)], [(2, "actual")]),
    ("actual-not-comparable", "actuals copying the targets' comparators, once at the first (休宁, 南华)",
     [(2, None, "≥95%", None, None), (6, None, "≥96%", None, None)], [(2, "actual")]),
    ("score-vs-actual", "met, yet marked down (新洲)", [(4, "2万元", "2万元", "20", "18")], [(4, "score")]),
    # round 17 (休宁): nothing built, yet the quality and the completion reported met
    ("met-without-output", "nothing delivered, the quality met (休宁)",
     [(1, None, "0次", None, None), (2, None, "97%", None, None)], [(2, "actual")]),
    ("met-without-output", "nothing delivered, the start of the quality's words (休宁's 一次性)",
     [(1, None, "0", None, None), (2, "一次性通过验收", "一次性", None, None)], [(2, "actual")]),
    ("score-vs-actual", "missed, yet full marks (濉溪)", [(1, ">=4754人", "4604人", "5", "5")], [(1, "score")]),
    ("score-vs-actual", "over a ceiling, yet full marks (濉溪)", [(4, "<=5300元/户", "5830元/户", "10", "10")],
     [(4, "score")]),
    # round 10: no comparator, the name says which way (西部科学城 部门整体)
    ("score-vs-actual", "a rate of things done, no comparator", [(2, "95%", "90%", "10", "10")], [(2, "score")]),
    ("score-vs-actual", "a count delivered, no comparator", [(1, "12次", "10次", "10", "10")], [(1, "score")]),
    # round 12: a cost without a comparator is a ceiling; within it, marked down by the execution (原州)
    ("score-vs-actual", "a cost within its amount, marked down", [(4, "38.75万元", "36.2万元", "10", "9.34")],
     [(4, "score")]),
]

NEAR_MISS: list[tuple[str, str, list[Filled]]] = [
    ("target-set-low", "an ordinary overshoot", [(1, None, "15次", None, None)]),
    ("actual-not-comparable", "a share against a share", [(2, None, "97%", None, None)]),
    ("actual-not-comparable", "a count against a count", [(1, None, "14次", None, None)]),
    ("actual-not-comparable", "none happened against a target of none", [(5, "0起", "无", None, None)]),
    ("actual-not-comparable", "a qualitative target met in words", [(5, "合格", "合格", None, None)]),
    ("actual-not-comparable", "a bare number", [(2, None, "97", None, None)]),
    ("actual-not-comparable", "an actual written with =", [(2, None, "=97%", None, None)]),
    ("met-without-output", "something delivered", [(1, None, "10次", None, None), (2, None, "97%", None, None)]),
    ("met-without-output", "nothing delivered, the quality reported missed",
     [(1, None, "0次", None, None), (2, None, "0%", None, None)]),
    ("met-without-output", "nothing delivered, a time of no completion", [(1, None, "0次", None, None),
                                                                          (3, None, "1小时", None, None)]),
    ("met-without-output", "a target of none met with none", [(1, "0次", "0次", None, None),
                                                              (2, None, "97%", None, None)]),
    ("score-vs-actual", "met and full marks", [(1, None, "14次", "10", "10")]),
    ("score-vs-actual", "missed and marked down", [(1, None, "10次", "10", "8")]),
    ("score-vs-actual", "no comparator, a name that does not say which way", [(5, "360天", "350天", "10", "10")]),
    ("score-vs-actual", "no comparator, a count met", [(1, "12次", "14次", "10", "10")]),
    ("score-vs-actual", "no score given", [(1, None, "10次", "10", None)]),
    ("score-vs-actual", "a cost within its amount, full marks", [(4, "38.75万元", "36.2万元", "10", "10")]),
    ("score-vs-actual", "a cost over its amount, marked down", [(4, "38.75万元", "40万元", "10", "9")]),
]


@pytest.mark.parametrize(("rule_id", "case", "rows", "expected"), FLAG, ids=[f"{c[0]}:{c[1]}" for c in FLAG])
def test_self_evaluation_rule_flags(inline: Any, rule_id: str, case: str, rows: list[Filled],
                                    expected: list[tuple[int | None, str | None]]) -> None:
    assert found(self_evaluation(inline, *rows), rule_id) == expected


@pytest.mark.parametrize(("rule_id", "case", "rows"), NEAR_MISS, ids=[f"{c[0]}:{c[1]}" for c in NEAR_MISS])
def test_self_evaluation_rule_near_miss(inline: Any, rule_id: str, case: str, rows: list[Filled]) -> None:
    assert found(self_evaluation(inline, *rows), rule_id) == []


def test_a_target_table_is_left_alone(inline: Any) -> None:
    document = read(GOOD_ROWS, None, inline)
    assert found(document, "actual-not-comparable") == found(document, "score-vs-actual") == []


def test_the_messages_say_what_to_write(inline: Any) -> None:
    document = self_evaluation(inline, (2, None, "达成预期指标", None, None), (3, None, "达成预期指标", None, None))
    (finding,) = review_document(document, only={"actual-not-comparable"}).findings
    assert "不是数值" in finding.message and "第3个" in finding.message and "填写实际达到的数值" in finding.suggestion
    document = self_evaluation(inline, (1, None, "0次", None, None), (2, None, "97%", None, None))
    (finding,) = review_document(document, only={"met-without-output"}).findings
    assert "「视频会议保障数量」实际完成「0次」" in finding.message and "前后矛盾" in finding.message
    assert "「网络连通率」的实际完成值却填「97%」" in finding.message and "未完成" in finding.suggestion
    document = self_evaluation(inline, (2, None, "≥95%", None, None))
    (finding,) = review_document(document, only={"actual-not-comparable"}).findings
    assert "照抄了指标值" in finding.message and "不带「≥」「≤」" in finding.suggestion
    document = self_evaluation(inline, (4, "2万元", "2万元", "20", "18"))
    (finding,) = review_document(document, only={"score-vs-actual"}).findings
    assert "得分却只有18分（分值20分）" in finding.message and "满分" in finding.suggestion
