"""``/api/v1`` files: upload a document in any form the readers take (preview, then import), and
download the official tables (绩效目标表 of a project or of a unit's publication, 自评表).

Uploads follow the web's upload exactly (``web/routes/upload.py``): the file waits in the web's
``uploads`` table; the preview says what was read, what the review found and each table's fate
(:func:`perfbudget.app.imports.preview`); the import (:func:`perfbudget.app.imports.import_document`)
takes ``force`` (confirmation), ``allow_partial`` (cut-off tables) and the versions the preview
showed (``expected``: another writer in between → 409 ``stale_version``). Downloads go through
:mod:`perfbudget.app.exports` and :mod:`perfbudget.app.publication`.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any, BinaryIO, Literal

from fastapi import APIRouter, Depends, File, Path, Query, Request, UploadFile
from fastapi.responses import Response
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from perfbudget.app import evaluations
from perfbudget.app.acting import document_unit_problem
from perfbudget.app.blocked import Screened, screen_result, where
from perfbudget.app.exports import (
    MEDIA_TYPES,
    TARGET_FORMATS,
    evaluation_file,
    evaluation_file_name,
    monitoring_file,
)
from perfbudget.app.import_preview import file_plan
from perfbudget.app.import_refusals import record_refusal
from perfbudget.app.imports import (
    ImportOutcome,
    ImportRequest,
    import_document,
    outcome_dict,
    preview,
)
from perfbudget.app.overview import latest_evaluation, project_head
from perfbudget.app.reviews import review_file
from perfbudget.app.roles import Action, Principal
from perfbudget.app.workflow import actor_of
from perfbudget.evaluate.result import evaluation_from_dict
from perfbudget.interchange import document_to_dict
from perfbudget.kind_labels import document_kind_label, project_kind_label
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Problem
from perfbudget.web import uploads
from perfbudget.web.api import models as m
from perfbudget.web.api.openapi import BEARER, TAG_FILES, TAG_IMPORT, TypedRoute
from perfbudget.web.deps import api_user, client_ip, engine_of
from perfbudget.web.downloads import target_table_download
from perfbudget.web.errors import WebError, few_documents_at_once, forbidden, not_found
from perfbudget.web.filenames import attachment, upload_name
from perfbudget.web.upload_reads import Reading
from perfbudget.web.views import settings_of, store_of
from perfbudget.writers.monitoring_layout import monitoring_period

router = APIRouter(prefix="/api/v1", route_class=TypedRoute, dependencies=[Depends(BEARER)])
ERRORS = m.error_responses(401, 403, 404, 409, 413, 422)
BUSY = m.error_responses(429)  # a publication or an opinion while the process writes as many as it may at once
Format = Literal["xlsx", "docx", "html", "json"]
BINARY = {"schema": {"type": "string", "format": "binary"}}


def _file_responses(json_model: type[m.Model], what: str) -> dict[int | str, dict[str, Any]]:
    content: dict[str, Any] = {MEDIA_TYPES[f]: BINARY for f in ("xlsx", "docx")}
    content[MEDIA_TYPES["html"]] = {"schema": {"type": "string"}}
    content[MEDIA_TYPES["json"]] = {"schema": {"$ref": f"#/components/schemas/{json_model.__name__}"}}
    return {**ERRORS, 200: {"description": f"{what}（附件；格式由路径中的 fmt 决定）", "content": content}}


# ---- uploads ------------------------------------------------------------------------------------

class ExpectedVersion(m.Body):
    position: int = Field(..., ge=1, description="表在文件中的位置（预览 plan 的 position）")
    latest_version: int | None = Field(..., description="预览时该项目的最新版本（新项目为 null）")


class UploadImportBody(m.Body):
    force: bool = Field(False, description="确认导入：会恢复旧内容或覆盖较新版本时必须为 true")
    allow_partial: bool = Field(False, description="保存不完整（中断）的表格，并标记为「不完整」")
    skip_blocked: bool = Field(False, description="有的表格有错误（见预览的 blocked_tables）、或部署不接受对已送审、"
                                                  "已审核项目的导入修改（预览中为 refused）时，只导入其余完整无误的"
                                                  "表格，未导入的在 refused_tables 中逐一说明；否则整个文件不导入"
                                                  "（422 import_failed 或 409 revision_refused，逐个列出原因）")
    expected: list[ExpectedVersion] | None = Field(
        None, description="预览时各表的版本；导入前项目已被他人修改则 409 stale_version")


class PreviewProject(m.Model):
    seq: int
    name: str
    fund_year: int | None
    indicators: int
    complete: bool = Field(..., description="表格是否完整（未中断）")
    kind_label: str = Field(..., description="这张表是什么：项目支出绩效目标表、部门整体支出绩效目标表、"
                                             "…自评表、…监控表")


class BlockedProblem(m.Model):
    source: m.SourceRef
    where: str = Field(..., description="位置（如「第46行」「第1页 表2 第3行」）")
    message: str


class BlockedTableOut(m.Model):
    position: int = Field(..., description="表在文件中的位置")
    name: str = Field(..., description="读到的项目名称（可能为空）")
    reason: str = Field(..., description="不能导入的原因（各错误及位置）")
    problems: list[BlockedProblem]


class UploadPreview(m.Model):
    upload_id: int
    file: str
    form: str | None = Field(..., description="读取时识别的格式（docx、xlsx、pdf、html、text …）")
    kind: str | None = Field(..., description="表格种类：target（目标表）、self-evaluation（自评表）、"
                                              "monitoring（监控表）")
    kind_label: str | None = Field(..., description="文件中的表格是什么，同网页预览的「表格：」"
                                                    "（如「部门整体支出绩效目标表」）")
    read_ok: bool = Field(..., description="读取无错误")
    problems: list[m.ProblemOut] = Field(..., description="读取时发现的问题（带位置）")
    projects: list[PreviewProject]
    document: m.InterchangeDocument | None = Field(..., description="读到的文档（交换格式）")
    review: m.ReviewReport | None
    plan: list[m.TableFateOut] = Field(..., description="每张表导入后会怎样：新项目、新版本、修订稿、需确认、不能导入")
    blocked: str | None = Field(..., description="整个文件不能导入的原因（如其他单位的文件）")
    blocked_tables: list[BlockedTableOut] = Field(..., description="有错误、不能导入的表格，各有原因")
    file_errors: list[m.ProblemOut] = Field(..., description="不属于某一表格的错误：整个文件不能导入")
    rest_count: int = Field(..., description="有表格被阻止时，其余可以导入的完整无误的表格数")
    can_import_rest: bool = Field(..., description="可以用 skip_blocked=true 只导入其余的表格")
    needs_confirmation: bool = Field(..., description="有「需确认」的表：导入时须 force=true")
    incomplete: bool = Field(..., description="有不完整的表：allow_partial=true 才保存它们")
    needs_allow_partial: bool = Field(..., description="可导入的表格全都不完整：只有 allow_partial=true 才能导入"
                                                       "（此时 can_import 为 false）")
    can_import: bool = Field(..., description="不加 allow_partial 也可以导入整个文件")
    same_file_as: int | None = Field(..., description="与之字节相同、已导入过的文档编号：导入为 unchanged，"
                                                      "不读取、不改动（plan 为 force=true 导入时的情况）；否则为 null")
    notices: list[str] = Field(..., description="字节相同的文件：此后内容已不同的项目，各有说明（不按此文件恢复）")


class Discarded(m.Model):
    upload_id: int
    status: Literal["discarded"]


def _require_editor(principal: Principal) -> None:
    if not principal.may(Action.EDIT):
        raise forbidden("您的角色不能上传导入文件")


def _load(request: Request, name: str, data: bytes) -> LoadResult:
    return load_bytes(data, name, limits=request.app.state.config.limits)


def _problems(result: LoadResult) -> list[dict[str, Any]]:
    return [{"source": p.source.to_dict(), "severity": p.severity.value, "message": p.message}
            for p in result.problems]


def _preview(request: Request, principal: Principal, upload_id: int, name: str, data: bytes) -> dict[str, Any]:
    result = _load(request, name, data)
    screened = screen_result(result, name, validate=True)
    # kept for the import with the SHA-256 of these bytes: importing checks it against the stored upload's
    sha256 = hashlib.sha256(data).hexdigest()
    request.app.state.upload_readings.keep(principal.id, upload_id, Reading(name, sha256, result, screened))
    return _preview_of(request, principal, upload_id, name, result, screened, sha256)


def _preview_of(request: Request, principal: Principal, upload_id: int, name: str, result: LoadResult,
                screened: Screened, sha256: str) -> dict[str, Any]:
    """The preview's answer for what was read of the upload (read now, or the reading kept)."""
    settings = settings_of(request)
    document, shown = result.document, screened.shown
    return {
        "upload_id": upload_id, "file": name, "form": result.form, "read_ok": result.ok,
        "kind": document.kind if document else None,
        "kind_label": document_kind_label(document) if document else None,
        "problems": _problems(result),
        "projects": [{"seq": p.seq, "name": p.name, "fund_year": p.fund_year, "indicators": len(p.indicators),
                      "complete": p.complete, "kind_label": project_kind_label(document, p)}
                     for p in document.projects] if document else [],
        "document": document_to_dict(shown) if shown else None,
        "review": review_file(store_of(request), shown, settings).to_dict() if shown else None,
        **file_plan(store_of(request), settings, principal, result, screened, name, sha256)}


