"""Errors the use-case layer raises for the faces to show (the web maps them to HTTP statuses)."""

from __future__ import annotations


class NotFound(LookupError):
    """Something the user asked for does not exist, or is not theirs to see (ids leak nothing)."""

    def __init__(self, what: str = "该对象") -> None:
        super().__init__(f"没有找到{what}")
        self.what = what
        self.message = f"没有找到{what}"
