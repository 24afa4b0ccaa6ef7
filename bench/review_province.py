"""Benchmark: ``perfbudget review --db … --year …`` over a whole province (~1,000,000 indicators).

Usage: .venv/bin/python bench/review_province.py [--indicators 1000000] [--pg URL] [--jobs 1,2]
       [--skip-sqlite] [--skip-pg] [--cache DIR] [--rebuild] [--build-only] [--baseline SRC]
       [--baseline-indicators N]

Requirement (issue 17, point 4): reviewing and saving 1,000,000 indicators (≈ 113,000 projects)
≤ 20 s using both cores.

The store (built once, then reused from ``--cache``, default /tmp/perfbudget-bench-province):
copies of the seed's ten real tables (examples/, 88 indicators), one copy per unit (11,364 units
for 1,000,000 indicators), every copy with its own unit code, project names, fund year 2025, a
variant of each 三级 name (40 variants: the names a province repeats) and shifted target values;
rows are inserted directly (not timed), then the indicator library is built (not timed), so the
library rules (below-peers, below-last-year) take part as in ``perfbudget review --db``. The
PostgreSQL copy is a database ``perfbudget_bench_province`` next to the one ``--pg`` names, kept
between runs.

Timed, per database and per ``--jobs`` value: the whole command, as a user runs it, in a new
process — ``perfbudget review --db URL --year 2025 --save --summary --jobs N`` — start-up,
planning, loading, reviewing, saving every project's review in one transaction. The saved rows
are deleted after each run (not timed), so every run saves into the same store. With
``--baseline SRC`` (a ``src`` directory of other code, e.g. main's, from ``git archive``), the same
command of that code runs on a store of ``--baseline-indicators`` (default 100,000: the one-by-one
code takes minutes at a province's size) and so does this code's, side by side.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from perfbudget.load import load_path
from perfbudget.model import Document, Project, Target, Unit
from perfbudget.store import Store
from perfbudget.store.bulk import insert_rows
from perfbudget.store.schema import documents, indicators, project_versions, projects, targets, units, utc_now
from perfbudget.target import parse_target

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"
YEAR = 2025
VARIANTS = 40


def seed_document() -> Document:
    result = load_path(SEED)
    if result.document is None or result.errors:
        sys.exit(f"cannot read the seed: {result.problems}")
    return result.document


def _unit_projects(seed: Document, copy: int, parsed: dict[tuple[str, str], Target]) -> list[Project]:
    """The seed's projects for unit ``copy``: its own names, year 2025, a name variant, shifted targets."""
    variant = copy % VARIANTS
    out = []
    for project in seed.projects:
        rows = []
        for indicator in project.indicators:
            name = f"{indicator.level3}{variant}" if variant % 2 else f"第{variant}批{indicator.level3}"
            target = indicator.target
            raw = target.raw
            if target.value is not None and target.unit != "%":
                raw = raw.replace(str(target.value), str(target.value + Decimal(copy % 7)), 1)
            if (raw, name) not in parsed:
                parsed[(raw, name)] = parse_target(raw, name)
            rows.append(replace(indicator, level3=name, description=name, target=parsed[(raw, name)]))
        name = re.sub(r"^20\d\d年", f"{YEAR}年", project.name) + str(copy)
        out.append(replace(project, name=name, fund_year=YEAR, fund_label=f"{YEAR}{project.fund_source or ''}",
                           indicators=tuple(rows)))
    return out


