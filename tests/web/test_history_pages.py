"""The history page and ``perfbudget history`` show a project imported many times a page at a time."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from perfbudget.app import overview
from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv


def _revise(web: WebEnv, pid: int, times: int) -> None:
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    for n in range(times):
        got = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
        got["document"]["projects"][0]["indicators"][0]["target"] = {"raw": f"≥{70 + n}次"}
        saved = client.put(f"/api/v1/projects/{pid}", headers=headers,
                           json={"base_version": got["version"], "document": got["document"]})
        assert saved.status_code == 200


def _shown(html: str) -> list[int]:
    return [int(n) for n in re.findall(r"\?version=(\d+)\">第", html)]


def test_history_page_is_paged_newest_first(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = web.project_ids[0]
    _revise(web, pid, 4)  # versions 1..5
    monkeypatch.setattr(overview, "HISTORY_PAGE", 2)
    client = web.client("reviewer")
    first = client.get(f"/projects/{pid}/history").text
    assert _shown(first) == [5, 4] and "共 5 版" in first and "第 1 / 3 页" in first and "较早的版本" in first
    assert "≥73次" in first  # version 5's change is described
    assert _shown(client.get(f"/projects/{pid}/history?page=2").text) == [3, 2]
    last = client.get(f"/projects/{pid}/history?page=3").text
    assert _shown(last) == [1] and "首个版本" in last and "较早的版本" not in last and "较新的版本" in last
    assert _shown(client.get(f"/projects/{pid}/history?page=99").text) == [1]  # past the end: the last page
    assert client.get(f"/projects/{pid}/history?page=0").status_code == 422


def test_cli_history_limit_and_offset(web: WebEnv) -> None:
    pid = web.project_ids[0]
    _revise(web, pid, 2)  # versions 1..3
    db = web.url
    runner = CliRunner()
    whole = runner.invoke(cli, ["history", str(pid), "--db", db])
    assert whole.exit_code == 0 and "共 3 版" in whole.output and "第 1 版" in whole.output
    part = runner.invoke(cli, ["history", str(pid), "--db", db, "--limit", "1", "--offset", "1"])
    assert part.exit_code == 0, part.output
    assert "共 3 版，显示第 2–2 版，共 3 页" in part.output and "第 1 版 " not in part.output
    assert "第 3 版" not in part.output
    data = json.loads(runner.invoke(cli, ["history", str(pid), "--db", db, "--json", "--limit", "2"]).output)
    # the first page is the newest, as the history page's (faces43); its offset from the oldest as the API's
    assert data["total"] == 3 and [v["version"] for v in data["versions"]] == [2, 3] and data["offset"] == 1
    bad = runner.invoke(cli, ["history", str(pid), "--db", db, "--limit", "0"])
    assert bad.exit_code != 0
