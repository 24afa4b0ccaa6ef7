"""replay-n: the issues' scenarios replayed through the CLI and the API where they still failed — a CLI import made
while ``perfbudget serve`` runs reviewed at once (issue 11: one core for every face; issue 3: the CLI and the web on one
store), … — on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.app.accounts import create_user
from perfbudget.app.reviews import start_review_catch_up, unreviewed_mark
from perfbudget.app.roles import Role
from perfbudget.cli import app as cli
from tests.web.conftest import PASSWORD, SEED_UNIT, WebEnv
from tests.web.helpers import approve
from tests.web.test_revisions import upload
from tests.web.test_same_result import P1_ROWS

NEW_UNIT = "255199"
CORPUS = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"


def _other_unit_file(seed_path: Path, folder: Path) -> Path:
    """The seed's tables as another unit's (new projects, none reviewed by the import)."""
    text = seed_path.read_text(encoding="utf-8").replace("255101天津市和平区人民检察院", f"{NEW_UNIT}测试新单位")
    assert NEW_UNIT in text
    path = folder / "new-unit.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _cli_process(*args: str) -> subprocess.CompletedProcess[str]:
    """``perfbudget`` in a process of its own, as a second user's shell runs it."""
    return subprocess.run([sys.executable, "-m", "perfbudget", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PERFBUDGET_USER": ""})


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    done = CliRunner().invoke(cli, list(args), env={"PERFBUDGET_USER": "", **(env or {})})
    return done.exit_code, done.output


def _grades(items: list[dict[str, object]]) -> list[object]:
    return [item["review_grade"] for item in items if item["unit"]["code"] == NEW_UNIT]  # type: ignore[index]


def test_a_cli_import_in_another_process_is_reviewed_while_the_server_runs(any_web: WebEnv, seed_path: Path,
                                                                          tmp_path: Path) -> None:
    """Issue 11 and issue 3: a CLI import made while ``perfbudget serve`` ran showed 「未审核」 on the web and the API
    (and in ``list projects``) until the server was restarted: the server reviewed a CLI import's versions only as it
    started. Now the import moves the store's unreviewed counter and the running server reviews them within
    seconds (app.reviews.review_catch_up, which serve runs in a thread)."""
    web = any_web
    store, settings = web.app.state.store, web.app.state.core
    stop = start_review_catch_up(store, settings, "perfbudget serve", unreviewed_mark(store), interval=0.2)
    try:
        done = _cli_process("import", str(_other_unit_file(seed_path, tmp_path)), "--db", web.url)
        assert done.returncode == 0, done.stdout + done.stderr
        client = web.client()
        admin = {"Authorization": f"Bearer {web.token('admin')}"}
        deadline, grades = time.monotonic() + 30, []
        while time.monotonic() < deadline:
            grades = _grades(client.get(f"/api/v1/projects?unit={NEW_UNIT}", headers=admin).json()["items"])
            if grades and all(grades):
                break
            time.sleep(0.2)
        assert len(grades) == 10 and all(grade in ("优", "良", "中", "差") for grade in grades), grades
    finally:
        stop.set()
    listed = _cli_process("list", "projects", "--unit", NEW_UNIT, "--json", "--db", web.url)
    assert listed.returncode == 0, listed.stderr
    assert "未审核" not in listed.stdout
    page = web.client("viewer").get(f"/units/{NEW_UNIT}")
    assert page.status_code == 200 and "未审核" not in page.text


def test_perfbudget_serve_reviews_a_cli_import_made_while_it_runs(web: WebEnv, seed_path: Path,
                                                                  tmp_path: Path) -> None:
    """The same through a real ``perfbudget serve`` (one process) and a CLI import in another: the API answers the
    new projects' grades without a restart."""
    db, token = web.url, web.token("admin")
    web.app.state.engine.dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("wb") as written:
        server = subprocess.Popen([sys.executable, "-m", "perfbudget", "serve", "--db", db, "--port", str(port),
                                   "--no-access-log"], env={**os.environ, "PERFBUDGET_SECRET_KEY": "k" * 40},
                                  stdout=written, stderr=subprocess.STDOUT)
    try:
        import httpx

        api = httpx.Client(base_url=f"http://127.0.0.1:{port}", headers={"Authorization": f"Bearer {token}"})
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if api.get("/api/v1/projects").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, log.read_text(encoding="utf-8")
            time.sleep(0.2)
        done = _cli_process("import", str(_other_unit_file(seed_path, tmp_path)), "--db", db)
        assert done.returncode == 0, done.stdout + done.stderr
        grades: list[object] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            grades = _grades(api.get("/api/v1/projects").json()["items"])
            if len(grades) == 10 and all(grades):
                break
            time.sleep(0.3)
        assert len(grades) == 10 and all(grades), (grades, log.read_text(encoding="utf-8"))
    finally:
        server.terminate()
        server.wait(30)


def test_account_commands_act_as_the_account_perfbudget_user_names(any_web: WebEnv) -> None:
    """Issue 7 (the audit log says who) and issue 11 (one rule for who acts on every face): ``perfbudget user add|
    passwd|token|disable|enable|revoke`` were audited as 「cli」 whoever ran them, where every other command-line write
    acts as the account ``--user``/PERFBUDGET_USER names (checked as the API checks a token), else ``--actor`` or the
    login name (replay-m). Now the account commands follow the same rule; a viewer is refused in the API's words."""
    web = any_web
    db = ("--db", web.url)
    admin = {"Authorization": f"Bearer {web.token('admin')}"}
    client = web.client()

    def audited(action: str) -> dict[str, object]:
        entry: dict[str, object] = client.get(f"/api/v1/audit?action={action}", headers=admin).json()["items"][0]
        return entry

    code, printed = _cli("user", "add", "zhang", "--role", "viewer", "--password", "correct-horse-7",
                         "--user", "viewer", *db)
    assert code == 1 and "只有管理员可以管理账号（账号「viewer」是查看人员）" in printed, printed
    assert all(a["username"] != "zhang" for a in client.get("/api/v1/users", headers=admin).json())
    api = client.patch("/api/v1/users/editor", headers={"Authorization": f"Bearer {web.token('viewer')}"},
                       json={"active": False})
    assert api.status_code == 403 and api.json()["error"]["message"] == "只有管理员可以管理账号"  # the same words

    code, printed = _cli("user", "add", "zhang", "--role", "viewer", "--password", "correct-horse-7",
                         "--user", "admin", *db)
    assert code == 0, printed
    assert audited("user.create")["user"] == "admin"
    code, printed = _cli("user", "disable", "zhang", "--actor", "张科长", *db)
    assert code == 0 and audited("user.update")["user"] == "张科长", printed
    code, printed = _cli("user", "enable", "zhang", *db, env={"PERFBUDGET_USER": "admin"})
    assert code == 0 and audited("user.update")["user"] == "admin", printed
    code, printed = _cli("user", "token", "zhang", "--user", "zhang", *db)  # an account's own token
    assert code == 0 and audited("token.create")["user"] == "zhang", printed
    code, printed = _cli("user", "passwd", "viewer", "--password", "correct-horse-8", "--user", "zhang", *db)
    assert code == 1 and "只有管理员可以管理账号" in printed, printed
    code, printed = _cli("user", "passwd", "zhang", "--password", "correct-horse-8", *db)
    assert code == 0 and audited("user.password")["user"] not in ("cli", None), printed  # the login name
    code, printed = _cli("user", "add", "li", "--role", "viewer", "--password", "correct-horse-7",
                         "--user", "admin", "--actor", "x", *db)
    assert code == 1 and "--user 与 --actor 只能给一个" in printed


def test_a_document_sent_to_the_api_is_named_by_its_sender_as_people_read_him(any_web: WebEnv,
                                                                              seed_path: Path) -> None:
    """Issue 7 (people by name) and issue 11 (the same words on every face): a document sent to the API as JSON was
    stored and shown as 「JSON 文档（wang）」, the sign-in name, where the history, the desk and the records name people
    by display name (「王填报」). Now the history (API and CLI), a revision's step and the audit log read
    「JSON 文档（王填报）」."""
    web, pid = any_web, any_web.project_ids[0]
    account = create_user(web.app.state.engine, "wang", PASSWORD, Role.UNIT_EDITOR, SEED_UNIT, display_name="王填报")
    assert not isinstance(account, str), account
    approve(web.app, pid)
    code, document = _cli("read", str(seed_path), "--json")
    body = json.loads(document)
    body["projects"][0]["indicators"][0]["target"] = {"raw": "≥13次"}
    client = web.client()
    sent = client.post("/api/v1/documents", headers={"Authorization": f"Bearer {web.token('wang')}"}, json=body)
    assert sent.status_code == 200 and sent.json()["file"] == "JSON 文档（王填报）", sent.text
    viewer = {"Authorization": f"Bearer {web.token('viewer')}"}
    shown = client.get(f"/api/v1/projects/{pid}/history", headers=viewer).json()
    assert shown["versions"][-1]["file"] == "JSON 文档（王填报）"
    assert shown["workflow"][-1]["comment"].startswith("接口导入「JSON 文档（王填报）」带来修订稿第 2 版")
    code, printed = _cli("history", str(pid), "--db", web.url)
    assert code == 0 and "导入自 JSON 文档（王填报）" in printed and "（wang）" not in printed, printed


def test_scoring_explanations_print_amounts_as_every_face_prints_amounts(any_web: WebEnv) -> None:
    """Issue 6 (each score explained) and issue 15 (figures a finance officer signs): the explanations printed
    「全年执行数 1234567.8万元」 on the API, ``perfbudget evaluations --show`` and ``--json`` and the pages, where the
    printed 自评表 says 「1,234,567.80」. One formatting now (perfbudget.money_text): thousands, the exact amount."""
    web, pid = any_web, any_web.project_ids[0]
    approve(web.app, pid)
    client, editor = web.client(), {"Authorization": f"Bearer {web.token('editor')}"}
    document = client.get(f"/api/v1/projects/{pid}", headers=editor).json()["document"]["projects"][0]
    actuals = []
    for position, indicator in enumerate(document["indicators"], 1):
        actual, _, grade = P1_ROWS[indicator["level3"]].partition("|")
        if indicator["level3"] == "运行系统（软件）维护成本":
            actual = "16.125万元"
        actuals.append({"position": position, "actual": actual, "grade": grade or None})
    scored = client.post(f"/api/v1/projects/{pid}/evaluation", headers=editor,
                         json={"executed": "1234567.8", "indicators": actuals})
    assert scored.status_code == 200, scored.text
    said = scored.text
    assert "全年执行数 1,234,567.80万元 ÷ 全年预算数 17.00万元" in said, said
    assert "实际 16.125万元" in said and "1234567.8万元" not in said, said
    record = client.get(f"/api/v1/projects/{pid}/evaluations", headers=editor).json()["evaluations"][0]["id"]
    code, shown = _cli("evaluations", str(pid), "--show", str(record), "--db", web.url)
    assert code == 0 and "全年执行数 1,234,567.80万元" in shown and "1234567.8" not in shown, shown
    page = web.client("viewer").get(f"/projects/{pid}/evaluation").text
    assert "1,234,567.80" in page and "1234567.8万元" not in page


def test_a_department_table_is_called_one_in_the_preview_on_every_face(any_web: WebEnv) -> None:
    """Issue 18 (部门整体 tables) and issue 11 (every face alike): the import preview labelled a 部门整体 table
    「绩效目标表」 on the page and ``perfbudget read`` did the same, while the API's preview named no kind at all.
    Now every face says 「部门整体支出绩效目标表」 (perfbudget.kind_labels), a project's 「项目支出绩效目标表」."""
    web = any_web
    department = CORPUS / "50_hunan-yueyang-yueyanglou-jiagerenzheng-2023-target-zhengti-traditional-pinyin-cut.txt"
    preview, _ = upload(web.client("admin"), department)
    assert '<p id="preview-kind">表格：<strong>部门整体支出绩效目标表</strong>' in preview
    sent = web.client().post("/api/v1/uploads", headers={"Authorization": f"Bearer {web.token('admin')}"},
                             files={"file": (department.name, department.read_bytes(), "text/plain")})
    assert sent.status_code == 200, sent.text
    said = sent.json()
    assert (said["kind"], said["kind_label"]) == ("target", "部门整体支出绩效目标表")
    assert [p["kind_label"] for p in said["projects"]] == ["部门整体支出绩效目标表"]
    code, printed = _cli("read", str(department))  # (exit 1: the table is cut, told since reading36)
    assert code == 1 and "  部门整体支出绩效目标表  金额单位" in printed and "未完整" in printed, printed


def test_a_library_group_says_its_share_of_qualitative_targets_as_a_percent(any_web: WebEnv) -> None:
    """Issue 16 point 1 (「the share of qualitative ones」): ``perfbudget library show`` and the 指标组 page printed
    「定性指标占 1.00」; now 「定性指标占 100%」 on both, and the API gives ``qualitative_percent`` beside the share."""
    web = any_web
    code, printed = _cli("library", "search", "法治建设水平", "--json", "--db", web.url)
    assert code == 0, printed
    group = json.loads(printed)["groups"][0]["id"]
    code, shown = _cli("library", "show", str(group), "--db", web.url)
    assert code == 0 and "定性指标占 100%" in shown and "定性指标占 1.00" not in shown, shown
    detail = web.client().get(f"/api/v1/library/groups/{group}",
                              headers={"Authorization": f"Bearer {web.token('viewer')}"}).json()
    assert (detail["qualitative_share"], detail["qualitative_percent"]) == ("1.00", "100%")
    assert "定性指标占 100%" in web.client("viewer").get(f"/library/groups/{group}").text


def test_a_stored_self_evaluation_table_is_scored_against_its_own_total_on_every_face(any_web: WebEnv,
                                                                                       tmp_path: Path) -> None:
    """Issue 6 (scored by the official rules) with kinds24's point (the 自评 compared with the table's own 总分):
    only ``perfbudget evaluate 表 -a 表`` told where a 自评表's own 自评得分 differed from the scoring's; a 自评表
    imported and scored through the API (or the 自评 page) was not compared. Now app.evaluations.score compares for
    every face: the API answers it in ``notes``, the page in its 提示."""
    from tests.evaluate.test_tables_own_figures import SELF
    from tests.readers.word_tables import word_file

    web = any_web
    path = tmp_path / "自评表.docx"
    path.write_bytes(word_file([[SEED_UNIT + "测试单位", "", "", "", "", "", "", ""], *SELF],
                               ["项目支出绩效自评表", "（2023年度）"]))
    code, printed = _cli("import", str(path), "--db", web.url, "--json")
    assert code == 0, printed
    pid = json.loads(printed)["files"][0]["versions"][0]["project_id"]
    approve(web.app, pid)
    body = {"executed": "108", "budget": "120", "execution_weight": "10", "indicators": [
        {"position": 1, "actual": "12处", "weight": "50"}, {"position": 2, "actual": "5200人", "weight": "30"},
        {"position": 3, "actual": "95%", "weight": "10"}]}
    scored = web.client().post(f"/api/v1/projects/{pid}/evaluation", json=body,
                               headers={"Authorization": f"Bearer {web.token('admin')}"})
    assert scored.status_code == 200, scored.text
    assert scored.json()["total"] == "99.00"
    assert any("表中的自评得分为 97，按评分规则计算为 99.00（相差 2.00）" in note for note in scored.json()["notes"]), \
        scored.json()["notes"]
