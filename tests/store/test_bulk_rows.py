"""Many rows at once (``perfbudget.store.bulk``): SQLite's multi-row INSERTs of 2**k rows store every row
exactly, an upsert tail returns every row, and the trigger-kept search index is complete after each
document of a bulk import commits."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from perfbudget.app.bulk_import import import_files
from perfbudget.app.imports import ImportRequest
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Filters, Store, bulk
from perfbudget.store.transaction import Actor
from tests.store.conftest import write_variant

SIZES = [1, 2, 3, 63, 64, 65, 127, 130, 257, 600]


@pytest.mark.parametrize("count", SIZES)
def test_insert_chunked_stores_every_row_in_order(count: int) -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, amount TEXT, flag INTEGER)")
        rows = [(n, f"名称{n}", None if n % 3 else f"{n}.00", n % 2) for n in range(1, count + 1)]
        assert bulk.insert_chunked(connection, "t", ("id", "name", "amount", "flag"), rows) == []
        assert [tuple(r) for r in connection.exec_driver_sql("SELECT * FROM t ORDER BY id")] == rows


def test_insert_chunked_upsert_returns_every_row() -> None:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE c (g INTEGER, u TEXT, n INTEGER, PRIMARY KEY (g, u))")
        tail = "ON CONFLICT (g, u) DO UPDATE SET n = c.n + excluded.n RETURNING g, u, n"
        first = [(g, "次", 1) for g in range(70)]
        assert sorted(bulk.insert_chunked(connection, "c", ("g", "u", "n"), first, tail)) == sorted(first)
        again = [(g, "次", 2) for g in range(0, 140, 2)]  # half of them known: added to
        returned = sorted(bulk.insert_chunked(connection, "c", ("g", "u", "n"), again, tail))
        assert returned == [(g, "次", 3 if g < 70 else 2) for g in range(0, 140, 2)]
        assert connection.exec_driver_sql("SELECT count(*), sum(n) FROM c").one() == (105, 70 + 2 * 70)


def test_the_search_index_is_complete_after_each_document_of_a_bulk_import(tmp_path: Path, seed_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file's indicators (88 rows: several multi-row statements) are found by an indexed search as soon as
    its outcome comes: outcomes come once their batch has committed (two files a batch here), its rows indexed at
    its end (``search.indexed_at_end``), and the next batch's files are not found before theirs come; the FTS5
    index passes SQLite's integrity check."""
    from perfbudget.app import bulk_import

    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 2)
    files = []
    for number in range(3):
        target = tmp_path / "in" / f"{number}.txt"
        target.parent.mkdir(exist_ok=True)
        unit = ("255101天津市和平区人民检察院", f"30000{number}测试{number}单位")
        files.append(write_variant(seed_path, target, unit, ("视频会议保障数量", f"视频会议保障数量第{number}号")))
    with Store(f"sqlite:///{tmp_path / 'bulk.db'}") as store:
        request = ImportRequest(Actor(None, "tester"), "cli")
        for number, outcome in enumerate(import_files(store, CoreSettings(), files, request, jobs=1)):
            assert outcome.status == "imported", outcome
            committed = min(number // 2 * 2 + 1, 2)  # the last file of this outcome's batch
            for seen in range(3):
                found = store.indicators(Filters(search=f"保障数量第{seen}号"), None)["total"]
                assert (found > 0) == (seen <= committed), (number, seen)
            with store.engine.connect() as connection:  # the index finds every row a plain scan finds
                for query in ("满意度", "率", "保障数量第"):
                    scanned = connection.execute(text(
                        "SELECT count(*) FROM indicators WHERE level3 LIKE :q OR description LIKE :q"),
                        {"q": f"%{query}%"}).scalar()
                    assert scanned and store.indicators(Filters(search=query), None)["total"] == scanned, query
        with store.engine.begin() as connection:
            for fts in ("search_indicators", "search_projects"):
                connection.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')"))
            indexed = connection.execute(text("SELECT count(*) FROM search_indicators_terms")).scalar()
            assert indexed and indexed > 100


def test_insert_rows_converts_a_repeated_value_once_and_every_other_value_itself() -> None:
    """A value the rows share (one ``created_at`` for a batch) is converted once and its conversion
    reused; rows with other values of the same column (equal or not, None included) are stored as
    SQLAlchemy stores each one."""
    from datetime import datetime

    from sqlalchemy import Column, DateTime, Integer, MetaData, Table, insert, select

    table = Table("stamped", MetaData(), Column("id", Integer, primary_key=True), Column("at", DateTime))
    engine = create_engine("sqlite://")
    shared = datetime(2026, 12, 3, 6, 0, 0, 123456)
    values = [shared, shared, datetime(2026, 12, 3, 6, 0, 0, 123456), None, shared,
              datetime(2025, 1, 2, 3, 4, 5), shared]
    with engine.begin() as connection:
        table.create(connection)
        bulk.insert_rows(connection, table, [{"id": n, "at": at} for n, at in enumerate(values, 1)])
        fast = connection.execute(select(table.c.at).order_by(table.c.id)).scalars().all()
        stored = connection.exec_driver_sql("SELECT at FROM stamped ORDER BY id").scalars().all()
        connection.execute(table.delete())
        connection.execute(insert(table), [{"id": n, "at": at} for n, at in enumerate(values, 1)])
        assert connection.exec_driver_sql("SELECT at FROM stamped ORDER BY id").scalars().all() == stored
    assert fast == values


def test_nulls_are_bound_through_the_none_adapter_and_stored_as_null(tmp_path: Path) -> None:
    """A store's SQLite engine registers an adapter for ``NoneType`` (``engine._bind_none_cheaply``): None is
    still stored as NULL, by the bulk path and by plain statements, and no base type loses sqlite3's fast path."""
    import sqlite3

    with Store(f"sqlite:///{tmp_path / 'none.db'}") as store:
        assert (type(None), sqlite3.PrepareProtocol) in sqlite3.adapters
        assert not any(kind in (int, float, str, bytearray) for kind, _ in sqlite3.adapters)
        with store.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE n (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)")
            rows = [(i, None if i % 2 else f"{i}", None) for i in range(1, 70)]
            bulk.insert_chunked(connection, "n", ("id", "a", "b"), rows)
            connection.execute(text("INSERT INTO n VALUES (:i, :a, :b)"), {"i": 100, "a": None, "b": None})
            stored = connection.exec_driver_sql("SELECT id, a, b, typeof(a), typeof(b) FROM n ORDER BY id").all()
    assert [tuple(r[:3]) for r in stored] == [*rows, (100, None, None)]
    assert {r[4] for r in stored} == {"null"} and {r[3] for r in stored if r[1] is None} == {"null"}
    plain = sqlite3.connect(":memory:")  # any other sqlite3 user: None is NULL as ever
    assert plain.execute("SELECT ? IS NULL, typeof(?)", (None, None)).fetchone() == (1, "null")


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_insert_values_stores_what_insert_rows_stores(db: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """The importer's tuples (``bulk.insert_values``) and the dict rows (``insert_rows``) give the same rows,
    on the multi-row/COPY path and the one-row path, with a bind-processed column (a time) and NULLs; so do
    tuples whose text comes as UTF-8 bytes (``utf8``: a review's payload from a worker), stored as text."""
    from datetime import UTC, datetime

    from sqlalchemy import Column, DateTime, Integer, MetaData, Table, Text, select

    url = f"sqlite:///{tmp_path / 'v.db'}" if db == "sqlite" else str(request.getfixturevalue("pg_url"))
    metadata = MetaData()
    tables = [Table(f"iv_{name}", metadata, Column("id", Integer, primary_key=True), Column("name", Text),
                    Column("at", DateTime(timezone=True)), Column("n", Integer))
              for name in ("rows", "values", "bytes")]
    when = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    rows = [{"id": i, "name": None if i % 3 else f"名{i}", "at": when if i % 2 else None, "n": i} for i in range(1, 90)]
    with Store(url) as store:
        metadata.create_all(store.engine)
        try:
            with store.engine.begin() as connection:
                for chosen in (rows, rows[:1]):
                    offset = 0 if chosen is rows else 1000
                    moved = [{**row, "id": row["id"] + offset} for row in chosen]
                    bulk.insert_rows(connection, tables[0], moved)
                    bulk.insert_values(connection, tables[1], ("id", "name", "at", "n"),
                                       [(r["id"], r["name"], r["at"], r["n"]) for r in moved])
                    bulk.insert_values(connection, tables[2], ("id", "name", "at", "n"),
                                       [(r["id"], r["name"].encode() if r["id"] % 2 and r["name"] else r["name"],
                                         r["at"], r["n"]) for r in moved], utf8=("name",))
            with store.engine.connect() as connection:
                first, second, third = (connection.execute(select(t).order_by(t.c.id)).all() for t in tables)
                if db == "sqlite":
                    kinds = {row[0] for row in connection.exec_driver_sql("SELECT typeof(name) FROM iv_bytes")}
                    assert kinds == {"text", "null"}
            assert len(first) == 90 and [tuple(r) for r in first] == [tuple(r) for r in second]
            assert [tuple(r) for r in third] == [tuple(r) for r in first]
        finally:
            metadata.drop_all(store.engine)


def test_pg_ids_are_drawn_from_each_sequence_found_once_a_statement(pg_store_url: str) -> None:
    """PostgreSQL: ``allocate_ids`` draws each table's ids from its own sequence, distinct across calls, and finds the
    sequence once a statement — ``nextval(pg_get_serial_sequence(…))`` per id read ≈ 4 buffers an id (the catalogue
    look-up each time), ≈ 3 % of a bulk import's server CPU."""
    from perfbudget.store.schema import indicators, projects

    engine = create_engine(pg_store_url)
    try:
        with engine.begin() as connection:
            first = bulk.allocate_ids(connection, {indicators: 400, projects: 3})
            again = bulk.allocate_ids(connection, {indicators: 2, projects: 0})
            assert len(set(first["indicators"])) == 400 and len(first["projects"]) == 3
            assert again["projects"] == [] and again["indicators"][0] > max(first["indicators"])
            assert connection.exec_driver_sql(
                "SELECT last_value FROM " + connection.exec_driver_sql(
                    "SELECT pg_get_serial_sequence('indicators', 'id')").scalar_one()).scalar_one() \
                == again["indicators"][-1]
            sql = bulk.pg_allocation_sql(["indicators"]).replace("?", "400")
            plan = connection.exec_driver_sql(f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) {sql}").scalar_one()
            read = plan[0]["Plan"]["Shared Hit Blocks"] + plan[0]["Plan"]["Shared Read Blocks"]
            assert 400 <= read < 2 * 400, read
    finally:
        engine.dispose()


def test_ids_follow_each_tables_largest_alike_on_either_database(db_url: str, seed_path: Path) -> None:
    """``allocate_ids`` gives each table the ids right after its largest, in order, on SQLite (the largest id read) as
    on PostgreSQL (the sequence): the same ids for the same store, whatever way the ids' statement passes its counts
    (read by a scalar subquery since import-floor10)."""
    from perfbudget.store.schema import indicators, projects, targets
    from tests.store.helpers import import_file

    with Store(db_url) as store:
        import_file(store, seed_path)
        with store.engine.begin() as connection:
            largest = {name: connection.exec_driver_sql(f"SELECT max(id) FROM {name}").scalar_one()
                       for name in ("projects", "indicators")}
            drawn = bulk.allocate_ids(connection, {projects: 3, indicators: 5, targets: 0})
    assert largest["projects"] and largest["indicators"]
    assert drawn == {"projects": [largest["projects"] + n for n in range(1, 4)],
                     "indicators": [largest["indicators"] + n for n in range(1, 6)], "targets": []}


def test_pg_ids_statement_keeps_one_plan_whatever_the_counts(pg_store_url: str) -> None:
    """PostgreSQL: the ids' statement, asked once a document with other counts each time, is planned for good after
    the server's first five custom plans (psycopg prepares it from its fifth run). Its counts went straight into
    ``generate_series``, whose row estimate then differed between the generic plan and each custom one, so the server
    planned it afresh at every run (≈ 0.13 ms of its CPU a document; pg_stat_statements, import-floor10); the counts
    are now read by a scalar subquery, which no plan sees, so the generic plan costs what each custom one did. The
    ids drawn are the same. 40 calls: 35 prepared runs, 5 custom plans then 30 generic ones, far from the bound of
    20 (with 20 calls the 10 generic plans sat exactly on it, and psycopg preparing one run later failed it)."""
    from perfbudget.store.schema import indicators, projects

    engine = create_engine(pg_store_url)
    try:
        with engine.begin() as connection:
            drawn = [bulk.allocate_ids(connection, {projects: n % 7 + 1, indicators: 3 * n + 1}) for n in range(40)]
            assert [len(ids["indicators"]) for ids in drawn] == [3 * n + 1 for n in range(40)]
            every = [i for ids in drawn for i in ids["indicators"]]
            assert every == sorted(set(every))
            plans = connection.exec_driver_sql(
                "SELECT generic_plans, custom_plans FROM pg_prepared_statements "
                "WHERE strpos(statement, 'nextval(s.sequence)') > 0").all()
            assert len(plans) == 1, plans
            generic, custom = plans[0]
            assert custom <= 5 and generic >= 20, plans[0]
    finally:
        engine.dispose()


def test_the_tables_an_insert_fires_a_trigger_on_are_those_of_the_schema(tmp_path: Path) -> None:
    """``bulk``'s few-row INSERTs keep one statement for a table an INSERT fires a trigger on: the tables are the
    schema's own (``status._triggers``), known without a query and the same for every database."""
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store, store.engine.connect() as connection:
        fired = {name for name, in connection.exec_driver_sql(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '% INSERT ON %'")}
    assert fired and fired == bulk._INSERT_FIRES
