"""The text path's leftovers of CB and what tiny variants of corpus tables found (FAILURES.md section CE): each on a
tiny inline table that main 4bbee630 read wrong or refused (guards say what stays as it was)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.model import Direction
from perfbudget.target import parse_target
from tests.readers.test_reading36 import HEAD, ROWS, _errors, _read, _text

TWO_LEVEL_HEAD = [*HEAD[:2], ["一级指标", "三级指标", "指标值"]]
TWO_LEVEL_ROWS = [["产出指标", "服务老年人数", "≥500人"], ["", "服务合格率", "≥95%"],
                  ["满意度指标", "老年人满意度", "≥90%"]]


@pytest.mark.parametrize("layout", ["tabs", "cells"])
def test_a_two_level_table_one_cell_a_line(layout: str) -> None:
    """一级指标 | 三级指标 | 指标值 one cell a line: main refused every row (缺少一级或二级指标) where tabs read the
    table with the two-level warning; 满意度指标 (a 一级 and a 二级 name) went to no column and was dropped."""
    document, problems = _read(_text([*TWO_LEVEL_HEAD, *TWO_LEVEL_ROWS], layout))
    indicators = document.projects[0].indicators
    assert [(i.level1, i.level2, i.level3) for i in indicators] == [
        ("产出指标", "", "服务老年人数"), ("产出指标", "", "服务合格率"), ("满意度指标", "", "老年人满意度")]
    assert not _errors(problems) and any("表格只有两级指标" in p for p in problems)


def test_a_three_level_stream_under_a_two_level_header_stays_refused() -> None:
    # guard: 数量指标 has no column under 一级指标 | 三级指标 | 指标值 (the 二级指标 line lost): never two-level
    rows = [*TWO_LEVEL_HEAD, ["产出指标", "数量指标", "服务老年人数", "≥500人"], ["", "", "服务合格率", "≥95%"]]
    document, problems = _read(_text(rows, "cells"))
    assert not [i for i in document.projects[0].indicators if i.level2 == ""]
    assert not any("表格只有两级指标" in p for p in problems)


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
@pytest.mark.parametrize(("first", "tail"), [(["", "质量指标", "服务合格", ""], ["", "", "率", "≥95%"]),
                                             (["产出指标", "数量指标", "服务老年", ""], ["", "", "人数", "≥500人"])])
def test_a_names_tail_on_a_row_keeping_its_empty_level_cells(layout: str, first: list[str], tail: list[str]) -> None:
    """``| | 质量指标 | 服务合格 | |`` then ``| | | 率 | ≥95% |``: main read two indicators, the first warned
    without a value, the second named 率."""
    index = 0 if first[0] else 1
    rows = [*ROWS[:index], first, tail, *ROWS[index + 1:]]
    document, problems = _read(_text([*HEAD, *rows], layout))
    indicators = document.projects[0].indicators
    assert [i.level3 for i in indicators] == ["服务老年人数", "服务合格率", "老年人满意度"]
    assert indicators[index].target.raw == tail[-1]
    assert not any(p.endswith("没有指标值") for p in problems)


@pytest.mark.parametrize("second", ["有效", "满意度", "合格率达标"])
def test_a_row_named_otherwise_after_one_without_a_value_stays_an_indicator(second: str) -> None:
    # guard: a value word (corpus 19's 有效) or a name of its own is no tail
    rows = [ROWS[0], ["", "质量指标", "服务合格", ""], ["", "", second, "≥95%"], ROWS[2]]
    document, problems = _read(_text([*HEAD, *rows], "tabs"))
    assert [i.level3 for i in document.projects[0].indicators][1:3] == ["服务合格", second]
    assert any(p.endswith("没有指标值") for p in problems)


@pytest.mark.parametrize(("raw", "name", "direction"), [
    ("0起", "安全事故", Direction.REVERSE), ("0起", "重大安全生产事故", Direction.REVERSE),
    ("0次", "设备故障次数", Direction.REVERSE), ("2起", "交通事故", Direction.REVERSE),
    ("0起", "不发生安全事故", Direction.POSITIVE), ("≥1次", "安全事故", Direction.POSITIVE),
    ("0起", "安全事故处置", Direction.POSITIVE), ("100%", "故障修复率", Direction.POSITIVE),
    # (the lead's reread: a 未 or 免 earlier in the name is no denial of the fault)
    ("0起", "未成年人安全事故", Direction.REVERSE), ("0起", "免费午餐食品安全事故", Direction.REVERSE),
    ("0起", "无安全事故", Direction.POSITIVE), ("0起", "杜绝一切责任事故", Direction.POSITIVE)])
def test_a_name_ending_in_the_fault_it_counts(raw: str, name: str, direction: Direction) -> None:
    """``0起`` under 安全事故: main read it positive, a floor of 0 (CB Noticed (3)); a name denying the fault, one
    handling it and a written comparator keep their reading."""
    assert parse_target(raw, name).direction is direction





@pytest.mark.parametrize("layout", ["tabs", "pipes", "cells", "spaces"])
@pytest.mark.parametrize("head", ["权重（%）", "权重", "分值"])
def test_a_weight_written_as_a_share(layout: str, head: str) -> None:
    """``30%`` under 权重（%）: main kept it as an extra (分值 30%) and left the weight empty. Under 分值 a ``%``
    stays an extra (a guard: points are no share)."""
    table = [*HEAD[:2], [*HEAD[2], head],
             *[[*row, weight] for row, weight in zip(ROWS, ["30%", "20%", "10%"], strict=True)]]
    indicators = _read(_text(table, layout))[0].projects[0].indicators
    if head == "分值":
        assert (indicators[0].weight, indicators[0].extras) == (None, (("分值", "30%"),))
    else:
        assert [(i.weight, i.extras) for i in indicators] == [
            (Decimal(30), ()), (Decimal(20), ()), (Decimal(10), ())]


@pytest.mark.parametrize("label", ["县级配套", "市级配套资金", "地方配套资金"])
def test_a_levels_matching_money_is_a_part_of_the_fiscal_money(label: str) -> None:
    """``县级配套 | 20`` under 其中：财政资金: main knew no such label and kept ``('', 县级配套)``, ``('', 20)``."""
    rows = [HEAD[0], HEAD[1], ["", "其中：财政资金", "120"], ["", label, "20"], *HEAD[2:], *ROWS]
    for layout in ("tabs", "cells"):
        project = _read(_text(rows, layout))[0].projects[0]
        assert (project.budget.total, project.budget.fiscal) == (Decimal(120), Decimal(120))
        assert [(key, cell) for key, cell in project.extras] == [(label, "20")]


FUNDS_BELOW = [["项目资金（万元）", "年度资金总额", "120"], ["", "其中：财政资金", "100"], ["", "其他资金", "20"]]


@pytest.mark.parametrize("layout", ["tabs", "pipes", "cells"])
@pytest.mark.parametrize("count", [1, 3])
def test_the_funds_block_below_the_indicators_led_by_its_side_label(layout: str, count: int) -> None:
    """``项目资金（万元） | 年度资金总额 | 120`` after the last indicator: main refused the row (tabs:
    这一行有5个单元格) or read it as an indicator (one cell a line: 三级「项目资金（万元）」, a cut), and the project
    had no budget."""
    document, problems = _read(_text([HEAD[0], HEAD[2], *ROWS, *FUNDS_BELOW[:count]], layout))
    project = document.projects[0]
    assert (document.money_unit, project.budget.total) == ("万元", Decimal(120))
    parts = (Decimal(100), Decimal(20)) if count == 3 else (None, None)
    assert (project.budget.fiscal, project.budget.other) == parts
    assert [i.level3 for i in project.indicators] == ["服务老年人数", "服务合格率", "老年人满意度"]
    assert not _errors(problems) and any("资金行在指标之后" in p for p in problems)


SCORED_HEAD = [HEAD[0], ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]]
SCORED_ROWS = [["产出指标", "数量指标", "服务老年人数", "≥500人", "520人", "20", "20", "无"],
               ["", "质量指标", "服务合格率", "≥95%", "96%", "18", "无"],
               ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "92%", "10", "10", "无"]]


@pytest.mark.parametrize("layout", ["tabs", "pipes"])
def test_a_scored_row_one_cell_short_with_text_under_its_score(layout: str) -> None:
    """``服务合格率 | ≥95% | 96% | 18 | 无`` (the copy dropped an empty 分值 or 得分 cell): main read 分值 18 and kept
    ``无`` as an extra 得分, the 偏差原因 lost, and said nothing."""
    document, problems = _read(_text([*SCORED_HEAD, *SCORED_ROWS], layout))
    second = document.projects[0].indicators[1]
    assert (second.weight, second.score, second.deviation, second.extras) == (Decimal(18), None, "无", ())
    assert any("少一个单元格" in p and "「18」按分值读取，也可能是得分" in p for p in problems)


def test_a_scored_row_one_cell_short_with_a_figure_under_its_score_is_read_as_before() -> None:
    # guard: 18 | 18 under 分值 | 得分 (the row's empty 偏差原因 dropped) says nothing was shifted
    rows = [*SCORED_HEAD, SCORED_ROWS[0], ["", "质量指标", "服务合格率", "≥95%", "96%", "18", "18"]]
    document, problems = _read(_text(rows, "pipes"))
    second = document.projects[0].indicators[1]
    assert (second.weight, second.score, second.deviation) == (Decimal(18), Decimal(18), None)
    assert not any("少一个单元格" in p for p in problems)


DIRECTION_HEAD = [*HEAD[:2], ["一级指标", "二级指标", "三级指标", "指标方向", "指标值"]]
DIRECTION_ROWS = [["产出指标", "数量指标", "服务老年人数", "正向", "500人"],
                  ["效益指标", "生态效益指标", "PM2.5平均浓度", "反向", "35微克/立方米"],
                  ["满意度指标", "服务对象满意度指标", "老年人满意度", "反向", "≥90%"]]


@pytest.mark.parametrize("layout", ["tabs", "cells"])
def test_a_direction_column_beside_the_value(layout: str) -> None:
    """``反向`` under 指标方向 beside ``35微克/立方米``: main kept the word as an extra and took the direction from the
    name (positive: PM2.5平均浓度 names no cost or fault). A written comparator still wins (``≥90%`` beside 反向)."""
    indicators = _read(_text([*DIRECTION_HEAD, *DIRECTION_ROWS], layout))[0].projects[0].indicators
    assert [i.target.direction for i in indicators] == [Direction.POSITIVE, Direction.REVERSE, Direction.POSITIVE]
    assert indicators[1].extras == (("指标方向", "反向"),)
