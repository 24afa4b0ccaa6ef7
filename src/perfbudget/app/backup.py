"""Backup and restore of a store (``perfbudget db backup FILE`` / ``db restore FILE``), for the finance officer
whose store is a SQLite file on a laptop.

* **Backup**: SQLite's online backup API copies the store into ``FILE`` (:mod:`perfbudget.store.backup`),
  consistent while the web server runs, then the copy is checked — SQLite's integrity check, and its migrations
  those of this program — before it is given its name (a ``FILE.part`` until then; an existing ``FILE`` is
  never overwritten).
* **Restore**: ``FILE`` is checked first (a SQLite file, intact, a perfbudget store, of this program's
  migrations or older: a backup made by a newer perfbudget is refused), then copied over the store with the same
  API (a store that holds projects or accounts only with ``force``: nothing is replaced silently), an older one
  upgraded, and the restored store opened as every command opens it; its change counters are moved past the
  replaced store's, so a running server's caches read it again.
* **PostgreSQL**: refused with the words of docs/store.md — ``pg_dump`` / ``pg_restore`` do it, with their
  consistent snapshot, for a server-side database (:data:`POSTGRES_WORDS`).

Refusals are :class:`BackupRefused` with a message in Chinese; nothing is changed when one is raised.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from perfbudget.db_reasons import database_reason
from perfbudget.os_reasons import os_reason
from perfbudget.steps import Steps, quiet_steps
from perfbudget.store import backup as sqlite_backup
from perfbudget.store.migrate import head_revision

POSTGRES_WORDS = ("PostgreSQL 数据库请用 pg_dump 备份、pg_restore 恢复（例如 pg_dump -Fc -f 备份.dump 库名；"
                  "pg_restore --clean --if-exists -d 库名 备份.dump），见 docs/store.md「Backup and restore」")


class BackupRefused(ValueError):
    """A backup or restore that is not done, and why (in Chinese)."""


@dataclass(frozen=True, slots=True)
class BackupDone:
    """A backup or restore done: the file, the store's revision and what it holds."""

    file: Path
    revision: str
    projects: int
    users: int
    upgraded_from: str | None = None


def _sqlite_path(url: str) -> Path:
    path = sqlite_backup.sqlite_file(url)
    if path is None:
        if url.startswith("postgresql"):
            raise BackupRefused(POSTGRES_WORDS)
        raise BackupRefused("只能备份、恢复保存在文件中的 SQLite 数据库")
    return path


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    from perfbudget.store.migrate import alembic_config

    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _checked(path: Path, what: str) -> sqlite_backup.FileCheck:
    """``path`` as a perfbudget store, or :class:`BackupRefused` saying what it is instead."""
    try:
        check = sqlite_backup.check_file(path)
    except OSError as exc:
        raise BackupRefused(f"无法读取{what} {path}：{os_reason(exc)}") from exc
    except Exception as exc:  # sqlite3.DatabaseError: a damaged file
        raise BackupRefused(f"{what} {path} 已损坏，无法读取：{database_reason(exc)}") from exc
    if not check.sqlite:
        raise BackupRefused(f"{what} {path} 不是 SQLite 数据库文件")
    if check.integrity != "ok":
        raise BackupRefused(f"{what} {path} 未通过完整性检查：{check.integrity[:200]}")
    if check.revision is None:
        raise BackupRefused(f"{what} {path} 不是 perfbudget 的数据库（没有结构版本记录）")
    return check


