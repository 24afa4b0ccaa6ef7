"""Accounts and API tokens, for every face: create, change password, authenticate, list, tokens.

``perfbudget user`` (the CLI), the admin and account pages and the API's bearer tokens call these functions, and
nothing else touches the accounts' tables (:mod:`perfbudget.store.account_tables`). Until 2026-12-05 they lived in
``perfbudget.web.accounts`` and the CLI imported the web's modules and tables to use them (leftovers17).

Every change is written together with its audit entry. Functions return an error
message (Chinese) instead of raising for bad input (a taken name, a short password).
"""

from __future__ import annotations

import hashlib
import re
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from perfbudget.app import audit_log as audit
from perfbudget.app.passwords import hash_password, needs_rehash, password_problem, verify_password
from perfbudget.app.roles import API_FACE, CLI_FACE, ROLE_LABELS, WEB_FACE, Principal, Role
from perfbudget.app.times import utc_iso
from perfbudget.store.account_tables import api_tokens, users, web_sessions
from perfbudget.store.engine import read_transaction, write_transaction
from perfbudget.store.schema import utc_now

_USERNAME = re.compile(r"^[A-Za-z0-9_.@-]{2,64}$")
TOKEN_PREFIX = "pb_"


@dataclass(frozen=True, slots=True)
class Account:
    """An account as listed (no password hash)."""

    id: int
    username: str
    display_name: str | None
    role: Role
    unit_code: str | None
    active: bool
    created_at: datetime

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[self.role]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "username": self.username, "display_name": self.display_name,
                "role": self.role.value, "unit_code": self.unit_code, "active": self.active,
                "created_at": utc_iso(self.created_at)}


def _account(row: Any) -> Account:
    return Account(row.id, row.username, row.display_name, Role(row.role), row.unit_code, bool(row.active),
                   row.created_at)


def principal_from_row(row: Any, face: str | None = None) -> Principal:
    return Principal(row.id, row.username, row.display_name or row.username, Role(row.role), row.unit_code, face)


def _check_role_unit(role: Role, unit_code: str | None) -> str | None:
    if role is Role.UNIT_EDITOR and not unit_code:
        return "单位填报人员必须指定所属单位编码（--unit）"
    if role in (Role.ADMIN, Role.REVIEWER) and unit_code:
        return f"{ROLE_LABELS[role]}可查看全部单位，不能指定单位"
    return None


# The start of the refusal of a unit code no unit holds (the admins' page offers its 新单位 box again after it).
UNKNOWN_UNIT = "库中没有单位编码为"


def _unit_problem(connection: Connection, unit_code: str | None, new_unit: bool) -> str | None:
    """Why an account may not be bound to ``unit_code``: a unit merged away (``unit_admin.merge_units``) holds
    nothing, and its imports land in the unit it went into; an account bound to it could see none of them
    (found by attack28: ``user add --unit`` took a merged-away code). A code no unit holds is refused too unless
    ``new_unit`` says the unit has imported nothing yet (``user add --new-unit``, the page's 新单位 box): a typo
    (``--unit 999999``) made an account that saw nothing, taken by the CLI without a word and by the page with a
    warning after the fact, until replay-x."""
    from perfbudget.model import Unit
    from perfbudget.store.rows import unit_key
    from perfbudget.store.schema import units
    from perfbudget.store.unit_aliases import merged_into

    if not unit_code:
        return None
    heir = merged_into(connection, unit_key(Unit(unit_code, None)))
    if heir is not None:
        named = f"「{heir.name}」" if heir.name else ""
        code = f"（编码 {heir.code}）" if heir.code else ""
        return f"单位编码 {unit_code} 的单位已并入单位{named}{code}，请改用保留单位的编码"
    if new_unit or connection.execute(select(units.c.id).where(units.c.code == unit_code).limit(1)).first():
        return None
    return (f"{UNKNOWN_UNIT}「{unit_code}」的单位：请核对编码是否与该单位表格表头中的编码一致（perfbudget list units "
            "列出库中的单位）；如该单位还没有导入过表格，请注明是新单位（命令行 --new-unit，网页勾选「新单位」）")


