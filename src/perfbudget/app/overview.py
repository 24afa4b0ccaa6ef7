"""What the faces show about projects: heads, project rows, the per-year dashboard.

Each function reads inside a store transaction (``with store.reading() as tx``).

Every query is scoped by the user (:meth:`Principal.sees_unit`): a unit editor's queries
carry ``units.code = <own unit>``, so another unit's rows are never read, let alone shown.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from sqlalchemy import Float, Integer, and_, bindparam, func, select

from perfbudget.app.change_faces import change_label
from perfbudget.app.errors import NotFound
from perfbudget.app.paging import MOST_HISTORY_CHARS, too_many_changes
from perfbudget.app.roles import Principal
from perfbudget.app.workflow import DRAFT, STATES
from perfbudget.money_text import YUAN_PER_UNIT
from perfbudget.plain_numbers import plain_int
from perfbudget.review.finding import DIMENSIONS
from perfbudget.store import review_summary
from perfbudget.store.account_tables import users
from perfbudget.store.ordering import sort_key
from perfbudget.store.queries import HistoryTooLarge
from perfbudget.store.records import workflow_events, workflow_states
from perfbudget.store.schema import documents, evaluations, project_versions, projects, reviews, units
from perfbudget.store.status import project_status
from perfbudget.store.transaction import Transaction
from perfbudget.store.unit_match import BY_ID, BY_NAME, unit_named

GRADES = ("优", "良", "中", "差")
UNREVIEWED = "未审核"
UNEVALUATED = "未自评"
_TEN_THOUSAND = Decimal(10000)


def in_wan(total: str | None, money_unit: str | None) -> Decimal:
    """A budget text in 万元 (the store keeps each document's own unit)."""
    if not total:
        return Decimal(0)
    return wan(Decimal(total), money_unit)


def wan(value: Decimal, money_unit: str | None) -> Decimal:
    """An amount in ``money_unit`` in 万元; one without a unit (or with none the readers read) as written, as 万元.
    Until attack39 only 元 was converted: 1 亿元 was listed and summed as 1 万元, 1 千元 as 1 万元."""
    factor = YUAN_PER_UNIT.get(money_unit or "")
    # in 元, then divided: a division keeps the amount's own decimals (600000 元 is 60, 60.00 万元 stays 60.00), where
    # a multiplication by 0.0001 gave 600000 元 four (「60.0000」 in the CLI's list beside 「60.00」)
    return value if factor is None else value * factor / _TEN_THOUSAND


@dataclass(frozen=True, slots=True)
class ProjectHead:
    """A project as the permission layer and the page header need it."""

    id: int
    name: str
    fund_label: str | None
    fund_year: int | None
    unit_id: int
    unit_code: str | None
    unit_name: str | None
    latest_version: int
    state: str
    approved_version: int | None = None

    @property
    def official_version(self) -> int:
        """The version shown, exported and evaluated: the approved one while a revision waits."""
        return self.approved_version or self.latest_version

    @property
    def revision_pending(self) -> bool:
        """A later revision of an approved project waits for approval."""
        return self.approved_version is not None and self.latest_version > self.approved_version


_HEAD = (select(projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year, projects.c.unit_id,
                units.c.code, units.c.name.label("unit_name"), projects.c.latest_version,
                workflow_states.c.state, workflow_states.c.approved_version)
         .join(units, units.c.id == projects.c.unit_id)
         .outerjoin(workflow_states, workflow_states.c.project_id == projects.c.id)
         .where(projects.c.id == bindparam("project_id")))


def project_head(tx: Transaction, principal: Principal, project_id: int) -> ProjectHead:
    """The project if it exists and the user may see its unit; else 404 (ids of others leak nothing)."""
    row = tx.connection.execute(_HEAD, {"project_id": project_id}).first()
    if row is None or not principal.sees_unit(row.code):
        raise NotFound("该项目")
    return ProjectHead(row.id, row.name, row.fund_label, row.fund_year, row.unit_id, row.code, row.unit_name,
                       row.latest_version, row.state or DRAFT, row.approved_version)


@dataclass(frozen=True, slots=True)
class UnitName:
    """A unit without a code named by its name alone (``/units/by-name/{name}``, the address of every such unit since
    replay-j): a unit coded 「X」 and a unit without a code named 「X」 share the bare key, and ``/units/X`` found the
    coded one, so the other's pages, 审核意见书 and publications had no address for a user who sees both."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class UnitCode:
    """A unit by its code alone (``/units/by-code/{code}``, replay-aa): a code holding 「/」 (「AB/12」) can be no
    segment of ``/units/{code}``, so such a unit was reached by its id only (``/units/by-id/7``), which its users do
    not know; the by-code routes take the rest of the path as the code, as the by-name routes take a name."""

    code: str

    def __str__(self) -> str:
        return self.code


def unit_by_key(tx: Transaction, key: str | UnitName | UnitCode) -> Any:
    """The unit a key names, as the store identifies units (``units.key``): its code, else the name of a unit
    without a code (the same unit across databases and re-imports, unlike its id); a :class:`UnitName` the unit
    without a code of that name only; a text ``by-id/N`` or ``by-name/NAME`` (a ``--unit`` of the CLI) the unit that
    address names alone (:func:`perfbudget.store.unit_match.unit_named`); None when none is."""
    if isinstance(key, str) and key.startswith((BY_ID, BY_NAME)):  # the CLI's --unit by-id/7, by-name/… (replay-k)
        found = tx.connection.execute(select(units).where(unit_named(key))).all()
        return found[0] if found else None
    keys = ((f"name:{key.name}",) if isinstance(key, UnitName) else (f"code:{key.code}",) if isinstance(key, UnitCode)
            else (f"code:{key}", f"name:{key}"))
    found = tx.connection.execute(select(units).where(units.c.key.in_(keys))).all()
    return min(found, key=lambda row: row.code is None) if found else None  # a code before a name


def unit_ids_named(tx: Transaction, unit: str) -> set[int]:
    """The ids of the units a ``--unit`` names (:func:`perfbudget.store.unit_match.unit_named`)."""
    return set(tx.connection.execute(select(units.c.id).where(unit_named(unit))).scalars())


def unit_head(tx: Transaction, principal: Principal, unit: int | str | UnitName | UnitCode) -> dict[str, Any]:
    """The unit a page's address names: a str by its key (``/units/255101``, as the publications name it; a unit
    without a code by its name), else — a link made before 2026-12-05, when the unit page and its 审核意见书 took the
    internal id — by its id, when no unit has that key; an int by its id alone (``/units/by-id/7``, the address of a
    unit whose key cannot be one: a unit coded 「7」 no longer shadows it, leftovers19); a :class:`UnitName` the unit
    without a code of that name alone (``/units/by-name/…``, replay-j); a :class:`UnitCode` the unit of that code
    alone (``/units/by-code/…``, replay-aa)."""
    row = None
    if isinstance(unit, (UnitName, UnitCode)):
        row = unit_by_key(tx, unit)
        unit = 0
    elif isinstance(unit, str):
        row = unit_by_key(tx, unit)
        if row is not None and not principal.sees_unit(row.code):
            # a key naming a unit the user does not see may be the id its own unit is linked by: a unit without a
            # code named 「4」 made the link of unit 「AB/12」 (id 4) a 404 for its own editor until 2026-12-05
            row = None
        number = plain_int(unit, 1)
        unit = number if number is not None else 0
    if row is None and unit:
        row = tx.connection.execute(select(units).where(units.c.id == unit)).first()
    if row is None or not principal.sees_unit(row.code):
        raise NotFound("该单位")
    return dict(row._mapping)


def unit_address(code: str | None, name: str | None) -> str | None:
    """A unit's address after ``/units/``: its code, else ``by-name/`` and its name (replay-j: a unit without a
    code was addressed by its bare name, the store's key of such a unit since leftovers18, which a unit coded with
    the same text took over), percent-encoded (「x?y#z」, 「ＡＢ」, 「%41」 each name their own unit); None when no
    address can carry it: a key holding 「/」 (the router splits the decoded path at it, encoded or not; the
    ``by-name`` routes take a name holding it since faces-w, but a link to one might end like another route's tail,
    「甲/opinion.html」, so such a unit is linked by its id) or one that is blank, 「.」 or 「..」 (a browser
    resolves them away). Until 2026-12-05 codes were written into links as they are: 「x?y#z」 led to
    「/units/x」, 「AB/12」 and 「..」 nowhere (found by attack18)."""
    key = code or name
    if not key or "/" in key or key.strip() in ("", ".", ".."):
        return None
    return quote(key, safe="") if code else BY_NAME + quote(key, safe="")


def unit_path(code: str | None, unit_id: int, name: str | None = None) -> str:
    """A unit's page address: by its key where it can be one (:func:`unit_address`), else by its id under a segment
    no key can take (``/units/by-id/7``: a key holding 「/」 has no address). Until 2026-12-05 the id stood alone,
    ``/units/7``, which a unit coded (or, without a code, named) 「7」 took over: the link led to that unit."""
    address = unit_address(code, name)
    return f"/units/{address}" if address else f"/units/by-id/{unit_id}"


def _scope(query: Any, principal: Principal) -> Any:
    if not principal.all_units:
        query = query.where(units.c.code == principal.unit_code)
    return query


def years(tx: Transaction, principal: Principal) -> list[int]:
    query = _scope(select(projects.c.fund_year).distinct().join(units, units.c.id == projects.c.unit_id)
                   .where(projects.c.fund_year.is_not(None)), principal)
    return sorted((int(y) for y in tx.connection.execute(query).scalars()), reverse=True)


def project_rows(tx: Transaction, principal: Principal, year: int | None = None,
                 unit_id: int | None = None, with_payload: bool = False, unit_code: str | None = None,
                 limit: int | None = None, offset: int = 0, state: str | None = None) -> list[dict[str, Any]]:
    """The official version of visible projects (the approved one while a revision waits, else
    the latest), with its review grade, evaluation grade, state and latest version number; by unit
    code, year and id, ``limit`` rows from ``offset`` (all when None). The official version and its
    newest review and self-evaluation come from ``project_status`` (:mod:`perfbudget.store.status`)."""
    columns = [projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year,
               project_versions.c.number.label("version"), projects.c.latest_version, projects.c.unit_id,
               units.c.code.label("unit_code"),
               units.c.name.label("unit_name"), project_versions.c.id.label("version_id"),
               project_versions.c.budget_total, project_versions.c.indicator_count, documents.c.money_unit,
               reviews.c.grade.label("review_grade"), project_status.c.reviewer_grade, reviews.c.errors,
               reviews.c.warnings,
               evaluations.c.grade.label("evaluation_grade"), evaluations.c.total.label("evaluation_total"),
               workflow_states.c.state, workflow_states.c.approved_version]
    if with_payload:
        columns.append(reviews.c.payload.label("review_payload"))
    query = (
        _official_scope(principal, year, *columns)
        .join(documents, documents.c.id == project_versions.c.document_id)
        .outerjoin(reviews, reviews.c.id == project_status.c.review_id)
        .outerjoin(evaluations, evaluations.c.id == project_status.c.evaluation_id)
    )
    if unit_id is not None:
        query = query.where(projects.c.unit_id == unit_id)
    if unit_code is not None:
        query = query.where(unit_named(unit_code))
    if state is not None:  # the workflow state of the project (draft, submitted, returned, approved)
        query = query.where(project_status.c.state == state)
    dialect = tx.connection.dialect.name  # a unit without a code and a project without a year last on both
    query = query.order_by(sort_key(units.c.code, dialect), sort_key(projects.c.fund_year, dialect),
                           projects.c.id).offset(offset or None)
    if limit is not None:
        query = query.limit(limit)
    out = []
    for row in tx.connection.execute(query).mappings():
        item = dict(row)
        item["state"] = item["state"] or DRAFT
        item["budget_wan"] = in_wan(item["budget_total"], item["money_unit"])
        out.append(item)
    return out


def count_projects(tx: Transaction, principal: Principal, year: int | None = None,
                   unit_code: str | None = None, state: str | None = None) -> int:
    """How many visible projects :func:`project_rows` lists for ``year``, ``unit_code`` and ``state``."""
    query = _official_scope(principal, year, func.count())
    if unit_code is not None:
        query = query.where(unit_named(unit_code))
    if state is not None:
        query = query.where(project_status.c.state == state)
    return int(tx.connection.execute(query).scalar_one())


@dataclass(slots=True)
class UnitSummary:
    id: int
    code: str | None
    name: str | None
    projects: int = 0
    budget: Decimal = Decimal(0)
    grades: Counter[str] = field(default_factory=Counter)
    states: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class Dashboard:
    """The aggregates of one year (or all years) for one user's scope."""

    year: int | None
    units: int
    projects: int
    budget_total: Decimal
    grades: dict[str, int]
    dimensions: dict[str, dict[str, int]]
    evaluation_grades: dict[str, int]
    states: dict[str, int]
    unit_rows: list[UnitSummary]
    recent: list[dict[str, Any]]


def _official_scope(principal: Principal, year: int | None, *columns: Any) -> Any:
    """``SELECT columns`` over the official version of every visible project of ``year``: each project's
    ``project_status`` row (kept by triggers: :mod:`perfbudget.store.status`) names its official version,
    newest review and self-evaluation, so every join here is by primary key."""
    query = (select(*columns).select_from(project_status)
             .join(projects, projects.c.id == project_status.c.project_id)
             .join(units, units.c.id == project_status.c.unit_id)
             .outerjoin(workflow_states, workflow_states.c.project_id == project_status.c.project_id)
             .join(project_versions, project_versions.c.id == project_status.c.version_id))
    return query.where(*status_scope(principal, year))


def status_scope(principal: Principal, year: int | None = None) -> list[Any]:
    """The conditions on ``project_status`` of the projects ``principal`` sees, of ``year`` (all: None):
    index ranges of ``(fund_year, unit_id)``."""
    conditions: list[Any] = []
    if not principal.all_units:
        conditions.append(project_status.c.unit_id.in_(select(units.c.id).where(units.c.code == principal.unit_code)))
    if year is not None:
        conditions.append(project_status.c.fund_year == year)
    return conditions


def _status_scope(principal: Principal, year: int | None, *columns: Any) -> Any:
    """``SELECT columns`` over the ``project_status`` rows alone of the visible projects of ``year``."""
    return select(*columns).select_from(project_status).where(*status_scope(principal, year))


def _budget_sums(tx: Transaction, principal: Principal, year: int | None) -> dict[int, Decimal]:
    """Each unit's budget in 万元, summed exactly in SQL (never through floats).

    PostgreSQL sums each project's ``project_status.budget_wan`` (exact ``numeric``). SQLite has no
    exact decimal type, so each budget is summed as an integer count of millionths (exact for up to
    six decimals and |budget| < 9·10^9, checked: any other budget is added in Python, one by one)."""
    connection = tx.connection
    money = documents.c.money_unit
    join = lambda q: q.join(documents, documents.c.id == project_versions.c.document_id)  # noqa: E731
    out: dict[int, Decimal] = {}

    def add(unit_id: int, unit: str | None, value: Decimal) -> None:
        out[unit_id] = out.get(unit_id, Decimal(0)) + wan(value, unit)

    budget = project_versions.c.budget_total
    if connection.dialect.name == "postgresql":  # the status rows' budgets in 万元 (exact numeric)
        status = project_status
        query = (_status_scope(principal, year, status.c.unit_id,
                               func.trim_scale(func.sum(status.c.budget_wan)).label("total"))
                 .group_by(status.c.unit_id))
        for row in connection.execute(query):
            add(row.unit_id, "万元", Decimal(row.total or 0))
        return out
    plain = and_(budget.op("GLOB")("[0-9]*"), budget.op("NOT GLOB")("*[^0-9.]*"),
                 func.length(budget) - func.coalesce(func.nullif(func.instr(budget, "."), 0),
                                                     func.length(budget)) <= 6,
                 func.length(budget) <= 16)
    micro = func.cast(func.round(budget.cast(Float) * 1_000_000), Integer)
    query = join(_official_scope(principal, year, projects.c.unit_id, money, func.sum(micro).label("micro"))
                 .where(plain))
    for row in connection.execute(query.group_by(projects.c.unit_id, money)):
        add(row.unit_id, row.money_unit, Decimal(row.micro or 0) / 1_000_000)
    others = join(_official_scope(principal, year, projects.c.unit_id, money, budget)
                  .where(budget.is_not(None), budget != "", ~plain))
    for row in connection.execute(others):
        add(row.unit_id, row.money_unit, Decimal(row.budget_total))
    return out


def _dimension_counts(tx: Transaction, principal: Principal, year: int | None) -> dict[str, dict[str, int]]:
    """Findings of the official versions' newest reviews per dimension and severity: the sum of their
    summaries (:mod:`perfbudget.store.review_summary`, one short text per project, grouped in SQL so each
    distinct text is read once), not their JSON."""
    counts: dict[str, dict[str, int]] = {d: {"error": 0, "warning": 0, "info": 0} for d in DIMENSIONS}
    query = (_status_scope(principal, year, project_status.c.review_summary, func.count())
             .where(project_status.c.review_summary.is_not(None)).group_by(project_status.c.review_summary))
    totals: dict[str, list[int]] = {}
    for text, projects_with_it in tx.connection.execute(query):  # one row per distinct summary
        for dimension, numbers in review_summary.parse(text).items():
            total = totals.setdefault(dimension or "其他", [0, 0, 0])
            for i, n in enumerate(numbers[:3]):
                total[i] += n * int(projects_with_it)
    for dimension, numbers in totals.items():
        bucket = counts.setdefault(dimension, {"error": 0, "warning": 0, "info": 0})
        for severity, n in zip(review_summary.SEVERITIES, numbers, strict=False):
            bucket[severity] += n
    return counts


def build_dashboard(tx: Transaction, principal: Principal, year: int | None) -> Dashboard:
    """The year's aggregates for the user's scope, every one counted in SQL over ``project_status`` (a few
    grouped queries: per unit and review grade, per unit and state, per evaluation grade, budgets), the
    findings from each newest review's summary (:mod:`perfbudget.store.review_summary`)."""
    connection = tx.connection
    status = project_status
    per_grade = (_status_scope(principal, year, status.c.unit_id, status.c.grade,  # the reviewer's, else the machine's
                               func.count().label("n")).group_by(status.c.unit_id, status.c.grade))
    per_state = (_status_scope(principal, year, status.c.unit_id, status.c.state, func.count().label("n"))
                 .group_by(status.c.unit_id, status.c.state))
    per_eval = (_status_scope(principal, year, status.c.evaluation_grade.label("grade"), func.count().label("n"))
                .group_by(status.c.evaluation_grade))
    per_unit: dict[int, UnitSummary] = {}
    for row in connection.execute(per_grade):
        per_unit.setdefault(row.unit_id, UnitSummary(row.unit_id, None, None))
        unit = per_unit[row.unit_id]
        unit.projects += int(row.n)
        unit.grades[row.grade or UNREVIEWED] += int(row.n)
    for row in connection.execute(per_state):
        per_unit[row.unit_id].states[row.state] += int(row.n)
    for unit_id, budget in _budget_sums(tx, principal, year).items():
        per_unit[unit_id].budget = budget
    if per_unit:
        names = connection.execute(select(units.c.id, units.c.code, units.c.name)
                                   .where(units.c.id.in_(list(per_unit))))
        for row in names:
            per_unit[row.id].code, per_unit[row.id].name = row.code, row.name
    grades: Counter[str] = Counter()
    states: Counter[str] = Counter()
    for unit in per_unit.values():
        grades.update(unit.grades)
        states.update(unit.states)
    evaluation_grades = Counter({row.grade or UNEVALUATED: int(row.n) for row in connection.execute(per_eval)})
    recent_query = (select(workflow_events, projects.c.name.label("project_name"))
                    .join(projects, projects.c.id == workflow_events.c.project_id)
                    .join(units, units.c.id == projects.c.unit_id))
    recent_query = _scope(recent_query, principal)
    if year is not None:
        recent_query = recent_query.where(projects.c.fund_year == year)
    recent = with_display_names(tx, [dict(r._mapping) for r in connection.execute(
        recent_query.order_by(workflow_events.c.id.desc()).limit(10))])
    return Dashboard(
        year=year, units=len(per_unit), projects=sum(u.projects for u in per_unit.values()),
        budget_total=sum((u.budget for u in per_unit.values()), Decimal(0)),
        grades={g: grades.get(g, 0) for g in (*GRADES, UNREVIEWED)},
        dimensions=_dimension_counts(tx, principal, year),
        evaluation_grades={g: evaluation_grades.get(g, 0) for g in (*GRADES, UNEVALUATED)},
        states={s: states.get(s, 0) for s in STATES},
        unit_rows=sorted(per_unit.values(), key=lambda u: (u.code or "", u.id)),
        recent=recent,
    )


def latest_evaluation(tx: Transaction, project_id: int) -> dict[str, Any] | None:
    """The newest self-evaluation of any version of the project, with its parsed ``payload``
    (a revision waiting for approval does not hide the approved version's self-evaluation); files by name
    (:func:`perfbudget.app.evaluations.names_only`)."""
    from perfbudget.app.evaluations import as_people_read, names_only

    row = tx.last_project_evaluation(project_id)
    return None if row is None else as_people_read(tx, [{**row, "payload": names_only(row["payload"])}])[0]


_EVENTS_OF = (select(workflow_events).where(workflow_events.c.project_id == bindparam("project_id"))
              .order_by(workflow_events.c.id))
_NEWEST_EVENTS = (select(workflow_events, users.c.display_name)
                  .select_from(workflow_events.outerjoin(users, users.c.username == workflow_events.c.username))
                  .where(workflow_events.c.project_id == bindparam("project_id"))
                  .order_by(workflow_events.c.id.desc()).limit(bindparam("n")))
EVENTS_SHOWN = 20  # workflow events on the project page (the newest; the history page shows the rest)
# workflow events per page of the web's history page: its own, not a list's page (app.paging.PAGE, the API's
# ``workflow_limit``): steps of 5,000 characters each, 100 of them made the page 6 MB where 50 make it 3 MB (faces43)
EVENTS_PAGE = 50


def with_display_names(tx: Transaction, rows: list[dict[str, Any]], key: str = "username") -> list[dict[str, Any]]:
    """``rows`` (workflow events, versions: each with its ``username``, the account as it was; saved 自评 and 运行监控
    with ``key="actor"``) each given the account's ``display_name`` (None when it has none or is gone) and
    ``user_label``, what people are shown: the display name, else the account name. Until replay-k the history (CLI,
    API, page) and the dashboard showed the account name alone (「wang」 where the admin named the account 「王小明」),
    and until replay-m the 自评 and 运行监控 records and pages."""
    names = {row[key] for row in rows if row.get(key)}
    found = dict(tx.connection.execute(select(users.c.username, users.c.display_name)
                                       .where(users.c.username.in_(sorted(names)))).all()) if names else {}
    for row in rows:
        row["display_name"] = found.get(row.get(key))
        labelled(row, key)
    return rows


def workflow_events_of(tx: Transaction, project_id: int, limit: int | None = None,
                       offset: int = 0) -> list[dict[str, Any]]:
    """The project's workflow events oldest first: all of them (the CLI), or ``limit`` from ``offset``
    (the API, the history page: a unit's editor may add thousands of comments to its own project); each with
    its account's display name (:func:`with_display_names`)."""
    statement = _EVENTS_OF if limit is None and not offset else _EVENTS_OF.limit(limit).offset(offset)
    return with_display_names(tx, [dict(row) for row in tx.connection.execute(statement,
                                                                              {"project_id": project_id}).mappings()])


def newest_events(tx: Transaction, project_id: int, count: int) -> list[dict[str, Any]]:
    """The project's newest ``count`` workflow events, oldest of them first (the project page's)."""
    rows = tx.connection.execute(_NEWEST_EVENTS, {"project_id": project_id, "n": count}).mappings()
    return [labelled(dict(row)) for row in reversed(rows.all())]


def labelled(row: dict[str, Any], key: str = "username") -> dict[str, Any]:
    """``row`` (with its account's ``display_name`` read already) given ``user_label``, what people are shown: the
    display name, else the account name held under ``key`` (:func:`with_display_names` reads the names itself)."""
    row["display_name"] = row.get("display_name") or None
    row["user_label"] = row["display_name"] or row.get(key)
    return row


def event_total(tx: Transaction, project_id: int) -> int:
    """How many workflow events the project has."""
    return int(tx.connection.execute(select(func.count()).select_from(workflow_events)
                                     .where(workflow_events.c.project_id == project_id)).scalar_one())


def history(tx: Transaction, project_id: int, limit: int | None = None, offset: int = 0,
            changes_limit: int | None = None, changes_offset: int = 0,
            text_chars: int | None = None, most_chars: int | None = None) -> list[dict[str, Any]]:
    """The project's versions with their changes, each with who made it and how (when recorded): all of
    them, or a page of ``limit`` from ``offset`` (oldest first; :func:`version_total` counts them). With
    ``changes_limit`` each version's changes are a page too (``changes_total`` counts them all): two versions of an
    8 MB project told 990 changed texts before and after, a 31 MB answer (attack31); only the page's changes are read
    (attack32). ``text_chars``: each change's subject and texts read up to that many characters (the history page's);
    ``most_chars``: ``store.queries.HistoryTooLarge`` past that many characters of texts on the page (attack33)."""
    from perfbudget.store.queries import names_of_several_contents, project_history
    from perfbudget.store.transaction import made_by_edit

    versions = project_history(tx.connection, project_id, limit, offset, changes_limit, changes_offset, text_chars,
                               most_chars)
    authors = {e.number: e for e in tx.trails([project_id]).get(project_id, [])}
    shared = names_of_several_contents(tx.connection, project_id) if versions else set()
    for item in versions:
        entry = authors.get(item["version"])
        item["username"] = entry.username if entry else None
        item["via"] = entry.via if entry else None
        item["how"] = change_label(item["via"], item["file"])  # 网页修改, 接口修改, 命令行导入 …
        item["source"] = source_label(item["via"], item["file"])
        # one name, several contents (目标表.docx from two folders): the file's fingerprint tells them apart, as
        # `sha256sum` prints it beside the user's files (the document number alone until replay-t; the page not even it)
        item["fingerprint"] = (item["sha256"][:FINGERPRINT_CHARS] if item["file"] in shared and item["sha256"]
                               and not made_by_edit(item["via"], item["file"]) else None)
    return with_display_names(tx, versions)


FINGERPRINT_CHARS = 8  # of a file's SHA-256, where one name stands for several contents in a project's history


def source_label(via: str | None, file: str | None) -> str:
    """Where a version came from as people read it: the file's name (never the path it was read from), or the face
    of an edit (「网页修改」; its ``file`` 「网页修改（editor）」 named the account, shown as the 来源 until webflow25 —
    the 修改人 says who, by the display name). Without its ``via`` (``perfbudget show``'s heading), an edit's file is
    named by its face alone, 「接口修改」 (the heading said 「接口修改（ed）」, the account's name, until replay-w)."""
    from perfbudget.store.transaction import EDIT_FILES, made_by_edit

    if file and made_by_edit(via, file):
        return change_label(via, file)
    if via is None and file and file.startswith(EDIT_FILES):
        return file.split("（", 1)[0]
    return (file or "").replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]


