"""Interpret raw tables (rows of cells) as project tables: the one place where layout meets model.

Every reader hands its :class:`RawTable` objects here, so a table means the same
whether it came from text, Word, Excel, PDF or HTML. The interpretation:

1. split a raw table that holds several projects (a new 项目名称 or unit row after indicators);
2. read the header block by its labels (``labels.HEADER_LABELS``);
3. find the indicator header row and map its columns (``labels.COLUMN_LABELS``);
4. read the indicator rows, filling vertically merged 一级/二级 cells from above.

Nothing is guessed silently: skipped rows become notes, and anything that cannot be
read becomes an error with the cell's location.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from perfbudget.framework import LEVEL1_NAMES, normalise_level1
from perfbudget.model import Budget, Document, Indicator, Problem, Project, Severity, Source, Unit
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.labels import column_role, header_field, label_key
from perfbudget.target import parse_target

_BOOKMARK = re.compile(r"^\s*\[bookmark:[^\]]*\]\s*")
_SEQ_TITLE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(\S.*)$")
_UNIT_CELL = re.compile(r"^\[?(\d{3,})\]?\s*([^\d\s].*)$")
_MONEY_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元|千元|亿元)")
_FUND_LABEL = re.compile(r"^(?P<name>.+?)\s*[-—－–]\s*(?P<label>(?P<year>\d{4})(?P<source>[^\d\-—－–]*))$")
_GOAL_NUMBER = re.compile(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、)）](?!\d))\s*")
_PLACEHOLDER = re.compile(r"^(?:指标\d+|…+|\.{3,}|略|（略）|\(略\)|-+|—+|无)$")


@dataclass
class _Parts:
    """What one project's table yields before it becomes a frozen :class:`Project`."""

    heading: str | None
    source: Source
    unit: Unit | None = None
    money_unit: str | None = None
    name_cell: Cell | None = None
    money: dict[str, Cell] = field(default_factory=dict)
    purpose: list[Cell] = field(default_factory=list)
    goals: list[Cell] = field(default_factory=list)
    extras: list[tuple[str, Cell]] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    self_evaluation: bool = False


def _text(cell: Cell) -> str:
    return cell.text.strip()


def _is_indicator_header(row: list[Cell]) -> bool:
    if len(row) < 3:
        return False
    roles = {column_role(c.text) for c in row if not c.blank}
    return "level3" in roles and "target" in roles and ("level1" in roles or "level2" in roles)


def _starts_project(row: list[Cell]) -> bool:
    first = next((c for c in row if not c.blank), None)
    if first is None:
        return False
    return header_field(first.text) == "name" or bool(_UNIT_CELL.match(_text(first)))


def _looks_like_indicator_row(row: list[Cell]) -> bool:
    filled = [c for c in row if not c.blank]
    return len(filled) >= 3 and normalise_level1(_text(filled[0])) in LEVEL1_NAMES


def _split_projects(table: RawTable) -> list[RawTable]:
    """Several projects in one raw table are split where a new header block begins."""
    parts = [RawTable(table.heading, table.source, [], table.complete)]
    seen_indicators = False
    in_indicators = False
    for row in table.rows:
        if in_indicators and seen_indicators and _starts_project(row):
            parts.append(RawTable(None, row[0].source, [], table.complete))
            in_indicators = seen_indicators = False
        parts[-1].rows.append(row)
        if _is_indicator_header(row):
            in_indicators = True
        elif in_indicators and any(not c.blank for c in row):
            seen_indicators = True
    return parts


def _money(cell: Cell, label: str, problems: list[Problem]) -> Decimal | None:
    text = unicodedata.normalize("NFKC", cell.text)
    text = re.sub(r"\s+", "", text).replace(",", "")
    if not text or text in ("-", "—", "/", "无"):
        return None
    number = re.sub(r"(万元|万|元)$", "", text)
    try:
        value = Decimal(number)
    except InvalidOperation:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」不是金额"))
        return None
    if not value.is_finite():
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」不是金额"))
        return None
    return value


def _read_header_row(row: list[Cell], parts: _Parts, state: dict[str, str | None]) -> None:
    """Read one header-block row: label/value pairs, the unit row, continuation rows."""
    i = 0
    first_blank = bool(row) and row[0].blank
    while i < len(row):
        cell = row[i]
        text = _text(cell)
        if not text:
            i += 1
            continue
        money_unit = _MONEY_UNIT.search(unicodedata.normalize("NFKC", text))
        if money_unit:
            parts.money_unit = money_unit.group(1)
            i += 1
            continue
        field_name = header_field(text)
        if field_name is None and parts.unit is None and parts.name_cell is None:
            unit = _UNIT_CELL.match(text)
            if unit:
                parts.unit = Unit(code=unit.group(1), name=unit.group(2).strip())
                i += 1
                continue
        if field_name == "group:purpose":
            state["group"] = "purpose"
            i += 1
            continue
        if field_name is not None:
            value = row[i + 1] if i + 1 < len(row) else None
            if value is not None and header_field(value.text) is not None:
                value = None  # the next cell is a label of its own: this one is empty
            if value is None:
                value = Cell("", cell.source)
            if field_name == "name":
                parts.name_cell = value
            elif field_name in ("total", "fiscal", "other"):
                parts.money[field_name] = value
            elif field_name == "purpose":
                parts.purpose.append(value)
            elif field_name == "goals":
                parts.goals.append(value)
                state["group"] = "goals"
            else:
                parts.extras.append((label_key(text), value))
            if field_name in ("purpose", "goals"):
                state["group"] = field_name
            i += 2
            continue
        group = state.get("group")
        if first_blank and group == "purpose":
            parts.purpose.append(cell)
        elif first_blank and group == "goals":
            parts.goals.append(cell)
        else:
            parts.extras.append(("", cell))
        i += 1


