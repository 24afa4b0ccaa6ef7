"""The reviewer's desk (issue 14 point 2): decisions with reasons (kept, audited, carried while the
cell is unchanged), cell comments, the reviewer's grade, batch steps, the 审核意见书."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from sqlalchemy import select

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import stored_project


def _first_key(page: str) -> str:
    found = re.search(r'name="key" value="([0-9a-f]{64})"', page)
    assert found, "no finding on the desk"
    return found.group(1)


def test_dismiss_comment_grade_and_the_opinion(web: WebEnv) -> None:
    from docx import Document as WordDocument

    from perfbudget.store.records import audit_log

    pid = web.project_ids[0]
    reviewer = web.client("reviewer")
    desk = reviewer.get(f"/projects/{pid}/review").text
    key = _first_key(desk)
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    refused = reviewer.post(f"/projects/{pid}/review/decide",
                            data={"csrf_token": token, "key": key, "decision": "dismissed", "reason": " "})
    assert "请填写理由" in refused.text
    reviewer.post(f"/projects/{pid}/review/decide",
                  data={"csrf_token": token, "key": key, "decision": "dismissed", "reason": "该指标为行业通用口径"})
    reviewer.post(f"/projects/{pid}/review/comment",
                  data={"csrf_token": token, "place": "indicator:1:target", "text": "请写明测算依据"})
    reviewer.post(f"/projects/{pid}/review/grade", data={"csrf_token": token, "grade": "良", "reason": "总体可行"})
    desk = reviewer.get(f"/projects/{pid}/review").text
    assert "驳回（不成立）：该指标为行业通用口径" in desk and "请写明测算依据" in desk
    assert re.search(r'id="reviewer-grade"><span class="badge g-良">良</span>（正式）', desk)
    project_page = reviewer.get(f"/projects/{pid}").text
    official = r'id="official-grade"><span class="badge g-良">良</span></span>（审核人员评定；系统评定'
    assert re.search(official, project_page)
    with web.app.state.engine.connect() as connection:
        actions = set(connection.execute(select(audit_log.c.action)).scalars())
    assert {"finding.dismissed", "review.comment", "review.grade"} <= actions

    opinion = reviewer.get(f"/projects/{pid}/opinion.html").text
    assert "审核意见书" in opinion and "请写明测算依据" in opinion and 'class="official-grade">良<' in opinion
    assert "该指标为行业通用口径" not in opinion  # a dismissed finding is not in the opinion
    word = reviewer.get(f"/projects/{pid}/opinion.docx")
    assert word.status_code == 200
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs)
    assert "请写明测算依据" in text and "审核等级：良（审核人员评定" in text
    # the API gives the same Word opinion (replay-g: web only), to whoever may read the project
    api = web.client().get(f"/api/v1/projects/{pid}/opinion.docx",
                           headers={"Authorization": f"Bearer {web.token('reviewer')}"})
    assert api.status_code == 200 and "attachment" in api.headers["content-disposition"]
    assert "\n".join(p.text for p in WordDocument(io.BytesIO(api.content)).paragraphs) == text
    assert web.client().get(f"/api/v1/projects/{web.other_project_id}/opinion.docx",
                            headers={"Authorization": f"Bearer {web.token('editor')}"}).status_code == 404
    # editors read the desk but cannot decide
    editor = web.client("editor")
    assert 'name="key"' not in editor.get(f"/projects/{pid}/review").text
    refused = editor.post(f"/projects/{pid}/review/grade",
                          data={"csrf_token": csrf_of(editor, "/account"), "grade": "优", "reason": ""})
    assert "只有审核人员" in refused.text


def test_a_decision_is_carried_to_a_new_version_while_its_cell_is_unchanged(web: WebEnv) -> None:
    from perfbudget.app.review_desk import load_desk
    from perfbudget.app.roles import Principal, Role

    pid = web.project_ids[0]
    reviewer = web.client("reviewer")
    key = _first_key(reviewer.get(f"/projects/{pid}/review").text)
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    reviewer.post(f"/projects/{pid}/review/decide",
                  data={"csrf_token": token, "key": key, "decision": "confirmed", "reason": "须修改"})
    # the editor saves a new version changing only the purpose
    from dataclasses import replace

    from perfbudget.app.edits import save_edit
    from tests.web.helpers import stored_project

    project, _ = stored_project(web.app, pid)
    editor = Principal(3, "editor", "editor", Role.UNIT_EDITOR, "255101")
    result = save_edit(web.app.state.store, web.app.state.core, editor, pid, 1,
                       replace(project, purpose=(project.purpose or "") + "（调整）"), via="edit")
    assert result.status == "saved", result
    desk = load_desk(web.app.state.store, Principal(2, "reviewer", "reviewer", Role.REVIEWER, None), pid,
                     web.app.state.core)
    carried = [f for f in desk.findings if f.key == key]
    assert carried and carried[0].decision is not None and carried[0].decision["carried"]
    assert "沿用前一版本的处理" in reviewer.get(f"/projects/{pid}/review").text


def _submit(editor: Any, ids: list[int]) -> None:
    for pid in ids:
        editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, f"/projects/{pid}"),
                                                       "action": "submit", "justification": "已核对"})


def test_batch_approve_and_return_from_the_queue(web: WebEnv) -> None:
    editor, reviewer = web.client("editor"), web.client("reviewer")
    ids = web.project_ids[:3]
    _submit(editor, ids)
    queue = reviewer.get("/review/queue").text
    assert queue.count('name="project"') == 3
    token = csrf_of(reviewer, "/review/queue")
    [tick] = re.findall(rf'name="project" value="({ids[0]}:\d+)"', queue)  # the row's version, as the page sends it
    refused = reviewer.post("/review/queue", data={"csrf_token": token, "action": "return", "project": [tick]})
    # a return needs a comment: refused before any step, the ticks kept (webflow23; the API's and CLI's batch name
    # each refused project: replay-g, tests/web/test_desk_faces.py)
    assert refused.status_code == 422 and "「批量退回」需要填写意见" in refused.text
    assert re.search(rf'name="project" value="{tick}"[^>]*checked', refused.text)
    reviewer.post("/review/queue", data={"csrf_token": token, "action": "return", "comment": "请补充",
                                         "project": [str(ids[0])]})
    done = reviewer.post("/review/queue", data={"csrf_token": token, "action": "approve",
                                                "project": [f"{ids[1]}:1", f"{ids[2]}:1"]})
    assert "已审核通过 2 个项目：" in done.text
    assert 'name="project"' not in reviewer.get("/review/queue").text
    assert "审核通过" in reviewer.get(f"/projects/{ids[1]}").text
    unit_id = re.search(r'href="/units/(\d+)"', reviewer.get(f"/projects/{ids[1]}").text).group(1)  # type: ignore[union-attr]
    unit_opinion = reviewer.get(f"/units/{unit_id}/opinion.html?year=all")
    assert unit_opinion.status_code == 200 and unit_opinion.text.count('class="opinion-project"') == 10
    word = reviewer.get(f"/units/{unit_id}/opinion.docx?year=all")
    assert word.status_code == 200 and word.content[:2] == b"PK"


def test_findings_are_placed_as_the_user_sees_them_never_by_a_field_code(web: WebEnv) -> None:
    from docx import Document as WordDocument

    pid = web.project_ids[0]
    reviewer = web.client("reviewer")
    desk = reviewer.get(f"/projects/{pid}/review").text
    cells = re.findall(r"<tr[^>]*>\s*<td>.*?</td>\s*<td>([^<]*)</td>", desk, re.S)
    assert "绩效目标" in cells and "第 7 个指标「保障司法工作正常开展」的指标值" in cells, cells
    assert not [c for c in cells if re.fullmatch(r"[a-z_.0-9]+", c.strip())], cells  # no "goals", "target" …
    opinion = reviewer.get(f"/projects/{pid}/opinion.html").text
    assert "】绩效目标：" in opinion and "】第 7 个指标「保障司法工作正常开展」的指标值：" in opinion
    word = WordDocument(io.BytesIO(reviewer.get(f"/projects/{pid}/opinion.docx").content))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "】绩效目标：" in text and "goals" not in text
    # printed on A4 with page numbers (python-docx's own template is US Letter)
    section = word.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert 'w:instr=" PAGE "' in section.footer._element.xml


TYPED_NUMBERS = ("²", "٢٠٢٤", "9" * 20, "-1")


@pytest.mark.parametrize("number", TYPED_NUMBERS)
def test_a_number_typed_in_any_script_or_size_is_never_a_server_error(web: WebEnv, number: str) -> None:
    """``str.isdigit`` is true of ``²``, which ``int`` refuses; a 20-digit id overflows the database."""
    from urllib.parse import quote

    admin, reviewer = web.client("admin"), web.client("reviewer")
    q = quote(number)
    for path in (f"/dashboard?year={q}", f"/review/queue?year={q}", f"/review/queue?page={q}", f"/projects?year={q}",
                 f"/projects?size={q}", f"/library/groups/{q}", f"/api/v1/projects?year={q}"):
        response = admin.get(path)
        assert response.status_code < 500, (path, response.status_code)
    token = csrf_of(reviewer, "/review/queue")
    answer = reviewer.post("/review/queue", data={"csrf_token": token, "action": "approve", "project": [number]})
    assert answer.status_code < 500 and "请先勾选要处理的项目" in answer.text
    pid = web.project_ids[0]
    editor = web.client("editor")
    edited = editor.post(f"/projects/{pid}/edit", data={"csrf_token": csrf_of(editor, f"/projects/{pid}/edit"),
                                                        "base_version": number})
    assert edited.status_code == 422, edited.status_code


def test_the_opinion_shows_the_return_comment_and_every_cell_comment_to_the_unit(web: WebEnv) -> None:
    """Before: the 审核意见书's 审核意见 held only cell comments; the 退回意见 and the overall 意见 the
    reviewer wrote through the workflow were missing, in the page and in Word."""
    from docx import Document as WordDocument

    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")

    def step(client, action: str, comment: str = "", justification: str = "") -> str:  # type: ignore[no-untyped-def]
        return client.post(f"/projects/{pid}/workflow", data={
            "csrf_token": csrf_of(client, "/account"), "action": action, "comment": comment,
            "justification": justification}).text

    assert "已送审" in step(editor, "submit", justification="指标已按上年口径填报")
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    reviewer.post(f"/projects/{pid}/review/comment",
                  data={"csrf_token": token, "place": "goals", "text": "绩效目标请量化到年度"})
    assert "已退回" in step(reviewer, "return", "请按单元格意见修改后重新送审")
    assert "已退回" in step(reviewer, "comment", "总体意见：测算依据不足")  # an opinion on the whole project
    project_page = editor.get(f"/projects/{pid}").text  # the unit is pointed to the cell comments
    assert 'id="returned-note"' in project_page and f'href="/projects/{pid}/opinion.html"' in project_page
    assert "退回时必填" not in project_page  # the unit cannot return: the comment box says nothing of it
    page = editor.get(f"/projects/{pid}/opinion.html").text
    word = editor.get(f"/projects/{pid}/opinion.docx")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs)
    for shown in (page, text):
        assert "退回意见（第 1 版，reviewer）：请按单元格意见修改后重新送审" in shown
        assert "意见（第 1 版，reviewer）：总体意见：测算依据不足" in shown
        assert "绩效目标：绩效目标请量化到年度（reviewer）" in shown
        assert "指标已按上年口径填报" not in shown  # the unit's own justification is not the reviewer's opinion
        assert "审核人：＿＿＿＿＿＿　　日期：" in shown  # the Word form had no line to sign (print2)
    assert "counter(pages)" in page  # the printed page: 第 n 页，共 m 页 (its style inlined since replay-k)


def test_the_reviewer_returns_a_project_from_the_desk(web: WebEnv) -> None:
    """Before: the desk had no 退回/审核通过: after writing cell comments the reviewer had to find the
    project page to conclude. The unit's editor sees no such form there."""
    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, "/account"), "action": "submit",
                                                   "justification": "已说明"})
    desk = reviewer.get(f"/projects/{pid}/review").text
    assert 'id="desk-conclusion"' in desk and 'value="return"' in desk and 'value="approve"' in desk
    assert 'id="desk-conclusion"' not in editor.get(f"/projects/{pid}/review").text
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    done = reviewer.post(f"/projects/{pid}/workflow",
                         data={"csrf_token": token, "action": "return", "comment": "请补充测算依据"})
    assert "已退回" in done.text
    assert 'id="desk-conclusion"' not in reviewer.get(f"/projects/{pid}/review").text  # nothing left to conclude


