"""A 绩效监控表 one cell a line (text copied from a web page that kept the cells, not the rows): until reading30
the stream's indicator header ended at 预期值 (1-6月执行情况 was no label it knew), so each row's period figure and
forecast were read as an indicator of their own (「4处 | 10处」), and with them known, the row's last cells
(偏差原因 | 纠偏措施) were taken for a new row (「汛期影响施工 | 汛后加快施工进度」)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

ROWS = [
    ["2024年项目支出绩效目标执行监控表"],
    ["项目名称", "农村饮水工程维修养护"],
    ["主管部门", "某县水利局", "实施单位", "某县水利局"],
    ["项目资金（万元）", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数"],
    ["年度资金总额", "100", "40", "40%", "100"],
    ["一级指标", "二级指标", "三级指标", "预期值", "1-6月执行情况", "全年预计完成", "偏差原因", "纠偏措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "汛期影响施工", "汛后加快施工进度"],
    ["质量指标", "工程验收合格率", "100%", "100%", "100%", "无", "无"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "5200人", "无", "无"],
]


Read = tuple[str, str, str, str | None, Decimal | None, str | None, str | None]


def _read(rows: list[list[str]], between: str = "\n") -> list[Read]:
    text = between.join(cell for row in rows for cell in row) + "\n"
    result = load_bytes(text.encode(), "监控表.txt")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None and result.document.kind == "monitoring"
    return [(i.level2, i.level3, i.target.raw) + ((i.progress.actual, i.progress.forecast_value, i.progress.reason,
                                                   i.progress.measure) if i.progress else (None, None, None, None))
            for i in result.document.projects[0].indicators]


@pytest.mark.parametrize("between", ["\n", "\n\n"])  # one cell a line, one cell a paragraph
def test_a_monitoring_table_one_cell_a_line_keeps_each_rows_figures_and_reasons(between: str) -> None:
    assert _read(ROWS, between) == [
        ("数量指标", "维修工程数", "≥10处", "4处", Decimal(10), "汛期影响施工", "汛后加快施工进度"),
        ("质量指标", "工程验收合格率", "100%", "100%", Decimal(100), "无", "无"),
        ("社会效益指标", "受益人口", "≥5000人", "2000人", Decimal(5200), "无", "无"),
    ]


def test_rows_that_leave_the_reason_columns_out_are_still_rows_of_their_own() -> None:
    # the reasons left out: the row's figures stay its own (main: a row named 「4处」), and 「重建水池 | ≥2个」 after a
    # row is the next row, its target a value (as before)
    rows = [*ROWS[:6], ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处"], ["重建水池", "≥2个"],
            ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "5200人"]]
    assert [(name, target, actual) for _l2, name, target, actual, *_ in _read(rows)] == [
        ("维修工程数", "≥10处", "4处"), ("重建水池", "≥2个", None), ("受益人口", "≥5000人", "2000人")]
