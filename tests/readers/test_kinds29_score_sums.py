"""Self-evaluations whose own figures do not add up, and a 总分 row taken for the funds grid (kinds29).

A 自评表 whose 总分 is not the sum of its 得分 (稷山, corpus r102: 9 + 84 = 93 under 94) or whose 总分行's 分值 is not
the sum of its 分值 (中江, r63: 10 + 100 = 110 under 100) was read silently: now each is a warning at the stated
total's cell, the figures kept as written. And a table whose funds grid is left blank took the 总分 row's 分值 100
and 得分 99 for the budget's execution weight and score (乐亭, r89), which the scoring then used."""

from __future__ import annotations

import io
from decimal import Decimal

from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity
from tests.readers.word_tables import word_file

TITLE = ["项目支出绩效自评表", "（2023年度）"]
HEAD = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
    ["主管部门", "某县水利局", "", "", "实施单位", "某县水利局", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "100", "90", "10", "90%", "9"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "8处", "50", "40", "资金未全部到位"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", "30", "30", "无"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", "无"],
]


def _pipe(rows: list[list[str]]) -> bytes:
    return ("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n").encode()


def _warnings(result: LoadResult) -> list[str]:
    return [p.message for p in result.problems if p.severity is Severity.WARNING]


def test_a_total_that_is_not_the_sum_of_the_scores_is_read_as_written_and_warned_of() -> None:
    rows = [*HEAD, ["总分", "", "", "", "", "100", "90", ""]]  # 9 + 40 + 30 + 10 = 89
    result = load_bytes(_pipe(rows), "自评表.txt")
    assert result.ok, result.problems
    project = result.document.projects[0]  # type: ignore[union-attr]
    assert project.table_total == Decimal(90)  # as written, not "fixed" to 89
    assert [i.score for i in project.indicators] == [Decimal(40), Decimal(30), Decimal(10)]
    assert _warnings(result) == ["表中总分 90 与各项得分之和 89 不同（预算执行率得分 9 + 3 个指标的得分 80）："
                                 "按表中所写读取，未作更正；请核对各行的得分与总分"]
    where = next(p.source for p in result.problems if "总分" in p.message)
    assert (where.line, where.column) == (11, 7)  # the 总分 row's 得分 cell


def test_weights_that_do_not_add_up_to_the_total_rows_are_warned_of_at_its_cell() -> None:
    rows = [*HEAD, ["总分", "", "", "", "", "90", "89", ""]]  # 分值 10 + 50 + 30 + 10 = 100
    result = load_bytes(word_file(rows, TITLE), "自评表.docx")
    assert result.ok, result.problems
    assert _warnings(result) == ["表中总分行的分值 90 与各项分值之和 100 不同（预算执行率分值 10 + 3 个指标的"
                                 "分值 90）：按表中所写读取，未作更正；请核对各行的分值与总分行的分值"]
    where = next(p.source for p in result.problems if "分值" in p.message)
    assert (where.row, where.column) == (9, 6)  # the table's ninth row (the title is above it)


def test_figures_that_add_up_within_their_rounding_are_not_warned_of() -> None:
    rows = [row[:] for row in HEAD]
    rows[5][5:7] = ["16.67", "13.33"]
    rows[6][5:7] = ["16.67", "16.67"]
    rows[7][5:7] = ["16.66", "16.67"]  # 9 + 46.67 = 55.67 where the table prints 55.68: its rounding
    rows[3][5] = "10"
    result = load_bytes(_pipe([*rows, ["总分", "", "", "", "", "60", "55.68", ""]]), "自评表.txt")
    assert result.ok, result.problems
    assert not [m for m in _warnings(result) if "之和" in m]


def test_a_blank_execution_score_says_nothing_of_the_sum() -> None:
    rows = [row[:] for row in HEAD]
    rows[3][7] = ""  # the 得分 of the funds grid not filled: the sum cannot be made
    result = load_bytes(_pipe([*rows, ["总分", "", "", "", "", "100", "99", ""]]), "自评表.txt")
    assert result.ok, result.problems
    assert not [m for m in _warnings(result) if "之和" in m]


def test_a_blank_funds_grid_takes_nothing_from_the_total_row() -> None:
    import openpyxl

    rows = [row[:] for row in HEAD]
    rows[3] = ["", "年度资金总额", "", "", "", "", "", ""]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in TITLE:
        sheet.append([line])
    for row in [*rows, ["总分", "", "", "", "", "90", "80", ""]]:
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in row])
    out = io.BytesIO()
    workbook.save(out)
    result = load_bytes(out.getvalue(), "自评表.xlsx")
    assert result.document is not None, result.problems
    project = result.document.projects[0]
    # the 总分 row's 90 and 80 are the table's totals, not the budget's execution weight and score
    assert project.budget.weight is None and project.budget.score is None
    assert project.table_total == Decimal(80)
    assert dict(project.extras)["总分/分值"] == "90"
