"""CSRF protection for every form and HTMX request of the pages, and no NUL in their fields.

Each session holds a random token; forms carry it as the hidden field ``csrf_token`` and
HTMX sends it as the ``X-CSRF-Token`` header (set once on ``<body hx-headers=…>``). Any
POST/PUT/PATCH/DELETE to a page route without the matching token is refused (403). The
API does not use cookies (bearer tokens only), so it needs no CSRF token.
"""

from __future__ import annotations

import secrets

from fastapi import Request
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException

from perfbudget.app.validate import MAX_INDICATORS
from perfbudget.web.errors import WebError

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


# The indicator editor posts up to seven fields a row (rowid, l1, l2, l2none, l3, desc, target): Starlette's
# default of 1,000 fields a form refused every declaration, edit and check of a project of more than some 160
# indicators with a bare 400 「请求有误」 until 2026-12-04 (found by attack14). The body's size stays bounded
# by PERFBUDGET_MAX_FORM_MB.
MAX_FORM_FIELDS = 8 * MAX_INDICATORS + 100
_FORM_REFUSALS = (("Too many fields", f"表单的字段超过 {MAX_FORM_FIELDS} 个的上限，无法处理"),
                  ("Too many files", "表单的文件过多，无法处理"),
                  ("exceeded maximum size", "表单中有一个字段超过 1 MB 的上限，无法处理"))


async def read_form(request: Request) -> FormData:
    """The request's form (parsed once, then kept on the request) within :data:`MAX_FORM_FIELDS` fields; a form
    past a bound of the parser is refused with a Chinese message (400)."""
    try:
        return await request.form(max_fields=MAX_FORM_FIELDS)
    except HTTPException as exc:
        if exc.status_code != 400:  # the body's size bound (413) and the like pass as they are
            raise
        detail = str(exc.detail)
        message = next((text for needle, text in _FORM_REFUSALS if needle in detail), "表单格式有误，无法处理")
        raise WebError(400, "bad_request", message) from exc


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
            form = await read_form(request)
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
    form = await read_form(request)
    if any("\x00" in key or (isinstance(value, str) and "\x00" in value) for key, value in form.multi_items()):
        raise WebError(400, "bad_request", NUL_REFUSED)
