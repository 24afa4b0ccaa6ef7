"""Benchmark: the text reader (the seed's tab-cell form) on a generated corpus of 10,000 tables.

Usage: .venv/bin/python bench/read_text.py [--tables 10000] [--repeat 3]
Requirements: ≥ 5,000 tables/s on one core (issue 2), ≥ 10,000 (issue 17). Reports tables/s and MB/s.
The corpus is 1,000 files of 10 tables (one unit each), read file by file through the
whole pipeline (decode → split → interpret → target grammar), as `perfbudget read` does.

Side by side, the same corpus through a bare split-into-cells parse (the least a parser of
this form must do: decode the bytes, split the lines, tell cell lines from blank lines and
headings, collect each row's cell texts; no labels, no model, no locations), and the ratio
reader / bare: how far the reader is from the floor of its form.

``--as-load`` reads each file inside ``readers.gc_paused()``, as ``load``/``perfbudget read``/the import
read it (``readers.read_bytes`` pauses the cyclic collector around every reader); without it the files are
read with the collector running, as every figure before 2026-12-03 19:00 was measured.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_files

from perfbudget.readers import gc_paused, text_cells_fast
from perfbudget.readers.text import read_text_bytes
from perfbudget.target import parse_target


def bare_parse(data: bytes) -> list[list[list[str]]]:
    """Tables of rows of cell texts: the floor a parser of the tab-cell form cannot go below."""
    tables: list[list[list[str]]] = []
    row: list[str] | None = None
    for line in data.decode("utf-8").splitlines():
        if line[:1] == "\t":
            if row is None:
                row = []
                if not tables:
                    tables.append([])
                tables[-1].append(row)
            row.append(line[1:])
        elif not line.strip():
            row = None
        elif row is None:
            tables.append([])  # a heading line: a new table
        else:
            row[-1] += "\n" + line  # a cell's further paragraph
    return tables


def best_of(repeat: int, run: object) -> tuple[float, float]:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        runs.append(time.perf_counter() - start)
    return min(runs), statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--as-load", action="store_true", help="the collector paused per file, as load reads")
    args = parser.parse_args()
    files = [text.encode("utf-8") for text in corpus_files(args.tables)]
    megabytes = sum(len(f) for f in files) / 1e6
    runs = []
    for _ in range(args.repeat):
        parse_target.cache_clear()  # measure the grammar too, not only the cache
        # (the one-pass path's look-ups over parse_target; forget_targets since reader-speed14b)
        getattr(text_cells_fast, "forget_targets", text_cells_fast._row_target.cache_clear)()
        start = time.perf_counter()
        projects = indicators = 0
        for number, data in enumerate(files):
            if args.as_load:
                with gc_paused():
                    document, problems = read_text_bytes(data, f"corpus-{number}.txt")
            else:
                document, problems = read_text_bytes(data, f"corpus-{number}.txt")
            assert document is not None and not [p for p in problems if p.severity == "error"]
            projects += len(document.projects)
            indicators += document.indicator_count
        runs.append(time.perf_counter() - start)
    assert projects == args.tables, projects
    best, median = min(runs), statistics.median(runs)
    bare_best, bare_median = best_of(args.repeat, lambda: [bare_parse(data) for data in files])
    print(f"text reader: {args.tables} tables, {indicators} indicators, {megabytes:.1f} MB in {len(files)} files")
    print(f"  best {best:.3f} s = {args.tables / best:,.0f} tables/s, {megabytes / best:.1f} MB/s; "
          f"median {median:.3f} s = {args.tables / median:,.0f} tables/s")
    print(f"bare split into cells (same corpus): best {bare_best:.3f} s = {args.tables / bare_best:,.0f} tables/s; "
          f"median {bare_median:.3f} s = {args.tables / bare_median:,.0f} tables/s")
    print(f"  reader / bare: {best / bare_best:.1f}× the time (best), {median / bare_median:.1f}× (median)")


if __name__ == "__main__":
    main()