def _text_problem(value: str | None, label: str, limit: int) -> str | None:
    from perfbudget.app.validate import text_problem

    problem = text_problem(value, limit) if value else None
    return f"{label}{problem}" if problem else None


def _shown_as(name: str) -> str:
    """A name as people may take it: width forms, case, spaces and invisible format characters set aside."""
    from perfbudget.names import canonical_name

    return canonical_name(name).casefold()


def account_named_like(engine: Engine, name: str) -> str | None:
    """The account whose user name or display name ``name`` passes for (the same but for case, width, spaces or
    invisible characters), or None: a bare name a command line records (``--actor``, the login name) must not read
    as an account's."""
    wanted = _shown_as(name)
    with engine.connect() as connection:
        for row in connection.execute(select(users.c.username, users.c.display_name)):
            if any(theirs and _shown_as(theirs) == wanted for theirs in (row.username, row.display_name)):
                return str(row.username)
    return None


def display_name_problem(connection: Connection, display_name: str | None, user_id: int | None,
                         username: str | None = None) -> str | None:
    """Why a display name (and a new account's ``username``) would pass for another account (Chinese), or None.

    The pages name a person by the display name, else the account name (history, review desk, audit): a display
    name that is another account's name or display name — 「rev」, 「ＲＥＶ」, 「rev\u200b」 — made one account's
    steps read as another's, and a right-to-left override or zero-width character made a name read otherwise
    than it is (found by attack22). ``user_id``: the account itself, left out of the comparison."""
    if display_name:
        hidden = next((ch for ch in display_name if unicodedata.category(ch) == "Cf"), None)
        if hidden is not None:
            return f"显示名称含有不可见的格式字符（U+{ord(hidden):04X}），会让名称看起来与实际不同"
    wanted = {_shown_as(name): label for name, label in ((display_name, "显示名称"), (username, "用户名")) if name}
    if not wanted:
        return None
    query = select(users.c.id, users.c.username, users.c.display_name)
    if user_id is not None:
        query = query.where(users.c.id != user_id)
    for row in connection.execute(query):
        for theirs in (row.username, row.display_name):
            label = wanted.get(_shown_as(theirs)) if theirs else None
            if label is not None:
                given = display_name if label == "显示名称" else username
                which = "用户名" if theirs == row.username else "显示名称"
                return f"{label}「{given}」与账号 {row.username} 的{which}相同或只差大小写、全角半角，会被误认为该账号"
    return None


# Who changes an account: the web account (a page's, a token's, ``perfbudget user … --user``'s), else the bare name the
# command line records (``--actor`` or the login name, as every other CLI write: app.acting); None: 「cli」.
Acts = Principal | str | None
ADMINS_ONLY = "只有管理员可以管理账号"


def _principal(actor: Acts) -> Principal | None:
    return actor if isinstance(actor, Principal) else None


def _face(actor: Acts) -> str | None:
    """The face an account's change is made through: the principal's, else the command line's (a bare name)."""
    return actor.face if isinstance(actor, Principal) else CLI_FACE


def _bare(actor: Acts) -> str | None:
    """The name an audit entry gives a change made without a web account (until replay-n always 「cli」)."""
    return None if isinstance(actor, Principal) else (actor or "cli")


def account_refusal(principal: Principal | None, own_user_id: int | None = None) -> str | None:
    """Why ``perfbudget user … --user ACCOUNT`` may not change accounts or tokens as this account, in the API's words:
    an admin any, an account its own password and tokens (``own_user_id``), else none; None without an account."""
    if principal is None or principal.role is Role.ADMIN or (own_user_id is not None and own_user_id == principal.id):
        return None
    return f"{ADMINS_ONLY}（账号「{principal.username}」是{principal.role_label}）"


