"""Self-evaluation (自评) from the web: actuals typed into a form or a filled sheet, scored by
the evaluation engine (``perfbudget.evaluate``), never re-implemented here.

The form becomes the same :class:`~perfbudget.evaluate.actuals.SheetRow` rows a CSV sheet
gives (one 全年执行数 row, one row per indicator), so typed and uploaded actuals go through
one path: ``resolve`` → ``evaluate_document``. An uploaded sheet, for 自评 or 运行监控, is read by
:func:`read_uploaded_sheet` (the pages and the API).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request

from perfbudget.app.blocked import where
from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.template import project_key
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_FORECAST,
    COL_GRADE,
    COL_LEVEL3,
    COL_LIKELIHOOD,
    COL_PROJECT,
    COL_REASON,
    COL_REMARK,
    COL_SCORE,
    COL_WEIGHT,
    ROW_BUDGET,
    ROW_EXECUTED,
    ROW_GOAL,
)
from perfbudget.model import Document, Problem, Project, Source

FORM_FILE = "网页填报"
API_FILE = "API 填报"  # the API's 自评 body, read by the same rows (its sources said 网页填报 until 2026-12-05)
MOST_SHOWN = 100  # problems of a fill-in sheet listed on a page or in an API answer; the rest counted


def shown_problems(problems: Sequence[Problem | str], located: bool = False) -> list[str]:
    """The first :data:`MOST_SHOWN` problems as text, then one line counting the rest. A sheet may hold some
    100,000 rows, each its own error: until 2026-12-04 a 43 MB 自评 sheet of bad rows answered a page of 55 MB
    listing every one, the server peaking at 778 MB (found by attack16). The command line lists them all.
    ``located`` (an uploaded file's problems on a page): each placed as the import preview places it,
    「第16行 第1列：…」 (webflow24: 「监控表.txt:16:第1列: …」, the command line's form, on the 运行监控 and 自评
    pages)."""
    shown = [f"{where(p.source)}：{p.message}" if located and isinstance(p, Problem) else str(p)
             for p in problems[:MOST_SHOWN]]
    if len(problems) > MOST_SHOWN:
        shown.append(f"另有 {len(problems) - MOST_SHOWN} 个问题未列出（共 {len(problems)} 个）；"
                     f"请先改正以上问题，或用命令行 perfbudget evaluate / monitor 列出全部")
    return shown


def rows_from_form(document: Document, form: FormData, file: str = FORM_FILE) -> list[SheetRow]:
    """The form's fields as sheet rows: ``executed`` (with ``execution_weight``), ``budget`` (the
    adjusted 全年预算数), ``goal_result`` and per indicator ``actual_<n>``, ``grade_<n>``,
    ``score_<n>``, ``weight_<n>``, ``deviation_<n>`` (n = 1-based position); each row's source is ``file``
    (:data:`FORM_FILE` or :data:`API_FILE`)."""
    project = document.projects[0]
    key = project_key(project)
    rows = [SheetRow(Source(file, row=1), {COL_PROJECT: key, COL_LEVEL3: ROW_EXECUTED,
                                                COL_ACTUAL: str(form.get("executed") or "").strip(),
                                                COL_WEIGHT: str(form.get("execution_weight") or "").strip()})]
    budget = str(form.get("budget") or "").strip()
    if budget:
        rows.append(SheetRow(Source(file, row=len(rows) + 1),
                             {COL_PROJECT: key, COL_LEVEL3: ROW_BUDGET, COL_ACTUAL: budget}))
    goal = str(form.get("goal_result") or "").strip()
    if goal:
        rows.append(SheetRow(Source(file, row=len(rows) + 1),
                             {COL_PROJECT: key, COL_LEVEL3: ROW_GOAL, COL_ACTUAL: goal}))
    return _indicator_rows(project, form, rows, _EVALUATION_FIELDS, file)


# Per indicator, each sheet column and the form field that holds it (``<field>_<n>``).
_EVALUATION_FIELDS = ((COL_ACTUAL, "actual"), (COL_GRADE, "grade"), (COL_SCORE, "score"), (COL_WEIGHT, "weight"),
                      (COL_DEVIATION, "deviation"))
_MONITORING_FIELDS = ((COL_ACTUAL, "actual"), (COL_GRADE, "grade"), (COL_LIKELIHOOD, "likelihood"),
                      (COL_FORECAST, "forecast"), (COL_REASON, "reason"), (COL_DEVIATION, "deviation"),
                      (COL_REMARK, "remark"))


def _indicator_rows(project: Project, form: FormData, rows: list[SheetRow],
                    columns: tuple[tuple[str, str], ...], file: str = FORM_FILE) -> list[SheetRow]:
    """``rows`` and one more per indicator, its ``columns`` taken from the form's ``<field>_<n>``."""
    key = project_key(project)
    for position, indicator in enumerate(project.indicators, 1):
        cells = {COL_PROJECT: key, COL_LEVEL3: indicator.level3}
        for column, field in columns:
            cells[column] = str(form.get(f"{field}_{position}") or "").strip()
        rows.append(SheetRow(Source(file, row=len(rows) + 1), cells))
    return rows


