"""``perfbudget user add|passwd|list|disable|enable|token|tokens|revoke``: accounts of the web application and their
API tokens, as the admins' pages and the API manage them (``perfbudget.app.accounts``)."""

from __future__ import annotations

import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.cli.common import app, err, fail, out, print_json, usage_fail

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from perfbudget.app.accounts import Acts

user_app = typer.Typer(help="管理网页端账号：新建、改密码、列出、停用与启用，创建、列出和吊销 API 令牌。",
                       no_args_is_help=True)
app.add_typer(user_app, name="user")

DB_HELP = "数据库 URL（默认取环境变量 PERFBUDGET_DB，否则为当前目录的 perfbudget.db）。"
PASSWORD_HELP = ("密码（不给时取环境变量 PERFBUDGET_PASSWORD；再没有时在终端提示输入，"
                 "标准输入不是终端时（管道、重定向）读它的第一行）。")
USER_HELP = ("以哪个网页端账号的身份操作：记为该账号（审计日志），须为管理员"
             "（改自己的密码、建或吊销自己的令牌时可为本人），与网页和 API 相同；默认取环境变量 PERFBUDGET_USER。"
             "不给时记为 --actor 或当前登录用户名"
             "（还没有账号时，如新建第一个管理员）。")
TOKENS_USER_HELP = ("以哪个网页端账号的身份列出，同 API 的 GET /api/v1/tokens：管理员列出全部账号的"
                    "（给出用户名时只列该账号的），其他账号只列出自己的；"
                    "默认取环境变量 PERFBUDGET_USER。不给时列出全部账号的。")
ACTOR_HELP = "审计日志记录的操作人（没有网页端账号时；默认为当前登录用户名）；用 --user 时不能同时给。"
ROLE_HELP = "角色：admin（管理员）、reviewer（审核人员）、unit_editor（单位填报人员）、viewer（查看人员）。"


def _engine(db: str | None) -> Engine:
    """The store's engine, or exit 1 with a message (password hidden) when the database cannot be opened:
    ``user`` commands printed a traceback for a server that was down (found by attack10, 2026-12-03)."""
    from perfbudget.cli.store_common import open_store

    return open_store(db, create=True).engine


def _user_option() -> Any:
    return typer.Option(None, "--user", envvar="PERFBUDGET_USER", help=USER_HELP)


def _actor_option() -> Any:
    return typer.Option(None, "--actor", help=ACTOR_HELP)


def _who(engine: Engine, user: str | None, actor: str | None, own_user_id: int | None = None,
         checked: bool = True) -> Acts:
    """Who changes an account, by the one rule of every command-line write (app.acting): the admin account ``--user``
    names (an account may change its own password and tokens), else ``--actor`` or the login name, as the audit log
    records it (it said 「cli」 of every account command until replay-n); exit 1 saying why not. ``checked`` False:
    the use case refuses in its own words (a token revoked: 「没有该令牌」, as the API says)."""
    from perfbudget.app.accounts import account_refusal
    from perfbudget.app.acting import acting
    from perfbudget.cli.store_common import default_actor

    found = acting(engine, user, actor, default_actor(None))
    if isinstance(found, str):
        fail(found)
    refused = account_refusal(found.principal, own_user_id) if checked else None
    if refused:
        fail(refused)
    return found.principal if found.principal is not None else found.actor.username


def _password(given: str | None, env: str) -> str:
    if given:
        return given
    from_env = os.environ.get(env)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        return _piped_password()
    first = getpass.getpass("密码：")
    if getpass.getpass("再次输入密码：") != first:
        fail("两次输入的密码不一致")
    return first


def _piped_password() -> str:
    """The password from a stdin that is not a terminal (``printf '%s\\n' "$PW" | perfbudget user add …``): its
    first line, read plainly. getpass printed its English 「Warning: Password input may be echoed」 there and
    read the lines as if typed (found by leftovers16). A second line, when given, must repeat the first (the two
    answers a script would pipe to the two prompts)."""
    lines = sys.stdin.read().splitlines()
    if not lines or not lines[0]:
        fail("标准输入不是终端，但没有读到密码：请在第一行给出密码（或用 --password、环境变量 PERFBUDGET_PASSWORD）")
    if len(lines) > 1 and lines[1] and lines[1] != lines[0]:
        fail("两次输入的密码不一致（标准输入的第一行与第二行不同）")
    err.print("标准输入不是终端：密码取自其第一行（不提示、不回显）", markup=False)
    return lines[0]


