"""The standard 项目支出绩效自评表 layout (rules.md §4) as a grid of cells, shared by the
xlsx, docx and html writers so that all three show the same table.

Eight columns. Header 项目名称/主管部门/实施单位; the funds block (年初预算数, 全年预算数,
全年执行数, 分值, 执行率, 得分 for 年度资金总额 / 其中：当年财政拨款 / 上年结转资金 / 其他资金);
年度总体目标 (预期目标 vs 实际完成情况); indicator rows 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 |
分值 | 得分 | 偏差原因分析及改进措施 (一级 and 二级 merged over their runs); 总分 with the grade.
Only the 年度资金总额 row carries the execution score: the sheet gives one executed amount.
"""

from __future__ import annotations

from dataclasses import dataclass

from perfbudget.evaluate.numbers import percent, plain, show
from perfbudget.evaluate.result import Evaluation, ProjectEvaluation

COLUMNS = 8
TITLE = "项目支出绩效自评表"
INDICATOR_HEADERS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                     "偏差原因分析及改进措施")
FUND_HEADERS = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
# Relative column widths (characters), used by all writers.
WIDTHS = (12, 14, 26, 14, 14, 8, 8, 30)


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell of the grid (0-based row and column).

    Attributes:
        kind: title | subtitle | label | header | text | number | total.
    """

    row: int
    col: int
    text: str
    kind: str = "text"
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Grid:
    """One project's table: its cells and row count, plus the explanations shown under it."""

    cells: tuple[Cell, ...]
    rows: int
    explanations: tuple[str, ...]
    sheet_name: str


def _money(value: object) -> str:
    from decimal import Decimal

    return plain(value) if isinstance(value, Decimal) else ""



def project_grid(evaluation: Evaluation, project: ProjectEvaluation) -> Grid:
    cells: list[Cell] = []
    add = cells.append
    unit = evaluation.money_unit or "万元"
    year = f"（{project.fund_year}年度）" if project.fund_year else ""
    add(Cell(0, 0, TITLE, "title", colspan=COLUMNS))
    add(Cell(1, 0, year, "subtitle", colspan=COLUMNS))
    add(Cell(2, 0, "项目名称", "label"))
    add(Cell(2, 1, project.name_cell or project.name, colspan=7))
    add(Cell(3, 0, "主管部门", "label"))
    add(Cell(3, 1, project.department or evaluation.unit_name or "", colspan=3))
    add(Cell(3, 4, "实施单位", "label"))
    add(Cell(3, 5, project.implementer or evaluation.unit_name or "", colspan=3))
    add(Cell(4, 0, f"项目资金（{unit}）", "label", rowspan=5))
    add(Cell(4, 1, "", "header"))
    for offset, header in enumerate(FUND_HEADERS):
        add(Cell(4, 2 + offset, header, "header"))
    rate = percent(project.execution_rate) if project.execution_rate is not None else ""
    fund_rows = (
        ("年度资金总额", _money(project.initial_budget), _money(project.budget), _money(project.executed),
         show(project.execution_weight), rate, show(project.execution_score)),
        ("其中：当年财政拨款", _money(project.fiscal), "", "", "—", "", "—"),
        ("上年结转资金", "", "", "", "—", "", "—"),
        ("其他资金", _money(project.other), "", "", "—", "", "—"),
    )
    for offset, values in enumerate(fund_rows):
        row = 5 + offset
        add(Cell(row, 1, values[0], "label"))
        for col, value in enumerate(values[1:], 2):
            add(Cell(row, col, value, "number"))
    add(Cell(9, 0, "年度总体目标", "label", rowspan=2))
    add(Cell(9, 1, "预期目标", "header", colspan=3))
    add(Cell(9, 4, "实际完成情况", "header", colspan=4))
    goals = "\n".join(f"{n}.{g}" for n, g in enumerate(project.goals, 1)) if len(project.goals) > 1 \
        else "".join(project.goals)
    add(Cell(10, 1, goals, colspan=3))
    add(Cell(10, 4, project.goal_result or "", colspan=4))
    for col, header in enumerate(INDICATOR_HEADERS):
        add(Cell(11, col, header, "header"))
    first = 12
    lines = project.indicators
    # 一级 and 二级 merged over runs of equal values.
    for level, key in ((0, lambda i: i.level1), (1, lambda i: (i.level1, i.level2))):
        start = 0
        while start < len(lines):
            end = start
            while end + 1 < len(lines) and key(lines[end + 1]) == key(lines[start]):
                end += 1
            text = lines[start].level1 if level == 0 else lines[start].level2
            add(Cell(first + start, level, text, "label", rowspan=end - start + 1))
            start = end + 1
    for offset, line in enumerate(lines):
        row = first + offset
        add(Cell(row, 2, line.level3))
        add(Cell(row, 3, line.target))
        add(Cell(row, 4, line.actual))
        add(Cell(row, 5, show(line.weight), "number"))
        add(Cell(row, 6, show(line.score), "number"))
        add(Cell(row, 7, line.deviation or ""))
    total_row = first + len(lines)
    add(Cell(total_row, 0, "总分", "total", colspan=5))
    add(Cell(total_row, 5, "100", "total"))
    add(Cell(total_row, 6, show(project.total), "total"))
    add(Cell(total_row, 7, f"自评等级：{project.grade}", "total"))
    explanations = [f"预算执行率：{project.execution_explanation}", *project.notes,
                    *(f"{line.position}. {line.level3}：{line.explanation}" for line in lines)]
    name = f"{project.seq}.{project.name}"
    for bad in "[]:*?/\\":
        name = name.replace(bad, "_")
    return Grid(tuple(cells), total_row + 1, tuple(explanations), name[:31])


def summary_rows(evaluation: Evaluation) -> list[tuple[str, str, str, str, str]]:
    """(序号, 项目名称, 执行率得分, 总分, 等级) per project."""
    return [(str(p.seq), p.name_cell or p.name, show(p.execution_score), show(p.total), p.grade)
            for p in evaluation.projects]
