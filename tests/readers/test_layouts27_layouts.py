"""File forms a person reads and the readers did not (layouts27): a Word file made of another Word file or a web
archive as an ``altChunk`` (documents merged by the Open XML SDK), an Excel workbook saved as one web archive (a
frameset page and a part per sheet), a sheet exported as HTML named .xls whose table stands after a long style
block, or saved as UTF-16. Each file is made by the real library (python-docx, the standard library's MIME and
quoted-printable) and read by the real reader."""

from __future__ import annotations

import io
import quopri
from typing import Any

from perfbudget.load import load_bytes
from perfbudget.readers.sniff import sniff

_ROWS = [["项目名称", "农村义务教育薄弱学校改造补助资金", "", ""],
         ["年度资金总额（万元）", "16", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
         ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"]]
_READ = [("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SDK_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _word(rows: list[list[str]] = _ROWS) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("绩效目标表")
    table = document.add_table(rows=len(rows), cols=4)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page(charset: str = "utf-8") -> str:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in _ROWS)
    return (f"<html><head><meta http-equiv=Content-Type content='text/html; charset={charset}'></head>"
            f"<body><p>绩效目标表</p><table border=1>{cells}</table></body></html>")


def _alt_chunks(parts: list[tuple[bytes, str]], references: int = 1) -> bytes:
    """A Word file whose body is ``w:altChunk`` elements, each part referenced ``references`` times (the Open XML
    SDK's AddAlternativeFormatImportPart: the part holds a whole file)."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from lxml import etree

    document = docx.Document()
    for n, (content, content_type) in enumerate(parts):
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


def _web_archive(pages: list[tuple[str, str]]) -> bytes:
    """A web archive (.mht) of ``(location, page)`` parts, quoted-printable in GB2312 as Excel and Word write it."""
    parts = "".join(f"------=_NextPart_01\r\nContent-Location: file:///C:/{location}\r\n"
                    "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
                    + quopri.encodestring(page.encode("gb18030")).decode("ascii") + "\r\n"
                    for location, page in pages)
    return ("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; "
            "boundary=\"----=_NextPart_01\"\r\n\r\n" + parts + "------=_NextPart_01--\r\n").encode("ascii")


def _indicators(data: bytes, name: str) -> tuple[list[tuple[str, str]], Any]:
    result = load_bytes(data, name)
    assert result.document is not None, [p.message for p in result.problems]
    project = result.document.projects[0]
    return [(i.level3, i.target.raw) for i in project.indicators], result


def test_a_word_file_merged_in_as_an_alt_chunk_is_read() -> None:
    """Main refused the whole file, Word 文件已损坏（XMLSyntaxError）: python-docx parsed the chunk (typed as a main
    document part, holding a .docx package) as XML."""
    indicators, result = _indicators(_alt_chunks([(_word(), _SDK_WORD)]), "merged.docx")
    assert indicators == _READ and not result.errors
    package_typed = _alt_chunks([(_word(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")])
    assert _indicators(package_typed, "merged.docx")[0] == _READ


def test_a_web_archive_as_an_alt_chunk_is_read() -> None:
    """Main: Word 中有以「message/rfc822」格式嵌入的内容…无法读取."""
    chunk = _web_archive([("form.htm", _page("gb2312"))])
    for kind in ("message/rfc822", "application/x-mimearchive"):
        assert _indicators(_alt_chunks([(chunk, kind)]), "t.docx")[0] == _READ


def test_word_alt_chunks_are_bounded(monkeypatch: Any) -> None:
    """A Word chunk that is no zip, a zip bomb inside a chunk, chunks nested three deep and one part referenced
    more times than the bound (500, some 2 s of tiny pages; 3 here): each an error, nothing read."""
    not_a_file = load_bytes(_alt_chunks([(b"<w:document/>", _SDK_WORD)]), "t.docx")
    assert not_a_file.document is None
    assert ["不是完整的 Word 文件" in p.message for p in not_a_file.problems] == [True]
    import zipfile

    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:p/>" * 3_000_000)
    refused = load_bytes(_alt_chunks([(bomb.getvalue(), _SDK_WORD)]), "t.docx")
    assert refused.document is None and ["压缩炸弹" in p.message for p in refused.problems] == [True]
    nested = _alt_chunks([(_alt_chunks([(_alt_chunks([(_word(), _SDK_WORD)]), _SDK_WORD)]), _SDK_WORD)])
    deep = load_bytes(nested, "t.docx")
    assert deep.document is None and ["嵌套超过 2 层" in p.message for p in deep.problems] == [True]
    assert _indicators(_alt_chunks([(_alt_chunks([(_word(), _SDK_WORD)]), _SDK_WORD)]), "t.docx")[0] == _READ
    monkeypatch.setattr("perfbudget.readers.docx._MOST_CHUNKS", 3)
    many = load_bytes(_alt_chunks([(b"<p>x</p>", "text/html")], references=4), "t.docx")
    assert many.document is None and ["超过 3 处的上限" in p.message for p in many.problems] == [True]


def test_an_excel_workbook_saved_as_one_web_archive_reads_its_sheets() -> None:
    """Excel's 单个文件网页 of a workbook: the first page is a frameset showing sheet001.htm and the tab strip, each
    a part of its own. Main read only the frameset: 网页中没有找到绩效目标表."""
    frameset = ("<html><head><meta name=Excel-Workbook-Frameset></head><frameset rows='*,39'>"
                "<frame src='book.files/sheet001.htm' name=frSheet><frame src='book.files/tabstrip.htm' name=frTabs>"
                "</frameset></html>")
    tabs = ("<html><body><table><tr><td><a href=sheet001.htm target=frSheet>绩效目标表</a></td></tr></table>"
            "</body></html>")
    data = _web_archive([("book.htm", frameset), ("book.files/sheet001.htm", _page("gb2312")),
                         ("book.files/tabstrip.htm", tabs)])
    assert sniff(data, "book.mht") == "html"
    indicators, result = _indicators(data, "book.mht")
    assert indicators == _READ and not result.errors
    # a page that is no frameset is read alone, as before (a browser's archive of a page and its frames' pages)
    alone = _web_archive([("page.htm", _page("gb2312")), ("ad.htm", _page("gb2312").replace("薄弱", "其他"))])
    assert [p.name for p in load_bytes(alone, "page.mht").document.projects] == ["农村义务教育薄弱学校改造补助资金"]


def test_a_sheet_exported_as_html_named_xls_is_read_after_a_long_style_block() -> None:
    """A system's 'Excel' export: HTML without ``<html>``, its ``<table`` after 4 KiB of cell styles. Main sniffed it
    as text and refused it (没有找到可识别的绩效目标表)."""
    style = "<style>" + "".join(f".xl{n}{{mso-style-parent:style0;border:.5pt solid windowtext;}}"
                                for n in range(60, 160)) + "</style>"
    page = "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>" + style + _page("gb2312")[
        _page().index("<body>"):]
    data = page.encode("gb18030")
    assert data.index(b"<table") > 4096 and sniff(data, "export.xls") == "html"
    assert _indicators(data, "export.xls")[0] == _READ


def test_a_web_page_saved_as_utf16_is_read() -> None:
    """Excel's 'Unicode' web page (UTF-16 with its byte-order mark). Main sniffed it as text and refused it."""
    data = _page().encode("utf-16")
    assert sniff(data, "t.xls") == "html"
    assert _indicators(data, "t.xls")[0] == _READ


def _grid_page(cells: str, style: str = "") -> bytes:
    return ("<html><head><meta charset='utf-8'><style>.form{display:grid;grid-template-columns:[a] 8em repeat(2, "
            "minmax(0, 1fr)) 6em}.wide{grid-column:span 3}.down2{grid-row:span 2}" + style + "</style></head>"
            "<body><h3>绩效目标表</h3>" + cells + "</body></html>").encode()


def test_a_table_laid_out_with_css_grid_is_read_as_a_browser_places_it() -> None:
    """A page whose form is a ``display:grid`` of divs: the name spans three columns (by class), the 满意度 一级 two
    rows, the rest placed one after the other in four columns. Main: 网页中没有找到绩效目标表."""
    cells = ("<div class=form><div>项目名称</div><div class=wide>农村义务教育薄弱学校改造补助资金</div>"
             "<div>年度资金总额（万元）</div><div class=wide>16</div>"
             "<div>一级指标</div><div>二级指标</div><div>三级指标</div><div>指标值</div>"
             "<div>产出指标</div><div>数量指标</div><div>农村义务教育学校改造覆盖率</div><div>100%</div>"
             "<div class=down2>满意度指标</div><div class=down2>服务对象满意度指标</div><div>学生家长满意度</div>"
             "<div>≥90%</div><div>教师满意度</div><div>≥95%</div></div>")
    indicators, result = _indicators(_grid_page(cells), "grid.html")
    assert indicators == [*_READ, ("教师满意度", "≥95%")] and not result.errors
    assert result.document.projects[0].budget.total == 16
    cell = result.document.projects[0].indicators[2].source
    assert (cell.row, cell.column) == (6, 3)  # the grid's row and column, as a browser shows it


def test_a_css_grid_placed_by_lines_with_row_wrappers_is_read() -> None:
    """Rows as ``display:contents`` wrappers, cells placed by ``grid-area`` and ``grid-column: a / b`` (written in
    another order than shown)."""
    row = "<div style='display:contents'>"
    cells = ("<div style='display:grid;grid-template-columns:repeat(4,1fr)'>"
             f"{row}<span style='grid-area:1/2/2/5'>农村义务教育薄弱学校改造补助资金</span>"
             "<span style='grid-area:1/1'>项目名称</span></div>"
             f"{row}<span>年度资金总额（万元）</span><span style='grid-column:2 / 5'>16</span></div>"
             f"{row}<span>一级指标</span><span>二级指标</span><span>三级指标</span><span>指标值</span></div>"
             f"{row}<span>产出指标</span><span>数量指标</span><span>农村义务教育学校改造覆盖率</span><span>100%</span></div>"
             f"{row}<span>满意度指标</span><span>服务对象满意度指标</span><span>学生家长满意度</span><span>≥90%</span></div>"
             "</div>")
    assert _indicators(_grid_page(cells), "grid.html")[0] == _READ


def test_a_css_grid_that_lays_out_no_table_is_left_as_text() -> None:
    """A page layout of two columns (one row) and a grid whose columns the browser decides (``auto-fill``) make no
    table: the page is refused as before, not read from a guessed grid."""
    layout = ("<div style='display:grid;grid-template-columns:1fr 3fr'><nav>项目名称</nav><main>三级指标</main></div>"
              "<div style='display:grid;grid-template-columns:repeat(auto-fill,minmax(8em,1fr))'>"
              + "".join(f"<div>{c}</div>" for row in _ROWS for c in row) + "</div>")
    refused = load_bytes(_grid_page(layout), "grid.html")
    assert refused.document is None and ["没有找到绩效目标表" in p.message for p in refused.problems] == [True]


def test_a_css_grid_past_its_bounds_is_left_as_it_is() -> None:
    """A line past 1,000, and a grid of more positions than ``max_cells`` (its empty ones too): no table is made of
    it, the page refused as a page without a form, in the time such a page costs."""
    from perfbudget.config import Limits

    form = "".join(f"<div>{c}</div>" for row in _ROWS for c in row)
    far = f"<div class=form>{form}<div style='grid-row:5000'>x</div></div>"
    assert load_bytes(_grid_page(far), "grid.html").document is None
    assert load_bytes(_grid_page(f"<div class=form>{form}</div>"), "grid.html").document is not None
    small = load_bytes(_grid_page(f"<div class=form>{form}</div>"), "grid.html", limits=Limits(max_cells=19))
    assert small.document is None and ["没有找到绩效目标表" in p.message for p in small.problems] == [True]


def test_a_sheet_laid_out_turned_is_read_with_its_rows_and_columns_exchanged() -> None:
    """The form turned a quarter: the labels across the first row (项目名称 | 年度资金总额 | 一级指标 …), the indicator
    header down a column, each indicator a column. Main: 表格不完整：没有找到指标表头行."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for r, row in enumerate(_ROWS, 1):
        for c, text in enumerate(row, 1):
            if text:
                sheet.cell(c + 1, r + 1, text)  # turned, below a blank first row and right of a blank column
    buffer = io.BytesIO()
    book.save(buffer)
    indicators, result = _indicators(buffer.getvalue(), "turned.xlsx")
    assert indicators == _READ and not result.errors
    assert result.document.projects[0].budget.total == 16
    source = result.document.projects[0].indicators[1].source
    assert (source.row, source.column) == (2, 6)  # its first cell (满意度指标) where the sheet has it: F2
    assert any("行列互换" in p.message and p.severity.name == "INFO" for p in result.problems)
