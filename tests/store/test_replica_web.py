"""The web app and the API with a streaming replica (``serve --replica-db``): other users read the
replica, the user who just wrote reads the primary until the replica holds the write."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI

from tests.store.test_replica import Pair, caught_up, pg_pair, replay_control, replay_paused  # noqa: F401
from tests.web.conftest import WebEnv, csrf_of, populate
from tests.web.helpers import project_form, stored_project

pytestmark = pytest.mark.postgres


def make_routed_app(pair: Pair) -> FastAPI:
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    return create_app(WebConfig(database_url=pair.primary, replica_url=pair.replica,
                                secret_key="test-secret-key-" + "x" * 32))


@pytest.fixture
def routed_web(pg_pair: Pair, seed_path: Path) -> Iterator[WebEnv]:  # noqa: F811
    app = make_routed_app(pg_pair)
    env = populate(app, seed_path)
    caught_up(app.state.store)
    yield env
    app.state.store.close()


def test_pages_read_the_replica_except_for_the_user_who_just_wrote(routed_web: WebEnv, pg_pair: Pair) -> None:  # noqa: F811
    web = routed_web
    pid = web.project_ids[0]
    editor, viewer = web.client("editor"), web.client("viewer")
    project, version = stored_project(web.app, pid)
    assert "≥42次" not in viewer.get(f"/projects/{pid}").text
    # The viewer's sign-in was a write: until the replica holds it, the viewer rightly reads the primary
    # (on a busy machine the replica may still lag here). Let it catch up before pausing the replay.
    caught_up(web.app.state.store)
    form = project_form(project, csrf_of(editor, "/account"), version, {1: "≥42次"})
    with replay_paused(pg_pair):
        saved = editor.post(f"/projects/{pid}/edit", data=form)  # the redirect is followed: a read after the write
        assert f"已保存为第 {version + 1} 版" in saved.text and "≥42次" in saved.text
        assert "≥42次" in editor.get(f"/projects/{pid}").text  # the writer's next request: the primary
        assert "≥42次" not in viewer.get(f"/projects/{pid}").text  # everyone else: the replica, behind
        token = web.token("reviewer")
        api = web.client()  # a script with a token and no cookie jar use: the API reads the replica too
        listed = api.get(f"/api/v1/projects/{pid}", headers={"Authorization": f"Bearer {token}"})
        assert listed.status_code == 200 and "≥42次" not in listed.text
    caught_up(web.app.state.store)
    assert "≥42次" in viewer.get(f"/projects/{pid}").text
    assert "≥42次" in editor.get(f"/projects/{pid}").text


def test_the_dashboard_version_follows_the_reads(routed_web: WebEnv, pg_pair: Pair) -> None:  # noqa: F811
    """The dashboard cache is keyed by the data version read where the data is read: a user behind the
    replica never gets aggregates stored under a newer version, and the writer never gets older ones."""
    web = routed_web
    pid = web.project_ids[0]
    editor, viewer = web.client("editor"), web.client("viewer")
    before = viewer.get("/dashboard?year=all").text
    # The viewer's own sign-in was a write: until the replica holds it, the viewer rightly reads the
    # primary. Let the replica catch up first, so that the viewer has nothing pending.
    caught_up(web.app.state.store)
    with replay_paused(pg_pair):
        editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, "/account"),
                                                       "action": "submit", "justification": "已核对"})
        mine = editor.get("/projects?year=all&state=submitted").text
        theirs = viewer.get("/projects?year=all&state=submitted").text
        assert 'id="list-total">共 1 个' in mine and 'id="list-total">共 1 个' not in theirs
        assert viewer.get("/dashboard?year=all").text == before
    caught_up(web.app.state.store)
    assert 'id="list-total">共 1 个' in viewer.get("/projects?year=all&state=submitted").text


def test_an_api_write_returns_once_the_replica_holds_it(routed_web: WebEnv, pg_pair: Pair) -> None:  # noqa: F811
    """A token client may keep no cookie: its write's response waits (up to a second) for the replica,
    so its very next request, on a fresh connection, reads its own write from the replica."""
    import threading
    import time

    web = routed_web
    pid = web.project_ids[0]
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    caught_up(web.app.state.store)
    with replay_control(pg_pair) as conn:
        conn.execute("SELECT pg_wal_replay_pause()")  # type: ignore[attr-defined]
        resume = threading.Timer(0.4, lambda: conn.execute("SELECT pg_wal_replay_resume()"))  # type: ignore[attr-defined]
        resume.start()
        try:
            started = time.monotonic()
            moved = web.client().post(f"/api/v1/projects/{pid}/workflow", headers=headers,
                                      json={"action": "submit", "justification": "已核对"})
            waited = time.monotonic() - started
            assert moved.status_code == 200 and moved.json()["state"] == "submitted", moved.text
            history = web.client().get(f"/api/v1/projects/{pid}/history", headers=headers).json()
            assert [e["to_state"] for e in history["workflow"]] == ["submitted"]
            assert waited >= 0.3  # the response waited for the replay to resume
        finally:
            resume.join()
