"""A Word cell's 批注 kept with its field (readers.word_comments): until reading30 the Word reader did not read
``word/comments.xml`` and a comment on a 指标值 or on the 预算数 was lost on import, while an Excel cell's was kept."""

from __future__ import annotations

import io

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.cell_comments import project_comments
from perfbudget.readers.word_comments import document_comments
from perfbudget.writers.target_table_export import render

TITLE = "2024年项目支出绩效目标表"
ROWS = [
    ["项目名称", "视频会议系统运维", "", ""],
    ["预算数（万元）", "12", "", ""],
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "视频会议保障数量", "≥20次"],
    ["满意度指标", "服务对象满意度指标", "参会人员满意度", "≥90%"],
]


def _word(comments: list[tuple[int, int, str, str]], outside: str = "") -> bytes:
    """The form as a .docx with each (row, column, author, text) a Word comment on that cell's text."""
    import docx

    document = docx.Document()
    title = document.add_paragraph(TITLE)
    table = document.add_table(rows=len(ROWS), cols=4)
    for r, cells in enumerate(ROWS):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    for r, c, author, text in comments:
        runs = table.cell(r, c).paragraphs[0].runs
        document.add_comment(runs, text=text, author=author)
    if outside:
        document.add_comment(title.runs, text=outside, author="王五")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_cells_comment_is_kept_with_its_field() -> None:
    data = _word([(3, 3, "张三", "含两次应急会议"), (1, 1, "李四", "待财政批复"), (3, 3, "赵六", "已核")],
                 outside="标题的批注")
    result = load_bytes(data, "批注.docx")
    assert result.document is not None
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    project = result.document.projects[0]
    assert ("批注·预算数", "李四：待财政批复") in project.extras
    assert project.indicators[0].extras == (("批注·指标值", "张三：含两次应急会议；赵六：已核"),)
    assert project.indicators[1].extras == ()
    assert project_comments(project)[0] == ("预算数", "李四：待财政批复", None)
    told = [p.message for p in result.problems if "批注" in p.message]
    assert told == ["表格外文字的批注「王五：标题的批注」不在表中任何一项上，未保存；如需保留，请把它写进表中"], told


def test_a_comment_on_a_cell_that_gave_no_field_is_told_at_the_cell() -> None:
    data = _word([(2, 0, "张三", "表头的批注")])  # the 一级指标 header cell gives no field
    result = load_bytes(data, "批注.docx")
    assert result.document is not None
    assert [p.message for p in result.problems if "批注" in p.message] == [
        "表1第3行第1列的批注「张三：表头的批注」不在表中任何一项上，未保存；如需保留，请把它写进表中"]


def test_word_comments_are_exported_and_read_back() -> None:
    data = _word([(3, 3, "张三", "含两次应急会议"), (1, 1, "李四", "待财政批复")])
    document = load_bytes(data, "批注.docx").document
    assert document is not None and len(project_comments(document.projects[0])) == 2
    for form in ("docx", "xlsx"):
        again = load_bytes(render(document, form), f"导出.{form}").document
        assert again is not None
        assert project_comments(again.projects[0]) == project_comments(document.projects[0]), form


def test_a_broken_or_hostile_comments_part_reads_as_none() -> None:
    import zipfile

    data = _word([(3, 3, "张三", "含两次应急会议")])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    laughs = ('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;">]>'
              '<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              '<w:comment w:id="0"><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:comment></w:comments>')
    with zipfile.ZipFile(out, "w") as z:
        for item in source.infolist():
            z.writestr(item, laughs if item.filename == "word/comments.xml" else source.read(item.filename))
    assert all("哈" not in text for text in document_comments(out.getvalue(), 1 << 20).values())
    assert document_comments(data, 10) == {}  # past the part limit: not read
    assert document_comments(b"not a zip", 1000) == {}
    result = load_bytes(out.getvalue(), "坏批注.docx")
    assert result.document is not None and result.document.projects[0].indicators[0].extras == ()
