"""The 绩效目标表 with its findings (:func:`target_table`), drawn in Python for the pages and templates.

A project page draws one table row per indicator with six cells and its findings; in Jinja each
cell was an attribute look-up, a subscript and an escape through the template runtime (about 200
escapes and 250 look-ups per page, and a macro call per finding list). Here each row is one
f-string, and the table around them (its title and header rows) another; the upload preview's
template calls :func:`target_table` as a global, the project page (:mod:`perfbudget.web.project_html`)
directly. The output is byte for byte what the Jinja macro ``target_table`` of ``_target_table.html`` drew
(with the environment's ``trim_blocks`` and ``lstrip_blocks``; the macro is kept in
``tests/web/test_project_html.py``, which renders both and compares, as ``tests/web/test_table_html.py`` does
for the rows), every value escaped as Jinja's autoescape does (:func:`perfbudget.web.html_text.text`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from markupsafe import Markup

from perfbudget.model import Document
from perfbudget.review.finding import Finding
from perfbudget.target import format_decimal
from perfbudget.vocabulary import severity_label
from perfbudget.web.annotate import AnnotatedTable, IndicatorLine
from perfbudget.web.html_text import text


def severity_html(severity: str) -> str:
    """The severity badge (as the ``severity`` macro of ``_macros.html``)."""
    return f'<span class="sev sev-{text(severity)}">{text(severity_label(severity))}</span>'


def finding_list(findings: Iterable[Finding]) -> Markup:
    """One paragraph per finding: severity, dimension, message and the suggestion when there is one."""
    return Markup("".join([_finding(f) for f in findings]))


def _finding(f: Finding) -> str:
    suggestion = f'<span class="suggest">建议：{text(f.suggestion)}</span>' if f.suggestion else ""
    return (f'<p class="finding">{severity_html(f.severity)} <strong>{text(f.dimension)}</strong> '
            f'{text(f.message)}{suggestion}</p>')


def _cell_class(value: str) -> str:
    """A cell's class escaped (nearly always ``""``: no finding in the cell)."""
    return text(value) if value else ""


def indicator_rows(lines: Iterable[IndicatorLine], findings_column: bool) -> Markup:
    """The table rows of the indicators: merged 一级/二级 cells, cell classes, the raw target on hover,
    and the findings cell when the table has the 审核发现 column."""
    parts = []
    for line in lines:
        cells = line.cell_class
        first = (f'<td rowspan="{line.level1_span}" class="{_cell_class(cells["level1"])}">{text(line.level1)}</td>'
                 if line.level1_span else "")
        second = (f'<td rowspan="{line.level2_span}" class="{_cell_class(cells["level2"])}">{text(line.level2)}</td>'
                  if line.level2_span else "")
        title = f' title="原文：{text(line.target_raw)}"' if line.raw_differs else ""
        found = line.findings
        found_cell = ((f'<td class="findings">{"".join([_finding(f) for f in found])}</td>' if found
                       else '<td class="findings"></td>') if findings_column else "")
        parts.append(
            f'  <tr id="indicator-{line.position}">\n{first}{second}'
            f'    <td class="{_cell_class(cells["level3"])} {_cell_class(cells["row"])}">{text(line.level3)}</td>\n'
            f'    <td colspan="2" class="{_cell_class(cells["description"])}">{text(line.description or "")}</td>\n'
            f'    <td class="target {_cell_class(cells["target"])}"{title}>{text(line.target)}</td>\n'
            f'{found_cell}  </tr>\n')
    return Markup("".join(parts))


# The columns' widths (%) the table's head and its indicators share: 一级, 二级, 三级, 绩效指标描述 (two), 指标值, and
# the 审核发现 column when the table has it
_COLUMNS = (10, 11, 19, 9, 9, 10, 32)
_COLUMNS_ALONE = (15, 16, 28, 13, 13, 15)


