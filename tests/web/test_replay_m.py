"""replay-m: issue 6's 自评 and 运行监控 records naming the 填报人 by display name with the light's label beside its
code, and issue 11's rule that every command-line write names its actor one way (``--user``/PERFBUDGET_USER, an
account checked as the pages check it) — each through the CLI and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from perfbudget.app.accounts import create_user
from perfbudget.app.roles import Role
from perfbudget.cli import app as cli
from tests.web.conftest import PASSWORD, SEED_UNIT, WebEnv
from tests.web.helpers import approve
from tests.web.test_same_result import P1, P1_ROWS


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = CliRunner().invoke(cli, list(args), env=env)
    return done.exit_code, done.output


def _auth(web: WebEnv, user: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {web.token(user)}"}


def _monitoring_sheet() -> bytes:
    lines = ["项目名称,三级指标,实际完成值,完成等级,完成目标可能性,全年预计完成情况,偏差原因,偏差原因分析,备注"]
    for level3, value in P1_ROWS.items():
        actual, _, grade = value.partition("|")
        likelihood = "" if level3 == "全年执行数" else "确定能"
        lines.append(f"{P1},{level3},{actual},{grade},{likelihood},,,,")
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_saved_records_name_the_filler_by_display_name_and_the_light_in_chinese(any_web: WebEnv) -> None:
    """Issue 6 (saved per project and year, with history) and issue 7 (people by name): the 自评 and 运行监控 pages
    said 「wang 打分」, ``perfbudget evaluations`` 「填报人 wang」 and the API's records ``actor`` alone, where the
    admin named the account 「王填报」 (the history names people so since replay-k); the API gave a monitoring's
    ``colour`` 「red」 with no word beside it, where the CLI says 红灯."""
    web, pid = any_web, any_web.project_ids[0]
    account = create_user(web.app.state.engine, "wang", PASSWORD, Role.UNIT_EDITOR, SEED_UNIT, display_name="王填报")
    assert not isinstance(account, str), account
    approve(web.app, pid)
    client, wang = web.client(), _auth(web, "wang")
    document = client.get(f"/api/v1/projects/{pid}", headers=wang).json()["document"]["projects"][0]
    actuals = []
    for position, indicator in enumerate(document["indicators"], 1):
        actual, _, grade = P1_ROWS[indicator["level3"]].partition("|")
        actuals.append({"position": position, "actual": actual, "grade": grade or None})
    scored = client.post(f"/api/v1/projects/{pid}/evaluation", headers=wang,
                         json={"executed": P1_ROWS["全年执行数"], "indicators": actuals})
    assert scored.status_code == 200, scored.text
    assert (scored.json()["actor"], scored.json()["user_label"]) == ("wang", "王填报")
    monitored = client.post(f"/api/v1/projects/{pid}/monitoring", headers=wang, data={"month": "6"},
                            files={"file": ("监控.csv", _monitoring_sheet(), "text/csv")})
    assert monitored.status_code == 200, monitored.text
    light = monitored.json()
    assert light["colour_label"] == {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "blue": "蓝灯"}[light["colour"]]
    assert light["user_label"] == "王填报"

    viewer = _auth(web, "viewer")
    records = client.get(f"/api/v1/projects/{pid}/evaluations", headers=viewer).json()["evaluations"]
    assert [(r["kind"], r["actor"], r["display_name"], r["user_label"], r["colour_label"]) for r in records] == [
        ("self-evaluation", "wang", "王填报", "王填报", None),
        ("monitoring", "wang", "王填报", "王填报", light["colour_label"])]
    got = client.get(f"/api/v1/projects/{pid}/monitoring", headers=viewer).json()
    assert (got["colour"], got["colour_label"], got["user_label"]) == (light["colour"], light["colour_label"], "王填报")
    assert client.get(f"/api/v1/projects/{pid}/evaluation", headers=viewer).json()["user_label"] == "王填报"

    db = ("--db", web.url)
    code, listed = _cli("evaluations", str(pid), *db)
    assert code == 0 and listed.count("填报人 王填报") == 2 and "填报人 wang" not in listed, listed
    assert f"监控（1-6月）  {light['colour_label']}" in listed
    cli_items = json.loads(_cli("evaluations", str(pid), "--json", *db)[1])["evaluations"]
    assert [(i["user_label"], i["colour_label"]) for i in cli_items] == [(r["user_label"], r["colour_label"])
                                                                          for r in records]  # one naming
    code, shown = _cli("evaluations", str(pid), "--show", str(records[1]["id"]), *db)
    assert code == 0 and "填报人 王填报" in shown

    pages = web.client("viewer")
    assert "王填报 打分" in pages.get(f"/projects/{pid}/evaluation").text
    assert "王填报 填报" in pages.get(f"/projects/{pid}/monitoring").text
