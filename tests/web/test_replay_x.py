"""replay-x: the issues' scenarios replayed through the CLI, the API and the pages on a fresh store; what the faces
left out or said apart fixed at the root (the use-case layer ``perfbudget.app``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of
from tests.web.test_revisions import VIDEO, VIDEO_15, variant
from tests.web.test_webflow24_pages import _account_row

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _audit_json(web: WebEnv, *args: str) -> dict[str, object]:
    done = runner.invoke(cli, ["audit", "--json", "--db", web.url, *args])
    assert done.exit_code == 0, done.output
    listed: dict[str, object] = json.loads(done.stdout)
    return listed


def test_a_project_s_audit_lists_the_imports_that_brought_its_versions_on_every_face(any_web: WebEnv, seed_path: Path,
                                                                                      tmp_path: Path) -> None:
    # `perfbudget audit --project N`, GET /api/v1/audit?project=N, the admin page's 项目编号 and the history page listed
    # the project's own entries only: the import that made it (and the one that brought its revision), filed under its
    # document, was missing from every face
    web = any_web
    changed = variant(seed_path, tmp_path, "修改后的目标表.txt", VIDEO, VIDEO_15)
    done = runner.invoke(cli, ["import", str(changed), "--user", "editor", "--db", web.url])
    assert done.exit_code == 0 and "新版本 1 个" in done.output, done.output
    first, other = web.project_ids[0], web.project_ids[2]
    cli_items = _audit_json(web, "--project", str(first))["items"]
    assert isinstance(cli_items, list)
    assert [(e["action"], e["object_type"], e["user"]) for e in cli_items] == [
        ("document.import", "document", "editor"), ("document.import", "document", "admin")]
    api = web.client().get(f"/api/v1/audit?project={first}", headers=_bearer(web, "admin")).json()
    assert api["items"] == cli_items and api["total"] == 2
    # a project the second file left unchanged: only the import that made it
    untouched = _audit_json(web, "--project", str(other))
    assert untouched["total"] == 1 and untouched["items"][0]["summary"].startswith("导入「")  # type: ignore[index]
    page = web.client("admin").get(f"/admin/audit?project={first}").text
    assert "共 2 条" in page and page.count("导入文件</td>") == 2, page[:3000]
    history = web.client("editor").get(f"/projects/{first}/history").text
    assert "导入「修改后的目标表.txt」" in history


def test_an_unknown_unit_is_refused_wherever_an_account_is_made_or_moved(web: WebEnv) -> None:
    # `perfbudget user add --unit 999999` made an account that saw nothing, without a word; the admins' page made it
    # too and warned after the fact; an account moved to a mistyped code the same
    said = ("库中没有单位编码为「999999」的单位：请核对编码是否与该单位表格表头中的编码一致（perfbudget list units "
            "列出库中的单位）；如该单位还没有导入过表格，请注明是新单位（命令行 --new-unit，网页勾选「新单位」）")
    add = ["user", "add", "zhao", "--role", "unit_editor", "--unit", "999999", "--password", "correct-horse-7",
           "--db", web.url, "--user", "admin"]
    refused = runner.invoke(cli, add)
    assert refused.exit_code == 1 and said in refused.output and "zhao" not in runner.invoke(
        cli, ["user", "list", "--db", web.url]).output
    made = runner.invoke(cli, [*add, "--new-unit"])  # a unit that has imported nothing yet, said so
    assert made.exit_code == 0 and "已创建账号 zhao（单位填报人员，单位 999999）" in made.output, made.output
    admin = web.client("admin")
    form = {"csrf_token": csrf_of(admin, "/admin/users"), "username": "qian", "password": "Chu-shi-mima-2026",
            "role": "unit_editor", "unit_code": "999999"}
    page = admin.post("/admin/users", data=form)
    assert page.status_code == 422 and said in page.text and 'name="username" value="qian"' in page.text
    editor_id = _account_row(web, "editor")[0]
    moved = admin.post(f"/admin/users/{editor_id}", data={"csrf_token": form["csrf_token"], "role": "unit_editor",
                                                          "unit_code": "999999", "active": "1"})
    assert moved.status_code == 422 and said in moved.text
    assert re.search(rf'name="new_unit" form="user-form-{editor_id}"', moved.text)  # the box to say it is new
    assert _account_row(web, "editor")[2] == "255101"  # nothing saved
    assert admin.post(f"/admin/users/{editor_id}", data={"csrf_token": form["csrf_token"], "role": "unit_editor",
                                                         "unit_code": "999999", "active": "1", "new_unit": "1"},
                      follow_redirects=False).status_code == 303
    assert _account_row(web, "editor")[2] == "999999"


def test_merging_a_group_with_itself_is_told_in_one_message_by_every_face(web: WebEnv) -> None:
    # the CLI and the API answered 「请给出要并入的其他组」 to a group merged with itself: not why
    searched = runner.invoke(cli, ["library", "search", "满意度", "--json", "--db", web.url])
    group = json.loads(searched.stdout)["groups"][0]["id"]
    said = f"组 {group} 不能并入它自己：请给出要并入的其他组"
    done = runner.invoke(cli, ["library", "merge", str(group), str(group), "--user", "admin", "--db", web.url])
    assert done.exit_code == 1 and f"错误：{said}" in done.output, done.output
    api = web.client().post(f"/api/v1/library/groups/{group}/merge", headers=_bearer(web, "admin"),
                            json={"others": [str(group)]})
    assert api.status_code == 422 and api.json()["error"]["message"] == said


def test_a_saved_review_is_audited_as_its_reviewer_saved_it(any_web: WebEnv) -> None:
    # `perfbudget review --save` sets the 审核等级 every face shows, and left no audit entry (docs/web.md said it
    # changed no project)
    web = any_web
    pid = web.project_ids[4]
    done = runner.invoke(cli, ["review", str(pid), "--db", web.url, "--save", "--user", "reviewer"])
    assert "已保存 1 个项目的审核结果" in done.output, done.output
    entry = _audit_json(web, "--action", "保存审核结果", "--project", str(pid))["items"][0]  # type: ignore[index]
    assert (entry["user"], entry["object_type"], entry["object_id"]) == ("reviewer", "project", str(pid))
    assert re.fullmatch(r"保存 1 个项目的审核结果（记录编号 \d+）：[优良中差] 1", entry["summary"])
    fields = {c["field"]: c["after"] for c in entry["changes"]}
    assert fields["操作途径"] == "命令行" and fields["项目数"] == "1"
    whole = runner.invoke(cli, ["review", "--db", web.url, "--unit", "255101", "--save", "--user", "reviewer",
                                "--summary"])
    assert "已保存 10 个项目的审核结果" in whole.output, whole.output
    run = _audit_json(web, "--action", "review.save", "--limit", "1")["items"][0]  # type: ignore[index]
    assert (run["object_type"], run["object_label"], run["unit_code"]) == ("review", "审核记录", "255101")
    assert run["summary"].startswith("保存 10 个项目的审核结果（记录编号 ")
    api = web.client().get("/api/v1/audit?action=review.save", headers=_bearer(web, "admin")).json()
    assert api["total"] == 2 and api["items"][0] == run


def test_a_field_of_the_wrong_type_is_told_what_it_takes_on_every_face(web: WebEnv, seed_path: Path,
                                                                        tmp_path: Path) -> None:
    # a perfbudget/1 document with a budget as a JSON number (17.1) or a name as a number was told 「类型不对」 alone by
    # `perfbudget import` and the API: not what the field takes
    document = json.loads(runner.invoke(cli, ["read", str(seed_path), "--json"]).stdout)
    document["projects"][0]["budget"]["total"] = 17.1
    document["projects"][1]["name"] = 5
    path = tmp_path / "数字.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    said = ("projects[0].budget.total: 类型不对：金额和数值应写成字符串形式的十进制数（如 \"17.1\"），给出的是 "
            "JSON 数字 17.1（会按二进制小数读入，可能失真）")
    done = runner.invoke(cli, ["import", str(path), "--db", web.url, "--user", "editor"])
    assert done.exit_code == 1 and said in done.output, done.output
    api = web.client().post("/api/v1/documents", headers=_bearer(web, "editor"), json=document)
    assert api.status_code == 422, api.text
    details = {d["location"]: d["message"] for d in api.json()["error"]["details"]}
    assert f"projects[0].budget.total: {details['projects[0].budget.total']}" == said
    assert details["projects[1].name"] == "类型不对：应为字符串，给出的是整数 5"
