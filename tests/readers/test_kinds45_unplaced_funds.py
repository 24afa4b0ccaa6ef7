"""A funds grid whose heads and amounts the header block cannot place (corpus 191: a PDF's text in its drawing
order, ``…中央 省、地 本级 合计`` then ``(万元)(万元) 5.5 5.5 来源 5.5``): the budget is not read, and said so at
the amounts (on the base it was lost without a word)."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.text import read_text

FUNDS = "1、常年性√ 2、一次性□ 中央 省、地 本级 合计 | 执行数 | (万元)(万元)(万元)(万元)(万元) 5.5 5.5 来源 5.5"
FORM = """项目名称 | 办公局域网维护费
项目实施单位 | 某城投公司
""" + FUNDS + """
一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 得分
产出指标 | 数量指标 | 采购设备 | 10台套 | 10台套 | 15
"""


def test_amounts_after_a_funds_head_not_placed_are_told() -> None:
    document, problems = read_text(FORM, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.budget.total is None
    told = [p for p in problems if "预算数没有读出" in p.message]
    assert len(told) == 1 and told[0].severity is Severity.WARNING and told[0].source.line == 3
    assert "合计" in told[0].message and "5.5" in told[0].message
    assert any("预算数没有读出" in note for note in project.needs_check)


def test_a_year_or_an_attachment_after_a_funds_head_is_no_amount() -> None:
    """执行数 | 2021年实际, 下达资金总额 | 参见附件1具体金额: no amount written there, nothing said of one."""
    for head, after in (("执行数", "2021年实际"), ("下达资金总额", "参见附件1具体金额")):
        text = FORM.replace(FUNDS, f"说明 | {head} | {after}")
        document, problems = read_text(text, "t.txt")
        assert document is not None, problems
        assert not any("无法对应到各栏" in p.message for p in problems), (head, problems)


def test_a_count_or_points_after_a_total_is_no_funds_grid() -> None:
    """编制人数合计 | 12人, 得分合计 | 共15分, 人员合计 | 12: a total of people or points, not a funds grid's; the
    head ends in a funds word (预算数, 执行数, 资金总额 …) or in 合计 right after a fund source (本级合计), and its
    cell reads as money (12人, 15分 do not)."""
    for head, after in (("编制人数合计", "12人"), ("得分合计", "共15分"), ("人员合计", "12"), ("资金总额", "12项")):
        text = FORM.replace(FUNDS, f"说明 | {head} | {after}")
        document, problems = read_text(text, "t.txt")
        assert document is not None, problems
        assert not any("无法对应到各栏" in p.message for p in problems), (head, problems)


def test_a_funds_head_ending_in_a_source_total_is_still_told() -> None:
    for head in ("财政资金合计", "年初预算数", "专项债券资金"):
        text = FORM.replace(FUNDS, f"说明 | {head} | 共计 5.5")
        document, problems = read_text(text, "t.txt")
        assert document is not None, problems
        assert any("无法对应到各栏" in p.message for p in problems), (head, problems)
