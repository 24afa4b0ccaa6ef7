"""``review`` on projects from the store, ``--save`` with history, and ``perfbudget reviews`` —
on SQLite and PostgreSQL, compared finding by finding with the review of the same file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.store import Store
from tests.conftest import filled_store_url
from tests.store.conftest import write_variant

runner = CliRunner()
P1 = "2024年检察业务信息化运维项目-2024中央"
P2 = "检察业务、装备及外包服务费-2023中央"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(request: pytest.FixtureRequest, backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def imported(request: pytest.FixtureRequest, backend: str, tmp_path: Path, seed_path: Path) -> str:
    """A database holding the seed as ``perfbudget import`` puts it in: imported once per test process, a copy for
    each test (tests/conftest.py ``filled_store_url``)."""

    def fill(url: str) -> None:
        result = runner.invoke(app, ["import", str(seed_path), "--db", url])
        assert result.exit_code == 0, result.output

    return filled_store_url(request, backend, tmp_path, "seed-imported-by-cli", fill)


def _json(args: list[str], code: int = 0) -> Any:
    result = runner.invoke(app, args)
    assert result.exit_code == code, result.output
    return json.loads(result.stdout)


def _without_line(finding: dict[str, Any]) -> dict[str, Any]:
    """A finding with only the file of its source, by its name: stored tables keep no cell locations, and a command
    line's import keeps the file's name, not the path it was given (replay-s)."""
    source = finding["source"]
    return {**finding, "source": {"file": Path(source["file"]).name} if source else None}


def _expected_payload(file_review: dict[str, Any], seq: int) -> dict[str, Any]:
    """What a saved review of project ``seq`` must hold: its part of the file's review."""
    (grade,) = [p for p in file_review["projects"] if p["seq"] == seq]
    return {"format": file_review["format"], "projects": [grade],
            "findings": [_without_line(f) for f in file_review["findings"] if f["project"] in (seq, None)]}


def test_saved_reviews_equal_the_file_review_for_every_project(imported: str, seed_path: Path) -> None:
    db = imported
    from_file = _json(["review", str(seed_path), "--json"], code=1)  # the seed has error-level faults
    assert len(from_file["projects"]) == 10 and len(from_file["findings"]) > 10

    result = runner.invoke(app, ["review", "--db", db, "--save", "--actor", "张三", "--json"])
    assert result.exit_code == 1, result.output
    assert "已保存 10 个项目的审核结果" in result.stderr
    stored = json.loads(result.stdout)
    # The run's own output: the file's report, plus where each project is in the store.
    store_only = ("project_id", "version", "unit_code", "record")
    assert [{k: v for k, v in p.items() if k not in store_only} for p in stored["projects"]] == from_file["projects"]
    assert [{k: v for k, v in f.items() if k != "project_id"} for f in stored["findings"]] \
        == [_without_line(f) for f in from_file["findings"]]

    with Store(db) as store:
        for project in stored["projects"]:
            record = store.review(project["record"])
            assert record is not None
            assert record["project_id"] == project["project_id"] and record["version"] == 1
            assert record["payload"] == _expected_payload(from_file, project["seq"])
            assert (record["grade"], record["errors"], record["warnings"], record["actor"]) == \
                (project["grade"], project["errors"], project["warnings"], "张三")
            assert record["year"] == (2023 if project["seq"] in (2, 3) else 2024)
            # Read back through the CLI: the same JSON as `review --json` of that project alone.
            shown = _json(["reviews", str(project["project_id"]), "--db", db, "--show", str(project["record"]),
                           "--json"])
            assert shown == record["payload"]
    # Project 2 has the seed's two ≥100% rates among its findings, with the file it came from.
    p2 = next(p for p in stored["projects"] if p["seq"] == 2)
    with Store(db) as store:
        record = store.review(p2["record"])
    assert record is not None
    rates = [f for f in record["payload"]["findings"] if f["rule"] == "rate-over-100"]
    assert [(f["indicator"], f["source"]) for f in rates] == [(3, {"file": seed_path.name}),
                                                              (4, {"file": seed_path.name})]


