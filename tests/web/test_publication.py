"""A unit's publication on the web: the approved tables in one file, and the public page (off by default)."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.store import Store
from tests.evaluate.helpers import P5_SHEET, csv_bytes, run
from tests.web.conftest import SEED_UNIT, WebEnv, csrf_of


def _approve(web: WebEnv, seqs: tuple[int, ...]) -> dict[int, int]:
    """Submit and approve the given seed projects through the pages; returns seq → project id."""
    with Store(web.url, migrate=False) as store:
        ids = {int(v.document.projects[0].seq): int(v.meta["project_id"])
               for v in store.latest_versions(unit=SEED_UNIT)}
    editor, reviewer = web.client("editor"), web.client("reviewer")
    for seq in seqs:
        for client, action in ((editor, "submit"), (reviewer, "approve")):
            response = client.post(f"/projects/{ids[seq]}/workflow",
                                   data={"csrf_token": csrf_of(client, "/account"), "action": action, "comment": "",
                                         "version": "1"})
            assert response.status_code == 200, response.text
    return ids


def test_unit_publication_downloads_the_approved_tables(web: WebEnv, seed_document: Document) -> None:
    editor = web.client("editor")
    none = editor.get(f"/units/{SEED_UNIT}/publication/docx?year=2024")
    assert none.status_code == 404 and "没有审核通过的项目" in none.text
    _approve(web, (1, 5))
    for fmt in ("docx", "xlsx", "html"):
        response = editor.get(f"/units/{SEED_UNIT}/publication/{fmt}?year=2024")
        assert response.status_code == 200, response.text
        assert "attachment" in response.headers["content-disposition"]
        back = load_bytes(response.content, f"published.{fmt}")
        assert back.ok and back.document is not None, back.problems
        assert back.document.projects == (seed_document.projects[0], seed_document.projects[4])
    assert web.client("other_editor").get(f"/units/{SEED_UNIT}/publication/docx").status_code == 404
    assert editor.get(f"/units/{SEED_UNIT}/publication/pdf").status_code == 404


def test_the_publication_json_is_the_same_from_the_page_the_api_and_the_cli(web: WebEnv, tmp_path: object) -> None:
    """The API offered json where the page and `perfbudget publish` refused it (replay-e): one list of forms."""
    from pathlib import Path

    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    _approve(web, (1, 5))
    page = web.client("editor").get(f"/units/{SEED_UNIT}/publication/json?year=2024")
    assert page.status_code == 200, page.text
    api = web.client().get(f"/api/v1/units/{SEED_UNIT}/publication/json?year=2024",
                           headers={"Authorization": f"Bearer {web.token('editor')}"})
    assert api.status_code == 200
    out = Path(str(tmp_path)) / "published.json"
    result = CliRunner().invoke(cli, ["publish", "--unit", SEED_UNIT, "--year", "2024", "--to", "json", "-o", str(out),
                                      "--db", web.url])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == page.content == api.content
    back = load_bytes(out.read_bytes(), "published.json")
    assert back.ok and back.document is not None and len(back.document.projects) == 2


def test_public_page_is_off_by_default_then_shows_tables_and_results(web: WebEnv, seed_document: Document) -> None:
    from fastapi.testclient import TestClient

    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    anonymous = web.client()
    assert anonymous.get(f"/public/units/{SEED_UNIT}/2024").status_code == 404  # off: no such page
    ids = _approve(web, (1, 5))
    public = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                  public_pages=True))
    client = TestClient(public, base_url="http://testserver")
    page = client.get(f"/public/units/{SEED_UNIT}/2024")
    assert page.status_code == 200, page.text
    text = page.text
    assert "2024年检察业务信息化运维项目" in text and "2024年检察业务经费项目-2024市级" in text
    assert "2024年检察业务购买服务项目" not in text  # not approved: not public
    assert "绩效自评结果" not in text
    # once the 自评 of project 5 is stored, the page shows it
    evaluation, problems = run(seed_document, csv_bytes(*P5_SHEET))
    assert evaluation is not None, problems
    with Store(web.url, migrate=False) as store:
        version = store.project_version(ids[5])
        assert version is not None
        store.record_evaluation(int(version.meta["version_id"]), 2024, "self-evaluation", evaluation.to_dict(),
                                total="90.33", grade="优")
    text = client.get(f"/public/units/{SEED_UNIT}/2024").text
    assert "绩效自评结果" in text and "<td>90.33</td><td>优</td>" in text and "自评等级：优" in text
    assert "计分说明" in text  # the 自评表 itself, with how each score was computed
    assert client.get(f"/public/units/{SEED_UNIT}/2023").status_code == 404  # nothing approved in 2023
    unit_page = web.client("editor").get(f"/units/{_unit_id(web)}?year=2024").text
    assert f"/units/{SEED_UNIT}/publication/docx?year=2024" in unit_page


def _unit_id(web: WebEnv) -> int:
    from sqlalchemy import select

    from perfbudget.store.schema import units

    with web.app.state.engine.connect() as connection:
        return int(connection.execute(select(units.c.id).where(units.c.code == SEED_UNIT)).scalar_one())


def test_the_api_publishes_every_latest_version_as_publish_all_does(web: WebEnv, tmp_path: object) -> None:
    """`perfbudget publish --all` had no API equivalent (replay-q): ``all=true`` gives the same file, and the 404 of
    a unit with nothing approved names that way on."""
    from pathlib import Path

    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    none = web.client().get(f"/api/v1/units/{SEED_UNIT}/publication/json?year=2024", headers=headers)
    assert none.status_code == 404 and "all=true" in none.json()["error"]["message"], none.text
    api = web.client().get(f"/api/v1/units/{SEED_UNIT}/publication/json?year=2024&all=true", headers=headers)
    assert api.status_code == 200, api.text
    out = Path(str(tmp_path)) / "all.json"
    result = CliRunner().invoke(cli, ["publish", "--unit", SEED_UNIT, "--year", "2024", "--to", "json", "-o", str(out),
                                      "--all", "--db", web.url])
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == api.content
    back = load_bytes(api.content, "all.json")
    assert back.ok and back.document is not None and len(back.document.projects) == 8
    _approve(web, (1,))
    approved = web.client().get(f"/api/v1/units/{SEED_UNIT}/publication/json?year=2024", headers=headers)
    only = load_bytes(approved.content, "approved.json").document
    assert only is not None and [p.seq for p in only.projects] == [1]
    other = web.client().get(f"/api/v1/units/{SEED_UNIT}/publication/json?all=true",
                             headers={"Authorization": f"Bearer {web.token('other_editor')}"})
    assert other.status_code == 404  # another unit's editor: all=true opens nothing
