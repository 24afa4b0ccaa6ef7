"""The standard layout of the 项目支出绩效目标表, as a grid that the docx, xlsx and html writers draw.

One table per project, in the layout of the published tables (the seed's)::

    255101天津市和平区人民检察院                              | 单位：万元
    项目名称 | 2024年检察业务信息化运维项目-2024中央
    主管部门 | …                                  (project extras, one row each)
    预算规模及资金用途 | 预算数 | 17.00 | 其中：财政资金 | 17.00 | 其他资金 | (blank)
       (merged)        | 对现有的信息系统基础资源进行监控和管理…
    (a 自评表's or 监控表's funds grid instead, as those tables print it, so that it reads back typed:)
    项目资金（万元） |  | 预算数 | 年初预算数 | 全年执行数 | 执行率 …  (1-6月执行数, 全年预计执行数 in a 监控表)
                     | 年度资金总额 | 120 | 100 | 108 | 90% …
    资金用途 | …
    绩效目标 | 1.…  (one paragraph per goal, numbered)
    一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 [| 分值 | 实际完成值 | 得分 | 偏差原因… | extras]
    产出指标 | 数量指标 | …        (一级 and 二级 merged down over their rows)

Targets are shown in one notation (:func:`perfbudget.target.display_target`: ``大于等于95%``
→ ``≥95%``), the text as typed kept in ``GridCell.title`` (hover in HTML); ``original=True``
writes the text as typed, and the file then reads back to exactly the same model.

The heading above the table is ``{seq}.{title}``. Columns that no indicator uses
(描述, 分值 …) are left out, except that a self-evaluation document always has
实际完成值 and 得分. Everything the reader needs to give the same model back is
written; an extra whose label the reader does not know comes back unlabelled.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal

from perfbudget.model import Document, Indicator, Project
from perfbudget.readers.header_block import UNIT_CELL
from perfbudget.readers.labels import (
    BUDGET_COLUMNS,
    FUND_TOTAL_ROWS,
    GOAL_ACTUAL,
    MIDTERM_COLUMNS,
    SUM_COLUMN,
    column_role,
    field_of_key,
    fund_column,
    goal_column,
    header_field,
    label_key,
)
from perfbudget.readers.management_grid import BLOCK as MANAGEMENT_BLOCK
from perfbudget.readers.management_grid import COLUMNS as MANAGEMENT_COLUMNS
from perfbudget.readers.money_cells import AMOUNT_ONLY, read_amount
from perfbudget.steps import Steps
from perfbudget.target import display_target, format_decimal
from perfbudget.writers.label_colon import bare, with_colon
from perfbudget.writers.task_block import TOTAL_ROW, TaskBlock, task_block

MIN_WIDTH = 7
_MONEY_LABELS = {"预算数": "total", "财政资金": "fiscal", "其他资金": "other"}
TASK_LABEL = "年度主要任务"


@dataclass(slots=True)
class GridCell:
    """One drawn cell: its text (paragraphs split by newlines), where it starts and what it spans."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    center: bool = False
    title: str | None = None  # the text as typed, when the cell shows it in another notation
    figure: bool = False  # a plain figure of a funds grid's column: a number in the workbook (print35)
    # a label not bold: a funds grid's row (「其中：财政资金」), an indicator's 一级/二级指标 (a head or label is bold):
    # broken only between its words on the page (target_table_html.word_lines), where a target or a text is not
    label: bool = False


@dataclass(slots=True)
class ProjectGrid:
    """A project's table: its heading, width, number of rows and the cells that start in each row."""

    heading: str | None
    width: int
    rows: int = 0
    cells: list[GridCell] = field(default_factory=list)
    header_rows: int = 0  # rows before the indicator header
    original: bool = False  # targets as typed instead of in one notation

    def add(self, text: str, col: int, colspan: int = 1, rowspan: int = 1, bold: bool = False,
            center: bool = False, label: bool = False) -> None:
        self.cells.append(GridCell(text, self.rows, col, rowspan, colspan, bold, center, label=label))


def _money(value: object) -> str:
    return format_decimal(value) if isinstance(value, Decimal) else ""


