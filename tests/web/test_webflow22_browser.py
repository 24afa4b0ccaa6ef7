"""webflow22 in a real Chromium: a 自评表 uploaded as a Word file (corpus r08) shows its own figures on the project page
and is scored from them without typing a figure again; on the desk a 退回 without 意见 puts the keyboard in the 意见
field (until webflow22 the page showed targets only, the 自评 form started empty, and the desk's refusal marked
nothing). Fails in CI without Chromium (test_browser's fixtures)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD
from tests.web.test_browser import page, server  # noqa: F401  (real server, real Chromium)

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"


def test_an_uploaded_self_evaluation_is_scored_from_its_own_figures(page: Any) -> None:  # noqa: F811
    from playwright.sync_api import expect

    tab = page
    tab.set_viewport_size({"width": 1366, "height": 768})
    tab.goto("/login")
    tab.fill("input[name=username]", "admin")
    tab.fill("input[name=password]", PASSWORD)
    tab.click("button[type=submit]")
    tab.wait_for_url("**/dashboard")
    tab.goto("/upload")
    tab.set_input_files("input[type=file]", str(CORPUS / "r08_anhui-tianchang-shuihan-selfeval-template-word.docx"))
    tab.click("#upload-form button[type=submit]")
    tab.wait_for_selector("#preview-count")
    tab.click("#confirm-import")
    tab.wait_for_url("**/units/**")
    tab.locator("a.project-link", has_text="水旱灾害防御经费").click()
    figures = tab.locator("#table-self-evaluation")
    expect(figures).to_contain_text("表中得分合计 100（分值合计 100，含预算执行）")
    expect(figures.locator("#table-funds")).to_contain_text("880")
    project_url = tab.url

    tab.fill("textarea[name=justification]", "自评表，按表送审")
    tab.locator("#workflow button", has_text="送审").click()
    tab.click("#desk-link")
    conclusion = tab.locator("#desk-conclusion")
    conclusion.locator("button", has_text="退回").click()  # no 意见: refused, the field marked and focused
    expect(tab.locator(".flash.error").first).to_contain_text("「退回」需要填写意见")
    assert tab.evaluate("document.activeElement.name") == "comment"
    assert tab.get_attribute("#desk-conclusion textarea[name=comment]", "aria-invalid") == "true"
    tab.locator("#desk-conclusion button", has_text="审核通过").click()
    expect(tab.locator(".flash.ok").first).to_contain_text("审核通过")

    tab.goto(project_url)
    tab.click("#fill-from-table")
    expect(tab.locator("#from-table")).to_be_visible()
    assert tab.input_value("input[name=executed]") == "880"
    tab.click("#evaluate-button")  # nothing typed: the table's own figures
    tab.wait_for_url("**/evaluation")
    expect(tab.locator("#evaluation-total")).to_have_text("100.00")
    expect(tab.locator("#evaluation-grade")).to_have_text("优")
    unexpected = [e for e in tab.console_errors if "status of 422" not in e]  # the refused 退回's answer: expected
    assert not unexpected, unexpected
