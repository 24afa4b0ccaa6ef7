"""The domain's word lists, ``review/vocabulary.toml``, for every layer that looks words up.

The review's rules cut texts into words and look them up (``review/language.py``); the readers take the classes of
the economic classification of expenditure from the same lists (``readers/expense_parts.py``: a 部门整体 table's
split by kind of spending), so that a list is written once. This module sits below both: the readers cannot import
the review package (its rules import the readers' cell helpers). Read on first use, cached.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The parsed ``review/vocabulary.toml``."""
    text = (resources.files("perfbudget") / "review" / "vocabulary.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=64)
def word_set(section: str, key: str) -> frozenset[str]:
    """One list of the vocabulary as a set: ``word_set("vague", "words")``."""
    return frozenset(vocabulary()[section][key])
