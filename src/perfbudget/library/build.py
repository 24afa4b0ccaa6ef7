"""Building the library from the store, and keeping it current after each import, edit and approval.

``build_library(store)`` rebuilds everything in one transaction: the names as written in the
latest version of every project are normalised and grouped (:mod:`perfbudget.library.grouping`),
the admin's choices are applied again, the entries are filled by one ``INSERT … SELECT`` and counted
in SQL. ``update_library(store, project_ids)`` does the same for a few projects: their entries are
replaced, new names placed among the existing groups by the same test, and the counts of the groups
they touch changed by increments (value histograms, units), never by reading a whole group.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from perfbudget.library.grouping import THRESHOLD, Assignment, Leader, assign, group_names
from perfbudget.library.names import NameKey, name_key, normalise, search_words
from perfbudget.library.stats import Counters, assemble
from perfbudget.steps import Steps, quiet_steps

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from perfbudget.store import Store

RETRIES = 3


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What a build or an update did: groups, distinct names, indicators (entries) in the library."""

    groups: int
    names: int
    entries: int

    def to_dict(self) -> dict[str, int]:
        return {"groups": self.groups, "names": self.names, "entries": self.entries}


def _apply_choices(weights: dict[str, int], leaders: list[NameKey], group_of: dict[str, int],
                   reasons: dict[str, Assignment], choices: list[dict[str, Any]]) -> dict[int, str]:
    """Apply the admin's merges and splits to a grouping (in place); returns group → chosen name."""
    for choice in choices:  # splits first: a name anchored on itself leads a group of its own
        norm = choice["norm"]
        if choice["anchor"] == norm and norm in group_of and leaders[group_of[norm]].norm != norm:
            group_of[norm] = len(leaders)
            leaders.append(name_key(norm))
            reasons[norm] = Assignment(norm, group_of[norm], 100.0, "管理员拆分：单独成组")
    for choice in choices:
        norm, anchor = choice["norm"], choice["anchor"]
        if anchor and anchor != norm and norm in group_of and anchor in group_of:
            group_of[norm] = group_of[anchor]
            reasons[norm] = Assignment(norm, group_of[anchor], 100.0, f"管理员归入「{anchor}」所在的组")
    members: dict[int, list[str]] = {}
    for norm, group in group_of.items():
        members.setdefault(group, []).append(norm)
    for group, names in members.items():  # a group whose leader moved away is led by its most used name
        if leaders[group].norm not in names:
            leaders[group] = name_key(max(names, key=lambda n: (weights.get(n, 0), -len(n), n)))
    return {group_of[c["norm"]]: c["name"] for c in choices if c["name"] and c["norm"] in group_of}


def build_library(store: Store, progress: Steps = quiet_steps, threshold: float = THRESHOLD) -> BuildSummary:
    """Rebuild the whole library from the store (the admin's choices are kept and applied)."""
    from perfbudget.store import library_reads as reads
    from perfbudget.store import library_rows as rows

    with store.library_writing() as connection:
        rows.lock(connection)
        progress("读取指标名称", 0, 1)
        spellings = rows.spelling_counts(connection)
        norm_of = {raw: normalise(raw) for raw in spellings}
        weights: Counter[str] = Counter()
        for raw, count in spellings.items():
            weights[norm_of[raw]] += count
        progress("读取指标名称", 1, 1)
        progress("归并相同和相近的名称", 0, len(weights))
        grouping = group_names(weights, threshold)
        leaders = list(grouping.leaders)
        reasons = dict(grouping.assignments)
        group_of = {norm: a.group for norm, a in reasons.items() if a.group is not None}
        names = _apply_choices(weights, leaders, group_of, reasons, rows.choices(connection))
        progress("归并相同和相近的名称", len(weights), len(weights))
        progress("写入指标库", 0, 1)
        rows.clear(connection)
        used = sorted(set(group_of.values()))
        ids = dict(zip(used, rows.add_groups(connection, [
            {"name": names.get(g, leaders[g].norm), "leader": leaders[g].norm, "key": leaders[g].key,
             "head": leaders[g].head[:64]} for g in used]), strict=True))
        norms = sorted(group_of)
        name_ids = dict(zip(norms, rows.add_names(connection, [
            {"norm": n, "key": name_key(n).key, "group_id": ids[group_of[n]], "score": round(reasons[n].score),
             "reason": reasons[n].reason} for n in norms]), strict=True))
        rows.add_name_words(connection, {name_ids[n]: search_words(n) for n in norms})
        rows.add_spellings(connection, [{"raw": raw, "name_id": name_ids[norm_of[raw]]} for raw in sorted(spellings)])
        rows.fill_entries(connection)
        progress("写入指标库", 1, 1)
        progress("统计各组指标值分布", 0, len(used))
        restat(connection)
        progress("统计各组指标值分布", len(used), len(used))
        rows.analyze(connection)
        counted = reads.group_count(connection)
    return BuildSummary(counted["groups"], counted["names"], counted["entries"])


