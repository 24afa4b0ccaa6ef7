"""Instructions of the review an indicator, counted by valgrind's callgrind on varied copies of the seed.

Usage: .venv/bin/python bench/review_seed_instructions.py [--tree DIR] [--copies 114] [--keep FILE]

The measure rounds 16–29 of docs/review.md give: ``--copies`` varied copies of the seed (bench/review.py's
``varied_copy``; 114 copies = 10,032 indicators), copy 200 reviewed first, uncounted (jieba's dictionary, the
vocabulary), the caches emptied (``clear_caches``), then every copy reviewed inside ``functools.reduce``, the
only part callgrind counts (``--toggle-collect=functools_reduce``). ``--tree`` is a directory holding ``src``,
``bench`` and ``examples`` (this checkout by default; a ``git archive`` of main for a side-by-side figure). Runs
under ``setarch -R`` with ``PYTHONHASHSEED=0`` and ``PYTHONDONTWRITEBYTECODE=1`` so two runs of one tree agree;
prints the instructions, the indicators and the findings. Needs valgrind; a few minutes a tree.
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


def workload(copies: int) -> None:
    sys.path.insert(0, str(Path(os.environ["PYTHONPATH"].split(os.pathsep)[0]).parent / "bench"))
    import review as bench  # the tree's own bench/review.py
    from perfbudget.review.engine import review_document

    seed = bench.seed_document()
    review_document(bench.varied_copy(seed, 200))  # loads jieba and the vocabulary, uncounted
    documents = [bench.varied_copy(seed, copy) for copy in range(copies)]
    bench.clear_caches()

    def step(found: int, document: object) -> int:
        return found + len(review_document(document).findings)  # type: ignore[arg-type]

    findings = functools.reduce(step, documents, 0)
    import perfbudget

    indicators = sum(d.indicator_count for d in documents)
    print(f"indicators {indicators} findings {findings} code {Path(perfbudget.__file__).parent}")


def count(tree: Path, copies: int, keep: Path | None) -> tuple[int, str]:
    with tempfile.TemporaryDirectory(prefix="review-seed-ir-") as tmp:
        out_file = keep if keep is not None else Path(tmp) / "callgrind.out"
        env = {**os.environ, "PYTHONPATH": str((tree / "src").resolve()), "PYTHONHASHSEED": "0",
               "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run(
            ["setarch", "-R", "valgrind", "--tool=callgrind", "--collect-atstart=no",
             "--toggle-collect=functools_reduce", f"--callgrind-out-file={out_file}", sys.executable,
             str(Path(__file__).resolve()), "--workload", "--copies", str(copies)],
            env=env, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(found.group(1)), out.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tree", type=Path, default=ROOT)
    parser.add_argument("--copies", type=int, default=114)
    parser.add_argument("--keep", type=Path, default=None, help="keep callgrind's output in this file")
    parser.add_argument("--workload", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload:
        workload(args.copies)
        return
    instructions, said = count(args.tree, args.copies, args.keep)
    print(f"{args.tree}: {instructions / 1e6:,.1f} M instructions; {said}")


if __name__ == "__main__":
    main()
