"""What a page is, where a person reading it can tell it is a self-evaluation though no target table is read from
it (kinds46): a table titled 自评表 whose criteria have no target column (an evaluation's score sheet; 自评内容 |
完成情况, corpus 164), a list of projects with their 自评 scores and grades, a preview headed by its file's name
(…自评表.pdf), a report form's title line (…绩效评价自评报告). On the base each was a 绩效目标表."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text

SCORE_SHEET = """服务贸易项目绩效自评表

项目实施单位

省商务厅服务贸易处

计划投资额

(万元)

570

二、绩效评价指标评分

一级指标

分值

二级指标

分值

三级指标

分值

得分

项目决策

20

项目目标

4

目标内容

4

4
"""


def test_a_score_sheet_titled_self_evaluation_is_one() -> None:
    document, problems = read_text(SCORE_SHEET, "t.txt")
    assert any("绩效评价评分表" in p.message for p in problems)
    assert document is not None and document.kind == "self-evaluation"


def test_a_score_sheet_titled_target_table_stays_one() -> None:
    document, _ = read_text(SCORE_SHEET.replace("绩效自评表", "绩效目标表"), "t.txt")
    assert document is not None and document.kind == "target"


SUMMARY = """2023年新增地方政府专项债券项目绩效评价表
序号 | 项目单位 | 项目名称 | 发行金额(亿元) | 评价得分 | 评价结果 |
1 | 某县市政事务中心 | 某县污水处理设施建设工程 | 0.4 | 87 | 良 |
2 | 某县市政事务中心 | 某县水质提升工程 | 1.36 | 91 | 优 |
3 | 某县市政事务中心 | 某县老旧小区改造项目 | 0.1 | 94 | 优 |
"""


def test_a_list_of_projects_with_their_self_evaluation_scores_is_a_self_evaluation() -> None:
    document, problems = read_text(SUMMARY, "t.txt")
    assert any("汇总表" in p.message for p in problems)
    assert document is not None and not document.projects and document.kind == "self-evaluation"


CUT_PREVIEW = """某县交通运输局2021年度乡村道路项目自评表.pdf
项目名称 | 乡村道路建设养护项目
预算数（万元） | 309
一级指标 | 二级指标 | 三级指标 | 年初指标值
"""


def test_a_preview_headed_by_its_self_evaluation_files_name_is_one() -> None:
    document, _ = read_text(CUT_PREVIEW, "t.txt")
    assert document is not None and document.kind == "self-evaluation"
    assert read_text(CUT_PREVIEW.replace("自评表.pdf", "绩效目标表.pdf"), "t.txt")[0].kind == "target"  # type: ignore[union-attr]


REPORT = """2016年度区人大代表之家项目支出绩效自评报告

某区财政支出项目绩效评价自评报告

项目名称            代表之家

项目单位          某区人大办

计划安排资金

(万元)

48

一级指标

二级指标

指标内容

指标值
"""


def test_a_report_forms_title_line_makes_it_a_self_evaluation() -> None:
    document, _ = read_text(REPORT, "t.txt")
    assert document is not None and [p.name for p in document.projects] == ["代表之家"]
    assert document.projects[0].title == "某区财政支出项目绩效评价自评报告"
    assert document.kind == "self-evaluation"


TARGET_AND_SUMMARY = """某县2023年项目支出绩效目标表
项目名称 | 某县污水处理设施建设工程 |
主管部门 | 某县住房和城乡建设局 |
资金总额（万元） | 400 |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 新建管网长度 | ≥10公里 |
效益指标 | 生态效益指标 | 污水处理率 | ≥95% |
满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |

""" + SUMMARY.replace("2023年新增地方政府专项债券项目绩效评价表", "项目绩效评价结果汇总表")


def test_a_list_of_scores_beside_a_target_table_is_a_warning_not_a_self_evaluation() -> None:
    """The list counts only where no project holds an indicator: beside a complete target table it is told."""
    document, problems = read_text(TARGET_AND_SUMMARY, "t.txt")
    assert document is not None and document.kind == "target"
    assert [(p.budget.total, len(p.indicators)) for p in document.projects if p.budget] == [(Decimal("400"), 3)]
    assert any(p.severity is Severity.WARNING and "按绩效目标表读取" in p.message for p in problems)


def test_a_file_name_naming_a_target_table_too_is_no_self_evaluations() -> None:
    """…绩效目标表及自评表.docx is both forms' file: a cut 申报表 shown under it stays a target table."""
    for name in ("绩效目标表及自评表.docx", "绩效目标表、绩效评价表.xls", "绩效目标申报表及自评表.pdf"):
        document, _ = read_text(CUT_PREVIEW.replace("自评表.pdf", name), "t.txt")
        assert document is not None and document.kind == "target", name
