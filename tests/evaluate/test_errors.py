"""Bad sheets: every error names its row (file:line), all are reported together, nothing is scored."""

from __future__ import annotations

import pytest

from perfbudget.model import Document
from tests.evaluate.helpers import HEADER, csv_bytes, messages, run

P5 = "2024年检察业务经费项目-2024市级"
GOOD_P5 = [
    f"{P5},全年执行数,54,,,",
    f"{P5},检察业务保障人数,126人,,,",
    f"{P5},办案数,450,,,",
    f"{P5},设备维修维护合格率,98%,,,",
    f"{P5},检察业务费支出合规率,100,,,",
    f"{P5},检察业务费支付及时率,95%,,,",
    f"{P5},年度维护成本增长率,25%,,,",
    f"{P5},提升法律知识普及率,3.5%,,,",
    f"{P5},保障案件办理可持续影响,,部分达成,,",
    f"{P5},检察服务对象满意度,92%,,,",
]


def _replace(line_number: int, text: str) -> list[str]:
    """GOOD_P5 with the row on file line ``line_number`` (the header is line 1) replaced."""
    rows = list(GOOD_P5)
    rows[line_number - 2] = text
    return rows


@pytest.mark.parametrize(("line", "row", "message"), [
    (3, f"{P5},检察业务保障人数,,,,", "实际完成值为空"),
    (3, f"{P5},检察业务保障人数,很多,,,", "「很多」不是数值"),
    (3, f"{P5},检察业务保障人数,120次,,,", "单位「次」不能换算为指标值的单位「人」"),
    (3, f"{P5},检察业务保障人数,≤120人,,,", "应为单个数值"),  # (≥ of a bound meeting ≥ is scored: kinds37)
    (3, f"{P5},检察业务保障人数X,120,,,", "没有三级指标「检察业务保障人数X」"),
    (3, "不存在的项目,检察业务保障人数,120,,,", "未知项目「不存在的项目」"),
    (3, "99,检察业务保障人数,120,,,", "没有序号为 99 的项目"),
    (10, f"{P5},保障案件办理可持续影响,很好,,,", "须填写完成等级"),
    (10, f"{P5},保障案件办理可持续影响,,差不多,,", "完成等级「差不多」无法识别"),
    (10, f"{P5},保障案件办理可持续影响,,部分达成,14,",
     "得分 14 不在完成等级「部分达成」的区间内：应为分值的 60%–80%（"),  # until replay-s 「…」，区间为…内」
    (10, f"{P5},保障案件办理可持续影响,,部分达成,abc,", "得分「abc」应为非负数字"),
    (2, f"{P5},全年执行数,,,,", "「全年执行数」的实际完成值为空"),
    (2, f"{P5},全年执行数,54个,,,", "单位「个」不能换算"),
])
def test_error_names_the_row(seed_document: Document, line: int, row: str, message: str) -> None:
    evaluation, problems = run(seed_document, csv_bytes(*_replace(line, row)), file="p5.csv")
    assert evaluation is None
    found = [m for m in messages(problems) if message in m]
    assert found, messages(problems)
    assert found[0].startswith(f"p5.csv:{line}:"), found


def test_unit_conversion_of_executed_amount(seed_document: Document) -> None:
    evaluation, problems = run(seed_document, csv_bytes(*_replace(2, f"{P5},全年执行数,540000元,,,")))
    assert evaluation is not None, messages(problems)
    assert evaluation.projects[0].executed == 54


def test_missing_rows_name_the_projects_first_row(seed_document: Document) -> None:
    rows = [r for r in GOOD_P5 if "办案数" not in r and "全年执行数" not in r]
    evaluation, problems = run(seed_document, csv_bytes(*rows), file="p5.csv")
    assert evaluation is None
    text = messages(problems)
    assert any(m.startswith("p5.csv:2:") and "缺少指标「办案数」的填报行" in m for m in text), text
    assert any(m.startswith("p5.csv:2:") and "缺少「全年执行数」行" in m for m in text), text


def test_duplicate_row(seed_document: Document) -> None:
    rows = [*GOOD_P5, f"{P5},办案数,460,,,"]
    evaluation, problems = run(seed_document, csv_bytes(*rows), file="p5.csv")
    assert evaluation is None
    assert any(m.startswith("p5.csv:12:") and "重复填写（第一次在 p5.csv:4）" in m for m in messages(problems))


