"""A row broken before its target by a blank line or a line break in the copy (FAILURES.md BU): ``服务合格率`` then
``≥95%`` alone was read as an indicator without a target and one named ``≥95%`` (one cell a line), or as the name
``服务合格率≥95%`` (pipes), each with a warning only."""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

ROWS = [
    ["项目名称", "社区养老服务补贴"],
    ["项目资金（万元）", "年度资金总额", "120"],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "服务老年人数", "≥500人"],
    ["", "质量指标", "服务合格率", "≥95%"],
    ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"],
]
READ = [("服务老年人数", "≥500人"), ("服务合格率", "≥95%"), ("老年人满意度", "≥90%")]


def _broken(layout: str) -> str:
    """The table in ``layout`` with the 服务合格率 row broken before its target."""
    if layout == "cell a line":
        return "\n".join(cell for row in ROWS for cell in row if cell).replace("服务合格率\n", "服务合格率\n\n")
    if layout == "pipes":
        lines = ["| " + " | ".join(row) + " |" for row in ROWS]
        return "\n".join(lines).replace("服务合格率 | ≥95% |", "服务合格率 |\n| ≥95% |")
    return "\n".join("\t".join(row) for row in ROWS).replace("服务合格率\t≥95%", "服务合格率\n\t\t\t≥95%")


@pytest.mark.parametrize("layout", ["cell a line", "pipes", "tabs"])
def test_a_target_on_a_line_of_its_own_is_the_row_aboves(layout: str) -> None:
    result = load_bytes(_broken(layout).encode(), "表.txt")
    assert result.document is not None
    indicators = result.document.projects[0].indicators
    assert [(i.level3, i.target.raw) for i in indicators] == READ
    assert indicators[1].sources["target"].line == _broken(layout).splitlines().index(
        next(line for line in _broken(layout).splitlines() if "≥95%" in line)) + 1
    assert not [p for p in result.problems if p.severity is not Severity.INFO], result.problems


def test_a_bare_number_after_a_name_without_target_is_not_its_target() -> None:
    # guard: a lone 12 may be a score or a list number: not taken for the target (the row stays without one)
    text = _broken("tabs").replace("\t\t\t≥95%", "\t\t\t12")
    result = load_bytes(text.encode(), "表.txt")
    assert result.document is not None
    assert result.document.projects[0].indicators[1].target.raw == ""
