"""`162` and `122`, refused until reading31 with 没有表格结构: a provincial 部门整体 自评表 in three pipe rows cut in
its duties' text is read as far as it goes (the department named by its 填报单位(盖章) cell, its score kept, the cut
said); a glued 部门整体 自评表 that cannot be read is refused naming the form by its title and what is missing."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.model import Severity

PROVINCIAL = """某厅整体支出绩效报告
某省部门整体支出绩效自评表 (2016年度) | |||||||||||
填报单位(盖章)某省某厅 | 自评得分: | 86.45 | |||||||||
(一)简要概述部门职能与职责。 | 某省某厅是省人民政府下设的职能部门,主要工作职责是: 1.拟定地方性法规草案。 2.指导
"""


def test_a_department_form_in_three_pipe_rows_is_read_as_far_as_it_goes() -> None:
    result = load_bytes(PROVINCIAL.encode(), "自评表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.name == "部门整体支出" and result.document.unit is not None
    assert result.document.unit.name == "某省某厅"
    assert ("自评得分", "86.45") in project.extras
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert len(errors) == 1 and errors[0].message.startswith("表格在此中断"), [str(p) for p in errors]


def test_a_seal_note_only_splits_a_label_the_reader_knows() -> None:
    # 审核意见(盖章)… is no header label with a value: the rows are not taken for a form's header block
    text = PROVINCIAL.replace("填报单位(盖章)某省某厅", "某某某(盖章)某省某厅")
    result = load_bytes(text.encode(), "自评表.txt")
    assert result.document is None


GLUED = ("《某区某局2022年度部门整体绩效自评表.docx》由会员分享。\n"
         "1、某区某局2023年度部门整体绩效自评表主管部n某区某局部门联系人某某联系电话自评总分(分)97.93年初预算数"
         "全年(调整)预算数全年执行数执行率执行率权重执行率得分年度总金额.32.06.5其中财政拨款.32.06.579.27107.93"
         "年初绩效目标全年(调整)绩效目标全年目标实际完成情况维护林区安全稳定维护林区安全稳定当年绩效目标得到有效控制"
         "绩效指标指标名称计量单位指标性质指标值指标权重(分)全年完成值指标得分(分)说明天然林管护任务完成率%901010010"
         "国家级公益林管护面积万亩2810810森林抚育面积万亩2110110\n")


def test_a_glued_form_that_cannot_be_read_is_refused_naming_it_and_what_is_missing() -> None:
    result = load_bytes(GLUED.encode(), "自评表.txt")
    assert result.document is None
    [error] = [p for p in result.problems if p.severity is Severity.ERROR]
    assert error.source.line == 1
    assert "「某区某局2022年度部门整体绩效自评表」" in error.message
    assert "只有「指标名称」一列，没有一级、二级、三级指标" in error.message
    assert "金额缺少小数点前的数字（「总金额.32.06.5」）" in error.message


def test_a_refused_text_with_its_levels_and_whole_amounts_is_told_as_before() -> None:
    text = GLUED.replace("指标名称", "一级指标二级指标三级指标")
    text = text.replace(".32.06.5", "1.32").replace(".32.06.579", "1.32")
    result = load_bytes(text.encode(), "自评表.txt")
    messages = [p.message for p in result.problems if p.severity is Severity.ERROR]
    assert not any("指标名称」一列" in m or "小数点前" in m for m in messages), messages
