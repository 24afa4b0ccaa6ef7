"""Upload a document in any form perfbudget reads → preview (what was read, what the review found) → import."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from fastapi import Depends, File, Request, UploadFile
from fastapi.responses import Response
from sqlalchemy import delete, insert, select

from perfbudget.load import LoadResult, load_bytes
from perfbudget.review import review_document
from perfbudget.store.engine import read_transaction, write_transaction
from perfbudget.store.rows import unit_key
from perfbudget.store.schema import units, utc_now
from perfbudget.web import pending
from perfbudget.web.deps import client_ip, engine_of, page_user
from perfbudget.web.editing import import_reviewed
from perfbudget.web.errors import WebError, forbidden, not_found
from perfbudget.web.roles import Action, Principal
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.tables import uploads
from perfbudget.web.validate import document_problems
from perfbudget.web.views import review_config_of, store_of

router = page_router()
SEVERITY_LABELS = {"error": "错误", "warning": "警告", "info": "提示"}


def _require_editor(principal: Principal) -> None:
    if not principal.may(Action.EDIT):
        raise forbidden("您的角色不能上传导入文件")


def unit_problem(principal: Principal, result: LoadResult) -> str | None:
    """Why this user may not import this document (another unit's), or None."""
    document = result.document
    if document is None or principal.can(Action.EDIT, document.unit.code):
        return None
    return (f"该文件属于单位「{document.unit.code or '未注明编码'} {document.unit.name or ''}」，"
            f"您只能导入本单位（{principal.unit_code}）的文件")


@router.get("/upload")
def upload_page(request: Request, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    return render(request, "upload.html", {})


@router.post("/upload")
async def upload(request: Request, file: UploadFile = File(...), principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    limit = request.app.state.config.limits.max_file_bytes
    data = await file.read(limit + 1)
    name = (file.filename or "上传文件").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    if len(data) > limit:
        raise WebError(413, "too_large", f"文件超过 {limit // (1024 * 1024)} MB 的上限")
    if not data:
        flash(request, "文件是空的", "error")
        return redirect("/upload")
    with write_transaction(engine_of(request)) as connection:
        pending.purge(connection, request.app.state.config.upload_hours)  # unconfirmed uploads expire
        upload_id = connection.execute(insert(uploads).returning(uploads.c.id).values(
            user_id=principal.id, file_name=name, sha256=hashlib.sha256(data).hexdigest(), data=data,
            created_at=utc_now())).scalar_one()
    return redirect(f"/upload/{upload_id}")


def checked(result: LoadResult) -> LoadResult:
    """The load result, refused when the document holds values that may not be stored (web/validate.py)."""
    if result.document is None:
        return result
    invalid = document_problems(result.document)
    if not invalid:
        return result
    return replace(result, document=None, problems=(*result.problems, *invalid[:20]))


def _pending(request: Request, principal: Principal, upload_id: int) -> tuple[str, bytes, str]:
    with read_transaction(engine_of(request)) as connection:
        row = connection.execute(select(uploads).where(uploads.c.id == upload_id)).first()
    if row is not None and pending.expired(row.created_at, request.app.state.config.upload_hours):
        with write_transaction(engine_of(request)) as connection:
            connection.execute(delete(uploads).where(uploads.c.id == upload_id))
        row = None
    if row is None or row.user_id != principal.id:
        raise not_found("该上传文件（可能已导入或已过期）")
    return row.file_name, row.data, row.sha256


@router.get("/upload/{upload_id}")
def preview(request: Request, upload_id: int, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    name, data, _ = _pending(request, principal, upload_id)
    result = checked(load_bytes(data, name, limits=request.app.state.config.limits))
    report = review_document(result.document, review_config_of(request)) if result.document else None
    blocked = unit_problem(principal, result)
    return render(request, "upload_preview.html", {
        "upload_id": upload_id, "name": name, "result": result, "document": result.document, "report": report,
        "blocked": blocked, "severity_labels": SEVERITY_LABELS,
        "can_import": result.ok and blocked is None})


@router.post("/upload/{upload_id}/confirm")
def confirm(request: Request, upload_id: int, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    name, data, sha256 = _pending(request, principal, upload_id)
    result = checked(load_bytes(data, name, limits=request.app.state.config.limits))
    blocked = unit_problem(principal, result)
    if blocked:
        raise forbidden(blocked)
    if not result.ok or result.document is None:
        flash(request, "文件有错误，不能导入", "error")
        return redirect(f"/upload/{upload_id}")
    imported = import_reviewed(store_of(request), principal, result.document, name, via="upload",
                               config=review_config_of(request), sha256=sha256, form=result.form,
                               notes=result.problems, ip=client_ip(request))
    if not imported.ok:
        flash(request, "导入失败：" + "；".join(p.message for p in imported.outcome.problems), "error")
        return redirect(f"/upload/{upload_id}")
    with write_transaction(engine_of(request)) as connection:
        connection.execute(delete(uploads).where(uploads.c.id == upload_id))
    outcome = imported.outcome
    if outcome.status == "unchanged":
        flash(request, f"「{name}」与已存储的内容相同，没有变化", "ok")
    else:
        flash(request, f"已导入「{name}」：新项目 {outcome.new_projects} 个，更新 {outcome.changed_projects} 个，"
                       f"未变 {outcome.unchanged_projects} 个", "ok")
    with read_transaction(engine_of(request)) as connection:
        unit_id = connection.execute(select(units.c.id).where(
            units.c.key == unit_key(result.document.unit))).scalar()
    return redirect(f"/units/{unit_id}" if unit_id else "/dashboard")
