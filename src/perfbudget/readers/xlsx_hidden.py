"""What an Excel workbook hides: hidden sheets and rows (layouts23).

A unit's workbook may hide what is no part of the table it publishes: an earlier copy of the form on a hidden
sheet, a template row or the row before an adjustment hidden among the indicators. Whoever opens the file does
not see them, and neither does the printed or published table. Until layouts23 the reader read them as if shown:
a hidden sheet's old copy became a second project, a hidden row one more indicator, without a word. Now they are
not read, and each is told with a warning that quotes what it holds (nothing is lost silently; unhide it in
Excel to have it read). Hidden columns are read as before: a merged title or label whose first cell stands in a
hidden column is still shown by Excel, and a column of codes is no column of the indicator header anyway.

openpyxl's read-only worksheets do not expose row dimensions, so the sheet's XML is scanned for the ``hidden``
attribute of its ``<row>`` elements (the part is bounded by the container's limits).
"""

from __future__ import annotations

import re
from typing import Any

from perfbudget.model import Problem, Severity, Source

_ROW = re.compile(rb"<(?:\w+:)?row\b([^<>]*)>")  # (``[^>]*`` scanned the rest of a part without ``>`` from each row)
_ATTRIBUTE = re.compile(rb"\b(r|hidden)\s*=\s*[\"']([^\"']*)[\"']")
_TRUE = (b"1", b"true")
_QUOTED = 3  # the texts quoted in a warning


def _attributes(raw: bytes) -> dict[bytes, bytes]:
    return {name: value for name, value in _ATTRIBUTE.findall(raw)}


def hidden_rows(workbook: Any, worksheet: Any) -> frozenset[int]:
    """The 1-based numbers of the hidden rows of a read-only worksheet (empty when not told)."""
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if path is None or archive is None:
        return frozenset()
    with archive.open(path) as part:
        xml = part.read()
    if b"hidden" not in xml:
        return frozenset()
    rows: set[int] = set()
    number = 0
    for match in _ROW.finditer(xml):
        attributes = _attributes(match.group(1))
        given = attributes.get(b"r", b"")
        number = int(given) if given.isdigit() and len(given) <= 7 else number + 1  # at most Excel's 1,048,576
        if attributes.get(b"hidden") in _TRUE:
            rows.add(number)
    return frozenset(rows)


def _quoted(texts: list[str]) -> str:
    shown = "」「".join(text.strip()[:30] for text in texts[:_QUOTED])
    return f"「{shown}」" + ("等" if len(texts) > _QUOTED else "")


_UNHIDE = "；如需读取，请在 Excel 中取消隐藏后重新导入"


def hidden_row_problem(file: str, sheet: str, row: int, texts: list[str]) -> Problem:
    return Problem(Source(file, sheet=sheet, row=row),
                   f"第{row}行是隐藏行（在 Excel 中看不到），未读取：{_quoted(texts)}{_UNHIDE}", Severity.WARNING)


def hidden_sheet_problem(file: str, sheet: str, texts: list[str]) -> Problem:
    return Problem(Source(file, sheet=sheet),
                   f"工作表「{sheet}」是隐藏的（在 Excel 中看不到），未读取：{_quoted(texts)}{_UNHIDE}",
                   Severity.WARNING)


# Hidden rows told one by one per sheet, and hidden sheets one by one per workbook; the rest in one warning each.
MOST_TOLD = 20


def told(notes: list[Problem], file: str) -> list[Problem]:
    """The warnings of hidden rows and sheets as told: the first :data:`MOST_TOLD` hidden rows of each sheet and
    hidden sheets of the workbook each with its own warning, every further one counted in one more (the first
    place it is at, where the rows are). Until attack22 each was told: a 587 KB workbook of 40,000 hidden rows made
    40,000 warnings (3 MB of text), an upload's preview of 10.9 MB and 6.3 s of the server's CPU."""
    shown: list[Problem] = []
    counted: dict[str | None, int] = {}
    rest: dict[str | None, list[Problem]] = {}
    for note in notes:
        key = note.source.sheet if note.source.row is not None else None  # a sheet's rows; None: hidden sheets
        counted[key] = counted.get(key, 0) + 1
        if counted[key] <= MOST_TOLD:
            shown.append(note)
        else:
            rest.setdefault(key, []).append(note)
    for key, untold in rest.items():
        first = untold[0].source
        if key is None:
            names = [note.source.sheet or "" for note in untold]
            message = f"另有 {len(untold)} 个隐藏的工作表未读取：{_quoted(names)}{_UNHIDE}"
        else:
            rows = [note.source.row or 0 for note in untold]
            message = (f"工作表「{key}」另有 {len(untold)} 个有内容的隐藏行（第{min(rows)}行至第{max(rows)}行之间）"
                       f"未读取{_UNHIDE}")
        shown.append(Problem(Source(file, sheet=key, row=first.row), message, Severity.WARNING))
    return shown
