"""A glued self-evaluation whose rows run together in one paragraph (corpus 69): rows split by the level names
and the value shapes when every value but the score ends in its unit; anything else stops with an error."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.glued_stream import header_run, split_stream
from perfbudget.readers.text import read_text

HEADER = "一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
SELF_EVAL = [True, True, False]  # 年初目标值 | 实际完成值 in a unit, then 得分


def test_rows_split_by_value_shapes_and_level_names() -> None:
    text = ("产出指标数量指标培训人数50人50人10质量指标合格率100%98%9.8效益指标满意度指标服务对象满意度指标"
            "群众满意度95%96%20总分39.8")
    found = header_run(HEADER + text)
    assert found is not None and found[1] == len(HEADER)
    rows, stopped, rest = split_stream(text, SELF_EVAL)
    assert rows == [["产出指标", "数量指标", "培训人数", "50人", "50人", "10"],
                    ["产出指标", "质量指标", "合格率", "100%", "98%", "9.8"],
                    # 效益指标 followed by another 一级 name has no row of its own
                    ["满意度指标", "服务对象满意度指标", "群众满意度", "95%", "96%", "20"]]
    assert stopped is None and rest == "总分39.8"


def test_a_row_without_unit_values_stops_the_reading() -> None:
    rows, stopped, _ = split_stream("产出指标数量指标培训人数50人50人10质量指标验收情况合格合格10"
                                    "时效指标完成率100%100%10", SELF_EVAL)
    assert [r[2] for r in rows] == ["培训人数"]
    assert stopped is not None and "验收情况" in stopped


def test_a_score_running_into_a_name_that_starts_with_a_digit_is_not_split() -> None:
    # 10 | 5000吨… or 105000 | 吨…: the score is never read past 100, the row is an error, not a guess
    rows, stopped, _ = split_stream("产出指标数量指标培训人数50人50人105000吨粮食储备到位率100%100%10", SELF_EVAL)
    assert rows == [] and stopped is not None


def test_an_unknown_level_name_before_a_name_is_not_split() -> None:
    rows, stopped, _ = split_stream("产出指标数量指标培训人数50人50人10进展指标完成培训100%100%10", SELF_EVAL)
    assert len(rows) == 1 and stopped is not None


def test_only_unit_values_then_a_score_are_split() -> None:
    assert header_run("一级指标二级指标三级指标指标值得分产出指标") is not None
    # 分值 before the values (20100%100%20) or a text column after them: not split here
    assert header_run("一级指标二级指标三级指标分值年度指标值实际完成值得分产出指标") is None
    assert header_run("一级指标二级指标三级指标年度指标值实际完成值偏差原因分析产出指标") is None


GOAL = "完成辖区内道路绿化带的日常养护、补植补种和病虫害防治工作，保障绿化设施完好" * 6
PAGE = ("下载本文档\n文档简介\n1、2022年度绿化养护项目绩效自评表项目名称绿化养护主管部门某区城市管理局"
        "实施单位某区园林所年度总体目标" + GOAL + "年度绩效目标一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"
        "产出指标数量指标养护面积"
        "1200平方米1200平方米20时效指标完成\n2、及时率100%100%20效益指标社会效益指标满意度指标服务对象满意度指标"
        "市民满意度90%95%20总分60备注:无\n")


def test_a_glued_form_cut_by_the_sites_chunk_number() -> None:
    """The site's 2、 inside a row is its chunk number: the two lines are one paragraph, the row one row."""
    document, problems = read_text(PAGE, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.name == "绿化养护"
    assert [(i.level1, i.level2, i.level3, i.target.raw, i.score) for i in project.indicators] == [
        ("产出指标", "数量指标", "养护面积", "1200平方米", Decimal("20")),
        ("产出指标", "时效指标", "完成及时率", "100%", Decimal("20")),
        ("满意度指标", "服务对象满意度指标", "市民满意度", "90%", Decimal("20")),
    ]
    assert project.needs_check


PROSE = ("经评价，本项目绩效目标基本完成，各项指标完成情况如下图:项目年度绩效目标(定量目标)评价内容绩效内容绩效目标值"
         "实际完成值累计完成率产出目标数量目标培训人员数量>=20人25人125%组织活动场次>=4次3次75%质量目标培训合格率"
         ">=95%98%103%(二)项目财务管理状况本项目累计安排资金10万元,其中:项目立项6分,绩效目标5分,资金投入4分,"
         "资金管理9分,组织实施6分,总得分90。\n")


def test_a_table_glued_into_prose() -> None:
    """The old Fujian form's later columns (评价内容 over the two levels | 绩效内容 | 绩效目标值 | 实际完成值 |
    累计完成率) glued into a report's paragraph: the values all end in a unit (the rate too), the table ends at
    the next section heading of the prose; the project is not named there."""
    document, problems = read_text(PROSE, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert not project.name
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出目标", "数量目标", "培训人员数量", ">=20人"),
        ("产出目标", "数量目标", "组织活动场次", ">=4次"),
        ("产出目标", "质量目标", "培训合格率", ">=95%"),
    ]


def test_prose_whose_first_row_does_not_split_stays_refused() -> None:
    # the first row's actual and rate are words: the next row's name must not swallow it (数量>=20人良好良好组织…)
    text = PROSE.replace("25人125%", "良好良好")
    document, _problems = read_text(text, "t.txt")
    assert document is None or not any(p.indicators for p in document.projects)
