"""The page, account and dashboard caches: never another scope's page, never a page from before a change.

A second app on the same SQLite file stands for a second worker (its own caches); one test
changes the data from a separate Python process, as another worker or the CLI would.
"""

from __future__ import annotations

import re
from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import PASSWORD, WebEnv, csrf_of, login, make_app
from tests.web.helpers import change_password_in_another_process, project_form, stored_project


def _state_of(page: str) -> str:
    found = re.search(r"(草稿|已送审|已退回|审核通过)", page)
    assert found
    return found.group(1)


def _csrf_in(page: str) -> set[str]:
    return set(re.findall(r'name="csrf_token" value="([^"]+)"', page))


def test_a_cached_page_is_never_served_to_another_scope(web: WebEnv) -> None:
    pages = web.app.state.pages
    pid, other = web.project_ids[0], web.other_project_id
    admin, editor, other_editor = web.client("admin"), web.client("editor"), web.client("other_editor")
    assert admin.get(f"/projects/{other}").status_code == 200
    assert admin.get(f"/projects/{pid}").status_code == 200
    assert pages.misses >= 2 and len(pages) >= 2
    # The admin's pages are cached; unit editors still get 404 for other units' projects, by URL.
    assert editor.get(f"/projects/{other}").status_code == 404
    assert other_editor.get(f"/projects/{pid}").status_code == 404
    for _ in range(2):
        assert "其他测试单位" not in editor.get("/dashboard?year=all").text
        mine = other_editor.get("/dashboard?year=all").text
        assert 'id="stat-projects">1<' in mine and 'id="stat-units">1<' in mine
    assert 'id="stat-projects">11<' in admin.get("/dashboard?year=all").text
    # What the role allows is part of the page: the editor's page of its own project offers editing,
    # the reviewer's (same project, after the editor's page was cached) does not.
    assert 'id="edit-link"' in editor.get(f"/projects/{pid}").text
    assert 'id="edit-link"' not in web.client("reviewer").get(f"/projects/{pid}").text


def test_users_of_one_role_share_pages_but_each_sees_own_name_and_token(web: WebEnv) -> None:
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role

    assert not isinstance(create_user(web.app.state.engine, "admin2", PASSWORD, Role.ADMIN,
                                      display_name="<b>第二管理员</b>"), str)
    pid = web.project_ids[0]
    first, second = web.client("admin"), web.client("admin2")
    page1 = first.get(f"/projects/{pid}").text
    hits = web.app.state.pages.hits
    page2 = second.get(f"/projects/{pid}").text
    assert web.app.state.pages.hits == hits + 1  # the same rendered page
    assert "&lt;b&gt;第二管理员&lt;/b&gt;" in page2 and "<b>第二管理员" not in page2 and "第二管理员" not in page1
    token1, token2 = _csrf_in(page1), _csrf_in(page2)
    assert token1 == {csrf_of(first, "/account")} and token2 == {csrf_of(second, "/account")}
    assert token1 != token2
    for page in (page1, page2):
        assert "placeholder-" not in page
        assert f'"X-CSRF-Token": "{next(iter(_csrf_in(page)))}"' in page


def test_an_edit_shows_at_once_to_its_author_and_to_a_second_worker(web: WebEnv) -> None:
    pid = web.project_ids[0]
    worker2 = make_app(web.url)
    try:
        editor = web.client("editor")
        reviewer2 = TestClient(worker2, base_url="http://testserver")
        login(reviewer2, "reviewer")
        project, version = stored_project(web.app, pid)
        old = project.indicators[0].target.raw
        assert old in editor.get(f"/projects/{pid}").text and old in reviewer2.get(f"/projects/{pid}").text
        saved = editor.post(f"/projects/{pid}/edit",
                            data=project_form(project, csrf_of(editor, "/account"), version, {1: "≥987次"}))
        assert saved.status_code == 200
        assert "≥987次" in editor.get(f"/projects/{pid}").text
        assert "≥987次" in reviewer2.get(f"/projects/{pid}").text
    finally:
        worker2.state.engine.dispose()


