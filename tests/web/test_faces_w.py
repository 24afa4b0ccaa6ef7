"""faces-w: a unit without a code whose name holds 「/」 (or 「%」, 「?」, 「#」) is reached through every
``/units/by-name/…`` address, on the pages and the API alike. Until faces-w the router split the decoded path at the
name's 「/」 (encoded 「%2F」 or not) and answered 404; the name now takes the rest of the path before the route's own
tail (``{name:path}``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import WebEnv
from tests.web.helpers import approve
from tests.web.test_unit_addresses import _import_uncoded, _unit_id


@pytest.mark.parametrize("name", ["某局/某办", "甲/乙/丙", "50%/a?b#c", "丙/12345678901234"])
def test_a_name_holding_a_slash_is_reached_by_name_on_every_face(web: WebEnv, seed_path: Path, name: str) -> None:
    from sqlalchemy import select

    from perfbudget.store.schema import projects
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    unit_id = _import_uncoded(web, seed_path, name)
    assert _unit_id(web, None, name) == unit_id
    with web.app.state.engine.connect() as connection:
        approve(web.app, connection.execute(select(projects.c.id).where(projects.c.unit_id == unit_id)).scalar_one())
    key = quote(name, safe="")
    client = web.client("admin")
    page = client.get(f"/units/by-name/{key}")
    assert page.status_code == 200 and f"<h1>{name}" in page.text.replace("&amp;", "&")
    assert page.text == client.get(f"/units/by-id/{unit_id}").text
    opinion = client.get(f"/units/by-name/{key}/opinion.html?year=2024")
    assert opinion.status_code == 200 and f"{name}2024年度绩效目标审核意见书" in opinion.text
    published = client.get(f"/units/by-name/{key}/publication/json?year=2024")
    assert published.status_code == 200 and name in published.json()["unit"]["name"]
    bearer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    api = web.client().get(f"/api/v1/units/by-name/{key}/publication/json?year=2024", headers=bearer)
    assert api.status_code == 200 and api.content == published.content
    listed = web.client().get("/api/v1/projects", params={"unit": f"by-name/{name}"}, headers=bearer)
    assert listed.status_code == 200 and listed.json()["total"] == 1  # the list's filter by the same address
    assert name in client.get("/projects", params={"unit": f"by-name/{name}", "year": "all"}).text.replace("&amp;", "&")
    word = web.client().get(f"/api/v1/units/by-name/{key}/opinion.docx?year=2024", headers=bearer)
    assert word.status_code == 200 and word.content[:2] == b"PK"
    public = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32, public_pages=True))
    assert name in TestClient(public).get(f"/public/units/by-name/{key}/2024").text.replace("&amp;", "&")
    assert client.get(f"/units/by-name/{quote('无此/单位', safe='')}").status_code == 404


def test_a_project_pages_parts_are_cut_by_their_height(web: WebEnv, tmp_path: Path) -> None:
    """r194 (an Anhui 金寨 物业管理 table whose 三级指标 run to 41 characters): its 产出指标, four tall rows with their
    findings, was kept whole as print33's parts of four rows were, and printed below its head's page, page 1 half
    empty (print34's left item). Counted by height, the group is cut into parts that fit:
    page 1 holds its first rows."""
    from tests.web.test_print33_pages import printed_project_page
    from tests.writers.test_print32 import _corpus

    texts = printed_project_page(web, _corpus("r194"), tmp_path)
    first = texts[0].split("一级指标二级指标三级指标", 1)
    assert len(first) == 2 and "产出指标" in first[1], texts[0][-300:]  # rows under page 1's indicator header
    assert len(texts) == 3, texts  # four until faces-w, the first holding the head alone
    for text in texts:  # every page of rows prints its 一级 label (print33's parts, each with its label)
        rows = text.split("一级指标二级指标三级指标", 1)[-1]
        assert any(label in rows for label in ("产出指标", "效益指标", "满意度指标")), text[:300]
