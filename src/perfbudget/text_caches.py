"""The process-wide caches keyed on the texts a file or a table brings, emptied together once enough was read.

The readers and the review keep what they learn of a label, a name, a description or a target in ``lru_cache``s
and dicts of 1,024 to 200,000 entries that live as long as the process; each entry holds its text. Bounded by
their entries only, they kept every long text an upload brought: a long-running ``perfbudget serve`` could hold
some 5 GB (attack41). Each such cache is registered here (:func:`keyed_on_texts` above its ``lru_cache``,
:func:`held_by` for a dict's own emptying), which adds nothing to a cached call. Where texts come into the
process their characters are counted (:func:`read`): at a document's end ``readers.read_bytes`` the file's bytes
(the zip and PDF bounds the bytes they inflated), at a request's end the web's guard the body's bytes (:func:`count`:
on the event loop it only counts, the emptying then runs in a worker thread), and the store the texts of the projects
and indicators a load makes, summed and counted once a load (an indicator shared from an earlier load is not counted
again). Once the count since the last emptying passes :data:`BUDGET` every registered cache is emptied: they then
hold at most about the texts of :data:`BUDGET` characters read (and those of the document being read), whatever
is uploaded. The review counts nothing (its texts came in one of those ways): counting a document's texts there
cost almost 1 % of a review. An emptying costs the next tables their labels uncached once (about 15 M
instructions, some 25 tables' reading).

A test (``tests/security/test_attack42.py``) fails on a cache of the package with more than 64 entries that is
neither registered here nor named as keyed on something else than texts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

# Characters read (file bytes, bytes inflated, bodies, texts loaded) after which the caches are emptied: some 10,000
# tables of ordinary texts (an emptying's 15 M instructions then cost 0.25 % of their reading); the caches hold
# about one character for each character read (attack42's count: 1.1), some 32-64 MB of texts at most.
BUDGET = 16_000_000


class _Cache(Protocol):
    def cache_clear(self) -> None: ...


CacheT = TypeVar("CacheT", bound=_Cache)

_EMPTYING: list[Callable[[], None]] = []
_read = 0


def keyed_on_texts(cache: CacheT) -> CacheT:
    """Register an ``lru_cache`` keyed on texts a file may bring (placed above ``@lru_cache``); returns it as is."""
    _EMPTYING.append(cache.cache_clear)
    return cache


def held_by(empty: Callable[[], None]) -> None:
    """Register how a dict cache keyed on such texts is emptied (its ``clear``, or its module's own forgetting)."""
    _EMPTYING.append(empty)


def read(characters: int) -> None:
    """Count ``characters`` read into the caches; past :data:`BUDGET` since the last emptying, empty them all."""
    global _read
    _read += characters
    if _read > BUDGET:
        empty()


def count(characters: int) -> bool:
    """Count ``characters`` read without emptying here (the web's guard, on the event loop: an emptying frees up to
    some 1.5 M entries, every request waiting); True when past :data:`BUDGET`, the caller then empties
    (:func:`empty`) in a worker thread — else the next :func:`read` does."""
    global _read
    _read += characters
    return _read > BUDGET


def empty() -> None:
    """Empty every registered cache (each is pure: the same answers follow, worked out again)."""
    global _read
    _read = 0
    for emptying in _EMPTYING:
        emptying()


def registered() -> tuple[Callable[[], None], ...]:
    """How each registered cache is emptied (the test of the registry)."""
    return tuple(_EMPTYING)
