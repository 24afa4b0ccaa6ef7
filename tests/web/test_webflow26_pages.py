"""webflow26: what goes wrong in the year — the reviewer's view of what a returned project's unit changed, a fund
split that does not add up typed on the edit and 申报 forms, a file of the wrong kind uploaded."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, project_form, stored_project
from tests.web.test_flows import declare_form
from tests.web.test_revisions import confirm_form, upload


def _step(client, pid: int, action: str, **fields: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(client, "/account"),
                                                             "action": action, **fields}, follow_redirects=False)
    assert response.status_code == 303, response.text[:2000]


def test_the_desk_shows_what_the_unit_changed_since_the_return(any_web: WebEnv) -> None:
    """Until webflow26 the desk of a project sent back for review after a 退回 said nothing of what the unit had
    changed: the reviewer opened the history page and compared versions by hand, or reviewed the whole table again.
    On both stores (the last 退回 is one query more)."""
    web = any_web
    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    _step(editor, pid, "submit", justification="已核对")
    assert 'id="since-return"' not in reviewer.get(f"/projects/{pid}/review").text  # never returned
    _step(reviewer, pid, "return", comment="视频会议保障数量偏低，请核实")
    project, version = stored_project(web.app, pid)
    first = project.indicators[0]
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥24次"}), follow_redirects=False)
    assert saved.status_code == 303, saved.text[:2000]
    _step(editor, pid, "submit", justification="已按意见修改")

    desk = reviewer.get(f"/projects/{pid}/review").text
    card = re.search(r'<section class="card" id="since-return">(.*?)</section>', desk, re.S)
    assert card, desk[:3000]
    assert f"退回后的修改（第 {version} 版 → 第 {version + 1} 版）" in card.group(1)
    assert f"第 {version} 版由 reviewer 于 " in card.group(1)
    assert "退回，退回意见：视频会议保障数量偏低，请核实" in card.group(1)
    place = f"{first.level1} / {first.level2} / {first.level3}"
    assert f"<li>指标值变更：{place}：{first.target.raw} → ≥24次</li>" in card.group(1)


def test_the_desk_says_when_nothing_was_changed_since_the_return(web: WebEnv) -> None:
    """A unit that answers a 退回 with a new version of the same content: the desk says so rather than nothing."""
    pid = web.project_ids[1]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    _step(editor, pid, "submit", justification="已核对")
    _step(reviewer, pid, "return", comment="请补充测算依据")
    project, version = stored_project(web.app, pid)
    form = project_form(project, csrf_of(editor, "/account"), version)
    form["purpose"] = [(project.purpose or "") + "（已补充测算依据）"]
    assert editor.post(f"/projects/{pid}/edit", data=form, follow_redirects=False).status_code == 303
    desk = reviewer.get(f"/projects/{pid}/review").text
    assert "资金用途变更：" in re.search(r'id="since-return">(.*?)</section>', desk, re.S).group(1)  # type: ignore[union-attr]


def test_an_edited_fund_split_that_does_not_add_up_is_refused_and_kept(web: WebEnv) -> None:
    """Until webflow26 an officer who typed 元 into the edit form's 预算数 (160000 beside 财政资金 59.00, in 万元) saved
    it without a word: no finding as typed, none on the saved version (it has no cells, and a blank 其他资金 read as
    a table stating a part only), and a project of 16 亿 went to the reviewer."""
    pid = web.project_ids[0]
    editor = web.client("editor")
    project, version = stored_project(web.app, pid)
    fiscal = project.budget.fiscal
    form = project_form(project, csrf_of(editor, "/account"), version)
    form["budget_total"] = ["160000"]
    check = editor.post(f"/projects/{pid}/check", data=form).text
    assert "预算数「160000」不等于财政资金" in check and "可能有一处把元和万元弄混了" in check
    refused = editor.post(f"/projects/{pid}/edit", data=form, follow_redirects=False)
    assert refused.status_code == 422, refused.text[:2000]
    assert f"预算数「160000」不等于财政资金「{fiscal}」与其他资金「0」之和 {fiscal}" in refused.text
    assert re.search(r'<input[^>]*name="budget_total"[^>]*value="160000"[^>]*aria-invalid="true"|'
                     r'<input[^>]*name="budget_total"[^>]*aria-invalid="true"[^>]*value="160000"', refused.text)
    assert stored_project(web.app, pid)[1] == version  # nothing saved
    # the split made whole is saved; an edit leaving the amounts as imported is not asked about them
    form["budget_other"] = [str(Decimal("160000") - fiscal)]  # type: ignore[operator]
    assert editor.post(f"/projects/{pid}/edit", data=form, follow_redirects=False).status_code == 303


def test_a_declared_fund_split_that_does_not_add_up_is_refused(web: WebEnv) -> None:
    editor = web.client("editor")
    response = editor.post("/declare", data=declare_form(csrf_of(editor, "/declare"), budget_total="300000"),
                           follow_redirects=False)
    assert response.status_code == 422, response.text[:2000]
    assert "预算数「300000」不等于财政资金「30.00」与其他资金「0」之和 30.00：请核对" in response.text
    assert 'value="300000"' in response.text


def test_a_file_of_the_wrong_kind_says_what_to_do(web: WebEnv, tmp_path: Path) -> None:
    """Until webflow26 a file named .xlsx whose bytes are no workbook (damaged, half downloaded, renamed) was refused
    as 「不是可读的文本文件」 — the officer had uploaded an Excel file, not a text — and a scanned PDF's
    「可能是扫描件」 said nothing of what to upload instead."""
    from PIL import Image, ImageDraw

    editor = web.client("editor")
    broken = tmp_path / "目标表.xlsx"
    broken.write_bytes(bytes(range(256)) * 8)
    page, confirm = upload(editor, broken)
    hint = re.search(r'<p id="file-what-to-do">(.*?)</p>', page, re.S)
    assert hint and not confirm, page[:3000]
    assert "文件名是「目标表.xlsx」，但内容不是 Excel 能打开的.xlsx文件" in hint.group(1)
    assert "请用 Excel 打开原文件，确认能看到表格后「另存为」一份" in hint.group(1)
    scan = tmp_path / "扫描件.pdf"
    image = Image.new("RGB", (400, 560), "white")
    draw = ImageDraw.Draw(image)
    for y in range(40, 520, 40):
        draw.line((20, y, 380, y), fill="black")
    image.save(scan)
    page, _ = upload(editor, scan)
    assert "请上传表格原来的 Word 或 Excel 文件" in page
    page, _ = upload(editor, Path(__file__).resolve().parents[2] / "examples" / "000_e2047472f0d7711d.txt")
    assert 'id="file-what-to-do"' not in page


def test_an_upload_that_would_undo_an_edit_speaks_of_the_page_not_the_command_line(web: WebEnv, seed_path: Path
                                                                                   ) -> None:
    """Until webflow26 the preview of a file that would undo an edit made on the page told the officer
    「确认无误后请强制导入（命令行 --force，网页勾选确认，API force=true）」: a command line and an API she never
    uses."""
    pid = web.project_ids[0]
    editor = web.client("editor")
    project, version = stored_project(web.app, pid)
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥24次"}), follow_redirects=False)
    assert saved.status_code == 303
    preview, confirm = upload(editor, seed_path)
    assert "确认无误后请勾选下方「我已了解：导入会恢复旧内容或覆盖上面列出的较新版本，仍要导入」，再点「确认导入」" in (
        preview)
    assert "命令行" not in preview and "force" not in preview.replace('name="confirm"', "")
    refused = editor.post(confirm, data=confirm_form(preview, csrf_of(editor, "/upload")), follow_redirects=True)
    assert "未导入：" in refused.text and "再点「确认导入」" in refused.text and "API force=true" not in refused.text


def test_a_returned_projects_page_sends_its_officer_to_the_edit_page_where_the_comments_are(web: WebEnv) -> None:
    """Until webflow26 the project page of a returned project told its officer that the reviewer's cell comments
    were on the 审核台 — the reviewer's page, the comments apart from the table — where the edit page lists each in
    its own row; she looked for them on a page she cannot act on."""
    pid = web.project_ids[2]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    _step(editor, pid, "submit", justification="已核对")
    token = csrf_of(reviewer, "/account")
    commented = reviewer.post(f"/projects/{pid}/review/comment",
                              data={"csrf_token": token, "place": "indicator:2:target", "text": "请写明具体次数"},
                              follow_redirects=False)
    assert commented.status_code == 303, commented.text[:2000]
    _step(reviewer, pid, "return", comment="见单元格意见")
    note = re.search(r'<p class="flash" id="returned-note">(.*?)</p>', editor.get(f"/projects/{pid}").text, re.S)
    assert note and f'<a href="/projects/{pid}/edit" id="returned-edit">「修改指标」</a>页上' in note.group(1)
    assert "/review" not in note.group(1)
    assert "审核意见（指标值）：请写明具体次数" in editor.get(f"/projects/{pid}/edit").text
    # the reviewer (who edits nothing) is still sent to the desk
    note = re.search(r'id="returned-note">(.*?)</p>', reviewer.get(f"/projects/{pid}").text, re.S)
    assert note and f'<a href="/projects/{pid}/review">审核台</a>' in note.group(1)


def test_a_refused_self_evaluation_sheet_comes_back_in_the_form_to_be_fixed_there(web: WebEnv) -> None:
    """Until webflow26 a 自评 sheet refused for one row (an indicator the target table does not have — renamed in the
    sheet) listed the problems above an empty form: every figure of the sheet was to be typed again, or the sheet
    fixed and uploaded again. The form now comes back with what the sheet gave for the project's indicators."""
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    workbook = load_workbook(io.BytesIO(client.get(f"/projects/{pid}/evaluate/template.xlsx").content))
    sheet = workbook.active
    assert sheet is not None
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "项目名称")
    column = {sheet.cell(header, c).value: c for c in range(1, sheet.max_column + 1)}
    project, _ = stored_project(web.app, pid)
    renamed = project.indicators[1].level3
    for r in range(header + 1, sheet.max_row + 1):
        level3 = sheet.cell(r, column["三级指标"]).value
        if level3 == "全年执行数":
            sheet.cell(r, column["实际完成值"]).value = "15.5"
        elif level3 == renamed:
            sheet.cell(r, column["三级指标"]).value = renamed + "（改名）"
            sheet.cell(r, column["实际完成值"]).value = "7"
        elif level3 == project.indicators[0].level3:
            sheet.cell(r, column["实际完成值"]).value = "13次"
            sheet.cell(r, column["偏差原因分析"]).value = "超额完成"
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = client.post(f"/projects/{pid}/evaluate/upload", data={"csrf_token": csrf_of(client, "/account")},
                       files={"file": ("自评.xlsx", buffer.getvalue(), "application/octet-stream")})
    assert page.status_code == 422 and "未能打分" in page.text, page.text[:3000]
    assert f"中没有三级指标「{renamed}（改名）」" in page.text
    assert '已把「自评.xlsx」中与本项目指标对得上的数字填入下方表单' in page.text
    assert re.search(r'name="executed"[^>]*value="15.5"', page.text)
    assert re.search(r'name="actual_1"[^>]*value="13次"', page.text)
    assert re.search(r'name="deviation_1"[^>]*value="超额完成"', page.text)
    assert not re.search(r'name="actual_2"[^>]*value="7"', page.text)  # the renamed row is not guessed


