"""A form's cover as units type it (kinds43, corpus `197`): a value padded away from its label's colon, and a
report's cover naming a 部门整体 table without a ``…表`` title.

* ``部门(单位)名称:  岳阳市城市管理监督指挥中心`` — the value typed after spaces — was no ``label：value`` line
  (its parts, split at the spaces, were a label without a value and a text): the unit was lost;
* ``岳阳市2018年度部门整体支出`` / ``绩效评价自评报告`` above a form one cell a paragraph, cut before its funds, gave
  the table no heading (no line ends in 表), so it was no 部门整体 table and no project was read.
"""

from __future__ import annotations

import pytest

from perfbudget.model import Severity
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.text import read_text

TABLE = ("年度目标\t完成校舍维修。\n"
         "一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t维修面积\t≥800平方米\n")


def test_a_value_padded_away_from_its_label_is_the_labels() -> None:
    assert label_line_cells("部门(单位)名称:  某市城管中心            ") == ("部门(单位)名称", "某市城管中心")
    assert label_line_cells("单位名称：    某县教育局        金额单位：万元") == (
        "单位名称", "某县教育局", "金额单位：万元")
    # a label without a value before a pair of its own keeps no value (the pair is not joined to it); a signature
    # line stays text
    assert label_line_cells("单位名称：    项目名称：校舍") == ("单位名称", "", "项目名称", "校舍")
    assert label_line_cells("联系人：    张三  联系电话：123") is None


def test_padded_label_lines_above_a_table_one_cell_a_paragraph_give_its_unit_and_name() -> None:
    # (the second reading: written with tabs, this table passed on the base too — the tab layout splits the pairs at
    # their spaces; one cell a paragraph, as a web page gives it, the unit and the name were lost)
    cells = ("2024年项目支出绩效目标表", "单位名称：    某县教育局", "项目名称：    校舍维修", "预算数", "30",
             "年度目标", "完成校舍维修。", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标",
             "维修面积", "≥800平方米")
    document, problems = read_text("\n\n".join(cells) + "\n", "t.txt")
    assert document is not None and not [p for p in problems if p.severity is Severity.ERROR], problems
    (project,) = document.projects
    assert (document.unit.name, project.name) == ("某县教育局", "校舍维修")


COVER = """岳阳市2018年度部门整体支出

绩效评价自评报告

部门(单位)名称:  某市城管中心

报告日期:2019年06月18日

一、部门(单位)基本概况

联系人

张三

职能职责概述

负责全市数字化城市管理工作。

二、部门(单位
"""


def test_a_report_cover_naming_a_department_table_cut_before_its_funds_is_its_project() -> None:
    document, problems = read_text(COVER, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert (project.name, document.unit.name) == ("部门整体支出", "某市城管中心")
    assert project.cut is not None
    assert any("表格在此中断" in p.message for p in problems)


@pytest.mark.parametrize("line", ["填报单位：      （盖章）", "单位名称：     ________", "单位名称：   （ 公章 ）",
                                  "项目名称：     —", "项目名称：     单位名称",
                                  "单位名称：    ＿＿＿  金额单位：万元"])
def test_a_seal_note_fill_marks_or_a_label_padded_after_a_colon_is_no_value(line: str) -> None:
    # a form's blank to fill in, not a value: the unit or project is not read as 「（盖章）」 or 「________」
    assert label_line_cells(line) is None
    document, _ = read_text(f"2024年项目支出绩效目标表\n{line}\n预算数\t30\n{TABLE}", "t.txt")
    assert document is not None and document.unit.name is None
    assert [project.name for project in document.projects] == [""]


def test_the_cover_title_is_joined_with_its_next_line_and_says_the_kind() -> None:
    document, problems = read_text(COVER, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    # 「绩效评价自评报告」 on the next line is the title's (it was cut off): the table is a self-evaluation's
    assert project.title == "岳阳市2018年度部门整体支出绩效评价自评报告"
    assert document.kind == "self-evaluation"


@pytest.mark.parametrize("line", ["本中心2018年度部门整体支出绩效较好，各项任务按期完成。",
                                  "关于岳阳市2018年度部门整体支出绩效评价自评报告的说明请各科室认真阅读并按时完成填报工作内容"])
def test_a_sentence_or_a_long_line_naming_a_department_table_is_no_heading(line: str) -> None:
    # (a sentence of a report's text above the form, not its title: the form is no 部门整体 table by it)
    document, problems = read_text(COVER.replace("岳阳市2018年度部门整体支出\n\n绩效评价自评报告", f"{line}\n\n附件"),
                                   "t.txt")
    assert document is None or not document.projects, (document, problems)


def test_a_target_table_titled_a_self_evaluation_is_warned_at_its_title() -> None:
    document, problems = read_text("2024年项目支出绩效自评表\n项目名称：    校舍维修\n预算数\t30\n" + TABLE, "t.txt")
    assert document is not None and document.kind == "target"
    assert any("是自评表，但读出的表中没有实际完成值或得分栏，按绩效目标表读取" in p.message for p in problems)
