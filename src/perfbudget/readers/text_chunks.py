"""A Word file's ``altChunk`` parts of plain text and RTF, read as Word shows them when it opens the file.

Word imports a plain-text chunk as paragraphs, a line each, and an RTF chunk as the document the RTF describes.
A text chunk whose lines are one of the text reader's table layouts (tab cells, pipe rows …:
:func:`perfbudget.readers.text.detect_layout`) gives that layout's tables, as the same text in a .txt file does; one
that is no table gives its lines to the Word reader as paragraphs in the chunk's place (label lines above a table:
项目名称：…). An RTF chunk is converted by LibreOffice, as an RTF file is (:mod:`perfbudget.readers.doc`), and read
as a Word chunk. Each is bounded as a file of its kind: the text's lines by ``max_rows``, the RTF's table rows by
``max_rtf_rows``, both with the other chunks' pages by ``max_file_bytes`` (``docx.ChunkBudget``).
"""

from __future__ import annotations

from typing import Any

from perfbudget.config import Limits
from perfbudget.readers.bounds import LimitExceeded
from perfbudget.readers.grid import RawTable

TEXT_CHUNKS = ("text/plain",)
RTF_CHUNKS = ("application/rtf", "text/rtf", "application/x-rtf", "text/richtext")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def chunk_kind(part: Any) -> str:
    """A chunk part's content type without its parameters, in lower case (``text/plain; charset=utf-8``)."""
    return str(getattr(part, "content_type", "") or "").split(";", 1)[0].strip().lower()


def chunk_text(blob: bytes, limits: Limits) -> str:
    """A plain-text chunk decoded (its byte-order mark or the encodings the text reader tries), bounded by
    ``max_rows`` lines; :class:`LimitExceeded` otherwise."""
    from perfbudget.readers.decode import DecodeError, decode_bytes

    try:
        text = decode_bytes(blob).text
    except DecodeError as exc:
        raise LimitExceeded(f"中嵌入的纯文本内容（altChunk）无法解码：{exc}") from exc
    if text.count("\n") + 1 > limits.max_rows:
        raise LimitExceeded(f"中嵌入的纯文本内容（altChunk）超过 {limits.max_rows} 行的上限"
                            "（环境变量 PERFBUDGET_MAX_ROWS）；未读取")
    return text


def text_chunk_tables(text: str, file: str) -> list[RawTable] | None:
    """The tables of a plain-text chunk by the text reader's layout for them; None when its text is no table."""
    from perfbudget.readers.text import LAYOUT_PARTS, detect_layout

    layout = detect_layout(text)
    if layout is None:
        return None
    return LAYOUT_PARTS[layout][1](text, file)


def is_table_text(text: str) -> bool:
    """Whether a plain-text chunk's lines are one of the text reader's table layouts."""
    from perfbudget.readers.text import detect_layout

    return detect_layout(text) is not None


def as_paragraphs(chunk: Any, text: str) -> None:
    """Put ``text``'s lines in the place of the ``w:altChunk`` element ``chunk``, a ``w:p`` each (a tab a
    ``w:tab``), as Word imports a plain-text chunk."""
    from docx.oxml import OxmlElement

    parent = chunk.getparent()
    at = parent.index(chunk)
    parent.remove(chunk)
    for offset, line in enumerate(text.splitlines()):
        paragraph = OxmlElement("w:p")
        for n, piece in enumerate(line.split("\t")):
            run = OxmlElement("w:r")
            if n:
                run.append(OxmlElement("w:tab"))
            if piece:
                words = OxmlElement("w:t")
                words.text = piece
                words.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                run.append(words)
            paragraph.append(run)
        parent.insert(at + offset, paragraph)


def rtf_chunk_word(blob: bytes, file: str, limits: Limits) -> bytes:
    """An RTF chunk converted to a Word file by LibreOffice (as an RTF file is); :class:`LimitExceeded` for one
    that is no RTF, past ``max_rtf_rows`` table rows, or not converted (LibreOffice missing, a damaged chunk)."""
    from perfbudget.readers.convert import convert
    from perfbudget.readers.doc import rtf_rows

    if not blob.lstrip().startswith(b"{\\rtf"):
        raise LimitExceeded("中嵌入的 RTF 内容（altChunk）不以 {\\rtf 开头，不是 RTF，无法读取；"
                            "请在 Word 中打开并另存为 .docx 后重新导入")
    if rtf_rows(blob, limits.max_rtf_rows) > limits.max_rtf_rows:
        raise LimitExceeded(f"中嵌入的 RTF 内容（altChunk）的表格超过 {limits.max_rtf_rows:,} 行，未读取"
                            "（可用环境变量 PERFBUDGET_MAX_RTF_ROWS 调整）")
    converted, problem = convert(blob.lstrip(), file, ".rtf", "docx", "RTF 内容", limits)
    if problem is not None or converted is None:
        raise LimitExceeded(f"中嵌入的 RTF 内容（altChunk）无法读取：{problem.message if problem else '转换失败'}")
    return converted
