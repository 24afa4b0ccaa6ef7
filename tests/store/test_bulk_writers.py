"""Several writing connections for a bulk import on PostgreSQL (``perfbudget.app.bulk_writers``): every document
lands as with one writer, a unit and the unit merged into it on one writer, the outcomes in the files' order; a
real deadlock in a writer's batch loses and doubles nothing; SQLite keeps its one writer."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from perfbudget.app import bulk_import, bulk_writers
from perfbudget.app.bulk_import import import_files, walk_files
from perfbudget.app.bulk_writers import writer_count
from perfbudget.app.import_timing import ENV
from perfbudget.app.imports import ImportRequest
from perfbudget.app.roles import Principal, Role
from perfbudget.app.settings import CoreSettings
from perfbudget.app.unit_admin import merge_units
from perfbudget.store import Store
from tests.conftest import pg_database
from tests.store.conftest import write_variant
from tests.store.helpers import ids_by_appearance, import_file, interrupt_writing
from tests.store.test_bulk_import import ADMIN, REQUEST, UNIT, VIDEO, VIDEO_15, unit_copy

VIDEO_20 = VIDEO.replace("12", "20")
OTHER_PROJECTS = (("2024", "2023"), ("检察", "审判"))  # ten projects of other names and years than the seed's


def _unit(number: int) -> tuple[str, str]:
    return UNIT, f"{300000 + number}测试{number}单位"


def _files(seed_path: Path, folder: Path) -> None:
    """A directory whose documents depend on their order: a unit's corrections, the same bytes again, a return to
    older content (needs --force), and tables naming the unit merged away (they land in the unit kept), among
    other units' files."""
    write_variant(seed_path, folder / "a01_c_correction.txt", _unit(2), (VIDEO, VIDEO_15))
    write_variant(seed_path, folder / "a02_b_named.txt", _unit(1), (VIDEO, VIDEO_20))
    for number in range(10, 18):
        unit_copy(seed_path, folder / f"a{number - 7:02d}_other.txt", number)
    (folder / "a11_c_correction_copy.txt").write_bytes((folder / "a01_c_correction.txt").read_bytes())
    (folder / "a12_bad.txt").write_text("没有表格", encoding="utf-8")
    write_variant(seed_path, folder / "a13_c_back.txt", _unit(2), (VIDEO, VIDEO_15), ("单位：万元", "单位：万元 "))
    write_variant(seed_path, folder / "a14_b_2023.txt", _unit(1), *OTHER_PROJECTS, (VIDEO, VIDEO_20))


def _prepared(store: Store, seed_path: Path, folder: Path) -> None:
    """Unit 300001 (its projects of other names) merged into unit 300002 (the seed's projects)."""
    import_file(store, write_variant(seed_path, folder / "b0.txt", _unit(1), *OTHER_PROJECTS))
    import_file(store, write_variant(seed_path, folder / "c0.txt", _unit(2)))
    merge_units(store, None, "300002", "300001")


def _stored(store: Store) -> list[Any]:
    """Every project by its natural key with its versions' content, and every document's file and content."""
    with store.engine.connect() as connection:
        versions = connection.execute(text(
            "SELECT u.key, p.name, p.fund_year, v.number, v.content_sha256 FROM projects p JOIN units u "
            "ON u.id = p.unit_id JOIN project_versions v ON v.project_id = p.id")).all()
        files = connection.execute(text("SELECT file_name, content_sha256 FROM documents")).all()
    return [sorted(tuple(row) for row in versions), sorted(tuple(row) for row in files)]


def _untimed(outcomes: list[Any]) -> str:
    """The outcomes' text, the times their messages name left out (the two imports ran a minute apart, maybe)."""
    return re.sub(r"\d{4}-\d\d-\d\d \d\d:\d\d", "…", json.dumps(outcomes, ensure_ascii=False))


def _import(url: str, seed_path: Path, tmp_path: Path, writers: int) -> tuple[list[Any], list[Any]]:
    """The directory imported with ``writers`` writers into a fresh store at ``url``: the outcomes, what is stored."""
    with Store(url) as store:
        _prepared(store, seed_path, tmp_path / f"pre{writers}")
        outcomes = [o.to_dict() for o in import_files(store, CoreSettings(), walk_files([tmp_path / "tables"]),
                                                      REQUEST, jobs=1, pool_min_files=0, writers=writers)]
        return outcomes, _stored(store)


@pytest.mark.postgres
def test_several_writers_land_every_document_as_one_writer_does(
        pg_migrated_template: str, seed_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 3)  # several batches a writer
    _files(seed_path, tmp_path / "tables")
    report = tmp_path / "timing.json"
    monkeypatch.setenv(ENV, str(report))
    with pg_database(pg_migrated_template) as url:
        several, stored = _import(url, seed_path, tmp_path, 2)
    lanes = json.loads(report.read_text(encoding="utf-8"))["writers"]
    assert len(lanes) == 2 and all(lane["batches"] >= 2 for lane in lanes)  # both wrote
    monkeypatch.delenv(ENV)
    with pg_database(pg_migrated_template) as url:
        one, stored_by_one = _import(url, seed_path, tmp_path, 1)
    assert _untimed(ids_by_appearance(several)) == _untimed(ids_by_appearance(one))
    assert stored == stored_by_one
    statuses = [o["status"] for o in several]
    assert statuses == ["imported"] * 10 + ["unchanged", "failed", "needs_confirmation", "imported"]
    # the unit merged away lands in the unit kept, after that unit's own correction: versions 1, 2 (≥15), 3 (≥20)
    assert "已由管理员并入" in several[1]["notices"][0]
    [(version, corrected)] = [(v["version"], v["name"]) for v in several[0]["versions"] if v["created"]]
    assert version == 2 and (3, corrected) in [(v["version"], v["name"]) for v in several[1]["versions"]]


