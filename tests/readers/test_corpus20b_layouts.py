"""Layouts first met in the corpus20b tables (138–139: a 区商务局 自评表 in PDF drawing order, Hebei's 自评表 with
调整预算数 and 上年结转 rows in a document site's preview), each stated on a tiny inline text: the shape, not the
sample."""

from __future__ import annotations

from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

# ---- Hebei's funds grid: 年初预算数 | 调整预算数 | 全年执行数 | 分值 | 执行率 | 得分 ---------------------------------

_HEBEI = ("项目名称 | 某某检测经费 | | | | | |\n"
          "项目资金(万元) | | 年初预算数 | 调整预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
          "| 年度资金总额 | 20 | 30 | 27 | 10 | 90% | 9 |\n"
          "| 其中:当年财政拨款 | 20 | 30 | 27 | | 90% | |\n"
          "| 上年结转资金 | | | | | | |\n"
          "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
          "产出指标 | 数量指标 | 检测批次 | ≥90批 | 95批 | 10 | 10 | 无 |\n")


def test_the_adjusted_budget_column_gives_the_budget_and_the_spent_amount_stays_an_extra() -> None:
    document, problems = read_text(_HEBEI, "h.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.budget.total is not None and str(project.budget.total) == "30"
    extras = dict(project.extras)
    assert extras["年度资金总额/年初预算数"] == "20" and extras["年度资金总额/全年执行数"] == "27"
    assert extras["年度资金总额/执行率"] == "90%" and extras["年度资金总额/得分"] == "9"


# ---- two forms one cell a line, the first cut by the site's preview before its indicator header ----------------

_TWO_FORMS = "\n".join([
    "项目支出绩效自评表", "项目名称", "甲项目经费", "主管部门", "实施单位", "某县某局",
    "项目资金", "(万元)", "年初预算数", "全年执行数", "得分", "年度资金总≥90%", "95%", "总分", "100", "99",
    "项目支出绩效自评表", "项目名称", "乙项目经费", "主管部门", "实施单位", "某县某局",
    "项目资金", "(万元)", "年初预算数", "全年执行数", "得分", "年度资金总额", "30", "30", "10",
    "年度总体目标", "预期目标", "实际完成情况", "完成抽查工作。", "共开展抽查95批次"]) + "\n"


def test_two_forms_run_together_are_an_error_naming_the_second_not_a_summary_sheet() -> None:
    _document, problems = read_text(_TWO_FORMS, "t.txt")
    assert not any("汇总表" in p.message for p in problems)
    errors = _errors(problems)
    assert any("第二个项目名称「乙项目经费」" in message for message in errors), errors
    second = next(p for p in problems if "第二个项目名称" in p.message)
    assert second.source.line == 19  # the line of 乙项目经费