def _column_map(header: list[Cell]) -> list[tuple[str, str]]:
    """(role, header text) per column; unknown headers keep their text as an extra column."""
    columns = []
    for cell in header:
        role = column_role(cell.text)
        columns.append((role or ("extra" if not cell.blank else "ignore"), _text(cell)))
    return columns


def _decimal(text: str) -> Decimal | None:
    cleaned = re.sub(r"\s+|分$", "", unicodedata.normalize("NFKC", text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _read_indicator_rows(rows: list[list[Cell]], columns: list[tuple[str, str]], parts: _Parts,
                         problems: list[Problem], complete: bool, is_last_table: bool) -> None:
    width = len(columns)
    roles = [role for role, _ in columns]
    last_role = max(i for i, r in enumerate(roles) if r != "ignore")
    level1 = level2 = ""
    for index, row in enumerate(rows):
        cells = list(row)
        while len(cells) > width and cells[-1].blank:
            cells.pop()
        if not any(not c.blank for c in cells):
            continue
        if len(cells) > width:
            problems.append(Problem(cells[width].source,
                                    f"这一行有{len(cells)}个单元格，指标表头只有{width}列"))
            continue
        if len(cells) <= last_role:
            final_row = index == len(rows) - 1
            if final_row and (is_last_table or not complete):
                message = (f"表格在此中断：最后一行只有{len(cells)}个单元格（应为{width}个），"
                           "文件可能不完整")
            else:
                message = f"这一行只有{len(cells)}个单元格，指标表头有{width}列"
            problems.append(Problem(cells[-1].source, message))
            continue
        by_role: dict[str, Cell] = {}
        extras: list[tuple[str, str]] = []
        for (role, head), cell in zip(columns, cells, strict=False):
            if role == "extra":
                if not cell.blank:
                    extras.append((head, _text(cell)))
            elif role != "ignore" and role not in by_role:
                by_role[role] = cell
        l1 = by_role.get("level1")
        l2 = by_role.get("level2")
        if l1 is not None and not l1.blank:
            level1, level2 = _text(l1), ""
        if l2 is not None and not l2.blank:
            level2 = _text(l2)
        l3 = by_role.get("level3")
        target_cell = by_role.get("target")
        name = _text(l3) if l3 is not None else ""
        target_text = _text(target_cell) if target_cell is not None else ""
        row_source = cells[0].source
        if not name and not target_text:
            problems.append(Problem(row_source, f"跳过没有三级指标的分类行（{level1 or ''}{level2 or ''}）",
                                    Severity.INFO))
            continue
        if _PLACEHOLDER.match(re.sub(r"\s+", "", name)):
            problems.append(Problem(row_source, f"跳过模板占位行「{name}」", Severity.INFO))
            continue
        if not name:
            problems.append(Problem(row_source, f"指标值「{target_text}」没有三级指标名称"))
            continue
        if not level1 or not level2:
            problems.append(Problem(row_source, f"三级指标「{name}」缺少一级或二级指标"))
            continue
        if not target_text:
            problems.append(Problem(row_source, f"三级指标「{name}」没有指标值", Severity.WARNING))
        description = by_role.get("description")
        sources = {role: cell.source for role, cell in by_role.items()}
        weight = by_role.get("weight")
        actual = by_role.get("actual")
        score = by_role.get("score")
        deviation = by_role.get("deviation")
        parts.indicators.append(Indicator(
            level1=level1,
            level2=level2,
            level3=name,
            description=_text(description) if description is not None else None,
            target=parse_target(target_text, name),
            weight=_decimal(weight.text) if weight is not None and not weight.blank else None,
            actual=_text(actual) if actual is not None and not actual.blank else None,
            score=_decimal(score.text) if score is not None and not score.blank else None,
            deviation=_text(deviation) if deviation is not None and not deviation.blank else None,
            extras=tuple(extras),
            source=row_source,
            sources=sources,
        ))


def _paragraphs(cells: list[Cell]) -> list[str]:
    out = []
    for cell in cells:
        for paragraph in cell.text.split("\n"):
            paragraph = paragraph.strip().strip("\t").strip()
            if paragraph:
                out.append(paragraph)
    return out


def _interpret_project(table: RawTable, position: int, problems: list[Problem],
                       is_last_table: bool) -> _Parts:
    parts = _Parts(heading=table.heading, source=table.source)
    state: dict[str, str | None] = {"group": None}
    rows = table.rows
    header_index = None
    for index, row in enumerate(rows):
        if _is_indicator_header(row):
            header_index = index
            break
        if _looks_like_indicator_row(row):
            problems.append(Problem(row[0].source,
                                    "缺少指标表头行（一级指标、二级指标、三级指标、指标值），无法识别指标列"))
            return parts
        _read_header_row(row, parts, state)
    if header_index is None:
        where = rows[-1][-1].source if rows and rows[-1] else table.source
        problems.append(Problem(where, "表格不完整：没有找到指标表头行（一级指标、二级指标、三级指标、指标值），"
                                       "表格可能被截断"))
        return parts
    columns = _column_map(rows[header_index])
    roles = {role for role, _ in columns}
    parts.self_evaluation = "actual" in roles or "score" in roles
    before = len(parts.indicators)
    _read_indicator_rows(rows[header_index + 1:], columns, parts, problems, table.complete, is_last_table)
    if len(parts.indicators) == before and not any(
        p.severity is Severity.ERROR and p.source.file == table.source.file for p in problems
    ):
        problems.append(Problem(rows[header_index][0].source, "表格不完整：指标表头之后没有指标行"))
    return parts


def _title_and_seq(heading: str | None, position: int) -> tuple[int, str | None]:
    if not heading:
        return position, None
    text = _BOOKMARK.sub("", heading).strip()
    match = _SEQ_TITLE.match(text)
    if match:
        return int(match.group(1)), match.group(2).strip()
    return position, text or None


def _project(parts: _Parts, position: int, problems: list[Problem]) -> Project:
    seq, title = _title_and_seq(parts.heading, position)
    name_text = _text(parts.name_cell) if parts.name_cell is not None else ""
    name, label, year, source_name = name_text, None, None, None
    match = _FUND_LABEL.match(name_text)
    if match:
        name, label = match["name"].strip(), match["label"].strip()
        year, source_name = int(match["year"]), match["source"].strip() or None
    if not name:
        name = title or ""
        if not name:
            problems.append(Problem(parts.source, "没有找到项目名称"))
    labels = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}
    budget = Budget(**{key: _money(cell, labels[key], problems) for key, cell in parts.money.items()})
    purpose = "\n".join(_paragraphs(parts.purpose)) or None
    goals = tuple(_GOAL_NUMBER.sub("", g).strip() for g in _paragraphs(parts.goals))
    sources: dict[str, Source] = {}
    if parts.name_cell is not None:
        sources["name"] = parts.name_cell.source
    for key, cell in parts.money.items():
        sources[f"budget.{key}"] = cell.source
    if parts.purpose:
        sources["purpose"] = parts.purpose[0].source
    if parts.goals:
        sources["goals"] = parts.goals[0].source
    extras = tuple((label_text, "\n".join(_paragraphs([cell]))) for label_text, cell in parts.extras
                   if not cell.blank)
    return Project(
        seq=seq, title=title, name=name, fund_label=label, fund_year=year, fund_source=source_name,
        budget=budget, purpose=purpose, goals=tuple(g for g in goals if g),
        indicators=tuple(parts.indicators), name_cell=name_text or None, extras=extras,
        source=parts.source, sources=sources,
    )


def interpret_tables(tables: list[RawTable], file: str) -> tuple[Document | None, list[Problem]]:
    """Turn raw tables into a document. Errors are returned, never raised."""
    problems: list[Problem] = []
    segments = [segment for table in tables for segment in _split_projects(table)]
    segments = [s for s in segments if any(not c.blank for row in s.rows for c in row)]
    if not segments:
        return None, [Problem(Source(file), "没有找到绩效目标表（文件中没有可识别的表格）")]
    projects: list[Project] = []
    unit: Unit | None = None
    money_unit: str | None = None
    self_evaluation = False
    for position, segment in enumerate(segments, 1):
        parts = _interpret_project(segment, position, problems, position == len(segments))
        if parts.unit is not None:
            if unit is None:
                unit = parts.unit
            elif parts.unit != unit:
                problems.append(Problem(segment.source, f"本表的预算单位「{parts.unit.code or ''}{parts.unit.name}」"
                                        f"与文件中第一个表的「{unit.code or ''}{unit.name}」不同",
                                        Severity.WARNING))
        if parts.money_unit is not None:
            if money_unit is None:
                money_unit = parts.money_unit
            elif parts.money_unit != money_unit:
                problems.append(Problem(segment.source, f"本表的金额单位「{parts.money_unit}」与第一个表的"
                                        f"「{money_unit}」不同"))
        self_evaluation = self_evaluation or parts.self_evaluation
        if parts.indicators or parts.name_cell is not None:
            projects.append(_project(parts, position, problems))
    seqs = [p.seq for p in projects]
    if len(set(seqs)) != len(seqs):
        projects = [replace(p, seq=i) for i, p in enumerate(projects, 1)]
    document = Document(
        unit=unit or Unit(None, None),
        money_unit=money_unit,
        projects=tuple(projects),
        kind="self-evaluation" if self_evaluation else "target",
        source=Source(file),
        notes=tuple(p for p in problems if p.severity is not Severity.ERROR),
    )
    return document, problems