def create_user(engine: Engine, username: str, password: str, role: Role, unit_code: str | None = None,
                display_name: str | None = None, actor: Acts = None,
                ip: str | None = None, *, new_unit: bool = False) -> Account | str:
    """Create an account; returns it, or why it could not be created. ``new_unit``: ``unit_code`` may name a unit
    that has imported nothing yet (:func:`_unit_problem`)."""
    if not _USERNAME.match(username):
        return "用户名只能包含字母、数字和 _ . @ -，长度 2–64"
    problem = (password_problem(password, username) or _check_role_unit(role, unit_code)
               or _text_problem(display_name, "显示名称", 100) or _text_problem(unit_code, "单位编码", 64))
    if problem:
        return problem
    password_hash = hash_password(password)
    with write_transaction(engine) as connection:
        if connection.execute(select(users.c.id).where(users.c.username == username)).first():
            return f"用户名「{username}」已存在"
        imitates = (display_name_problem(connection, display_name, None, username)
                    or _unit_problem(connection, unit_code, new_unit))
        if imitates:
            return imitates
        now = utc_now()
        user_id = connection.execute(insert(users).returning(users.c.id).values(
            username=username, display_name=display_name, password_hash=password_hash, role=role.value,
            unit_code=unit_code, active=True, session_epoch=0, created_at=now, updated_at=now)).scalar_one()
        after = {"username": username, "display_name": display_name, "role": role.value, "unit_code": unit_code}
        audit.record(connection, _principal(actor), "user.create", "user", user_id,
                     f"创建账号 {username}（{ROLE_LABELS[role]}{'，单位 ' + unit_code if unit_code else ''}）",
                     after=after, unit_code=unit_code, ip=ip, username=_bare(actor), face=_face(actor))
        row = connection.execute(select(users).where(users.c.id == user_id)).one()
    return _account(row)


def revoke_all_tokens(connection: Connection, user_id: int, username: str, reason: str, actor: Acts,
                      ip: str | None = None) -> int:
    """Revoke every live API token of an account, in the caller's transaction, with one audit entry naming
    ``reason``; the number revoked. A changed password, a disabled account and a changed role or unit cut every
    way in: sessions and tokens alike (until 2026-12-03 a token outlived a password change; found by attack10,
    decided by attack11)."""
    live = [row.id for row in connection.execute(
        select(api_tokens.c.id).where(api_tokens.c.user_id == user_id, api_tokens.c.revoked_at.is_(None)))]
    if not live:
        return 0
    connection.execute(update(api_tokens).where(api_tokens.c.id.in_(live)).values(revoked_at=utc_now()))
    audit.record(connection, _principal(actor), "token.revoke", "user", user_id,
                 f"{reason}：吊销账号 {username} 的全部 API 令牌（{len(live)} 个）", after={"token_ids": live},
                 ip=ip, username=_bare(actor), face=_face(actor))
    return len(live)


def set_password(engine: Engine, username: str, password: str, actor: Acts = None,
                 ip: str | None = None) -> str | None:
    """Change a password (ends every session of the user and revokes every API token); returns an error
    message or None."""
    problem = password_problem(password, username)
    if problem:
        return problem
    password_hash = hash_password(password)
    with write_transaction(engine) as connection:
        row = connection.execute(select(users).where(users.c.username == username)).first()
        if row is None:
            return no_account(username)
        connection.execute(update(users).where(users.c.id == row.id).values(
            password_hash=password_hash, session_epoch=row.session_epoch + 1, updated_at=utc_now()))
        end_sessions_of_user(connection, row.id)
        audit.record(connection, _principal(actor), "user.password", "user", row.id, f"修改账号 {username} 的密码",
                     ip=ip, username=_bare(actor), face=_face(actor))
        revoke_all_tokens(connection, row.id, username, "修改密码", actor, ip)
    return None


