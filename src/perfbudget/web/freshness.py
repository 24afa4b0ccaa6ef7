"""The data version: a value that changes whenever anything is committed to the database.

The page, user and dashboard caches key their entries by it, so an entry made before a
change is never served after it — whoever made the change (this process, another worker,
the CLI).

* SQLite file: a dedicated connection per process asks ``PRAGMA data_version``
  (a few microseconds). SQLite changes that value on a connection whenever *another*
  connection — in this process or any other — has committed, and this connection never
  writes. See https://sqlite.org/pragma.html#pragma_data_version.
* Any other database (PostgreSQL, in-memory SQLite): one small query of the highest ids of
  project versions, reviews, evaluations, workflow events and audit entries, plus the
  accounts' latest update and the sum of their session epochs — asked where the request
  reads its data (with a streaming replica: the replica, or the primary for a user whose
  own write the replica does not hold yet), so the version never runs ahead of the data.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Hashable
from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy import Connection, Engine, func, select

from perfbudget.store.records import change_marks
from perfbudget.web.tables import users


class DataVersion:
    """``current()`` returns a hashable value that differs after every committed change."""

    def __init__(self, engine: Engine, reading: Callable[[], AbstractContextManager[Connection]] | None = None) -> None:
        self._engine = engine
        self._reading = reading  # where the data is read (a replica router's ``read``); None: the engine
        self._lock = threading.Lock()
        self._watcher: sqlite3.Connection | None = None
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
            path = Path(str(database))
            # This connection only ever runs the pragma, so every change it sees is someone else's.
            self._watcher = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None,
                                            timeout=30)

    @property
    def kind(self) -> str:
        return "sqlite-data-version" if self._watcher is not None else "query"

    @property
    def cheap(self) -> bool:
        """True when :meth:`current` costs microseconds (no query): callers may ask it on the event loop."""
        return self._watcher is not None

    def current(self) -> Hashable:
        if self._watcher is not None:
            with self._lock:
                return int(self._watcher.execute("PRAGMA data_version").fetchone()[0])
        return self._queried()

    def _queried(self) -> Hashable:
        query = select(
            *change_marks(),
            select(func.max(users.c.updated_at)).scalar_subquery(),
            select(func.sum(users.c.session_epoch)).scalar_subquery(),
        )
        with (self._reading() if self._reading is not None else self._engine.connect()) as connection:
            return tuple(connection.execute(query).one())

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
