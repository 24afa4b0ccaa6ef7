"""The project list: search, sort, filters and paging, its whole state in the URL; every list as a file
(``/lists/{projects|queue|evaluations}.{xlsx|csv}`` under the same filters, :mod:`perfbudget.app.project_lists`)."""

from __future__ import annotations

from dataclasses import replace

from fastapi import Depends, Request
from fastapi.responses import Response

from perfbudget.app.desk import PAGE_SIZES, SORTS, TODOS, ListQuery, list_projects, unit_options
from perfbudget.app.overview import GRADES, UNEVALUATED, UNREVIEWED, years
from perfbudget.app.project_lists import FORMATS, VIEWS, unit_problem, view_query
from perfbudget.app.roles import Action, Principal
from perfbudget.app.workflow import STATE_LABELS, STATES
from perfbudget.review.finding import DIMENSIONS
from perfbudget.web.deps import data_version, page_user
from perfbudget.web.errors import WebError, forbidden, not_found
from perfbudget.web.list_download import list_download
from perfbudget.web.routes.common import cached_page, page_router, render
from perfbudget.web.routes.dashboard import default_year
from perfbudget.web.views import store_of

router = page_router()


@router.get("/projects")
async def project_list(request: Request, principal: Principal = Depends(page_user)) -> Response:
    params = dict(request.query_params)
    return await cached_page(request, principal, ("projects", tuple(sorted(params.items()))),
                             lambda: list_page(request, principal, params))


def list_page(request: Request, principal: Principal, params: dict[str, str]) -> Response:
    query, problems = ListQuery.parse(params)  # a bad parameter is said above the list, the other filters kept
    if "year" not in params or any(p.name == "year" for p in problems):
        year = default_year(request, principal)  # the year with the user's work, cached like the dashboard's
        query = replace(query, year=year)
    missing = unit_problem(store_of(request), principal, query.unit, via="web")
    if missing is not None:  # said above the list, as a bad filter is (faces-u: an empty list, silently)
        problems += (missing,)
    version = data_version(request)
    cache = request.app.state.cache
    scope = "*" if principal.all_units else principal.unit_code
    with store_of(request).reading() as tx:
        # The rows depend on the scope, not the role: an administrator's and a reviewer's list share them.
        result = request.app.state.lists.get_or_compute(version, (scope, query),
                                                        lambda: list_projects(tx, principal, query))
        available = cache.get_or_compute(version, ("years", scope), lambda: years(tx, principal))
        unit_list = cache.get_or_compute(version, ("unit-options", scope), lambda: unit_options(tx, principal))
    return render(request, "projects.html", {
        "query": query, "result": result, "years": available, "units": unit_list, "sorts": SORTS,
        "todos": TODOS, "grades": (*GRADES, UNREVIEWED), "egrades": (*GRADES, UNEVALUATED),
        "dimensions": DIMENSIONS, "states": STATES, "state_labels": STATE_LABELS,
        "page_sizes": PAGE_SIZES, "show_unit": principal.all_units, "problems": problems,
    })


@router.get("/lists/{view}.{fmt}")
def list_file(request: Request, view: str, fmt: str, principal: Principal = Depends(page_user)) -> Response:
    """The 导出 buttons: the whole list under the page's filters (a bad one: 422 naming it, as the API's)."""
    if view not in VIEWS or fmt not in FORMATS:
        raise not_found(f"列表「{view}.{fmt}」")
    if view == "queue" and not principal.may(Action.REVIEW):
        raise forbidden("只有审核人员可以使用审核队列")
    query, problems = view_query(view, dict(request.query_params))
    missing = unit_problem(store_of(request), principal, query.unit, via="web")
    problems += (missing,) if missing is not None else ()
    if problems:
        raise WebError(422, "invalid_filter", "筛选条件有误：" + "；".join(p.message for p in problems))
    return list_download(store_of(request), principal, view, query, fmt)
