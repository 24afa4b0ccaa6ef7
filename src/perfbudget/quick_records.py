"""The hot model records made without their dataclass ``__init__``: the same objects at about half the cost.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__`` (the
attribute looked up by name, then its slot set). The text reader makes an :class:`Indicator` per
indicator row, a :class:`Project` and a :class:`Budget` per table and a :class:`Target` per target
text not seen before; the makers here make the object with ``object.__new__`` and set each slot
through its member descriptor directly (measured: an ``Indicator`` in about 55 % of the time).

The makers take every field, positionally and in field order, and default nothing: a caller passes
what it would pass to the real constructor, defaults included. They check nothing either (the model's
records have no ``__post_init__``). A field added to one of these records stops the import here
until its maker sets it too, and ``tests/test_quick_records.py`` checks that each maker's record
equals, field by field (sources included), the one its ``__init__`` makes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from decimal import Decimal
from typing import Any

from perfbudget.model import Budget, Direction, Indicator, Kind, Op, Project, Source, Target, Unit

_new = object.__new__

Setter = Callable[[Any, Any], None]


def _setters(cls: type, names: tuple[str, ...]) -> tuple[Setter, ...]:
    """The slot setters of ``cls`` for ``names``, which must be its fields exactly, in order."""
    if tuple(f.name for f in fields(cls)) != names:
        raise RuntimeError(f"quick_records: {cls.__name__}'s fields changed; update its maker")
    return tuple(cls.__dict__[name].__set__ for name in names)


(_i_level1, _i_level2, _i_level3, _i_description, _i_target, _i_weight, _i_actual, _i_score, _i_deviation,
 _i_extras, _i_source, _i_sources) = _setters(Indicator, (
    "level1", "level2", "level3", "description", "target", "weight", "actual", "score", "deviation", "extras",
    "source", "sources"))


def new_indicator(level1: str, level2: str, level3: str, description: str | None, target: Target,
                  weight: Decimal | None, actual: str | None, score: Decimal | None, deviation: str | None,
                  extras: tuple[tuple[str, str], ...], source: Source | None,
                  sources: dict[str, Source]) -> Indicator:
    """``Indicator(level1, …, sources)`` with every field given."""
    indicator = _new(Indicator)
    _i_level1(indicator, level1)
    _i_level2(indicator, level2)
    _i_level3(indicator, level3)
    _i_description(indicator, description)
    _i_target(indicator, target)
    _i_weight(indicator, weight)
    _i_actual(indicator, actual)
    _i_score(indicator, score)
    _i_deviation(indicator, deviation)
    _i_extras(indicator, extras)
    _i_source(indicator, source)
    _i_sources(indicator, sources)
    return indicator


(_t_raw, _t_kind, _t_op, _t_value, _t_unit, _t_direction, _t_upper, _t_period) = _setters(Target, (
    "raw", "kind", "op", "value", "unit", "direction", "upper", "period"))


def new_target(raw: str, kind: Kind, op: Op | None, value: Decimal | None, unit: str | None,
               direction: Direction | None, upper: Decimal | None, period: tuple[str, str] | None) -> Target:
    """``Target(raw, kind, op, value, unit, direction, upper, period)`` with every field given."""
    target = _new(Target)
    _t_raw(target, raw)
    _t_kind(target, kind)
    _t_op(target, op)
    _t_value(target, value)
    _t_unit(target, unit)
    _t_direction(target, direction)
    _t_upper(target, upper)
    _t_period(target, period)
    return target


(_b_total, _b_fiscal, _b_other) = _setters(Budget, ("total", "fiscal", "other"))


def new_budget(total: Decimal | None, fiscal: Decimal | None, other: Decimal | None) -> Budget:
    """``Budget(total, fiscal, other)`` with every field given."""
    budget = _new(Budget)
    _b_total(budget, total)
    _b_fiscal(budget, fiscal)
    _b_other(budget, other)
    return budget


(_u_code, _u_name) = _setters(Unit, ("code", "name"))


def new_unit(code: str | None, name: str | None) -> Unit:
    """``Unit(code, name)``."""
    unit = _new(Unit)
    _u_code(unit, code)
    _u_name(unit, name)
    return unit


(_p_seq, _p_title, _p_name, _p_fund_label, _p_fund_year, _p_fund_source, _p_budget, _p_purpose, _p_goals,
 _p_indicators, _p_name_cell, _p_extras, _p_complete, _p_cut, _p_needs_check, _p_source,
 _p_sources) = _setters(Project, (
    "seq", "title", "name", "fund_label", "fund_year", "fund_source", "budget", "purpose", "goals", "indicators",
    "name_cell", "extras", "complete", "cut", "needs_check", "source", "sources"))


def new_project(seq: int, title: str | None, name: str, fund_label: str | None, fund_year: int | None,
                fund_source: str | None, budget: Budget, purpose: str | None, goals: tuple[str, ...],
                indicators: tuple[Indicator, ...], name_cell: str | None, extras: tuple[tuple[str, str], ...],
                complete: bool, cut: Source | None, needs_check: tuple[str, ...], source: Source | None,
                sources: dict[str, Source]) -> Project:
    """``Project(seq, …, sources)`` with every field given."""
    project = _new(Project)
    _p_seq(project, seq)
    _p_title(project, title)
    _p_name(project, name)
    _p_fund_label(project, fund_label)
    _p_fund_year(project, fund_year)
    _p_fund_source(project, fund_source)
    _p_budget(project, budget)
    _p_purpose(project, purpose)
    _p_goals(project, goals)
    _p_indicators(project, indicators)
    _p_name_cell(project, name_cell)
    _p_extras(project, extras)
    _p_complete(project, complete)
    _p_cut(project, cut)
    _p_needs_check(project, needs_check)
    _p_source(project, source)
    _p_sources(project, sources)
    return project
