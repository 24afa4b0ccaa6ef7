"""The request guard: bounded bodies, authentication before any body is read, bounded ids, caching
and transport headers. One pure ASGI middleware (inside the session middleware, so it sees the
decoded session), applied to every request:

* **Numbers in the URL.** A path segment or query value made of digits only (with an optional
  sign) must fit the database's integer (at most 2,147,483,647 either way); otherwise 404 — an
  over-long id never reaches a query. A pending upload's id (``/upload/{id}``, ``/api/v1/uploads/{id}``),
  drawn at random, may reach 2**53 - 1. Text that may be all digits is left alone: the search and
  filter parameters (``q``, ``unit``, ``fund``) and the unit code in the publication paths.
* **No NUL.** A path or query value holding U+0000 (``%00``) is refused (400) before any route:
  PostgreSQL stores no NUL in text and SQLite's full-text ``MATCH`` stops at one, so each search or
  filter holding it answered 500. Form fields are checked by :func:`perfbudget.web.csrf.no_nul_in_form`.
* **Trailing slashes.** ``/dashboard/`` is redirected (307) to ``/dashboard`` with a *relative*
  ``Location`` (one leading slash, a backslash percent-encoded). Starlette's own redirect built an
  absolute URL from the ``Host`` header: a request with ``Host: evil.example`` was sent there.
* **HEAD** is answered as GET without the body (RFC 9110: a server must support both; the routes
  declare GET only, and answered 405).
* **Authentication first.** A POST/PUT/PATCH/DELETE (other than sign-in) must carry a valid
  session (pages) or API token (``/api``) before a byte of its body is read: otherwise 401
  (API) or a redirect to the sign-in page, and the body is never received.
* **Body size per route.** File uploads: the file limit (``Limits.max_file_bytes``) plus 1 MiB
  of form overhead; API documents: ``WebConfig.max_api_body_bytes`` (default 10 MiB); every
  other form: ``WebConfig.max_form_body_bytes`` (default 2 MiB). A ``Content-Length`` over the
  limit is refused at once (413, the limit stated: on an upload's route the file limit, as the readers
  state it, :func:`too_large_message`); a body sent without one is counted as it arrives and refused
  when it passes the limit.
* **Headers.** ``Cache-Control: no-store`` on every response but static files (pages and API
  answers hold data); ``Strict-Transport-Security`` when the request came over HTTPS.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qsl, quote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from perfbudget import text_caches

MAX_ID = 2**31 - 1
_DIGITS = re.compile(r"^[+-]?\d+$")
_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# the API's file upload too: it was held to the 2 MB of a form until 2026-12-03 (found by attack11); the
# monitoring sheet's upload, page and API, until 2026-12-04 (found by attack16)
_UPLOADS = (re.compile(r"^/upload$"), re.compile(r"^/projects/[^/]+/evaluate/upload$"),
            re.compile(r"^/api/v1/uploads$"), re.compile(r"^/projects/[^/]+/monitoring/upload$"),
            re.compile(r"^/api/v1/projects/[^/]+/monitoring$"),
            re.compile(r"^/api/v1/projects/[^/]+/evaluation/sheet$"))  # the 自评 sheet's API upload (replay-q)
_API_DOCUMENTS = (re.compile(r"^/api/v1/documents$"), re.compile(r"^/api/v1/projects/[^/]+$"),
                  re.compile(r"^/api/v1/projects/[^/]+/evaluation$"))
_OPEN = {"/login", "/logout"}
HSTS = b"max-age=31536000; includeSubDomains"


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a body passes its limit (an HTTPException, so that FastAPI's
    body parsing passes it on as 413 instead of a 400 parse error)."""

    def __init__(self, limit: int, message: str | None = None) -> None:
        super().__init__(413, message or f"请求内容过大：上限为 {_describe(limit)}")


def _too_big_number(text: str) -> bool:
    if not _DIGITS.match(text):
        return False
    digits = text.lstrip("+-")
    return len(digits) > 10 or int(digits) > MAX_ID


