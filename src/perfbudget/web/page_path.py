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
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from perfbudget.web.deps import data_version_async, known_user
from perfbudget.web.roles import Principal

_PATH = re.compile(r"/projects/([1-9][0-9]{0,8})")
_QUERY = re.compile(rb"version=([1-9][0-9]{0,8})")


class ProjectPagePath:
    """Pure ASGI middleware: ``GET /projects/{id}[?version=N]`` for a known user, else the app."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
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
                    response = await _served(Request(scope, receive), int(found.group(1)), version)
                    if response is not None:
                        await response(scope, receive, send)
                        return
        await self.app(scope, receive, send)


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
