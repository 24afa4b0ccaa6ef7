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

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from perfbudget.app.review_desk import finding_key, grading_kept, latest_decisions
from perfbudget.app.settings import CoreSettings
from perfbudget.model import Document
from perfbudget.review.finding import Finding
from perfbudget.store import Store
from perfbudget.store.desk_tables import finding_decisions
from perfbudget.store.schema import project_versions, projects
from perfbudget.store.transaction import Transaction

# projects[0]'s key: {"grade", "basis"} of every finding (the machine's; app/regrade_history.py reads it)
ALL_FINDINGS = "grade_of_all_findings"
# the last key of a review's payload recorded again by :func:`regrade` (after a 驳回 or 确认, its findings those of
# the review before): ``perfbudget reviews`` lists it as such (``store.reviews.project_reviews``' ``regraded``)
REGRADED = "regraded_after_decision"
_CHUNK = 500
RECOUNT_CHUNK = 100  # decided projects :func:`recount_decided` regrades in one transaction


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
    dismissed = dismissed_keys(tx.connection, [project_id for _version_id, project_id in decided])
    recorded = []
    for version_id, project_id in decided:
        review = tx.last_review(version_id)
        if review is None or not isinstance(review.get("payload"), dict) or not review["grade"]:
            continue
        stored = (review["grade"], int(review["errors"] or 0), int(review["warnings"] or 0))
        again = kept_payload(review["payload"], stored, tx.versions([version_id])[version_id].document,
                             dismissed.get(project_id, frozenset()), settings)
        if again is not None:
            recorded.append(tx.record_review(
                version_id, {**{key: value for key, value in again.payload.items() if key != REGRADED},
                             REGRADED: True},
                year=review.get("year"), grade=again.grade, errors=again.errors, warnings=again.warnings,
                actor=actor, total=review.get("total")))
    return recorded


def recount_decided(store: Store, settings: CoreSettings, actor: str,
                    progress: Callable[[int, int], None] | None = None) -> int:
    """Once after an upgrade (``perfbudget db upgrade``, after the migrations: a migration freezes its own code, and
    this grades with today's): record again, by :func:`regrade`, the newest review of every decided project's latest
    version whose grade or 错误/警告 counts are not its kept findings' — a project decided before print40 kept the
    counts of every finding, the dismissed ones too. Idempotent (a review already so is left alone); a transaction
    for each :data:`RECOUNT_CHUNK` projects, ``progress(done, total)`` after each. The number of reviews recorded."""
    with store.reading() as tx:
        chosen = [int(project_id) for project_id in tx.connection.execute(
            select(finding_decisions.c.project_id).distinct().order_by(finding_decisions.c.project_id)).scalars()]
    recorded = 0
    for start in range(0, len(chosen), RECOUNT_CHUNK):
        with store.transaction() as tx:
            latest = tx.connection.execute(
                select(project_versions.c.id).join(projects, projects.c.id == project_versions.c.project_id)
                .where(projects.c.id.in_(chosen[start:start + RECOUNT_CHUNK]),
                       project_versions.c.number == projects.c.latest_version)).scalars()
            recorded += len(regrade(tx, [int(version_id) for version_id in latest], settings, actor))
        if progress is not None:
            progress(min(start + RECOUNT_CHUNK, len(chosen)), len(chosen))
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


def dismissed_keys(connection: Connection, project_ids: Iterable[int]) -> dict[int, frozenset[str]]:
    """The finding keys whose latest decision is 驳回 (:func:`latest_decisions`, as the desk reads them), by project,
    for those of ``project_ids`` holding any decision (an empty set where every latest one is a 确认)."""
    return {project_id: frozenset(key for key, row in keys.items() if row["decision"] == "dismissed")
            for project_id, keys in latest_decisions(connection, project_ids).items()}


@dataclass(frozen=True, slots=True)
class KeptReview:
    """A review to store graded on the findings that stand (:func:`kept_payload`): its payload, grade and the
    错误/警告 it counts — the kept ones' (print40: the lists counted the dismissed findings too, where the grade beside
    them and the 审核意见书's 等级依据 left them out)."""

    payload: dict[str, Any]
    grade: str
    errors: int
    warnings: int


def kept_payload(payload: dict[str, Any], stored: tuple[str, int, int], document: Document,
                 dismissed: frozenset[str], settings: CoreSettings) -> KeptReview | None:
    """A review's ``payload`` (of ``document``'s project, ``stored`` its grade, 错误 and 警告 counts) graded on the
    findings that stand with ``dismissed`` (keys, :func:`finding_key`): the review to store, or None where its grade,
    basis and counts are those already (its ``projects[0]`` says the kept findings' grade and basis, and the machine's
    of all of them under :data:`ALL_FINDINGS`, so that a dismissal overturned gives the machine's grade back
    exactly; the counts are those the grade counts)."""
    projects = payload.get("projects")
    if not isinstance(projects, list) or not projects or not isinstance(projects[0], dict):
        return None
    first = projects[0]
    machine = first.get(ALL_FINDINGS)
    if not isinstance(machine, dict):
        machine = {"grade": stored[0], "basis": list(first.get("basis") or [])}
    project = document.projects[0]
    found = [Finding.from_dict(item) for item in payload.get("findings", []) if isinstance(item, dict)]
    kept = grading_kept([(finding, finding_key(project, finding) in dismissed) for finding in found], document,
                        settings.review_config, settings.region)
    if kept is None:  # none dismissed (any more): the machine's grade of all of them
        grade, basis = str(machine["grade"]), list(machine.get("basis") or [])
        head = {key: value for key, value in first.items() if key != ALL_FINDINGS}
        # (the machine's counts of them all: its ProjectGrade's, kept in the payload, the grading's own tally)
        errors, warnings = int(first.get("errors") or 0), int(first.get("warnings") or 0)
    else:
        grade, basis, errors, warnings = kept[0], list(kept[1]), kept[2], kept[3]
        head = {**first, ALL_FINDINGS: machine}
    if (grade, errors, warnings) == stored and basis == list(first.get("basis") or []):
        return None
    return KeptReview({**payload, "projects": [{**head, "grade": grade, "basis": basis}, *projects[1:]]}, grade,
                      errors, warnings)
