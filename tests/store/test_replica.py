"""Read routing to a real PostgreSQL streaming replica (scripts/pg.sh replica; PERFBUDGET_TEST_PG_REPLICA).

Each test makes a fresh database on the primary and waits until the replica has it. Where a test
needs the replica to lag, it pauses the replica's WAL replay (``pg_wal_replay_pause()``), so
"the replica does not hold this write yet" is a fact the test checks, not a race it hopes for.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from perfbudget.app.read_routing import replica_problem, settle, user_session
from perfbudget.store import Store
from perfbudget.store.schema import projects
from tests.conftest import _in_ci
from tests.store.helpers import import_file

pytestmark = pytest.mark.postgres


def _plain(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@dataclass(frozen=True)
class Pair:
    primary: str
    replica: str


@pytest.fixture
def pg_pair(pg_url: str) -> Iterator[Pair]:
    """A fresh database on the primary (pg_url) and the same database on the streaming replica.

    Needs PERFBUDGET_TEST_PG_REPLICA (scripts/test.sh starts the replica after the primary).
    Outside CI the test is skipped without it; in CI a missing replica is a failure."""
    base = os.environ.get("PERFBUDGET_TEST_PG_REPLICA")
    if not base:
        if _in_ci():
            pytest.fail("PERFBUDGET_TEST_PG_REPLICA is not set: scripts/test.sh must start the replica in CI")
        pytest.skip("PostgreSQL replica not available (scripts/pg.sh replica DIR; run scripts/test.sh)")
    import psycopg

    name = pg_url.rpartition("/")[2]
    replica = f"{base.rpartition('/')[0]}/{name}"
    deadline = time.monotonic() + 60
    while True:  # CREATE DATABASE reaches the replica through the WAL
        try:
            with psycopg.connect(_plain(replica), connect_timeout=3) as conn:
                assert conn.execute("SELECT pg_is_in_recovery()").fetchone() == (True,)
            break
        except psycopg.OperationalError as error:
            if time.monotonic() > deadline:
                raise AssertionError(f"the replica has not replayed CREATE DATABASE in 60 s: {error}\n"
                                     f"{replication_state(pg_url, base)}") from error
            time.sleep(0.05)
    yield Pair(pg_url, replica)


def replication_state(primary: str, replica: str) -> str:
    """What the primary and the standby say of the streaming, for a failure message: whether the WAL
    receiver runs, how far it has received and replayed, and whether replay is paused."""
    import psycopg

    lines = []
    for role, url, sql in (
            ("primary", primary, "SELECT pg_current_wal_insert_lsn()::text, (SELECT json_agg(s) FROM "
                                 "(SELECT state, sent_lsn, replay_lsn FROM pg_stat_replication) s)::text, "
                                 "(SELECT json_agg(r) FROM (SELECT slot_name, active, restart_lsn "
                                 "FROM pg_replication_slots) r)::text"),
            ("replica", replica, "SELECT pg_last_wal_receive_lsn()::text, pg_last_wal_replay_lsn()::text, "
                                 "pg_get_wal_replay_pause_state(), (SELECT status FROM pg_stat_wal_receiver)")):
        try:
            with psycopg.connect(_plain(url), connect_timeout=3) as conn:
                lines.append(f"{role}: {conn.execute(sql).fetchone()}")
        except psycopg.Error as error:
            lines.append(f"{role}: {error}")
    return "\n".join(lines)


@contextmanager
def replay_control(pair: Pair) -> Iterator[object]:
    """A connection to the replica for pausing its replay, held by one test at a time across the
    test processes (pytest -n): another test's resume must not end this test's pause."""
    import fcntl
    import tempfile

    import psycopg

    port = pair.replica.rpartition(":")[2].partition("/")[0]
    with open(Path(tempfile.gettempdir()) / f"perfbudget-replay-{port}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with psycopg.connect(_plain(pair.replica), autocommit=True) as conn:
            try:
                yield conn
            finally:
                conn.execute("SELECT pg_wal_replay_resume()")


@contextmanager
def replay_paused(pair: Pair) -> Iterator[None]:
    """The replica stops applying WAL inside the block (it keeps receiving it), and resumes after."""
    with replay_control(pair) as conn:
        conn.execute("SELECT pg_wal_replay_pause()")  # type: ignore[attr-defined]
        yield


def on_replica(connection: object) -> bool:
    return bool(connection.execute(text("SELECT pg_is_in_recovery()")).scalar())  # type: ignore[attr-defined]


def project_count(store: Store) -> tuple[int, bool]:
    """(projects seen, read on the replica) of one read through the store."""
    with store.reading() as tx:
        return tx.connection.execute(select(func.count()).select_from(projects)).scalar_one(), on_replica(
            tx.connection)


def caught_up(store: Store) -> None:
    """Wait until the replica has replayed everything the primary has written so far."""
    with store.engine.connect() as connection:
        lsn = connection.exec_driver_sql("SELECT pg_current_wal_insert_lsn()::text").scalar_one()
    assert store.router.wait_for_replica(lsn, timeout=30)


@pytest.fixture
def routed(pg_pair: Pair) -> Iterator[Store]:
    store = Store(pg_pair.primary, replica_url=pg_pair.replica)
    caught_up(store)  # the migrated schema is on the replica too
    yield store
    store.close()


def test_the_replica_is_a_streaming_standby(routed: Store) -> None:
    assert replica_problem(routed) is None
    with routed.engine.connect() as connection:
        senders = connection.exec_driver_sql("SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
        assert senders.scalar_one() >= 1


def test_in_a_session_reads_go_to_the_replica_and_writes_to_the_primary(routed: Store, seed_path: Path) -> None:
    with user_session() as position:
        assert project_count(routed) == (0, True)
        with routed.transaction() as tx:
            assert not on_replica(tx.connection)
        assert position.replica_reads == 1 and position.primary_reads == 0


def test_outside_a_session_every_read_is_on_the_primary(routed: Store) -> None:
    """The CLI, background jobs and startup work read the primary (they may act on what they read)."""
    assert project_count(routed) == (0, False)


def test_a_user_reads_their_own_write_while_the_replica_lags(routed: Store, pg_pair: Pair, seed_path: Path) -> None:
    with replay_paused(pg_pair):
        with user_session() as writer:
            assert import_file(routed, seed_path).status == "imported"
            assert writer.lsn is not None  # the primary's WAL position after the import
            count, replica = project_count(routed)
            assert count == 10 and not replica  # read-your-writes: the primary, since the replica lags
        kept = writer.lsn
        with user_session() as other:
            assert project_count(routed) == (0, True)  # someone else reads the (stale) replica
        with user_session(kept) as next_request:  # the writer's next request (the position from the cookie)
            assert project_count(routed) == (10, False)
            assert next_request.lsn == kept and not settle(routed, next_request, timeout=0.2)
        assert other.replica_reads == 1
    with user_session(kept) as later:  # replay resumed: once the replica holds the write, it serves the writer
        assert settle(routed, later, timeout=30) and later.lsn is None
        assert project_count(routed) == (10, True)


def test_the_position_is_checked_on_the_replica_itself(routed: Store, pg_pair: Pair) -> None:
    """A position the replica has replayed sends the read there, and is then forgotten."""
    caught_up(routed)
    with routed.engine.connect() as connection:
        lsn = connection.exec_driver_sql("SELECT pg_current_wal_insert_lsn()::text").scalar_one()
    assert routed.router.wait_for_replica(lsn, timeout=30)
    with user_session(lsn) as position:
        assert project_count(routed) == (0, True)
        assert position.lsn is None
    with user_session("not a position") as ignored:
        assert ignored.lsn is None


def test_an_unreachable_replica_is_skipped(pg_url: str, pg_pair: Pair) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    store = Store(pg_url, replica_url=f"postgresql+psycopg://postgres@127.0.0.1:{port}/x{uuid.uuid4().hex[:6]}")
    try:
        assert "无法连接只读副本" in (replica_problem(store) or "")
        with user_session() as position:
            assert project_count(store) == (0, False)
        assert position.primary_reads == 1
    finally:
        store.close()


def test_a_primary_given_as_replica_is_refused(pg_url: str) -> None:
    store = Store(pg_url, replica_url=pg_url)
    try:
        assert "不是流复制备库" in (replica_problem(store) or "")
    finally:
        store.close()


def test_sqlite_cannot_have_a_replica(tmp_path: Path, pg_url: str) -> None:
    with pytest.raises(ValueError, match="PostgreSQL"):
        Store(f"sqlite:///{tmp_path / 'x.db'}", replica_url=pg_url)


def test_serve_refuses_a_replica_it_cannot_use(tmp_path: Path, pg_url: str) -> None:
    """``serve --replica-db``: a SQLite primary, or a 'replica' that is not a standby, stop the start with a
    message (before uvicorn ever runs)."""
    from typer.testing import CliRunner

    from perfbudget.cli import app

    runner = CliRunner()
    sqlite = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'w.db'}", "--replica-db", pg_url])
    assert sqlite.exit_code != 0 and "只能与 PostgreSQL 主库一起使用" in sqlite.output
    not_standby = runner.invoke(app, ["serve", "--db", pg_url, "--replica-db", pg_url])
    assert not_standby.exit_code != 0 and "不是流复制备库" in not_standby.output
    assert "--replica-db" in runner.invoke(app, ["serve", "--help"]).output
