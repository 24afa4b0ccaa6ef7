"""A project page's data, loaded in one statement on PostgreSQL (two or three on SQLite).

The page (and the edit, self-evaluation, download and API views of one project) needs the
project's head (name, unit, workflow state), the version shown with its indicators, that
version's newest stored review, and for the page itself the reviewer's grade, the project's
newest self-evaluation and its workflow events. Asked one by one that was nine round trips to
the database; here it is

1. one head query: the project and its unit and workflow state, the version shown (by number,
   else the latest, else the official one: the approved version while a revision waits) with
   its document, that version's newest review and reviewer grade, and the project's newest
   self-evaluation, each picked by an ``ORDER BY id DESC LIMIT 1`` look-up (correlated; on PostgreSQL
   the review and the self-evaluation as ``LATERAL`` subqueries, fewer plan nodes to start; the same
   rows :func:`perfbudget.store.reviews.last_review`,
   :func:`perfbudget.store.evaluations.last_project_evaluation` and
   :func:`perfbudget.app.review_desk.reviewer_grade_of` pick). On PostgreSQL the same statement
   also returns the version's indicators and (for the page, not the other views) the project's
   workflow events, each as a JSON array of rows in position or id order (the indicators'
   ``array_to_json`` of a ``text[][]``: every indicator column is text, so the values are those the
   indicator query reads; the events' ``json_agg``, an event's time parsed back from its ISO form), and it
   runs on the driver's cursor (:class:`perfbudget.store.driver.DriverStatement`): one round
   trip and no SQLAlchemy result machinery per page. On SQLite it says whether the project has
   any workflow event, and
2. the version's indicators (:func:`perfbudget.store.queries.version_from_head`);
3. the workflow events (:func:`load_page` only, and only when the project has any: a project never
   submitted has none, so its page takes two queries).

The dictionaries of the review and the self-evaluation are built exactly as those functions
build theirs (same keys, same order, the payload parsed), so the templates and the API see the
same values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Dialect, Select, bindparam, exists, func, literal, select, true
from sqlalchemy.dialects.postgresql import aggregate_order_by, array

from perfbudget.app.errors import NotFound
from perfbudget.app.evaluations import colour_label
from perfbudget.app.overview import EVENTS_SHOWN, ProjectHead, labelled, newest_events
from perfbudget.app.roles import Principal
from perfbudget.app.settings import CoreSettings
from perfbudget.app.workflow import DRAFT
from perfbudget.review.finding import Finding
from perfbudget.store import queries
from perfbudget.store.account_tables import users
from perfbudget.store.desk_tables import reviewer_grades
from perfbudget.store.driver import DriverStatement
from perfbudget.store.engine import is_postgres
from perfbudget.store.evaluations import KIND_EVALUATION
from perfbudget.store.queries import INDICATOR_COLUMNS, UNIT_NOW, StoredVersion
from perfbudget.store.records import workflow_events, workflow_states
from perfbudget.store.schema import (
    change_counters,
    documents,
    evaluations,
    indicators,
    project_versions,
    projects,
    reviews,
    targets,
    units,
)
from perfbudget.store.transaction import Transaction


@dataclass(frozen=True, slots=True)
class ProjectView:
    """A project page's data: the head, the version shown, its review findings and grade."""

    head: ProjectHead
    version: StoredVersion
    findings: list[Finding]
    grade: str | None
    reviewed: bool = True  # False: no stored review and none made yet (load_view(review=False)): see with_reviews
    # why the system gave its grade (the review's 等级依据: the grade rule that decided it, the findings that weighed
    # most; ``ProjectGrade.basis``), as `perfbudget review` prints it; empty for a review stored without one
    basis: tuple[str, ...] = ()


