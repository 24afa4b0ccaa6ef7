"""File forms units publish (forms35, FAILURES.md section BW): a spreadsheet's formula whose value is an error.

A target typed ``=24人/次`` or ``=44,561`` (13's 计算符号 written before its value) is a formula to Excel, WPS and
LibreOffice; a wrong one shows ``#NAME?`` or ``Err:509``. Each workbook here is written by openpyxl and computed and
saved by LibreOffice (the real program that stores the values), then read by the real reader."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from perfbudget.load import load_path
from perfbudget.model import Severity

from tests.conftest import soffice_path

_ROWS = [["项目名称", "再生资源回收市场管理经费", "", ""],
         ["年度资金总额(万元)", "3", "", ""],
         ["一级指标", "二级指标", "三级指标", "指标值"],
         ["产出指标", "数量指标", "出差人次", "=24人/次"],
         ["", "质量指标", "工作任务完成率", "100%"],
         ["", "时效指标", "项目财政资金到位时间", "=44,561"]]


@pytest.fixture(scope="module")
def computed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The form as .ods, .xlsx and .xls, each saved by LibreOffice with the values it computed."""
    from openpyxl import Workbook

    folder = tmp_path_factory.mktemp("forms35")
    book = Workbook()
    for row in _ROWS:
        book.active.append([text or None for text in row])
    book.save(folder / "typed.xlsx")
    files = {}
    for suffix, source in (("ods", "typed.xlsx"), ("xlsx", "ods/typed.ods"), ("xls", "ods/typed.ods")):
        out = folder / suffix
        subprocess.run([soffice_path(), "--headless", f"-env:UserInstallation=file://{folder}/profile",
                        "--convert-to", suffix, "--outdir", str(out), str(folder / source)],
                       check=True, capture_output=True, timeout=240)
        files[suffix] = out / f"typed.{suffix}"
    return files


@pytest.mark.parametrize("suffix", ["ods", "xlsx", "xls"])
def test_a_formula_whose_value_is_an_error_is_an_error_at_its_cell(computed: dict[str, Path], suffix: str) -> None:
    """b30bb3a2 read ``#NAME?`` (``Err:509``, ``#VALUE!``) as the target, status ok."""
    result = load_path(computed[suffix])
    assert result.document is not None
    targets = {i.level3: i.target.raw for i in result.document.projects[0].indicators}
    assert targets == {"出差人次": "", "工作任务完成率": "100%", "项目财政资金到位时间": ""}
    errors = [p for p in result.problems if p.severity is Severity.ERROR and "错误值" in p.message]
    assert [(p.source.row, p.source.column) for p in errors] == [(4, 4), (6, 4)]
    assert all(p.source.sheet for p in errors)
    shown = [p.message.split("「")[1].split("」")[0] for p in errors]
    assert all(text.startswith(("#", "Err:")) for text in shown), shown


def test_error_values_are_told_from_text() -> None:
    from perfbudget.readers.xlsx_formulas import is_error_value

    assert is_error_value("#NAME?") and is_error_value("Err:509") and is_error_value("#DIV/0!")
    assert not is_error_value("#1") and not is_error_value("Err:5090") and not is_error_value("≥95%")
