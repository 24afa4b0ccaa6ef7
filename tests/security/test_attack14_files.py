"""Found by attack14 (2026-12-04); each test failed before its fix.

A docx or xlsx within every limit could still hold millions of XML elements that python-docx or openpyxl build
before any count stops them: 30 MB of empty paragraphs cost 26 s of CPU and 760 MB, 30 MB of shared strings
20 s, of cell styles 23 s and 1.2 GB. A stored (not deflated) part, or a sheet kept outside ``xl/worksheets/``,
was parsed whole before its cells were counted."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

from perfbudget.config import Limits
from perfbudget.evaluate.sheet import read_sheet_bytes
from perfbudget.load import load_bytes
from perfbudget.readers.container import xml_elements
from tests.readers import hostile_files as hostile

_SHEET_CT = b"application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx(body: bytes) -> bytes:
    document = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + hostile._W
                + b"><w:body>" + body + b"</w:body></w:document>")
    return _zip({"[Content_Types].xml": hostile._CONTENT_TYPES_DOCX, "_rels/.rels": hostile._RELS_DOCX,
                 "word/document.xml": document})


def _xlsx(rows: bytes, extra: dict[str, tuple[str, bytes, bytes]] | None = None,
          sheet_path: str = "worksheets/sheet1.xml") -> bytes:
    """An xlsx of one sheet (at ``xl/<sheet_path>``) holding ``rows``; ``extra``: part name → (relationship type,
    content type, bytes) of further workbook parts (shared strings, styles)."""
    types = hostile._CONTENT_TYPES_XLSX.replace(b"/xl/worksheets/sheet1.xml", b"/xl/" + sheet_path.encode())
    rels = hostile._WORKBOOK_RELS.replace(b"worksheets/sheet1.xml", sheet_path.encode())
    members = {"_rels/.rels": hostile._RELS_XLSX, "xl/workbook.xml": hostile._WORKBOOK}
    for number, (name, (kind, content_type, data)) in enumerate((extra or {}).items(), 2):
        types = types.replace(b"</Types>", b'<Override PartName="/xl/' + name.encode() + b'" ContentType="'
                              + _SHEET_CT + b"." + content_type + b'+xml"/></Types>')
        rels = rels.replace(b"</Relationships>", b'<Relationship Id="rId%d" Type="' % number + _REL + b"/"
                            + kind.encode() + b'" Target="' + name.encode() + b'"/></Relationships>')
        members["xl/" + name] = data
    members.update({"[Content_Types].xml": types, "xl/_rels/workbook.xml.rels": rels,
                    "xl/" + sheet_path: b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet '
                    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + rows
                    + b"</sheetData></worksheet>"})
    return _zip(members)


def _never_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refusals must come before python-docx or openpyxl builds anything."""
    import docx
    import openpyxl

    def parse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("parsed before the counts refused it")

    monkeypatch.setattr(docx, "Document", parse)
    monkeypatch.setattr(openpyxl, "load_workbook", parse)


def _error(data: bytes, name: str, limits: Limits) -> str:
    result = load_bytes(data, name, limits=limits)
    assert result.document is None
    return result.errors[0].message


def test_a_docx_of_too_many_xml_elements_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _docx(b"<w:p/>" * 2_000)
    _never_parsed(monkeypatch)
    message = _error(data, "p.docx", Limits(max_xml_elements=1_000))
    assert message == ("Word 文件含 2008 个 XML 元素，超过 1000 个的上限（环境变量 PERFBUDGET_MAX_XML_ELEMENTS）；"
                       "未读取"), message


def test_a_docx_of_more_paragraphs_than_rows_is_refused() -> None:
    message = _error(_docx(b"<w:p/>" * 51), "p.docx", Limits(max_rows=50))
    assert message == "Word 文件的正文超过 50 段的上限（环境变量 PERFBUDGET_MAX_ROWS）；未读取", message


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_the_cells_of_a_stored_docx_are_counted_before_parsing(monkeypatch: pytest.MonkeyPatch, method: int) -> None:
    document = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + hostile._W + b"><w:body>"
                + b"<w:tbl><w:tr>" + b"<w:tc><w:p/></w:tc>" * 11 + b"</w:tr></w:tbl></w:body></w:document>")
    data = _zip({"[Content_Types].xml": hostile._CONTENT_TYPES_DOCX, "_rels/.rels": hostile._RELS_DOCX,
                 "word/document.xml": document}, method)
    _never_parsed(monkeypatch)
    message = _error(data, "t.docx", Limits(max_cells=10))
    assert message == "Word 文件超过 10 个单元格的上限（环境变量 PERFBUDGET_MAX_CELLS）；未读取", message


@pytest.mark.parametrize("sheet_path", ["worksheets/sheet1.xml", "data/cells.xml"])
def test_the_cells_of_a_stored_sheet_anywhere_are_counted_before_parsing(monkeypatch: pytest.MonkeyPatch,
                                                                         sheet_path: str) -> None:
    row = b'<row r="1">' + b"".join(b'<c r="%s1"><v>1</v></c>' % column for column in (b"A", b"B", b"C")) + b"</row>"
    data = _xlsx(row * 4, sheet_path=sheet_path)
    _never_parsed(monkeypatch)
    message = _error(data, "c.xlsx", Limits(max_cells=10))
    assert message == "Excel 文件超过 10 个单元格的上限（环境变量 PERFBUDGET_MAX_CELLS）；未读取", message


