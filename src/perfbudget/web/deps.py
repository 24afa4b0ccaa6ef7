"""Request dependencies: the engine, the signed-in user (session) and the API user (bearer token)."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from fastapi import Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from perfbudget.app.accounts import note_token_used, session_principal, token_principal
from perfbudget.app.roles import Principal
from perfbudget.web import sessions
from perfbudget.web.errors import LoginRequired, WebError


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def data_version(request: Request) -> Hashable:
    """The data version (:mod:`perfbudget.web.freshness`) as this request first saw it."""
    version: Hashable = request.scope.get("perfbudget.data_version")
    if version is None:
        version = request.app.state.data_version.current()
        request.scope["perfbudget.data_version"] = version
    return version


async def data_version_async(request: Request) -> Hashable:
    """:func:`data_version` for a coroutine (on PostgreSQL asked on the event loop, no worker thread)."""
    version: Hashable = request.scope.get("perfbudget.data_version")
    if version is None:
        version = await request.app.state.data_version.current_async()
        request.scope["perfbudget.data_version"] = version
    return version


def known_user(request: Request) -> tuple[bool, Principal | None]:
    """(True, the user) when the request's user is already known (or surely nobody) without a query."""
    cached: Any = request.scope.get("perfbudget.user", False)
    if cached is not False:
        return True, cached
    uid, epoch, sid = request.session.get("uid"), request.session.get("epoch"), request.session.get("sid")
    if not (isinstance(uid, int) and isinstance(epoch, int) and isinstance(sid, str)):
        request.scope["perfbudget.user"] = None
        return True, None
    version = request.scope.get("perfbudget.data_version")
    if version is None:
        if not request.app.state.data_version.cheap:
            return False, None  # the version is a query: :func:`page_user` asks it in a worker thread first
        version = data_version(request)
    users = request.app.state.users
    known, session = users.lookup(version, ("session", sid))
    if not known:
        return False, None
    if session is None or session.user_id != uid:
        _settle(request, None)
        return True, None
    if not session.valid(request.app.state.config.session_idle_minutes * 60):
        return False, None  # expired, idle, or due to be touched: ask the database
    known, principal = users.lookup(version, (uid, epoch))
    if known:
        _settle(request, principal)
    return known, principal


def _settle(request: Request, principal: Principal | None) -> None:
    if principal is None:
        for key in ("uid", "epoch", "sid"):
            request.session.pop(key, None)
    request.scope["perfbudget.user"] = principal


def optional_user(request: Request) -> Principal | None:
    """The signed-in user of this browser session, or None.

    The session must be valid server-side (:mod:`perfbudget.web.sessions`: not ended, not
    idle too long, not expired); the account then comes from the user cache or the database.
    """
    known, principal = known_user(request)
    if known:
        return principal
    uid, epoch, sid = request.session["uid"], request.session["epoch"], request.session["sid"]
    config = request.app.state.config
    # Read before the session and the account (a query on PostgreSQL, in the worker thread this runs
    # in): a change committed after it has a newer version, so nothing older is ever kept under it.
    version = data_version(request)
    session = sessions.live(engine_of(request), sid, config.session_idle_minutes * 60)
    request.app.state.users.keep(version, ("session", sid), session)
    if session is None or session.user_id != uid:
        _settle(request, None)
        return None
    known, principal = request.app.state.users.lookup(version, (uid, epoch))
    if known:
        _settle(request, principal)
        return principal
    with engine_of(request).connect() as connection:
        principal = session_principal(connection, uid, epoch)
    request.app.state.users.keep(version, (uid, epoch), principal)
    _settle(request, principal)
    return principal


async def page_user(request: Request) -> Principal:
    """Dependency of pages: the signed-in user, else a redirect to the sign-in page.

    A cached session and account are found on the event loop; the database is asked in a worker thread.
    Where the data version is a query (PostgreSQL) it is asked first (on the event loop, see
    :meth:`perfbudget.web.freshness.DataVersion.current_async`), so that a session and account seen
    under the same version come from the cache as on SQLite.
    """
    known, principal = known_user(request)
    if not known and "perfbudget.data_version" not in request.scope:
        await data_version_async(request)
        known, principal = known_user(request)
    if not known:
        principal = await run_in_threadpool(optional_user, request)
    if principal is None:
        raise LoginRequired()
    return principal


def api_user(request: Request) -> Principal:
    """Dependency of the API: the user of the ``Authorization: Bearer <token>`` header."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise WebError(401, "unauthorized", "需要 API 令牌（请求头 Authorization: Bearer <令牌>）")
    engine = engine_of(request)
    with engine.connect() as connection:
        principal = token_principal(connection, token.strip())
    if principal is None:
        raise WebError(401, "unauthorized", "API 令牌无效、已过期、已吊销或其账号已停用（请在「我的账号」中新建令牌）")
    if request.method != "GET":
        note_token_used(engine, token.strip())
    return principal
