"""The HTTP API: bearer tokens, interchange JSON, one error shape, the same permissions, OpenAPI."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from sqlalchemy import select

from perfbudget.store.account_tables import api_tokens
from tests.web.conftest import WebEnv


def auth(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


def test_tokens_are_stored_hashed(web: WebEnv) -> None:
    token = web.token("admin")
    with web.app.state.engine.connect() as connection:
        stored = list(connection.execute(select(api_tokens.c.token_hash, api_tokens.c.prefix)))
    assert all(token not in row.token_hash for row in stored) and len(stored[-1].token_hash) == 64


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer nope", "Basic abc", "bearer pb_forged"])
def test_bad_tokens_get_401_in_the_error_shape(web: WebEnv, header: str | None) -> None:
    response = web.client().get("/api/v1/projects", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == "unauthorized" and body["error"]["message"]


@pytest.mark.parametrize(("method", "path", "body", "location", "told"), [
    ("post", "/api/v1/projects/{p}/workflow", {}, "body.action", "缺少此项（必填）"),
    ("post", "/api/v1/projects/{p}/workflow", {"action": 5}, "body.action", "应为文字"),
    ("get", "/api/v1/projects?limit=abc", None, "query.limit", "应为整数"),
    ("get", "/api/v1/projects?limit=0", None, "query.limit", "应不小于 1"),
    ("get", "/api/v1/projects?limit=5000", None, "query.limit", "应不大于 1000"),
    # the choices of a closed set in Chinese, without pydantic's quotes and "or"
    ("get", "/api/v1/projects/{p}/download/pdf", None, "path.fmt", "应为以下之一：xlsx、docx、html、json"),
])
def test_validation_details_are_told_in_chinese(web: WebEnv, method: str, path: str, body: object, location: str,
                                                told: str) -> None:
    client = web.client()
    kwargs = {"json": body} if body is not None else {}
    response = getattr(client, method)(path.format(p=web.project_ids[0]), headers=auth(web, "admin"), **kwargs)
    assert response.status_code == 422
    assert {"location": location, "message": told} in response.json()["error"]["details"], response.text


def test_an_unknown_validation_type_keeps_its_words() -> None:
    from perfbudget.web.validation_text import validation_message

    assert validation_message({"type": "something_new", "msg": "Something new"}) == "Something new"
    assert validation_message({"type": "value_error", "msg": "Value error, 金额不对"}) == "金额不对"


def test_errors_have_one_shape(web: WebEnv) -> None:
    client = web.client()
    headers = auth(web, "admin")
    cases = [client.get("/api/v1/nothing-here", headers=headers),
             client.get("/api/v1/projects/999999", headers=headers),
             client.get("/api/v1/projects/abc", headers=headers),
             client.put(f"/api/v1/projects/{web.project_ids[0]}", headers=headers, json={"document": {}}),
             client.delete("/api/v1/me", headers=headers)]
    assert [r.status_code for r in cases] == [404, 404, 422, 422, 405]
    for response in cases:
        assert set(response.json()) == {"error"} and set(response.json()["error"]) == {"code", "message", "details"}
    assert cases[3].json()["error"]["details"][0]["location"].endswith("base_version")


def test_project_as_interchange_json_and_edit_with_optimistic_concurrency(web: WebEnv) -> None:
    client = web.client()
    headers = auth(web, "editor")
    pid = web.project_ids[0]
    got = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    assert got["document"]["format"] == "perfbudget/1" and len(got["document"]["projects"]) == 1
    assert got["review"]["grade"] in ("优", "良", "中", "差") and got["state"] == "draft"
    document = copy.deepcopy(got["document"])
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    saved = client.put(f"/api/v1/projects/{pid}", headers=headers,
                       json={"base_version": got["version"], "document": document})
    assert saved.status_code == 200 and saved.json()["version"] == got["version"] + 1
    again = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    target = again["document"]["projects"][0]["indicators"][0]["target"]
    assert target["raw"] == "≥15次" and target["value"] == "15" and target["op"] == ">="
    stale = client.put(f"/api/v1/projects/{pid}", headers=auth(web, "admin"),
                       json={"base_version": got["version"], "document": document})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version"
    assert stale.json()["error"]["details"] == {"latest_version": got["version"] + 1}
    history = client.get(f"/api/v1/projects/{pid}/history", headers=headers).json()
    assert any(c["kind"] == "target_changed" for v in history["versions"] for c in v["changes"])
    assert (history["total"], history["limit"], history["offset"]) == (got["version"] + 1, 100, 0)
    assert [v["version"] for v in history["versions"]] == list(range(1, got["version"] + 2))
    # paged: one version from the second, with its changes from the one before
    page = client.get(f"/api/v1/projects/{pid}/history?limit=1&offset={got['version']}", headers=headers).json()
    assert page["total"] == history["total"] and page["versions"] == history["versions"][-1:]
    assert client.get(f"/api/v1/projects/{pid}/history?limit=0", headers=headers).status_code == 422


def test_bad_interchange_document_names_the_field(web: WebEnv) -> None:
    response = web.client().post("/api/v1/documents", headers=auth(web, "admin"),
                                 json={"format": "perfbudget/1", "unit": {"code": "1", "name": "x"},
                                       "money_unit": "万元", "projects": [{"seq": "one"}]})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_document"
    assert response.json()["error"]["details"][0]["location"].startswith("projects[0]")


def test_a_missing_field_is_located_at_the_field(web: WebEnv) -> None:
    """invalid_document's location for a missing field was its parent's path ("" for the document's own
    fields) until 2026-12-04: now the field's own path, on POST /documents and PUT /projects/{id}."""
    client = web.client()
    document = client.get(f"/api/v1/projects/{web.project_ids[1]}", headers=auth(web, "admin")).json()["document"]
    cases = {"unit": ("unit", "unit"), "money_unit": ("money_unit", "money_unit"),
             "name": ("projects[0].name", "name"), "target": ("projects[0].indicators[0].target", "target")}
    for field, (location, key) in cases.items():
        body = copy.deepcopy(document)
        holder = {"unit": body, "money_unit": body, "name": body["projects"][0],
                  "target": body["projects"][0]["indicators"][0]}[field]
        del holder[key]
        posted = client.post("/api/v1/documents", headers=auth(web, "admin"), json=body)
        put = client.put(f"/api/v1/projects/{web.project_ids[1]}", headers=auth(web, "admin"),
                         json={"base_version": 1, "document": body})
        for response in (posted, put):
            assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_document"
            [detail] = response.json()["error"]["details"]
            assert (detail["location"], detail["message"]) == (location, f"缺少字段「{key}」"), detail


