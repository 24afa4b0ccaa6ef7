"""``perfbudget library search|show|similar|export|build|merge|split|rename``: the indicator library.

The library is built from the database in use (``--db`` / ``PERFBUDGET_DB`` / ./perfbudget.db) and
kept current by every import; ``library build`` rebuilds it. SQLAlchemy is imported inside the commands.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.cli.common import app, err, fail, out, print_json, shown_name, usage_fail
from perfbudget.cli.store_common import (
    DB_HELP,
    PROJECT_HELP,
    actor_option,
    open_store,
    resolve_project,
    run_admin,
    user_option,
)
from perfbudget.os_reasons import os_reason

if TYPE_CHECKING:
    from perfbudget.library.peers import StorePeers

library_app = typer.Typer(help="指标库：各单位、各年度相同和相近的绩效指标归并成组，给出用法与指标值分布。",
                          no_args_is_help=True)
app.add_typer(library_app, name="library")

_DIRECTIONS = {"positive": "正向（越大越好）", "reverse": "反向（越小越好）", "exact": "等于", None: "—"}


def _targets(summary: dict[str, Any]) -> str:
    t = summary["targets"]
    if t["p50"] is None:
        return "（无定量指标值）"
    unit = summary["measure_unit"] or ""
    return (f"最小 {t['min']}  p25 {t['p25']}  中位数 {t['p50']}  p75 {t['p75']}  最大 {t['max']}"
            f"（{unit or '无计量单位'}）")


@library_app.command("search")
def search_command(
    text: str = typer.Argument(..., metavar="文字", help="要查找的指标名称或其中的词。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON：{\"groups\": [...]}。"),
    limit: int = typer.Option(10, "--limit", min=1, max=100, help="最多列出的组数。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """按名称查找指标组：按相关程度排序，列出各组的指标数、单位数、所属一级/二级指标、计量单位、方向和指标值分布。"""
    from perfbudget.library.query import search, search_text_problem

    problem = search_text_problem(text)
    if problem:
        fail(problem)
    store = open_store(db)
    try:
        groups = search(store, text, limit)
    finally:
        store.close()
    if as_json:
        print_json({"groups": groups})  # each with its id, as the API's GET /api/v1/library (replay-m)
        return
    if not groups:
        out.print(f"指标库中没有与「{text}」相近的指标（指标库为空时请先导入或运行 perfbudget library build）",
                  markup=False)
        return
    for g in groups:
        out.print(f"组 {g['id']}：{g['name']}  {g['count']} 个指标、{g['units']} 个单位  "
                  f"{g['level1'] or ''}/{g['level2'] or ''}  {_DIRECTIONS.get(g['direction'], '—')}", markup=False)
        out.print(f"  {_targets(g)}", markup=False)
        for e in g["examples"]:
            out.print(f"  例：项目 {e['project_id']} {e['project']}（{e['unit'] or e['unit_code'] or ''}，"
                      f"{e['year'] or '—'}年）「{e['indicator']}」{e['target']}", markup=False)


@library_app.command("show")
def show_command(
    group: str = typer.Argument(..., metavar="组", help="组编号、组名称，或组中的一个指标名称。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """显示一个指标组：包含的名称及归并理由、一级/二级指标、方向、各计量单位的指标值分布和定性指标占比、示例项目。"""
    from perfbudget.library.query import show

    store = open_store(db)
    try:
        detail = show(store, group)
    finally:
        store.close()
    if detail is None:
        fail(f"指标库中没有「{group}」这一组（可用 perfbudget library search 查找）")
    if "ambiguous" in detail:
        fail(f"「{group}」对应多个组（编号 {'、'.join(map(str, detail['ambiguous']))}），请用编号指定")
    if as_json:
        print_json(detail)
        return
    out.print(f"组 {detail['id']}：{detail['name']}（代表名称 {detail['leader']}）", markup=False)
    out.print(f"  {detail['count']} 个指标，{detail['units']} 个单位；定性指标占 {detail['qualitative_percent']}；"
              f"方向：{_DIRECTIONS.get(detail['direction'], '—')}", markup=False)
    for level1, level2, n in detail["levels"]:
        out.print(f"  位置：{level1} / {level2}（{n} 个）", markup=False)
    for m in detail["measures"]:
        out.print(f"  计量单位 {m['unit'] or '（无）'}：{m['count']} 个指标、{m['units']} 个单位  最小 {m['min']}  "
                  f"p10 {m['p10']}  p25 {m['p25']}  中位数 {m['p50']}  p75 {m['p75']}  p90 {m['p90']}  最大 {m['max']}",
                  markup=False)
    out.print("  名称：", markup=False)
    for n in detail["names"]:
        out.print(f"    {n['name']}（{n['used']} 次）— {n['reason']}", markup=False)
    for e in detail["examples"]:
        out.print(f"  例：项目 {e['project_id']} {e['project']}（{e['unit'] or e['unit_code'] or ''}，"
                  f"{e['year'] or '—'}年）「{e['indicator']}」{e['target']}", markup=False)


@library_app.command("similar")
def similar_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON。"),
    limit: int = typer.Option(5, "--limit", min=1, max=50, help="最多列出的项目数。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """列出与一个项目最相似的项目（按共用的指标、项目名称和资金用途），以及它们的指标和指标值。"""
    from perfbudget.library.query import similar_projects

    store = open_store(db)
    try:
        project_id = resolve_project(store, project)
        found = similar_projects(store, project_id, limit)
    finally:
        store.close()
    if as_json:
        print_json({"project_id": project_id, "similar": found})
        return
    if not found:
        out.print("没有找到相似的项目", markup=False)
        return
    for p in found:
        label = f"（{p['fund_label']}）" if p["fund_label"] else ""
        out.print(f"项目 {p['project_id']}：{p['project']}{label}  {p['unit_code'] or ''}{p['unit'] or ''}  "
                  f"相似度 {p['score']}，共用 {p['shared_groups']} 组指标", markup=False)
        for i in p["indicators"]:
            out.print(f"    {i['level1']}/{i['level2']}/{i['level3']}  {i['target']}", markup=False)


@library_app.command("export")
def export_command(
    to: str = typer.Option(..., "--to", help="导出格式：xlsx 或 json。"),
    output: Path | None = typer.Option(None, "-o", "--output", help="输出文件（默认 指标库.xlsx / 标准输出的 JSON）。"),
    minimum: int = typer.Option(1, "--min-count", min=1, help="只导出至少有这么多个指标的组。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """导出指标库（可供主管部门发布的共性指标库）：各组名称、位置、方向、计量单位、指标值分布和包含的名称。

    与 API 的 GET /api/v1/library/export/{xlsx|json} 相同。
    """
    from perfbudget.app.library import export_library, export_problem
    from perfbudget.cli.progress_bar import steps_bar

    problem = export_problem(to)
    if problem:
        usage_fail(problem)
    store = open_store(db)
    try:
        with steps_bar() as steps:
            content, count = export_library(store, to, minimum, steps)
    finally:
        store.close()
    if to == "json" and output is None:
        typer.echo(content.decode("utf-8"), nl=False)
        return
    target = output or Path("指标库.xlsx")
    try:
        target.write_bytes(content)
    except OSError as exc:
        fail(f"无法写入 {shown_name(str(target))}：{os_reason(exc)}")
    err.print(f"已导出 {count} 组指标到 {shown_name(str(target))}", markup=False)


@library_app.command("build")
def build_command(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    quiet: bool = typer.Option(False, "--quiet", help="不显示进度条。"),
) -> None:
    """从数据库重新生成整个指标库（导入、修改时会自动更新，一般无需手动运行；管理员的合并、拆分、改名会保留）。"""
    from perfbudget.cli.progress_bar import steps_bar
    from perfbudget.library.build import build_library

    store = open_store(db)
    try:
        with steps_bar(shown=not quiet) as steps:
            summary = build_library(store, steps)
    finally:
        store.close()
    err.print(f"指标库已生成：{summary.groups} 组、{summary.names} 个不同名称、{summary.entries} 个指标", markup=False)


@library_app.command("merge")
def merge_command(
    into: str = typer.Argument(..., metavar="保留的组", help="保留的组（编号或名称）。"),
    others: list[str] = typer.Argument(..., metavar="并入的组", help="并入的组（编号或名称），可多个。"),
    user: str | None = user_option("调整分组（须为管理员）"),
    actor: str | None = actor_option("操作人"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """（管理员）把若干组并入一个组；这一选择保存在数据库中，重新生成指标库时仍然有效。"""
    from perfbudget.app.library import merge

    run_admin(db, user, actor,
              lambda store, who: merge(store, who.principal, into, others, username=who.actor.username))


@library_app.command("split")
def split_command(
    names: list[str] = typer.Argument(..., metavar="名称",
                                      help="要从所在组拆分出来单独成组的指标名称，可多个（须在同一组）。"),
    user: str | None = user_option("调整分组（须为管理员）"),
    actor: str | None = actor_option("操作人"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """（管理员）把若干名称从所在组拆分出来，单独成一组；这一选择保存在数据库中。"""
    from perfbudget.app.library import split

    run_admin(db, user, actor,
              lambda store, who: split(store, who.principal, names, username=who.actor.username))


@library_app.command("rename")
def rename_command(
    group: str = typer.Argument(..., metavar="组", help="组编号或名称。"),
    name: str = typer.Argument(..., metavar="新名称", help="新的组名称。"),
    user: str | None = user_option("调整分组（须为管理员）"),
    actor: str | None = actor_option("操作人"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """（管理员）给一个组改名；这一选择保存在数据库中，重新生成指标库时仍然有效。"""
    from perfbudget.app.library import rename

    run_admin(db, user, actor,
              lambda store, who: rename(store, who.principal, group, name, username=who.actor.username))


@contextmanager
def review_library(db: str | None, off: bool) -> Iterator[StorePeers | None]:
    """The library of the database in use for ``perfbudget review`` (none when ``off``, when the
    database file does not exist or is at an older schema): a review without it is unchanged."""
    from perfbudget.library.peers import StorePeers, using

    store = None if off else _existing_store(db)
    try:
        peers = StorePeers(store) if store is not None else None
        with using(peers):
            yield peers
    finally:
        if store is not None:
            store.close()


def _existing_store(db: str | None) -> Any:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from perfbudget.config import database_url
    from perfbudget.store import SchemaOutdatedError, Store

    url = database_url(db)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and (not parsed.database or parsed.database == ":memory:"
                                                      or not Path(parsed.database).exists()):
            return None
        return Store(url)
    except SchemaOutdatedError:
        err.print("提示：数据库结构版本较旧，本次审核未与指标库比较（perfbudget db upgrade 后可比较）", markup=False)
    except (SQLAlchemyError, OSError, ValueError):
        err.print("提示：无法打开数据库，本次审核未与指标库比较", markup=False)
    return None
