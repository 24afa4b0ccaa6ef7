"""Project forms (edit and 申报) → model, every field checked with the same grammar as files.

The indicator editor posts parallel lists (``l1``, ``l2``, ``l3``, ``desc``, ``target``,
``rowid``), one entry per row in table order, and ``l2none``: the rowids of rows whose 二级 may stay empty
(a two-level table's rows, stored with level2 ``""``; every other row needs its 二级). A row drawn from the
stored version has a rowid naming the indicator it came from (:func:`origin_rowid`, ``o3-…``): the columns the
editor does not show (a self-evaluation's 分值, 实际完成值, 得分, 偏差原因, the table's further columns) are kept
from it, wherever the row was moved; until 2026-12-05 an edit in the browser dropped them. Targets are parsed with
:func:`perfbudget.target.parse_target`; budgets are decimals (never float).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from starlette.datastructures import FormData

from perfbudget.app.fund_split import edited_split_problem, split_problem
from perfbudget.app.validate import number_problem
from perfbudget.framework import FRAMEWORK_2015, FRAMEWORK_2021, LEVEL1_NAMES
from perfbudget.indicator_order import in_official_order
from perfbudget.model import Budget, Indicator, Kind, Project, Target
from perfbudget.plain_numbers import plain_int
from perfbudget.target import OP_SYMBOL, format_decimal, parse_target
from perfbudget.time_target import due_of, format_due

LEVEL2_BY_LEVEL1: dict[str, list[str]] = {}
for _framework in (FRAMEWORK_2015, FRAMEWORK_2021):
    for _level1, _names in _framework.items():
        bucket = LEVEL2_BY_LEVEL1.setdefault(_level1, [])
        bucket.extend(n for n in _names if n not in bucket)
LEVEL1_CHOICES = list(LEVEL1_NAMES)
ALL_LEVEL2 = sorted({n for names in LEVEL2_BY_LEVEL1.values() for n in names})
FUND_SOURCES = ("中央", "市级", "区级", "县级", "省级", "非财拨", "自有资金")


@dataclass(slots=True)
class RowCheck:
    """What the grammar understood of one indicator row, for the as-you-type check."""

    rowid: str
    ok: bool
    text: str


@dataclass(slots=True)
class ParsedForm:
    """What a form gave: the project (None when it cannot be made), the errors, each row's reading, and for
    each of the project's indicators (in the table's order) the row of the editor it was typed in (1 = the
    first row on screen), so that the check names the row the user sees."""

    project: Project | None
    errors: list[str] = field(default_factory=list)
    rows: list[RowCheck] = field(default_factory=list)
    screen_rows: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class TypedTarget:
    raw: str


@dataclass(frozen=True, slots=True)
class TypedRow:
    """An editor row as the user typed it, drawn again when the form is refused (``_editor_row.html`` reads it
    as it reads an ``Indicator``): a row with an error or an unreadable value is kept, never dropped."""

    level1: str
    level2: str
    level3: str
    description: str
    target: TypedTarget
    level2_optional: bool
    missing: tuple[str, ...] = ()  # the fields (l1, l2, l3, target) a row that is not blank lacks: marked on the page


def typed_rows(form: FormData) -> list[TypedRow]:
    """Every row of the indicator editor as posted, in the order on screen (blank rows too)."""
    l1, l2, l3, desc, raw, ids = (_list(form, n) for n in ("l1", "l2", "l3", "desc", "target", "rowid"))
    without_level2 = set(_list(form, "l2none"))
    count = max(len(l1), len(l2), len(l3), len(desc), len(raw))

    def get(values: list[str], index: int) -> str:
        return values[index] if index < len(values) else ""

    def row(i: int) -> TypedRow:
        optional = (get(ids, i) or str(i + 1)) in without_level2
        typed = {"l1": get(l1, i), "l2": get(l2, i), "l3": get(l3, i), "target": get(raw, i)}
        blank = not any(typed.values()) and not get(desc, i)
        missing = () if blank else tuple(k for k, v in typed.items() if not v and not (k == "l2" and optional))
        return TypedRow(typed["l1"], typed["l2"], typed["l3"], get(desc, i), TypedTarget(typed["target"]), optional,
                        missing)
    return [row(i) for i in range(count)]


def typed_rows_with_ids(form: FormData) -> list[tuple[str, TypedRow]]:
    """:func:`typed_rows` with each row's ``rowid`` as posted (a row's buttons name it)."""
    ids = _list(form, "rowid")
    return [(posted_rowid(ids[i]) if i < len(ids) and ids[i] else f"r{i + 1}", row)
            for i, row in enumerate(typed_rows(form))]


ROW_ACTION = "row_action"  # the editor's row buttons post it when there is no script: add, remove:ID, up:ID, down:ID


def row_action(form: FormData) -> str | None:
    """The row button pressed (a plain form post without JavaScript), or None for a save."""
    value = str(form.get(ROW_ACTION) or "").strip()
    return value or None


def apply_row_action(rows: list[tuple[str, TypedRow | None]], action: str, save_label: str,
                     new_id: str) -> tuple[list[tuple[str, TypedRow | None]], str, str]:
    """The editor's rows after a row button pressed without JavaScript (add a row at the end, remove one, move one
    up or down within its group of the same 一级 and 二级, as the script does), a message saying what was done and
    that nothing is saved yet, and the message's kind (``ok``, or ``error`` for a move that cannot be made).
    Until webflow21 these buttons did nothing without JavaScript."""
    rows = [(rowid, replace(row, missing=()) if row is not None else None) for rowid, row in rows]  # not a save
    unsaved = f"（尚未保存：改好后请点「{save_label}」）"
    if action == "add":
        rows.append((new_id, None))
        return rows, f"已在末尾添加第 {len(rows)} 行指标{unsaved}", "ok"
    verb, _, rowid = action.partition(":")
    index = next((i for i, (rid, _) in enumerate(rows) if rid == rowid), None)
    if index is None or verb not in ("remove", "up", "down"):
        return rows, f"没有找到要操作的指标行，指标未作改动{unsaved}", "error"
    row = rows[index][1]
    name = f"「{row.level3}」" if row is not None and row.level3 else ""
    if verb == "remove":
        del rows[index]
        return rows, f"已删除第 {index + 1} 行指标{name}{unsaved}", "ok"
    other = index - 1 if verb == "up" else index + 1
    if not 0 <= other < len(rows) or _group(rows[other][1]) != _group(row):
        where = "最前" if verb == "up" else "最后"
        return rows, (f"第 {index + 1} 行指标{name}已在本组（一级、二级指标相同的指标）的{where}，不能再"
                      f"{'上' if verb == 'up' else '下'}移：保存时指标按一级、二级指标分组排列"), "error"
    rows[index], rows[other] = rows[other], rows[index]
    return rows, f"已将第 {index + 1} 行指标{name}{'上' if verb == 'up' else '下'}移到第 {other + 1} 行{unsaved}", "ok"


def _group(row: TypedRow | None) -> tuple[str, str]:
    return (row.level1, row.level2.strip()) if row is not None else ("", "")


# the budget fields of the edit and 申报 forms by the label their errors start with (forms._decimal)
BUDGET_LABELS = {"预算数「": "budget_total", "财政资金「": "budget_fiscal", "其他资金「": "budget_other"}


def bad_budget_fields(errors: list[str]) -> set[str]:
    """The budget fields an error names, to mark them on the page drawn again."""
    return {name for error in errors for label, name in BUDGET_LABELS.items() if error.startswith(label)}


def describe_target(target: Target) -> str:
    """A short Chinese reading of a parsed target: 定量 ≥ 12 次（正向）."""
    if target.kind is Kind.QUALITATIVE:
        due = due_of(target)
        if due is not None:  # a date or period: scored against the completion date
            year = f"{due.end_year}年" if due.end_year else "资金年度"
            day = f"{due.end_day}日" if due.end_day else "底"
            return f"时效指标（{format_due(due)}：截止 {year}{due.end_month}月{day}，按实际完成日期计分）"
        return "定性指标" + (f"（期间 {target.period[0]}–{target.period[1]}）" if target.period else "")
    direction = {"positive": "正向，越大越好", "reverse": "反向，越小越好", "exact": "等于"}.get(
        target.direction.value if target.direction else "", "")
    value = format_decimal(target.value) if target.value is not None else "?"
    if target.upper is not None:
        value += f"–{format_decimal(target.upper)}"
    op = OP_SYMBOL[target.op] + " " if target.op else ""
    return f"定量 {op}{value}{(' ' + target.unit) if target.unit else ''}（{direction}）"


def _decimal(text: str, label: str, errors: list[str]) -> Decimal | None:
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        errors.append(f"{label}「{text}」不是数字")
        return None
    if not value.is_finite() or value < 0:
        errors.append(f"{label}「{text}」应为不小于 0 的数")
        return None
    problem = number_problem(value)  # web/validate.py: the range and decimals that may be stored
    if problem:
        errors.append(f"{label}「{text[:40]}」{problem}")
        return None
    return value


def _list(form: FormData, name: str) -> list[str]:
    return [str(v).strip() for v in form.getlist(name)]


_ROWID = re.compile(r"^[a-z0-9-]{1,40}$")
_ORIGIN = re.compile(r"^o(\d{1,5})-")


def new_rowid() -> str:
    """The id of an editor row that no stored indicator stands behind (a row added on the page)."""
    return "r" + secrets.token_hex(4)


def origin_rowid(position: int) -> str:
    """The id of the editor row drawn from the stored version's ``position``-th indicator (1-based)."""
    return f"o{position}-{secrets.token_hex(3)}"


