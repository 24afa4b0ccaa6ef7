"""SQLite: a long write transaction's write-ahead log synced to disk while it is still being written.

A province's ``review --year --save`` writes some 550 MB of pages into the WAL in one transaction
(113,640 reviews: the pages SQLite spills as its cache fills). Its commit then checkpoints: SQLite
syncs the WAL (``fdatasync``: every one of those pages still only in the OS's cache goes to disk),
copies the pages into the database file and syncs that — all at the very end, while nothing else
runs. :func:`flushing_wal` syncs the WAL in a background thread each time the writer says it wrote a
batch, so that most of it is on disk before the commit, while the workers are still reviewing; the
commit's own sync finds little left to write.

Nothing about durability changes: syncing frames that are not committed yet writes them to disk
earlier, and they count only once the commit frame is written, as before (SQLite still syncs at the
checkpoint). Another database (PostgreSQL, an in-memory SQLite) gets a no-op.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import Connection


class _Syncer:
    """A thread that syncs one file each time it is asked (requests made while it syncs are merged)."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._asked = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="wal-sync", daemon=True)
        self._thread.start()

    def ask(self) -> None:
        self._asked.set()

    def stop(self) -> None:
        self._stop = True
        self._asked.set()
        self._thread.join()

    def _run(self) -> None:
        fd = -1
        try:
            while True:
                self._asked.wait()
                self._asked.clear()
                if self._stop:
                    return
                if fd < 0:
                    try:
                        fd = os.open(self._path, os.O_RDONLY)
                    except OSError:  # no WAL yet (nothing spilled): try again at the next request
                        continue
                with suppress(OSError):  # a sync that fails here changes nothing: the checkpoint syncs again
                    os.fdatasync(fd)
        finally:
            if fd >= 0:
                os.close(fd)


def _wal_path(connection: Connection) -> str | None:
    if connection.dialect.name != "sqlite":
        return None
    database = connection.engine.url.database
    if database in (None, "", ":memory:") or database.startswith("file:"):
        return None
    return os.path.abspath(database) + "-wal"


@contextmanager
def flushing_wal(connection: Connection) -> Iterator[Callable[[], None]]:
    """Inside ``connection``'s write transaction: a function to call after each batch of writes, which
    has the WAL synced in the background; the thread is stopped (its last sync finished) on leaving,
    before the transaction commits. A no-op outside SQLite files."""
    path = _wal_path(connection)
    if path is None:
        yield lambda: None
        return
    syncer = _Syncer(path)
    try:
        yield syncer.ask
    finally:
        syncer.stop()
