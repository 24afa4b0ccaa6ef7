"""Upload a document in any form perfbudget reads → preview (what was read, what the review found,
what importing would do to each stored project) → import, with the same rules as every face."""

from __future__ import annotations

from dataclasses import replace

from fastapi import Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from perfbudget.app.import_preview import differences, without_refused
from perfbudget.app.imports import (
    CONFIRM,
    ImportRequest,
    has_cut_tables,
    import_document,
    importable,
    preview,
)
from perfbudget.app.overview import unit_id_of
from perfbudget.app.workflow import actor_of
from perfbudget.load import LoadResult, load_bytes
from perfbudget.review import review_document
from perfbudget.vocabulary import SEVERITY_LABELS
from perfbudget.web import uploads
from perfbudget.web.deps import client_ip, engine_of, page_user
from perfbudget.web.errors import WebError, forbidden, not_found
from perfbudget.web.roles import Action, Principal
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.validate import document_problems
from perfbudget.web.views import settings_of, store_of

router = page_router()
FATE_LABELS = {"new": "新项目", "unchanged": "与库中最新版本相同，不变", "changed": "保存为新版本",
               "revision": "保存为修订稿", "confirm": "需确认", "refused": "不能导入", "incomplete": "表格不完整"}


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
    upload_id = uploads.keep(engine_of(request), principal.id, name, data, request.app.state.config.upload_hours)
    return redirect(f"/upload/{upload_id}")


def checked(result: LoadResult) -> LoadResult:
    """The load result, refused when the document holds values that may not be stored (web/validate.py)."""
    if result.document is None:
        return result
    invalid = document_problems(result.document)
    if not invalid:
        return result
    return replace(result, document=None, problems=(*result.problems, *invalid[:20]))


PASTE_NAME = "粘贴的表格.txt"


@router.post("/upload/paste")
def paste(request: Request, text: str = Form(""), principal: Principal = Depends(page_user)) -> Response:
    """Table text copied from a web page or a document, read like an uploaded text file."""
    _require_editor(principal)
    data = text.encode("utf-8")
    if not text.strip():
        flash(request, "请先粘贴表格内容", "error")
        return redirect("/upload")
    if len(data) > request.app.state.config.limits.max_file_bytes:
        raise WebError(413, "too_large", "粘贴的内容过大")
    upload_id = uploads.keep(engine_of(request), principal.id, PASTE_NAME, data, request.app.state.config.upload_hours)
    return redirect(f"/upload/{upload_id}")


def _pending(request: Request, principal: Principal, upload_id: int) -> tuple[str, bytes, str]:
    found = uploads.pending(engine_of(request), principal.id, upload_id, request.app.state.config.upload_hours)
    if found is None:
        raise not_found("该上传文件（可能已导入或已过期）")
    return found


@router.get("/upload/{upload_id}")
def preview_page(request: Request, upload_id: int, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    name, data, _ = _pending(request, principal, upload_id)
    result = checked(load_bytes(data, name, limits=request.app.state.config.limits))
    settings = settings_of(request)
    report = review_document(result.document, settings.review_config) if result.document else None
    blocked = unit_problem(principal, result)
    incomplete = has_cut_tables(result.document)
    fates = preview(store_of(request), settings, result.document, name) if result.document else []
    if isinstance(fates, str):
        blocked, fates = blocked or fates, []
    tables = []
    if result.document is not None and report is not None:
        from perfbudget.web.annotate import annotate

        changes = differences(store_of(request), result.document, fates)
        fate_of = {f.position: f for f in fates}
        for position, project in enumerate(result.document.projects, 1):
            own = [f for f in report.findings if f.project == project.seq]
            tables.append({"position": position, "project": project, "table": annotate(project, own),
                           "fate": fate_of.get(position), "changes": changes.get(position, [])})
    refused = [f for f in fates if f.fate == "refused"]
    # with refused tables, the others are imported alone when any of them changes something
    useful = not refused or any(f.fate not in ("refused", "unchanged") for f in fates)
    return render(request, "upload_preview.html", {
        "tables": tables, "refused": refused,
        "upload_id": upload_id, "name": name, "result": result, "document": result.document, "report": report,
        "blocked": blocked, "severity_labels": SEVERITY_LABELS, "fates": fates, "fate_labels": FATE_LABELS,
        "needs_confirmation": any(f.fate == CONFIRM for f in fates), "incomplete": incomplete,
        "can_import": importable(result) and blocked is None and useful})


@router.post("/upload/{upload_id}/confirm")
async def confirm(request: Request, upload_id: int, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    form = await request.form()
    name, data, sha256 = _pending(request, principal, upload_id)
    result = checked(load_bytes(data, name, limits=request.app.state.config.limits))
    blocked = unit_problem(principal, result)
    if blocked:
        raise forbidden(blocked)
    allow_partial = form.get("allow_partial") == "1"
    if not importable(result) or result.document is None:
        flash(request, "文件有错误，不能导入", "error")
        return redirect(f"/upload/{upload_id}")
    expected = {int(key.removeprefix("expected_")): (int(str(value)) if str(value).isdigit() else None)
                for key, value in form.items() if key.startswith("expected_") and key[9:].isdigit()}
    document = result.document
    fates = preview(store_of(request), settings_of(request), document, name)
    if not isinstance(fates, str) and any(f.fate == "refused" for f in fates):
        # import the tables that can be imported; the refused ones are named in the preview with their reason
        document, old_position = without_refused(document, fates)
        if not document.projects:
            flash(request, "没有可以导入的表格", "error")
            return redirect(f"/upload/{upload_id}")
        expected = {new: expected[old] for new, old in old_position.items() if old in expected}
    request_ = ImportRequest(actor_of(principal), "upload", force=form.get("confirm") == "1",
                             allow_partial=allow_partial, review=True, expected=expected or None,
                             ip=client_ip(request))
    partial = document is not result.document
    outcome = import_document(store_of(request), settings_of(request), document, name, request_,
                              sha256=None if partial else sha256, form=result.form, notes=result.problems)
    if outcome.status not in ("imported", "unchanged"):
        flash(request, "未导入：" + "；".join(p.message for p in outcome.problems), "error")
        return redirect(f"/upload/{upload_id}")
    uploads.forget(engine_of(request), upload_id)
    if outcome.status == "unchanged":
        flash(request, f"「{name}」与已存储的内容相同，没有变化", "ok")
    else:
        flash(request, f"已导入「{name}」：新项目 {outcome.new_projects} 个，更新 {outcome.changed_projects} 个，"
                       f"未变 {outcome.unchanged_projects} 个" + "".join(f"。{n}" for n in outcome.notices), "ok")
    for problem in outcome.refused_tables:
        flash(request, problem.message, "error")
    with store_of(request).reading() as tx:
        unit_id = unit_id_of(tx, result.document.unit)
    return redirect(f"/units/{unit_id}" if unit_id else "/dashboard")
