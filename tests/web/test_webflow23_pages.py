"""webflow23: the review queue of many projects, a first sign-in with the admin's password, the year's drafts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from perfbudget.app import review_desk as desk_app
from perfbudget.app.workflow import take_step
from tests.web.conftest import WebEnv, csrf_of, login
from tests.web.helpers import approve
from tests.web.test_revisions import upload
from tests.web.test_webflow20_workflow import principal_of

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"


def _submit_all(web: WebEnv) -> None:
    editor = principal_of(web, "editor")
    for pid in web.project_ids:
        assert take_step(web.app.state.store, editor, pid, "submit", None, "已核对", review_errors=0,
                         version_required="").ok


def _rows(page: str) -> list[str]:
    body = re.search(r'<table class="list" id="queue-table">.*?<tbody>(.*?)</tbody>', page, re.S)
    assert body, page[:2000]
    return re.findall(r'class="project-link">([^<]*)</a></td><td>([^<]*)</td>', body.group(1))


def test_the_queue_pages_sorts_and_tells_same_named_projects_apart(web: WebEnv,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Until webflow23 the queue listed its first 100 projects whatever ``page`` asked, with no pager and no word of
    it (「300 个待审核」, 100 rows); its columns did not sort; two projects of one name (the seed's
    「2024年检察业务经费项目」 of 市级 and 中央 funds) were two identical rows."""
    _submit_all(web)
    monkeypatch.setattr(desk_app, "MOST_BATCH", 4)  # a page of the queue is one batch step: 10 projects, 3 pages
    reviewer = web.client("reviewer")
    first = reviewer.get("/review/queue").text
    assert re.search(r'id="queue-total">10 个待审核，先送审的在前；本页第 1–4 个<', first)
    assert len(_rows(first)) == 4
    pager = re.search(r'<nav class="pager" id="queue-pager">(.*?)</nav>', first, re.S)
    assert pager and "第 1 / 3 页" in pager.group(1) and 'href="/review/queue?page=2" rel="next"' in pager.group(1)
    third = reviewer.get("/review/queue?page=3").text
    assert "本页第 9–10 个" in third and len(_rows(third)) == 2 and 'rel="prev"' in third
    seen = {name for page in (first, reviewer.get("/review/queue?page=2").text, third) for name, _ in _rows(page)}
    assert len(seen) == 9  # every project reached (two share a name)
    funds = [fund for page in (first, reviewer.get("/review/queue?page=2").text, third)
             for name, fund in _rows(page) if name == "2024年检察业务经费项目"]
    assert sorted(funds) == ["2024中央", "2024市级"]
    # the headers sort (the order kept by the pager); the worst first
    assert 'href="/review/queue?sort=errors"' in first
    worst = reviewer.get("/review/queue?sort=errors&desc=1").text
    assert _rows(worst)[0][0] == "检察业务、装备及外包服务费" and 'aria-sort="descending"' in worst
    assert 'href="/review/queue?sort=errors&amp;desc=1&amp;page=2" rel="next"' in worst


def test_a_refused_batch_step_keeps_the_ticks_and_the_comment(web: WebEnv) -> None:
    """Until webflow23 a batch 退回 without 意见 and a step with nothing ticked redirected to the queue: the ticks
    and the typed 意见 were gone, nothing marked the field to fill."""
    _submit_all(web)
    reviewer = web.client("reviewer")
    token = csrf_of(reviewer, "/review/queue")
    queue = reviewer.get("/review/queue").text  # the ticks as the rows send them, 「id:version」
    ticked = [re.findall(rf'name="project" value="({pid}:\d+)"', queue)[0] for pid in web.project_ids[0:4:3]]
    answer = reviewer.post("/review/queue?q=检察", data={"csrf_token": token, "project": ticked, "action": "return",
                                                         "comment": "  "}, follow_redirects=False)
    assert answer.status_code == 422
    page = answer.text
    assert "「批量退回」需要填写意见" in page
    assert re.search(r'<textarea name="comment" rows="2" aria-invalid="true" autofocus>', page)
    checked = re.findall(r'name="project" value="(\d+:\d+)"[^>]*checked', page)
    assert sorted(checked) == sorted(ticked)
    answer = reviewer.post("/review/queue", data={"csrf_token": token, "action": "return",
                                                  "comment": "请补充数量指标"}, follow_redirects=False)
    assert answer.status_code == 422 and "请先勾选要处理的项目" in answer.text
    assert ">请补充数量指标</textarea>" in answer.text
    assert "10 个待审核" in reviewer.get("/review/queue").text