def basis_of(payload: Any) -> tuple[str, ...]:
    """The 等级依据 of a one-project review payload (``projects[0].basis``; reviews saved before issue 13 have none).
    The pages and the API showed the grade without it until replay-s, where `perfbudget review` printed it."""
    projects = payload.get("projects") if isinstance(payload, dict) else None
    first = projects[0] if isinstance(projects, list) and projects and isinstance(projects[0], dict) else {}
    basis = first.get("basis")
    return tuple(str(line) for line in basis) if isinstance(basis, list) else ()


@dataclass(frozen=True, slots=True)
class ProjectPage:
    """What the project page shows besides the view: its workflow events, the newest
    self-evaluation of any version, the reviewer's grade of the version shown."""

    view: ProjectView
    events: list[dict[str, Any]]  # the newest EVENTS_SHOWN, oldest of them first
    evaluation: dict[str, Any] | None
    reviewer_grade: str | None
    events_more: bool = False  # the project has older events than those (the history page shows them)


_evaluated = project_versions.alias("evaluated")
# The keys (and their order) of perfbudget.store.evaluations._SUMMARY, then payload.
_EVALUATION_KEYS = ("id", "version_id", "project_id", "version", "year", "kind", "month", "total", "grade",
                    "colour", "actor", "created_at")


