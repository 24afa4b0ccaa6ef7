"""print40's mend: the 错误/警告 counts of reviews stored before print40 (a project decided then kept the counts of
every finding, the dismissed ones too) are recounted once by ``perfbudget db upgrade`` after its migrations
(``app/kept_review.recount_decided``), and the 送审 check of a version without a stored review (a CLI import) counts
the errors that stand (``app/reviews.current_errors``). On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select

from perfbudget.store.schema import project_versions, reviews
from tests.web.conftest import WebEnv
from tests.web.test_opinion36 import _run, imported_desk
from tests.web.test_print40_counts import _counts


def _dismissed_error(web: WebEnv, tmp_path: Path) -> tuple[int, dict[str, str], object]:
    from perfbudget.app.reviews import review_unreviewed

    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    [error] = [f for f in desk["findings"] if f["rule"] == "input-as-output"]
    said = {"key": error["key"], "decision": "dismissed", "reason": "不成立"}
    assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=said).status_code == 200
    return pid, reviewer, api


def test_db_upgrade_recounts_the_reviews_of_projects_decided_before_print40(any_web: WebEnv, tmp_path: Path) -> None:
    web = any_web
    pid, reviewer, api = _dismissed_error(web, tmp_path)
    assert set(_counts(web, api, reviewer, pid).values()) == {(0, 1)}
    store = web.app.state.store
    with store.reading() as tx:
        version_id = tx.current_versions(project_ids=[pid])[0].meta["version_id"]
        last = tx.last_review(version_id)
    assert last is not None
    # as print39 recorded it: the kept findings' grade, every finding's counts
    store.record_review(version_id, last["payload"], year=last["year"], grade=last["grade"], errors=1,
                        warnings=1, actor="reviewer", total=None)
    assert _counts(web, api, reviewer, pid)["xlsx"] == (1, 1)

    def stored() -> int:
        with web.app.state.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(reviews)
                                          .where(reviews.c.version_id == version_id)).scalar_one())

    before = stored()
    said = _run("db", "upgrade", "--db", web.url)
    assert "已按保留的审核发现重新评定 1 条审核记录" in said, said
    assert stored() == before + 1
    assert set(_counts(web, api, reviewer, pid).values()) == {(0, 1)}
    said = _run("db", "upgrade", "--db", web.url)  # once: a review already so is left alone
    assert "重新评定" not in said and stored() == before + 1, said


def test_the_submit_check_without_a_stored_review_counts_the_errors_that_stand(any_web: WebEnv,
                                                                               tmp_path: Path) -> None:
    from perfbudget.app.reviews import current_errors

    web = any_web
    pid, _reviewer, _api = _dismissed_error(web, tmp_path)
    with web.app.state.engine.begin() as connection:  # (a CLI import not yet reviewed: no stored review)
        connection.execute(delete(reviews).where(reviews.c.version_id.in_(
            select(project_versions.c.id).where(project_versions.c.project_id == pid))))
    assert current_errors(web.app.state.store, web.app.state.core, pid) == 0
