"""Helpers shared by the page routes: a CSRF-protected router, rendering, flash messages."""

from __future__ import annotations

import html
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from perfbudget.web.cache import PageCache
from perfbudget.web.csrf import csrf_protect, csrf_token, no_nul_in_form
from perfbudget.web.deps import data_version_async
from perfbudget.web.roles import Principal
from perfbudget.web.templating import PLACEHOLDERS


def page_router() -> APIRouter:
    return APIRouter(dependencies=[Depends(csrf_protect), Depends(no_nul_in_form)], include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    context = dict(context or {})
    context.setdefault("flashes", pop_flashes(request))
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context,
                                                                          status_code=status_code)
    return response


async def cached_page(request: Request, principal: Principal, key: Hashable,
                      build: Callable[[], Response], *, short: bool = False,
                      on_loop: Callable[[], Awaitable[Response]] | None = None) -> Response:
    """The page ``build`` renders, from the page cache when it was rendered under the same data version.

    The key is (``key``, the user's role and unit, the data version): everything a page
    shows depends on the data and on what the role and unit allow, never on who else asked.
    The user's name and the session's CSRF token are placeholders in the cached HTML,
    replaced for each response. A hit costs a dictionary look-up and two byte replacements.
    Pages with a flash message are never cached. On PostgreSQL the data version is a query (see
    :mod:`perfbudget.web.freshness`), asked on the event loop before the cache is looked up.

    ``build`` queries the database. A ``short`` one (a few milliseconds of reads of one
    project; SQLite readers in WAL mode never wait for writers) runs right on the event
    loop: handing it to a worker thread costs more than the work under load, because the
    loop and the threads then fight for the GIL. Anything that may take long (the
    dashboard aggregates over every project) runs in a worker thread. Where the data version is asked on
    the loop (PostgreSQL without a replica, :attr:`perfbudget.web.freshness.DataVersion.on_loop`), ``on_loop``
    (when given) builds the page instead: its reads awaited on the loop's connections, no worker thread.
    """
    cache: PageCache = request.app.state.pages
    if on_loop is not None and not request.app.state.data_version.on_loop:
        on_loop = None
    if not cache.enabled or request.session.get("flashes"):
        # the database may be remote: never block the loop on it
        return await on_loop() if on_loop is not None else await run_in_threadpool(build)
    token = csrf_token(request).encode("ascii")
    cheap = request.app.state.data_version.cheap
    # PostgreSQL: the version is one small query (the snapshot, where the request reads), asked on the
    # event loop (with a replica: in a worker thread); far cheaper than the pages it saves rebuilding.
    version = await data_version_async(request)  # asked already by the user dependency, as a rule
    full_key = (key, principal.role, principal.unit_code, cache.part(version))
    body = cache.get(version, full_key)
    if body is None:
        request.scope[PLACEHOLDERS] = (cache.placeholder, cache.name_placeholder)
        try:
            if on_loop is not None:
                response = await on_loop()
            else:
                response = build() if short and cheap else await run_in_threadpool(build)
        finally:
            del request.scope[PLACEHOLDERS]
        if response.status_code != 200 or not isinstance(response, HTMLResponse):
            return response
        body = bytes(response.body)
        cache.put(version, full_key, body)
    name = html.escape(principal.display_name).encode("utf-8")
    return HTMLResponse(body.replace(cache.placeholder_bytes, token).replace(cache.name_placeholder_bytes, name))


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A message shown once on the next page (kept in the signed session)."""
    request.session.setdefault("flashes", []).append([kind, message])
    request.session["flashes"] = request.session["flashes"]


def pop_flashes(request: Request) -> list[list[str]]:
    return list(request.session.pop("flashes", None) or [])


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
