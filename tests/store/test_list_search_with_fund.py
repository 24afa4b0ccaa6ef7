"""A list searched within one unit and filtered by fund at once (print19).

Printing the list exports found ``perfbudget list projects --unit 255101 --q 经费 --fund 2024 --format xlsx`` ending in
SQLAlchemy's InvalidRequestError, a traceback and no file: the fund filter joins ``projects`` to the list's query,
and the search's name test within one unit (an ``EXISTS`` over ``projects``) was correlated with it, leaving the
subquery no table. A unit's own user searches within their unit whatever ``--unit`` says, so their searches with a
fund filter failed the same way, on the web's list, the API and in the CLI. Run on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from perfbudget.app.desk import ListQuery, list_projects
from perfbudget.app.roles import Principal, Role
from perfbudget.store import Store
from tests.store.helpers import import_file

ADMIN = Principal(1, "admin", "admin", Role.ADMIN, None)
UNIT_EDITOR = Principal(2, "editor", "editor", Role.UNIT_EDITOR, "255101")


@pytest.mark.parametrize("principal", [ADMIN, UNIT_EDITOR], ids=["admin-in-a-unit", "unit-editor"])
def test_a_search_within_a_unit_with_a_fund_filter_lists_its_projects(store: Store, seed_path: Path,
                                                                      principal: Principal) -> None:
    import_file(store, seed_path)
    with store.reading() as tx:
        query = ListQuery(q="经费", unit="255101" if principal.all_units else "", size=100)
        unfunded = list_projects(tx, principal, query).rows  # (worked before)
        searched = list_projects(tx, principal, replace(query, fund="2024"))
    expected = {row["id"] for row in unfunded if "2024" in (row["fund_label"] or "")}
    assert expected and len(expected) < len(unfunded)
    assert {row["id"] for row in searched.rows} == expected
    assert searched.total == len(expected)
