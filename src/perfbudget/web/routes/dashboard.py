"""The dashboard per year and the unit page."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Form, Query, Request
from fastapi.responses import Response

from perfbudget.app.desk import FilterProblem, ListQuery, Todo, list_projects, todo, work_year
from perfbudget.app.finding_dimensions import SEVERITY_ORDER, dimension_projects
from perfbudget.app.overview import (
    GRADES,
    UNEVALUATED,
    UNREVIEWED,
    Dashboard,
    UnitCode,
    UnitName,
    build_dashboard,
    project_rows,
    unit_head,
    years,
)
from perfbudget.app.paging import PAGE
from perfbudget.app.roles import Principal
from perfbudget.app.workflow import STATE_LABELS, STATES
from perfbudget.plain_numbers import plain_int, plain_year
from perfbudget.vocabulary import SEVERITY_LABELS
from perfbudget.web.charts import bar_chart, stacked_bars
from perfbudget.web.deps import client_ip, data_version, optional_user, page_user
from perfbudget.web.errors import WebError
from perfbudget.web.routes.common import cached_page, flash, page_router, redirect, render
from perfbudget.web.views import store_of

router = page_router()
UNITS_SHOWN = 50


@router.get("/")
def home(request: Request) -> Response:
    return redirect("/dashboard" if optional_user(request) else "/login")


def dashboard_data(request: Request, principal: Principal, year: int | None) -> tuple[Dashboard, list[int]]:
    """The cached aggregates for this user's scope and year (recomputed when the data version changes)."""
    version = data_version(request)
    with store_of(request).reading() as tx:
        scope = "*" if principal.all_units else principal.unit_code
        cache = request.app.state.cache
        board = cache.get_or_compute(version, ("dashboard", scope, year),
                                     lambda: build_dashboard(tx, principal, year))
        available = cache.get_or_compute(version, ("years", scope), lambda: years(tx, principal))
    return board, available


def dimension_data(request: Request, principal: Principal, year: int | None) -> dict[str, dict[str, int]]:
    """Per finding dimension, the projects with a kept finding of it (cached like the aggregates)."""
    version = data_version(request)
    scope = "*" if principal.all_units else principal.unit_code
    with store_of(request).reading() as tx:
        return request.app.state.cache.get_or_compute(version, ("dimension-projects", scope, year),
                                                      lambda: dimension_projects(tx, principal, year))


def landing_data(request: Request, principal: Principal, year: int | None) -> Todo:
    """The user's to-do list of ``year`` (cached per role, unit and year like the aggregates)."""
    version = data_version(request)
    with store_of(request).reading() as tx:
        return request.app.state.cache.get_or_compute(
            version, ("todo", principal.role, principal.unit_code, year), lambda: todo(tx, principal, year))


def default_year(request: Request, principal: Principal) -> int | None:
    """The year with the user's work (not simply the newest year)."""
    version = data_version(request)
    scope = "*" if principal.all_units else principal.unit_code
    with store_of(request).reading() as tx:
        return request.app.state.cache.get_or_compute(
            version, ("work-year", principal.role, scope), lambda: work_year(tx, principal))




def charts(board: Dashboard, dimensions: dict[str, dict[str, int]]) -> dict[str, object]:
    base = ListQuery(year=board.year)
    grade_links = [base.url(grade=g) for g in (*GRADES, UNREVIEWED)]
    return {
        "grades": bar_chart([(g, board.grades[g], g) for g in (*GRADES, UNREVIEWED)], "审核等级", links=grade_links),
        "evaluations": bar_chart([(g, board.evaluation_grades[g], g) for g in (*GRADES, UNEVALUATED)],
                                 "自评等级", links=[base.url(egrade=g) for g in (*GRADES, UNEVALUATED)]),
        "states": bar_chart([(STATE_LABELS[s], board.states[s], s) for s in STATES], "流程状态",
                            links=[base.url(state=s) for s in STATES]),
        "dimensions": stacked_bars([(d, [(s, c[s]) for s in SEVERITY_ORDER]) for d, c in dimensions.items()],
                                   "审核发现（按维度）", links=[base.url(dimension=d) for d in dimensions],
                                   key_labels=SEVERITY_LABELS),
    }


@router.get("/dashboard")
async def dashboard(request: Request, year: str | None = None, page: int = Query(1, ge=1),
                    principal: Principal = Depends(page_user)) -> Response:
    return await cached_page(request, principal, ("dashboard", year, page),
                             lambda: dashboard_page(request, principal, year, page))