# A 一级 group at most this tall (points) is kept on one printed page (its tbody ``whole``): a third of a page or so,
# the room it may leave at the foot of the page before; a longer one begins where it falls (print19: the 部门整体 table
# 29's 产出指标 over 12 rows, kept whole, left page 1 two-thirds empty). Until faces-w six rows, whatever their height
WHOLE_GROUP_POINTS = 175.0
# a taller group is drawn as parts at most this tall, each kept on one page with its label (print33): parts of six
# rows left the foot of a page empty where the next six did not fit (the 部门整体 table 29's head printed alone on
# page 1, a third of it empty); until faces-w parts of four rows, whatever their height: r194's 产出指标, four rows
# with their findings, was kept whole and printed below its head's page, page 1 half empty
PART_POINTS = 120.0

# the printed page (style.css: A4 landscape, 10 mm side margins) and the table's type: 14 px (10.5 pt) lines of 1.55,
# the findings 13 px with 6 px under each, a cell's padding 6 px 8 px and its border
_PAGE_WIDTH_POINTS = (297 - 20) / 25.4 * 72
_LINE_POINTS = 10.5 * 1.55
_FINDING_POINTS = 9.75 * 1.55
_FINDING_GAP_POINTS = 4.5
_PAD_POINTS = 10.0


def _room(percent: int, points: float) -> float:
    """A column's room in :func:`perfbudget.writers.print_layout.text_width` units (half a character) at ``points``,
    less the 1.5 units :func:`perfbudget.writers.print_layout.lines_needed` leaves."""
    return (_PAGE_WIDTH_POINTS * percent / 100 - 13) / (points / 2) - 1.5


# (三级, 绩效指标描述, 指标值, 审核发现)'s room, by whether the table has the 审核发现 column
_ROOMS = {True: (_room(_COLUMNS[2], 10.5), _room(_COLUMNS[3] + _COLUMNS[4], 10.5), _room(_COLUMNS[5], 10.5),
                 _room(_COLUMNS[6], 9.75)),
          False: (_room(_COLUMNS_ALONE[2], 10.5), _room(_COLUMNS_ALONE[3] + _COLUMNS_ALONE[4], 10.5),
                  _room(_COLUMNS_ALONE[5], 10.5), 1.0)}
_SEVERITY_UNITS = 6  # 「警告 」: a finding's badge and the spaces around its dimension


def _lines(text: str, room: float, more: int = 0) -> int:
    """The lines ``text`` takes in a cell ``room`` units wide, wrapped, as
    :func:`perfbudget.writers.print_layout.lines_needed` counts them, but a character's width taken from its UTF-8
    length (an ASCII one 1, a CJK or full-width one 2) and a line break as a line more: measured a character at a
    time, r194's project page took 1.2 M instructions more to draw (its page 2.2 M before); ``more``: units besides."""
    return max(1, math.ceil(((len(text) + len(text.encode())) / 2 + more) / room)) + text.count("\n")


def line_points(line: IndicatorLine, findings_column: bool) -> float:
    """The printed height of an indicator's row: its longest cell's lines at the page's column widths (三级,
    绩效指标描述, 指标值; the findings, a paragraph each, when the table has the column), as
    :func:`perfbudget.writers.evaluation_html.heading_lines` counts a heading's."""
    level3, description, target, found = _ROOMS[findings_column]
    points = max(_lines(line.level3, level3), _lines(line.description or "", description),
                 _lines(line.target, target)) * _LINE_POINTS
    if findings_column and line.findings:
        points = max(points, sum((_lines(f.message, found, _SEVERITY_UNITS + 2 * len(f.dimension))
                                  + (_lines(f.suggestion, found, 6) if f.suggestion else 0)) * _FINDING_POINTS
                                 + _FINDING_GAP_POINTS for f in line.findings))
    return points + _PAD_POINTS


