"""The rule list a user reads says what each rule checks in Chinese (faces45): ``perfbudget rules`` and its ``--json``
carried each rule's English docstring (``doc``) until then; the docstrings stay the developer's catalogue
(``docs/rules.md``, ``--markdown``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.review import catalogue
from perfbudget.review.catalogue import rule_descriptions
from perfbudget.review.registry import all_rules

runner = CliRunner()
HAN = re.compile(r"[\u4e00-\u9fff]")
# Latin runs a Chinese description may hold: a rule's parameter names, a rule's id (another rule named) and the
# Latin measure units the rules read (TB, Mbps, dB: rules_structure's specification units); what a table says, quoted
# 「…」 (「XX」 a template left), is the table's
QUOTED = re.compile(r"「[^」]*」")
LATIN_RUN = re.compile(r"[A-Za-z_][A-Za-z0-9_/-]*[A-Za-z0-9]|[A-Za-z]")


def _mostly_chinese(text: str) -> bool:
    from perfbudget.review.rules_structure import _SPEC_UNITS

    allowed = {name for spec in all_rules() for name in spec.params} | {spec.id for spec in all_rules()} | _SPEC_UNITS
    return len(HAN.findall(text)) >= 10 and set(LATIN_RUN.findall(QUOTED.sub("", text))) <= allowed


def test_a_description_may_hold_units_and_rule_ids_but_no_english() -> None:
    """The check is general (it allowed 「Mbps」 alone, the one unit of one line, besides parameter names)."""
    assert _mostly_chinese("把所购设备的规格参数（带宽、Gbps、dB等）写成数量指标；规格应放在质量指标下。")
    assert _mostly_chinese("把资金使用率当作产出指标的，由规则 input-as-output 提示，这里不重复提示。")
    assert not _mostly_chinese("把所购设备的规格参数写成数量指标 belongs under quality")
    assert not _mostly_chinese("规格参数 B 写成数量指标，应放在质量指标下。")


def test_every_rule_has_one_chinese_description_and_none_is_left_over() -> None:
    described = rule_descriptions()
    ids = {spec.id for spec in all_rules()}
    assert sorted(ids - set(described)) == []  # a new rule needs its line in review/rule_descriptions.toml
    assert sorted(set(described) - ids) == []  # a line for a rule that is not registered
    assert [rule_id for rule_id, text in described.items() if not _mostly_chinese(text)] == []
    # each says something of its own, beyond the title
    assert len(set(described.values())) == len(described)
    assert [s.id for s in all_rules() if described[s.id] == s.title] == []


def test_rules_json_and_table_say_what_each_rule_checks_in_chinese() -> None:
    result = runner.invoke(app, ["rules", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [entry["id"] for entry in data] == [spec.id for spec in all_rules()]
    by_id = {entry["id"]: entry for entry in data}
    assert "doc" not in by_id["rate-over-100"]  # the English docstring is not what a user reads
    assert all(_mostly_chinese(entry["description"]) for entry in data)
    assert by_id["rate-over-100"]["severity_label"] == "错误"
    assert "合格率" in by_id["rate-over-100"]["description"]
    assert by_id["satisfaction-below-floor"]["params"] == {"floor": "80"}
    table = runner.invoke(app, ["rules"], env={"COLUMNS": "400"})
    assert table.exit_code == 0, table.output
    assert "说明" in table.stdout and "合格率、完成率、满意度等不可能超过100%" in table.stdout
    assert "A percentage above 100" not in table.stdout


def test_each_description_explains_every_parameter_of_its_rule_and_both_sides_it_judges() -> None:
    """A parameter the rule list shows (``params``) is named in the words beside it; a rule that judges a floor and a
    ceiling says both (below-peers' reverse indicators above the 90th percentile, target-set-low's growth rates and
    ceilings met at a fifth or less were left out)."""
    described = rule_descriptions()
    unexplained = [(spec.id, name) for spec in all_rules() for name in spec.params if name not in described[spec.id]]
    assert unexplained == []
    assert "反向指标" in described["below-peers"] and "第90百分位" in described["below-peers"]
    assert "增长率" in described["target-set-low"] and "五分之一" in described["target-set-low"]
    assert "审核规则 page" not in (Path(catalogue.__file__).parent / "rule_descriptions.toml").read_text("utf-8")
