"""CSRF protection for every form and HTMX request of the pages, and no NUL in their fields.

Each session holds a random token; forms carry it as the hidden field ``csrf_token`` and
HTMX sends it as the ``X-CSRF-Token`` header (set once on ``<body hx-headers=…>``). Any
POST/PUT/PATCH/DELETE to a page route without the matching token is refused (403). The
API does not use cookies (bearer tokens only), so it needs no CSRF token.
"""

from __future__ import annotations

import secrets

from fastapi import Request

from perfbudget.web.errors import WebError

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def csrf_token(request: Request) -> str:
    """The session's token, created on first use."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def csrf_protect(request: Request) -> None:
    """Dependency for page routers: refuse unsafe requests without the session's token."""
    if request.method not in _UNSAFE:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get(HEADER)
    if not sent:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(FIELD)
            sent = value if isinstance(value, str) else None
    if not expected or not sent or not secrets.compare_digest(str(expected), sent):
        raise WebError(403, "csrf", "表单已过期或来源不明（CSRF 校验失败），请刷新页面后重试")


NUL_REFUSED = "表单内容中含有空字符（U+0000），无法处理；请删除后重试"


async def no_nul_in_form(request: Request) -> None:
    """Dependency for page routers: refuse a form with a NUL (U+0000) in any text field (400).

    PostgreSQL stores no NUL in text: a sign-in name or a token name holding one answered 500
    there. (The parsed form is cached on the request: the route reads the same one.)
    """
    if request.method not in _UNSAFE:
        return
    content_type = request.headers.get("content-type", "")
    if not content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return
    form = await request.form()
    if any("\x00" in key or (isinstance(value, str) and "\x00" in value) for key, value in form.multi_items()):
        raise WebError(400, "bad_request", NUL_REFUSED)
