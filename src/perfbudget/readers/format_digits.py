"""What an Excel number format does to the digits themselves (forms35): scaling commas and literal points.

Two idioms of Chinese workbooks show an amount in 元 as 万元 without changing the cell: a literal point between
the digit placeholders (``0!.0000``, ``0"."0000``, ``0\\.0000``: 30000 shown ``3.0000``) and a comma after the last
placeholder, which divides by 1,000 (``0!.0,"万"``: 1938000 shown ``193.8万``; ``#,##0,`` shows thousands).
Excel fills the placeholders from the right with the digits of the (scaled, rounded) integer, the leftmost taking
what is left, and writes the literals where they stand. The xlsx reader showed the bare number (``1938000万``:
a budget ten thousand times too large, status ok); these give the text Excel shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from operator import add

# the most custom number formats a workbook may hold: Excel keeps at most 206 (and cannot load a file of more,
# [MS-OI29500] 2.1.713). Each format is read once, its sections (at most four) kept in the caches of FORMAT_CACHE
# entries: a file of 16,000 formats of 255 characters (0.5 MB) cost 13 s and 540 MB until attack33
MOST_FORMATS = 500
MOST_SECTIONS = 4  # positive, negative, zero, text: Excel takes no more
FORMAT_CACHE = (MOST_SECTIONS + 1) * MOST_FORMATS + 24  # a format and each of its sections, and General's names
DIGIT, LITERAL, GENERAL, OTHER = "d", "l", "g", "o"  # and ".", ",", "%" for themselves
_PLACEHOLDER_KINDS = frozenset((DIGIT, GENERAL, ".", ",", "%"))
# General in a custom format: Excel's English name, and the Chinese Excel's and WPS's (``G/通用格式"人"``)
_GENERAL_NAMES = ("G/通用格式", "General")
# characters Excel shows without quotes (a negative section's ``-`` and brackets, ``=``, ``+``); ``/`` and ``:``
# are a fraction's and a time's, ``$`` the caller drops as a currency sign
_SHOWN_ASCII = frozenset("$-+()^'{}<>=&~ ")
_UNCOVERED = frozenset("EeGgYyMmDdHhSs@/")  # an exponent, a date or time, text: not rewritten here


@lru_cache(maxsize=FORMAT_CACHE)  # (a workbook's formats are read once each: attack33)
def format_tokens(fmt: str) -> tuple[tuple[str, str], ...]:
    """The first section of a number format as (kind, text) tokens: a digit placeholder (``0#?``), ``.``, ``,``,
    ``%``, General's name, a literal (quoted, after ``\\`` or ``!``, a bare CJK character or one of the ASCII
    characters Excel shows as they are: ``-``, brackets, ``+``, ``=``, space …) or another character;
    ``[Red]``, ``[$-804]``, ``_x`` and ``*x`` (layout) give none."""
    tokens: list[tuple[str, str]] = []
    i = 0
    while i < len(fmt):
        char = fmt[i]
        if char == ";":
            break
        if char == '"':
            end = fmt.find('"', i + 1)
            end = len(fmt) if end < 0 else end
            tokens.append((LITERAL, fmt[i + 1:end]))
            i = end + 1
            continue
        if char in "\\!" and i + 1 < len(fmt):
            tokens.append((LITERAL, fmt[i + 1]))
            i += 2
            continue
        if char == "[":
            end = fmt.find("]", i)
            i = len(fmt) if end < 0 else end + 1
            continue
        if char in "_*":
            i += 2
            continue
        if char == "G" and (general := next((name for name in _GENERAL_NAMES if fmt.startswith(name, i)),
                                            None)) is not None:
            tokens.append((GENERAL, general))
            i += len(general)
            continue
        if char in "0#?":
            tokens.append((DIGIT, char))
        elif char in ".,%":
            tokens.append((char, char))
        else:
            tokens.append((LITERAL if ord(char) > 0x2E7F or char in _SHOWN_ASCII else OTHER, char))
        i += 1
    return tuple(tokens)


def literals_around(fmt: str) -> tuple[str, str]:
    """The literal text of a format's first section before its first placeholder and after its last: a literal
    between placeholders (``0"."0000``) is part of the number, not after it."""
    before: list[str] = []
    after: list[str] = []
    seen_number = False
    for kind, text in format_tokens(fmt):
        if kind == LITERAL:
            (after if seen_number else before).append(text)
        elif kind in _PLACEHOLDER_KINDS:
            if seen_number and kind != "%":
                after.clear()
            seen_number = True
    return "".join(before), "".join(after)


def _tokens(fmt: str) -> tuple[tuple[str, str], ...] | None:
    """:func:`format_tokens`, or None for a format these rules do not cover (an exponent, General's names, a date
    or time)."""
    tokens = format_tokens(fmt)
    if any(kind == GENERAL or (kind == OTHER and text in _UNCOVERED) for kind, text in tokens):
        return None
    return tokens


def thousands_scale(fmt: str) -> int:
    """How many times a format divides by 1,000: the commas right after its last digit placeholder (``#,##0,``
    one, ``0.00,,`` two); a comma between placeholders groups and does not scale."""
    if "," not in fmt:
        return 0
    tokens = _tokens(fmt)
    if tokens is None:
        return 0
    kinds = [kind for kind, _ in tokens if kind in (DIGIT, ",", ".")]
    count = 0
    while kinds and kinds[-1] == ",":
        kinds.pop()
        count += 1
    return count if DIGIT in kinds else 0


@dataclass(frozen=True)
class PointedLayout:
    """The digit placeholders of a format with literals between them (``0!.0000"万元"``, ``0"中"0"中"0``), laid out
    once a format so that a cell's text is made in time of its own digits, not of the format's length (a format of
    255 characters, 127 placeholders with a literal between each two, was walked token by token for every cell, and
    the digits cut one at a time: forms38)."""

    joints: tuple[str, ...]  # the literal text after each placeholder, up to the next one (the last: "")
    padded: str  # each placeholder as it shows without a digit (``0`` → ``0``, ``#`` and ``?`` → nothing), joints
    ends: tuple[int, ...]  # the length of ``padded`` up to the k-th placeholder (k = 0 … placeholders)


def literal_point_layout(fmt: str) -> PointedLayout | None:
    """The layout of a format whose digit placeholders have a literal between them and no decimal point
    (``0!.0000"万元"``, ``0"."0,"万"``); None for any other format. Literals before the first placeholder and after
    the last are the caller's (``number_shape._format_literals``)."""
    if "!" not in fmt and '"' not in fmt and "\\" not in fmt:
        return None
    tokens = _tokens(fmt)
    if tokens is None or any(kind == "." for kind, _ in tokens):
        return None
    places = [n for n, (kind, _) in enumerate(tokens) if kind == DIGIT]
    if not places or not any(kind == LITERAL for kind, _ in tokens[places[0]:places[-1]]):
        return None
    joints = tuple("".join(text for kind, text in tokens[here + 1:there] if kind == LITERAL)
                   for here, there in zip(places, [*places[1:], places[-1] + 1], strict=True))
    padded: list[str] = []
    ends = [0]
    for n, joint in zip(places, joints, strict=True):
        padded.append(("0" if tokens[n][1] == "0" else "") + joint)
        ends.append(ends[-1] + len(padded[-1]))
    return PointedLayout(joints, "".join(padded), tuple(ends))


def pointed_digits(layout: PointedLayout, scaled: Decimal) -> str:
    """The text Excel shows for the integer ``scaled`` (scaled by the format's commas and rounded) in the digit
    placeholders and literals of ``layout`` (:func:`literal_point_layout`): Excel fills the placeholders from the
    right, one digit each, the first taking what is left; a placeholder left without a digit shows ``0`` for a
    ``0`` and nothing for ``#`` or ``?``."""
    digits = str(abs(scaled))
    joints = layout.joints
    seats, count = len(joints), len(digits)
    if count >= seats:
        first = count - seats + 1
        shown = digits[:first] + joints[0] + "".join(map(add, digits[first:], joints[1:]))
    else:
        free = seats - count  # the placeholders left of the digits
        shown = layout.padded[:layout.ends[free]] + "".join(map(add, digits, joints[free:]))
    return ("-" if scaled < 0 else "") + shown
