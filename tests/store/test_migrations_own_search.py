"""Migrations 0500 and 0700 hold their own definitions (faces43), as 1600 and 1846 do, and 1832 and 1836 (faces44):
they read ``store.search`` at run time, so since 1832 a new SQLite store got 1832's and 1836's search tables from 0500
already (no token counts, no insert triggers), 1832 made 1836's, and a later change of the bigrams would have changed
what 0700 does."""

from __future__ import annotations

import pytest
from alembic import command

from perfbudget.store import Store
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config, head_revision


def _move(store: Store, step: str, revision: str) -> None:
    with write_transaction(store.engine, moves=None) as connection:
        getattr(command, step)(alembic_config(connection), revision)


def _made(store: Store) -> tuple[bool, bool]:
    """The SQLite search tables: (without token counts: 1832's, with the insert trigger: until 1836)."""
    with store.engine.connect() as connection:
        sql = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'search_indicators'").scalar_one()
        trigger = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE name = 'search_indicators_insert'").scalar_one()
    return "columnsize=0" in sql.replace(" ", ""), bool(trigger)


def test_migration_0500_makes_the_search_tables_of_its_time(tmp_path: object) -> None:
    with Store(f"sqlite:///{tmp_path}/own.db") as store:
        assert _made(store) == (True, False)  # the head's: no token counts (1832), no insert trigger (1836)
        _move(store, "downgrade", "0450_library_search")
        _move(store, "upgrade", "0500_scale_indexes")
        assert _made(store) == (False, True)  # 0500's own: the token counts and the insert trigger
        _move(store, "upgrade", head_revision())
        assert _made(store) == (True, False)


def test_migration_1832_makes_the_search_tables_of_its_time(tmp_path: object) -> None:
    """faces44: 1832 read ``store.search`` at run time too, and made 1836's tables (no insert trigger) since 1836."""
    with Store(f"sqlite:///{tmp_path}/own.db") as store:
        _move(store, "downgrade", "1831_source_names")
        assert _made(store) == (False, True)  # 0500's tables, as 1832's downgrade makes them again
        _move(store, "upgrade", "1832_import_sqlite")
        assert _made(store) == (True, True)  # 1832's own: no token counts, the insert trigger still there
        _move(store, "upgrade", "1836_import_stmts")
        assert _made(store) == (True, False)
        _move(store, "downgrade", "1833_audit_user_action_index")
        assert _made(store) == (True, True)  # 1836's downgrade makes the trigger again, from its own statement
        _move(store, "upgrade", head_revision())
        assert _made(store) == (True, False)


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
