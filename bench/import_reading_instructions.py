"""Instructions per table of a bulk import's reading processes, stage by stage, counted by valgrind's callgrind.

Usage: .venv/bin/python bench/import_reading_instructions.py [--tables 500] [--src DIR] [--keep DIR] [STAGE ...]

What one reading process of ``perfbudget import DIR`` does with each file (``bulk_import.prepare_file``), on the
files of bench/corpus.py (what bench/import.py writes: 10 tables a file), each stage run alone over them in a
process of its own, its inputs made before the counted ``functools.reduce``, after a warm-up on other tables of the
same form (cold, as ``read_text_instructions.py --cold``: the counted tables' own texts are new to every cache):

* ``all``: the whole of it, as the pool runs it: ``_prepare_files`` over tasks of ``FILES_PER_TASK`` files with a
  store (a migrated SQLite file: every fingerprint looked up, none found), and each task's result pickled as the
  pool sends it back;
* ``fingerprint``: ``file_sha256`` (the SHA-256 of the bytes);
* ``lookup``: the store asked for an earlier import of those bytes (``Transaction.imported_before``);
* ``read``: ``load.load_path`` (the file opened, decoded and read by the text reader);
* ``screen``: ``blocked.screen_result`` (the errors placed, the values no store can hold);
* ``plan``: ``importer.plan_document`` (identities, content hashes, the rows);
* ``send``: each task's ``Prepared`` results, their plans ``detached``, pickled as the pool sends them;
* ``receive`` (the writing process's part of the hand-off, not the reading processes'): those results unpickled.

``--src`` measures another tree's ``src`` (e.g. a ``git archive`` of main) for a side-by-side figure; the stages
call only what both trees have. The stages but ``receive`` add up to ``all`` within a few per cent (``all``
also frees each file's document, and its ``send`` pickles the plan just made). Needs valgrind; a minute or two
a stage for 500 tables on an idle core. bench/README.md (import-reading) holds the figures.
"""

from __future__ import annotations

import argparse
import functools
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("all", "fingerprint", "lookup", "read", "screen", "plan", "send", "receive")


def write_corpus(folder: Path, tables: int, first: int = 0) -> list[str]:
    """The corpus's files (10 tables each) written under ``folder``; their paths."""
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import corpus_files

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(corpus_files(tables, first=first)):
        path = folder / f"unit-{first + number:07d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def workload(stage: str, tables: int, folder: Path, url: str) -> None:
    import gc

    import perfbudget.app.blocked
    import perfbudget.load  # noqa: F401  (imported before the heap is frozen, as _start_reader does)
    from perfbudget.app import bulk_import
    from perfbudget.app.blocked import screen_result
    from perfbudget.load import load_path
    from perfbudget.store import Store
    from perfbudget.store.importer import file_sha256, plan_document

    gc.freeze()
    store = Store(url, migrate=False)
    options = bulk_import.ReadOptions(url, None, "cli", False)
    bulk_import._READER.update(options=options, store=store)
    per_task = bulk_import.FILES_PER_TASK
    for path in write_corpus(folder / "warm", tables, first=10**6):  # other tables of the same form
        pickle.dumps(bulk_import._prepare_files(bulk_import.prepare_file, [path]), pickle.HIGHEST_PROTOCOL)
    paths = write_corpus(folder / "counted", tables)
    tasks = [paths[i:i + per_task] for i in range(0, len(paths), per_task)]

    items: list[Any]
    step: Callable[[Any], object]
    if stage == "all":
        items = tasks
        step = lambda task: pickle.dumps(  # noqa: E731
            bulk_import._prepare_files(bulk_import.prepare_file, task), pickle.HIGHEST_PROTOCOL)
    elif stage == "fingerprint":
        items, step = paths, file_sha256
    elif stage == "lookup":
        items = [file_sha256(path) for path in paths]

        def step(sha256: str) -> object:
            with store.reading() as tx:
                return tx.imported_before(sha256)
    elif stage == "read":
        items, step = paths, load_path
    elif stage == "screen":
        items = [(path, load_path(path)) for path in paths]
        step = lambda item: screen_result(item[1], item[0], validate=False)  # noqa: E731
    elif stage == "plan":
        items = [load_path(path).document for path in paths]
        step = plan_document
    elif stage == "send":
        items = [bulk_import._prepare_files(bulk_import.prepare_file, task) for task in tasks]
        step = lambda prepared: pickle.dumps(prepared, pickle.HIGHEST_PROTOCOL)  # noqa: E731
    elif stage == "receive":
        items = [pickle.dumps(bulk_import._prepare_files(bulk_import.prepare_file, task), pickle.HIGHEST_PROTOCOL)
                 for task in tasks]
        step = pickle.loads
    else:
        sys.exit(f"unknown stage {stage}")
    functools.reduce(lambda count, item: (step(item), count + 1)[1], items, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stages", nargs="*", default=list(STAGES), help=f"of {', '.join(STAGES)} (default: all)")
    parser.add_argument("--tables", type=int, default=500)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src directory to measure")
    parser.add_argument("--keep", type=Path, help="keep each stage's callgrind.out.STAGE in this directory")
    parser.add_argument("--workload", help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload:
        workload(args.workload, args.tables, args.folder, args.url)
        return
    if unknown := [stage for stage in args.stages if stage not in STAGES]:
        sys.exit(f"unknown stages {unknown}: {', '.join(STAGES)}")
    env = {**os.environ, "PYTHONPATH": str(args.src.resolve()), "PYTHONHASHSEED": "0"}
    for stage in args.stages:
        with TemporaryDirectory(prefix="import-reading-") as tmp:
            url = f"sqlite:///{tmp}/store.db"
            subprocess.run([sys.executable, "-c", f"from perfbudget.store import Store; Store({url!r}).close()"],
                           env=env, check=True)  # a migrated, empty store (not counted)
            out = subprocess.run(
                ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
                 f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, __file__, "--workload", stage,
                 "--tables", str(args.tables), "--folder", tmp, "--url", url],
                env=env, capture_output=True, text=True, check=True)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(f"{tmp}/callgrind.out", args.keep / f"callgrind.out.{stage}")
        found = re.search(r"Collected : (\d+)", out.stderr)
        if found is None:
            sys.exit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
        print(f"{stage:12} {int(found.group(1)) // args.tables:>10,} instructions per table ({args.tables} tables, "
              f"{args.src})", flush=True)


if __name__ == "__main__":
    main()
