"""Self-evaluation (自评) from the web: actuals typed into a form or a filled sheet, scored by
the evaluation engine (``perfbudget.evaluate``), never re-implemented here.

The form becomes the same :class:`~perfbudget.evaluate.actuals.SheetRow` rows a CSV sheet
gives (one 全年执行数 row, one row per indicator), so typed and uploaded actuals go through
one path: ``resolve`` → ``evaluate_document``.
"""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from perfbudget.evaluate.actuals import SheetRow
from perfbudget.evaluate.template import project_key
from perfbudget.evaluate.vocabulary import (
    COL_ACTUAL,
    COL_DEVIATION,
    COL_GRADE,
    COL_LEVEL3,
    COL_PROJECT,
    COL_SCORE,
    COL_WEIGHT,
    ROW_BUDGET,
    ROW_EXECUTED,
    ROW_GOAL,
)
from perfbudget.model import Document, Source

FORM_FILE = "网页填报"


def rows_from_form(document: Document, form: FormData) -> list[SheetRow]:
    """The form's fields as sheet rows: ``executed`` (with ``execution_weight``), ``budget`` (the
    adjusted 全年预算数), ``goal_result`` and per indicator ``actual_<n>``, ``grade_<n>``,
    ``score_<n>``, ``weight_<n>``, ``deviation_<n>`` (n = 1-based position)."""
    project = document.projects[0]
    key = project_key(project)
    rows = [SheetRow(Source(FORM_FILE, row=1), {COL_PROJECT: key, COL_LEVEL3: ROW_EXECUTED,
                                                COL_ACTUAL: str(form.get("executed") or "").strip(),
                                                COL_WEIGHT: str(form.get("execution_weight") or "").strip()})]
    budget = str(form.get("budget") or "").strip()
    if budget:
        rows.append(SheetRow(Source(FORM_FILE, row=len(rows) + 1),
                             {COL_PROJECT: key, COL_LEVEL3: ROW_BUDGET, COL_ACTUAL: budget}))
    goal = str(form.get("goal_result") or "").strip()
    if goal:
        rows.append(SheetRow(Source(FORM_FILE, row=len(rows) + 1),
                             {COL_PROJECT: key, COL_LEVEL3: ROW_GOAL, COL_ACTUAL: goal}))
    for position, indicator in enumerate(project.indicators, 1):
        cells = {COL_PROJECT: key, COL_LEVEL3: indicator.level3}
        for column, field in ((COL_ACTUAL, "actual"), (COL_GRADE, "grade"), (COL_SCORE, "score"),
                              (COL_WEIGHT, "weight"), (COL_DEVIATION, "deviation")):
            cells[column] = str(form.get(f"{field}_{position}") or "").strip()
        rows.append(SheetRow(Source(FORM_FILE, row=len(rows) + 1), cells))
    return rows


def form_values(form: FormData) -> dict[str, Any]:
    return {k: str(v) for k, v in form.items() if isinstance(v, str)}
