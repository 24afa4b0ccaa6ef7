"""Hostile files, generated (never committed): small files that cost a naive reader a lot.

Used by the reader tests (tests/readers/test_hostile.py, test_fuzz.py) and measured by
bench/hostile.py. Each function returns the file's bytes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib


def pdf(pages: list[bytes], forms: dict[str, tuple[bytes, dict[str, str]]] | None = None,
        compress: bool = True) -> bytes:
    """A minimal PDF: one content stream per page; ``forms`` name → (content, {name: form it may draw})."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(content: bytes, extra: bytes = b"") -> bytes:
        data = zlib.compress(content, 9) if compress else content
        flate = b"/Filter /FlateDecode " if compress else b""
        return b"<< " + extra + flate + b"/Length %d >>\nstream\n" % len(data) + data + b"\nendstream"

    catalog = add(b"")  # filled in below
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    form_ids: dict[str, int] = {}
    for name in forms or {}:
        form_ids[name] = add(b"")
    for name, (content, uses) in (forms or {}).items():
        names = b" ".join(b"/%s %d 0 R" % (n.encode(), form_ids[u]) for n, u in uses.items())
        extra = (b"/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << /XObject << " + names
                 + b" >> >> ")
        objects[form_ids[name] - 1] = stream(content, extra)
    xobjects = b" ".join(b"/%s %d 0 R" % (n.encode(), i) for n, i in form_ids.items())
    kids = []
    for content in pages:
        contents = add(stream(content))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 600 800] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << %s >> >> >>"
                        % (tree, contents, font, xobjects)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                         + b"] /Count %d >>" % len(kids))
    return pdf_file(objects, catalog)


