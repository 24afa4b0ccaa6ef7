"""Bounded cost for PDF files: streams inflated in bounded steps, objects counted before parsing.

pdfminer (under pdfplumber) inflates a stream in one call and interprets whatever a page
draws. A 10 KB PDF whose content stream inflates to megabytes of line operators costs
seconds and gigabytes. Two guards, both driven by :class:`perfbudget.config.Limits`:

* **Streams.** While :func:`bounded_streams` is active (in this thread or task only),
  pdfminer's Flate and LZW decoders are replaced by ones that count the bytes they
  produce and stop past ``max_part_bytes`` for one stream or ``max_unzipped_bytes`` for
  the whole file; a RunLength stream that could expand past the limit is refused. Outside
  the context pdfminer behaves exactly as published (the wrappers call the originals).
* **Parsing.** pdfminer's tokenizer (every object, content stream, font and CMap it parses, and every line
  its search for the cross-reference table and its scan of a file without a valid one read) counts each
  token and line against :func:`parse_bound` (``PARSE_PER_OBJECT`` × ``max_pdf_objects``): a file of a
  million objects and no table of them cost 66 s of CPU and 540 MB, a font of two million widths 7.8 s and
  420 MB, until 2026-12-05 (hostile20).
* **Objects.** :func:`page_objects` counts, from a page's decoded content, what the
  interpreter would make: every operator plus every byte of every text string (each may
  become a character), a form XObject counted again each time it is drawn (nested forms
  multiply; a form drawing itself is refused). A page over ``max_pdf_page_objects`` or a
  file over ``max_pdf_objects`` is refused before pdfplumber interprets the page.

Past a limit :class:`perfbudget.readers.bounds.LimitExceeded` is raised with the message for
the user. pdfminer swallows some exceptions (fonts, broken objects); the budget also keeps
the first message so that the reader refuses the file even then.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from perfbudget import text_caches
from perfbudget.config import Limits
from perfbudget.readers.bounds import LimitExceeded

_CHUNK = 1024 * 1024
# An operator: 1–3 letters (or ' "), not part of a name, number or longer word.
_OPERATOR = re.compile(rb"(?<![A-Za-z0-9_./#\\-])[A-Za-z'\"][A-Za-z0-9*]{0,2}(?![A-Za-z0-9_])")
_STRING_MARK = re.compile(rb"\\.|[()]", re.DOTALL)  # what opens, closes or escapes in a literal string
_HEX = re.compile(rb"<[0-9A-Fa-f\s]*>")
_DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s+Do(?![A-Za-z0-9_])")
_MAX_NESTING = 12
# Tokens and lines pdfminer may parse per object the file may draw (Limits.max_pdf_objects): a drawn object is
# some 1–3 tokens of a content stream; pdfminer spends some 3–7 µs a token. The real PDFs of the corpus and the
# fixtures parse at most some 27,000 tokens (the seed's ten projects), a browser's print of a long page 150,000
# (measured 2026-12-05).
PARSE_PER_OBJECT = 5


def parse_bound(limits: Limits) -> int:
    """Most tokens and lines pdfminer may parse in one PDF."""
    return PARSE_PER_OBJECT * limits.max_pdf_objects


class StreamBudget:
    """Bytes inflated from one PDF, and the first limit it went past (if any)."""

    __slots__ = ("exceeded", "inflated", "limits", "parse_left")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.inflated = 0
        self.exceeded: str | None = None
        self.parse_left = parse_bound(limits)

    def parsed(self) -> None:
        """Count one token or line pdfminer's parser reads."""
        self.parse_left -= 1
        if self.parse_left < 0:
            raise self.fail(f"PDF 的内容过多：解析的记号超过 {parse_bound(self.limits)} 个的上限（环境变量 "
                            f"PERFBUDGET_MAX_PDF_OBJECTS 的 {PARSE_PER_OBJECT} 倍），疑似恶意构造的文件；未读取")

    def fail(self, message: str) -> LimitExceeded:
        if self.exceeded is None:
            self.exceeded = message
        return LimitExceeded(message)

    def take(self, produced: int, stream_total: int) -> None:
        """Count ``produced`` more bytes of a stream that has given ``stream_total`` so far."""
        self.inflated += produced
        limits = self.limits
        if stream_total > limits.max_part_bytes:
            raise self.fail(f"PDF 中有一个数据流解压后超过 {limits.max_part_bytes / 1048576:.0f} MB 上限（环境变量 "
                            "PERFBUDGET_MAX_PART_MB），疑似压缩炸弹；未读取")
        if self.inflated > limits.max_unzipped_bytes:
            raise self.fail(f"PDF 的数据流解压后共超过 {limits.max_unzipped_bytes / 1048576:.0f} MB 上限（环境变量 "
                            "PERFBUDGET_MAX_UNZIPPED_MB），疑似压缩炸弹；未读取")