def _amount(value: object) -> str:
    """An amount of the budget as the table prints it: exact, at least two decimals (「193.80」, 「11.00」; 「0.125」
    as it is), no thousands separator (the reader takes it back as the same Decimal). Until print31 the decimals the
    table was typed with: 「193.8」 under 预算数 beside 「0.00」, 「11」 beside 「49.80」."""
    if not isinstance(value, Decimal) or not value.is_finite():
        return _money(value)
    whole, _, decimals = format_decimal(value).partition(".")  # (padded as text: quantize has a precision)
    return f"{whole}.{decimals.ljust(2, '0')}"


def indicator_columns(document: Document, project: Project) -> list[tuple[str, str]]:
    """(header, key) of the indicator columns this project needs."""
    indicators = project.indicators
    columns = [("一级指标", "level1"), ("二级指标", "level2"), ("三级指标", "level3")]
    if any(i.description is not None for i in indicators):
        columns.append(("绩效指标描述", "description"))
    columns.append(("指标值", "target"))
    evaluation = document.kind == "self-evaluation"
    if any(i.weight is not None for i in indicators):
        columns.append(("分值", "weight"))
    if evaluation or any(i.actual is not None for i in indicators):
        columns.append(("实际完成值", "actual"))
    if evaluation or any(i.score is not None for i in indicators):
        columns.append(("得分", "score"))
    if any(i.deviation is not None for i in indicators):
        columns.append(("偏差原因分析及改进措施", "deviation"))
    extras: list[str] = []
    for indicator in indicators:
        for head, _text in indicator.extras:
            if head not in extras:
                extras.append(head)
    earlier = [head for head in extras if column_role(head) in _OWN_ROLES]
    columns.extend((head, f"extra:{head}") for head in extras if head not in earlier)
    if earlier:
        # an earlier period's set side by side with the year's (中期 二级 | 三级 | 指标值, kept as extras under their
        # headers): drawn before the indicator's own columns, as the source stands them, for the reader takes the
        # last of repeated columns as the year's (until print33 drawn after: read back, the 中期 set was the year's)
        roles = {column_role(head) for head in earlier}
        # (at the end where the table draws no column of theirs: a 实际完成值 kept as an extra of a target table)
        at = next((k for k, (_head, key) in enumerate(columns) if key in roles), len(columns))
        columns[at:at] = [(head, f"extra:{head}") for head in earlier]
    return columns


# the indicator's own fields a header may name (readers/labels.column_role): an extra under such a header is an
# earlier set's column, which the reader kept apart from the year's (readers/indicator_rows._fields)
_OWN_ROLES = frozenset({"level1", "level2", "level3", "description", "target", "weight", "actual", "score",
                        "deviation"})


def indicator_value(indicator: Indicator, key: str, original: bool = True) -> str:
    if key.startswith("extra:"):
        head = key[6:]
        return next((text for h, text in indicator.extras if h == head), "")
    if key == "target":
        return indicator.target.raw if original else display_target(indicator.target)
    value = getattr(indicator, key)
    if value is None:
        return ""
    return _money(value) if key in ("weight", "score") else str(value)


@dataclass(slots=True)
class FundsGrid:
    """A 自评表's or 监控表's funds grid as the reader kept it (project extras ``row/column``): its rows and columns
    in their order, each cell's text, and the extras' labels it draws."""

    rows: list[str]
    columns: list[str]
    cells: dict[tuple[str, str], str]
    labels: set[str]


# the columns of a funds grid (年初预算数, 全年执行数, 1-6月执行数, 执行率, 全年预计执行数, 分值, 得分 …)
_FUNDS_COLUMN_WORDS = ("预算", "执行", "分值", "权重", "得分", "结转", "支出", "占比", "收支金额")
# a grid drawn as such: a 自评表's or 监控表's (执行, 分值, 得分), or Hubei's 部门总体资金情况 (当年金额 | 占比 |
# 近两年收支金额: until kinds32 label–value rows read back as unlabelled extras)
_GRID_WORDS = ("执行", "分值", "得分", "占比", "收支金额")
_BUDGET_COLUMN = "预算数"
_PERIOD_BUDGET_COLUMN = "年度资金总额"
_BUDGET_COLUMNS = frozenset(BUDGET_COLUMNS)  # the total row's cell under one is the budget, not an extra


