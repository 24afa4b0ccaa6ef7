"""Found by attacking a fresh server as an outsider (round attack9, 2026-12-03); each test failed before its fix.

The same checks on SQLite (``web``) and PostgreSQL (``pg_web``) where the databases differ.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import WebEnv, csrf_of, make_app, populate


@pytest.fixture
def pg_web(pg_url: str, seed_path: Path) -> Iterator[WebEnv]:
    app = make_app(pg_url)
    yield populate(app, seed_path)
    app.state.engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_web(request: pytest.FixtureRequest) -> WebEnv:
    """The populated app on SQLite, then on PostgreSQL."""
    name = "web" if request.param == "sqlite" else "pg_web"
    env: WebEnv = request.getfixturevalue(name)
    return env


# --- a NUL character (U+0000) in a URL or a form: 500 before (PostgreSQL refuses it in text; SQLite's
# full-text MATCH stops at it: "unterminated string") ------------------------------------------------------

NUL_URLS = ["/projects?q=%00", "/projects?q=a%00b", "/projects?unit=%00", "/projects?fund=%00",
            "/admin/audit?action=%00", "/admin/audit?user=%00", "/library?q=a%00b", "/api/v1/projects?unit=%00",
            "/api/v1/library?q=a%00b", "/api/v1/audit?action=%00", "/projects/%00"]


def test_a_nul_in_the_url_is_a_clear_400(any_web: WebEnv) -> None:
    client = any_web.client("admin")
    headers = {"Authorization": f"Bearer {any_web.token('admin')}"}
    for url in NUL_URLS:
        response = client.get(url, headers=headers)
        assert response.status_code == 400, (url, response.status_code, response.text[:200])
        assert "空字符" in response.text, url
    assert client.get("/projects?q=%E4%BF%A1%E6%81%AF").status_code == 200  # an ordinary search still works


def test_a_nul_in_a_form_is_a_clear_400_and_nothing_is_stored(any_web: WebEnv) -> None:
    client = any_web.client("admin")
    token = csrf_of(client, "/account")
    response = client.post("/account/tokens", data={"csrf_token": token, "name": "令牌\x00名"})
    assert response.status_code == 400 and "空字符" in response.text, response.text[:300]
    from sqlalchemy import select

    from perfbudget.web.tables import api_tokens

    with any_web.app.state.engine.connect() as connection:
        assert connection.execute(select(api_tokens.c.id).where(api_tokens.c.name.like("令牌%"))).first() is None
    anonymous = TestClient(any_web.app, base_url="http://testserver")
    response = anonymous.post("/login", data={"csrf_token": csrf_of(anonymous), "username": "adm\x00in",
                                              "password": "whatever-123"})
    assert response.status_code == 400 and "空字符" in response.text, response.text[:300]


# --- the indicator library named other units' projects to a unit-bound user: the examples (project,
# unit, indicator, target, link) on 指标库 and in the API, and /api/v1/projects/{id}/similar listed another
# unit's projects with every indicator and target, although those projects answer 404 to that user -------

def test_the_library_shows_a_unit_bound_user_no_other_units_projects(web: WebEnv) -> None:
    from perfbudget.library.build import build_library

    build_library(web.app.state.store)
    other = web.other_project_id
    seed_unit, other_unit = "255101", "999001"
    for role, own in (("other_editor", other_unit), ("editor", seed_unit)):
        headers = {"Authorization": f"Bearer {web.token(role)}"}
        client = web.client(role)
        own_project = other if role == "other_editor" else web.project_ids[0]
        similar = client.get(f"/api/v1/projects/{own_project}/similar", headers=headers).json()["similar"]
        assert all(p["unit_code"] == own for p in similar), (role, [p["unit_code"] for p in similar])
        groups = client.get("/api/v1/library?q=满意度&limit=20", headers=headers).json()["groups"]
        assert groups and all(e["unit_code"] == own for g in groups for e in g["examples"]), role
        group = client.get(f"/api/v1/library/groups/{groups[0]['id']}", headers=headers).json()
        assert all(e["unit_code"] == own for e in group["examples"]), role
        for page in ("/library", "/library?q=满意度", f"/library/groups/{groups[0]['id']}"):
            text = client.get(page).text
            foreign_links = [f'href="/projects/{p}"' for p in ([other] if role == "editor" else web.project_ids)]
            assert not any(link in text for link in foreign_links), (role, page)
    # an all-units reader still sees every unit's examples and similar projects
    headers = {"Authorization": f"Bearer {web.token('reviewer')}"}
    similar = web.client().get(f"/api/v1/projects/{other}/similar", headers=headers).json()["similar"]
    assert {p["unit_code"] for p in similar} == {seed_unit}
