"""The lists of projects every face shows and exports: the project list (项目列表), the review queue (审核队列)
and the self-evaluation results (自评结果), each the official versions of the visible projects under the one
filter set of :class:`perfbudget.app.desk.ListQuery` (the same names, meaning and errors on the web, the API and
the CLI), as a page or as a spreadsheet (xlsx, or CSV in UTF-8 with a BOM so that Excel and WPS open its Chinese).

A spreadsheet is written as it is read: the list's ids in its order (one query, at most
:data:`MOST_EXPORT_ROWS`), then their rows :data:`BATCH` at a time into the sheet
(:mod:`perfbudget.writers.list_xlsx`, XlsxWriter row by row in constant memory: 17 s of CPU for 100,000 rows
where openpyxl took 27) or the CSV
writer, all in one read transaction; so its memory holds a row's cells, not the list's (XlsxWriter keeps the rows'
heights, some 0.3 KB a row; bench/README.md). It is
print-ready: a title row naming the list and its filters, widths by column (readable at 7.5 pt or more when
fitted to the page), rows as tall as their wrapped text, 宋体, the header frozen and repeated on every printed
page, landscape one page wide; numbers are numbers, the budget the exact Decimal in 万元, and no text is a formula
(a cell starting with 「=」 stays text, a CSV cell is neutralised as every download's is).
"""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import IO, Any

from perfbudget.app.desk import FILTER_LABELS, SORTS, TODOS, FilterProblem, ListQuery, list_units, project_ids, rows_of
from perfbudget.app.roles import Principal, Role
from perfbudget.app.times import shown
from perfbudget.app.validate import echoed
from perfbudget.app.workflow import DRAFT, STATE_LABELS, SUBMITTED
from perfbudget.store import Store
from perfbudget.store.schema import utc_now
from perfbudget.writers.cell_safety import csv_cell

VIEWS = {"projects": "项目列表", "queue": "审核队列", "evaluations": "自评结果"}
FORMATS = ("xlsx", "csv")
MOST_EXPORT_ROWS = 100_000  # a province's projects of several years; more: filter by year or unit
BATCH = 1000
# Lists written at once in one process (a server's worker): an xlsx of 100,000 rows costs some 35 s of CPU and each
# export in flight some 60 MB; more at once are refused at once (TooManyExports), never queued in a thread.
MOST_EXPORTS_AT_ONCE = 2
_exports = threading.BoundedSemaphore(MOST_EXPORTS_AT_ONCE)


def cli_principal() -> Principal:
    """Who the command line lists for: whoever may open the database file sees every unit (as ``perfbudget list``
    always did)."""
    return Principal(0, "cli", "命令行", Role.ADMIN, None)


class TooManyRows(ValueError):
    """The list holds more rows than one spreadsheet takes (:data:`MOST_EXPORT_ROWS`); the message says so."""


class TooManyExports(RuntimeError):
    """:data:`MOST_EXPORTS_AT_ONCE` lists are being written in this process already; the message says so."""


@contextmanager
def export_slot() -> Iterator[None]:
    """Hold one of this process's :data:`MOST_EXPORTS_AT_ONCE` places for writing a list, or raise
    :class:`TooManyExports` at once when none is free (a server's caller then answers 429; nothing is waited on, so
    no worker thread is held by a queue). Until 2026-12-05 any signed-in user could start any number at once: six
    xlsx of 20,000 rows cost 35 s of CPU and took the server from 276 to 627 MB (found by attack20)."""
    if not _exports.acquire(blocking=False):
        raise TooManyExports(f"同时在生成的列表导出已达上限（每个服务进程 {MOST_EXPORTS_AT_ONCE} 个），请稍后再试")
    try:
        yield
    finally:
        _exports.release()


@dataclass(frozen=True, slots=True)
class Column:
    """One column of an exported list: its header, width (characters) and how a row gives its value."""

    title: str
    width: float
    value: Callable[[dict[str, Any]], Any]
    number_format: str | None = None


def _decimal(text: Any) -> Decimal | None:
    return None if text in (None, "") else Decimal(str(text))


def _grade(row: dict[str, Any]) -> str:
    return row["reviewer_grade"] or row["review_grade"] or "未审核"


_ID = Column("编号", 7, lambda r: r["id"], "0")
# 单位编码 11.5 units: a code of nine digits on one line (print30: 8 printed 「901001033」 as 「9010010」 over 「33」)
_UNIT = (Column("单位编码", 11.5, lambda r: r["unit_code"] or ""),
         Column("单位名称", 16, lambda r: r["unit_name"] or ""))
