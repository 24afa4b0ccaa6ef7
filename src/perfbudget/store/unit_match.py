"""The unit a ``--unit`` option or an API's ``unit`` names, as the store keys units (``units.key``): its code, else
the name of a unit without a code. ``publish --unit`` and the publication addresses took such a name since
leftovers18 (``app.overview.unit_by_key``); the lists, the batches (``review``/``evaluate``/``template --unit``)
and the API's ``GET /projects?unit=`` matched the code alone until replay-i, so an uncoded unit's projects could be
published by its name but not listed, reviewed or evaluated by it.

A bare text names the unit of that code, else the units of that name: the coded unit when a unit coded so and a
unit without a code named so share it. The pages'
unambiguous addresses are taken too (replay-k): ``by-name/NAME`` names the unit without a code of that name alone,
``by-id/N`` the unit of id N alone (every unit has one; ``perfbudget list units`` shows it), so the CLI and the
API's filters reach the uncoded unit as ``/units/by-name/…`` does on the web."""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, exists, false, or_
from sqlalchemy.orm import aliased

from perfbudget.plain_numbers import plain_int
from perfbudget.store.schema import units

BY_ID = "by-id/"
BY_NAME = "by-name/"


def unit_named(unit: str) -> Any:
    """``units`` rows named by ``unit``: the unit of that code; where no unit has that code, the units of that name
    (a unit without a code is known by its name; the project lists and the review queue, whose filter asks 「编码或
    名称」, took any unit's name before); ``by-id/N`` the unit of id N, ``by-name/NAME`` the unit without a code
    named NAME (no other)."""
    if unit.startswith(BY_ID):
        number = plain_int(unit[len(BY_ID):], 1)
        return units.c.id == number if number is not None else false()
    if unit.startswith(BY_NAME):
        return and_(units.c.code.is_(None), units.c.name == unit[len(BY_NAME):])
    # a name only when no unit has that code: the lists took both until replay-k (12 projects of two units for
    # 「--unit 255101」 where a unit without a code is named 255101), while publish took the coded one
    coded = aliased(units)
    no_code = ~exists().where(coded.c.code == unit)
    return or_(units.c.code == unit, and_(units.c.name == unit, no_code))


def unit_matches(unit: str, code: str | None, name: str | None, unit_id: int | None = None,
                 coded: bool = False) -> bool:
    """Whether the unit of this code, name and id is one ``unit`` names, as :func:`unit_named` says in SQL
    (``coded``: a unit has the code ``unit``, so the bare text names no uncoded unit)."""
    if unit.startswith(BY_ID):
        return unit_id is not None and plain_int(unit[len(BY_ID):], 1) == unit_id
    if unit.startswith(BY_NAME):
        return code is None and name == unit[len(BY_NAME):]
    return code == unit or (name == unit and not coded)
