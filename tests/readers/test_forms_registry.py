"""The forms and text layouts are registered once (readers.FORMS, readers.TEXT_LAYOUT_FORMS) and the
CLI's --form help is built from that registry: checked in both directions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.cli.common import FORM_HELP
from perfbudget.readers import FORMS, REFUSED_FORMS, TEXT_LAYOUT_FORMS, choosable_forms, read_bytes
from perfbudget.readers.text import LAYOUT_PARTS, TEXT_LAYOUTS

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


def _named_in_help() -> list[str]:
    return re.findall(r"[a-z][a-z-]*[a-z]", FORM_HELP)


def test_every_form_named_in_the_help_is_accepted() -> None:
    named = _named_in_help()
    assert "space-cells" in named and "text" in named
    for form in named:
        _, problems = read_bytes("项目名称\n".encode(), "x.txt", form)
        assert not any("不支持的格式" in p.message for p in problems), form


def test_every_accepted_form_is_named_in_the_help() -> None:
    named = set(_named_in_help())
    for form in FORMS:
        assert (form in named) == (form not in REFUSED_FORMS), form
    assert set(choosable_forms()) == named


def test_every_text_layout_is_registered_once_in_order() -> None:
    assert tuple(name for name, _, _ in TEXT_LAYOUTS) == TEXT_LAYOUT_FORMS
    assert set(LAYOUT_PARTS) == set(TEXT_LAYOUT_FORMS)
    assert all(name in FORMS for name in TEXT_LAYOUT_FORMS)


def test_space_cells_can_be_forced_from_the_cli() -> None:
    fixture = WEB / "anhui-chizhou-guichi-2022-selfeval-one-line.txt"  # a whole table on one line
    result = CliRunner().invoke(app, ["read", str(fixture), "--form", "space-cells", "--json"])
    assert "不支持的格式" not in result.stderr
    assert result.stdout.startswith("{")


def test_an_unknown_form_lists_the_forms_the_help_names() -> None:
    """Before: 「可用格式」 also listed ole and zip, containers the help says cannot be chosen."""
    _, problems = read_bytes("项目名称\n".encode(), "x.txt", "bogus")
    listed = problems[0].message.split("可用格式：", 1)[1].split("、")
    assert listed == choosable_forms()
    assert not set(REFUSED_FORMS) & set(listed)


@pytest.mark.parametrize("form", REFUSED_FORMS)
def test_a_form_not_named_in_the_help_is_refused_from_the_cli(form: str, tmp_path: Path) -> None:
    """ole and zip are what sniffing calls a file it refuses: a user naming them got them read (and the error for an
    unknown form listed them as 可用格式) until 2026-12-04."""
    path = tmp_path / "x.txt"
    path.write_text("项目名称\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["read", str(path), "--form", form])
    assert result.exit_code == 1
    assert f"不支持的格式「{form}」" in result.stderr
    listed = result.stderr.split("可用格式：")[1]
    assert set(re.findall(r"[a-z][a-z-]*[a-z]", listed)) == set(choosable_forms())
