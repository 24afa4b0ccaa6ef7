"""Instructions per table of the text reader, counted by valgrind's callgrind (independent of the load).

Usage: .venv/bin/python bench/read_text_instructions.py [--tables 100] [--src DIR] [--warm | --cold] [--as-load]

Runs under ``valgrind --tool=callgrind`` a process that reads the corpus of bench/read_text.py
(``--tables`` tables, 10 per file) once to warm the label caches, as the best-of-3 runs of
read_text.py see them, empties ``parse_target``'s cache (and the one-pass path's look-ups over it:
``text_cells_fast.forget_targets``),
then reads it again; only that second pass is counted (collection is switched on inside
``functools.reduce``, which drives it). Prints
the instructions per table. ``--src`` measures another tree's ``src`` (e.g. a ``git archive`` of
main) for a side-by-side figure. ``--warm`` keeps ``parse_target``'s cache from the first pass: 100
tables hold ≈ 3.9 target texts per table the grammar has not seen (a miss costs tens of thousands of
instructions), the 10,000 tables of read_text.py only ≈ 0.06, so the warm count is the closer to what
those runs spend per table. Converting to tables/s: main 982c7fa counted 1,432,000 instructions per
table (1,285,000 warm, as main 444bad6 on 2026-12-03, the same reader) and read 5,780 tables/s on the
idle machine of 2026-12-02 14:25 (the earlier scale, 4,431 × 2,404,000 / count, proved optimistic), so
tables/s ≈ 5,780 × 1,432,000 / count (5,780 × 1,285,000 / count with ``--warm``).
``--cold`` warms up on a corpus of other tables of the same form (other unit codes, project names and headings:
``corpus_files(first=10**6)``) and keeps the grammar's cache: the counted pass meets its labels and targets cached
but each table's own texts new, as the 10,000 tables of read_text.py do once they outgrow the caches (the warm
count's second pass over the same tables finds every name cached) and as real tables, whose texts are mostly
their own, do; 1,000 tables cold count as the 10,000-table pass (reader-speed12: 718,220 against 722,169).
``--as-load`` counts each file read inside ``readers.gc_paused()``, as ``load`` reads it (``readers.read_bytes``
pauses the cyclic collector around every reader); without it, as every count before 2026-12-03 19:00.
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


def workload(tables: int, warm: bool = False, as_load: bool = False, cold: bool = False) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import corpus_files

    from perfbudget.readers import gc_paused, text_cells_fast
    from perfbudget.readers.text import read_text_bytes
    from perfbudget.target import parse_target

    files = [text.encode("utf-8") for text in corpus_files(tables)]
    warm_up = files
    if cold:  # other tables of the same form (other unit codes, names, headings): no table's own text is cached
        warm_up = [text.encode("utf-8") for text in corpus_files(tables, first=10**6)]
    for number, data in enumerate(warm_up):
        read_text_bytes(data, f"corpus-{number}.txt")  # warm-up: label caches as in read_text.py's runs
    if not warm and not cold:
        parse_target.cache_clear()
        # and the one-pass path's look-up over it (since reader-speed11; absent from older trees given by --src)
        row_target = getattr(text_cells_fast, "_row_target", None)
        if row_target is not None:
            row_target.cache_clear()
        getattr(text_cells_fast, "forget_targets", lambda: None)()  # (its value look-up, since reader-speed14b)

    def step(count: int, item: tuple[int, bytes]) -> int:
        if as_load:
            with gc_paused():
                read_text_bytes(item[1], f"corpus-{item[0]}.txt")
        else:
            read_text_bytes(item[1], f"corpus-{item[0]}.txt")
        return count + 1

    functools.reduce(step, enumerate(files), 0)  # the counted pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=100)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src directory to measure")
    parser.add_argument("--warm", action="store_true", help="keep the target grammar's cache (see above)")
    parser.add_argument("--as-load", action="store_true", help="the collector paused per file, as load reads")
    parser.add_argument("--cold", action="store_true", help="warm up on other tables: each table's own texts new")
    parser.add_argument("--workload", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload:
        workload(args.tables, args.warm, args.as_load, args.cold)
        return
    with tempfile.TemporaryDirectory(prefix="read-text-ir-") as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
             f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, __file__, "--workload",
             "--tables", str(args.tables), *(["--warm"] if args.warm else []), *(["--cold"] if args.cold else []),
             *(["--as-load"] if args.as_load else [])],
            env={**os.environ, "PYTHONPATH": str(args.src.resolve())}, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    count = int(found.group(1))
    scale = 5780 * (1_285_000 if args.warm or args.cold else 1_432_000)
    print(f"{args.src}: {count // args.tables:,} instructions per table ({args.tables} tables"
          f"{', grammar cache warm' if args.warm else ''}{', cold: warmed up on other tables' if args.cold else ''}"
          f"{', collector paused as load reads' if args.as_load else ''}); "
          f"≈ {scale / (count / args.tables):,.0f} tables/s on the idle machine of 2026-12-02 14:25")


if __name__ == "__main__":
    main()
