"""faces47: the command line, the pages and the API on one store, where they said different things (faces46's
leftovers and the ended issues' scenarios replayed).

* An approval did not name the version it approved: 「已审核通过」 on the command line (「已审核通过；「…」当前为
  「审核通过」」), the project page's message and the API's ``"message"`` alike, and a batch's 「已审核通过 2 个项目：
  「甲」、「乙」」; the version was in the request and the history only. Every face now says 「已审核通过第 N 版」
  (a batch names each project's), and the API's answer and ``--json`` carry ``"version"``.
* ``perfbudget desk decide`` on a version without a stored review (imported at the command line, not reviewed since)
  said 「已保存」 while every list (``list projects``, the API's, the page's) went on saying 未审核, on SQLite and
  PostgreSQL alike: the desk reviewed the version in memory, and the decision's regrade grades a stored review only.
  The desk's review is stored with the decision now, graded on the findings that stand.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import stored_project
from tests.web.test_faces_u import _bearer, _cli

# a unit's one-project table: 「完成测试任务」 is no measurable goal (警告), 「≥100%」 a rate past 100 % (错误)
TABLE = ("项目支出绩效目标表\n单位名称：测试四十七单位\n单位：万元\n项目名称\t测试审核项目\n预算数\t5\n"
         "其中：财政资金\t5\n其他资金\t\n绩效目标\t完成测试任务\n一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t培训人数\t≥100人\n产出指标\t质量指标\t验收合格率\t≥100%\n")


def _submit(web: WebEnv, ids: list[int]) -> None:
    editor = web.client("editor")
    for pid in ids:
        done = editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                              "action": "submit", "justification": "已核对"})
        assert done.status_code == 200, done.text[:2000]


def test_an_approval_names_the_version_it_approved_on_every_face(web: WebEnv) -> None:
    ids = web.project_ids[:5]
    _submit(web, ids)
    names = [stored_project(web.app, pid)[0].name for pid in ids]
    # the command line: its text and its --json (the API's answer)
    said = _cli(web, "workflow", str(ids[0]), "approve", "--version", "1", "--user", "reviewer")
    assert said.exit_code == 0, said.output
    assert said.stdout.startswith("已审核通过第 1 版；项目「"), said.output
    data = json.loads(_cli(web, "workflow", str(ids[1]), "approve", "--version", "1", "--user", "reviewer",
                           "--json").stdout)
    assert data == {"state": "approved", "state_label": "审核通过", "message": "已审核通过第 1 版", "version": 1}
    # the API, the same answer
    api = web.client().post(f"/api/v1/projects/{ids[2]}/workflow", headers=_bearer(web, "reviewer"),
                            json={"action": "approve", "version": 1})
    assert api.status_code == 200 and api.json() == data, api.text
    # a step that approves nothing names no version in its words, but says which version it was taken on
    comment = web.client().post(f"/api/v1/projects/{ids[2]}/workflow", headers=_bearer(web, "reviewer"),
                                json={"action": "comment", "comment": "已阅"})
    assert comment.json() == {"state": "approved", "state_label": "审核通过", "message": "已添加意见", "version": 1}
    # the project page's form: its message after the redirect
    reviewer = web.client("reviewer")
    page = reviewer.post(f"/projects/{ids[3]}/workflow",
                         data={"csrf_token": csrf_of(reviewer, f"/projects/{ids[3]}"), "action": "approve",
                               "comment": "", "version": "1"}, follow_redirects=True)
    assert page.status_code == 200 and "已审核通过第 1 版" in page.text, page.text[:3000]
    # a batch names each project's version, on the command line and the API alike
    batch = json.loads(_cli(web, "desk", "batch", "approve", f"{ids[4]}:1", "--user", "reviewer", "--json").stdout)
    assert batch["message"] == f"已审核通过 1 个项目：「{names[4]}」第 1 版"
    assert batch["results"][0]["version"] == 1


def test_a_batch_through_the_api_names_the_versions_approved(web: WebEnv) -> None:
    ids = web.project_ids[:2]
    _submit(web, ids)
    names = [stored_project(web.app, pid)[0].name for pid in ids]
    api = web.client().post("/api/v1/review/batch", headers=_bearer(web, "reviewer"),
                            json={"projects": [{"project_id": pid, "version": 1} for pid in ids],
                                  "action": "approve", "comment": "同意"})
    assert api.status_code == 200, api.text
    assert api.json()["message"] == f"已审核通过 2 个项目：「{names[0]}」第 1 版、「{names[1]}」第 1 版"
    assert [item["version"] for item in api.json()["results"]] == [1, 1]


def _listed(web: WebEnv, pid: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The project's item in ``perfbudget list projects --json`` and in ``GET /api/v1/projects``."""
    cli_items = json.loads(_cli(web, "list", "projects", "--year", "all", "--json").stdout)["items"]
    api_items = web.client().get("/api/v1/projects?limit=1000", headers=_bearer(web, "admin")).json()["items"]
    [from_cli] = [item for item in cli_items if item["id"] == pid]
    [from_api] = [item for item in api_items if item["id"] == pid]
    return from_cli, from_api


