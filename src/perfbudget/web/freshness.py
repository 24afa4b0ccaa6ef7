"""The data version: a value that changes whenever anything is committed to the database.

The page, user and dashboard caches key their entries by it, so an entry made before a
change is never served after it — whoever made the change (this process, another worker,
the CLI).

* SQLite file: a dedicated connection per process asks ``PRAGMA data_version``
  (a few microseconds). SQLite changes that value on a connection whenever *another*
  connection — in this process or any other — has committed, and this connection never
  writes. See https://sqlite.org/pragma.html#pragma_data_version.
* PostgreSQL: the transaction snapshot, ``pg_current_snapshot()`` (the oldest transaction
  still running, the next transaction id and those in progress between). A commit of any
  transaction that wrote (and only such a commit) changes what a later snapshot shows, so the
  value changes exactly when committed data does; it reads no table (tens of microseconds in
  the server). It is asked where the request reads its data (with a streaming replica: the
  replica, whose snapshots follow the replayed commits, or the primary for a user whose own
  write the replica does not hold yet), so the version never runs ahead of the data. See
  https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-PG-SNAPSHOT.
* In-memory SQLite: one small query of the highest ids of project versions, reviews,
  evaluations, workflow events and audit entries, plus the accounts' latest update and the
  sum of their session epochs.

Where the version is a query, the web asks it once per request (:func:`perfbudget.web.deps.page_user`)
and keeps it in the request for the user, dashboard and page caches. On PostgreSQL without a replica
it is asked right on the event loop (:meth:`DataVersion.current_async`, psycopg's asyncio connections
of its own): handing it to a worker thread and back cost more of the worker's CPU than the question
(a cached page then needs no thread at all). With a replica it is asked in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import sqlite3
import threading
from collections.abc import Awaitable, Callable, Hashable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, func, select

from perfbudget.store.records import change_marks
from perfbudget.web.tables import users

T = TypeVar("T")

_SNAPSHOT = "SELECT pg_current_snapshot()::text"
_SNAPSHOT_CONNECTIONS = 4  # per process, for the snapshot question in worker threads
# asyncio ones per process, opened as needed, on the loop: at most four at once for the snapshot question (as
# many as before the pages' reads came to the loop: more made the other pages' p95 worse), eight for pages' reads
_QUESTION_CONNECTIONS = 4
_PAGE_CONNECTIONS = 8


class DataVersion:
    """``current()`` returns a hashable value that differs after every committed change."""

    def __init__(self, engine: Engine, reading: Callable[[], AbstractContextManager[Connection]] | None = None) -> None:
        self._engine = engine
        self._reading = reading  # where the data is read (a replica router's ``read``); None: the engine
        self._lock = threading.Lock()
        self._watcher: sqlite3.Connection | None = None
        # PostgreSQL without a replica: autocommit driver connections of its own (None: a free place)
        self._slots: queue.LifoQueue[Any] = queue.LifoQueue()
        for _ in range(_SNAPSHOT_CONNECTIONS):
            self._slots.put(None)
        # PostgreSQL without a replica: asyncio connections of the event loop that asked last
        self._loop: asyncio.AbstractEventLoop | None = None
        self._idle: list[Any] = []
        self._gate: asyncio.Semaphore | None = None  # the snapshot question's
        self._page_gate: asyncio.Semaphore | None = None  # pages' reads (:meth:`read_on_loop` with ``page``)
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
            path = Path(str(database))
            # This connection only ever runs the pragma, so every change it sees is someone else's.
            self._watcher = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None,
                                            timeout=30)

    @property
    def kind(self) -> str:
        if self._watcher is not None:
            return "sqlite-data-version"
        return "postgresql-snapshot" if self._engine.dialect.name == "postgresql" else "query"

    @property
    def cheap(self) -> bool:
        """True when :meth:`current` costs microseconds (no query): callers may ask it on the event loop."""
        return self._watcher is not None

    @property
    def on_loop(self) -> bool:
        """True when :meth:`current_async` asks the database on the event loop (PostgreSQL, no replica)."""
        return self._watcher is None and self._reading is None and self._engine.dialect.name == "postgresql"

    async def current_async(self) -> Hashable:
        """:meth:`current` for a coroutine: the snapshot on the event loop (:attr:`on_loop`), the SQLite
        pragma right away (:attr:`cheap`), anything else in a worker thread."""
        if self.cheap:
            return self.current()
        if not self.on_loop:
            from starlette.concurrency import run_in_threadpool

            return await run_in_threadpool(self.current)

        async def snapshot(connection: Any) -> Hashable:
            cursor = await connection.execute(_SNAPSHOT)
            row = await cursor.fetchone()
            return str(row[0])

        return await self.read_on_loop(snapshot, page=False)

    async def read_on_loop(self, read: Callable[[Any], Awaitable[T]], page: bool = True) -> T:
        """``read(connection)`` on one of this object's asyncio connections of the running loop (psycopg,
        autocommit, on the primary; :attr:`on_loop` only): the data version's question, and short reads
        of a page (the project page, :func:`perfbudget.app.project_view.load_page_on_loop`) that then need
        no worker thread. At most :data:`_PAGE_CONNECTIONS` pages' reads at once (``page``; the version's
        question: :data:`_QUESTION_CONNECTIONS`), the idle connections shared; a connection that broke (server
        restarted) is dropped and ``read`` tried once more on a new one; any other error is raised."""
        for attempt in (1, 2):
            gate = self._gate_of_loop(page)
            async with gate:
                connection = self._idle.pop() if self._idle else None
                try:
                    if connection is None:
                        connection = await self._connect_async()
                    value = await read(connection)
                except Exception:
                    if connection is not None and not connection.broken:
                        self._idle.append(connection)  # the statement failed, not the connection
                        raise
                    if connection is not None:
                        with contextlib.suppress(Exception):  # already broken: nothing more to release
                            connection.pgconn.finish()
                    if attempt == 2:
                        raise
                    continue
                self._idle.append(connection)
                return value
        raise AssertionError("unreachable")

    def _gate_of_loop(self, page: bool = False) -> asyncio.Semaphore:
        """The semaphore of the running loop for pages' reads (``page``) or the snapshot question; connections
        made on another loop (a test client's, since closed) are let go."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._gate is None or self._page_gate is None:
            for connection in self._idle:
                with contextlib.suppress(Exception):
                    connection.pgconn.finish()
            self._idle, self._loop = [], loop
            self._gate = asyncio.Semaphore(_QUESTION_CONNECTIONS)
            self._page_gate = asyncio.Semaphore(_PAGE_CONNECTIONS)
        return self._page_gate if page else self._gate

    async def _connect_async(self) -> Any:
        import psycopg

        url = self._engine.url.set(drivername="postgresql")
        conninfo = url.render_as_string(hide_password=False)
        return await psycopg.AsyncConnection.connect(conninfo, autocommit=True)

    def current(self) -> Hashable:
        if self._watcher is not None:
            with self._lock:
                return int(self._watcher.execute("PRAGMA data_version").fetchone()[0])
        return self._queried()

    def _queried(self) -> Hashable:
        if self._engine.dialect.name == "postgresql":
            if self._reading is not None:
                with self._reading() as connection:
                    return str(connection.exec_driver_sql(_SNAPSHOT).scalar_one())
            return self._snapshot()
        query = select(
            *change_marks(),
            select(func.max(users.c.updated_at)).scalar_subquery(),
            select(func.sum(users.c.session_epoch)).scalar_subquery(),
        )
        with (self._reading() if self._reading is not None else self._engine.connect()) as connection:
            return tuple(connection.execute(query).one())

    def _snapshot(self) -> str:
        """The snapshot on a connection of this object's own (no pool check-out, no transaction: a few
        tens of microseconds). At most :data:`_SNAPSHOT_CONNECTIONS` are opened, lazily; a thread finding
        them all busy waits for one (opening a connection per question would cost far more). A
        connection that broke (server restarted) is dropped and the question asked again."""
        for attempt in (1, 2):
            connection = self._take()
            try:
                cursor = connection.cursor()
                cursor.execute(_SNAPSHOT)
                value = str(cursor.fetchone()[0])
            except Exception:
                with contextlib.suppress(Exception):  # already broken: nothing more to release
                    connection.close()
                self._slots.put(None)  # its place may be filled by a new connection
                if attempt == 2:
                    raise
                continue
            self._slots.put(connection)
            return value
        raise AssertionError("unreachable")

    def _take(self) -> Any:
        connection = self._slots.get()  # waits while every connection is in use
        if connection is None:
            try:
                pooled = self._engine.raw_connection()
                connection = pooled.driver_connection
                pooled.detach()  # never handed back to the engine's pool: it stays in autocommit
                connection.autocommit = True  # type: ignore[union-attr]
            except Exception:
                self._slots.put(None)
                raise
        return connection

    def close(self) -> None:
        for connection in self._idle:
            with contextlib.suppress(Exception):
                connection.pgconn.finish()
        self._idle = []
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        while True:
            try:
                connection = self._slots.get_nowait()
            except queue.Empty:
                break
            if connection is not None:
                with contextlib.suppress(Exception):
                    connection.close()
