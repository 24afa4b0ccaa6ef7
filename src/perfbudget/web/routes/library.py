"""The 指标库 page (search, each group's distribution, an admin's merge/split/rename) and the
suggestions in 申报 and 修改.

Reads through :mod:`perfbudget.library.query`; the admin's changes through the use-case layer
(:mod:`perfbudget.app.library`), never the library's tables.
"""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import Depends, Form, Request
from fastapi.responses import Response

from perfbudget.app import library as library_app
from perfbudget.app.roles import Action, Principal
from perfbudget.library.query import group_summary_of, marks, search, suggestions, top_groups
from perfbudget.model import Indicator
from perfbudget.target import parse_target
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.errors import WebError
from perfbudget.web.forms import new_rowid
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.routes.edit import editor_context
from perfbudget.web.views import store_of

router = page_router()
DIRECTIONS = {"positive": "正向", "reverse": "反向", "exact": "等于"}


@router.get("/library")
def library_page(request: Request, q: str = "", principal: Principal = Depends(page_user)) -> Response:
    store = store_of(request)
    text = q.strip()[:100]
    unit = principal.only_unit  # a unit-bound user sees no other unit's projects among the examples
    groups = search(store, text, limit=20, unit=unit) if text else top_groups(store, 20, unit=unit)
    return render(request, "library.html", {"q": text, "groups": groups, "directions": DIRECTIONS})


@router.get("/library/groups/{group_id}")
def library_group(request: Request, group_id: int, principal: Principal = Depends(page_user)) -> Response:
    detail = group_summary_of(store_of(request), group_id, unit=principal.only_unit)
    if detail is None:
        raise WebError(404, "not_found", "指标库中没有这一组")
    return render(request, "library_group.html", {"group": detail, "marks": [marks(m) for m in detail["measures"]],
                                                  "directions": DIRECTIONS, "may_admin": principal.can(Action.ADMIN)})


def _admin(request: Request, group_id: int, action: object) -> Response:
    """Run an admin action; show the group it leaves (the kept or the new one) with its message."""
    try:
        outcome: library_app.Outcome = action()  # type: ignore[operator]
    except library_app.LibraryRefused as refused:
        flash(request, str(refused), "error")
        return redirect(f"/library/groups/{group_id}")
    flash(request, outcome.message, "ok")
    return redirect(f"/library/groups/{outcome.group_id}")


@router.post("/library/groups/{group_id}/rename")
def library_rename(request: Request, group_id: int, name: str = Form(""),
                   principal: Principal = Depends(page_user)) -> Response:
    return _admin(request, group_id, lambda: library_app.rename(store_of(request), principal, str(group_id), name,
                                                                ip=client_ip(request)))


@router.post("/library/groups/{group_id}/merge")
def library_merge(request: Request, group_id: int, others: str = Form(""),
                  principal: Principal = Depends(page_user)) -> Response:
    """Merge the groups given (ids or names, separated by commas or 、) into this one."""
    listed = [part.strip() for part in others.replace("、", ",").replace("，", ",").split(",") if part.strip()]
    return _admin(request, group_id, lambda: library_app.merge(store_of(request), principal, str(group_id), listed,
                                                               ip=client_ip(request)))


@router.post("/library/groups/{group_id}/split")
def library_split(request: Request, group_id: int, name: list[str] = Form([]),
                  principal: Principal = Depends(page_user)) -> Response:
    """Split the names ticked on the group's page off into a new group."""
    names = [n for n in name if n.strip()]  # app.library bounds them (MOST_SPLIT), with a refusal
    return _admin(request, group_id, lambda: library_app.split(store_of(request), principal, names,
                                                               ip=client_ip(request), group=group_id))


@router.get("/library/suggest")
def library_suggest(request: Request, principal: Principal = Depends(page_user)) -> Response:
    """Indicators similar projects use (HTMX fragment); ``name``/``library_name``, ``purpose`` and
    the editor's ``l3`` come from the form."""
    params = request.query_params
    name = (params.get("name") or params.get("library_name") or "").strip()[:200]
    have = [v for v in params.getlist("l3") if v.strip()][:200]
    found = suggestions(store_of(request), name, params.get("purpose"), have)
    for item in found:
        item["add"] = "/library/editor-row?" + urlencode({"l1": item["level1"] or "", "l2": item["level2"] or "",
                                                          "l3": item["name"], "target": item["target"]})
    return render(request, "_library_suggestions.html", {"suggestions": found, "name": name})


@router.get("/library/editor-row")
def library_editor_row(request: Request, l1: str = "", l2: str = "", l3: str = "", target: str = "",
                       principal: Principal = Depends(page_user)) -> Response:
    """An editor row filled with a suggested indicator (HTMX appends it to the indicator table)."""
    row = Indicator(l1[:100], l2[:100], l3[:200], None, parse_target(target[:100], l3))
    return render(request, "_editor_row.html", {"row": row, "rowid": new_rowid(), **editor_context()})
