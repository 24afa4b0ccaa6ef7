"""The faces call the use-case layer: nothing in cli/ or web/ imports the store's schema, engine, table or
query modules (the web's own tables — sessions, uploads, settings, the sign-in throttle, the data version — are
kept by the named modules below, none of them a page or the API), no face imports another face's modules (the CLI
only starts the web server), the pages and the API use no SQL at all, and the store never imports the readers.

Until 2026-12-05 the check listed only the store's modules: ``perfbudget user`` imported the web's accounts module
and even its ``users`` table, and the account pages wrote audit rows through the store's engine (both allowed as
"web modules of the web's own tables"); the accounts' use cases are in ``perfbudget.app.accounts`` now, their tables
in ``perfbudget.store.account_tables`` (leftovers17)."""

from __future__ import annotations

import ast
from pathlib import Path

import perfbudget

PACKAGE = Path(perfbudget.__file__).parent
# The store's modules that know its tables or its SQL: only the store itself and the layer use them.
STORE_INTERNALS = {f"perfbudget.store.{name}" for name in (
    "schema", "engine", "queries", "importer", "rows", "bulk", "records", "transaction", "reviews",
    "evaluations", "account_tables", "desk_tables", "library_tables", "library_rows", "library_reads", "driver",
    "search", "review_summary", "status", "library_counts")} | {"perfbudget.web.tables"}
# Web modules that keep the web's own tables (sessions, uploads, settings, the sign-in throttle's count of failed
# sign-ins, the data version): they may use the engine, the store's Base/utc_now and these tables. No page and no
# API module is among them.
WEB_OWN_TABLES = {"web/tables.py", "web/app.py", "web/uploads.py", "web/freshness.py", "web/sessions.py",
                  "web/pending.py", "web/throttle.py"}
WEB_OWN_ALLOWED = {"perfbudget.store.engine", "perfbudget.store.schema", "perfbudget.store.records",
                   "perfbudget.store.account_tables", "perfbudget.web.tables",
                   "perfbudget.store.driver"}  # the data version read on the event loop (web/freshness.py)
# What the CLI may import of the web: only what ``perfbudget serve`` needs to start it, only in cmd_serve.py.
SERVE_IMPORTS = {"perfbudget.web.app", "perfbudget.web.settings", "perfbudget.web.http_protocol",
                 "perfbudget.web.workers",
                 "perfbudget.web.access_log",  # the server's request log in its format (replay-aa)
                 "perfbudget.web.server_log"}  # uvicorn's warnings and errors in Chinese (replay-ab)
# The pages and the API: the Store facade (a type) is all they may name of the store.
FACADE = {"perfbudget.store", "perfbudget.store.api"}
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
        allowed = WEB_OWN_ALLOWED if relative in WEB_OWN_TABLES else set()
        for module in sorted(imports_of(path)):
            internal = next((m for m in STORE_INTERNALS if module == m or module.startswith(m + ".")), None)
            if internal and internal not in allowed:
                out.append(f"{relative} imports {module}")
    return out


def test_the_cli_does_not_import_the_store_internals() -> None:
    assert violations("cli") == []


def test_the_web_does_not_import_the_store_internals() -> None:
    assert violations("web") == []


def test_no_face_imports_another_faces_modules() -> None:
    """The CLI's commands call perfbudget.app, not the web's modules (``perfbudget user`` did, until 2026-12-05);
    only ``perfbudget serve`` imports the web, to start it. The web imports nothing of the CLI."""
    found = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        allowed = SERVE_IMPORTS if path.name == "cmd_serve.py" else set()
        found += [f"cli/{path.name} imports {module}" for module in sorted(imports_of(path))
                  if module.startswith("perfbudget.web") and not any(
                      module == m or module.startswith(m + ".") for m in allowed)]
    for path in sorted((PACKAGE / "web").rglob("*.py")):
        found += [f"{path.relative_to(PACKAGE).as_posix()} imports {module}" for module in sorted(imports_of(path))
                  if module.startswith("perfbudget.cli")]
    assert found == []


def test_the_api_imports_none_of_the_pages_route_modules() -> None:
    """What the pages and the API share (a download's answer, who may save a 运行监控) lives in a web module of its
    own or in the layer: until replay-v the API imported ``attachment`` from the project page's route module and
    ``require_monitor`` from the monitoring page's."""
    found = [f"{path.relative_to(PACKAGE).as_posix()} imports {module}"
             for path in sorted((PACKAGE / "web" / "api").rglob("*.py"))
             for module in sorted(imports_of(path)) if module.startswith("perfbudget.web.routes")]
    assert found == []


