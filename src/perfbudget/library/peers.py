"""What the review rules compare a table with: its indicators' peers and last year's project.

The rules (``review/rules_library.py``) are plain functions of a document and a config; the
library they compare with is put in place around a review with :func:`using` (a context
variable), so that a review without a database is unchanged. :class:`StorePeers` reads a store's
library; tests and other callers may give any object with the same two methods.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from perfbudget.library.grouping import Leader, assign
from perfbudget.library.names import name_key, normalise
from perfbudget.text_caches import keyed_on_texts

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from perfbudget.model import Project, Unit
    from perfbudget.store import Store, StoredVersion
    from perfbudget.store.transaction import Transaction


@dataclass(frozen=True, slots=True)
class PeerStats:
    """A group's distribution of targets in one measure unit.

    Attributes:
        group: the group's name.
        measure_unit: the measure unit ("" when none is written).
        units: how many units set such targets.
        count: how many indicators.
        p10, p50, p90: quantiles of the target values.
    """

    group: str
    measure_unit: str
    units: int
    count: int
    p10: Decimal
    p50: Decimal
    p90: Decimal


class Peers(Protocol):
    def peers(self, name: str, measure_unit: str) -> PeerStats | None: ...

    def last_year(self, unit: Unit, project: Project) -> Project | None: ...


_UNSET = object()
_CURRENT: ContextVar[Peers | object | None] = ContextVar("perfbudget_library_peers", default=_UNSET)
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")


def current() -> Peers | None:
    """The library in use for the review running now, or None."""
    peers = _CURRENT.get()
    return None if peers is _UNSET else peers  # type: ignore[return-value]


def chosen() -> bool:
    """Whether a caller has put a library (or none, ``using(None)``) in place for the review running now."""
    return _CURRENT.get() is not _UNSET


@contextmanager
def using(peers: Peers | None) -> Iterator[None]:
    """Review with ``peers`` as the library (None: without one)."""
    token = _CURRENT.set(peers)
    try:
        yield
    finally:
        _CURRENT.reset(token)


@keyed_on_texts
@lru_cache(maxsize=1 << 16)  # a province's review asks it twice per project and once per candidate
def name_stem(name: str) -> str:
    """A project's name without its year (2024年X项目 → X项目), normalised."""
    return normalise(_YEAR.sub("", name))


def project_year(project: Project) -> int | None:
    if project.fund_year is not None:
        return project.fund_year
    found = re.search(r"((?:19|20)\d{2})\s*年", project.name)
    return int(found.group(1)) if found else None


class StorePeers:
    """The library of a store, as the rules ask it (with a cache per name)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._groups: dict[str, int | None] = {}
        self._stats: dict[int, dict[str, object]] = {}
        self._unit_projects: dict[tuple[str, int], list[dict[str, Any]]] = {}

    def group_of(self, name: str) -> int | None:
        """The group an indicator name belongs to (placed among the groups by the grouping test when new)."""
        from perfbudget.store import library_reads as reads
        from perfbudget.store import library_rows as rows

        if name in self._groups:
            return self._groups[name]
        norm = normalise(name)
        with self._reading() as connection:
            found = reads.group_of_spelling(connection, name) or reads.group_of_norm(connection, norm)
            if found is None and norm:
                key = name_key(norm)
                keyed = rows.groups_by_key(connection, [key.key])
                heads = rows.leaders_by_head(connection, [key.head[:64]]).get(key.head[:64], [])
                placed = assign(key, {k: g for k, (g, _l) in keyed.items()},
                                [Leader(g, name_key(leader)) for g, leader in heads])
                found = placed.group
        self._groups[name] = found
        return found

    def peers(self, name: str, measure_unit: str) -> PeerStats | None:
        from perfbudget.store import library_reads as reads

        group = self.group_of(name)
        if group is None:
            return None
        if group not in self._stats:
            with self._reading() as connection:
                row = reads.group_rows(connection, [group]).get(group)
            self._stats[group] = {"name": row["name"], **json.loads(row["stats"] or "{}")} if row else {}
        stats = self._stats[group]
        for measure in stats.get("measures", []):  # type: ignore[attr-defined]
            if measure["unit"] == measure_unit:
                return PeerStats(str(stats["name"]), measure_unit, measure["units"], measure["count"],
                                 Decimal(measure["p10"]), Decimal(measure["p50"]), Decimal(measure["p90"]))
        return None

    def last_year(self, unit: Unit, project: Project) -> Project | None:
        from perfbudget.store import library_reads as reads
        from perfbudget.store.rows import unit_key

        year = project_year(project)
        if year is None or (not unit.code and not unit.name):
            return None
        stem = name_stem(project.name)
        key = (unit_key(unit), year - 1)
        candidates = self._unit_projects.get(key)
        if candidates is None:  # asked once per unit and year: a unit's projects are reviewed together
            with self._reading() as connection:
                candidates = self._unit_projects[key] = reads.unit_projects(connection, *key)
        matches = [c for c in candidates if name_stem(c["name"]) == stem
                   and (not project.fund_source or not c["fund_source"] or c["fund_source"] == project.fund_source)]
        if len(matches) != 1:
            return None
        versions = self._latest_versions(matches[0]["id"])
        return versions[0].document.projects[0] if versions else None

    def _reading(self) -> AbstractContextManager[Connection]:
        return self.store.library_reading()

    def _latest_versions(self, project_id: int) -> list[StoredVersion]:
        return self.store.latest_versions(project_ids=[project_id])


class TransactionPeers(StorePeers):
    """:class:`StorePeers` read through an open transaction's connection (a review saved inside an import's or
    an edit's transaction asks no second connection, which a busy pool might not have to give)."""

    def __init__(self, tx: Transaction) -> None:
        super().__init__(None)  # type: ignore[arg-type]
        self.tx = tx

    def _reading(self) -> AbstractContextManager[Connection]:
        return nullcontext(self.tx.connection)

    def _latest_versions(self, project_id: int) -> list[StoredVersion]:
        return self.tx.current_versions(project_ids=[project_id])
