"""The data version: a value that changes whenever data the web's caches hold is committed.

The page, user and dashboard caches key their entries by it, so an entry made before a
change is never served after it — whoever made the change (this process, another worker,
the CLI).

It is the pair of the store's change counters (``change_counters``, :class:`perfbudget.store.schema.ChangeCounterRow`):
``(data, accounts)``. Every write transaction of the store moves ``data`` as it commits
(:func:`perfbudget.store.engine.write_transaction`, whichever face writes: web, API, CLI import,
review, library), a sign-out moves ``accounts``; writes no cache holds move neither — a session
started or touched, an API token used or made, an upload kept, the audit row of a sign-in. The page,
list and dashboard caches follow ``data`` alone (:func:`data_part`), the account cache the pair. Up to
web-page8 the version was PostgreSQL's ``pg_current_snapshot()`` and SQLite's ``PRAGMA data_version``,
which move with every commit — so with many staff signed in, every session's touch (one per five
minutes each) emptied every cache of every worker, and each list's first request after it cost
0.3–2.5 s. A change made outside perfbudget (psql) must move the counter itself
(``UPDATE change_counters SET data = data + 1``) to be seen by running servers before their restart.

* SQLite file: a dedicated connection per process asks ``PRAGMA data_version`` (a few
  microseconds), which changes whenever *another* connection has committed; only then it reads
  the counters again. See https://sqlite.org/pragma.html#pragma_data_version.
* PostgreSQL: the counters' one row (a primary-key read, tens of microseconds in the server). It is
  read where the request reads its data (with a streaming replica: the replica, which replays the
  counters' moves with the data, or the primary for a user whose own write the replica does not hold
  yet), so the version never runs ahead of the data. The project page reads it in its own statement
  (:func:`perfbudget.app.project_view.versioned_page_row`): the row is exactly the data of that version.
* In-memory SQLite: the counters' row, read on the one shared connection.

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

from sqlalchemy import Connection, Engine

from perfbudget.store.driver import kept_cursor

T = TypeVar("T")

_COUNTERS = "SELECT data, accounts FROM change_counters WHERE id = 1"
_VERSION_CONNECTIONS = 4  # per process, for the version question in worker threads
# asyncio ones per process, opened as needed, on the loop: at most four at once for the version question (as
# many as before the pages' reads came to the loop: more made the other pages' p95 worse), eight for pages' reads
_QUESTION_CONNECTIONS = 4
_PAGE_CONNECTIONS = 8


def _retrieved(future: asyncio.Future[Any]) -> None:
    """Mark a round's error as seen even when all its requests are gone (no "never retrieved" log)."""
    if not future.cancelled():
        future.exception()


def data_part(version: Hashable) -> Hashable:
    """The part of a data version the page, list and dashboard caches follow: the ``data`` counter (a
    sign-out, which moves ``accounts`` only, leaves them be)."""
    return version[0] if isinstance(version, tuple) else version


