"""What the commands that use the store share: opening it, naming a stored project, printing times.

Used by the store commands (``import``, ``list``, ``show`` …) and by the commands that also
work on stored projects (``evaluate``, ``review`` …). SQLAlchemy is imported inside the
functions, never at module import.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.app.times import as_utc, shown
from perfbudget.cli.common import err, fail, shown_name
from perfbudget.config import database_url

if TYPE_CHECKING:
    from perfbudget.app.settings import CoreSettings
    from perfbudget.store import Store

DB_HELP = ("数据库地址，如 sqlite:///perfbudget.db 或 postgresql+psycopg://用户@主机/库名；"
           "默认取环境变量 PERFBUDGET_DB，再默认当前目录的 perfbudget.db。")
# the pages' unambiguous unit addresses, taken by every --unit (replay-k; store.unit_match)
UNIT_ADDRESS_HELP = ("没有编码的单位与某单位编码同名时，写 by-name/名称 指没有编码的那个；"
                     "by-id/编号 指该编号的单位（perfbudget list units 列出编号）。")
PROJECT_HELP = "项目编号，或项目名称（也可写「名称-资金标签」，或名称中的一段）。"
ACTOR_HELP = "保存时记录的填报人（默认为当前登录用户名）。"
# one rule for every command-line write (perfbudget.app.acting): the account --user or PERFBUDGET_USER names
WRITER_HELP = ("以哪个网页端账号的身份{what}：记为该账号（历史、记录与审计日志），并按其角色与单位检查能否操作，"
               "与网页和 API 相同；默认取环境变量 PERFBUDGET_USER。不给时记为 --actor 或当前登录用户名。")
WRITER_ACTOR_HELP = "记录的{who}（没有网页端账号时；默认为当前登录用户名）；用 --user 时不能同时给。"


def safe_url(url: str) -> str:
    """The URL with its password hidden (for messages), also in a URL SQLAlchemy cannot parse, and a ``password=``
    (or ``sslpassword=``, a client key's passphrase) of its query (libpq's other way to give one). Until 2026-12-05
    an unparseable URL whose password held 「/」 or 「@」 was printed with it whole or in part, and a query's
    password always (attack19)."""
    import re

    from sqlalchemy.engine import make_url

    try:
        shown = make_url(url).render_as_string(hide_password=True)
    except Exception:
        shown = _userinfo_hidden(url)
    return re.sub(r"(?i)([?&][^=&#]*password=)[^&#]*", r"\1***", shown)  # sslpassword too


def _userinfo_hidden(url: str) -> str:
    """``url`` with what follows the user name's 「:」 hidden up to the authority's last 「@」 (before any query): a
    password may hold 「/」 and 「@」 when SQLAlchemy cannot parse the URL."""
    start = url.find("://") + 3
    if start < 3:
        return url
    query = url.find("?", start)
    end = url.rfind("@", start, query if query >= 0 else len(url))
    colon = url.find(":", start, end) if end >= 0 else -1
    return url if colon < 0 else f"{url[:colon + 1]}***{url[end:]}"


def url_problem(url: str) -> str | None:
    """Why ``url`` names no database perfbudget can use (unparseable, or another database or driver), in
    Chinese, or None (``store.engine.parsed_url``)."""
    from sqlalchemy.exc import ArgumentError

    from perfbudget.store import UnsupportedDatabase, parsed_url

    try:
        parsed_url(url)
    except UnsupportedDatabase as exc:
        return (f"不支持的数据库「{exc.driver}」：{safe_url(url)}；请用 sqlite:///文件名.db 或 "
                "postgresql+psycopg://用户@主机/库名")
    except ArgumentError:
        return f"数据库地址无效：{safe_url(url)}"
    return None


def _missing_sqlite_file(url: str) -> bool:
    """A SQLite URL naming a file that does not exist (not an in-memory database)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return False  # told by url_problem
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:") or database.startswith("file:"):
        return False
    return not Path(database).exists()


