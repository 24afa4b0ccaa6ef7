"""The reviewer's desk on every face (leftovers18): the API (``/api/v1/projects/{id}/desk…``,
``/api/v1/review/batch``) and the CLI (``perfbudget desk …``) take the page's decisions through the same use
cases, with the same refusals, audit entries and messages, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import stored_project

runner = CliRunner()


def _audit(web: WebEnv) -> list[tuple[str, str | None, str]]:
    from perfbudget.store.records import audit_log

    with web.app.state.engine.connect() as connection:
        return [tuple(r) for r in connection.execute(select(audit_log.c.action, audit_log.c.username,
                                                            audit_log.c.summary).order_by(audit_log.c.id))]


def _submit(web: WebEnv, ids: list[int]) -> None:
    editor = web.client("editor")
    for pid in ids:
        editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                       "action": "submit", "justification": "已核对"})


def _desk_cli(web: WebEnv, *args: str) -> Any:
    return runner.invoke(cli, ["desk", *args, "--db", web.url])


def test_the_api_decides_comments_grades_and_batches_as_the_desk_page(any_web: WebEnv) -> None:
    web = any_web
    pid = web.project_ids[0]
    api = web.client()
    reviewer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    editor = {"Authorization": f"Bearer {web.token('editor')}"}
    desk = api.get(f"/api/v1/projects/{pid}/desk", headers=reviewer).json()
    assert desk["may_review"] and desk["findings"] and desk["official_grade"] == desk["grade"]
    first = desk["findings"][0]
    url = f"/api/v1/projects/{pid}/desk"
    refused = api.post(f"{url}/decisions", headers=reviewer,
                       json={"key": first["key"], "decision": "dismissed", "reason": "  "})
    assert refused.status_code == 422 and refused.json()["error"]["message"] == "请填写理由"
    refused = api.post(f"{url}/decisions", headers=editor,
                       json={"key": first["key"], "decision": "dismissed", "reason": "不成立"})
    assert refused.status_code == 403 and refused.json()["error"]["message"] == "只有审核人员可以这样做"
    assert api.post(f"{url}/decisions", headers=reviewer,
                    json={"key": "0" * 64, "decision": "dismissed", "reason": "不成立"}).status_code == 404
    assert api.post(f"/api/v1/projects/{web.other_project_id}/desk/grade", headers=editor,
                    json={"grade": "优"}).status_code == 404  # another unit's project does not exist for it
    saved = api.post(f"{url}/decisions", headers=reviewer,
                     json={"key": first["key"], "decision": "dismissed", "reason": "该指标为行业通用口径"})
    assert saved.status_code == 200 and saved.json() == {"message": "已保存"}
    assert api.post(f"{url}/comments", headers=reviewer,
                    json={"place": "indicator:1:target", "text": "请写明测算依据"}).json() == {"message": "已保存"}
    assert api.post(f"{url}/grade", headers=reviewer, json={"grade": "甲"}).json()["error"]["message"] \
        == "等级应为 优、良、中 或 差"
    assert api.post(f"{url}/grade", headers=reviewer, json={"grade": "良", "reason": "总体可行"}).status_code == 200
    desk = api.get(url, headers=reviewer).json()
    decided = desk["findings"][0]["decision"]
    assert decided["label"] == "驳回（不成立）" and decided["reason"] == "该指标为行业通用口径"
    assert decided["username"] == "reviewer" and not decided["carried"]
    assert desk["comments"][0]["label"].startswith("第 1 个指标") and desk["comments"][0]["text"] == "请写明测算依据"
    assert desk["official_grade"] == "良" and desk["reviewer_grade"]["reason"] == "总体可行"
    # the page shows what the API decided
    page = web.client("reviewer").get(f"/projects/{pid}/review").text
    assert "驳回（不成立）：该指标为行业通用口径" in page and "请写明测算依据" in page
    actions = [(a, u) for a, u, _ in _audit(web)]
    assert [a for a in actions if a in (("finding.dismissed", "reviewer"), ("review.comment", "reviewer"),
                                        ("review.grade", "reviewer"))] == [
        ("finding.dismissed", "reviewer"), ("review.comment", "reviewer"), ("review.grade", "reviewer")]

    ids = web.project_ids[1:4]
    _submit(web, ids)
    assert api.post("/api/v1/review/batch", headers=editor,
                    json={"project_ids": ids, "action": "approve"}).status_code == 403
    assert api.post("/api/v1/review/batch", headers=reviewer,
                    json={"project_ids": ids, "action": "delete"}).status_code == 422
    refused = api.post("/api/v1/review/batch", headers=reviewer, json={"project_ids": ids[:1], "action": "return"})
    name = stored_project(web.app, ids[0])[0].name
    assert refused.status_code == 200
    body = refused.json()
    assert body["done"] == 0 and body["message"] == f"未处理 1 个：「退回」需要填写意见（「{name}」）"
    assert body["results"] == [{"project_id": ids[0], "ok": False, "state": "submitted", "state_label": "已送审",
                                "message": "「退回」需要填写意见", "version": None}]
    done = api.post("/api/v1/review/batch", headers=reviewer,
                    json={"projects": [{"project_id": i, "version": 1} for i in ids], "action": "approve",
                          "comment": "同意"}).json()
    assert done["done"] == 3 and done["message"].startswith("已审核通过 3 个项目：「")
    assert {r["state_label"] for r in done["results"]} == {"审核通过"}
    assert sum(1 for a, u, _ in _audit(web) if (a, u) == ("workflow.approve", "reviewer")) == 3


def test_the_cli_decides_comments_grades_and_batches_as_a_web_account(any_web: WebEnv) -> None:
    web = any_web
    pid = web.project_ids[0]
    shown = _desk_cli(web, "show", str(pid), "--user", "reviewer", "--json")
    assert shown.exit_code == 0, shown.output
    desk = json.loads(shown.output)
    api = web.client().get(f"/api/v1/projects/{pid}/desk", headers={"Authorization": f"Bearer {web.token('viewer')}"})
    assert {**desk, "may_review": False, "conclusions": []} == api.json()  # the API's data, as another role sees it
    text = _desk_cli(web, "show", str(pid), "--user", "reviewer")
    assert f"  1. {desk['findings'][0]['key'][:12]}  " in text.output
    labels = {"error": "错误", "warning": "警告", "info": "提示"}  # said in Chinese, never the code (until replay-j)
    assert f"[{labels[desk['findings'][0]['severity']]}] " in text.output and "[warning]" not in text.output
    assert all(f["severity_label"] == labels[f["severity"]] for f in desk["findings"])
    refused = _desk_cli(web, "decide", str(pid), "1", "--decision", "dismissed", "--reason", "不成立",
                        "--user", "editor")
    assert refused.exit_code == 1 and "只有审核人员可以这样做" in refused.output
    refused = _desk_cli(web, "decide", str(pid), "1", "--decision", "dismissed", "--reason", " ",
                        "--user", "reviewer")
    assert refused.exit_code == 1 and "请填写理由" in refused.output
    refused = _desk_cli(web, "decide", str(pid), "1", "--decision", "dismissed", "--reason", "x", "--user", "nobody")
    assert refused.exit_code == 1 and "没有用户「nobody」（perfbudget user list 列出全部账号）" in refused.output
    refused = _desk_cli(web, "decide", str(pid), "9999", "--decision", "confirmed", "--reason", "x",
                        "--user", "reviewer")
    assert refused.exit_code == 1 and "没有第 9999 条审核发现" in refused.output
    refused = _desk_cli(web, "decide", str(pid), "1", "--decision", "ignore", "--reason", "x", "--user", "reviewer")
    # the decisions there are are named (it said 「未知的处理方式」 alone)
    said = "未知的处理方式「ignore」：可用 dismissed（驳回（不成立））、confirmed（确认）"
    assert refused.exit_code == 1 and said in refused.output, refused.output
    key = desk["findings"][1]["key"]
    for finding, decision in (("1", "dismissed"), (key[:10], "confirmed")):
        done = _desk_cli(web, "decide", str(pid), finding, "--decision", decision, "--reason", "已核实",
                         "--user", "reviewer")
        assert done.exit_code == 0 and done.output.strip() == "已保存", done.output
    assert _desk_cli(web, "comment", str(pid), "--place", "goals", "--text", "目标过于笼统",
                     "--user", "reviewer").exit_code == 0
    assert _desk_cli(web, "grade", str(pid), "中", "--user", "reviewer").exit_code == 0
    after = json.loads(_desk_cli(web, "show", str(pid), "--user", "reviewer", "--json").output)
    assert [f["decision"]["label"] for f in after["findings"][:2]] == ["驳回（不成立）", "确认"]
    assert after["comments"][0]["label"] == "绩效目标" and after["official_grade"] == "中"
    shown_text = _desk_cli(web, "show", str(pid), "--user", "reviewer").output  # the grade's giver and reason too
    assert "意见  绩效目标：目标过于笼统（reviewer）" in shown_text
    assert "审核人员评定 中（reviewer）：未写理由" in shown_text
    audited = [(a, u) for a, u, _ in _audit(web) if u == "reviewer"]
    assert audited == [("finding.dismissed", "reviewer"), ("finding.confirmed", "reviewer"),
                       ("review.comment", "reviewer"), ("review.grade", "reviewer")]

    ids = web.project_ids[1:3]
    _submit(web, ids)
    refused = _desk_cli(web, "batch", "return", *map(str, ids), "--user", "reviewer")
    names = [stored_project(web.app, pid)[0].name for pid in ids]
    assert refused.exit_code == 1
    said = f"未处理 2 个：「退回」需要填写意见（「{names[0]}」、「{names[1]}」）"
    assert refused.output.strip() == said
    assert _desk_cli(web, "batch", "approve", str(ids[0]), "--user", "viewer").exit_code == 1
    done = _desk_cli(web, "batch", "return", *map(str, ids), "--comment", "请补充测算依据", "--user", "reviewer",
                     "--json")
    assert done.exit_code == 0
    assert json.loads(done.output)["message"] == f"已退回 2 个项目：「{names[0]}」、「{names[1]}」"
    page = web.client("reviewer").get(f"/projects/{ids[0]}").text
    assert "请补充测算依据" in page


def test_cell_comments_of_one_version_stop_at_the_bound_on_every_face(any_web: WebEnv, monkeypatch: Any) -> None:
    # Reviewers' cell comments had no bound (attack18 and attack19 left it): a script through the API could grow one
    # project's desk page and 审核意见书 without end (1,000 comments: 6.1 MB, 1.8 s a Word opinion). Now the
    # version takes MOST_CELL_COMMENTS; the next is refused, saying why, and nothing is stored.
    from perfbudget.app import review_desk

    web = any_web
    monkeypatch.setattr(review_desk, "MOST_CELL_COMMENTS", 3)
    pid = web.project_ids[0]
    api, url = web.client(), f"/api/v1/projects/{pid}/desk"
    reviewer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    for n in range(3):
        assert api.post(f"{url}/comments", headers=reviewer,
                        json={"place": "indicator:1:target", "text": f"意见{n}"}).json() == {"message": "已保存"}
    refused = api.post(f"{url}/comments", headers=reviewer, json={"place": "indicator:1:target", "text": "第四条"})
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"]["message"].startswith("本版本已有 3 条单元格意见，已达上限，未保存")
    cli = _desk_cli(web, "comment", str(pid), "--place", "indicator:1:target", "--text", "第五条", "--user", "reviewer")
    assert cli.exit_code != 0 and "已达上限" in cli.output, cli.output
    assert [c["text"] for c in api.get(url, headers=reviewer).json()["comments"]] == ["意见0", "意见1", "意见2"]
    assert sum(1 for a, _, _ in _audit(web) if a == "review.comment") == 3
