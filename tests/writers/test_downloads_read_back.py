"""Every 绩效目标表 download read back by perfbudget's own readers gives the same model with no problem at all:
no error, no warning, no 提示 (print14). Before, the Word file read back with 「项目表分在几个表格中，接在上一个表格
之后按一个项目读取」 once per project (the writer draws each table as its head and its indicators, for the
header row to repeat on every page), and a table whose last column (绩效标准) is merged over the head's
wider grid read back from Word as no project at all (「三级指标「投入」缺少一级或二级指标」)."""

from __future__ import annotations

import io
from dataclasses import fields

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from perfbudget.writers.target_table_export import render
from tests.conftest import table_text

# A real form's shape (Fujian 2017, tests/fixtures/real/corpus/58_…): 指标值 then 绩效标准, the last column.
STANDARD_ROWS = [
    ["100001测试单位", "单位：万元"],
    ["项目名称", "测试项目-2024中央"],
    ["预算规模及资金用途", "预算数", "10.00", "其中：财政资金", "10.00", "其他资金", " "],
    ["", "用于测试"],
    ["绩效目标", "1.完成测试"],
    ["一级指标", "二级指标", "三级指标", "指标值", "绩效标准"],
    ["投入", "成本目标", "发放困难补助", "按实际情况发放", "100%"],
    ["", "", "开展技能培训", "100%", "按计划完成"],
    ["产出", "数量目标", "困难补助受益人数", "432人", "每月每人200元"],
    ["", "", "培训期数", "2期", ""],
]


def _model(document: Document) -> list[tuple[object, ...]]:
    """Each project's fields but where they were read (sources) and its own location."""
    skipped = {"source", "sources"}
    return [tuple(getattr(project, f.name) for f in fields(project) if f.name not in skipped)
            for project in document.projects]


def _read_back(data: bytes, name: str) -> Document:
    result = load_bytes(data, name)
    assert result.document is not None, [str(p) for p in result.problems]
    assert [str(p) for p in result.problems] == []  # no error, no warning, no 提示
    return result.document


@pytest.mark.parametrize("form", ["docx", "xlsx", "html"])
def test_the_seed_reads_back_from_its_download_with_no_note(seed_document: Document, form: str) -> None:
    back = _read_back(render(seed_document, form, original=True), f"目标表.{form}")
    assert _model(back) == _model(seed_document)


def test_the_word_download_titles_its_indicator_part_as_the_tables_continuation(seed_document: Document) -> None:
    """The file itself says the indicator table goes on from the head (w:tblCaption 续表, not printed), so
    the reader joins them without a guess; its rows keep their own place (表2 第N行)."""
    import docx
    from docx.oxml.ns import qn

    word = docx.Document(io.BytesIO(render(seed_document, "docx")))
    captions = [t._tbl.tblPr.find(qn("w:tblCaption")) for t in word.tables]
    assert [c is not None and c.get(qn("w:val")) for c in captions] == [False, "续表"] * len(seed_document.projects)
    back = load_bytes(render(seed_document, "docx"), "目标表.docx").document
    assert back is not None
    first = back.projects[0].indicators[0].source
    assert first is not None and first.table == 2  # the indicator part is Word's second table
    second = back.projects[1].source
    assert second is not None and second.table == 3


def test_a_table_whose_last_column_spans_the_grid_reads_back_from_word() -> None:
    from perfbudget.readers.text import read_text

    document, problems = read_text(table_text(*STANDARD_ROWS), "standard.txt")
    assert document is not None, problems
    assert len(document.projects[0].indicators) == 4
    for form in ("docx", "xlsx"):
        back = _read_back(render(document, form, original=True), f"standard.{form}")
        assert _model(back) == _model(document), form
        assert [i.extras for i in back.projects[0].indicators][:2] == [(("绩效标准", "100%"),),
                                                                      (("绩效标准", "按计划完成"),)]


def test_a_word_table_titled_continued_by_another_writer_but_after_a_heading_is_a_table_of_its_own() -> None:
    """Only a table straight after the one before (no heading between) is joined on its title."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from perfbudget.readers.docx import read_docx_tables

    word = docx.Document()
    for heading in ("1.甲项目绩效目标表", "2.乙项目绩效目标表"):
        word.add_paragraph(heading)
        table = word.add_table(rows=1, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", heading[2:5]
        caption = OxmlElement("w:tblCaption")
        caption.set(qn("w:val"), "续表")
        table._tbl.tblPr.append(caption)
    buffer = io.BytesIO()
    word.save(buffer)
    tables = read_docx_tables(buffer.getvalue(), "two.docx")
    assert [t.heading for t in tables] == ["1.甲项目绩效目标表", "2.乙项目绩效目标表"]


@pytest.mark.parametrize("form", ["docx", "html"])
def test_a_target_table_drawn_a_table_a_printed_page_reads_back_with_no_note(form: str) -> None:
    """print23: the Word and HTML 绩效目标表 draw a long table's indicators a table a printed page, each led by the
    header row again and a 一级/二级 label crossing a page drawn on each; read back, the parts are the one table, its
    labels once: the same model with no note."""
    from tests.writers.test_repeated_headers import long_target_document

    document = long_target_document()
    data = render(document, form, original=True)
    if form == "html":
        parts = data.count(b"<thead>")
    else:
        import docx

        parts = len(docx.Document(io.BytesIO(data)).tables) - 1  # (the head, then the indicators' parts)
    assert parts >= 2  # the 47 indicators take more than a page
    back = _read_back(data, f"目标表.{form}")
    assert _model(back) == _model(document)
