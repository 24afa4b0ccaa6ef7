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
