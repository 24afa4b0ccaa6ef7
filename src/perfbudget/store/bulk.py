"""Many rows at once: ``COPY`` on PostgreSQL, multi-row INSERTs through the driver on SQLite.

On PostgreSQL with psycopg a multi-row INSERT is long, and psycopg re-parses long statements
in Python at each call; ``COPY … FROM STDIN`` sends the rows as one stream instead (psycopg's
copy support, its C adapters for the values). New ids come from the tables' sequences, for
several tables in one query beforehand, so every row still gets its id inside the same
transaction.

On SQLite, rows go straight to the driver as multi-row INSERTs of 2**k rows (:func:`insert_chunked`;
values put through the columns' SQLAlchemy bind processors, so dates and booleans are stored exactly
as SQLAlchemy stores them); SQLAlchemy's insertmanyvalues spent most of an import building its
parameters, and a row-by-row executemany made FTS5 write an index segment per row. New ids follow
the table's largest id (or past the largest a deleted row had: ``store.id_floors``, attack33), and safe
because every write transaction holds the database's write lock from its start (``BEGIN
IMMEDIATE``; in a deferred one a concurrent writer makes the insert fail, never reuse an id). A
table with a Python-side column default the rows leave out goes through SQLAlchemy, which fills it in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.exc import DBAPIError

from perfbudget.store.engine import is_postgres
from perfbudget.store.id_floors import FLOORED_NAMES, KEPT_SQL, largest_sql
from perfbudget.store.status import _triggers

_SQL: dict[tuple[str, str], str] = {}


def _driver_sql(connection: Connection, statement: str) -> str:
    """The statement in the driver's parameter style (written with ``?``; psycopg takes ``%s``)."""
    key = (connection.dialect.name, statement)
    if key not in _SQL:
        _SQL[key] = statement.replace("?", "%s") if is_postgres(connection) else statement
    return _SQL[key]


def run(connection: Connection, statement: str, parameters: Sequence[Any] = (), many: bool = False,
        replanned: bool = False) -> list[Any]:
    """One statement straight through the driver's cursor, inside the connection's transaction: SQL text
    written with ``?`` placeholders (cached per dialect, no SQLAlchemy compilation or result objects),
    parameters already in the driver's types; ``many``: ``parameters`` is a list of rows (executemany).
    Returns the rows a SELECT gives (tuples). Driver errors are raised as SQLAlchemy's (a unique key
    becomes its ``IntegrityError``, which the importers retry).

    ``replanned`` (PostgreSQL): never a server-side prepared statement, so the server plans it for the
    values and the table as they are at each call. psycopg prepares a statement run five times, and the
    server then keeps the plan it made then: made on an empty table (a fresh database, the first seconds
    of a bulk import) that is a sequential scan, kept until the next ANALYZE (autovacuum, up to a minute
    later) while the table grows by thousands of rows."""
    driver = connection.connection.driver_connection
    assert driver is not None
    sql = _driver_sql(connection, statement)
    cursor = driver.cursor()
    try:
        if many:
            cursor.executemany(sql, parameters)
            return []
        if replanned and is_postgres(connection):
            cursor.execute(sql, parameters, prepare=False)
        else:
            cursor.execute(sql, parameters)
        return list(cursor.fetchall()) if cursor.description is not None else []
    except connection.dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(statement, parameters, exc, connection.dialect.loaded_dbapi.Error) from exc
    finally:
        cursor.close()


def allocate_ids(connection: Connection, wanted: Mapping[Table, int]) -> dict[str, list[int]]:
    """Fresh ids for rows about to be inserted, per table name: ``{indicators: 88}`` → ``{"indicators": [..88..]}``
    (one query for all the tables)."""
    tables = [table for table, count in wanted.items() if count]
    found: dict[str, list[int]] = {table.name: [] for table in wanted}
    if not tables:
        return found
    if is_postgres(connection):
        row = run(connection, pg_allocation_sql([table.name for table in tables]), [wanted[t] for t in tables])[0]
        for table, ids in zip(tables, row, strict=True):
            found[table.name] = list(ids)
        return found
    # past the largest id ever given a deleted row too (store.id_floors: attack33)
    kept = any(t.name in FLOORED_NAMES for t in tables) and bool(run(connection, KEPT_SQL)[0][0])
    row = run(connection, "SELECT " + ", ".join(largest_sql(t.name, kept) for t in tables))[0]
    for table, largest in zip(tables, row, strict=True):
        start = (largest or 0) + 1
        found[table.name] = list(range(start, start + wanted[table]))
    return found


