"""Stored project versions joined into one document, to work on them as on a file.

The store keeps each project version as a one-project document (the unit, money unit and
kind of the file that brought it). Evaluation and review work on documents: a fill-in sheet
speaks for one unit's projects in one money unit, and the review's cross-project rules
compare the tables of one unit. :func:`combine` joins versions of one unit and money unit
into one :class:`~perfbudget.model.Document`; :func:`group_versions` splits a wider choice
into such groups first.

Seq numbers are kept when they are unique (the seed imported once gives the same numbers as
the file); when projects from several files collide, they are numbered 1…n in listing order
and ``renumbered`` tells the caller, who tells the user.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from perfbudget.model import Document, Source

if TYPE_CHECKING:
    from perfbudget.store.queries import StoredVersion


@dataclass(frozen=True, slots=True)
class StoredSelection:
    """Stored project versions joined into one document.

    Attributes:
        document: the unit, money unit and projects (seq possibly renumbered).
        versions: seq in ``document`` → the stored version it is.
        renumbered: whether seq numbers were reassigned because they collided.
    """

    document: Document
    versions: dict[int, StoredVersion]
    renumbered: bool = False


def _unit_key(version: StoredVersion) -> str:
    unit = version.document.unit
    return f"code:{unit.code}" if unit.code else f"name:{unit.name}"


def group_versions(versions: list[StoredVersion]) -> list[list[StoredVersion]]:
    """The versions split by unit and money unit, groups and members in their given order."""
    groups: dict[tuple[str, str | None], list[StoredVersion]] = {}
    for version in versions:
        groups.setdefault((_unit_key(version), version.document.money_unit), []).append(version)
    return list(groups.values())


def combine(versions: list[StoredVersion]) -> StoredSelection | str:
    """One document of the given versions, or a message (Chinese) saying why not."""
    if not versions:
        return "没有符合条件的项目（可用 perfbudget list projects 查看库中的项目）"
    units = {_unit_key(v) for v in versions}
    if len(units) > 1:
        return f"所选项目属于 {len(units)} 个单位，一张填报表只对应一个单位：请用 --unit 指定单位编码"
    money_units = sorted({v.document.money_unit or "未注明" for v in versions})
    if len(money_units) > 1:
        return (f"所选项目的金额单位不同（{'、'.join(money_units)}），一张填报表只能用一种金额单位："
                "请分开评价（指定项目，或用 --year 缩小范围）")
    projects = [v.document.projects[0] for v in versions]
    renumbered = len({p.seq for p in projects}) < len(projects)
    if renumbered:
        projects = [replace(p, seq=n) for n, p in enumerate(projects, 1)]
    files = {v.meta["file"] for v in versions}
    first = versions[0].document
    label = next(iter(files)) if len(files) == 1 else f"数据库（{len(files)} 个文件）"
    document = Document(unit=first.unit, money_unit=first.money_unit, projects=tuple(projects), kind=first.kind,
                        source=Source(label))
    return StoredSelection(document, {p.seq: v for p, v in zip(projects, versions, strict=True)}, renumbered)
