"""faces43: one page on every face. The web pages listed 50 rows (projects, the dashboard's list, a project's
versions and workflow steps) where ``perfbudget list|history`` and the API page 100 (``app.paging``); ``perfbudget
audit --limit`` took 10,000 where the API's ``limit`` stops at 1,000; ``perfbudget history`` listed every version and
step where the API pages them."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from perfbudget.app import desk, overview, paging
from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv
from tests.web.test_history_pages import _revise

runner = CliRunner()


def _api_default(web: WebEnv, path: str, name: str) -> int:
    parameters = web.client().get("/api/openapi.json").json()["paths"][path]["get"]["parameters"]
    return int(next(p for p in parameters if p["name"] == name)["schema"]["default"])


def test_the_pages_list_as_many_rows_as_the_api_and_the_command_line(web: WebEnv) -> None:
    page = web.client("admin").get("/projects").text
    sizes = page.split('<select name="size">')[1].split("</select>")[0]
    chosen = re.findall(r'<option value="(\d+)" selected>', sizes)
    assert chosen == [str(paging.PAGE)], sizes  # the list's page size shown as chosen
    assert desk.ListQuery.parse({})[0].size == paging.PAGE
    assert desk.ListQuery.parse({"size": "50"})[0].size == 50  # a smaller page stays the user's choice
    assert _api_default(web, "/api/v1/projects", "limit") == paging.PAGE
    history = "/api/v1/projects/{project_id}/history"
    assert _api_default(web, history, "limit") == _api_default(web, history, "workflow_limit") == paging.PAGE
    # the web's history page is no list: its own 50 versions and 50 steps (each step up to 5,000 characters)
    assert overview.HISTORY_PAGE == overview.EVENTS_PAGE == 50
    listed = json.loads(runner.invoke(cli, ["list", "projects", "--db", web.url, "--json"]).stdout)
    assert listed["limit"] == paging.PAGE


def test_audit_takes_the_apis_largest_page(web: WebEnv) -> None:
    said = runner.invoke(cli, ["audit", "--limit", str(paging.MOST_PAGE + 1), "--db", web.url])
    assert said.exit_code == 2 and f"--limit 最多 {paging.MOST_PAGE}" in said.stderr, said.output
    bearer = {"Authorization": f"Bearer {web.token('admin')}"}
    assert web.client().get(f"/api/v1/audit?limit={paging.MOST_PAGE + 1}", headers=bearer).status_code == 422
    said = runner.invoke(cli, ["audit", "--limit", str(paging.MOST_PAGE), "--db", web.url, "--json"])
    assert said.exit_code == 0 and json.loads(said.stdout)["limit"] == paging.MOST_PAGE
    assert json.loads(runner.invoke(cli, ["audit", "--db", web.url, "--json"]).stdout)["limit"] == paging.PAGE


def test_history_is_paged_as_the_api_pages_it(web: WebEnv) -> None:
    pid = web.project_ids[0]
    _revise(web, pid, 4)  # versions 1..5
    db = web.url
    whole = json.loads(runner.invoke(cli, ["history", str(pid), "--db", db, "--json"]).stdout)
    bearer = {"Authorization": f"Bearer {web.token('admin')}"}
    answer = web.client().get(f"/api/v1/projects/{pid}/history", headers=bearer).json()
    assert whole["limit"] == answer["limit"] == paging.PAGE
    assert whole["workflow_limit"] == answer["workflow_limit"] == paging.PAGE  # the API's keys, all of them
    assert set(answer) - set(whole) == set()  # the CLI listed every change, without these two, until faces44
    assert (whole["changes_limit"], whole["changes_offset"]) == (answer["changes_limit"], answer["changes_offset"])
    assert [v["version"] for v in whole["versions"]] == [v["version"] for v in answer["versions"]] == [1, 2, 3, 4, 5]
    # --page counts as the web's ?page=: page 1 the newest versions (it counted from the oldest in faces43 at first)
    for page, versions in ((1, ["4", "5"]), (2, ["2", "3"]), (3, ["1"])):
        said = runner.invoke(cli, ["history", str(pid), "--db", db, "--limit", "2", "--page", str(page)])
        assert said.exit_code == 0, said.output
        assert re.findall(r"^第 (\d+) 版", said.stdout, re.M) == versions, said.stdout
        with web.app.state.store.reading() as tx:
            shown = overview.history_newest_first(tx, pid, page, 2).versions
        assert sorted(str(v["version"]) for v in shown) == versions
    second = runner.invoke(cli, ["history", str(pid), "--db", db, "--limit", "2", "--page", "2"])
    # the one page line of every list, told in versions (its own copy until faces43's mend)
    assert "共 5 版，显示第 2–3 版，共 3 页（--page N 翻页，--all 列出全部）" in second.stdout
    past = runner.invoke(cli, ["history", str(pid), "--db", db, "--limit", "2", "--page", "4"])
    assert past.exit_code == 0 and "共 5 版，没有第 4 页（共 3 页）" in past.stdout, past.output
    every = runner.invoke(cli, ["history", str(pid), "--db", db, "--limit", "2", "--all"])
    assert re.findall(r"^第 (\d+) 版", every.stdout, re.M) == ["1", "2", "3", "4", "5"] and "翻页" not in every.stdout
    # each option its own hint (--workflow-limit was told to page with --page, which pages the versions)
    for option, hint in (("--limit", "--page N 翻页"), ("--workflow-limit", "--workflow-offset 翻页")):
        said = runner.invoke(cli, ["history", str(pid), "--db", db, option, str(paging.MOST_PAGE + 1)])
        assert said.exit_code == 2 and f"{option} 最多 {paging.MOST_PAGE}" in said.stderr, said.output
        assert hint in said.stderr, said.stderr
    assert web.client().get(f"/api/v1/projects/{pid}/history?limit={paging.MOST_PAGE + 1}&changes_limit=1",
                            headers=bearer).status_code == 422


def test_history_all_is_read_in_batches_streamed_and_takes_no_page(web: WebEnv,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``history --all`` read 1,000 versions at a time but ignored --page/--offset without a word, and its JSON held
    every version in memory before writing it (faces43 at first): a usage error, and the JSON written as it is read,
    as ``list --all`` writes it; batches of 2 so the reading loop turns more than once."""
    from perfbudget.cli import cmd_store

    pid = web.project_ids[0]
    _revise(web, pid, 4)  # versions 1..5
    for option in (["--page", "2"], ["--offset", "1"]):
        said = runner.invoke(cli, ["history", str(pid), "--db", web.url, "--all", *option])
        assert said.exit_code == 2 and f"--all 不能与 {option[0]} 同用" in said.stderr, said.output
    monkeypatch.setattr(cmd_store, "MOST_PAGE", 2)
    every = runner.invoke(cli, ["history", str(pid), "--db", web.url, "--all"])
    assert re.findall(r"^第 (\d+) 版", every.stdout, re.M) == ["1", "2", "3", "4", "5"], every.output

    def held(data: object) -> None:
        raise AssertionError("history --json --all held every version to print them at once")

    monkeypatch.setattr(cmd_store, "print_json", held)
    said = runner.invoke(cli, ["history", str(pid), "--db", web.url, "--all", "--json"])
    assert said.exit_code == 0, said.output
    data = json.loads(said.stdout)
    assert [v["version"] for v in data["versions"]] == [1, 2, 3, 4, 5] and data["total"] == 5
    assert data["limit"] is None and data["workflow_limit"] is None and data["offset"] == 0
    assert data["workflow_total"] == len(data["workflow"])


def test_the_page_sizes_are_written_once() -> None:
    """A page's size is ``page_size.py``'s alone: the admin's audit page wrote 100 itself and ``list``'s and
    ``history``'s help said 「每页 100」 in their own words (faces43 at first); every other place names PAGE."""
    import ast
    from pathlib import Path

    root = Path(paging.__file__).parents[1]
    sizes = (paging.PAGE, paging.MOST_PAGE)
    written = []
    for path in sorted(root.rglob("*.py")):
        if path.name == "page_size.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.value.value in sizes \
                    and any("PAGE" in ast.unparse(target) for target in node.targets):
                written.append(f"{path.name}:{node.lineno}")
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and re.search(rf"(每页|默认) ?({'|'.join(map(str, sizes))})(?!\d)", node.value):
                written.append(f"{path.name}:{node.lineno}")
    assert written == []