def posted_rowid(value: str) -> str:
    """A posted row id kept when the page is drawn again (it may name the row's stored indicator), else a new one."""
    return value if _ROWID.match(value) else new_rowid()


def _stored_indicator(rowid: str, base: Project | None) -> Indicator | None:
    found = _ORIGIN.match(rowid)
    if base is None or found is None:
        return None
    position = int(found.group(1))
    return base.indicators[position - 1] if 1 <= position <= len(base.indicators) else None


def indicators_from_form(form: FormData, errors: list[str], base: Project | None = None,
                         ) -> tuple[list[Indicator], list[RowCheck], list[int]]:
    """The indicators of the editor's rows in the table's order, each row's reading, and each indicator's row on
    screen. A row's error names its row as the user counts them on screen (blank rows included). A row drawn from
    ``base``'s indicator (its rowid says which) keeps that indicator's columns the editor does not show."""
    l1, l2, l3, desc, raw, ids = (_list(form, n) for n in ("l1", "l2", "l3", "desc", "target", "rowid"))
    # rows of a two-level table (their form has no 二级, level2 ""), by rowid: their 二级 may stay empty
    without_level2 = set(_list(form, "l2none"))
    count = max(len(l1), len(l3), len(raw))
    indicators: list[Indicator] = []
    checks: list[RowCheck] = []
    on_screen: dict[int, int] = {}
    for i in range(count):
        def get(values: list[str], index: int = i) -> str:
            return values[index] if index < len(values) else ""
        rowid = get(ids) or str(i + 1)
        level1, level2, level3, description, text = get(l1), get(l2), get(l3), get(desc), get(raw)
        if not any((level1, level2, level3, description, text)):
            continue  # an empty row added and left blank
        where = f"第 {i + 1} 行指标"  # the row on screen (until webflow20 the count of good rows before it, plus 1)
        missing = [label for label, value in (("一级指标", level1), ("二级指标", level2), ("三级指标", level3),
                                              ("指标值", text))
                   if not value and not (label == "二级指标" and rowid in without_level2)]
        if missing:
            message = f"{where}缺少{'、'.join(missing)}"
            errors.append(message)
            checks.append(RowCheck(rowid, False, message))
            continue
        stored = _stored_indicator(rowid, base)
        # a row whose name and value are as stored keeps its stored target: a unit or direction given beside the raw
        # text (an interchange file's fields, since attack35 checked against it) is not on the page to be lost
        target = (stored.target if stored is not None and stored.level3 == level3 and stored.target.raw == text
                  else parse_target(text, level3))
        indicator = Indicator(level1, level2, level3, description or None, target)
        if stored is not None:  # 分值, 实际完成值, 得分, 偏差原因, further columns: not on the page, kept
            indicator = replace(indicator, weight=stored.weight, actual=stored.actual, score=stored.score,
                                deviation=stored.deviation, extras=stored.extras, progress=stored.progress)
        on_screen[id(indicator)] = i + 1
        indicators.append(indicator)
        checks.append(RowCheck(rowid, True, describe_target(target)))
    ordered = list(in_official_order(indicators))
    return ordered, checks, [on_screen[id(indicator)] for indicator in ordered]


