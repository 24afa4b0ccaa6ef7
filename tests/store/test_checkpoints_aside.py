"""A bulk import's WAL checkpoints on a thread of their own (``Store.checkpoints_aside``, SQLite): the write
transactions' and batches' connections leave them to it and get their own back in the pool, the thread copies
the WAL back after they commit, and the stored rows are those of an import that checkpoints as before."""

from __future__ import annotations

import time
from contextlib import nullcontext
from pathlib import Path

import pytest

from perfbudget.app.bulk_import import import_files, walk_files
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Store
from perfbudget.store.checkpoints import AUTOCHECKPOINT, BATCH_AUTOCHECKPOINT
from tests.store.test_write_batches import REQUEST, imported, stored_rows, unit_files


def autocheckpoint(store: Store) -> int:
    with store.reading() as tx:  # inside a write batch: the batch's connection
        return int(tx.connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one())


def wal_left(store: Store) -> tuple[int, int]:
    """(frames in the WAL, frames copied back) as a passive checkpoint reports them."""
    with store.library_reading() as connection:
        _busy, frames, copied = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
    return frames, copied


def test_the_writer_leaves_checkpoints_to_a_thread(store: Store, seed_path: Path, tmp_path: Path) -> None:
    files = unit_files(seed_path, tmp_path / "tables", 3)
    if store.engine.dialect.name != "sqlite":  # PostgreSQL: nothing changes
        with store.checkpoints_aside() as checkpointer, store.write_batch():
            assert checkpointer is None
        assert [o["status"] for o in imported(store, tmp_path / "tables")] == ["imported"] * 3
        return
    with store.checkpoints_aside() as checkpointer:
        assert checkpointer is not None and checkpointer.working
        with store.checkpoints_aside() as inner:  # nested: the same
            assert inner is checkpointer
        with store.library_writing() as connection:  # a write transaction on this thread (the library's)
            assert connection.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one() == BATCH_AUTOCHECKPOINT
        for path in files:
            with store.write_batch():
                assert autocheckpoint(store) == BATCH_AUTOCHECKPOINT
                outcomes = list(import_files(store, CoreSettings(), [path], REQUEST, jobs=1))
                assert [o.status for o in outcomes] == ["imported"]
        deadline = time.monotonic() + 30
        while checkpointer.done < len(files) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert checkpointer.done >= 1
    frames, copied = wal_left(store)
    assert frames == copied  # all of the WAL back in the database
    assert autocheckpoint(store) == AUTOCHECKPOINT  # outside a batch, the pool's connections as before
    with store.write_batch():
        assert autocheckpoint(store) == AUTOCHECKPOINT  # and a batch outside the block too


def test_an_import_with_checkpoints_aside_stores_the_same_rows(seed_path: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    unit_files(seed_path, tmp_path / "tables", 4)
    aside = Store(f"sqlite:///{tmp_path / 'aside.db'}")
    plain = Store(f"sqlite:///{tmp_path / 'plain.db'}")
    monkeypatch.setattr(plain, "checkpoints_aside", lambda: nullcontext(None))  # the writer checkpoints, as before
    try:
        first = imported(aside, tmp_path / "tables")
        second = [o.to_dict() for o in import_files(plain, CoreSettings(), walk_files([tmp_path / "tables"]),
                                                    REQUEST, jobs=1)]
        assert [o["status"] for o in first] == ["imported"] * 4
        assert [{**o, "document_id": None} for o in first] == [{**o, "document_id": None} for o in second]
        assert stored_rows(aside) == stored_rows(plain)
    finally:
        aside.close()
        plain.close()
