"""``perfbudget export``: write a table file as the standard 绩效目标表 (xlsx, docx, html) or interchange JSON."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import typer

from perfbudget.app.validate import MAX_INTEGER  # a PostgreSQL integer: no option overflows a query
from perfbudget.cli.common import (
    FORM_HELP,
    app,
    err,
    fail,
    load_or_exit,
    print_json,
    shown_name,
    usage_fail,
    year_option,
)
from perfbudget.cli.store_common import DB_HELP, UNIT_ADDRESS_HELP
from perfbudget.model import Document
from perfbudget.os_reasons import os_reason


def _stored_document(reference: str | None, db: str | None, unit: str | None, year: int | None,
                     version: int | None = None) -> Document:
    """The official stored versions (an approved project's approved version while a revision waits,
    else the latest) of one project, or of a unit's/year's projects, as one document; ``version``: that version of
    the one project (as ``show --version`` and the API's ``download?version=`` take it)."""
    from perfbudget.app.evaluations import official_versions
    from perfbudget.app.stored_records import project_row, project_version
    from perfbudget.cli.store_common import open_store, project_named, resolve_project
    from perfbudget.store.selection import StoredSelection, combine, group_versions

    store = open_store(db)
    try:
        if reference is not None and version is not None:
            project_id = resolve_project(store, reference, unit)
            stored = project_version(store, project_id, version)
            if stored is None:
                fail(f"{project_named(project_row(store, project_id))}没有第 {version} 版"
                     f"（perfbudget history {project_id} 列出各版本）")
            versions = [stored]
        elif reference is not None:
            versions = official_versions(store, project_ids=[resolve_project(store, reference, unit)])
        else:
            versions = official_versions(store, unit=unit, year=year)
    finally:
        store.close()
    groups = group_versions(versions)
    if not groups:
        fail("数据库中没有符合条件的项目（可用 perfbudget list projects 查看）")
    if len(groups) > 1:
        fail(f"所选项目属于 {len(groups)} 个单位或金额单位，一个文件只导出一个单位的表：请用 --unit 指定单位编码")
    selection = combine(groups[0])
    if not isinstance(selection, StoredSelection):
        fail(selection)
    document = selection.document  # tables in their number order, as in the file they came from
    return replace(document, projects=tuple(sorted(document.projects, key=lambda p: p.seq)))


def _stored_stem(reference: str | None, unit: str | None, year: int | None) -> str:
    """The default output name for stored projects: 项目5, a project's name, or 单位255101."""
    if reference is None:
        return f"单位{(unit or '').replace('/', '-')}{year or ''}"  # (--unit by-name/…: no folder of the name)
    return f"项目{reference}" if reference.isdigit() else reference


@app.command("export")
def export_command(
    source: str | None = typer.Argument(
        None, metavar="文件或项目",
        help="要导出的文件（文本、Word、Excel、PDF、网页或 JSON），或数据库中的项目（编号或名称）。"),
    to: str = typer.Option(..., "--to", help="导出格式：xlsx、docx、html 或 json。"),
    output: str | None = typer.Option(None, "-o", "--output",
                                      help="输出文件；不指定时与输入文件同名、扩展名换为导出格式；「-」表示标准输出。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    unit: str | None = typer.Option(
        None, "--unit",
        help="从数据库导出时：单位编码（没有编码的单位：单位名称；导出该单位的全部项目，或在其中查找项目）。"
             + UNIT_ADDRESS_HELP),
    year: int | None = year_option(help="从数据库导出时：资金年度。"),
    version: int | None = typer.Option(None, "--version", min=1, max=MAX_INTEGER,
                                       help="从数据库导出项目的第几版（同 perfbudget show --version）；默认正式版本。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上以 JSON 报告导出结果。"),
    original: bool = typer.Option(False, "--original",
                                  help="指标值保留填写原文（默认统一写法，如「大于等于95%」写作「≥95%」）。"),
) -> None:
    """把绩效目标表导出为标准格式的 Excel、Word、网页，或交换格式 JSON。

    每个项目一张表（表头：预算单位、金额单位、项目名称、预算数、绩效目标；指标树合并单元格）。
    参数为文件时读取该文件；给出 --db、--unit、--year，或参数不是文件时，从数据库取项目的正式版本
    （审核通过的版本，有修订稿待审时仍用它；其余为最新版本；参数为项目编号或名称；不给参数时
    导出 --unit/--year 选中的全部项目）；--version 导出项目的某一版，与 API 下载的 version= 相同。
    输入有错误时不导出，按「文件:位置: 说明」列出错误，退出码为 1。
    """
    from perfbudget.cli.progress_bar import steps_bar
    from perfbudget.writers.target_table_export import EXPORT_FORMS, render

    form_to = to.lower().lstrip(".")
    if form_to not in EXPORT_FORMS:
        usage_fail(f"不支持的导出格式「{to}」；可用：{'、'.join(EXPORT_FORMS)}")
    from_store = db is not None or unit is not None or year is not None or version is not None or (
        source is not None and not Path(source).exists())
    if source is None and not from_store:
        fail("请给出要导出的文件，或用 --db/--unit/--year 从数据库选择项目")
    if version is not None and source is None:
        usage_fail("--version 须与一个项目一起给出（项目编号或名称）")
    # --unit or a file of thousands of projects (no bar until faces45), read and laid out under the bar
    with steps_bar(not as_json) as steps:
        steps("读取项目", 0, None)
        if from_store:
            document = _stored_document(source, db, unit, year, version)
            file = _stored_stem(source, unit, year)
        else:
            assert source is not None
            file = source
            # by design: an export is the table as read, whole; a file read with errors (cut short) is not exported
            result = load_or_exit(file, form, refused="未导出：读取有错误的文件不导出，以免导出的表缺少原表的内容")
            assert result.document is not None
            document = result.document
        data = render(document, form_to, original=original, steps=steps)
    target = output or str(Path(file).with_suffix(f".{form_to}").name if not from_store else f"{file}.{form_to}")
    if target == "-":
        if form_to in ("xlsx", "docx"):
            fail(f"{form_to} 是二进制文件，不能输出到标准输出；请用 -o 指定文件")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if not from_store and Path(target).resolve() == Path(file).resolve():
        fail(f"输出文件与输入文件相同：{shown_name(target)}；请用 -o 指定其他文件")
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        fail(f"无法写入 {shown_name(target)}：{os_reason(exc)}")
    summary = {"input": file, "output": target, "to": form_to, "projects": len(document.projects),
               "indicators": document.indicator_count, "bytes": len(data)}
    if as_json:
        print_json(summary)
    else:
        err.print(f"已导出 {len(document.projects)} 个项目、{document.indicator_count} 个指标到 {shown_name(target)}",
                  markup=False)
