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
