"""Columns a sheet's print area leaves out (forms38).

A unit keeps beside its form what is no part of it: last year's 指标值 in a column after this year's, a column of
helper figures or notes, and sets the print area (打印区域, ``_xlnm.Print_Area``) to the form alone, so that the
printed and published table is the form. The reader read the whole sheet: last year's column headed 指标值 (or
2020年指标值) was taken for the targets — the last target column wins — without a word, status ok; a column without
a head was a fifth cell under a four-column header (an error, the indicator lost).

Now a sheet whose print area names its columns (``$A$1:$D$30``, several areas too) does not read the columns it
leaves out, as a hidden column is not read: each one holding text is told with its texts quoted (nothing is lost in
silence; widen the print area to have it read). A print area of whole rows (``$1:$30``) names no columns, and one
naming a column past the sheet's last (its ``<dimension>``) leaves nothing out. Rows outside the print area are read
as before (a print area not widened after rows were added must not lose them).
"""

from __future__ import annotations

import html
import re
from typing import Any

from openpyxl.utils import column_index_from_string

_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^<>]*)>([^<]*)</(?:\w+:)?definedName>")
_PRINT_AREA = re.compile(rb"""\bname\s*=\s*["']_xlnm\.Print_Area["']""")
# one area: its sheet ('名称 1' or 名称) and its columns ($A$1:$D$30, $A:$D; a whole-row area $1:$30 has none)
_AREA = re.compile(r"(?:'((?:[^']|'')+)'|([^'!,]+))!\$?([A-Za-z]{1,3})\$?\d*(?::\$?([A-Za-z]{1,3})\$?\d*)?")
_MOST_COLUMNS = 16_384


def printed_columns(workbook: Any) -> dict[str, frozenset[int]]:
    """Sheet name → the columns (1-based) its print area covers, for the sheets whose print area names columns."""
    archive = getattr(workbook, "_archive", None)
    if archive is None:
        return {}
    try:
        with archive.open("xl/workbook.xml") as part:
            xml = part.read()
    except KeyError:
        return {}
    printed: dict[str, set[int]] = {}
    for attributes, text in _DEFINED.findall(xml) if b"Print_Area" in xml else ():
        if not _PRINT_AREA.search(attributes):
            continue
        written = html.unescape(text.decode("utf-8", "replace"))
        areas = list(_AREA.finditer(written))
        if not areas or len(areas) != written.count("!"):  # (an area of whole rows among them: every column)
            continue
        for area in areas:
            sheet = (area.group(1) or "").replace("''", "'") or (area.group(2) or "").strip()
            first = column_index_from_string(area.group(3).upper())
            last = column_index_from_string((area.group(4) or area.group(3)).upper())
            printed.setdefault(sheet, set()).update(range(min(first, last), min(max(first, last), _MOST_COLUMNS) + 1))
    return {sheet: frozenset(columns) for sheet, columns in printed.items()}


def unprinted_columns(printed: frozenset[int] | None, last_column: int | None) -> frozenset[int]:
    """The columns up to the sheet's last (``last_column``, its dimension) that the print area leaves out."""
    if not printed or not last_column:
        return frozenset()
    return frozenset(c for c in range(1, min(last_column, _MOST_COLUMNS) + 1) if c not in printed)
