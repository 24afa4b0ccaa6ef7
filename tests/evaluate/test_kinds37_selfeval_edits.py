"""A 自评表 as people fill it, scored by ``evaluate 表 -a 表`` (kinds37).

* 全年执行数 above the budget (110 of 100): scored as 100 % by the rule (rules.md §4), but said nowhere but in the
  execution's explanation; a person asks why — a warning at the 全年执行数 cell now, the result still given.
* 实际完成值 ``≥95%`` with the target's comparator (copied from the target, or its bound): refused as no single
  figure — but where the bound already meets the target (``≥95%`` under ``≥90%``) the score is the full weight
  whatever the true value: scored so, a warning at the row. A bound short of the target (``≥95公里`` under
  ``≥100公里``: the score is not known) is refused as before.
* The guards (read and scored right already): 执行率 written ``100.00%`` or ``1``, ``0.9``; the 未完成原因 merged over
  all rows (the same text in each)."""

from __future__ import annotations

from pathlib import Path

from tests.evaluate.test_kinds36_table_edits import _own
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS


def _funds(executed: str, rate: str) -> list[list[str]]:
    return [*HEAD[:4], ["年度资金总额", "80", "100", executed, "10", rate, "10"]]


def test_an_execution_above_the_budget_is_warned_of(tmp_path: Path) -> None:
    code, said = _own("evaluate", [*_funds("110", "110%"), COLUMNS, *INDICATORS], tmp_path)
    assert code == 0, said
    (warning,) = [line for line in said.splitlines() if "大于全年预算数" in line]
    assert warning.endswith("警告：项目「乡村道路养护」全年执行数 110 大于全年预算数 100（执行率 110.00%）："
                            "按 100% 计分；请核对全年执行数，预算调整后请填写调整后的全年预算数")
    assert ":5:" in warning  # the 全年执行数's row


def test_edits_scored_right_already(tmp_path: Path) -> None:
    """Guards: a rate of 100.00% or 1, a reason merged over the rows; an execution within the budget says nothing."""
    for executed, rate in (("100", "100.00%"), ("100", "1"), ("90", "0.9")):
        code, said = _own("evaluate", [*_funds(executed, rate), COLUMNS, *INDICATORS], tmp_path)
        assert code == 0 and "大于全年预算数" not in said, said
    merged = [[*row[:7], "部分路段延期，下年加快进度"] for row in INDICATORS]
    code, said = _own("evaluate", [*_funds("90", "90%"), COLUMNS, *merged], tmp_path)
    assert code == 0, said



def test_an_actual_whose_bound_meets_the_target_is_scored_in_full(tmp_path: Path) -> None:
    copied = [list(row) for row in INDICATORS]
    copied[3][4] = "≥95%"  # under ≥90%
    code, said = _own("evaluate", [*_funds("90", "90%"), COLUMNS, *copied], tmp_path)
    assert code == 0, said
    assert ("警告：指标「群众满意度」实际完成值「≥95%」带比较符，其界值已达到指标值「≥90%」：按 95% 计分（得满分）"
            in said)
    copied[0][4] = "≥95公里"  # under ≥100公里: the score is not known
    code, said = _own("evaluate", [*_funds("90", "90%"), COLUMNS, *copied], tmp_path)
    assert code == 1 and "实际完成值「≥95公里」应为单个数值（不带 ≥、≤ 等比较符或范围）" in said