def test_a_workbook_of_more_shared_strings_than_cells_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    strings = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/'
               b'spreadsheetml/2006/main">' + b"<si><t>a</t></si>" * 11 + b"</sst>")
    data = _xlsx(b'<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                 {"sharedStrings.xml": ("sharedStrings", b"sharedStrings", strings)})
    _never_parsed(monkeypatch)
    message = _error(data, "s.xlsx", Limits(max_cells=10))
    assert message == ("Excel 文件的共享字符串表含 11 个字符串，超过 10 个的上限（环境变量 PERFBUDGET_MAX_CELLS）；"
                       "未读取"), message


def _styled_workbook(formats: int) -> bytes:
    styles = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.'
              b'openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>'
              b'<cellXfs count="%d">' % formats + b'<xf numFmtId="0" fontId="0"/>' * formats
              + b"</cellXfs></styleSheet>")
    return _xlsx(b'<row r="1"><c r="A1"><v>1</v></c></row>', {"styles.xml": ("styles", b"styles", styles)})


def test_a_workbook_of_too_many_style_records_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    data = _styled_workbook(10)
    _never_parsed(monkeypatch)
    message = _error(data, "st.xlsx", Limits(max_xlsx_styles=10))
    assert message == ("Excel 文件含 11 个样式记录，超过 10 个的上限（环境变量 PERFBUDGET_MAX_XLSX_STYLES）；"
                       "未读取"), message


def test_the_fill_in_sheet_is_bounded_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    _never_parsed(monkeypatch)
    rows, problems = read_sheet_bytes(_styled_workbook(10), "fill.xlsx", limits=Limits(max_xlsx_styles=10))
    assert rows == []
    assert [p.message for p in problems] == [
        "xlsx 文件含 11 个样式记录，超过 10 个的上限（环境变量 PERFBUDGET_MAX_XLSX_STYLES）；未读取"]
    rows, problems = read_sheet_bytes(_styled_workbook(10), "fill.xlsx", limits=Limits(max_xml_elements=15))
    assert [p.message for p in problems] == [
        "xlsx 文件含 34 个 XML 元素，超过 15 个的上限（环境变量 PERFBUDGET_MAX_XML_ELEMENTS）；未读取"]


def test_within_the_bounds_a_styled_workbook_is_read_as_before() -> None:
    result = load_bytes(_styled_workbook(10), "st.xlsx", limits=Limits(max_xlsx_styles=11))
    assert result.errors[0].message == "Excel 文件中没有内容，没有找到绩效目标表"  # openpyxl read it: no table


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_xml_elements_are_the_elements_lxml_builds_across_steps(method: int) -> None:
    from lxml import etree

    # comments, a processing instruction, CDATA and end tags are no elements; 1 MiB steps split some markup
    # (a ``<`` inside a comment or CDATA would count as one more: an upper bound)
    body = b"<w:p><!-- c --><?pi x?><w:r><w:t><![CDATA[x]]></w:t></w:r></w:p>" * 40_000
    document = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + hostile._W
                + b"><w:body>" + body + b"</w:body></w:document>")
    assert len(document) > 2 * 1024 * 1024
    built = sum(1 for node in etree.fromstring(document).iter() if isinstance(node.tag, str))
    assert xml_elements(_zip({"word/document.xml": document}, method)) == built == 120_002


def test_the_limits_are_read_from_the_environment() -> None:
    limits = Limits.from_env({"PERFBUDGET_MAX_XML_ELEMENTS": "5", "PERFBUDGET_MAX_XLSX_STYLES": "7"})
    assert (limits.max_xml_elements, limits.max_xlsx_styles) == (5, 7)
    assert (Limits().max_xml_elements, Limits().max_xlsx_styles) == (1_000_000, 65_490)


def test_html_spans_count_the_grid_positions_they_cover() -> None:
    """9,000 rows of one cell spanning 16,000 columns (300 KB) grew past 2 GB in over 200 s."""
    page = ('<table><tr><td>三级指标</td><td>指标值</td></tr>'
            '<tr><td colspan="20" rowspan="10">x</td></tr></table>').encode()
    message = _error(page, "span.html", Limits(max_cells=100))
    assert message == "网页文件超过 100 个单元格的上限（环境变量 PERFBUDGET_MAX_CELLS）；未读取", message
    rows = ("<table>" + "<tr><td>三级指标</td></tr>" * 6 + "</table>").encode()
    message = _error(rows, "rows.html", Limits(max_rows=5))
    assert message == "网页表格1超过 5 行的上限（环境变量 PERFBUDGET_MAX_ROWS）；未读取", message
    within = load_bytes(page, "span.html", limits=Limits(max_cells=202))
    assert "单元格的上限" not in " ".join(p.message for p in within.errors)
