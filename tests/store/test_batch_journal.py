"""A bulk import's batch on SQLite journals no page to a temporary file (import-floor6): its documents write without a
savepoint each and their few-row INSERTs one row a statement, so SQLite's sub-journal — the prior content of the
pages a savepoint or a statement changes again, kept so that they can be rolled back — stays small, in memory.
A document is still all or nothing: one that fails after writing breaks its batch, written again one transaction a
document; one that fails before writing anything leaves the batch going.

The spill check depends on SQLite's build: a library compiled to keep temporary storage in memory
(``SQLITE_TEMP_STORE=3``, or 2 unless ``PRAGMA temp_store`` says files; the store sets no such pragma) never opens
such a file, and the check passes whatever the batch journals; with the usual build (``SQLITE_TEMP_STORE=1``, files,
``PRAGMA compile_options`` tells) it failed on 0e435d37."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from perfbudget.app import bulk_import
from perfbudget.store import Store
from tests.store.test_write_batches import four_in_a_batch_the_third_failing, imported, unit_files, write_commits

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/fd")


def sqlite_temporary_files() -> int:
    """How many of SQLite's temporary files this process holds open (deleted at once, named ``etilqs_…``)."""
    found = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        found += "etilqs_" in target
    return found


def test_a_batch_of_documents_spills_no_journal_to_a_temporary_file(
        tmp_path: Path, seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unit_files(seed_path, tmp_path / "tables", 12)  # 12 documents of 10 tables, one batch
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 12)
    held: list[int] = []
    already = sqlite_temporary_files()  # another test's store, if one is still open in this process
    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        event.listen(store.engine, "commit", lambda _connection: held.append(sqlite_temporary_files() - already))
        outcomes = imported(store, tmp_path / "tables")
        assert [o["status"] for o in outcomes] == ["imported"] * 12
        assert store.counts()["projects"] == 120
    # at each commit (the batch's, the library's): no sub-journal spilled past its 64 KiB to a file
    assert held and max(held) == 0, held


def test_a_document_failing_before_it_writes_leaves_its_batch_going(
        store: Store, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    four_in_a_batch_the_third_failing(seed_path, tmp_path / "tables", monkeypatch, after_writing=False)
    outcomes: list[Any] = []
    commits = write_commits(store, lambda: outcomes.extend(imported(store, tmp_path / "tables")))
    assert [o["status"] for o in outcomes] == ["imported", "imported", "failed", "imported"]
    assert commits == 2  # the batch's and the library's: the batch was not written again document by document
    assert store.counts()["documents"] == 3 and store.counts()["projects"] == 30
