"""部门整体 (department-level) target and self-evaluation tables: the department's whole spending read as one
project named 部门整体支出, the department as the unit, the 年度主要任务 grid kept as labelled extras and its
金额合计 row as the budget. Tiny tables in the shapes units publish (a budget system's export, the national
申报表 template, the self-evaluation form)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Budget, Severity
from perfbudget.readers.project_fields import DEPARTMENT_PROJECT
from perfbudget.readers.text import read_text
from tests.readers.word_tables import word_file


def _read(text: str):  # type: ignore[no-untyped-def]
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    return document, problems


def _rows(project) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]


EXPORT = """\
| 部门整体绩效目标 | |||||||
| 基本信息 | |||||||
| 部门编码: | 316 | 部门名称: | 浮梁县林业局 | *联系人: | (略) | ||
| *部门职能职责概述 | 保障林业局职能实现。 | ||||||
| 年度绩效目标 | |||||||
| *年度绩效总目标 | 保障人员经费按时发放。 | ||||||
| 一级指标 | 二级指标 | 三级指标 | 计算符号 | 目标值 | 度量单位 | 指标值说明 | |
| 产出指标 | 数量指标 | 保障在职职工人数 | = | 116 | 人 | 数据合理 | |
| 质量指标 | 工资发放准确性 | ≥ | 95 | % | 数据合理 | |
"""


def test_a_budget_systems_export_names_the_department_and_its_whole_spending() -> None:
    document, problems = _read(EXPORT)
    assert (document.unit.code, document.unit.name) == ("316", "浮梁县林业局")
    (project,) = document.projects
    assert project.name == DEPARTMENT_PROJECT == "部门整体支出"
    assert project.goals == ("保障人员经费按时发放。",)
    assert ("部门职能职责概述", "保障林业局职能实现。") in project.extras
    assert ("联系人", "(略)") in project.extras
    assert _rows(project) == [("产出指标", "数量指标", "保障在职职工人数", "=116人"),
                              ("产出指标", "质量指标", "工资发放准确性", "≥95%")]
    noted = [p for p in problems if "部门整体支出" in p.message]
    assert noted and noted[0].severity is Severity.INFO and noted[0].source.line == 1


TEMPLATE = (
    "部门（单位）整体支出绩效目标申报表\n（2024年度）\n"
    "部门（单位）名称\t某县农业农村局\n"
    "年度主要任务\t任务名称\t主要内容\t预算金额\n"
    "\t\t\t总额\t财政拨款\t其他资金\n"
    "\t农田建设\t建设高标准农田2万亩\t300\t280\t20\n"
    "\t人员保障\t保障在职人员工资\t120\t120\t0\n"
    "金额合计\t\t\t420\t400\t20\n"
    "年度总体目标\t完成高标准农田建设2万亩。\n"
    "年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
    "\t产出指标\t数量指标\t高标准农田建设面积\t≥2万亩\n"
    "\t满意度指标\t服务对象满意度指标\t农户满意度\t≥90%\n"
)


def test_the_national_template_gives_the_budget_from_the_total_row_and_keeps_every_task() -> None:
    document, _ = _read(TEMPLATE)
    assert document.unit.name == "某县农业农村局"
    (project,) = document.projects
    assert (project.name, project.fund_year) == ("部门整体支出", 2024)
    assert project.budget == Budget(total=Decimal("420"), fiscal=Decimal("400"), other=Decimal("20"))
    assert project.sources["budget.total"].line == 8
    assert [pair for pair in project.extras if pair[0] in ("任务名称", "主要内容", "总额", "财政拨款", "其他资金")] == [
        ("任务名称", "农田建设"), ("主要内容", "建设高标准农田2万亩"), ("总额", "300"), ("财政拨款", "280"),
        ("其他资金", "20"), ("任务名称", "人员保障"), ("主要内容", "保障在职人员工资"), ("总额", "120"),
        ("财政拨款", "120"), ("其他资金", "0")]
    assert project.goals == ("完成高标准农田建设2万亩。",)
    assert _rows(project) == [("产出指标", "数量指标", "高标准农田建设面积", "≥2万亩"),
                              ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%")]


def test_a_self_evaluation_keeps_the_executed_amounts_beside_the_budget() -> None:
    document, _ = _read(
        "部门（单位）整体支出绩效自评表\n（2023年度）\n"
        "部门（单位）名称\t某县民政局\n"
        "年度主要任务\t任务名称\t主要内容\t预算数\t执行数\n"
        "\t低保发放\t按月发放城乡低保\t800\t790\n"
        "金额合计\t\t\t800\t790\n"
        "年度总体目标\t预期目标\t实际完成情况\n"
        "\t保障困难群众基本生活\t已按时足额发放\n"
        "年度绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"
        "\t产出指标\t数量指标\t低保对象人数\t≥5000人\t5120人\t20\t20\t无\n")
    assert document.kind == "self-evaluation"
    (project,) = document.projects
    assert project.name == "部门整体支出"
    assert project.budget.total == Decimal("800")
    assert ("金额合计/执行数", "790") in project.extras
    assert ("执行数", "790") in project.extras
    assert project.goals == ("保障困难群众基本生活",)
    assert ("实际完成情况", "已按时足额发放") in project.extras
    assert project.indicators[0].actual == "5120人" and project.indicators[0].score == Decimal("20")


def test_a_total_row_that_does_not_fit_the_money_columns_is_kept_not_guessed() -> None:
    document, _ = _read(TEMPLATE.replace("金额合计\t\t\t420\t400\t20", "金额合计\t\t\t420\t400"))
    (project,) = document.projects
    assert project.budget == Budget()
    assert ("金额合计", "420") in project.extras and ("金额合计", "400") in project.extras


def test_a_project_table_with_a_department_name_keeps_its_own_name_and_unit() -> None:
    document, _ = _read("单位名称\t某县教育局\n部门名称\t某县人民政府\n项目名称\t校舍维修\n预算数\t30\n"
                        "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t维修面积\t≥800平方米\n")
    assert document.unit.name == "某县教育局"
    (project,) = document.projects
    assert project.name == "校舍维修"
    assert ("部门名称", "某县人民政府") in project.extras


def test_a_department_table_in_a_word_file_reads_the_same() -> None:
    lines = [line.split("\t") for line in TEMPLATE.splitlines()]
    data = word_file(lines[2:], paragraphs=[lines[0][0], lines[1][0]], merges=[(1, 0, 4, 0)])
    loaded = load_bytes(data, "t.docx")
    document = loaded.document
    assert document is not None and loaded.form == "docx", loaded.problems
    (project,) = document.projects
    assert (document.unit.name, project.name) == ("某县农业农村局", "部门整体支出")
    assert project.budget == Budget(total=Decimal("420"), fiscal=Decimal("400"), other=Decimal("20"))
    assert len(project.indicators) == 2


def test_a_title_saying_whole_performance_target_names_the_department_table() -> None:
    # "XX中心2023年度整体绩效目标表": 整体绩效目标 is said of a department's whole spending only.
    text = ("岳阳楼区某某中心2023年度整体绩效目标表\n"
            "| 部门(单位)名称 | 岳阳楼区某某中心 | | |\n"
            "| *年度总体绩效目标 | 做好认定工作。 | | |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
            "| 产出指标 | 数量指标 | 认定件数 | ≥100件 |\n"
            "| 产出指标 | 质量指标 | 认定准确率 | 100% |\n"
            "| 效益指标 | 社会效益指标 | 保障单位运转 | 有效 |\n")
    document, _ = _read(text)
    project = document.projects[0]
    assert project.name == DEPARTMENT_PROJECT and project.goals == ("做好认定工作。",)
    assert _rows(project)[0] == ("产出指标", "数量指标", "认定件数", "≥100件")


# 102 (宁德 党史地方志 2019): the 年度履职目标 grid's heading 预算金额(万元) has no value in its own row: it does not
# wipe the 资金总额 read above it
DUTY_GRID = """\
部门整体支出绩效目标表
部门(单位)名称 某县档案馆 部门预算编码 901001
年度预算安排(万元)
  资金总额 171.41
  项目支出 60.8
  基本支出 110.61
