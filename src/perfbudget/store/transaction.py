"""One write transaction of the store, with the operations the use-case layer composes.

``with store.transaction() as tx:`` gives a :class:`Transaction`: everything done through it
is committed together or not at all, so a new version, its author, its workflow step and the
audit row that records them can never be separated. The faces never see the connection.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Integer, String, and_, case, cast, func, insert, or_, select, update

from perfbudget.store import evaluations as stored_evaluations
from perfbudget.store import importer, queries
from perfbudget.store import reviews as stored_reviews
from perfbudget.store.account_tables import users
from perfbudget.store.bulk import insert_columns, run
from perfbudget.store.records import (
    audit_log,
    audit_summary,
    version_authors,
    with_face,
    workflow_events,
    workflow_states,
)
from perfbudget.store.review_summary import summary_of_payload
from perfbudget.store.schema import (
    documents,
    evaluations,
    project_versions,
    projects,
    reviews,
    units,
    utc_now,
)

_REVIEWING_LOCK = 0x70627276  # advisory lock key of :meth:`Transaction.lock_reviewing` (the migrator's is 0x70626462)

# The ``file`` an edit writes for its version (perfbudget.app.change_faces.edit_file): 网页修改（用户）,
# 接口修改（用户）; API edits wrote 网页修改 too before they had their own label.
EDIT_FILES = ("网页修改", "接口修改", "命令行修改")


def made_by_edit(via: str | None, file: str) -> bool:
    """True when a version was made by editing the project (any face), not by importing a file."""
    return via == "edit" or (via is not None and file.startswith(EDIT_FILES))


@dataclass(frozen=True, slots=True)
class TrailEntry:
    """One stored version of a project: its content hash, where it came from, who made it and when.

    Attributes:
        number: the version number.
        version_id: its row.
        content_sha256: the content hash (equal hash, equal content).
        file: the name of the file (or edit) that brought it.
        at: when it was stored.
        via: how it was made (cli, upload, api, declare, edit), None when unrecorded.
        username: who made it, None when unrecorded.
        display_name: that account's display name, None when it has none (or made no account: a login name).
    """

    number: int
    version_id: int
    content_sha256: str
    file: str
    at: datetime
    via: str | None
    username: str | None
    display_name: str | None = None

    @property
    def is_edit(self) -> bool:
        return made_by_edit(self.via, self.file)


@dataclass(frozen=True, slots=True)
class WorkflowRow:
    """A project's workflow state: ``state`` of its latest version, and the approved version."""

    state: str
    version_number: int | None
    approved_version: int | None


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does something: a web user (id and name) or a command-line user (name only); ``face``: the face it
    acts through (cli, web, api), which :meth:`Transaction.audit` keeps in every entry's ``after``."""

    id: int | None
    username: str | None
    face: str | None = None


# json.dumps(value, ensure_ascii=False, sort_keys=True, default=str) with its encoder made once (json.dumps makes one
# at every call given any argument; every import writes an audit row)
_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, default=str).encode


def _json(value: Any) -> str | None:
    return None if value is None else _AUDIT_JSON(value)


# the actions filed under a document that bring versions of projects (app.imports: an import, a 申报)
VERSION_BRINGING = ("document.import", "project.declare")


def about_project(project_id: int) -> Any:
    """The audit entries about project ``project_id``: its own (``object_type`` project) and the import or 申报 of
    each document that brought a version of it, filed under the document (``project_versions.document_id``; the
    index on ``object_type, object_id`` finds both). Until replay-x ``perfbudget audit --project``, the API's
    ``project``, the admin page's 项目编号 and the history page left out the import that made the project."""
    brought = select(cast(project_versions.c.document_id, String)).where(project_versions.c.project_id == project_id)
    return or_(and_(audit_log.c.object_type == "project", audit_log.c.object_id == str(project_id)),
               and_(audit_log.c.object_type == "document", audit_log.c.action.in_(VERSION_BRINGING),
                    audit_log.c.object_id.in_(brought)))


_AUTHOR_COLUMNS = ("version_id", "user_id", "username", "via", "at")
_AUDIT_COLUMNS = ("at", "user_id", "username", "action", "object_type", "object_id", "unit_code", "summary", "before",
                  "after", "ip")


# latest versions without a stored review (Transaction.unreviewed_latest, unreviewed_count)
_UNREVIEWED_LATEST = (select(project_versions.c.id)
                      .join(projects, (projects.c.id == project_versions.c.project_id)
                            & (projects.c.latest_version == project_versions.c.number))
                      .where(~select(reviews.c.id).where(reviews.c.version_id == project_versions.c.id).exists()))


