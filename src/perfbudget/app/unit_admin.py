"""An admin's choices about units: rename one, merge one into another — for every face (the API's
``POST /api/v1/units/{id}/rename`` and ``…/merge``, ``perfbudget unit rename|merge``).

The same unit is often stored twice: once by its name alone (a table copied from a web page gives no 单位编码; the
store keys such a unit by its name) and once by its code, or under two spellings of its name. Until replay-q nothing
but the database itself could put them together or correct a name: an admin had no action for it on any face.

* **rename**: the unit's name as shown everywhere. A name another unit holds (compared as people read it: width
  forms, invisible characters and spaces aside, ``unit_name_clash.name_key``) is refused, with the hint to merge. A
  unit without a code is keyed by its name, so its projects are keyed anew (a project's identity hashes its unit's
  key). A later import of a coded unit's table names the unit as that table does (as before).
* **merge**: every project and document of one unit moved to another, the emptied unit deleted, its keys kept as
  aliases (``store.unit_aliases``): a later import of a table naming the merged unit's code or name lands in the unit
  kept (it stored that unit anew until replay-r). Refused, nothing written, while accounts are bound to the unit
  merged away (their unit would vanish), or when a project of the one is a project of the other too (the same name,
  fund year and fund label): they are listed with both copies' numbers and the way out — delete the wrong copy
  (:mod:`perfbudget.app.project_delete`), then merge. Two histories are not interleaved: each copy has its own
  versions, reviews, workflow and 自评, an approved copy is the record its reviewer signed, and which copy counts is
  the admin's call, not the dates' (docs/store.md).

Both are audited (``unit.rename``, ``unit.merge``, with the names as they were) and bring the indicator library up to
date for the projects they moved. Admins only; ``principal`` None is the command line acting as ``username``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from perfbudget.app.acting import AdminRefused, admin_actor
from perfbudget.app.roles import Principal
from perfbudget.app.unit_name_clash import name_key
from perfbudget.app.validate import BAD_CHARS
from perfbudget.model import Unit
from perfbudget.steps import Steps, quiet_steps
from perfbudget.store.transaction import Actor

if TYPE_CHECKING:
    from perfbudget.store import Store

MOST_NAME = 200  # characters of a unit's name
_LISTED = 5  # clashing projects named in a refusal


class UnitRefused(AdminRefused):
    """Why a unit's rename or merge was refused (Chinese, for the user); ``forbidden`` for a role that may not."""


@dataclass(frozen=True, slots=True)
class UnitOutcome:
    """The unit kept (renamed, or merged into), the projects moved or keyed anew, and what to say."""

    unit_id: int
    projects: int
    message: str


def _actor(principal: Principal | None, username: str | None) -> Actor:
    return admin_actor(principal, username, "修改或合并单位", UnitRefused)


def unit_label(row: Any) -> str:
    """「255101 天津市和平区人民检察院」, a unit without a code 「天津市和平区人民检察院（无编码）」."""
    return f"{row.code} {row.name or ''}".strip() if row.code else f"{row.name or ''}（无编码）"


# where a face's user finds the units' codes and ids, said when a reference names none (the API's and the page's were
# told of `perfbudget list units` until replay-t)
_UNITS_LISTED = {"cli": "perfbudget list units 列出单位编码与编号", "api": "GET /api/v1/units 列出单位编码与编号（id）",
                 "web": "可写单位编码、没有编码的单位的名称或 by-name/名称"}


def units_listed(via: str = "cli") -> str:
    """How the face ``via`` (cli, api, web) lists the units, as a refusal naming a unit not found says it."""
    return f"{_UNITS_LISTED.get(via, _UNITS_LISTED['cli'])}，by-id/编号 指该编号的单位"


def _found(tx: Any, reference: str, via: str = "cli") -> Any:
    """The one unit ``reference`` names (its code, the name of a unit without one, ``by-id/N``, ``by-name/NAME``);
    ``via``: the face asking, whose way to list the units a refusal names."""
    from perfbudget.app.overview import unit_by_key

    # (a control character never reaches a query: a NUL answered 500 on PostgreSQL where the library's actions were
    # first given names, attack21)
    usable = reference.strip() and len(reference) <= 300 and BAD_CHARS.search(reference) is None
    row = unit_by_key(tx, reference) if usable else None
    if row is None:
        raise UnitRefused(f"没有找到单位「{BAD_CHARS.sub(chr(0xFFFD), reference)[:40]}」"
                          f"（{units_listed(via)}）",
                          missing=True)
    return row


def _clean_name(name: str) -> str:
    shown = " ".join(name.split())
    if not shown:
        raise UnitRefused("单位名称不能为空")
    if (bad := BAD_CHARS.search(name)) is not None:
        raise UnitRefused(f"单位名称含有不可见的控制字符（U+{ord(bad.group()):04X}）")
    if len(shown) > MOST_NAME:
        raise UnitRefused(f"单位名称过长（{len(shown)} 个字符，最多 {MOST_NAME} 个）")
    return shown


