"""The project list: search, sort, filters and paging, its whole state in the URL."""

from __future__ import annotations

from fastapi import Depends, Request
from fastapi.responses import Response

from perfbudget.app.desk import PAGE_SIZES, SORTS, TODOS, ListQuery, list_projects, unit_options
from perfbudget.app.overview import GRADES, UNEVALUATED, UNREVIEWED, years
from perfbudget.app.roles import Principal
from perfbudget.app.workflow import STATE_LABELS, STATES
from perfbudget.review.finding import DIMENSIONS
from perfbudget.web.deps import data_version, page_user
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
    query = ListQuery.from_params(params)
    if "year" not in params:  # the year with the user's work, cached like the dashboard's aggregates
        year = default_year(request, principal)
        query = ListQuery.from_params({**params, "year": str(year) if year else ""})
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
        "page_sizes": PAGE_SIZES, "show_unit": principal.all_units,
    })
