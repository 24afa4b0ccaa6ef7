"""replay-v: the issues' scenarios replayed through the CLI and the API on a fresh store (README's set-up), what
differed between the faces or spoke another face's words fixed at the root (the use-case layer)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv
from tests.web.helpers import approve, stored_project
from tests.web.test_monitoring import _filled_template
from tests.web.test_revisions import VIDEO, VIDEO_15, upload, variant

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def test_a_deleted_project_and_a_renamed_or_merged_unit_are_told_in_chinese_in_the_audit_log(web: WebEnv) -> None:
    # `perfbudget audit`, GET /api/v1/audit and the admin's 审计日志 said 「unit.rename」 「unit 1」 and listed a
    # deleted project's 「reviews：2」 「documents_kept：1」: three audited actions had no label (nor a place in the
    # page's filter)
    admin = _bearer(web, "admin")
    unit_id = web.client().get("/api/v1/units", headers=admin).json()["items"][0]["id"]
    renamed = web.client().post(f"/api/v1/units/{unit_id}/rename", headers=admin, json={"name": "改名后的检察院"})
    assert renamed.status_code == 200, renamed.text
    deleted = web.client().delete(f"/api/v1/projects/{web.project_ids[-1]}", headers=admin)
    assert deleted.status_code == 200, deleted.text
    listed = web.client().get("/api/v1/audit?limit=2", headers=admin).json()["items"]
    assert [(e["action_label"], e["object_label"]) for e in listed] == [("删除项目", "项目"), ("单位改名", "单位")]
    assert listed[1]["object_text"] == f"单位 {unit_id}"
    fields = [c["field"] for e in listed for c in e["changes"]]
    assert "版本数" in fields and "删除的审核记录" in fields and "单位" in fields
    assert not [f for f in fields if re.fullmatch(r"[a-z_]+", f)], fields
    done = runner.invoke(cli, ["audit", "--limit", "2", "--db", web.url])
    assert done.exit_code == 0, done.output
    assert "删除项目" in done.output and "单位改名" in done.output and "单位 " in done.output
    assert not re.search(r"unit\.|project\.delete|\b[a-z_]+：", done.output), done.output
    page = web.client("admin").get("/admin/audit").text
    for code, label in (("project.delete", "删除项目"), ("unit.rename", "单位改名"), ("unit.merge", "合并单位")):
        assert f'<option value="{code}" >{label}</option>' in page


def test_the_api_preview_of_a_cut_table_names_the_api_s_flag_and_the_page_its_box(web: WebEnv, seed_path: Path,
                                                                                  tmp_path: Path) -> None:
    # POST /api/v1/uploads answered a cut-off table's fate with the upload page's words, 「不导入，勾选「保存不完整的
    # 表格」则保存…」: an API client has no box to tick (its way is allow_partial=true)
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(seed_path.read_text(encoding="utf-8").split("\n")[:45]), encoding="utf-8")
    answer = web.client().post("/api/v1/uploads", headers=_bearer(web, "editor"),
                               files={"file": ("cut.txt", cut.read_bytes(), "text/plain")})
    assert answer.status_code == 200, answer.text
    (fate,) = [f for f in answer.json()["plan"] if f["fate"] == "incomplete"]
    assert re.fullmatch(r"表格在第\d+行中断，只读到 2 个指标；不导入；要保存并标记为「不完整」请用 allow_partial"
                        r"（命令行 --allow-partial，网页勾选「保存不完整的表格」，API allow_partial=true）",
                        fate["message"]), fate["message"]
    page, _ = upload(web.client("editor"), cut)
    shown = re.search(r'class="fate-incomplete">([^<]*)<', page)
    assert shown and re.search(r"只读到 2 个指标；不导入，勾选「保存不完整的表格」则保存并标记为「不完整」$",
                               shown.group(1)), page[:2000]


def test_an_unknown_audit_action_is_refused_alike_and_a_label_chooses_it_on_every_face(web: WebEnv) -> None:
    # `perfbudget audit --action workflow.aprove` and GET /api/v1/audit?action=workflow.aprove listed nothing without a
    # word (a typo looked like an empty log); the CLI's and the API's --user/user said 「用户名」 where both take the
    # account's name or its display name, as the admin page's 用户 box says
    admin = _bearer(web, "admin")
    said = "操作「workflow.aprove」无效：应为 user.create（创建账号）、"
    api = web.client().get("/api/v1/audit?action=workflow.aprove", headers=admin)
    assert api.status_code == 422 and api.json()["error"]["code"] == "invalid_filter", api.text
    assert api.json()["error"]["message"].startswith("筛选条件有误：" + said)
    assert api.json()["error"]["details"][0]["name"] == "action"
    done = runner.invoke(cli, ["audit", "--action", "workflow.aprove", "--db", web.url])
    assert done.exit_code == 2 and "错误：" + said in done.output, done.output  # a usage error (replay-ab)
    page = web.client("admin").get("/admin/audit?action=workflow.aprove").text
    assert 'id="list-problems"' in page and said in page
    by_label = web.client().get("/api/v1/audit?action=导入文件", headers=admin).json()
    by_code = web.client().get("/api/v1/audit?action=document.import", headers=admin).json()
    assert by_label["total"] == by_code["total"] >= 1 and by_label["items"] == by_code["items"]
    listed = runner.invoke(cli, ["audit", "--action", "导入文件", "--json", "--db", web.url])
    assert listed.exit_code == 0 and json.loads(listed.stdout)["total"] == by_code["total"], listed.output
    assert "账号名或显示名称" in runner.invoke(cli, ["audit", "--help"]).output


def test_a_page_of_projects_as_json_is_the_api_s_page_on_both_faces(web: WebEnv) -> None:
    # `perfbudget list projects|queue|evaluations --json` gave {"kind", "total", "offset", "items"}: the API's page
    # without its `limit` (which `list units|indicators --json` give)
    for kind, path in (("projects", "projects"), ("queue", "review/queue"), ("evaluations", "evaluations")):
        done = runner.invoke(cli, ["list", kind, "--year", "all", "--limit", "3", "--json", "--db", web.url],
                             env={"PERFBUDGET_USER": "reviewer"})
        assert done.exit_code == 0, done.output
        api = web.client().get(f"/api/v1/{path}?year=all&limit=3", headers=_bearer(web, "reviewer"))
        assert {**api.json(), "kind": kind} == json.loads(done.stdout), kind


def test_import_dry_run_previews_each_table_as_the_api_upload_does_and_writes_nothing(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    # the upload page and POST /api/v1/uploads previewed an import (each table's fate and why); `perfbudget import`
    # had no --dry-run: the CLI could only import and see
    pid = web.project_ids[0]
    approve(web.app, pid)
    changed = variant(seed_path, tmp_path, "修改后的目标表.txt", VIDEO, VIDEO_15)
    api = web.client().post("/api/v1/uploads", headers=_bearer(web, "editor"),
                            files={"file": (changed.name, changed.read_bytes(), "text/plain")}).json()
    admin = _bearer(web, "admin")  # each token made is audited: one for the whole test
    audited = web.client().get("/api/v1/audit?limit=1", headers=admin).json()["total"]
    done = runner.invoke(cli, ["import", str(changed), "--dry-run", "--json", "--user", "editor", "--db", web.url])
    assert done.exit_code == 0, done.output
    (planned,) = json.loads(done.stdout)["files"]
    keys = ("plan", "blocked", "blocked_tables", "file_errors", "needs_confirmation", "can_import")
    assert {k: planned[k] for k in keys} == {k: api[k] for k in keys}
    assert [f["fate"] for f in planned["plan"]][:2] == ["revision", "unchanged"]
    text = runner.invoke(cli, ["import", str(changed), "--dry-run", "--user", "editor", "--db", web.url])
    assert text.exit_code == 0 and "预览（未导入）：保存为修订稿 1 个" in text.output, text.output
    assert "表1「2024年检察业务信息化运维项目」保存为修订稿：" in text.output
    assert stored_project(web.app, pid)[1] == 1  # nothing imported, nothing audited
    assert web.client().get("/api/v1/audit?limit=1", headers=admin).json()["total"] == audited
    other = runner.invoke(cli, ["import", str(changed), "--dry-run", "--user", "other_editor", "--db", web.url])
    assert other.exit_code == 1 and "不能导入：该文件属于单位「255101" in other.output, other.output
    cut = tmp_path / "cut.txt"
    cut.write_text("\n".join(seed_path.read_text(encoding="utf-8").split("\n")[:45]), encoding="utf-8")
    partial = runner.invoke(cli, ["import", str(cut), "--dry-run", "--db", web.url])
    assert partial.exit_code == 1 and "表格不完整：表格在第" in partial.output, partial.output
    assert "导入时须加 --allow-partial" in partial.output
    # bytes imported before: `import` says 未变化 without reading them, and so does the preview
    assert runner.invoke(cli, ["import", str(changed), "--user", "editor", "--db", web.url]).exit_code == 0
    again = runner.invoke(cli, ["import", str(changed), "--dry-run", "--json", "--db", web.url])
    assert again.exit_code == 0 and json.loads(again.stdout)["files"][0]["same_file_as"] is not None, again.output
    said = runner.invoke(cli, ["import", str(changed), "--dry-run", "--db", web.url]).output
    assert "是同一文件，已导入过：导入为「未变化」" in said, said
    forced = runner.invoke(cli, ["import", str(changed), "--dry-run", "--force", "--db", web.url])
    assert forced.exit_code == 1 and "错误：--dry-run 不能与 --force 同用" in forced.output, forced.output


def test_an_import_s_counts_are_said_in_the_same_words_by_the_cli_and_the_audit_log(web: WebEnv, seed_path: Path,
                                                                                     tmp_path: Path) -> None:
    # the CLI said 「新版本 1 个，未变化 9 个」 where the upload page and the audit entry said 「更新 1 个，未变 9 个」
    changed = variant(seed_path, tmp_path, "修改后的目标表.txt", VIDEO, VIDEO_15)
    done = runner.invoke(cli, ["import", str(changed), "--user", "editor", "--db", web.url])
    assert done.exit_code == 0 and "：新项目 0 个，新版本 1 个，未变化 9 个" in done.output, done.output
    entry = web.client().get("/api/v1/audit?action=document.import&limit=1", headers=_bearer(web, "admin")).json()
    assert entry["items"][0]["summary"] == "导入「修改后的目标表.txt」：新项目 0 个，新版本 1 个，未变化 9 个"


def test_the_admin_page_filters_the_audit_log_by_project_as_the_api_and_the_cli_do(web: WebEnv) -> None:
    # `perfbudget audit --project N` and GET /api/v1/audit?project=N listed one project's entries; the admin page had
    # no such filter (a ?project= was ignored: every entry came back)
    pid = web.project_ids[1]
    admin = _bearer(web, "admin")
    assert web.client().post(f"/api/v1/projects/{pid}/workflow", headers=_bearer(web, "editor"),
                             json={"action": "submit", "justification": "已核实"}).status_code == 200
    api = web.client().get(f"/api/v1/audit?project={pid}", headers=admin).json()
    assert api["total"] >= 1 and {(e["object_type"], e["object_id"]) for e in api["items"]} == {
        ("project", str(pid)), ("document", "1")}  # the import that brought it too, since replay-x
    page = web.client("admin").get(f"/admin/audit?project={pid}").text
    assert f"共 {api['total']} 条" in page and f'name="project" value="{pid}"' in page
    assert web.client("admin").get("/admin/audit?project=abc").text.count("项目编号「abc」无效：应为正整数") == 1


def test_a_project_s_saved_reviews_and_evaluations_as_json_are_the_api_s_answers(web: WebEnv) -> None:
    # `perfbudget evaluations P --json` gave the records without the API's kind_label, and both it and `reviews P
    # --json` framed them with `project` where the API gives `project_id`
    pid = web.project_ids[0]
    approve(web.app, pid)
    sheet = _filled_template(web, web.client("editor"), pid)
    saved = web.client().post(f"/api/v1/projects/{pid}/monitoring", headers=_bearer(web, "editor"),
                              data={"month": "6"}, files={"file": ("监控.xlsx", sheet, "application/octet-stream")})
    assert saved.status_code == 200, saved.text
    for command, path in (("evaluations", "evaluations"), ("reviews", "reviews")):
        done = runner.invoke(cli, [command, str(pid), "--json", "--db", web.url])
        assert done.exit_code == 0, done.output
        api = web.client().get(f"/api/v1/projects/{pid}/{path}", headers=_bearer(web, "admin")).json()
        listed = json.loads(done.stdout)
        assert listed.pop("project")["id"] == pid and listed == api, command
        assert api[command], command
    assert json.loads(runner.invoke(cli, ["evaluations", str(pid), "--json", "--db", web.url]).stdout)[
        "evaluations"][0]["kind_label"] == "运行监控"


def test_a_refused_revision_leaves_the_other_tables_to_skip_blocked_on_every_face(web: WebEnv, seed_path: Path,
                                                                                  tmp_path: Path) -> None:
    # PERFBUDGET_REVISIONS=refuse, a file changing an approved table and adding another: the upload page's 确认导入
    # imported the other (its route dropped the refused one) while the API's import answered 409 with nothing imported
    # and its preview offered nothing (can_import_rest false), and `perfbudget import --skip-blocked` refused the file
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    pid = web.project_ids[0]
    approve(web.app, pid)
    text = seed_path.read_text(encoding="utf-8").replace(VIDEO, VIDEO_15)
    path = tmp_path / "two-changes.txt"
    path.write_text(text.replace("检察装备经费", "检察装备新经费"), encoding="utf-8")
    refusing = create_app(WebConfig(database_url=web.url, secret_key="test-secret-key-" + "x" * 32,
                                    revisions="refuse"))
    env = WebEnv(refusing, web.url, web.project_ids, web.other_project_id)
    editor = {"Authorization": f"Bearer {env.token('editor')}"}
    try:
        preview = env.client().post("/api/v1/uploads", headers=editor,
                                    files={"file": (path.name, path.read_bytes(), "text/plain")}).json()
        assert (preview["can_import"], preview["can_import_rest"], preview["rest_count"]) == (False, True, 9)
        imported = f"/api/v1/uploads/{preview['upload_id']}/import"
        assert env.client().post(imported, headers=editor, json={}).status_code == 409  # not asked: nothing
        done = env.client().post(imported, headers=editor, json={"skip_blocked": True})
        assert done.status_code == 200 and done.json()["new_projects"] == 1, done.text
        assert "不接受对已送审、已审核项目的导入修改" in done.json()["refused_tables"][0]["message"]
        assert stored_project(web.app, pid)[1] == 1  # the approved table untouched
        other = tmp_path / "another-change.txt"
        other.write_text(text.replace("检察装备经费", "检察装备另一经费"), encoding="utf-8")
        cli_env = {"PERFBUDGET_REVISIONS": "refuse"}
        refused = runner.invoke(cli, ["import", str(other), "--user", "editor", "--db", web.url], env=cli_env)
        assert refused.exit_code == 1 and "未导入" in refused.output, refused.output
        rest = runner.invoke(cli, ["import", str(other), "--skip-blocked", "--user", "editor", "--db", web.url],
                             env=cli_env)
        assert rest.exit_code == 1 and "新项目 1 个" in rest.output, rest.output  # exit 1: a table was left out
        assert "不接受对已送审、已审核项目的导入修改" in rest.output
        assert stored_project(web.app, pid)[1] == 1
    finally:
        refusing.state.engine.dispose()
