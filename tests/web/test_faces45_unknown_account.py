"""An account name no account has is said alike by every face (faces45): the API's ``PATCH /users/{name}`` and
``perfbudget user passwd|disable|enable|token`` said 「没有用户「…」」, ``GET /tokens?user=`` and ``user tokens``
「没有找到用户「…」」, and a command's ``--user`` 「没有名为「…」的账号」."""

from __future__ import annotations

from typer.testing import CliRunner

from perfbudget.cli import app as cli
from tests.web.conftest import WebEnv

runner = CliRunner()
SAID = "没有用户「nobody」"


def test_an_unknown_account_is_said_alike_by_the_api_and_every_command(web: WebEnv) -> None:
    api = web.client()
    admin = {"Authorization": f"Bearer {web.token('admin')}"}
    patched = api.patch("/api/v1/users/nobody", headers=admin, json={"active": False})
    listed = api.get("/api/v1/tokens", headers=admin, params={"user": "nobody"})
    assert [patched.status_code, listed.status_code] == [404, 404]
    assert [patched.json()["error"]["message"], listed.json()["error"]["message"]] == [SAID, SAID]
    db = ["--db", web.url]
    for command in (["user", "disable", "nobody"], ["user", "enable", "nobody"], ["user", "token", "nobody"],
                    ["user", "tokens", "nobody"], ["user", "passwd", "nobody", "--password", "Long-enough-9!x"]):
        result = runner.invoke(cli, [*command, *db])
        assert result.exit_code == 1 and result.output.strip() == f"错误：{SAID}", (command, result.output)
    acting = runner.invoke(cli, ["desk", "todo", "--user", "nobody", *db])  # a command acting as an account
    assert acting.exit_code == 1
    assert acting.output.strip() == f"错误：{SAID}（perfbudget user list 列出全部账号）", acting.output
