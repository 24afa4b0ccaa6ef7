"""An import may not give a unit the name another unit holds, when a unit-bound account imports it (attack25).

A unit is its code (``store.rows.unit_key``); an import takes the unit's name from the table and renames the
stored unit when the name differs (a unit renamed in a new year's file). Until attack25 a unit editor's upload,
``POST /api/v1/documents``, 申报 or ``perfbudget import --user`` could so rename the editor's own unit to another
unit's name (「255101 岳阳县水利局」 beside 「366202 岳阳县水利局」): the review queue, the desk's next project, the
lists, the opinions and the public page then showed the two units under one name. An account bound to one unit
may still name its unit anew; only a name another coded unit holds (compared as people read it: width forms, invisible
characters and spaces aside) is refused, and only when the import would set it (a unit that holds the name
already, as stored before, imports as before). An admin, a reviewer and the command line without ``--user`` are
not held to it: a unit given a new code keeps its name.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, select

from perfbudget.app.roles import Principal
from perfbudget.model import Unit
from perfbudget.names import canonical_name
from perfbudget.store import Store
from perfbudget.store.rows import unit_key
from perfbudget.store.schema import units

_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """A unit's name as compared: width forms folded, invisible characters and spaces dropped."""
    return _SPACES.sub("", canonical_name(name))


def unit_name_refusal(connection: Connection, principal: Principal | None, unit: Unit) -> str | None:
    """Why ``principal`` may not import a table naming its unit ``unit.name`` (another unit's name), or None."""
    if principal is None or principal.all_units or not unit.name:
        return None
    wanted = name_key(unit.name)
    if not wanted:
        return None
    key = unit_key(unit)
    stored = connection.execute(select(units.c.name).where(units.c.key == key)).scalar()
    if stored is not None and name_key(stored) == wanted:
        return None  # the name the unit holds already: nothing is renamed
    # (a unit stored without a code is left out: its tables are often the unit's own from before its code was written
    # in, as the upload asks an editor to write it — docs/web.md, a table naming its unit without a code)
    for (name,) in connection.execute(select(units.c.name).where(units.c.key != key, units.c.code.is_not(None),
                                                                 units.c.name.is_not(None))):
        if name_key(name) == wanted:  # (which unit is not said: its code is not the account's to learn)
            own = unit.code or principal.unit_code
            return (f"单位名称「{unit.name[:40]}」已是另一个单位的名称，不能用作本单位（{own}）的名称："
                    "请核对表头的单位名称（写本单位的名称），或请管理员导入")
    return None


def unit_name_problem(store: Store, principal: Principal | None, unit: Unit) -> str | None:
    """:func:`unit_name_refusal` read in its own transaction: the import preview says it before the import does."""
    if principal is None or principal.all_units or not unit.name:
        return None
    with store.reading() as tx:
        return unit_name_refusal(tx.connection, principal, unit)
