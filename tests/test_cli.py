"""The command line: read, --json, errors on stderr with exit 1, --help on every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from perfbudget import __version__
from perfbudget.cli import app

runner = CliRunner()


def _all_commands() -> list[list[str]]:
    root = typer.main.get_command(app)
    found: list[list[str]] = []

    def walk(command: click.Command, path: list[str]) -> None:
        found.append(path)
        if isinstance(command, click.Group):
            for name, sub in command.commands.items():
                walk(sub, [*path, name])

    walk(root, [])
    return found


@pytest.mark.parametrize("path", _all_commands(), ids=lambda p: " ".join(p) or "perfbudget")
def test_every_command_has_chinese_help(path: list[str]) -> None:
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert any("\u4e00" <= ch <= "\u9fff" for ch in result.output), "help text should be Chinese"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_read_summary(seed_path: Path) -> None:
    result = runner.invoke(app, ["read", str(seed_path)])
    assert result.exit_code == 0, result.output
    assert "共 10 个项目，88 个三级指标" in result.output
    assert "视频会议保障数量" in result.output
    assert "预算数 17.00万元" in result.output


def test_read_json_stdout(seed_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "perfbudget", "read", str(seed_path), "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["projects"]) == 10
    assert sum(len(p["indicators"]) for p in data["projects"]) == 88
    assert result.stderr == ""


def test_bad_input_exit_1_with_location_and_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "perfbudget", "read", str(path), "--json"],
                            capture_output=True, text=True, encoding="utf-8", check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"{path}: 错误：文件为空")
    assert "Traceback" not in result.stderr


def test_partial_read_is_reported_as_such(tmp_path: Path, seed_path: Path) -> None:
    lines = seed_path.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(lines) if line.strip() == "司法救助人数")
    path = tmp_path / "cut.txt"
    path.write_text("".join(lines[: cut + 1]), encoding="utf-8")
    result = runner.invoke(app, ["read", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{cut + 1}: 错误：表格在此中断" in result.stderr
    assert "部分读取" in result.stderr
    assert "未完整（截断于" in result.stdout  # what was read is shown, the cut project marked
    as_json = runner.invoke(app, ["read", str(path), "--json"])
    assert as_json.exit_code == 1 and "表格在此中断" in as_json.stderr
    data = json.loads(as_json.stdout)  # what was read before the cut, the cut project marked
    cut_project = data["projects"][-1]
    assert cut_project["complete"] is False and cut_project["cut"]["line"] == cut + 1
    assert all("complete" not in p for p in data["projects"][:-1]) and data["projects"][:-1]


def test_form_help_names_every_readable_form() -> None:
    from perfbudget.cli.common import FORM_HELP
    from perfbudget.readers import FORMS

    for form in FORMS:
        if form not in ("ole", "zip"):  # containers that are refused with their reason, not forms to choose
            assert form in FORM_HELP, form


def test_no_heavy_library_is_imported_with_the_cli() -> None:
    """Commands import databases, web and office libraries inside themselves: start-up stays short."""
    heavy = ("sqlalchemy", "alembic", "fastapi", "openpyxl", "docx", "pdfplumber", "bs4", "jinja2")
    code = f"import sys, perfbudget.cli; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
