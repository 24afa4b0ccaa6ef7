"""Helpers shared by the evaluate tests: read a sheet text against a document and score it."""

from __future__ import annotations

from perfbudget.evaluate.result import Evaluation
from perfbudget.evaluate.scoring import ScoreOptions, evaluate_rows
from perfbudget.evaluate.sheet import read_sheet_bytes
from perfbudget.evaluate.weights import Weights
from perfbudget.model import Document, Problem

HEADER = "项目名称,三级指标,实际完成值,完成等级,得分,偏差原因分析"


def csv_bytes(*lines: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    return ("\n".join([header, *lines]) + "\n").encode(encoding)


def run(document: Document, data: bytes, file: str = "actuals.csv", kind: str = "evaluation",
        weights: Weights | None = None, reverse: str = "ratio") -> tuple[Evaluation | None, list[Problem]]:
    rows, problems = read_sheet_bytes(data, file, kind)
    if any(p.severity.value == "error" for p in problems):
        return None, problems
    evaluation, found = evaluate_rows(document, rows, weights, ScoreOptions(reverse), actuals_file=file)
    return evaluation, problems + found


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


# Seed project 5 filled in as a user would: the sheet of the hand computation in
# test_seed_projects.py (total 90.33, 优), also used to render the 自评表.
P5 = "2024年检察业务经费项目-2024市级"
P5_SHEET = (
    f"{P5},全年执行数,54,,,",
    f"{P5},检察业务保障人数,126人,,,",
    f"{P5},办案数,450,,,案件数量下降",
    f"{P5},设备维修维护合格率,98%,,,",
    f"{P5},检察业务费支出合规率,100,,,",
    f"{P5},检察业务费支付及时率,95%,,,",
    f"{P5},年度维护成本增长率,25%,,,设备老化",
    f"{P5},提升法律知识普及率,3.5%,,,",
    f"{P5},保障案件办理可持续影响,案件质量总体稳定,部分达成,,",
    f"{P5},检察服务对象满意度,92%,,,",
)
