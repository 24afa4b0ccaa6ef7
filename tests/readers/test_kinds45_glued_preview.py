"""A document site's preview of a glued 自评表 (corpus 199, Beijing's form with a 得分计算方法 column): the site's
chunk numbers past 2、 joined, a scoring method's column one label, a level word inside a sentence no label, a funds
row typed with amounts of different decimals split by its points, and the form read as its paragraph where the
layout its first lines suggest reads no project."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.glued_funds import split_glued_funds
from perfbudget.readers.labels import EXTRA_COLUMN_LABELS, SCORING_METHOD_COLUMNS
from perfbudget.readers.text import read_text
from perfbudget.readers.text_glued import _joined_page_markers, split_labels

GOAL = "通过规范地区道路保洁外包经费的使用，实现科学管理，充分发挥资金在小区、三级以下道路、无主垃圾清运中的作用，" * 3
BEIJING = ("资源描述:\n\n1、项目支出绩效自评表(2016年度)项目名称道路保洁外包经费主管部门及代码某区某街道办事处"
           "实施单位:某街道城市运行服务中心项目资金(万元) 年初预算数(A)全年执行数(B)分值(10分)执行率(B/A)得分"
           "得分计算方法"
           "年度资金总额:310.2154.741050%5执行率*该指标分值,最高不得超过分值上限。年度总体目标" + GOAL[:60]
           + "\n\n2、" + GOAL[60:] + "绩效指标一级指标二级指标三级指标分值年度指标值(A)全年实际值(B)得分计算方法得分"
           "未完成原因分析数量指标保洁道路数量10\n\n3、20条20条完成值达到指标值,记满分。10产出指标(50分)\n")


def test_a_preview_in_three_chunks_is_read_as_its_form() -> None:
    """The site cut the form in three chunks (1、 2、 3、): one paragraph, whose header block gives the project and its
    funds; its rows, a text column among their figures, are an error at their line, never a guess. On the base the
    third chunk stayed apart, the goal's 三级 started the indicator header, the funds run was not split, and the text
    (one cell a paragraph at its start) was refused as holding no table: the name, budget and errors lost."""
    document, problems = read_text(BEIJING, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.name == "道路保洁外包经费"
    assert document.money_unit == "万元"
    assert (project.budget.total, project.budget.executed, project.budget.rate, project.budget.weight,
            project.budget.score) == (Decimal("310.2"), Decimal("154.74"), Decimal("50"), Decimal("10"), Decimal("5"))
    assert not project.indicators
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert any("无法可靠拆分" in p.message and p.source.line == 3 for p in errors), errors


def test_the_third_chunk_is_joined_to_the_row_it_cuts() -> None:
    """A row the site's 3、 cuts is one row: on the base the chunks past 2、 stayed lines of their own (the last row
    lost its figures)."""
    page = ("下载本文档\n1、2022年度绿化养护项目绩效自评表项目名称绿化养护主管部门某区城市管理局实施单位某区园林所"
            "年度总体目标"
            + "完成辖区内道路绿化带的日常养护、补植补种和病虫害防治工作，保障绿化设施完好" * 6
            + "年度绩效目标一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分产出指标数量指标养护面积"
            "1200平方米1200平方米20时效指标完成\n2、及时率100%100%20效益指标社会效益指标满意度指标服务对象满意度指标"
            "市民满意度90%\n\n3、95%20总分60备注:无\n")
    document, problems = read_text(page, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert [(i.level3, i.target.raw, i.score) for i in project.indicators] == [
        ("养护面积", "1200平方米", Decimal("20")), ("完成及时率", "100%", Decimal("20")),
        ("市民满意度", "90%", Decimal("20"))]


def test_a_scoring_methods_column_is_one_label() -> None:
    """得分计算方法 (and 计分方法) is a column of its own, never 得分 | 计算方法."""
    parts = split_labels("执行率(B/A)得分得分计算方法年度资金总额")
    assert "得分计算方法" in parts and "计算方法" not in parts
    assert "计分方法" in split_labels("三级指标指标值得分计分方法")


def test_a_level_word_in_a_sentence_is_no_label() -> None:
    """三级以下道路, 二级以上医院: a grade, not the 三级 column; the bare column labels still split."""
    sentence = "充分发挥作用，小区、三级以下道路、二级及以上医院"
    assert split_labels(sentence) == [sentence]
    assert split_labels("一级二级三级年度指标值") == ["一级", "二级", "三级", "年度指标值"]


def test_a_funds_run_typed_with_different_decimals_is_split_by_its_points() -> None:
    """310.2 | 154.74 | 10 | 50% | 5 and 310.2 | 154.741 | 0 | 50% | 5 both check out by the rate; the second gives 5
    points of 0, so the first is the row, although its amounts differ in decimals (on the base the decimals rule
    dropped it too and the run was left unsplit)."""
    parts, unsplit = split_glued_funds(["年初预算数", "(A)", "全年执行数", "(B)", "分值", "执行率", "得分",
                                        "年度资金总额", "310.2154.741050%5"])
    assert not unsplit
    assert parts[-5:] == ["310.2", "154.74", "10", "50%", "5"]


def test_a_level_word_is_a_label_only_beside_the_next_header_label() -> None:
    """一级 before 二级, 二级 before 三级, 三级 before a value column's label: a grade in a sentence (完成二级公路改造,
    三级医院, 一级保护区) is no label, whatever follows it."""
    for sentence in ("完成二级公路改造20公里", "新建三级医院1所", "划定一级保护区3处"):
        assert split_labels(sentence) == [sentence], sentence
    assert split_labels("一级二级三级目标值分值") == ["一级", "二级", "三级", "目标值", "分值"]


def test_a_documents_own_note_after_a_preview_is_not_joined() -> None:
    """A note of the document's own (``3、本表金额单位为万元…``) after a chunk that ends its sentence (。；：) is a
    line of its own, never joined into the form's paragraph; a chunk ending mid-text is."""
    head = "1、" + "甲" * 199 + "乙"
    lines = [head, "2、" + "丙" * 200 + "。", "3、本表金额单位为万元。"]
    assert [line for _, line in _joined_page_markers(lines)] == [head + "丙" * 200 + "。", "3、本表金额单位为万元。"]
    lines = [head, "2、" + "丙" * 200, "3、本表"]
    assert [line for _, line in _joined_page_markers(lines)] == [head + "丙" * 200 + "本表"]


def test_the_scoring_method_columns_are_one_named_set() -> None:
    """The glued labels take the scoring methods' columns from ``labels.SCORING_METHOD_COLUMNS`` (kept as extras)."""
    assert SCORING_METHOD_COLUMNS <= EXTRA_COLUMN_LABELS
    for label in SCORING_METHOD_COLUMNS:
        assert split_labels(f"三级指标指标值得分{label}") == ["三级指标", "指标值", "得分", label]