def test_an_account_moved_to_another_unit_is_told_what_becomes_of_its_projects(web: WebEnv) -> None:
    """Until webflow26 moving an officer to another unit on 账号管理 said 「单位编码改为 300777」 alone: nothing of her
    projects, which stay with the unit she left (she found an empty dashboard)."""
    from tests.web.test_webflow24_pages import _account_row

    admin = web.client("admin")
    editor_id = _account_row(web, "editor")[0]
    saved = admin.post(f"/admin/users/{editor_id}", data={
        "csrf_token": csrf_of(admin, "/admin/users"), "role": "unit_editor", "unit_code": "300777",
        "display_name": "王会计", "active": "1", "new_unit": "1"}, follow_redirects=True)
    assert ("已保存账号 editor：单位编码由 255101 改为 300777：该账号此后只看到并填报 300777 的项目；它在 255101 填报的"
            "项目、版本和流程记录都留在 255101（项目不随账号移动），署名不变") in saved.text
    assert _account_row(web, "editor")[2] == "300777"


def test_a_stale_edit_says_what_the_newer_version_changed(any_web: WebEnv) -> None:
    """Two officers of a unit edit one project: the second save is refused (nothing overwritten), and until webflow26
    it said only 「已被他人改为第 2 版」 — she could not tell what the other changed, nor what of hers to redo."""
    web = any_web
    pid = web.project_ids[0]
    first, second = web.client("editor"), web.client("editor")
    project, version = stored_project(web.app, pid)
    theirs = project_form(project, csrf_of(first, "/account"), version, {1: "≥30次"})
    mine = project_form(project, csrf_of(second, "/account"), version, {2: "≥99%"})
    assert first.post(f"/projects/{pid}/edit", data=theirs, follow_redirects=False).status_code == 303
    refused = second.post(f"/projects/{pid}/edit", data=mine, follow_redirects=False)
    assert refused.status_code == 409, refused.text[:2000]
    changes = re.search(r'<ul id="stale-changes">(.*?)</ul>', refused.text, re.S)
    assert changes, refused.text[:3000]
    one = project.indicators[0]
    assert changes.group(1) == (f"<li>指标值变更：{one.level1} / {one.level2} / {one.level3}："
                                f"{one.target.raw} → ≥30次</li>")
    assert 'value="≥99%"' in refused.text  # hers kept on the page
    assert stored_project(web.app, pid)[0].indicators[1].target.raw == project.indicators[1].target.raw
