"""Formulas an Excel workbook holds without their values (layouts25).

Excel and WPS save each formula with the value it last computed (``<c><f>SUM(B5:B7)</f><v>16</v></c>``), and the
reader reads that value (``data_only=True``). A workbook written by a program — openpyxl, a budget system's export
built on such a library — saves the formula alone (``<v></v>`` or no ``<v>``): openpyxl then gives None, and the
cell was read as blank without a word (a 年度资金总额 of ``=SUM(…)`` read as no total, a target ``=D8`` as an
indicator without a value). perfbudget does not compute formulas (that would be a spreadsheet engine, and a
guess where the formula refers to other files); such a cell is an error at its place naming the formula, and
opening and saving the file in Excel or WPS stores the values.

A formula saved with an error for its value (``#NAME?``, ``#REF!``, ``#VALUE!``, LibreOffice's ``Err:509``; a
target typed ``=24人/次`` becomes one) has no value either: it was read as its text, ``#NAME?`` a target with
status ok (forms35). The readers of .xlsx, .xls/.et and .ods mark such a cell (openpyxl's and ODF's error type,
xlrd's error cell) and it is an error at its place naming the error shown, the cell read as blank.

openpyxl's read-only worksheets give no formula with ``data_only=True``, so the sheet's XML is scanned for cells
holding an ``<f>`` and no value (the part is bounded by the container's limits). A formula whose text result is
empty (``t="str"`` with an empty ``<v>``, as Excel writes ``=IF(A1="","",A1)``) has its value: it is blank.
"""

from __future__ import annotations

import re
from typing import Any

from perfbudget.model import Problem, Source


def _element(tag: bytes) -> re.Pattern[bytes]:
    """An element ``tag`` (any prefix): its attributes and its content, the content never running past the next
    element of the same name. The scan runs before openpyxl parses the sheet, on whatever the file holds: until
    attack24 the content was ``(.*?)`` up to the next closing tag, and 20,000 elements named ``<c-x>`` (or ``<c>``
    never closed) cost 50 s of CPU for a 5 KB workbook, each scanning the rest of the part (quadratic)."""
    start = rb"<(?:\w+:)?" + tag + rb"\b"
    return re.compile(start + rb"([^<>]*?)(?:/>|>((?:(?!" + start + rb").)*?)</(?:\w+:)?" + tag + rb">)", re.S)


_CELL = _element(b"c")
_REF = re.compile(rb"\br\s*=\s*[\"']([A-Z]{1,3})([0-9]{1,7})[\"']")  # at most XFD1048576, Excel's last cell
_TYPE = re.compile(rb"\bt\s*=\s*[\"']([^\"']*)[\"']")
_FORMULA = _element(b"f")
_VALUE = _element(b"v")
MOST_TOLD = 20  # such cells told one by one per workbook; the rest in one error
_SAVE = "；请在 Excel 或 WPS 中打开、保存后重新导入"


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def unvalued_formulas(workbook: Any, worksheet: Any) -> dict[tuple[int, int], str]:
    """(row, column) → the formula (``=D4``; ``=…`` for a shared formula's other cells) of each cell of a read-only
    worksheet that holds a formula and no value saved with it."""
    path = getattr(worksheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if path is None or archive is None:
        return {}
    with archive.open(path) as part:
        xml = part.read()
    if b"<f" not in xml and b":f" not in xml:
        return {}
    cells: dict[tuple[int, int], str] = {}
    for match in _CELL.finditer(xml):
        inner = match.group(2)
        if not inner or (formula := _FORMULA.search(inner)) is None:
            continue
        value = _VALUE.search(inner)
        kind = _TYPE.search(match.group(1))
        if value is not None and (value.group(2) or (kind is not None and kind.group(1) == b"str")):
            continue
        ref = _REF.search(match.group(1))
        if ref is None:
            continue
        text = (formula.group(2) or b"").decode("utf-8", "replace").strip()
        cells[(int(ref.group(2)), _column(ref.group(1)))] = "=" + (_unescaped(text) or "…")
    return cells


_LIBREOFFICE_ERROR = re.compile(r"Err:\d{3}\Z")
ERROR_VALUES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
                          "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})


def is_error_value(text: str) -> bool:
    """Whether ``text`` is what a spreadsheet shows for a formula that failed (``#NAME?``, ``Err:509``)."""
    return text in ERROR_VALUES or _LIBREOFFICE_ERROR.match(text) is not None


def _unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'") \
        .replace("&amp;", "&")


def _unvalued_message(row: int, column: int, formula: str) -> str:
    if not formula.startswith("="):  # the error value the formula gave
        return (f"第{row}行第{column}列是公式，计算结果是错误值「{formula[:20]}」（公式写错或引用的单元格不存在；"
                f"以 = 开头的指标值会被当作公式），读不到它的值；请在 Excel 或 WPS 中改正（文字请先输入英文单引号 '）、"
                "保存后重新导入")
    return (f"第{row}行第{column}列是公式「{formula[:40]}」：文件中只有公式，没有保存计算结果（由程序生成、"
            f"未在 Excel 或 WPS 中计算保存），读不到它的值{_SAVE}")


def unvalued_problems(file: str, cells: list[tuple[str, int, int, str]]) -> list[Problem]:
    """Errors for the formulas read without a value: (sheet, row, column, formula — or the error value it gave,
    ``#NAME?``), the first :data:`MOST_TOLD` each at its cell, the rest in one more."""
    problems = [Problem(Source(file, sheet=sheet, row=row, column=column), _unvalued_message(row, column, formula))
                for sheet, row, column, formula in cells[:MOST_TOLD]]
    if rest := cells[MOST_TOLD:]:
        sheet, row, column, _ = rest[0]
        why = "没有保存计算结果或计算出错" if any(not formula.startswith("=") for *_, formula in rest) \
            else "没有保存计算结果"
        problems.append(Problem(Source(file, sheet=sheet, row=row, column=column),
                                f"另有 {len(rest)} 个公式单元格{why}，读不到它们的值{_SAVE}"))
    return problems
