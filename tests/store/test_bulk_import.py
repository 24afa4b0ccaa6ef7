"""Bulk imports (``perfbudget.app.bulk_import``): files read in a pool of processes, written in file order,
with every rule of a single import — on SQLite and PostgreSQL, with real reading processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from perfbudget.app import bulk_import, bulk_writers
from perfbudget.app.bulk_import import (
    CRASHED,
    Prepared,
    ReadOptions,
    count_files,
    import_files,
    prepare_file,
    walk_files,
)
from perfbudget.app.imports import ImportRequest
from perfbudget.app.roles import Principal, Role
from perfbudget.app.settings import CoreSettings
from perfbudget.app.workflow import take_step
from perfbudget.load import load_path
from perfbudget.model import Problem, Source
from perfbudget.store import ImportOutcome, Store
from perfbudget.store.library_tables import library_entries
from perfbudget.store.schema import indicators, project_versions, projects
from perfbudget.store.transaction import Actor
from tests.store.conftest import write_variant
from tests.store.helpers import ids_by_appearance

UNIT = "255101天津市和平区人民检察院"
VIDEO = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥12次\n"
VIDEO_15 = "\t视频会议保障数量\n\t视频会议保障数量\n\t≥15次\n"
REQUEST = ImportRequest(Actor(None, "tester"), "cli")
ADMIN = Principal(1, "甲", "甲", Role.ADMIN, None)


def unit_copy(seed_path: Path, target: Path, number: int) -> Path:
    """The seed for another unit (its ten projects are new there)."""
    return write_variant(seed_path, target, (UNIT, f"{300000 + number}测试{number}单位"))


def cut_copy(seed_path: Path, target: Path, number: int) -> Path:
    """The seed for another unit, cut off inside its fourth table (three complete tables, one cut)."""
    lines = unit_copy(seed_path, target, number).read_text(encoding="utf-8").splitlines(keepends=True)
    target.write_text("".join(lines[:300]), encoding="utf-8")
    return target


def run(store: Store, files: Any, *, jobs: int = 2, pool_min_files: int = 0, request: ImportRequest = REQUEST,
        settings: CoreSettings | None = None, **options: Any) -> list[ImportOutcome]:
    return list(import_files(store, settings or CoreSettings(), files, request, jobs=jobs,
                             pool_min_files=pool_min_files, **options))


def latest_indicator_ids(store: Store) -> set[int]:
    with store.library_reading() as connection:
        return set(connection.execute(
            select(indicators.c.id).join(project_versions, project_versions.c.id == indicators.c.version_id)
            .join(projects, (projects.c.id == project_versions.c.project_id)
                  & (projects.c.latest_version == project_versions.c.number))).scalars())


def library_indicator_ids(store: Store) -> set[int]:
    with store.library_reading() as connection:
        return set(connection.execute(select(library_entries.c.indicator_id)).scalars())


def test_walk_gives_the_files_of_a_sorted_recursive_listing(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/b/c.txt", "a.txt", "A.txt", ".hidden.txt", ".git/x.txt", "a/.h/y.txt",
                 "c/d/e/f.txt", "a b.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    expected = sorted(p for p in tmp_path.rglob("*")
                      if p.is_file() and not any(part.startswith(".") for part in p.relative_to(tmp_path).parts))
    single = tmp_path / "b.txt"
    assert list(walk_files([tmp_path, single, tmp_path / "missing.txt"])) == [
        *expected, single, tmp_path / "missing.txt"]
    assert count_files([tmp_path]) == len(expected) == 7


def test_a_pool_import_keeps_every_rule_of_a_file_by_file_import(store: Store, seed_path: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_import, "LIBRARY_EVERY", 2)  # the library follows in several steps
    folder = tmp_path / "tables"
    original = unit_copy(seed_path, folder / "a_original.txt", 1)
    (folder / "b_bad.txt").write_bytes(b"\x00\x01garbage")
    cut_copy(seed_path, folder / "c_cut.txt", 2)
    write_variant(original, folder / "d_correction.txt", (VIDEO, VIDEO_15))
    (folder / "e_original_again.txt").write_bytes(original.read_bytes())
    unit_copy(seed_path, folder / "f_other.txt", 3)
    outcomes = run(store, walk_files([folder]))
    assert [Path(o.file).name for o in outcomes] == ["a_original.txt", "b_bad.txt", "c_cut.txt",
                                                      "d_correction.txt", "e_original_again.txt", "f_other.txt"]
    assert [o.status for o in outcomes] == ["imported", "failed", "imported", "imported", "unchanged", "imported"]
    first, bad, cut, correction, again, other = outcomes
    assert first.new_projects == 10 and other.new_projects == 10
    # A bad file: nothing stored, the reader's errors with their location.
    assert bad.problems and all(p.source.file.endswith("b_bad.txt") for p in bad.problems)
    # Cut-off tables refused by name at the place they broke, the complete ones stored.
    assert cut.new_projects == 3 and len(cut.refused_tables) == 1
    assert cut.refused_tables[0].source.line and "的表格不完整（在此处中断），未导入" in cut.refused_tables[0].message
    # A correction is a new version with its changes; the same bytes again are recognised as such
    # (although both were read before the original was stored) and do not flip the project back.
    assert (correction.changed_projects, correction.unchanged_projects) == (1, 9)
    assert again.same_file_as == first.document_id
    [changed] = [v for v in correction.versions if v.created]
    history = store.history(changed.project_id)
    assert [v["version"] for v in history] == [1, 2]
    assert [(c.kind, c.old, c.new) for c in history[1]["changes"]] == [("target_changed", "≥12次", "≥15次")]
    # What is stored equals what was read, table by table (rows written from the plans sent over).
    source = load_path(folder / "f_other.txt").document
    assert store.document(other.document_id or 0) == source
    counts = store.counts()
    assert (counts["documents"], counts["projects"], counts["versions"]) == (4, 23, 24)
    # The indicator library followed every import (the correction replaced its project's entries).
    assert library_indicator_ids(store) == latest_indicator_ids(store) != set()


def test_pool_and_single_process_give_the_same_outcomes(db_url: str, seed_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    for number in range(6):
        unit_copy(seed_path, folder / f"u{number}.txt", number)
    (folder / "u9_bad.txt").write_text("没有表格", encoding="utf-8")
    with Store(db_url) as store:
        pooled = [o.to_dict() for o in run(store, walk_files([folder]))]
        again = [o.to_dict() for o in run(store, walk_files([folder]), jobs=1)]
    single_url = f"sqlite:///{tmp_path / 'single.db'}"
    with Store(single_url) as single:
        alone = [o.to_dict() for o in run(single, walk_files([folder]), jobs=1)]
    # (on PostgreSQL two writers take the ids as they write: the same outcomes but for the ids' order)
    assert ids_by_appearance(pooled) == ids_by_appearance(alone)
    assert [o["status"] for o in again] == ["unchanged"] * 6 + ["failed"]


def test_an_approved_project_is_never_changed_by_a_bulk_import(store: Store, seed_path: Path,
                                                                tmp_path: Path) -> None:
    original = unit_copy(seed_path, tmp_path / "a.txt", 1)
    [first] = run(store, [original], jobs=1)
    project_id = next(v.project_id for v in first.versions if v.name == "2024年检察业务信息化运维项目")
    assert take_step(store, ADMIN, project_id, "submit", None, "测试", review_errors=0, version_required="").ok
    assert take_step(store, ADMIN, project_id, "approve", None, version_required="").ok
    changed = write_variant(original, tmp_path / "b.txt", (VIDEO, VIDEO_15))
    others = [unit_copy(seed_path, tmp_path / f"c{n}.txt", n) for n in range(2, 4)]
    refused = run(store, [changed, *others], settings=CoreSettings(revisions="refuse"))
    assert [o.status for o in refused] == ["refused", "imported", "imported"]
    assert "已审核通过" in refused[0].problems[0].message or "不接受" in refused[0].problems[0].message
    revised = run(store, [changed])
    assert revised[0].status == "imported" and any("仍是正式版本" in n for n in revised[0].notices)
    with store.reading() as tx:
        flow = tx.workflow([project_id])[project_id]
        official = tx.current_versions(project_ids=[project_id], official=True)[0]
    assert (flow.state, flow.version_number, flow.approved_version) == ("draft", 2, 1)
    assert official.meta["version"] == 1


def explosive(path: str, options: ReadOptions, store: Store | None) -> Prepared:
    """A reader that dies on one file and raises on another (run in the reading processes)."""
    if path.endswith("dies.txt"):
        os._exit(3)
    if path.endswith("raises.txt"):
        raise RuntimeError("读取程序的错误")
    return prepare_file(path, options, store)


def test_a_reading_process_that_dies_fails_its_file_only(store: Store, seed_path: Path, tmp_path: Path) -> None:
    files = [unit_copy(seed_path, tmp_path / f"u{n}.txt", n) for n in range(3)]
    files.insert(1, unit_copy(seed_path, tmp_path / "dies.txt", 7))
    files.insert(3, unit_copy(seed_path, tmp_path / "raises.txt", 8))
    outcomes = run(store, files, prepare=explosive)
    assert [o.status for o in outcomes] == ["imported", "failed", "imported", "failed", "imported"]
    assert outcomes[1].problems[0].message == CRASHED
    assert "RuntimeError: 读取程序的错误" in outcomes[3].problems[0].message
    assert store.counts()["documents"] == 3


def where_read(path: str, options: ReadOptions, store: Store | None) -> Prepared:
    """What a reading process knows of itself, as its file's failure: its parent, its own pid, the variable
    PERFBUDGET_TEST_MARK, its working directory, whether the file is there, its umask and its sys.path's first entry;
    and, read as the bulk import reads it, the file's failure if it has one (its size over PERFBUDGET_MAX_FILE_MB)."""
    umask = os.umask(0o022)
    os.umask(umask)
    read = bulk_import.prepare_file(path, options, None)
    facts = [os.getppid(), os.getpid(), os.environ.get("PERFBUDGET_TEST_MARK"), os.getcwd(), Path(path).is_file(),
             umask, sys.path[0], [problem.message for problem in read.failure]]
    return Prepared(path, failure=(Problem(Source(path), json.dumps(facts)),))


