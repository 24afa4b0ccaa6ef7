"""``perfbudget workflow PROJECT ACTION --user ACCOUNT`` (replay-i): the project's workflow steps from the command
line as the API's ``POST /api/v1/projects/{id}/workflow`` takes them, so a table goes from import to 审核通过 and
its 自评 without the web. Until replay-i the command line had the desk's batch 审核通过 but no 送审: a project
imported by the CLI could never be approved from it."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import OTHER_UNIT, SEED_UNIT, WebEnv

runner = CliRunner()


def _step(web: WebEnv, project: int | None, action: str, user: str, *options: str) -> Any:
    return runner.invoke(cli, ["workflow", str(project), action, "--user", user, "--db", web.url, *options])


def _with_errors(web: WebEnv) -> int:
    """A seed project whose review has error-level findings (送审 needs a justification)."""
    api, headers = web.client(), {"Authorization": f"Bearer {web.token('viewer')}"}
    for pid in web.project_ids:
        findings = api.get(f"/api/v1/projects/{pid}", headers=headers).json()["review"]["findings"]
        if any(f["severity"] == "error" for f in findings):
            return pid
    raise AssertionError("the seed has no project with an error-level finding")


def test_the_cli_takes_the_workflow_steps_the_api_takes(any_web: WebEnv) -> None:
    web = any_web
    pid = _with_errors(web)
    api, viewer = web.client(), {"Authorization": f"Bearer {web.token('viewer')}"}

    refused = _step(web, pid, "submit", "editor")
    assert refused.exit_code == 1 and "不能送审；请先修改，或填写送审说明" in refused.output
    assert "Traceback" not in refused.output
    hidden = _step(web, pid, "submit", "other_editor", "--justification", "已核对")
    # another unit's: looked up in its own unit, the number an id (「没有找到项目「2」」 until replay-z)
    assert hidden.exit_code == 1 and f"单位 999001 中没有编号为 {pid} 的项目" in hidden.output
    assert _step(web, pid, "approve", "editor").exit_code == 1
    assert "您的角色（单位填报人员）不能「审核通过」" in _step(web, pid, "approve", "editor").output
    assert "未知的操作「delete」" in _step(web, pid, "delete", "editor").output

    done = _step(web, pid, "submit", "editor", "--justification", "已与财政口径核对", "--json")
    assert done.exit_code == 0, done.output
    assert json.loads(done.output) == {"state": "submitted", "state_label": "已送审", "message": "已送审",
                                      "version": 1}
    assert api.get(f"/api/v1/projects/{pid}", headers=viewer).json()["state"] == "submitted"
    assert "）：当前为「已送审」，不能「送审」" in _step(web, pid, "submit", "editor", "--justification", "x").output

    assert "「退回」需要填写意见" in _step(web, pid, "return", "reviewer").output
    returned = _step(web, pid, "return", "reviewer", "--comment", "请补充测算依据")
    assert returned.exit_code == 0  # the project by its name, as the audit log names it (「项目 2 当前为…」 before)
    assert returned.output.strip() == "已退回；项目「检察业务、装备及外包服务费」（2023中央）当前为「已退回」"
    assert _step(web, pid, "submit", "editor", "--justification", "已补充").exit_code == 0
    assert _step(web, pid, "approve", "reviewer", "--version", "1").exit_code == 0
    shown = api.get(f"/api/v1/projects/{pid}", headers=viewer).json()
    assert shown["state"] == "approved" and shown["official_version"] == 1

    assert "不能「重新打开（预算调整）」" in _step(web, pid, "reopen", "reviewer", "--comment", "调整").output
    assert _step(web, pid, "comment", "editor", "--comment", "收到").exit_code == 0
    history = api.get(f"/api/v1/projects/{pid}/history", headers=viewer).json()["workflow"]
    assert [(e["action"], e["username"], e["comment"], e["justification"]) for e in history] == [
        ("submit", "editor", None, "已与财政口径核对"), ("return", "reviewer", "请补充测算依据", None),
        ("submit", "editor", None, "已补充"), ("approve", "reviewer", None, None), ("comment", "editor", "收到", None)]
    audit = api.get("/api/v1/audit?action=workflow.submit", headers={"Authorization": f"Bearer {web.token('admin')}"})
    assert [e["user"] for e in audit.json()["items"]] == ["editor", "editor"]


def test_the_cli_lists_the_official_versions_as_the_api(any_web: WebEnv, tmp_path: Any) -> None:
    """An approved project with a revision waiting: ``list projects`` gave the revision's number and budget until
    replay-i, the API's ``GET /projects`` and the web's list the approved (official) version."""
    web = any_web
    pid = web.project_ids[0]
    assert _step(web, pid, "submit", "editor", "--justification", "已核对").exit_code == 0
    assert _step(web, pid, "approve", "reviewer", "--version", "1").exit_code == 0
    api, editor = web.client(), {"Authorization": f"Bearer {web.token('editor')}"}
    document = api.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]
    budget = document["projects"][0]["budget"]
    budget["total"] = str(Decimal(budget["total"]) + 5)  # the revision's budget differs
    revised = api.post("/api/v1/documents", headers=editor, json=document)
    assert revised.status_code == 200, revised.text
    listed = api.get("/api/v1/projects", headers=editor, params={"limit": 1000}).json()["items"]
    official = next(item for item in listed if item["id"] == pid)
    assert (official["version"], official["latest_version"]) == (1, 2)
    shown = runner.invoke(cli, ["list", "projects", "--db", web.url, "--limit", "0", "--json"])
    row = next(item for item in json.loads(shown.output)["items"] if item["id"] == pid)
    assert (row["version"], row["latest_version"], row["budget_total"]) == (1, 2, official["budget_total"])
    text = runner.invoke(cli, ["list", "projects", "--db", web.url, "--all"]).output
    assert f"\t{official['budget_total']}" in next(line for line in text.splitlines() if line.startswith(f"{pid}\t"))
    assert "\t1（最新 2）\t" in text  # the official version, the waiting revision beside it


def test_the_queue_is_listed_by_state_on_the_cli_and_the_api(any_web: WebEnv) -> None:
    """``GET /api/v1/projects?state=submitted`` and ``list projects --state submitted``: the reviewer's queue outside
    the pages (replay-i; before, neither face filtered by the workflow state, which the web list does)."""
    web = any_web
    queued = web.project_ids[1:3]
    for pid in queued:
        assert _step(web, pid, "submit", "editor", "--justification", "已核对").exit_code == 0
    api, reviewer = web.client(), {"Authorization": f"Bearer {web.token('reviewer')}"}
    page = api.get("/api/v1/projects", headers=reviewer, params={"state": "submitted"}).json()
    assert page["total"] == 2 and sorted(item["id"] for item in page["items"]) == queued
    assert {item["state"] for item in page["items"]} == {"submitted"}
    drafts = api.get("/api/v1/projects", headers=reviewer, params={"state": "draft"}).json()["total"]
    assert drafts == len(web.project_ids) + 1 - 2  # the seed's and the other unit's project, less the queue
    refused = api.get("/api/v1/projects", headers=reviewer, params={"state": "queued"})
    assert refused.status_code == 422 and refused.json()["error"]["details"][0]["name"] == "state"

    listed = runner.invoke(cli, ["list", "projects", "--state", "submitted", "--db", web.url, "--json"])
    data = json.loads(listed.output)
    assert data["total"] == 2 and sorted(item["id"] for item in data["items"]) == queued
    counted = runner.invoke(cli, ["list", "indicators", "--state", "submitted", "--db", web.url, "--json"])
    assert json.loads(counted.output)["total"] == sum(item["indicator_count"] for item in page["items"])
    unknown = runner.invoke(cli, ["list", "projects", "--state", "queued", "--db", web.url])
    assert unknown.exit_code == 2 and "流程状态「queued」无效" in unknown.output


def test_the_indicators_are_the_official_versions_on_the_cli_and_the_api(any_web: WebEnv) -> None:
    """An approved project with a revision waiting: ``list indicators`` listed the revision's indicators (the latest
    version) while ``list projects`` gave the approved one, and the API had no list of indicators at all (replay-i's
    left item). Now both faces list the official versions' indicators, the latest with ``--latest`` /
    ``latest=1``, under the same filters and words, a unit-bound token its own unit's only."""
    web = any_web
    pid = web.project_ids[0]
    assert _step(web, pid, "submit", "editor", "--justification", "已核对").exit_code == 0
    assert _step(web, pid, "approve", "reviewer", "--version", "1").exit_code == 0
    api, editor = web.client(), {"Authorization": f"Bearer {web.token('editor')}"}
    reviewer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    document = api.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]
    approved_targets = [i["target"]["raw"] for i in document["projects"][0]["indicators"]]
    added = {**document["projects"][0]["indicators"][0], "level3": "修订稿新增指标", "target": {"raw": "≥7次"}}
    document["projects"][0]["indicators"].append(added)
    assert api.post("/api/v1/documents", headers=editor, json=document).status_code == 200

    def cli_rows(*options: str) -> dict[str, Any]:
        done = runner.invoke(cli, ["list", "indicators", "--db", web.url, "--limit", "0", "--json", *options])
        assert done.exit_code == 0, done.output
        return dict(json.loads(done.output))

    official, latest = cli_rows(), cli_rows("--latest")
    mine = [row for row in official["items"] if row["project_id"] == pid]
    assert [row["target"] for row in mine] == approved_targets and {row["version"] for row in mine} == {1}
    assert {row["latest_version"] for row in mine} == {2}
    newest = [row for row in latest["items"] if row["project_id"] == pid]
    assert len(newest) == len(mine) + 1 and newest[-1]["level3"] == "修订稿新增指标" and newest[-1]["version"] == 2
    assert (official["total"], latest["total"]) == (len(official["items"]), len(official["items"]) + 1)
    paged = runner.invoke(cli, ["list", "indicators", "--db", web.url, "--json"]).output
    assert json.loads(paged)["total"] == official["total"]  # the page's total, counted apart from the rows
    assert "1（最新 2）" in runner.invoke(cli, ["list", "indicators", "--db", web.url, "--all"]).output

    def api_rows(**params: Any) -> dict[str, Any]:
        answer = api.get("/api/v1/indicators", headers=reviewer, params={"limit": 1000, **params})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    assert api_rows()["items"] == official["items"] and api_rows()["total"] == official["total"]
    assert api_rows(latest=1)["items"] == latest["items"] and api_rows(latest=1)["total"] == latest["total"]
    searched = api_rows(q="修订稿新增")
    assert searched["total"] == 0 and api_rows(q="修订稿新增", latest=1)["total"] == 1
    assert cli_rows("--search", "修订稿新增", "--latest")["items"] == api_rows(q="修订稿新增", latest=1)["items"]
    drafts = api_rows(state="draft")  # the revision is a draft: the approved version is listed under its state
    assert drafts["items"] == cli_rows("--state", "draft")["items"]
    assert [row for row in drafts["items"] if row["project_id"] == pid] == mine
    seen = api.get("/api/v1/indicators", headers=editor, params={"limit": 1000}).json()
    assert seen["total"] == sum(1 for row in official["items"] if row["unit_code"] == SEED_UNIT)
    assert {row["unit_code"] for row in seen["items"]} == {SEED_UNIT}  # a unit-bound token: its own unit
    other = api.get("/api/v1/indicators", headers=editor, params={"unit": OTHER_UNIT})  # not its unit: not found
    assert other.status_code == 422 and f"没有找到单位「{OTHER_UNIT}」" in other.json()["error"]["message"]  # faces-u
    refused = api.get("/api/v1/indicators", headers=reviewer, params={"year": "abc"})
    said = runner.invoke(cli, ["list", "indicators", "--year", "abc", "--db", web.url])
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_filter"
    assert said.exit_code == 2 and refused.json()["error"]["details"][0]["message"] in said.output
    assert "--latest 只用于 indicators" in runner.invoke(cli, ["list", "projects", "--latest", "--db", web.url]).output
