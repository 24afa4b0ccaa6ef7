"""Instructions per table of each stage of the text reader's one-pass path, counted by valgrind's callgrind.

Usage: .venv/bin/python bench/read_text_stages.py [--tables 500] [--src DIR] [STAGE ...]

Stages: all (``read_text_bytes`` whole), decode, splitlines, tab-test (``lines_look_like_tab_cells``), split
(``text_cells_fast._split_tables``), tables (``_read_table`` of every table: the header block and the indicator
rows), indicators (``_read_indicator_rows`` alone), document (``document_from_parts``), bare (bench/read_text.py's
bare split). Each stage runs alone over the corpus of bench/read_text.py, its inputs made before the counted
``functools.reduce``, after a warm-up on other tables of the same form (cold, as
``read_text_instructions.py --cold``). Counts of different stages add up to the whole read within a few per cent
(each counted pass also frees the previous item's results). bench/README.md (reader-speed13) holds the figures.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("all", "decode", "splitlines", "tab-test", "split", "tables", "indicators", "document", "bare")


def workload(stage: str, tables: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus import corpus_files
    from read_text import bare_parse

    from perfbudget.readers import text_cells_fast as fast
    from perfbudget.readers.decode import decode_bytes
    from perfbudget.readers.interpret import document_from_parts
    from perfbudget.readers.text import read_text_bytes
    from perfbudget.readers.text_cells import lines_look_like_tab_cells

    for number, data in enumerate(t.encode("utf-8") for t in corpus_files(tables, first=10**6)):
        read_text_bytes(data, f"warm-{number}.txt")
    texts = corpus_files(tables)
    names = [f"corpus-{number}.txt" for number in range(len(texts))]

    def split(text: str, name: str) -> Any:
        return fast._split_tables(text.splitlines(), name, text.count("\t"))

    def read_tables(lines: list[str], tables: list[Any], name: str) -> list[Any]:
        return [fast._read_table(lines, t, name, k == len(tables)) for k, t in enumerate(tables, 1)]

    items: list[Any]
    step: Callable[[Any], object]
    if stage in ("all", "decode", "bare"):
        items = [(name, text.encode("utf-8")) for name, text in zip(names, texts, strict=True)]
        step = {"all": lambda item: read_text_bytes(item[1], item[0]),
                "decode": lambda item: decode_bytes(item[1]),
                "bare": lambda item: bare_parse(item[1])}[stage]
    elif stage in ("splitlines", "tab-test", "split"):
        items = [(name, text, text.splitlines()) for name, text in zip(names, texts, strict=True)]
        step = {"splitlines": lambda item: item[1].splitlines(),
                "tab-test": lambda item: lines_look_like_tab_cells(item[2]),
                "split": lambda item: fast._split_tables(item[2], item[0], item[1].count("\t"))}[stage]
    elif stage == "tables":
        items = [(name, *split(text, name)) for name, text in zip(names, texts, strict=True)]
        step = lambda item: read_tables(item[1], item[2], item[0])  # noqa: E731
    elif stage == "indicators":
        calls: list[tuple[Any, ...]] = []
        read_rows = fast._read_indicator_rows
        fast._read_indicator_rows = lambda *args: calls.append(args) or read_rows(*args)  # type: ignore[assignment]
        for name, text in zip(names, texts, strict=True):
            read_tables(*split(text, name), name)
        fast._read_indicator_rows = read_rows  # type: ignore[assignment]
        items = calls

        def step(args: Any) -> object:
            args[3].indicators = []  # (the parts: read again from no indicator)
            return read_rows(*args)
    elif stage == "document":
        items = [(name, read_tables(*split(text, name), name)) for name, text in zip(names, texts, strict=True)]
        step = lambda item: document_from_parts(item[1], item[0], [])  # noqa: E731
    else:
        sys.exit(f"unknown stage {stage}")
    functools.reduce(lambda count, item: (step(item), count + 1)[1], items, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("stages", nargs="*", default=list(STAGES), help=f"of {', '.join(STAGES)} (default: all)")
    parser.add_argument("--tables", type=int, default=500)
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the src directory to measure")
    parser.add_argument("--workload", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.workload:
        workload(args.workload, args.tables)
        return
    if unknown := [stage for stage in args.stages if stage not in STAGES]:
        sys.exit(f"unknown stages {unknown}: {', '.join(STAGES)}")
    for stage in args.stages:
        with TemporaryDirectory(prefix="read-text-stages-") as tmp:
            out = subprocess.run(
                ["valgrind", "--tool=callgrind", "--collect-atstart=no", "--toggle-collect=functools_reduce",
                 f"--callgrind-out-file={tmp}/callgrind.out", sys.executable, __file__, "--workload", stage,
                 "--tables", str(args.tables)],
                env={**os.environ, "PYTHONPATH": str(args.src.resolve())}, capture_output=True, text=True, check=True)
        found = re.search(r"Collected : (\d+)", out.stderr)
        if found is None:
            sys.exit(f"no instruction count in valgrind's output:\n{out.stderr[-2000:]}")
        print(f"{stage:12} {int(found.group(1)) // args.tables:>10,} instructions per table ({args.tables} tables)")


if __name__ == "__main__":
    main()
