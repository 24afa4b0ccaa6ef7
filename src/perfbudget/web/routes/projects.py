"""The project page (the 绩效目标表 with its findings), history, workflow steps and downloads."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Form, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from perfbudget.app.evaluations import offered
from perfbudget.app.exports import FORMAT_LABELS, TARGET_FORMATS, target_formats
from perfbudget.app.overview import HISTORY_CHANGE_CHARS, events_newest_first, history_newest_first, project_head
from perfbudget.app.project_delete import may_delete
from perfbudget.app.project_view import ProjectPage, load_page, load_page_on_loop, page_of_row
from perfbudget.app.reviews import current_errors
from perfbudget.app.roles import Action, Principal
from perfbudget.app.validate import MAX_INTEGER, echoed
from perfbudget.app.workflow import EDITABLE, STATE_LABELS, WEB_PAGE, StepResult, allowed_steps, take_step
from perfbudget.plain_numbers import plain_int
from perfbudget.web import audit
from perfbudget.web.annotate import annotate
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.downloads import target_table_download
from perfbudget.web.errors import WebError
from perfbudget.web.filenames import attachment
from perfbudget.web.project_html import project_content
from perfbudget.web.routes.common import cached_page, flash, page_router, redirect, render, render_framed
from perfbudget.web.templating import page_token
from perfbudget.web.views import settings_of, store_of

router = page_router()


@router.get("/projects/{project_id}")
async def project_page(request: Request, project_id: int, version: int | None = None,
                       principal: Principal = Depends(page_user)) -> Response:
    return await project_page_response(request, principal, project_id, version)


async def project_page_response(request: Request, principal: Principal, project_id: int,
                                version: int | None, row: dict[str, Any] | None = None) -> Response:
    """The project page for ``principal`` (the route's answer; also served by
    :class:`perfbudget.web.page_path.ProjectPagePath` without FastAPI's router, which may have read the
    page's ``row`` already, with the data version)."""
    on_loop = (lambda: render_project_page_on_loop(request, principal, project_id, version)) if row is None else (
        lambda: render_project_page_of_row(request, principal, project_id, version, row))
    return await cached_page(request, principal, ("project", project_id, version),
                             lambda: render_project_page(request, principal, project_id, version), short=True,
                             on_loop=on_loop)


def render_project_page(request: Request, principal: Principal, project_id: int, version: int | None,
                        kept: dict[str, Any] | None = None) -> Response:
    store, settings = store_of(request), settings_of(request)
    with store.reading(autocommit=True) as tx:  # three queries (app.project_view), no BEGIN/ROLLBACK
        page = load_page(tx, principal, project_id, settings, version)
    return project_response(request, principal, page, kept)


async def render_project_page_on_loop(request: Request, principal: Principal, project_id: int,
                                      version: int | None) -> Response:
    """The page on the event loop (PostgreSQL without a replica): its one statement awaited on the loop's
    connection, then drawn (~0.5 ms of CPU, less than handing the page to a worker thread and back costs
    under load); a version without a stored review is loaded in a worker thread as before."""
    settings = settings_of(request)
    page = await request.app.state.data_version.read_on_loop(
        lambda connection: load_page_on_loop(connection, store_of(request).engine.dialect, principal, project_id,
                                             settings, version))
    return await _drawn(request, principal, project_id, version, page)


async def render_project_page_of_row(request: Request, principal: Principal, project_id: int, version: int | None,
                                     row: dict[str, Any] | None) -> Response:
    """:func:`render_project_page_on_loop` with the statement's row read already
    (:func:`perfbudget.app.project_view.versioned_page_row`)."""
    return await _drawn(request, principal, project_id, version, page_of_row(row, principal, settings_of(request)))


async def _drawn(request: Request, principal: Principal, project_id: int, version: int | None,
                 page: ProjectPage | None) -> Response:
    if page is None:  # no stored review of the version shown: its review in context, in a transaction
        return await run_in_threadpool(render_project_page, request, principal, project_id, version)
    return project_response(request, principal, page)


def project_response(request: Request, principal: Principal, page: ProjectPage,
                     kept: dict[str, Any] | None = None) -> Response:
    """The project page of ``page`` (what :func:`load_page` read) for ``principal``: its content drawn by
    :func:`perfbudget.web.project_html.project_content`, framed by ``project.html``; ``kept``: the texts of a
    refused workflow step, put back in its form (never cached: the page then has a flash message)."""
    settings = settings_of(request)
    view = page.view
    steps = allowed_steps(principal, view.head.unit_code, view.head.state)
    document = view.version.document
    table = annotate(document.projects[0], view.findings)
    content = project_content({
        "head": view.head, "meta": view.version.meta, "document": document, "project": document.projects[0],
        "table": table, "grade": view.grade, "basis": view.basis,
        "reviewer_grade": page.reviewer_grade, "findings": view.findings, "steps": steps, "events": page.events,
        "events_more": page.events_more,
        "state_labels": STATE_LABELS, "evaluation": page.evaluation,
        "can_edit": principal.can(Action.EDIT, view.head.unit_code) and view.head.state in EDITABLE,
        "may_edit_unit": principal.can(Action.EDIT, view.head.unit_code),
        "may_evaluate": offered(settings, view.head.approved_version),
        "formats": target_formats(), "format_labels": FORMAT_LABELS, "kept": kept,
        "may_delete": principal.can(Action.ADMIN) and may_delete(view.head.state, view.head.approved_version),
    }, page_token(request))
    return render_framed(request, "project.html", view.head.name, content)


@router.post("/projects/{project_id}/workflow")
def workflow_step(request: Request, project_id: int, action: str = Form(...), comment: str = Form(""),
                  justification: str = Form(""), back: str = Form(""), version: str = Form(""),
                  principal: Principal = Depends(page_user)) -> Response:
    """A workflow step from the project page or the review desk (``back=desk``: the answer is the desk again).
    A step refused on the project page answers that page at once with the texts typed kept in the form and the
    field it needs marked (until webflow20 a redirect dropped them: a 送审 refused for want of a 送审说明 lost
    the 意见 written; a 退回 without a comment on the desk left the desk for the project page)."""
    store, settings = store_of(request), settings_of(request)
    with store.reading() as tx:
        project_head(tx, principal, project_id)
    # counted only for a 送审 the role allows (the role is checked first: take_step)
    def errors() -> int:
        return current_errors(store, settings, project_id)

    # the version the form showed (attack38: a 审核通过 approved whatever version was latest by then); one not a
    # number, which only a request made by hand sends, is said so (422; it was taken for version 0 until attack38's
    # second reading, and refused as a version no longer the latest); none at all refuses a 审核通过 (422; the latest
    # was approved until attack41, as by the API without its ``version``)
    seen = plain_int(version, 1, MAX_INTEGER) if version else None
    bad_version = bool(version) and seen is None
    result = (StepResult(False, f"版本号无效：「{echoed(version, 20)}」不是 1 至 {MAX_INTEGER} 之间的整数", "",
                         invalid=True) if bad_version else
              take_step(store, principal, project_id, action, comment, justification, ip=client_ip(request),
                        review_errors=errors, seen_version=seen, version_required=WEB_PAGE))
    if result.forbidden:
        raise WebError(403, "forbidden", result.message)
    flash(request, result.message, "ok" if result.ok else "error")
    if result.ok:
        return redirect(f"/projects/{project_id}/review" if back == "desk" else f"/projects/{project_id}")
    unversioned = bad_version or result.unversioned
    needs = "justification" if result.needs_justification else ("comment" if result.invalid and not unversioned else "")
    status = 422 if needs or unversioned else 409
    if back == "desk":  # the desk again at once, the 意见 typed kept (a redirect lost it until webflow22)
        from perfbudget.web.routes.review_desk import desk_response

        # the 意见 not recorded, and why: the state (409), else the step asked (an unknown action said the state
        # had changed until attack24)
        return desk_response(request, principal, project_id, {"comment": comment, "needs": needs,
                                                              "why": result.message if needs or result.stale
                                                              or unversioned else ""},
                             status_code=status)
    response = render_project_page(request, principal, project_id, None,
                                   {"comment": comment, "justification": justification, "needs": needs})
    response.status_code = status
    return response


@router.post("/projects/{project_id}/delete")
def delete_project_step(request: Request, project_id: int, confirm: str = Form(""),
                        principal: Principal = Depends(page_user)) -> Response:
    """An admin deletes a wrongly imported project (:mod:`perfbudget.app.project_delete`, as ``perfbudget project
    delete`` and the API's ``DELETE``): the project list with the message; a refusal said on the project's page
    (403 for a role that may not)."""
    from perfbudget.app.project_delete import DeleteRefused, delete_project

    with store_of(request).reading() as tx:
        project_head(tx, principal, project_id)  # 404 for a project the account cannot see
    if not principal.can(Action.ADMIN):
        raise WebError(403, "forbidden", f"您的角色（{principal.role_label}）不能删除项目，须由管理员操作")
    if confirm != "yes":
        flash(request, "未删除：请勾选「确认删除该项目及其全部版本与记录」后再删除", "error")
        return redirect(f"/projects/{project_id}")
    try:
        outcome = delete_project(store_of(request), principal, project_id, ip=client_ip(request))
    except DeleteRefused as refused:
        if refused.forbidden:
            raise WebError(403, "forbidden", str(refused)) from refused
        flash(request, str(refused), "error")
        return redirect("/projects" if refused.missing else f"/projects/{project_id}")
    flash(request, outcome.message, "ok")
    return redirect("/projects")


# characters of an audit summary on the history page (200 entries naming 5,000-character comments made it 3.8 MB at
# 2,000 comments until leftovers18; the full text is in the workflow steps it pages and on the entry's page)
HISTORY_SUMMARY = 300


@router.get("/projects/{project_id}/history")
def history_page(request: Request, project_id: int, page: int = Query(1, ge=1),
                 events_page: int = Query(1, ge=1), principal: Principal = Depends(page_user)) -> Response:
    with store_of(request).reading() as tx:
        head = project_head(tx, principal, project_id)
        shown = history_newest_first(tx, project_id, page)
        steps, events_page, events_pages, events_total = events_newest_first(tx, project_id, events_page)
    changes, _ = audit.entries(store_of(request), project=project_id, limit=200,
                               values_up_to=0,  # the page shows no value: none is read
                               summary_up_to=HISTORY_SUMMARY)  # nor a whole comment: the steps above show them
    authors = {v["version"]: v for v in shown.versions if v["via"]}
    return render(request, "history.html", {"head": head, "versions": shown.versions, "authors": authors,
                                            "page": shown.page, "pages": shown.pages, "total": shown.total,
                                            "events": steps, "events_page": events_page,
                                            "events_pages": events_pages, "events_total": events_total,
                                            "audit": changes, "state_labels": STATE_LABELS,
                                            "change_chars": HISTORY_CHANGE_CHARS})


@router.get("/projects/{project_id}/download/{fmt}")
def download_targets(request: Request, project_id: int, fmt: str, version: int | None = None,
                     principal: Principal = Depends(page_user)) -> Response:
    if fmt not in TARGET_FORMATS:
        raise WebError(404, "not_found", f"不支持的下载格式「{fmt}」")
    content, media_type, name = target_table_download(request, principal, project_id, fmt, version)
    return attachment(content, name, media_type)
