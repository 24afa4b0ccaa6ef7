"""``perfbudget db upgrade`` shows how far it is (faces45): told after each migration applied, of those to apply — a
migration rewriting every project of a large store took minutes without a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app, progress_bar
from perfbudget.cli.common import WholeRowConsole
from perfbudget.store.engine import make_engine
from perfbudget.store.migrate import MIGRATIONS, upgrade

pytestmark = pytest.mark.empty_database
runner = CliRunner()


def test_upgrade_tells_each_migration_it_applies(tmp_path: Path) -> None:
    scripts = len([p for p in (MIGRATIONS / "versions").glob("*.py") if p.name != "__init__.py"])
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        told: list[tuple[str, int, int | None]] = []
        upgrade(engine, steps=lambda step, done, total: told.append((step, done, total)))
        assert told == [("升级数据库结构", done, scripts) for done in range(scripts + 1)]
        again: list[tuple[str, int, int | None]] = []
        upgrade(engine, steps=lambda step, done, total: again.append((step, done, total)))
        assert again == []  # nothing to apply, nothing told
    finally:
        engine.dispose()


def test_db_upgrade_shows_a_bar_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True))  # a terminal
    result = runner.invoke(app, ["db", "upgrade", "--db", f"sqlite:///{tmp_path / 'new.db'}"])
    assert result.exit_code == 0, result.output
    assert "升级数据库结构" in result.stderr and "已从版本 空 升级到" in result.stdout
