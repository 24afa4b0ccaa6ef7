"""docs/rules.md is generated from the registry and must agree with it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.review.catalogue import catalogue_markdown
from perfbudget.review.registry import all_rules

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_docs_rules_md_is_the_generated_catalogue() -> None:
    assert DOC.read_text(encoding="utf-8") == catalogue_markdown(), (
        "docs/rules.md is out of date: run `perfbudget rules --markdown > docs/rules.md`")


def test_rules_markdown_command_prints_the_catalogue() -> None:
    result = CliRunner().invoke(app, ["rules", "--markdown"])
    assert result.exit_code == 0
    assert result.stdout == catalogue_markdown()


def test_catalogue_holds_every_rule_and_its_text() -> None:
    text = catalogue_markdown()
    for spec in all_rules():
        assert f"### `{spec.id}` — {spec.title}" in text
        assert spec.doc.splitlines()[0] in text