def funds_grid(project: Project, apart: frozenset[str] | set[str] = frozenset()) -> FundsGrid | None:
    """The funds grid of ``project``'s extras, None when it has none (a target table's money is its three cells);
    the extras labelled in ``apart`` (the 总分 row drawn after the indicators) are not its."""
    rows: list[str] = []
    columns: list[str] = []
    cells: dict[tuple[str, str], str] = {}
    labels: set[str] = set()
    previous: str | None = None
    candidates = [(label, text, *label.partition("/")[::2]) for label, text in project.extras]
    candidates = [(label, text, row, column) for label, text, row, column in candidates
                  if row and column and label not in apart and "\n" not in label and "/" not in column
                  and (any(word in column for word in _FUNDS_COLUMN_WORDS) or column == SUM_COLUMN
                       or fund_column(column) is not None or column in MIDTERM_COLUMNS)]
    # the rows named as funds (年度资金总额, 其中：财政资金, 地方资金 …), and then any other row under their columns
    # (and a budget column) only: 彩票公益金用于医疗救助 | 0 | 0 | 100%, a source named without 资金 (corpus r103),
    # until kinds26 written as label–value rows that read back as unlabelled extras
    funds_columns = {column for _, _, row, column in candidates if _fund_row(row) or "资金" in row or "拨款" in row}
    columns_of: dict[str, set[str]] = {}
    for _, _, row, column in candidates:
        columns_of.setdefault(row, set()).add(column)
    for label, text, row, column in candidates:
        if not (_fund_row(row) or "资金" in row or "拨款" in row or (columns_of[row] & funds_columns
                and columns_of[row] - funds_columns <= _BUDGET_COLUMNS)):
            continue
        if row not in rows:
            rows.append(row)
            previous = None
        if column not in columns:  # after the column before it in its row: the grid's order, as every row has it
            columns.insert(columns.index(previous) + 1 if previous is not None else 0, column)
        previous = column
        cells[(row, column)] = text
        labels.add(label)
    if not cells or not (any(word in column for column in columns for word in _GRID_WORDS) or (
            len(columns) >= 2 and all(column == SUM_COLUMN or fund_column(column) is not None for column in columns))
            or MIDTERM_COLUMNS.intersection(columns)):
        return None  # (or of the reader's funds columns only: Fujian's 预算安排 | 拨付情况 | 结余情况, kinds32; or the
        # central 申报表's 中期资金总额 beside the year's, reading34)
    return FundsGrid(rows, columns, cells, labels)


def _fund_row(row: str) -> str | None:
    """``total``, ``fiscal`` or ``other`` for a funds grid's row (年度资金总额, 其中财政资金, 其他资金 …)."""
    if row in FUND_TOTAL_ROWS:
        return "total"
    found = field_of_key(label_key(row))
    return found if found in ("total", "fiscal", "other") else None


def _funds_rows(grid: ProjectGrid, funds: FundsGrid, money_text: dict[str, str], money_unit: str | None,
                purpose: str | None) -> None:
    """The funds grid as the tables print it (项目资金 | | 预算数 | its columns …, a row each: 年度资金总额, 其中：财政
    资金, 其他资金 and the rows the grid has), then 资金用途: the reader gives the same budget and the same extras back,
    so its typed figures (``Budget.executed``, ``rate`` …) read back too."""
    rows = list(funds.rows)
    named: dict[str | None, str] = {}
    for row in rows:  # the first row of a part takes its amount (财政资金小计 before 县级财政资金)
        named.setdefault(_fund_row(row), row)
    for part, label in (("total", "年度资金总额"), ("fiscal", "其中：财政资金"), ("other", "其他资金")):
        if part not in named and (part == "total" or money_text[part]):
            rows.insert(0 if part == "total" else len(rows), label)
            named[part] = label
    budget_of = {row: money_text[part] for part, row in named.items() if part is not None}
    # the budget's column: the grid's own where the reader takes it before a 预算数 (全年预算数, 调整后预算数 …: its
    # total row's cell then holds the budget), else a 预算数 column drawn first
    first = next((c for c in BUDGET_COLUMNS if c in funds.columns or c == _BUDGET_COLUMN), _BUDGET_COLUMN)
    columns = funds.columns if first != _BUDGET_COLUMN else [_BUDGET_COLUMN, *funds.columns]
    if first == _BUDGET_COLUMN and MIDTERM_COLUMNS.intersection(funds.columns):
        # 项目资金 | | 中期资金总额 | 年度资金总额: the year's column after the 中期 one, as the central 申报表 prints
        # it (the reader takes 年度资金总额 for a column only there; drawn as label–value rows, 资金总额/中期资金总额 |
        # 900 read back as two unlabelled texts until reading34)
        first = _PERIOD_BUDGET_COLUMN
        columns = [*funds.columns, first]
    cells = {**funds.cells, **{(row, first): text for row, text in budget_of.items() if text}}
    figures = _column_figures(cells, columns, money_unit)
    cells = {**cells, **figures}
    # the last column runs to the table's right edge (print38: r103's and r77's grids of three columns under seven
    # printed two empty columns right of 执行率, ruled as if something were missing from them)
    last_span = grid.width - 1 - len(columns)
    grid.add(f"项目资金（{money_unit}）" if money_unit else "项目资金", 0, bold=True, center=True)
    grid.add("", 1)
    for col, column in enumerate(columns, 2):
        grid.add(_sum_head(col - 1) if column == SUM_COLUMN else column, col,
                 colspan=last_span if col == len(columns) + 1 else 1, bold=True, center=True)
    grid.rows += 1
    for row in rows:
        grid.add("", 0)
        grid.add(row, 1, center=True, label=True)
        for col, column in enumerate(columns, 2):
            grid.add(cells.get((row, column), ""), col, colspan=last_span if col == len(columns) + 1 else 1,
                     center=True)
            grid.cells[-1].figure = (row, column) in figures
        grid.rows += 1
    grid.add("资金用途", 0, bold=True, center=True)
    grid.add(purpose or "", 1, colspan=grid.width - 1)
    grid.rows += 1


