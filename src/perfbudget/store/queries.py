"""Read the store: lists with filters, one project's version, its history, a whole document.

Every function takes a :class:`~sqlalchemy.Connection` and returns plain data (dicts or
model objects), so the CLI and the web app share them. Lists show the latest version of
each project and are bounded by ``limit`` (the total is always counted).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, or_, select

from perfbudget import text_caches
from perfbudget.model import Document, Indicator
from perfbudget.page_size import PAGE
from perfbudget.plain_numbers import is_number, stored_id
from perfbudget.store import rows, search
from perfbudget.store.changes import Change
from perfbudget.store.ordering import sort_key, unit_order
from perfbudget.store.records import workflow_states
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
from perfbudget.store.status import project_status
from perfbudget.store.unit_match import unit_named

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
    """List filters: unit code, fund year, a text searched in names (case-insensitive), the workflow state;
    ``scope``: only the unit of this code (a unit-bound user's, the API's); ``latest``: the indicators of each
    project's latest version rather than its official one (the approved version while a revision waits)."""

    unit: str | None = None
    year: int | None = None
    search: str | None = None
    state: str | None = None
    scope: str | None = None
    latest: bool = False


def _latest_join() -> Any:
    return and_(project_versions.c.project_id == projects.c.id,
                project_versions.c.number == projects.c.latest_version)


def _with_version(joined: Any, filters: Filters) -> Any:
    """``joined`` (holding ``projects``) joined to each project's official version (``project_status.version_id``:
    the approved one while a revision waits, else the latest, as the project lists take it), or with
    ``filters.latest`` its latest version: two primary-key look-ups a project, as the latest's one index probe."""
    if filters.latest:
        return joined.join(project_versions, _latest_join())
    return (joined.join(project_status, project_status.c.project_id == projects.c.id)
            .join(project_versions, project_versions.c.id == project_status.c.version_id))


def _contains(column: Any, text: str, dialect: str) -> Any:
    """``column`` contains ``text``, case ignored; wildcards in ``text`` are escaped.

    SQLite's LIKE already ignores ASCII case (and is faster than lower() LIKE lower()).
    PostgreSQL needs ILIKE, which is several times slower than LIKE on Chinese text, so
    it is used only when the text has letters with a case (Chinese characters have none).
    """
    if dialect == "sqlite" or text.lower() == text.upper():
        return column.contains(text, autoescape=True)
    return column.icontains(text, autoescape=True)


# A search's total is counted up to this; beyond it the list says 「1,000+」. Counting checks each match
# (its text, its version is the latest, the filters), so an exact total of a text found in 40 % of a
# million indicators costs a read of 400,000 rows; 1,000 keeps every search within milliseconds.
COUNT_CAP = 1_000
# PostgreSQL: a text the index is estimated to find in more rows than this is counted on the rows, not
# through the index (see :func:`_searched`). Either way the answer is the same; only the path differs.
DENSE_ESTIMATE = 50 * COUNT_CAP


def _filtered(query: Any, filters: Filters) -> Any:
    """``query`` with the unit and year filters (the text search is applied by :func:`_searched`)."""
    if filters.unit is not None:
        query = query.where(unit_named(filters.unit))
    if filters.year is not None:
        query = query.where(projects.c.fund_year == filters.year)
    if filters.scope is not None:
        query = query.where(units.c.code == filters.scope)
    if filters.state is not None:  # (project_status keeps each project's state, a draft's too)
        query = query.where(projects.c.id.in_(select(project_status.c.project_id)
                                              .where(project_status.c.state == filters.state)))
    return query


def _count(connection: Connection, query: Any, cap: int | None = None) -> int:
    if cap is not None:
        query = query.limit(cap + 1)
    return int(connection.execute(select(func.count()).select_from(query.subquery())).scalar_one())


@dataclass(frozen=True, slots=True)
class _Search:
    """How a page of a searched list is read: the ids query with the text condition, its total."""

    ids: Any
    total: int
    capped: bool


