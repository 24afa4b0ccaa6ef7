"""``perfbudget review`` (review a target table) and ``perfbudget rules`` (the rule catalogue)."""

from __future__ import annotations

import sys

import typer

from perfbudget.cli.common import FORM_HELP, app, err, load_or_exit, out, print_json, print_problems


@app.command("review")
def review_command(
    file: str = typer.Argument(..., help="要审核的绩效目标表文件。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON：各项目等级与全部审核意见。"),
    config_file: str | None = typer.Option(
        None, "--config", help="审核配置文件（TOML）：关闭规则、调整阈值、按地区或单位设置。"),
    region: str | None = typer.Option(
        None, "--region", help="地区名称，用于选择配置文件中 [[override]] region 的设置。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """审核绩效目标表：按项目列出每条审核意见（位置、审核维度、问题说明与修改建议），并给出审核等级（优/良/中/差）。

    有「错误」级别的审核意见时退出码为 1。审核规则见 perfbudget rules。
    """
    from perfbudget.review.config import DEFAULT_CONFIG, load_config
    from perfbudget.review.engine import review_document
    from perfbudget.review.report_text import render_report

    config = DEFAULT_CONFIG
    if config_file is not None:
        loaded, problems = load_config(config_file)
        print_problems(problems)
        if loaded is None or problems:
            err.print(f"{config_file}: 审核配置有误，未进行审核", markup=False)
            raise typer.Exit(1)
        config = loaded
    result = load_or_exit(file, form)
    document = result.document
    assert document is not None
    report = review_document(document, config, region=region)
    if as_json:
        print_json(report.to_dict())
    else:
        render_report(document, report, out)
    if report.has_errors:
        raise typer.Exit(1)


@app.command("rules")
def rules_command(
    as_json: bool = typer.Option(False, "--json", help="输出 JSON。"),
    markdown: bool = typer.Option(False, "--markdown", help="输出 Markdown 规则目录（即 docs/rules.md）。"),
) -> None:
    """列出全部审核规则：编号、名称、审核维度、严重程度与说明。"""
    from perfbudget.review.catalogue import catalogue_dicts, catalogue_markdown
    from perfbudget.review.finding import SEVERITY_LABELS
    from perfbudget.review.registry import all_rules

    if as_json:
        print_json(catalogue_dicts())
        return
    if markdown:
        sys.stdout.write(catalogue_markdown())
        return
    from rich.table import Table

    table = Table(header_style="bold")
    for column in ("编号", "名称", "维度", "严重程度"):
        table.add_column(column, overflow="fold")
    for spec in all_rules():
        table.add_row(spec.id, spec.title, spec.dimension, SEVERITY_LABELS[spec.severity])
    out.print(table)
    out.print(f"共 {len(all_rules())} 条规则；每条规则的说明见 docs/rules.md 或 perfbudget rules --markdown",
              markup=False)
