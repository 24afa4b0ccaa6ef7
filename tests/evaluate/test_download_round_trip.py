"""Our own 自评表 downloads read back as the evaluation they show (corpus15b, task 3).

Before, the Excel and web downloads read back with an error for their 汇总 sheet/table (read as a broken project),
every form took the 预算单位 from 实施单位 (the unit code lost), the title and year rows of the Word and web forms
were unlabelled extras, the web form's two tables gave a note and its goals ran into one. Now each form reads back
with no error and no warning, the unit with its code, and scoring the read table with its own figures
(:func:`perfbudget.evaluate.from_table.sheet_rows_from_document`) gives the same scores, total and grade."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.evaluate.from_table import sheet_rows_from_document
from perfbudget.evaluate.numbers import shown as shown_number
from perfbudget.evaluate.result import Evaluation
from perfbudget.evaluate.scoring import evaluate_rows
from perfbudget.load import load_bytes
from perfbudget.model import Document, Severity
from perfbudget.writers.evaluation_docx import evaluation_docx
from perfbudget.writers.evaluation_html import evaluation_html
from perfbudget.writers.evaluation_xlsx import evaluation_xlsx
from tests.evaluate.helpers import P5, P5_SHEET, csv_bytes, run

WRITERS = {"xlsx": evaluation_xlsx, "docx": evaluation_docx, "html": evaluation_html}


@pytest.fixture
def evaluation(seed_document: Document) -> Evaluation:
    result, problems = run(seed_document, csv_bytes(*P5_SHEET, f"{P5},总体目标完成情况,全年保障检察业务正常开展,,,"))
    assert result is not None, problems
    return result


def _read_back(evaluation: Evaluation, form: str) -> Document:
    data = WRITERS[form](evaluation)
    result = load_bytes(data.encode("utf-8") if isinstance(data, str) else data, f"自评表.{form}")
    assert result.document is not None, [str(p) for p in result.problems]
    serious = [str(p) for p in result.problems if p.severity is not Severity.INFO]
    assert serious == []
    # the one note: the summary is no project (Excel's 汇总 sheet, the web page's summary table)
    notes = [p.message for p in result.problems]
    assert notes == (["这是各项目总分、自评等级的汇总表，不是项目表，未作为项目读取"] if form != "docx" else [])
    return result.document


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_the_download_reads_back_as_its_project(evaluation: Evaluation, seed_document: Document, form: str) -> None:
    document = _read_back(evaluation, form)
    assert document.unit == seed_document.unit  # 255101 天津市和平区人民检察院, not taken from 实施单位
    assert document.money_unit == "万元"
    [project] = document.projects
    shown = evaluation.projects[0]
    assert (project.name_cell, project.fund_year) == (shown.name_cell, shown.fund_year)
    assert project.budget.total == shown.budget and project.budget.fiscal == shown.fiscal
    assert project.title == "项目支出绩效自评表（2024年度）"
    assert all(label for label, _ in project.extras)  # no title or year row left as an unlabelled extra
    assert list(project.goals) == list(shown.goals)
    assert [(i.level3, i.actual, i.weight, i.score) for i in project.indicators] == [
        (line.level3, line.actual, line.weight, shown_number(line.score)) for line in shown.indicators]  # as printed


@pytest.mark.parametrize("form", ["xlsx", "docx", "html"])
def test_scoring_the_read_download_gives_its_own_totals(evaluation: Evaluation, form: str) -> None:
    document = _read_back(evaluation, form)
    rows = sheet_rows_from_document(document, f"自评表.{form}")
    again, problems = evaluate_rows(document, rows, actuals_file=f"自评表.{form}")
    assert again is not None and problems == []
    before, after = evaluation.projects[0], again.projects[0]
    assert (after.total, after.grade) == (before.total, before.grade) == (Decimal("90.33"), "优")
    assert (after.budget, after.executed, after.execution_rate, after.execution_score) == (
        before.budget, before.executed, before.execution_rate, before.execution_score)
    assert after.goal_result == before.goal_result == "全年保障检察业务正常开展"
    assert [(i.level3, i.target, i.actual, i.weight, i.score) for i in after.indicators] == [
        (i.level3, i.target, i.actual, i.weight, i.score) for i in before.indicators]


def test_evaluate_a_download_with_its_own_figures(evaluation: Evaluation, tmp_path: Path) -> None:
    """``perfbudget evaluate 自评表.xlsx -a 自评表.xlsx``: the table is its own fill-in sheet, and the command prints
    the table's own total and grade."""
    path = tmp_path / "自评表.xlsx"
    path.write_bytes(evaluation_xlsx(evaluation))
    result = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path), "--json"])
    assert result.exit_code == 0, result.output
    [project] = json.loads(result.stdout)["projects"]
    assert (project["total"], project["grade"]) == ("90.33", "优")
