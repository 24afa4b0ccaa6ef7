"""The target-value grammar: every form in rules.md §3, directions, canonical formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfbudget.model import Direction, Kind, Op, Target
from perfbudget.target import direction_from_name, format_decimal, format_target, parse_target

D = Decimal


@pytest.mark.parametrize(
    ("raw", "op", "value", "unit"),
    [
        ("≥12次", Op.GE, "12", "次"),
        ("≤2小时", Op.LE, "2", "小时"),
        ("100%", None, "100", "%"),
        ("=100%", Op.EQ, "100", "%"),
        ("≥95%", Op.GE, "95", "%"),
        ("≤17万元", Op.LE, "17", "万元"),
        (">=20平方米", Op.GE, "20", "平方米"),
        ("<=475元/亩", Op.LE, "475", "元/亩"),
        ("﹦100%", Op.EQ, "100", "%"),
        ("≧90%", Op.GE, "90", "%"),
        ("≥98百分比", Op.GE, "98", "%"),
        ("100百分比", None, "100", "%"),
        ("95％以上", Op.GE, "95", "%"),
        ("不低于95%", Op.GE, "95", "%"),
        ("不少于10次", Op.GE, "10", "次"),
        ("不超过2小时", Op.LE, "2", "小时"),
        ("2小时以内", Op.LE, "2", "小时"),
        ("大于等于90%", Op.GE, "90", "%"),
        ("小于等于5天", Op.LE, "5", "天"),
        ("达到100%", Op.GE, "100", "%"),
        ("1600元/亩", None, "1600", "元/亩"),
        ("250万", None, "250", "万元"),
        ("10辆", None, "10", "辆"),
        ("≥80M", Op.GE, "80", "M"),
        ("≥１２次", Op.GE, "12", "次"),
        ("> 3 个", Op.GT, "3", "个"),
        ("<5%", Op.LT, "5", "%"),
        ("≥0.7万元", Op.GE, "0.7", "万元"),
        ("≥1,200人", Op.GE, "1200", "人"),
        ("12", None, "12", None),
        ("≥6年", Op.GE, "6", "年"),
        ("≤-5%", Op.LE, "-5", "%"),
        (">=530元/人*月", Op.GE, "530", "元/人*月"),
        ("≥300元/人·月", Op.GE, "300", "元/人·月"),
        # a rate whose amount's unit went unwritten (r178's 补助成本(≤**元/株) | ≤28.40/株): 定性 until reading-v
        ("≤28.40/株", Op.LE, "28.40", "/株"),
        ("≥5/人·月", Op.GE, "5", "/人·月"),
        # the squared units NFKC writes as m2 (㎡, m²): qualitative until round 17 (休宁's 布展面积 300㎡)
        ("300㎡", None, "300", "平方米"),
        ("≥1000m²", Op.GE, "1000", "平方米"),
        ("5m3", None, "5", "立方米"),
        ("2km2", None, "2", "平方公里"),
        # a number, its unit and 内: within that much (unit 个工作日内, no comparison, until reading35)
        ("3个工作日内", Op.LE, "3", "个工作日"),
        ("24小时内", Op.LE, "24", "小时"),
        ("30日内", Op.LE, "30", "日"),
        ("＜＝３个工作日", Op.LE, "3", "个工作日"),
    ],
)
def test_quantitative_forms(raw: str, op: Op | None, value: str, unit: str | None) -> None:
    target = parse_target(raw, "某指标")
    assert target.kind is Kind.QUANTITATIVE
    assert target.raw == raw
    assert target.op == op
    assert target.value == D(value)
    assert isinstance(target.value, Decimal)
    assert target.unit == unit


@pytest.mark.parametrize("raw", ["有效保障", "健全", "提升", "按期完成", "优良", "持续影响", "案件质量过硬",
                                 "提升法治化水平，检察机关公信力有所提升！", "3天内完成", "",
                                 "1/3", "/株", "县内", "当日内", "12月内"])
def test_qualitative_forms(raw: str) -> None:
    target = parse_target(raw, "某指标")
    assert target.kind is Kind.QUALITATIVE
    assert (target.op, target.value, target.unit, target.direction) == (None, None, None, None)
    assert target.raw == raw


def test_range() -> None:
    target = parse_target("90%-95%", "合格率")
    assert (target.kind, target.value, target.upper, target.unit, target.op) == (
        Kind.QUANTITATIVE, D(90), D(95), "%", None)
    assert target.direction is Direction.POSITIVE


def test_period_is_kept_and_qualitative() -> None:
    target = parse_target("2023.07-2024.01", "项目实施期")
    assert target.kind is Kind.QUALITATIVE
    assert target.period == ("2023.07", "2024.01")
    assert format_target(target) == "2023.07-2024.01"


@pytest.mark.parametrize(
    ("raw", "name", "direction"),
    [
        ("≥12次", "视频会议保障数量", Direction.POSITIVE),
        ("≤2小时", "系统故障修复平均响应时间", Direction.REVERSE),
        ("=100%", "合格率", Direction.EXACT),
        ("100%", "验收合格率", Direction.POSITIVE),
        ("20万元", "项目成本", Direction.REVERSE),
        ("2小时", "平均响应时间", Direction.REVERSE),
        ("1%", "系统故障率", Direction.REVERSE),
        ("5%", "投诉率", Direction.REVERSE),
        ("98%", "故障修复率", Direction.POSITIVE),
        ("20%", "救助申请人再信访率", Direction.REVERSE),
        ("0.9‰", "森林火灾受害率", Direction.REVERSE),  # round 17 (梁平): damage and disease rates
        ("0.4%", "主要林业有害生物成灾率", Direction.REVERSE),
        ("1%", "传染病发病率", Direction.REVERSE),
        ("≥95%", "系统故障率", Direction.POSITIVE),  # the sign wins; review flags the clash
    ],
)
def test_direction(raw: str, name: str, direction: Direction) -> None:
    assert parse_target(raw, name).direction is direction


def test_direction_from_name_defaults_positive() -> None:
    assert direction_from_name(None) is Direction.POSITIVE
    assert direction_from_name("受益人数") is Direction.POSITIVE


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("≥12次", "≥12次"), (">=20平方米", "≥20平方米"), ("95％以上", "≥95%"), ("不超过2小时", "≤2小时"),
     ("250万", "250万元"), ("≥98百分比", "≥98%"), ("90%-95%", "90%-95%"), ("有效保障", "有效保障")],
)
def test_canonical_format(raw: str, canonical: str) -> None:
    assert format_target(parse_target(raw)) == canonical


UNITS = st.sampled_from([None, "%", "次", "人", "件", "个", "台", "小时", "天", "年", "万元", "元", "元/亩",
                         "平方米", "辆", "M", "人次"])
NAMES = st.sampled_from(["视频会议保障数量", "系统故障修复平均响应时间", "项目成本", "满意度", "投诉率"])


@st.composite
def canonical_targets(draw: st.DrawFn) -> tuple[Target, str]:
    """A target built from its parts, with its canonical text as raw."""
    name = draw(NAMES)
    unit = draw(UNITS)
    value = draw(st.decimals(min_value=0, max_value=10**9, places=draw(st.integers(0, 4)),
                             allow_nan=False, allow_infinity=False))
    if draw(st.booleans()):
        upper = value + draw(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False,
                                         allow_infinity=False))
        target = Target(raw="", kind=Kind.QUANTITATIVE, op=None, value=value, unit=unit,
                        direction=direction_from_name(name), upper=upper)
    else:
        op = draw(st.sampled_from([None, *Op]))
        direction = {Op.GE: Direction.POSITIVE, Op.GT: Direction.POSITIVE, Op.LE: Direction.REVERSE,
                     Op.LT: Direction.REVERSE, Op.EQ: Direction.EXACT}.get(op) if op else direction_from_name(name)
        target = Target(raw="", kind=Kind.QUANTITATIVE, op=op, value=value, unit=unit, direction=direction)
    text = format_target(target)
    from dataclasses import replace

    return replace(target, raw=text), name


@given(canonical_targets())
def test_parse_format_round_trip(case: tuple[Target, str]) -> None:
    target, name = case
    assert parse_target(format_target(target), name) == target


@given(st.text(max_size=30))
def test_parse_never_raises_and_keeps_raw(raw: str) -> None:
    target = parse_target(raw, "指标")
    assert target.raw == raw
    if target.kind is Kind.QUANTITATIVE:
        assert isinstance(target.value, Decimal)


def test_a_range_of_numbers_that_are_no_dates_is_no_period() -> None:
    # found by test_parse_format_round_trip: 1000.0-1000.00 was read as a period (year 1000, month 0)
    target = parse_target("1000.0-1000.00", "视频会议保障数量")
    assert target.period is None and target.value == Decimal("1000.0") and target.upper == Decimal("1000.00")
    assert parse_target("2023.07-2024.01", "项目实施期").period == ("2023.07", "2024.01")
    # found by the same test on 2026-12-03: 2222.8-2445.01 was read as a deadline (August 2222 to January 2445)
    target = parse_target("2222.8-2445.01", "视频会议保障数量")
    assert target.kind is Kind.QUANTITATIVE and target.value == Decimal("2222.8") and target.upper == Decimal("2445.01")
    assert parse_target("2222年8月-2445年1月", "项目实施期").kind is Kind.QUALITATIVE


@pytest.mark.parametrize("text", ["17.00", "100", "1E+2", "1.5E+3", "0.000001", "1E-7", "-1E-7", "0E-10", "0E+3",
                                  "-0", "+0", "-0.00", "0.00", "NaN", "Infinity", "-Infinity",
                                  "123456789012345678901234567890"])
def test_format_decimal_is_the_fixed_point_text(text: str) -> None:
    value = Decimal(text)
    plain = format(value, "f")
    assert format_decimal(value) == ("0" if plain in ("-0", "+0") else plain)


@given(st.decimals(allow_nan=False, allow_infinity=False))
def test_format_decimal_never_writes_an_exponent(value: Decimal) -> None:
    plain = format(value, "f")
    assert format_decimal(value) == ("0" if plain in ("-0", "+0") else plain)
