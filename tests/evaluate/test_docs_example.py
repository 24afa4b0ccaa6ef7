"""docs/evaluation.md's worked example is true: its sheet scores as its table says."""

from __future__ import annotations

import re
from pathlib import Path

from tests.evaluate.helpers import run

from perfbudget.evaluate.numbers import show
from perfbudget.model import Document

DOC = Path(__file__).resolve().parents[2] / "docs" / "evaluation.md"


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
