"""``perfbudget review`` (review a target table, from a file or from the store, ``--save`` keeping
each project's review), ``perfbudget reviews`` (the stored reviews of a project) and
``perfbudget rules`` (the rule catalogue).

Stored projects are reviewed as files are: the latest versions of each unit (and money unit)
are joined into one document (:mod:`perfbudget.store.selection`), so the cross-project rules
compare the same tables as in the unit's file. SQLAlchemy is imported inside the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from perfbudget.cli.cmd_library import review_library
from perfbudget.cli.common import (
    FORM_HELP,
    app,
    err,
    fail,
    load_or_exit,
    out,
    print_json,
    print_problems,
    shown_name,
    year_option,
)
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
    uses_store,
    writer,
)
from perfbudget.plain_numbers import MAX_ID

if TYPE_CHECKING:
    from perfbudget.load import LoadResult
    from perfbudget.model import Project
    from perfbudget.review.config import ReviewConfig
    from perfbudget.store import Store


_SOURCE_HELP = ("要审核的绩效目标表文件（只加 --db 时与该数据库的指标库比较）；不是文件时，或使用 --unit、--year、"
                "--save 时，为库中的项目（编号、名称或「名称-资金标签」），可省略而审核库中全部项目或 --unit/--year "
                "选出的项目。")
_UNIT_HELP = "审核数据库中该单位（单位编码；没有编码的单位：单位名称）的项目（各项目的最新版本）。" + UNIT_ADDRESS_HELP
_YEAR_HELP = "审核数据库中该资金年度的项目；保存时记为该年度（默认取项目的资金年度）。"
_SAVE_HELP = "把每个项目的审核结果保存到数据库（每次保存新增一条记录，旧记录保留；perfbudget reviews 查看）。"

_JOBS_HELP = "审核数据库中的项目时同时使用的进程数（默认为本机的处理器核数；1 为不另起进程）。"
_SUMMARY_OVER = 200
_SUMMARY_HELP = ("只输出汇总（单位、项目、指标数，各级审核意见数，审核等级分布，最常见的问题），不逐项目列出；"
                 f"审核数据库中超过 {_SUMMARY_OVER} 个项目且未用 --json 时自动如此。")

_REVIEWS_JSON_HELP = "在标准输出上输出 JSON；与 --show 同用时输出保存的审核结果本身（与 review --json 同格式）。"


@app.command("review")
def review_command(
    source: str | None = typer.Argument(None, metavar="文件或项目", help=_SOURCE_HELP),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON：各项目等级与全部审核意见。"),
    config_file: str | None = typer.Option(
        None, "--config", help="审核配置文件（TOML）：关闭规则、调整阈值、按地区或单位设置。"),
    region: str | None = typer.Option(
        None, "--region", help="地区名称，用于选择配置文件中 [[override]] region 的设置。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    unit: str | None = typer.Option(None, "--unit", help=_UNIT_HELP),
    year: int | None = year_option(help=_YEAR_HELP),
    save: bool = typer.Option(False, "--save", help=_SAVE_HELP),
    user: str | None = user_option("保存审核结果（--save；单位填报人员只能保存本单位项目的，查看人员不能）"),
    actor: str | None = actor_option("审核人（--save 时）"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
    no_library: bool = typer.Option(False, "--no-library",
                                    help="不与指标库比较（默认与所用数据库中同类指标和上年项目比较）。"),
    jobs: int | None = typer.Option(None, "--jobs", min=1, help=_JOBS_HELP),
    summary: bool = typer.Option(False, "--summary", help=_SUMMARY_HELP),
) -> None:
    """审核绩效目标表：按项目列出每条审核意见（位置、审核维度、问题说明与修改建议），并给出审核等级（优/良/中/差）。

    项目可来自文件，也可来自数据库（各项目的最新版本，按单位审核，与审核原文件相同）；
    --save 把每个项目的审核结果存入数据库（perfbudget reviews 查看历次记录）。
    有「错误」级别的审核意见时退出码为 1。审核规则见 perfbudget rules。
    """
    from perfbudget.cli.render.review import render_report
    from perfbudget.review.config import DEFAULT_CONFIG, load_config
    from perfbudget.review.engine import review_document

    config = DEFAULT_CONFIG
    if config_file is not None:
        loaded, problems = load_config(config_file)
        print_problems(problems)
        if loaded is None or problems:
            err.print(f"{shown_name(str(config_file))}: 审核配置有误，未进行审核", markup=False)
            raise typer.Exit(1)
        config = loaded
    # ``review FILE --db URL`` reviews the file against that database's indicator library (issue 16), as
    # PERFBUDGET_DB does; --unit, --year and --save are about the database's projects
    file_with_library = (source is not None and db is not None and unit is None and year is None and not save
                         and Path(source).is_file())
    if not file_with_library and uses_store(source, db, unit, year, save):
        if source is None and db is None and unit is None and year is None and not save:
            fail("请给出要审核的绩效目标表文件，或用 --db（以及 --unit/--year）审核数据库中的项目")
        with review_library(db, no_library) as peers:  # the indicator library (below-peers, below-last-year)
            has_errors = _review_stored(source, db, unit, year, save, (user, actor), config, region, as_json,
                                        library=peers is not None, jobs=jobs, summary=summary)
        if has_errors:
            raise typer.Exit(1)
        return
    assert source is not None
    result = load_or_exit(source, form, allow_partial=True)  # a cut table is reviewed on what was read, below
    if result.other_errors:
        err.print(f"{shown_name(source)}: 读取不完整（{len(result.other_errors)} 个错误），未审核", markup=False)
        raise typer.Exit(1)
    document = result.document
    assert document is not None
    with review_library(db, no_library):  # the indicator library (below-peers, below-last-year)
        report = review_document(document, config, region=region)
    if as_json:
        data = report.to_dict()
        if result.partial:
            data["incomplete"] = [_incomplete(p) for p in result.cut_projects]
        print_json(data)
    else:
        render_report(document, report, out)
    if result.partial:
        _tell_cut(source, result)
    if report.has_errors or result.partial:
        raise typer.Exit(1)


def _incomplete(project: Project) -> dict[str, Any]:
    """A cut project in ``review --json``: which, where it is cut, how many indicators were read."""
    return {"seq": project.seq, "name": project.name, "cut": project.cut.to_dict() if project.cut else None,
            "indicators_read": len(project.indicators)}


def _tell_cut(file: str, result: LoadResult) -> None:
    """What of a cut document was read and reviewed, what was not, and where (the cut's own error is listed
    above with its place by ``load_or_exit``). Until 2026-12-04 such a file printed no review at all."""
    for project in result.cut_projects:
        where = f"截断于 {project.cut}" if project.cut is not None else "表格被截断"
        last = project.indicators[-1].source if project.indicators else None
        read = (f"读到表头和 {len(project.indicators)} 个三级指标" + (f"（最后一个在 {last}）" if last else "")
                if project.indicators else "只读到表头，没有读到指标")
        err.print(f"{shown_name(file)}: 项目「{project.name or '（未命名）'}」未完整（{shown_name(where)}）：{read}，"
                  "截断之后的内容没有读到；以上审核只覆盖读到的部分，请补全文件后重新审核", markup=False)
    if not result.cut_projects:  # cut before a project was made of it: the place is the cut's error above
        err.print(f"{shown_name(file)}: 有表格在读成项目之前就中断了（位置见上），其内容没有读到、未审核", markup=False)
    whole = len(result.complete_projects)
    err.print(f"{shown_name(file)}: 表格不完整：完整读到 {whole} 个项目，{len(result.cut_projects)} 个项目被截断",
              markup=False)


def _job(store: Store, source: str | None, unit: str | None, year: int | None) -> dict[str, Any]:
    """The choice (project ids, unit, year) of ``review --db``; exit 1 when it holds no project."""
    from perfbudget.app.review_batch import BatchJob, chosen_count

    if source is not None:
        # review FILE --db URL reviews the file against that database's library; only these take the database's projects
        choice: dict[str, Any] = {"project_ids": (resolve_project(store, source, unit, "--unit、--year、--save"),)}
    else:
        choice = {"unit": unit, "year": year}
    if not chosen_count(store, BatchJob(store.url, core_settings(), **choice)):
        from perfbudget.app.stored_records import project_count

        empty = project_count(store) == 0
        store.close()
        if empty:
            fail(f"数据库 {safe_url(store.url)} 中还没有项目：请先用 perfbudget import 导入绩效目标表")
        fail("没有符合条件的项目（可用 perfbudget list projects 查看库中的项目）")
    return choice


def _review_stored(source: str | None, db: str | None, unit: str | None, year: int | None, save: bool,
                   saver: tuple[str | None, str | None], config: ReviewConfig, region: str | None, as_json: bool, *,
                   library: bool, jobs: int | None, summary: bool) -> bool:
    """Review stored projects through the use-case layer (each with its unit's other current
    projects, as every face does; many projects on every core, :mod:`perfbudget.app.review_batch`)
    and save the reviews; print the reports (or their summary); whether an error was found."""
    from dataclasses import replace

    from perfbudget.app.acting import review_refusal
    from perfbudget.app.review_batch import BatchJob, chosen_count, chosen_unit_codes, review_batch
    from perfbudget.cli.progress_bar import steps_bar

    store = open_store(db)
    choice = _job(store, source, unit, year)
    job = BatchJob(store.url, core_settings(config, region), library=library, save=save, record_year=year, **choice)
    by = None
    if save:  # who saves: the account --user or PERFBUDGET_USER names, its units checked (app.acting)
        who = writer(store, *saver)
        not_allowed = review_refusal(who.principal, chosen_unit_codes(store, job))
        if not_allowed:
            store.close()
            fail(f"未保存：{not_allowed}（账号「{who.actor.username}」）")
        job = replace(job, actor=who.actor.username)
        by = who.actor
    summary = summary or (not as_json and chosen_count(store, job) > _SUMMARY_OVER)
    job = replace(job, keep=not summary)
    with steps_bar(counted="个指标") as steps:
        result = review_batch(store, job, jobs, progress=lambda done, total: steps("审核", done, total), by=by)
    store.close()
    if summary:
        _print_summary(result.tally, as_json)
    else:
        _print_groups(result.groups, as_json)
    if save:
        saved = result.records
        shown = "、".join(str(i) for i in saved) if len(saved) <= 10 else f"{saved[0]}–{saved[-1]}"
        err.print(f"已保存 {len(saved)} 个项目的审核结果（记录编号 {shown}）；用 perfbudget reviews 项目 查看历次记录",
                  markup=False)
    return result.tally.has_errors


def _print_groups(groups: list[Any], as_json: bool) -> None:
    """Each group's report (or, ``as_json``, all of them as one ``review --json`` document)."""
    from perfbudget.cli.render.review import render_report
    from perfbudget.review.engine import REPORT_FORMAT

    projects: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    for number, group in enumerate(groups):
        report, selection = group.report, group.selection
        ids = {seq: version.meta["project_id"] for seq, version in selection.versions.items()}
        records = {s.version.meta["version_id"]: s.record for s in group.saved}
        for grade in report.projects:
            version = selection.versions[grade.seq]
            stored: dict[str, Any] = {"project_id": ids[grade.seq], "version": version.meta["version"],
                                      "unit_code": selection.document.unit.code}
            record = records.get(version.meta["version_id"])
            if record is not None:
                stored["record"] = record
            projects.append({**grade.to_dict(), **stored})
        findings.extend({**f.to_dict(), "project_id": ids.get(f.project) if f.project is not None else None}
                        for f in report.findings)
        if not as_json:
            if number:
                out.print()
            if selection.renumbered:
                err.print(f"提示：{selection.document.unit.name or selection.document.unit.code} 的项目来自多个文件，"
                          "序号有重复，本次审核按导入顺序重新编号；保存的记录仍用各项目在原文件中的序号", markup=False)
            render_report(group.document, report, out)
    if as_json:
        print_json({"format": REPORT_FORMAT, "projects": projects, "findings": findings})


