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


def test_a_unit_without_a_code_is_addressed_by_its_id(web: WebEnv, seed_path: Path) -> None:
    document = load_path(seed_path).document
    assert document is not None
    nameless = replace(document, unit=Unit(None, "无编码单位"), projects=document.projects[:1])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, nameless, "nocode.txt",
                           ImportRequest(actor_of(admin), "upload")).status == "imported"
    unit_id = _unit_id(web, None, "无编码单位")
    client = web.client("admin")
    assert re.search(rf'href="/units/{unit_id}(\?[^"]*)?"', client.get("/dashboard?year=all").text)
    assert "无编码单位" in client.get(f"/units/{unit_id}").text
