"""faces-w: a funds grid prints one number format a column in every download (print34's left item): r110's
全年预算数 printed its cells as written, 「871」 and 「0」, beside the budget's 「2380.91」 and 「0.00」."""

from __future__ import annotations

import io
from typing import Any

import pytest

from perfbudget.load import load_bytes, load_path
from perfbudget.writers.target_table_export import render
from tests.writers.test_print32 import _corpus


def shown(cell: Any) -> str:
    """A workbook cell's text as Excel shows it: a number in its format's decimals (「0.00」, 「0」; print35)."""
    if isinstance(cell.value, str):
        return cell.value
    decimals = len(cell.number_format.partition(".")[2])
    return f"{cell.value:.{decimals}f}"


def _grid_rows(data: bytes, form: str) -> list[list[str]]:
    """The produced file's rows as their cells' texts (a merged cell once), read by openpyxl, python-docx or lxml."""
    if form == "docx":
        import docx

        rows = []
        for table in docx.Document(io.BytesIO(data)).tables:
            for row in table.rows:
                cells = list({id(cell._tc): cell for cell in row.cells}.values())  # a merged cell once
                rows.append([cell.text for cell in cells])
        return rows
    if form == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        return [[shown(cell) for cell in row if cell.value is not None] for row in sheet.iter_rows()]
    from lxml import html

    return [[cell.text_content().strip() for cell in row.iter("td", "th")] for row in html.fromstring(data).iter("tr")]


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_a_funds_column_prints_its_figures_in_one_format(form: str) -> None:
    document = load_path(_corpus("r110")).document
    assert document is not None
    data = render(document, form)
    rows = {texts[0]: texts[1:] for texts in ([text for text in row if text] for row in _grid_rows(data, form))
            if texts}
    # 全年预算数 | 全年执行数 | 执行率: the budget column in its longest figure's decimals, the others whole as written
    assert rows["其中中央资金"] == ["871.00", "0", "0"]  # 「871」 until faces-w
    assert rows["省级资金"] == ["0.00", "0", "0"]  # 「0」 beside 其他资金's 「0.00」
    assert rows["地方资金"] == ["1509.91", "0", "0"]
    assert rows["其他资金"] == ["0.00", "0", "0"]
    back = load_bytes(data, f"出.{form}").document
    assert back is not None and back.projects[0].budget == document.projects[0].budget  # the same amounts
    assert dict(back.projects[0].extras)["其中中央资金/全年预算数"] == "871.00"
