"""The indicator library's reads for search, a group, similar projects and the review rules.

Every function takes a :class:`~sqlalchemy.Connection` (``Store.library_reading()``) and returns
plain data; the writes and the counting are in :mod:`perfbudget.store.library_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select, union_all

from perfbudget.store.bulk import run
from perfbudget.store.library_counts import among, ids_parameter
from perfbudget.store.library_rows import _chunks, _latest
from perfbudget.store.library_tables import (
    library_entries,
    library_groups,
    library_name_words,
    library_names,
    library_spellings,
)
from perfbudget.store.schema import indicators, project_versions, projects, targets, units


def group_rows(connection: Connection, group_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(list(group_ids)):
        found.update((row.id, dict(row._mapping))
                     for row in connection.execute(select(library_groups).where(library_groups.c.id.in_(chunk))))
    return found


def groups_named(connection: Connection, name: str) -> list[int]:
    """Groups whose shown name or leader is ``name``."""
    return list(connection.execute(select(library_groups.c.id).where(
        or_(library_groups.c.name == name, library_groups.c.leader == name)).order_by(library_groups.c.id)).scalars())


def group_of_norm(connection: Connection, norm: str) -> int | None:
    return connection.execute(select(library_names.c.group_id).where(library_names.c.norm == norm)).scalar()


def group_of_spelling(connection: Connection, raw: str) -> int | None:
    return connection.execute(select(library_names.c.group_id).join(
        library_spellings, library_spellings.c.name_id == library_names.c.id)
        .where(library_spellings.c.raw == raw)).scalar()


def names_in_groups(connection: Connection, group_ids: Iterable[int]) -> list[dict[str, Any]]:
    """The normalised names of groups with their reason and how many indicators use each."""
    used = (select(library_entries.c.name_id, func.count().label("used"))
            .where(library_entries.c.group_id.in_(list(group_ids))).group_by(library_entries.c.name_id).subquery())
    query = (select(library_names.c.id, library_names.c.norm, library_names.c.key, library_names.c.group_id,
                    library_names.c.score, library_names.c.reason, func.coalesce(used.c.used, 0).label("used"))
             .outerjoin(used, used.c.name_id == library_names.c.id)
             .where(library_names.c.group_id.in_(list(group_ids))).order_by(library_names.c.id))
    return [dict(row._mapping) for row in connection.execute(query)]


def spellings_of(connection: Connection, name_ids: Iterable[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for chunk in _chunks(list(name_ids)):
        for raw, name_id in connection.execute(select(library_spellings.c.raw, library_spellings.c.name_id)
                                               .where(library_spellings.c.name_id.in_(chunk))
                                               .order_by(library_spellings.c.id)):
            found.setdefault(name_id, []).append(raw)
    return found


def names_with_words(connection: Connection, words: list[str], limit: int = 1000) -> list[tuple[int, str, int]]:
    """``(name id, norm, group id)`` of at most ``limit`` names indexed by any of ``words``, those
    with the most of them first (the search index ``library_name_words``: primary-key look-ups)."""
    if not words:
        return []
    hits = func.count().label("hits")
    query = (select(library_names.c.id, library_names.c.norm, library_names.c.group_id, hits)
             .join(library_name_words, library_name_words.c.name_id == library_names.c.id)
             .where(library_name_words.c.word.in_(words))
             .group_by(library_names.c.id, library_names.c.norm, library_names.c.group_id)
             .order_by(hits.desc(), library_names.c.id).limit(limit))
    return [(row.id, row.norm, row.group_id) for row in connection.execute(query)]


def search_names(connection: Connection, fragments: list[str], limit: int = 1000) -> list[tuple[int, str, int]]:
    """``(name id, norm, group id)`` of at most ``limit`` names containing any of ``fragments`` (a
    scan: only for a text the index has no word of, such as a single character)."""
    if not fragments:
        return []
    where = or_(*(library_names.c.norm.contains(f, autoescape=True) for f in fragments))
    query = select(library_names.c.id, library_names.c.norm, library_names.c.group_id).where(where).limit(limit)
    return [(row.id, row.norm, row.group_id) for row in connection.execute(query)]


def _latest_entries(group_id: int, limit: int) -> Any:
    """The latest ``limit`` entries of one group: a range scan of the (group, indicator) index."""
    e = library_entries.c
    return (select(e.group_id, e.indicator_id, e.project_id, e.unit_id, e.fund_year, e.measure_unit)
            .where(e.group_id == group_id).order_by(e.group_id.desc(), e.indicator_id.desc()).limit(limit))


def examples_of(connection: Connection, group_ids: list[int], limit: int = 5) -> dict[int, list[dict[str, Any]]]:
    """Indicators of each group with their projects, the latest imported first, one per project.

    Three small statements whatever the number of groups: the groups' latest entries (one arm
    per group, each an index range scan of ``limit × 4`` entries), then those indicators with
    their targets and those projects with their units by primary key. (One join of the five
    tables per group cost PostgreSQL more to plan than to run.)
    """
    found: dict[int, list[dict[str, Any]]] = {g: [] for g in group_ids}
    if not group_ids or limit <= 0:
        return found
    arms = [select(_latest_entries(g, limit * 4).subquery()) for g in group_ids]
    statement = arms[0] if len(arms) == 1 else union_all(*arms)
    entries = sorted((dict(row._mapping) for row in connection.execute(statement)),
                     key=lambda r: (r["group_id"], -r["indicator_id"]))
    chosen: list[dict[str, Any]] = []
    seen: set[tuple[int, int]] = set()
    counts: dict[int, int] = {}
    for entry in entries:
        key = (entry["group_id"], entry["project_id"])
        if key in seen or counts.get(entry["group_id"], 0) == limit:
            continue
        seen.add(key)
        counts[entry["group_id"]] = counts.get(entry["group_id"], 0) + 1
        chosen.append(entry)
    if not chosen:
        return found
    rows = {row.id: row for row in connection.execute(
        select(indicators.c.id, indicators.c.level1, indicators.c.level2, indicators.c.level3,
               targets.c.raw.label("target")).join(targets, targets.c.indicator_id == indicators.c.id)
        .where(indicators.c.id.in_([e["indicator_id"] for e in chosen])))}
    owners = {row.id: row for row in connection.execute(
        select(projects.c.id, projects.c.name, projects.c.fund_label, units.c.code, units.c.name.label("unit_name"))
        .join(units, units.c.id == projects.c.unit_id)
        .where(projects.c.id.in_(sorted({e["project_id"] for e in chosen}))))}
    for entry in chosen:
        indicator, owner = rows.get(entry["indicator_id"]), owners.get(entry["project_id"])
        if indicator is None or owner is None:
            continue
        found[entry["group_id"]].append({
            **entry, "project": owner.name, "fund_label": owner.fund_label, "unit_code": owner.code,
            "unit_name": owner.unit_name, "level1": indicator.level1, "level2": indicator.level2,
            "level3": indicator.level3, "target": indicator.target})
    return found


def examples(connection: Connection, group_id: int, limit: int = 5) -> list[dict[str, Any]]:
    """Indicators of a group with their projects, the latest imported first, one per project."""
    return examples_of(connection, [group_id], limit)[group_id]


def group_count(connection: Connection) -> dict[str, int]:
    return {"groups": connection.execute(select(func.count()).select_from(library_groups)).scalar_one(),
            "names": connection.execute(select(func.count()).select_from(library_names)).scalar_one(),
            "entries": connection.execute(select(func.count()).select_from(library_entries)).scalar_one()}


def all_groups(connection: Connection, minimum: int | None = None) -> Iterator[dict[str, Any]]:
    """The groups, most used first, as they are read (``minimum``: those used by at least that many indicators)."""
    query = select(library_groups).order_by(library_groups.c.indicator_count.desc(), library_groups.c.id)
    if minimum is not None:
        query = query.where(library_groups.c.indicator_count >= minimum)
    for row in connection.execute(query):
        yield dict(row._mapping)


def groups_used_by(connection: Connection, minimum: int | None = None) -> int:
    """How many groups :func:`all_groups` gives (one ``SELECT count``: the export's bar knows its total before it
    streams them)."""
    query = select(func.count()).select_from(library_groups)
    if minimum is not None:
        query = query.where(library_groups.c.indicator_count >= minimum)
    return int(connection.execute(query).scalar_one())


def project_summaries(connection: Connection, project_ids: list[int]) -> dict[int, dict[str, Any]]:
    """Name, fund label/year, unit and purpose of the projects' latest versions."""
    found: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(project_ids):
        query = (select(projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year,
                        units.c.code.label("unit_code"), units.c.name.label("unit_name"),
                        units.c.key.label("unit_key"), project_versions.c.purpose,
                        project_versions.c.fund_source, project_versions.c.id.label("version_id"))
                 .select_from(projects).join(units, units.c.id == projects.c.unit_id)
                 .join(project_versions, _latest()).where(projects.c.id.in_(chunk)))
        found.update((row.id, dict(row._mapping)) for row in connection.execute(query))
    return found