# Query parameters that hold text, never an id: a search (q), a unit code, a fund label, a return path.
# A long number there is what the user typed (a project code, an 18-digit unit code), not an id.
_TEXT_PARAMS = frozenset({"q", "unit", "fund", "back", "next"})


def _is_code_segment(parts: list[str], index: int) -> bool:
    """The unit code (text that may be all digits, an 18-digit code too) in ``/units/{code}`` (the unit page),
    ``/units/{code}/opinion…``, ``/units/{code}/publication/…`` and ``/public/units/{code}/{year}``; those of the
    page and the opinion may hold a unit's id instead (bounded where it is looked up); every segment after
    ``by-name`` or ``by-code`` (a name or a code holding 「/」 spans several, faces-w, replay-aa)."""
    return index > 0 and (parts[index - 1] == "units"
                          or (index > 1 and ("by-name" in parts[1:index] or "by-code" in parts[1:index])))


# A pending upload's id (``/upload/{id}``, ``/api/v1/uploads/{id}``) is drawn at random below 2**53
# (web/uploads.py): it may pass the integer of the other ids.
MAX_UPLOAD_ID = 2**53 - 1


def _is_upload_id(parts: list[str], index: int) -> bool:
    text = parts[index]
    return (index > 0 and parts[index - 1] in ("upload", "uploads") and text.isascii() and text.isdigit()
            and len(text) <= 16 and int(text) <= MAX_UPLOAD_ID)


def _bad_numbers(scope: Scope) -> bool:
    parts = scope.get("path", "").split("/")
    if any(_too_big_number(part) and not _is_code_segment(parts, i) and not _is_upload_id(parts, i)
           for i, part in enumerate(parts)):
        return True
    query = scope.get("query_string", b"").decode("latin-1")
    return any(_too_big_number(value.strip()) for name, value in parse_qsl(query, keep_blank_values=True)
               if name not in _TEXT_PARAMS)


NUL_REFUSED = "请求地址中含有空字符（U+0000），无法处理；请删除后重试"


def _has_nul(scope: Scope) -> bool:
    if "\x00" in scope.get("path", ""):
        return True
    query = scope.get("query_string", b"")
    if b"%00" not in query and b"\x00" not in query:
        return False
    return any("\x00" in name or "\x00" in value
               for name, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True))


def slash_redirect(scope: Scope) -> bytes | None:
    """The relative address without the trailing slash(es), for a path such as ``/dashboard/``; None
    for ``/`` and paths without one. Leading slashes are collapsed into one and the path re-encoded
    (``\\`` → ``%5C``), so that ``//evil.example/`` or ``/\\evil.example/`` never leave the site."""
    path = scope.get("path", "")
    if len(path) < 2 or not path.endswith("/") or path.startswith("/static/"):
        return None
    target = "/" + quote(path.strip("/"), safe="/:@!$&'()*+,;=-._~")
    target = re.sub(r"/{2,}", "/", target)
    query = scope.get("query_string", b"")
    return target.encode("ascii") + (b"?" + query if query else b"")


def body_limit(scope: Scope) -> int:
    """The most bytes a request to this route may send."""
    config = scope["app"].state.config
    path = scope.get("path", "")
    if any(p.match(path) for p in _UPLOADS):
        return int(config.limits.max_file_bytes) + 1024 * 1024
    if any(p.match(path) for p in _API_DOCUMENTS):
        return int(config.max_api_body_bytes)
    return int(config.max_form_body_bytes)


def too_large_message(scope: Scope, limit: int) -> str:
    """What a 413 says: on a file upload's route the file limit, as the readers and ``perfbudget import`` state it
    (「文件过大：…上限为 50 MB」; until replay-s 「请求内容过大：上限为 51 MB」, the file limit plus the form's 1 MiB,
    a number found nowhere in the docs); elsewhere the body's limit."""
    if any(p.match(scope.get("path", "")) for p in _UPLOADS):
        from perfbudget.config import megabytes_over

        files = int(scope["app"].state.config.limits.max_file_bytes)
        return (f"文件过大：上传的文件上限为 {megabytes_over(files + 1, files)[1]} MB"
                "（服务器可用环境变量 PERFBUDGET_MAX_FILE_MB 调整）")
    return f"请求内容过大：上限为 {_describe(limit)}"


