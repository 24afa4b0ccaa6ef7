"""A 部门整体 table's split by the classes of the economic classification, read from the one list of them (kinds43).

``readers/expense_parts`` repeated four classes of ``review/vocabulary.toml``'s ``expense_classes`` (and 工资福利支出)
in a list of its own; 对企业补助, 其他资本性支出, 其他商品和服务支出 … were no part, and ``其中 | 对企业补助 | 20``
stayed two unlabelled texts. Both now take the classes from one list (``domain_words``, since the second reading
out of the review's ``vocabulary.toml``).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.domain_words import EXPENSE_CLASSES, WAGE_CLASSES
from perfbudget.readers.expense_parts import KINDS
from tests.readers.test_dept40_department_parts import CELL_FORMS, PRICED, _read


@pytest.mark.parametrize("form", CELL_FORMS)
def test_the_split_by_economic_class_keeps_each_class_under_its_name(form: str) -> None:
    split = [["按经济分类分：工资福利支出", "3000000"], ["其中", "对企业补助", "200000"],
             ["", "其他资本性支出", "1000000"]]
    project, _ = _read([*PRICED, *split], form)
    assert [(key, text) for key, text in project.extras if key.endswith(("支出", "补助"))] == [
        ("工资福利支出", "3000000"), ("对企业补助", "200000"), ("其他资本性支出", "1000000")]
    assert not [text for key, text in project.extras if not key]


@pytest.mark.parametrize("name", sorted(EXPENSE_CLASSES | WAGE_CLASSES))
def test_each_class_of_the_one_list_is_read_as_a_part(name: str) -> None:
    # (the second reading: this test compared the reader's list with itself; it reads a tiny table now)
    project, _ = _read([*PRICED, ["其中", f"{name}（万元）", "20"]], "tabs")
    assert (name, "20") in project.extras
    assert not [text for key, text in project.extras if not key]
    assert not KINDS & (EXPENSE_CLASSES | WAGE_CLASSES)  # written once


@pytest.mark.parametrize("form", CELL_FORMS)
def test_a_task_named_by_an_economic_class_before_the_total_stays_a_task(form: str) -> None:
    # (a guard, passing on the branch before its second reading too: since the reader takes the classes 其他支出,
    # 一般商品和服务支出 … as parts, a 年度主要任务 row named by one before the grid's 金额合计 must not end the grid)
    tasks = [["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"], ["", "其他支出", "", "50"],
             ["", "一般商品和服务支出", "办公运转", "70"], ["", "农田建设", "建设高标准农田", "300"],
             ["金额合计", "", "", "420"]]
    project, _ = _read(tasks, form)
    assert project.budget.total == Decimal("420")
    assert [text for key, text in project.extras if key == "任务名称"] == ["其他支出", "一般商品和服务支出", "农田建设"]
    assert not [key for key, _text in project.extras if key in ("其他支出", "一般商品和服务支出")]
