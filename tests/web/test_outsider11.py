"""Found by attacking a fresh server from outside (attack11, 2026-12-03); each test failed before its fix."""

from __future__ import annotations

from sqlalchemy import select

from tests.web.conftest import PASSWORD, SEED_UNIT, WebEnv, csrf_of


def _user_id(web: WebEnv, name: str) -> int:
    from perfbudget.store.account_tables import users

    with web.app.state.engine.connect() as connection:
        user_id: int = connection.execute(select(users.c.id).where(users.c.username == name)).scalar_one()
    return user_id


def _works(web: WebEnv, token: str) -> bool:
    response = web.client().get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code in (200, 401), response.text
    return response.status_code == 200


def test_a_password_change_revokes_every_api_token_and_session(web: WebEnv) -> None:
    """A changed password after a suspected leak must cut every way in: a token made with the stolen password
    or session kept working until 2026-12-03."""
    token, other = web.token("editor"), web.token("reviewer")
    browser, thief = web.client("editor"), web.client("editor")
    response = browser.post("/account/password", data={
        "csrf_token": csrf_of(browser, "/account"), "current": PASSWORD, "new": "a-new-pass-word-9",
        "repeat": "a-new-pass-word-9"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert not _works(web, token)
    assert thief.get("/dashboard", follow_redirects=False).status_code == 303  # the other session ended
    assert _works(web, other)  # another account's token is untouched
    audit = web.client("admin").get("/admin/audit").text
    assert "吊销账号 editor 的全部 API 令牌" in audit


def test_an_admin_reset_and_the_command_line_revoke_the_tokens_too(web: WebEnv) -> None:
    from perfbudget.app.accounts import set_password

    token = web.token("viewer")
    admin = web.client("admin")
    response = admin.post(f"/admin/users/{_user_id(web, 'viewer')}", data={
        "csrf_token": csrf_of(admin, "/account"), "role": "viewer", "active": "on",
        "password": "reset-by-admin-7"})
    assert response.status_code == 200
    assert not _works(web, token)
    token = web.token("reviewer")
    assert set_password(web.app.state.engine, "reviewer", "set-on-the-cli-5") is None  # perfbudget user passwd
    assert not _works(web, token)


def test_disabling_an_account_revokes_its_tokens_for_good(web: WebEnv) -> None:
    """A disabled account's token used to work again when the account was enabled again."""
    token = web.token("viewer")
    admin = web.client("admin")
    viewer = _user_id(web, "viewer")
    admin.post(f"/admin/users/{viewer}", data={"csrf_token": csrf_of(admin, "/account"), "role": "viewer"})
    assert not _works(web, token)
    admin.post(f"/admin/users/{viewer}", data={"csrf_token": csrf_of(admin, "/account"), "role": "viewer",
                                               "active": "on"})
    assert not _works(web, token)


def test_a_changed_role_or_unit_revokes_the_tokens_but_a_changed_name_does_not(web: WebEnv) -> None:
    """A token made for one unit read the other unit at once after the account moved."""
    admin = web.client("admin")
    editor = _user_id(web, "editor")
    token = web.token("editor")
    admin.post(f"/admin/users/{editor}", data={"csrf_token": csrf_of(admin, "/account"), "role": "unit_editor",
                                               "unit_code": SEED_UNIT, "active": "on", "display_name": "新名字"})
    assert _works(web, token)
    admin.post(f"/admin/users/{editor}", data={"csrf_token": csrf_of(admin, "/account"), "role": "unit_editor",
                                               "unit_code": "999001", "active": "on", "display_name": "新名字",
                                               "new_unit": "1"})  # a unit no table names yet: said so (replay-x)
    assert not _works(web, token)
    token = web.token("editor")
    admin.post(f"/admin/users/{editor}", data={"csrf_token": csrf_of(admin, "/account"), "role": "viewer",
                                               "unit_code": "999001", "active": "on", "display_name": "新名字"})
    assert not _works(web, token)


def test_the_api_takes_uploads_up_to_the_file_limit_as_the_page_does(web: WebEnv) -> None:
    """POST /api/v1/uploads answered 413 「上限为 2 MB」 (a form's limit) for any file over 2 MB."""
    api = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    response = api.post("/api/v1/uploads", headers=headers,
                        files={"file": ("big.txt", b"x" * (3 * 1024 * 1024), "text/plain")})
    assert response.status_code == 200, response.text
    assert response.json()["read_ok"] is False
    response = api.post("/api/v1/uploads", headers=headers,
                        files={"file": ("huge.txt", b"x" * (52 * 1024 * 1024), "text/plain")})
    assert response.status_code == 413, response.text


def test_every_operation_documents_the_400_of_a_nul_in_its_address(web: WebEnv) -> None:
    """A NUL in a query value answers 400 before any route; schemathesis reported it undocumented (ST103)."""
    spec = web.client().get("/api/openapi.json").json()
    operations = [(path, method, operation) for path, item in spec["paths"].items()
                  for method, operation in item.items()]
    assert len(operations) >= 20
    for path, method, operation in operations:
        assert "空字符" in operation["responses"]["400"]["description"], (path, method)
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    assert web.client().get("/api/v1/projects?unit=a%00b", headers=headers).status_code == 400
