"""A cell's number format read once for all the cells that use it: what ``xlsx.cell_text`` needs of it.

A workbook's cells share a few formats, but a format's text is the workbook's to choose: one of 80,000 characters
used by 2,000 cells (a 42 KB file) was read anew for every cell, 104 s of CPU until attack32. A format is read here
once (``number_shape``, kept for as many formats as a workbook may hold: :data:`MOST_FORMATS`, attack33),
and each cell's text is made from its shape (``number_text``) in time of its own digits. A format longer than
Excel allows (255 characters) refuses the workbook (``format_problem``): its literals would be written into each
cell. Excel shows at most 30 decimal places: a format of more shows 30; a number as large as a float (1E+308) or
as long as an int read from text is shown whole, where the default context of 28 digits refused the whole workbook
as damaged (InvalidOperation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import lru_cache

from perfbudget.readers.format_digits import (
    DIGIT,
    FORMAT_CACHE,
    GENERAL,
    LITERAL,
    MOST_FORMATS,
    PointedLayout,
    format_tokens,
    literal_point_layout,
    literals_around,
    pointed_digits,
    thousands_scale,
)

__all__ = ["MOST_FORMATS", "NumberShape", "format_problem", "number_shape", "number_text", "section_literal"]

MOST_FORMAT_CHARACTERS = 255  # Excel's own bound on a number format's code
MOST_DECIMALS = 30  # Excel's own most decimal places of a number format
_DECIMALS = re.compile(r"0\.(0+)")
_CURRENCY = re.compile(r"[¥￥$€£]")
# the most significant digits an int of a cell may have (Python's own bound on an int read from text) and a float's
# largest exponent, with the decimals: the precision that makes quantize exact for every cell value
_PRECISION = 4300 + 310 + MOST_DECIMALS


def format_problem(formats: Iterable[str | None]) -> str | None:
    """Why a workbook's number formats (openpyxl's ``_number_formats``, xlrd's ``format_map``) are not read, or
    None: a format longer than Excel allows writes its literal text into every cell that uses it (a format of
    80,000 characters, a 42 KB file, made 2,000 cells of 40,000 characters each until attack32); more formats than
    :data:`MOST_FORMATS` are each read (16,000 distinct formats of 255 characters, a 0.5 MB file, cost 13 s and
    540 MB until attack33)."""
    distinct = {fmt for fmt in formats if fmt}
    if len(distinct) > MOST_FORMATS:
        return f"文件有 {len(distinct)} 种自定义数字格式，超过 {MOST_FORMATS} 种（Excel 最多 206 种）；未读取"
    longest = max(map(len, distinct), default=0)
    if longest <= MOST_FORMAT_CHARACTERS:
        return None
    return f"文件的自定义数字格式长 {longest} 个字符，超过 Excel 允许的 {MOST_FORMAT_CHARACTERS} 个字符；未读取"


@dataclass(frozen=True)
class NumberShape:
    """What a format does to a number: a percentage, digits with a literal between them, thousands scaled,
    decimal places, the literal text before and after."""

    percent: bool
    pointed: PointedLayout | None  # the digit placeholders and the literals between them
    scale: int  # how many times divided by 1,000
    decimals: int | None  # the places of 0.00 (at most MOST_DECIMALS)
    prefix: str
    suffix: str
    zero_digit: bool = True  # whether a zero shows a digit (not under ``#,###`` or ``??``: forms36)


@lru_cache(maxsize=FORMAT_CACHE)  # (every section of every format of a workbook)
def number_shape(fmt: str) -> NumberShape:
    """The shape of ``fmt`` (read once a format, see the module's note)."""
    percent = "%" in fmt and any(kind == "%" for kind, _ in format_tokens(fmt))
    decimals = _DECIMALS.search(fmt)
    prefix, suffix = _format_literals(fmt)
    return NumberShape(percent, literal_point_layout(fmt), thousands_scale(fmt),
                       min(len(decimals.group(1)), MOST_DECIMALS) if decimals else None, prefix, suffix,
                       _forces_digit(fmt))


@lru_cache(maxsize=FORMAT_CACHE)
def section_literal(section: str) -> str | None:
    """The text a format's section without a digit placeholder writes (a zero shown ``-`` by ``0.00;-0.00;"-"``,
    nothing by ``0;-0;``), or None when the section shows the number (``format_sections.shown_section`` chose it)."""
    tokens = format_tokens(section)
    if any(kind in (DIGIT, GENERAL) for kind, _ in tokens):
        return None
    return _without_currency("".join(text for kind, text in tokens if kind == LITERAL))


def _forces_digit(fmt: str) -> bool:
    """Whether a section shows a digit for a zero: not when all its placeholders are ``#`` or ``?`` (``#,###``,
    ``??``); a ``0``, General, or no placeholder at all (``@``, text: the number as it is) shows one."""
    placeholders = [text for kind, text in format_tokens(fmt) if kind in (DIGIT, GENERAL)]
    return not placeholders or "0" in placeholders or any(text != "#" and text != "?" for text in placeholders)


def number_text(number: Decimal, shape: NumberShape) -> str:
    """The text Excel shows for ``number`` under a format of ``shape``."""
    with localcontext(Context(prec=_PRECISION)):
        if shape.percent:
            number *= 100
        prefix, suffix = shape.prefix, shape.suffix
        percent = "%" if shape.percent else ""
        if shape.pointed is not None:  # 0!.0000"万元": 30000 → 3.0000万元
            scaled = number.scaleb(-3 * shape.scale).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            return prefix + pointed_digits(shape.pointed, scaled) + percent + suffix
        if shape.scale:  # #,##0, → thousands
            number = number.scaleb(-3 * shape.scale)
        if shape.decimals is not None:
            number = number.quantize(Decimal(1).scaleb(-shape.decimals))
        elif number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        text = format(number.normalize() if shape.decimals is None and number != 0 else number, "f")
        if number == 0 and shape.decimals is None and not shape.zero_digit:  # (``#,###``, ``??``: no digit)
            text = ""
        return prefix + text + percent + suffix


def _format_literals(fmt: str) -> tuple[str, str]:
    """The text a number format writes before and after the number: quoted (``0.00"万元"``), escaped
    (``0\\人``) or bare CJK (``0人``) literals of its first section (``format_digits.literals_around``); ``[Red]``,
    ``_x`` and ``*x`` are layout, not text, nor is a currency sign (``"¥"#,##0.00``, Excel's 货币 format). ("", "")
    for the common formats (General, 0.00, 0%, #,##0)."""
    if fmt == "General" or not any(c in _LITERAL_MARKS or ord(c) > 0x2E7F for c in fmt):
        return "", ""
    before, after = literals_around(fmt)
    return _without_currency(before), _without_currency(after)


_LITERAL_MARKS = frozenset('"\\!-+()=<>')  # a format holding none of these (nor CJK) writes no text


def _without_currency(text: str) -> str:
    return _CURRENCY.sub("", text).strip()

