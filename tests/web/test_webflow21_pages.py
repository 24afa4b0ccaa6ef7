"""webflow21: the pages speak to a finance officer, not to whoever deploys or scripts perfbudget."""

from __future__ import annotations

from tests.web.conftest import WebEnv


def test_self_evaluation_and_monitoring_of_a_draft_say_what_to_do_next(web: WebEnv) -> None:
    client = web.client("editor")
    pid = web.project_ids[0]  # a draft, never approved
    evaluate = client.get(f"/projects/{pid}/evaluate")
    assert evaluate.status_code == 409
    assert "尚未审核通过。请先在项目页「送审」，审核人员审核通过后再来填写" in evaluate.text
    monitoring = client.get(f"/projects/{pid}/monitoring").text
    assert "请先在项目页「送审」" in monitoring
    for page in (evaluate.text, monitoring):
        assert "PERFBUDGET_SELF_EVALUATION" not in page  # a deployment's setting, until webflow21 shown to officers


def test_the_edit_page_names_the_upload_page_not_the_command_line(web: WebEnv) -> None:
    page = web.client("editor").get(f"/projects/{web.project_ids[0]}/edit").text
    assert "请在「上传」页把写有新名称的表格作为新项目导入" in page
    assert "perfbudget import" not in page and "/api/v1/documents" not in page


def test_the_edit_page_of_a_returned_project_shows_the_reviewers_word(web: WebEnv) -> None:
    import re

    from tests.web.conftest import csrf_of

    pid = web.project_ids[0]
    editor, reviewer = web.client("editor"), web.client("reviewer")
    token = csrf_of(editor, "/account")
    submitted = editor.post(f"/projects/{pid}/workflow", data={"csrf_token": token, "action": "submit",
                                                               "justification": "已核对"})
    assert "已送审" in submitted.text
    token = csrf_of(reviewer, "/account")
    reviewer.post(f"/projects/{pid}/review/comment", data={"csrf_token": token, "place": "indicator:2:target",
                                                           "text": "请写明次数"})
    reviewer.post(f"/projects/{pid}/workflow", data={"csrf_token": token, "action": "return",
                                                     "comment": "请按单元格意见修改"})
    page = editor.get(f"/projects/{pid}/edit").text
    notes = re.search(r'<section class="card" id="reviewer-notes">(.*?)</section>', page, re.S)
    assert notes, "the edit page of a returned project shows no reviewer's word"
    assert "<strong>退回意见</strong>：请按单元格意见修改" in notes.group(1)
    assert re.search(r"第 2 个指标「[^」]+」的指标值</strong>：请写明次数", notes.group(1))
    rows = page.split('<tr class="indicator-row">')[1:]
    assert "审核意见（指标值）：请写明次数" in rows[1]  # and in the row it concerns, none other
    assert sum("reviewer-note" in row for row in rows) == 1


def test_empty_token_and_audit_lists_say_why(web: WebEnv) -> None:
    admin = web.client("admin")
    tokens = admin.get("/admin/tokens").text
    assert 'id="no-tokens"' in tokens and "令牌由各账号在「账号」页自行创建" in tokens
    account = web.client("editor").get("/account").text
    assert "只在网页上填报、审核，不需要令牌" in account and "您还没有创建令牌。" in account
    audit = admin.get("/admin/audit", params={"user": "nobody-at-all"}).text
    assert "没有符合筛选条件的记录" in audit


def test_self_evaluation_of_a_table_without_budget_says_so(web: WebEnv, tmp_path: object) -> None:
    """A 部门整体 table naming no budget (corpus r29): the 自评 form said 「预算数 」 and 「按预算数  计」, blanks."""
    from pathlib import Path

    from tests.web.conftest import csrf_of
    from tests.web.helpers import approve
    from tests.web.test_revisions import upload

    corpus = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"
    admin = web.client("admin")
    _, confirm = upload(admin, corpus / "r29_jiangxi-fuliang-linye-bumenzhengti-sheet.xlsx")
    done = admin.post(confirm, data={"csrf_token": csrf_of(admin, "/upload")}, follow_redirects=False)
    assert done.status_code == 303
    from sqlalchemy import select

    from perfbudget.store.schema import projects

    with web.app.state.engine.connect() as connection:
        pid = connection.execute(select(projects.c.id).where(projects.c.name == "部门整体支出")).scalar_one()
    approve(web.app, pid)
    page = admin.get(f"/projects/{pid}/evaluate")
    assert page.status_code == 200
    assert "全年执行数（金额单位未注明，表中没有预算数）" in page.text  # (万元 guessed until 2026-12-05)
    assert "全年预算数（表中没有预算数，请填写全年预算数，用于计算预算执行率）" in page.text
    assert "预算数 ）" not in page.text and "按预算数  计" not in page.text
    monitoring = admin.get(f"/projects/{pid}/monitoring").text
    assert "1-M 月执行数（金额单位未注明，表中没有预算数）" in monitoring
