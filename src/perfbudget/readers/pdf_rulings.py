"""A PDF page's ruling lines, counted before pdfplumber's table finder pairs them.

``page.find_tables`` pairs every vertical ruling edge with every horizontal one (sorting the horizontal ones again
for each vertical: ``pdfplumber.table.edges_to_intersections``), then, for each crossing, scans every later crossing
(``intersections_to_cells``): time growing with vertical × horizontal edges, then with the square of the crossings,
whatever the page draws. Until attack40 a PDF of 3 KB whose one page draws 200 × 200 full-width lines (2,400
operators, well under ``PERFBUDGET_MAX_PDF_PAGE_OBJECTS``) cost 34 s of CPU and 333 × 333 some four minutes; 1,000
small squares on a diagonal (2,000 × 2,000 edges, no crossing between them) 2.3 s, 5,000 a minute — a page each.

:class:`RulingBudget` finds a page's tables as ``page.find_tables()`` (default settings) does, step by step — the
edges (the finder's own ``get_edges``), their crossings (``edges_to_intersections``), the cells
(``intersections_to_cells``), the tables (``cells_to_tables``) — and refuses a page, or the file, past these bounds
(:class:`~perfbudget.readers.bounds.LimitExceeded`) before each costly step. Until attack40's second reading it
counted the edges and crossings, then ``find_tables()`` found both again (10–26 % more of the finder's time on the
fixtures' PDFs).

* vertical × horizontal edges: five times ``max_pdf_page_objects`` on a page (100,000), ten times ``max_pdf_objects``
  in a file (1,000,000);
* crossings: an eighth of ``max_pdf_page_objects`` on a page (2,500: a grid of 50 × 50 lines, 125 rows of 20 columns),
  two fifths of ``max_pdf_objects`` in a file (40,000).

The real PDFs of the fixtures (84 pages) draw at most 34 × 30 edges and 177 crossings a page. A page of a Word
table's PDF draws 2,600–3,200 objects, one of a sheet's 1,000–1,600: a sheet printed with thin borders on every cell
(a 45-page Calc 自评 sheet: 423 crossings a page, 18,414 in all) reaches ``max_pdf_objects`` at some 65 pages and
28,000 crossings, so the file's crossings are bounded at two crossings for every five objects the file may draw (a
fifth until attack40's second reading, 20,000, which refused such a sheet of 48 pages the objects bound took): a
legitimate file is refused by the objects bound first. At the bounds the finder spends some 0.2 s a page and a file
some 3 s (16 pages of 2,500 crossings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pdfplumber.table import (
    Table,
    TableFinder,
    TableSettings,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
)

from perfbudget.config import Limits
from perfbudget.readers.bounds import LimitExceeded

_VARIABLES = "（随环境变量 PERFBUDGET_MAX_PDF_PAGE_OBJECTS、PERFBUDGET_MAX_PDF_OBJECTS 调整）；未读取"


@dataclass
class RulingBudget:
    """The ruling edges' pairs and crossings of the pages of one PDF read so far."""

    limits: Limits
    pairs: int = 0
    crossings: int = 0

    def tables(self, page: Any, page_number: int) -> list[Table]:
        """``page.find_tables()``, its edges and crossings counted before they are paired; past a bound raise
        :class:`LimitExceeded` naming the page."""
        settings = TableSettings.resolve(None)
        finder = TableFinder.__new__(TableFinder)  # its edges alone: __init__ would pair them at once
        finder.page, finder.settings = page, settings
        edges = finder.get_edges()
        across = sum(1 for edge in edges if edge["orientation"] == "h")
        down = len(edges) - across
        page_pairs, file_pairs = 5 * self.limits.max_pdf_page_objects, 10 * self.limits.max_pdf_objects
        self.pairs += across * down
        if across * down > page_pairs:
            raise LimitExceeded(f"PDF 第 {page_number} 页的表格框线过多：横线 {across} 条 × 竖线 {down} 条 = "
                                f"{across * down}，超过每页 {page_pairs} 的上限{_VARIABLES}")
        if self.pairs > file_pairs:
            raise LimitExceeded(f"PDF 到第 {page_number} 页为止的表格框线过多：各页横线条数 × 竖线条数之和为 "
                                f"{self.pairs}，超过 {file_pairs} 的上限{_VARIABLES}")
        intersections = edges_to_intersections(edges, settings.intersection_x_tolerance,
                                               settings.intersection_y_tolerance) if across and down else {}
        crossings = len(intersections)
        page_crossings, file_crossings = self.limits.max_pdf_page_objects // 8, self.limits.max_pdf_objects * 2 // 5
        self.crossings += crossings
        if crossings > page_crossings:
            raise LimitExceeded(f"PDF 第 {page_number} 页的表格框线交叉点有 {crossings} 个，超过每页 {page_crossings} "
                                f"个的上限{_VARIABLES}")
        if self.crossings > file_crossings:
            raise LimitExceeded(f"PDF 到第 {page_number} 页为止的表格框线交叉点共 {self.crossings} 个，超过 "
                                f"{file_crossings} 个的上限{_VARIABLES}")
        return [Table(page, cells) for cells in cells_to_tables(intersections_to_cells(intersections))]
