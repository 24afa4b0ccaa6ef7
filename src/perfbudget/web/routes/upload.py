"""Upload a document in any form perfbudget reads → preview (what was read, what the review found,
what importing would do to each stored project) → import, with the same rules as every face."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import Depends, File, Form, Request, UploadFile
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from perfbudget.app.acting import document_unit_problem
from perfbudget.app.blocked import Screened, place_errors, screen_result, where
from perfbudget.app.import_preview import (
    FATE_LABELS,
    bytes_imported_before,
    differences,
    only_cut_tables,
    same_file_text,
)
from perfbudget.app.import_refusals import record_refusal
from perfbudget.app.imports import (
    CONFIRM,
    FORCE_HINT,
    PARTIAL_HINT,
    RESTORE_HINT,
    ImportRequest,
    counts_text,
    has_cut_tables,
    import_document,
    preview,
    unchanged_text,
)
from perfbudget.app.monitoring_home import monitoring_homes
from perfbudget.app.overview import unit_id_of, unit_path
from perfbudget.app.reviews import review_file
from perfbudget.app.roles import Action, Principal
from perfbudget.app.workflow import actor_of
from perfbudget.kind_labels import document_kind_label
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Document, Severity, Source
from perfbudget.plain_numbers import plain_int
from perfbudget.readers import TEXT_LAYOUT_FORMS
from perfbudget.vocabulary import SEVERITY_LABELS
from perfbudget.web import uploads
from perfbudget.web.csrf import read_form
from perfbudget.web.deps import client_ip, engine_of, page_user
from perfbudget.web.errors import WebError, forbidden, not_found
from perfbudget.web.filenames import upload_name
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.upload_reads import Reading
from perfbudget.web.views import settings_of, store_of

if TYPE_CHECKING:
    pass

router = page_router()
# the reader's form as the preview names it (until webflow20 its key: 「格式：text」, 「格式：docx」)
FORM_LABELS = {"text": "文本", "json": "JSON 交换格式（perfbudget/1）", "docx": "Word（.docx）",
               "xlsx": "Excel（.xlsx）", "pdf": "PDF", "html": "网页（HTML）", "xls": "Excel（.xls）",
               "et": "WPS 表格（.et）",
               "ods": "OpenDocument 表格（.ods）", "odt": "OpenDocument 文本（.odt）", "doc": "Word（.doc）",
               "wps": "WPS 文字（.wps）", "rtf": "RTF 文档"}


def form_label(form: str | None) -> str:
    """The Chinese name of a reader's form; a text layout (tab-cells, pipe-rows …) is 文本."""
    return FORM_LABELS.get(form or "", "文本" if form in TEXT_LAYOUT_FORMS else "未识别")


# the programs an officer opens a file of this name with, by its extension
NAMED_FORMS = {".xlsx": "Excel", ".xlsm": "Excel", ".xls": "Excel", ".et": "WPS 表格", ".docx": "Word",
               ".doc": "Word", ".wps": "WPS 文字", ".pdf": "PDF 阅读器", ".ods": "WPS 或 LibreOffice",
               ".odt": "WPS 或 LibreOffice"}


def what_to_do(name: str, result: LoadResult) -> str | None:
    """What the officer can do about a file nothing was read from, when the reason is the file itself (webflow26):
    a file named .xlsx whose bytes are no workbook was refused as 「不是可读的文本文件」 — a text file? She had
    uploaded an Excel file — and a scanned PDF's 「可能是扫描件」 said nothing of what to upload instead."""
    if result.document is not None:
        return None
    suffix = Path(name).suffix.lower()
    program = NAMED_FORMS.get(suffix)
    if program and result.form in ("text", "zip"):
        return (f"文件名是「{name}」，但内容不是 {program} 能打开的{suffix}文件："
                "可能文件已损坏、没有下载完整，或是别的文件改了扩展名。"
                f"请用 {program} 打开原文件，确认能看到表格后「另存为」一份，再上传另存的文件")
    if result.form == "pdf" and any("扫描件" in p.message for p in result.problems):
        return ("扫描件（图片）中的文字和没有框线的表格都读不出来："
                "请上传表格原来的 Word 或 Excel 文件（WPS 的也可以）；没有原文件时，可在「申报项目」页照表录入")
    return None


