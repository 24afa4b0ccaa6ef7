"""webflow24: the review queue's year and unit as choices, a 绩效监控表 uploaded on 上传 sent to its 运行监控 page."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, project_form, stored_project
from tests.web.test_revisions import upload
from tests.web.test_webflow23_pages import _rows, _submit_all

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"
MONITORING = CORPUS / "72_hubei-huangshi-wenwuju-2019-monitor-shenyi-nolevel3.txt"


def test_the_queue_offers_the_years_and_units_the_data_has(web: WebEnv) -> None:
    """Until webflow24 the queue's 年度 and 单位 were text boxes: a reviewer guessed the years, and a part of a unit's
    name (「和平区」) gave an empty queue with no word why; the project list offered both as choices."""
    _submit_all(web)
    reviewer = web.client("reviewer")
    page = reviewer.get("/review/queue").text
    year = re.search(r'<select name="year" id="queue-year">(.*?)</select>', page, re.S)
    assert year, page[:3000]
    assert re.findall(r'<option value="([^"]*)"( selected)?>', year.group(1)) == [
        ("all", " selected"), ("2024", ""), ("2023", "")]
    unit = re.search(r'<select name="unit" id="queue-unit">(.*?)</select>', page, re.S)
    assert unit and '<option value="255101">255101 天津市和平区人民检察院</option>' in unit.group(1)
    chosen = reviewer.get("/review/queue?year=2023&unit=255101").text
    assert '<option value="2023" selected>2023</option>' in chosen
    assert '<option value="255101" selected>255101 天津市和平区人民检察院</option>' in chosen
    assert {name for name, _ in _rows(chosen)} == {"检察业务、装备及外包服务费", "检察装备经费"}
    # a year the data has not (an old link) stays shown and chosen, not silently 全部
    old = reviewer.get("/review/queue?year=2019").text
    assert '<option value="2019" selected>2019</option>' in old and "没有符合筛选条件的待审核项目" in old


def test_a_monitoring_table_uploaded_to_import_is_sent_to_its_projects_monitoring_page(web: WebEnv,
                                                                                     tmp_path: Path) -> None:
    """Until webflow24 a 绩效监控表 uploaded on 上传 was previewed as a table of targets, refused for its rows of
    半年度执行情况 (「三级指标「质量」缺少一级或二级指标」), and nothing said that its figures are recorded on the
    project's 运行监控 page — nor which project that is."""
    admin = web.client("admin")
    preview, _ = upload(admin, MONITORING)
    hint = re.search(r'<div class="flash warn" role="status" id="monitoring-elsewhere">(.*?)</div>', preview, re.S)
    assert hint, preview[:3000]
    assert "在它的「运行监控」页上传本文件" in hint.group(1)
    assert "表1「申遗经费」（2019 年度）：库中还没有这个项目：请先上传它年初的绩效目标表" in hint.group(1)
    ours = tmp_path / "monitoring.txt"  # the same table for a project of the seed, of 2024
    ours.write_text(MONITORING.read_text(encoding="utf-8").replace("申遗经费", "2024年检察业务信息化运维项目")
                    .replace("2019年度", "2024年度"), encoding="utf-8")
    first = web.project_ids[0]
    preview, _ = upload(admin, ours)
    links = re.findall(r'<a href="/projects/(\d+)/monitoring" class="monitoring-home">([^<]*)</a>', preview)
    assert sorted(int(i) for i, _ in links) == sorted([first, web.other_project_id])
    assert (str(first),
            "2024年检察业务信息化运维项目 2024中央（天津市和平区人民检察院，2024 年度）的运行监控页") in links
    # a unit editor is shown her own unit's project only
    preview, _ = upload(web.client("editor"), ours)
    links = re.findall(r'<a href="/projects/(\d+)/monitoring" class="monitoring-home">', preview)
    assert links == [str(first)]
    # a table of targets says nothing of it
    preview, _ = upload(admin, CORPUS / "03_anhui-bozhou-mengcheng-weijian-2024-target-jibengonggongweisheng-cut.txt")
    assert 'id="monitoring-elsewhere"' not in preview


def _next_of(page: str) -> str | None:
    found = re.search(r'<a href="/projects/(\d+)/review" rel="next" id="queue-next-link">', page)
    return found.group(1) if found else None