_PLAIN_FIGURE = re.compile(r"^-?\d+(?:\.(\d+))?$")


def _column_figures(cells: dict[tuple[str, str], str], columns: list[str],
                    money_unit: str | None = None) -> dict[tuple[str, str], str]:
    """The plain figures of each funds column in one number format (faces-w): as many decimals as the column's
    longest figure. r110's 全年预算数 printed 「871」 and 「0」 (the cells as written) beside the budget's 「2380.91」
    and 「0.00」 (:func:`_amount`); now 「871.00」 「0.00」. Only zeros are added (the reader takes the same Decimal
    back; the extra's text is the printed one); a column of whole figures stays whole; a cell that is no plain
    figure (「100%」) is left as written. An amount written with the table's own money unit after it (「3359.62万」
    under 单位：万元) is the figure in that unit, which the grid's head says (「项目资金（万元）」): printed as its
    column's figures (print38: r103's 全年执行数 printed 「3359.62万」 and 「0」 beside the budget's 「3359.62」, r84's
    「300万元」 beside 「300.00」: two notations of money in one table); one with another unit, or in a table that
    names none, is left as written (dropping its unit would change the amount)."""
    formatted: dict[tuple[str, str], str] = {}
    for column in columns:
        figures = {key: found for key, text in cells.items()
                   if key[1] == column and (found := _PLAIN_FIGURE.match(_in_unit(text.strip(), money_unit)))}
        decimals = max([0, *(len(found.group(1) or "") for found in figures.values())])
        for key, found in figures.items():
            whole, _, fraction = found.group(0).partition(".")
            formatted[key] = f"{whole}.{fraction.ljust(decimals, '0')}" if decimals else whole
    return formatted


def _in_unit(text: str, money_unit: str | None) -> str:
    """``text``'s figure where it is an amount alone followed by ``money_unit`` as the reader takes it
    (:func:`readers.money_cells.read_amount`: 「3359.62万」, 「3,359.62 万元」 in a table in 万元), else ``text`` — a
    negative one (「-5万」, which the reader rejects quoting it), one with a note or another unit as written. Until
    the print38 mend a vocabulary of its own, without NFKC, commas or spaces: 「3,359.62万」 was printed as written
    and 「-5万」 as 「-5」."""
    if not money_unit:
        return text
    _, number, reading, unit = read_amount(text)
    return number if reading == AMOUNT_ONLY and unit == money_unit and number is not None else text


def _sum_head(number: int) -> str:
    """The 小计 column's head with its formula, as the form prints it and as the reader takes it (a 小计 is a funds
    column only so, summing the columns before it: ``小计④=①+②+③``; written 小计 alone it read back as no column)."""
    circled = [chr(0x2460 + k) for k in range(number)]
    return f"{SUM_COLUMN}{circled[-1]}={'+'.join(circled[:-1])}" if 2 <= number <= 20 else SUM_COLUMN