@user_app.command("add")
def add(
    username: str = typer.Argument(..., metavar="用户名", help="用户名（字母、数字、_ . @ -）。"),
    role: str = typer.Option(..., "--role", help=ROLE_HELP),
    unit: str | None = typer.Option(None, "--unit", help="所属单位编码（单位填报人员必填；查看人员可选）；"
                                                      "须是库中已有单位的编码，否则报错。"),
    new_unit: bool = typer.Option(False, "--new-unit", help="新单位：--unit 的编码在库中还没有单位（该单位尚未"
                                                             "导入过表格），仍按此编码建立账号。"),
    name: str | None = typer.Option(None, "--name", help="显示名称。"),
    password: str | None = typer.Option(None, "--password", help=PASSWORD_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出新账号。"),
    user: str | None = _user_option(),
    actor: str | None = _actor_option(),
) -> None:
    """新建网页端账号。"""
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import parse_role

    chosen = parse_role(role)
    if chosen is None:
        usage_fail(f"未知角色「{role}」。{ROLE_HELP}")
    engine = _engine(db)
    who = _who(engine, user, actor)
    result = create_user(engine, username, _password(password, "PERFBUDGET_PASSWORD"), chosen, unit, name, actor=who,
                         new_unit=new_unit)
    if isinstance(result, str):
        fail(result)
    if as_json:
        print_json(result.to_dict())
    else:
        unit_text = f"，单位 {result.unit_code}" if result.unit_code else ""
        out.print(f"已创建账号 {result.username}（{result.role_label}{unit_text}）", markup=False)


@user_app.command("passwd")
def passwd(
    username: str = typer.Argument(..., metavar="用户名", help="用户名。"),
    password: str | None = typer.Option(None, "--password", help=PASSWORD_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    user: str | None = _user_option(),
    actor: str | None = _actor_option(),
) -> None:
    """修改账号密码（该账号已登录的会话全部失效，API 令牌全部吊销）。"""
    from perfbudget.app.accounts import set_password, user_id_of

    engine = _engine(db)
    who = _who(engine, user, actor, user_id_of(engine, username))
    problem = set_password(engine, username, _password(password, "PERFBUDGET_PASSWORD"), actor=who)
    if problem:
        fail(problem)
    out.print(f"已修改 {username} 的密码", markup=False)


@user_app.command("list")
def list_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出。"),
) -> None:
    """列出全部账号。"""
    from rich.table import Table
    from rich.text import Text

    from perfbudget.app.accounts import list_users
    from perfbudget.app.times import shown

    accounts = list_users(_engine(db))
    if as_json:
        print_json([a.to_dict() for a in accounts])
        return
    if not accounts:
        err.print("还没有账号。用 perfbudget user add 用户名 --role admin 创建第一个管理员。", markup=False)
        return
    table = Table("用户名", "显示名称", "角色", "单位", "状态", "创建时间")
    for a in accounts:
        table.add_row(Text(a.username), Text(a.display_name or ""), a.role_label, Text(a.unit_code or "全部"),
                      "启用" if a.active else "停用", shown(a.created_at))
    out.print(table)


@user_app.command("token")
def token(
    username: str = typer.Argument(..., metavar="用户名", help="用户名。"),
    name: str = typer.Option("cli", "--name", help="令牌名称（便于识别和吊销）。"),
    days: int | None = typer.Option(None, "--days", min=1, max=3660,
                                    help="有效天数（1–3660），过期后失效；不给时长期有效，直到吊销"
                                         "（网页「我的账号」默认 90 天）。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    user: str | None = _user_option(),
    actor: str | None = _actor_option(),
) -> None:
    """为账号创建 API 令牌并打印（只显示这一次）。令牌用 perfbudget user tokens 列出、perfbudget user revoke 吊销
    （网页「我的账号」与管理员的「令牌」页同样可以）。"""
    from perfbudget.app.accounts import TooManyTokens, create_token, no_account, user_id_of

    engine = _engine(db)
    user_id = user_id_of(engine, username)
    if user_id is None:
        fail(no_account(username))
    who = _who(engine, user, actor, user_id)
    try:
        made = create_token(engine, user_id, name, actor=who, days=days)
    except TooManyTokens as refused:
        fail(str(refused))
    out.print(made, markup=False)


@user_app.command("disable")
def disable(
    username: str = typer.Argument(..., metavar="用户名", help="用户名。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    user: str | None = _user_option(),
    actor: str | None = _actor_option(),
) -> None:
    """停用账号：不能再登录，已登录的会话立即失效，API 令牌全部吊销（同网页「账号」页的停用）。"""
    _set_active(username, False, db, user, actor)


@user_app.command("enable")
def enable(
    username: str = typer.Argument(..., metavar="用户名", help="用户名。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    user: str | None = _user_option(),
    actor: str | None = _actor_option(),
) -> None:
    """重新启用停用的账号（停用前的令牌不会恢复，需要时用 perfbudget user token 新建）。"""
    _set_active(username, True, db, user, actor)


def _set_active(username: str, active: bool, db: str | None, user: str | None, actor: str | None) -> None:
    from perfbudget.app.accounts import set_active

    engine = _engine(db)
    problem = set_active(engine, username, active, actor=_who(engine, user, actor))
    if problem:
        fail(problem)
    out.print(f"已{'启用' if active else '停用'}账号 {username}", markup=False)


@user_app.command("tokens")
def tokens(
    username: str | None = typer.Argument(None, metavar="用户名",
                                          help="只列出这个账号的令牌；不给时列出全部账号的。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    user: str | None = typer.Option(None, "--user", envvar="PERFBUDGET_USER", help=TOKENS_USER_HELP),
    as_json: bool = typer.Option(False, "--json", help="以 JSON 输出（同 API 的 GET /api/v1/tokens）。"),
) -> None:
    """列出 API 令牌：编号、账号、名称、前缀、创建/最近使用/到期时间与状态（有效、已吊销、已过期），最新的在前；
    不显示令牌本身。--user 给出账号时按该账号的权限列出，同 API 的 GET /api/v1/tokens?user=：管理员可列出全部或
    任一账号的，其他账号只列出自己的。"""
    from rich.table import Table

    from perfbudget.app.accounts import token_dict, token_scope, tokens_shown
    from perfbudget.app.times import shown

    engine = _engine(db)
    # app.accounts.token_scope: the API's answers (until replay-p the command had no --user: an account could not
    # list as itself, and an admin's listing of another account was the operator's only)
    scope = token_scope(engine, _who(engine, user, None, checked=False), username)
    if scope.message is not None:
        fail(scope.message)
    listed, unlisted = tokens_shown(engine, scope.owner)
    items = [token_dict(t) for t in listed]
    if as_json:
        print_json({"items": items, "unlisted": unlisted})
        return
    if not items:
        err.print("没有 API 令牌。用 perfbudget user token 用户名 创建。", markup=False)
        return
    table = Table("编号", "账号", "名称", "前缀", "创建时间", "最近使用", "到期", "状态")
    for t in items:
        table.add_row(str(t["id"]), t["username"], t["name"], f"{t['prefix']}…", shown(t["created_at"]),
                      shown(t["last_used_at"]) if t["last_used_at"] else "—",
                      shown(t["expires_at"]) if t["expires_at"] else "长期有效", t["state_label"])
    out.print(table)
    if unlisted:
        out.print(f"另有 {unlisted} 个较早的已吊销或已过期令牌未列出。", markup=False)


@user_app.command("revoke")
def revoke(
    token_id: int = typer.Argument(..., metavar="令牌编号", help="令牌的编号（perfbudget user tokens 列出）。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    user: str | None = _user_option(),
    actor: str | None = _actor_option(),
) -> None:
    """吊销一个 API 令牌：立即失效（已吊销的再吊销不报错）。"""
    from perfbudget.app.accounts import revoke_token

    engine = _engine(db)
    # app.accounts.revoke_token lets an account revoke its own tokens and an admin any, and says 「没有该令牌」 of a
    # token there is not or of another's, as DELETE /api/v1/tokens/{id} does (the command said 「只有管理员可以管理
    # 账号」 of both until replay-o)
    problem = revoke_token(engine, token_id, _who(engine, user, actor, checked=False))
    if problem:
        fail(problem)
    out.print(f"已吊销令牌 {token_id}", markup=False)
