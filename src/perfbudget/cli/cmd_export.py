"""``perfbudget export``: write a table file as the standard 绩效目标表 (xlsx, docx, html) or interchange JSON."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from perfbudget.cli.common import FORM_HELP, app, err, fail, load_or_exit, print_json


@app.command("export")
def export_command(
    file: str = typer.Argument(..., help="要导出的文件（文本、Word、Excel、PDF、网页或 JSON）。"),
    to: str = typer.Option(..., "--to", help="导出格式：xlsx、docx、html 或 json。"),
    output: str | None = typer.Option(None, "-o", "--output",
                                      help="输出文件；不指定时与输入文件同名、扩展名换为导出格式；「-」表示标准输出。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上以 JSON 报告导出结果。"),
) -> None:
    """把绩效目标表导出为标准格式的 Excel、Word、网页，或交换格式 JSON。

    每个项目一张表（表头：预算单位、金额单位、项目名称、预算数、绩效目标；指标树合并单元格）。
    输入有错误时不导出，按「文件:位置: 说明」列出错误，退出码为 1。
    """
    from perfbudget.writers.target_table_export import EXPORT_FORMS, render

    form_to = to.lower().lstrip(".")
    if form_to not in EXPORT_FORMS:
        fail(f"不支持的导出格式「{to}」；可用：{'、'.join(EXPORT_FORMS)}")
    result = load_or_exit(file, form)
    document = result.document
    assert document is not None
    data = render(document, form_to)
    target = output or str(Path(file).with_suffix(f".{form_to}").name)
    if target == "-":
        if form_to in ("xlsx", "docx"):
            fail(f"{form_to} 是二进制文件，不能输出到标准输出；请用 -o 指定文件")
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    if Path(target).resolve() == Path(file).resolve():
        fail(f"输出文件与输入文件相同：{target}；请用 -o 指定其他文件")
    try:
        Path(target).write_bytes(data)
    except OSError as exc:
        fail(f"无法写入 {target}：{exc.strerror or exc}")
    summary = {"input": file, "output": target, "to": form_to, "projects": len(document.projects),
               "indicators": document.indicator_count, "bytes": len(data)}
    if as_json:
        print_json(summary)
    else:
        err.print(f"已导出 {len(document.projects)} 个项目、{document.indicator_count} 个指标到 {target}", markup=False)
