"""Print33: the downloads printed again (docs/publishing.md, *Printed again (print33)*).

An earlier period's level set side by side with the year's (Dongguan's 批复表, corpus r10: 一级 | 二级 | 三级 |
指标值 of the 中期 set, then 二级 | 三级 | 指标值 of the year) is kept by the reader as the indicator's extras;
the writers drew them after the indicator's own columns, and the reader, taking the last of repeated columns as
the year's, read the export back with the 中期 二级 and targets."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.writers.test_kinds32_task_grid_export import _round_trip

TWO_SETS = (
    "项目支出绩效目标表\n（2024年度）\n"
    "项目名称\t镇际道路改造\n"
    "主管部门\t某市交通运输局\t实施单位\t某市公路事务中心\n"
    "项目资金（万元）\t年度资金总额\t100\n"
    "\t其中：财政拨款\t100\n"
    "\t其他资金\t0\n"
    "年度绩效目标\t完成道路改造10公里。\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值\n"
    "\t产出指标\t时效指标（工期指标）\t完工及时性\t及时\t时效指标（工期、形象进度指标）\t完工及时性\t按期\n"
    "\t满意度指标\t服务对象满意度指标\t群众满意度\t≥85%\t服务对象满意度指标\t群众满意度\t≥90%\n"
)


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_an_earlier_periods_level_set_is_drawn_before_the_years_and_reads_back(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, TWO_SETS, form)
    assert [(i.level2, i.target.raw) for i in read.indicators] == [
        ("时效指标（工期、形象进度指标）", "按期"), ("服务对象满意度指标", "≥90%")]
    assert read.indicators[0].extras == (
        ("二级指标", "时效指标（工期指标）"), ("三级指标", "完工及时性"), ("指标值", "及时"))
    assert back.indicators == read.indicators  # was the 中期 set's: 时效指标（工期指标）, 及时 and ≥85%
