"""Every migration holds its own definitions (faces44), as 1600, 1846 and 1847 do: 0500, 0600, 1400, 1832 and 1836
read ``store.search``, ``store.status`` and ``store.review_summary`` at run time, so a new store got today's
triggers and search tables from them (0600 made 1400's reviewer grade and attack39's budgets in 万元; 1832 made 1836's
tables without insert triggers: test_migrations_own_search.py), and a later change of that code would have changed what
an old migration does."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from perfbudget.store import Store
from perfbudget.store.migrate import MIGRATIONS, head_revision
from tests.store.test_migrations_own_search import _move

VERSIONS = MIGRATIONS / "versions"
OWN = "perfbudget.store.migrations.versions."  # another migration's module (0700 reads 0500's function)


def test_no_migration_reads_the_code_of_today() -> None:
    reads = []
    for path in sorted(VERSIONS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [node.args[0].value] if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(
                    "import_module") and isinstance(node.args[0], ast.Constant) else []
            reads += [f"{path.name}: {name}" for name in names
                      if str(name).split(".")[0] == "perfbudget" and not str(name).startswith(OWN)]
    assert reads == []


def _status_triggers(store: Store) -> dict[str, str]:
    """project_status's triggers by name, each with its SQL (SQLite) or its function's body (PostgreSQL)."""
    with store.engine.connect() as connection:
        if store.engine.dialect.name == "sqlite":
            rows = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                              "AND name LIKE 'project_status_%'")
        else:
            rows = connection.exec_driver_sql("SELECT t.tgname, p.prosrc FROM pg_trigger t "
                                              "JOIN pg_proc p ON p.oid = t.tgfoid "
                                              "WHERE t.tgname LIKE 'project_status_%%'")
        return {str(name): str(sql) for name, sql in rows}


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_0600_and_1400_make_the_triggers_of_their_time(request: pytest.FixtureRequest, backend: str,
                                                       tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/own.db" if backend == "sqlite" else request.getfixturevalue("pg_store_url")
    with Store(url) as store:
        def told() -> tuple[bool, bool]:
            """(the reviewer's grade kept: 1400's; 千元 and 亿元 in 万元: attack39's, 1847)"""
            triggers = _status_triggers(store)
            return ("project_status_reviewer_grades_insert" in triggers,
                    "亿元" in triggers["project_status_project_versions_insert"])

        assert told() == (True, True)
        _move(store, "downgrade", "0500_scale_indexes")
        assert _status_triggers(store) == {}  # 0600's downgrade drops every trigger project_status has had
        _move(store, "upgrade", "0600_project_status")
        assert told() == (False, False)  # 0600's own: neither
        _move(store, "upgrade", "1400_leftovers17")
        assert told() == (True, False)  # 1400's own: the reviewer's grade, not yet the budgets in 万元
        _move(store, "upgrade", head_revision())
        assert told() == (True, True)
