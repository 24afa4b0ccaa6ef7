"""replay-aa: a unit whose code holds 「/」 is reached by its code on every face (``/units/by-code/{code}``); until
then by its id only (``/units/by-id/7``), since ``/units/{code}`` takes one segment."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from tests.web.conftest import WebEnv
from tests.web.helpers import approve
from tests.web.test_unit_addresses import _import_coded, _import_uncoded


@pytest.mark.parametrize("code", ["AB/12", "甲/乙/丙"])
def test_a_code_holding_a_slash_is_reached_by_code_on_every_face(web: WebEnv, seed_path: Path, code: str) -> None:
    from sqlalchemy import select

    from perfbudget.store.schema import projects
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    unit_id = _import_coded(web, seed_path, code, "斜杠编码单位")
    _import_uncoded(web, seed_path, code)  # a unit without a code named as the code: by-code is the coded one's
    with web.app.state.engine.connect() as connection:
        approve(web.app, connection.execute(select(projects.c.id).where(projects.c.unit_id == unit_id)).scalar_one())
    key = quote(code, safe="")
    client = web.client("admin")
    page = client.get(f"/units/by-code/{key}")
    assert page.status_code == 200 and "<h1>斜杠编码单位" in page.text
    assert page.text == client.get(f"/units/by-id/{unit_id}").text
    assert client.get(f"/units/by-code/{code}").text == page.text  # typed as it is, 「/」 unencoded
    opinion = client.get(f"/units/by-code/{key}/opinion.html?year=2023")
    assert opinion.status_code == 200 and "斜杠编码单位2023年度绩效目标审核意见书" in opinion.text
    published = client.get(f"/units/by-code/{key}/publication/json?year=2023")
    assert published.status_code == 200 and published.json()["unit"]["code"] == code
    bearer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    api = web.client().get(f"/api/v1/units/by-code/{key}/publication/json?year=2023", headers=bearer)
    assert api.status_code == 200 and api.content == published.content
    word = web.client().get(f"/api/v1/units/by-code/{key}/opinion.docx?year=2023", headers=bearer)
    assert word.status_code == 200 and word.content[:2] == b"PK"
    public = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32, public_pages=True))
    assert "斜杠编码单位" in TestClient(public).get(f"/public/units/by-code/{key}/2023").text
    assert client.get(f"/units/by-code/{quote('无此/编码', safe='')}").status_code == 404
    assert web.client("other_editor").get(f"/units/by-code/{key}").status_code == 404  # not theirs
    assert web.client().get(f"/api/v1/units/by-code/{key}/publication/json",
                            headers={"Authorization": f"Bearer {web.token('other_editor')}"}).status_code == 404



def test_a_preview_refuses_a_confirmation_beside_it_on_every_face(web: WebEnv, seed_path: Path) -> None:
    """``perfbudget import --dry-run --force`` is refused (replay-v) where ``POST /documents?dry_run=true&force=true``
    answered the preview as if ``force`` were not there: the same refusal on both now, nothing imported."""
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli
    from perfbudget.interchange import document_to_dict as to_dict
    from perfbudget.load import load_path

    document = load_path(seed_path).document
    assert document is not None
    bearer = {"Authorization": f"Bearer {web.token('editor')}"}
    admin = {"Authorization": f"Bearer {web.token('admin')}"}
    audited = web.client().get("/api/v1/audit?limit=1", headers=admin)
    for query, given in (("force=true", "force=true"),
                         ("force=true&allow_partial=true", "force=true、allow_partial=true")):
        answer = web.client().post(f"/api/v1/documents?dry_run=true&{query}", headers=bearer, json=to_dict(document))
        assert answer.status_code == 422, answer.text[:300]
        assert answer.json()["error"]["message"] == f"dry_run=true 不能与 {given} 同用：预览已列出需要它们的表格"
    assert web.client().post("/api/v1/documents?dry_run=true", headers=bearer,
                             json=to_dict(document)).json()["status"] == "dry_run"
    said = CliRunner().invoke(cli, ["import", str(seed_path), "--dry-run", "--force", "--db", web.url])
    assert said.exit_code == 1 and "--dry-run 不能与 --force 同用：预览已列出需要它们的表格" in said.output
    # nothing imported, nothing refused
    assert web.client().get("/api/v1/audit?limit=1", headers=admin).json()["total"] == audited.json()["total"]
