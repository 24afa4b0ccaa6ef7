"""Self-evaluation (自评) and mid-year monitoring (运行监控) of stored projects, the same way from every face.

* One sheet tolerance: :func:`score` scores rows whatever face read them (CLI ``evaluate``, the
  web's sheet upload, the web form, the API); warnings (an unknown extra column) are reported
  and do not stop the scoring, errors do.
* Which version: the official one (the approved version while a revision waits).
* Who may: with ``self_evaluation = approved`` (default) only approved projects are
  self-evaluated and saved (:func:`refusal`).
* Saving keeps the evaluation and its audit row in one transaction.
* Monitoring: :func:`monitor` turns a filled monitoring sheet's rows into a :class:`Monitoring` (or the
  problems that stop it) for the CLI ``monitor``, the web's upload and the API alike; the same approval rule
  decides who may save one (:func:`refusal` with ``what="运行监控"``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from perfbudget.app.roles import Action, Principal
from perfbudget.app.settings import APPROVED_ONLY, CoreSettings
from perfbudget.app.workflow import APPROVED, DRAFT, state_label
from perfbudget.config import Limits
from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.monitor import Monitoring, monitoring_from_dict
from perfbudget.evaluate.result import Evaluation
from perfbudget.evaluate.scoring import ScoreOptions, evaluate_rows
from perfbudget.evaluate.weights import Weights
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.store import Store, StoredVersion
from perfbudget.store.transaction import Actor, Transaction
from perfbudget.vocabulary import EvaluationKind

KIND_EVALUATION, KIND_MONITORING = EvaluationKind.SELF_EVALUATION.value, EvaluationKind.MONITORING.value
KINDS = tuple(kind.value for kind in EvaluationKind)


def monitor(document: Document, rows: list[SheetRow], sheet_problems: list[Problem], file: str, month: int,
            scale_rates: bool = False) -> tuple[Monitoring | None, list[Problem]]:
    """Monitor at month ``month`` (1–12) the projects a monitoring sheet's rows name: (None, problems) when any
    problem is an error (every problem names its row); warnings pass."""
    from perfbudget.evaluate.monitor import MonitorOptions, monitor_document
    from perfbudget.evaluate.resolve import resolve

    problems = list(sheet_problems) + sheet_text_problems(rows)
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    actuals, found = resolve(document, rows, "monitor")
    problems += found
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    results, found = monitor_document(document, actuals, month, MonitorOptions(scale_rates))
    problems += found
    if results is None or any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return Monitoring(unit_code=document.unit.code, unit_name=document.unit.name, money_unit=document.money_unit,
                      month=month, projects=tuple(results), scale_rates=scale_rates,
                      document_file=document.source.file if document.source else None, actuals_file=file), problems


def progress_record(file: str, month: int | None, table: Document | None = None,
                    limits: Limits | None = None) -> tuple[list[SheetRow], int | None, list[Problem]]:
    """The progress record a file gives for monitoring: a fill-in sheet's rows, or a 绩效监控表's own figures (``table``
    when it is read already); (rows, the month monitored, problems) — see
    :func:`perfbudget.evaluate.from_monitoring_table.progress_record`. An unreadable file is a problem."""
    from perfbudget.evaluate.from_monitoring_table import progress_record as from_data
    from perfbudget.readers import read_file

    if table is not None:
        return from_data(b"", file, month, limits, table)
    try:
        limits = limits or Limits.from_env()
    except ValueError as exc:
        return [], month, [Problem(Source(file), str(exc))]
    data = read_file(file, limits)
    if not isinstance(data, bytes):
        return [], month, [data]
    return from_data(data, file, month, limits)


def actuals_record(file: str, table: Document | None = None,
                   limits: Limits | None = None) -> tuple[list[SheetRow], list[Problem]]:
    """The actuals a file gives for a 自评: a fill-in sheet's rows, or a 绩效自评表's own figures (``table`` when it is
    read already); see :func:`perfbudget.evaluate.from_table.actuals_record`. An unreadable file is a problem."""
    from perfbudget.evaluate.from_table import actuals_record as from_data
    from perfbudget.readers import read_file

    if table is not None:
        return from_data(b"", file, limits, table)
    try:
        limits = limits or Limits.from_env()
    except ValueError as exc:
        return [], [Problem(Source(file), str(exc))]
    data = read_file(file, limits)
    if not isinstance(data, bytes):
        return [], [data]
    return from_data(data, file, limits)


def score(document: Document, rows: list[SheetRow], sheet_problems: list[Problem], file: str,
          weights: Weights | None = None, options: ScoreOptions | None = None,
          ) -> tuple[Evaluation | None, list[Problem]]:
    """Score a sheet's rows: (None, problems) when any problem is an error; warnings pass. Where the 自评表 gives
    its own 自评得分 or 评价等级 (a stored or read 自评表), a note says they agree or a warning that they differ
    (:func:`perfbudget.evaluate.from_table.table_score_check`) — on every face: until replay-n only the CLI's
    ``evaluate 表 -a 表`` compared them, the API's and the page's 自评 of an imported 自评表 did not."""
    from perfbudget.evaluate.execution_points import execution_points_check
    from perfbudget.evaluate.from_table import execution_score_check, table_score_check

    sheet_problems = list(sheet_problems) + sheet_text_problems(rows)
    if any(p.severity is Severity.ERROR for p in sheet_problems):
        return None, sheet_problems
    evaluation, found = evaluate_rows(document, rows, weights, options, actuals_file=file)
    found = found + execution_score_check(document)  # its own execution points against its figures (kinds31)
    if evaluation is not None:
        found = found + table_score_check(document, evaluation) + execution_points_check(document, evaluation)
    return evaluation, list(sheet_problems) + found


def sheet_text_problems(rows: list[SheetRow]) -> list[Problem]:
    """Each cell of a 自评 or 运行监控 (a sheet's, the page's, the API's) that cannot be kept, at its row: longer than
    a stored document's text may be (``app.validate.MAX_TEXT``) or holding a control character. Until attack24 a unit
    editor's 实际完成值, 偏差原因 and 总体目标完成情况 were kept however long (2 MB in one record, as often as
    posted, then sent whole by every page and API answer showing the record)."""
    from perfbudget.app.validate import BAD_CHARS, MAX_TEXT, text_problem

    problems = []
    for row in rows:
        for column, text in row.cells.items():
            if text and (problem := text_problem(text, MAX_TEXT)) is not None:
                shown = BAD_CHARS.sub("\ufffd", text[:40]) + ("…" if len(text) > 40 else "")  # (printable, short)
                problems.append(Problem(row.source, f"「{column}」{problem}：「{shown}」"))
    return problems


def offered(settings: CoreSettings, approved_version: int | None) -> bool:
    """Whether self-evaluation is offered for a project with this approved version (None: never approved)."""
    return settings.self_evaluation != APPROVED_ONLY or approved_version is not None


ROLE_REFUSALS = {"自评": "您的角色不能填报实际完成值", "运行监控": "您的角色不能填报运行监控"}


def role_refusal(principal: Principal, unit_codes: list[str | None], what: str = "自评") -> str | None:
    """Why this account may not fill in (``what``: 自评 or 运行监控) the projects of these units, or None: the
    page's, the API's and ``perfbudget evaluate|monitor --save --user``'s one rule (a unit's editor its own
    unit's, an admin any; a reviewer or a viewer none)."""
    if all(principal.can(Action.EDIT, code) for code in unit_codes):
        return None
    return ROLE_REFUSALS[what]


