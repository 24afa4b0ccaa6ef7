"""Issue 12, points 2–7: sessions that end, throttled sign-in, no 500s from bad input, no formulas,
bounded bodies read after authentication, and the smaller ones (each point a test)."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from perfbudget.interchange import document_to_dict
from perfbudget.load import load_path
from perfbudget.store.account_tables import api_tokens, users, web_sessions
from perfbudget.store.records import audit_log
from perfbudget.store.schema import utc_now
from perfbudget.web.tables import uploads
from tests.web.conftest import PASSWORD, WebEnv, csrf_of, login


def _user_id(web: WebEnv, name: str) -> int:
    with web.app.state.engine.connect() as connection:
        return int(connection.execute(select(users.c.id).where(users.c.username == name)).scalar_one())


def _copy(client: TestClient, web: WebEnv) -> TestClient:
    """Another browser holding a copy of ``client``'s cookie (a stolen cookie)."""
    thief = TestClient(web.app, base_url="http://testserver")
    thief.cookies.update(client.cookies)
    return thief


def _signed_in(client: TestClient) -> bool:
    return client.get("/dashboard", follow_redirects=False).status_code == 200


# --- point 2: sessions -------------------------------------------------------------------------

def test_sign_out_ends_a_copied_cookie(web: WebEnv) -> None:
    editor = web.client("editor")
    thief = _copy(editor, web)
    assert _signed_in(thief)
    editor.post("/logout", data={"csrf_token": csrf_of(editor, "/account")})
    assert not _signed_in(thief)


def test_password_change_ends_every_session(web: WebEnv) -> None:
    first, second = web.client("editor"), web.client("editor")
    thief = _copy(second, web)
    response = first.post("/account/password", data={"csrf_token": csrf_of(first, "/account"), "current": PASSWORD,
                                                      "new": "a-new-long-password", "repeat": "a-new-long-password"},
                          follow_redirects=False)
    assert response.status_code == 303
    assert not _signed_in(first) and not _signed_in(second) and not _signed_in(thief)


def test_admin_disabling_an_account_ends_its_sessions_and_tokens(web: WebEnv) -> None:
    editor = web.client("editor")
    token = web.token("editor")
    admin = web.client("admin")
    user_id = _user_id(web, "editor")
    admin.post(f"/admin/users/{user_id}", data={"csrf_token": csrf_of(admin, "/admin/users"), "role": "unit_editor",
                                                "unit_code": "255101", "active": ""})
    assert not _signed_in(editor)
    assert TestClient(web.app).get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_idle_and_absolute_expiry(web: WebEnv) -> None:
    editor = web.client("editor")
    engine = web.app.state.engine
    with engine.begin() as connection:
        connection.execute(update(web_sessions).values(last_seen_at=utc_now() - timedelta(minutes=31)))
    assert not _signed_in(editor)
    editor = web.client("editor")
    with engine.begin() as connection:
        connection.execute(update(web_sessions).values(expires_at=utc_now() - timedelta(seconds=1)))
    assert not _signed_in(editor)


def test_sign_in_rotates_the_session(web: WebEnv) -> None:
    client = web.client()
    before = client.cookies.get("perfbudget_session")
    login(client, "editor")
    old = TestClient(web.app)
    old.cookies.set("perfbudget_session", before or "")
    assert client.cookies.get("perfbudget_session") != before and not _signed_in(old)
    login(client, "editor")  # signing in again ends the session the browser had
    with web.app.state.engine.connect() as connection:
        live = connection.execute(select(web_sessions).where(web_sessions.c.revoked_at.is_(None))).all()
    assert len(live) == 1


# --- point 3: throttling and password policy ----------------------------------------------------

def _try(client: TestClient, user: str, password: str) -> Any:
    return client.post("/login", data={"username": user, "password": password, "csrf_token": csrf_of(client)},
                       follow_redirects=False)


