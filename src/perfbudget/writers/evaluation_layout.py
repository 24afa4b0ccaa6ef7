"""The standard 项目支出绩效自评表 layout (rules.md §4) as a grid of cells, shared by the
xlsx, docx and html writers so that all three show the same table.

Eight columns. Header 项目名称/主管部门/实施单位; the funds block (年初预算数, 全年预算数,
全年执行数, 分值, 执行率, 得分 for 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金);
年度总体目标 (预期目标 vs 实际完成情况); indicator rows 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 |
分值 | 得分 | 偏差原因分析及改进措施 (一级 and 二级 merged over their runs); 总分 with the grade, then the table's own
自评得分 and 评价等级 when a read 自评表 gives them (:func:`own_score_cells`).
Only the 年度资金总额 row carries the execution score: the sheet gives one executed amount.

Numbers carry their value and number format (``Cell.value``/``Cell.number_format``) so the
xlsx writer writes numeric cells (SUM works); the 得分 column adds up to the 总分 as printed
(each score rounded, :mod:`perfbudget.evaluate.scoring`). Targets are shown in one notation
(:func:`perfbudget.target.display_target`; ``Cell.title`` keeps the text as typed), or as typed
with ``original=True``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from perfbudget.evaluate.numbers import percent, show, shown
from perfbudget.evaluate.result import Evaluation, ProjectEvaluation
from perfbudget.money_text import money_text  # the one formatting of amounts (print21; shared since replay-n)
from perfbudget.target import display_target, format_decimal, parse_target
from perfbudget.writers.label_colon import with_colon
from perfbudget.writers.print_layout import FIGURE, shared_widths, text_width

COLUMNS = 8
INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                     "偏差原因分析及改进措施")
INDICATOR_HEADER = 11  # 0-based grid row of the 一级指标 … header: the indicator table starts there
FUND_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
# Relative column widths (characters), used by all writers.
WIDTHS = (12, 14, 24, 14, 14, 9, 9, 30)


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of the grid (0-based row and column).

    Attributes:
        kind: title | subtitle | label | header | text | number | total.
        value, number_format: the number a numeric cell holds and its Excel format
            (``0.00``, ``0.00%``); None for text.
        title: the text as typed when the cell shows it in another notation (hover in HTML).
    """

    row: int
    col: int
    text: str
    kind: str = "text"
    rowspan: int = 1
    colspan: int = 1
    value: Decimal | None = None
    number_format: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Grid:
    """One project's table: its cells and row count, plus the explanations shown under it.

    The writers draw any such grid (the 自评表 here, the 监控表 of :mod:`perfbudget.writers.monitoring_layout`):
    ``widths`` are its columns' relative widths, ``header_row`` the 0-based row of the indicator header that
    starts the indicator table (repeated on every printed page), ``notes_title`` the explanations' heading."""

    cells: tuple[Cell, ...]
    rows: int
    explanations: tuple[str, ...]
    sheet_name: str
    widths: tuple[float, ...] = WIDTHS
    header_row: int = INDICATOR_HEADER
    notes_title: str = "计分说明"
    whose: tuple[str, str] = ("", "")  # (unit, project name), atop every printed page (print_layout.running_head)


def sheet_name(seq: int, name: str) -> str:
    """A project's sheet name: 「序号.名称」 without the characters Excel refuses, at most 31 characters."""
    text = f"{seq}.{name}"
    for bad in "[]:*?/\\":
        text = text.replace(bad, "_")
    return text[:31]


_LINES_KEPT = {"number": 1, "money": 1, "header": 2, "label": 2, "total": 2}


def content_widths(cells: Sequence[Cell], base: Sequence[float]) -> tuple[float, ...]:
    """``base`` (a layout's widths) shared out by what ``cells`` hold (:func:`print_layout.shared_widths`): numbers
    and headers, labels and totals of up to four characters (三级指标, 产出指标) on one line, longer ones in two at
    most, a figure in a text's column too (a target 「≥90.91%」, an 实际完成值 「98.5%」: print38), texts wrapped."""
    return shared_widths(base, ((c.row, c.col, c.colspan, c.text,
                                 1 if (c.kind in _LINES_KEPT and text_width(c.text) <= 8) or FIGURE.match(c.text)
                                 else _LINES_KEPT.get(c.kind, 0)) for c in cells))


