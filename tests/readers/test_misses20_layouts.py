"""The same target table as other units write it (misses20): fund sources outside the budget, header labels in
other wordings and orders, the budget in the title, targets with two values or a note, each on a tiny inline
document: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import _errors, _pipe_rows

_INDICATORS = [["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
               ["", "产出指标", "数量指标", "培训人次", "不少于500人次"],
               ["", "", "质量指标", "培训合格率", "95%以上"],
               ["", "效益指标", "社会效益指标", "群众知晓率", "≥90%"],
               ["", "满意度指标", "服务对象满意度指标", "学员满意度", "≥90%"]]


_HEAD = [["项目名称", "农村实用技术培训经费"], ["实施单位", "某县农业技术推广中心", "主管部门", "某县农业农村局"]]


def _form(funds: list[list[str]], head: list[list[str]] | None = None,
          indicators: list[list[str]] | None = None) -> str:
    return _pipe_rows([["项目支出绩效目标表（2024年度）"],
                       *(head if head is not None else _HEAD),
                       *funds, *(indicators or _INDICATORS)])


def _project(text: str) -> tuple[object, list]:
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    [project] = document.projects
    return project, problems


def test_money_from_the_units_own_sources_is_the_other_money() -> None:
    # 自筹资金 / 单位自有资金 / 事业收入 (money outside the budget): 其他资金 is their sum where the table gives no
    # 其他资金, each kept under its label (main: unlabelled texts, 其他资金 empty)
    for label in ("自筹资金", "其中：单位自有资金", "事业收入"):
        project, problems = _project(_form([["项目资金（万元）", "年度资金总额", "50"], ["", "其中：财政拨款", "40"],
                                            ["", label, "10"]]))
        assert (project.budget.total, project.budget.fiscal, project.budget.other) == \
            (Decimal("50"), Decimal("40"), Decimal("10")), label
        assert (label.replace("：", ""), "10") in project.extras
        assert any(p.message.startswith("其他资金取自") for p in problems)
    # two sources add up; a given 其他资金 stays (the sources then only extras)
    project, _ = _project(_form([["项目资金（万元）", "年度资金总额", "50"], ["", "其中：财政拨款", "30"],
                                 ["", "自筹资金", "15"], ["", "事业收入", "5"]]))
    assert project.budget.other == Decimal("20")
    project, _ = _project(_form([["项目资金（万元）", "年度资金总额", "50"], ["", "其中：财政拨款", "40"],
                                 ["", "其他资金", "10"], ["", "其中：自筹资金", "10"]]))
    assert project.budget.other == Decimal("10") and ("其中自筹资金", "10") in project.extras


def test_the_units_own_money_in_a_one_line_funds_cell() -> None:
    # main warned 预算数没有读出 (a part it did not know) and read no budget
    project, _ = _project(_form([["项目资金", "年度资金总额50万元，其中：财政拨款40万元，自筹资金10万元"]]))
    assert (project.budget.total, project.budget.fiscal, project.budget.other) == \
        (Decimal("50"), Decimal("40"), Decimal("10"))


def test_money_from_a_higher_level_or_the_funds_budget_is_fiscal() -> None:
    # 上级补助 / 政府性基金 under an empty total: parts of 财政资金, added up (main: unlabelled texts, no budget)
    project, _ = _project(_form([["项目资金（万元）", "年度资金总额", ""], ["", "其中：上级补助", "30"],
                                 ["", "政府性基金", "20"]]))
    assert (project.budget.total, project.budget.fiscal) == (Decimal("50"), Decimal("50"))
    assert ("其中上级补助", "30") in project.extras and ("政府性基金", "20") in project.extras


def _one_cell_a_line(indicator_cells: list[str]) -> str:
    return "\n".join(["项目支出绩效目标表（2024年度）", "项目名称", "农村实用技术培训经费", "年度资金总额（万元）",
                      "50", "一级指标", "二级指标", "三级指标", "指标值", *indicator_cells]) + "\n"


def test_a_level3_name_whose_unit_wrapped_onto_its_own_line() -> None:
    # one cell a line, 农村实用技术培训 / 人次 / ≥500人次: main read 人次 as the target and ≥500人次 as a second 三级
    # without a target (a false indicator); a unit alone is no target and a value no name
    project, problems = _project(_one_cell_a_line(["产出指标", "数量指标", "农村实用技术培训", "人次", "≥500人次",
                                                   "质量指标", "培训合格率", "≥95%"]))
    assert [(i.level3, i.target.raw) for i in project.indicators] == \
        [("农村实用技术培训人次", "≥500人次"), ("培训合格率", "≥95%")]
    assert not any("没有指标值" in p.message for p in problems)
    # a qualitative target before a value is left as it was: which line belongs where is not in the text
    project, _ = _project(_one_cell_a_line(["产出指标", "数量指标", "培训覆盖面", "扩大", "质量指标", "培训合格率",
                                            "≥95%"]))
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("培训覆盖面", "扩大"), ("培训合格率", "≥95%")]


def test_the_budget_written_in_brackets_after_the_name() -> None:
    # no money row; the amount in brackets after the name in the 项目名称 cell or in the title: the 预算数, with a
    # note and 需人工核对 (main: no budget, and the bracket kept in the name)
    for title, name in (("项目支出绩效目标表（2024年度）", "农村实用技术培训项目（50万元）"),
                        ("农村实用技术培训项目（50万元）绩效目标表", "农村实用技术培训项目")):
        project, _ = _project(_form([], head=[["项目名称", name], ["实施单位", "某县农业技术推广中心"]]).replace(
            "项目支出绩效目标表（2024年度）", title))
        assert project.name == "农村实用技术培训项目" and project.budget.total == Decimal("50"), title
        assert any("预算数取自" in note for note in project.needs_check)
    # beside a money row the bracket says nothing more: the name is kept as written
    project, _ = _project(_form([["年度资金总额（万元）", "60"]],
                                head=[["项目名称", "农村实用技术培训项目（50万元）"]]))
    assert project.name == "农村实用技术培训项目（50万元）" and project.budget.total == Decimal("60")


def test_a_budget_label_wrapped_over_two_lines() -> None:
    # 年度资金 / 总额（万元） | 50 in pipe rows: main joined the label but left 50 on a row of its own (no budget)
    text = _form([["年度资金"], ["总额（万元）", "50"]])
    project, _ = _project(text)
    assert project.budget.total == Decimal("50")


def test_targets_with_two_bounds_or_a_note_in_brackets() -> None:
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训次数", "≥12次（每月1次）"],
            ["", "质量指标", "培训合格率", "≥95%，≤100%"], ["效益指标", "社会效益指标", "群众知晓率", "≥90 %"]]
    project, _ = _project(_form([["年度资金总额（万元）", "50"]], indicators=rows))
    times, rate, known = (i.target for i in project.indicators)
    assert (times.raw, times.value, times.unit) == ("≥12次（每月1次）", Decimal("12"), "次")
    assert (rate.value, rate.upper, rate.unit) == (Decimal("95"), Decimal("100"), "%")
    assert (known.value, known.unit) == (Decimal("90"), "%")


def test_the_same_form_as_other_units_write_it_reads_alike() -> None:
    # the header's labels in another order and wording, 一级 names without 指标, 二级 cells blank under a merge,
    # numbered 三级 names: the same project in pipe rows, tab rows and one cell a line
    head = [["申报单位", "某县农业技术推广中心"], ["预算单位", "某县农业农村局"], ["项目名称", "农村实用技术培训经费"],
            ["资金总额（万元）", "50"]]
    rows = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出", "数量指标", "1.培训人次", "≥500人次"],
            ["", "", "2.培训天数", "≥10天"], ["成本", "经济成本指标", "①人均成本", "≤1000元"],
            ["满意度", "服务对象满意度指标", "学员满意度", "≥90%"]]
    table = [["项目支出绩效目标表（2024年度）"], *head, *rows]
    for text in (_pipe_rows(table), "\n".join("\t".join(r) for r in table) + "\n",
                 "\n".join(c for r in table for c in r if c) + "\n"):
        project, _ = _project(text)
        assert project.name == "农村实用技术培训经费" and project.budget.total == Decimal("50")
        assert [(i.level1, i.level2, i.level3) for i in project.indicators] == [
            ("产出", "数量指标", "1.培训人次"), ("产出", "数量指标", "2.培训天数"),
            ("成本", "经济成本指标", "①人均成本"), ("满意度", "服务对象满意度指标", "学员满意度")]


def test_the_funds_block_label_followed_by_the_budget_itself() -> None:
    # 项目资金 | 50 (and 项目资金（万元） | 50, 资金情况 | 50万元): the block's label is the budget's own where an
    # amount and nothing else follows it (main: the amount an unlabelled text, no budget, nothing said)
    for funds, total in (([["项目资金", "50"]], "50"), ([["项目资金（万元）", "50"]], "50"),
                         ([["资金情况", "50万元"]], "50"), ([["项目资金", "50", "其中：财政拨款", "40"]], "50")):
        project, _ = _project(_form(funds))
        assert project.budget.total == Decimal(total), funds
    # followed by a text or by the block's own labels: as before
    project, _ = _project(_form([["项目资金（万元）", "年度资金总额", "60"]]))
    assert project.budget.total == Decimal("60")


def test_the_target_column_named_with_its_year() -> None:
    # 2024年指标值 / 2024年度目标值: main found no indicator header (缺少指标表头行) and read no indicator
    for label in ("2024年指标值", "2024年度目标值"):
        rows = [["一级指标", "二级指标", "三级指标", label], ["产出指标", "数量指标", "培训人次", "≥500人次"],
                ["效益指标", "社会效益指标", "群众知晓率", "≥90%"]]
        project, _ = _project(_form([["年度资金总额（万元）", "50"]], indicators=rows))
        assert [(i.level3, i.target.raw) for i in project.indicators] == [("培训人次", "≥500人次"),
                                                                           ("群众知晓率", "≥90%")], label
