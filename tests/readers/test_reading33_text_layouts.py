"""Layouts of pasted text met in the tables reading33 added (FAILURES.md BP): a funds header apart by spaces whose
notes lost their closing brackets (corpus 179)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.readers.text_layouts import split_spaces

SPACED_SELFEVAL = """四、绩效评价

项目名称 某某专项资金
主管部门 某省某局 实施单位 某省某局机关
资金情况
(万元)
  全年预算数(A 全年执行数(B 分值 执行率(B/A) 得分
年度资金总额: 760 760 10 100.00% 10
 其中:本年财政拨款 760 760 -   -
年度总体目标完成情况 年初设定目标 年度总体目标完成情况综述
 完成奖补 完成奖补
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 扶持项目数 111个 111个 20 20 无
"""


def test_a_spaced_funds_header_whose_notes_lost_their_brackets_gives_the_execution() -> None:
    # 全年预算数(A 全年执行数(B 分值 …: the open brackets kept the whole header one cell, so the row's 760 | 10 |
    # 100.00% | 10 were unlabelled texts, the execution lost and the table not told a self-evaluation
    result = load_bytes(SPACED_SELFEVAL.encode(), "自评表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    budget = project.budget
    assert budget.total == Decimal("760") and budget.executed == Decimal("760")
    assert budget.rate == Decimal("100.00") and budget.weight == Decimal("10") and budget.score == Decimal("10")
    assert not [value for label, value in project.extras if not label], project.extras
    assert [i.level3 for i in project.indicators] == ["扶持项目数"]
    assert split_spaces("全年预算数(A 全年执行数(B 分值") == ["全年预算数(A", "全年执行数(B", "分值"]


def test_a_bracket_that_holds_words_keeps_its_spaces() -> None:
    # guard: 执行率(全年 执行数/全年 预算数) is one cell (178's form), as before
    assert split_spaces("执行率(全年 执行数/全年 预算数) 得分") == ["执行率(全年执行数/全年预算数)", "得分"]


NOTICE = """标 题: | 关于某镇葡萄种植项目绩效目标设定的公示 |
根据《关于下达资金预算指标的通知》(某财〔2023〕1号)精神,安排《某厅关于提前下达补助资金预算指标的通知》资金50万元,实施某镇葡萄种植项目,项目总体绩效目标是:增加产值80万元。现将绩效目标设定如下:
一、 产出指标
数量指标:种植数量(≥**株)>=1000株;时效指标:完成及时率(≥**%)>=100%。
二、 满意度指标
服务对象满意度指标,受益户满意度(≥**%)≥95%。
"""


def test_a_notices_one_amount_after_zijin_is_its_budget() -> None:
    # 安排…资金50万元,实施…项目 (corpus 75): only a 资金总额 was read, so the notice's money was lost
    result = load_bytes(NOTICE.encode(), "公示.txt")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total == Decimal("50") and result.document.money_unit == "万元"
    assert project.sources["budget.total"].line == 2  # where the amount is written


def test_a_notice_with_two_amounts_after_zijin_gives_no_budget() -> None:
    # guard: 资金50万元 … 资金30万元: which is the project's is not said, so neither is read (no guess)
    text = NOTICE.replace("增加产值80万元", "其中配套资金30万元")
    result = load_bytes(text.encode(), "公示.txt")
    assert result.document is not None and result.document.projects[0].budget.total is None
