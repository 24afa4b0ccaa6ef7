"""Library fixtures: a store on SQLite and on PostgreSQL, and generated units' documents."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from perfbudget.model import Budget, Document, Indicator, Project, Unit
from perfbudget.store import Store
from perfbudget.target import parse_target
from tests.conftest import store_url

BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]

Row = tuple[str, str, str, str]  # level1, level2, level3, target as written


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new database at the head revision (tests/conftest.py ``store_url``); empty when marked ``empty_database``."""
    return store_url(request, request.param, tmp_path)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store(db_url)
    yield opened
    opened.close()


def project(name: str, rows: list[Row], year: int = 2024, source: str = "市级", seq: int = 1,
            actuals: dict[str, str] | None = None) -> Project:
    indicators = tuple(Indicator(l1, l2, l3, None, parse_target(raw, l3), actual=(actuals or {}).get(l3))
                       for l1, l2, l3, raw in rows)
    return Project(seq, None, name, f"{year}{source}", year, source, Budget(None, None, None), "用于测试", (),
                   indicators)


def document(code: str, name: str, *projects: Project, kind: str = "target") -> Document:
    numbered = tuple(Project(i, p.title, p.name, p.fund_label, p.fund_year, p.fund_source, p.budget, p.purpose,
                             p.goals, p.indicators) for i, p in enumerate(projects, 1))
    return Document(Unit(code, name), "万元", numbered, kind)


def unit_document(number: int, rows: list[Row], project_name: str = "道路养护项目", year: int = 2024) -> Document:
    """Unit number ``number`` with one project of the given indicators."""
    return document(f"9{number:05d}", f"测试单位{number}", project(project_name, rows, year))


def import_units(store: Store, count: int, rows_of: object, project_name: str = "道路养护项目") -> None:
    """``count`` generated units; ``rows_of(i)`` gives unit i's indicator rows."""
    for i in range(count):
        outcome = store.import_document(unit_document(i, rows_of(i), project_name), f"unit{i}.txt")  # type: ignore[operator]
        assert outcome.status == "imported", outcome.problems