def test_import_documents_dry_run_and_unit_scope(web: WebEnv) -> None:
    client = web.client()
    document = client.get(f"/api/v1/projects/{web.project_ids[1]}", headers=auth(web, "admin")).json()["document"]
    document["projects"][0]["name"] = "接口导入的新项目"
    dry = client.post("/api/v1/documents?dry_run=true", headers=auth(web, "editor"), json=document)
    assert dry.status_code == 200 and dry.json()["status"] == "dry_run" and "findings" in dry.json()["review"]
    other = client.post("/api/v1/documents", headers=auth(web, "other_editor"), json=document)
    assert other.status_code == 403
    viewer = client.post("/api/v1/documents", headers=auth(web, "viewer"), json=document)
    assert viewer.status_code == 403
    done = client.post("/api/v1/documents", headers=auth(web, "editor"), json=document)
    assert done.status_code == 200 and done.json()["new_projects"] == 1 and done.json()["project_ids"][0]


def test_workflow_and_evaluation_through_the_api(web: WebEnv) -> None:
    client = web.client()
    pid = web.project_ids[0]
    editor, reviewer = auth(web, "editor"), auth(web, "reviewer")
    assert client.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "submit"}).json()[
        "state"] == "submitted"
    refused = client.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "approve", "version": 1})
    assert refused.status_code == 403
    no_comment = client.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer, json={"action": "return"})
    # a request that lacks what the step needs is the request's fault (422), not the project's state (409)
    assert no_comment.status_code == 422 and no_comment.json()["error"]["code"] == "invalid"
    assert "意见" in no_comment.json()["error"]["message"]
    unknown = client.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer, json={"action": "frobnicate"})
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "invalid"
    assert "未知的操作「frobnicate」" in unknown.json()["error"]["message"] and "submit" in unknown.json()["error"][
        "message"]
    assert client.get(f"/api/v1/projects/{pid}", headers=reviewer).json()["state"] == "submitted"
    returned = client.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer,
                           json={"action": "return", "comment": "请细化质量指标"})
    assert returned.json()["state"] == "returned"
    project = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]["projects"][0]
    indicators = []
    for position, indicator in enumerate(project["indicators"], 1):
        target = indicator["target"]
        if target["kind"] == "quantitative":
            indicators.append({"position": position, "actual": target["value"] + (target["unit"] or "")})
        else:
            indicators.append({"position": position, "grade": "达成"})
    actuals = {"executed": project["budget"]["total"], "indicators": indicators}
    # Self-evaluation is for approved projects only (the deployment default), in the API as in the pages.
    early = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=actuals)
    assert early.status_code == 409 and early.json()["error"]["code"] == "not_approved"
    assert "审核通过" in early.json()["error"]["message"]
    board = client.get("/api/v1/dashboard", headers=reviewer).json()
    assert board["workflow_states"]["returned"] == 1
    client.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "submit"})
    approved = client.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer,
                           json={"action": "approve", "version": 1})
    assert approved.json()["state"] == "approved"
    scored = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=actuals)
    assert scored.status_code == 200, scored.text
    assert scored.json()["grade"] == "优" and scored.json()["evaluation"]["format"]
    assert client.get(f"/api/v1/projects/{pid}/evaluation", headers=reviewer).json()["grade"] == "优"
    board = client.get("/api/v1/dashboard", headers=reviewer).json()
    assert board["workflow_states"]["approved"] == 1 and board["evaluation_grades"]["优"] == 1


