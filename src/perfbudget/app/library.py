"""The indicator library's admin actions for every face: merge groups, split names off, rename a group.

Only an admin may change the grouping. Each action and its audit row (``library.merge``,
``library.split``, ``library.rename``) are written in one store transaction; the choice is kept
in the library's own table, so a rebuild (``perfbudget library build``) applies it again
(:mod:`perfbudget.library.admin`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from perfbudget.app.acting import AdminRefused, admin_actor
from perfbudget.app.roles import Principal
from perfbudget.app.validate import BAD_CHARS
from perfbudget.library.admin import LibraryChoiceError, merge_groups_on, rename_group_on, split_names_on
from perfbudget.steps import Steps, quiet_steps
from perfbudget.store import Store
from perfbudget.store.transaction import Actor

__all__ = ["EXPORT_FORMS", "MOST_MERGED", "MOST_REFERENCE", "MOST_SPLIT", "LibraryChoiceError",
           "LibraryRefused", "Outcome", "export_library", "export_problem",
           "merge", "rename", "split"]

EXPORT_FORMS = {"xlsx": "xlsx", "json": "json"}  # the library's export forms, every face alike
# what one admin action takes, on every face (docs/security.md): each group or name is looked up, so the API's
# merge body, unbounded until faces-u, could hold any number of references of any length
MOST_MERGED = 100  # groups merged into one
MOST_SPLIT = 500  # names split off (the page's bound; the page and the API cut a longer list silently until faces-u)
MOST_REFERENCE = 300  # characters of one group or name given


class LibraryRefused(AdminRefused):
    """An admin action refused: not an admin, or a choice that cannot be made (message for the user)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What an admin action did: the group to show next and a message for the user."""

    group_id: int
    message: str


def _actor(principal: Principal | None, username: str | None) -> Actor:
    return admin_actor(principal, username, "调整指标库的分组", LibraryRefused)


def _refuse_control(texts: list[str], label: str = "名称") -> None:
    """No group or name holds a control character or a non-character (every stored text is refused with one):
    a name holding one is refused before any lookup (a NUL in a merge's or a split's names answered 500 on PostgreSQL
    until 2026-12-05, attack21)."""
    for text in texts:
        bad = BAD_CHARS.search(text)
        if bad:
            shown = BAD_CHARS.sub("\ufffd", text)[:64]
            raise LibraryRefused(f"{label}「{shown}」含有不可见的控制字符（U+{ord(bad.group()):04X}）")


def _refuse_many(texts: list[str], most: int, what: str) -> None:
    """At most ``most`` groups or names of at most :data:`MOST_REFERENCE` characters each, refused before any is
    looked up, nothing changed."""
    if len(texts) > most:
        raise LibraryRefused(f"一次最多{what} {most} 个（给了 {len(texts)} 个），未作任何调整")
    long = next((text for text in texts if len(text) > MOST_REFERENCE), None)
    if long is not None:
        shown = BAD_CHARS.sub("\ufffd", long[:40])
        raise LibraryRefused(f"「{shown}…」过长（{len(long)} 个字符，最多 {MOST_REFERENCE} 个），未作任何调整")


def _group_labels(connection: Any, references: list[str]) -> dict[int, str]:
    """「「满意度」（组 3）」 for each group ``references`` name that exists, read before a merge, a split or a rename
    changes or drops it: the audit entry names the groups by their names, where it gave numbers alone (「组 3、5 并入组
    2」) and a merged group, gone, could no longer be looked up (replay-o). A reference naming no group, or several,
    is left out (the choice itself refuses it)."""
    from perfbudget.library.query import resolve_group
    from perfbudget.store.library_reads import group_rows

    ids = {found[0] for found in (resolve_group(connection, r) for r in references if r.strip()) if len(found) == 1}
    return {gid: f"「{row.get('name') or row.get('leader')}」（组 {gid}）"
            for gid, row in group_rows(connection, sorted(ids)).items()}


def _labelled(labels: dict[int, str], group: int) -> str:
    return labels.get(group, f"组 {group}")


def merge(store: Store, principal: Principal | None, into: str, others: list[str], *,
          username: str | None = None, ip: str | None = None) -> Outcome:
    """Merge the groups ``others`` (ids or names) into ``into``. ``principal`` None: the command
    line, acting as ``username``."""
    actor = _actor(principal, username)
    _refuse_many(others, MOST_MERGED, "并入")
    _refuse_many([into], 1, "保留")
    _refuse_control([into, *others])
    try:
        with store.transaction() as tx:
            labels = _group_labels(tx.connection, [into, *others])
            ids = merge_groups_on(tx.connection, into, others, actor.username)
            tx.audit(actor, "library.merge", "library_group", ids[0],
                     f"指标库：{'、'.join(_labelled(labels, g) for g in ids[1:])}并入{_labelled(labels, ids[0])}",
                     before={"groups": ids}, after={"group": ids[0]}, ip=ip)
    except LibraryChoiceError as exc:
        raise LibraryRefused(str(exc)) from exc
    return Outcome(ids[0], f"已把 {len(ids) - 1} 个组并入组 {ids[0]}")


def split(store: Store, principal: Principal | None, names: list[str], *,
          username: str | None = None, ip: str | None = None, group: int | None = None) -> Outcome:
    """Split ``names`` (of one group: ``group`` when given, as the page's and the API's address name it) off into a
    new group of their own."""
    actor = _actor(principal, username)
    _refuse_many(names, MOST_SPLIT, "拆分")
    _refuse_control(names)
    try:
        with store.transaction() as tx:
            before = _group_labels(tx.connection, names)
            old, new = split_names_on(tx.connection, names, actor.username)
            if group is not None and old != group:  # nothing kept: the transaction is rolled back
                raise LibraryChoiceError(f"要拆分的名称不在组 {group} 中（在组 {old} 中）")
            tx.audit(actor, "library.split", "library_group", old,
                     f"指标库：从{_labelled(before, old)}拆分出新组 {new}（{'、'.join(names)[:200]}）",
                     before={"group": old}, after={"group": new, "names": names}, ip=ip)
    except LibraryChoiceError as exc:
        raise LibraryRefused(str(exc)) from exc
    return Outcome(new, f"已拆分为新组 {new}")


def rename(store: Store, principal: Principal | None, reference: str, name: str, *,
           username: str | None = None, ip: str | None = None) -> Outcome:
    """Give a group (id or name) the name shown for it. A name holding a control character or a non-character is
    refused, as every stored text is (:data:`perfbudget.app.validate.BAD_CHARS`): until 2026-12-05 a NUL answered 500
    on PostgreSQL, and an ESC was stored and printed raw to the terminal by ``perfbudget library`` (attack21)."""
    actor = _actor(principal, username)
    _refuse_control([name], "新名称")
    try:
        with store.transaction() as tx:
            before = _group_labels(tx.connection, [reference])
            group = rename_group_on(tx.connection, reference, name, actor.username)
            tx.audit(actor, "library.rename", "library_group", group,
                     f"指标库：{_labelled(before, group)}改名为「{name.strip()}」",
                     after={"name": name.strip()}, ip=ip)
    except LibraryChoiceError as exc:
        raise LibraryRefused(str(exc)) from exc
    return Outcome(group, f"组 {group} 已改名为「{' '.join(name.split())}」")


def export_problem(form: str) -> str | None:
    """Why ``form`` is no export form of the library (Chinese, the CLI's and the API's one message), or None."""
    if form in EXPORT_FORMS:
        return None
    return f"不支持的导出格式：{form[:20]}（可选 {'、'.join(EXPORT_FORMS)}）"


def export_library(store: Store, form: str, minimum: int = 1, steps: Steps = quiet_steps) -> tuple[bytes, int]:
    """The library as a bureau publishes it (共性指标库), as ``perfbudget library export`` and ``GET
    /api/v1/library/export/{form}`` give it: the groups used by at least ``minimum`` indicators as one xlsx sheet or
    as JSON ``{"groups": [...]}``, and how many groups. The API had no export until replay-l (issue 16 lists it).
    ``steps``: 读取指标库 a group at a time, then 排版 and 保存文件 (xlsx) or 写出 (json): the command's bar
    (faces46)."""
    import io
    import json

    from perfbudget.library.export import write_xlsx
    from perfbudget.library.query import all_groups
    from perfbudget.writers.stable_zip import stable_zip

    groups = all_groups(store, minimum, steps)
    if form == "json":
        steps("写出", 0, None)
        return (json.dumps({"groups": groups}, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), len(groups)
    out = io.BytesIO()
    write_xlsx(groups, out, steps)
    return stable_zip(out.getvalue()), len(groups)  # the same bytes from the CLI and the API (replay-r)
