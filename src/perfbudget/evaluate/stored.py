"""Evaluate projects taken from the store, and split results into per-project records.

A fill-in sheet speaks for one unit's projects in one money unit, so the chosen stored
versions are joined into one :class:`~perfbudget.model.Document` when they share a unit and
a money unit. Their seq numbers are kept when they are unique (the seed imported once gives
the same numbers as the file); when projects from several files collide, they are numbered
1…n in listing order and the caller tells the user.

Stored records are per project: :func:`split_evaluation` / :func:`split_monitoring` give each
project's one-project result, whose ``to_dict`` is the payload kept in the store (the same
shape the web app stores, read back by ``evaluation_from_dict`` / ``monitoring_from_dict``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from perfbudget.evaluate.monitor import Monitoring
from perfbudget.evaluate.result import Evaluation
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


def split_evaluation(evaluation: Evaluation, selection: StoredSelection) -> list[tuple[StoredVersion, Evaluation]]:
    """Each scored project as its own one-project evaluation, with the version it belongs to
    (``document_file`` is the file that brought that version, ``seq`` its number in that file)."""
    out = []
    for project in evaluation.projects:
        version = selection.versions[project.seq]
        own = replace(project, seq=version.document.projects[0].seq)
        out.append((version, replace(evaluation, projects=(own,), document_file=version.meta["file"])))
    return out


def split_monitoring(monitoring: Monitoring, selection: StoredSelection) -> list[tuple[StoredVersion, Monitoring]]:
    """Each monitored project as its own one-project monitoring, with the version it belongs to."""
    out = []
    for project in monitoring.projects:
        version = selection.versions[project.seq]
        own = replace(project, seq=version.document.projects[0].seq)
        out.append((version, replace(monitoring, projects=(own,), document_file=version.meta["file"])))
    return out
