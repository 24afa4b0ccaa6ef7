"""Whole numbers people type (ids, years, pages, days): ASCII digits only, within bounds.

``str.isdigit`` is also true of ``²`` and ``٢``, which ``int`` refuses, and a database integer
holds at most 2⁶³ − 1: every face reads a typed number through :func:`plain_int`, so neither
becomes a crash — a number out of bounds is no number.
"""

from __future__ import annotations

MAX_ID = 2**63 - 1  # the largest BIGINT / SQLite INTEGER
YEAR_MIN, YEAR_MAX = 1000, 9999


def plain_int(text: str | None, low: int = 0, high: int = MAX_ID) -> int | None:
    """``text`` (spaces around allowed) as an int when it is ASCII digits within ``low``–``high``; else None."""
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > 19 or not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if low <= value <= high else None


def is_number(text: str | None) -> bool:
    """Whether ``text`` (spaces around allowed) is ASCII digits only, of any length: what a reference to a stored
    row takes as its id (``0`` and a number past :data:`MAX_ID` included: ids no row has, never a name)."""
    text = (text or "").strip()
    return bool(text) and text.isascii() and text.isdigit()


def stored_id(text: str | None) -> int | None:
    """``text`` as a row id (1 … 2⁶³ − 1), or None."""
    return plain_int(text, 1, MAX_ID)


def plain_year(text: str | None) -> int | None:
    """``text`` as a four-digit year, or None."""
    return plain_int(text, YEAR_MIN, YEAR_MAX)
