"""A unit's pages are addressed by its code, as its publications are (``/units/255101``,
``/units/255101/opinion.html``, ``/units/255101/publication/docx``); the id still answers, for a unit without a code
and for the links made before 2026-12-05, when the unit page and its 审核意见书 took the internal id (leftovers17)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select

from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import actor_of
from perfbudget.load import load_path
from perfbudget.model import Unit
from perfbudget.store.schema import units
from tests.web.conftest import SEED_UNIT, WebEnv


def _unit_id(web: WebEnv, code: str | None, name: str) -> int:
    with web.app.state.engine.connect() as connection:
        column = units.c.code == code if code else units.c.name == name
        return int(connection.execute(select(units.c.id).where(column)).scalar_one())


def test_unit_pages_by_code_and_by_the_old_id(web: WebEnv) -> None:
    admin = web.client("admin")
    unit_id = _unit_id(web, SEED_UNIT, "")
    page = admin.get(f"/units/{SEED_UNIT}")
    assert page.status_code == 200 and "天津市和平区人民检察院" in page.text
    assert admin.get(f"/units/{unit_id}").text == page.text  # an old link by id: the same page
    by_code = admin.get(f"/units/{SEED_UNIT}/opinion.html?year=2024")
    assert by_code.status_code == 200 and "审核意见书" in by_code.text
    assert admin.get(f"/units/{unit_id}/opinion.html?year=2024").text == by_code.text
    assert f'href="/units/{SEED_UNIT}' in admin.get("/dashboard?year=all").text  # links name the code
    assert f'href="/units/{unit_id}"' not in admin.get("/projects?year=all").text
    assert f'href="/units/{SEED_UNIT}"' in admin.get(f"/projects/{web.project_ids[0]}").text
    assert admin.get("/units/999999/opinion.html").status_code == 404
    assert web.client("other_editor").get(f"/units/{SEED_UNIT}").status_code == 404  # not theirs: unknown


def _import_uncoded(web: WebEnv, seed_path: Path, name: str) -> int:
    document = load_path(seed_path).document
    assert document is not None
    uncoded = replace(document, unit=Unit(None, name), projects=document.projects[:1])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, uncoded, "nocode.txt",
                           ImportRequest(actor_of(admin), "upload")).status == "imported"
    return _unit_id(web, None, name)


def test_a_unit_without_a_code_is_addressed_by_its_name_and_published_there(web: WebEnv, seed_path: Path,
                                                                            tmp_path: Path) -> None:
    """Its name is what the store knows a unit without a code by (``units.key``), the same in every database and
    after a re-import, as a code is. Until leftovers18 such a unit's pages took its id, and it had no publication
    address at all: the unit page offered no download, and ``/units/…/publication`` and ``publish --unit`` took
    only a code."""
    from urllib.parse import quote

    from fastapi.testclient import TestClient
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli
    from perfbudget.store.schema import projects
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig
    from tests.web.helpers import approve

    unit_id = _import_uncoded(web, seed_path, "无编码 单位")
    key = quote("无编码 单位", safe="")
    client = web.client("admin")
    assert re.search(rf'href="/units/by-name/{key}(\?[^"]*)?"', client.get("/dashboard?year=all").text)
    page = client.get(f"/units/by-name/{key}")
    assert "无编码 单位" in page.text and client.get(f"/units/{unit_id}").text == page.text  # the id still answers
    assert client.get(f"/units/{key}").text == page.text  # the bare name, the address until replay-j
    assert f'href="/units/by-name/{key}/publication/docx"' in page.text
    with web.app.state.engine.connect() as connection:
        project_id = connection.execute(select(projects.c.id).where(projects.c.unit_id == unit_id)).scalar_one()
    refused = client.get(f"/units/{key}/publication/json")
    assert refused.status_code == 404 and "没有审核通过的项目" in refused.text  # found, nothing approved yet
    approve(web.app, project_id)
    published = client.get(f"/units/{key}/publication/json?year=2024")
    assert published.status_code == 200 and "无编码 单位" in published.text
    api = web.client().get(f"/api/v1/units/{key}/publication/json?year=2024",
                           headers={"Authorization": f"Bearer {web.token('reviewer')}"})
    assert api.status_code == 200 and api.content == published.content
    out = tmp_path / "published.json"
    done = CliRunner().invoke(cli, ["publish", "--unit", "无编码 单位", "--year", "2024", "--to", "json",
                                    "-o", str(out),
                                    "--db", web.url])
    assert done.exit_code == 0, done.output
    assert out.read_bytes() == published.content
    public = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32, public_pages=True))
    assert "无编码 单位" in TestClient(public).get(f"/public/units/{key}/2024").text
    assert "无编码 单位" in TestClient(public).get(f"/public/units/by-name/{key}/2024").text
    assert client.get(f"/units/{unit_id}/publication/json?year=2024").status_code == 404  # an id is no key
    assert web.client("editor").get(f"/units/{key}/publication/json").status_code == 404  # not its unit (attack38)


def test_a_name_that_cannot_be_an_address_keeps_the_id(web: WebEnv, seed_path: Path) -> None:
    unit_id = _import_uncoded(web, seed_path, "某局/某办")
    client = web.client("admin")
    assert re.search(rf'href="/units/by-id/{unit_id}(\?[^"]*)?"', client.get("/dashboard?year=all").text)
    page = client.get(f"/units/by-id/{unit_id}").text
    assert "某局/某办" in page and "/publication/" not in page  # published by perfbudget publish --unit only
    assert "不能用在网页地址中" in page and "perfbudget publish" in page  # and the page says so (attack18's words)
    assert client.get(f"/units/{unit_id}").text == page  # a link made before leftovers19: no unit has that key


def test_a_numeric_code_does_not_shadow_another_units_id(web: WebEnv, seed_path: Path) -> None:
    """A unit whose key cannot be an address was linked by its bare id, ``/units/7``; a unit coded 「7」 took that
    address (a key is looked up first), so the dashboard's, the list's and the project page's links of the first
    unit opened the second one's page and 审核意见书. Its address is now ``/units/by-id/7``, which no key can be."""
    slashed = _import_uncoded(web, seed_path, "某局/某办")
    document = load_path(seed_path).document
    assert document is not None
    coded = replace(document, unit=Unit(str(slashed), "数字编码单位"), projects=document.projects[:1])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, coded, "coded.txt",
                           ImportRequest(actor_of(admin), "upload")).status == "imported"
    client = web.client("admin")
    dashboard = client.get("/dashboard?year=all").text
    link = re.search(r'href="(/units/[^"?]+)(\?[^"]*)?">某局/某办<', dashboard)
    assert link is not None and link.group(1) == f"/units/by-id/{slashed}"
    assert "某局/某办" in client.get(link.group(1)).text
    assert "数字编码单位" in client.get(f"/units/{slashed}").text  # the code's own address
    opinion = client.get(f"/units/by-id/{slashed}/opinion.html?year=2024")
    assert opinion.status_code == 200 and "某局/某办" in opinion.text and "数字编码单位" not in opinion.text
    assert client.get("/units/by-id/abc").status_code == 404 and client.get("/units/by-id/0").status_code == 404
    assert web.client("other_editor").get(f"/units/by-id/{slashed}").status_code == 404  # not theirs: unknown


