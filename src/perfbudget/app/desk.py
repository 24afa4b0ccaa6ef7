"""The officer's and the reviewer's day: the to-do list per role, the year with the user's work,
and the searchable, sortable, filtered and paged project list.

Everything is counted and filtered in SQL (one query per count group, one page of rows), never
by loading every project. Every query is scoped by the user like :mod:`perfbudget.app.overview`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import case, exists, func, or_, select

from perfbudget.app.finding_dimensions import kept_dimension_condition
from perfbudget.app.overview import GRADES, UNEVALUATED, UNREVIEWED, in_wan, status_scope
from perfbudget.app.paging import PAGE
from perfbudget.app.roles import Principal, Role
from perfbudget.app.validate import echoed, text_problem
from perfbudget.app.workflow import APPROVED, DRAFT, RETURNED, STATE_LABELS, STATES, SUBMITTED
from perfbudget.plain_numbers import plain_int, plain_year
from perfbudget.review.finding import DIMENSIONS
from perfbudget.store import search
from perfbudget.store.ordering import sort_key
from perfbudget.store.records import workflow_events, workflow_states
from perfbudget.store.schema import documents, evaluations, indicators, project_versions, projects, reviews, units
from perfbudget.store.status import project_status
from perfbudget.store.transaction import Transaction
from perfbudget.store.unit_match import BY_NAME, unit_named

SORTS = {"unit": "单位", "name": "项目名称", "budget": "预算", "grade": "审核等级", "errors": "错误数",
         "state": "流程状态", "submitted": "送审时间", "year": "年度"}
TODOS = {"evaluate": "待自评", "monitor": "待监控"}
# the web's page sizes; the default is the one page of every face (app.paging.PAGE: the CLI's ``--limit`` and the API's
# ``limit``); the pages showed 50 rows by default until faces43, where the command line and the API gave 100
PAGE_SIZES = (20, 50, PAGE)


status = project_status
_NOT_UTF8 = re.compile("[\ud800-\udfff]")
MOST_FILTER_TEXT = 100  # a search word, a unit's key or a fund (the longest unit name known is 40 characters)
FILTER_LABELS = {"q": "搜索", "year": "年度", "unit": "单位", "state": "流程状态", "grade": "审核等级",
                 "egrade": "自评等级", "dimension": "问题维度", "fund": "资金", "todo": "待办", "sort": "排序",
                 "desc": "倒序", "page": "页码", "size": "每页条数"}


@dataclass(frozen=True, slots=True)
class FilterProblem:
    """A list parameter that could not be read: ``name`` (``year``), the ``value`` given as an error says it back
    (:func:`perfbudget.app.validate.echoed`: its first 40 characters, escaped; the whole value until replay-p), the
    ``message`` in Chinese that every face shows (the web above its list, the API as a 422's details, the CLI on
    stderr)."""

    name: str
    value: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """The API's 422 ``invalid_filter`` details entry: its ``location`` (``query.year``) as every other 422's
        entry names one (since faces47), the parameter's ``name``, the ``value`` and the ``message``."""
        return {"location": f"query.{self.name}", "name": self.name, "value": self.value, "message": self.message}