def _pending(request: Request, principal: Principal, upload_id: int) -> tuple[str, bytes, str]:
    found = uploads.pending(engine_of(request), principal.id, upload_id, request.app.state.config.upload_hours)
    if found is None:
        raise not_found(uploads.GONE)
    return found


@router.post("/uploads", responses={**ERRORS, **m.error_responses(429)}, response_model=UploadPreview,
             tags=[TAG_IMPORT],
             summary="上传文件并预览（Word、Excel、PDF、网页、文本等），不导入")
async def upload_file(request: Request, file: UploadFile = File(..., description="绩效目标表文件，任何可读取的格式"),
                      principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """文件为上传者保留，直到确认导入（`POST /uploads/{upload_id}/import`）或放弃（`DELETE`）。
    返回预览：读到的内容与问题、审核意见、导入会对每张表做什么（新项目、新版本、修订稿、需确认、不能导入）。"""
    _require_editor(principal)
    config = request.app.state.config
    limit = config.limits.max_file_bytes
    if file.size is not None and file.size > limit:
        raise uploads.too_large(limit)
    if file.size == 0:
        raise WebError(422, "invalid", "文件是空的")
    name = upload_name(file.filename, "上传文件")
    # stored part by part from the spooled temporary file, then read back whole in one of the process's
    # reading places; both in a worker thread (the event loop serves everyone else meanwhile)
    upload_id = await run_in_threadpool(uploads.keep, engine_of(request), principal.id, name, file.file,
                                        config.upload_hours, limit)
    return await run_in_threadpool(_preview_spooled, request, principal, upload_id, name, file.file)


def _preview_spooled(request: Request, principal: Principal, upload_id: int, name: str,
                     spooled: BinaryIO) -> dict[str, Any]:
    with uploads.reading(request.app.state.config.upload_reads):
        spooled.seek(0)
        return _preview(request, principal, upload_id, name, spooled.read())


@router.get("/uploads/{upload_id}", responses=ERRORS, response_model=UploadPreview, tags=[TAG_IMPORT],
            summary="再次预览已上传的文件（按数据库的当前状态）")
def get_upload(request: Request, upload_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    _require_editor(principal)
    stored = uploads.pending_sha256(engine_of(request), principal.id, upload_id, request.app.state.config.upload_hours)
    if stored is None:
        raise not_found(uploads.GONE)
    kept = request.app.state.upload_readings.find(principal.id, upload_id, *stored)
    if kept is not None:  # the reading of these very bytes, kept by the upload (web.upload_reads): not read again
        return _preview_of(request, principal, upload_id, kept.name, kept.result, kept.screened, kept.sha256)
    with uploads.reading(request.app.state.config.upload_reads):
        name, data, _ = _pending(request, principal, upload_id)
        return _preview(request, principal, upload_id, name, data)


@router.delete("/uploads/{upload_id}", responses=ERRORS, response_model=Discarded, tags=[TAG_IMPORT],
               summary="放弃已上传、未导入的文件")
def discard_upload(request: Request, upload_id: int, principal: Principal = Depends(api_user)) -> dict[str, Any]:
    _require_editor(principal)
    _pending(request, principal, upload_id)
    uploads.forget(engine_of(request), upload_id)
    request.app.state.upload_readings.drop(principal.id, upload_id)
    return {"upload_id": upload_id, "status": "discarded"}


def raise_for_outcome(outcome: ImportOutcome) -> None:
    """The API's errors for an import that did not happen (the same codes as ``POST /documents``)."""
    details = [p.message for p in outcome.problems]
    if outcome.status == "needs_confirmation":
        raise WebError(409, "confirmation_required", "导入会恢复旧内容或覆盖较新的版本，需确认（force=true）", details)
    if outcome.status == "refused":
        raise WebError(409, "revision_refused", "项目已送审或审核通过，本系统不接受导入修改", details)
    if outcome.status == "forbidden":
        raise WebError(403, "forbidden", details[0] if details else "您的角色不能导入文档", details)
    if outcome.status == "stale":
        raise WebError(409, "stale_version", details[0] if details else "项目已被他人修改", details)
    if outcome.status == "failed":  # each with its place in the file, as the CLI's file:line: names it
        raise WebError(422, "import_failed", "导入失败", [_placed(p) for p in outcome.problems])


def _placed(problem: Problem) -> str:
    """「第462行：message」; the message alone when the problem concerns the whole file."""
    source = problem.source
    known = (source.page, source.sheet, source.table, source.line, source.row, source.column)
    return f"{where(source)}：{problem.message}" if any(v is not None for v in known) else problem.message


@router.post("/uploads/{upload_id}/import", responses=ERRORS, response_model=m.ImportResult, tags=[TAG_IMPORT],
             summary="确认导入已上传的文件（与网页上传的确认相同）")
def import_upload(request: Request, upload_id: int, body: UploadImportBody | None = None,
                  principal: Principal = Depends(api_user)) -> dict[str, Any]:
    """需确认时 409 `confirmation_required`（确认后带 `force=true` 再导入）；不接受修订时 409
    `revision_refused`；预览后项目已被他人修改时 409 `stale_version`。不完整的表不导入，在
    `refused_tables` 中逐一说明（`allow_partial=true` 则保存并标记）；对已送审、已审核项目的修改
    保存为修订稿（见 `notices`）。"""
    _require_editor(principal)
    options = body or UploadImportBody.model_validate({})
    stored = uploads.pending_sha256(engine_of(request), principal.id, upload_id, request.app.state.config.upload_hours)
    if stored is None:
        raise not_found(uploads.GONE)
    kept = request.app.state.upload_readings.find(principal.id, upload_id, *stored)
    if kept is not None:  # the preview's reading of these very bytes (web.upload_reads): not read again
        name, sha256, result, screened = kept.name, kept.sha256, kept.result, kept.screened
    else:
        with uploads.reading(request.app.state.config.upload_reads):
            name, data, sha256 = _pending(request, principal, upload_id)
            result = _load(request, name, data)
            del data
        screened = screen_result(result, name, validate=True)
    blocked = document_unit_problem(principal, result, store_of(request))
    unit_code = result.document.unit.code if result.document else None
    if blocked:  # each refusal kept in the audit log: who, which file, why (attack27)
        record_refusal(store_of(request), actor_of(principal), name, [blocked], via="api", unit_code=unit_code,
                       ip=client_ip(request))
        raise forbidden(blocked)
    part = screened.document if screened.clean else screened.rest
    if part is None or (screened.blocked and not options.skip_blocked):
        # never a partial import the caller did not ask for: each blocked table with its reason
        message = ("有的表格有错误，未导入任何内容；只导入其余完整无误的表格请加 skip_blocked=true"
                   if screened.can_import_rest else "文件有错误，不能导入")
        reasons = [p.message for p in screened.refusal(name)]
        record_refusal(store_of(request), actor_of(principal), name, reasons, via="api", unit_code=unit_code,
                       ip=client_ip(request))
        raise WebError(422, "import_failed", message, reasons)
    store, settings = store_of(request), settings_of(request)
    report = review_file(store, part, settings)
    fates = preview(store, settings, part, name)
    given = {e.position: e.latest_version for e in options.expected} if options.expected else {}
    expected = {new: given[old] for new, old in screened.positions.items() if old in given} or None
    outcome = import_document(store, settings, part, name,
                              ImportRequest(actor_of(principal), "api", force=options.force, principal=principal,
                                            allow_partial=options.allow_partial, review=True, expected=expected,
                                            ip=client_ip(request), skip_blocked=options.skip_blocked),
                              sha256=sha256 if screened.clean else None, form=result.form,
                              notes=tuple(p for p in result.problems
                                          if not any(p is q for b in screened.blocked for q in b.problems)))
    if outcome.status in ("imported", "unchanged") and screened.blocked:
        outcome = replace(outcome, refused_tables=tuple(b.as_problem() for b in screened.blocked)
                          + outcome.refused_tables)
    if not isinstance(fates, str):
        fates = [replace(f, position=screened.positions[f.position]) for f in fates]
    raise_for_outcome(outcome)
    uploads.forget(engine_of(request), upload_id)
    request.app.state.upload_readings.drop(principal.id, upload_id)
    return {**outcome_dict(outcome, "api"), "project_ids": [v.project_id for v in outcome.versions],
            "review": report.to_dict(), "plan": [] if isinstance(fates, str) else [f.to_dict() for f in fates]}


# ---- downloads ----------------------------------------------------------------------------------

@router.get("/projects/{project_id}/download/{fmt}", responses=_file_responses(m.InterchangeDocument, "绩效目标表"),
            response_class=Response, tags=[TAG_FILES], summary="下载项目的绩效目标表（xlsx / docx / html / json）")
def download_targets(request: Request, project_id: int, fmt: Format, version: int | None = None,
                     original: bool = Query(False, description="指标值按填写原文，而非统一写法（≥95%）"),
                     principal: Principal = Depends(api_user)) -> Response:
    """默认为正式版本（修订稿待审核时为审核通过的版本）；`version` 指定版本。"""
    if fmt not in TARGET_FORMATS:
        raise not_found(f"格式「{fmt}」")
    content, media_type, name = target_table_download(request, principal, project_id, fmt, version, original)
    return attachment(content, name, media_type)


@router.get("/projects/{project_id}/evaluation/download/{fmt}", responses=_file_responses(m.EvaluationOut, "自评表"),
            response_class=Response, tags=[TAG_FILES], summary="下载项目最近一次自评的项目支出绩效自评表")
def download_evaluation(request: Request, project_id: int, fmt: Format,
                        original: bool = Query(False, description="指标值按填写原文，而非统一写法"),
                        principal: Principal = Depends(api_user)) -> Response:
    with store_of(request).reading() as tx:
        head = project_head(tx, principal, project_id)
        row = latest_evaluation(tx, project_id)
    if row is None:
        raise not_found("该项目的自评结果（请先填报实际完成值）")
    evaluation = evaluation_from_dict(row["payload"])
    made = evaluation_file(evaluation, fmt, original=original, year=row["year"])
    if made is None:
        raise not_found(f"格式「{fmt}」")
    return attachment(made[0], evaluation_file_name(evaluation, head.name, fmt), made[1])


# ``all``: every project's latest version, approved or not, as ``perfbudget publish --all`` (the API had no way to
# it until replay-q; a unit's drafts are readable by the same token through GET /projects/{id} anyway)
ALL_HELP = "发布全部项目的最新版本，不限于审核通过的项目（同 perfbudget publish --all）"


def _publication_by_address(segment: str) -> Any:
    """A unit's publication by ``/units/by-name/{name}`` (a unit without a code, replay-j) or
    ``/units/by-code/{code}`` (a code holding 「/」, replay-aa): ``segment`` is the path parameter."""
    from perfbudget.app.overview import UnitCode, UnitName

    def download(request: Request, fmt: Format, key: str = Path(alias=segment),
                 year: int | None = Query(None, description="资金年度（空：全部年度）"),
                 original: bool = Query(False, description="指标值按填写原文，而非统一写法"),
                 everything: bool = Query(False, alias="all", description=ALL_HELP),
                 principal: Principal = Depends(api_user)) -> Response:
        unit, code = (UnitName(key), None) if segment == "name" else (UnitCode(key), key)
        return _publication_file(request, unit, code, fmt, year, original, everything, principal)

    download.__doc__ = ("同 ``/units/{unit}/publication/{fmt}``，单位为" + (
        "没有编码、名称为 ``name`` 的单位（有编码的单位与它同名时，``/units/{name}`` 指有编码的单位）。"
        if segment == "name" else "编码是 ``code`` 的单位：编码含「/」（如 AB/12）时用它（replay-aa）。"))
    return download


for _segment, _whose in (("name", "没有编码的单位（按单位名称）"), ("code", "单位（按单位编码，编码可含「/」）")):
    router.add_api_route(f"/units/by-{_segment}/{{{_segment}:path}}/publication/{{fmt}}",
                         _publication_by_address(_segment), methods=["GET"],
                         responses={**_file_responses(m.InterchangeDocument, "单位的绩效目标表"), **BUSY},
                         response_class=Response, tags=[TAG_FILES],
                         summary=f"下载{_whose}一个年度全部审核通过项目的绩效目标表",
                         name=f"download_publication_by_{_segment}")


@router.get("/units/{unit}/publication/{fmt}",
            responses={**_file_responses(m.InterchangeDocument, "单位的绩效目标表"), **BUSY},
            response_class=Response, tags=[TAG_FILES],
            summary="下载单位一个年度全部审核通过项目的绩效目标表（一个文件，同 perfbudget publish）")
def download_publication(request: Request, unit: str, fmt: Format,
                         year: int | None = Query(None, description="资金年度（空：全部年度）"),
                         original: bool = Query(False, description="指标值按填写原文，而非统一写法"),
                         everything: bool = Query(False, alias="all", description=ALL_HELP),
                         principal: Principal = Depends(api_user)) -> Response:
    """每个审核通过的项目按审核通过的版本，按表内序号排列；没有审核通过的项目时 404 并说明原因
    （令牌无权查看的单位同样 404）；``all=true`` 发布全部项目的最新版本（同 perfbudget publish --all）。
    ``unit``：单位编码（没有编码的单位：单位名称；与编码同名时用 ``/units/by-name/{name}/…``）。"""
    return _publication_file(request, unit, unit, fmt, year, original, everything, principal)


def _publication_file(request: Request, unit: Any, code: str | None, fmt: str, year: int | None, original: bool,
                      everything: bool, principal: Principal) -> Response:
    from perfbudget.app.publication import unit_publication
    from perfbudget.writers.target_table_export import render

    if not principal.can(Action.READ, code):
        raise not_found("该单位")
    with few_documents_at_once():
        found = unit_publication(store_of(request), unit, year, everything, principal=principal, api=True)
        if isinstance(found, str):
            raise WebError(404, "not_found", found)
        data = render(found.document, fmt, original=original)
    return attachment(data, f"{unit}-{year or '全部年度'}-绩效目标表.{fmt}", MEDIA_TYPES[fmt])


@router.get("/projects/{project_id}/monitoring/download/{fmt}",
            responses=_file_responses(m.MonitoringOut, "绩效目标执行监控表"), response_class=Response,
            tags=[TAG_FILES], summary="下载项目最近一次运行监控的项目支出绩效目标执行监控表")
def download_monitoring(request: Request, project_id: int, fmt: Format,
                        principal: Principal = Depends(api_user)) -> Response:
    with store_of(request).reading() as tx:
        head = project_head(tx, principal, project_id)
    row = evaluations.latest_monitoring(store_of(request), project_id)
    if row is None:
        raise not_found("该项目的运行监控结果（请先上传监控填报表）")
    monitoring = evaluations.stored_monitoring(row)
    made = monitoring_file(monitoring, fmt)
    if made is None:
        raise not_found(f"格式「{fmt}」")
    name = f"{head.name}-项目支出绩效目标执行监控表（{monitoring_period(monitoring)}）.{fmt}"
    return attachment(made[0], name, made[1])


_OPINION_FORMS = {"docx": "Word 附件", "html": "网页，可打印为 PDF；样式在页内"}


def _opinion_answer(form: str, title: str, desks: list[Any]) -> Response:
    from perfbudget.app.opinion import OPINION_FORMS, opinion_file

    return attachment(opinion_file(title, desks, form), f"{title}.{form}", OPINION_FORMS[form])


def _project_opinion(form: str) -> Any:
    def download(request: Request, project_id: int, principal: Principal = Depends(api_user)) -> Response:
        from perfbudget.app.opinion import project_opinion_title
        from perfbudget.app.review_desk import load_desk

        if form == "html":  # one desk as a page, as the web's (attack21: only the Word file is bounded)
            desk = load_desk(store_of(request), principal, project_id, settings_of(request))
            return _opinion_answer(form, project_opinion_title(desk), [desk])
        with few_documents_at_once():
            desk = load_desk(store_of(request), principal, project_id, settings_of(request))
            return _opinion_answer(form, project_opinion_title(desk), [desk])

    download.__doc__ = (f"与网页「审核意见书」相同的文件（{_OPINION_FORMS[form]}）：保留的审核发现、审核人员的处理、"
                        "意见和评定等级。\n\n(Until 2026-12-05 the opinion was on the web only, replay-g; "
                        "its HTML until replay-k.)")
    return download


def _unit_opinion_by_address(form: str, segment: str) -> Any:
    """The unit's opinion by ``/units/by-name/{name}`` (a unit without a code, replay-j) or ``/units/by-code/{code}``
    (a code holding 「/」, replay-aa): ``segment`` is the path parameter, ``name`` or ``code``."""
    from perfbudget.app.overview import UnitCode, UnitName

    address = UnitName if segment == "name" else UnitCode

    def download(request: Request, key: str = Path(alias=segment),
                 year: int | None = Query(None, ge=1000, le=9999, description="资金年度（空：全部年度）"),
                 principal: Principal = Depends(api_user)) -> Response:
        return _unit_opinion_file(request, address(key), year, principal, form)

    download.__doc__ = (f"同 ``/units/{{unit_key}}/opinion.{form}``，单位为" + (
        "没有编码、名称为 ``name`` 的单位（replay-j）。" if segment == "name"
        else "编码是 ``code`` 的单位：编码含「/」（如 AB/12）时用它（replay-aa）。"))
    return download


def _unit_opinion_by_id(form: str) -> Any:
    def download(request: Request, unit_id: int,
                 year: int | None = Query(None, ge=1000, le=9999, description="资金年度（空：全部年度）"),
                 principal: Principal = Depends(api_user)) -> Response:
        return _unit_opinion_file(request, unit_id, year, principal, form)

    download.__doc__ = (f"同 ``/units/{{unit_key}}/opinion.{form}``，单位按编号（``perfbudget list units`` 与 "
                        "``GET /api/v1/units`` 给出），如网页的 ``/units/by-id/N``（replay-k）。")
    return download


def _unit_opinion(form: str) -> Any:
    def download(request: Request, unit_key: str,
                 year: int | None = Query(None, ge=1000, le=9999, description="资金年度（空：全部年度）"),
                 principal: Principal = Depends(api_user)) -> Response:
        return _unit_opinion_file(request, unit_key, year, principal, form)

    download.__doc__ = (f"与网页单位页「审核意见书」相同的文件（{_OPINION_FORMS[form]}）：该单位（该年度）各项目"
                        "正式版本的审核意见。``unit_key``：单位编码（没有编码的单位：单位名称）；"
                        "看不到的单位为 404。\n\n"
                        "(Until replay-i a unit's opinion was on the web only.)")
    return download


for _form, _said in _OPINION_FORMS.items():
    _answer = {**ERRORS, **BUSY, 200: {"description": f"审核意见书（{_said}）",
                               "content": {MEDIA_TYPES["docx"] if _form == "docx" else "text/html": BINARY}}}
    _kind = "Word" if _form == "docx" else "网页"
    router.add_api_route(f"/projects/{{project_id}}/opinion.{_form}", _project_opinion(_form), methods=["GET"],
                         responses=_answer, response_class=Response, tags=[TAG_FILES],
                         summary=f"下载项目的审核意见书（{_kind}）",
                         name=f"download_opinion_{_form}")
    router.add_api_route(f"/units/by-name/{{name:path}}/opinion.{_form}", _unit_opinion_by_address(_form, "name"),
                         methods=["GET"],
                         responses=_answer, response_class=Response, tags=[TAG_FILES],
                         summary=f"下载没有编码的单位（按单位名称）的审核意见书（{_kind}）",
                         name=f"download_unit_opinion_by_name_{_form}")
    router.add_api_route(f"/units/by-code/{{code:path}}/opinion.{_form}", _unit_opinion_by_address(_form, "code"),
                         methods=["GET"],
                         responses=_answer, response_class=Response, tags=[TAG_FILES],
                         summary=f"下载单位（按单位编码，编码可含「/」）的审核意见书（{_kind}）",
                         name=f"download_unit_opinion_by_code_{_form}")
    router.add_api_route(f"/units/by-id/{{unit_id}}/opinion.{_form}", _unit_opinion_by_id(_form), methods=["GET"],
                         responses=_answer, response_class=Response, tags=[TAG_FILES],
                         summary=f"下载单位（按单位编号）的审核意见书（{_kind}）",
                         name=f"download_unit_opinion_by_id_{_form}")
    router.add_api_route(f"/units/{{unit_key}}/opinion.{_form}", _unit_opinion(_form), methods=["GET"],
                         responses=_answer, response_class=Response, tags=[TAG_FILES],
                         summary=f"下载单位的审核意见书（{_kind}）", name=f"download_unit_opinion_{_form}")


def _unit_opinion_file(request: Request, unit_key: Any, year: int | None, principal: Principal,
                       form: str = "docx") -> Response:
    from perfbudget.app.opinion import unit_opinion_desks

    with few_documents_at_once():  # a unit's opinion in every form, as the web's (attack21)
        title, desks = unit_opinion_desks(store_of(request), principal, unit_key, year, settings_of(request))
        return _opinion_answer(form, title, desks)
