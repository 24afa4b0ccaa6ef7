"""``/api/v1`` reviewer's desk: the same decisions as the desk page (``web/routes/review_desk.py``) and
``perfbudget desk``, through the same use cases (:mod:`perfbudget.app.review_desk`): the same rules, refusals,
audit entries and messages. A refusal for the role is 403, for what was asked 422, an unknown finding 404."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import Field

from perfbudget.app import review_desk as desk_app
from perfbudget.app.roles import Principal
from perfbudget.app.validate import MAX_INTEGER
from perfbudget.app.workflow import API_ITEM
from perfbudget.web.api import models as m
from perfbudget.web.api.openapi import BEARER, TAG_WORKFLOW, TypedRoute
from perfbudget.web.deps import api_user, client_ip
from perfbudget.web.errors import WebError
from perfbudget.web.views import settings_of, store_of

router = APIRouter(prefix="/api/v1", route_class=TypedRoute, dependencies=[Depends(BEARER)])
ERRORS = m.error_responses(401, 403, 404, 422)


class DecisionBody(m.Body):
    key: str = Field(..., max_length=64, description="审核发现的标识（GET …/desk 的 findings[].key）")
    decision: Literal["dismissed", "confirmed"] = Field(..., description="dismissed（驳回，不成立）/ confirmed（确认）")
    reason: str = Field(..., max_length=5000, description="理由（必填）")


class CommentBody(m.Body):
    place: str = Field(..., max_length=64, description="单元格（GET …/desk 的 places[].place，如 indicator:1:target）")
    text: str = Field(..., max_length=5000)


class GradeBody(m.Body):
    grade: str = Field(..., max_length=8, description="优 / 良 / 中 / 差")
    reason: str = Field("", max_length=5000)


class SeenProject(m.Body):
    project_id: int
    version: int = Field(..., ge=1, le=MAX_INTEGER, description="看过的版本号（GET /projects/{id} 的 latest_version）")


class BatchBody(m.Body):
    project_ids: list[int] = Field([], max_length=desk_app.MOST_BATCH,
                                   description=f"项目编号（一次最多 {desk_app.MOST_BATCH} 个）；审核通过须在 projects "
                                               "中写明看过的版本，只写编号的项目不审核通过")
    action: str = Field(..., description="approve（审核通过）/ return（退回，须写意见）")
    comment: str = ""
    projects: list[SeenProject] = Field([], max_length=desk_app.MOST_BATCH,
                                        description="项目及审核人员看过的版本号：项目此后有了新版本时不审核通过该项目"
                                                    "（与 project_ids 合计最多 100 个）")


def _refused(refused: desk_app.DeskRefused) -> WebError:
    return WebError(403, "forbidden", str(refused)) if refused.forbidden else WebError(422, "invalid", str(refused))


def _act(action: Callable[[], object]) -> dict[str, Any]:
    try:
        action()
    except desk_app.DeskRefused as refused:
        raise _refused(refused) from None
    return {"message": desk_app.SAVED}


@router.get("/projects/{project_id}/desk", responses=ERRORS, response_model=m.Desk, tags=[TAG_WORKFLOW],
            summary="审核台：审核发现（含标识与处理）、单元格意见、审核人员评定等级")
def get_desk(request: Request, project_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    desk = desk_app.load_desk(store_of(request), principal, project_id, settings_of(request))
    return desk_app.desk_dict(desk, principal)


@router.post("/projects/{project_id}/desk/decisions", responses=ERRORS, response_model=m.DeskSaved,
             tags=[TAG_WORKFLOW], summary="驳回或确认一条审核发现（须写理由）")
def post_decision(request: Request, project_id: int, body: DecisionBody,
                  principal: Principal = Depends(api_user)) -> dict[str, Any]:
    return _act(lambda: desk_app.decide(store_of(request), principal, project_id, settings_of(request), body.key,
                                        body.decision, body.reason, client_ip(request)))


@router.post("/projects/{project_id}/desk/comments", responses=ERRORS, response_model=m.DeskSaved,
             tags=[TAG_WORKFLOW], summary="对一个单元格提出意见")
def post_comment(request: Request, project_id: int, body: CommentBody,
                 principal: Principal = Depends(api_user)) -> dict[str, Any]:
    return _act(lambda: desk_app.comment(store_of(request), principal, project_id, settings_of(request), body.place,
                                         body.text, client_ip(request)))


@router.post("/projects/{project_id}/desk/grade", responses=ERRORS, response_model=m.DeskSaved,
             tags=[TAG_WORKFLOW], summary="审核人员评定等级（正式等级）")
def post_grade(request: Request, project_id: int, body: GradeBody,
               principal: Principal = Depends(api_user)) -> dict[str, Any]:
    return _act(lambda: desk_app.grade(store_of(request), principal, project_id, settings_of(request), body.grade,
                                       body.reason, client_ip(request)))


@router.post("/review/batch", responses=ERRORS, response_model=m.BatchResult, tags=[TAG_WORKFLOW],
             summary="批量审核通过或退回（每个项目单独一步，各自可能被拒绝）")
def post_batch(request: Request, body: BatchBody, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    store = store_of(request)
    seen, twice = desk_app.seen_versions(((p.project_id, p.version) for p in body.projects), "请只写一个版本")
    try:
        if twice is not None:
            raise desk_app.DeskRefused(twice)
        results = desk_app.batch_step(store, principal, [*body.project_ids, *(p.project_id for p in body.projects)],
                                      body.action, body.comment.strip(), client_ip(request), seen,
                                      version_required=API_ITEM)
    except desk_app.DeskRefused as refused:
        raise _refused(refused) from None
    return desk_app.batch_dict(store, principal, results)
