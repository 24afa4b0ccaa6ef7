"""kinds27: a target below zero (``≤-5万元``) is a slip unless the indicator measures a change or a balance."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.review.engine import review_document


def _review(*rows: str) -> list[tuple[str, str, str]]:
    text = "\n".join(["项目支出绩效目标表", "项目名称 | 农村饮水工程维修养护",
                      "预算数 | 100 | 其中：财政资金 | 100 | 其他资金 | 0", "一级指标 | 二级指标 | 三级指标 | 指标值",
                      *rows]) + "\n"
    result = load_bytes(text.encode(), "表.txt")
    assert result.ok and result.document is not None, [str(p) for p in result.problems]
    return [(f.message, f.severity.value if hasattr(f.severity, "value") else str(f.severity), str(f.source))
            for f in review_document(result.document, only={"negative-target"}).findings]


def test_a_negative_cost_or_count_target_is_an_error_at_its_cell() -> None:
    # read as written and reviewed without a word until kinds27: ≤-5万元 for a 单位成本 rewards any actual
    found = _review("产出指标 | 成本指标 | 单位维修成本 | ≤-5万元", "产出指标 | 数量指标 | 受益人口 | ≥-500人")
    assert [message for message, _, _ in found] == [
        "「单位维修成本」的指标值「≤-5万元」是负数：成本不会为负，只有增减变化（下降、减少、增长等）或盈亏类指标可以写负数",
        "「受益人口」的指标值「≥-500人」是负数：数量、比率、金额、时间和满意度不会为负，"
        "只有增减变化（下降、减少、增长等）或盈亏类指标可以写负数"]
    assert [where for _, _, where in found] == ["表.txt:5:第4列", "表.txt:6:第4列"]
    assert {severity for _, severity, _ in found} == {"error"}


def test_a_change_or_a_balance_may_be_written_below_zero() -> None:
    assert _review("效益指标 | 社会效益指标 | 安全事故较上年减少 | ≤-5%",
                   "产出指标 | 成本指标 | 单位成本降低率 | ≥-3%",
                   "效益指标 | 经济效益指标 | 项目利润 | ≥-20万元",
                   "产出指标 | 成本指标 | 单位维修成本 | ≤5万元") == []
