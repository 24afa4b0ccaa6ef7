"""The key web flows on PostgreSQL (``pg_url``): sign-in, permissions, edit with stale refusal, workflow, API."""

from __future__ import annotations

import pytest

from tests.web.conftest import WebEnv, csrf_of, make_app
from tests.web.helpers import change_password_in_another_process, project_form, stored_project

pytestmark = pytest.mark.postgres


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


def test_the_desk_on_postgres(pg_web: WebEnv) -> None:
    """The to-do counts, the project list (every sort, search, filters) and the review desk on PostgreSQL."""
    import re

    web = pg_web
    editor, reviewer = web.client("editor"), web.client("reviewer")
    pid = web.project_ids[0]
    editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, "/account"), "action": "submit",
                                                   "justification": "已核对"})
    board = reviewer.get("/dashboard").text
    assert re.search(r'id="todo-submitted" href="[^"]+"><span class="n">1<', board)
    assert re.search(r'id="todo-draft"', editor.get("/dashboard?year=all").text)
    for sort in ("unit", "name", "year", "budget", "grade", "errors", "state", "submitted"):
        page = reviewer.get(f"/projects?year=all&sort={sort}&desc=1&q=2024&grade=良&state=draft&fund=中央")
        assert page.status_code == 200, (sort, page.text[:500])
    assert 'id="list-total">共 10 个' in reviewer.get("/projects?year=all&q=255101").text
    assert 'id="list-total">共 0 个' in reviewer.get("/projects?year=all&dimension=完整性&state=approved").text
    bars = re.findall(r'<a href="([^"]+dimension=[^"]+)" class="bar-link"><title>([^<：]+)：(\d+)</title>',
                      reviewer.get("/dashboard?year=all").text)
    assert len(bars) == 5 and any(int(n) for _, _, n in bars)
    for href, label, value in bars:
        assert f'id="list-total">共 {value} 个' in reviewer.get(href.replace("&amp;", "&")).text, label
    desk = reviewer.get(f"/projects/{pid}/review").text
    key = re.search(r'name="key" value="([0-9a-f]{64})"', desk).group(1)  # type: ignore[union-attr]
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    reviewer.post(f"/projects/{pid}/review/decide", data={"csrf_token": token, "key": key,
                                                          "decision": "dismissed", "reason": "不成立"})
    reviewer.post(f"/projects/{pid}/review/grade", data={"csrf_token": token, "grade": "优", "reason": ""})
    desk = reviewer.get(f"/projects/{pid}/review").text
    dimension = re.search(r'<tr class="desk-finding dismissed">.*?<strong>([^<]+)</strong>', desk, re.S)
    assert dimension, "the dismissed finding is on the desk"
    for href, label, value in re.findall(
            r'<a href="([^"]+dimension=[^"]+)" class="bar-link"><title>([^<：]+)：(\d+)</title>',
            reviewer.get("/dashboard?year=all").text):  # the decision's key computed on PostgreSQL's tables
        assert f'id="list-total">共 {value} 个' in reviewer.get(href.replace("&amp;", "&")).text, label
    assert "驳回（不成立）：不成立" in desk and 'id="reviewer-grade"><span class="badge g-优">' in desk
    assert reviewer.get(f"/projects/{pid}/opinion.docx").status_code == 200


def test_caches_on_postgres_serve_nothing_older_than_the_data(pg_web: WebEnv) -> None:
    """The data version on PostgreSQL is the store's change counters: unchanged by reads, changed by every
    data commit from anywhere; pages, sessions and accounts cached under it never outlive a change made by
    another worker or another process."""
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from perfbudget.store.engine import make_engine, write_transaction
    from tests.web.conftest import login

    web = pg_web
    version = web.app.state.data_version
    assert version.kind == "postgresql-change-counters" and not version.cheap
    reviewer1 = web.client("reviewer")  # signing in writes (session, audit)
    # Reading pages writes nothing (and commits elsewhere on the cluster no longer move the version).
    first = version.current()
    assert reviewer1.get("/dashboard?year=all").status_code == 200
    assert reviewer1.get("/projects?year=all").status_code == 200
    assert version.current() == first
    other = make_engine(web.url)
    with write_transaction(other) as connection:  # another process's commit
        connection.execute(text("UPDATE users SET display_name = 'x' WHERE username = 'viewer'"))
    other.dispose()
    assert version.current() != first

    pid = web.project_ids[0]
    worker2 = make_app(web.url)
    try:
        editor2 = TestClient(worker2, base_url="http://testserver")
        login(editor2, "editor")
        assert "草稿" in reviewer1.get(f"/projects/{pid}").text
        assert reviewer1.get(f"/projects/{pid}").status_code == 200  # now from the page cache
        done = editor2.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor2, "/account"),
                                                               "action": "submit", "comment": "",
                                                               "justification": "已核对"})
        assert done.status_code == 200
        assert "已送审" in reviewer1.get(f"/projects/{pid}").text  # the other worker's step, at once
        assert "已送审" in reviewer1.get("/projects?year=all&state=submitted").text
    finally:
        worker2.state.engine.dispose()

    admin = web.client("admin")
    assert admin.get("/dashboard").status_code == 200
    assert admin.get("/dashboard").status_code == 200  # session and account from the cache
    change_password_in_another_process(web.url, "admin", "a-new-password-2")
    response = admin.get("/dashboard", follow_redirects=False)
    assert response.status_code in (302, 303) and "/login" in response.headers["location"]
