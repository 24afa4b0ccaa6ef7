"""Import documents into the store: one transaction per document, all or nothing.

For each table of a document the project is found by its identity (unit, fund year,
name, fund label). A table equal to the project's latest version changes nothing; a
new project gets version 1; a changed table gets the next version, with the changes
from the previous one recorded. When no table is new or changed the document is
"unchanged" and nothing is written — also when the same content comes in another file.
A file whose fingerprint (SHA-256 of its bytes) was imported before is "unchanged"
without being read at all, even when later files changed its projects since: re-importing
a folder that holds both an original and its correction must not flip the project back
and forth (:func:`superseded_since` names the projects that moved on, for the user). Old content
in a *new* file (a real revert) is a change and gets a version.

Reading files is not the store's business: :mod:`perfbudget.app.imports` reads a file and
decides (workflow, confirmation) whether its plan is applied; :func:`apply_plan` writes it
inside the caller's transaction, refusing with :class:`StaleVersion` when a project moved on
from the version the caller planned against.

Rows are written by :mod:`perfbudget.store.bulk` (COPY on PostgreSQL, the driver's executemany on
SQLite); the few single statements of an import run as cached SQL text through the driver's cursor
(:func:`perfbudget.store.bulk.run`), without SQLAlchemy's per-statement compilation.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import chain, repeat
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from perfbudget.model import Budget, Document, Problem, Project, Source, Unit
from perfbudget.store import content_text, rows
from perfbudget.store.bulk import allocate_ids, insert_columns, insert_rows, run
from perfbudget.store.changes import Change, version_changes
from perfbudget.store.engine import write_transaction
from perfbudget.store.queries import load_versions
from perfbudget.store.schema import (
    document_items,
    documents,
    indicators,
    project_versions,
    projects,
    targets,
    utc_now,
)
from perfbudget.store.schema import (
    version_changes as version_changes_table,
)
from perfbudget.store.search import index_rows

IMPORTED, UNCHANGED, FAILED = "imported", "unchanged", "failed"
# Set by the use-case layer: nothing written because a revision was refused, a confirmation is
# needed (an older content, or a newer version from elsewhere), or a project moved on meanwhile.
REFUSED, NEEDS_CONFIRMATION, STALE = "refused", "needs_confirmation", "stale"
RETRIES = 5


@dataclass(frozen=True, slots=True)
class StoredAs:
    """One table of an imported document as stored: its project and version.

    Attributes:
        position: the table's 1-based position in the document.
        project_id: the stored project.
        version: the version number the table is (new, or the unchanged latest).
        version_id: that version's row.
        created: whether this import created the version.
        name: the project's name (for messages).
    """

    position: int
    project_id: int
    version: int
    version_id: int
    created: bool
    name: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"position": self.position, "project_id": self.project_id, "version": self.version,
                "version_id": self.version_id, "created": self.created, "name": self.name}


class StaleVersion(Exception):
    """A project moved on from the version the caller planned against (another writer got there first)."""

    def __init__(self, name: str, expected: int | None, latest: int | None) -> None:
        super().__init__(name)
        self.name, self.expected, self.latest = name, expected, latest


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What importing one file or document did.

    Attributes:
        file: the file name as given.
        status: ``imported``, ``unchanged`` or ``failed``.
        document_id: the new document row (imported only).
        new_projects: tables stored as a project's first version.
        changed_projects: tables stored as a new version of an existing project.
        unchanged_projects: tables equal to their project's latest version.
        problems: why it failed (errors with locations), or the reader's notes.
        same_file_as: for an unchanged file, the earlier document with the same bytes.
        versions: each table as stored (imported or unchanged by :func:`apply_plan`).
        notices: what the use-case layer tells the user (revisions made, confirmations needed).
        refused_tables: cut-off tables left out of the import, each named (errors with locations).
    """

    file: str
    status: str
    document_id: int | None = None
    new_projects: int = 0
    changed_projects: int = 0
    unchanged_projects: int = 0
    problems: tuple[Problem, ...] = field(default=())
    same_file_as: int | None = None
    versions: tuple[StoredAs, ...] = ()
    notices: tuple[str, ...] = ()
    refused_tables: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "status": self.status, "document_id": self.document_id,
            "new_projects": self.new_projects, "changed_projects": self.changed_projects,
            "unchanged_projects": self.unchanged_projects, "same_file_as": self.same_file_as,
            "versions": [v.to_dict() for v in self.versions], "notices": list(self.notices),
            "refused_tables": [{"source": p.source.to_dict(), "message": p.message} for p in self.refused_tables],
            "problems": [{"source": p.source.to_dict(), "severity": p.severity.value, "message": p.message}
                         for p in self.problems],
        }