def test_a_returned_versions_cell_comments_stay_after_the_unit_saves_a_new_version(web: WebEnv) -> None:
    """Before: cell comments belonged to the version shown, so once the unit saved its corrected version
    the 审核意见书 and the desk lost the comments the project was returned with."""
    from docx import Document as WordDocument

    from tests.web.helpers import project_form, stored_project

    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    reviewer.post(f"/projects/{pid}/review/comment",
                  data={"csrf_token": token, "place": "indicator:1:target", "text": "请写明测算依据"})
    project, version = stored_project(web.app, pid)
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {1: "≥16次"}))
    assert "已保存为第" in saved.text
    name = project.indicators[0].level3
    line = f"第 {version} 版 · 第 1 个指标「{name}」的指标值：请写明测算依据（reviewer）"
    desk = reviewer.get(f"/projects/{pid}/review").text
    assert 'id="earlier-comments"' in desk and "请写明测算依据" in desk
    page = editor.get(f"/projects/{pid}/opinion.html").text
    word = editor.get(f"/projects/{pid}/opinion.docx")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs)
    for shown in (page, text):
        assert "此前版本的单元格意见（供核对修改情况）" in shown and line in shown
    from typer.testing import CliRunner

    from perfbudget.cli import app as cli

    shown_text = CliRunner().invoke(cli, ["desk", "show", str(pid), "--user", "reviewer", "--db", web.url]).output
    assert f"此前版本的意见  {line}" in shown_text, shown_text  # the CLI's text too (its --json only until 2026-12-05)
    # the new version has no comment of its own yet: the current 审核意见 list is not made up
    assert "第 1 个指标「" + name + "」的指标值：请写明测算依据（reviewer）</li>" not in page.split("此前版本")[0]


