"""Tracked changes (修订) in a Word form (forms44, FAILURES.md section CX): read as the changes accepted — the former
text (``w:del``/``w:delText``) not read, the new one (``w:ins``) read, a row deleted as a change (``w:trPr/w:del``)
left out — and told, one warning a table at its first change, since the reading rests on changes nobody accepted
yet. Each document is built in the test; each test but the last fails on 00aece31's ``src``, which read the
accepted text without a word and read a deleted row whose text was not itself marked deleted."""

from __future__ import annotations

import io

from docx import Document as WordDocument
from docx.document import Document as WordFile
from docx.oxml import parse_xml
from docx.table import Table

from perfbudget.load import load_bytes
from perfbudget.model import Severity

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STAMP = f'xmlns:w="{_W}" w:author="财务科" w:date="2024-02-01T09:00:00Z"'
_ROWS = [("产出指标", "数量指标", "改造学校数量", "5所"), ("产出指标", "质量指标", "验收合格率", "100%"),
         ("满意度指标", "服务对象满意度指标", "师生满意度", "≥90%")]


def _form() -> tuple[WordFile, Table]:
    word = WordDocument()
    word.add_paragraph("项目支出绩效目标表")
    table = word.add_table(rows=3 + len(_ROWS), cols=4)
    table.cell(0, 0).text = "项目名称"
    table.cell(0, 1).merge(table.cell(0, 3)).text = "学校改造"
    table.cell(1, 0).text = "年度资金总额（万元）"
    table.cell(1, 1).merge(table.cell(1, 3)).text = "16"
    for column, head in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        table.cell(2, column).text = head
    for number, row in enumerate(_ROWS, start=3):
        for column, text in enumerate(row):
            table.cell(number, column).text = text
    return word, table


def _read(word: WordFile) -> tuple[list[tuple[str, str]], list[str]]:
    out = io.BytesIO()
    word.save(out)
    loaded = load_bytes(out.getvalue(), "form.docx")
    assert loaded.document is not None, loaded.problems
    [project] = loaded.document.projects
    told = [p.message for p in loaded.problems if p.severity is Severity.WARNING and "修订" in p.message]
    return [(i.level3, i.target.raw) for i in project.indicators], told


def test_a_value_typed_over_with_track_changes_on_is_read_as_accepted_and_told() -> None:
    word, table = _form()
    paragraph = table.cell(3, 3)._tc.find(f"{{{_W}}}p")
    for run in paragraph.findall(f"{{{_W}}}r"):
        paragraph.remove(run)
    paragraph.append(parse_xml(f'<w:del {_STAMP} w:id="1"><w:r><w:delText>3所</w:delText></w:r></w:del>'))
    paragraph.append(parse_xml(f'<w:ins {_STAMP} w:id="2"><w:r><w:t>5所</w:t></w:r></w:ins>'))
    rows, told = _read(word)
    assert rows[0] == ("改造学校数量", "5所")
    assert len(told) == 1 and "第4行第4列" in told[0] and "按接受全部修订后的内容读取" in told[0]


def test_a_row_deleted_as_a_tracked_change_is_left_out_and_told() -> None:
    word, table = _form()
    table.rows[4]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {_STAMP} w:id="3"/>'))
    rows, told = _read(word)
    assert rows == [("改造学校数量", "5所"), ("师生满意度", "≥90%")]
    assert len(told) == 1 and "第5行（删除的行）" in told[0]


def test_a_row_inserted_as_a_tracked_change_is_read_and_told() -> None:
    word, table = _form()
    table.rows[5]._tr.get_or_add_trPr().append(parse_xml(f'<w:ins {_STAMP} w:id="4"/>'))
    rows, told = _read(word)
    assert rows == [(level3, value) for _l1, _l2, level3, value in _ROWS]
    assert len(told) == 1 and "第6行（插入的行）" in told[0]


def test_a_form_without_tracked_changes_tells_none() -> None:
    rows, told = _read(_form()[0])
    assert len(rows) == 3 and told == []


def _typed_over(table: Table, row: int, *changes: str) -> None:
    """The value cell of ``row`` holding only the given runs and changes (XML, ``{stamp}`` for the author's)."""
    paragraph = table.cell(row, 3)._tc.find(f"{{{_W}}}p")
    for run in paragraph.findall(f"{{{_W}}}r"):
        paragraph.remove(run)
    for change in changes:
        paragraph.append(parse_xml(change.format(stamp=_STAMP, w=f'xmlns:w="{_W}"')))


