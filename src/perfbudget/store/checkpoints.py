"""SQLite: a bulk import's WAL checkpoints on a thread of their own (``Store.checkpoints_aside``).

In WAL mode the connection whose commit leaves ``wal_autocheckpoint`` pages (1,000) or more in the WAL copies
them back into the database file and syncs both (with ``synchronous=NORMAL`` the only syncs there are): the
committing thread waits for the copy and the two ``fdatasync`` calls. A bulk import commits every
``WRITE_EVERY`` documents on its one writing thread, the import's bound (docs/scale.md, *Bulk import*): in
``perfbudget import`` of 2,000 files that thread spent ≈ 1.4 s in 134 ``fdatasync`` calls, asleep while
nothing else could write.

Inside :func:`checkpoints_aside` the write transactions and batches begun on the importing thread (the
documents' batches, the library's updates) leave the checkpoints to a thread of this module: their
``wal_autocheckpoint`` is raised to :data:`BATCH_AUTOCHECKPOINT` pages (a bound, should the thread fall
behind), and set back to 1,000 when the connection returns to the pool. After each commit the thread runs
``PRAGMA wal_checkpoint(PASSIVE)`` on a connection of its own. ``sqlite3`` lets go of the GIL while
SQLite works, so the copy and the syncs overlap the writer's Python; a passive checkpoint never blocks a
writer or a reader, and copies what no reader still needs (what it leaves, the next one takes). The
database's content is the same; the WAL is reset as before, once a checkpoint has copied all of it.

**Temporary storage in memory** (since import-floor5, 2026-12-07): inside :func:`checkpoints_aside` the connections
the importing thread takes from the pool get ``PRAGMA temp_store = MEMORY`` before their transaction begins, and
``DEFAULT`` back at their first checkout outside it. SQLite journals the prior content of every page a statement or a
savepoint changes that its transaction had already changed (the *sub-journal*: a batch's documents each in a
savepoint, each multi-row INSERT a statement transaction); past 64 KiB that journal spills to a temporary file, and
``perfbudget import`` of 2,000 files wrote 250,000 pages to such files in 500,000 ``pwrite`` calls on its writing
thread (25 a table, in the kernel, which instruction counts do not see). In memory the journal costs a copy of each
page and is emptied at each statement's and savepoint's end, so it stays as large as one document's pages (constant
memory); the library's staging tables (``library_counts``, one update's keys) live there too. The setting drops a
connection's temporary tables, which ``library_counts.start`` makes again. Those connections' page cache is
:data:`IMPORT_CACHE_KIB` (16 MiB) instead of SQLite's 2,000 KiB, likewise: with 2,000 KiB a batch's
25 documents changed more pages than the cache holds (its hot index pages: projects by identity and by name, the
library's groups), so SQLite wrote pages to the WAL before the commit and read evicted ones back — in the same import
the writing thread's ``pread`` calls 101,230 → 3,666 and its ``pwrite`` calls 153,117 → 111,368. Memory stays
bounded: 16 MiB a connection of the importing thread (one or two).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from sqlalchemy import Connection, Engine, event

AUTOCHECKPOINT = 1000  # SQLite's default, what a connection goes back to the pool with
BATCH_AUTOCHECKPOINT = 10_000  # pages (40 MB): a write batch checkpoints itself only past this (the thread is behind)
_OFF = "perfbudget.autocheckpoint_off"  # a connection's pool record: its automatic checkpoints are off
_TEMP = "perfbudget.import_settings"  # a connection's pool record: temp storage in memory, the cache size it had
IMPORT_CACHE_KIB = 16_384  # the importing thread's page cache (SQLite's default: 2,000 KiB)
_IMPORTING: dict[int, int] = {}  # id(engine) → the thread inside checkpoints_aside (its connections' temp in memory)


class Checkpointer:
    """A thread that checkpoints the WAL of one SQLite database when nudged, until closed."""

    def __init__(self, database: str, timeout: float) -> None:
        self.database, self.timeout = database, timeout
        self.done = 0  # checkpoints run
        self.working = True  # False once its connection could not be opened (the writers checkpoint as before)
        self._wanted = threading.Event()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="perfbudget-checkpoints", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(self.database, timeout=self.timeout, isolation_level=None)
        except sqlite3.Error:
            self.working = False
            return
        try:
            while True:
                self._wanted.wait()
                self._wanted.clear()
                if self._closing:
                    return
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:  # busy, or the disk: the next checkpoint (or the writers' own) takes it
                    continue
                self.done += 1
        finally:
            connection.close()

    def nudge(self) -> None:
        """A transaction has committed: checkpoint what the WAL holds (soon, on the thread)."""
        self._wanted.set()

    def close(self) -> None:
        self._closing = True
        self._wanted.set()
        self._thread.join()


def autocheckpoint_off(connection: Connection) -> None:
    """This connection (a write transaction's) leaves the checkpoints to the thread (up to :data:`BATCH_AUTOCHECKPOINT`
    pages); it checkpoints as before once it goes back to the pool (:func:`watch_pool`)."""
    connection.exec_driver_sql(f"PRAGMA wal_autocheckpoint={BATCH_AUTOCHECKPOINT}")
    connection.connection.info[_OFF] = True


def watch_pool(engine: Engine) -> None:
    """Inside :func:`checkpoints_aside`, the importing thread's connections keep their temporary storage in memory and
    a larger page cache, given back at their first checkout outside it; connections whose automatic checkpoints were
    turned off get them back when they return to the pool."""

    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        # Before the connection's transaction begins (SQLite refuses to change temp_store inside one once it has a
        # temp table). Kept across the import's checkins, whose cache would otherwise be emptied at every batch's
        # end; given back at the first checkout outside the import.
        importing = _IMPORTING.get(id(engine)) == threading.get_ident()
        if importing and _TEMP not in record.info:
            cache = dbapi_connection.execute("PRAGMA cache_size").fetchone()[0]
            dbapi_connection.execute("PRAGMA temp_store=MEMORY")
            dbapi_connection.execute(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
            record.info[_TEMP] = int(cache)
        elif not importing and _TEMP in record.info:
            dbapi_connection.execute("PRAGMA temp_store=DEFAULT")
            dbapi_connection.execute(f"PRAGMA cache_size={int(record.info.pop(_TEMP))}")

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if record is None or dbapi_connection is None:
            return
        if record.info.pop(_OFF, False):
            with suppress(sqlite3.Error):  # a broken connection: the pool discards it
                dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={AUTOCHECKPOINT}")


@contextmanager
def checkpoints_aside(engine: Engine, timeout: float) -> Iterator[Checkpointer | None]:
    """A :class:`Checkpointer` for this engine's database while the block runs (None: not a SQLite file)."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:") or str(database).startswith("file:"):
        yield None
        return
    checkpointer = Checkpointer(str(database), timeout)
    _IMPORTING[id(engine)] = threading.get_ident()
    try:
        yield checkpointer
    finally:
        _IMPORTING.pop(id(engine), None)
        checkpointer.close()
