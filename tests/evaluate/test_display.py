"""The 自评表 shows targets in one notation, the text as typed on hover; --original keeps it as typed."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.conftest import HEADER_ROWS, table_text
from tests.evaluate.helpers import csv_bytes

runner = CliRunner()
ROWS = [["产出指标", "数量指标", "次数", "次数", "大于等于10次"],
        ["效益指标", "社会效益指标", "效果", "效果", "有效保障"],
        ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "90%以上"]]


def test_evaluation_outputs_show_one_notation_unless_original(tmp_path: Path) -> None:
    table = tmp_path / "t.txt"
    table.write_text(table_text(*HEADER_ROWS, *ROWS), encoding="utf-8")
    sheet = tmp_path / "s.csv"
    p = "测试项目-2024中央"
    sheet.write_bytes(csv_bytes(f"{p},全年执行数,10,,,", f"{p},次数,12次,,,", f"{p},效果,,达成,,",
                                f"{p},满意度,95%,,,"))
    html = tmp_path / "r.html"
    result = runner.invoke(app, ["evaluate", str(table), "-a", str(sheet), "--to", "html", "-o", str(html)])
    assert result.exit_code == 0, result.output
    page = html.read_text(encoding="utf-8")
    assert ">≥10次<" in page and 'title="原文：大于等于10次"' in page and ">≥90%<" in page
    assert ">有效保障<" in page  # qualitative text as written
    kept = tmp_path / "o.html"
    result = runner.invoke(app, ["evaluate", str(table), "-a", str(sheet), "--to", "html", "-o", str(kept),
                                 "--original"])
    assert result.exit_code == 0, result.output
    page = kept.read_text(encoding="utf-8")
    assert ">大于等于10次<" in page and ">90%以上<" in page and "原文：" not in page
    from openpyxl import load_workbook

    xlsx = tmp_path / "r.xlsx"
    done = runner.invoke(app, ["evaluate", str(table), "-a", str(sheet), "--to", "xlsx", "-o", str(xlsx)])
    assert done.exit_code == 0, done.output
    values = [c.value for row in load_workbook(xlsx).worksheets[0].iter_rows() for c in row]
    assert "≥10次" in values and "大于等于10次" not in values
