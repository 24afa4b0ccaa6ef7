"""The 项目支出绩效自评表 as a self-contained HTML page (every text escaped), one table per
project in the standard layout, with the scoring explanations under each table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from perfbudget.evaluate.result import Evaluation, ProjectEvaluation
from perfbudget.readers.grid import CONTINUED_TABLE
from perfbudget.writers.evaluation_layout import Grid, evaluation_title, project_grid, summary_rows
from perfbudget.writers.print_layout import PRINT_CSS

CSS = """
body{font-family:"SimSun","宋体","Songti SC","Noto Serif CJK SC",serif;margin:2em;color:#000}
table{border-collapse:collapse;width:100%;margin-bottom:1em;table-layout:fixed}
table.head{margin-bottom:0;break-inside:avoid}table.indicators{margin-top:-1px}
td,th{border:1px solid #000;padding:4px 6px;font-size:10.5pt;vertical-align:middle;white-space:pre-wrap;
overflow-wrap:anywhere}
.summary td:not(:nth-child(2)){text-align:center}
.title{border:none;font-size:16pt;font-weight:bold;text-align:center}
.subtitle{border:none;text-align:center}
.header,.label,.total{font-weight:bold;text-align:center}.header{background:#f2f2f2}
.number{text-align:center}.money{text-align:right}
section{page-break-after:always;margin-bottom:3em}
.notes{font-size:9pt}.notes ul{list-style:none;padding-left:0}
""" + PRINT_CSS
# The 自评表 page alone prints landscape, as its Word and Excel forms do: eight columns in portrait
# left 执行率 「91.18%」 wider than its column (a unit's public page, mixing tables, stays portrait).
LANDSCAPE = "@page{size:A4 landscape}"
SUMMARY_WIDTHS = (7, 51, 16, 12, 14)


def grid_section(grid: Grid, section_id: str) -> str:
    """A project's grid (:class:`~perfbudget.writers.evaluation_layout.Grid`) with its explanations, as an HTML
    ``<section>``: the head and the indicators as two tables of the same columns, the indicator header row
    (一级指标 …) the second's ``<thead>``, which a browser repeats on every printed page."""
    total = sum(grid.widths)
    columns = "<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in grid.widths) \
        + "</colgroup>"
    by_row: dict[int, list[str]] = {}
    for cell in sorted(grid.cells, key=lambda c: (c.row, c.col)):
        span = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + \
               (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "")
        title = f' title="原文：{escape(cell.title)}"' if cell.title else ""
        text = escape(cell.text).replace("\n", "<br>")  # kept when the page is read or copied as text
        by_row.setdefault(cell.row, []).append(f'<td class="{cell.kind}"{span}{title}>{text}</td>')
    rows = ["<tr>" + "".join(by_row.get(row, [])) + "</tr>" for row in range(grid.rows)]
    split = grid.header_row
    parts = [f'<section id="{section_id}"><table class="head">{columns}', *rows[:split], "</table>",
             f'<table class="indicators" aria-label="{CONTINUED_TABLE}">{columns}<thead>', rows[split],
             "</thead><tbody>", *rows[split + 1:], "</tbody></table>"]
    parts.append(f'<div class="notes"><strong>{escape(grid.notes_title)}</strong><ul>')
    parts.extend(f"<li>{escape(line)}</li>" for line in grid.explanations)
    parts.append("</ul></div></section>")
    return "\n".join(parts)


def project_section(evaluation: Evaluation, project: ProjectEvaluation, original: bool = False) -> str:
    """One project's 自评表 with its scoring explanations, as an HTML ``<section>`` (:func:`grid_section`)."""
    return grid_section(project_grid(evaluation, project, original), f"project-{project.seq}")


def grids_page(title: str, heading: str, summary_headers: Sequence[str], summary: Iterable[Sequence[str]],
               summary_widths: Sequence[int], sections: Iterable[str]) -> str:
    """A self-contained, printable page: the heading, a 汇总 table, then each project's section."""
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(title)}</title>",
             f"<style>{CSS}{LANDSCAPE}</style></head><body>",
             f"<h1>{escape(heading)}</h1>",
             '<table class="summary"><colgroup>',
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
    return grids_page(f"{evaluation.unit_name or ''}{title}",
                      f"{(evaluation.unit_code or '') + (evaluation.unit_name or '')} {title.removesuffix('表')}",
                      ("序号", "项目名称", "预算执行率得分", "总分", "自评等级"), summary_rows(evaluation),
                      SUMMARY_WIDTHS,
                      (project_section(evaluation, project, original) for project in evaluation.projects))
