"""The reviewer's own grade shows on every face where a reviewer set one, marked, the machine's beside it — the
review queue, the project lists, the dashboard's counts, the API and ``perfbudget reviews`` — not only on the
project page and in the 审核意见书 (leftovers17); kept in ``project_status`` by triggers, so no list asks per row."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.app.desk import ListQuery, list_projects
from perfbudget.app.imports import ImportRequest, import_path
from perfbudget.app.overview import build_dashboard, project_rows
from perfbudget.app.review_desk import grade
from perfbudget.app.roles import Principal, Role
from perfbudget.app.settings import CoreSettings
from perfbudget.app.workflow import actor_of
from perfbudget.cli import app
from perfbudget.store import Store
from perfbudget.store.status import expected_rows_statement

REVIEWER = Principal(7, "lishen", "李审核", Role.REVIEWER, None)


def test_the_reviewers_grade_on_every_list(db_url: str, seed_path: Path) -> None:
    settings = CoreSettings()
    with Store(db_url) as store:
        request = ImportRequest(actor_of(REVIEWER), "upload", review=True)
        assert import_path(store, settings, seed_path, request).status == "imported"
        with store.reading() as tx:
            machine = {row["id"]: row["review_grade"] for row in project_rows(tx, REVIEWER)}
        assert machine[1] and all(machine.values())
        chosen = "差" if machine[1] != "差" else "优"
        grade(store, REVIEWER, 1, settings, chosen, "指标不够细化")
        with store.reading() as tx:
            rows = {row["id"]: row for row in project_rows(tx, REVIEWER)}  # the API's list, the unit page
            assert (rows[1]["reviewer_grade"], rows[1]["review_grade"]) == (chosen, machine[1])
            assert rows[2]["reviewer_grade"] is None
            listed = list_projects(tx, REVIEWER, ListQuery(grade=chosen, size=100))  # the list, the queue
            assert 1 in [row["id"] for row in listed.rows]
            assert [row["reviewer_grade"] for row in listed.rows if row["id"] == 1] == [chosen]
            others = list_projects(tx, REVIEWER, ListQuery(grade=machine[1], size=100))
            assert 1 not in [row["id"] for row in others.rows]  # filtered by the official grade
            board = build_dashboard(tx, REVIEWER, None)
            assert board.grades[chosen] == sum(1 for g in machine.values() if g == chosen) + 1
            kept = set(map(tuple, tx.connection.exec_driver_sql("SELECT * FROM project_status").all()))
            expected = set(map(tuple, tx.connection.exec_driver_sql(
                expected_rows_statement(tx.connection.dialect.name)).all()))
            assert kept == expected  # the triggers keep what the tables say
    runner = CliRunner()
    shown = runner.invoke(app, ["reviews", "1", "--db", db_url])
    assert shown.exit_code == 0, shown.output
    assert "审核人员评定" in shown.stdout and f"等级 {chosen}（正式等级）" in shown.stdout
    data = json.loads(runner.invoke(app, ["reviews", "1", "--db", db_url, "--json"]).stdout)
    assert [g["grade"] for g in data["reviewer_grades"]] == [chosen]
