"""Layouts first met in the corpus12 tables (71–74: Hubei, the Xinjiang Corps, Hebei), each stated on a tiny
inline table: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.indicator_header import spread_label_subrow
from perfbudget.readers.text import read_text

# ---- the Corps' 申报表: the project's total and the year's request side by side ------------------------------

PROJECT_AND_YEAR_TOTALS = """绩效目标申报表 | ||||||
项目名称 | 保鲜库建设项目 | |||||
资金情况 (万元) | 项目资金总额: | 1500 | 年度资金申请总额 | 1200 | ||
其中:财政资金 | 1500 | 其中:当年财政拨款 | 1200 | |||
绩 效 指 标 | 一级 指标 | 二级指标 | 三级指标 | 年度指标值 | ||
产 出 指 标 | 数量指标 | 新建保鲜库数量 | 1座 | |||
新建保鲜库面积 | 3550平方米 | |||||
"""


def test_year_request_is_the_budget_beside_the_project_total() -> None:
    """``项目资金总额 | 1500 | 年度资金申请总额 | 1200``: the year's request is the 预算数; the project's total
    over its whole period is kept as an extra, never taken for the year's budget."""
    document, problems = read_text(PROJECT_AND_YEAR_TOTALS, "t.txt")
    assert document is not None, problems
    project = document.projects[0]
    assert project.name == "保鲜库建设项目"
    assert project.budget.total == Decimal("1200")
    assert document.money_unit == "万元"
    assert ("项目资金总额", "1500") in project.extras
    assert [(i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("数量指标", "新建保鲜库数量", "1座"), ("数量指标", "新建保鲜库面积", "3550平方米")]


# ---- a money-unit label and its unit written as two cells --------------------------------------------------

UNIT_LABEL_APART = """项目支出绩效目标表
项目名称 老人津贴 金额单位: 万元
预算数 6.84
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 发放人数 19人
"""


def test_money_unit_label_and_unit_in_two_cells() -> None:
    """``金额单位: | 万元`` (cells split at the space after the colon) is the table's money unit, as
    ``金额单位:万元`` in one cell is; a label such as ``单位:`` before a name (单位: | 某局) is not."""
    document, problems = read_text(UNIT_LABEL_APART, "t.txt")
    assert document is not None, problems
    assert document.money_unit == "万元"
    assert document.projects[0].budget.total == Decimal("6.84")
    other, _problems = read_text(UNIT_LABEL_APART.replace("金额单位: 万元", "单位: 民政局"), "t.txt")
    assert other is not None
    assert other.money_unit is None


# ---- a label sub-row whose cells no longer stand under their groups (space cells) ----------------------------

SIGN_UNIT_SUBROW = """项目名称: 高龄津贴 金额单位: 万元
预算数 6.84
四、年度绩效指标完成情况 一级指标 二级指标 三级指标 指标分值 预期指标值 实际完成值 自评得分
符号 单位(文字描述) 单项指标得分 权重占比(%)
产出指标 质量指标 覆盖率 享受补贴人数的比例 >= 98 %(百分比) 100% 25.00 25.00
满意度指标 服务对象满意度指标 服务对象满意度 对象的满意程度 >= 95 % 100% 10.00 10.00
"""


def test_sign_and_unit_subrow_flank_the_value_in_space_cells() -> None:
    """符号 | 单位 in the row under the header, written from the row's first cell because the copy kept no
    empty cells: they stand either side of the 预期指标值 column (its value cell has no label), the labels
    after them under the last group; a leading section heading is no column. The unit ``%(百分比)`` is %;
    an explanation under 分值 is kept as an extra, not lost."""
    document, problems = read_text(SIGN_UNIT_SUBROW, "t.txt")
    assert document is not None, problems
    indicators = document.projects[0].indicators
    assert [(i.level2, i.level3, i.target.raw) for i in indicators] == [
        ("质量指标", "覆盖率", ">=98%"), ("服务对象满意度指标", "服务对象满意度", ">=95%")]
    assert indicators[0].target.value == Decimal("98")
    assert ("指标分值", "享受补贴人数的比例") in indicators[0].extras  # (under its header: kinds46)
    assert (indicators[0].weight, indicators[0].score) == (Decimal("25.00"), Decimal("25.00"))  # (kinds46: typed)
    assert any("按各行的列数归入表头" in p.message for p in problems)


def test_sign_and_unit_subrow_not_spread_when_the_widths_differ() -> None:
    """When the spread header would not have the rows' width, nothing is guessed: the rows are read as
    before (here with an error), never shifted by a column."""
    text = SIGN_UNIT_SUBROW.replace(" 25.00 25.00\n", " 25.00\n")
    text = text.replace(" 10.00 10.00\n", " 10.00\n")
    text = text.replace(" 单项指标得分 权重占比(%)", " 单项指标得分 权重占比(%) 折算得分")
    document, problems = read_text(text, "t.txt")
    assert not any("按各行的列数归入表头" in p.message for p in problems)
    assert document is None or all(i.target.raw not in (">=98%", "98") for p in document.projects
                                   for i in p.indicators)


def test_sign_and_unit_subrow_kept_in_place_is_not_spread() -> None:
    """A sub-row whose cells keep their places (empty cells before 符号, as a grid or a pipe row with its
    empty cells gives it) is not spread by width: that is the position merge's case."""
    def cells(*texts: str) -> list[Cell]:
        return [Cell(t, Source("t.txt")) for t in texts]

    header = cells("一级指标", "二级指标", "三级指标", "预期指标值", "", "", "自评得分", "")
    sub = cells("", "", "", "符号", "", "单位", "单项指标得分", "权重占比")
    assert spread_label_subrow(header, sub, 8) is None
    packed = spread_label_subrow(cells("一级指标", "二级指标", "三级指标", "预期指标值", "自评得分"),
                                 cells("符号", "单位", "单项指标得分", "权重占比"), 8)
    assert packed is not None
    assert [c.text for c in packed] == ["一级指标", "二级指标", "三级指标", "符号", "预期指标值", "单位",
                                        "单项指标得分", "权重占比"]  # (named by themselves: kinds46)