def test_reading_processes_start_with_the_readers_imported_once(store: Store, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    # import-floor7: each spawned reading process imported sqlalchemy, the store and the readers again, 1.2 s of CPU
    # a process; they are forked now from one server that imported them once (their parent, the same for both
    # imports, not this process). They still see this process's environment (a limit's variable), working
    # directory, umask and sys.path as they are at each import (the server took them when it started).
    folder = tmp_path / "tables"
    folder.mkdir()
    for number in range(6):  # 1.5 MiB each: within the default limit, over 1 MiB
        (folder / f"u{number}.txt").write_text("项目名称\t测试\n" + "。" * 500_000, encoding="utf-8")
    facts = []
    umask = os.umask(0o022)
    try:
        for mark, directory, relative, mode in (("一", tmp_path, "tables", 0o022), ("二", folder, ".", 0o077)):
            monkeypatch.setenv("PERFBUDGET_TEST_MARK", mark)
            if mark == "二":
                monkeypatch.setenv("PERFBUDGET_MAX_FILE_MB", "1")
            monkeypatch.chdir(directory)
            monkeypatch.syspath_prepend(str(tmp_path / mark))
            os.umask(mode)
            files = sorted(Path(relative).iterdir())  # relative to this directory
            facts += [json.loads(o.problems[0].message) for o in run(store, files, prepare=where_read)]
    finally:
        os.umask(umask)
    assert len(facts) == 12
    servers = {parent for parent, *_ in facts}
    readers = {pid for _, pid, *_ in facts}
    assert len(servers) == 1 and not servers & (readers | {os.getpid()})  # forked by one server, for both imports
    assert [mark for _, _, mark, *_ in facts] == ["一"] * 6 + ["二"] * 6
    assert [directory for _, _, _, directory, *_ in facts] == [str(tmp_path)] * 6 + [str(folder)] * 6
    assert all(there for *_, there, _, _, _ in facts)
    assert [mode for *_, mode, _, _ in facts] == [0o022] * 6 + [0o077] * 6
    assert [first for *_, first, _ in facts] == [str(tmp_path / "一")] * 6 + [str(tmp_path / "二")] * 6
    too_large = [any("1 MB" in message or "过大" in message for message in failed) for *_, failed in facts]
    assert too_large == [False] * 6 + [True] * 6, facts[5:7]


def test_files_are_taken_as_they_are_needed(store: Store, seed_path: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_import, "FILES_PER_TASK", 1)
    monkeypatch.setattr(bulk_import, "TASKS_PER_JOB", 2)  # at most 2 × 2 files in flight
    monkeypatch.setattr(bulk_import, "WRITE_EVERY", 3)  # and at most 3 written, waiting for their commit
    monkeypatch.setattr(bulk_writers, "IN_FLIGHT", 2)  # PostgreSQL's two writers: 2 × 2 handed out, not yet given
    monkeypatch.setattr(bulk_writers, "QUEUE", 1)
    held = 3 if store.engine.dialect.name == "sqlite" else 2 * 2
    files = [unit_copy(seed_path, tmp_path / f"u{n:02d}.txt", n) for n in range(12)]
    taken: list[Path] = []

    def given() -> Iterator[Path]:
        for path in files:
            taken.append(path)
            yield path

    seen = []
    for outcome in import_files(store, CoreSettings(), given(), REQUEST, jobs=2, pool_min_files=0):
        seen.append(len(taken))
        assert outcome.status == "imported"
    assert seen[0] <= 5 + held and all(count <= done + 5 + held for done, count in enumerate(seen, 1))
    assert len(seen) == 12 and store.counts()["documents"] == 12


def test_the_cli_reads_with_several_processes(db_url: str, seed_path: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.cli import app

    monkeypatch.setattr(bulk_import, "POOL_MIN_FILES", 2)
    folder = tmp_path / "tables"
    for number in range(3):
        unit_copy(seed_path, folder / f"u{number}.txt", number)
    runner = CliRunner()
    result = runner.invoke(app, ["import", str(folder), "--jobs", "2", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "共 3 个文件：导入 3 个，未变化 0 个，失败 0 个；新项目 30 个" in result.stdout
    (folder / "z_bad.txt").write_bytes(b"\x00\x01garbage")
    as_json = runner.invoke(app, ["import", str(folder), "-j", "2", "--json", "--db", db_url])
    assert as_json.exit_code == 1
    data = json.loads(as_json.stdout)
    assert data["summary"] == {"imported": 0, "unchanged": 3, "failed": 1}
    assert [Path(f["file"]).name for f in data["files"]] == ["u0.txt", "u1.txt", "u2.txt", "z_bad.txt"]
    assert "--jobs" in runner.invoke(app, ["import", "--help"]).stdout


def test_a_plan_sent_between_processes_holds_the_same_tables(seed_document: Any) -> None:
    import pickle
    from dataclasses import replace

    from perfbudget.store.importer import plan_document, planned_project

    plan = plan_document(seed_document)
    assert not isinstance(plan, str)
    sent = pickle.loads(pickle.dumps(plan.detached()))
    assert sent.source is None and sent.tables == plan.tables and sent.hashes == plan.hashes
    for position, project in enumerate(seed_document.projects):
        assert planned_project(sent, position) == project  # rebuilt from rows: what version diffs compare
    keep = [0, 3, 9]
    alone = plan_document(replace(seed_document, projects=tuple(seed_document.projects[i] for i in keep)))
    assert not isinstance(alone, str)
    part = sent.subset(keep)
    assert (part.identities, part.hashes, part.document_hash, part.tables, part.document) == (
        alone.identities, alone.hashes, alone.document_hash, alone.tables, alone.document)


def test_a_plans_rows_are_tuples_of_their_tables_columns(seed_document: Any) -> None:
    # The reading processes plan rows as tuples (cheaper to send and write than dicts): each in the order of
    # its columns' names, every name a column of the table the writer puts it in.
    from perfbudget.store import rows
    from perfbudget.store.importer import plan_document
    from perfbudget.store.schema import indicators, targets

    plan = plan_document(seed_document)
    assert not isinstance(plan, str)
    assert set(rows.INDICATOR_COLUMNS) < set(indicators.c.keys())
    assert set(rows.TARGET_COLUMNS) < set(targets.c.keys())
    for table, project in zip(plan.tables, seed_document.projects, strict=True):
        assert len(table.indicators) == len(table.targets) == len(project.indicators) > 0
        for position, (indicator, target, read) in enumerate(
                zip(table.indicators, table.targets, project.indicators, strict=True), 1):
            assert dict(zip(rows.INDICATOR_COLUMNS, indicator, strict=True)) == rows.indicator_values(read, position)
            assert dict(zip(rows.TARGET_COLUMNS, target, strict=True)) == rows.target_values(read.target)
            assert indicator[0] == position and indicator[3] == read.level3 and target[0] == read.target.raw


WATCHED = """
import os, resource, subprocess, sys, threading, time
from perfbudget.app import bulk_import
if sys.argv[1] == "no pidfd":
    del os.pidfd_open
else:  # a descriptor past select's 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
    pidfd_open = os.pidfd_open
    os.pidfd_open = lambda pid: os.dup2(pidfd_open(pid), 2000)
importing = subprocess.Popen(["sleep", "60"])
threading.Thread(target=bulk_import._watch_parent, args=(importing.pid,), daemon=True).start()
time.sleep(0.5)
importing.kill()  # not reaped: a zombie, as a killed import whose shell has not waited yet
time.sleep(20)
"""


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="Linux")
@pytest.mark.parametrize("how", ["no pidfd", "descriptor 2000"])
def test_a_reading_process_ends_when_the_importing_process_is_killed(how: str) -> None:
    # import-floor7's first watcher: without pidfd, kill(pid, 0) succeeds on a zombie (or a reused pid) and the reader
    # lived on; with a descriptor ≥ 1024 select.select raised and the watching thread died silently
    source = str(Path(bulk_import.__file__).parents[2])  # this tree's code
    done = subprocess.run([sys.executable, "-c", WATCHED, how], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": source})
    assert done.returncode == 1, done.stderr  # _watch_parent's os._exit(1), before the 20 s sleep ends