def file_sha256(path: str | Path) -> str | None:
    """The SHA-256 of a regular file's bytes (links followed), None for anything else or a file that cannot be read.
    A device or a pipe is not opened (as ``readers.read_file``, which then says why): ``perfbudget import /dev/zero``
    hashed zeros for ever, a FIFO waited for ever, before the reader was asked (attack30)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _failed(file: str, message: str) -> ImportOutcome:
    return ImportOutcome(file, FAILED, problems=(Problem(Source(file), message),))


def imported_before(connection: Connection, sha256: str) -> tuple[int, int] | None:
    """(document id, table count) of an earlier import of a file with exactly these bytes, else None (asked by a
    bulk import's reading processes for every file: the driver's cursor, no SQLAlchemy statement)."""
    found = run(connection, "SELECT id, project_count FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1",
                (sha256,), replanned=True)  # (PostgreSQL: planned as the table is, never a plan kept from empty)
    return (found[0][0], found[0][1]) if found else None


class Superseded(NamedTuple):
    """A table of an earlier document whose project now holds other content."""

    name: str
    fund_label: str | None
    version: int  # what the document's table was
    latest_version: int
    project_id: int


def superseded_since(connection: Connection, document_id: int) -> list[Superseded]:
    """The tables of document ``document_id`` whose project's latest version has other content now
    (a later file, a web edit): re-importing the same bytes leaves those projects as they are."""
    was = project_versions.alias("was")
    now = project_versions.alias("now")
    query = (select(projects.c.name, projects.c.fund_label, was.c.number, projects.c.latest_version, projects.c.id)
             .select_from(document_items.join(was, was.c.id == document_items.c.version_id)
                          .join(projects, projects.c.id == was.c.project_id)
                          .join(now, (now.c.project_id == projects.c.id)
                                & (now.c.number == projects.c.latest_version)))
             .where(document_items.c.document_id == document_id, now.c.content_sha256 != was.c.content_sha256)
             .order_by(document_items.c.position))
    return [Superseded(*row) for row in connection.execute(query)]


def document_tables(connection: Connection, document_id: int) -> list[StoredAs]:
    """Each table of document ``document_id`` as it was stored (its project and the version it made or found), in
    document order, none ``created``: what an import of the same bytes again answers (faces-v made that 未变化
    without reading the file, and its answer named no project until then)."""
    query = (select(document_items.c.position, projects.c.id, project_versions.c.number, project_versions.c.id,
                    projects.c.name)
             .select_from(document_items.join(project_versions, project_versions.c.id == document_items.c.version_id)
                          .join(projects, projects.c.id == project_versions.c.project_id))
             .where(document_items.c.document_id == document_id)
             .order_by(document_items.c.position))
    return [StoredAs(position, project_id, number, version_id, False, name)
            for position, project_id, number, version_id, name in connection.execute(query)]


class _Latest(NamedTuple):
    """A project's latest version as an import finds it."""

    identity: str
    id: int
    latest_version: int
    version_id: int
    content_sha256: str


@dataclass(frozen=True, slots=True)
class ProjectHead:
    """What the use-case layer needs of one table besides its rows: names, completeness, where it is."""

    seq: int
    name: str
    fund_label: str | None
    fund_year: int | None
    complete: bool = True
    cut: Source | None = None
    source: Source | None = None


