"""Forms corpus20 found (FAILURES.md AE): the NDRC's 中央预算内投资计划绩效目标表 one cell a paragraph, with its two
groups above the framework (实施效果指标, 过程管理指标 and the template's own 二级), a header cell that lost its
first character, the amount labels of county and province transfer forms, a policy page's widgets after the table.
Each on a tiny inline document: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.furniture import is_furniture
from perfbudget.readers.labels import header_roles
from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import _errors, _pipe_rows

_HEAD = ["专项名称", "某县2024年以工代赈示范工程", "下达地方或单位", "某县发展改革委",
         "本次下达中央预算内投资(万元)", "500", "总体目标", "实施一批以工代赈项目,吸纳当地群众就近就业增收。"]
_ROWS = ["实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥30%", "", "效益指标", "项目区基础设施条件",
         "持续改善", "满意度指标", "参与工程建设的群众满意度", "≥90%", "", "过程管理指标", "", "计划管理指标",
         "投资计划分解用时", "≤20工作日", "资金管理指标", "中央预算内投资支付率", "≥95%", "年度计划投资完成率", "≥95%",
         "监督检查指标", "审计等指出问题项目比例", "≤1%"]
_EXPECTED = [("实施效果指标", "产出指标", "劳务报酬占中央投资比例", "≥30%"),
             ("实施效果指标", "效益指标", "项目区基础设施条件", "持续改善"),
             ("实施效果指标", "满意度指标", "参与工程建设的群众满意度", "≥90%"),
             ("过程管理指标", "计划管理指标", "投资计划分解用时", "≤20工作日"),
             ("过程管理指标", "资金管理指标", "中央预算内投资支付率", "≥95%"),
             ("过程管理指标", "资金管理指标", "年度计划投资完成率", "≥95%"),
             ("过程管理指标", "监督检查指标", "审计等指出问题项目比例", "≤1%")]


def _paragraph_cells(header: list[str], tail: list[str] = ()) -> str:  # type: ignore[assignment]
    """One cell a paragraph, blank lines between, as a county site prints the form."""
    title = ["某县2024年以工代赈示范工程", "中央预算内投资计划绩效目标表", "(2024年度)"]
    return "\n\n".join([*title, *_HEAD, *header, *_ROWS, *tail]) + "\n"


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), [p.message for p in problems]
    [project] = document.projects
    assert project.name == "某县2024年以工代赈示范工程" and project.budget.total == Decimal("500")
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]


def test_the_central_investment_form_one_cell_a_paragraph() -> None:
    # main: the 过程管理指标 group read as a 三级 without value, each 二级 of the group as a 三级 and each 三级 as
    # its target (7 rows misread), and the 满意度指标 row moved under a 一级 满意度指标 of its own
    assert _rows(_paragraph_cells(["一级指标", "二级指标", "三级指标", "指标值"])) == _EXPECTED


def test_a_level1_header_cell_that_lost_its_first_character() -> None:
    # 级指标 | 二级指标 | 三级指标 | 指标值: the page dropped the 一; main took 级指标 for a goal and read the table
    # with three columns, every row shifted
    assert _rows(_paragraph_cells(["级指标", "二级指标", "三级指标", "指标值"])) == _EXPECTED
    assert header_roles(["级指标", "二级指标", "三级指标", "指标值"])[0] == "level1"
    assert header_roles(["二级指标", "级指标", "三级指标", "指标值"])[1] is None  # only right before the 二级 column
    assert header_roles(["一级指标", "级指标", "二级指标", "三级指标"])[1] is None  # (the 一级 column is there)


def test_a_policy_pages_widgets_after_the_table_end_it() -> None:
    # 文件下载 / 政策咨询 and the page's sentence after the last row: main read them as an indicator
    tail = ["文件下载\n政策咨询", "如果您对该政策文件有疑问,可以拨打标题上方的电话咨询相关部门。", "标签:"]
    assert _rows(_paragraph_cells(["一级指标", "二级指标", "三级指标", "指标值"], tail)) == _EXPECTED
    assert is_furniture("文件下载\n政策咨询") and is_furniture("标签:") and not is_furniture("政策咨询服务覆盖率")


def test_transfer_forms_amount_and_department_labels() -> None:
    # a province's transfer form passed down by a county: 市级主管部门 a label (main: an unlabelled text; in a
    # glued copy, 137, 市级 was read into the name), 资金额度 the amount (main: no budget)
    indicators = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "补助人数", "≥100人"]]
    text = _pipe_rows([["专项名称", "残疾人事业发展补助资金"], ["市级主管部门", "某市残联"],
                       ["县级主管部门", "某县残联"],
                       ["资金额度(万元)", "4623"], *indicators])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    [project] = document.projects
    assert project.name == "残疾人事业发展补助资金" and project.budget.total == Decimal("4623")
    assert ("市级主管部门", "某市残联") in project.extras