def reset_password(engine: Engine, user_id: int, password: str, actor: Principal,
                   ip: str | None = None) -> str | None:
    """An admin sets the password of the account ``user_id`` (never of an account named by the form)."""
    with engine.connect() as connection:
        username = connection.execute(select(users.c.username).where(users.c.id == user_id)).scalar()
    if username is None:
        return "没有该账号"
    return set_password(engine, username, password, actor=actor, ip=ip)


def update_user(engine: Engine, user_id: int, *, role: Role, unit_code: str | None, active: bool,
                display_name: str | None, actor: Acts, ip: str | None = None, new_unit: bool = False) -> str | None:
    """Change an account's role, unit, name or active flag (admin); returns an error message or None (a changed
    unit checked as :func:`create_user` checks it, ``new_unit`` alike).
    A changed role or unit, or a disabled account, ends its sessions and revokes its API tokens (a
    re-enabled account starts without them); a changed display name alone does neither."""
    problem = (_check_role_unit(role, unit_code) or _text_problem(display_name, "显示名称", 100)
               or _text_problem(unit_code, "单位编码", 64))
    if problem:
        return problem
    with write_transaction(engine) as connection:
        row = connection.execute(select(users).where(users.c.id == user_id)).first()
        if row is None:
            return "没有该账号"
        if isinstance(actor, Principal) and row.id == actor.id and (role is not Role.ADMIN or not active):
            return "不能取消自己的管理员角色或停用自己的账号"
        before = {"role": row.role, "unit_code": row.unit_code, "active": bool(row.active),
                  "display_name": row.display_name}
        after = {"role": role.value, "unit_code": unit_code, "active": active, "display_name": display_name}
        if before == after:
            return None
        imitates = display_name_problem(connection, display_name, row.id) if display_name != row.display_name \
            else None  # an account disabled or given another role keeps the name it has
        if imitates:
            return imitates
        if unit_code != row.unit_code:
            merged = _unit_problem(connection, unit_code, new_unit)
            if merged:
                return merged
        epoch = row.session_epoch + (1 if (before["role"], before["unit_code"], before["active"])
                                     != (after["role"], after["unit_code"], after["active"]) else 0)
        connection.execute(update(users).where(users.c.id == user_id).values(
            role=role.value, unit_code=unit_code, active=active, display_name=display_name,
            session_epoch=epoch, updated_at=utc_now()))
        audit.record(connection, _principal(actor), "user.update", "user", user_id, f"修改账号 {row.username}",
                     before=before, after=after, unit_code=unit_code, ip=ip, username=_bare(actor), face=_face(actor))
        if epoch != row.session_epoch:
            end_sessions_of_user(connection, user_id)
            reason = "停用账号" if before["active"] and not active else "修改账号的角色或单位"
            if not before["active"] and active:
                reason = "启用账号"
            revoke_all_tokens(connection, user_id, row.username, reason, actor, ip)
    return None


def end_sessions_of_user(connection: Connection, user_id: int) -> None:
    """End every browser session of an account (in the caller's transaction)."""
    connection.execute(update(web_sessions).where(web_sessions.c.user_id == user_id,
                                                  web_sessions.c.revoked_at.is_(None))
                       .values(revoked_at=utc_now()))


def list_users(engine: Engine) -> list[Account]:
    """Every account, by user name."""
    with read_transaction(engine) as connection:
        return [_account(row) for row in connection.execute(select(users).order_by(users.c.username))]


def user_id_of(engine: Engine, username: str) -> int | None:
    """The id of the account named ``username`` (None: no such account)."""
    with engine.connect() as connection:
        found: int | None = connection.execute(select(users.c.id).where(users.c.username == username)).scalar()
    return found


def token_owner(engine: Engine, token_id: int) -> int | None:
    """The id of the account that owns the API token ``token_id`` (None: no such token)."""
    with engine.connect() as connection:
        found: int | None = connection.execute(select(api_tokens.c.user_id)
                                               .where(api_tokens.c.id == token_id)).scalar()
    return found


