"""Documentation is tested: the README's commands, CI's entry, the grammar examples."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from perfbudget.target import parse_target

ROOT = Path(__file__).resolve().parents[1]


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme
    assert "bash scripts/run.sh" in readme
    assert re.search(r"^bash scripts/test\.sh", ci, re.MULTILINE)


def test_target_examples_in_docs() -> None:
    text = (ROOT / "docs" / "targets.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (`[^`]+`|–) \| ([\d.]+) \| (\S+) \| (\w+) \((\S+)\) \|$", text, re.MULTILINE)
    assert len(rows) >= 20
    for raw, op, value, unit, direction, name in rows:
        target = parse_target(raw, name)
        assert (target.op.value if target.op else "–") == op.strip("`"), raw
        assert target.value == Decimal(value), raw
        assert target.unit == unit, raw
        assert target.direction is not None and target.direction.value == direction, raw
