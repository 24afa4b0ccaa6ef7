"""Review of a two-level table (no 二级 column, ``level2 == ""``): its own plain finding, no rule misfiring."""

from __future__ import annotations

from perfbudget.readers.text import read_text
from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, header, table_file_text

# GOOD_ROWS (every rule passes them) without their 二级 column.
TWO_LEVEL_ROWS = [[row[0], *row[2:]] for row in GOOD_ROWS]
TWO_LEVEL_HEADER = [*header()[:-1], ["一级指标", "三级指标", "绩效指标描述", "指标值"]]


def _findings(rows: list[list[str]]) -> list[tuple[str, int | None, str | None, str, str]]:
    document, problems = read_text(table_file_text(rows, TWO_LEVEL_HEADER), "t.txt")
    assert document is not None, problems
    assert all(i.level2 == "" for p in document.projects for i in p.indicators)
    report = review_document(document)
    return [(f.rule, f.indicator, f.field, f.message, f.suggestion) for f in report.findings]


def test_only_level2_missing_fires_on_a_two_level_table() -> None:
    """The table every rule passes, without its 二级: one ``level2-missing`` info per indicator at its 二级 cell, with
    the framework's 二级 the name and value point to; no ``level-not-in-framework`` (二级指标「」不属于…), no
    ``missing-cost-indicator`` (the money row is the cost), nothing else."""
    findings = _findings(TWO_LEVEL_ROWS)
    assert {rule for rule, *_rest in findings} == {"level2-missing"}
    assert [(position, field) for _rule, position, field, _m, _s in findings] == [(i, "level2") for i in range(1, 7)]
    assert findings[0][3] == "表格没有二级指标：「视频会议保障数量」只有一级指标「产出指标」"
    hints = [suggestion.split("宜归入「")[1].split("」")[0] if "宜归入" in suggestion else None
             for *_rest, suggestion in findings]
    assert hints == ["数量指标", "质量指标", "时效指标", "成本指标", None, "服务对象满意度指标"]
    assert findings[4][4] == ("按指标体系补上二级指标：「效益指标」下的二级指标为经济效益指标、社会效益指标、"
                              "生态效益指标、可持续影响指标，按指标含义选择")


def test_an_old_forms_own_level1_is_no_fault_without_a_level2() -> None:
    """成效指标 (the old Hainan form's 一级) over an empty 二级 is the form's: no ``level-not-in-framework`` (as judged
    in round 10, table 60), and ``level2-missing`` lists the framework's 一级 to choose from."""
    rows = [*TWO_LEVEL_ROWS, ["成效指标", "报告采用数量", "报告采用数量", "≥10篇"]]
    findings = _findings(rows)
    assert {rule for rule, *_rest in findings} == {"level2-missing"}
    assert findings[6][3] == "表格没有二级指标：「报告采用数量」只有一级指标「成效指标」"
    assert findings[6][4].startswith("按指标体系补上一级和二级指标：一级指标为产出指标、效益指标、满意度指标")


def test_a_two_level_table_without_a_money_row_still_lacks_a_cost() -> None:
    rows = [row for row in TWO_LEVEL_ROWS if "成本" not in row[1]]
    assert "missing-cost-indicator" in {rule for rule, *_rest in _findings(rows)}
