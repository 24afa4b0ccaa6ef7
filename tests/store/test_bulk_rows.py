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


def test_the_search_index_is_complete_after_each_document_of_a_bulk_import(tmp_path: Path, seed_path: Path) -> None:
    """Each file's indicators (88 rows: several multi-row statements) are found by an indexed search as soon as
    its outcome comes, before the next file is written; the FTS5 index passes SQLite's integrity check."""
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
            for seen in range(3):
                found = store.indicators(Filters(search=f"保障数量第{seen}号"), None)["total"]
                assert (found > 0) == (seen <= number), (number, seen)
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
