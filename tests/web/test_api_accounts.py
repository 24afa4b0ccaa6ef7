"""Tokens and accounts outside the pages: issue 12 asks that API tokens be 「listed and revocable by their owner and
admins」 and die with a disabled account; until replay-j only the account page and the admins' pages did it — the CLI
could make a token (``user token``) but neither list nor revoke one nor disable an account, the API none of it. Now
``GET /api/v1/tokens``, ``DELETE /api/v1/tokens/{id}``, ``GET /api/v1/users`` and ``PATCH /api/v1/users/{name}``,
and ``perfbudget user tokens|revoke|disable|enable``, all through ``perfbudget.app.accounts``."""

from __future__ import annotations

import getpass
import json

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv

runner = CliRunner()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_are_listed_and_revoked_by_their_owner_and_admins_on_the_api_and_the_cli(any_web: WebEnv) -> None:
    web = any_web
    api = web.client()
    editor, second, admin = web.token("editor"), web.token("editor"), web.token("admin")
    viewer = web.token("viewer")
    mine = api.get("/api/v1/tokens", headers=_bearer(editor))
    assert mine.status_code == 200 and {t["username"] for t in mine.json()["items"]} == {"editor"}
    assert len(mine.json()["items"]) == 2 and all(t["state"] == "active" for t in mine.json()["items"])
    assert "token_hash" not in mine.json()["items"][0] and editor not in mine.text  # the prefix only
    refused = api.get("/api/v1/tokens", headers=_bearer(editor), params={"user": "admin"})
    assert refused.status_code == 403 and "只有管理员" in refused.json()["error"]["message"]
    everyone = api.get("/api/v1/tokens", headers=_bearer(admin)).json()["items"]
    assert {t["username"] for t in everyone} == {"editor", "admin", "viewer"}
    listed = runner.invoke(cli, ["user", "tokens", "--db", web.url, "--json"])
    assert listed.exit_code == 0 and json.loads(listed.output)["items"] == everyone  # the same rows on both faces
    one = api.get("/api/v1/tokens", headers=_bearer(admin), params={"user": "editor"}).json()["items"]
    assert one == mine.json()["items"]

    second_id = next(t["id"] for t in one if t["prefix"] == second[:10])
    admins_id = next(t["id"] for t in everyone if t["username"] == "admin")
    viewers_id = next(t["id"] for t in everyone if t["username"] == "viewer")
    foreign = api.delete(f"/api/v1/tokens/{admins_id}", headers=_bearer(editor))
    assert foreign.status_code == 404 and foreign.json()["error"]["message"] == "没有该令牌"  # not the editor's
    gone = api.delete(f"/api/v1/tokens/{second_id}", headers=_bearer(editor))
    assert gone.json() == {"message": f"已吊销令牌 {second_id}"}
    assert api.get("/api/v1/me", headers=_bearer(second)).status_code == 401  # revoked: dead at once
    assert api.get("/api/v1/me", headers=_bearer(editor)).status_code == 200
    assert api.delete(f"/api/v1/tokens/{viewers_id}", headers=_bearer(admin)).status_code == 200  # an admin: any
    assert api.get("/api/v1/me", headers=_bearer(viewer)).status_code == 401
    states = {t["id"]: t["state_label"] for t in api.get("/api/v1/tokens", headers=_bearer(admin)).json()["items"]}
    assert states[second_id] == "已吊销" and states[viewers_id] == "已吊销"

    editors_id = next(t["id"] for t in one if t["prefix"] == editor[:10])
    revoked = runner.invoke(cli, ["user", "revoke", str(editors_id), "--db", web.url])
    assert revoked.exit_code == 0 and f"已吊销令牌 {editors_id}" in revoked.output
    assert api.get("/api/v1/me", headers=_bearer(editor)).status_code == 401
    missing = runner.invoke(cli, ["user", "revoke", "99999", "--db", web.url])
    assert missing.exit_code == 1 and "没有该令牌" in missing.output
    assert "没有用户「无此人」" in runner.invoke(cli, ["user", "tokens", "无此人", "--db", web.url]).output
    audit = api.get("/api/v1/audit", headers=_bearer(admin), params={"action": "token.revoke"}).json()["items"]
    # the CLI without --user: the login name (replay-n; 「cli」 before)
    assert len(audit) == 3 and {e["user"] for e in audit} == {"editor", "admin", getpass.getuser()}
    assert {(e["object_type"], e["object_label"]) for e in audit} == {("token", "API 令牌")}  # Chinese, replay-j
    page = web.client("admin").get("/admin/audit?action=token.revoke").text
    assert f'<td class="short">API 令牌 {second_id}</td>' in page and ">token " not in page


def test_an_admin_disables_an_account_on_the_api_and_the_cli(any_web: WebEnv) -> None:
    """Disabled, the account's tokens die at once (they are revoked, as the admins' page does it); enabled again,
    it signs in but its old tokens stay dead."""
    web = any_web
    api = web.client()
    admin, editor, reviewer = web.token("admin"), web.token("editor"), web.token("reviewer")
    assert api.get("/api/v1/users", headers=_bearer(reviewer)).status_code == 403
    accounts = api.get("/api/v1/users", headers=_bearer(admin)).json()
    listed = json.loads(runner.invoke(cli, ["user", "list", "--db", web.url, "--json"]).output)
    assert accounts == listed and {a["username"] for a in accounts} >= {"admin", "editor", "viewer"}
    refused = api.patch("/api/v1/users/editor", headers=_bearer(reviewer), json={"active": False})
    assert refused.status_code == 403 and api.get("/api/v1/me", headers=_bearer(editor)).status_code == 200
    done = api.patch("/api/v1/users/editor", headers=_bearer(admin), json={"active": False})
    assert done.status_code == 200 and done.json()["active"] is False
    assert api.get("/api/v1/me", headers=_bearer(editor)).status_code == 401
    assert [t["state"] for t in api.get("/api/v1/tokens", headers=_bearer(admin),
                                        params={"user": "editor"}).json()["items"]] == ["revoked"]
    itself = api.patch("/api/v1/users/admin", headers=_bearer(admin), json={"active": False})
    assert itself.status_code == 422 and "不能取消自己的管理员角色或停用自己的账号" in itself.json()["error"]["message"]
    unknown = api.patch("/api/v1/users/无此人", headers=_bearer(admin), json={"active": False})
    assert unknown.status_code == 404 and "没有用户「无此人」" in unknown.json()["error"]["message"]
    assert api.patch("/api/v1/users/editor", headers=_bearer(admin), json={"active": "也许"}).status_code == 422

    enabled = runner.invoke(cli, ["user", "enable", "editor", "--db", web.url])
    assert enabled.exit_code == 0 and "已启用账号 editor" in enabled.output
    assert web.client("editor").get("/dashboard").status_code == 200  # signs in again
    viewer = web.token("viewer")
    disabled = runner.invoke(cli, ["user", "disable", "viewer", "--db", web.url])
    assert disabled.exit_code == 0 and "已停用账号 viewer" in disabled.output
    assert api.get("/api/v1/me", headers=_bearer(viewer)).status_code == 401
    assert not next(a for a in api.get("/api/v1/users", headers=_bearer(admin)).json()
                    if a["username"] == "viewer")["active"]
    entries = api.get("/api/v1/audit", headers=_bearer(admin), params={"action": "user.update"}).json()["items"]
    login = getpass.getuser()  # the CLI without --user: the login name (replay-n; 「cli」 before)
    assert [e["user"] for e in entries] == [login, login, "admin"]  # newest first
