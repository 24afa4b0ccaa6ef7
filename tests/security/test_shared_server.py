"""perfbudget as a tool on a shared server (attack10, 2026-12-03): what it leaves for other local users."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from perfbudget.app.accounts import create_user
from perfbudget.app.roles import Role
from perfbudget.store import Store


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> object:
    """The common umask 022: files are created readable by everyone unless the program says otherwise."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.mark.usefixtures("open_umask")
def test_a_new_sqlite_database_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "perfbudget.db"
    store = Store(f"sqlite:///{path}")
    create_user(store.engine, "admin", "a-long-secret-pass", Role.ADMIN)  # password hashes, the signing key
    for name in ("perfbudget.db", "perfbudget.db-wal", "perfbudget.db-shm"):
        if (tmp_path / name).exists():
            assert _mode(tmp_path / name) == 0o600, name
    store.engine.dispose()


@pytest.mark.usefixtures("open_umask")
def test_an_existing_database_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    Store(f"sqlite:///{path}").engine.dispose()
    path.chmod(0o640)  # an operator's choice (a backup group) stays
    Store(f"sqlite:///{path}").engine.dispose()
    assert _mode(path) == 0o640


# A server nobody listens on (port 1), with a password in its URL.
DOWN = "postgresql+psycopg://bob:S3cret-pw@127.0.0.1:1/perfbudget"


@pytest.mark.parametrize("command", [
    ["user", "list"], ["user", "token", "admin"],
    ["user", "add", "zz", "--role", "admin", "--password", "Aa-123456789xyz"],
    ["user", "passwd", "admin", "--password", "Aa-123456789xyz"], ["serve", "--port", "1"], ["list", "projects"],
])
def test_an_unreachable_database_gives_a_message_without_its_password(command: list[str]) -> None:
    """``user …`` printed a traceback, ``serve`` the URL with its password (found by attack10)."""
    from typer.testing import CliRunner

    from perfbudget.cli import app

    result = CliRunner().invoke(app, [*command, "--db", DOWN])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "S3cret" not in result.output
    assert "bob:***@127.0.0.1" in result.output
