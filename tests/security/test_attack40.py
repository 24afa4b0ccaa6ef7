"""Round 40's attack (docs/security.md, 「Attacked from outside (attack40)」): each test failed on 00aece31."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

from fastapi.routing import APIRoute
from pydantic import BaseModel

from tests.web.conftest import WebEnv
from tests.web.test_revisions import api


def test_the_command_line_batch_approves_no_project_without_the_version_seen(web: WebEnv) -> None:
    # `perfbudget desk batch approve P` with a bare reference approved the latest version, whatever the unit had sent
    # since the reviewer read it (attack39 left it): the queue's ticks and the API's `projects` name the version seen
    from perfbudget.cli import app as cli
    from tests.web.test_workflow_cli import runner

    project, other = web.project_ids[1], web.project_ids[2]
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")
    for pid in (project, other):
        assert client.post(f"/api/v1/projects/{pid}/workflow", headers=editor,
                           json={"action": "submit", "justification": "理由"}).status_code == 200

    def batch(action: str, *references: str) -> Any:
        return runner.invoke(cli, ["desk", "batch", action, *references, "--comment", "意见", "--user", "reviewer",
                                   "--db", web.url])

    said = batch("approve", str(project), f"{other}:1")  # the bare one is named, the one with its version done
    assert said.exit_code == 1, said.output
    assert f"未写明您审核的版本（该项目最新为第 1 版）：请查看后写明版本，如「{project}:1」" in said.stdout, said.output
    assert "已审核通过 1 个项目" in said.stdout, said.output
    states = [client.get(f"/api/v1/projects/{pid}", headers=reviewer).json()["state"] for pid in (project, other)]
    assert states == ["submitted", "approved"]
    said = batch("return", str(project))  # a 退回 approves nothing: no version needed
    assert said.exit_code == 0 and "已退回 1 个项目" in said.stdout, said.output


def test_the_api_takes_no_boolean_or_text_for_a_number_in_a_body(web: WebEnv) -> None:
    # pydantic's lax mode read JSON `true` as the integer 1: a batch's `"version": true` approved version 1 as the
    # version seen, `"project_ids": [true]` named project 1; `"active": "false"` or `0` disabled an account
    client, editor, reviewer = web.client(), api(web, "editor"), api(web, "reviewer")
    project = web.project_ids[1]
    assert client.post(f"/api/v1/projects/{project}/workflow", headers=editor,
                       json={"action": "submit", "justification": "理由"}).status_code == 200
    for body in ({"action": "approve", "projects": [{"project_id": project, "version": True}]},
                 {"action": "approve", "projects": [{"project_id": project, "version": "1"}]},
                 {"action": "approve", "projects": [{"project_id": project, "version": 1.0}]},
                 {"action": "approve", "project_ids": [True]}):
        answer = client.post("/api/v1/review/batch", headers=reviewer, json=body)
        assert answer.status_code == 422 and "应为整数" in answer.text, (body, answer.text)
    answer = client.post(f"/api/v1/projects/{project}/workflow", headers=reviewer,
                         json={"action": "approve", "version": True})
    assert answer.status_code == 422, answer.text
    assert client.get(f"/api/v1/projects/{project}", headers=reviewer).json()["state"] == "submitted"
    for active in ("false", 0, "no"):
        answer = client.patch("/api/v1/users/viewer", headers=api(web, "admin"), json={"active": active})
        assert answer.status_code == 422 and "应为 true 或 false" in answer.text, (active, answer.text)
    assert client.get("/api/v1/projects", headers=api(web, "viewer")).status_code == 200  # still active
    # what a client of before sends is taken as before
    answer = client.post("/api/v1/review/batch", headers=reviewer,
                         json={"action": "approve", "projects": [{"project_id": project, "version": 1}]})
    assert answer.status_code == 200 and answer.json()["done"] == 1, answer.text


def test_every_api_body_takes_its_json_types_only(web: WebEnv) -> None:
    # a guard: the JSON body model of every API route (found from the app's routes, through the included routers) is
    # strict, its nested models too, so a route added later with a lax model fails here (a multipart form's fields
    # are text: FastAPI's own models of them are not looked at)
    bodies = {f"{sorted(route.methods)} {path}": model for path, route in _api_routes(web.app.routes)
              if route.body_field is not None
              for model in _models_in(route.body_field.field_info.annotation)
              if model.__module__.startswith("perfbudget.")}
    assert len(bodies) >= 14, bodies  # the batch, the edit, the step, the actuals, the account, the library, the units

    def lax(model: type[BaseModel]) -> list[str]:
        found = [] if model.model_config.get("strict") else [model.__name__]
        for info in model.model_fields.values():
            for inner in _models_in(info.annotation):
                found += lax(inner)
        return found

    assert {key: lax(model) for key, model in bodies.items() if lax(model)} == {}


def _api_routes(routes: Any, prefix: str = "") -> Iterator[tuple[str, APIRoute]]:
    for route in routes:
        if isinstance(route, APIRoute) and (prefix + route.path).startswith("/api/"):
            yield prefix + route.path, route
        elif hasattr(route, "original_router"):  # an included router (as tests/web/test_permissions._routes)
            included = getattr(getattr(route, "include_context", None), "prefix", "") or ""
            yield from _api_routes(route.original_router.routes, prefix + included)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [model for arg in get_args(annotation) for model in _models_in(arg)]
