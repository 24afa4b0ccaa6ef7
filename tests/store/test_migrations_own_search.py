"""Migrations 0500 and 0700 hold their own definitions (faces43), as 1600 and 1846 do: they read
``store.search`` at run time, so since 1832 a new SQLite store got 1832's and 1836's search tables from 0500 already
(no token counts, no insert triggers), and a later change of the bigrams would have changed what 0700 does."""

from __future__ import annotations

import pytest
from alembic import command

from perfbudget.store import Store
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config, head_revision


def _move(store: Store, step: str, revision: str) -> None:
    with write_transaction(store.engine, moves=None) as connection:
        getattr(command, step)(alembic_config(connection), revision)


def test_migration_0500_makes_the_search_tables_of_its_time(tmp_path: object) -> None:
    with Store(f"sqlite:///{tmp_path}/own.db") as store:
        def made() -> tuple[bool, bool]:
            with store.engine.connect() as connection:
                sql = connection.exec_driver_sql(
                    "SELECT sql FROM sqlite_master WHERE name = 'search_indicators'").scalar_one()
                trigger = connection.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE name = 'search_indicators_insert'").scalar_one()
            return "columnsize=0" in sql.replace(" ", ""), bool(trigger)

        assert made() == (True, False)  # the head's: no token counts (1832), no insert trigger (1836)
        _move(store, "downgrade", "0450_library_search")
        _move(store, "upgrade", "0500_scale_indexes")
        assert made() == (False, True)  # 0500's own: the token counts and the insert trigger
        _move(store, "upgrade", head_revision())
        assert made() == (True, False)


@pytest.mark.postgres
def test_migration_0700_makes_and_restores_its_own_bigrams(pg_store_url: str) -> None:
    with Store(pg_store_url) as store:
        def language() -> str:
            with store.engine.connect() as connection:
                return str(connection.exec_driver_sql(
                    "SELECT l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang "
                    "WHERE p.proname = 'perfbudget_bigrams'").scalar_one())

        assert language() == "plpgsql"
        _move(store, "downgrade", "0600_project_status")
        assert language() == "sql"  # 0500's, as 0700 holds it
        _move(store, "upgrade", "0700_bigrams_plpgsql")
        assert language() == "plpgsql"
        _move(store, "upgrade", head_revision())
        assert language() == "plpgsql"
