"""print39: one grade everywhere for the same review. The 审核意见书 and the desk grade a project on the findings its
reviewer kept (print38); the lists, the queue, the dashboard, the list exports and the project page said the grade of
all its findings as stored. A 驳回 (or its 确认 later) records the review again graded on the findings that stand
(``app/kept_review.py``), so every face says the opinion's grade. Checked on every subset of a tiny table's two
findings dismissed, then each dismissal overturned."""

from __future__ import annotations

import io
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from perfbudget.store.schema import project_versions
from tests.web.conftest import WebEnv
from tests.web.test_opinion36 import _page_text, imported_desk
from tests.web.test_print38_opinion import RULES


def _faces(web: WebEnv, api: Any, headers: dict[str, str], pid: int, baseline: dict[str, int]) -> dict[str, str]:
    """The grade of project ``pid`` as each face says it (the dashboard's: the grade counted once more than in
    ``baseline``, the counts without the project)."""
    opinion = _page_text(web.client("reviewer").get(f"/projects/{pid}/opinion.html").text)
    line = next(line for line in opinion.split("\n") if line.startswith("审核等级："))
    listed = api.get("/api/v1/projects", headers=headers).json()
    [row] = [item for item in listed["items"] if item["id"] == pid]
    queue = api.get("/api/v1/review/queue", headers=headers).json()
    board = api.get("/api/v1/dashboard", headers=headers).json()["review_grades"]
    workbook = load_workbook(io.BytesIO(api.get("/api/v1/projects?format=xlsx", headers=headers).content))
    sheet = workbook.worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if "审核等级" in row)
    column = rows[at].index("审核等级")
    number = rows[at].index("编号")
    [exported] = [row[column] for row in rows[at + 1:] if row[number] == pid]
    page = web.client("reviewer").get(f"/projects/{pid}").text
    faces = {"opinion": line.removeprefix("审核等级：")[0], "list": row["grade"], "export": str(exported),
             "dashboard": "".join(grade for grade, count in board.items() if count != baseline[grade]),
             "project": api.get(f"/api/v1/projects/{pid}", headers=headers).json()["review"]["grade"],
             "desk": api.get(f"/api/v1/projects/{pid}/desk", headers=headers).json()["grade"]}
    faces["queue"] = next((item["grade"] for item in queue["items"] if item["id"] == pid), faces["list"])
    for grade in "优良中差":  # (the project page names its grade once)
        if f"审核等级：{grade}" in _page_text(page) or f">{grade}<" in page:
            faces.setdefault("page", grade)
    filtered = api.get(f"/api/v1/projects?grade={faces['opinion']}", headers=headers).json()["items"]
    faces["filter"] = faces["opinion"] if any(item["id"] == pid for item in filtered) else "-"
    return faces


