"""The seed's text form: every field of every project, sources, notes."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from perfbudget.interchange import document_to_dict
from perfbudget.model import Document, Kind

# The design document's example: project 1 of the seed, first indicator, field by field.
PROJECT_1_HEAD = {
    "seq": 1,
    "title": "2024年检察业务信息化运维项目-2024中央绩效目标表",
    "name": "2024年检察业务信息化运维项目",
    "fund_label": "2024中央",
    "fund_year": 2024,
    "fund_source": "中央",
    "budget": {"total": "17.00", "fiscal": "17.00", "other": None},
    "purpose": "对现有的信息系统基础资源进行监控和管理，及时掌握网络信息系统资源现状和配置信息",
    "goals": ["对现有的信息系统基础资源进行监控和管理，及时掌握网络信息系统资源现状和配置信息"],
}
FIRST_INDICATOR = {
    "level1": "产出指标", "level2": "数量指标",
    "level3": "视频会议保障数量", "description": "视频会议保障数量",
    "target": {"raw": "≥12次", "kind": "quantitative", "op": ">=", "value": "12", "unit": "次",
               "direction": "positive"},
}
INDICATORS_PER_PROJECT = [9, 8, 8, 11, 9, 9, 10, 7, 6, 11]


def test_counts(seed_document: Document) -> None:
    assert len(seed_document.projects) == 10
    assert seed_document.indicator_count == 88
    assert [len(p.indicators) for p in seed_document.projects] == INDICATORS_PER_PROJECT
    assert [p.seq for p in seed_document.projects] == list(range(1, 11))


def test_document_header(seed_document: Document) -> None:
    data = document_to_dict(seed_document)
    assert data["format"] == "perfbudget/1"
    assert data["unit"] == {"code": "255101", "name": "天津市和平区人民检察院"}
    assert data["money_unit"] == "万元"
    assert "kind" not in data


def test_project_1_matches_the_design_example(seed_document: Document) -> None:
    project = document_to_dict(seed_document)["projects"][0]
    assert {k: project[k] for k in PROJECT_1_HEAD} == PROJECT_1_HEAD
    assert project["indicators"][0] == FIRST_INDICATOR
    assert set(project) == {*PROJECT_1_HEAD, "indicators"}


def test_project_1_indicator_tree(seed_document: Document) -> None:
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in seed_document.projects[0].indicators]
    assert rows == [
        ("产出指标", "数量指标", "视频会议保障数量", "≥12次"),
        ("产出指标", "数量指标", "信息化设备（系统）巡检次数", "≥15次"),
        ("产出指标", "质量指标", "信息化系统运维服务验收合格率", "100%"),
        ("产出指标", "质量指标", "网络连通率", "≥95%"),
        ("产出指标", "时效指标", "系统故障修复平均响应时间", "≤2小时"),
        ("产出指标", "成本指标", "运行系统（软件）维护成本", "≤17万元"),
        ("效益指标", "社会效益指标", "保障司法工作正常开展", "有效保障"),
        ("效益指标", "可持续影响指标", "信息化设备（系统）正常使用年限", "≥6年"),
        ("满意度指标", "服务对象满意度指标", "服务干警满意度", "≥95%"),
    ]
    cost = seed_document.projects[0].indicators[5].target
    assert (cost.op, cost.value, cost.unit, cost.direction) == (">=".replace(">=", "<="), Decimal("17"), "万元",
                                                                "reverse")


def test_multi_paragraph_goals_and_numbering(seed_document: Document) -> None:
    assert seed_document.projects[4].goals == (
        "保障我院各项业务工作顺利开展。",
        "保障机关安全、大楼设施安全运转，为办案工作开展提供外在保障。",
    )
    # "1. 充分…" loses its numbering and the space after it.
    assert seed_document.projects[9].goals == ("充分发挥司法救助“救济解困”功能，对符合条件的当事人，应救助尽救助。",)
    assert seed_document.projects[9].purpose == "充分发挥司法救助“救济解困”功能，对符合条件的当事人，应救助尽救助。"


def test_blank_money_cells_are_null_not_zero(seed_document: Document) -> None:
    p8 = seed_document.projects[7]
    assert (p8.budget.total, p8.budget.fiscal, p8.budget.other) == (Decimal("11.30"), None, Decimal("11.30"))
    assert str(p8.budget.total) == "11.30"
    assert p8.fund_source == "非财拨"
    p1 = seed_document.projects[0]
    assert p1.budget.other is None


def test_names_and_labels(seed_document: Document) -> None:
    p2 = seed_document.projects[1]
    assert (p2.name, p2.fund_label, p2.fund_year) == ("检察业务、装备及外包服务费", "2023中央", 2023)
    assert p2.name_cell == "检察业务、装备及外包服务费-2023中央"
    assert seed_document.projects[5].indicators[0].level3 == "常规普法宣传、专题与专项普法宣"
    assert seed_document.projects[5].indicators[0].description == "常规普法宣传、专题与专项普法宣传次数"


def test_every_value_keeps_its_source_line(seed_document: Document, seed_path: Path) -> None:
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    for project in seed_document.projects:
        assert project.source is not None and project.source.line is not None
        assert "绩效目标表" in lines[project.source.line - 1]
        assert project.sources["name"].line is not None
        assert lines[project.sources["name"].line - 1].strip() == project.name_cell
        assert lines[project.sources["budget.total"].line - 1].strip() == str(project.budget.total)
        for indicator in project.indicators:
            target_line = indicator.sources["target"].line
            assert target_line is not None
            assert lines[target_line - 1].strip() == indicator.target.raw
            level3_line = indicator.sources["level3"].line
            assert level3_line is not None and lines[level3_line - 1].strip() == indicator.level3
            assert indicator.source is not None and indicator.source.file == str(seed_path)


def test_seed_targets_parse(seed_document: Document) -> None:
    kinds = [i.target.kind for p in seed_document.projects for i in p.indicators]
    assert kinds.count(Kind.QUALITATIVE) == 15
    for project in seed_document.projects:
        for indicator in project.indicators:
            if indicator.target.kind is Kind.QUANTITATIVE:
                assert isinstance(indicator.target.value, Decimal)


def test_json_is_stable(seed_document: Document) -> None:
    text = json.dumps(document_to_dict(seed_document), ensure_ascii=False)
    assert "17.00" in text and "1.88" in text
