"""The first lines of a text without splitting the whole of it.

The layout detectors of the text reader look at the first few thousand lines only. Each used to take
them as ``text.splitlines()[:n]``, splitting the whole text a dozen times and keeping lists of millions
of strings: 45 MB of empty CSV cells (``,,,,`` on 9,000,000 lines) cost 1.4 GB and some 10 s of CPU
before it was refused (found by attack10, fixed by attack11). :func:`head_lines` splits a growing prefix.
"""

from __future__ import annotations

import re

_FIRST_PREFIX = 64 * 1024


def whole_if_short(text: str) -> list[str] | None:
    """``text.splitlines()`` when :func:`head_lines` would split the whole text anyway (a text no longer
    than its first prefix), else None: a caller that needs the head for a test and then every line (the
    text reader's tab-cell test and one-pass path) splits a short text once."""
    return text.splitlines() if len(text) <= _FIRST_PREFIX else None


def head_lines(text: str, count: int) -> list[str]:
    """Exactly ``text.splitlines()[:count]``, splitting only a prefix of the text long enough to hold them.

    The first ``count`` lines of a prefix are the text's own once the prefix holds a line more: a line
    whose end lies in the prefix ends there (a ``\\r`` at the prefix's end followed by ``\\n`` would be a
    last line, not followed by another)."""
    size = _FIRST_PREFIX
    while size < len(text):
        lines = text[:size].splitlines()
        if len(lines) > count:
            return lines[:count]
        size *= 4
    return text.splitlines()[:count]


_LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines breaks
_TEXT = re.compile(r"\S")


def first_line_with_text(text: str) -> str:
    """Exactly ``next((line for line in text.splitlines() if line.strip()), "")``, without splitting the text:
    the line around its first character that is not whitespace (a CSV fill-in sheet of 9,000,000 lines of
    empty cells held 600 MB of lines to find its first; attack11)."""
    found = _TEXT.search(text)
    if found is None:
        return ""
    start = max(text.rfind(mark, 0, found.start()) for mark in _LINE_BREAKS) + 1
    end = min((at for at in (text.find(mark, found.start()) for mark in _LINE_BREAKS) if at >= 0), default=len(text))
    return text[start:end]
