"""``perfbudget template`` / ``evaluate`` / ``monitor`` / ``evaluations``: fill-in sheets, 自评
scoring, 运行监控, and the stored results.

Thin over :mod:`perfbudget.evaluate`. The projects come from a FILE, or from the store
(``--db``/``--unit``/``--year`` or a PROJECT reference, see :mod:`perfbudget.evaluate.stored`);
``--save`` keeps each project's result in the store, one new record per run. Office-format
libraries and SQLAlchemy are imported inside the commands.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

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
    stdout_writer,
    usage_fail,
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
    shown_time,
    user_option,
    uses_store,
    writer,
)
from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.plain_numbers import MAX_ID

if TYPE_CHECKING:
    from perfbudget.app.workflow import Actor
    from perfbudget.store import Store
    from perfbudget.store.selection import StoredSelection

_JSON_HELP = "在标准输出上输出 JSON（每个项目的总分、等级与每个指标的得分和说明）。"
_WEIGHTS_HELP = ("一级分值，如「预算执行率=10,产出=50,效益=30,满意度=10」（可加 成本=…、过程管理=…；"
                 "部门整体表按其一级，如 投入=…,过程=…,产出=…,效果=…），合计须为 100。")
_REVERSE_HELP = "反向指标算法：ratio（比例法：分值×目标÷实际，默认）或 linear（线性扣分，实际达目标 2 倍时为 0）。"
_SHEET_HELP = ("填报表：CSV（UTF-8、带 BOM 的 UTF-8 或 GB18030）或 xlsx，可由 perfbudget template 生成；"
               "或单位的绩效自评表（任何可读格式，如 docx、xlsx、txt），按自评表本身的实际完成值、分值和得分计分"
               "（与所评的表为同一文件时亦然）。")
_SOURCE_HELP = ("绩效目标表文件；不是文件时，或使用数据库（--db、--unit、--year 或 --save）时，为库中的项目"
                "（编号、名称或「名称-资金标签」），可省略而用 --unit/--year 选出项目。")
_UNIT_HELP = ("从数据库取该单位（单位编码；没有编码的单位：单位名称）的项目（各项目的正式版本：审核通过的版本，"
              "有修订稿待审时仍用它；其余为最新版本）。" + UNIT_ADDRESS_HELP)
_YEAR_HELP = "评价年度：从数据库取该资金年度的项目；保存时记为该年度（默认取项目的资金年度）。"
_SAVE_HELP = "把每个项目的结果保存到数据库（按项目版本和年度，每次保存新增一条记录，旧记录保留）。"
_MONITOR_SHEET_HELP = ("监控填报表（perfbudget template --kind monitor 生成），或单位的绩效监控表（任何可读格式，"
                       "如 docx、xlsx、txt：按表中的执行数、执行情况、完成目标可能性等监控）。")
_MONTH_HELP = "监控截至月份 M（1–12）；用绩效监控表时可省略（取表中的监控期间，如 1-6月）。"
_SAVE_MONITOR_HELP = "把每个项目的监控结果（含月份）保存到数据库，每次保存新增一条记录。"


def _exit_on_errors(problems: list[Problem], what: str) -> None:
    print_problems(problems)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        err.print(f"{shown_name(what)}：共 {len(errors)} 个错误，未计算结果；请修正填报表后重试", markup=False)
        raise typer.Exit(1)


def _load(file: str, form: str | None) -> Document:
    document = load_or_exit(file, form).document
    assert document is not None
    return document


def _select(db: str | None, reference: str | None, unit: str | None, year: int | None) -> tuple[Store, StoredSelection]:
    """The stored projects to work on, joined into one document; exit 1 with a message otherwise."""
    from perfbudget.store.selection import combine

    if reference is None and unit is None and year is None:
        fail("请给出绩效目标表文件，或数据库中的项目（编号或名称），或用 --unit/--year 从数据库选出项目")
    from perfbudget.app.evaluations import official_versions

    store = open_store(db)
    # The official versions: an approved project's approved version while a later revision waits.
    if reference is not None:
        versions = official_versions(store, project_ids=[resolve_project(store, reference, unit)])
    else:
        versions = official_versions(store, unit=unit, year=year)
    selection = combine(versions)
    if isinstance(selection, str):
        store.close()
        fail(selection)
    if selection.renumbered:
        err.print(f"提示：所选 {len(versions)} 个项目来自多个文件，序号有重复，已按单位、年度、文件顺序重新编号为 "
                  f"1–{len(versions)}；填报表请用项目名称（perfbudget template 可按同样条件生成）", markup=False)
    return store, selection


def _record_years(selection: StoredSelection, seqs: list[int], year: int | None) -> dict[int, int]:
    """The year each result is saved under: --year, else the project's fund year; exit 1 if neither."""
    years: dict[int, int] = {}
    for seq in seqs:
        project = selection.versions[seq].document.projects[0]
        chosen = year if year is not None else project.fund_year
        if chosen is None:
            fail(f"项目「{project.name_cell or project.name}」没有资金年度，无法保存：请用 --year 指定评价年度")
        years[seq] = chosen
    return years