def test_a_second_save_after_a_changed_import_keeps_both_records(imported: str, seed_path: Path,
                                                                 tmp_path: Path) -> None:
    db = imported
    first = _json(["review", "--db", db, "--save", "--json"], code=1)
    # Project 2's rates written ≥100% fixed in a second file: a new version of project 2 only.
    fixed = write_variant(seed_path, tmp_path / "fixed.txt", ("\t≥100%\n", "\t100%\n"))
    assert runner.invoke(app, ["import", str(fixed), "--db", db]).exit_code == 0
    second = _json(["review", "--db", db, "--save", "--json"], code=1)
    from_fixed = _json(["review", str(fixed), "--json"], code=1)

    p2_first = next(p for p in first["projects"] if p["seq"] == 2)
    p2_second = next(p for p in second["projects"] if p["seq"] == 2)
    assert p2_first["project_id"] == p2_second["project_id"]
    assert (p2_first["version"], p2_second["version"]) == (1, 2)
    assert p2_second["errors"] == p2_first["errors"] - 2  # the two rate-over-100 errors are gone
    listed = _json(["reviews", P2, "--db", db, "--json"])
    assert [(r["id"], r["version"], r["errors"]) for r in listed["reviews"]] == [
        (p2_first["record"], 1, p2_first["errors"]), (p2_second["record"], 2, p2_second["errors"])]
    # Both records are still whole; the second one is the review of the changed file.
    old = _json(["reviews", P2, "--db", db, "--show", str(p2_first["record"]), "--json"])
    new = _json(["reviews", P2, "--db", db, "--show", str(p2_second["record"]), "--json"])
    assert [f["rule"] for f in old["findings"]].count("rate-over-100") == 2
    assert new == _expected_payload(from_fixed, 2)  # located in fixed.txt, the file of version 2
    # An unchanged project has two records of its one version.
    p1 = _json(["reviews", P1, "--db", db, "--json"])["reviews"]
    assert [r["version"] for r in p1] == [1, 1] and p1[0]["id"] < p1[1]["id"]

    text = runner.invoke(app, ["reviews", P2, "--db", db])
    assert text.exit_code == 0
    assert "共 2 条审核记录" in text.stdout and "第 1 版" in text.stdout and "第 2 版" in text.stdout
    shown = runner.invoke(app, ["reviews", P2, "--db", db, "--show", str(p2_first["record"])])
    assert shown.exit_code == 0
    assert "写作「≥100%」" in shown.stdout and f"记录 {p2_first['record']} · 第 1 版 · 2023 年度" in shown.stdout


def test_exit_code_follows_the_errors_of_the_chosen_projects(imported: str) -> None:
    db = imported
    # Project 1 reviewed alone has no error-level finding; project 2 has three.
    clean = runner.invoke(app, ["review", P1, "--db", db])
    assert clean.exit_code == 0, clean.output
    assert "审核等级：1.良" in clean.stdout  # warnings only (goals without figures, a vague value)
    faulty = runner.invoke(app, ["review", P2, "--db", db])
    assert faulty.exit_code == 1
    assert "审核等级：中（错误 3" in faulty.stdout
    by_year = _json(["review", "--db", db, "--unit", "255101", "--year", "2023", "--json"], code=1)
    assert [p["seq"] for p in by_year["projects"]] == [2, 3]
    # Nothing saved without --save.
    assert _json(["reviews", P2, "--db", db, "--json"])["reviews"] == []
    empty = runner.invoke(app, ["reviews", P2, "--db", db])
    assert "尚无保存的审核记录" in empty.stdout


