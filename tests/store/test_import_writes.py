"""The importing process's writes (import-writes, 2026-12-06): rows inserted by column with the columns None in every
row left out (``bulk.insert_columns``), a batch's savepoints through the driver (``engine._savepoint``, PostgreSQL;
SQLite has none, ``engine._unjournalled``), and the merged unit looked up in one statement
(``unit_aliases.merged_into``); on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, Text, select, text
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

from perfbudget.model import Document
from perfbudget.store import Store, bulk, engine
from perfbudget.store.engine import BatchBroken
from perfbudget.store.schema import indicators, targets
from perfbudget.store.unit_aliases import MergedInto, merged_into


@pytest.fixture
def scratch(store: Store) -> Iterator[tuple[Store, Table]]:
    """A table of nullable columns, one of them with a database default (which an INSERT must not leave out)."""
    metadata = MetaData()
    table = Table("iw_rows", metadata, Column("id", Integer, primary_key=True), Column("a", Text),
                  Column("b", Text), Column("n", Integer), Column("d", Text, server_default=text("'缺省'")))
    metadata.create_all(store.engine)
    try:
        yield store, table
    finally:
        metadata.drop_all(store.engine)


def _statements(store: Store, connection: Any) -> list[str]:
    """The INSERT statements run on ``connection`` from now on (SQLite's trace; PostgreSQL: the COPY/INSERT text)."""
    seen: list[str] = []
    driver = connection.connection.driver_connection
    if store.engine.dialect.name == "sqlite":
        driver.set_trace_callback(lambda sql: seen.append(sql) if sql.startswith("INSERT") else None)
    else:
        real = bulk._copy

        def copy(connection: Any, table: Table, columns: Any, values: Any) -> None:
            seen.append(f"COPY {table.name} ({', '.join(columns)})")
            real(connection, table, columns, values)

        bulk._copy = copy
    return seen


def test_insert_columns_leaves_out_a_column_none_in_every_row_and_stores_the_same_rows(
        scratch: tuple[Store, Table], monkeypatch: pytest.MonkeyPatch) -> None:
    store, table = scratch
    monkeypatch.setattr(bulk, "_copy", bulk._copy)  # (restored after the PostgreSQL probe)
    count = 70
    ids = list(range(1, count + 1))
    some = [None if i % 3 else f"值{i}" for i in ids]  # None in some rows: bound as NULL there
    with store.engine.begin() as connection:
        seen = _statements(store, connection)
        bulk.insert_columns(connection, table, ("id", "a", "b", "n", "d"),
                            [ids, some, [None] * count, [None] * count, [None] * count])
        if store.engine.dialect.name == "sqlite":
            connection.connection.driver_connection.set_trace_callback(None)
    with store.engine.connect() as connection:
        stored = [tuple(row) for row in connection.execute(select(table).order_by(table.c.id))]
    assert stored == [(i, a, None, None, None) for i, a in zip(ids, some, strict=True)]
    inserts = [sql for sql in seen if "iw_rows" in sql]
    assert inserts and all("(id, a, d)" in sql for sql in inserts), inserts  # b and n left out, d (a default) kept


def test_insert_columns_of_no_row_or_one_row_or_only_nulls(scratch: tuple[Store, Table]) -> None:
    store, table = scratch
    with store.engine.begin() as connection:
        bulk.insert_columns(connection, table, ("id", "a", "b", "n", "d"), [[], [], [], [], []])
        bulk.insert_columns(connection, table, ("id", "a", "b", "n", "d"), [[7], ["一"], [None], [3], [None]])
        bulk.insert_columns(connection, table, ("a", "b"), [[None, None], [None, None]])  # rows of NULLs: still rows
    with store.engine.connect() as connection:
        stored = [tuple(r) for r in connection.execute(select(table).order_by(table.c.id))]
    assert (7, "一", None, 3, None) in stored  # (the NULL rows' ids: each database's own)
    assert sorted(row[1:] for row in stored if row[0] != 7) == [(None, None, None, "缺省")] * 2


def test_imported_indicators_and_targets_keep_every_value_and_null(store: Store, seed_document: Document) -> None:
    """A document whose tables leave different columns empty: the stored rows are the plan's rows, value for value
    (a column None in every row of the document stored as NULL, one None in some rows too)."""
    from perfbudget.store.importer import plan_document

    document = seed_document
    plan = plan_document(document)
    assert not isinstance(plan, str)
    outcome = store.import_document(document, "seed.txt")
    assert outcome.status == "imported"
    with store.library_reading() as connection:
        got = connection.execute(select(indicators.c.position, *(indicators.c[c] for c in _INDICATOR_COLUMNS[1:]),
                                        *(targets.c[c] for c in _TARGET_COLUMNS))
                                 .join(targets, targets.c.indicator_id == indicators.c.id)
                                 .order_by(indicators.c.id)).all()
    planned = [(*indicator, *target) for table in plan.tables
               for indicator, target in zip(table.indicators, table.targets, strict=True)]
    assert [tuple(row) for row in got] == planned
    columns = list(zip(*planned, strict=True))
    assert any(all(v is None for v in c) for c in columns) and any(None in c and set(c) != {None} for c in columns)


_INDICATOR_COLUMNS = ("position", "level1", "level2", "level3", "description", "weight", "actual", "score",
                      "deviation", "extras")
_TARGET_COLUMNS = ("raw", "kind", "op", "value", "unit", "direction", "upper", "period_start", "period_end")


def _names(store: Store) -> list[str]:
    with store.library_reading() as connection:
        return list(connection.exec_driver_sql("SELECT name FROM iw_rows ORDER BY id").scalars())


@pytest.mark.postgres
def test_a_failing_write_inside_a_batch_goes_back_to_its_savepoint_and_the_batch_goes_on(pg_store_url: str) -> None:
    """PostgreSQL, the driver's savepoints: a write failing in Python, a write failing in the database (the
    transaction in error until ``ROLLBACK TO``), a write failing inside a write: each leaves nothing, the rest stay.
    SQLite writes a batch without savepoints since import-floor6 (the next tests)."""
    with Store(pg_store_url) as store:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE iw_rows (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        with store.write_batch():
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (1, "一"))
            with pytest.raises(RuntimeError), store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (2, "二"))
                raise RuntimeError("程序出错")
            # a statement the database refuses (not a collision): the transaction is in error
            with pytest.raises(DBAPIError), store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (3, "三"))
                bulk.run(tx.connection, "SELECT 1 / 0")
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (4, "四"))
                with pytest.raises(RuntimeError), store.transaction() as inner:
                    bulk.run(inner.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (5, "五"))
                    raise RuntimeError("内层出错")
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (6, "六"))
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (7, "七"))
        assert _names(store) == ["一", "四", "六", "七"]


