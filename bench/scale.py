"""Province-size stores for the benchmarks, built fast: a base imported for real, then copied in SQL.

``build(url, projects, base=1000)`` imports ``base`` projects of the seed corpus (bench/corpus.py, 20
tables per file, one unit per file) through the web app's import path — so every version has its
stored review, authors and audit rows — and then copies every row of the store's tables ``projects //
base - 1`` times with ``INSERT … SELECT`` (ids shifted, unit codes, keys, identities and project names
made unique per copy), with the search indexes dropped during the copy and built once after it
(FTS triggers per row on SQLite, GIN insertions on PostgreSQL cost more than one build). The copies are
given workflow states (per project id: 10 % submitted with a 送审 event, 5 % returned with a
comment, 30 % approved, the rest drafts), so the to-do lists and the
review queue have work at every size. 100,000 projects (1,000,000 indicators, 5,000 units) take a few
minutes instead of half an hour through the importer.

Not a test fixture: benchmarks only.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, text

from perfbudget.store import search

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
PASSWORD = "bench-password-1"
PER_FILE = 20

# table: (id column or None, {column: referenced table}, {text column: made unique per copy (True, or the
# length its original is cut to first, for a column of bounded length)})
COPIED: dict[str, tuple[str | None, dict[str, str], dict[str, bool | int]]] = {
    "units": ("id", {}, {"key": True, "code": True, "name": True}),
    "documents": ("id", {"unit_id": "units"}, {"unit_code": True}),
    "projects": ("id", {"unit_id": "units"}, {"identity": 50, "name": True}),
    "project_versions": ("id", {"project_id": "projects", "document_id": "documents"}, {}),
    "indicators": ("id", {"version_id": "project_versions"}, {}),
    "targets": (None, {"indicator_id": "indicators"}, {}),
    "document_items": (None, {"document_id": "documents", "version_id": "project_versions"}, {}),
    "version_changes": ("id", {"version_id": "project_versions"}, {}),
    "version_authors": (None, {"version_id": "project_versions"}, {}),
    "reviews": ("id", {"version_id": "project_versions"}, {}),
}


def _columns(engine: Engine, table: str) -> list[str]:
    from sqlalchemy import inspect

    return [c["name"] for c in inspect(engine).get_columns(table)]


def _max_ids(connection: object) -> dict[str, int]:
    out = {}
    for table, (id_column, _, _) in COPIED.items():
        if id_column:
            out[table] = int(connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one())  # type: ignore[attr-defined]
    return out


def copy_rows(engine: Engine, copies: int) -> None:
    """Copy every row of the store's tables ``copies`` times (copy ``c`` shifts ids by ``c × max id``)."""
    from perfbudget.store.engine import write_transaction

    columns = {table: _columns(engine, table) for table in COPIED}
    with write_transaction(engine) as connection:
        top = _max_ids(connection)
        for c in range(1, copies + 1):
            for table, (id_column, refs, unique) in COPIED.items():
                select_list = []
                for column in columns[table]:
                    if column == id_column:
                        select_list.append(f"{column} + {c * top[table]}")
                    elif column in refs:
                        select_list.append(f"{column} + {c * top[refs[column]]}")
                    elif column in unique:
                        cut = unique[column]
                        original = column if cut is True else f"substr({column}, 1, {cut})"
                        select_list.append(f"{original} || '-{c}'")
                    else:
                        select_list.append(column)
                where = f" WHERE {id_column} <= {top[table]}" if id_column else (
                    f" WHERE {next(iter(refs))} <= {top[refs[next(iter(refs))]]}")
                connection.execute(text(f"INSERT INTO {table} ({', '.join(columns[table])}) "
                                        f"SELECT {', '.join(select_list)} FROM {table}{where}"))
        # Workflow of the copies: a deterministic mix per project id.
        connection.execute(text(
            "INSERT INTO workflow_states (project_id, state, version_number, approved_version, updated_at, user_id) "
            "SELECT id, CASE WHEN id % 20 < 2 THEN 'submitted' WHEN id % 20 = 2 THEN 'returned' "
            "WHEN id % 20 < 9 THEN 'approved' ELSE 'draft' END, latest_version, "
            "CASE WHEN id % 20 >= 3 AND id % 20 < 9 THEN latest_version END, created_at, NULL "
            f"FROM projects WHERE id > {top['projects']} AND id % 20 < 9"))
        connection.execute(text(
            "INSERT INTO workflow_events (project_id, version_number, action, from_state, to_state, comment, "
            "justification, user_id, username, at) "
            "SELECT project_id, version_number, CASE state WHEN 'returned' THEN 'return' WHEN 'approved' "
            "THEN 'approve' ELSE 'submit' END, CASE state WHEN 'submitted' THEN 'draft' ELSE 'submitted' END, "
            "state, CASE state WHEN 'returned' THEN '请补充量化指标' END, NULL, NULL, 'admin', updated_at "
            f"FROM workflow_states WHERE project_id > {top['projects']}"))
        if engine.dialect.name == "postgresql":  # ids were given explicitly: move the sequences past them
            for table, (id_column, _, _) in COPIED.items():
                if id_column:
                    connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                            f"(SELECT max(id) FROM {table}))"))
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.connect() as connection:
            connection.exec_driver_sql("ANALYZE")
            connection.commit()


