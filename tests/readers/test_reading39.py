"""The readers' leftovers of the first round (FAILURES.md section CI): each on a tiny inline table that main
df519deb read wrong or refused (guards say what stays as it was)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.model import Direction, Document, Op
from perfbudget.target import parse_target
from tests.readers.test_reading36 import HEAD, ROWS, _errors, _read, _text

_OLD = {"≥500人": "≥400人", "≥95%": "≥90%", "≥90%": "≥85%"}  # each row's figure of another year
_VALUES = [(_OLD[row[3]], row[3]) for row in ROWS]  # the two value cells of each row


def _two_value_table(heads: list[str], name: str = "社区养老服务补贴") -> bytes:
    """``HEAD``'s table with two value columns under ``heads``: ``_VALUES``, the rows' own figures last."""
    rows = [[*row[:3], *values] for row, values in zip(ROWS, _VALUES, strict=True)]
    return _text([[HEAD[0][0], name], HEAD[1], [*HEAD[2][:3], *heads], *rows], "tabs")


@pytest.mark.parametrize(("heads", "name", "read"), [
    (["指标值", "年度指标值"], "社区养老服务补贴", "年度指标值"),
    (["年度指标值", "指标值"], "社区养老服务补贴", "年度指标值"),
    (["本年度指标值", "指标值"], "社区养老服务补贴", "本年度指标值"),
    (["2024年指标值", "指标值"], "2025年社区养老服务补贴", "指标值"),
    (["指标值", "2025年指标值"], "2025年社区养老服务补贴", "2025年指标值"),
])
def test_two_value_columns_take_the_one_its_header_says_is_this_years(heads: list[str], name: str,
                                                                      read: str) -> None:
    """``年度指标值 | 指标值``: df519deb took the last column in silence; the column whose header says this year's is
    the target, the other an extra, and the choice told where it is not the last (the last one: guards)."""
    document, problems = _read(_two_value_table(heads, name))
    indicators = document.projects[0].indicators
    at = heads.index(read)
    assert [i.target.raw for i in indicators] == [values[at] for values in _VALUES]
    assert [i.extras for i in indicators] == [((heads[1 - at], values[1 - at]),) for values in _VALUES]
    assert not _errors(problems)
    assert any(f"取「{read}」为本年度的指标值" in p for p in problems) is (read != heads[-1])  # (the last: as before)


@pytest.mark.parametrize(("heads", "name"), [(["指标值", "指标值"], "社区养老服务补贴"),
                                             (["2024年指标值", "指标值"], "社区养老服务补贴"),
                                             (["年度指标值", "本年指标值"], "社区养老服务补贴")])
def test_two_value_columns_nothing_tells_apart_are_an_error_naming_both(heads: list[str], name: str) -> None:
    """``指标值 | 指标值``: main read the last in silence; now an error at the header naming both (the file not
    taken as read), the rows read as before so nothing is lost."""
    document, problems = _read(_two_value_table(heads, name))
    errors = _errors(problems)
    assert len(errors) == 1 and f"「{heads[0]}」、「{heads[1]}」" in errors[0] and "无法确定取哪一列" in errors[0]
    assert [i.target.raw for i in document.projects[0].indicators] == [row[3] for row in ROWS]


@pytest.mark.parametrize("this", ["本年指标值", "当年指标值", "本年目标值"])
def test_this_years_column_beside_last_years_is_the_target(this: str) -> None:
    """``本年指标值 | 上年指标值`` was refused on df519deb (没有指标值列) though 本年度指标值 was read."""
    document, problems = _read(_two_value_table(["上年指标值", this]))
    assert [i.target.raw for i in document.projects[0].indicators] == [row[3] for row in ROWS]
    assert not _errors(problems)


def test_one_value_column_beside_last_years_reads_as_before() -> None:
    # guard: 上年指标值 is no target column by its name (an extra already on df519deb), nothing told
    document, problems = _read(_two_value_table(["上年指标值", "指标值"]))
    assert [i.target.raw for i in document.projects[0].indicators] == [row[3] for row in ROWS]
    assert not _errors(problems) and not any("多个指标值列" in p for p in problems)


@pytest.mark.parametrize(("written", "op", "value", "unit", "upper"), [
    ("每年≥3次", Op.GE, "3", "次/年", None),
    ("每年度≥2次", Op.GE, "2", "次/年", None),
    ("每季度≥1次", Op.GE, "1", "次/季度", None),
    ("每月不少于2次", Op.GE, "2", "次/月", None),
    ("每年3次", None, "3", "次/年", None),
    ("每年2-3次", None, "2", "次/年", "3"),
    # (the lead's reread: the words after the unit keep their comparator, not glued into the unit: 次以上/年)
    ("每年3次以上", Op.GE, "3", "次/年", None),
    ("每年1次以内", Op.LE, "1", "次/年", None),
    ("每天24小时内", Op.LE, "24", "小时/天", None),
])
def test_a_period_word_before_the_quantity_reads_as_per_period(written: str, op: Op | None, value: str, unit: str,
                                                               upper: str | None) -> None:
    """``每年≥3次`` was qualitative on df519deb where ``≥3次/年`` is read: the same quantity per period."""
    target = parse_target(written, "培训次数")
    assert (target.is_quantitative, target.op, target.value, target.unit, target.raw) == (
        True, op, Decimal(value), unit, written)
    assert target.upper == (Decimal(upper) if upper else None)


def test_a_fault_count_per_period_stays_a_ceiling() -> None:
    # the lead's reread: 每年0起事故 read positive (a floor of 0) where 0起事故 reads reverse
    target = parse_target("每年0起事故", "安全事故")
    assert (target.value, target.unit, target.direction) == (Decimal(0), "起事故/年", Direction.REVERSE)


@pytest.mark.parametrize("written", ["每年开展", "每周一次", "每月≥95%", "每年≥3次/年", "每年≥", "每月≥95‰"])
def test_a_period_word_before_no_counted_quantity_stays_as_it_was(written: str) -> None:
    # guard: a word, a rate per month, a quantity already per period, a comparator alone: qualitative as before
    assert not parse_target(written, "培训次数").is_quantitative


def _read_name_over_two_rows(head: str, tail: str) -> tuple[Document, list[str]]:
    """``ROWS`` in pipes, the 质量指标 row's name ``head`` without a value, ``tail`` and the value on the next row."""
    rows = [ROWS[0], ["", "质量指标", head, ""], ["", "", tail, "≥95%"], ROWS[2]]
    return _read(_text([*HEAD, *rows], "pipes"))