# what a year filter takes, in every face's words: the lists', the dashboard's and the to-do's (the to-do said
# 「请写四位数字的年度」 on the command line and the API while its landing page said this, until faces47)
YEAR_EXPECTED = "应为四位数字的年份（如 2024），或 all（全部年度）"


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What the project list shows: its whole state, kept in the URL (:meth:`url`)."""

    q: str = ""
    year: int | None = None
    unit: str = ""
    state: str = ""
    grade: str = ""
    egrade: str = ""  # 自评等级 (or 未自评)
    dimension: str = ""  # a kept finding of this dimension (app.finding_dimensions)
    fund: str = ""
    todo: str = ""
    sort: str = "unit"
    desc: bool = False
    page: int = 1
    size: int = PAGE

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> ListQuery:
        """A query from URL parameters, a malformed one left at its default (:meth:`parse` says which)."""
        return cls.parse(params)[0]

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> tuple[ListQuery, tuple[FilterProblem, ...]]:
        """The one reading of the list's filters, the same on every face (the web's list and queue, the API's
        ``/projects`` and ``/review/queue``, ``perfbudget list projects|queue``): the query, and what is wrong with
        a parameter (its message in Chinese, naming the parameter and the values it takes), that one filter then
        left at its default and the others kept. A filter is given by its key or by the label the page shows
        (``state=submitted`` or ``state=已送审``, ``sort=grade`` or ``sort=审核等级``); ``year`` is a four-digit
        year, or ``all`` / empty for every year; unknown parameters are not filters (``format``, ``limit`` …)."""
        problems: list[FilterProblem] = []

        def bad(key: str, value: str, expected: str) -> None:
            shown = echoed(value)  # the message is shown on a page, a terminal, a file
            problems.append(FilterProblem(key, shown, f"{FILTER_LABELS[key]}「{shown}」无效：{expected}"))

        def text(key: str) -> str:
            value = (params.get(key) or "").strip()
            if len(value) > MOST_FILTER_TEXT:
                bad(key, value, f"最多 {MOST_FILTER_TEXT} 个字符")
                return ""
            # a control character or a non-character matches no stored text (none may be stored), and no Excel
            # file may hold one: the list's export names its filters in its title, and answered 500 on the page
            # and the API (`format=xlsx`) until 2026-12-05 (found by attack20)
            # (bytes that are not UTF-8, a command line's surrogate escapes, are named by the CLI's own message)
            problem = None if _NOT_UTF8.search(value) else text_problem(value, MOST_FILTER_TEXT)
            if problem:
                bad(key, value, problem)
                return ""
            return value

        def choice(key: str, choices: Mapping[str, str]) -> str:
            value = text(key)
            if not value:
                return ""
            for choice_key, label in choices.items():
                if value in (choice_key, label):
                    return choice_key
            shown = "、".join(label if label == choice_key else f"{choice_key}（{label}）"
                             for choice_key, label in choices.items())
            bad(key, value, f"应为 {shown}")
            return ""

        def number(key: str, default: int, allowed: tuple[int, ...] | None = None) -> int:
            value = (params.get(key) or "").strip()
            if not value:
                return default
            found = plain_int(value, 1, 99999)
            if found is None or (allowed is not None and found not in allowed):
                bad(key, value, "应为 " + ("、".join(map(str, allowed)) if allowed else "1 到 99999 的整数"))
                return default
            return found

        year_text = (params.get("year") or "").strip()
        year = None if year_text in ("", "all") else plain_year(year_text)
        if year is None and year_text not in ("", "all"):
            bad("year", year_text, YEAR_EXPECTED)
        desc_text = (params.get("desc") or "").strip()
        if desc_text not in ("", "0", "1"):
            bad("desc", desc_text, "应为 1（倒序）或 0")
        query = cls(q=text("q"), year=year, unit=text("unit"), state=choice("state", STATE_LABELS),
                    grade=choice("grade", {g: g for g in (*GRADES, UNREVIEWED)}),
                    egrade=choice("egrade", {g: g for g in (*GRADES, UNEVALUATED)}),
                    dimension=choice("dimension", {d: d for d in DIMENSIONS}), fund=text("fund"),
                    todo=choice("todo", TODOS), sort=choice("sort", SORTS) or "unit", desc=desc_text == "1",
                    page=number("page", 1), size=number("size", PAGE, PAGE_SIZES))
        return query, tuple(problems)

    def url(self, **changes: Any) -> str:
        """``/projects?…`` for this query with ``changes`` (a filter change goes back to page 1)."""
        if any(k != "page" for k in changes):
            changes.setdefault("page", 1)
        return "/projects?" + urlencode(replace(self, **changes).params())

    def params(self) -> dict[str, str]:
        """The query as URL parameters (the year always: ``all`` for every year), the defaults left out."""
        defaults = ListQuery()
        params = {"year": str(self.year) if self.year is not None else "all"}
        for f in fields(ListQuery):
            if f.name == "year":
                continue
            value = getattr(self, f.name)
            if value != getattr(defaults, f.name) and value not in ("", None):
                params[f.name] = "1" if value is True else str(value)
        return params

    def export_url(self, view: str, fmt: str) -> str:
        """``/lists/projects.xlsx?…``: list ``view`` (app.project_lists.VIEWS) under these filters as a file."""
        params = {k: v for k, v in self.params().items() if k not in ("page", "size")}
        if view == "queue":  # its own state and order (app.project_lists.view_query)
            params.pop("state", None)
            if params.get("sort") == "submitted":
                del params["sort"]
        return f"/lists/{view}.{fmt}?" + urlencode(params)


@dataclass(frozen=True, slots=True)
class ProjectPage:
    rows: list[dict[str, Any]]
    total: int
    page: int
    pages: int


def _filtered(tx: Transaction, principal: Principal, query: ListQuery, columns: list[Any],
              review: bool = False, version: bool = False) -> Any:
    """``SELECT columns`` over the official versions of the visible projects matching ``query``.

    Everything a filter, a sort or a count needs of a project's official version (its state, newest
    review and self-evaluation, monitoring, last submission) is one row of ``project_status``
    (:mod:`perfbudget.store.status`, kept by triggers), so a filter is an index range of one table.
    The other tables are joined only when a filter or a column needs them: ``projects`` and ``units``
    for names, codes and the fund, the official version for the fund source and the indicator search,
    the newest review's row only when ``review`` (its JSON). A text search goes through the indexes of
    :mod:`perfbudget.store.search` (project names, indicator texts)."""
    text = " ".join(str(c) for c in columns)
    with_projects = bool(query.fund) or "projects." in text
    with_units = bool(query.unit) or "units." in text
    with_version = version or bool(query.fund) or "project_versions." in text
    stmt = select(*columns).select_from(status)
    if with_projects:
        stmt = stmt.join(projects, projects.c.id == status.c.project_id)
    if with_units:
        stmt = stmt.join(units, units.c.id == status.c.unit_id)
    if with_version:
        stmt = stmt.join(project_versions, project_versions.c.id == status.c.version_id)
    if review:
        stmt = stmt.outerjoin(reviews, reviews.c.id == status.c.review_id)
    stmt = stmt.where(*status_scope(principal, query.year))
    if query.unit:
        # the unit a --unit names (its code, else an uncoded unit's name; by-id/…, by-name/…): any unit's name
        # matched until replay-k, so a coded unit and an uncoded one of that name were listed together
        stmt = stmt.where(unit_named(query.unit))
    if query.state:
        stmt = stmt.where(status.c.state == query.state)
    if query.grade == UNREVIEWED:  # the official grade: the reviewer's where set, else the machine's
        stmt = stmt.where(status.c.grade.is_(None))
    elif query.grade:
        stmt = stmt.where(status.c.grade == query.grade)
    if query.egrade == UNEVALUATED:  # the newest self-evaluation's grade
        stmt = stmt.where(status.c.evaluation_grade.is_(None))
    elif query.egrade:
        stmt = stmt.where(status.c.evaluation_grade == query.egrade)
    if query.fund:
        stmt = stmt.where(or_(projects.c.fund_label.contains(query.fund, autoescape=True),
                              project_versions.c.fund_source.contains(query.fund, autoescape=True)))
    if query.todo:
        # Due: a project with an approved version (its official one, which 自评 and 运行监控 take), also while
        # a revision of it is pending (reopened, returned or submitted again: the state is no longer 审核通过,
        # the approved version still stands); until 2026-12-05 such a project left both lists (replay-f).
        approved = exists().where(workflow_states.c.project_id == status.c.project_id,
                                  workflow_states.c.approved_version.is_not(None))
        due = status.c.evaluation_id.is_(None) if query.todo == "evaluate" else status.c.monitored.is_(False)
        stmt = stmt.where(approved, due)
    connection = tx.connection
    for word in query.q.split():  # each word: in the project's name, its unit's name or code, or an indicator
        matching_units = select(units.c.id).where(or_(units.c.name.contains(word, autoescape=True),
                                                      units.c.code.contains(word, autoescape=True)))
        # Three sets tested on the status row's own columns (hashed sets on PostgreSQL): no join is
        # made for the search, whatever the number of projects a common word finds. Within one unit
        # the unit's few indicators are read directly (the index would find the word's matches in
        # every unit first).
        in_name: Any
        in_indicators: Any
        if principal.all_units and not query.unit:
            in_name = status.c.project_id.in_(select(projects.c.id).where(search.project_name_contains(connection,
                                                                                                      word)))
            in_indicators = status.c.version_id.in_(search.indicator_versions(connection, word, query.year))
        else:
            # correlated with the status row alone: a fund filter joins ``projects`` to the outer query, and an
            # EXISTS correlated with it too had no table left (InvalidRequestError until print19)
            in_name = exists().where(projects.c.id == status.c.project_id,
                                     search.project_name_plain(connection, word)).correlate(status)
            in_indicators = exists().where(indicators.c.version_id == status.c.version_id,
                                           search.indicator_text_plain(connection, word)).correlate(status)
        stmt = stmt.where(or_(in_name, status.c.unit_id.in_(matching_units), in_indicators))
    return stmt


def list_projects(tx: Transaction, principal: Principal, query: ListQuery) -> ProjectPage:
    """One page (``query.page`` of ``query.size``) of the visible projects' official versions matching ``query``,
    with the total (the web's list, queue and dashboard)."""
    ids_stmt, total = _ordered(tx, principal, query)
    pages = max(1, -(-total // query.size))
    page = min(query.page, pages)
    ids = [row[0] for row in tx.connection.execute(ids_stmt.limit(query.size).offset((page - 1) * query.size))]
    return ProjectPage(rows_of(tx, ids), total, page, pages)


def project_slice(tx: Transaction, principal: Principal, query: ListQuery, limit: int,
                  offset: int) -> tuple[list[dict[str, Any]], int]:
    """``limit`` rows from ``offset`` of the same list, and its total (the API's and the CLI's paging)."""
    ids_stmt, total = _ordered(tx, principal, query)
    ids = [row[0] for row in tx.connection.execute(ids_stmt.limit(limit).offset(offset))]
    return rows_of(tx, ids), total


def project_ids(tx: Transaction, principal: Principal, query: ListQuery, most: int) -> tuple[list[int], int]:
    """The ids of the whole list in its order, at most ``most`` of them, and its total (an export, ``--all``)."""
    ids_stmt, total = _ordered(tx, principal, query)
    return [row[0] for row in tx.connection.execute(ids_stmt.limit(most))], total


def _ordered(tx: Transaction, principal: Principal, query: ListQuery) -> tuple[Any, int]:
    """The list's ids in its order (a statement to page) and its total.

    Two queries: the count, and the ids (sorted, only the joins the filters and the sort need); the rows of a
    page are read for its ids only (:func:`rows_of`). A finding-dimension filter is decided in Python first
    (dismissals are keyed by cell content) and joins the other filters as an IN over the project ids kept."""
    kept = None
    if query.dimension:
        candidates = _filtered(tx, principal, query, [status.c.project_id, status.c.version_id, reviews.c.payload],
                               review=True)
        kept = kept_dimension_condition(tx, candidates, query.dimension)
    count_stmt = _filtered(tx, principal, query, [func.count()])
    if kept is not None:
        count_stmt = count_stmt.where(kept)
    total = int(tx.connection.execute(count_stmt).scalar_one())
    grade_rank = case({g: i for i, g in enumerate(GRADES)}, value=status.c.grade, else_=len(GRADES))
    state_rank = case({s: i for i, s in enumerate(STATES)}, value=status.c.state, else_=len(STATES))
    # Equal keys are ordered by the project's number: the list is an index range of ``project_status`` alone (a
    # sort that joins ``projects`` or ``units`` for every matching row costs tens of milliseconds at 100,000
    # projects, issue 17). The unit and year sorts, which join ``units`` anyway, order two units without a code by name
    # (replay-ab: a PostgreSQL import of a directory writes with two connections, so their ids follow no file order).
    sort_keys: dict[str, list[Any]] = {"unit": [units.c.code, units.c.name, status.c.fund_year],
            "name": [projects.c.name],
            "budget": [status.c.budget_wan],
            "grade": [grade_rank],
            "errors": [func.coalesce(status.c.review_errors, 0)],
            "state": [state_rank],
            "submitted": [status.c.submitted_at],
            "year": [status.c.fund_year, units.c.code, units.c.name]}
    keys = [*sort_keys[query.sort], status.c.project_id]
    dialect = tx.connection.dialect.name  # the same order on SQLite and PostgreSQL (store/ordering.py)
    order = [sort_key(k, dialect, query.desc) for k in keys]
    ids_stmt = _filtered(tx, principal, query, [status.c.project_id, *keys])
    if kept is not None:
        ids_stmt = ids_stmt.where(kept)
    return ids_stmt.order_by(*order), total


def list_units(tx: Transaction, principal: Principal, query: ListQuery, most: int = 2) -> list[tuple[str | None, str]]:
    """The units (code, name) the list's projects belong to, at most ``most`` of them, by code: an exported list of
    one unit's projects names the unit in its title (print26: a list printed from a unit's filter, or by a unit's own
    user, named no unit on its pages; its rows did, in a column). A finding-dimension filter is not applied (it is
    decided in Python over the reviews, :func:`_ordered`): the units of the list without it, which are one only when
    the list's are."""
    listed = _filtered(tx, principal, query, [status.c.unit_id])
    stmt = (select(units.c.code, units.c.name).where(units.c.id.in_(listed))
            .order_by(units.c.code, units.c.name).limit(most))
    return [(row.code, row.name) for row in tx.connection.execute(stmt)]


def rows_of(tx: Transaction, ids: list[int]) -> list[dict[str, Any]]:
    """The list's rows of the projects ``ids``, in that order."""
    if not ids:
        return []
    stmt = (select(projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year,
                   projects.c.latest_version, projects.c.unit_id, units.c.code.label("unit_code"),
                   units.c.name.label("unit_name"), project_versions.c.number.label("version"),
                   project_versions.c.budget_total, project_versions.c.indicator_count, documents.c.money_unit,
                   reviews.c.grade.label("review_grade"), status.c.reviewer_grade, reviews.c.errors, reviews.c.warnings,
                   evaluations.c.grade.label("evaluation_grade"), evaluations.c.total.label("evaluation_total"),
                   status.c.state, workflow_states.c.approved_version, status.c.submitted_at)
            .select_from(status)
            .join(projects, projects.c.id == status.c.project_id)
            .join(units, units.c.id == status.c.unit_id)
            .outerjoin(workflow_states, workflow_states.c.project_id == status.c.project_id)
            .join(project_versions, project_versions.c.id == status.c.version_id)
            .join(documents, documents.c.id == project_versions.c.document_id)
            .outerjoin(reviews, reviews.c.id == status.c.review_id)
            .outerjoin(evaluations, evaluations.c.id == status.c.evaluation_id)
            .where(status.c.project_id.in_(ids)))
    by_id = {}
    for row in tx.connection.execute(stmt).mappings():
        item = dict(row)
        item["budget_wan"] = in_wan(item["budget_total"], item["money_unit"])
        by_id[item["id"]] = item
    return [by_id[i] for i in ids if i in by_id]


@dataclass(frozen=True, slots=True)
class TodoItem:
    """One line of the to-do list: a label, its count and the filtered list it links to."""

    key: str
    label: str
    count: int
    url: str


@dataclass(frozen=True, slots=True)
class Todo:
    """The to-do of the year shown; ``elsewhere``: what awaits the user in other years (returned projects for
    editors, submitted ones for reviewers), so that the year shown never hides them."""

    items: list[TodoItem]
    returned: list[dict[str, Any]]
    queue: list[dict[str, Any]]
    elsewhere: list[TodoItem] = field(default_factory=list)


def _state_counts(tx: Transaction, principal: Principal, year: int | None) -> dict[str, int]:
    stmt = _filtered(tx, principal, ListQuery(year=year), [status.c.state, func.count().label("n")])
    return {row.state: int(row.n) for row in tx.connection.execute(stmt.group_by(status.c.state))}


def _count(tx: Transaction, principal: Principal, query: ListQuery) -> int:
    stmt = _filtered(tx, principal, query, [func.count()])
    return int(tx.connection.execute(stmt).scalar_one())


def todo(tx: Transaction, principal: Principal, year: int | None, shown: int = 10) -> Todo:
    """What awaits this user in ``year``: counts linking to the filtered list, the projects returned
    with the reviewer's comment (editors), the queue of submitted projects oldest first (reviewers)."""
    base = ListQuery(year=year)
    states = _state_counts(tx, principal, year)
    items: list[TodoItem] = []
    editing = principal.role in (Role.UNIT_EDITOR, Role.ADMIN)
    reviewing = principal.role in (Role.REVIEWER, Role.ADMIN)
    if reviewing:
        items.append(TodoItem("submitted", "待审核", states.get(SUBMITTED, 0),
                              base.url(state=SUBMITTED, sort="submitted")))
    if editing:
        items.append(TodoItem("returned", "被退回", states.get(RETURNED, 0), base.url(state=RETURNED)))
        items.append(TodoItem("draft", "草稿", states.get(DRAFT, 0), base.url(state=DRAFT)))
        for key, label in TODOS.items():
            items.append(TodoItem(key, label, _count(tx, principal, replace(base, todo=key)), base.url(todo=key)))
    if principal.role == Role.VIEWER:
        items.extend(TodoItem(s, label, states.get(s, 0), base.url(state=s))
                     for s, label in ((SUBMITTED, "已送审"), (APPROVED, "审核通过")))
    returned: list[dict[str, Any]] = []
    if editing and states.get(RETURNED):
        page = list_projects(tx, principal, replace(base, state=RETURNED, size=20))
        comments = _last_comments(tx, [r["id"] for r in page.rows[:shown]])
        returned = [{**r, "comment": comments.get(r["id"])} for r in page.rows[:shown]]
    queue: list[dict[str, Any]] = []
    if reviewing and states.get(SUBMITTED):
        queue = list_projects(tx, principal, replace(base, state=SUBMITTED, sort="submitted", size=20)).rows[:shown]
    return Todo(items, returned, queue, _elsewhere(tx, principal, year, editing, reviewing))


def _elsewhere(tx: Transaction, principal: Principal, year: int | None, editing: bool,
               reviewing: bool) -> list[TodoItem]:
    """The returned, draft and still to self-evaluate (editors) and submitted (reviewers) projects of years other
    than ``year``, by year, newest first: grouped counts. Until webflow20 a project returned in 2023 was 「被退回 0」
    on a dashboard that showed 2024, the year with most drafts; until webflow23 drafts and projects to self-evaluate
    of another year were not counted: a file of ten tables, two of them for 2023, was 「草稿 8」 the day it was
    imported, the other two nowhere on the page."""
    waiting = ((RETURNED, DRAFT) if editing else ()) + ((SUBMITTED,) if reviewing else ())
    if year is None or not waiting:
        return []
    stmt = _filtered(tx, principal, ListQuery(), [status.c.fund_year, status.c.state, func.count().label("n")])
    stmt = (stmt.where(status.c.state.in_(waiting), status.c.fund_year.is_not(None), status.c.fund_year != year)
            .group_by(status.c.fund_year, status.c.state))
    found = [(int(row.fund_year), row.state, int(row.n)) for row in tx.connection.execute(stmt)]
    if editing:  # an approved project of another year still to self-evaluate (its year's end: the 自评 is due)
        due = _filtered(tx, principal, ListQuery(todo="evaluate"), [status.c.fund_year, func.count().label("n")])
        due = due.where(status.c.fund_year.is_not(None), status.c.fund_year != year).group_by(status.c.fund_year)
        found += [(int(row.fund_year), "evaluate", int(row.n)) for row in tx.connection.execute(due)]
    order = {RETURNED: 0, SUBMITTED: 1, DRAFT: 2, "evaluate": 3}
    labels = {RETURNED: "被退回", SUBMITTED: "待审核", DRAFT: "草稿", "evaluate": TODOS["evaluate"]}
    return [TodoItem(key, f"{fund_year} 年度{labels[key]}", n,
                     ListQuery(year=fund_year).url(todo=key) if key == "evaluate"
                     else ListQuery(year=fund_year).url(state=key))
            for fund_year, key, n in sorted(found, key=lambda item: (-item[0], order[item[1]]))]


def _last_comments(tx: Transaction, project_ids: list[int]) -> dict[int, str | None]:
    if not project_ids:
        return {}
    last = (select(func.max(workflow_events.c.id)).where(workflow_events.c.project_id.in_(project_ids),
                                                          workflow_events.c.to_state == RETURNED)
            .group_by(workflow_events.c.project_id))
    rows = tx.connection.execute(select(workflow_events.c.project_id, workflow_events.c.comment)
                                 .where(workflow_events.c.id.in_(last)))
    return {row.project_id: row.comment for row in rows}


def work_year(tx: Transaction, principal: Principal) -> int | None:
    """The year the user's work is in: the year with most projects awaiting this role (drafts and
    returned for editors, submitted for reviewers), newest on a tie; else the year with most
    projects. Declaring one project of next year does not hide this year's work."""
    waiting = {Role.UNIT_EDITOR: (DRAFT, RETURNED), Role.REVIEWER: (SUBMITTED,),
               Role.ADMIN: (SUBMITTED, RETURNED, DRAFT)}.get(principal.role, ())
    base = (select(status.c.fund_year, func.count().label("n"))
            .where(*status_scope(principal), status.c.fund_year.is_not(None)).group_by(status.c.fund_year))
    for stmt in ((base.where(status.c.state.in_(waiting)),) if waiting else ()) + (base,):
        counts = [(int(row.n), int(row.fund_year)) for row in tx.connection.execute(stmt)]
        if counts:
            return max(counts)[1]
    return None


def unit_options(tx: Transaction, principal: Principal) -> list[dict[str, Any]]:
    """The units the list's filter offers (code and name, by code; the units without a code after them, by name),
    each with the ``value`` its ``unit`` filter takes: the code, or ``by-name/`` and the name (replay-k: a unit
    without a code was not offered)."""
    stmt = select(units.c.code, units.c.name).order_by(units.c.code.is_(None), units.c.code, units.c.name)
    if not principal.all_units:
        stmt = stmt.where(units.c.code == principal.unit_code)
    return [{**row._mapping, "value": row.code if row.code is not None else f"{BY_NAME}{row.name}"}
            for row in tx.connection.execute(stmt.limit(500))]