def _print_summary(tally: Any, as_json: bool) -> None:
    """The numbers of a large run: units, projects, indicators, findings by severity, grades, top rules."""
    from rich.table import Table

    from perfbudget.review.registry import get_rule
    from perfbudget.vocabulary import SEVERITY_LABELS

    if as_json:
        print_json({"format": "perfbudget-review-summary/1", "units": tally.units, "projects": tally.projects,
                    "indicators": tally.indicators, "findings": tally.findings,
                    "severities": dict(tally.severities), "grades": dict(tally.grades),
                    "rules": dict(tally.rules.most_common())})
        return
    severities = "，".join(f"{SEVERITY_LABELS[level]} {tally.severities[level]:,}"
                          for level in ("error", "warning", "info"))
    grades = "，".join(f"{grade} {tally.grades[grade]:,}" for grade in ("优", "良", "中", "差"))
    out.print(f"审核了 {tally.units:,} 个单位的 {tally.projects:,} 个项目（{tally.indicators:,} 个指标）："
              f"审核意见 {tally.findings:,} 条（{severities}）", markup=False)
    out.print(f"审核等级：{grades}", markup=False)
    if tally.rules:
        table = Table(header_style="bold", title="最常见的问题")
        for column in ("规则", "名称", "条数"):
            table.add_column(column, overflow="fold")
        for rule_id, count in tally.rules.most_common(10):
            spec = get_rule(rule_id)
            table.add_row(rule_id, spec.title if spec else rule_id, f"{count:,}")
        out.print(table)
    out.print("逐项目的审核意见：perfbudget review --db … --json，或保存后用 perfbudget reviews 项目 查看",
              markup=False)


