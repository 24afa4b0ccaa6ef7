"""The finance officer's flows through the pages: edit (with stale refusal), upload → preview → import,
申报, workflow submit → return → resubmit → approve, actuals → evaluation → downloads, history, audit."""

from __future__ import annotations

import io
import re

from openpyxl import load_workbook

from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, as_form, project_form, stored_project


def test_project_page_shows_the_standard_table_with_findings_beside_cells(web: WebEnv) -> None:
    page = web.client("reviewer").get(f"/projects/{web.project_ids[0]}").text
    project, _ = stored_project(web.app, web.project_ids[0])
    assert 'id="target-table"' in page and "一级指标" in page and "审核发现" in page
    for indicator in project.indicators:
        assert indicator.level3 in page and indicator.target.raw in page
    # Every stored finding appears on the page, beside its row or above the table.
    findings = web.client().get(f"/api/v1/projects/{web.project_ids[0]}",
                                headers={"Authorization": f"Bearer {web.token('reviewer')}"}).json()
    for finding in findings["review"]["findings"]:
        assert finding["message"].replace('"', "&#34;").replace("'", "&#39;") in page
        if finding["indicator"] is not None:
            row = re.search(rf'<tr id="indicator-{finding["indicator"]}">(.*?)</tr>', page, re.S)
            assert row and finding["message"].split("「")[0] in row.group(1)


def test_dashboard_shows_counts_charts_and_the_ten_projects(web: WebEnv) -> None:
    page = web.client("admin").get("/dashboard?year=all").text
    assert 'id="stat-projects">11<' in page and 'id="stat-units">2<' in page  # the seed's 10 and another unit's 1
    assert page.count('class="project-link"') == 11 and page.count("<svg") == 4
    default = web.client("admin").get("/dashboard").text  # the latest year: 2024 (8 of the seed's, 1 other)
    assert 'id="stat-projects">9<' in default and "2024 年度总览" in default
    assert "审核等级" in page and "审核发现（按维度" in page and "流程状态" in page and "自评等级" in page
    editor = web.client("editor").get("/dashboard?year=all").text
    assert 'id="stat-projects">10<' in editor and 'id="stat-units">1<' in editor


def test_edit_a_target_then_a_stale_edit_is_refused(web: WebEnv) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    first, second = web.client("editor"), web.client("admin")
    response = first.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(first, "/account"), version,
                                                                     {1: "≥99次"}))
    assert response.status_code == 200 and f"已保存为第 {version + 1} 版" in response.text
    edited, new_version = stored_project(web.app, pid)
    assert new_version == version + 1 and edited.indicators[0].target.raw == "≥99次"
    assert str(edited.indicators[0].target.value) == "99"
    # The admin had opened version `version` too: saving over the editor's change is refused.
    response = second.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(second, "/account"), version,
                                                                      {2: "≥1次"}))
    assert response.status_code == 409
    assert "保存被拒绝" in response.text and f"第 {version + 1} 版" in response.text
    assert stored_project(web.app, pid)[1] == new_version  # nothing written
    history = first.get(f"/projects/{pid}/history").text
    assert "editor（网页修改）" in history and "≥99次" in history


def test_edit_with_errors_is_not_saved_and_check_reads_targets_as_typed(web: WebEnv) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    client = web.client("editor")
    data = project_form(project, csrf_of(client, "/account"), version, {1: ""})
    response = client.post(f"/projects/{pid}/edit", data=data)
    assert response.status_code == 422 and "缺少指标值" in response.text
    check = client.post(f"/projects/{pid}/check", data=project_form(project, csrf_of(client, "/account"), version,
                                                                     {1: "≥105%"}))
    assert 'id="check-r1"' in check.text and "定量 ≥ 105 %" in check.text
    assert "hx-swap-oob" in check.text and "审核" in check.text