def monitoring_rows_from_form(document: Document, form: FormData) -> list[SheetRow]:
    """The monitoring form's fields as the rows of a filled 监控填报表 (the same use case reads both,
    ``app.evaluations.monitor``): ``executed`` (the money executed in months 1–M, the sheet's 全年执行数 row)
    and per indicator ``actual_<n>`` (1–M月执行情况), ``grade_<n>`` (qualitative), ``likelihood_<n>``,
    ``forecast_<n>``, ``reason_<n>``, ``deviation_<n>`` (偏差原因分析), ``remark_<n>``."""
    project = document.projects[0]
    rows = [SheetRow(Source(FORM_FILE, row=1), {COL_PROJECT: project_key(project), COL_LEVEL3: ROW_EXECUTED,
                                                COL_ACTUAL: str(form.get("executed") or "").strip()})]
    return _indicator_rows(project, form, rows, _MONITORING_FIELDS)


def monitoring_values_from_table(document: Document) -> dict[str, str]:
    """The 运行监控 form's fields as a stored 监控表 itself fills them (its funds grid's 1-N月执行数 and each
    indicator's typed monitoring columns, ``Indicator.progress``: the rows ``monitor 监控表 -a 监控表`` reads), so that
    the officer checks the unit's own figures instead of typing them again (kinds25); empty for any other table."""
    from perfbudget.evaluate.from_monitoring_table import monitoring_rows_from_document

    project = document.projects[0]  # a stored version's document: its one project
    rows, _month, problems = monitoring_rows_from_document(document, FORM_FILE)
    if problems or not rows:
        return {}
    values = {"executed": rows[0].cells.get(COL_ACTUAL, "")}
    for n, row in enumerate(rows[len(rows) - len(project.indicators):], 1):
        for column, field in _MONITORING_FIELDS:
            values[f"{field}_{n}"] = row.cells.get(column, "")
    return {key: value for key, value in values.items() if value}


def form_values(form: FormData) -> dict[str, Any]:
    return {k: str(v) for k, v in form.items() if isinstance(v, str)}


_TABLE_FIELDS = {ROW_EXECUTED: ((COL_ACTUAL, "executed"), (COL_WEIGHT, "execution_weight")),
                 ROW_BUDGET: ((COL_ACTUAL, "budget"),), ROW_GOAL: ((COL_ACTUAL, "goal_result"),)}
_TABLE_INDICATOR_FIELDS = ((COL_ACTUAL, "actual"), (COL_GRADE, "grade"), (COL_SCORE, "score"),
                           (COL_WEIGHT, "weight"), (COL_DEVIATION, "deviation"))


