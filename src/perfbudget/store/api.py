"""``Store``: the store's engine and its operations, for the CLI, the web app and scripts.

A thin holder of one engine (no module-level engine anywhere); every method opens its
own connection and transaction. Opening a store migrates a new database (see
:mod:`perfbudget.store.migrate`). With ``replica_url`` (a PostgreSQL streaming replica), reads
inside a session scope go to the replica once it holds the session's writes; writes always go
to the primary (:class:`perfbudget.store.engine.Router`, docs/scale.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, insert

from perfbudget.model import Document, Problem
from perfbudget.page_size import PAGE
from perfbudget.store import evaluations as stored_evaluations
from perfbudget.store import importer, queries
from perfbudget.store import library_tables as _library_tables  # noqa: F401  (the library's tables)
from perfbudget.store import reviews as stored_reviews
from perfbudget.store import status as _status  # noqa: F401  (project_status, kept by triggers)
from perfbudget.store.checkpoints import Checkpointer
from perfbudget.store.engine import Router, make_engine, make_replica_engine
from perfbudget.store.migrate import ensure_schema
from perfbudget.store.queries import Filters, StoredVersion
from perfbudget.store.review_summary import summary_of_payload
from perfbudget.store.schema import evaluations, utc_now
from perfbudget.store.transaction import Transaction


class Store:
    """A performance-target store at a database URL (``sqlite:///…`` or ``postgresql+psycopg://…``)."""

    def __init__(self, url: str, migrate: bool = True, replica_url: str | None = None) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)
        self.router = Router(self.engine, make_replica_engine(replica_url) if replica_url else None)
        self._library_pending: list[int] | None = None
        if migrate:
            ensure_schema(self.engine)

    def close(self) -> None:
        self.router.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # transactions: everything done through one ``Transaction`` commits together or not at all

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A write transaction (SQLite: ``BEGIN IMMEDIATE``, so writers queue up front)."""
        with self.router.write() as connection:
            yield Transaction(connection, writing=True)

    @contextmanager
    def write_batch(self, index_at_end: bool = False) -> Iterator[None]:
        """Write transactions inside (on this thread) commit together at the block's end, each still all or
        nothing (:meth:`perfbudget.store.engine.Router.batch`: on PostgreSQL in a savepoint of its own; on SQLite a
        write failing after it wrote breaks the block); reads inside see them. A bulk import's documents, so that
        each does not pay a commit. When the block fails (its transaction lost or broken:
        :class:`~perfbudget.store.engine.BatchBroken`, or the commit failed), nothing of it is stored and the
        documents it told the indicator library of are taken back from ``library_batch``.

        ``index_at_end`` (SQLite; for writes that only insert indicators and projects, as imports do): the
        search index takes the block's new rows once, at its end (:func:`perfbudget.store.search.indexed_at_end`)."""
        from perfbudget.store.search import indexed_at_end

        mark = len(self._library_pending) if self._library_pending is not None else None
        try:
            with self.router.batch() as connection:
                if connection is not None and index_at_end:
                    with indexed_at_end(connection):
                        yield
                else:
                    yield
        except BaseException:
            if mark is not None and self._library_pending is not None:
                del self._library_pending[mark:]
            raise

    def checkpoints_aside(self) -> AbstractContextManager[Checkpointer | None]:
        """SQLite: inside, the commits of the write transactions and ``write_batch`` blocks begun on this thread
        leave the WAL's checkpoints (the copy back into the database and its syncs) to a thread of their own, so
        the writing thread does not wait for them (a bulk import, :mod:`perfbudget.store.checkpoints`; gives
        that thread's :class:`Checkpointer`). PostgreSQL: nothing changes (gives None)."""
        return self.router.checkpoints_aside()

    @contextmanager
    def reading(self, autocommit: bool = False) -> Iterator[Transaction]:
        """A read transaction: one consistent snapshot for several reads (writes are not meant here).

        ``autocommit`` (PostgreSQL): without ``BEGIN``/``ROLLBACK`` round trips, each statement its own
        snapshot as under READ COMMITTED anyway; never for streaming reads (``yield_per``)."""
        with self.router.read(autocommit) as connection:
            yield Transaction(connection)

    # imports without the use-case layer's rules (tests, benchmarks); faces use perfbudget.app.imports

    def import_document(self, document: Document, file: str, sha256: str | None = None,
                        form: str | None = None, notes: Sequence[Problem] = ()) -> importer.ImportOutcome:
        return self._library_after(importer.import_document(self.engine, document, file, sha256, form, notes))

    def _library_after(self, outcome: importer.ImportOutcome) -> importer.ImportOutcome:
        if outcome.status == importer.IMPORTED and outcome.document_id is not None:
            self.library_changed([outcome.document_id])
        return outcome

    def library_changed(self, document_ids: list[int]) -> None:
        """Keep the indicator library current after a committed import of these documents (the
        use-case layer calls it for every face; inside ``library_batch``, once at its end)."""
        if not document_ids:
            return
        if self._library_pending is not None:
            self._library_pending.extend(document_ids)
        else:
            from perfbudget.library.build import update_library_for_documents

            update_library_for_documents(self, document_ids)

    @contextmanager
    def library_batch(self) -> Iterator[None]:
        """Imports inside update the indicator library once, when the block ends (a bulk import)."""
        outer = self._library_pending is not None
        if not outer:
            self._library_pending = []
        try:
            yield
        finally:
            if not outer:
                pending, self._library_pending = self._library_pending, None
                if pending:
                    from perfbudget.library.build import update_library_for_documents

                    update_library_for_documents(self, pending)

    # the indicator library's own tables (perfbudget.library reads and writes them through these)

    def library_reading(self) -> AbstractContextManager[Connection]:
        return self.router.read()

    def library_writing(self) -> AbstractContextManager[Connection]:
        return self.router.write()

    # queries

    def units(self, filters: Filters = Filters(), limit: int | None = PAGE,
              offset: int = 0) -> dict[str, Any]:
        with self.router.read() as connection:
            return queries.list_units(connection, filters, limit, offset)

    def projects(self, filters: Filters = Filters(), limit: int | None = PAGE,
                 offset: int = 0) -> dict[str, Any]:
        with self.router.read() as connection:
            return queries.list_projects(connection, filters, limit, offset)

    def indicators(self, filters: Filters = Filters(), limit: int | None = PAGE,
                   offset: int = 0) -> dict[str, Any]:
        with self.router.read() as connection:
            return queries.list_indicators(connection, filters, limit, offset)

    def each(self, kind: str, filters: Filters = Filters()) -> Iterator[dict[str, Any]]:
        """Every row of the list ``kind`` (units, projects, indicators), streamed: the total first, then the
        rows, read a thousand at a time in one read transaction."""
        listing = {"units": queries.list_units, "projects": queries.list_projects,
                   "indicators": queries.list_indicators}[kind]
        with self.router.read() as connection:
            page = listing(connection, filters, None, 0, stream=True)
            yield {"total": page["total"], "total_capped": page["total_capped"]}
            yield from page["items"]

    def find_projects(self, reference: str) -> list[dict[str, Any]]:
        with self.router.read() as connection:
            return queries.find_projects(connection, reference)

    def project_version(self, project_id: int, number: int | None = None) -> StoredVersion | None:
        with self.router.read() as connection:
            return queries.project_version(connection, project_id, number)

    def history(self, project_id: int) -> list[dict[str, Any]]:
        with self.router.read() as connection:
            return queries.project_history(connection, project_id)

    def document(self, document_id: int) -> Document | None:
        with self.router.read() as connection:
            return queries.stored_document(connection, document_id)

    def counts(self) -> dict[str, int]:
        with self.router.read() as connection:
            return queries.counts(connection)

    # results of the review and evaluation engines

    def record_review(self, version_id: int, payload: Any, *, year: int | None = None, grade: str | None = None,
                      total: str | None = None, errors: int = 0, warnings: int = 0,
                      actor: str | None = None) -> int:
        """Store a review of one project version; ``payload`` is its JSON-ready findings."""
        row = {"version_id": version_id, "year": year, "grade": grade, "total": total, "errors": errors,
               "warnings": warnings, "actor": actor, "payload": json.dumps(payload, ensure_ascii=False),
               "summary": summary_of_payload(payload), "created_at": utc_now()}
        with self.router.write() as connection:
            return stored_reviews.record_review(connection, row)

    def reviews(self, project_id: int, year: int | None = None) -> list[dict[str, Any]]:
        """A project's stored reviews (all versions), oldest first, without payloads."""
        with self.router.read() as connection:
            return stored_reviews.project_reviews(connection, project_id, year)

    def review(self, review_id: int) -> dict[str, Any] | None:
        """One stored review with its parsed ``payload``."""
        with self.router.read() as connection:
            return stored_reviews.stored_review(connection, review_id)

    def record_evaluation(self, version_id: int, year: int, kind: str, payload: Any, *,
                          month: int | None = None, total: str | None = None, grade: str | None = None,
                          colour: str | None = None, actor: str | None = None) -> int:
        """Store a self-evaluation or monitoring result of one project version for a year."""
        row = {"version_id": version_id, "year": year, "kind": kind, "month": month, "total": total,
               "grade": grade, "colour": colour, "actor": actor,
               "payload": json.dumps(payload, ensure_ascii=False), "created_at": utc_now()}
        with self.router.write() as connection:
            return int(connection.execute(insert(evaluations).returning(evaluations.c.id), row).scalar_one())

    def evaluations(self, project_id: int, kind: str | None = None, year: int | None = None) -> list[dict[str, Any]]:
        """A project's stored evaluations and monitorings (all versions), oldest first, without payloads."""
        with self.router.read() as connection:
            return stored_evaluations.project_evaluations(connection, project_id, kind, year)

    def evaluation(self, evaluation_id: int) -> dict[str, Any] | None:
        """One stored evaluation with its parsed ``payload``."""
        with self.router.read() as connection:
            return stored_evaluations.stored_evaluation(connection, evaluation_id)

    def published_version_ids(self, unit_id: int, year: int | None) -> list[int]:
        """The ids of the versions a unit publishes for a year (its approved projects'), in table order."""
        with self.router.read() as connection:
            return stored_evaluations.published_version_ids(connection, unit_id, year)

    def versions(self, version_ids: list[int]) -> list[StoredVersion]:
        """The stored versions of these ids, in their order (an id not stored left out)."""
        with self.router.read() as connection:
            loaded = queries.load_versions(connection, version_ids)
        return [loaded[i] for i in version_ids if i in loaded]

    def latest_versions(self, *, project_ids: list[int] | None = None, unit: str | None = None,
                        year: int | None = None, unit_id: int | None = None) -> list[StoredVersion]:
        """The latest versions of the projects chosen by id and/or unit (code, or id) and fund year."""
        with self.router.read() as connection:
            ids = stored_evaluations.latest_version_ids(connection, project_ids=project_ids, unit=unit, year=year,
                                                        unit_id=unit_id)
            loaded = queries.load_versions(connection, ids)
        return [loaded[i] for i in ids]
