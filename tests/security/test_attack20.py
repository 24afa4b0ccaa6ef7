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


@pytest.mark.parametrize("value", ["x\x01y", "\ufffe"])
@pytest.mark.parametrize("name", ["q", "unit", "fund"])
def test_a_filter_holding_a_control_character_is_refused_by_name_not_a_500(web: WebEnv, name: str,
                                                                           value: str) -> None:
    # The lists' exports name their filters in the title row; openpyxl refuses a control character or a
    # non-character there, and `GET /lists/projects.xlsx?q=x%01y` (every view) and `GET /api/v1/projects?format=xlsx&…`
    # answered 500 for every role. No stored text may hold one (app.validate), so no such filter finds anything:
    # it is refused as any bad filter is, naming it, on every face.
    page = web.client("editor")
    for path in ("/lists/projects.xlsx", "/lists/evaluations.xlsx", "/lists/projects.csv"):
        answer = page.get(path, params={name: value})
        assert answer.status_code == 422, (path, answer.status_code, answer.text[:300])
        assert "控制字符" in answer.text
    queue = web.client("reviewer").get("/lists/queue.xlsx", params={name: value})
    assert queue.status_code == 422, queue.text[:300]
    for fmt in ("xlsx", "csv", "json"):
        api = web.client().get("/api/v1/projects", params={name: value, "format": fmt}, headers=_api(web, "editor"))
        assert api.status_code == 422, (fmt, api.text[:300])
        assert api.json()["error"]["details"][0]["name"] == name
    listed = page.get("/projects", params={name: value})  # the page: said above the list, the other filters kept
    assert listed.status_code == 200 and "控制字符" in listed.text


def test_a_restore_from_a_pipe_is_refused_not_waited_on(tmp_path: Path) -> None:
    # `perfbudget db restore FIFO` opened the pipe to look at its first bytes and waited for a writer for ever (the
    # readers refuse a device, FIFO or socket by name since attack9).
    import os
    import subprocess
    import sys

    pipe = tmp_path / "backup.db"
    os.mkfifo(pipe)
    done = subprocess.run([sys.executable, "-m", "perfbudget", "db", "restore", str(pipe), "--db",
                           f"sqlite:///{tmp_path / 'p.db'}"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "不是普通文件" in done.stderr, done.stderr
    assert not (tmp_path / "p.db").exists()


def test_list_exports_at_once_are_bounded_per_process(web: WebEnv) -> None:
    # Any signed-in user could start any number of list exports at once: an xlsx of 20,000 rows costs 6.8 s of CPU,
    # six at once 35 s and took the server from 276 to 627 MB (100,000 rows: some 35 s each). Two at a time per
    # process now; another is refused at once, saying why (no worker thread waits in a queue).
    from perfbudget.app.project_lists import MOST_EXPORTS_AT_ONCE, export_slot

    assert MOST_EXPORTS_AT_ONCE == 2
    page, headers = web.client("viewer"), _api(web, "viewer")
    with export_slot(), export_slot():  # two exports in flight
        for answer in (page.get("/lists/projects.xlsx"), page.get("/lists/evaluations.csv"),
                       web.client().get("/api/v1/projects", params={"format": "xlsx"}, headers=headers)):
            assert answer.status_code == 429, answer.text[:300]
            assert "同时在生成的列表导出已达上限" in answer.text
        assert web.client().get("/api/v1/projects", headers=headers).status_code == 200  # a page of JSON: no export
    with export_slot():  # one in flight: the next one is written
        assert page.get("/lists/projects.xlsx").status_code == 200
    assert page.get("/lists/projects.csv").status_code == 200  # every place given back
    assert page.get("/lists/projects.csv").status_code == 200
