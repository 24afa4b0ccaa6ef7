"""The API's lists of projects: ``/api/v1/projects`` (项目列表), ``/api/v1/review/queue`` (审核队列) and
``/api/v1/evaluations`` (自评结果), under the one filter set of the web's list and ``perfbudget list``
(:meth:`perfbudget.app.desk.ListQuery.parse`: the same names, meaning and Chinese errors, a bad one a 422 whose
``details`` name each parameter), paged by ``limit`` / ``offset``, or the whole list as ``format=xlsx|csv``."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from perfbudget.app.desk import project_slice
from perfbudget.app.paging import LIMIT_SAID, MOST_PAGE, PAGE
from perfbudget.app.project_lists import summary, unit_problem, view_query
from perfbudget.app.roles import Action, Principal
from perfbudget.web.api import models as m
from perfbudget.web.api.openapi import BEARER, TAG_PROJECTS, TAG_WORKFLOW, TypedRoute
from perfbudget.web.deps import api_user, client_ip
from perfbudget.web.errors import WebError, forbidden
from perfbudget.web.list_download import MEDIA, list_download
from perfbudget.web.views import store_of

router = APIRouter(prefix="/api/v1", route_class=TypedRoute, dependencies=[Depends(BEARER)])
ERRORS = m.error_responses(401, 403, 422, 429)
Format = Literal["json", "xlsx", "csv"]
_FILE: dict[int | str, dict[str, Any]] = {200: {
    "description": "一页 JSON（format=json），或整个列表的 Excel / CSV 附件（UTF-8 带 BOM）",
    "content": {MEDIA["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
                MEDIA["csv"]: {"schema": {"type": "string"}}}}}


_SAID = {"q": "搜索：项目名称、单位名称或编码、指标中的文字", "year": "资金年度（四位数字），all 或不填为全部年度",
         "unit": "单位：编码，或无编码单位的名称",
         "state": "流程状态：draft / submitted / returned / approved（或中文名）",
         "grade": "正式审核等级：优 / 良 / 中 / 差 / 未审核",
         "egrade": "自评等级：优 / 良 / 中 / 差 / 未自评",
         "dimension": "有该维度的审核发现：完整性 / 相关性 / 适当性 / 可行性 / 规范性",
         "fund": "资金标签或来源中的文字",
         "todo": "待办：evaluate（待自评）/ monitor（待监控）",
         "sort": "排序：unit / name / budget / grade / errors / state / submitted / year（或中文名）",
         "desc": "1：倒序"}


def list_params(q: str | None = Query(None, description=_SAID["q"]),
                year: str | None = Query(None, description=_SAID["year"]),
                unit: str | None = Query(None, description=_SAID["unit"]),
                state: str | None = Query(None, description=_SAID["state"]),
                grade: str | None = Query(None, description=_SAID["grade"]),
                egrade: str | None = Query(None, description=_SAID["egrade"]),
                dimension: str | None = Query(None, description=_SAID["dimension"]),
                fund: str | None = Query(None, description=_SAID["fund"]),
                todo: str | None = Query(None, description=_SAID["todo"]),
                sort: str | None = Query(None, description=_SAID["sort"]),
                desc: str | None = Query(None, description=_SAID["desc"])) -> dict[str, str]:
    """The list's filters as the page's URL gives them (read by ``ListQuery.parse``, not by FastAPI: one reading)."""
    given = {"q": q, "year": year, "unit": unit, "state": state, "grade": grade, "egrade": egrade,
             "dimension": dimension, "fund": fund, "todo": todo, "sort": sort, "desc": desc}
    return {key: value for key, value in given.items() if value is not None}


def _listed(request: Request, principal: Principal, view: str, params: dict[str, str], limit: int, offset: int,
            fmt: str) -> Any:
    query, problems = view_query(view, params)
    if problems:
        raise WebError(422, "invalid_filter", "筛选条件有误：" + "；".join(p.message for p in problems),
                       [p.to_dict() for p in problems])
    _known_unit(request, principal, {"unit": query.unit})
    store = store_of(request)
    if fmt != "json":
        return list_download(store, principal, view, query, fmt)
    with store.reading() as tx:  # one page in SQL, and the count
        rows, total = project_slice(tx, principal, query, limit, offset)
    return {"total": total, "limit": limit, "offset": offset, "items": [summary(r) for r in rows]}


def _known_unit(request: Request, principal: Principal, params: dict[str, str]) -> None:
    """A 422 when the ``unit`` filter names no unit the token sees
    (:func:`perfbudget.app.project_lists.unit_problem`)."""
    missing = unit_problem(store_of(request), principal, (params.get("unit") or "").strip(), via="api")
    if missing is not None:
        raise WebError(422, "invalid_filter", "筛选条件有误：" + missing.message, [missing.to_dict()])


_LIMIT = Query(PAGE, ge=1, le=MOST_PAGE, description=LIMIT_SAID)
_OFFSET = Query(0, ge=0)
_FORMAT = Query("json", description="json（一页）、xlsx 或 csv（整个列表，至多 100,000 个项目）")


def _route(path: str, view: str, tag: str, summary: str, reviewers_only: bool = False) -> None:
    """``GET /api/v1{path}``: list ``view``, one page or the whole list as a file."""
    def listed(request: Request, params: dict[str, str] = Depends(list_params), limit: int = _LIMIT,
               offset: int = _OFFSET, format: Format = _FORMAT,
               principal: Principal = Depends(api_user)) -> Response | dict[str, Any]:
        if reviewers_only and not principal.may(Action.REVIEW):
            raise forbidden("只有审核人员可以使用审核队列")
        return _listed(request, principal, view, params, limit, offset, format)

    router.add_api_route(path, listed, methods=["GET"], responses={**ERRORS, **_FILE}, response_model=m.ProjectPage,
                         tags=[tag], summary=summary, name=f"list_{view}")


_route("/projects", "projects", TAG_PROJECTS, "项目列表（正式版本：审核通过的版本在修订稿审核通过前仍为正式版本）")
_route("/review/queue", "queue", TAG_WORKFLOW, "审核队列：已送审的项目，默认按送审时间先后", reviewers_only=True)
_route("/evaluations", "evaluations", TAG_PROJECTS, "自评结果：各项目最近一次自评的总分与等级（筛选同项目列表）")


@router.get("/todo", responses=ERRORS, response_model=m.Todo, tags=[TAG_PROJECTS],
            summary="待办：与网页首页相同的待审核、被退回、草稿、待自评、待监控及审核队列，同 perfbudget desk todo")
def get_todo(request: Request, year: str | None = Query(None, description="年度（四位数字）；all 为全部年度；"
                                                                        "不给时为有待办工作的年度"),
             principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """（Until replay-k the to-do was on the landing page only.）"""
    from perfbudget.app.todo_view import todo_dict, todo_year_problem

    problem = todo_year_problem(year)
    if problem:  # as every list's filter says it (the message without 「筛选条件有误：」 until faces47)
        raise WebError(422, "invalid_filter", "筛选条件有误：" + problem.message, [problem.to_dict()])
    return todo_dict(store_of(request), principal, year)


@router.get("/units", responses=ERRORS, response_model=m.UnitPage, tags=[TAG_PROJECTS],
            summary="单位列表：单位编号、编码、名称与项目数，同 perfbudget list units")
def list_units(request: Request, q: str | None = Query(None, description="搜索：单位名称或编码中的文字"),
               year: str | None = Query(None, description="只数该资金年度的项目（四位数字）；all 或不填为全部年度"),
               unit: str | None = Query(None, description=_SAID["unit"]),
               limit: int = _LIMIT, offset: int = _OFFSET,
               principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """单位编号（`id`）即 `unit=by-id/N` 与 `/units/by-id/N/…` 中的 N；令牌只看得到它能看的单位。
    筛选条件与 ``perfbudget list units`` 相同，有误时 422 ``invalid_filter``。"""
    from perfbudget.app.stored_records import indicator_filters, unit_page

    params = {key: value for key, value in (("q", q), ("year", year), ("unit", unit)) if value is not None}
    filters, problems = indicator_filters(principal, params)
    if problems:
        raise WebError(422, "invalid_filter", "筛选条件有误：" + "；".join(p.message for p in problems),
                       [p.to_dict() for p in problems])
    _known_unit(request, principal, params)
    return unit_page(store_of(request), filters, limit, offset)


# ---- an admin's unit actions (app.unit_admin; perfbudget unit rename|merge): none existed on any face until replay-q

class UnitRenameBody(BaseModel):
    model_config = m.STRICT

    name: str = Field(..., description="单位的新名称")


class UnitMergeBody(BaseModel):
    model_config = m.STRICT

    other: str = Field(..., description="并入本单位的单位：编码、没有编码的单位的名称、by-id/编号 或 by-name/名称")


class UnitOutcome(BaseModel):
    unit_id: int = Field(..., description="保留的单位的编号（改名：本单位；合并：并入的单位）")
    projects: int = Field(..., description="移入本单位或重新编定身份的项目数")
    message: str


def _unit_admin(act: Any) -> dict[str, Any]:
    from perfbudget.app.unit_admin import UnitRefused

    try:
        outcome = act()
    except UnitRefused as refused:
        if refused.forbidden:
            raise forbidden(str(refused)) from refused
        raise WebError(404 if refused.missing else 422, "not_found" if refused.missing else "invalid",
                       str(refused)) from refused
    return {"unit_id": outcome.unit_id, "projects": outcome.projects, "message": outcome.message}


UNIT_ERRORS = m.error_responses(401, 403, 404, 422)


@router.post("/units/{unit_id}/rename", responses=UNIT_ERRORS, response_model=UnitOutcome, tags=[TAG_PROJECTS],
             summary="（管理员）给单位改名，同 perfbudget unit rename")
def rename_unit(request: Request, unit_id: int, body: UnitRenameBody,
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """``unit_id``：单位编号（GET /units 的 ``id``）。与另一个单位同名时 422，并提示合并。"""
    from perfbudget.app.unit_admin import rename_unit as rename

    return _unit_admin(lambda: rename(store_of(request), principal, f"by-id/{unit_id}", body.name,
                                      ip=client_ip(request), via="api"))


@router.post("/units/{unit_id}/merge", responses=UNIT_ERRORS, response_model=UnitOutcome, tags=[TAG_PROJECTS],
             summary="（管理员）把另一个单位的项目与文件并入本单位，删除那个单位，同 perfbudget unit merge")
def merge_unit(request: Request, unit_id: int, body: UnitMergeBody,
               principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """两个单位有相同的项目（名称、资金年度、资金标签相同）时 422，列出这些项目，不作任何修改；
    被并入的单位还有账号时同样 422。"""
    from perfbudget.app.unit_admin import merge_units

    return _unit_admin(lambda: merge_units(store_of(request), principal, f"by-id/{unit_id}", body.other,
                                           ip=client_ip(request), via="api"))


@router.get("/indicators", responses=ERRORS, response_model=m.IndicatorPage, tags=[TAG_PROJECTS],
            summary="指标列表：各项目正式版本的指标（latest=1：最新版本），同 perfbudget list indicators")
def list_indicators(request: Request, q: str | None = Query(None, description=_SAID["q"]),
                    year: str | None = Query(None, description=_SAID["year"]),
                    unit: str | None = Query(None, description=_SAID["unit"]),
                    state: str | None = Query(None, description=_SAID["state"]),
                    latest: bool = Query(False, description="1：取各项目的最新版本，而非正式版本"),
                    limit: int = _LIMIT, offset: int = _OFFSET,
                    principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """正式版本：审核通过的修订稿生效前为审核通过的版本，否则为最新版本，与项目列表相同；令牌只看得到它能看的单位。
    筛选条件与 ``perfbudget list indicators`` 相同，有误时 422 ``invalid_filter``。"""
    from perfbudget.app.stored_records import indicator_filters, indicator_page

    params = {key: value for key, value in (("q", q), ("year", year), ("unit", unit), ("state", state))
              if value is not None}
    filters, problems = indicator_filters(principal, params, latest)
    if problems:
        raise WebError(422, "invalid_filter", "筛选条件有误：" + "；".join(p.message for p in problems),
                       [p.to_dict() for p in problems])
    _known_unit(request, principal, params)
    return indicator_page(store_of(request), filters, limit, offset)
