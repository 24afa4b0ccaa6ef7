"""A .doc whose text ends in a table: the table LibreOffice loses, rebuilt from the cell marks (forms37).

Word ends a document's main text with a paragraph mark, so a table never stands last; a document built by a
program (python-docx, a system's export) may end in its table, and LibreOffice saving it as .doc writes a text
whose last character is the table's row-end mark (``…cell\\x07\\x07``). LibreOffice then reads that .doc back
without the table: its cells come out as one paragraph, their texts run together (``一级指标二级指标三级指标…``;
FAILURES.md CA left (1) and CD). The .doc itself still holds the cells: in Word's binary text each cell ends with
``\\x07`` (U+0007) and each row with one more.

So when the converted document's last paragraph is such a run of cells — its text found in the .doc's
``WordDocument`` stream (UTF-16) with cell marks between its parts and the row-end marks after it — the rows are
rebuilt there: every row as wide as the first (the marks alone do not say where a merged cell stood), each row
closed by its row-end mark. The paragraph is replaced by the table, with a warning asking to check it. Anything
else (a row of another width, text that does not match, an 8-bit text) leaves the document as it was converted.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CELL, _PARAGRAPH = "\x07", "\r"
_MOST_CHARS = 200_000  # the paragraph's length looked for in the stream
_MOST_TRIES = 256  # places of its first character tried
_MOST_LOOKED = 20_000  # characters all the tries may look at besides three times the paragraph's


def _stream(doc: bytes) -> bytes | None:
    from perfbudget.readers.ole import _open

    ole = _open(doc)
    if ole is None:
        return None
    try:
        return bytes(ole.openstream("WordDocument").read()) if ole.exists("WordDocument") else None
    except Exception:  # a damaged stream: nothing rebuilt
        return None
    finally:
        ole.close()


def cell_rows(stream: bytes, text: str) -> list[list[str]] | None:
    """The rows of the cells whose texts, in order, make ``text`` in the .doc's text ``stream`` (UTF-16), ended by
    their row-end marks; None when the stream does not hold ``text`` so or its rows are not all as wide as the first.
    (The cell marks may fall anywhere in ``text``: each place its first character stands is tried, up to
    :data:`_MOST_TRIES`, and all the tries together look at no more than :data:`_MOST_LOOKED` characters past
    three times the text's: a last paragraph of 200,000 ``a`` over a stream holding that run matched each try almost
    whole, 256 × 200,000 characters, 6.8 s for a 420 KB .doc until attack34.)"""
    if len(text) < 2 or len(text) > _MOST_CHARS:
        return None
    chars = stream[:len(stream) // 2 * 2].decode("utf-16-le", "replace")  # decoded once, not at every try
    budget, start = 3 * len(text) + _MOST_LOOKED, -1
    for _ in range(_MOST_TRIES):
        start = chars.find(text[0], start + 1)
        if start < 0 or budget <= 0:
            return None
        rows, looked = _rows_at(chars, start, text)
        if rows is not None:
            return rows
        budget -= looked
    return None


def _rows_at(chars: str, start: int, text: str) -> tuple[list[list[str]] | None, int]:
    """(:func:`cell_rows`' rows when ``text``'s cells start at ``start`` of ``chars``, else None; the characters
    looked at)."""
    cells: list[str] = []
    cell: list[str] = []
    matched = 0
    end = min(len(chars), start + 4 * len(text) + 2048)
    at = start
    while at < end:
        char = chars[at]
        if char == _CELL:
            cells.append("".join(cell))
            cell = []
        elif matched == len(text):
            break
        elif char == _PARAGRAPH:
            cell.append("\n")
        elif char == text[matched]:
            cell.append(char)
            matched += 1
        else:
            return None, at - start + 1
        at += 1
    looked = at - start + 1
    if matched < len(text) or cell or "" not in cells:
        return None, looked
    width = cells.index("")
    if width < 2 or len(cells) % (width + 1) or any(cells[k + width] for k in range(0, len(cells), width + 1)):
        return None, looked
    return [cells[k:k + width] for k in range(0, len(cells), width + 1)], looked


def with_last_table(doc: bytes, converted: bytes) -> tuple[bytes, tuple[int, int]] | None:
    """``converted`` (LibreOffice's .docx of ``doc``) with its last paragraph replaced by the table it was in the
    .doc, and the table's rows and columns; None when the last paragraph is no lost table (:func:`cell_rows`)."""
    from lxml import etree

    stream = _stream(doc)
    if stream is None or b"\x07\x00" not in stream:
        return None
    with zipfile.ZipFile(io.BytesIO(converted)) as package:
        xml = package.read("word/document.xml")
        root = etree.fromstring(xml)
        body = root.find(f"{_W}body")
        last = _last_paragraph(body)
        if last is None:
            return None
        rows = cell_rows(stream, "".join(t.text or "" for t in last.iter(f"{_W}t")))
        if rows is None:
            return None
        last.addprevious(_table(rows))
        body.remove(last)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rebuilt:
            for item in package.infolist():
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
                    if item.filename == "word/document.xml" else package.read(item.filename)
                rebuilt.writestr(item, data)
    return out.getvalue(), (len(rows), len(rows[0]))


def _last_paragraph(body: Any) -> Any | None:
    """The body's last paragraph holding text, when nothing but empty paragraphs and the section follow it."""
    for child in reversed(list(body) if body is not None else ()):
        if child.tag == f"{_W}sectPr":
            continue
        if child.tag != f"{_W}p":
            return None
        if any((t.text or "").strip() for t in child.iter(f"{_W}t")):
            return child
    return None


def _table(rows: list[list[str]]) -> Any:
    from lxml import etree

    table = etree.Element(f"{_W}tbl")
    for cells in rows:
        row = etree.SubElement(table, f"{_W}tr")
        for text in cells:
            cell = etree.SubElement(row, f"{_W}tc")
            for line in text.split("\n"):
                run = etree.SubElement(etree.SubElement(cell, f"{_W}p"), f"{_W}r")
                etree.SubElement(run, f"{_W}t").text = line
    return table
