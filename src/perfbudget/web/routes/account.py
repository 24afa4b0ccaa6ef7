"""The signed-in user's own account: password and API tokens."""

from __future__ import annotations

from fastapi import Depends, Form, Request
from fastapi.responses import Response

from perfbudget.app.accounts import (
    TooManyTokens,
    authenticate,
    create_token,
    record_event,
    revoke_token,
    set_password,
    tokens_shown,
)
from perfbudget.app.roles import Principal
from perfbudget.plain_numbers import plain_int
from perfbudget.web import throttle
from perfbudget.web.deps import client_ip, engine_of, page_user
from perfbudget.web.routes.common import flash, page_router, redirect, render

router = page_router()


@router.get("/account")
def account_page(request: Request, principal: Principal = Depends(page_user)) -> Response:
    return _account(request, principal)


def _account(request: Request, principal: Principal, new_token: str | None = None) -> Response:
    tokens, unlisted = tokens_shown(engine_of(request), principal.id)
    return render(request, "account.html", {"tokens": tokens, "new_token": new_token, "unlisted": unlisted})


@router.post("/account/password")
def change_password(request: Request, current: str = Form(...), new: str = Form(...), repeat: str = Form(...),
                    principal: Principal = Depends(page_user)) -> Response:
    engine = engine_of(request)
    ip = client_ip(request)
    # The current password is guessed like a sign-in (a borrowed or stolen session): the same
    # throttle, the same record of each failure (it counts towards the account's sign-in lock).
    with engine.connect() as connection:
        wait = throttle.wait_seconds(connection, principal.username, ip, request.app.state.config.login_policy)
    if wait:
        flash(request, f"尝试过多，请 {max(1, -(-wait // 60))} 分钟后再试", "error")
        return redirect("/account")
    if authenticate(engine, principal.username, current) is None:
        record_event(engine, principal, throttle.FAILED, f"修改密码时当前密码不正确：{principal.username}",
                     user_id=principal.id, ip=ip)
        flash(request, "当前密码不正确", "error")
        return redirect("/account")
    if new != repeat:
        flash(request, "两次输入的新密码不一致", "error")
        return redirect("/account")
    problem = set_password(engine, principal.username, new, actor=principal, ip=client_ip(request))
    if problem:
        flash(request, problem, "error")
        return redirect("/account")
    request.session.clear()
    # said on the sign-in page (until webflow23 it came back blank, as if the change had signed her out by mistake)
    flash(request, "密码已修改。请用新密码重新登录（其他设备上的登录和全部 API 令牌已随之失效）", "ok")
    return redirect("/login")


@router.post("/account/tokens")
def new_token(request: Request, name: str = Form(...), days: str = Form("90"),
              principal: Principal = Depends(page_user)) -> Response:
    chosen = plain_int(days, 1, 3660)
    if days.strip() and chosen is None:
        flash(request, "有效期应为 1–3660 天（留空表示长期有效，直到吊销）", "error")
        return redirect("/account")
    try:
        token = create_token(engine_of(request), principal.id, name.strip()[:100] or "API", actor=principal,
                             ip=client_ip(request), days=chosen)
    except TooManyTokens as refused:
        flash(request, str(refused), "error")
        return redirect("/account")
    # The page answering the form shows the token once; it is never put in the session, which is the signed
    # (not encrypted) cookie: a new token travelled in clear in Set-Cookie and every request after it, and
    # stayed in the browser's cookie store until the account page was shown (found by attack10, 2026-12-03).
    return _account(request, principal, new_token=token)


@router.post("/account/tokens/{token_id}/revoke")
def revoke(request: Request, token_id: int, principal: Principal = Depends(page_user)) -> Response:
    problem = revoke_token(engine_of(request), token_id, principal, ip=client_ip(request))
    flash(request, problem or "已吊销", "error" if problem else "ok")
    return redirect("/admin/tokens" if request.query_params.get("back") == "admin" else "/account")
