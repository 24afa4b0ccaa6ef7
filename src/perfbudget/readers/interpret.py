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
from dataclasses import replace
from decimal import Decimal

from perfbudget.framework import LEVEL1_NAMES, normalise_level1
from perfbudget.model import Budget, Document, Problem, Project, Severity, Source, Unit
from perfbudget.readers.continuation import join_continued
from perfbudget.readers.grid import CUT_MESSAGE, Cell, RawTable
from perfbudget.readers.header_block import UNIT_CELL, read_header_rows
from perfbudget.readers.indicator_rows import column_map, is_indicator_header, read_indicator_rows
from perfbudget.readers.labels import column_role, header_field, label_key
from perfbudget.readers.list_layout import split_list_layout
from perfbudget.readers.parts import Parts
from perfbudget.readers.stream import without_addresses

_BOOKMARK = re.compile(r"^\s*\[bookmark:[^\]]*\]\s*")
_SEQ_TITLE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(\S.*)$")
_FUND_LABEL = re.compile(r"^(?P<name>.+?)\s*[-—－–]\s*"
                         r"(?P<label>(?P<year>(?:19|20)\d{2})(?P<source>[^\d\-—－–项]{0,8}))$")
# A project code before the name, as budget systems print it: 51000021R000000019951-工资性支出.
_CODED_NAME = re.compile(r"^(?P<code>(?=[0-9A-Za-z]*\d{6})[0-9A-Za-z]{10,})\s*[-—－–]\s*(?P<name>\S.*)$", re.S)
# A fund label at the end of a table title: 「…-2023中央绩效目标表」.
_TITLE_LABEL = re.compile(r"[-—－–]\s*(?P<label>(?P<year>\d{4})(?P<source>[^\d\-—－–]*?))\s*"
                          r"(?:项目支出)?绩效(?:目标|自评)[^-—－–]{0,6}表$")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_GOAL_NUMBER = re.compile(r"^\s*(?:[(（]\s*\d{1,2}\s*[)）]|\d{1,2}\s*[.．、)）](?!\d))\s*")


def _text(cell: Cell) -> str:
    return cell.text.strip()


def _starts_project(row: list[Cell]) -> bool:
    first = next((c for c in row if not c.blank), None)
    if first is None:
        return False
    return header_field(first.text) in ("name", "unit") or bool(UNIT_CELL.match(_text(first)))


def _looks_like_indicator_row(row: list[Cell]) -> bool:
    filled = [c for c in row if not c.blank]
    return len(filled) >= 3 and normalise_level1(_text(filled[0])) in LEVEL1_NAMES


def _positional_header(rows: list[list[Cell]], start: int) -> list[Cell] | None:
    """A header for an indicator block that starts mid-table without any header (a page that starts
    inside a table): 一级 | 二级 | 三级 | 指标值 | 第5列 … by position — only when nothing before it is
    a header-block row (a form that lost its indicator header is an error, not a guess) and at least
    two rows start with a 一级 name and hold four cells or more."""
    if any(not c.blank for row in rows[:start] for c in row):
        return None
    body = [[c for c in row if not c.blank] for row in rows[start:]]
    starts = [cells for cells in body if len(cells) >= 4 and normalise_level1(_text(cells[0])) in LEVEL1_NAMES]
    if len(starts) < 2:
        return None
    width = max(len(cells) for cells in starts)
    source = rows[start][0].source
    names = ["一级指标", "二级指标", "三级指标", "指标值", *(f"第{n}列" for n in range(5, width + 1))]
    return [Cell(name, source) for name in names]


def _split_projects(table: RawTable) -> list[RawTable]:
    """Several projects in one raw table are split where a new header block begins."""
    def new(heading: str | None, source: Source) -> RawTable:
        return RawTable(heading, source, [], table.complete, table.certain, table.stream, table.sparse,
                        table.needs_check)

    parts = [new(table.heading, table.source)]
    seen_indicators = False
    in_indicators = False
    for row in table.rows:
        if in_indicators and seen_indicators and _starts_project(row):
            parts.append(new(None, row[0].source))
            in_indicators = seen_indicators = False
        parts[-1].rows.append(row)
        if seen_indicators:
            continue  # inside a project's indicator rows: only a new project start matters
        if is_indicator_header(row):
            in_indicators = True
        elif in_indicators and any(not c.blank for c in row):
            seen_indicators = True
    return parts


