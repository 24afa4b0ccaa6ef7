"""A project's second version made by an admin's API edit of its indicators (the history attacks' shared setup)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient

from tests.web.conftest import WebEnv

Indicators = list[dict[str, Any]]


def edited_indicators(env: WebEnv, edit: Callable[[Indicators], Indicators]
                      ) -> tuple[TestClient, dict[str, str], int]:
    """The client, the admin's headers and the project (the seed's first) after ``edit`` of its indicators was saved
    as its version 2 through `PUT /api/v1/projects/{id}`."""
    project = env.project_ids[0]
    admin = {"Authorization": f"Bearer {env.token('admin')}"}
    client = env.client()
    body = copy.deepcopy(client.get(f"/api/v1/projects/{project}", headers=admin).json()["document"])
    body["projects"][0]["indicators"] = edit(body["projects"][0]["indicators"])
    put = client.put(f"/api/v1/projects/{project}", headers=admin, json={"base_version": 1, "document": body})
    assert put.status_code == 200, put.text[:500]
    return client, admin, project
