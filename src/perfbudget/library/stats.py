"""A group's statistics: counts, placement, direction and the distribution of targets per measure unit.

Pure functions over entry rows (``perfbudget.store.library_rows.ENTRY_COLUMNS``). Quantiles are
computed on the exact Decimal values by linear interpolation between the closest ranks (the
"inclusive" method: p0 is the minimum, p100 the maximum), so ``p50`` of 1, 2, 3, 4 is 2.5.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from perfbudget.target import format_decimal

QUANTILES = {"min": 0, "p10": 10, "p25": 25, "p50": 50, "p75": 75, "p90": 90, "max": 100}
LEVEL_NAMES = {"quantitative": "定量", "qualitative": "定性"}


def quantile(values: Sequence[Decimal], percent: int) -> Decimal:
    """The ``percent`` quantile of sorted ``values`` (inclusive linear interpolation)."""
    if not values:
        raise ValueError("no values")
    position = Decimal(len(values) - 1) * percent / 100
    low = int(position)
    fraction = position - low
    if low + 1 >= len(values) or fraction == 0:
        return values[low]
    return values[low] + (values[low + 1] - values[low]) * fraction


def _clean(value: Decimal) -> str:
    """At most four decimal places, no trailing zeros (``96.7500`` → ``96.75``)."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -4:
        value = value.quantize(Decimal("0.0001"))
    return format_decimal(value.normalize())


def distribution(values: Iterable[Decimal]) -> dict[str, str]:
    ordered = sorted(values)
    return {name: _clean(quantile(ordered, percent)) for name, percent in QUANTILES.items()}


def _decimal(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def group_stats(rows: Iterable[Sequence[Any]]) -> tuple[int, int, dict[str, Any]]:
    """(indicator count, unit count, statistics) of one group's entry rows."""
    count = 0
    units: set[int] = set()
    levels: Counter[tuple[str, str]] = Counter()
    directions: Counter[str] = Counter()
    qualitative = 0
    by_measure: dict[str, list[Decimal]] = {}
    measure_units: dict[str, set[int]] = {}
    measure_qualitative: Counter[str] = Counter()
    for _group, unit_id, level1, level2, kind, measure_unit, direction, value in rows:
        count += 1
        units.add(unit_id)
        levels[(level1, level2)] += 1
        if direction:
            directions[direction] += 1
        number = _decimal(value) if kind == "quantitative" else None
        if number is None:
            qualitative += 1
            measure_qualitative[measure_unit] += 1
            continue
        by_measure.setdefault(measure_unit, []).append(number)
        measure_units.setdefault(measure_unit, set()).add(unit_id)
    measures = []
    for measure_unit, values in sorted(by_measure.items(), key=lambda item: (-len(item[1]), item[0])):
        measures.append({"unit": measure_unit, "count": len(values), "units": len(measure_units[measure_unit]),
                         **distribution(values)})
    top_level = levels.most_common(1)[0][0] if levels else ("", "")
    stats = {
        "count": count,
        "units": len(units),
        "level1": top_level[0],
        "level2": top_level[1],
        "levels": [[l1, l2, n] for (l1, l2), n in levels.most_common(5)],
        "direction": directions.most_common(1)[0][0] if directions else None,
        "directions": dict(directions.most_common()),
        "qualitative": qualitative,
        "qualitative_share": format_decimal((Decimal(qualitative) / count).quantize(Decimal("0.01")))
        if count else "0",
        "measures": measures,
    }
    return count, len(units), stats


def stats_by_group(rows: Iterable[Sequence[Any]]) -> Iterable[tuple[int, int, int, dict[str, Any]]]:
    """``(group id, count, units, stats)`` for rows ordered by group."""
    current: int | None = None
    bucket: list[Sequence[Any]] = []
    for row in rows:
        if row[0] != current and bucket:
            yield (current, *group_stats(bucket))  # type: ignore[misc]
            bucket = []
        current = row[0]
        bucket.append(row)
    if bucket:
        yield (current, *group_stats(bucket))  # type: ignore[misc]
