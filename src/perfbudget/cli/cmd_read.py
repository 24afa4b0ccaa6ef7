"""``perfbudget read``: read a table file and print it, or its interchange JSON."""

from __future__ import annotations

import sys

import typer

from perfbudget.cli.common import FORM_HELP, app, err, load_or_exit, out
from perfbudget.cli.render.document import render_document
from perfbudget.interchange import dumps


@app.command("read")
def read_command(
    file: str = typer.Argument(..., help="要读取的文件（文本、JSON 等）。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出交换格式 JSON（perfbudget/1）。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """读取绩效目标表文件，打印项目、预算与指标树；--json 输出交换格式。

    输入有错误时在标准错误上按「文件:行号: 说明」列出，退出码为 1，不输出不完整的结果。
    """
    result = load_or_exit(file, form, allow_partial=not as_json)
    document = result.document
    assert document is not None
    if as_json:
        sys.stdout.write(dumps(document) + "\n")
        return
    render_document(document, out)
    if result.errors:
        err.print(f"{file}: 以上为部分读取结果（{len(result.errors)} 个错误），请修正后重新读取", markup=False)
        raise typer.Exit(1)
