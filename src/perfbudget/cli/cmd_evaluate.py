"""``perfbudget template`` / ``evaluate`` / ``monitor``: fill-in sheets, 自评 scoring, 运行监控.

Thin over :mod:`perfbudget.evaluate`; office-format libraries are imported inside the commands.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from perfbudget.cli.common import FORM_HELP, app, err, fail, load_or_exit, out, print_json, print_problems
from perfbudget.evaluate.actuals import ProjectActuals
from perfbudget.model import Document, Problem, Severity

_JSON_HELP = "在标准输出上输出 JSON（每个项目的总分、等级与每个指标的得分和说明）。"
_WEIGHTS_HELP = "一级分值，如「预算执行率=10,产出=50,效益=30,满意度=10」（可加 成本=…），合计须为 100。"
_REVERSE_HELP = "反向指标算法：ratio（比例法：分值×目标÷实际，默认）或 linear（线性扣分，实际达目标 2 倍时为 0）。"
_SHEET_HELP = "填报表：CSV（UTF-8、带 BOM 的 UTF-8 或 GB18030）或 xlsx，可由 perfbudget template 生成。"


def _exit_on_errors(problems: list[Problem], what: str) -> None:
    print_problems(problems)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        err.print(f"{what}：共 {len(errors)} 个错误，未计算结果；请修正填报表后重试", markup=False)
        raise typer.Exit(1)


def _load(file: str, form: str | None) -> Document:
    document = load_or_exit(file, form).document
    assert document is not None
    return document


def _actuals(document: Document, sheet: str, kind: str) -> dict[int, ProjectActuals]:
    from perfbudget.evaluate.resolve import resolve
    from perfbudget.evaluate.sheet import read_sheet

    rows, problems = read_sheet(sheet, kind)
    if any(p.severity is Severity.ERROR for p in problems):
        _exit_on_errors(problems, sheet)
    actuals, found = resolve(document, rows, kind)
    _exit_on_errors(problems + found, sheet)
    return actuals


@app.command("template")
def template_command(
    file: str = typer.Argument(..., help="绩效目标表文件。"),
    to: str | None = typer.Option(None, "--to", help="填报表格式：xlsx 或 csv（默认按 -o 的扩展名，否则 csv）。"),
    output: str | None = typer.Option(None, "-o", "--output", help="输出文件；csv 不指定时写到标准输出。"),
    project: list[str] = typer.Option([], "--project", "-p", help="只包含该项目（项目名称或序号），可重复。"),
    kind: str = typer.Option("evaluation", "--kind", help="evaluation（年度自评）或 monitor（运行监控）。"),
    month: int | None = typer.Option(None, "--month", help="监控月份 M（1–12），xlsx 表头写作「1-M月执行情况」。"),
    encoding: str = typer.Option("utf-8-sig", "--encoding",
                                 help="csv 编码：utf-8-sig（带 BOM，Excel 可直接打开）、utf-8 或 gb18030。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """生成填报表（已填好项目与指标）：年度自评填实际完成值，运行监控填执行情况与完成目标可能性。

    CSV 表头为：项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析（监控表另有
    完成目标可能性,全年预计完成情况,偏差原因,备注）。每个项目第一行「全年执行数」填执行金额。
    xlsx 另有一级指标、二级指标、指标值等只读列和分值列（留空按默认分配）。
    """
    from perfbudget.evaluate.resolve import find_project
    from perfbudget.evaluate.template import KINDS, template_csv, template_xlsx

    if kind not in KINDS:
        fail(f"--kind 应为 {' 或 '.join(KINDS)}，而不是「{kind}」")
    if month is not None and not 1 <= month <= 12:
        fail(f"--month 应为 1–12，而不是 {month}")
    fmt = to or (Path(output).suffix.lstrip(".").lower() if output else "csv") or "csv"
    if fmt not in ("xlsx", "csv"):
        fail(f"--to 应为 xlsx 或 csv，而不是「{fmt}」")
    if encoding.lower() not in ("utf-8-sig", "utf-8", "utf8", "gb18030", "gbk"):
        fail(f"--encoding 应为 utf-8-sig、utf-8 或 gb18030，而不是「{encoding}」")
    document = _load(file, form)
    projects = list(document.projects)
    if project:
        chosen = []
        for text in project:
            found = find_project(document, text)
            if isinstance(found, str):
                fail(found)
            chosen.append(found)
        projects = chosen
    if fmt == "xlsx":
        if not output:
            fail("xlsx 须用 -o 指定输出文件")
        Path(output).write_bytes(template_xlsx(document, projects, kind, month))
    else:
        text = template_csv(document, projects, kind)
        if output:
            Path(output).write_bytes(text.encode(encoding))
        else:
            sys.stdout.write(text.replace("\r\n", "\n"))
            return
    rows = len(projects) + sum(len(p.indicators) for p in projects)
    err.print(f"已写出 {output}：{len(projects)} 个项目，{rows} 行待填", markup=False)


@app.command("evaluate")
def evaluate_command(
    file: str = typer.Argument(..., help="绩效目标表文件。"),
    actuals: str = typer.Option(..., "--actuals", "-a", help=_SHEET_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
    to: str | None = typer.Option(None, "--to", help="输出自评表：xlsx、docx 或 html（须同时用 -o 指定文件）。"),
    output: str | None = typer.Option(None, "-o", "--output", help="--to 的输出文件。"),
    weights: str | None = typer.Option(None, "--weights", help=_WEIGHTS_HELP),
    reverse: str = typer.Option("ratio", "--reverse", help=_REVERSE_HELP),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """年度绩效自评打分：按 财预〔2020〕10号 规则计算每个项目的得分、总分和等级（优/良/中/差），每项得分附计算说明。

    只计算填报表中出现的项目；填报表有任何错误时列出全部错误（文件:行号: 说明），不计算，退出码为 1。
    """
    from perfbudget.evaluate.scoring import REVERSE_METHODS, ScoreOptions, evaluate_rows
    from perfbudget.evaluate.sheet import read_sheet
    from perfbudget.evaluate.weights import Weights, WeightsError, parse_weights

    if reverse not in REVERSE_METHODS:
        fail(f"--reverse 应为 ratio 或 linear，而不是「{reverse}」")
    if to is not None and to not in ("xlsx", "docx", "html"):
        fail(f"--to 应为 xlsx、docx 或 html，而不是「{to}」")
    if to is not None and not output:
        fail("--to 须同时用 -o 指定输出文件")
    try:
        chosen = parse_weights(weights) if weights else Weights()
    except WeightsError as exc:
        fail(f"--weights：{exc}")
    document = _load(file, form)
    rows, problems = read_sheet(actuals, "evaluation")
    if any(p.severity is Severity.ERROR for p in problems):
        _exit_on_errors(problems, actuals)
    evaluation, found = evaluate_rows(document, rows, chosen, ScoreOptions(reverse), actuals_file=actuals)
    _exit_on_errors(problems + found, actuals)
    assert evaluation is not None
    if to is not None and output:
        if to == "xlsx":
            from perfbudget.writers.evaluation_xlsx import evaluation_xlsx

            Path(output).write_bytes(evaluation_xlsx(evaluation))
        elif to == "docx":
            from perfbudget.writers.evaluation_docx import evaluation_docx

            Path(output).write_bytes(evaluation_docx(evaluation))
        else:
            from perfbudget.writers.evaluation_html import evaluation_html

            Path(output).write_text(evaluation_html(evaluation), encoding="utf-8")
        err.print(f"已写出自评表 {output}（{len(evaluation.projects)} 个项目）", markup=False)
    if as_json:
        print_json(evaluation.to_dict())
    elif to is None:
        from perfbudget.evaluate.report_text import render_evaluation

        render_evaluation(evaluation, out)


@app.command("monitor")
def monitor_command(
    file: str = typer.Argument(..., help="绩效目标表文件。"),
    actuals: str = typer.Option(..., "--actuals", "-a", help="监控填报表（perfbudget template --kind monitor 生成）。"),
    month: int = typer.Option(..., "--month", "-m", help="监控截至月份 M（1–12）。"),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON。"),
    scale_rates: bool = typer.Option(False, "--scale-rates",
                                     help="百分比指标也按 M/12 折算进度（默认不折算：比率是水平值，不是累计量）。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """绩效运行监控（双监控）：每个指标的进度、完成目标可能性与预警灯（红/黄/绿/蓝），项目颜色取最差的指标。

    完成目标可能性不是「确定能」时，须填写全年预计完成情况和偏差原因（经费保障、制度保障、人员保障、
    硬件条件保障、其他）。填报表有错误时列出全部错误，退出码为 1。
    """
    from perfbudget.evaluate.monitor import MonitorOptions, monitor_document

    if not 1 <= month <= 12:
        fail(f"--month 应为 1–12，而不是 {month}")
    document = _load(file, form)
    project_actuals = _actuals(document, actuals, "monitor")
    results, problems = monitor_document(document, project_actuals, month, MonitorOptions(scale_rates))
    _exit_on_errors(problems, actuals)
    assert results is not None
    if as_json:
        print_json({"format": "perfbudget-monitor/1", "month": month,
                    "unit": {"code": document.unit.code, "name": document.unit.name},
                    "money_unit": document.money_unit, "projects": [r.to_dict() for r in results]})
        return
    from perfbudget.evaluate.report_text import render_monitor

    render_monitor(results, out)
