"""``perfbudget desk show|decide|comment|grade|batch``: the reviewer's desk from the command line, as a web
account (``--user``), through the same use cases as the desk page and the API (:mod:`perfbudget.app.review_desk`):
the same role checks, refusals, audit entries and messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.cli.common import app, fail, out, print_json, usage_fail, year_option
from perfbudget.cli.store_common import (
    DB_HELP,
    PROJECT_HELP,
    UNIT_ADDRESS_HELP,
    core_settings,
    open_store,
    resolve_project,
)
from perfbudget.os_reasons import os_reason

if TYPE_CHECKING:
    from perfbudget.app.roles import Principal
    from perfbudget.store import Store

desk_app = typer.Typer(help="审核台：查看审核发现，驳回或确认、对单元格提意见、评定等级，批量审核通过或退回。",
                       no_args_is_help=True)
app.add_typer(desk_app, name="desk")

USER_HELP = "以哪个网页端账号的身份操作（其角色与单位决定能做什么，记入审计日志）；默认取环境变量 PERFBUDGET_USER。"


def user_option() -> Any:
    return typer.Option(..., "--user", envvar="PERFBUDGET_USER", help=USER_HELP)


def account(store: Store, username: str) -> Principal:
    """The active account ``username`` as its principal, or exit 1 saying why (unknown, disabled)."""
    from perfbudget.app.accounts import account_principal

    found = account_principal(store.engine, username)
    if isinstance(found, str):
        store.close()
        fail(found)
    return found


def run_refusable(store: Store, action: Callable[[], object], about: Callable[[], str] | None = None) -> object:
    """The use case's answer, or exit 1 with its refusal (never a traceback), after the project it concerns
    (``about()``, :func:`project_named`, read on a refusal only) when given."""
    from perfbudget.app.errors import NotFound
    from perfbudget.app.review_desk import DeskRefused

    try:
        return action()
    except (DeskRefused, NotFound) as refused:
        said = refused.message if isinstance(refused, NotFound) else str(refused)
        named = about() if about else None
        store.close()
        fail(refusal_about(named, said) if named else said)


def refusal_about(named: str, said: str) -> str:
    """A refusal after the project it concerns: 「项目「名称」（资金）：当前为「草稿」，不能「审核通过」」 — the
    refusal's own 「项目当前为」 without its 项目, which the name before it says (「…：项目当前为…」 in faces47)."""
    return f"{named}：{said.removeprefix('项目') if said.startswith('项目当前为') else said}"


def project_named(store: Store, principal: Principal, project_id: int) -> str:
    """「项目「名称」（资金）」, as a step's message and the audit log name a project, for a refusal to name the project
    it concerns (「错误：等级应为 优、良、中 或 差」 named none until faces47, on a command given a project by
    number); 「项目 N」 for one the account may not see (its refusal says so)."""
    from perfbudget.app.audit_log import project_in_summary
    from perfbudget.app.errors import NotFound
    from perfbudget.app.overview import project_head

    try:
        with store.reading() as tx:
            head = project_head(tx, principal, project_id)
    except NotFound:
        return f"项目 {project_id}"
    return project_in_summary(head.name, head.fund_label)


def opened_as(db: str | None, project: str, user: str) -> tuple[Store, Principal, int]:
    store = open_store(db)
    principal = account(store, user)
    return store, principal, resolve_project(store, project, principal.only_unit)


def _save(db: str | None, project: str, user: str, action: Callable[[Store, Principal, int, Any], object]) -> None:
    """One desk decision on ``project`` as ``user``: ``action(store, principal, project_id, settings)``, then the
    use case's 「已保存」, or exit 1 with its refusal."""
    from perfbudget.app.review_desk import SAVED

    store, principal, project_id = opened_as(db, project, user)
    settings = core_settings()
    run_refusable(store, lambda: action(store, principal, project_id, settings),
                  lambda: project_named(store, principal, project_id))
    store.close()
    out.print(SAVED, markup=False)


