"""What the command line asks of the store about one project: the project a reference names, and the
reviews, self-evaluations and monitorings saved for it (listed, or one shown), through this layer as
the house style asks (the faces never call the store themselves).

A reference is an id (a number: digits only, nothing else), an exact name, 「名称-资金标签」 or a part of the
name (:func:`perfbudget.store.queries.find_projects`); :func:`not_found` says what was looked for when none
matches. A record asked for by id is returned only when it
belongs to the project named, so a record of another project is «not found» rather than shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from perfbudget.app.roles import Principal
from perfbudget.store import Filters, Store, StoredVersion

if TYPE_CHECKING:
    from perfbudget.app.desk import FilterProblem


def find_projects(store: Store, reference: str) -> list[dict[str, Any]]:
    """The stored projects ``reference`` names (several when it is ambiguous), each a head row."""
    return store.find_projects(reference)


def not_found(reference: str) -> str:
    """What was looked for when ``reference`` names no project, in the words every face's refusal ends with:
    a number was an id (「没有编号为 0 的项目…」), other text a name or a part of one. Until replay-z
    ``perfbudget show 0`` listed the projects whose names hold a 0 (the API's ``/projects/0``: 404), and
    ``show 99`` said 「没有找到项目「99」」."""
    from perfbudget.plain_numbers import is_number

    text = reference.strip()
    if is_number(text):
        return (f"没有编号为 {text} 的项目（纯数字按项目编号查找，编号见 perfbudget list projects；"
                f"按名称中的文字查找用 perfbudget list projects --search {text}）")
    return f"没有找到项目「{reference}」（可用 perfbudget list projects --search 文字 查找）"


def project_count(store: Store) -> int:
    """How many projects the store holds."""
    return int(store.counts()["projects"])


def project_version(store: Store, project_id: int, number: int | None = None) -> StoredVersion | None:
    """Version ``number`` of the project (None: the latest), or None when it has no such version."""
    return store.project_version(project_id, number)


def list_page(store: Store, kind: str, filters: Filters, limit: int, offset: int) -> dict[str, Any]:
    """``list``: one page of ``kind`` (units, projects, indicators) with its total."""
    pages = {"units": store.units, "projects": store.projects, "indicators": store.indicators}
    return pages[kind](filters, limit, offset)


def indicator_filters(principal: Principal, params: dict[str, str],
                      latest: bool = False) -> tuple[Filters | None, tuple[FilterProblem, ...]]:
    """The filters of ``perfbudget list indicators`` and ``GET /api/v1/indicators``: ``unit``, ``year``, ``q`` and
    ``state`` read as every list reads them (:meth:`perfbudget.app.desk.ListQuery.parse`: the same Chinese words for
    a bad one), the user's own unit only for a unit-bound user; the official versions unless ``latest``. None (and
    no problem) when the user sees no unit at all."""
    from perfbudget.app.desk import ListQuery

    query, problems = ListQuery.parse(params)
    if problems:
        return None, problems
    if not principal.all_units and not principal.unit_code:
        return None, ()
    return Filters(unit=query.unit or None, year=query.year, search=query.q or None, state=query.state or None,
                   scope=None if principal.all_units else principal.unit_code, latest=latest), ()


def indicator_page(store: Store, filters: Filters | None, limit: int, offset: int) -> dict[str, Any]:
    """One page of indicators (:func:`indicator_filters`) with its total; an empty page for no filters."""
    if filters is None:
        return {"total": 0, "total_capped": False, "limit": limit, "offset": offset, "items": []}
    return store.indicators(filters, limit, offset)


def unit_page(store: Store, filters: Filters | None, limit: int, offset: int) -> dict[str, Any]:
    """One page of units (``perfbudget list units``, ``GET /api/v1/units``: ``unit``, ``year`` and ``q`` read by
    :func:`indicator_filters`, a unit-bound user its own unit only) with its total; an empty page for no filters.
    Each unit's ``id`` is the page address ``by-id/N`` every ``--unit`` and ``unit=`` take (replay-k); the API
    listed no units until replay-m, so that an integrator could not learn it."""
    if filters is None:
        return {"total": 0, "total_capped": False, "limit": limit, "offset": offset, "items": []}
    return store.units(filters, limit, offset)


def each_row(store: Store, kind: str, filters: Filters) -> Iterator[dict[str, Any]]:
    """``list --all``: first ``{"total", "total_capped"}``, then every row of ``kind``, read in batches."""
    return store.each(kind, filters)


def project_row(store: Store, project_id: int) -> dict[str, Any]:
    """The head row (id, name, fund label, unit …) of a project known to exist."""
    return store.find_projects(str(project_id))[0]


@dataclass(frozen=True, slots=True)
class ReviewRecord:
    """One saved review with its parsed payload, and the version it reviewed (None if it is gone)."""

    item: dict[str, Any]
    version: StoredVersion | None


def review_records(store: Store, project_id: int, year: int | None = None) -> list[dict[str, Any]]:
    """The project's saved reviews (every version), oldest first, without payloads; each with its 审核人's display name
    and ``user_label`` (:func:`perfbudget.app.overview.with_display_names`; the account name alone until replay-m)."""
    from perfbudget.app.overview import with_display_names
    from perfbudget.app.regrade_history import mark_regrades

    rows = store.reviews(project_id, year)
    with store.reading() as tx:
        mark_regrades(tx.connection, rows)  # (rows regraded before such rows were marked, inferred)
        return with_display_names(tx, rows, "actor")


def reviewer_grade_records(store: Store, project_id: int) -> list[dict[str, Any]]:
    """The reviewers' own grades of the project's versions, oldest first (the newest of a version is its official
    grade, as the lists, the dashboard, the API and the project page show it)."""
    from sqlalchemy import select

    from perfbudget.store.desk_tables import reviewer_grades
    from perfbudget.store.schema import project_versions

    query = (select(reviewer_grades.c.id, project_versions.c.number.label("version"), reviewer_grades.c.grade,
                    reviewer_grades.c.reason, reviewer_grades.c.username.label("actor"),
                    reviewer_grades.c.at.label("created_at"))
             .join(project_versions, project_versions.c.id == reviewer_grades.c.version_id)
             .where(reviewer_grades.c.project_id == project_id).order_by(reviewer_grades.c.id))
    from perfbudget.app.overview import with_display_names

    with store.reading() as tx:
        return with_display_names(tx, [dict(row._mapping) for row in tx.connection.execute(query)], "actor")


def review_items(store: Store, project_id: int, year: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """The saved reviews and the reviewers' grades as the API gives them (``GET /api/v1/projects/{id}/reviews``, the
    lists ``perfbudget reviews PROJECT --json`` prints): times in UTC ISO 8601. The API had neither until replay-l."""
    from perfbudget.app.times import utc_iso

    def timed(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{**row, "created_at": utc_iso(row["created_at"])} for row in rows]

    return {"reviews": timed(review_records(store, project_id, year)),
            "reviewer_grades": timed(reviewer_grade_records(store, project_id))}


def review_record(store: Store, project_id: int, record_id: int) -> ReviewRecord | None:
    """Saved review ``record_id`` of the project (payload parsed) and its version; None when the project
    has no such record."""
    from perfbudget.app.overview import with_display_names
    from perfbudget.app.regrade_history import mark_regrades

    item = store.review(record_id)
    if item is None or item["project_id"] != project_id:
        return None
    with store.reading() as tx:
        mark_regrades(tx.connection, [item])
        with_display_names(tx, [item], "actor")
    return ReviewRecord(item, store.project_version(project_id, item["version"]))


def evaluation_records(store: Store, project_id: int, kind: str | None = None,
                       year: int | None = None) -> list[dict[str, Any]]:
    """The project's saved self-evaluations and monitorings (every version), oldest first, without payloads; each
    with its 填报人's display name and its light's label (:func:`perfbudget.app.evaluations.as_people_read`)."""
    from perfbudget.app.evaluations import as_people_read

    rows = store.evaluations(project_id, kind, year)
    with store.reading() as tx:
        return as_people_read(tx, rows)


KIND_WORDS = {"self-evaluation": "自评", "monitoring": "运行监控"}


def kind_problem(kind: str | None) -> str | None:
    """Why ``kind`` is no kind of saved record (Chinese: ``perfbudget evaluations --kind`` and the API's ``kind=``
    say it alike), or None."""
    if kind is None or kind in KIND_WORDS:
        return None
    return (f"记录类型「{kind[:40]}」无效：应为 "
            + "、".join(f"{code}（{word}）" for code, word in KIND_WORDS.items()))


def evaluation_items(store: Store, project_id: int, kind: str | None = None,
                     year: int | None = None) -> list[dict[str, Any]]:
    """:func:`evaluation_records` as the API gives them (``GET /api/v1/projects/{id}/evaluations``): times in UTC
    ISO 8601, each with its ``kind_label``, and its sheet by its name, never the path a command line saved it from
    (every face keeps the name since evalpath; a record the CLI saved before still holds its path)."""
    from perfbudget.app.imports import source_name
    from perfbudget.app.times import utc_iso

    return [{**item, "created_at": utc_iso(item["created_at"]),
             "kind_label": KIND_WORDS.get(item["kind"], item["kind"]),
             "sheet": source_name(item["sheet"]) if item.get("sheet") else item.get("sheet")}
            for item in evaluation_records(store, project_id, kind, year)]


def evaluation_record(store: Store, project_id: int, record_id: int) -> dict[str, Any] | None:
    """Saved self-evaluation or monitoring ``record_id`` of the project (payload parsed), else None."""
    from perfbudget.app.evaluations import as_people_read

    item = store.evaluation(record_id)
    if item is None or item["project_id"] != project_id:
        return None
    with store.reading() as tx:
        return as_people_read(tx, [item])[0]


def report_from_payload(payload: Any) -> Any:
    """A saved review's payload read back as a ``ReviewReport`` (so a damaged payload is caught, not shown): what
    ``perfbudget reviews PROJECT --show N`` prints and ``GET /api/v1/projects/{id}/reviews/{record}`` gives (the CLI
    read it alone until replay-s). ``ValueError`` (or ``KeyError``/``TypeError``) for a payload it cannot read."""
    from perfbudget.app.kept_review import ALL_FINDINGS
    from perfbudget.review.engine import REPORT_FORMAT, ProjectGrade, ReviewReport
    from perfbudget.review.finding import Finding

    if not isinstance(payload, dict) or payload.get("format") != REPORT_FORMAT:
        kind = payload.get("format") if isinstance(payload, dict) else type(payload).__name__
        raise ValueError(f"未知的格式「{kind}」")
    findings = [Finding.from_dict(item) for item in payload["findings"]]
    # (a review graded on the findings a reviewer kept holds the machine's grading beside its own: the report is the
    # grade recorded; until print40 such a review could not be shown, 「ProjectGrade… grade_of_all_findings」)
    grades = tuple(ProjectGrade(**{key: value for key, value in grade.items() if key != ALL_FINDINGS})
                   for grade in payload["projects"])
    return ReviewReport(tuple(findings), grades, ())


def result_from_payload(payload: Any) -> Any:
    """A saved 自评's or 运行监控's payload read back (``Evaluation`` or ``Monitoring``), as ``perfbudget evaluations
    PROJECT --show N`` and ``GET /api/v1/projects/{id}/evaluations/{record}`` give it; ``ValueError`` (or
    ``KeyError``/``TypeError``) for a payload it cannot read."""
    from perfbudget.evaluate.monitor import MONITOR_FORMAT, monitoring_from_dict
    from perfbudget.evaluate.result import EVALUATION_FORMAT, evaluation_from_dict

    kind = payload.get("format") if isinstance(payload, dict) else None
    if kind == EVALUATION_FORMAT:
        return evaluation_from_dict(payload)
    if kind == MONITOR_FORMAT:
        return monitoring_from_dict(payload)
    raise ValueError(f"未知的格式「{kind}」")


def saved_review_item(store: Store, project_id: int, record_id: int) -> dict[str, Any] | None:
    """Saved review ``record_id`` of the project as the API gives it (``GET /api/v1/projects/{id}/reviews/{record}``):
    the record's row as ``review_items`` lists it, and its ``report`` read back (:func:`report_from_payload`) as
    ``perfbudget reviews PROJECT --show N --json`` prints it, files by name; None when the project has no such
    record. Until replay-s only the CLI showed a saved review's findings (the API listed the records)."""
    from perfbudget.app.evaluations import names_only
    from perfbudget.app.times import utc_iso

    found = review_record(store, project_id, record_id)
    if found is None:
        return None
    item = found.item
    keys = ("id", "version_id", "project_id", "version", "year", "grade", "errors", "warnings", "actor",
            "display_name", "user_label", "regraded", "regraded_inferred")
    return {**{key: item.get(key) for key in keys}, "created_at": utc_iso(item["created_at"]),
            "report": names_only(report_from_payload(item["payload"]).to_dict())}


