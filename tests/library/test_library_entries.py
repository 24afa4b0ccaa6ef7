"""The library's entries kept by project (migration 1837, SQLite and PostgreSQL): keyed by (project, indicator), a
row in one b-tree on SQLite, no foreign key to ``indicators`` — and still no entry without its indicator, nor one
whose project or version is not its indicator's, after imports, new versions, deletes and rebuilds."""

from __future__ import annotations

from typing import Any

import pytest
from alembic import command
from sqlalchemy import Connection, inspect, text

from perfbudget.app.project_delete import delete_project
from perfbudget.library.build import build_library
from perfbudget.library.query import show, similar_projects
from perfbudget.store import Store
from perfbudget.store.engine import is_postgres, write_transaction
from perfbudget.store.migrate import alembic_config
from tests.library.conftest import import_units, unit_document

SAT = ("满意度指标", "服务对象满意度指标")
QTY = ("产出指标", "数量指标")

# An entry is sound when its indicator exists and belongs to a version of the entry's project, that version the
# entry's own and its project's latest.
UNSOUND = ("SELECT count(*) FROM library_entries e LEFT JOIN indicators i ON i.id = e.indicator_id "
           "LEFT JOIN project_versions v ON v.id = i.version_id LEFT JOIN projects p ON p.id = v.project_id "
           "WHERE i.id IS NULL OR v.id <> e.version_id OR p.id <> e.project_id OR v.number <> p.latest_version")


def _rows(i: int) -> list[tuple[str, str, str, str]]:
    return [(*SAT, "服务对象满意度", f"≥{80 + i}%"), (*QTY, "养护道路里程", f"≥{10 * (i + 1)}公里")]


def _entries(connection: Connection) -> list[tuple[Any, ...]]:
    return sorted(tuple(row) for row in connection.execute(text("SELECT * FROM library_entries")))


def _check(store: Store) -> list[tuple[Any, ...]]:
    with store.library_reading() as connection:
        assert connection.execute(text(UNSOUND)).scalar_one() == 0
        return _entries(connection)


def test_the_entries_are_keyed_by_project_without_a_foreign_key(store: Store) -> None:
    with store.library_reading() as connection:
        found = inspect(connection)
        assert found.get_pk_constraint("library_entries")["constrained_columns"] == ["project_id", "indicator_id"]
        assert found.get_foreign_keys("library_entries") == []
        assert {i["name"]: i["column_names"] for i in found.get_indexes("library_entries")} == {
            "ix_library_entries_group_id_indicator_id_name_id": ["group_id", "indicator_id", "name_id"]}
        if not is_postgres(connection):  # the row in its key's b-tree only
            made = connection.execute(text("SELECT sql FROM sqlite_master WHERE name = 'library_entries'")).scalar()
            assert "WITHOUT ROWID" in made


def test_no_entry_outlives_its_indicator(store: Store) -> None:
    import_units(store, 4, _rows)
    assert len(_check(store)) == 8
    changed = unit_document(1, [(*SAT, "服务对象满意度", "≥60%"), (*QTY, "新增道路里程", "≥3公里"),
                                (*QTY, "巡查次数", "≥12次")])
    assert store.import_document(changed, "unit1-v2.txt").status == "imported"  # a new version: its entries replace
    assert len(_check(store)) == 9
    delete_project(store, None, 3, username="admin")  # its entries go before its indicators
    updated = _check(store)
    assert len(updated) == 7
    build_library(store)
    assert [row[3:] for row in _check(store)] == [row[3:] for row in updated]  # group and name ids may differ
    group = show(store, "服务对象满意度")
    assert group is not None and group["count"] == 3
    assert [p["project_id"] for p in similar_projects(store, 1)] == [4, 2]


@pytest.mark.empty_database
def test_migration_1837_keeps_every_entry(db_url: str) -> None:
    with Store(db_url) as store:
        import_units(store, 3, _rows)
        with write_transaction(store.engine, moves=None) as connection:
            before = _entries(connection)
            command.downgrade(alembic_config(connection), "1836_import_stmts")
            found = inspect(connection)
            assert found.get_pk_constraint("library_entries")["constrained_columns"] == ["indicator_id"]
            assert [k["referred_table"] for k in found.get_foreign_keys("library_entries")] == ["indicators"]
            assert {i["name"] for i in found.get_indexes("library_entries")} == {
                "ix_library_entries_project_id", "ix_library_entries_group_id_indicator_id"}
            assert _entries(connection) == before
            command.upgrade(alembic_config(connection), "head")
        with store.library_reading() as connection:
            assert inspect(connection).get_pk_constraint("library_entries")["constrained_columns"] == [
                "project_id", "indicator_id"]
        assert _check(store) == before and len(before) == 6
        assert store.import_document(unit_document(7, _rows(7)), "unit7.txt").status == "imported"
        assert len(_check(store)) == 8