def level1_groups(lines: Sequence[IndicatorLine], findings_column: bool = True) -> list[Sequence[IndicatorLine]]:
    """The indicators in runs under one merged 一级 cell (a line with a ``level1_span`` begins one), each drawn as a
    ``<tbody>``, which the page's print style keeps on one page when it is at most :data:`WHOLE_GROUP_POINTS` tall
    (print32: Chromium printed a 一级/二级 label merged over rows crossing a page on the first page only, the rows on
    the next under blank cells). A taller group is drawn as parts at most :data:`PART_POINTS` tall (:func:`_parts`),
    each with its label again (print33: a 12-row 产出指标 crossing a page printed its label on its first page only)."""
    return [part for part, _whole in _measured_groups(lines, findings_column)]


def _measured_groups(lines: Sequence[IndicatorLine], findings_column: bool) -> list[tuple[Sequence[IndicatorLine],
                                                                                          bool]]:
    """:func:`level1_groups`, each with whether it is kept whole (:func:`kept_whole`), every row measured once."""
    starts = [index for index, line in enumerate(lines) if line.level1_span or not index]
    if not starts:  # (a table without indicators: a 监控表 uploaded to import is shown with none)
        return []
    heights = [line_points(line, findings_column) for line in lines]
    return [measured for first, end in zip(starts, [*starts[1:], len(lines)], strict=True)
            for measured in _parts(lines[first:end], heights[first:end])]


def _parts(group: Sequence[IndicatorLine], heights: Sequence[float]) -> list[tuple[Sequence[IndicatorLine], bool]]:
    """A 一级 group taller than :data:`WHOLE_GROUP_POINTS` cut into parts at most :data:`PART_POINTS` tall (a row
    taller alone is a part), where a 二级 run begins when one does within reach; each part's first line carries the
    一级 (and a 二级 cut by the part) merged over the part's rows, classed ``again`` after the first part (the screen
    shows the group as one merged cell). Each with whether it is kept whole."""
    if sum(heights) <= WHOLE_GROUP_POINTS:
        return [(group, True)]
    parts: list[tuple[Sequence[IndicatorLine], bool]] = []
    first = 0
    while first < len(group):
        end, tall = first + 1, heights[first]
        while end < len(group) and tall + heights[end] <= PART_POINTS:
            tall += heights[end]
            end += 1
        if end < len(group):
            runs = [k for k in range(first + 2, end + 1) if group[k].level2_span]  # (a part of one row: not)
            end = runs[-1] if runs else end
        parts.append((_part(group, first, end), sum(heights[first:end]) <= WHOLE_GROUP_POINTS))
        first = end
    return parts


def _part(group: Sequence[IndicatorLine], first: int, end: int) -> list[IndicatorLine]:
    lines = [replace(line, level2_span=end - k) if line.level2_span > end - k else line  # (a run cut by the end)
             for k, line in enumerate(group[first:end], first)]
    head = lines[0]
    classes = dict(head.cell_class)
    if first:
        classes["level1"] = f'{classes.get("level1", "")} again'.lstrip()
        if not head.level2_span:  # a 二级 run cut by the part: its label drawn again too
            classes["level2"] = f'{classes.get("level2", "")} again'.lstrip()
    run = next((k for k in range(1, len(lines)) if lines[k].level2_span), len(lines))
    lines[0] = replace(head, level1_span=len(lines), level2_span=run, cell_class=classes)
    return lines


def _indicator_bodies(lines: Sequence[IndicatorLine], findings_column: bool) -> str:
    groups = _measured_groups(lines, findings_column)
    if not groups:
        return "<tbody>\n</tbody>"
    return "".join(f'<tbody class="level1{" whole" if whole else ""}">\n'
                   f'{indicator_rows(group, findings_column)}</tbody>' for group, whole in groups)


def kept_whole(group: Sequence[IndicatorLine], findings_column: bool) -> bool:
    """Whether a group's (or part's) ``<tbody>`` is kept on one printed page: at most :data:`WHOLE_GROUP_POINTS`."""
    return sum(line_points(line, findings_column) for line in group) <= WHOLE_GROUP_POINTS


