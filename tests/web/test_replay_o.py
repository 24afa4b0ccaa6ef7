"""replay-o: closed issues' scenarios replayed through the CLI and the API, on SQLite and PostgreSQL; what failed
there, each tested on both faces through the use case every face calls."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of

runner = CliRunner()


def _submit(web: WebEnv, who: str, ids: list[int]) -> None:
    editor = web.client(who)
    for pid in ids:
        done = editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                              "action": "submit", "justification": "已核对"})
        assert done.status_code in (200, 303), done.text[:500]


def test_a_batch_tells_apart_projects_of_one_name(any_web: WebEnv) -> None:
    # Issue 14 (the queue's batch) replayed: the seed has two 「2024年检察业务经费项目」 (2024中央, 2024市级) and the
    # other unit a copy of the seed's first project. The batch's message named each of them alike, so a reviewer
    # could not tell which one was done and which refused (replay-n's left item); now the fund label, then the unit.
    web = any_web
    first, twin_a, twin_b = web.project_ids[0], web.project_ids[4], web.project_ids[5]
    assert web.other_project_id is not None
    _submit(web, "editor", [first, twin_a])
    _submit(web, "other_editor", [web.other_project_id])
    api = web.client()
    reviewer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    done = api.post("/api/v1/review/batch", headers=reviewer,
                    json={"projects": [{"project_id": p, "version": 1}
                                       for p in (twin_a, twin_b, first, web.other_project_id)],
                          "action": "approve"}).json()
    assert done["message"] == (
        "已审核通过 3 个项目：「2024年检察业务经费项目」（2024市级）第 1 版、"
        "「2024年检察业务信息化运维项目」（2024中央，单位 255101 天津市和平区人民检察院）第 1 版、"
        "「2024年检察业务信息化运维项目」（2024中央，单位 999001 其他测试单位）第 1 版；"
        "未处理 1 个：项目当前为「草稿」，不能「审核通过」（「2024年检察业务经费项目」（2024中央））"), done
    # the CLI says it alike, from the same use case: both twins refused now (one approved, one a draft)
    said = runner.invoke(cli, ["desk", "batch", "return", str(twin_a), str(twin_b), "--comment", "请补充",
                               "--user", "reviewer", "--db", web.url])
    assert said.exit_code == 1
    assert said.output.strip() == ("未处理 2 个：项目当前为「审核通过」，不能「退回」"
                                   "（「2024年检察业务经费项目」（2024市级））；"
                                   "项目当前为「草稿」，不能「退回」"
                                   "（「2024年检察业务经费项目」（2024中央））"), said.output
    # a project of a name alone in the batch is named as before
    alone = runner.invoke(cli, ["desk", "batch", "return", str(first), "--comment", "请补充", "--user", "reviewer",
                                "--db", web.url, "--json"])
    assert json.loads(alone.output)["message"] == ("未处理 1 个：项目当前为「审核通过」，不能「退回」"
                                                   "（「2024年检察业务信息化运维项目」）"), alone.output


def test_a_workflow_steps_audit_summary_names_the_project(any_web: WebEnv) -> None:
    # Issue 7 (the audit log) replayed on the API and `perfbudget audit`: a step's summary said 「项目 2：送审」, a
    # number where the log names everything else by its name (replay-n's left item). Now the step writes the name,
    # and an entry written before is read with it while its project is there.
    from sqlalchemy import insert

    from perfbudget.store.records import audit_log
    from perfbudget.store.schema import utc_now

    web = any_web
    pid = web.project_ids[5]
    api = web.client()
    editor = {"Authorization": f"Bearer {web.token('editor')}"}
    assert api.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "submit"}).status_code == 200
    done = runner.invoke(cli, ["workflow", str(pid), "return", "--comment", "请补充测算依据", "--user", "reviewer",
                               "--db", web.url])
    assert done.exit_code == 0, done.output
    with web.app.state.engine.begin() as connection:  # a step recorded before replay-o
        connection.execute(insert(audit_log).values(
            at=utc_now(), username="editor", action="workflow.comment", object_type="project", object_id=str(pid),
            summary=f"项目 {pid}：意见（已补充）"))
    name = "项目「2024年检察业务经费项目」（2024中央）"
    admin = {"Authorization": f"Bearer {web.token('admin')}"}
    items = api.get(f"/api/v1/audit?project={pid}", headers=admin).json()["items"]
    assert [i["summary"] for i in items] == [f"{name}：意见（已补充）", f"{name}：退回（请补充测算依据）",
                                             f"{name}：送审",  # and the import that made it, since replay-x
                                             "导入「000_e2047472f0d7711d.txt」：新项目 10 个，新版本 0 个，"
                                             "未变化 0 个"], items
    listed = runner.invoke(cli, ["audit", "--project", str(pid), "--db", web.url, "--json"])
    assert [i["summary"] for i in json.loads(listed.output)["items"]] == [i["summary"] for i in items]
    text = runner.invoke(cli, ["audit", "--project", str(pid), "--db", web.url]).output
    assert f"{name}：送审" in text and f"项目 {pid}：" not in text, text


def test_the_self_evaluation_page_takes_the_units_own_table_as_its_actuals(web: WebEnv, seed_path: Path,
                                                                           tmp_path: Path) -> None:
    # Issue 6 replayed: a 监控表 uploaded on the monitoring page gives its own figures; a 自评表 uploaded on the 自评
    # page was read as a fill-in workbook (「无法读取 xlsx 文件」 for a .docx). Now both, as the CLI's -a.
    pid = web.project_ids[0]
    _submit(web, "editor", [pid])
    api = web.client()
    reviewer = {"Authorization": f"Bearer {web.token('reviewer')}"}
    approved = api.post(f"/api/v1/projects/{pid}/workflow", headers=reviewer, json={"action": "approve", "version": 1})
    assert approved.status_code == 200, approved.text
    sheet, table = tmp_path / "填报.csv", tmp_path / "自评表.docx"
    rows = {"全年执行数": "16", "视频会议保障数量": "12次", "信息化设备（系统）巡检次数": "15次",
            "信息化系统运维服务验收合格率": "100%", "网络连通率": "98%", "系统故障修复平均响应时间": "2小时",
            "运行系统（软件）维护成本": "17万元", "信息化设备（系统）正常使用年限": "5年", "服务干警满意度": "95%"}
    sheet.write_text("项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析\n" + "".join(
        f"2024年检察业务信息化运维项目-2024中央,{k},{v},,,\n" for k, v in rows.items())
        + "2024年检察业务信息化运维项目-2024中央,保障司法工作正常开展,,达成,,\n", encoding="utf-8")
    made = runner.invoke(cli, ["evaluate", str(seed_path), "-a", str(sheet), "--to", "docx", "-o", str(table)])
    assert made.exit_code == 0, made.output
    editor = web.client("editor")
    page = editor.post(f"/projects/{pid}/evaluate/upload", data={"csrf_token": csrf_of(editor, "/account")},
                       files={"file": ("自评表.docx", table.read_bytes(), "application/octet-stream")})
    assert page.status_code == 200 and "自评完成" in page.text and "无法读取 xlsx" not in page.text, page.text[:3000]
    assert "93.91" in page.text


def test_revoking_a_token_not_ones_own_is_refused_alike_on_the_cli_and_the_api(any_web: WebEnv) -> None:
    # Issue 7 (accounts and tokens) replayed: a unit editor revoking a reviewer's token, or one there is not, was told
    # 「没有该令牌」 by the API and 「只有管理员可以管理账号」 by `perfbudget user revoke --user`.
    from perfbudget.app.accounts import token_owner

    web = any_web
    api = web.client()
    theirs = {"Authorization": f"Bearer {web.token('reviewer')}"}
    mine = {"Authorization": f"Bearer {web.token('editor')}"}
    reviewer_token = api.get("/api/v1/tokens", headers=theirs).json()["items"][0]["id"]
    own_token = api.get("/api/v1/tokens", headers=mine).json()["items"][0]["id"]
    for token_id in (reviewer_token, 999_999):
        by_api = api.delete(f"/api/v1/tokens/{token_id}", headers=mine)
        assert by_api.status_code == 404 and by_api.json()["error"]["message"] == "没有该令牌"
        by_cli = runner.invoke(cli, ["user", "revoke", str(token_id), "--user", "editor", "--db", web.url])
        assert by_cli.exit_code == 1 and by_cli.output.strip() == "错误：没有该令牌", by_cli.output
    assert api.get("/api/v1/me", headers=theirs).status_code == 200  # still live
    done = runner.invoke(cli, ["user", "revoke", str(own_token), "--user", "editor", "--db", web.url])
    assert done.exit_code == 0 and done.output.strip() == f"已吊销令牌 {own_token}", done.output
    assert api.get("/api/v1/me", headers=mine).status_code == 401
    assert token_owner(web.app.state.engine, reviewer_token) is not None


def test_an_import_onto_a_waiting_revision_says_the_approved_version_stays_official(any_web: WebEnv, seed_path: Path,
                                                                                   tmp_path: Path) -> None:
    # Issue 11 point 2 replayed: the first import changing an approved project says the approved version stays the
    # official one; a second import onto that revision said nothing, on the CLI, the upload preview and the API.
    web = any_web
    pid = web.project_ids[0]
    _submit(web, "editor", [pid])
    api = web.client()
    editor = {"Authorization": f"Bearer {web.token('editor')}"}
    assert api.post(f"/api/v1/projects/{pid}/workflow", headers={"Authorization": f"Bearer {web.token('reviewer')}"},
                    json={"action": "approve", "version": 1}).status_code == 200
    text = seed_path.read_text(encoding="utf-8")
    files = []
    for n, target in enumerate(("≥14次", "≥15次", "≥16次")):
        files.append(tmp_path / f"seed{n}.txt")
        files[-1].write_text(text.replace("≥12次", target, 1), encoding="utf-8")
    first = runner.invoke(cli, ["import", str(files[0]), "--user", "editor", "--db", web.url])
    assert first.exit_code == 0 and "已审核通过：导入的修改保存为修订稿第 2 版" in first.output, first.output
    second = runner.invoke(cli, ["import", str(files[1]), "--user", "editor", "--db", web.url])
    said = ("「2024年检察业务信息化运维项目」（2024中央）的修订稿（草稿，第 2 版）改为第 3 版；"
            "审核通过的第 1 版仍是正式版本（显示、导出、自评均用它），直到修订稿送审并审核通过")
    assert second.exit_code == 0 and f"  · {said}" in second.output, second.output
    preview = api.post("/api/v1/uploads", headers=editor,
                       files={"file": ("seed2.txt", files[2].read_bytes(), "text/plain")}).json()
    fate = next(f for f in preview["plan"] if f["project_id"] == pid)
    assert fate["fate"] == "changed" and fate["message"] == said.replace("第 2 版）改为第 3 版", "第 3 版）改为第 4 版")
    done = api.post(f"/api/v1/uploads/{preview['upload_id']}/import", headers=editor, json={}).json()
    assert fate["message"] in done["notices"], done
    shown = api.get(f"/api/v1/projects/{pid}", headers=editor).json()
    assert (shown["official_version"], shown["latest_version"], shown["revision_pending"]) == (1, 4, True)
