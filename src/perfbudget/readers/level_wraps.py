"""A 一级/二级 name wrapped over two rows of its column: ``可持续影`` on one row, ``响指标`` on the next.

A table copied out of a page or a sheet whose level cell wrapped its text keeps the two lines as two rows: the
first part on the indicator's row, the rest on the row below (alone, or beside the next indicator). Read as they
stand, the first row has a 二级 that is no name and the second either a 三级 ending (``设备使用年限响指标``) or a
二级 of its own (``响指标``). Both parts are joined into the first row's cell and the second row's cell is
emptied (its indicator, if any, carries the joined name down as any row under a merged cell does). The second part
alone on its row with its column lost (``响指标 |``) completes the name of the indicator just read
(:func:`completes_level_name`).

Said only where the parts cannot be anything else: the first is the start of a level name and no name itself
(``可持续影``, ``服务对象``, ``满意``) or the second is the bare word ``指标`` (``经济效益`` / ``指标``); the second is
no level name; and the two together are one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import cut_level_name, level_of
from perfbudget.readers.parts import Parts


class _Levels(Protocol):
    """The 一级/二级 names carried down from the rows above (``indicator_rows._Tree``)."""

    level1: str
    level2: str

LEVEL_ROLES = ("level1", "level2")


def _joined_note(first: str, second: str, cell: Cell) -> Problem:
    return Problem(cell.source, f"「{first}」「{second}」是换行分在两行的同一个指标名称，合为「{first + second}」",
                   Severity.INFO)


def starts_wrapped_level_name(text: str) -> bool:
    """The first part of a level name wrapped over two rows (``可持续影``: the start of a name and no name), or its
    second part (the bare word ``指标``)."""
    return text == "指标" or (level_of(text) is None and cut_level_name(text) is not None)


def is_wrapped_level_name(first: str, second: str) -> bool:
    """Whether ``first`` and ``second`` are one level name wrapped in two (see the module)."""
    return _wrapped(first, second)


def _wrapped(first: str, second: str) -> bool:
    if not first or not second or level_of(second) is not None:
        return False
    starts = level_of(first) is None and cut_level_name(first) is not None
    # 经济效益 + 指标, never 成本指标 + 指标 (a whole name, then a stray word)
    completed = second == "指标" and not first.endswith("指标")
    return (starts or completed) and level_of(first + second) is not None


def join_wrapped_level_names(rows: list[list[Cell]], roles: list[str], problems: list[Problem]) -> list[list[Cell]]:
    """``rows`` with each level name wrapped onto the next row joined back (see the module); others unchanged."""
    columns = [i for i, role in enumerate(roles) if role in LEVEL_ROLES]
    if not columns or len(rows) < 2:
        return rows
    out = rows
    for index in range(len(out) - 1):
        for column in columns:
            row, below = out[index], out[index + 1]
            if column >= len(row) or column >= len(below) or row[column].blank or below[column].blank:
                continue
            first, second = row[column].text.strip(), below[column].text.strip()
            if not _wrapped(first, second):
                continue
            if out is rows:
                out = list(rows)  # the caller's list is left as it was
            out[index] = [*row[:column], Cell(first + second, row[column].source), *row[column + 1:]]
            out[index + 1] = [*below[:column], Cell("", below[column].source), *below[column + 1:]]
            problems.append(_joined_note(first, second, row[column]))
    return out


def completes_level_name(cell: Cell, parts: Parts, tree: _Levels, problems: list[Problem]) -> bool:
    """A row holding one cell right after an indicator whose 二级 (or 一级) is the start of a wrapped name, the
    cell its end (``响指标`` alone on its line, whatever column it landed in): the name is made whole on that
    indicator and carried down; True. Never a 三级 ending (``设备使用年限响指标``)."""
    last = parts.indicators[-1]
    text = cell.text.strip()
    for field in ("level2", "level1"):
        first = getattr(last, field)
        if _wrapped(first, text) and getattr(tree, field) == first:
            parts.indicators[-1] = replace(last, **{field: first + text})
            setattr(tree, field, first + text)
            problems.append(_joined_note(first, text, cell))
            return True
    return False
