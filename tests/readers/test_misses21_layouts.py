"""The same target table as other units write it (misses21): the header and money block of corpus forms (111's
中期/年度 项目资金 block, 31's 项目总投资, 75's 关于…绩效目标 notice, the central 申报表's 其中 lines) written the ways
an unseen province might — units in the labels, money in 元 with separators, the funds at the form's foot, the
name in a notice's title or wrapped over two lines — each on a tiny inline document: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import _errors, _pipe_rows

_INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"],
               ["产出指标", "数量指标", "培训人次", "≥500人次"],
               ["", "质量指标", "培训合格率", "≥95%"],
               ["效益指标", "社会效益指标", "群众知晓率", "≥90%"],
               ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]]
_TITLE = ["项目支出绩效目标表（2024年度）"]
_NAME = ["项目名称", "农村实用技术培训经费"]


def _tab_rows(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


def _lines(rows: list[list[str]]) -> str:
    return "\n".join(cell for row in rows for cell in row if cell) + "\n"


_FACES = (_pipe_rows, _tab_rows, _lines)


def _read(text: str) -> tuple[object, object, list]:
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    [project] = document.projects
    assert len(project.indicators) == 4, project.indicators
    return project, document, problems


def _budget(project: object) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    budget = project.budget  # type: ignore[attr-defined]
    return budget.total, budget.fiscal, budget.other


def test_midterm_and_year_columns_side_by_side() -> None:
    # 实施期 and 年度 columns with their units in the labels (main read the 实施期 amount, 300, as the year's
    # budget in every face; one cell a line also with the plain labels)
    for head in (["", "实施期资金总额（万元）", "年度资金总额（万元）"],
                 ["项目资金（万元）", "", "实施期资金总额", "年度资金总额"]):
        offset = [""] if head[0] else []
        funds = [head, [*offset, "资金总额", "300", "100"], [*offset, "其中：财政拨款", "250", "80"],
                 [*offset, "其他资金", "50", "20"]]
        for face in _FACES:
            project, document, _ = _read(face([_TITLE, _NAME, *funds, *_INDICATORS]))
            assert _budget(project) == (Decimal("100"), Decimal("80"), Decimal("20")), (head, face)
            assert ("资金总额/实施期资金总额", "300") in project.extras, (head, face)  # type: ignore[attr-defined]
            assert document.money_unit == "万元"  # type: ignore[attr-defined]


def test_a_period_grid_one_cell_a_line_with_a_lost_cell() -> None:
    # one cell a line, an empty 实施期 cell's line lost: which amount is whose is unknown — nothing taken, the
    # amount kept, 需人工核对 (never the one amount read as either column's)
    text = _lines([_TITLE, _NAME, ["实施期资金总额", "年度资金总额"], ["资金总额", "100"], *_INDICATORS])
    project, _, _ = _read(text)
    assert project.budget.total is None  # type: ignore[attr-defined]
    assert ("资金总额", "100") in project.extras  # type: ignore[attr-defined]
    assert any("个数不符" in note for note in project.needs_check)  # type: ignore[attr-defined]


def test_parts_of_the_budget_as_other_units_name_them() -> None:
    # 其中：一般公共预算 / 政府性基金预算 / 国有资本经营预算 (财政拨款's parts) under an empty total: 财政资金
    # their sum; 财政专户 kept under its label (main: unlabelled texts, no budget)
    funds = [["年度资金总额（万元）", ""], ["其中：一般公共预算", "60"], ["政府性基金预算", "30"],
             ["国有资本经营预算", "10"], ["财政专户", "5"]]
    for face in (_pipe_rows, _tab_rows):
        project, _, _ = _read(face([_TITLE, _NAME, *funds, *_INDICATORS]))
        assert _budget(project)[:2] == (Decimal("100"), Decimal("100")), face
        extras = project.extras  # type: ignore[attr-defined]
        assert ("其中一般公共预算", "60") in extras and ("国有资本经营预算", "10") in extras
        assert ("财政专户", "5") in extras


def test_the_amount_applied_for_is_the_budget() -> None:
    for label in ("申请金额（万元）", "申报金额（万元）"):
        for face in _FACES:
            project, _, _ = _read(face([_TITLE, _NAME, [label, "50"], *_INDICATORS]))
            assert project.budget.total == Decimal("50"), (label, face)  # type: ignore[attr-defined]


def test_a_total_that_differs_from_its_parts_is_kept_and_warned_of() -> None:
    project, _, problems = _read(_pipe_rows([_TITLE, _NAME, ["年度资金总额（万元）", "100"], ["其中：财政拨款", "40"],
                                             ["其他资金", "10"], *_INDICATORS]))
    assert _budget(project) == (Decimal("100"), Decimal("40"), Decimal("10"))
    [warning] = [p for p in problems if "不等于" in p.message]
    assert warning.severity is Severity.WARNING and warning.source.line == 3


def test_the_name_only_in_a_notice_title() -> None:
    # 关于某项目的绩效目标: the name without 关于 (main: 关于… kept in pipe rows; one cell a line no name, an error)
    rows = [["关于农村实用技术培训经费项目的绩效目标"], ["申报单位", "某县农业农村局"], ["年度资金总额（万元）", "50"],
            *_INDICATORS]
    for face in _FACES:
        project, _, _ = _read(face(rows))
        assert project.name == "农村实用技术培训经费项目", face  # type: ignore[attr-defined]
    # a notice about sending targets out names no project: no name, the error says so
    document, problems = read_text(_pipe_rows([["关于印发绩效目标的通知"], *rows[1:]]), "t.txt")
    assert document is not None and not document.projects[0].name
    assert any(p.message.startswith("没有找到项目名称") for p in _errors(problems))


def test_a_money_unit_line_above_a_pipe_table() -> None:
    # 单位：元 on a line of its own between the title and the table (main: the unit lost), amounts with separators
    for unit_line in ("单位：元", "金额单位：元"):
        text = "项目支出绩效目标表（2024年度）\n" + unit_line + "\n" + _pipe_rows(
            [_NAME, ["年度资金总额", "1,234,567.89"], *_INDICATORS])
        project, document, _ = _read(text)
        assert document.money_unit == "元" and project.budget.total == Decimal("1234567.89")  # type: ignore


def test_a_money_unit_in_its_own_cell_after_the_amount() -> None:
    for face in _FACES:
        project, document, _ = _read(face([_TITLE, _NAME, ["年度资金总额", "1,234,567.89", "元"], *_INDICATORS]))
        assert document.money_unit == "元" and project.budget.total == Decimal("1234567.89"), face  # type: ignore
        assert not project.extras, face  # type: ignore[attr-defined]


def test_a_one_line_funds_cell_whose_label_carries_its_unit() -> None:
    # main dropped the whole cell: no budget, nothing said
    cell = "资金总额（万元）：50，其中：财政拨款40，其他资金10"
    project, document, _ = _read(_pipe_rows([_TITLE, _NAME, ["资金情况", cell], *_INDICATORS]))
    assert _budget(project) == (Decimal("50"), Decimal("40"), Decimal("10"))
    assert document.money_unit == "万元"  # type: ignore[attr-defined]
    # a cell it cannot split is kept and warned of
    project, _, problems = _read(_pipe_rows([_TITLE, _NAME, ["资金情况", "资金总额（万元）：50，主要用于设备购置"],
                                             *_INDICATORS]))
    assert project.budget.total is None  # type: ignore[attr-defined]
    assert ("", "资金总额（万元）：50，主要用于设备购置") in project.extras  # type: ignore[attr-defined]
    assert any(p.message.startswith("预算数没有读出") for p in problems)


def test_a_name_wrapped_onto_the_next_line() -> None:
    rows = [_TITLE, ["项目名称", "农村实用技术"], ["", "培训经费"], ["年度资金总额（万元）", "50"], *_INDICATORS]
    for face in (_pipe_rows, _tab_rows):
        project, _, _ = _read(face(rows))
        assert project.name == "农村实用技术培训经费", face  # type: ignore[attr-defined]
        assert any("项目名称分在两行" in note for note in project.needs_check)  # type: ignore[attr-defined]
    # a line below the name holding a label, an amount or a sentence is its own
    for below in (["", "50"], ["", "用于培训：每年两期"]):
        project, _, _ = _read(_pipe_rows([_TITLE, _NAME, below, ["年度资金总额（万元）", "50"], *_INDICATORS]))
        assert project.name == "农村实用技术培训经费", below  # type: ignore[attr-defined]


def test_funds_rows_below_the_indicators() -> None:
    # main read 年度资金总额（万元） | 50 as a third 效益指标 indicator and no budget
    for face in _FACES:
        project, _, problems = _read(face([_TITLE, _NAME, *_INDICATORS, ["年度资金总额（万元）", "50"],
                                           ["其中：财政拨款", "50"]]))
        assert _budget(project)[:2] == (Decimal("50"), Decimal("50")), face
        assert any("资金行在指标之后" in p.message for p in problems)


def test_only_the_total_investment_is_no_budget() -> None:
    # 项目总投资 (a multi-year investment) alone: no budget, as before, but now said (main: silence)
    for face in _FACES:
        project, _, problems = _read(face([_TITLE, _NAME, ["项目总投资（万元）", "500"], *_INDICATORS]))
        assert project.budget.total is None  # type: ignore[attr-defined]
        assert any("项目总投资" in note for note in project.needs_check), face  # type: ignore[attr-defined]
        assert any(p.severity is Severity.WARNING and "项目总投资" in p.message for p in problems)


def test_read_right_already() -> None:
    # guards: header labels in other orders, 123.4567万元, 资金总额 over two lines, 单位资金 under its label
    head = [["主管部门", "某县农业农村局", "实施单位", "某中心"], ["项目单位", "某中心"], _NAME]
    for face in _FACES:
        project, _, _ = _read(face([_TITLE, *head, ["年度资金总额", "123.4567万元"], *_INDICATORS]))
        assert project.budget.total == Decimal("123.4567")  # type: ignore[attr-defined]
        assert project.name == "农村实用技术培训经费"  # type: ignore[attr-defined]
    project, _, _ = _read(_pipe_rows([_TITLE, _NAME, ["资金"], ["总额（万元）", "50"], ["单位资金", "10"],
                                      *_INDICATORS]))
    assert project.budget.total == Decimal("50") and ("单位资金", "10") in project.extras  # type: ignore[attr-defined]