def pdf_file(objects: list[bytes], root: int, prev_loop: bool = False) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with its cross-reference table and ``root`` as the catalog;
    ``prev_loop``: the trailer's /Prev points at its own table (a loop)."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    prev = b" /Prev %d" % xref if prev_loop else b""
    out.write(b"trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, prev, xref))
    return out.getvalue()


def pdf_lines(count: int) -> bytes:
    """One page drawing ``count`` short lines (a grid: the costliest input for table finding)."""
    ops = []
    for i in range(count):
        x, y = 20 + (i * 7) % 560, 20 + (i * 13) % 760
        ops.append(b"%d %d m %d %d l S" % (x, y, x + 30, y) if i % 2 else b"%d %d m %d %d l S" % (x, y, x, y + 30))
    return pdf([b"\n".join(ops)])


def pdf_stream_bomb(megabytes: int) -> bytes:
    """One page whose content stream inflates to ``megabytes`` MiB of blanks."""
    return pdf([b" " * (megabytes * 1024 * 1024)])


def text_page(characters: int) -> bytes:
    """A page's content: ``characters`` characters in lines of 80."""
    lines = [b"BT /F1 6 Tf 10 %d Td (%s) Tj ET" % (10 + (i * 7) % 780, b"x" * 80) for i in range(characters // 80)]
    return b"\n".join(lines)


def pdf_text_bomb(characters: int) -> bytes:
    """One page showing one string of ``characters`` characters."""
    return pdf([b"BT /F1 1 Tf 10 10 Td (" + b"x" * characters + b") Tj ET"])


def pdf_nested_forms(depth: int, fan_out: int) -> bytes:
    """Form X0 draws X1 ``fan_out`` times, X1 draws X2 … (``fan_out ** depth`` lines in all)."""
    forms: dict[str, tuple[bytes, dict[str, str]]] = {}
    for level in range(depth):
        child = f"X{level + 1}"
        content = b"\n".join([b"/%s Do" % child.encode()] * fan_out) if level + 1 < depth else b"0 0 m 10 10 l S"
        forms[f"X{level}"] = (content, {child: child} if level + 1 < depth else {})
    return pdf([b"/X0 Do"], forms)


def pdf_self_drawing_form() -> bytes:
    """A form XObject that draws itself."""
    return pdf([b"/X0 Do"], {"X0": (b"0 0 m 1 1 l S /X0 Do", {"X0": "X0"})})


def zip_with(members: dict[str, bytes], understate: str | None = None, claimed: int = 1000) -> bytes:
    """A zip of ``members`` (deflated); the directory of ``understate`` claims ``claimed`` bytes and
    the CRC of the first ``claimed`` bytes, as a hostile file would."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    data = bytearray(buffer.getvalue())
    if understate is None:
        return bytes(data)
    real = members[understate]
    crc = zlib.crc32(real[:claimed])
    name = understate.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        if data[local + 30:local + 30 + len(name)] == name:
            struct.pack_into("<LLL", data, local + 14, crc, struct.unpack_from("<L", data, local + 18)[0], claimed)
            break
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46:central + 46 + len(name)] == name:
            struct.pack_into("<L", data, central + 16, crc)
            struct.pack_into("<L", data, central + 24, claimed)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


_CONTENT_TYPES_DOCX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       b'<Default Extension="rels" '
                       b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       b'<Default Extension="xml" ContentType="application/xml"/>'
                       b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                       b'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS_DOCX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'officeDocument" Target="word/document.xml"/></Relationships>')
_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx(body: bytes, understate: bool = False) -> bytes:
    """A .docx whose body is ``body`` (WordprocessingML)."""
    document = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + _W + b"><w:body>" + body \
        + b"</w:body></w:document>"
    members = {"[Content_Types].xml": _CONTENT_TYPES_DOCX, "_rels/.rels": _RELS_DOCX, "word/document.xml": document}
    return zip_with(members, "word/document.xml" if understate else None, claimed=900_000)


def docx_understated(megabytes: int) -> bytes:
    """A .docx whose document.xml really inflates to ``megabytes`` MiB but whose zip directory claims 900 KB."""
    padding = b"<w:p/>" * (megabytes * 1024 * 1024 // 6)
    return docx(padding, understate=True)


def docx_wide_span(span: int) -> bytes:
    """A table cell claiming to span ``span`` grid columns."""
    cell = b'<w:tc><w:tcPr><w:gridSpan w:val="%d"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>' % span
    return docx(b"<w:tbl><w:tr>" + cell + b"</w:tr></w:tbl>")


def docx_many_cells(rows: int, columns: int) -> bytes:
    row = b"<w:tr>" + b"<w:tc><w:p/></w:tc>" * columns + b"</w:tr>"
    return docx(b"<w:tbl>" + row * rows + b"</w:tbl>")


_CONTENT_TYPES_XLSX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       b'<Default Extension="rels" '
                       b'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       b'<Default Extension="xml" ContentType="application/xml"/>'
                       b'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                       b'officedocument.spreadsheetml.sheet.main+xml"/>'
                       b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
                       b'officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS_XLSX = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
              b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
              b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             + '<sheets><sheet name="自评填报" sheetId="1" r:id="rId1"/></sheets></workbook>'.encode())
_WORKBOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                  b'worksheet" Target="worksheets/sheet1.xml"/></Relationships>')


def xlsx(rows: bytes, dimension: str = "A1") -> bytes:
    """An .xlsx with one sheet (自评填报) holding ``rows`` (SpreadsheetML ``<row>`` elements)."""
    sheet = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<dimension ref="' + dimension.encode() + b'"/><sheetData>' + rows + b"</sheetData></worksheet>")
    return zip_with({"[Content_Types].xml": _CONTENT_TYPES_XLSX, "_rels/.rels": _RELS_XLSX,
                     "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
                     "xl/worksheets/sheet1.xml": sheet})


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def xlsx_many_rows(count: int, header: bool = True) -> bytes:
    """A fill-in sheet: a header row, then ``count`` rows of data."""
    out = [b'<row r="1">' + _inline("A1", "项目名称") + _inline("B1", "三级指标") + _inline("C1", "实际完成值")
           + b"</row>"] if header else []
    for r in range(2, count + 2):
        out.append(b'<row r="%d">' % r + _inline(f"A{r}", "项目") + _inline(f"B{r}", "指标")
                   + b'<c r="C%d"><v>%d</v></c></row>' % (r, r))
    return xlsx(b"".join(out), f"A1:C{count + 1}")


def xlsx_far_cells(rows: int) -> bytes:
    """Each row has one cell in the last column (XFD) and the sheet claims to be full size."""
    out = [b'<row r="%d"><c r="XFD%d"><v>1</v></c></row>' % (r, r) for r in range(1, rows + 1)]
    return xlsx(b"".join(out), "A1:XFD1048576")


def csv_many_rows(count: int) -> bytes:
    return ("项目名称,三级指标,实际完成值\n" + "项目,指标,1\n" * count).encode("utf-8")


def csv_long_rows(count: int, width: int) -> bytes:
    """A 自评 sheet's header, then ``count`` rows naming an indicator of ``width`` letters (attack16)."""
    return ("项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析\n"
            + f"1,{'a' * width},5,,,\n" * count).encode("utf-8")


def csv_wide_row(cells: int) -> bytes:
    """A header, then one row of ``cells`` empty cells."""
    return ("项目名称,三级指标,实际完成值\n" + "," * cells + "\n").encode("utf-8")


def docx_random_text(megabytes: int) -> bytes:
    """A .docx whose document.xml holds ``megabytes`` MiB of barely compressible text in one table."""
    import base64
    import random

    rng = random.Random(12)
    cells = []
    for _ in range(megabytes * 16):
        text = base64.b64encode(rng.randbytes(48 * 1024)).decode()
        cells.append(b"<w:tc><w:p><w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p></w:tc>")
    rows = [b"<w:tr>" + b"".join(cells[i:i + 4]) + b"</w:tr>" for i in range(0, len(cells), 4)]
    return docx(b"<w:tbl>" + b"".join(rows) + b"</w:tbl>")


def docx_many_text_cells(rows: int, columns: int) -> bytes:
    """A .docx table of ``rows`` × ``columns`` cells of short random text (compresses like a real table)."""
    import random

    rng = random.Random(7)
    alphabet = "预算绩效目标指标完成率满意度数量质量时效成本产出效益"
    out = []
    for _ in range(rows):
        cells = ("<w:tc><w:p><w:r><w:t>" + "".join(rng.choice(alphabet) for _ in range(6)) + "</w:t></w:r></w:p></w:tc>"
                 for _ in range(columns))
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return docx(("<w:tbl>" + "".join(out) + "</w:tbl>").encode("utf-8"))


def seed_text(times: int) -> bytes:
    """The seed's text repeated ``times`` times (a large but ordinary text file)."""
    from pathlib import Path

    seed = Path(__file__).resolve().parents[2] / "examples" / "000_e2047472f0d7711d.txt"
    return seed.read_bytes() * times


def html_cells(count: int) -> bytes:
    """One HTML table of ``count`` cells (rows of 10) under a target-table heading."""
    row = "<tr>" + "<td>指标</td>" * 10 + "</tr>"
    return ("<html><body><p>1.测试项目绩效目标表</p><table><tr><td>项目名称</td><td>一级指标</td></tr>"
            + row * (count // 10) + "</table></body></html>").encode("utf-8")


_ODS_NS = (b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')


def ods(rows: bytes, spreadsheet: bool = True) -> bytes:
    """An OpenDocument spreadsheet (or text document) whose one table holds ``rows`` (table-row elements)."""
    kind = b"spreadsheet" if spreadsheet else b"text"
    content = (b'<?xml version="1.0"?><office:document-content ' + _ODS_NS + b"><office:body><office:" + kind
               + b'><table:table table:name="a">' + rows + b"</table:table></office:" + kind
               + b"></office:body></office:document-content>")
    manifest = (b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                b'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/'
                b"vnd.oasis.opendocument." + kind + b'"/><manifest:file-entry manifest:full-path="content.xml" '
                b'manifest:media-type="text/xml"/></manifest:manifest>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(zipfile.ZipInfo("mimetype"), b"application/vnd.oasis.opendocument." + kind)
        package.writestr("META-INF/manifest.xml", manifest)
        package.writestr("content.xml", content)
    return out.getvalue()


def ods_repeated(rows: int, columns: int, spreadsheet: bool = True) -> bytes:
    """Some 700 bytes claiming ``rows`` × ``columns`` cells of text by the repeat attributes."""
    return ods(b'<table:table-row table:number-rows-repeated="%d"><table:table-cell '
               b'table:number-columns-repeated="%d"><text:p>x</text:p></table:table-cell></table:table-row>'
               % (rows, columns), spreadsheet)


def ods_many_text_cells(rows: int, columns: int, spreadsheet: bool = True) -> bytes:
    """An OpenDocument table of ``rows`` × ``columns`` distinct text cells (under the zip bomb ratio)."""
    cell = b"<table:table-cell><text:p>%d</text:p></table:table-cell>"
    return ods(b"".join(b"<table:table-row>" + b"".join(cell % (r * columns + c) for c in range(columns))
                        + b"</table:table-row>" for r in range(rows)), spreadsheet)


def zip_many_parts(parts: int, first: dict[str, str]) -> bytes:
    """A zip of ``first``'s members and ``parts`` empty ones (each some 80 bytes of headers)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, text in first.items():
            package.writestr(name, text)
        for number in range(parts):
            package.writestr(zipfile.ZipInfo(f"{number:x}"), b"")
    return out.getvalue()


def _stored(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


def docx_stored(body: bytes) -> bytes:
    """A .docx whose body is ``body``, its parts stored (not deflated: no compression ratio to refuse)."""
    with zipfile.ZipFile(io.BytesIO(docx(body))) as package:
        return _stored({info.filename: package.read(info) for info in package.infolist()})


def xlsx_stored_part(name: str, relationship: str, content_type: str, data: bytes) -> bytes:
    """A one-cell .xlsx with a further workbook part ``xl/<name>`` (shared strings, styles), its parts stored."""
    with zipfile.ZipFile(io.BytesIO(xlsx(b'<row r="1"><c r="A1"><v>1</v></c></row>'))) as package:
        members = {info.filename: package.read(info) for info in package.infolist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/' + name.encode() + b'" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.' + content_type.encode() + b'+xml"/></Types>')
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        b'relationships/' + relationship.encode() + b'" Target="' + name.encode() + b'"/></Relationships>')
    members["xl/" + name] = data
    return _stored(members)


def xlsx_shared_strings(count: int) -> bytes:
    """An .xlsx whose shared string table holds ``count`` one-letter strings (17 bytes each, stored)."""
    return xlsx_stored_part("sharedStrings.xml", "sharedStrings", "sharedStrings",
                            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                            + b"<si><t>a</t></si>" * count + b"</sst>")


def xlsx_cell_formats(count: int) -> bytes:
    """An .xlsx whose style sheet holds ``count`` cell formats (29 bytes each, stored)."""
    return xlsx_stored_part("styles.xml", "styles", "styles",
                            b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>'
                            + b'<xf numFmtId="0" fontId="0"/>' * count + b"</cellXfs></styleSheet>")