def backup(url: str, file: Path, steps: Steps = quiet_steps) -> BackupDone:
    """Copy the store at ``url`` into the new file ``file`` and check the copy; ``steps`` is told how far it is."""
    source = _sqlite_path(url)
    if not source.exists():
        raise BackupRefused(f"数据库文件 {source} 不存在")
    if file.exists():
        raise BackupRefused(f"{file} 已存在：请换一个文件名（备份不会覆盖已有文件）")
    if file.resolve() == source.resolve():
        raise BackupRefused("备份文件不能是数据库本身")
    if not file.parent.is_dir():  # SQLite said 「unable to open database file」 after 「备份失败：」 until faces43
        # a file where the folder should be is not a missing folder (faces43 said so at first)
        where = f"{file.parent} 不是目录" if file.parent.exists() else f"所在目录 {file.parent} 不存在"
        raise BackupRefused(f"无法写出 {file}：{where}")
    part = file.with_name(file.name + ".part")
    try:
        part.unlink(missing_ok=True)
        sqlite_backup.copy_into(source, part, self_contained=True,
                                progress=lambda done, total: steps("复制", done, total))
        steps("检查备份", 0, None)
        check = _checked(part, "备份")
        if check.revision != head_revision():
            raise BackupRefused(f"数据库的结构版本为 {check.revision}，本程序为 {head_revision()}："
                                "请先运行 perfbudget db upgrade 再备份")
        part.replace(file)
    except OSError as exc:
        raise BackupRefused(f"无法写出 {file}：{os_reason(exc)}") from exc
    except Exception as exc:
        if isinstance(exc, BackupRefused):
            raise
        raise BackupRefused(f"备份失败：{database_reason(exc)}") from exc
    finally:
        part.unlink(missing_ok=True)
    return BackupDone(file, str(check.revision), check.projects, check.users)


def restore(file: Path, url: str, force: bool = False, steps: Steps = quiet_steps) -> BackupDone:
    """Replace the store at ``url`` with backup ``file`` (checked first); ``force`` to replace a store holding
    projects or accounts. The restored store is upgraded when older, then opened and counted; ``steps`` is told how
    far it is."""
    from perfbudget.store import Store

    target = _sqlite_path(url)
    if not file.exists():
        raise BackupRefused(f"备份文件 {file} 不存在")
    if not file.is_dir() and not file.is_file():  # a FIFO would be waited on for ever, a device read without end
        raise BackupRefused(f"备份文件 {file} 不是普通文件（设备、管道或套接字），未读取")
    if target.exists() and file.resolve() == target.resolve():
        raise BackupRefused("备份文件就是要恢复的数据库本身")
    steps("检查备份文件", 0, None)
    check = _checked(file, "备份文件")
    head = head_revision()
    if check.revision != head and check.revision not in _known_revisions():
        raise BackupRefused(f"备份文件的结构版本 {check.revision} 来自更新版本的 perfbudget（本程序为 {head}）："
                            "请用该版本恢复，或先升级本程序")
    before = None
    if target.exists():
        now = _checked(target, "数据库") if target.stat().st_size else None
        if now is not None and (now.projects or now.users) and not force:
            raise BackupRefused(f"数据库 {target} 中已有 {now.projects} 个项目、{now.users} 个账号："
                                "恢复会用备份替换其中的全部数据；确认请加 --force")
        before = sqlite_backup.counters(target)
    try:
        sqlite_backup.copy_into(file, target, self_contained=False,
                                progress=lambda done, total: steps("恢复", done, total))
    except Exception as exc:
        raise BackupRefused(f"恢复失败，数据库未改动：{database_reason(exc)}") from exc
    if before is not None and sqlite_backup.counters(target) is not None:
        sqlite_backup.move_counters_past(target, before)
    upgraded = None
    if check.revision != head:
        from perfbudget.store.engine import make_engine
        from perfbudget.store.migrate import upgrade

        engine = make_engine(url)
        try:
            upgraded = upgrade(engine, steps=steps)[0]  # told the migrations applied of those to apply
        finally:
            engine.dispose()
    steps("检查恢复后的数据库", 0, None)
    store = Store(url)  # opened as every command opens it: its migrations checked current
    try:
        counts = store.counts()
    finally:
        store.close()
    after = _checked(target, "恢复后的数据库")
    if after.revision != head:
        raise BackupRefused(f"恢复后的数据库结构版本为 {after.revision}，应为 {head}")
    return BackupDone(file, head, int(counts["projects"]), after.users, upgraded)
