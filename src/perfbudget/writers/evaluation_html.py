"""The 项目支出绩效自评表 as a self-contained HTML page (every text escaped), one table per
project in the standard layout, with the scoring explanations under each table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from html import escape
from itertools import pairwise

from perfbudget.evaluate.result import Evaluation, ProjectEvaluation
from perfbudget.readers.grid import CONTINUED_TABLE
from perfbudget.writers.evaluation_layout import (
    Grid,
    evaluation_title,
    project_grid,
    shows_own_scores,
    summary_headers,
    summary_rows,
)
from perfbudget.writers.print_layout import (
    PRINT_CSS,
    SIGN_CSS,
    head_page_starts,
    html_page_rule,
    lines_needed,
    row_heights,
    running_head,
    split_at_pages,
    text_width,
)

CSS = """
body{font-family:"SimSun","宋体","Songti SC","Noto Serif CJK SC",serif;margin:2em;color:#000}
table{border-collapse:collapse;width:100%;margin-bottom:1em;table-layout:fixed}
table.head{margin-bottom:0;break-inside:avoid}table.indicators{margin-top:-1px}
td,th{border:1px solid #000;padding:4px 6px;font-size:10.5pt;line-height:1.45;vertical-align:middle;
white-space:pre-wrap;overflow-wrap:anywhere}
.summary td:not(:nth-child(2)){text-align:center}
.title{border:none;font-size:16pt;font-weight:bold;text-align:center}
.subtitle{border:none;text-align:center}
.header,.label,.total{font-weight:bold;text-align:center;text-wrap:balance}.header{background:#f2f2f2}
.number{text-align:center}.money{text-align:right}
section{page-break-after:always;margin-bottom:3em}
.notes{font-size:9pt}.notes ul{list-style:none;padding-left:0}
.notes strong{display:block;break-after:avoid}
h1{text-wrap:balance;word-break:keep-all}
""" + PRINT_CSS
# (the heading of more than a line breaks where its words part, 「…人民检察院 / 项目支出绩效运行监控（2024年1-6月）」:
# print29 found 「…（2024年1- / 6月）」)
# The 自评表 page alone prints landscape, as its Word and Excel forms do: eight columns in portrait
# left 执行率 「91.18%」 wider than its column (a unit's public page, mixing tables, stays portrait).
LANDSCAPE = "@page{size:A4 landscape}"
SUMMARY_WIDTHS = (7, 51, 16, 12, 14)
OWN_SUMMARY_WIDTHS = (6, 38, 13, 9, 10, 12, 12)  # with the tables' own 自评得分 and 评价等级 (print24)


# The 自评/监控 page printed by a browser: A4 landscape less PRINT_CSS's margins, the body's 2em margins (12 pt type);
# a cell's text of 10.5 pt on lines of 1.45 (15.2 pt whatever the font: since print28 the style says so, where the
# font's normal line height was Noto CJK's 1.45 and 宋体's less) and 4 px padding, the page filled to 97 % (92 % and
# 15.5 pt a line before print28: Chromium set the sample 13's 绩效目标表 rows 2–3 pt shorter a row than computed)
PAGE_POINTS = (595.3 - 31 / 25.4 * 72, 841.9 - 24 / 25.4 * 72 - 48)
HTML_LINE_POINTS = 15.3
HTML_PAD_POINTS = 7.0
HTML_PAGE_SHARE = 0.97
# The 自评/监控 page's rows as Chromium sets them (print32, measured on r102's page): a cell's 4 px padding above and
# below and its 1 px rule are 6.75 pt (7 counted before), the 16 pt title's row 28.5 pt (36); so counted, its pages
# are filled to 98 %: r102's page 1 held its head and one indicator, 15 pt of the computed page unused where the
# next indicator's 22 pt fitted (its printed page 1 ended 38 pt above its foot)
EVALUATION_PAD_POINTS = 6.75
EVALUATION_TITLE_POINTS = 28.5
EVALUATION_PAGE_SHARE = 0.98


def page_starts_html(grid: Grid, lead: float = 0.0) -> list[int]:
    """The grid's rows that start a printed page of the page (:func:`print_layout.page_starts`), ``lead`` points of
    the first page taken above the table (the page's heading and summary), the 总分 rows kept with the last
    indicator. Chromium repeats a ``<thead>`` but prints a ``rowspan`` cell's text on its first page only, so that
    the rows on the next page stood under blank 一级/二级 cells until print22."""
    height, width = PAGE_POINTS
    total = sum(grid.widths)
    units = [width * w / total / 5.25 for w in grid.widths]  # a width unit: half a 10.5 pt CJK character
    heights = row_heights(((c.row, c.col, c.rowspan, c.colspan, c.text) for c in grid.cells if c.kind != "title"),
                          units, grid.rows, HTML_LINE_POINTS, EVALUATION_PAD_POINTS)
    heights[0] = EVALUATION_TITLE_POINTS
    totals = min((c.row for c in grid.cells if c.kind == "total" and c.row > grid.header_row), default=grid.rows)
    # (a head that does not fit under the lead with the first indicator is cut, at the top of a merged cell, and the
    # indicators' pages counted from there: print37, as the 绩效目标表 page since print30)
    return head_page_starts(heights, height * EVALUATION_PAGE_SHARE, grid.header_row, totals, lead,
                            [(c.row, c.rowspan) for c in grid.cells if c.row < grid.header_row])


def grid_section(grid: Grid, section_id: str, lead: float | None = None, page: str | None = None) -> str:
    """A project's grid (:class:`~perfbudget.writers.evaluation_layout.Grid`) with its explanations, as an HTML
    ``<section>``: the head and the indicators as tables of the same columns, the indicator header row
    (一级指标 …) the ``<thead>`` of each indicator table, which a browser repeats on every printed page; the
    indicators a table a printed page of the landscape 自评/监控 page as computed (:func:`page_starts_html`), ``lead``
    points of the first page taken above the section; one table when ``lead`` is None (a unit's public page, portrait
    and of several kinds of table, is not paged here); ``page``: the section's named page (:func:`page_rules`)."""
    total = sum(grid.widths)
    columns = "<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in grid.widths) \
        + "</colgroup>"
    by_row: dict[int, list[str]] = {}
    split = grid.header_row
    starts = page_starts_html(grid, lead) if lead is not None else []
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        title = f' title="原文：{escape(cell.title)}"' if cell.title else ""
        text = escape(cell.text).replace("\n", "<br>")  # kept when the page is read or copied as text
        # a label over rows crossing a computed page is drawn again on the next, as the workbooks and Word do
        for part_row, part_rows in split_at_pages(cell.row, cell.rowspan, starts):
            span = (f' rowspan="{part_rows}"' if part_rows > 1 else "") + \
                   (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
            by_row.setdefault(part_row, []).append(f'<td class="{cell.kind}"{span}{title}>{text}</td>')
    rows = ["<tr>" + "".join(by_row.get(row, [])) + "</tr>" for row in range(grid.rows)]
    named = f' style="page:{page}"' if page else ""
    cuts = [start for start in starts if start < split]  # the head cut where it runs over its page
    parts = [f'<section id="{section_id}"{named}>']
    for first, end in pairwise([0, *cuts, split]):
        # each part of the head after the first on a new page, titled 续表 as the indicator tables are
        later = f' aria-label="{CONTINUED_TABLE}" style="break-before:page"' if first else ""
        parts += [f'<table class="head"{later}>{columns}', *rows[first:end], "</table>"]
    bounds = [split, *(start for start in starts if start > split), grid.rows]
    for first, end in pairwise(bounds):
        # the indicators a table a page as computed, each after the first on a new page; the header row each
        # one's <thead> (repeated on a page it runs over)
        broken = ' style="break-before:page"' if first > split else ""
        parts += [f'<table class="indicators" aria-label="{CONTINUED_TABLE}"{broken}>{columns}<thead>', rows[split],
                  "</thead><tbody>", *rows[max(first, split + 1):end], "</tbody></table>"]
    parts.append(f'<div class="notes"><strong>{escape(grid.notes_title)}</strong><ul>')
    parts.extend(f"<li>{escape(line)}</li>" for line in grid.explanations)
    parts.append("</ul></div></section>")
    return "\n".join(parts)


def project_section(evaluation: Evaluation, project: ProjectEvaluation, original: bool = False,
                    lead: float | None = None) -> str:
    """One project's 自评表 with its scoring explanations, as an HTML ``<section>`` (:func:`grid_section`)."""
    return grid_section(project_grid(evaluation, project, original), f"project-{project.seq}", lead)


# The page's heading (h1: 24 pt, the browser's default) as Chromium sets it: 35 pt a line
HEADING_SIZE_POINTS, HEADING_LINE_POINTS = 24.0, 35.0


def heading_lines(heading: str) -> int:
    """The lines the page's heading takes across the page: it breaks only where its words part (``keep-all``), a
    word longer than a line where it must. 「255101天津市和平区人民检察院 项目支出绩效运行监控（2024年1-6月）」 is
    two."""
    room = PAGE_POINTS[1] / (HEADING_SIZE_POINTS / 2)  # in width units (print_layout.text_width): half a character
    lines, used = 0, room
    for word in heading.split():
        width = text_width(word)
        if lines and used + 1 + width <= room:
            used += 1 + width
            continue
        lines += lines_needed(word, room)
        used = width % room if width > room else width
    return max(1, lines)


def summary_lead(summary: Sequence[Sequence[str]], widths: Sequence[int], heading: str = "") -> float:
    """The points of the first printed page that :func:`grids_page` takes above the first section: its heading
    (35 pt a line, :func:`heading_lines`) and the 汇总 table, each row as tall as its longest cell's lines (each
    section after the first begins a page). Until print34 the heading was counted a line: the seed's 监控表 page,
    whose heading is two, printed its 成本指标 row alone on page 2 (Chromium's page 1 ran over before the computed
    break), the 效益指标 rows on page 3."""
    units = [PAGE_POINTS[1] * width / 100 / 5.25 for width in widths]
    rows = sum(max(lines_needed(text, unit) for text, unit in zip(values, units, strict=False)) * HTML_LINE_POINTS
               + HTML_PAD_POINTS for values in summary)
    return 24 + HEADING_LINE_POINTS * heading_lines(heading) + 16 + HTML_LINE_POINTS + HTML_PAD_POINTS + rows + 12


def sections(grids: Iterable[tuple[Grid, str]], lead: float) -> Iterator[str]:
    """Each grid's section (:func:`grid_section`), the first ``lead`` points down its page, the ``n``-th on the named
    page ``p{n}`` (:func:`page_rules`)."""
    for index, (grid, section_id) in enumerate(grids):
        yield grid_section(grid, section_id, 0.0 if index else lead, f"p{index}")


def page_rules(grids: Iterable[Grid]) -> str:
    """The named pages ``p0``, ``p1`` … of :func:`sections`, each printing whose table it is in its top margin (its
    unit and project, :func:`print_layout.running_head`; print24: a project's later pages named neither)."""
    return "".join(html_page_rule(f"p{index}", running_head(*grid.whose)) for index, grid in enumerate(grids))


def grids_page(title: str, heading: str, summary_headers: Sequence[str], summary: Iterable[Sequence[str]],
               summary_widths: Sequence[int], sections: Iterable[str], pages: str = "") -> str:
    """A self-contained, printable page: the heading, a 汇总 table, then each project's section; ``pages``: the
    sections' named pages (:func:`page_rules`), the heading and the 汇总 on the first's (a change of page name
    breaks the page)."""
    first = ' style="page:p0"' if pages else ""
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(title)}</title>",
             f"<style>{CSS}{SIGN_CSS}{LANDSCAPE}{pages}</style></head><body>",
             f"<h1{first}>{escape(heading)}</h1>",
             f'<table class="summary"{first}><colgroup>',
             *(f'<col style="width:{width}%">' for width in summary_widths),
             "</colgroup><thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in summary_headers)
             + "</tr></thead><tbody>"]
    for values in summary:
        parts.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>")
    parts.append("</tbody></table>")
    parts.extend(sections)
    parts.append("</body></html>")
    return "\n".join(parts)


def evaluation_html(evaluation: Evaluation, original: bool = False) -> str:
    """The 自评表 page; targets in one notation with the text as typed on hover, unless ``original``."""
    title = evaluation_title(evaluation)
    summary = summary_rows(evaluation)
    widths = OWN_SUMMARY_WIDTHS if shows_own_scores(evaluation) else SUMMARY_WIDTHS
    grids = [project_grid(evaluation, project, original) for project in evaluation.projects]
    heading = f"{(evaluation.unit_code or '') + (evaluation.unit_name or '')} {title.removesuffix('表')}"
    return grids_page(f"{evaluation.unit_name or ''}{title}", heading, summary_headers(evaluation), summary, widths,
                      sections(((grid, f"project-{project.seq}") for grid, project in zip(
                          grids, evaluation.projects, strict=True)), summary_lead(summary, widths, heading)),
                      page_rules(grids))
