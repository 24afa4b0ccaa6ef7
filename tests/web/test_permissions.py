"""Every route × every role: who may see and change what (pages and API).

The seed's projects belong to unit 255101; ``editor`` is that unit's editor and
``other_editor`` another unit's, for whom the seed's projects do not exist (404).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.routing import APIRoute

from tests.web.conftest import ROLES, WebEnv, csrf_of
from tests.web.helpers import approve

ALL = ("anonymous", *ROLES)
READERS = {"admin": 200, "reviewer": 200, "editor": 200, "other_editor": 404, "viewer": 200}
EDITORS = {"admin": 200, "reviewer": 403, "editor": 200, "other_editor": 404, "viewer": 403}
ANY_EDITOR = {"admin": 200, "reviewer": 403, "editor": 200, "other_editor": 200, "viewer": 403}
ADMIN_ONLY = {"admin": 200, "reviewer": 403, "editor": 403, "other_editor": 403, "viewer": 403}
SIGNED_IN = {"admin": 200, "reviewer": 200, "editor": 200, "other_editor": 200, "viewer": 200}

# (method, path, expected status per role); {p} is a seed project (unit 255101), {u} its unit.
PAGES = [
    ("GET", "/dashboard", SIGNED_IN),
    ("GET", "/projects", SIGNED_IN),
    ("GET", "/projects/{p}/review", READERS),
    ("GET", "/projects/{p}/opinion.html", READERS),
    ("GET", "/projects/{p}/opinion.docx", READERS),
    ("GET", "/units/{u}/opinion.html", READERS),
    ("GET", "/review/queue", {"admin": 200, "reviewer": 200, "editor": 403, "other_editor": 403, "viewer": 403}),
    ("GET", "/lists/queue.csv", {"admin": 200, "reviewer": 200, "editor": 403, "other_editor": 403, "viewer": 403}),
    ("GET", "/lists/projects.xlsx", SIGNED_IN),
    ("GET", "/lists/evaluations.csv", SIGNED_IN),
    ("GET", "/units/{u}", READERS),
    ("GET", "/projects/{p}", READERS),
    ("GET", "/projects/{p}/history", READERS),
    ("GET", "/projects/{p}/download/json", READERS),
    ("GET", "/projects/{p}/edit", EDITORS),
    ("GET", "/projects/{p}/evaluate", EDITORS),
    ("GET", "/projects/{p}/evaluate/template.xlsx", READERS),
    ("GET", "/projects/{p}/monitoring", READERS),
    ("GET", "/projects/{p}/monitoring/template.xlsx", READERS),
    ("GET", "/upload", ANY_EDITOR),
    ("GET", "/declare", ANY_EDITOR),
    ("GET", "/editor-row", SIGNED_IN),
    ("GET", "/admin/users", ADMIN_ONLY),
    ("GET", "/admin/audit", ADMIN_ONLY),
    ("GET", "/account", SIGNED_IN),
    ("POST", "/projects/{p}/check", EDITORS),
    ("GET", "/admin/audit/1", ADMIN_ONLY),
    ("GET", "/admin/tokens", ADMIN_ONLY),
    ("GET", "/library", SIGNED_IN),
    ("GET", "/library/editor-row", SIGNED_IN),
    ("GET", "/library/groups/1", SIGNED_IN),
    ("GET", "/library/suggest?q=检察", SIGNED_IN),
]
API = [
    ("GET", "/api/v1/me", SIGNED_IN),
    ("GET", "/api/v1/rules", SIGNED_IN),
    ("GET", "/api/v1/projects", SIGNED_IN),
    ("GET", "/api/v1/review/queue", {"admin": 200, "reviewer": 200, "editor": 403, "other_editor": 403,
                                     "viewer": 403}),
    ("GET", "/api/v1/evaluations?format=csv", SIGNED_IN),
    ("GET", "/api/v1/projects/{p}", READERS),
    ("GET", "/api/v1/projects/{p}/history", READERS),
    ("GET", "/api/v1/dashboard", SIGNED_IN),
    ("GET", "/api/v1/audit", ADMIN_ONLY),
    ("GET", "/api/v1/projects/{p}/download/json", READERS),
    ("POST", "/api/v1/projects/{p}/workflow", {"admin": 200, "reviewer": 200, "editor": 200, "other_editor": 404,
                                               "viewer": 403}),
    ("GET", "/api/v1/audit/1", ADMIN_ONLY),
    ("GET", "/api/v1/library?q=检察", SIGNED_IN),
    ("GET", "/api/v1/library/groups/1", SIGNED_IN),
    ("GET", "/api/v1/projects/{p}/desk", READERS),
    ("GET", "/api/v1/projects/{p}/opinion.docx", READERS),
    ("GET", "/api/v1/projects/{p}/similar", READERS),
    ("GET", "/api/v1/units/{u}/opinion.docx", READERS),
    # the opinion as HTML on the API, and any unit's by its id (replay-k)
    ("GET", "/api/v1/projects/{p}/opinion.html", READERS),
    ("GET", "/api/v1/units/{u}/opinion.html", READERS),
    ("GET", "/api/v1/units/by-id/{u}/opinion.docx", READERS),
    ("GET", "/api/v1/units/by-id/{u}/opinion.html", READERS),
    ("GET", "/api/v1/todo", SIGNED_IN),  # the to-do (replay-k)
    ("GET", "/api/v1/indicators", SIGNED_IN),
    ("GET", "/api/v1/units", SIGNED_IN),  # the units list; a unit's own account sees its unit only (replay-m)
    ("GET", "/api/v1/tokens", SIGNED_IN),
    ("GET", "/api/v1/users", ADMIN_ONLY),
    # a project's saved reviews and 自评/监控 records, the library's export (replay-l)
    ("GET", "/api/v1/projects/{p}/reviews", READERS),
    ("GET", "/api/v1/projects/{p}/evaluations", READERS),
    ("GET", "/api/v1/library/export/json", SIGNED_IN),
]


def _fill(path: str, web: WebEnv) -> str:
    from sqlalchemy import select

    from perfbudget.store.schema import projects

    with web.app.state.engine.connect() as connection:
        unit_id = connection.execute(select(projects.c.unit_id).where(projects.c.id == web.project_ids[0])).scalar()
    return path.format(p=web.project_ids[0], u=unit_id)


@pytest.mark.parametrize(("method", "path", "expected"), PAGES, ids=[f"{m} {p}" for m, p, _ in PAGES])
def test_page_permissions(web: WebEnv, method: str, path: str, expected: dict[str, int]) -> None:
    url = _fill(path, web)
    if path.endswith("/evaluate"):
        approve(web.app, web.project_ids[0])  # self-evaluation is offered for approved projects only
    anonymous = web.client()
    response = anonymous.request(method, url, follow_redirects=False,
                                 data={"csrf_token": csrf_of(anonymous)} if method == "POST" else None)
    assert response.status_code == 303 and response.headers["location"].startswith("/login"), url
    for role in ROLES:
        client = web.client(role)
        data = {"csrf_token": csrf_of(client, "/account")} if method == "POST" else None
        response = client.request(method, url, data=data, follow_redirects=False)
        assert response.status_code == expected[role], (role, url, response.text[:300])
        if expected[role] == 404:
            assert "绩效目标" not in response.text or "没有找到" in response.text


@pytest.mark.parametrize(("method", "path", "expected"), API, ids=[f"{m} {p}" for m, p, _ in API])
def test_api_permissions(web: WebEnv, method: str, path: str, expected: dict[str, int]) -> None:
    url = _fill(path, web)
    body = {"action": "comment", "comment": "已阅"} if method == "POST" else None
    anonymous = web.client().request(method, url, json=body)
    assert anonymous.status_code == 401
    assert set(anonymous.json()["error"]) == {"code", "message", "details"}
    for role in ROLES:
        token = web.token(role)
        response = web.client().request(method, url, json=body, headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == expected[role], (role, url, response.text[:300])
        if response.status_code >= 400:
            assert set(response.json()) == {"error"}
            assert set(response.json()["error"]) == {"code", "message", "details"}


def test_route_table_covers_every_route(web: WebEnv) -> None:
    """A new route must be added to the permission table (or to the explicitly covered elsewhere list)."""
    covered = {p for _, p, _ in PAGES + API}
    elsewhere = {  # covered by the flow tests (workflow, edit, upload, declare, evaluate, account, auth)
        "/", "/login", "/logout", "/projects/{project_id}/workflow", "/projects/{project_id}/edit",
        "/projects/{project_id}/evaluate", "/projects/{project_id}/evaluate/upload",
        "/projects/{project_id}/evaluation", "/projects/{project_id}/evaluation/download/{fmt}",
        "/projects/{project_id}/download/{fmt}", "/upload", "/upload/{upload_id}", "/upload/{upload_id}/confirm",
        "/declare", "/declare/check", "/admin/users", "/admin/users/{user_id}", "/account/password",
        "/account/tokens", "/account/tokens/{token_id}/revoke", "/api/docs",
        "/api/v1/projects/{project_id}", "/api/v1/documents", "/api/v1/projects/{project_id}/evaluation",
        # API uploads and downloads: tests/web/test_api_files.py
        "/api/v1/uploads", "/api/v1/uploads/{upload_id}", "/api/v1/uploads/{upload_id}/import",
        "/api/v1/projects/{project_id}/download/{fmt}", "/api/v1/projects/{project_id}/evaluation/download/{fmt}",
        "/api/v1/units/{unit}/publication/{fmt}",
        # monitoring's upload and downloads, page and API: tests/web/test_monitoring.py
        "/projects/{project_id}/monitoring/upload", "/projects/{project_id}/monitoring/download/{fmt}",
        "/api/v1/projects/{project_id}/monitoring", "/api/v1/projects/{project_id}/monitoring/download/{fmt}",
        # the reviewer's desk (tests/web/test_review_desk.py); the GET forms are in PAGES above
        "/upload/paste", "/projects/{project_id}/review/decide", "/projects/{project_id}/review/comment",
        "/projects/{project_id}/review/grade", "/projects/{project_id}/opinion.{fmt}",
        "/units/{unit_key}/opinion.{fmt}",
        # a unit by its id alone (a key that cannot be an address): tests/web/test_unit_addresses.py
        "/units/by-id/{unit_id}", "/units/by-id/{unit_id}/opinion.{fmt}",
        # a unit without a code by its name alone (page, opinion, publication; API and public page too): the same
        # (the name takes the rest of the path, 「/」 too: tests/web/test_faces_w.py)
        "/units/by-name/{name:path}", "/units/by-name/{name:path}/opinion.{fmt}",
        "/units/by-name/{name:path}/publication/{fmt}", "/public/units/by-name/{name:path}/{year}",
        "/api/v1/units/by-name/{name:path}/publication/{fmt}",
        "/api/v1/units/by-name/{name:path}/opinion.docx", "/api/v1/units/by-name/{name:path}/opinion.html",
        # a unit by its code alone, 「/」 and all (page, opinion, publication; API and public page too):
        # tests/web/test_replay_aa.py
        "/units/by-code/{code:path}", "/units/by-code/{code:path}/opinion.{fmt}",
        "/units/by-code/{code:path}/publication/{fmt}", "/public/units/by-code/{code:path}/{year}",
        "/api/v1/units/by-code/{code:path}/publication/{fmt}",
        "/api/v1/units/by-code/{code:path}/opinion.docx", "/api/v1/units/by-code/{code:path}/opinion.html",
        # revoking a token, disabling an account (every role): tests/web/test_api_accounts.py; the library's admin
        # actions through the API: tests/library/test_library_admin_api.py
        "/api/v1/library/groups/{group_id}/rename", "/api/v1/library/groups/{group_id}/merge",
        "/api/v1/library/groups/{group_id}/split",
        "/api/v1/tokens/{token_id}", "/api/v1/users/{username}",
        # the desk's decisions on the API and its batch: tests/web/test_desk_faces.py (every role, both databases)
        "/api/v1/projects/{project_id}/desk/comments", "/api/v1/projects/{project_id}/desk/decisions",
        "/api/v1/projects/{project_id}/desk/grade", "/api/v1/review/batch",
        # the library's admin forms: tests/library/test_library_admin_web.py; the monitoring form (POST):
        # tests/web/test_monitoring.py; publications by a unit's key (the table's {u} is an id) and the public
        # pages: tests/web/test_publication.py, tests/web/test_unit_addresses.py; the open JSON Schema (public):
        # tests/web/test_api_models.py
        "/library/groups/{group_id}/merge", "/library/groups/{group_id}/rename", "/library/groups/{group_id}/split",
        "/projects/{project_id}/monitoring/form", "/units/{unit}/publication/{fmt}", "/public/units/{unit}/{year}",
        "/api/schema/perfbudget-1.json",
        # an admin's unit rename and merge, page and API (every role): tests/web/test_replay_q.py
        "/units/by-id/{unit_id}/rename", "/units/by-id/{unit_id}/merge", "/api/v1/units/{unit_id}/rename",
        "/api/v1/units/{unit_id}/merge",
        # the filled 自评 sheet's API upload (editor, other editor, reviewer, viewer): tests/web/test_replay_q.py
        "/api/v1/projects/{project_id}/evaluation/sheet",
        # an admin's project delete, page and API (DELETE /api/v1/projects/{id}, every role): tests/web/test_replay_r.py
        "/projects/{project_id}/delete",
        # a saved review's and a saved 自评's record on the API (a reader of the unit, another project's record, another
        # unit's editor): tests/web/test_replay_s.py
        "/api/v1/projects/{project_id}/reviews/{record_id}", "/api/v1/projects/{project_id}/evaluations/{record_id}",
    }
    asked = [path.format(p=1, u=1).split("?")[0] for path in covered]  # the URLs the tables above request
    routes = {path: pattern for path, pattern, _ in _routes(web.app.routes)}
    # FastAPI (0.1xx) keeps an included router as one entry of ``app.routes``: until 2026-12-05 this test read only
    # the routes added to the app itself (/api/docs, the schema) and passed whatever the routers held
    assert len(routes) > 80 and {"/api/v1/review/batch", "/projects/{project_id}", "/dashboard"} <= set(routes)
    tabled = {path for path, pattern in routes.items() if any(pattern.fullmatch(url) for url in asked)}
    assert sorted(set(routes) - tabled - elsewhere) == []


def _routes(routes: Any, prefix: str = "") -> Iterator[tuple[str, re.Pattern[str], set[str]]]:
    """Every route's path, a pattern of its URLs and its methods, through the routers included in the app (FastAPI
    keeps each as one entry)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield (prefix + route.path, re.compile(re.escape(prefix) + route.path_regex.pattern.rstrip("$")),
                   set(route.methods))
        elif hasattr(route, "original_router"):  # an included router
            included = getattr(getattr(route, "include_context", None), "prefix", "") or ""
            yield from _routes(route.original_router.routes, prefix + included)


def test_unit_editor_cannot_open_another_units_project_by_url_or_api(web: WebEnv) -> None:
    assert web.other_project_id is not None
    editor = web.client("editor")
    assert editor.get(f"/projects/{web.other_project_id}").status_code == 404
    assert editor.get(f"/projects/{web.other_project_id}/download/json").status_code == 404
    token = web.token("editor")
    api = web.client().get(f"/api/v1/projects/{web.other_project_id}", headers={"Authorization": f"Bearer {token}"})
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"
    listing = web.client().get("/api/v1/projects", headers={"Authorization": f"Bearer {token}"}).json()
    assert {item["unit"]["code"] for item in listing["items"]} == {"255101"}
    assert listing["total"] == 10
    # The dashboard of the other unit's editor shows only its own project.
    page = web.client("other_editor").get("/dashboard?year=all")
    assert 'id="stat-projects">1<' in page.text