def _task_rows(grid: ProjectGrid, tasks: TaskBlock) -> None:
    """``年度主要任务 | 任务名称 | 主要内容 | 总额 …``, a row a task, then the 金额合计 row where it is drawn."""
    last = len(tasks.columns)  # the last column spans what is left of the width
    span = grid.width - last

    def row(first: str, texts: tuple[str, ...], bold: bool = False) -> None:
        grid.add(first, 0, bold=bool(first), center=True)
        for col, text in enumerate(texts, 1):
            grid.add(text, col, colspan=span if col == last else 1, bold=bold, center=bold)
        for col in range(len(texts) + 1, last + 1):
            grid.add("", col, colspan=span if col == last else 1)
        grid.rows += 1

    row(TASK_LABEL, tasks.columns, bold=True)
    for task in tasks.tasks:
        row("", task)
    if tasks.total is not None:
        row(TOTAL_ROW, tasks.total)


_CODE_LABEL = "项目编码"
_NAME_CODE = re.compile(r"([0-9A-Za-z]{10,})\s*[-—－–]")


def _name_code_at(project: Project) -> int | None:
    """The index of the extra 项目编码 the reader took off the name cell (``51130021T000000229367-退耕还林…``: appended
    after the others, readers/project_fields.py), None when the name cell carries no code: drawn as a row besides the
    name cell, it came back twice (corpus r78, 15; roundtrip-v)."""
    found = _NAME_CODE.match(project.name_cell or "")
    if found is None:
        return None
    return next((k for k in range(len(project.extras) - 1, -1, -1)
                 if project.extras[k] == (_CODE_LABEL, found.group(1))), None)


PAIR_LABEL_CHARACTERS = 12  # an unlabelled text that short may be the label of the unlabelled text after it


def unlabelled_pairs(extras: tuple[tuple[str, str], ...], drawn_apart: Collection[int] = ()) -> frozenset[int]:
    """The indexes of unlabelled extras drawn with the unlabelled extra after them in one row, as a label and its
    value: a short text, no figure (「上年结转」, 「1、一般公共预算」), followed by one that is not itself a short text
    followed by a figure (「支出构成」 | 「基本支出」 | 「356.80」: the second and third are the pair). The
    reader keeps such a pair of a source's row as two unlabelled texts (it does not know the label) and, drawn
    side by side without a colon, reads them back so; until print34 each printed as a row of the table's width."""
    found: set[int] = set()
    index = 0
    while index + 1 < len(extras):
        (label, text), (after, value) = extras[index], extras[index + 1]
        then = extras[index + 2] if index + 2 < len(extras) else ("-", "")
        value_of_next = _pair_label(value) and not then[0] and _FIGURE.fullmatch(then[1].strip()) is not None
        if not label and not after and value and _pair_label(text) and not value_of_next \
                and index not in drawn_apart and index + 1 not in drawn_apart:
            found.add(index)
            index += 2
        else:
            index += 1
    return frozenset(found)


def _pair_label(text: str) -> bool:
    stripped = text.strip()
    return 0 < len(stripped) <= PAIR_LABEL_CHARACTERS and "\n" not in stripped \
        and not _FIGURE.fullmatch(stripped) and not stripped.endswith((":", "："))


_FIGURE = re.compile(r"[-+]?[\d,，.]+%?")


def heading_of(project: Project) -> str | None:
    return f"{project.seq}.{project.title}" if project.title else None


def total_row(project: Project, columns: list[tuple[str, str]]) -> dict[str, str]:
    """The 总分 row the reader kept (``总分/分值`` = 100, ``总分/得分`` = 99: readers/total_rows.py), label by label,
    when each of its figures stands under a column the table draws (分值, 得分, 实际完成值): drawn after the
    indicators as the tables print it, it reads back the same (until kinds26 a label–value row, or a row of the funds
    grid, read back as unlabelled extras). Empty otherwise (a 等级 beside the figures too: left as before)."""
    heads = {head for head, _key in columns[3:]}
    row = {label: text for label, text in project.extras if label.startswith(_TOTAL_LABEL)}
    if not row or not project.indicators or not all(label[len(_TOTAL_LABEL):] in heads for label in row):
        return {}
    return row


_TOTAL_LABEL = "总分/"