def test_a_workflow_step_in_one_worker_shows_in_the_other_and_on_its_dashboard(web: WebEnv) -> None:
    pid = web.project_ids[0]
    worker2 = make_app(web.url)
    try:
        reviewer1 = web.client("reviewer")
        editor2 = TestClient(worker2, base_url="http://testserver")
        login(editor2, "editor")
        assert _state_of(reviewer1.get(f"/projects/{pid}").text) == "草稿"
        before = reviewer1.get("/dashboard?year=all").text
        done = editor2.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor2, "/account"),
                                                               "action": "submit", "comment": ""})
        assert "已送审" in done.text
        assert _state_of(reviewer1.get(f"/projects/{pid}").text) == "已送审"
        after = reviewer1.get("/dashboard?year=all").text
        assert after != before and "草稿 → <strong>已送审</strong>" in after
    finally:
        worker2.state.engine.dispose()


def test_an_import_invalidates_cached_pages(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    editor = web.client("editor")
    pid = web.project_ids[0]
    assert "≥13次" not in editor.get("/dashboard?year=all").text
    page = editor.get(f"/projects/{pid}").text
    assert "≥12次" in page
    text = seed_path.read_text(encoding="utf-8").replace("≥12次", "≥13次", 1)
    preview = editor.post("/upload", data={"csrf_token": csrf_of(editor, "/upload")},
                          files={"file": ("新版.txt", text.encode("utf-8"), "text/plain")})
    confirm = re.search(r'action="(/upload/\d+/confirm)"', preview.text)
    assert confirm
    editor.post(confirm.group(1), data={"csrf_token": csrf_of(editor, "/upload")})
    assert "≥13次" in editor.get(f"/projects/{pid}").text


def test_a_password_change_in_another_process_ends_the_cached_session(web: WebEnv) -> None:
    admin = web.client("admin")
    assert admin.get("/dashboard").status_code == 200
    assert admin.get("/dashboard").status_code == 200  # the account now comes from the cache
    change_password_in_another_process(web.url, "admin", "a-new-password-2")
    response = admin.get("/dashboard", follow_redirects=False)
    assert response.status_code in (302, 303) and "/login" in response.headers["location"]


def test_data_version_changes_on_every_data_commit_from_anywhere(web: WebEnv) -> None:
    from sqlalchemy import text

    from perfbudget.store.engine import make_engine, write_transaction

    version = web.app.state.data_version
    assert version.cheap and version.kind == "sqlite-change-counters"
    first = version.current()
    assert version.current() == first  # reading changes nothing
    with write_transaction(web.app.state.engine) as connection:  # this process
        connection.execute(text("UPDATE users SET display_name = 'y' WHERE username = 'viewer'"))
    second = version.current()
    assert second != first
    other = make_engine(web.url)  # another connection, as another worker has
    with write_transaction(other) as connection:
        connection.execute(text("UPDATE users SET display_name = 'x' WHERE username = 'viewer'"))
    other.dispose()
    assert version.current() != second


def _counters(url: str) -> tuple[int, int]:
    from sqlalchemy import text

    from perfbudget.store.engine import make_engine

    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT data, accounts FROM change_counters")).one()
    finally:
        engine.dispose()
    return int(row[0]), int(row[1])


def test_sign_ins_session_touches_and_sign_outs_leave_the_page_caches_be(any_web: WebEnv,
                                                                         monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Writes no page holds — a sign-in, a session touched (every five minutes of each signed-in user), a
    wrong password's audit row, an API token made — move no counter; a sign-out moves ``accounts`` only
    (the account cache's), so the pages, lists and dashboards cached stay; the signed-out session is refused
    at once all the same."""
    from datetime import timedelta

    from perfbudget.app.accounts import create_token
    from perfbudget.web import sessions
    from tests.web.conftest import login

    web, pid = any_web, any_web.project_ids[0]
    admin = web.client("admin")
    assert admin.get(f"/projects/{pid}").status_code == 200 and admin.get("/projects?year=all").status_code == 200
    pages = web.app.state.pages
    hits, before = pages.hits, _counters(web.url)
    reviewer = web.client("reviewer")  # a sign-in
    guesser = web.client()
    assert guesser.post("/login", data={"username": "viewer", "password": "wrong",
                                        "csrf_token": csrf_of(guesser)}).status_code == 401
    create_token(web.app.state.engine, 1, "bench", None)
    monkeypatch.setattr(sessions, "_TOUCH_EVERY", timedelta(seconds=0))  # every session touched when used
    assert admin.get("/dashboard").status_code == 200
    assert _counters(web.url) == before
    assert admin.get(f"/projects/{pid}").status_code == 200 and admin.get("/projects?year=all").status_code == 200
    assert pages.hits == hits + 2  # both still cached
    copied = dict(reviewer.cookies)
    out = reviewer.post("/logout", data={"csrf_token": csrf_of(reviewer, "/account")}, follow_redirects=False)
    assert out.status_code in (302, 303)
    after = _counters(web.url)
    assert after[0] == before[0] and after[1] == before[1] + 1
    assert admin.get(f"/projects/{pid}").status_code == 200 and pages.hits == hits + 3
    stolen = web.client()
    stolen.cookies.update(copied)
    refused = stolen.get("/dashboard", follow_redirects=False)
    assert refused.status_code in (302, 303) and "/login" in refused.headers["location"]
    login(web.client(), "reviewer")


def test_a_cli_import_into_the_same_database_is_seen_at_once(any_web: WebEnv, seed_path,  # type: ignore[no-untyped-def]
                                                             tmp_path) -> None:
    """``perfbudget import`` run in another process on the database the web serves: the cached project page,
    list and dashboard show the new version at once."""
    import subprocess
    import sys

    web, pid = any_web, any_web.project_ids[0]
    admin = web.client("admin")
    assert "≥12次" in admin.get(f"/projects/{pid}").text
    listed = admin.get("/projects?year=all").text
    board = admin.get("/dashboard?year=all").text
    assert "≥12次" in admin.get(f"/projects/{pid}").text  # cached
    changed = tmp_path / "新版.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("≥12次", "≥13次", 1), encoding="utf-8")
    before = _counters(web.url)
    done = subprocess.run([sys.executable, "-m", "perfbudget", "import", str(changed), "--db", web.url],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert _counters(web.url)[0] > before[0]
    page = admin.get(f"/projects/{pid}").text
    assert "≥13次" in page and "≥12次" not in page.split("≥13次")[0][-2000:]
    assert admin.get("/projects?year=all").text != listed  # the new version's date or count
    assert admin.get("/dashboard?year=all").status_code == 200 and board


def test_a_page_asked_while_it_is_being_built_is_built_once(web: WebEnv, monkeypatch: Any) -> None:
    """Five requests at once for a list not yet cached: one build (routes.common.cached_page's single flight),
    five equal pages; an administrator's and a reviewer's list then share its rows (one query of the rows for
    the scope of every unit), each with its own page."""
    import asyncio
    import time

    import httpx

    from perfbudget.web.routes import worklist

    builds: list[str] = []
    queries: list[str] = []
    build, query = worklist.list_page, worklist.list_projects

    def slow_build(request: Any, principal: Any, params: Any) -> Any:
        builds.append(principal.username)
        time.sleep(0.3)  # long enough for the other requests to arrive while it is built
        return build(request, principal, params)

    def counted_query(tx: Any, principal: Any, q: Any) -> Any:
        queries.append(principal.username)
        return query(tx, principal, q)

    monkeypatch.setattr(worklist, "list_page", slow_build)
    monkeypatch.setattr(worklist, "list_projects", counted_query)
    cookie = dict(web.client("admin").cookies)

    async def five() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=web.app), base_url="http://testserver",
                                     cookies=cookie) as client:
            return list(await asyncio.gather(*(client.get("/projects?year=all&sort=budget") for _ in range(5))))

    pages = asyncio.run(five())
    blanked = {re.sub(r'(name="csrf_token" value="|"X-CSRF-Token": ")[^"]*"', "", p.text) for p in pages}
    assert [p.status_code for p in pages] == [200] * 5 and len(blanked) == 1  # each session's token its own
    assert builds == ["admin"] and queries == ["admin"]
    reviewer = web.client("reviewer").get("/projects?year=all&sort=budget")
    assert reviewer.status_code == 200 and "/admin/users" not in reviewer.text and "/admin/users" in pages[0].text
    assert builds == ["admin", "reviewer"] and queries == ["admin"]  # the rows shared, the page the reviewer's own
    assert web.client("editor").get("/projects?year=all&sort=budget").status_code == 200
    assert queries == ["admin", "editor"]  # another scope: its own rows