def without_search_indexes(engine: Engine, load: Callable[[], None]) -> None:
    """Run the bulk ``load`` with the search indexes dropped, then build them once over all rows
    (SQLite: FTS triggers fire per row; PostgreSQL: GIN insertions are slower than one sorted build)."""
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            for statement in search.sqlite_drop():
                connection.exec_driver_sql(statement)
        else:
            for statement in search.PG_DROP[:4]:
                connection.exec_driver_sql(statement)
            trigram = connection.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first()
    load()
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            for statement in search.sqlite_create():
                connection.exec_driver_sql(statement)
        else:
            connection.exec_driver_sql("SET maintenance_work_mem = '256MB'")
            for statement in search.PG_BIGRAM_INDEXES + (search.PG_TRIGRAM_INDEXES if trigram else []):
                connection.exec_driver_sql(statement)


def build(url: str, projects: int, base: int = 1000) -> None:
    """A store at ``url`` (empty) with ``projects`` projects: ``base`` imported, the rest copied."""
    from corpus import corpus_files  # type: ignore[import-not-found]

    from perfbudget.app.accounts import create_user
    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import actor_of
    from perfbudget.readers.text import read_text
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    base = min(base, projects)
    assert projects % base == 0 and base % PER_FILE == 0, "projects must be a multiple of base, base of 20"
    start = time.perf_counter()
    app = create_app(WebConfig(database_url=url, secret_key="bench" * 10))
    account = create_user(app.state.engine, "admin", PASSWORD, Role.ADMIN)
    assert not isinstance(account, str)
    admin = Principal(account.id, "admin", "admin", Role.ADMIN, None)
    for i, content in enumerate(corpus_files(base, per_file=PER_FILE)):
        document, problems = read_text(content, f"unit{i}.txt")
        assert document is not None, problems
        outcome = import_document(app.state.store, app.state.core, document, f"unit{i}.txt",
                                  ImportRequest(actor_of(admin), "upload", review=True))
        assert outcome.status == "imported", outcome.problems
    imported = time.perf_counter()
    print(f"imported {base} projects in {imported - start:.1f} s", flush=True)
    without_search_indexes(app.state.engine, lambda: copy_rows(app.state.engine, projects // base - 1))
    app.state.engine.dispose()
    print(f"copied to {projects} projects in {time.perf_counter() - imported:.1f} s", flush=True)


def pg_database(server_url: str, name: str, fresh: bool) -> tuple[str, bool]:
    """The URL of database ``name`` on the server of ``server_url`` and whether it already existed
    (dropped first when ``fresh``). Created databases are kept between runs: the build is the slow part."""
    import psycopg

    plain = server_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is not None
        if exists and fresh:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = False
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name, exists
