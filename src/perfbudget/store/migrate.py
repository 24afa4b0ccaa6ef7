"""Alembic migrations run from code: no ``alembic.ini`` is needed at run time.

The scripts live in ``store/migrations/versions`` inside the package (so they ship in
the wheel). A new database (no ``alembic_version`` table) is migrated on first use; a
database at an older revision is upgraded only by ``perfbudget db upgrade``.

For developers adding a migration (e.g. users and roles)::

    python -m perfbudget.store.migrate revision -m "users and roles" --db sqlite:///dev.db

autogenerates a script from the models in ``store/schema.py`` against a database
that is at head (see docs/store.md).
"""

from __future__ import annotations

import argparse
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, inspect

from perfbudget.steps import Steps
from perfbudget.store.engine import is_postgres, make_engine, read_transaction, write_transaction

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# The newest migration. Opening a database at this revision needs no Alembic import (Alembic
# and its scripts are loaded only to migrate), which keeps every command's start-up short.
# tests/store/test_store_schema.py checks it against the scripts: bump it with each new migration.
HEAD_REVISION = "1847_attack39"
_PG_LOCK = 0x70626462  # advisory lock key: one migrator at a time on PostgreSQL


class SchemaOutdatedError(RuntimeError):
    """The database schema is older than this program's; run ``perfbudget db upgrade``."""

    def __init__(self, current: str, head: str) -> None:
        super().__init__(f"database at revision {current}, program expects {head}")
        self.current = current
        self.head = head


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("path_separator", "os")
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The revision this program expects (``HEAD_REVISION``)."""
    return HEAD_REVISION


@lru_cache(maxsize=1)
def scripted_head_revision() -> str:
    """The head of the migration scripts, as Alembic computes it (for the consistency test)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    """The database's revision from ``alembic_version``; None for a new database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    versions = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    return ",".join(sorted(versions)) if versions else None


def _pending(scripts: Any, revision: str, before: str | None) -> int | None:
    """How many migrations take a store at ``before`` (its heads joined by commas, :func:`current_revision`) to
    ``revision``; None when the scripts cannot say (heads that overlap): the upgrade itself then says why."""
    from alembic.script.revision import RevisionError

    try:
        return len(list(scripts.iterate_revisions(revision, tuple(before.split(",")) if before else "base")))
    except RevisionError:
        return None


def upgrade(engine: Engine, revision: str = "head",
            steps: Steps | None = None) -> tuple[str | None, str | None]:
    """Upgrade to ``revision`` in one transaction; returns (revision before, revision after). ``steps`` is told
    「升级数据库结构」 with the migrations applied of those to apply, after each (``perfbudget db upgrade``'s bar: a
    migration rewriting every project of a large store takes minutes; none was told until faces45)."""
    from alembic import command
    from alembic.script import ScriptDirectory

    with write_transaction(engine, moves=None) as connection:
        if is_postgres(connection):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK})")
        before = current_revision(connection)
        config = alembic_config(connection)
        if steps is not None:
            pending = _pending(ScriptDirectory.from_config(config), revision, before)
            told = steps  # (for the closure below: mypy keeps the narrowing)
            applied = [0]

            def one_applied(**_: Any) -> None:
                applied[0] += 1
                told("升级数据库结构", applied[0], pending)

            if pending != 0:  # (None: not counted, a bar without a count)
                told("升级数据库结构", 0, pending)
            config.attributes["on_version_apply"] = one_applied
        command.upgrade(config, revision)
        after = current_revision(connection)
    return before, after


def ensure_schema(engine: Engine) -> None:
    """Migrate a new database; refuse one at an older revision (:class:`SchemaOutdatedError`)."""
    with read_transaction(engine) as connection:
        current = current_revision(connection)
    head = head_revision()
    if current == head:
        return
    if current is None:
        upgrade(engine)
        return
    raise SchemaOutdatedError(current, head)


def _main() -> None:
    parser = argparse.ArgumentParser(prog="python -m perfbudget.store.migrate",
                                     description="Developer helper: write a new migration script.")
    sub = parser.add_subparsers(dest="action", required=True)
    revision = sub.add_parser("revision", help="autogenerate a migration from store/schema.py")
    revision.add_argument("-m", "--message", required=True)
    revision.add_argument("--db", required=True, help="a database at head to compare the models with")
    args = parser.parse_args()
    from alembic import command

    engine = make_engine(args.db)
    with write_transaction(engine, moves=None) as connection:
        command.revision(alembic_config(connection), message=args.message, autogenerate=True)


if __name__ == "__main__":
    _main()