def restat(connection: Connection, group_ids: Iterable[int] | None = None) -> None:
    """Count these groups (all when None) again from their entries and write their statistics."""
    from perfbudget.store import library_rows as rows

    wanted = None if group_ids is None else sorted(set(group_ids))
    rows.recount(connection, wanted)
    counted = rows.counted(connection, wanted)
    counters = {g: Counters(c["count"], c["qualitative"], c["levels"], c["directions"]) for g, c in counted.items()}
    units, measure_units, values = rows.aggregates(connection, wanted)
    _write(connection, counters, wanted if wanted is not None else sorted(counters), units, measure_units, values)


def _write(connection: Connection, counters: dict[int, Counters], group_ids: list[int], units: dict[int, int],
           measure_units: dict[tuple[int, str], int], values: dict[tuple[int, str], list[tuple[str, int]]],
           kept: dict[int, list[dict[str, Any]]] | None = None) -> None:
    """Write the groups' statistics: ``values`` are the histograms of the measure units to compute,
    ``kept`` the distributions of those that did not change."""
    from perfbudget.store import library_rows as rows

    measures: dict[int, dict[str, Any]] = {}
    for (group_id, measure_unit), histogram in values.items():
        measures.setdefault(group_id, {})[measure_unit] = (measure_units.get((group_id, measure_unit), 0), histogram)
    found = []
    for group_id in group_ids:
        counter = counters.get(group_id, Counters())
        stats = assemble(counter, units.get(group_id, 0), measures.get(group_id, {}),
                         (kept or {}).get(group_id, ())) if counter.count else {}
        found.append({"gid": group_id, "indicator_count": counter.count, "unit_count": units.get(group_id, 0),
                      "stats": json.dumps(stats, ensure_ascii=False)})
    rows.write_stats(connection, found)


def _apply_staged(connection: Connection) -> None:
    """Change the counts by the entries an update took out and put in, staged with their signs
    (:mod:`perfbudget.store.library_counts`): the value histograms and unit counts by increments in SQL, the
    statistics of the groups they touch from those. The staging table is empty afterwards."""
    from perfbudget.store import library_counts as counts
    from perfbudget.store import library_rows as rows

    parts = counts.parts(connection)
    groups = sorted({part[1] for part in parts})
    if not groups:
        counts.clear(connection)
        return
    stored = {g: json.loads(text or "{}") for g, text in rows.stored_stats(connection, groups).items()}
    counters = {g: Counters.from_stats(stored.get(g, {})) for g in groups}
    for _sign, group_id, level1, level2, kind, direction, change in parts:  # those going out first
        counters[group_id].add(level1, level2, kind, direction, change)
    shrinking = parts[0][0] < 0
    touched = counts.measures(connection)
    counts.add_changes(connection, "library_values", shrinking)
    units = {g: stored.get(g, {}).get("units", 0) for g in groups}
    for (group_id,), moved in counts.add_changes(connection, "library_group_units", shrinking,
                                                 per=("group_id",)).items():
        units[group_id] += moved
    per_measure = {(g, m["unit"]): m["units"] for g in groups for m in stored.get(g, {}).get("measures", [])}
    for (group_id, measure_unit), moved in counts.add_changes(
            connection, "library_measure_units", shrinking, per=("group_id", "measure_unit")).items():
        per_measure[(group_id, measure_unit)] = per_measure.get((group_id, measure_unit), 0) + moved
    counts.clear(connection)
    kept = {g: [m for m in stored.get(g, {}).get("measures", []) if (g, m["unit"]) not in touched] for g in groups}
    _write(connection, counters, groups, units, per_measure, rows.histograms(connection, touched), kept)


def update_library(store: Store, project_ids: Iterable[int]) -> None:
    """Bring the library up to date for these projects (after an import, an edit or an approval).

    Their entries are replaced by their latest versions' indicators; names not seen before are
    placed among the existing groups by the same test a build uses; the statistics of every group they leave or join
    are computed again. Library writers take turns (``library_rows.lock``); retried when the
    database still reports a conflict.
    """
    from sqlalchemy.exc import IntegrityError, OperationalError

    from perfbudget.store import library_rows as rows

    ids = sorted(set(project_ids))
    if not ids:
        return
    for attempt in range(RETRIES):
        try:
            with store.library_writing() as connection:
                rows.lock(connection)
                _update(connection, ids)
            return
        except (IntegrityError, OperationalError):
            if attempt == RETRIES - 1:
                raise


UPDATE_CHUNK = 1000  # projects per update when many come at once (a catch-up, a unit merged or renamed): memory bounded
CATCH_UP_REBUILD = 20_000  # more lagging projects than this: a full build is faster than updates


def catch_up_library(store: Store) -> int:
    """Bring in the projects the library lags behind (``library_reads.lagging_projects``: the documents an
    import committed before it was killed, or a library never built); returns how many. Updated
    ``UPDATE_CHUNK`` at a time (:func:`update_library_in_chunks`); past ``CATCH_UP_REBUILD`` the whole library is
    built instead (an update costs some 3 ms a project, a build 15–22 s at 1,000,000 indicators, docs/library.md)."""
    from perfbudget.store import library_reads as reads

    with store.library_reading() as connection:
        lagging = reads.lagging_projects(connection)
    if len(lagging) > CATCH_UP_REBUILD:
        build_library(store)
        return len(lagging)
    update_library_in_chunks(store, lagging)
    return len(lagging)


