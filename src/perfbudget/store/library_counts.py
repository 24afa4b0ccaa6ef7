"""The indicator library's counts changed set-based: an update's entries staged, then counted in SQL.

An update of the library (``library.build``: after imports, edits, merges of units, a project's delete) takes
some projects' entries out and puts their new ones in. What the counts lose and gain is **staged**: the
entries' facts (group, unit, placement, kind, measure unit, direction, value) copied with a sign (-1 out, +1
in) into ``library_staged``, a temporary table of the connection, emptied at the end of the update. The value
histograms and the unit counts (``library_values``, ``library_group_units``, ``library_measure_units``) then
change by one ``INSERT … SELECT … GROUP BY … ON CONFLICT DO UPDATE`` each, the rows a change brings to 0
deleted; what the groups' statistics need comes back as a few rows per group (their placements, kinds and
directions counted, how many units each group and measure unit gained or lost), never one row per indicator.

Until 2026-12-06 each update read every entry it added or removed back into Python (``RETURNING``), counted
them there and wrote the changed counts row by row: ≈ 0.6 M instructions a table of a bulk import
(docs/scale.md). The counts and the rows are the same: a change's key is counted once with the sum of its
signs, a unit appears in a group when its count goes from 0 to more, vanishes when it reaches 0 or less.

The projects are named by one parameter (SQLite: a JSON array read by ``json_each``; PostgreSQL: an integer
array), not one placeholder per id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from perfbudget.store.bulk import run
from perfbudget.store.engine import is_postgres

STAGED = "library_staged"
_COLUMNS = ("group_id", "unit_id", "level1", "level2", "kind", "measure_unit", "direction", "value")
_NUMBERS = "kind = 'quantitative' AND value IS NOT NULL"  # an indicator whose target value is counted
_CREATE = (f"CREATE TEMP TABLE IF NOT EXISTS {STAGED} (group_id INTEGER NOT NULL, unit_id INTEGER NOT NULL, "
           "level1 TEXT NOT NULL, level2 TEXT NOT NULL, kind VARCHAR(16) NOT NULL, measure_unit TEXT NOT NULL, "
           "direction VARCHAR(16), value VARCHAR(64), sign INTEGER NOT NULL)")


def among(connection: Connection, column: str) -> str:
    """SQL: ``column`` is one of the ids given as the one parameter :func:`ids_parameter` makes."""
    if is_postgres(connection):
        return f"{column} = ANY(CAST(? AS INTEGER[]))"
    return f"{column} IN (SELECT value FROM json_each(?))"


def ids_parameter(connection: Connection, ids: Sequence[int]) -> str:
    """The ids as the text :func:`among` reads: an array literal on PostgreSQL, a JSON array on SQLite."""
    listed = ",".join(str(int(i)) for i in ids)
    return "{" + listed + "}" if is_postgres(connection) else "[" + listed + "]"


def start(connection: Connection) -> None:
    """Make the staging table if the connection has none (PostgreSQL: dropped at the transaction's end)."""
    run(connection, _CREATE + (" ON COMMIT DROP" if is_postgres(connection) else ""))


def stage(connection: Connection, project_ids: Sequence[int], sign: int) -> None:
    """Stage the projects' current entries with ``sign`` (-1: about to go, +1: just put in)."""
    if not project_ids:
        return
    columns = ", ".join(_COLUMNS)
    run(connection, f"INSERT INTO {STAGED} ({columns}, sign) SELECT {columns}, {int(sign)} FROM library_entries "
                    f"WHERE {among(connection, 'project_id')}", [ids_parameter(connection, project_ids)],
        replanned=True)


def clear(connection: Connection) -> None:
    run(connection, f"DELETE FROM {STAGED}")


def parts(connection: Connection) -> list[tuple[int, int, str, str, str, str | None, int]]:
    """``(sign, group, 一级, 二级, kind, direction, how many)`` of the staged facts, the ones going out first."""
    return [tuple(row) for row in run(  # type: ignore[misc]
        connection, f"SELECT sign, group_id, level1, level2, kind, direction, count(*) FROM {STAGED} "
                    "GROUP BY sign, group_id, level1, level2, kind, direction ORDER BY sign", replanned=True)]


def measures(connection: Connection) -> set[tuple[int, str]]:
    """The (group, measure unit) pairs whose value histograms the staged facts change."""
    return {(group_id, measure_unit) for group_id, measure_unit in run(
        connection, f"SELECT DISTINCT group_id, measure_unit FROM {STAGED} WHERE {_NUMBERS}", replanned=True)}


def _changes(keys: tuple[str, ...], numbers: bool) -> str:
    """The staged net change of each key (keys whose signs cancel left out)."""
    listed = ", ".join(keys)
    where = f" WHERE {_NUMBERS}" if numbers else ""
    return (f"SELECT {listed}, sum(sign) AS n FROM {STAGED}{where} GROUP BY {listed} HAVING sum(sign) <> 0")


def add_changes(connection: Connection, table: str, keys: tuple[str, ...], numbers: bool, shrinking: bool,
                per: tuple[str, ...] | None = None) -> dict[tuple[Any, ...], int]:
    """Add the staged changes to ``table``'s counts ``n`` by ``keys`` (only the facts with a counted value when
    ``numbers``); rows reaching 0 or less go (looked for only when ``shrinking``: some facts went out).

    With ``per`` (the keys but the unit): returns, per value of ``per``, how many keys appeared (went from 0 to
    more: +1) or vanished (reached 0 or less: -1), counted before the change."""
    counted: dict[tuple[Any, ...], int] = {}
    if per is not None:
        match = " AND ".join(f"t.{k} = d.{k}" for k in keys)
        grouped = ", ".join(f"d.{k}" for k in per)
        for *key, moved in run(connection, (
                f"SELECT {grouped}, sum(CASE WHEN coalesce(t.n, 0) + d.n <= 0 THEN -1 WHEN coalesce(t.n, 0) = 0 "
                f"THEN 1 ELSE 0 END) FROM ({_changes(keys, numbers)}) d LEFT JOIN {table} t ON {match} "
                f"GROUP BY {grouped}"), replanned=True):
            if moved:
                counted[tuple(key)] = int(moved)
    listed = ", ".join(keys)
    run(connection, f"INSERT INTO {table} ({listed}, n) {_changes(keys, numbers)} "
                    f"ON CONFLICT ({listed}) DO UPDATE SET n = {table}.n + excluded.n", replanned=True)
    if shrinking:
        where = f" AND {_NUMBERS}" if numbers else ""
        run(connection, f"DELETE FROM {table} WHERE n <= 0 AND ({listed}) IN "
                        f"(SELECT {listed} FROM {STAGED} WHERE sign < 0{where})", replanned=True)
    return counted
