"""Read stored target reviews (绩效目标审核) back.

Writing is :meth:`perfbudget.store.Store.record_review` (one row per project version and run;
a new run adds a row, so the history is every row). Reading here returns plain dicts: the
summary columns plus the project version's number, so the CLI and the web app can show who
reviewed which version, when, and with what grade.

A whole province (``perfbudget review --year``, :mod:`perfbudget.app.review_batch`) is read here in
bulk: :func:`review_units` plans the work by unit, :func:`unit_versions` loads a chunk of units in
two queries, :func:`insert_reviews` writes the results in one statement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, LargeBinary, and_, bindparam, cast, func, select

from perfbudget import text_caches
from perfbudget.model import Indicator
from perfbudget.store import rows
from perfbudget.store.bulk import allocate_ids, insert_rows, insert_values
from perfbudget.store.ordering import batch_order, unit_order
from perfbudget.store.queries import INDICATOR_COLUMNS, StoredVersion
from perfbudget.store.review_summary import summary_of_payload
from perfbudget.store.schema import documents, indicators, project_versions, projects, reviews, targets, units, utc_now
from perfbudget.store.unit_match import unit_named

_SUMMARY = [reviews.c.id, reviews.c.version_id, project_versions.c.project_id,
            project_versions.c.number.label("version"), reviews.c.year, reviews.c.grade, reviews.c.errors,
            reviews.c.warnings, reviews.c.actor, reviews.c.created_at]

# ``regraded``: recorded again graded on the findings a reviewer kept, after a 驳回 or 确认 (app/kept_review.REGRADED,
# its payload's last key; a row recorded so before it was marked is inferred from the history, app/regrade_history.py)
MARKED = reviews.c.payload.endswith(', "regraded_after_decision": true}', autoescape=True)
_REGRADED = MARKED.label("regraded")


def record_review(connection: Connection, row: dict[str, Any]) -> int:
    """Insert one saved review (``row`` without its id) under an id never given before: past a deleted project's
    reviews too (``store.id_floors``), as ``allocate_ids`` gives the batch's."""
    review_id = allocate_ids(connection, {reviews: 1})["reviews"][0]
    connection.execute(reviews.insert(), {**row, "id": review_id})
    return review_id


