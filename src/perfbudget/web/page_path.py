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

from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from perfbudget.web.deps import data_version_async, known_user

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

    known, principal = known_user(request)
    if not known and "perfbudget.data_version" not in request.scope:
        await data_version_async(request)
        known, principal = known_user(request)
    if not known or principal is None:
        return None  # the session needs the database, or nobody is signed in: the route's dependencies
    try:
        response = await project_page_response(request, principal, project_id, version)
    except Exception:  # NotFound, WebError, a broken connection…: the application's handlers answer
        return None
    if response.status_code != 200 or not isinstance(response, HTMLResponse):
        return None
    return response
