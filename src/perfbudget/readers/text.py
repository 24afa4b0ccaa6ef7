"""Text forms: decode the bytes, tell the layout apart, split into raw tables, interpret.

Layouts: the Word-extractor tab-cell form (the seed's). Further layouts copied
from web pages register in ``TEXT_LAYOUTS``.
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.model import Document, Problem, Source
from perfbudget.readers.decode import DecodeError, decode_bytes
from perfbudget.readers.grid import RawTable
from perfbudget.readers.interpret import interpret_tables
from perfbudget.readers.text_cells import looks_like_tab_cells, read_tab_cells

# (name, detector, splitter): the first layout whose detector accepts the text is used.
TextLayout = tuple[str, Callable[[str], bool], Callable[[str, str], list[RawTable]]]
TEXT_LAYOUTS: list[TextLayout] = [
    ("tab-cells", looks_like_tab_cells, read_tab_cells),
]


def read_text(text: str, file: str) -> tuple[Document | None, list[Problem]]:
    """Read table text (already decoded) into a document."""
    for _name, detect, split in TEXT_LAYOUTS:
        if detect(text):
            return interpret_tables(split(text, file), file)
    return None, [Problem(Source(file), "没有找到可识别的绩效目标表（文本中没有表格结构）")]


def read_text_bytes(data: bytes, file: str) -> tuple[Document | None, list[Problem]]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        return None, [Problem(Source(file), str(exc))]
    return read_text(decoded.text, file)
