"""The same target table as other units write it (misses19): the funds block on one line, 其中 with its own colon,
the parts of 财政资金 by level of government, each on a tiny inline document: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import _errors, _pipe_rows

_INDICATORS = [["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
               ["", "产出指标", "数量指标", "培训人次", "不少于500人次"],
               ["", "", "质量指标", "培训合格率", "95%以上"],
               ["", "效益指标", "社会效益指标", "群众知晓率", "≧90%"],
               ["", "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]]


def _form(funds: list[list[str]]) -> str:
    return _pipe_rows([["项目支出绩效目标表（2024年度）"], ["项目名称", "农村实用技术培训经费"],
                       ["实施单位", "某县农业技术推广中心", "主管部门", "某县农业农村局"],
                       ["项目负责人", "张三", "联系电话", "0571-88888888"], *funds, *_INDICATORS])


def _budget(funds: list[list[str]]) -> tuple[object, str | None, list]:
    document, problems = read_text(_form(funds), "t.txt")
    assert document is not None and not _errors(problems)
    [project] = document.projects
    assert project.name == "农村实用技术培训经费" and len(project.indicators) == 4
    return project, document.money_unit, problems


def test_the_funds_block_written_on_one_line_in_one_cell() -> None:
    for cell, unit, total, fiscal, other in (
        ("年度资金总额：50  其中：财政拨款：40  其他资金：10", "万元", "50", "40", "10"),
        ("年度资金总额50万元，其中：财政拨款40万元，其他资金10万元", "万元", "50", "40", "10"),
        ("年度资金总额：500,000元（其中财政拨款400,000元，其他资金100,000元）", "元", "500000", "400000", "100000"),
    ):
        label = "项目资金（万元）" if unit == "万元" and "万元" not in cell else "项目资金"
        project, money_unit, _ = _budget([[label, cell]])
        assert (project.budget.total, project.budget.fiscal, project.budget.other) == \
            (Decimal(total), Decimal(fiscal), Decimal(other)), cell
        assert money_unit == unit


def test_a_part_written_with_its_own_colon_after_qizhong() -> None:
    # 年度资金总额：500000元 | 其中：财政拨款：400000元 | 其他资金：100000元: the fiscal part was an unlabelled extra
    project, money_unit, _ = _budget([["项目资金", "年度资金总额：500000元", "其中：财政拨款：400000元",
                                       "其他资金：100000元"]])
    assert project.budget.fiscal == Decimal("400000") and money_unit == "元"


def test_the_parts_of_the_fiscal_money_by_level_of_government() -> None:
    # 其中：中央资金 | 30, then 县级资金 | 20: parts of 财政资金, kept with their labels; added up only where the
    # total is left empty (as the numbered list 其中:1.中央资金 always was)
    project, _, _ = _budget([["项目资金（万元）", "年度资金总额", "50"], ["", "其中：中央资金", "30"],
                             ["", "县级资金", "20"]])
    # the parts 30 + 20 make the filled total: all of 财政资金 (since reading-v; None until then)
    assert project.budget.total == Decimal("50") and project.budget.fiscal == Decimal("50")
    assert ("其中中央资金", "30") in project.extras and ("县级资金", "20") in project.extras
    project, _, _ = _budget([["项目资金（万元）", "年度资金总额", ""], ["", "其中：中央资金", "30"],
                             ["", "县级资金", "20"]])
    assert project.budget.total == Decimal("50") and project.budget.fiscal == Decimal("50")
    project, _, _ = _budget([["项目资金（万元）", "资金总额：50  其中：中央资金：30  县级资金：20"]])
    assert project.budget.total == Decimal("50")
    assert ("其中中央资金", "30") in project.extras and ("县级资金", "20") in project.extras


def test_a_budget_cell_that_cannot_be_split_is_told_not_guessed() -> None:
    # a sentence, or a part the reader does not know: no amount taken, a warning at the cell
    for cell in ("年度资金总额50万元，主要用于农民实用技术培训",
                 "年度资金总额50万元，其中：财政拨款40万元，社会捐赠10万元"):
        project, _, problems = _budget([["项目资金", cell]])
        assert project.budget.total is None
        [warning] = [p for p in problems if p.severity is Severity.WARNING]
        assert warning.message.startswith("预算数没有读出") and cell in warning.message
        assert warning.source.line == 5 and warning.source.column == 2


def test_the_header_fields_as_other_units_word_them() -> None:
    # 主管单位, 项目联系人, 联系方式, 项目期限 kept with their labels (were unlabelled texts); 资金使用方向 is
    # the purpose
    text = _pipe_rows([["项目支出绩效目标表（2024年度）"], ["项目名称", "农村实用技术培训经费"],
                       ["项目单位", "某县农业技术推广中心", "主管单位", "某县农业农村局"],
                       ["项目联系人", "张三", "联系方式", "13800000000"], ["项目期限", "2024年1月-12月"],
                       ["资金使用方向", "用于农民实用技术培训"], ["项目资金（万元）", "年度资金总额", "50"],
                       *_INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    [project] = document.projects
    assert project.purpose == "用于农民实用技术培训" and project.budget.total == Decimal("50")
    assert [label for label, _ in project.extras] == ["项目单位", "主管单位", "项目联系人", "联系方式", "项目期限"]


def test_the_fund_sources_on_one_line_under_the_budget() -> None:
    # 预算金额 right after 资金用途 ends its text; 资金来源 | 财政拨款40万元，其他资金10万元 gives the parts
    for purpose_first in (False, True):
        funds = [["预算金额（万元）", "50"], ["资金来源", "财政拨款40万元，其他资金10万元"]]
        if purpose_first:
            funds.insert(0, ["资金用途", "用于农民实用技术培训"])
        project, _, _ = _budget(funds)
        assert (project.budget.total, project.budget.fiscal, project.budget.other) == \
            (Decimal("50"), Decimal("40"), Decimal("10"))


def _one_cell_a_line(funds: list[str]) -> str:
    cells = ["项目支出绩效目标表（2024年度）", "项目名称", "农村实用技术培训经费", "主管部门", "某县农业农村局", *funds,
             "年度总体目标", "完成农民实用技术培训500人次",
             *(cell for row in _INDICATORS for cell in row if cell)]
    return "\n".join(cells) + "\n"


def test_a_funds_grid_one_cell_a_line_its_labels_then_its_amounts() -> None:
    # the grid's two rows (年度资金总额 | 财政拨款 | 其他资金 over 50 | 40 | 10) one cell a line: paired in order
    # (main read 其他资金 50 and nothing else); 项目资金（万元） heading the labels is no label of them
    for heading in ([], ["项目资金（万元）"], ["项目金额（万元）"]):
        document, problems = read_text(_one_cell_a_line([*heading, "年度资金总额", "财政拨款", "其他资金", "50", "40",
                                                          "10"]), "t.txt")
        assert document is not None and not _errors(problems)
        [project] = document.projects
        assert (project.budget.total, project.budget.fiscal, project.budget.other) == \
            (Decimal("50"), Decimal("40"), Decimal("10")), heading
        assert len(project.indicators) == 4


def test_a_funds_grid_one_cell_a_line_with_an_amount_missing_is_not_paired() -> None:
    # three labels, two amounts: which is whose is unknown, none is taken and the project is marked 需人工核对
    document, _ = read_text(_one_cell_a_line(["年度资金总额", "财政拨款", "其他资金", "50", "40"]), "t.txt")
    assert document is not None
    [project] = document.projects
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == (None, None, None)
    assert any("个数不符" in note for note in project.needs_check)


def test_money_labels_that_are_no_grid_keep_reading_pair_by_pair() -> None:
    # a doubled line (其中：财政拨款 twice) or labels not starting with the total are no grid's columns: each label
    # takes the amount after it, as before
    for funds in (["年度资金总额", "50", "其中：财政拨款", "其中：财政拨款", "40", "其他资金", "10"],
                  ["其他资金", "年度资金总额", "50", "其中：财政拨款", "40"]):
        document, _ = read_text(_one_cell_a_line(funds), "t.txt")
        assert document is not None
        [project] = document.projects
        assert (project.budget.total, project.budget.fiscal) == (Decimal("50"), Decimal("40")), funds