class Transaction:
    """The store's operations inside one transaction (see the module docstring)."""

    def __init__(self, connection: Connection, writing: bool = False) -> None:
        self.connection = connection
        self.writing = writing

    def lock_projects(self, project_ids: Iterable[int]) -> None:
        """Hold the projects' rows until the transaction ends (PostgreSQL; in a write transaction only).

        Call before reading what a write depends on (the latest version, the workflow state): under
        READ COMMITTED a workflow step and an import or edit of the same project otherwise each read,
        then wrote over what the other had committed meanwhile (an approval lost under a revision, a
        submission of a version nobody submitted). Ids in order, so two writers never deadlock.
        SQLite needs nothing: its write transactions (``BEGIN IMMEDIATE``) run one at a time."""
        ids = sorted(set(project_ids))
        if not ids or not self.writing or self.connection.dialect.name != "postgresql":
            return
        self.connection.execute(select(projects.c.id).where(projects.c.id.in_(ids))
                                .order_by(projects.c.id).with_for_update())

    # imports

    def apply(self, plan: importer.Plan, file: str, sha256: str, form: str | None,
              expected: dict[str, int | None] | None = None) -> importer.ImportOutcome:
        return importer.apply_plan(self.connection, plan, file, sha256, form, expected)

    def merged_into(self, key: str) -> Any | None:
        """The unit a unit of ``key`` was merged into, when no unit holds ``key`` (``store.unit_aliases``)."""
        from perfbudget.store.unit_aliases import merged_into

        return merged_into(self.connection, key)

    def unit_heirs(self) -> dict[str, str]:
        """Every key of a unit merged away that no unit holds, with the key of the unit it now lands in."""
        from perfbudget.store.unit_aliases import heirs

        return heirs(self.connection)

    def imported_before(self, sha256: str) -> tuple[int, int] | None:
        return importer.imported_before(self.connection, sha256)

    def superseded_since(self, document_id: int) -> list[importer.Superseded]:
        return importer.superseded_since(self.connection, document_id)

    def document_tables(self, document_id: int) -> list[importer.StoredAs]:
        return importer.document_tables(self.connection, document_id)

    def project_ids(self, identities: list[str]) -> dict[str, int]:
        if not identities:
            return {}
        return dict(run(self.connection, f"SELECT identity, id FROM projects WHERE identity IN "
                                         f"({', '.join('?' * len(identities))})", identities, replanned=True))

    def trails(self, project_ids: list[int]) -> dict[int, list[TrailEntry]]:
        """Every version of each project, oldest first, with its file, author and time."""
        if not project_ids:
            return {}
        query = (select(project_versions.c.project_id, project_versions.c.number, project_versions.c.id,
                        project_versions.c.content_sha256, project_versions.c.created_at, documents.c.file_name,
                        version_authors.c.via, version_authors.c.username, users.c.display_name)
                 .join(documents, documents.c.id == project_versions.c.document_id)
                 .outerjoin(version_authors, version_authors.c.version_id == project_versions.c.id)
                 .outerjoin(users, users.c.username == version_authors.c.username)
                 .where(project_versions.c.project_id.in_(project_ids))
                 .order_by(project_versions.c.project_id, project_versions.c.number))
        out: dict[int, list[TrailEntry]] = defaultdict(list)
        for row in self.connection.execute(query):
            out[row.project_id].append(TrailEntry(row.number, row.id, row.content_sha256, row.file_name,
                                                  row.created_at, row.via, row.username, row.display_name or None))
        return dict(out)

    def project_head(self, project_id: int) -> dict[str, Any] | None:
        """The project's id, name, fund label and year, unit code and name, latest version number."""
        row = self.connection.execute(
            select(projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year,
                   projects.c.latest_version, units.c.code.label("unit_code"), units.c.name.label("unit_name"))
            .join(units, units.c.id == projects.c.unit_id).where(projects.c.id == project_id)).mappings().first()
        return None if row is None else dict(row)

    def latest_number(self, project_id: int) -> int | None:
        return self.connection.execute(select(projects.c.latest_version)
                                       .where(projects.c.id == project_id)).scalar()

    def version(self, project_id: int, number: int | None = None) -> queries.StoredVersion | None:
        return queries.project_version(self.connection, project_id, number)

    def versions(self, version_ids: list[int]) -> dict[int, queries.StoredVersion]:
        return queries.load_versions(self.connection, version_ids)

    def current_versions(self, *, project_ids: list[int] | None = None, unit: str | None = None,
                         year: int | None = None, official: bool = False) -> list[queries.StoredVersion]:
        """The latest (or ``official``: approved) versions chosen by id and/or unit code and year."""
        ids = stored_evaluations.latest_version_ids(self.connection, project_ids=project_ids, unit=unit, year=year,
                                                    official=official)
        loaded = queries.load_versions(self.connection, ids)
        return [loaded[i] for i in ids]

    def unreviewed_latest(self, limit: int | None = None, after: int = 0, only: int | None = None,
                          project: int | None = None) -> list[int]:
        """Ids of latest versions that have no stored review (the first ``limit`` of them by id, if given), of ids
        above ``after``; ``only``: that version, if it is one of them; ``project``: that project's, if it is."""
        stmt = _UNREVIEWED_LATEST.where(project_versions.c.id > after)
        if only is not None:
            stmt = stmt.where(project_versions.c.id == only)
        if project is not None:
            stmt = stmt.where(project_versions.c.project_id == project)
        return list(self.connection.execute(stmt.order_by(project_versions.c.id).limit(limit)).scalars())

    def unreviewed_count(self) -> int:
        """How many latest versions have no stored review (:meth:`unreviewed_latest`'s, counted in the database)."""
        return int(self.connection.execute(select(func.count()).select_from(_UNREVIEWED_LATEST.subquery()))
                   .scalar_one())

    def mark_unreviewed(self) -> None:
        """Say that this transaction stores versions it does not review (``change_counters.unreviewed`` moves):
        a running ``perfbudget serve`` reviews them once it commits (:func:`perfbudget.app.reviews.review_catch_up`)."""
        from perfbudget.store.engine import UNREVIEWED

        # moved as the transaction's last statement, beside ``data`` (store.engine.write_transaction): the counters'
        # row lock is held only while the transaction commits
        self.connection.info[UNREVIEWED] = True

    def lock_reviewing(self) -> None:
        """On PostgreSQL, one reviewer of unreviewed versions at a time (a transaction-scoped advisory lock); SQLite's
        write transactions are one at a time already."""
        if self.connection.dialect.name == "postgresql":
            self.connection.execute(select(func.pg_advisory_xact_lock(_REVIEWING_LOCK)))

    def last_review(self, version_id: int) -> dict[str, Any] | None:
        """The newest stored review of a version, payload parsed (one query)."""
        return stored_reviews.last_review(self.connection, version_id)

    def last_project_evaluation(self, project_id: int, kind: str = "self-evaluation") -> dict[str, Any] | None:
        """The newest stored evaluation of any version of the project, payload parsed (one query)."""
        return stored_evaluations.last_project_evaluation(self.connection, project_id, kind)

    # authorship, workflow, audit

    def add_authors(self, version_ids: list[int], actor: Actor, via: str) -> None:
        if version_ids:
            count = len(version_ids)  # by column: a command line's None user id left out (bulk.insert_columns)
            insert_columns(self.connection, version_authors, _AUTHOR_COLUMNS, [
                version_ids, [actor.id] * count, [actor.username] * count, [via] * count, [utc_now()] * count])

    def workflow(self, project_ids: list[int]) -> dict[int, WorkflowRow]:
        if not project_ids:
            return {}
        query = select(workflow_states).where(workflow_states.c.project_id.in_(project_ids))
        return {row.project_id: WorkflowRow(row.state, row.version_number, row.approved_version)
                for row in self.connection.execute(query)}

    def set_workflow(self, project_id: int, state: str, version_number: int | None, approved_version: int | None,
                     actor: Actor) -> None:
        values = {"state": state, "version_number": version_number, "approved_version": approved_version,
                  "updated_at": utc_now(), "user_id": actor.id}
        moved = self.connection.execute(update(workflow_states)
                                        .where(workflow_states.c.project_id == project_id).values(**values))
        if moved.rowcount == 0:
            self.connection.execute(insert(workflow_states).values(project_id=project_id, **values))

    def add_event(self, project_id: int, version_number: int | None, action: str, from_state: str, to_state: str,
                  actor: Actor, comment: str | None = None, justification: str | None = None) -> datetime:
        now = utc_now()
        self.connection.execute(insert(workflow_events).values(
            project_id=project_id, version_number=version_number, action=action, from_state=from_state,
            to_state=to_state, comment=comment, justification=justification, user_id=actor.id,
            username=actor.username, at=now))
        return now

    def audit(self, actor: Actor, action: str, object_type: str, object_id: str | int | None, summary: str, *,
              before: Any = None, after: Any = None, unit_code: str | None = None, ip: str | None = None) -> None:
        # one cached INSERT through the driver, the values None left out (bulk.insert_columns)
        insert_columns(self.connection, audit_log, _AUDIT_COLUMNS, [
            [utc_now()], [actor.id], [actor.username], [action], [object_type],
            [None if object_id is None else str(object_id)], [unit_code], [audit_summary(summary)], [_json(before)],
            [_json(with_face(after, actor.face))], [ip]])

    def audit_entries(self, *, limit: int = 100, offset: int = 0, action: str | None = None,
                      object_type: str | None = None, object_id: str | None = None,
                      username: str | None = None, entry_id: int | None = None,
                      values_up_to: int | None = None,
                      project_id: int | None = None) -> tuple[list[dict[str, Any]], int]:
        """Audit entries newest first, filtered by the given fields (``before``/``after`` parsed back from
        JSON), and the count of every matching entry. ``values_up_to``: a ``before``/``after`` of more
        characters (as stored) is not read (None; ``before_chars``/``after_chars`` give every value's length).
        ``project_id``: the project's own entries and those of the imports (and 申报) that brought a version of it,
        which are filed under their document (:func:`about_project`)."""
        sizes = [func.length(audit_log.c.before).label("before_chars"),
                 func.length(audit_log.c.after).label("after_chars")]
        values: list[Any] = [audit_log.c.before, audit_log.c.after]
        if values_up_to is not None:  # an edit of a project of 1,000 indicators keeps some 400 KB each side
            values = [case((func.length(column) <= values_up_to, column), else_=None).label(column.name)
                      for column in (audit_log.c.before, audit_log.c.after)]
        # who and what by the names people read (webflow25): the account's display name, the project's name and fund,
        # the account an entry is about; joined into the page's one statement (an id cast only where it is one)
        actor, subject = users.alias("actor"), users.alias("subject")
        names = [actor.c.display_name, projects.c.name.label("project_name"),
                 projects.c.fund_label.label("project_fund"), subject.c.username.label("subject_username"),
                 subject.c.display_name.label("subject_display_name")]
        object_id_of = {kind: case((audit_log.c.object_type == kind, cast(audit_log.c.object_id, Integer)))
                        for kind in ("project", "user")}
        joined = (audit_log.outerjoin(actor, actor.c.id == audit_log.c.user_id)
                  .outerjoin(projects, projects.c.id == object_id_of["project"])
                  .outerjoin(subject, subject.c.id == object_id_of["user"]))
        query = select(*(c for c in audit_log.c if c.name not in ("before", "after")), *values, *sizes,
                       *names).select_from(joined)
        count = select(func.count()).select_from(audit_log.outerjoin(actor, actor.c.id == audit_log.c.user_id)
                                                 if username else audit_log)
        for column, value in ((audit_log.c.action, action), (audit_log.c.object_type, object_type),
                              (audit_log.c.object_id, object_id)):
            if value:
                query = query.where(column == value)
                count = count.where(column == value)
        if project_id is not None:
            about = about_project(project_id)
            query, count = query.where(about), count.where(about)
        if username:  # the account's name or its display name, as the pages show it (the name alone until webflow25)
            named = or_(audit_log.c.username == username, actor.c.display_name == username)
            query = query.where(named)
            count = count.where(named)
        if entry_id is not None:
            query, count = query.where(audit_log.c.id == entry_id), count.where(audit_log.c.id == entry_id)
        rows = self.connection.execute(query.order_by(audit_log.c.id.desc()).limit(limit).offset(offset)).mappings()
        out = [{**row, "before": json.loads(row["before"]) if row["before"] else None,
                "after": json.loads(row["after"]) if row["after"] else None} for row in rows]
        return out, self.connection.execute(count).scalar_one()

    # results

    def record_review(self, version_id: int, payload: Any, *, year: int | None, grade: str | None,
                      errors: int, warnings: int, actor: str | None, total: str | None = None) -> int:
        row = {"version_id": version_id, "year": year, "grade": grade, "total": total, "errors": errors,
               "warnings": warnings, "actor": actor, "payload": json.dumps(payload, ensure_ascii=False),
               "summary": summary_of_payload(payload), "created_at": utc_now()}
        return stored_reviews.record_review(self.connection, row)

    def record_evaluation(self, version_id: int, year: int, kind: str, payload: Any, *, month: int | None = None,
                          total: str | None = None, grade: str | None = None, colour: str | None = None,
                          actor: str | None = None) -> int:
        row = {"version_id": version_id, "year": year, "kind": kind, "month": month, "total": total,
               "grade": grade, "colour": colour, "actor": actor,
               "payload": json.dumps(payload, ensure_ascii=False), "created_at": utc_now()}
        return int(self.connection.execute(insert(evaluations).returning(evaluations.c.id), row).scalar_one())
