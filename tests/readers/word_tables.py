"""Word and Excel files made in tests: paragraphs, then one table of the given rows (python-docx), cells merged
as asked; one sheet of the given rows (openpyxl)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape


def word_file(rows: Sequence[Sequence[str]], paragraphs: Sequence[str] = (),
              merges: Sequence[tuple[int, int, int, int]] = (), style: str | None = None) -> bytes:
    """A .docx: ``paragraphs`` then a table of ``rows`` (as wide as the widest row); each merge is
    (row, column, last row, last column); ``style`` the table's (``Table Grid``: ruled, as printed forms are)."""
    import docx  # python-docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    if style is not None:
        table.style = style
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    for r, c, last_r, last_c in merges:
        table.cell(r, c).merge(table.cell(last_r, last_c))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def excel_file(rows: Sequence[Sequence[object]], merges: Sequence[tuple[int, int, int, int]] = ()) -> bytes:
    """An .xlsx with one sheet holding ``rows`` from its first cell; each merge is (row, column, last row, last
    column), 0-based as :func:`word_file`'s."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(list(row))
    for r, c, last_r, last_c in merges:
        workbook.active.merge_cells(start_row=r + 1, start_column=c + 1, end_row=last_r + 1, end_column=last_c + 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def form_file(rows: Sequence[Sequence[str]], paragraphs: Sequence[str], form: str, stem: str) -> tuple[bytes, str]:
    """``rows`` under the lines ``paragraphs`` as a unit writes them in ``form``: a Word table (``docx``, the rows
    padded to the widest), or a text of ``tabs`` (empty cells kept), ``pipes`` (a web page's copy: empty cells lost)
    or ``lines`` (one cell a line), a sheet (``xlsx``: the lines a cell each above the rows, empty cells left empty)
    or a web page (``html``: the lines as paragraphs, the rows a table); (the file's bytes, its name ``stem`` and
    the form's suffix, .txt for the texts)."""
    if form == "docx":
        width = max(len(row) for row in rows)
        return word_file([[*row, *[""] * (width - len(row))] for row in rows], paragraphs=paragraphs), f"{stem}.docx"
    if form == "xlsx":
        return excel_file([*([text] for text in paragraphs), *([c or None for c in row] for row in rows)]), \
            f"{stem}.xlsx"
    if form == "html":
        body = "".join(f"<p>{escape(text)}</p>" for text in paragraphs) + "<table>" + "".join(
            "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
        return f"<html><body>{body}</body></html>".encode(), f"{stem}.html"
    separator = {"tabs": "\t", "pipes": " | ", "lines": "\n"}[form]
    lines = [*paragraphs, *(separator.join(c for c in row if c or form == "tabs") for row in rows)]
    return ("\n".join(lines) + "\n").encode(), f"{stem}.txt"