def test_sqlite_and_a_unit_bound_account_write_with_one_writer(db_url: str) -> None:
    editor = ImportRequest(REQUEST.actor, "cli", principal=Principal(2, "乙", "乙", Role.UNIT_EDITOR, "300001"))
    with Store(db_url) as store:
        postgres = store.engine.dialect.name == "postgresql"
        assert writer_count(store, REQUEST, None) == (bulk_writers.WRITERS if postgres else 1)
        assert writer_count(store, REQUEST, 3) == (3 if postgres else 1)
        assert writer_count(store, ImportRequest(REQUEST.actor, "cli", principal=ADMIN), 3) == (3 if postgres else 1)
        assert writer_count(store, editor, 3) == 1


@pytest.mark.postgres
def test_a_deadlock_in_a_writers_batch_writes_it_again_whole(pg_store_url: str, seed_path: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A real deadlock. Another transaction holds the change counters' row and waits for a project row a writer's
    open batch has changed; the batch then ends by moving the counters, and PostgreSQL, finding the cycle when the
    writer's wait reaches ``deadlock_timeout``, fails the writer's batch. Its documents are written again one
    transaction each: every file imported once, nothing doubled."""
    folder = tmp_path / "tables"
    files = [unit_copy(seed_path, folder / f"u{number}.txt", number) for number in range(6)]
    report = tmp_path / "timing.json"
    monkeypatch.setenv(ENV, str(report))
    go_on = threading.Event()

    def given() -> Iterator[Path]:  # every file handed out, then the batches stay open until told
        yield from files
        go_on.wait(60)

    with Store(pg_store_url) as store:
        import_file(store, unit_copy(seed_path, tmp_path / "first.txt", 0))  # a project the batch will change
        write_variant(files[0], files[0], (VIDEO, VIDEO_15))
        with store.engine.connect() as connection:
            project = connection.execute(text("SELECT id FROM projects ORDER BY id LIMIT 1")).scalar_one()
            timeout = connection.execute(text("SELECT setting::int FROM pg_settings WHERE name = 'deadlock_timeout'"
                                              )).scalar_one() / 1000
        holder = store.engine.connect()
        holder.execute(text("UPDATE change_counters SET data = data WHERE id = 1"))  # the row a batch moves last
        outcomes: list[Any] = []
        importing = threading.Thread(target=lambda: outcomes.extend(import_files(
            store, CoreSettings(), given(), REQUEST, jobs=1, pool_min_files=0, writers=2)))
        importing.start()
        try:
            deadline, steady = time.monotonic() + 60, 0
            while time.monotonic() < deadline and steady < 5:  # both writers' batches written and open (and this)
                steady = steady + 1 if _backends(store, "state = 'idle in transaction'") == 3 else 0
                time.sleep(0.1)
            assert steady == 5
            # the writers' batches end once this transaction has waited past its own deadlock check
            threading.Timer(2 * timeout + 0.5, go_on.set).start()
            holder.execute(text("SELECT id FROM projects WHERE id = :id FOR UPDATE"), {"id": project})
        finally:
            go_on.set()
            holder.rollback()
            holder.close()
            importing.join(120)
        assert [o.status for o in outcomes] == ["imported"] * 6
        lanes = json.loads(report.read_text(encoding="utf-8"))["writers"]
        # the batch that closed the cycle, and maybe the other writer's, queued for the same row (PostgreSQL's choice)
        assert sum(lane["broken"] for lane in lanes) in (1, 2)
        counts = store.counts()
        assert (counts["documents"], counts["projects"], counts["versions"]) == (7, 60, 61)


def _backends(store: Store, condition: str) -> int:
    """How many of the database's backends are so (``pg_stat_activity``)."""
    with store.engine.connect() as connection:
        return int(connection.execute(text(
            f"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND {condition}")).scalar_one())


@pytest.mark.postgres
def test_a_writers_error_stops_every_writer_and_keeps_no_open_batch(pg_store_url: str, seed_path: Path,
                                                                    tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    files = [unit_copy(seed_path, tmp_path / "tables" / f"u{number:02d}.txt", number) for number in range(4)]
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 10)  # every batch still open when the error comes
    real_write = interrupt_writing(monkeypatch, "u02.txt")  # the user stops the import while batches are open
    with Store(pg_store_url) as store:
        with pytest.raises(KeyboardInterrupt):
            list(import_files(store, CoreSettings(), files, REQUEST, jobs=1, pool_min_files=0, writers=2))
        # the failing writer's batch (u00, u02) rolled back; the other's (u01, u03) too unless it had committed
        # already (its files told to nobody, whole, as after a kill)
        with store.engine.connect() as connection:
            kept = set(connection.execute(text("SELECT file_name FROM documents")).scalars())
        assert kept in (set(), {"u01.txt", "u03.txt"})
        assert not any(t.name.startswith("perfbudget-writer") for t in threading.enumerate())  # the writers ended
        monkeypatch.setattr(bulk_import, "_write", real_write)
        again = list(import_files(store, CoreSettings(), files, REQUEST, jobs=1, pool_min_files=0, writers=2))
        assert [o.status for o in again] == ["unchanged" if f.name in kept else "imported" for f in files]
        assert store.counts()["documents"] == 4
