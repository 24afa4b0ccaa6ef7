"""webflow25: the history page and the audit log name people by their display names and projects by their names
(they showed the account names 「editor」 and raw objects 「项目 10」), and the audit log's 用户 filter takes the
display name the pages show; on SQLite and PostgreSQL (the names are joined into the page's one statement)."""

from __future__ import annotations

import json

from sqlalchemy import update
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.store.account_tables import users
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import project_form, stored_project


def test_history_and_audit_log_show_display_names_and_project_names(any_web: WebEnv) -> None:
    web, pid = any_web, any_web.project_ids[1]
    with web.app.state.engine.begin() as connection:
        connection.execute(update(users).where(users.c.username == "editor").values(display_name="王会计"))
    editor = web.client("editor")
    project, version = stored_project(web.app, pid)
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥987次"}))
    assert saved.status_code == 200, saved.text[:2000]
    history = editor.get(f"/projects/{pid}/history").text
    versions = history[history.index("<h2>版本"):history.index('id="workflow"')]
    assert "<td>网页修改</td>" in versions and "王会计（网页修改）" in versions
    logged = history[history.index("操作记录"):]
    assert "王会计 · 修改指标" in logged
    assert "editor" not in versions + logged  # the account's name was the 来源 and the actor until webflow25

    admin = web.client("admin")
    page = admin.get("/admin/audit").text
    rows = page.split('<tr><td class="when">')[1:]
    row = next(r for r in rows if "修改指标" in r)
    fund = f"（{project.fund_label}）" if project.fund_label else ""
    assert f'<a href="/projects/{pid}">项目「{project.name}」{fund}</a>' in row, row
    assert ">王会计</td>" in row and f"项目 {pid}<" not in row
    # the 用户 filter takes the display name the page shows, and the account's name still
    for name in ("王会计", "editor"):
        found = admin.get("/admin/audit", params={"user": name}).text
        assert "修改指标" in found and "没有符合筛选条件的记录" not in found, name
        assert found.count('<tr><td class="when">') == found.count(">王会计</td>"), name  # hers alone
    # the API and the CLI give the same names
    api = web.client().get("/api/v1/audit", params={"user": "王会计"},
                           headers={"Authorization": f"Bearer {web.token('admin')}"}).json()
    item = api["items"][0]
    assert api["total"] >= 1 and item["user"] == "editor" and item["user_label"] == "王会计"
    assert item["object_text"] == f"项目「{project.name}」{fund}" and item["object_name"] == f"「{project.name}」{fund}"
    done = CliRunner().invoke(cli, ["audit", "--user", "王会计", "--json", "--db", web.url])
    assert done.exit_code == 0 and json.loads(done.output)["items"][0]["object_text"] == item["object_text"]
