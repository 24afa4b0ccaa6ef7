"""Read the store: lists with filters, one project's version, its history, a whole document.

Every function takes a :class:`~sqlalchemy.Connection` and returns plain data (dicts or
model objects), so the CLI and the web app share them. Lists show the latest version of
each project and are bounded by ``limit`` (the total is always counted).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, or_, select

from perfbudget.model import Document
from perfbudget.store import rows, search
from perfbudget.store.changes import Change
from perfbudget.store.schema import (
    document_items,
    documents,
    indicators,
    project_versions,
    projects,
    targets,
    units,
    version_changes,
)

_TARGET_COLUMNS = [c.label(f"t_{c.name}") for c in targets.c if c.name != "indicator_id"]


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """One stored project version with where it came from.

    Attributes:
        document: a one-project document: the unit, money unit and kind of the file that
            brought this version, and the project as stored.
        meta: project id, version number, latest version, document id, file name, imported at.
    """

    document: Document
    meta: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Filters:
    """List filters: unit code, fund year, a text searched in names (case-insensitive)."""

    unit: str | None = None
    year: int | None = None
    search: str | None = None


def _latest_join() -> Any:
    return and_(project_versions.c.project_id == projects.c.id,
                project_versions.c.number == projects.c.latest_version)


def _contains(column: Any, text: str, dialect: str) -> Any:
    """``column`` contains ``text``, case ignored; wildcards in ``text`` are escaped.

    SQLite's LIKE already ignores ASCII case (and is faster than lower() LIKE lower()).
    PostgreSQL needs ILIKE, which is several times slower than LIKE on Chinese text, so
    it is used only when the text has letters with a case (Chinese characters have none).
    """
    if dialect == "sqlite" or text.lower() == text.upper():
        return column.contains(text, autoescape=True)
    return column.icontains(text, autoescape=True)


def _filtered(query: Any, filters: Filters, searched: Callable[[Connection, str], Any] | None,
              connection: Connection) -> Any:
    """``query`` with the filters; ``searched`` gives the indexed text condition (store/search.py)."""
    if filters.unit is not None:
        query = query.where(units.c.code == filters.unit)
    if filters.year is not None:
        query = query.where(projects.c.fund_year == filters.year)
    if filters.search and searched is not None:
        query = query.where(searched(connection, filters.search))
    return query


def _page(connection: Connection, query: Any, order: list[Any], limit: int | None,
          total: int | None = None, count_in_scan: bool = False) -> dict[str, Any]:
    """One page of ``query`` and the number of all its rows: the caller's ``total`` when it knows
    a cheaper one; counted in the same scan (``count(*) OVER ()``) for text searches, which must
    scan every row anyway; else by a separate count, so that the page itself can stop early."""
    if total is None and not count_in_scan:
        total = connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()
    if total is None:
        query = query.add_columns(func.count().over().label("_total"))
    query = query.order_by(*order)
    if limit:
        query = query.limit(limit)
    items = [dict(row._mapping) for row in connection.execute(query)]
    if total is None:
        total = items[0]["_total"] if items else 0
        for item in items:
            del item["_total"]
    return {"total": total, "limit": limit or None, "items": items}


def list_units(connection: Connection, filters: Filters = Filters(), limit: int | None = 100) -> dict[str, Any]:
    """Units with the number of projects (in ``filters.year`` when given)."""
    count = func.count(projects.c.id).label("projects")
    query = (select(units.c.id, units.c.code, units.c.name, count)
             .select_from(units.outerjoin(projects, projects.c.unit_id == units.c.id)))
    if filters.year is not None:
        query = query.where(projects.c.fund_year == filters.year)
    if filters.unit is not None:
        query = query.where(units.c.code == filters.unit)
    if filters.search:
        dialect = connection.dialect.name
        query = query.where(or_(_contains(units.c.name, filters.search, dialect),
                                _contains(units.c.code, filters.search, dialect)))
    query = query.group_by(units.c.id, units.c.code, units.c.name)
    return _page(connection, query, [units.c.code, units.c.id], limit)


def list_projects(connection: Connection, filters: Filters = Filters(), limit: int | None = 100) -> dict[str, Any]:
    """Projects (latest versions) with their unit, fund label, version number and budget."""
    query = (
        select(projects.c.id, units.c.code.label("unit_code"), units.c.name.label("unit_name"),
               projects.c.name, projects.c.fund_label, projects.c.fund_year,
               projects.c.latest_version.label("version"), project_versions.c.budget_total,
               documents.c.money_unit, project_versions.c.indicator_count)
        .select_from(projects)
        .join(units, units.c.id == projects.c.unit_id)
        .join(project_versions, _latest_join())
        .join(documents, documents.c.id == project_versions.c.document_id)
    )
    query = _filtered(query, filters, search.project_name_contains, connection)
    return _page(connection, query, [units.c.code, projects.c.fund_year, projects.c.name, projects.c.id], limit)


def list_indicators(connection: Connection, filters: Filters = Filters(), limit: int | None = 100) -> dict[str, Any]:
    """Indicators of the latest versions, with their project and target text."""
    query = (
        select(projects.c.id.label("project_id"), projects.c.name.label("project"), projects.c.fund_label,
               units.c.code.label("unit_code"), indicators.c.position, indicators.c.level1,
               indicators.c.level2, indicators.c.level3, targets.c.raw.label("target"))
        .select_from(projects)
        .join(units, units.c.id == projects.c.unit_id)
        .join(project_versions, _latest_join())
        .join(indicators, indicators.c.version_id == project_versions.c.id)
        .join(targets, targets.c.indicator_id == indicators.c.id)
    )
    query = _filtered(query, filters, search.indicator_text_contains, connection)
    total = None
    if not filters.search:
        # Without a text filter the total is the sum of the versions' indicator counts (10x fewer rows).
        counted = (select(func.coalesce(func.sum(project_versions.c.indicator_count), 0))
                   .select_from(projects).join(units, units.c.id == projects.c.unit_id)
                   .join(project_versions, _latest_join()))
        total = int(connection.execute(_filtered(counted, filters, None, connection)).scalar_one())
    return _page(connection, query, [projects.c.id, indicators.c.position], limit, total,
                 count_in_scan=bool(filters.search))


def find_projects(connection: Connection, reference: str) -> list[dict[str, Any]]:
    """Projects a user means by ``reference``: an id, else the exact name (or 名称-资金标签), else a name part."""
    columns = [projects.c.id, units.c.code.label("unit_code"), units.c.name.label("unit_name"),
               projects.c.name, projects.c.fund_label, projects.c.fund_year,
               projects.c.latest_version.label("version")]
    base = select(*columns).join(units, units.c.id == projects.c.unit_id).order_by(projects.c.id)
    text = reference.strip()
    if text.isdigit():
        found = connection.execute(base.where(projects.c.id == int(text))).all()
        if found:
            return [dict(row._mapping) for row in found]
    name, _, label = text.rpartition("-")
    exact = projects.c.name == text
    if name and label:
        exact = or_(exact, and_(projects.c.name == name, projects.c.fund_label == label))
    found = connection.execute(base.where(exact)).all()
    if not found:
        found = connection.execute(base.where(search.project_name_contains(connection, text)).limit(50)).all()
    return [dict(row._mapping) for row in found]


def load_versions(connection: Connection, version_ids: list[int]) -> dict[int, StoredVersion]:
    """Stored versions by id, each as a one-project document with its metadata (two queries)."""
    if not version_ids:
        return {}
    head = connection.execute(
        select(project_versions, projects.c.name, projects.c.fund_label, projects.c.fund_year,
               projects.c.latest_version, documents.c.unit_code, documents.c.unit_name,
               documents.c.money_unit, documents.c.kind, documents.c.file_name, documents.c.imported_at,
               documents.c.sha256)
        .join(projects, projects.c.id == project_versions.c.project_id)
        .join(documents, documents.c.id == project_versions.c.document_id)
        .where(project_versions.c.id.in_(version_ids))
    ).mappings().all()
    by_version: dict[int, list[Any]] = defaultdict(list)
    query = (select(indicators, *_TARGET_COLUMNS).join(targets, targets.c.indicator_id == indicators.c.id)
             .where(indicators.c.version_id.in_(version_ids))
             .order_by(indicators.c.version_id, indicators.c.position))
    for row in connection.execute(query).mappings():
        by_version[row["version_id"]].append(row)
    out: dict[int, StoredVersion] = {}
    for version in head:
        project = rows.project_from_rows(version, by_version[version["id"]])
        meta = {"project_id": version["project_id"], "version": version["number"],
                "latest_version": version["latest_version"], "version_id": version["id"],
                "document_id": version["document_id"], "file": version["file_name"],
                "sha256": version["sha256"], "imported_at": version["imported_at"]}
        out[version["id"]] = StoredVersion(rows.document_from_rows(version, [project]), meta)
    return out


def project_version(connection: Connection, project_id: int, number: int | None = None) -> StoredVersion | None:
    """A project's version ``number`` (its latest when None)."""
    wanted = projects.c.latest_version if number is None else number
    version_id = connection.execute(
        select(project_versions.c.id).join(projects, projects.c.id == project_versions.c.project_id)
        .where(projects.c.id == project_id, project_versions.c.number == wanted)).scalar()
    if version_id is None:
        return None
    return load_versions(connection, [version_id])[version_id]


