"""A unit's public page for a year: its approved 绩效目标表 and, once done, its 自评 results.

Self-contained HTML (every text escaped): the tables in the layout of
:mod:`perfbudget.writers.target_table_html`, then a summary of the self-evaluations (总分, 等级)
and each 自评表 in the layout of :mod:`perfbudget.writers.evaluation_html`. Targets in one
notation, with the text as typed on hover.
"""

from __future__ import annotations

from html import escape

from perfbudget.evaluate.numbers import show
from perfbudget.evaluate.result import Evaluation
from perfbudget.model import Document
from perfbudget.writers.evaluation_html import CSS as EVALUATION_CSS
from perfbudget.writers.evaluation_html import project_section
from perfbudget.writers.print_layout import css_string, running_head
from perfbudget.writers.target_table_html import STYLE as TABLE_CSS
from perfbudget.writers.target_table_html import table_html
from perfbudget.writers.target_table_layout import project_grid

_CSS = """
body{max-width:1100px;margin:1.5em auto;padding:0 1em}
h1{font-size:16pt;text-align:center}
nav{margin:1em 0}nav a{margin-right:1.5em}
.note{color:#555;font-size:9.5pt}
"""


def unit_page_html(document: Document, evaluations: list[Evaluation], year: int | None, *, page: int = 1,
                   pages: int = 1, total: int | None = None, first: int = 1) -> str:
    """The page; ``page`` of ``pages`` (the web's public page shows a unit's projects a page at a time: ``total`` of
    them, this page's from the ``first``-th), with links to the pages before and after (``?page=N``)."""
    unit = f"{document.unit.code or ''}{document.unit.name or ''}"
    when = f"{year}年度" if year else ""
    count = len(document.projects) if total is None else total
    shown = "" if pages <= 1 else (f"本页为第 {first}–{first + len(document.projects) - 1} 个"
                                   f"（第 {page} 页，共 {pages} 页）；")
    pager = "" if pages <= 1 else '<nav class="pages">' + "".join(
        f'<a href="?page={n}" rel="{rel}">{label}</a>'
        for n, rel, label in ((page - 1, "prev", "上一页"), (page + 1, "next", "下一页")) if 1 <= n <= pages) + "</nav>"
    # printed, every page says whose it is in its top margin (print25: pages 2… named no unit, and a page that begins
    # inside a table no project either); a quoted CSS string (no 「<」 leaves the style)
    whose = css_string(f"{running_head(unit, '')}　{when}项目支出绩效目标公开")
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             f"<title>{escape(unit)} {when}项目支出绩效目标</title>",
             f"<style>{TABLE_CSS}{EVALUATION_CSS}{_CSS}@page{{@top-center{{content:{whose};font-size:9pt}}}}</style>"
             "</head><body>",
             f"<h1>{escape(unit)} {when}项目支出绩效目标公开</h1>",
             '<nav><a href="#targets">绩效目标表</a>'
             + ('<a href="#evaluations">绩效自评结果</a>' if evaluations else "") + "</nav>",
             f'<p class="note">共 {count} 个审核通过的项目；{shown}金额单位：'
             f"{escape(document.money_unit or '表中未注明')}。</p>", pager,
             '<section id="targets"><h2>绩效目标表</h2>']
    for project in document.projects:
        grid = project_grid(document, project)
        parts.append(f'<h3 id="target-{project.seq}">{escape(grid.heading or project.name)}</h3>')
        parts.append(table_html(grid))
    parts.append("</section>")
    if evaluations:
        # the header row is the <thead>, repeated on every printed page of a long summary (print15)
        parts.append('<section id="evaluations"><h2>绩效自评结果</h2><table class="summary">'
                     "<thead><tr><th>序号</th><th>项目名称</th><th>总分</th><th>自评等级</th></tr></thead>")
        for evaluation in evaluations:
            for scored in evaluation.projects:
                parts.append(f"<tr><td>{scored.seq}</td><td>{escape(scored.name_cell or scored.name)}</td>"
                             f"<td>{show(scored.total)}</td><td>{escape(scored.grade)}</td></tr>")
        parts.append("</table>")
        for evaluation in evaluations:
            for scored in evaluation.projects:
                parts.append(project_section(evaluation, scored))
        parts.append("</section>")
    parts.append(pager)
    parts.append("</body></html>")
    return "\n".join(parts)