def projects_sharing_groups(connection: Connection, group_ids: list[int], exclude: int,
                            limit: int = 200) -> list[tuple[int, int]]:
    """``(project id, shared groups)`` for the projects using most of ``group_ids``."""
    if not group_ids:
        return []
    shared = func.count(func.distinct(library_entries.c.group_id)).label("shared")
    query = (select(library_entries.c.project_id, shared).where(library_entries.c.group_id.in_(group_ids))
             .where(library_entries.c.project_id != exclude).group_by(library_entries.c.project_id)
             .order_by(shared.desc(), library_entries.c.project_id.desc()).limit(limit))
    return [(row.project_id, row.shared) for row in connection.execute(query)]


def projects_named_like(connection: Connection, fragments: list[str], exclude: int | None,
                        limit: int = 200) -> list[int]:
    if not fragments:
        return []
    query = select(projects.c.id).where(or_(*(projects.c.name.contains(f, autoescape=True) for f in fragments)))
    if exclude is not None:
        query = query.where(projects.c.id != exclude)
    return list(connection.execute(query.order_by(projects.c.id.desc()).limit(limit)).scalars())


def project_group_sets(connection: Connection, project_ids: list[int]) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for chunk in _chunks(project_ids):
        for project_id, group_id in connection.execute(
                select(library_entries.c.project_id, library_entries.c.group_id)
                .where(library_entries.c.project_id.in_(chunk))):
            found.setdefault(project_id, set()).add(group_id)
    return found


