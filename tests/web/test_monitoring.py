"""Mid-year monitoring (运行监控) in the web app and the API: the fill-in sheet, its upload → the lights →
the 项目支出绩效目标执行监控表 downloads; the same result as ``perfbudget monitor`` on the same sheet; who may."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from perfbudget.cli import app as cli
from perfbudget.readers.cell_values import one_line
from tests.web.conftest import WebEnv, csrf_of
from tests.web.helpers import approve, stored_project

runner = CliRunner()


def _filled_template(web: WebEnv, client: object, pid: int, month: int = 6) -> bytes:
    """The page's fill-in sheet, filled as an officer would: half the budget spent, each quantitative indicator
    at its target, each qualitative one 达成, every one 确定能."""
    response = client.get(f"/projects/{pid}/monitoring/template.xlsx?month={month}")  # type: ignore[attr-defined]
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet is not None
    header_row = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "项目名称")
    headers = {str(sheet.cell(header_row, c).value): c for c in range(1, sheet.max_column + 1)}
    actual = next(c for h, c in headers.items() if "执行情况" in h or h == "实际完成值")
    project, _ = stored_project(web.app, pid)
    assert project.budget.total is not None
    for r in range(header_row + 1, sheet.max_row + 1):
        level3 = sheet.cell(r, headers["三级指标"]).value
        if level3 == "全年执行数":
            sheet.cell(r, actual).value = str(project.budget.total / 2)
        elif level3 in ("全年预算数", "总体目标完成情况") or not level3:
            continue
        else:
            indicator = next(i for i in project.indicators if i.level3 == level3)
            if indicator.target.is_quantitative:
                sheet.cell(r, actual).value = indicator.target.raw.lstrip("≥≤=<>")
            else:
                sheet.cell(r, headers["完成等级"]).value = "达成"
            sheet.cell(r, headers["完成目标可能性"]).value = "确定能"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _upload(client: object, pid: int, data: bytes, month: int = 6) -> object:
    return client.post(f"/projects/{pid}/monitoring/upload",  # type: ignore[attr-defined]
                       data={"csrf_token": csrf_of(client, "/account"), "month": str(month)},  # type: ignore[arg-type]
                       files={"file": ("监控.xlsx", data, "application/octet-stream")})


def test_the_page_takes_the_filled_sheet_and_gives_the_lights_and_downloads(web: WebEnv, tmp_path: Path) -> None:
    pid = web.project_ids[0]
    client = web.client("editor")
    assert 'id="monitoring-link"' in client.get(f"/projects/{pid}").text
    before = client.get(f"/projects/{pid}/monitoring").text
    assert 'id="monitoring-none"' in before and "只有审核通过的项目才能运行监控" in before
    sheet = _filled_template(web, client, pid)
    refused = _upload(client, pid, sheet)
    assert refused.status_code == 409 and "只有审核通过的项目才能运行监控" in refused.text  # type: ignore[attr-defined]
    approve(web.app, pid)
    page = _upload(client, pid, sheet, month=6)
    assert page.status_code == 200, page.text[:2000]  # type: ignore[attr-defined]
    text = page.text  # type: ignore[attr-defined]
    assert "1-6月运行监控已保存" in text and 'id="monitoring-table"' in text
    # half the budget at month 6: 50 % executed, progress 50 % ÷ 6/12 = 100 %, green
    assert 'id="monitoring-budget">绿灯<' in text and "执行率 50.00%" in text
    # the same sheet through the CLI gives the same monitoring, light for light
    document_file = tmp_path / "project.json"
    stored = web.client("admin").get(f"/projects/{pid}/download/json").text
    document_file.write_text(stored, encoding="utf-8")
    sheet_file = tmp_path / "监控.xlsx"
    sheet_file.write_bytes(sheet)
    by_cli = runner.invoke(cli, ["monitor", str(document_file), "-a", str(sheet_file), "-m", "6", "--json"])
    assert by_cli.exit_code == 0, by_cli.output
    cli_projects = json.loads(by_cli.stdout)["projects"]
    web_json = json.loads(client.get(f"/projects/{pid}/monitoring/download/json").text)
    assert [(i["level3"], i["light"], i["progress"]) for i in web_json["projects"][0]["indicators"]] == \
        [(i["level3"], i["light"], i["progress"]) for i in cli_projects[0]["indicators"]]
    assert web_json["projects"][0]["colour"] == cli_projects[0]["colour"]
    assert web_json["projects"][0]["budget_light"] == "green"
    # every download
    xlsx = client.get(f"/projects/{pid}/monitoring/download/xlsx")
    assert xlsx.status_code == 200 and "attachment" in xlsx.headers["content-disposition"]
    workbook = load_workbook(io.BytesIO(xlsx.content))
    # (a label too wide for its cell breaks between its words, print40: read as the readers read it)
    cells = [one_line(str(c.value)) for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert "项目支出绩效目标执行监控表" in cells and "1-6月执行情况" in cells and "汇总" in workbook.sheetnames
    assert client.get(f"/projects/{pid}/monitoring/download/docx").content.startswith(b"PK")
    html = client.get(f"/projects/{pid}/monitoring/download/html").text
    assert "项目支出绩效目标执行监控表" in html and "预警计算说明" in html
    assert client.get(f"/projects/{pid}/monitoring/download/exe").status_code == 404


def test_a_sheet_with_errors_is_shown_with_its_rows_and_nothing_is_saved(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    sheet = _filled_template(web, client, pid)
    workbook = load_workbook(io.BytesIO(sheet))
    ws = workbook.active
    assert ws is not None
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "项目名称")
    likely = next(c for c in range(1, ws.max_column + 1) if ws.cell(header_row, c).value == "完成目标可能性")
    row = next(r for r in range(header_row + 1, ws.max_row + 1) if ws.cell(r, likely).value == "确定能")
    ws.cell(row, likely).value = "有可能"  # then the forecast and the reason are required
    buffer = io.BytesIO()
    workbook.save(buffer)
    page = _upload(client, pid, buffer.getvalue())
    assert page.status_code == 422  # type: ignore[attr-defined]
    assert "未能保存监控结果" in page.text and f"第{row}行" in page.text  # type: ignore[attr-defined]
    assert 'id="monitoring-none"' in page.text  # type: ignore[attr-defined]
    assert client.get(f"/projects/{pid}/monitoring/download/json").status_code == 404
    assert _upload(client, pid, sheet, month=13).status_code == 422  # type: ignore[attr-defined]


def test_who_may_see_and_monitor(web: WebEnv) -> None:
    pid = web.project_ids[0]
    approve(web.app, pid)
    sheet = _filled_template(web, web.client("editor"), pid)
    assert _upload(web.client("viewer"), pid, sheet).status_code == 403  # type: ignore[attr-defined]
    assert _upload(web.client("reviewer"), pid, sheet).status_code == 403  # type: ignore[attr-defined]
    assert _upload(web.client("other_editor"), pid, sheet).status_code == 404  # type: ignore[attr-defined]
    assert _upload(web.client("editor"), pid, sheet).status_code == 200  # type: ignore[attr-defined]
    for role, status in (("viewer", 200), ("reviewer", 200), ("other_editor", 404)):
        assert web.client(role).get(f"/projects/{pid}/monitoring").status_code == status, role
        assert web.client(role).get(f"/projects/{pid}/monitoring/download/xlsx").status_code == status, role
    viewer_page = web.client("viewer").get(f"/projects/{pid}/monitoring").text
    assert "您的角色不能填报运行监控" in viewer_page and 'id="monitoring-form"' not in viewer_page
    assert web.client().get(f"/projects/{pid}/monitoring", follow_redirects=False).status_code == 303


def test_the_api_monitors_like_the_page(any_web: WebEnv) -> None:
    web = any_web  # on SQLite, then on PostgreSQL
    pid = web.project_ids[0]
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    sheet = _filled_template(web, web.client("editor"), pid, month=9)
    files = {"file": ("监控.xlsx", sheet, "application/octet-stream")}
    assert client.get(f"/api/v1/projects/{pid}/monitoring", headers=headers).status_code == 404
    refused = client.post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "9"}, files=files)
    assert refused.status_code == 409 and refused.json()["error"]["code"] == "not_approved"
    approve(web.app, pid)
    bad_month = client.post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "13"},
                            files=files)
    assert bad_month.status_code == 422
    saved = client.post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "9"}, files=files)
    assert saved.status_code == 200, saved.text
    body = saved.json()
    assert body["month"] == 9 and body["monitoring"]["projects"][0]["month"] == 9
    # half the budget by month 9: 50 % ÷ 9/12 = 66.67 %, yellow
    assert body["monitoring"]["projects"][0]["budget_light"] == "yellow"
    got = client.get(f"/api/v1/projects/{pid}/monitoring", headers=headers).json()
    assert got["monitoring"] == body["monitoring"] and got["colour"] == body["colour"]
    page_json = json.loads(web.client("editor").get(f"/projects/{pid}/monitoring/download/json").text)
    assert page_json == body["monitoring"]
    for fmt in ("xlsx", "docx", "html", "json"):
        response = client.get(f"/api/v1/projects/{pid}/monitoring/download/{fmt}", headers=headers)
        assert response.status_code == 200, (fmt, response.text[:200])
    # the 监控表 names the year monitored (it printed 「监控期间：1-9月」), on the page's download and the API's
    year = stored_project(web.app, pid)[0].fund_year
    for url, auth in ((f"/api/v1/projects/{pid}/monitoring/download/xlsx", headers),
                      (f"/projects/{pid}/monitoring/download/xlsx", None)):
        response = (client.get(url, headers=auth) if auth else web.client("editor").get(url))
        cells = [str(c.value) for ws in load_workbook(io.BytesIO(response.content)).worksheets
                 for row in ws.iter_rows() for c in row if c.value]
        assert f"监控期间：{year}年1-9月" in cells, url
        assert f"{year}%E5%B9%B41-9" in response.headers["content-disposition"], url  # 「2024年1-9月」 in the name
    viewer = {"Authorization": f"Bearer {web.token('viewer')}"}
    assert client.post(f"/api/v1/projects/{pid}/monitoring", headers=viewer, data={"month": "9"},
                       files=files).status_code == 403
    other = {"Authorization": f"Bearer {web.token('other_editor')}"}
    assert client.get(f"/api/v1/projects/{pid}/monitoring", headers=other).status_code == 404
    broken = client.post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "9"},
                         files={"file": ("x.csv", "项目名称,三级指标\n不存在,全年执行数\n".encode(), "text/csv")})
    assert broken.status_code == 422 and broken.json()["error"]["details"]


def _typed(web: WebEnv, pid: int, month: int = 6) -> dict[str, str]:
    """The page's typed form filled as ``_filled_template`` fills the sheet: half the budget, each indicator at its
    target (qualitative: 达成), each 确定能."""
    project, _ = stored_project(web.app, pid)
    assert project.budget.total is not None
    values = {"month": str(month), "executed": str(project.budget.total / 2)}
    for n, indicator in enumerate(project.indicators, 1):
        if indicator.target.is_quantitative:
            values[f"actual_{n}"] = indicator.target.raw.lstrip("≥≤=<>")
        else:
            values[f"grade_{n}"] = "达成"
        values[f"likelihood_{n}"] = "确定能"
    return values


def test_the_typed_form_is_checked_and_lit_like_the_uploaded_sheet(web: WebEnv) -> None:
    """The monitoring page had only download-the-sheet / upload-it: now a form for the same values, read by the same
    use case (app.evaluations.monitor): an error names the indicator on screen, marks its field and keeps what was
    typed; saved, the lights equal those of the same values in the uploaded sheet."""
    pid = web.project_ids[0]
    client = web.client("editor")
    assert 'id="monitoring-typed-form"' not in client.get(f"/projects/{pid}/monitoring").text  # not approved yet
    approve(web.app, pid)
    page = client.get(f"/projects/{pid}/monitoring").text
    assert 'id="monitoring-typed-form"' in page and 'name="likelihood_1"' in page and 'name="reason_1"' in page
    project, _ = stored_project(web.app, pid)
    values = _typed(web, pid)
    token = csrf_of(client, f"/projects/{pid}/monitoring")
    wrong = {**values, "likelihood_2": "有可能", "reason_2": "其他", "deviation_2": "设备到货延迟"}  # no forecast
    refused = client.post(f"/projects/{pid}/monitoring/form", data={"csrf_token": token, **wrong})
    assert refused.status_code == 422
    second = project.indicators[1].level3
    assert f"第 2 个指标「{second}」：完成目标可能性为「有可能」，须填写全年预计完成情况" in refused.text
    assert re.search(r'<input name="forecast_2" class="field-error" aria-invalid="true"', refused.text)
    assert 'value="设备到货延迟"' in refused.text and re.search(r'<option value="有可能" selected>', refused.text)
    assert client.get(f"/projects/{pid}/monitoring/download/json").status_code == 404  # nothing saved
    bad_reason = client.post(f"/projects/{pid}/monitoring/form",
                             data={"csrf_token": token, **values, "likelihood_1": "完全不可能", "forecast_1": "5",
                                   "reason_1": "天气"})
    assert bad_reason.status_code == 422 and "偏差原因「天气」无效" in bad_reason.text
    assert re.search(r'<select name="reason_1" class="field-error"', bad_reason.text)
    saved = client.post(f"/projects/{pid}/monitoring/form", data={"csrf_token": token, **values})
    assert saved.status_code == 200 and "1-6月运行监控已保存" in saved.text, saved.text[:2000]
    typed = json.loads(client.get(f"/projects/{pid}/monitoring/download/json").text)
    assert _upload(client, pid, _filled_template(web, client, pid)).status_code == 200  # type: ignore[attr-defined]
    uploaded = json.loads(client.get(f"/projects/{pid}/monitoring/download/json").text)
    assert [(i["level3"], i["light"], i["progress"]) for i in typed["projects"][0]["indicators"]] == \
        [(i["level3"], i["light"], i["progress"]) for i in uploaded["projects"][0]["indicators"]]
    assert typed["projects"][0]["budget_light"] == uploaded["projects"][0]["budget_light"] == "green"
    viewer = web.client("viewer")
    refused_role = viewer.post(f"/projects/{pid}/monitoring/form",
                               data={"csrf_token": csrf_of(viewer, "/account"), **values})
    assert refused_role.status_code == 403 and "您的角色不能填报运行监控" in refused_role.text


def test_a_sheet_of_another_month_is_refused_by_every_face(web: WebEnv, tmp_path: Path) -> None:
    """The page's 1-9 月 sheet uploaded with the upload form's month 6 (the page's default after a 1-6 月
    monitoring) was read as 1-6 月: cumulative figures against half-year targets, wrong lights, saved
    (replay-f). Page, API and CLI now refuse it, naming the header; nothing is saved."""
    pid = web.project_ids[0]
    approve(web.app, pid)
    client = web.client("editor")
    sheet = _filled_template(web, client, pid, month=9)
    page = _upload(client, pid, sheet, month=6)
    assert page.status_code == 422  # type: ignore[attr-defined]
    assert "「1-9月执行情况」是 1-9 月的执行情况，与监控月份 1-6 月不一致" in page.text  # type: ignore[attr-defined]
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    api = web.client().post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "6"},
                            files={"file": ("监控.xlsx", sheet, "application/octet-stream")})
    assert api.status_code == 422 and api.json()["error"]["code"] == "monitoring_failed"
    assert any("第3行" in d and "与监控月份 1-6 月不一致" in d for d in api.json()["error"]["details"])
    assert client.get(f"/projects/{pid}/monitoring/download/json").status_code == 404  # nothing saved
    document_file, sheet_file = tmp_path / "project.json", tmp_path / "监控.xlsx"
    document_file.write_text(web.client("admin").get(f"/projects/{pid}/download/json").text, encoding="utf-8")
    sheet_file.write_bytes(sheet)
    by_cli = runner.invoke(cli, ["monitor", str(document_file), "-a", str(sheet_file), "-m", "6"])
    assert by_cli.exit_code == 1 and "与监控月份 1-6 月不一致" in by_cli.output
    assert _upload(client, pid, sheet, month=9).status_code == 200  # type: ignore[attr-defined]


def test_the_units_own_monitoring_table_is_taken_as_the_record(web: WebEnv) -> None:
    """kinds24: a unit's published 绩效监控表 (here a Word table, its period 1-6月 in its columns) uploaded instead of
    the fill-in sheet gives the lights from its own figures, on the page and by the API; a month other than its
    period is refused, naming both (until kinds24 every such file was refused: no 项目名称/三级指标 header)."""
    from tests.readers.word_tables import word_file

    pid = web.project_ids[0]
    approve(web.app, pid)
    project, _ = stored_project(web.app, pid)
    assert project.budget.total is not None
    rows = [["项目名称", project.name_cell or project.name, "", "", "", "", ""],
            ["项目资金（万元）", "", "年初预算数", "1-6月执行数", "", "", ""],
            ["", "年度资金总额", str(project.budget.total), str(project.budget.total / 2), "", "", ""],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "完成目标可能性"]]
    for indicator in project.indicators:
        done = indicator.target.raw.lstrip("≥≤=<>") if indicator.target.is_quantitative else "达成"
        rows.append([indicator.level1, indicator.level2, indicator.level3, indicator.target.raw, done, done, "确定能"])
    table = word_file(rows, ["项目支出绩效运行监控表"])
    client = web.client("editor")
    refused = client.post(f"/projects/{pid}/monitoring/upload",
                          data={"csrf_token": csrf_of(client, "/account"), "month": "9"},
                          files={"file": ("监控表.docx", table, "application/octet-stream")})
    assert refused.status_code == 422 and "是 1-6 月的监控表，与监控月份 1-9 月不一致" in refused.text
    page = client.post(f"/projects/{pid}/monitoring/upload",
                       data={"csrf_token": csrf_of(client, "/account"), "month": "6"},
                       files={"file": ("监控表.docx", table, "application/octet-stream")})
    assert page.status_code == 200, page.text[:400]
    saved = json.loads(client.get(f"/projects/{pid}/monitoring/download/json").text)
    assert saved["month"] == 6 and saved["projects"][0]["budget_light"] == "green"  # half the budget by June
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    api = web.client().post(f"/api/v1/projects/{pid}/monitoring", headers=headers, data={"month": "6"},
                            files={"file": ("监控表.docx", table, "application/octet-stream")})
    assert api.status_code == 200, api.text
    assert api.json()["monitoring"]["projects"][0]["indicators"] == saved["projects"][0]["indicators"]


def test_a_stored_monitoring_table_prefills_the_page_with_its_own_figures(web: WebEnv) -> None:
    """kinds25: a stored 绩效监控表's typed figures (its 1-N月执行数, each indicator's Indicator.progress) fill the
    运行监控 form and its month, for the officer to check instead of typing them again (the form was empty)."""
    import dataclasses
    from decimal import Decimal

    from perfbudget.model import Progress
    from perfbudget.store.queries import project_version

    pid = web.project_ids[0]
    with web.app.state.engine.connect() as connection:
        version = project_version(connection, pid)
    assert version is not None
    document = version.document
    project = document.projects[0]
    first, *rest = project.indicators
    progress = Progress("3处", Decimal(3), "处", "10处", Decimal(10), "处", "完全不可能", "不可能", "经费保障",
                        "追加资金")
    monitored = dataclasses.replace(document, kind="monitoring", projects=(dataclasses.replace(
        project, month=9, budget=dataclasses.replace(project.budget, executed=Decimal("8.5")),
        indicators=(dataclasses.replace(first, progress=progress), *rest)),))
    assert web.app.state.store.import_document(monitored, "监控表.json").status == "imported"
    approve(web.app, pid)  # (the page monitors the official version)
    page = web.client("editor").get(f"/projects/{pid}/monitoring").text
    assert 'name="executed" value="8.5"' in page and 'name="actual_1" value="3处"' in page
    assert 'name="forecast_1" value="10处"' in page and '<option value="完全不可能" selected>' in page
    assert '<option value="经费保障" selected>' in page and "纠偏措施：追加资金" in page
    assert '<option value="9" selected>1-9月</option>' in page