def pg_allocation_sql(names: Sequence[str]) -> str:
    """PostgreSQL: one statement drawing ``?`` fresh ids from each named table's ``id`` sequence, an array a table.

    The sequence is found once a table (``OFFSET 0`` keeps the subquery from being pulled up into the join, where
    it would be evaluated again for every id) and each id drawn by its oid: ``nextval(pg_get_serial_sequence(…))``
    per id looked the column's sequence up in the catalogues for every id (≈ 4 buffers read an id against ≈ 1,
    ≈ 0.03 ms of the server's CPU a table in a bulk import; pg_stat_statements, import-floor4). Each count is read by a
    scalar subquery, ``(SELECT ?::int)``, whose value no plan sees: given to ``generate_series`` itself, it made each
    custom plan's row estimate differ from the generic plan's (1,000 rows), so the server, which compares the two for
    a prepared statement, planned it afresh at every document (≈ 0.13 ms of its CPU; import-floor10)."""
    return "SELECT " + ", ".join(
        f"(SELECT coalesce(array_agg(nextval(s.sequence)), '{{}}') FROM (SELECT CAST(pg_get_serial_sequence("
        f"'{name}', 'id') AS regclass) AS sequence OFFSET 0) AS s "
        f"CROSS JOIN generate_series(1, (SELECT ?::int))) AS {name}"
        for name in names)


def _copy(connection: Connection, table: Table, columns: Sequence[str], values: Iterable[Sequence[Any]]) -> None:
    """``COPY … FROM STDIN`` of rows given as tuples in ``columns`` order."""
    driver = connection.connection.driver_connection
    assert driver is not None
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    try:
        with driver.cursor() as cursor, cursor.copy(statement) as copy:
            for row in values:
                copy.write_row(row)
    except connection.dialect.loaded_dbapi.Error as exc:  # as SQLAlchemy raises them (a unique key: retried)
        raise DBAPIError.instance(statement, None, exc, connection.dialect.loaded_dbapi.Error) from exc


_PROCESSORS: dict[tuple[str, str, tuple[str, ...]], list[Callable[[Any], Any] | None]] = {}


