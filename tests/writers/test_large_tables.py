"""A project of very many indicators is written in linear time (attack12, 2026-12-04): python-docx's merge
recursed once per row of a span (a 500 past some 1,000 rows) and scanned the table for each row's index;
openpyxl's merge_cells checked each range against every range merged before."""

from __future__ import annotations

import io
import itertools
import zipfile
from dataclasses import replace
from pathlib import Path

from perfbudget.load import load_path
from perfbudget.writers.target_table_export import render


def _many(seed_path: Path, count: int):  # type: ignore[no-untyped-def]
    document = load_path(seed_path).document
    assert document is not None
    project = document.projects[0]
    first = project.indicators[0]
    indicators = tuple(replace(first, level2="数量指标", level3=f"指标{i}") for i in range(count))
    return replace(document, projects=(replace(project, indicators=indicators),))


def test_a_word_table_with_a_span_of_1500_rows_is_written(seed_path: Path) -> None:
    data = render(_many(seed_path, 1500), "docx")  # RecursionError (500 on the server) before
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert xml.count("<w:vMerge/>") + xml.count("w:vMerge w:val=\"continue\"") >= 1499


def _merge_by_python_docx(table, specs):  # type: ignore[no-untyped-def]
    for top, left, bottom, right in specs:
        table.cell(top, left).merge(table.cell(bottom, right))


def test_the_merge_writes_what_python_docx_writes() -> None:
    from types import SimpleNamespace

    from docx import Document as WordDocument

    from perfbudget.writers.print_layout import docx_part_cells

    spans = [(0, 0, 3, 0), (0, 1, 0, 3), (1, 1, 2, 2), (4, 0, 4, 3), (5, 1, 5, 2), (1, 3, 3, 3)]
    produced = []
    for ours in (True, False):
        word = WordDocument()
        table = word.add_table(rows=6, cols=4)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row.cells):
                if (r + c) % 3 == 0:
                    cell.text = f"{r}{c}"
        if ours:
            specs = [SimpleNamespace(row=t, col=left, rowspan=b - t + 1, colspan=right - left + 1)
                     for t, left, b, right in spans]
            list(docx_part_cells(table, specs, 0, 6))
        else:
            _merge_by_python_docx(table, spans)
        produced.append(table._tbl.xml)
    assert produced[0] == produced[1]


def test_a_workbook_of_many_merged_ranges_keeps_every_range(seed_path: Path) -> None:
    from openpyxl import load_workbook

    data = render(_many(seed_path, 300), "xlsx")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    # the 300 rows' 一级 label: one range a printed page (print20), together over every row
    breaks = [b.id for b in sheet.row_breaks.brk]
    header = int(str(sheet.print_title_rows).split(":")[0].lstrip("$"))  # the indicator header row
    label = sorted((r.min_row, r.max_row) for r in sheet.merged_cells.ranges
                   if r.min_col == r.max_col == 1 and r.max_row - r.min_row >= 1 and r.min_row > header)
    assert len(label) == len(breaks) + 1 > 2, (label, breaks)
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(label))
    assert label[-1][1] - label[0][0] == 299