PAGE_FORCE_HINT = ("；确认无误后请勾选下方「我已了解：导入会恢复旧内容或覆盖上面列出的较新版本，仍要导入」，"
                   "再点「确认导入」")


PAGE_RESTORE_HINT = "；如要恢复此文件的内容，请重新上传，勾选「我已了解：导入会恢复旧内容…仍要导入」后再点「确认导入」"


PAGE_PARTIAL_HINT = "，勾选「保存不完整的表格」则保存并标记为「不完整」"


def page_words(message: str) -> str:
    """A fate's message as the upload page says it: the page's checkboxes, where the use case names every face's way
    to force the import or to save a cut-off table (「命令行 --force，网页勾选确认，API force=true」 was shown to
    officers until webflow26)."""
    return (message.replace(FORCE_HINT, PAGE_FORCE_HINT).replace(PARTIAL_HINT, PAGE_PARTIAL_HINT)
            .replace(RESTORE_HINT, PAGE_RESTORE_HINT))


def _require_editor(principal: Principal) -> None:
    if not principal.may(Action.EDIT):
        raise forbidden("您的角色不能上传导入文件")


def unit_hint(principal: Principal, result: LoadResult) -> str:
    """What to do when the file names no unit at all (many 部门整体 tables and PDFs of them): write it in. Until
    webflow21 the preview said only that the unit was not found."""
    document = result.document
    if document is None or document.unit.code or document.unit.name:
        return ""
    example = f"{principal.unit_code} 本单位名称" if principal.unit_code else "单位编码 单位名称"
    return (f"。请在文件的表头（表题下、表格上方）加一行「预算单位：{example}」后重新上传；"
            f"其余内容不用改")