def saved_evaluation_item(store: Store, project_id: int, record_id: int) -> dict[str, Any] | None:
    """Saved 自评 or 运行监控 ``record_id`` of the project as the API gives it (``GET /api/v1/projects/{id}/evaluations/
    {record}``): the record as ``evaluation_items`` lists it, with the result read back (:func:`result_from_payload`)
    as ``perfbudget evaluations PROJECT --show N --json`` prints it, under ``evaluation`` or ``monitoring`` by its
    kind, files by name; None when the project has no such record (the CLI alone showed one until replay-s)."""
    from perfbudget.app.evaluations import names_only
    from perfbudget.app.imports import source_name
    from perfbudget.app.times import utc_iso
    from perfbudget.evaluate.monitor import MONITOR_FORMAT

    item = evaluation_record(store, project_id, record_id)
    if item is None:
        return None
    result = result_from_payload(item["payload"])
    keys = ("id", "version_id", "project_id", "version", "year", "kind", "month", "total", "grade", "colour",
            "colour_label", "actor", "display_name", "user_label")
    sheet = item.get("sheet")
    out = {**{key: item.get(key) for key in keys}, "created_at": utc_iso(item["created_at"]),
           "kind_label": KIND_WORDS.get(item["kind"], item["kind"]),
           "sheet": source_name(sheet) if sheet else sheet}
    field = "monitoring" if item["payload"].get("format") == MONITOR_FORMAT else "evaluation"
    return {**out, field: names_only(result.to_dict())}
