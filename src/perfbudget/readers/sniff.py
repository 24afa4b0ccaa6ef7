"""Choose a reader from a file's content, not only its name.

Binary forms are known by their signatures (``PK`` zip with ``word/`` or ``xl/``
parts or an OpenDocument ``mimetype``, OLE ``D0 CF 11 E0`` told apart by its streams in
:mod:`perfbudget.readers.ole`, ``{\\rtf``, ``%PDF``); JSON by a leading ``{`` and the ``perfbudget/`` format tag; HTML
by its tags; everything else is text, whose layout the text reader tells apart.
"""

from __future__ import annotations

import io
import re
import zipfile

from perfbudget.config import Limits
from perfbudget.readers.container import ZIP_ERRORS, too_many_parts

_ODF_TYPES = ((b"application/vnd.oasis.opendocument.spreadsheet", "ods"),
              (b"application/vnd.oasis.opendocument.text", "odt"))
# (within one tag: ``[^>]*`` scanned from every entry to the end of a manifest without ``>``, a 796-byte file
# 11 s of CPU until attack24)
_MANIFEST_ROOT = re.compile(rb"<manifest:file-entry\b[^<>]*\bmanifest:full-path=\"/\"[^<>]*>")
_HTML = re.compile(rb"<\s*(?:!doctype\s+html|html|table|body)\b", re.IGNORECASE)
# markup before the page's first tag: an Excel-like export (`<meta …><style>` of 100 classes, then the table) whose
# `<table` stands after the first 4 KiB (layouts27: such an .xls was read as text and refused)
_MARKUP_START = re.compile(rb"<\s*(?:meta|style|head|title|link|script|!--|\?xml|x:|o:)", re.IGNORECASE)
_HTML_WINDOW = 256 * 1024
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _is_html(data: bytes, head: bytes) -> bool:
    """A web page by its tags: near the start, or further on after leading markup; a page saved as UTF-16 (with
    its byte-order mark: Excel's and some systems' 'Unicode' web pages) by its decoded start."""
    if head.startswith(_UTF16_BOMS):
        window = data[:2 * _HTML_WINDOW]
        head = window[: len(window) // 2 * 2].decode("utf-16", errors="replace").encode("utf-8")
        data = head
    if _HTML.search(head):
        return True
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return _MARKUP_START.match(stripped) is not None and _HTML.search(data[:_HTML_WINDOW]) is not None


def _zip_form(data: bytes, file: str, limits: Limits) -> str:
    try:
        if too_many_parts(data, limits):
            raise zipfile.BadZipFile  # not opened: the form by name, and the reader's check_zip refuses it
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            if any(name.startswith("word/") for name in names):
                return "docx"
            if any(name.startswith("xl/") for name in names):
                return "xlsx"
            opendocument = _opendocument_form(archive, set(names))
            if opendocument:
                return opendocument
    except ZIP_ERRORS:
        pass
    lower = file.lower()
    if lower.endswith((".docx", ".docm", ".wps")):
        return "docx"  # a broken package named as Word: its reader says what is wrong
    if lower.endswith((".xlsx", ".xlsm", ".et")):
        return "xlsx"
    if lower.endswith((".ods", ".ots")):
        return "ods"
    if lower.endswith((".odt", ".ott")):
        return "odt"
    return "zip"


def _opendocument_form(archive: zipfile.ZipFile, names: set[str]) -> str | None:
    """ods/odt from an OpenDocument package's ``mimetype`` member, else its manifest's root entry."""
    media = b""
    if "mimetype" in names and archive.getinfo("mimetype").file_size <= 256:
        media = archive.read("mimetype").strip()
    elif "META-INF/manifest.xml" in names and archive.getinfo("META-INF/manifest.xml").file_size <= 1024 * 1024:
        root = _MANIFEST_ROOT.search(archive.read("META-INF/manifest.xml"))
        media = root.group(0) if root else b""
    for kind, form in _ODF_TYPES:
        if kind in media:  # also templates (…spreadsheet-template) and text-master
            return form
    return None


def is_ofd(data: bytes, limits: Limits | None = None) -> bool:
    """An OFD document (GB/T 33190): a zip whose entry point is ``OFD.xml`` (one of too many parts is not
    looked into: :func:`perfbudget.readers.container.check_zip` refuses it)."""
    if too_many_parts(data, limits or Limits()):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "OFD.xml" in archive.namelist()
    except ZIP_ERRORS:
        return False


def sniff(data: bytes, file: str, limits: Limits | None = None) -> str:
    """The form of a file: docx, xlsx, xls/et, doc/wps, ods, odt, rtf, pdf, html, json or text ("zip"/"ole" for
    containers no reader takes). ``limits``: a zip of more than ``max_zip_parts`` is named by its file name."""
    head = data[:4096]
    if head.startswith(b"PK\x03\x04"):
        return _zip_form(data, file, limits or Limits())
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        from perfbudget.readers.ole import ole_form

        return ole_form(data, file)  # doc, wps, xls, et; else "ole" (encrypted, damaged or other)
    if head.startswith(b"{\\rtf"):
        return "rtf"  # Word's rich text, often named .doc by the systems that export it
    if head.lstrip().startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{") and b"perfbudget/" in data[:65536]:
        return "json"
    if _is_html(data, head):
        return "html"
    from perfbudget.readers.html import is_web_archive

    if is_web_archive(data):
        return "html"  # .mht: a MIME message holding the page (read from its text/html part)
    lower = file.lower()
    if lower.endswith(".json") and stripped.startswith(b"{"):
        return "json"
    return "text"
