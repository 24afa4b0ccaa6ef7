"""replay-k: issue 14's 审核意见书 in its two forms on every face, a unit without a code chosen on the command line and
in the API's lists as the pages address it (``by-name/…``, ``by-id/N``), and the workflow's people by their display
names (issue 7's accounts, issue 14's history) — each through the CLI and the API, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from perfbudget.app.accounts import create_user
from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import actor_of, take_step
from perfbudget.cli import app as cli
from perfbudget.load import load_path
from perfbudget.model import Unit
from perfbudget.store.schema import projects, units
from tests.web.conftest import PASSWORD, SEED_UNIT, WebEnv
from tests.web.helpers import approve


def _cli(*args: str) -> tuple[int, str]:
    done = CliRunner().invoke(cli, list(args))
    return done.exit_code, done.output


def _api(web: WebEnv, path: str, user: str = "reviewer") -> object:
    return web.client().get(f"/api/v1{path}", headers={"Authorization": f"Bearer {web.token(user)}"})


def test_the_opinion_as_html_is_the_same_file_on_every_face(any_web: WebEnv, tmp_path: Path) -> None:
    """Issue 14: 审核意见书 as a printable page and as Word. Until replay-k the page was the web's alone: the API had
    opinion.docx only, and ``desk opinion -o x.html`` wrote a Word file under that name."""
    web, pid = any_web, any_web.project_ids[0]
    page = web.client("reviewer").get(f"/projects/{pid}/opinion.html")
    assert page.status_code == 200 and "审核意见书" in page.text and "<style>" in page.text
    api = _api(web, f"/projects/{pid}/opinion.html")
    assert api.status_code == 200 and api.headers["content-type"].startswith("text/html")
    assert api.content == page.content
    out = tmp_path / "x.html"
    code, said = _cli("desk", "opinion", str(pid), "-o", str(out), "--user", "reviewer", "--db", web.url)
    assert code == 0, said
    assert out.read_bytes() == api.content
    word = tmp_path / "x.docx"
    assert _cli("desk", "opinion", str(pid), "-o", str(word), "--user", "reviewer", "--db", web.url)[0] == 0
    assert word.read_bytes()[:2] == b"PK"
    assert _api(web, f"/projects/{pid}/opinion.docx").content[:2] == b"PK"
    forced = tmp_path / "named.docx"
    assert _cli("desk", "opinion", str(pid), "-o", str(forced), "--to", "html", "--user", "reviewer",
                "--db", web.url)[0] == 0
    assert forced.read_bytes() == api.content
    code, said = _cli("desk", "opinion", str(pid), "-o", str(tmp_path / "x.pdf"), "--to", "pdf", "--user", "reviewer",
                      "--db", web.url)
    assert code == 2 and "不支持的审核意见书格式「pdf」" in said and "Traceback" not in said
    unit_page = web.client("reviewer").get(f"/units/{SEED_UNIT}/opinion.html?year=2024")
    unit_api = _api(web, f"/units/{SEED_UNIT}/opinion.html?year=2024")
    assert unit_api.status_code == 200 and unit_api.content == unit_page.content
    with web.app.state.engine.connect() as connection:
        unit_id = connection.execute(select(units.c.id).where(units.c.code == SEED_UNIT)).scalar_one()
    assert _api(web, f"/units/by-id/{unit_id}/opinion.html?year=2024").content == unit_page.content
    whole = tmp_path / "unit.html"
    assert _cli("desk", "opinion", "--unit", SEED_UNIT, "--year", "2024", "-o", str(whole), "--user", "reviewer",
                "--db", web.url)[0] == 0
    assert whole.read_bytes() == unit_page.content
    assert _api(web, f"/units/{SEED_UNIT}/opinion.html", user="other_editor").status_code == 404  # not theirs


def _uncoded_twin(web: WebEnv, seed_path: Path) -> tuple[int, int]:
    """A unit without a code named as the seed's unit is coded (「255101」), holding the seed's first project: its
    unit id and project id."""
    document = load_path(seed_path).document
    assert document is not None
    twin = replace(document, unit=Unit(None, SEED_UNIT), projects=document.projects[:1])
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    assert import_document(web.app.state.store, web.app.state.core, twin, "nocode.txt",
                           ImportRequest(actor_of(admin), "upload")).status == "imported"
    with web.app.state.engine.connect() as connection:
        unit_id = connection.execute(select(units.c.id).where(units.c.code.is_(None),
                                                              units.c.name == SEED_UNIT)).scalar_one()
        project_id = connection.execute(select(projects.c.id).where(projects.c.unit_id == unit_id)).scalar_one()
    return unit_id, project_id


def test_a_unit_without_a_code_is_chosen_by_its_address_on_the_cli_and_in_the_api(
        any_web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    """A unit coded 「255101」 and a unit without a code named 「255101」: ``--unit 255101`` listed both units'
    projects while ``publish --unit 255101`` took the coded one, and nothing on the CLI chose the other; the API's
    ``unit=`` was as the CLI's. Now the bare text is the code's unit, ``by-name/255101`` the other, ``by-id/N``
    either."""
    web = any_web
    unit_id, twin = _uncoded_twin(web, seed_path)
    code, said = _cli("list", "projects", "--unit", SEED_UNIT, "--json", "--db", web.url)
    assert code == 0, said
    listed = json.loads(said)
    assert sorted(item["id"] for item in listed["items"]) == sorted(web.project_ids)
    assert {item["unit"]["code"] for item in listed["items"]} == {SEED_UNIT}
    for address in (f"by-name/{SEED_UNIT}", f"by-id/{unit_id}"):
        code, said = _cli("list", "projects", "--unit", address, "--json", "--db", web.url)
        assert code == 0 and [item["id"] for item in json.loads(said)["items"]] == [twin], said
        api = _api(web, f"/projects?unit={address}")
        assert api.status_code == 200 and [item["id"] for item in api.json()["items"]] == [twin]
    assert _api(web, f"/projects?unit={SEED_UNIT}").json()["total"] == len(web.project_ids)
    code, said = _cli("list", "units", "--db", web.url)
    assert code == 0 and "单位编号" in said and str(unit_id) in said
    # a project named in both units: the uncoded unit's by its address
    name = load_path(seed_path).document.projects[0].name  # type: ignore[union-attr]
    found = tmp_path / "found.json"
    code, said = _cli("export", name, "--unit", f"by-name/{SEED_UNIT}", "--to", "json", "-o", str(found),
                      "--db", web.url)
    assert code == 0, said
    assert json.loads(found.read_text("utf-8"))["unit"] == {"code": None, "name": SEED_UNIT}
    # publish: the default file is named without the address's 「/」; each address its own unit's table
    approve(web.app, twin)
    approve(web.app, web.project_ids[0])
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, said = _cli("publish", "--unit", f"by-name/{SEED_UNIT}", "--to", "json", "--db", web.url)
        assert code == 0, said
        published = json.loads((tmp_path / f"by-name-{SEED_UNIT}-全部年度-绩效目标表.json").read_text("utf-8"))
        assert published["unit"] == {"code": None, "name": SEED_UNIT}
        code, said = _cli("publish", "--unit", SEED_UNIT, "--to", "json", "-o", "coded.json", "--db", web.url)
        assert code == 0 and json.loads((tmp_path / "coded.json").read_text("utf-8"))["unit"]["code"] == SEED_UNIT
        code, said = _cli("desk", "opinion", "--unit", f"by-name/{SEED_UNIT}", "-o", "twin.html", "--user", "reviewer",
                          "--db", web.url)
        assert code == 0 and f"「{SEED_UNIT}绩效目标审核意见书」" in said, said
    finally:
        os.chdir(here)
    assert (tmp_path / "twin.html").read_bytes() == web.client("reviewer").get(
        f"/units/by-name/{SEED_UNIT}/opinion.html").content
    page = web.client("admin").get("/projects?year=all")
    assert f'value="by-name/{SEED_UNIT}"' in page.text  # the web list's unit choice offers the uncoded unit too


def test_the_history_names_people_by_their_display_names(any_web: WebEnv) -> None:
    """Issue 7's accounts have a display name; the history (CLI, API, page) and the dashboard showed the account
    name alone until replay-k."""
    web, pid = any_web, any_web.project_ids[1]
    account = create_user(web.app.state.engine, "zhang", PASSWORD, Role.ADMIN, None, display_name="张处长")
    assert not isinstance(account, str), account
    zhang = Principal(account.id, "zhang", "张处长", Role.ADMIN, None)
    assert take_step(web.app.state.store, zhang, pid, "submit", None, "已核实", review_errors=0, version_required="").ok
    code, said = _cli("history", str(pid), "--db", web.url)
    assert code == 0 and "张处长  第 1 版  草稿 → 已送审" in said, said
    api = _api(web, f"/projects/{pid}/history")
    assert api.status_code == 200, api.text
    step = api.json()["workflow"][-1]
    assert (step["username"], step["display_name"], step["user_label"]) == ("zhang", "张处长", "张处长")
    version = api.json()["versions"][0]
    assert version["username"] == "admin" and version["display_name"] is None and version["user_label"] == "admin"
    code, said = _cli("history", str(pid), "--json", "--db", web.url)
    assert json.loads(said)["workflow"][-1]["user_label"] == "张处长"
    admin = web.client("admin")
    assert "张处长" in admin.get(f"/projects/{pid}/history").text
    assert "张处长" in admin.get("/dashboard?year=all").text
    # the project page's 审核流程 too (its events are read with the page's one statement on PostgreSQL)
    page = admin.get(f"/projects/{pid}").text
    flow = page[page.index("审核流程"):]
    assert "张处长 · 草稿 → <strong>已送审" in flow and "zhang ·" not in flow


def test_the_to_do_of_the_landing_page_is_on_the_cli_and_the_api(any_web: WebEnv) -> None:
    """Issue 14, point 1: each role's to-do (待审核, 被退回 with the reviewer's comment, 草稿, 待自评, 待监控) and the
    queue, oldest submission first. Until replay-k the landing page alone had it."""
    web = any_web
    store = web.app.state.store
    with web.app.state.engine.connect() as connection:
        from perfbudget.store.account_tables import users

        ids = dict(connection.execute(select(users.c.username, users.c.id)).all())
    editor = Principal(ids["editor"], "editor", "editor", Role.UNIT_EDITOR, SEED_UNIT)
    reviewer = Principal(ids["reviewer"], "reviewer", "reviewer", Role.REVIEWER, None)
    first, second = web.project_ids[0], web.project_ids[1]
    for pid in (second, first):  # the second submitted first: the queue is by submission
        assert take_step(store, editor, pid, "submit", None, "已核实", review_errors=0, version_required="").ok
    assert take_step(store, reviewer, first, "return", "请补充测算依据", version_required="").ok
    for user in ("editor", "reviewer", "viewer"):
        code, said = _cli("desk", "todo", "--user", user, "--year", "all", "--json", "--db", web.url)
        assert code == 0, said
        api = _api(web, "/todo?year=all", user=user)
        assert api.status_code == 200 and api.json() == json.loads(said), user
    editor_todo = _api(web, "/todo?year=all", user="editor").json()
    counts = {item["key"]: item["count"] for item in editor_todo["items"]}
    assert counts["returned"] == 1 and counts["draft"] == len(web.project_ids) - 2
    assert [(r["id"], r["comment"]) for r in editor_todo["returned"]] == [(first, "请补充测算依据")]
    queue = _api(web, "/todo?year=all").json()["queue"]
    assert [r["id"] for r in queue] == [second] and queue[0]["submitted_at"].endswith("+00:00")
    code, said = _cli("desk", "todo", "--user", "editor", "--year", "all", "--db", web.url)
    assert code == 0 and "被退回：1" in said and "退回意见：请补充测算依据" in said, said
    code, said = _cli("desk", "todo", "--user", "reviewer", "--db", web.url)  # the year with the reviewer's work
    assert code == 0 and "审核队列（先送审的在前）" in said, said
    refused = _api(web, "/todo?year=20x")
    assert refused.status_code == 422 and "年度「20x」无效" in refused.text
    code, said = _cli("desk", "todo", "--user", "editor", "--year", "20x", "--db", web.url)
    assert code == 2 and "年度「20x」无效" in said and "Traceback" not in said
    assert _api(web, "/todo", user="other_editor").json()["returned"] == []  # another unit's: nothing of these
