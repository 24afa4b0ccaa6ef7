"""The 项目支出绩效目标表 as a standalone HTML page, one ``<table>`` per project.

Layout from :mod:`perfbudget.writers.target_table_layout`, merged cells as
``rowspan``/``colspan``. The page declares UTF-8 and a Chinese font stack
(宋体/SimSun first) so that it prints like the Word table; printed from a browser it is A4 with
page numbers. As in the Word form, a project's table is drawn as two tables of the same columns (the
Word form's widths): its head (unit line … 绩效目标) and its indicators, whose header row (一级指标 …) is
the ``<thead>``, repeated on every page the indicators run over
(:data:`perfbudget.writers.print_layout.PRINT_CSS`). Before print14 the whole head block was the
``<thead>``: a head of 16 rows (a 自评 form's funds lines) was taller than Chromium repeats, and page 2
printed without any header.
"""

from __future__ import annotations

from html import escape

from perfbudget.model import Document
from perfbudget.vocabulary import DOCUMENT_KIND_LABELS
from perfbudget.writers.print_layout import PRINT_CSS
from perfbudget.writers.target_table_docx import column_widths, indicator_split
from perfbudget.writers.target_table_layout import ProjectGrid, project_grid

STYLE = """
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; }
h2 { font-size: 12pt; text-align: center; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
table.head { margin-bottom: 0; break-after: avoid; }
table.head, table.indicators { table-layout: fixed; }
table.indicators { margin-top: -1px; }
td { overflow-wrap: anywhere; }
td, th { border: 1px solid #000; padding: 3px 5px; vertical-align: middle; }
.c { text-align: center; }
.b { font-weight: bold; }
""" + PRINT_CSS


def table_html(grid: ProjectGrid) -> str:
    """One project's table as an HTML ``<table>`` (texts escaped)."""
    by_row: dict[int, list[str]] = {}
    for spec in sorted(grid.cells, key=lambda s: (s.row, s.col)):
        attrs = []
        if spec.rowspan > 1:
            attrs.append(f' rowspan="{spec.rowspan}"')
        if spec.colspan > 1:
            attrs.append(f' colspan="{spec.colspan}"')
        classes = " ".join(name for name, on in (("c", spec.center), ("b", spec.bold)) if on)
        if classes:
            attrs.append(f' class="{classes}"')
        if spec.title:
            attrs.append(f' title="原文：{escape(spec.title)}"')
        body = "<br>".join(escape(line) for line in spec.text.split("\n"))
        by_row.setdefault(spec.row, []).append(f"<td{''.join(attrs)}>{body}</td>")
    rows = [f"<tr>{''.join(by_row.get(r, []))}</tr>" for r in range(grid.rows)]
    split = indicator_split(grid)
    if not split:
        return "<table>\n" + "\n".join(rows) + "\n</table>"
    widths = column_widths(grid)
    total = sum(widths)
    columns = "<colgroup>" + "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths) + "</colgroup>"
    return (f'<table class="head">{columns}\n' + "\n".join(rows[:split]) + "\n</table>\n"
            f'<table class="indicators">{columns}\n<thead>\n{rows[split]}\n</thead>\n<tbody>\n'
            + "\n".join(rows[split + 1:]) + "\n</tbody>\n</table>")


def target_table_html(document: Document, original: bool = False) -> bytes:
    """The document's project tables as an HTML page (UTF-8 bytes); ``original`` keeps targets as typed."""
    title = "项目支出" + DOCUMENT_KIND_LABELS.get(document.kind, "绩效目标表")  # 绩效目标表, 绩效自评表, 绩效监控表
    parts = [f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
             f"<style>{STYLE}</style>\n</head>\n<body>"]
    for project in document.projects:
        grid = project_grid(document, project, original)
        parts.append(f"<h2>{escape(grid.heading)}</h2>" if grid.heading else "<h2></h2>")
        parts.append(table_html(grid))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts).encode("utf-8")
