"""Choose a reader from a file's content, not only its name.

Binary forms are known by their signatures (``PK`` zip with ``word/`` or ``xl/``
parts, ``%PDF``); JSON by a leading ``{`` and the ``perfbudget/`` format tag; HTML
by its tags; everything else is text, whose layout the text reader tells apart.
"""

from __future__ import annotations

import io
import re
import zipfile

from perfbudget.readers.container import ZIP_ERRORS

_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|table|body)\b", re.IGNORECASE)


def _zip_form(data: bytes, file: str) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except ZIP_ERRORS:
        names = []
    if any(name.startswith("word/") for name in names):
        return "docx"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    lower = file.lower()
    if lower.endswith((".docx", ".docm", ".wps")):
        return "docx"  # a broken package named as Word: its reader says what is wrong
    if lower.endswith((".xlsx", ".xlsm", ".et")):
        return "xlsx"
    return "zip"


def sniff(data: bytes, file: str) -> str:
    """The form of a file: docx, xlsx, pdf, html, json or text ("zip"/"ole" for unknown containers)."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return _zip_form(data, file)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "ole"  # legacy .doc/.xls or an encrypted Office file
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and b"perfbudget/" in data[:65536]:
        return "json"
    if _HTML.search(head):
        return "html"
    lower = file.lower()
    if lower.endswith(".json") and stripped.startswith(b"{"):
        return "json"
    return "text"