def no_account(username: str) -> str:
    """An account name no account has, said alike by every face and command (``user passwd|disable|enable|token|
    tokens``, ``--user`` of every command, ``PATCH /api/v1/users/{name}``, ``GET /api/v1/tokens?user=``): until
    faces45 three wordings said it, 「没有用户「…」」, 「没有找到用户「…」」 and 「没有名为「…」的账号」."""
    return f"没有用户「{username[:64]}」"


def account_principal(engine: Engine, username: str) -> Principal | str:
    """The principal of the active account ``username``, for a command line acting as that account (``perfbudget
    desk … --user``: the same role, unit and refusals as its pages and tokens), or why not, for the user."""
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        return f"{no_account(username)}（perfbudget user list 列出全部账号）"
    if not row.active:
        return f"账号「{row.username}」已停用"
    return principal_from_row(row, CLI_FACE)


def record_event(engine: Engine, actor: Principal | None, action: str, summary: str, *, user_id: int | None = None,
                 ip: str | None = None, username: str | None = None) -> None:
    """An audit entry of its own for a sign-in, a sign-out or a refused attempt (no page or cache shows it); only the
    pages sign in and out (the API takes tokens, the command line neither), so its face is the web's."""
    with write_transaction(engine, moves=None) as connection:
        audit.record(connection, actor, action, "user", user_id, summary, ip=ip, username=username, face=WEB_FACE)


def authenticate(engine: Engine, username: str, password: str) -> tuple[Principal, int] | None:
    """The principal and its session epoch when the password is right and the account active."""
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        # Spend the same time as a real check so that timing does not tell which names exist.
        verify_password(_dummy_hash(), password)
        return None
    if not verify_password(row.password_hash, password) or not row.active:
        return None
    if needs_rehash(row.password_hash):
        with write_transaction(engine, moves=None) as connection:  # the same account: no cache holds the hash
            connection.execute(update(users).where(users.c.id == row.id)
                               .values(password_hash=hash_password(password)))
    return principal_from_row(row), row.session_epoch


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_hex(16)))
    return _DUMMY[0]


def session_principal(connection: Connection, user_id: int, epoch: int) -> Principal | None:
    """The principal of a session cookie, or None when the account is gone, disabled or re-keyed."""
    row = connection.execute(select(users).where(users.c.id == user_id)).first()
    if row is None or not row.active or row.session_epoch != epoch:
        return None
    return principal_from_row(row, WEB_FACE)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


MAX_LIVE_TOKENS = 50  # tokens in use (neither revoked nor expired) per account
ENDED_TOKENS_SHOWN = 100  # revoked or expired tokens listed (the newest); the rest are counted


class TooManyTokens(Exception):
    """The account has :data:`MAX_LIVE_TOKENS` tokens in use: a new one is refused (the message is Chinese)."""


def _live(now: datetime) -> Any:
    return api_tokens.c.revoked_at.is_(None) & (api_tokens.c.expires_at.is_(None) | (api_tokens.c.expires_at > now))


