"""A bulk import's documents commit in batches (``Store.write_batch``), each document still all or nothing:
a failing document leaves nothing and the others stay, a batch whose commit fails is written again document by
document, the search index holds what the triggers would have written, and the stored rows are those of the
one-transaction-per-document path."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.exc import DatabaseError, OperationalError

from perfbudget.app import bulk_import
from perfbudget.app.bulk_import import import_files, walk_files
from perfbudget.app.imports import ImportRequest
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Filters, Store
from perfbudget.store.schema import documents, projects
from perfbudget.store.transaction import Actor, Transaction
from tests.store.conftest import write_variant
from tests.store.helpers import interrupt_writing

UNIT = "255101天津市和平区人民检察院"
REQUEST = ImportRequest(Actor(None, "tester"), "cli")


def unit_files(seed_path: Path, folder: Path, count: int) -> list[Path]:
    return [write_variant(seed_path, folder / f"u{number:02d}.txt", (UNIT, f"{400000 + number}批量{number}单位"))
            for number in range(count)]


def imported(store: Store, folder: Path, jobs: int = 1) -> list[Any]:
    # one writer, whose batches and commits (on this store's engine) these tests count (several: test_bulk_writers)
    return [o.to_dict() for o in import_files(store, CoreSettings(), walk_files([folder]), REQUEST, jobs=jobs,
                                              pool_min_files=0, writers=1)]


def _plain(value: Any) -> Any:
    """A value as both databases give it back (PostgreSQL's numerics are Decimals, SQLite's floats)."""
    if isinstance(value, (float, Decimal)):
        return Decimal(str(value)).normalize()
    return int(value) if isinstance(value, bool) else value


def stored_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables an import writes, times and the audit's time left out."""
    tables = ("units", "documents", "projects", "project_versions", "indicators", "targets", "document_items",
              "version_changes", "version_authors", "audit_log", "project_status", "library_entries")
    out = {}
    with store.library_reading() as connection:
        for table in tables:
            rows = connection.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1, 2").all()
            names = list(connection.exec_driver_sql(f"SELECT * FROM {table} LIMIT 0").keys())
            kept = [i for i, name in enumerate(names) if not name.endswith("_at") and name != "at"]
            out[table] = [tuple(_plain(row[i]) for i in kept) for row in rows]
        if connection.dialect.name == "sqlite":
            for fts in ("search_indicators", "search_projects"):
                out[fts] = [tuple(row) for row in connection.exec_driver_sql(
                    f"SELECT term, doc, cnt FROM {fts}_terms ORDER BY term").all()]
    return out


def write_commits(store: Store, work: Any) -> int:
    """How many write transactions ``work`` commits."""
    commits: list[int] = []

    def counted(connection: Any) -> None:
        if connection.get_execution_options().get("perfbudget_write"):
            commits.append(1)

    event.listen(store.engine, "commit", counted)
    try:
        work()
    finally:
        event.remove(store.engine, "commit", counted)
    return len(commits)


def searched(store: Store) -> list[int]:
    """How many indicators and projects searches of 1, 2 and 4 characters find."""
    return [store.indicators(Filters(search=text))["total"] for text in ("视", "会议", "视频会议")] + [
        store.projects(Filters(search=text))["total"] for text in ("检", "经费", "检察业务")]


def test_a_batch_commits_many_documents_and_stores_the_rows_one_transaction_each_stores(
        db_url: str, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = unit_files(seed_path, tmp_path / "tables", 5)
    for number, path in enumerate(unit_files(seed_path, tmp_path / "again", 7)):  # other units, new projects
        write_variant(path, path, (f"{400000 + number}批量", f"{500000 + number}再次"))
    video = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥1{}次\n"
    write_variant(files[0], tmp_path / "tables" / "u99_correction.txt", (video.format(2), video.format(5)))
    (tmp_path / "tables" / "u98_same.txt").write_bytes(files[1].read_bytes())
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 4)
    with Store(db_url) as store:
        batched = imported(store, tmp_path / "tables")
        batched_commits = write_commits(store, lambda: imported(store, tmp_path / "again"))
        batched_rows = stored_rows(store)
        batched_found = searched(store)
    assert [o["status"] for o in batched] == ["imported"] * 5 + ["unchanged", "imported"]

    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 1)  # one document a transaction, as before batches
    single_url = f"sqlite:///{tmp_path / 'single.db'}"
    with Store(single_url) as single:
        alone = imported(single, tmp_path / "tables")
        alone_commits = write_commits(single, lambda: imported(single, tmp_path / "again"))
        alone_rows = stored_rows(single)
        alone_found = searched(single)
    # 7 new files in batches of 4: two commits for the documents, against one each (the library's updates aside)
    assert alone_commits - batched_commits == 7 - 2
    assert alone == batched
    assert batched_found == alone_found and all(batched_found)  # the search finds them right after
    if db_url.startswith("sqlite"):
        assert alone_rows == batched_rows
    else:  # another database: the same rows, the search index aside
        assert {k: v for k, v in alone_rows.items() if not k.startswith("search_")} == batched_rows


