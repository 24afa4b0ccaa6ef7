"""Benchmark: writing the official tables — the 绩效目标表 (xlsx, docx, html) and the 自评表 (xlsx, docx).

The seed's 10 tables repeated to N (default 200) written by ``render`` (print-ready: fitted
widths, row heights, page setup), and N 自评表 of seed project 5 (the worked example of
docs/evaluation.md) written in one workbook / document. Best of ``--repeat``; per table.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def best(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from tests.evaluate.helpers import P5_SHEET, csv_bytes, run

    from perfbudget.load import load_path
    from perfbudget.writers.evaluation_docx import evaluation_docx
    from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
    from perfbudget.writers.target_table_export import render

    seed = load_path(ROOT / "examples" / "000_e2047472f0d7711d.txt").document
    assert seed is not None
    document = replace(seed, projects=tuple(replace(seed.projects[i % 10], seq=i + 1) for i in range(args.tables)))
    scored, problems = run(seed, csv_bytes(*P5_SHEET))
    assert scored is not None, problems
    evaluation = replace(scored, projects=tuple(replace(scored.projects[0], seq=i + 1) for i in range(args.tables)))
    jobs: list[tuple[str, Callable[[], object]]] = [
        ("绩效目标表 xlsx", lambda: render(document, "xlsx")),
        ("绩效目标表 docx", lambda: render(document, "docx")),
        ("绩效目标表 html", lambda: render(document, "html")),
        ("自评表 xlsx", lambda: evaluation_xlsx(evaluation)),
        ("自评表 docx", lambda: evaluation_docx(evaluation)),
    ]
    print(f"{'output':<16}{'tables':>8}{'total s':>10}{'ms/table':>10}")
    for name, job in jobs:
        seconds = best(job, args.repeat)
        print(f"{name:<16}{args.tables:>8}{seconds:>10.3f}{1000 * seconds / args.tables:>10.1f}")


if __name__ == "__main__":
    main()
