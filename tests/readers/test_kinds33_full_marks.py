"""A 评价结论 that names the full mark as well as the score: the score is the table's total, never the mark (kinds33).

「自评总分100分，得分95分」 was read as a total of 100: 自评总分 names the scale there, and the bare 得分 after it the
score a person reads. A text that names a full mark and other figures but no score a person can name (扣5分,
该项目95分, a score out of 90) is warned of at its cell, nothing read."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from tests.readers.test_kinds31_stated_execution import _closing, _notes, _pipe, _read
from tests.readers.test_kinds32_text_total import GRID, INDICATORS, NAME  # the table's 得分 add up to 89


def _total(text: str) -> tuple[Decimal | None, list[str]]:
    result = _read(_pipe([*NAME, *GRID, *INDICATORS, *_closing(text)]))
    project = result.document.projects[0]  # type: ignore[union-attr]
    if project.table_total is not None:
        assert (project.sources["table_total"].line, project.sources["table_total"].column) == (11, 2), text
    return project.table_total, _notes(result, Severity.WARNING)


def test_the_score_after_the_full_mark_is_the_total() -> None:
    for text in ("经自评，自评总分100分，得分89分，评价等级为良。", "满分100分，自评得分89分", "满分100分自评得分89分",
                 "总分为100分，本项目得分89分", "该项目满分100分。经自评，得分89分。", "得分89分（满分100分）",
                 "自评总分100分，自评得分89分", "总分值100分得分89分"):
        total, warnings = _total(text)
        assert total == Decimal(89), text
        assert warnings == [], text  # 89 is the sum of the table's 得分: nothing to warn of


def test_the_note_names_the_words_read() -> None:
    result = _read(_pipe([*NAME, *GRID, *INDICATORS, *_closing("自评总分100分，得分89分")]))
    assert "表中没有单独填写自评得分，自评得分取自文字「自评总分100分，得分89分」：89" in _notes(result, Severity.INFO)


def test_a_total_alone_or_with_its_parts_is_still_the_total() -> None:
    assert _total("项目自评总分89分")[0] == Decimal(89)
    assert _total("自评总分89分，其中产出指标得分40分")[0] == Decimal(89)


def test_a_full_mark_without_a_score_a_person_can_name_is_warned_of_not_guessed() -> None:
    for text in ("自评总分100分，扣11分", "满分100分，该项目89分", "自评总分100分，该项目89分",
                 "自评总分90分，得分89分"):
        total, warnings = _total(text)
        assert total is None, text
        assert warnings == [f"文字「{text}」写有满分或总分及其他分数，"
                            "但不能确定哪个是表的自评得分：未读取，请核对"], text


def test_a_parts_full_mark_and_a_scale_alone_say_nothing() -> None:
    for text in ("产出指标满分50分，得分45分", "产出指标得分40分（满分50分）", "按百分制评分，满分100分，90分以上为优",
                 "总分100分"):
        total, warnings = _total(text)
        assert (total, warnings) == (None, []), text


def test_a_header_score_beside_a_zipingzongfen_is_the_total() -> None:
    """自评总分 | 100 | 自评得分 | 89 in the header block: the header's first total label was taken (100), the 自评得分
    beside it lost. A score labelled as one comes first; a 自评总分 alone is still the total."""
    for header, column in (([["自评总分", "100", "", "", "自评得分", "89", "", ""]], 6),
                           ([["自评得分", "89", "", "", "自评总分", "100", "", ""]], 2),
                           ([["自评总分", "89", "", "", "", "", "", ""]], 2)):
        result = _read(_pipe([*NAME, *header, *GRID, *INDICATORS]))
        project = result.document.projects[0]  # type: ignore[union-attr]
        assert project.table_total == Decimal(89), header
        assert (project.sources["table_total"].line, project.sources["table_total"].column) == (5, column), header
        assert not _notes(result, Severity.WARNING), header
