"""Layouts first met in the corpus18 tables (114–116: Henan, Hunan, Chongqing), each stated on a tiny inline text:
the shape, not the sample."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

# ---- one cell a paragraph: a 三级 named like a 二级 right after the row's 二级 ---------------------------------------

_STREAM = "\n\n".join([
    "2024年项目绩效目标表", "项目名称", "某某服务", "年度绩效指标",
    "一级指标", "二级指标", "三级指标", "指标值", "绩效标准",
    "产出指标", "数量指标", "配备车辆数", "10", "计划标准",
    "服务对象满意度指标", "满意度", "90%", "计划标准",
]) + "\n"


def test_a_level_like_name_after_the_rows_level2_and_before_a_value_is_the_level3() -> None:
    document, problems = read_text(_STREAM, "s.txt")
    assert document is not None and len(document.projects) == 1
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert rows == [("产出指标", "数量指标", "配备车辆数", "10"),
                    ("满意度指标", "服务对象满意度指标", "满意度", "90%")]
    assert not _errors(problems)


def test_a_level2_after_a_level2_without_a_value_after_it_stays_a_new_group() -> None:
    # 经济效益指标 with no 三级 and then 社会效益指标 | 受益人数 | 100人: no name is taken for a 三级
    text = _STREAM.replace("服务对象满意度指标\n\n满意度\n\n90%\n\n计划标准\n",
                           "效益指标\n\n经济效益指标\n\n社会效益指标\n\n受益人数\n\n100人\n\n计划标准\n")
    document, _ = read_text(text, "s.txt")
    assert document is not None
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert ("效益指标", "社会效益指标", "受益人数", "100人") in rows
    assert all(i.level3 not in ("社会效益指标", "经济效益指标") for i in document.projects[0].indicators)


# ---- a bare number in the 三级 cell: the cost block's unfilled template rows, or a row off its columns ------------

_COST = ("财政项目支出绩效目标审批表 |\n项目名称 | 某某工作经费 |\n项目总预算 | 100 |\n"
         "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 指标解释 |\n"
         "成本指标(0-20)分 | 经济成本指标 | 0 | 0.00% | 0 | 反映实施相关项目所产生的直接经济成本 |\n"
         "社会成本指标 | 0 | 0.00% | 0 | 反映实施相关项目对社会发展可能造成的负面影响 |\n"
         "产出指标 | 数量指标 | 举报奖励次数 | ≥5次 | 10 | |\n")


def test_unfilled_cost_rows_whose_level3_is_zero_are_skipped_as_template_rows() -> None:
    document, problems = read_text(_COST, "c.txt")
    assert document is not None and len(document.projects) == 1
    rows = [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert rows == [("数量指标", "举报奖励次数", "≥5次")]
    assert sum(1 for p in problems if p.severity is Severity.INFO and "跳过模板占位行" in p.message) == 2
    assert not _errors(problems)


def test_a_number_in_the_level3_cell_with_a_value_is_refused_with_its_place() -> None:
    text = _COST.replace("举报奖励次数 | ≥5次", "12 | ≥5次")
    document, problems = read_text(text, "c.txt")
    assert document is None or not any(p.indicators for p in document.projects)
    errors = [p for p in problems if p.severity is Severity.ERROR and "只有数字「12」" in p.message]
    assert errors and errors[0].source.line == 7


# ---- the funds block one line a part in one cell (a Word form's 项目资金申请 cell, its <br> lines in HTML) --------

def _html_form(funds: str) -> bytes:
    return ("<html><body><p>2024年项目绩效目标表</p><table>"
            "<tr><td>项目名称</td><td colspan='3'>某某服务</td></tr>"
            f"<tr><td>项目资金申请<br>(万元)</td><td colspan='3'>{funds}</td></tr>"
            "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
            "<tr><td>产出指标</td><td>数量指标</td><td>配备车辆数</td><td>10辆</td></tr>"
            "</table></body></html>").encode()


def test_a_cell_of_funds_lines_gives_the_total_as_cells_of_their_own_do() -> None:
    from decimal import Decimal

    from perfbudget.readers import read_bytes

    document, _ = read_bytes(_html_form("资金总额: 250<br>一、预算资金:250<br>二、自有资金:0<br>三、其他:0"), "f.html")
    assert document is not None and document.projects[0].budget.total == Decimal("250")
    assert document.money_unit == "万元"
    kept = [text for _, text in document.projects[0].extras]  # the other lines kept as extras, as written
    assert "一、预算资金:250" in kept and "二、自有资金:0" in kept and "三、其他:0" in kept

    from perfbudget.readers.label_lines import money_lines_cells
    assert money_lines_cells("资金总额: 250\n其他资金:0") == ("资金总额", "250", "其他资金", "0")
    assert money_lines_cells("资金总额: 250\n一、预算资金:250") == ("资金总额", "250", "一、预算资金:250")
    # a cell whose lines are not all label:amount pairs is no funds block: nothing taken from it
    assert money_lines_cells("资金总额: 250\n用于采购雾炮车服务") is None
    assert money_lines_cells("用途:雾炮车\n资金总额: 250") is None
    assert money_lines_cells("资金总额: 250") is None  # one line: money_pair_cells' case


# ---- pipe rows whose page stops right after a value's closing separator ---------------------------------------------

_SCORED = ("项目名称 | 某某工作经费 | |\n项目总预算 | 100 | |\n"
           "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 | 指标解释 |\n"
           "产出指标 | 数量指标 | 举报奖励次数 | ≥5次 | 10 | 反映奖励次数 |\n"
           "产出指标 | 质量指标 | 核查办结率 | 100% | 10 | 反映办结情况 |\n")


def test_a_last_row_closed_after_its_value_is_read_and_the_cut_still_reported() -> None:
    document, problems = read_text(_SCORED + "产出指标 | 数量指标 | 宣传资料份数 | ≥500份 |\n", "p.txt")
    assert document is not None
    rows = [(i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert rows == [("举报奖励次数", "≥5次"), ("核查办结率", "100%"), ("宣传资料份数", "≥500份")]
    assert any("表格在此中断" in message for message in _errors(problems))


def test_a_last_row_without_its_closing_separator_or_its_value_stays_unread() -> None:
    # no closing separator (≥50 may be ≥500 cut) or no value: not read
    for last in ("产出指标 | 数量指标 | 宣传资料份数 | ≥50\n", "产出指标 | 数量指标 | 宣传资料份数 |\n"):
        document, problems = read_text(_SCORED + last, "p.txt")
        assert document is not None, last
        assert [i.level3 for i in document.projects[0].indicators] == ["举报奖励次数", "核查办结率"], last
        assert any("表格在此中断" in message for message in _errors(problems)), last


def test_a_closing_deviation_row_after_the_indicators_is_no_indicator() -> None:
    # 偏差大或目标未完成原因分析 | 无 after the rows: the form's closing row (its text kept), not a cut indicator row
    # (until reading32 it was read as a row cut after its 三级 name, an error; now as a 监控表's closing rows are)
    document, problems = read_text(_SCORED + "偏差大或目标未完成原因分析 | 无 |\n", "p.txt")
    assert document is not None
    assert [i.level3 for i in document.projects[0].indicators] == ["举报奖励次数", "核查办结率"]
    assert not _errors(problems)
    assert any("按项目的说明读取" in p.message for p in problems)
