"""reading-w: leftovers of kinds35 and forms35 (FAILURES.md BX), each on a tiny inline document."""

from __future__ import annotations

from decimal import Decimal

from tests.readers.test_kinds35_selfeval_edits import _errors, _read, _table


def test_one_cell_a_line_the_tables_own_score_after_its_indicators() -> None:
    """One cell a line, ``自评得分`` / ``95`` (and ``评价等级`` / ``优``) after the last indicator: the table's total
    and grade, as in rows of cells; until reading-w the stream ran them into the last indicator row (表格在此中断：
    最后一行只有…, the 95 read as a 三级 name)."""
    for closing, grade in (([["自评得分", "95", "评价等级", "优"]], "优"), ([["自评得分", "95分"], ["评价等级", "优"]], "优"),
                           ([["自评得分", "95"]], None)):
        document, problems = _read(_table(closing=closing), "\n")
        (project,) = document.projects
        assert not _errors(problems), problems
        assert (project.table_total, project.table_grade) == (Decimal(95), grade)
        assert len(project.indicators) == 4 and document.kind == "self-evaluation"
        assert (project.indicators[-1].level3, project.indicators[-1].actual, project.indicators[-1].deviation) == ("群众满意度", "92%", None)