@desk_app.command("show")
def show_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON（与 API 的 GET /api/v1/projects/{id}/desk 相同）。"),
) -> None:
    """列出项目审核台上的审核发现（序号、标识、处理）、单元格意见与评定等级。"""
    from perfbudget.app.opinion import earlier_line
    from perfbudget.app.review_desk import desk_dict, load_desk

    store, principal, project_id = opened_as(db, project, user)
    desk = run_refusable(store, lambda: load_desk(store, principal, project_id, core_settings()))
    store.close()
    data = desk_dict(desk, principal)  # type: ignore[arg-type]
    if as_json:
        print_json(data)
        return
    head = data["project"]
    out.print(f"项目 {head['id']}：{head['name']}  第 {head['version']} 版  系统评定 {data['grade'] or '—'}  "
              f"正式等级 {data['official_grade'] or '—'}", markup=False)
    for line in data["basis"]:  # why the system gave its grade, as `perfbudget review` prints it (replay-s)
        out.print(f"  等级依据 {line}", markup=False)
    for f in data["findings"]:
        decided = f["decision"]
        said = f"  〔{decided['label']}：{decided['reason']}〕" if decided else ""
        # the severity in Chinese (错误/警告/提示), as the desk page badges it: the code (「[warning]」) until replay-j
        out.print(f"{f['number']:>3}. {f['key'][:12]}  [{f['severity_label']}] {f['place']}：{f['message']}{said}",
                  markup=False)
    for c in data["comments"]:
        out.print(f"意见  {c['label']}：{c['text']}（{c['user_label'] or '—'}）", markup=False)
    # as the desk page shows them (the text left them to --json until 2026-12-05; replay-i's left item)
    for c in data["earlier_comments"]:
        out.print(f"此前版本的意见  {earlier_line(c)}", markup=False)
    if data["reviewer_grade"]:
        given = data["reviewer_grade"]
        out.print(f"审核人员评定 {given['grade']}（{given['user_label'] or '—'}）：{given['reason'] or '未写理由'}",
                  markup=False)
    if not data["findings"]:
        out.print("没有审核发现", markup=False)


