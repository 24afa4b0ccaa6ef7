"""Stored reviews graded again after a 驳回/确认 before such rows were marked, told from the history.

Since print39's third mend a review recorded again on the findings a reviewer kept (``app/kept_review.regrade``)
ends its payload with ``"regraded_after_decision": true``, and ``perfbudget reviews``, ``--show`` and the API list it as
「按驳回/确认重新评定，处理人 …」. The rows print39 recorded before that mend carry no mark and were listed as an
ordinary review by the decider (print40's left item). What the history holds tells them apart still:

* the row is a copy of the review before it of the same version — the same findings, projects and format, its first
  project the same but for its grade, 等级依据 and the machine's grading kept beside them (:data:`ALL_FINDINGS`) —
  with another grade or basis, the machine's grading the same in both (the grade of all the findings moved under
  :data:`ALL_FINDINGS` on a dismissal, back from it when the dismissal is overturned). A review run again writes its
  findings anew and its grade the machine's: an unchanged table and config give the same grade, a changed one other
  findings or another machine grading;
* and it was recorded in the transaction of what made it: within :data:`SAME_RUN` after a decision on the project by
  its actor (a 驳回/确认 on the desk), or after the review before it by the same actor (an import's catch-up, an
  edit, ``review --save``: print39's first code stored the machine's review and then its copy). A province's batch
  since the mend writes one row graded on the kept findings, long after the decisions: not a regrade.

A row that is neither is listed as recorded (its mark, if any).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import timedelta
from itertools import pairwise
from typing import Any

from sqlalchemy import Connection, select

from perfbudget.store.desk_tables import finding_decisions
from perfbudget.store.schema import reviews

ALL_FINDINGS = "grade_of_all_findings"  # a regraded review's projects[0] key: {"grade", "basis"} of every finding
SAME_RUN = timedelta(seconds=60)  # a transaction's rows are recorded well within it
_HEAD = frozenset({"grade", "basis", ALL_FINDINGS})


def mark_regrades(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Set ``regraded`` on those of ``rows`` (a project's summary rows, oldest first, as ``store.reviews`` reads
    them: ``id``, ``version_id``, ``project_id``, ``actor``, ``created_at``, ``regraded``) recorded again after a
    decision before such rows were marked (the module's rules). ``rows`` must hold each row's predecessor of its
    version. One query for their payloads and one for the decisions, only where a version has two rows or more."""
    by_version: dict[int, list[dict[str, Any]]] = {}
    for row in rows:
        by_version.setdefault(int(row["version_id"]), []).append(row)
    pairs = [(before, row) for kept in by_version.values() for before, row in pairwise(kept)
             if not row["regraded"]]
    if not pairs:
        return
    wanted = sorted({int(row["id"]) for pair in pairs for row in pair})
    payloads = {int(r.id): r.payload for r in connection.execute(
        select(reviews.c.id, reviews.c.payload).where(reviews.c.id.in_(wanted)))}
    projects = sorted({int(row["project_id"]) for _before, row in pairs})
    decided = connection.execute(select(finding_decisions.c.project_id, finding_decisions.c.username,
                                        finding_decisions.c.at)
                                 .where(finding_decisions.c.project_id.in_(projects))).all()
    for before, row in pairs:
        if not copied_and_regraded(_parsed(payloads.get(int(before["id"]))), _parsed(payloads.get(int(row["id"])))):
            continue
        at, actor = row["created_at"], row["actor"]
        after_decision = any(d.project_id == row["project_id"] and d.username == actor and at - SAME_RUN <= d.at <= at
                             for d in decided)
        after_review = before["actor"] == actor and at - SAME_RUN <= before["created_at"] <= at
        if after_decision or after_review:
            row["regraded"] = True


def _parsed(payload: Any) -> Any:
    try:
        return json.loads(payload) if isinstance(payload, str | bytes) else None
    except ValueError:
        return None


def copied_and_regraded(before: Any, after: Any) -> bool:
    """Whether review payload ``after`` is ``before`` graded again on other findings kept: the same but for its first
    project's grade, basis and :data:`ALL_FINDINGS`, another grade or basis, the same machine's grading."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return False
    first, second = before.get("projects"), after.get("projects")
    if not (isinstance(first, list) and isinstance(second, list) and first and second
            and isinstance(first[0], dict) and isinstance(second[0], dict)):
        return False
    rest = [{key: value for key, value in payload.items() if key != "projects"} for payload in (before, after)]
    heads = [{key: value for key, value in head.items() if key not in _HEAD} for head in (first[0], second[0])]
    if rest[0] != rest[1] or heads[0] != heads[1] or first[1:] != second[1:]:
        return False
    graded = [(head.get("grade"), head.get("basis")) for head in (first[0], second[0])]
    return graded[0] != graded[1] and _machine(first[0]) == _machine(second[0])


def _machine(head: dict[str, Any]) -> tuple[Any, Any]:
    """The machine's grading a review's first project holds: beside its own where it was graded on kept findings."""
    machine = head.get(ALL_FINDINGS)
    if isinstance(machine, dict):
        return machine.get("grade"), machine.get("basis")
    return head.get("grade"), head.get("basis")