def test_the_unit_opinion_in_word_prints_its_sign_line_with_the_text_before_it(web: WebEnv, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """print14: LibreOffice printed a unit's 审核意见书 (10 projects, 5 pages) with 「审核人：… 日期：…」 alone on
    its last page; the paragraph before it is now kept with it. All years: 「某院绩效目标审核意见书」
    (was 「某院年度…」)."""
    import pdfplumber
    from docx import Document as WordDocument

    from perfbudget.app.opinion import SIGN_LINE
    from tests.writers.test_print_pdf import _squash, to_pdf

    reviewer = web.client("reviewer")
    pid = web.project_ids[0]
    unit_id = re.search(r'href="/units/(\d+)"', reviewer.get(f"/projects/{pid}").text).group(1)  # type: ignore[union-attr]
    data = reviewer.get(f"/units/{unit_id}/opinion.docx?year=all").content
    word = WordDocument(io.BytesIO(data))
    paragraphs = word.paragraphs
    assert paragraphs[0].text.endswith("院绩效目标\n审核意见书") and "年度" not in paragraphs[0].text
    # (since print26 a unit's projects are tables, each headed by its repeated name: the text before the sign line is
    # the last project's last cell)
    before = word.tables[-1].rows[-1].cells[0].paragraphs[-1]
    assert paragraphs[-1].text == SIGN_LINE and before.paragraph_format.keep_with_next
    path = tmp_path / "意见书.docx"
    path.write_bytes(data)
    with pdfplumber.open(to_pdf([path], tmp_path)[path.name]) as pdf:
        total = len(pdf.pages)
        last = _squash(pdf.pages[-1].extract_text() or "")
    assert total >= 2 and _squash(SIGN_LINE)[:4] in last
    assert last.replace(_squash(SIGN_LINE), "").replace(f"第{total}页，共{total}页", ""), last  # not alone


def test_the_opinion_of_a_table_without_a_fund_label_prints_no_empty_brackets(web: WebEnv) -> None:
    """print16: the 审核意见书 headed each project 「名称（资金性质）」; a real 部门整体 table has no 资金性质 and was
    printed 「部门整体支出（）」 in Word and on the page."""
    from dataclasses import replace
    from pathlib import Path

    from docx import Document as WordDocument

    from perfbudget.app.imports import ImportRequest, import_document
    from perfbudget.app.roles import Principal, Role
    from perfbudget.app.workflow import actor_of
    from perfbudget.load import load_path
    from perfbudget.model import Unit
    from perfbudget.store.account_tables import users
    from perfbudget.store.schema import projects
    from tests.web.conftest import SEED_UNIT

    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    read = load_path(next(corpus.glob("50_*.txt"))).document  # a 部门整体 table
    assert read is not None and read.projects[0].fund_label is None
    document = replace(read, unit=Unit(SEED_UNIT, read.unit.name))  # (the table names no unit code)
    with web.app.state.engine.connect() as connection:
        admin_id = connection.execute(select(users.c.id).where(users.c.username == "admin")).scalar_one()
    admin = Principal(admin_id, "admin", "admin", Role.ADMIN, None)
    imported = import_document(web.app.state.store, web.app.state.core, document, "部门整体.txt",
                               ImportRequest(actor_of(admin), "upload", allow_partial=True, review=True))
    # (allow_partial: the text stops after its 效益 rows, told cut since reading36)
    assert imported.status == "imported", imported
    client = web.client("admin")
    with web.app.state.engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).where(projects.c.name == "部门整体支出")).scalar_one()
    page = client.get(f"/projects/{pid}/opinion.html").text
    assert "<h2>1. 部门整体支出</h2>" in page and "（）" not in page
    headings = [p.text for p in WordDocument(io.BytesIO(client.get(f"/projects/{pid}/opinion.docx").content)).paragraphs
                if p.style.name.startswith("Heading")]
    assert "部门整体支出" in headings and not any("（）" in h for h in headings)


