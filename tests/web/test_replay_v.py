"""replay-v: the issues' scenarios replayed through the CLI and the API on a fresh store (README's set-up), what
differed between the faces or spoke another face's words fixed at the root (the use-case layer)."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv, csrf_of

runner = CliRunner()


def _bearer(web: WebEnv, who: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(who)}"}


def test_a_deleted_project_and_a_renamed_or_merged_unit_are_told_in_chinese_in_the_audit_log(web: WebEnv) -> None:
    # `perfbudget audit`, GET /api/v1/audit and the admin's 审计日志 said 「unit.rename」 「unit 1」 and listed a deleted
    # project's 「reviews：2」 「documents_kept：1」: three audited actions had no label (nor a place in the page's filter)
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
