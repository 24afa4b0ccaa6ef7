"""``perfbudget import -``: a table's text pasted into the terminal or piped in is imported as ``perfbudget read -``
reads it (replay-n left it: ``import -`` answered 「文件不存在」), through ``app.imports.import_stream``, on SQLite
and PostgreSQL."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.conftest import HEADER_ROWS, table_text

runner = CliRunner()

ROWS = [["产出指标", "数量指标", "培训人次", "", "≥100人次"], ["", "质量指标", "合格率", "", "≥95%"]]


def test_import_dash_imports_standard_input_and_the_same_text_again_is_unchanged(db_url: str) -> None:
    text = table_text(*HEADER_ROWS, *ROWS)
    done = runner.invoke(app, ["import", "-", "--db", db_url], input=text)
    assert done.exit_code == 0, done.output
    assert "标准输入: 已导入（文档 1）：新项目 1 个" in done.output and "文件不存在" not in done.output
    again = runner.invoke(app, ["import", "-", "--db", db_url, "--json"], input=text)
    assert again.exit_code == 0 and json.loads(again.output)["summary"]["unchanged"] == 1, again.output
    listed = json.loads(runner.invoke(app, ["list", "indicators", "--db", db_url, "--json"]).output)
    assert [i["target"] for i in listed["items"]] == ["≥100人次", "≥95%"]
    history = runner.invoke(app, ["history", "1", "--db", db_url]).output
    assert "导入自 标准输入（文档 1）" in history, history
    # a table with an error at its line is refused whole, located at 标准输入:N; nothing is kept
    bad = runner.invoke(app, ["import", "-", "--db", db_url],
                        input=table_text(*HEADER_ROWS, ["产出指标", "数量指标", "", "", "≥200人次"]))
    assert bad.exit_code == 1 and "没有三级指标名称" in bad.output, bad.output
    assert any(line.startswith("标准输入:") and ": 错误：" in line for line in bad.output.splitlines()), bad.output
    empty = runner.invoke(app, ["import", "-", "--db", db_url], input="  \n")
    assert empty.exit_code == 1 and "标准输入: 错误：没有读到内容" in empty.output, empty.output
    mixed = runner.invoke(app, ["import", "-", "other.txt", "--db", db_url], input=text)
    assert mixed.exit_code == 1 and "须单独使用" in mixed.output, mixed.output
    listed = json.loads(runner.invoke(app, ["list", "projects", "--db", db_url, "--json"]).output)
    assert listed["total"] == 1 and listed["items"][0]["latest_version"] == 1, listed