@pytest.mark.parametrize("user", ["editor", "nobody-at-all"])
def test_sign_in_is_throttled_per_account_without_telling_whether_it_exists(web: WebEnv, user: str) -> None:
    client = web.client()
    answers = [_try(client, user, "wrong-password").status_code for _ in range(6)]
    assert answers[:5] == [401] * 5 and answers[5] == 429
    response = _try(client, user, PASSWORD)  # even the right password waits
    assert response.status_code == 429 and int(response.headers["Retry-After"]) > 0
    assert "登录尝试过多" in response.text and "不存在" not in response.text
    with web.app.state.engine.connect() as connection:
        logged = connection.execute(select(audit_log).where(audit_log.c.action == "session.login_throttled")).all()
    assert len(logged) == 1 and logged[0].username == user


def test_sign_in_is_throttled_per_address(web: WebEnv) -> None:
    client = web.client()
    for n in range(20):
        assert _try(client, f"guess{n}", "wrong-password").status_code == 401
    assert _try(client, "admin", PASSWORD).status_code == 429


def test_success_resets_the_account_count(web: WebEnv) -> None:
    client = web.client()
    for _ in range(4):
        _try(client, "editor", "wrong-password")
    assert _try(client, "editor", PASSWORD).status_code == 303
    assert _try(TestClient(web.app), "editor", "wrong-password").status_code == 401


@pytest.mark.parametrize(("password", "message"), [("short-pw", "至少需要 10 个字符"),
                                                    ("password123", "过于常见"), ("Qwertyuiop", "过于常见")])
def test_weak_new_passwords_are_refused(web: WebEnv, password: str, message: str) -> None:
    from perfbudget.app.passwords import password_problem

    problem = password_problem(password)
    assert problem and message in problem
    assert password_problem("perfbudget-demo") is None  # the demo password of scripts/run.sh


# --- point 4: validation at the boundary --------------------------------------------------------

def _api_document(seed_path: Path, **budget: str) -> dict[str, Any]:
    data = document_to_dict(load_path(seed_path).document)  # type: ignore[arg-type]
    data["projects"] = data["projects"][:1]
    data["projects"][0]["budget"].update(budget)
    return data


@pytest.mark.parametrize("amount", ["1e1000000", "NaN", "Infinity", "12.1234567", "-1e13"])
def test_bad_money_is_refused_and_the_dashboard_stays_up(web: WebEnv, seed_path: Path, amount: str) -> None:
    api = TestClient(web.app)
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    response = api.post("/api/v1/documents", json=_api_document(seed_path, total=amount), headers=headers)
    assert response.status_code == 422, response.text
    assert api.get("/api/v1/dashboard", headers=headers).status_code == 200
    assert web.client("admin").get("/dashboard").status_code == 200


@pytest.mark.parametrize(("field", "value", "told"), [
    ("fund_year", 10**20, "年度应为 1000–9999 之间的年份"),
    ("fund_year", 3_000_000_000, "年度应为 1000–9999 之间的年份"),
    ("fund_year", -2024, "年度应为 1000–9999 之间的年份"),
    ("seq", 2**31, "整数超出允许范围"),
])
def test_a_whole_number_no_column_holds_is_refused(web: WebEnv, seed_path: Path, field: str, value: int,
                                                  told: str) -> None:
    """A year of 20 digits answered 500 (SQLite OverflowError); 3,000,000,000 overflows a PostgreSQL integer."""
    api = TestClient(web.app)
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    data = _api_document(seed_path)
    data["projects"][0][field] = value
    response = api.post("/api/v1/documents", json=data, headers=headers)
    assert response.status_code == 422 and told in response.text, response.text
    assert f"projects[0].{field}" in response.text


@pytest.mark.parametrize("path", ["/projects/99999999999999999999999", "/projects/2147483648",
                                  "/projects/-99999999999999999999", "/dashboard?year=-99999999999999",
                                  "/api/v1/projects/99999999999999999999", "/admin/audit?page=99999999999999999999"])
def test_over_long_ids_are_404(web: WebEnv, path: str) -> None:
    client = web.client("admin")
    headers = {"Authorization": f"Bearer {web.token('admin')}"}
    assert client.get(path, headers=headers).status_code == 404


