"""Instructions per warm chunk of a province's review, counted by valgrind's callgrind (independent of the load).

Usage: .venv/bin/python bench/review_instructions.py --db sqlite:///…/province-1000000.db [--src DIR]
       [--part worker|parent|both] [--warm 2] [--keep DIR]

The store is bench/review_province.py's (``--build-only --skip-pg``; work on a copy: ``parent`` writes,
inside a transaction it rolls back). Runs under ``valgrind --tool=callgrind`` a process that does what
``perfbudget review --db … --year 2025 --save --summary --jobs 2`` does with a chunk of the plan:

* ``worker``: a pool worker's chunk (``review_batch._start_worker`` then ``_worker_chunk``: loading,
  reviewing, the payloads' text, the rows to save) and the pickling of its result, as the pool sends it;
* ``parent``: the calling process's part of that chunk — the result unpickled, its rows inserted
  (``insert_review_rows``, then rolled back) and its tally added.

``--warm`` chunks are done first, uncounted (caches, the library reader); the next one is counted
(collection is switched on inside ``functools.reduce``, which drives it). ``--src`` measures another
tree's ``src`` (e.g. a ``git archive`` of main) for a side-by-side figure. Needs valgrind; a few minutes.
"""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def workload(url: str, part: str, warm: int) -> None:
    from perfbudget.app import review_batch as batch
    from perfbudget.app.settings import CoreSettings
    from perfbudget.store import Store
    from perfbudget.store import reviews as stored_reviews

    store = Store(url, migrate=False)
    job = batch.BatchJob(store.url, CoreSettings.from_env(), save=True, record_year=2025, year=2025)
    plan = [units for units, _size in batch.plan_chunks(store, job)]
    batch._start_worker(job)  # as the pool starts each worker: the collector's thresholds, a store, a library reader
    for units in plan[:warm]:
        batch._worker_chunk(units)
    units = plan[warm]
    if part == "parent":  # the worker's part done beforehand, uncounted
        sent = pickle.dumps(batch._worker_chunk(units), pickle.HIGHEST_PROTOCOL)

    def step(count: int, _item: int) -> int:
        if part == "worker":
            pickle.dumps(batch._worker_chunk(units), pickle.HIGHEST_PROTOCOL)
            return count + 1
        tally = batch.BatchTally()
        with store.engine.connect() as connection, connection.begin() as tx:
            result = pickle.loads(sent)
            stored_reviews.insert_review_rows(connection, result.rows)
            tally.add(result.tally)
            tx.rollback()
        return count + 1

    functools.reduce(step, [0], 0)  # the counted chunk


def count(src: Path, url: str, part: str, warm: int, keep: Path | None = None) -> int:
    with tempfile.TemporaryDirectory(prefix="review-ir-") as tmp:
        out_file = keep / f"callgrind.{part}" if keep is not None else Path(tmp) / "callgrind.out"
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
             f"--callgrind-out-file={out_file}", sys.executable, __file__, "--workload",
             "--db", url, "--part", part, "--warm", str(warm)],
            env={**os.environ, "PYTHONPATH": str(src.resolve())}, capture_output=True, text=True, check=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the province store's URL (a copy: parent writes, rolled back)")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src directory to measure")
    parser.add_argument("--part", choices=("worker", "parent", "both"), default="both")
    parser.add_argument("--warm", type=int, default=2, help="chunks done first, uncounted")
    parser.add_argument("--keep", type=Path, help="keep callgrind's output files in this directory")
    parser.add_argument("--workload", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload:
        workload(args.db, args.part, args.warm)
        return
    for part in ("worker", "parent") if args.part == "both" else (args.part,):
        print(f"{args.src}: {part} {count(args.src, args.db, part, args.warm, args.keep) / 1e6:,.1f} M instructions "
              f"(chunk {args.warm + 1}, after {args.warm} warm)", flush=True)


if __name__ == "__main__":
    main()
