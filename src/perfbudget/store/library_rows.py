"""The indicator library's writes and counts (its reads are in :mod:`perfbudget.store.library_reads`).

Every function takes a :class:`~sqlalchemy.Connection` (opened by ``Store.library_reading()`` /
``Store.library_writing()``) and returns plain data. The library's entries are filled by one
``INSERT … SELECT`` from the store's own tables, so a million indicators never pass through Python.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Integer, and_, any_, bindparam, delete, func, insert, literal, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY

from perfbudget.store.bulk import insert_rows, run
from perfbudget.store.engine import is_postgres
from perfbudget.store.library_counts import among, ids_parameter
from perfbudget.store.library_tables import (
    library_choices,
    library_entries,
    library_group_units,
    library_groups,
    library_measure_units,
    library_name_words,
    library_names,
    library_spellings,
    library_values,
)
from perfbudget.store.schema import indicators, project_versions, projects, utc_now

_CHUNK = 5000


def _chunks(values: list[Any]) -> Iterator[list[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start:start + _CHUNK]


def _among(connection: Connection, column: Any, ids: list[int]) -> Any:
    """``column IN (ids)``; on PostgreSQL ``column = ANY(array)``: one parameter, not one per id (psycopg
    and SQLAlchemy handled the 2,000 placeholders of a bulk import's project ids in Python at every call,
    about 10 ms of the importing process's CPU per statement; the plan and the rows are the same)."""
    if is_postgres(connection):
        return column == any_(bindparam(None, ids, type_=ARRAY(Integer)))
    return column.in_(ids)


def _latest() -> Any:
    return and_(project_versions.c.project_id == projects.c.id,
                project_versions.c.number == projects.c.latest_version)


_LOCK = 0x7062_6c69  # advisory lock key: one library writer at a time on PostgreSQL


def lock(connection: Connection) -> None:
    """Serialise library writers (SQLite's write transactions already are): concurrent imports then
    never race to create the same name or group, nor deadlock on the counts."""
    if is_postgres(connection):
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_LOCK})")


def analyze(connection: Connection) -> None:
    """Fresh planner statistics after a build (PostgreSQL plans the library's queries by them)."""
    if is_postgres(connection):
        for table in (library_entries, library_names, library_spellings, library_groups, library_values,
                      library_group_units, library_measure_units, library_name_words):
            connection.exec_driver_sql(f"ANALYZE {table.name}")


def spelling_counts(connection: Connection, project_ids: list[int] | None = None) -> dict[str, int]:
    """How often each 三级指标 text is used in the projects' latest versions (all projects when None)."""
    query = (select(indicators.c.level3, func.count()).select_from(projects)
             .join(project_versions, _latest()).join(indicators, indicators.c.version_id == project_versions.c.id)
             .group_by(indicators.c.level3))
    if project_ids is None:
        return {raw: count for raw, count in connection.execute(query)}
    found: dict[str, int] = {}
    for chunk in _chunks(project_ids):
        for raw, count in connection.execute(query.where(_among(connection, projects.c.id, chunk))):
            found[raw] = found.get(raw, 0) + count
    return found


def new_spellings(connection: Connection, project_ids: list[int]) -> dict[str, int]:
    """The 三级指标 texts of the projects' latest versions the library does not know yet, with how often
    the projects use them (one statement: the texts joined to ``library_spellings``)."""
    if not project_ids:
        return {}
    rows = run(connection, "SELECT i.level3, count(*) FROM projects p "
                           "JOIN project_versions v ON v.project_id = p.id AND v.number = p.latest_version "
                           "JOIN indicators i ON i.version_id = v.id "
                           "LEFT JOIN library_spellings s ON s.raw = i.level3 "
                           f"WHERE s.name_id IS NULL AND {among(connection, 'p.id')} GROUP BY i.level3",
               [ids_parameter(connection, project_ids)], replanned=True)
    return {raw: count for raw, count in rows}


def clear(connection: Connection) -> None:
    """Remove the built library (the admin's choices stay)."""
    for table in (library_values, library_group_units, library_measure_units, library_entries, library_spellings,
                  library_name_words, library_names, library_groups):
        connection.execute(delete(table))


