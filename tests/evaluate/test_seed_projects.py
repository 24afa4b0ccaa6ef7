"""Whole-project cases on seed projects, each with its hand computation in the comments."""

from __future__ import annotations

import json
from decimal import Decimal as D

from perfbudget.evaluate.numbers import show
from perfbudget.evaluate.result import evaluation_from_dict
from perfbudget.model import Document
from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run

P1 = "2024年检察业务信息化运维项目-2024中央"


def test_seed_project_5_by_hand(seed_document: Document) -> None:
    # Project 5, budget 60.00 万元, 9 indicators: 产出 6, 效益 2, 满意度 1.
    # weights: 产出 50/6 = 8.333…, 效益 30/2 = 15, 满意度 10; 预算执行率 10.
    # Exact (unrounded weights), as computed by hand below: 90.333…
    # As printed: 产出 50 in cents by largest remainder = 8.34, 8.34, 8.33, 8.33, 8.33, 8.33 and every
    # score rounded to 0.01; the total is the sum of the printed items:
    #  9 + (8.34 + 8.34×0.9=7.506→7.51 + 8.33×0.98=8.1634→8.16 + 8.33 + 8.33 + 8.33×0.8=6.664→6.66)
    #    + 15 + 9 + 10 = 9 + 47.33 + 34 = 90.33 (|90.33 − 90.333…| ≤ 0.01 × 9)
    #  执行: 54 / 60 = 90%            → 10 × 0.9               = 9
    #  1 保障人数 ≥120人, 126人       → full                   = 8.333…
    #  2 办案数 ≥500件, 450           → 8.333… × 450/500       = 7.5
    #  3 维修合格率 100%, 98%         → 8.333… × 98/100        = 8.1666…
    #  4 支出合规率 100%, 100         → full                   = 8.333…
    #  5 支付及时率 ≥95%, 95%         → full                   = 8.333…
    #  6 成本增长率 ≤20% (reverse), 25% → 8.333… × 20/25       = 6.666…
    #    产出 total = 8.333… × (1 + 0.9 + 0.98 + 1 + 1 + 0.8) = 8.333… × 5.68 = 47.333…
    #  7 普及率 ≥3%, 3.5%             → full                   = 15
    #  8 可持续影响 (qualitative), 部分达成, no score → 0.6 × 15 = 9
    #  9 满意度 ≥90%, 92%             → full                   = 10
    #  total = 9 + 47.333… + 15 + 9 + 10 = 90.333… → shown 90.33, grade 优
    data = csv_bytes(*P5_SHEET)
    evaluation, problems = run(seed_document, data)
    assert evaluation is not None, problems
    (project,) = evaluation.projects
    assert project.seq == 5
    assert show(project.execution_score) == "9.00"
    scores = [show(i.score) for i in project.indicators]
    assert [show(i.weight) for i in project.indicators] == [
        "8.34", "8.34", "8.33", "8.33", "8.33", "8.33", "15.00", "15.00", "10.00"]
    assert scores == ["8.34", "7.51", "8.16", "8.33", "8.33", "6.66", "15.00", "9.00", "10.00"]
    assert show(project.total) == "90.33"
    assert project.total == sum((D(s) for s in scores), D(show(project.execution_score)))
    assert abs(project.total - (D(90) + D(1) / 3)) <= D("0.01") * len(project.indicators)
    assert project.grade == "优"
    assert project.total <= 100
    assert project.indicators[1].deviation == "案件数量下降"


def test_seed_project_1_with_unit_conversions(seed_document: Document) -> None:
    # Project 1, budget 17.00 万元; 产出 6 × 8.333…, 效益 2 × 15, 满意度 1 × 10.
    #  执行: 16.15 / 17 = 95%                      → 9.5
    #  1 视频会议 ≥12次, 12                        → 8.333…
    #  2 巡检 ≥15次, 12                            → 8.333… × 12/15 = 6.666…
    #  3 验收合格率 100%, 100%                     → 8.333…
    #  4 连通率 ≥95%, 99%                          → 8.333…
    #  5 响应时间 ≤2小时, 150分钟 = 2.5小时        → 8.333… × 2/2.5 = 6.666…
    #  6 维护成本 ≤17万元, 160000元 = 16万元       → 8.333…
    #    产出 = 8.333… × (1 + 0.8 + 1 + 1 + 0.8 + 1) = 8.333… × 5.6 = 46.666…
    #  7 保障司法工作 (qualitative) 达成, 给分 14  → 14 (band 12–15)
    #  8 使用年限 ≥6年, 6年                        → 15
    #  9 满意度 ≥95%, 90%                          → 10 × 90/95 = 9.47368…
    #  exact total = 9.5 + 46.666… + 14 + 15 + 9.47368… = 94.6403…
    # As printed (weights 8.34, 8.34, 8.33 ×4; each score rounded): 9.5 + 8.34 + 8.34×0.8=6.672→6.67
    #  + 8.33 + 8.33 + 8.33×0.8=6.664→6.66 + 8.33 + 14 + 15 + 9.47 = 94.63, 优 (|94.63 − 94.6403…| ≤ 0.09)
    data = csv_bytes(
        "1,全年执行数,16.15万元,,,",
        f"{P1},视频会议保障数量,12,,,",
        ",信息化设备（系统）巡检次数,12次,,,设备集中更换",
        ",信息化系统运维服务验收合格率,100%,,,",
        ",网络连通率,99百分比,,,",
        ",系统故障修复平均响应时间,150分钟,,,",
        ",运行系统（软件）维护成本,160000元,,,",
        ",保障司法工作正常开展,已保障,达成,14,",
        ",信息化设备（系统）正常使用年限,6年,,,",
        ",服务干警满意度,90%,,,",
    )
    evaluation, problems = run(seed_document, data)
    assert evaluation is not None, problems
    (project,) = evaluation.projects
    assert project.seq == 1
    assert [show(i.score) for i in project.indicators] == [
        "8.34", "6.67", "8.33", "8.33", "6.66", "8.33", "14.00", "15.00", "9.47"]
    assert show(project.total) == "94.63"
    exact = D("9.5") + D(50) / 6 * D("5.6") + 14 + 15 + D(10) * 90 / 95
    assert abs(project.total - exact) <= D("0.01") * len(project.indicators)
    assert project.grade == "优"
    assert "150分钟 = 2.5小时" in project.indicators[4].explanation
    assert "160000元 = 16万元" in project.indicators[5].explanation
    assert project.indicators[4].actual_value == D("2.5")


def test_evaluation_json_round_trip(seed_document: Document) -> None:
    data = csv_bytes(
        f"{P5},全年执行数,54,,,",
        *(f"{P5},{i.level3},{'达成' if i.target.kind.value == 'qualitative' else ''},"
          f"{'达成' if i.target.kind.value == 'qualitative' else ''},," if i.target.kind.value == "qualitative"
          else f"{P5},{i.level3},{i.target.value},,,"
          for i in seed_document.projects[4].indicators),
    )
    evaluation, problems = run(seed_document, data)
    assert evaluation is not None, problems
    text = evaluation.dumps()
    again = evaluation_from_dict(json.loads(text))
    assert again == evaluation
    payload = json.loads(text)["projects"][0]
    assert payload["seq"] == 5 and isinstance(payload["total"], str)
    assert {"position", "weight", "score", "explanation"} <= set(payload["indicators"][0])
