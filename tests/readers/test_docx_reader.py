"""Word tables typed by hand (python-docx) in the seed's original layout read as the seed reads."""

from __future__ import annotations

import io
from typing import Any

import docx
import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Budget, Document, Project


def _set(cell: Any, *paragraphs: str) -> None:
    cell.text = paragraphs[0]
    for text in paragraphs[1:]:
        cell.add_paragraph(text)


def _seed_layout_table(word: Any, document: Document, project: Project, goals: list[str],
                       fiscal: str, other: str) -> None:
    """The published layout: 7 grid columns, merged header cells, 一级/二级 merged down."""
    word.add_paragraph(f"{project.seq}.{project.title}")
    rows = 6 + len(project.indicators)
    table = word.add_table(rows=rows, cols=7)
    table.style = "Table Grid"
    c = table.cell
    _set(c(0, 0).merge(c(0, 4)), f"{document.unit.code}{document.unit.name}")
    _set(c(0, 5).merge(c(0, 6)), "单位：万元")
    _set(c(1, 0), "项目名称")
    _set(c(1, 1).merge(c(1, 6)), project.name_cell or "")
    _set(c(2, 0).merge(c(3, 0)), "预算规模及资金用途")
    money = ["预算数", str(project.budget.total), "其中：财政    资金", fiscal, "其他资金", other]
    for col, text in enumerate(money, 1):
        _set(c(2, col), text)
    _set(c(3, 1).merge(c(3, 6)), project.purpose or "")
    _set(c(4, 0), "绩效目标")
    _set(c(4, 1).merge(c(4, 6)), *goals)
    for col, text in ((0, "一级指标"), (1, "二级指标"), (2, "三级指标")):
        _set(c(5, col), text)
    _set(c(5, 3).merge(c(5, 4)), "绩效指标描述")
    _set(c(5, 5).merge(c(5, 6)), "指标值")
    first = 6
    indicators = project.indicators
    start1 = start2 = 0
    for index, indicator in enumerate((*indicators, None)):  # type: ignore[operator]
        end = index == len(indicators)
        if end or indicator.level1 != indicators[start1].level1:
            _set(c(first + start1, 0).merge(c(first + index - 1, 0)), indicators[start1].level1)
            start1 = index
        if end or (indicator.level1, indicator.level2) != (indicators[start2].level1, indicators[start2].level2):
            _set(c(first + start2, 1).merge(c(first + index - 1, 1)), indicators[start2].level2)
            start2 = index
        if end:
            break
        row = first + index
        _set(c(row, 2), indicator.level3)
        _set(c(row, 3).merge(c(row, 4)), indicator.description or "")
        _set(c(row, 5).merge(c(row, 6)), indicator.target.raw)


def _bytes(word: Any) -> bytes:
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def test_hand_typed_word_tables_read_like_the_seed(seed_document: Document) -> None:
    word = docx.Document()
    word.add_paragraph("天津市和平区人民检察院项目支出绩效目标表")
    five, eight = seed_document.projects[4], seed_document.projects[7]
    _seed_layout_table(word, seed_document, five, [f"{n}.{g}" for n, g in enumerate(five.goals, 1)],
                       fiscal="60.00", other=" ")
    _seed_layout_table(word, seed_document, eight, ["1." + eight.goals[0]], fiscal="", other="11.30")
    result = load_bytes(_bytes(word), "hand.docx")
    assert result.form == "docx"
    assert result.ok, result.problems
    document = result.document
    assert document is not None
    assert document.unit == seed_document.unit and document.money_unit == "万元"
    assert document.projects == (five, eight)  # model equality, field by field
    assert document.projects[0].goals == five.goals and len(five.goals) == 2  # two paragraphs in one cell
    assert document.projects[1].budget == Budget(total=eight.budget.total, fiscal=None, other=eight.budget.other)
    # every value knows its table, row and column
    indicator = document.projects[1].indicators[2]
    assert indicator.source is not None and (indicator.source.table, indicator.source.row) == (2, 9)
    assert indicator.sources["target"].column == 6
    assert str(indicator.sources["target"]).endswith("表2 第9行 第6列")


def test_several_projects_in_one_word_table_are_split(seed_document: Document) -> None:
    """Some units put every project in one long table: each 项目名称 block starts a project."""
    word = docx.Document()
    rows = [["项目名称", "甲项目-2024市级"], ["预算数", "5"], ["绩效目标", "1.甲"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "甲数量", "1个"],
            ["项目名称", "乙项目-2024市级"], ["预算数", "6"], ["绩效目标", "1.乙"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["满意度指标", "服务对象满意度指标", "乙满意度", "≥90%"]]
    table = word.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    result = load_bytes(_bytes(word), "one.docx")
    assert result.ok, result.problems
    assert result.document is not None
    assert [(p.name, p.budget.total, p.indicators[0].level3) for p in result.document.projects] == [
        ("甲项目", 5, "甲数量"), ("乙项目", 6, "乙满意度")]


@pytest.mark.parametrize("name", ["table.txt", "table"])
def test_docx_is_known_by_its_content_not_its_name(seed_document: Document, name: str) -> None:
    from perfbudget.writers.target_table_docx import target_table_docx

    result = load_bytes(target_table_docx(seed_document), name)
    assert result.form == "docx" and result.document == seed_document
