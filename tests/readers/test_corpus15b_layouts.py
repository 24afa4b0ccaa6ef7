"""Layouts first met in the corpus15b tables (93–95: Hunan, Hubei), each stated on a tiny inline table: the shape,
not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.framework import normalise_level1
from perfbudget.model import Severity
from perfbudget.readers.text import read_text


def _paragraphs(*cells: str) -> str:
    """One cell a paragraph, blank lines between the cells (a web page's table copied as text)."""
    return "\n\n".join(cells) + "\n"


HEAD = ("部门整体支出绩效自评表", "预算单位名称", "某县林业局", "年度资金总额", "4753.66万元",
        "一级指标", "二级指标", "三级指标", "年度", "指标值", "实际", "完成值", "分值", "得分")


def test_a_row_whose_empty_last_cell_the_page_dropped() -> None:
    """One cell a paragraph: a row's empty 偏差原因 cell is written as a paragraph of a space, but the page left it
    out after 病虫害防治面积's row. The next 三级 (森林经营面积) then stands where the optional cell would: it starts
    the next row, since the cells from it fit a row (a name, two values, 分值 and 得分 numbers) and the cells after
    it do not. Before, 森林经营面积 was taken as the 偏差原因 and its target read as a 三级 named 16.3万亩."""
    text = _paragraphs(*HEAD, "偏差原因", "产出指标", "数量指标",
                       "造林面积", "1.2万亩", "1.2万亩", "10", "10", " ",
                       "病虫害防治面积", "3.45万亩", "3.45万亩", "7", "7",
                       "森林经营面积", "16.3万亩", "16.3万亩", "7", "7", " ",
                       "质量指标", "造林成活率", "85%", "85%", "7", "7", "未达标,加强管护")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    rows = [(i.level2, i.level3, i.target.raw, i.actual, i.score) for i in document.projects[0].indicators]
    assert rows == [("数量指标", "造林面积", "1.2万亩", "1.2万亩", Decimal("10")),
                    ("数量指标", "病虫害防治面积", "3.45万亩", "3.45万亩", Decimal("7")),
                    ("数量指标", "森林经营面积", "16.3万亩", "16.3万亩", Decimal("7")),
                    ("质量指标", "造林成活率", "85%", "85%", Decimal("7"))]
    assert not [p for p in problems if p.severity is Severity.ERROR]


def test_a_deviation_text_stays_in_its_row() -> None:
    """A 偏差原因 written in the row is no next row: the cells after it (the next 三级, its values and numbers)
    leave it in place, so nothing moves."""
    text = _paragraphs(*HEAD, "偏差原因", "产出指标", "数量指标",
                       "造林面积", "1.2万亩", "1.1万亩", "10", "9", "天气原因",
                       "森林经营面积", "16.3万亩", "16.3万亩", "7", "7", " ")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    indicators = document.projects[0].indicators
    assert [(i.level3, i.target.raw) for i in indicators] == [("造林面积", "1.2万亩"), ("森林经营面积", "16.3万亩")]
    assert (indicators[0].deviation, indicators[1].deviation) == ("天气原因", None)


def test_a_label_wrapped_over_three_paragraphs_and_a_level_score_note() -> None:
    """``偏差原因`` / ``分析及`` / ``改进措施``: one header label over three paragraphs is one column, not two stray
    rows (「三级指标「分析及」缺少一级或二级指标」); ``产出指标`` / ``(50)``: the 一级's score note in a paragraph
    of its own belongs to the 一级 (not a value without a 三级)."""
    text = _paragraphs(*HEAD, "偏差原因", "分析及", "改进措施", "产出指标", "(50)",
                       "数量指标", "造林面积", "1.2万亩", "1.2万亩", "10", "10", " ")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    indicator = document.projects[0].indicators[0]
    assert (indicator.level1, indicator.level3, indicator.target.raw) == ("产出指标(50)", "造林面积", "1.2万亩")
    assert normalise_level1(indicator.level1) == "产出指标"
    assert not [p for p in problems if p.severity is Severity.ERROR], [str(p) for p in problems]
