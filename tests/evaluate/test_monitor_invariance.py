"""The edits a person makes to a 绩效运行监控表 change neither its reading nor what ``monitor 表 -a 表`` finds:
``bench/monitor_invariance.py`` on a few corpus tables retyped as 监控表 (monitor41; the bench runs every table
read right), and the faults it found, each on a tiny table."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes, load_path
from perfbudget.model import Project
from tests.evaluate.test_kinds36_table_edits import _own
from tests.evaluate.test_selfeval_invariance import _bench

# a monitored copy, refused ones (a qualitative indicator without its 完成等级, a forecast with ≥), space cells,
# a Word rendering, a 区域 table
TABLES = ("174_hainan-nongken", "07_sichuan-deyang-zhongjiang", "r150_shanghai-putuo", "120_anhui-huangshan-xiuning")


@pytest.mark.parametrize("table", TABLES)
def test_a_table_retyped_as_a_monitoring_table_and_edited_reads_and_is_monitored_the_same(table: str) -> None:
    bench = _bench("monitor_invariance")
    found = bench.right_tables([table])
    assert len(found) == 1, found
    name, path = found[0]
    document = load_path(path).document
    assert document is not None
    outcomes = [bench.check_project(name, project) for project in document.projects if project.indicators]
    assert outcomes and all(outcome.faithful for outcome in outcomes)
    assert [d for outcome in outcomes for d in outcome.differences] == []
    assert all(outcome.edits == len(bench.EDITS) + 1 for outcome in outcomes)  # and the reason merged, kept once


TITLE = "2024年项目支出绩效运行监控表"
FUNDS = ["项目名称 | 农村饮水工程维修养护",
         "项目资金（万元） | 年初预算数 | 1-6月执行数 | 1-6月执行率 | 全年预计执行数",
         "年度资金总额 | 100 | 45.5 | 45.5% | 100"]
ROWS = [("维修工程数", "≥10处", "4处", "10处", "确定能"), ("受益村数", "≥20个", "5个", "18个", "有可能")]


def _table(likelihood_head: list[str], reason_head: list[str], cells: list[list[str]], period: str = "1-6月") -> str:
    head = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", *likelihood_head,
            *reason_head, "偏差原因分析", "完善措施"]
    rows = [["产出指标", "数量指标", *row[:4], *extra] for row, extra in zip(ROWS, cells, strict=True)]
    lines = [TITLE, *FUNDS, " | ".join(head), *(" | ".join(row) for row in rows)]
    return "\n".join(line.replace("1-6月", period) for line in lines) + "\n"


OPTIONS = ("确定能", "有可能", "完全不可能")


def _project(text: str) -> Project:
    result = load_bytes(text.encode(), "监控表.txt")
    assert result.document is not None and result.document.kind == "monitoring"
    return result.document.projects[0]


def test_a_reason_ticked_under_its_own_column_in_a_one_row_head() -> None:
    """经费保障 | 制度保障 heading their own columns (no 偏差原因分析 group above): the ticked one is the reason.
    Until monitor41 only ``偏差原因分析/经费保障`` was: the 有可能 row was refused for want of a reason."""
    text = _table(["完成目标可能性"], ["经费保障", "制度保障"],
                  [["确定能", "", "", "", ""], ["有可能", "", "✓", "制度未出台", "加快出台"]])
    assert [i.progress.reason for i in _project(text).indicators if i.progress] == [None, "制度保障"]


@pytest.mark.parametrize("mark", ["✓", "√", "是", "能", "own word"])
def test_likelihood_written_a_column_per_option(mark: str) -> None:
    """确定能 | 有可能 | 完全不可能 as columns, the chosen one marked: read as that option (until monitor41 unread,
    every row refused for an empty 完成目标可能性)."""
    def marked(option: str) -> list[str]:
        return [(option if mark == "own word" else mark) if o == option else "" for o in OPTIONS]
    text = _table(list(OPTIONS), ["经费保障"],
                  [[*marked("确定能"), "", "", ""], [*marked("有可能"), "√", "资金未到位", "申请追加"]])
    assert [i.progress.likelihood for i in _project(text).indicators if i.progress] == ["确定能", "有可能"]


def test_two_options_marked_are_not_guessed() -> None:
    text = _table(list(OPTIONS), ["经费保障"],
                  [["✓", "✓", "", "", "", ""], ["", "✓", "", "√", "资金未到位", "申请追加"]])
    assert [i.progress.likelihood for i in _project(text).indicators if i.progress] == [None, "有可能"]


@pytest.mark.parametrize("period", ["1—6月", "1至6月", "1～6月", "上半年"])
def test_the_funds_period_as_units_write_it(period: str) -> None:
    """The funds grid's 1-6月执行数 written 1—6月, 1至6月 or 上半年: until monitor41 the grid was not read (no
    executed amount, no rate: every copy refused by monitor)."""
    text = _table(["完成目标可能性"], ["经费保障"], [["确定能", "", "", ""], ["有可能", "√", "资金未到位", "申请追加"]],
                  period)
    project = _project(text)
    assert (project.month, project.budget.total, project.budget.executed, project.budget.rate) == \
        (6, Decimal(100), Decimal("45.5"), Decimal("45.5"))


def test_a_forecast_quoted_as_a_reviewer_reads_it(tmp_path: Path) -> None:
    """A full-width forecast short of the target under 确定能: the warning quotes 10 and ≥12处, not １０ (the same
    warning whichever digits the copy has)."""
    rows = [TITLE, *FUNDS,
            "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 1-6月执行情况 | 全年预计完成情况 | 完成目标可能性",
            "产出指标 | 数量指标 | 维修工程数 | ≥１２处 | ６处 | １０处 | 确定能"]
    _code, said = _own("monitor", [row.split(" | ") for row in rows], tmp_path)
    assert "指标「维修工程数」全年预计完成 10处，达不到年度指标值 ≥12处，完成目标可能性却为「确定能」" in said, said
    # nothing but the full-width forms rewritten (the lead's reread: NFKC made ≥1200㎡ ≥1200m2)
    squared = [*rows[:-1], "产出指标 | 数量指标 | 维修面积 | ≥１２００㎡ | ６００㎡ | １０００㎡ | 确定能"]
    _code, said = _own("monitor", [row.split(" | ") for row in squared], tmp_path)
    assert "全年预计完成 1000㎡，达不到年度指标值 ≥1200㎡" in said, said


ROW = "产出指标 | 数量指标 | 维修工程数 | 10处 | 2处 | 10处"


def _monitored(tmp_path: Path, row: str, *options: str) -> str:
    """``monitor 表 -a 表 [options]`` of a one-indicator 监控表 whose indicator row is ``row``: stdout and stderr."""
    head = " | ".join(["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况",
                       "完成目标可能性", "偏差原因分析"])
    path = tmp_path / "表.txt"
    path.write_text("\n".join([TITLE, *FUNDS, head, row]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["monitor", str(path), "-a", str(path), *options])
    assert result.exit_code == 0, result.stderr
    return result.stdout + result.stderr


def test_a_red_light_says_its_bound_and_what_to_do(tmp_path: Path) -> None:
    """Behind the period: the rule's bound and what the unit is to do beside 红灯 (until monitor41 「= 40.00%，红灯」
    alone); the execution, 45.5 of 100 by June (91 %), green: nothing added."""
    said = _monitored(tmp_path, f"{ROW} | 有可能 | 其他：汛期停工", "--json")
    project = json.loads(said[:said.rindex("}") + 1])["projects"][0]
    explanation = project["indicators"][0]["explanation"]
    assert explanation.endswith("= 40.00%，红灯（进度低于 60%：请说明偏差原因并采取纠偏措施）"), explanation
    assert project["budget_explanation"].endswith("= 91.00%，绿灯")


def test_a_red_light_under_sure_without_a_reason_is_warned_of(tmp_path: Path) -> None:
    """确定能 asks no reason, so a row 40 % behind its period under 确定能 passed without a word; a reviewer asks how
    the unit will catch up: a warning at the row, the lights given."""
    said = _monitored(tmp_path, f"{ROW} | 确定能 | 无")
    assert ("警告：指标「维修工程数」1-6月执行进度为红灯（进度 = 实际 2处 ÷ (目标 10处 × 6/12 = 5处) = 40.00%），"
            "完成目标可能性却为「确定能」且未说明偏差原因：请填写偏差原因和纠偏措施，或核对完成目标可能性") in said
    assert "执行进度为红灯" not in _monitored(tmp_path, f"{ROW} | 确定能 | 汛期停工，7月复工")


@pytest.mark.parametrize("tail", ["", " |  |  |", " | 无"])
def test_a_satisfaction_row_over_the_templates_level2_with_its_empty_cells_left_out(tail: str) -> None:
    """满意度指标 | 具体指标 | 教师满意度 | ≥95% … ending at 确定能 (its empty reason cells left out, or one 无 of
    two): the row is short, and 具体指标, no 二级 name the reader knows, made 满意度指标 the 二级 — 三级 具体指标,
    target 教师满意度 (until monitor41; the row with every cell read right)."""
    text = _table(["完成目标可能性"], ["经费保障"], [["确定能", "", "", ""], ["有可能", "√", "资金未到位", "申请追加"]])
    lines = text.splitlines()
    lines.append("满意度指标 | 具体指标 | 教师满意度 | ≥95% | 95% | 95% | 确定能" + tail)
    (indicator,) = [i for i in _project("\n".join(lines) + "\n").indicators if i.level1 == "满意度指标"]
    assert (indicator.level2, indicator.level3, indicator.target.raw) == ("具体指标", "教师满意度", "≥95%")