def goals_from_text(text: str) -> tuple[str, ...]:
    import re

    out = []
    for line in text.splitlines():
        line = re.sub(r"^\s*(?:\d+|[一二三四五六七八九十]+)\s*[.、．)）]\s*", "", line).strip()
        if line:
            out.append(line)
    return tuple(out)


def budget_from_form(form: FormData, errors: list[str]) -> Budget:
    total = _decimal(str(form.get("budget_total") or ""), "预算数", errors)
    fiscal = _decimal(str(form.get("budget_fiscal") or ""), "财政资金", errors)
    other = _decimal(str(form.get("budget_other") or ""), "其他资金", errors)
    return Budget(total, fiscal, other)


def edited_project(form: FormData, base: Project) -> ParsedForm:
    """The base project with the form's budget, purpose, goals and indicators. A fund split that does not add up
    is refused when the form changed the amounts (a stored table's own split, as imported, is the review's)."""
    errors: list[str] = []
    # the form edits the amounts; a self-evaluation's execution figures (全年执行数 …) stay as read
    budget = replace(budget_from_form(form, errors), initial=base.budget.initial, executed=base.budget.executed,
                     rate=base.budget.rate, weight=base.budget.weight, score=base.budget.score)
    if not errors and (problem := edited_split_problem(base.budget, budget)):  # app.fund_split, every face's
        errors.append(problem)
    indicators, checks, screen_rows = indicators_from_form(form, errors, base)
    if not indicators:
        errors.append("至少需要一行指标")
    project = Project(seq=base.seq, title=base.title, name=base.name, fund_label=base.fund_label,
                      fund_year=base.fund_year, fund_source=base.fund_source, budget=budget,
                      purpose=str(form.get("purpose") or "").strip() or None,
                      goals=goals_from_text(str(form.get("goals") or "")), indicators=tuple(indicators),
                      name_cell=base.name_cell, extras=base.extras,
                      # a 监控表's period and a 自评表's own total and grade stay as read (the form edits neither)
                      month=base.month, table_total=base.table_total, table_grade=base.table_grade)
    return ParsedForm(project, errors, checks, screen_rows)


