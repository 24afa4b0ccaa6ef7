"""A stored review graded on the findings that stand: one grade for a review everywhere.

A reviewer's 驳回 (dismissal) of a finding takes it out of the grade's ground: the 审核意见书 and the desk page
grade a project on its kept findings (:attr:`perfbudget.app.review_desk.Desk.kept_grading`, print38). The lists,
the queue, the dashboards, the list exports and the project page read the grade of the version's newest stored
review (``project_status``, kept by the store's triggers). Until print39 that stayed the grade of all the findings,
so the same review was 「中」 in the list and 「优」 in the signed opinion.

Whenever the findings that stand may have changed — a finding dismissed or confirmed on the desk, a version reviewed
and saved (an import, an edit, ``review --save``, the catch-up, a province's batch) while its project holds
decisions, which carry to later versions as long as the finding's cell is unchanged — :func:`regrade` records the
review again, as a new row of the same findings, when its grade differs from the grade of the findings kept: its
``projects[0]`` then says the kept findings' grade and 等级依据, and the machine's grade of all of them under
:data:`ALL_FINDINGS` (its grade and basis), so that a dismissal overturned later gives the machine's grade back
exactly. The row is an ordinary review: the triggers move the list row, and every face reads the one grade.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from perfbudget.app.review_desk import finding_key
from perfbudget.app.settings import CoreSettings
from perfbudget.review.engine import grading
from perfbudget.review.finding import Finding
from perfbudget.store.desk_tables import finding_decisions
from perfbudget.store.schema import project_versions
from perfbudget.store.transaction import Transaction

ALL_FINDINGS = "grade_of_all_findings"  # projects[0]'s key: {"grade", "basis"} of every finding (the machine's)
_CHUNK = 500


def regrade(tx: Transaction, version_ids: list[int], settings: CoreSettings, actor: str | None) -> list[int]:
    """Record again the newest stored review of each of ``version_ids`` whose project holds finding decisions and
    whose grade is not its kept findings' (all of them where none is dismissed): the ids of the reviews recorded.
    One query for versions of projects without decisions (an import's usual case). The decided projects are locked
    (:meth:`Transaction.lock_projects`) before their reviews and decisions are read: a decision or another review
    of one of them waits for this transaction, so the review recorded last is graded on every decision committed
    (under READ COMMITTED, two writers each graded on what they saw, and the one committed last could hold the
    older row: the store's triggers take a review's row as the newest)."""
    decided = _decided_versions(tx, version_ids)
    tx.lock_projects(project_id for _version_id, project_id in decided)
    recorded = []
    for version_id, project_id in decided:
        review = tx.last_review(version_id)
        if review is None or not isinstance(review.get("payload"), dict):
            continue
        dismissed = _dismissed_keys(tx, project_id)
        record = _regraded(tx, version_id, review, dismissed, settings, actor)
        if record is not None:
            recorded.append(record)
    return recorded


def _decided_versions(tx: Transaction, version_ids: list[int]) -> list[tuple[int, int]]:
    """(version id, project id) of those of ``version_ids`` whose project holds a finding decision."""
    out: list[tuple[int, int]] = []
    ids = sorted(set(version_ids))
    for start in range(0, len(ids), _CHUNK):
        chosen = ids[start:start + _CHUNK]
        decided = select(finding_decisions.c.project_id).where(
            finding_decisions.c.project_id == project_versions.c.project_id).exists()
        out += [(int(r.id), int(r.project_id)) for r in tx.connection.execute(
            select(project_versions.c.id, project_versions.c.project_id)
            .where(project_versions.c.id.in_(chosen), decided))]
    return out


def _dismissed_keys(tx: Transaction, project_id: int) -> set[str]:
    """The finding keys of a project whose latest decision is 驳回 (as the desk reads them)."""
    latest: dict[str, str] = {}
    for row in tx.connection.execute(select(finding_decisions.c.finding_key, finding_decisions.c.decision)
                                     .where(finding_decisions.c.project_id == project_id)
                                     .order_by(finding_decisions.c.id)):
        latest[row.finding_key] = row.decision
    return {key for key, decision in latest.items() if decision == "dismissed"}


def _regraded(tx: Transaction, version_id: int, review: dict[str, Any], dismissed: set[str],
              settings: CoreSettings, actor: str | None) -> int | None:
    payload = review["payload"]
    projects = payload.get("projects")
    if not isinstance(projects, list) or not projects or not isinstance(projects[0], dict) or not review["grade"]:
        return None
    first = projects[0]
    machine = first.get(ALL_FINDINGS)
    if not isinstance(machine, dict):
        machine = {"grade": review["grade"], "basis": list(first.get("basis") or [])}
    version = tx.versions([version_id])[version_id]
    document = version.document
    project = document.projects[0]
    own = [Finding.from_dict(item) for item in payload.get("findings", [])
           if isinstance(item, dict) and item.get("project") is not None]
    kept = [finding for finding in own if finding_key(project, finding) not in dismissed]
    if len(kept) == len(own):  # none dismissed (any more): the machine's grade of all of them
        grade, basis = str(machine["grade"]), list(machine.get("basis") or [])
        head = {key: value for key, value in first.items() if key != ALL_FINDINGS}
    else:
        found, reasons = grading(kept, document, project, settings.review_config, settings.region)
        grade, basis = found, list(reasons)
        head = {**first, ALL_FINDINGS: machine}
    if grade == review["grade"] and basis == list(first.get("basis") or []):
        return None
    again = {**payload, "projects": [{**head, "grade": grade, "basis": basis}, *projects[1:]]}
    return tx.record_review(version_id, again, year=review.get("year"), grade=grade, errors=int(review["errors"] or 0),
                            warnings=int(review["warnings"] or 0), actor=actor, total=review.get("total"))