def test_upload_preview_then_confirm(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    client = web.client("editor")
    text = seed_path.read_text(encoding="utf-8").replace("≥12次", "≥13次", 1)
    response = client.post("/upload", data={"csrf_token": csrf_of(client, "/upload")},
                           files={"file": ("修改后的目标表.txt", text.encode("utf-8"), "text/plain")})
    assert response.status_code == 200 and 'id="preview-count">10<' in response.text
    assert "审核结果" in response.text and "确认导入" in response.text
    confirm = re.search(r'action="(/upload/\d+/confirm)"', response.text)
    assert confirm
    done = client.post(confirm.group(1), data={"csrf_token": csrf_of(client, "/upload")})
    assert "已导入「修改后的目标表.txt」：新项目 0 个，新版本 1 个，未变化 9 个" in done.text
    assert done.text.count('class="project-link"') == 10  # the unit page lists the seed's 10 projects
    assert client.post(confirm.group(1), data={"csrf_token": csrf_of(client, "/upload")}).status_code == 404


def test_upload_of_another_units_file_is_refused(web: WebEnv, seed_path) -> None:  # type: ignore[no-untyped-def]
    client = web.client("other_editor")
    response = client.post("/upload", data={"csrf_token": csrf_of(client, "/upload")},
                           files={"file": ("seed.txt", seed_path.read_bytes(), "text/plain")})
    assert "您只能导入本单位（999001）的文件" in response.text and "确认导入" not in response.text
    confirm = re.search(r'/upload/(\d+)', str(response.url))
    assert confirm
    refused = client.post(f"/upload/{confirm.group(1)}/confirm", data={"csrf_token": csrf_of(client, "/upload")})
    assert refused.status_code == 403
    # nothing of the unit's stored projects is told: no fates, versions or differences (replay-d)
    changed = seed_path.read_text(encoding="utf-8").replace("≥12次", "≥13次", 1).encode("utf-8")
    response = client.post("/upload", data={"csrf_token": csrf_of(client, "/upload")},
                           files={"file": ("seed.txt", changed, "text/plain")})
    assert "您只能导入本单位（999001）的文件" in response.text
    assert "与库中" not in response.text and "保存为新版本" not in response.text and "fate-" not in response.text


def test_upload_of_a_broken_file_shows_its_problems(web: WebEnv) -> None:
    client = web.client("admin")
    response = client.post("/upload", data={"csrf_token": csrf_of(client, "/upload")},
                           files={"file": ("bad.json", b'{"format": "perfbudget/1", "unit": 3}', "application/json")})
    assert response.status_code == 200 and "读取问题" in response.text and "确认导入" not in response.text


DECLARE = {
    "unit_code": "255101", "name": "2025年档案数字化项目", "fund_source": "市级", "fund_year": "2025",
    "budget_total": "30.00", "budget_fiscal": "30.00", "budget_other": "", "money_unit": "万元",
    "purpose": "档案扫描与数字化加工", "goals": "1.完成历史档案数字化\n2.提升档案查询效率",
}
ROWS = [("产出指标", "数量指标", "档案数字化数量", "完成扫描的档案卷数", "≥5000卷"),
        ("产出指标", "质量指标", "数字化合格率", "验收合格的比例", "≥98%"),
        ("产出指标", "时效指标", "完成时间", "全部完成的时间", "2025年12月底前"),
        ("效益指标", "社会效益指标", "档案查询时间", "平均查询用时", "≤5分钟"),
        ("满意度指标", "服务对象满意度指标", "查档群众满意度", "问卷调查", "≥90%")]


def declare_form(csrf: str, rows: list[tuple[str, ...]] = ROWS, **changes: str) -> dict[str, list[str]]:
    data = [("csrf_token", csrf), *({**DECLARE, **changes}.items())]
    for i, (l1, l2, l3, desc, target) in enumerate(rows, 1):
        data += [("rowid", f"n{i}"), ("l1", l1), ("l2", l2), ("l3", l3), ("desc", desc), ("target", target)]
    return as_form(data)


def declare(client, csrf: str) -> str:  # type: ignore[no-untyped-def]
    response = client.post("/declare", data=declare_form(csrf), follow_redirects=False)
    assert response.status_code == 303, response.text[:2000]
    return str(response.headers["location"])


def test_declare_a_project_and_take_it_through_the_workflow(web: WebEnv) -> None:
    editor, reviewer = web.client("editor"), web.client("reviewer")
    page = editor.get("/declare").text
    assert "产出指标" in page and "服务对象满意度指标" in page and "经济成本指标" in page  # framework names offered
    location = declare(editor, csrf_of(editor, "/declare"))
    pid = int(location.rsplit("/", 1)[1])
    project_page = editor.get(location).text
    assert "2025年档案数字化项目" in project_page and "草稿" in project_page and "≥5000卷" in project_page

    def step(client, action: str, comment: str = "") -> str:  # type: ignore[no-untyped-def]
        return client.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(client, "/account"),
                                                               "action": action, "comment": comment,
                                                               "version": "2"}).text

    assert "已送审" in step(editor, "submit")
    assert "不能修改" in editor.get(f"/projects/{pid}/edit").text  # frozen while submitted
    assert "需要填写意见" in step(reviewer, "return")
    assert "已退回" in step(reviewer, "return", "满意度指标请补充调查方式")
    assert "满意度指标请补充调查方式" in editor.get(f"/projects/{pid}").text
    project, version = stored_project(web.app, pid)
    saved = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                   {5: "≥92%"}))
    assert "已保存为第 2 版" in saved.text
    assert "已送审" in step(editor, "submit")
    forbidden = editor.post(f"/projects/{pid}/workflow", data={"csrf_token": csrf_of(editor, "/account"),
                                                               "action": "approve"})
    assert forbidden.status_code == 403
    assert "审核通过" in step(reviewer, "approve")
    # An edit posted to the approved project (a form left open) is refused as the API refuses it: 409, the
    # state named (replay-h: the page answered 422, the API's PUT 409 locked); nothing is stored.
    project, version = stored_project(web.app, pid)
    locked = editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                                    {5: "≥93%"}))
    assert locked.status_code == 409 and "项目当前为「审核通过」，不能修改" in locked.text
    assert stored_project(web.app, pid)[1] == version
    history = editor.get(f"/projects/{pid}/history").text
    for label in ("草稿", "已送审", "已退回", "审核通过", "满意度指标请补充调查方式"):
        assert label in history
    dashboard = web.client("admin").get("/dashboard?year=2025").text
    assert "审核通过" in dashboard and "满意度指标请补充调查方式" in dashboard


