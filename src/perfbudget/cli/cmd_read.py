"""``perfbudget read``: read a table file and print what was read, or its interchange JSON."""

from __future__ import annotations

import sys

import typer

from perfbudget.cli.common import FORM_HELP, app, err, out, print_problems, shown_name, stdout_writer
from perfbudget.cli.render.document import render_document
from perfbudget.interchange import dumps
from perfbudget.load import STDIN_NAME, load_path, load_stream

FILE_HELP = "要读取的文件（文本、Word、Excel、PDF、网页、JSON）；「-」读取标准输入（如从网页复制的表格文字）。"


@app.command("read")
def read_command(
    file: str = typer.Argument(..., metavar="文件", help=FILE_HELP),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出交换格式 JSON（perfbudget/1）。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """读取绩效目标表文件，打印项目、预算与指标树；--json 输出交换格式。

    输入的问题在标准错误上按「文件:行号: 说明」列出。表格被截断时，截断前读到的内容照常输出，
    被截断的项目标为「未完整（截断于 …）」（JSON 中为 "complete": false 与截断位置），退出码为 1。
    有其他错误时文本输出为部分读取结果、--json 不输出，退出码为 1。

    文件写「-」时读取标准输入：粘贴从网页复制的表格文字后按 Ctrl-D，或用管道传入；问题按「标准输入:行号: 说明」列出。
    """
    result = load_stream(sys.stdin.buffer, form) if file == "-" else load_path(file, form)
    if file == "-":
        file = STDIN_NAME
    print_problems(result.problems)
    document = result.document
    if document is None:
        raise typer.Exit(1)
    if as_json and not result.usable:
        err.print(f"{shown_name(file)}: 读取不完整（{len(result.other_errors)} 个错误），未输出 JSON", markup=False)
        raise typer.Exit(1)
    if as_json:
        stdout_writer(json_text=True)(dumps(document) + "\n")
    else:
        render_document(document, out)
    for project in result.cut_projects:
        where = f"截断于 {project.cut}" if project.cut is not None else "表格被截断"
        err.print(f"{shown_name(file)}: 项目「{project.name or '（未命名）'}」未完整（{shown_name(where)}），"
                  "以上为截断前的部分读取结果",
                  markup=False)
    if result.other_errors and not as_json:
        err.print(f"{shown_name(file)}: 以上为部分读取结果（{len(result.other_errors)} 个错误），请修正后重新读取",
                  markup=False)
    if result.errors:
        raise typer.Exit(1)
