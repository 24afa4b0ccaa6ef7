"""PostgreSQL's list-order indexes (migration 1600): the lists' code-point, uncoded-last order of units and projects
is read from an index, not sorted from every project."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect, select

from perfbudget.store import Store, queries
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config, head_revision
from perfbudget.store.ordering import PG_ORDER_INDEXES
from perfbudget.store.schema import projects, units
from tests.store.helpers import import_file


def _order_indexes(store: Store) -> set[str]:
    found = {index["name"] for table in ("units", "projects") for index in inspect(store.engine).get_indexes(table)}
    return found & set(PG_ORDER_INDEXES)


def _unfiltered_page_plan(store: Store) -> str:
    ids = select(projects.c.id).select_from(projects.join(units, units.c.id == projects.c.unit_id))
    query = ids.order_by(*queries._project_order("postgresql")).limit(50)
    sql = str(query.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as connection:
        # A handful of rows: make the planner show the path it takes at 100,000 projects (no sort of every row).
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        connection.exec_driver_sql("SET LOCAL enable_sort = off")
        return "\n".join(row[0] for row in connection.exec_driver_sql("EXPLAIN " + sql))


def test_postgresql_walks_the_lists_order_from_its_indexes(db_url: str, seed_path: Path) -> None:
    with Store(db_url) as store:
        import_file(store, seed_path)
        if store.engine.dialect.name != "postgresql":  # SQLite's plain indexes are in that order
            assert _order_indexes(store) == set()
            return
        assert _order_indexes(store) == set(PG_ORDER_INDEXES)
        plan = _unfiltered_page_plan(store)
        assert "order_units_code" in plan and "order_projects_unit" in plan, plan
        with store.engine.connect() as connection:  # the order itself: tests/app/test_list_order.py
            assert len(queries.list_projects(connection, limit=None)["items"]) == 10


def test_the_downgrade_drops_them_and_the_upgrade_makes_them_again(db_url: str, seed_path: Path) -> None:
    with Store(db_url) as store:
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1500_drop_review_grade_index")
        assert _order_indexes(store) == set()
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), head_revision())
        expected = set(PG_ORDER_INDEXES) if store.engine.dialect.name == "postgresql" else set()
        assert _order_indexes(store) == expected


@pytest.mark.postgres
def test_migration_1600_makes_its_own_indexes(pg_store_url: str) -> None:
    """1600 made its indexes from ``store.ordering.PG_ORDER_INDEXES`` as it is at run time, so since 1846 it made 1846's
    ``order_units_code`` (with the unit's name) already: an old migration did what a later one says. At 1600 the index
    is 1600's (code, id); the head's is 1846's (code, name, id) (faces43)."""
    with Store(pg_store_url) as store:
        def units_index() -> str:
            with store.engine.connect() as connection:
                return str(connection.exec_driver_sql(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = 'order_units_code'").scalar_one())

        assert units_index().endswith('(code COLLATE "C", name COLLATE "C", id)'), units_index()
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "1500_drop_review_grade_index")
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), "1600_pg_list_order_indexes")
        assert units_index().endswith('(code COLLATE "C", id)'), units_index()
        with write_transaction(store.engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), head_revision())
        assert units_index().endswith('(code COLLATE "C", name COLLATE "C", id)'), units_index()