def refusal(store: Store, settings: CoreSettings, project_ids: list[int], what: str = "自评",
            officer: bool = False) -> str | None:
    """Why these projects may not be self-evaluated (or, with ``what="运行监控"``, monitored) now (Chinese), or
    None: both measure the approved targets. ``officer``: said to a finance officer in the web pages, with what to
    do next instead of the deployment's setting (until webflow21 the pages named PERFBUDGET_SELF_EVALUATION)."""
    if settings.self_evaluation != APPROVED_ONLY:
        return None
    with store.reading() as tx:
        flows = tx.workflow(project_ids)
        heads = {pid: tx.project_head(pid) for pid in project_ids}
    waiting = [pid for pid in project_ids
               if (flows[pid].approved_version if pid in flows else None) is None]
    if not waiting:
        return None
    names = "、".join(f"「{_name(heads.get(p), p)}」（{state_label(flows[p].state if p in flows else DRAFT)}）"
                     for p in waiting[:5])
    more = f"等 {len(waiting)} 个项目" if len(waiting) > 5 else ""
    if officer:
        return (f"只有审核通过的项目才能{what}：{names}{more}尚未审核通过。请先在项目页「送审」，"
                f"审核人员审核通过后再来填写")
    return (f"只有审核通过的项目才能{what}：{names}{more}尚未审核通过"
            "（部署可设 PERFBUDGET_SELF_EVALUATION=any 放开）")