def _searched(connection: Connection, ids: Any, value: str, table: str, key: Any,
              verified: Callable[[Any], Any], within: Any | None = None) -> _Search | None:
    """``ids`` narrowed to the rows whose text contains ``value``, with the total of them counted up to
    :data:`COUNT_CAP` (None: nothing matches). ``verified(candidates)`` is the list's rows reached from a
    subquery of candidate ids (joined from it, so that the count reads the index's candidates first and
    stops at the cap), or from the searched table itself (``None``; PostgreSQL, where the index
    condition goes on the table). ``within``: a condition on the searched table's own row that the
    list's filters imply (the indicator's year): on PostgreSQL the index's candidates are taken with it,
    so that rows the filters drop are dropped where the index hands them over, before any join
    (``verified`` and ``ids`` must imply it: it only narrows what they find anyway).

    The index's candidates are counted first (the index alone, up to the cap). A rarer text — at most
    the cap of candidates — is read from them: an exact count, then the page sorted from at most that
    many rows. A common one (more candidates than the cap) matches densely, so the page walks the list's
    order and checks the text on each row, stopping at the page's end; its total is the count of the
    checked candidates up to the cap, shown as 「1,000+」 when it reaches it. With ``within`` on
    PostgreSQL the matches are counted at once (up to the cap) and that count chooses the page's way."""
    plain = search.plain_condition(connection, table, value)
    candidates = search.candidate_ids(connection, table, value)
    if candidates is search.NOTHING:
        return None
    if within is not None and candidates is not None and connection.dialect.name == "postgresql":
        candidates = candidates.where(within)
    if candidates is None:  # no index: the LIKE reads the rows
        query = ids.where(plain)
        total = _count(connection, query, COUNT_CAP)
        return _Search(query, min(total, COUNT_CAP), total > COUNT_CAP)
    if connection.dialect.name == "postgresql":  # the index condition on the table: a bitmap scan of it
        # The gram function's high cost (store/search.py) makes the estimates large enough for JIT
        # compilation and parallel workers, which cost more than these index reads of ~1,000 rows.
        connection.exec_driver_sql("SET LOCAL jit = off")
        connection.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
        counted = verified(None).where(candidates.whereclause, plain)
    else:  # joined from the FTS table's rowids
        counted = verified(candidates.subquery()).where(plain)
        if within is not None:
            counted = counted.where(within)
    if connection.dialect.name == "postgresql":  # read the index first, whatever the rest of the plan
        hits = candidates.cte(f"search_hits_{uuid.uuid4().hex[:8]}").prefix_with("MATERIALIZED")
        narrowed = ids.where(key.in_(select(hits.c.id)), plain)
    else:
        narrowed = ids.where(key.in_(candidates), plain)
    if connection.dialect.name == "postgresql" and search.estimated_rows(connection, candidates) > DENSE_ESTIMATE:
        # Found in a large share of the rows (the planner's statistics of the gram index say so): the
        # index would hand over a bitmap of every match (400,000 for 率: 50 ms) just to count a thousand,
        # where checking the rows themselves reaches the cap after a few thousand.
        total = _count(connection, verified(None).where(plain), COUNT_CAP)
        return _Search(ids.where(plain), min(total, COUNT_CAP), total > COUNT_CAP)
    if within is not None and connection.dialect.name == "postgresql":
        # The candidates are the filters' own (the year's): counting them would read the same rows as
        # counting the matches, so the matches are counted at once (up to the cap) and decide the page.
        total = _count(connection, counted, COUNT_CAP)
        if total <= COUNT_CAP:
            return _Search(narrowed, total, False)
        return _Search(ids.where(plain), COUNT_CAP, True)
    if _count(connection, candidates, COUNT_CAP) <= COUNT_CAP:
        return _Search(narrowed, _count(connection, counted), False)
    total = _count(connection, counted, COUNT_CAP)
    return _Search(ids.where(plain), min(total, COUNT_CAP), total > COUNT_CAP)


