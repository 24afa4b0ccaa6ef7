"""Monitoring lights (rules.md §5) on hand-computed cases, and the monitor sheet's required columns."""

from __future__ import annotations

import json

import pytest

from perfbudget.evaluate.monitor import (
    BLUE,
    GREEN,
    RED,
    YELLOW,
    Monitoring,
    MonitorOptions,
    monitor_document,
    monitoring_from_dict,
    worst,
)
from perfbudget.evaluate.resolve import resolve
from perfbudget.evaluate.sheet import read_sheet_bytes
from perfbudget.evaluate.vocabulary import MONITOR_COLUMNS
from perfbudget.model import Document
from tests.evaluate.helpers import csv_bytes, messages

P1 = "2024年检察业务信息化运维项目-2024中央"
# 项目名称,三级指标,实际完成值,完成等级,完成目标可能性,全年预计完成情况,偏差原因,偏差原因分析,备注
HEADER = ",".join(MONITOR_COLUMNS)


def _rows(**overrides: str) -> list[str]:
    rows = {
        "全年执行数": f"{P1},全年执行数,8.5,,,,,,",
        "视频会议保障数量": f"{P1},视频会议保障数量,6,,确定能,,,,",
        "信息化设备（系统）巡检次数": f"{P1},信息化设备（系统）巡检次数,5,,有可能,12次,人员保障,人员不足,",
        "信息化系统运维服务验收合格率": f"{P1},信息化系统运维服务验收合格率,100%,,确定能,,,,",
        "网络连通率": f"{P1},网络连通率,99%,,确定能,,,,",
        "系统故障修复平均响应时间": f"{P1},系统故障修复平均响应时间,3小时,,有可能,2小时,硬件条件保障,,",
        "运行系统（软件）维护成本": f"{P1},运行系统（软件）维护成本,8,,确定能,,,,",
        "保障司法工作正常开展": f"{P1},保障司法工作正常开展,,部分达成,确定能,,,,",
        "信息化设备（系统）正常使用年限": f"{P1},信息化设备（系统）正常使用年限,6,,确定能,,,,",
        "服务干警满意度": f"{P1},服务干警满意度,96%,,确定能,,,,",
    }
    rows.update(overrides)
    return list(rows.values())


def _monitor(document: Document, rows: list[str], month: int = 6, options: MonitorOptions | None = None):  # type: ignore[no-untyped-def]
    sheet_rows, problems = read_sheet_bytes(csv_bytes(*rows, header=HEADER), "m.csv", "monitor")
    actuals, found = resolve(document, sheet_rows, "monitor")
    if problems or found:
        return None, problems + found
    return monitor_document(document, actuals, month, options)


def test_lights_at_month_6(seed_document: Document) -> None:
    results, problems = _monitor(seed_document, _rows())
    assert results is not None, messages(problems)
    (project,) = results
    lights = [line.light for line in project.indicators]
    # 1 ≥12次, 6 by June: v = 6 / (12 × 6/12) = 1.0 → green
    # 2 ≥15次, 5: v = 5 / 7.5 = 0.667 → yellow
    # 3 100%, 100%: a rate, not time-scaled: v = 1 → green
    # 4 ≥95%, 99%: v = 1.042 → green
    # 5 ≤2小时 (reverse), 3小时 → red
    # 6 ≤17万元 (reverse), 8 → green
    # 7 qualitative 部分达成 → yellow
    # 8 ≥6年, 6: v = 6 / 3 = 2.0 → blue (ahead of schedule)
    # 9 ≥95%, 96%: rate → green
    assert lights == [GREEN, YELLOW, GREEN, GREEN, RED, GREEN, YELLOW, BLUE, GREEN]
    assert project.colour == RED
    # budget: 8.5 / 17 = 50%; v = 0.5 / (6/12) = 1.0 → green
    assert project.budget_light == GREEN
    assert str(project.indicators[1].progress)[:5] == "0.666"


