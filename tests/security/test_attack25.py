"""Found by attack25 (2026-12-06) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import copy
from typing import Any

from tests.web.conftest import OTHER_UNIT, SEED_UNIT, WebEnv


def _units(web: WebEnv) -> dict[str, str]:
    client = web.client()
    answer = client.get("/api/v1/units", headers={"Authorization": f"Bearer {web.token('admin')}"})
    return {u["code"]: u["name"] for u in answer.json()["items"]}


def _document_named(web: WebEnv, token: str, name: str) -> dict[str, Any]:
    """The editor's first project as a JSON document whose unit is its own code under ``name``, one indicator
    changed so that the import stores something."""
    client = web.client()
    stored = client.get(f"/api/v1/projects/{web.project_ids[0]}", headers={"Authorization": f"Bearer {token}"})
    document = copy.deepcopy(stored.json()["document"])
    document["unit"] = {"code": SEED_UNIT, "name": name}
    document["projects"][0]["purpose"] = (document["projects"][0].get("purpose") or "") + "（调整）"
    return document


def test_a_unit_editor_cannot_give_its_unit_another_units_name(any_web: WebEnv) -> None:
    # An import renames its unit to the name its table gives: a unit editor's POST /api/v1/documents (its upload, its
    # 申报, perfbudget import --user) named unit 255101 「其他测试单位」, another unit's name, and the queue, the desk's
    # next project, the lists, the opinions and the public page showed two units under one name. Refused now,
    # without saying which unit holds the name; the unit keeps its name and nothing is stored.
    web = any_web
    before = _units(web)
    token = web.token("editor")
    headers = {"Authorization": f"Bearer {token}"}
    client = web.client()
    other_name = before[OTHER_UNIT]
    for name in (other_name, f" {other_name}\u200b", other_name.replace("测试", "测 试")):
        refused = client.post("/api/v1/documents", headers=headers, json=_document_named(web, token, name))
        assert refused.status_code == 403, refused.text[:300]
        said = refused.json()["error"]["message"]
        assert "已是另一个单位的名称" in said and OTHER_UNIT not in said, said
    # the upload's preview says so before any import, and its import is refused as well
    table = client.get(f"/api/v1/projects/{web.project_ids[0]}/download/html", headers=headers)
    assert table.status_code == 200 and before[SEED_UNIT].encode() in table.content
    uploaded = client.post("/api/v1/uploads", headers=headers, files={
        "file": ("t.html", table.content.replace(before[SEED_UNIT].encode(), other_name.encode()))})
    assert uploaded.status_code == 200, uploaded.text[:300]
    assert "已是另一个单位的名称" in (uploaded.json()["blocked"] or ""), uploaded.text[:500]
    imported = client.post(f"/api/v1/uploads/{uploaded.json()['upload_id']}/import", headers=headers)
    assert imported.status_code == 403, imported.text[:300]
    assert _units(web) == before
    # a name of its own is taken as before, and an admin is not held to it (a unit given a new code keeps its name)
    renamed = client.post("/api/v1/documents", headers=headers, json=_document_named(web, token, "本单位的新名称"))
    assert renamed.status_code == 200, renamed.text[:300]
    assert _units(web)[SEED_UNIT] == "本单位的新名称"
    admin = client.post("/api/v1/documents", headers={"Authorization": f"Bearer {web.token('admin')}"},
                        json=_document_named(web, token, other_name))
    assert admin.status_code == 200, admin.text[:300]
