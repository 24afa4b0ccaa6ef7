"""The reviewer's desk of a project (decide findings, comment cells, grade), the queue with batch
steps, and the 审核意见书 (HTML ready to print as PDF, and Word)."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from fastapi import Depends, Form, Request
from fastapi.responses import HTMLResponse, Response

from perfbudget.app import review_desk as desk_app
from perfbudget.app.desk import FILTER_LABELS, ListQuery, list_projects, unit_options
from perfbudget.app.opinion import OPINION_FORMS, opinion_docx, opinion_html, project_opinion_title, unit_opinion_desks
from perfbudget.app.overview import GRADES, UnitCode, UnitName, years
from perfbudget.app.project_lists import view_query
from perfbudget.app.queue_next import next_in_queue
from perfbudget.app.roles import Action, Principal
from perfbudget.app.workflow import STATE_LABELS, WEB_PAGE
from perfbudget.plain_numbers import plain_int, plain_year, stored_id
from perfbudget.web.csrf import read_form
from perfbudget.web.deps import client_ip, data_version, page_user
from perfbudget.web.errors import WebError, few_documents_at_once, forbidden
from perfbudget.web.filenames import attachment
from perfbudget.web.routes.common import cached_page, flash, page_router, redirect, render
from perfbudget.web.views import settings_of, store_of

router = page_router()
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _desk(request: Request, principal: Principal, project_id: int) -> desk_app.Desk:
    return desk_app.load_desk(store_of(request), principal, project_id, settings_of(request))


@router.get("/projects/{project_id}/review")
def desk_page(request: Request, project_id: int, principal: Principal = Depends(page_user)) -> Response:
    return desk_response(request, principal, project_id)


def desk_response(request: Request, principal: Principal, project_id: int, kept: dict[str, str] | None = None,
                  status_code: int = 200) -> Response:
    """The desk; ``kept``: a refused 审核结论's 意见, put back in its field (``needs``: the field marked and focused).
    Until webflow22 a refused conclusion redirected to the desk: the 意见 typed was gone (a step another reviewer
    took meanwhile) and nothing pointed at the field a 退回 needs."""
    from perfbudget.writers.print_layout import css_string, running_head

    desk = _desk(request, principal, project_id)
    project = desk.view.version.document.projects[0]
    head = desk.view.head
    may_review = principal.can(Action.REVIEW, head.unit_code)
    return render(request, "review_desk.html", {
        # printed, every page names the unit and the project in its top margin, as the project page does (print25:
        # a desk of many findings printed pages 2… naming neither); a quoted CSS string (no 「<」 leaves the style)
        "printed_head": css_string(running_head(f"{head.unit_code or ''}{head.unit_name or ''}", head.name)),
        # the next project of the queue, from where the reviewer decides (webflow24: back to the queue each time)
        "queue_next": next_in_queue(store_of(request), principal, project_id) if may_review else None,
        "desk": desk, "head": desk.view.head, "project": project, "places": desk_app.places(project),
        "finding_place": desk_app.finding_place,
        "decisions": desk_app.DECISIONS, "grades": GRADES, "state_labels": STATE_LABELS,
        "may_review": may_review,
        "conclusions": desk_app.conclusion_steps(principal, desk.view.head), "kept": kept or {}},
        status_code=status_code)


def _act(request: Request, project_id: int, action: object) -> Response:
    try:
        action()  # type: ignore[operator]
    except desk_app.DeskRefused as refused:
        flash(request, str(refused), "error")
    else:
        flash(request, desk_app.SAVED, "ok")
    return redirect(f"/projects/{project_id}/review")


@router.post("/projects/{project_id}/review/decide")
def decide(request: Request, project_id: int, key: str = Form(...), decision: str = Form(...),
           reason: str = Form(""), principal: Principal = Depends(page_user)) -> Response:
    return _act(request, project_id, lambda: desk_app.decide(store_of(request), principal, project_id,
                                                             settings_of(request), key, decision, reason,
                                                             client_ip(request)))


@router.post("/projects/{project_id}/review/comment")
def comment(request: Request, project_id: int, place: str = Form(...), text: str = Form(""),
            principal: Principal = Depends(page_user)) -> Response:
    return _act(request, project_id, lambda: desk_app.comment(store_of(request), principal, project_id,
                                                              settings_of(request), place, text, client_ip(request)))


@router.post("/projects/{project_id}/review/grade")
def grade(request: Request, project_id: int, grade: str = Form(...), reason: str = Form(""),
          principal: Principal = Depends(page_user)) -> Response:
    return _act(request, project_id, lambda: desk_app.grade(store_of(request), principal, project_id,
                                                            settings_of(request), grade, reason, client_ip(request)))


def _known_format(fmt: str) -> None:
    # Checked before any desk is built: a unit's opinion builds up to 200 (attack13: `.pdf` of a unit of 200
    # projects cost the whole opinion's CPU, 0.5 s with stored reviews, a minute without, before its 404).
    if fmt not in OPINION_FORMS:
        raise WebError(404, "not_found", "没有这种格式")


def _opinion(request: Request, title: str, desks: list[desk_app.Desk], fmt: str, filename: str) -> Response:
    if fmt == "docx":
        return attachment(opinion_docx(title, desks), f"{filename}.docx", DOCX)
    return HTMLResponse(opinion_html(title, desks))  # the same page as the API's and perfbudget desk opinion's


@router.get("/projects/{project_id}/opinion.{fmt}")
def project_opinion(request: Request, project_id: int, fmt: str, principal: Principal = Depends(page_user)) -> Response:
    _known_format(fmt)
    if fmt != "docx":  # the page: one project, as its desk page
        desk = _desk(request, principal, project_id)
        return _opinion(request, project_opinion_title(desk), [desk], fmt, project_opinion_title(desk))
    with few_documents_at_once():
        desk = _desk(request, principal, project_id)
        title = project_opinion_title(desk)
        return _opinion(request, title, [desk], fmt, title)


@router.get("/units/by-id/{unit_id}/opinion.{fmt}")
def unit_opinion_by_id(request: Request, unit_id: str, fmt: str, year: str | None = None,
                       principal: Principal = Depends(page_user)) -> Response:
    """A unit whose key cannot be an address, by its id alone (:func:`perfbudget.app.overview.unit_path`)."""
    return _unit_opinion(request, principal, plain_int(unit_id, 1) or 0, fmt, year)


@router.get("/units/by-name/{name:path}/opinion.{fmt}")
def unit_opinion_by_name(request: Request, name: str, fmt: str, year: str | None = None,
                         principal: Principal = Depends(page_user)) -> Response:
    """A unit without a code, by its name alone (:func:`perfbudget.app.overview.unit_address`)."""
    return _unit_opinion(request, principal, UnitName(name), fmt, year)


@router.get("/units/by-code/{code:path}/opinion.{fmt}")
def unit_opinion_by_code(request: Request, code: str, fmt: str, year: str | None = None,
                         principal: Principal = Depends(page_user)) -> Response:
    """A unit by its code alone, 「/」 and all (:class:`perfbudget.app.overview.UnitCode`)."""
    return _unit_opinion(request, principal, UnitCode(code), fmt, year)


@router.get("/units/{unit_key}/opinion.{fmt}")
def unit_opinion(request: Request, unit_key: str, fmt: str, year: str | None = None,
                 principal: Principal = Depends(page_user)) -> Response:
    """``unit_key``: the unit's key, as the publications name it (its code, or the name of a unit without one), or
    its id when no unit has that key (links made before 2026-12-05)."""
    return _unit_opinion(request, principal, unit_key, fmt, year)


def _unit_opinion(request: Request, principal: Principal, unit_key: int | str | UnitName | UnitCode, fmt: str,
                  year: str | None) -> Response:
    _known_format(fmt)
    with few_documents_at_once():  # up to 200 projects' desks, as a page or in Word
        title, desks = unit_opinion_desks(store_of(request), principal, unit_key, plain_year(year),
                                          settings_of(request))
        return _opinion(request, title, desks, fmt, title)


@router.get("/review/queue")
async def queue_page(request: Request, principal: Principal = Depends(page_user)) -> Response:
    if not principal.may(Action.REVIEW):
        raise forbidden("只有审核人员可以使用审核队列")

    params = dict(request.query_params)
    query, problems = view_query("queue", params)  # the list's filters (app.desk.ListQuery.parse), said if bad

    def build() -> Response:
        return _queue_response(request, principal, query, problems, params)

    # the same for every reviewer of the same scope until the data changes: from the page cache
    return await cached_page(request, principal, ("review-queue", tuple(sorted(params.items()))), build)


def _queue_response(request: Request, principal: Principal, query: ListQuery, problems: object,
                    params: dict[str, str], kept: dict[str, object] | None = None, status_code: int = 200) -> Response:
    """The queue's page ``query.page`` of :data:`MOST_BATCH` rows (as many as one batch step takes), its columns
    sorting it, a pager; ``kept``: a refused batch step's ticks and 意见, put back (``needs``: the field marked).
    Until webflow23 the queue showed its first 100 projects only, whatever ``page`` asked, without saying so (「300 个
    待审核」 and no way to the other 200 but a filter), and a refused step redirected: ticks and 意见 lost."""
    version, cache = data_version(request), request.app.state.cache
    scope = "*" if principal.all_units else principal.unit_code
    with store_of(request).reading() as tx:
        page = list_projects(tx, principal, replace(query, size=desk_app.MOST_BATCH))
        # the years and units the filters offer: the project list's, cached alike (webflow24: text boxes until then,
        # a year or unit typed that the data has not gave an empty queue, a part of a unit's name matched nothing)
        available = cache.get_or_compute(version, ("years", scope), lambda: years(tx, principal))
        unit_list = cache.get_or_compute(version, ("unit-options", scope), lambda: unit_options(tx, principal))
        filtered = bool(query.q or query.year is not None or query.unit)
        # filtered to nothing: how many wait without the filters, said with the way back (webflow24)
        unfiltered = (list_projects(tx, principal, replace(query, q="", year=None, unit="", page=1, size=1)).total
                      if filtered and not page.rows else None)
    first = (page.page - 1) * desk_app.MOST_BATCH + 1 if page.rows else 0
    return render(request, "review_queue.html", {
        "rows": page.rows, "total": page.total, "query": query, "problems": problems,
        "years": available, "units": unit_list, "unfiltered": unfiltered,
        "queue_url": _queue_url(params), "page": page.page, "pages": page.pages, "first": first,
        "last": first + len(page.rows) - 1 if page.rows else 0, "link": lambda **changes: queue_link(query, **changes),
        "kept": kept or {}}, status_code=status_code)


def queue_link(query: ListQuery, **changes: object) -> str:
    """``/review/queue?…`` of ``query`` with ``changes`` (a changed order goes back to page 1); the queue's own
    state is left out, its default order (oldest submission first) too."""
    if any(key != "page" for key in changes):
        changes.setdefault("page", 1)
    shown = replace(query, **changes)  # type: ignore[arg-type]
    params = shown.params()
    params.pop("state", None)
    params.pop("size", None)
    params["sort"] = shown.sort  # the queue's default order is not the list's
    if shown.sort == "submitted" and not shown.desc:
        del params["sort"]
    if params.get("year") == "all":
        del params["year"]
    return "/review/queue" + (f"?{urlencode(params)}" if params else "")


@router.post("/review/queue")
async def queue_step(request: Request, principal: Principal = Depends(page_user)) -> Response:
    if not principal.may(Action.REVIEW):
        raise forbidden("只有审核人员可以使用审核队列")
    form = await read_form(request)
    params = dict(request.query_params)
    back = _queue_url(params)  # the queue as it was filtered (the form posts to its URL)
    # each tick 「id:version」, the version the row showed (a 审核通过 refused for a project revised since; a bare id,
    # which took the latest until attack41, is refused its 审核通过 as the command line's bare reference), read as the
    # command line's references; a version that is none refuses the batch (until attack39's second reading it was
    # dropped and the latest version approved)
    written = [str(v) for v in form.getlist("project")]
    ticks = [(stored_id(reference), version) for reference, version in map(desk_app.seen_reference, written)]
    bad = next((tick for tick, (_, version) in zip(written, ticks, strict=True) if version == 0), None)
    seen, twice = desk_app.seen_versions(((i, v) for i, v in ticks if i is not None and v is not None),
                                         "请刷新页面后重新勾选")
    ids = [i for i, _ in ticks if i is not None]
    action, text = str(form.get("action") or ""), str(form.get("comment") or "").strip()
    refusal = (f"{desk_app.version_refused(bad)}，未处理任何项目" if bad is not None
               else twice if twice is not None
               else "请先勾选要处理的项目（每行前的方框）" if not ids
               else "「批量退回」需要填写意见：退回的原因会显示在各单位的项目页" if action == "return" and not text
               else None)
    if refusal:  # answered at once: the ticks and the 意见 kept, the field to fill marked (webflow23)
        query, problems = view_query("queue", params)
        flash(request, refusal, "error")
        return _queue_response(request, principal, query, problems, params, status_code=422, kept={
            "ticked": set(ids), "comment": text, "needs": "project" if not ids or bad or twice else "comment"})
    try:
        results = desk_app.batch_step(store_of(request), principal, ids, action, text, client_ip(request), seen,
                                      version_required=WEB_PAGE)
    except desk_app.DeskRefused as refused:
        flash(request, str(refused), "error")
        return redirect(back)
    # each refusal's reason once, its projects named: the same words as the API's and the CLI's
    flash(request, desk_app.batch_message(store_of(request), principal, results),
          "ok" if all(r.ok for _, r in results) else "warn")
    return redirect(back)


def _queue_url(params: dict[str, str]) -> str:
    """The queue with the list's filters of ``params`` (until 2026-12-05 a batch step went back to the whole queue,
    its search, year and unit lost); other parameters and the page are left out, the path is always the queue's."""
    kept = {key: value for key, value in params.items() if key in FILTER_LABELS and key != "page" and value}
    return "/review/queue" + (f"?{urlencode(kept)}" if kept else "")
