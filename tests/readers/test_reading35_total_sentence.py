"""The total's own label followed by a sentence of the money (FAILURES.md BU):
``年度资金总额：120万元，其中财政拨款100万元，其他资金20万元`` was an error (预算数「…」不是金额), the budget
unread; BP read such a sentence only after the block's label (项目资金)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

SENTENCE = "120万元，其中财政拨款100万元，其他资金20万元"
FORM = """2024年项目支出绩效目标表
项目名称{sep}社区养老服务补贴
年度资金总额{sep}{money}
年度总体目标{sep}为辖区老年人提供养老服务。
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t服务老年人数\t≥500人
满意度指标\t服务对象满意度指标\t老年人满意度\t≥90%
"""


@pytest.mark.parametrize(("sep", "line"), [("\t", 3), ("：", 3), (" | ", 3), ("\n", 5)])
def test_a_sentence_after_the_totals_label_gives_the_budget(sep: str, line: int) -> None:
    text = FORM.format(sep=sep, money=SENTENCE)
    if sep == " | ":
        text = "\n".join(row.replace("\t", " | ") for row in text.splitlines())
    if sep == "\n":  # one cell a line
        text = "\n".join(cell for row in text.splitlines() for cell in row.split("\t"))
    result = load_bytes(text.encode(), "表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    budget = project.budget
    assert (budget.total, budget.fiscal, budget.other) == (Decimal("120"), Decimal("100"), Decimal("20"))
    assert result.document.money_unit == "万元"
    assert project.sources["budget.total"].line == line
    assert any(SENTENCE in note for note in project.needs_check)
    assert not [p for p in result.problems if p.severity is Severity.ERROR], result.problems


def test_an_amount_alone_after_the_totals_label_is_read_as_before() -> None:
    # guard: 年度资金总额 | 120万元 is an amount, no sentence: read, no 需人工核对
    result = load_bytes(FORM.format(sep="\t", money="120万元").encode(), "表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total == Decimal("120") and not project.needs_check


def test_a_sentence_of_other_words_after_the_totals_label_stays_unread() -> None:
    # guard: 120万元，主要用于培训 says what the money is for, not its parts: the budget is not guessed
    result = load_bytes(FORM.format(sep="\t", money="120万元，主要用于培训").encode(), "表.txt")
    assert result.document is not None
    assert result.document.projects[0].budget.total is None
