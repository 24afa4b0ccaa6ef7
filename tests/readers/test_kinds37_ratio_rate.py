"""A 自评表's 执行率 written as a bare ratio (kinds37): ``0.9`` or ``1`` without ``%`` — a ratio or a percent, left
untyped since it cannot be told from the cell (the project's 执行率 unread, no word). The row's 全年执行数 ÷ 预算数
tells it: the one reading that agrees is the rate, an info note at the cell; none agreeing, untyped as before."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS


def _read(executed: str, rate: str):  # type: ignore[no-untyped-def]
    rows = [*HEAD[:4], ["年度资金总额", "80", "100", executed, "10", rate, "10"], COLUMNS, *INDICATORS]
    read = load_bytes(("\n".join("\t".join(row) for row in rows) + "\n").encode(), "自评表.txt")
    assert read.document is not None
    return read.document.projects[0].budget, [p for p in read.problems if "执行率" in p.message]


@pytest.mark.parametrize(("executed", "rate", "read_as"), [("90", "0.9", Decimal(90)), ("100", "1", Decimal(100)),
                                                           ("95", "0.95", Decimal(95)), ("100", "1.00", Decimal(100))])
def test_a_ratio_the_execution_decides(executed: str, rate: str, read_as: Decimal) -> None:
    budget, notes = _read(executed, rate)
    assert budget.rate == read_as
    (note,) = notes
    assert note.severity is Severity.INFO and note.message.startswith(f"执行率「{rate}」按比例读作")


def test_a_ratio_the_execution_does_not_decide_stays_untyped() -> None:
    """Guard: ``1`` beside 90 of 100 (100 % or 1 %? neither is 90 %): untyped, as before; a rate with % as before."""
    budget, notes = _read("90", "1")
    assert budget.rate is None and not notes
    budget, notes = _read("90", "90%")
    assert budget.rate == Decimal(90) and not notes