@dataclass(frozen=True, slots=True)
class DocumentHead:
    """A planned document without its rows: unit, money unit, kind and each table's :class:`ProjectHead`
    (the attributes of :class:`~perfbudget.model.Document` the use-case layer reads)."""

    unit: Unit
    money_unit: str | None
    kind: str
    projects: tuple[ProjectHead, ...]
    indicator_count: int


@dataclass(frozen=True, slots=True)
class TableRows:
    """One table as the store writes it: its version row (the values of :func:`rows.version_values`), and its
    indicator and target rows in order, as tuples in :data:`rows.INDICATOR_COLUMNS` and
    :data:`rows.TARGET_COLUMNS` order (:func:`rows.indicator_row`, :func:`rows.target_row`): made in a reading
    process, they cross to the writer and into the database without a dict per row."""

    version: dict[str, Any]
    indicators: tuple[tuple[Any, ...], ...]
    targets: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class Plan:
    """Everything computed from the document before the transaction starts.

    A plan holds plain values only (strings, numbers, rows as tuples or dicts), so that a bulk
    import can plan documents in its reading processes and send the plans to the writing one
    cheaply; ``source`` (the document itself) is kept only within the process that read it.

    Attributes:
        document: the document's heading (unit, kind, each table's name and completeness).
        unit_key: the unit's key (:func:`rows.unit_key`).
        identities: each table's project identity, in order.
        hashes: each table's content hash, in order.
        document_hash: the hash of the document's content.
        tables: each table's rows, in order.
        source: the document read, when planned in this process (None once :meth:`detached`).
    """

    document: DocumentHead
    unit_key: str
    identities: list[str]
    hashes: list[str]
    document_hash: str
    tables: tuple[TableRows, ...] = ()
    source: Document | None = field(default=None, compare=False, repr=False)

    def detached(self) -> Plan:
        """The plan without the document it was made from (what crosses between processes)."""
        return replace(self, source=None)

    def __reduce_ex__(self, protocol: Any) -> Any:
        """A detached plan is pickled as one ``marshal`` text of its plain values (tuples, strings, numbers),
        which a bulk import's reading process writes and its writing process reads in about half the time pickle
        takes over its rows and records (each record pickled by a Python function: ``dataclasses``'
        ``__getstate__`` and ``__setstate__``), and rebuilt as the same plan (:func:`_plan_sent`). Both ends are
        the same interpreter (marshal's format is Python's own). A plan holding its document, or a value marshal
        cannot write, is pickled as any dataclass."""
        if self.source is None:
            try:
                return _plan_sent, (marshal.dumps(_plain(self)),)
            except ValueError:  # a value of another type than the rows': pickle's own way
                pass
        return object.__reduce_ex__(self, protocol)

    def subset(self, positions: Sequence[int]) -> Plan:
        """The plan of the tables at these 0-based positions only (e.g. the complete ones), as
        :func:`plan_document` would make it for the document holding only those tables."""
        head = self.document
        kept = tuple(head.projects[i] for i in positions)
        tables = tuple(self.tables[i] for i in positions)
        hashes = [self.hashes[i] for i in positions]
        source = None
        if self.source is not None:
            source = replace(self.source, projects=tuple(self.source.projects[i] for i in positions))
        return Plan(replace(head, projects=kept, indicator_count=sum(len(t.indicators) for t in tables)),
                    self.unit_key, [self.identities[i] for i in positions], hashes,
                    _document_hash(head, hashes), tables, source)


def _plain(plan: Plan) -> tuple[Any, ...]:
    """A plan's values as plain tuples (what :meth:`Plan.__reduce_ex__` marshals; :func:`_plan_sent` rebuilds it)."""
    head = plan.document
    return (plan.unit_key, plan.identities, plan.hashes, plan.document_hash, head.unit.code, head.unit.name,
            head.money_unit, head.kind, head.indicator_count,
            tuple((p.seq, p.name, p.fund_label, p.fund_year, p.complete, None if p.cut is None else tuple(p.cut),
                   None if p.source is None else tuple(p.source)) for p in head.projects),
            tuple((t.version, t.indicators, t.targets) for t in plan.tables))