def test_drafts_and_self_evaluations_of_another_year_are_named_on_the_dashboard(web: WebEnv) -> None:
    """The seed's ten tables: eight of 2024, two of 2023. Until webflow23 the editor's dashboard the day of the import
    read 「草稿 8」 for 2024 and nothing of the two 2023 drafts (their worst project among them); once one of them was
    approved, its 自评 due, the 2024 dashboard said nothing of it either."""
    editor = web.client("editor")
    page = editor.get("/dashboard").text
    assert "2024 年度总览" in page
    assert re.search(r'id="todo-elsewhere">其他年度还有：<a href="/projects\?year=2023&amp;state=draft">'
                     r"2023 年度草稿 2 个</a>。", page), page[page.find("我的待办"):][:1500]
    approve(web.app, web.project_ids[1])  # a 2023 project
    page = editor.get("/dashboard").text
    assert re.search(r'其他年度还有：<a href="/projects\?year=2023&amp;state=draft">2023 年度草稿 1 个</a>、'
                     r'<a href="/projects\?year=2023&amp;todo=evaluate">2023 年度待自评 1 个</a>。', page), \
        page[page.find("我的待办"):][:1500]


def test_a_password_the_admin_set_is_to_be_changed_at_the_first_sign_in(web: WebEnv) -> None:
    """An account made on the 账号 page with its 初始密码: until webflow23 its owner signed in and was never told the
    admin knows her password; after changing it the sign-in page said nothing."""
    admin = web.client("admin")
    made = admin.post("/admin/users", data={"csrf_token": csrf_of(admin, "/admin/users"), "username": "zhao",
                                            "password": "Chu-shi-mima-2026", "role": "unit_editor",
                                            "unit_code": "255101", "display_name": "赵会计"},
                      follow_redirects=False)
    assert made.status_code == 303
    owner = web.client()
    login(owner, "zhao", "Chu-shi-mima-2026")
    page = owner.get("/dashboard").text
    hint = re.search(r'<div class="flash warn" role="status" id="change-password-hint">(.*?)</div>', page, re.S)
    assert hint and "管理员设置的" in hint.group(1) and 'href="/account#change-password"' in hint.group(1)
    assert 'id="change-password"' in owner.get("/account").text
    changed = owner.post("/account/password", data={"csrf_token": csrf_of(owner, "/account"),
                                                    "current": "Chu-shi-mima-2026", "new": "Zhao-own-secret-77",
                                                    "repeat": "Zhao-own-secret-77"}, follow_redirects=True)
    assert "密码已修改。请用新密码重新登录" in changed.text
    again = web.client()
    login(again, "zhao", "Zhao-own-secret-77")
    assert 'id="change-password-hint"' not in again.get("/dashboard").text


def test_a_refused_page_of_a_project_links_back_to_it(web: WebEnv) -> None:
    """自评 of a draft is refused (409): until webflow23 its page offered 「返回总览」 only, the project a search
    away."""
    editor = web.client("editor")
    pid = web.project_ids[1]
    refused = editor.get(f"/projects/{pid}/evaluate")
    assert refused.status_code == 409 and "请先在项目页「送审」" in refused.text
    assert f'<a href="/projects/{pid}" id="back-to-project">返回项目页</a>' in refused.text
    not_hers = editor.get(f"/projects/{web.other_project_id}/evaluate")
    assert not_hers.status_code in (403, 404) and 'id="back-to-project"' not in not_hers.text