class HistoryRefused(ValueError):
    """A page of a project's history too large to answer: the message names the face's options (``limit`` and
    ``changes_limit`` on the API, ``--limit`` and ``--changes-limit`` on the command line)."""


def history_page(tx: Transaction, project_id: int, limit: int, offset: int, changes_limit: int, changes_offset: int,
                 names: tuple[str, str] = ("limit", "changes_limit")) -> list[dict[str, Any]]:
    """:func:`history`'s page of ``limit`` versions from ``offset``, each with ``changes_limit`` of its changes from
    ``changes_offset``, or :class:`HistoryRefused` (in the face's option ``names``) past
    ``app.paging.MOST_HISTORY_CHANGES`` changes or ``MOST_HISTORY_CHARS`` characters of their texts."""
    refused = too_many_changes(limit, changes_limit, names)
    if refused is not None:
        raise HistoryRefused(refused)
    try:
        return history(tx, project_id, limit, offset, changes_limit, changes_offset, most_chars=MOST_HISTORY_CHARS)
    except HistoryTooLarge as too_large:
        # one version's page names only the changes' option: a limit below 1 is no way out (faces44's mend)
        fewer = f"{names[1]}（现为 {changes_limit}）" if limit == 1 \
            else f"{names[0]} 或 {names[1]}（现为 {limit} × {changes_limit}）"
        raise HistoryRefused(f"本页的改动文字超过 {too_large.most_chars} 个字符：请减少 {fewer}，分页读取") from None


