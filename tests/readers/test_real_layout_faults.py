"""Layouts of real published tables that a review on real documents found misread (one test per fault),
each on a tiny hand-built document showing the layout."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Severity
from perfbudget.readers.text import read_text


def _pipe_rows(rows: list[list[str]]) -> str:
    return "\n".join(" | ".join(row) + " |" for row in rows) + "\n"


INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
    ["产出指标", "数量指标", "补助面积", "20亩", "20亩", "50", "50"],
    ["效益指标", "社会效益指标", "受益人口数量", "90人", "90人", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", "10", "10"],
]


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_goal_grid_row_without_its_merged_label_cell() -> None:
    # 年度总体目标 | 年初设定目标 | 完成情况综述, then the goals row without the merged label cell
    for expected_label in ("年初设定目标", "预期目标"):
        text = _pipe_rows([
            ["项目名称", "特色种养补贴项目"],
            ["年度总体目标", expected_label, "年度总体目标完成情况综述"],
            ["落实39户奖补政策", "已落实39户"],
            *INDICATORS,
        ])
        document, problems = read_text(text, "t.txt")
        assert document is not None and not _errors(problems)
        project = document.projects[0]
        assert project.goals == ("落实39户奖补政策",)
        assert ("年度总体目标完成情况综述", "已落实39户") in project.extras


def test_goal_grid_headed_by_main_goals_and_results() -> None:
    text = _pipe_rows([
        ["项目名称", "加工园配套设施"],
        ["年度主要目标和成果", "预期目标", "实际完成情况"],
        ["新建晾晒房一座", "已建成"],
        *INDICATORS,
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    assert document.projects[0].goals == ("新建晾晒房一座",)
    assert ("实际完成情况", "已建成") in document.projects[0].extras


TARGET_ROWS = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "培训人次", "280人次"],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"],
]


def test_project_amount_and_fiscal_part_by_government_level() -> None:
    text = _pipe_rows([
        ["项目名称", "主体班"],
        ["项目金额", "164万元", "其中:当年市级财政资金", "132万元"],
        *TARGET_ROWS,
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    budget = document.projects[0].budget
    assert (budget.total, budget.fiscal) == (Decimal("164"), Decimal("132"))


def test_year_budget_wins_over_project_total() -> None:
    text = _pipe_rows([
        ["项目名称", "加工园配套设施"],
        ["项目总预算", "65"],
        ["当年年度预算", "40"],
        ["其中:财政资金", "40"],
        *TARGET_ROWS,
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert (project.budget.total, project.budget.fiscal) == (Decimal("40"), Decimal("40"))
    assert ("项目总预算", "65") in project.extras


def test_project_total_alone_is_the_budget_with_a_note() -> None:
    text = _pipe_rows([["项目名称", "加工园配套设施"], ["项目总预算", "65"], *TARGET_ROWS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    assert document.projects[0].budget.total == Decimal("65")
    assert any("项目总预算" in p.message and p.severity is Severity.INFO for p in problems)


def test_level1_cell_on_a_middle_row_of_its_group() -> None:
    # a vertically merged 产出指标 cell whose text the copy put on the group's middle row
    text = _pipe_rows([
        ["项目名称", "主体班"],
        ["预算数", "164"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标标准或依据"],
        ["数量指标", "培训人次", "280人次"],
        ["产出指标", "开设课程数量", "220门"],
        ["质量指标", "培训完成率", "100%"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"],
        ["财政资金管理科室(盖章) 年 月 日", "财政绩效管理科室(盖章) 年 月 日"],
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    assert rows == [
        ("产出指标", "数量指标", "培训人次", "280人次"),
        ("产出指标", "数量指标", "开设课程数量", "220门"),
        ("产出指标", "质量指标", "培训完成率", "100%"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"),
    ]


def test_sign_off_footers_end_the_indicator_rows() -> None:
    for footer in ("财政资金管理科室(盖章) 年 月 日", "单位负责人(签字)", "填报人:(略)", "联系电话:(略)"):
        text = _pipe_rows([["项目名称", "主体班"], ["预算数", "164"], *TARGET_ROWS, [footer, ""]])
        document, problems = read_text(text, "t.txt")
        assert document is not None and not _errors(problems), footer
        assert [i.level3 for i in document.projects[0].indicators] == ["培训人次", "学员满意度"], footer


def _paragraphs(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


LONG_TERM_AND_YEAR = [
    "项目名称", "教育基建", "预算数", "100",
    "一级指标", "二级指标(长期)", "三级指标(长期)", "指标值(长期)", "二级指标(年度)", "三级指标(年度)", "指标值(年度)",
    "产出指标", "数量指标", " ", " ", "数量指标", "建设工程数量", "2",
    "满意度指标", "服务对象满意度指标", " ", " ", "服务对象满意度指标", "学生满意度", "≥90%",
]


def test_complete_last_row_of_a_paragraph_copy_with_column_groups_is_read() -> None:
    document, problems = read_text(_paragraphs(LONG_TERM_AND_YEAR), "t.txt")
    assert document is not None and not _errors(problems), problems
    assert [(i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("建设工程数量", "2"), ("学生满意度", "≥90%")]


def test_paragraph_copy_cut_before_the_target_is_still_a_cut() -> None:
    document, problems = read_text(_paragraphs(LONG_TERM_AND_YEAR[:-1]), "t.txt")
    assert document is not None
    assert any("表格在此中断" in p.message for p in _errors(problems))
    assert [i.level3 for i in document.projects[0].indicators] == ["建设工程数量"]


def test_source_address_is_never_part_of_the_title() -> None:
    for before in ("source: http://www.example.gov.cn/a/b.html", "https://www.example.gov.cn/a.html",
                   "来源：http://example.gov.cn/x"):
        paragraphs = _paragraphs([before + "\n项目支出绩效目标表", "(2020年度)", *LONG_TERM_AND_YEAR])
        document, _ = read_text(paragraphs, "t.txt")
        assert document is not None and document.projects[0].title == "项目支出绩效目标表(2020年度)", before
        rows = before + "\n" + _pipe_rows([["项目支出绩效目标表", ""], ["(2020年度)", ""], ["项目名称", "主体班"],
                           ["预算数", "164"], *TARGET_ROWS])
        document, problems = read_text(rows, "t.txt")
        assert document is not None and not _errors(problems)
        project = document.projects[0]
        assert (project.title, project.fund_year) == ("项目支出绩效目标表(2020年度)", 2020), before
        assert all("http" not in text for _, text in project.extras)


LIST_HEADER = ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
               "度量单位", "权重", "指标方向性"]


def test_list_layout_reads_each_project() -> None:
    text = _pipe_rows([
        ["部门预算项目绩效目标申报表(2023年度)"],
        ["金额单位:元"],
        LIST_HEADER,
        ["820-某镇部门", "3,970,000.00"],
        ["820001-某镇人民政府", "干部报酬", "3,310,000.00", "按时发放报酬", "效益指标", "社会效益指标", "维护社会稳定",
         "≥", "95", "%", "10", "正向指标"],
        ["产出指标", "数量指标", "发放人数", "≥", "230", "人", "10", "正向指标"],
        ["活动经费", "660,000.00", "保障组织活动", "满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%",
         "10", "正向指标"],
        ["产出指标", "数量指标", "行政村数量", "=", "11", "个", "10", "正向指标"],
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    assert document.money_unit == "元"
    assert (document.unit.code, document.unit.name) == ("820001", "某镇人民政府")
    got = [(p.seq, p.name, p.budget.total, p.goals, p.fund_year, [(i.level3, i.target.raw) for i in p.indicators])
           for p in document.projects]
    assert got == [
        (1, "干部报酬", Decimal("3310000.00"), ("按时发放报酬",), 2023,
         [("维护社会稳定", "≥95%"), ("发放人数", "≥230人")]),
        (2, "活动经费", Decimal("660000.00"), ("保障组织活动",), 2023,
         [("群众满意度", "≥95%"), ("行政村数量", "=11个")]),
    ]
    assert any("汇总行" in p.message and p.severity is Severity.INFO for p in problems)


def _project_rows(name: str) -> list[list[str]]:
    return [["207101某区人民法院", "单位:万元"], ["项目名称", name], ["预算数", "20.00"], *TARGET_ROWS]


def test_a_number_on_only_some_headings_belongs_to_a_group_heading() -> None:
    text = ("3.办案业务及审判辅助事务-2023中央绩效目标表\n" + _pipe_rows(_project_rows("安全隐患维修"))
            + "\n" + _pipe_rows(_project_rows("陪审员补助")))
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    assert [(p.seq, p.name) for p in document.projects] == [(1, "安全隐患维修"), (2, "陪审员补助")]
    assert any("序号" in p.message and p.severity is Severity.INFO for p in problems)


def test_numbers_on_every_heading_are_the_seqs() -> None:
    text = ("4.维修-2023中央绩效目标表\n" + _pipe_rows(_project_rows("安全隐患维修"))
            + "\n7.补助-2023中央绩效目标表\n" + _pipe_rows(_project_rows("陪审员补助")))
    document, _ = read_text(text, "t.txt")
    assert document is not None
    assert [(p.seq, p.name) for p in document.projects] == [(4, "安全隐患维修"), (7, "陪审员补助")]


def test_value_group_with_sub_columns_under_the_header() -> None:
    # 指标值 merged over two sub-columns written in the next row (as Word/Excel keep them)
    text = "\t".join(["项目名称", "主体班"]) + "\n" + "\n".join("\t".join(row) for row in [
        ["预算数", "164"],
        ["一级指标", "二级指标", "三级指标", "指标值", "", "指标标准或依据"],
        ["", "", "", "2021年实际实现值", "预期2022年实现值", ""],
        ["产出指标", "数量指标", "培训人次", "270人次", "280人次", "计划"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "94%", "≥95%", ""],
    ]) + "\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    indicators = document.projects[0].indicators
    assert [(i.level3, i.target.raw) for i in indicators] == [("培训人次", "280人次"), ("学员满意度", "≥95%")]
    assert ("指标值/2021年实际实现值", "270人次") in indicators[0].extras


def test_value_sub_columns_that_do_not_line_up_are_one_column_with_a_note() -> None:
    text = _pipe_rows([
        ["项目名称", "主体班"], ["预算数", "164"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "指标标准或依据"],
        ["2021年实际实现值", "预期2022年实现值"],
        ["数量指标", "培训人次", "280人次"],
        ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%"],
    ])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    assert [(i.level3, i.target.raw) for i in document.projects[0].indicators] == [
        ("培训人次", "280人次"), ("学员满意度", "≥95%")]
    assert any("分列" in p.message and p.severity is Severity.INFO for p in problems)