def _head_query(number: ColumnElement[Any], whole: bool = False, events: bool = False,
                versioned: bool = False) -> Select[Any]:
    """The head query with the version shown chosen by ``number`` (a column expression); ``whole``
    (PostgreSQL): with the version's indicators as a JSON array, and with ``events`` the project's
    workflow events too; ``versioned`` (PostgreSQL): with the store's change counters as the statement
    saw them (``data_changes``, ``account_changes``), the data version (:mod:`perfbudget.web.freshness`)
    the row was read under."""
    # PostgreSQL: the versions table by a short alias: it is named 29 times in the statement, which must stay
    # under psycopg's cached length (test_project_view; 4,114 characters with kinds24's column before).
    versions = project_versions.alias("pv") if whole else project_versions
    picked_review, picked_evaluation = reviews.alias("picked_review"), evaluations.alias("picked_evaluation")
    newest_review = (select(picked_review.c.id).where(picked_review.c.version_id == versions.c.id)
                     .order_by(picked_review.c.id.desc()).limit(1).correlate(versions).scalar_subquery())
    picked_version = project_versions.alias("picked_version")
    newest_evaluation = (select(picked_evaluation.c.id)
                         .join(picked_version, picked_version.c.id == picked_evaluation.c.version_id)
                         .where(picked_version.c.project_id == projects.c.id,
                                picked_evaluation.c.kind == literal(KIND_EVALUATION))
                         .order_by(picked_evaluation.c.id.desc()).limit(1).correlate(projects).scalar_subquery())
    reviewer_grade = (select(reviewer_grades.c.grade).where(reviewer_grades.c.version_id == versions.c.id)
                      .order_by(reviewer_grades.c.id.desc()).limit(1).correlate(versions).scalar_subquery())
    head: list[Any] = [projects.c.id.label("h_id"), projects.c.unit_id.label("h_unit_id"), units.c.code.label("h_code"),
            units.c.name.label("h_unit_name"), workflow_states.c.state.label("h_state"),
            workflow_states.c.approved_version.label("h_approved_version")]
    version: list[Any] = [versions, projects.c.name, projects.c.fund_label, projects.c.fund_year,
               projects.c.latest_version, *UNIT_NOW, documents.c.money_unit,
               documents.c.kind, documents.c.file_name, documents.c.imported_at, documents.c.sha256]
    picked: Any
    evaluated: Any
    if whole:
        # PostgreSQL: the newest review and self-evaluation as LATERAL subqueries (their rows read by the
        # index scan that picks them), the change counters joined once: fewer plan nodes to start per page.
        # Short aliases: psycopg converts a statement's placeholders once (cached) only up to 4,096 characters.
        r, e, v = reviews.alias("r"), evaluations.alias("e"), versions.alias("v")
        picked = (select(r.c.id, r.c.grade, r.c.payload).where(r.c.version_id == versions.c.id)
                  .order_by(r.c.id.desc()).limit(1).lateral("nr"))
        evaluated = (select(*(e.c[key] for key in ("id", "version_id", *_EVALUATION_KEYS[4:])), e.c.payload,
                            v.c.project_id, v.c.number)
                     .join(v, v.c.id == e.c.version_id)
                     .where(v.c.project_id == projects.c.id, e.c.kind == literal(KIND_EVALUATION))
                     .order_by(e.c.id.desc()).limit(1).lateral("ne"))
        evaluation_version: list[Any] = [evaluated.c.project_id, evaluated.c.number]
    else:
        picked, evaluated = reviews, evaluations
        evaluation_version = [_evaluated.c.project_id, _evaluated.c.number]
    review: list[Any] = [picked.c.id.label("r_id"), picked.c.grade.label("r_grade"),
                         picked.c.payload.label("r_payload")]
    evaluation: list[Any] = [evaluated.c.id.label("e_id"), evaluated.c.version_id.label("e_version_id"),
                  evaluation_version[0].label("e_project_id"), evaluation_version[1].label("e_version"),
                  *(evaluated.c[key].label("e_" + key) for key in _EVALUATION_KEYS[4:]),
                  evaluated.c.payload.label("e_payload")]
    # the 填报人's display name, as app.evaluations.as_people_read gives it to every other face (replay-m)
    saver = users.alias("eu")
    evaluation.append(select(saver.c.display_name).where(saver.c.username == evaluated.c.actor)
                      .scalar_subquery().label("e_display_name"))
    has_events = exists(select(workflow_events.c.id).where(workflow_events.c.project_id == projects.c.id)
                        .correlate(projects))
    parts: list[Any] = [has_events.label("has_events")]
    if whole:
        # A text[][] made JSON (every indicator column is text): the same JSON arrays of str and null as
        # json_agg(json_build_array(...)), for less of the server's CPU (json_build_array looks up the type of
        # every value; array_to_json once per array). A text[][] read by psycopg costs the worker more.
        indicator_rows = (select(func.array_to_json(func.array_agg(aggregate_order_by(array(INDICATOR_COLUMNS[1:]),
                                                                                      indicators.c.position))))
                          .select_from(indicators.join(targets, targets.c.indicator_id == indicators.c.id))
                          .where(indicators.c.version_id == versions.c.id)
                          .correlate(versions).scalar_subquery())
        parts = [indicator_rows.label("indicator_rows")]
        if events:  # the newest EVENTS_SHOWN and one more (there are more: the page links to the rest)
            w, u = workflow_events.alias("w"), users.alias("u")  # each with its account's display name (replay-k)
            newest = (select(w, u.c.display_name).select_from(w.outerjoin(u, u.c.username == w.c.username))
                      .where(w.c.project_id == projects.c.id).order_by(w.c.id.desc())
                      .limit(EVENTS_SHOWN + 1).correlate(projects).subquery("nw"))
            event_rows = (select(func.json_agg(aggregate_order_by(func.json_build_array(*newest.c), newest.c.id)))
                          .select_from(newest).scalar_subquery())
            parts.append(event_rows.label("event_rows"))
        if versioned:
            parts += [change_counters.c.data.label("data_changes"), change_counters.c.accounts.label("account_changes")]
    joined = (projects.join(units, units.c.id == projects.c.unit_id)
              .outerjoin(workflow_states, workflow_states.c.project_id == projects.c.id)
              .outerjoin(versions, (versions.c.project_id == projects.c.id)
                         & (versions.c.number == number))
              .outerjoin(documents, documents.c.id == versions.c.document_id))
    if whole:
        joined = joined.outerjoin(picked, true()).outerjoin(evaluated, true())
        if versioned:  # the one row of the change counters (made by migration 1100_change_counters)
            joined = joined.join(change_counters, change_counters.c.id == 1)
    else:
        joined = (joined.outerjoin(reviews, reviews.c.id == newest_review)
                  .outerjoin(evaluations, evaluations.c.id == newest_evaluation)
                  .outerjoin(_evaluated, _evaluated.c.id == evaluations.c.version_id))
    return (select(*head, *version, *review, *evaluation, reviewer_grade.label("reviewer_grade"), *parts)
            .select_from(joined).where(projects.c.id == bindparam("project_id")))