def test_evaluation_errors_name_the_indicator_by_its_position(web: WebEnv) -> None:
    """Before: the API's 422 said 「网页填报:第2行: …」 for indicator 1 (the web form's label and an
    internal row number); now each problem names the position the request gave, as the page does."""
    client = web.client()
    pid = web.project_ids[0]
    editor, reviewer = auth(web, "editor"), auth(web, "reviewer")
    client.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "submit", "justification": "测试"})
    assert client.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer,
                       json={"action": "approve", "version": 1}).json()["state"] == "approved"
    project = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]["projects"][0]
    first = project["indicators"][0]
    assert first["target"]["kind"] == "quantitative" and first["target"]["unit"] != "吨"
    indicators = [{"position": 1, "actual": "3吨"}]  # a unit that cannot convert; the others missing
    answer = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor,
                         json={"executed": project["budget"]["total"], "indicators": indicators})
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "evaluation_failed"
    details = answer.json()["error"]["details"]
    assert len(details) == len(project["indicators"])
    assert details[0].startswith(f"第 1 个指标「{first['level3']}」：") and "吨" in details[0], details
    last = len(project["indicators"])
    assert any(d.startswith(f"第 {last} 个指标「") and "实际完成值为空" in d for d in details), details
    assert not any("网页填报" in d or re.search(r"第\d+行", d) for d in details), details


