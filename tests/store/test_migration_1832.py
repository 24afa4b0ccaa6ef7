"""Migration 1832_import_sqlite (SQLite): the search tables without each row's token count (store/search.py: the same
terms and answers, one b-tree row fewer written for every indicator and project) and the library's count tables
without a rowid (the same rows, one b-tree a row)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import Connection, text

from perfbudget.store import Filters, Store
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config
from tests.store.helpers import import_file

FTS = ("search_indicators", "search_projects")


def _fts_tables(connection: Connection) -> dict[str, str]:
    return dict(connection.execute(text(  # type: ignore[arg-type]
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_%'")).all())


def _terms(connection: Connection) -> dict[str, list[tuple[str, int]]]:
    return {fts: [tuple(row) for row in connection.execute(text(f"SELECT term, doc FROM {fts}_terms ORDER BY term"))]
            for fts in FTS}


def _answers(store: Store) -> dict[str, tuple[int, int]]:
    return {query: (store.indicators(Filters(search=query))["total"], store.projects(Filters(search=query))["total"])
            for query in ("培训", "满意度", "率", "项目", "司法救助", "无此指标")}


def test_a_new_store_keeps_no_token_counts(tmp_path: Path, seed_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'new.db'}") as store:
        import_file(store, seed_path)
        with store.engine.connect() as connection:
            tables = _fts_tables(connection)
            for fts in FTS:
                assert "columnsize=0" in tables[fts].replace(" ", "")
                assert f"{fts}_docsize" not in tables
                connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        assert _answers(store)["满意度"][0] > 0


def test_migration_1832_makes_the_tables_again_with_the_same_terms(tmp_path: Path, seed_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'old.db'}") as store:
        import_file(store, seed_path)
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1831_source_names")  # the tables as 0500 made them
        with store.engine.connect() as connection:
            tables = _fts_tables(connection)
            assert {f"{fts}_docsize" for fts in FTS} <= set(tables)
            assert connection.execute(text("SELECT count(*) FROM search_indicators_docsize")).scalar_one() > 0
            before = _terms(connection)
        answers = _answers(store)
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), "head")
        with store.engine.connect() as connection:
            tables = _fts_tables(connection)
            assert not any(name.endswith("_docsize") for name in tables)
            assert _terms(connection) == before and before["search_indicators"]
            for fts in FTS:
                connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
            triggers = {name for (name,) in connection.execute(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"))}
        # at head no insert triggers (migration 1836: the importer indexes its rows; test_migration_1836.py)
        assert triggers == {f"{fts}_{event}" for fts in FTS for event in ("delete", "update")}
        assert _answers(store) == answers
        # the triggers keep the remade tables in step: a changed and a deleted row
        with write_transaction(store.engine) as connection:
            connection.execute(text("UPDATE indicators SET level3 = '新写的指标甲乙' WHERE id = 1"))
            connection.execute(text("UPDATE projects SET name = '改名后的项目丙丁' WHERE id = 1"))
        assert store.indicators(Filters(search="甲乙"))["total"] == 1
        assert store.projects(Filters(search="丙丁"))["total"] == 1
        with store.engine.connect() as connection:
            for fts in FTS:
                connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


COUNTS = ("library_values", "library_group_units", "library_measure_units")


def _count_rows(connection: Connection) -> dict[str, list[tuple[object, ...]]]:
    return {table: sorted(tuple(row) for row in connection.execute(text(f"SELECT * FROM {table}"))) for table in COUNTS}


def _without_rowid(connection: Connection) -> dict[str, bool]:
    return {name: "WITHOUT ROWID" in sql.upper() for name, sql in connection.execute(text(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN "
        "('library_values', 'library_group_units', 'library_measure_units')"))}


def test_the_count_tables_lose_their_rowid_and_keep_their_rows(tmp_path: Path, seed_path: Path) -> None:
    from perfbudget.library.build import build_library

    with Store(f"sqlite:///{tmp_path / 'counts.db'}") as store:
        import_file(store, seed_path)
        with store.engine.connect() as connection:
            assert _without_rowid(connection) == dict.fromkeys(COUNTS, True)
            rows = _count_rows(connection)
        assert all(rows.values())
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1831_source_names")
        with store.engine.connect() as connection:
            assert _without_rowid(connection) == dict.fromkeys(COUNTS, False)
            assert _count_rows(connection) == rows
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), "head")
        with store.engine.connect() as connection:
            assert _without_rowid(connection) == dict.fromkeys(COUNTS, True)
            assert _count_rows(connection) == rows
            keys = {name: [c[1] for c in connection.execute(text(f"PRAGMA table_info({name})")) if c[5]]
                    for name in COUNTS}
        assert keys == {"library_values": ["group_id", "measure_unit", "value"],
                        "library_group_units": ["group_id", "unit_id"],
                        "library_measure_units": ["group_id", "measure_unit", "unit_id"]}
        build_library(store)  # a rebuild counts the same rows into the new tables
        with store.engine.connect() as connection:
            assert _count_rows(connection) == rows