# Built once (a statement built per call costs more in SQLAlchemy than the query in the database).
_BY_NUMBER = _head_query(bindparam("number"))
_LATEST = _head_query(projects.c.latest_version)
_OFFICIAL = _head_query(func.coalesce(workflow_states.c.approved_version, projects.c.latest_version))
# PostgreSQL: the same with the indicators (and for the page the events), one statement on the driver's
# cursor; by (the version asked for: "number", "latest" or "official", with the events).
_WHOLE = {(choice, events): DriverStatement(_head_query(number, whole=True, events=events))
          for choice, number in (("number", bindparam("number")), ("latest", projects.c.latest_version),
                                 ("official", func.coalesce(workflow_states.c.approved_version,
                                                            projects.c.latest_version)))
          for events in (False, True)}
# The page's statement with its data version (the change counters), by "number" or "official".
_VERSIONED = {choice: DriverStatement(_head_query(number, whole=True, events=True, versioned=True))
              for choice, number in (("number", bindparam("number")),
                                     ("official", func.coalesce(workflow_states.c.approved_version,
                                                                projects.c.latest_version)))}
_EVENT_KEYS = (*(column.name for column in workflow_events.c), "display_name")
_VERSION_KEYS = (*(c.name for c in project_versions.c),
    "name", "fund_label", "fund_year", "latest_version", "unit_code", "unit_name", "money_unit", "kind", "file_name",
    "imported_at", "sha256")


@dataclass(frozen=True, slots=True)
class _Loaded:
    view: ProjectView
    evaluation: dict[str, Any] | None
    reviewer_grade: str | None
    has_events: bool
    events: list[dict[str, Any]] | None  # read already (PostgreSQL), else None


def _parameters(project_id: int, number: int | None) -> dict[str, Any]:
    return {"project_id": project_id} if number is None else {"project_id": project_id, "number": number}


def _whole(number: int | None, latest: bool, with_events: bool) -> DriverStatement:
    """The one statement (PostgreSQL) for the version asked for."""
    return _WHOLE["number" if number is not None else ("latest" if latest else "official"), with_events]


def _load(tx: Transaction, principal: Principal, project_id: int, settings: CoreSettings, number: int | None,
          latest: bool, with_events: bool, review: bool = True) -> _Loaded:
    parameters = _parameters(project_id, number)
    whole = is_postgres(tx.connection)
    row: Any
    if whole:
        row = _whole(number, latest, with_events).first(tx.connection, parameters)
    else:
        statement = _BY_NUMBER if number is not None else (_LATEST if latest else _OFFICIAL)
        row = tx.connection.execute(statement, parameters).mappings().first()
    return _from_row(row, tx, principal, settings, whole, with_events, review)


def _checked(row: Any, principal: Principal) -> Any:
    """``row`` when it holds the version asked for of a project the principal may see; else NotFound."""
    if row is None or not principal.sees_unit(row["h_code"]):
        raise NotFound("该项目")
    if row["id"] is None:  # the project is there, not the version asked for
        raise NotFound("该版本")
    return row


