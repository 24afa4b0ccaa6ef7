"""The second reading of kinds42, mended: each test fails on the branch before its mend.

1. The words-to-grade rule (``vocabulary.stated_grade``) is the 自评 rule of a qualitative 实际完成值 only:
   ``parse_grade`` stays strict, so a 监控表's 1-6月执行情况 「尚未完成」 (not done yet, mid-year) gives no 完成等级
   (no red light), and a fill-in sheet's 完成等级 cell 「完成」 is still 「无法识别」.
"""

from __future__ import annotations

import pytest

from perfbudget.evaluate.from_monitoring_table import monitoring_rows_from_document
from perfbudget.evaluate.vocabulary import COL_GRADE, COL_LEVEL3, parse_grade
from perfbudget.load import load_bytes
from perfbudget.model import Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.header_block import read_header_rows
from perfbudget.readers.parts import Parts
from tests.readers.test_dept40_department_parts import HEAD as DEPARTMENT_HEAD
from tests.readers.test_dept40_department_parts import TAIL as DEPARTMENT_TAIL
from tests.readers.test_kinds42_task_amounts import TITLE as DEPARTMENT_TITLE
from tests.readers.test_kinds42_task_amounts import _tasks
from tests.readers.test_merged_reasons import HEAD, ROWS, TITLE
from tests.readers.word_tables import form_file, word_file


@pytest.mark.parametrize("said", ["尚未完成", "未完成", "已完成", "部分完成", "完成"])
def test_a_grade_cell_in_the_words_of_an_actual_is_not_a_grade(said: str) -> None:
    assert parse_grade(said) is None
    assert parse_grade("部分达成") == "部分达成" and parse_grade(" 未达成 ") == "未达成"


@pytest.mark.parametrize("said", ["尚未完成", "已完成"])
def test_a_monitoring_actual_in_such_words_gives_no_grade(said: str) -> None:
    row = ["效益指标", "社会效益指标", "群众出行条件", "明显改善", said, "有可能", "年底完成", "其他：汛期", "加快"]
    loaded = load_bytes(word_file([*HEAD, *ROWS[:2], row], [TITLE]), "监控表.docx")
    assert loaded.document is not None
    rows, _month, _problems = monitoring_rows_from_document(loaded.document, "监控表.docx")
    (taken,) = [r for r in rows if r.cells.get(COL_LEVEL3) == "群众出行条件"]
    assert taken.cells[COL_GRADE] == ""


# 2. The 部门职能 rule looks at the next filled cell or two, not at the rest of the row for each 部门职能 cell: a
#    wide row of them cost time quadratic in its width (48,000 cells, 28 s). Counted, not timed: ``blank`` reads.
class _Counted(Cell):
    __slots__ = ()
    reads = 0

    def __getattribute__(self, name: str) -> object:
        if name == "blank":
            _Counted.reads += 1
        return super().__getattribute__(name)


def _blank_reads(width: int) -> int:
    where = Source("宽行.txt")
    row: list[Cell] = [_Counted("部门职能" if k % 2 == 0 else "", where) for k in range(width)]
    _Counted.reads = 0
    read_header_rows([row], Parts(None, where))
    return _Counted.reads


def test_a_wide_row_of_the_functions_label_costs_work_linear_in_its_width() -> None:
    small, large = _blank_reads(1000), _blank_reads(4000)
    assert large < 6 * small, (small, large)


# 3. 部门职能 is the duties row's label unless the next filled cell heads a grid's column (年度目标任务, 任务名称,
#    预算金额 …: Fujian's 年度履职目标 grid, corpus 102): counting the cells after it (a label only before exactly one)
#    lost it one cell a line, before a further label (联系人 | 张三), or with its text in two cells.
FUNCTIONS = "负责全县农业农村工作。"


@pytest.mark.parametrize(("form", "row"), [
    ("lines", ["部门职能", FUNCTIONS]),
    ("tabs", ["部门职能", FUNCTIONS, "联系人", "张三"]),
    ("docx", ["部门职能", FUNCTIONS, "联系人", "张三"]),
    ("tabs", ["部门职能", FUNCTIONS, FUNCTIONS]),  # a merged cell's text repeated by the copy
    ("docx", ["部门职能", "负责全县农业农村工作，", "指导农村改革。"])])
def test_the_functions_label_is_kept_in_other_layouts(form: str, row: list[str]) -> None:
    read = load_bytes(*form_file([*DEPARTMENT_HEAD, row, *_tasks("金额（万元）"), *DEPARTMENT_TAIL], DEPARTMENT_TITLE,
                                 form, "部门整体"))
    assert read.document is not None
    (project,) = read.document.projects
    assert [key for key, text in project.extras if text.startswith("负责")][:1] == ["部门职能"], project.extras

