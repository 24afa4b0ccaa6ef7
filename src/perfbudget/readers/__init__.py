"""Readers: one module per form, all returning ``(Document | None, list[Problem])``.

:func:`read_bytes` chooses the reader from the content (see :mod:`perfbudget.readers.sniff`);
a ``form`` argument overrides the choice. Each reader only turns its file into raw
tables; :mod:`perfbudget.readers.interpret` gives them meaning.
"""

from __future__ import annotations

import gc
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from perfbudget import text_caches
from perfbudget.config import Limits, megabytes_over
from perfbudget.model import Document, Problem, Source
from perfbudget.os_reasons import os_reason
from perfbudget.readers.sniff import sniff

ReadResult = tuple[Document | None, list[Problem]]
Reader = Callable[[bytes, str, Limits], ReadResult]


def _text_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.text import read_text_bytes

    return read_text_bytes(data, file, limits=limits)


def _json_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.interchange import loads
    from perfbudget.readers.decode import DecodeError, break_problems, decode_bytes

    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return None, [Problem(Source(file), str(exc))]
    if decoded.breaks:  # a character cut in two changes a value: nothing read, each place told
        return None, break_problems(decoded, file)
    text = decoded.text
    containers = text.count("{") + text.count("[")  # bounded cost (docs/security.md): checked before parsing
    # twice the cells (until hostile20 five times: 400,000 objects, 46 MB, took 400 MB to parse); an indicator
    # written by perfbudget is two or three (itself, its target, its extras)
    if containers > limits.max_cells * 2:
        return None, [Problem(Source(file), f"JSON 含 {containers} 个对象或数组，超过 {limits.max_cells * 2} 个的上限"
                                            "（环境变量 PERFBUDGET_MAX_CELLS 的 2 倍）；未读取")]
    try:
        return loads(text, file, limits.max_rows)
    except RecursionError:
        return None, [Problem(Source(file), "JSON 嵌套层数过多，无法读取")]


def _docx_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.docx import read_docx

    return read_docx(data, file, limits)


def _xlsx_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.xlsx import read_xlsx

    return read_xlsx(data, file, limits)


def _pdf_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.pdf import read_pdf

    return read_pdf(data, file, limits)


def _html_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.html import read_html

    return read_html(data, file, limits)


def _xls_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.xls import read_xls

    return read_xls(data, file, limits)


def _ods_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.odf import read_ods

    return read_ods(data, file, limits)


def _odt_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.odf import read_odt

    return read_odt(data, file, limits)


def _legacy_word_reader(form: str) -> Reader:
    def read(data: bytes, file: str, limits: Limits) -> ReadResult:
        from perfbudget.readers.doc import read_legacy_word

        return read_legacy_word(data, file, limits, form)

    return read


def _ole_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.ole import ole_problem

    return None, [ole_problem(data, file)]


def _zip_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.container import check_zip
    from perfbudget.readers.sniff import is_ofd

    if is_ofd(data, limits):
        return None, [Problem(Source(file), "这是 OFD 版式文件（GB/T 33190），暂不支持读取其中的表格；请用 OFD 阅读器"
                                            "（数科、福昕、WPS 等）导出或打印为 PDF，或另存为 Word 后再导入")]
    problem = check_zip(data, file, limits, "")
    return None, [problem or Problem(Source(file), "这是一个 zip 压缩包，但不是 Word（.docx）、Excel（.xlsx）"
                                                   "或 OpenDocument（.odt/.ods）文件")]


def _layout_reader(layout: str) -> Reader:
    def read(data: bytes, file: str, limits: Limits) -> ReadResult:
        from perfbudget.readers.text import read_text_bytes

        return read_text_bytes(data, file, layout, limits)

    return read


# The text layouts, in the order they are tried (readers/text.py binds each name to its detector and
# splitter). Each is also a form: "text" detects its layout; a layout name (pipe-rows …) forces one.
TEXT_LAYOUT_FORMS = ("tab-cells", "pipe-cells", "pipe-rows", "tab-rows", "bracket-list", "paragraph-cells",
                     "glued-rows", "space-rows", "space-cells", "line-cells")
# Forms sniffing may choose that are refused with their reason, never chosen by a user.
REFUSED_FORMS = ("ole", "zip")
# form name → reader. The CLI's --form help (cli/common.py) names exactly the choosable forms.
FORMS: dict[str, Reader] = {
    "text": _text_reader,
    "json": _json_reader,
    "docx": _docx_reader,
    "xlsx": _xlsx_reader,
    "pdf": _pdf_reader,
    "html": _html_reader,
    "xls": _xls_reader,
    "et": _xls_reader,  # WPS spreadsheets: the .xls format
    "ods": _ods_reader,
    "odt": _odt_reader,
    "doc": _legacy_word_reader("doc"),
    "wps": _legacy_word_reader("wps"),  # WPS text: the .doc format (LibreOffice also reads Works .wps)
    "rtf": _legacy_word_reader("rtf"),  # rich text, converted by LibreOffice like .doc
    "ole": _ole_reader,
    "zip": _zip_reader,
    **{name: _layout_reader(name) for name in TEXT_LAYOUT_FORMS},
}