def _from_row(row: Any, tx: Transaction | None, principal: Principal, settings: CoreSettings, whole: bool,
              with_events: bool, review: bool = True) -> _Loaded:
    """The page's data from the head row (``whole``: with the indicators and events); ``tx`` reads the
    rest when needed (SQLite: the indicators; a version without a stored review: its review in context)."""
    row = _checked(row, principal)
    head = ProjectHead(row["h_id"], row["name"], row["fund_label"], row["fund_year"], row["h_unit_id"],
                       row["h_code"], row["h_unit_name"], row["latest_version"], row["h_state"] or DRAFT,
                       row["h_approved_version"])
    version_head = {key: row[key] for key in _VERSION_KEYS}
    if whole:
        version = queries.version_from_rows(version_head, row["indicator_rows"] or [])
    else:
        assert tx is not None
        version = queries.version_from_head(tx.connection, version_head)
    reviewed = True
    basis: tuple[str, ...] = ()
    if row["r_id"] is not None:
        payload = json.loads(row["r_payload"])
        findings = [Finding.from_dict(f) for f in payload.get("findings", [])]
        grade, basis = row["r_grade"], basis_of(payload)
    elif not review:  # the caller reviews the missing ones together (with_reviews)
        findings, grade, reviewed = [], None, False
    else:
        from perfbudget.app.reviews import review_in_context

        assert tx is not None
        [group] = review_in_context(tx, [version], settings, save=False, actor=None)
        findings, grade = list(group.report.findings), group.saved[0].grade if group.saved else None
        basis = basis_of(group.saved[0].payload) if group.saved else ()
    evaluation = None
    if row["e_id"] is not None:
        evaluation = {key: row["e_" + key] for key in _EVALUATION_KEYS}
        evaluation["payload"] = json.loads(row["e_payload"])
        evaluation["sheet"] = _sheet(evaluation["payload"])
        # as app.evaluations.as_people_read: the 填报人's display name and label, the light's label
        evaluation["display_name"] = row["e_display_name"]
        labelled(evaluation, "actor")
        evaluation["colour_label"] = colour_label(evaluation["colour"]) if evaluation.get("colour") else None
    reviewer_grade = str(row["reviewer_grade"]) if row["reviewer_grade"] else None
    events = [_event(values) for values in row["event_rows"] or []] if whole and with_events else None
    return _Loaded(ProjectView(head, version, findings, grade, reviewed, basis), evaluation, reviewer_grade,
                   bool(events) if events is not None else bool(row.get("has_events")), events)


def _event(values: list[Any]) -> dict[str, Any]:
    """A workflow event from its JSON array (the row :func:`workflow_events_of` reads; the time parsed)."""
    event = dict(zip(_EVENT_KEYS, values, strict=True))
    event["at"] = datetime.fromisoformat(event["at"])
    return labelled(event)


def _sheet(data: Any) -> str | None:
    """The actuals file a self-evaluation names (as :func:`perfbudget.store.evaluations._sheet`)."""
    sheet = data.get("actuals_file") if isinstance(data, dict) else None
    return sheet if isinstance(sheet, str) else None


def load_view(tx: Transaction, principal: Principal, project_id: int, settings: CoreSettings,
              number: int | None = None, latest: bool = False, *, review: bool = True) -> ProjectView:
    """The project as shown: version ``number``, else the latest when ``latest`` (editing), else the
    official version; its stored review, else a fresh one in its unit's context (not saved). Without
    ``review`` a version with no stored review comes back unreviewed (``reviewed`` False), for
    :func:`with_reviews` to review many together."""
    return _load(tx, principal, project_id, settings, number, latest, False, review).view


