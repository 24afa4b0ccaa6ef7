"""Process-wide caches of functions of short texts: a call on a long text is answered without the cache.

The readers and the review keep what they learn of a cell's text, a name or a description in ``lru_cache``s of
thousands of entries (8,192 to 131,072) that live as long as the process — the web server's, which reads every
upload. An entry holds its text, so a cache's memory was bounded by its count times the longest text a file may
hold: until attack41 a unit editor's upload previews of indicators with distinct 20,000-character descriptions
(each within ``app.validate.MAX_TEXT``) left some 40 KB a description in the review's caches after the request —
some 5 GB once a cache of 131,072 entries is full, after some 170 previews of 800 such indicators; a reader's cache
of cell texts was bounded by the file size only. :func:`text_cache` caches a call whose texts together hold at
most :data:`LONGEST` characters (every real name, label and target; most descriptions), and answers a longer one
by calling the function (as often as such a text is met: real tables hold few): a cache holds at most its count
times :data:`LONGEST` characters.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _lru_cache_wrapper, lru_cache, update_wrapper
from typing import Any, TypeVar, cast

LONGEST = 256  # characters of the texts of one cached call

T = TypeVar("T")


def characters(value: object) -> int:
    """The characters of the texts in ``value``: a text, a tuple of them (nested), else none."""
    if isinstance(value, str):
        return len(value)
    return sum(characters(item) for item in value) if isinstance(value, tuple) else 0


def _only_parameter(function: Callable[..., Any]) -> str:
    """The name of ``function``'s one parameter, else ""."""
    code = function.__code__
    return code.co_varnames[0] if code.co_argcount == 1 and not code.co_kwonlyargcount and not code.co_flags & 0x0C \
        else ""


def text_cache(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """``lru_cache(maxsize)`` for a function of texts (or None, tuples of texts, numbers), a call whose texts hold
    more than :data:`LONGEST` characters together answered without the cache; ``cache_clear``, ``cache_info`` and
    ``__wrapped__`` as ``lru_cache`` gives them (typed as its wrapper)."""

    def decorate(function: Callable[..., T]) -> _lru_cache_wrapper[T]:
        cached = lru_cache(maxsize=maxsize)(function)
        one_text = function.__annotations__.keys() == {"return", _only_parameter(function)} \
            and function.__annotations__[_only_parameter(function)] in ("str", str)

        def call_one(text: str, cached: Any = cached, function: Any = function) -> T:
            # (most: one text, called for every cell or name; its few instructions are the readers' and review's cost)
            return cached(text) if len(text) <= LONGEST else function(text)

        def call(*args: Any, **named: Any) -> T:
            size = sum(characters(a) for a in args) + sum(characters(v) for v in named.values())
            return cached(*args, **named) if size <= LONGEST else function(*args, **named)

        wrapper: Any = call_one if one_text else call
        update_wrapper(wrapper, function)
        wrapper.cache_clear, wrapper.cache_info = cached.cache_clear, cached.cache_info
        return cast("_lru_cache_wrapper[T]", wrapper)

    return decorate
