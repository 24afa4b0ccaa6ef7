"""Benchmark: importing 10,000 tables (88,000 indicators) into SQLite and PostgreSQL, then querying;
and the bulk path, ``perfbudget import DIR`` as a user runs it, side by side with another version's code.

Usage: .venv/bin/python bench/import.py [--tables 10000] [--jobs N] [--pg URL] [--skip-sqlite]
       .venv/bin/python bench/import.py --cli [--files 10000,20000] [--jobs 1,2] [--base SRC] [--pg URL]

PostgreSQL: ``--pg`` or env PERFBUDGET_TEST_PG / PERFBUDGET_BENCH_PG names a server (an
admin database URL, as scripts/pg.sh prints); the benchmark creates its own database
there and drops it afterwards. Without one, only SQLite is measured.

Requirements (issue 3): SQLite ≥ 1,000 tables/s, PostgreSQL ≥ 500 tables/s; ``list`` and
``show`` answer in under 50 ms at that size.

What is timed, per database (each a fresh one):
* import, end to end: ``perfbudget.app.bulk_import.import_files`` over the folder with ``--jobs``
  reading processes — fingerprint, read, plan in the pool; one transaction per document with the
  workflow and confirmation checks in this process (the same code path as ``perfbudget import``);
* import, store only: the same documents read beforehand, ``Store.import_document`` per
  document (one transaction each) into another fresh database;
* re-import of all files (every one "unchanged");
* queries (median of 20 warm runs, in process): the store functions behind ``list`` and
  ``show``/``history``; and once, a whole ``perfbudget`` process for comparison.

``--cli`` (issue 17, the bulk path): for each size in ``--files`` (files of 10 tables; written
one at a time, the corpus is never held in memory), each database and each ``--jobs``, a fresh
database and one ``python -m perfbudget import DIR --db URL -j N`` process, timed from start to
exit (start-up, the walk, reading, writing, the library). Sampled every 0.1 s from /proc: the peak
resident memory (VmHWM) of the import process and the largest of its reading processes (the processes below it in the
tree but multiprocessing's fork server and resource tracker, whose peak is the preload, not a reader's growth:
since import-floor7 the readers are the server's children, not the import's), and on
PostgreSQL the CPU of the database's server backends. CPU of the import process and its reading
processes from ``wait4``. "This" code is the ``src`` beside the script (``PYTHONPATH``; the venv's
editable install may be another worktree's). With ``--base SRC`` (e.g. ``git -C /work/main archive HEAD src | tar -x
-C /tmp/base``, then ``--base /tmp/base/src``) the same command runs with that code as well
(``PYTHONPATH``), alternating with this code, so both see the same load; a version without
``--jobs`` runs without it. The load average is printed before and after each run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_files, seed_tables, varied_table

from perfbudget.app.bulk_import import default_jobs, import_files
from perfbudget.app.imports import ImportRequest, import_document, import_path
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

    name = f"import_{uuid.uuid4().hex[:10]}"  # the prefix of this benchmark's throwaway databases
    plain = admin.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = admin.rpartition("/")
    try:
        yield f"{head}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _import_files(url: str, files: list[Path], jobs: int | None) -> tuple[float, dict[str, int]]:
    with Store(url) as store:
        start = time.perf_counter()
        for outcome in import_files(store, SETTINGS, files, REQUEST, jobs=jobs):  # as perfbudget import
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


def bench(label: str, make_url: Callable[[], Any], files: list[Path], tables: int, jobs: int | None) -> None:
    with make_url() as url:
        elapsed, counts = _import_files(url, files, jobs)
        assert counts["projects"] == tables, counts
        print(f"{label}: {counts['projects']:,} tables, {counts['indicators']:,} indicators in {len(files):,} files")
        print(f"  import, end to end (read + store): {elapsed:.2f} s = {tables / elapsed:,.0f} tables/s"
              f" (--jobs {jobs or default_jobs()})")
        again = _reimport(url, files)
        print(f"  re-import, all unchanged:          {again:.2f} s = {tables / again:,.0f} tables/s")
        for name, ms in _queries(url, files).items():
            print(f"  {name:<32} {ms:8.1f} ms")
    with make_url() as url:
        stored = _import_documents(url, files)
        print(f"  import, store only (pre-read):     {stored:.2f} s = {tables / stored:,.0f} tables/s")


def _write_corpus(folder: Path, files: int, per_file: int = 10) -> None:
    """``files`` files of ``per_file`` tables (corpus.py's varied seed tables), written one at a time."""
    rng = random.Random(7)
    blocks = seed_tables()
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(files):
        start = number * per_file
        text = "".join(varied_table(blocks[j % len(blocks)], start + j, rng) for j in range(per_file))
        (folder / f"unit-{number:05d}.txt").write_text(text, encoding="utf-8")


def _status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])  # kB
    return 0


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found.extend(int(child) for child in (task / "children").read_text().split())
    return found


