"""A short path for the hottest page, ``GET /projects/{id}``, past FastAPI's router.

At province scale the project page is most of the traffic, and for a signed-in user whose session
and account are known (the user cache) FastAPI's own work per request — matching the path against
every included router, solving the dependencies (CSRF check and NUL check, both nothing for a GET;
the signed-in user), the exception middleware and the dependencies' exit stack — costs a sizeable
share of the page's CPU (bench/README.md, web-page8). :class:`ProjectPagePath` sits right inside
:class:`perfbudget.web.limits.RequestGuard` (the session is decoded, the NUL, number and
trailing-slash checks are done, HEAD is already a GET) and serves that page itself with the same
functions the route calls (:func:`perfbudget.web.routes.projects.project_page_response`).

It serves only the plain case: a GET of ``/projects/<digits>`` with no query or ``version=<digits>``
only, by a user the caches know; and it sends only a page the route would send the same way (status
200, HTML). Anything else — another path or query, an unknown or expired session, no user, an
exception, another status — goes to the application as before, which then answers exactly as it
always did (a GET reads only: running its reads again is harmless).

Where the store has no replica it is the **front door**: the outermost of the application's own
middlewares (``front``, a :class:`FrontDoor`), so such a page passes none of them. It then reads the
session cookie itself, as Starlette's ``SessionMiddleware`` does (the same signer, the same key; a cookie
missing or not verified goes to the application), sends a page only for a request the request guard
lets through untouched (no ``Content-Length`` or ``Transfer-Encoding``: a GET with a body goes to the
application, which checks its size), and adds to it the headers the three middlewares it passes would
add, in their order: ``Cache-Control: no-store`` (and HSTS over HTTPS) as :class:`perfbudget.web.limits.
RequestGuard`, the session's ``Vary``/``Set-Cookie`` as ``SessionMiddleware`` (a page that made the
session's CSRF token), the security headers as :class:`perfbudget.web.app.SecurityHeaders`. With a
replica it stays innermost (inside the read routing, which keeps the session's WAL position).
"""

from __future__ import annotations

import json
import re
from base64 import b64decode, b64encode
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from itsdangerous.encoding import base64_decode, bytes_to_int, want_bytes
from itsdangerous.exc import BadSignature
from starlette.datastructures import MutableHeaders
from starlette.middleware.sessions import Session, SessionMiddleware
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Receive, Scope, Send

from perfbudget.app.roles import Principal
from perfbudget.web.deps import data_version_async, known_user
from perfbudget.web.limits import HSTS

VERIFIED_LIMIT = 4096  # verified session cookies kept per process (all dropped when full)
_PATH = re.compile(r"/projects/([1-9][0-9]{0,8})")
_QUERY = re.compile(rb"version=([1-9][0-9]{0,8})")


