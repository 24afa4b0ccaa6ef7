"""Hebei's 预算项目绩效自评表 (the provincial system's print, corpus 74) as a copy gives it, one row a line,
cells apart by spaces: 单项指标实际完成值 is the actual, and of 自评得分's sub-columns 权重占比(%) is the
indicator's points and 单项指标得分 its score out of them (rules.md §4: a target met scores its full points,
25.00 of 25.00); 单项指标折算得分 (25.00 × 25% = 6.25) weighs the score twice and stays an extra (kinds46)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text

HEBEI = """成安县民政局2020年度预算项目绩效自评表
一、基本情况 项目名称: 百岁老人高龄津贴 金额单位: 万元
二、预算执行情况 预算数 6.84 执行数 6.84
四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 单项指标实际完成值 单项指标完成情况 自评得分
符号 单位(文字描述) 单项指标得分 权重占比(%) 单项指标折算得分
产出指标 质量指标 覆盖率 享受补贴人数的比例 >= 98 %(百分比) 100% 完成 25.00 25.00 6.25
效果指标 社会效益指标 补贴发放率 补贴发放完成率 >= 75 %(百分比) 60% 未完成 24.00 30.00 7.20
满意度指标 服务对象满意度指标 服务对象满意度 对象的满意程度 >= 95 %(百分比) 100% 完成 10.00 10.00 1.00
"""


def test_hebei_single_indicator_columns_are_actual_points_and_score() -> None:
    document, problems = read_text(HEBEI, "t.txt")
    assert document is not None, problems
    assert document.kind == "self-evaluation"
    indicators = document.projects[0].indicators
    assert [(i.level3, i.target.raw, i.actual, i.weight, i.score) for i in indicators] == [
        ("覆盖率", ">=98%", "100%", Decimal("25.00"), Decimal("25.00")),
        ("补贴发放率", ">=75%", "60%", Decimal("30.00"), Decimal("24.00")),
        ("服务对象满意度", ">=95%", "100%", Decimal("10.00"), Decimal("10.00"))]
    assert ("自评得分/单项指标折算得分", "6.25") in indicators[0].extras
    assert ("单项指标完成情况", "未完成") in indicators[1].extras
    assert ("指标分值", "享受补贴人数的比例") in indicators[0].extras  # the explanation under the page's 指标分值: kept


def test_a_subrow_naming_a_target_or_actual_column_is_not_spread() -> None:
    """Only the scoring sub-columns may be known labels: a sub-row naming a value column is no 自评得分 group's."""
    text = HEBEI.replace("单项指标得分 权重占比(%) 单项指标折算得分", "单项指标得分 实际完成值 单项指标折算得分")
    document, problems = read_text(text, "t.txt")
    assert not any("按各行的列数归入表头" in p.message for p in problems)
    assert document is not None and [p.name for p in document.projects] == ["百岁老人高龄津贴"]
    assert not document.projects[0].indicators  # the rows, wider than the header, are not read as indicators
    assert any(p.severity is Severity.ERROR and "指标表头只有9列" in p.message for p in problems)


def test_a_score_unlike_its_converted_score_is_marked_for_checking() -> None:
    """Every 得分 within its 分值: kept, but 74's 折算得分 6.25 beside the score 25.00 is told, not silent."""
    document, problems = read_text(HEBEI, "t.txt")
    assert document is not None
    assert [i.score for i in document.projects[0].indicators] == [Decimal("25.00"), Decimal("24.00"), Decimal("10.00")]
    assert any("折算得分" in note for note in document.projects[0].needs_check)
    assert any(p.severity is Severity.WARNING and "得分与折算得分不一致（3 行" in p.message for p in problems)


def test_marks_out_of_100_take_their_converted_score() -> None:
    """The same table filled 100.00 25.00 25.00: 得分 is a mark out of 100, the 折算得分 the score out of the points."""
    text = (HEBEI.replace("完成 25.00 25.00 6.25", "完成 100.00 25.00 25.00")
            .replace("未完成 24.00 30.00 7.20", "未完成 80.00 30.00 24.00")
            .replace("完成 10.00 10.00 1.00", "完成 100.00 10.00 10.00"))
    document, problems = read_text(text, "t.txt")
    assert document is not None
    indicators = document.projects[0].indicators
    assert [(str(i.weight), str(i.score)) for i in indicators] == [("25.00", "25.00"), ("30.00", "24.00"),
                                                                   ("10.00", "10.00")]
    assert ("折算前得分", "80.00") in indicators[1].extras
    assert not document.projects[0].needs_check
    assert any("各行得分取折算得分" in p.message for p in problems)