def version_total(tx: Transaction, project_id: int) -> int:
    """How many versions the project has."""
    from perfbudget.store.queries import version_total as count

    return count(tx.connection, project_id)


# versions per page of the web's history page: its own, not a list's page (app.paging.PAGE, the API's ``limit``):
# each version tells up to HISTORY_CHANGES changes, so 100 of them doubled the page (as faces43 first had it)
HISTORY_PAGE = 50
# changes listed for each version on the history page, each told in at most HISTORY_CHANGE_CHARS characters (the page
# of two versions of an 8 MB project was 15.6 MB until attack31; the version's own page shows every value whole)
HISTORY_CHANGES = 50
HISTORY_CHANGE_CHARS = 300


@dataclass(frozen=True)
class HistoryPage:
    """One page of a project's versions, newest first: page 1 holds the newest :data:`HISTORY_PAGE`."""

    versions: list[dict[str, Any]]
    page: int
    pages: int
    total: int


def newest_page(total: int, page: int, size: int) -> tuple[int, int, int, int]:
    """(page, pages, start, end) of page ``page`` (1 = the newest; past the last: the last) of ``total``
    items stored oldest first, ``size`` a page: the items are those from ``start`` up to ``end``. The history page's
    ``?page=`` and ``perfbudget history --page`` (which says there is no such page past the last)."""
    pages = max(1, -(-total // size))
    page = min(max(page, 1), pages)
    end = total - (page - 1) * size
    return page, pages, max(0, end - size), end


def history_newest_first(tx: Transaction, project_id: int, page: int = 1, size: int | None = None) -> HistoryPage:
    """Page ``page`` (1 = the newest versions; a page past the last is the last) of the project's history,
    newest first, ``size`` versions a page (default :data:`HISTORY_PAGE`): a project imported thousands of
    times is shown a page at a time, and only that page's versions and changes are read."""
    total = version_total(tx, project_id)
    page, pages, start, end = newest_page(total, page, size or HISTORY_PAGE)
    # each change read up to one character past what the page tells of it (it then says the rest is cut)
    versions = history(tx, project_id, end - start, start, HISTORY_CHANGES, 0, HISTORY_CHANGE_CHARS + 1) \
        if end > start else []
    return HistoryPage(list(reversed(versions)), page, pages, total)


def events_newest_first(tx: Transaction, project_id: int, page: int = 1,
                        size: int | None = None) -> tuple[list[dict[str, Any]], int, int, int]:
    """Page ``page`` of the project's workflow events, newest first (as :func:`history_newest_first`; page 1
    holds the newest :data:`EVENTS_PAGE`): (the events, the page, how many pages, how many events)."""
    total = event_total(tx, project_id)
    page, pages, start, end = newest_page(total, page, size or EVENTS_PAGE)
    events = workflow_events_of(tx, project_id, end - start, start) if end > start else []
    return list(reversed(events)), page, pages, total


def project_id_of(tx: Transaction, unit: Any, project: Any) -> int | None:
    """The stored project a document's table is (by unit, fund year, name, fund label)."""
    from perfbudget.store.rows import project_identity

    return tx.project_ids([project_identity(unit, project)]).get(project_identity(unit, project))


def unit_id_of(tx: Transaction, unit: Any) -> int | None:
    from perfbudget.store.rows import unit_key

    return tx.connection.execute(select(units.c.id).where(units.c.key == unit_key(unit))).scalar()


def unit_choices(tx: Transaction, principal: Principal) -> list[dict[str, str | None]]:
    """Units with a code this user may declare for, by code."""
    query = select(units.c.code, units.c.name).where(units.c.code.is_not(None)).order_by(units.c.code)
    if not principal.all_units:
        query = query.where(units.c.code == principal.unit_code)
    return [dict(row._mapping) for row in tx.connection.execute(query)]


def unit_name(tx: Transaction, code: str | None) -> str | None:
    """The stored name of the unit with this code."""
    return tx.connection.execute(select(units.c.name).where(units.c.code == code)).scalar()