def test_a_decision_on_a_version_without_a_stored_review_makes_the_lists_say_the_desks_grade(
        any_web: WebEnv, tmp_path: Path) -> None:
    web = any_web
    path = tmp_path / "测试审核项目.txt"
    path.write_text(TABLE, encoding="utf-8")
    imported = _cli(web, "import", str(path))  # the command line's import stores no review
    assert imported.exit_code == 0, imported.output
    found = json.loads(_cli(web, "list", "projects", "--q", "测试审核项目", "--json").stdout)["items"]
    [pid] = [item["id"] for item in found]
    assert found[0]["review_grade"] is None
    desk = json.loads(_cli(web, "desk", "show", str(pid), "--user", "reviewer", "--json").stdout)
    warning = next(f for f in desk["findings"] if f["severity"] == "warning")
    decided = _cli(web, "desk", "decide", str(pid), str(warning["number"]), "--decision", "dismissed",
                   "--reason", "目标可以衡量", "--user", "reviewer")
    assert decided.exit_code == 0 and decided.stdout.strip() == "已保存", decided.output
    after = json.loads(_cli(web, "desk", "show", str(pid), "--user", "reviewer", "--json").stdout)
    assert after["grade"] in ("优", "良", "中", "差")
    from_cli, from_api = _listed(web, pid)
    assert from_cli["review_grade"] == from_api["review_grade"] == after["grade"], (from_cli, from_api)
    assert from_cli["grade"] == from_api["grade"] == after["official_grade"]
    # the review the desk showed is stored: the machine's record, then the one graded on the findings that stand
    errors = sum(1 for f in after["findings"] if f["severity"] == "error")
    warnings = sum(1 for f in after["findings"] if f["severity"] == "warning")
    from_api_reviews = web.client().get(f"/api/v1/projects/{pid}/reviews", headers=_bearer(web, "admin")).json()
    from_cli_reviews = json.loads(_cli(web, "reviews", str(pid), "--json").stdout)
    for said in (from_api_reviews, from_cli_reviews):
        assert [(r["errors"], r["warnings"], r["regraded"]) for r in said["reviews"]] == [
            (errors, warnings, False), (errors, warnings - 1, True)], said


def test_a_bad_year_of_the_to_do_is_said_in_the_lists_words_on_every_face(web: WebEnv) -> None:
    """The landing page (with its 我的待办) said a bad year as every list does, 「应为四位数字的年份（如 2024），或
    all（全部年度）」, where ``desk todo`` and ``GET /api/v1/todo`` said 「请写四位数字的年度…」, the API's without the
    lists' 「筛选条件有误：」 and its details without the ``location`` every other 422 names."""
    said = "年度「20x」无效：应为四位数字的年份（如 2024），或 all（全部年度）"
    page = web.client("reviewer").get("/dashboard?year=20x")
    assert page.status_code == 200 and said in page.text
    api = web.client().get("/api/v1/todo?year=20x", headers=_bearer(web, "reviewer"))
    listed = web.client().get("/api/v1/projects?year=20x", headers=_bearer(web, "reviewer"))
    assert api.status_code == listed.status_code == 422
    assert api.json() == listed.json() == {"error": {"code": "invalid_filter", "message": f"筛选条件有误：{said}",
                                                     "details": [{"location": "query.year", "name": "year",
                                                                  "value": "20x", "message": said}]}}
    cli_said = _cli(web, "desk", "todo", "--user", "reviewer", "--year", "20x")
    assert cli_said.exit_code == 2 and f"错误：{said}" in cli_said.output, cli_said.output