def _plan_sent(data: bytes) -> Plan:
    """The plan :meth:`Plan.__reduce_ex__` sent (received by the importing process, whose every instruction counts:
    each table's records made without their frozen dataclass ``__init__``, :func:`_new_head`, :func:`_new_rows`)."""
    (unit_key, identities, hashes, document_hash, code, name, money_unit, kind, count, heads,
     tables) = marshal.loads(data)
    source = Source._make
    projects = tuple(_new_head(seq, project, label, year, complete, None if cut is None else source(cut),
                               None if start is None else source(start))
                     for seq, project, label, year, complete, cut, start in heads)
    return Plan(DocumentHead(Unit(code, name), money_unit, kind, projects, count), unit_key, identities, hashes,
                document_hash, tuple(_new_rows(*table) for table in tables))


def _twin(cls: type) -> type:
    """A plain class laid out as the frozen, slotted dataclass ``cls`` (as :mod:`perfbudget.quick_records` makes the
    model's): an object of it, its slots set by ordinary assignment, becomes a ``cls`` by taking its ``__class__``."""
    names = tuple(f.name for f in fields(cls))
    twin = type(f"_{cls.__name__}Twin", (), {"__slots__": names})
    probe: Any = object.__new__(twin)
    probe.__class__ = cls  # raises TypeError here, at import, if the layouts ever differ
    return twin


_HEAD_TWIN = _twin(ProjectHead)
_ROWS_TWIN = _twin(TableRows)


def _new_head(seq: int, name: str, fund_label: str | None, fund_year: int | None, complete: bool, cut: Source | None,
              source: Source | None) -> ProjectHead:
    """``ProjectHead(…)`` with every field given (tests/store/test_reading_hand_off.py: equal to it)."""
    made: Any = object.__new__(_HEAD_TWIN)
    made.seq, made.name, made.fund_label, made.fund_year = seq, name, fund_label, fund_year
    made.complete, made.cut, made.source = complete, cut, source
    made.__class__ = ProjectHead
    return made


def _new_rows(version: dict[str, Any], indicators: tuple[tuple[Any, ...], ...], targets: tuple[tuple[Any, ...], ...]
              ) -> TableRows:
    """``TableRows(…)`` with every field given."""
    made: Any = object.__new__(_ROWS_TWIN)
    made.version, made.indicators, made.targets = version, indicators, targets
    made.__class__ = TableRows
    return made


def _document_hash(head: DocumentHead, hashes: list[str]) -> str:
    return rows.document_hash(Document(head.unit, head.money_unit, (), head.kind), hashes)


def table_rows(project: Project) -> TableRows:
    """The rows the store writes for one table."""
    indicator_row, target_row = rows.indicator_row, rows.target_row
    indicator_rows, target_rows = [], []
    for position, indicator in enumerate(project.indicators, 1):
        indicator_rows.append(indicator_row(indicator, position))
        target_rows.append(target_row(indicator.target))
    return TableRows(rows.version_values(project), tuple(indicator_rows), tuple(target_rows))


def plan_document(document: Document) -> Plan | str:
    """The plan of a document (identities, content hashes, rows), or why it cannot be imported."""
    if not document.projects:
        return "文件中没有项目表"
    if not document.unit.code and not document.unit.name:
        return "文件中没有读到预算单位（单位编码或名称），无法确定项目属于哪个单位，未导入"
    identities = [rows.project_identity(document.unit, p) for p in document.projects]
    seen: dict[str, int] = {}
    for project, identity in zip(document.projects, identities, strict=True):
        if identity in seen:
            return (f"同一文件中项目「{project.name}」（{project.fund_label or '无资金标签'}）出现了两次"
                    f"（第{seen[identity]}个和第{project.seq}个表），无法确定以哪一个为准")
        seen[identity] = project.seq
    context = _context_text(document)
    planned = [_planned_table(document, context, p) for p in document.projects]
    hashes = [content for _, content in planned]
    head = DocumentHead(document.unit, document.money_unit, document.kind, tuple(
        ProjectHead(p.seq, p.name, p.fund_label, p.fund_year, p.complete, p.cut, p.source)
        for p in document.projects), document.indicator_count)
    return Plan(head, rows.unit_key(document.unit), identities, hashes, rows.document_hash(document, hashes),
                tuple(table for table, _ in planned), document)


