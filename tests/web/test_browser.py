"""End to end in a real headless Chromium (Playwright pointed at Debian's chromium).

Runs a real uvicorn server on 127.0.0.1 (free port, a real SQLite file), then as a finance
officer: sign in, upload the seed, see its 10 projects, upload a Word copy, edit a target,
enter actuals, download the 自评表. Screenshots of the dashboard and the project page are
written to ``PERFBUDGET_SCREENSHOTS`` (default: the test's tmp dir).

Without Chromium the tests are skipped outside CI and fail in CI (``CI=true``).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    path = os.environ.get("PERFBUDGET_TEST_CHROMIUM") or "/usr/bin/chromium"
    if Path(path).exists() or shutil.which(path):
        return path
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"Chromium not found at {path}: scripts/test.sh installs it in CI")
    pytest.skip(f"Chromium not found at {path} (set PERFBUDGET_TEST_CHROMIUM)")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role
    from perfbudget.web.app import create_app
    from perfbudget.web.settings import WebConfig

    app = create_app(WebConfig(database_url=f"sqlite:///{tmp_path / 'e2e.db'}"))
    assert not isinstance(create_user(app.state.engine, "admin", PASSWORD, Role.ADMIN, display_name="演示管理员"), str)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(10)
    app.state.engine.dispose()


@pytest.fixture
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    executable = _chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(base_url=server, accept_downloads=True, locale="zh-CN",
                                      viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.console_errors = errors
        yield tab
        context.close()
        browser.close()


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("PERFBUDGET_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_finance_officer_end_to_end(page: Any, seed_path: Path, tmp_path: Path, seed_document: Any) -> None:
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    from perfbudget.writers.target_table_docx import target_table_docx

    shots = _shots(tmp_path)
    page.goto("/dashboard")
    assert "/login" in page.url
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")

    # Upload the seed → preview of the 10 projects and the review → confirm.
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(seed_path))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#preview-count")
    assert page.inner_text("#preview-count") == "10"
    page.click("#confirm-import")
    page.wait_for_url("**/units/*")
    assert page.locator("a.project-link").count() == 10
    assert "新项目 10 个" in page.inner_text("main")

    # A Word copy of the same tables reads back to the same content: nothing changes.
    word = tmp_path / "目标表.docx"
    word.write_bytes(target_table_docx(seed_document))
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(word))
    page.click("#upload-form button[type=submit]")
    page.wait_for_selector("#preview-count")
    assert page.inner_text("#preview-count") == "10"

    page.goto("/dashboard?year=all")
    assert page.inner_text("#stat-projects") == "10"
    page.screenshot(path=str(shots / "dashboard.png"), full_page=True)

    # Open the first project, edit a target; the as-you-type check reads it.
    page.locator("a.project-link").first.click()
    page.wait_for_selector("#target-table")
    page.screenshot(path=str(shots / "project.png"), full_page=True)
    project_url = page.url
    page.click("#edit-link")
    target = page.locator("input.target-input").first
    target.fill("≥100%")
    check = page.locator(".indicator-row .check").first
    expect(check).to_contain_text("100", timeout=10_000)  # htmx works under the strict CSP
    assert "定量" in check.inner_text()
    target.fill("≥15次")
    expect(check).to_contain_text("15 次", timeout=10_000)
    page.click("#save-button")
    page.wait_for_url(project_url)
    assert "已保存为第 2 版" in page.inner_text("main")
    assert "≥15次" in page.inner_text("#target-table")

    # Self-evaluation is offered for approved projects only: submit (with a note) and approve first.
    assert "填报实际完成值" not in page.inner_text(".actions")
    page.fill("textarea[name=justification]", "已按审核意见核对")
    page.click("button[name=action][value=submit]")
    page.wait_for_url(project_url)
    page.click("button[name=action][value=approve]")
    page.wait_for_url(project_url)
    assert "审核通过" in page.inner_text("main")

    # Enter actuals → the evaluation → download the 自评表.
    page.goto(project_url + "/evaluate")
    page.fill("input[name=executed]", "17")
    rows = page.locator("#evaluate-form tbody tr")
    for i in range(rows.count()):
        row = rows.nth(i)
        target_text = row.locator("td").nth(3).inner_text()
        grade = row.locator("select")
        if grade.count():
            grade.select_option("达成")
        else:
            row.locator("input").first.fill(target_text.lstrip("≥≤=<>"))
    page.click("#evaluate-button")
    page.wait_for_url("**/evaluation")
    assert page.inner_text("#evaluation-grade") in ("优", "良", "中", "差")
    with page.expect_download() as download_info:
        page.click("#download-evaluation-xlsx")
    download = download_info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.name.endswith("项目支出绩效自评表.xlsx")
    workbook = load_workbook(saved)
    cells = [str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("自评" in c for c in cells)

    # Mid-year monitoring: the month's fill-in sheet, filled in Excel, uploaded → the lights → the 监控表.
    page.goto(project_url)
    page.click("#monitoring-link")
    page.wait_for_url("**/monitoring")
    page.select_option("#monitoring-template-form select[name=month]", "6")  # the sheet of the month chosen
    with page.expect_download() as sheet_info:
        page.click("#monitoring-template")
    sheet_path = tmp_path / sheet_info.value.suggested_filename
    sheet_info.value.save_as(sheet_path)
    _fill_monitoring_sheet(sheet_path)
    page.select_option("#monitoring-form select[name=month]", "6")
    page.set_input_files("#monitoring-form input[type=file]", str(sheet_path))
    page.click("#monitoring-form button[type=submit]")
    page.wait_for_url("**/monitoring")
    assert "1-6月运行监控已保存" in page.inner_text("main")
    assert page.inner_text("#monitoring-budget") == "绿灯"  # 8.5 of 17 by June: on schedule
    assert page.inner_text("#monitoring-colour") in ("红灯", "黄灯", "绿灯", "蓝灯")
    with page.expect_download() as table_info:
        page.click("#download-monitoring-xlsx")
    table_path = tmp_path / table_info.value.suggested_filename
    table_info.value.save_as(table_path)
    assert "执行监控表" in table_path.name
    cells = [str(c.value) for ws in load_workbook(table_path).worksheets for row in ws.iter_rows() for c in row
             if c.value]
    assert "项目支出绩效目标执行监控表" in cells
    assert page.console_errors == []


def _fill_monitoring_sheet(path: Path) -> None:
    """Fill the downloaded monitoring sheet as an officer would in Excel: half the budget spent, each indicator at
    its target (a qualitative one 达成), each 确定能."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "项目名称")
    columns = {str(sheet.cell(header_row, c).value): c for c in range(1, sheet.max_column + 1)}
    actual = next(c for h, c in columns.items() if "执行情况" in h or h == "实际完成值")
    for r in range(header_row + 1, sheet.max_row + 1):
        level3 = sheet.cell(r, columns["三级指标"]).value
        if level3 == "全年执行数":
            sheet.cell(r, actual).value = "8.5"
        elif level3 and level3 not in ("全年预算数", "总体目标完成情况"):
            target = str(sheet.cell(r, columns["指标值"]).value or "")
            number = target.lstrip("≥≤=<>")
            if number[:1].isdigit():
                sheet.cell(r, actual).value = number
            else:
                sheet.cell(r, columns["完成等级"]).value = "达成"
            sheet.cell(r, columns["完成目标可能性"]).value = "确定能"
    workbook.save(path)


def test_unit_editor_cannot_open_another_units_project_in_the_browser(page: Any, server: str, seed_path: Path,
                                                                        tmp_path: Path) -> None:
    import httpx

    with httpx.Client(base_url=server) as admin:
        login_page = admin.get("/login").text
        token = login_page.split('name="csrf_token" value="')[1].split('"')[0]
        admin.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token})
        token = admin.get("/admin/users").text.split('name="csrf_token" value="')[1].split('"')[0]
        admin.post("/admin/users", data={"csrf_token": token, "username": "other", "password": PASSWORD,
                                         "role": "unit_editor", "unit_code": "999001", "new_unit": "1"})
        upload = admin.post("/upload", data={"csrf_token": token},
                            files={"file": ("seed.txt", seed_path.read_bytes(), "text/plain")},
                            follow_redirects=True)
        confirm = re.search(r'action="(/upload/\d+/confirm)"', upload.text)
        assert confirm, upload.text[:2000]
        admin.post(confirm.group(1), data={"csrf_token": token})
    page.goto("/login")
    page.fill("input[name=username]", "other")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard")
    response = page.goto("/projects/1")
    assert response is not None and response.status == 404
    assert "没有找到该项目" in page.inner_text("main")