def read_file(path: str | Path, limits: Limits) -> bytes | Problem:
    """The bytes of a regular file of at most ``limits.max_file_bytes``, or why not (a problem).

    Not a regular file (a device such as ``/dev/zero``, a FIFO, a socket; links followed) is refused
    before opening: its size says nothing and a pipe may never end. The size is checked before
    reading, and the read stops one byte past the limit (a file growing meanwhile). Until 2026-12-03
    ``perfbudget read`` of a link to /dev/zero grew to 6 GB, and a FIFO waited for ever."""
    name = str(path)
    try:
        found = Path(path).stat()
        if stat.S_ISDIR(found.st_mode):
            return Problem(Source(name), "这是一个目录，不是文件")
        if not stat.S_ISREG(found.st_mode):
            return Problem(Source(name), "不是普通文件（设备、管道或套接字），未读取")
        if found.st_size > limits.max_file_bytes:
            return file_too_large(name, found.st_size, limits)
        with open(path, "rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        return Problem(Source(name), "文件不存在")
    except OSError as exc:
        return Problem(Source(name), f"无法读取文件：{os_reason(exc)}")
    if len(data) > limits.max_file_bytes:
        return file_too_large(name, len(data), limits, growing=True)
    return data


def file_too_large(file: str, size: int, limits: Limits, growing: bool = False) -> Problem:
    if growing:  # the file grew past the limit while it was read
        limit_mb = megabytes_over(size, limits.max_file_bytes)[1]
        return Problem(Source(file), f"文件过大：读取时超过上限 {limit_mb} MB"
                                     "（文件正在被写入？可用环境变量 PERFBUDGET_MAX_FILE_MB 调整）")
    size_mb, limit_mb = megabytes_over(size, limits.max_file_bytes)
    return Problem(Source(file), f"文件过大：{size_mb} MB，上限为 {limit_mb} MB"
                                 "（可用环境变量 PERFBUDGET_MAX_FILE_MB 调整）")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a reader builds its many small objects.

    A reader keeps every cell it makes; without the pause the collector keeps rescanning
    them (a third of the time on a 1,000-table workbook). Nothing a reader makes needs
    the collector: it runs again when the reader returns.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def choosable_forms() -> list[str]:
    """The forms a user may name with ``--form``, in registry order (file forms, then text layouts)."""
    return [name for name in FORMS if name not in REFUSED_FORMS]


def unknown_form(file: str, form: str) -> Problem:
    """A form the user may not name, listing those they may (never the sniffing-only ole/zip)."""
    return Problem(Source(file), f"不支持的格式「{form}」；可用格式：{'、'.join(choosable_forms())}")


def read_bytes(data: bytes, file: str, form: str | None = None, limits: Limits | None = None) -> ReadResult:
    """Read a document from bytes; ``form`` overrides sniffing. Never raises on bad input."""
    limits = limits or Limits()
    if len(data) > limits.max_file_bytes:
        return None, [file_too_large(file, len(data), limits)]
    chosen = form or sniff(data, file, limits)
    reader = FORMS.get(chosen)
    if reader is None:
        return None, [unknown_form(file, chosen)]
    with gc_paused():
        document, problems = reader(data, file, limits)
    text_caches.read(len(data))  # a document's end: the caches keyed on its texts emptied once enough was read
    if form is not None and document is None:
        other = form_mismatch(data, file, form, limits)
        if other is not None:  # the reader's own words (「Excel 文件已损坏，无法读取（OSError）」) would mislead
            return None, [other]
    return document, problems


# Forms of one kind of content: a reader of one reads the other (the .doc and .et formats are WPS's .wps and .et)
_SAME_CONTENT = ({"xls", "et"}, {"doc", "wps"}, {"text", *TEXT_LAYOUT_FORMS})


def form_mismatch(data: bytes, file: str, form: str, limits: Limits) -> Problem | None:
    """Why a file named ``form`` (``--form``) could not be read as one when its content is of another form (a Word file
    read with ``--form xlsx`` said 「Excel 文件已损坏，无法读取（OSError）」 until replay-s); None when the content is
    of that form (or of one of its kind), so the reader's own reasons stand."""
    found = sniff(data, file, limits)
    if found == form or found in ("zip", "ole") or any({found, form} <= kind for kind in _SAME_CONTENT):
        return None
    content = "文本" if found in _SAME_CONTENT[2] else f"「{found}」格式"
    return Problem(Source(file), f"按指定的格式「{form}」读取失败：文件内容是{content}，不是「{form}」；"
                                 f"不指定格式即按内容识别（或指定「{found}」）")