def open_store(db: str | None, migrate: bool = True, create: bool = False) -> Store:
    """Open the store or exit 1 with a message in Chinese (never a traceback). Only the commands that
    put something in (``import``, ``user``, ``db upgrade``: ``create``) make a new SQLite file; a query
    on a file that is not there says so instead of answering from a new empty database."""
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from perfbudget.store import SchemaOutdatedError, Store

    url = database_url(db)
    problem = url_problem(url)
    if problem:
        fail(problem)
    if not create and _missing_sqlite_file(url):
        fail(f"数据库 {safe_url(url)} 不存在（当前目录 {Path.cwd()}）：先用 perfbudget import 导入文件，"
             "或用 --db、环境变量 PERFBUDGET_DB 指定已有的数据库")
    try:
        return Store(url, migrate=migrate)
    except SchemaOutdatedError as exc:
        fail(f"数据库 {safe_url(url)} 的结构版本为 {exc.current}，本程序需要 {exc.head}；"
             f"请先运行 perfbudget db upgrade --db {safe_url(url)}")
    except ArgumentError:
        fail(f"数据库地址无效：{safe_url(url)}")
    except (SQLAlchemyError, OSError) as exc:
        from perfbudget.db_reasons import database_reason

        fail(f"无法打开数据库 {safe_url(url)}：{database_reason(exc)}")  # in Chinese since replay-s


def _utc(value: datetime | None) -> datetime | None:
    return None if value is None else as_utc(value)


def shown_time(value: datetime | None) -> str:
    """A stored time (UTC; SQLite returns it naive) as ``YYYY-MM-DD HH:MM:SS 北京时间`` (as every face shows
    times, :func:`perfbudget.app.times.shown`), or 「—」."""
    return shown(value, seconds=True)


def jsonable(value: Any) -> Any:
    """Stored rows made printable as JSON: times as ISO 8601 in UTC, recursively."""
    if isinstance(value, datetime):
        moment = _utc(value)
        return moment.isoformat() if moment else None
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    return value


def uses_store(source: str | None, db: str | None, unit: str | None, year: int | None, save: bool) -> bool:
    """Whether a command that takes a FILE or a stored PROJECT works on the store: when the store is named
    (``--db``, ``--unit``, ``--year``, ``--save``), when no source is given, and when the source is not a file
    but names a project of the default database (``PERFBUDGET_DB``, else ./perfbudget.db), as ``export`` does.
    A source that is neither exits 1 naming both places tried (never a bare 「文件不存在」)."""
    if source is None or db is not None or unit is not None or year is not None or save:
        return True
    if Path(source).exists():
        return False
    url = database_url(None)
    tried = f"没有文件「{shown_name(source)}」（当前目录 {Path.cwd()}）"
    if _missing_sqlite_file(url):
        fail(f"{tried}，默认数据库 {safe_url(url)} 也不存在，无法在其中查找项目「{shown_name(source)}」："
             "处理文件请给出正确的路径；处理库中的项目请先用 perfbudget import 导入，"
             "或用 --db、环境变量 PERFBUDGET_DB 指定数据库")
    from perfbudget.app.stored_records import find_projects, not_found
    from perfbudget.plain_numbers import is_number

    store = open_store(None)
    found = find_projects(store, source)
    store.close()
    if not found and is_number(source):
        fail(f"{tried}，默认数据库 {safe_url(url)} 中也{not_found(source)}；其他数据库用 --db 指定")
    if not found:
        fail(f"{tried}，默认数据库 {safe_url(url)} 中也没有项目「{shown_name(source)}」"
             "（项目可写编号、名称或「名称-资金标签」；可用 perfbudget list projects --search 文字 查找；"
             "其他数据库用 --db 指定）")
    return True


