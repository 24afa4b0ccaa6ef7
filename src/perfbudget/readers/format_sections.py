"""Which section of an Excel number format shows a number (forms36).

A number format has up to four sections separated by ``;``: positive (and zero, with two sections), negative, zero
and text. Excel shows a negative number through the second section *without its sign*, which the section writes
itself (``0.00;[红色]-0.00``, ``#,##0.00_);(#,##0.00)``, ``0;"减少"0``), and a zero through the third
(``0.00;-0.00;"-"`` and Chinese Excel's 会计专用 ``_ * "-"??_ `` show ``-``; an empty section shows nothing).
The xlsx reader used the first section for every number: ``-5`` under ``0;"减少"0`` read ``-5``, not ``减少5``; a
zero under 会计专用 read ``0.00``, not ``-``. Conditional sections (``[<0]``, ``[>=100]``) are not chosen here:
the first whose condition holds shows the number as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from perfbudget.readers.format_digits import FORMAT_CACHE, MOST_SECTIONS

_CONDITION_START = "<>="


def sections(fmt: str) -> list[str]:
    """A format's sections: split at the ``;`` outside quotes, brackets and escapes."""
    parts: list[str] = []
    start = i = 0
    while i < len(fmt):
        char = fmt[i]
        if char == '"':
            end = fmt.find('"', i + 1)
            i = len(fmt) if end < 0 else end + 1
            continue
        if char == "[":
            end = fmt.find("]", i)
            i = len(fmt) if end < 0 else end + 1
            continue
        if char in "\\!_*":
            i += 2
            continue
        if char == ";":
            parts.append(fmt[start:i])
            start = i + 1
        i += 1
    parts.append(fmt[start:])
    return parts


def _conditional(section: str) -> bool:
    return section.startswith("[") and section[1:2] in _CONDITION_START


@dataclass(frozen=True, slots=True)
class _Sections:
    """A format's sections as ``shown_section`` uses them, read once a format (attack33: a format of 42 sections of
    conditions was split and its bounds read for each of 150,000 cells, 3.6 s of CPU): at most four (Excel takes
    no more), each conditional one's comparison and bound (None: the condition is not read, the section is skipped)."""

    parts: tuple[str, ...]
    conditions: tuple[tuple[str, Decimal | None], ...] | None  # (operator, bound) of each part; None: no condition
    negative_writes_sign: bool


@lru_cache(maxsize=FORMAT_CACHE)
def _read(fmt: str) -> _Sections:
    parts = tuple(sections(fmt)[:MOST_SECTIONS])
    conditions = tuple(map(_condition, parts)) if any(map(_conditional, parts)) else None
    return _Sections(parts, conditions, len(parts) >= 2 and _writes_sign(parts[1]))


def shown_section(fmt: str, number: Decimal) -> tuple[str, Decimal, bool]:
    """The section that shows ``number``, the number it shows (a negative number's absolute value when a section of
    its own writes it) and whether a minus sign must be put before it: the one-section case (Excel writes the minus)
    and a negative section that writes neither a minus nor brackets (``0.00;[红色]0.00``: the colour is the sign a
    person reads; the text keeps it as ``-``)."""
    if ";" not in fmt:
        return fmt, number, False
    read = _read(fmt)
    parts = read.parts
    if read.conditions is not None:
        return _by_condition(parts, read.conditions, number), number, False
    if number < 0 and len(parts) >= 2:
        return parts[1], -number, not read.negative_writes_sign
    if number == 0 and len(parts) >= 3:
        return parts[2], number, False
    return parts[0], number, False


def _condition(part: str) -> tuple[str, Decimal | None]:
    """A section's comparison and bound (``[<60]`` → ("<", 60)); ("", None) without a readable one."""
    if not _conditional(part):
        return "", None
    end = part.find("]")
    condition = part[1:end].replace(" ", "")
    operator = next((op for op in ("<=", ">=", "<>", "<", ">", "=") if condition.startswith(op)), "")
    try:
        bound = Decimal(condition[len(operator):])
    except ArithmeticError:
        return operator, None
    return operator, None if bound.is_nan() else bound  # (``[<NaN]`` compares with nothing: not a condition)


def _by_condition(parts: tuple[str, ...], conditions: tuple[tuple[str, Decimal | None], ...],
                  number: Decimal) -> str:
    """The section of a conditional format (``[<60]"不合格";[<80]"合格";"优秀"``) for ``number``: the first whose
    condition holds, else the first without a condition (the last section if all have one)."""
    for part, (operator, bound) in zip(parts, conditions, strict=True):
        if not _conditional(part):
            return part
        if bound is not None and _COMPARISONS[operator](number, bound):
            return part
    return parts[-1]


_COMPARISONS = {"<=": Decimal.__le__, ">=": Decimal.__ge__, "<>": Decimal.__ne__, "<": Decimal.__lt__,
                ">": Decimal.__gt__, "=": Decimal.__eq__}


def _writes_sign(section: str) -> bool:
    """Whether a negative section writes the sign itself: a minus or an opening bracket outside ``[...]``, or any
    literal text (``"减少"0``, ``"下降"0%``: the word is the sign)."""
    depth = 0
    for char in section.replace("G/通用格式", ""):
        if char == "[":
            depth += 1
        elif char == "]":
            depth = max(depth - 1, 0)
        elif depth == 0 and (char in "-(（−\"\\" or ord(char) > 0x2E7F):
            return True
    return False
