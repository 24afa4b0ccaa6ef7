"""Reviews regraded after a 驳回/确认 before such rows were marked, inferred from the history.

Since print39's third mend a review recorded again on the findings a reviewer kept (:func:`perfbudget.app.kept_review.
regrade`) ends its payload with ``"regraded_after_decision": true``, and ``perfbudget reviews``, ``--show`` and the
API list it as 「按驳回/确认重新评定」. print39's first code recorded such rows without the mark. A row is inferred
to be one (listed 「按驳回/确认重新评定（据历史记录推断）」, ``regraded_inferred``) only where all of these hold:

* it was written before the database's first marked row (every row written since is marked when it is one);
* it is graded on kept findings — its first project holds the machine's grading beside its own (:data:`kept_review.
  ALL_FINDINGS`) — and is otherwise a copy of the review before it of the same version (the same findings, projects
  and format), with another grade or 等级依据 and the same machine's grading;
* its actor recorded a decision on the project between the two rows' times.

A review recorded afresh (an import, an edit, ``review --save``) holds no machine's grading beside its own and is never
inferred; nor is a regrade back to the machine's grade (a dismissal overturned), which holds none either: it is listed
as an ordinary review of the decider, its grade the machine's.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection

from perfbudget.app.kept_review import ALL_FINDINGS
from perfbudget.store.regrade_history import decisions_on, first_review_where, reviews_before
from perfbudget.store.reviews import MARKED

INFERRED_NOTE = "据历史记录推断"


def mark_regrades(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Set ``regraded`` and ``regraded_inferred`` on those of ``rows`` (summary rows as ``store.reviews`` reads them:
    ``id``, ``project_id``, ``regraded``) inferred to be regrades (the module's rules); ``regraded_inferred`` False
    on the others. One query for the rows and the ones before them, and only where one of them holds the machine's
    grading beside its own, one for the decisions and one for the first marked row."""
    for row in rows:
        row["regraded_inferred"] = False
    unmarked = {int(row["id"]): row for row in rows if not row["regraded"]}
    if not unmarked:
        return
    stored = reviews_before(connection, unmarked)
    pairs = [(row, stored[int(row["before"])]) for review_id, row in stored.items()
             if review_id in unmarked and row["before"] is not None and ALL_FINDINGS in str(row["payload"])]
    pairs = [(row, before) for row, before in pairs if copied_and_regraded(_parsed(before["payload"]),
                                                                             _parsed(row["payload"]))]
    if not pairs:
        return
    decided = decisions_on(connection, (int(unmarked[int(row["id"])]["project_id"]) for row, _before in pairs))
    first_marked = first_review_where(connection, MARKED)
    for row, before in pairs:
        summary = unmarked[int(row["id"])]
        if first_marked is not None and int(row["id"]) > first_marked:
            continue
        if any(d.project_id == summary["project_id"] and d.username == row["actor"]
               and before["created_at"] <= d.at <= row["created_at"] for d in decided):
            summary["regraded"] = summary["regraded_inferred"] = True


def _parsed(payload: Any) -> Any:
    try:
        return json.loads(payload) if isinstance(payload, str | bytes) else None
    except ValueError:
        return None


def copied_and_regraded(before: Any, after: Any) -> bool:
    """Whether review payload ``after`` is ``before`` graded again on the findings kept: ``after``'s first project
    holds the machine's grading (:data:`ALL_FINDINGS`), the same as ``before``'s; the payloads are the same but for
    the first project's grade, basis and that grading; the grade or basis differs."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        return False
    first, second = before.get("projects"), after.get("projects")
    if not (isinstance(first, list) and isinstance(second, list) and first and second
            and isinstance(first[0], dict) and isinstance(second[0], dict)
            and isinstance(second[0].get(ALL_FINDINGS), dict)):
        return False
    head = frozenset({"grade", "basis", ALL_FINDINGS})
    rest = [{key: value for key, value in payload.items() if key != "projects"} for payload in (before, after)]
    heads = [{key: value for key, value in one.items() if key not in head} for one in (first[0], second[0])]
    if rest[0] != rest[1] or heads[0] != heads[1] or first[1:] != second[1:]:
        return False
    graded = [(one.get("grade"), one.get("basis")) for one in (first[0], second[0])]
    return graded[0] != graded[1] and _machine(first[0]) == _machine(second[0])


def _machine(head: dict[str, Any]) -> tuple[Any, Any]:
    """The machine's grading a review's first project holds: beside its own where it was graded on kept findings."""
    machine = head.get(ALL_FINDINGS)
    if isinstance(machine, dict):
        return machine.get("grade"), machine.get("basis")
    return head.get("grade"), head.get("basis")
