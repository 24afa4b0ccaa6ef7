"""The dimensions of the findings that stand: which projects' latest review keeps at least one
finding of 完整性 / 相关性 / 适当性 / 可行性 / 规范性.

A finding stands (is *kept*) unless the reviewer's latest decision on it is 驳回 (``dismissed``):
the same rule as the review desk and the 审核意见书 (:mod:`perfbudget.app.review_desk`), so a
dismissal counts for later versions as long as the finding's cell is unchanged. Confirmed and
undecided findings are kept. The dashboard's 审核发现（按维度） bars count projects this way
(:func:`dimension_projects`) and the project list's ``dimension`` filter lists the same projects
(:func:`kept_dimension_condition`), so each bar's number is its list's total.

A project without any 驳回 decision keeps all its findings: its newest review's summary (per
dimension and severity, :mod:`perfbudget.store.review_summary`, on its ``project_status`` row) says
which dimensions it has and how severe, in SQL. Only the projects with a 驳回 decision (few) are
decided in Python, since a decision's key hashes the cell's content: their findings are read from
the review's JSON, and those with a dismissed finding of a matching rule have their version loaded
to compute the keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select

from perfbudget.app.overview import status_scope
from perfbudget.app.review_desk import finding_key
from perfbudget.app.roles import Principal
from perfbudget.review.finding import DIMENSIONS, Finding
from perfbudget.store import review_summary
from perfbudget.store.desk_tables import finding_decisions
from perfbudget.store.schema import reviews
from perfbudget.store.status import project_status
from perfbudget.store.transaction import Transaction

SEVERITY_ORDER = ("error", "warning", "info")  # worst first
_CHUNK = 500


def _findings(payload: str | None) -> list[dict[str, Any]]:
    if not payload:
        return []
    data = json.loads(payload)
    findings = data.get("findings", []) if isinstance(data, dict) else data
    return [f for f in findings if isinstance(f, dict)]


def _dismissed(tx: Transaction, project_ids: list[int]) -> dict[int, dict[str, str]]:
    """Per project, the finding keys whose latest decision is 驳回, each with its rule."""
    latest: dict[tuple[int, str], tuple[str, str]] = {}
    for start in range(0, len(project_ids), _CHUNK):
        rows = tx.connection.execute(
            select(finding_decisions.c.project_id, finding_decisions.c.finding_key, finding_decisions.c.rule,
                   finding_decisions.c.decision)
            .where(finding_decisions.c.project_id.in_(project_ids[start:start + _CHUNK]))
            .order_by(finding_decisions.c.id))
        for row in rows:
            latest[(row.project_id, row.finding_key)] = (row.decision, row.rule)  # the last decision wins
    out: dict[int, dict[str, str]] = {}
    for (project_id, key), (decision, rule) in latest.items():
        if decision == "dismissed":
            out.setdefault(project_id, {})[key] = rule
    return out


def kept_dimensions(tx: Transaction, rows: Iterable[tuple[int, int, str | None]],
                    dimension: str | None = None) -> dict[int, dict[str, str]]:
    """For each project with a kept finding (of ``dimension`` only, when given): each dimension of its
    kept findings with the worst severity among them.

    ``rows``: (project id, version id, review JSON) of each project's shown version's latest review.
    """
    found: dict[int, tuple[int, list[dict[str, Any]]]] = {}
    for project_id, version_id, payload in rows:
        findings = [f for f in _findings(payload) if dimension is None or f.get("dimension") == dimension]
        if findings:
            found[project_id] = (version_id, findings)
    dismissed = _dismissed(tx, sorted(found))
    # only a finding whose rule was dismissed somewhere in its project needs its key (and so its table)
    to_key = [pid for pid, (_, findings) in found.items()
              if pid in dismissed and any(f.get("rule") in dismissed[pid].values() for f in findings)]
    tables = tx.versions([found[pid][0] for pid in to_key]) if to_key else {}
    out: dict[int, dict[str, str]] = {}
    for project_id, (version_id, findings) in found.items():
        keys = dismissed.get(project_id, {})
        table = tables.get(version_id)
        project = table.document.projects[0] if table is not None and table.document.projects else None
        for finding in findings:
            if project is not None and finding.get("rule") in keys.values() \
                    and finding_key(project, Finding.from_dict(finding)) in keys:
                continue
            name = str(finding.get("dimension") or "")
            given = finding.get("severity")
            severity = given if isinstance(given, str) and given in SEVERITY_ORDER else "info"
            worst = out.setdefault(project_id, {}).get(name)
            if worst is None or SEVERITY_ORDER.index(severity) < SEVERITY_ORDER.index(worst):
                out[project_id][name] = severity
    return out


def kept_finding_condition(tx: Transaction, candidates: Any, dimension: str) -> Any:
    """``project_status.project_id IN (…)``: the projects of ``candidates`` whose latest review keeps a
    finding of ``dimension``.

    ``candidates``: a select of (project id, version id, review JSON) over the ``reviews`` table
    joined as each project's latest review (the project list's filtered query). It is narrowed in SQL
    to review texts naming the dimension (stored JSON keeps Chinese as is; the ``\\u`` escaped form is
    matched too), then decided in Python (:func:`kept_dimensions`).
    """
    escaped = json.dumps(dimension)[1:-1]
    named = candidates.where(or_(reviews.c.payload.contains(dimension, autoescape=True),
                                 reviews.c.payload.contains(escaped, autoescape=True)))
    rows = ((int(r[0]), int(r[1]), r[2]) for r in tx.connection.execute(named))
    ids = sorted(kept_dimensions(tx, rows, dimension))
    # ids written into the SQL text (integers only): no limit on the number of bound parameters
    return project_status.c.project_id.in_(bindparam("kept_finding_ids", ids, expanding=True, literal_execute=True))


def _with_dismissals() -> Any:
    """The projects with a 驳回 decision (any: the decision may have been overturned since)."""
    return select(finding_decisions.c.project_id).where(finding_decisions.c.decision == "dismissed")


def kept_dimension_condition(tx: Transaction, candidates: Any, dimension: str) -> Any:
    """The condition of the project list's dimension filter, over ``project_status``: a project whose
    newest review's summary names ``dimension`` (:mod:`perfbudget.store.review_summary`: only dimensions
    with findings are named) and that has no 驳回 decision; or, among the ``candidates`` with a 驳回
    decision (few), one whose findings of ``dimension`` are not all dismissed (:func:`kept_finding_condition`).
    The same projects :func:`dimension_projects` counts."""
    status = project_status
    with_dismissals = _with_dismissals()
    named = json.dumps({dimension: 0}, ensure_ascii=False, separators=(",", ":"))[1:-2]  # '"完整性":'
    plain = and_(status.c.review_summary.contains(named, autoescape=True), status.c.project_id.not_in(with_dismissals))
    decided = kept_finding_condition(tx, candidates.where(status.c.project_id.in_(with_dismissals)), dimension)
    return or_(plain, decided)


def dimension_projects(tx: Transaction, principal: Principal, year: int | None) -> dict[str, dict[str, int]]:
    """For each dimension, the visible projects of ``year`` (all years: None) with a kept finding of
    it, counted under the worst severity of those findings (error / warning / info).

    Each project's worst severity per dimension comes from its newest review's summary
    (:mod:`perfbudget.store.review_summary`, on its ``project_status`` row); only the projects with a
    驳回 decision somewhere have their findings read and decided one by one (:func:`kept_dimensions`)."""
    status = project_status
    scope = status_scope(principal, year)
    with_dismissals = _with_dismissals()
    counts = {name: dict.fromkeys(SEVERITY_ORDER, 0) for name in DIMENSIONS}
    # Projects without a dismissal: grouped by their summary text (as many groups as distinct summaries).
    grouped = (select(status.c.review_summary, func.count()).where(*scope, status.c.review_summary.is_not(None),
                                                                   status.c.project_id.not_in(with_dismissals))
               .group_by(status.c.review_summary))
    for text, n in tx.connection.execute(grouped):
        for name, numbers in review_summary.parse(text).items():
            severity = next((sev for sev, count in zip(SEVERITY_ORDER, numbers, strict=False) if count), None)
            if severity is not None and name in counts:
                counts[name][severity] += int(n)
    decided = [(int(r.project_id), int(r.version_id)) for r in tx.connection.execute(
        select(status.c.project_id, status.c.version_id).where(*scope, status.c.review_summary.is_not(None),
                                                               status.c.project_id.in_(with_dismissals)))]
    worst: dict[int, dict[str, str]] = {}
    if decided:
        payloads = {}
        for start in range(0, len(decided), _CHUNK):
            chunk = [version for _, version in decided[start:start + _CHUNK]]
            rows = tx.connection.execute(select(status.c.project_id, reviews.c.payload)
                                         .join(reviews, reviews.c.id == status.c.review_id)
                                         .where(status.c.version_id.in_(chunk)))
            payloads.update({int(r.project_id): r.payload for r in rows})
        worst = kept_dimensions(tx, ((pid, vid, payloads.get(pid)) for pid, vid in decided))
    for by_dimension in worst.values():
        for name, severity in by_dimension.items():
            if name in counts:
                counts[name][severity] += 1
    return counts