def project_history(connection: Connection, project_id: int) -> list[dict[str, Any]]:
    """The project's versions, oldest first, each with its file, time and changes from the one before."""
    versions = connection.execute(
        select(project_versions.c.id, project_versions.c.number, project_versions.c.indicator_count,
               project_versions.c.budget_total, documents.c.id.label("document_id"), documents.c.file_name,
               documents.c.sha256, documents.c.imported_at)
        .join(documents, documents.c.id == project_versions.c.document_id)
        .where(project_versions.c.project_id == project_id)
        .order_by(project_versions.c.number)
    ).mappings().all()
    changes: dict[int, list[Change]] = defaultdict(list)
    query = (select(version_changes).where(version_changes.c.version_id.in_([v["id"] for v in versions]))
             .order_by(version_changes.c.version_id, version_changes.c.position))
    for row in connection.execute(query).mappings():
        changes[row["version_id"]].append(Change(row["kind"], row["subject"], row["field"], row["old"], row["new"]))
    return [{"version": v["number"], "document_id": v["document_id"], "file": v["file_name"],
             "sha256": v["sha256"], "imported_at": v["imported_at"], "indicator_count": v["indicator_count"],
             "budget_total": v["budget_total"], "changes": changes[v["id"]]} for v in versions]


def stored_document(connection: Connection, document_id: int) -> Document | None:
    """A whole stored document: each of its tables as the version it brought or confirmed."""
    head = connection.execute(select(documents).where(documents.c.id == document_id)).mappings().first()
    if head is None:
        return None
    version_ids = list(connection.execute(
        select(document_items.c.version_id).where(document_items.c.document_id == document_id)
        .order_by(document_items.c.position)).scalars())
    loaded = load_versions(connection, version_ids)
    return rows.document_from_rows(head, [loaded[v].document.projects[0] for v in version_ids])


def counts(connection: Connection) -> dict[str, int]:
    """How many rows each main table holds (for summaries and tests)."""
    tables = {"units": units, "documents": documents, "projects": projects, "versions": project_versions,
              "indicators": indicators}
    return {name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for name, table in tables.items()}
