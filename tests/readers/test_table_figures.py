"""What a monitoring table and a self-evaluation say of themselves, typed (kinds24): a 绩效监控表 is a document of kind
``monitoring`` with its period (``Project.month``) and the execution to that month (``Budget.executed``/``rate``),
and a 自评表's own total score and grade (自评得分 / 评价等级 in its header, its 总分 row) are ``Project.table_total``
and ``table_grade``, each at its cell, as units write them: pipe text, a Word table, an Excel sheet. Until kinds24 a
monitoring table read as a target table with its figures as untyped extras, and the header's 自评得分 was an
unlabelled extra."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.interchange import InterchangeError, document_from_dict, document_to_dict
from perfbudget.load import LoadResult, load_bytes
from perfbudget.model import Severity
from tests.readers.test_total_rows import HEAD
from tests.readers.word_tables import excel_file, word_file

MONITOR = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "1-6月执行数", "1-6月执行率", "全年预计执行数", "", ""],
    ["", "年度资金总额", "120", "60", "50%", "120", "", ""],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "1-6月执行情况", "全年预计完成情况", "完成目标可能性",
     "偏差原因分析"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "4处", "10处", "确定能", ""],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "2000人", "4000人", "有可能", "其他：资金未到位"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", "92%", "确定能", ""],
]
MONITOR_TITLE = ["2023年项目支出绩效运行监控表"]
SELF = [  # test_total_rows' table with its own score and grade in the name row
    ["项目名称", "农村饮水工程维修养护", "", "", "自评得分", "92分", "评价等级", "优"], *HEAD[1:],
]
SELF_TITLE = ["项目支出绩效自评表", "（2023年度）"]


def _pipe(title: list[str], rows: list[list[str]]) -> bytes:
    return ("\n".join([*title, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n").encode()


def _forms(title: list[str], rows: list[list[str]]) -> list[tuple[str, bytes]]:
    return [("表.txt", _pipe(title, rows)), ("表.docx", word_file(rows, title)),
            ("表.xlsx", excel_file([*[[t] for t in title], *rows]))]


def _read(name: str, data: bytes) -> LoadResult:
    result = load_bytes(data, name)
    assert result.ok and result.document is not None, [str(p) for p in result.problems]
    return result


@pytest.mark.parametrize(("name", "data"), _forms(MONITOR_TITLE, MONITOR))
def test_a_monitoring_table_is_typed_with_its_period(name: str, data: bytes) -> None:
    document = _read(name, data).document
    assert document is not None and document.kind == "monitoring"
    project = document.projects[0]
    assert project.month == 6
    # the funds grid's 1-6月执行数 and 1-6月执行率: the execution to the period's end, at their cells
    assert (project.budget.total, project.budget.executed, project.budget.rate) == (Decimal(120), Decimal(60),
                                                                                    Decimal(50))
    at = project.sources["budget.executed"]
    assert (at.line, at.column) == (4, 4) if name.endswith(".txt") else (at.row, at.column) in ((3, 4), (4, 4))
    assert project.sources["month"] == at  # the period read from the column whose figure it is
    # the indicators' monitoring columns stay under their headers (the period's actual is no year's 实际完成值)
    assert project.indicators[1].actual is None
    assert dict(project.indicators[1].extras)["完成目标可能性"] == "有可能"
    # the JSON interchange keeps the kind and the period
    again = document_from_dict(document_to_dict(document))
    assert again == document and again.kind == "monitoring" and again.projects[0].month == 6


@pytest.mark.parametrize(("title", "month"), [
    (["2024年项目支出绩效运行监控表", "监控时点：2024年9月30日"], 9),
    (["项目支出绩效目标执行监控表（截至2024年8月）"], 8),
    (["2024年上半年项目支出绩效监控表"], 6),
    (["2024年项目支出绩效监控表"], None),
])
def test_the_period_from_the_title_or_the_moment(title: list[str], month: int | None) -> None:
    # indicator columns without a month (执行情况): the period is what the title or the 监控时点 says, else none
    rows = [[c.replace("1-6月执行情况", "执行情况") for c in row] for row in MONITOR[3:]]
    rows = [["项目名称", "农村饮水工程维修养护"], ["预算数", "120"], *rows]
    for name, data in (("表.txt", _pipe(title, rows)), ("表.docx", word_file(rows, title))):
        document = _read(name, data).document
        assert document is not None and document.kind == "monitoring", name
        assert document.projects[0].month == month, name


def test_places_that_name_different_months_are_warned_of() -> None:
    result = _read("表.txt", _pipe(["2023年项目支出绩效监控表（截至9月）"], MONITOR))
    assert result.document is not None and result.document.projects[0].month == 6
    warned = [p for p in result.problems if p.severity is Severity.WARNING and "监控期间不一致" in p.message]
    assert warned and "1-6 月" in warned[0].message and "1-9 月" in warned[0].message


def test_a_target_table_with_a_planned_end_date_is_no_monitoring_table() -> None:
    rows = [["项目名称", "培训项目", "预计完成时间", "2024年6月"], ["预算数", "17.00"],
            ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训人数", "≥100人"]]
    for name, data in (("表.txt", _pipe(["项目支出绩效目标表"], rows)), ("表.docx", word_file(rows))):
        document = _read(name, data).document
        assert document is not None and document.kind == "target" and document.projects[0].month is None


@pytest.mark.parametrize(("name", "data"), _forms(SELF_TITLE, SELF))
def test_a_self_evaluations_own_total_and_grade_are_typed(name: str, data: bytes) -> None:
    document = _read(name, data).document
    assert document is not None and document.kind == "self-evaluation"
    project = document.projects[0]
    assert (project.table_total, project.table_grade) == (Decimal(92), "优")
    total, grade = project.sources["table_total"], project.sources["table_grade"]
    assert (total.column, grade.column) == (6, 8)
    assert dict(project.extras)["自评得分"] == "92分"  # labelled now (until kinds24 two unlabelled extras)
    again = document_from_dict(document_to_dict(document))
    assert (again.projects[0].table_total, again.projects[0].table_grade) == (Decimal(92), "优")


def test_the_total_rows_score_when_the_header_gives_none_and_a_disagreement_warned() -> None:
    head = [SELF[0][:4], *SELF[1:]]
    rows = [*head, ["总分", "", "", "", "", "100", "98.5", "良好"]]
    document = _read("表.docx", word_file(rows, SELF_TITLE)).document
    assert document is not None
    assert (document.projects[0].table_total, document.projects[0].table_grade) == (Decimal("98.5"), "良")
    result = _read("表.docx", word_file([*SELF, rows[-1]], SELF_TITLE))
    assert result.document is not None and result.document.projects[0].table_total == Decimal(92)
    assert any("总分行的得分 98.5 与表头的自评得分 92 不同" in p.message for p in result.problems)


def test_a_grade_that_is_none_of_the_four_is_left_untyped() -> None:
    rows = [[c.replace("优", "合格") for c in SELF[0]], *SELF[1:]]
    document = _read("表.txt", _pipe(SELF_TITLE, rows)).document
    assert document is not None and document.projects[0].table_grade is None
    assert dict(document.projects[0].extras)["评价等级"] == "合格"


def test_the_interchange_refuses_a_month_or_grade_it_cannot_hold() -> None:
    document = _read("表.txt", _pipe(SELF_TITLE, SELF)).document
    assert document is not None
    data = document_to_dict(document)
    data["projects"][0]["table_grade"] = "合格"
    with pytest.raises(InterchangeError, match="评价等级"):
        document_from_dict(data)
    data["projects"][0]["table_grade"] = "优"
    data["projects"][0]["month"] = 13
    with pytest.raises(InterchangeError, match="1–12"):
        document_from_dict(data)
    data["projects"][0]["month"] = 6
    data["kind"] = "plan"
    with pytest.raises(InterchangeError, match="kind"):
        document_from_dict(data)


def test_a_monitoring_table_published_reads_back_as_one_with_its_period() -> None:
    from perfbudget.writers.target_table_docx import target_table_docx
    from perfbudget.writers.target_table_html import target_table_html
    from perfbudget.writers.target_table_xlsx import target_table_xlsx

    document = _read("表.txt", _pipe(MONITOR_TITLE, MONITOR)).document
    assert document is not None
    html = target_table_html(document)
    assert "<title>项目支出绩效监控表</title>" in html.decode()  # (it said 项目支出绩效目标表)
    for name, data in (("出.xlsx", target_table_xlsx(document)), ("出.docx", target_table_docx(document)),
                       ("出.html", html)):
        again = _read(name, data).document
        assert again is not None and again.kind == "monitoring" and again.projects[0].month == 6, name


def test_a_project_named_for_monitoring_and_a_self_evaluations_year_column_are_no_monitoring_tables() -> None:
    # 视频监控 in a target table's title (its project's name); 1-12月执行数 in a 自评表's funds grid (the year)
    rows = [["项目名称", "视频监控系统运维"], ["预算数", "17.00"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "维护点位数", "≥100个"]]
    document = _read("表.docx", word_file(rows, ["2024年视频监控系统运维项目绩效目标表"])).document
    assert document is not None and document.kind == "target"
    year = [[c.replace("全年执行数", "1-12月执行数") for c in row] for row in SELF]
    document = _read("表.txt", _pipe(SELF_TITLE, year)).document
    assert document is not None and document.kind == "self-evaluation" and document.projects[0].month is None