def test_the_accounts_page_names_units_and_warns_of_an_unknown_code(web: WebEnv) -> None:
    """Until webflow23 the 账号 page showed a bare unit code, offered no list of the codes known, took a mistyped
    code silently (its officer then saw no project and was refused her own unit's file), and its row fields had no
    names a screen reader could say."""
    admin = web.client("admin")
    page = admin.get("/admin/users").text
    assert '<datalist id="unit-codes"><option value="255101">255101 天津市和平区人民检察院</option>' in page
    assert 'aria-label="editor 的单位编码"><span class="muted unit-name">天津市和平区人民检察院</span>' in page
    assert 'aria-label="保存账号 editor"' in page
    typo = {"csrf_token": csrf_of(admin, "/admin/users"), "username": "qian", "password": "Chu-shi-mima-2026",
            "role": "unit_editor", "unit_code": "25510", "display_name": "钱会计"}
    refused = admin.post("/admin/users", data=typo)  # a mistyped code: refused since replay-x (a warning after before)
    assert refused.status_code == 422 and "库中没有单位编码为「25510」的单位" in refused.text
    made = admin.post("/admin/users", data={**typo, "new_unit": "1"}, follow_redirects=True)
    assert "已创建账号 qian。请把用户名和初始密码告诉本人" in made.text
    assert "（库中还没有该单位）" in made.text
    again = admin.post("/admin/users", data={"csrf_token": csrf_of(admin, "/admin/users"), "username": "sun",
                                             "password": "Chu-shi-mima-2026", "role": "unit_editor",
                                             "unit_code": "255101"}, follow_redirects=True)
    assert "已创建账号 sun" in again.text and "库中还没有单位编码" not in again.text


def test_the_import_preview_says_what_table_and_which_year(web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    """Until webflow23 the preview's 读取结果 said the file's format, unit and money unit only: a 自评表 (corpus r05, a
    PDF whose 资金 column is blank) read as any table, its year nowhere, and a table without a year was not said."""
    admin = web.client("admin")
    preview, _ = upload(admin, seed_path)
    assert '<p id="preview-kind">表格：<strong>项目支出绩效目标表</strong> · 年度：2023、2024</p>' in preview
    preview, _ = upload(admin, CORPUS / "r05_yunnan-changning-shengzhu-selfeval-pagebreak.pdf")
    assert '<p id="preview-kind">表格：<strong>项目支出绩效自评表</strong> · 年度：2022</p>' in preview
    no_year = tmp_path / "no-year.txt"
    no_year.write_text(seed_path.read_text(encoding="utf-8").replace("2024", "").replace("2023", ""),
                       encoding="utf-8")
    preview, _ = upload(admin, no_year)
    assert re.search(r'id="preview-kind">表格：<strong>项目支出绩效目标表</strong> · 年度：'
                     r'<span class="sev sev-warning">表中没有写年度</span>', preview), preview[:3000]


def test_a_refused_sign_in_puts_the_keyboard_on_the_password(web: WebEnv) -> None:
    """Until webflow23 a wrong password came back with the name kept and the focus on the name again."""
    client = web.client()
    refused = client.post("/login", data={"csrf_token": csrf_of(client), "username": "editor", "password": "wrong-one",
                                          "next": "/dashboard"})
    assert refused.status_code == 401
    assert re.search(r'<input name="username" value="editor" autocomplete="username" required>', refused.text)
    assert re.search(r'<input name="password" type="password" autocomplete="current-password" required autofocus '
                     r'aria-invalid="true">', refused.text)
    first = client.get("/login").text
    assert 'autocomplete="username" required autofocus>' in first


def test_the_project_page_says_its_year(web: WebEnv) -> None:
    """Until webflow23 the project page said the year only within the 资金 label (「2023中央」), which many tables
    leave blank (corpus r05: a 2022 自评表, its 资金 empty): the header now says 「2023 年度」 or 「年度未注明」."""
    page = web.client("editor").get(f"/projects/{web.project_ids[1]}").text
    assert '<span id="project-year">2023 年度</span> · 第 1 版' in page