def project_reviews(connection: Connection, project_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """All stored reviews of a project (every version; of ``year`` where given), oldest first, without payloads.

    Each item: ``id``, ``version_id``, ``project_id``, ``version`` (number), ``year``, ``grade``,
    ``errors``, ``warnings``, ``actor``, ``created_at``, ``regraded`` (marked as recorded again graded on the
    findings a reviewer kept, after a 驳回 or 确认; the app infers it for older rows, ``app/regrade_history.py``).
    """
    query = (select(*_SUMMARY, _REGRADED)
             .join(project_versions, project_versions.c.id == reviews.c.version_id)
             .where(project_versions.c.project_id == project_id)
             .order_by(reviews.c.id))
    if year is not None:
        query = query.where(reviews.c.year == year)
    return [dict(row) for row in connection.execute(query).mappings()]


def stored_review(connection: Connection, review_id: int) -> dict[str, Any] | None:
    """One stored review with its summary and its ``payload`` parsed from JSON; None if absent."""
    row = connection.execute(
        select(*_SUMMARY, _REGRADED, reviews.c.payload)
        .join(project_versions, project_versions.c.id == reviews.c.version_id)
        .where(reviews.c.id == review_id)).mappings().first()
    return _with_payload(row)


def _with_payload(row: Any) -> dict[str, Any] | None:
    """A summary row with its ``payload`` parsed; None for no row."""
    if row is None:
        return None
    item = dict(row)
    item["payload"] = json.loads(item["payload"])
    return item


_LAST_REVIEW = (select(*_SUMMARY, reviews.c.payload)
                .join(project_versions, project_versions.c.id == reviews.c.version_id)
                .where(reviews.c.version_id == bindparam("version_id"))
                .order_by(reviews.c.id.desc()).limit(1))


def last_review(connection: Connection, version_id: int) -> dict[str, Any] | None:
    """The newest stored review of a version with its ``payload`` parsed; None if it has none."""
    return _with_payload(connection.execute(_LAST_REVIEW, {"version_id": version_id}).mappings().first())


# Many projects at once (``perfbudget review --year`` over a province): a plan of the units to
# review, each chunk of units loaded in two queries, the results written in one statement.

@dataclass(frozen=True, slots=True)
class UnitLoad:
    """A unit that holds chosen projects, and how many indicators its latest versions hold."""

    unit_id: int
    code: str | None
    indicators: int


@dataclass(frozen=True, slots=True)
class LoadedVersion:
    """A latest version loaded with a unit's others: the version, its unit's row, its fund year."""

    version: StoredVersion
    unit_id: int
    unit_code: str | None
    fund_year: int | None


def _latest() -> Any:
    return and_(project_versions.c.project_id == projects.c.id, project_versions.c.number == projects.c.latest_version)


# The order of :func:`perfbudget.store.evaluations.latest_version_ids`, so that a chunked run
# meets the projects in the same order as a run over all of them.


def review_units(connection: Connection, *, project_ids: list[int] | None = None, unit: str | None = None,
                 year: int | None = None) -> list[UnitLoad]:
    """The units holding the chosen latest versions (by id and/or unit code and fund year), in the
    order of ``latest_version_ids``, each with the indicator count of *all* its latest versions
    (a project is reviewed with its unit's others, so that is the work the unit brings)."""
    chosen = select(projects.c.unit_id).select_from(projects).join(units, units.c.id == projects.c.unit_id)
    if project_ids is not None:
        chosen = chosen.where(projects.c.id.in_(project_ids))
    if unit is not None:
        chosen = chosen.where(unit_named(unit))
    if year is not None:
        chosen = chosen.where(projects.c.fund_year == year)
    query = (select(units.c.id, units.c.code, func.coalesce(func.sum(project_versions.c.indicator_count), 0))
             .select_from(projects).join(units, units.c.id == projects.c.unit_id).join(project_versions, _latest())
             .where(units.c.id.in_(chosen.distinct()))
             .group_by(units.c.id, units.c.code).order_by(*unit_order(connection.dialect.name)))
    return [UnitLoad(row[0], row[1], int(row[2])) for row in connection.execute(query)]


def count_chosen(connection: Connection, *, project_ids: list[int] | None = None, unit: str | None = None,
                 year: int | None = None) -> int:
    """How many projects the choice holds (by id and/or unit code and fund year)."""
    query = select(func.count()).select_from(projects).join(units, units.c.id == projects.c.unit_id)
    if project_ids is not None:
        query = query.where(projects.c.id.in_(project_ids))
    if unit is not None:
        query = query.where(unit_named(unit))
    if year is not None:
        query = query.where(projects.c.fund_year == year)
    return int(connection.execute(query).scalar_one())


def _indicators_by_version(connection: Connection, where: Any) -> dict[int, list[Indicator]]:
    """The indicators of the latest versions selected by ``where`` (on ``projects``), built straight from
    row tuples (:func:`perfbudget.store.rows.indicators_by_version`, which puts them in order). On SQLite
    each row's columns come packed into one JSON text (:func:`~perfbudget.store.rows.indicators_by_packed_rows`):
    at a province's size the driver's making of eighteen values per row was about a sixth of a review
    worker's instructions."""
    packed = connection.dialect.name == "sqlite"
    # the packed text as the bytes SQLite holds it (UTF-8): the driver copies them rather than decoding each
    # row's text into a str; only an indicator not met before is decoded, by json.loads
    columns: tuple[Any, ...] = ((cast(func.json_array(*INDICATOR_COLUMNS[1:]), LargeBinary),) if packed
                                else INDICATOR_COLUMNS[1:])
    query = (select(INDICATOR_COLUMNS[0], indicators.c.position, *columns).select_from(projects)
             .join(project_versions, _latest())
             .join(indicators, indicators.c.version_id == project_versions.c.id)
             .join(targets, targets.c.indicator_id == indicators.c.id)
             .where(where))
    # all rows in one fetch (one driver call, rows made in bulk) rather than fetched one by one as iterated
    found = connection.execute(query).all()
    if packed:
        loaded = rows.indicators_by_packed_rows(found)
        if loaded is not None:
            return loaded
        return _indicators_by_version_columns(connection, where)
    return rows.indicators_by_version(found)


def _indicators_by_version_columns(connection: Connection, where: Any) -> dict[int, list[Indicator]]:
    query = (select(INDICATOR_COLUMNS[0], indicators.c.position, *INDICATOR_COLUMNS[1:]).select_from(projects)
             .join(project_versions, _latest())
             .join(indicators, indicators.c.version_id == project_versions.c.id)
             .join(targets, targets.c.indicator_id == indicators.c.id)
             .where(where))
    return rows.indicators_by_version(connection.execute(query).all())


# A latest version's row as a bulk load reads it: the values of rows.project_from_values in its order, the
# version's meta, the document's and the unit's (positions, not names: a province's 100,000 rows); the unit's code and
# name from ``units`` (queries.UNIT_NOW), not the document's copies
_HEAD = (project_versions.c.seq, project_versions.c.title, projects.c.name, projects.c.fund_label,
         projects.c.fund_year, project_versions.c.fund_source, project_versions.c.budget_total,
         project_versions.c.budget_fiscal, project_versions.c.budget_other, project_versions.c.purpose,
         project_versions.c.goals, project_versions.c.name_cell, project_versions.c.extras,
         project_versions.c.complete, project_versions.c.needs_check, project_versions.c.budget_execution,
         project_versions.c.table_figures, project_versions.c.budget_other_cell,
         project_versions.c.project_id, project_versions.c.number, projects.c.latest_version, project_versions.c.id,
         project_versions.c.document_id, documents.c.file_name, documents.c.sha256, documents.c.imported_at,
         documents.c.money_unit, documents.c.kind, units.c.id, units.c.code, units.c.name)


def _latest_loaded(connection: Connection, where: Any) -> list[LoadedVersion]:
    """The latest versions of the projects selected by ``where``, in the order of ``latest_version_ids``
    (two queries whatever their number: the versions, then all their indicators)."""
    head = connection.execute(
        select(*_HEAD)
        .select_from(projects).join(units, units.c.id == projects.c.unit_id).join(project_versions, _latest())
        .join(documents, documents.c.id == project_versions.c.document_id)
        .where(where).order_by(*batch_order(connection.dialect.name))).all()
    by_version = _indicators_by_version(connection, where)
    out = []
    project_from_values = rows.project_from_values
    document_from_values = rows.document_from_values
    project_texts_length = rows.project_texts_length
    characters = 0
    for (seq, title, name, fund_label, fund_year, fund_source, total, fiscal, other, purpose, goals, name_cell, extras,
         complete, needs_check, execution, table_figures, other_cell, project_id, number, latest, version_id,
         document_id, file_name, sha256, imported_at, money_unit, kind, unit_row, unit_code, unit_name) in head:
        project = project_from_values(seq, title, name, fund_label, fund_year, fund_source, total, fiscal, other,
                                      purpose, goals, name_cell, extras, complete, needs_check,
                                      by_version.get(version_id, ()), execution, table_figures, other_cell)
        characters += project_texts_length(name, purpose, goals, extras)
        meta = {"project_id": project_id, "version": number, "latest_version": latest, "version_id": version_id,
                "document_id": document_id, "file": file_name, "sha256": sha256, "imported_at": imported_at}
        out.append(LoadedVersion(StoredVersion(document_from_values(unit_code, unit_name, money_unit, kind, (project,)),
                                               meta), unit_row, unit_code, fund_year))
    text_caches.read(characters)  # the versions' texts loaded, once a load (their indicators': by_version's load)
    return out


def unit_versions(connection: Connection, unit_ids: list[int]) -> list[LoadedVersion]:
    """Every latest version of these units (all fund years), in the order of ``latest_version_ids``."""
    return _latest_loaded(connection, projects.c.unit_id.in_(unit_ids)) if unit_ids else []


def project_latest(connection: Connection, project_ids: list[int]) -> dict[int, StoredVersion]:
    """The latest version of each of these projects, by project id."""
    if not project_ids:
        return {}
    return {loaded.version.meta["project_id"]: loaded.version
            for loaded in _latest_loaded(connection, projects.c.id.in_(project_ids))}


def insert_reviews(connection: Connection, items: list[dict[str, Any]]) -> list[int]:
    """Write many reviews at once (multi-row INSERTs on SQLite, ``COPY`` on PostgreSQL); their new ids in order.

    Each item: ``version_id``, ``year``, ``grade``, ``errors``, ``warnings``, ``actor`` and ``payload``
    (the JSON text, as :meth:`~perfbudget.store.transaction.Transaction.record_review` writes it), and
    ``summary`` (:mod:`perfbudget.store.review_summary`; worked out from the JSON when not given)."""
    now = utc_now()
    return insert_rows(connection, reviews, [{"version_id": item["version_id"], "year": item["year"],
                                             "grade": item["grade"], "total": None, "errors": item["errors"],
                                             "warnings": item["warnings"], "actor": item["actor"],
                                             "payload": item["payload"],
                                             "summary": item.get("summary") or summary_of_payload(item["payload"]),
                                             "created_at": now} for item in items],
                       with_ids=True)


# A review to save as :func:`insert_review_rows` takes it: version id, year, grade, errors, warnings, actor,
# payload (JSON text, or its UTF-8 bytes: see insert_values), summary (:mod:`perfbudget.store.review_summary`).
ReviewRow = tuple[int, int | None, str, int, int, str | None, str | bytes, str]
_REVIEW_COLUMNS = ("id", "version_id", "year", "grade", "total", "errors", "warnings", "actor", "payload", "summary",
                   "created_at")


def insert_review_rows(connection: Connection, items: list[ReviewRow]) -> list[int]:
    """:func:`insert_reviews` of reviews given as :data:`ReviewRow` tuples (a province's batch: no dict
    per review made, then unmade into the columns' values); their new ids in order."""
    if not items:
        return []
    ids = allocate_ids(connection, {reviews: len(items)})[reviews.name]
    now = utc_now()
    insert_values(connection, reviews, _REVIEW_COLUMNS,
                  [(new_id, version_id, year, grade, None, errors, warnings, actor, payload, summary, now)
                   for new_id, (version_id, year, grade, errors, warnings, actor, payload, summary)
                   in zip(ids, items, strict=True)], utf8=("payload",))
    return ids


def _chunked(values: list[Any], size: int = 900) -> list[list[Any]]:
    return [values[start:start + size] for start in range(0, len(values), size)]


def spelling_groups(connection: Connection, names: list[str]) -> dict[str, int]:
    """The library group of each name found as written (``library_spellings``), by name."""
    from perfbudget.store.library_tables import library_names, library_spellings

    found: dict[str, int] = {}
    for chunk in _chunked(names):
        query = (select(library_spellings.c.raw, library_names.c.group_id)
                 .join(library_names, library_spellings.c.name_id == library_names.c.id)
                 .where(library_spellings.c.raw.in_(chunk)))
        found.update((raw, group) for raw, group in connection.execute(query) if group is not None)
    return found


def units_projects(connection: Connection, unit_keys: list[str], years: list[int]) -> dict[tuple[str, int],
                                                                                          list[dict[str, Any]]]:
    """For every (unit key, fund year) of these: the unit's projects of that year, each its id, name,
    fund label and the fund source of its latest version (what the last-year lookup compares)."""
    out: dict[tuple[str, int], list[dict[str, Any]]] = {(key, year): [] for key in unit_keys for year in years}
    if not unit_keys or not years:
        return out
    for chunk in _chunked(unit_keys):
        query = (select(units.c.key, projects.c.fund_year, projects.c.id, projects.c.name, projects.c.fund_label,
                        project_versions.c.fund_source)
                 .select_from(projects).join(units, units.c.id == projects.c.unit_id).join(project_versions, _latest())
                 .where(units.c.key.in_(chunk), projects.c.fund_year.in_(years)))
        for key, year, *values in connection.execute(query):
            out[(key, year)].append(dict(zip(("id", "name", "fund_label", "fund_source"), values, strict=True)))
    return out
