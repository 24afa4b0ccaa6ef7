"""Every command's bar is ``cli.progress_bar.steps_bar`` (faces46): ``review --db`` and ``import`` drew bars of their
own beside it (the same look with other columns, a console of their own), ``unit merge`` and ``library export`` none —
a unit of thousands of projects merged in silence. Each is drawn on a terminal only, through the one helper, with what
it showed before (审核 N/N 个指标; 导入 N/N 个文件 and the file being read)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.app.roles import Principal, Role
from perfbudget.app.unit_admin import merge_units
from perfbudget.cli import app, progress_bar
from perfbudget.cli.common import WholeRowConsole
from perfbudget.store import Store
from tests.conftest import table_text

runner = CliRunner()
PASSWORD = "Long-enough-9!x"


def _table(unit: str, project: str) -> str:
    return table_text([unit, "单位：万元"], ["项目名称", f"{project}-2024中央"],
                      ["预算规模及资金用途", "预算数", "10.00", "其中：财政    资金", "10.00", "其他资金", " "],
                      ["", "用于测试"], ["绩效目标", "1.完成测试"],
                      ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"],
                      ["产出指标", "数量指标", f"{project}人数", "", "≥100人"],
                      ["效益指标", "社会效益指标", "群众满意度", "", "≥90%"], heading=f"1.{project}-2024中央绩效目标表")


def _files(tmp_path: Path) -> list[str]:
    made = []
    for unit, project in (("100001测试单位", "培训项目"), ("100002测试二单位", "维修项目")):
        path = tmp_path / f"{project}.txt"
        path.write_text(_table(unit, project), encoding="utf-8")
        made.append(str(path))
    return made


def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The one bar's console a terminal (the commands' own lines stay as they are)."""
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True, width=200))


