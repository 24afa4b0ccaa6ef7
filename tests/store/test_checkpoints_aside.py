"""A bulk import's WAL checkpoints on a thread of their own (``Store.checkpoints_aside``, SQLite): the write
transactions' and batches' connections leave them to it and get their own back in the pool, the thread copies
the WAL back after they commit, and the stored rows are those of an import that checkpoints as before."""

from __future__ import annotations

import threading
import time
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import pytest

from perfbudget.app.bulk_import import import_files, walk_files
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Store
from perfbudget.store.checkpoints import AUTOCHECKPOINT, BATCH_AUTOCHECKPOINT, IMPORT_CACHE_KIB
from tests.conftest import HEADER_ROWS, table_text
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


def temp_store(connection: Any) -> tuple[int, int]:
    """(``temp_store``, ``cache_size``) of a connection."""
    return (int(connection.exec_driver_sql("PRAGMA temp_store").scalar_one()),
            int(connection.exec_driver_sql("PRAGMA cache_size").scalar_one()))


def test_the_importing_threads_connections_keep_temporary_storage_in_memory(tmp_path: Path) -> None:
    """Inside the block the importing thread's connections journal in memory (``temp_store`` 2: SQLite's statement
    and savepoint journals, which spilled to temporary files past 64 KiB, 25 ``pwrite`` calls a table) with a page
    cache of 16 MiB, whatever they are taken for; another thread's, and every connection once back in the pool, keep
    the defaults (0, 2,000 KiB). A
    document's savepoint rolled back in memory leaves nothing, and the library's staging tables, dropped when the
    setting changes, are made again by each update."""
    folder = tmp_path / "tables"
    folder.mkdir()
    for number in range(3):  # three units' one-indicator tables
        header = [[f"10000{number}测试单位{number}", "单位：万元"], *HEADER_ROWS[1:]]
        (folder / f"u{number}.txt").write_text(table_text(*header, ["产出指标", "数量指标", "培训人数", "", "≥100人"]),
                                               encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'memory.db'}")
    try:
        seen: list[tuple[int, int]] = []
        with store.checkpoints_aside():
            with store.library_writing() as connection:  # a write transaction of this thread (the library's)
                assert temp_store(connection) == (2, -IMPORT_CACHE_KIB)
            with store.write_batch(), store.reading() as tx:  # a batch, and a read inside it
                assert temp_store(tx.connection) == (2, -IMPORT_CACHE_KIB)
                with pytest.raises(RuntimeError), store.transaction() as inner:  # a document's savepoint, undone
                    inner.connection.exec_driver_sql("INSERT INTO units (key, code, name) VALUES ('k', 'c', 'n')")
                    raise RuntimeError
            other = threading.Thread(target=lambda: seen.append(temp_store_of(store)))
            other.start()
            other.join()
            assert [o.status for o in import_files(store, CoreSettings(), walk_files([folder]), REQUEST,
                                                   jobs=1)] == ["imported"] * 3
        assert seen == [(0, -2000)]  # another thread (a web request): as before
        assert temp_store_of(store) == (0, -2000)  # back in the pool: the default again
        with store.reading() as tx:
            assert tx.connection.exec_driver_sql("SELECT count(*) FROM units WHERE key = 'k'").scalar_one() == 0
        with store.library_reading() as connection:  # the library took all three (its staging made again each time)
            assert connection.exec_driver_sql("SELECT count(*) FROM library_entries").scalar_one() == 3
    finally:
        store.close()


def temp_store_of(store: Store) -> tuple[int, int]:
    with store.library_reading() as connection:
        return temp_store(connection)