class FrontDoor:
    """What the page path needs to stand outside the session middleware, the request guard and the security
    headers: the session cookie read and written as ``SessionMiddleware`` with ``options`` (its own signer and
    settings) does, and the security headers to add."""

    def __init__(self, options: dict[str, Any], security_headers: list[tuple[bytes, bytes]]) -> None:
        self.sessions = SessionMiddleware(_no_app, **options)
        self.cookie = self.sessions.session_cookie
        self.security_headers = security_headers
        # ``Cookie`` headers whose session cookie's signature was verified here: header → (the cookie's signing
        # time, its payload's JSON). Only that exact header finds its entry; its age is checked every time.
        self.verified: dict[bytes, tuple[int, bytes]] = {}

    def session(self, cookie_header: bytes) -> Session | None:
        """The signed-in session of the ``Cookie`` header, as ``SessionMiddleware`` reads it; None when the
        header holds no session cookie or one whose signature or age fails (the application then answers).

        The header is parsed and the signature (an HMAC and the signer's key derivation) verified once per
        header text (some 0.1 M instructions, about 4 % of an uncached page); a header verified before is
        taken from :attr:`verified` with the cookie's age checked as ``TimestampSigner.unsign`` checks it
        (not older than ``max_age``, not from the future)."""
        signer, max_age = self.sessions.signer, self.sessions.max_age
        known = self.verified.get(cookie_header)
        if known is None:
            value = cookie_parser(cookie_header.decode("latin-1")).get(self.cookie)
            if value is None:
                return None
            signed = value.encode("utf-8")
            try:
                data = b64decode(signer.unsign(signed, max_age=max_age))
            except BadSignature:
                return None
            signed_at = bytes_to_int(base64_decode(signed.rsplit(want_bytes(signer.sep), 2)[1]))
            if len(self.verified) >= VERIFIED_LIMIT:
                self.verified.clear()
            self.verified[cookie_header] = (signed_at, data)
        else:
            signed_at, data = known
            if max_age is not None and not 0 <= signer.get_timestamp() - signed_at <= max_age:
                del self.verified[cookie_header]
                return None  # expired (or from the future): as unsign's SignatureExpired
        return Session(json.loads(data))

    def headers(self, scope: Scope, session: Session, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        """``headers`` (a 200 page's) with what the request guard, the session middleware (for a session read
        from a cookie) and the security headers add, in that order."""
        headers = [*headers, (b"cache-control", b"no-store")]
        if scope.get("scheme") == "https":
            headers.append((b"strict-transport-security", HSTS))
        if session.accessed:  # the page changed the session (its first CSRF token)
            headers = _session_headers(self.sessions, session, headers)
        return [*headers, *self.security_headers]


def _session_headers(sessions: SessionMiddleware, session: Session,
                     headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` with what ``SessionMiddleware`` adds for a changed ``session`` read from a verified cookie
    (its ``send_wrapper``, the same statements)."""
    mutable = MutableHeaders(raw=headers)
    mutable.add_vary_header("Cookie")
    if session.modified and session:
        data = sessions.signer.sign(b64encode(json.dumps(session).encode("utf-8")))
        mutable.append("Set-Cookie", "{session_cookie}={data}; path={path}; {max_age}{security_flags}".format(
            session_cookie=sessions.session_cookie, data=data.decode("utf-8"), path=sessions.path,
            max_age=f"Max-Age={sessions.max_age}; " if sessions.max_age is not None else "",
            security_flags=sessions.security_flags))
    elif session.modified:  # cleared (the cookie it came in was not empty)
        mutable.append("Set-Cookie", "{session_cookie}={data}; path={path}; {expires}{security_flags}".format(
            session_cookie=sessions.session_cookie, data="null", path=sessions.path,
            expires="expires=Thu, 01 Jan 1970 00:00:00 GMT; ", security_flags=sessions.security_flags))
    return mutable.raw


async def _no_app(scope: Scope, receive: Receive, send: Send) -> None:  # pragma: no cover - never called
    raise AssertionError("FrontDoor's SessionMiddleware only lends its signer and settings")


class ProjectPagePath:
    """Pure ASGI middleware: ``GET /projects/{id}[?version=N]`` for a known user, else the app. With ``front``
    (no replica) the outermost of the application's middlewares, reading the session itself."""

    def __init__(self, app: ASGIApp, front: FrontDoor | None = None) -> None:
        self.app = app
        self.front = front

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope["method"] == "GET" or (scope["method"] == "HEAD" and self.front)):
            found = _PATH.fullmatch(scope["path"])
            if found is not None:
                query = scope.get("query_string", b"")
                version: int | None = None
                plain = not query
                if not plain:
                    asked = _QUERY.fullmatch(query)
                    if asked is not None:
                        version, plain = int(asked.group(1)), True
                if plain:
                    if self.front is None:
                        response = await _served(Request(scope, receive), int(found.group(1)), version)
                        if response is not None:
                            await response(scope, receive, send)
                            return
                    elif await self._front(scope, receive, send, int(found.group(1)), version):
                        return
        await self.app(scope, receive, send)

    async def _front(self, scope: Scope, receive: Receive, send: Send, project_id: int, version: int | None) -> bool:
        """The page sent from the front door (True), or nothing sent (False: the application answers)."""
        front = self.front
        assert front is not None
        cookie = None
        for name, value in scope["headers"]:
            if name == b"cookie":
                if cookie is None:
                    cookie = value
            elif name in (b"content-length", b"transfer-encoding"):
                return False  # a body: the request guard's limits
        session = front.session(cookie) if cookie is not None else None
        if session is None:
            return False
        head = scope["method"] == "HEAD"  # answered as a GET without the body, as the request guard does
        if head:
            scope = {**scope, "method": "GET"}
        scope["session"] = session
        response = await _served(Request(scope, receive), project_id, version)
        if response is None:
            return False
        await send({"type": "http.response.start", "status": 200,
                    "headers": front.headers(scope, session, response.raw_headers)})
        await send({"type": "http.response.body", "body": b"" if head else response.body})
        return True


async def _served(request: Request, project_id: int, version: int | None) -> HTMLResponse | None:
    """The page as the route would answer it, or None where the application is to answer."""
    from perfbudget.web.routes.projects import project_page_response

    try:
        row = await _row_with_version(request, project_id, version)
        known, principal = known_user(request)
        if not known and "perfbudget.data_version" not in request.scope:
            await data_version_async(request)
            known, principal = known_user(request)
        if not known or principal is None:
            return None  # the session needs the database, or nobody is signed in: the route's dependencies
        response = await project_page_response(request, principal, project_id, version, row)
    except Exception:  # NotFound, WebError, a broken connection…: the application's handlers answer
        return None
    if response.status_code != 200 or not isinstance(response, HTMLResponse):
        return None
    return response


async def _row_with_version(request: Request, project_id: int, version: int | None) -> dict[str, Any] | None:
    """Where the data version is a question on the event loop (PostgreSQL) and the page is not likely in the
    page cache: the page's row read together with its snapshot, which then is the request's data version —
    one round trip instead of two (the question, then the page's statement). None otherwise (the version
    is asked first, as the route does)."""
    state = request.app.state
    if not state.data_version.on_loop or "perfbudget.data_version" in request.scope or _likely_cached(
            request, project_id, version):
        return None
    from perfbudget.app.project_view import versioned_page_row

    dialect = state.engine.dialect
    row = await state.data_version.read_on_loop(
        lambda connection: versioned_page_row(connection, dialect, project_id, version))
    if row is not None:
        request.scope["perfbudget.data_version"] = row["data_version"]
    return row


def _likely_cached(request: Request, project_id: int, version: int | None) -> bool:
    """True unless the user caches know this session's account and the page cache holds no page of the
    project for its role and unit under the version the caches have now (a guess: the version asked may
    have moved on)."""
    session = request.session
    uid, epoch, sid = session.get("uid"), session.get("epoch"), session.get("sid")
    users, pages = request.app.state.users, request.app.state.pages
    known = users.peek(("session", sid))
    principal = users.peek((uid, epoch))
    if getattr(known, "user_id", None) != uid or not isinstance(principal, Principal):
        return True
    key = (("project", project_id, version), principal.role, principal.unit_code, pages.version)
    return pages.peek(key) is not None
