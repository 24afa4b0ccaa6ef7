"""A unit's own 自评表 as people edit it, scored by ``perfbudget evaluate 表 -a 表`` (kinds38).

* No 分值 column, its 得分 written by the official default points (预算执行率 10, 产出 50, 效益 30, 满意度 10): the
  scoring weighed the rows by those defaults, but a qualitative row (or a time row done in words) could not be graded
  by its 得分 — refused (须填写完成等级). Graded now against the same default points, told.
* 执行率 written, 全年执行数 left empty: refused (「全年执行数」的实际完成值为空); read as 预算数 × 执行率, told.
* A done word (``已完成``) under a quantity: refused at its row as before, the error saying what to write.
* Guards, scored right already: 年度指标值 and 实际完成值 swapped in column order (the headers say which); ``100%``
  under ``≥95%`` and ``95%`` under ``≤5%`` (reverse); a 偏差原因 merged over the rows, kept once, at the merged
  cell's row, in a text copy (it cannot tell a merged cell from one row's); in Word each row it spans keeps it since
  merged_cells (tests/readers/test_merged_reasons.py)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes
from tests.readers.test_kinds35_selfeval_edits import COLUMNS, HEAD, INDICATORS, _table
from tests.readers.word_tables import form_file

# the kinds35 自评表's indicators scored by the default points (产出 25 + 25, 效益 30, 满意度 10)
DEFAULT_SCORES = ("23.75", "25", "28", "10")


def _evaluate(rows: Sequence[Sequence[str]], tmp_path: Path, form: str = "tabs") -> tuple[int, str, str]:
    """``perfbudget evaluate 表 -a 表`` on ``rows`` written in ``form``: (exit code, stdout, stderr)."""
    data, name = form_file(rows, [], form, "表")
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path)])
    return result.exit_code, result.stdout, result.stderr


def _without_weights(scores: Sequence[str]) -> list[list[str]]:
    columns = [column for column in COLUMNS if column != "分值"]
    places = [COLUMNS.index(column) for column in columns]
    rows = [[*row[:6], score, *row[7:]] for row, score in zip(INDICATORS, scores, strict=True)]
    total = ["合计", "", "", "", "", "95.75", ""]
    return [*map(list, HEAD), columns, *([row[k] for k in places] for row in rows), total]


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx"])
def test_a_table_without_weights_is_graded_by_the_default_points(form: str, tmp_path: Path) -> None:
    code, out, said = _evaluate(_without_weights(DEFAULT_SCORES), tmp_path, form)
    assert code == 0, said
    assert "总分 95.75  等级 优" in out
    # (2023年12月底前's 按时完成 is no date: graded by its 得分, a time target's words grade nothing — kinds44's mend)
    assert "2. 定性指标：完成等级「达成」，区间为分值的 80%–100%（20.00–25.00 分），评价人给分 25.00" in out
    assert ("警告：项目「乡村道路养护」的自评表没有分值列：按默认分值（预算执行率 10 分、产出指标 50 分、"
            "效益指标 30 分、满意度指标 10 分，组内平均分配）计分") in said
    assert "按评分规则计算的总分 95.75 与表中的自评得分 95.75 一致" in said


def test_scores_beyond_the_default_points_are_not_graded_by_them(tmp_path: Path) -> None:
    """Guards: 38 under 效益 (30 by default), or a group's points in its label: the table's points are others —
    the rows stay ungraded, refused."""
    code, _out, said = _evaluate(_without_weights(("18.5", "20", "38", "9.5")), tmp_path)
    assert code == 1 and "定性指标「群众出行条件」须填写完成等级" in said and "默认分值" not in said
    # the groups' points in their labels (corpus r88's 效益指标(40 分)): the table's own, not the defaults
    labelled = [[f"{cell}(50分)" if cell == "产出指标" else cell for cell in row]
                for row in _without_weights(DEFAULT_SCORES)]
    code, _out, said = _evaluate(labelled, tmp_path)
    assert code == 1 and "默认分值" not in said


@pytest.mark.parametrize("form", ["tabs", "docx"])
def test_an_empty_executed_amount_is_read_from_the_written_rate(form: str, tmp_path: Path) -> None:
    head = [list(row) for row in HEAD]
    head[4] = ["年度资金总额", "80", "100", "", "10", "90%", "9"]
    code, out, said = _evaluate([*head, COLUMNS, *INDICATORS], tmp_path, form)
    assert code == 0, said
    assert "全年预算数 100.00万元，全年执行数 90.00万元，执行率 90.00%，得分 9.00/10.00" in out
    assert ("警告：项目「乡村道路养护」资金表的全年执行数为空：按表中执行率 90% × 预算数 100 读作全年执行数 90；"
            "请填写全年执行数") in said
    head[4] = ["年度资金总额", "80", "100", "", "10", "", ""]  # a guard: no rate, nothing to read
    code, _out, said = _evaluate([*head, COLUMNS, *INDICATORS], tmp_path, form)
    assert code == 1 and "「全年执行数」的实际完成值为空" in said


def test_edits_scored_right_already(tmp_path: Path) -> None:
    """Guards: the target and actual columns swapped; a % actual over a ≥ target and one over a reverse ≤ target."""
    swapped = [*COLUMNS[:3], "实际完成值", "年度指标值", *COLUMNS[5:]]
    code, out, said = _evaluate(_table(swapped), tmp_path, "pipes")
    assert code == 0 and "1. 正向指标：实际 95公里 < 目标 100公里，得分 = 20.00 × 95 ÷ 100 = 19.00" in out, said
    rows = [list(row) for row in INDICATORS]
    rows[3][3:7] = ["≥95%", "100%", "5", "5"]
    rows.append(["效益指标", "社会效益指标", "事故发生率", "≤5%", "95%", "5", "0", ""])
    code, out, said = _evaluate(_table(indicators=rows), tmp_path)
    assert code == 0, said
    assert "正向指标：实际 100% ≥ 目标 95%，得满分 5.00" in out
    assert "反向指标（比例法）：实际 95% > 目标 5%，得分 = 5.00 × 5 ÷ 95 = 0.26" in out


@pytest.mark.parametrize("form", ["tabs", "pipes", "lines", "docx"])
def test_a_reason_merged_over_the_rows_is_kept_by_the_rows_the_form_shows(form: str) -> None:
    rows = [[*row[:7], "部分路段延期，下年加快进度" if k == 0 else ""] for k, row in enumerate(INDICATORS)]
    table = _table(indicators=rows)
    data, name = form_file(table, [], form, "自评表")
    if form == "docx":  # the reason's cell merged down over the four rows, as Word draws it
        from tests.readers.word_tables import word_file
        start = len(HEAD) + 1
        data = word_file([[*row, *[""] * (len(COLUMNS) - len(row))] for row in table],
                         merges=[(start, 7, start + 3, 7)])
    (project,) = load_bytes(data, name).document.projects
    # Word marks the merge: each row the cell spans keeps the reason (merged_cells); a text copy cannot tell
    kept = ["部分路段延期，下年加快进度"] * (4 if form == "docx" else 1)
    assert [i.deviation for i in project.indicators] == [*kept, *[None] * (4 - len(kept))]


@pytest.mark.parametrize("word", ["已完成", "完成", "达到预期"])
def test_a_done_word_under_a_quantity_is_refused_saying_what_to_write(word: str, tmp_path: Path) -> None:
    """Refused at its row as before (corpus ``86``: done or not, a word does not say how far ≥100公里 was met); the
    error now says what to write."""
    rows = [list(row) for row in INDICATORS]
    rows[0][4] = word
    code, _out, said = _evaluate(_table(indicators=rows), tmp_path)
    assert code == 1
    assert (f"错误：实际完成值「{word}」不是数值：指标值「≥100公里」是数量，请填写实际完成的数量（如 100公里）："
            "文字不能说明完成了多少") in said