def unit_projects(connection: Connection, unit_key: str, fund_year: int) -> list[dict[str, Any]]:
    """The unit's projects of a fund year: id, name, fund label, fund source of the latest version."""
    query = (select(projects.c.id, projects.c.name, projects.c.fund_label, project_versions.c.fund_source)
             .select_from(projects).join(units, units.c.id == projects.c.unit_id).join(project_versions, _latest())
             .where(units.c.key == unit_key, projects.c.fund_year == fund_year))
    return [dict(row._mapping) for row in connection.execute(query)]


def document_projects(connection: Connection, document_ids: int | list[int]) -> list[int]:
    """The projects whose tables a document (or several) holds: one statement through the driver, the documents
    one parameter (``library_counts.among``), the ids read as plain tuples (a bulk import asks this for each
    ``LIBRARY_EVERY`` documents: SQLAlchemy's expanded ``IN`` and result rows cost ≈ 7 k instructions a table)."""
    wanted = [document_ids] if isinstance(document_ids, int) else sorted(set(document_ids))
    if not wanted:
        return []
    found = run(connection, "SELECT DISTINCT v.project_id FROM document_items d JOIN project_versions v "
                            f"ON v.id = d.version_id WHERE {among(connection, 'd.document_id')}",
                [ids_parameter(connection, wanted)], replanned=True)
    return sorted(row[0] for row in found)


def project_indicators(connection: Connection, version_id: int) -> list[dict[str, Any]]:
    """A version's indicators in table order: placement, name and target as written."""
    query = (select(indicators.c.level1, indicators.c.level2, indicators.c.level3, targets.c.raw.label("target"))
             .join(targets, targets.c.indicator_id == indicators.c.id)
             .where(indicators.c.version_id == version_id).order_by(indicators.c.position))
    return [dict(row._mapping) for row in connection.execute(query)]


def lagging_projects(connection: Connection) -> list[int]:
    """The projects whose library entries are not those of their latest version: the latest version has
    indicators and no entries, or entries of another version are left. An import's library update runs after
    its documents are committed, so a process killed in between leaves these (store/api.py ``library_batch``).
    The entries are grouped by project once (the lowest and highest version each holds) and joined to the
    latest versions: at 1,000,000 indicators on PostgreSQL 0.7–1.0 s under load 16, against 1.9–2.8 s for a
    probe of the entries' index per project (2026-12-04)."""
    held = (select(library_entries.c.project_id, func.min(library_entries.c.version_id).label("low"),
                   func.max(library_entries.c.version_id).label("high"))
            .group_by(library_entries.c.project_id).subquery("held"))
    has_indicators = project_versions.c.indicator_count > 0
    query = (select(projects.c.id).join(project_versions, _latest())
             .outerjoin(held, held.c.project_id == projects.c.id)
             .where(or_(and_(has_indicators, or_(held.c.low.is_(None), held.c.low != project_versions.c.id,
                                                 held.c.high != project_versions.c.id)),
                        and_(~has_indicators, held.c.low.is_not(None))))
             .order_by(projects.c.id))
    return list(connection.execute(query).scalars())
