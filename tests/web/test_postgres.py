"""The key web flows on PostgreSQL (``pg_url``): sign-in, permissions, edit with stale refusal, workflow, API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.conftest import WebEnv, csrf_of, make_app, populate
from tests.web.helpers import project_form, stored_project

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_web(pg_url: str, seed_path: Path) -> Iterator[WebEnv]:
    app = make_app(pg_url)
    yield populate(app, seed_path)
    app.state.engine.dispose()


def test_key_flows_on_postgres(pg_web: WebEnv) -> None:
    web = pg_web
    pid = web.project_ids[0]
    assert web.client("other_editor").get(f"/projects/{pid}").status_code == 404
    assert web.client("viewer").get(f"/projects/{pid}/edit").status_code == 403
    board = web.client("admin").get("/dashboard?year=all").text
    assert 'id="stat-projects">11<' in board
    project, version = stored_project(web.app, pid)
    editor, admin = web.client("editor"), web.client("admin")
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥42次"}))
    assert f"已保存为第 {version + 1} 版" in saved.text
    stale = admin.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(admin, "/account"), version))
    assert stale.status_code == 409 and "保存被拒绝" in stale.text
    token = web.token("reviewer")
    headers = {"Authorization": f"Bearer {token}"}
    editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, "/account"), "action": "submit"})
    returned = web.client().post(f"/api/v1/projects/{pid}/workflow", headers=headers,
                                 json={"action": "return", "comment": "补充说明"})
    assert returned.json()["state"] == "returned"
    history = web.client().get(f"/api/v1/projects/{pid}/history", headers=headers).json()
    assert [e["to_state"] for e in history["workflow"]] == ["submitted", "returned"]