@app.command("reviews")
def reviews_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    show_id: int | None = typer.Option(None, "--show", min=1, max=MAX_ID, help="完整显示该记录编号的一次审核结果。"),
    year: int | None = year_option(help="只列该年度的记录。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help=_REVIEWS_JSON_HELP),
) -> None:
    """列出一个项目保存过的审核记录（时间、版本、年度、审核等级、错误与警告数、审核人）。

    --show 编号 完整显示其中一条：该版本表格的每条审核意见与审核等级。
    """
    from perfbudget.app.regrade_history import INFERRED_NOTE
    from perfbudget.app.stored_records import (
        project_row,
        report_from_payload,
        review_record,
        review_records,
        reviewer_grade_records,
    )
    from perfbudget.cli.render.review import render_report

    store = open_store(db)
    project_id = resolve_project(store, project)
    head = project_row(store, project_id)
    if show_id is not None:
        found = review_record(store, project_id, show_id)
        store.close()
        if found is None:
            fail(f"{project_named(head)}没有编号为 {show_id} 的审核记录（perfbudget reviews {project_id} 可列出）")
        item, version = found.item, found.version
        try:
            report = report_from_payload(item["payload"])
        except (KeyError, ValueError, TypeError) as exc:
            fail(f"记录 {show_id} 的内容无法读取：{exc}")
        if as_json:
            print_json(report.to_dict())
            return
        assert version is not None  # a review row points at an existing version
        out.print(f"记录 {item['id']} · 第 {item['version']} 版 · {item['year'] or '—'} 年度 · "
                  f"{shown_time(item['created_at'])} · 审核人 {item['user_label'] or '—'}", markup=False)
        render_report(version.document, report, out)
        return
    items = review_records(store, project_id, year)
    graded = reviewer_grade_records(store, project_id)
    store.close()
    if as_json:
        # the API's answer (GET /api/v1/projects/{id}/reviews) with the project beside its id (replay-v)
        print_json(jsonable({"project_id": project_id, "project": head, "reviews": items, "reviewer_grades": graded}))
        return
    out.print(project_heading(head, f"共 {len(items)} 条审核记录"), markup=False)
    if not items:
        out.print("尚无保存的审核记录（perfbudget review … --save 保存）", markup=False)
        return
    for item in items:  # (a review graded again after a 驳回/确认: its findings the one's before, by the decider)
        inferred = f"（{INFERRED_NOTE}）" if item.get("regraded_inferred") else ""
        who = f"按驳回/确认重新评定{inferred}，处理人" if item.get("regraded") else "审核人"
        out.print(f"编号 {item['id']}  {shown_time(item['created_at'])}  第 {item['version']} 版  "
                  f"{item['year'] or '—'} 年度  审核等级 {item['grade'] or '—'}"
                  f"（错误 {item['errors']}，警告 {item['warnings']}）  {who} {item['user_label'] or '—'}",
                  markup=False)
    for grade in graded:  # the reviewer's own grade of a version: its official grade (the machine's above)
        reason = f"：{grade['reason']}" if grade["reason"] else ""
        out.print(f"审核人员评定  {shown_time(grade['created_at'])}  第 {grade['version']} 版  等级 {grade['grade']}"
                  f"（正式等级）  审核人 {grade['user_label'] or '—'}{reason}", markup=False)
    out.print(f"用 perfbudget reviews {project_id} --show 编号 查看完整结果", markup=False)