def test_the_desk_leads_to_the_next_project_of_the_queue_and_says_its_year(any_web: WebEnv) -> None:
    """Until webflow24 the desk of a project just decided offered nothing but the page itself: through a queue of
    hundreds the reviewer went back to the queue and found her place for every project. Nor did it say the year.
    On both stores (the next is one query with a window count)."""
    web = any_web
    _submit_all(web)
    reviewer = web.client("reviewer")
    queue = re.findall(r'<a href="/projects/(\d+)/review">审核台</a>', reviewer.get("/review/queue").text)
    assert len(queue) == len(web.project_ids) and len(queue) > 3
    first = reviewer.get(f"/projects/{queue[0]}/review").text
    assert _next_of(first) == queue[1], first[:3000]
    assert f"审核队列中另有 {len(queue) - 1} 个待审核" in first
    assert re.search(r'<span id="desk-year">20\d\d 年度</span>', first)
    # decided, it leaves the queue: its desk leads on to the one after it, not back to the start
    token = re.search(r'name="csrf_token" value="([^"]+)"', first)
    assert token
    decided = reviewer.post(f"/projects/{queue[1]}/workflow", data={"csrf_token": token.group(1), "action": "approve",
                                                                   "comment": "", "back": "desk", "version": "1"},
                            follow_redirects=True).text
    assert "已审核通过" in decided and _next_of(decided) == queue[2]
    assert f"审核队列中另有 {len(queue) - 1} 个待审核" in decided  # all but the decided one
    # the last comes round to the first the reviewer passed over
    assert _next_of(reviewer.get(f"/projects/{queue[-1]}/review").text) == queue[0]
    # a unit editor's desk (her own project) has no queue
    assert 'id="queue-next"' not in web.client("editor").get(f"/projects/{queue[0]}/review").text


def test_the_edit_page_says_what_is_edited_and_a_save_says_the_submit_to_come(web: WebEnv) -> None:
    """Until webflow24 the edit page named the project only (not its unit, year or the version edited), and a save
    said 「已保存为第 2 版」 alone: a returned project's officer took the save for her answer to the reviewer, the
    project 已退回 still, nothing sent."""
    pid = web.project_ids[1]  # a 2023 project
    project, version = stored_project(web.app, pid)
    editor = web.client("editor")
    page = editor.get(f"/projects/{pid}/edit").text
    assert (f'<div id="edit-what">天津市和平区人民检察院 · 2023 年度 · 在第 {version} 版上修改，'
            f"保存后为第 {version + 1} 版</div>") in page
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                 {1: "≥99次"}))
    assert saved.status_code == 200
    assert (f"已保存为第 {version + 1} 版。修改后的指标还要送审才交给审核人员：请在本页下方「审核流程」中点「送审」"
            in saved.text)
    again = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version + 1,
                                                                 {1: "≥99次"}))
    assert "内容没有变化，未生成新版本" in again.text and "还要送审" not in again.text


def test_the_self_evaluation_and_monitoring_pages_say_unit_year_and_version(web: WebEnv) -> None:
    """Until webflow24 the 自评 and 运行监控 pages named the project only: not its unit, nor the year the figures file
    under, nor the version they are measured against."""
    pid = web.project_ids[1]  # a 2023 project
    approve(web.app, pid)
    editor = web.client("editor")
    for path in (f"/projects/{pid}/evaluate", f"/projects/{pid}/monitoring"):
        page = editor.get(path).text
        assert '<div id="page-what">天津市和平区人民检察院 · 2023 年度 · 第 1 版（审核通过的版本）</div>' in page, path
    draft = editor.get(f"/projects/{web.project_ids[2]}/monitoring").text  # refused: not approved, no such claim
    assert re.search(r'<div id="page-what">天津市和平区人民检察院 · 20\d\d 年度 · 第 1 版</div>', draft)


def test_the_menu_offers_the_api_documentation_to_admins_only(web: WebEnv) -> None:
    """Until webflow24 every officer's menu ended in 「API」, an English word leading to a developer's page; it is
    the admin's 接口文档 now, and the account page's 令牌 (where tokens are made) links to it."""
    def menu(user: str) -> str:
        page = web.client(user).get("/dashboard").text
        found = re.search(r"<nav>(.*?)</nav>", page, re.S)
        assert found
        return found.group(1)

    for user in ("editor", "reviewer", "viewer"):
        assert "/api/docs" not in menu(user) and ">API<" not in menu(user), user
    assert '<a href="/api/docs">接口文档</a>' in menu("admin")
    assert '<a href="/api/docs" id="api-docs-link">接口文档</a>' in web.client("editor").get("/account").text


def test_the_dashboards_queue_tells_same_named_projects_apart_and_opens_the_queue(web: WebEnv) -> None:
    """Until webflow24 the reviewer's dashboard listed the seed's two 「2024年检察业务经费项目」 (市级, 中央 funds) as
    two identical rows (the queue page told them apart since webflow23), and led to the queue page nowhere."""
    _submit_all(web)
    page = web.client("reviewer").get("/dashboard").text
    table = re.search(r'<table class="list" id="review-queue">(.*?)</table>', page, re.S)
    assert table
    funds = re.findall(r'>2024年检察业务经费项目</a></td>\s*<td>([^<]*)</td>', table.group(1))
    assert sorted(funds) == ["2024中央", "2024市级"]
    assert '<p id="queue-open"><a href="/review/queue">打开审核队列' in page


def _account_row(web: WebEnv, username: str) -> tuple[int, str, str | None, bool]:
    from sqlalchemy import select

    from perfbudget.store.account_tables import users

    with web.app.state.engine.connect() as connection:
        row = connection.execute(select(users.c.id, users.c.role, users.c.unit_code, users.c.active)
                                 .where(users.c.username == username)).one()
    return int(row.id), row.role, row.unit_code, bool(row.active)


