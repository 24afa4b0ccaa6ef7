"""Ids never given twice on SQLite: the largest id of a table whose rows an admin deletes is kept (attack33).

SQLite gives a rowid table without AUTOINCREMENT the largest id + 1, and ``store.bulk.allocate_ids`` did the same:
after an admin deleted the newest project (``perfbudget project delete``, ``app.project_delete``), the next project
imported — another unit's as well — got its id, its version and document their ids, and the audit log's entries of
the deleted project (kept: they are the record) became the new project's: its history page showed the other unit's
comments, its deletion and its name to the new project's readers, and the admin's 项目编号 filter mixed the two.
PostgreSQL's sequences never give an id twice; there nothing is kept here.

Before a project's rows are deleted (``store.project_rows``) the largest ids of its tables are kept in ``id_floors``
(migration 1839); :func:`floors` gives them to ``allocate_ids``, which starts past them.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Table, func, select

from perfbudget.store.engine import is_postgres
from perfbudget.store.schema import documents, id_floors, project_versions, projects, reviews

# the tables whose deleted rows' ids people and the audit log name (a project, its versions, its file, a saved review)
FLOORED = (projects, project_versions, documents, reviews)


FLOORED_NAMES = frozenset(table.name for table in FLOORED)


# whether the database keeps floors: SQLite at migration 1839 or later (the importer also runs on older schemas in
# the migrations' tests, before and after a downgrade: asked each time, one look at SQLite's schema table)
KEPT_SQL = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'id_floors'"


def floors_kept(connection: Connection) -> bool:
    """Whether the database keeps floors (:data:`KEPT_SQL`; never on PostgreSQL)."""
    return not is_postgres(connection) and bool(connection.exec_driver_sql(KEPT_SQL).scalar())


def keep_floors(connection: Connection, tables: Iterable[Table] = FLOORED) -> None:
    """Keep each table's largest id (before rows of it are deleted) as its floor."""
    if not floors_kept(connection):
        return
    for table in tables:
        largest = connection.execute(select(func.max(table.c.id))).scalar()
        if largest is None:
            continue
        kept = connection.execute(select(id_floors.c.largest).where(id_floors.c.table_name == table.name)).scalar()
        if kept is None:
            connection.execute(id_floors.insert().values(table_name=table.name, largest=largest))
        elif kept < largest:
            connection.execute(id_floors.update().where(id_floors.c.table_name == table.name)
                               .values(largest=largest))


def largest_sql(table: str, kept: bool) -> str:
    """An SQL expression of the largest id ``table`` gave (the floor of a floored table's taken in where floors are
    ``kept``), for ``allocate_ids``' one query on SQLite."""
    largest = f"(SELECT max(id) FROM {table})"
    if not kept or table not in FLOORED_NAMES:
        return largest
    floor = f"(SELECT coalesce(max(largest), 0) FROM id_floors WHERE table_name = '{table}')"
    return f"max(coalesce({largest}, 0), {floor})"
