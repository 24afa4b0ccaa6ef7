"""The second reading of kinds42, mended: each test fails on the branch before its mend.

1. The words-to-grade rule (``vocabulary.stated_grade``) is the 自评 rule of a qualitative 实际完成值 only:
   ``parse_grade`` stays strict, so a 监控表's 1-6月执行情况 「尚未完成」 (not done yet, mid-year) gives no 完成等级
   (no red light), and a fill-in sheet's 完成等级 cell 「完成」 is still 「无法识别」.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.evaluate.from_monitoring_table import monitoring_rows_from_document
from perfbudget.evaluate.vocabulary import COL_GRADE, COL_LEVEL3, parse_grade
from perfbudget.load import load_bytes
from perfbudget.model import Document, Source
from perfbudget.readers.grid import Cell
from perfbudget.readers.header_block import read_header_rows
from perfbudget.readers.parts import Parts
from tests.evaluate.helpers import csv_bytes, messages, run
from tests.evaluate.test_errors import GOOD_P5, P5
from tests.evaluate.test_kinds38_selfeval_edits import _evaluate
from tests.evaluate.test_kinds42_stated_grades import _rows
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



# 4. A read 自评表's 得分 is the evaluator's own; a grade read from the words of its 实际完成值 is inferred: where they
#    disagree (已完成 at 28 of 40) the 得分's band grades the row, warned — the table was refused, with no 总分. A
#    fill-in sheet that leaves 完成等级 empty is still graded by the words, an out-of-band 得分 an error.
@pytest.mark.parametrize(("actual", "score", "stated", "grade", "share", "band"), [
    ("已完成", "28", "达成", "部分达成", "70.00%", "60%–80%（24.00–32.00 分）"),
    ("部分完成", "40", "部分达成", "达成", "100.00%", "80%–100%（32.00–40.00 分）")])
@pytest.mark.parametrize("form", ["tabs", "docx"])
def test_a_read_table_whose_words_disagree_with_its_score_is_graded_by_the_score(
        actual: str, score: str, stated: str, grade: str, share: str, band: str, form: str, tmp_path: Path) -> None:
    code, out, said = _evaluate(_rows(actual, score), tmp_path, form)
    assert code == 0, said
    assert "总分" in out
    figures = f"得分 {score} ÷ 分值 40 = {share} 所在区间"
    assert (f"3. 定性指标：完成等级「{grade}」（实际完成值「{actual}」所述等级与得分不符，按{figures}定），"
            f"区间为分值的 {band}，评价人给分 {score}.00") in out
    assert (f"警告：指标「群众出行条件」的实际完成值「{actual}」所述完成等级「{stated}」与{figures}的"
            f"完成等级「{grade}」不符：按表中得分定为「{grade}」，请核对") in said


def test_a_fill_in_sheet_whose_words_disagree_with_its_score_is_refused(seed_document: Document) -> None:
    rows = [row if "可持续影响" not in row else f"{P5},保障案件办理可持续影响,部分完成,,14," for row in GOOD_P5]
    evaluation, problems = run(seed_document, csv_bytes(*rows), file="p5.csv")
    assert evaluation is None
    refused = "得分 14 不在完成等级「部分达成」（取自实际完成值「部分完成」）的区间内"
    assert any(refused in m for m in messages(problems)), messages(problems)


# 5. One list each: the writer finds the task grid by the reader's text heads; the duties row's brief labels are
#    HEADER_LABELS' entries, not written twice.
def test_the_grid_heads_and_the_duties_labels_are_one_list_each() -> None:
    from perfbudget.readers import labels, task_grid
    from perfbudget.writers import task_block

    assert getattr(task_block, "TEXT_HEADS", None) is task_grid.TEXT_HEADS
    assert not hasattr(task_block, "_FIRST_HEADS")
    assert {key for key, field in labels.HEADER_LABELS.items() if field == "extra"} >= labels.DUTIES_BRIEF


# 6. Work done once: is_money_head keys its text once (it keyed it three times, for each of its lists).
def test_a_money_head_is_keyed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from perfbudget.readers import labels, task_grid

    keyed: list[str] = []

    def counted(text: str) -> str:
        keyed.append(text)
        return labels.key_of(text)

    monkeypatch.setattr(labels, "label_key", counted)
    monkeypatch.setattr(task_grid, "label_key", counted)
    assert task_grid.is_money_head("金额（万元）") and not task_grid.is_money_head("主要内容")
    assert keyed == ["金额（万元）", "主要内容"]