def test_a_refused_account_row_saves_nothing_and_comes_back_as_typed(web: WebEnv) -> None:
    """Until webflow24 a row of 账号管理 with a short 重设密码 saved its role, unit and 启用 first, then said
    「密码至少需要 10 个字符」 (nothing said of the rest: the admin took it for nothing saved), redirected with the
    row's changes gone; a saved row said 「已保存」 whatever it changed — a disabled account's tokens and sessions gone
    unsaid."""
    admin = web.client("admin")
    editor_id, role, unit, active = _account_row(web, "editor")
    refused = admin.post(f"/admin/users/{editor_id}", data={
        "csrf_token": csrf_of(admin, "/admin/users"), "role": "viewer", "unit_code": "", "display_name": "王会计",
        "active": "1", "password": "short"})
    assert refused.status_code == 422
    assert "账号 editor 未保存：密码至少需要 10 个字符" in refused.text
    assert _account_row(web, "editor") == (editor_id, role, unit, active)  # nothing saved
    row = re.search(r'<tr class="refused-row" id="refused-row">(.*?)</tr>', refused.text, re.S)
    assert row and '<option value="viewer" selected>' in row.group(1)  # as typed
    assert re.search(r'aria-label="editor 的新密码（不改请留空）" class="field-error" aria-invalid="true" autofocus>',
                     row.group(1))
    reviewer_id = _account_row(web, "reviewer")[0]
    saved = admin.post(f"/admin/users/{reviewer_id}", data={
        "csrf_token": csrf_of(admin, "/admin/users"), "role": "reviewer", "unit_code": "", "display_name": "李审核"},
        follow_redirects=True)
    assert ("已保存账号 reviewer：已停用：该账号不能再登录，其登录状态和 API 令牌已失效；显示名称改为「李审核」"
            in saved.text)
    assert not _account_row(web, "reviewer")[3]


def test_a_queue_filtered_to_nothing_says_so(web: WebEnv) -> None:
    """Until webflow24 a search that matched no submitted project read 「没有待审核的项目。」, as if the queue were
    empty."""
    reviewer = web.client("reviewer")
    assert 'id="queue-empty">没有待审核的项目。<' in reviewer.get("/review/queue").text  # empty: said plainly
    _submit_all(web)
    page = reviewer.get("/review/queue?q=不存在的项目名称").text
    assert re.search(r'id="queue-empty">没有符合筛选条件的待审核项目（共 10 个待审核）。'
                     r'<a href="/review/queue">清除筛选</a>', page), page[page.find("queue-table"):][:1500]


def test_the_declare_page_names_a_unit_editors_own_unit(web: WebEnv) -> None:
    """Until webflow24 a unit editor's 申报 showed her unit's code (fixed) beside an empty 「单位名称（新单位必填）」:
    her unit is known, nothing to type, yet the page asked."""
    page = web.client("editor").get("/declare").text
    assert ('<label>单位名称<input name="unit_name" value="天津市和平区人民检察院" readonly id="own-unit-name"></label>'
            in page)
    assert "单位名称（新单位必填）" in web.client("admin").get("/declare").text  # an admin may declare for a new unit


def test_an_import_says_what_comes_next(empty_app: FastAPI, seed_path: Path) -> None:
    """Until webflow24 an officer's first import landed on her unit's page with 「已导入…：新项目 10 个…」 and no word
    of what to do next; an import that changes nothing says no next step."""
    from fastapi.testclient import TestClient

    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role
    from tests.web.conftest import PASSWORD, login

    assert not isinstance(create_user(empty_app.state.engine, "editor", PASSWORD, Role.UNIT_EDITOR, "255101",
                                                  new_unit=True), str)
    editor = TestClient(empty_app, base_url="http://testserver")
    login(editor, "editor")
    preview, confirm = upload(editor, seed_path)
    token = re.search(r'name="csrf_token" value="([^"]+)"', preview)
    assert token and confirm
    done = editor.post(confirm, data={"csrf_token": token.group(1)}, follow_redirects=True).text
    assert "新项目 10 个" in done
    assert "下一步：逐个打开下面的项目，按表中标出的审核发现修改指标（「修改指标」），再在项目页「送审」" in done
    preview, confirm = upload(editor, seed_path)
    again = editor.post(confirm, data={"csrf_token": token.group(1)}, follow_redirects=True).text if confirm else ""
    assert "下一步" not in again


def test_an_uploaded_monitoring_tables_errors_are_placed_as_the_preview_places_them(web: WebEnv) -> None:
    """Until webflow24 a 绩效监控表 refused on the 运行监控 page listed 「监控表.txt:16:第1列: 三级指标…」, the command
    line's form of a location; the import preview says 「第16行 第1列：…」."""
    pid = web.project_ids[1]
    approve(web.app, pid)
    editor = web.client("editor")
    refused = editor.post(f"/projects/{pid}/monitoring/upload",
                          data={"csrf_token": csrf_of(editor, "/account"), "month": "6"},
                          files={"file": ("监控表.txt", MONITORING.read_bytes(), "text/plain")})
    assert refused.status_code == 422
    assert "<li>第16行 第1列：三级指标「半年度 指标执行情况」缺少一级或二级指标</li>" in refused.text
    assert "监控表.txt:16" not in refused.text