def test_long_numbers_typed_as_text_are_searched_not_refused(web: WebEnv) -> None:
    """A search or a unit code of many digits is text, not an id: answered (nothing found), never 404."""
    client = web.client("admin")
    headers = {"Authorization": f"Bearer {web.token('admin')}"}
    for path in ("/projects?q=123456789012345678", "/projects?unit=110101000000000001",
                 "/api/v1/library?q=" + "0" * 60):
        response = client.get(path, headers=headers)
        assert response.status_code == 200, (path, response.text)
    # a unit code no unit has is said to be no unit (faces-u: an empty list until then), never an id's 404
    response = client.get("/api/v1/projects?unit=110101000000000001", headers=headers)
    assert response.status_code == 422 and "没有找到单位「110101000000000001」" in response.text, response.text
    response = client.get("/api/v1/units/110101000000000001/publication/json", headers=headers)
    assert response.status_code == 404 and "编号无效" not in response.text  # no such unit: said so
    assert client.get("/units/110101000000000001", headers=headers).status_code == 404  # an id there


def test_a_method_not_allowed_names_the_allowed_ones(web: WebEnv) -> None:
    headers = {"Authorization": f"Bearer {web.token('admin')}"}
    response = web.client().request("TRACE", "/api/v1/me", headers=headers)
    assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"
    assert response.json()["error"]["code"] == "method_not_allowed"
    project = web.project_ids[0]
    response = web.client().request("OPTIONS", f"/api/v1/projects/{project}", headers=headers)
    assert response.status_code == 405  # three routes, one path
    assert response.headers["allow"] == "DELETE, GET, HEAD, PUT"


def test_a_body_that_cannot_be_decoded_is_said_so(web: WebEnv) -> None:
    headers = {"Authorization": f"Bearer {web.token('admin')}", "Content-Type": "application/json"}
    response = web.client().post(f"/api/v1/projects/{web.project_ids[0]}/workflow", content=b"\xff\xfe{",
                                 headers=headers)
    assert response.status_code == 400, response.text
    said = ("请求内容无法解析：不是有效的 JSON 或表单，或不是 UTF-8 编码；请求体应为 JSON 对象（请求头 Content-Type: "
            "application/json），字段：action（必填）、comment、justification、version")  # what to send since replay-y
    assert response.json()["error"] == {"code": "bad_request", "details": None, "message": said}


@pytest.mark.parametrize("name", ["项目\x00名称", "项目\uffff名称", "项目\x1b名称", "长" * 600])
def test_names_with_control_characters_or_too_long_are_refused(web: WebEnv, seed_path: Path, name: str) -> None:
    data = _api_document(seed_path)
    data["projects"][0]["name"] = name
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    response = TestClient(web.app).post("/api/v1/documents", json=data, headers=headers)
    assert response.status_code == 422


@pytest.mark.parametrize("variant", ["名称\u200b", "名称\ufeff", "名称\u00ad", "名稱", "ＡＢＣ名称"])
def test_names_differing_only_by_invisible_characters_or_width_are_the_same(variant: str) -> None:
    from perfbudget.model import Unit
    from perfbudget.names import canonical_name
    from perfbudget.store.rows import project_identity

    bases = {"名称\u200b": "名称", "名称\ufeff": "名称", "名称\u00ad": "名称", "名稱": None, "ＡＢＣ名称": "ABC名称"}
    base = bases[variant]
    if base is None:  # traditional and simplified characters are different names
        assert canonical_name(variant) != canonical_name("名称")
        return
    document = load_path(Path(__file__).resolve().parents[2] / "examples" / "000_e2047472f0d7711d.txt").document
    assert document is not None
    from dataclasses import replace

    project = document.projects[0]
    unit = Unit("1", "单位")
    assert project_identity(unit, replace(project, name=variant)) == project_identity(unit, replace(project, name=base))


def test_api_import_of_an_invisible_variant_updates_the_same_project(web: WebEnv, seed_path: Path) -> None:
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    data = _api_document(seed_path)
    original = data["projects"][0]["name"]
    data["projects"][0]["name"] = original[:2] + "\u200b" + original[2:]
    data["projects"][0]["budget"]["total"] = "18.00"
    response = TestClient(web.app).post("/api/v1/documents", json=data, headers=headers)
    assert response.status_code == 200, response.text
    assert response.json()["new_projects"] == 0 and response.json()["project_ids"][0] == web.project_ids[0]


