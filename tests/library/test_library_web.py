"""The 指标库 page, a group's distribution and the suggestions in 申报/修改: in-process and in Chromium."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from perfbudget.store import Store
from tests.store.helpers import import_file
from tests.web.conftest import PASSWORD, login, make_app
from tests.web.test_browser import page, server  # noqa: F401  (the Chromium fixtures)


@pytest.fixture
def client(tmp_path: Path, seed_path: Path) -> Any:
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role

    app = make_app(f"sqlite:///{tmp_path / 'web.db'}")
    create_user(app.state.engine, "admin", PASSWORD, Role.ADMIN)
    assert import_file(app.state.store, seed_path).status == "imported"
    with TestClient(app) as c:
        login(c, "admin")
        yield c
    app.state.engine.dispose()


def test_library_page_searches_and_draws_each_groups_distribution(client: Any) -> None:
    page_ = client.get("/library", params={"q": "使用部门满意度"})
    assert page_.status_code == 200
    assert "使用部门满意度" in page_.text and "中位数 90" in page_.text and "/projects/" in page_.text
    group = page_.text.split('href="/library/groups/')[1].split('"')[0]
    detail = client.get(f"/library/groups/{group}")
    assert detail.status_code == 200 and 'class="library-chart"' in detail.text and "本组的代表名称" in detail.text
    assert client.get("/library/groups/999999").status_code == 404
    assert "没有与「完全无关xyz」相近的指标" in client.get("/library", params={"q": "完全无关xyz"}).text
    assert client.get("/library").text.count("library-group") > 5


def test_suggestions_and_the_row_they_add(client: Any) -> None:
    found = client.get("/library/suggest", params={"name": "检察业务经费", "l3": ["办案数"]})
    assert found.status_code == 200 and found.text.count('class="suggestion"') >= 3
    assert ">办案数<" not in found.text  # what the project has already is not suggested
    row = client.get("/library/editor-row", params={"l1": "产出指标", "l2": "数量指标", "l3": "办案数",
                                                    "target": "≥500件"})
    assert row.status_code == 200 and 'value="办案数"' in row.text and 'value="≥500件"' in row.text
    assert "请先填写项目名称" in client.get("/library/suggest").text
    assert 'id="suggest-button"' in client.get("/declare").text
    edit = client.get("/projects/1/edit").text
    assert 'id="suggest-button"' in edit and "library_name" in edit


def test_library_page_and_suggestions_in_the_browser(page: Any, server: str, tmp_path: Path,  # noqa: F811
                                                     seed_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'e2e.db'}") as store:
        assert import_file(store, seed_path).status == "imported"
    page.goto("/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")

    page.click("nav >> text=指标库")
    page.fill("#library-q", "使用部门满意度")
    page.click("#library-search-button")
    page.wait_for_selector("section.library-group")
    assert "使用部门满意度" in page.inner_text("section.library-group >> nth=0")
    page.click("section.library-group >> nth=0 >> h2 a")
    page.wait_for_selector("svg.library-chart")
    assert page.locator("svg.library-chart line.median").count() >= 1

    page.goto("/declare")
    page.fill("input[name=name]", "检察业务经费")
    before = page.locator("#indicator-rows tr").count()
    page.click("#suggest-button")
    page.wait_for_selector("tr.suggestion")
    suggested = page.inner_text("tr.suggestion >> nth=0 >> td >> nth=2")
    page.click("tr.suggestion >> nth=0 >> button.add-suggestion")
    page.locator("#indicator-rows tr").nth(before).wait_for()  # the CSP forbids wait_for_function's eval
    assert page.locator("#indicator-rows tr").last.locator("input[name=l3]").input_value() == suggested
    assert page.console_errors == []
