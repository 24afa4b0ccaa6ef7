"""A read 绩效监控表 as the progress record, a 自评表's own total checked against ours (kinds24), end to end.

``monitor 监控表 -a 监控表`` monitors a unit's published monitoring table with its own figures and period (until
kinds24 a 监控表 read as a target table and ``monitor`` asked for every figure again in a fill-in sheet, with
``--month``); a 监控表 given as ``-a`` for a target table does the same; ``evaluate`` refuses a 监控表;
``evaluate 自评表 -a 自评表`` tells where the table's own 自评得分 and 评价等级 differ from the scoring's."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.readers.test_total_rows import HEAD
from tests.readers.word_tables import excel_file, word_file

runner = CliRunner()
TARGET = [
    ["项目名称", "农村饮水工程维修养护"],
    ["预算数", "120"],
    ["一级指标", "二级指标", "三级指标", "年度指标值"],
    ["产出指标", "数量指标", "维修工程数", "≥10处"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
]
MONITOR = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数", "", "", ""],
    ["", "年度资金总额", "120", "60", "50%", "120", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "完成目标可能性",
     "偏差原因分析", "备注"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "3处", "10处", "确定能", "", ""],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "4000人", "有可能", "其他：资金未到位", "下半年完成"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "92%", "确定能", "", ""],
]
TITLE = ["2023年项目支出绩效运行监控表"]


def _pipe(title: list[str], rows: list[list[str]]) -> str:
    return "\n".join([*title, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n"


def _lights(output: str) -> dict[str, str]:
    data = json.loads(output)
    assert data["month"] == 6
    project = data["projects"][0]
    return {"budget": project["budget_light"], **{i["level3"]: i["light"] for i in project["indicators"]}}


LIGHTS = {"budget": "green", "维修工程数": "yellow", "受益人口": "green", "群众满意度": "green"}


def test_a_monitoring_table_monitors_itself_in_every_form(tmp_path: Path) -> None:
    files = {"监控表.txt": _pipe(TITLE, MONITOR).encode(), "监控表.docx": word_file(MONITOR, TITLE),
             "监控表.xlsx": excel_file([TITLE, *MONITOR])}
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        # no --month: the table's own period (1-6月); 60 of 120 in June is on schedule, 3 of 10 works 0.6 of it
        result = runner.invoke(app, ["monitor", str(path), "-a", str(path), "--json"])
        assert result.exit_code == 0, (name, result.output)
        assert _lights(result.stdout) == LIGHTS, name
        project = json.loads(result.stdout)["projects"][0]
        beneficiaries = project["indicators"][1]
        assert (beneficiaries["likelihood"], beneficiaries["forecast"], beneficiaries["reason"]) == (
            "有可能", "4000人", "其他")


def test_a_monitoring_table_as_the_record_of_a_target_table(tmp_path: Path) -> None:
    target = tmp_path / "目标表.txt"
    target.write_text(_pipe(["项目支出绩效目标表"], TARGET), encoding="utf-8")
    table = tmp_path / "监控表.docx"
    table.write_bytes(word_file(MONITOR, TITLE))
    result = runner.invoke(app, ["monitor", str(target), "-a", str(table), "--month", "6", "--json"])
    assert result.exit_code == 0, result.output
    assert _lights(result.stdout) == LIGHTS
    # a month other than the table's period: refused, saying both (its figures are cumulative to June)
    result = runner.invoke(app, ["monitor", str(target), "-a", str(table), "--month", "9"])
    assert result.exit_code == 1
    assert "是 1-6 月的监控表，与监控月份 1-9 月不一致" in result.output


def test_what_a_monitoring_table_leaves_empty_is_reported_at_its_row(tmp_path: Path) -> None:
    rows = [row[:] for row in MONITOR]
    rows[5][7] = "资金未到位"  # no category (经费保障 … 其他) for 有可能: the reason is required, not guessed
    path = tmp_path / "监控表.txt"
    path.write_text(_pipe(TITLE, rows), encoding="utf-8")
    result = runner.invoke(app, ["monitor", str(path), "-a", str(path)])
    assert result.exit_code == 1
    assert "监控表.txt:7:第1列: 错误：完成目标可能性为「有可能」" in result.output and "须填写偏差原因" in result.output
    # a table naming no period needs --month
    plain = tmp_path / "无期间.txt"
    plain.write_text(_pipe(["项目支出绩效监控表"], [[c.replace("1-6月", "") for c in row] for row in MONITOR]),
                     encoding="utf-8")
    result = runner.invoke(app, ["monitor", str(plain), "-a", str(plain)])
    assert result.exit_code == 1 and "没有写明监控期间" in result.output
    assert runner.invoke(app, ["monitor", str(plain), "-a", str(plain), "-m", "6", "--json"]).exit_code == 0
    # a fill-in sheet names no period of its own: --month is needed as before
    sheet = tmp_path / "填报表.csv"
    sheet.write_text(runner.invoke(app, ["template", str(plain), "--kind", "monitor"]).stdout, encoding="utf-8")
    result = runner.invoke(app, ["monitor", str(plain), "-a", str(sheet)])
    assert result.exit_code == 1 and "请用 --month 指定监控月份" in result.output
    # evaluate refuses a monitoring table (its figures are six months', not the year's)
    result = runner.invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 1 and "是绩效监控表" in result.output


SELF = [  # test_total_rows' table with its own score and grade in the name row
    ["项目名称", "农村饮水工程维修养护", "", "", "自评得分", "97分", "评价等级", "优"], *HEAD[1:],
]


def test_a_self_evaluations_own_total_is_checked_against_ours(tmp_path: Path) -> None:
    path = tmp_path / "自评表.docx"
    path.write_bytes(word_file(SELF, ["项目支出绩效自评表", "（2023年度）"]))
    result = runner.invoke(app, ["evaluate", str(path), "-a", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["projects"][0]["total"] == "99.00"  # 9 + 50 + 30 + 10
    # the table says 97: told at its cell, with the difference (a warning: the score stands)
    assert "表中的自评得分为 97，按评分规则计算为 99.00（相差 2.00）" in result.stderr
    assert "自评表.docx:表1 第1行 第6列" in result.stderr
    agreeing = [[c.replace("97分", "99分") for c in row] for row in SELF]
    path.write_bytes(word_file(agreeing, ["项目支出绩效自评表", "（2023年度）"]))
    result = runner.invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 0 and "与表中的自评得分 99 一致" in result.stderr
    graded = [[c.replace("优", "良") for c in row] for row in agreeing]
    path.write_bytes(word_file(graded, ["项目支出绩效自评表", "（2023年度）"]))
    result = runner.invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert result.exit_code == 0 and "表中的评价等级为「良」，按计算的总分 99.00 应为「优」" in result.stderr


def test_read_says_what_a_table_says_of_itself(tmp_path: Path) -> None:
    monitor, evaluation = tmp_path / "监控表.txt", tmp_path / "自评表.docx"
    monitor.write_text(_pipe(TITLE, MONITOR), encoding="utf-8")
    evaluation.write_bytes(word_file(SELF, ["项目支出绩效自评表"]))
    result = runner.invoke(app, ["read", str(monitor)])
    assert result.exit_code == 0 and "绩效监控表" in result.stdout
    assert "监控期间：1-6月，1-6月执行数 60万元（执行率 50%）" in result.stdout
    result = runner.invoke(app, ["read", str(evaluation)])
    assert result.exit_code == 0 and "表中自评得分 97 分，评价等级 优" in result.stdout


def test_a_forecast_that_contradicts_the_likelihood_is_warned_of(tmp_path: Path) -> None:
    # kinds25: 确定能 with a 全年预计完成情况 short of the year's target (8 of ≥10处), 完全不可能 with one that meets it
    # (6000 of ≥5000人): a warning at the row, the lights computed as before (a sheet's rows alike)
    rows = [row[:] for row in MONITOR]
    rows[4][5] = "8处"
    rows[5][5], rows[5][6] = "6000人", "完全不可能"
    path = tmp_path / "监控表.docx"
    path.write_bytes(word_file(rows, TITLE))
    result = runner.invoke(app, ["monitor", str(path), "-a", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert _lights(result.stdout) == LIGHTS
    assert "指标「维修工程数」全年预计完成 8处，达不到年度指标值 ≥10处，完成目标可能性却为「确定能」" in result.stderr
    assert ("指标「受益人口」全年预计完成 6000人，已达到年度指标值 ≥5000人，完成目标可能性却为「完全不可能」"
            in result.stderr)
    # the table as it is (10 of ≥10处 确定能, 4000 of ≥5000人 有可能) is warned of nothing
    path.write_bytes(word_file(MONITOR, TITLE))
    assert "完成目标可能性却为" not in runner.invoke(app, ["monitor", str(path), "-a", str(path)]).output
