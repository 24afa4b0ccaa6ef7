"""Instructions per table of the text reader, counted by valgrind's callgrind (independent of the load).

Usage: .venv/bin/python bench/read_text_instructions.py [--tables 100] [--src DIR]

Runs under ``valgrind --tool=callgrind`` a process that reads the corpus of bench/read_text.py
(``--tables`` tables, 10 per file) once to warm the label caches, as the best-of-3 runs of
read_text.py see them, empties ``parse_target``'s cache, then reads it again; only that second
pass is counted (collection is switched on inside ``functools.reduce``, which drives it). Prints
the instructions per table. ``--src`` measures another tree's ``src`` (e.g. a ``git archive`` of
main) for a side-by-side figure. Converting to tables/s: main's 2,404,000 instructions per table
ran at 4,431 tables/s on the idle machine (2026-12-02), so tables/s ≈ 4,431 × 2,404,000 / count.
Needs valgrind; about 2 minutes for 100 tables on an idle core.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def workload(tables: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import corpus_files

    from perfbudget.readers.text import read_text_bytes
    from perfbudget.target import parse_target

    files = [text.encode("utf-8") for text in corpus_files(tables)]
    for number, data in enumerate(files):
        read_text_bytes(data, f"corpus-{number}.txt")  # warm-up: label caches as in read_text.py's runs
    parse_target.cache_clear()

    def step(count: int, item: tuple[int, bytes]) -> int:
        read_text_bytes(item[1], f"corpus-{item[0]}.txt")
        return count + 1

    functools.reduce(step, enumerate(files), 0)  # the counted pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=100)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src directory to measure")
    parser.add_argument("--workload", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload:
        workload(args.tables)
        return
    with tempfile.TemporaryDirectory(prefix="read-text-ir-") as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
             f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, __file__, "--workload",
             "--tables", str(args.tables)],
            env={**os.environ, "PYTHONPATH": str(args.src.resolve())}, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    count = int(found.group(1))
    print(f"{args.src}: {count // args.tables:,} instructions per table ({args.tables} tables); "
          f"≈ {4431 * 2_404_000 / (count / args.tables):,.0f} tables/s on the idle machine of 2026-12-02")


if __name__ == "__main__":
    main()