_AMOUNT = re.compile(r"^(?P<number>[-+]?\d+(?:\.\d+)?)(?P<unit>万元|万|元)?(?P<rest>.*)$")
_NOTE = re.compile(r"[（(][^()（）]*[)）]")


def _money(cell: Cell, label: str, problems: list[Problem]) -> tuple[Decimal | None, bool]:
    """The amount in a money cell, and whether the cell holds more than the amount (a note)."""
    text = unicodedata.normalize("NFKC", cell.text)
    text = re.sub(r"\s+", "", text).replace(",", "")
    if not text or text in ("-", "—", "/", "无"):
        return None, False
    match = _AMOUNT.match(text)
    if match is None:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」不是金额"))
        return None, False
    rest = _NOTE.sub("", match["rest"])
    amount = match["number"] + (match["unit"] or "")
    while rest.startswith(amount):  # a copied duplicate such as 854万854万
        rest = rest[len(amount):]
    if rest:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」不是金额"))
        return None, False
    value = Decimal(match["number"])
    noted = bool(match["rest"])
    if noted:
        problems.append(Problem(cell.source, f"{label}「{cell.text.strip()}」取金额 {match['number']}，"
                                             "原文保留在项目的附加信息中", Severity.INFO))
    return value, noted


def _written_money_unit(parts: Parts) -> str | None:
    """万元 or 元 when the table gives no money unit but its amounts carry one (``10000万元``)."""
    units = set()
    for cell in parts.money.values():
        match = _AMOUNT.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", cell.text)).replace(",", ""))
        if match and match["unit"]:
            units.add("元" if match["unit"] == "元" else "万元")
    return units.pop() if len(units) == 1 else None


_ANNUAL = frozenset({"年度", "当年", "本年", "本年度", "年度目标", "年度指标值", "年度值"})
_PERIODS = _ANNUAL | {"中期", "长期", "实施期", "项目期", "中长期", "中期目标", "长期目标", "实施期目标", "整体"}


def is_label_subrow(row: list[Cell]) -> bool:
    """A row under the indicator header holding only sub-labels of its groups: 符号 | 数值 | 单位
    under 预期指标值, 年度 | 中期 under 指标值 (no level label, no indicator)."""
    filled = [c for c in row if not c.blank]
    if not filled:
        return False
    roles = [column_role(c.text) for c in filled]
    return all(role is not None or label_key(c.text) in _PERIODS for role, c in zip(roles, filled, strict=True)) \
        and not any(role in ("level1", "level2", "level3") for role in roles)


def merge_header_rows(first: list[Cell], second: list[Cell]) -> list[Cell]:
    """One indicator header from a header written over two rows, column by column: the two
    texts joined when together they are a column label (``年度`` + ``指标值``), else the lower
    one where it is a label (sub-columns under a merged group cell), else the upper one."""
    merged: list[Cell] = []
    group = ""
    for column in range(max(len(first), len(second))):
        upper = first[column] if column < len(first) else None
        lower = second[column] if column < len(second) else None
        top = upper.text.strip() if upper is not None else ""
        bottom = lower.text.strip() if lower is not None else ""
        group = top or group
        source = (upper or lower).source  # type: ignore[union-attr]
        if bottom and column_role(group) == "target" and label_key(bottom) in _PERIODS:
            # 指标值 over 年度 | 中期: the year's value is the target, the others extras 指标值/中期
            annual = label_key(bottom) in _ANNUAL
            merged.append(Cell(group if annual else f"{group}/{bottom}", lower.source))  # type: ignore[union-attr]
        elif top and bottom and column_role(top + bottom) is not None:
            merged.append(Cell(top + bottom, source))
        elif bottom and (column_role(bottom) is not None or not top):
            merged.append(Cell(bottom, lower.source))  # type: ignore[union-attr]
        else:
            merged.append(Cell(top, source))
    return merged