def with_reviews(tx: Transaction, views: list[ProjectView], settings: CoreSettings, *,
                 save_as: str | None = None) -> list[ProjectView]:
    """``views`` with the unreviewed ones reviewed, each as :func:`load_view` would review it alone, but many at
    once: the versions that are their project's latest in one review of their unit's context (the context a
    single one is reviewed in: the unit's latest versions), any other version (an approved one while a revision
    waits) in its own. A unit's 审核意见书 of 200 projects without stored reviews reviewed its unit 200 times,
    about a minute, until 2026-12-04. With ``save_as`` (a write transaction) the reviews made are stored too,
    credited to that actor: a desk decision stores the review it shows (faces47's second reading: it reviewed the
    unit a second time to store it)."""
    missing = [v for v in views if not v.reviewed]
    if not missing:
        return views
    from perfbudget.app.reviews import review_in_context

    latest = [v for v in missing if v.version.meta["version"] == v.head.latest_version]
    older = [[v] for v in missing if v.version.meta["version"] != v.head.latest_version]
    done: dict[int, tuple[list[Finding], str | None, tuple[str, ...]]] = {}
    for batch in ([latest] if latest else []) + older:
        for group in review_in_context(tx, [v.version for v in batch], settings, save=save_as is not None,
                                       actor=save_as):
            seq_of = {version.meta["version_id"]: seq for seq, version in group.selection.versions.items()}
            for saved in group.saved:
                seq = seq_of[saved.version.meta["version_id"]]
                done[saved.version.meta["version_id"]] = (
                    [f for f in group.report.findings if f.project in (seq, None)], saved.grade,
                    basis_of(saved.payload))
    out = []
    for view in views:
        if view.reviewed:
            out.append(view)
            continue
        findings, grade, basis = done[view.version.meta["version_id"]]
        out.append(ProjectView(view.head, view.version, findings, grade, basis=basis))
    return out


def load_page(tx: Transaction, principal: Principal, project_id: int, settings: CoreSettings,
              number: int | None = None) -> ProjectPage:
    """The project page's data (:class:`ProjectPage`) for version ``number`` (None: the official one)."""
    loaded = _load(tx, principal, project_id, settings, number, False, True)
    events = loaded.events
    if events is None:
        events = newest_events(tx, project_id, EVENTS_SHOWN + 1) if loaded.has_events else []
    return _page(loaded, events)


def _page(loaded: _Loaded, events: list[dict[str, Any]]) -> ProjectPage:
    """The page of ``loaded`` with ``events``: the newest EVENTS_SHOWN and one more when there are more."""
    return ProjectPage(loaded.view, events[-EVENTS_SHOWN:], loaded.evaluation, loaded.reviewer_grade,
                       len(events) > EVENTS_SHOWN)


async def load_page_on_loop(connection: Any, dialect: Dialect, principal: Principal, project_id: int,
                            settings: CoreSettings, number: int | None = None) -> ProjectPage | None:
    """:func:`load_page` on PostgreSQL with the one statement awaited on a psycopg ``AsyncConnection`` (the
    event loop's, :meth:`perfbudget.web.freshness.DataVersion.read_on_loop`): no worker thread, no
    SQLAlchemy connection. None when the version shown has no stored review (its review in context
    needs a transaction: the caller then takes :func:`load_page` in a worker thread)."""
    row = await _whole(number, False, True).first_async(connection, dialect, _parameters(project_id, number))
    return page_of_row(row, principal, settings)


async def versioned_page_row(connection: Any, dialect: Dialect, project_id: int,
                             number: int | None = None) -> dict[str, Any] | None:
    """The row :func:`load_page_on_loop` reads, with ``data_version``: the change counters it was read under
    (the value :meth:`perfbudget.web.freshness.DataVersion.current_async` gives), so that a page built from
    it needs no separate question for the version; None when there is no such project. Not yet checked
    against any principal: :func:`page_of_row` does that."""
    statement = _VERSIONED["number" if number is not None else "official"]
    row = await statement.first_async(connection, dialect, _parameters(project_id, number))
    if row is not None:
        row["data_version"] = (int(row.pop("data_changes")), int(row.pop("account_changes")))
    return row


def page_of_row(row: dict[str, Any] | None, principal: Principal, settings: CoreSettings) -> ProjectPage | None:
    """The page's data from the one statement's row, for ``principal`` (NotFound as :func:`load_page`); None
    when the version shown has no stored review (:func:`load_page` in a transaction then)."""
    if _checked(row, principal)["r_id"] is None:
        return None
    loaded = _from_row(row, None, principal, settings, True, True)
    return _page(loaded, loaded.events or [])
