"""webflow21 in a real Chromium: an officer whose browser runs no JavaScript adds, fills, moves and removes indicator
rows in the editor and saves (the buttons did nothing without JavaScript until webflow21), and with JavaScript the
same buttons still work in place without a post. Fails in CI without Chromium (test_browser's fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from tests.web.test_browser import CHROMIUM_ARGS, _chromium, page, server  # noqa: F401  (real server, real Chromium)

pytestmark = pytest.mark.browser


@pytest.fixture
def no_script_page(server: str) -> Iterator[Any]:  # noqa: F811
    """A Chromium tab with JavaScript switched off (htmx and app.js never run)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(base_url=server, locale="zh-CN", java_script_enabled=False,
                                      viewport={"width": 1366, "height": 768})
        yield context.new_page()
        context.close()
        browser.close()


def _sign_in_and_import(tab: Any, seed_path: Path) -> str:
    tab.goto("/login")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/dashboard")
    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(seed_path))
    tab.click("#upload-form button[type=submit]")
    tab.wait_for_selector("#preview-count")
    tab.click("#confirm-import")
    tab.wait_for_url("**/units/*")
    tab.locator("a.project-link", has_text="2024年司法救助项目").click()
    tab.wait_for_selector("#target-table")
    return str(tab.url)


def test_the_editor_rows_work_without_javascript(no_script_page: Any, seed_path: Path) -> None:
    from playwright.sync_api import expect

    tab = no_script_page
    project_url = _sign_in_and_import(tab, seed_path)
    tab.click("#edit-link")
    rows = tab.locator("tr.indicator-row")
    count = rows.count()
    expect(tab.locator("#suggest-needs-script")).to_be_visible()  # the library's suggestions need a script: said so
    tab.fill("input[name=budget_total]", "16.5")  # typed before the row buttons: kept through every post
    tab.fill("input[name=budget_fiscal]", "16.5")  # the split adds up (a total alone is refused since webflow26)

    tab.click("#add-row")
    expect(tab.locator(".flash").first).to_contain_text(f"已在末尾添加第 {count + 1} 行指标（尚未保存")
    assert rows.count() == count + 1
    assert tab.evaluate("document.activeElement.name") == "l1"  # the new row has the focus
    new = rows.nth(count)
    new.locator("select[name=l1]").select_option("产出指标")
    new.locator("input[name=l2]").fill("数量指标")
    new.locator("input[name=l3]").fill("救助回访人数")
    new.locator("input[name=target]").fill("≥20人")

    first = rows.nth(0).locator("input[name=l3]").input_value()
    rows.nth(0).locator("button[data-remove-row]").click()
    expect(tab.locator(".flash").first).to_contain_text(f"已删除第 1 行指标「{first}」")
    assert rows.count() == count
    assert tab.input_value("input[name=budget_total]") == "16.5"
    assert tab.input_value("input[name=budget_fiscal]") == "16.5"
    assert rows.nth(count - 1).locator("input[name=l3]").input_value() == "救助回访人数"

    # Enter in a field saves (the form's default button), it does not press the first row's ↑
    tab.locator("input[name=budget_total]").press("Enter")
    tab.wait_for_url(project_url)
    expect(tab.locator(".flash.ok").first).to_be_visible()
    table = tab.inner_text("#target-table")
    assert "救助回访人数" in table and first not in table
    assert "16.5" in tab.inner_text("main")


def test_the_editor_rows_work_in_place_with_javascript(page: Any, seed_path: Path) -> None:  # noqa: F811
    tab = page
    _sign_in_and_import(tab, seed_path)
    tab.click("#edit-link")
    rows = tab.locator("tr.indicator-row")
    count = rows.count()
    edit_url = tab.url
    from playwright.sync_api import expect

    # (counted by locators: a wait_for_function polled with a string is an eval the pages' CSP refuses)
    tab.click("#add-row")  # htmx appends a row: no post, no message
    expect(rows).to_have_count(count + 1)
    rows.nth(0).locator("button[data-remove-row]").click()
    expect(rows).to_have_count(count)
    assert tab.url == edit_url and tab.locator(".flash").count() == 0
    assert not tab.console_errors, tab.console_errors
