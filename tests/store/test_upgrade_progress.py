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


def test_a_store_of_several_heads_is_upgraded_told_or_not_alike(tmp_path: Path) -> None:
    """current_revision joins a store's heads with commas: counting them asked Alembic for a revision 「0001,0110」 and
    failed there, told; now the upgrade says what is wrong, told or not, in the same words."""
    from alembic import command

    from perfbudget.store.migrate import alembic_config, write_transaction

    engine = make_engine(f"sqlite:///{tmp_path / 'heads.db'}")
    try:
        with write_transaction(engine, moves=None) as connection:
            command.upgrade(alembic_config(connection), "0110")
            connection.exec_driver_sql("INSERT INTO alembic_version VALUES ('0001')")
        said = []
        for steps in (None, lambda _step, _done, _total: None):
            with pytest.raises(Exception) as raised:
                upgrade(engine, steps=steps)
            said.append((type(raised.value).__name__, str(raised.value)))
        assert said[0] == said[1] and "0001,0110" not in said[1][1]
    finally:
        engine.dispose()