def _processors(connection: Connection, table: Table, columns: Sequence[str]) -> list[Callable[[Any], Any] | None]:
    dialect = connection.dialect
    key = (dialect.name, table.name, tuple(columns))
    if key not in _PROCESSORS:
        _PROCESSORS[key] = [table.c[c].type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    return _PROCESSORS[key]


def _getter(columns: list[str]) -> Callable[[dict[str, Any]], tuple[Any, ...]]:
    """A row's values in column order, as a tuple (``itemgetter`` runs in C)."""
    if len(columns) == 1:
        return lambda row: (row[columns[0]],)
    return itemgetter(*columns)


def _executemany(connection: Connection, table: Table, columns: Sequence[str], rows: list[Any],
                 utf8: Sequence[str] = ()) -> None:
    """SQLite: rows given as tuples in ``columns`` order, through the columns' bind processors (into a new
    list: the caller's is left as it is); the ``utf8`` columns' values may be bytes (:func:`insert_values`)."""
    values = rows
    processed = [(i, process) for i, process in enumerate(_processors(connection, table, columns)) if process]
    if processed:
        values = list(rows)
        # A value repeated row after row (the same ``created_at`` for a whole batch of reviews) is the
        # same object each time: it is converted once, then its conversion reused (processors are pure).
        last: list[tuple[Any, Any]] = [(None, None)] * len(processed)
        for number, row in enumerate(values):
            changed = list(row)
            for slot, (i, process) in enumerate(processed):
                value = changed[i]
                if value is not None:
                    seen, converted = last[slot]
                    if value is not seen:
                        converted = process(value)
                        last[slot] = (value, converted)
                    changed[i] = converted
            values[number] = tuple(changed)
    marks = _marks(columns, utf8)
    if len(values) == 1:
        run(connection, _insert_sql_text(table.name, tuple(columns), 1, "", marks), values[0])
    elif len(values) <= ONE_ROW_STATEMENTS and table.name not in _INSERT_FIRES:
        run(connection, _insert_sql_text(table.name, tuple(columns), 1, "", marks), values, many=True)
    else:
        insert_chunked(connection, table.name, columns, values, marks=marks)


# SQLite: an INSERT of up to this many rows runs one row a statement (the one-row statement run for each row by the
# driver's executemany); more rows go as multi-row INSERTs. A statement writing several rows into a table with a
# unique key or a foreign key may have to be undone halfway, so SQLite opens a *statement journal* for it inside a
# transaction and copies there every page it changes that the transaction had already changed (a bulk batch's: the
# hot leaves of the table and of each of its indexes); past 64 KiB that journal spills to a temporary file, which
# then takes every later statement's journal until the commit. A one-row INSERT (no trigger) checks its constraints
# before it writes and needs none. A project's, an author's, a document item's rows come a few a document (one a
# table), journalled at about two pages a row by the multi-row statement (projects: five indexes; a table an INSERT
# fires a trigger on keeps its multi-row statements, ``_INSERT_FIRES``);
# indicators and targets come ninety a document, where one statement's journal costs less than ninety statements'
# own work (≈ 3.6 k instructions a row; bench/README.md, import-floor6).
ONE_ROW_STATEMENTS = 32
# The tables an INSERT fires a trigger on (``project_versions``: its ``project_status`` row; status._triggers, the
# schema's every trigger on INSERT). Such an INSERT is a statement that may write many rows even for one row,
# journalled all the same: one statement for all the rows journals each page once, where one a row journalled the
# trigger's pages again at every row (a version's statement, its ten rows one by one, spilled the journal of 5
# batches in 8).
_INSERT_FIRES = frozenset(table for _, table, event, _ in _triggers() if event == "INSERT")


def _marks(columns: Sequence[str], utf8: Sequence[str]) -> tuple[str, ...] | None:
    """Each column's placeholder when some take UTF-8 bytes (stored as the text they encode), else None."""
    if not utf8:
        return None
    return tuple("CAST(? AS TEXT)" if column in utf8 else "?" for column in columns)


def insert_chunked(connection: Connection, table: str, columns: Sequence[str], values: list[Sequence[Any]],
                   tail: str = "", marks: tuple[str, ...] | None = None) -> list[Any]:
    """SQLite: ``INSERT INTO table (columns) VALUES … tail`` for many rows (tuples in column order, in the
    driver's types), as multi-row INSERTs of 2**k rows — a handful of distinct statements per table,
    each prepared once — rather than one statement per row. ``tail``: e.g. an upsert's ``ON CONFLICT …
    RETURNING …``; returns the rows it gives.

    On the FTS5-indexed tables this matters most: FTS5 writes its pending index data out at the end of
    every statement that touched it, so a row-by-row executemany left one tiny index segment per row.
    ``marks``: each column's placeholder, when not ``?``."""
    largest = _MAX_ROWS
    while largest > 1 and largest * len(columns) > _MAX_VARIABLES:
        largest //= 2
    returned: list[Any] = []
    start = 0
    while start < len(values):
        size = largest
        while size > len(values) - start:
            size //= 2
        chunk = values[start:start + size]
        returned.extend(run(connection, _insert_sql_text(table, tuple(columns), size, tail, marks),
                            list(chain.from_iterable(chunk))))
        start += size
    return returned


_MAX_ROWS = 256  # rows per multi-row INSERT on SQLite (a power of two)
_MAX_VARIABLES = 999  # SQLite's smallest SQLITE_MAX_VARIABLE_NUMBER (999 before 3.32; 32766 since)


def _insert_sql(table: Table, columns: Sequence[str]) -> str:
    return _insert_sql_text(table.name, tuple(columns), 1, "")


def _insert_sql_text(table: str, columns: tuple[str, ...], rows: int, tail: str,
                     marks: tuple[str, ...] | None = None) -> str:
    key = (table, columns, rows, tail, marks)
    sql = _INSERTS.get(key)
    if sql is None:
        row = "(" + ", ".join(marks or "?" * len(columns)) + ")"
        sql = _INSERTS[key] = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * rows)}"
                               + (f" {tail}" if tail else ""))
    return sql


_INSERTS: dict[tuple[str, tuple[str, ...], int, str, tuple[str, ...] | None], str] = {}


_MISSING: dict[tuple[str, tuple[str, ...]], bool] = {}


