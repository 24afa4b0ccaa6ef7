"""A form named with --form that the content is not: said so (replay-s), not the reader's 「…已损坏（OSError）」."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app

runner = CliRunner()


def test_a_form_the_content_is_not_is_named_with_the_form_it_is(seed_path: Path, tmp_path: Path) -> None:
    word = tmp_path / "目标表.docx"
    assert runner.invoke(app, ["export", str(seed_path), "--to", "docx", "-o", str(word)]).exit_code == 0
    read = runner.invoke(app, ["read", str(word), "--form", "xlsx"])
    assert read.exit_code == 1
    assert read.stderr.strip() == (f"{word}: 错误：按指定的格式「xlsx」读取失败：文件内容是「docx」格式，不是「xlsx」；"
                                   "不指定格式即按内容识别（或指定「docx」）"), read.stderr
    text = runner.invoke(app, ["review", str(seed_path), "--form", "pdf"])
    assert text.exit_code == 1, text.output
    assert "文件内容是文本，不是「pdf」；不指定格式即按内容识别（或指定「text」）" in text.output, text.output
    # a form of the content's own kind keeps the reader's reasons (a text layout on a text: what it could not read)
    layout = runner.invoke(app, ["read", str(seed_path), "--form", "tab-rows"])
    assert "按指定的格式" not in layout.output
    assert runner.invoke(app, ["read", str(word), "--form", "docx"]).exit_code == 0
