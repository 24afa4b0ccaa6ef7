"""A 项目支出绩效自评表 as a person edits it (kinds35): its total row written without the empty cells before its
figures (``合计 | 100 | 92.5``), its own 自评得分 in a row after the indicators, and a form without its 年度指标值
column. Each read as a person reads it; the guards (columns reordered, decimals, the reason split in two) read so
already."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from perfbudget.cli import app
from perfbudget.load import load_bytes
from perfbudget.model import Document, Severity
from tests.readers.word_tables import excel_file

HEAD = [["项目支出绩效自评表（2023年度）"], ["项目名称", "乡村道路养护"],
        ["主管部门", "某县交通运输局", "实施单位", "某县公路养护中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", "80", "100", "90", "10", "90%", "9"]]
COLUMNS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
INDICATORS = [["产出指标", "数量指标", "养护里程", "≥100公里", "95公里", "20", "18.5", "部分路段延期"],
              ["产出指标", "时效指标", "完成时间", "2023年12月底前", "按时完成", "20", "20", ""],
              ["效益指标", "社会效益指标", "群众出行条件", "有效改善", "明显改善", "40", "38", ""],
              ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "10", "9.5", ""]]
SEPARATORS = ("\t", " | ")


def _table(columns: Sequence[str] = COLUMNS, closing: Sequence[Sequence[str]] = (),
           indicators: Sequence[Sequence[str]] = INDICATORS) -> list[list[str]]:
    """The form's rows, its indicator columns ``columns`` (each a column of ``COLUMNS``), its closing rows after."""
    places = [COLUMNS.index(column) for column in columns]
    return [*HEAD, list(columns), *([row[k] for k in places] for row in indicators), *map(list, closing)]


def _read(rows: Sequence[Sequence[str]], separator: str) -> tuple[Document, list[str]]:
    """The document read from ``rows`` written one a line, their cells between ``separator`` (empty cells left
    off, as a copy from a web page loses them), and the problems' texts."""
    text = "\n".join(separator.join(cell for cell in row if cell) for row in rows) + "\n"
    result = load_bytes(text.encode(), "自评表.txt")
    assert result.document is not None, [str(p) for p in result.problems]
    return result.document, [f"{p.severity}: {p.message}" for p in result.problems]


def _errors(problems: list[str]) -> list[str]:
    return [p for p in problems if p.startswith(f"{Severity.ERROR}:")]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_total_row_without_its_empty_cells_gives_the_tables_total(separator: str) -> None:
    """``合计 | 100 | 92.5``: the row's figures under the header's 分值 and 得分, in their order — the full mark
    first, the score (at most the mark) after it; until kinds35 kept as one text ``合计`` = ``100 92.5``."""
    for label in ("合计", "总分"):
        document, problems = _read(_table(closing=[[label, "100", "95"]]), separator)
        (project,) = document.projects
        assert project.table_total == Decimal(95), problems
        assert (f"{label}/分值", "100") in project.extras and (f"{label}/得分", "95") in project.extras
        assert not _errors(problems)
    # the header's columns in the other order: the figures follow them
    reordered = [*COLUMNS[:5], "得分", "分值", COLUMNS[7]]
    document, problems = _read(_table(reordered, closing=[["合计", "95", "100"]]), separator)
    assert document.projects[0].table_total == Decimal(95), problems


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_total_row_that_cannot_be_placed_stays_as_written(separator: str) -> None:
    """One figure under a header with 分值 and 得分 (the mark or the score?), a score above the mark, three
    figures: kept as written (``合计`` = …), no total read."""
    for closing, kept in ((["合计", "95"], "95"), (["合计", "90", "100"], "90 100"), (["合计", "100", "95", "90"],
                                                                                   "100 95 90")):
        document, problems = _read(_table(closing=[closing]), separator)
        (project,) = document.projects
        assert project.table_total is None and ("合计", kept) in project.extras, problems


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_total_row_under_the_only_score_column(separator: str) -> None:
    """A form scoring its indicators without a 分值 column: its ``总分 | 95`` is the 得分's total."""
    columns = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"]
    document, problems = _read(_table(columns, closing=[["总分", "95"]]), separator)
    assert document.projects[0].table_total == Decimal(95), problems


@pytest.mark.parametrize("separator", SEPARATORS)
def test_the_tables_own_score_in_a_row_after_its_indicators(separator: str) -> None:
    """``自评得分 | 95`` (and ``评价等级 | 优`` beside it or below) after the last indicator: the table's total and
    grade, as in its header block; until kinds35 the row was taken for a cut indicator row (表格在此中断：最后一行
    只有…)."""
    for closing in ([["自评得分", "95", "评价等级", "优"]], [["自评得分", "95分"], ["评价等级", "优"]]):
        document, problems = _read(_table(closing=closing), separator)
        (project,) = document.projects
        assert not _errors(problems), problems
        assert (project.table_total, project.table_grade) == (Decimal(95), "优")
        assert len(project.indicators) == 4 and document.kind == "self-evaluation"
    # a form without self-evaluation columns that states its score is a 自评表 too
    columns = ["一级指标", "二级指标", "三级指标", "年度指标值"]
    document, problems = _read(_table(columns, closing=[["自评得分", "95"]]), separator)
    assert not _errors(problems) and document.kind == "self-evaluation"
    assert document.projects[0].table_total == Decimal(95)


