"""Editing a project's targets, checked as the user types (HTMX), saved with optimistic concurrency."""

from __future__ import annotations

from dataclasses import replace

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from perfbudget.app.edits import save_edit
from perfbudget.app.project_view import ProjectView, load_view
from perfbudget.app.review_desk import ReviewerNotes, reviewer_notes
from perfbudget.app.reviews import review_file
from perfbudget.app.roles import Action, Principal
from perfbudget.app.version_diff import changes_from
from perfbudget.app.workflow import EDITABLE, RETURNED, state_label
from perfbudget.model import Document, Project
from perfbudget.plain_numbers import plain_int
from perfbudget.web.annotate import annotate
from perfbudget.web.csrf import read_form
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.errors import WebError, forbidden
from perfbudget.web.forms import (
    ALL_LEVEL2,
    LEVEL1_CHOICES,
    LEVEL2_BY_LEVEL1,
    ParsedForm,
    TypedRow,
    apply_row_action,
    bad_budget_fields,
    edited_project,
    new_rowid,
    origin_rowid,
    row_action,
    typed_rows_with_ids,
)
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.views import review_config_of, settings_of, store_of

router = page_router()


# The edit page's own words for RENAME_HINT: a finance officer's way (the 上传 page), not the command line's or the
# API's (until webflow21 the page named 「perfbudget import」 and 「POST /api/v1/documents」).
PAGE_RENAME_HINT = ("项目名称、资金来源与年度、预算单位是项目的标识，这里只能改预算、目标和指标。要改名称、年度或单位，"
                    "请在「上传」页把写有新名称的表格作为新项目导入，原项目及其版本历史保持不变")


def editor_context() -> dict[str, object]:
    return {"level1_choices": LEVEL1_CHOICES, "level2_by_level1": LEVEL2_BY_LEVEL1, "all_level2": ALL_LEVEL2,
            "rename_hint": PAGE_RENAME_HINT}


def check_fragment(request: Request, parsed: ParsedForm, document: Document | None) -> Response:
    """The as-you-type check: each row's reading of its target, the form's errors, the review findings."""
    findings = []
    grade = None
    if parsed.project is not None and parsed.project.indicators and document is not None:
        report = review_file(store_of(request), replace(document, projects=(parsed.project,)), settings_of(request),
                             review_config_of(request))
        findings = list(report.findings)
        grade = report.projects[0].grade if report.projects else None
    table = annotate(parsed.project, findings) if parsed.project is not None else None
    return render(request, "_check.html", {"parsed": parsed, "findings": findings, "grade": grade, "table": table})


@router.get("/editor-row")
def editor_row(request: Request, principal: Principal = Depends(page_user)) -> Response:
    """An empty indicator row for the editor (HTMX appends it)."""
    return render(request, "_editor_row.html", {"row": None, "rowid": new_rowid(), **editor_context()})


def _editable(request: Request, principal: Principal, project_id: int) -> ProjectView:
    with store_of(request).reading() as tx:
        view = load_view(tx, principal, project_id, settings_of(request), latest=True)
    if not principal.can(Action.EDIT, view.head.unit_code):
        raise forbidden("您的角色不能修改项目")
    return view


@router.get("/projects/{project_id}/edit")
def edit_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    view = _editable(request, principal, project_id)
    if view.head.state not in EDITABLE:
        flash(request, f"项目当前为「{state_label(view.head.state)}」，不能修改", "error")
        return redirect(f"/projects/{project_id}")
    project: Project = view.version.document.projects[0]
    rows = [(origin_rowid(n), ind) for n, ind in enumerate(project.indicators, 1)]
    notes = _notes(request, view)
    # each indicator's cell comments in its row (the rows are the version's indicators, in its order)
    row_notes = {rowid: found for n, (rowid, _) in enumerate(rows, 1) if (found := notes.on_indicator(n))}
    return render(request, "edit.html", {"head": view.head, "project": project, "rows": rows, "bad_fields": (),
                                         "notes": notes, "row_notes": row_notes,
                                         "base_version": view.version.meta["version"],
                                         "money_unit": view.version.document.money_unit, **editor_context()})