# --- point 5: formula injection -----------------------------------------------------------------

@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+SUM(A1)", "@cmd", "-2+3"])
def test_no_user_text_becomes_a_formula(seed_path: Path, name: str) -> None:
    from dataclasses import replace

    import openpyxl

    from perfbudget.evaluate.sheet import read_csv_text
    from perfbudget.evaluate.template import template_csv, template_xlsx
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    document = load_path(seed_path).document
    assert document is not None
    project = document.projects[0]
    indicator = replace(project.indicators[0], level3=name)
    document = replace(document, projects=(replace(project, name=name, indicators=(indicator,)),))
    for data in (template_xlsx(document), target_table_xlsx(document)):
        workbook = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        assert any(isinstance(c.value, str) and name in c.value for c in cells)
    import csv

    text = template_csv(document)
    cells = [cell for record in csv.reader(io.StringIO(text)) for cell in record]
    assert "'" + name in cells and name not in cells  # neutralised for spreadsheet programs
    rows, _ = read_csv_text(text, "t.csv")
    assert any(row.cells["三级指标"] == name for row in rows)  # and read back as typed


def test_evaluation_xlsx_holds_no_formula(seed_document: Any) -> None:
    from dataclasses import replace

    import openpyxl

    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run

    evaluation, problems = run(seed_document, csv_bytes(*P5_SHEET, f"{P5},总体目标完成情况,完成,,,"))
    assert evaluation is not None, problems
    hostile = replace(evaluation, projects=tuple(replace(p, name="=HYPERLINK(\"http://x\")", name_cell=None)
                                                 for p in evaluation.projects))
    workbook = openpyxl.load_workbook(io.BytesIO(evaluation_xlsx(hostile)))
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and c.value.startswith("=HYPERLINK") for c in cells)


# --- point 6: bodies ----------------------------------------------------------------------------

def test_anonymous_upload_is_refused_before_its_body_is_read(web: WebEnv) -> None:
    received = []

    def body() -> Any:
        for _ in range(200):
            received.append(1)
            yield b"x" * 1024 * 1024

    response = TestClient(web.app).post("/upload", content=body(), headers={"Content-Type": "multipart/form-data"},
                                        follow_redirects=False)
    assert response.status_code in (303, 401) and len(received) <= 2
    api = TestClient(web.app).post("/api/v1/documents", content=b"{}" + b" " * 1000,
                                   headers={"Content-Type": "application/json"})
    assert api.status_code == 401


