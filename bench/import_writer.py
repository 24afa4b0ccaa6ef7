"""The importing process's own work per table: the writes and the library update, without reading.

    .venv/bin/python bench/import_writer.py [--tables 1200] [--warm 20] [--pg URL] [--batch N]
    valgrind --tool=callgrind --instr-atstart=no .venv/bin/python bench/import_writer.py --callgrind [...]

Plans ``--tables`` tables (corpus.py, files of 10 tables) in this process and sends them through pickle as
the reading processes do, imports the first ``--warm`` documents (not measured: the library's first names,
rjieba's loading), then the rest inside one library batch, as ``perfbudget import`` writes them: each
document all or nothing (PostgreSQL: a savepoint of its own; SQLite: none, the batch), ``--batch`` documents a
commit (``Store.write_batch``; default ``bulk_import.WRITE_EVERY``; 0: one transaction per document, as before
2026-12-06).
Prints the CPU milliseconds per table of this process for the writes and for the
library update, and on PostgreSQL the server backends' CPU (from /proc). ``--merged`` (SQLite): the search
index merged into one segment after the warm-up, so that the FTS5 merging in the measured batches does not depend on
how the warm-up's documents were indexed (one transaction each: until migration 1836 by the insert triggers, a
segment at each statement; since, by one statement a table). With ``--callgrind`` (under
valgrind) it switches instrumentation on for the writes and dumps the counts after the writes ("write") and
after the library update ("library"): instruction counts, deterministic where CPU seconds on a shared
machine are not. Another version's code: run with ``PYTHONPATH=/tmp/base/src``.
"""

from __future__ import annotations

import argparse
import os
import pickle
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import nullcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import corpus_files

from library import ServerCpu
from perfbudget.app import bulk_import
from perfbudget.app.imports import ImportRequest, import_document
from perfbudget.app.settings import CoreSettings
from perfbudget.readers.text import read_text
from perfbudget.store import Store
from perfbudget.store.importer import Plan, plan_document
from perfbudget.store.transaction import Actor

REQUEST = ImportRequest(Actor(None, "bench"), "cli")


def _callgrind(enabled: bool, *arguments: str) -> None:
    if enabled:
        subprocess.run(["callgrind_control", *arguments, str(os.getpid())], check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=1200)
    parser.add_argument("--warm", type=int, default=20, help="documents imported before the measurement")
    parser.add_argument("--pg", default=None, help="a PostgreSQL admin URL (scripts/pg.sh); else SQLite")
    parser.add_argument("--callgrind", action="store_true", help="running under valgrind --tool=callgrind")
    parser.add_argument("--batch", type=int, default=getattr(bulk_import, "WRITE_EVERY", 0),
                        help="documents a commit (0: a transaction each)")
    parser.add_argument("--merged", action="store_true",
                        help="SQLite: the search index merged into one segment after the warm-up ('optimize')")
    args = parser.parse_args()
    plans: list[Plan] = []
    for number, text in enumerate(corpus_files(args.tables)):
        planned = plan_document(read_text(text, f"unit-{number:05d}.txt")[0])  # type: ignore[arg-type]
        assert isinstance(planned, Plan)
        plans.append(pickle.loads(pickle.dumps(planned.detached(), protocol=pickle.HIGHEST_PROTOCOL)))
    admin, name = args.pg, f"bench_writer_{uuid.uuid4().hex[:8]}"
    if admin:
        import psycopg

        with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as server:
            server.execute(f"CREATE DATABASE {name}")
        url = admin.rsplit("/", 1)[0] + "/" + name
    else:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='bench-writer-')}/writer.db"
    settings = CoreSettings()
    try:
        with Store(url) as store:
            with store.library_batch():
                for number, plan in enumerate(plans[:args.warm]):
                    outcome = import_document(store, settings, None, f"w{number}", REQUEST, plan=plan,
                                              sha256=f"{number:064x}")
                    assert outcome.status == "imported", outcome
            if args.merged and not admin:
                with store.library_writing() as connection:
                    for fts in ("search_indicators", "search_projects"):
                        connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('optimize')")
            measured = plans[args.warm:]
            tables = sum(len(plan.tables) for plan in measured)
            server_cpu = ServerCpu(url)
            start, server_start = time.process_time(), server_cpu()
            _callgrind(args.callgrind, "-i", "on")
            with store.library_batch():
                for first in range(0, len(measured), args.batch or 1):
                    with store.write_batch(index_at_end=True) if args.batch else nullcontext():
                        for number, plan in enumerate(measured[first:first + (args.batch or 1)], first):
                            outcome = import_document(store, settings, None, f"u{number}", REQUEST, plan=plan,
                                                      sha256=f"{number + len(plans):064x}")
                            assert outcome.status == "imported", outcome
                write, write_server = time.process_time() - start, server_cpu() - server_start
                _callgrind(args.callgrind, "-d", "write")
                start, server_start = time.process_time(), server_cpu()
            library, library_server = time.process_time() - start, server_cpu() - server_start
            _callgrind(args.callgrind, "-d", "library")
            _callgrind(args.callgrind, "-i", "off")
            if server_cpu.connection is not None:
                server_cpu.connection.close()
    finally:
        if admin:
            import psycopg

            with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://"),
                                 autocommit=True) as server:
                server.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    print(f"{'PostgreSQL' if admin else 'SQLite'}, {tables:,} tables (after {args.warm} documents), CPU ms per "
          f"table: write {1000 * write / tables:.3f} (+ server {1000 * write_server / tables:.3f}), library "
          f"{1000 * library / tables:.3f} (+ server {1000 * library_server / tables:.3f})")


if __name__ == "__main__":
    main()