_NAME = Column("项目名称", 28, lambda r: r["name"])
_YEAR = Column("年度", 6, lambda r: r["fund_year"], "0")
_BUDGET = Column("预算（万元）", 13, lambda r: r["budget_wan"] if r["budget_total"] else None, "#,##0.00####")
_STATE = Column("流程状态", 9.5, lambda r: STATE_LABELS.get(r["state"] or "draft", r["state"]))
_GRADE = Column("审核等级", 7.5, _grade)
_COUNTS = (Column("错误", 5, lambda r: r["errors"], "0"), Column("警告", 5, lambda r: r["warnings"], "0"))
# what the 错误/警告 counts count, said wherever a list prints them (the export's title row, under the pages' tables):
# the findings the grade beside them counts — a finding the reviewer dismissed (驳回) is in neither (print40; until
# then the counts were every finding's, the grade the kept ones', app/kept_review.py)
COUNTS_NOTE = "错误、警告不含已驳回的审核发现"
_SUBMITTED = Column("送审时间", 17, lambda r: shown(r["submitted_at"]) if r["submitted_at"] else "")
_EVALUATION = (Column("自评总分", 7.5, lambda r: _decimal(r["evaluation_total"]), "0.00##"),
               Column("自评等级", 7.5, lambda r: r["evaluation_grade"] or "未自评"))

COLUMNS: dict[str, tuple[Column, ...]] = {
    "projects": (_ID, *_UNIT, _NAME, Column("资金", 9, lambda r: r["fund_label"] or ""), _YEAR,
                 Column("正式版本", 5, lambda r: r["version"], "0"),
                 Column("最新版本", 5, lambda r: r["latest_version"], "0"),
                 Column("指标数", 5, lambda r: r["indicator_count"], "0"), _BUDGET, _STATE, _GRADE, *_COUNTS,
                 *_EVALUATION, _SUBMITTED),
    "queue": (_ID, *_UNIT, _NAME, _YEAR, _BUDGET, _GRADE, *_COUNTS, _SUBMITTED),
    "evaluations": (_ID, *_UNIT, _NAME, _YEAR, _BUDGET, _STATE, *_EVALUATION),
}


def summary(row: dict[str, Any]) -> dict[str, Any]:
    """One row of a list as the API's ``items`` and ``perfbudget list … --json`` give it (the same keys)."""
    return {"id": row["id"], "name": row["name"], "fund_label": row["fund_label"], "fund_year": row["fund_year"],
            "unit": {"code": row["unit_code"], "name": row["unit_name"]}, "version": row["version"],
            "budget_total": row["budget_total"], "money_unit": row["money_unit"],
            "indicator_count": row["indicator_count"], "review_grade": row["review_grade"],
            "reviewer_grade": row["reviewer_grade"], "grade": row["reviewer_grade"] or row["review_grade"],
            "state": row["state"] or DRAFT, "evaluation_grade": row["evaluation_grade"],
            "evaluation_total": row["evaluation_total"], "latest_version": row["latest_version"]}


def view_query(view: str, params: Mapping[str, str]) -> tuple[ListQuery, tuple[FilterProblem, ...]]:
    """The query of list ``view`` from a face's parameters (:meth:`ListQuery.parse`). The queue is the submitted
    projects, oldest submission first unless another ``sort`` is asked; a ``state`` other than 已送审 is an error
    there."""
    query, problems = ListQuery.parse(params)
    if view != "queue":
        return query, problems
    if query.state not in ("", SUBMITTED):
        said = echoed(str(params.get("state")))
        problems += (FilterProblem("state", said, f"{FILTER_LABELS['state']}「{said}」无效：审核队列只列已送审的项目"),)
    return replace(query, state=SUBMITTED, sort=query.sort if params.get("sort") else "submitted"), problems


def unit_problem(store: Store, principal: Principal, unit: str, via: str = "cli") -> FilterProblem | None:
    """A list's ``unit`` filter (``ListQuery.unit``, stripped) naming no unit the user sees: 「没有找到单位
    「X」」 with how the face ``via`` lists the units (an existing unit without projects is an empty list, no
    problem). Every list face asks it after :func:`view_query` (the API's ``/projects``, ``/review/queue``,
    ``/evaluations``, ``perfbudget list projects|queue|evaluations``; the lists of units and indicators as well):
    until faces-u a misspelt unit quietly listed nothing. A unit-bound user's other units are not found alike, so
    the answer tells no more than the user's own lists do."""
    from sqlalchemy import select

    from perfbudget.app.unit_admin import units_listed
    from perfbudget.store.schema import units
    from perfbudget.store.unit_match import unit_named

    if not unit:
        return None
    with store.reading() as tx:
        codes = tx.connection.execute(select(units.c.code).where(unit_named(unit))).scalars().all()
    if any(principal.sees_unit(code) for code in codes):
        return None
    shown = echoed(unit)
    return FilterProblem("unit", shown, f"没有找到单位「{shown}」（{units_listed(via)}）")


