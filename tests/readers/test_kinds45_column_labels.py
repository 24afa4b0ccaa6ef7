"""Hubei 广水市's 财政预算支出项目绩效目标自评表 heads its values 年初指标值 | 年终完成值 | 自评分 | 复核分 (corpus 84,
191): the target, the actual, the unit's own score; 复核分 (the reviewer's) an extra. On the base the header had no
target column and no row was read."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import read_text

FORM = """项目名称 | 办公局域网维护费
预算数（万元） | 5.5
一级指标 | 二级指标 | 三级指标 | 年初指标值 | 年终完成值 | 自评分 | 复核分
产出指标 | 数量指标 | 采购设备 | 10台套 | 10台套 | 15 | 15
满意度指标 | 服务对象满意度指标 | 使用人员满意度 | ≥90% | 95% | 10 | 9
"""


def test_guangshuis_value_columns_are_read() -> None:
    document, problems = read_text(FORM, "t.txt")
    assert document is not None, problems
    assert document.kind == "self-evaluation"
    (project,) = document.projects
    assert [(i.level3, i.target.raw, i.actual, i.score, dict(i.extras).get("复核分")) for i in project.indicators] == [
        ("采购设备", "10台套", "10台套", Decimal("15"), "15"),
        ("使用人员满意度", "≥90%", "95%", Decimal("10"), "9"),
    ]
