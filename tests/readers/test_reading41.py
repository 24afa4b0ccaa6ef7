"""Three text-path leftovers of the edit-invariance harness (``bench/edit_invariance.py``, FAILURES.md sections CJ
and CO). Each case a tiny inline table that main ced63e8b read otherwise (guards say what stays as it was)."""

from __future__ import annotations

import pytest

from tests.readers.test_reading36 import _errors, _read
from tests.readers.test_reading39 import _read_name_over_two_rows
from tests.readers.test_reading40 import _cells, _rows

_NOTICE = ["社区养老服务补贴绩效目标公示", "绩效目标表", "(2021年度)", "一、项目基本情况",
           "项目名称：社区养老服务补贴", "项目主管部门：某区民政局", "二、项目资金（万元）", "年度资金总额：120",
           "其中：财政拨款：120", "三、绩效目标", "（一）绩效指标"]
_INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "服务老年人数", "≥500人"],
               ["", "质量指标", "服务合格率", "≥95%"], ["", "时效指标", "发放及时率", "100%"],
               ["效益指标", "社会效益指标", "老年人生活质量", "提高"],
               ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"]]


@pytest.mark.parametrize("layout", ["cells", "pipes"])
def test_a_notices_label_lines_above_a_table_one_cell_a_line_keep_its_unit_budget_and_year(layout: str) -> None:
    """A notice's label lines (``项目主管部门：…``, ``二、项目资金（万元）``, ``年度资金总额：120``) above its indicator
    table one cell a line (a Word extractor's text): ced63e8b took each line after ``项目名称：…`` for a heading — the
    section title's money unit, the budget and the ``(2021年度)`` under the title lost; the pipe rows: a guard."""
    table = _cells(*_INDICATORS) if layout == "cells" else "\n".join(" | ".join(row) + " |" for row in _INDICATORS)
    document, problems = _read("\n".join([*_NOTICE, table]).encode())
    project = document.projects[0]
    assert (document.money_unit, project.name, project.fund_year, project.budget.total) == (
        "万元", "社区养老服务补贴", 2021, 120)
    assert len(_rows(document)) == 5 and not _errors(problems)


_LIST_HEADER = "单位名称 | 项目名称 | 预算数 | 一级指标 | 二级指标 | 三级指标 | 指标值 |"


@pytest.mark.parametrize("again", [_LIST_HEADER, _LIST_HEADER.replace("单位名称", "单 位 名 称"), None])
def test_a_project_lists_header_repeated_at_a_page_break_is_no_row(again: str | None) -> None:
    """A list of projects, their fields as columns before the indicators (``单位名称 | 项目名称 | 预算数 | 一级指标 |
    …``), its header repeated after a page break (corpus ``14``): ced63e8b took it for a row of the project above,
    an error 这一行有7个单元格，指标表头只有4列; the header once: a guard."""
    rows = ["某镇人民政府 | 村组干部报酬 | 3309840.00 | 产出指标 | 数量指标 | 村组干部人数 | ≥230人 |",
            " |  |  | 效益指标 | 社会效益指标 | 维护社会稳定 | ≥95% |",
            "某镇人民政府 | 基层组织活动经费 | 660000.00 | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% |"]
    text = "\n".join(["金额单位：元", _LIST_HEADER, *rows[:2], *([again] if again else []), rows[2]])
    document, problems = _read(text.encode())
    assert [(p.name, p.budget.total, len(p.indicators)) for p in document.projects] == [
        ("村组干部报酬", 3309840, 2), ("基层组织活动经费", 660000, 1)]
    assert not _errors(problems)
    assert any("跳过重复的指标表头行" in p for p in problems) is (again is not None)


@pytest.mark.parametrize(("head", "tail"), [("服务", "覆盖率"), ("培训", "合格率")])
def test_a_name_broken_after_one_word_naming_no_measure_is_joined(head: str, tail: str) -> None:
    """``| | 质量指标 | 服务 | |`` then ``| | | 覆盖率 | ≥95% |``: a break between two words, but the first row's name
    is one word naming no measure (no indicator on its own) and has no value: ced63e8b read two indicators, the
    first warned 没有指标值 (the guards of a head of words or naming a measure: test_reading39)."""
    document, problems = _read_name_over_two_rows(head, tail)
    indicators = document.projects[0].indicators
    assert [i.level3 for i in indicators] == ["服务老年人数", head + tail, "老年人满意度"]
    assert indicators[1].target.raw == "≥95%" and not any(p.endswith("没有指标值") for p in problems)
