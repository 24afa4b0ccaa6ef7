"""A 自评表 whose own 自评得分 (and 评价等级) is written on its title line, after the table's name (kinds36):
「项目支出绩效自评表（2023年度）  自评得分：90.5分」. In a cell of its own beside the title it was read already; in the
title's own text (a Word paragraph above the table, a text's first line) it was lost without a word, and
``evaluate 表 -a 表`` compared nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Document
from tests.readers.test_kinds35_selfeval_edits import HEAD, _errors, _read, _table
from tests.readers.word_tables import word_file

NAME = "项目支出绩效自评表（2023年度）"


def _titled(title: str) -> list[list[str]]:
    return [[title], *_table()[1:]]


def _word(title: str) -> Document:
    result = load_bytes(word_file(_table()[1:], paragraphs=[title]), "自评表.docx")
    assert result.document is not None, [str(p) for p in result.problems]
    return result.document


@pytest.mark.parametrize("separator", ["\t", " | "])
@pytest.mark.parametrize(("title", "total", "grade"), [
    (f"{NAME}  自评得分：90.5分", Decimal("90.5"), None),
    (f"{NAME}（自评得分90.5分）", Decimal("90.5"), None),
    (f"{NAME}  自评得分：90.5  评价等级：良好", Decimal("90.5"), "良"),
    (f"{NAME} 评价等级为优", None, "优"),
])
def test_the_score_on_the_title_line_is_the_tables_own(separator: str, title: str, total: Decimal | None,
                                                       grade: str | None) -> None:
    document, problems = _read(_titled(title), separator)
    (project,) = document.projects
    assert (project.table_total, project.table_grade) == (total, grade), problems
    assert not _errors(problems) and document.kind == "self-evaluation" and len(project.indicators) == 4
    word = _word(title).projects[0]
    assert (word.table_total, word.table_grade) == (total, grade)


def test_a_title_without_a_score_states_none() -> None:
    """Guards: the plain title, a year, a 分值 word in the name, a figure not after a score's label."""
    for title in (NAME, "2023年度项目支出绩效自评表（满分100分）", "项目支出绩效自评表 评分标准：100分制",
                  HEAD[0][0]):
        document, _ = _read(_titled(title), " | ")
        assert (document.projects[0].table_total, document.projects[0].table_grade) == (None, None), title


@pytest.mark.parametrize("form", ["\t", " | ", "docx"])
def test_the_score_on_a_line_of_its_own_beside_the_title(form: str) -> None:
    """``自评得分：90.5分`` (评价等级：良) on a line or paragraph of its own under the title, or above it: dropped as
    plain text before the table until kinds36; it is the title line's."""
    for lines in ([NAME, "自评得分：90.5分  评价等级：良"], ["自评得分：90.5分", NAME]):
        if form == "docx":
            result = load_bytes(word_file(_table()[1:], paragraphs=lines), "自评表.docx")
            assert result.document is not None
            project = result.document.projects[0]
        else:
            document, problems = _read([[line] for line in lines] + _table()[1:], form)
            assert not _errors(problems), problems
            project = document.projects[0]
        assert project.table_total == Decimal("90.5"), lines
        assert project.table_grade == ("良" if "评价等级" in lines[-1] else None)
        assert len(project.indicators) == 4