def four_in_a_batch_the_third_failing(seed_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch,
                                      after_writing: bool, error: BaseException | None = None) -> None:
    """Four files in one batch; the third's write fails in the database after its rows are written, or before;
    after them with ``error`` instead when given (a bug in the writer)."""
    unit_files(seed_path, folder, 4)
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 10)  # all four in one batch
    real_apply = Transaction.apply

    def apply_failing(self: Transaction, plan: Any, file: str, *args: Any, **kwargs: Any) -> Any:
        failing = file.endswith("u02.txt")
        if failing and not after_writing:
            raise DatabaseError("SELECT", None, Exception("读取失败"))
        outcome = real_apply(self, plan, file, *args, **kwargs)  # its rows are written, then the database fails
        if failing:
            raise error or DatabaseError("INSERT", None, Exception("磁盘故障"))
        return outcome

    monkeypatch.setattr(Transaction, "apply", apply_failing)


def test_a_document_failing_inside_a_batch_leaves_nothing_and_the_others_stay(
        store: Store, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    four_in_a_batch_the_third_failing(seed_path, tmp_path / "tables", monkeypatch, after_writing=True)
    outcomes = imported(store, tmp_path / "tables")
    assert [o["status"] for o in outcomes] == ["imported", "imported", "failed", "imported"]
    assert "数据库错误，未导入" in outcomes[2]["problems"][0]["message"]
    with store.library_reading() as connection:
        files = connection.execute(select(documents.c.file_name).order_by(documents.c.id)).scalars().all()
        names = connection.execute(select(func.count()).select_from(projects)).scalar()
        units = connection.exec_driver_sql("SELECT name FROM units ORDER BY id").scalars().all()
        named = connection.execute(select(func.count()).where(projects.c.name.contains("项目"))).scalar()
    assert [Path(f).name for f in files] == ["u00.txt", "u01.txt", "u03.txt"]
    assert names == 30 and "400002批量2单位" not in units  # nothing of the failed document, not even its unit
    # the search index holds the three documents' projects, not the failed one's
    assert store.projects(Filters(search="项目"))["total"] == named > 0


def test_a_programming_error_after_a_document_wrote_rolls_its_whole_batch_back(
        store: Store, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug (not a database error) raised after the third document's rows are written ends the import with the
    batch not yet committed rolled back whole: no document stored that no outcome told of, none written twice."""
    four_in_a_batch_the_third_failing(seed_path, tmp_path / "tables", monkeypatch, after_writing=True,
                                      error=RuntimeError("程序出错"))
    with pytest.raises(RuntimeError, match="程序出错"):
        imported(store, tmp_path / "tables")
    assert store.counts()["documents"] == 0


def test_a_batch_whose_commit_fails_is_written_again_document_by_document(
        store: Store, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unit_files(seed_path, tmp_path / "tables", 5)
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 3)
    real_batch = Store.write_batch
    failed: list[int] = []

    def failing_once(self: Store, index_at_end: bool = False) -> Any:
        from contextlib import contextmanager

        @contextmanager
        def batch() -> Any:
            with real_batch(self, index_at_end):
                yield
                if not failed:  # the first batch's commit fails: nothing of it is stored
                    failed.append(1)
                    raise OperationalError("COMMIT", None, Exception("disk I/O error"))
        return batch()

    monkeypatch.setattr(Store, "write_batch", failing_once)
    outcomes = imported(store, tmp_path / "tables")
    assert failed and [o["status"] for o in outcomes] == ["imported"] * 5
    assert store.counts()["documents"] == 5 and store.counts()["projects"] == 50
    # the outcomes name the documents that are stored, each once
    ids = [o["document_id"] for o in outcomes]
    with store.library_reading() as connection:
        stored = connection.execute(select(documents.c.id).order_by(documents.c.id)).scalars().all()
    assert sorted(ids) == stored


def test_a_batch_indexes_its_rows_without_changing_the_schema(tmp_path: Path, seed_path: Path) -> None:
    """The batch's rows enter the search index at its end, and the schema stays as it was: until migration 1836 the
    batch dropped the insert triggers and made them again, after which SQLite prepared every statement again."""
    from tests.store.test_migration_1836 import index_is_the_rows

    unit_files(seed_path, tmp_path / "tables", 3)

    def schema_version(store: Store) -> int:
        with store.library_reading() as connection:
            return int(connection.exec_driver_sql("PRAGMA schema_version").scalar_one())

    with Store(f"sqlite:///{tmp_path / 'a.db'}") as store:
        imported(store, tmp_path / "tables")  # the pool's first statements and the library's staging tables made
        before = schema_version(store)
        for number, path in enumerate(unit_files(seed_path, tmp_path / "more", 3)):
            write_variant(path, path, (f"{400000 + number}批量", f"{500000 + number}另一"))
        assert [o["status"] for o in imported(store, tmp_path / "more")] == ["imported"] * 3
        assert schema_version(store) == before
        assert store.indicators(Filters(search="视频会议"))["total"] == 6
        index_is_the_rows(store)


def test_an_error_inside_a_batch_rolls_it_back_and_leaves_the_store_usable(
        store: Store, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    unit_files(seed_path, tmp_path / "tables", 3)
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 10)
    real_write = interrupt_writing(monkeypatch, "u02.txt")  # the user stops the import while batches are open
    with pytest.raises(KeyboardInterrupt):
        imported(store, tmp_path / "tables")
    # nothing of the batch was told or kept, and the store works on this thread as before
    assert store.counts()["documents"] == 0
    monkeypatch.setattr(bulk_import, "_write", real_write)
    assert [o["status"] for o in imported(store, tmp_path / "tables")] == ["imported"] * 3
    assert store.counts()["documents"] == 3