def _name(head: dict[str, Any] | None, project_id: int) -> str:
    if not head:
        return str(project_id)
    return f"{head['name']}-{head['fund_label']}" if head["fund_label"] else str(head["name"])


def is_approved(flow_state: str | None, approved_version: int | None) -> bool:
    return approved_version is not None or flow_state == APPROVED


def official_versions(store: Store, *, project_ids: list[int] | None = None, unit: str | None = None,
                      year: int | None = None) -> list[StoredVersion]:
    """The official versions (approved while a revision waits, else the latest)."""
    with store.reading() as tx:
        return tx.current_versions(project_ids=project_ids, unit=unit, year=year, official=True)


# What one saved result adds to the store and its audit row: (kind, row's fields, audit action, audit text, after)
_Made = tuple[str, dict[str, Any], str, str, dict[str, Any]]


class YearNeeded(ValueError):
    """A result of a project whose table gives no fund year, saved without an evaluation year: it would be kept
    under year 0 (「0 年度」 in ``perfbudget evaluations``; replay-g). The faces ask for the year."""

    def __init__(self, name: str) -> None:
        self.message = f"项目「{name}」没有资金年度，无法保存：请填写评价年度（如 2025）"
        super().__init__(self.message)


YEARS = (1990, 2100)  # an evaluation year a form or the API may give (the API's ``year`` field has the same bounds)


def record_years(pairs: list[tuple[StoredVersion, Any]], years: dict[int, int]) -> dict[int, int]:
    """The year each result is kept under, by project id: ``years``' entry, else the project's fund year;
    :class:`YearNeeded` names the first project with neither."""
    chosen = {}
    for version, _ in pairs:
        project = version.document.projects[0]
        project_id = version.meta["project_id"]
        year = years.get(project_id, project.fund_year)
        if year is None:
            raise YearNeeded(project.name_cell or project.name)
        chosen[project_id] = year
    return chosen


def as_kept(result: Any, version: StoredVersion) -> Any:
    """A one-project ``Evaluation`` or ``Monitoring`` of a stored version as it is kept: its ``document_file`` the
    file that brought the version, whichever face scored it (the pages and the API kept None, the CLI the file,
    until 2026-12-05: replay-h)."""
    return replace(result, document_file=version.meta["file"])


def _keep(store: Store, actor: Actor, pairs: list[tuple[StoredVersion, Any]], years: dict[int, int],
          ip: str | None, made: Any) -> list[int]:
    """Each one-project result recorded with its audit row, all in one transaction; ``made(result, project)``
    gives what is recorded (:data:`_Made`), :func:`as_kept`. Nothing is kept when a project has no year
    (:class:`YearNeeded`). Its files are kept by name only (:func:`names_only`), whichever face saves it: until
    evalpath ``perfbudget evaluate … -a /home/…/自评表.xlsx --save`` kept the sheet's and the document's local
    paths (a user's directories, for every reader of the store), where the pages and the API kept the name."""
    ids = []
    chosen = record_years(pairs, years)
    with store.transaction() as tx:
        for version, one in pairs:
            one = as_kept(one, version)
            project = version.document.projects[0]
            project_id = version.meta["project_id"]
            kind, fields, action, text, after = made(one.projects[0], project)
            record = tx.record_evaluation(version.meta["version_id"], chosen[project_id],
                                          kind, names_only(one.to_dict()), actor=actor.username, **fields)
            tx.audit(actor, action, "project", project_id, text,
                     after={"evaluation_id": record, "version": version.meta["version"], **after},
                     unit_code=version.document.unit.code, ip=ip)
            ids.append(record)
    return ids


def save(store: Store, actor: Actor, pairs: list[tuple[StoredVersion, Evaluation]], years: dict[int, int],
         ip: str | None = None) -> list[int]:
    """Keep one-project evaluations of stored versions, audited, in one transaction.

    ``years`` maps project ids to the evaluation year (default: the project's fund year; :class:`YearNeeded`
    when a project has neither)."""
    from perfbudget.evaluate.numbers import show

    def made(result: Any, project: Any) -> _Made:
        total = show(result.total)
        return (KIND_EVALUATION, {"total": total, "grade": result.grade}, "evaluation.save",
                f"项目「{project.name}」自评：{total} 分，{result.grade}", {"total": total, "grade": result.grade})

    return _keep(store, actor, list(pairs), years, ip, made)


