"""Readers: one module per form, all returning ``(Document | None, list[Problem])``.

:func:`read_bytes` chooses the reader from the content (see :mod:`perfbudget.readers.sniff`);
a ``form`` argument overrides the choice. Each reader only turns its file into raw
tables; :mod:`perfbudget.readers.interpret` gives them meaning.
"""

from __future__ import annotations

from collections.abc import Callable

from perfbudget.config import Limits
from perfbudget.model import Document, Problem, Source
from perfbudget.readers.sniff import sniff

ReadResult = tuple[Document | None, list[Problem]]
Reader = Callable[[bytes, str, Limits], ReadResult]


def _text_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.readers.text import read_text_bytes

    return read_text_bytes(data, file)


def _json_reader(data: bytes, file: str, limits: Limits) -> ReadResult:
    from perfbudget.interchange import loads
    from perfbudget.readers.decode import DecodeError, decode_bytes

    try:
        text = decode_bytes(data).text
    except DecodeError as exc:
        return None, [Problem(Source(file), str(exc))]
    return loads(text, file)


# form name → reader; the other forms register themselves in FORMS below as they are built.
FORMS: dict[str, Reader] = {
    "text": _text_reader,
    "json": _json_reader,
}


def file_too_large(file: str, size: int, limits: Limits) -> Problem:
    return Problem(Source(file), f"文件过大：{size / 1048576:.1f} MB，上限为 {limits.max_file_bytes / 1048576:.1f} MB"
                                 "（可用环境变量 PERFBUDGET_MAX_FILE_MB 调整）")


def available_forms() -> list[str]:
    return sorted(FORMS)


def read_bytes(data: bytes, file: str, form: str | None = None, limits: Limits | None = None) -> ReadResult:
    """Read a document from bytes; ``form`` overrides sniffing. Never raises on bad input."""
    limits = limits or Limits()
    if len(data) > limits.max_file_bytes:
        return None, [file_too_large(file, len(data), limits)]
    chosen = form or sniff(data, file)
    reader = FORMS.get(chosen)
    if reader is None:
        return None, [Problem(Source(file), f"不支持的格式「{chosen}」；可用格式：{'、'.join(available_forms())}")]
    return reader(data, file, limits)
