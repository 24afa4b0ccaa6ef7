"""``project_status`` (kept by triggers) always equals the rows computed afresh from the tables.

Every kind of write that changes what a list row shows is made in turn — an import, a review, a
workflow step with an approval, a new version while the approved one stays official, self-evaluation
and monitoring records, a deleted review — and after each the table is compared with
:func:`perfbudget.store.status.expected_rows_statement`, on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from sqlalchemy import delete, select, text

from perfbudget.model import Document
from perfbudget.store import Store
from perfbudget.store.review_summary import parse, summary_of_payload, summary_text
from perfbudget.store.reviews import insert_review_rows, insert_reviews
from perfbudget.store.schema import projects, reviews
from perfbudget.store.status import expected_rows_statement, project_status
from perfbudget.store.transaction import Actor

ACTOR = Actor(None, "tester")


def _rows(store: Store, statement: str) -> set[tuple[object, ...]]:
    def norm(value: object) -> object:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, (float, Decimal)):
            return round(Decimal(str(value)), 4)
        if hasattr(value, "isoformat"):
            return str(value)[:19]
        return value

    with store.engine.connect() as connection:
        return {tuple(norm(v) for v in row) for row in connection.execute(text(statement))}


def _assert_current(store: Store) -> None:
    expected = _rows(store, expected_rows_statement(store.engine.dialect.name))
    kept = _rows(store, "SELECT * FROM project_status")
    assert kept == expected
    with store.engine.connect() as connection:
        assert connection.execute(select(projects.c.id)).all(), "the test needs projects"


def _status(store: Store, project_id: int) -> dict[str, object]:
    with store.engine.connect() as connection:
        row = connection.execute(select(project_status).where(project_status.c.project_id == project_id)).one()
    return dict(row._mapping)


def test_status_rows_follow_every_kind_of_write(store: Store, seed_document: Document) -> None:
    store.import_document(seed_document, "seed.txt", sha256="a" * 64)
    _assert_current(store)
    with store.engine.connect() as connection:
        pid, vid = connection.execute(text("SELECT p.id, v.id FROM projects p JOIN project_versions v "
                                           "ON v.project_id = p.id ORDER BY p.id LIMIT 1")).one()
    assert _status(store, pid)["state"] == "draft" and _status(store, pid)["review_id"] is None

    payload = {"findings": [{"dimension": "完整性", "severity": "error"}, {"dimension": "完整性", "severity": "info"},
                            {"dimension": "相关性", "severity": "warning"}, {"severity": "odd"}]}
    first = store.record_review(vid, payload, grade="中", errors=1, warnings=1)
    second = store.record_review(vid, payload, grade="良", errors=0, warnings=1)
    _assert_current(store)
    row = _status(store, pid)
    assert (row["review_id"], row["review_grade"], row["review_errors"]) == (second, "良", 0)
    assert parse(str(row["review_summary"])) == {"完整性": [1, 0, 1], "相关性": [0, 1, 0], "": [0, 0, 1]}

    with store.transaction() as tx:  # submitted, then approved at version 1
        tx.set_workflow(pid, "submitted", 1, None, ACTOR)
        tx.add_event(pid, 1, "submit", "draft", "submitted", ACTOR)
    _assert_current(store)
    assert _status(store, pid)["state"] == "submitted" and _status(store, pid)["submitted_at"] is not None
    with store.transaction() as tx:
        tx.set_workflow(pid, "approved", 1, 1, ACTOR)
        tx.add_event(pid, 1, "approve", "submitted", "approved", ACTOR)
    _assert_current(store)

    # A new version: the approved version 1 stays the official one, with its review.
    project = seed_document.projects[0]
    indicators = list(project.indicators)
    indicators[0] = replace(indicators[0], level3=indicators[0].level3 + "（修订）")
    changed = replace(seed_document, projects=[replace(project, indicators=indicators),
                                               *seed_document.projects[1:]])
    store.import_document(changed, "seed-v2.txt", sha256="b" * 64)
    with store.transaction() as tx:
        tx.set_workflow(pid, "draft", 2, 1, ACTOR)
    _assert_current(store)
    row = _status(store, pid)
    assert (row["version_id"], row["review_id"]) == (vid, second)

    store.record_evaluation(vid, 2024, "self-evaluation", {"scores": []}, grade="优", total="92")
    store.record_evaluation(vid, 2024, "monitoring", {"rows": []}, month=6)
    _assert_current(store)
    row = _status(store, pid)
    assert row["evaluation_grade"] == "优" and bool(row["monitored"])

    with store.engine.begin() as connection:  # a review taken back (by hand): the one before is the newest again
        connection.execute(delete(reviews).where(reviews.c.id == second))
    _assert_current(store)
    assert _status(store, pid)["review_id"] == first

    with store.transaction() as tx:  # two reviews of one version in one statement (COPY on PostgreSQL)
        ids = insert_reviews(tx.connection, [
            {"version_id": vid, "year": 2024, "grade": grade, "errors": 0, "warnings": 0, "actor": None,
             "payload": '{"findings": []}'} for grade in ("差", "优")])
    _assert_current(store)
    assert (_status(store, pid)["review_id"], _status(store, pid)["review_grade"]) == (max(ids), "优")

    with store.transaction() as tx:  # the same as tuples (a province's batch): the same rows
        tuples = insert_review_rows(tx.connection, [
            (vid, 2024, grade, 1, 2, "批量", '{"findings": []}', summary_of_payload('{"findings": []}'))
            for grade in ("中", "良")])
        dicts = insert_reviews(tx.connection, [
            {"version_id": vid, "year": 2024, "grade": grade, "errors": 1, "warnings": 2, "actor": "批量",
             "payload": '{"findings": []}'} for grade in ("中", "良")])
    assert tuples[0] == max(ids) + 1 and tuples[1] + 1 == dicts[0]
    with store.engine.connect() as connection:
        made = [tuple(row) for row in connection.execute(
            select(reviews.c.version_id, reviews.c.year, reviews.c.grade, reviews.c.total, reviews.c.errors,
                   reviews.c.warnings, reviews.c.actor, reviews.c.payload, reviews.c.summary)
            .where(reviews.c.id.in_(tuples + dicts)).order_by(reviews.c.id))]
    assert made[:2] == made[2:] and [row[2] for row in made] == ["中", "良", "中", "良"]
    _assert_current(store)
    assert (_status(store, pid)["review_id"], _status(store, pid)["review_grade"]) == (dicts[1], "良")

    with store.transaction() as tx:  # the approval withdrawn: the latest version is official again
        tx.set_workflow(pid, "draft", 2, None, ACTOR)
    _assert_current(store)
    assert _status(store, pid)["version_id"] != vid and _status(store, pid)["review_id"] is None


def test_summary_counts_findings_per_dimension_and_severity() -> None:
    findings = [{"dimension": "可行性", "severity": "warning"}, {"dimension": "可行性", "severity": "warning"},
                {"dimension": "规范性", "severity": "error"}, "not a finding"]
    assert parse(summary_text(findings)) == {"可行性": [0, 2, 0], "规范性": [1, 0, 0]}
    # the text exactly as json.dumps writes it (compact, Chinese kept), whatever encoder makes it
    odd = [{"dimension": '规"范\\性', "severity": "info"}, {"dimension": None, "severity": "error"}]
    assert summary_text(findings + odd) == json.dumps(
        {"可行性": [0, 2, 0], "规范性": [1, 0, 0], '规"范\\性': [0, 0, 1], "": [1, 0, 0]},
        ensure_ascii=False, separators=(",", ":"))
    assert summary_of_payload('{"findings": []}') == "{}"
    assert parse(None) == {}
