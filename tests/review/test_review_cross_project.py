"""Rules that compare projects with each other: phrases the other tables write differently."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from perfbudget.model import Document
from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, read, with_row


def three_projects(inline: Any, names: list[str]) -> Document:
    """Three copies of the good table whose 6th indicator is named names[0], names[1], names[2]."""
    projects = []
    for seq, name in enumerate(names, 1):
        row = ["满意度指标", "服务对象满意度指标", name, name, "≥95%"]
        project = read(with_row(6, row), None, inline).projects[0]
        projects.append(replace(project, seq=seq))
    base = read(GOOD_ROWS, None, inline)
    return replace(base, projects=tuple(projects))


def flagged(document: Document, rule_id: str) -> list[tuple[int | None, int | None]]:
    report = review_document(document, only={rule_id})
    return [(f.project, f.indicator) for f in report.findings]


def test_a_name_one_character_off_what_two_others_write(inline: Any) -> None:
    document = three_projects(inline, ["使用部门满意度", "使用部门满意度", "使用布门满意度"])
    assert flagged(document, "inconsistent-phrase") == [(3, 6)]
    report = review_document(document, only={"inconsistent-phrase"})
    assert "「布」/「部」" in report.findings[0].message


def test_a_contrast_character_is_not_a_slip(inline: Any) -> None:
    document = three_projects(inline, ["服务市级部门满意度", "服务市级部门满意度", "服务县级部门满意度"])
    assert flagged(document, "inconsistent-phrase") == []


def test_the_measure_word_is_not_compared(inline: Any) -> None:
    document = three_projects(inline, ["救助对象满意度", "救助对象满意度", "救助对象满意率"])
    assert flagged(document, "inconsistent-phrase") == []


def test_one_other_project_is_not_enough(inline: Any) -> None:
    document = three_projects(inline, ["使用部门满意度", "使用布门满意度", "办案人员满意度"])
    assert flagged(document, "inconsistent-phrase") == []


def test_same_indicator_in_different_projects_is_no_duplicate(inline: Any) -> None:
    document = three_projects(inline, ["使用部门满意度", "使用部门满意度", "使用部门满意度"])
    assert flagged(document, "duplicate-indicator") == []
