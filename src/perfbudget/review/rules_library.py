"""适当性 against the indicator library: targets easier than their peers' or than last year's.

Both rules need a library (``perfbudget review`` uses the library of the database in use, see
:mod:`perfbudget.library.peers`); without one they find nothing.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.library.names import normalise
from perfbudget.library.peers import current
from perfbudget.model import Direction, Document, Indicator, Project
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import Row, at_indicator, flagged, indicator_check, quote
from perfbudget.review.registry import rule
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal

_COMPARED_LEVEL2 = ("数量指标", "质量指标", "时效指标")


# Direction.POSITIVE as a module constant: an enum class's attribute is looked up through the enum
# metaclass's __getattr__ hook (Python 3.11), several times a global's cost, per compared row here.
_POSITIVE = Direction.POSITIVE


def _text(value: Decimal, unit: str) -> str:
    return f"{format_decimal(value)}{unit}"


def _comparable(indicator: Indicator) -> bool:
    target = indicator.target
    return (target.is_quantitative and target.value is not None and target.upper is None
            and target.direction in (Direction.POSITIVE, Direction.REVERSE))


@rule("below-peers", title="指标值明显低于同类指标", dimension="适当性", severity="warning",
      params={"min_units": 10})
def below_peers(document: Document, settings: RuleSettings) -> list[Finding]:
    """A quantity, quality or time target clearly easier than the same indicator of other units.

    The indicator is looked up in the indicator library (same or near-same name, see
    docs/library.md); the comparison uses the group's targets in the same measure unit, and only
    when at least ``min_units`` units (default 10) set one. A positive indicator (bigger is better)
    below the group's 10th percentile, or a reverse one (smaller is better) above its 90th, is
    flagged; the message gives the group's median and the percentile crossed.
    """
    peers = current()
    if peers is None:
        return []
    minimum = int(settings.param("min_units"))
    out = []
    for row, _compared in flagged(document, _COMPARED):
        project, position, indicator = row.project, row.position, row.indicator
        target = indicator.target
        unit = target.unit or ""
        stats = peers.peers(indicator.level3, unit)
        if stats is None or stats.units < minimum:
            continue
        assert target.value is not None
        if target.direction is _POSITIVE:
            bound, side, word = stats.p10, "p10", "低于"
            if target.value >= bound:
                continue
        else:
            bound, side, word = stats.p90, "p90", "宽于"
            if target.value <= bound:
                continue
        out.append(at_indicator(
            project, position, indicator, "target",
            f"指标{quote(indicator.level3)}的目标{quote(target.raw)}明显{word}同类指标：同类指标 {stats.units} 个单位"
            f"（{stats.count} 个指标，指标库「{stats.group}」）的中位数为 {_text(stats.p50, unit)}，"
            f"{side} 为 {_text(bound, unit)}",
            f"参照同类项目的目标值（中位数 {_text(stats.p50, unit)}）核实并适当提高目标，"
            "或在指标解释中说明本项目的特殊情况"))
    return out


def _compared_row(row: Row) -> bool | None:
    """True for an indicator ``below-peers`` compares with the library (else None)."""
    return True if row.level2 in _COMPARED_LEVEL2 and _comparable(row.indicator) else None


_COMPARED = indicator_check(_compared_row, needs=lambda shape: shape[1] in _COMPARED_LEVEL2)


def _same_indicator(indicator: Indicator, last: Project) -> Indicator | None:
    name = normalise(indicator.level3)
    unit = indicator.target.unit or ""
    for old in last.indicators:
        if normalise(old.level3) == name and (old.target.unit or "") == unit and _comparable(old):
            return old
    return None


@rule("below-last-year", title="指标值低于上年", dimension="适当性", severity="warning")
def below_last_year(document: Document, settings: RuleSettings) -> list[Finding]:
    """A continuing project's target set easier than last year's for the same indicator (历史标准).

    Last year's project is the same unit's project of the previous fund year with the same name
    once the year is taken out (2024年X项目 → 2025年X项目) and the same fund source; the same
    indicator has the same normalised name and measure unit. A positive indicator lower than last
    year, or a reverse one higher, is flagged with last year's target (and its actual, when the
    stored table has one).
    """
    peers = current()
    if peers is None:
        return []
    out = []
    for project in document.projects:
        last = peers.last_year(document.unit, project)
        if last is None:
            continue
        for position, indicator in enumerate(project.indicators, 1):
            if not _comparable(indicator):
                continue
            old = _same_indicator(indicator, last)
            if old is None or old.target.direction is not indicator.target.direction:
                continue
            new_value, old_value = indicator.target.value, old.target.value
            assert new_value is not None and old_value is not None
            positive = indicator.target.direction is _POSITIVE
            easier = new_value < old_value if positive else new_value > old_value
            if not easier:
                continue
            actual = f"，实际完成 {old.actual}" if old.actual and old.actual.strip() else ""
            label = f"（{last.fund_label}）" if last.fund_label else ""
            out.append(at_indicator(
                project, position, indicator, "target",
                f"指标{quote(indicator.level3)}的目标{quote(indicator.target.raw)}低于上年：上年项目「{last.name}」{label}"
                f"同一指标的目标为{quote(old.target.raw)}{actual}",
                "持续性项目的目标一般不应低于上年（历史标准）：核实后提高目标，或在指标解释中说明降低的原因"))
    return out
