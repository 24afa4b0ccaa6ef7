"""The dashboard's aggregates are counted in SQL (issue 17): they equal the same sums over every project row."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from perfbudget.app.overview import UNEVALUATED, UNREVIEWED, build_dashboard, count_projects, project_rows
from perfbudget.app.reviews import review_unreviewed
from perfbudget.app.roles import Principal, Role
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Store
from tests.store.conftest import write_variant
from tests.store.helpers import import_file

ADMIN = Principal(1, "admin", "admin", Role.ADMIN, None)
EDITOR = Principal(2, "editor", "editor", Role.UNIT_EDITOR, "255102")


def test_dashboard_aggregates_equal_the_sums_over_every_row(store: Store, seed_path: Path, tmp_path: Path) -> None:
    import_file(store, seed_path)
    # A second unit in 元 with budgets of many decimals: the sums stay exact (万元 = 元 / 10000).
    yuan = write_variant(seed_path, tmp_path / "yuan.txt", ("255101", "255102"), ("单位：万元", "单位：元"),
                         ("60.00", "60.123456789"))
    import_file(store, yuan)
    assert review_unreviewed(store, CoreSettings(), "tester") == 20
    with store.reading() as tx:
        assert sum(sum(c.values()) for c in build_dashboard(tx, ADMIN, None).dimensions.values()) > 20
        for principal in (ADMIN, EDITOR):
            for year in (None, 2024, 2023):
                board = build_dashboard(tx, principal, year)
                rows = project_rows(tx, principal, year)
                assert board.projects == len(rows) == count_projects(tx, principal, year) > 0
                assert board.units == len({r["unit_id"] for r in rows})
                assert board.budget_total == sum((r["budget_wan"] for r in rows), Decimal(0))
                grades = Counter(r["review_grade"] or UNREVIEWED for r in rows)
                assert board.grades == {g: grades.get(g, 0) for g in board.grades}
                evaluated = Counter(r["evaluation_grade"] or UNEVALUATED for r in rows)
                assert board.evaluation_grades == {g: evaluated.get(g, 0) for g in board.evaluation_grades}
                assert sum(board.states.values()) == len(rows)
                for unit in board.unit_rows:
                    mine = [r for r in rows if r["unit_id"] == unit.id]
                    assert unit.projects == len(mine)
                    assert unit.budget == sum((r["budget_wan"] for r in mine), Decimal(0))
                _check_dimensions(tx, board, project_rows(tx, principal, year, with_payload=True))
        assert build_dashboard(tx, EDITOR, None).budget_total == sum(
            (r["budget_wan"] for r in project_rows(tx, EDITOR, None)), Decimal(0))
        yuan_unit = next(u for u in build_dashboard(tx, ADMIN, None).unit_rows if u.code == "255102")
        assert str(yuan_unit.budget).endswith("3456789")  # 60.123456789 元 / 10000 kept to the last digit


def _check_dimensions(tx: object, board: object, rows: list[dict]) -> None:
    import json

    expected: Counter[tuple[str, str]] = Counter()
    for row in rows:
        if row["review_payload"]:
            for finding in json.loads(row["review_payload"])["findings"]:
                expected[(finding.get("dimension") or "其他", finding.get("severity") or "info")] += 1
    found = Counter({(d, s): n for d, counts in board.dimensions.items()  # type: ignore[attr-defined]
                     for s, n in counts.items() if n})
    assert found == +expected
