"""The 项目支出绩效目标表 as a standalone HTML page, one ``<table>`` per project.

Layout from :mod:`perfbudget.writers.target_table_layout`, merged cells as
``rowspan``/``colspan``. The page declares UTF-8 and a Chinese font stack
(宋体/SimSun first) so that it prints like the Word table; printed from a browser it is A4 with
page numbers. As in the Word form, a project's table is drawn as two tables of the same columns (the
Word form's widths): its head (unit line … 绩效目标) and its indicators, whose header row (一级指标 …) is
the ``<thead>``, repeated on every page the indicators run over
(:data:`perfbudget.writers.print_layout.PRINT_CSS`). Before print14 the whole head block was the
``<thead>``: a head of 16 rows (a 自评 form's funds lines) was taller than Chromium repeats, and page 2
printed without any header. Each project begins a page, and its indicators are cut into a table a printed page as
computed (:func:`page_starts`), so that a 一级/二级 label merged over rows crossing a page is drawn on each (since
print23; Chromium repeats a ``<thead>``, never a ``rowspan``'s text).
"""

from __future__ import annotations

import math
from html import escape
from itertools import pairwise, product

from perfbudget.model import Document
from perfbudget.readers.grid import CONTINUED_TABLE
from perfbudget.steps import Steps, quiet_steps
from perfbudget.vocabulary import DOCUMENT_KIND_LABELS
from perfbudget.writers.evaluation_html import HTML_LINE_POINTS, HTML_PAGE_SHARE
from perfbudget.writers.print_layout import (
    FIGURE,
    PRINT_CSS,
    SIGN_CSS,
    head_page_starts,
    html_page_rule,
    row_heights,
    running_head,
    split_at_pages,
    text_width,
)
from perfbudget.writers.target_table_docx import column_widths, indicator_split
from perfbudget.writers.target_table_layout import (
    MIN_WIDTH,
    GridCell,
    ProjectGrid,
    told_grids,
)

STYLE = """
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; }
h2 { font-size: 12pt; text-align: center; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
table.head { margin-bottom: 0; break-after: avoid; }
table.head, table.indicators, table.whole { table-layout: fixed; }
table.indicators { margin-top: -1px; }
td { overflow-wrap: anywhere; }
td, th { border: 1px solid #000; padding: 3px 5px; vertical-align: middle; line-height: 1.45; }
.c { text-align: center; text-wrap: balance; }
.b { font-weight: bold; }
.w { word-break: keep-all; }
""" + PRINT_CSS


# The 绩效目标表 page printed by Chromium: A4 portrait less PRINT_CSS's margins and the body's 8 px; the heading (12 pt,
# 1.5em above and 0.5em below) over each project's table, which begins a page
PAGE_POINTS = (841.9 - 31 / 25.4 * 72, 595.3 - 24 / 25.4 * 72 - 12)
# a table of more columns than the standard form's prints on A4 landscape (print24; the standard form's seven printed
# portrait since print15, though its Word form is landscape by its widths)
LANDSCAPE_POINTS = (595.3 - 31 / 25.4 * 72, 841.9 - 24 / 25.4 * 72 - 12)
HEADING_POINTS = 42.0
# A row's padding and rule: 3 px above and below, a 1 px border (print28: the 自评表 page's 7 pt before, and an empty
# row a line tall: the sample 13's page left its last row alone on page 2, the first ending 187 pt above its foot)
PAD_POINTS = 5.5


def wide(grid: ProjectGrid) -> bool:
    """A table of more columns than the standard form's (指标值类型, 评分标准, 度量单位 …): printed on A4 landscape
    (print24: the nine columns of a Hunan 部门整体 table broke 「28.8万元」 a character or two a line in portrait)."""
    return grid.width > MIN_WIDTH


# A cell's padding and borders in points (5 px a side and 1 px of border), and a point to spare for the rounding of
# a browser's layout
CELL_POINTS = 10.0
LABEL_CHARS = 4  # a text of up to this many characters a line is never broken: 一级指标, 数量指标, 预算单位
POINTS_A_UNIT = 5.25  # a width unit (print_layout.text_width): half a 10.5 pt CJK character


