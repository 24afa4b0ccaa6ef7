"""Helpers shared by the page routes: a CSRF-protected router, rendering, flash messages."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from perfbudget.web.csrf import csrf_protect


def page_router() -> APIRouter:
    return APIRouter(dependencies=[Depends(csrf_protect)], include_in_schema=False)


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    context = dict(context or {})
    context.setdefault("flashes", pop_flashes(request))
    response: HTMLResponse = request.app.state.templates.TemplateResponse(request, template, context,
                                                                          status_code=status_code)
    return response


def flash(request: Request, message: str, kind: str = "ok") -> None:
    """A message shown once on the next page (kept in the signed session)."""
    request.session.setdefault("flashes", []).append([kind, message])
    request.session["flashes"] = request.session["flashes"]


def pop_flashes(request: Request) -> list[list[str]]:
    return list(request.session.pop("flashes", None) or [])


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
