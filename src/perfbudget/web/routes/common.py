"""Helpers shared by the page routes: a CSRF-protected router, rendering, flash messages."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from perfbudget.web.cache import PageCache
from perfbudget.web.csrf import csrf_protect, csrf_token
from perfbudget.web.deps import data_version
from perfbudget.web.roles import Principal
from perfbudget.web.templating import CSRF_PLACEHOLDER


def page_router() -> APIRouter:
    return APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    context = dict(context or {})
    context.setdefault("flashes", pop_flashes(request))
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context,
                                                                          status_code=status_code)
    return response


async def cached_page(request: Request, principal: Principal, key: Hashable,
                      build: Callable[[], Response]) -> Response:
    """The page ``build`` renders, from the page cache when this user saw it under the same data version.

    The key is (``key``, the user, the data version), so one user's page is never served to
    another, and nothing rendered before a change is served after it. ``build`` runs in a
    worker thread (it queries the database); a hit costs a dictionary look-up and a byte
    replacement of the CSRF placeholder. Pages with a flash message are never cached.
    """
    cache: PageCache = request.app.state.pages
    if not cache.enabled or not request.app.state.data_version.cheap or request.session.get("flashes"):
        return await run_in_threadpool(build)
    token = csrf_token(request).encode("ascii")
    version = data_version(request)
    full_key = (key, principal, version)
    body = cache.get(version, full_key)
    if body is None:
        request.scope[CSRF_PLACEHOLDER] = cache.placeholder
        try:
            response = await run_in_threadpool(build)
        finally:
            del request.scope[CSRF_PLACEHOLDER]
        if response.status_code != 200 or not isinstance(response, HTMLResponse):
            return response
        body = bytes(response.body)
        cache.put(version, full_key, body)
    return HTMLResponse(body.replace(cache.placeholder_bytes, token))


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A message shown once on the next page (kept in the signed session)."""
    request.session.setdefault("flashes", []).append([kind, message])
    request.session["flashes"] = request.session["flashes"]


def pop_flashes(request: Request) -> list[list[str]]:
    return list(request.session.pop("flashes", None) or [])


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