@pytest.mark.parametrize("separator", SEPARATORS)
def test_a_self_evaluation_without_its_target_column(separator: str) -> None:
    """一级指标 | 二级指标 | 三级指标 | 实际完成值 | 分值 | 得分 | 偏差原因…: a 自评表 whose 年度指标值 column was left
    out. Its indicators are read with their results and points and no target, told once at the header; until kinds35 it
    was refused as an evaluation score sheet (这是绩效评价评分表…) and every indicator was lost."""
    columns = ["一级指标", "二级指标", "三级指标", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    document, problems = _read(_table(columns, closing=[["合计", "100", "95"]]), separator)
    (project,) = document.projects
    assert not _errors(problems), problems
    assert [(i.level3, i.target.raw, i.actual, i.weight, i.score) for i in project.indicators] == [
        (row[2], "", row[4], Decimal(row[5]), Decimal(row[6])) for row in INDICATORS]
    assert project.indicators[0].deviation == "部分路段延期"
    told = [p for p in problems if "没有指标值列" in p]
    assert len(told) == 1 and told[0].startswith(f"{Severity.WARNING}:") and "实际完成值" in told[0]
    assert project.table_total == Decimal(95) and document.kind == "self-evaluation"


def test_one_cell_a_line_without_its_target_column_is_told_what_it_lacks() -> None:
    """One cell a line, the rows cannot be rebuilt without the target column: refused, saying so (until kinds35 it
    was called an evaluation score sheet)."""
    columns = ["一级指标", "二级指标", "三级指标", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    _, problems = _read(_table(columns), "\n")
    (error,) = _errors(problems)
    assert "有实际完成值但没有指标值列" in error and "评分表" not in error


def test_a_score_sheet_without_results_is_still_refused() -> None:
    """The evaluation score sheet (一级指标 | 二级指标 | 三级指标 | 分值 | 得分, no 实际完成值): still no indicators."""
    columns = ["一级指标", "二级指标", "三级指标", "分值", "得分"]
    document, problems = _read(_table(columns), "\t")
    assert not document.projects or not document.projects[0].indicators
    assert any("绩效评价评分表" in p for p in _errors(problems))


def test_a_workbook_without_its_target_column() -> None:
    """The same form as a workbook (its cells in place): read alike."""
    columns = ["一级指标", "二级指标", "三级指标", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    result = load_bytes(excel_file(_table(columns)), "自评表.xlsx")
    assert result.document is not None and not [p for p in result.problems if p.severity is Severity.ERROR]
    assert [i.score for i in result.document.projects[0].indicators] == [Decimal(row[6]) for row in INDICATORS]


@pytest.mark.parametrize("separator", SEPARATORS)
def test_edits_that_read_right_already(separator: str) -> None:
    """Guards: the funds columns reordered, 得分 before 分值, the reason split in two columns, 得分 left empty."""
    funds = [["项目资金（万元）", "全年执行数", "执行率", "得分", "年初预算数", "分值", "全年预算数"],
             ["年度资金总额", "90", "90%", "9", "80", "10", "100"]]
    document, _ = _read([*HEAD[:3], *funds, *_table()[len(HEAD):]], separator)
    budget = document.projects[0].budget
    assert (budget.total, budget.initial, budget.executed, budget.rate, budget.weight, budget.score) == (
        Decimal(100), Decimal(80), Decimal(90), Decimal(90), Decimal(10), Decimal(9))
    split = [[*row[:7], "部分路段延期" if row[7] else "", "加快施工" if row[7] else ""] for row in INDICATORS]
    header = [*COLUMNS[:7], "偏差原因分析", "改进措施"]
    text_rows = [*HEAD, header, *split]
    document, _ = _read(text_rows, separator)
    first = document.projects[0].indicators[0]
    assert (first.deviation, first.extras) == ("部分路段延期", (("改进措施", "加快施工"),))
    unscored = [[*row[:6], "", row[7]] for row in INDICATORS]
    document, problems = _read(_table(indicators=unscored), separator)
    assert [i.score for i in document.projects[0].indicators] == [None] * 4 and not _errors(problems)


def test_evaluate_checks_the_total_the_edited_tables_state(tmp_path: Path) -> None:
    """``evaluate 表 -a 表``: the total of ``合计 | 100 | 92.5`` and of a closing ``自评得分 | 95`` checked against the
    scoring's (9 + 19 + 20 + 38 + 10 = 96; until kinds35 neither was read, nothing compared); a form without its
    target column scored by its own points (9 + 18.5 + 20 + 38 + 9.5 = 95)."""
    untargeted = ["一级指标", "二级指标", "三级指标", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    for rows, said in ((_table(closing=[["合计", "100", "92.5"]]), "表中的自评得分为 92.5，按评分规则计算为 96.00"),
                       (_table(closing=[["自评得分", "95"]]), "表中的自评得分为 95，按评分规则计算为 96.00"),
                       (_table(untargeted, closing=[["合计", "100", "95"]]),
                        "按评分规则计算的总分 95.00 与表中的自评得分 95 一致")):
        path = tmp_path / "自评表.txt"
        path.write_text("\n".join(" | ".join(cell for cell in row if cell) for row in rows) + "\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["evaluate", str(path), "-a", str(path)])
        assert result.exit_code == 0, result.output
        assert said in result.stderr
