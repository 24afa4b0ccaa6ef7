"""The hot model records made without their dataclass ``__init__``: the same objects at a third of the cost.

A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__`` (the
attribute looked up by name, then its slot set). The text reader makes an :class:`Indicator` per
indicator row, a :class:`Project` and a :class:`Budget` per table and a :class:`Target` per target
text not seen before. Each maker here makes an object of a plain twin class (:func:`_twin`: the same
``__slots__``, no ``__init__`` and no frozen ``__setattr__``), sets its slots by ordinary attribute
assignment (the interpreter's quickest store), then makes it the record itself by assigning its
``__class__`` — which Python allows between classes of the same slots and base, and which leaves
nothing of the twin behind: ``type(made) is Indicator``. Measured: an ``Indicator`` in about 0.4 µs
against 0.85–1.3 µs by setting each slot through its member descriptor (the makers' earlier way) and
2.3–2.7 µs by the dataclass's ``__init__``.

The makers take every field, positionally and in field order, and default nothing: a caller passes
what it would pass to the real constructor, defaults included. They check nothing either (the model's
records have no ``__post_init__``). A field added to one of these records stops the import here
until its maker sets it too, and ``tests/test_quick_records.py`` checks that each maker's record
equals, field by field (sources included), the one its ``__init__`` makes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from decimal import Decimal
from typing import Any

from perfbudget.model import Budget, Direction, Indicator, Kind, Op, Progress, Project, Source, Target, Unit

_new = object.__new__


def _twin(cls: type, names: tuple[str, ...]) -> type:
    """A plain class laid out as ``cls`` (whose fields must be ``names`` exactly, in order, all slots)."""
    if tuple(f.name for f in fields(cls)) != names or tuple(cls.__slots__) != names:  # type: ignore[attr-defined]
        raise RuntimeError(f"quick_records: {cls.__name__}'s fields changed; update its maker")
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": names})
    probe: Any = _new(twin)
    probe.__class__ = cls  # raises TypeError here, at import, if the layouts ever differ
    return twin


_IndicatorTwin = _twin(Indicator, (
    "level1", "level2", "level3", "description", "target", "weight", "actual", "score", "deviation", "extras",
    "progress", "source", "sources"))
# The twin itself, for a hot loop that makes indicators inline as ``new_indicator`` does (every field set, then
# ``__class__ = Indicator``): the text reader's one-pass row loop (no call a row).
IndicatorTwin = _IndicatorTwin


def new_indicator(level1: str, level2: str, level3: str, description: str | None, target: Target,
                  weight: Decimal | None, actual: str | None, score: Decimal | None, deviation: str | None,
                  extras: tuple[tuple[str, str], ...], progress: Progress | None, source: Source | None,
                  sources: Mapping[str, Source]) -> Indicator:
    """``Indicator(level1, …, sources)`` with every field given."""
    made: Any = _new(_IndicatorTwin)
    made.level1 = level1
    made.level2 = level2
    made.level3 = level3
    made.description = description
    made.target = target
    made.weight = weight
    made.actual = actual
    made.score = score
    made.deviation = deviation
    made.extras = extras
    made.progress = progress
    made.source = source
    made.sources = sources
    made.__class__ = Indicator
    return made


_TargetTwin = _twin(Target, ("raw", "kind", "op", "value", "unit", "direction", "upper", "period"))


def new_target(raw: str, kind: Kind, op: Op | None, value: Decimal | None, unit: str | None,
               direction: Direction | None, upper: Decimal | None, period: tuple[str, str] | None) -> Target:
    """``Target(raw, kind, op, value, unit, direction, upper, period)`` with every field given."""
    made: Any = _new(_TargetTwin)
    made.raw = raw
    made.kind = kind
    made.op = op
    made.value = value
    made.unit = unit
    made.direction = direction
    made.upper = upper
    made.period = period
    made.__class__ = Target
    return made


_BudgetTwin = _twin(Budget, ("total", "fiscal", "other", "initial", "executed", "rate", "weight", "score"))


def new_budget(total: Decimal | None, fiscal: Decimal | None, other: Decimal | None,
               initial: Decimal | None = None, executed: Decimal | None = None, rate: Decimal | None = None,
               weight: Decimal | None = None, score: Decimal | None = None) -> Budget:
    """``Budget(total, fiscal, other, initial, executed, rate, weight, score)`` with every field given."""
    made: Any = _new(_BudgetTwin)
    made.total = total
    made.fiscal = fiscal
    made.other = other
    made.initial = initial
    made.executed = executed
    made.rate = rate
    made.weight = weight
    made.score = score
    made.__class__ = Budget
    return made


_UnitTwin = _twin(Unit, ("code", "name"))


def new_unit(code: str | None, name: str | None) -> Unit:
    """``Unit(code, name)``."""
    made: Any = _new(_UnitTwin)
    made.code = code
    made.name = name
    made.__class__ = Unit
    return made


_ProjectTwin = _twin(Project, (
    "seq", "title", "name", "fund_label", "fund_year", "fund_source", "budget", "purpose", "goals", "indicators",
    "name_cell", "extras", "complete", "cut", "needs_check", "month", "table_total", "table_grade", "source",
    "sources"))


def new_project(seq: int, title: str | None, name: str, fund_label: str | None, fund_year: int | None,
                fund_source: str | None, budget: Budget, purpose: str | None, goals: tuple[str, ...],
                indicators: tuple[Indicator, ...], name_cell: str | None, extras: tuple[tuple[str, str], ...],
                complete: bool, cut: Source | None, needs_check: tuple[str, ...], month: int | None,
                table_total: Decimal | None, table_grade: str | None, source: Source | None,
                sources: dict[str, Source]) -> Project:
    """``Project(seq, …, sources)`` with every field given."""
    made: Any = _new(_ProjectTwin)
    made.seq = seq
    made.title = title
    made.name = name
    made.fund_label = fund_label
    made.fund_year = fund_year
    made.fund_source = fund_source
    made.budget = budget
    made.purpose = purpose
    made.goals = goals
    made.indicators = indicators
    made.name_cell = name_cell
    made.extras = extras
    made.complete = complete
    made.cut = cut
    made.needs_check = needs_check
    made.month = month
    made.table_total = table_total
    made.table_grade = table_grade
    made.source = source
    made.sources = sources
    made.__class__ = Project
    return made