def _context_text(document: Document) -> str | None:
    try:
        return content_text.context_text(document)
    except (TypeError, ValueError):
        return None  # a value of another type than the model's: hashed by the dicts


def _planned_table(document: Document, context: str | None, project: Project) -> tuple[TableRows, str]:
    """A table's rows and its content hash (:func:`rows.version_hash`), the hashed text written from the rows'
    values (:mod:`perfbudget.store.content_text`); by the dicts when that meets a value it does not expect."""
    table = table_rows(project)
    if context is not None:
        try:
            texts = [content_text.indicator_text(indicator, row, target) for indicator, row, target
                     in zip(project.indicators, table.indicators, table.targets, strict=True)]
            text = content_text.version_text(context, project, texts)
        except (TypeError, ValueError):
            pass
        else:
            return table, hashlib.sha256(text.encode("utf-8")).hexdigest()
    return table, rows.version_hash(document, project)


def landed(plan: Plan, unit: Unit) -> Plan:
    """The plan with its tables landing in ``unit`` (the unit the document's unit was merged into,
    ``store.unit_aliases``): that unit's key and the projects' identities under it. The content hashes are the
    file's (a table imported before the merge is still 「未变化」); the document is recorded under ``unit``."""
    identities = [rows.project_identity(unit, Project(
        seq=p.seq, title=None, name=p.name, fund_label=p.fund_label, fund_year=p.fund_year, fund_source=None,
        budget=_NO_BUDGET, purpose=None, goals=(), indicators=())) for p in plan.document.projects]
    return replace(plan, document=replace(plan.document, unit=unit), unit_key=rows.unit_key(unit),
                   identities=identities)


_NO_BUDGET = Budget()


def planned_project(plan: Plan, position: int) -> Project:
    """The table at a 0-based position as a model project: the one read, or rebuilt from its rows
    (a plan sent by a reading process carries rows only; the rows are the store's truth)."""
    if plan.source is not None:
        return plan.source.projects[position]
    head, table = plan.document.projects[position], plan.tables[position]
    version = {**table.version, "name": head.name, "fund_label": head.fund_label, "fund_year": head.fund_year}
    columns = (*rows.INDICATOR_COLUMNS, *(f"t_{key}" for key in rows.TARGET_COLUMNS))
    indicator_rows: list[Mapping[str, Any]] = [
        dict(zip(columns, (*indicator, *target), strict=True))
        for indicator, target in zip(table.indicators, table.targets, strict=True)]
    return rows.project_from_rows(version, indicator_rows)


def import_document(engine: Engine, document: Document, file: str, sha256: str | None = None,
                    form: str | None = None, notes: Sequence[Problem] = ()) -> ImportOutcome:
    """Import a document read elsewhere, in one transaction (retried when a concurrent import collides)."""
    plan = plan_document(document)
    if isinstance(plan, str):
        return _failed(file, plan)
    fingerprint = sha256 or plan.document_hash
    last_error: Exception | None = None
    for _attempt in range(RETRIES):
        try:
            with write_transaction(engine) as connection:
                outcome = apply_plan(connection, plan, file, fingerprint, form)
            return outcome if outcome.status != IMPORTED else _with_notes(outcome, notes)
        except (IntegrityError, OperationalError) as exc:
            # A concurrent import stored the same unit/project/version first (unique keys), or
            # SQLite stayed locked past the busy timeout: start the document again from scratch.
            last_error = exc
        except DBAPIError as exc:
            if not _is_serialization_failure(exc):
                raise
            last_error = exc
    return _failed(file, f"数据库冲突，重试 {RETRIES} 次后仍未能导入：{_short(last_error)}")


def _with_notes(outcome: ImportOutcome, notes: Sequence[Problem]) -> ImportOutcome:
    return outcome if not notes else replace(outcome, problems=tuple(notes))


