"""Every face shows a time the same way: 北京时间, marked, whatever the machine's zone (leftovers17: ``history`` and
``evaluations`` printed the machine's local time, ``audit`` and ``user list`` UTC, the web China's, unmarked)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.app.times import shown
from perfbudget.cli import app

runner = CliRunner()


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's zone far from China's (13 hours behind it in winter)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_shown_is_beijing_time_marked() -> None:
    assert shown(datetime(2026, 12, 4, 20, 4, 40)) == "2026-12-05 04:04 北京时间"  # naive: UTC (SQLite)
    assert shown(datetime(2026, 12, 4, 20, 4, 40, tzinfo=UTC), seconds=True) == "2026-12-05 04:04:40 北京时间"
    assert shown("2026-12-04T20:04:40.803571+00:00", seconds=True) == "2026-12-05 04:04:40 北京时间"
    assert shown(None) == "—"


def test_history_audit_and_user_list_show_the_same_zone(new_york: None, tmp_path: Path, seed_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 't.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", db]).exit_code == 0
    added = runner.invoke(app, ["user", "add", "lisi", "--role", "admin", "--password", "correct-horse-battery-9",
                                "--db", db, "--json"])
    assert added.exit_code == 0, added.output
    created = json.loads(added.stdout)["created_at"]

    history = json.loads(runner.invoke(app, ["history", "1", "--db", db, "--json"]).stdout)
    imported = history["versions"][0]["imported_at"]
    assert shown(imported, seconds=True) in runner.invoke(app, ["history", "1", "--db", db]).stdout

    entries = json.loads(runner.invoke(app, ["audit", "--db", db, "--json"]).stdout)["items"]
    listed = runner.invoke(app, ["audit", "--db", db]).stdout
    assert all(shown(entry["at"], seconds=True) in listed for entry in entries)

    assert shown(created) in runner.invoke(app, ["user", "list", "--db", db]).stdout
    local = datetime.fromisoformat(imported).astimezone().strftime("%Y-%m-%d %H:%M")  # the machine's zone
    assert local not in runner.invoke(app, ["history", "1", "--db", db]).stdout


def test_the_web_shows_the_same_text() -> None:
    from perfbudget.web.templating import when

    moment = datetime(2026, 12, 4, 20, 4, 40, tzinfo=UTC)
    assert when(moment) == shown(moment) == "2026-12-05 04:04 北京时间"
