"""Engines from a database URL, with the settings each database needs.

SQLite: WAL journal (readers never block the writer), a 30 s busy timeout (a second
writer waits instead of failing), foreign keys on, ``synchronous=NORMAL`` (safe in WAL
against a killed process), and ``BEGIN IMMEDIATE`` for write transactions so that two
writers queue on the lock up front instead of failing halfway with "database is locked".
PostgreSQL: the psycopg 3 driver with its defaults (READ COMMITTED), and a pool that keeps
:data:`PG_POOL_SIZE` connections open (SQLAlchemy's default of 5 made every sixth concurrent
request of a loaded web worker open and close a connection of its own: a server process forked
and ended per request). Page reads may run in autocommit (:func:`read_transaction`).

Read replicas (PostgreSQL only, see docs/scale.md): :class:`Router` holds the primary's engine
and, optionally, a streaming replica's. Writes always go to the primary. A read goes to the
replica only inside a *session scope* (:func:`session_scope`, one per web request, carrying the
user's :class:`ReadPosition`), and only once the replica has replayed the WAL up to that
session's last write: after a write the router notes the primary's WAL insert position
(``pg_current_wal_insert_lsn()``, at or past the end of the commit record), and a later read
asks the replica ``pg_last_wal_replay_lsn() >= that position`` as the first statement of its
transaction; if not yet, the read goes to the primary. So a user always reads their own
writes, and everyone else reads from the replica. Outside a session scope (the CLI, background
jobs, startup) every read goes to the primary. A replica that cannot be reached is skipped.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Literal, cast

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.pool import StaticPool

from perfbudget.store.checkpoints import Checkpointer, autocheckpoint_off, checkpoints_aside, watch_pool

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 30_000
PG_POOL_SIZE = 15  # connections kept open per engine (per process) on PostgreSQL
PG_MAX_OVERFLOW = 10  # opened beyond them at peaks, closed when handed back
_WRITE = "perfbudget_write"


def is_sqlite(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "sqlite"


def is_postgres(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


def _bind_none_cheaply() -> None:
    """Python's sqlite3 binds ``None`` (NULL) through its adaptation protocol: no adapter registered for
    ``NoneType``, it looks for ``__adapt__`` and ``__conform__`` and catches two AttributeErrors per value,
    about 0.3 µs — an import binds some 80 NULLs per table (the empty description, actual, score, deviation,
    op, direction, upper and period columns). An adapter for ``NoneType`` that returns None (``{}.get``, C,
    no Python frame) is found at once (about 0.1 µs); the value bound is None, i.e. NULL, as before.
    Registered once for the process (the registry is the sqlite3 module's); adapting None to None changes
    nothing for any other user of sqlite3. The module skips adaptation only for int, float, str and
    bytearray; registering for ``NoneType`` does not turn that fast path off."""
    import sqlite3

    if (type(None), sqlite3.PrepareProtocol) not in sqlite3.adapters:
        sqlite3.register_adapter(type(None), cast("Callable[[None], None]", {}.get))


def create_private_file(database: str) -> None:
    """Create a new SQLite database file readable and writable by its owner only (0600).

    The database holds the accounts' password hashes, the session and token hashes, the key signing
    the session cookie (``web_settings``) and every unit's drafts; sqlite3 creates a new file with the
    process's umask, commonly 0644: readable by every user of a shared server (found by attack10,
    2026-12-03). SQLite gives its -wal, -shm and -journal files the database file's permissions. An
    existing file is left as it is; a path that cannot be created is left to sqlite3's own error.
    """
    if database.startswith("file:"):
        return
    try:
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError:
        return


def _sqlite_engine(url: str) -> Engine:
    _bind_none_cheaply()
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:")
    if not memory and parsed.database is not None:
        create_private_file(parsed.database)
    options: dict[str, Any] = {"connect_args": {"timeout": BUSY_TIMEOUT_MS / 1000}}
    if memory:
        # One shared connection, or every connection would see its own empty database.
        options.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
    engine = create_engine(url, **options)
    if not memory:
        watch_pool(engine)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (below)
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


# The drivers perfbudget runs on: SQLite (Python's sqlite3) and PostgreSQL through psycopg 3.
DRIVERS = frozenset({"sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg"})


class UnsupportedDatabase(ArgumentError):
    """A well-formed URL of a database or driver perfbudget does not use (``mysql://``, ``postgresql+psycopg2://``):
    refused before SQLAlchemy imports a driver that is not installed (a ModuleNotFoundError traceback until
    2026-12-05, replay-h)."""

    def __init__(self, driver: str) -> None:
        self.driver = driver
        super().__init__(f"unsupported database driver: {driver}")


def parsed_url(url: str) -> URL:
    """``url`` parsed, or :class:`ArgumentError`: unparseable (a port that is no number raised SQLAlchemy's
    ValueError), or :class:`UnsupportedDatabase` for a driver not in :data:`DRIVERS`."""
    try:
        parsed = make_url(url)
    except ValueError as exc:
        raise ArgumentError(f"invalid database URL: {exc}") from exc
    if parsed.drivername not in DRIVERS:
        raise UnsupportedDatabase(parsed.drivername)
    return parsed


def make_engine(url: str) -> Engine:
    """An engine for ``sqlite:///file.db`` or ``postgresql+psycopg://…`` (``postgresql://`` means psycopg 3);
    any other URL is :class:`ArgumentError` (:func:`parsed_url`)."""
    parsed = parsed_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_size=PG_POOL_SIZE, max_overflow=PG_MAX_OVERFLOW)


# What a write transaction's commit moves in ``change_counters`` (schema.ChangeCounterRow): "data" (the
# default: anything the web's caches may hold), "accounts" (a session ended), None (nothing any cache holds).
Moves = Literal["data", "accounts"] | None
# The counter moved as the transaction's last statement, so its row lock is held only while it commits;
# on PostgreSQL only by a transaction that wrote (one that was handed a transaction id).
_MOVE = {"data": "UPDATE change_counters SET data = data + 1 WHERE id = 1",
         "accounts": "UPDATE change_counters SET accounts = accounts + 1 WHERE id = 1"}
_MOVE_PG = {kind: statement + " AND pg_current_xact_id_if_assigned() IS NOT NULL" for kind, statement in _MOVE.items()}
# A transaction that stored versions it did not review (a CLI import) moves ``unreviewed`` too, in the same last
# statement (``Transaction.mark_unreviewed`` asks for it): a running ``perfbudget serve`` reviews them (migration 1820).
UNREVIEWED = "perfbudget.unreviewed"
_MOVE_UNREVIEWED = "UPDATE change_counters SET unreviewed = unreviewed + 1 WHERE id = 1"


@contextmanager
def write_transaction(engine: Engine, moves: Moves = "data") -> Iterator[Connection]:
    """A connection in a write transaction: committed when the block ends, rolled back on error.

    If the block wrote anything, the commit also moves the change counter ``moves`` names (the web's
    caches' data version, :mod:`perfbudget.web.freshness`): every write moves ``data`` unless its caller
    says it changes nothing a cache holds.

    On the primary of a :class:`Router` with a replica, inside a :func:`session_scope`, the
    session's position becomes the primary's WAL position after the commit (read-your-writes)."""
    position = _position.get() if engine in _ROUTED_PRIMARIES else None
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            sqlite = None if moves is None or is_postgres(connection) else connection.connection.driver_connection
            written = sqlite.total_changes if sqlite is not None else 0
            connection.info.pop(UNREVIEWED, None)  # a flag left by a transaction that failed
            yield connection
            if connection.info.pop(UNREVIEWED, False):
                connection.exec_driver_sql(_MOVE_UNREVIEWED)
            if moves is not None:
                if sqlite is None:
                    connection.exec_driver_sql(_MOVE_PG[moves])
                elif sqlite.total_changes != written:
                    connection.exec_driver_sql(_MOVE[moves])
        if position is not None:
            lsn = connection.exec_driver_sql("SELECT pg_current_wal_insert_lsn()::text").scalar()
            connection.rollback()
            position.lsn = valid_lsn(lsn)


@contextmanager
def _checkpointed_aside(transaction: AbstractContextManager[Connection], checkpointer: Checkpointer
                        ) -> Iterator[Connection]:
    """A write transaction whose commit leaves the WAL's checkpoint to ``checkpointer``'s thread, nudged once it
    has committed."""
    with transaction as connection:
        autocheckpoint_off(connection)
        yield connection
    checkpointer.nudge()


class BatchBroken(Exception):
    """The transaction of a :meth:`Router.batch` was lost (rolled back by the database) or collided with
    another writer: nothing of the batch may be committed, and its writes must be made again outside it."""


def _alive(connection: Connection) -> None:
    """Raise :class:`BatchBroken` unless ``connection`` is still inside its transaction, in good state."""
    driver = connection.connection.driver_connection
    if is_postgres(connection):
        from psycopg.pq import TransactionStatus

        # psycopg sends BEGIN with the first statement (IDLE until then); a failed statement leaves INERROR
        alive = driver.info.transaction_status in (  # type: ignore[union-attr]
            TransactionStatus.IDLE, TransactionStatus.INTRANS)
    else:
        alive = bool(driver.in_transaction) and not connection.info.get(_BROKEN)  # type: ignore[union-attr]
    if not alive:
        raise BatchBroken("批量写入的事务已被数据库回滚")


_BROKEN = "perfbudget.batch_broken"  # connection.info: a SQLite batch a write left half done (:func:`_unjournalled`)


@contextmanager
def _unjournalled(connection: Connection) -> Iterator[Connection]:
    """One write of a :meth:`Router.batch` on SQLite: no savepoint. All or nothing by the batch instead: a write that
    fails after it changed rows marks the batch broken, so nothing of the batch is committed. A database error then
    raises :class:`BatchBroken` (its writes are made again one transaction each, where each is its own transaction,
    as always); any other error (a bug, an interrupt) is raised as it is and leaves the batch to roll back whole, as a
    savepoint's batch did (re-writing would store the batch's earlier documents before the error ends the caller, and
    write the failing one twice). One that fails before it changed anything (a stale version found, a refusal) leaves
    the batch going, its error raised as it is. A collision (a unique key, SQLite's lock) breaks the batch, as
    :func:`_savepoint` gives it up.

    Why (import-floor6): a savepoint makes SQLite copy into its *sub-journal* the prior content of every page the write
    changes that the batch's transaction had already changed (for ``ROLLBACK TO``), and past 64 KiB the sub-journal
    spills to a temporary file that takes every later journal of the transaction. Without the savepoints and with a
    document's few-row INSERTs one row a statement (``bulk.ONE_ROW_STATEMENTS``) a bulk import's writer makes 9.7
    temporary-file writes a table instead of 21 (with the savepoints kept, the one-row statements made it worse:
    each a page journalled again under the document's savepoint). A savepoint gave something back only on a
    failure, which the batch's rewrite covers."""
    _alive(connection)
    driver = connection.connection.driver_connection
    before = driver.total_changes  # type: ignore[union-attr]
    try:
        yield connection
    except BaseException as exc:
        collided = _collided(exc)
        if collided or driver.total_changes != before:  # type: ignore[union-attr]
            connection.info[_BROKEN] = True  # half a write: only the whole batch's rollback undoes it
            if isinstance(exc, DBAPIError):
                raise BatchBroken("批量写入与其他写入冲突" if collided else "批量写入中的一份文档未能写完") from exc
        raise
    _alive(connection)


@contextmanager
def _savepoint(connection: Connection) -> Iterator[Connection]:
    """One write of a :meth:`Router.batch`: a savepoint, released when the block ends, rolled back to on error.

    A collision with another writer (a unique key, a deadlock, a serialization failure, SQLite's lock) is not
    left to the caller's retry: trying again inside the batch would still hold the locks of the batch's earlier
    writes, which the other writer may be waiting for (two bulk imports meeting on the same projects deadlocked
    again at every retry). It raises :class:`BatchBroken`: the batch is given up whole, its locks released, and
    its writes made again one transaction each, where the retries work as they always did.

    The savepoint is the driver's own statements (``SAVEPOINT``, ``RELEASE``, ``ROLLBACK TO``; cached SQL text,
    :func:`perfbudget.store.bulk.run`): SQLAlchemy's ``begin_nested`` cost a bulk import's writer about 4 % of its
    instructions, its nested-transaction objects and compiled statements made for every document."""
    from perfbudget.store.bulk import run

    _alive(connection)
    try:
        run(connection, _SAVEPOINT, replanned=True)
        try:
            yield connection
        except BaseException:
            _back_to_savepoint(connection)
            raise
        run(connection, _RELEASE, replanned=True)
    except DBAPIError as exc:
        if _collided(exc):
            raise BatchBroken("批量写入与其他写入冲突") from exc
        raise
    _alive(connection)


def _collided(exc: BaseException) -> bool:
    """Whether a write's error is a collision with another writer, which gives its batch up (:class:`BatchBroken`):
    a unique key, SQLite's lock (both databases' integrity and operational errors), PostgreSQL's serialization
    failure or deadlock."""
    return isinstance(exc, (IntegrityError, OperationalError)) or (
        isinstance(exc, DBAPIError) and getattr(exc.orig, "sqlstate", None) in ("40001", "40P01"))


# One name for every write's savepoint: a savepoint inside another (a write inside a write) shares it, and
# ``RELEASE``/``ROLLBACK TO`` take the most recent of the name on both databases, i.e. the inner one.
_SAVEPOINT, _RELEASE = "SAVEPOINT perfbudget_write", "RELEASE SAVEPOINT perfbudget_write"
_ROLLBACK_TO = "ROLLBACK TO SAVEPOINT perfbudget_write"


def _back_to_savepoint(connection: Connection) -> None:
    """After a failed write of a batch: its savepoint's changes undone and the savepoint gone, unless the
    database rolled the whole transaction back meanwhile (the savepoint with it: the batch is then broken,
    which :func:`_alive` tells the next write and the batch's end)."""
    from perfbudget.store.bulk import run

    driver = connection.connection.driver_connection
    if is_postgres(connection):
        from psycopg.pq import TransactionStatus

        # a failed statement leaves the transaction INERROR, which ROLLBACK TO a savepoint mends
        within = driver.info.transaction_status in (  # type: ignore[union-attr]
            TransactionStatus.INTRANS, TransactionStatus.INERROR)
    else:
        within = bool(driver.in_transaction)  # type: ignore[union-attr]
    if not within:
        return
    run(connection, _ROLLBACK_TO, replanned=True)
    run(connection, _RELEASE, replanned=True)


@contextmanager
def read_transaction(engine: Engine, autocommit: bool = False) -> Iterator[Connection]:
    """A connection in a read transaction (one consistent snapshot for several queries).

    ``autocommit`` (PostgreSQL; ignored on SQLite): no transaction, each statement on its own. Under
    PostgreSQL's READ COMMITTED every statement of a transaction takes a snapshot of its own anyway, so
    the reads see the same data; what goes is the ``BEGIN`` and ``ROLLBACK`` round trips. Not for reads
    that stream through a server-side cursor (``yield_per``): those need a transaction."""
    with engine.connect() as connection:
        if autocommit and is_postgres(connection):
            connection.execution_options(isolation_level="AUTOCOMMIT")
            yield connection
            return
        with connection.begin():
            yield connection


# --- read routing to a streaming replica -------------------------------------------------------

_LSN = re.compile(r"^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")


def valid_lsn(value: object) -> str | None:
    """``value`` when it is a PostgreSQL WAL position (``16/B374D848``), else None."""
    return value if isinstance(value, str) and _LSN.match(value.upper()) else None


@dataclass(slots=True)
class ReadPosition:
    """One user session's reading state (mutable; kept by the web app in the signed session cookie).

    Attributes:
        lsn: the primary's WAL position after this session's last write, while the replica is not
            yet known to have replayed it (None: any replica read is fresh enough for this session).
        replica_reads: reads of this scope served by the replica (for tests and logging).
        primary_reads: reads of this scope served by the primary.
    """

    lsn: str | None = None
    replica_reads: int = 0
    primary_reads: int = 0


_position: ContextVar[ReadPosition | None] = ContextVar("perfbudget_read_position", default=None)
# Primaries that have a replica: their write transactions note the session's WAL position.
_ROUTED_PRIMARIES: weakref.WeakSet[Engine] = weakref.WeakSet()


@contextmanager
def session_scope(position: ReadPosition) -> Iterator[ReadPosition]:
    """Reads and writes inside the block belong to the session of ``position`` (see :class:`Router`).

    Threads started by the web framework for the request copy the context, so they share it."""
    token = _position.set(position)
    try:
        yield position
    finally:
        _position.reset(token)


def current_position() -> ReadPosition | None:
    return _position.get()


def make_replica_engine(url: str) -> Engine:
    """An engine for a PostgreSQL hot standby (pre-ping: a restarted standby is noticed, not failed on)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValueError(f"只读副本只支持 PostgreSQL，实际为「{parsed.get_backend_name()}」")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 3})


def _replayed(connection: Connection, lsn: str) -> bool:
    """Whether the standby behind ``connection`` has replayed the WAL up to ``lsn``."""
    done = connection.execute(text("SELECT pg_last_wal_replay_lsn() >= CAST(:lsn AS pg_lsn)"), {"lsn": lsn}).scalar()
    return bool(done)


class Router:
    """The primary's engine and an optional replica's: writes to the primary, reads as the module says."""

    def __init__(self, primary: Engine, replica: Engine | None = None) -> None:
        if replica is not None and not is_postgres(primary):
            raise ValueError("只读副本只能与 PostgreSQL 主库一起使用")
        self.primary = primary
        self.replica = replica
        self._batch: tuple[int, Connection] | None = None  # (thread, connection) of :meth:`batch`
        self._checkpointer: tuple[int, Checkpointer] | None = None  # (thread, it) of :meth:`checkpoints_aside`
        if replica is not None:
            _ROUTED_PRIMARIES.add(primary)

    def dispose(self) -> None:
        self.primary.dispose()
        if self.replica is not None:
            self.replica.dispose()

    def write(self) -> AbstractContextManager[Connection]:
        """A write transaction on the primary (:func:`write_transaction`: it notes the session's position);
        inside :meth:`batch` on its thread, part of the batch's transaction (PostgreSQL: a savepoint; SQLite: none,
        :func:`_unjournalled`)."""
        batch = self._batch
        if batch is not None and batch[0] == threading.get_ident():
            return _savepoint(batch[1]) if is_postgres(batch[1]) else _unjournalled(batch[1])
        checkpointer = self._checkpointer_here()
        if checkpointer is not None:
            return _checkpointed_aside(write_transaction(self.primary), checkpointer)
        return write_transaction(self.primary)

    def _checkpointer_here(self) -> Checkpointer | None:
        aside = self._checkpointer
        return aside[1] if aside is not None and aside[0] == threading.get_ident() and aside[1].working else None

    @contextmanager
    def batch(self) -> Iterator[Connection | None]:
        """Write transactions begun on this thread inside the block share one transaction of the primary, each
        all or nothing as before — on PostgreSQL in a savepoint of its own (a failing one rolls back to it, the
        others stay); on SQLite without one (:func:`_unjournalled`: a failing one that wrote breaks the batch) —;
        the block's end commits them together (:func:`write_transaction`: the change counters
        move once). Reads on this thread inside the block read that transaction, so they see its writes.

        What a bulk import gains: one commit, one change-counter move, one pooled connection's checkout and,
        on SQLite, each touched page written to the WAL once for many documents instead of once each. When
        the batch's transaction is lost meanwhile (SQLite rolls a whole transaction back on some errors: a full
        disk, an I/O error) or broken by a write, the next write and the block's end raise :class:`BatchBroken`
        and nothing of the block is committed. Nested batches join the outer one. Gives the batch's connection
        (None to a nested one)."""
        if self._batch is not None:
            yield None
            return
        checkpointer = self._checkpointer_here()
        transaction = write_transaction(self.primary)
        with transaction if checkpointer is None else _checkpointed_aside(transaction, checkpointer) as connection:
            self._batch = (threading.get_ident(), connection)
            try:
                yield connection
                _alive(connection)
            finally:
                self._batch = None
                connection.info.pop(_BROKEN, None)

    @contextmanager
    def checkpoints_aside(self) -> Iterator[Checkpointer | None]:
        """SQLite: inside, the write transactions and batches begun on this thread leave the WAL's checkpoints
        to a thread of their own (:mod:`perfbudget.store.checkpoints`; gives it); nested blocks join the outer
        one. Elsewhere nothing changes (gives None)."""
        if self._checkpointer is not None:
            yield self._checkpointer[1]
            return
        with checkpoints_aside(self.primary, BUSY_TIMEOUT_MS / 1000) as checkpointer:
            self._checkpointer = None if checkpointer is None else (threading.get_ident(), checkpointer)
            try:
                yield checkpointer
            finally:
                self._checkpointer = None

    @contextmanager
    def read(self, autocommit: bool = False) -> Iterator[Connection]:
        """A read transaction: on the replica when the module's rules allow it, else on the primary
        (``autocommit``: there without a transaction, see :func:`read_transaction`); inside :meth:`batch`
        on its thread, the batch's transaction."""
        batch = self._batch
        if batch is not None and batch[0] == threading.get_ident():
            _alive(batch[1])
            yield batch[1]
            return
        position = _position.get()
        opened = self._replica_transaction(position) if self.replica is not None and position else None
        if opened is not None:
            assert position is not None
            connection, transaction = opened
            position.replica_reads += 1
            with connection, transaction:
                yield connection
            return
        if position is not None:
            position.primary_reads += 1
        with read_transaction(self.primary, autocommit) as connection:
            yield connection

    def _replica_transaction(self, position: ReadPosition) -> tuple[Connection, Any] | None:
        """A transaction begun on the replica, when it has replayed ``position``'s last write; else None."""
        assert self.replica is not None
        try:
            connection = self.replica.connect()
        except DBAPIError as exc:
            log.warning("只读副本不可用，改从主库读取：%s", getattr(exc, "orig", exc))
            return None
        try:
            transaction = connection.begin()
            if position.lsn is not None:
                if not _replayed(connection, position.lsn):
                    transaction.rollback()
                    connection.close()
                    return None
                position.lsn = None  # caught up: this session reads the replica from now on
        except DBAPIError as exc:
            connection.close()
            log.warning("只读副本查询失败，改从主库读取：%s", getattr(exc, "orig", exc))
            return None
        return connection, transaction

    def replica_problem(self) -> str | None:
        """Why the replica cannot serve reads (unreachable, or not a hot standby), or None."""
        if self.replica is None:
            return None
        try:
            with self.replica.connect() as connection:
                standby = connection.exec_driver_sql("SELECT pg_is_in_recovery()").scalar()
        except DBAPIError as exc:
            return f"无法连接只读副本：{getattr(exc, 'orig', exc)}"
        if not standby:
            return "只读副本不是流复制备库（pg_is_in_recovery() 为假），无法判断它是否已含用户刚写入的数据"
        return None

    def wait_for_replica(self, lsn: str, timeout: float = 1.0, interval: float = 0.005) -> bool:
        """Wait (at most ``timeout`` seconds) until the replica has replayed ``lsn``; whether it has."""
        if self.replica is None:
            return True
        deadline = time.monotonic() + timeout
        try:
            with self.replica.connect() as connection:
                while True:
                    if _replayed(connection, lsn):
                        return True
                    connection.rollback()
                    if time.monotonic() >= deadline:
                        return False
                    time.sleep(interval)
        except DBAPIError:
            return False