# where a label parts into words: after its punctuation (「其中：」 | 「财政资金」) but a colon, slash or comma between
# figures (「10:00」, 「3,359」), before a bracket (「项目资金」 | 「（万元）」)
_CUT_AFTER = "：:、，,；;/）)"
_CUT_BEFORE = "（("


def word_lines(text: str) -> tuple[str, str] | None:
    """A label in the two lines it is printed in, parted where its words part (after a punctuation mark not beside a
    digit, before a bracket; the break leaving the shorter longer line: 「其中：」 | 「财政资金」), or None where it has
    no such place: a label of up to eight characters, or a longer one with one such place and lines of up to eight
    (「其中：」 | 「当年财政拨款」). Its cell breaks only there (``word-break: keep-all``, class ``w``,
    :func:`word_cell`): until print38 the column was sized for its first half, 「其中：财」, and Chromium broke
    「其中：财 / 政资金」 inside the word (r109, r85)."""
    if "\n" in text:
        return None
    cuts = [at for at in range(1, len(text)) if text[at] in _CUT_BEFORE or (
        text[at - 1] in _CUT_AFTER and not text[at].isdigit() and not (at > 1 and text[at - 2].isdigit()))]
    if not cuts or (len(text) > 2 * LABEL_CHARS and len(cuts) > 1):
        return None
    at = min(cuts, key=lambda cut: max(text_width(text[:cut]), text_width(text[cut:])))
    return (text[:at], text[at:]) if max(at, len(text) - at) <= 2 * LABEL_CHARS else None


def word_cell(spec: GridCell) -> tuple[str, str] | None:
    """:func:`word_lines` of a head's or label's cell (bold, or ``label``) longer than a line of
    :data:`LABEL_CHARS`; None for any other (a target 「≤475元/亩」, 「10:00前」 breaks where its column ends: print38
    cut every short cell at its punctuation, 「≤475元/ | 亩」)."""
    return word_lines(spec.text) if (spec.bold or spec.label) and len(spec.text) > LABEL_CHARS else None


