"""Layouts first met in the corpus16 tables (96–99: Jiangsu, Zhejiang, Anhui; 82 and 91 read since), each stated
on a tiny inline text: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_corpus15_layouts import _BLOCK, _INDICATORS

# ---- a form's header block glued into one paragraph, cut before its indicators ----------------------------------

_NOTICE = ("各乡镇:根据省厅下达资金的通知精神,现将补助资金下达给你们,请各乡镇依据资金管理办法和绩效目标,做好防疫工作,"
           "加强资金监管,确保资金安全。附件:1.分配表2.绩效目标表某县财政局2025年3月17日")
_FORM = ("附件2某某补助资金绩效目标表(2025年度)项目名称某某补助主管部门(单位)名称及部门预算编码331某厅"
         "补助项目/区域项目相关乡镇资金情况(万元)资金总额:35其中:财政拨款35其他资金总体目标按照计划做好工作,"
         "项目资金和财政资金按时拨付到位")


def _errors(problems: list) -> list[str]:
    return [p.message for p in problems if p.severity is Severity.ERROR]


def test_a_notice_run_into_a_form_cut_before_its_indicators_gives_the_forms_name_and_budget() -> None:
    document, problems = read_text(_NOTICE + _FORM + "\n", "n.txt")
    assert document is not None and len(document.projects) == 1
    project = document.projects[0]
    assert project.name == "某某补助" and project.budget.total == Decimal("35")
    assert document.money_unit == "万元" and not project.indicators
    assert project.goals and project.goals[0].startswith("按照计划")  # the prose section kept whole
    errors = _errors(problems)
    assert len(errors) == 1 and "没有找到指标表头行" in errors[0] and "截断" in errors[0]
    # the note inside 主管部门(单位)名称… is no 单位 label; its code and name are no 预算单位 guessed from a fragment
    assert document.unit.name is None or "名称" not in document.unit.name
    assert any("粘连在一段文字中" in p.message and "某某补助资金绩效目标表(2025年度)" in p.message for p in problems)


def test_a_glued_form_cut_before_its_amount_is_its_named_project_cut() -> None:
    text = ("附件1:2018年度市级专项资金绩效目标申报表单位:万元申报部门(单位)某局项目名称农桥建设专项资金预算功能科目"
            "对村级的补助2130701项目属性□新增□延续单位负责人张三项目负责人李四联系电话项目概况立项依据省财政厅《关于做好"
            "项目库建设的通知》及《某市项目资金管理办法》。必要性可行性为支持农村公益设施建设,发挥财政资金的引导作用,"
            "改善农村生产生活条件,启动了项目建设工作,做好“十三五”期间的农桥建设,改善农村生产生活\n")
    document, problems = read_text(text, "j.txt")
    # the name ends where the label 预算功能科目 starts; the project is read as far as the page goes, marked cut
    # (reading26: before, a name without an amount was no project, said in a warning)
    assert document is not None
    [project] = document.projects
    assert (project.name, project.budget.total, project.complete) == ("农桥建设专项资金", None, False)
    assert project.cut is not None and not project.indicators
    assert any("没有找到指标表头行" in p for p in _errors(problems))
    # the prose after 立项依据 is that section's text: 项目资金, 财政资金 inside it are no amounts
    assert not any("不是金额" in p.message for p in problems)


def test_a_paragraph_whose_indicator_part_is_there_in_another_form_is_not_taken_for_a_cut_form() -> None:
    # the old two-level form (指标类型 | 绩效指标 | 年初绩效目标 …) glued: its indicators are there, not cut off
    text = ("评价报告 项目名称:某某项目 项目单位:某室 上报时间:2013年4月25日10项目绩效目标表项目名称:某某项目指标类型"
            "绩效指标年初绩效目标调整后绩效目标绩效标准优良中差产出指标指标1:全年报告全部完成无全部完成80%60%60%以下"
            "成效指标指标:以报告的进度衡量标准全部完成无全部完成80%60%60%以下" * 2 + "\n")
    document, problems = read_text(text, "h.txt")
    assert document is None and "没有表格结构" in _errors(problems)[0]


def test_prose_naming_a_form_without_its_name_label_is_still_no_table() -> None:
    text = ("根据有关文件,现将绩效目标表印发给你们,请按绩效目标表做好绩效监控,年度终了开展绩效自评,"
            "确保资金使用效益,并于年底前报送绩效自评报告,逾期不报的将扣减下年度资金。" * 3 + "\n")
    document, problems = read_text(text, "p.txt")
    assert document is None and "没有表格结构" in _errors(problems)[0]


# ---- a glued row whose target is a qualitative word of duration or reach (长远, 深远) ------------------------------

def test_a_glued_row_ending_in_a_qualitative_target_of_reach_splits_there() -> None:
    lines = ["项目名称某馆免费开放", "年度资金总额20", "一级指标二级指标三级指标指标值",
             "产出指标数量指标免费开放天数300天",
             "效益指标可持续影响指标对当地文化传承的影响长远", "效益指标社会效益指标对群众文化生活的影响深远"]
    document, problems = read_text("\n".join(lines) + "\n", "g.txt")
    assert document is not None, problems
    assert [(i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("免费开放天数", "300天"), ("对当地文化传承的影响", "长远"), ("对群众文化生活的影响", "深远")]


def test_a_value_of_no_known_shape_in_glued_rows_run_together_stays_an_error() -> None:
    document, problems = read_text(_BLOCK + _INDICATORS.replace("影响长远", "影响很大") + "\n", "g.txt")
    assert document is not None
    assert "对文化传承影响" not in [i.level3 for i in document.projects[0].indicators]
    assert any("对文化传承影响很大" in p.message and p.severity is Severity.ERROR for p in problems)