def _interpret_project(table: RawTable, position: int, problems: list[Problem],
                       is_last_table: bool) -> Parts:
    parts = Parts(heading=table.heading, source=table.source)
    parts.needs_check.extend(table.needs_check)
    rows = table.rows
    header_index = None
    for index, row in enumerate(rows):
        if is_indicator_header(row):
            header_index = index
            break
        if index + 1 < len(rows) and any(column_role(c.text) == "level3" for c in row):
            merged = merge_header_rows(row, rows[index + 1])
            if is_indicator_header(merged):  # 年度 / 指标值: a header over two rows
                rows = [*rows[:index], merged, *rows[index + 2:]]
                header_index = index
                break
        if _looks_like_indicator_row(row):
            positional = _positional_header(rows, index)
            if positional is None:
                problems.append(Problem(row[0].source,
                                        "缺少指标表头行（一级指标、二级指标、三级指标、指标值），无法识别指标列"))
                return parts
            rows = [*rows[:index], positional, *rows[index:]]
            header_index = index
            problems.append(Problem(row[0].source, "表格从指标行中间开始，没有指标表头：按位置认定列"
                                                   "（一级、二级、三级、指标值，其后各列作为附加列）",
                                    Severity.WARNING))
            parts.needs_check.append("没有指标表头，按位置认定列（一级、二级、三级、指标值）")
            break
    read_header_rows(rows[:header_index] if header_index is not None else rows, parts, table.stream)
    if header_index is None:
        where = rows[-1][-1].source if rows and rows[-1] else table.source
        if not table.certain and (is_last_table or not table.complete):
            problems.append(Problem(where, f"{CUT_MESSAGE}：没有找到指标表头行"
                                           "（一级指标、二级指标、三级指标、指标值），"
                                           "表格被截断，文件可能不完整"))
            parts.cut = where
        else:
            problems.append(Problem(where, "表格不完整：没有找到指标表头行（一级指标、二级指标、三级指标、指标值）"))
        return parts
    if header_index + 1 < len(rows) and is_label_subrow(rows[header_index + 1]):
        rows = [*rows[:header_index], merge_header_rows(rows[header_index], rows[header_index + 1]),
                *rows[header_index + 2:]]
    elif header_index + 1 < len(rows) and _is_sub_header(rows[header_index + 1]):
        rows = [*rows[:header_index], *_with_sub_header(rows[header_index], rows[header_index + 1], problems),
                *rows[header_index + 2:]]
    columns = column_map(rows[header_index])
    roles = {role for role, _ in columns}
    parts.self_evaluation = "actual" in roles or "score" in roles
    before = len(parts.indicators)
    errors_before = sum(1 for p in problems if p.severity is Severity.ERROR)
    read_indicator_rows(rows[header_index + 1:], columns, parts, problems, table.complete, table.certain,
                        is_last_table, table.stream, table.sparse)
    errors_after = sum(1 for p in problems if p.severity is Severity.ERROR)
    if len(parts.indicators) == before and errors_after == errors_before:
        problems.append(Problem(rows[header_index][0].source, "表格不完整：指标表头之后没有指标行"))
    return parts


# Sub-columns of a 指标值 group written in the row under the header: 2021年实际实现值 | 预期2022年实现值.
_SUB_VALUE = re.compile(r"^\S{0,12}(?:年|预期|实际|目标|上年|本年|当年)\S{0,12}值$")
_SUB_TARGET = re.compile(r"预期|目标|计划")


def _is_sub_header(row: list[Cell]) -> bool:
    filled = [c for c in row if not c.blank]
    return bool(filled) and all(_SUB_VALUE.match(label_key(c.text)) and column_role(c.text) is None
                                for c in filled)


def _with_sub_header(header: list[Cell], sub: list[Cell], problems: list[Problem]) -> list[list[Cell]]:
    """The header with the 指标值 group's sub-columns from the row under it: the expected value
    (预期/目标/计划 …, else the last one) is the target, the others extras named ``指标值/…``.
    When the sub-row does not sit under the group (a copy that left out its empty cells), the
    group stays one column and the sub-row is skipped with a note."""
    target = next((i for i, c in enumerate(header) if column_role(c.text) == "target"), None)
    filled = [i for i, c in enumerate(sub) if not c.blank]
    group_end = target + 1 if target is not None else 0
    while group_end < len(header) and header[group_end].blank:
        group_end += 1
    if target is None or filled[0] != target or filled[-1] >= group_end:
        problems.append(Problem(sub[filled[0]].source, "指标值下的分列（"
                                + "、".join(sub[i].text.strip() for i in filled)
                                + "）与表头对不齐，指标值按一列读取", Severity.INFO))
        return [header]
    chosen = next((i for i in filled if _SUB_TARGET.search(sub[i].text)), filled[-1])
    group = header[target].text.strip()
    merged = list(header)
    for i in filled:
        text = group if i == chosen else f"{group}/{sub[i].text.strip()}"
        merged[i] = Cell(text, sub[i].source)
    return [merged]


