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
times :data:`LONGEST` characters. A function of one text (most of them) is cached in a dict whose look-up is the call
(:class:`_OneText`, emptied when full), others in ``lru_cache`` behind a wrapper that measures the texts.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import _CacheInfo, _lru_cache_wrapper, lru_cache, update_wrapper
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


class _OneText(dict[str, Any]):
    """The cache of a function of one text: a dict whose look-up is the call (a hit costs a dict look-up, no Python
    frame before it), a miss calling the function and keeping its answer when the text is short; emptied when full
    (``maxsize``), not one by one."""

    __call__ = dict.__getitem__

    def __init__(self, function: Callable[[str], Any], maxsize: int) -> None:
        super().__init__()
        self.function, self.maxsize = function, maxsize
        update_wrapper(self, function)

    def __missing__(self, text: str) -> Any:
        value = self.function(text)
        if len(text) <= LONGEST:
            if len(self) >= self.maxsize:
                self.clear()
            self[text] = value
        return value

    def __reduce__(self) -> str:  # pickled by name, as a function is
        return str(self.__dict__["__qualname__"])  # (set by update_wrapper)

    def cache_clear(self) -> None:
        self.clear()

    def cache_info(self) -> _CacheInfo:
        return _CacheInfo(0, 0, self.maxsize, len(self))


def text_cache(maxsize: int) -> Callable[[Callable[..., T]], _lru_cache_wrapper[T]]:
    """``lru_cache(maxsize)`` for a function of texts (or None, tuples of texts, numbers), a call whose texts hold
    more than :data:`LONGEST` characters together answered without the cache; ``cache_clear``, ``cache_info`` and
    ``__wrapped__`` as ``lru_cache`` gives them (typed as its wrapper)."""

    def decorate(function: Callable[..., T]) -> _lru_cache_wrapper[T]:
        one_text = function.__annotations__.keys() == {"return", _only_parameter(function)} \
            and function.__annotations__[_only_parameter(function)] in ("str", str)
        cached = lru_cache(maxsize=maxsize)(function)

        texts_only = all(kind in ("str", "str | None", str) for name, kind in function.__annotations__.items()
                         if name != "return")

        def call(*args: Any, **named: Any) -> T:
            if texts_only:  # (texts or None: measured in C, a row's target and name)
                size = sum(map(len, filter(None, args))) + (sum(map(len, filter(None, named.values()))) if named else 0)
            else:
                size = sum(characters(a) for a in args) + sum(characters(v) for v in named.values())
            return cached(*args, **named) if size <= LONGEST else function(*args, **named)

        if one_text:  # (most: called for every cell or name)
            return cast("_lru_cache_wrapper[T]", _OneText(function, maxsize))
        wrapper: Any = call
        update_wrapper(wrapper, function)
        wrapper.cache_clear, wrapper.cache_info = cached.cache_clear, cached.cache_info
        return cast("_lru_cache_wrapper[T]", wrapper)

    return decorate
