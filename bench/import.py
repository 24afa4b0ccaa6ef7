"""Benchmark: importing 10,000 tables (88,000 indicators) into SQLite and PostgreSQL, then querying.

Usage: .venv/bin/python bench/import.py [--tables 10000] [--pg URL] [--skip-sqlite]

PostgreSQL: ``--pg`` or env PERFBUDGET_TEST_PG / PERFBUDGET_BENCH_PG names a server (an
admin database URL, as scripts/pg.sh prints); the benchmark creates its own database
there and drops it afterwards. Without one, only SQLite is measured.

Requirements (issue 3): SQLite ≥ 1,000 tables/s, PostgreSQL ≥ 500 tables/s; ``list`` and
``show`` answer in under 50 ms at that size.

What is timed, per database (each a fresh one):
* import, end to end: ``perfbudget.app.imports.import_path`` per file — fingerprint, read the
  file, and one transaction per document with the workflow and confirmation checks (the same
  code path as ``perfbudget import``);
* import, store only: the same documents read beforehand, ``Store.import_document`` per
  document (one transaction each) into another fresh database;
* re-import of all files (every one "unchanged");
* queries (median of 20 warm runs, in process): the store functions behind ``list`` and
  ``show``/``history``; and once, a whole ``perfbudget`` process for comparison.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_files

from perfbudget.app.imports import ImportRequest, import_path
from perfbudget.app.settings import CoreSettings
from perfbudget.load import load_path
from perfbudget.store import Filters, Store
from perfbudget.store.transaction import Actor

SETTINGS = CoreSettings()
REQUEST = ImportRequest(Actor(None, "bench"), "cli")


def _ms(function: Callable[[], Any], runs: int = 20) -> float:
    function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


@contextmanager
def _pg_database(admin: str) -> Iterator[str]:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = admin.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _import_files(url: str, files: list[Path]) -> tuple[float, dict[str, int]]:
    with Store(url) as store:
        start = time.perf_counter()
        with store.library_batch():  # as perfbudget import: the indicator library once, after the files
            for path in files:
                outcome = import_path(store, SETTINGS, path, REQUEST)
                assert outcome.status == "imported", outcome
        elapsed = time.perf_counter() - start
        return elapsed, store.counts()


def _import_documents(url: str, files: list[Path]) -> float:
    loaded = [(str(path), load_path(path)) for path in files]
    with Store(url) as store:
        start = time.perf_counter()
        with store.library_batch():
            for name, result in loaded:
                assert result.document is not None
                outcome = store.import_document(result.document, name, form=result.form)
                assert outcome.status == "imported", outcome
        return time.perf_counter() - start


def _queries(url: str, files: list[Path]) -> dict[str, float]:
    with Store(url) as store:
        unit = store.units(Filters(), limit=1)["items"][0]["code"]
        some = store.projects(Filters(unit=unit), limit=1)["items"][0]
        name = some["name"]
        project_id = some["id"]

        def show_by_name() -> None:
            [found] = store.find_projects(f"{name}-{some['fund_label']}")
            assert store.project_version(found["id"]) is not None

        timings = {
            "list units": _ms(lambda: store.units()),
            "list units --search 单位": _ms(lambda: store.units(Filters(search="检察院"))),
            "list projects": _ms(lambda: store.projects()),
            "list projects --unit": _ms(lambda: store.projects(Filters(unit=unit))),
            "list projects --year 2024": _ms(lambda: store.projects(Filters(year=2024))),
            "list projects --search": _ms(lambda: store.projects(Filters(search="司法救助项目5"))),
            "list indicators": _ms(lambda: store.indicators()),
            "list indicators --unit": _ms(lambda: store.indicators(Filters(unit=unit))),
            "list indicators --search": _ms(lambda: store.indicators(Filters(search="满意度"))),
            "show ID": _ms(lambda: store.project_version(project_id)),
            "show NAME": _ms(show_by_name),
            "history ID": _ms(lambda: store.history(project_id)),
        }
    env = {**os.environ, "PERFBUDGET_DB": url}
    for label, args in (("process: list projects --unit", ["list", "projects", "--unit", unit]),
                        ("process: show ID --json", ["show", str(project_id), "--json"])):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "perfbudget", *args], env=env, check=True, capture_output=True)
        timings[label] = (time.perf_counter() - start) * 1000
    return timings


def _reimport(url: str, files: list[Path]) -> float:
    with Store(url) as store:
        start = time.perf_counter()
        for path in files:
            assert import_path(store, SETTINGS, path, REQUEST).status == "unchanged"
        return time.perf_counter() - start


def bench(label: str, make_url: Callable[[], Any], files: list[Path], tables: int) -> None:
    with make_url() as url:
        elapsed, counts = _import_files(url, files)
        assert counts["projects"] == tables, counts
        print(f"{label}: {counts['projects']:,} tables, {counts['indicators']:,} indicators in {len(files):,} files")
        print(f"  import, end to end (read + store): {elapsed:.2f} s = {tables / elapsed:,.0f} tables/s")
        again = _reimport(url, files)
        print(f"  re-import, all unchanged:          {again:.2f} s = {tables / again:,.0f} tables/s")
        for name, ms in _queries(url, files).items():
            print(f"  {name:<32} {ms:8.1f} ms")
    with make_url() as url:
        stored = _import_documents(url, files)
        print(f"  import, store only (pre-read):     {stored:.2f} s = {tables / stored:,.0f} tables/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_BENCH_PG") or os.environ.get("PERFBUDGET_TEST_PG"))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="perfbudget-bench-") as temp:
        folder = Path(temp) / "tables"
        folder.mkdir()
        files = []
        for number, text in enumerate(corpus_files(args.tables)):
            path = folder / f"unit-{number:05d}.txt"
            path.write_text(text, encoding="utf-8")
            files.append(path)
        if not args.skip_sqlite:
            counter = iter(range(1_000_000))

            @contextmanager
            def sqlite_url() -> Iterator[str]:
                yield f"sqlite:///{Path(temp) / f'bench-{next(counter)}.db'}"

            bench("SQLite", sqlite_url, files, args.tables)
        if args.pg:
            bench("PostgreSQL", lambda: _pg_database(args.pg), files, args.tables)
        else:
            print("PostgreSQL: skipped (no --pg URL, PERFBUDGET_BENCH_PG or PERFBUDGET_TEST_PG)")


if __name__ == "__main__":
    main()
