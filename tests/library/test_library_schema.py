"""The library's migrations (0300, 0450) create exactly what store/library_tables.py declares."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from perfbudget.store import Store
from perfbudget.store.library_tables import library_choices  # noqa: F401  (registers the tables)
from perfbudget.store.schema import Base

# Each test's db_url is an empty database: these tests migrate it (tests/conftest.py store_url).
pytestmark = pytest.mark.empty_database

LIBRARY_TABLES = {"library_groups", "library_names", "library_spellings", "library_entries", "library_values",
                  "library_group_units", "library_measure_units", "library_choices", "library_name_words"}


def _tables_of(diff: object) -> set[str]:
    items = diff if isinstance(diff, list) else [diff]
    found = set()
    for item in items:
        for part in item:
            for candidate in (getattr(part, "name", None), getattr(getattr(part, "table", None), "name", None),
                              part if isinstance(part, str) else None):
                if candidate in LIBRARY_TABLES:
                    found.add(candidate)
    return found


def test_migrated_library_tables_match_the_models(db_url: str) -> None:
    with Store(db_url) as store, store.engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        tables = set(store.engine.dialect.get_table_names(connection))
    assert tables >= LIBRARY_TABLES
    assert [d for d in diffs if _tables_of(d)] == []


def test_the_search_index_migration_indexes_a_library_built_before_it(db_url: str) -> None:
    """0450_library_search on a database whose library was built at 0400: the names get their words."""
    from alembic import command

    from perfbudget.library.build import build_library
    from perfbudget.library.query import search
    from perfbudget.store.engine import write_transaction
    from perfbudget.store.library_tables import library_name_words
    from perfbudget.store.migrate import alembic_config
    from tests.library.conftest import import_units

    with Store(db_url) as store:
        import_units(store, 3, lambda i: [("产出指标", "质量指标", "服务对象满意度", f"≥{90 + i}%")])
        build_library(store)
        with store.engine.connect() as connection:
            indexed = sorted(connection.execute(select(library_name_words.c.word)).scalars())
        assert set(indexed) == {"服务", "对象", "满意", "满意度"}
        with write_transaction(store.engine, moves=None) as connection:
            command.downgrade(alembic_config(connection), "0400_desk")
            assert "library_name_words" not in store.engine.dialect.get_table_names(connection)
            command.upgrade(alembic_config(connection), "head")
        with store.engine.connect() as connection:
            assert sorted(connection.execute(select(library_name_words.c.word)).scalars()) == indexed
        assert search(store, "满意度")[0]["name"] == "服务对象满意度"
