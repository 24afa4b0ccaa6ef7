"""No user text is ever a formula in a file perfbudget writes (spreadsheet formula injection).

* xlsx: openpyxl stores a string starting with ``=`` as a formula. :func:`text_only` turns
  every such cell of a workbook back into text just before it is saved; every xlsx writer
  calls it (the writers never write formulas of their own).
* CSV: a spreadsheet program opening a CSV evaluates a cell starting with ``=``, ``+``, ``-``,
  ``@``, tab or carriage return. :func:`csv_cell` prefixes such a cell with an apostrophe
  (the usual neutralisation), unless it is a plain number such as ``-5`` or ``+3.5%``;
  :func:`csv_unescape` removes the apostrophe again when perfbudget reads the sheet back.
"""

from __future__ import annotations

import re
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?%?$")


def text_only(workbook: Any) -> Any:
    """Every formula cell of ``workbook`` (an openpyxl Workbook) becomes a text cell; returns it."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    return workbook


def csv_cell(value: Any) -> Any:
    """``value`` safe to put in a CSV cell."""
    if isinstance(value, str) and value.startswith(_TRIGGERS) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def csv_unescape(text: str) -> str:
    """A CSV cell as the user meant it (the apostrophe of :func:`csv_cell` removed)."""
    if text.startswith("'") and text[1:].startswith(_TRIGGERS):
        return text[1:]
    return text
