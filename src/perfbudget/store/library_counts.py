"""The indicator library's counts changed set-based: an update's entries staged by key, then counted in SQL.

An update of the library (``library.build``: after imports, edits, merges of units, a project's delete) takes
some projects' entries out and puts their new ones in. What the counts lose and gain is **staged**, summed by
the keys the counts need, in four temporary tables of the connection (emptied at the update's end; on
PostgreSQL dropped at the commit): ``library_staged_parts`` (group, sign, 一级, 二级, kind, direction: what
a group's counters in its statistics JSON need), ``library_staged_values`` (group, measure unit, value),
``library_staged_group_units`` (group, unit), ``library_staged_measure_units`` (group, measure unit, unit) —
each row the net change ``n`` of its key, -1 for each entry going out (staged before it is deleted), +1 for
each coming in. The value histograms and unit counts (``library_values``, ``library_group_units``,
``library_measure_units``) then change by one ``INSERT … SELECT … ON CONFLICT DO UPDATE`` each from those,
the rows a change brings to 0 or less deleted; how many units each group and measure unit gained or lost is
counted in SQL before (one row per group), and the groups' counters come back as a few rows per group. No
entry is read into Python.

Until 2026-12-06 each update read every entry it added or removed back into Python (``RETURNING`` through
SQLAlchemy's rows), counted them with ``Counter`` and wrote the changed counts as multi-row upserts built in
Python (≈ 0.98 M instructions a table of a bulk import, docs/scale.md). The counts, the rows and the statistics
are the same: a key's change is counted once with the sum of its signs, a unit appears in a group when its count
goes from 0 to more and vanishes when it reaches 0 or less, the going-out parts are counted before the coming-in.

The projects are named by one parameter (SQLite: a JSON array read by ``json_each``; PostgreSQL: an integer
array literal), not one placeholder per id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from perfbudget.store.bulk import run
from perfbudget.store.engine import is_postgres

_NUMBERS = "kind = 'quantitative' AND value IS NOT NULL"  # an indicator whose target value is counted
# The staged changes, each summed by its key (``n``: the net change) as the facts come in. On SQLite no raw fact is
# kept and nothing is sorted: a keyed upsert a fact costs about two thirds of a GROUP BY's sort of it
# (PostgreSQL, which refuses to update a row twice in one statement, sums them first by a hash).
_STAGED: dict[str, tuple[tuple[str, ...], str, str]] = {
    # table: (its key, the key's columns' types, the facts it counts)
    "library_staged_parts": (("group_id", "sign", "level1", "level2", "kind", "direction"),
                             "INTEGER, INTEGER, TEXT, TEXT, VARCHAR(16), VARCHAR(16)", "1 = 1"),
    "library_staged_values": (("group_id", "measure_unit", "value"), "INTEGER, TEXT, VARCHAR(64)", _NUMBERS),
    "library_staged_group_units": (("group_id", "unit_id"), "INTEGER, INTEGER", "1 = 1"),
    "library_staged_measure_units": (("group_id", "measure_unit", "unit_id"), "INTEGER, TEXT, INTEGER", _NUMBERS),
}
_SOURCE = {"sign": "{sign}", "direction": "coalesce(direction, '')"}  # a key's column from library_entries's


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
    """Make the staging tables if the connection has none (PostgreSQL: dropped at the transaction's end; its JIT
    off for the transaction: a probe a staged key costs past ``jit_above_cost``, and compiling costs more)."""
    postgres = is_postgres(connection)
    if postgres:
        run(connection, "SET LOCAL jit = off")
    for table, (keys, types, _facts) in _STAGED.items():
        columns = ", ".join(f"{key} {kind} NOT NULL" for key, kind in zip(keys, types.split(", "), strict=True))
        run(connection, f"CREATE TEMP TABLE IF NOT EXISTS {table} ({columns}, n INTEGER NOT NULL, "
                        f"PRIMARY KEY ({', '.join(keys)}))" + (" ON COMMIT DROP" if postgres else " WITHOUT ROWID"))


def stage(connection: Connection, project_ids: Sequence[int], sign: int, *, empty: bool = False) -> bool:
    """Stage the projects' current entries with ``sign`` (-1: about to go, +1: just put in); whether they had any
    (going out, looked for first: a bulk import's projects are new, and nothing is then looked for four times).

    ``empty``: nothing is staged yet in this update (the caller staged nothing since :func:`start` or :func:`clear`).
    PostgreSQL then inserts the grouped facts plainly: each key comes once out of its ``GROUP BY`` and meets no
    staged row, and ``ON CONFLICT`` would make each row a speculative insertion (its key's index checked, the row
    inserted, the index checked again) — in a bulk import, whose projects are new, the only staging of an update
    (import-floor4: the four stagings' server time ≈ −36 %). SQLite sums its facts by the upsert itself."""
    if not project_ids:
        return False
    ids, postgres = [ids_parameter(connection, project_ids)], is_postgres(connection)
    if sign < 0 and not run(connection, f"SELECT 1 FROM library_entries WHERE {among(connection, 'project_id')} "
                                        "LIMIT 1", ids, replanned=True):
        return False
    for table, (keys, _types, facts) in _STAGED.items():
        listed = ", ".join(keys)
        source = ", ".join(_SOURCE.get(key, key) for key in keys).format(sign=int(sign))
        summed = f"{int(sign)} * count(*)" if postgres else str(int(sign))
        grouped = f" GROUP BY {', '.join(str(i) for i in range(1, len(keys) + 1))}" if postgres else ""
        upsert = "" if postgres and empty else f" ON CONFLICT ({listed}) DO UPDATE SET n = {table}.n + excluded.n"
        run(connection, f"INSERT INTO {table} ({listed}, n) SELECT {source}, {summed} FROM library_entries "
                        f"WHERE {facts} AND {among(connection, 'project_id')}{grouped}{upsert}", ids, replanned=True)
    return True


def clear(connection: Connection) -> None:
    for table in _STAGED:
        run(connection, f"DELETE FROM {table}")


def parts(connection: Connection) -> list[tuple[int, int, str, str, str, str, int]]:
    """``(sign, group, 一级, 二级, kind, direction or "", change)`` of the staged facts (the change: how many, with
    the sign), the ones going out first."""
    return sorted(tuple(row) for row in run(
        connection, "SELECT sign, group_id, level1, level2, kind, direction, n FROM library_staged_parts",
        replanned=True))


def measures(connection: Connection) -> set[tuple[int, str]]:
    """The (group, measure unit) pairs whose value histograms the staged facts change."""
    return {(group_id, measure_unit) for group_id, measure_unit in run(
        connection, "SELECT DISTINCT group_id, measure_unit FROM library_staged_values", replanned=True)}


def add_changes(connection: Connection, table: str, shrinking: bool, per: tuple[str, ...] | None = None
                ) -> dict[tuple[Any, ...], int]:
    """Add the staged net changes to ``table``'s counts ``n`` (``library_values``, ``library_group_units``,
    ``library_measure_units``; keys whose changes cancel left alone); rows reaching 0 or less go (looked for only
    when ``shrinking``: some facts went out).

    With ``per`` (the keys but the unit): returns, per value of ``per``, how many keys appeared (went from 0 to
    more: +1) or vanished (reached 0 or less: -1), counted before the change."""
    staged = "library_staged_" + table.removeprefix("library_")
    keys = _STAGED[staged][0]
    match = " AND ".join(f"t.{k} = d.{k}" for k in keys)
    counted: dict[tuple[Any, ...], int] = {}
    if per is not None:
        grouped = ", ".join(f"d.{k}" for k in per)
        # The count before, by one probe of the table's key a staged key: PostgreSQL planned the plain join as a
        # hash join over the whole count table (whose size grows with the library); LATERAL … OFFSET 0 makes it probe.
        probe = (f"LEFT JOIN LATERAL (SELECT t.n FROM {table} t WHERE {match} OFFSET 0) t ON true"
                 if is_postgres(connection) else f"LEFT JOIN {table} t ON {match}")
        for *key, moved in run(connection, (
                f"SELECT {grouped}, sum(CASE WHEN coalesce(t.n, 0) + d.n <= 0 THEN -1 WHEN coalesce(t.n, 0) = 0 "
                f"THEN 1 ELSE 0 END) FROM {staged} d {probe} WHERE d.n <> 0 GROUP BY {grouped}"), replanned=True):
            if moved:
                counted[tuple(key)] = int(moved)
    listed = ", ".join(keys)
    run(connection, f"INSERT INTO {table} ({listed}, n) SELECT {listed}, n FROM {staged} WHERE n <> 0 "
                    f"ON CONFLICT ({listed}) DO UPDATE SET n = {table}.n + excluded.n", replanned=True)
    if shrinking:  # only a key whose net change is negative can reach 0; each found by one probe of the key
        if is_postgres(connection):
            wanted = f"SELECT (SELECT t.ctid FROM {table} t WHERE {match}) FROM {staged} d WHERE d.n < 0"
            run(connection, f"DELETE FROM {table} WHERE n <= 0 AND ctid = ANY(ARRAY({wanted}))", replanned=True)
        else:  # SQLite: the table is its key's b-tree (WITHOUT ROWID, migration 1832), probed by each staged key
            run(connection, f"DELETE FROM {table} WHERE n <= 0 AND ({listed}) IN "
                            f"(SELECT {listed} FROM {staged} WHERE n < 0)", replanned=True)
    return counted
