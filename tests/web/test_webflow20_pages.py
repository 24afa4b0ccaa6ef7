"""webflow20: the import preview in plain Chinese, and the first page of a new account says what to do first."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import FastAPI

from tests.web.conftest import PASSWORD, WebEnv, csrf_of, login


def test_the_preview_names_the_form_in_chinese_the_money_unit_and_indicators_by_number(web: WebEnv,
                                                                                    seed_path: Path) -> None:
    client = web.client("editor")
    response = client.post("/upload", data={"csrf_token": csrf_of(client, "/upload")},
                           files={"file": ("目标表.txt", seed_path.read_bytes(), "text/plain")})
    assert response.status_code == 200
    assert 'id="preview-form">格式：文本 · 单位：255101 天津市和平区人民检察院 ·' in response.text  # was 「格式：text」
    word = Path(__file__).parents[1] / "fixtures/real/corpus/r10_guangdong-dongguan-lianwanglu-two-value-sets-word.docx"
    word_page = client.post("/upload", data={"csrf_token": csrf_of(client, "/upload")},
                            files={"file": (word.name, word.read_bytes(), "application/octet-stream")}).text
    assert "格式：Word（.docx） · 单位：东莞市交通运输局 ·" in word_page  # no blank where the code is missing
    assert '<th class="num">预算（万元）</th>' in response.text
    assert " 第 1 个指标 " in response.text and "第1行" not in response.text  # an indicator's number, not a file line


def test_a_new_editor_and_a_reviewer_are_told_what_comes_first(empty_app: FastAPI) -> None:
    from fastapi.testclient import TestClient

    from perfbudget.app.accounts import create_user
    from perfbudget.app.roles import Role

    engine = empty_app.state.engine
    for name, role, unit in (("editor", Role.UNIT_EDITOR, "400001"), ("reviewer", Role.REVIEWER, None)):
        assert not isinstance(create_user(engine, name, PASSWORD, role, unit, new_unit=True), str)
    editor = TestClient(empty_app, base_url="http://testserver")
    login(editor, "editor")
    page = editor.get("/dashboard").text
    assert 'id="first-steps"' in page and "还没有项目" in page
    assert 'href="/upload"' in page and 'href="/declare"' in page
    reviewer = TestClient(empty_app, base_url="http://testserver")
    login(reviewer, "reviewer")
    page = reviewer.get("/dashboard").text
    assert "还没有项目：各单位上传或申报" in page and "审核队列" in page and 'href="/declare"' not in page


def test_a_reviewer_with_nothing_to_review_is_told_so(web: WebEnv) -> None:
    page = web.client("reviewer").get("/dashboard").text
    assert 'id="queue-empty">目前没有待审核的项目。' in page and 'id="first-steps"' not in page


def test_a_project_returned_in_another_year_is_not_hidden_by_the_year_shown(web: WebEnv) -> None:
    from perfbudget.app.workflow import take_step
    from tests.web.test_webflow20_workflow import principal_of

    store = web.app.state.store
    seed_2023 = web.project_ids[1]  # the seed's 2023 project; 2024 has most drafts and is the work year
    assert take_step(store, principal_of(web, "editor"), seed_2023, "submit", None, "已核对", review_errors=0,
                     version_required="").ok
    assert take_step(store, principal_of(web, "reviewer"), seed_2023, "return", "请补充数量指标",
                     version_required="").ok
    editor = web.client("editor")
    page = editor.get("/dashboard").text
    assert "2024 年度总览" in page
    assert re.search(r'id="todo-elsewhere">其他年度还有：<a href="/projects\?year=2023&amp;state=returned[^"]*">'
                     r"2023 年度被退回 1 个</a>", page), page[page.find("我的待办"):][:1500]
    listed = editor.get("/projects?year=2023&state=returned").text
    assert "检察业务、装备及外包服务费" in listed
    reviewer_page = web.client("reviewer").get("/dashboard").text
    assert 'id="todo-elsewhere"' not in reviewer_page  # nothing submitted in another year


def test_a_refused_new_account_keeps_what_was_typed_and_a_new_account_is_no_admin_by_default(web: WebEnv) -> None:
    admin = web.client("admin")
    page = admin.get("/admin/users").text
    assert re.search(r'<select name="role" id="new-role">.*?<option value="unit_editor" selected>', page, re.S)
    assert '<option value="admin" selected>' not in page.split('id="new-role"')[1].split("</select>")[0]
    response = admin.post("/admin/users", data={"csrf_token": csrf_of(admin, "/account"), "username": "zhang-kj",
                                                "display_name": "张会计", "password": "long-enough-1",
                                                "role": "unit_editor", "unit_code": ""})
    assert response.status_code == 422 and "必须指定所属单位编码" in response.text
    assert 'name="username" value="zhang-kj"' in response.text and 'name="display_name" value="张会计"' in response.text
    assert "long-enough-1" not in response.text  # never the password


def test_an_editors_table_without_a_unit_code_says_how_to_import_it(web: WebEnv) -> None:
    corpus = Path(__file__).parents[1] / "fixtures/real/corpus"
    text = (corpus / "01_sichuan-guangyuan-zhaohua-weijian-2021-target-tekunjiating.txt").read_text(encoding="utf-8")
    other = web.client("other_editor")  # unit 999001
    response = other.post("/upload", data={"csrf_token": csrf_of(other, "/upload")},
                          files={"file": ("目标表.txt", text.encode("utf-8"), "text/plain")})
    assert "文件中的单位「区卫生健康局」没有写单位编码" in response.text
    assert "请在表头的单位名称前写上本单位编码（如「999001-区卫生健康局」）后重新导入" in response.text
    assert "未注明编码" not in response.text
    # done as told, the file is the unit's own
    fixed = text.replace("区卫生健康局", "999001-区卫生健康局", 1)
    response = other.post("/upload", data={"csrf_token": csrf_of(other, "/upload")},
                          files={"file": ("目标表.txt", fixed.encode("utf-8"), "text/plain")})
    assert "没有写单位编码" not in response.text and "您只能导入本单位" not in response.text