def test_a_refusal_on_the_command_line_names_the_project_it_concerns(web: WebEnv) -> None:
    """``perfbudget workflow 3 approve`` refused 「错误：项目当前为「草稿」，不能「审核通过」」 and ``desk grade 3 甲``
    「错误：等级应为 优、良、中 或 差」, naming no project (a script stepping through many told none apart); a step
    taken named it (「已送审；项目「…」（…）当前为…」). A refusal names it now, in the same words."""
    pid = web.project_ids[0]
    project, _ = stored_project(web.app, pid)
    named = f"项目「{project.name}」"
    refused = _cli(web, "workflow", str(pid), "approve", "--version", "1", "--user", "reviewer")
    assert refused.exit_code == 1 and f"错误：{named}" in refused.output, refused.output
    assert "：当前为「草稿」，不能「审核通过」" in refused.output
    graded = _cli(web, "desk", "grade", str(pid), "甲", "--user", "reviewer")
    assert graded.exit_code == 1 and f"错误：{named}" in graded.output and "等级应为 优、良、中 或 差" in graded.output
    decided = _cli(web, "desk", "decide", str(pid), "zz", "--decision", "dismissed", "--reason", "x",
                   "--user", "reviewer")
    assert decided.exit_code == 1 and f"错误：{named}" in decided.output, decided.output


def test_a_decision_on_an_unreviewed_version_reviews_it_once(any_web: WebEnv, tmp_path: Path,
                                                             monkeypatch: Any) -> None:
    """``desk decide`` on a version without a stored review reviewed the unit in memory for the desk, then again to
    store it (two whole-unit reviews under the write lock); the desk's own review is stored now, once."""
    from perfbudget.app import reviews

    web = any_web
    path = tmp_path / "测试审核项目.txt"
    path.write_text(TABLE, encoding="utf-8")
    assert _cli(web, "import", str(path)).exit_code == 0
    [pid] = [item["id"] for item in json.loads(_cli(web, "list", "projects", "--q", "测试审核项目", "--json")
                                               .stdout)["items"]]
    calls: list[int] = []
    real = reviews.review_selection
    monkeypatch.setattr(reviews, "review_selection", lambda *a, **k: calls.append(1) or real(*a, **k))
    decided = _cli(web, "desk", "decide", str(pid), "1", "--decision", "confirmed", "--reason", "属实",
                   "--user", "reviewer")
    assert decided.exit_code == 0, decided.output
    assert len(calls) == 1
    stored = json.loads(_cli(web, "reviews", str(pid), "--json").stdout)["reviews"]
    assert len(stored) == 1 and stored[0]["actor"] == "reviewer", stored


def test_the_to_do_reads_its_year_as_the_lists_do(web: WebEnv) -> None:
    """The to-do had a year parser of its own: ``ALL`` taken where the lists refuse it, an empty year a 422 where
    the lists read every year, a bad one echoed unstripped."""
    reviewer = _bearer(web, "reviewer")
    for year in ("ALL", "", " ", " 20x "):
        todo = web.client().get("/api/v1/todo", params={"year": year}, headers=reviewer)
        listed = web.client().get("/api/v1/projects", params={"year": year}, headers=reviewer)
        assert todo.status_code == listed.status_code, (year, todo.text, listed.text)
        if listed.status_code == 422:
            assert todo.json() == listed.json(), year
        else:
            assert todo.json()["year"] is None, year  # every year, as the lists


def test_an_invalid_filter_answer_matches_the_published_error_schema(web: WebEnv) -> None:
    """``invalid_filter``'s details carry ``value``, which ``ErrorLocation`` (``extra="forbid"``) did not allow."""
    from perfbudget.web.api import models as m

    for path in ("/api/v1/todo?year=20x", "/api/v1/projects?year=20x"):
        said = web.client().get(path, headers=_bearer(web, "reviewer"))
        assert said.status_code == 422
        m.ErrorResponse.model_validate(said.json())


def test_the_project_is_read_for_a_refusal_only_and_said_once(web: WebEnv, monkeypatch: Any) -> None:
    """``project_named`` was read on every success too (an extra read per command), and a workflow refusal said
    「项目「…」（…）：项目当前为…」, 项目 twice."""
    from perfbudget.cli import cmd_desk, cmd_workflow

    calls: list[int] = []
    real = cmd_desk.project_named
    for module in (cmd_desk, cmd_workflow):
        monkeypatch.setattr(module, "project_named", lambda *a: calls.append(1) or real(*a))
    pid = web.project_ids[0]
    assert _cli(web, "desk", "grade", str(pid), "优", "--user", "reviewer").exit_code == 0
    assert _cli(web, "workflow", str(pid), "comment", "--comment", "已阅", "--user", "reviewer").exit_code == 0
    assert calls == []
    refused = _cli(web, "workflow", str(pid), "approve", "--version", "1", "--user", "reviewer")
    assert refused.exit_code == 1 and calls == [1]
    assert "）：当前为「草稿」，不能「审核通过」" in refused.output, refused.output
    assert "：项目当前为" not in refused.output


