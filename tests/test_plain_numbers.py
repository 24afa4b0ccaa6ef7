"""Typed whole numbers: ASCII digits within bounds, nothing else (``²`` and 20-digit ids are no ids)."""

from __future__ import annotations

import pytest

from perfbudget.plain_numbers import MAX_ID, plain_int, plain_year, stored_id


@pytest.mark.parametrize(("text", "expected"), [
    ("42", 42), (" 7 ", 7), ("0", 0), (str(MAX_ID), MAX_ID),
    ("²", None), ("٢", None), ("4²", None), ("", None), (None, None), ("-3", None), ("+3", None), ("3.0", None),
    ("1e3", None), ("9" * 20, None), (str(MAX_ID + 1), None),
])
def test_plain_int(text: str | None, expected: int | None) -> None:
    assert plain_int(text) == expected


def test_bounds() -> None:
    assert plain_int("5", 1, 4) is None and plain_int("4", 1, 4) == 4
    assert stored_id("0") is None and stored_id("1") == 1
    assert plain_year("2025") == 2025 and plain_year("999") is None and plain_year("10000") is None
