"""The caches of one process, every entry keyed by the data version (:mod:`perfbudget.web.freshness`).

* :class:`DashboardCache`: the dashboard aggregates per scope and year (shared by users of
  the same scope).
* :class:`PageCache`: the rendered HTML of the dashboard and of project pages, per role,
  unit and page parameters (what a page shows depends on nothing else). The session's
  CSRF token and the user's name are not in the cached HTML: pages are rendered with
  per-process placeholders, replaced by the token and name of the session served.
* :class:`UserCache`: the account of a session (user id and session epoch → principal),
  so that a request needs no account query.
* :class:`FileCache`: made downloads (a project's 绩效目标表 in Word, Excel, HTML or JSON: bytes, media type and file
  name) per role and unit scope, :mod:`perfbudget.web.downloads`.

Whenever the data version differs from the one the entries were made under, every entry
is dropped first: nothing computed before a change is served after it, whichever process
made the change. The page and dashboard caches follow the version's ``data`` counter only
(:func:`perfbudget.web.freshness.data_part`: a sign-out leaves them be), the account cache the
whole version. The caches are thread-safe and bounded (LRU).
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

from perfbudget.web.freshness import data_part

T = TypeVar("T")


def _whole(version: Hashable) -> Hashable:
    return version


class _Generational(Generic[T]):
    """An LRU map whose entries all belong to one data version (its :attr:`part` the cache follows);
    bounded by count and by ``weight``."""

    part: Callable[[Hashable], Hashable] = staticmethod(_whole)

    def __init__(self, enabled: bool, max_entries: int, max_weight: int | None = None,
                 weight: Callable[[T], int] | None = None) -> None:
        self.enabled = enabled
        self.max_entries = max_entries
        self.max_weight = max_weight
        self._weight = weight
        self._entries: OrderedDict[Hashable, T] = OrderedDict()
        self._total = 0
        self._version: Hashable = None
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def _sync(self, version: Hashable) -> None:
        if version != self._version:
            self._entries.clear()
            self._total = 0
            self._version = version

    def get(self, version: Hashable, key: Hashable) -> T | None:
        if not self.enabled:
            return None
        version = self.part(version)
        with self._lock:
            self._sync(version)
            value = self._entries.get(key)
            if value is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return value

    def put(self, version: Hashable, key: Hashable, value: T) -> None:
        """Keep ``value`` computed under ``version`` (ignored if the version has moved on since)."""
        if not self.enabled:
            return
        version = self.part(version)
        with self._lock:
            if self._version is not None and version != self._version:
                return  # computed under an older (or newer) version than the entries kept now
            self._sync(version)
            old = self._entries.pop(key, None)
            if old is not None and self._weight:
                self._total -= self._weight(old)
            self._entries[key] = value
            if self._weight:
                self._total += self._weight(value)
            while self._entries and (len(self._entries) > self.max_entries
                                     or (self.max_weight is not None and self._total > self.max_weight)):
                _, dropped = self._entries.popitem(last=False)
                if self._weight:
                    self._total -= self._weight(dropped)

    def get_or_compute(self, version: Hashable, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached value, else computed once: concurrent requests for the same key wait for it. A computation
        that raises keeps nothing (its gate is dropped too: a refused key, such as another unit's project, would
        otherwise leave one behind for each)."""
        found = self.get(version, key)
        if found is not None or not self.enabled:
            return found if found is not None else compute()
        version = self.part(version)
        with self._lock:
            gate = self._computing.setdefault((version, key), threading.Lock())
        try:
            with gate:
                found = self.get(version, key)
                if found is None:
                    found = compute()
                    self.put(version, key, found)
        finally:
            with self._lock:
                self._computing.pop((version, key), None)
        return found

    @property
    def version(self) -> Hashable:
        """The data version (its :attr:`part`) the entries kept now were made under (None before the first)."""
        return self._version

    def peek(self, key: Hashable) -> T | None:
        """The entry of ``key`` under :attr:`version`, if any: no hit or miss counted, the LRU order left
        as it is (a guess of what :meth:`get` will find; :mod:`perfbudget.web.page_path`)."""
        if not self.enabled:
            return None
        with self._lock:
            return self._entries.get(key)

    def __len__(self) -> int:
        return len(self._entries)


class DashboardCache(_Generational[Any]):
    """Dashboard aggregates (and the list of years) per scope, for one data version."""

    part = staticmethod(data_part)

    def __init__(self, enabled: bool = True, size: int = 256) -> None:
        super().__init__(enabled, size)


class PageCache(_Generational[bytes]):
    """Rendered pages (UTF-8 HTML with the CSRF placeholder), at most ``max_bytes`` in all."""

    part = staticmethod(data_part)

    def __init__(self, enabled: bool = True, max_bytes: int = 64 * 1024 * 1024, max_entries: int = 20_000) -> None:
        super().__init__(enabled, max_entries, max_bytes, len)
        # Random per process, so no stored text can contain it by chance or on purpose.
        self.placeholder = "csrf-placeholder-" + secrets.token_hex(16)
        self.placeholder_bytes = self.placeholder.encode("ascii")
        self.name_placeholder = "name-placeholder-" + secrets.token_hex(16)
        self.name_placeholder_bytes = self.name_placeholder.encode("ascii")


class FileCache(_Generational[tuple[bytes, str, str]]):
    """Made downloads (bytes, media type, file name), at most ``max_bytes`` of bytes in all."""

    part = staticmethod(data_part)

    def __init__(self, enabled: bool = True, max_bytes: int = 64 * 1024 * 1024, max_entries: int = 256) -> None:
        super().__init__(enabled, max_entries, max_bytes, lambda made: len(made[0]))


class UserCache(_Generational[Any]):
    """(user id, session epoch) → principal (or None for an account that is gone or disabled)."""

    def __init__(self, enabled: bool = True, size: int = 10_000) -> None:
        super().__init__(enabled, size)
        self._none = object()

    def lookup(self, version: Hashable, key: Hashable) -> tuple[bool, Any]:
        found = self.get(version, key)
        if found is None:
            return False, None
        return True, None if found is self._none else found

    def keep(self, version: Hashable, key: Hashable, principal: Any) -> None:
        self.put(version, key, self._none if principal is None else principal)
