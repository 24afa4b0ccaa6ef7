"""Turn the bytes of a text file into text: UTF-8, GB18030 or UTF-16, as Windows tools save them.

Detection is deterministic and explained (no statistical guess):

1. a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32);
2. UTF-16 without a mark is recognised by its zero bytes in every other position;
3. otherwise strict UTF-8, then UTF-8 with a few broken characters (below), then strict GB18030 (which
   covers GBK and GB2312);
4. text that still holds control characters or NUL bytes is binary, not a table.

A UTF-8 file cut in the middle of a character (a download or a copy stopped short, two files joined) is
still UTF-8: when at most :data:`MAX_BREAKS` places are not whole UTF-8 characters and the rest holds far
more whole multi-byte characters than that (a GB18030 file read as UTF-8 breaks at nearly every Chinese
character), the text is read with each broken place kept as U+FFFD (at the end of the file: dropped) and
told by :func:`break_problems` as an error at its line and column, so nothing is lost unsaid. A GB18030
file cut short in its last character is read the same way (its cut an error at the end).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from perfbudget.model import Problem, Source

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Control characters other than tab, newlines, form feed and vertical tab; the replacement character.
_BAD_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


class DecodeError(ValueError):
    """The bytes are not text in an encoding perfbudget reads; the message is for the user."""


@dataclass(frozen=True, slots=True)
class Break:
    """A place where the bytes are not a whole UTF-8 character: its 1-based line and column in the text read,
    how many bytes, and whether it ends the file (a file cut short)."""

    line: int
    column: int
    size: int
    at_end: bool


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    breaks: tuple[Break, ...] = ()


MAX_BREAKS = 8
CUT_CHARACTER = "文件在一个字符的中间结束"  # how the error of a file cut short in a character begins
_WHOLE_PER_BREAK = 16  # bytes of whole multi-byte characters a break needs beside it to call the file UTF-8


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2 or b"\x00" not in sample:
        return None  # (no zero byte at all: neither half holds any; one memchr instead of two strided copies)
    even_zero = sample[0::2].count(0) / (len(sample) / 2)
    odd_zero = sample[1::2].count(0) / (len(sample) / 2)
    if odd_zero > 0.3 and even_zero < 0.05:
        return "utf-16-le"
    if even_zero > 0.3 and odd_zero < 0.05:
        return "utf-16-be"
    return None


# Bytes that decode (as UTF-8) to the control characters of _BAD_CHARS.
_BAD_UTF8_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
_BAD_UTF8_SINGLE_BYTES = [bytes([byte]) for byte in _BAD_UTF8_BYTES]


def _plain_utf8(data: bytes, text: str) -> bool:
    """True when the UTF-8 bytes ``data``, decoded to ``text``, hold no character ``_looks_binary`` counts in
    its sample: a byte below 0x80 decodes to itself, and the sample's 20,000 characters lie within the first
    80,000 bytes; U+FFFD is looked for in the sample itself (a search of the characters: a tenth of the cost
    of finding its three bytes). A quick test in C before the character scan."""
    head = data[:80000]
    # each byte looked for on its own (memchr: much quicker than one pass deleting them all)
    return not any(map(head.__contains__, _BAD_UTF8_SINGLE_BYTES)) and "\ufffd" not in text[:20000]


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = len(_BAD_CHARS.findall(sample))
    return bad > 0 and bad / len(sample) > 0.001


def decode_bytes(data: bytes) -> Decoded:
    """Decode a text file's bytes; raise :class:`DecodeError` with a Chinese message otherwise."""
    if not data or data.isspace():  # (not data.strip(), which copies the whole file)
        raise DecodeError("文件为空")
    encoding: str | None = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom):]
            break
    if encoding is None:
        encoding = _utf16_without_bom(data)
    candidates = [encoding] if encoding else ["utf-8", "gb18030"]
    for name in candidates:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            if name == "utf-8" and (broken := _broken_utf8(data)) is not None:
                return broken
            if name == "gb18030" and (cut := _cut_gb18030(data, exc)) is not None:
                return cut
            continue
        if not (name == "utf-8" and _plain_utf8(data, text)) and _looks_binary(text):
            break
        if not text or text.isspace():  # (not text.strip(), which copies the whole text)
            raise DecodeError("文件为空")
        return Decoded(text=text, encoding=name)
    raise DecodeError("不是可读的文本文件（含二进制数据或无法识别的编码；支持 UTF-8、GB18030、UTF-16）")


