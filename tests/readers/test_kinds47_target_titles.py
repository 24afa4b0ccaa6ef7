"""A 绩效目标表 whose 实际完成值 column nobody filled is a target table, and its title under an 附件 row is its title
(kinds47, corpus 48: the 区域 transfer's 绩效目标表 prints 实际完成值 | 未达到指标值原因 for the year's report).

The title row under 附件2 (page furniture) was kept as an unlabelled extra, the table had no title, and its empty
实际完成值 column made the page a 自评表 (the kind every face shows, the scoring asks for actuals it has not)."""

from __future__ import annotations

from perfbudget.model import Severity
from perfbudget.readers.text import read_text

FORM = """附件2 | | | | | |
农村公路养护补助资金绩效目标表 | | | | | |
(2018年度) | | | | | |
项目名称 | 农村公路养护补助 | | | | |
年度金额 | 50 | | | | |
一级指标 | 二级指标 | 三级指标 | 指标值 | 实际完成值 | 未达到指标值原因
产出指标 | 数量指标 | 养护里程 | 100公里 | {first} |
效益指标 | 社会效益指标 | 通行条件 | 明显改善 | {second} |
"""


def test_the_title_under_an_attachment_row_is_the_tables_title() -> None:
    document, problems = read_text(FORM.format(first="", second=""), "t.txt")
    assert document is not None, problems
    assert document.projects[0].title == "农村公路养护补助资金绩效目标表(2018年度)"
    assert document.projects[0].name == "农村公路养护补助"


def test_a_target_table_with_its_result_columns_empty_is_a_target_table() -> None:
    document, problems = read_text(FORM.format(first="", second=""), "t.txt")
    assert document is not None, problems
    assert document.kind == "target"
    assert [(i.level3, i.target.raw, i.actual) for i in document.projects[0].indicators] == [
        ("养护里程", "100公里", None), ("通行条件", "明显改善", None)]
    told = [p for p in problems if "实际完成值等栏均未填写" in p.message]
    assert len(told) == 1 and told[0].severity is Severity.WARNING
    assert "「农村公路养护补助资金绩效目标表(2018年度)」" in told[0].message


def test_results_filled_under_a_target_title_keep_the_self_evaluation() -> None:
    document, problems = read_text(FORM.format(first="98公里", second="明显改善"), "t.txt")
    assert document is not None, problems
    assert document.kind == "self-evaluation"
    assert [i.actual for i in document.projects[0].indicators] == ["98公里", "明显改善"]
    assert not any("实际完成值等栏均未填写" in p.message for p in problems)


def test_a_self_evaluation_title_is_never_read_as_a_target_table() -> None:
    text = FORM.format(first="", second="").replace("资金绩效目标表", "资金绩效目标自评表")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert document.kind == "self-evaluation"


def test_results_written_as_text_under_a_target_title_keep_the_self_evaluation() -> None:
    """The indicators' actuals blank, the goal's 实际完成情况 or the 评价结论 filled: results all the same, never
    「实际完成值等栏均未填写」 (kinds47 mend)."""
    form = FORM.format(first="", second="")
    for written in ("年度目标 | 完成养护100公里 | 实际完成情况 | 完成98公里养护 | | |\n",
                    "评价结论 | 项目完成较好 | | | | |\n"):
        text = form.replace("年度金额 | 50 | | | | |\n", f"年度金额 | 50 | | | | |\n{written}") \
            if written.startswith("年度目标") else form + written
        document, problems = read_text(text, "t.txt")
        assert document is not None, problems
        assert document.kind == "self-evaluation", written
        assert not any("实际完成值等栏均未填写" in p.message for p in problems)


def test_only_an_attachment_row_above_the_title_is_dropped_as_furniture() -> None:
    """A bare year or number alone above the title is no 附件 mark: it is kept, as before (kinds47 mend: any page
    furniture — a page number's shape — was dropped in silence)."""
    for lead in ("2019", "12"):
        document, problems = read_text(FORM.format(first="98公里", second="明显改善").replace("附件2 |", f"{lead} |"),
                                       "t.txt")
        assert document is not None, problems
        project = document.projects[0]
        assert ("", lead) in project.extras or lead in (project.title or ""), lead


def test_a_target_tables_extra_columns_are_not_located_one_by_one() -> None:
    """Only a 自评表's extra cells keep their own places (a 折算得分 taken for the score, readers/converted_scores.py):
    a target table's rows, most of all rows read, skip that work (kinds47 mend: the reader's hot path)."""
    text = FORM.format(first="", second="").replace("未达到指标值原因", "备注") \
        .replace("明显改善 |  |", "明显改善 | 见说明 |").replace("| 实际完成值 |", "|") \
        .replace("100公里 |  |", "100公里 |")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert document.kind == "target"
    second = document.projects[0].indicators[1]
    assert ("备注", "见说明") in second.extras
    assert "备注" not in second.sources
