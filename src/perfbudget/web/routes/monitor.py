"""Mid-year monitoring (运行监控, 双监控) of a project: the fill-in sheet, its upload → the lights → the
项目支出绩效目标执行监控表 in every download format. The same use cases as the CLI's ``monitor``
(:func:`perfbudget.app.evaluations.monitor`, ``save_monitorings``, ``latest_monitoring``)."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from perfbudget.app import evaluations
from perfbudget.app.exports import FORMAT_LABELS, MONITORING_FORMATS, XLSX, monitoring_file
from perfbudget.app.project_view import ProjectView, load_view
from perfbudget.app.workflow import actor_of
from perfbudget.evaluate.monitor import LIGHT_LABELS, Monitoring, monitoring_from_dict
from perfbudget.evaluate.template import template_xlsx
from perfbudget.model import Severity
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.errors import WebError, forbidden, not_found
from perfbudget.web.evaluation import read_uploaded_sheet
from perfbudget.web.roles import Action, Principal
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.routes.projects import attachment
from perfbudget.web.views import settings_of, store_of
from perfbudget.writers.monitoring_layout import execution_rate, light_counts

router = page_router()
MONTHS = tuple(range(1, 13))


def _view(request: Request, principal: Principal, project_id: int) -> ProjectView:
    """The project's official version (the approved one while a revision waits), for any reader."""
    with store_of(request).reading() as tx:
        return load_view(tx, principal, project_id, settings_of(request))


def may_monitor(request: Request, principal: Principal, view: ProjectView) -> str | None:
    """Why this user may not save a monitoring of the project now (Chinese), or None."""
    if not principal.can(Action.EDIT, view.head.unit_code):
        return "您的角色不能填报运行监控"
    return evaluations.refusal(store_of(request), settings_of(request), [view.head.id], "运行监控")


def require_monitor(request: Request, principal: Principal, view: ProjectView) -> None:
    """403 for a role that may not monitor the project, 409 while it is not approved (the page and the API)."""
    refused = may_monitor(request, principal, view)
    if refused is not None:
        if not principal.can(Action.EDIT, view.head.unit_code):
            raise forbidden(refused)
        raise WebError(409, "not_approved", refused)


def _latest(request: Request, project_id: int) -> tuple[dict[str, Any], Monitoring] | None:
    row = evaluations.latest_monitoring(store_of(request), project_id)
    return None if row is None else (row, monitoring_from_dict(row["payload"]))


def _page(request: Request, principal: Principal, view: ProjectView, problems: list[str], month: int | None,
          status: int = 200) -> Response:
    latest = _latest(request, view.head.id)
    row, monitoring = latest if latest else (None, None)
    result = monitoring.projects[0] if monitoring else None
    return render(request, "monitor.html", {
        "head": view.head, "row": row, "monitoring": monitoring, "result": result,
        "rate": execution_rate(result) if result else "", "counts": light_counts(result) if result else (0, 0),
        "lights": LIGHT_LABELS, "refused": may_monitor(request, principal, view), "problems": problems,
        "months": MONTHS, "month": month or (monitoring.month if monitoring else 6),
        "formats": MONITORING_FORMATS, "format_labels": FORMAT_LABELS}, status_code=status)


@router.get("/projects/{project_id}/monitoring")
def monitoring_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    return _page(request, principal, _view(request, principal, project_id), [], None)


@router.get("/projects/{project_id}/monitoring/template.xlsx")
def monitoring_template(request: Request, project_id: int, month: int = 6,
                        principal: Principal = Depends(page_user)) -> Response:
    if month not in MONTHS:
        raise WebError(422, "bad_month", f"月份 {month} 无效，应为 1–12")
    document = _view(request, principal, project_id).version.document
    return attachment(template_xlsx(document, kind="monitor", month=month),
                      f"{document.projects[0].name}-运行监控填报表（1-{month}月）.xlsx", XLSX)


@router.post("/projects/{project_id}/monitoring/upload")
async def monitoring_upload(request: Request, project_id: int, month: int = Form(...),
                            file: UploadFile = File(...), principal: Principal = Depends(page_user)) -> Response:
    view = _view(request, principal, project_id)
    require_monitor(request, principal, view)
    if month not in MONTHS:
        return _page(request, principal, view, [f"月份 {month} 无效，应为 1–12"], None, status=422)
    rows, sheet_problems, name = await read_uploaded_sheet(request, file, "monitor", "监控填报表", month)
    monitoring, problems = evaluations.monitor(view.version.document, rows, sheet_problems, name, month)
    if monitoring is None:
        return _page(request, principal, view, [str(p) for p in problems], month, status=422)
    evaluations.save_monitorings(store_of(request), actor_of(principal), [(view.version, monitoring)], {}, month,
                                 ip=client_ip(request))
    result = monitoring.projects[0]
    warnings = [str(p) for p in problems if p.severity is not Severity.ERROR]
    flash(request, f"1-{month}月运行监控已保存：项目{LIGHT_LABELS[result.colour]}，预算执行"
          f"{LIGHT_LABELS[result.budget_light]}" + (f"（提示：{'；'.join(warnings)}）" if warnings else ""), "ok")
    return redirect(f"/projects/{view.head.id}/monitoring")


@router.get("/projects/{project_id}/monitoring/download/{fmt}")
def monitoring_download(request: Request, project_id: int, fmt: str,
                        principal: Principal = Depends(page_user)) -> Response:
    view = _view(request, principal, project_id)
    latest = _latest(request, project_id)
    if latest is None:
        raise not_found("该项目的运行监控结果（请先上传监控填报表）")
    made = monitoring_file(latest[1], fmt)
    if made is None:
        raise WebError(404, "not_found", f"不支持的下载格式「{fmt}」")
    content, media_type = made
    return attachment(content, f"{view.head.name}-项目支出绩效目标执行监控表（1-{latest[1].month}月）.{fmt}",
                      media_type)
