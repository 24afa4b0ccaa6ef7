"""Budgets given as parts of 财政资金: a funds grid whose 财政资金 column is split by level in the row under it
(本年度预计投入 | 财政资金 (中央 | 省级 | 市级 | 本级) | 其他, the amounts in the next row), and an empty
年度资金总额 above its only filled part (其中:中央补助 50.29 | 地方资金 empty)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text

TABLE = ("一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
         "产出指标 | 数量指标 | 补助人数 | ≥100人 |\n")
GRID = ("专项名称 | 就学补助 |\n"
        "专项资金情况 | 本年度预计投入（万元） | 财政资金（万元） | 其他 |\n"
        "中央 | 省级 | 市级资金 | 本级 |\n")


def _read(text: str):  # type: ignore[no-untyped-def]
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    return document, [p for p in problems if p.severity is Severity.ERROR]


def test_a_funds_grid_whose_fiscal_column_is_split_by_level() -> None:
    document, errors = _read(GRID + "7 | 0 | 7 | 0 | 0 | 0 |\n" + TABLE)
    (project,) = document.projects
    assert not errors
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (Decimal("7"), None, Decimal("0"))
    assert document.money_unit == "万元"
    assert ("财政资金/省级", "7") in project.extras and ("财政资金/中央", "0") in project.extras


def test_a_level_grid_with_more_amounts_than_columns_gives_no_budget() -> None:
    document, _ = _read(GRID + "7 | 0 | 7 | 0 | 0 | 0 | 3 |\n" + TABLE)
    assert document.projects[0].budget.total is None


def test_a_row_of_words_under_money_labels_is_no_level_row() -> None:
    document, _ = _read("专项名称 | 就学补助 |\n资金总额 | 财政资金 | 其他 |\n中央 | 维修校舍 |\n7 | 7 | 0 |\n" + TABLE)
    assert document.projects[0].budget.total is None


def test_an_empty_total_above_its_one_filled_part() -> None:
    text = ("项目名称 | 残疾人补助 |\n资金金额 | 年度资金总额 | |\n其中:中央补助 | 50.29 |\n地方资金 | |\n" + TABLE)
    document, errors = _read(text)
    (project,) = document.projects
    assert not errors
    assert (project.budget.total, project.budget.fiscal) == (Decimal("50.29"), Decimal("50.29"))


def test_a_form_cut_after_its_central_part_is_a_project() -> None:
    # one cell a line, as the page gives it, cut before the indicator header
    document, _ = _read("项目名称 |\n残疾人补助 | ||||\n年度资金总额 |\n||||\n其中:中央补助 |\n50.29 | ||||\n"
                        "地方资金 |\n|||||\n年度总体目标 |\n补助残疾人 | ||||\n一级指标 |\n")
    (project,) = document.projects
    assert (project.name, project.budget.total) == ("残疾人补助", Decimal("50.29"))


def test_a_local_part_without_an_amount_stays_an_extra() -> None:
    document, errors = _read("项目名称 | 中职助学 |\n年度金额 | 30 |\n其中:中央资金 | |\n地方资金 | 市: | 县: |\n"
                             + TABLE)
    (project,) = document.projects
    assert not errors
    assert (project.budget.total, project.budget.fiscal) == (Decimal("30"), None)


def test_a_part_named_twice_is_not_added_up() -> None:
    """其中:中央补助 under the budget and again under the executed amount: no sum, no guess."""
    text = ("项目名称 | 残疾人补助 |\n年度资金总额 | |\n其中:中央补助 | 2.38 |\n其中:中央补助 | 2.38 |\n" + TABLE)
    document, _ = _read(text)
    assert (document.projects[0].budget.total, document.projects[0].budget.fiscal) == (None, None)


def test_a_part_beside_a_filled_total_leaves_the_fiscal_amount_alone() -> None:
    document, _ = _read("项目名称 | 残疾人补助 |\n年度资金总额 | 2300 |\n其中:中央补助 | 442 |\n地方资金 | 1000 |\n"
                        + TABLE)  # short of the total: the parts may be some of 财政资金, not all of it
    assert (document.projects[0].budget.total, document.projects[0].budget.fiscal) == (Decimal("2300"), None)
    # parts making the total exactly are all of it (since reading-v; 财政资金 was left empty until then)
    document, _ = _read("项目名称 | 残疾人补助 |\n年度资金总额 | 2300 |\n其中:中央补助 | 442 |\n地方资金 | 1858 |\n"
                        + TABLE)
    assert (document.projects[0].budget.total, document.projects[0].budget.fiscal) == (Decimal("2300"),) * 2


def test_a_part_in_a_funds_grid_is_kept_by_column() -> None:
    text = ("项目名称 | 残疾人补助 |\n项目资金（万元） | 年初预算数 | 全年预算数 | 全年执行数 |\n"
            "年度资金总额 | | | |\n其中:中央补助 | 442 | 442 | 400 |\n" + TABLE)
    document, _ = _read(text)
    (project,) = document.projects
    assert (project.budget.total, project.budget.fiscal) == (None, None)
    assert ("其中中央补助/全年预算数", "442") in project.extras


def test_numbered_parts_beside_a_filled_total_are_kept_by_name() -> None:
    """其中:1.中央资金 | 2.市级资金 | 3.区级资金 | 4.其他资金: the list numbers say each line is a part; a level's
    amount is kept under its name (not left as an unlabelled cell)."""
    document, errors = _read("项目名称 | 绿化美化 |\n年度资金总额: | 153.5 |\n其中:1.中央资金 | |\n"
                             "2.市级资金 | 153.5 |\n3.区级资金 | |\n4.其他资金 | |\n" + TABLE)
    (project,) = document.projects
    assert not errors
    # (the one level's amount makes the total: it is all of 财政资金, since reading-v)
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (Decimal("153.5"),) * 2 + (None,)
    assert ("市级资金", "153.5") in project.extras
    assert all(value != "153.5" for label, value in project.extras if not label)


def test_numbered_parts_under_an_empty_total_add_up() -> None:
    document, errors = _read("项目名称 | 绿化美化 |\n年度资金总额: | |\n其中:1.中央资金 | 20 |\n2.省级资金 | 10.5 |\n"
                             "3.其他资金 | 4 |\n" + TABLE)
    (project,) = document.projects
    assert not errors
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (
        Decimal("34.5"), Decimal("30.5"), Decimal("4"))


def test_a_numbered_line_that_names_no_money_is_no_label() -> None:
    from perfbudget.readers.labels import header_field

    assert header_field("2.市级资金") == "fiscal-part"
    assert header_field("其中:1.中央财政资金") == "fiscal-part"
    assert header_field("4.其他资金") == "other"
    assert header_field("1.完成绿化") is None and header_field("2.项目名称") is None
