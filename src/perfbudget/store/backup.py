"""A SQLite store copied page by page with SQLite's online backup API (:meth:`sqlite3.Connection.backup`): a
consistent snapshot while the server reads and writes (the copy is taken under SQLite's own locks, restarted by
SQLite when a write lands during it), into a single self-contained file (journal mode DELETE: no ``-wal`` beside
it). The use cases, their refusals and their words are :mod:`perfbudget.app.backup`; PostgreSQL is backed up with
``pg_dump`` (docs/store.md *Backup and restore*).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_MS = 30_000  # how long a copy waits for a writer's lock before it gives up
# pages a step of a copy told page by page (4 MB of 4 KB pages) copies before it says how far it is
STEP_PAGES = 1024


def sqlite_file(url: str) -> Path | None:
    """The file a ``sqlite:///…`` URL names; None for another database or an in-memory one."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


@dataclass(frozen=True, slots=True)
class FileCheck:
    """What a SQLite file holds: whether it is one (``sqlite``), SQLite's ``integrity`` verdict (「ok」), its
    migration ``revision`` (None: not a perfbudget store), and its ``projects`` and ``users`` (counts)."""

    sqlite: bool
    integrity: str
    revision: str | None
    projects: int
    users: int


def check_file(path: Path) -> FileCheck:
    """Look at ``path`` without changing it (opened read-only)."""
    with path.open("rb") as file:
        if file.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            return FileCheck(False, "", None, 0, 0)
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        integrity = "; ".join(str(row[0]) for row in connection.execute("PRAGMA integrity_check(5)"))
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            found = sorted(str(row[0]) for row in connection.execute("SELECT version_num FROM alembic_version"))
            revision = ",".join(found) or None

        def count(table: str) -> int:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]) if table in tables else 0

        return FileCheck(True, integrity, revision, count("projects"), count("users"))


def copy_into(source: Path, target: Path, *, self_contained: bool,
              progress: Callable[[int, int], None]) -> None:
    """Copy database ``source`` over database ``target`` (made when missing) with the backup API, under SQLite's
    locks. ``self_contained``: the copy left in journal mode DELETE, one file (a backup).

    ``progress(done, total)``: told in pages after each step of :data:`STEP_PAGES` (a progress bar on a terminal:
    ``perfbudget db backup|restore``, none until faces45). The copy is still one snapshot: the source's read
    transaction is held from the first step to the last, so a write the server commits meanwhile (WAL) is not seen
    and does not restart the copy — a copy in steps without it starts again at every such write, for ever on a busy
    server. While it is held no checkpoint can reset the source's WAL: the server's commits grow it for the whole
    copy (it is reset at the next checkpoint after). Every caller tells a bar (or nothing), so there is one path.

    A ``target`` made here is readable by its owner only, as every new store (``engine.create_private_file``): a
    backup holds the password hashes and the key signing the session cookie. Until 2026-12-05 it took the
    process's umask (0644 on most servers: found by attack20); an existing ``target`` keeps its permissions."""
    from perfbudget.store.engine import create_private_file

    create_private_file(str(target))
    with closing(sqlite3.connect(source, timeout=BUSY_MS / 1000)) as src, \
            closing(sqlite3.connect(target, timeout=BUSY_MS / 1000)) as dst:
        src.execute("BEGIN")  # one snapshot for every step (above)
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        src.backup(dst, pages=STEP_PAGES, sleep=0,
                   progress=lambda _status, remaining, total: progress(total - remaining, total))
        src.rollback()
        if self_contained:
            dst.execute("PRAGMA journal_mode=DELETE")


def counters(path: Path) -> tuple[int, int] | None:
    """The store's change counters (schema.ChangeCounterRow), None when it has none."""
    with closing(sqlite3.connect(path, timeout=BUSY_MS / 1000)) as connection:
        try:
            row = connection.execute("SELECT data, accounts FROM change_counters WHERE id = 1").fetchone()
        except sqlite3.OperationalError:  # no such table: an empty file, an older store
            return None
        return None if row is None else (int(row[0]), int(row[1]))


def move_counters_past(path: Path, before: tuple[int, int]) -> None:
    """Set the restored store's change counters past both its own and ``before`` (the replaced store's): a
    running server's caches, keyed by the counter it last saw, then see a change and are read again."""
    with closing(sqlite3.connect(path, timeout=BUSY_MS / 1000)) as connection:
        connection.execute("UPDATE change_counters SET data = max(data, ?) + 1, accounts = max(accounts, ?) + 1 "
                           "WHERE id = 1", before)
        connection.commit()