def indicator_head(headers: Sequence[str], header_row: int, lines: Sequence[Any]) -> list[Cell]:
    """The indicator table's header cells on ``header_row`` and, on the rows under it, the 一级 and 二级 label
    cells (columns 0 and 1) of ``lines``, each merged over its run of equal values (a 二级 within its 一级), as
    the official forms print them."""
    cells = [Cell(header_row, col, header, "header") for col, header in enumerate(headers)]
    first = header_row + 1
    for level, key in ((0, lambda i: i.level1), (1, lambda i: (i.level1, i.level2))):
        start = 0
        while start < len(lines):
            end = start
            while end + 1 < len(lines) and key(lines[end + 1]) == key(lines[start]):
                end += 1
            text = lines[start].level1 if level == 0 else lines[start].level2
            cells.append(Cell(first + start, level, text, "label", rowspan=end - start + 1))
            start = end + 1
    return cells


def _money(value: object) -> str:
    return money_text(value) if isinstance(value, Decimal) else ""


def money_cell(row: int, col: int, value: Decimal | None) -> Cell:
    """An amount's cell: its text (:func:`money_text`), a number for Excel in its format, right-aligned."""
    return _number(row, col, _money(value), value, "money", money_format(value))


def _number(row: int, col: int, text: str, value: Decimal | None, kind: str = "number",
            number_format: str = "0.00", colspan: int = 1) -> Cell:
    """A numeric cell: its text as shown and, when there is one, its value for Excel."""
    if value is None or not text or text == "—":
        return Cell(row, col, text, kind, colspan=colspan)
    return Cell(row, col, text, kind, colspan=colspan, value=value, number_format=number_format)


def money_format(value: Decimal | None) -> str:
    """Excel's format of an amount: thousands separated, as many decimals as it has (at least two)."""
    if value is None:
        return "#,##0.00"
    decimals = max(0, -int(value.normalize().as_tuple().exponent))
    return "#,##0." + "0" * max(2, decimals)


def _target(text: str, name: str, original: bool) -> tuple[str, str | None]:
    """(text shown, text as typed when it differs)."""
    if original:
        return text, None
    shown_text = display_target(parse_target(text, name))
    return shown_text, (text if shown_text != text.strip() else None)


def _unadjusted(project: ProjectEvaluation, part: Decimal | None) -> tuple[str, Decimal | None, str]:
    """A part of the budget (财政拨款, 其他资金) under 全年预算数: the 年初 part when the budget was not adjusted
    (全年预算数 = 年初预算数), else left empty (the adjusted parts are not known)."""
    if part is None or project.budget != project.initial_budget:
        return "", None, ""
    return _money(part), part, money_format(part)


def table_title(project: ProjectEvaluation) -> str:
    """The printed title: 部门整体支出绩效自评表 for a table that names itself 部门整体 (its name or title, as the
    review tells the 部门整体 forms), else 项目支出绩效自评表 (until print19 every table, 部门整体 ones too)."""
    return project.form


def evaluation_title(evaluation: Evaluation) -> str:
    """The file's own title: 部门整体支出绩效自评表 when every table is one, else 项目支出绩效自评表."""
    return evaluation.form


