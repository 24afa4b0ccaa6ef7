"""An admin merges, splits and renames the library's groups on the 指标库 page (in process and in
Chromium): through the use-case layer, audited, refused for other roles, kept across a rebuild."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from perfbudget.library.build import build_library
from perfbudget.library.query import show
from perfbudget.store import Store
from perfbudget.store.records import audit_log
from tests.library.conftest import document, project
from tests.web.conftest import PASSWORD, csrf_of, login, make_app
from tests.web.test_browser import page, server  # noqa: F401  (the Chromium fixtures)

ROWS_A = [("产出指标", "质量指标", "服务对象满意度", "≥90%"),
          ("满意度指标", "服务对象满意度指标", "群众满意度", "≥95%"),
          ("产出指标", "时效指标", "资金拨付及时率", "100%")]
ROWS_B = [("产出指标", "质量指标", "服务对象满意率", "≥85%"),
          ("满意度指标", "服务对象满意度指标", "群众满意度", "≥92%"),
          ("产出指标", "数量指标", "培训人次", "≥200人次")]


def fill(store: Store) -> None:
    for code, rows in (("910001", ROWS_A), ("910002", ROWS_B)):
        outcome = store.import_document(document(code, f"单位{code}", project("培训项目", rows)), f"{code}.txt")
        assert outcome.status == "imported", outcome.problems


def group_of(store: Store, name: str) -> dict[str, Any]:
    detail = show(store, name)
    assert detail is not None and "ambiguous" not in detail, detail
    return detail


@pytest.fixture
def app(tmp_path: Path) -> Any:
    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role

    made = make_app(f"sqlite:///{tmp_path / 'web.db'}")
    create_user(made.state.engine, "admin", PASSWORD, Role.ADMIN)
    create_user(made.state.engine, "viewer", PASSWORD, Role.VIEWER)
    create_user(made.state.engine, "reviewer", PASSWORD, Role.REVIEWER)
    fill(made.state.store)
    yield made
    made.state.engine.dispose()


def post(client: TestClient, url: str, data: dict[str, Any]) -> Any:
    token = csrf_of(client, "/library")
    return client.post(url, data={**data, "csrf_token": token}, follow_redirects=True)


def test_an_admin_renames_splits_and_merges_groups_and_the_choices_survive_a_rebuild(app: Any) -> None:
    store: Store = app.state.store
    served = group_of(store, "服务对象满意度")
    assert {n["name"] for n in served["names"]} == {"服务对象满意度", "服务对象满意率"}
    with TestClient(app) as client:
        login(client, "admin")
        page_ = client.get(f"/library/groups/{served['id']}").text
        assert 'id="library-rename"' in page_ and 'id="library-merge"' in page_
        assert 'name="name" value="服务对象满意率"' in page_  # the split checkbox of each name

        renamed = post(client, f"/library/groups/{served['id']}/rename", {"name": "  服务对象 满意度 "})
        assert renamed.status_code == 200 and "已改名为「服务对象 满意度」" in renamed.text
        assert '<h1 id="library-group-name">服务对象 满意度</h1>' in renamed.text

        split = post(client, f"/library/groups/{served['id']}/split", {"name": ["服务对象满意率"]})
        assert "已拆分为新组" in split.text
        new = group_of(store, "服务对象满意率")
        assert new["id"] != served["id"] and [n["name"] for n in new["names"]] == ["服务对象满意率"]
        assert "管理员拆分" in split.text

        crowd = group_of(store, "群众满意度")
        merged = post(client, f"/library/groups/{served['id']}/merge", {"others": f"{crowd['id']}，不存在的组"})
        assert "指标库中没有「不存在的组」这一组" in merged.text  # nothing half done
        assert group_of(store, "群众满意度")["id"] == crowd["id"]
        merged = post(client, f"/library/groups/{served['id']}/merge", {"others": str(crowd["id"])})
        assert "已把 1 个组并入组" in merged.text
        kept = group_of(store, "群众满意度")
        assert kept["id"] == served["id"] and kept["count"] == 3 and kept["units"] == 2

        assert "须在同一组中" in post(client, f"/library/groups/{served['id']}/split",
                                   {"name": ["服务对象满意度", "培训人次"]}).text
        assert "请给出要拆分出来的指标名称" in post(client, f"/library/groups/{served['id']}/split", {}).text
        assert "新名称不能为空" in post(client, f"/library/groups/{served['id']}/rename", {"name": " "}).text

    with store.engine.connect() as connection:
        actions = list(connection.execute(select(audit_log.c.action, audit_log.c.username)
                                          .where(audit_log.c.action.like("library.%")).order_by(audit_log.c.id)))
    assert actions == [("library.rename", "admin"), ("library.split", "admin"), ("library.merge", "admin")]

    build_library(store)  # a rebuild applies the choices again
    rebuilt = group_of(store, "服务对象满意度")
    assert rebuilt["name"] == "服务对象 满意度"
    assert {n["name"] for n in rebuilt["names"]} == {"服务对象满意度", "群众满意度"}
    assert [n["name"] for n in group_of(store, "服务对象满意率")["names"]] == ["服务对象满意率"]


@pytest.mark.parametrize("role", ["viewer", "reviewer"])
def test_other_roles_see_no_admin_forms_and_are_refused(app: Any, role: str) -> None:
    store: Store = app.state.store
    served = group_of(store, "服务对象满意度")
    with TestClient(app) as client:
        login(client, role)
        page_ = client.get(f"/library/groups/{served['id']}").text
        assert 'id="library-rename"' not in page_ and 'type="checkbox"' not in page_
        refused = post(client, f"/library/groups/{served['id']}/rename", {"name": "别的名称"})
        assert "不能调整指标库的分组，须由管理员操作" in refused.text
        no_token = client.post(f"/library/groups/{served['id']}/rename", data={"name": "别的名称"})
        assert no_token.status_code == 403
    assert group_of(store, "服务对象满意度")["name"] == "服务对象满意度"


def test_the_admin_actions_and_the_suggestions_in_the_browser(page: Any, server: str,  # noqa: F811
                                                                tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'e2e.db'}") as store:
        fill(store)
        served, crowd = group_of(store, "服务对象满意度"), group_of(store, "群众满意度")
    page.goto("/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")

    page.goto(f"/library/groups/{served['id']}")
    page.fill("#library-rename-name", "服务对象满意程度")
    page.click("#library-rename-button")
    page.wait_for_selector(".flash.ok")
    assert page.inner_text("#library-group-name") == "服务对象满意程度"

    page.check("tr[data-name=服务对象满意率] input[type=checkbox]")
    page.click("#library-split-button")
    page.wait_for_selector(".flash.ok")
    assert "已拆分为新组" in page.inner_text(".flash.ok")
    assert page.locator("table.library-names tbody tr").count() == 1

    page.goto(f"/library/groups/{served['id']}")
    page.fill("#library-merge-others", str(crowd["id"]))
    page.click("#library-merge-button")
    page.wait_for_selector(".flash.ok")
    names = page.locator("table.library-names tbody tr").all_inner_texts()
    assert any("群众满意度" in n for n in names) and any("服务对象满意度" in n for n in names)
    assert page.console_errors == []

    # a suggestion lands in its group of the editor (after the rows of the same 一级/二级), in one click
    page.goto("/declare")
    page.fill("input[name=name]", "培训项目")
    rows = page.locator("#indicator-rows tr")
    for i, (l1, l2, l3) in enumerate((("产出指标", "数量指标", "培训人次"), ("产出指标", "时效指标", "项目完成时间"),
                                      ("满意度指标", "服务对象满意度指标", "群众满意度"))):
        rows.nth(i).locator("select[name=l1]").select_option(l1)
        rows.nth(i).locator("input[name=l2]").fill(l2)
        rows.nth(i).locator("input[name=l3]").fill(l3)
    before = rows.count()
    page.click("#suggest-button")
    page.wait_for_selector("tr.suggestion")
    wanted = page.locator("tr.suggestion", has_text="资金拨付及时率")
    assert wanted.locator("td >> nth=1").inner_text() == "时效指标"
    wanted.locator("button.add-suggestion").click()
    rows.nth(before).wait_for()
    l3 = [rows.nth(i).locator("input[name=l3]").input_value() for i in range(rows.count())]
    assert l3 == ["培训人次", "项目完成时间", "资金拨付及时率", "群众满意度"]  # into its group, not at the end
    assert rows.nth(2).locator("input[name=l2]").input_value() == "时效指标"
    assert wanted.locator("button.add-suggestion").inner_text() == "已添加"
    assert page.console_errors == []
