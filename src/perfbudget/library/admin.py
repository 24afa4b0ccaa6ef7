"""An admin's corrections of the grouping: merge groups, split names off, rename a group.

Each choice is kept in ``library_choices`` by normalised name, so a rebuild applies it again:
a merge anchors every name of the merged groups on the kept group's leader, a split anchors the
split names on the first of them (which then leads a group of its own), a rename names the group
by its leader. Every function applies the choice to the built library at once and returns the
affected groups' ids.

The ``…_on`` functions work inside a caller's write transaction (the use-case layer,
:mod:`perfbudget.app.library`, writes its audit row in the same one); the others open their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from perfbudget.library.names import name_key, normalise

if TYPE_CHECKING:
    from sqlalchemy import Connection

    from perfbudget.store import Store


class LibraryChoiceError(ValueError):
    """A merge, split or rename that cannot be done (the message is for the user, in Chinese)."""


def _one_group(connection: Connection, reference: str) -> int:
    from perfbudget.library.query import resolve_group

    found = resolve_group(connection, reference)
    if not found:
        raise LibraryChoiceError(f"指标库中没有「{reference}」这一组（可用 perfbudget library search 查找）")
    if len(found) > 1:
        numbers = "、".join(map(str, found))
        raise LibraryChoiceError(f"「{reference}」对应 {len(found)} 个组（编号 {numbers}），请用编号指定")
    return found[0]


def merge_groups(store: Store, into: str, others: list[str], actor: str | None = None) -> list[int]:
    """Merge the groups ``others`` into the group ``into``; returns the kept group's id, then the merged ones'."""
    with store.library_writing() as connection:
        return merge_groups_on(connection, into, others, actor)


def merge_groups_on(connection: Connection, into: str, others: list[str], actor: str | None = None) -> list[int]:
    from perfbudget.library.build import restat
    from perfbudget.store import library_reads as reads
    from perfbudget.store import library_rows as rows

    rows.lock(connection)
    target = _one_group(connection, into)
    leader = reads.group_rows(connection, [target])[target]["leader"]
    named = {_one_group(connection, other) for other in others if other.strip()}
    merged = sorted(named - {target})
    if not merged:  # every face says why (replay-x: a group merged with itself was told only the second sentence)
        itself = f"组 {target} 不能并入它自己：" if named else ""
        raise LibraryChoiceError(f"{itself}请给出要并入的其他组")
    names = reads.names_in_groups(connection, merged)
    for name in names:
        rows.set_choice(connection, name["norm"], anchor=leader, actor=actor)
    rows.move_names(connection, [n["id"] for n in names], target, f"管理员归入「{leader}」所在的组")
    rows.drop_empty_groups(connection, merged)
    restat(connection, [target, *merged])
    return [target, *merged]


def split_names(store: Store, names: list[str], actor: str | None = None) -> list[int]:
    """Split names (normalised or as written) off their group into a new group of their own;
    returns the old group's id and the new one's."""
    with store.library_writing() as connection:
        return split_names_on(connection, names, actor)


def split_names_on(connection: Connection, names: list[str], actor: str | None = None) -> list[int]:
    from perfbudget.library.build import restat
    from perfbudget.store import library_reads as reads
    from perfbudget.store import library_rows as rows

    norms = list(dict.fromkeys(n for n in (normalise(name) for name in names if name.strip()) if n))
    if not norms:
        raise LibraryChoiceError("请给出要拆分出来的指标名称")
    rows.lock(connection)
    found = rows.names_by_norm(connection, norms)
    missing = [n for n in norms if n not in found]
    if missing:
        raise LibraryChoiceError(f"指标库中没有这些名称：{'、'.join(missing)}")
    groups = {found[n][1] for n in norms}
    if len(groups) != 1:
        raise LibraryChoiceError("要拆分的名称须在同一组中")
    old = groups.pop()
    members = reads.names_in_groups(connection, [old])
    if len(members) == len(norms):
        raise LibraryChoiceError("这些名称就是整个组，无需拆分")
    anchor = norms[0]
    key = name_key(anchor)
    new = rows.add_groups(connection, [{"name": anchor, "leader": anchor, "key": key.key,
                                        "head": key.head[:64]}])[0]
    for norm in norms:
        rows.set_choice(connection, norm, anchor=anchor, actor=actor)
    rows.move_names(connection, [found[n][0] for n in norms], new, "管理员拆分：单独成组")
    group = reads.group_rows(connection, [old])[old]
    if group["leader"] in norms:  # the old group keeps its most used remaining name as leader
        rest = max((m for m in members if m["norm"] not in norms), key=lambda m: (m["used"], -m["id"]))
        rest_key = name_key(rest["norm"])
        rows.set_leader(connection, old, rest["norm"], rest_key.key, rest_key.head[:64])
        if group["name"] == group["leader"]:
            rows.rename_group(connection, old, rest["norm"])
    restat(connection, [old, new])
    return [old, new]


def rename_group(store: Store, reference: str, name: str, actor: str | None = None) -> int:
    """Give a group the name shown for it (kept across rebuilds); returns its id."""
    with store.library_writing() as connection:
        return rename_group_on(connection, reference, name, actor)


def rename_group_on(connection: Connection, reference: str, name: str, actor: str | None = None) -> int:
    from perfbudget.store import library_reads as reads
    from perfbudget.store import library_rows as rows

    shown = " ".join(name.split())
    if not shown:
        raise LibraryChoiceError("新名称不能为空")
    if len(shown) > 100:
        raise LibraryChoiceError("新名称不能超过 100 个字")
    rows.lock(connection)
    group = _one_group(connection, reference)
    # another group of that name could no longer be told from this one by its name (replay-w: both were kept)
    holding = [other for other in reads.groups_named(connection, shown) if other != group]
    if holding:
        raise LibraryChoiceError(f"组 {holding[0]} 已叫「{shown}」，两个组同名将无法按名称区分：如是同一指标，"
                                 f"请把组 {group} 并入组 {holding[0]}（合并），否则另取一个名称")
    leader = reads.group_rows(connection, [group])[group]["leader"]
    rows.set_choice(connection, leader, name=shown, actor=actor)
    rows.rename_group(connection, group, shown)
    return group
