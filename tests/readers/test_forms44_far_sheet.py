"""An Excel form that starts far right and down, under a logo row (forms44, FAILURES.md section CX): a unit's template
puts its emblem and the system's banner in the top rows and the form from column E on. The title in column E is the
table's heading as it is in column A — its year read — not a row of the table. Fails on 00aece31's ``src``, which took
a row of one cell for a heading only in column A (the project's year was lost)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from tests.readers.word_tables import excel_file

_FORM: list[list[object]] = [["项目支出绩效目标表（2024年度）"], ["项目名称", "校舍维修"], ["年度资金总额（万元）", 30],
         ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "维修面积", "≥800平方米"],
         ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%"]]


def _far(rows: list[list[object]], down: int, right: int) -> list[list[object]]:
    """The rows moved `down` rows and `right` columns, a banner in the first row's third column."""
    moved: list[list[object]] = [[None, None, "预算管理一体化系统"], *([] for _ in range(down - 1))]
    return moved + [[None] * right + row for row in rows]


def test_a_form_far_right_under_a_logo_row_reads_its_title() -> None:
    loaded = load_bytes(excel_file(_far(_FORM, 3, 4)), "far.xlsx")
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    assert (project.name, project.fund_year, project.budget.total) == ("校舍维修", 2024, Decimal("30"))
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("维修面积", "≥800平方米"),
                                                                      ("师生满意度", "≥90%")]
    assert project.title == "项目支出绩效目标表（2024年度）"


def test_a_lone_cell_inside_a_far_form_is_no_heading() -> None:
    """A row of one cell right of the form's left edge (a 三级 name wrapped onto a row of its own) stays the form's,
    ending the name above it, as it does in column A's forms."""
    rows: list[list[object]] = [*_FORM[:5], [None, None, "（抽样）"], *_FORM[5:]]
    loaded = load_bytes(excel_file(_far(rows, 3, 4)), "far.xlsx")
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    assert project.fund_year == 2024
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("维修面积（抽样）", "≥800平方米"),
                                                                      ("师生满意度", "≥90%")]
