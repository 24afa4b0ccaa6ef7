"""A 监控表 as units fill it, monitored by ``monitor 表 -a 表`` (kinds37).

* 1-6月执行数 and 全年预计执行数 but no 预算数 column: refused (the execution's progress needs the budget), as before —
  but told to add a 「全年预算数」 row to a fill-in sheet, which the unit did not give; it says now that the table's
  funds grid lacks its 预算数.
* A guard: with its 年初预算数 it is monitored (the period's execution 40 of 100)."""

from __future__ import annotations

from pathlib import Path

from tests.evaluate.test_kinds36_table_edits import _own
from tests.readers.test_kinds35_monitoring_edits import INDICATORS, TITLE, _rows

HEADER, *ROWS = (list(row) for row in INDICATORS)
SURE = [[*HEADER[:6], "完成目标可能性", *HEADER[6:]], *([*row[:6], "确定能", *row[6:]] for row in ROWS)]


def test_a_monitoring_table_without_its_budget_is_told_what_it_lacks(tmp_path: Path) -> None:
    code, said = _own("monitor", [TITLE, *_rows(["1-6月执行数", "全年预计执行数"], ["40", "95"], SURE)], tmp_path)
    assert code == 1
    assert ("错误：项目「农村饮水工程维修养护」没有预算数（或为 0），无法计算执行进度："
            "监控表的资金表没有年初预算数或全年预算数：请在表中填写预算数，或在填报表中加一行「全年预算数」") in said


def test_with_its_budget_it_is_monitored(tmp_path: Path) -> None:
    rows = [TITLE, *_rows(["年初预算数", "1-6月执行数", "全年预计执行数"], ["100", "40", "95"], SURE)]
    code, said = _own("monitor", rows, tmp_path)
    assert code == 0 and "错误" not in said, said
