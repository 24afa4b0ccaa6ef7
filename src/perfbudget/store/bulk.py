"""Many rows at once: executemany everywhere, ``COPY`` on PostgreSQL.

On SQLite, an executemany INSERT … RETURNING (SQLAlchemy's insertmanyvalues) is fast.
On PostgreSQL with psycopg the same statement is long, and psycopg re-parses long
statements in Python at each call; ``COPY … FROM STDIN`` sends the rows as one stream
instead. New ids for COPY come from the tables' sequences in one query beforehand, so
every row still gets its id inside the same transaction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table, insert, text

from perfbudget.store.engine import is_postgres


def _allocate_ids(connection: Connection, wanted: dict[str, int]) -> dict[str, list[int]]:
    """Fresh ids from each table's id sequence: ``{"indicators": 88}`` → ``{"indicators": [..88 ids..]}``."""
    tables = [name for name, count in wanted.items() if count]
    if not tables:
        return {name: [] for name in wanted}
    parts = ", ".join(
        f"(SELECT coalesce(array_agg(nextval(pg_get_serial_sequence('{name}', 'id'))), '{{}}') "
        f"FROM generate_series(1, :n{i})) AS {name}" for i, name in enumerate(tables))
    row = connection.execute(text(f"SELECT {parts}"), {f"n{i}": wanted[name] for i, name in enumerate(tables)}).one()
    found = dict(zip(tables, row, strict=True))
    return {name: list(found.get(name, [])) for name in wanted}


def _copy(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    columns = list(rows[0])
    driver = connection.connection.driver_connection
    assert driver is not None
    with driver.cursor() as cursor, cursor.copy(
            f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[c] for c in columns])


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]], with_ids: bool = False) -> list[int]:
    """Insert ``rows`` into ``table``; with ``with_ids`` return their new ids in row order."""
    if not rows:
        return []
    if not is_postgres(connection):
        if not with_ids:
            connection.execute(insert(table), rows)
            return []
        result = connection.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows)
        return list(result.scalars())
    ids: list[int] = []
    if with_ids:
        ids = _allocate_ids(connection, {table.name: len(rows)})[table.name]
        rows = [{"id": new_id, **row} for new_id, row in zip(ids, rows, strict=True)]
    _copy(connection, table, rows)
    return ids
