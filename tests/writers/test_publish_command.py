"""``perfbudget publish``: a unit's approved tables of a year in one file, the approved version of each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.app.accounts import create_user
from perfbudget.app.roles import Principal, Role
from perfbudget.app.workflow import approved_versions, take_step
from perfbudget.cli import app
from perfbudget.load import load_path
from perfbudget.model import Document
from perfbudget.store import Store
from tests.conftest import filled_store_url

runner = CliRunner()
BACKENDS = [pytest.param("sqlite", id="sqlite"), pytest.param("postgres", id="postgres", marks=pytest.mark.postgres)]


def _principal(store: Store, name: str, role: Role, unit: str | None) -> Principal:
    account = create_user(store.engine, name, "correct-horse-battery-9", role, unit)
    assert not isinstance(account, str), account
    return Principal(account.id, name, name, role, unit)


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path, seed_path: Path) -> str:
    """A database holding the seed as ``perfbudget import`` puts it in: imported once per test process, a copy for
    each test (tests/conftest.py ``filled_store_url``)."""

    def fill(url: str) -> None:
        result = runner.invoke(app, ["import", str(seed_path), "--db", url])
        assert result.exit_code == 0, result.output

    return filled_store_url(request, request.param, tmp_path, "seed-imported-by-cli", fill)


def _project_ids(store: Store) -> dict[int, int]:
    """seq in the seed → stored project id."""
    return {int(v.document.projects[0].seq): int(v.meta["project_id"])
            for v in store.latest_versions(unit="255101")}


def test_publish_takes_the_approved_version_of_approved_projects(db: str, tmp_path: Path, seed_path: Path,
                                                                 seed_document: Document) -> None:
    with Store(db) as store:
        ids = _project_ids(store)
        editor = _principal(store, "editor", Role.UNIT_EDITOR, "255101")
        reviewer = _principal(store, "reviewer", Role.REVIEWER, None)
        for seq in (1, 5):  # approved at version 1 (both of 2024)
            assert take_step(store, editor, ids[seq], "submit", None, justification="测试", version_required="").ok
            assert take_step(store, reviewer, ids[seq], "approve", None, justification="测试", version_required="").ok
        assert take_step(store, editor, ids[3], "submit", None, justification="测试",
                         version_required="").ok  # submitted only
        assert approved_versions(store, list(ids.values())) == {ids[1]: 1, ids[5]: 1}
    # project 5 changes after its approval (a later import): version 2 is the latest, version 1 the approved
    changed = tmp_path / "seed-v2.txt"
    changed.write_text(seed_path.read_text(encoding="utf-8").replace("≥500件", "≥600件"), encoding="utf-8")
    assert runner.invoke(app, ["import", str(changed), "--db", db]).exit_code == 0

    out = tmp_path / "published.docx"
    result = runner.invoke(app, ["publish", "--unit", "255101", "--year", "2024", "--to", "docx", "-o", str(out),
                                 "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["seqs"] == [1, 5] and report["projects"] == 2 and report["left_out"] >= 1
    back = load_path(out)
    assert back.ok and back.document is not None, back.problems
    assert back.document.projects == (seed_document.projects[0], seed_document.projects[4])  # v1, not v2
    assert back.document.unit == seed_document.unit

    for form in ("xlsx", "html"):
        target = tmp_path / f"published.{form}"
        done = runner.invoke(app, ["publish", "--unit", "255101", "--year", "2024", "--to", form, "-o",
                                   str(target), "--db", db])
        assert done.exit_code == 0, done.output
        assert "已发布单位 255101 的 2 个项目" in done.output and "未审核通过，未发布" in done.output
        again = load_path(target)
        assert again.document is not None and [p.seq for p in again.document.projects] == [1, 5]


def test_publish_refuses_when_nothing_is_approved_unless_all(db: str, tmp_path: Path) -> None:
    out = tmp_path / "u.xlsx"
    result = runner.invoke(app, ["publish", "--unit", "255101", "--to", "xlsx", "-o", str(out), "--db", db])
    assert result.exit_code == 1 and "没有审核通过的项目" in result.output and not out.exists()
    result = runner.invoke(app, ["publish", "--unit", "255101", "--to", "xlsx", "-o", str(out), "--db", db, "--all"])
    assert result.exit_code == 0, result.output
    assert load_path(out).document is not None
    bad = runner.invoke(app, ["publish", "--unit", "255101", "--to", "pdf", "--db", db])
    assert bad.exit_code == 2 and "不支持的发布格式" in bad.output
    none = runner.invoke(app, ["publish", "--unit", "999999", "--to", "docx", "--db", db])
    assert none.exit_code == 1 and "没有单位 999999" in none.output


def test_publish_help_is_chinese() -> None:
    result = runner.invoke(app, ["publish", "--help"])
    assert result.exit_code == 0 and "审核通过" in result.output