def test_a_batch_step_goes_back_to_the_queue_as_it_was_filtered(web: WebEnv) -> None:
    # After a batch approve or return the queue came back whole, its search, year and unit lost (leftovers19's left
    # item): the form posts to the filtered queue's URL and the step goes back there; the path is always the queue's.
    editor, reviewer = web.client("editor"), web.client("reviewer")
    ids = web.project_ids[:2]
    _submit(editor, ids)
    year = stored_project(web.app, ids[0])[0].fund_year
    page = reviewer.get(f"/review/queue?year={year}&unit=255101&page=2&next=//evil.example").text
    assert f'action="/review/queue?year={year}&amp;unit=255101"' in page, page[:3000]
    token = csrf_of(reviewer, "/review/queue")
    answer = reviewer.post(f"/review/queue?year={year}&unit=255101&next=//evil.example", follow_redirects=False,
                           data={"csrf_token": token, "action": "approve", "project": [str(ids[0])]})
    assert answer.status_code == 303 and answer.headers["location"] == f"/review/queue?year={year}&unit=255101"
    empty = reviewer.post("/review/queue?q=%E8%A7%86%E9%A2%91", follow_redirects=False,
                          data={"csrf_token": token, "action": "approve"})
    # 请先勾选要处理的项目: answered at once (webflow23), its form still posting to the searched queue
    assert empty.status_code == 422 and 'action="/review/queue?q=%E8%A7%86%E9%A2%91"' in empty.text
