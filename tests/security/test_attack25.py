"""Found by attack25 (2026-12-06) on a fresh server; each test failed before its fix."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update

from perfbudget.app.reviews import review_unreviewed
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Store
from perfbudget.store.schema import project_versions, reviews
from tests.store.conftest import write_variant
from tests.store.helpers import import_file
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
    admin_headers = {"Authorization": f"Bearer {web.token('admin')}"}
    admin = client.post("/api/v1/documents", headers=admin_headers, json=_document_named(web, token, other_name))
    assert admin.status_code == 200, admin.text[:300]
    # a unit stored without a code is often the unit's own tables from before its code was written in: not held
    codeless = _document_named(web, token, "区卫生健康局") | {"unit": {"code": None, "name": "区卫生健康局"}}
    assert client.post("/api/v1/documents", headers=admin_headers, json=codeless).status_code == 200
    taken = client.post("/api/v1/documents", headers=headers, params={"force": "true"},
                        json=_document_named(web, token, "区卫生健康局"))
    assert taken.status_code == 200, taken.text[:300]


def test_a_version_that_cannot_be_reviewed_stops_neither_the_server_nor_the_other_reviews(
        store: Store, seed_path: Path, tmp_path: Path) -> None:
    # perfbudget serve reviews what the command line imported, at its start and while it runs. One stored version
    # that could not be read back (a damaged row, one written by a newer release) stopped `serve` at its start with a
    # traceback (JSONDecodeError), and while it ran the catch-up reviewed and rolled back the same batch every second,
    # nothing imported after it ever reviewed. Now the unit that fails is told and skipped, the others reviewed.
    import_file(store, seed_path)
    import_file(store, write_variant(seed_path, tmp_path / "other.txt", ("255101", "255102")))
    with store.engine.begin() as connection:
        first = connection.execute(select(func.min(project_versions.c.id))).scalar_one()
        connection.execute(update(project_versions).where(project_versions.c.id == first).values(goals="[{"))
    told: list[str] = []
    skip: set[int] = set()
    assert review_unreviewed(store, CoreSettings(), "serve", batch=7, problem=told.append, skip=skip) == 10
    # (told per batch: a batch of 7 holds versions 1–7 of the unit, the next 8–10 beside the other unit's first four)
    assert [said.partition("，")[0] for said in told] == ["单位编号 1 的 7 个项目版本（版本编号 1–7）未能审核",
                                                           "单位编号 1 的 3 个项目版本（版本编号 8–10）未能审核"], told
    assert all("已跳过（其他单位照常审核）：JSONDecodeError" in said for said in told), told
    assert skip == set(range(1, 11))
    with store.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(reviews)).scalar_one() == 10
    # the catch-up's next turn (another import) does not try them again
    assert review_unreviewed(store, CoreSettings(), "serve", batch=7, problem=told.append, skip=skip) == 0
    assert len(told) == 2
