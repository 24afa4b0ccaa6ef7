"""A 绩效监控表 whose target column is headed 预期值 (预期值 | 1-6月执行情况 | 全年预计完成 | 偏差原因 |
纠偏措施): until kinds29 its header had 「没有指标值列」 and none of its indicators was read; 预期值 is the year's
target as 预期指标值 and 预期目标值 are."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.readers.word_tables import word_file

TITLE = ["2024年项目支出绩效目标执行监控表"]
ROWS = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
    ["主管部门", "某县水利局", "", "", "实施单位", "某县水利局", "", ""],
    ["项目资金（万元）", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数", "", "", ""],
    ["年度资金总额", "100", "40", "40%", "100", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "预期值", "1-6月执行情况", "全年预计完成", "偏差原因", "纠偏措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "汛期影响施工", "汛后加快施工进度"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "5200人", "无", "无"],
]


def _pipe() -> bytes:
    # (rows written without their trailing empty cells: a text whose rows mostly end in ' |' and whose last row
    # does not is read as cut inside that row's last cell, text_layouts._last_row_end)
    rows = [row[:max(k for k, cell in enumerate(row) if cell) + 1] for row in ROWS]
    return ("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n").encode()


@pytest.mark.parametrize("form", ["txt", "docx"])
def test_a_monitoring_tables_expected_value_column_is_its_target(form: str) -> None:
    data = _pipe() if form == "txt" else word_file(ROWS, TITLE)
    result = load_bytes(data, f"监控表.{form}")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None and result.document.kind == "monitoring"
    project = result.document.projects[0]
    assert project.month == 6
    first = project.indicators[0]
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("维修工程数", "≥10处"), ("受益人口", "≥5000人")]
    assert first.progress is not None
    assert (first.progress.actual, first.progress.forecast_value, first.progress.reason, first.progress.measure) == (
        "4处", Decimal(10), "汛期影响施工", "汛后加快施工进度")