def dashboard_page(request: Request, principal: Principal, year: str | None, page: int) -> Response:
    # the year read as every list reads it (app.desk.ListQuery.parse): a bad one is said above the page and the
    # user's work year shown (until 2026-12-05 ``year=abc`` showed every year without a word)
    chosen: int | None = None
    problems: tuple[FilterProblem, ...] = ()
    if year is not None:
        parsed, problems = ListQuery.parse({"year": year})
        chosen = parsed.year
    if year is None or problems:
        chosen = default_year(request, principal)
    board, available = dashboard_data(request, principal, chosen)
    dimensions = dimension_data(request, principal, chosen)
    tasks = landing_data(request, principal, chosen)
    with store_of(request).reading() as tx:  # one page of projects, paged in SQL
        listed = list_projects(tx, principal, ListQuery(year=chosen, page=page, size=PAGE))
    return render(request, "dashboard.html", {
        "board": board, "years": available, "year": chosen, "charts": charts(board, dimensions),
        "rows": listed.rows, "page": listed.page, "pages": listed.pages,
        "state_labels": STATE_LABELS, "unit_rows": board.unit_rows[:UNITS_SHOWN],
        "todo": tasks, "list_query": ListQuery(year=chosen), "problems": problems,
    })


@router.get("/units/by-id/{unit_id}")
def unit_page_by_id(request: Request, unit_id: str, year: str | None = None,
                    principal: Principal = Depends(page_user)) -> Response:
    """A unit whose key cannot be an address (:func:`perfbudget.app.overview.unit_path`), by its id alone."""
    return _unit_page(request, principal, plain_int(unit_id, 1) or 0, year)


# The by-name page takes the rest of the path as the name (a name may hold 「/」, faces-w), so it is matched after
# every other area's ``/units/by-name/{name:path}/…`` route (``routes.routers`` includes it last).
by_name_router = page_router()


@by_name_router.get("/units/by-name/{name:path}")
def unit_page_by_name(request: Request, name: str, year: str | None = None,
                      principal: Principal = Depends(page_user)) -> Response:
    """A unit without a code, by its name alone (:func:`perfbudget.app.overview.unit_address`): ``/units/{name}``
    finds a unit coded with the same text first."""
    return _unit_page(request, principal, UnitName(name), year)


@by_name_router.get("/units/by-code/{code:path}")
def unit_page_by_code(request: Request, code: str, year: str | None = None,
                      principal: Principal = Depends(page_user)) -> Response:
    """A unit by its code alone, 「/」 and all (「AB/12」: ``/units/{code}`` takes one segment; replay-aa)."""
    return _unit_page(request, principal, UnitCode(code), year)


@router.get("/units/{unit_key}")
def unit_page(request: Request, unit_key: str, year: str | None = None,
              principal: Principal = Depends(page_user)) -> Response:
    """``unit_key``: the unit's key (its code, else its name), or its id (links made before 2026-12-05)."""
    return _unit_page(request, principal, unit_key, year)


def _unit_admin(request: Request, unit_id: int, action: Any) -> Response:
    """An admin's unit action (:mod:`perfbudget.app.unit_admin`, as the API's and ``perfbudget unit``): the unit kept
    shown with the message; a refusal said on the unit's page (403 for a role that may not)."""
    from perfbudget.app.unit_admin import UnitRefused

    try:
        outcome = action()
    except UnitRefused as refused:
        if refused.forbidden:
            raise WebError(403, "forbidden", str(refused)) from refused
        flash(request, str(refused), "error")
        return redirect(f"/units/by-id/{unit_id}")
    flash(request, outcome.message, "ok")
    return redirect(f"/units/by-id/{outcome.unit_id}")


@router.post("/units/by-id/{unit_id}/rename")
def unit_rename(request: Request, unit_id: int, name: str = Form(""),
                principal: Principal = Depends(page_user)) -> Response:
    from perfbudget.app.unit_admin import rename_unit

    return _unit_admin(request, unit_id, lambda: rename_unit(store_of(request), principal, f"by-id/{unit_id}", name,
                                                             ip=client_ip(request), via="web"))


@router.post("/units/by-id/{unit_id}/merge")
def unit_merge(request: Request, unit_id: int, other: str = Form(""),
               principal: Principal = Depends(page_user)) -> Response:
    from perfbudget.app.unit_admin import merge_units

    return _unit_admin(request, unit_id, lambda: merge_units(store_of(request), principal, f"by-id/{unit_id}",
                                                             other.strip()[:300], ip=client_ip(request),
                                                             via="web"))


def _unit_page(request: Request, principal: Principal, unit_key: int | str | UnitName | UnitCode,
               year: str | None) -> Response:
    chosen = plain_year(year)
    with store_of(request).reading() as tx:
        unit = unit_head(tx, principal, unit_key)
        rows = project_rows(tx, principal, chosen, unit_id=unit["id"])
    return render(request, "unit.html", {"unit": unit, "rows": rows, "year": chosen, "state_labels": STATE_LABELS})
