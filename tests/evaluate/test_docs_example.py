"""docs/evaluation.md's worked example is true: its sheet scores as its table says."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.evaluate.numbers import show
from perfbudget.model import Document
from tests.evaluate.helpers import run

DOC = Path(__file__).resolve().parents[2] / "docs" / "evaluation.md"
runner = CliRunner()


def test_worked_example(seed_document: Document) -> None:
    text = DOC.read_text(encoding="utf-8")
    sheet = re.search(r"```csv\n(.*?)```", text, re.DOTALL)
    assert sheet is not None
    evaluation, problems = run(seed_document, sheet.group(1).encode("utf-8"), file="p5.csv")
    assert evaluation is not None, problems
    (project,) = evaluation.projects
    rows = re.findall(r"^\| (\d) \| (\S+) \| .* \| ([\d.]+) \|$", text, re.MULTILINE)
    assert len(rows) == 9
    for position, name, expected in rows:
        line = project.indicators[int(position) - 1]
        assert line.level3 == name and show(line.score) == expected, (name, show(line.score), expected)
    assert f"**{show(project.total)}**, grade **{project.grade}**" in text
    assert f'"total": "{show(project.total)}", "total_exact": "{project.total}"' in text


def test_stored_results_example(seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The listing in "Stored results" is what the commands above it print (times aside)."""
    text = DOC.read_text(encoding="utf-8")
    section = text[text.index("## Stored results"):]
    sheet = re.search(r"```csv\n(.*?)```", text, re.DOTALL)
    assert sheet is not None
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PERFBUDGET_DB", f"sqlite:///{tmp_path / 'docs.db'}")
    monkeypatch.setenv("PERFBUDGET_SELF_EVALUATION", "any")  # a store without the web workflow (as documented)
    (tmp_path / "seed.txt").write_bytes(seed_path.read_bytes())
    (tmp_path / "p5.csv").write_text(sheet.group(1), encoding="utf-8")
    second = sheet.group(1).replace(",450,,,案件数量下降", ",500,,,")
    assert second != sheet.group(1)
    (tmp_path / "p5-二次.csv").write_text(second, encoding="utf-8")
    commands = re.findall(r"^\$ perfbudget (.*?)(?:\s+#.*)?$", section, re.MULTILINE)
    assert len(commands) == 5
    outputs = []
    for command in commands:
        result = runner.invoke(app, shlex.split(command))
        assert result.exit_code == 0, (command, result.output)
        outputs.append(result.stdout)
    documented = [line for line in section.splitlines() if line.startswith("编号 ")]
    printed = [line for line in outputs[3].splitlines() if line.startswith("编号 ")]
    time = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")
    assert len(documented) == 2
    assert [time.sub("T", line) for line in printed] == [time.sub("T", line) for line in documented]
    assert "总分 90.33  等级 优" in outputs[1] and "总分 91.16  等级 优" in outputs[2]
    assert json.loads(outputs[4])["projects"][0]["total"] == "90.33"
