"""A glued target table's rows run together after a header of one value column (三级指标 | 指标值).

A document site's OCR of a PDF loses every separator, also between rows: ``…一级指标二级指标三级指标指标目标值
产出指标数量指标免费开放天数=300天质量指标博物馆绩效考核指标完成率=100百分比时效指标…``. A careful person still
reads the rows where a level name ending in 指标 (数量指标, 社会成本指标 …) starts each group: the text between two
such names is a 三级 name and its value, and the value, at the end, has a shape of its own (a number with its
comparison and unit, or a known qualitative target: :func:`text_glued.split_indicator_line`).

A part between two level names that does not split so (two rows under one 二级 run together, a value of no known
shape, OCR damage) is an error at the table, never a guess; the reading goes on at the next level name, where a
row certainly starts. A part whose name holds a comparison sign or a value (``=1个``, ``100%``) is rows run together
and not read either.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# a value inside a name: a comparison, or a number written with a percent (rows run together)
_VALUE_INSIDE = re.compile(r"[≥≤><=≧≦＞＜＝]|\d(?:\.\d+)?\s*(?:%|％|百分比)")


def starts_a_run(text: str, level_prefix: re.Pattern[str]) -> bool:
    """The part after a one-value header is rows run together: it starts with a level name."""
    return level_prefix.match(text) is not None


def split_level_run(run: str, level_prefix: re.Pattern[str], group_names: re.Pattern[str],
                    split_line: Callable[[str], list[str] | None]) -> tuple[list[list[str]], list[str]]:
    """The rows of ``run`` (each [一级?, 二级?, 三级, target]) and the parts that could not be read.

    ``group_names`` finds the level names that start a group (they end in 指标); ``split_line`` splits one
    glued row (its level names at the start, its value at the end) or gives None."""
    starts = [m.start() for m in group_names.finditer(run)]
    if not starts or starts[0] != 0:
        return [], [run]
    bounds = [*starts, len(run)]
    rows: list[list[str]] = []
    unread: list[str] = []
    index = 0
    while index < len(bounds) - 1:
        start = bounds[index]
        # the level names at the start (一级 and 二级) belong to this part: its end is the next group name after them
        prefix_end = start
        for _ in range(2):
            match = level_prefix.match(run[prefix_end:])  # (its ^ anchors at the string's start)
            if match is None:
                break
            prefix_end += match.end()
        end_index = index + 1
        while end_index < len(bounds) - 1 and bounds[end_index] < prefix_end:
            end_index += 1
        part = run[start:bounds[end_index]]
        cells = split_line(part)
        if cells is None or _VALUE_INSIDE.search(cells[-2]) is not None:
            unread.append(part)
        else:
            rows.append(cells)
        index = end_index
    return rows, unread
