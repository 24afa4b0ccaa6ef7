"""The WAL synced in the background during a long write transaction (store/wal_flush.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from perfbudget.store.engine import make_engine, write_transaction
from perfbudget.store.wal_flush import flushing_wal


def test_the_wal_is_synced_while_the_transaction_writes_and_the_rows_commit(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real = os.fdatasync

    def fdatasync(fd: int) -> None:
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else "wal")
        real(fd)

    monkeypatch.setattr(os, "fdatasync", fdatasync)
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with write_transaction(engine) as connection, flushing_wal(connection) as flush:
        connection.execute(text("CREATE TABLE t (x TEXT)"))
        for _ in range(5):
            connection.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "值" * 2000}] * 200)
            flush()
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar_one() == 1000
    assert synced and all(path.endswith("w.db-wal") or path == "wal" for path in synced)
    engine.dispose()


def test_a_rolled_back_transaction_leaves_nothing(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with write_transaction(engine) as connection:
        connection.execute(text("CREATE TABLE t (x TEXT)"))
    with pytest.raises(RuntimeError), write_transaction(engine) as connection, flushing_wal(connection) as flush:
        connection.execute(text("INSERT INTO t VALUES (:x)"), [{"x": "值" * 2000}] * 500)
        flush()
        raise RuntimeError("half a run")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
    engine.dispose()


def test_nothing_to_sync_in_memory() -> None:
    engine = make_engine("sqlite://")
    with write_transaction(engine) as connection, flushing_wal(connection) as flush:
        flush()
    engine.dispose()
