"""Negative figures outside the funds grid (kinds26): a 预算数, 财政资金 or 其他资金 below zero is an error at its cell
(the readers of text, Word and Excel, the JSON interchange), as the funds grid's were since attack23; a negative
实际完成值 or 全年预计完成情况 is scored only where the indicator measures a change or a balance (事故下降率 -5% is a
rise; a 利润 may be a loss; a target below zero) and is an error at its row elsewhere (``-8处``, a 投诉率 of ``-2%``,
which the reverse rule would have scored full). Until kinds26 both were taken as written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.evaluate.from_table import sheet_rows_from_document
from perfbudget.evaluate.scoring import evaluate_rows
from perfbudget.interchange import InterchangeError, document_from_dict, document_to_dict
from perfbudget.load import load_bytes
from perfbudget.model import Document, Severity
from tests.readers.word_tables import excel_file, word_file

TARGET = [["项目名称", "农村饮水工程维修养护"], ["预算数（万元）", "-120"], ["其中：财政资金", "−100"],
          ["一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "维修工程数", "≥10处"],
          ["效益指标", "社会效益指标", "受益人口", "≥5000人"],
          ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]
SELF = [["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
        ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "120", "120", "120", "10", "100%", "10"],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "维修工程数", "≥10处", "10处", "30", "30", ""],
        ["产出指标", "质量指标", "群众投诉率", "≤5%", "2%", "20", "20", ""],
        ["效益指标", "社会效益指标", "安全事故下降率", "≥5%", "-5%", "20", "0", ""],
        ["效益指标", "经济效益指标", "合作社利润", "≥10万元", "-2万元", "10", "0", ""],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""]]


def _forms(title: str, rows: list[list[str]]) -> list[tuple[str, bytes]]:
    text = "\n".join([title, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n"
    numbers = [[int(cell) if cell.lstrip("-").isdigit() else cell for cell in row] for row in rows]  # Excel's own
    return [("表.txt", text.encode()), ("表.docx", word_file(rows, [title])),
            ("表.xlsx", excel_file([[title], *numbers]))]


@pytest.mark.parametrize(("name", "data"), _forms("2024年项目支出绩效目标表", TARGET))
def test_a_negative_budget_is_an_error_at_its_cell(name: str, data: bytes) -> None:
    result = load_bytes(data, name)
    errors = [str(p) for p in result.problems if p.severity is Severity.ERROR]
    assert not result.ok and len(errors) == 2, errors
    assert "预算数「-120」是负数：预算金额不能为负" in errors[0] and "财政资金「−100」是负数" in errors[1]
    where = {"表.txt": "表.txt:3:", "表.docx": "表.docx:表1 第2行 第2列", "表.xlsx": "表.xlsx:Sheet 第3行 第2列"}[name]
    assert errors[0].startswith(where), errors[0]
    # the same table with its amounts written as they should be reads, and the JSON interchange refuses -120
    fixed = load_bytes(data.replace(b"-120", b"120").replace("−100".encode(), b"100"), name) \
        if name.endswith(".txt") else None
    if fixed is not None:
        assert fixed.ok and fixed.document is not None
        assert fixed.document.projects[0].budget.total == Decimal(120)
        data_dict = document_to_dict(fixed.document)
        data_dict["projects"][0]["budget"]["other"] = "-5"
        with pytest.raises(InterchangeError, match=r"budget\.other.*是负数"):
            document_from_dict(data_dict)


def _scored(name: str, data: bytes) -> tuple[Document, list[str]]:
    result = load_bytes(data, name)
    assert result.ok and result.document is not None, [str(p) for p in result.problems]
    evaluation, problems = evaluate_rows(result.document, sheet_rows_from_document(result.document, name))
    return result.document, [str(p) for p in problems if p.severity is Severity.ERROR] if evaluation is None \
        else [f"总分 {evaluation.projects[0].total}"]


@pytest.mark.parametrize(("name", "data"), _forms("2024年项目支出绩效自评表", SELF))
def test_a_negative_actual_is_scored_only_where_the_indicator_measures_a_change(name: str, data: bytes) -> None:
    # a fall that was a rise (-5%) and a loss (-2万元) are scored by the rules: short of target, 0 points
    assert _scored(name, data)[1] == ["总分 70.00"]
    # a count or a share below zero is a slip: an error at its row, nothing scored (-2% ≤ 5% was full weight)
    rows = [row[:] for row in SELF]
    rows[4][4], rows[5][4] = "-8处", "-2%"
    _, errors = _scored(name, dict(_forms("2024年项目支出绩效自评表", rows))[name])
    assert len(errors) == 2, errors
    assert "指标「维修工程数」的实际完成值「-8处」是负数" in errors[0] and "群众投诉率" in errors[1]