@app.command("template")
def template_command(
    source: str | None = typer.Argument(None, metavar="文件或项目", help=_SOURCE_HELP),
    to: str | None = typer.Option(None, "--to", help="填报表格式：xlsx 或 csv（默认按 -o 的扩展名，否则 csv）。"),
    output: str | None = typer.Option(None, "-o", "--output", help="输出文件；csv 不指定时写到标准输出。"),
    project: list[str] = typer.Option([], "--project", "-p", help="只包含该项目（项目名称或序号），可重复。"),
    kind: str = typer.Option("evaluation", "--kind", help="evaluation（年度自评）或 monitor（运行监控）。"),
    month: int | None = typer.Option(None, "--month", help="监控月份 M（1–12），xlsx 表头写作「1-M月执行情况」。"),
    encoding: str = typer.Option("utf-8-sig", "--encoding",
                                 help="csv 编码：utf-8-sig（带 BOM，Excel 可直接打开）、utf-8 或 gb18030。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    unit: str | None = typer.Option(None, "--unit", help=_UNIT_HELP),
    year: int | None = year_option(help="从数据库取该资金年度的项目。"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """生成填报表（已填好项目与指标）：年度自评填实际完成值，运行监控填执行情况与完成目标可能性。

    CSV 表头为：项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析,分值（分值留空按默认分配）；
    监控表为：项目名称,三级指标,实际完成值,完成等级,完成目标可能性,全年预计完成情况,偏差原因,偏差原因分析,备注。
    每个项目第一行「全年执行数」填执行金额。xlsx 另有一级指标、二级指标、指标值等只读列。
    项目可来自文件，也可来自数据库（如 --unit 单位编码 --year 年度）。
    """
    from perfbudget.evaluate.resolve import find_project
    from perfbudget.evaluate.template import KINDS, template_csv, template_xlsx

    if kind not in KINDS:
        usage_fail(f"--kind 应为 {' 或 '.join(KINDS)}，而不是「{kind}」")
    if month is not None and not 1 <= month <= 12:
        usage_fail(f"--month 应为 1–12，而不是 {month}")
    fmt = to or (Path(output).suffix.lstrip(".").lower() if output else "csv") or "csv"
    if fmt not in ("xlsx", "csv"):
        usage_fail(f"--to 应为 xlsx 或 csv，而不是「{fmt}」")
    if fmt == "xlsx" and not output:
        usage_fail("xlsx 须用 -o 指定输出文件")
    if encoding.lower() not in ("utf-8-sig", "utf-8", "utf8", "gb18030", "gbk"):
        usage_fail(f"--encoding 应为 utf-8-sig、utf-8 或 gb18030，而不是「{encoding}」")
    if uses_store(source, db, unit, year, False):
        store, selection = _select(db, source, unit, year)
        store.close()
        document = selection.document
    else:
        assert source is not None
        document = _load(source, form)
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
        assert output is not None  # an xlsx without -o is told above, before the store is opened
        Path(output).write_bytes(template_xlsx(document, projects, kind, month))
    else:
        text = template_csv(document, projects, kind)
        if output:
            Path(output).write_bytes(text.encode(encoding))
        else:
            stdout_writer()(text.replace("\r\n", "\n"))
            return
    rows = len(projects) + sum(len(p.indicators) for p in projects)
    err.print(f"已写出 {shown_name(str(output))}：{len(projects)} 个项目，{rows} 行待填", markup=False)


def _saver(store: Store, selection: StoredSelection, user: str | None, actor: str | None, what: str) -> Actor:
    """Who saves: the account ``--user`` (or PERFBUDGET_USER) names, checked as the page and the API check it
    (:func:`perfbudget.app.evaluations.role_refusal`), else the name ``--actor`` gives or the login name: the one rule
    of every command-line write (:mod:`perfbudget.app.acting`). Until replay-l ``--save`` recorded the login name
    (「root」) even where PERFBUDGET_USER named the account that ``workflow`` and ``desk`` act as."""
    from perfbudget.app.evaluations import role_refusal

    who = writer(store, user, actor)
    if who.principal is None:
        return who.actor
    cannot = role_refusal(who.principal, list({v.document.unit.code: None for v in selection.versions.values()}),
                          what)
    if cannot:
        store.close()
        fail(f"未保存：{cannot}（账号「{who.principal.username}」）")
    return who.actor


def _same_file(source: str, actuals: str) -> bool:
    """``perfbudget evaluate 自评表.xlsx -a 自评表.xlsx``: the table is its own fill-in sheet."""
    try:
        return Path(source).resolve() == Path(actuals).resolve() and Path(source).is_file()
    except OSError:
        return False


@app.command("evaluate")
def evaluate_command(
    source: str | None = typer.Argument(None, metavar="文件或项目", help=_SOURCE_HELP),
    actuals: str = typer.Option(..., "--actuals", "-a", help=_SHEET_HELP),
    as_json: bool = typer.Option(False, "--json", help=_JSON_HELP),
    to: str | None = typer.Option(None, "--to", help="输出自评表：xlsx、docx 或 html（须同时用 -o 指定文件）。"),
    output: str | None = typer.Option(None, "-o", "--output", help="--to 的输出文件。"),
    weights: str | None = typer.Option(None, "--weights", help=_WEIGHTS_HELP),
    reverse: str = typer.Option("ratio", "--reverse", help=_REVERSE_HELP),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    unit: str | None = typer.Option(None, "--unit", help=_UNIT_HELP),
    year: int | None = year_option(help=_YEAR_HELP),
    save: bool = typer.Option(False, "--save", help=_SAVE_HELP),
    user: str | None = user_option("保存（--save；单位填报人员只能填本单位，管理员均可）"),
    actor: str | None = actor_option("填报人（--save 时）"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
    original: bool = typer.Option(False, "--original",
                                  help="自评表中的指标值保留填写原文（默认统一写法，如「大于等于95%」写作「≥95%」）。"),
) -> None:
    """年度绩效自评打分：按 财预〔2020〕10号 规则计算每个项目的得分、总分和等级（优/良/中/差），每项得分附计算说明。

    只计算填报表中出现的项目；填报表有任何错误时列出全部错误（文件:行号: 说明），不计算、不保存，退出码为 1。
    项目可来自文件，也可来自数据库；--save 把每个项目的自评结果存入数据库（perfbudget evaluations 查看历次记录）。
    """
    from perfbudget.app.evaluations import actuals_record, refusal, score
    from perfbudget.evaluate.scoring import REVERSE_METHODS, ScoreOptions
    from perfbudget.evaluate.weights import Weights, WeightsError, parse_weights

    if reverse not in REVERSE_METHODS:
        usage_fail(f"--reverse 应为 ratio 或 linear，而不是「{reverse}」")
    if to is not None and to not in ("xlsx", "docx", "html"):
        usage_fail(f"--to 应为 xlsx、docx 或 html，而不是「{to}」")
    if to is not None and not output:
        usage_fail("--to 须同时用 -o 指定输出文件")
    try:
        chosen = parse_weights(weights) if weights else Weights()
    except WeightsError as exc:
        usage_fail(f"--weights：{exc}")
    store: Store | None = None
    selection: StoredSelection | None = None
    if uses_store(source, db, unit, year, save):
        store, selection = _select(db, source, unit, year)
        document = selection.document
        if save:
            saver = _saver(store, selection, user, actor, "自评")
            chosen_ids = sorted({v.meta["project_id"] for v in selection.versions.values()})
            refused = refusal(store, core_settings(), chosen_ids)
            if refused:
                store.close()
                fail(f"未保存：{refused}")
    else:
        assert source is not None
        document = _load(source, form)
    if document.kind == "monitoring":
        fail(f"「{shown_name(source or '')}」是绩效监控表（1-N 月的执行情况），不是自评表或目标表："
             "请用 perfbudget monitor")
    # a fill-in sheet, or a 自评表 scored with its own 实际完成值, 分值 and 得分 (its own totals): the file read as
    # given, or the table named as its own file (app.evaluations.actuals_record, as the 自评 page's upload)
    own_table = document if source is not None and store is None and _same_file(source, actuals) else None
    rows, problems = actuals_record(actuals, own_table)
    if any(p.severity is Severity.ERROR for p in problems):
        _exit_on_errors(problems, actuals)
    # with the total and grade a 自评表 gives itself checked against ours (app.evaluations.score, every face)
    evaluation, found = score(document, rows, problems, actuals, chosen, ScoreOptions(reverse))
    _exit_on_errors(found, actuals)
    assert evaluation is not None
    if save:
        assert store is not None and selection is not None
        _save_evaluation(store, selection, evaluation, year, saver)
    if store is not None:
        store.close()
    if to is not None and output:
        from perfbudget.app.exports import evaluation_file

        # the year saved under is printed for a project whose table gives none (print17)
        made = evaluation_file(evaluation, to, original, year=year if save else None)
        assert made is not None  # --to was checked above
        content = made[0]
        Path(output).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        err.print(f"已写出自评表 {shown_name(str(output))}（{len(evaluation.projects)} 个项目）", markup=False)
    if as_json:
        print_json(evaluation.to_dict())
    elif to is None:
        from perfbudget.cli.render.evaluation import render_evaluation

        render_evaluation(evaluation, out)


def _save_evaluation(store: Store, selection: StoredSelection, evaluation: Any, year: int | None,
                     actor: Actor) -> None:
    from perfbudget.app.evaluations import save
    from perfbudget.evaluate.stored import split_evaluation

    years = _record_years(selection, [p.seq for p in evaluation.projects], year)
    pairs = split_evaluation(evaluation, selection)
    ids = save(store, actor, pairs,
               {version.meta["project_id"]: years[project.seq]
                for project, (version, _) in zip(evaluation.projects, pairs, strict=True)})
    err.print(f"已保存 {len(ids)} 个项目的自评结果（记录编号 {_ids(ids)}）；"
              "用 perfbudget evaluations 项目 查看历次记录", markup=False)


def _ids(ids: list[int]) -> str:
    return "、".join(str(i) for i in ids) if len(ids) <= 10 else f"{ids[0]}–{ids[-1]}"


@app.command("monitor")
def monitor_command(
    source: str | None = typer.Argument(None, metavar="文件或项目", help=_SOURCE_HELP),
    actuals: str = typer.Option(..., "--actuals", "-a", help=_MONITOR_SHEET_HELP),
    month: int | None = typer.Option(None, "--month", "-m", help=_MONTH_HELP),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON。"),
    to: str | None = typer.Option(None, "--to",
                                  help="输出绩效目标执行监控表：xlsx、docx 或 html（须同时用 -o 指定文件）。"),
    output: str | None = typer.Option(None, "-o", "--output", help="--to 的输出文件。"),
    scale_rates: bool = typer.Option(False, "--scale-rates",
                                     help="百分比指标也按 M/12 折算进度（默认不折算：比率是水平值，不是累计量）。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    unit: str | None = typer.Option(None, "--unit", help=_UNIT_HELP),
    year: int | None = year_option(help=_YEAR_HELP),
    save: bool = typer.Option(False, "--save", help=_SAVE_MONITOR_HELP),
    user: str | None = user_option("保存（--save；单位填报人员只能填本单位，管理员均可）"),
    actor: str | None = actor_option("填报人（--save 时）"),
    form: str | None = typer.Option(None, "--form", help=FORM_HELP),
) -> None:
    """绩效运行监控（双监控）：每个指标的进度、完成目标可能性与预警灯（红/黄/绿/蓝），项目颜色取最差的指标。

    完成目标可能性不是「确定能」时，须填写全年预计完成情况和偏差原因（经费保障、制度保障、人员保障、
    硬件条件保障、其他）。填报表有错误时列出全部错误，不保存，退出码为 1。项目可来自文件或数据库。
    """
    from perfbudget.app.evaluations import monitor, progress_record, refusal

    if month is not None and not 1 <= month <= 12:
        usage_fail(f"--month 应为 1–12，而不是 {month}")
    if to is not None and to not in ("xlsx", "docx", "html"):
        usage_fail(f"--to 应为 xlsx、docx 或 html，而不是「{to}」")
    if to is not None and not output:
        usage_fail("--to 须同时用 -o 指定输出文件")
    store: Store | None = None
    selection: StoredSelection | None = None
    if uses_store(source, db, unit, year, save):
        store, selection = _select(db, source, unit, year)
        document = selection.document
        if save:
            saver = _saver(store, selection, user, actor, "运行监控")
            refused = refusal(store, core_settings(), sorted({v.meta["project_id"]
                                                              for v in selection.versions.values()}), "运行监控")
            if refused:
                store.close()
                fail(f"未保存：{refused}")
    else:
        assert source is not None
        document = _load(source, form)
    # a fill-in sheet, or a 监控表 (the file monitored itself, or another) with its own figures and period
    own_table = document if source is not None and store is None and _same_file(source, actuals) else None
    rows, chosen, sheet_problems = progress_record(actuals, month, own_table)
    if chosen is None:  # a fill-in sheet (its month is the one monitored) without --month, or a sheet with errors
        needed = [] if any(p.severity is Severity.ERROR for p in sheet_problems) else [
            Problem(Source(actuals), "填报表没有监控月份：请用 --month 指定监控月份（1–12）")]
        _exit_on_errors([*sheet_problems, *needed], actuals)
        return
    monitoring, problems = monitor(document, rows, sheet_problems, actuals, chosen, scale_rates)
    _exit_on_errors(problems, actuals)
    assert monitoring is not None
    if save:
        assert store is not None and selection is not None
        _save_monitoring(store, selection, monitoring, year, saver)
    if store is not None:
        store.close()
    if to is not None and output:
        from perfbudget.app.exports import monitoring_file

        made = monitoring_file(monitoring, to)
        assert made is not None  # --to was checked above
        content = made[0]
        Path(output).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        err.print(f"已写出绩效目标执行监控表 {shown_name(str(output))}（{len(monitoring.projects)} 个项目）",
                  markup=False)
    if as_json:
        print_json(monitoring.to_dict())
        return
    if to is None:
        from perfbudget.cli.render.evaluation import render_monitor

        render_monitor(list(monitoring.projects), out)


def _save_monitoring(store: Store, selection: StoredSelection, monitoring: Any, year: int | None,
                     actor: Actor) -> None:
    from perfbudget.app.evaluations import save_monitorings
    from perfbudget.evaluate.stored import split_monitoring

    years = _record_years(selection, [p.seq for p in monitoring.projects], year)
    pairs = split_monitoring(monitoring, selection)
    ids = save_monitorings(store, actor, pairs,
                           {version.meta["project_id"]: years[project.seq]
                            for project, (version, _) in zip(monitoring.projects, pairs, strict=True)},
                           monitoring.month)
    err.print(f"已保存 {len(ids)} 个项目的 1-{monitoring.month} 月监控结果（记录编号 {_ids(ids)}）；"
              "用 perfbudget evaluations 项目 查看历次记录", markup=False)


from perfbudget.vocabulary import EVALUATION_KIND_LABELS as _KIND_LABELS  # noqa: E402


def _kind_label(item: dict[str, Any]) -> str:
    label = _KIND_LABELS.get(item["kind"], item["kind"])
    return f"{label}（1-{item['month']}月）" if item["month"] else label


def _result_label(item: dict[str, Any]) -> str:
    """「90.33 分 优」 for a self-evaluation, the project's light (「红灯」) for a monitoring."""
    from perfbudget.evaluate.monitor import LIGHT_LABELS

    if item["colour"]:
        return str(LIGHT_LABELS.get(item["colour"], item["colour"]))
    total = f"{item['total']} 分" if item["total"] else ""
    return " ".join(part for part in (total, item["grade"] or "") if part) or "—"


@app.command("evaluations")
def evaluations_command(
    project: str = typer.Argument(..., metavar="项目", help=PROJECT_HELP),
    show_id: int | None = typer.Option(None, "--show", min=1, max=MAX_ID,
                                       help="完整显示该记录编号的一次自评或监控结果。"),
    kind: str | None = typer.Option(None, "--kind", help="只列 self-evaluation（自评）或 monitoring（监控）。"),
    year: int | None = year_option(help="只列该年度的记录。"),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="在标准输出上输出 JSON；与 --show 同用时输出保存的结果本身。"),
) -> None:
    """列出一个项目保存过的自评与监控记录（时间、版本、年度、总分/等级或预警颜色、填报人、填报表）。

    --show 编号 完整显示其中一条：自评为自评表（总分、等级与每项计分说明），监控为各指标预警。
    """
    from perfbudget.app.stored_records import (
        evaluation_items,
        evaluation_record,
        evaluation_records,
        kind_problem,
        project_row,
    )

    problem = kind_problem(kind)
    if problem:  # the API's kind= says it alike
        usage_fail(f"--kind：{problem}")

    store = open_store(db)
    project_id = resolve_project(store, project, None)
    head = project_row(store, project_id)
    if show_id is not None:
        item = evaluation_record(store, project_id, show_id)
        store.close()
        if item is None:
            fail(f"{project_named(head)}没有编号为 {show_id} 的评价记录"
                 f"（perfbudget evaluations {project_id} 可列出）")
        _show_stored(item, as_json)
        return
    if as_json:  # the API's answer (GET /api/v1/projects/{id}/evaluations), each with its kind_label, the project
        # beside its id (the records without their labels until replay-v)
        listed = evaluation_items(store, project_id, kind, year)
        store.close()
        print_json(jsonable({"project_id": project_id, "project": head, "evaluations": listed}))
        return
    items = evaluation_records(store, project_id, kind, year)
    store.close()
    out.print(project_heading(head, f"共 {len(items)} 条记录"), markup=False)
    if not items:
        out.print("尚无保存的自评或监控记录（perfbudget evaluate … --save 保存）", markup=False)
        return
    for item in items:
        out.print(f"编号 {item['id']}  {shown_time(item['created_at'])}  第 {item['version']} 版  {item['year']} 年度  "
                  f"{_kind_label(item)}  {_result_label(item)}  填报人 {item['user_label'] or '—'}  "
                  f"填报表 {item['sheet'] or '—'}", markup=False)
    out.print(f"用 perfbudget evaluations {project_id} --show 编号 查看完整结果", markup=False)


def _show_stored(item: dict[str, Any], as_json: bool) -> None:
    """Print one stored result back, read through its ``from_dict`` (so the payload is checked)."""
    from perfbudget.app.stored_records import result_from_payload
    from perfbudget.evaluate.result import EVALUATION_FORMAT

    payload = item["payload"]
    kind = payload.get("format") if isinstance(payload, dict) else None
    try:
        result: Any = result_from_payload(payload)
    except (KeyError, ValueError, TypeError) as exc:
        fail(f"记录 {item['id']} 的内容无法读取：{exc}")
    if as_json:
        print_json(result.to_dict())
        return
    from perfbudget.cli.render.evaluation import render_evaluation, render_monitor

    out.print(f"记录 {item['id']} · {_kind_label(item)} · {item['year']} 年度 · 第 {item['version']} 版 · "
              f"{shown_time(item['created_at'])} · 填报人 {item['user_label'] or '—'} · 填报表 {item['sheet'] or '—'}",
              markup=False)
    if kind == EVALUATION_FORMAT:
        render_evaluation(result, out)
    else:
        render_monitor(list(result.projects), out)
