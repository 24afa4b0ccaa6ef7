"""webflow24 in a real Chromium at 200 % zoom (683×384 CSS pixels of a 1366×768 laptop): the reviewer chooses the
queue's year from a list and goes from desk to desk by the keyboard; a 绩效监控表 uploaded on 上传 leads to its
project's 运行监控 page. Fails in CI without Chromium (test_browser's fixtures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from tests.web.test_browser import page, server  # noqa: F401  (real server, real Chromium)

pytestmark = pytest.mark.browser
MONITORING = (Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"
              / "72_hubei-huangshi-wenwuju-2019-monitor-shenyi-nolevel3.txt")


def _no_sideways_scroll(tab: Any) -> None:
    assert tab.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), tab.url


def test_queue_year_desk_to_desk_and_a_monitoring_table(page: Any, seed_path: Path,  # noqa: F811
                                                         tmp_path: Path) -> None:
    from playwright.sync_api import expect

    tab = page
    tab.set_viewport_size({"width": 683, "height": 384})
    tab.goto("/login")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("main button[type=submit]")
    tab.wait_for_url("**/dashboard")
    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(seed_path))
    tab.click("#upload-form button[type=submit]")
    tab.click("#confirm-import")
    tab.wait_for_url("**/units/**")
    names = ("2024年司法救助项目", "检察装备经费", "2024年检察业务购买服务项目")
    for name in names:  # two of 2024, one of 2023
        tab.goto("/projects?year=all")
        tab.locator("a.project-link", has_text=name).first.click()
        tab.fill("textarea[name=justification]", "已核对")
        tab.locator("#workflow button", has_text="送审").click()
        expect(tab.locator(".flash.ok").first).to_contain_text("已送审")

    tab.goto("/review/queue")
    _no_sideways_scroll(tab)
    tab.select_option("#queue-year", "2024")
    tab.click("#queue-search")
    tab.wait_for_url("**/review/queue?*year=2024*")
    rows = tab.locator("#queue-table a.project-link")
    assert sorted(rows.all_inner_texts()) == sorted(names[0::2])
    tab.goto("/review/queue")
    tab.locator("#queue-table a", has_text="审核台").first.click()
    first = tab.url
    tab.locator("#desk-conclusion button", has_text="审核通过").click()
    expect(tab.locator(".flash.ok").first).to_contain_text("审核通过")
    expect(tab.locator("#queue-next")).to_contain_text("审核队列中另有 2 个待审核")
    _no_sideways_scroll(tab)
    tab.focus("#queue-next-link")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.url.endswith("/review") and tab.url != first
    expect(tab.locator("#queue-next")).to_contain_text("下一个待审核")

    ours = tmp_path / "监控表.txt"  # corpus 72's 监控表, for a project of the seed
    ours.write_text(MONITORING.read_text(encoding="utf-8").replace("申遗经费", "2024年司法救助项目")
                    .replace("2019年度", "2024年度"), encoding="utf-8")
    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(ours))
    tab.click("#upload-form button[type=submit]")
    hint = tab.locator("#monitoring-elsewhere")
    expect(hint).to_contain_text("在它的「运行监控」页上传本文件")
    _no_sideways_scroll(tab)
    hint.locator("a.monitoring-home").click()
    tab.wait_for_url("**/monitoring")
    expect(tab.locator("#page-what")).to_contain_text("2024 年度")
    assert not tab.console_errors, tab.console_errors