_HELPERS = ("multiprocessing.forkserver", "multiprocessing.resource_tracker")


def _readers(pid: int) -> list[int]:
    """The reading processes of the import ``pid``: every process below it in the tree, but the fork server and the
    resource tracker (its children started by multiprocessing's ``-c`` command, :data:`_HELPERS`). Since import-floor7
    the readers are the server's children, the import's grandchildren: its children alone are the server and the
    tracker, whose peak is the server's preload, not a reader's growth. A process gone meanwhile is skipped."""
    found: list[int] = []
    below = [(child, True) for child in _children(pid)]
    while below:
        process, top = below.pop()
        with suppress(OSError):
            command = Path(f"/proc/{process}/cmdline").read_bytes()
            below.extend((child, False) for child in _children(process))
            if not (top and any(helper.encode() in command for helper in _HELPERS)):
                found.append(process)
    return found


def _ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _cli_run(code: str | None, url: str, folder: Path, jobs: int | None, writers: int | None = None
             ) -> dict[str, Any]:
    """One ``perfbudget import`` process, sampled from /proc until it exits (its stderr shown if it fails).

    Its ``--json`` output goes to a file, as ``perfbudget import … --json > out.json`` writes it: until 2026-12-06
    it went to a pipe this script emptied every 0.1 s, and a batch's 25 outcomes (≈ 62 KB) filled the 64 KB pipe,
    so the importing process waited on this script (import-wait: 25 s of a 150 s run)."""
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryFile() as output:
        return _cli_process(code, url, folder, jobs, errors, output, writers)


def _cli_process(code: str | None, url: str, folder: Path, jobs: int | None, errors: Any,
                 written: Any, writers: int | None = None) -> dict[str, Any]:
    # "this" is the tree the script is in (the venv's editable install may be another worktree's)
    env = {**os.environ, "PYTHONPATH": code or str(Path(__file__).resolve().parent.parent / "src")}
    command = [sys.executable, "-m", "perfbudget", "import", str(folder), "--db", url, "--json"]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
    if writers is not None:
        command += ["--writers", str(writers)]
    server = None
    if url.startswith("postgresql"):
        import psycopg

        server = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
    backend_ticks: dict[int, int] = {}
    lock_samples = 0  # samples of a backend of the import waiting on a lock (each ≈ 0.1 s of its wait)
    deadlocks = _deadlocks(server) if server is not None else 0
    main_peak = reader_peak = 0
    load_before = _load()
    adopted = _adopt_orphans()
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=written, stderr=errors)
    while True:
        try:
            main_peak = max(main_peak, _status(process.pid, "VmHWM"))
            for reader in _readers(process.pid):
                reader_peak = max(reader_peak, _status(reader, "VmHWM"))
        except (OSError, ValueError):
            pass
        if server is not None:
            for pid, locked in server.execute("SELECT pid, wait_event_type IS NOT DISTINCT FROM 'Lock' "
                                              "FROM pg_stat_activity WHERE datname = current_database() "
                                              "AND pid <> pg_backend_pid()"):
                lock_samples += bool(locked)
                with suppress(OSError):
                    backend_ticks[pid] = max(backend_ticks.get(pid, 0), _ticks(pid))
        done, _exit_status, usage = os.wait4(process.pid, os.WNOHANG)
        if done != 0:
            break
        time.sleep(0.1)
    elapsed = time.perf_counter() - start
    orphans = _orphans_cpu()
    # unknown without the readers' CPU: not adopted (no subreaper) or a process left over
    cpu = usage.ru_utime + usage.ru_stime + orphans if adopted and orphans is not None else None
    written.seek(0)
    output = written.read()
    if server is not None:
        deadlocks = _deadlocks(server) - deadlocks
        server.close()
    try:
        summary = json.loads(bytes(output))["summary"]
    except ValueError:
        errors.seek(0)
        raise SystemExit(f"perfbudget import gave no JSON (exit {_exit_status}):\n"
                         f"{errors.read().decode()[-3000:]}") from None
    return {"seconds": elapsed, "summary": summary, "cpu": cpu,
            "server_cpu": sum(backend_ticks.values()) / os.sysconf("SC_CLK_TCK"),
            "lock_waits": lock_samples * 0.1, "deadlocks": deadlocks,
            "main_mb": main_peak / 1024, "reader_mb": reader_peak / 1024, "load": f"{load_before} → {_load()}"}


