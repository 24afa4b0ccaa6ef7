"""Read stored self-evaluations (自评) and monitorings (监控) back, and pick the versions to evaluate.

Writing is :meth:`perfbudget.store.Store.record_evaluation` (one row per project version, year
and run; a new run adds a row, so the history is every row). Reading here returns plain dicts:
the summary columns plus the project version's number and, for listings, the sheet the payload
names (``actuals_file``), so the CLI and the web app can show who evaluated what, from which sheet.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import JSON, Connection, bindparam, cast, func, select

from perfbudget.store.ordering import batch_order
from perfbudget.store.records import workflow_states
from perfbudget.store.schema import evaluations, project_versions, projects, units
from perfbudget.store.unit_match import unit_named
from perfbudget.vocabulary import EvaluationKind

KIND_EVALUATION = EvaluationKind.SELF_EVALUATION.value
KIND_MONITORING = EvaluationKind.MONITORING.value
KINDS = tuple(kind.value for kind in EvaluationKind)

_SUMMARY = [evaluations.c.id, evaluations.c.version_id, project_versions.c.project_id,
            project_versions.c.number.label("version"), evaluations.c.year, evaluations.c.kind,
            evaluations.c.month, evaluations.c.total, evaluations.c.grade, evaluations.c.colour,
            evaluations.c.actor, evaluations.c.created_at]


def _sheet(payload: str) -> str | None:
    try:
        data = json.loads(payload)
    except ValueError:
        return None
    sheet = data.get("actuals_file") if isinstance(data, dict) else None
    return sheet if isinstance(sheet, str) else None


def _sheet_in_sql(dialect: str) -> Any:
    """The sheet a payload names (``actuals_file``), read by the database: a listing transfers no payload."""
    if dialect == "postgresql":
        return cast(evaluations.c.payload, JSON)["actuals_file"].as_string()
    return func.json_extract(evaluations.c.payload, "$.actuals_file")


def project_evaluations(connection: Connection, project_id: int, kind: str | None = None,
                        year: int | None = None) -> list[dict[str, Any]]:
    """All stored evaluations of a project (every version), oldest first, without payloads.

    Each item: ``id``, ``version_id``, ``project_id``, ``version`` (number), ``year``, ``kind``,
    ``month``, ``total``, ``grade``, ``colour``, ``actor``, ``created_at``, ``sheet``. The sheet's name is
    read in SQL: every payload (up to 2 MB each, one per save) was read and parsed in Python to find it until
    leftovers18, by ``perfbudget evaluations`` and by a publication for each of its projects.
    """
    sheet = _sheet_in_sql(connection.dialect.name).label("sheet")
    query = (select(*_SUMMARY, sheet)
             .join(project_versions, project_versions.c.id == evaluations.c.version_id)
             .where(project_versions.c.project_id == project_id)
             .order_by(evaluations.c.id))
    if kind is not None:
        query = query.where(evaluations.c.kind == kind)
    if year is not None:
        query = query.where(evaluations.c.year == year)
    items = []
    for row in connection.execute(query).mappings():
        item = dict(row)
        item["sheet"] = item["sheet"] if isinstance(item["sheet"], str) else None
        items.append(item)
    return items


def stored_evaluation(connection: Connection, evaluation_id: int) -> dict[str, Any] | None:
    """One stored evaluation with its summary and its ``payload`` parsed from JSON; None if absent."""
    row = connection.execute(
        select(*_SUMMARY, evaluations.c.payload)
        .join(project_versions, project_versions.c.id == evaluations.c.version_id)
        .where(evaluations.c.id == evaluation_id)).mappings().first()
    return _with_payload(row)


def _with_payload(row: Any) -> dict[str, Any] | None:
    """A summary row with its ``payload`` parsed and the ``sheet`` it names; None for no row."""
    if row is None:
        return None
    item = dict(row)
    item["payload"] = json.loads(item["payload"])
    item["sheet"] = _sheet(row["payload"])
    return item


_LAST_OF_PROJECT = (select(*_SUMMARY, evaluations.c.payload)
                    .join(project_versions, project_versions.c.id == evaluations.c.version_id)
                    .where(project_versions.c.project_id == bindparam("project_id"),
                           evaluations.c.kind == bindparam("kind"))
                    .order_by(evaluations.c.id.desc()).limit(1))


def last_project_evaluation(connection: Connection, project_id: int,
                            kind: str = KIND_EVALUATION) -> dict[str, Any] | None:
    """The newest stored evaluation of ``kind`` of any version of the project, payload parsed; None if none."""
    return _with_payload(connection.execute(_LAST_OF_PROJECT, {"project_id": project_id, "kind": kind})
                         .mappings().first())


def published_version_ids(connection: Connection, unit_id: int, year: int | None) -> list[int]:
    """The version of each approved project of a unit (and fund year) that was approved — what a unit publishes
    (:func:`perfbudget.app.workflow.approved_versions`: the approved version while a revision waits, else the one the
    approval recorded, else the latest) — in the order of :func:`latest_version_ids`. One statement, no document
    read: the public page reads the versions of the page it shows only (attack23)."""
    number: Any = func.coalesce(workflow_states.c.approved_version, workflow_states.c.version_number,
                                projects.c.latest_version)
    query = (select(project_versions.c.id)
             .select_from(projects)
             .join(workflow_states, workflow_states.c.project_id == projects.c.id)
             .join(project_versions, (projects.c.id == project_versions.c.project_id)
                   & (project_versions.c.number == number))
             .join(units, units.c.id == projects.c.unit_id)
             .where(projects.c.unit_id == unit_id)
             .where(workflow_states.c.approved_version.isnot(None) | (workflow_states.c.state == "approved"))
             .order_by(*batch_order(connection.dialect.name)))
    if year is not None:
        query = query.where(projects.c.fund_year == year)
    return list(connection.execute(query).scalars())


def latest_version_ids(connection: Connection, *, project_ids: list[int] | None = None,
                       unit: str | None = None, year: int | None = None, official: bool = False,
                       unit_id: int | None = None) -> list[int]:
    """The latest version of each project chosen by id and/or unit code and fund year, in the
    order of the projects' unit, fund year, stored document and table position (seq).

    ``official``: the approved version instead while a later revision waits for approval."""
    number: Any = projects.c.latest_version
    if official:
        number = func.coalesce(workflow_states.c.approved_version, projects.c.latest_version)
    query = (select(project_versions.c.id)
             .select_from(projects)
             .outerjoin(workflow_states, workflow_states.c.project_id == projects.c.id)
             .join(project_versions, (projects.c.id == project_versions.c.project_id)
                   & (project_versions.c.number == number))
             .join(units, units.c.id == projects.c.unit_id)
             .order_by(*batch_order(connection.dialect.name)))  # a unit without a code last on both
    if project_ids is not None:
        query = query.where(projects.c.id.in_(project_ids))
    if unit is not None:
        query = query.where(unit_named(unit))
    if unit_id is not None:  # a unit without a code (app.publication)
        query = query.where(projects.c.unit_id == unit_id)
    if year is not None:
        query = query.where(projects.c.fund_year == year)
    return list(connection.execute(query).scalars())
