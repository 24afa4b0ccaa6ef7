"""Entering actuals (or uploading the filled sheet) → the self-evaluation (自评) → downloads."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, File, Form, Request, UploadFile
from fastapi.responses import Response

from perfbudget.app import evaluations
from perfbudget.app.exports import EVALUATION_FORMATS, FORMAT_LABELS, evaluation_file, evaluation_file_name
from perfbudget.app.overview import latest_evaluation
from perfbudget.app.project_view import ProjectView, load_view
from perfbudget.app.roles import Action, Principal
from perfbudget.app.workflow import actor_of
from perfbudget.evaluate.result import Evaluation, evaluation_from_dict
from perfbudget.evaluate.vocabulary import GRADE_LONG, GRADES
from perfbudget.model import Kind, Problem, Severity
from perfbudget.web.csrf import read_form
from perfbudget.web.deps import client_ip, page_user
from perfbudget.web.downloads import fill_in_template
from perfbudget.web.errors import WebError, forbidden, not_found
from perfbudget.web.evaluation import (
    form_problems,
    form_values,
    read_uploaded_sheet,
    rows_from_form,
    shown_problems,
    values_from_sheet,
    values_from_table,
    year_given,
)
from perfbudget.web.filenames import attachment
from perfbudget.web.routes.common import flash, page_router, redirect, render
from perfbudget.web.views import settings_of, store_of

router = page_router()


def _view(request: Request, principal: Principal, project_id: int, edit: bool) -> ProjectView:
    """The project's official version (the approved one while a revision waits)."""
    store, settings = store_of(request), settings_of(request)
    with store.reading() as tx:
        view = load_view(tx, principal, project_id, settings)
    if edit and not principal.can(Action.EDIT, view.head.unit_code):
        raise forbidden("您的角色不能填报实际完成值")
    if edit:
        refused = evaluations.refusal(store, settings, [project_id], officer=True)
        if refused:
            raise WebError(409, "not_approved", refused)
    return view


def _form_page(request: Request, view: ProjectView, values: dict[str, str], problems: list[str],
               status: int = 200, bad_fields: set[str] | None = None, from_table: bool = False,
               from_sheet: str | None = None) -> Response:
    project = view.version.document.projects[0]
    return render(request, "evaluate.html", {
        "head": view.head, "project": project, "money_unit": view.version.document.money_unit,
        "version": view.version.meta["version"],
        "values": values, "problems": problems, "bad_fields": bad_fields or set(),
        "grades": GRADES, "grade_long": GRADE_LONG, "Kind": Kind, "from_table": from_table,
        "from_sheet": from_sheet},
        status_code=status)


@router.get("/projects/{project_id}/evaluate")
def evaluate_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    view = _view(request, principal, project_id, edit=True)
    values = values_from_table(view.version.document)  # an uploaded 自评表's own figures, to check, not retype
    return _form_page(request, view, values, [], from_table=bool(values))


def _finish(request: Request, principal: Principal, view: ProjectView, evaluation: Evaluation | None,
            problems: list[Problem],
            values: dict[str, str], form_rows: list[Any] | None = None, year_text: str = "",
            from_sheet: str | None = None) -> Response:
    years, year_problem = year_given(view, year_text)
    if year_problem:
        return _form_page(request, view, values, [year_problem], status=422, bad_fields={"evaluation_year"})
    if evaluation is None:
        if form_rows is not None:
            messages, fields = form_problems(view.version.document, form_rows, problems, budget_field=True)
            return _form_page(request, view, values, shown_problems(messages), status=422, bad_fields=fields)
        return _form_page(request, view, values, shown_problems(problems, located=True), status=422,
                          from_sheet=from_sheet if len(values) > 1 else None)
    result = evaluation.projects[0]
    try:
        evaluations.save(store_of(request), actor_of(principal), [(view.version, evaluation)], years,
                         ip=client_ip(request))
    except evaluations.YearNeeded as needed:
        return _form_page(request, view, values, [needed.message], status=422, bad_fields={"evaluation_year"})
    warnings = [str(p) for p in problems if p.severity is not Severity.ERROR]
    flash(request, f"自评完成：{result.to_dict()['total']} 分，{result.grade}"
          + (f"（提示：{'；'.join(warnings)}）" if warnings else ""), "ok")
    return redirect(f"/projects/{view.head.id}/evaluation")


@router.post("/projects/{project_id}/evaluate")
async def evaluate_form(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    view = _view(request, principal, project_id, edit=True)
    form = await read_form(request)
    document = view.version.document
    rows = rows_from_form(document, form)
    evaluation, problems = evaluations.score(document, rows, [], "网页填报")
    values = form_values(form)
    return _finish(request, principal, view, evaluation, problems, values, rows, values.get("evaluation_year", ""))


@router.post("/projects/{project_id}/evaluate/upload")
async def evaluate_upload(request: Request, project_id: int, file: UploadFile = File(...),
                          evaluation_year: str = Form(""),
                          principal: Principal = Depends(page_user)) -> Response:
    view = _view(request, principal, project_id, edit=True)
    rows, sheet_problems, name = await read_uploaded_sheet(request, file, "evaluation", "填报表")
    evaluation, problems = evaluations.score(view.version.document, rows, sheet_problems, name)
    # refused: the form below comes back filled with what the sheet gave, to be fixed on the page (webflow26)
    values = {"evaluation_year": evaluation_year,
              **(values_from_sheet(view.version.document, rows) if evaluation is None else {})}
    return _finish(request, principal, view, evaluation, problems, values, year_text=evaluation_year,
                   from_sheet=name)


@router.get("/projects/{project_id}/evaluate/template.xlsx")
def evaluate_template(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    content, media_type, name = fill_in_template(request, principal, project_id)
    return attachment(content, name, media_type)


def _stored(request: Request, principal: Principal,
            project_id: int) -> tuple[ProjectView, dict[str, Any], Evaluation]:
    view = _view(request, principal, project_id, edit=False)
    with store_of(request).reading() as tx:
        row = latest_evaluation(tx, project_id)
    if row is None:
        raise not_found("该项目的自评结果（请先填报实际完成值）")
    return view, row, evaluation_from_dict(row["payload"])


@router.get("/projects/{project_id}/evaluation")
def evaluation_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    view, row, evaluation = _stored(request, principal, project_id)
    return render(request, "evaluation.html", {"head": view.head, "row": row, "evaluation": evaluation,
                                               "result": evaluation.projects[0], "formats": EVALUATION_FORMATS,
                                               "format_labels": FORMAT_LABELS})


@router.get("/projects/{project_id}/evaluation/download/{fmt}")
def evaluation_download(request: Request, project_id: int, fmt: str,
                        principal: Principal = Depends(page_user)) -> Response:
    view, row, evaluation = _stored(request, principal, project_id)
    made = evaluation_file(evaluation, fmt, year=row["year"])
    if made is None:
        raise WebError(404, "not_found", f"不支持的下载格式「{fmt}」")
    content, media_type = made
    return attachment(content, evaluation_file_name(evaluation, view.head.name, fmt), media_type)