def test_a_write_failing_halfway_breaks_a_sqlite_batch_and_one_failing_before_it_wrote_does_not(
        tmp_path: Path) -> None:
    """SQLite, a batch without savepoints (``engine._unjournalled``): a write that fails after it changed rows leaves
    its batch broken — nothing of the batch is committed, every later write and the block's end raise
    ``BatchBroken`` (the bulk import then writes the batch's documents again, one transaction each, after a
    database error; a bug is raised as it is and ends the import) —; a write that
    fails before it changed anything (a stale version found, a refusal) raises its own error and the batch goes on."""
    with Store(f"sqlite:///{tmp_path / 'b.db'}") as store:
        with store.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE iw_rows (id INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        later_refused = False
        with pytest.raises(BatchBroken), store.write_batch():
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (1, "一"))
            with pytest.raises(RuntimeError), store.transaction() as tx:  # a bug is raised as it is
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (2, "二"))
                raise RuntimeError("程序出错")
            with pytest.raises(BatchBroken), store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (3, "三"))
            later_refused = True  # not the block's end's BatchBroken for an error raised instead of the one expected
        assert later_refused
        assert _names(store) == []  # the first write too: the batch is all or nothing once a write broke it
        with store.write_batch():
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (4, "四"))
            with pytest.raises(RuntimeError), store.transaction():
                raise RuntimeError("写入前出错")
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (5, "五"))
        assert _names(store) == ["四", "五"]  # nothing was written by the failing one, the rest stays
        with pytest.raises(BatchBroken), store.write_batch():
            with store.transaction() as tx:
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (6, "六"))
            with pytest.raises(BatchBroken), store.transaction() as tx:  # a collision gives the batch up
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (4, "重复"))
        assert _names(store) == ["四", "五"]


_ROWS = Table("iw_rows", MetaData(), Column("id", Integer, primary_key=True), Column("name", Text, nullable=False))


def _third_row_collides(store: Store) -> None:
    # few rows: one a statement (bulk.ONE_ROW_STATEMENTS), so two are in when the third collides
    with pytest.raises(BatchBroken), store.transaction() as tx:
        bulk.insert_values(tx.connection, _ROWS, ["id", "name"], [(7, "七"), (8, "八"), (1, "撞")])


