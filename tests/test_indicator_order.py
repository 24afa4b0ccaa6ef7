"""The official order of indicators: groups in framework order, new rows into their group."""

from __future__ import annotations

from perfbudget.indicator_order import in_official_order
from perfbudget.model import Indicator
from perfbudget.target import parse_target


def _row(level1: str, level2: str, level3: str) -> Indicator:
    return Indicator(level1, level2, level3, None, parse_target("≥1次", level3))


def test_an_effect_indicator_added_at_the_end_goes_into_its_group() -> None:
    rows = [_row("产出指标", "数量指标", "培训次数"), _row("效益指标", "社会效益指标", "覆盖面"),
            _row("满意度指标", "服务对象满意度指标", "满意度"), _row("效益指标", "社会效益指标", "知晓率"),
            _row("产出指标", "时效指标", "完成时间"), _row("产出指标", "质量指标", "合格率")]
    ordered = [i.level3 for i in in_official_order(rows)]
    assert ordered == ["培训次数", "合格率", "完成时间", "覆盖面", "知晓率", "满意度"]


def test_2021_framework_puts_cost_first_and_unknown_names_keep_their_place() -> None:
    rows = [_row("产出指标", "数量指标", "a"), _row("自定义指标", "其他", "x"), _row("成本指标", "经济成本指标", "c"),
            _row("产出指标", "数量指标", "b")]
    assert [i.level3 for i in in_official_order(rows)] == ["c", "a", "b", "x"]


def test_the_order_within_a_group_is_kept() -> None:
    rows = [_row("产出指标", "数量指标", "b"), _row("产出指标", "数量指标", "a")]
    assert [i.level3 for i in in_official_order(rows)] == ["b", "a"]
