"""kinds27: a 自评表's target below zero is scored only where the indicator measures a change or a balance; a cost's
or a count's (``≤-5万元``, ``≥-500人``) is an error at its row and nothing is scored (any actual met it before)."""

from __future__ import annotations

import pytest

from tests.evaluate.test_negative_figures import SELF, _forms, _scored


@pytest.mark.parametrize("name", ["表.txt", "表.docx", "表.xlsx"])
def test_a_negative_target_of_a_count_is_not_scored_and_a_fall_is(name: str) -> None:
    rows = [row[:] for row in SELF]
    rows[4][3], rows[4][4] = "≥-10处", "0处"  # 维修工程数 ≥-10处: 0 done took its full 30 points
    _, errors = _scored(name, dict(_forms("2024年项目支出绩效自评表", rows))[name])
    assert len(errors) == 1, errors
    assert "「维修工程数」的指标值「≥-10处」是负数：数量、比率、金额、时间和满意度不会为负" in errors[0]
    assert "不予计分" in errors[0]
    where = {"表.txt": "表.txt:6", "表.docx": "表.docx:表1 第5行", "表.xlsx": "表.xlsx:Sheet 第6行"}[name]
    assert errors[0].startswith(where), errors[0]
    # a fall written below zero is the indicator's own: scored by the rules as before
    rows[4][2] = "事故数较上年减少"
    assert _scored(name, dict(_forms("2024年项目支出绩效自评表", rows))[name])[1][0].startswith("总分")
