"""A command whose reader stops reading (``perfbudget … | head``) ends quietly: exit code 141, nothing on stderr
(replay-aa; exit code 1 until then, Rich's and Click's own handling of the closed pipe)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app


def to_a_closed_pipe(args: list[str], db: Path) -> subprocess.CompletedProcess[bytes]:
    """``perfbudget ARGS`` on the store ``db`` writing into a pipe whose reader has already gone (as ``| head``
    after its lines)."""
    reading, writing = os.pipe()
    os.close(reading)
    try:
        return subprocess.run([sys.executable, "-m", "perfbudget", *args], stdout=writing, stderr=subprocess.PIPE,
                              env={**os.environ, "PERFBUDGET_DB": f"sqlite:///{db}"}, check=False, timeout=300)
    finally:
        os.close(writing)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Path:
    db = tmp_path_factory.mktemp("closed-pipe") / "perfbudget.db"
    result = CliRunner().invoke(app, ["import", str(seed_path), "--db", f"sqlite:///{db}"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("args", [
    ["list", "projects"],  # a Rich table
    ["list", "projects", "--json"],
    ["show", "1"],
    ["history", "1"],
    ["review", "1"],
    ["review", "1", "--json"],
    ["export", "1", "--to", "json", "-o", "-"],
    ["audit"],
    ["--help"],
])
def test_a_command_whose_reader_went_away_ends_quietly(store: Path, args: list[str]) -> None:
    result = to_a_closed_pipe(args, store)
    assert (result.returncode, result.stderr.decode()) == (141, "")


def test_a_file_read_to_a_closed_pipe_ends_quietly(tmp_path: Path, seed_path: Path) -> None:
    result = to_a_closed_pipe(["read", str(seed_path), "--json"], tmp_path / "unused.db")
    assert (result.returncode, result.stderr.decode()) == (141, "")