def _last_row_of_one_statement_collides(store: Store) -> None:
    # more rows: one multi-row statement, which SQLite's statement journal undoes whole
    rows = [(10 + number, "多") for number in range(bulk.ONE_ROW_STATEMENTS)] + [(1, "撞")]
    with pytest.raises(BatchBroken), store.transaction() as tx:
        bulk.insert_values(tx.connection, _ROWS, ["id", "name"], rows)


def _inner_write_fails_after_the_outer_wrote(store: Store) -> None:
    # the inner write changed nothing itself: the outer one, which wrote, breaks the batch
    with pytest.raises(RuntimeError), store.transaction() as tx:
        bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (7, "七"))
        with store.transaction():
            raise RuntimeError("内层出错")


def _inner_write_fails_after_it_wrote_and_the_outer_goes_on(store: Store) -> None:
    with pytest.raises(BatchBroken), store.transaction() as tx:
        bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (7, "七"))
        with pytest.raises(RuntimeError), store.transaction() as inner:
            bulk.run(inner.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (8, "八"))
            raise RuntimeError("内层出错")
        bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (9, "九"))


def _interrupted_after_writing(store: Store) -> None:
    with pytest.raises(KeyboardInterrupt), store.transaction() as tx:
        bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (7, "七"))
        raise KeyboardInterrupt


@pytest.mark.parametrize("failing", [_third_row_collides, _last_row_of_one_statement_collides,
                                     _inner_write_fails_after_the_outer_wrote,
                                     _inner_write_fails_after_it_wrote_and_the_outer_goes_on,
                                     _interrupted_after_writing])
def test_a_write_left_half_done_commits_nothing_of_its_sqlite_batch(tmp_path: Path, failing: Any) -> None:
    """SQLite, a batch without savepoints: whichever way a write fails after rows were written (a collision after two
    rows of its INSERT, a write inside a write, an interrupt), nothing of its batch is committed, not even the
    writes before it, and the block's end says so (``BatchBroken``)."""
    with Store(f"sqlite:///{tmp_path / 'c.db'}") as store:
        _ROWS.create(store.engine)
        with store.transaction() as tx:
            bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (1, "一"))
        failed_as_told = False
        with pytest.raises(BatchBroken), store.write_batch():
            with store.transaction() as tx:  # an earlier document of the batch
                bulk.run(tx.connection, "INSERT INTO iw_rows (id, name) VALUES (?, ?)", (2, "二"))
            failing(store)
            failed_as_told = True  # its error the one expected, not one raised instead
        assert failed_as_told and _names(store) == ["一"]


def test_both_batches_tell_a_collision_from_other_errors_alike() -> None:
    """``_savepoint`` (PostgreSQL) and ``_unjournalled`` (SQLite) give a batch up on the same collisions."""
    class Deadlock(Exception):
        sqlstate = "40P01"

    assert engine._collided(IntegrityError("INSERT", None, Exception("重复")))
    assert engine._collided(OperationalError("INSERT", None, Exception("database is locked")))
    assert engine._collided(DBAPIError("UPDATE", None, Deadlock("死锁")))
    assert not engine._collided(DataError("INSERT", None, Exception("数值超出范围")))
    assert not engine._collided(RuntimeError("程序出错"))


def test_merged_into_answers_for_a_key_no_unit_holds(store: Store) -> None:
    with store.engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO units (id, key, code, name) VALUES (1, 'code:100', '100', '甲单位')")
        connection.exec_driver_sql("INSERT INTO units (id, key, code, name) VALUES (2, 'code:200', '200', '乙单位')")
        for key, unit in (("code:300", 1), ("name:丙单位", 1), ("code:200", 1)):  # code:200: a live unit's key too
            connection.execute(text("INSERT INTO unit_aliases (key, unit_id, merged_at) VALUES (:k, :u, :at)"),
                               {"k": key, "u": unit, "at": "2026-12-06 09:00:00"})
    with store.library_reading() as connection:
        assert merged_into(connection, "code:300") == MergedInto(1, "code:100", "100", "甲单位")
        assert merged_into(connection, "name:丙单位") == MergedInto(1, "code:100", "100", "甲单位")
        assert merged_into(connection, "code:200") is None  # a live unit of the key wins
        assert merged_into(connection, "code:100") is None
        assert merged_into(connection, "code:999") is None
