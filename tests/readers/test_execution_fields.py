"""A self-evaluation's funds grid typed (kinds23): the total row's 年初预算数, 全年执行数, 执行率, 分值 and 得分 in
``Budget.initial/executed/rate/weight/score``, each at its cell, as units write the 项目支出绩效自评表: pipe text, a
Word table, an Excel sheet with numbers stored as numbers. Until kinds23 they were only untyped project extras
(``年度资金总额/全年执行数`` …), without a location."""

from __future__ import annotations

import io
from decimal import Decimal

from perfbudget.interchange import document_from_dict, document_to_dict
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Budget, Severity
from perfbudget.review.engine import review_document
from tests.readers.word_tables import word_file

HEAD = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
    ["主管部门", "某县水利局", "", "", "实施单位", "某县水利局", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "120", "108", "10", "90%", "9"],
    ["", "其中：当年财政拨款", "100", "120", "108", "—", "—", "—"],
    ["年度总体目标", "预期目标", "", "", "实际完成情况", "", "", ""],
    ["", "完成维修养护工程10处", "", "", "完成维修养护工程12处", "", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "12处", "50", "50", "无"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", "30", "30", "无"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", "无"],
]
TYPED = Budget(total=Decimal(120), fiscal=Decimal(120), initial=Decimal(100), executed=Decimal(108),
               rate=Decimal(90), weight=Decimal(10), score=Decimal(9))
TITLE = ["项目支出绩效自评表", "（2023年度）"]


def _pipe(rows: list[list[str]]) -> bytes:
    return ("\n".join([*TITLE, *(" | ".join(row) for row in rows)]) + "\n").encode()


def _budget(result: LoadResult) -> tuple[Budget, dict[str, tuple[int | None, int | None, int | None]]]:
    assert result.document is not None, result.problems
    project = result.document.projects[0]
    located = {key: (where.line, where.row, where.column) for key, where in project.sources.items()
               if key.startswith("budget.")}
    return project.budget, located


def test_pipe_text_funds_grid_typed_at_its_cells() -> None:
    result = load_bytes(_pipe(HEAD), "自评表.txt")
    assert result.ok, result.problems
    budget, located = _budget(result)
    assert budget == TYPED
    # line 6 is the 年度资金总额 row (two title lines, then the rows), each figure at its own column
    assert {k: located[k] for k in ("budget.initial", "budget.executed", "budget.weight", "budget.rate",
                                    "budget.score")} == {
        "budget.initial": (6, None, 3), "budget.executed": (6, None, 5), "budget.weight": (6, None, 6),
        "budget.rate": (6, None, 7), "budget.score": (6, None, 8)}
    # the grid's cells stay as extras too (every row and column)
    extras = dict(result.document.projects[0].extras)  # type: ignore[union-attr]
    assert extras["年度资金总额/全年执行数"] == "108" and extras["其中当年财政拨款/全年执行数"] == "108"


def test_word_table_funds_grid_typed() -> None:
    result = load_bytes(word_file(HEAD, TITLE, merges=[(2, 0, 4, 0)]), "自评表.docx")
    assert result.ok, result.problems
    budget, located = _budget(result)
    assert budget == TYPED
    assert located["budget.executed"] == (None, 4, 5) and located["budget.score"] == (None, 4, 8)


def test_excel_numbers_and_percent_format_typed() -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["项目支出绩效自评表（2023年度）"])
    for row in HEAD:
        sheet.append([float(c) if c.replace(".", "").isdigit() else c for c in row])
    sheet.cell(5, 7).value = 0.9  # 90% as Excel stores it, shown by its number format
    sheet.cell(5, 7).number_format = "0%"
    sheet.cell(5, 5).value = 108.5
    out = io.BytesIO()
    workbook.save(out)
    result = load_bytes(out.getvalue(), "自评表.xlsx")
    assert result.document is not None, result.problems
    budget, located = _budget(result)
    assert (budget.initial, budget.executed, budget.rate, budget.weight, budget.score) == (
        Decimal(100), Decimal("108.5"), Decimal(90), Decimal(10), Decimal(9))
    assert located["budget.executed"] == (None, 5, 5)


def test_a_rate_that_is_not_executed_over_budget_is_told_once_and_kept() -> None:
    rows = [list(row) for row in HEAD]
    rows[3] = ["", "年度资金总额", "100", "120", "108", "10", "9%", "9"]  # 108 ÷ 120 is 90%
    result = load_bytes(_pipe(rows), "自评表.txt")
    budget, _ = _budget(result)
    assert budget.rate == Decimal(9)
    # a year's grid read in place: said once, by the review's execution-rate-mismatch at the cell (review42), not
    # warned of by the reader as well
    assert not [p for p in result.problems if "执行率" in p.message and p.severity is Severity.WARNING]
    assert result.document is not None
    told = [f for f in review_document(result.document).findings if f.rule == "execution-rate-mismatch"]
    assert [(f.source.line, f.source.column) for f in told if f.source is not None] == [(6, 7)]
    assert "90.00%" in told[0].message


def test_cells_that_hold_no_figure_stay_untyped() -> None:
    rows = [list(row) for row in HEAD]
    # 执行率 0.8 without % (a ratio or 0.8%: untold, and 108 ÷ 120 = 90 % agrees with neither; 0.9 is read as 90 %
    # since kinds37, tests/readers/test_kinds37_ratio_rate.py), 得分 written as a word, 分值 of a part row only
    rows[3] = ["", "年度资金总额", "100", "120", "108", "", "0.8", "满分"]
    result = load_bytes(_pipe(rows), "自评表.txt")
    budget, located = _budget(result)
    assert (budget.executed, budget.rate, budget.weight, budget.score) == (Decimal(108), None, None, None)
    assert "budget.rate" not in located
    extras = dict(result.document.projects[0].extras)  # type: ignore[union-attr]
    assert extras["年度资金总额/执行率"] == "0.8" and extras["年度资金总额/得分"] == "满分"


def test_a_target_table_has_none_and_its_json_is_unchanged() -> None:
    rows = [["项目名称", "培训项目"], ["预算数", "17.00"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "≥100人"]]
    result = load_bytes(_pipe(rows), "目标表.txt")
    assert result.document is not None
    assert document_to_dict(result.document)["projects"][0]["budget"] == {"total": "17.00", "fiscal": None,
                                                                          "other": None}


def test_json_interchange_keeps_the_typed_figures() -> None:
    result = load_bytes(_pipe(HEAD), "自评表.txt")
    assert result.document is not None
    data = document_to_dict(result.document)
    assert data["projects"][0]["budget"] == {"total": "120", "fiscal": "120", "other": None, "initial": "100",
                                             "executed": "108", "rate": "90", "weight": "10", "score": "9"}
    assert document_from_dict(data) == result.document