def values_from_table(document: Document) -> dict[str, str]:
    """The 自评 form's fields as the stored 自评表 itself fills them (its funds grid's 全年执行数, 分值 and 全年预算数,
    the goal's 实际完成情况, each indicator's 实际完成值, 分值, 得分 and 偏差原因: the rows
    :func:`perfbudget.evaluate.from_table.sheet_rows_from_document` reads, the CLI's ``evaluate 表 -a 表``), so that an
    officer who uploaded the 自评表 checks the figures instead of typing them again; empty for a target table (no
    such figure). Until webflow22 the form was always empty."""
    from perfbudget.evaluate.from_table import sheet_rows_from_document

    project = document.projects[0]  # a stored version's document: its one project
    rows = sheet_rows_from_document(document, FORM_FILE)
    indicators = rows[len(rows) - len(project.indicators):]  # the indicators' rows come last, one each
    values: dict[str, str] = {}
    for row in rows[:len(rows) - len(project.indicators)]:
        for column, field in _TABLE_FIELDS.get(row.cells.get(COL_LEVEL3, ""), ()):
            values[field] = row.cells.get(column, "")
    for n, row in enumerate(indicators, 1):
        for column, field in _TABLE_INDICATOR_FIELDS:
            values[f"{field}_{n}"] = row.cells.get(column, "")
    filled = {key: value for key, value in values.items() if value}
    return filled if any(key.startswith(("executed", "actual_", "score_")) for key in filled) else {}


def values_from_sheet(document: Document, rows: Sequence[SheetRow]) -> dict[str, str]:
    """The 自评 form's fields as a refused fill-in sheet gave them: its 全年执行数, 全年预算数 and 总体目标 rows, and
    each row whose 三级指标 is one of the project's (the first of that name not taken yet) — so that the officer fixes
    what was refused on the page instead of in the sheet and uploading it again. A row of another indicator or
    project is left out (its problem says so). Until webflow26 the form came back empty below the problems."""
    project = document.projects[0]
    positions: dict[str, list[int]] = {}
    for n, indicator in enumerate(project.indicators, 1):
        positions.setdefault(indicator.level3.strip(), []).append(n)
    values: dict[str, str] = {}
    for row in rows:
        name = row.cells.get(COL_LEVEL3, "").strip()
        if name in _TABLE_FIELDS:
            fields = {field: row.cells.get(column, "") for column, field in _TABLE_FIELDS[name]}
        elif positions.get(name):
            n = positions[name].pop(0)
            fields = {f"{field}_{n}": row.cells.get(column, "") for column, field in _TABLE_INDICATOR_FIELDS}
        else:
            continue
        values.update({key: value for key, value in fields.items() if value})
    return values


_SPECIAL_FIELDS = {ROW_EXECUTED: ("全年执行数", "executed"), ROW_BUDGET: ("全年预算数", "budget"),
                   ROW_GOAL: ("年度总体目标完成情况", "goal_result")}
# The field a problem's message is about, by the first word found in it (monitoring's words first: its
# 「完成目标可能性为「有可能」，须填写偏差原因」 is about 偏差原因, not 完成目标可能性 nor 偏差原因分析).
_INDICATOR_FIELDS = (("须填写全年预计完成情况", "forecast"), ("须填写偏差原因", "reason"), ("偏差原因「", "reason"),
                     ("全年预计完成情况", "forecast"), ("完成目标可能性", "likelihood"),
                     ("完成等级", "grade"), ("分值", "weight"), ("权重", "weight"), ("得分", "score"),
                     ("偏差", "deviation"))


_SHEET_ROW = re.compile(r"（第 (\d+) 行）")
_ADD_BUDGET_ROW = "请在填报表中加一行「全年预算数」"
PAGE_BUDGET = "请在上方「全年预算数」一栏填写全年预算数"  # the 自评 page's field
API_BUDGET = "请在请求的 budget 中给出全年预算数"  # POST /api/v1/projects/{id}/evaluation's field


def _on_screen(message: str, places: dict[int | None, tuple[str, str | None, str]], budget_words: str | None) -> str:
    """A scoring message told of the form on screen: a fill-in sheet's 「（第 3 行）」 (the form's rows are no
    sheet's) as 「（第 1 个指标）」, and, where the form has a 全年预算数 field, 「请在填报表中加一行「全年预算数」」 as
    ``budget_words``, the field to fill (until webflow22 the 自评 page said both as of a sheet, and until replay-m the
    API asked for a sheet's row where its body has ``budget``)."""
    def position(found: re.Match[str]) -> str:
        place = places.get(int(found.group(1)))
        return f"（第 {place[1]} 个指标）" if place and place[1] else found.group(0)
    message = _SHEET_ROW.sub(position, message)
    return message.replace(_ADD_BUDGET_ROW, budget_words) if budget_words else message


