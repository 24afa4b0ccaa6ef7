"""A 部门整体 table's 年度主要任务 grid exported whole (kinds32).

Its task rows are kept as labelled extras (任务名称, 主要内容, 总额, 财政拨款, 其他资金 …) and its 金额合计 row is the
budget. Every writer drew the extras as label–value rows: the money cells' labels are the budget's own, so 总额 and
财政拨款 were lost on reading back, a 自评表's 执行数 came back unlabelled with the budget's executed amount gone, and
the last task's 其他资金 (0) was printed as the budget's other funds (20). The grid is drawn as the table prints it
now, and every form reads back the same project."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_path
from perfbudget.model import Budget, Severity
from tests.readers.test_department_tables import TEMPLATE

# the department tests' 申报表 with its 职能职责 row (TEMPLATE of tests/readers/test_department_tables.py)
TARGET = TEMPLATE.replace("某县农业农村局\n", "某县农业农村局\n部门职能职责概述\t负责全县农业农村工作。\n", 1)
SELF_EVALUATION = (
    "部门（单位）整体支出绩效自评表\n（2023年度）\n"
    "部门（单位）名称\t某县民政局\n"
    "年度主要任务\t任务名称\t主要内容\t预算数\t执行数\n"
    "\t低保发放\t按月发放城乡低保\t800\t790\n"
    "\t临时救助\t及时救助困难群众\t50\t45\n"
    "金额合计\t\t\t850\t835\n"
    "年度总体目标\t预期目标\t实际完成情况\n"
    "\t保障困难群众基本生活\t已按时足额发放\n"
    "年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
    "\t产出指标\t数量指标\t低保对象人数\t≥5000人\t5120人\t20\t20\t无\n"
)


def _round_trip(tmp_path: Path, text: str, form: str):  # type: ignore[no-untyped-def]
    source = tmp_path / "部门整体.txt"
    source.write_text(text, encoding="utf-8")
    read = load_path(source)
    assert read.ok, read.problems
    out = tmp_path / f"导出.{form}"
    result = CliRunner().invoke(app, ["export", str(source), "--to", form, "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = load_path(out)
    assert back.ok, back.problems
    assert not [p for p in back.problems if p.severity is Severity.WARNING], back.problems
    return read.document.projects[0], back.document.projects[0]  # type: ignore[union-attr]


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_the_task_grid_and_its_total_row_read_back_the_same(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, TARGET, form)
    assert read.budget == Budget(total=Decimal(420), fiscal=Decimal(400), other=Decimal(20))
    assert back.budget == read.budget  # (the last task's 其他资金 0 was printed as the budget's)
    assert back.extras == read.extras
    assert ("总额", "300") in back.extras and ("财政拨款", "120") in back.extras
    assert back.goals == read.goals and len(back.indicators) == 2


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_a_self_evaluations_task_grid_keeps_its_executed_amounts(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, SELF_EVALUATION, form)
    assert (read.budget.total, read.budget.executed) == (Decimal(850), Decimal(835))
    assert back.budget == read.budget and back.extras == read.extras
    assert ("执行数", "45") in back.extras and ("金额合计/执行数", "835") in back.extras


def test_a_total_row_that_did_not_fit_is_not_made_up(tmp_path: Path) -> None:
    # the 金额合计 row with two amounts under three money columns: kept as extras, no budget (readers/task_grid.py);
    # the export draws the tasks as the grid and no 金额合计 row of its own
    read, back = _round_trip(tmp_path, TARGET.replace("金额合计\t\t\t420\t400\t20", "金额合计\t\t\t420\t400"), "xlsx")
    assert read.budget == Budget() and back.budget == Budget()
    assert back.extras == read.extras


# Hubei's 部门总体资金情况 (当年金额 | 占比 | 近两年收支金额 over 财政拨款 / 其他资金 / 合计, corpus r95's form): its
# shares and the year before were drawn as label–value rows (财政拨款/占比 | 100%) and read back as unlabelled texts
HUBEI = ("部门整体支出绩效目标申报表\n"
         "| 部门(单位)名称 | 某市某局 | | | | |\n"
         "| 总体资金情况 | 部门总体资金情况 | 当年金额 | 占比 | 近两年收支金额 | |\n"
         "| 收入构成 | 财政拨款 | 366.80 | 100% | 367.85 | |\n"
         "| | 其他资金 | 0 | 0.00% | 0 | |\n"
         "| | 合计 | 366.80 | 100% | 367.85 | |\n"
         "| 年度总体目标 | 保障部门正常运转。 | | | | |\n"
         "| 年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | |\n"
         "| | 产出指标 | 数量指标 | 参保人数 | ≥1000人 | |\n"
         "| | 满意度指标 | 服务对象满意度指标 | 参保群众满意度 | ≥90% | |\n")


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_a_department_funds_grid_with_shares_reads_back_labelled(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, HUBEI, form)
    assert read.budget == Budget(total=Decimal("366.80"), fiscal=Decimal("366.80"), other=Decimal(0))
    assert back.budget == read.budget
    assert ("合计/近两年收支金额", "367.85") in read.extras and ("财政拨款/占比", "100%") in read.extras
    # (the grid drawn after the other extras: their order moves; 其他资金's 「0」 printed as its column's 「367.85」,
    # faces-w)
    printed = {"其他资金/近两年收支金额": "0.00"}
    assert sorted(back.extras) == sorted((label, printed.get(label, text)) for label, text in read.extras)


# Fujian's 部门整体支出绩效自评表 (corpus 103's form): 预算安排 (年初部门预算安排金额 | 历年结余结转 | 年中调整金额 |
# 小计④=①+②+③) | 拨付情况 (年度拨付金额 | 支出实现率) | 结余情况 (本年度结余金额 | 资金结余率), one row a source;
# no column says 执行 or 得分, so the grid was drawn as label–value rows that read back unlabelled, the execution lost
FUJIAN = (
    "部门整体支出绩效自评表\n（2018年度）\n"
    "| 部门(单位)名称 | 某县地方志研究室 | 部门预算编码 | 901001033 | | | | | |\n"
    "| 资金结构 | 年初部门预算安排金额① | 历年结余结转② | 年中调整金额③ | 小计④=①+②+③ | 年度拨付金额⑤ | "
    "支出实现率⑥=⑤/④ | "
    "本年度结余金额⑦=④-⑤ | 资金结余率⑧=⑦/④ |\n"
    "| 财政资金小计 | 150 | 20 | 0 | 170 | 153 | 90% | 17 | 10% |\n"
    "| 合计 | 150 | 20 | 0 | 170 | 153 | 90% | 17 | 10% |\n"
    "| 年度总体目标 | 预期目标 | | | | 目标实际完成情况 | | | |\n"
    "| | 保障在职人员工资发放 | | | | 全部完成 | | | |\n"
    "| 一级指标 | 二级指标 | 三级指标 | 指标解释 | 绩效目标值 | 实际完成值 | 指标分值 | 得分 | |\n"
    "| 产出指标 | 数量指标 | 按月发放工资 | 反映工资按月发放情况 | 12个月 | 12个月 | 20 | 20 | |\n")


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_a_funds_grid_of_the_readers_funds_columns_reads_back_typed(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, FUJIAN, form)
    assert (read.budget.total, read.budget.initial, read.budget.executed, read.budget.rate) == (
        Decimal(170), Decimal(150), Decimal(153), Decimal(90))
    assert back.budget == read.budget
    assert ("合计/资金结余率", "10%") in read.extras
    assert sorted(back.extras) == sorted(read.extras)


# a 部门整体 table's 整体绩效目标 as 中期目标 | 年度目标 over their texts: the 中期 goals were drawn as a label–value
# row (中期目标（2024-2026年） | …) and read back as two unlabelled texts
GOALS = (
    "部门整体支出绩效目标表\n（2024年度）\n"
    "| 部门（单位）名称 | 某县教育局 | | | | | |\n"
    "| 年度预算（万元） | 资金总额 | 1200 | 财政拨款 | 1100 | 其他资金 | 100 |\n"
    "| 整体绩效目标 | 中期目标（2024-2026年） | | 年度目标（2024年） | | | |\n"
    "| | 目标1：义务教育均衡发展。 | | 目标1：完成3所学校改造。 | | | |\n"
    "| 一级指标 | 二级指标 | 三级指标 | 指标值 | | | |\n"
    "| 产出指标 | 数量指标 | 改造学校数 | 3所 | | | |\n"
    "| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥90% | | | |\n")


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_the_medium_term_goals_read_back_under_their_label(tmp_path: Path, form: str) -> None:
    read, back = _round_trip(tmp_path, GOALS, form)
    assert read.goals == ("目标1：完成3所学校改造。",)
    assert read.extras == (("中期目标（2024-2026年）", "目标1：义务教育均衡发展。"),)
    assert (back.goals, back.extras, back.budget) == (read.goals, read.extras, read.budget)
