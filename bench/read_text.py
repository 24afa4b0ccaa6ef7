"""Benchmark: the text reader (the seed's tab-cell form) on a generated corpus of 10,000 tables.

Usage: .venv/bin/python bench/read_text.py [--tables 10000]
Requirement (issue 2): ≥ 5,000 tables/s on one core. Reports tables/s and MB/s.
The corpus is 1,000 files of 10 tables (one unit each), read file by file through the
whole pipeline (decode → split → interpret → target grammar), as `perfbudget read` does.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_files

from perfbudget.readers.text import read_text_bytes
from perfbudget.target import parse_target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = [text.encode("utf-8") for text in corpus_files(args.tables)]
    megabytes = sum(len(f) for f in files) / 1e6
    runs = []
    for _ in range(args.repeat):
        parse_target.cache_clear()  # measure the grammar too, not only the cache
        start = time.perf_counter()
        projects = indicators = 0
        for number, data in enumerate(files):
            document, problems = read_text_bytes(data, f"corpus-{number}.txt")
            assert document is not None and not [p for p in problems if p.severity == "error"]
            projects += len(document.projects)
            indicators += document.indicator_count
        runs.append(time.perf_counter() - start)
    assert projects == args.tables, projects
    best, median = min(runs), statistics.median(runs)
    print(f"text reader: {args.tables} tables, {indicators} indicators, {megabytes:.1f} MB in {len(files)} files")
    print(f"  best {best:.3f} s = {args.tables / best:,.0f} tables/s, {megabytes / best:.1f} MB/s; "
          f"median {median:.3f} s = {args.tables / median:,.0f} tables/s")


if __name__ == "__main__":
    main()
