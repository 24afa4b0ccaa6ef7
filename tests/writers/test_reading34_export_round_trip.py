"""What the export lost on reading back (reading34): a goal that begins with a digit, the 中期 funds column.

The writers number the goals ``1.`` ``2.`` …, which the reader takes off again; but a number glued to a goal that
begins with a digit (``1.2024年完成…``, ``2.1.5万名…``) reads as a decimal, so the reader kept it as part of the
goal: every form came back with ``1.2024年完成…`` (corpus `115`: ``2.2024通过采购雾炮车…``). Such a goal is set off
by a space now (``1. 2024年完成…``).

The central 申报表's funds block ``项目资金 | | 中期资金总额 | 年度资金总额`` keeps the 中期 figures as extras
(``资金总额/中期资金总额`` = 900 …); the writer drew them as label–value rows, which read back as two unlabelled texts
each. They are drawn as the grid now, the year's budget under 年度资金总额 after the 中期 column."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from perfbudget.model import Budget
from tests.writers.test_kinds32_task_grid_export import TARGET, _round_trip

PROJECT = (
    "项目支出绩效目标表\n（2024年度）\n"
    "项目名称\t道路养护\n"
    "主管部门\t某县交通运输局\t实施单位\t某县公路事务中心\n"
    "项目资金（万元）\t年度资金总额\t100\n"
    "\t其中：财政拨款\t100\n"
    "\t其他资金\t0\n"
    "年度绩效目标\t2024年完成农村公路养护300公里。\n"
    "\t1.5万名群众出行条件改善。\n"
    "\t养护质量达标。\n"
    "年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
    "\t产出指标\t数量指标\t养护里程\t≥300公里\n"
    "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\n"
)
MEDIUM_TERM = PROJECT.replace(
    "年度绩效目标\t2024年完成农村公路养护300公里。\n\t1.5万名群众出行条件改善。\n\t养护质量达标。\n",
    "绩效目标\t中期目标（2024-2026年）\t年度目标\n"
    "\t2026年底前完成全县农村公路养护900公里。\t2024年完成农村公路养护300公里。\n")
DEPARTMENT = TARGET.replace("年度总体目标\t完成高标准农田建设2万亩。", "年度总体目标\t2024年完成高标准农田建设2万亩。")


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
@pytest.mark.parametrize("text", [PROJECT, MEDIUM_TERM, DEPARTMENT], ids=["project", "medium-term", "department"])
def test_a_goal_beginning_with_a_digit_reads_back_whole(tmp_path: Path, form: str, text: str) -> None:
    read, back = _round_trip(tmp_path, text, form)
    assert read.goals[0].startswith("2024年完成")
    assert back.goals == read.goals  # was ('1.2024年完成…', '2.1.5万名…', '养护质量达标。')
    assert back.extras == read.extras and back.budget == read.budget and back.indicators == read.indicators


def test_only_a_goal_beginning_with_a_digit_is_set_off() -> None:
    from perfbudget.writers.target_table_layout import numbered_goals  # (here: the module imports on kinds33's src)

    assert numbered_goals(("2024年完成", "养护质量达标。", "1.5万名")) == "1. 2024年完成\n2.养护质量达标。\n3. 1.5万名"


PERIOD_FUNDS = (
    "项目支出中期绩效目标表\n（2024-2026年）\n"
    "项目名称\t智慧社区建设\n"
    "主管部门\t某区民政局\t实施单位\t某区社区服务中心\n"
    "项目资金（万元）\t中期资金总额\t年度资金总额\n"
    "\t资金总额\t900\t300\n"
    "\t其中：财政拨款\t800\t280\n"
    "\t其他资金\t100\t20\n"
    "总体目标\t中期目标（2024-2026年）\t年度目标（2024年）\n"
    "\t建成智慧社区30个。\t建成智慧社区10个。\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t中期指标值\t年度指标值\n"
    "\t产出指标\t数量指标\t建成智慧社区数\t30个\t10个\n"
    "\t满意度指标\t服务对象满意度指标\t居民满意度\t≥90%\t≥90%\n"
)


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_the_medium_term_funds_column_reads_back_labelled(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, PERIOD_FUNDS, form)
    assert read.budget == Budget(total=Decimal(300), fiscal=Decimal(280), other=Decimal(20))
    assert ("资金总额/中期资金总额", "900") in read.extras and ("其他资金/中期资金总额", "100") in read.extras
    assert back.extras == read.extras  # was ('', '资金总额/中期资金总额'), ('', '900') …
    assert back.budget == read.budget and back.goals == read.goals and back.indicators == read.indicators