def test_the_audit_log_names_the_version_approved(web: WebEnv) -> None:
    """The audit log's ``workflow.approve`` said 「…：审核通过」 where every other face said the version approved."""
    pid = web.project_ids[0]
    _submit(web, [pid])
    assert _cli(web, "workflow", str(pid), "approve", "--version", "1", "--user", "reviewer").exit_code == 0
    entries = json.loads(_cli(web, "audit", "--limit", "5", "--json").stdout)
    entries = entries.get("items", entries) if isinstance(entries, dict) else entries
    [approved] = [e for e in entries if e["action"] == "workflow.approve"]
    assert approved["summary"].endswith("：审核通过第 1 版"), approved


def _revised(web: WebEnv, pid: int) -> None:
    """The project's version 2, its first indicator's target changed by the unit's editor."""
    headers = _bearer(web, "editor")
    got = web.client().get(f"/api/v1/projects/{pid}", headers=headers).json()
    got["document"]["projects"][0]["indicators"][0]["target"] = {"raw": "≥71次"}
    saved = web.client().put(f"/api/v1/projects/{pid}", headers=headers,
                             json={"base_version": got["version"], "document": got["document"]})
    assert saved.status_code == 200 and saved.json()["version"] == 2, saved.text


def test_an_approval_of_a_revision_names_version_2_and_a_mixed_batch_each_ones(web: WebEnv) -> None:
    """Every version the approval tests checked was 1: a revision's (version 2) and a mixed batch (2 and 1), on
    every face."""
    ids = web.project_ids[:9]
    for pid in [*ids[:4], ids[5], ids[7]]:
        _revised(web, pid)
    _submit(web, ids)
    names = {pid: stored_project(web.app, pid)[0].name for pid in ids}
    said = _cli(web, "workflow", str(ids[0]), "approve", "--version", "2", "--user", "reviewer")
    assert said.exit_code == 0 and said.stdout.startswith("已审核通过第 2 版；"), said.output
    data = json.loads(_cli(web, "workflow", str(ids[1]), "approve", "--version", "2", "--user", "reviewer",
                           "--json").stdout)
    assert data["message"] == "已审核通过第 2 版" and data["version"] == 2, data
    api = web.client().post(f"/api/v1/projects/{ids[2]}/workflow", headers=_bearer(web, "reviewer"),
                            json={"action": "approve", "version": 2})
    assert api.json() == data, api.text
    reviewer = web.client("reviewer")
    page = reviewer.post(f"/projects/{ids[3]}/workflow",
                         data={"csrf_token": csrf_of(reviewer, f"/projects/{ids[3]}"), "action": "approve",
                               "comment": "", "version": "2"}, follow_redirects=True)
    assert "已审核通过第 2 版" in page.text
    batch = json.loads(_cli(web, "desk", "batch", "approve", f"{ids[5]}:2", f"{ids[6]}:1", "--user", "reviewer",
                            "--json").stdout)
    assert batch["message"] == f"已审核通过 2 个项目：「{names[ids[5]]}」第 2 版、「{names[ids[6]]}」第 1 版", batch
    assert [item["version"] for item in batch["results"]] == [2, 1]
    api_batch = web.client().post("/api/v1/review/batch", headers=_bearer(web, "reviewer"),
                                  json={"projects": [{"project_id": ids[7], "version": 2},
                                                     {"project_id": ids[8], "version": 1}],
                                        "action": "approve", "comment": "同意"}).json()
    assert api_batch["message"] == f"已审核通过 2 个项目：「{names[ids[7]]}」第 2 版、「{names[ids[8]]}」第 1 版"
    assert [item["version"] for item in api_batch["results"]] == [2, 1]
    entries = json.loads(_cli(web, "audit", "--limit", "50", "--json").stdout)
    entries = entries.get("items", entries) if isinstance(entries, dict) else entries
    summaries = {e["summary"].rsplit("：", 1)[1].split("（")[0] for e in entries if e["action"] == "workflow.approve"}
    assert summaries == {"审核通过第 2 版", "审核通过第 1 版"}, summaries
