"""The indicator library through the HTTP API: the same groups, group details and similar projects as
``perfbudget library search / show / similar``, with the API's permissions and error shape."""

from __future__ import annotations

from perfbudget.library.query import search, show, similar_projects
from tests.web.conftest import WebEnv


def _auth(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


def test_search_and_a_group_answer_as_the_cli_does(web: WebEnv) -> None:
    client, headers = web.client(), _auth(web, "viewer")
    response = client.get("/api/v1/library", params={"q": "满意度", "limit": 5}, headers=headers)
    assert response.status_code == 200
    groups = response.json()["groups"]
    expected = search(web.app.state.store, "满意度", 5)
    assert groups and [(g["id"], g["name"], g["count"]) for g in groups] == \
        [(g["id"], g["name"], g["count"]) for g in expected]
    first = groups[0]
    assert "满意" in first["name"] and first["targets"]["p50"] and first["examples"][0]["link"].startswith("/projects/")

    detail = client.get(f"/api/v1/library/groups/{first['id']}", headers=headers)
    assert detail.status_code == 200
    body = detail.json()
    cli = show(web.app.state.store, str(first["id"]))
    assert cli is not None
    assert body["id"] == first["id"] and body["leader"] == cli["leader"]
    assert [n["name"] for n in body["names"]] == [n["name"] for n in cli["names"]]
    assert body["measures"] and body["measures"][0]["p50"] == cli["measures"][0]["p50"]


def test_similar_projects_follow_the_permissions(web: WebEnv) -> None:
    client, pid = web.client(), web.project_ids[0]
    response = client.get(f"/api/v1/projects/{pid}/similar", params={"limit": 3}, headers=_auth(web, "reviewer"))
    assert response.status_code == 200
    body = response.json()
    expected = similar_projects(web.app.state.store, pid, 3)
    assert body["project_id"] == pid and [p["project_id"] for p in body["similar"]] == \
        [p["project_id"] for p in expected]
    assert all(p["indicators"] and p["project_id"] != pid for p in body["similar"])
    assert web.other_project_id is not None  # a project of another unit: its editor's token cannot see it
    hidden = client.get(f"/api/v1/projects/{web.other_project_id}/similar", headers=_auth(web, "editor"))
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"


def test_library_errors_have_the_api_shape(web: WebEnv) -> None:
    client, headers = web.client(), _auth(web, "admin")
    missing = client.get("/api/v1/library/groups/999999", headers=headers)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/library", headers=headers).status_code == 422  # no text to look for
    blank = client.get("/api/v1/library", params={"q": " 、 "}, headers=headers)  # nothing but spaces and a mark
    assert blank.status_code == 422
    assert blank.json()["error"]["message"] == "请给出要查找的指标名称或其中的词（不能为空）"
    assert client.get("/api/v1/library", params={"q": "满意度"}).status_code == 401  # no token
