"""An evaluation score sheet (绩效评价指标评分: 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分) is no
performance target table: its criteria have weights and scores but no targets. It is refused with an
error that names it, never read with a weight as the target (first met in a Hainan self-evaluation,
corpus 61)."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.interpret import SCORE_SHEET_MESSAGE
from perfbudget.readers.text import read_text

SCORE_SHEET_ROWS = """项目绩效自评表
项目名称 | 测试项目
二、绩效评价指标评分
一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 得分
项目决策 | 20 | 项目目标 | 4 | 目标内容 | 4 | 4
 |  | 决策过程 | 8 | 决策依据 | 3 | 3
"""

# the same sheet copied one cell per paragraph, as document sites give it
SCORE_SHEET_PARAGRAPHS = "\n\n".join(
    ["项目绩效自评表", "二、绩效评价指标评分", "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
     "项目决策", "20", "项目目标", "4", "目标内容", "4", "4", "决策过程", "8", "决策依据", "3", "3"]) + "\n"

# a target table whose header also has 分值: it has a 指标值 column and is read
TARGET_TABLE_WITH_WEIGHTS = """项目支出绩效目标表
项目名称 | 测试项目
一级指标 | 二级指标 | 三级指标 | 指标值 | 分值
产出指标 | 数量指标 | 培训人数 | ≥100人 | 20
"""


def _messages(text: str) -> tuple[int, list[str]]:
    document, problems = read_text(text, "t.txt")
    count = sum(len(p.indicators) for p in document.projects) if document is not None else 0
    return count, [p.message for p in problems if p.severity is Severity.ERROR]


def test_score_sheet_in_rows_is_refused() -> None:
    """In rows of cells the layout is not even taken for a table (no 指标值 header): refused, nothing read."""
    count, errors = _messages(SCORE_SHEET_ROWS)
    assert count == 0
    assert errors


def test_score_sheet_one_cell_per_paragraph_is_refused_by_name() -> None:
    count, errors = _messages(SCORE_SHEET_PARAGRAPHS)
    assert count == 0
    assert SCORE_SHEET_MESSAGE in errors


def test_target_table_with_a_weight_column_is_no_score_sheet() -> None:
    count, errors = _messages(TARGET_TABLE_WITH_WEIGHTS)
    assert count == 1
    assert SCORE_SHEET_MESSAGE not in errors