def test_all_errors_are_reported_together(seed_document: Document) -> None:
    rows = list(GOOD_P5)
    rows[1] = f"{P5},检察业务保障人数,,,,"            # line 3
    rows[5] = f"{P5},检察业务费支付及时率,fast,,,"    # line 7
    rows[8] = f"{P5},保障案件办理可持续影响,,,,"       # line 10
    evaluation, problems = run(seed_document, csv_bytes(*rows), file="p5.csv")
    assert evaluation is None
    lines = sorted({m.split(":")[1] for m in messages(problems)})
    assert lines == ["10", "3", "7"]


def test_header_must_have_the_columns(seed_document: Document) -> None:
    data = csv_bytes(f"{P5},办案数,450", header="项目名称,三级指标,实际值X")
    evaluation, problems = run(seed_document, data, file="bad.csv")
    assert evaluation is None
    assert messages(problems)[0].startswith("bad.csv:1:") and "表头缺少列" in messages(problems)[0]


def test_ambiguous_unit_in_a_non_convertible_family(seed_document: Document) -> None:
    # ≤2小时 with an actual in 工作日 (its length in hours is not fixed) is an error
    p1 = "2024年检察业务信息化运维项目-2024中央"
    evaluation, problems = run(seed_document, csv_bytes(f"{p1},系统故障修复平均响应时间,1工作日,,,"), file="a.csv")
    assert evaluation is None
    assert any(m.startswith("a.csv:2:") and "不能换算" in m for m in messages(problems))


def test_header_only_is_an_error(seed_document: Document) -> None:
    evaluation, problems = run(seed_document, (HEADER + "\n").encode(), file="empty.csv")
    assert evaluation is None
    assert "表头下没有数据行" in messages(problems)[0]


def test_sheet_weights_that_do_not_add_up(seed_document: Document) -> None:
    rows = [r + "," for r in GOOD_P5]
    rows[1] = f"{P5},检察业务保障人数,126人,,,,60"
    data = csv_bytes(*rows, header="项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析,分值")
    evaluation, problems = run(seed_document, data, file="w.csv")
    assert evaluation is None
    assert any("超出该组分值" in m or "分值合计" in m for m in messages(problems)), messages(problems)


def test_weight_errors_are_placed_at_the_rows_whose_weights_must_change(seed_document: Document) -> None:
    """Not at the 全年执行数 row (line 2), where they were until 2026-12-05: at the 分值 given (line 3), naming
    the indicator; a sum off 100 names every row with a 分值."""
    rows = [r + "," for r in GOOD_P5]
    rows[1] = f"{P5},检察业务保障人数,126人,,,,60"
    data = csv_bytes(*rows, header="项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析,分值")
    evaluation, problems = run(seed_document, data, file="w.csv")
    weight = [m for m in messages(problems) if "超出该组分值" in m]
    assert evaluation is None and len(weight) == 1, messages(problems)
    assert weight[0].startswith("w.csv:3:") and "「检察业务保障人数」（第 3 行）" in weight[0]
    rows[1] = f"{P5},检察业务保障人数,126人,,,,10"
    rows[2] = f"{P5},办案数,450,,,案件数量下降,10"
    every = [r if r.endswith(",10") else r[:-1] + ",5" for r in rows[1:]]
    data = csv_bytes(rows[0], *every, header="项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析,分值")
    evaluation, problems = run(seed_document, data, file="s.csv")
    total = [m for m in messages(problems) if "分值合计为" in m]
    assert evaluation is None and len(total) == 1, messages(problems)
    assert total[0].startswith("s.csv:3:") and "「检察业务保障人数」（第 3 行）、「办案数」（第 4 行）" in total[0]


def test_band_errors_are_reported_with_reading_errors(seed_document: Document) -> None:
    rows = _replace(10, f"{P5},保障案件办理可持续影响,,部分达成,13,")  # band 9–12 of 15
    rows[1] = f"{P5},检察业务保障人数,很多,,,"                          # line 3
    evaluation, problems = run(seed_document, csv_bytes(*rows), file="p5.csv")
    assert evaluation is None
    text = messages(problems)
    assert any(m.startswith("p5.csv:3:") for m in text), text
    assert any(m.startswith("p5.csv:10:") and "得分 13 不在" in m for m in text), text
