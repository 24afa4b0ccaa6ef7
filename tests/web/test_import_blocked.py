"""A file with an error in one table, through every face (issue 14 point 3): the preview (web and API)
and the CLI name each blocked table with its reason and location; nothing is imported unless the user
asks for the complete error-free tables (「导入其余 N 个完整项目」, skip_blocked=true, --skip-blocked)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import stored_project
from tests.web.test_revisions import VIDEO, VIDEO_15, cli_import, confirm_form, upload

BUDGET_3 = ("\t预算数\n\t21.62\n", "\t预算数\n\t二十一万\n")  # 表3「检察装备经费」, line 177
REASON = "第177行：预算数「二十一万」不是金额"


def spoiled(seed_path: Path, folder: Path) -> Path:
    """The seed with 表1's first target changed (≥15次) and 表3's 预算数 unreadable."""
    text = seed_path.read_text(encoding="utf-8").replace(VIDEO, VIDEO_15).replace(*BUDGET_3, 1)
    path = folder / "有错误的表.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_web_preview_names_each_blocked_table_and_imports_the_rest_only_when_asked(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    client = web.client("editor")
    preview, confirm = upload(client, spoiled(seed_path, tmp_path))
    blocked = re.search(r'<section class="card" id="blocked-tables">(.*?)</section>', preview, re.S)
    assert blocked and "表3「检察装备经费」" in blocked.group(1) and REASON in blocked.group(1)
    assert 'id="some-blocked"' in preview and 'class="flash error blocked-reason">不能导入：' + REASON in preview
    assert confirm and 'id="import-rest">导入其余 9 个完整项目<' in preview and 'id="confirm-import"' not in preview
    assert 'name="expected_3"' not in preview  # the blocked table is not part of the import
    token = csrf_of(client, "/upload")
    # a form without skip_blocked (an old page, a hand-made request) imports nothing and says why
    form = confirm_form(preview, token)
    refused = client.post(confirm, data=form)
    assert "未导入：表3「检察装备经费」：" + REASON in refused.text
    assert stored_project(web.app, web.project_ids[0])[1] == 1
    done = client.post(confirm, data={**form, "skip_blocked": "1"})
    assert done.status_code == 200
    assert "已导入「有错误的表.txt」：新项目 0 个，新版本 1 个，未变化 8 个" in done.text
    assert "表3「检察装备经费」有错误，未导入：" + REASON in done.text
    project, version = stored_project(web.app, web.project_ids[0])
    assert version == 2 and project.indicators[0].target.raw == "≥15次"


def test_a_file_whose_error_belongs_to_no_table_offers_no_import(web: WebEnv, tmp_path: Path) -> None:
    path = tmp_path / "没有表.txt"
    path.write_text("这不是绩效目标表\n只有两行文字\n", encoding="utf-8")
    preview, confirm = upload(web.client("editor"), path)
    assert not confirm and 'id="file-blocked"' in preview and 'id="file-errors"' in preview


def test_the_api_preview_lists_blocked_tables_and_imports_the_rest_with_skip_blocked(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    path = spoiled(seed_path, tmp_path)
    preview = client.post("/api/v1/uploads", headers=headers,
                          files={"file": (path.name, path.read_bytes(), "text/plain")}).json()
    [blocked] = preview["blocked_tables"]
    assert (blocked["position"], blocked["name"], blocked["reason"]) == (3, "检察装备经费", REASON)
    assert blocked["problems"][0]["source"]["line"] == 177 and blocked["problems"][0]["where"] == "第177行"
    assert not preview["can_import"] and preview["can_import_rest"] and preview["rest_count"] == 9
    assert [f["position"] for f in preview["plan"]] == [1, 2, 4, 5, 6, 7, 8, 9, 10]
    assert preview["plan"][0]["fate"] == "changed" and not preview["file_errors"]
    url = f"/api/v1/uploads/{preview['upload_id']}/import"
    refused = client.post(url, headers=headers, json={})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "import_failed"
    details = refused.json()["error"]["details"]
    assert details[0] == "表3「检察装备经费」有错误，未导入：" + REASON and "skip_blocked=true" in details[-1]
    assert stored_project(web.app, web.project_ids[0])[1] == 1
    expected = [{"position": f["position"], "latest_version": f["latest_version"]} for f in preview["plan"]]
    done = client.post(url, headers=headers, json={"skip_blocked": True, "expected": expected})
    assert done.status_code == 200, done.text
    body = done.json()
    assert (body["status"], body["changed_projects"], body["unchanged_projects"]) == ("imported", 1, 8)
    assert body["refused_tables"][0]["message"].startswith("表3「检察装备经费」有错误")
    assert stored_project(web.app, web.project_ids[0])[1] == 2


def test_the_cli_names_each_blocked_table_and_imports_the_rest_with_skip_blocked(
        web: WebEnv, seed_path: Path, tmp_path: Path) -> None:
    path = spoiled(seed_path, tmp_path)
    code, stdout, stderr = cli_import(web, str(path))
    assert code == 1 and "失败 1 个" in stdout
    assert f"{path}:177: 错误：表3「检察装备经费」有错误，未导入：{REASON}" in stderr
    assert "其余 9 个完整无误的项目也未导入：只导入它们请用命令行 --skip-blocked" in stderr
    assert stored_project(web.app, web.project_ids[0])[1] == 1
    code, stdout, stderr = cli_import(web, str(path), "--skip-blocked")
    assert code == 1  # a table was left out: the exit code says so
    assert "新项目 0 个，新版本 1 个" in stdout and "1 个有错误的表格未导入" in stderr
    assert stored_project(web.app, web.project_ids[0])[1] == 2


def test_the_readers_notes_and_cuts_are_shown_in_their_own_table(web: WebEnv) -> None:
    sample = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "samples"
    text = (sample / "25_tianjin-hebeiqu-fayuan-2023-target-2projects.txt").read_text(encoding="utf-8")
    client = web.client("admin")
    page = client.post("/upload/paste", data={"csrf_token": csrf_of(client, "/upload"), "text": text}).text
    tables = dict(re.findall(r'<details class="table-as-read" id="table-(\d)".*?</summary>(.*?)</details>', page, re.S))
    first = re.search(r'<ul class="problems table-notes">(.*?)</ul>', tables["1"], re.S)
    second = re.search(r'<ul class="problems table-notes">(.*?)</ul>', tables["2"], re.S)
    assert first and "资金标签「2023中央」取自表题" in first.group(1) and "表格在此中断" not in first.group(1)
    assert second and "第31行 第1列：表格在此中断" in second.group(1)
    assert 'id="file-notes"' not in page  # every note of this file belongs to a table


def _json_body(seed_path: Path) -> dict:  # type: ignore[type-arg]
    """The seed as perfbudget/1 JSON with 表1's first target changed (≥15次), 表3's 预算数 not a number
    and 表5's name holding a control character."""
    from perfbudget.interchange import document_to_dict
    from perfbudget.load import load_path

    data = document_to_dict(load_path(seed_path).document)  # type: ignore[arg-type]
    data["projects"][0]["indicators"][0]["target"] = {"raw": "≥15次"}
    data["projects"][2]["budget"]["total"] = "二十一万"
    data["projects"][4]["name"] = "项目\x00名称"
    return data


