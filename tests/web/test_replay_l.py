"""replay-l: issue 7's audit log read as people read it (fields in Chinese, old → new) on the CLI, the API and the
page; issue 14's desk and 审核意见书 naming reviewers by their display names; issue 6's 自评 and 运行监控 saved from
the command line as the account PERFBUDGET_USER names — each through the CLI and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

from docx import Document as WordDocument
from typer.testing import CliRunner

from perfbudget.app.accounts import create_user
from perfbudget.app.roles import Role
from perfbudget.cli import app as cli
from tests.web.conftest import PASSWORD, WebEnv
from tests.web.helpers import approve
from tests.web.test_same_result import P1, P1_ROWS


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = CliRunner().invoke(cli, list(args), env=env)
    return done.exit_code, done.output


def _auth(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


def test_the_audit_log_says_what_changed_in_chinese_on_every_face(any_web: WebEnv) -> None:
    """Issue 7: the audit log keeps the values before and after; until replay-l every face showed their JSON as it is
    (「{"state": "submitted"}」, an edit's whole project twice). Now each entry lists its changed fields by their
    Chinese names, old → new; the JSON stays for machines."""
    web, pid = any_web, any_web.project_ids[0]
    client = web.client()
    got = client.get(f"/api/v1/projects/{pid}", headers=_auth(web, "editor")).json()
    document = copy.deepcopy(got["document"])
    first = document["projects"][0]["indicators"][0]
    old_target = first["target"]["raw"]
    first["target"] = {"raw": "≥15次"}
    assert client.put(f"/api/v1/projects/{pid}", headers=_auth(web, "editor"),
                      json={"base_version": got["version"], "document": document}).status_code == 200
    stepped = client.post(f"/api/v1/projects/{pid}/workflow", headers=_auth(web, "editor"),
                          json={"action": "submit", "justification": "已核对"})
    assert stepped.status_code == 200, stepped.text
    returned = client.post(f"/api/v1/projects/{pid}/workflow", headers=_auth(web, "reviewer"),
                           json={"action": "return", "comment": "请补充测算依据"})
    assert returned.status_code == 200, returned.text

    listed = client.get("/api/v1/audit?action=workflow.return", headers=_auth(web, "admin")).json()["items"][0]
    assert {"field": "流程状态", "before": "已送审", "after": "已退回"} in listed["changes"]
    assert {"field": "意见", "before": None, "after": "请补充测算依据"} in listed["changes"]
    assert listed["before"] == {"state": "submitted"}  # the JSON for machines, as before
    edit = client.get("/api/v1/audit?action=project.edit", headers=_auth(web, "admin")).json()["items"][0]
    assert edit["changes"] == [{"field": f"第 1 个指标「{first['level3']}」 指标值", "before": old_target,
                                "after": "≥15次"},  # the one cell changed, not the two projects whole
                               {"field": "操作途径", "before": None, "after": "接口"}]  # the face, since replay-w

    code, said = _cli("audit", "--db", web.url, "--action", "workflow.return")
    assert code == 0 and "流程状态：已送审 → 已退回" in said and "意见：请补充测算依据" in said
    assert '"state"' not in said and "submitted" not in said
    code, said = _cli("audit", "--db", web.url, "--action", "project.edit")
    assert code == 0 and f"指标值：{old_target} → ≥15次" in said
    code, said = _cli("audit", "--db", web.url, "--action", "workflow.return", "--json")
    item = json.loads(said)["items"][0]
    assert item["changes"] == listed["changes"] and item["after"]["state"] == "returned"

    page = web.client("admin").get("/admin/audit?action=workflow.return")
    assert page.status_code == 200 and "流程状态：已送审 → 已退回" in page.text


def test_the_desk_and_the_opinion_name_reviewers_by_their_display_names(any_web: WebEnv, tmp_path: Path) -> None:
    """Issue 14: a reviewer's cell comment, finding decision and grade named the account (「li」) on the desk (page,
    CLI, API) and in the 审核意见书, where the history names people by their display names since replay-k."""
    web, pid = any_web, any_web.project_ids[1]
    account = create_user(web.app.state.engine, "li", PASSWORD, Role.REVIEWER, None, display_name="李审核")
    assert not isinstance(account, str), account
    db = ("--db", web.url)
    assert _cli("desk", "comment", str(pid), "--place", "budget", "--text", "请写明测算依据", "--user", "li",
                *db)[0] == 0
    assert _cli("desk", "grade", str(pid), "中", "--reason", "目标不够具体", "--user", "li", *db)[0] == 0
    assert _cli("desk", "decide", str(pid), "1", "--decision", "dismissed", "--reason", "已电话核实", "--user", "li",
                *db)[0] == 0
    assert _cli("workflow", str(pid), "comment", "--comment", "请本周内修改", "--user", "li", *db)[0] == 0

    code, shown = _cli("desk", "show", str(pid), "--user", "reviewer", *db)
    assert code == 0, shown
    assert "请写明测算依据（李审核）" in shown and "审核人员评定 中（李审核）" in shown
    data = web.client().get(f"/api/v1/projects/{pid}/desk", headers=_auth(web, "reviewer")).json()
    said = data["comments"][0]
    assert (said["username"], said["display_name"], said["user_label"]) == ("li", "李审核", "李审核")
    assert data["reviewer_grade"]["user_label"] == "李审核"
    decided = next(f["decision"] for f in data["findings"] if f["decision"])
    assert decided["user_label"] == "李审核"
    assert json.loads(_cli("desk", "show", str(pid), "--user", "reviewer", "--json", *db)[1]) == data

    # the saved reviews and the reviewers' grades on the API as perfbudget reviews lists them (CLI only until replay-l)
    saved = web.client().get(f"/api/v1/projects/{pid}/reviews", headers=_auth(web, "viewer")).json()
    listed = json.loads(_cli("reviews", str(pid), "--json", *db)[1])
    assert saved["reviews"] == listed["reviews"] and saved["reviews"]
    assert saved["reviewer_grades"] == listed["reviewer_grades"] and saved["reviewer_grades"][-1]["grade"] == "中"
    assert web.client().get(f"/api/v1/projects/{web.other_project_id}/reviews",
                            headers=_auth(web, "editor")).status_code == 404

    page = web.client("reviewer").get(f"/projects/{pid}/review")
    assert "请写明测算依据（李审核" in page.text and "已电话核实（李审核" in page.text
    html = web.client().get(f"/api/v1/projects/{pid}/opinion.html", headers=_auth(web, "reviewer")).text
    assert "请写明测算依据（李审核）" in html and "意见（第 1 版，李审核）：请本周内修改" in html
    word = web.client().get(f"/api/v1/projects/{pid}/opinion.docx", headers=_auth(web, "reviewer")).content
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word)).paragraphs)
    assert "请写明测算依据（李审核）" in text and "（li）" not in text


def test_evaluate_and_monitor_save_as_the_account_perfbudget_user_names(any_web: WebEnv, tmp_path: Path) -> None:
    """Issue 6 from the command line: ``evaluate --save`` and ``monitor --save`` recorded the login name (「root」) as
    who saved, even where PERFBUDGET_USER named the account ``workflow`` and ``desk`` act as, and let any login save
    any unit's. Now ``--user`` (or PERFBUDGET_USER) records the account and checks its role and unit as the page and
    the API do."""
    web, pid = any_web, any_web.project_ids[0]
    approve(web.app, pid)
    db = ("--db", web.url)
    sheet = tmp_path / "sheet.csv"
    lines = ["项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析"]
    for level3, value in P1_ROWS.items():
        actual, _, grade = value.partition("|")
        lines.append(f"{P1},{level3},{actual},{grade},,")
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")

    code, said = _cli("evaluate", str(pid), "-a", str(sheet), "--save", *db, env={"PERFBUDGET_USER": "reviewer"})
    assert code == 1 and "未保存：您的角色不能填报实际完成值（账号「reviewer」）" in said
    code, said = _cli("evaluate", str(pid), "-a", str(sheet), "--save", *db, env={"PERFBUDGET_USER": "other_editor"})
    assert code == 1 and "您的角色不能填报实际完成值" in said  # another unit's editor
    code, said = _cli("evaluate", str(pid), "-a", str(sheet), "--save", "--user", "editor", "--actor", "x", *db)
    assert code == 1 and "--user 与 --actor 只能给一个" in said
    code, said = _cli("evaluate", str(pid), "-a", str(sheet), "--save", *db, env={"PERFBUDGET_USER": "editor"})
    assert code == 0 and "已保存 1 个项目的自评结果" in said, said
    entry = web.client().get(f"/api/v1/audit?action=evaluation.save&project={pid}",
                             headers=_auth(web, "admin")).json()["items"][0]
    assert entry["user"] == "editor"
    code, listed = _cli("evaluations", str(pid), *db)
    assert code == 0 and "填报人 editor" in listed
    # the records' history on the API as on the command line (the API gave the latest only until replay-l)
    records = web.client().get(f"/api/v1/projects/{pid}/evaluations", headers=_auth(web, "viewer"))
    assert records.status_code == 200, records.text
    item = records.json()["evaluations"][-1]
    assert (item["kind"], item["kind_label"], item["actor"], item["sheet"]) == ("self-evaluation", "自评", "editor",
                                                                                  "sheet.csv")  # no server path
    cli_items = json.loads(_cli("evaluations", str(pid), "--json", *db)[1])["evaluations"]
    assert [(i["id"], i["total"], i["grade"], i["year"]) for i in cli_items] == \
        [(i["id"], i["total"], i["grade"], i["year"]) for i in records.json()["evaluations"]]
    bad = web.client().get(f"/api/v1/projects/{pid}/evaluations?kind=review", headers=_auth(web, "viewer"))
    code, said = _cli("evaluations", str(pid), "--kind", "review", *db)
    assert bad.status_code == 422 and code == 2 and bad.json()["error"]["message"] in said
    assert web.client().get(f"/api/v1/projects/{web.other_project_id}/evaluations",
                            headers=_auth(web, "editor")).status_code == 404  # another unit's
    # monitoring: the same rule and message as the page's and the API's
    month_sheet = tmp_path / "m.xlsx"
    assert _cli("template", str(pid), "--kind", "monitor", "--month", "6", "--to", "xlsx", "-o", str(month_sheet),
                *db)[0] == 0
    code, said = _cli("monitor", str(pid), "-a", str(month_sheet), "-m", "6", "--save", "--user", "viewer", *db)
    assert code == 1 and "未保存：您的角色不能填报运行监控（账号「viewer」）" in said


def test_the_library_export_is_on_the_api_as_on_the_command_line(any_web: WebEnv, tmp_path: Path) -> None:
    """Issue 16: 「perfbudget library export --to xlsx|json (a 指标库 a bureau can publish)」 — the API had search,
    groups and similar projects but no export until replay-l."""
    from openpyxl import load_workbook

    web = any_web
    code, printed = _cli("library", "export", "--to", "json", "--min-count", "2", "--db", web.url)
    assert code == 0, printed
    api = web.client().get("/api/v1/library/export/json?min_count=2", headers=_auth(web, "editor"))
    assert api.status_code == 200 and api.headers["content-type"].startswith("application/json")
    assert api.text == printed and json.loads(api.text)["groups"]
    sheet = tmp_path / "lib.xlsx"
    assert _cli("library", "export", "--to", "xlsx", "-o", str(sheet), "--db", web.url)[0] == 0
    got = web.client().get("/api/v1/library/export/xlsx", headers=_auth(web, "viewer"))
    assert got.status_code == 200 and "attachment" in got.headers["content-disposition"]
    (tmp_path / "api.xlsx").write_bytes(got.content)
    rows = [list(load_workbook(path).active.iter_rows(values_only=True)) for path in (sheet, tmp_path / "api.xlsx")]
    assert rows[0] == rows[1] and len(rows[0]) > 1
    code, said = _cli("library", "export", "--to", "pdf", "--db", web.url)
    refused = web.client().get("/api/v1/library/export/pdf", headers=_auth(web, "editor"))
    assert code == 2 and refused.status_code == 422  # a usage error on the command line (replay-ab)
    assert refused.json()["error"]["message"] == "不支持的导出格式：pdf（可选 xlsx、json）" in said