def _shown(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", text)  # the terminal's colours and moves


def _store(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    made = runner.invoke(app, ["import", *_files(tmp_path), "--db", url])
    assert made.exit_code == 0, made.output
    added = runner.invoke(app, ["user", "add", "admin", "--role", "admin", "--password", PASSWORD, "--db", url])
    assert added.exit_code == 0, added.output
    return url


def test_import_and_review_draw_the_one_bar_with_what_they_showed(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    files = _files(tmp_path)
    _terminal(monkeypatch)
    imported = runner.invoke(app, ["import", *files, "--db", url])
    assert imported.exit_code == 0, imported.output
    assert re.search(r"导入 ━+ 2/2 个文件 .*维修项目\.txt", _shown(imported.stderr)), imported.stderr
    reviewed = runner.invoke(app, ["review", "--db", url])
    assert reviewed.exit_code == 1, reviewed.output  # errors found (2 a table, as review --json below counts them)
    assert re.search(r"审核 ━+ 4/4 个指标", _shown(reviewed.stderr)), reviewed.stderr
    monkeypatch.undo()  # a pipe or a log: the commands' own lines alone, as before
    again = runner.invoke(app, ["review", "--db", url])
    assert again.exit_code == reviewed.exit_code and "━" not in again.stderr and again.stdout == reviewed.stdout


def test_unit_merge_and_library_export_draw_the_one_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = _store(tmp_path)
    piped = runner.invoke(app, ["library", "export", "--to", "xlsx", "-o", str(tmp_path / "piped.xlsx"), "--db", url])
    assert piped.exit_code == 0 and "━" not in piped.stderr, piped.output
    _terminal(monkeypatch)
    exported = runner.invoke(app, ["library", "export", "--to", "xlsx", "-o", str(tmp_path / "shown.xlsx"),
                                   "--db", url])
    assert exported.exit_code == 0, exported.output
    shown = _shown(exported.stderr)
    assert re.search(r"读取指标库 ━+ \d+/\d+", shown) and "排版" in shown and "已导出" in shown, shown
    assert (tmp_path / "shown.xlsx").read_bytes() == (tmp_path / "piped.xlsx").read_bytes()
    merged = runner.invoke(app, ["unit", "merge", "100001", "100002", "--user", "admin", "--db", url])
    assert merged.exit_code == 0, merged.output
    shown = _shown(merged.stderr)
    assert re.search(r"移动项目 ━+ 1/1", shown) and re.search(r"更新指标库 ━+ 1/1", shown), shown
    assert "已把单位「100002 测试二单位」的 1 个项目并入「100001 测试单位」" in shown


def test_a_merge_tells_each_project_moved_and_the_library_in_chunks(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.library import build

    url = _store(tmp_path)
    monkeypatch.setattr(build, "UPDATE_CHUNK", 1)  # the one chunk size: the catch-up's and the merge's
    told: list[tuple[str, int, int | None]] = []
    store = Store(url)
    try:
        admin = Principal(1, "admin", "admin", Role.ADMIN, None)
        done = merge_units(store, admin, "100001", "100002", username="admin",
                           steps=lambda step, done, total: told.append((step, done, total)))
    finally:
        store.close()
    assert done.projects == 1
    assert told == [("核对单位", 0, None), ("移动项目", 1, 1), ("更新项目标识", 1, 1),
                    ("更新指标库", 0, 1), ("更新指标库", 1, 1)]


def test_merge_updates_the_library_in_the_catch_ups_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``unit merge`` brings its moved projects into the library through ``library.build.update_library_in_chunks``,
    the catch-up's loop and chunk size (a copy of both, ``app.unit_admin.LIBRARY_CHUNK``, until faces46's second
    reading)."""
    from perfbudget.library import build

    url = _store(tmp_path)
    (tmp_path / "绿化项目.txt").write_text(_table("100002测试二单位", "绿化项目"), encoding="utf-8")
    assert runner.invoke(app, ["import", str(tmp_path / "绿化项目.txt"), "--db", url]).exit_code == 0
    monkeypatch.setattr(build, "UPDATE_CHUNK", 1)
    chunks: list[list[int]] = []
    update = build.update_library
    monkeypatch.setattr(build, "update_library", lambda store, ids: (chunks.append(list(ids)), update(store, ids)))
    told: list[tuple[str, int, int | None]] = []
    with Store(url) as store:
        merge_units(store, Principal(1, "admin", "admin", Role.ADMIN, None), "100001", "100002", username="admin",
                    steps=lambda step, done, total: told.append((step, done, total)))
    assert len(chunks) == 2 and all(len(chunk) == 1 for chunk in chunks)
    assert [(done, total) for step, done, total in told if step == "更新指标库"] == [(0, 2), (1, 2), (2, 2)]


def test_renaming_a_unit_without_a_code_draws_the_bar(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit without a code is keyed by its name: renamed, its projects are keyed anew and brought into the library
    again, the work of a merge, with no bar until faces46's second reading."""
    url = _store(tmp_path)
    for project in ("甲项目", "乙项目"):
        (tmp_path / f"{project}.txt").write_text(_table("单位名称：测试三单位", project), encoding="utf-8")
        assert runner.invoke(app, ["import", str(tmp_path / f"{project}.txt"), "--db", url]).exit_code == 0
    _terminal(monkeypatch)
    renamed = runner.invoke(app, ["unit", "rename", "测试三单位", "测试四单位", "--user", "admin", "--db", url])
    assert renamed.exit_code == 0, renamed.output
    shown = _shown(renamed.stderr)
    assert re.search(r"移动项目 ━+ \d/2", shown) and re.search(r"更新指标库 ━+ 2/2", shown), shown
    assert "单位「测试三单位（无编码）」已改名为「测试四单位」" in shown


def test_import_off_a_terminal_tells_the_bar_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``import`` to a pipe or a log draws no bar, and its per-file loop pays nothing for one (issue 17's tables a
    second): neither the file's shown name nor a step is told."""
    told: list[str] = []
    monkeypatch.setattr(progress_bar.ShownSteps, "now", lambda self, text: told.append(text))
    shown = progress_bar.ShownSteps.__call__
    monkeypatch.setattr(progress_bar.ShownSteps, "__call__",
                        lambda self, step, done, total: (told.append(step), shown(self, step, done, total))[1])
    url = f"sqlite:///{tmp_path / 'store.db'}"
    imported = runner.invoke(app, ["import", *_files(tmp_path), "--db", url])
    assert imported.exit_code == 0 and "━" not in imported.stderr, imported.output
    assert told == []


def test_library_export_streams_the_groups_it_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The export counts its groups first (those used by ``minimum`` indicators) and reads them one by one: it read
    every group into a list before the first step, and told a total of every group, ``minimum`` applied after."""
    from perfbudget.app.library import export_library
    from perfbudget.store import library_reads

    url = _store(tmp_path)  # two projects: 群众满意度 used twice, each 人数 once
    read: list[int] = []
    stream = library_reads.all_groups

    def counted(*args: object) -> object:
        for group in stream(*args):  # type: ignore[arg-type]
            read.append(group["id"])
            yield group

    monkeypatch.setattr(library_reads, "all_groups", counted)
    told: list[tuple[int, int | None, int]] = []
    with Store(url) as store:
        content, count = export_library(store, "json", 2,
                                        lambda step, done, total: told.append((done, total, len(read))))
    assert count == 1 and [g["names"] for g in json.loads(content)["groups"]] == [["群众满意度"]]
    assert told[:2] == [(0, 1, 0), (1, 1, 1)]  # of the one group used twice, told as it is read


def test_json_on_stdout_stays_clean_with_stderr_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``import --json`` and ``review --json`` while stderr is a terminal (a user's shell piping stdout to a file or
    jq): stdout is the JSON alone, no bar drawn into it; the exit codes exact."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    files = _files(tmp_path)
    _terminal(monkeypatch)
    imported = runner.invoke(app, ["import", *files, "--db", url, "--json"])
    assert imported.exit_code == 0, imported.output
    assert [f["status"] for f in json.loads(imported.stdout)["files"]] == ["imported", "imported"]
    reviewed = runner.invoke(app, ["review", "--db", url, "--json"])
    projects = json.loads(reviewed.stdout)["projects"]
    assert [p["errors"] for p in projects] == [2, 2] and reviewed.exit_code == 1  # 1: errors were found
    for said in (imported.stdout, reviewed.stdout):
        assert not re.search("[━╺╸\r\x1b]", said), said
