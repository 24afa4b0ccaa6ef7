"""The API's accounts and tokens: ``GET /api/v1/tokens`` and ``DELETE /api/v1/tokens/{id}`` (a token's owner, an admin
any), ``GET /api/v1/users`` and ``PATCH /api/v1/users/{username}`` (admins: disable or enable an account) — what the
account page, the admins' pages and ``perfbudget user tokens|revoke|list|disable|enable`` do, through
:mod:`perfbudget.app.accounts`. Until replay-j the API could make no token and manage none: issue 12's tokens
「listed and revocable by their owner and admins」 and an admin disabling an account were on the pages only."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field

from perfbudget.app.accounts import list_users, revoke_token, set_active, token_dict, token_scope, tokens_shown
from perfbudget.app.roles import Action, Principal
from perfbudget.web.api import models as m
from perfbudget.web.api.openapi import BEARER, TAG_ACCOUNT, TypedRoute
from perfbudget.web.deps import api_user, client_ip, engine_of
from perfbudget.web.errors import WebError, forbidden

router = APIRouter(prefix="/api/v1", route_class=TypedRoute, dependencies=[Depends(BEARER)])
ERRORS = m.error_responses(401, 403, 404, 422)


class TokenOut(m.Model):
    id: int
    username: str
    name: str
    prefix: str = Field(..., description="令牌的前几个字符（令牌本身只在创建时显示一次）")
    created_at: str
    last_used_at: str | None
    expires_at: str | None
    revoked_at: str | None
    state: str = Field(..., description="active（有效）、revoked（已吊销）或 expired（已过期）")
    state_label: str


class TokenList(m.Model):
    items: list[TokenOut]
    unlisted: int = Field(..., description="未列出的较早的已吊销或已过期令牌数")


class AccountOut(m.Model):
    id: int
    username: str
    display_name: str | None
    role: str
    unit_code: str | None
    active: bool
    created_at: str


class AccountChange(m.Body):
    active: bool = Field(..., description="false：停用账号（会话立即失效、API 令牌全部吊销）；true：重新启用")


class Message(m.Model):
    message: str


@router.get("/tokens", responses=ERRORS, response_model=TokenList, tags=[TAG_ACCOUNT],
            summary="列出 API 令牌：自己的；管理员为全部账号的（user= 只看一个账号），同 perfbudget user tokens")
def list_tokens(request: Request, user: str | None = Query(None, description="账号的用户名（管理员）"),
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    engine = engine_of(request)
    scope = token_scope(engine, principal, user)  # perfbudget user tokens --user's answers alike
    if scope.message is not None:
        raise WebError(404, "not_found", scope.message) if scope.missing else forbidden(scope.message)
    tokens, unlisted = tokens_shown(engine, scope.owner)
    return {"items": [token_dict(t) for t in tokens], "unlisted": unlisted}


@router.delete("/tokens/{token_id}", responses=ERRORS, response_model=Message, tags=[TAG_ACCOUNT],
               summary="吊销一个 API 令牌（自己的；管理员可吊销任何账号的），同 perfbudget user revoke")
def delete_token(request: Request, token_id: int, principal: Principal = Depends(api_user)) -> dict[str, str]:
    problem = revoke_token(engine_of(request), token_id, principal, ip=client_ip(request))
    if problem:
        raise WebError(404, "not_found", problem)
    return {"message": f"已吊销令牌 {token_id}"}


@router.get("/users", responses=ERRORS, response_model=list[AccountOut], tags=[TAG_ACCOUNT],
            summary="列出全部账号（管理员），同 perfbudget user list")
def users(request: Request, principal: Principal = Depends(api_user)) -> list[dict[str, Any]]:
    if not principal.may(Action.ADMIN):
        raise forbidden("只有管理员可以管理账号")
    return [account.to_dict() for account in list_users(engine_of(request))]


@router.patch("/users/{username}", responses=ERRORS, response_model=AccountOut, tags=[TAG_ACCOUNT],
              summary="停用或启用账号（管理员），同 perfbudget user disable|enable")
def change_user(request: Request, username: str, body: AccountChange,
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    if not principal.may(Action.ADMIN):
        raise forbidden("只有管理员可以管理账号")
    engine = engine_of(request)
    problem = set_active(engine, username, body.active, actor=principal, ip=client_ip(request))
    if problem:
        raise WebError(404 if problem.startswith("没有用户") else 422,
                       "not_found" if problem.startswith("没有用户") else "invalid", problem)
    return next(a.to_dict() for a in list_users(engine) if a.username == username)
