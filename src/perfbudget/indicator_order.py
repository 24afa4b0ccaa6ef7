"""The official order of a table's indicators: 一级 groups in the framework's order, 二级 groups in
the framework's order within their 一级, each indicator in its group (never a second 效益指标 block
after 满意度指标 because a row was added at the end).

Names the framework does not know keep their first appearance, after the known ones; within a
二级 group the rows keep the order they were given (so a move up/down within a group stays).
"""

from __future__ import annotations

from collections.abc import Sequence

from perfbudget.framework import (
    FRAMEWORK_2015,
    FRAMEWORK_2021,
    detect_framework,
    normalise_level1,
    normalise_level2,
)
from perfbudget.model import Indicator


def in_official_order(indicators: Sequence[Indicator]) -> tuple[Indicator, ...]:
    """``indicators`` grouped and ordered as the framework lays the table out (a stable sort)."""
    framework = FRAMEWORK_2021 if detect_framework((i.level1, i.level2) for i in indicators) == "2021" \
        else FRAMEWORK_2015
    level1_rank = {name: i for i, name in enumerate(framework)}
    first_level1: dict[str, int] = {}
    first_level2: dict[tuple[str, str], int] = {}
    for position, indicator in enumerate(indicators):
        level1, level2 = normalise_level1(indicator.level1), normalise_level2(indicator.level2)
        first_level1.setdefault(level1, position)
        first_level2.setdefault((level1, level2), position)

    def key(item: tuple[int, Indicator]) -> tuple[int, int, int, int, int]:
        position, indicator = item
        level1, level2 = normalise_level1(indicator.level1), normalise_level2(indicator.level2)
        known1 = level1_rank.get(level1)
        names2 = framework.get(level1, ())
        known2 = names2.index(level2) if level2 in names2 else None
        return (known1 if known1 is not None else len(level1_rank), first_level1[level1],
                known2 if known2 is not None else len(names2), first_level2[(level1, level2)], position)

    return tuple(indicator for _, indicator in sorted(enumerate(indicators), key=key))
