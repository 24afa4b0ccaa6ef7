"""The command line pages as the API does (faces44): ``history`` listed every change of every version where the API
lists ``changes_limit`` (50) of each and the web's history 50, and ``list … --all`` took ``--page`` and ``--offset``
without a word (``history --all --page`` has been refused since faces43)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from tests.conftest import HEADER_ROWS, table_text

runner = CliRunner()
CHANGES_PAGE = 50  # the API's changes_limit by default (app.CHANGES_PAGE, not read here: it is faces44's)
MOST_HISTORY_CHANGES = 10_000  # versions × changes each, the API's most (app.MOST_HISTORY_CHANGES)


def _table(values: list[str]) -> str:
    """A tiny 绩效目标表 with one 数量指标 a value, the values given."""
    rows = [["产出指标", "数量指标", f"培训人次{n}", "完成培训", value] for n, value in enumerate(values, 1)]
    return table_text(*HEADER_ROWS, *rows)


@pytest.mark.parametrize(("option", "named"), [(["--all", "--page", "2"], "--all"),
                                               (["--all", "--offset", "1"], "--all"),
                                               (["--limit", "0", "--page", "2"], "--limit 0"),
                                               (["--format", "csv", "--output", "x.csv", "--page", "2"], "--format"),
                                               # a page's --limit N beside them (until faces44's mend)
                                               (["--format", "csv", "--output", "x.csv", "--limit", "5"], "--format"),
                                               (["--all", "--limit", "5"], "--all")])
@pytest.mark.parametrize("kind", ["projects", "units"])
def test_list_all_takes_no_page(tmp_path: Path, kind: str, option: list[str], named: str) -> None:
    said = runner.invoke(app, ["list", kind, "--db", f"sqlite:///{tmp_path}/none.db", *option])
    assert said.exit_code == 2, said.output
    assert f"{named} 不能与 {option[-2]} 同用" in said.stderr and "不分页" in said.stderr, said.stderr
    assert not (tmp_path / "none.db").exists()  # refused before the store opens


def _changes(listed: str) -> list[str]:
    """The changes ``history`` lists, in order (not 首个版本, nor the line saying how many are listed)."""
    return [line for line in listed.splitlines()
            if line.startswith("  · ") and line != "  · 首个版本" and "处改动" not in line]


def test_history_pages_each_versions_changes_as_the_api(db_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "目标表.txt", tmp_path / "b" / "目标表.txt"
    for path, value in ((first, "100"), (second, "200")):
        path.parent.mkdir()
        path.write_text(_table([f"≥{value + str(n)}人次" for n in range(CHANGES_PAGE + 3)]), encoding="utf-8")
        assert runner.invoke(app, ["import", str(path), "--db", db_url]).exit_code == 0
    said = runner.invoke(app, ["history", "1", "--db", db_url])
    assert said.exit_code == 0, said.output
    total = CHANGES_PAGE + 3
    assert said.stdout.count("  · ") == 1 + CHANGES_PAGE + 1, said.stdout  # 首个版本, the page, the line
    assert f"共 {total} 处改动，列出第 1–{CHANGES_PAGE} 处（--changes-offset N 翻页）" in said.stdout

    rest = runner.invoke(app, ["history", "1", "--db", db_url, "--changes-offset", str(CHANGES_PAGE)])
    assert f"共 {total} 处改动，列出第 {CHANGES_PAGE + 1}–{total} 处" in rest.stdout, rest.output
    assert rest.stdout.count("  · ") == 1 + 3 + 1
    whole = runner.invoke(app, ["history", "1", "--db", db_url, "--limit", "10", "--changes-limit", "1000"])
    assert _changes(whole.stdout) and len(_changes(whole.stdout)) == total, whole.output
    assert _changes(said.stdout) + _changes(rest.stdout) == _changes(whole.stdout)  # none lost, none twice, in order
    past = runner.invoke(app, ["history", "1", "--db", db_url, "--changes-offset", str(total)])
    assert f"--changes-offset {total} 已超过最后一处（共 {total} 处）" in past.stdout, past.output
    assert "无可见改动" not in past.stdout

    data = json.loads(runner.invoke(app, ["history", "1", "--db", db_url, "--json", "--changes-limit", "2",
                                          "--changes-offset", "1"]).stdout)
    assert (data["changes_limit"], data["changes_offset"]) == (2, 1)
    newest = data["versions"][-1]
    assert newest["changes_total"] == total and len(newest["changes"]) == 2
    every = runner.invoke(app, ["history", "1", "--db", db_url, "--all", "--json"])
    assert [len(v["changes"]) for v in json.loads(every.stdout)["versions"]] == [0, CHANGES_PAGE]

    too_many = runner.invoke(app, ["history", "1", "--db", db_url, "--limit", "100", "--changes-limit", "101"])
    assert too_many.exit_code == 2, too_many.output
    assert f"--limit × --changes-limit（100 × 101）不能超过 {MOST_HISTORY_CHANGES}" in too_many.stderr
    from perfbudget.app import paging

    assert (paging.CHANGES_PAGE, paging.MOST_HISTORY_CHANGES) == (CHANGES_PAGE, MOST_HISTORY_CHANGES)  # the API's


def _history_of_values(db_url: str, tmp_path: Path, values: list[str]) -> list[dict[str, object]]:
    """A project whose versions hold the one indicator's ``values`` in turn, and its versions as ``history --all
    --json`` lists them within the characters a page may hold."""
    for number, value in enumerate(values):
        path = tmp_path / str(number) / "目标表.txt"
        path.parent.mkdir()
        path.write_text(_table([value]), encoding="utf-8")
        assert runner.invoke(app, ["import", str(path), "--db", db_url]).exit_code == 0
    said = runner.invoke(app, ["history", "1", "--db", db_url, "--all", "--json"])
    assert said.exit_code == 0, said.output
    versions: list[dict[str, object]] = json.loads(said.stdout)["versions"]
    return versions


def _chars(version: dict[str, object]) -> int:
    """The characters of a version's changes' texts, as ``store.queries.project_history`` counts them."""
    changes = version["changes"]
    assert isinstance(changes, list)
    return sum(len(change[key] or "") for change in changes for key in ("subject", "old", "new"))


def test_history_all_reads_a_long_batch_again_in_fewer_versions(db_url: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """--all reads as many versions at a time as keep 10,000 changes; a batch whose texts passed the characters a
    page may hold stopped the listing though each version fitted, naming a --limit never given (faces44)."""
    versions = _history_of_values(db_url, tmp_path, ["≥100人次", "≥101人次", "≥102人次", "≥103人次"])
    most = max(_chars(v) for v in versions)
    assert sum(_chars(v) for v in versions) > most  # the versions together pass it, each alone fits
    monkeypatch.setattr("perfbudget.app.overview.MOST_HISTORY_CHARS", most)
    said = runner.invoke(app, ["history", "1", "--db", db_url, "--all", "--json"])
    assert said.exit_code == 0, said.output
    assert json.loads(said.stdout)["versions"] == versions
    text = runner.invoke(app, ["history", "1", "--db", db_url, "--all"])
    assert text.exit_code == 0 and text.stdout.count("第 ") >= len(versions), text.output


def test_history_all_refuses_one_version_too_long_in_whole_json(db_url: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """One version's page of changes too long: refused naming --changes-limit alone, and --json's output stays one
    JSON document (the header and 「"versions": [」 were left open, faces44)."""
    long = "≥100人次（" + "含线上线下培训" * 6 + "）"
    versions = _history_of_values(db_url, tmp_path, ["≥100人次", "≥101人次", "≥102人次", long])
    monkeypatch.setattr("perfbudget.app.overview.MOST_HISTORY_CHARS", _chars(versions[-1]) - 1)
    said = runner.invoke(app, ["history", "1", "--db", db_url, "--all", "--json"])
    assert said.exit_code == 1, said.output
    assert f"请减少 --changes-limit（现为 {CHANGES_PAGE}）" in said.stderr and "--limit " not in said.stderr
    answer = json.loads(said.stdout)  # whole: the versions read before the refusal, and the refusal
    assert answer["versions"] == versions[:-1] and "--changes-limit" in answer["refused"]
