"""Layouts first met in the corpus17 tables (106–109: Inner Mongolia, Hunan, Anhui), each stated on a tiny inline
text: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.label_lines import money_pair_cells
from perfbudget.readers.text import read_text

_INDICATORS = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
               "产出指标 | 数量指标 | 培训人数 | ≥100人 |\n"
               "满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥90% |\n")


def _errors(problems: list) -> list[str]:
    return [p.message for p in problems if p.severity is Severity.ERROR]


# ---- a money label and its amount in one cell (the page lost the boundary between them) ---------------------------

def test_a_budget_label_and_its_amount_in_one_cell_give_the_budget() -> None:
    text = ("绩效目标申报表 |\n项目名称 | 某某培训 |\n资金情况 (万元) |\n"
            "年度资金总额:50万 | 中央补助资金(某某任务)50 |\n" + _INDICATORS)
    document, problems = read_text(text, "w.txt")
    assert document is not None and len(document.projects) == 1
    assert document.projects[0].budget.total == Decimal("50") and document.money_unit == "万元"
    assert not any("年度资金总额" in message for message in _errors(problems))


def test_only_a_budget_label_with_nothing_but_an_amount_is_split() -> None:
    assert money_pair_cells("年度资金总额:50万") == ("年度资金总额", "50万")
    assert money_pair_cells("资金总额： 1,125.5 ") == ("资金总额", "1,125.5")
    assert money_pair_cells("年度资金总额:50万(其中上年结转10)") is None  # more than an amount
    assert money_pair_cells("联系电话:15947711885万") is None  # no budget label
    assert money_pair_cells("年度资金总额:约五十万") is None


# ---- no money unit in the table: the cost indicator that states the budget with its unit ---------------------------

_NO_UNIT = ("项目支出绩效目标表 |\n项目名称 | 某某补助经费 |\n项目资金 | 年度资金总额: | 5.00 |\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "产出指标 | 数量指标 | 开展活动 | ≥70次 |\n")


def test_a_cost_target_equal_to_the_budget_gives_the_missing_money_unit_as_a_check() -> None:
    document, problems = read_text(_NO_UNIT + "产出指标 | 成本指标 | 项目金额 | 5万元 |\n", "u.txt")
    assert document is not None and document.money_unit == "万元"
    project = document.projects[0]
    assert project.budget.total == Decimal("5.00")
    assert any("成本指标" in note and "5万元" in note for note in project.needs_check)
    assert any(p.severity is Severity.WARNING and "没有写金额单位" in p.message for p in problems)


def test_a_cost_target_that_is_not_the_budget_says_nothing_of_its_unit() -> None:
    for cost in ("4万元", "≥5万元", "5%", "1万元-5万元"):
        document, _ = read_text(_NO_UNIT + f"产出指标 | 成本指标 | 项目金额 | {cost} |\n", "u.txt")
        assert document is not None and document.money_unit is None, cost
    # two cost rows that disagree on the unit: none taken
    document, _ = read_text(_NO_UNIT + "产出指标 | 成本指标 | 项目金额 | 5万元 |\n"
                                       "产出指标 | 成本指标 | 人均成本 | 5元 |\n", "u.txt")
    assert document is not None and document.money_unit is None