def test_budget_lights(seed_document: Document) -> None:
    # 4 / 17 = 23.5%; v = 0.235 / 0.5 = 0.47 → red; 6 / 17 = 35.3% → v = 0.706 → yellow
    results, _ = _monitor(seed_document, _rows(全年执行数=f"{P1},全年执行数,4,,,,,,"))
    assert results is not None and results[0].budget_light == RED
    results, _ = _monitor(seed_document, _rows(全年执行数=f"{P1},全年执行数,6,,,,,,"))
    assert results is not None and results[0].budget_light == YELLOW


def test_actual_zero_is_red(seed_document: Document) -> None:
    results, _ = _monitor(seed_document, _rows(视频会议保障数量=f"{P1},视频会议保障数量,0,,有可能,12,经费保障,,"))
    assert results is not None and results[0].indicators[0].light == RED


def test_scale_rates_option(seed_document: Document) -> None:
    # literal rule: 99% against ≥95% × 6/12 = 47.5% → v = 2.08 → blue
    results, _ = _monitor(seed_document, _rows(), options=MonitorOptions(scale_rates=True))
    assert results is not None and results[0].indicators[3].light == BLUE


def test_forecast_and_reason_required_unless_sure(seed_document: Document) -> None:
    rows = _rows(**{"信息化设备（系统）巡检次数": f"{P1},信息化设备（系统）巡检次数,5,,有可能,,,,"})
    results, problems = _monitor(seed_document, rows)
    assert results is None
    text = messages(problems)
    assert any(m.startswith("m.csv:4:") and "须填写全年预计完成情况" in m for m in text), text
    assert any(m.startswith("m.csv:4:") and "须填写偏差原因" in m for m in text), text


def test_likelihood_required_and_checked(seed_document: Document) -> None:
    rows = _rows(视频会议保障数量=f"{P1},视频会议保障数量,6,,,,,,", 网络连通率=f"{P1},网络连通率,99%,,也许,,,,")
    results, problems = _monitor(seed_document, rows)
    assert results is None
    text = messages(problems)
    assert any(m.startswith("m.csv:3:") and "完成目标可能性为空" in m for m in text), text
    assert any(m.startswith("m.csv:6:") and "完成目标可能性「也许」无效" in m for m in text), text


def test_bad_reason_and_month(seed_document: Document) -> None:
    rows = _rows(**{"信息化设备（系统）巡检次数": f"{P1},信息化设备（系统）巡检次数,5,,有可能,12,天气,,"})
    results, problems = _monitor(seed_document, rows)
    assert results is None and any("偏差原因「天气」无效" in m for m in messages(problems))
    results, problems = _monitor(seed_document, _rows(), month=13)
    assert results is None and "月份 13 无效" in problems[0].message


def test_worst_order() -> None:
    assert worst([BLUE, GREEN]) == GREEN
    assert worst([BLUE, YELLOW, GREEN]) == YELLOW
    assert worst([RED, BLUE]) == RED
    assert worst([BLUE]) == BLUE


def test_monitoring_json_both_ways(seed_document: Document) -> None:
    results, problems = _monitor(seed_document, _rows(), month=7)
    assert results is not None, messages(problems)
    monitoring = Monitoring("255101", "单位", "万元", 7, tuple(results), scale_rates=True,
                            document_file="seed.txt", actuals_file="m.csv")
    data = monitoring.to_dict()
    assert data["format"] == "perfbudget-monitor/1" and data["projects"][0]["month"] == 7
    back = monitoring_from_dict(json.loads(json.dumps(data)))
    assert back == monitoring and back.to_dict() == data
    # progress keeps every digit: 5 / (15 × 7/12) = 0.5714…
    assert back.projects[0].indicators[1].progress == results[0].indicators[1].progress
    assert back.projects[0].indicators[1].source == results[0].indicators[1].source
    with pytest.raises(ValueError):
        monitoring_from_dict({**data, "format": "perfbudget-evaluation/1"})
