"""A 部门整体 table's split by the classes of the economic classification, read from the one list of them (kinds43).

``readers/expense_parts`` repeated four classes of ``review/vocabulary.toml``'s ``expense_classes`` (and 工资福利支出)
in a list of its own; 对企业补助, 其他资本性支出, 其他商品和服务支出 … were no part, and ``其中 | 对企业补助 | 20``
stayed two unlabelled texts. Both now take the classes from the vocabulary (``domain_words``).
"""

from __future__ import annotations

import pytest

from tests.readers.test_dept40_department_parts import CELL_FORMS, PRICED, _read


@pytest.mark.parametrize("form", CELL_FORMS)
def test_the_split_by_economic_class_keeps_each_class_under_its_name(form: str) -> None:
    split = [["按经济分类分：工资福利支出", "3000000"], ["其中", "对企业补助", "200000"],
             ["", "其他资本性支出", "1000000"]]
    project, _ = _read([*PRICED, *split], form)
    assert [(key, text) for key, text in project.extras if key.endswith(("支出", "补助"))] == [
        ("工资福利支出", "3000000"), ("对企业补助", "200000"), ("其他资本性支出", "1000000")]
    assert not [text for key, text in project.extras if not key]


def test_the_classes_are_the_vocabularys() -> None:
    from perfbudget.domain_words import word_set  # (kinds43)
    from perfbudget.readers.expense_parts import KINDS, part_name

    classes = word_set("names", "expense_classes") | word_set("names", "wage_classes")
    assert all(part_name(f"其中：{name}（万元）") == name for name in classes)
    assert not KINDS & classes  # written once