def test_body_over_the_route_limit_is_413_with_the_limit(web: WebEnv) -> None:
    editor = web.client("editor")
    response = editor.post("/projects/1/check", content=b"x" * (3 * 1024 * 1024),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413 and "2 MB" in response.text
    headers = {"Authorization": f"Bearer {web.token('editor')}", "Content-Type": "application/json"}
    response = TestClient(web.app).post("/api/v1/documents", content=b" " * (11 * 1024 * 1024), headers=headers)
    assert response.status_code == 413 and "10 MB" in response.json()["error"]["message"]


def test_chunked_body_is_counted_as_it_arrives(web: WebEnv) -> None:
    editor = web.client("editor")

    def body() -> Any:
        for _ in range(5):
            yield b"x" * 1024 * 1024

    response = editor.post("/projects/1/check", content=body(),
                           headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


# --- point 7: the smaller ones ------------------------------------------------------------------

def test_pending_uploads_expire(web: WebEnv, seed_path: Path) -> None:
    editor = web.client("editor")
    response = editor.post("/upload", data={"csrf_token": csrf_of(editor, "/upload")},
                           files={"file": ("seed.txt", seed_path.read_bytes(), "text/plain")}, follow_redirects=False)
    location = response.headers["location"]
    engine = web.app.state.engine
    with engine.begin() as connection:
        connection.execute(update(uploads).values(created_at=utc_now() - timedelta(hours=25)))
    assert editor.get(location).status_code == 404
    with engine.connect() as connection:
        assert connection.execute(select(uploads)).first() is None


def test_api_tokens_expire_are_listed_and_revocable_by_admins(web: WebEnv) -> None:
    editor = web.client("editor")
    page = editor.post("/account/tokens", data={"csrf_token": csrf_of(editor, "/account"), "name": "短期", "days": "1"})
    token = page.text.split('id="new-token">')[1].split("<")[0]
    api = TestClient(web.app)
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    engine = web.app.state.engine
    with engine.begin() as connection:
        connection.execute(update(api_tokens).where(api_tokens.c.name == "短期")
                           .values(expires_at=utc_now() - timedelta(seconds=1)))
    expired = api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert expired.status_code == 401
    assert "已过期" in expired.json()["error"]["message"]  # it named only 无效、已吊销 (attack16)
    other = web.token("editor")
    admin = web.client("admin")
    page = admin.get("/admin/tokens").text
    assert "editor" in page and "短期" in page and "已过期" in page
    with engine.connect() as connection:
        token_id = connection.execute(select(api_tokens.c.id).order_by(api_tokens.c.id.desc())).scalar()
    admin.post(f"/account/tokens/{token_id}/revoke", data={"csrf_token": csrf_of(admin, "/admin/tokens")})
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {other}"}).status_code == 401


def test_pages_with_data_are_not_cached_and_https_gets_hsts(web: WebEnv) -> None:
    admin = web.client("admin")
    response = admin.get("/dashboard")
    assert response.headers["cache-control"] == "no-store"
    assert "strict-transport-security" not in response.headers
    assert "no-store" not in admin.get("/static/style.css").headers.get("cache-control", "")
    secure = TestClient(web.app, base_url="https://testserver")
    assert "max-age=" in secure.get("/login").headers["strict-transport-security"]


def test_forwarded_for_is_trusted_only_from_configured_proxies(tmp_path: Path) -> None:
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    for proxies, expected in (((), "testclient"), (("testclient",), "203.0.113.9")):
        app = create_app(WebConfig(database_url=f"sqlite:///{tmp_path}/p{len(proxies)}.db", secret_key="k" * 40,
                                   trusted_proxies=proxies))
        client = TestClient(app)
        client.post("/login", data={"username": "someone", "password": "wrong-password",
                                    "csrf_token": csrf_of(client)}, headers={"X-Forwarded-For": "203.0.113.9"})
        with app.state.engine.connect() as connection:
            ip = connection.execute(select(audit_log.c.ip).where(audit_log.c.action == "session.login_failed")).scalar()
        assert ip == expected
        app.state.engine.dispose()


def test_download_names_are_encoded_safely() -> None:
    from perfbudget.web.filenames import content_disposition, safe_filename

    assert safe_filename("../../etc/passwd\x00\r\n项目") == "_.._etc_passwd___项目"
    header = content_disposition('a/b\\c"d;项目.xlsx')
    assert header.startswith('attachment; filename="a_b_c_d___.xlsx"; filename*=UTF-8\'\'')
    assert "/" not in header.split("filename*=")[1] and "\r" not in header and "\n" not in header


def test_admin_password_reset_changes_the_account_of_the_row(web: WebEnv) -> None:
    admin = web.client("admin")
    editor_id = _user_id(web, "editor")
    admin.post(f"/admin/users/{editor_id}", data={"csrf_token": csrf_of(admin, "/admin/users"), "role": "unit_editor",
                                                  "unit_code": "255101", "active": "1",
                                                  "password": "reset-by-the-admin", "username": "viewer"})
    login(TestClient(web.app), "editor", "reset-by-the-admin")
    login(TestClient(web.app), "viewer", PASSWORD)  # the name sent with the form is not the account changed


def test_serve_on_a_missing_or_read_only_database_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from typer.testing import CliRunner

    from perfbudget.cli import app
    from perfbudget.cli.cmd_serve import database_problem

    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path}/missing/dir/x.db"])
    assert result.exit_code == 1 and "数据库所在目录不存在" in result.output and "Traceback" not in result.output
    existing = tmp_path / "ro.db"
    existing.write_bytes(b"")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode == os.W_OK else real_access(path, mode))
    problem = database_problem(f"sqlite:///{existing}")
    assert problem and "只读" in problem