def add_groups(connection: Connection, rows: list[dict[str, Any]]) -> list[int]:
    now = utc_now()
    return insert_rows(connection, library_groups, [
        {"indicator_count": 0, "unit_count": 0, "stats": "{}", "updated_at": now, **row} for row in rows],
        with_ids=True)


def add_names(connection: Connection, rows: list[dict[str, Any]]) -> list[int]:
    return insert_rows(connection, library_names, rows, with_ids=True)


def add_name_words(connection: Connection, words: dict[int, tuple[str, ...]]) -> None:
    """Index names by their words (name id → words) for search."""
    insert_rows(connection, library_name_words, [{"word": w, "name_id": name_id}
                                                 for name_id, found in words.items() for w in found])


def add_spellings(connection: Connection, rows: list[dict[str, Any]]) -> None:
    insert_rows(connection, library_spellings, rows, with_ids=True)


_FILL = ("INSERT INTO library_entries (indicator_id, group_id, name_id, project_id, version_id, unit_id, fund_year, "
         "level1, level2, kind, measure_unit, direction, value) "
         "SELECT i.id, n.group_id, n.id, p.id, v.id, p.unit_id, p.fund_year, i.level1, i.level2, t.kind, "
         "coalesce(t.unit, ''), t.direction, t.value FROM projects p "
         "JOIN project_versions v ON v.project_id = p.id AND v.number = p.latest_version "
         "JOIN indicators i ON i.version_id = v.id JOIN targets t ON t.indicator_id = i.id "
         "JOIN library_spellings s ON s.raw = i.level3 JOIN library_names n ON n.id = s.name_id WHERE ")


def fill_entries(connection: Connection, project_ids: list[int] | None = None) -> None:
    """Entries for every indicator of the projects' latest versions (all projects when None). For some
    projects one statement through the driver, the projects one parameter (``library_counts.among``)."""
    if project_ids is None:  # a build: the indexes are made once, after the rows
        indexes = [index for index in library_entries.indexes]
        for index in indexes:
            index.drop(connection)
        connection.execute(text(_FILL + "1 = 1"))
        for index in indexes:
            index.create(connection)
        return
    if project_ids:
        run(connection, _FILL + among(connection, "p.id"), [ids_parameter(connection, project_ids)], replanned=True)


def drop_entries(connection: Connection, project_ids: list[int]) -> None:
    """Remove the projects' entries (``library_counts.stage`` them first for the counts)."""
    if project_ids:
        run(connection, "DELETE FROM library_entries WHERE " + among(connection, "project_id"),
            [ids_parameter(connection, project_ids)], replanned=True)


def _in_groups(column: Any, group_ids: list[int] | None) -> Any:
    return column.in_(group_ids) if group_ids is not None else literal(True)


def recount(connection: Connection, group_ids: list[int] | None = None) -> None:
    """Rebuild the value histograms and unit counts of these groups (all when None) from their entries."""
    e = library_entries.c
    numbers = and_(e.kind == "quantitative", e.value.is_not(None))
    for table in (library_values, library_group_units, library_measure_units):
        connection.execute(delete(table).where(_in_groups(table.c.group_id, group_ids)))
    where = _in_groups(e.group_id, group_ids)
    connection.execute(insert(library_values).from_select(
        ["group_id", "measure_unit", "value", "n"],
        select(e.group_id, e.measure_unit, e.value, func.count()).where(where, numbers)
        .group_by(e.group_id, e.measure_unit, e.value)))
    connection.execute(insert(library_group_units).from_select(
        ["group_id", "unit_id", "n"],
        select(e.group_id, e.unit_id, func.count()).where(where).group_by(e.group_id, e.unit_id)))
    connection.execute(insert(library_measure_units).from_select(
        ["group_id", "measure_unit", "unit_id", "n"],
        select(e.group_id, e.measure_unit, e.unit_id, func.count()).where(where, numbers)
        .group_by(e.group_id, e.measure_unit, e.unit_id)))


