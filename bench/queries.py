"""Benchmark: `perfbudget list` (filters, --search), `show` and `list indicators --search` at province size.

Usage: .venv/bin/python bench/queries.py [--indicators 1000000] [--pg URL] [--skip-sqlite] [--skip-pg]
                                         [--rebuild] [--repeat 5] [--database NAME]

Requirement (issue 17): p95 ≤ 50 ms at 1,000,000 indicators (100,000 projects) on SQLite and PostgreSQL.

The store is filled once with rows inserted directly (bench/library.py's ``fill``: 2,000 units,
100,000 projects of 10 indicators over five years, 三级 names drawn Zipf-like from real and generated
names) and kept: SQLite in /tmp/perfbudget-bench-queries-<n>.db, PostgreSQL as the database
``bench_queries_<n>`` on the server of ``--pg`` (``--rebuild`` refills). The migration's search
indexes are filled as the rows go in (SQLite triggers, PostgreSQL GIN indexes).

Timed: the store functions behind each command, in this process, warm (the Python start-up of a
``perfbudget`` process is not the query; see bench/import.py). Each case runs over several
arguments (different searched texts, units, ids, names), each ``--repeat`` times after one
unmeasured run; p50 / p95 / max per case over all those runs, and p95 over every run of the table.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from perfbudget.store import search

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from library import ServerCpu as _LibraryServerCpu  # type: ignore[import-not-found]  # noqa: E402

SEARCHES_LONG = ("满意度", "验收合格率", "培训人次", "群众满意度", "档案完整率", "受益人数", "完成及时率",
                 "资金使用合规率", "路灯完好率", "不存在的指标名称")
SEARCHES_SHORT = ("培训", "低保", "道路", "成本", "疫苗", "率", "满意", "网络", "茶园", "无此")
PROJECT_SEARCHES = ("道路项目1", "培训项目", "疫苗", "2023年", "校舍项目12", "无此项目", "茶园", "低保")


def _quantile(values: list[float], q: float) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[round(q * 100) - 1]


CPU: dict[str, list[float]] = {}  # this process's CPU time per run, by case (SQLite: the whole query)
SERVER_CPU: dict[str, list[float]] = {}  # PostgreSQL: the database's server processes' CPU time per run


class ServerCpu(_LibraryServerCpu):
    """CPU milliseconds spent so far by the server processes of the database at ``url`` (PostgreSQL on
    this machine: ``/proc/PID/schedstat``, nanoseconds on the CPU, finer than library.py's clock ticks;
    the measuring connection's own backend left out); always 0 on SQLite, whose work is in this process.
    Unlike the wall time this hardly depends on how many other processes wait for the two cores."""

    def __call__(self) -> float:
        total = 0
        for pid in self.backends():
            try:
                total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return total / 1e6


def _time(call: Callable[[], object], repeat: int, cpu: list[float], server: ServerCpu,
          server_cpu: list[float]) -> list[float]:
    call()
    out = []
    for _ in range(repeat):
        start_server = server()
        start, start_cpu = time.perf_counter(), time.process_time()
        call()
        out.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        server_cpu.append(server() - start_server)
    return out


def cases(store: object, rng: random.Random) -> dict[str, list[Callable[[], object]]]:
    """Each case: the calls of one command with varied arguments (what the CLI runs, see cli/cmd_store.py)."""
    from perfbudget.app.evaluations import official_versions
    from perfbudget.store import Filters, Store

    assert isinstance(store, Store)
    counts = store.counts()
    projects = counts["projects"]
    some_ids = rng.sample(range(1, projects + 1), 10)
    names = [store.find_projects(str(i))[0]["name"] for i in some_ids]
    unit_codes = [str(900000 + u) for u in rng.sample(range(2000), 10)]

    def show(reference: str) -> Callable[[], object]:
        def run() -> object:
            found = store.find_projects(reference)
            return official_versions(store, project_ids=[found[0]["id"]])
        return run

    return {
        "list projects": [lambda: store.projects(Filters())],
        "list projects --year": [lambda y=y: store.projects(Filters(year=y)) for y in range(2020, 2025)],
        "list projects --unit": [lambda u=u: store.projects(Filters(unit=u)) for u in unit_codes],
        "list projects --search": [lambda s=s: store.projects(Filters(search=s)) for s in PROJECT_SEARCHES],
        "list indicators": [lambda: store.indicators(Filters())],
        "list indicators --unit": [lambda u=u: store.indicators(Filters(unit=u)) for u in unit_codes],
        "list indicators --search (≥ 3 chars)": [lambda s=s: store.indicators(Filters(search=s))
                                                 for s in SEARCHES_LONG],
        "list indicators --search (1–2 chars)": [lambda s=s: store.indicators(Filters(search=s))
                                                 for s in SEARCHES_SHORT],
        "list indicators --year --search": [lambda s=s: store.indicators(Filters(year=2024, search=s))
                                            for s in SEARCHES_LONG[:5] + SEARCHES_SHORT[:5]],
        "show ID": [show(str(i)) for i in some_ids],
        "show NAME": [show(n) for n in names],
    }


def measure(url: str, repeat: int) -> dict[str, list[float]]:
    from perfbudget.store import Store

    out: dict[str, list[float]] = {}
    server = ServerCpu(url)
    with Store(url) as store:
        for name, calls in cases(store, random.Random(17)).items():
            CPU[name], SERVER_CPU[name] = [], []
            out[name] = [t for call in calls for t in _time(call, repeat, CPU[name], server, SERVER_CPU[name])]
    return out


def ensure(url: str, total: int, fresh: bool) -> None:
    from scale import without_search_indexes  # type: ignore[import-not-found]

    from library import fill  # type: ignore[import-not-found]
    from perfbudget.store import Store

    with Store(url) as store:
        if not fresh and store.counts()["indicators"] >= total:
            with store.engine.begin() as connection:  # a store filled before the list indexes were added
                for statement in search.LIST_INDEXES:
                    connection.exec_driver_sql(statement.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS"))
            return
        start = time.perf_counter()
        without_search_indexes(store.engine, lambda: fill(store, total))
        with store.engine.connect() as connection:  # statistics for the planner, as after any bulk load
            if store.engine.dialect.name == "postgresql":
                connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
            else:
                connection.exec_driver_sql("ANALYZE")
                connection.commit()
    print(f"filled {url} with {total:,} indicators in {time.perf_counter() - start:.0f} s", flush=True)


def report(database: str, results: dict[str, list[float]]) -> None:
    print(f"\n{database}")
    print(f"{'command':<40}{'runs':>6}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'CPU p50':>9}{'CPU p95':>9}"
          f"{'srv p50':>9}{'srv p95':>9}")
    every: list[float] = []
    every_cpu: list[float] = []
    every_server: list[float] = []
    for name, values in results.items():
        every += values
        every_cpu += CPU[name]
        every_server += SERVER_CPU[name]
        print(f"{name:<40}{len(values):>6}{statistics.median(values):>9.1f}{_quantile(values, 0.95):>9.1f}"
              f"{max(values):>9.1f}{statistics.median(CPU[name]):>9.1f}{_quantile(CPU[name], 0.95):>9.1f}"
              f"{statistics.median(SERVER_CPU[name]):>9.1f}{_quantile(SERVER_CPU[name], 0.95):>9.1f}")
    print(f"{'all':<40}{len(every):>6}{statistics.median(every):>9.1f}{_quantile(every, 0.95):>9.1f}"
          f"{max(every):>9.1f}{statistics.median(every_cpu):>9.1f}{_quantile(every_cpu, 0.95):>9.1f}"
          f"{statistics.median(every_server):>9.1f}{_quantile(every_server, 0.95):>9.1f}", flush=True)
    print("(CPU: this process's; on SQLite that is the whole query. srv: PostgreSQL's server processes' CPU)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_TEST_PG"), help="PostgreSQL server URL")
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database", help="the store's name: PostgreSQL database NAME, SQLite file /tmp/NAME.db "
                                           "(default bench_queries_<indicators>, /tmp/perfbudget-bench-queries-"
                                           "<indicators>.db); e.g. a copy migrated by newer code, to time two "
                                           "codes side by side")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}, "
          f"{os.cpu_count()} CPUs", flush=True)
    if not args.skip_sqlite:
        name = args.database or f"perfbudget-bench-queries-{args.indicators}"
        path = Path(f"/tmp/{name}.db")
        if args.rebuild:
            path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
        ensure(url, args.indicators, False)
        report(f"SQLite ({args.indicators:,} indicators)", measure(url, args.repeat))
    if not args.skip_pg:
        if not args.pg:
            sys.exit("--pg URL (or PERFBUDGET_TEST_PG) is needed for PostgreSQL; or --skip-pg")
        from scale import pg_database  # type: ignore[import-not-found]

        url, existed = pg_database(args.pg, args.database or f"bench_queries_{args.indicators}", args.rebuild)
        ensure(url, args.indicators, not existed)
        report(f"PostgreSQL ({args.indicators:,} indicators)", measure(url, args.repeat))
    print(f"load average {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f}")


if __name__ == "__main__":
    main()