@desk_app.command("decide")
def decide_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    finding: str = typer.Argument(..., metavar="审核发现",
                                  help="desk show 列出的序号，或标识（至少前 8 位）。"),
    decision: str = typer.Option(..., "--decision", help="dismissed（驳回，不成立）或 confirmed（确认）。"),
    reason: str = typer.Option(..., "--reason", help="理由（必填）。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """驳回或确认一条审核发现（须写理由；单元格不变时沿用到以后的版本）。"""
    from perfbudget.app.review_desk import decide

    def act(store: Store, principal: Principal, project_id: int, settings: Any) -> None:
        decide(store, principal, project_id, settings, finding, decision, reason)  # a number or key prefix too

    _save(db, project, user, act)


@desk_app.command("comment")
def comment_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    place: str = typer.Option(..., "--place", help="单元格：name、budget、purpose、goals，"
                                                   "或 indicator:序号:level3|description|target。"),
    text: str = typer.Option(..., "--text", help="意见。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """对正式版本的一个单元格提出意见（写入审核意见书）。"""
    from perfbudget.app.review_desk import comment

    _save(db, project, user, lambda store, principal, pid, settings: comment(store, principal, pid, settings, place,
                                                                             text))


@desk_app.command("grade")
def grade_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    value: str = typer.Argument(..., metavar="等级", help="优、良、中 或 差。"),
    reason: str = typer.Option("", "--reason", help="理由。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """审核人员评定正式版本的等级（正式等级，与系统评定并列）。"""
    from perfbudget.app.review_desk import grade

    _save(db, project, user, lambda store, principal, pid, settings: grade(store, principal, pid, settings, value,
                                                                           reason))


@desk_app.command("batch")
def batch_command(
    action: str = typer.Argument(..., metavar="操作", help="approve（审核通过）或 return（退回，须写意见）。"),
    projects: list[str] = typer.Argument(..., metavar="项目", help=(
        "项目编号或名称，可写多个；审核通过时写作「项目:版本」（如 12:3，版本为 desk show 或 desk todo 显示的"
        "「第 N 版」），该项目此后已有更新的版本则不予审核通过（与网页审核队列和 API 相同）；"
        "未写版本的项目不予审核通过。")),
    comment_text: str = typer.Option("", "--comment", help="意见（退回时必填）。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON（与 API 的 POST /api/v1/review/batch 相同）。"),
) -> None:
    """批量审核通过或退回（每个项目单独一步，各自可能被拒绝；有未处理的项目时退出码为 1）。"""
    from perfbudget.app.review_desk import batch_by_references

    store = open_store(db)
    principal = account(store, user)
    # the found projects are done and the others named, as the API's batch does (faces-u: one unknown name refused
    # the whole batch); a unit-bound account's names are looked up in its unit only (attack19)
    data: Any = run_refusable(store, lambda: batch_by_references(store, principal, projects, action,
                                                                 comment_text.strip()))
    store.close()
    if as_json:
        print_json(data)
    else:
        out.print(data["message"], markup=False)
    if data["done"] < len(data["results"]) + len(data["unresolved"]):
        raise typer.Exit(1)


@desk_app.command("todo")
def todo_command(
    year: str | None = typer.Option(None, "--year",
                                    help="年度（四位数字）；all 为全部年度；不给时为有待办工作的年度。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON（与 API 的 GET /api/v1/todo 相同）。"),
) -> None:
    """待办：该账号的待审核、被退回（附退回意见）、草稿、待自评、待监控，以及审核队列（先送审的在前）；与网页首页相同。"""
    from perfbudget.app.todo_view import todo_dict, todo_year_problem

    problem = todo_year_problem(year)
    if problem:
        usage_fail(problem.message)
    store = open_store(db)
    principal = account(store, user)
    data = todo_dict(store, principal, year)
    store.close()
    if as_json:
        print_json(data)
        return
    shown_year = f"{data['year']} 年度" if data["year"] else "全部年度"
    out.print(f"{principal.display_name}的待办（{shown_year}）：", markup=False)
    for item in data["items"]:
        out.print(f"  {item['label']}：{item['count']}", markup=False)
    for item in data["elsewhere"]:
        out.print(f"  {item['label']}：{item['count']}（用 --year 查看）", markup=False)
    for title, rows in (("被退回的项目", data["returned"]), ("审核队列（先送审的在前）", data["queue"])):
        if rows:
            out.print(f"{title}：", markup=False)
        for r in rows:
            said = f"  退回意见：{r['comment']}" if r.get("comment") else ""
            version = f"  第 {r['latest_version']} 版" if r.get("latest_version") else ""  # desk batch 编号:版本
            out.print(f"  编号 {r['id']}{version}  {r['unit']['code'] or ''}{r['unit']['name'] or ''}  {r['name']}"
                      f"  审核等级 {r['grade'] or '未审核'}  错误 {r['errors'] or 0}{said}", markup=False)


@desk_app.command("opinion")
def opinion_command(
    project: str | None = typer.Argument(None, metavar="项目", help=PROJECT_HELP + "不给时用 --unit 选单位。"),
    unit: str | None = typer.Option(None, "--unit",
                                    help="单位编码（没有编码的单位：单位名称）：该单位各项目的审核意见书。"
                                    + UNIT_ADDRESS_HELP),
    year: int | None = year_option(help="与 --unit 一起：只含该资金年度的项目（不给时为全部年度）。"),
    output: str = typer.Option(..., "-o", "--output",
                               help="输出文件：.docx 为 Word，.html 为网页（可在浏览器中打印为 PDF）。"),
    to: str | None = typer.Option(None, "--to", help="格式：docx 或 html（不给时按输出文件的扩展名，默认 docx）。"),
    user: str = user_option(),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """下载审核意见书（Word 或网页）：一个项目的，或一个单位（某年度）各项目的；与网页和 API 的审核意见书相同。"""
    from pathlib import Path

    from perfbudget.app.opinion import OPINION_FORMS, opinion_file, project_opinion_title, unit_opinion_desks
    from perfbudget.app.review_desk import load_desk
    from perfbudget.cli.progress_bar import steps_bar

    if (project is None) == (unit is None):
        fail("请给出一个项目，或用 --unit 指定单位（二者选一）")
    suffix = Path(output).suffix.lower().lstrip(".")
    form = (to or (suffix if suffix in OPINION_FORMS else "docx")).lower().lstrip(".")
    if form not in OPINION_FORMS:
        usage_fail(f"不支持的审核意见书格式「{to}」；可用：{'、'.join(OPINION_FORMS)}")
    if project is not None:
        store, principal, project_id = opened_as(db, project, user)
        desk: Any = run_refusable(store, lambda: load_desk(store, principal, project_id, core_settings()))
        title, desks = project_opinion_title(desk), [desk]
        store.close()
        data = opinion_file(title, desks, form)
    else:  # a unit's: up to 200 projects, each laid out in turn (a bar on a terminal since faces45)
        store = open_store(db)
        principal = account(store, user)
        with steps_bar() as steps:
            steps("读取审核台", 0, None)
            found: Any = run_refusable(store, lambda: unit_opinion_desks(store, principal, str(unit), year,
                                                                          core_settings()))
            store.close()
            title, desks = found
            data = opinion_file(title, desks, form, steps)
    try:
        Path(output).write_bytes(data)
    except OSError as error:
        fail(f"无法写入 {output}：{os_reason(error)}")
    out.print(f"已写出「{title}」到 {output}（{len(desks)} 个项目）", markup=False)