class DataVersion:
    """``current()`` returns ``(data, accounts)``, the store's change counters: a value that differs after
    every committed change of what the web's caches hold."""

    def __init__(self, engine: Engine, reading: Callable[[], AbstractContextManager[Connection]] | None = None) -> None:
        self._engine = engine
        self._reading = reading  # where the data is read (a replica router's ``read``); None: the engine
        self._lock = threading.Lock()
        self._watcher: sqlite3.Connection | None = None
        self._mark: int | None = None  # the watcher's PRAGMA data_version when the counters were read last
        self._counters: tuple[int, int] = (0, 0)
        # PostgreSQL without a replica: autocommit driver connections of its own (None: a free place)
        self._slots: queue.LifoQueue[Any] = queue.LifoQueue()
        for _ in range(_VERSION_CONNECTIONS):
            self._slots.put(None)
        # PostgreSQL without a replica: asyncio connections of the event loop that asked last
        self._loop: asyncio.AbstractEventLoop | None = None
        self._idle: list[Any] = []
        self._gate: asyncio.Semaphore | None = None  # the version question's
        self._page_gate: asyncio.Semaphore | None = None  # pages' reads (:meth:`read_on_loop` with ``page``)
        self._round: asyncio.Future[Hashable] | None = None  # the version question not sent yet (:meth:`_ask_round`)
        self._asking: set[asyncio.Task[None]] = set()
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
            path = Path(str(database))
            # This connection only ever runs the pragma, so every change it sees is someone else's.
            self._watcher = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None,
                                            timeout=30)

    @property
    def kind(self) -> str:
        if self._watcher is not None:
            return "sqlite-change-counters"
        return "postgresql-change-counters" if self._engine.dialect.name == "postgresql" else "query"

    @property
    def cheap(self) -> bool:
        """True when :meth:`current` costs microseconds (no query): callers may ask it on the event loop."""
        return self._watcher is not None

    @property
    def on_loop(self) -> bool:
        """True when :meth:`current_async` asks the database on the event loop (PostgreSQL, no replica)."""
        return self._watcher is None and self._reading is None and self._engine.dialect.name == "postgresql"

    async def current_async(self) -> Hashable:
        """:meth:`current` for a coroutine: the counters on the event loop (:attr:`on_loop`), the SQLite
        pragma right away (:attr:`cheap`), anything else in a worker thread."""
        if self.cheap:
            return self.current()
        if not self.on_loop:
            from starlette.concurrency import run_in_threadpool

            return await run_in_threadpool(self.current)

        self._gate_of_loop()  # a new loop (a test client's): the rounds of the old one are let go
        waiting = self._round
        if waiting is None:
            waiting = self._round = asyncio.get_running_loop().create_future()
            waiting.add_done_callback(_retrieved)
            task = asyncio.create_task(self._ask_round(waiting))
            self._asking.add(task)  # kept until done (the loop holds only a weak reference)
            task.add_done_callback(self._asking.discard)
        return await asyncio.shield(waiting)

    async def _ask_round(self, waiting: asyncio.Future[Hashable]) -> None:
        """One question of the counters for every request that joined ``waiting`` before it was sent.

        The version must be read after the request arrived (a change committed before it is seen). So a
        round is open to new requests only until its question is about to be sent: it waits for one of the
        :data:`_QUESTION_CONNECTIONS` places (while as many questions are in flight) and is then closed, and
        a request arriving later starts the next round. Under load one question answers every request that
        arrived while the others were in flight (up to web-scale11 each request asked its own, at most four
        at once, and the cached pages queued behind that gate while the loop drew other pages: the mixed
        scenario's dashboard waited ~100 ms there, bench/README.md); one request alone asks at once as before.
        """

        def close() -> None:
            if self._round is waiting:
                self._round = None

        async def counters(connection: Any) -> Hashable:
            cursor = kept_cursor(connection)
            await cursor.execute(_COUNTERS)
            row = await cursor.fetchone()
            return int(row[0]), int(row[1])

        try:
            value = await self.read_on_loop(counters, page=False, sent=close)
        except Exception as error:  # every request of the round gets the error (as each got its own)
            close()
            if not waiting.done():
                waiting.set_exception(error)
            return
        except BaseException:  # cancelled (the loop closing): so are the requests waiting for it
            close()
            waiting.cancel()
            raise
        if not waiting.done():
            waiting.set_result(value)

    async def read_on_loop(self, read: Callable[[Any], Awaitable[T]], page: bool = True,
                           sent: Callable[[], None] | None = None) -> T:
        """``read(connection)`` on one of this object's asyncio connections of the running loop (psycopg,
        autocommit, on the primary; :attr:`on_loop` only): the data version's question, and short reads
        of a page (the project page, :func:`perfbudget.app.project_view.load_page_on_loop`) that then need
        no worker thread. At most :data:`_PAGE_CONNECTIONS` pages' reads at once (``page``; the version's
        question: :data:`_QUESTION_CONNECTIONS`), the idle connections shared; a connection that broke (server
        restarted) is dropped and ``read`` tried once more on a new one; any other error is raised.
        ``sent`` (if given) is called once a place is had, right before ``read`` is first started."""
        for attempt in (1, 2):
            gate = self._gate_of_loop(page)
            async with gate:
                if sent is not None:
                    sent()
                    sent = None
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
        """The semaphore of the running loop for pages' reads (``page``) or the version question; connections
        made on another loop (a test client's, since closed) are let go."""
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._gate is None or self._page_gate is None:
            for connection in self._idle:
                with contextlib.suppress(Exception):
                    connection.pgconn.finish()
            self._idle, self._loop, self._round = [], loop, None
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
                # The pragma first: a commit after it is seen by the next question; the counters read
                # after it are at least as new as the pragma says.
                mark = int(self._watcher.execute("PRAGMA data_version").fetchone()[0])
                if mark != self._mark:
                    row = self._watcher.execute(_COUNTERS).fetchone()
                    self._counters, self._mark = (int(row[0]), int(row[1])), mark
                return self._counters
        return self._queried()

    def _queried(self) -> Hashable:
        if self._engine.dialect.name == "postgresql" and self._reading is None:
            return self._counters_read()
        with (self._reading() if self._reading is not None else self._engine.connect()) as connection:
            row = connection.exec_driver_sql(_COUNTERS).one()
        return int(row[0]), int(row[1])

    def _counters_read(self) -> tuple[int, int]:
        """The counters on a connection of this object's own (no pool check-out, no transaction: a few
        tens of microseconds). At most :data:`_VERSION_CONNECTIONS` are opened, lazily; a thread finding
        them all busy waits for one (opening a connection per question would cost far more). A
        connection that broke (server restarted) is dropped and the question asked again."""
        for attempt in (1, 2):
            connection = self._take()
            try:
                cursor = connection.cursor()
                cursor.execute(_COUNTERS)
                row = cursor.fetchone()
                value = int(row[0]), int(row[1])
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
