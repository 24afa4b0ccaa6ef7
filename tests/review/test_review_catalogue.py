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


REVIEW_DOC = DOC.parent / "review.md"


def test_review_md_example_is_the_real_output(seed_path: Path) -> None:
    """The seed's project 2 in docs/review.md is what `perfbudget review` prints today."""
    text = REVIEW_DOC.read_text(encoding="utf-8")
    example = text.split("Project 2 as printed:\n\n```\n", 1)[1].split("\n```", 1)[0]
    result = CliRunner().invoke(app, ["review", str(seed_path)])
    output = result.stdout.replace(str(seed_path), "examples/000_e2047472f0d7711d.txt")
    start = output.index("2. 检察业务")
    assert output[start:].startswith(example + "\n\n3. ")
    assert "finds 4 errors, 38 warnings and 1 info" in text
    assert "错误 4，警告 38，提示 1" in output


def test_review_md_config_example_is_valid() -> None:
    import tomllib

    from perfbudget.review.config import config_from_dict

    text = REVIEW_DOC.read_text(encoding="utf-8")
    toml = text.split("```toml\n", 1)[1].split("\n```", 1)[0]
    config, problems = config_from_dict(tomllib.loads(toml))
    assert problems == []
    assert len(config.overrides) == 2
