"""A 部门整体 自评表 scored by ``evaluate`` says its form on every face (kinds37; kinds36's Noticed (5)): the command
line's heading printed 「项目支出绩效自评」 and the web's result page 「项目支出绩效自评表」 of every table (the
downloads said it since print19). The result's ``form`` is the one answer, in the JSON too."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from tests.readers.test_kinds35_selfeval_edits import _table

DEPARTMENT_HEAD = [["部门整体支出绩效自评表（2023年度）"], ["部门名称", "某县交通运输局"]]


def _department_table(tmp_path: Path) -> Path:
    rows = [*DEPARTMENT_HEAD, *_table(closing=[["合计", "100", "96"]])[3:]]  # its own head, no 项目名称
    path = tmp_path / "部门整体自评表.txt"
    path.write_text("\n".join(" | ".join(cell for cell in row if cell) for row in rows) + "\n", encoding="utf-8")
    return path


def test_the_command_line_says_the_department_form(tmp_path: Path) -> None:
    path = _department_table(tmp_path)
    shown = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path)])
    assert shown.exit_code == 0, shown.output
    heading = shown.stdout.splitlines()[0]
    assert "部门整体支出绩效自评" in heading and "项目支出" not in heading
    dumped = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path), "--json"])
    assert json.loads(dumped.stdout)["projects"][0]["form"] == "部门整体支出绩效自评表"


def test_a_project_table_still_says_its_own(tmp_path: Path) -> None:
    """Guard: a 项目支出 自评表 keeps its heading."""
    path = tmp_path / "自评表.txt"
    path.write_text("\n".join(" | ".join(c for c in row if c) for row in _table()) + "\n", encoding="utf-8")
    shown = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path), "--json"])
    assert json.loads(shown.stdout)["projects"][0]["form"] == "项目支出绩效自评表"
    assert "项目支出绩效自评" in CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path)]).stdout
