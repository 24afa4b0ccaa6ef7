"""The project list's sorts give the same order on SQLite and PostgreSQL (leftovers16).

SQLite puts NULLs first in an ascending sort and PostgreSQL last; SQLite compares text by code point and
PostgreSQL by the database's collation. The PostgreSQL database here is created with a Chinese ICU locale, as a
Chinese deployment would be: 中国/北京/安全/阿里 sorted in pinyin there and by code point on SQLite. Now both
sort text by code point, money as numbers, and put a missing value last in both directions
(``store/ordering.sort_key``)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from perfbudget.app.desk import ListQuery, list_projects
from perfbudget.app.overview import project_rows
from perfbudget.app.roles import Principal, Role
from perfbudget.app.stored_records import each_row, list_page
from perfbudget.model import Budget, Document, Unit
from perfbudget.store import Filters, Store
from perfbudget.store.evaluations import latest_version_ids
from perfbudget.store.reviews import review_units, unit_versions
from perfbudget.store.schema import project_versions, projects, units

ADMIN = Principal(1, "admin", "admin", Role.ADMIN, None)
# name, unit code, fund year (None: no fund label), budget in 万元 (None: not given)
PROJECTS = [("中国项目", "100001", 2024, Decimal("12")), ("北京项目", "100001", 2024, Decimal("3")),
            ("安全项目", "100001", None, Decimal("1.5")), ("阿里项目", "100001", 2023, None),
            ("东方项目", None, 2024, Decimal("250"))]


def _documents(seed: Document) -> list[Document]:
    documents = []
    for code in ("100001", None):
        chosen = [(i, p) for i, p in enumerate(PROJECTS) if p[1] == code]
        projects = []
        for seq, (index, (name, _, year, budget)) in enumerate(chosen, 1):
            base = seed.projects[index]
            label = f"{year}中央" if year else None
            cell = f"{name}-{label}" if label else name
            projects.append(replace(base, seq=seq, title=None, name=name, fund_label=label, fund_year=year,
                                    fund_source="中央" if year else None, name_cell=cell,
                                    budget=Budget(budget, None, None)))
        documents.append(replace(seed, unit=Unit(code, "甲单位" if code else "无编码单位"), money_unit="万元",
                                 projects=tuple(projects)))
    return documents


@pytest.fixture
def icu_pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database whose default collation is Chinese (ICU ``zh``)."""
    base = os.environ.get("PERFBUDGET_TEST_PG")
    if not base:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("PERFBUDGET_TEST_PG is not set: scripts/test.sh must start PostgreSQL in CI")
        pytest.skip("PostgreSQL not available (run scripts/test.sh, which starts one)")
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = base.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE \"{name}\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'zh' "
                     "LOCALE 'C.UTF-8'")
    head, _, _ = base.rpartition("/")
    yield f"{head}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _orders(url: str, seed: Document) -> dict[tuple[str, bool], list[str]]:
    with Store(url) as store:
        for number, document in enumerate(_documents(seed)):
            assert store.import_document(document, f"order-{number}.txt").status == "imported"
        out = {}
        with store.reading() as tx:
            if tx.connection.dialect.name == "postgresql":  # the database sorts text in pinyin by itself
                words = tx.connection.exec_driver_sql(
                    "SELECT string_agg(x, '' ORDER BY x) FROM (VALUES ('中'), ('阿')) t(x)").scalar()
                assert words == "阿中"
            for sort in ("name", "budget", "year", "unit"):
                for descending in (False, True):
                    page = list_projects(tx, ADMIN, ListQuery(sort=sort, desc=descending, size=50))
                    out[(sort, descending)] = [row["name"] for row in page.rows]
            out[("api", False)] = [row["name"] for row in project_rows(tx, ADMIN)]  # GET /api/v1/projects
            # the batches (review --db, evaluate --db …): the versions chosen, loaded and their units
            chosen = latest_version_ids(tx.connection)
            names = dict(tx.connection.execute(select(project_versions.c.id, projects.c.name)
                                               .join(projects, projects.c.id == project_versions.c.project_id)).all())
            out[("batch", False)] = [names[v] for v in chosen]
            loaded = unit_versions(tx.connection, [u.unit_id for u in review_units(tx.connection)])
            out[("batch loaded", False)] = [v.version.document.projects[0].name for v in loaded]
            codes = dict(tx.connection.execute(select(units.c.id, units.c.name)).all())
            out[("batch units", False)] = [codes[u.unit_id] for u in review_units(tx.connection)]
        out[("cli", False)] = [row["name"] for row in list_page(store, "projects", Filters(), 50, 0)["items"]]
        out[("cli units", False)] = [row["name"] for row in list_page(store, "units", Filters(), 50, 0)["items"]]
        listed = each_row(store, "projects", Filters())  # list --all
        next(listed)
        out[("cli all", False)] = [row["name"] for row in listed]
    return out


# Code point order (东 4E1C < 中 4E2D < 北 5317 < 安 5B89 < 阿 963F; pinyin would give 阿 安 北 东 中), numbers as
# numbers (1.5 < 3 < 12 < 250, not the texts' 1.5 < 12 < 250 < 3), a missing value last either way; the later keys
# (unit code, year, project id in import order) follow the direction too.
EXPECTED = {
    ("name", False): ["东方项目", "中国项目", "北京项目", "安全项目", "阿里项目"],
    ("name", True): ["阿里项目", "安全项目", "北京项目", "中国项目", "东方项目"],
    ("budget", False): ["安全项目", "北京项目", "中国项目", "东方项目", "阿里项目"],
    ("budget", True): ["东方项目", "中国项目", "北京项目", "安全项目", "阿里项目"],
    ("year", False): ["阿里项目", "中国项目", "北京项目", "东方项目", "安全项目"],
    ("year", True): ["北京项目", "中国项目", "东方项目", "阿里项目", "安全项目"],
    ("unit", False): ["阿里项目", "中国项目", "北京项目", "安全项目", "东方项目"],
    ("unit", True): ["北京项目", "中国项目", "阿里项目", "安全项目", "东方项目"],
    # perfbudget list (a page, and --all) and the API's list: by unit code, the unit without one last, then year
    # (none last), name, id — on SQLite the uncoded unit's project and the project without a year came first,
    # on PostgreSQL last, until 2026-12-05 (leftovers17)
    ("cli", False): ["阿里项目", "中国项目", "北京项目", "安全项目", "东方项目"],
    ("cli all", False): ["阿里项目", "中国项目", "北京项目", "安全项目", "东方项目"],
    ("api", False): ["阿里项目", "中国项目", "北京项目", "安全项目", "东方项目"],
    ("cli units", False): ["甲单位", "无编码单位"],
    # the batches walk the projects in the lists' order (store/ordering.batch_order): they sorted by the raw unit
    # code until leftovers18, the uncoded unit first on SQLite and last on PostgreSQL
    ("batch", False): ["阿里项目", "中国项目", "北京项目", "安全项目", "东方项目"],
    ("batch loaded", False): ["阿里项目", "中国项目", "北京项目", "安全项目", "东方项目"],
    ("batch units", False): ["甲单位", "无编码单位"]}


def test_the_sorts_agree_on_sqlite_and_on_a_chinese_postgresql(tmp_path: Path, seed_document: Document,
                                                                icu_pg_url: str) -> None:
    on_sqlite = _orders(f"sqlite:///{tmp_path / 'order.db'}", seed_document)
    on_pg = _orders(icu_pg_url, seed_document)
    for key, names in EXPECTED.items():
        assert on_sqlite[key] == names, (key, on_sqlite[key])
        assert on_pg[key] == names, (key, on_pg[key])