def update_library_in_chunks(store: Store, project_ids: Iterable[int], steps: Steps = quiet_steps) -> None:
    """:func:`update_library` for many projects, :data:`UPDATE_CHUNK` at a time (each chunk its own transaction),
    told as 更新指标库 done of all before each chunk and once at the end: the catch-up after an import, and ``unit
    merge`` and ``unit rename``'s projects keyed anew."""
    ids = sorted(set(project_ids))
    for start in range(0, len(ids), UPDATE_CHUNK):
        steps("更新指标库", start, len(ids))
        update_library(store, ids[start:start + UPDATE_CHUNK])
    steps("更新指标库", len(ids), len(ids))


def update_library_for_documents(store: Store, document_ids: list[int]) -> None:
    """``update_library`` for the projects imported documents brought."""
    from perfbudget.store import library_reads as reads

    with store.library_reading() as connection:
        ids = reads.document_projects(connection, document_ids)  # one query, not one per document
    update_library(store, ids)


def forget_projects(connection: Connection, ids: list[int]) -> None:
    """Take these projects' entries out of the library inside the caller's write transaction (a project deleted,
    ``app.project_delete``): the counts and statistics of the groups they leave brought down by them."""
    from perfbudget.store import library_counts as counts
    from perfbudget.store import library_rows as rows

    rows.lock(connection)
    counts.start(connection)
    if counts.stage(connection, ids, -1):
        rows.drop_entries(connection, ids)
        _apply_staged(connection)


def _update(connection: Connection, ids: list[int]) -> None:
    from perfbudget.store import library_counts as counts
    from perfbudget.store import library_rows as rows

    counts.start(connection)
    going = counts.stage(connection, ids, -1, empty=True)  # the staging is emptied at every update's end
    if going:
        rows.drop_entries(connection, ids)
    fresh = rows.new_spellings(connection, ids)
    if fresh:
        _place(connection, list(fresh), fresh)
    rows.fill_entries(connection, ids)
    counts.stage(connection, ids, 1, empty=not going)
    _apply_staged(connection)


def _place(connection: Connection, raws: list[str], spellings: dict[str, int]) -> None:
    """Add spellings not seen before; their normalised names join or lead groups."""
    from perfbudget.store import library_reads as reads
    from perfbudget.store import library_rows as rows

    norm_of = {raw: normalise(raw) for raw in raws}
    weights: Counter[str] = Counter()
    for raw in raws:
        weights[norm_of[raw]] += spellings[raw]
    existing = rows.names_by_norm(connection, weights)
    new = sorted((n for n in weights if n not in existing), key=lambda n: (-weights[n], len(n), n))
    if new:
        keys = {n: name_key(n) for n in new}
        keyed = rows.groups_by_key(connection, {k.key for k in keys.values()})
        by_key = {key: group for key, (group, _leader) in keyed.items()}
        leader_keys = {group: name_key(leader) for group, leader in keyed.values()}
        heads = rows.leaders_by_head(connection, {k.head[:64] for k in keys.values()})
        leaders = {head: [Leader(g, name_key(norm)) for g, norm in found] for head, found in heads.items()}
        anchors = {c["norm"]: c["anchor"] for c in rows.choices(connection) if c["anchor"]}
        name_rows: list[dict[str, Any]] = []
        for norm in new:
            key = keys[norm]
            anchor_group = reads.group_of_norm(connection, anchors[norm]) if norm in anchors else None
            if anchor_group is not None:
                found = Assignment(norm, anchor_group, 100.0, f"管理员归入「{anchors[norm]}」所在的组")
            else:
                found = assign(key, by_key, leaders.get(key.head[:64], []), leader_keys=leader_keys)
            if found.group is None:
                group_id = rows.add_groups(connection, [{"name": norm, "leader": norm, "key": key.key,
                                                         "head": key.head[:64]}])[0]
                by_key[key.key] = group_id
                leader_keys[group_id] = key
                leaders.setdefault(key.head[:64], []).append(Leader(group_id, key))
                found = Assignment(norm, group_id, 100.0, "本组的代表名称")
            name_rows.append({"norm": norm, "key": key.key, "group_id": found.group, "score": round(found.score),
                              "reason": found.reason})
        name_ids = rows.add_names(connection, name_rows)
        for row, name_id in zip(name_rows, name_ids, strict=True):
            existing[row["norm"]] = (name_id, row["group_id"])
        rows.add_name_words(connection, {name_id: search_words(row["norm"])
                                         for row, name_id in zip(name_rows, name_ids, strict=True)})
    rows.add_spellings(connection, [{"raw": raw, "name_id": existing[norm_of[raw]][0]} for raw in raws])
