"""A 自评表's 总分 row as units write it (kinds38): ``总分 | 100 | 100.00 | 优`` copied without its empty cells kept its
figures as one unplaced text (``总分`` = ``100 100.00 优``) and the table's own total was lost; ``… | 自评等级：优``
(the grade with its label in one cell) lost the grade. The written figures keep their text and their scale: 100.00
is read as 100.00 (its extras as written, ``Project.table_total`` ``Decimal('100.00')``, the JSON's ``"100.00"``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.interchange import project_to_dict
from perfbudget.load import load_bytes
from tests.readers.test_kinds35_selfeval_edits import _table
from tests.readers.word_tables import form_file

FORMS = ("tabs", "pipes", "lines")


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("grade", ["优", "自评等级：优", "评价等级为优"])
def test_a_total_row_with_its_grade_after_the_figures(form: str, grade: str) -> None:
    data, name = form_file(_table(closing=[["总分", "100", "100.00", grade]]), [], form, "自评表")
    (project,) = load_bytes(data, name).document.projects
    assert project.table_total == Decimal("100.00") and str(project.table_total) == "100.00"
    assert project.table_grade == "优"
    assert [e for e in project.extras if e[0].startswith("总分")] == [
        ("总分/分值", "100"), ("总分/得分", "100.00"), ("总分/等级", "优")]
    assert project_to_dict(project)["table_total"] == "100.00"


def test_a_grade_with_its_label_under_its_own_column() -> None:
    """The row's empty cells kept (a Word table): the figures under 分值 and 得分, the labelled grade after them."""
    data, name = form_file(_table(closing=[["合计", "", "", "", "", "100", "98.50", "评价等级：优"]]), [], "docx",
                           "自评表")
    (project,) = load_bytes(data, name).document.projects
    assert (project.table_total, project.table_grade) == (Decimal("98.50"), "优")


@pytest.mark.parametrize("form", FORMS)
def test_a_row_that_places_nothing_stays_as_written(form: str) -> None:
    """Guard: a score above the mark with a grade after it places nothing (the mark or the score?): kept in order."""
    data, name = form_file(_table(closing=[["总分", "90", "100", "优"]]), [], form, "自评表")
    (project,) = load_bytes(data, name).document.projects
    assert project.table_total is None and ("总分", "90 100 优") in project.extras
