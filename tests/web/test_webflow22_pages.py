"""webflow22: the pages of a year's end and of the import preview, read by a finance officer."""

from __future__ import annotations

import re
from pathlib import Path

from sqlalchemy import select

from perfbudget.store.schema import projects
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve
from tests.web.test_revisions import upload

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"


def test_an_uploaded_self_evaluation_shows_its_figures_and_fills_the_form(web: WebEnv) -> None:
    """A 自评表 (corpus r16, Word: funds grid 0/0/0 分值 10, each indicator's 实际完成值, 分值, 得分): until webflow22
    its project page showed the targets only (「自评 未自评」, the figures nowhere) and the 自评 form started empty."""
    admin = web.client("admin")
    _, confirm = upload(admin, CORPUS / "r16_anhui-guichi-weituo-selfeval-word-merged.docx")
    assert admin.post(confirm, data={"csrf_token": csrf_of(admin, "/upload")},
                      follow_redirects=False).status_code == 303
    with web.app.state.engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).where(projects.c.name == "委托业务项目")).scalar_one()
    page = admin.get(f"/projects/{pid}").text
    card = re.search(r'<section class="card" id="table-self-evaluation">(.*?)</section>', page, re.S)
    assert card, "the project page shows nothing of the 自评表's own figures"
    figures = card.group(1)
    assert "<th class=\"num\">全年执行数（万元）</th>" in figures and "<th class=\"num\">分值</th>" in figures
    assert "表中得分合计 <strong>80</strong>（分值合计 90，含预算执行）" in figures
    assert re.search(r"<td>基建工程委托业务项目数量</td><td>≥50个</td><td>50</td><td class=\"num\">8</td>"
                     r"<td class=\"num\">8</td>", figures)
    assert "按表中数字填报自评" not in figures  # a draft: 自评 waits for the approval, said so
    assert "项目审核通过后由本单位填报" in figures
    target_page = admin.get(f"/projects/{web.project_ids[0]}").text  # a 绩效目标表 carries no such figures
    assert 'id="table-self-evaluation"' not in target_page

    approve(web.app, pid)
    assert 'id="fill-from-table"' in admin.get(f"/projects/{pid}").text
    form = admin.get(f"/projects/{pid}/evaluate").text
    assert 'id="from-table"' in form and "已按本项目导入的自评表预填" in form
    assert re.search(r'name="executed" value="0"', form) and 'name="execution_weight" value="10"' in form
    assert 'name="actual_1" value="50"' in form and 'name="weight_1" value="8"' in form
    assert 'name="actual_3" value="达成预期指标"' in form and re.search(r'<option value="达成"\s+selected', form)
    assert 'name="score_3" value="8"' in form
    scored = admin.post(f"/projects/{pid}/evaluate", data={"csrf_token": csrf_of(admin, "/account"),
                                                          **_fields(form)})
    # the table's own figures are scored as typed ones: its 分值 add up to 90, said so, every figure kept
    assert scored.status_code == 422 and "分值合计为 90.00 分" in scored.text
    assert 'name="actual_1" value="50"' in scored.text and 'name="score_3" value="8"' in scored.text
    # told of the form on screen, not of a fill-in sheet: 「（第 3 行）」 and 「请在填报表中加一行」 until webflow22
    assert "「基建工程委托业务项目数量」（第 1 个指标）、「委托业务报告合格率」（第 2 个指标）" in scored.text
    assert "（第 3 行）" not in scored.text and "填报表中加一行" not in scored.text
    assert "没有预算数（或为 0），无法计算执行率：请在上方「全年预算数」一栏填写全年预算数" in scored.text
    assert re.search(r'<input name="budget" class="field-error" aria-invalid="true"', scored.text)


def _fields(page: str) -> dict[str, str]:
    """The evaluate form's filled fields as posted (inputs and the chosen 完成等级)."""
    fields = dict(re.findall(r'<input name="([a-z_0-9]+)"[^>]*? value="([^"]*)"', page))
    for name, options in re.findall(r'<select name="(grade_\d+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"\s+selected', options)
        fields[name] = chosen.group(1) if chosen else ""
    return fields


def test_the_preview_findings_say_where_in_the_file(web: WebEnv, seed_path: Path) -> None:
    """全部审核发现 named 「表2 第 3 个指标」 only: the officer could not find the cell in the file. Each finding now
    says where the file holds it (a text's line, a Word table's row and column, a PDF's page) and links to its table."""
    preview, _ = upload(web.client("editor"), seed_path)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    name = next(n for n, line in enumerate(lines) if line.strip() == "服务验收合格率")
    target = next(n for n in range(name, len(lines)) if lines[n].strip() == "≥100%") + 1
    findings = preview.split("全部审核发现", 1)[1].split("</details>", 1)[0]
    assert re.search(r'<a href="#table-2">表2</a> 第 3 个指标 <strong>适当性</strong> '
                     r'「服务验收合格率」写作「≥100%」[^<]*'
                     rf'<span class="muted finding-place">（原文件第{target}行）</span>', findings)
    assert '<a href="#table-2">检察业务、装备及外包服务费</a>' in preview  # the 审核结果 row leads to its table
    assert 'id="table-2"' in preview


def test_a_refused_conclusion_on_the_desk_keeps_the_comment_and_marks_the_field(web: WebEnv) -> None:
    """The desk's 审核结论 refused answered a redirect to the desk: a 退回 without 意见 marked nothing, and an 意见
    typed for a project another reviewer had just approved was lost. The desk now answers at once, the 意见 kept."""
    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, "/account"), "action": "submit",
                                                   "justification": "已核对"})
    token = csrf_of(reviewer, "/account")
    empty = reviewer.post(f"/projects/{pid}/workflow", data={"csrf_token": token, "action": "return",
                                                             "comment": "", "back": "desk"}, follow_redirects=False)
    assert empty.status_code == 422 and "「退回」需要填写意见" in empty.text and 'id="desk-conclusion"' in empty.text
    assert '<textarea name="comment" rows="2" aria-invalid="true" class="invalid" autofocus></textarea>' in empty.text

    approved = reviewer.post(f"/projects/{pid}/workflow", data={"csrf_token": token, "action": "approve",
                                                                "back": "desk", "version": "1"}, follow_redirects=False)
    assert approved.status_code == 303 and approved.headers["location"] == f"/projects/{pid}/review"
    late = reviewer.post(f"/projects/{pid}/workflow", data={"csrf_token": token, "action": "return", "back": "desk",
                                                            "comment": "请补充满意度调查方式"}, follow_redirects=False)
    assert late.status_code == 409 and "项目当前为「审核通过」，不能「退回」" in late.text
    assert "您填写的意见没有记录（项目状态已变，不能再下这个结论）：请补充满意度调查方式" in late.text