def test_store_mode_errors_are_messages(imported: str, seed_path: Path, tmp_path: Path) -> None:
    empty_db = f"sqlite:///{tmp_path / 'empty.db'}"
    assert runner.invoke(app, ["db", "upgrade", "--db", empty_db]).exit_code == 0  # a database without projects
    cases = [
        (["review", "--db", empty_db], "还没有项目：请先用 perfbudget import"),
        (["review", "--db", f"sqlite:///{tmp_path / 'none.db'}"], "不存在（当前目录"),
        (["review", "不存在的项目", "--db", imported], "没有找到项目「不存在的项目」"),
        (["review", "2024年检察业务经费项目", "--db", imported], "对应 2 个项目"),
        (["review", "--db", imported, "--unit", "000000"], "没有符合条件的项目"),
        # --db with a file is the library's database (issue 16): the hint names only what makes it a project
        (["review", str(seed_path), "--save", "--db", imported], "直接处理文件则不要用 --unit、--year、--save"),
        (["review"], "请给出要审核的绩效目标表文件"),
        (["reviews", "不存在的项目", "--db", imported], "没有找到项目「不存在的项目」"),
        (["reviews", P1, "--db", imported, "--show", "99"], "没有编号为 99 的审核记录"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 1, (args, result.output)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.output


def test_a_project_name_without_db_is_found_in_the_default_database(
        imported: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A name that is no file is a project of the default database (PERFBUDGET_DB, else ./perfbudget.db) for
    review, template, evaluate and monitor, as for export: until 2026-12-04 they said 文件不存在."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PERFBUDGET_DB", imported)
    by_name = _json(["review", P1, "--json"])
    assert by_name == _json(["review", P1, "--db", imported, "--json"])
    assert [p["project_id"] for p in by_name["projects"]] and by_name["findings"]
    sheet = runner.invoke(app, ["template", P1])
    assert sheet.exit_code == 0 and "视频会议保障数量" in sheet.stdout, sheet.output
    (tmp_path / "e.csv").write_text(sheet.stdout, encoding="utf-8")
    for args in (["evaluate", P1, "-a", "e.csv"], ["monitor", P1, "-a", "e.csv", "-m", "6"]):
        result = runner.invoke(app, args)  # the sheet is empty: told about the sheet, not about a missing file
        assert result.exit_code == 1 and "e.csv" in result.stderr and "没有文件" not in result.stderr, result.output
    for command in (["review"], ["template"], ["evaluate", "-a", "e.csv"], ["monitor", "-a", "e.csv", "-m", "6"]):
        result = runner.invoke(app, [command[0], "没有这个项目", *command[1:]])
        assert result.exit_code == 1, (command, result.output)
        assert "没有文件「没有这个项目」" in result.stderr, result.stderr
        assert "中也没有项目「没有这个项目」" in result.stderr, result.stderr


def test_neither_a_file_nor_a_default_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PERFBUDGET_DB", raising=False)
    for command in (["review"], ["template"], ["evaluate", "-a", "e.csv"], ["monitor", "-a", "e.csv", "-m", "6"]):
        result = runner.invoke(app, [command[0], "雾炮车服务", *command[1:]])
        assert result.exit_code == 1, (command, result.output)
        assert f"没有文件「雾炮车服务」（当前目录 {tmp_path}），默认数据库 sqlite:///perfbudget.db 也不存在" \
            in result.stderr, result.stderr
    assert not (tmp_path / "perfbudget.db").exists()  # no empty database made by asking


def test_a_record_of_another_project_is_not_shown(imported: str) -> None:
    saved = _json(["review", P2, "--db", imported, "--save", "--json"], code=1)
    (record,) = [p["record"] for p in saved["projects"]]
    result = runner.invoke(app, ["reviews", P1, "--db", imported, "--show", str(record)])
    assert result.exit_code == 1 and f"没有编号为 {record} 的审核记录" in result.stderr


def test_each_unit_is_reviewed_as_its_own_file(imported: str, seed_path: Path, tmp_path: Path) -> None:
    db = imported
    other = write_variant(seed_path, tmp_path / "河西.txt",
                          ("255101天津市和平区人民检察院", "255102天津市河西区人民检察院"))
    assert runner.invoke(app, ["import", str(other), "--db", db]).exit_code == 0
    from_file = _json(["review", str(seed_path), "--json"], code=1)
    both = _json(["review", "--db", db, "--json"], code=1)
    assert [p["unit_code"] for p in both["projects"]] == ["255101"] * 10 + ["255102"] * 10
    for unit in ("255101", "255102"):
        ids = {p["project_id"] for p in both["projects"] if p["unit_code"] == unit}
        own = [{k: v for k, v in f.items() if k not in ("project_id", "source")}
               for f in both["findings"] if f["project_id"] in ids]
        # The same findings as the one file: the other unit's tables change nothing.
        assert own == [{k: v for k, v in f.items() if k != "source"} for f in from_file["findings"]]
    text = runner.invoke(app, ["review", "--db", db])
    assert text.stdout.count("绩效目标审核") == 2 and "255102天津市河西区人民检察院" in text.stdout


def test_a_copied_goal_names_the_other_project_not_its_number_in_another_file(tmp_path: Path) -> None:
    """Two files of one unit, each a project numbered 1, with the same 绩效目标: a stored project is reviewed among
    its unit's projects, so 「与第1个项目…一字不差」 named a number the reader sees as the project itself (replay-e);
    the finding now names the other project."""
    from tests.review.review_helpers import GOOD_ROWS, header, table_file_text

    goals = "1.保障本单位信息系统全年稳定运行，为各项业务工作提供有力支撑"
    db = f"sqlite:///{tmp_path / 'two.db'}"
    for name in ("甲项目", "乙项目"):
        rows = header(goals=goals)
        rows[1] = ["项目名称", f"{name}-2024中央"]
        path = tmp_path / f"{name}.txt"
        path.write_text(table_file_text(GOOD_ROWS, rows, heading=f"1.{name}-2024中央绩效目标表"), encoding="utf-8")
        assert runner.invoke(app, ["import", str(path), "--db", db]).exit_code == 0
    report = _json(["review", "--db", db, "--json"])
    copied = {f["message"] for f in report["findings"] if f["rule"] == "goals-not-measurable"}
    assert any("与项目「乙项目-2024中央」的绩效目标一字不差" in m for m in copied), copied
    assert any("与项目「甲项目-2024中央」的绩效目标一字不差" in m for m in copied), copied
    assert not any("与第" in m for m in copied), copied
