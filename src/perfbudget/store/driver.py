"""A hot statement run on the database driver's own cursor: compiled once, no SQLAlchemy per call.

SQLAlchemy's ``Connection.execute`` costs about 0.1–0.15 ms of CPU per statement before and after
the database's work (the compiled-cache look-up, the execution context, the result's metadata, for
which psycopg makes a ``Column`` object of every result column). For the one statement a project page
runs that is more than the query itself; :class:`DriverStatement` compiles the statement once per
dialect and runs the SQL on the DBAPI cursor of the connection given (the same connection, so the
same transaction or autocommit mode and the same read routing), returning each row as a dict keyed
by the statement's column names. :meth:`DriverStatement.first_async` runs the same SQL on a psycopg
``AsyncConnection`` (the event loop's connections of :mod:`perfbudget.web.freshness`).

A connection the driver reports broken (the server went away) is invalidated, as SQLAlchemy's own
execution does, and the driver's error is raised as it is.

Only for statements whose result columns need no SQLAlchemy result processing on that dialect (on
PostgreSQL with psycopg: text, numbers, booleans, timestamps and ``json`` come back as the driver
makes them, which is what SQLAlchemy passes on too).
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.sql import Select


class DriverStatement:
    """``statement`` compiled per dialect; :meth:`first` runs it with the driver's cursor."""

    def __init__(self, statement: Select[Any]) -> None:
        self._statement = statement
        self._names = tuple(str(column.key) for column in statement.selected_columns)
        self._compiled: dict[str, tuple[str, dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def _sql(self, connection: Connection) -> tuple[str, dict[str, Any]]:
        return self.sql_for(connection.dialect)

    def sql_for(self, dialect: Dialect) -> tuple[str, dict[str, Any]]:
        """The SQL for ``dialect`` and the constants it takes as parameters (compiled once per dialect)."""
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self._statement.compile(dialect=dialect)
            if compiled.positional:
                raise ValueError("DriverStatement takes named parameters only (PostgreSQL with psycopg)")
            # The constants the statement holds (LIMIT 1, literals) are parameters of the compiled SQL.
            found = (str(compiled), {key: value for key, value in compiled.params.items() if value is not None})
            with self._lock:
                self._compiled[dialect.name] = found
        return found

    def first(self, connection: Connection, parameters: dict[str, Any]) -> dict[str, Any] | None:
        """The first row of the result as {column name: value}, or None."""
        sql, constants = self._sql(connection)
        driver = connection.connection.driver_connection
        cursor = driver.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql, {**constants, **parameters})
            row = cursor.fetchone()
        except Exception:
            if getattr(driver, "broken", False):
                connection.invalidate()  # as SQLAlchemy does on a disconnect: the pool never hands it out again
            raise
        finally:
            cursor.close()
        return None if row is None else dict(zip(self._names, row, strict=True))

    async def first_async(self, connection: Any, dialect: Dialect, parameters: dict[str, Any]) -> dict[str, Any] | None:
        """:meth:`first` on a psycopg ``AsyncConnection`` (of the dialect ``dialect``): the round trip awaited."""
        sql, constants = self.sql_for(dialect)
        cursor = kept_cursor(connection)
        await cursor.execute(sql, {**constants, **parameters})
        row = await cursor.fetchone()
        return None if row is None else dict(zip(self._names, row, strict=True))


def kept_cursor(connection: Any) -> Any:
    """The cursor kept with an asyncio ``connection`` (made on its first use): a statement at a time runs on
    such a connection (:meth:`perfbudget.web.freshness.DataVersion.read_on_loop` lends it to one read), and a
    new cursor per page copied the connection's adapters (some 0.03 M instructions). It goes with the
    connection; each ``execute`` starts afresh (an earlier error or result left on it does not matter)."""
    cursor = getattr(connection, "_perfbudget_cursor", None)
    if cursor is None or cursor.closed:
        cursor = connection._perfbudget_cursor = connection.cursor()
    return cursor