def project_grid(evaluation: Evaluation, project: ProjectEvaluation, original: bool = False) -> Grid:
    cells: list[Cell] = []
    add = cells.append
    unit = evaluation.money_unit  # as the table says: none written, none printed (万元 was printed, a guess)
    year = f"（{project.fund_year}年度）" if project.fund_year else ""
    add(Cell(0, 0, table_title(project), "title", colspan=COLUMNS))
    unit_text = (evaluation.unit_code or "") + (evaluation.unit_name or "")
    if unit_text:  # the budget unit as forms print it over the table, so that the file says whose it is
        add(Cell(1, 0, f"预算单位：{unit_text}", "subtitle", colspan=4))
        add(Cell(1, 4, year, "subtitle", colspan=COLUMNS - 4))
    else:
        add(Cell(1, 0, year, "subtitle", colspan=COLUMNS))
    add(Cell(2, 0, "项目名称", "label"))
    add(Cell(2, 1, project.name_cell or project.name, colspan=7))
    add(Cell(3, 0, "主管部门", "label"))
    add(Cell(3, 1, project.department or evaluation.unit_name or "", colspan=3))
    add(Cell(3, 4, "实施单位", "label"))
    add(Cell(3, 5, project.implementer or evaluation.unit_name or "", colspan=3))
    add(Cell(4, 0, f"项目资金（{unit}）" if unit else "项目资金", "label", rowspan=5))
    add(Cell(4, 1, "", "header"))
    for offset, header in enumerate(FUND_HEADERS):
        add(Cell(4, 2 + offset, header, "header"))
    rate = percent(project.execution_rate) if project.execution_rate is not None else ""
    rate_value = shown(project.execution_rate * 100) / 100 if project.execution_rate is not None else None
    fund_rows: tuple[tuple[str, tuple[tuple[str, Decimal | None, str], ...]], ...] = (
        ("年度资金总额", (
            (_money(project.initial_budget), project.initial_budget, money_format(project.initial_budget)),
            (_money(project.budget), project.budget, money_format(project.budget)),
            (_money(project.executed), project.executed, money_format(project.executed)),
            (show(project.execution_weight), shown(project.execution_weight), "0.00"),
            (rate, rate_value, "0.00%"),
            (show(project.execution_score), shown(project.execution_score), "0.00"))),
        ("其中：当年财政拨款", ((_money(project.fiscal), project.fiscal, money_format(project.fiscal)),
                        _unadjusted(project, project.fiscal), ("", None, ""), ("—", None, ""), ("", None, ""),
                        ("—", None, ""))),
        ("上年结转资金", (("", None, ""), ("", None, ""), ("", None, ""), ("—", None, ""), ("", None, ""),
                     ("—", None, ""))),
        ("其他资金", ((_money(project.other), project.other, money_format(project.other)),
                  _unadjusted(project, project.other), ("", None, ""), ("—", None, ""), ("", None, ""),
                  ("—", None, ""))),
    )
    for offset, (label, values) in enumerate(fund_rows):
        row = 5 + offset
        add(Cell(row, 1, label, "label"))
        for col, (text, value, number_format) in enumerate(values, 2):  # 年初预算数, 全年预算数, 全年执行数: money
            add(_number(row, col, text, value, "money" if col < 5 else "number", number_format))
    add(Cell(9, 0, "年度总体目标", "label", rowspan=2))
    add(Cell(9, 1, "预期目标", "header", colspan=3))
    add(Cell(9, 4, "实际完成情况", "header", colspan=4))
    goals = "\n".join(f"{n}.{g}" for n, g in enumerate(project.goals, 1)) if len(project.goals) > 1 \
        else "".join(project.goals)
    add(Cell(10, 1, goals, colspan=3))
    add(Cell(10, 4, project.goal_result or "", colspan=4))
    lines = project.indicators
    cells += indicator_head(INDICATOR_HEADERS, INDICATOR_HEADER, lines)
    first = INDICATOR_HEADER + 1
    for offset, line in enumerate(lines):
        row = first + offset
        add(Cell(row, 2, line.level3))
        target_text, typed = _target(line.target, line.level3, original)
        add(Cell(row, 3, target_text, title=typed))
        add(Cell(row, 4, line.actual))
        add(_number(row, 5, show(line.weight), shown(line.weight)))
        add(_number(row, 6, show(line.score), shown(line.score)))
        add(Cell(row, 7, line.deviation or ""))
    total_row = first + len(lines)
    weights = sum((shown(line.weight) for line in lines), shown(project.execution_weight))
    add(Cell(total_row, 0, "总分" + agreeing_own_score(project), "total", colspan=5))
    # 「100.00」 as the column's 「10.00」 (print34; 「100」 in a format of its own before)
    full_marks = _number(total_row, 5, show(weights), weights, "total")
    add(full_marks)
    add(_number(total_row, 6, show(project.total), shown(project.total), "total"))
    add(Cell(total_row, 7, f"自评等级：{project.grade}", "total"))
    own = own_score_cells(project, total_row + 1)
    cells += own
    explanations = [f"预算执行率：{project.execution_explanation}", *project.notes, *own_score_notes(project),
                    *(f"{line.position}. {with_colon(line.level3)}{line.explanation}" for line in lines)]
    return Grid(tuple(cells), total_row + 1 + (1 if own else 0), tuple(explanations),
                sheet_name(project.seq, project.name),
                # (the full marks, a digit longer than the column's marks, fit in its padding: measured, they widened
                # 分值 a unit, and 08's 年度总体目标 took a line more, its one-page form two pages)
                content_widths([cell for cell in cells if cell is not full_marks], WIDTHS),
                whose=(unit_text, project.name))