def test_declaration_errors_and_duplicates(web: WebEnv) -> None:
    editor = web.client("editor")
    csrf = csrf_of(editor, "/declare")
    response = editor.post("/declare", data=declare_form(csrf, fund_year="20x5", budget_total="abc"))
    assert response.status_code == 422 and "资金年度应为" in response.text and "不是数字" in response.text
    response = editor.post("/declare", data=declare_form(csrf, rows=[(*ROWS[0][:4], "")]))
    assert response.status_code == 422 and "缺少指标值" in response.text
    declare(editor, csrf)
    response = editor.post("/declare", data=declare_form(csrf))
    assert response.status_code == 409 and "已有同名同资金的项目" in response.text
    other = web.client("other_editor")
    response = other.post("/declare", data=declare_form(csrf_of(other, "/declare"), name="别的项目"))
    assert response.status_code == 200 and "其他测试单位" in response.text  # forced to the editor's own unit
    rate = [("产出指标", "数量指标", "覆盖率", "", "≥100%")]
    check = editor.post("/declare/check", data=declare_form(csrf, rows=rate))
    assert "定量 ≥ 100 %" in check.text and "审核" in check.text


def test_actuals_give_the_evaluation_and_its_downloads(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    project, _ = stored_project(web.app, pid)
    client = web.client("editor")
    data = {"csrf_token": csrf_of(client, "/account"), "executed": str(project.budget.total)}
    for position, indicator in enumerate(project.indicators, 1):
        if indicator.target.is_quantitative:
            data[f"actual_{position}"] = indicator.target.raw.lstrip("≥≤=<>")
        else:
            data[f"grade_{position}"] = "达成"
    response = client.post(f"/projects/{pid}/evaluate", data=data)
    assert response.status_code == 200, response.text[:3000]
    assert "自评完成" in response.text and 'id="evaluation-grade">优<' in response.text
    xlsx = client.get(f"/projects/{pid}/evaluation/download/xlsx")
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(xlsx.content))
    cells = [str(c.value) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert any("项目支出绩效自评表" in c for c in cells) and project.name in " ".join(cells)
    for fmt in ("docx", "html", "json"):
        assert client.get(f"/projects/{pid}/evaluation/download/{fmt}").status_code == 200, fmt
    board = web.client("admin").get("/dashboard?year=all").text
    assert "自评等级" in board


def test_actuals_with_problems_are_shown_not_scored(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    response = client.post(f"/projects/{pid}/evaluate", data={"csrf_token": csrf_of(client, "/account"),
                                                              "executed": "abc"})
    assert response.status_code == 422 and "未能打分" in response.text


def test_filled_sheet_upload_gives_the_evaluation(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    template = client.get(f"/projects/{pid}/evaluate/template.xlsx")
    workbook = load_workbook(io.BytesIO(template.content))
    sheet = workbook.active
    assert sheet is not None
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "项目名称")
    headers = {sheet.cell(header_row, c).value: c for c in range(1, sheet.max_column + 1)}
    project, _ = stored_project(web.app, pid)
    for r in range(header_row + 1, sheet.max_row + 1):
        level3 = sheet.cell(r, headers["三级指标"]).value
        if level3 == "全年执行数":
            sheet.cell(r, headers["实际完成值"]).value = str(project.budget.total)
        elif level3 in ("全年预算数", "总体目标完成情况"):  # optional rows, left blank
            continue
        elif level3:
            indicator = next(i for i in project.indicators if i.level3 == level3)
            if indicator.target.is_quantitative:
                sheet.cell(r, headers["实际完成值"]).value = indicator.target.raw.lstrip("≥≤=<>")
            else:
                sheet.cell(r, headers["完成等级"]).value = "部分达成"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = client.post(f"/projects/{pid}/evaluate/upload", data={"csrf_token": csrf_of(client, "/account")},
                           files={"file": ("填好的表.xlsx", buffer.getvalue(), "application/octet-stream")})
    assert response.status_code == 200 and "自评完成" in response.text, response.text[:3000]


def test_downloads_of_the_target_table(web: WebEnv) -> None:
    client = web.client("viewer")
    pid = web.project_ids[0]
    page = client.get(f"/projects/{pid}").text
    formats = re.findall(rf"/projects/{pid}/download/(\w+)", page)
    assert "json" in formats
    for fmt in formats:
        response = client.get(f"/projects/{pid}/download/{fmt}")
        assert response.status_code == 200 and len(response.content) > 100, fmt
    assert client.get(f"/projects/{pid}/download/exe").status_code == 404


def test_audit_log_records_changes_with_before_and_after(web: WebEnv) -> None:
    pid = web.project_ids[0]
    project, version = stored_project(web.app, pid)
    editor = web.client("editor")
    editor.post(f"/projects/{pid}/edit", data=project_form(project, csrf_of(editor, "/account"), version,
                                                           {1: "≥77次"}))
    token = web.token("admin")
    entries = web.client().get("/api/v1/audit?action=project.edit",
                               headers={"Authorization": f"Bearer {token}"}).json()["items"]
    assert entries and entries[0]["user"] == "editor"
    assert entries[0]["before"]["indicators"][0]["target"]["raw"] == project.indicators[0].target.raw
    assert entries[0]["after"]["indicators"][0]["target"]["raw"] == "≥77次"
    page = web.client("admin").get("/admin/audit").text
    assert "修改指标" in page and "≥77次" in page and "创建账号" in page