_ACTIVE: ContextVar[StreamBudget | None] = ContextVar("perfbudget_pdf_budget", default=None)


def _inflate(data: bytes, budget: StreamBudget) -> bytes:
    """zlib-inflate ``data`` in bounded steps; a damaged tail keeps what came before (as pdfminer does)."""
    inflater = zlib.decompressobj()
    parts: list[bytes] = []
    total = 0
    pending: bytes | memoryview = data
    try:
        while pending:
            out = inflater.decompress(pending, _CHUNK)
            total += len(out)
            budget.take(len(out), total)
            parts.append(out)
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        rest = inflater.flush()
        total += len(rest)
        budget.take(len(rest), total)
        parts.append(rest)
    except zlib.error:
        if not parts:
            raise
    return b"".join(parts)


class _BoundedZlib:
    """Stands for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data: bytes, *args: Any) -> bytes:
        budget = _ACTIVE.get()
        if budget is None or args:
            return zlib.decompress(data, *args)
        return _inflate(data, budget)


def _install() -> None:
    """Put the counting decoders into pdfminer (once; they defer to the originals outside a read)."""
    from pdfminer import pdftypes

    if getattr(pdftypes, "_perfbudget_bounded", False):
        return
    original_lzw = pdftypes.lzwdecode
    original_rl = pdftypes.rldecode
    original_corrupted = pdftypes.decompress_corrupted

    def lzwdecode(data: bytes) -> bytes:
        budget = _ACTIVE.get()
        if budget is None:
            return original_lzw(data)
        import io

        from pdfminer.lzw import LZWDecoder

        parts, total = [], 0
        for part in LZWDecoder(io.BytesIO(data)).run():
            total += len(part)
            budget.take(len(part), total)
            parts.append(part)
        return b"".join(parts)

    def rldecode(data: bytes) -> bytes:
        budget = _ACTIVE.get()
        if budget is not None:
            budget.take(0, len(data) * 64)  # a RunLength byte pair expands to at most 128 bytes
        return original_rl(data)

    def decompress_corrupted(data: bytes) -> bytes:
        budget = _ACTIVE.get()
        if budget is None:
            return original_corrupted(data)
        return _inflate(data, budget)

    from pdfminer import psparser

    original_token = psparser.PSBaseParser.nexttoken
    original_line = psparser.PSBaseParser.nextline

    def nexttoken(self: Any) -> Any:
        budget = _ACTIVE.get()
        if budget is not None:
            budget.parsed()
        return original_token(self)

    def nextline(self: Any) -> Any:
        budget = _ACTIVE.get()
        if budget is not None:
            budget.parsed()
        return original_line(self)

    original_reverse = psparser.PSBaseParser.revreadlines

    def revreadlines(self: Any) -> Iterator[bytes]:  # the search for the last cross-reference table, from the end
        for line in original_reverse(self):
            budget = _ACTIVE.get()
            if budget is not None:
                budget.parsed()
            yield line

    psparser.PSBaseParser.revreadlines = revreadlines  # type: ignore[method-assign]
    psparser.PSBaseParser.nexttoken = nexttoken  # type: ignore[method-assign]
    psparser.PSBaseParser.nextline = nextline  # type: ignore[method-assign]
    pdftypes.zlib = _BoundedZlib  # type: ignore[assignment]
    pdftypes.lzwdecode = lzwdecode
    pdftypes.rldecode = rldecode
    pdftypes.decompress_corrupted = decompress_corrupted
    pdftypes._perfbudget_bounded = True  # type: ignore[attr-defined]


@contextmanager
def bounded_streams(limits: Limits) -> Iterator[StreamBudget]:
    """Inside: every stream pdfminer decodes in this thread/task is counted against ``limits``."""
    _install()
    budget = StreamBudget(limits)
    token = _ACTIVE.set(budget)
    try:
        yield budget
    finally:
        _ACTIVE.reset(token)
        text_caches.read(budget.inflated)  # what the page texts were read from (the file's bytes: read_bytes)


def string_bytes(data: bytes) -> int:
    """The bytes inside the literal strings ``( … )`` of a content stream, nested parentheses and escapes as a PDF
    reader takes them (a string never closed: to the end), in one pass over its parentheses. Until attack24 a regular
    expression scanned from every ``(`` to the next ``)`` that closed it, or to the end: a 505-byte PDF whose page
    holds 20,000 ``(`` cost 12 s of CPU before any limit was looked at (quadratic)."""
    total = depth = start = 0
    for mark in _STRING_MARK.finditer(data):
        token = mark.group()
        if token == b"(":
            if depth == 0:
                start = mark.end()
            depth += 1
        elif token == b")" and depth:
            depth -= 1
            if depth == 0:
                total += mark.start() - start
    return total + (len(data) - start if depth else 0)


def content_objects(data: bytes) -> int:
    """Operators plus text-string bytes of one content stream (an upper bound of what it makes)."""
    count = len(_OPERATOR.findall(data))
    count += string_bytes(data)
    count += sum((len(m) - 2) // 2 for m in _HEX.findall(data))
    return count


def page_objects(page: Any, limit: int) -> int:
    """What a pdfminer page draws (see the module docstring); past ``limit``, LimitExceeded."""
    from pdfminer.pdftypes import resolve1, stream_value
    from pdfminer.psparser import PSLiteral

    memo: dict[int, int] = {}

    def xobjects(resources: Any) -> dict[str, Any]:
        found = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
        return found if isinstance(found, dict) else {}

    def count(data: bytes, resources: Any, depth: int, visiting: tuple[int, ...]) -> int:
        total = content_objects(data)
        if total > limit:
            raise LimitExceeded(_too_many(limit))
        uses: dict[str, int] = {}
        for name in _DRAW.findall(data):
            key = name.decode("latin-1")
            uses[key] = uses.get(key, 0) + 1
        if not uses:
            return total
        table = xobjects(resources)
        for name, times in uses.items():
            ref = table.get(name)
            if ref is None:
                continue
            try:
                form = stream_value(ref)
            except Exception:
                continue
            subtype = resolve1(form.get("Subtype"))
            if not (isinstance(subtype, PSLiteral) and subtype.name == "Form"):
                continue
            key = id(form) if form.objid is None else form.objid
            if key in visiting or depth >= _MAX_NESTING:
                raise LimitExceeded("PDF 中的表单对象互相嵌套过深或循环引用；未读取")
            if key not in memo:
                own = form.get("Resources")
                memo[key] = count(form.get_data(), resolve1(own) if own else resources, depth + 1,
                                  (*visiting, key))
            total += times * memo[key]
            if total > limit:
                raise LimitExceeded(_too_many(limit))
        return total

    resources = page.resources
    total = 0
    for stream in page.contents or ():
        try:
            data = stream_value(stream).get_data()
        except LimitExceeded:
            raise
        except Exception:
            continue  # a damaged content stream: pdfminer skips it too
        total += count(data, resources, 0, ())
        if total > limit:
            raise LimitExceeded(_too_many(limit))
    return total


def _too_many(limit: int) -> str:
    return (f"PDF 的一页中绘制的对象超过 {limit} 个的上限（环境变量 PERFBUDGET_MAX_PDF_PAGE_OBJECTS），"
            "疑似恶意构造的文件；未读取")