def own_score_cells(project: ProjectEvaluation, row: int) -> list[Cell]:
    """The row under the 总分 of a 自评表 that gives itself a total or a grade (its 自评得分, 评价等级: what the unit
    wrote and signed): 「表中自评得分 | 92.00 | 表中评价等级：优」, under our 得分 and 等级, as the project page's card
    says them. Until print22 the signed form printed perfbudget's 总分 alone. None for a table that writes neither."""
    if (project.table_total is None and not project.table_grade) or agreeing_own_score(project):
        return []
    total = project.table_total
    exact = total is None or shown(total) == total  # as written: 99.675 is not printed 99.68
    text = "" if total is None else show(total) if exact else format_decimal(total)
    return [Cell(row, 0, "表中自评得分", "total", colspan=5), Cell(row, 5, "", "total"),
            _number(row, 6, text, total, "total", "0.00" if exact else "0." + "0" * len(text.split(".")[1])),
            Cell(row, 7, f"表中评价等级：{project.table_grade}" if project.table_grade else "", "total")]


def agreeing_own_score(project: ProjectEvaluation) -> str:
    """「（与表中自评得分一致）」 after 总分 when the table's own 自评得分 and 评价等级, as far as it
    gives them, are the scoring's: the figures are said once, on the 总分 row, not in a second row
    repeating them (kinds35 read `08`'s own 100, and its one-page 自评表 printed over two pages, the
    second holding its 计分说明). Empty otherwise."""
    total_agrees = project.table_total is None or project.table_total == shown(project.total)
    grade_agrees = not project.table_grade or project.table_grade == project.grade
    if (project.table_total is None and not project.table_grade) or not (total_agrees and grade_agrees):
        return ""
    said = "、".join(name for name, given in (("自评得分", project.table_total is not None),
                                              ("评价等级", bool(project.table_grade))) if given)
    return f"（与表中{said}一致）"


def own_score_notes(project: ProjectEvaluation) -> list[str]:
    """A line of the 计分说明 where the table's own 自评得分 or 评价等级 differs from the scoring's."""
    ours = shown(project.total)
    notes = []
    if project.table_total is not None and project.table_total != ours:
        notes.append(f"表中自评得分 {format_decimal(project.table_total)} 分，按评分规则计算的总分为 {show(ours)} 分"
                     f"（相差 {format_decimal(abs(ours - project.table_total))} 分），请核对表中的分值、得分与执行率")
    if project.table_grade and project.table_grade != project.grade:
        notes.append(f"表中评价等级为「{project.table_grade}」，按计算的总分应为「{project.grade}」")
    return notes


SUMMARY_HEADERS = ("序号", "项目名称", "预算执行率得分", "总分", "自评等级")
OWN_SUMMARY_HEADERS = ("表中自评得分", "表中评价等级")


def shows_own_scores(evaluation: Evaluation) -> bool:
    """Whether a project's table gives itself a 自评得分 or 评价等级: the summary then prints them beside ours
    (print24; before, the 汇总 printed our 总分 alone where the signed forms print both)."""
    return any(p.table_total is not None or p.table_grade for p in evaluation.projects)


def summary_headers(evaluation: Evaluation) -> tuple[str, ...]:
    """The summary's columns: 序号, 项目名称, 预算执行率得分, 总分, 自评等级 and, when a table gives its own,
    表中自评得分 and 表中评价等级."""
    return SUMMARY_HEADERS + (OWN_SUMMARY_HEADERS if shows_own_scores(evaluation) else ())


def summary_rows(evaluation: Evaluation) -> list[tuple[str, ...]]:
    """(序号, 项目名称, 执行率得分, 总分, 等级[, 表中自评得分, 表中评价等级]) per project, as texts."""
    own = shows_own_scores(evaluation)
    return [(str(p.seq), p.name_cell or p.name, show(p.execution_score), show(p.total), p.grade)
            + ((show(p.table_total) if p.table_total is not None else "", p.table_grade or "") if own else ())
            for p in evaluation.projects]


def summary_values(evaluation: Evaluation) -> list[tuple[Any, ...]]:
    """The summary rows with numbers as numbers, for spreadsheets (an own score not given: an empty cell)."""
    own = shows_own_scores(evaluation)
    return [(p.seq, p.name_cell or p.name, shown(p.execution_score), shown(p.total), p.grade)
            + ((shown(p.table_total) if p.table_total is not None else None, p.table_grade or None) if own else ())
            for p in evaluation.projects]


def summary_title(evaluation: Evaluation) -> str:
    """The 汇总's printed title: 「项目支出绩效自评汇总表（2024年度）　预算单位：…」 (print24: it printed none)."""
    unit = (evaluation.unit_code or "") + (evaluation.unit_name or "")
    years = sorted({p.fund_year for p in evaluation.projects if p.fund_year})
    year = f"（{'、'.join(str(y) for y in years)}年度）" if years else ""
    return "　".join(part for part in (f"{evaluation_title(evaluation).removesuffix('表')}汇总表{year}",
                                        f"预算单位：{unit}" if unit else "") if part)
