"""Lists at province scale (issue 17): a page is a count, a page of ids and its rows; searches count up to a cap."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.model import Document
from perfbudget.store import Filters, Store, queries
from tests.store.helpers import import_file

runner = CliRunner()
KINDS = ("units", "projects", "indicators")


def _listing(store: Store, kind: str):  # type: ignore[no-untyped-def]
    return {"units": store.units, "projects": store.projects, "indicators": store.indicators}[kind]


@pytest.mark.parametrize("filters", [Filters(), Filters(year=2024), Filters(unit="255101"), Filters(search="满意"),
                                     Filters(search="率"), Filters(year=2024, search="数量")])
def test_pages_join_up_to_the_whole_list(store: Store, seed_path: Path, filters: Filters) -> None:
    import_file(store, seed_path)
    for kind in KINDS:
        listing = _listing(store, kind)
        whole = listing(filters, None)
        assert whole["total"] == len(whole["items"]) and not whole["total_capped"], kind
        pages = [listing(filters, 3, offset) for offset in range(0, len(whole["items"]) + 3, 3)]
        assert [item for page in pages for item in page["items"]] == whole["items"], (kind, filters)
        assert {page["total"] for page in pages} == {whole["total"]}
        assert pages[-1]["items"] == []
    projects = store.projects(filters, None)["items"]
    assert [p["id"] for p in projects] == [p["id"] for p in sorted(
        projects, key=lambda p: (p["unit_code"], p["fund_year"] or 0, p["name"], p["id"]))]
    indicators = store.indicators(filters, None)["items"]
    assert [(i["project_id"], i["position"]) for i in indicators] == sorted(
        (i["project_id"], i["position"]) for i in indicators)


def test_the_seed_lists_in_full(store: Store, seed_path: Path, seed_document: Document) -> None:
    import_file(store, seed_path)
    assert store.projects()["total"] == 10 and len(store.projects()["items"]) == 10
    assert store.indicators()["total"] == sum(len(p.indicators) for p in seed_document.projects) == 88
    assert len(store.indicators()["items"]) == 88  # one page: the store's default is the faces' (app.paging)
    assert len(store.indicators(limit=20)["items"]) == 20
    assert store.units(Filters(year=2023), None)["items"][0]["projects"] == 2


def test_one_page_size_for_the_store_the_cli_and_the_api() -> None:
    """The store's lists paged 50 by default, the API's history and audit bounded by literals beside
    ``app.paging``: one default and one bound (the web pages show 50 of their own choice)."""
    import inspect

    from perfbudget.app import paging
    from perfbudget.web.api import v1

    for method in (Store.units, Store.projects, Store.indicators):
        assert inspect.signature(method).parameters["limit"].default == paging.PAGE, method
    for route, names in ((v1.get_history, ("limit", "workflow_limit")), (v1.get_audit, ("limit",))):
        for name in names:
            query = inspect.signature(route).parameters[name].default
            assert query.default == paging.PAGE, (route, name)
            assert any(getattr(m, "le", None) == paging.MOST_PAGE for m in query.metadata), (route, name)


def test_a_common_search_counts_up_to_the_cap(store: Store, seed_path: Path, seed_document: Document,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Above the cap the total says 「at least」 and the pages are still the exact matches, in order."""
    import_file(store, seed_path)
    exact = {text: store.indicators(Filters(search=text), None) for text in ("率", "满意度", "数量", "无此指标")}
    monkeypatch.setattr(queries, "COUNT_CAP", 5)
    for text, answer in exact.items():
        capped = store.indicators(Filters(search=text), None)
        assert capped["items"] == answer["items"], text
        if answer["total"] > 5:
            assert (capped["total"], capped["total_capped"]) == (5, True), text
        else:
            assert (capped["total"], capped["total_capped"]) == (answer["total"], False), text
        for offset in (0, 4, 8):
            assert store.indicators(Filters(search=text), 4, offset)["items"] == answer["items"][offset:offset + 4]
    assert exact["率"]["total"] > 20 and exact["无此指标"]["total"] == 0
    names = [p.name for p in seed_document.projects]
    projects = store.projects(Filters(search="项目"), None)
    assert (projects["total"], projects["total_capped"]) == (5, True)
    assert sorted(p["name"] for p in projects["items"]) == sorted(n for n in names if "项目" in n)


def _run(db_url: str, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", db_url])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_list_pages_by_default_and_lists_everything_with_all(db_url: str, seed_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _run(db_url, "import", str(seed_path))
    whole = json.loads(_run(db_url, "list", "projects", "--all", "--json"))
    assert whole["total"] == len(whole["items"]) == 10
    ids = [p["id"] for p in whole["items"]]
    assert "共 10 个项目，显示第 4–6 条，共 4 页" in _run(db_url, "list", "projects", "--limit", "3", "--page", "2")
    assert [p["id"] for p in json.loads(_run(db_url, "list", "projects", "--limit", "3", "--page", "4",
                                             "--json"))["items"]] == ids[9:]
    assert [p["id"] for p in json.loads(_run(db_url, "list", "projects", "--limit", "5", "--offset", "7",
                                             "--json"))["items"]] == ids[7:]
    assert "第 11 条之后没有了" in _run(db_url, "list", "projects", "--offset", "10")
    indicators = json.loads(_run(db_url, "list", "indicators", "--json"))
    assert (indicators["total"], len(indicators["items"]), indicators["limit"]) == (88, 88, 100)  # the API's page
    lines = _run(db_url, "list", "indicators", "--all").splitlines()
    assert lines[0].split("\t")[:4] == ["项目编号", "项目名称", "版本", "序号"]  # the version since replay-j
    assert len(lines) == 1 + 88 + 1 and lines[-1] == "共 88 个指标"
    monkeypatch.setattr(queries, "COUNT_CAP", 5)
    assert "共 5+ 个指标，显示第 1–" in _run(db_url, "list", "indicators", "--search", "率")
    capped = json.loads(_run(db_url, "list", "indicators", "--search", "率", "--json"))
    assert (capped["total"], capped["total_capped"]) == (5, True) and len(capped["items"]) > 5


def test_the_lists_budget_column_is_one_unit_and_format(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    """The CLI's project list gives every budget in 万元 with two decimals, as the page's list and the list exports
    do: it printed each table's own figure and unit (「60.123456789 元」 beside 「60.00 万元」, 「3 万元」)."""
    from tests.store.conftest import write_variant

    yuan = write_variant(seed_path, tmp_path / "yuan.txt", ("255101", "255102"), ("单位：万元", "单位：元"),
                         ("60.00", "600000"))
    _run(db_url, "import", str(seed_path))
    _run(db_url, "import", str(yuan))
    listing = _run(db_url, "list", "projects", "--all")
    assert "预算（万元）" in listing and "预算数" not in listing
    rows = [line.split("\t") for line in listing.splitlines() if "2024年检察业务经费项目\t2024市级" in line]
    assert [row[-1] for row in rows] == ["60.00", "60.00"]  # 60.00 万元 and 600000 元