def test_deleted_breaks_and_tabs_are_not_read_either() -> None:
    """A line break and a tab deleted as tracked changes are no more read than deleted text (forms44 read
    ``≥95`` + a deleted break and tab + ``%`` as ``≥95\\n\\t%``)."""
    word, table = _form()
    _typed_over(table, 4, '<w:r {w}><w:t>≥95</w:t></w:r>',
                '<w:del {stamp} w:id="1"><w:r><w:br/><w:tab/><w:delText>（暂定）</w:delText><w:cr/></w:r></w:del>',
                '<w:r {w}><w:t>%</w:t></w:r>')
    _typed_over(table, 5, '<w:moveFrom {stamp} w:id="2"><w:r><w:tab/><w:t>≥85%</w:t></w:r></w:moveFrom>',
                '<w:moveTo {stamp} w:id="3"><w:r><w:t>≥90%</w:t></w:r></w:moveTo>')
    rows, told = _read(word)
    assert rows[1:] == [("验收合格率", "≥95%"), ("师生满意度", "≥90%")]
    assert len(told) == 1 and "第5行第4列" in told[0] and "第6行第4列" in told[0]


def test_a_deleted_paragraph_mark_an_inserted_cell_and_a_changed_title_are_told() -> None:
    """Changes without text of their own, or outside the table, are applied and told too (forms44 applied them
    without a word): a paragraph mark deleted (``5`` and ``所`` joined into ``5所``), a cell inserted (``w:cellIns``),
    a year typed into the title above the table."""
    word, table = _form()
    cell = table.cell(3, 3)
    _typed_over(table, 3, '<w:pPr {w}><w:rPr><w:del {stamp} w:id="5"/></w:rPr></w:pPr>', '<w:r {w}><w:t>5</w:t></w:r>')
    cell._tc.append(parse_xml(f'<w:p xmlns:w="{_W}"><w:r><w:t>所</w:t></w:r></w:p>'))
    table.cell(4, 2)._tc.get_or_add_tcPr().append(parse_xml(f'<w:cellIns {_STAMP} w:id="6"/>'))
    word.paragraphs[0]._p.append(parse_xml(f'<w:ins {_STAMP} w:id="7"><w:r><w:t>（2024年度）</w:t></w:r></w:ins>'))
    rows, told = _read(word)
    assert rows[0] == ("改造学校数量", "5所")
    assert len(told) == 2, told
    assert told[0].startswith("正文中有1处修订") and "第1段" in told[0]
    assert "第4行第4列" in told[1] and "第5行第3列（插入的单元格）" in told[1]


def test_a_change_in_a_nested_indicator_table_is_told_once() -> None:
    """A change inside an indicator table nested in a form's cell is told at the nested table's cell, not again at
    the outer cell holding it (forms44 named both)."""
    word = WordDocument()
    word.add_paragraph("项目支出绩效目标表")
    table = word.add_table(rows=3, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目名称", "学校改造"
    table.cell(1, 0).text, table.cell(1, 1).text = "年度资金总额（万元）", "16"
    table.cell(2, 0).text = "绩效指标"
    inner = table.cell(2, 1).add_table(rows=2, cols=4)
    for column, (head, value) in enumerate(zip(("一级指标", "二级指标", "三级指标", "指标值"), _ROWS[0], strict=True)):
        inner.cell(0, column).text = head
        inner.cell(1, column).text = value
    _typed_over(inner, 1, '<w:del {stamp} w:id="1"><w:r><w:delText>3所</w:delText></w:r></w:del>',
                '<w:ins {stamp} w:id="2"><w:r><w:t>5所</w:t></w:r></w:ins>')
    rows, told = _read(word)
    assert rows == [("改造学校数量", "5所")]
    assert len(told) == 1 and "第2行第4列" in told[0] and "第3行第2列" not in told[0], told


def test_a_deleted_row_is_left_out_whether_or_not_its_change_is_asked_for() -> None:
    """``docx.table_rows`` leaves a row deleted as a change out also when no list of changes is asked for (forms44
    left it out only then), and tells a deleted cell among the table's changes, in its one warning."""
    from perfbudget.readers.docx import table_rows

    word, table = _form()
    table.rows[4]._tr.get_or_add_trPr().append(parse_xml(f'<w:del {_STAMP} w:id="3"/>'))
    assert [row[2].text for row in table_rows(table._tbl, "form.docx", 1)[3:]] == ["改造学校数量", "师生满意度"]
    table.cell(5, 2)._tc.get_or_add_tcPr().append(parse_xml(f'<w:cellDel {_STAMP} w:id="8"/>'))
    _rows, told = _read(word)
    assert len(told) == 1 and "第5行（删除的行）、第6行第3列（删除的单元格）" in told[0] and "左移" in told[0]
