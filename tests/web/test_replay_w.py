"""replay-w: the issues replayed through the CLI, the API and the pages on a fresh machine; what differed between
the faces, fixed in the use-case layer (docs/web.md, *replay-w*)."""

from __future__ import annotations

import copy
import html
import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv
from tests.web.test_revisions import VIDEO, VIDEO_15, VIDEO_20, upload, variant

runner = CliRunner()


def _cli(*args: str) -> tuple[int, str]:
    done = runner.invoke(cli, list(args))
    return done.exit_code, done.output


def _faces(entries: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """Each entry's action and the face its 「操作途径」 names (None: it names none), oldest first."""
    said = [(e["action"], next((c["after"] for c in e["changes"] if c["field"] == "操作途径"), None))
            for e in entries]
    return said[::-1]


def test_every_audited_action_names_the_face_that_made_it(any_web: WebEnv) -> None:
    # faces-v made a workflow step's entry say 「操作途径：命令行 / 网页 / 接口」; an edit, an account's or a token's
    # change, a desk comment, a unit renamed, a project deleted and a sign-in said nothing of where they came from
    web, pid = any_web, any_web.project_ids[0]
    admin, editor = ({"Authorization": f"Bearer {web.token(who)}"} for who in ("admin", "editor"))
    api = web.client()
    newest = api.get("/api/v1/audit?limit=1", headers=admin).json()["items"][0]["id"]

    code, said = _cli("user", "add", "newbie", "--role", "viewer", "--password", "Zq8-plmn-wert", "--user", "admin",
                      "--db", web.url)
    assert code == 0, said
    got = api.get(f"/api/v1/projects/{pid}", headers=editor).json()
    document = copy.deepcopy(got["document"])
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    assert api.put(f"/api/v1/projects/{pid}", headers=editor,
                   json={"base_version": got["version"], "document": document}).status_code == 200
    assert api.patch("/api/v1/users/newbie", headers=admin, json={"active": False}).status_code == 200
    code, said = _cli("desk", "comment", str(pid), "--place", "name", "--text", "请核对名称", "--user", "reviewer",
                      "--db", web.url)
    assert code == 0, said
    unit = api.get("/api/v1/units", headers=admin).json()["items"][0]
    code, said = _cli("unit", "rename", unit["code"], "新名称单位", "--user", "admin", "--db", web.url)
    assert code == 0, said
    gone = api.delete(f"/api/v1/projects/{web.project_ids[-1]}", headers=admin)
    assert gone.status_code == 200, gone.text
    web.client("editor")  # signs in through the page

    listed = api.get("/api/v1/audit?limit=50", headers=admin).json()["items"]
    made = [e for e in listed if e["id"] > newest]
    assert _faces(made) == [("user.create", "命令行"), ("project.edit", "接口"), ("user.update", "接口"),
                            ("review.comment", "命令行"), ("unit.rename", "命令行"), ("project.delete", "接口"),
                            ("session.login", "网页")], _faces(made)
    assert all(e["after"]["face"] in ("cli", "web", "api") for e in made)  # the JSON for machines says it too
    code, printed = _cli("show", str(pid), "--db", web.url)  # the edit's version named by its face, not the account
    assert code == 0 and "导入自 接口修改（文档" in printed.splitlines()[0], printed.splitlines()[0]
    code, printed = _cli("audit", "--limit", str(len(made)), "--json", "--db", web.url)
    assert code == 0 and _faces(json.loads(printed)["items"]) == _faces(made)
    page = web.client("admin").get("/admin/audit?action=unit.rename")
    assert page.status_code == 200 and "操作途径：命令行" in page.text


def test_every_preview_says_that_bytes_imported_before_are_unchanged(any_web: WebEnv, seed_path: Path,
                                                                     tmp_path: Path) -> None:
    # `perfbudget import --dry-run` said 「与文档 N 是同一文件，已导入过：导入为「未变化」」 with the project changed
    # since; the API's upload preview and the page's listed the plan as for new bytes, and their import said 未变化
    web = any_web
    first = variant(seed_path, tmp_path, "first.txt", VIDEO, VIDEO_15)
    for path in (first, variant(seed_path, tmp_path, "later.txt", VIDEO, VIDEO_20)):
        code, said = _cli("import", str(path), "--user", "editor", "--db", web.url)
        assert code == 0, said
    code, said = _cli("import", str(first), "--dry-run", "--json", "--user", "editor", "--db", web.url)
    dry = json.loads(said)["files"][0]
    assert dry["same_file_as"] is not None and len(dry["notices"]) == 1, dry
    preview = web.client().post("/api/v1/uploads", headers={"Authorization": f"Bearer {web.token('editor')}"},
                                files={"file": (first.name, first.read_bytes(), "text/plain")}).json()
    assert (preview["same_file_as"], preview["notices"]) == (dry["same_file_as"], dry["notices"]), preview
    outsider = web.client().post("/api/v1/uploads", headers={"Authorization": f"Bearer {web.token('other_editor')}"},
                                 files={"file": (first.name, first.read_bytes(), "text/plain")}).json()
    assert outsider["blocked"] and (outsider["same_file_as"], outsider["notices"]) == (None, [])  # tells it nothing
    page, _ = upload(web.client("editor"), first)
    told = html.unescape(page)
    assert f"与文档 {dry['same_file_as']} 是同一文件，已导入过：导入为「未变化」" in told and 'id="same-file"' in page
    assert dry["notices"][0].split("内容与此文件")[0] in told  # the project changed since, named as the CLI names it
    other = variant(seed_path, tmp_path, "other.txt", VIDEO, "\t视频会议保障数量\n\t视频会议保障数量\n\t≥30次\n")
    fresh = web.client().post("/api/v1/uploads", headers={"Authorization": f"Bearer {web.token('editor')}"},
                              files={"file": (other.name, other.read_bytes(), "text/plain")}).json()
    assert (fresh["same_file_as"], fresh["notices"]) == (None, [])  # new bytes: nothing said


def test_the_api_refuses_monitoring_an_unapproved_project_in_the_words_of_the_command_line(web: WebEnv,
                                                                                         tmp_path: Path) -> None:
    # the API's 运行监控 said the page's 「请先在项目页「送审」，审核人员审核通过后再来填写」, where its own 自评 and
    # `perfbudget monitor --save` name the deployment's setting
    pid = web.project_ids[0]
    sheet = tmp_path / "m.csv"
    code, said = _cli("template", str(pid), "--kind", "monitor", "--month", "6", "--to", "csv", "-o", str(sheet),
                      "--db", web.url)
    assert code == 0, said
    code, said = _cli("monitor", str(pid), "--actuals", str(sheet), "--month", "6", "--save", "--user", "editor",
                      "--db", web.url)
    assert code == 1 and "PERFBUDGET_SELF_EVALUATION=any" in said, said
    answer = web.client().post(f"/api/v1/projects/{pid}/monitoring", data={"month": "6"},
                               headers={"Authorization": f"Bearer {web.token('editor')}"},
                               files={"file": (sheet.name, sheet.read_bytes(), "text/csv")})
    refused = answer.json()["error"]["message"]
    assert answer.status_code == 409 and said.strip() == f"错误：未保存：{refused}", answer.text


def test_a_library_group_is_not_renamed_to_another_group_s_name_on_any_face(any_web: WebEnv) -> None:
    # renaming a group to another group's name was done by the CLI and the API alike: two groups of one name, which
    # `library show NAME` then could not tell apart (「对应多个组」); a unit renamed to another unit's name is refused
    web = any_web
    admin = {"Authorization": f"Bearer {web.token('admin')}"}
    api = web.client()
    first, second = api.get("/api/v1/library?q=满意度", headers=admin).json()["groups"][:2]
    code, said = _cli("library", "rename", str(first["id"]), second["name"], "--user", "admin", "--db", web.url)
    refused = f"组 {second['id']} 已叫「{second['name']}」"
    assert code == 1 and refused in said and "合并" in said, said
    answer = api.post(f"/api/v1/library/groups/{first['id']}/rename", headers=admin, json={"name": second["name"]})
    assert answer.status_code == 422 and answer.json()["error"]["message"] in said, answer.text
    assert api.get(f"/api/v1/library/groups/{first['id']}", headers=admin).json()["name"] == first["name"]
    code, said = _cli("library", "rename", str(first["id"]), first["name"], "--user", "admin", "--db", web.url)
    assert code == 0, said  # its own name again: no other group holds it
