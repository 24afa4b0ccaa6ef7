"""Review config from TOML: switching rules, parameters, grades, per-region and per-unit overrides."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.model import Unit
from perfbudget.review.config import GradeRule, config_from_dict, load_config

UNIT = Unit("255101", "天津市和平区人民检察院")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "review.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_config(tmp_path: Path) -> None:
    path = write(tmp_path, """
disabled = ["goals-repeat-purpose"]

[rules.satisfaction-below-floor]
floor = 85.5
severity = "error"

[rules.typo]
extra = ["帐目=账目"]

[grade]
excellent_max_warnings = 0
fail_rules = ["too-few-indicators", "missing-level1-group"]

[[override]]
region = "天津市"
disabled = ["vague-qualitative"]
[override.rules.satisfaction-below-floor]
floor = 90

[[override]]
unit = "999999"
enabled = ["goals-repeat-purpose"]
""")
    config, problems = load_config(path)
    assert problems == []
    assert config is not None
    assert config.disabled == {"goals-repeat-purpose"}
    assert config.param("satisfaction-below-floor", "floor") == Decimal("85.5")
    assert config.severities == {"satisfaction-below-floor": "error"}
    assert config.param("typo", "extra") == ("帐目=账目",)
    assert config.grade == GradeRule(excellent_max_warnings=0,
                                     fail_rules=("missing-level1-group", "too-few-indicators"))
    here = config.resolve(UNIT)
    assert here.disabled == {"goals-repeat-purpose", "vague-qualitative"}
    assert here.param("satisfaction-below-floor", "floor") == 90
    elsewhere = config.resolve(Unit("100001", "河北省某单位"))
    assert elsewhere.disabled == {"goals-repeat-purpose"}
    assert elsewhere.param("satisfaction-below-floor", "floor") == Decimal("85.5")
    by_code = config.resolve(Unit("999999", "某单位"))
    assert by_code.disabled == frozenset()
    assert config.resolve(Unit("100001", "某单位"), region="天津市").disabled >= {"vague-qualitative"}


def test_defaults_come_from_the_registry() -> None:
    config, problems = config_from_dict({})
    assert problems == []
    assert config.param("satisfaction-below-floor", "floor") == Decimal(80)
    assert config.param("too-few-indicators", "minimum") == 3


def test_mistakes_are_problems_not_exceptions(tmp_path: Path) -> None:
    config, problems = config_from_dict({
        "disabled": ["no-such-rule"],
        "colour": "red",
        "rules": {"satisfaction-below-floor": {"floor": "high", "ceiling": 1}, "typo": {"severity": "fatal"}},
        "grade": {"fair_max_errors": -1},
        "override": [{"disabled": ["typo"]}],
    }, "review.toml")
    messages = [p.message for p in problems]
    assert len(messages) == 7, messages
    assert any("no-such-rule" in m for m in messages)
    assert any(m.startswith("colour") for m in messages)
    assert any("floor" in m and "数字" in m for m in messages)
    assert any("ceiling" in m for m in messages)
    assert any("severity" in m for m in messages)
    assert any("fair_max_errors" in m for m in messages)
    assert any("override[1]" in m for m in messages)
    assert all(str(p.source) == "review.toml" for p in problems)
    assert config.param("satisfaction-below-floor", "floor") == Decimal(80)


def test_bad_toml_has_a_line(tmp_path: Path) -> None:
    config, problems = load_config(write(tmp_path, "disabled = [\n\"typo\"\nfloor = \n"))
    assert config is None
    assert problems[0].source.line is not None
    assert "TOML" in problems[0].message


@pytest.mark.parametrize(("text", "line", "told"), [
    ("disabled = [", 1, "值不完整或无效"),
    ("a b", 1, "缺少等号"),
    ('a = "x', 1, "字符串没有结束"),
    ("[x", 1, "缺少右方括号"),
    ("a = 1\na = 2", 2, "重复"),
    ("a = tru", 1, "值不完整或无效"),
    ("a = 1 b", 1, "一行只能写一项"),
    ("x = {a=1", 1, "内联表没有结束"),
    ("[a]\n[a]", 2, "重复"),
])
def test_bad_toml_is_told_in_chinese(tmp_path: Path, text: str, line: int, told: str) -> None:
    """Before: 「审核配置不是有效的 TOML：Invalid value (at end of document)」, tomllib's English."""
    config, problems = load_config(write(tmp_path, text))
    assert config is None
    message = problems[0].message
    assert problems[0].source.line == line and told in message, message
    assert not re.search(r"[A-Za-z]{3,}", message.replace("TOML", "")), message


def test_missing_file(tmp_path: Path) -> None:
    config, problems = load_config(tmp_path / "none.toml")
    assert config is None and "不存在" in problems[0].message


def test_each_rule_is_given_its_own_settings() -> None:
    """Issue 11 point 5: the engine passes each rule its own resolved parameters."""
    from perfbudget.review.settings import RuleSettings

    config, problems = config_from_dict({"rules": {"satisfaction-below-floor": {"floor": 85}}})
    assert problems == []
    settings = config.rule_settings("satisfaction-below-floor")
    assert settings == RuleSettings("satisfaction-below-floor", {"floor": Decimal(85)})
    assert settings.param("floor") == 85
    assert settings.param("satisfaction-below-floor", "floor") == 85  # the older two-argument form
    assert config.rule_settings("too-few-indicators").param("minimum") == 3  # the registered default
    with pytest.raises(KeyError):
        settings.param("minimum")


def test_rule_modules_import_neither_the_config_nor_the_engine() -> None:
    """No review config ↔ registry import cycle: rules see only their RuleSettings."""
    import ast

    import perfbudget.review as package
    from perfbudget.review.registry import RULE_MODULES

    folder = Path(package.__file__).parent
    for module in RULE_MODULES:
        tree = ast.parse((folder / f"{module}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not imported & {"perfbudget.review.config", "perfbudget.review.engine"}, module