def test_openapi_docs(web: WebEnv) -> None:
    client = web.client()
    schema = client.get("/api/openapi.json").json()
    assert "/api/v1/projects/{project_id}" in schema["paths"] and schema["info"]["title"] == "perfbudget API"
    page = client.get("/api/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in page and "<script>" not in page


def test_each_change_is_labelled_by_the_face_it_came_through(web: WebEnv) -> None:
    """Before: an edit through the API was labelled 网页修改 in the history (web, API, CLI)."""
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli_app
    from tests.web.conftest import csrf_of
    from tests.web.helpers import project_form, stored_project

    client = web.client()
    headers = auth(web, "editor")
    pid = web.project_ids[0]
    got = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    document = copy.deepcopy(got["document"])
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    assert client.put(f"/api/v1/projects/{pid}", headers=headers,
                      json={"base_version": got["version"], "document": document}).status_code == 200
    editor = web.client("editor")
    project, version = stored_project(web.app, pid)
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥16次"}))
    assert "已保存为第" in saved.text
    versions = client.get(f"/api/v1/projects/{pid}/history", headers=headers).json()["versions"]
    assert [v["how"] for v in versions[-2:]] == ["接口修改", "网页修改"]
    assert versions[-2]["file"] == "接口修改（editor）" and versions[-2]["via"] == "api"
    page = editor.get(f"/projects/{pid}/history").text
    assert "editor（接口修改）" in page and "editor（网页修改）" in page
    result = CliRunner().invoke(cli_app, ["history", str(pid), "--db", web.url])
    assert result.exit_code == 0, result.output
    assert "（接口修改）" in result.output and "（网页修改）" in result.output


def test_an_api_import_names_its_sender_not_a_second_api_label(web: WebEnv) -> None:
    """Before: a revision brought by an API import was recorded as 「接口导入「API 导入」带来修订稿…」."""
    from perfbudget.store.records import workflow_events
    from tests.web.helpers import approve

    client, pid = web.client(), web.project_ids[1]
    approve(web.app, pid)
    document = client.get(f"/api/v1/projects/{pid}", headers=auth(web, "admin")).json()["document"]
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥99次"}
    done = client.post("/api/v1/documents", headers=auth(web, "editor"), json=document)
    assert done.status_code == 200, done.text
    with web.app.state.engine.connect() as connection:
        comments = list(connection.execute(select(workflow_events.c.comment)
                                           .where(workflow_events.c.project_id == pid)).scalars())
    revise = [c for c in comments if c and "带来修订稿" in c]
    assert revise and revise[-1].startswith("接口导入「JSON 文档（editor）」带来修订稿第"), comments
    assert not any("API 导入" in (c or "") for c in comments)


def test_evaluation_errors_name_the_indicator_by_the_position_the_client_sent(web: WebEnv) -> None:
    """An API client sends ``position`` n; the errors must say 第 n 个指标, as the page does. Until 2026-12-04
    they said 「网页填报:第4行」 for position 2 (an internal row of the web form, in an API answer)."""
    from tests.web.helpers import approve

    client = web.client()
    pid = web.project_ids[0]
    approve(web.app, pid)
    editor = auth(web, "editor")
    project = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]["projects"][0]
    second = project["indicators"][1]["level3"]
    first = project["indicators"][0]["target"]
    answer = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json={
        "executed": project["budget"]["total"],
        "indicators": [{"position": 1, "actual": first["value"] + (first["unit"] or "")}]})
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "evaluation_failed"
    details = answer.json()["error"]["details"]
    assert any(d.startswith(f"第 2 个指标「{second}」：") for d in details), details
    assert not any("网页填报" in d or "第4行" in d for d in details), details


def test_an_evaluation_naming_an_indicator_the_project_lacks_or_twice_is_refused(web: WebEnv) -> None:
    """Position 99 of a 9-indicator project was dropped without a word and the 自评 saved; a position given twice
    kept its last actual (replay-f). Both are 422 ``invalid`` naming the request's field; nothing is saved."""
    from tests.web.helpers import approve

    client = web.client()
    pid = web.project_ids[0]
    approve(web.app, pid)
    editor = auth(web, "editor")
    project = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]["projects"][0]
    count = len(project["indicators"])
    indicators = []
    for position, indicator in enumerate(project["indicators"], 1):
        target = indicator["target"]
        indicators.append({"position": position, "actual": target["value"] + (target["unit"] or "")}
                          if target["kind"] == "quantitative" else {"position": position, "grade": "达成"})
    body = {"executed": project["budget"]["total"], "indicators": [*indicators, {"position": 99, "actual": "1"}]}
    answer = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=body)
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "invalid", answer.text
    lacks = f"没有第 99 个指标（该项目共 {count} 个指标，应为 1–{count}）"
    assert answer.json()["error"]["details"] == [{"location": f"body.indicators.{count}.position", "message": lacks}]
    body = {"executed": project["budget"]["total"], "indicators": [*indicators, {**indicators[0], "actual": "0"}]}
    twice = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=body)
    assert twice.status_code == 422 and twice.json()["error"]["details"] == [
        {"location": f"body.indicators.{count}.position", "message": "第 1 个指标重复填写"}]
    assert client.get(f"/api/v1/projects/{pid}/evaluation", headers=editor).status_code == 404  # nothing saved
    body = {"executed": project["budget"]["total"], "indicators": indicators}
    assert client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=body).status_code == 200