@pytest.mark.parametrize(("head", "tail"),
                         [("服务对", "象覆盖率"), ("乡村医生培", "训合格率"), ("困难群众救", "助及时率")])
def test_a_longer_names_tail_cutting_a_word_is_joined(head: str, tail: str) -> None:
    """``| | 质量指标 | 乡村医生培 | |`` then ``| | | 训合格率 | ≥95% |`` (培训 cut by the wrap): two indicators on
    df519deb (reading38 joined tails of one or two characters only)."""
    document, problems = _read_name_over_two_rows(head, tail)
    indicators = document.projects[0].indicators
    assert [i.level3 for i in indicators] == ["服务老年人数", head + tail, "老年人满意度"]
    assert indicators[1].target.raw == "≥95%" and not any(p.endswith("没有指标值") for p in problems)


@pytest.mark.parametrize(("head", "tail"), [("社区养老服务", "覆盖人数"), ("服务合格", "满意度"), ("满意度", "覆盖率")])
def test_a_longer_tail_after_a_whole_word_stays_an_indicator(head: str, tail: str) -> None:
    # guard: the break between words (服务合格 | 满意度) is no sign of a wrap: two indicators, the first warned, as
    # before (a head of one word naming no measure, 服务 | 覆盖率, is joined since reading41: test_reading41)
    document, problems = _read_name_over_two_rows(head, tail)
    assert [i.level3 for i in document.projects[0].indicators][1:3] == [head, tail]
    assert any(p.endswith("没有指标值") for p in problems)


