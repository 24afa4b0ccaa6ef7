"""Benchmark: the CPU one list export's xlsx costs its writer (the seconds it holds a web worker).

Feeds ``--rows`` synthetic rows of the project list (17 columns: ids, unit codes and names, long project names,
Decimal budgets in 万元, states, grades, scores, submission times) in the export's batches of 1,000 to
``perfbudget.app.project_lists._write_xlsx`` of the sources ``--src`` names (main's, a branch's), into a temporary
file, and prints the process's CPU seconds for the writer alone (no store: the rows' reading is the same on both
sides; ``bench/list_export.py`` times the whole command on a built store) with the peak resident set and the
file's size. Run it as a separate process per source::

    python bench/list_xlsx_cpu.py --rows 100000 --src /path/to/main/src
    python bench/list_xlsx_cpu.py --rows 100000
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def synthetic_rows(count: int) -> Iterator[Iterator[dict[str, Any]]]:
    """``count`` rows in batches of 1,000, as ``app.desk.rows_of`` gives them."""
    start = datetime(2026, 3, 1, 8, tzinfo=UTC)
    states = ("draft", "submitted", "returned", "approved")
    grades = ("优", "良", "中", "差", None)
    for first in range(0, count, 1000):
        batch = []
        for n in range(first, min(first + 1000, count)):
            total = Decimal(n * 137 % 9_000_000 + 1234) / 100
            batch.append({
                "id": n + 1, "unit_code": f"{100000 + n % 5000}", "unit_name": f"第{n % 5000}号市直预算单位（本级）",
                "name": f"{2024 + n % 3}年度城乡基础设施维护与公共服务能力提升专项资金项目之{n}",
                "fund_label": "一般公共预算", "fund_year": 2024 + n % 3, "version": 1 + n % 3,
                "latest_version": 1 + n % 4, "indicator_count": 8 + n % 40, "budget_total": total * 10000,
                "money_unit": "元", "budget_wan": total, "state": states[n % 4], "reviewer_grade": None,
                "review_grade": grades[n % 5], "errors": n % 4, "warnings": n % 7,
                "evaluation_total": Decimal("87.5") if n % 3 else None, "evaluation_grade": grades[n % 5],
                "submitted_at": (start + timedelta(minutes=n)).isoformat() if n % 2 else None,
            })
        yield iter(batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--src", default=str(ROOT / "src"), help="the perfbudget sources to run (main's, a branch's)")
    args = parser.parse_args()
    sys.path.insert(0, args.src)
    from perfbudget.app import project_lists

    assert Path(project_lists.__file__).is_relative_to(Path(args.src).resolve()), project_lists.__file__
    columns = project_lists.COLUMNS["projects"]
    with tempfile.TemporaryFile() as out:
        cpu, wall = time.process_time(), time.perf_counter()
        written = project_lists._write_xlsx(columns, synthetic_rows(args.rows), "项目列表（全部年度）", "导出于 —", out)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        size = out.tell()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"src {args.src}: {written:,} rows, CPU {cpu:.2f} s (wall {wall:.2f} s), "
          f"{cpu / written * 1000:.3f} ms a row, peak {peak} MiB, file {size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