def _broken_utf8(data: bytes) -> Decoded | None:
    """``data`` read as UTF-8 with its few broken places kept (see the module's docstring), or None when the
    bytes are not UTF-8 with a few broken characters (too many breaks, or too few whole characters)."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []  # (index in pieces of the break, bytes)
    view, start = memoryview(data), 0
    while True:
        try:
            pieces.append(codecs.utf_8_decode(view[start:], "strict", True)[0])
            break
        except UnicodeDecodeError as exc:
            if len(spans) == MAX_BREAKS:
                return None
            pieces.append(codecs.utf_8_decode(view[start:start + exc.start], "strict", True)[0])
            spans.append((len(pieces), exc.end - exc.start))
            pieces.append("\ufffd")
            start += exc.end
    text_length = sum(len(piece) for i, piece in enumerate(pieces) if i not in {at for at, _ in spans})
    whole_extra = len(data) - sum(size for _, size in spans) - text_length  # bytes beyond one per character
    if whole_extra < _WHOLE_PER_BREAK * len(spans):
        return None
    if spans[-1][0] == len(pieces) - 2 and not pieces[-1]:  # the file ends in the broken character: cut short
        del pieces[-2:]
    text = "".join(pieces)
    if _looks_binary(text.replace("\ufffd", "")) or not text or text.isspace():
        return None
    return Decoded(text=text, encoding="utf-8", breaks=tuple(_breaks(pieces, spans)))


def _cut_gb18030(data: bytes, exc: UnicodeDecodeError) -> Decoded | None:
    """A GB18030 file cut short in its last character (a copy stopped short): the bytes before it, whole
    GB18030, with the cut told as a break at the end; None when the bytes fail anywhere else."""
    if exc.reason != "incomplete multibyte sequence" or exc.end != len(data) or len(data) - exc.start > 3:
        return None
    try:
        text = data[:exc.start].decode("gb18030")
    except UnicodeDecodeError:
        return None
    if _looks_binary(text) or not text or text.isspace():
        return None
    line, column = _place_after(text)
    return Decoded(text=text, encoding="gb18030", breaks=(Break(line, column, len(data) - exc.start, True),))


def _place_after(text: str) -> tuple[int, int]:
    """The 1-based line and column of the character that would follow ``text`` (lines as ``splitlines``)."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return 1, 1
    last = lines[-1]
    if last.splitlines()[0] != last:  # the text ends in a line break
        return len(lines) + 1, 1
    return len(lines), len(last) + 1


def _breaks(pieces: list[str], spans: list[tuple[int, int]]) -> list[Break]:
    """Each span's place in the text read (the pieces before it joined, earlier U+FFFD marks included)."""
    return [Break(*_place_after("".join(pieces[:at])), size, at >= len(pieces)) for at, size in spans]


def break_problems(decoded: Decoded, file: str) -> list[Problem]:
    """Each broken place of ``decoded`` as an error at its line and column (a file cut short: at its end)."""
    out = []
    encoding = "GB18030" if decoded.encoding == "gb18030" else "UTF-8"
    for b in decoded.breaks:
        if b.at_end:
            message = (f"{CUT_CHARACTER}（末尾 {b.size} 个字节不是完整的 {encoding} 字符，已略去）："
                       "文件可能不完整，请核对原文件")
        else:
            message = (f"此处有 {b.size} 个字节不是完整的 UTF-8 字符（文件可能在此处被截断或拼接），"
                       "已标为「\ufffd」：请核对原文件此处的文字")
        out.append(Problem(Source(file, line=b.line, column=b.column), message))
    return out