def _paragraphs(cells: list[Cell]) -> list[str]:
    out = []
    for cell in cells:
        for paragraph in cell.text.split("\n"):
            paragraph = paragraph.strip().strip("\t").strip()
            if paragraph:
                out.append(paragraph)
    return out


def _title_and_seq(heading: str | None, position: int) -> tuple[int, str | None]:
    if not heading:
        return position, None
    text = without_addresses(_BOOKMARK.sub("", heading).strip())
    match = _SEQ_TITLE.match(text)
    if match:
        return int(match.group(1)), match.group(2).strip()
    return position, text or None


def _is_numbered(heading: str | None) -> bool:
    return bool(heading) and bool(_SEQ_TITLE.match(without_addresses(_BOOKMARK.sub("", heading or "")).strip()))


def _project(parts: Parts, position: int, problems: list[Problem]) -> Project:
    seq, title = _title_and_seq(parts.heading, position)
    name_text = _text(parts.name_cell) if parts.name_cell is not None else ""
    coded = _CODED_NAME.match(name_text)
    if coded:
        parts.extras.append(("项目编码", Cell(coded["code"], parts.name_cell.source)))  # type: ignore[union-attr]
        problems.append(Problem(parts.name_cell.source, f"项目名称前的编码「{coded['code']}」作为项目编码保留",  # type: ignore[union-attr]
                                Severity.INFO))
    bare = coded["name"].strip() if coded else name_text
    name, label, year, source_name = bare, None, None, None
    match = _FUND_LABEL.match(bare)
    if match:
        name, label = match["name"].strip(), match["label"].strip()
        year, source_name = int(match["year"]), match["source"].strip() or None
    if not name:
        name = name_from_title(title, _is_numbered(parts.heading)) or ""
        if name:
            problems.append(Problem(parts.source, f"表中没有项目名称，项目名称取自表题「{title}」", Severity.INFO))
            parts.needs_check.append(f"项目名称取自表题「{title}」")
        elif parts.indicators:
            problems.append(Problem(parts.source, "没有找到项目名称：本表只有指标部分（表头部分不在此处），"
                                                  "表题也没有指明项目，项目名称未知"))
        else:
            problems.append(Problem(parts.source, "没有找到项目名称"))
    if label is None and title and (titled := _TITLE_LABEL.search(title)):
        label, year = titled["label"].strip(), int(titled["year"])
        source_name = titled["source"].strip() or None
        problems.append(Problem(parts.source, f"项目名称中没有资金标签，资金标签「{label}」取自表题", Severity.INFO))
    if year is None:
        for where, text in (("表题", title), ("项目名称", name)):
            found = _YEAR.search(text or "")
            if found:
                year = int(found.group(1))
                problems.append(Problem(parts.source, f"没有资金标签，资金年度 {year} 取自{where}「{text}」",
                                        Severity.INFO))
                break
    labels = {"total": "预算数", "fiscal": "财政资金", "other": "其他资金"}
    if "total" not in parts.money and parts.project_total is not None:
        # 项目总预算 without a year budget (当年年度预算 …): the total is all the table gives.
        parts.money["total"] = parts.project_total
        problems.append(Problem(parts.project_total.source, "表中没有当年预算数，预算数取自「项目总预算」",
                                Severity.INFO))
    amounts: dict[str, Decimal | None] = {}
    money_notes: list[tuple[str, str]] = []
    for key, cell in parts.money.items():
        amounts[key], noted = _money(cell, labels[key], problems)
        if noted:
            money_notes.append((labels[key], cell.text.strip()))
    sources: dict[str, Source] = {}
    if parts.other_parts and "other" not in amounts:
        values = [_money(cell, "其他资金", problems)[0] for cell in parts.other_parts]
        amounts["other"] = sum((v for v in values if v is not None), Decimal(0)) if any(
            v is not None for v in values) else None
        sources["budget.other"] = parts.other_parts[0].source
    if amounts.get("total") is None and amounts.get("fiscal") is not None and parts.other_parts:
        # 年度资金总额 given only as its parts (财政拨款小计, 自有资金小计, 其他收入): their sum
        amounts["total"] = amounts["fiscal"] + (amounts.get("other") or Decimal(0))  # type: ignore[operator]
        problems.append(Problem(parts.source, f"表中没有预算总数，预算数按财政拨款与其他资金相加为 "
                                              f"{amounts['total']}", Severity.INFO))
    budget = Budget(**amounts)
    purpose = "\n".join(_paragraphs(parts.purpose)) or None
    goals = tuple(_GOAL_NUMBER.sub("", g).strip() for g in _paragraphs(parts.goals))
    if parts.name_cell is not None:
        sources["name"] = parts.name_cell.source
    for key, cell in parts.money.items():
        sources[f"budget.{key}"] = cell.source
    if parts.purpose:
        sources["purpose"] = parts.purpose[0].source
    if parts.goals:
        sources["goals"] = parts.goals[0].source
    extras = tuple((label_text, "\n".join(_paragraphs([cell]))) for label_text, cell in parts.extras
                   if not cell.blank) + tuple(money_notes)
    return Project(
        seq=seq, title=title, name=name, fund_label=label, fund_year=year, fund_source=source_name,
        budget=budget, purpose=purpose, goals=tuple(g for g in goals if g),
        indicators=tuple(parts.indicators), name_cell=name_text or None, extras=extras,
        complete=parts.cut is None, cut=parts.cut, needs_check=tuple(parts.needs_check),
        source=parts.source, sources=sources,
    )


