"""The history page's audit section is bounded (leftovers18): its 200 entries each named a workflow comment whole
(up to 5,000 characters), 3.8 MB at 2,000 comments though the steps themselves were paged (attack17's left list).
A step's audit summary now names the first 200 characters of its comment (the entry's ``after`` and the step keep
it whole), and the page cuts any longer summary (entries made before) at 300."""

from __future__ import annotations

import json

from sqlalchemy import insert, select

from perfbudget.app.audit_log import SUMMARY_COMMENT
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import take_step
from perfbudget.store.account_tables import users
from perfbudget.store.records import audit_log
from perfbudget.store.schema import utc_now
from tests.web.conftest import WebEnv


def _long(n: int) -> str:
    return f"意见{n:03d}" + "测算依据不足" * 800  # 4,805 characters


def test_the_history_page_names_each_comment_whole_once_and_its_audit_entries_cut(any_web: WebEnv) -> None:
    web, pid = any_web, any_web.project_ids[0]
    with web.app.state.engine.connect() as connection:
        row = connection.execute(select(users.c.id, users.c.unit_code).where(users.c.username == "editor")).one()
    editor = Principal(row.id, "editor", "editor", Role.UNIT_EDITOR, row.unit_code)
    steps = 60  # a page of 50 and 10 (the web's own page: 100 in faces43 made the page 6 MB where it was 3 MB)
    for n in range(1, steps + 1):
        assert take_step(web.app.state.store, editor, pid, "comment", _long(n), version_required="").ok
    with web.app.state.engine.begin() as connection:  # an entry made before: its summary names the comment whole
        connection.execute(insert(audit_log).values(
            at=utc_now(), username="editor", action="workflow.comment", object_type="project", object_id=str(pid),
            summary=f"项目 {pid}：意见（{_long(0)}）"))
        entries = connection.execute(select(audit_log.c.summary, audit_log.c.after)
                                     .where(audit_log.c.action == "workflow.comment",
                                            audit_log.c.after.is_not(None))).all()
    assert len(entries) == steps
    for summary, after in entries:  # the summary names the start; the entry keeps the comment whole
        assert len(summary) < SUMMARY_COMMENT + 60 and summary.endswith("…）")  # the project named (replay-o)
        assert json.loads(after)["comment"].endswith("测算依据不足" * 10)
    page = web.client("reviewer").get(f"/projects/{pid}/history").text
    shown = [n for n in range(0, steps + 1) if _long(n) in page]
    assert shown == list(range(11, steps + 1))  # the newest 50 steps, each whole once; no audit entry whole
    assert all(page.count(_long(n)) == 1 for n in shown)
    assert f"意见000{'测算依据不足' * 40}" in page and "测算依据不足" * 60 not in page.split('id="workflow"')[0]
    # 50 steps of 4,805 characters (about 0.7 MB) and the 61 audit entries cut: 5.5 MB before at these 60 comments; a
    # fixed budget, not one from the page's size (faces43 made the page 100 steps and the budget followed it)
    assert len(page.encode()) < 50 * len(_long(1).encode()) + 200_000, len(page.encode())


def test_the_cli_history_pages_the_workflow_steps_as_the_api(web: WebEnv) -> None:
    """``perfbudget history`` printed every step whole, with no way to page them as the API does (leftovers18)."""
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    pid = web.project_ids[0]
    with web.app.state.engine.connect() as connection:
        row = connection.execute(select(users.c.id, users.c.unit_code).where(users.c.username == "editor")).one()
    editor = Principal(row.id, "editor", "editor", Role.UNIT_EDITOR, row.unit_code)
    for n in range(1, 6):
        assert take_step(web.app.state.store, editor, pid, "comment", f"意见 {n}", version_required="").ok
    args = ["history", str(pid), "--db", web.url, "--workflow-limit", "2", "--workflow-offset", "1"]
    data = json.loads(CliRunner().invoke(cli, [*args, "--json"]).output)
    api = web.client().get(f"/api/v1/projects/{pid}/history?workflow_limit=2&workflow_offset=1",
                           headers={"Authorization": f"Bearer {web.token('reviewer')}"}).json()
    assert [e["comment"] for e in data["workflow"]] == [e["comment"] for e in api["workflow"]] == ["意见 2", "意见 3"]
    assert data["workflow_total"] == api["workflow_total"] == 5
    text = CliRunner().invoke(cli, args).output
    assert "审核流程：（共 5 条，列出 2 条）" in text and "意见 3" in text and "意见 4" not in text
