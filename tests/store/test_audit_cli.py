"""``perfbudget audit``: the audit log at the command line, the same entries the admin page and the API show."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app

runner = CliRunner()


def test_audit_lists_who_did_what_newest_first_and_filters(tmp_path: Path, seed_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'a.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db, "--actor", "zhangsan"]).exit_code == 0
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import take_step
    from perfbudget.store import Store

    with Store(db) as store:
        account = create_user(store.engine, "lisi", "correct-horse-battery-9", Role.ADMIN, None)
        assert not isinstance(account, str), account
        admin = Principal(account.id, "lisi", "lisi", Role.ADMIN, None)
        assert take_step(store, admin, 1, "submit", "", justification="已核对", version_required="").ok
    listed = runner.invoke(app, ["audit", "--db", db])
    assert listed.exit_code == 0, listed.output
    lines = [line for line in listed.stdout.splitlines() if not line.startswith(" " * 8)]  # entries, not changes
    # newest first; the step names its project (「项目 1：送审」 until replay-o)
    assert "送审" in lines[0] and "lisi" in lines[0]
    assert "项目「2024年检察业务信息化运维项目」（2024中央）：送审" in lines[0]
    assert "导入文件" in lines[-1] and "zhangsan" in lines[-1] and "文件 1" in lines[-1]
    assert "共 3 条审计记录" in listed.stderr  # the account by its name since webflow25
    assert "创建账号" in lines[1] and "账号 lisi" in lines[1]
    assert "project" not in listed.stdout and "document" not in listed.stdout  # the codes until replay-j
    # the versions an import brought, by their projects' names (「项目 1 第 1 版」 until 2026-12-06)
    assert "带来的版本：项目「2024年检察业务信息化运维项目」（2024中央）第 1 版、" in listed.stdout
    assert "        流程状态：草稿 → 已送审" in listed.stdout and "        送审说明：已核对" in listed.stdout
    data = json.loads(runner.invoke(app, ["audit", "--db", db, "--json", "--action", "workflow.submit"]).stdout)
    assert data["total"] == 1 and data["items"][0]["user"] == "lisi" and data["items"][0]["object_id"] == "1"
    assert data["items"][0]["at"].endswith("+00:00") and data["items"][0]["action_label"] == "送审"
    assert (data["items"][0]["object_type"], data["items"][0]["object_label"]) == ("project", "项目")
    # a project's audit holds the import that brought its version, filed under the document (left out until replay-x)
    second = json.loads(runner.invoke(app, ["audit", "--db", db, "--json", "--project", "2"]).stdout)
    assert second["total"] == 1 and (second["items"][0]["action"], second["items"][0]["object_id"]) == (
        "document.import", "1")
    assert json.loads(runner.invoke(app, ["audit", "--db", db, "--json", "--user", "zhangsan"]).stdout)["total"] == 1
    none = runner.invoke(app, ["audit", "--db", db, "--user", "王五"])
    assert none.exit_code == 0 and "没有符合条件的审计记录" in none.stderr
    missing = runner.invoke(app, ["audit", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert missing.exit_code == 1 and "不存在" in missing.stderr


def test_history_shows_the_workflow_steps_as_the_page_and_the_api_do(tmp_path: Path, seed_path: Path) -> None:
    """An auditor at the command line sees the 送审/退回/审核通过 steps under the versions (replay-e: only the
    page and the API's history showed them)."""
    db = f"sqlite:///{tmp_path / 'h.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import take_step
    from perfbudget.store import Store

    with Store(db) as store:
        account = create_user(store.engine, "lisi", "correct-horse-battery-9", Role.ADMIN, None)
        assert not isinstance(account, str), account
        admin = Principal(account.id, "lisi", "lisi", Role.ADMIN, None)
        assert take_step(store, admin, 1, "submit", "", justification="已核对", version_required="").ok
        assert take_step(store, admin, 1, "return", "请补充时效指标", version_required="").ok
    shown = runner.invoke(app, ["history", "1", "--db", db])
    assert shown.exit_code == 0, shown.output
    steps = shown.stdout.split("审核流程：", 1)[1].splitlines()[1:]
    assert "lisi" in steps[0] and "草稿 → 已送审：已核对" in steps[0]
    assert "已送审 → 已退回：请补充时效指标" in steps[1]
    data = json.loads(runner.invoke(app, ["history", "1", "--db", db, "--json"]).stdout)
    assert [(e["from_state"], e["to_state"]) for e in data["workflow"]] == [("draft", "submitted"),
                                                                          ("submitted", "returned")]
    assert data["workflow"][1]["comment"] == "请补充时效指标" and data["workflow"][0]["at"].endswith("+00:00")
