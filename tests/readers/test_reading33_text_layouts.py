"""Layouts met in the tables reading33 added or probed (FAILURES.md BP): a funds header apart by spaces whose notes
lost their closing brackets (corpus 179), a notice's one amount after 资金 (corpus 75), a value column a year."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.readers.text_layouts import split_spaces
from tests.readers.test_tables_beside_the_form import _workbook

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
    assert split_spaces("项目资金(万元 ) 50") == ["项目资金(万元)", "50"]  # a closing bracket after a space


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


PLAN = """{title}
项目名称\t{name}
预算金额（万元）\t50
一级指标\t二级指标\t三级指标\t2024年目标值\t2025年目标值\t2026年目标值
产出指标\t数量指标\t维护路灯数量\t1200盏\t1500盏\t1800盏
满意度指标\t服务对象满意度指标\t市民满意度\t≥90%\t≥92%\t≥95%
"""


def _plan(title: str, name: str = "某路灯维护") -> tuple[list[tuple[str, tuple[tuple[str, str], ...]]], list[str],
                                                        list[str]]:
    result = load_bytes(PLAN.format(title=title, name=name).encode(), "目标表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    return ([(i.target.raw, tuple(i.extras)) for i in project.indicators], [p.message for p in result.problems],
            list(project.needs_check))


def test_a_value_column_a_year_gives_the_tables_years_value() -> None:
    # 2024年目标值 | 2025年目标值 | 2026年目标值 in a 2024 table: 2026's values were read as the targets, no word
    rows, messages, needs_check = _plan("2025年项目支出绩效目标表")
    assert rows[0] == ("1500盏", (("2024年目标值", "1200盏"), ("2026年目标值", "1800盏")))
    assert rows[1][0] == "≥92%"
    assert any("取表中年度的「2025年目标值」" in m for m in messages) and not needs_check


def test_a_value_column_a_year_takes_the_year_the_name_says() -> None:
    rows, _messages, _needs_check = _plan("项目支出绩效目标表", name="2024年某路灯维护")
    assert [target for target, _ in rows] == ["1200盏", "≥90%"]


def test_a_value_column_a_year_without_the_tables_year_takes_the_first_with_a_warning() -> None:
    rows, messages, needs_check = _plan("项目支出绩效目标表")
    assert [target for target, _ in rows] == ["1200盏", "≥90%"]
    assert any("表中未写明年度" in m and "请核对" in m for m in messages), messages
    assert any("最早年度" in note for note in needs_check)


def test_one_column_named_with_its_year_is_the_target_as_before() -> None:
    # guard: a single 2024年指标值 column is the target (misses20), without a note
    text = PLAN.format(title="项目支出绩效目标表", name="某路灯维护").replace("\t2025年目标值\t2026年目标值", "") \
        .replace("\t1500盏\t1800盏", "").replace("\t≥92%\t≥95%", "")
    result = load_bytes(text.encode(), "目标表.txt")
    assert result.document is not None
    assert [i.target.raw for i in result.document.projects[0].indicators] == ["1200盏", "≥90%"]
    assert not any("按年度分列" in p.message for p in result.problems)


def test_a_sheets_value_column_a_year_gives_the_tables_years_value() -> None:
    rows = [[cell or None for cell in line.split("\t")]
            for line in PLAN.format(title="2024年项目支出绩效目标表", name="某路灯维护").splitlines()]
    result = load_bytes(_workbook(("目标表", rows)), "目标表.xlsx")
    assert result.document is not None
    assert [i.target.raw for i in result.document.projects[0].indicators] == ["1200盏", "≥90%"]


PROSE_FUNDS = """项目支出绩效目标表
项目名称\t某社区养老服务
项目资金\t本项目年度预算120万元，其中财政拨款100万元，单位自筹20万元
年度绩效目标\t为辖区老人提供助餐服务
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t助餐服务人次\t≥5000人次
满意度指标\t服务对象满意度指标\t老人满意度\t≥90%
"""


def test_the_funds_written_as_a_sentence_give_the_budget() -> None:
    # 项目资金 | 本项目年度预算120万元，…: the sentence was an unlabelled text and the budget unread, without a word
    for text in (PROSE_FUNDS, PROSE_FUNDS.replace("\t", "\n")):  # cells apart by tabs, and one cell a line
        result = load_bytes(text.encode(), "目标表.txt")
        assert result.document is not None
        project = result.document.projects[0]
        assert (project.budget.total, project.budget.fiscal, project.budget.other) == (
            Decimal("120"), Decimal("100"), Decimal("20")), text
        sentence_line = next(n for n, line in enumerate(text.splitlines(), 1) if "本项目年度预算" in line)
        assert result.document.money_unit == "万元" and project.sources["budget.total"].line == sentence_line
        assert any("预算数取自" in note for note in project.needs_check)
        assert ("项目资金", "本项目年度预算120万元，其中财政拨款100万元，单位自筹20万元") in project.extras


def test_funds_sentence_whose_parts_do_not_add_up_is_kept_unread() -> None:
    # guard: 100 + 30 is not 120: which figure is wrong is not known, the budget stays unread, the text kept
    result = load_bytes(PROSE_FUNDS.replace("自筹20", "自筹30").encode(), "目标表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total is None
    assert any("自筹30万元" in value for _, value in project.extras)


UNIT_LINE = """项目支出绩效目标表
单位：万元
项目名称\t某社区养老服务
年度资金总额\t120000元
其中：财政拨款\t120000元
一级指标\t二级指标\t三级指标\t指标值
产出指标\t数量指标\t助餐服务人次\t≥5000人次
满意度指标\t服务对象满意度指标\t老人满意度\t≥90%
"""


def test_an_amount_written_in_the_other_unit_is_read_in_the_tables_unit_and_told() -> None:
    # 单位：万元 above 120000元: read as 120000 万元 (12 亿元) with status "ok" and no word
    result = load_bytes(UNIT_LINE.encode(), "目标表.txt")
    assert result.document is not None and result.document.money_unit == "万元"
    project = result.document.projects[0]
    assert project.budget.total == Decimal("12") and project.budget.fiscal == Decimal("12")
    warned = [p for p in result.problems if "写明单位「元」" in p.message]
    assert warned and warned[0].source.line == 4 and any("按 12 万元" in note for note in project.needs_check)
    # and the other way: 单位：元 above 12万元 is 120000 元
    other = UNIT_LINE.replace("单位：万元", "单位：元").replace("120000元", "12万元")
    result = load_bytes(other.encode(), "目标表.txt")
    assert result.document is not None and result.document.money_unit == "元"
    assert result.document.projects[0].budget.total == Decimal("120000")


def test_an_amount_written_in_the_tables_unit_is_read_as_before() -> None:
    # guard: 单位：万元 above 12万元, and an amount without a unit, read as written without a note
    for written in ("12万元", "12"):
        result = load_bytes(UNIT_LINE.replace("120000元", written).encode(), "目标表.txt")
        assert result.document is not None
        assert result.document.projects[0].budget.total == Decimal("12")
        assert not any("写明单位" in p.message for p in result.problems)


def test_funds_sentence_with_a_clause_of_other_words_is_kept_unread() -> None:
    # guard: 年度资金总额50万元，主要用于培训 (misses19): what the rest says of the amount is not known
    text = PROSE_FUNDS.replace("其中财政拨款100万元，单位自筹20万元", "主要用于助餐")
    result = load_bytes(text.encode(), "目标表.txt")
    assert result.document is not None and result.document.projects[0].budget.total is None