# A table title that names one project: 「[1.][2023年]某项目[-2023中央](项目支出)绩效目标(申报)表」.
_TITLE_FORM = re.compile(r"\s*(?:[-—－–]\s*(?:19|20)\d{2}[^\d\-—－–]{0,6}?)?\s*(?:的)?(?:项目支出)?"
                         r"(?:绩效(?:目标|自评|监控|评价)(?:[^-—－–]{0,8}表)?|目标[^-—－–]{0,8}表)"
                         r"\s*(?:[(（][^()（）]{0,12}[)）])?\s*$")
_TITLE_YEAR = re.compile(r"^(?:(?:19|20)\d{2}\s*年度?)")
# Titles of a whole unit's or department's tables, not of one project.
_NOT_ONE_PROJECT = re.compile(r"部门|单位|整体|汇总|本级|一览|[局院委厅办处]$|政府$|财政$|项目支出$|^项目$|^支出$")


def name_from_title(title: str | None, numbered: bool = False) -> str | None:
    """The project named by a table title (``2023年某项目绩效目标表`` → ``2023年某项目``; a numbered short
    title such as ``3.安全隐患维修`` → ``安全隐患维修``), or None when the title is no table title or names
    no single project (a unit's or department's tables, a stray line of the page)."""
    if not title:
        return None
    text = title.strip()
    if "\n" in text or len(text) > 80:
        return None
    form = _TITLE_FORM.search(text)
    if form is None:
        return text if numbered and _is_numbered_name(text) else None
    name = text[:form.start()].strip(" -—－–:：")
    if name.endswith("项目项目"):
        name = name[:-2]  # 某项目 + 项目绩效目标
    bare = _TITLE_YEAR.sub("", name).strip()
    if len(bare) < 2 or _NOT_ONE_PROJECT.search(bare):
        return None
    return name


def _is_numbered_name(text: str) -> bool:
    """A title that was numbered (its number already removed) and is a short name, e.g. 安全隐患维修."""
    return 2 <= len(text) <= 40 and not re.search(r"[:：。，,]", text)


def _years_from_previous_tables(projects: list[Project], problems: list[Problem]) -> list[Project]:
    """A table without heading or year that follows a table with a year on the same page takes its year."""
    out: list[Project] = []
    for project in projects:
        previous = out[-1] if out else None
        if project.fund_year is None and project.title is None and previous is not None and previous.fund_year:
            problems.append(Problem(project.source or Source(project.name), f"本表没有表题和资金年度，沿用上一个表的"
                                    f"资金年度 {previous.fund_year}", Severity.INFO))
            project = replace(project, fund_year=previous.fund_year)
        out.append(project)
    return out