def _text(data: bytes) -> list[str]:
    import io

    from docx import Document

    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def _import_coded(web: WebEnv, seed_path: Path, code: str, name: str) -> int:
    document = load_path(seed_path).document
    assert document is not None
    coded = replace(document, unit=Unit(code, name), projects=document.projects[1:2])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, coded, "coded.txt",
                           ImportRequest(actor_of(admin), "upload")).status == "imported"
    return _unit_id(web, code, name)


def test_a_code_and_an_uncoded_units_name_sharing_a_key_have_two_addresses(any_web: WebEnv, seed_path: Path) -> None:
    """A unit coded 「甲单位」 and a unit without a code named 「甲单位」 share the bare key: ``/units/甲单位`` finds
    the coded one, and until replay-j the other's links (dashboard, lists, project page), its 审核意见书 and its
    publications (page and API) all led there too. A unit without a code is now addressed ``/units/by-name/{name}``."""
    from urllib.parse import quote

    from perfbudget.store.schema import projects
    from tests.web.helpers import approve

    web = any_web
    uncoded = _import_uncoded(web, seed_path, "甲单位")
    coded = _import_coded(web, seed_path, "甲单位", "有编码的单位")
    key = quote("甲单位", safe="")
    client = web.client("admin")
    dashboard = client.get("/dashboard?year=all").text
    links = dict((m.group(2), m.group(1)) for m in re.finditer(r'href="(/units/[^"?]+)(?:\?[^"]*)?">([^<]+)<',
                                                               dashboard))
    assert links["甲单位"] == f"/units/by-name/{key}" and links["有编码的单位"] == f"/units/{key}"
    assert "<h1>甲单位" in client.get(links["甲单位"]).text
    assert "<h1>有编码的单位" in client.get(links["有编码的单位"]).text
    with web.app.state.engine.connect() as connection:
        mine = {unit: connection.execute(select(projects.c.id).where(projects.c.unit_id == unit)).scalar_one()
                for unit in (uncoded, coded)}
    assert f'href="/units/by-name/{key}"' in client.get(f"/projects/{mine[uncoded]}").text
    opinion = client.get(f"/units/by-name/{key}/opinion.html?year=2024")
    assert opinion.status_code == 200 and "甲单位2024年度绩效目标审核意见书" in opinion.text
    assert "有编码的单位2024年度" in client.get(f"/units/{key}/opinion.html?year=2024").text
    approve(web.app, mine[uncoded])
    page = client.get(f"/units/by-name/{key}/publication/json?year=2024")
    assert page.status_code == 200 and "甲单位" in page.text and "有编码的单位" not in page.text
    refused = client.get(f"/units/{key}/publication/json")  # the coded unit: nothing approved
    assert refused.status_code == 404 and "没有审核通过的项目" in refused.text
    bearer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    api = web.client().get(f"/api/v1/units/by-name/{key}/publication/json?year=2024", headers=bearer)
    assert api.status_code == 200 and api.content == page.content
    assert web.client().get(f"/api/v1/units/{key}/publication/json?year=2024", headers=bearer).status_code == 404
    word = web.client().get(f"/api/v1/units/by-name/{key}/opinion.docx?year=2024", headers=bearer)
    page_word = client.get(f"/units/by-name/{key}/opinion.docx?year=2024")
    assert word.status_code == 200 and _text(word.content) == _text(page_word.content)  # (the zip's times differ)
    assert "甲单位2024年度绩效目标审核意见书" in _text(word.content)
    assert web.client().get("/api/v1/units/by-name/无此单位/opinion.docx", headers=bearer).status_code == 404
    assert client.get(f"/units/by-name/{quote(SEED_UNIT)}").status_code == 404  # a code is no name
    editor = web.client("editor")  # a unit-bound user sees no unit without a code
    assert editor.get(f"/units/by-name/{key}").status_code == 404
    assert editor.get(f"/units/by-name/{key}/publication/json").status_code == 404