def _defaults_missing(table: Table, columns: Sequence[str]) -> bool:
    key = (table.name, tuple(columns))
    if key not in _MISSING:
        given = set(columns)
        _MISSING[key] = any(column.default is not None and column.name not in given for column in table.columns)
    return _MISSING[key]


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]], with_ids: bool = False,
                ids: list[int] | None = None) -> list[int]:
    """Insert ``rows`` (each with the same keys) into ``table``. With ``ids`` (from :func:`allocate_ids`)
    the rows get these ids; with ``with_ids`` new ids are drawn here. Returns the ids given, in row order."""
    if not rows:
        return []
    if with_ids and ids is None:
        ids = allocate_ids(connection, {table: len(rows)})[table.name]
    if ids is not None:
        rows = [{"id": new_id, **row} for new_id, row in zip(ids, rows, strict=True)]
    columns = list(rows[0])
    if not is_postgres(connection) and _defaults_missing(table, columns):
        connection.execute(insert(table), rows)
    else:
        insert_values(connection, table, columns, list(map(_getter(columns), rows)))
    return list(ids or [])


def insert_values(connection: Connection, table: Table, columns: Sequence[str], values: list[Any],
                  utf8: Sequence[str] = ()) -> None:
    """Insert rows given as tuples in ``columns`` order (ids included when the table's are given): what
    :func:`insert_rows` does with dicts, for a writer that builds the tuples directly.

    The ``utf8`` columns' values may come as the UTF-8 bytes of their text (a review's payload sent by a
    worker process): SQLite stores them as that text (``CAST(? AS TEXT)``) without their being decoded
    into a str and encoded again for the driver; elsewhere they are decoded here."""
    if not values:
        return
    if utf8 and (is_postgres(connection) or _defaults_missing(table, columns)):
        values = _decoded(values, [columns.index(column) for column in utf8])
        utf8 = ()
    if is_postgres(connection):
        if len(values) == 1:  # one short cached INSERT: fewer round trips than a COPY
            run(connection, _insert_sql(table, columns), values[0])
        else:
            _copy(connection, table, columns, values)
    elif _defaults_missing(table, columns):
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in values])
    else:
        _executemany(connection, table, columns, values, utf8)


_DROPPABLE: dict[str, frozenset[str]] = {}


def _droppable(table: Table) -> frozenset[str]:
    """The columns of ``table`` an INSERT may leave out for NULL: nullable, with no default of either side."""
    found = _DROPPABLE.get(table.name)
    if found is None:
        found = _DROPPABLE[table.name] = frozenset(
            column.name for column in table.columns
            if column.nullable and column.default is None and column.server_default is None
            and not column.primary_key)
    return found


def insert_columns(connection: Connection, table: Table, names: Sequence[str], columns: Sequence[Sequence[Any]]
                   ) -> None:
    """Insert rows given column by column (``columns[k]``: every row's value of ``names[k]``, equal lengths):
    what :func:`insert_values` does with rows, for a writer that has its values by column (an import's
    indicators and targets, the rows of several tables joined in C, never a tuple built per row in Python).

    A nullable column without a default that is None in every row is left out of the INSERT (the database
    stores NULL for it all the same): SQLite's driver binds a None through its adaptation protocol, about
    1,200 instructions a value, and an import's indicator and target rows hold some 80 of them a table,
    nearly all in such columns (an indicator's 实际完成值, 得分, 偏差原因 on a target table; a target's period)."""
    if not columns or not len(columns[0]):
        return
    droppable = _droppable(table)
    kept = [(name, values) for name, values in zip(names, columns, strict=True)
            if name not in droppable or values.count(None) != len(values)]
    if not kept:  # every value None: the rows are still rows
        kept = list(zip(names, columns, strict=True))
    rows = list(zip(*(values for _, values in kept), strict=True))
    insert_values(connection, table, tuple(name for name, _ in kept), rows)


def _decoded(values: list[Any], slots: list[int]) -> list[Any]:
    """The rows with the values in ``slots`` given as bytes decoded from UTF-8."""
    out = []
    for row in values:
        if any(type(row[slot]) is bytes for slot in slots):
            row = list(row)
            for slot in slots:
                if type(row[slot]) is bytes:
                    row[slot] = row[slot].decode()
            row = tuple(row)
        out.append(row)
    return out
