"""Where a bulk import waits (``perfbudget.app.import_timing``): real reading processes, real stores."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from perfbudget.app import bulk_import
from perfbudget.app.bulk_import import import_files, walk_files
from perfbudget.app.import_timing import ENV, import_timing
from perfbudget.app.settings import CoreSettings
from perfbudget.store import Store
from tests.store.test_bulk_import import REQUEST, unit_copy


def test_an_import_tells_where_its_time_went(store: Store, seed_path: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_import, "LIBRARY_EVERY", 2)
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 2)
    folder = tmp_path / "tables"
    for number in range(7):
        unit_copy(seed_path, folder / f"u{number}.txt", number)
    report = tmp_path / "timing.json"
    monkeypatch.setenv(ENV, str(report))
    outcomes = list(import_files(store, CoreSettings(), walk_files([folder]), REQUEST, jobs=2, pool_min_files=0))
    assert [o.status for o in outcomes] == ["imported"] * 7
    found = json.loads(report.read_text(encoding="utf-8"))
    writer, readers = found["writer"], found["readers"]
    tasks = math.ceil(7 / bulk_import.FILES_PER_TASK)
    assert found["jobs"] == 2 and readers["tasks"] == writer["results"] == tasks
    assert readers["busy_cpu"] > 0 and 0 < readers["busy_wall"] <= readers["life"]
    assert 0 <= writer["waited"] <= found["wall"] and writer["waits"] <= tasks
    # PostgreSQL: two writing threads (``bulk_writers``), each its own figures; this thread hands the files out
    lanes = found.get("writers", [writer])
    assert len(lanes) == (1 if store.engine.dialect.name == "sqlite" else 2)
    for lane in lanes:
        assert lane["library"] > 0 and lane["written"] > 0 and lane["committed"] > 0 and lane["batches"] >= 2
        waited = writer["waited"] if lane is writer else 0  # (several writers write while this thread waits)
        assert lane["written"] + lane["committed"] + lane["library"] + waited <= found["wall"]
        assert lane["broken"] == 0
    assert 0 < found["main_thread_cpu"] <= found["process_cpu"]
    # in this process too (one job): no reading processes, the rest measured the same way
    again = tmp_path / "again.json"
    monkeypatch.setenv(ENV, str(again))
    assert {o.status for o in import_files(store, CoreSettings(), walk_files([folder]), REQUEST, jobs=1)} == {
        "unchanged"}
    alone = json.loads(again.read_text(encoding="utf-8"))
    assert alone["jobs"] == 0 and alone["readers"]["tasks"] == 0 and alone["writer"]["written"] > 0


def test_an_import_is_not_timed_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert import_timing(2) is None
    monkeypatch.setenv(ENV, "/nonexistent/timing.json")
    timing = import_timing(2)
    assert timing is not None
    timing.write()  # a file that cannot be written: the import is not failed for its gauge
