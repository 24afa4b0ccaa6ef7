"""The API docs page in a real headless Chromium: the 「授权」 (Authorize) button takes a token, and an
operation tried from the page is sent with it (Swagger UI served from the package, its labels in Chinese)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select

from tests.web.test_browser import page, server  # noqa: F401  (the browser fixtures)

pytestmark = pytest.mark.browser


def test_docs_page_authorize_then_try_an_operation(page: Any, tmp_path: Path) -> None:  # noqa: F811
    from perfbudget.app.accounts import create_token
    from perfbudget.store.account_tables import users

    engine = create_engine(f"sqlite:///{tmp_path / 'e2e.db'}")
    with engine.connect() as connection:
        admin_id = connection.execute(select(users.c.id).where(users.c.username == "admin")).scalar_one()
    token = create_token(engine, admin_id, "docs")
    engine.dispose()

    page.goto("/api/docs")
    page.wait_for_selector("button.authorize", timeout=20000)
    assert page.locator("a[href='/dashboard']").count() >= 1
    assert page.locator("a[href='/api/schema/perfbudget-1.json']").count() >= 1
    assert page.get_by_text("下载", exact=True).count() >= 1  # the Chinese tags
    page.click("button.authorize")
    page.fill(".modal-ux input[type=text], .modal-ux input[type=password]", token)
    page.click(".modal-ux button.authorize[type=submit]")
    page.click(".modal-ux button.btn-done")
    operation = page.locator("#operations-账号-me_api_v1_me_get")
    assert page.inner_text("button.authorize").strip() == "授权"
    operation.locator(".opblock-summary").click()
    assert operation.locator("button.try-out__btn").inner_text().strip() == "试一试"
    operation.locator("button.try-out__btn").click()
    assert operation.locator("button.execute").inner_text().strip() == "执行"
    assert operation.locator("button.try-out__btn").inner_text().strip() == "取消"
    operation.locator("button.execute").click()
    body = operation.locator(".responses-wrapper .live-responses-table .response-col_description pre").first
    body.wait_for(timeout=20000)
    assert '"username": "admin"' in body.inner_text()
    shown = page.inner_text("#swagger-ui")
    assert "参数" in shown and "服务器响应" in shown and "响应内容" in shown
    for english in ("Try it out", "Execute", "Parameters", "Responses", "Server response", "Response body"):
        assert english not in shown, english  # Swagger UI's own labels, all put into Chinese
    assert page.console_errors == []