def _describe(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / 1048576:.0f} MB"
    return f"{max(1, limit // 1024)} KB"


async def _respond(scope: Scope, send: Send, status: int, code: str, message: str,
                   headers: list[tuple[bytes, bytes]] | None = None) -> None:
    api = scope.get("path", "").startswith("/api/")
    if api:
        body = json.dumps({"error": {"code": code, "message": message, "details": None}},
                          ensure_ascii=False).encode("utf-8")
        kind = b"application/json"
    else:
        body = ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>错误</title></head>"
                f"<body><h1>{status}</h1><p>{message}</p><p><a href=\"/\">返回首页</a></p></body></html>"
                ).encode()
        kind = b"text/html; charset=utf-8"
    extra = list(headers or [])
    if status == 401 and api:
        extra.append((b"www-authenticate", b"Bearer"))
    # as every other answer (send_with_headers): an error is no more to be kept than a page; until 2026-12-05 the
    # guard's own answers (a NUL 400, an over-long id 404, 413, 401, 307) carried no Cache-Control (attack19/20)
    extra.append((b"cache-control", b"no-store"))
    if scope.get("scheme") == "https":
        extra.append((b"strict-transport-security", HSTS))
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *extra]})
    await send({"type": "http.response.body", "body": body})


def _authenticated(scope: Scope) -> bool:
    """Whether the request carries a valid session or API token (database read: call in a thread)."""
    from perfbudget.app.accounts import token_principal
    from perfbudget.web import sessions

    app: Any = scope["app"]
    engine = app.state.engine
    if scope.get("path", "").startswith("/api/"):
        header = dict(scope.get("headers", [])).get(b"authorization", b"").decode("latin-1")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return False
        with engine.connect() as connection:
            return token_principal(connection, token.strip()) is not None
    session = scope.get("session") or {}
    sid, uid = session.get("sid"), session.get("uid")
    if not isinstance(sid, str) or not isinstance(uid, int):
        return False
    return sessions.user_of(engine, sid, app.state.config.session_idle_minutes * 60) == uid


def _without_body(send: Send) -> Send:
    """``send`` for a HEAD request answered as GET: the headers (Content-Length included) as they are,
    the body dropped."""

    async def head_send(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return head_send


class RequestGuard:
    """See the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        if _has_nul(scope):
            await _respond(scope, send, 400, "bad_request", NUL_REFUSED)
            return
        if _bad_numbers(scope):
            await _respond(scope, send, 404, "not_found", "没有找到该页面或对象（编号无效）")
            return
        moved = slash_redirect(scope)
        if moved is not None:
            await _respond(scope, send, 307, "redirect", "请求的地址多了末尾的斜杠", [(b"location", moved)])
            return
        if scope.get("method") == "HEAD":
            scope, send = {**scope, "method": "GET"}, _without_body(send)
        method = scope.get("method", "GET")
        if method in _UNSAFE and path not in _OPEN and not await run_in_threadpool(_authenticated, scope):
            if path.startswith("/api/"):
                await _respond(scope, send, 401, "unauthorized",
                               "需要有效的 API 令牌（请求头 Authorization: Bearer <令牌>）")
            else:
                await _respond(scope, send, 303, "login_required", "请先登录", [(b"location", b"/login")])
            return
        limit = body_limit(scope)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0:
                await _respond(scope, send, 400, "bad_request", "请求头 Content-Length 无效")
                return
            if size > limit:
                await _respond(scope, send, 413, "too_large", too_large_message(scope, limit))
                return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge(limit, too_large_message(scope, limit))
            return message

        https = scope.get("scheme") == "https"
        static = path.startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if not static and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                if https:
                    headers.append((b"strict-transport-security", HSTS))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, counted_receive, send_with_headers)
        except BodyTooLarge as exc:
            if not started:
                await _respond(scope, send, 413, "too_large", str(exc.detail))
        finally:
            # a request's end: what its body brought (its files count as read too); emptied in a worker thread
            if text_caches.count(received):
                await run_in_threadpool(text_caches.empty)