def _adopt_orphans() -> bool:
    """This process made the *subreaper* of the import's processes (Linux): since import-floor7 its reading processes
    are forked by a fork server, reaped by it, and the server ends after the import process without being reaped by
    it, so ``wait4`` of the import process no longer counts the readers' CPU; orphaned, the server comes here.
    False where it cannot be (``prctl`` missing or failed, its reason printed): the CPU is then printed unknown."""
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        failed = libc.prctl(36, 1, 0, 0, 0) != 0  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError) as error:
        print(f"bench: no subreaper ({error}): the readers' CPU is unknown", file=sys.stderr)
        return False
    if failed:
        print(f"bench: no subreaper ({os.strerror(ctypes.get_errno())}): the readers' CPU is unknown", file=sys.stderr)
    return not failed


ORPHANS_WAIT = 60.0  # seconds the import's leftover processes are waited for once it has ended


def _orphans_cpu() -> float | None:
    """The CPU seconds of the import's processes that outlived it (the fork server and what it reaped), once ended;
    None if some have not ended :data:`ORPHANS_WAIT` seconds after (their pids printed, left running)."""
    seconds = 0.0
    deadline = time.monotonic() + ORPHANS_WAIT
    while True:
        try:
            pid, _status, usage = os.wait4(-1, os.WNOHANG)
        except ChildProcessError:
            return seconds
        if pid:
            seconds += usage.ru_utime + usage.ru_stime
        elif time.monotonic() > deadline:
            print(f"bench: processes left over by the import, not counted: {_children(os.getpid())}", file=sys.stderr)
            return None
        else:
            time.sleep(0.05)


def _deadlocks(server: Any) -> int:
    """The deadlocks PostgreSQL detected in the current database so far."""
    return int(server.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
               .fetchone()[0] or 0)


def _migrated(code: str | None, url: str) -> None:
    """Migrate a new database with the code that will import into it (the other code's head may differ; "this" code
    is the ``src`` beside the script, not whatever the venv's editable install points at)."""
    code = code or str(Path(__file__).resolve().parent.parent / "src")
    subprocess.run([sys.executable, "-c", "import sys; from perfbudget.store import Store; Store(sys.argv[1]).close()",
                    url], env={**os.environ, "PYTHONPATH": code}, check=True)


def cli_bench(args: argparse.Namespace, temp: Path) -> None:
    jobs_list = [int(j) for j in args.jobs.split(",")] if args.jobs else [default_jobs()]
    databases: list[tuple[str, Callable[[], Any]]] = []
    if not args.skip_sqlite:
        counter = iter(range(1_000_000))

        @contextmanager
        def sqlite_url() -> Iterator[str]:
            path = temp / f"cli-{next(counter)}.db"
            yield f"sqlite:///{path}"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        databases.append(("SQLite", sqlite_url))
    if args.pg:
        databases.append(("PostgreSQL", lambda: _pg_database(args.pg)))
    writers_list: list[int | None] = [int(w) for w in args.writers.split(",")] if args.writers else [None]
    print(f"{'code':<5} {'database':<10} {'files':>7} {'tables':>8} {'jobs':>4} {'w':>2} {'s':>8} {'tables/s':>9} "
          f"{'CPU s':>7} {'PG CPU s':>8} {'lock s':>6} {'RSS MB':>7} {'reader MB':>9}  load before → after")
    for files in (int(n) for n in args.files.split(",")):
        folder = temp / f"files-{files}"
        _write_corpus(folder, files)
        tables = files * 10
        for label, make_url in databases:
            # writers: PostgreSQL only (SQLite writes with one); "lock s": the backends' samples waiting on a lock
            runs: list[tuple[str, int | None, int | None]] = [
                ("this", j, w) for j in jobs_list for w in (writers_list if label == "PostgreSQL" else [None])]
            if args.base:
                runs.insert(1, ("base", None, None))  # between this code's runs: the same load for both
            for name, jobs, writers in runs:
                with make_url() as url:
                    code = args.base if name == "base" else None
                    _migrated(code, url)  # a migrated, empty database (not timed)
                    run = _cli_run(code, url, folder, jobs, writers)
                assert run["summary"].get("imported") == files, run["summary"]
                print(f"{name:<5} {label:<10} {files:>7,} {tables:>8,} {jobs or '-':>4} {writers or '-':>2} "
                      f"{run['seconds']:>8.1f} {tables / run['seconds']:>9,.0f} {_seconds(run['cpu']):>7} "
                      f"{run['server_cpu']:>8.1f} {run['lock_waits']:>6.1f} {run['main_mb']:>7.0f} "
                      f"{run['reader_mb']:>9.0f}  {run['load']}"
                      + (f"  deadlocks {run['deadlocks']}" if run["deadlocks"] else ""), flush=True)
        shutil.rmtree(folder)


