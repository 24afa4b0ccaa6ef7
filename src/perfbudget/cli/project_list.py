"""``perfbudget list projects|queue|evaluations``: the lists of the web and the API
(:mod:`perfbudget.app.project_lists`), the official versions under the same filters, paged, listed whole, or
exported to xlsx / CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text

from perfbudget.cli.common import err, fail, out, print_json, shown_name, stdout_writer, usage_fail
from perfbudget.cli.store_common import jsonable, open_store
from perfbudget.os_reasons import os_reason

_COLUMNS = [("id", "编号"), ("unit_code", "单位"), ("name", "项目名称"), ("fund_label", "资金"), ("fund_year", "年度"),
            ("version", "正式版本"), ("state", "流程状态"), ("grade", "审核等级"), ("evaluation", "自评"),
            ("budget_total", "预算（万元）")]


def _cells(row: dict[str, Any]) -> list[str]:
    from perfbudget.app.workflow import STATE_LABELS

    latest = f"（最新 {row['latest_version']}）" if row["latest_version"] != row["version"] else ""
    evaluation = " ".join(str(x) for x in (row["evaluation_total"], row["evaluation_grade"]) if x) or "—"
    values = {**row, "version": f"{row['version']}{latest}", "state": STATE_LABELS.get(row["state"] or "", "草稿"),
              "grade": row["reviewer_grade"] or row["review_grade"] or "未审核", "evaluation": evaluation,
              "budget_total": _wan(row)}
    return ["" if values[key] is None else str(values[key]) for key, _ in _COLUMNS]


def _wan(row: dict[str, Any]) -> str:
    """The budget in 万元 as the page's list and the list exports give it (one unit and format a column:
    「3 万元」 beside 「17.00 万元」 and 「1125 元」 until print35 noticed)."""
    from decimal import Decimal

    from perfbudget.money_text import money_text

    wan = row.get("budget_wan")
    return money_text(Decimal(str(wan))) if row["budget_total"] and wan is not None else ""


def list_projects_command(view: str, params: dict[str, str], limit: int, page: int, offset: int | None,
                          show_all: bool, fmt: str | None, output: Path | None, db: str | None,
                          as_json: bool) -> None:
    from perfbudget.app.project_lists import FORMATS, VIEWS, cli_principal, summary, unit_problem, view_query

    query, problems = view_query(view, params)
    if problems:  # the web's and the API's words (app.desk.ListQuery.parse)
        usage_fail("；".join(p.message for p in problems))
    if (fmt is None) != (output is None):
        usage_fail("--format 与 --output 须同时给出（如 --format xlsx --output 项目列表.xlsx）")
    if fmt is not None and fmt not in FORMATS:
        usage_fail(f"--format 应为 {' 或 '.join(FORMATS)}，而不是「{fmt}」")
    store = open_store(db)
    principal = cli_principal()
    missing = unit_problem(store, principal, query.unit)
    if missing is not None:
        store.close()
        fail(missing.message)
    try:
        if fmt is not None and output is not None:
            _export(store, principal, view, query, fmt, output)
            return
        from perfbudget.app.desk import project_slice

        if show_all or limit == 0:
            _everything(store, principal, view, query, as_json)
            return
        start = offset if offset is not None else (page - 1) * limit
        with store.reading() as tx:
            rows, total = project_slice(tx, principal, query, limit, start)
    finally:
        store.close()
    if as_json:
        # the API's page with the kind beside it (`limit` was missing until replay-v; units/indicators gave it)
        print_json(jsonable({"kind": view, "total": total, "limit": limit, "offset": start,
                             "items": [summary(r) for r in rows]}))
        return
    if rows:
        table = Table(header_style="bold")
        for key, title in _COLUMNS:
            table.add_column(title, overflow="fold", justify="right" if key == "budget_total" else "left")
        for row in rows:
            table.add_row(*(Text(cell) for cell in _cells(row)))  # names as written, no markup
        out.print(table)
    from perfbudget.cli.cmd_store import print_page_line

    print_page_line(f"{VIEWS[view]}共 {total} 个项目", total, len(rows), start, limit)


def _everything(store: Any, principal: Any, view: str, query: Any, as_json: bool) -> None:
    """``--all``: every row (up to an export's bound), written as it is read, in batches (JSON, or tab-separated)."""
    import json

    from perfbudget.app.desk import project_ids, rows_of
    from perfbudget.app.project_lists import BATCH, MOST_EXPORT_ROWS, VIEWS, summary

    with store.reading() as tx:
        ids, total = project_ids(tx, principal, query, MOST_EXPORT_ROWS + 1)
        if len(ids) > MOST_EXPORT_ROWS:
            fail(f"符合条件的项目共 {total:,} 个，超过一次列出的上限 {MOST_EXPORT_ROWS:,} 个：请按年度或单位筛选")
        write = stdout_writer(json_text=as_json)
        write(f'{{"kind": "{view}", "items": [' if as_json else "\t".join(t for _, t in _COLUMNS) + "\n")
        for n in range(0, len(ids), BATCH):
            for m, row in enumerate(rows_of(tx, ids[n:n + BATCH]), n):
                if as_json:
                    write(("\n" if m == 0 else ",\n") + json.dumps(jsonable(summary(row)), ensure_ascii=False))
                else:
                    write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in _cells(row)) + "\n")
    if as_json:
        write(f'\n], "total": {len(ids)}, "offset": 0}}\n')
    else:
        out.print(f"{VIEWS[view]}共 {len(ids)} 个项目", markup=False)


def _export(store: Any, principal: Any, view: str, query: Any, fmt: str, output: Path) -> None:
    """``--format --output``: the whole list written as the file, with a progress bar on a terminal (up to 100,000
    projects; none until faces44)."""
    from perfbudget.app.project_lists import TooManyRows, write_list
    from perfbudget.cli.progress_bar import steps_bar

    partial = output.with_name(output.name + ".part")
    try:
        with partial.open("wb") as file, steps_bar() as steps:
            steps("导出", 0, None)
            count = write_list(store, principal, view, query, fmt, file,
                               lambda done, total: steps("导出", done, total))
    except TooManyRows as exc:
        partial.unlink(missing_ok=True)
        fail(str(exc))
    except OSError as exc:
        partial.unlink(missing_ok=True)
        fail(f"无法写出 {shown_name(str(output))}：{os_reason(exc)}")
    partial.replace(output)
    err.print(f"已导出 {count} 个项目到 {shown_name(str(output))}", markup=False)