def _is_serialization_failure(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in ("40001", "40P01")


def _short(exc: Exception | None) -> str:
    text = str(getattr(exc, "orig", exc) or "")
    return text.splitlines()[0] if text else "未知错误"


def apply_plan(connection: Connection, plan: Plan, file: str, sha256: str, form: str | None,
               expected: dict[str, int | None] | None = None) -> ImportOutcome:
    """Store the plan's new and changed tables inside the caller's transaction.

    ``expected`` maps identities to the latest version number the caller planned against
    (None: a new project); a project whose latest version differs raises :class:`StaleVersion`
    before anything is written. The projects' ``latest_version`` is moved with a compare-and-set,
    so a concurrent writer that read the same latest version fails instead of storing over it.
    """
    found_unit = run(connection, "SELECT id, name FROM units WHERE key = ?", (plan.unit_key,))
    unit_row = found_unit[0] if found_unit else None
    latest: dict[str, Any] = {}
    if unit_row is not None:
        marks = ", ".join("?" * len(plan.identities))
        latest = {row[0]: _Latest(*row) for row in run(connection, (
            "SELECT p.identity, p.id, p.latest_version, v.id, v.content_sha256 FROM projects p "
            "JOIN project_versions v ON v.project_id = p.id AND v.number = p.latest_version "
            f"WHERE p.identity IN ({marks})"), plan.identities)}
    if expected is not None:
        for identity, project, content in zip(plan.identities, plan.document.projects, plan.hashes, strict=True):
            current = latest[identity].latest_version if identity in latest else None
            same = identity in latest and latest[identity].content_sha256 == content  # nothing to write
            if identity in expected and expected[identity] != current and not same:
                raise StaleVersion(project.name, expected[identity], current)
    new = [i for i, identity in enumerate(plan.identities) if identity not in latest]
    changed = [i for i, identity in enumerate(plan.identities)
               if identity in latest and latest[identity].content_sha256 != plan.hashes[i]]
    unchanged = len(plan.identities) - len(new) - len(changed)
    if not new and not changed:
        return ImportOutcome(file, UNCHANGED, unchanged_projects=unchanged, versions=tuple(
            StoredAs(i + 1, latest[identity].id, latest[identity].latest_version, latest[identity].version_id,
                     False, plan.document.projects[i].name) for i, identity in enumerate(plan.identities)))

    now = utc_now()
    head = plan.document
    if unit_row is None:
        unit_id = run(connection, "INSERT INTO units (key, code, name) VALUES (?, ?, ?) RETURNING id",
                      (plan.unit_key, head.unit.code, head.unit.name))[0][0]
    else:
        unit_id = unit_row[0]
        if head.unit.name and unit_row[1] != head.unit.name:
            run(connection, "UPDATE units SET name = ? WHERE id = ?", (head.unit.name, unit_id))
    stored = sorted(new + changed)
    count = sum(len(plan.tables[i].indicators) for i in stored)
    ids = allocate_ids(connection, {documents: 1, projects: len(new), project_versions: len(stored),
                                    indicators: count})
    document_id = ids[documents.name][0]
    insert_rows(connection, documents, [{
        "id": document_id, "unit_id": unit_id, "file_name": file, "sha256": sha256,
        "content_sha256": plan.document_hash, "form": form, "kind": head.kind, "unit_code": head.unit.code,
        "unit_name": head.unit.name, "money_unit": head.money_unit, "project_count": len(head.projects),
        "indicator_count": head.indicator_count, "imported_at": now}])

    project_ids: dict[int, int] = {}
    numbers: dict[int, int] = {}
    if new:
        new_rows = [{"unit_id": unit_id, "identity": plan.identities[i], "name": head.projects[i].name,
                     "fund_label": head.projects[i].fund_label, "fund_year": head.projects[i].fund_year,
                     "latest_version": 1, "created_at": now, "updated_at": now} for i in new]
        insert_rows(connection, projects, new_rows, ids=ids[projects.name])
        index_rows(connection, "projects", ids[projects.name][0], ids[projects.name][-1])
        for i, project_id in zip(new, ids[projects.name], strict=True):
            project_ids[i], numbers[i] = project_id, 1
    if changed:
        for i in changed:
            row = latest[plan.identities[i]]
            project_ids[i], numbers[i] = row.id, row.latest_version + 1
        for i in changed:
            moved = connection.execute(
                update(projects).where(projects.c.id == project_ids[i],
                                       projects.c.latest_version == numbers[i] - 1)
                .values(latest_version=numbers[i], updated_at=now))
            if moved.rowcount != 1:  # a concurrent writer moved the project on (it has committed by now)
                now_latest = connection.execute(select(projects.c.latest_version)
                                                .where(projects.c.id == project_ids[i])).scalar()
                raise StaleVersion(head.projects[i].name, numbers[i] - 1, now_latest)

    version_ids = dict(zip(stored, ids[project_versions.name], strict=True))
    insert_rows(connection, project_versions, [
        {**plan.tables[i].version, "project_id": project_ids[i], "number": numbers[i], "document_id": document_id,
         "content_sha256": plan.hashes[i], "created_at": now} for i in stored], ids=ids[project_versions.name])
    # The indicators and targets: the plan's tuples (made in the reading process) joined and turned into columns
    # in C, with their ids, versions and years (no dict, no tuple built in Python per row: a province's import
    # writes some 180 of these rows a table); a column None in every row is left out (bulk.insert_columns).
    if count:
        indicator_ids = ids[indicators.name]
        sizes = [len(plan.tables[i].indicators) for i in stored]
        indicator_columns = list(zip(*chain.from_iterable(plan.tables[i].indicators for i in stored), strict=True))
        target_columns = list(zip(*chain.from_iterable(plan.tables[i].targets for i in stored), strict=True))
        in_version = list(chain.from_iterable(repeat(version_ids[i], n) for i, n in zip(stored, sizes, strict=True)))
        # the project's year on each of its indicators (schema.py)
        in_year = list(chain.from_iterable(repeat(head.projects[i].fund_year, n)
                                           for i, n in zip(stored, sizes, strict=True)))
        insert_columns(connection, indicators, _INDICATOR_INSERT,
                       [indicator_ids, *indicator_columns, in_version, in_year])
        insert_columns(connection, targets, _TARGET_INSERT, [indicator_ids, *target_columns])
        index_rows(connection, "indicators", indicator_ids[0], indicator_ids[-1])  # the search index (search.py)
    insert_rows(connection, document_items, [
        {"document_id": document_id, "position": i + 1,
         "version_id": version_ids[i] if i in version_ids else latest[identity].version_id}
        for i, identity in enumerate(plan.identities)])

    if changed:
        _record_changes(connection, plan, changed, latest, version_ids)
    stored_as = tuple(
        StoredAs(i + 1, project_ids[i], numbers[i], version_ids[i], True, head.projects[i].name)
        if i in version_ids else
        StoredAs(i + 1, latest[identity].id, latest[identity].latest_version, latest[identity].version_id, False,
                 head.projects[i].name)
        for i, identity in enumerate(plan.identities))
    return ImportOutcome(file, IMPORTED, document_id, len(new), len(changed), unchanged, versions=stored_as)


_INDICATOR_INSERT = ("id", *rows.INDICATOR_COLUMNS, "version_id", "fund_year")
_TARGET_INSERT = ("indicator_id", *rows.TARGET_COLUMNS)


def _record_changes(connection: Connection, plan: Plan, changed: list[int], latest: dict[str, Any],
                    version_ids: dict[int, int]) -> None:
    previous = load_versions(connection, [latest[plan.identities[i]].version_id for i in changed])
    change_rows: list[dict[str, Any]] = []
    for i in changed:
        old = previous[latest[plan.identities[i]].version_id].document
        new = Document(plan.document.unit, plan.document.money_unit, (planned_project(plan, i),),
                       plan.document.kind)
        found: list[Change] = version_changes(old, new)
        change_rows.extend({"version_id": version_ids[i], "position": position, "kind": change.kind,
                            "subject": change.subject, "field": change.field, "old": change.old, "new": change.new}
                           for position, change in enumerate(found, 1))
    if change_rows:
        insert_rows(connection, version_changes_table, change_rows)