def declared_project(form: FormData) -> ParsedForm:
    """A new project from the 申报 form (name, fund source and year, budget, purpose, goals, indicators)."""
    errors: list[str] = []
    name = str(form.get("name") or "").strip()
    source = str(form.get("fund_source") or "").strip()
    year_text = str(form.get("fund_year") or "").strip()
    if not name:
        errors.append("请填写项目名称")
    if not source:
        errors.append("请填写资金来源（如 中央、市级）")
    year: int | None = None
    year = plain_int(year_text, 2000, 2100)
    if year is None:
        errors.append("资金年度应为 2000–2100 之间的年份")
    budget = budget_from_form(form, errors)
    if budget.total is None:
        errors.append("请填写预算数")
    elif problem := split_problem(budget):
        errors.append(problem)
    indicators, checks, screen_rows = indicators_from_form(form, errors)
    if not indicators:
        errors.append("至少需要一行指标")
    label = f"{year}{source}" if year and source else None
    name_cell = f"{name}-{label}" if label else name
    project = Project(seq=1, title=f"{name_cell}绩效目标表", name=name, fund_label=label, fund_year=year,
                      fund_source=source or None, budget=budget,
                      purpose=str(form.get("purpose") or "").strip() or None,
                      goals=goals_from_text(str(form.get("goals") or "")), indicators=tuple(indicators),
                      name_cell=name_cell)
    return ParsedForm(project if name else None, errors, checks, screen_rows)
