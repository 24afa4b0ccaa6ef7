"""A unit without a code is named by its name on every face that takes a unit (replay-i): ``publish --unit NAME``
and the publication addresses took it since leftovers18, but ``list --unit``, ``review --db --unit``,
``template --unit`` and the API's ``GET /projects?unit=`` matched the code alone and found nothing."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv

runner = CliRunner()
NAME = "无编码测试单位"


def test_an_uncoded_unit_is_named_by_its_name_on_the_cli_and_the_api(any_web: WebEnv) -> None:
    web = any_web
    api, admin = web.client(), {"Authorization": f"Bearer {web.token('admin')}"}
    document = api.get(f"/api/v1/projects/{web.project_ids[0]}", headers=admin).json()["document"]
    document["unit"] = {"code": None, "name": NAME}
    imported = api.post("/api/v1/documents", headers=admin, json=document)
    assert imported.status_code == 200, imported.text
    (pid,) = imported.json()["project_ids"]

    listed = api.get("/api/v1/projects", headers=admin, params={"unit": NAME}).json()
    assert listed["total"] == 1 and [item["id"] for item in listed["items"]] == [pid]
    assert api.get("/api/v1/projects", headers=admin, params={"unit": "255101"}).json()["total"] == len(
        web.project_ids)  # a code still names its unit alone

    shown = runner.invoke(cli, ["list", "projects", "--unit", NAME, "--db", web.url, "--json"])
    assert [item["id"] for item in json.loads(shown.output)["items"]] == [pid]
    units = runner.invoke(cli, ["list", "units", "--unit", NAME, "--db", web.url, "--json"])
    assert [(u["code"], u["name"]) for u in json.loads(units.output)["items"]] == [(None, NAME)]
    indicators = runner.invoke(cli, ["list", "indicators", "--unit", NAME, "--db", web.url, "--json"])
    assert {item["project_id"] for item in json.loads(indicators.output)["items"]} == {pid}

    reviewed = runner.invoke(cli, ["review", "--db", web.url, "--unit", NAME, "--json"])
    assert reviewed.exit_code in (0, 1) and "Traceback" not in reviewed.output
    assert [p["name"] for p in json.loads(reviewed.output)["projects"]] == [document["projects"][0]["name"]]
    sheet = runner.invoke(cli, ["template", "--db", web.url, "--unit", NAME])
    assert sheet.exit_code == 0 and document["projects"][0]["name"] in sheet.output
    exported = runner.invoke(cli, ["export", "--db", web.url, "--unit", NAME, "--to", "json", "-o", "-"])
    assert exported.exit_code == 0 and json.loads(exported.output)["unit"] == {"code": None, "name": NAME}
    one = runner.invoke(cli, ["export", str(pid), "--db", web.url, "--unit", NAME, "--to", "json", "-o", "-"])
    assert one.exit_code == 0, one.output
