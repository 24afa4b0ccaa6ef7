"""The API lists the review rules as ``perfbudget rules --json`` does, in Chinese (faces45: no face but the command
line listed them, and it gave each rule's English docstring)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from tests.web.conftest import WebEnv


def test_the_api_lists_the_rules_as_the_command_line_does(web: WebEnv) -> None:
    client = web.client()
    assert client.get("/api/v1/rules").status_code == 401
    response = client.get("/api/v1/rules", headers={"Authorization": f"Bearer {web.token('viewer')}"})
    assert response.status_code == 200, response.text
    command_line = json.loads(CliRunner().invoke(app, ["rules", "--json"]).stdout)
    assert response.json() == command_line
    told = {entry["id"]: entry for entry in response.json()}
    assert told["rate-over-100"]["severity_label"] == "错误"
    assert "不可能超过100%" in told["rate-over-100"]["description"]


def test_both_faces_list_the_rules_through_the_app(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    """The API and ``perfbudget rules`` ask ``app.rule_list`` (the API imported the review package's catalogue)."""
    from perfbudget.app import rule_list

    listed = rule_list.rule_list()
    told = [{**listed[0], "description": "由 app.rule_list 给出的说明"}, *listed[1:]]
    monkeypatch.setattr(rule_list, "rule_list", lambda: told)
    response = web.client().get("/api/v1/rules", headers={"Authorization": f"Bearer {web.token('viewer')}"})
    assert response.status_code == 200 and response.json() == told
    assert json.loads(CliRunner().invoke(app, ["rules", "--json"]).stdout) == told
    monkeypatch.setattr(rule_list, "rule_catalogue_markdown", lambda: "# 由 app 给出\n")
    assert CliRunner().invoke(app, ["rules", "--markdown"]).stdout == "# 由 app 给出\n"