def create_token(engine: Engine, user_id: int, name: str, actor: Acts = None,
                 ip: str | None = None, days: int | None = None) -> str:
    """A new API token for a user: returned once in clear text, stored as its SHA-256 only.
    ``days``: it stops working after that many days (None: until revoked). :class:`TooManyTokens` when the
    account has :data:`MAX_LIVE_TOKENS` in use: any account (a viewer's too) made them without bound, each
    listed on its account page and the admins' 令牌 page, until 2026-12-05 (found by attack17)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = utc_now()
    with write_transaction(engine, moves=None) as connection:  # tokens are read on each API request, never cached
        # the account's row locked first (PostgreSQL; SQLite's write transaction is one at a time): two creations at
        # once both counted 49 and both inserted, 51 in use (found by attack18)
        connection.execute(select(users.c.id).where(users.c.id == user_id).with_for_update())
        live = connection.execute(select(func.count()).select_from(api_tokens)
                                  .where(api_tokens.c.user_id == user_id, _live(now))).scalar_one()
        if live >= MAX_LIVE_TOKENS:
            raise TooManyTokens(f"该账号已有 {live} 个有效的 API 令牌（上限 {MAX_LIVE_TOKENS} 个）：请先吊销不用的令牌")
        token_id = connection.execute(insert(api_tokens).returning(api_tokens.c.id).values(
            user_id=user_id, name=name[:100], token_hash=token_hash(token), prefix=token[:10], created_at=now,
            expires_at=now + timedelta(days=days) if days else None)).scalar_one()
        audit.record(connection, _principal(actor), "token.create", "token", token_id, f"创建 API 令牌「{name}」",
                     after={"user_id": user_id, "name": name, "prefix": token[:10]}, ip=ip,
                     username=_bare(actor), face=_face(actor))
    return token


def revoke_token(engine: Engine, token_id: int, actor: Acts, ip: str | None = None) -> str | None:
    """Revoke a token of the actor's own (an admin's: of any account; ``actor`` None: the command line, which may
    open the database, any token); an error message, or None (also when it was revoked already)."""
    with write_transaction(engine, moves=None) as connection:  # tokens are read on each API request
        row = connection.execute(select(api_tokens).where(api_tokens.c.id == token_id)).first()
        if row is None or (isinstance(actor, Principal) and row.user_id != actor.id and actor.role is not Role.ADMIN):
            return "没有该令牌"
        if row.revoked_at is None:
            connection.execute(update(api_tokens).where(api_tokens.c.id == token_id).values(revoked_at=utc_now()))
            audit.record(connection, _principal(actor), "token.revoke", "token", token_id,
                         f"吊销 API 令牌「{row.name}」", ip=ip, username=_bare(actor), face=_face(actor))
    return None


def token_state(item: dict[str, Any]) -> str:
    """「有效」, 「已吊销」 or 「已过期」, as the account page says of a listed token."""
    return "已吊销" if item["revoked_at"] else "已过期" if item["expired"] else "有效"


def token_dict(item: dict[str, Any]) -> dict[str, Any]:
    """A listed token as the CLI's ``user tokens --json`` and the API's ``GET /api/v1/tokens`` give it: never its
    hash, only the prefix the pages show."""
    def iso(moment: datetime | None) -> str | None:
        return utc_iso(moment) if moment is not None else None

    return {"id": item["id"], "username": item["username"], "name": item["name"], "prefix": item["prefix"],
            "created_at": iso(item["created_at"]), "last_used_at": iso(item["last_used_at"]),
            "expires_at": iso(item["expires_at"]), "revoked_at": iso(item["revoked_at"]),
            "state": "revoked" if item["revoked_at"] else "expired" if item["expired"] else "active",
            "state_label": token_state(item)}


def set_active(engine: Engine, username: str, active: bool, actor: Acts = None,
               ip: str | None = None) -> str | None:
    """Disable (or enable again) the account ``username``, as the admins' page does (:func:`update_user`: a disabled
    account's sessions end and its API tokens are revoked at once); ``actor`` None: the command line. An error
    message, or None."""
    with engine.connect() as connection:
        row = connection.execute(select(users).where(users.c.username == username)).first()
    if row is None:
        return no_account(username)
    return update_user(engine, row.id, role=Role(row.role), unit_code=row.unit_code, active=active,
                       display_name=row.display_name, actor=actor, ip=ip)


def list_tokens(engine: Engine, user_id: int | None) -> list[dict[str, Any]]:
    """The tokens of an account (``None``: of every account, with the owner's name; for admins), newest first:
    those in use, then the newest :data:`ENDED_TOKENS_SHOWN` revoked or expired ones (:func:`tokens_shown`
    counts the rest: made and revoked again and again, they grew the admins' page without bound)."""
    with read_transaction(engine) as connection:
        return _tokens(connection, user_id)


def _tokens(connection: Connection, user_id: int | None) -> list[dict[str, Any]]:
    now = utc_now()
    query = (select(api_tokens, users.c.username).join(users, users.c.id == api_tokens.c.user_id)
             .order_by(api_tokens.c.id.desc()))
    if user_id is not None:
        query = query.where(api_tokens.c.user_id == user_id)
    rows = [*connection.execute(query.where(_live(now))),
            *connection.execute(query.where(~_live(now)).limit(ENDED_TOKENS_SHOWN))]
    found = []
    for row in sorted(rows, key=lambda r: -r.id):
        item = dict(row._mapping)
        expires = item.get("expires_at")
        item["expired"] = expires is not None and _aware(expires) <= now
        found.append(item)
    return found


def tokens_shown(engine: Engine, user_id: int | None) -> tuple[list[dict[str, Any]], int]:
    """:func:`list_tokens` and how many revoked or expired tokens it leaves out (the pages say so)."""
    with read_transaction(engine) as connection:
        tokens = _tokens(connection, user_id)
        query = select(func.count()).select_from(api_tokens).where(~_live(utc_now()))
        if user_id is not None:
            query = query.where(api_tokens.c.user_id == user_id)
        ended = int(connection.execute(query).scalar_one())
    return tokens, max(0, ended - sum(1 for t in tokens if t["revoked_at"] or t["expired"]))


OTHERS_TOKENS = "只有管理员可以查看其他账号的令牌"


@dataclass(frozen=True, slots=True)
class TokenScope:
    """Whose tokens a listing shows: ``owner`` (None: every account's); or why not — ``refusal`` (the API's 403) or
    ``missing`` (no account of that name, the API's 404), both with their Chinese ``message``."""

    owner: int | None = None
    message: str | None = None
    missing: bool = False


def token_scope(engine: Engine, actor: Acts, username: str | None) -> TokenScope:
    """Whose tokens ``actor`` lists when it names ``username`` (None: none named), for ``GET /api/v1/tokens?user=``
    and ``perfbudget user tokens [用户名] --user``: an admin (or the command line without an account, which may open
    the database) every account's or the named one's, any other account its own only. ``perfbudget user tokens`` had
    no ``--user`` until replay-p, and said 「没有用户「…」」 where the API said 「没有找到用户「…」」."""
    principal = _principal(actor)
    if principal is not None and principal.role is not Role.ADMIN:
        if username is not None and username != principal.username:
            return TokenScope(message=OTHERS_TOKENS)
        return TokenScope(principal.id)
    if username is None:
        return TokenScope(None)
    owner = user_id_of(engine, username)
    if owner is None:
        return TokenScope(message=no_account(username), missing=True)
    return TokenScope(owner)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def token_principal(connection: Connection, token: str) -> Principal | None:
    """The principal of a bearer token, or None when unknown, revoked, expired, or its account disabled."""
    query = (select(users, api_tokens.c.id.label("token_id"), api_tokens.c.expires_at.label("token_expires_at"))
             .join(api_tokens, api_tokens.c.user_id == users.c.id)
             .where(api_tokens.c.token_hash == token_hash(token), api_tokens.c.revoked_at.is_(None)))
    row = connection.execute(query).first()
    if row is None or not row.active:
        return None
    if row.token_expires_at is not None and _aware(row.token_expires_at) <= utc_now():
        return None
    return principal_from_row(row, API_FACE)


def note_token_used(engine: Engine, token: str) -> None:
    """Mark when a token was last used (a request that changes something)."""
    with write_transaction(engine, moves=None) as connection:  # tokens are asked each request, no cache
        connection.execute(update(api_tokens).where(api_tokens.c.token_hash == token_hash(token))
                           .values(last_used_at=utc_now()))
