"""print40: the reviews print39 recorded again after a 驳回/确认 before its mend marked them
(``"regraded_after_decision": true``) are inferred from the history (``app/regrade_history.py``): ``perfbudget
reviews``, ``--show`` and the API list them as 「按驳回/确认重新评定（据历史记录推断）」 (``--show`` of one failed, its
payload holding the machine's grading); a row written after the database's first marked row, or a review recorded
afresh, is not one. Rows recorded with the mark here, then stored as print39's first code did (the mark taken off the
payload), for every subset of a tiny table's two findings dismissed and then overturned."""

from __future__ import annotations

import json
from itertools import combinations, pairwise
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from perfbudget.app.kept_review import ALL_FINDINGS
from perfbudget.store.schema import project_versions, reviews
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


def _inferred_expected(web: WebEnv, regraded: set[int]) -> set[int]:
    """Of the marked rows ``regraded``, those the history tells (app/regrade_history.py): graded on kept findings
    (the machine's grading beside their own), their grade or basis not the row's before."""
    with web.app.state.engine.connect() as connection:
        rows = connection.execute(select(reviews.c.id, reviews.c.version_id, reviews.c.payload)
                                  .order_by(reviews.c.id)).all()
    heads = {int(r.id): json.loads(r.payload)["projects"][0] for r in rows}
    before = {int(row.id): int(prior.id) for prior, row in pairwise(rows) if prior.version_id == row.version_id}
    return {review_id for review_id in regraded if ALL_FINDINGS in heads[review_id]
            and (heads[review_id]["grade"], heads[review_id]["basis"])
            != (heads[before[review_id]]["grade"], heads[before[review_id]]["basis"])}


@pytest.mark.parametrize("dismissed", [set(c) for n in range(1, len(RULES) + 1) for c in combinations(RULES, n)])
def test_a_review_regraded_before_it_was_marked_is_inferred(any_web: WebEnv, tmp_path: Path,
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
    inferred = _inferred_expected(web, regraded)
    assert inferred, recorded  # (a dismissal's regrade at least; an overturn's back to the machine's is not told)
    assert set(_unmark(web)) == regraded
    assert _listed(web, api, reviewer, pid) == {review_id: review_id in inferred for review_id in recorded}
    said = _run("reviews", str(pid), "--db", web.url)
    assert said.count("按驳回/确认重新评定（据历史记录推断）") == len(inferred), said
    for review_id in inferred:
        shown = api.get(f"/api/v1/projects/{pid}/reviews/{review_id}", headers=reviewer).json()
        assert shown["regraded"] is True and shown["regraded_inferred"] is True, shown
    # rows written since the database's first marked row are marked when written: none after it is inferred
    first = min(inferred)
    with web.app.state.engine.begin() as connection:
        payload = connection.execute(select(reviews.c.payload).where(reviews.c.id == first)).scalar_one()
        connection.execute(update(reviews).where(reviews.c.id == first).values(payload=payload[:-1] + MARK))
    assert _listed(web, api, reviewer, pid) == {review_id: review_id == first for review_id in recorded}


def test_a_fresh_review_after_a_decision_is_not_inferred_a_regrade(any_web: WebEnv, tmp_path: Path) -> None:
    """A finding dismissed, the mark taken off (as print39's first code stored it), then the same user saves the version
    again at once (review_in_tx): the machine's review recorded afresh is no regrade, nor is anything but the
    dismissal's regrade. Failed on print40's first code (the fresh review, graded 中, listed as a regrade)."""
    from perfbudget.app.reviews import review_in_tx, review_unreviewed

    web = any_web
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    said = {"key": desk["findings"][0]["key"], "decision": "dismissed", "reason": "理由"}
    assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=said).status_code == 200
    before = _listed(web, api, reviewer, pid)
    _unmark(web)
    with web.app.state.engine.connect() as connection:
        version_id = connection.execute(select(project_versions.c.id).where(project_versions.c.project_id == pid)
                                        .order_by(project_versions.c.id.desc())).scalars().first()
    with web.app.state.store.transaction() as tx:
        review_in_tx(tx, [version_id], web.app.state.core, "reviewer")
    after = _listed(web, api, reviewer, pid)
    fresh = sorted(set(after) - set(before))
    assert fresh and after[fresh[0]] is False, after
    assert {review_id for review_id, flag in after.items() if flag} <= {review_id for review_id, flag in before.items()
                                                                         if flag} | set(fresh[1:]), after
