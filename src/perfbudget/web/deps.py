"""Request dependencies: the engine, the signed-in user (session) and the API user (bearer token)."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from sqlalchemy import Engine, update

from perfbudget.store.engine import write_transaction
from perfbudget.store.schema import utc_now
from perfbudget.web.accounts import session_principal, token_hash, token_principal
from perfbudget.web.errors import LoginRequired, WebError
from perfbudget.web.roles import Principal
from perfbudget.web.tables import api_tokens


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def client_ip(request: Request) -> str | None:
    return request.client.host if request.client else None


def optional_user(request: Request) -> Principal | None:
    """The signed-in user of this browser session, or None."""
    cached: Any = request.scope.get("perfbudget.user", False)
    if cached is not False:
        return cached
    principal = None
    uid, epoch = request.session.get("uid"), request.session.get("epoch")
    if isinstance(uid, int) and isinstance(epoch, int):
        with engine_of(request).connect() as connection:
            principal = session_principal(connection, uid, epoch)
        if principal is None:
            request.session.pop("uid", None)
            request.session.pop("epoch", None)
    request.scope["perfbudget.user"] = principal
    return principal


def page_user(request: Request) -> Principal:
    """Dependency of pages: the signed-in user, else a redirect to the sign-in page."""
    principal = optional_user(request)
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
        raise WebError(401, "unauthorized", "API 令牌无效、已吊销或其账号已停用")
    if request.method != "GET":
        with write_transaction(engine) as connection:
            connection.execute(update(api_tokens).where(api_tokens.c.token_hash == token_hash(token.strip()))
                               .values(last_used_at=utc_now()))
    return principal
