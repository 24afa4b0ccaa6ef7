"""Hunan's 项目绩效自评报告表(实施单位用) glued into one paragraph by a document site and cut before its indicators
(corpus 211): its header block is labels and their values, read by its labels as a cut target form's is — the
project's name, its money (资金总额及构成 总额…万元), the cut told — and the table is a self-evaluation's by its title
(kinds46). On the base the text was refused: no title of a glued form was a 自评报告表's."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import read_text

REPORT = """\
2021年项目绩效自评报告表(实施单位用)填报单位:某市疾病预防控制中心填报日期:2022年9月18
日基本情况项目名称重大传染病防治项目主要内容预防和控制传染病的发生,保障全市免费疫苗冷链运输及接种工
作正常运转,降低疫苗针对性传染病发病率。项目单位市疾病预防控制中心主管部门市卫生健康委员会单位负责人
张三项目负责人张三项目属性√经常性□一次性资金总额及构成总额1002.6万元,其中:中央726.7万
元;省级财政23.9万元;市级财政252万元;其他万元。项目起止时间2021年1月起至2021年12
月止实施情况项目立项依据《传染病防治法》《疫苗管理法》
""".replace("\n", "") + "\n"  # one paragraph, broken here for reading


def test_a_glued_self_evaluation_report_form_cut_before_its_indicators_is_read_by_its_labels() -> None:
    document, problems = read_text(REPORT, "t.txt")
    assert document is not None, problems
    assert document.kind == "self-evaluation"
    [project] = document.projects
    assert project.name == "重大传染病防治项目"  # 主要内容 is a label: its text is no part of the name
    assert project.budget is not None and project.budget.total == Decimal("1002.6")
    assert document.money_unit == "万元"
    assert any("表格在此中断" in p.message for p in problems)  # cut before its indicators: told


def test_a_report_title_in_prose_is_no_form() -> None:
    """A sentence naming the report form, with no label after it, reads no project."""
    text = ("各单位应于3月底前报送项目绩效自评报告表,并对照年度目标说明完成情况,未完成的应分析原因。" * 6) + "\n"
    document, _ = read_text(text, "t.txt")
    assert document is None or not document.projects


def test_main_content_is_a_label_only_in_a_project_names_value() -> None:
    """主要内容 ends a 项目名称's value only: in another label's value, ahead of a prose label, it is text."""
    text = ("附件1:2023年度市级专项资金绩效目标申报表单位:万元申报部门(单位)某市文化馆项目名称群众文化活动项目"
            "主管部门某市文化和旅游局实施单位某市文化馆主要内容为组织群众文化活动资金总额50财政资金50"
            "项目概况本项目每年组织开展群众文化活动二十场。" + "群众文化活动丰富了城乡居民的精神文化生活。" * 6 + "\n")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    [project] = document.projects
    assert ("实施单位", "某市文化馆主要内容为组织群众文化活动") in project.extras
    assert ("", "主要内容") not in project.extras
