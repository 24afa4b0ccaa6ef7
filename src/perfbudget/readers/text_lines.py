"""The first lines of a text without splitting the whole of it.

The layout detectors of the text reader look at the first few thousand lines only. Each used to take
them as ``text.splitlines()[:n]``, splitting the whole text a dozen times and keeping lists of millions
of strings: 45 MB of empty CSV cells (``,,,,`` on 9,000,000 lines) cost 1.4 GB and some 10 s of CPU
before it was refused (found by attack10, fixed by attack11). :func:`head_lines` splits a growing prefix.
"""

from __future__ import annotations

_FIRST_PREFIX = 64 * 1024


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