_CODED_UNIT = re.compile(r"^\s*(?:[\[【［(（]\s*(\d{2,})\s*[\]】］)）]|(\d{3,})\s*[-—－])\s*(\S.*)$")
# Header fields that name a unit, in the order they are taken as the budget unit when the table
# has no unit row (预算单位 / 单位名称 / a code+name row are read as the unit directly).
_UNIT_FIELDS = ("预算部门", "实施单位", "主管部门", "主管部门及编码", "主管部门及代码")


def _unit_from_fields(project: Project, problems: list[Problem]) -> Unit | None:
    """The budget unit from 预算部门/实施单位/主管部门 when the table has no unit row.

    A field that carries a unit code (``[610001]某单位``, as budget systems print them) wins;
    otherwise 预算部门, then 实施单位, then 主管部门. The choice is noted, never silent.
    """
    fields = {label: text.strip() for label, text in project.extras if label in _UNIT_FIELDS and text.strip()}
    if not fields:
        return None
    coded = [(label, m) for label in _UNIT_FIELDS if label in fields and (m := _CODED_UNIT.match(fields[label]))]
    if coded:
        label, match = coded[0]
        unit = Unit(code=match.group(1) or match.group(2), name=match.group(3).strip())
    else:
        label = next(label for label in _UNIT_FIELDS if label in fields)
        unit = Unit(code=None, name=fields[label])
    where = project.source or Source(project.name)
    problems.append(Problem(where, f"表中没有预算单位行，预算单位取自「{label}」：{unit.code or ''}{unit.name}",
                            Severity.INFO))
    return unit


def _is_project(parts: Parts) -> bool:
    """A project has indicators, or a name and a budget. A page fragment (a stray 项目名称 line, a
    heading without a table, a form cut off before its budget) is no project."""
    if parts.indicators:
        return True
    named = parts.name_cell is not None and not parts.name_cell.blank
    money = any(not c.blank for c in parts.money.values()) or parts.project_total is not None
    return named and money


def interpret_tables(tables: list[RawTable], file: str) -> tuple[Document | None, list[Problem]]:
    """Turn raw tables into a document. Errors are returned, never raised."""
    problems: list[Problem] = [p for table in tables for p in table.problems]
    tables = join_continued(tables, problems)
    segments = [segment for table in tables
                for segment in (split_list_layout(table, problems) or _split_projects(table))]
    segments = [s for s in segments if any(not c.blank for row in s.rows for c in row)]
    if not segments:
        return None, [Problem(Source(file), "没有找到绩效目标表（文件中没有可识别的表格）")]
    projects: list[Project] = []
    unit: Unit | None = None
    money_unit: str | None = None
    self_evaluation = False
    numbered: list[bool] = []  # per project: does its heading carry a number (3.…)?
    for position, segment in enumerate(segments, 1):
        parts = _interpret_project(segment, position, problems, position == len(segments))
        if parts.money_unit is None and (written := _written_money_unit(parts)) is not None:
            parts.money_unit = written
            problems.append(Problem(segment.source, f"表中没有写金额单位，按金额后所写的单位取「{written}」",
                                    Severity.INFO))
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
        if _is_project(parts):
            projects.append(_project(parts, position, problems))
            numbered.append(_is_numbered(parts.heading))
        elif parts.name_cell is not None and not parts.name_cell.blank:
            why = "表格在其预算之前被截断" if parts.cut is not None else "不是完整的项目表（可能是页面片段）"
            problems.append(Problem(parts.name_cell.source, f"「{_text(parts.name_cell)}」既没有预算也没有指标，"
                                    f"{why}，未作为项目读取", Severity.WARNING))
    if unit is None and projects:
        unit = _unit_from_fields(projects[0], problems)
    projects = _years_from_previous_tables(projects, problems)
    seqs = [p.seq for p in projects]
    if any(numbered) and not all(numbered):
        # Only some headings are numbered: such a number belongs to a group heading above the
        # table (3.法院办案业务…表 over 安全隐患维修), not to the project; number by position.
        problems.append(Problem(projects[0].source or Source(file), "只有部分表题带序号（序号属于分组标题），"
                                "项目按出现顺序编号", Severity.INFO))
        projects = [replace(p, seq=i) for i, p in enumerate(projects, 1)]
    elif len(set(seqs)) != len(seqs):
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