@router.get("/upload")
def upload_page(request: Request, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    return render(request, "upload.html", {})


@router.post("/upload")
async def upload(request: Request, file: UploadFile = File(...), principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    config = request.app.state.config
    limit = config.limits.max_file_bytes
    name = upload_name(file.filename, "上传文件")
    if file.size is not None and file.size > limit:
        raise uploads.too_large(limit)
    if file.size == 0:
        flash(request, "文件是空的", "error")
        return redirect("/upload")
    # stored part by part from the spooled temporary file, in a worker thread (never the whole file in
    # memory, never the event loop waiting on the database)
    upload_id = await run_in_threadpool(uploads.keep, engine_of(request), principal.id, name, file.file,
                                        config.upload_hours, limit)
    return redirect(f"/upload/{upload_id}")


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
        raise not_found(uploads.GONE)
    return found


def screened_upload(request: Request, name: str, data: bytes) -> tuple[LoadResult, Screened]:
    """The upload as read, and which of its tables are blocked by errors (reading errors, values that may
    not be stored), each with its reason."""
    result = load_bytes(data, name, limits=request.app.state.config.limits)
    return result, screen_result(result, name, validate=True)


def read_pending(request: Request, principal: Principal, upload_id: int) -> tuple[str, str, LoadResult, Screened]:
    """The user's pending upload read: (file name, sha256, what was read, its screening). Holds one of the
    process's reading places while the whole file is in memory (``uploads.reading``): call in a worker thread.
    The reading is kept for the import (:mod:`perfbudget.web.upload_reads`) when the bytes read are the ones
    stored (their SHA-256 is the upload's)."""
    with uploads.reading(request.app.state.config.upload_reads):
        name, data, sha256 = _pending(request, principal, upload_id)
        result, screened = screened_upload(request, name, data)
        if hashlib.sha256(data).hexdigest() == sha256:
            request.app.state.upload_readings.keep(principal.id, upload_id, Reading(name, sha256, result, screened))
        del data
    return name, sha256, result, screened


def kept_reading(request: Request, principal: Principal, upload_id: int) -> tuple[str, str, LoadResult, Screened]:
    """What the preview read of this upload when its bytes are unchanged (the stored SHA-256 is the one the preview
    read), else the upload read again (another process's preview, or none kept). The import and the preview drawn
    again (a reload, the page after a refused import) take it; until webflow21 each read the whole file again."""
    found = uploads.pending_sha256(engine_of(request), principal.id, upload_id, request.app.state.config.upload_hours)
    if found is None:
        raise not_found(uploads.GONE)
    kept = request.app.state.upload_readings.find(principal.id, upload_id, *found)
    if kept is not None:
        return kept.name, kept.sha256, kept.result, kept.screened
    return read_pending(request, principal, upload_id)


# what a first import leads to (webflow24: the unit page of the new projects said nothing of what comes next)
_NEXT_STEP = "。下一步：逐个打开下面的项目，按表中标出的审核发现修改指标（「修改指标」），再在项目页「送审」"


def importable_part(screened: Screened) -> Document | None:
    """What an import may take: the whole document, or without its blocked tables (``skip_blocked``)."""
    return screened.document if screened.clean else screened.rest


@router.get("/upload/{upload_id}")
def preview_page(request: Request, upload_id: int, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    name, sha256, result, screened = kept_reading(request, principal, upload_id)
    settings = settings_of(request)
    shown = screened.shown
    report = review_file(store_of(request), shown, settings) if shown else None
    blocked = document_unit_problem(principal, result, store_of(request))
    part = importable_part(screened)
    # another unit's file gets no plan: its fates would tell that unit's stored projects, versions and authors
    planned = preview(store_of(request), settings, part, name) if part and blocked is None else []
    if isinstance(planned, str):
        blocked, planned = blocked or planned + unit_hint(principal, result), []
    # the fates by the table's position in the file (the importable part leaves the blocked ones out)
    fates = [replace(f, position=screened.positions[f.position], message=page_words(f.message)) for f in planned]
    tables = []
    # the reader's notes and the places where a table is cut off, each shown in its table
    cut = {id(p) for p in result.cut_errors}
    notes = file_notes = [p for p in result.problems if p.severity is not Severity.ERROR or id(p) in cut]
    if result.document is not None:
        from perfbudget.web.annotate import annotate

        changes = differences(store_of(request), result.document, fates)
        notes_of, file_notes = place_errors(result.document, notes)
        fate_of = {f.position: f for f in fates}
        reason_of = {b.position: b for b in screened.blocked}
        for position, project in enumerate(result.document.projects, 1):
            own = [f for f in report.findings if f.project == project.seq] if report else []
            tables.append({"position": position, "project": project, "fate": fate_of.get(position),
                           "table": None if position in screened.unsafe or shown is None else annotate(project, own),
                           "changes": changes.get(position, []), "blocked": reason_of.get(position),
                           "notes": notes_of.get(position, [])})
    # a 绩效监控表 belongs on its project's 运行监控 page: the projects of its names, linked (webflow24)
    homes = (monitoring_homes(store_of(request), principal, result.document)
             if result.document is not None and result.document.kind == "monitoring" else [])
    refused = [f for f in fates if f.fate == "refused"]
    # with refused tables, the others are imported alone when any of them changes something
    useful = not refused or any(f.fate not in ("refused", "unchanged") for f in fates)
    ready = blocked is None and not screened.file_errors and bool(fates) and useful
    rest = sum(1 for f in fates if f.fate not in ("refused", "incomplete"))
    cut_only = only_cut_tables(fates)
    # bytes imported before: 确认导入 says 未变化 without reading them, as the CLI and the API say (replay-w)
    same = bytes_imported_before(store_of(request), name, sha256 if blocked is None else None)
    return render(request, "upload_preview.html", {
        "same_file": same_file_text(same["same_file_as"]) if same["same_file_as"] is not None else None,
        "same_notices": [page_words(n) for n in same["notices"]],
        "tables": tables, "refused": refused, "screened": screened, "shown": shown, "where": where,
        "upload_id": upload_id, "name": name, "result": result, "document": result.document, "report": report,
        "blocked": blocked, "severity_labels": SEVERITY_LABELS, "file_place": file_place, "file_notes": file_notes,
        "fates": fates, "monitoring_homes": homes, "what_to_do": what_to_do(name, result),
        "fate_labels": FATE_LABELS, "form_label": form_label(result.form),
        "kind_label": document_kind_label(result.document) if result.document else None,
        "needs_confirmation": any(f.fate == CONFIRM for f in fates), "incomplete": has_cut_tables(part),
        "can_import": ready and screened.clean and not cut_only,
        "needs_allow_partial": ready and screened.clean and cut_only,
        "can_import_rest": ready and screened.can_import_rest and rest > 0, "rest_count": rest})


def file_place(source: Source | None) -> str:
    """Where a finding's cell is in the uploaded file, for the officer to find it there: 「第46行」 (text),
    「表1 第10行 第2列」 (Word), 「项目2 第12行 第1列」 (a sheet), 「第2页 …」 (PDF); "" when the reading knows no
    place.
    Until webflow22 the preview's 全部审核发现 named only the table and the indicator's number."""
    if source is None or all(v is None for v in (source.page, source.sheet, source.table, source.line,
                                                  source.row, source.column)):
        return ""
    return where(source)


def blocked_message(screened: Screened) -> str:
    """Why nothing was imported: each blocked table (and file error) with its reason."""
    return "未导入：" + "；".join([*(f"{where(p.source)}：{p.message}" for p in screened.file_errors),
                                  *(f"{b.label}：{b.reason}" for b in screened.blocked)])


@router.post("/upload/{upload_id}/confirm")
async def confirm(request: Request, upload_id: int, principal: Principal = Depends(page_user)) -> Response:
    _require_editor(principal)
    form = await read_form(request)
    # reading and importing take seconds for a large file: in a worker thread, not on the event loop
    return await run_in_threadpool(_confirm, request, upload_id, principal, form)


def _confirm(request: Request, upload_id: int, principal: Principal, form: FormData) -> Response:
    name, sha256, result, screened = kept_reading(request, principal, upload_id)
    blocked = document_unit_problem(principal, result, store_of(request))

    def refused(reasons: list[str]) -> None:  # kept in the audit log: who, which file, why (attack27)
        record_refusal(store_of(request), actor_of(principal), name, reasons, via="upload", ip=client_ip(request),
                       unit_code=result.document.unit.code if result.document else None)

    if blocked:
        refused([blocked])
        raise forbidden(blocked)
    allow_partial = form.get("allow_partial") == "1"
    part = importable_part(screened)
    if part is None or (screened.blocked and form.get("skip_blocked") != "1"):
        # never a partial import the user did not ask for: the blocked tables are named with their reasons
        said = blocked_message(screened) if screened.blocked or screened.file_errors else "文件有错误，不能导入"
        refused([p.message for p in screened.refusal(name)])
        flash(request, said, "error")
        return redirect(f"/upload/{upload_id}")
    given = {position: plain_int(str(value)) for key, value in form.items()
             if key.startswith("expected_") and (position := plain_int(key[9:])) is not None}
    # the form names tables by their position in the file; the importable part by its own
    expected = {new: given[old] for new, old in screened.positions.items() if old in given}
    # skip_blocked always: the page imports the other tables when the deployment refuses a table's revision
    # (PERFBUDGET_REVISIONS=refuse), the layer naming the refused ones in refused_tables (its own route dropped
    # them until faces-v)
    request_ = ImportRequest(actor_of(principal), "upload", force=form.get("confirm") == "1", principal=principal,
                             allow_partial=allow_partial, review=True, expected=expected or None,
                             ip=client_ip(request), skip_blocked=True)
    notes = tuple(p for p in result.problems if not any(p is q for b in screened.blocked for q in b.problems))
    outcome = import_document(store_of(request), settings_of(request), part, name, request_,
                              sha256=None if part is not result.document else sha256, form=result.form, notes=notes)
    if outcome.status not in ("imported", "unchanged"):
        # every table refused (PERFBUDGET_REVISIONS=refuse): the page's words, then the layer's reasons
        said = "没有可以导入的表格：" if outcome.status == "refused" else "未导入："
        flash(request, said + "；".join(page_words(p.message) for p in outcome.problems), "error")
        return redirect(f"/upload/{upload_id}")
    uploads.forget(engine_of(request), upload_id)
    request.app.state.upload_readings.drop(principal.id, upload_id)
    if outcome.status == "unchanged":
        flash(request, f"「{name}」{unchanged_text(outcome)}" + "".join(f"。{page_words(n)}" for n in outcome.notices),
              "ok")
    else:
        flash(request, f"已导入「{name}」：{counts_text(outcome)}" + "".join(f"。{n}" for n in outcome.notices)
              + (_NEXT_STEP if (outcome.new_projects or outcome.changed_projects) and part.kind == "target"
                 and principal.may(Action.EDIT) else ""), "ok")
    for table in screened.blocked:
        flash(request, table.as_problem().message, "error")
    for problem in outcome.refused_tables:
        flash(request, problem.message, "error")
    with store_of(request).reading() as tx:
        unit_id = unit_id_of(tx, part.unit)
    return redirect(unit_path(part.unit.code, unit_id, part.unit.name) if unit_id else "/dashboard")