def test_a_json_document_names_each_blocked_table_and_imports_the_rest_with_skip_blocked(
        web: WebEnv, seed_path: Path) -> None:
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    body = _json_body(seed_path)
    refused = client.post("/api/v1/documents", headers=headers, json=body)
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "invalid_document"
    error = refused.json()["error"]
    assert "skip_blocked=true" in error["message"]
    tables = [(d["table"], d["name"], d["location"]) for d in error["details"][:-1]]
    assert tables[0] == (3, "检察装备经费", "projects[2].budget.total")
    assert (5, "项目\x00名称", "projects[4].name") in tables and {t for t, _, _ in tables} == {3, 5}
    assert "控制字符" in error["details"][1]["message"]
    assert error["details"][-1]["table"] is None and "其余 8 个" in error["details"][-1]["message"]
    assert stored_project(web.app, web.project_ids[0])[1] == 1  # nothing imported
    dry = client.post("/api/v1/documents?dry_run=true&skip_blocked=true", headers=headers, json=_json_body(seed_path))
    assert dry.status_code == 200 and dry.json()["status"] == "dry_run"
    assert [f["position"] for f in dry.json()["plan"]] == [1, 2, 4, 6, 7, 8, 9, 10]
    assert [r["message"][:4] for r in dry.json()["refused_tables"]] == ["表3「检", "表5「项"]
    assert stored_project(web.app, web.project_ids[0])[1] == 1
    done = client.post("/api/v1/documents?skip_blocked=true", headers=headers, json=_json_body(seed_path))
    assert done.status_code == 200, done.text
    result = done.json()
    assert (result["status"], result["changed_projects"], result["unchanged_projects"]) == ("imported", 1, 7)
    first = result["refused_tables"][0]["message"]
    assert first.startswith("表3「检察装备经费」有错误，未导入：projects[2].budget.total：")
    assert result["refused_tables"][1]["message"].startswith("表5「项目\x00名称」有错误，未导入：projects[4].name：")
    project, version = stored_project(web.app, web.project_ids[0])
    assert version == 2 and project.indicators[0].target.raw == "≥15次"


def test_a_json_document_with_nothing_importable_is_refused_even_with_skip_blocked(
        web: WebEnv, seed_path: Path) -> None:
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    body = _json_body(seed_path)
    body["projects"] = [body["projects"][2]]
    for url in ("/api/v1/documents", "/api/v1/documents?skip_blocked=true"):
        refused = client.post(url, headers=headers, json=body)
        assert refused.status_code == 422, refused.text
        error = refused.json()["error"]
        assert error["message"] == "文档有错误，不能导入" and len(error["details"]) == 1
        assert error["details"][0]["location"] == "projects[0].budget.total"
    # an error of the document as a whole (its money unit) blocks everything, whatever is asked
    whole = _json_body(seed_path)
    whole["projects"] = whole["projects"][:2]
    del whole["money_unit"]
    refused = client.post("/api/v1/documents?skip_blocked=true", headers=headers, json=whole)
    assert refused.status_code == 422 and refused.json()["error"]["details"][0]["table"] is None
    assert stored_project(web.app, web.project_ids[0])[1] == 1


def test_the_openapi_documents_skip_blocked_for_json_documents(web: WebEnv) -> None:
    spec = web.client().get("/api/openapi.json").json()
    operation = spec["paths"]["/api/v1/documents"]["post"]
    [param] = [p for p in operation["parameters"] if p["name"] == "skip_blocked"]
    assert param["in"] == "query" and param["schema"]["type"] == "boolean" and param["schema"]["default"] is False
    assert "refused_tables" in param["description"] and "skip_blocked=true" in operation["description"]