def resolve_project(store: Store, reference: str, unit: str | None = None,
                    file_options: str = "--db、--unit、--year、--save") -> int:
    """The id of the one stored project ``reference`` names (within ``unit`` when given).

    Exits 1 (closing the store) when none matches — with a hint when ``reference`` is an
    existing file rather than a project, naming ``file_options``, the options that make the
    command read a database rather than the file — or when several do, listing them with their ids.
    """
    from perfbudget.app.overview import unit_ids_named
    from perfbudget.app.stored_records import find_projects, not_found

    named = None
    if unit is not None:  # a unit by its code, an uncoded one by its name (by-id/…, by-name/…: replay-k)
        with store.reading() as tx:
            named = unit_ids_named(tx, unit)
    candidates = [c for c in find_projects(store, reference) if named is None or c["unit_id"] in named]
    if not candidates:
        store.close()
        where = f"单位 {unit} 中" if unit is not None else "数据库中"
        if Path(reference).is_file():
            fail(f"{where}没有找到项目「{reference}」：这是一个文件；从数据库取项目时请给项目编号或名称（文件须先 "
                 f"perfbudget import），直接处理文件则不要用 {file_options}")
        fail(f"{where}{not_found(reference)}")
    if len(candidates) > 1:
        store.close()
        err.print(f"「{reference}」对应 {len(candidates)} 个项目，请用编号指定：", markup=False)
        for c in candidates:
            label = f"（{c['fund_label']}）" if c["fund_label"] else ""
            err.print(f"  编号 {c['id']}  {c['unit_code'] or ''}{c['unit_name'] or ''}  {c['name']}{label}  "
                      f"年度 {c['fund_year'] or '—'}  第 {c['version']} 版", markup=False)
        raise typer.Exit(1)
    return int(candidates[0]["id"])


def project_named(head: dict[str, Any]) -> str:
    """「项目「名称」（资金标签）」: a stored project as a refusal names it, as the audit log and
    ``perfbudget workflow`` name it (these refusals said 「项目 3 没有…」 until replay-p)."""
    from perfbudget.app.audit_log import project_in_summary

    return project_in_summary(head["name"], head["fund_label"])


def project_heading(head: dict[str, Any], tail: str) -> str:
    """「项目 3：名称（资金标签）  单位  …tail」 for listings of a stored project's records."""
    label = f"（{head['fund_label']}）" if head["fund_label"] else ""
    return f"项目 {head['id']}：{head['name']}{label}  {head['unit_code'] or ''}{head['unit_name'] or ''}  {tail}"


def default_actor(actor: str | None) -> str | None:
    """``actor`` if given, else the login name (None when there is none, e.g. in a container)."""
    if actor:
        return actor
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no login name (e.g. a container without a passwd entry)
        return None


def core_settings(review_config: Any = None, region: str | None = None) -> CoreSettings:
    """The deployment's shared rules from the environment (exit 1 on a bad value)."""
    from perfbudget.app.settings import CoreSettings, SettingsError

    try:
        return CoreSettings.from_env(review_config=review_config, region=region)
    except SettingsError as exc:
        fail(str(exc))


def user_option(what: str) -> Any:
    """``--user`` of a command that writes (import, review --save, evaluate/monitor --save, library merge …)."""
    return typer.Option(None, "--user", envvar="PERFBUDGET_USER", help=WRITER_HELP.format(what=what))


def actor_option(who: str) -> Any:
    """``--actor`` beside :func:`user_option`: a bare name where there are no web accounts."""
    return typer.Option(None, "--actor", help=WRITER_ACTOR_HELP.format(who=who))


def writer(store: Store, user: str | None, actor: str | None) -> Any:
    """Who writes (:class:`perfbudget.app.acting.Acting`): the account ``user`` names, else ``actor`` or the login
    name; exit 1 saying why when the account is unknown or disabled, or both are given."""
    from perfbudget.app.acting import acting

    found = acting(store.engine, user, actor, default_actor(None))
    if isinstance(found, str):
        store.close()
        fail(found)
    return found


def run_admin(db: str | None, user: str | None, actor: str | None, action: Any) -> None:
    """An admin's command (``unit rename|merge``, ``library merge|split|rename``): open the store, find who acts,
    run ``action(store, who)`` (a use case of :mod:`perfbudget.app` raising
    :class:`perfbudget.app.acting.AdminRefused`) and say its outcome's message; exit 1 with the refusal."""
    from perfbudget.app.acting import AdminRefused

    store = open_store(db)
    try:
        who = writer(store, user, actor)
        try:
            message = action(store, who).message
        except AdminRefused as refused:
            fail(str(refused))
        err.print(message, markup=False)
    finally:
        store.close()
