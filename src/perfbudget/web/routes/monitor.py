"""Mid-year monitoring (运行监控, 双监控) of a project: the fill-in sheet and its upload, or the same values typed
into the page's form → the lights → the 项目支出绩效目标执行监控表 in every download format. The same use cases as
the CLI's ``monitor`` (:func:`perfbudget.app.evaluations.monitor`, ``save_monitorings``, ``latest_monitoring``):
the form becomes the rows of a filled sheet (``web.evaluation.monitoring_rows_from_form``), so a typed value
meets the same checks, errors and lights as an uploaded one."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from perfbudget.app import evaluations
from perfbudget.app.exports import FORMAT_LABELS, MONITORING_FORMATS, monitoring_file
from perfbudget.app.project_view import ProjectView, load_view
from perfbudget.app.roles import Principal
from perfbudget.app.workflow import actor_of
from perfbudget.evaluate.monitor import LIGHT_LABELS, Monitoring
from perfbudget.evaluate.vocabulary import GRADES, LIKELIHOODS, REASONS
from perfbudget.model import Kind, Problem, Severity
from perfbudget.plain_numbers import plain_int
from perfbudget.web.csrf import read_form
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.downloads import fill_in_template
from perfbudget.web.errors import WebError, not_found
from perfbudget.web.evaluation import (
    FORM_FILE,
    form_problems,
    form_values,
    monitoring_rows_from_form,
    monitoring_values_from_table,
    read_uploaded_sheet,
    shown_problems,
    year_given,
)
from perfbudget.web.filenames import attachment
from perfbudget.web.monitor_access import may_monitor, require_monitor
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.views import settings_of, store_of
from perfbudget.writers.monitoring_layout import execution_rate, light_counts, monitoring_period

router = page_router()
MONTHS = tuple(range(1, 13))


def _view(request: Request, principal: Principal, project_id: int) -> ProjectView:
    """The project's official version (the approved one while a revision waits), for any reader."""
    with store_of(request).reading() as tx:
        return load_view(tx, principal, project_id, settings_of(request))


def _latest(request: Request, project_id: int) -> tuple[dict[str, Any], Monitoring] | None:
    row = evaluations.latest_monitoring(store_of(request), project_id)
    return None if row is None else (row, evaluations.stored_monitoring(row))


def _page(request: Request, principal: Principal, view: ProjectView, problems: list[str], month: int | None,
          status: int = 200, values: dict[str, str] | None = None, bad_fields: set[str] | None = None) -> Response:
    latest = _latest(request, view.head.id)
    row, monitoring = latest if latest else (None, None)
    result = monitoring.projects[0] if monitoring else None
    return render(request, "monitor.html", {
        "head": view.head, "row": row, "monitoring": monitoring, "result": result,
        "version": view.version.meta["version"],
        "rate": execution_rate(result) if result else "", "counts": light_counts(result) if result else (0, 0),
        "lights": LIGHT_LABELS, "refused": may_monitor(request, principal, view), "problems": problems,
        "months": MONTHS, "month": month or (monitoring.month if monitoring else None)
        or view.version.document.projects[0].month or 6,
        "formats": MONITORING_FORMATS, "format_labels": FORMAT_LABELS,
        "project": view.version.document.projects[0], "money_unit": view.version.document.money_unit,
        "values": values if values is not None else monitoring_values_from_table(view.version.document),
        "bad_fields": bad_fields or set(), "grades": GRADES, "likelihoods": LIKELIHOODS,
        "reasons": REASONS, "Kind": Kind}, status_code=status)


def _saved(request: Request, principal: Principal, view: ProjectView, monitoring: Monitoring,
           problems: list[Problem], month: int, values: dict[str, str]) -> Response:
    """Keep a monitoring (uploaded or typed) and say its lights; the year asked for when the table has none."""
    years, year_problem = year_given(view, values.get("evaluation_year", ""))
    if year_problem:
        return _page(request, principal, view, [year_problem], month, 422, values, {"evaluation_year"})
    try:
        evaluations.save_monitorings(store_of(request), actor_of(principal), [(view.version, monitoring)], years,
                                     month, ip=client_ip(request))
    except evaluations.YearNeeded as needed:
        return _page(request, principal, view, [needed.message], month, 422, values, {"evaluation_year"})
    result = monitoring.projects[0]
    warnings = [str(p) for p in problems if p.severity is not Severity.ERROR]
    flash(request, f"1-{month}月运行监控已保存：项目{LIGHT_LABELS[result.colour]}，预算执行"
          f"{LIGHT_LABELS[result.budget_light]}" + (f"（提示：{'；'.join(warnings)}）" if warnings else ""), "ok")
    return redirect(f"/projects/{view.head.id}/monitoring")


@router.get("/projects/{project_id}/monitoring")
def monitoring_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    return _page(request, principal, _view(request, principal, project_id), [], None)


@router.get("/projects/{project_id}/monitoring/template.xlsx")
def monitoring_template(request: Request, project_id: int, month: int = 6,
                        principal: Principal = Depends(page_user)) -> Response:
    if month not in MONTHS:
        raise WebError(422, "bad_month", f"月份 {month} 无效，应为 1–12")
    content, media_type, name = fill_in_template(request, principal, project_id, month)
    return attachment(content, name, media_type)


@router.post("/projects/{project_id}/monitoring/upload")
async def monitoring_upload(request: Request, project_id: int, month: int = Form(...),
                            file: UploadFile = File(...), evaluation_year: str = Form(""),
                            principal: Principal = Depends(page_user)) -> Response:
    view = _view(request, principal, project_id)
    require_monitor(request, principal, view)
    if month not in MONTHS:
        return _page(request, principal, view, [f"月份 {month} 无效，应为 1–12"], None, status=422)
    rows, sheet_problems, name = await read_uploaded_sheet(request, file, "monitor", "监控填报表", month)
    monitoring, problems = evaluations.monitor(view.version.document, rows, sheet_problems, name, month)
    if monitoring is None:
        return _page(request, principal, view, shown_problems(problems, located=True), month, status=422)
    return _saved(request, principal, view, monitoring, problems, month, {"evaluation_year": evaluation_year})


@router.post("/projects/{project_id}/monitoring/form")
async def monitoring_form(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    """The monitoring typed into the page: checked by the same use case as an uploaded sheet; an error names the
    indicator on screen and marks its field, and the page keeps what was typed."""
    view = _view(request, principal, project_id)
    require_monitor(request, principal, view)
    form = await read_form(request)
    values = form_values(form)
    month = plain_int(values.get("month", ""), 1, 12)
    if month is None:
        return _page(request, principal, view, [f"月份「{values.get('month', '')}」无效，应为 1–12"], None, 422,
                     values, {"month"})
    document = view.version.document
    rows = monitoring_rows_from_form(document, form)
    monitoring, problems = evaluations.monitor(document, rows, [], FORM_FILE, month)
    if monitoring is None:
        messages, fields = form_problems(document, rows, problems)
        return _page(request, principal, view, messages, month, 422, values, fields)
    return _saved(request, principal, view, monitoring, problems, month, values)


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
    return attachment(content, f"{view.head.name}-项目支出绩效目标执行监控表（{monitoring_period(latest[1])}）.{fmt}",
                      media_type)
