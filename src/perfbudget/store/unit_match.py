"""The unit a ``--unit`` option or an API's ``unit`` names, as the store keys units (``units.key``): its code, else
the name of a unit without a code. ``publish --unit`` and the publication addresses took such a name since
leftovers18 (``app.overview.unit_by_key``); the lists, the batches (``review``/``evaluate``/``template --unit``)
and the API's ``GET /projects?unit=`` matched the code alone until replay-i, so an uncoded unit's projects could be
published by its name but not listed, reviewed or evaluated by it."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, or_

from perfbudget.store.schema import units


def unit_named(unit: str) -> Any:
    """``units`` rows named by ``unit``: the unit of that code, or a unit without a code of that name."""
    return or_(units.c.code == unit, and_(units.c.code.is_(None), units.c.name == unit))
