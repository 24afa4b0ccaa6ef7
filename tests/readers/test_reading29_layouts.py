"""File forms a person reads and the readers refused (reading29): a form laid out by CSS grid's named areas
(``grid-template-areas``) or named lines, and Word files whose ``altChunk`` is plain text or RTF. Each file is made
here (the page as text, the Word file by python-docx) and read by the real reader."""

from __future__ import annotations

from typing import Any

from perfbudget.load import load_bytes

_READ = [("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]


def _indicators(data: bytes, name: str) -> tuple[list[tuple[str, str]], Any]:
    result = load_bytes(data, name)
    assert result.document is not None, [p.message for p in result.problems]
    project = result.document.projects[0]
    return [(i.level3, i.target.raw) for i in project.indicators], result


def _page(style: str, cells: str) -> bytes:
    return ("<html><head><meta charset='utf-8'><style>" + style + "</style></head><body><h3>绩效目标表</h3>"
            + cells + "</body></html>").encode()


_AREAS = ('.form{display:grid;grid-template-columns:8em 1fr 1fr 6em;grid-template-areas:'
          '"nl nv nv nv" "ml mv mv mv" "h1 h2 h3 h4" ". . . ." "s1 s2 . ."}'
          ".nl{grid-area:nl}.nv{grid-area:nv}.ml{grid-area:ml}.mv{grid-area:mv}")


def test_a_css_grid_placed_by_named_areas_is_read_as_a_browser_places_it() -> None:
    """The name and budget cells placed by ``grid-area: <name>`` of ``grid-template-areas`` and written after the
    indicator cells; the 满意度 一级/二级 placed by areas of their own spanning two rows (``s1``, ``s2`` of the
    template given inline), the rest auto-placed around them. Main left the grid as text: 网页中没有找到绩效目标表."""
    cells = ("<div class=form style='grid-template-areas:\"nl nv nv nv\" \"ml mv mv mv\" \"h1 h2 h3 h4\" "
             "\". . . .\" \"s1 s2 . .\" \"s1 s2 . .\"'>"
             "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
             "<div>产出指标</div><div>数量指标</div><div>农村义务教育学校改造覆盖率</div><div>100%</div>"
             "<div style='grid-area:s1'>满意度指标</div><div style='grid-area:s2'>服务对象满意度指标</div>"
             "<div>学生家长满意度</div><div>≥90%</div><div>教师满意度</div><div>≥95%</div>"
             "<div class=nv>农村义务教育薄弱学校改造补助资金</div><div class=nl>项目名称</div>"
             "<div class=ml>年度资金总额（万元）</div><div class=mv>16</div></div>")
    indicators, result = _indicators(_page(_AREAS, cells), "areas.html")
    assert indicators == [*_READ, ("教师满意度", "≥95%")] and not result.errors
    project = result.document.projects[0]
    assert project.name == "农村义务教育薄弱学校改造补助资金" and project.budget.total == 16
    assert [(i.level1, i.level2) for i in project.indicators][1:] == [("满意度指标", "服务对象满意度指标")] * 2


def test_a_css_grid_placed_by_named_lines_and_the_template_shorthand_is_read() -> None:
    """Columns named by ``[label-start] … [value-start] … [value-end]`` (one name twice, ``value 2`` its second
    line) and rows by the ``grid-template`` shorthand's line names and strings."""
    style = (".form{display:grid;grid-template:[top] \"a a a a\" auto [money] \"b b b b\" auto / [label-start] 8em "
             "[label-end value-start level2 value] 1fr [value] 1fr [target] 6em [value-end]}")
    cells = ("<div class=form><div style='grid-row:money;grid-column:value-start / value-end'>16</div>"
             "<div style='grid-row:top;grid-column:value / value-end'>农村义务教育薄弱学校改造补助资金</div>"
             "<div style='grid-row:top;grid-column:label'>项目名称</div>"
             "<div style='grid-row:money;grid-column:label-start'>年度资金总额（万元）</div>"
             "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
             "<div>产出指标</div><div style='grid-column:level2'>数量指标</div>"
             "<div style='grid-column:value 2'>农村义务教育学校改造覆盖率</div>"
             "<div style='grid-column:target'>100%</div>"
             "<div>满意度指标</div><div>服务对象满意度指标</div><div>学生家长满意度</div><div>≥90%</div></div>")
    indicators, result = _indicators(_page(style, cells), "lines.html")
    assert indicators == _READ and not result.errors
    assert result.document.projects[0].budget.total == 16


def test_a_css_grid_placed_by_a_name_it_does_not_give_is_left_as_text() -> None:
    """A name no line or area of the grid carries (a browser would add lines past the grid) and areas that are no
    rectangle (a browser drops the template): no table is guessed, the page refused as before."""
    form = ("<div>项目名称</div><div>农村义务教育薄弱学校改造补助资金</div>"
            "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
            "<div>产出指标</div><div>数量指标</div><div>农村义务教育学校改造覆盖率</div><div>100%</div>")
    unknown = _page(".form{display:grid;grid-template-columns:repeat(4,1fr)}",
                    f"<div class=form><div style='grid-area:nowhere'>x</div>{form}</div>")
    not_rectangle = _page(".form{display:grid;grid-template-areas:\"a a b\" \"a b b\"}",
                          f"<div class=form><div style='grid-area:a'>x</div>{form}</div>")
    for page in (unknown, not_rectangle):
        refused = load_bytes(page, "grid.html")
        assert refused.document is None and ["没有找到绩效目标表" in p.message for p in refused.problems] == [True]


_ROWS = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", ""],
         ["年度资金总额（万元）", "16", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
         ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"]]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _alt_chunks(parts: list[tuple[bytes, str]], table: list[list[str]] | None = None, references: int = 1) -> bytes:
    """A Word file whose body is ``w:altChunk`` elements (the Open XML SDK's AddAlternativeFormatImportPart), then
    ``table`` as a Word table when given."""
    import io

    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    document = docx.Document()
    if table:
        word_table = document.add_table(rows=len(table), cols=len(table[0]))
        for r, cells in enumerate(table):
            for c, text in enumerate(cells):
                word_table.cell(r, c).text = text
    for n, (content, content_type) in reversed(list(enumerate(parts))):
        part = Part(PackURI(f"/word/afchunk{n}.dat"), content_type, content, document.part.package)
        rid = document.part.relate_to(part, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                                            "aFChunk")
        for _ in range(references):
            chunk = etree.Element(f"{_W}altChunk")
            chunk.set("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id", rid)
            document.element.body.insert(0, chunk)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_plain_text_alt_chunk_holding_a_table_is_read_as_its_text_layout() -> None:
    """A chunk typed ``text/plain`` whose lines are pipe rows (a system's export of the form as text, in GB18030):
    read as the same text in a .txt file is. Main: Word 中有以「text/plain」格式嵌入的内容…无法读取."""
    text = "绩效目标表\r\n" + "".join("| " + " | ".join(cell or " " for cell in row) + " |\r\n" for row in _ROWS)
    indicators, result = _indicators(_alt_chunks([(text.encode("gb18030"), "text/plain")]), "t.docx")
    assert indicators == _READ and not result.errors
    assert result.document.projects[0].name == "农村义务教育薄弱学校改造补助资金"


def test_a_plain_text_alt_chunk_of_label_lines_is_read_as_paragraphs_above_the_table() -> None:
    """A text chunk that is no table (项目名称：… / 年度资金总额：… over two lines, a tab in the second) stands as
    paragraphs above the Word table of indicators, as Word shows it: the project is named by it."""
    label_lines = "项目名称：农村义务教育薄弱学校改造补助资金\n年度资金总额（万元）：\t16\n".encode("utf-8-sig")
    indicators, result = _indicators(_alt_chunks([(label_lines, "text/plain")], table=_ROWS[2:]), "t.docx")
    assert indicators == _READ
    project = result.document.projects[0]
    assert project.name == "农村义务教育薄弱学校改造补助资金" and project.budget.total == 16


def _rtf(rows: list[list[str]]) -> bytes:
    """An RTF table as Word writes one (``\\trowd``, ``\\cellx``, ``\\intbl`` … ``\\cell``, ``\\row``), the Chinese
    as ``\\u`` escapes."""
    def escaped(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c) if ord(c) < 32768 else ord(c) - 65536}?" for c in text)

    body = "".join("\\trowd\\trgaph108" + "".join(f"\\cellx{2400 * (n + 1)}" for n in range(len(row)))
                   + "".join(f"\\pard\\intbl {escaped(cell)}\\cell" for cell in row) + "\\row\n" for row in rows)
    return ("{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0 SimSun;}}\\uc1\n\\pard "
            + escaped("绩效目标表") + "\\par\n" + body + "\\pard\\par}").encode("ascii")


def test_an_rtf_alt_chunk_is_converted_and_read_as_a_word_chunk() -> None:
    """A chunk typed ``application/rtf`` holding the form as an RTF table: converted by LibreOffice as an RTF file
    is, read as a Word chunk. Main: Word 中有以「application/rtf」格式嵌入的内容…无法读取. A chunk typed RTF that is
    none stays an error, nothing read."""
    indicators, result = _indicators(_alt_chunks([(_rtf(_ROWS), "application/rtf")]), "t.docx")
    assert indicators == _READ and not result.errors
    assert result.document.projects[0].budget.total == 16
    refused = load_bytes(_alt_chunks([(b"<p>not rtf</p>", "text/rtf")]), "t.docx")
    assert refused.document is None and ["不是 RTF" in p.message for p in refused.problems] == [True]


def test_rtf_alt_chunks_are_converted_once_a_part_and_bounded(monkeypatch: Any) -> None:
    """An RTF part referenced by three altChunk elements is converted once (LibreOffice takes seconds) and read at
    each; more RTF parts than the bound (5; 1 here) refuse the file before the next conversion starts."""
    import perfbudget.readers.docx as word

    calls: list[int] = []
    real = word.rtf_chunk_word

    def counted(blob: bytes, file: str, limits: Any) -> bytes:
        calls.append(len(blob))
        return real(blob, file, limits)

    monkeypatch.setattr(word, "rtf_chunk_word", counted)
    result = load_bytes(_alt_chunks([(_rtf(_ROWS), "application/rtf")], references=3), "t.docx")
    assert result.document is not None and len(calls) == 1 and len(result.document.projects) == 3
    monkeypatch.setattr(word, "_MOST_CONVERSIONS", 1)
    refused = load_bytes(_alt_chunks([(_rtf(_ROWS), "application/rtf"), (_rtf(_ROWS[:3]), "text/rtf")]), "t.docx")
    assert refused.document is None and ["超过 1 个的上限" in p.message for p in refused.problems] == [True]
    assert len(calls) == 2
