"""The project page (the 绩效目标表 with its findings), history, workflow steps and downloads."""

from __future__ import annotations

from fastapi import Depends, Form, Request
from fastapi.responses import Response
from sqlalchemy import select

from perfbudget.interchange import dumps
from perfbudget.store.engine import read_transaction
from perfbudget.store.queries import project_history
from perfbudget.store.schema import project_versions
from perfbudget.web import audit
from perfbudget.web.annotate import annotate
from perfbudget.web.data import project_head
from perfbudget.web.deps import client_ip, engine_of, page_user
from perfbudget.web.downloads import FORMAT_LABELS, target_formats, target_table_file
from perfbudget.web.errors import WebError
from perfbudget.web.filenames import content_disposition
from perfbudget.web.roles import Action, Principal
from perfbudget.web.routes.common import cached_page, flash, page_router, redirect, render
from perfbudget.web.tables import version_authors
from perfbudget.web.views import latest_evaluation, load_view, review_config_of
from perfbudget.web.workflow import EDITABLE, STATE_LABELS, allowed_steps, events, take_step

router = page_router()


def attachment(content: bytes | str, filename: str, media_type: str) -> Response:
    body = content.encode("utf-8") if isinstance(content, str) else content
    return Response(body, media_type=media_type, headers={"Content-Disposition": content_disposition(filename)})


@router.get("/projects/{project_id}")
async def project_page(request: Request, project_id: int, version: int | None = None,
                       principal: Principal = Depends(page_user)) -> Response:
    return await cached_page(request, principal, ("project", project_id, version),
                             lambda: render_project_page(request, principal, project_id, version), short=True)


def render_project_page(request: Request, principal: Principal, project_id: int, version: int | None) -> Response:
    with read_transaction(engine_of(request)) as connection:
        view = load_view(connection, principal, project_id, review_config_of(request), version)
        steps = allowed_steps(principal, view.head.unit_code, view.head.state)
        history = events(connection, project_id)
        evaluation = latest_evaluation(connection, view.version.meta["version_id"])
    document = view.version.document
    table = annotate(document.projects[0], view.findings)
    return render(request, "project.html", {
        "head": view.head, "meta": view.version.meta, "document": document, "project": document.projects[0],
        "table": table, "grade": view.grade, "findings": view.findings, "steps": steps, "events": history,
        "state_labels": STATE_LABELS, "evaluation": evaluation,
        "can_edit": principal.can(Action.EDIT, view.head.unit_code) and view.head.state in EDITABLE
        and view.version.meta["version"] == view.head.latest_version,
        "may_edit_unit": principal.can(Action.EDIT, view.head.unit_code),
        "formats": target_formats(), "format_labels": FORMAT_LABELS,
    })


@router.post("/projects/{project_id}/workflow")
def workflow_step(request: Request, project_id: int, action: str = Form(...), comment: str = Form(""),
                  principal: Principal = Depends(page_user)) -> Response:
    with read_transaction(engine_of(request)) as connection:
        head = project_head(connection, principal, project_id)
    result = take_step(engine_of(request), principal, project_id, head.unit_code, head.latest_version, action,
                       comment, ip=client_ip(request))
    if not result.ok and result.message.startswith("您的角色"):
        raise WebError(403, "forbidden", result.message)
    flash(request, result.message, "ok" if result.ok else "error")
    return redirect(f"/projects/{project_id}")


@router.get("/projects/{project_id}/history")
def history_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    with read_transaction(engine_of(request)) as connection:
        head = project_head(connection, principal, project_id)
        versions = project_history(connection, project_id)
        ids = [v["version"] for v in versions]
        authors = {row.number: row for row in connection.execute(
            select(project_versions.c.number, version_authors.c.username, version_authors.c.via,
                   version_authors.c.at)
            .join(project_versions, project_versions.c.id == version_authors.c.version_id)
            .where(project_versions.c.project_id == project_id))}
        steps = events(connection, project_id)
        changes, _ = audit.entries(connection, object_type="project", object_id=str(project_id), limit=200)
    return render(request, "history.html", {"head": head, "versions": list(reversed(versions)), "authors": authors,
                                            "events": steps, "audit": changes, "numbers": ids,
                                            "state_labels": STATE_LABELS})


@router.get("/projects/{project_id}/download/{fmt}")
def download_targets(request: Request, project_id: int, fmt: str, version: int | None = None,
                     principal: Principal = Depends(page_user)) -> Response:
    with read_transaction(engine_of(request)) as connection:
        view = load_view(connection, principal, project_id, review_config_of(request), version)
    document = view.version.document
    base = f"{document.projects[0].name_cell or document.projects[0].name}-绩效目标表"
    if fmt == "json":
        return attachment(dumps(document) + "\n", f"{base}.json", "application/json")
    made = target_table_file(document, fmt)
    if made is None:
        raise WebError(404, "not_found", f"不支持的下载格式「{fmt}」")
    content, media_type = made
    return attachment(content, f"{base}.{fmt}", media_type)