def save_monitorings(store: Store, actor: Actor, pairs: list[tuple[StoredVersion, Any]], years: dict[int, int],
                     month: int, ip: str | None = None) -> list[int]:
    """Keep one-project monitorings (``Monitoring`` of one project each, with its light) of stored versions for
    ``month``, each with its audit row, in one transaction (the CLI wrote them one by one on the store, unaudited,
    until 2026-12-04). The audit summary names the light in Chinese (红灯; 「red」 until 2026-12-04)."""
    from perfbudget.evaluate.monitor import LIGHT_LABELS

    def made(result: Any, project: Any) -> _Made:
        light = {"month": month, "colour": result.colour}
        text = f"项目「{project.name}」1-{month}月运行监控：{LIGHT_LABELS.get(result.colour, result.colour)}"
        return KIND_MONITORING, light, "monitoring.save", text, light

    return _keep(store, actor, pairs, years, ip, made)


_FILE_KEYS = frozenset(("file", "document_file", "actuals_file"))


def names_only(value: Any) -> Any:
    """A stored payload as the pages and the API give it: every file (``document_file``, ``actuals_file``, each
    source's ``file``) by its name only, as the 来源 column shows a document's (replay-f: the API's 自评 and its
    JSON download gave the server's path). Results are kept so since evalpath (:func:`_keep`); a record saved
    before by ``perfbudget evaluate /srv/…/自评.csv --save`` still holds the path, and is read through this."""
    from perfbudget.app.imports import source_name

    if isinstance(value, dict):
        return {k: source_name(v) if k in _FILE_KEYS and isinstance(v, str) and v else names_only(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [names_only(v) for v in value]
    return value


def as_people_read(tx: Transaction, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Saved 自评 and 运行监控 rows (each with its ``actor``, the account name as saved, and ``colour``) given what
    people read: the 填报人's ``display_name`` and ``user_label`` (the display name, else the account name) and the
    light's ``colour_label`` (红灯 …; None for a 自评). Every face shows these: the pages, ``perfbudget evaluations``
    and the API's records (until replay-m they named the account 「wang」 where the admin named it 「王填报」, and the
    API gave ``colour`` 「red」 with no word beside it)."""
    from perfbudget.app.overview import with_display_names

    for row in with_display_names(tx, rows, "actor"):
        row["colour_label"] = colour_label(row["colour"]) if row.get("colour") else None
    return rows


def colour_label(colour: str) -> str:
    """A monitoring light in Chinese (red → 红灯), as every face shows it beside the code."""
    from perfbudget.evaluate.monitor import LIGHT_LABELS

    return LIGHT_LABELS.get(colour, colour)


def saved_by(saver: dict[str, Any] | Principal) -> dict[str, Any]:
    """Who saved a 自评 or 运行监控 (a saved row read by :func:`as_people_read`, or the account saving it now) as the
    records say it: ``actor`` (the account), ``display_name`` and ``user_label`` (what people are shown)."""
    if isinstance(saver, Principal):
        shown = saver.display_name if saver.display_name and saver.display_name != saver.username else None
        return {"actor": saver.username, "display_name": shown, "user_label": shown or saver.username}
    return {"actor": saver["actor"], "display_name": saver["display_name"], "user_label": saver["user_label"]}


def _for_readers(tx: Transaction, row: dict[str, Any] | None) -> dict[str, Any] | None:
    return None if row is None else as_people_read(tx, [{**row, "payload": names_only(row["payload"])}])[0]


def latest(store: Store, project_id: int) -> dict[str, Any] | None:
    """The newest saved self-evaluation of any version of the project (so it stays reachable
    while a revision waits), with its payload (files by name, :func:`names_only`) and its 填报人 as people read it
    (:func:`as_people_read`)."""
    with store.reading() as tx:
        return _for_readers(tx, tx.last_project_evaluation(project_id))


def stored_monitoring(row: dict[str, Any]) -> Monitoring:
    """A saved monitoring (a :func:`latest_monitoring` row) read back, each project carrying the year the result
    is kept under (printed with its period, 「监控期间：2024年1-6月」; results saved before 2026-12-05 hold none)."""
    monitoring = monitoring_from_dict(row["payload"])
    return replace(monitoring, projects=tuple(replace(p, year=row["year"]) for p in monitoring.projects))


def latest_monitoring(store: Store, project_id: int) -> dict[str, Any] | None:
    """The newest saved monitoring of any version of the project, with its payload (as :func:`latest`)."""
    with store.reading() as tx:
        return _for_readers(tx, tx.last_project_evaluation(project_id, KIND_MONITORING))
