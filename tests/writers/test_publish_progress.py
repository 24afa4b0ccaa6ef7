"""``perfbudget publish`` shows how far it is (faces45): a bar on a terminal, told by the writers a project at a
time (排版, then 写出 for Word and the page) — a unit of thousands of projects said nothing for minutes until then."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app, progress_bar
from perfbudget.cli.common import WholeRowConsole
from perfbudget.load import load_path
from perfbudget.writers.target_table_export import EXPORT_FORMS, render

runner = CliRunner()


@pytest.mark.parametrize("form", EXPORT_FORMS)
def test_each_writer_tells_each_project_once(seed_path: Path, form: str) -> None:
    document = load_path(seed_path).document
    assert document is not None
    total = len(document.projects)
    told: list[tuple[str, int, int | None]] = []
    data = render(document, form, steps=lambda step, done, of: told.append((step, done, of)))
    assert data == render(document, form)  # the same file, told or not
    laid = [done for step, done, of in told if step == "排版" and of == total]
    written = [done for step, done, of in told if step == "写出" and of == total]
    if form == "json":
        assert told == [("写出", 0, None)]
        return
    assert laid == list(range(1, total + 1))
    assert written == ([] if form == "xlsx" else list(range(1, total + 1)))


def test_publish_shows_a_bar_on_a_terminal_only(tmp_path: Path, seed_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", url]).exit_code == 0
    common = ["publish", "--unit", "255101", "--all", "--db", url, "--to"]
    piped = runner.invoke(app, [*common, "docx", "-o", str(tmp_path / "piped.docx")])
    assert piped.exit_code == 0, piped.output
    assert piped.stderr.startswith("已发布单位 255101 的 10 个项目")  # a log gets the command's line alone
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True))  # a terminal
    shown = runner.invoke(app, [*common, "docx", "-o", str(tmp_path / "shown.docx")])
    assert shown.exit_code == 0, shown.output
    assert "排版" in shown.stderr and "写出" in shown.stderr
    assert (tmp_path / "shown.docx").read_bytes() == (tmp_path / "piped.docx").read_bytes()
    quiet = runner.invoke(app, [*common, "xlsx", "-o", str(tmp_path / "quiet.xlsx"), "--json"])
    assert quiet.exit_code == 0 and quiet.stderr == ""  # --json: no bar
    refused = runner.invoke(app, ["publish", "--unit", "255101", "--db", url, "--to", "docx",
                                  "-o", str(tmp_path / "none.docx")])
    assert refused.exit_code == 1 and "没有审核通过的项目" in refused.stderr  # said after the bar, as before


def test_export_and_a_units_opinion_show_a_bar_on_a_terminal(tmp_path: Path, seed_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", url]).exit_code == 0
    made = runner.invoke(app, ["user", "add", "admin", "--role", "admin", "--password", "Long-enough-9!x", "--db", url])
    assert made.exit_code == 0, made.output
    exported = ["export", "--unit", "255101", "--db", url, "--to", "xlsx", "-o"]
    opinion = ["desk", "opinion", "--unit", "255101", "--user", "admin", "--db", url, "-o"]
    piped = [runner.invoke(app, [*exported, str(tmp_path / "piped.xlsx")]),
             runner.invoke(app, [*opinion, str(tmp_path / "piped.docx")])]
    assert [r.exit_code for r in piped] == [0, 0] and "排版" not in piped[0].stderr + piped[1].stderr
    monkeypatch.setattr(progress_bar, "err", WholeRowConsole(stderr=True, force_terminal=True))  # a terminal
    shown = runner.invoke(app, [*exported, str(tmp_path / "shown.xlsx")])
    assert shown.exit_code == 0 and "排版" in shown.stderr, shown.output
    told = runner.invoke(app, [*opinion, str(tmp_path / "shown.docx")])
    assert told.exit_code == 0 and "写出" in told.stderr and "10 个项目" in told.stdout, told.output
    for name in ("xlsx", "docx"):  # the same files, shown or not
        assert (tmp_path / f"shown.{name}").read_bytes() == (tmp_path / f"piped.{name}").read_bytes()


def test_a_unit_without_projects_is_named_apart_from_the_words_after_it(tmp_path: Path, seed_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", url]).exit_code == 0
    common = ["--db", url, "--to", "docx", "-o", str(tmp_path / "x.docx")]
    none = runner.invoke(app, ["publish", "--unit", "999", *common])
    assert none.exit_code == 1 and "错误：数据库中没有单位 999 的项目（" in none.stderr, none.stderr
    waiting = runner.invoke(app, ["publish", "--unit", "255101", *common])
    assert waiting.exit_code == 1 and "错误：单位 255101 没有审核通过的项目，未发布" in waiting.stderr, waiting.stderr
    in_year = runner.invoke(app, ["publish", "--unit", "255101", "--year", "2024", *common])
    assert "错误：单位 255101 2024 年度没有审核通过的项目" in in_year.stderr, in_year.stderr



@pytest.mark.parametrize("form", ["html", "docx"])
def test_a_units_opinion_tells_its_layout_before_it_writes(form: str, tmp_path: Path, seed_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """排版 a project at a time while the blocks and the pages are computed, then 写出: the HTML bar was told 写出 N/N
    by a loop that only gathered the parts, the layouts before it and the page's render after it untold."""
    from contextlib import contextmanager

    from perfbudget.app import opinion

    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", url]).exit_code == 0
    admin = ["user", "add", "admin", "--role", "admin", "--password", "Long-enough-9!x", "--db", url]
    assert runner.invoke(app, admin).exit_code == 0
    told: list[tuple[str, int, int | None]] = []

    @contextmanager
    def recorded(shown: bool = True) -> Iterator[Callable[[str, int, int | None], None]]:
        yield lambda step, done, total: told.append((step, done, total))

    template = opinion._html_template()

    class Rendered:
        def render(self, **values: object) -> str:
            told.append(("渲染", 0, None))
            return str(template.render(**values))

    monkeypatch.setattr(progress_bar, "steps_bar", recorded)
    monkeypatch.setattr(opinion, "_html_template", Rendered)
    made = runner.invoke(app, ["desk", "opinion", "--unit", "255101", "--user", "admin", "--db", url, "--to", form,
                               "-o", str(tmp_path / f"opinion.{form}")])
    assert made.exit_code == 0 and "10 个项目" in made.stdout, made.output
    laid = [(done, total) for step, done, total in told if step == "排版"]
    assert laid == [(done, 20) for done in range(1, 21)]  # the blocks, then the pages cut
    assert told[told.index(("排版", 20, 20)) + 1][0] == "写出"
    if form == "html":  # the render told as it begins
        assert told[-2:] == [("写出", 0, None), ("渲染", 0, None)]


def test_export_of_a_unit_tells_its_load_under_the_bar(tmp_path: Path, seed_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """``export --unit`` read the unit's projects from the store before its bar began: 读取项目 is told first."""
    from contextlib import contextmanager

    from perfbudget.cli import cmd_export

    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", str(seed_path), "--db", url]).exit_code == 0
    told: list[str] = []
    read = cmd_export._stored_document

    @contextmanager
    def recorded(shown: bool = True) -> Iterator[Callable[[str, int, int | None], None]]:
        yield lambda step, _done, _total: told.append(step)

    monkeypatch.setattr(progress_bar, "steps_bar", recorded)
    monkeypatch.setattr(cmd_export, "_stored_document", lambda *args: [told.append("(读库)"), read(*args)][1])
    made = runner.invoke(app, ["export", "--unit", "255101", "--db", url, "--to", "xlsx",
                               "-o", str(tmp_path / "u.xlsx")])
    assert made.exit_code == 0, made.output
    assert told[:2] == ["读取项目", "(读库)"] and "排版" in told