def counted(connection: Connection, group_ids: list[int] | None = None) -> dict[int, dict[str, Any]]:
    """Per group from its entries (one pass): count, qualitative, ``levels`` and ``directions`` counts."""
    e = library_entries.c
    found: dict[int, dict[str, Any]] = {}
    query = (select(e.group_id, e.level1, e.level2, e.direction, e.kind, func.count())
             .where(_in_groups(e.group_id, group_ids)).group_by(e.group_id, e.level1, e.level2, e.direction, e.kind))
    for group_id, level1, level2, direction, kind, count in connection.execute(query):
        group = found.setdefault(group_id, {"count": 0, "qualitative": 0, "levels": {}, "directions": {}})
        group["count"] += count
        if kind != "quantitative":
            group["qualitative"] += count
        if level2:  # a two-level table's indicator (二级 "", the form has none) is no placement (stats.Counters)
            group["levels"][(level1, level2)] = group["levels"].get((level1, level2), 0) + count
        if direction:
            group["directions"][direction] = group["directions"].get(direction, 0) + count
    return found


def aggregates(connection: Connection, group_ids: list[int] | None = None
               ) -> tuple[dict[int, int], dict[tuple[int, str], int], dict[tuple[int, str], list[tuple[str, int]]]]:
    """(units per group, units per group and measure unit, value histogram per group and measure unit)."""
    units: dict[int, int] = {}
    measure_units: dict[tuple[int, str], int] = {}
    values: dict[tuple[int, str], list[tuple[str, int]]] = {}
    chunks: list[list[int] | None] = [None] if group_ids is None else list(_chunks(sorted(group_ids)))
    for chunk in chunks:
        g = library_group_units.c
        for group_id, count in connection.execute(
                select(g.group_id, func.count()).where(_in_groups(g.group_id, chunk)).group_by(g.group_id)):
            units[group_id] = count
        m = library_measure_units.c
        for group_id, measure_unit, count in connection.execute(
                select(m.group_id, m.measure_unit, func.count()).where(_in_groups(m.group_id, chunk))
                .group_by(m.group_id, m.measure_unit)):
            measure_units[(group_id, measure_unit)] = count
        v = library_values.c
        for group_id, measure_unit, value, n in connection.execute(
                select(v.group_id, v.measure_unit, v.value, v.n).where(_in_groups(v.group_id, chunk))):
            values.setdefault((group_id, measure_unit), []).append((value, n))
    return units, measure_units, values


def histograms(connection: Connection, wanted: Iterable[tuple[int, str]]
               ) -> dict[tuple[int, str], list[tuple[str, int]]]:
    """The value histograms of these (group, measure unit) pairs: the rows of their groups, found by the
    primary key's first column (a row-value ``IN`` of pairs is a full scan on SQLite), kept for the
    pairs asked; one statement through the driver, the groups one parameter (``library_counts.among``)."""
    pairs = set(wanted)
    found: dict[tuple[int, str], list[tuple[str, int]]] = {}
    if not pairs:
        return found
    groups = ids_parameter(connection, sorted({group for group, _unit in pairs}))
    for group_id, measure_unit, value, n in run(
            connection, "SELECT group_id, measure_unit, value, n FROM library_values WHERE "
            + among(connection, "group_id"), [groups], replanned=True):
        if (group_id, measure_unit) in pairs:
            found.setdefault((group_id, measure_unit), []).append((value, n))
    return found


def stored_stats(connection: Connection, group_ids: list[int]) -> dict[int, str]:
    """The groups' statistics as stored (JSON texts), by group; one statement through the driver."""
    if not group_ids:
        return {}
    return dict(run(connection, "SELECT id, stats FROM library_groups WHERE " + among(connection, "id"),
                    [ids_parameter(connection, sorted(group_ids))], replanned=True))


