"""replay-m: issue 6's 自评 and 运行监控 records naming the 填报人 by display name with the light's label beside its
code, and issue 11's rule that every command-line write names its actor one way (``--user``/PERFBUDGET_USER, an
account checked as the pages check it) — each through the CLI and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
from pathlib import Path

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


def test_every_command_line_write_acts_as_the_account_perfbudget_user_names(any_web: WebEnv, seed_path: Path,
                                                                            tmp_path: Path) -> None:
    """Issue 11 (「the same rules for CLI, web and API」) and issue 7 (the audit log says who): ``workflow``, ``desk``
    and ``evaluate --save`` act as the account ``--user``/PERFBUDGET_USER names, but ``import``, ``review --save``
    and ``library merge|split|rename`` recorded the login name (「root」) and let any login import any unit's tables or
    regroup the library. Now every command-line write names its actor one way, checked as the API checks a token."""
    web = any_web
    client, db = web.client(), ("--db", web.url)
    changed = tmp_path / "seed-b.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("≥12次", "≥13次", 1), encoding="utf-8")
    document = json.loads(_cli("read", str(changed), "--json")[1])

    for account, said in (("reviewer", "您的角色（审核人员）不能导入文档"),
                          ("other_editor", "您只能导入本单位（999001）的文档")):
        code, printed = _cli("import", str(changed), *db, env={"PERFBUDGET_USER": account})
        api = client.post("/api/v1/documents", headers=_auth(web, account), json=document)
        assert code == 1 and said in printed and "未导入：所用账号不能导入这个单位的表格" in printed, printed
        assert api.status_code == 403 and api.json()["error"]["message"] == said  # the same words
    code, printed = _cli("import", str(changed), "--user", "editor", "--actor", "x", *db)
    assert code == 1 and "--user 与 --actor 只能给一个" in printed
    code, printed = _cli("import", str(changed), "--user", "nobody", *db)
    assert code == 1 and "没有用户「nobody」（perfbudget user list 列出全部账号）" in printed
    code, printed = _cli("import", str(changed), *db, env={"PERFBUDGET_USER": "editor"})
    assert code == 0 and "新版本 1 个" in printed, printed
    pid = web.project_ids[0]
    version = client.get(f"/api/v1/projects/{pid}/history", headers=_auth(web, "viewer")).json()["versions"][-1]
    assert (version["version"], version["username"]) == (2, "editor"), version
    entry = client.get("/api/v1/audit?action=document.import", headers=_auth(web, "admin")).json()["items"][0]
    assert entry["user"] == "editor", entry

    code, printed = _cli("review", str(pid), "--save", "--user", "viewer", *db)
    assert code == 1 and "未保存：您的角色（查看人员）不能保存审核结果（账号「viewer」）" in printed
    code, printed = _cli("review", "--save", *db, env={"PERFBUDGET_USER": "other_editor"})  # every unit's
    assert code == 1 and "您只能保存本单位（999001）项目的审核结果：请用 --unit 999001" in printed
    code, printed = _cli("review", str(pid), "--save", *db, env={"PERFBUDGET_USER": "reviewer"})
    assert "已保存 1 个项目的审核结果" in printed, printed
    records = client.get(f"/api/v1/projects/{pid}/reviews", headers=_auth(web, "viewer")).json()["reviews"]
    assert records[-1]["actor"] == "reviewer", records[-1]

    code, printed = _cli("library", "rename", "1", "别的名称", *db, env={"PERFBUDGET_USER": "editor"})
    api = client.post("/api/v1/library/groups/1/rename", headers=_auth(web, "editor"), json={"name": "别的名称"})
    assert code == 1 and api.status_code == 403 and api.json()["error"]["message"] in printed
    code, printed = _cli("library", "rename", "1", "别的名称", "--user", "admin", *db)
    assert code == 0, printed
    renamed = client.get("/api/v1/audit?action=library.rename", headers=_auth(web, "admin")).json()["items"][0]
    assert renamed["user"] == "admin"


def test_the_api_asks_for_its_own_budget_field_where_a_table_gives_no_budget(any_web: WebEnv) -> None:
    """Issue 6 (「a missing actual … is an error that names the row — never a silent zero」) on the API: a project
    whose table gives no 预算数 was refused with 「请在填报表中加一行「全年预算数」」, a sheet the API's caller never
    has, where the body takes ``budget`` (the page says its own field since webflow22)."""
    web = any_web
    client, editor = web.client(), _auth(web, "editor")
    document = client.get(f"/api/v1/projects/{web.project_ids[0]}", headers=editor).json()["document"]
    project = document["projects"][0]
    project.update(name="无预算的项目", title="无预算的项目", budget={"total": None, "fiscal": None, "other": None})
    project.pop("name_cell", None)
    imported = client.post("/api/v1/documents", headers=editor, json=document)
    assert imported.status_code == 200, imported.text
    pid = imported.json()["project_ids"][0]
    approve(web.app, pid)
    body = {"executed": "5", "indicators": [{"position": n, "actual": "", "grade": "达成"}
                                            for n in range(1, len(project["indicators"]) + 1)]}
    refused = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor, json=body)
    assert refused.status_code == 422, refused.text
    said = " ".join(refused.json()["error"]["details"])
    assert "请在请求的 budget 中给出全年预算数" in said and "填报表" not in said, said


def test_the_units_are_listed_on_the_api_as_by_perfbudget_list_units(any_web: WebEnv) -> None:
    """Issue 3's queries (「perfbudget list units|projects|indicators [--unit CODE] [--year Y] [--search TEXT]
    [--json]」) on the API: projects and indicators had their list, units none, so that an integrator could not learn a
    unit's 编号 for the ``by-id/N`` addresses every ``unit=`` takes (replay-k)."""
    web = any_web
    client = web.client()
    listed = client.get("/api/v1/units?year=2024", headers=_auth(web, "admin")).json()
    code, printed = _cli("list", "units", "--year", "2024", "--json", "--db", web.url)
    assert code == 0 and json.loads(printed)["items"] == listed["items"]
    assert {(u["code"], u["projects"]) for u in listed["items"]} == {(SEED_UNIT, 8), ("999001", 1)}
    mine = client.get("/api/v1/units", headers=_auth(web, "editor")).json()["items"]
    assert [u["code"] for u in mine] == [SEED_UNIT]  # a unit's token sees its own unit only
    found = client.get("/api/v1/units?q=其他", headers=_auth(web, "viewer")).json()["items"]
    assert [u["code"] for u in found] == ["999001"]
    bad = client.get("/api/v1/units?year=24", headers=_auth(web, "viewer"))
    code, printed = _cli("list", "units", "--year", "24", "--db", web.url)
    assert bad.status_code == 422 and code == 2  # a usage error (replay-ab)
    assert bad.json()["error"]["details"][0]["message"] in printed


