"""An indicator header with one value column per region and no 指标值 column (a transfer's 区域绩效目标表).

A province's transfer passed down by a county often gives each indicator's target town by town: ``一级指标 | 二级指标 |
三级指标 | 指标解释 | 西坪镇尧山村 | 桃舟乡吾培村 | …`` (Fujian's 水利专项资金绩效目标表). A careful person reads the
project's target where every region gives the same one (``1`` in every village: the target is 1) and cannot where they
differ (which is the project's is not written). So: a header whose columns after its level columns are two or more
place names (…省/市/区/县/旗/州/镇/乡/村/街道/社区), with at most explanation columns beside them and no target
column, gets a 指标值 column; each row's value there is the one its regions all give, and a row whose regions differ
or leave some empty keeps no target, with an error at the row naming the values — never one region's value. The
regions' own values stay the indicator's extras under their names.
"""

from __future__ import annotations

import re

from perfbudget.model import Problem
from perfbudget.readers.grid import Cell
from perfbudget.readers.indicator_header import column_role

_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,14}?(?:自治区|自治州|自治县|街道办事处|街道办|街道|办事处|社区"
                    r"|[省市区县旗盟州镇乡村])$")
_LEVELS = ("level1", "level2", "level3")
TARGET_LABEL = "指标值"


def is_place(text: str) -> bool:
    """Is ``text`` a place name a region column is headed by (西坪镇尧山村, 新罗区, 笏石街道办)?"""
    return _PLACE.match(text) is not None and column_role(text) is None


def region_columns(row: list[Cell]) -> list[int] | None:
    """The positions of ``row``'s region columns when it is a level header with two or more place names after its
    level columns, nothing else after them but explanation columns, and no target column; None otherwise."""
    filled = [(i, cell.text.strip()) for i, cell in enumerate(row) if not cell.blank]
    roles = [column_role(text) for _, text in filled]
    if "level3" not in roles or not {"level1", "level2"} & set(roles) or "target" in roles:
        return None
    last_level = max(k for k, role in enumerate(roles) if role in _LEVELS)
    places: list[int] = []
    for (position, text), role in zip(filled[last_level + 1:], roles[last_level + 1:], strict=True):
        if role is None and _PLACE.match(text):
            places.append(position)
        elif role != "description":
            return None
    return places if len(places) >= 2 else None


def with_region_target(rows: list[list[Cell]], header: int, places: list[int],
                       problems: list[Problem]) -> list[list[Cell]]:
    """``rows`` with a 指标值 column after the header's last cell: each row below the header given the value all its
    regions give (located at its first region's cell), or an empty cell and an error when they differ or some are
    empty (a row with no region value at all is left to the reader, as any row without a target)."""
    width = len(rows[header])
    label_at = rows[header][places[-1]].source
    out = [*rows[:header], [*rows[header], Cell(TARGET_LABEL, label_at)]]
    names = [rows[header][p].text.strip() for p in places]
    for row in rows[header + 1:]:
        padded = row + [Cell("", row[-1].source if row else label_at)] * (width - len(row))
        values = [padded[p].text.strip() for p in places]
        first = padded[places[0]]
        if values and all(v == values[0] for v in values) and values[0]:
            out.append([*padded, Cell(values[0], first.source)])
            continue
        out.append([*padded, Cell("", first.source)])
        if any(values):
            shown = "、".join(f"{n}{v or '（空）'}" for n, v in zip(names, values, strict=True))
            problems.append(Problem(first.source, f"各区域的指标值不同或有空缺（{shown}）：表中没有项目的指标值列，"
                                                  "无法确定项目的指标值，这一行未读取指标值；请人工核对"))
    return out
