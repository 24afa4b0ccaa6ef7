"""webflow20 in a real Chromium: a new officer's first page, a refused edit and a refused 送审 keep what was typed,
and the reviewer's 退回 without a comment stays on the desk. Fails in CI without Chromium (test_browser's fixtures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from tests.web.test_browser import page, server  # noqa: F401  (the fixtures: a real server, a real Chromium)

pytestmark = pytest.mark.browser


def test_an_officer_and_a_reviewer_keep_what_they_typed(page: Any, seed_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto("/login")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")
    expect(page.locator("#first-steps")).to_contain_text("还没有项目")  # the empty database says what comes first
    page.click("#first-steps a[href='/upload']")
    page.set_input_files("input[type=file]", str(seed_path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#preview-count")
    assert page.inner_text("#preview-form").startswith("格式：文本")
    page.click("#confirm-import")
    page.wait_for_url("**/units/*")

    # The project whose table has error findings: edit it with an unreadable budget and a target left empty.
    page.locator("a.project-link", has_text="检察业务、装备及外包服务费").click()
    page.wait_for_selector("#target-table")
    project_url = page.url
    page.click("#edit-link")
    rows = page.locator("tr.indicator-row").count()
    page.fill("input[name=budget_total]", "1.88万")
    page.locator("input.target-input").nth(3).fill("")
    page.click("#save-button")
    expect(page.locator(".flash.error").first).to_contain_text("第 4 行指标缺少指标值")
    assert page.locator("tr.indicator-row").count() == rows  # the row with the error is still there
    assert page.input_value("input[name=budget_total]") == "1.88万"
    assert page.locator("input.target-input").nth(3).input_value() == ""

    # 送审 with error findings and no 送审说明: refused, the 意见 typed is kept and the 送审说明 marked.
    page.goto(project_url)
    page.fill("textarea[name=comment]", "请审核第一稿")
    page.click("button[name=action][value=submit]")
    expect(page.locator(".flash.error").first).to_contain_text("填写送审说明")
    assert page.input_value("textarea[name=comment]") == "请审核第一稿"
    justification = page.locator("textarea[name=justification]")
    assert justification.get_attribute("aria-invalid") == "true"
    assert page.evaluate("document.activeElement.name") == "justification"
    justification.fill("成本指标按实际采购核算，已与审核人员沟通")
    page.click("button[name=action][value=submit]")
    page.wait_for_url(project_url)
    expect(page.locator("main")).to_contain_text("已送审")

    # On the desk, 退回 without a comment: told so on the desk itself, then 退回 with one.
    page.click("#desk-link")
    page.wait_for_url("**/review")
    desk_url = page.url
    page.click("#desk-conclusion button[value=return]")  # answered at once (422), the desk drawn again (webflow22)
    expect(page.locator(".flash.error").first).to_contain_text("「退回」需要填写意见")
    assert page.evaluate("document.activeElement.name") == "comment"
    page.fill("#desk-conclusion textarea[name=comment]", "请把≥100%改为100%")
    page.click("#desk-conclusion button[value=return]")
    page.wait_for_url(desk_url)
    expect(page.locator("main")).to_contain_text("已退回")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    # the refused forms answer 422 on purpose (Chromium logs the status); nothing else went wrong
    assert not [e for e in page.console_errors if "status of 422" not in e], page.console_errors
