"""replay-y: the issues' scenarios replayed through the CLI, the API and the pages on a fresh store; what the faces
left out or said apart fixed at the root."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.cli.usage_text import display_width
from tests.web.conftest import WebEnv

runner = CliRunner()


def _bearer(web: WebEnv, who: str = "admin") -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def test_a_list_written_to_a_file_or_a_pipe_keeps_each_row_on_one_line(web: WebEnv,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # `perfbudget list projects > 项目.txt` (or `| less`) broke every row over several lines at Rich's default of
    # 80 columns: 「检察业务、装备及外包服务费」 came out as 「检察」「业务」「、装」… in one column
    monkeypatch.delenv("COLUMNS", raising=False)  # a width the user sets still counts (pytest-xdist sets 80)
    listed = runner.invoke(cli, ["list", "projects", "--json", "--db", web.url])
    names = [item["name"] for item in json.loads(listed.stdout)["items"]]
    assert any(len(name) > 10 for name in names), names
    printed = runner.invoke(cli, ["list", "projects", "--db", web.url])
    assert printed.exit_code == 0, printed.output
    rows = [line for line in printed.stdout.splitlines() if line.startswith("│")]
    assert len(rows) == len(names), printed.stdout
    for name, row in zip(names, rows, strict=True):
        assert f"│ {name} " in row, (name, row)
    monkeypatch.setenv("COLUMNS", "60")  # a width the user asks for
    narrow = runner.invoke(cli, ["list", "projects", "--db", web.url]).stdout
    assert max(map(display_width, narrow.splitlines())) <= 60 < max(map(display_width, rows)), narrow


def test_ctrl_c_is_told_in_chinese(web: WebEnv, monkeypatch: pytest.MonkeyPatch) -> None:
    # Click said 「Aborted!」 to a command stopped by Ctrl+C
    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("perfbudget.cli.project_list.list_projects_command", interrupted)
    done = runner.invoke(cli, ["list", "projects", "--db", web.url])
    assert done.exit_code == 130 and "已中止" in done.stderr and "Aborted" not in done.output, done.output


_WORKFLOW_BODY = ("请求体应为 JSON 对象（请求头 Content-Type: application/json），字段：action（必填）、comment、"
                  "justification、version")  # (version: the one the reviewer saw, since attack38)


def test_a_request_body_the_api_cannot_take_is_told_with_what_to_send(web: WebEnv) -> None:
    # a body sent as a form, or without Content-Type: application/json, was 「应为对象」 at `body`; broken JSON was
    # 「不是有效的 JSON」 at `body.1` (a character's offset named as a field); a missing file 「缺少此项（必填）」; the
    # message 「提交的内容有误，请检查各字段」 named none of them
    client, headers = web.client(), _bearer(web)
    workflow = f"/api/v1/projects/{web.project_ids[0]}/workflow"
    as_form = client.post(workflow, data={"action": "submit"}, headers=headers)
    assert as_form.status_code == 422
    assert as_form.json()["error"] == {
        "code": "invalid", "message": f"提交的内容有误：body：应为对象：{_WORKFLOW_BODY}",
        "details": [{"location": "body", "message": f"应为对象：{_WORKFLOW_BODY}"}]}
    broken = client.post(workflow, content=b'{"action": submit}',
                         headers={**headers, "Content-Type": "application/json"})
    assert broken.status_code == 422
    assert broken.json()["error"]["details"] == [
        {"location": "body",
         "message": f"不是有效的 JSON：此处缺少值（或内容在此中断）（第 12 个字符）：{_WORKFLOW_BODY}"}]
    no_file = client.post("/api/v1/uploads", json={"file": "表格.xlsx"}, headers=headers)
    assert no_file.status_code == 422
    assert no_file.json()["error"]["details"] == [
        {"location": "body.file", "message": "缺少此项（必填）：请求应为 multipart/form-data 表单，字段：file（必填）"}]
    # a route taking the body whole (a perfbudget/1 document) names no field
    as_form = client.post("/api/v1/documents", data={"x": "1"}, headers=headers)
    assert as_form.json()["error"]["details"] == [
        {"location": "body", "message": "应为对象：请求体应为 JSON 对象（请求头 Content-Type: application/json）"}]
    # a field of a well-formed body is named as before, and now in the message too
    wrong = client.post(workflow, json={"action": "submit", "comment": 5}, headers=headers)
    assert wrong.json()["error"]["message"] == "提交的内容有误：body.comment：应为文字", wrong.text
    # a page keeps its headline and lists the fields below it
    page = web.client("admin").get("/admin/audit?page=0")
    assert page.status_code == 422 and "提交的内容有误，请检查各字段" in page.text
    assert "<code>query.page</code>：应不小于 1" in page.text, page.text[:2000]


def test_an_api_edit_of_a_target_with_raw_and_a_value_takes_the_rest_from_raw(any_web: WebEnv) -> None:
    # PUT /projects/{id} with a target {"raw": "≥95%", "value": "95"} was refused 「缺少字段「kind」」, where
    # {"raw": "≥95%"} alone was read with the grammar: the fields left out are now raw's, those given must agree
    web = any_web
    client, headers, project = web.client(), _bearer(web, "editor"), web.project_ids[0]
    stored = client.get(f"/api/v1/projects/{project}", headers=headers).json()
    document = stored["document"]
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥95%", "value": "95", "unit": "%"}
    saved = client.put(f"/api/v1/projects/{project}", json={"base_version": stored["version"], "document": document},
                       headers=headers)
    assert saved.status_code == 200, saved.text
    target = client.get(f"/api/v1/projects/{project}", headers=headers).json()["document"]["projects"][0][
        "indicators"][0]["target"]
    assert {k: target[k] for k in ("raw", "kind", "op", "value", "unit")} == {
        "raw": "≥95%", "kind": "quantitative", "op": ">=", "value": "95", "unit": "%"}
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥96%", "value": "95"}
    refused = client.put(f"/api/v1/projects/{project}", json={"base_version": saved.json()["version"],
                                                               "document": document}, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["error"]["details"] == [{
        "location": "projects[0].indicators[0].target.value",
        "message": "与指标值 raw「≥96%」不一致：给出 95，raw 读作 96；请改正其一，或只给 raw"}]