def test_the_pages_and_the_api_use_no_sql() -> None:
    """A page or an API module names no SQL and no store module but the facade: what it shows or changes goes
    through perfbudget.app (the account pages wrote their audit rows through the store's engine until
    2026-12-05)."""
    found = []
    for face in ("web/routes", "web/api"):
        for path in sorted((PACKAGE / face).rglob("*.py")):
            found += [f"{path.relative_to(PACKAGE).as_posix()} imports {module}"
                      for module in sorted(imports_of(path))
                      if module.split(".")[0] == "sqlalchemy"
                      or (module.startswith("perfbudget.store") and module not in FACADE
                          and not module.startswith("perfbudget.store.api."))]
    assert found == []


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
# close it; name its URL in a message, and hand its engine to ``perfbudget db upgrade``. Everything else (its
# lists, records, counts, writes) goes through perfbudget.app.
STORE_HANDLING = {"close", "reading", "transaction"}
STORE_ATTRIBUTES = STORE_HANDLING | {"url", "engine"}


def store_calls(path: Path) -> list[str]:
    """Each ``store.<method>`` a file uses (a name ``store`` holding the Store facade), as file:line: called, or
    taken to call later (``list`` picked ``store.units``/``projects``/``indicators`` from a dict until
    2026-12-05, which a check of calls alone missed)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "store"
                and node.attr not in STORE_ATTRIBUTES):
            found.append(f"{path.name}:{node.lineno} store.{node.attr}")
    return found


def test_the_cli_calls_no_store_method_but_through_the_layer() -> None:
    """cmd_review's and cmd_evaluate's listings (reviews, evaluations), monitor --save, show --version, history
    and list --all called the Store's methods themselves until 2026-12-04 (app/stored_records.py now)."""
    assert [call for path in sorted((PACKAGE / "cli").rglob("*.py")) for call in store_calls(path)] == []


def test_the_store_call_check_sees_a_call(tmp_path: Path) -> None:
    sample = tmp_path / "face.py"
    sample.write_text("def f(store):\n    store.close()\n    return store.reviews(1)\n", encoding="utf-8")
    assert store_calls(sample) == ["face.py:3 store.reviews"]
    sample.write_text("def f(store):\n    pick = {'a': store.units}\n    return store.url\n", encoding="utf-8")
    assert store_calls(sample) == ["face.py:2 store.units"]


def reexports(path: Path) -> list[str]:
    """What a module passes on of another perfbudget module: the names its ``__all__`` lists that it imports from
    the layer or the store, each ``import x as x`` of theirs, and each ``module.NAME`` it reads of another web module
    that imported it (file:name)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: dict[str, str] = {}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(("perfbudget.app",
                                                                                        "perfbudget.store")):
            for alias in node.names:
                imported[alias.asname or alias.name] = node.module
                if alias.asname == alias.name:
                    found.append(f"{path.name}:{alias.name} (as itself)")
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            names = [e.value for e in getattr(node.value, "elts", []) if isinstance(e, ast.Constant)]
            found += [f"{path.name}:{name} (from {imported[name]})" for name in names if name in imported]
    return found


def test_the_web_passes_on_nothing_of_the_layer_or_the_store() -> None:
    """web/roles.py, web/validate.py and web/workflow.py were the layer's modules under a web name, web/tables.py
    passed on the store's account and audit tables, web/views.py ``ProjectView`` and web/audit.py ``record``, until
    leftovers18: a module importing them there was not seen to use the layer or the store. Each imports from where
    the name is defined now."""
    assert [hit for path in sorted((PACKAGE / "web").rglob("*.py")) for hit in reexports(path)] == []
    assert not [name for name in ("roles", "validate", "workflow") if (PACKAGE / "web" / f"{name}.py").exists()]


def test_the_reexport_check_sees_one(tmp_path: Path) -> None:
    sample = tmp_path / "face.py"
    sample.write_text("from perfbudget.store.records import audit_log\nfrom perfbudget.app.roles import Role as Role\n"
                      "__all__ = ['audit_log', 'own']\n", encoding="utf-8")
    assert reexports(sample) == ["face.py:Role (as itself)", "face.py:audit_log (from perfbudget.store.records)"]