def write_stats(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """``rows``: ``{"gid", "indicator_count", "unit_count", "stats"}`` each. On PostgreSQL one
    ``UPDATE … FROM unnest(…)`` (one round trip), on SQLite one prepared statement run per row."""
    if not rows:
        return
    from sqlalchemy import bindparam, text

    if is_postgres(connection):
        # The rows as one JSON text: a TEXT[] of JSON texts would be escaped element by element by the
        # driver's array dumper (a regular expression per quote mark: ~25 ms for a hundred groups).
        connection.execute(text(
            "UPDATE library_groups SET indicator_count = s.n, unit_count = s.u, stats = s.t, updated_at = :now "
            "FROM json_to_recordset(CAST(:rows AS JSON)) AS s(gid INTEGER, n INTEGER, u INTEGER, t TEXT) "
            "WHERE library_groups.id = s.gid"),
            {"rows": json.dumps([{"gid": r["gid"], "n": r["indicator_count"], "u": r["unit_count"], "t": r["stats"]}
                                 for r in rows], ensure_ascii=False),
             "now": utc_now()})
        return
    connection.execute(update(library_groups).where(library_groups.c.id == bindparam("gid"))
                       .values(indicator_count=bindparam("indicator_count"), unit_count=bindparam("unit_count"),
                               stats=bindparam("stats"), updated_at=utc_now()), rows)


def names_by_norm(connection: Connection, norms: Iterable[str]) -> dict[str, tuple[int, int]]:
    """``norm → (name id, group id)``."""
    found: dict[str, tuple[int, int]] = {}
    for chunk in _chunks(list(norms)):
        found.update((row.norm, (row.id, row.group_id)) for row in connection.execute(
            select(library_names.c.norm, library_names.c.id, library_names.c.group_id)
            .where(library_names.c.norm.in_(chunk))))
    return found


def groups_by_key(connection: Connection, keys: Iterable[str]) -> dict[str, tuple[int, str]]:
    """``key → (group id, leader norm)`` of the groups whose leaders have these keys."""
    found: dict[str, tuple[int, str]] = {}
    for chunk in _chunks(list(keys)):
        for row in connection.execute(select(library_groups.c.key, library_groups.c.id, library_groups.c.leader)
                                      .where(library_groups.c.key.in_(chunk)).order_by(library_groups.c.id)):
            found.setdefault(row.key, (row.id, row.leader))
    return found


def leaders_by_head(connection: Connection, heads: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """``head → [(group id, leader norm)]``."""
    found: dict[str, list[tuple[int, str]]] = {}
    for chunk in _chunks(list(heads)):
        for row in connection.execute(select(library_groups.c.head, library_groups.c.id, library_groups.c.leader)
                                      .where(library_groups.c.head.in_(chunk)).order_by(library_groups.c.id)):
            found.setdefault(row.head, []).append((row.id, row.leader))
    return found


def choices(connection: Connection) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in connection.execute(select(library_choices).order_by(library_choices.c.norm))]


def set_choice(connection: Connection, norm: str, *, anchor: str | None = None, name: str | None = None,
               actor: str | None = None, keep_name: bool = True, keep_anchor: bool = True) -> None:
    """Record an admin's choice about one normalised name (merging into the anchor's group, or a name)."""
    old = connection.execute(select(library_choices).where(library_choices.c.norm == norm)).first()
    values = {"anchor": anchor, "name": name, "actor": actor, "created_at": utc_now()}
    if old is not None:
        if keep_name and name is None:
            values["name"] = old.name
        if keep_anchor and anchor is None:
            values["anchor"] = old.anchor
        connection.execute(update(library_choices).where(library_choices.c.norm == norm).values(**values))
    else:
        connection.execute(insert(library_choices).values(norm=norm, **values))


def move_names(connection: Connection, name_ids: list[int], group_id: int, reason: str) -> None:
    for chunk in _chunks(name_ids):
        connection.execute(update(library_names).where(library_names.c.id.in_(chunk))
                           .values(group_id=group_id, reason=reason, score=100))
        connection.execute(update(library_entries).where(library_entries.c.name_id.in_(chunk))
                           .values(group_id=group_id))


def rename_group(connection: Connection, group_id: int, name: str) -> None:
    connection.execute(update(library_groups).where(library_groups.c.id == group_id).values(name=name))


def set_leader(connection: Connection, group_id: int, leader: str, key: str, head: str) -> None:
    connection.execute(update(library_groups).where(library_groups.c.id == group_id)
                       .values(leader=leader, key=key, head=head))


def drop_empty_groups(connection: Connection, group_ids: Iterable[int]) -> list[int]:
    """Delete those of ``group_ids`` that no name points at any more; returns them."""
    ids = list(group_ids)
    if not ids:
        return []
    used = set(connection.execute(select(library_names.c.group_id).where(library_names.c.group_id.in_(ids))
                                  .distinct()).scalars())
    empty = [g for g in ids if g not in used]
    if empty:
        connection.execute(delete(library_groups).where(library_groups.c.id.in_(empty)))
    return empty
