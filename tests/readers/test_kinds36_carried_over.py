"""A 自评表's funds grid with its 上年结转资金 row filled (kinds36): 年度资金总额 100 = 其中：当年财政拨款 90 +
上年结转资金 10 + 其他资金 0. The budget has fields for 财政资金 and 其他资金 only, so the reader warned 预算数100不等于
财政资金90与其他资金0之和90 and the review's ``fund-arithmetic`` made it an error — for a table whose figures add up.
Where one of the 上年结转资金 row's amounts makes the sum, neither says anything; where none does, both still do."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from perfbudget.review.engine import review_document
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS, _read

FUNDS = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额", "80", "100", "90", "10", "90%", "9"],
         ["其中：当年财政拨款", "70", "90", "80", "—", "88.89%", "—"],
         ["上年结转资金", "10", "10", "10", "—", "100%", "—"],
         ["其他资金", "0", "0", "0", "—", "—", "—"]]


def _rows(carried: str) -> list[list[str]]:
    funds = [*FUNDS[:3], ["上年结转资金", "10", carried, "10", "—", "100%", "—"], FUNDS[4]]
    return [*HEAD[:3], *funds, COLUMNS, *INDICATORS]


def _fund_findings(rows: list[list[str]]) -> list[str]:
    text = "\n".join(" | ".join(cell for cell in row if cell) for row in rows) + "\n"
    document = load_bytes(text.encode(), "自评表.txt").document
    assert document is not None
    return [f.message for f in review_document(document, only={"fund-arithmetic"}).findings]


@pytest.mark.parametrize("separator", ["\t", " | ", "\n"])
def test_a_carried_over_row_that_makes_the_sum_is_no_disagreement(separator: str) -> None:
    document, problems = _read(_rows("10"), separator)
    budget = document.projects[0].budget
    assert (budget.total, budget.fiscal, budget.other) == (100, 90, 0)
    assert not [p for p in problems if "不等于财政资金" in p], problems
    assert _fund_findings(_rows("10")) == []


def test_a_carried_over_row_that_does_not_make_it_is_still_told() -> None:
    """Guard: 90 + 5 + 0 is not 100 (nor 90 + 10 under another column of the row: its 年初预算数 10 makes the sum too,
    so the row's budget column is changed as well)."""
    rows = _rows("5")
    rows[6] = ["上年结转资金", "5", "5", "5", "—", "100%", "—"]
    _, problems = _read(rows, " | ")
    assert [p for p in problems if "预算数100不等于财政资金90与其他资金0之和90" in p]
    assert _fund_findings(rows) == ["预算数100万元不等于财政资金90万元与其他资金0万元之和90万元"]
