"""print40: the reviews print39 recorded again after a 驳回/确认 before its mend marked them
(``"regraded_after_decision": true``) are told from the history (``store/regrade_history.py``): ``perfbudget
reviews``, ``--show`` and the API list them as 「按驳回/确认重新评定」, as the marked ones (``--show`` of one failed,
its payload holding the machine's grading), and a review saved long after
the decisions is not one. Rows recorded with the mark here, then stored as print39's first code did (the mark taken
off the payload), for every subset of a tiny table's two findings dismissed and then overturned."""

from __future__ import annotations

from datetime import timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from perfbudget.store.schema import reviews
from tests.web.conftest import WebEnv
from tests.web.test_opinion36 import _run, imported_desk
from tests.web.test_print38_opinion import RULES

MARK = ', "regraded_after_decision": true}'


def _unmark(web: WebEnv) -> list[int]:
    """Every review's payload as print39's first code stored it (no mark); the ids of those that held it."""
    with web.app.state.engine.begin() as connection:
        marked = [(int(r.id), r.payload) for r in connection.execute(select(reviews.c.id, reviews.c.payload))
                  if r.payload.endswith(MARK)]
        for review_id, payload in marked:
            connection.execute(update(reviews).where(reviews.c.id == review_id)
                               .values(payload=payload[:-len(MARK)] + "}"))
    return [review_id for review_id, _payload in marked]


def _listed(web: WebEnv, api: Any, headers: dict[str, str], pid: int) -> dict[int, bool]:
    items = api.get(f"/api/v1/projects/{pid}/reviews", headers=headers).json()["reviews"]
    return {int(item["id"]): bool(item["regraded"]) for item in items}


@pytest.mark.parametrize("dismissed", [set(c) for n in range(1, len(RULES) + 1) for c in combinations(RULES, n)])
def test_a_review_regraded_before_it_was_marked_is_listed_as_such(any_web: WebEnv, tmp_path: Path,
                                                                  dismissed: set[str]) -> None:
    from perfbudget.app.reviews import review_unreviewed

    web = any_web  # (on SQLite, its times naive, then on PostgreSQL)
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    found = {f["rule"]: f for f in desk["findings"]}
    for decision in ("dismissed", "confirmed"):
        for rule in sorted(dismissed):
            said = {"key": found[rule]["key"], "decision": decision, "reason": "理由"}
            assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=said).status_code == 200
    recorded = _listed(web, api, reviewer, pid)
    regraded = {review_id for review_id, flag in recorded.items() if flag}
    assert len(regraded) >= 2 and len(recorded) > len(regraded), recorded
    assert set(_unmark(web)) == regraded
    assert _listed(web, api, reviewer, pid) == recorded
    said = _run("reviews", str(pid), "--db", web.url)
    assert said.count("按驳回/确认重新评定") == len(regraded), said
    for review_id in regraded:
        shown = api.get(f"/api/v1/projects/{pid}/reviews/{review_id}", headers=reviewer).json()
        assert shown["regraded"] is True, shown
    # a review recorded long after the decisions, its findings and grade what a regrade's would be: not one
    last = max(regraded)
    with web.app.state.engine.begin() as connection:
        at = connection.execute(select(reviews.c.created_at).where(reviews.c.id == last)).scalar_one()
        connection.execute(update(reviews).where(reviews.c.id == last).values(created_at=at + timedelta(hours=2)))
    assert _listed(web, api, reviewer, pid) == {**recorded, last: False}
