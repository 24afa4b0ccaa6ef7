"""Benchmark: a whole list of projects to xlsx and CSV (``perfbudget list projects --format … --output``).

Builds (once, kept) a SQLite store of ``--projects`` projects with ``bench/scale.py``, then runs the export of every
project (no ``--year``: every year) as a separate process per format, ``--repeat`` times, and prints its wall time,
CPU time and peak memory (the child's own maximum resident set, ``wait4``), with the file's size. ``--listing``
times ``perfbudget list projects --all`` instead (the tab-separated listing, main's only way to take a list out),
of the sources ``--src`` names (main's, to compare).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def run_once(command: list[str]) -> tuple[float, float, int]:
    """(wall s, CPU s, peak RSS MiB) of one child process (its own rusage, by ``wait4``)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if child.returncode != 0:
        raise SystemExit(f"{' '.join(command)}: exit {child.returncode}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--sqlite-file", default=None)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--src", default=str(ROOT / "src"), help="the perfbudget sources to run (main's, a branch's)")
    parser.add_argument("--listing", action="store_true", help="time `list projects --all` instead (main has it)")
    args = parser.parse_args()
    db = Path(args.sqlite_file or f"/tmp/bench_list_export_{args.projects}.db")
    url = f"sqlite:///{db}"
    if not db.exists():
        from scale import build  # type: ignore[import-not-found]

        started = time.perf_counter()
        build(url, args.projects)
        print(f"built {db} in {time.perf_counter() - started:.0f} s")
    env = {**os.environ, "PYTHONPATH": args.src}
    out = Path(f"/tmp/bench_list_export_{os.getpid()}")
    out.mkdir(exist_ok=True)
    base = [sys.executable, "-m", "perfbudget", "list", "projects", "--db", url]  # every year (main took no 「all」)
    jobs = ([("--all", [*base, "--all"])] if args.listing else
            [(fmt, [*base, "--format", fmt, "--output", str(out / f"list.{fmt}")]) for fmt in ("csv", "xlsx")])
    print(f"{'export':<8}{'wall s':>9}{'cpu s':>9}{'peak MiB':>10}{'file MiB':>10}")
    for name, command in jobs:
        for _ in range(args.repeat):
            os.environ["PYTHONPATH"] = env["PYTHONPATH"]  # the child runs these sources
            wall, cpu, peak = run_once(command)
            file = out / f"list.{name}"
            size = f"{file.stat().st_size / 2**20:.1f}" if file.exists() else "—"
            print(f"{name:<8}{wall:>9.1f}{cpu:>9.1f}{peak:>10}{size:>10}", flush=True)
    for file in out.iterdir():
        file.unlink()
    out.rmdir()


if __name__ == "__main__":
    main()
