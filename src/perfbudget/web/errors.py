"""One error shape for the API, one error page for the browser.

API responses (paths under ``/api``) carry ``{"error": {"code", "message", "details"}}``
with ``message`` in Chinese; pages render ``error.html`` with the same message.
Unknown routes, bad request bodies and unexpected exceptions take the same path.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from perfbudget.app.document_slots import TooManyDocuments, document_slot
from perfbudget.app.errors import NotFound
from perfbudget.web.validation_text import invalid_summary, request_problem, what_to_send

log = logging.getLogger("perfbudget.web")
_STATUS_CODES = {
    400: ("bad_request", "请求有误"),
    401: ("unauthorized", "需要登录或有效的 API 令牌"),
    403: ("forbidden", "没有权限执行此操作"),
    404: ("not_found", "没有找到该页面或对象"),
    405: ("method_not_allowed", "不支持该请求方法"),
    409: ("conflict", "与他人的修改冲突"),
    413: ("too_large", "文件过大"),
    422: ("invalid", "提交的内容有误"),
    500: ("internal", "服务器内部错误，请稍后重试或联系管理员"),
}


class WebError(Exception):
    """An error to show the user: HTTP status, stable code, Chinese message, optional details."""

    def __init__(self, status: int, code: str, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details


@contextmanager
def few_documents_at_once() -> Iterator[None]:
    """:func:`perfbudget.app.document_slots.document_slot` for a page or the API: 429 (too_many_documents) while the
    process writes as many publications and opinions as it may at once."""
    try:
        with document_slot():
            yield
    except TooManyDocuments as exc:
        raise WebError(429, "too_many_documents", str(exc)) from exc


def not_found(what: str = "该对象") -> WebError:
    return WebError(404, "not_found", f"没有找到{what}")


def forbidden(message: str = "没有权限执行此操作") -> WebError:
    return WebError(403, "forbidden", message)


class LoginRequired(Exception):
    """A page needs a signed-in user: the browser is sent to the sign-in page."""


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


_UNPARSED_BODY = "There was an error parsing the body"  # FastAPI's 400 for a body it cannot decode

# Starlette's 400s for a multipart body it cannot take (``starlette.formparsers.MultiPartException``), said in
# Chinese; they were a bare 「请求有误」 until attack28 found an upload whose file name was too long (python-multipart
# takes a part's header line up to 4,224 bytes: some 1,400 Chinese characters of a name).
_MULTIPART_REASONS = (
    ("Invalid multipart data", "上传的表单无法解析：格式有误，或某一部分的标头超过 4 KB"
                               "（如文件名过长：约 1,400 个汉字以上），请缩短文件名后重新上传"),
    ("Missing boundary in multipart", "上传的表单无法解析：缺少分隔符（boundary）"),
    ("Too many files", "一次上传的文件过多"),
    ("Too many fields", "表单的字段过多"),
    ("Part exceeded maximum size", "表单的某个字段超过 1 MB"),
    ("Field exceeded maximum size", "表单的某个字段超过 1 MB"),
)


def multipart_reason(detail: object) -> str | None:
    """The Chinese for one of Starlette's multipart refusals, else None."""
    if not isinstance(detail, str):
        return None
    return next((said for start, said in _MULTIPART_REASONS if detail.startswith(start)), None)


_METHODS = ("DELETE", "GET", "HEAD", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> str:
    """Every method some route of this path answers, asked of the router method by method (Starlette's
    own ``Allow`` names only the first route whose path matched: GET where the same path takes PUT too)."""
    routes = request.app.router.routes
    return ", ".join(method for method in _METHODS  # HEAD wherever GET (web/limits.py answers it as GET)
                     if any(route.matches({**request.scope, "method": "GET" if method == "HEAD" else method})[0]
                            == Match.FULL for route in routes))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _sayable(value: Any) -> Any:
    """``value`` with every lone surrogate (which no UTF-8 answer can hold) as U+FFFD, in texts, lists and mappings.
    A JSON body may spell one (``"\\ud800"``); an error naming what was sent (「未知的操作「…」」, a field's value)
    failed to encode and answered 500 instead of its 422 until 2026-12-05 (found by attack21)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, Mapping):
        return {_sayable(k): _sayable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_sayable(v) for v in value]
    return value


_PROJECT_PAGE = re.compile(r"/projects/([1-9][0-9]{0,9})/")


def _project_of(request: Request, status: int) -> str | None:
    """The project page to go back to from a refused page of that project (「只有审核通过的项目才能自评」 on
    ``/projects/2/evaluate``): until webflow23 the error page offered 返回总览 only; not for a project that is not
    found or not to be seen (404, 403)."""
    found = _PROJECT_PAGE.match(request.url.path)
    return f"/projects/{found.group(1)}" if found and status not in (403, 404) else None


def _respond(request: Request, status: int, code: str, message: str, details: Any = None,
             headers: Mapping[str, str] | None = None) -> Response:
    """The error as JSON (API) or as the error page; ``headers`` kept (a 405's ``Allow``)."""
    message, details = _sayable(message), _sayable(details)
    if _is_api(request):
        sent = {**(headers or {}), **({"WWW-Authenticate": "Bearer"} if status == 401 else {})}
        return JSONResponse(error_body(code, message, details), status_code=status, headers=sent or None)
    templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", {"status": status, "code": code, "message": message,
                                                              "details": details, "project": _project_of(request,
                                                                                                         status)},
                                      status_code=status,
                                      headers=dict(headers) if headers else None)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError) -> Response:
        return _respond(request, exc.status, exc.code, exc.message, exc.details)

    @app.exception_handler(NotFound)
    async def _not_found(request: Request, exc: NotFound) -> Response:
        return _respond(request, 404, "not_found", exc.message)

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, exc: LoginRequired) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.headers.get("HX-Request"):
            return Response(status_code=401, headers={"HX-Redirect": "/login"})
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        code, message = _STATUS_CODES.get(exc.status_code, ("error", "请求失败"))
        headers = exc.headers
        if exc.status_code == 413 and isinstance(exc.detail, str):
            message = exc.detail  # the body limit, stated (web/limits.py)
        elif exc.status_code == 400 and exc.detail == _UNPARSED_BODY:
            message = "请求内容无法解析：不是有效的 JSON 或表单，或不是 UTF-8 编码"
            if hint := what_to_send(request.scope.get("route")):  # what to send instead (since replay-y)
                message += f"；{hint}"
        elif exc.status_code == 400 and (said := multipart_reason(exc.detail)):
            message = said
        elif exc.status_code == 405:
            headers = {**(headers or {}), "Allow": allowed_methods(request)}
        return _respond(request, exc.status_code, code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
        details = [request_problem(err, request.scope.get("route")) for err in exc.errors()]
        # the API's message names the fields (a client may print the message alone); a page lists them below
        message = invalid_summary(details) if _is_api(request) else "提交的内容有误，请检查各字段"
        return _respond(request, 422, "invalid", message, details)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _respond(request, 500, "internal", _STATUS_CODES[500][1])