def decimal_text(value: Decimal | None) -> str:
    """A decimal as the tables write it (the templates' ``dec`` filter); empty for None."""
    return "" if value is None else format_decimal(value)


_HEADER_ROWS = ("name", "budget", "purpose", "goals")


def _money_unit(unit: str | None) -> str:
    """The money unit over the table as the table says it (「单位：元」); a table naming none is said so, not taken for
    万元 (the page printed 「单位：万元」 over a table of unknown unit until print20)."""
    return f"单位：{text(unit)}" if unit else "金额单位未注明"


def _findings_cell(table: AnnotatedTable, row: str) -> str:
    found = table.header[row]
    return f'<td class="findings">{finding_list(found) if found else ""}</td>'


def target_table(table: AnnotatedTable, document: Document, findings_column: bool = True) -> Markup:
    """The standard 绩效目标表 with the review findings beside the cells they concern (a 审核发现 column
    when ``findings_column``), the findings without a place in a card below it.

    Drawn as the downloads draw it (print20): its head (unit line … 绩效目标) and its indicators, two tables of the same
    columns (``table-layout: fixed``), the indicator header row (一级指标 … 指标值) the ``<thead>`` of the second, which
    a browser prints again at the top of every page the indicators run over; both in ``div#target-table``. As one
    table the header row stood in its middle, printed once."""
    p = table.project
    classes = table.header_class
    name = p.name_cell or p.name
    title = text(p.title) if p.title else f"{text(name)}绩效目标表"
    budget = p.budget
    goals = "<br>".join(f"{i}.{text(g)}" for i, g in enumerate(p.goals, 1))
    column = "<th>审核发现</th>" if findings_column else ""
    cells = ({row: _findings_cell(table, row) for row in _HEADER_ROWS} if findings_column
             else dict.fromkeys(_HEADER_ROWS, ""))
    loose = (f'<div class="card"><h2>其他审核发现</h2>{finding_list(table.loose)}</div>' if table.loose else "")
    columns = _COLUMNS if findings_column else _COLUMNS_ALONE
    colgroup = "<colgroup>" + "".join(f'<col style="width:{w}%">' for w in columns) + "</colgroup>"
    return Markup(
        f'<div class="table-title">{title}</div>\n'
        f'<div class="target-pair" id="target-table">\n<table class="target-table target-head">{colgroup}\n'
        f'  <tr><td colspan="5">{text(document.unit.code or "")}{text(document.unit.name or "")}</td>'
        f'<td colspan="1" class="num">{_money_unit(document.money_unit)}</td>{column}</tr>\n'
        f'  <tr><th>项目名称</th><td colspan="5" class="{text(classes["name"])}">{text(name)}</td>'
        f'{cells["name"]}</tr>\n'
        f'  <tr><th rowspan="2">预算规模及资金用途</th><th>预算数</th><td class="num {text(classes["budget"])}">'
        f'{text(decimal_text(budget.total))}</td><th>其中：财政资金</th>'
        f'<td class="num">{text(decimal_text(budget.fiscal))}</td>'
        f'<td>其他资金 {text(decimal_text(budget.other))}</td>{cells["budget"]}</tr>\n'
        f'  <tr><td colspan="5" class="{text(classes["purpose"])}">{text(p.purpose or "")}</td>'
        f'{cells["purpose"]}</tr>\n'
        f'  <tr><th>绩效目标</th><td colspan="5" class="{text(classes["goals"])}">{goals}</td>{cells["goals"]}</tr>\n'
        f'</table>\n<table class="target-table target-indicators">{colgroup}\n'
        '  <thead><tr class="indicator-head"><th>一级指标</th><th>二级指标</th><th>三级指标</th>'
        '<th colspan="2">绩效指标描述</th><th>指标值</th>'
        f'{"<th></th>" if findings_column else ""}</tr></thead>\n'
        f'{_indicator_bodies(table.lines, findings_column)}</table>\n</div>\n{loose}')
