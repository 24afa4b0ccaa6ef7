"""The 项目支出绩效目标表 as a standalone HTML page, one ``<table>`` per project.

Layout from :mod:`perfbudget.writers.target_table_layout`, merged cells as
``rowspan``/``colspan``. The page declares UTF-8 and a Chinese font stack
(宋体/SimSun first) so that it prints like the Word table; printed from a browser it is A4 with
page numbers, and a table's header block with the indicator header row is its ``<thead>``,
repeated on every page it runs over (:data:`perfbudget.writers.print_layout.PRINT_CSS`).
"""

from __future__ import annotations

from html import escape

from perfbudget.model import Document
from perfbudget.writers.print_layout import PRINT_CSS
from perfbudget.writers.target_table_layout import ProjectGrid, project_grid

STYLE = """
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; }
h2 { font-size: 12pt; text-align: center; margin: 1.5em 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
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
    head = grid.header_rows + 1 if 0 < grid.header_rows < grid.rows else 0  # the block and the indicator header
    if not head:
        return "<table>\n" + "\n".join(rows) + "\n</table>"
    return ("<table>\n<thead>\n" + "\n".join(rows[:head]) + "\n</thead>\n<tbody>\n" + "\n".join(rows[head:])
            + "\n</tbody>\n</table>")


def target_table_html(document: Document, original: bool = False) -> bytes:
    """The document's project tables as an HTML page (UTF-8 bytes); ``original`` keeps targets as typed."""
    title = "项目支出绩效自评表" if document.kind == "self-evaluation" else "项目支出绩效目标表"
    parts = [f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n'
             f"<style>{STYLE}</style>\n</head>\n<body>"]
    for project in document.projects:
        grid = project_grid(document, project, original)
        parts.append(f"<h2>{escape(grid.heading)}</h2>" if grid.heading else "<h2></h2>")
        parts.append(table_html(grid))
    parts.append("</body>\n</html>\n")
    return "\n".join(parts).encode("utf-8")
