"""Store commands: ``db upgrade``, ``import``, ``list``, ``show``, ``history``.

The database is ``--db URL``, else env PERFBUDGET_DB, else ``sqlite:///perfbudget.db`` in the
current directory. SQLAlchemy is imported inside the commands, never at module import.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.table import Table
from rich.text import Text

from perfbudget.app.paging import (
    CHANGES_PAGE,
    LIMIT_HELP,
    MOST_CHANGES_LIMIT,
    MOST_HISTORY_CHANGES,
    MOST_PAGE,
    PAGE,
    too_many,
    too_many_changes,
)
from perfbudget.app.validate import MAX_INTEGER  # a PostgreSQL integer: no option overflows a query
from perfbudget.cli.common import app, err, fail, out, print_json, print_problems, shown_name, usage_fail
from perfbudget.cli.store_common import (
    DB_HELP,
    PROJECT_HELP,
    UNIT_ADDRESS_HELP,
    actor_option,
    core_settings,
    jsonable,
    open_store,
    project_heading,
    project_named,
    resolve_project,
    safe_url,
    shown_time,
    user_option,
    writer,
)

if TYPE_CHECKING:
    from perfbudget.model import Problem
    from perfbudget.store import Filters, ImportOutcome, Store

JSON_HELP = "在标准输出上输出 JSON。"

db_app = typer.Typer(help="数据库管理：升级数据库结构，备份与恢复。", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade_command(db: str | None = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """把数据库结构升级到本程序的版本（新数据库在首次使用时会自动建立）。"""
    from sqlalchemy.exc import SQLAlchemyError

    from perfbudget.cli.progress_bar import steps_bar
    from perfbudget.store.migrate import upgrade

    store = open_store(db, migrate=False, create=True)
    try:
        with steps_bar() as steps:
            before, after = upgrade(store.engine, steps=steps)
    except SQLAlchemyError as exc:
        from perfbudget.db_reasons import database_reason

        fail(f"升级失败，数据库未作改动：{database_reason(exc)}")
    finally:
        store.close()
    where = safe_url(store.url)
    if before == after:
        out.print(f"数据库 {where} 已是最新结构（版本 {after}）", markup=False)
    else:
        out.print(f"数据库 {where} 已从版本 {before or '空'} 升级到 {after}", markup=False)
    recounted = _recount_decided(db)
    if recounted:
        out.print(f"已按保留的审核发现重新评定 {recounted} 条审核记录（错误、警告不含已驳回的审核发现）", markup=False)


def _recount_decided(db: str | None) -> int:
    """``db upgrade``'s catch-up after the migrations (``app.kept_review.recount_decided``): the reviews of projects
    decided before print40 counted the dismissed findings too. The one bar on a terminal (``steps_bar``)."""
    from perfbudget.app.kept_review import recount_decided
    from perfbudget.cli.progress_bar import steps_bar

    store = open_store(db)
    try:
        with steps_bar() as steps:
            return recount_decided(store, core_settings(), "perfbudget db upgrade",
                                   lambda done, total: steps("重新评定", done, total))
    finally:
        store.close()


def _outcome_line(outcome: ImportOutcome) -> str:
    from perfbudget.app.imports import counts_text, unchanged_text

    if outcome.status == "imported":
        return f"{shown_name(outcome.file)}: 已导入（文档 {outcome.document_id}）：{counts_text(outcome)}"
    if outcome.status == "needs_confirmation":
        return f"{shown_name(outcome.file)}: 未导入：会覆盖较新的版本或恢复旧内容，需确认（--force）"
    if outcome.status == "refused":
        return f"{shown_name(outcome.file)}: 未导入：项目已送审或审核通过"
    if outcome.status == "forbidden":  # --user's account may not import this unit's tables (app.acting)
        return f"{shown_name(outcome.file)}: 未导入：所用账号不能导入这个单位的表格"
    if outcome.status == "stale":
        return f"{shown_name(outcome.file)}: 未导入：项目在导入期间被他人修改"
    if outcome.status == "unchanged":
        return f"{shown_name(outcome.file)}: {unchanged_text(outcome)}"
    return f"{shown_name(outcome.file)}: 导入失败"


KEPT_FOR_SUMMARY = 1000  # outcomes listed again in the closing summary (all are printed as they come)


@app.command("import")
def import_command(
    paths: list[str] = typer.Argument(..., metavar="文件或目录",
                                      help="要导入的文件或目录（目录下的文件逐个导入）；「-」读取标准输入"
                                           "（如从网页复制的表格文字），须单独使用。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    force: bool = typer.Option(False, "--force", help="确认导入：即使会恢复某项目的旧内容，或覆盖此文件上次导入之后"
                                                     "（如网页修改）产生的较新版本。"),
    allow_partial: bool = typer.Option(False, "--allow-partial",
                                       help="文件中有不完整（中断）的表格时，也保存它们并标记为「不完整」；"
                                            "默认只导入完整的表格，逐个列出未导入的不完整表格（退出码 1）。"),
    skip_blocked: bool = typer.Option(False, "--skip-blocked",
                                      help="文件中某些项目的表格有错误时，只导入其余完整无误的项目，"
                                           "有错误的项目逐个列出原因（退出码 1）；默认整个文件不导入，"
                                           "并列出每个有错误的项目及原因。"),
    user: str | None = user_option("导入（单位填报人员只能导入本单位的表格，管理员均可）"),
    actor: str | None = actor_option("导入人"),
    dry_run: bool = typer.Option(False, "--dry-run",
                                 help="只预览，不导入：逐个文件列出每张表导入后会怎样（新项目、保存为新版本、"
                                      "保存为修订稿、需确认、不能导入、表格不完整）及原因，与网页上传预览和 API 的 "
                                      "POST /api/v1/uploads 相同；有文件不能原样导入时退出码为 1。"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", min=1,
                                    help="同时读取文件的进程数（默认为本机可用的 CPU 核数；1 表示在本进程中逐个读取）。"
                                         "文件按顺序逐个写入数据库。"),
    writers: int | None = typer.Option(None, "--writers", min=1,
                                       help="PostgreSQL：同时写入数据库的连接数（默认 2）；同一单位的文件由同一个连接"
                                            "按文件顺序写入，结果仍按文件顺序列出。SQLite 总是一个连接写入。"),
) -> None:
    """导入绩效目标表到数据库：每个文件一个事务，要么完整导入，要么不导入。

    内容与库中相同的文件显示「未变化」；同一单位、年度、项目的表格有改动时保存为新版本并记录改动。
    已送审或审核通过的项目有改动时保存为修订稿（草稿，需重新送审、审核），审核通过的版本仍为正式版本
    （部署设 PERFBUDGET_REVISIONS=refuse 时不导入）。会恢复旧内容、或覆盖较新版本（如网页修改）的文件
    不导入，除非 --force。有错误的文件不导入（列出每个有错误的项目及原因），其余文件照常导入；
    只导入文件中其余完整无误的项目请用 --skip-blocked。最后汇总，有失败时退出码为 1。
    目录中的文件由多个进程同时读取（--jobs），按文件顺序写入；文件再多，占用的内存也不随之增长。

    文件写「-」时读取标准输入：粘贴从网页复制的表格文字后按 Ctrl-D，或用管道传入（与 perfbudget read - 相同）；
    问题按「标准输入:行号: 说明」列出，同样的内容再次导入为「未变化」。
    """
    import json
    import sys

    from perfbudget.app.bulk_import import catch_up_library, count_files, import_files, walk_files
    from perfbudget.app.import_preview import dry_run_refusal
    from perfbudget.app.imports import ImportRequest, import_stream, outcome_dict
    from perfbudget.cli.progress_bar import steps_bar

    from_stdin = "-" in paths
    if from_stdin and len(paths) > 1:
        fail("「-」（标准输入）须单独使用，不能与文件或目录同时导入")
    skipped = 0

    def tell_skipped(path: Path, reason: str) -> None:  # on stderr: a --json output stays one JSON document
        nonlocal skipped
        skipped += 1
        err.print(f"{shown_name(str(path))}: {reason}", markup=False)

    total = 1 if from_stdin else count_files(paths, tell_skipped)
    if not total:
        fail("没有找到要导入的文件")
    walked = not from_stdin and any(Path(p).is_dir() for p in paths)
    settings = core_settings()
    if dry_run:
        given = {"force": force, "allow_partial": allow_partial, "skip_blocked": skip_blocked}
        refusal = dry_run_refusal("--dry-run", given, cli_option)  # the preview tells what each would change
        if refusal:
            fail(refusal)
        _dry_run(paths, db, user, actor, as_json, from_stdin, skip_blocked)
        return
    store = open_store(db, create=True)
    who = writer(store, user, actor)
    request = ImportRequest(who.actor, "cli", force=force, allow_partial=allow_partial, skip_blocked=skip_blocked,
                            principal=who.principal)
    caught = catch_up_library(store)
    if caught:  # on stderr: a --json output stays one JSON document
        err.print(f"指标库落后于库中的 {caught} 个项目（如上次导入中途被中断），已补上", markup=False)
    statuses = ("imported", "unchanged", "failed", "needs_confirmation", "refused", "stale")
    summary = dict.fromkeys(statuses, 0)
    new = changed = 0
    kept: list[ImportOutcome] = []  # not imported, for the closing summary (bounded)
    not_kept = 0
    any_refused_tables = False
    many = (walked or total > 1) and not as_json  # a bar for more than one file, on a terminal
    highlight = out.is_terminal
    from perfbudget.cli.common import stdout_writer  # (a file's or the store's text, escaped on a terminal)

    write_json = stdout_writer(json_text=True)
    if as_json:  # the files as they come, the summary at the end: memory stays bounded
        write_json('{\n  "files": [')
    with steps_bar(many, counted="个文件") as steps:
        drawn = steps.drawn  # off a terminal (a pipe, a log, --json) the loop tells the bar nothing: no cost a file
        if drawn:
            steps("导入", 0, total)
        outcomes = (iter([import_stream(store, settings, sys.stdin.buffer, request)]) if from_stdin
                    else import_files(store, settings, walk_files(paths), request, jobs=jobs, writers=writers))
        for index, outcome in enumerate(outcomes):
            if drawn:
                steps.now(shown_name(Path(outcome.file).name))
            summary[outcome.status] = summary.get(outcome.status, 0) + 1
            new += outcome.new_projects
            changed += outcome.changed_projects
            any_refused_tables = any_refused_tables or bool(outcome.refused_tables)
            if outcome.status not in ("imported", "unchanged"):
                if len(kept) < KEPT_FOR_SUMMARY:
                    kept.append(outcome)
                else:
                    not_kept += 1
            if as_json:
                text = json.dumps(outcome_dict(outcome, "cli"), ensure_ascii=False, indent=2).replace("\n", "\n    ")
                write_json(("," if index else "") + "\n    " + text)
            else:
                if outcome.status not in ("imported", "unchanged"):
                    err.print(_outcome_line(outcome), markup=False)
                    print_problems(outcome.problems)
                elif not drawn:  # highlighting colours nothing off a terminal, and costs 2/3 of the print
                    out.print(_outcome_line(outcome), markup=False, highlight=highlight)
                for notice in outcome.notices:
                    out.print(f"  · {notice}", markup=False)
                _print_refused(outcome.file, outcome.refused_tables)
            if drawn:
                steps("导入", index + 1, total)
    store.close()
    files = sum(summary.values())
    summary = {k: v for k, v in summary.items() if v or k in ("imported", "unchanged", "failed")}
    if as_json:
        shown = {**summary, "skipped": skipped} if skipped else summary
        write_json("\n  ],\n  \"summary\": " + json.dumps(shown, ensure_ascii=False) + "\n}\n")
    else:
        held = files - summary["imported"] - summary["unchanged"] - summary["failed"]
        out.print(f"共 {files} 个文件：导入 {summary['imported']} 个，未变化 {summary['unchanged']} 个，"
                  f"失败 {summary['failed']} 个" + (f"，未导入（需确认或被拒绝）{held} 个" if held else "")
                  + f"；新项目 {new} 个，新版本 {changed} 个"
                  + (f"；跳过 {skipped} 项（不是普通文件等，见上文）" if skipped else ""), markup=False)
        for title, chosen in (("失败的文件：", [o for o in kept if o.status == "failed"]),
                              ("未导入的文件（需确认或被拒绝）：", [o for o in kept if o.status != "failed"])):
            if chosen:
                err.print(title, markup=False)
            for outcome in chosen:
                reasons = "；".join(p.message for p in outcome.problems[:3]) or "未知原因"
                more = f"（另有 {len(outcome.problems) - 3} 个错误）" if len(outcome.problems) > 3 else ""
                err.print(f"  {shown_name(outcome.file)}: {reasons}{more}", markup=False)
        if not_kept:
            err.print(f"  另有 {not_kept} 个文件未导入，原因见上文", markup=False)
    if files > summary["imported"] + summary["unchanged"] or any_refused_tables:
        raise typer.Exit(1)


def cli_option(name: str) -> str:
    """An import option's name as the command line spells it (``allow_partial``: ``--allow-partial``)."""
    return "--" + name.replace("_", "-")


