"""Print areas of .xls/.et and .ods sheets (forms40, FAILURES.md section CM): last year's 指标值 kept in a column
outside the print area is not read, as in .xlsx since forms38. The workbooks are built with openpyxl and saved as
.xls and .ods by LibreOffice (which keeps the print area: a BIFF ``Print_Area`` name, ``table:print-ranges``); each
test fails on 4f9cdfa2's ``src``, which took last year's targets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from perfbudget.load import load_path
from perfbudget.model import Severity
from tests.readers.test_forms35_layouts import _saved_by_libreoffice
from tests.readers.test_forms37_traps import _FORM, _excel

_THIS_YEAR = {"维修面积": "≥500平方米", "验收合格率": "100%", "师生满意度": "≥90%"}
_LAST_YEAR = ["", "", "指标值", "≥400平方米", "≥90%", "≥85%"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The form with last year's column E, print area A1:D6 (form.…) or A1:F6, wider than the sheet (wide.…), as
    .xls and .ods."""
    directory = tmp_path_factory.mktemp("print-areas")
    rows = [[*row, old] for row, old in zip(_FORM, _LAST_YEAR, strict=True)]
    made: dict[str, Path] = {}
    for stem, area in (("form", "A1:D6"), ("wide", "A1:F6")):
        def printed(sheet: Any, area: str = area) -> None:
            sheet.print_area = area

        (directory / f"{stem}.xlsx").write_bytes(_excel(rows, printed))
        for suffix in ("xls", "ods"):
            made[f"{stem}.{suffix}"] = _saved_by_libreoffice(directory / f"{stem}.xlsx", suffix)
    return made


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_a_column_outside_the_print_area_is_not_read(converted: dict[str, Path], suffix: str) -> None:
    result = load_path(converted[f"form.{suffix}"])
    assert result.document is not None, result.problems
    assert {i.level3: i.target.raw for i in result.document.projects[0].indicators} == _THIS_YEAR
    [told] = [p for p in result.problems if "打印区域" in p.message]
    assert told.source.column == 5 and "≥400平方米" in told.message and told.severity is Severity.WARNING
    assert not result.errors


@pytest.mark.parametrize("suffix", ["xls", "ods"])
def test_a_print_area_wider_than_the_sheet_leaves_no_column_out(converted: dict[str, Path], suffix: str) -> None:
    """A guard: the sheet read as before (the two 指标值 columns are the table's own question, told)."""
    result = load_path(converted[f"wide.{suffix}"])
    assert not [p for p in result.problems if "打印区域" in p.message]


def test_an_ods_print_range_is_parsed_by_its_columns() -> None:
    from perfbudget.readers.sheet_print_areas import ods_printed_columns

    assert ods_printed_columns("Sheet1.A1:Sheet1.D30") == frozenset(range(1, 5))
    assert ods_printed_columns("$'绩效 目标.表'.$B$2:.$C$9 $'绩效 目标.表'.$F$1:.$F$3") == frozenset({2, 3, 6})
    assert ods_printed_columns("'a''b'.A1:'a''b'.B2") == frozenset({1, 2})
    assert ods_printed_columns("") is None and ods_printed_columns("不是区域") is None
    long = "A" * 40_000
    assert ods_printed_columns(long) is None  # (one linear pass, no retry at every place)
