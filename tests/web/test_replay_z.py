"""replay-z: the issues' scenarios replayed through the CLI, the API and the pages on a fresh store; what the faces
said apart fixed at the root (docs/web.md, *replay-z*)."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import project_form, stored_project

runner = CliRunner()


def _bearer(web: WebEnv, who: str = "admin") -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def _cli(web: WebEnv, *args: str) -> Any:
    return runner.invoke(cli, [*args, "--db", web.url])


def test_a_number_is_a_project_id_on_every_face(any_web: WebEnv) -> None:
    # `perfbudget show 0` listed the 8 projects whose names hold a 0 and `show 2024` the 2024 ones (「对应 8 个项目，
    # 请用编号指定」), where the API's /projects/0 and /projects/2024 are 404; a number is an id on every face now,
    # and the refusal says what was looked for
    web, api = any_web, any_web.client()
    names = json.loads(_cli(web, "list", "projects", "--json").stdout)["items"]
    assert sum("0" in item["name"] for item in names) > 1 and all(item["id"] < 2024 for item in names)
    for number in ("0", "2024", "99999999999999999999"):
        shown = _cli(web, "show", number)
        assert shown.exit_code == 1 and shown.stdout == "", shown.output
        assert shown.stderr.startswith(f"错误：数据库中没有编号为 {number} 的项目（纯数字按项目编号查找"), shown.stderr
        assert f"perfbudget list projects --search {number}" in shown.stderr
        if len(number) < 19:
            assert api.get(f"/api/v1/projects/{number}", headers=_bearer(web)).status_code == 404
    assert _cli(web, "history", " 3 ").exit_code == 0  # spaces around a number: still the id
    by_part = _cli(web, "show", "司法救助")  # text is a name, or a part of one, as before
    assert by_part.exit_code == 0 and "2024年司法救助项目" in by_part.stdout
    batch = _cli(web, "desk", "batch", "approve", "0", "--user", "reviewer", "--json")
    assert batch.exit_code == 1
    unresolved = json.loads(batch.stdout)["unresolved"]
    assert unresolved[0]["reference"] == "0" and unresolved[0]["message"].startswith("没有编号为 0 的项目"), unresolved


def test_a_stale_edit_is_refused_even_when_it_equals_the_latest_version(any_web: WebEnv) -> None:
    # issue 11's conflict rule: writers are compared and set on the version, so an edit made on an older version is
    # refused (409) even when its content equals the latest — its author edited without seeing the newer version;
    # an edit on the latest version that changes nothing is 「内容没有变化」 (200). The same on the page.
    web, api = any_web, any_web.client()
    pid = web.project_ids[2]
    editor = _bearer(web, "editor")
    got = api.get(f"/api/v1/projects/{pid}", headers=editor).json()
    base, document = got["version"], got["document"]
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥99次"}
    body = {"base_version": base, "document": document}
    assert api.put(f"/api/v1/projects/{pid}", headers=editor, json=body).json()["status"] == "saved"
    stale = api.put(f"/api/v1/projects/{pid}", headers=editor, json=body)
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_version", stale.text
    assert f"您修改的是第 {base} 版，但该项目现在已是第 {base + 1} 版" in stale.json()["error"]["message"]
    same = api.put(f"/api/v1/projects/{pid}", headers=editor, json={**body, "base_version": base + 1})
    assert same.status_code == 200 and same.json() == {"status": "unchanged", "message": "内容没有变化，未生成新版本",
                                                       "version": base + 1}
    project, latest = stored_project(web.app, pid)
    page = web.client("editor")
    stale_page = page.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(page, "/account"), base))
    assert stale_page.status_code == 409 and f"您修改的是第 {base} 版" in stale_page.text
    again = page.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(page, "/account"), latest))
    assert again.status_code == 200 and "内容没有变化，未生成新版本" in again.text
    assert stored_project(web.app, pid)[1] == base + 1  # nothing stored by the refused or the unchanged edits


def test_the_audit_log_gives_one_page_alike_on_every_face(any_web: WebEnv) -> None:
    # `perfbudget audit --json` listed 50 entries (limit 50) where GET /api/v1/audit gives 100: one page everywhere
    web, api = any_web, any_web.client()
    editor, admin = _bearer(web, "editor"), _bearer(web)  # making a token is an entry: both before the listing
    for pid in web.project_ids[:3]:  # a few entries to list
        api.post(f"/api/v1/projects/{pid}/workflow", headers=editor, json={"action": "comment", "comment": "请核对"})
    listed = runner.invoke(cli, ["audit", "--json", "--db", web.url])
    assert listed.exit_code == 0, listed.output
    answered = api.get("/api/v1/audit", headers=admin).json()
    assert json.loads(listed.stdout) == answered and answered["limit"] == 100