def column_shares(grid: ProjectGrid) -> list[float]:
    """The columns' shares of the printed table's width: the Word form's widths (``column_widths``), each column at
    least as wide as its cells of one column hold on one line a text of up to four characters (一级指标, 二级指标,
    数量指标) and in two a text of up to eight (其中：财政资金), a figure on one line (print35: r186's 财政资金
    「1125.00」 printed 「1125.0 / 0」 in portrait), the room taken from the columns wider than their own floor.
    Until print26 the shares were the Word form's alone: printed portrait, a 部门整体 table whose first column is
    wide for its labels (部门职能职责概述) left 二级指标 49 pt, and 「二级指标」, 「数量指标」 broke 「二级指 / 标」;
    the seed's 「其他资金」 broke 「其他资 / 金」."""
    widths = column_widths(grid)
    _, page_width = LANDSCAPE_POINTS if wide(grid) else PAGE_POINTS
    points = [page_width * width / sum(widths) for width in widths]
    floors = [0.0] * len(points)
    for spec in grid.cells:
        text = spec.text
        figure = FIGURE.match(text) is not None  # on one line whole (print35: r186's 「1125.0 / 0」)
        words = word_cell(spec)
        if spec.colspan != 1 or not text or "\n" in text or spec.col >= len(points) or (
                len(text) > 2 * LABEL_CHARS and not figure and not words):
            continue
        line = text if len(text) <= LABEL_CHARS or figure else max(words, key=text_width) if words else \
            text[:-(-len(text) // 2)]
        floors[spec.col] = max(floors[spec.col], text_width(line) * POINTS_A_UNIT + CELL_POINTS)
    need = sum(max(0.0, floor - point) for floor, point in zip(floors, points, strict=True))
    spare = sum(max(0.0, point - floor) for floor, point in zip(floors, points, strict=True))
    if need <= 0 or spare <= need:
        return [point / page_width for point in points]
    shared = [floor if point < floor else point - (point - floor) * need / spare
              for floor, point in zip(floors, points, strict=True)]
    return [point / page_width for point in shared]


def _row_points(grid: ProjectGrid) -> tuple[list[float], float]:
    """The grid's rows' computed heights on its printed page (at the 自评表 page's line heights) and the room of a
    page for them."""
    height, width = LANDSCAPE_POINTS if wide(grid) else PAGE_POINTS
    units = [width * share / POINTS_A_UNIT for share in column_shares(grid)]
    heights = row_heights(((s.row, s.col, s.rowspan, s.colspan, s.text) for s in grid.cells), units, grid.rows,
                          HTML_LINE_POINTS, PAD_POINTS)
    written = {row for s in grid.cells if s.text.strip() for row in range(s.row, s.row + s.rowspan)}
    return [height if row in written else PAD_POINTS for row, height in enumerate(heights)], height * HTML_PAGE_SHARE


# A table computed at most this much taller than its page is printed on the one page at the scale that fits it
# (print29): 90 % of 10.5 pt is 9.5 pt, as readable as the workbooks fitted to a page (print_layout.READABLE_SCALE)
LEAST_PRINT_SCALE = 0.9


def pages(grid: ProjectGrid) -> tuple[float, list[int]]:
    """The grid's print scale (:func:`print_scale`) and the rows that start its printed pages (:func:`page_starts`),
    from one computation of its rows' heights."""
    split = indicator_split(grid)
    if not split:
        return 1.0, []
    heights, room = _row_points(grid)
    heading = HEADING_POINTS if grid.heading else 0.0
    total = sum(heights) + heading
    if room < total and total * LEAST_PRINT_SCALE <= room:
        return math.floor(100 * room / total) / 100, []
    # (a head that runs over its first page is cut too, and the indicators' pages counted from there: print30)
    return 1.0, head_page_starts(heights, room, split, grid.rows, heading,
                                 [(s.row, s.rowspan) for s in grid.cells if s.row < split])


def print_scale(grid: ProjectGrid) -> float:
    """The scale (CSS ``zoom``, in print only) at which the project's heading and table print on one page: 1 when
    they fit at full size or do not fit at :data:`LEAST_PRINT_SCALE` (then cut into pages, :func:`page_starts`),
    else the page's room over the table's computed height, rounded down to a hundredth. Until print29 a table a
    little taller than its page was cut: the sample 14's page printed its last two 满意度 rows alone on page 2 (its
    16 indicators computed at 761 pt for 731 of room; Chromium set them in less, page 1 ending 55 pt above its
    foot)."""
    return pages(grid)[0]


def page_starts(grid: ProjectGrid) -> list[int]:
    """The grid's rows that start a printed page of the page (:func:`print_layout.indicator_page_starts`, at the
    自评表 page's line heights): each project begins a page, its heading above its table; none when the table prints
    on one page at its :func:`print_scale`. Chromium repeats a ``<thead>`` but prints a ``rowspan`` cell's text on
    its first page only, so that the rows on the next page stood under blank 一级/二级 cells until print23."""
    return pages(grid)[1]


def table_html(grid: ProjectGrid, paged: bool = False, starts: list[int] | None = None) -> str:
    """One project's table as an HTML ``<table>`` (texts escaped); ``paged``: its indicators a table a printed page
    as computed (:func:`page_starts`, or ``starts`` when given), each after the first on a new page with the header
    row as its ``<thead>``, a label merged over rows of two pages drawn in each (the 绩效目标表 download; a unit's
    public page, of several kinds of table, is not paged)."""
    starts = (page_starts(grid) if starts is None else starts) if paged else []
    by_row: dict[int, list[tuple[int, str]]] = {}
    covered = {(row, col) for spec in grid.cells for row in range(spec.row, spec.row + spec.rowspan)
               for col in range(spec.col, spec.col + spec.colspan)}
    for row, col in product(range(grid.rows), range(grid.width)):
        if (row, col) not in covered:  # (an empty cell drawn: a row of fewer cells, the funds grid's, had no rules)
            by_row.setdefault(row, []).append((col, "<td></td>"))
    for spec in sorted(grid.cells, key=lambda s: (s.row, s.col)):
        attrs = []
        if spec.colspan > 1:
            attrs.append(f' colspan="{spec.colspan}"')
        classes = " ".join(name for name, on in (("c", spec.center), ("b", spec.bold),
                                                 ("w", word_cell(spec) is not None)) if on)
        if classes:
            attrs.append(f' class="{classes}"')
        if spec.title:
            attrs.append(f' title="原文：{escape(spec.title)}"')
        body = "<br>".join(escape(line) for line in spec.text.split("\n"))
        for part_row, part_rows in split_at_pages(spec.row, spec.rowspan, starts):
            span = f' rowspan="{part_rows}"' if part_rows > 1 else ""
            by_row.setdefault(part_row, []).append((spec.col, f"<td{span}{''.join(attrs)}>{body}</td>"))
    rows = [f"<tr>{''.join(cell for _, cell in sorted(by_row.get(r, []), key=lambda c: c[0]))}</tr>"
            for r in range(grid.rows)]
    split = indicator_split(grid)
    columns = "<colgroup>" + "".join(f'<col style="width:{100 * share:.1f}%">' for share in column_shares(grid)) \
        + "</colgroup>"
    if not split:  # one table, of the Word form's widths too (print34: the browser's own widths squeezed the labels'
        # column of corpus 80, a 部门整体 table without indicator rows, to two characters: 「总体资 / 金情 / 况：」)
        return f'<table class="whole">{columns}\n' + "\n".join(rows) + "\n</table>"
    cuts = [start for start in starts if start < split]  # (a head cut where it runs over its page: print30)
    parts = []
    for first, end in pairwise([0, *cuts, split]):
        label = f' aria-label="{CONTINUED_TABLE}" style="break-before:page"' if first else ""
        parts.append(f'<table class="head"{label}>{columns}\n' + "\n".join(rows[first:end]) + "\n</table>")
    for first, end in pairwise([split, *(start for start in starts if start > split), grid.rows]):
        # each titled 续表, read back as the table it continues with no note (as the Word parts are); the parts after
        # the first on a new page, the first too when the head ends a page
        broken = ' style="break-before:page"' if first in starts else ""
        parts.append(f'<table class="indicators" aria-label="{CONTINUED_TABLE}"{broken}>{columns}\n'
                     f'<thead>\n{rows[split]}\n</thead>\n<tbody>\n'
                     + "\n".join(rows[max(first, split + 1):end]) + "\n</tbody>\n</table>")
    return "\n".join(parts)


def target_table_html(document: Document, original: bool = False, steps: Steps = quiet_steps) -> bytes:
    """The document's project tables as an HTML page (UTF-8 bytes); ``original`` keeps targets as typed."""
    title = "项目支出" + DOCUMENT_KIND_LABELS.get(document.kind, "绩效目标表")  # 绩效目标表, 绩效自评表, 绩效监控表
    unit = f"{document.unit.code or ''}{document.unit.name or ''}"
    # each project's pages a named page whose top margin names the unit and the project (print24)
    grids = told_grids(document, original, steps)
    # a table too wide for portrait on a landscape page (print24: 「28.8万元」 broke a character a line in portrait)
    rules = "".join(html_page_rule(f"p{index}", running_head(unit, project.name), wide(grid))
                    for index, (project, grid) in enumerate(zip(document.projects, grids, strict=True)))
    # a table a little taller than its page printed on it at a smaller scale (print29)
    plans = [pages(grid) for grid in grids]
    rules += "".join(f"@media print{{.p{index}{{zoom:{scale}}}}}"
                     for index, (scale, _) in enumerate(plans) if scale < 1)
    parts = [f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
             f"<style>{STYLE}{SIGN_CSS}{rules}</style>\n</head>\n<body>"]
    for index, grid in enumerate(grids):
        # each project begins a page, as the provincial forms print (since print23)
        broken = ' style="break-before:page"' if index else ""
        parts.append(f'<div class="p{index}" style="page:p{index}">')
        parts.append(f"<h2{broken}>{escape(grid.heading)}</h2>" if grid.heading else f"<h2{broken}></h2>")
        parts.append(table_html(grid, paged=True, starts=plans[index][1]))
        parts.append("</div>")
        steps("写出", index + 1, len(grids))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts).encode("utf-8")
