"""Helpers shared by the page routes: a CSRF-protected router, rendering, flash messages."""

from __future__ import annotations

import asyncio
import html
import secrets
from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from perfbudget.app.roles import Principal
from perfbudget.web.cache import PageCache
from perfbudget.web.csrf import csrf_protect, csrf_token, no_nul_in_form
from perfbudget.web.deps import data_version_async
from perfbudget.web.html_text import text
from perfbudget.web.templating import PLACEHOLDERS, page_context


def page_router() -> APIRouter:
    return APIRouter(dependencies=[Depends(csrf_protect), Depends(no_nul_in_form)], include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    context = dict(context or {})
    context.setdefault("flashes", pop_flashes(request))
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context,
                                                                          status_code=status_code)
    return response


# Stand-ins for the title and content of a frame drawn once (random per process: no text can hold them).
_TITLE, _CONTENT = f"title-{secrets.token_hex(16)}", f"content-{secrets.token_hex(16)}"
FRAMES_LIMIT = 1024  # frames kept per process (one per template, role and unit), all dropped when full


def render_framed(request: Request, template: str, title: str, content: Markup) -> HTMLResponse:
    """``template``, a frame of ``base.html`` whose page gives it only ``title`` (text, escaped) and
    ``content`` (drawn in Python, e.g. :func:`perfbudget.web.project_html.project_content`).

    For the page cache (its placeholders for the token and name in the request) the frame depends on nothing
    but the context every page gets (:func:`perfbudget.web.templating.page_context`: the user shown — role,
    unit, the name's placeholder — and the token's placeholder), and no flash message is shown: it is drawn
    once per process for each template and such context (``app.state.frames``) and the title and content
    put into it, the same text Jinja would draw. Any other page is rendered whole."""
    context: dict[str, Any] = {"title": title, "content": content}
    if request.scope.get(PLACEHOLDERS) is None or request.session.get("flashes"):
        return render(request, template, context)
    shown = page_context(request)
    key = (template, shown["user"], shown["csrf_token"])
    frames: dict[Any, tuple[bytes, bytes, bytes]] = request.app.state.frames
    parts = frames.get(key)
    if parts is None:
        drawn = bytes(render(request, template, {"title": _TITLE, "content": Markup(_CONTENT)}).body).decode()
        if drawn.count(_TITLE) != 1 or drawn.count(_CONTENT) != 1:
            return render(request, template, context)
        head, _, rest = drawn.partition(_TITLE)
        middle, _, tail = rest.partition(_CONTENT)
        parts = (head.encode(), middle.encode(), tail.encode())  # UTF-8 once: only title and content per page
        if len(frames) >= FRAMES_LIMIT:
            frames.clear()
        frames[key] = parts
    return HTMLResponse(b"".join((parts[0], text(title).encode(), parts[1], str(content).encode(), parts[2])))


async def cached_page(request: Request, principal: Principal, key: Hashable,
                      build: Callable[[], Response], *, short: bool = False,
                      on_loop: Callable[[], Awaitable[Response]] | None = None) -> Response:
    """The page ``build`` renders, from the page cache when it was rendered under the same data version.

    The key is (``key``, the user's role and unit, the data version): everything a page
    shows depends on the data and on what the role and unit allow, never on who else asked.
    The user's name and the session's CSRF token are placeholders in the cached HTML,
    replaced for each response. A hit costs a dictionary look-up and two byte replacements.
    A request for a page another request of this process is building now (the same key) waits for that
    one's bytes: under many clients a page's first build (a list's, the dashboard's) is made once, not once
    per client that asked before it was done. Pages with a flash message are never cached. On PostgreSQL
    the data version is a query (see
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
        # One build per page at a time in this process: a request for a page another request is building now
        # (the same key: data version, role, unit) waits for that one's bytes instead of building it again.
        loop = asyncio.get_running_loop()
        flights: dict[Hashable, asyncio.Future[bytes | None]] = request.app.state.flights
        flight_key = (loop, full_key)
        shared = flights.get(flight_key)
        if shared is not None:
            body = await asyncio.shield(shared)  # None: that build gave no page to share; build it here
    if body is None:
        mine: asyncio.Future[bytes | None] | None = None
        if flight_key not in flights:
            mine = flights[flight_key] = loop.create_future()
        request.scope[PLACEHOLDERS] = (cache.placeholder, cache.name_placeholder)
        try:
            if on_loop is not None:
                response = await on_loop()
            else:
                response = build() if short and cheap else await run_in_threadpool(build)
            if response.status_code != 200 or not isinstance(response, HTMLResponse):
                return response
            body = bytes(response.body)
            cache.put(version, full_key, body)
        finally:
            del request.scope[PLACEHOLDERS]
            if mine is not None:
                del flights[flight_key]
                mine.set_result(body)
    name = html.escape(principal.display_name).encode("utf-8")
    return HTMLResponse(body.replace(cache.placeholder_bytes, token).replace(cache.name_placeholder_bytes, name))


# The session is a cookie, and a browser drops a cookie past 4,096 bytes (a proxy such as nginx answers 502 for a
# response head past its proxy_buffer_size, 4 or 8 KB): its JSON writes a CJK character as 6 bytes, base64 as 8.
# Until 2026-12-04 a message was kept whole: the review queue's 「未处理：…」 of 30 refused projects made a 5 KB
# cookie, which the browser dropped with the message (found by attack14). The page itself shows every detail.
FLASH_CHARS = 180
FLASHES_KEPT = 2


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A message shown once on the next page (kept in the signed session cookie): at most :data:`FLASH_CHARS`
    characters (cut with …), the first :data:`FLASHES_KEPT` messages (the outcome before its details); the
    last kept says when more were left out."""
    if len(message) > FLASH_CHARS:
        message = message[:FLASH_CHARS - 1] + "…"
    flashes = list(request.session.get("flashes", []))
    if len(flashes) < FLASHES_KEPT:
        flashes.append([kind, message])
    elif not flashes[-1][1].endswith(_MORE):
        last_kind, last = flashes[-1]
        flashes[-1] = [last_kind, last[:FLASH_CHARS - len(_MORE)] + _MORE]
    request.session["flashes"] = flashes


_MORE = "（另有消息从略）"


def pop_flashes(request: Request) -> list[list[str]]:
    return list(request.session.pop("flashes", None) or [])


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
