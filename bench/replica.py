"""Benchmark: reads routed to a PostgreSQL streaming replica — what the routing costs, and the lag.

Usage: .venv/bin/python bench/replica.py [--pg URL] [--replica URL] [--units 200] [--repeat 200]
                                        [--synchronous-commit on|off]

``--pg``/``--replica`` default to env PERFBUDGET_TEST_PG / PERFBUDGET_TEST_PG_REPLICA (throwaway
clusters: ``bash scripts/pg.sh start DIR`` then ``bash scripts/pg.sh replica DIR``). A fresh
database is made on the primary (it reaches the replica through the WAL) and dropped afterwards.

The store is filled with the seed's ten projects under ``--units`` unit codes (not timed). Then,
warm, p50 and p95 of ``--repeat`` runs of one project page's read (``Store.project_version``: a
version with its indicators and targets):

* ``primary``: outside a session scope (the CLI's reads);
* ``replica``: in a user session with no pending write (what most page views do);
* ``replica + position check``: a session whose last write the replica has replayed (the check
  ``pg_last_wal_replay_lsn() >= …`` runs first in the read's transaction);
* ``position not replayed → primary``: replay paused, the check fails and the read goes to the
  primary (the writer's reads during the lag);

and of one small write transaction (an audit row) outside and inside a session (inside, the
primary's WAL position is read after the commit), and the replication lag: from a write's
commit until the replica has replayed it (``Router.wait_for_replica`` polling every 0.5 ms; it
includes checking out a pooled replica connection with its pre-ping, so it is an upper bound of
the lag itself). Both servers run on this machine: across a network add the round trip.

``--synchronous-commit`` (default ``on``, PostgreSQL's default) is set on the store's sessions
with the primary: the throwaway clusters of scripts/pg.sh run with ``synchronous_commit=off``,
where a commit's WAL reaches the standby only when the WAL writer flushes it (every
``wal_writer_delay``, 200 ms) — a lag that production settings do not have.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import psycopg

from perfbudget.app.read_routing import user_session
from perfbudget.load import load_path
from perfbudget.model import Unit
from perfbudget.store import Filters, Store
from perfbudget.store.transaction import Actor

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "000_e2047472f0d7711d.txt"


def plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


def timings(action: Callable[[], object], repeat: int) -> list[float]:
    action()  # warm
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        out.append((time.perf_counter() - started) * 1000)
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pg", default=os.environ.get("PERFBUDGET_TEST_PG"))
    parser.add_argument("--replica", default=os.environ.get("PERFBUDGET_TEST_PG_REPLICA"))
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--synchronous-commit", choices=("on", "off"), default="on")
    args = parser.parse_args()
    if not args.pg or not args.replica:
        parser.error("--pg and --replica (or env PERFBUDGET_TEST_PG, PERFBUDGET_TEST_PG_REPLICA) are needed")
    name = f"bench_replica_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(plain(args.pg), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        run(f"{args.pg.rpartition('/')[0]}/{name}", f"{args.replica.rpartition('/')[0]}/{name}", args)
    finally:
        with psycopg.connect(plain(args.pg), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def primary_lsn(store: Store) -> str:
    with store.engine.connect() as connection:
        return str(connection.exec_driver_sql("SELECT pg_current_wal_insert_lsn()::text").scalar_one())


def run(primary: str, replica: str, args: argparse.Namespace) -> None:
    deadline = time.monotonic() + 60
    while True:
        try:
            psycopg.connect(plain(replica), connect_timeout=3).close()
            break
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    store = Store(f"{primary}?options=-c%20synchronous_commit%3D{args.synchronous_commit}", replica_url=replica)
    loaded = load_path(SEED)
    assert loaded.document is not None
    with store.library_batch():
        for index in range(args.units):
            document = replace(loaded.document, unit=Unit(str(300000 + index), f"基准单位{index}"))
            store.import_document(document, f"unit{index}.txt")
    if not store.router.wait_for_replica(primary_lsn(store), timeout=60):
        sys.exit("the replica did not catch up within 60 s")
    print(f"{args.units * 10:,} projects; synchronous_commit={args.synchronous_commit}; "
          f"load average before: {os.getloadavg()[0]:.2f}")
    repeat = args.repeat
    project_id = store.projects(Filters(), limit=1)["items"][0]["id"]
    read = lambda: store.project_version(project_id)  # noqa: E731
    figures: list[tuple[str, list[float]]] = [("read: primary (no session)", timings(read, repeat))]
    with user_session():
        figures.append(("read: replica (session, nothing pending)", timings(read, repeat)))
    caught_up = primary_lsn(store)
    store.router.wait_for_replica(caught_up, timeout=10)

    def checked_read() -> None:
        with user_session(caught_up):
            read()

    figures.append(("read: replica + position check", timings(checked_read, repeat)))
    with psycopg.connect(plain(replica), autocommit=True) as conn:
        conn.execute("SELECT pg_wal_replay_pause()")
        try:
            with user_session() as writer:
                store.record_review(1, {"bench": True}, actor="bench")  # a write the replica will not replay
            pending = writer.lsn
            assert pending is not None

            def fallback_read() -> None:
                with user_session(pending):
                    read()

            figures.append(("read: position not replayed → primary", timings(fallback_read, repeat)))
        finally:
            conn.execute("SELECT pg_wal_replay_resume()")
    actor = Actor(None, "bench")

    def write() -> None:
        with store.transaction() as tx:
            tx.audit(actor, "bench", "bench", None, "基准写入")

    figures.append(("write: outside a session", timings(write, repeat)))

    def session_write() -> None:
        with user_session():
            write()

    figures.append(("write: in a session (position noted)", timings(session_write, repeat)))
    lags = []
    for _ in range(min(repeat, 100)):
        with user_session() as position:
            write()
        started = time.perf_counter()
        assert position.lsn is not None
        assert store.router.wait_for_replica(position.lsn, timeout=10, interval=0.0005)
        lags.append((time.perf_counter() - started) * 1000)
    figures.append(("replication lag after a write (commit → replayed)", lags))
    store.close()
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print()
    print("| what | runs | p50 ms | p95 ms |")
    print("|---|---|---|---|")
    for label, values in figures:
        print(f"| {label} | {len(values)} | {statistics.median(values):.2f} | {p95(values):.2f} |")


if __name__ == "__main__":
    main()
