"""Layouts first met in the corpus14 tables (81–86: Hunan, Fujian, Anhui, Hubei, Yunnan), each stated on a tiny
inline table: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.labels import level_of
from perfbudget.readers.text import read_text
from perfbudget.review.engine import review_document

# ---- one cell a line, ``|`` lines between the cells and ``||||`` closing each row ---------------------------

BARE_CELL_LINES = """2022年度项目支出绩效自评表
单位名称:某市某局
项目名称
|
走访慰问经费
|
||||||||
预算执行情况(万元)
(20分)
|
|
预算数(A)
|
执行数(B)
|
执行率(B/A)
|
||||
年度财政资金总额
|
34.64
|
34.64
|
100%
|
|||||
年度绩效目标
|
一级指标
|
二级指标
|
三级指标
|
年初目标值(A)
|
实际完成值(B)
|
|||
产出指标
|
质量指标
|
补助经费足额拨付率
|
100%
|
100%
|
||||
时效指标
|
春节前完成走访慰问
|
按时限完成
|
100%
|
|||||
偏差大或
目标未完成
原因分析
|
无
|
||||||||
"""


def test_rows_whose_first_cell_stands_on_bare_lines() -> None:
    """A rendered table stored one cell a line: each cell's lines end at a line of only ``|``, a row at a line
    ``||||`` (its empty cells). A row starts with its first cell's bare lines (``项目名称``; ``偏差大或`` /
    ``目标未完成`` / ``原因分析`` over three lines once a row has ended), so the header block and the indicator rows
    are rows, not one cell each; the title lines above the first row stay free text."""
    document, problems = read_text(BARE_CELL_LINES, "t.txt")
    assert document is not None, problems
    project = document.projects[0]
    assert project.name == "走访慰问经费"
    assert project.budget.total == Decimal("34.64")
    assert document.money_unit == "万元"
    assert [(i.level1, i.level2, i.level3, i.target.raw, i.actual) for i in project.indicators] == [
        ("产出指标", "质量指标", "补助经费足额拨付率", "100%", "100%"),
        ("产出指标", "时效指标", "春节前完成走访慰问", "按时限完成", "100%")]


def test_bare_first_cells_need_the_cell_separators() -> None:
    """Without the ``|`` line after it a bare line is no cell of a row: free text before a table stays free text
    (the rows that start with ``|`` are read as before)."""
    text = "附件1\n某某项目绩效目标表\n" + BARE_CELL_LINES.split("单位名称:某市某局\n", 1)[1]
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert document.projects[0].name == "走访慰问经费"
    assert len(document.projects[0].indicators) == 2


# ---- 环境效益指标 and 进度指标: older forms' 二级 names -----------------------------------------------------

OLDER_LEVEL2 = """项目名称 | 共享工程 | ||||||||
年度财政资金总额 | 5 | 5 | 100% | 20 | |||||
年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||
产出指标(40分) | 进度指标 | 资源更新及时率 | 100% | 100% | 10 | ||||
效益指标(30分) | 社会效益 | 查询便捷程度 | 提高 | 提高 | 10 | ||||
环境效益 | 数字资源环境优良 | 良好 | 良好 | 10 | |||||
无线网络全覆盖 | 良好 | 良好 | |||||||
可持续影响指标 | 全年服务读者 | ≥360天 | ≥360天 | 10 | |||||
"""


def test_older_level2_names_start_their_rows() -> None:
    """In pipe rows whose merged cells were left out, a row starting with 环境效益(指标) starts in the 二级 column
    (a 二级 of the 2013–2016 templates, written for 生态效益): its indicator and the row under it belong to
    环境效益, not to the 社会效益 above, and no row is refused for holding more cells than the header. Names are
    kept as written."""
    document, problems = read_text(OLDER_LEVEL2, "t.txt")
    assert document is not None, problems
    assert [(i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("进度指标", "资源更新及时率", "100%"), ("社会效益", "查询便捷程度", "提高"),
        ("环境效益", "数字资源环境优良", "良好"), ("环境效益", "无线网络全覆盖", "良好"),
        ("可持续影响指标", "全年服务读者", "≥360天")]
    assert not [p for p in problems if p.severity is Severity.ERROR]
    assert level_of("环境效益指标") == level_of("进度指标") == "level2"


def test_review_still_takes_older_level2_names_for_the_framework_ones() -> None:
    """The review compares 环境效益指标 as 生态效益指标 (one table of older names for reader and review)."""
    document, _problems = read_text(OLDER_LEVEL2, "t.txt")
    assert document is not None
    report = review_document(document, only={"level-not-in-framework"})
    assert report.rules_run == ("level-not-in-framework",)
    flagged = {f.indicator for f in report.findings}
    assert 3 not in flagged and 4 not in flagged  # the two 环境效益 rows
    assert 1 not in flagged  # 进度指标 for 时效指标


# ---- a lone cell written with its row's empty cells: a row, not a wrapped name ------------------------------

LONE_ROWS = """项目名称 | 共享工程 | ||||||||
年度财政资金总额 | 5 | 5 | 100% | 20 | |||||
年度绩效目标1 (80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 | |||
效益指标(30分) | 社会效益 | 使读者更方便快捷查找检阅 | 独有数据资源查询 | 独有数据资源查询 | 10 | ||||
促进文化经济发展,丰富市民文化活动 | |||||||||
可持续影响指标 | 全年服务读者 | ≥360天 | ≥360天 | 10 | |||||
"""


def test_a_lone_cell_written_as_a_whole_row_is_not_joined_to_the_name_above() -> None:
    """``促进… | |||||||||``: a row of the table with only its 三级 cell (the page kept the row's empty cells) —
    a 三级 whose values are empty or merged with the row above, never the end of the name above wrapped by the
    copy: the name above stays whole, the lone 三级 is reported as having no value, nothing is joined."""
    document, problems = read_text(LONE_ROWS, "t.txt")
    assert document is not None, problems
    indicators = document.projects[0].indicators
    assert [(i.level3, i.target.raw) for i in indicators] == [
        ("使读者更方便快捷查找检阅", "独有数据资源查询"), ("促进文化经济发展,丰富市民文化活动", ""),
        ("全年服务读者", "≥360天")]
    assert any("促进文化经济发展" in p.message and "没有指标值" in p.message for p in problems)
    assert not any("单独成行" in p.message for p in problems)


def test_a_lone_cell_without_the_rows_empty_cells_is_still_a_wrapped_name() -> None:
    """The same cell on a line of its own without the row's empty cells (``促进… |``) is still read as the name
    above wrapped onto its own line, joined with a note (as before)."""
    text = LONE_ROWS.replace("促进文化经济发展,丰富市民文化活动 | |||||||||", "促进文化经济发展 |")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert [i.level3 for i in document.projects[0].indicators] == [
        "使读者更方便快捷查找检阅促进文化经济发展", "全年服务读者"]
    assert any("单独成行" in p.message for p in problems)
