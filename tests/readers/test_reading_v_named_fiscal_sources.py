"""A fund source named for what it is counts as 财政资金; a rate whose amount's unit went unwritten is a number
(reading-v).

    项目资金(万元) | 年度资金总额 | 50
                   | 中央财政衔接推进乡村振兴补助资金 | 50
                   | 其他资金 | 0

r178 read 财政资金 as none: only a fixed list of labels (财政拨款, 中央补助资金 …) named fiscal money. A level of
government at a name's head with 财政 after it, or a transfer's word at its end, is a part of 财政资金; beside a
filled 年度资金总额 the parts are 财政资金 when they and 其他资金 make the total exactly. Its 成本指标
``≤28.40/株`` (the name says 元/株) was typed 定性."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project
from perfbudget.target import Kind, Op

INDICATORS = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t成本指标\t补助成本(≤**元/株)\t≤28.40/株\n"


def _read(funds: str) -> Project:
    text = f"项目名称\t种植项目\n主管部门\t某镇人民政府\n项目资金(万元)\t年度资金总额\t50\n{funds}{INDICATORS}"
    result = load_bytes(text.encode(), "form.txt")
    assert not result.errors, [p.message for p in result.errors]
    return result.document.projects[0]


def test_a_fiscal_source_named_for_itself_is_fiscal_money() -> None:
    project = _read("\t中央财政衔接推进乡村振兴补助资金\t50\n\t其他资金\t0\n")
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (Decimal(50), Decimal(50), 0)
    assert project.sources["budget.fiscal"].line == 4


@pytest.mark.parametrize("funds", [
    "\t省级财政农业发展资金\t30\n\t市级文化产业发展专项资金\t20\n",
    "\t中央农村综合改革转移支付补助资金\t40\n\t其他资金\t10\n",
])
def test_named_parts_adding_up_with_other_money_to_the_total(funds: str) -> None:
    project = _read(funds)
    assert project.budget.fiscal == project.budget.total - (project.budget.other or 0)
    assert project.budget.fiscal is not None


@pytest.mark.parametrize("funds", [
    "\t中央财政衔接推进乡村振兴补助资金\t30\n",  # some of the money, not all: no guess of the rest
    "\t县级自筹资金\t50\n",  # not plainly fiscal
    "\t县级社会资本补助资金\t50\n",
])
def test_no_fiscal_money_from_a_partial_or_unplain_source(funds: str) -> None:
    assert _read(funds).budget.fiscal is None


def test_a_rate_without_its_amounts_unit_is_a_number() -> None:
    indicator = _read("\t其他资金\t0\n").indicators[0]
    target = indicator.target
    assert (target.kind, target.op, target.value, target.unit) == (Kind.QUANTITATIVE, Op.LE, Decimal("28.40"), "/株")
    assert indicator.source.line == 6
