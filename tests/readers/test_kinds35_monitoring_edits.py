"""A 绩效监控表 as units edit it (kinds35): its funds head's period written up to a month's end (截至6月底执行数,
截至6月30日执行率, 截止7月末执行数) instead of 1-6月执行数. Until kinds35 such a column was no funds column: the head's
known columns after it took the row's figures one place off — 执行率 read as 100 (the 年初预算数's figure), the budget
and the executed amount lost, the table read without a word. The guards (columns reordered, a likelihood column,
the reason split from the measure) read so already."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document, Severity
from tests.readers.word_tables import word_file

TITLE = ["2024年项目支出绩效目标执行监控表"]
INDICATORS = [["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成", "偏差原因",
               "纠偏措施"],
              ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "汛期影响施工", "汛后加快施工"],
              ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "5200人", "无", "无"]]


def _rows(head: list[str], figures: list[str], indicators: list[list[str]] = INDICATORS) -> list[list[str]]:
    return [["项目名称", "农村饮水工程维修养护"], ["项目资金（万元）", *head], ["年度资金总额", *figures], *indicators]


def _read(rows: list[list[str]], form: str) -> Document:
    data = word_file(rows, TITLE) if form == "docx" else \
        ("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n").encode()
    result = load_bytes(data, f"监控表.{form}")
    assert result.document is not None
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document.kind == "monitoring"
    return result.document


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_funds_period_up_to_a_months_end(form: str) -> None:
    for head, month in ((["年初预算数", "截至6月底执行数", "执行率", "全年预计执行数"], 6),
                        (["年初预算数", "截至6月30日执行数", "截至6月30日执行率", "全年预计执行数"], 6),
                        (["年初预算数", "截止7月末执行数", "执行率", "全年预计执行数"], 7)):
        project = _read(_rows(head, ["100", "40", "40%", "95"]), form).projects[0]
        budget = project.budget
        assert (budget.total, budget.executed, budget.rate) == (Decimal(100), Decimal(40), Decimal(40)), head
        assert project.month == month
        assert (f"年度资金总额/{head[-1]}", "95") in project.extras


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_edits_that_read_right_already(form: str) -> None:
    """Guards: the funds columns reordered, a 完成目标可能性 column among the indicators', the reason and the measure
    in one column."""
    project = _read(_rows(["全年预计执行数", "1-6月执行率", "年初预算数", "1-6月执行数"], ["95", "40%", "100", "40"]),
                    form).projects[0]
    assert (project.budget.total, project.budget.executed, project.budget.rate) == (Decimal(100), Decimal(40),
                                                                                    Decimal(40))
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "完成目标可能性", "全年预计完成",
              "偏差原因分析及改进措施"]
    rows = [header, ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "有可能", "10处", "汛期影响施工，汛后加快"]]
    project = _read(_rows(["年初预算数", "1-6月执行数", "1-6月执行率"], ["100", "40", "40%"], rows), form).projects[0]
    progress = project.indicators[0].progress
    assert progress is not None
    assert (progress.actual_value, progress.likelihood, progress.forecast_value, progress.reason) == (
        Decimal(4), "有可能", Decimal(10), "汛期影响施工，汛后加快")


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_funds_head_broken_by_a_name_not_known_is_told_not_misread(form: str) -> None:
    """``年初预算数 | 上半年实际支出数 | 执行率 | 全年预计执行数``: the head's known columns after the unknown name took
    the row's figures one place off (执行率 100, the 年初预算数's; until kinds35 without a word). The execution is left
    unread and a warning names the column; a 自评表's grid the same."""
    rows = _rows(["年初预算数", "上半年实际支出数", "执行率", "全年预计执行数"], ["100", "40", "40%", "95"])
    data = word_file(rows, TITLE) if form == "docx" else \
        ("\n".join([*TITLE, *(" | ".join(r) for r in rows)]) + "\n").encode()
    result = load_bytes(data, f"监控表.{form}")
    assert result.document is not None
    budget = result.document.projects[0].budget
    assert (budget.executed, budget.rate) == (None, None)
    (told,) = [p for p in result.problems if "不认识的列名" in p.message]
    assert told.severity is Severity.WARNING
    assert "「上半年实际支出数」" in told.message and "「执行率」读起" in told.message