def _walk(connection: Connection, ids: Any, order: list[Any], limit: int | None, offset: int,
          rows_of: Callable[[list[int]], Any], key: str, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """The rows of one page (every row when ``limit`` is None): the page's ids in the list's order (an
    index walk that stops at the page's end), streamed, and their rows (``rows_of``) read ``chunk`` ids
    at a time, put back in that order."""
    query = ids.order_by(*order).offset(offset or None)
    if limit is not None:
        query = query.limit(limit)
    for part in connection.execute(query.execution_options(yield_per=chunk)).scalars().partitions():
        page_ids = list(part)
        found = {row._mapping[key]: dict(row._mapping) for row in connection.execute(rows_of(page_ids))}
        yield from (found[i] for i in page_ids)


def _result(total: int, capped: bool, limit: int | None, offset: int, items: Any) -> dict[str, Any]:
    """A list's answer: ``items`` (a list, or an iterator when streamed), ``total`` (``total_capped``: at
    least that many)."""
    return {"total": total, "total_capped": capped, "limit": limit, "offset": offset, "items": items}


def list_units(connection: Connection, filters: Filters = Filters(), limit: int | None = PAGE,
               offset: int = 0, stream: bool = False) -> dict[str, Any]:
    """Units with the number of projects (in ``filters.year`` when given), by unit code."""
    ids = select(units.c.id)
    if filters.unit is not None:
        ids = ids.where(unit_named(filters.unit))
    if filters.scope is not None:  # a unit-bound user's (the API's units of a unit's token)
        ids = ids.where(units.c.code == filters.scope)
    if filters.search:
        dialect = connection.dialect.name
        ids = ids.where(or_(_contains(units.c.name, filters.search, dialect),
                            _contains(units.c.code, filters.search, dialect)))
    total = _count(connection, ids)

    def rows_of(page: list[int]) -> Any:
        counted = projects.c.unit_id == units.c.id
        if filters.year is not None:
            counted = and_(counted, projects.c.fund_year == filters.year)
        number = (select(func.count()).select_from(projects).where(counted).scalar_subquery()).label("projects")
        return select(units.c.id, units.c.code, units.c.name, number).where(units.c.id.in_(page))

    walked = _walk(connection, ids, _unit_order(connection.dialect.name), limit, offset, rows_of, "id")
    return _result(total, False, limit, offset, walked if stream else list(walked))


def _unit_order(dialect: str) -> list[Any]:
    """Units by code, a unit without one last, codes by code point (``store/ordering.py``): SQLite put the units
    without a code first and PostgreSQL last, and PostgreSQL compared codes by its collation, until 2026-12-05."""
    return unit_order(dialect)


def _project_order(dialect: str, *ties: Any) -> list[Any]:
    """Projects by unit (as :func:`_unit_order`), year (none last), name (by code point), ``ties``, id.

    The list (:func:`list_projects`) has no other tie than the id: it is an index walk on PostgreSQL
    (``order_projects_unit``: unit, year, name, id) that stops at the page's end; :func:`find_projects`' few
    candidates break a tie by the fund label too."""
    return [*_unit_order(dialect), sort_key(projects.c.fund_year, dialect), sort_key(projects.c.name, dialect),
            *ties, projects.c.id]


def _project_rows(page: list[int]) -> Any:
    """A page's rows at each project's official version (``project_status.version_id``: the approved one while a
    revision waits, else the latest), as the API's ``GET /projects`` and the web's list give them; until replay-i
    the CLI's list gave the latest version, a waiting revision's number and budget."""
    return (select(projects.c.id, units.c.code.label("unit_code"), units.c.name.label("unit_name"),
                   projects.c.name, projects.c.fund_label, projects.c.fund_year,
                   project_versions.c.number.label("version"), projects.c.latest_version,
                   project_versions.c.budget_total, documents.c.money_unit, project_versions.c.indicator_count)
            .select_from(projects)
            .join(units, units.c.id == projects.c.unit_id)
            .join(project_status, project_status.c.project_id == projects.c.id)
            .join(project_versions, project_versions.c.id == project_status.c.version_id)
            .join(documents, documents.c.id == project_versions.c.document_id)
            .where(projects.c.id.in_(page)))


def list_projects(connection: Connection, filters: Filters = Filters(), limit: int | None = PAGE,
                  offset: int = 0, stream: bool = False) -> dict[str, Any]:
    """Projects (official versions) with their unit, fund label, version number and budget: one page
    (``limit`` rows from ``offset``; None: all), by unit code, year, name; and the total."""
    ids = _filtered(select(projects.c.id).select_from(projects.join(units, units.c.id == projects.c.unit_id)),
                    filters)
    capped = False
    if filters.search:
        def verified(candidates: Any | None) -> Any:
            joined = (projects if candidates is None
                      else candidates.join(projects, projects.c.id == next(iter(candidates.c))))
            return _filtered(select(projects.c.id).select_from(joined.join(units, units.c.id == projects.c.unit_id)),
                             filters)

        found = _searched(connection, ids, filters.search, "projects", projects.c.id, verified)
        if found is None:
            return _result(0, False, limit, offset, [])
        ids, total, capped = found.ids, found.total, found.capped
    elif filters.unit is None and filters.scope is None:
        total = _count(connection, _filtered(select(projects.c.id), filters))
    else:
        total = _count(connection, ids)
    walked = _walk(connection, ids, _project_order(connection.dialect.name), limit, offset, _project_rows, "id")
    return _result(total, capped, limit, offset, walked if stream else list(walked))


def _indicator_rows(page: list[int]) -> Any:
    return (select(indicators.c.id, projects.c.id.label("project_id"), projects.c.name.label("project"),
                   projects.c.fund_label, units.c.code.label("unit_code"), project_versions.c.number.label("version"),
                   projects.c.latest_version, indicators.c.position,
                   indicators.c.level1, indicators.c.level2, indicators.c.level3, targets.c.raw.label("target"))
            .select_from(indicators)
            .join(targets, targets.c.indicator_id == indicators.c.id)
            .join(project_versions, project_versions.c.id == indicators.c.version_id)
            .join(projects, projects.c.id == project_versions.c.project_id)
            .join(units, units.c.id == projects.c.unit_id)
            .where(indicators.c.id.in_(page)))


def _without_id(item: dict[str, Any]) -> dict[str, Any]:
    del item["id"]
    return item


# The indicators the official versions hold less those of the latest versions: the projects whose revision waits
# (an approved version older than the latest; such a project has more than one version, the index range of
# ``superseded``). Built once: its two aliases made per call cost 1.2 ms of SQLAlchemy, the query 0.04 ms (10,000
# projects, SQLite).
_LATEST, _APPROVED = project_versions.alias("latest"), project_versions.alias("approved")
_WAITING = (select(func.coalesce(func.sum(_LATEST.c.indicator_count - _APPROVED.c.indicator_count), 0))
            .select_from(projects)
            .join(workflow_states, and_(workflow_states.c.project_id == projects.c.id,
                                        workflow_states.c.approved_version < projects.c.latest_version))
            .join(_LATEST, and_(_LATEST.c.project_id == projects.c.id, _LATEST.c.number == projects.c.latest_version))
            .join(_APPROVED, and_(_APPROVED.c.project_id == projects.c.id,
                                  _APPROVED.c.number == workflow_states.c.approved_version))
            .where(projects.c.latest_version > 1))


def _indicator_total(connection: Connection, filters: Filters) -> int:
    """How many indicators the official (``filters.latest``: latest) versions hold, with the unit and year filters,
    from the versions' counts: with no filter, every version's count less the superseded versions' (few), and for
    the official versions less the waiting revisions' plus their approved versions' (fewer), so that the projects
    are not read."""
    if filters.unit is None and filters.year is None and filters.state is None and filters.scope is None:
        every = select(func.coalesce(func.sum(project_versions.c.indicator_count), 0))
        superseded = (select(func.coalesce(func.sum(project_versions.c.indicator_count), 0))
                      .select_from(projects)
                      .join(project_versions, and_(project_versions.c.project_id == projects.c.id,
                                                   project_versions.c.number < projects.c.latest_version))
                      .where(projects.c.latest_version > 1))
        total = int(connection.execute(every).scalar_one()) - int(connection.execute(superseded).scalar_one())
        if filters.latest:
            return total
        return total - int(connection.execute(_WAITING).scalar_one())
    counted = (select(func.coalesce(func.sum(project_versions.c.indicator_count), 0))
               .select_from(_with_version(projects.join(units, units.c.id == projects.c.unit_id), filters)))
    return int(connection.execute(_filtered(counted, filters)).scalar_one())


def list_indicators(connection: Connection, filters: Filters = Filters(), limit: int | None = PAGE,
                    offset: int = 0, stream: bool = False) -> dict[str, Any]:
    """Indicators of the official versions (the approved one while a revision waits, as the project lists; with
    ``filters.latest`` the latest versions), with their project, version and target text: one page, by project and
    position, and the total (of a search: up to :data:`COUNT_CAP`). Until replay-j they were the latest versions'
    alone, a waiting revision's indicators beside the lists' approved version."""
    joined = _with_version(projects, filters).join(indicators, indicators.c.version_id == project_versions.c.id)
    if filters.unit is not None or filters.scope is not None:
        joined = joined.join(units, units.c.id == projects.c.unit_id)
    ids = select(indicators.c.id).select_from(joined)
    ids = _filtered(ids, filters)
    capped = False
    if filters.search:
        # The year on the indicator row (its project's, schema.py): a candidate of another year is dropped
        # before its version and project are joined.
        in_year = None if filters.year is None else indicators.c.fund_year == filters.year

        def verified(candidates: Any | None) -> Any:
            joined = (indicators if candidates is None
                      else candidates.join(indicators, indicators.c.id == next(iter(candidates.c))))
            joined = joined.join(project_versions, project_versions.c.id == indicators.c.version_id)
            if filters.latest:
                joined = joined.join(projects, _latest_join())
            else:  # the candidate's version is its project's official one (joined by the version alone: with the
                # project's id as well PostgreSQL took the two conditions as independent, planned one row and
                # computed every indicator's bigrams past the search index, 26 s a search at 1,000,000 indicators)
                joined = (joined.join(projects, projects.c.id == project_versions.c.project_id)
                          .join(project_status, project_status.c.version_id == project_versions.c.id))
            if filters.unit is not None or filters.scope is not None:
                joined = joined.join(units, units.c.id == projects.c.unit_id)
            return _filtered(select(indicators.c.id).select_from(joined), filters)

        found = _searched(connection, ids, filters.search, "indicators", indicators.c.id, verified, in_year)
        if found is None:
            return _result(0, False, limit, offset, [])
        ids, total, capped = found.ids, found.total, found.capped
    else:
        total = _indicator_total(connection, filters)
    walked = (_without_id(item) for item in _walk(connection, ids, [projects.c.id, indicators.c.position], limit,
                                                   offset, _indicator_rows, "id"))
    return _result(total, capped, limit, offset, walked if stream else list(walked))


def find_projects(connection: Connection, reference: str) -> list[dict[str, Any]]:
    """Projects a user means by ``reference``: a number (ASCII digits only) is an id and nothing else (none when no
    project has it: ``0`` named every project whose name holds a 0 until replay-z, where the API's ``/projects/0`` is
    404); any other text the exact name (or 名称-资金标签), else a name part."""
    columns = [projects.c.id, units.c.code.label("unit_code"), units.c.name.label("unit_name"),
               projects.c.name, projects.c.fund_label, projects.c.fund_year,
               projects.c.latest_version.label("version"), projects.c.unit_id]
    # by what the projects are, the id last (by id until replay-ab: the order of the writes, which a PostgreSQL import
    # of a directory makes differently from SQLite's, so 「show 检察」 listed its candidates, and a name part its
    # first 50, differently on the two)
    dialect = connection.dialect.name
    base = (select(*columns).join(units, units.c.id == projects.c.unit_id)
            .order_by(*_project_order(dialect, sort_key(projects.c.fund_label, dialect))))
    text = reference.strip()
    if is_number(text):
        project_id = stored_id(text)
        found = connection.execute(base.where(projects.c.id == project_id)).all() if project_id is not None else []
        return [dict(row._mapping) for row in found]
    name, _, label = text.rpartition("-")
    exact = projects.c.name == text
    if name and label:
        exact = or_(exact, and_(projects.c.name == name, projects.c.fund_label == label))
    found = connection.execute(base.where(exact)).all()
    if not found:
        found = connection.execute(base.where(search.project_name_contains(connection, text)).limit(50)).all()
    return [dict(row._mapping) for row in found]


# The unit a stored version belongs to, as the unit is now (its row in ``units``), not as the file that brought the
# version named it (``documents.unit_code``/``unit_name``, kept as written): a unit renamed, or merged into another,
# reads back as one unit on every face (faces46's second reading: the documents' copies split a merged unit in two).
UNIT_NOW = (units.c.code.label("unit_code"), units.c.name.label("unit_name"))

# Built once: a statement made per call costs more in SQLAlchemy's expression building than the
# query costs in the database (a project page runs several of them).
_VERSION_HEAD = (
    select(project_versions, projects.c.name, projects.c.fund_label, projects.c.fund_year,
           projects.c.latest_version, *UNIT_NOW, documents.c.money_unit, documents.c.kind, documents.c.file_name,
           documents.c.imported_at, documents.c.sha256)
    .join(projects, projects.c.id == project_versions.c.project_id)
    .join(units, units.c.id == projects.c.unit_id)
    .join(documents, documents.c.id == project_versions.c.document_id))
_HEADS_BY_ID = _VERSION_HEAD.where(project_versions.c.id.in_(bindparam("ids", expanding=True)))
_HEAD_BY_NUMBER = _VERSION_HEAD.where(project_versions.c.project_id == bindparam("project_id"),
                                      project_versions.c.number == bindparam("number"))
_HEAD_LATEST = _VERSION_HEAD.where(project_versions.c.project_id == bindparam("project_id"),
                                   project_versions.c.number == projects.c.latest_version)
# The columns :func:`rows.indicator_from_values` takes, after the version id.
INDICATOR_COLUMNS = (indicators.c.version_id, indicators.c.level1, indicators.c.level2, indicators.c.level3,
                     indicators.c.description, indicators.c.weight, indicators.c.actual, indicators.c.score,
                     indicators.c.deviation, indicators.c.extras, targets.c.raw, targets.c.kind, targets.c.op,
                     targets.c.value, targets.c.unit, targets.c.direction, targets.c.upper, targets.c.period_start,
                     targets.c.period_end)
_INDICATORS_OF = (select(*INDICATOR_COLUMNS).join(targets, targets.c.indicator_id == indicators.c.id)
                  .where(indicators.c.version_id.in_(bindparam("ids", expanding=True)))
                  .order_by(indicators.c.version_id, indicators.c.position))


def load_versions(connection: Connection, version_ids: list[int]) -> dict[int, StoredVersion]:
    """Stored versions by id, each as a one-project document with its metadata (two queries)."""
    if not version_ids:
        return {}
    head = connection.execute(_HEADS_BY_ID, {"ids": list(version_ids)}).mappings().all()
    return _built(connection, head)


def _built(connection: Connection, head: Any) -> dict[int, StoredVersion]:
    by_version: dict[int, list[Indicator]] = defaultdict(list)
    if head:
        loaded = []
        for version_id, *values in connection.execute(_INDICATORS_OF, {"ids": [v["id"] for v in head]}):
            by_version[version_id].append(rows.indicator_from_values(*values))
            loaded.append(values)
        text_caches.read(rows.texts_length(loaded))  # the texts loaded, once a load (perfbudget.text_caches)
    return _versions(head, by_version)


def _versions(head: Any, by_version: dict[int, list[Indicator]]) -> dict[int, StoredVersion]:
    out: dict[int, StoredVersion] = {}
    for version in head:
        project = rows.project_from_rows(version, [], by_version[version["id"]])
        meta = {"project_id": version["project_id"], "version": version["number"],
                "latest_version": version["latest_version"], "version_id": version["id"],
                "document_id": version["document_id"], "file": version["file_name"],
                "sha256": version["sha256"], "imported_at": version["imported_at"]}
        out[version["id"]] = StoredVersion(rows.document_from_rows(version, [project]), meta)
    return out


def version_from_head(connection: Connection, head: Any) -> StoredVersion:
    """The stored version whose head row (the columns of ``_VERSION_HEAD``, as a mapping) was read
    already, e.g. within a larger query: its indicators in one query."""
    return _built(connection, [head])[head["id"]]


def version_from_rows(head: Any, indicator_rows: list[Any]) -> StoredVersion:
    """The stored version of ``head`` (as for :func:`version_from_head`) whose indicators were read
    already: the values of :data:`INDICATOR_COLUMNS` after the version id, in position order (equal indicators
    shared with earlier loads: :func:`perfbudget.store.rows.shared_indicators`)."""
    return _versions([head], {head["id"]: rows.shared_indicators(indicator_rows)})[head["id"]]


def project_version(connection: Connection, project_id: int, number: int | None = None) -> StoredVersion | None:
    """A project's version ``number`` (its latest when None), in two queries."""
    if number is None:
        head = connection.execute(_HEAD_LATEST, {"project_id": project_id}).mappings().all()
    else:
        head = connection.execute(_HEAD_BY_NUMBER, {"project_id": project_id, "number": number}).mappings().all()
    loaded = _built(connection, head)
    return next(iter(loaded.values()), None)


class HistoryTooLarge(Exception):
    """A page of a project's history whose changes' texts hold more than the characters allowed (``most_chars``)."""

    def __init__(self, most_chars: int) -> None:
        super().__init__(most_chars)
        self.most_chars = most_chars


def project_history(connection: Connection, project_id: int, limit: int | None = None,
                    offset: int = 0, changes_limit: int | None = None, changes_offset: int = 0,
                    text_chars: int | None = None, most_chars: int | None = None) -> list[dict[str, Any]]:
    """The project's versions, oldest first, each with its file, time and changes from the one before:
    all of them, or ``limit`` from ``offset`` (a page; :func:`version_total` counts them all). Each version's changes
    are all of them, or ``changes_limit`` from ``changes_offset`` (by their position, 1 up, as the importer numbers
    them), counted whole in ``changes_total``: only the page's changes are read from the database (every change of
    every version was, and the page cut from them in Python, until attack32). ``text_chars``: each change's subject
    and texts read up to that many characters (the history page tells each change in 300: it read every text whole).
    ``most_chars``: :class:`HistoryTooLarge` when the page's texts hold more characters than that (read no further)."""
    query = (select(project_versions.c.id, project_versions.c.number, project_versions.c.indicator_count,
                    project_versions.c.budget_total, documents.c.id.label("document_id"), documents.c.file_name,
                    documents.c.sha256, documents.c.imported_at)
             .join(documents, documents.c.id == project_versions.c.document_id)
             .where(project_versions.c.project_id == project_id)
             .order_by(project_versions.c.number))
    if limit is not None:
        query = query.limit(limit).offset(offset or None)
    versions = connection.execute(query).mappings().all()
    ids = [v["id"] for v in versions]
    totals: dict[int, int] = {version_id: count for version_id, count in connection.execute(
        select(version_changes.c.version_id, func.count()).where(version_changes.c.version_id.in_(ids))
        .group_by(version_changes.c.version_id))}
    changes: dict[int, list[Change]] = defaultdict(list)
    c = version_changes.c
    texts = [c.subject, c.old, c.new] if text_chars is None else \
        [func.substr(text, 1, text_chars).label(text.name) for text in (c.subject, c.old, c.new)]
    query = (select(c.version_id, c.kind, c.field, *texts).where(c.version_id.in_(ids))
             .order_by(c.version_id, c.position))
    if changes_offset:
        query = query.where(version_changes.c.position > changes_offset)
    if changes_limit is not None:
        query = query.where(version_changes.c.position <= changes_offset + changes_limit)
    chars = 0
    result = connection.execute(query.execution_options(yield_per=256))  # (streamed: stopped past most_chars)
    try:
        for row in result.mappings():
            if most_chars is not None:
                chars += sum(len(row[name] or "") for name in ("subject", "old", "new"))
                if chars > most_chars:  # (10,000 changes of 20,000-character texts were some 400 MB: attack33)
                    raise HistoryTooLarge(most_chars)
            changes[row["version_id"]].append(Change(row["kind"], row["subject"], row["field"], row["old"],
                                                     row["new"]))
    finally:
        result.close()
    return [{"version": v["number"], "document_id": v["document_id"], "file": v["file_name"],
             "sha256": v["sha256"], "imported_at": v["imported_at"], "indicator_count": v["indicator_count"],
             "budget_total": v["budget_total"], "changes": changes[v["id"]], "changes_total": totals.get(v["id"], 0)}
            for v in versions]


def names_of_several_contents(connection: Connection, project_id: int) -> set[str]:
    """The file names that brought the project's versions from more than one content (``目标表.docx`` from two folders,
    or saved again after a change): the history tells those versions apart by their fingerprint."""
    query = (select(documents.c.file_name)
             .join(project_versions, project_versions.c.document_id == documents.c.id)
             .where(project_versions.c.project_id == project_id, documents.c.sha256.is_not(None))
             .group_by(documents.c.file_name).having(func.count(func.distinct(documents.c.sha256)) > 1))
    return set(connection.execute(query).scalars())


def version_total(connection: Connection, project_id: int) -> int:
    """How many versions the project has."""
    return int(connection.execute(select(func.count()).select_from(project_versions)
                                  .where(project_versions.c.project_id == project_id)).scalar_one())


def stored_document(connection: Connection, document_id: int) -> Document | None:
    """A whole stored document: each of its tables as the version it brought or confirmed."""
    head = connection.execute(select(documents.c.money_unit, documents.c.kind, *UNIT_NOW)
                              .join(units, units.c.id == documents.c.unit_id)
                              .where(documents.c.id == document_id)).mappings().first()
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
