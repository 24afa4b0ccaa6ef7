"""The columns an .xls/.et or .ods sheet's print area covers (forms40), as ``xlsx_print_area`` gives them for .xlsx.

A unit keeps last year's 指标值 beside its form and sets the print area to the form alone; saved as .xls (Excel 97-2003,
WPS's .et) or .ods the print area is kept — a BIFF ``NAME`` record of the built-in name ``Print_Area`` (xlrd parses
and evaluates it: ``Name.result``, one ``Ref3D`` an area) or an ODF ``table:print-ranges`` attribute
(``Sheet1.A1:Sheet1.D30``, areas cut at spaces). The readers read the whole sheet: last year's column was taken for
the targets (forms38 fixed it for .xlsx only). Now the columns a print area leaves out are not read there either, each
holding text told (``xlsx_hidden.hidden_column_problems``). A print area that cannot be evaluated or parsed leaves
nothing out (the sheet read whole, as before); an area of whole rows covers every column.
"""

from __future__ import annotations

import re
from typing import Any

from openpyxl.utils import column_index_from_string

from perfbudget.readers.xlsx_print_area import area_parts, covered_columns

_MOST_COLUMNS = 16_384
_PRINT_AREA_NAMES = frozenset({"print_area", "_xlnm.print_area"})
# one end of an ODF cell range: an optional sheet ($'名 1' or 名), a dot, the column and row ($A$1)
_END = r"\$?(?:'(?:[^']|'')*'|[^.\s':]*)\.\$?([A-Za-z]{1,3})\$?\d*"
_ODF_RANGE = re.compile(f"{_END}(?::{_END})?")


def xls_printed_columns(book: Any) -> dict[int, frozenset[int]]:
    """Sheet index → the columns (1-based) its print area covers, from xlrd's evaluated ``Print_Area`` names; a sheet
    any of whose print areas xlrd could not evaluate is left out (read whole)."""
    spans: dict[int, set[tuple[int, int]]] = {}
    unknown: set[int] = set()
    for name in getattr(book, "name_obj_list", ()):
        if str(getattr(name, "name", "")).lower() not in _PRINT_AREA_NAMES:
            continue
        result = getattr(name, "result", None)
        refs = getattr(result, "value", None) if result is not None else None
        if not isinstance(refs, list) or not refs or not all(hasattr(ref, "coords") for ref in refs):
            unknown.add(name.scope)
            continue
        for ref in refs:
            first_sheet, last_sheet, _first_row, _last_row, first_column, last_column = ref.coords
            sheets = range(first_sheet, last_sheet) if first_sheet >= 0 else range(name.scope, name.scope + 1)
            for sheet in sheets:
                if last_column > first_column >= 0:
                    spans.setdefault(sheet, set()).add((first_column + 1, min(last_column, _MOST_COLUMNS)))
                else:
                    unknown.add(sheet)
    return {sheet: covered_columns(found) for sheet, found in spans.items() if sheet not in unknown}


def ods_printed_columns(written: str | None) -> frozenset[int] | None:
    """The columns (1-based) an .ods sheet's ``table:print-ranges`` covers; None when it names none or cannot be
    parsed (the sheet read whole)."""
    if not written or not written.strip():
        return None
    spans: set[tuple[int, int]] = set()
    for part in area_parts(written.strip(), " "):
        if not part:
            continue  # (two spaces between areas)
        area = _ODF_RANGE.fullmatch(part)
        if area is None:
            return None
        first = column_index_from_string(area.group(1).upper())
        last = column_index_from_string((area.group(2) or area.group(1)).upper())
        spans.add((min(first, last), min(max(first, last), _MOST_COLUMNS)))
    return covered_columns(spans) if spans else None
