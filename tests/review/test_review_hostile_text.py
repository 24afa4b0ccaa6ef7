"""Cells built against the review's patterns are reviewed in linear time (found by attack10, 2026-12-03).

A target of 16,000 characters of ``2023.07-`` took 1.2 s to review and 200,000 several minutes
(``several-targets``: its pre-test tried every figure and scanned on); a 三级 name of 16,000 digits
8.6 s (``value-in-name``: a number backtracked digit by digit from every digit), of 16,000 ``≥`` 1.2 s
(the template-hint pattern). An 814 KB upload of 40 such targets took 286 s on the server. Each cell
here is longer than any real one (50,000 characters); before the fixes each took 10 s or more.
"""

from __future__ import annotations

import re
import time

import pytest

from perfbudget.framework import _TEMPLATE_HINT, normalise_level3
from perfbudget.review.engine import review_document
from perfbudget.review.rules_conformity import _VALUE_WITH_UNIT
from perfbudget.review.rules_feasibility import _listed_figures
from tests.conftest import inline_document

LONG = 50_000

HOSTILE_CELLS = {
    "target": ["产出指标", "数量指标", "视频会议保障数量", "视频会议保障数量", "2023.07-" * (LONG // 8)],
    "target_years": ["产出指标", "数量指标", "视频会议保障数量", "视频会议保障数量", "2023年" * (LONG // 5)],
    "name_digits": ["产出指标", "数量指标", "1" * LONG, "视频会议保障数量", "≥12次"],
    "name_comparators": ["产出指标", "数量指标", "≥" * LONG, "视频会议保障数量", "≥12次"],
    "name_spaced_digits": ["产出指标", "数量指标", "1 " * (LONG // 2), "视频会议保障数量", "≥12次"],
}


@pytest.mark.parametrize("row", HOSTILE_CELLS.values(), ids=HOSTILE_CELLS.keys())
def test_a_hostile_cell_is_reviewed_in_linear_time(row: list[str]) -> None:
    document, problems = inline_document(row)
    assert document is not None, problems
    started = time.process_time()
    review_document(document)
    assert time.process_time() - started < 2.0


def test_the_patterns_take_linear_time() -> None:
    started = time.process_time()
    assert not _listed_figures("2023.07-" * (LONG // 8))
    assert not list(_VALUE_WITH_UNIT.finditer("1" * LONG))
    assert normalise_level3("≥" * LONG + "a") == "≥" * LONG + "a"
    assert _TEMPLATE_HINT.search("(" + " " * LONG + "≥") is None
    assert time.process_time() - started < 0.5


OLD_LISTED_FIGURES = re.compile(r"\d[^、，,；;]*?[、，,；;]\D*?\d")
OLD_VALUE_WITH_UNIT = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|百分比|[^\d\s.,，、;；:：()（）]{1,3})")
OLD_TEMPLATE_HINT = re.compile(r"[（(]\s*[≥≤><=]*\s*\*+[^()（）]*[)）]|[≥≤><=]+\*+\S*|\*{2,}[^\s，,]*"
                               r"|[（(]\s*[≥≤><=]+\s*[\u4e00-\u9fffA-Za-z/%²³]{1,4}\s*[)）]$")

SAMPLES = ["困难台胞432人、高龄台胞1792人", "432人", "1、2", "a、1", "1、a", "１２、３", "共3次，覆盖率100%",
           "达标率100%", "配套变压器3台", "12.5.3%", "1 2 %", "3 .5人", "(≥**%)", "（≥**人）", "≥**人次",
           "**号", "(≥台)", "（ ≥ 台 ）", "≥≥*a", "(  *  )", "<=**", "=", "(≥ 5人)", "2023.07-2024.01"]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_linear_patterns_find_what_the_old_ones_found(text: str) -> None:
    assert _listed_figures(text) == (OLD_LISTED_FIGURES.search(text) is not None)
    assert [m.groups() for m in _VALUE_WITH_UNIT.finditer(text)] == [
        m.groups() for m in OLD_VALUE_WITH_UNIT.finditer(text)]
    assert [m.span() for m in _TEMPLATE_HINT.finditer(text)] == [m.span() for m in OLD_TEMPLATE_HINT.finditer(text)]