def _seconds(value: float | None) -> str:
    return "?" if value is None else f"{value:.1f}"


def stages_bench(args: argparse.Namespace, temp: Path) -> None:
    """CPU milliseconds per table of each stage of the bulk path, in this one process (the load inflates
    CPU time less than wall time, and every stage sees the same load): read, plan, send (pickle and
    unpickle the detached plan), write (one transaction per document; on PostgreSQL plus the server
    backends' CPU), the library update."""
    import pickle

    from library import ServerCpu
    from perfbudget.readers.text import read_text
    from perfbudget.store.importer import plan_document

    texts = corpus_files(args.tables)
    tables = args.tables
    cpu = time.process_time
    start = cpu()
    documents = [read_text(text, f"unit-{n:05d}.txt")[0] for n, text in enumerate(texts)]
    read = cpu() - start
    start = cpu()
    plans = [plan_document(d) for d in documents]  # type: ignore[arg-type]
    plan = cpu() - start
    start = cpu()
    sent = [pickle.loads(pickle.dumps(p.detached(), protocol=pickle.HIGHEST_PROTOCOL))  # type: ignore[union-attr]
            for p in plans]
    send = cpu() - start
    del documents, plans
    targets: list[tuple[str, Callable[[], Any]]] = []
    if not args.skip_sqlite:
        @contextmanager
        def sqlite_url() -> Iterator[str]:
            yield f"sqlite:///{temp / 'stages.db'}"

        targets.append(("SQLite", sqlite_url))
    if args.pg:
        targets.append(("PostgreSQL", lambda: _pg_database(args.pg)))
    print(f"CPU ms per table ({tables:,} tables; load {_load()}): read {1000 * read / tables:.3f}, "
          f"plan {1000 * plan / tables:.3f}, send {1000 * send / tables:.3f}")
    for label, make_url in targets:
        with make_url() as url, Store(url) as store:
            server = ServerCpu(url)
            start, server_start = cpu(), server()
            with store.library_batch():
                for n, item in enumerate(sent):
                    outcome = import_document(store, SETTINGS, None, f"unit-{n:05d}.txt", REQUEST,
                                              sha256=f"{n:064x}", plan=item)
                    assert outcome.status == "imported"
                write, write_server = cpu() - start, server() - server_start
                start, server_start = cpu(), server()
            library, library_server = cpu() - start, server() - server_start
            print(f"  {label}: write {1000 * write / tables:.3f} (+ server {1000 * write_server / tables:.3f}), "
                  f"library {1000 * library / tables:.3f} (+ server {1000 * library_server / tables:.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=10_000)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_BENCH_PG") or os.environ.get("PERFBUDGET_TEST_PG"))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--jobs", default=None, help="reading processes (--cli: a list, e.g. 1,2)")
    parser.add_argument("--cli", action="store_true", help="time perfbudget import DIR processes (the bulk path)")
    parser.add_argument("--files", default="10000,20000", help="--cli: corpus sizes in files of 10 tables")
    parser.add_argument("--base", default=None, help="--cli: another version's src directory, run side by side")
    parser.add_argument("--writers", default=None,
                        help="--cli, PostgreSQL: this code's writing connections, a list (e.g. 1,2; default: its own)")
    parser.add_argument("--stages", action="store_true", help="CPU per table of each stage, in one process")
    args = parser.parse_args()
    if args.stages:
        with tempfile.TemporaryDirectory(prefix="perfbudget-bench-") as temp:
            stages_bench(args, Path(temp))
        return
    if args.cli:
        with tempfile.TemporaryDirectory(prefix="perfbudget-bench-") as temp:
            cli_bench(args, Path(temp))
        return
    jobs = int(args.jobs) if args.jobs else None
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

            bench("SQLite", sqlite_url, files, args.tables, jobs)
        if args.pg:
            bench("PostgreSQL", lambda: _pg_database(args.pg), files, args.tables, jobs)
        else:
            print("PostgreSQL: skipped (no --pg URL, PERFBUDGET_BENCH_PG or PERFBUDGET_TEST_PG)")


if __name__ == "__main__":
    main()
