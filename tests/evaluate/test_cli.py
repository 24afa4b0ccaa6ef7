"""The template / evaluate / monitor commands end to end, as a new user runs them."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.model import Document

runner = CliRunner()
P5 = "2024年检察业务经费项目-2024市级"


def _fill_csv(template: str, values: dict[str, str]) -> str:
    lines = template.splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split(",")
        if cells[1] in values:
            cells[2:4] = values[cells[1]].split("|")
            out.append(",".join(cells))
    return "\n".join(out) + "\n"


def test_template_then_evaluate(tmp_path: Path, seed_path: Path, seed_document: Document) -> None:
    result = runner.invoke(app, ["template", str(seed_path), "--project", "5"])
    assert result.exit_code == 0, result.output
    template = result.stdout
    assert template.splitlines()[1] == f"{P5},全年执行数,,,,,"
    assert template.splitlines()[0].endswith(",分值")  # weights may be set per indicator
    sheet = tmp_path / "p5.csv"
    sheet.write_text(_fill_csv(template, {
        "全年执行数": "54|", "检察业务保障人数": "126人|", "办案数": "450|", "设备维修维护合格率": "98%|",
        "检察业务费支出合规率": "100|", "检察业务费支付及时率": "95%|", "年度维护成本增长率": "25%|",
        "提升法律知识普及率": "3.5%|", "保障案件办理可持续影响": "|部分达成", "检察服务对象满意度": "92%|",
    }), encoding="gb18030")
    result = runner.invoke(app, ["evaluate", str(seed_path), "--actuals", str(sheet), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    (project,) = payload["projects"]
    assert project["seq"] == 5 and project["total"] == "90.33" and project["grade"] == "优"
    assert project["execution_score"] == "9.00"
    first = project["indicators"][1]
    assert first["position"] == 2 and first["weight"] == "8.34" and first["score"] == "7.51"
    assert "450" in first["explanation"]
    text = runner.invoke(app, ["evaluate", str(seed_path), "--actuals", str(sheet)])
    assert text.exit_code == 0 and "90.33" in text.stdout and "优" in text.stdout
    for fmt in ("xlsx", "docx", "html"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(app, ["evaluate", str(seed_path), "-a", str(sheet), "--to", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000


def test_evaluate_errors_exit_1_and_name_rows(tmp_path: Path, seed_path: Path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析\n"
                     f"{P5},全年执行数,54,,,\n{P5},办案数,很多,,,\n", encoding="utf-8-sig")
    result = runner.invoke(app, ["evaluate", str(seed_path), "--actuals", str(sheet), "--json"])
    assert result.exit_code == 1
    assert f"{sheet}:3: 错误：实际完成值「很多」不是数值" in result.stderr
    assert "缺少指标「检察业务保障人数」的填报行" in result.stderr
    assert result.stdout == ""


def test_evaluate_option_errors(seed_path: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(seed_path), "-a", str(sheet), "--weights", "产出=60"])
    assert result.exit_code == 2 and "应为 100" in result.stderr
    result = runner.invoke(app, ["evaluate", str(seed_path), "-a", str(sheet), "--reverse", "cubic"])
    assert result.exit_code == 2 and "ratio 或 linear" in result.stderr
    result = runner.invoke(app, ["evaluate", str(seed_path), "-a", str(tmp_path / "missing.csv")])
    assert result.exit_code == 1 and "文件不存在" in result.stderr


def test_monitor_command(tmp_path: Path, seed_path: Path) -> None:
    out = tmp_path / "m.xlsx"
    result = runner.invoke(app, ["template", str(seed_path), "-p", "9", "--kind", "monitor", "--month", "6",
                                 "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    workbook = load_workbook(out)
    sheet = workbook["监控填报"]
    headers = [c.value for c in sheet[3]]
    assert "1-6月执行情况" in headers and "完成目标可能性" in headers and "偏差原因" in headers
    col = {h: i + 1 for i, h in enumerate(headers)}
    values = {"全年执行数": ("0.5", None, None, None), "招商政策宣传次数": ("5", "确定能", None, None),
              "宣传材料印刷合格率": ("100%", "确定能", None, None),
              "招商完成时间": (None, "有可能", "按期完成", "其他：活动延期"),
              "出差成本": ("0.3", "确定能", None, None),
              "建立良好招商关系": (None, "确定能", None, None), "招商对象满意度": ("95%", "确定能", None, None)}
    grades = {"招商完成时间": "部分达成", "建立良好招商关系": "达成"}
    for row in range(4, sheet.max_row + 1):
        name = sheet.cell(row, col["三级指标"]).value
        actual, likely, forecast, reason = values[name]
        sheet.cell(row, col["1-6月执行情况"]).value = actual
        if name != "全年执行数":
            sheet.cell(row, col["完成目标可能性"]).value = likely
            sheet.cell(row, col["全年预计完成情况"]).value = forecast
            sheet.cell(row, col["偏差原因"]).value = reason
            sheet.cell(row, col["完成等级"]).value = grades.get(name)
    workbook.save(out)
    result = runner.invoke(app, ["monitor", str(seed_path), "--actuals", str(out), "--month", "6", "--json"])
    assert result.exit_code == 0, result.output
    (project,) = json.loads(result.stdout)["projects"]
    # budget 0.5 / 1.00 = 50% at month 6 → v = 1.0 green; 宣传次数 5 / (10 × 6/12) = 1.0 green;
    # 招商完成时间 部分达成 → yellow: the project is yellow
    assert project["budget_light"] == "green"
    assert [i["light"] for i in project["indicators"]] == ["green", "green", "yellow", "green", "green", "green"]
    assert project["colour"] == "yellow"
    assert project["indicators"][2]["reason"] == "其他"
    text = runner.invoke(app, ["monitor", str(seed_path), "--actuals", str(out), "--month", "6"])
    assert text.exit_code == 0 and "黄灯" in text.stdout
    # without --month, the month its header 「1-6月执行情况」 states (refused as 「没有监控月份」 until 2026-12-07)
    stated = runner.invoke(app, ["monitor", str(seed_path), "--actuals", str(out), "--json"])
    assert stated.exit_code == 0, stated.output
    assert json.loads(stated.stdout) == json.loads(result.stdout)


def test_a_monitoring_sheet_stating_no_month_needs_one(tmp_path: Path, seed_path: Path) -> None:
    """A CSV sheet whose 实际完成值 header names no period: the month monitored must be given."""
    out = tmp_path / "m.csv"
    made = runner.invoke(app, ["template", str(seed_path), "-p", "9", "--kind", "monitor", "-o", str(out)])
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["monitor", str(seed_path), "--actuals", str(out)])
    assert result.exit_code == 1 and "填报表没有监控月份：请用 --month 指定监控月份（1–12）" in result.stderr


def test_help_on_every_command() -> None:
    for command in ("template", "evaluate", "monitor"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, result.output
        assert ("--json" in result.output) is (command != "template")
