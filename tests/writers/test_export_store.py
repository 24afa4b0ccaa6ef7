"""``perfbudget export PROJECT``: stored projects exported exactly as the file they came from."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_path
from tests.conftest import filled_store_url

runner = CliRunner()
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path, seed_path: Path) -> str:
    """A database holding the seed as ``perfbudget import`` puts it in: imported once per test process, a copy for
    each test (tests/conftest.py ``filled_store_url``)."""

    def fill(url: str) -> None:
        result = runner.invoke(app, ["import", str(seed_path), "--db", url])
        assert result.exit_code == 0, result.output

    return filled_store_url(request, request.param, tmp_path, "seed-imported-by-cli", fill)


def test_export_one_project_reads_back_equal(db: str, tmp_path: Path, seed_document) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "p5.docx"
    result = runner.invoke(app, ["export", "5", "--db", db, "--to", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = load_path(out)
    assert back.ok, back.problems
    assert back.document is not None
    assert back.document.projects == (seed_document.projects[4],)
    assert back.document.unit == seed_document.unit


def test_export_a_unit_reads_back_equal_to_the_seed(db: str, tmp_path: Path, seed_document) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "unit.xlsx"
    result = runner.invoke(app, ["export", "--db", db, "--unit", "255101", "--to", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = load_path(out)
    assert back.ok and back.document == seed_document


def test_export_unknown_or_ambiguous_project_fails_clearly(db: str) -> None:
    result = runner.invoke(app, ["export", "不存在的项目", "--db", db, "--to", "json"])
    assert result.exit_code == 1 and "没有找到项目" in result.stderr
    result = runner.invoke(app, ["export", "2024年检察业务经费项目", "--db", db, "--to", "json"])
    assert result.exit_code == 1 and "对应 2 个项目" in result.stderr
