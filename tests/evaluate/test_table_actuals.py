"""A unit's own 自评表 as the actuals of a stored project (replay-o, issue 6 replayed on the CLI):
``evaluate PROJECT --db … -a 自评表.docx --save`` read the .docx as a fill-in workbook (「无法读取 xlsx
文件」), so a 自评表 could be scored by its own figures only as its own file and never saved, while a 监控表
was read as its progress record on every face (``app.evaluations.actuals_record``, the 自评 page's upload
too). SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from tests.conftest import HEADER_ROWS, store_url, table_text

runner = CliRunner()

ROWS = [["产出指标", "数量指标", "培训人次", "", "≥100人次"], ["", "质量指标", "合格率", "", "≥95%"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "", "≥90%"]]
SHEET = ("项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析\n测试项目-2024中央,全年执行数,9,,,\n"
         "测试项目-2024中央,培训人次,120人次,,,\n测试项目-2024中央,合格率,93%,,,未达标\n"
         "测试项目-2024中央,学员满意度,95%,,,\n")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return store_url(request, request.param, tmp_path)


def test_a_stored_project_is_scored_and_saved_by_its_own_self_evaluation_table(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERFBUDGET_SELF_EVALUATION", "any")  # the workflow is not what is tested here
    target, sheet, table = tmp_path / "目标表.txt", tmp_path / "填报.csv", tmp_path / "自评表.docx"
    target.write_text(table_text(*HEADER_ROWS, *ROWS), encoding="utf-8")
    sheet.write_text(SHEET, encoding="utf-8")
    assert runner.invoke(app, ["import", str(target), "--db", db_url]).exit_code == 0
    made = runner.invoke(app, ["evaluate", str(target), "-a", str(sheet), "--to", "docx", "-o", str(table)])
    assert made.exit_code == 0 and table.is_file(), made.output
    by_file = json.loads(runner.invoke(app, ["evaluate", str(table), "-a", str(table), "--json"]).stdout)
    saved = runner.invoke(app, ["evaluate", "1", "--db", db_url, "-a", str(table), "--save", "--actor", "王填报",
                                "--json"])
    assert saved.exit_code == 0, saved.output
    assert "无法读取 xlsx 文件" not in saved.output
    total = by_file["projects"][0]["total"]
    assert json.loads(saved.stdout)["projects"][0]["total"] == total
    listed = json.loads(runner.invoke(app, ["evaluations", "1", "--db", db_url, "--json"]).stdout)
    record = listed["evaluations"][0]
    assert record["total"] == total and record["sheet"].endswith("自评表.docx"), record
    # a file that is neither a sheet nor a 自评表 still says what a sheet lacks
    wrong = runner.invoke(app, ["evaluate", "1", "--db", db_url, "-a", str(target)])
    assert wrong.exit_code == 1 and "表头缺少列" in wrong.output, wrong.output