@pytest.mark.parametrize("layout", ["spaces", "cells"])
def test_the_side_label_written_again_on_the_first_row_is_left_out(layout: str) -> None:
    """``绩效指标 一级指标 …`` then ``绩效指标 产出指标`` (the merged side label copied again, 昭化 01): df519deb read
    绩效指标 as a 三级 name with no level (an error) and lost the 一级 (one cell a line was read already)."""
    rows = [*HEAD[:2], ["绩效指标", *HEAD[2]], ["绩效指标", "产出指标"], ROWS[0][1:], ROWS[1][1:],
            ["满意度指标"], ROWS[2][1:]]
    document, problems = _read(_text(rows, layout))
    indicators = document.projects[0].indicators
    assert [(i.level1, i.level3, i.target.raw) for i in indicators] == [
        ("产出指标", "服务老年人数", "≥500人"), ("产出指标", "服务合格率", "≥95%"),
        ("满意度指标", "老年人满意度", "≥90%")]
    assert not _errors(problems)


def _glued_region_form(question_row: str) -> bytes:
    """A transfer's region form glued into one paragraph (莆田 46's shape): two towns, a 是/否 row ``question_row``."""
    return ("附件2某区2025年省级专项资金绩效目标表项目名称水毁修复专项资金主管部门(单位)名称某区水利局"
            "资金情况(万元)资金总额35其中:财政拨款35其他资金0总体目标开展2个防洪水利设施水毁修复,"
            "绩效指标一级指标二级指标三级指标指标解释指标方向笏石街道办埭头镇"
            "成本指标经济成本指标成本控制率(%)反映成本控制情况≤100%100%产出指标数量指标开展修复工程(个)"
            f"反映修复开展情况≥11质量指标{question_row}是/否否否时效指标项目开展率(%)反映修复开展情况≥100%100%").encode()


def test_a_glued_question_and_the_explanation_restating_it_are_split() -> None:
    """``已建工程是否存在质量问题当年已完工项目是否在检查中发现质量问题是/否否否`` (莆田 46): df519deb refused the row
    (指标解释不以「反映」开头); two 是否 questions ending alike split where the first ends."""
    document, problems = _read(_glued_region_form("已建工程是否存在质量问题当年已完工项目是否在检查中发现质量问题"))
    indicators = document.projects[0].indicators
    assert [(i.level3, i.description, i.target.raw) for i in indicators][2] == (
        "已建工程是否存在质量问题", "当年已完工项目是否在检查中发现质量问题", "否")
    assert len(indicators) == 4 and not _errors(problems)


@pytest.mark.parametrize("row", ["已建工程是否存在质量问题当年已完工项目检查中发现的质量问题",
                                 "已建工程是否存在质量问题当年是否发现问题并整改是否有质量问题"])
def test_a_glued_name_not_so_restated_stays_refused(row: str) -> None:
    # guard: one 是否 only, or three: the place is not sure, the row an error as before
    document, problems = _read(_glued_region_form(row))
    assert len(document.projects[0].indicators) == 3 and any("无法可靠拆分" in p for p in _errors(problems))


def test_a_column_said_to_be_another_periods_is_no_target_even_before_the_years() -> None:
    """The lead's reread: under ``指标值（上年） | 年度指标值`` a row whose 年度 cell is blank took last year's value
    without a word (the rows' reader takes the last filled target column); ``下年度`` was read as 年度."""
    rows = [[*row[:3], *values] for row, values in zip(ROWS, _VALUES, strict=True)]
    rows[1][4] = ""
    document, problems = _read(_text([[HEAD[0][0], "社区养老服务补贴"], HEAD[1],
                                       [*HEAD[2][:3], "指标值（上年）", "年度指标值"], *rows], "tabs"))
    assert [i.target.raw for i in document.projects[0].indicators] == ["≥500人", "", "≥90%"]  # (not ≥90%, 上年's)
    assert any("没有指标值" in p for p in problems)
    document, problems = _read(_two_value_table(["年度指标值", "指标值(下年度)"]))
    assert [i.target.raw for i in document.projects[0].indicators] == [values[0] for values in _VALUES]
    assert any("取「年度指标值」为本年度的指标值" in p for p in problems)


def test_a_huge_head_is_cut_at_its_end_only() -> None:
    # the lead's reread: the whole previous cell was cut into words (a 16M-character cell ≈ 2.6 s and 8M strings)
    import time

    from perfbudget.readers.word_cut import cut_inside_a_word

    started = time.process_time()
    assert cut_inside_a_word("服务" * 500_000 + "乡村医生培", "训合格率")
    assert not cut_inside_a_word("服务" * 500_000 + "服务合格", "满意度")
    assert time.process_time() - started < 0.5
