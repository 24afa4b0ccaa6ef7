"""``/api/v1`` endpoints. Every one needs ``Authorization: Bearer <token>`` and applies the same
permission layer as the pages: a unit editor's token sees only its own unit (others → 404)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request
from fastapi import UploadFile as UploadedFile
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.datastructures import FormData, UploadFile

from perfbudget.app import evaluations
from perfbudget.app.acting import import_refusal
from perfbudget.app.audit_log import action_filter
from perfbudget.app.blocked import screen_json
from perfbudget.app.edits import save_edit
from perfbudget.app.exports import MEDIA_TYPES
from perfbudget.app.import_preview import dry_run_refusal
from perfbudget.app.import_refusals import record_refusal
from perfbudget.app.imports import (
    FORBIDDEN,
    ImportOutcome,
    ImportRequest,
    api_document_name,
    document_from_json,
    import_document,
    outcome_dict,
    preview,
)
from perfbudget.app.library import MOST_MERGED, MOST_REFERENCE, MOST_SPLIT
from perfbudget.app.overview import (
    HistoryRefused,
    build_dashboard,
    event_total,
    history_page,
    latest_evaluation,
    project_head,
    version_total,
    workflow_events_of,
)
from perfbudget.app.paging import CHANGES_PAGE, MOST_CHANGES_LIMIT, MOST_HISTORY_CHANGES, MOST_PAGE, PAGE
from perfbudget.app.project_view import ProjectView, load_view
from perfbudget.app.review_desk import reviewer_grade_of
from perfbudget.app.reviews import current_errors, review_file
from perfbudget.app.roles import Action, Principal
from perfbudget.app.times import utc_iso
from perfbudget.app.unit_name_clash import unit_name_problem
from perfbudget.app.validate import MAX_INTEGER, document_problems
from perfbudget.app.workflow import API_VERSION, STATE_LABELS, actor_of, step_dict, take_step
from perfbudget.interchange import InterchangeError, document_to_dict
from perfbudget.model import Problem, Severity, Source
from perfbudget.store.api import Store
from perfbudget.web import audit
from perfbudget.web.api import models as m
from perfbudget.web.api.files import raise_for_outcome
from perfbudget.web.api.openapi import (
    BEARER,
    INTERCHANGE_BODY,
    TAG_ACCOUNT,
    TAG_EVALUATION,
    TAG_IMPORT,
    TAG_LIBRARY,
    TAG_OVERVIEW,
    TAG_PROJECTS,
    TAG_WORKFLOW,
    TypedRoute,
)
from perfbudget.web.deps import api_user, client_ip
from perfbudget.web.errors import WebError, few_documents_at_once, forbidden, not_found
from perfbudget.web.evaluation import (
    API_BUDGET,
    API_FILE,
    form_problems,
    read_uploaded_sheet,
    rows_from_form,
    shown_problems,
)
from perfbudget.web.filenames import attachment
from perfbudget.web.monitor_access import require_monitor
from perfbudget.web.validation_text import invalid_summary
from perfbudget.web.views import settings_of, store_of

router = APIRouter(prefix="/api/v1", route_class=TypedRoute, dependencies=[Depends(BEARER)])
ERRORS = m.error_responses(401, 403, 404, 409, 422)


class EditBody(BaseModel):
    """A new version of one project: the version it was made on, and the document (one project)."""

    model_config = m.STRICT

    base_version: int = Field(..., description="所修改的版本号（乐观并发：项目已有更新版本时返回 409）")
    document: dict[str, Any] = Field(..., description='交换格式 perfbudget/1，恰好一个项目；'
                                                      '指标值可只给 {"raw": "≥95%"}')


class StepBody(BaseModel):
    model_config = m.STRICT

    action: str = Field(..., description="submit（送审）/ approve（审核通过）/ return（退回）/ reopen / comment")
    comment: str | None = None
    justification: str | None = Field(None, description="送审说明：最新版本有「错误」级审核意见时必填，记入流程记录")
    version: int | None = Field(None, ge=1, le=MAX_INTEGER,
                                description="审核通过时必填：审核人员看过的版本号（GET /projects/{id} 的 "
                                            "latest_version）；项目此后有了新版本时 409 stale_version，不审核通过；"
                                            "未写明时 422")


class IndicatorActualBody(BaseModel):
    model_config = m.STRICT

    position: int
    actual: str = ""
    grade: str | None = None
    score: str | None = None
    weight: str | None = Field(None, description="分值（可空：按默认分配；填写时含预算执行率合计须为 100）")
    deviation: str | None = None


class ActualsBody(BaseModel):
    model_config = m.STRICT

    executed: str = Field(..., description="全年执行数（文档的金额单位）")
    budget: str | None = Field(None, description="全年预算数（调整后；空：按预算数）")
    execution_weight: str | None = Field(None, description="预算执行率分值（空：10 分）")
    goal_result: str | None = None
    year: int | None = Field(None, ge=evaluations.YEARS[0], le=evaluations.YEARS[1],
                             description="评价年度（空：按项目的资金年度；项目表中没有资金年度时必填）")
    indicators: list[IndicatorActualBody] = []


def _document(data: dict[str, Any], file: str) -> Any:
    document = document_from_json(data, file)
    if isinstance(document, InterchangeError):
        raise WebError(422, "invalid_document", "不是有效的交换格式文档",
                       [{"location": document.path, "message": document.message}])
    invalid = document_problems(document, file)  # app/validate.py: before any review or store
    if invalid:
        raise WebError(422, "invalid_document", "文档中有不能保存的值", [p.message for p in invalid[:20]])
    return document


@router.get("/me", responses=ERRORS, response_model=m.Me, tags=[TAG_ACCOUNT],
            summary="当前令牌的用户")
def me(principal: Principal = Depends(api_user)) -> dict[str, Any]:
    return {"id": principal.id, "username": principal.username, "role": principal.role.value,
            "unit_code": principal.unit_code}


@router.get("/rules", responses=m.error_responses(401), response_model=list[m.RuleOut], tags=[TAG_WORKFLOW],
            summary="审核规则：编号、名称、维度、严重程度、参数与说明",
            description="与 perfbudget rules --json 相同：每条规则检查什么，用中文说明。")
def rules(principal: Principal = Depends(api_user)) -> list[dict[str, Any]]:
    from perfbudget.app.rule_list import rule_list

    return rule_list()


@router.get("/projects/{project_id}", responses=ERRORS, response_model=m.ProjectDetail, tags=[TAG_PROJECTS],
            summary="一个项目：交换格式文档与审核结果")
def get_project(request: Request, project_id: int, version: int | None = None,
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    with store_of(request).reading() as tx:
        view = load_view(tx, principal, project_id, settings_of(request), version)
        reviewer = reviewer_grade_of(tx, view.version.meta["version_id"])
    return {"project_id": project_id, "version": view.version.meta["version"],
            "latest_version": view.head.latest_version, "official_version": view.head.official_version,
            "revision_pending": view.head.revision_pending, "state": view.head.state,
            "state_label": STATE_LABELS[view.head.state],
            "review": {"grade": view.grade, "reviewer_grade": reviewer, "basis": list(view.basis),
                       # files by name, never a server's path
                       "findings": evaluations.names_only([f.to_dict() for f in view.findings])},
            "document": document_to_dict(view.version.document)}


@router.put("/projects/{project_id}", responses=ERRORS, response_model=m.EditResult, tags=[TAG_PROJECTS],
            summary="修改项目（生成新版本，乐观并发）")
def put_project(request: Request, project_id: int, body: EditBody,
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """项目名称、资金名称（fund_label）、资金来源、资金年度、表中的项目名称与标题、单位是项目的标识，不能修改：
    改了其中任何一项时 422 `identity_change`，逐项说明，并说明如何改名（把写有新名称的表格作为新项目导入）。
    金额按项目原有的金额单位（money_unit）存储：提交另一种金额单位时 422 `invalid`（不换算，不改单位）。"""
    with store_of(request).reading() as tx:
        head = project_head(tx, principal, project_id)
    if not principal.can(Action.EDIT, head.unit_code):
        raise forbidden("您的角色不能修改项目")
    document = _document(body.document, "api")
    if len(document.projects) != 1:
        raise WebError(422, "invalid_document", "文档应恰好包含一个项目")
    result = save_edit(store_of(request), settings_of(request), principal, project_id, body.base_version,
                       document.projects[0], via="api", ip=client_ip(request), unit=document.unit,
                       money_unit=document.money_unit)
    if result.status == "stale":
        raise WebError(409, "stale_version", result.message, {"latest_version": result.version})
    if result.status == "locked":
        raise WebError(409, "locked", result.message)
    if result.status == "identity":
        raise WebError(422, "identity_change", result.message)
    if result.status == "failed":
        raise WebError(422, "invalid", result.message, [p.message for p in result.problems])
    return {"status": result.status, "message": result.message, "version": result.version}


class ProjectDeleted(BaseModel):
    project_id: int = Field(..., description="删除的项目编号")
    versions: int = Field(..., description="随之删除的版本数")
    message: str


@router.delete("/projects/{project_id}", responses=m.error_responses(401, 403, 404, 409, 422),
               response_model=ProjectDeleted, tags=[TAG_PROJECTS],
               summary="（管理员）删除误导入的项目，同 perfbudget project delete")
def delete_project(request: Request, project_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """项目的全部版本、审核与自评记录、流程记录一并删除，记入审计日志（``project.delete``）。已送审的项目（须先退回）
    与审核通过的项目（含有修订稿待审的：正式记录）不能删除：409 ``not_deletable``；管理员以外的角色 403。"""
    from perfbudget.app.project_delete import DeleteRefused
    from perfbudget.app.project_delete import delete_project as delete

    with store_of(request).reading() as tx:
        project_head(tx, principal, project_id)  # 404 for a project the token cannot see
    try:
        outcome = delete(store_of(request), principal, project_id, ip=client_ip(request))
    except DeleteRefused as refused:
        if refused.forbidden:
            raise forbidden(str(refused)) from refused
        if refused.missing:
            raise WebError(404, "not_found", str(refused)) from refused
        raise WebError(409, "not_deletable", str(refused)) from refused
    return {"project_id": outcome.project_id, "versions": outcome.versions, "message": outcome.message}


@router.post("/documents", responses=ERRORS, response_model=m.ImportResult, tags=[TAG_IMPORT],
             summary="导入文档（交换格式）；dry_run=true 时只审核并说明导入会怎样，不导入",
             openapi_extra=INTERCHANGE_BODY)
def post_document(request: Request, body: dict[str, Any], dry_run: bool = False, force: bool = False,
                  allow_partial: bool = False,
                  skip_blocked: bool = Query(False, description=(
                      "有的表格有错误（不是有效的交换格式，或含有不能保存的值）时，只导入其余完整无误的表格，"
                      "有错误的在 refused_tables 中逐一列出；否则整个文档不导入（422 invalid_document，"
                      "details 逐条给出表格位置 table、名称 name、路径 location 与原因 message）")),
                  principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """`force=true` 确认会恢复旧内容或覆盖较新版本的导入（否则 409 `confirmation_required`）；对已送审、
    已审核项目的修改保存为修订稿（`notices` 说明），部署设置不接受修订时 409 `revision_refused`。
    一张表有错误只阻止它自己：不加 `skip_blocked=true` 时什么也不导入，422 逐一说明每张有错误的表；
    加上则导入其余完整无误的表（`dry_run=true` 时说明会怎样），有错误的表列在 `refused_tables` 中。"""
    store, settings = store_of(request), settings_of(request)
    file = api_document_name(principal)  # who sent it, by display name (app.imports)

    def refuse(error: WebError, unit_code: str | None, reasons: list[str] | None = None) -> WebError:
        # a refused import (not a dry run's) is kept in the audit log: who, which document, why (attack27)
        if not dry_run:
            record_refusal(store, actor_of(principal), file, reasons or [error.message], via="api",
                           unit_code=unit_code, ip=client_ip(request))
        return error

    if not principal.may(Action.EDIT):
        raise refuse(forbidden(import_refusal(principal, None) or ""), None)
    # as `perfbudget import --dry-run` refuses --force beside it (skip_blocked: the preview says what it would do)
    refusal = dry_run_refusal("dry_run=true", {"force": force, "allow_partial": allow_partial,
                                               "skip_blocked": skip_blocked}, "{}=true".format)
    if dry_run and refusal:
        raise WebError(422, "invalid", refusal)
    screened = screen_json(body, file)  # placed as stored: the answer's review says what the saved one says
    if screened.document is None:
        raise refuse(WebError(422, "invalid_document", "文档有错误，不能导入", screened.refusal()), None,
                     [str(d["message"]) for d in screened.refusal()])
    code = screened.document.unit.code
    not_allowed = import_refusal(principal, code)  # perfbudget import --user's words
    if not_allowed:
        raise refuse(forbidden(not_allowed), code)
    if screened.errors and not (skip_blocked and screened.can_import_rest):
        # never a partial import the caller did not ask for: each blocked table with its errors
        message = ("有的表格有错误，未导入任何内容；只导入其余完整无误的表格请加 skip_blocked=true"
                   if screened.can_import_rest else "文档有错误，不能导入")
        raise refuse(WebError(422, "invalid_document", message, screened.refusal()), code,
                     [str(d["message"]) for d in screened.refusal()])
    document = screened.document
    refused = screened.refused_tables(file)
    if dry_run and (taken := unit_name_problem(store, principal, document.unit)) is not None:
        # the import would refuse another unit's name (attack25): the dry run says so as the import does (it said
        # 「changed」 until attack27)
        raise_for_outcome(ImportOutcome(file, FORBIDDEN, problems=(Problem(Source(file), taken),)))
    report = review_file(store, document, settings)
    fates = preview(store, settings, document, file)
    plan = [] if isinstance(fates, str) else [replace(f, position=screened.positions[f.position]).to_dict()
                                               for f in fates]
    if dry_run:
        extra = {"refused_tables": [{"source": p.source.to_dict(), "message": p.message} for p in refused]}
        return {"status": "dry_run", "review": report.to_dict(), "plan": plan, **(extra if refused else {})}
    outcome = import_document(store, settings, document, file,
                              ImportRequest(actor_of(principal), "api", force=force, allow_partial=allow_partial,
                                            review=True, ip=client_ip(request), skip_blocked=skip_blocked,
                                            principal=principal))
    raise_for_outcome(outcome)
    if refused:
        outcome = replace(outcome, refused_tables=refused + outcome.refused_tables)
    return {**outcome_dict(outcome, "api"), "project_ids": [v.project_id for v in outcome.versions],
            "review": report.to_dict(), "plan": plan}


@router.get("/projects/{project_id}/history", responses=ERRORS, response_model=m.History, tags=[TAG_PROJECTS],
            summary="项目的版本与差异、流程记录")
def get_history(request: Request, project_id: int, limit: int = Query(PAGE, ge=1, le=MOST_PAGE),
                offset: int = Query(0, ge=0),
                workflow_limit: int = Query(PAGE, ge=1, le=MOST_PAGE, description="本页最多几条流程记录（最早的在前）"),
                workflow_offset: int = Query(0, ge=0, description="流程记录从第几条之后开始"),
                changes_limit: int = Query(CHANGES_PAGE, ge=1, le=MOST_CHANGES_LIMIT,
                                           description=f"每个版本最多列几处改动（limit × changes_limit 不超过 "
                                                       f"{MOST_HISTORY_CHANGES}）"),
                changes_offset: int = Query(0, ge=0, description="每个版本的改动从第几处之后开始"),
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    with store_of(request).reading() as tx:
        project_head(tx, principal, project_id)
        total = version_total(tx, project_id)
        try:
            versions = history_page(tx, project_id, limit, offset, changes_limit, changes_offset)
        except HistoryRefused as refused:  # too many changes (1,000 × 1,000 was answered) or too many characters
            raise WebError(422, "invalid", str(refused), [{"location": "query.changes_limit",
                                                           "message": str(refused)}]) from None
        steps = workflow_events_of(tx, project_id, workflow_limit, workflow_offset)
        step_total = event_total(tx, project_id)
    return {"total": total, "limit": limit, "offset": offset, "changes_limit": changes_limit,
            "changes_offset": changes_offset, "workflow_total": step_total,
            "workflow_limit": workflow_limit, "workflow_offset": workflow_offset,
            "versions": [{**evaluations.names_only(v), "imported_at": utc_iso(v["imported_at"]),  # files by name
                          "changes": [c.to_dict() for c in v["changes"]]} for v in versions],
            "workflow": [{**e, "at": utc_iso(e["at"])} for e in steps]}


@router.post("/projects/{project_id}/workflow", responses=ERRORS, response_model=m.StepResult,
             tags=[TAG_WORKFLOW], summary="流程操作：送审、审核通过、退回")
def post_workflow(request: Request, project_id: int, body: StepBody,
                  principal: Principal = Depends(api_user)) -> dict[str, Any]:
    store, settings = store_of(request), settings_of(request)
    with store.reading() as tx:
        project_head(tx, principal, project_id)
    # counted only for a 送审 the role allows (the role is checked first: take_step)
    def errors() -> int:
        return current_errors(store, settings, project_id)

    result = take_step(store, principal, project_id, body.action, body.comment, body.justification,
                       ip=client_ip(request), review_errors=errors, seen_version=body.version,
                       version_required=API_VERSION)  # (attack41: without it, the latest was approved)
    if not result.ok:
        if result.forbidden:
            raise WebError(403, "forbidden", result.message)
        if result.invalid:  # a missing version named as a present one is (its place, as pydantic's 0 says it)
            raise WebError(422, "invalid", result.message, [{"location": "body.version", "message": result.message}]
                           if result.unversioned else None)
        raise WebError(409, "justification_required" if result.needs_justification else
                       "stale_version" if result.stale else "workflow", result.message)
    return step_dict(result)


@router.get("/projects/{project_id}/reviews", responses=ERRORS, response_model=m.ReviewRecords,
            tags=[TAG_PROJECTS], summary="项目保存过的历次审核结果与审核人员的评定（同 perfbudget reviews）")
def get_review_records(request: Request, project_id: int,
                       year: int | None = Query(None, ge=1000, le=9999, description="只列该年度的审核记录"),
                       principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """每条审核记录：所审版本、年度、等级、错误与警告数、审核人、时间；当前的审核意见见 ``GET /projects/{id}``。"""
    from perfbudget.app.stored_records import review_items

    store = store_of(request)
    with store.reading() as tx:
        project_head(tx, principal, project_id)  # 404 for a project the token may not read
    return {"project_id": project_id, **review_items(store, project_id, year)}


@router.get("/projects/{project_id}/reviews/{record_id}", responses=ERRORS, response_model=m.SavedReviewOut,
            tags=[TAG_PROJECTS],
            summary="一次保存的审核结果：每条审核意见与审核等级（同 perfbudget reviews 项目 --show 编号）")
def get_review_record(request: Request, project_id: int, record_id: int,
                      principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """记录编号见 ``GET /projects/{id}/reviews``；不是该项目的记录时 404。"""
    from perfbudget.app.stored_records import saved_review_item

    return _saved_record(request, principal, project_id, record_id, saved_review_item, "审核记录")


@router.get("/projects/{project_id}/evaluations/{record_id}", responses=ERRORS,
            response_model=m.SavedEvaluationOut, tags=[TAG_EVALUATION],
            summary="一次保存的自评或运行监控结果（同 perfbudget evaluations 项目 --show 编号）")
def get_evaluation_record(request: Request, project_id: int, record_id: int,
                          principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """记录编号见 ``GET /projects/{id}/evaluations``；自评的结果在 ``evaluation``，运行监控的在 ``monitoring``；
    不是该项目的记录时 404。"""
    from perfbudget.app.stored_records import saved_evaluation_item

    return _saved_record(request, principal, project_id, record_id, saved_evaluation_item, "评价记录")


def _saved_record(request: Request, principal: Principal, project_id: int, record_id: int,
                  find: Callable[[Any, int, int], dict[str, Any] | None], what: str) -> dict[str, Any]:
    """A saved record of a project the token may read (404 for another), by ``find``; 404 naming ``what`` when the
    project holds no such record."""
    store = store_of(request)
    with store.reading() as tx:
        project_head(tx, principal, project_id)  # 404 for a project the token may not read
    item = find(store, project_id, record_id)
    if item is None:
        raise not_found(f"该项目编号为 {record_id} 的{what}")
    return item


@router.get("/projects/{project_id}/evaluations", responses=ERRORS, response_model=m.EvaluationRecords,
            tags=[TAG_EVALUATION], summary="项目保存过的历次自评与运行监控记录（同 perfbudget evaluations）")
def get_evaluation_records(request: Request, project_id: int,
                           kind: str | None = Query(None,
                                                    description="self-evaluation（自评）或 monitoring（运行监控）"),
                           year: int | None = Query(None, ge=evaluations.YEARS[0], le=evaluations.YEARS[1],
                                                    description="只列该年度的记录"),
                           principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """每条记录：时间、所评版本、年度、总分与等级或预警灯、填报人、填报表（文件名）；完整结果见
    ``GET /projects/{id}/evaluation``（最近一次自评）与 ``/monitoring``。"""
    from perfbudget.app.stored_records import evaluation_items, kind_problem

    problem = kind_problem(kind)
    if problem:
        raise WebError(422, "invalid", problem, [{"location": "query.kind", "message": problem}])
    store = store_of(request)
    with store.reading() as tx:
        project_head(tx, principal, project_id)  # 404 for a project the token may not read
    return {"project_id": project_id, "evaluations": evaluation_items(store, project_id, kind, year)}


@router.get("/projects/{project_id}/evaluation", responses=ERRORS, response_model=m.StoredEvaluation,
            tags=[TAG_EVALUATION], summary="最近一次自评结果")
def get_evaluation(request: Request, project_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    with store_of(request).reading() as tx:
        project_head(tx, principal, project_id)
        row = latest_evaluation(tx, project_id)
    if row is None:
        raise not_found("该项目的自评结果")
    return {"total": row["total"], "grade": row["grade"], "version": row["version"], **evaluations.saved_by(row),
            "evaluation": row["payload"]}


def _view_to_evaluate(request: Request, principal: Principal, project_id: int) -> tuple[Store, ProjectView]:
    """The store and the project's official version, once the caller may evaluate it and it is approved
    (403 / 409 otherwise): what both evaluation routes ask first."""
    store, settings = store_of(request), settings_of(request)
    with store.reading() as tx:
        view = load_view(tx, principal, project_id, settings)  # the official version
    cannot = evaluations.role_refusal(principal, [view.head.unit_code])
    if cannot:
        raise forbidden(cannot)
    refused = evaluations.refusal(store, settings, [project_id])
    if refused:
        raise WebError(409, "not_approved", refused)
    return store, view


@router.post("/projects/{project_id}/evaluation", responses=ERRORS, response_model=m.StoredEvaluation,
             tags=[TAG_EVALUATION], summary="填报实际完成值并自评打分")
def post_evaluation(request: Request, project_id: int, body: ActualsBody,
                    principal: Principal = Depends(api_user)) -> dict[str, Any]:
    store, view = _view_to_evaluate(request, principal, project_id)
    document = view.version.document
    _check_positions(body.indicators, len(document.projects[0].indicators))
    fields: list[tuple[str, str | UploadFile]] = [
        ("executed", body.executed), ("goal_result", body.goal_result or ""), ("budget", body.budget or ""),
        ("execution_weight", body.execution_weight or "")]
    for item in body.indicators:
        fields += [(f"actual_{item.position}", item.actual), (f"grade_{item.position}", item.grade or ""),
                   (f"score_{item.position}", item.score or ""), (f"deviation_{item.position}", item.deviation or ""),
                   (f"weight_{item.position}", item.weight or "")]
    rows = rows_from_form(document, FormData(fields), API_FILE)
    evaluation, problems = evaluations.score(document, rows, [], API_FILE)
    if evaluation is None:  # each problem named by the request's position (第 n 个指标「…」), as the page does
        raise WebError(422, "evaluation_failed", "未能打分", shown_problems(form_problems(document, rows, problems,
                                                                            budget_words=API_BUDGET)[0]))
    result = evaluation.projects[0]
    total = result.to_dict()["total"]
    years = {project_id: body.year} if body.year is not None else {}
    try:
        evaluations.save(store, actor_of(principal), [(view.version, evaluation)], years, ip=client_ip(request))
    except evaluations.YearNeeded as needed:
        raise WebError(422, "year_required", needed.message,
                       [{"location": "body.year", "message": needed.message}]) from None
    return {"total": total, "grade": result.grade, "version": view.version.meta["version"],
            **evaluations.saved_by(principal),
            "evaluation": evaluations.names_only(evaluations.as_kept(evaluation, view.version).to_dict()),
            "notes": [str(p) for p in problems if p.severity is not Severity.ERROR]}  # the page's 提示, alike


_SHEET_HELP = "自评填报表（xlsx 或 CSV，perfbudget template 或网页上的填报表），或单位的绩效自评表（按表中数字打分）"


@router.post("/projects/{project_id}/evaluation/sheet", responses={**ERRORS, **m.error_responses(413)},
             response_model=m.StoredEvaluation, tags=[TAG_EVALUATION],
             summary="上传填好的自评填报表（或单位的绩效自评表）并自评打分，同 perfbudget evaluate --save")
async def post_evaluation_sheet(request: Request, project_id: int,
                                file: UploadedFile = File(..., description=_SHEET_HELP),
                                year: int | None = Form(None, ge=evaluations.YEARS[0], le=evaluations.YEARS[1],
                                                        description="评价年度（空：按项目的资金年度；表中没有资金年度时"
                                                                    "必填）"),
                                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """与网页上传、``perfbudget evaluate PROJECT --db … -a 填报表 --save`` 相同（replay-q 之前接口只收 JSON 的
    实际完成值，填好的填报表只能在网页或命令行上打分）：填报表有错误时 422 ``evaluation_failed``，
    列出每个错误及其行号，不保存。"""
    store, view = _view_to_evaluate(request, principal, project_id)
    rows, sheet_problems, name = await read_uploaded_sheet(request, file, "evaluation", "自评填报表")
    document = view.version.document
    evaluation, problems = evaluations.score(document, rows, sheet_problems, name)
    if evaluation is None:
        raise WebError(422, "evaluation_failed", "未能打分", shown_problems(problems))
    result = evaluation.projects[0]
    try:
        evaluations.save(store, actor_of(principal), [(view.version, evaluation)],
                         {project_id: year} if year is not None else {}, ip=client_ip(request))
    except evaluations.YearNeeded as needed:
        raise WebError(422, "year_required", needed.message,
                       [{"location": "body.year", "message": needed.message}]) from None
    return {"total": result.to_dict()["total"], "grade": result.grade, "version": view.version.meta["version"],
            **evaluations.saved_by(principal),
            "evaluation": evaluations.names_only(evaluations.as_kept(evaluation, view.version).to_dict()),
            "notes": [str(p) for p in problems if p.severity is not Severity.ERROR]}


def _check_positions(items: list[IndicatorActualBody], count: int) -> None:
    """422 ``invalid`` for an indicator position the project does not have or given twice: each would be dropped
    or overwritten without a word (replay-f: position 99 was ignored and the 自评 saved)."""
    details, seen = [], set()
    for at, item in enumerate(items):
        if not 1 <= item.position <= count:
            details.append({"location": f"body.indicators.{at}.position",
                            "message": f"没有第 {item.position} 个指标（该项目共 {count} 个指标，应为 1–{count}）"})
        elif item.position in seen:
            details.append({"location": f"body.indicators.{at}.position",
                            "message": f"第 {item.position} 个指标重复填写"})
        seen.add(item.position)
    if details:
        raise WebError(422, "invalid", invalid_summary(details), details)


@router.get("/projects/{project_id}/monitoring", responses=ERRORS, response_model=m.StoredMonitoring,
            tags=[TAG_EVALUATION], summary="最近一次运行监控结果")
def get_monitoring(request: Request, project_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    with store_of(request).reading() as tx:
        project_head(tx, principal, project_id)
    row = evaluations.latest_monitoring(store_of(request), project_id)
    if row is None:
        raise not_found("该项目的运行监控结果")
    return {"month": row["month"], "colour": row["colour"], "colour_label": row["colour_label"],
            "version": row["version"], **evaluations.saved_by(row), "monitoring": row["payload"]}


@router.post("/projects/{project_id}/monitoring", responses={**ERRORS, **m.error_responses(413)},
             response_model=m.StoredMonitoring, tags=[TAG_EVALUATION],
             summary="上传运行监控填报表，计算预警并保存")
async def post_monitoring(request: Request, project_id: int,
                          month: int = Form(..., ge=1, le=12, description="监控截至月份 M（1–12）"),
                          file: UploadedFile = File(..., description="运行监控填报表（xlsx 或 CSV，perfbudget template "
                                                                   "--kind monitor 或网页上的填报表），或单位的"
                                                                   "绩效监控表（其监控期间须为 month）"),
                          year: int | None = Form(None, ge=evaluations.YEARS[0], le=evaluations.YEARS[1],
                                                  description="监控年度（空：按项目的资金年度；表中没有资金年度时必填）"),
                          principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """与网页上传、`perfbudget monitor --save` 相同：填报表有错误时 422，列出每个错误及其行号，不保存。"""
    with store_of(request).reading() as tx:
        view = load_view(tx, principal, project_id, settings_of(request))  # the official version
    require_monitor(request, principal, view, officer=False)
    rows, sheet_problems, name = await read_uploaded_sheet(request, file, "monitor", "监控填报表", month)
    monitoring, problems = evaluations.monitor(view.version.document, rows, sheet_problems, name, month)
    if monitoring is None:
        raise WebError(422, "monitoring_failed", "未能计算运行监控预警", shown_problems(problems))
    try:
        evaluations.save_monitorings(store_of(request), actor_of(principal), [(view.version, monitoring)],
                                     {project_id: year} if year is not None else {}, month, ip=client_ip(request))
    except evaluations.YearNeeded as needed:
        raise WebError(422, "year_required", needed.message,
                       [{"location": "body.year", "message": needed.message}]) from None
    colour = monitoring.projects[0].colour
    return {"month": month, "colour": colour, "colour_label": evaluations.colour_label(colour),
            "version": view.version.meta["version"], **evaluations.saved_by(principal),
            "monitoring": evaluations.names_only(evaluations.as_kept(monitoring, view.version).to_dict())}


@router.get("/dashboard", responses=ERRORS, response_model=m.DashboardOut, tags=[TAG_OVERVIEW],
            summary="年度汇总")
def get_dashboard(request: Request, year: int | None = None,
                  principal: Principal = Depends(api_user)) -> dict[str, Any]:
    version = request.app.state.data_version.current()
    with store_of(request).reading() as tx:
        scope = "*" if principal.all_units else principal.unit_code
        board = request.app.state.cache.get_or_compute(version, ("dashboard", scope, year),
                                                       lambda: build_dashboard(tx, principal, year))
    return {"year": year, "units": board.units, "projects": board.projects, "budget_total": str(board.budget_total),
            "review_grades": board.grades, "findings_by_dimension": board.dimensions,
            "evaluation_grades": board.evaluation_grades, "workflow_states": board.states}


@router.get("/audit", responses=ERRORS, response_model=m.AuditPage, tags=[TAG_OVERVIEW],
            summary="审计日志（管理员）")
def get_audit(request: Request, limit: int = Query(PAGE, ge=1, le=MOST_PAGE), offset: int = Query(0, ge=0),
              action: str | None = Query(None, description="只列该操作：代码或中文名称，如 workflow.approve 或"
                                                           "「审核通过」；未知的操作 422 invalid_filter"),
              user: str | None = Query(None, description="只列该账号的操作（账号名或显示名称）"),
              project: int | None = Query(None, ge=1, description="只列该项目编号的记录（含带来其版本的导入、申报）"),
              principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """与 `perfbudget audit --action/--user/--project --json` 和网页「审计日志」相同的记录（最新的在前）。"""
    if not principal.may(Action.ADMIN):
        raise forbidden("仅管理员可以查看审计日志")
    action, problem = action_filter(action)
    if problem is not None:
        raise WebError(422, "invalid_filter", "筛选条件有误：" + problem.message, [problem.to_dict()])
    entries, total = audit.entries(store_of(request), limit=limit, offset=offset, action=action,
                                   username=user or None, project=project)
    return {"total": total, "limit": limit, "offset": offset, "items": [e.to_dict() for e in entries]}


@router.get("/audit/{entry_id}", responses=ERRORS, response_model=m.AuditEntryOut, tags=[TAG_OVERVIEW],
            summary="审计日志的一条，修改前与修改后完整给出（管理员）")
def get_audit_entry(request: Request, entry_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    if not principal.may(Action.ADMIN):
        raise forbidden("仅管理员可以查看审计日志")
    entries, _ = audit.entries(store_of(request), limit=1, entry_id=entry_id, values_up_to=None)
    if not entries:
        raise not_found("该审计日志条目")
    return entries[0].to_dict()


# ---- indicator library (read-only: the same answers as perfbudget library search / show / similar) ------

@router.get("/library", responses=m.error_responses(401, 422), response_model=m.LibrarySearch, tags=[TAG_LIBRARY],
            summary="按名称查找指标组，按相关程度排序")
def get_library(request: Request, q: str = Query(..., min_length=1, max_length=100, description="指标名称或其中的词"),
                limit: int = Query(10, ge=1, le=100), principal: Principal = Depends(api_user)) -> dict[str, Any]:
    from perfbudget.library.query import search, search_text_problem

    problem = search_text_problem(q)
    if problem:
        raise WebError(422, "invalid", problem, [{"location": "query.q", "message": problem}])
    return {"groups": search(store_of(request), q.strip(), limit, unit=principal.only_unit)}


@router.get("/library/export/{fmt}", response_class=Response, tags=[TAG_LIBRARY],
            responses={**m.error_responses(401, 422), 200: {
                "description": "指标库（附件；json 为 {\"groups\": [...]}）", "model": m.LibraryExport,
                "content": {MEDIA_TYPES["xlsx"]: {"schema": {"type": "string", "format": "binary"}}}}},
            summary="导出指标库（共性指标库）：xlsx 或 json，同 perfbudget library export")
def export_library_file(request: Request, fmt: str,
                        min_count: int = Query(1, ge=1, le=1_000_000, description="只导出至少有这么多个指标的组"),
                        principal: Principal = Depends(api_user)) -> Response:
    """各组名称、位置、方向、计量单位、指标值分布和包含的名称；格式不是 xlsx 或 json 时 422，说法与命令行相同。"""
    from perfbudget.app.library import export_library, export_problem

    problem = export_problem(fmt)
    if problem:
        raise WebError(422, "invalid", problem, [{"location": "path.fmt", "message": problem}])
    with few_documents_at_once():
        content, _ = export_library(store_of(request), fmt, min_count)
    return attachment(content, f"指标库.{fmt}", MEDIA_TYPES[fmt])


@router.get("/library/groups/{group_id}", responses=m.error_responses(401, 404, 422),
            response_model=m.LibraryGroupDetail, tags=[TAG_LIBRARY],
            summary="一个指标组：名称及归并理由、位置、方向、各计量单位的指标值分布、示例项目")
def get_library_group(request: Request, group_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    from perfbudget.library.query import show

    detail = show(store_of(request), str(group_id), unit=principal.only_unit)
    if detail is None or "ambiguous" in detail:
        raise not_found("指标库中的这一组")
    return detail


@router.get("/projects/{project_id}/similar", responses=ERRORS, response_model=m.SimilarProjects,
            tags=[TAG_LIBRARY], summary="与一个项目最相似的项目及其指标和指标值")
def get_similar(request: Request, project_id: int, limit: int = Query(5, ge=1, le=50),
                principal: Principal = Depends(api_user)) -> dict[str, Any]:
    from perfbudget.library.query import similar_projects

    store = store_of(request)
    with store.reading() as tx:
        project_head(tx, principal, project_id)  # 404 for a project the token may not see
    return {"project_id": project_id, "similar": similar_projects(store, project_id, limit, unit=principal.only_unit)}


# ---- the library's admin actions (as the group page's forms and perfbudget library merge / split / rename) ----

class LibraryRenameBody(BaseModel):
    model_config = m.STRICT

    name: str = Field(..., description="组的新名称")


_LibraryReference = Annotated[str, Field(max_length=MOST_REFERENCE)]


class LibraryMergeBody(BaseModel):
    model_config = m.STRICT

    others: list[_LibraryReference] = Field(..., max_length=MOST_MERGED,
                                            description=f"并入本组的其他组：编号或名称（一次最多 {MOST_MERGED} 个）")


class LibrarySplitBody(BaseModel):
    model_config = m.STRICT

    names: list[_LibraryReference] = Field(..., max_length=MOST_SPLIT,
                                           description=f"从本组拆分出去、单独成一组的名称（一次最多 {MOST_SPLIT} 个）")


class LibraryOutcome(BaseModel):
    group_id: int = Field(..., description="操作后的组（合并、改名：本组；拆分：新组）")
    message: str


def _library_admin(request: Request, act: Any) -> dict[str, Any]:
    from perfbudget.app.library import LibraryRefused

    try:
        outcome = act()
    except LibraryRefused as refused:
        message = str(refused)
        if "须由管理员操作" in message:
            raise forbidden(message) from refused
        raise WebError(422, "invalid", message) from refused
    return {"group_id": outcome.group_id, "message": outcome.message}


@router.post("/library/groups/{group_id}/rename", responses=ERRORS, response_model=LibraryOutcome,
             tags=[TAG_LIBRARY], summary="（管理员）给一个组改名；重新生成指标库时仍然有效")
def rename_library_group(request: Request, group_id: int, body: LibraryRenameBody,
                         principal: Principal = Depends(api_user)) -> dict[str, Any]:
    from perfbudget.app import library as library_app

    return _library_admin(request, lambda: library_app.rename(store_of(request), principal, str(group_id), body.name,
                                                              ip=client_ip(request)))


@router.post("/library/groups/{group_id}/merge", responses=ERRORS, response_model=LibraryOutcome,
             tags=[TAG_LIBRARY], summary="（管理员）把其他组并入这一组；重新生成指标库时仍然有效")
def merge_library_groups(request: Request, group_id: int, body: LibraryMergeBody,
                         principal: Principal = Depends(api_user)) -> dict[str, Any]:
    from perfbudget.app import library as library_app

    return _library_admin(request, lambda: library_app.merge(store_of(request), principal, str(group_id), body.others,
                                                             ip=client_ip(request)))


@router.post("/library/groups/{group_id}/split", responses=ERRORS, response_model=LibraryOutcome,
             tags=[TAG_LIBRARY], summary="（管理员）把这一组的若干名称拆分出来，单独成一组")
def split_library_group(request: Request, group_id: int, body: LibrarySplitBody,
                        principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """``group_id``：名称所在的组（名称须都在这一组中）。"""
    from perfbudget.app import library as library_app

    names = [n for n in body.names if n.strip()]
    return _library_admin(request, lambda: library_app.split(store_of(request), principal, names,
                                                             ip=client_ip(request), group=group_id))