def _total_rows(grid: ProjectGrid, row: dict[str, str], columns: list[tuple[str, str]], last_span: int) -> None:
    """``总分 | | … | 100 | … | 99`` under the indicator columns."""
    at = {head: col for col, (head, _key) in enumerate(columns)}
    figures = {at[label[len(_TOTAL_LABEL):]]: text for label, text in row.items()}
    first = min(figures)
    grid.add("总分", 0, colspan=first, bold=True, center=True)
    for col in range(first, len(columns)):
        grid.add(figures.get(col, ""), col, colspan=last_span if col == len(columns) - 1 else 1, center=True)
    grid.rows += 1


def management_block(project: Project) -> tuple[list[str], dict[str, dict[str, str]]] | None:
    """The 资金管理情况 block the reader kept (``资金管理情况/分配科学性/情况说明`` …, an aspect with nothing written as
    ``资金管理情况`` = 下达及时性: readers/management_grid.py): its columns in order and each aspect's texts by column;
    None when the project has none. Drawn as the form prints it, it reads back the same (until kinds26 label–value
    rows that read back as unlabelled extras)."""
    columns: list[str] = []
    aspects: dict[str, dict[str, str]] = {}
    for label, text in project.extras:
        block, slash, rest = label.partition("/")
        if block != MANAGEMENT_BLOCK:
            continue
        if not slash:
            aspects.setdefault(text, {})
            continue
        aspect, slash, column = rest.partition("/")
        if not slash or "/" in column or label_key(column) not in MANAGEMENT_COLUMNS or not aspect:
            return None  # not as the reader keeps it: left to the label–value rows
        if column not in columns:
            columns.append(column)
        aspects.setdefault(aspect, {})[column] = text
    return (columns or ["情况说明"], aspects) if aspects else None


def _management_rows(grid: ProjectGrid, columns: list[str], aspects: dict[str, dict[str, str]]) -> None:
    """``资金管理情况 | 情况说明 | 存在问题和改进措施`` and a row an aspect, the texts under their columns."""
    span = (grid.width - 1) // len(columns)
    starts = [1 + k * span for k in range(len(columns))]
    spans = [span if k < len(columns) - 1 else grid.width - starts[k] for k in range(len(columns))]
    grid.add(MANAGEMENT_BLOCK, 0, bold=True, center=True)
    for column, start, width in zip(columns, starts, spans, strict=True):
        grid.add(column, start, colspan=width, bold=True, center=True)
    grid.rows += 1
    for aspect, texts in aspects.items():
        grid.add(aspect, 0, center=True, label=True)
        for column, start, width in zip(columns, starts, spans, strict=True):
            grid.add(texts.get(column, ""), start, colspan=width)
        grid.rows += 1


def _said_label(label: str) -> str:
    """An extra's label as its row's first cell: with a colon after it, so that it reads back as the label of the
    cell after it (readers/header_block.py, kinds26) instead of two unlabelled texts; a label of the header's own
    fields (主管部门, 实施单位 …) or a long one as it is. Until roundtrip-v a label the reader knows in some other
    place (合计, 执行数, 目标实际完成情况) or a path (一般公共预算拨款/市本级) was written bare too, and read back as
    two unlabelled texts (corpus 15, r38, r155). A label that carries a colon of its own gets one, not two, and a
    header field's none, as the others (「联系电话∶」 was printed 「联系电话∶」, 「绩效联系人:」 「绩效联系人:：」 until
    print31: writers/label_colon.py)."""
    if len(label) > 18:
        return label
    return bare(label) if header_field(bare(label)) is not None else with_colon(label)


def numbered_goals(goals: tuple[str, ...]) -> str:
    """The goals one a line, numbered ``1.`` ``2.`` … as the reader takes the numbers off again. A goal that
    begins with a digit (``2024年完成…``, ``1.5万名…``) is set off by a space (``1. 2024年完成…``): glued to it,
    the number read as a decimal (``1.2024年``) and came back as part of the goal (reading34)."""
    return "\n".join(f"{n}. {goal}" if goal[:1].isdigit() else f"{n}.{goal}" for n, goal in enumerate(goals, 1))