def list_title(view: str, query: ListQuery, unit: tuple[str | None, str] | None = None) -> str:
    """The title row of an exported list: the list and its filters (「项目列表（2024年度；流程状态 已送审；…）」), and
    ``unit`` (code, name), the one unit its projects belong to, by code and name (「单位 255101 天津市和平区人民
    检察院」, in place of the filter's 「单位 255101」); the title row is printed at the top of every page."""
    parts = [f"{query.year}年度" if query.year is not None else "全部年度"]
    if unit is not None:
        parts.append("单位 " + " ".join(part for part in unit if part))
    labels: dict[str, Callable[[str], str]] = {
        "q": lambda v: f"搜索「{v}」", "unit": lambda v: f"单位 {v}", "state": lambda v: f"流程状态 {STATE_LABELS[v]}",
        "grade": lambda v: f"审核等级 {v}", "egrade": lambda v: f"自评等级 {v}", "dimension": lambda v: f"审核发现 {v}",
        "fund": lambda v: f"资金「{v}」", "todo": lambda v: TODOS[v]}
    for key, label in labels.items():
        value = getattr(query, key)
        if value and not (view == "queue" and key == "state") and not (key == "unit" and unit is not None):
            parts.append(label(value))
    order = f"按{SORTS[query.sort]}{'倒序' if query.desc else '排序'}"
    return f"{VIEWS[view]}（{'；'.join(parts)}；{order}）"


def export_name(view: str, query: ListQuery, fmt: str) -> str:
    """The file's name: 「项目列表-2024年度.xlsx」."""
    return f"{VIEWS[view]}-{query.year if query.year is not None else '全部'}年度.{fmt}"


def _rows(store: Store, principal: Principal, query: ListQuery) -> Iterator[Iterator[dict[str, Any]]]:
    """The list's rows, in batches, read in one transaction: :class:`TooManyRows` before any is written. The first
    batch is one item, ``{"units": …}``: :func:`perfbudget.app.desk.list_units`, for the title."""
    with store.reading() as tx:
        ids, total = project_ids(tx, principal, query, MOST_EXPORT_ROWS + 1)
        if len(ids) > MOST_EXPORT_ROWS:
            raise TooManyRows(f"符合条件的项目共 {total:,} 个，超过一次导出的上限 {MOST_EXPORT_ROWS:,} 个："
                              "请按年度或单位筛选后分批导出")
        units = list_units(tx, principal, query)  # the bound checked: the caller may now open its file
        yield iter([{"units": units, "total": len(ids)}])
        for start in range(0, len(ids), BATCH):
            yield iter(rows_of(tx, ids[start:start + BATCH]))


def _told(batches: Iterator[Iterator[dict[str, Any]]], total: int,
          progress: Callable[[int, int], None]) -> Iterator[Iterator[dict[str, Any]]]:
    """``batches`` as they are, ``progress(rows written, total)`` called as each is written (at the start too)."""
    done = 0
    progress(done, total)
    for batch in batches:
        rows = list(batch)
        yield iter(rows)
        done += len(rows)
        progress(done, total)


def write_list(store: Store, principal: Principal, view: str, query: ListQuery, fmt: str, out: IO[bytes],
               progress: Callable[[int, int], None] | None = None) -> int:
    """Write list ``view`` under ``query`` as ``fmt`` (xlsx or csv) to ``out``; the number of rows written.
    :class:`TooManyRows` (nothing written) when the list is longer than one export takes. ``progress``: called with
    the rows written and their total as each batch of :data:`BATCH` is written (``list --format``'s bar)."""
    columns = COLUMNS[view]
    batches = _rows(store, principal, query)
    head = next(next(batches))
    units = head["units"]
    if progress is not None:
        batches = _told(batches, head["total"], progress)
    title = list_title(view, query, units[0] if len(units) == 1 else None)
    made = f"导出于 {shown(utc_now())}"
    if any(column in columns for column in _COUNTS):
        # (on the time's line; LibreOffice's dropping of a 51-row list's last 3 rows with the note on a line of its own
        # came from the title row's height, not the note: docs/publishing.md, *Printed again (print40)*, Left)
        made += f"；{COUNTS_NOTE}"
    if fmt == "csv":
        return _write_csv(columns, batches, title, made, out)
    return _write_xlsx(columns, batches, title, made, out)


def _plain(value: Any) -> Any:
    """A CSV cell: a Decimal in positional notation (never 1E+1), a text neutralised (:func:`csv_cell`)."""
    if isinstance(value, Decimal):
        return format(value, "f")
    return "" if value is None else csv_cell(value)


def _write_csv(columns: tuple[Column, ...], batches: Iterator[Iterator[dict[str, Any]]], title: str, made: str,
               out: IO[bytes]) -> int:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=True)
    writer = csv.writer(text)
    writer.writerow([csv_cell(title), made])
    writer.writerow([c.title for c in columns])
    count = 0
    for batch in batches:
        for row in batch:
            writer.writerow([_plain(c.value(row)) for c in columns])
            count += 1
    text.flush()
    text.detach()  # ``out`` stays open: the caller's
    return count


def _write_xlsx(columns: tuple[Column, ...], batches: Iterator[Iterator[dict[str, Any]]], title: str, made: str,
                out: IO[bytes]) -> int:
    from perfbudget.writers.list_xlsx import SheetColumn, write_list_xlsx

    sheet = [SheetColumn(c.title, c.width, c.number_format) for c in columns]
    rows = ([c.value(row) for c in columns] for batch in batches for row in batch)
    return write_list_xlsx(out, title.split("（")[0] or "列表", title, made, sheet, rows)
