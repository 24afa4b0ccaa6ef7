"""Benchmark: score 10,000 projects (requirement: ≤ 2 s on the project machine).

The seed's 10 projects are repeated to 10,000 (renumbered), each with actuals that exercise
every formula (met, missed, reverse over target, unit conversion, qualitative bands).
Prints the time of the pure scoring (``evaluate_document``), and separately the time to
resolve a CSV sheet of the same size and to serialise the result to JSON.

Run: .venv/bin/python bench/evaluate.py [projects]
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from perfbudget.evaluate.actuals import IndicatorActual, ProjectActuals
from perfbudget.evaluate.resolve import resolve
from perfbudget.evaluate.scoring import evaluate_document
from perfbudget.evaluate.sheet import read_csv_text
from perfbudget.load import load_path
from perfbudget.model import Document, Kind

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"


def build(count: int) -> tuple[Document, dict[int, ProjectActuals], str]:
    seed = load_path(SEED).document
    assert seed is not None
    projects = []
    actuals: dict[int, ProjectActuals] = {}
    lines = ["项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析"]
    for seq in range(1, count + 1):
        base = seed.projects[(seq - 1) % len(seed.projects)]
        project = replace(base, seq=seq, name_cell=f"{base.name_cell}#{seq}")
        projects.append(project)
        budget = project.budget.total or Decimal(1)
        executed = budget * Decimal("0.9")
        lines.append(f"{seq},全年执行数,{executed},,,")
        indicators = {}
        for position, indicator in enumerate(project.indicators, 1):
            target = indicator.target
            if target.kind is Kind.QUALITATIVE or target.value is None:
                grade = ("达成", "部分达成", "未达成")[position % 3]
                indicators[position] = IndicatorActual(position, "", grade=grade)
                lines.append(f"{seq},{indicator.level3},,{grade},,")
            else:
                factor = (Decimal("0.8"), Decimal("1"), Decimal("1.3"))[position % 3]
                value = target.value * factor
                indicators[position] = IndicatorActual(position, str(value), value=value)
                lines.append(f"{seq},{indicator.level3},{value}{target.unit or ''},,,")
        actuals[seq] = ProjectActuals(seq, executed=executed, indicators=indicators)
    return replace(seed, projects=tuple(projects)), actuals, "\n".join(lines) + "\n"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    document, actuals, sheet = build(count)
    indicators = sum(len(p.indicators) for p in document.projects)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        evaluation, problems = evaluate_document(document, actuals)
        best = min(best, time.perf_counter() - start)
        assert evaluation is not None and not problems, problems[:3]
    print(f"score {count} projects ({indicators} indicators): {best:.3f} s (best of 3; requirement ≤ 2 s)")
    start = time.perf_counter()
    rows, problems = read_csv_text(sheet, "bench.csv")
    resolved, found = resolve(document, rows)
    elapsed = time.perf_counter() - start
    assert not problems and not found and len(resolved) == count, (problems + found)[:3]
    print(f"read + resolve a CSV sheet of {len(rows)} rows: {elapsed:.3f} s")
    start = time.perf_counter()
    text = evaluation.dumps(indent=None)
    print(f"serialise the evaluation to JSON ({len(text) / 1e6:.1f} MB): {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main()