def _dry_run(paths: list[str], db: str | None, user: str | None, actor: str | None, as_json: bool,
             from_stdin: bool, skip_blocked: bool) -> None:
    """``import --dry-run``: each file's plan, nothing written (the database is not created either); with
    ``--skip-blocked`` what an import with it would do (as the API's ``dry_run=true&skip_blocked=true``)."""
    from perfbudget.app.bulk_import import walk_files
    from perfbudget.cli.import_plan import plan_files

    if from_stdin:
        fail("--dry-run 预览文件或目录，不能与「-」（标准输入）同用")
    store = open_store(db)
    try:
        every = plan_files(store, core_settings(), writer(store, user, actor), walk_files(paths), as_json,
                           skip_blocked)
    finally:
        store.close()
    if not every:
        raise typer.Exit(1)


@db_app.command("backup")
def db_backup_command(
    file: Path = typer.Argument(..., metavar="文件", help="备份写到这个新文件（已有的文件不会被覆盖）。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """把 SQLite 数据库备份到一个文件（服务器运行时也可备份，得到一致的副本），并检查副本完好、结构为最新。

    PostgreSQL 数据库请用 pg_dump / pg_restore（见 docs/store.md）。
    """
    from perfbudget.app.backup import BackupRefused, backup
    from perfbudget.cli.progress_bar import steps_bar
    from perfbudget.config import database_url

    url = database_url(db)
    try:
        with steps_bar() as steps:
            done = backup(url, file, steps)
    except BackupRefused as exc:
        fail(str(exc))
    out.print(f"已备份数据库 {safe_url(url)} 到 {shown_name(str(file))}：{done.projects} 个项目、{done.users} 个账号，"
              f"结构版本 {done.revision}，完整性检查通过", markup=False)


@db_app.command("restore")
def db_restore_command(
    file: Path = typer.Argument(..., metavar="文件", help="用 perfbudget db backup 做的备份文件。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    force: bool = typer.Option(False, "--force", help="数据库中已有项目或账号时，确认用备份替换其全部数据。"),
) -> None:
    """用备份文件恢复 SQLite 数据库：先检查备份完好、是本程序（或更早版本）的数据库，恢复后升级到最新结构并打开检查。

    数据库中已有项目或账号时须加 --force（其中的全部数据将被备份替换）。PostgreSQL 请用 pg_restore（见 docs/store.md）。
    """
    from perfbudget.app.backup import BackupRefused, restore
    from perfbudget.cli.progress_bar import steps_bar
    from perfbudget.config import database_url

    url = database_url(db)
    try:
        with steps_bar() as steps:
            done = restore(file, url, force, steps)
    except BackupRefused as exc:
        fail(str(exc))
    upgraded = f"，已从结构版本 {done.upgraded_from} 升级" if done.upgraded_from else ""
    out.print(f"已用 {shown_name(str(file))} 恢复数据库 {safe_url(url)}：{done.projects} 个项目、{done.users} 个账号，"
              f"结构版本 {done.revision}{upgraded}", markup=False)


def _print_refused(file: str, refused: tuple[Problem, ...]) -> None:
    """The tables left out of an import: the ones with errors (--skip-blocked), the cut-off ones."""
    from perfbudget.app.blocked import BLOCKED_MARK

    blocked = tuple(p for p in refused if BLOCKED_MARK in p.message)
    cut = tuple(p for p in refused if BLOCKED_MARK not in p.message)
    for chosen, what in ((blocked, "有错误的表格"), (cut, "不完整的表格")):
        if chosen:
            err.print(f"{shown_name(file)}: {len(chosen)} 个{what}未导入：", markup=False)
            print_problems(chosen)


class ListKind(StrEnum):
    units = "units"
    projects = "projects"
    queue = "queue"
    evaluations = "evaluations"
    indicators = "indicators"


_COLUMNS = {
    "units": [("id", "单位编号"), ("code", "单位编码"), ("name", "单位名称"), ("projects", "项目数")],
    "indicators": [("project_id", "项目编号"), ("project", "项目名称"), ("version", "版本"), ("position", "序号"),
                   ("level1", "一级指标"),
                   ("level2", "二级指标"), ("level3", "三级指标"), ("target", "指标值")],
}
_NOUNS = {"units": "个单位", "indicators": "个指标"}
_FILTER = "（projects、queue、evaluations）"
_HELP = {key: text + (_FILTER.replace("）", "、indicators）") if key == "state" else _FILTER) + "。"
         for key, text in {
    "state": "流程状态：draft（草稿）、submitted（已送审）、returned（已退回）、approved（审核通过）",
    "grade": "审核等级：优、良、中、差、未审核", "egrade": "自评等级：优、良、中、差、未自评",
    "dimension": "有该维度的审核发现：完整性、相关性、适当性、可行性、规范性",
    "fund": "资金标签或来源中包含这段文字", "todo": "待办：evaluate（待自评）、monitor（待监控）",
    "sort": "排序：unit、name、budget、grade、errors、state、submitted、year（或其中文名）", "desc": "倒序",
    "format": "导出为 xlsx 或 csv（UTF-8，Excel 可直接打开）文件，须与 --output 同用",
}.items()}


def _total_text(total: int, capped: bool) -> str:
    return f"{total:,}+" if capped else str(total)


LIST_HELP = f"""列出库中的单位、项目、审核队列、自评结果或指标，可筛选、排序、分页，或导出为 Excel / CSV。

项目、审核队列、自评结果与指标取每个项目的正式版本（审核通过的修订稿生效前为审核通过的版本，否则为最新版），
与网页和 API 的列表相同，筛选条件也相同；指标加 --latest 取最新版本。
默认分页，每页 {PAGE} 条（与 API 相同），并显示总数。
--all 列出全部（表格改为逐行的制表符分隔文本）；--format xlsx|csv --output 文件 导出全部符合条件的项目。
"""


@app.command("list", help=LIST_HELP)
def list_command(
    kind: ListKind = typer.Argument(..., metavar="种类",
                                    help="列出什么：units（单位）、projects（项目）、queue（审核队列：已送审的项目）、"
                                         "evaluations（自评结果）、indicators（指标）。"),
    unit: str | None = typer.Option(None, "--unit",
                                    help="只看这个单位（编码，或无编码单位的名称）。" + UNIT_ADDRESS_HELP),
    year: str | None = typer.Option(None, "--year", help="只看这个资金年度（四位数字；all 为全部年度）。"),
    search: str | None = typer.Option(None, "--q", "--search",
                                      help="搜索：项目名称、单位名称或编码、指标中包含这段文字（不区分大小写）。"),
    state: str | None = typer.Option(None, "--state", help=_HELP["state"]),
    grade: str | None = typer.Option(None, "--grade", help=_HELP["grade"]),
    egrade: str | None = typer.Option(None, "--egrade", help=_HELP["egrade"]),
    dimension: str | None = typer.Option(None, "--dimension", help=_HELP["dimension"]),
    fund: str | None = typer.Option(None, "--fund", help=_HELP["fund"]),
    todo: str | None = typer.Option(None, "--todo", help=_HELP["todo"]),
    sort: str | None = typer.Option(None, "--sort", help=_HELP["sort"]),
    desc: bool = typer.Option(False, "--desc", help=_HELP["desc"]),
    limit: int | None = typer.Option(None, "--limit", min=0, help=LIMIT_HELP),
    page: int | None = typer.Option(None, "--page", min=1, max=MAX_INTEGER, help="第几页（从 1 开始；默认第 1 页）。"),
    offset: int | None = typer.Option(None, "--offset", min=0, max=MAX_INTEGER,
                                      help="从第几条之后开始（代替 --page）。"),
    show_all: bool = typer.Option(False, "--all", help="列出全部（逐批读取、边读边输出，不分页）。"),
    latest: bool = typer.Option(False, "--latest",
                                help="指标取各项目的最新版本，而非正式版本（审核通过的修订稿生效前为审核通过的版本）（indicators）。"),
    fmt: str | None = typer.Option(None, "--format", help=_HELP["format"]),
    output: Path | None = typer.Option(None, "--output", "-o", help="导出文件的路径（与 --format 同用）。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    params = {key: value for key, value in (("unit", unit), ("year", year), ("q", search), ("state", state),
                                            ("grade", grade), ("egrade", egrade), ("dimension", dimension),
                                            ("fund", fund), ("todo", todo), ("sort", sort),
                                            ("desc", "1" if desc else None)) if value is not None}
    if latest and kind.value != "indicators":
        usage_fail(f"--latest 只用于 indicators，不用于 {kind.value}")
    # --page/--offset beside --all (or --limit 0, the same, or an export's --format) were ignored without a word
    # until faces44 (history's since faces43), a page's --limit N beside --all or --format until faces44's mend
    everything = "--all" if show_all else "--limit 0" if limit == 0 else "--format" if fmt is not None else None
    refuse_page_with_all(everything, page, offset, "全部", limit or None)
    page, limit = page or 1, PAGE if limit is None else limit
    refused = None if show_all or limit == 0 else too_many(limit)  # a page as the API's: --all or an export for more
    if refused is not None:
        usage_fail(refused)
    if kind.value in ("projects", "queue", "evaluations"):
        from perfbudget.cli.project_list import list_projects_command

        list_projects_command(kind.value, params, limit, page, offset, show_all, fmt, output, db, as_json)
        return
    # indicators take --state too (the indicators of the projects in that workflow state; replay-i)
    only_lists = ("grade", "egrade", "dimension", "fund", "todo", "sort", "desc")
    unusable = [f"--{name}" for name in (*only_lists, *(("state",) if kind.value == "units" else ()))
                if name in params] + (["--format"] if fmt or output else [])
    if unusable:
        usage_fail(f"{'、'.join(unusable)} 只用于 projects、queue、evaluations，不用于 {kind.value}")
    from perfbudget.app.project_lists import cli_principal
    from perfbudget.app.stored_records import indicator_filters

    # the same words for a bad --year as the project lists', the same filters as GET /api/v1/indicators (units
    # take --unit, --year and --q of them)
    chosen, problems = indicator_filters(cli_principal(), params, latest)
    if problems:
        usage_fail("；".join(p.message for p in problems))
    assert chosen is not None  # the command line sees every unit
    filters = chosen
    store = open_store(db)
    from perfbudget.app.project_lists import unit_problem

    missing = unit_problem(store, cli_principal(), (params.get("unit") or "").strip())
    if missing is not None:  # a misspelt --unit listed nothing, silently (faces-u)
        store.close()
        fail(missing.message)
    if show_all or limit == 0:
        _list_everything(store, kind.value, filters, as_json)
        store.close()
        return
    start = offset if offset is not None else (page - 1) * limit
    from perfbudget.app.stored_records import list_page

    result = list_page(store, kind.value, filters, limit, start)
    store.close()
    if as_json:
        print_json(jsonable({"kind": kind.value, **result}))
        return
    table = Table(header_style="bold")
    for _, title in _COLUMNS[kind.value]:
        table.add_column(title, overflow="fold")
    for item in result["items"]:
        table.add_row(*(Text(_cell(item, key)) for key, _ in _COLUMNS[kind.value]))  # names as written, no markup
    if result["items"]:
        out.print(table)
    counted = f"共 {_total_text(result['total'], result['total_capped'])} {_NOUNS[kind.value]}"
    print_page_line(counted, result["total"], len(result["items"]), start, limit, result["total_capped"])


def refuse_page_with_all(everything: str | None, page: int | None, offset: int | None, listed: str,
                         limit: int | None = None) -> None:
    """A usage error for ``--page``/``--offset`` (or a page's ``limit``, ``list``'s ``--limit N``) beside
    ``everything``, the option given that lists ``listed`` whole and no page (``--all``; ``list``'s ``--limit 0`` and
    ``--format``), None when none is given."""
    given = [name for name, value in (("--limit", limit), ("--page", page), ("--offset", offset)) if value is not None]
    if everything is not None and given:
        usage_fail(f"{everything} 不能与 {'、'.join(given)} 同用：{everything} 列出{listed}，不分页")


def print_page_line(counted: str, total: int, shown: int, start: int, limit: int, capped: bool = False) -> None:
    """The line under a listed page: the total, and which rows of how many pages when it is not all of them."""
    out.print(page_line(counted, total, shown, start, limit, capped), markup=False)


def page_line(counted: str, total: int, shown: int, start: int, limit: int, capped: bool = False, noun: str = "条",
              page: int | None = None) -> str:
    """:func:`print_page_line`'s words, ``shown`` items from the ``start``-th, counted by ``noun`` (条; ``history``'s
    版); ``page``, the page asked for, is named when there is no such page (``history`` counts its pages from the
    newest, as the web's history page)."""
    pages = (total + limit - 1) // limit
    if shown == 0 and (start > 0 or (page or 1) > 1):
        return f"{counted}，" + (f"没有第 {page} 页（共 {pages} 页）" if page else f"第 {start + 1} {noun}之后没有了")
    if start > 0 or shown < total or capped:
        said = "" if capped else f"，共 {pages} 页"
        return f"{counted}，显示第 {start + 1}–{start + shown} {noun}{said}（--page N 翻页，--all 列出全部）"
    return counted


def _cell(item: dict[str, Any], key: str) -> str:
    """A list cell's text; an indicator's version is its project's official one, a later revision's number beside it
    as the project list says it (「1（最新 2）」)."""
    value = item[key]
    if key == "version" and item.get("latest_version", value) != value:
        return f"{value}（最新 {item['latest_version']}）"
    return "" if value is None else str(value)


def _list_everything(store: Store, kind: str, filters: Filters, as_json: bool) -> None:
    """``list --all``: every row, written as it is read (JSON, or tab-separated lines)."""
    import json

    from perfbudget.app.stored_records import each_row

    rows = each_row(store, kind, filters)
    next(rows)  # the total: counted here as the rows are written
    keys = [key for key, _ in _COLUMNS[kind]]
    from perfbudget.cli.common import stdout_writer

    write = stdout_writer(json_text=as_json)
    if as_json:
        write(f'{{"kind": "{kind}", "items": [')
        count = 0
        for count, item in enumerate(rows, 1):
            write(("\n" if count == 1 else ",\n")
                  + json.dumps(jsonable(item), ensure_ascii=False, sort_keys=True))
        write(f'\n], "total": {count}, "total_capped": false}}\n')
        return
    write("\t".join(title for _, title in _COLUMNS[kind]) + "\n")
    count = 0
    for item in rows:
        count += 1
        write("\t".join(_cell(item, key).replace("\t", " ").replace("\n", " ")
                        for key in keys) + "\n")
    out.print(f"共 {count} {_NOUNS[kind]}", markup=False)


@app.command("show")
def show_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    version: int | None = typer.Option(None, "--version", min=1, max=MAX_INTEGER,
                                       help="显示第几版；默认正式版本（审核通过的修订稿生效前为审核通过的版本，否则为最新版）。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="输出该版本的交换格式 JSON（perfbudget/1，含一个项目）。"),
) -> None:
    """显示库中一个项目的表格（默认正式版本）；--json 输出交换格式。"""
    from perfbudget.app.evaluations import official_versions
    from perfbudget.app.overview import source_label
    from perfbudget.app.stored_records import project_row, project_version
    from perfbudget.cli.render.document import render_document
    from perfbudget.interchange import document_to_dict

    store = open_store(db)
    project_id = resolve_project(store, project)
    stored = (official_versions(store, project_ids=[project_id])[0] if version is None
              else project_version(store, project_id, version))
    named = project_named(project_row(store, project_id)) if stored is None else ""
    store.close()
    if stored is None:
        fail(f"{named}没有第 {version} 版（perfbudget history {project_id} 列出各版本）")
    if as_json:
        print_json(document_to_dict(stored.document))
        return
    meta = stored.meta
    out.print(f"项目编号 {meta['project_id']} · 第 {meta['version']} 版（共 {meta['latest_version']} 版） · "
              f"导入自 {shown_name(source_label(None, meta['file']))}（文档 {meta['document_id']}） · "
              f"{shown_time(meta['imported_at'])}",
              markup=False)
    if version is None and meta["version"] != meta["latest_version"]:
        out.print(f"这是审核通过的正式版本；修订稿第 {meta['latest_version']} 版待审核"
                  f"（--version {meta['latest_version']} 查看）", markup=False)
    render_document(stored.document, out)


HISTORY_HELP = f"""列出一个项目的各个版本，以及每一版相对上一版的改动（新增/删除指标、指标值变更、预算变更等）。

默认分页，每页 {PAGE} 个版本、{PAGE} 条流程记录，每个版本列出 {CHANGES_PAGE} 处改动（与 API 相同），并显示总数；
--page N 翻页，--changes-offset N 看各版本其后的改动，--all 列出全部版本和流程记录。
"""


@app.command("history", help=HISTORY_HELP)
def history_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
    limit: int = typer.Option(PAGE, "--limit", min=1, max=MAX_INTEGER,
                              help=f"每页多少个版本（默认 {PAGE}，至多 {MOST_PAGE}，与 API 的 limit 相同）。"),
    page: int | None = typer.Option(None, "--page", min=1, max=MAX_INTEGER,
                                    help="第几页：第 1 页为最新的一页，与网页的版本历史相同（页内从早到晚列出）。"),
    offset: int | None = typer.Option(None, "--offset", min=0, max=MAX_INTEGER,
                                      help="跳过最早的这么多个版本（代替 --page）。"),
    show_all: bool = typer.Option(False, "--all", help="列出全部版本和全部流程记录（逐批读取、边读边输出，不分页；"
                                                       "每个版本的改动仍按 --changes-limit 分页）。"),
    changes_limit: int = typer.Option(CHANGES_PAGE, "--changes-limit", min=1, max=MOST_CHANGES_LIMIT,
                                      help=f"每个版本最多列几处改动（默认 {CHANGES_PAGE}，至多 {MOST_CHANGES_LIMIT}；"
                                           f"--limit × --changes-limit 不超过 {MOST_HISTORY_CHANGES}，同 API 的 "
                                           "changes_limit）。"),
    changes_offset: int = typer.Option(0, "--changes-offset", min=0, max=MAX_INTEGER,
                                       help="每个版本的改动从第几处之后开始（同 API 的 changes_offset）。"),
    workflow_limit: int = typer.Option(PAGE, "--workflow-limit", min=1, max=MAX_INTEGER,
                                       help=f"每页多少条流程记录（从最早的一条起；默认 {PAGE}，至多 {MOST_PAGE}，"
                                            "同 API 的 workflow_limit）。"),
    workflow_offset: int = typer.Option(0, "--workflow-offset", min=0, max=MAX_INTEGER,
                                        help="跳过最早的这么多条流程记录（与 --workflow-limit 一起分页，同 API 的 "
                                             "workflow_offset）。"),
) -> None:
    refuse_page_with_all("--all" if show_all else None, page, offset, "全部版本")  # ignored until faces43's mend
    for name, value, paged_by in (("--limit", limit, "--page N"), ("--workflow-limit", workflow_limit,
                                                                      "--workflow-offset")):
        # one page as the API's (every version and step until faces43), each option its own way to the rest
        refused = None if show_all else too_many(value, name, f"更多请用 {paged_by} 翻页，或 --all 列出全部")
        if refused is not None:
            usage_fail(refused)
    from perfbudget.app.overview import (
        HistoryRefused,
        event_total,
        history_page,
        newest_page,
        version_total,
        workflow_events_of,
    )
    from perfbudget.app.stored_records import project_row

    # every change of every version was listed until faces44 (the API's page is 50 a version, the web's 50)
    batch = MOST_PAGE if not show_all else max(1, min(MOST_PAGE, MOST_HISTORY_CHANGES // changes_limit))
    names = ("--limit", "--changes-limit")
    too_large = None if show_all else too_many_changes(limit, changes_limit, names)
    if too_large is not None:  # refused before the store opens, as the API's 422
        usage_fail(too_large)
    store = open_store(db)
    project_id = resolve_project(store, project)
    head = project_row(store, project_id)
    with store.reading() as tx:
        total = version_total(tx, project_id)
        # the versions from ``start`` up to ``stop`` (oldest first): --page counts as the web's ?page=, the newest
        # page first (it counted from the oldest in faces43 at first); --offset skips the oldest, as the API's offset
        pages_in_all, start, stop = newest_page(total, page or 1, limit)[1:] if offset is None \
            else (0, offset, min(total, offset + limit))
        if offset is None and (page or 1) > pages_in_all:
            start = stop = total  # no such page: nothing listed
        step_total = event_total(tx, project_id)
        if show_all:  # every version, read MOST_PAGE at a time below; every step
            start, stop, workflow_offset, workflow_limit = 0, total, 0, step_total
        steps = workflow_events_of(tx, project_id, workflow_limit, workflow_offset) if workflow_limit else []

    def pages() -> Iterator[list[dict[str, Any]]]:
        """The page's versions; with --all every version, ``batch`` at a time (their changes at most
        :data:`MOST_HISTORY_CHANGES` a batch), a batch whose texts pass the characters a page may hold read again in
        half as many versions, down to one: refused (:class:`HistoryRefused`) only for a page the user asked for or
        one version's changes (--all stopped at the first long batch though each version fitted until faces44's
        mend, naming a --limit the user never gave)."""
        at, size = start, batch
        while at < stop:
            with store.reading() as tx:
                try:
                    part = history_page(tx, project_id, min(size, stop - at), at, changes_limit, changes_offset,
                                        names)
                except HistoryRefused:  # past the characters one page may hold (the API's 422)
                    if not show_all or min(size, stop - at) == 1:
                        raise
                    size = min(size, stop - at) // 2
                    continue
            if not part:
                return
            yield part
            at += len(part)

    try:
        if as_json:
            fields = {"project": head, "total": total, "limit": None if show_all else limit, "offset": start,
                      "changes_limit": changes_limit, "changes_offset": changes_offset,
                      "workflow_total": step_total, "workflow_limit": None if show_all else workflow_limit,
                      "workflow_offset": workflow_offset, "workflow": steps}
            _history_json(fields, (v for part in pages() for v in part), streamed=show_all)
            return
        shown = f"共 {total} 版" if show_all else page_line(f"共 {total} 版", total, max(0, stop - start), start, limit,
                                                             noun="版", page=page)
        out.print(project_heading(head, shown), markup=False)
        for part in pages():
            for v in part:
                _print_version(v, changes_offset)
    except HistoryRefused as refused:
        fail(str(refused))
    finally:
        store.close()
    _print_steps(steps, step_total)


def _history_json(fields: dict[str, Any], versions: Iterator[dict[str, Any]], streamed: bool) -> None:
    """``history --json``: the API's answer's keys (``limit`` and ``workflow_limit`` None with --all; each version's
    changes a page as the API's, ``changes_limit`` from ``changes_offset``), ``fields`` with the page's
    ``versions``; ``streamed`` (--all) each version written as it is read, as ``list --all`` writes its rows (faces43
    held every version of --all in memory at first), a refusal partway closing the list with the refusal's words as
    ``refused`` (the JSON was left open after the versions written until faces44's mend)."""
    import json

    from perfbudget.app.overview import HistoryRefused
    from perfbudget.app.times import utc_iso

    answer = jsonable({**fields, "workflow": [{**e, "at": utc_iso(e["at"])} for e in fields["workflow"]]})
    as_said = ({**v, "changes": [c.to_dict() for c in v["changes"]]} for v in versions)
    if not streamed:
        print_json({**answer, "versions": jsonable(list(as_said))})
        return
    from perfbudget.cli.common import stdout_writer

    write = stdout_writer(json_text=True)
    write(json.dumps(answer, ensure_ascii=False)[:-1] + ', "versions": [')
    try:
        for count, version in enumerate(as_said):
            write(("\n" if count == 0 else ",\n") + json.dumps(jsonable(version), ensure_ascii=False))
    except HistoryRefused as refused:  # refused partway: the versions written, the refusal, JSON still whole
        write('\n], "refused": ' + json.dumps(str(refused), ensure_ascii=False) + "}\n")
        raise
    write("\n]}\n")


def _print_version(v: dict[str, Any], changes_offset: int) -> None:
    """One version of ``history``: when, from where, by whom, and its page of changes (those after the
    ``changes_offset``-th), with how many are not listed."""
    from perfbudget.store.changes import describe

    who = f"  {v['user_label'] or '—'}（{v['how']}）" if v["via"] else ""
    out.print(f"第 {v['version']} 版  {shown_time(v['imported_at'])}  "
              f"导入自 {shown_name(v['source'])}（文档 {v['document_id']}"
              + (f"，内容指纹 {v['fingerprint']}" if v["fingerprint"] else "")
              + f"），{v['indicator_count']} 个指标{who}",
              markup=False)
    if v["version"] == 1:
        out.print("  · 首个版本", markup=False)  # the web history's words (a first version may come by the API)
    elif not v["changes_total"]:
        out.print("  · 无可见改动", markup=False)
    for change in v["changes"]:
        out.print(f"  · {describe(change)}", markup=False)
    listed, total = len(v["changes"]), v["changes_total"]
    if total and listed < total:  # the web's history says the same of the changes it does not list
        # past the last: the option named as the user gave it (「共 3 处改动，第 50 处之后没有了」 until faces44's mend)
        shown = f"{changes_offset + 1}–{changes_offset + listed}"
        told = f"共 {total} 处改动，列出第 {shown} 处（--changes-offset N 翻页）" if listed \
            else f"--changes-offset {changes_offset} 已超过最后一处（共 {total} 处）"
        out.print(f"  · {told}", markup=False)


def _print_steps(steps: list[dict[str, Any]], step_total: int) -> None:
    """The workflow steps under ``history``'s versions, with which of how many they are."""
    if not steps:
        return
    from perfbudget.app.workflow import state_label

    more = f"（共 {step_total} 条，列出 {len(steps)} 条）（--workflow-offset 翻页，--all 列出全部）" \
        if len(steps) < step_total else ""
    out.print(f"审核流程：{more}", markup=False)
    for e in steps:
        said = "".join(f"：{text}" for text in (e["comment"], e["justification"]) if text)
        out.print(f"  {shown_time(e['at'])}  {e['user_label'] or '—'}  第 {e['version_number'] or '—'} 版  "
                  f"{state_label(e['from_state'])} → {state_label(e['to_state'])}{said}", markup=False)
