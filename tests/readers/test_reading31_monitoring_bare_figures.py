"""A 监控表 one cell a line whose rows leave out their reasons and give their figures as bare numbers (``≥2 | 1 | 2``,
no unit): until reading31 the row after such a row lost its name into the row before (``重建水池`` read as its
偏差原因, ``≥2`` as its 纠偏措施) and its period figure ``1`` was taken for a name (an error, the row unread): a row
may fill its own forecast with a figure, and a bare number is no row's name."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

HEAD = [
    ["2024年项目支出绩效目标执行监控表"],
    ["项目名称", "农村饮水工程维修养护"],
    ["主管部门", "某县水利局", "实施单位", "某县水利局"],
    ["项目资金（万元）", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数"],
    ["年度资金总额", "100", "40", "40%", "100"],
    ["一级指标", "二级指标", "三级指标", "预期值", "1-6月执行情况", "全年预计完成", "偏差原因", "纠偏措施"],
]
LAST = ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "5200人", "无", "无"]


def _read(rows: list[list[str]], between: str) -> list[tuple[str, str, str | None, Decimal | None, str | None]]:
    text = between.join(cell for row in rows for cell in row) + "\n"
    result = load_bytes(text.encode(), "监控表.txt")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None
    return [(i.level3, i.target.raw, i.progress.actual if i.progress else None,
             i.progress.forecast_value if i.progress else None, i.progress.reason if i.progress else None)
            for i in result.document.projects[0].indicators]


@pytest.mark.parametrize("between", ["\n", "\n\n"])
@pytest.mark.parametrize(("first", "second"), [
    (["≥10", "4", "10"], ["≥2", "1", "2"]),  # signs, no units
    (["10", "4", "10"], ["2", "1", "2"]),  # bare numbers
    (["≥10处", "4处", "10处"], ["≥2", "1", "2"]),  # the row before in its unit, this one not
])
def test_a_row_after_one_without_reasons_keeps_its_name(between: str, first: list[str], second: list[str]) -> None:
    rows = [*HEAD, ["产出指标", "数量指标", "维修工程数", *first], ["重建水池", *second], LAST]
    assert _read(rows, between) == [
        ("维修工程数", first[0], first[1], Decimal(first[2].rstrip("处")), None),
        ("重建水池", second[0], second[1], Decimal(second[2]), None),
        ("受益人口", "≥5000人", "2000人", Decimal(5200), "无"),
    ]


def test_reasons_given_are_still_the_rows() -> None:
    rows = [*HEAD, ["产出指标", "数量指标", "维修工程数", "≥10", "4", "10", "汛期影响施工", "汛后加快施工进度"],
            ["重建水池", "≥2", "1", "2"], LAST]
    assert [(name, reason) for name, _t, _a, _f, reason in _read(rows, "\n")] == [
        ("维修工程数", "汛期影响施工"), ("重建水池", None), ("受益人口", "无")]