def rename_unit(store: Store, principal: Principal | None, reference: str, name: str, *,
                username: str | None = None, ip: str | None = None, via: str = "cli",
                steps: Steps = quiet_steps) -> UnitOutcome:
    """Give the unit ``reference`` names the name ``name``. ``steps`` (``perfbudget unit rename``'s bar since faces46's
    second reading): as :func:`merge_units` tells them — a unit without a code is keyed by its name, so its projects
    are keyed anew and brought into the library again, as many as a merge moves."""
    from perfbudget.library.build import update_library_in_chunks
    from perfbudget.store import unit_rows

    actor = _actor(principal, username)
    shown = _clean_name(name)
    steps("核对单位", 0, None)
    with store.transaction() as tx:
        row = _found(tx, reference, via)
        if row.name == shown:
            return UnitOutcome(row.id, 0, f"单位「{unit_label(row)}」已是这个名称，未修改")
        wanted = name_key(shown)
        for other in unit_rows.units_by_name(tx.connection):
            if other.id != row.id and other.name and name_key(other.name) == wanted:
                keep, away = other.code or f"by-id/{other.id}", row.code or f"by-id/{row.id}"
                raise UnitRefused(f"单位名称「{shown}」已由单位「{unit_label(other)}」使用；如是同一单位，请把两个单位"
                                  f"合并（perfbudget unit merge {keep} {away}，"
                                  f"或 POST /api/v1/units/{other.id}/merge）")
        unit = Unit(row.code, shown)
        moved: dict[int, str] = {}
        if not row.code:  # keyed by its name: its projects keyed anew
            moved, clashes = unit_rows.rekeyed_projects(tx.connection, row.id, unit)
            if clashes:  # (no unit holds the name, so no project can hold the identities: kept as a guard)
                raise UnitRefused("以下项目与其他单位的项目相同，无法改名：" + "、".join(clashes[:_LISTED]))
            unit_rows.move_projects(tx.connection, moved, row.id, steps)
        unit_rows.rename_unit_row(tx.connection, row.id, unit)
        tx.audit(actor, "unit.rename", "unit", row.id, f"单位「{unit_label(row)}」改名为「{shown}」",
                 before={"code": row.code, "name": row.name}, after={"code": row.code, "name": shown},
                 unit_code=row.code, ip=ip)
    if moved:
        update_library_in_chunks(store, moved, steps)
    return UnitOutcome(row.id, len(moved), f"单位「{unit_label(row)}」已改名为「{shown}」")


def merge_units(store: Store, principal: Principal | None, into: str, other: str, *,
                username: str | None = None, ip: str | None = None, via: str = "cli",
                steps: Steps = quiet_steps) -> UnitOutcome:
    """Move every project and document of the unit ``other`` names into the unit ``into`` names, and delete the
    emptied unit. ``steps`` (``perfbudget unit merge``'s bar since faces46): 核对单位 while the clashes are looked
    for, 移动项目 and 更新项目标识 a project at a time, then 更新指标库 a chunk at a time
    (``library.build.update_library_in_chunks``)."""
    from perfbudget.library.build import update_library_in_chunks
    from perfbudget.store import unit_rows
    from perfbudget.store.unit_aliases import keep_aliases

    actor = _actor(principal, username)
    steps("核对单位", 0, None)
    with store.transaction() as tx:
        target, source = _found(tx, into, via), _found(tx, other, via)
        if target.id == source.id:
            raise UnitRefused(f"「{unit_label(target)}」与自己是同一个单位，无需合并")
        if source.code:
            bound = tx.connection.execute(_bound_accounts(source.code)).scalars().all()
            if bound:
                raise UnitRefused(f"单位「{unit_label(source)}」还有 {len(bound)} 个账号"
                                  f"（{'、'.join(bound[:_LISTED])}）属于它：请先把这些账号改到保留的单位，再合并")
        moved, clashes = unit_rows.rekeyed_projects(tx.connection, source.id, Unit(target.code, target.name))
        if clashes:
            more = f"等 {len(clashes)} 个" if len(clashes) > _LISTED else ""
            raise UnitRefused(f"未合并：单位「{unit_label(source)}」的项目{'、'.join(clashes[:_LISTED])}{more}"
                              f"在单位「{unit_label(target)}」中也有（项目名称、资金年度与资金标签相同）。"
                              "两份各有自己的版本、审核、流程与自评记录，哪一份算数须由您决定：请先删除误导入的"
                              "那一份（perfbudget project delete 编号，或项目页的「删除项目」，或 DELETE "
                              "/api/v1/projects/编号；已送审的须先退回；审核通过的是正式记录，不能删除，请删另一份），再合并。"
                              "另一份的内容如需保留，可在合并后把它的文件再导入一次，成为保留项目的新版本")
        unit_rows.move_projects(tx.connection, moved, target.id, steps)
        aliases = keep_aliases(tx.connection, source, target)
        unit_rows.merge_unit_rows(tx.connection, source.id, target.id)
        tx.audit(actor, "unit.merge", "unit", target.id,
                 f"单位「{unit_label(source)}」并入「{unit_label(target)}」（{len(moved)} 个项目）",
                 before={"unit": {"id": source.id, "code": source.code, "name": source.name}},
                 after={"unit": {"id": target.id, "code": target.code, "name": target.name},
                        "projects": sorted(moved), "aliases": aliases}, unit_code=target.code, ip=ip)
    update_library_in_chunks(store, moved, steps)
    return UnitOutcome(target.id, len(moved),
                       f"已把单位「{unit_label(source)}」的 {len(moved)} 个项目并入「{unit_label(target)}」")


def _bound_accounts(code: str) -> Any:
    from sqlalchemy import select

    from perfbudget.store.account_tables import users

    return select(users.c.username).where(users.c.unit_code == code).order_by(users.c.username)
