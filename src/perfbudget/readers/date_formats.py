"""A date cell as its Excel date format shows it (forms36; xlsx's ``_chinese_date`` before).

A date format is year, month and day fields (``yyyy`` / ``yy``, ``m`` / ``mm``, ``d`` / ``dd``) between literals
(quoted, escaped, CJK, ``/ - .`` and space), after bracketed codes that change no digit: a locale (``[$-804]``),
a colour, and ``[DBNum1]``–``[DBNum3]``, which spell the digits as Chinese numerals (二〇二一年十二月三十一日):
the date read is the same one, kept in Arabic digits as the period and time-target readers read it. Excel's system
long date (``[$-F800]dddd, mmmm dd, yyyy``) shows ``2021年12月31日`` on a Chinese system. A format with a time
field, a month's or a day's name (``mmm``, ``ddd``, ``aaaa``) or an era (``e``, ``g``) is not covered (None: the
date as ISO 8601, as before).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from perfbudget.readers.format_digits import FORMAT_CACHE

_SEPARATORS = frozenset("/-. ,")
# the built-in date formats of a Chinese Excel (ECMA-376 18.8.30, zh-cn), written by id with no format text: openpyxl
# knows ids 0–49 of the English table only and gives these cells as numbers under General (44561 for 2021年12月31日)
CJK_BUILTIN_DATES = {27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
                     36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
                     54: 'm"月"d"日"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"'}
_FIELDS = "ymd"


# the most fields a date format read here may have (Excel's own show a year, a month and a day each at most twice):
# a format of 255 characters of fields was read anew for each of 150,000 cells, 3.3 s of CPU until attack33
_MOST_FIELDS = 8
_Piece = str | tuple[str, int]  # a literal, or a field (y, m or d) and its width


def shown_date(value: dt.date, fmt: str | None) -> str | None:
    """The text a date format shows for ``value``; None for a format not covered here or a time of day."""
    if not fmt or (isinstance(value, dt.datetime) and value.time() != dt.time()):
        return None
    pieces = _pieces(fmt)
    if pieces is None:
        return None
    out: list[str] = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(piece)
        elif (text := _field(value, *piece)) is None:
            return None
        else:
            out.append(text)
    return "".join(out).strip()


@lru_cache(maxsize=FORMAT_CACHE)
def _pieces(fmt: str) -> tuple[_Piece, ...] | None:
    """A date format read once (attack33): its literals and fields in order; None for a format not covered here."""
    if fmt[:8].upper() == "[$-F800]":
        return ("", ("y", 4), "年", ("m", 1), "月", ("d", 1), "日")
    out: list[_Piece] = []
    fields = 0
    i = 0
    while i < len(fmt):
        char = fmt[i]
        lower = char.lower()
        if char == "[":
            end = fmt.find("]", i)
            if end < 0:
                return None
            i = end + 1
            continue
        if char == ";":  # (``;@``: the text section)
            break
        if char == '"':
            end = fmt.find('"', i + 1)
            if end < 0:
                return None
            out.append(fmt[i + 1:end])
            i = end + 1
            continue
        if char in "\\!" and i + 1 < len(fmt):
            out.append(fmt[i + 1])
            i += 2
            continue
        if char in "_*":
            i += 2
            continue
        if lower in _FIELDS:
            end = i
            while end < len(fmt) and fmt[end].lower() == lower:
                end += 1
            fields += 1
            if fields > _MOST_FIELDS or (lower != "y" and end - i > 2):
                return None  # (``mmm``, ``dddd``: a month's or a day's name)
            out.append((lower, end - i))
            i = end
            continue
        if char in _SEPARATORS or ord(char) > 0x2E7F:
            out.append(char)
            i += 1
            continue
        return None  # a time, an era, a weekday's name …
    return tuple(_joined(out)) if fields else None


def _joined(pieces: list[_Piece]) -> list[_Piece]:
    """Runs of literals as one."""
    out: list[_Piece] = []
    for piece in pieces:
        if isinstance(piece, str) and out and isinstance(out[-1], str):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _field(value: dt.date, kind: str, width: int) -> str | None:
    if kind == "y":
        return f"{value.year % 100:02d}" if width <= 2 else str(value.year)
    number = value.month if kind == "m" else value.day
    if width == 1:
        return str(number)
    return f"{number:02d}" if width == 2 else None
