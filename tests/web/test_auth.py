"""Sign-in, sessions, CSRF, security headers, accounts."""

from __future__ import annotations

import re

from sqlalchemy import select

from perfbudget.app.accounts import set_password
from perfbudget.app.passwords import hash_password, verify_password
from perfbudget.store.account_tables import users
from tests.web.conftest import PASSWORD, WebEnv, csrf_of, login


def test_passwords_are_argon2_hashes(web: WebEnv) -> None:
    with web.app.state.engine.connect() as connection:
        stored = connection.execute(select(users.c.password_hash).where(users.c.username == "admin")).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert verify_password(stored, PASSWORD) and not verify_password(stored, PASSWORD + "x")
    assert hash_password("abcdefgh1") != hash_password("abcdefgh1")  # salted


def test_production_hashes_are_argon2id_at_the_rfc_9106_low_memory_cost() -> None:
    # The suite hashes its test accounts at a lower cost (tests/conftest.py); the program's own hasher is this one.
    from tests.conftest import PRODUCTION_HASHER

    stored = PRODUCTION_HASHER().hash(PASSWORD)
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$"), stored
    assert PRODUCTION_HASHER().verify(stored, PASSWORD)


def test_sign_in_and_out(web: WebEnv) -> None:
    client = web.client()
    assert client.get("/dashboard", follow_redirects=False).headers["location"] == "/login?next=/dashboard"
    login(client, "viewer")
    page = client.get("/dashboard")
    assert page.status_code == 200 and "总览" in page.text and "查看人员" in page.text
    client.post("/logout", data={"csrf_token": csrf_of(client, "/account")})
    assert client.get("/dashboard", follow_redirects=False).status_code == 303


def test_wrong_password_is_refused_and_audited(web: WebEnv) -> None:
    client = web.client()
    response = client.post("/login", data={"username": "admin", "password": "nope-nope",
                                           "csrf_token": csrf_of(client)})
    assert response.status_code == 401 and "用户名或密码不正确" in response.text
    response = client.post("/login", data={"username": "nobody", "password": "nope-nope",
                                           "csrf_token": csrf_of(client)})
    assert response.status_code == 401
    audit = web.client("admin").get("/admin/audit?action=session.login_failed").text
    assert "登录失败：admin" in audit and "登录失败：nobody" in audit


def test_every_form_needs_the_csrf_token(web: WebEnv) -> None:
    client = web.client("admin")
    pid = web.project_ids[0]
    for path, data in (("/logout", {}), (f"/projects/{pid}/workflow", {"action": "submit"}),
                       ("/account/tokens", {"name": "x"}), ("/admin/users", {"username": "u1", "password": "x" * 9,
                                                                               "role": "viewer"})):
        response = client.post(path, data=data)
        assert response.status_code == 403 and "CSRF" in response.text, path
        response = client.post(path, data={**data, "csrf_token": "forged"})
        assert response.status_code == 403, path
    anonymous = web.client()
    assert anonymous.post("/login", data={"username": "admin", "password": PASSWORD}).status_code == 403


def test_htmx_requests_send_the_token_in_a_header(web: WebEnv) -> None:
    client = web.client("editor")
    token = csrf_of(client, "/account")
    pid = web.project_ids[0]
    response = client.post(f"/projects/{pid}/check", data={"l1": "产出指标"}, headers={"X-CSRF-Token": token})
    assert response.status_code == 200


def test_changing_the_password_ends_other_sessions(web: WebEnv) -> None:
    first = web.client("viewer")
    assert first.get("/dashboard", follow_redirects=False).status_code == 200
    assert set_password(web.app.state.engine, "viewer", "another-pass-2") is None
    assert first.get("/dashboard", follow_redirects=False).status_code == 303
    second = web.client()
    login(second, "viewer", "another-pass-2")
    assert second.get("/dashboard", follow_redirects=False).status_code == 200


def test_disabled_account_cannot_sign_in(web: WebEnv) -> None:
    admin = web.client("admin")
    with web.app.state.engine.connect() as connection:
        viewer_id = connection.execute(select(users.c.id).where(users.c.username == "viewer")).scalar_one()
    response = admin.post(f"/admin/users/{viewer_id}", data={"csrf_token": csrf_of(admin, "/account"),
                                                             "role": "viewer", "username": "viewer"})
    assert response.status_code == 200
    client = web.client()
    response = client.post("/login", data={"username": "viewer", "password": PASSWORD,
                                           "csrf_token": csrf_of(client)})
    assert response.status_code == 401


def test_no_open_redirect_after_sign_in(web: WebEnv) -> None:
    client = web.client()
    response = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": csrf_of(client),
                                           "next": "//evil.example/x"}, follow_redirects=False)
    assert response.headers["location"] == "/dashboard"


def test_session_cookie_and_security_headers(web: WebEnv) -> None:
    client = web.client()
    response = client.get("/login")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert response.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in response.headers["content-security-policy"]
    links = re.findall(r'(?:src|href|action)="([^"]*)"', response.text)
    assert links and all(link.startswith("/") and not link.startswith("//") for link in links), links
    assert "https://" not in response.text and "http://" not in response.text


def test_pages_and_static_assets_work_offline(web: WebEnv) -> None:
    client = web.client("admin")
    for path in ("/dashboard", f"/projects/{web.project_ids[0]}", "/api/docs"):
        text = client.get(path).text
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "") and "https://" not in text, path
    for asset in ("/static/vendor/htmx.min.js", "/static/vendor/swagger-ui-bundle.js", "/static/style.css",
                  "/static/app.js", "/static/swagger-init.js"):
        assert client.get(asset).status_code == 200, asset


def test_admin_creates_accounts_in_the_browser(web: WebEnv) -> None:
    admin = web.client("admin")
    response = admin.post("/admin/users", data={"csrf_token": csrf_of(admin, "/account"), "username": "new-editor",
                                                "password": "short", "role": "unit_editor", "unit_code": "255101"})
    assert "密码至少需要 10 个字符" in response.text
    response = admin.post("/admin/users", data={"csrf_token": csrf_of(admin, "/account"), "username": "new-editor",
                                                "password": "long-enough-1", "role": "unit_editor"})
    assert "必须指定所属单位编码" in response.text
    response = admin.post("/admin/users", data={"csrf_token": csrf_of(admin, "/account"), "username": "new-editor",
                                                "password": "long-enough-1", "role": "unit_editor",
                                                "unit_code": "255101"})
    assert "已创建账号 new-editor" in response.text
    client = web.client()
    login(client, "new-editor", "long-enough-1")
    assert "单位填报人员" in client.get("/dashboard").text


def test_api_tokens_from_the_account_page(web: WebEnv) -> None:
    client = web.client("reviewer")
    page = client.post("/account/tokens", data={"csrf_token": csrf_of(client, "/account"), "name": "脚本"})
    import re

    token = re.search(r'id="new-token">([^<]+)<', page.text)
    assert token, page.text
    api = web.client()
    me = api.get("/api/v1/me", headers={"Authorization": f"Bearer {token.group(1)}"})
    assert me.status_code == 200 and me.json()["role"] == "reviewer"
    token_id = re.search(r'/account/tokens/(\d+)/revoke', client.get("/account").text)
    assert token_id
    client.post(f"/account/tokens/{token_id.group(1)}/revoke", data={"csrf_token": csrf_of(client, "/account")})
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {token.group(1)}"}).status_code == 401