部门职能 年度目标任务 支出项目名称 预算金额(万元)
档案编纂 完成年度编纂任务 编纂经费 49.8
一级指标 二级指标 三级指标 指标解释 目标值
产出指标 数量指标 编纂册数 计划标准 ≥3册
质量指标 审稿率 计划标准 100%
"""


def test_an_empty_grid_heading_does_not_wipe_the_budget_read_before() -> None:
    document, _ = _read(DUTY_GRID)
    (project,) = document.projects
    assert project.budget.total == Decimal("171.41") and document.money_unit == "万元"
    assert _rows(project) == [("产出指标", "数量指标", "编纂册数", "≥3册"), ("产出指标", "质量指标", "审稿率", "100%")]


# The same label again with an empty cell (the 年度 row after its 中期 one, its amount left out) does wipe: the 中期
# amount is no 年度 amount (a reader_equivalence edit of corpus 40)
PERIODS = """\
项目名称 | 人工增雨作业 |
项目资金(万元) | 中期资金总额: | 449.8万 | 年度资金总额: | 189.8万 |
其中:财政拨款 | 449.8万 | 其中:财政拨款 | |
一级指标 | 二级指标 | 三级指标 | 指标值 |
产出指标 | 数量指标 | 作业次数 | ≥10次 |
"""


def test_the_same_label_with_an_empty_cell_still_wipes() -> None:
    document, problems = read_text(PERIODS, "t.txt")
    assert document is not None, problems
    (project,) = document.projects
    assert project.budget.total == Decimal("189.8") and project.budget.fiscal is None
