"""``indicators.fund_year`` (migration 0800): each indicator carries its project's fund year, written with it,
backfilled by the migration, and a search within a year answers exactly as the year filter on the projects."""

from __future__ import annotations

from dataclasses import replace

import pytest
from alembic import command
from sqlalchemy import inspect, text

from perfbudget.app.desk import ListQuery, list_projects
from perfbudget.app.roles import Principal, Role
from perfbudget.model import Budget, Document, Indicator, Project, Unit
from perfbudget.store import Filters, Store, queries
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config, head_revision
from perfbudget.target import parse_target

NAMES = ("群众满意度", "验收合格率", "培训人次", "道路维修数量", "服务对象满意度", "资金使用合规率")
TEXTS = ("满意度", "满意", "率", "培训人次", "数量", "维修数量", "无此指标")


def _project(seq: int, name: str, year: int | None, names: tuple[str, ...]) -> Project:
    rows = tuple(Indicator("产出指标", "数量指标", n, None, parse_target("≥95%", n)) for n in names)
    label = f"{year}市级" if year else "市级"
    return Project(seq, None, name, label, year, "市级", Budget(None, None, None), "用于测试", (), rows)


def _document() -> Document:
    """Two units' worth of small projects over 2023, 2024 and no year (several per year, so that a search
    finds more matches than a small cap in one year and fewer in another)."""
    projects = [_project(1, "道路项目", 2024, NAMES), _project(2, "培训项目", 2024, NAMES[:3]),
                _project(3, "道路项目", 2023, NAMES[2:]), _project(4, "茶园项目", 2023, NAMES[::2]),
                _project(5, "无年度项目", None, NAMES[:2])]
    return Document(Unit("255101", "测试单位"), "万元", tuple(projects))


def _years(store: Store) -> list[tuple[int | None, int | None]]:
    """(indicator's year, its project's year) of every indicator."""
    with store.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(  # type: ignore[misc]
            "SELECT i.fund_year, p.fund_year FROM indicators i JOIN project_versions v ON v.id = i.version_id "
            "JOIN projects p ON p.id = v.project_id ORDER BY i.id"))]


def _agree(store: Store) -> list[int | None]:
    pairs = _years(store)
    assert pairs and all(own == project for own, project in pairs), pairs
    return [own for own, _ in pairs]


def test_an_import_writes_the_project_year_on_each_indicator(store: Store) -> None:
    store.import_document(_document(), "a.txt", sha256="a" * 64)
    years = _agree(store)
    assert (years.count(2024), years.count(2023), years.count(None)) == (9, 7, 2)


def test_a_new_version_and_a_table_of_another_year_carry_their_own_year(store: Store) -> None:
    document = _document()
    store.import_document(document, "a.txt", sha256="a" * 64)
    first = document.projects[0]
    changed = replace(first, indicators=(*first.indicators[:-1], replace(first.indicators[-1], level3="新增指标")))
    outcome = store.import_document(replace(document, projects=(changed, *document.projects[1:])), "b.txt",
                                    sha256="b" * 64)
    assert (outcome.new_projects, outcome.changed_projects) == (0, 1)
    # The year is part of a project's identity: the same table for 2025 is another project, never a change
    # of the stored project's year (so no stored indicator's year ever changes).
    moved = replace(changed, fund_year=2025, fund_label="2025市级")
    outcome = store.import_document(replace(document, projects=(moved,)), "c.txt", sha256="c" * 64)
    assert (outcome.new_projects, outcome.changed_projects) == (1, 0)
    years = _agree(store)
    assert (years.count(2024), years.count(2025)) == (9 + 6, 6)


def test_the_migration_fills_the_year_of_the_indicators_already_stored(store: Store) -> None:
    store.import_document(_document(), "a.txt", sha256="a" * 64)
    before = _years(store)
    with write_transaction(store.engine, moves=None) as connection:  # the database as the previous head made it
        command.downgrade(alembic_config(connection), "0700_bigrams_plpgsql")
    with store.engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("indicators")}
    assert "fund_year" not in columns
    with write_transaction(store.engine, moves=None) as connection:  # as migrate.upgrade
        command.upgrade(alembic_config(connection), head_revision())
    assert _years(store) == before
    _agree(store)
    assert store.indicators(Filters(year=2023, search="满意度"), None)["total"] == 3


def _in_year(answer: dict[str, object], store: Store, year: int) -> list[object]:
    years = {p["id"]: p["fund_year"] for p in store.projects(Filters(), None)["items"]}
    return [i for i in answer["items"] if years[i["project_id"]] == year]  # type: ignore[attr-defined, index]


@pytest.mark.parametrize(("cap", "dense"), [(None, False), (2, False), (2, True)])
def test_a_search_within_a_year_is_the_search_filtered_by_the_year(store: Store, cap: int | None, dense: bool,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Every path (exact count, count up to a cap, the page walked or sorted from the candidates; on
    PostgreSQL also a text counted on the rows, as one the planner expects in many) gives the rows of the
    search without a year whose project is of that year, in the same order."""
    store.import_document(_document(), "a.txt", sha256="a" * 64)
    exact = {(t, unit): store.indicators(Filters(unit=unit, search=t), None) for t in TEXTS
             for unit in (None, "255101")}
    if cap is not None:
        monkeypatch.setattr(queries, "COUNT_CAP", cap)
    if dense:
        monkeypatch.setattr(queries, "DENSE_ESTIMATE", 0)
    for (search_text, unit), whole in exact.items():
        for year in (2023, 2024, 2030):
            expected = _in_year(whole, store, year)
            answer = store.indicators(Filters(unit=unit, year=year, search=search_text), None)
            assert answer["items"] == expected, (search_text, unit, year)
            limit = cap if cap is not None else 10_000
            assert (answer["total"], answer["total_capped"]) == (min(len(expected), limit), len(expected) > limit)
            for offset in (0, 2, 4):
                page = store.indicators(Filters(unit=unit, year=year, search=search_text), 2, offset)
                assert page["items"] == expected[offset:offset + 2], (search_text, year, offset)


def test_the_web_list_searched_within_a_year(store: Store) -> None:
    store.import_document(_document(), "a.txt", sha256="a" * 64)
    admin = Principal(1, "admin", "admin", Role.ADMIN, None)
    for word in ("满意度", "率", "培训人次", "无此指标", "道路"):
        with store.reading() as tx:
            every = list_projects(tx, admin, ListQuery(q=word, size=100)).rows
        for year in (2023, 2024):
            with store.reading() as tx:
                page = list_projects(tx, admin, ListQuery(q=word, year=year, size=100))
            assert [r["id"] for r in page.rows] == [r["id"] for r in every if r["fund_year"] == year], (word, year)