@app.command("rules")
def rules_command(
    as_json: bool = typer.Option(False, "--json", help="输出 JSON。"),
    markdown: bool = typer.Option(False, "--markdown",
                                  help="输出 Markdown 规则目录（即 docs/rules.md，英文，供开发者；"
                                       "--json 不再带英文的 doc，改为中文的 description 与 severity_label）。"),
) -> None:
    """列出全部审核规则：编号、名称、审核维度、严重程度与说明。"""
    from perfbudget.app.rule_list import rule_catalogue_markdown, rule_list

    rules = rule_list()
    if as_json:
        print_json(rules)
        return
    if markdown:
        sys.stdout.write(rule_catalogue_markdown())
        return
    from rich.table import Table

    table = Table(header_style="bold")
    for column in ("编号", "名称", "维度", "严重程度", "说明"):  # an id, a dimension, a severity: never broken
        table.add_column(column, overflow="fold", no_wrap=column in ("编号", "维度", "严重程度"))
    for entry in rules:
        table.add_row(entry["id"], entry["title"], entry["dimension"], entry["severity_label"], entry["description"],
                      end_section=True)
    out.print(table)
    out.print(f"共 {len(rules)} 条规则；可调整的参数见 perfbudget rules --json，配置方法见 docs/review.md",
              markup=False)
