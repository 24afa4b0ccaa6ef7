"""Round 10's changes that the inline reader cannot show (it fills an empty level cell from the row
above, as a merged cell): a form without a 二级 column or without any level (a flat 部门整体 list,
the central sample's 指标 | 指标内容 | 指标值). A case each must flag and a near miss."""

from __future__ import annotations

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target


def document(*rows: tuple[str, str, str, str]) -> Document:
    indicators = tuple(Indicator(level1, level2, name, None, parse_target(value, name))
                       for level1, level2, name, value in rows)
    project = Project(seq=1, title=None, name="信息系统运行维护", fund_label=None, fund_year=2023, fund_source=None,
                      budget=Budget(total=None), purpose=None, goals=(), indicators=indicators, complete=True)
    return Document(Unit(None, None), "万元", (project,), source=Source("inline"))


def found(doc: Document, rule_id: str) -> list[tuple[int | None, str | None]]:
    return [(f.indicator, f.field) for f in review_document(doc, only={rule_id}).findings]


def test_a_form_without_a_second_level_is_not_outside_the_framework() -> None:
    doc = document(("产出指标", "", "测报员培训人次", "200人次"), ("效益指标", "", "森林资源生长因害损失量", "≤5%"))
    assert found(doc, "level-not-in-framework") == []


def test_a_flat_list_without_levels_is_not_outside_the_framework() -> None:
    doc = document(("", "", "播发稿件数量", "2200篇"), ("", "", "固定资产利用率", "90%"))
    assert found(doc, "level-not-in-framework") == []


def test_a_second_level_outside_the_framework_is_still_flagged() -> None:
    doc = document(("产出指标", "", "测报员培训人次", "200人次"), ("产出指标", "资金投入", "项目资金", "100%"))
    assert found(doc, "level-not-in-framework") == [(2, "level2")]


def test_budget_management_in_a_flat_list_is_not_an_output() -> None:
    doc = document(("", "", "预算完成率", "70%"), ("", "", "预算调整率", "3%"), ("", "", "播发稿件数量", "2200篇"))
    assert found(doc, "input-as-output") == []


def test_budget_execution_filed_as_an_output_is_still_an_input() -> None:
    doc = document(("产出指标", "", "预算完成率", "70%"), ("", "", "播发稿件数量", "2200篇"))
    assert found(doc, "input-as-output") == [(1, "level3")]


def test_older_names_of_a_second_level_are_read() -> None:
    doc = document(("产出指标", "进度指标", "完成年度资料上报", "2020年12月底前"),
                   ("效益指标", "环境效益", "园区绿化覆盖率", "≥30%"))
    assert found(doc, "level-not-in-framework") == []
    doc = document(("产出指标", "进度目录", "完成年度资料上报", "2020年12月底前"))
    assert found(doc, "level-not-in-framework") == [(1, "level2")]


def test_records_put_in_order_can_be_a_share() -> None:
    doc = document(("产出指标", "质量指标", "监测数据资料整编", "100%"),
                   ("产出指标", "质量指标", "基础信息完善", "100%"))
    assert found(doc, "unit-mismatch") == []
    doc = document(("产出指标", "质量指标", "取得监测资料", "100%"))  # a share of what? the records themselves
    assert found(doc, "unit-mismatch") == [(1, "target")]
