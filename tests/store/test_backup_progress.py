"""``db backup`` and ``db restore`` show how far they are (faces45): a bar on a terminal, told by the copy's pages in
steps — one snapshot all the same, a write committed meanwhile neither seen nor restarting the copy — and by each
check. They said nothing until the end, minutes for a store of gigabytes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.app.backup import backup, restore
from perfbudget.cli import app, progress_bar
from perfbudget.cli.common import WholeRowConsole
from perfbudget.store import backup as sqlite_backup

runner = CliRunner()


def _store(tmp_path: Path, seed_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    result = runner.invoke(app, ["import", str(seed_path), "--db", url])
    assert result.exit_code == 0, result.output
    return url


def test_a_backup_in_steps_tells_its_pages_and_stays_one_snapshot(tmp_path: Path, seed_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    url = _store(tmp_path, seed_path)
    monkeypatch.setattr(sqlite_backup, "STEP_PAGES", 4)
    told: list[tuple[str, int, int | None]] = []

    def steps(step: str, done: int, total: int | None) -> None:
        if step == "复制" and not told:  # the server commits a change while the copy has begun
            with closing(sqlite3.connect(tmp_path / "store.db")) as writer:
                writer.execute("UPDATE projects SET name = '备份开始后改的' WHERE id = 1")
                writer.commit()
        told.append((step, done, total))

    done = backup(url, tmp_path / "backup.db", steps)
    copied = [(d, t) for s, d, t in told if s == "复制"]
    total = copied[-1][1]
    assert total is not None and total > 3 * 4 and copied[-1][0] == total
    # step by step, never started again: as many steps as the pages make, each further than the last
    assert len(copied) == -(-total // 4)
    assert all(a[0] < b[0] for a, b in pairwise(copied))
    assert told[-1] == ("检查备份", 0, None) and done.projects == 10
    with closing(sqlite3.connect(tmp_path / "backup.db")) as copy:  # the store as the copy began
        assert copy.execute("SELECT name FROM projects WHERE id = 1").fetchone()[0] != "备份开始后改的"
    steps_of_restore: list[str] = []
    restore(tmp_path / "backup.db", f"sqlite:///{tmp_path / 'new.db'}",
            steps=lambda step, _done, _total: steps_of_restore.append(step))
    assert list(dict.fromkeys(steps_of_restore)) == ["检查备份文件", "恢复", "检查恢复后的数据库"]


def test_backup_and_restore_show_a_bar_on_a_terminal_only(tmp_path: Path, seed_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    url = _store(tmp_path, seed_path)
    piped = runner.invoke(app, ["db", "backup", str(tmp_path / "piped.db"), "--db", url])
    assert piped.exit_code == 0 and piped.stderr == ""  # a log gets the command's line alone
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True))  # a terminal
    made = runner.invoke(app, ["db", "backup", str(tmp_path / "backup.db"), "--db", url])
    assert made.exit_code == 0, made.output
    assert "复制" in made.stderr and "已备份数据库" in made.stdout
    back = runner.invoke(app, ["db", "restore", str(tmp_path / "backup.db"), "--db",
                               f"sqlite:///{tmp_path / 'new.db'}"])
    assert back.exit_code == 0, back.output
    assert "恢复" in back.stderr and "检查备份文件" in back.stderr


def test_a_restore_that_upgrades_counts_its_migrations(tmp_path: Path) -> None:
    """升级数据库结构 told with the migrations applied of those to apply (a moving bar without a count until then)."""
    from alembic import command

    from perfbudget.store.engine import make_engine
    from perfbudget.store.migrate import alembic_config, write_transaction

    old = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{old}")
    with write_transaction(engine, moves=None) as connection:
        command.upgrade(alembic_config(connection), "0001")
    engine.dispose()
    told: list[tuple[int, int | None]] = []
    restore(old, f"sqlite:///{tmp_path / 'store.db'}",
            steps=lambda step, done, total: told.append((done, total)) if step == "升级数据库结构" else None)
    total = told[-1][1]
    assert total is not None and total > 1 and told == [(done, total) for done in range(total + 1)]


def test_the_copy_has_one_path_told_in_steps() -> None:
    """copy_into takes its ``progress`` always (both callers tell a bar or nothing): the untold whole copy, a path no
    caller took, is gone."""
    import inspect

    assert inspect.signature(sqlite_backup.copy_into).parameters["progress"].default is inspect.Parameter.empty
