"""Forms corpus21 found (FAILURES.md AH): Hunan's 专项资金绩效目标表 with a 指标内容 column after the 三级 and a
绩效标准 column after the target, its cells glued together on the page; a total whose unit and amount the page put on
lines of their own; compound units (元/月/人) in glued targets; value columns of other periods beside the target
(历史值, 中长期指标值) one cell a line. Each on a tiny inline document: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.glued_described_rows import name_and_description
from perfbudget.readers.labels import is_extra_column_label
from perfbudget.readers.table_titles import name_from_title
from perfbudget.readers.text import read_text
from perfbudget.target import parse_target
from tests.readers.test_real_layout_faults import _errors

_GLUED_HEAD = ("专项资金绩效目标表\n(2024年)\n填报单位:某县民政局\n"
               "专项名称困难群众临时救助补差资金专项属性延续专项√新增专项□\n"
               "部门名称某县民政局资金总额(万元)120\n"
               "专项年度绩效目标按规定及时发放临时救助资金。\n")
_DESCRIBED_HEADER = "一级指标二级指标三级指标指标内容指标值绩效标准\n"


def _read(text: str):  # type: ignore[no-untyped-def]
    document, problems = read_text(text, "t.txt")
    assert document is not None
    return document, problems


def _rows(document) -> list[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    [project] = document.projects
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]


def test_glued_rows_with_an_explanation_and_a_basis_column() -> None:
    # main: 单元格粘连在一起，且三级指标之后不止一列…，未读取指标 — no row read, and no project at all
    document, problems = _read(_GLUED_HEAD + _DESCRIBED_HEADER
                               + "产出指标数量指标救助人数实际救助困难群众人数300人计划标准\n"
                               + "质量指标救助覆盖率对符合条件对象的救助覆盖率100%历史标准\n"
                               + "成本指标救助标准临时救助发放标准800元/人计划标准\n")
    assert _rows(document) == [("产出指标", "数量指标", "救助人数", "300人"),
                               ("产出指标", "质量指标", "救助覆盖率", "100%"),
                               ("产出指标", "成本指标", "救助标准", "800元/人")]
    [project] = document.projects
    indicator = project.indicators[0]
    assert indicator.description == "实际救助困难群众人数" and ("绩效标准", "计划标准") in indicator.extras
    assert project.name == "困难群众临时救助补差资金" and project.budget.total == Decimal("120")
    assert not _errors(problems) and project.needs_check


def test_glued_rows_whose_explanation_does_not_restate_the_name_are_not_split() -> None:
    # where the 三级 name ends and its explanation begins is not in the text: an error at the line, never a guess
    document, problems = _read(_GLUED_HEAD + _DESCRIBED_HEADER
                               + "产出指标数量指标救助人数实际救助困难群众人数300人计划标准\n"
                               + "时效指标完成及时率各项工作按计划进度及时完成100%计划标准\n"
                               + "质量指标覆盖率覆盖率覆盖率100%计划标准\n"
                               + "效益指标社会效益社会稳定维护社会稳定明显其他说法\n")
    assert _rows(document) == [("产出指标", "数量指标", "救助人数", "300人")]
    unread = [p.message for p in _errors(problems)]
    assert len(unread) == 3 and all("无法可靠拆分出三级指标、指标内容" in m for m in unread)
    assert "各项工作按计划进度及时完成" in unread[0] and "其他说法" in unread[2]


def test_the_split_of_a_name_from_its_explanation() -> None:
    assert name_and_description("补助人数实际发放解困工资人数") == ("补助人数", "实际发放解困工资人数")
    assert name_and_description("提标补差标准解困工资提标补差标准") == ("提标补差标准", "解困工资提标补差标准")
    assert name_and_description("完成及时率各项工作按计划进度及时完成") is None  # no restating end
    assert name_and_description("社会稳定项目实施对维护社会稳定") is None  # 稳定: no measure word
    assert name_and_description("合格率合格率合格率") is None  # two places: not one split


def test_a_glued_total_whose_unit_and_amount_are_lines_of_their_own() -> None:
    # 资金总额 / (万元) / 120 on three lines (a cell broken by the page): main read no budget
    text = _GLUED_HEAD.replace("资金总额(万元)120", "资金总额\n(万元)\n120") + _DESCRIBED_HEADER \
        + "产出指标数量指标救助人数实际救助困难群众人数300人计划标准\n"
    document, _problems = _read(text)
    [project] = document.projects
    assert project.budget.total == Decimal("120") and document.money_unit == "万元"
    bare = _GLUED_HEAD.replace("资金总额(万元)120", "资金总额\n120") + _DESCRIBED_HEADER \
        + "产出指标数量指标救助人数实际救助困难群众人数300人计划标准\n"
    assert _read(bare)[0].projects[0].budget.total == Decimal("120")


def test_a_glued_target_in_a_compound_unit() -> None:
    # 1130元/月/人 under one target column: main could not split the line (an error, the row lost)
    text = ("项目名称再就业援助补贴主管部门某县人社局\n年度资金总额:50\n一级指标二级指标三级指标指标值\n"
            "产出指标数量指标补助人数250人\n成本指标补贴标准1130元/月/人\n")
    document, problems = _read(text)
    assert _rows(document) == [("产出指标", "数量指标", "补助人数", "250人"),
                               ("产出指标", "成本指标", "补贴标准", "1130元/月/人")]
    assert not _errors(problems)


def test_value_columns_of_other_periods_one_cell_a_line() -> None:
    # 历史值 | 年度指标值 | 中长期指标值: main found no indicator header (历史值 unknown) and refused the table as
    # text in layout order; the grid readers kept both as extras already
    rows = [["项目名称", "农村实用技术培训"], ["年度资金总额（万元）", "50"],
            ["一级指标", "二级指标", "三级指标", "历史值", "年度指标值", "中长期指标值"],
            ["产出指标", "数量指标", "培训人次", "450人次", "≥500人次", "≥1500人次"],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "88%", "≥90%", "≥92%"]]
    document, problems = _read("\n".join(cell for row in rows for cell in row) + "\n")
    assert _rows(document) == [("产出指标", "数量指标", "培训人次", "≥500人次"),
                               ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%")]
    assert document.projects[0].indicators[0].extras == (("历史值", "450人次"), ("中长期指标值", "≥1500人次"))
    assert not _errors(problems)
    assert is_extra_column_label("上年完成值") and is_extra_column_label("实施期指标值")
    assert not is_extra_column_label("年度指标值") and not is_extra_column_label("年度目标值")


def test_an_inclusive_note_inside_a_bound_written_as_a_word() -> None:
    # 90%（含）以上 (a form's way of writing ≥90%): main read it qualitative, so no figure to compare in evaluate
    bound = parse_target("90%（含）以上")
    assert bound.is_quantitative and bound.op is not None and bound.op.value == ">=" and bound.value == Decimal("90")
    assert parse_target("5%(含)以内").op.value == "<="  # type: ignore[union-attr]
    assert not parse_target("90%（不含）以上").is_quantitative  # a strict bound: not guessed


def test_a_forms_generic_title_names_no_project() -> None:
    # 专项资金绩效目标表 is the Hunan form's own title: with its 专项名称 line lost (an edit of 140), main named the
    # project 专项资金
    assert name_from_title("专项资金绩效目标表") is None
    assert name_from_title("2024年转移支付区域绩效目标表") is None
    assert name_from_title("农村公路养护专项资金绩效目标表") == "农村公路养护专项资金"
