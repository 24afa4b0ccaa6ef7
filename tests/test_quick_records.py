"""The record makers of ``quick_records`` give exactly what the dataclasses' own ``__init__`` gives:
every field (those left out of equality too, such as sources), equality, hash and repr."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from perfbudget.model import Budget, Direction, Indicator, Kind, Op, Progress, Project, Source, Target, Unit
from perfbudget.quick_records import new_budget, new_indicator, new_project, new_target, new_unit
from perfbudget.target import parse_target


def _same(made: object, real: object) -> None:
    assert type(made) is type(real)
    for f in dataclasses.fields(real):  # type: ignore[arg-type]
        assert getattr(made, f.name) == getattr(real, f.name), f.name
        assert type(getattr(made, f.name)) is type(getattr(real, f.name)), f.name
    assert made == real and repr(made) == repr(real)
    if real.__hash__ is not None and not any(isinstance(getattr(real, f.name), dict)  # type: ignore[arg-type]
                                             for f in dataclasses.fields(real)):  # type: ignore[arg-type]
        assert hash(made) == hash(real)


_TARGETS = [
    ("≥12次", Kind.QUANTITATIVE, Op.GE, Decimal("12"), "次", Direction.POSITIVE, None, None),
    ("90%-95%", Kind.QUANTITATIVE, None, Decimal("90"), "%", Direction.POSITIVE, Decimal("95"), None),
    ("2023.07-2024.01", Kind.QUALITATIVE, None, None, None, None, None, ("2023.07", "2024.01")),
    ("有效保障", Kind.QUALITATIVE, None, None, None, None, None, None),
]


@pytest.mark.parametrize("values", _TARGETS)
def test_new_target_equals_target(values: tuple) -> None:  # type: ignore[type-arg]
    _same(new_target(*values), Target(*values))


def test_parse_target_gives_the_targets_init_would() -> None:
    for raw, name in [("≥12次", None), ("90%-95%", None), ("≤2小时", "响应时间"), ("100", "故障率"),
                      ("2023.07-2024.01", None), ("有效保障", None), ("", None)]:
        made = parse_target.__wrapped__(raw, name)
        _same(made, Target(*(getattr(made, f.name) for f in dataclasses.fields(Target))))


def test_new_indicator_equals_indicator_field_by_field() -> None:
    target = Target("≥12次", Kind.QUANTITATIVE, Op.GE, Decimal("12"), "次", Direction.POSITIVE)
    sources = {"level3": Source("a.txt", 3), "target": Source("a.txt", 5)}
    for values in [
        ("产出指标", "数量指标", "培训人数", "培训的人数", target, None, None, None, None, (), None,
         Source("a.txt", 1), sources),
        ("效益指标", "社会效益指标", "保障", None, target, Decimal("10"), "已完成", Decimal("9.5"), "无",
         (("备注", "x"),), Progress("4处", Decimal(4), "处", likelihood="确定能"), None, {}),
    ]:
        made, real = new_indicator(*values), Indicator(*values)  # type: ignore[arg-type]
        _same(made, real)
        assert made.sources is values[-1] and made.source is values[-2]


def test_new_project_budget_and_unit_equal_their_records() -> None:
    budget = (Decimal("17.00"), Decimal("17.00"), None)
    _same(new_budget(*budget), Budget(*budget))
    _same(new_budget(None, None, None), Budget())
    _same(new_unit("255101", "某单位"), Unit("255101", "某单位"))
    indicator = Indicator("产出指标", "数量指标", "培训人数", None, Target("有效", Kind.QUALITATIVE))
    for values in [
        (1, "项目-2024中央绩效目标表", "项目", "2024中央", 2024, "中央", Budget(*budget), "用途", ("目标",),
         (indicator,), "项目-2024中央", (("主管部门", "某局"),), True, None, (), None, None,
         None, Source("a.txt", 1), {"name": Source("a.txt", 5)}),
        (2, None, "", None, None, None, Budget(), None, (), (), None, (), False, Source("a.txt", 9),
         ("项目名称取自表题",), 6, Decimal("92.5"), "优", None, {"month": Source("a.txt", 2)}),
    ]:
        _same(new_project(*values), Project(*values))  # type: ignore[arg-type]
