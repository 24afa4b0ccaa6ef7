"""``perfbudget publish``: a unit's approved 绩效目标表 of one year in one file (docx, xlsx or html).

What is published is :func:`perfbudget.app.publication.unit_publication`'s: projects from the store
through :class:`perfbudget.store.api.Store`, approved (and the approved version) as the review
workflow says (:func:`perfbudget.app.workflow.approved_versions`), in table order, in one Word
document, one workbook (a sheet per project) or one page.
"""

from __future__ import annotations

from pathlib import Path

import typer

from perfbudget.app.publication import PUBLISH_FORMS
from perfbudget.cli.common import app, err, fail, print_json, shown_name, usage_fail, year_option
from perfbudget.cli.store_common import DB_HELP, UNIT_ADDRESS_HELP
from perfbudget.model import Document
from perfbudget.os_reasons import os_reason
from perfbudget.steps import Steps


def _published_document(db: str | None, unit: str, year: int | None, everything: bool,
                        steps: Steps) -> tuple[Document, int] | str:
    """The unit's approved project versions as one document, and how many projects were left out; or why none."""
    from perfbudget.app.publication import unit_publication
    from perfbudget.cli.store_common import open_store

    store = open_store(db)
    try:
        steps("读取项目", 0, None)
        found = unit_publication(store, unit, year, everything, cli=True)
    finally:
        store.close()
    return found if isinstance(found, str) else (found.document, found.left_out)


@app.command("publish")
def publish_command(
    unit: str = typer.Option(..., "--unit",
                             help="单位编码（没有编码的单位：单位名称）：发布该单位的全部审核通过的项目。"
                                  + UNIT_ADDRESS_HELP),
    year: int | None = year_option(help="资金年度（不给时为该单位全部年度）。"),
    to: str = typer.Option(..., "--to",
                           help="发布格式：docx（Word，可直接打印或转 PDF）、xlsx（每个项目一张工作表）、html 或 json"
                                "（交换格式 perfbudget/1）。"),
    output: str | None = typer.Option(None, "-o", "--output",
                                      help="输出文件；不指定时为「单位编码-年度-绩效目标表.格式」。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    everything: bool = typer.Option(False, "--all", help="发布全部项目的最新版本，不限于审核通过的项目。"),
    original: bool = typer.Option(False, "--original",
                                  help="指标值保留填写原文（默认统一写法，如「大于等于95%」写作「≥95%」）。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上以 JSON 报告发布结果。"),
) -> None:
    """发布一个单位的绩效目标表：把该单位（某年度）全部审核通过的项目表写入一个文件。

    每个项目取审核通过的那个版本，按表序排列；Word 与 Excel 已按 A4 排版（适合页宽、表头每页重复、
    页脚留填报人/审核人/日期），可直接打印。未审核通过的项目不发布（--all 发布全部项目的最新版本）。
    """
    from perfbudget.cli.progress_bar import steps_bar
    from perfbudget.writers.target_table_export import render

    form = to.lower().lstrip(".")
    if form not in PUBLISH_FORMS:
        usage_fail(f"不支持的发布格式「{to}」；可用：{'、'.join(PUBLISH_FORMS)}")
    with steps_bar(not as_json) as steps:  # a unit of thousands of projects takes minutes (no bar until faces45)
        found = _published_document(db, unit, year, everything, steps)
        data = b"" if isinstance(found, str) else render(found[0], form, original=original, steps=steps)
    if isinstance(found, str):
        fail(found)
    document, left_out = found
    # (--unit by-name/… or by-id/7: the default file is named without the address's 「/」, in this folder)
    target = output or f"{unit.replace('/', '-')}-{year or '全部年度'}-绩效目标表.{form}"
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        fail(f"无法写入 {shown_name(target)}：{os_reason(exc)}")
    report = {"unit": unit, "year": year, "to": form, "output": target, "projects": len(document.projects),
              "seqs": [p.seq for p in document.projects], "left_out": left_out, "bytes": len(data)}
    if as_json:
        print_json(report)
        return
    err.print(f"已发布单位 {unit} 的 {len(document.projects)} 个项目到 {shown_name(target)}"
              + (f"；{left_out} 个项目未审核通过，未发布" if left_out else ""), markup=False)
