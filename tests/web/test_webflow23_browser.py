"""webflow23 in a real Chromium: a 运行监控 form answered with its errors puts the keyboard on the first marked field;
an account the admin made on the 账号 page is asked at its first sign-in to change the admin's password, and the change
is confirmed on the sign-in page (until webflow23 the focus stayed nowhere, nothing asked, the sign-in page was blank).
Fails in CI without Chromium (test_browser's fixtures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from tests.web.test_browser import page, server  # noqa: F401  (real server, real Chromium)

pytestmark = pytest.mark.browser


def _sign_in(tab: Any, username: str, password: str) -> None:
    tab.goto("/login")
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", password)
    tab.click("main button[type=submit]")


def test_a_refused_monitoring_form_and_a_first_sign_in(page: Any, seed_path: Path) -> None:  # noqa: F811
    from playwright.sync_api import expect

    tab = page
    tab.set_viewport_size({"width": 1366, "height": 768})
    _sign_in(tab, "admin", PASSWORD)
    tab.wait_for_url("**/dashboard")
    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(seed_path))
    tab.click("#upload-form button[type=submit]")
    tab.click("#confirm-import")
    tab.wait_for_url("**/units/**")
    tab.locator("a.project-link", has_text="2024年司法救助项目").click()
    project_url = tab.url
    tab.fill("textarea[name=justification]", "已核对")
    tab.locator("#workflow button", has_text="送审").click()
    tab.click("#desk-link")
    tab.locator("#desk-conclusion button", has_text="审核通过").click()
    expect(tab.locator(".flash.ok").first).to_contain_text("审核通过")

    tab.goto(project_url + "/monitoring")
    form = tab.locator("#monitoring-typed-form")
    form.locator("input[name=executed]").fill("8")
    form.locator("input[name=actual_1]").fill("30")
    tab.click("#monitoring-typed-button")
    expect(tab.locator("[role=alert]").first).to_contain_text("未能保存监控结果")
    assert form.locator("input[name=actual_1]").input_value() == "30"  # kept
    focused = tab.evaluate("[document.activeElement.name, document.activeElement.getAttribute('aria-invalid')]")
    assert focused == ["likelihood_1", "true"], focused  # the first marked field, not the page's top

    tab.goto("/admin/users")
    tab.fill("input[name=username]", "zhao")
    tab.fill("input[name=display_name]", "赵会计")
    tab.fill("input[name=password]", "Chu-shi-mima-2026")
    tab.select_option("select[name=role]", "unit_editor")
    tab.fill("input[name=unit_code]", "255101")
    tab.click("form[action='/admin/users'] button[type=submit]")
    expect(tab.locator(".flash.ok").first).to_contain_text("已创建账号 zhao")
    tab.click("header .who button")  # 退出
    tab.wait_for_url("**/login")

    _sign_in(tab, "zhao", "Chu-shi-mima-2026")
    tab.wait_for_url("**/dashboard")
    hint = tab.locator("#change-password-hint")
    expect(hint).to_contain_text("管理员设置的")
    hint.locator("a").click()
    tab.wait_for_url("**/account#change-password")
    tab.fill("input[name=current]", "Chu-shi-mima-2026")
    tab.fill("input[name=new]", "Zhao-own-secret-77")
    tab.fill("input[name=repeat]", "Zhao-own-secret-77")
    tab.click("#change-password button[type=submit]")
    tab.wait_for_url("**/login")
    expect(tab.locator(".flash.ok").first).to_contain_text("密码已修改。请用新密码重新登录")
    _sign_in(tab, "zhao", "Zhao-own-secret-77")
    tab.wait_for_url("**/dashboard")
    assert tab.locator("#change-password-hint").count() == 0
    unexpected = [e for e in tab.console_errors if "status of 422" not in e]  # the refused form's answer: expected
    assert not unexpected, unexpected