@pytest.mark.parametrize("dismissed", [set(c) for n in range(1, len(RULES) + 1) for c in combinations(RULES, n)])
def test_every_face_says_the_grade_of_the_findings_kept(web: WebEnv, tmp_path: Path, dismissed: set[str]) -> None:
    from perfbudget.app.reviews import review_unreviewed

    headers = {"Authorization": f"Bearer {web.token('reviewer')}"}
    baseline = web.client().get("/api/v1/dashboard", headers=headers).json()["review_grades"]
    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")  # (as `serve` catches up an import)
    found = {f["rule"]: f for f in desk["findings"]}
    assert set(found) == set(RULES) and desk["grade"] == "中", found
    before = _faces(web, api, reviewer, pid, baseline)
    assert set(before.values()) == {"中"}, before
    for rule in dismissed:
        decision = {"key": found[rule]["key"], "decision": "dismissed", "reason": "不成立"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    kept_errors = "input-as-output" not in dismissed
    now = _faces(web, api, reviewer, pid, baseline)
    assert set(now.values()) == {"中" if kept_errors else "优"}, now
    # each dismissal overturned (确认): the grade of all the findings again, everywhere
    for rule in dismissed:
        decision = {"key": found[rule]["key"], "decision": "confirmed", "reason": "成立"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    again = _faces(web, api, reviewer, pid, baseline)
    assert set(again.values()) == {"中"}, again


def test_a_dismissal_carried_to_a_new_version_grades_its_stored_review(web: WebEnv, tmp_path: Path) -> None:
    """A dismissal counts for a later version as long as the finding's cell is unchanged (the desk carries it): the
    new version's review, stored when it is reviewed (an import's catch-up, an edit), is graded on the findings that
    stand, so the list says the grade its opinion says."""
    from perfbudget.app.reviews import review_unreviewed
    from tests.web.test_opinion36 import TABLE, _run

    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    found = {f["rule"]: f for f in desk["findings"]}
    decision = {"key": found["input-as-output"]["key"], "decision": "dismissed", "reason": "不成立"}
    assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    table = tmp_path / "测试运维.txt"
    table.write_text(TABLE.replace("保障信息系统运行", "保障信息系统全年稳定运行"), encoding="utf-8")
    _run("import", str(table), "--user", "admin", "--db", web.url)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    project = api.get(f"/api/v1/projects/{pid}", headers=reviewer).json()
    with web.app.state.engine.connect() as connection:
        versions = connection.execute(select(project_versions.c.id).where(project_versions.c.project_id == pid)).all()
    assert len(versions) == 2, versions
    [row] = [item for item in api.get("/api/v1/projects", headers=reviewer).json()["items"] if item["id"] == pid]
    opinion = _page_text(web.client("reviewer").get(f"/projects/{pid}/opinion.html").text)
    assert "审核等级：优（系统评定，按全部审核发现为中）" in opinion, opinion
    assert row["grade"] == "优" and project["review"]["grade"] == "优", (row, project["review"])


def test_a_provinces_review_saved_again_keeps_the_grade_of_the_findings_kept(web: WebEnv, tmp_path: Path) -> None:
    """`perfbudget review --db --year --save` (a province's batch) stores the machine's review of every project again:
    a project with a dismissed finding is graded on the findings that stand there too, in the list as in its
    opinion."""
    from perfbudget.app.reviews import review_unreviewed

    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    found = {f["rule"]: f for f in desk["findings"]}
    decision = {"key": found["input-as-output"]["key"], "decision": "dismissed", "reason": "不成立"}
    assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=decision).status_code == 200
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    done = CliRunner().invoke(cli, ["review", "--db", web.url, "--year", "2024", "--save"])
    assert "已保存" in done.output, done.output  # (exit 1: the seed's projects have errors)
    [row] = [item for item in api.get("/api/v1/projects?year=2024", headers=reviewer).json()["items"]
             if item["id"] == pid]
    opinion = _page_text(web.client("reviewer").get(f"/projects/{pid}/opinion.html").text)
    assert "审核等级：优（系统评定，按全部审核发现为中）" in opinion and row["grade"] == "优", (row, opinion[:400])


@pytest.mark.postgres
def test_two_reviewers_deciding_at_once_store_the_grade_of_both_decisions(pg_web: WebEnv, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Two reviewers dismiss the two findings of one project at once on PostgreSQL (READ COMMITTED): the first holds
    its transaction open after grading the review again; the second must wait for it (``Transaction.lock_projects``)
    and grade on both dismissals, so the project's stored review says the grade and basis of the findings that stand.
    Before, the second read only its own dismissal, stored nothing new (its grade the machine's), and the first's
    review, graded on one dismissal, stayed the project's."""
    import json
    import threading

    from sqlalchemy import text

    import perfbudget.app.kept_review as kept_review
    from perfbudget.app.reviews import review_unreviewed
    from perfbudget.review.engine import grading
    from perfbudget.store.schema import reviews
    from perfbudget.store.status import project_status

    web = pg_web
    _api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    found = {f["rule"]: f for f in desk["findings"]}
    paused, go, calls = threading.Event(), threading.Event(), []
    real = kept_review.regrade

    def first_waits(*args: Any, **kwargs: Any) -> list[int]:
        recorded = real(*args, **kwargs)
        calls.append(recorded)
        if len(calls) == 1:  # the first decision holds its transaction open until told
            paused.set()
            go.wait()
        return recorded

    monkeypatch.setattr(kept_review, "regrade", first_waits)

    def dismiss(rule: str, answers: list[int]) -> None:
        decision = {"key": found[rule]["key"], "decision": "dismissed", "reason": "不成立"}
        answers.append(web.client().post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer,
                                         json=decision).status_code)

    first: list[int] = []
    second: list[int] = []
    one = threading.Thread(target=dismiss, args=("input-as-output", first))
    one.start()
    assert paused.wait(120)
    two = threading.Thread(target=dismiss, args=("vague-qualitative", second))
    two.start()
    with web.app.state.engine.connect() as connection:  # until the second has ended or waits on a lock
        while two.is_alive() and not connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND datname = current_database()")).scalar_one():
            connection.rollback()  # (a transaction sees one snapshot of pg_stat_activity)
            two.join(0.05)
    go.set()
    one.join()
    two.join()
    assert first == second == [200]
    core = web.app.state.core
    with web.app.state.engine.connect() as connection:
        review_id, version_id = connection.execute(select(project_status.c.review_id, project_status.c.version_id)
                                                   .where(project_status.c.project_id == pid)).one()
        stored = connection.execute(select(reviews.c.grade, reviews.c.payload)
                                    .where(reviews.c.id == review_id)).one()
    with web.app.state.store.reading() as tx:
        document = tx.versions([version_id])[version_id].document
    # (both its findings dismissed: the grade of none)
    graded = grading([], document, document.projects[0], core.review_config, core.region)
    payload = stored.payload if isinstance(stored.payload, dict) else json.loads(stored.payload)
    assert (stored.grade, tuple(payload["projects"][0]["basis"])) == (graded[0], tuple(graded[1])) == \
        ("优", tuple(graded[1])), (stored, graded)


def test_a_review_is_recorded_again_only_when_a_decision_changes_its_grading(web: WebEnv, tmp_path: Path) -> None:
    """A decision records the review again only where the grade or basis of the findings that stand changes, listed
    by ``perfbudget reviews`` as graded again after a decision; a province's batch writes one row a version, graded on
    the findings that stand where it is made (it wrote the machine's and then a second, whole copy, in the parent)."""
    from sqlalchemy import func
    from typer.testing import CliRunner

    from perfbudget.app.reviews import review_unreviewed
    from perfbudget.cli import app as cli
    from perfbudget.store.schema import reviews

    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    review_unreviewed(web.app.state.store, web.app.state.core, "serve")
    found = {f["rule"]: f for f in desk["findings"]}

    def rows() -> list[tuple[int, str]]:
        with web.app.state.engine.connect() as connection:
            return [(row.id, row.grade) for row in connection.execute(
                select(reviews.c.id, reviews.c.grade)
                .join(project_versions, project_versions.c.id == reviews.c.version_id)
                .where(project_versions.c.project_id == pid).order_by(reviews.c.id))]

    def decide(rule: str, decision: str) -> None:
        asked = {"key": found[rule]["key"], "decision": decision, "reason": "核实"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=asked).status_code == 200

    first = rows()
    assert [grade for _id, grade in first] == ["中"], first
    decide("input-as-output", "confirmed")  # (nothing dismissed: the grading stands)
    assert rows() == first
    decide("input-as-output", "dismissed")
    assert [grade for _id, grade in rows()] == ["中", "优"]
    decide("input-as-output", "dismissed")  # (the same again)
    assert len(rows()) == 2
    listed = CliRunner().invoke(cli, ["reviews", str(pid), "--db", web.url]).output
    assert listed.count("按驳回/确认重新评定，处理人") == 1, listed
    with web.app.state.engine.connect() as connection:
        before = connection.execute(select(func.count()).select_from(reviews)).scalar_one()
    done = CliRunner().invoke(cli, ["review", "--db", web.url, "--year", "2024", "--save"])
    assert "已保存" in done.output, done.output
    with web.app.state.engine.connect() as connection:
        after = connection.execute(select(func.count()).select_from(reviews)).scalar_one()
        chosen = connection.execute(select(func.count()).select_from(project_versions)).scalar_one()
    assert [grade for _id, grade in rows()] == ["中", "优", "优"] and after - before <= chosen, (rows(), after - before)


def test_the_desk_and_the_stored_review_read_decisions_and_grade_by_one_rule(web: WebEnv, tmp_path: Path) -> None:
    """The desk and the review recorded again (``app/kept_review.py``) share the last-decision-per-key rule
    (``review_desk.latest_decisions``) and the grading of the findings that stand (``review_desk.grading_kept``):
    a finding dismissed then confirmed stands, one dismissed stands not, in both."""
    from perfbudget.app.kept_review import dismissed_keys
    from perfbudget.app.review_desk import latest_decisions

    api, reviewer, pid, desk = imported_desk(web, tmp_path)
    found = {f["rule"]: f for f in desk["findings"]}
    for rule, decision in (("input-as-output", "dismissed"), ("vague-qualitative", "dismissed"),
                           ("input-as-output", "confirmed")):
        asked = {"key": found[rule]["key"], "decision": decision, "reason": "核实"}
        assert api.post(f"/api/v1/projects/{pid}/desk/decisions", headers=reviewer, json=asked).status_code == 200
    with web.app.state.engine.connect() as connection:
        latest = latest_decisions(connection, [pid])[pid]
        assert dismissed_keys(connection, [pid]) == {pid: frozenset({found["vague-qualitative"]["key"]})}
    assert {key: row["decision"] for key, row in latest.items()} == {
        found["input-as-output"]["key"]: "confirmed", found["vague-qualitative"]["key"]: "dismissed"}
    shown = api.get(f"/api/v1/projects/{pid}/desk", headers=reviewer).json()
    assert {f["key"]: (f.get("decision") or {}).get("decision") for f in shown["findings"]} == {
        key: row["decision"] for key, row in latest.items()}