@router.post("/projects/{project_id}/check")
async def edit_check(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    view = _editable(request, principal, project_id)
    form = await read_form(request)
    parsed = edited_project(form, view.version.document.projects[0])
    return check_fragment(request, parsed, view.version.document)


@router.post("/projects/{project_id}/edit")
async def edit_save(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    view = _editable(request, principal, project_id)
    form = await read_form(request)
    base = plain_int(str(form.get("base_version") or ""), 1)
    if base is None:
        raise WebError(422, "invalid", "缺少所编辑的版本号（base_version）")
    parsed = edited_project(form, view.version.document.projects[0])
    action = row_action(form)
    if action is not None:  # a row button pressed without JavaScript: the page again with the change, not saved
        return _edit_again(request, view, form, parsed, base, 200, action=action)
    if parsed.errors or parsed.project is None:
        flash(request, "未保存：" + "；".join(parsed.errors), "error")
        return _edit_again(request, view, form, parsed, base, 422)
    result = save_edit(store_of(request), settings_of(request), principal, project_id, base, parsed.project,
                       via="edit", ip=client_ip(request))
    if result.status in ("saved", "unchanged"):
        # a saved version still waits for its 送审 (webflow24: 「已保存为第 2 版」 alone, and a returned project's
        # officer took the save for the answer to the reviewer, the project 已退回 still)
        flash(request, result.message + ("。修改后的指标还要送审才交给审核人员：请在本页下方「审核流程」中点「送审」"
                                         if result.status == "saved" else ""), "ok")
        return redirect(f"/projects/{project_id}")
    flash(request, result.message, "error")
    return _edit_again(request, view, form, parsed, base, 409 if result.status in ("stale", "locked") else 422,
                       stale=result.status == "stale")


def _notes(request: Request, view: ProjectView) -> ReviewerNotes:
    """The reviewer's 退回意见 (while the project is returned) and cell comments on the version edited."""
    notes = reviewer_notes(store_of(request), view.head.id, view.version.meta["version_id"],
                           view.version.document.projects[0])
    return notes if view.head.state == RETURNED else ReviewerNotes(None, notes.comments)


STALE_CHANGES_SHOWN = 50


def _edit_again(request: Request, view: ProjectView, form: FormData, parsed: ParsedForm, base: int, status: int,
                stale: bool = False, action: str | None = None) -> Response:
    """The edit page drawn again with everything as the user typed it: every row (one with an error, a blank
    one too) and the budget's text (an unreadable 「1.88万」 stays in its field). Until webflow20 the page was
    drawn from the parsed project: a row with an error vanished and an unreadable budget came back empty.
    With ``action`` (a row button pressed without JavaScript) the rows are changed so, and nothing is saved."""
    project = parsed.project or view.version.document.projects[0]
    extra: dict[str, object] = {}
    if action is None:
        # the posted ids: a row drawn from a stored indicator keeps naming it (forms.origin_rowid)
        rows: list[tuple[str, TypedRow | None]] = list(typed_rows_with_ids(form))
    else:
        added = new_rowid()
        rows, message, kind = apply_row_action(list(typed_rows_with_ids(form)), action, "保存为新版本", added)
        extra = {"flashes": [[kind, message]], "focus_row": added}
    typed = {name: str(form.get(name) or "") for name in ("budget_total", "budget_fiscal", "budget_other", "purpose",
                                                          "goals")}
    if stale:  # what the newer version changed, for the user to redo hers on it (webflow26: only its number)
        with store_of(request).reading() as tx:
            theirs = changes_from(tx, view.head.id, base, view.version.document)
        extra["theirs"] = theirs[:STALE_CHANGES_SHOWN] if theirs else theirs
        extra["theirs_more"] = max(0, len(theirs or ()) - STALE_CHANGES_SHOWN)
    return render(request, "edit.html", {"head": view.head, "project": project, "rows": rows, "base_version": base,
                                         "money_unit": view.version.document.money_unit, "stale": stale,
                                         "typed": typed, "latest_version": view.head.latest_version,
                                         "notes": _notes(request, view),
                                         "bad_fields": bad_budget_fields(parsed.errors) if action is None else (),
                                         **editor_context(), **extra},
                  status_code=status)
