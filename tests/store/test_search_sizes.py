"""SQLite's search tables without each row's token count (store/search.py, migration 1832_import_sqlite): the
same terms and answers, one b-tree row fewer written for every indicator and project."""

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
        assert triggers == {f"{fts}_{event}" for fts in FTS for event in ("insert", "delete", "update")}
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
