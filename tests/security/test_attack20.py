"""Found by attack20 (2026-12-05) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tests.web.conftest import WebEnv


def _api(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


@pytest.mark.parametrize(("path", "status"), [
    ("/projects/2147483648", 404),  # an id past the database's integer: the URL guard's 404
    ("/api/v1/projects/99999999999", 404),
    ("/projects?q=%00", 400),  # a NUL: the guard's 400
    ("/api/v1/projects?q=a%00b", 400),
    ("/dashboard/", 307),  # a trailing slash: the guard's redirect
])
def test_the_url_guards_own_answers_say_no_store(web: WebEnv, path: str, status: int) -> None:
    # Every page, download and API answer says `Cache-Control: no-store`; the URL guard's own answers (an over-long
    # id, a NUL, a trailing slash, an unauthenticated POST, a body too large) carried none (attack19's left item).
    for client in (web.client("editor"), web.client()):
        answer = client.get(path, follow_redirects=False)
        assert answer.status_code == status, answer.text[:200]
        assert answer.headers.get("cache-control") == "no-store", dict(answer.headers)


def test_the_guards_refusals_of_a_body_say_no_store(web: WebEnv) -> None:
    client = web.client()
    unauthenticated = client.post("/api/v1/documents", content=b"{}")
    assert unauthenticated.status_code == 401 and unauthenticated.headers.get("cache-control") == "no-store"
    too_large = client.post("/api/v1/documents", headers={**_api(web, "editor"), "Content-Length": str(10**9)},
                            content=b"{}")
    assert too_large.status_code == 413 and too_large.headers.get("cache-control") == "no-store"
    over_https = web.client().get("/projects/2147483648", headers={"X-Forwarded-Proto": "https"})
    assert over_https.headers.get("cache-control") == "no-store"


def test_a_backup_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    # The store is made 0600 (attack10: it holds password hashes, token and session hashes and the key signing the
    # session cookie); `perfbudget db backup` wrote its copy with the process's umask, 0644 on most servers: every
    # local user could read the session key from the backup and sign a cookie as any account.
    import os

    from typer.testing import CliRunner

    from perfbudget.cli import app

    db, copy, restored = tmp_path / "p.db", tmp_path / "copy.db", tmp_path / "restored.db"
    previous = os.umask(0o022)
    try:
        runner = CliRunner()
        made = runner.invoke(app, ["user", "add", "boss", "--role", "admin", "--password", "Passw0rd-long", "--db",
                                   f"sqlite:///{db}"])
        assert made.exit_code == 0, made.output
        assert stat.S_IMODE(db.stat().st_mode) == 0o600
        done = runner.invoke(app, ["db", "backup", str(copy), "--db", f"sqlite:///{db}"])
        assert done.exit_code == 0, done.output
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        back = runner.invoke(app, ["db", "restore", str(copy), "--db", f"sqlite:///{restored}"])
        assert back.exit_code == 0, back.output
        assert stat.S_IMODE(restored.stat().st_mode) == 0o600  # a store made by a restore, as one made by any command
    finally:
        os.umask(previous)
