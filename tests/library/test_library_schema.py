"""The library's migration (0300) creates exactly what store/library_tables.py declares."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from perfbudget.store import Store
from perfbudget.store.library_tables import library_choices  # noqa: F401  (registers the tables)
from perfbudget.store.schema import Base

LIBRARY_TABLES = {"library_groups", "library_names", "library_spellings", "library_entries", "library_values",
                  "library_group_units", "library_measure_units", "library_choices"}


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