def fill(store: Store, total: int) -> tuple[int, int]:
    """Fill an empty store with about ``total`` indicators (rows inserted directly); units and projects."""
    from perfbudget.store import rows as store_rows
    from perfbudget.store.engine import write_transaction

    seed = seed_document()
    copies = -(-total // seed.indicator_count)
    parsed: dict[tuple[str, str], Target] = {}
    now = utc_now()
    batch = 500
    with write_transaction(store.engine) as connection:
        for start in range(0, copies, batch):
            numbers = range(start, min(copies, start + batch))
            codes = {c: str(300000 + c) for c in numbers}
            unit_ids = insert_rows(connection, units, [{"key": f"code:{codes[c]}", "code": codes[c],
                                                        "name": f"测试单位{c}"} for c in numbers], with_ids=True)
            doc_ids = insert_rows(connection, documents, [
                {"unit_id": unit_id, "file_name": f"unit{c}.txt", "sha256": f"{c:064d}",
                 "content_sha256": f"{c:064d}", "form": "text", "kind": "target", "unit_code": codes[c],
                 "unit_name": f"测试单位{c}", "money_unit": seed.money_unit, "project_count": len(seed.projects),
                 "indicator_count": seed.indicator_count, "imported_at": now}
                for c, unit_id in zip(numbers, unit_ids, strict=True)], with_ids=True)
            made = [(unit_id, doc_id, Unit(codes[c], f"测试单位{c}"), project)
                    for c, unit_id, doc_id in zip(numbers, unit_ids, doc_ids, strict=True)
                    for project in _unit_projects(seed, c, parsed)]
            project_ids = insert_rows(connection, projects, [
                {"unit_id": unit_id, "identity": store_rows.project_identity(unit, project), "name": project.name,
                 "fund_label": project.fund_label, "fund_year": project.fund_year, "latest_version": 1,
                 "created_at": now, "updated_at": now} for unit_id, _doc, unit, project in made], with_ids=True)
            version_ids = insert_rows(connection, project_versions, [
                {"project_id": project_id, "number": 1, "document_id": doc_id, "content_sha256": uuid.uuid4().hex,
                 **store_rows.version_values(project), "created_at": now}
                for project_id, (_unit_id, doc_id, _unit, project) in zip(project_ids, made, strict=True)],
                with_ids=True)
            indicator_rows, target_rows = [], []
            with_year = "fund_year" in indicators.c  # the project's year on its indicators (0800), as the importer
            for version_id, (_u, _d, _unit, project) in zip(version_ids, made, strict=True):
                year = {"fund_year": project.fund_year} if with_year else {}
                for position, indicator in enumerate(project.indicators, 1):
                    values = store_rows.indicator_values(indicator, position)
                    indicator_rows.append({"version_id": version_id, **values, **year})
                    target_rows.append(store_rows.target_values(indicator.target))
            indicator_ids = insert_rows(connection, indicators, indicator_rows, with_ids=True)
            insert_rows(connection, targets, [{"indicator_id": i, **row}
                                              for i, row in zip(indicator_ids, target_rows, strict=True)])
    return copies, copies * len(seed.projects)


def _pg_url(admin: str, name: str) -> str:
    head, _, _ = admin.rpartition("/")
    return f"{head}/{name}"


def _prepare(url: str, total: int, rebuild: bool, label: str) -> None:
    """The store at ``url`` holding the province (built when absent or ``rebuild``)."""
    from sqlalchemy import func, select

    from perfbudget.library.build import build_library
    from perfbudget.store.library_tables import library_groups

    store = Store(url)
    with store.reading() as tx:
        have = tx.connection.execute(select(func.count()).select_from(indicators)).scalar_one()
        groups = tx.connection.execute(select(func.count()).select_from(library_groups)).scalar_one()
    if have and not groups and not rebuild:  # an earlier build stopped before its library
        build_library(store)
        groups = 1
    store.close()
    if have and not rebuild:
        print(f"{label}: reusing {url.split('@')[-1]} ({have:,} indicators)")
        return
    if have:
        sys.exit(f"{label}: {url} is not empty; remove it first (or drop the database)")
    start = time.perf_counter()
    store = Store(url)
    copies, count = fill(store, total)
    filled = time.perf_counter() - start
    build_library(store)
    store.close()
    print(f"{label}: built {copies:,} units, {count:,} projects in {filled:.0f} s, "
          f"library in {time.perf_counter() - start - filled:.0f} s")


def _clear_reviews(url: str) -> None:
    store = Store(url, migrate=False)
    with store.transaction() as tx:
        tx.connection.exec_driver_sql("DELETE FROM reviews")
    store.close()


# The other code's ``review --db --year --save`` without printing the reports (it has no --summary).
_BASELINE = """
import sys
from perfbudget.app.reviews import review_stored
from perfbudget.app.settings import CoreSettings
from perfbudget.library.peers import StorePeers, using
from perfbudget.store import Store
store = Store(sys.argv[1])
with using(StorePeers(store)):
    groups = review_stored(store, CoreSettings(), store.latest_versions(year=int(sys.argv[2])), save=True,
                           actor="bench", year=int(sys.argv[2]))
print(f"审核了 {sum(len(g.saved) for g in groups)} 个项目（已保存）")
"""


def _run(url: str, jobs: int, src: Path) -> tuple[float, float, str]:
    """Time the command in a new process (``jobs`` 0: the other code's): wall and CPU seconds (its own
    and its workers', not the PostgreSQL server's); its summary line."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    if jobs:
        command = [sys.executable, "-m", "perfbudget", "review", "--db", url, "--year", str(YEAR), "--save",
                   "--summary", "--jobs", str(jobs)]
    else:
        command = [sys.executable, "-c", _BASELINE, url, str(YEAR)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    _clear_reviews(url)
    if done.returncode not in (0, 1):
        sys.exit(f"review failed ({done.returncode}): {done.stderr[-2000:]}")
    lines = [line for line in (done.stdout + done.stderr).splitlines() if "审核了" in line or "已保存" in line]
    return elapsed, cpu, " / ".join(line.strip() for line in lines)[:160]


def _load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_BENCH_PG") or os.environ.get("PERFBUDGET_TEST_PG"))
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/perfbudget-bench-province"))
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="build (or check) the stores, time nothing")
    parser.add_argument("--baseline", type=Path, help="src directory of the code to compare with (e.g. main's)")
    parser.add_argument("--baseline-indicators", type=int, default=100_000)
    args = parser.parse_args()
    jobs = [int(j) for j in args.jobs.split(",")]
    here = ROOT / "src"
    args.cache.mkdir(parents=True, exist_ok=True)
    stores: list[tuple[str, str, int]] = []
    sizes = [args.indicators]
    if args.baseline and args.baseline_indicators != args.indicators:
        sizes.append(args.baseline_indicators)
    for size in sizes:
        if not args.skip_sqlite:
            stores.append(("SQLite", f"sqlite:///{args.cache / f'province-{size}.db'}", size))
        if not args.skip_pg:
            if not args.pg:
                sys.exit("PostgreSQL: give --pg URL (or PERFBUDGET_BENCH_PG), or --skip-pg")
            stores.append(("PostgreSQL", _pg_url(args.pg, f"perfbudget_bench_province_{size}"), size))
    for label, url, size in stores:
        if label == "PostgreSQL":
            _create_pg(args.pg, url.rpartition("/")[2], args.rebuild)
        _prepare(url, size, args.rebuild, label)
    if args.build_only:
        return
    print("\n| database | indicators | code | --jobs | wall s | CPU s | indicators/s | load before | output |")
    print("|---|---|---|---|---|---|---|---|---|")
    for label, url, size in stores:
        runs = [("this", here, j) for j in jobs]
        if args.baseline and size == args.baseline_indicators:
            runs += [("baseline", args.baseline, 0)]
        for code, src, j in runs:
            load = _load()
            seconds, cpu, summary = _run(url, j, src)
            print(f"| {label} | {size:,} | {code} | {j or '—'} | {seconds:.1f} | {cpu:.1f} | {size / seconds:,.0f} | "
                  f"{load} | {summary} |", flush=True)


def _create_pg(admin: str, name: str, rebuild: bool) -> None:
    import psycopg

    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and rebuild:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":
    main()
