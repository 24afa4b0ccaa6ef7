"""Faults and concurrency, with real processes: two imports at once, and an import killed with SIGKILL.

Each runs the real command line in subprocesses against SQLite (WAL, busy timeout) and
PostgreSQL. Afterwards every stored document must equal its source file exactly and the
row counts must add up: nothing partial, nothing duplicated.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from perfbudget.app.bulk_import import LIBRARY_EVERY
from perfbudget.library.build import build_library
from perfbudget.load import load_path
from perfbudget.store import Store
from perfbudget.store.library_reads import lagging_projects
from perfbudget.store.library_tables import library_entries, library_groups
from perfbudget.store.schema import documents, targets
from tests.store.helpers import import_file

UNIT_LINE = "\t255101天津市和平区人民检察院\n"


def make_corpus(seed_path: Path, folder: Path, count: int) -> list[Path]:
    """``count`` copies of the seed, each for another unit (so each brings 10 new projects)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = seed_path.read_text(encoding="utf-8")
    assert text.count(UNIT_LINE) == 10  # each table repeats the unit line
    files = []
    for index in range(count):
        path = folder / f"unit_{index:04d}.txt"
        path.write_text(text.replace(UNIT_LINE, f"\t{300000 + index}天津市测试{index}区人民检察院\n"), encoding="utf-8")
        files.append(path)
    return files


def cli(db_url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "perfbudget", *args, "--db", db_url],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", env=env)


def assert_consistent(store: Store, files: list[Path], every: int = 1) -> int:
    """Every stored document equals its source (with ``every`` > 1, each ``every``-th of them; the counts, which a
    partly stored document breaks, are checked for all); counts add up. Returns how many documents are stored."""
    by_name = {p.name: p for p in files}  # a command line's import keeps the name (replay-s)
    with store.engine.connect() as connection:
        stored = connection.execute(select(documents.c.id, documents.c.file_name, documents.c.indicator_count)).all()
        target_count = connection.execute(select(func.count()).select_from(targets)).scalar_one()
    names = [row.file_name for row in stored]
    assert len(names) == len(set(names)), "a document was stored twice"
    for row in stored[::every]:
        source = load_path(by_name[row.file_name]).document
        assert source is not None
        document = store.document(row.id)
        assert document == source, f"document {row.id} differs from {row.file_name}"
        assert document.indicator_count == source.indicator_count == row.indicator_count
    counts = store.counts()
    assert counts["documents"] == len(stored)
    assert counts["projects"] == counts["versions"] == 10 * len(stored)
    assert counts["indicators"] == target_count == 88 * len(stored)
    assert counts["units"] == len(stored)
    return len(stored)


def test_two_imports_at_once(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    # A fresh database: both processes also race to create the schema. They import the same
    # files in opposite orders, so they meet in the middle on the same units and projects.
    files = make_corpus(seed_path, tmp_path / "tables", 25)
    first = cli(db_url, "import", str(tmp_path / "tables"), "--json")
    second = cli(db_url, "import", *(str(f) for f in reversed(files)), "--json")
    # communicate() reads the pipes while waiting: a process whose output fills a pipe would
    # otherwise block on writing while the test blocks on wait().
    outputs = [p.communicate(timeout=300) for p in (first, second)]
    results = [(p.returncode, *out) for p, out in zip((first, second), outputs, strict=True)]
    imported = 0
    for code, stdout, stderr in results:
        assert "Traceback" not in stderr, stderr
        assert code in (0, 1), stderr
        if code == 0:
            summary = json.loads(stdout)["summary"]
            assert summary["failed"] == 0
            imported += summary["imported"]
        else:
            assert "错误" in stderr or json.loads(stdout)["summary"]["failed"] > 0
    assert any(code == 0 for code, _, _ in results), results
    if all(code == 0 for code, _, _ in results):
        assert imported == 25  # each file imported by exactly one of the two
    with Store(db_url) as store:
        assert assert_consistent(store, files) == 25
        assert all(import_file(store, f).status == "unchanged" for f in files)


def test_killed_directory_import_leaves_whole_documents(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    count = LIBRARY_EVERY + 40  # more than one library update's worth: killed before the first one
    files = make_corpus(seed_path, tmp_path / "tables", count)
    with Store(db_url) as store:  # migrate first, so that polling below can count documents
        # PostgreSQL: two writing connections, each with its own batches (SQLite writes with one)
        process = cli(db_url, "import", str(tmp_path / "tables"), "--writers", "2")
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and process.poll() is None:
            with store.engine.connect() as connection:
                stored = connection.execute(select(func.count()).select_from(documents)).scalar_one()
            if stored >= 20:
                break
            time.sleep(0.01)
        assert process.poll() is None, "the import finished before it could be killed: use more files"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        process.communicate()
        assert process.returncode == -signal.SIGKILL
        kept = assert_consistent(store, files)
        assert 20 <= kept < LIBRARY_EVERY
        # The library is updated once per LIBRARY_EVERY documents, after they are committed: killed before,
        # the documents stored lack from it (leftovers16)...
        with store.library_reading() as connection:
            assert len(lagging_projects(connection)) == 10 * kept
        # Importing again completes the rest; what was stored is unchanged.
        again = cli(db_url, "import", str(tmp_path / "tables"), "--json")
        stdout, stderr = again.communicate(timeout=600)
        assert again.returncode == 0, stderr
        summary = json.loads(stdout)["summary"]
        assert summary == {"imported": count - kept, "unchanged": kept, "failed": 0}
        assert assert_consistent(store, files, every=7) == count
        # ... and the next import brings them in (before: only a library build did; a group counted too few units)
        assert f"指标库落后于库中的 {10 * kept} 个项目" in stderr
        with store.library_reading() as connection:
            assert lagging_projects(connection) == []
            entries = connection.execute(select(func.count()).select_from(library_entries)).scalar_one()
            caught_up = connection.execute(select(func.sum(library_groups.c.indicator_count),
                                                  func.sum(library_groups.c.unit_count))).one()
        assert entries == 88 * count
        build_library(store)
        with store.library_reading() as connection:
            built = connection.execute(select(func.sum(library_groups.c.indicator_count),
                                              func.sum(library_groups.c.unit_count))).one()
        assert tuple(caught_up) == tuple(built)
