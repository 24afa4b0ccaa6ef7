"""File names a terminal would act on: `perfbudget import` prints every file it reads by name, so a name
holding ESC (a terminal control sequence), a newline (a faked output line) or U+202E (text turned around)
was written to the terminal raw. They are shown as escapes; ordinary names, CJK and ideographic spaces not."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.cli.common import shown_name


def test_names_that_act_on_a_terminal_are_shown_as_escapes() -> None:
    assert shown_name("a\nb.txt") == "a\\nb.txt"
    assert shown_name("x\x1b]0;pwned\x07.txt") == "x\\x1b]0;pwned\\x07.txt"
    assert shown_name("\u202etxt.exe") == "\\u202etxt.exe"
    assert shown_name("预算\u3000绩效 目标表.txt") == "预算\u3000绩效 目标表.txt"  # left as it is


def test_the_import_prints_hostile_names_escaped(tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    names = ["a\nb.txt", "x\x1b[2J.txt", "\u202etxt.csv"]
    for name in names:
        (folder / name).write_bytes(seed_path.read_bytes() if name.startswith("a") else b"no table here")
    result = CliRunner().invoke(app, ["import", str(folder), "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    shown = result.output
    assert "a\\nb.txt: 已导入" in shown, shown
    assert "x\\x1b[2J.txt" in shown and "\\u202etxt.csv" in shown
    assert not any(ch in shown for ch in ("\x1b", "\u202e")) and "a\nb.txt" not in shown