def goal_result(project: Project) -> tuple[str, str] | None:
    """The goal's 实际完成情况 the reader kept (``实际完成情况``, ``全年实际完成情况``, ``目标实际完成情况`` …),
    label and text, when the project has exactly one: drawn in the goals grid as the 自评表 prints it
    (``年度总体目标 | 预期目标 | 实际完成情况`` over the two texts) it reads back under its label (until kinds27 a
    label–value row, read back as two unlabelled extras: the label names a goals column to the reader)."""
    found = [(label, text) for label, text in project.extras if label in GOAL_ACTUAL]
    return found[0] if len(found) == 1 else None


def other_goals(project: Project) -> list[tuple[str, str]]:
    """The goals the reader kept beside the year's (``中期目标（2024-2026年）``, 长期目标 …:
    readers/labels.GOAL_OTHER, label and text), each label once: drawn in the goals grid before the year's goals, as a
    部门整体 table's 整体绩效目标 prints them (中期目标 | 年度目标), they read back under their labels (until kinds32 a
    label–value row, read back as two unlabelled extras)."""
    found: dict[str, str] = {}
    for label, text in project.extras:
        if label and "/" not in label and goal_column(label) == "other" and label not in found:
            found[label] = text
    return list(found.items())


def _goal_rows(grid: ProjectGrid, goals: str, result: tuple[str, str] | None,
               others: list[tuple[str, str]]) -> None:
    """``年度总体目标 | [中期目标 …] | 预期目标 [| 实际完成情况]`` and under the sub-labels their texts."""
    columns = [*others, ("预期目标", goals), *([result] if result is not None else [])]
    span = (grid.width - 1) // len(columns)
    starts = [1 + k * span for k in range(len(columns))]
    spans = [span if k < len(columns) - 1 else grid.width - starts[k] for k in range(len(columns))]
    grid.add("年度总体目标", 0, rowspan=2, bold=True, center=True)
    for (label, _), start, width in zip(columns, starts, spans, strict=True):
        grid.add(label, start, colspan=width, bold=True, center=True)
    grid.rows += 1
    for (_, text), start, width in zip(columns, starts, spans, strict=True):
        grid.add(text, start, colspan=width)
    grid.rows += 1


def told_grids(document: Document, original: bool, steps: Steps) -> list[ProjectGrid]:
    """Every project's grid, ``steps`` told 「排版」 after each."""
    total = len(document.projects)
    grids = []
    for done, project in enumerate(document.projects, 1):
        grids.append(project_grid(document, project, original))
        steps("排版", done, total)
    return grids


