"""Migration 1836_import_stmts (SQLite): no insert triggers on the search index; the importer indexes the rows it
inserts (``search.index_rows``; a bulk batch's at its end, ``search.indexed_at_end``). Whatever path wrote them —
one document a transaction, a batch with or without the index at its end, a store still carrying the insert
triggers — every row is indexed exactly once: the index equals one built afresh from the rows."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from perfbudget.store import Filters, Store, search
from perfbudget.store.engine import write_transaction
from perfbudget.store.migrate import alembic_config
from tests.store.conftest import write_variant
from tests.store.helpers import import_file

FTS = ("search_indicators", "search_projects")


def _terms(connection: object) -> dict[str, list[tuple[object, ...]]]:
    return {fts: [tuple(row) for row in connection.exec_driver_sql(  # type: ignore[attr-defined]
        f"SELECT term, doc, cnt FROM {fts}_terms ORDER BY term").all()] for fts in FTS}


def index_is_the_rows(store: Store) -> None:
    """The search tables' terms (each with the rows holding it) equal those of tables built afresh from the rows
    (made and dropped again in a transaction rolled back): no row missing, none indexed twice."""
    with store.engine.connect() as connection:
        stored = _terms(connection)
        for fts in FTS:
            connection.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        connection.rollback()
        with connection.begin() as transaction:
            for statement in search.sqlite_drop() + search.sqlite_create():
                connection.exec_driver_sql(statement)
            fresh = _terms(connection)
            transaction.rollback()
    assert stored == fresh and stored["search_indicators"]


def _triggers(store: Store) -> set[str]:
    with store.engine.connect() as connection:
        return {name for (name,) in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")}


def _migrate(store: Store, revision: str, down: bool = False) -> None:
    with write_transaction(store.engine, moves=None) as connection:
        (command.downgrade if down else command.upgrade)(alembic_config(connection), revision)


def _variant(seed_path: Path, folder: Path, number: int) -> Path:
    return write_variant(seed_path, folder / f"v{number}.txt",
                         ("255101天津市和平区人民检察院", f"{610000 + number}迁移{number}单位"))


def test_the_importer_indexes_what_it_writes_before_and_after_1836(tmp_path: Path, seed_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 's.db'}") as store:
        assert _triggers(store) == {f"{fts}_{event}" for fts in FTS for event in ("update", "delete")}
        import_file(store, _variant(seed_path, tmp_path, 1))  # one document, one transaction
        index_is_the_rows(store)
        _migrate(store, "1833_audit_user_action_index", down=True)  # the insert triggers back: they index
        assert set(search.INSERT_TRIGGERS) <= _triggers(store)
        import_file(store, _variant(seed_path, tmp_path, 2))  # on the same connection: not indexed twice
        with store.write_batch(index_at_end=True):  # a batch on that store leaves the indexing to the triggers
            import_file(store, _variant(seed_path, tmp_path, 3))
        index_is_the_rows(store)
        _migrate(store, "head")
        assert not set(search.INSERT_TRIGGERS) & _triggers(store)
        with store.write_batch():  # a batch without the index at its end: each document indexes its rows
            import_file(store, _variant(seed_path, tmp_path, 4))
            import_file(store, _variant(seed_path, tmp_path, 5))
        with store.write_batch(index_at_end=True):
            import_file(store, _variant(seed_path, tmp_path, 6))
        index_is_the_rows(store)
        assert store.indicators(Filters(search="视频会议"))["total"] == 6


def test_a_failed_document_in_a_batch_leaves_nothing_in_the_index(tmp_path: Path, seed_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'f.db'}") as store:
        import_file(store, _variant(seed_path, tmp_path, 1))
        try:
            with store.write_batch(index_at_end=True):
                import_file(store, _variant(seed_path, tmp_path, 2))
                raise KeyboardInterrupt
        except KeyboardInterrupt:
            pass
        index_is_the_rows(store)
        import_file(store, _variant(seed_path, tmp_path, 3))
        index_is_the_rows(store)
        assert store.counts()["documents"] == 2
