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
    spans: dict[str, set[tuple[int, int]]] = {}
    for attributes, text in _DEFINED.findall(xml) if b"Print_Area" in xml else ():
        if not _PRINT_AREA.search(attributes):
            continue
        parts = area_parts(html.unescape(text.decode("utf-8", "replace")), ",")
        areas = [area for part in parts if (area := _AREA.fullmatch(part.strip())) is not None]
        if not areas or len(areas) != len(parts):  # (an area of whole rows among them: every column)
            continue
        for area in areas:
            sheet = (area.group(1) or "").replace("''", "'") or (area.group(2) or "").strip()
            first = column_index_from_string(area.group(3).upper())
            last = column_index_from_string((area.group(4) or area.group(3)).upper())
            spans.setdefault(sheet, set()).add((min(first, last), min(max(first, last), _MOST_COLUMNS)))
    return {sheet: covered_columns(found) for sheet, found in spans.items()}


def area_parts(written: str, separator: str) -> list[str]:
    """A print area's areas: its text cut at each ``separator`` outside a quoted sheet name (``'a,b'!$A:$D,C!$A:$B``;
    an .ods ``table:print-ranges`` cuts at spaces), in one pass (a regular expression finding each area anywhere in
    the text tried every place of a long text without 「!」 to its end: 40,000 characters of print area cost 7 s;
    attack35)."""
    parts, start, quoted = [], 0, False
    for at, char in enumerate(written):
        if char == "'":
            quoted = not quoted  # (a doubled quote inside a name toggles twice)
        elif char == separator and not quoted:
            parts.append(written[start:at])
            start = at + 1
    parts.append(written[start:])
    return parts


def covered_columns(spans: set[tuple[int, int]]) -> frozenset[int]:
    """The columns the ``spans`` (first, last) cover, each column once however many areas name it (8,000 areas of
    $A:$XFD added 16,384 columns each: 3.5 s; attack35)."""
    columns: set[int] = set()
    reach = 0
    for first, last in sorted(spans):
        if last > reach:
            columns.update(range(max(first, reach + 1), last + 1))
            reach = last
    return frozenset(columns)


_NAME_MOST = 8_192  # Excel's longest formula, a defined name's value included (its 「规范与限制」)


def long_defined_name(data: bytes) -> str | None:
    """Why a workbook whose defined name (a print area, a named range) is longer than Excel lets one be cannot be
    read (Chinese), or None: :func:`defined_names_fault`, refused (the fill-in sheets' reader, ``evaluate.sheet``)."""
    fault = defined_names_fault(data)
    return None if fault is None else f"{fault}；未读取"


def defined_names_fault(data: bytes) -> str | None:
    """What is wrong with a workbook whose defined names (a print area, a named range) are longer than Excel lets
    them be (Chinese), or None. openpyxl matches each defined name's value with patterns that try every place of a
    long value to its end before a cell is read: a print area of 40,000 「A」 (a 5 KB .xlsx) cost 3.8 s of its parse
    alone, 11 s of an upload's preview with :func:`printed_columns` (attack35). The workbook part openpyxl reads is
    read here first, its names found by :data:`_DEFINED` (linear: each match starts at a tag)."""
    found = _workbook_part(data)
    if found is None:
        return None  # (openpyxl tells what it cannot open as it does)
    lengths = [len(html.unescape(text.decode("utf-8", "replace"))) for _, text in _DEFINED.findall(found[1])]
    longest = max(lengths, default=0)
    if longest > _NAME_MOST:
        return (f"工作簿中有一个定义的名称（如打印区域）长 {longest} 个字符，超过 Excel 允许的 {_NAME_MOST} 个字符，"
                "不是 Excel 或 WPS 保存的内容，文件可能已损坏")
    # openpyxl's cost grows as the square of each name's length: names each within Excel's limit but together
    # costing more than one of the longest allowed (ten print areas of 8,190 characters ≈ 10 s: the lead's reread)
    if sum(length * length for length in lengths) > _NAME_MOST * _NAME_MOST:
        return (f"工作簿中定义的名称（如打印区域）过长：共 {len(lengths)} 个，合计 {sum(lengths)} 个字符，"
                "不是 Excel 或 WPS 通常保存的内容，文件可能已损坏")
    return None


def _workbook_part(data: bytes) -> tuple[str, bytes] | None:
    """The workbook part openpyxl reads (its name in the package, its XML), or None where openpyxl cannot find it."""
    import io
    import zipfile

    from openpyxl.reader.excel import ExcelReader, _find_workbook_part

    try:
        reader = ExcelReader(io.BytesIO(data), read_only=True)
        reader.read_manifest()
        name = _find_workbook_part(reader.package).PartName[1:]
        return name, reader.archive.read(name)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, SyntaxError, AttributeError, TypeError):
        return None


_DEFINED_NAMES = re.compile(rb"<(?:\w+:)?definedNames\b[^<>]*?(?:/>|>.*?</(?:\w+:)?definedNames>)", re.DOTALL)


def without_defined_names(data: bytes) -> bytes | None:
    """The workbook with its defined names left out (its workbook part's ``<definedNames>``), for a workbook whose
    names :func:`defined_names_fault` finds too long: read without them (its print area, its named ranges: the
    cells keep their saved values) rather than refused whole (forms40); None where the part cannot be found."""
    import io
    import zipfile

    found = _workbook_part(data)
    if found is None:
        return None
    name, xml = found
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as written:
        for item in source.infolist():
            part = source.read(item.filename)
            written.writestr(item, _DEFINED_NAMES.sub(b"", xml) if item.filename == name else part)
    return out.getvalue()


def unprinted_columns(printed: frozenset[int] | None, last_column: int | None) -> frozenset[int]:
    """The columns up to the sheet's last (``last_column``, its dimension) that the print area leaves out."""
    if not printed or not last_column:
        return frozenset()
    return frozenset(c for c in range(1, min(last_column, _MOST_COLUMNS) + 1) if c not in printed)