def project_grid(document: Document, project: Project, original: bool = False) -> ProjectGrid:
    columns = indicator_columns(document, project)
    total = total_row(project, columns)
    result = goal_result(project)
    others = other_goals(project)
    drawn_goals = {label for label, _ in others} | ({result[0]} if result is not None else set())
    management = management_block(project)
    funds = funds_grid(project, set(total))
    money_text = {"total": _amount(project.budget.total), "fiscal": _amount(project.budget.fiscal),
                  "other": _amount(project.budget.other)}
    tasks = task_block(project.extras, money_text, funds is None)  # a 部门整体 table's 年度主要任务 grid
    width = max(MIN_WIDTH, len(columns), 3 + len(funds.columns) if funds is not None else 0,  # (预算数 and the grid's)
                1 + len(tasks.columns) if tasks is not None else 0)
    grid = ProjectGrid(heading_of(project), width, original=original)
    unit = document.unit
    unit_text = f"{unit.code or ''}{unit.name or ''}"
    money_unit = f"单位：{document.money_unit}" if document.money_unit else ""
    if unit_text and UNIT_CELL.match(unit_text):
        grid.add(unit_text, 0, colspan=width - 2)
        grid.add(money_unit, width - 2, colspan=2)
        grid.rows += 1
    elif unit_text or money_unit:
        grid.add("预算单位" if unit_text else "", 0, bold=True, center=True)
        grid.add(unit_text, 1, colspan=width - 3)
        grid.add(money_unit, width - 2, colspan=2)
        grid.rows += 1
    name_cell = project.name_cell or (f"{project.name}-{project.fund_label}" if project.fund_label else project.name)
    grid.add("项目名称", 0, bold=True, center=True)
    grid.add(name_cell, 1, colspan=width - 1)
    grid.rows += 1
    coded_at = _name_code_at(project)
    paired = unlabelled_pairs(project.extras, (tasks.indexes if tasks is not None else frozenset())
                              | ({coded_at} if coded_at is not None else set()))
    for index, (label, text) in enumerate(project.extras):
        if tasks is not None and index in tasks.indexes:
            if index == tasks.first:
                _task_rows(grid, tasks)  # drawn as the grid, its task cells under their columns (kinds32)
            continue
        if label in _MONEY_LABELS:
            money_text[_MONEY_LABELS[label]] = text  # the money cell as written (amount with a note)
            continue
        if index == coded_at:
            continue  # the code the name cell carries: the reader takes it off the name again
        if (funds is not None and label in funds.labels) or label in total \
                or (management is not None and label.partition("/")[0] == MANAGEMENT_BLOCK) \
                or label in drawn_goals:
            continue  # drawn in the funds grid, the 资金管理情况 block or the goals grid, or after the indicators
        if label:
            grid.add(_said_label(label), 0, bold=True, center=True)
            grid.add(text, 1, colspan=width - 1)
        elif index in paired:  # 「上年结转 | 0.00」 as the source stands them, not a row each (print34)
            grid.add(text, 0, center=True)
            grid.add(project.extras[index + 1][1], 1, colspan=width - 1)
        elif index - 1 in paired:
            continue  # drawn beside the text before it
        else:
            grid.add(text, 0, colspan=width)
        grid.rows += 1
    if funds is not None:
        _funds_rows(grid, funds, money_text, document.money_unit, project.purpose)
    elif tasks is not None and tasks.total is not None:  # the budget drawn in the grid's 金额合计 row
        if project.purpose:
            grid.add("资金用途", 0, bold=True, center=True)
            grid.add(project.purpose, 1, colspan=grid.width - 1)
            grid.rows += 1
    else:
        grid.add("预算规模及资金用途", 0, rowspan=2, bold=True, center=True)
        for col, text in enumerate(("预算数", money_text["total"], "其中：财政资金", money_text["fiscal"], "其他资金"),
                                   1):
            grid.add(text, col, center=True, bold=col in (1, 3, 5))
        grid.add(money_text["other"], 6, colspan=width - 6, center=True)
        grid.rows += 1
        grid.add(project.purpose or "", 1, colspan=width - 1)
        grid.rows += 1
    if management is not None:
        _management_rows(grid, *management)
    goals = numbered_goals(project.goals)
    if result is not None or others:
        _goal_rows(grid, goals, result, others)
    else:
        grid.add("绩效目标", 0, bold=True, center=True)
        grid.add(goals, 1, colspan=width - 1)
        grid.rows += 1
    grid.header_rows = grid.rows
    last_span = width - len(columns) + 1
    for col, (head, _key) in enumerate(columns):
        grid.add(head, col, colspan=last_span if col == len(columns) - 1 else 1, bold=True, center=True)
    grid.rows += 1
    _indicator_rows(grid, project.indicators, columns, last_span)
    if total:
        _total_rows(grid, total, columns, last_span)
    return grid


def _runs(values: list[tuple[str, ...]]) -> list[tuple[int, int]]:
    """(start, length) of the runs of equal consecutive values."""
    runs: list[tuple[int, int]] = []
    for index, value in enumerate(values):
        if runs and values[runs[-1][0]] == value:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs


def _indicator_rows(grid: ProjectGrid, indicators: tuple[Indicator, ...], columns: list[tuple[str, str]],
                    last_span: int) -> None:
    first = grid.rows
    keys = [key for _head, key in columns]
    level1_at, level2_at = keys.index("level1"), keys.index("level2")
    level1_runs = _runs([(i.level1,) for i in indicators])
    level2_runs = _runs([(i.level1, i.level2) for i in indicators])
    for start, length in level1_runs:
        grid.cells.append(GridCell(indicators[start].level1, first + start, level1_at, rowspan=length, center=True,
                                   label=True))
    for start, length in level2_runs:
        grid.cells.append(GridCell(indicators[start].level2, first + start, level2_at, rowspan=length, center=True,
                                   label=True))
    for offset, indicator in enumerate(indicators):
        for col, (_head, key) in enumerate(columns):
            if col in (level1_at, level2_at):
                continue
            span = last_span if col == len(columns) - 1 else 1
            text = indicator_value(indicator, key, grid.original)
            typed = indicator.target.raw if key == "target" and text != indicator.target.raw.strip() else None
            grid.cells.append(GridCell(text, first + offset, col, colspan=span,
                                       center=key in ("target", "weight", "actual", "score"), title=typed))
    grid.rows += len(indicators)