def test_an_import_that_would_undo_later_work_names_its_maker_by_display_name(any_web: WebEnv, tmp_path: Path) -> None:
    """Issue 11 point 3: 「the message names the newer version, who made it and when」 — it named the account
    (「最新为第 2 版（wang 于 …）」) on the API and the command line, where the history names people by their display
    names since replay-k."""
    web, pid = any_web, any_web.project_ids[0]
    account = create_user(web.app.state.engine, "wang", PASSWORD, Role.UNIT_EDITOR, SEED_UNIT, display_name="王填报")
    assert not isinstance(account, str), account
    client, wang = web.client(), _auth(web, "wang")
    before = client.get(f"/api/v1/projects/{pid}", headers=wang).json()
    document = copy.deepcopy(before["document"])
    document["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    assert client.put(f"/api/v1/projects/{pid}", headers=wang,
                      json={"base_version": before["version"], "document": document}).status_code == 200
    undone = client.post("/api/v1/documents", headers=wang, json=before["document"])
    assert undone.status_code == 409 and undone.json()["error"]["code"] == "confirmation_required"
    said = undone.json()["error"]["details"][0]
    assert "最新为第 2 版（王填报 于" in said and "wang 于" not in said, said
    old = tmp_path / "old.json"
    old.write_text(json.dumps(before["document"], ensure_ascii=False), encoding="utf-8")
    code, printed = _cli("import", str(old), "--db", web.url, "--user", "editor")
    assert code == 1 and "最新为第 2 版（王填报 于" in printed, printed


def test_saved_reviews_name_the_reviewer_by_display_name(any_web: WebEnv) -> None:
    """Issue 5 (`review --save`, `reviews`) with issue 7's people: ``perfbudget reviews`` and the API's records named
    the account (「审核人 wang」) where the history, the desk and the 审核意见书 name people by display name."""
    web, pid = any_web, any_web.project_ids[0]
    account = create_user(web.app.state.engine, "wang", PASSWORD, Role.UNIT_EDITOR, SEED_UNIT, display_name="王填报")
    assert not isinstance(account, str), account
    code, printed = _cli("review", str(pid), "--save", "--user", "wang", "--db", web.url)
    assert "已保存 1 个项目的审核结果" in printed, printed
    records = web.client().get(f"/api/v1/projects/{pid}/reviews", headers=_auth(web, "viewer")).json()["reviews"]
    last = records[-1]
    assert (last["actor"], last["display_name"], last["user_label"]) == ("wang", "王填报", "王填报")
    code, listed = _cli("reviews", str(pid), "--db", web.url)
    assert code == 0 and "审核人 王填报" in listed, listed
    code, shown = _cli("reviews", str(pid), "--show", str(records[-1]["id"]), "--db", web.url)
    assert code == 0 and "审核人 王填报" in shown


def test_a_library_search_answers_alike_on_the_cli_and_the_api(any_web: WebEnv) -> None:
    """Issue 16 (「perfbudget library search … [--json]」, the API's search) — the command line's JSON left out each
    group's ``id``, which ``library show``/``merge`` and the API take and the API's answer gives."""
    web = any_web
    code, printed = _cli("library", "search", "满意度", "--json", "--db", web.url)
    api = web.client().get("/api/v1/library", params={"q": "满意度"}, headers=_auth(web, "admin"))
    assert code == 0 and api.status_code == 200
    assert json.loads(printed)["groups"] == api.json()["groups"] and api.json()["groups"][0]["id"]
