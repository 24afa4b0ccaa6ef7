"""A unit renamed or merged into another by an admin (:mod:`perfbudget.app.unit_admin`): the rows that change.

A project's identity hashes its unit's key (``rows.project_identity``: the code, or the name of a unit without one),
so renaming a unit without a code, or merging a unit into another, gives each of its projects a new identity; a
project the other unit holds already under that identity is a clash, refused before anything is written. Documents
and projects move to the unit kept; ``project_status`` follows its triggers (``UPDATE OF unit_id``); the library is
brought up to date by the caller afterwards (its entries name units by id).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, delete, select, update

from perfbudget.model import Budget, Project, Unit
from perfbudget.steps import Steps, quiet_steps
from perfbudget.store.rows import project_identity, unit_key
from perfbudget.store.schema import documents, projects, units

_NO_BUDGET = Budget()


def _identity(unit: Unit, row: Any) -> str:
    """A stored project's identity under ``unit`` (only the name, fund year and fund label count)."""
    shell = Project(seq=0, title=None, name=row.name, fund_label=row.fund_label, fund_year=row.fund_year,
                    fund_source=None, budget=_NO_BUDGET, purpose=None, goals=(), indicators=())
    return project_identity(unit, shell)


def rekeyed_projects(connection: Connection, unit_id: int, unit: Unit) -> tuple[dict[int, str], list[str]]:
    """The projects of unit ``unit_id`` with their identities under ``unit`` (id → identity), and those whose new
    identity another project holds already, each 「名称（资金，编号 N 与 M）」: this unit's project N and the other's M
    (the numbers an admin deletes one copy by, ``perfbudget project delete``)."""
    own = connection.execute(select(projects.c.id, projects.c.name, projects.c.fund_label, projects.c.fund_year)
                             .where(projects.c.unit_id == unit_id).order_by(projects.c.id)).all()
    wanted = {row.id: _identity(unit, row) for row in own}
    taken = dict(connection.execute(select(projects.c.identity, projects.c.id).where(
        projects.c.identity.in_(list(wanted.values())), projects.c.unit_id != unit_id)).all()) if wanted else {}
    clashes = [f"「{row.name}」（{row.fund_label or '无资金标签'}，编号 {row.id} 与 {taken[wanted[row.id]]}）"
               for row in own if wanted[row.id] in taken]
    return wanted, clashes


def move_projects(connection: Connection, identities: dict[int, str], unit_id: int,
                  steps: Steps = quiet_steps) -> None:
    """Give each project its new identity and unit (two passes: no identity is held twice in between); ``steps``
    told 移动项目 then 更新项目标识, a project at a time."""
    for done, project_id in enumerate(identities, 1):
        connection.execute(update(projects).where(projects.c.id == project_id)
                           .values(identity=f"moving:{project_id}", unit_id=unit_id))
        steps("移动项目", done, len(identities))
    for done, (project_id, identity) in enumerate(identities.items(), 1):
        connection.execute(update(projects).where(projects.c.id == project_id).values(identity=identity))
        steps("更新项目标识", done, len(identities))


def rename_unit_row(connection: Connection, unit_id: int, unit: Unit) -> None:
    """The unit's name (and, without a code, its key) as ``unit`` gives them."""
    connection.execute(update(units).where(units.c.id == unit_id).values(name=unit.name, key=unit_key(unit)))


def merge_unit_rows(connection: Connection, source_id: int, target_id: int) -> None:
    """The documents of unit ``source_id`` moved to ``target_id`` and the emptied unit deleted (its projects moved
    before by :func:`move_projects`)."""
    connection.execute(update(documents).where(documents.c.unit_id == source_id).values(unit_id=target_id))
    connection.execute(delete(units).where(units.c.id == source_id))


def unit_project_ids(connection: Connection, unit_id: int) -> list[int]:
    return list(connection.execute(select(projects.c.id).where(projects.c.unit_id == unit_id)).scalars())


def unit_row(connection: Connection, unit_id: int) -> Any:
    return connection.execute(select(units).where(units.c.id == unit_id)).first()


def units_by_name(connection: Connection) -> list[Any]:
    return list(connection.execute(select(units.c.id, units.c.code, units.c.name)).all())
