"""A funds grid's row wrapped onto the next line (kinds31, corpus 175).

A page's 部门整体支出绩效自评表 ran a source row's cells over its line (``基本支出 | 985.19 | 914.97 |``
then ``10 | 10 |``): the wrapped figures were unlabelled extras and the grid ended there, so the next source row
(项目支出) was unlabelled too. The figures are the row's next columns now, and the grid goes on."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes

HEAD = """部门整体支出绩效自评表
部门(单位)名称 | 某镇人民政府
部门(单位)总体资金(万元) | 资金来源 | 年初预算数(A) | 全年执行数(B) | 分值(10分) | 得分
年度资金总额: | 100 | 90 | 10 | 9
"""
TAIL = """项目支出 | 40 | 35 | 10 | 9
年度总体目标 | 年初设定目标 | 年度总体目标完成情况
完成全年工作任务 | 较好地完成全年工作任务
"""


def _extras(text: str) -> dict[str, str]:
    result = load_bytes(text.encode(), "部门整体自评表.txt")
    assert result.document is not None, result.problems
    project = result.document.projects[0]
    assert (project.budget.total, project.budget.executed, project.budget.score) == (Decimal(100), Decimal(90),
                                                                                      Decimal(9))
    return {label: value for label, value in project.extras if "/" in label}


def test_a_wrapped_row_takes_its_figures_under_the_next_columns_and_the_grid_goes_on() -> None:
    extras = _extras(HEAD + "基本支出 | 60 | 55 |\n10 | 9 |\n" + TAIL)
    assert extras == {"年度资金总额/全年执行数": "90", "年度资金总额/分值": "10", "年度资金总额/得分": "9",
                      "基本支出/年初预算数": "60", "基本支出/全年执行数": "55",
                      "基本支出/分值": "10", "基本支出/得分": "9",
                      "项目支出/年初预算数": "40", "项目支出/全年执行数": "35",
                      "项目支出/分值": "10", "项目支出/得分": "9"}


def test_a_whole_row_takes_no_line_of_figures_after_it() -> None:
    extras = _extras(HEAD + "基本支出 | 60 | 55 | 10 | 9\n10 | 9\n" + TAIL)
    # the line after a whole row is none of it (kept unlabelled, as before): nothing is moved under its columns
    assert {label: value for label, value in extras.items() if label.startswith("基本支出")} == {
        "基本支出/年初预算数": "60", "基本支出/全年执行数": "55", "基本支出/分值": "10", "基本支出/得分": "9"}
    assert not any(label.startswith("项目支出") for label in extras)