def form_problems(document: Document, rows: list[SheetRow], problems: list[Any],
                  budget_field: bool = False, budget_words: str | None = None) -> tuple[list[str], set[str]]:
    """The scoring problems of a typed form as the user sees the form: each names the indicator by its
    place on screen (第 2 个指标「…」, not the internal sheet row) and the form field to highlight.
    ``budget_field``: the page's 全年预算数 field (marked, :data:`PAGE_BUDGET`); ``budget_words``: what else asks for
    the 全年预算数 (the API's :data:`API_BUDGET`)."""
    budget_words = PAGE_BUDGET if budget_field else budget_words
    project = document.projects[0]
    places: dict[int | None, tuple[str, str | None, str]] = {}  # row → (label, position, special field)
    position = 0
    for row in rows:
        which = row.cells.get(COL_LEVEL3, "")
        if position == 0 and which in _SPECIAL_FIELDS:
            label, field = _SPECIAL_FIELDS[which]
            places[row.source.row] = (label, None, field)
            continue
        position += 1
        places[row.source.row] = (f"第 {position} 个指标「{project.indicators[position - 1].level3}」",
                                  str(position), "")
    messages: list[str] = []
    fields: set[str] = set()
    file = rows[0].source.file if rows else FORM_FILE
    for problem in problems:
        place = places.get(problem.source.row) if problem.source.file == file else None
        if place is None:
            messages.append(str(problem))
            continue
        label, number, special = place
        if number is None:
            field = "execution_weight" if "分值" in problem.message and special == "executed" else special
            if budget_field and _ADD_BUDGET_ROW in problem.message:
                field = "budget"
        else:
            name = next((n for word, n in _INDICATOR_FIELDS if word in problem.message), "actual")
            field = f"{name}_{number}"
        fields.add(field)
        messages.append(f"{label}：{_on_screen(problem.message, places, budget_words)}")
    return messages, fields


async def read_uploaded_sheet(request: Request, file: UploadFile, kind: str, default_name: str,
                              month: int | None = None) -> tuple[list[SheetRow], list[Problem], str]:
    """An uploaded fill-in sheet (``kind`` evaluation or monitor): its rows, problems and shown name. Over the
    size limit 413; read whole in a worker thread (a sheet near the limits takes seconds, which must not stall
    the event loop) in one of the process's reading places (``web/uploads.reading``)."""
    from starlette.concurrency import run_in_threadpool

    from perfbudget.evaluate.from_monitoring_table import progress_record
    from perfbudget.evaluate.from_table import actuals_record
    from perfbudget.evaluate.sheet import read_sheet_bytes
    from perfbudget.web import uploads
    from perfbudget.web.errors import WebError
    from perfbudget.web.filenames import upload_name

    config = request.app.state.config
    if file.size is not None and file.size > config.limits.max_file_bytes:
        raise WebError(413, "too_large", "文件过大")
    name = upload_name(file.filename, default_name)

    def read() -> tuple[list[SheetRow], list[Problem]]:
        with uploads.reading(config.upload_reads):
            data = file.file.read(config.limits.max_file_bytes + 1)
            if len(data) > config.limits.max_file_bytes:
                raise WebError(413, "too_large", "文件过大")
            if kind == "monitor":  # a fill-in sheet, or the unit's 绩效监控表 with its own figures (of that month)
                rows, _month, problems = progress_record(data, name, month, config.limits)
                return rows, problems
            if kind == "evaluation":  # a fill-in sheet, or the unit's 自评表 with its own figures (replay-o)
                return actuals_record(data, name, config.limits)
            return read_sheet_bytes(data, name, kind, config.limits, month)

    rows, problems = await run_in_threadpool(read)
    return rows, problems, name


def year_given(view: Any, text: str) -> tuple[dict[int, int], str | None]:
    """The evaluation year a form gave (评价年度, asked for when the project's table gives no fund year):
    ({project id: year}, None), ({}, None) when none was typed, or ({}, the problem) when it is no year."""
    from perfbudget.app.evaluations import YEARS
    from perfbudget.plain_numbers import plain_int

    text = (text or "").strip()
    if not text:
        return {}, None
    year = plain_int(text, *YEARS)
    if year is None:
        return {}, f"评价年度「{text}」无效，应为四位年份（1990–2100）"
    return {view.version.meta["project_id"]: year}, None
