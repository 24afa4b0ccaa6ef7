"""What kind of table a file is (kinds45): a 自评表 whose criterion names 《项目支出绩效监控表》 is no 监控表
(corpus 191, a 广水市 自评表 read as a monitoring table until kinds45)."""

from __future__ import annotations

from perfbudget.readers.text import read_text

SELF_EVALUATION = """项目支出绩效自评表
项目名称 | 办公网络维护费
项目资金（万元） | 5.5
运行监管 | 1、运行监管记录3分；2、填报《项目支出绩效监控表》1分。没有不得分。
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
产出指标 | 数量指标 | 采购设备数量 | 10台套 | 10台套 | 50 | 50
满意度指标 | 服务对象满意度指标 | 使用人员满意度 | ≥90% | 95% | 50 | 50
"""


def test_a_monitoring_table_named_in_a_criterion_is_no_title() -> None:
    """The cell names a document in book-title marks (填报《项目支出绩效监控表》1分): the table is the 自评表 its
    columns say, not a 监控表 (on the base a 监控表: its scoring skipped, its indicators given progress)."""
    document, problems = read_text(SELF_EVALUATION, "t.txt")
    assert document is not None, problems
    assert document.kind == "self-evaluation"
    (project,) = document.projects
    assert project.month is None
    assert all(i.progress is None for i in project.indicators)


def test_a_monitoring_title_in_a_cell_of_its_own_still_says_so() -> None:
    """A cell that is the table's title (绩效运行监控表), unquoted, still makes the table a 监控表."""
    text = SELF_EVALUATION.replace("运行监管 | 1、运行监管记录3分；2、填报《项目支出绩效监控表》1分。没有不得分。",
                                   "2024年项目支出绩效运行监控表")
    text = text.replace("实际完成值 | 分值 | 得分", "1-6月执行情况 | 全年预计完成 | 完成目标可能性").replace(
        "10台套 | 50 | 50", "10台套 | 10台套 | 确定能").replace("95% | 50 | 50", "95% | 95% | 确定能")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert document.kind == "monitoring"


def test_a_monitoring_title_alone_in_book_title_marks_is_the_title() -> None:
    """A cell holding only 《2024年6月项目支出绩效监控表》 (an unlabelled extra) is the table's title in marks, not a
    document a sentence names: the table is a 监控表 (as on the base), whatever its columns."""
    text = SELF_EVALUATION.replace("运行监管 | 1、运行监管记录3分；2、填报《项目支出绩效监控表》1分。没有不得分。",
                                   "《2024年6月项目支出绩效监控表》 | 填报单位：某局")
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert document.kind == "monitoring"