def test_stored_times_are_utc_with_their_offset_as_the_cli_gives_them(web: WebEnv) -> None:
    """SQLite hands stored times back naive: the API gave them without an offset (2026-12-04T20:04:40),
    PostgreSQL's with one, the CLI's --json always in UTC with +00:00. Now all say +00:00."""
    from datetime import datetime, timedelta

    client = web.client()
    pid = web.project_ids[0]
    editor, admin = auth(web, "editor"), auth(web, "admin")
    client.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "submit", "justification": "测试"})
    history = client.get(f"/api/v1/projects/{pid}/history", headers=editor).json()
    audit = client.get("/api/v1/audit?limit=5", headers=admin).json()["items"]
    times = [v["imported_at"] for v in history["versions"]] + [e["at"] for e in history["workflow"]] + [
        e["at"] for e in audit]
    assert len(times) >= 3
    for text in times:
        assert datetime.fromisoformat(text).utcoffset() == timedelta(0), text


def test_a_put_changing_the_projects_identity_is_refused_saying_how_to_rename(web: WebEnv) -> None:
    """A PUT renaming the project answered 200 「内容没有变化」 (the name was dropped silently; with a target changed
    too, the target was saved under the old name): identity is refused, each change named, with how to rename."""
    client, headers = web.client(), auth(web, "editor")
    pid = web.project_ids[0]
    got = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    old_name = got["document"]["projects"][0]["name"]

    def put(change: Any) -> Any:
        document = copy.deepcopy(got["document"])
        change(document)
        return client.put(f"/api/v1/projects/{pid}", headers=headers,
                          json={"base_version": got["version"], "document": document})

    renamed = put(lambda d: d["projects"][0].update(name="改过名的项目"))
    assert renamed.status_code == 422, renamed.text
    error = renamed.json()["error"]
    assert error["code"] == "identity_change"
    assert f"项目名称「{old_name}」改为「改过名的项目」" in error["message"] and "作为新项目导入" in error["message"]
    year = put(lambda d: d["projects"][0].update(fund_year=2031))
    assert year.status_code == 422 and "资金年度「" in year.json()["error"]["message"]
    unit = put(lambda d: d["unit"].update(code="999999"))
    assert unit.status_code == 422 and "单位编码「" in unit.json()["error"]["message"]
    both = put(lambda d: (d["projects"][0].update(name="又一个名字"),
                          d["projects"][0]["indicators"][0].update(target={"raw": "≥99次"})))
    assert both.status_code == 422
    after = client.get(f"/api/v1/projects/{pid}", headers=headers).json()
    assert after["version"] == got["version"] and after["document"] == got["document"]  # nothing stored
    unchanged = put(lambda d: None)  # the document as read: still 「没有变化」
    assert unchanged.status_code == 200 and unchanged.json()["status"] == "unchanged"
    page = web.client("editor").get(f"/projects/{pid}/edit").text  # the edit page says how to rename, too
    assert 'id="rename-hint"' in page and "作为新项目导入" in page


def test_the_audit_api_filters_by_user_and_project_as_the_cli_does(web: WebEnv) -> None:
    """``GET /api/v1/audit`` took only ``action``: an auditor's ``user=`` and ``project=`` were ignored and every
    entry came back (replay-f), while ``perfbudget audit --user/--project`` filtered. Now both give the same
    entries, each with its Chinese ``action_label``."""
    import json

    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    client = web.client()
    first, second = web.project_ids[0], web.project_ids[1]
    editor, admin = auth(web, "editor"), auth(web, "admin")
    for pid in (first, second):
        step = {"action": "submit", "justification": "测"}
        client.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json=step)
    got = client.get(f"/api/v1/audit?user=editor&project={first}", headers=admin).json()
    assert got["total"] == 1 and got["items"][0]["object_id"] == str(first), got
    assert got["items"][0]["action"] == "workflow.submit" and got["items"][0]["action_label"] == "送审"
    by_cli = CliRunner().invoke(cli, ["audit", "--db", web.url, "--json", "--user", "editor", "--project", str(first)])
    assert by_cli.exit_code == 0, by_cli.output
    assert json.loads(by_cli.stdout)["items"] == got["items"]
    assert client.get("/api/v1/audit?user=nobody", headers=admin).json()["total"] == 0
    assert client.get("/api/v1/audit?project=0", headers=admin).status_code == 422
