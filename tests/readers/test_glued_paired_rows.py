"""A glued self-evaluation without 分值 or 得分 columns, 三级 | 年度指标值 | 全年完成值 | 未完成原因 (corpus 32): a
row is read only when exactly one split fits (two values in units, or one text written twice); two readings or none stop
the reading with an error, never a guess."""

from __future__ import annotations

from perfbudget.readers.glued_paired_rows import paired_header, paired_row
from perfbudget.readers.glued_stream import split_stream
from perfbudget.readers.text import read_text

HEADER = "一级指标二级指标三级指标年度指标值全年完成值未完成原因和改进措施"


def _rows(text: str) -> tuple[list[list[str]], str | None, str]:
    return split_stream(text, [], paired_row)


def test_the_header_with_a_reason_column_and_no_score() -> None:
    found = paired_header(HEADER + "产出指标")
    assert found is not None and found[1] == len(HEADER)
    assert paired_header("一级指标二级指标三级指标年度指标值全年完成值产出指标") is None  # glued_stream's own
    assert paired_header("一级指标二级指标三级指标年度指标值全年完成值得分未完成原因产出指标") is None


def test_rows_split_by_their_only_fitting_reading() -> None:
    rows, stopped, rest = _rows("产出指标数量指标5000吨稻谷储备到位率100%100%库存数量真实率100%100%"
                                "质量指标粮食明显变质比例00可持续影响指标设备维护及安全性高高"
                                "满意度指标服务对象满意度指标安全事件发生数0起0起说明:无")
    assert rows == [["产出指标", "数量指标", "5000吨稻谷储备到位率", "100%", "100%"],
                    ["产出指标", "数量指标", "库存数量真实率", "100%", "100%"],
                    # 00 has a leading zero: 0 | 0, the target met
                    ["产出指标", "质量指标", "粮食明显变质比例", "0", "0"],
                    ["产出指标", "可持续影响指标", "设备维护及安全性", "高", "高"],
                    ["满意度指标", "服务对象满意度指标", "安全事件发生数", "0起", "0起"]]
    assert stopped is None and rest == "说明:无"


def test_a_reason_after_the_actual_stops_the_reading() -> None:
    rows, stopped, _ = _rows("效益指标经济效益指标利息费用保障率100%100%挂账利息补贴保障率100%无没有轮换动用库存"
                             "生态效益指标科学保粮率100%100%")
    assert [r[2] for r in rows] == ["利息费用保障率"]
    assert stopped is not None and "挂账利息补贴保障率" in stopped


def test_a_row_with_two_readings_is_not_split() -> None:
    # 家家 | 户 | 户 then 知晓率…, or 家家户户知晓率 | 100% | 100%: which one cannot be known
    rows, stopped, _ = _rows("效益指标社会效益指标家家户户知晓率100%100%")
    assert rows == [] and stopped is not None and "2 种拆法" in stopped


PAGE = ("《2020年度县级专项资金绩效目标自评表.docx》由会员分享\n"
        "1、2020年度县级专项资金绩效目标自评表专项资金名称县级储备粮负责人及电话(略)县级主管部门某县粮食局"
        "实施单位某县粮食局项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%"
        "其他资金年度总体目标年初设定目标全年实际完成情况保持和稳定地方粮食储备机制,确保县级储备粮数量真实、质量良好、"
        "储存安全,应急时调得动、用得上地方储备粮食规模达标,数量真实、质量良好、储存安全,全年未发生粮食安全事故绩效指标"
        "一级 指标二级 指标三级指标年度指标 值全年 完成值未完成原因和 改进措施产 出 指 标数量 指标储备到位率100%100%"
        "储备粮轮换计划完成率100%100%储备粮检验检测覆盖率100%100%"
        "库存数量真实率100%\n2、100%质量 指标粮食明显变质比例00效益 指标可持 续影 响指标设备维护及安全性高高"
        "满意 度指 标服务 对象 满意 度指 标安全事件发生数0起0起"
        "注:1、其他资金包括和中央、省、市补助共同投入到同一项目的资金\n")


def test_a_glued_form_without_scores_is_read() -> None:
    document, problems = read_text(PAGE, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.name == "县级储备粮"
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "储备到位率", "100%"),
        ("产出指标", "数量指标", "储备粮轮换计划完成率", "100%"),
        ("产出指标", "数量指标", "储备粮检验检测覆盖率", "100%"),
        ("产出指标", "数量指标", "库存数量真实率", "100%"),
        ("产出指标", "质量指标", "粮食明显变质比例", "0"),
        ("效益指标", "可持续影响指标", "设备维护及安全性", "高"),
        ("满意度指标", "服务对象满意度指标", "安全事件发生数", "0起"),
    ]
    assert [i.actual for i in project.indicators] == ["100%"] * 4 + ["0", "高", "0起"]
    assert project.needs_check
    assert any("没有分值、得分列" in p.message for p in problems)
    assert not [p for p in problems if p.severity.value == "error"]
