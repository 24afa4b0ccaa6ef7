"""webflow26 in a real Chromium at 200 % zoom (683×384 CSS pixels of a 1366×768 laptop), starting from what goes
wrong: a damaged .xlsx says what to do; 元 typed into an edit form of 万元 is refused with the field focused and
everything kept; a project returned and sent again shows the reviewer what changed since the 退回. Fails in CI
without Chromium (test_browser's fixtures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from tests.web.test_browser import page, server  # noqa: F401  (real server, real Chromium)

pytestmark = pytest.mark.browser


def _no_sideways_scroll(tab: Any) -> None:
    assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), tab.url


def test_what_goes_wrong_in_the_year(page: Any, seed_path: Path, tmp_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    tab = page
    tab.set_viewport_size({"width": 683, "height": 384})
    tab.goto("/login")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("main button[type=submit]")
    tab.wait_for_url("**/dashboard")

    broken = tmp_path / "目标表.xlsx"  # half downloaded: no workbook inside
    broken.write_bytes(bytes(range(256)) * 4)
    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(broken))
    tab.click("#upload-form button[type=submit]")
    expect(tab.locator("#file-what-to-do")).to_contain_text("请用 Excel 打开原文件")
    _no_sideways_scroll(tab)

    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(seed_path))
    tab.click("#upload-form button[type=submit]")
    tab.click("#confirm-import")
    tab.wait_for_url("**/units/**")
    tab.goto("/projects?year=all")
    tab.locator("a.project-link", has_text="2024年司法救助项目").first.click()
    project = tab.url.split("?")[0]

    # 元 typed where the form asks 万元: said as typed, refused on save, the field focused, the rest kept
    tab.goto(project + "/edit")
    tab.fill("input[name=budget_total]", "160000")
    tab.locator("input[name=target]").first.fill("≥10件")
    expect(tab.locator("#check-summary")).to_contain_text("可能有一处把元和万元弄混了")
    tab.click("#save-button")
    expect(tab.locator(".flash.error").first).to_contain_text("预算数「160000」不等于财政资金「16.00」")
    assert tab.evaluate("document.activeElement.name") == "budget_total"
    assert tab.locator("input[name=target]").first.input_value() == "≥10件"
    _no_sideways_scroll(tab)
    tab.fill("input[name=budget_total]", "16.00")
    tab.click("#save-button")
    expect(tab.locator(".flash.ok").first).to_contain_text("已保存为第 2 版")

    # 送审, 退回 with a cell comment, the officer sent to 修改指标, fixed, sent again: the desk says what changed
    tab.fill("textarea[name=justification]", "已核对")
    tab.locator("#workflow button", has_text="送审").click()
    tab.goto(project + "/review")
    tab.select_option("#comment-form select[name=place]", label="第 2 个指标「司法救助人数」的指标值")
    tab.fill("#comment-form textarea[name=text]", "人数偏低，请核实")
    tab.locator("#comment-form button[type=submit]").click()
    tab.fill("#desk-conclusion textarea[name=comment]", "见单元格意见")
    tab.locator("#desk-conclusion button", has_text="退回").click()
    expect(tab.locator(".flash.ok").first).to_contain_text("已退回")
    tab.goto(project)
    tab.click("#returned-edit")
    tab.wait_for_url("**/edit")
    expect(tab.locator(".reviewer-note")).to_contain_text("人数偏低，请核实")
    tab.locator("input[name=target]").nth(1).fill("≥12人")
    tab.click("#save-button")
    tab.fill("textarea[name=justification]", "已按意见修改")
    tab.locator("#workflow button", has_text="送审").click()
    tab.goto(project + "/review")
    expect(tab.locator("#since-return")).to_contain_text("退回后的修改（第 2 版 → 第 3 版）")
    expect(tab.locator("#since-return-changes")).to_contain_text("司法救助人数：≥9人 → ≥12人")
    _no_sideways_scroll(tab)
    # the refused save's page is a 422 by design (the browser logs its status); nothing else
    assert [e for e in tab.console_errors if "status of 422" not in e] == [], tab.console_errors
