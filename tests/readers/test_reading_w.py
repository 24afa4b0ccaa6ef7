"""reading-w: leftovers of kinds35 and forms35 (FAILURES.md BX), each on a tiny inline document."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from tests.readers.test_kinds35_selfeval_edits import _errors, _read, _table
from tests.readers.word_tables import excel_file, word_file


def test_one_cell_a_line_the_tables_own_score_after_its_indicators() -> None:
    """One cell a line, ``自评得分`` / ``95`` (and ``评价等级`` / ``优``) after the last indicator: the table's
    total and grade, as in rows of cells; until reading-w the stream ran them into the last indicator row
    (表格在此中断：最后一行只有…, the 95 read as a 三级 name)."""
    for closing, grade in (([["自评得分", "95", "评价等级", "优"]], "优"),
                           ([["自评得分", "95分"], ["评价等级", "优"]], "优"), ([["自评得分", "95"]], None)):
        document, problems = _read(_table(closing=closing), "\n")
        (project,) = document.projects
        assert not _errors(problems), problems
        assert (project.table_total, project.table_grade) == (Decimal(95), grade)
        assert len(project.indicators) == 4 and document.kind == "self-evaluation"
        last = project.indicators[-1]
        assert (last.level3, last.actual, last.deviation) == ("群众满意度", "92%", None)


LABELS_OVER_VALUES = [["项目支出绩效目标表"], ["项目名称", "主管部门", "实施单位"],
                      ["乡村道路养护", "某县交通运输局", "某县公路养护中心"], ["年度资金总额", "100"],
                      ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "养护里程", "≥100公里"],
                      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]


@pytest.mark.parametrize("kind", ["\t", " | ", "xlsx"])
def test_a_row_of_labels_over_a_row_of_values(kind: str) -> None:
    """``项目名称 | 主管部门 | 实施单位`` over ``乡村道路养护 | 某县交通运输局 | 某县公路养护中心``: each label's value
    is the cell under it (until reading-w: 项目名称未知, the values unread)."""
    if kind == "xlsx":
        data, name = excel_file(LABELS_OVER_VALUES), "表.xlsx"
    else:
        data, name = ("\n".join(kind.join(row) for row in LABELS_OVER_VALUES) + "\n").encode(), "表.txt"
    result = load_bytes(data, name)
    assert result.document is not None and not _errors([f"{p.severity}: {p.message}" for p in result.problems])
    (project,) = result.document.projects
    assert project.name == "乡村道路养护" and project.budget.total == Decimal(100) and len(project.indicators) == 2
    assert ("主管部门", "某县交通运输局") in project.extras and ("实施单位", "某县公路养护中心") in project.extras
    where = project.sources["name"]
    assert (where.line if kind != "xlsx" else where.row) == 3  # the value's own cell, not the label's


def test_a_list_of_projects_under_its_column_heads_is_no_header_block() -> None:
    """A guard: two rows of values under the labels are a list, not one project's header: not joined."""
    rows = [LABELS_OVER_VALUES[1], LABELS_OVER_VALUES[2], ["河道清淤", "某县水利局", "某县河道管理所"],
            *LABELS_OVER_VALUES[3:]]
    result = load_bytes(("\n".join("\t".join(row) for row in rows) + "\n").encode(), "表.txt")
    assert result.document is None or result.document.projects[0].name != "乡村道路养护"


def test_a_row_that_lost_its_empty_cells_with_a_reason_after_its_scores() -> None:
    """Cells apart by spaces, the 指标性质 and 度量单位 cells empty and lost, a reason after the 分值 and 得分: the
    numbers before the reason are the 分值 and 得分 (until reading-w the row aligned from its start, one column
    off: 分值 the 得分's, the reason under 得分; corpus 174)."""
    lines = ("项目支出绩效自评表", "项目名称: 乡村道路养护",
             "一级指标 二级指标 三级指标 指标性质 年度指标值 度量单位 实际完成值 完成率 分值 得分 未完成原因分析",
             "产出指标 数量指标 养护里程 100 80 80.00% 20.00 16 部分路段延期开工。",
             "满意度指标 服务对象满意度 群众满意度 90 92 100.00% 10.00 10")
    rows = [line.split() for line in lines]
    document, _ = _read(rows, " ")
    first, second = document.projects[0].indicators
    assert (first.target.raw, first.actual, first.weight, first.score, first.deviation) == (
        "100", "80", Decimal(20), Decimal(16), "部分路段延期开工。")
    assert ("完成率", "80.00%") in first.extras
    assert (second.actual, second.weight, second.score) == ("92", Decimal(10), Decimal(10))


@pytest.mark.parametrize("name, note", [("效益指标", "30分)"), ("效益指标（", "30分）"), ("效益指标", "(30分)")])
def test_one_cell_a_line_a_level_names_score_note_wrapped_without_its_bracket(name: str, note: str) -> None:
    """One cell a line, a 一级 cell ``效益指标（30分）`` wrapped so that its note stands alone without its opening
    bracket (``30分)``, a copy losing a cell's first character: corpus 93) or with it left on the name's line: the
    name's note, as ``(30分)`` was; until reading-w the table was refused (指标值「30分)」没有三级指标名称)."""
    rows = [["项目支出绩效目标表"], ["项目名称", "乡村道路养护"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "养护里程", "≥100公里"], [name, note, "社会效益指标", "群众出行条件", "有效改善"],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]
    document, problems = _read(rows, "\n")
    assert not _errors(problems), problems
    assert [i.level3 for i in document.projects[0].indicators] == ["养护里程", "群众出行条件", "群众满意度"]
    assert document.projects[0].indicators[1].level2 == "社会效益指标"


INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_word_and_excel_cells_drop_invisible_characters(kind: str) -> None:
    """Zero-width spaces and joiners, the word joiner and the BOM inside a Word or Excel cell are dropped where the
    cell's text is made, as the HTML reader does (forms35); until reading-w they stayed inside names and values
    (``养护\u200b里程``) and made labels unknown (项目名称 not found)."""
    rows = [["项目支出绩效目标表"], ["项目\u200b名称", "乡村\u2060道路养护"], ["年度资金总额", "100"],
            ["一级指标", "二级指标", "三级\ufeff指标", "指标值"],
            ["产出指标", "数量指标", "养护\u200c里程", "≥100\u200d公里"],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%\u200b"]]
    data = excel_file(rows) if kind == "xlsx" else word_file(rows)
    result = load_bytes(data, f"表.{kind}")
    assert result.document is not None
    (project,) = result.document.projects
    assert project.name == "乡村道路养护" and project.budget.total == Decimal(100)
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("养护里程", "≥100公里"), ("群众满意度", "≥90%")]
    shown = [project.name, *(t for i in project.indicators for t in (i.level1, i.level2, i.level3, i.target.raw))]
    assert not any(mark in text for text in shown for mark in INVISIBLE)
