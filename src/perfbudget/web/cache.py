"""A small cache for the dashboard aggregates, invalidated whenever the data changes.

The key includes a *data stamp*: the highest ids of project versions, reviews, evaluations
and workflow events, plus the number of workflow states (one cheap indexed query). Any
import, edit, review, evaluation or workflow step — from this process, another worker or
the CLI — changes the stamp, so a stale entry is never served.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Connection, func, select

from perfbudget.store.schema import evaluations, project_versions, reviews
from perfbudget.web.tables import workflow_events

T = TypeVar("T")


def data_stamp(connection: Connection) -> tuple[Any, ...]:
    """Changes whenever stored data that the dashboard shows changes."""
    query = select(
        select(func.max(project_versions.c.id)).scalar_subquery(),
        select(func.max(reviews.c.id)).scalar_subquery(),
        select(func.max(evaluations.c.id)).scalar_subquery(),
        select(func.max(workflow_events.c.id)).scalar_subquery(),
    )
    return tuple(connection.execute(query).one())


class DashboardCache:
    """At most ``size`` entries, least recently used evicted; thread-safe; off when not ``enabled``."""

    def __init__(self, enabled: bool = True, size: int = 256) -> None:
        self.enabled = enabled
        self.size = size
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        if not self.enabled:
            return compute()
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]
        value = compute()
        with self._lock:
            self.misses += 1
            self._entries[key] = value
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
        return value
