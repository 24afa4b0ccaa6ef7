"""The keys of units merged away (``unit_aliases``, migration 1830): a later import naming one lands in the unit it
was merged into.

A unit is keyed by its code, or by its name when it has none (:func:`perfbudget.store.rows.unit_key`); a merge
(:mod:`perfbudget.app.unit_admin`) deletes the unit merged away, so until replay-r an import of a table naming that
unit's code or name found no unit of that key and stored the unit anew. The merge keeps the unit's keys here — its
own key and, for a coded unit, its name's key too (the same unit's table copied from a web page gives no code) — and
:func:`merged_into` answers, for a key no unit holds, the unit it now belongs to. A live unit of the key always wins
(a unit of that name imported again before these aliases existed keeps its own projects).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import Connection, delete, insert, select, update

from perfbudget.model import Unit
from perfbudget.store.bulk import run
from perfbudget.store.rows import unit_key
from perfbudget.store.schema import unit_aliases, utc_now


def alias_keys(code: str | None, name: str | None) -> list[str]:
    """The keys a table naming this unit gives: its own key and, for a coded unit, its name's key."""
    keys = [unit_key(Unit(code, name))]
    if code and name:
        keys.append(unit_key(Unit(None, name)))
    return keys


def keep_aliases(connection: Connection, source: Any, target: Any) -> list[str]:
    """Point the keys of unit ``source`` (a ``units`` row being merged away), and the aliases it held, at unit
    ``target``; returns the keys kept (not the target's own)."""
    connection.execute(update(unit_aliases).where(unit_aliases.c.unit_id == source.id).values(unit_id=target.id))
    keys = [key for key in alias_keys(source.code, source.name) if key != target.key]
    if keys:
        connection.execute(delete(unit_aliases).where(unit_aliases.c.key.in_(keys)))
        now = utc_now()
        connection.execute(insert(unit_aliases), [{"key": key, "unit_id": target.id, "merged_at": now}
                                                  for key in keys])
    return keys


class MergedInto(NamedTuple):
    """The ``units`` row a unit was merged into."""

    id: int
    key: str
    code: str | None
    name: str | None


def merged_into(connection: Connection, key: str) -> MergedInto | None:
    """The ``units`` row the unit of ``key`` was merged into, when no unit holds ``key`` itself; else None.

    One statement through the driver (every document of a bulk import asks, for a key that is nearly always a
    live unit's or a new one's: two SQLAlchemy statements were some 8 % of the importing process's writes)."""
    found = run(connection, "SELECT u.id, u.key, u.code, u.name FROM unit_aliases a JOIN units u ON u.id = a.unit_id "
                            "WHERE a.key = ? AND NOT EXISTS (SELECT 1 FROM units l WHERE l.key = ?)", (key, key),
                replanned=True)  # (PostgreSQL: never a plan kept from an empty table)
    return MergedInto(*found[0]) if found else None


def heirs(connection: Connection) -> dict[str, str]:
    """Every alias key no live unit holds, with the key of the unit it was merged into: what :func:`merged_into`
    answers for each such key, read at once (a bulk import with several writers keeps a unit's documents and those
    naming a unit merged into it on one writer, ``app.bulk_writers``)."""
    return dict(run(connection, "SELECT a.key, u.key FROM unit_aliases a JOIN units u ON u.id = a.unit_id "
                                "WHERE NOT EXISTS (SELECT 1 FROM units l WHERE l.key = a.key)", (), replanned=True))


def aliases_of(connection: Connection, unit_id: int) -> list[str]:
    """The keys merged into unit ``unit_id``, in order."""
    return list(connection.execute(select(unit_aliases.c.key).where(unit_aliases.c.unit_id == unit_id)
                                   .order_by(unit_aliases.c.key)).scalars())
