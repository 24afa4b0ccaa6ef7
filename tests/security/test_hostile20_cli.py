"""The command line shows a hostile file's texts as they are (hostile20, 2026-12-05); each test failed before.

Rich reads 「[/red]」 in a printed string as markup (a closing tag matching nothing is a traceback) and highlights
numbers with a regular expression quadratic in a run of digits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.text import Text
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.interchange import document_to_dict
from perfbudget.load import load_path

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def _hostile_json(folder: Path) -> Path:
    document = load_path(ROOT / "examples" / "000_e2047472f0d7711d.txt").document
    assert document is not None
    data = document_to_dict(document)
    data["unit"]["name"] = "检察院[/b]"
    project = data["projects"][0]
    project["name"] = "运维[/red]项目"
    project["purpose"] = "资金用于[/red]运维"
    project["goals"] = ["目标[link=file:///etc/passwd]点这里[/link]"]
    project["indicators"][0]["level3"] = "视频[/i]会议"
    path = folder / "markup.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_read_prints_texts_holding_markup_as_they_are(tmp_path: Path) -> None:
    """「[/red]」 in a purpose made `perfbudget read` and `show` a traceback (MarkupError)."""
    result = runner.invoke(app, ["read", str(_hostile_json(tmp_path))])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "资金用于[/red]运维" in result.output
    assert "[link=file:///etc/passwd]" in result.output
    assert "检察院[/b]" in result.output


def test_lists_show_stored_names_holding_markup_as_they_are(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`list projects`, `list units` and `list indicators` were a traceback for every user of the database once
    one imported table named a project, unit or indicator with 「[/…]」."""
    from perfbudget.cli.common import out

    # wide enough that no name wraps in its column: COLUMNS is read when the console is made, which in a whole
    # run of the suite is before this test (Rich's width fixed then; 80 in CI)
    monkeypatch.setattr(out, "_width", 400)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert runner.invoke(app, ["import", str(_hostile_json(tmp_path)), "--db", db]).exit_code == 0
    for kind, shown in (("projects", "运维[/red]"), ("units", "检察院[/b]"), ("indicators", "视频[/i]")):
        result = runner.invoke(app, ["list", kind, "--db", db], env={"COLUMNS": "400"})
        assert result.exit_code == 0, (kind, result.exception)
        assert shown in result.output, kind


def test_read_prints_an_amount_of_200000_digits_without_highlighting_it(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A text table whose budget is 200,000 digits: `perfbudget read` spent over a minute in Rich's highlighter
    (counted here: the texts given to it)."""
    from rich.highlighter import ReprHighlighter

    highlighted: list[str] = []
    original = ReprHighlighter.highlight

    def counting(self: ReprHighlighter, text: Text) -> None:
        highlighted.append(text.plain)
        original(self, text)

    monkeypatch.setattr(ReprHighlighter, "highlight", counting)
    seed = (ROOT / "examples" / "000_e2047472f0d7711d.txt").read_text(encoding="utf-8")
    at = seed.index("17.00")
    path = tmp_path / "digits.txt"
    path.write_text(seed[:at] + "9" * 200_000 + seed[at + 5:], encoding="utf-8")
    result = runner.invoke(app, ["read", str(path)], env={"COLUMNS": "400"})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "9" * 1_000 in result.output
    assert not any("9" * 1_000 in text for text in highlighted)
