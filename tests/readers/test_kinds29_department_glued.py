"""A 部门整体 self-evaluation glued into one paragraph by a document site and cut before its indicators (corpus 146,
Hunan's 部门整体支出绩效自评表): refused as 没有表格结构 until kinds29, though a person reads the department, its
year and its money — the funds row ``年度资金总额2456.182456.182456.1810100%10`` under 年初预算数 | 全年预算数 |
全年执行数 | 分值 | 执行率 | 得分 splits one way only once a 得分 stays within its 分值 and the row's amounts are
printed to the same decimals."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.glued_funds import split_glued_funds

_GRID = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分", "年度资金总额"]


def test_a_grid_of_three_amounts_splits_where_its_score_and_decimals_leave_one_reading() -> None:
    parts, unsplit = split_glued_funds([*_GRID, "2456.182456.182456.1810100%10"])
    assert parts[-6:] == ["2456.18", "2456.18", "2456.18", "10", "100%", "10"] and not unsplit
    # 120 | 108 | 90%: the rate ties the budget and the spent; 100 the 年初预算数 before them
    parts, unsplit = split_glued_funds([*_GRID, "100.00120.00108.001090%9"])
    assert parts[-6:] == ["100.00", "120.00", "108.00", "10", "90%", "9"] and not unsplit


def test_a_run_still_read_more_ways_is_left_out() -> None:
    # 2456.1 | 2456.18 | 2456.18 or 2456.12 | 456.18 | 2456.18 …: no reading prints its amounts alike, no guess
    run = "2456.12456.182456.1810100%10"
    assert split_glued_funds([*_GRID, run])[1] == [run]


_PREVIEW = ("《部门整体支出绩效自评表.docx》由会员分享,可在线阅读。\n\n"
            "1、部门整体支出绩效自评表(2021年度)区级预算单位名称某县疾病预防控制中心年度预算申请(万元)年初预算数"
            "全年预算数全年执行数分值执行率得分年度资金总额2456.182456.182456.1810100%10按收入性质分:2456.18"
            "按支出性质分:2456.18其中:一般公共预算:2456.18其中:基本支出:2299.98政府性基金拨款:项目支出:156.2"
            "其他资金:年度总体目标预期目标实际完成情况1:适龄儿童国家免疫规划接种率90%。2:减少艾滋病新发感染\n")


def test_a_glued_department_self_evaluation_cut_before_its_indicators_gives_its_department_and_money() -> None:
    result = load_bytes(_PREVIEW.encode(), "整体自评.txt")
    assert result.document is not None, [str(p) for p in result.problems]
    assert result.document.kind == "self-evaluation" and result.document.money_unit == "万元"
    assert result.document.unit.name == "某县疾病预防控制中心"
    project = result.document.projects[0]
    assert project.name == "部门整体支出" and project.fund_year == 2021
    assert (project.budget.total, project.budget.initial, project.budget.executed, project.budget.weight,
            project.budget.score) == (Decimal("2456.18"), Decimal("2456.18"), Decimal("2456.18"), Decimal(10),
                                      Decimal(10))
    extras = dict(project.extras)
    assert extras["按收入性质分"] == "2456.18" and extras["基本支出"] == "2299.98" and extras["项目支出"] == "156.2"
    # cut before its indicators: told, not imported as whole
    assert not project.complete
    assert [p.message for p in result.problems if p.severity is Severity.ERROR] == [
        "表格在此中断：没有找到指标表头行（一级指标、二级指标、三级指标、指标值），表格被截断，文件可能不完整"]


def test_the_same_form_with_its_cells_apart_by_spaces_is_not_read_as_glued() -> None:
    # a PDF's text in drawing order (corpus 67, 148): labels stand before their values, nothing says which is whose;
    # since kinds30 its budget is read where its funds add up (readers/spaced_department_form.py), nothing else
    spaced = ("附件 2: 部门整体支出绩效目标申报表 填报日期:2021 年 1 月 28 日 部门(单位) 名称 填报人 某县人民政府办公室"
              " 张三 财政拨款 收入构成 支出构成 6296906 联系电话 总体资金情况 部门总体 资金情况 单位:万元 当年 金额"
              " 近两年收支金额 占比 年 年 968.19 其他资金 合计 968.19 100% 基本支出 724.23 74.8% 项目支出 243.96"
              " 25.2% 合计 968.19 100% (一)负责全县人民防空工作。(二)围绕县政府的重点工作组织专题调查研究。\n")
    result = load_bytes(spaced.encode(), "整体.txt")
    assert result.document is not None and result.document.unit.name is None
    project = result.document.projects[0]
    assert not any("粘连" in check for check in project.needs_check)
    assert project.budget.total == Decimal("968.19") and not project.complete
    assert any(p.severity is Severity.ERROR for p in result.problems)
