"""A 绩效监控表 copied one cell a line (预期值 | 1-6月执行情况 | 全年预计完成 | 偏差原因 | 纠偏措施): until kinds30 the
rebuilt header stopped at 1-6月执行情况, and the row's trailing 偏差原因 | 纠偏措施 cells were read as an indicator of
their own (「汛期影响施工」 with the target 「汛后加快施工进度」, FAILURES BF). The monitoring columns are header
labels of the stream now, and cells that fill the row and whole rows after it up to the next level name are the
row's own."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity

_HEAD = ["2024年项目支出绩效目标执行监控表", "项目名称", "农村饮水工程维修养护", "主管部门", "某县水利局", "实施单位",
         "某县水利局", "项目资金（万元）", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数", "年度资金总额",
         "100", "40", "40%", "100", "一级指标", "二级指标", "三级指标", "预期值", "1-6月执行情况", "全年预计完成",
         "偏差原因", "纠偏措施"]


def _read(rows: list[str]):  # type: ignore[no-untyped-def]
    return load_bytes(("\n".join([*_HEAD, *rows]) + "\n").encode(), "监控表.txt")


def _progress(result) -> list[tuple[str, str, str | None, Decimal | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    assert result.document is not None, [str(p) for p in result.problems]
    assert result.document.kind == "monitoring"
    return [(i.level3, i.target.raw, i.progress.actual if i.progress else None,
             i.progress.forecast_value if i.progress else None, i.progress.reason if i.progress else None,
             i.progress.measure if i.progress else None)
            for p in result.document.projects for i in p.indicators]


def test_a_rows_reason_and_measure_are_its_own_not_a_row() -> None:
    result = _read(["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "汛期影响施工", "汛后加快施工进度",
                    "效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "5200人", "无", "无"])
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert _progress(result) == [("维修工程数", "≥10处", "4处", Decimal(10), "汛期影响施工", "汛后加快施工进度"),
                                 ("受益人口", "≥5000人", "2000人", Decimal(5200), "无", "无")]


def test_whole_rows_under_one_level_are_read_one_by_one() -> None:
    result = _read(["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "汛期影响施工", "汛后加快施工进度",
                    "新建水池", "≥2座", "1座", "2座", "材料到货晚", "催促供货"])
    assert [row[:2] for row in _progress(result)] == [("维修工程数", "≥10处"), ("新建水池", "≥2座")]
    assert _progress(result)[1][4:] == ("材料到货晚", "催促供货")


def test_a_row_without_its_optional_cells_still_ends_where_the_next_row_starts() -> None:
    # the first row's 偏差原因 and 纠偏措施 left out by the page: the cells do not tile, the old test of a new row
    result = _read(["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处",
                    "新建水池", "≥2座", "1座", "2座", "材料到货晚", "催促供货"])
    assert [row[:3] for row in _progress(result)] == [("维修工程数", "≥10处", "4处"), ("新建水池", "≥2座", "1座")]


def test_rows_without_their_optional_cells_are_not_split_at_their_figures() -> None:
    # 名称 | ≥10处 | 4处 | 10处 three times: 4处 and 10处 are the row's period and forecast, no row 「4处」 of
    # target 「10处」 (main read six indicators), whether the cells happen to tile the header's width or not
    result = _read(["产出指标", "数量指标", *(["维修工程数", "≥10处", "4处", "10处"] * 3)])
    assert [row[:4] for row in _progress(result)] == [("维修工程数", "≥10处", "4处", Decimal(10))] * 3
