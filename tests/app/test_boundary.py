"""The faces call the use-case layer: nothing in cli/ or web/ imports the store's schema, engine or
query modules (the web's own tables — accounts, sessions, tokens, uploads, settings, audit listing —
keep theirs in the named modules below), and the store never imports the readers."""

from __future__ import annotations

import ast
from pathlib import Path

import perfbudget

PACKAGE = Path(perfbudget.__file__).parent
# The store's modules that know its tables or its SQL: only the store itself and the layer use them.
STORE_INTERNALS = {f"perfbudget.store.{name}" for name in (
    "schema", "engine", "queries", "importer", "rows", "bulk", "records", "transaction", "reviews",
    "evaluations")}
# Web modules that keep the web's own tables (users, sessions, tokens, uploads, settings, the audit
# listing, the data version): they may use the engine, the store's Base/utc_now and the audit table.
WEB_OWN_TABLES = {"web/tables.py", "web/accounts.py", "web/deps.py", "web/app.py", "web/audit.py",
                  "web/uploads.py", "web/freshness.py", "web/routes/auth.py", "web/routes/account.py",
                  "web/routes/admin.py", "web/sessions.py", "web/pending.py", "web/throttle.py"}
READERS = ("perfbudget.readers", "perfbudget.load")


def imports_of(path: Path) -> set[str]:
    """Every module a file imports (at module level or inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def violations(face: str) -> list[str]:
    out = []
    for path in sorted((PACKAGE / face).rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        allowed = ({"perfbudget.store.engine", "perfbudget.store.schema", "perfbudget.store.records"}
                   if relative in WEB_OWN_TABLES else set())
        for module in sorted(imports_of(path)):
            internal = next((m for m in STORE_INTERNALS if module == m or module.startswith(m + ".")), None)
            if internal and internal not in allowed:
                out.append(f"{relative} imports {module}")
    return out


def test_the_cli_does_not_import_the_store_internals() -> None:
    assert violations("cli") == []


def test_the_web_does_not_import_the_store_internals() -> None:
    assert violations("web") == []


def test_the_store_does_not_import_the_readers() -> None:
    found = [f"{path.relative_to(PACKAGE).as_posix()} imports {module}"
             for path in sorted((PACKAGE / "store").rglob("*.py"))
             for module in sorted(imports_of(path)) if module.startswith(READERS)]
    assert found == []


def test_the_check_sees_a_violation(tmp_path: Path) -> None:
    """The scanner finds imports inside functions too (a check that cannot fail would prove nothing)."""
    sample = tmp_path / "face.py"
    sample.write_text("def f():\n    from perfbudget.store.schema import projects\n", encoding="utf-8")
    assert "perfbudget.store.schema" in imports_of(sample)



# What a face may do with the store object itself: open a read or write transaction for a layer function, or
# close it. Everything else (its lists, records, counts, writes) goes through perfbudget.app.
STORE_HANDLING = {"close", "reading", "transaction"}


def store_calls(path: Path) -> list[str]:
    """Each ``store.<method>(…)`` called in a file (a name ``store`` holding the Store facade), as file:line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "store"
                and node.func.attr not in STORE_HANDLING):
            found.append(f"{path.name}:{node.lineno} store.{node.func.attr}")
    return found


def test_the_cli_calls_no_store_method_but_through_the_layer() -> None:
    """cmd_review's and cmd_evaluate's listings (reviews, evaluations), monitor --save, show --version, history
    and list --all called the Store's methods themselves until 2026-12-04 (app/stored_records.py now)."""
    assert [call for path in sorted((PACKAGE / "cli").rglob("*.py")) for call in store_calls(path)] == []


def test_the_store_call_check_sees_a_call(tmp_path: Path) -> None:
    sample = tmp_path / "face.py"
    sample.write_text("def f(store):\n    store.close()\n    return store.reviews(1)\n", encoding="utf-8")
    assert store_calls(sample) == ["face.py:3 store.reviews"]