def test_serve_on_a_port_in_use_or_an_unknown_address_says_so_in_chinese(tmp_path: Path) -> None:
    """uvicorn said it after the banner, in English (「ERROR: [Errno 98] … address already in use」), exit code 3."""
    import socket

    from typer.testing import CliRunner

    from perfbudget.cli import app

    db = f"sqlite:///{tmp_path}/x.db"
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", "--db", db, "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert f"端口 {port} 已被占用" in result.output and "网页端：http" not in result.output
    result = CliRunner().invoke(app, ["serve", "--db", db, "--host", "999.1.1.1"])
    assert result.exit_code == 1 and "监听地址「999.1.1.1」无效" in result.output, result.output
    assert "Errno" not in result.output and "ERROR" not in result.output


def test_comments_and_display_names_are_bounded_and_clean(web: WebEnv) -> None:
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    response = TestClient(web.app).post(f"/api/v1/projects/{web.project_ids[0]}/workflow",
                                        json={"action": "comment", "comment": "意见\x00" * 10}, headers=headers)
    assert response.status_code in (409, 422) and "控制字符" in response.json()["error"]["message"]
    response = TestClient(web.app).post(f"/api/v1/projects/{web.project_ids[0]}/workflow",
                                        json={"action": "comment", "comment": "长" * 6000}, headers=headers)
    assert "过长" in response.json()["error"]["message"]
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role

    problem = create_user(web.app.state.engine, "someone", "a-long-password-1", Role.VIEWER, display_name="名\x07字")
    assert isinstance(problem, str) and "控制字符" in problem


def test_money_typed_in_forms_is_bounded(web: WebEnv) -> None:
    from perfbudget.web.forms import _decimal

    errors: list[str] = []
    assert _decimal("1e1000000", "预算数", errors) is None and "超出允许范围" in errors[0]
    assert _decimal("17.00", "预算数", errors) is not None


def test_sign_out_in_one_worker_ends_the_session_cached_in_another(web: WebEnv) -> None:
    from tests.web.conftest import make_app

    other_worker = make_app(web.url)  # a second process's app on the same database
    try:
        editor = web.client("editor")
        thief = TestClient(other_worker, base_url="http://testserver")
        thief.cookies.update(editor.cookies)
        assert _signed_in(thief) and _signed_in(thief)  # the second answer comes from its cache
        editor.post("/logout", data={"csrf_token": csrf_of(editor, "/account")})
        assert not _signed_in(thief)
    finally:
        other_worker.state.engine.dispose()


def test_migration_0110_gives_stored_projects_their_canonical_identity(tmp_path: Path, seed_path: Path) -> None:
    """A database made before 0110 (identity from the raw name) finds the same project after upgrading."""
    import hashlib
    import json
    from dataclasses import replace

    from sqlalchemy import text

    from perfbudget.store.engine import make_engine, write_transaction
    from perfbudget.store.migrate import upgrade
    from perfbudget.store.rows import project_identity

    url = f"sqlite:///{tmp_path}/old.db"
    engine = make_engine(url)
    upgrade(engine, "0100")
    document = load_path(seed_path).document
    assert document is not None
    project = replace(document.projects[0], name="视频\u200b会议")
    now = utc_now()
    raw = json.dumps([f"code:{document.unit.code}", project.fund_year, project.name, project.fund_label],
                     ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with write_transaction(engine, moves=None) as connection:  # as the program of 0100 wrote (no counters yet)
        unit = {"key": f"code:{document.unit.code}", "code": document.unit.code, "name": document.unit.name}
        connection.execute(text("INSERT INTO units (id, key, code, name) VALUES (1, :key, :code, :name)"), unit)
        connection.execute(text("INSERT INTO projects (id, unit_id, identity, name, fund_label, fund_year, "
                                "latest_version, created_at, updated_at) "
                                "VALUES (1, 1, :identity, :name, :label, :year, 1, :now, :now)"),
                           {"identity": hashlib.sha256(raw.encode()).hexdigest(), "name": project.name,
                            "label": project.fund_label, "year": project.fund_year, "now": now})
    upgrade(engine)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT identity FROM projects WHERE id = 1")).scalar()
    assert stored == project_identity(document.unit, replace(project, name="视频会议"))
    engine.dispose()
