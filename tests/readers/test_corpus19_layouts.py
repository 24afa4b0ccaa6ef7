"""Layouts first met in the corpus19 tables (123–127: Anhui, Hubei, Hunan), each stated on a tiny inline text:
the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

# ---- sets side by side (中期 | 年度) with only the first set filled: a short row is one set's 三级 and value ------

_SIDE = ("项目支出绩效目标申报表 |\n项目名称 | 某某车辆维修费 |\n"
         "项目资金 (万元) | 中期资金总额: | 10.00 | 年度资金总额: | 20.00 |\n"
         "绩 效 指 标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 | |\n"
         "产出指标 | 质量指标 | 经费支出合规性 | 较高 | 质量指标 | ||||\n"
         "项目验收合格率 | ≥100百分比 | |||||||\n"
         "时效指标 | 项目完成及时性 | 程度较高 | 时效指标 | |||||\n"
         "经费支出时效性 | 及时支出 | |||||||\n"
         "效益指标 | 社会效益指标 | 群众满意率 | ≥90% | 社会效益指标 | ||||\n")


def test_a_short_row_under_side_sets_is_a_level3_and_its_value_not_a_cell_of_each_set() -> None:
    document, problems = read_text(_SIDE, "s.txt")
    assert document is not None and len(document.projects) == 1
    rows = [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert ("质量指标", "项目验收合格率", "≥100百分比") in rows
    assert ("时效指标", "经费支出时效性", "及时支出") in rows
    assert len(rows) == 5
    assert not _errors(problems)


def test_a_short_row_repeating_its_cells_in_both_sets_still_splits_in_two_halves() -> None:
    # 购买标准试剂 | ≥100个 | 购买标准试剂 | ≥100个: each set's 三级 and 指标值 (the year's set read)
    text = _SIDE.replace("项目验收合格率 | ≥100百分比 | |||||||",
                         "项目验收合格率 | ≥98% | 项目验收合格率 | ≥99% | ||||")
    document, _ = read_text(text, "s.txt")
    assert document is not None
    rows = [(i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert ("项目验收合格率", "≥99%") in rows


# ---- the Hunan 专项资金绩效目标申报表: 专项属性 ends the name, 部门相应职能职责概述 the amount ---------------------

_FUND = ("科普 专项资金绩效目标申报表 ( 2017年度) 填报单位(盖章) 某区科学技术局 专项名称 科普专项资金 "
         "专项属性 延续专项 新增专项 部门名称 某区科技局 资金总额(万元) 103 部门相应职能职责概述 根 据 “三定 ”"
         "方案,区科技局主要负责全区科技、科协、知识产权工作;健全科普网络;开展科普宣传;组织科技人员开展科学"
         "论证、科技咨询、技术服务。 专项立 项 依据 中华人民共和国科学技术普及法 专项实施进度计划 专项实施内容 "
         "计划开始时间 计划完成时间 1.大型科普活动 2017 年 1 月 2017 年 12 月 专项长期绩效目标 不断提升市民科学"
         "素质\n")  # (a glued form: 200 characters at least)


def test_a_special_funds_form_gives_its_name_and_amount_up_to_the_next_label() -> None:
    document, _ = read_text(_FUND, "f.txt")
    assert document is not None and len(document.projects) == 1
    project = document.projects[0]
    assert project.name == "科普专项资金"
    assert project.budget.total == Decimal("103")


# ---- 项目预算 | 63 (a Hubei 申报表, 金额单位:万元 in the title row) -----------------------------------------------

_BUDGET = ("项目支出绩效目标申报表 | ||||||\n申报单位:某市科学技术馆 | 金额单位:万元 | |||||\n"
           "项目名称 | 科普展教及运营维护 | |||||\n"
           "项目预算 | 63 | 项目类型 | □ 常年性项目 □ 延续性项目 □ 一次性项目 | |||\n"
           "一级指标 | 二级指标 | 三级指标 | 指标值 | |\n产出指标 | 数量指标 | 展教活动场次 | ≥50场 | |\n")


def test_project_budget_labels_the_years_amount() -> None:
    document, problems = read_text(_BUDGET, "b.txt")
    assert document is not None and len(document.projects) == 1
    project = document.projects[0]
    assert project.name == "科普展教及运营维护"
    assert project.budget.total == Decimal("63")
    assert not _errors(problems)


# ---- a grid whose year's set is empty in every row: the 中期 set (its period the year itself) is the targets ------

def _side_html(year_cells: str) -> bytes:
    return ("<html><body><table>"
            "<tr><td>项目名称</td><td colspan='7'>某某车辆维修费</td></tr>"
            "<tr><td>项目资金</td><td>中期资金总额:</td><td>10.00</td><td>年度资金总额:</td>"
            "<td colspan='4'>20.00</td></tr>"
            "<tr><td rowspan='4'>绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td>"
            "<td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            "<tr><td rowspan='3'>产出指标</td><td rowspan='2'>质量指标</td><td>经费支出合规性</td><td>较高</td>"
            f"<td rowspan='2'>质量指标</td>{year_cells}</tr>"
            "<tr><td>项目验收合格率</td><td>≥100%</td><td></td><td></td></tr>"
            "<tr><td>时效指标</td><td>项目完成及时性</td><td>及时</td><td>时效指标</td><td></td><td></td></tr>"
            "</table></body></html>").encode()


def _side_rows(data: bytes) -> list[tuple[str, str, str]]:
    from perfbudget.readers import read_bytes

    document, _ = read_bytes(data, "s.html")
    assert document is not None
    return [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]


def test_a_grid_whose_year_set_is_empty_in_every_row_reads_the_earlier_set() -> None:
    assert _side_rows(_side_html("<td></td><td></td>")) == [
        ("质量指标", "经费支出合规性", "较高"), ("质量指标", "项目验收合格率", "≥100%"),
        ("时效指标", "项目完成及时性", "及时")]


def test_a_grid_whose_year_set_is_filled_somewhere_reads_only_the_year_rows() -> None:
    # the year's set used in one row: the rows with only the 中期 set stay no year's indicator
    assert _side_rows(_side_html("<td>经费支出合规性</td><td>高</td>")) == [("质量指标", "经费支出合规性", "高")]


def test_project_budget_splits_glued_text_only_before_its_amount() -> None:
    from perfbudget.readers.text_glued import LABEL_WITH_NOTE

    def labels(text: str) -> list[str]:
        return [m.group() for m in LABEL_WITH_NOTE.finditer(text)]

    # 多次拨付项目 | 预算执行情况 (a glued Hubei self-evaluation): no 项目预算 label inside the run
    assert "项目预算" not in labels("项目类型1、一次性拨付项目2、多次拨付项目预算执行情况")
    assert "项目预算" in labels("项目名称科普展教项目预算63项目类型")
