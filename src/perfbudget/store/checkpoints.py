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
    """Connections whose automatic checkpoints were turned off get them back when they return to the pool."""

    @event.listens_for(engine, "checkin")
    def _on_checkin(dbapi_connection: Any, record: Any) -> None:
        if record is not None and record.info.pop(_OFF, False) and dbapi_connection is not None:
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
    try:
        yield checkpointer
    finally:
        checkpointer.close()
