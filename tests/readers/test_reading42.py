"""A form's block titles written on a row of their own (reading42, FAILURES.md section CP).

* a funds block's label alone on its row (``资金情况（万元）``, ``项目资金（万元）``) right after the 年度主要任务 grid:
  6a19f62a read it as a task (任务名称 ``资金情况（万元）``, Word; one cell a line every task left unlabelled), and in
  tabs or pipes it ended the table as a heading — the money unit in it lost, the rows after it a second table;
* the goal under its title (``年度目标`` / ``1.年度目标`` / ``一、年度目标`` then the goal on its own line or lines):
  lost, the title itself read as the goal, or numbered goals read as numbered tables and the indicators refused.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project, Severity
from perfbudget.readers.label_lines import goal_line, goal_title
from perfbudget.readers.labels import header_field
from tests.readers.test_reading36 import _read
from tests.readers.word_tables import form_file

FORMS = ["tabs", "pipes", "lines", "docx"]
TASKS = [["部门名称", "某县农业农村局"], ["年度主要任务", "任务名称", "主要内容"], ["", "农田建设", "建设高标准农田"]]
HEAD = [["项目名称", "社区养老服务补贴"], ["主管部门", "某区民政局"]]
INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "服务老年人数", "≥500人"],
              ["满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%"]]


def _project(rows: list[list[str]], form: str, title: str) -> tuple[Project, str | None]:
    read = load_bytes(*form_file(rows, [title], form, "表"))
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert len(project.indicators) == 2
    return project, read.document.money_unit


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("label", ["资金情况（万元）", "项目资金（万元）"])
def test_a_funds_label_on_its_own_row_after_the_tasks_is_no_task(form: str, label: str) -> None:
    funds = [[label], ["", "财政拨款", "10"], ["", "其他资金", "5"]]
    project, money_unit = _project([*TASKS, *funds, ["年度目标", "完成高标准农田建设2万亩。"], *INDICATORS], form,
                                   "某县农业农村局2024年部门整体支出绩效目标表")
    # no task 资金情况（万元）, no unnamed cell
    assert project.extras == (("任务名称", "农田建设"), ("主要内容", "建设高标准农田"))
    assert (project.budget.fiscal, project.budget.other, money_unit) == (Decimal("10"), Decimal("5"), "万元")


@pytest.mark.parametrize("form", ["tabs", "pipes"])
def test_a_funds_label_on_its_own_row_keeps_its_money_unit_and_the_table_whole(form: str) -> None:
    rows = [*HEAD, ["项目资金（万元）"], ["年度资金总额", "120"], ["财政拨款", "120"], *INDICATORS]
    read = load_bytes(*form_file(rows, ["2024年项目支出绩效目标表"], form, "表"))
    assert read.document is not None
    (project,) = read.document.projects
    assert (project.name, project.budget.total, read.document.money_unit) == ("社区养老服务补贴", 120, "万元")
    assert not any("分在几个表格" in p.message for p in read.problems)


GOALS = [["全面改善老年人生活质量。"],
         ["1.为500名老年人提供居家养老服务；", "2.服务合格率达到95%以上。"],
         ["为500名老年人提供居家养老服务；", "服务合格率达到95%以上。"]]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("title", ["年度目标", "1.年度目标", "一、年度目标", "（一）年度总体目标："])
@pytest.mark.parametrize("goals", GOALS, ids=["one", "numbered", "semicolons"])
def test_the_goal_under_its_title_on_lines_of_its_own(form: str, title: str, goals: list[str]) -> None:
    rows = [*HEAD, ["资金情况（万元）", "年度资金总额", "120"], [title], *([goal] for goal in goals), *INDICATORS]
    project, money_unit = _project(rows, form, "2024年项目支出绩效目标表")
    assert project.goals == tuple(goal.split(".", 1)[-1] for goal in goals)
    assert (project.name, project.budget.total, money_unit) == ("社区养老服务补贴", 120, "万元")


_NOTICE = ["社区养老服务补贴绩效目标公示", "绩效目标表", "(2021年度)", "项目名称：社区养老服务补贴",
           "年度资金总额：120万元", "三、绩效目标"]


@pytest.mark.parametrize("title", ["年度目标", "1.年度目标", "一、年度目标"])
def test_a_notices_goal_under_its_title_before_a_pipe_table(title: str) -> None:
    """A notice's label lines, then the goal under its title, then the indicators as pipe rows: 6a19f62a paired
    only a title numbered 一、 or （一） with its goal (``section_pair``) — ``年度目标`` lost its goal, and
    ``1.年度目标``, after ``三、绩效目标``, was itself read as the goal."""
    table = "\n".join(" | ".join(row) + " |" for row in INDICATORS)
    document, _ = _read("\n".join([*_NOTICE, title, "全面改善老年人生活质量。", table]).encode())
    assert document.projects[0].goals == ("全面改善老年人生活质量。",)


def test_a_notices_section_over_goals_and_indicators_leaves_the_goal_to_the_title_under_it() -> None:
    """``三、绩效目标`` heads a notice's section over both the goal and the indicators: a goal's title under it
    (``（一）年度目标``) is never its goal, the text under that title is (a guard)."""
    table = "\n".join(" | ".join(row) + " |" for row in INDICATORS)
    document, _ = _read("\n".join([*_NOTICE, "（一）年度目标", "全面改善老年人生活质量。", table]).encode())
    assert document.projects[0].goals == ("全面改善老年人生活质量。",)


@pytest.mark.parametrize("title", ["三、绩效目标", "（一）绩效目标", "1.年度目标", "一、年度目标", "年度目标",
                                   "（1）年度目标"])
def test_one_definition_of_a_goals_title(title: str) -> None:
    """``goal_title`` and ``header_field`` agree on every form of the goal's title (second reading of reading42:
    ``goal_title`` took ``三、绩效目标`` and ``header_field`` gave it no field — in a table of rows its goal became two
    unlabelled texts, no problem told); the goal under it, in a pipe table, is read."""
    assert goal_title(title) is not None and header_field(title) == "goals"
    rows = [["项目名称", "社区养老服务补贴"], ["年度资金总额", "120"]]
    text = "\n".join(["2024年项目支出绩效目标表", *(" | ".join(row) for row in rows), title, "全面改善老年人生活质量。",
                      *(" | ".join(row) for row in INDICATORS)])
    document, _ = _read(text.encode())
    (project,) = document.projects
    assert (project.goals, project.extras) == (("全面改善老年人生活质量。",), ())


_DIRECTION_HEADER = ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值"]


@pytest.mark.parametrize("form", FORMS)
def test_a_qualitative_row_without_direction_or_unit_keeps_its_target_where_the_copy_lost_empty_cells(
        form: str) -> None:
    """Inner Mongolia's columns 指标性质 | 指标方向 | 目标值 | 计量单位 | 分值 (corpus ``13``, ``180``): a 定性 row
    leaves 指标方向 and 计量单位 empty, and a web page's pipe copy loses them: ``定性 | 提高 | 20`` — 6a19f62a read
    the 分值 20 as the target (status ok); the other forms keep the empty cells or place the row by content
    (guards)."""
    rows = [*HEAD, ["项目资金（万元）", "年度资金总额", "120"], _DIRECTION_HEADER,
            ["产出指标", "数量指标", "补助发放户数", "正向", "大于等于", "1200", "户", "20"],
            ["效益指标", "生态效益指标", "草原植被盖度", "定性", "", "提高", "", "20"],
            ["满意度指标", "服务对象满意度指标", "牧户满意度", "正向", "大于等于", "90", "%", "20"]]
    read = load_bytes(*form_file(rows, ["2024年项目支出绩效目标表"], form, "表"))
    assert read.document is not None and not [p for p in read.problems if p.severity is Severity.ERROR]
    targets = [i.target.raw for i in read.document.projects[0].indicators]
    assert targets == ["大于等于1200户", "提高", "大于等于90%"]


def test_a_short_last_row_of_a_pipe_text_stays_a_cut_row() -> None:
    """The text's last row stopping after its value (``正向 | 大于等于 | 90``) may be cut inside the row: never
    placed by content (the 90 would be taken for the 分值, the target empty) but told cut, as before — a guard."""
    rows = [_DIRECTION_HEADER, ["产出指标", "数量指标", "补助发放户数", "正向", "大于等于", "1200", "户", "20"],
            ["满意度指标", "服务对象满意度指标", "牧户满意度", "正向", "大于等于", "90"]]
    text = "\n".join(["项目名称 | 草原生态保护补助奖励资金 |", *(" | ".join(row) + " |" for row in rows)])
    document, problems = _read(text.encode())
    assert [i.target.raw for i in document.projects[0].indicators] == ["大于等于1200户"]
    assert any("表格在此中断" in p for p in problems)


_EXPECTED = ["1.为500名老年人提供居家养老服务；", "2.服务合格率达到95%以上。"]
_ACTUAL = ["1.已为520名老年人提供服务；", "2.服务合格率达到97%。"]


def _self_evaluation(separator: str, lines: list[str]) -> tuple[Project, list[str]]:
    rows = [["项目名称", "社区养老服务补贴"], ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数"],
            ["年度资金总额", "120", "120", "118"], ["年度总体目标", "预期目标", "实际完成情况"]]
    indicators = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
                  ["产出指标", "数量指标", "服务老年人数", "≥500人", "520人", "50", "50"]]
    text = "\n".join(["2024年项目支出绩效自评表", *(separator.join(row) for row in rows), *lines,
                      *(separator.join(row) for row in indicators)])
    document, problems = _read(text.encode())
    (project,) = document.projects
    assert project.name == "社区养老服务补贴" and len(project.indicators) == 1
    assert not any("分在几个表格" in p for p in problems)
    return project, problems


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_numbered_goals_under_a_goals_grids_labels_on_lines_of_their_own(separator: str) -> None:
    """A 自评表's goals grid labels (``年度总体目标 | 预期目标 | 实际完成情况``) with the goals under them on lines of
    their own (``1.…`` / ``2.…``, the cell's paragraphs broken out of the row): 6a19f62a read ``1.…`` as a numbered
    table's title — the table split there, its name unknown and its indicator header not found. Where the expected
    list ends is not said (``2.…`` may be the result): the texts stay unlabelled, as ``goal_lines`` keeps them."""
    project, _ = _self_evaluation(separator, _EXPECTED)
    assert project.goals == ()
    assert project.extras[-2:] == (("", _EXPECTED[0]), ("", _EXPECTED[1]))


@pytest.mark.parametrize("separator", ["\t", " | "])
@pytest.mark.parametrize("lines", [[*_EXPECTED, *_ACTUAL], ["全面改善老年人生活质量。", "已全面完成年度目标。"]],
                         ids=["numbered", "sentences"])
def test_the_results_under_a_goals_grids_labels_are_no_goals(separator: str, lines: list[str]) -> None:
    """The expected goals, then the 实际完成情况 written the same way (the numbering starts again at ``1.``): the
    results are the 实际完成情况's, never goals (second reading of reading42: all four were joined into the goals,
    no problem told; one sentence each split the table)."""
    project, _ = _self_evaluation(separator, lines)
    half = len(lines) // 2
    assert project.goals == tuple(line.split(".", 1)[-1] for line in lines[:half])
    assert [extra for extra in project.extras if extra[0] == "实际完成情况"] == [
        ("实际完成情况", line) for line in lines[half:]]


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_rows_without_a_score_keep_their_target_where_every_cell_fits_its_column(separator: str) -> None:
    """A 目标表 whose 分值 column is left empty: ``正向 | 大于等于 | 12`` (no 计量单位) and, in tabs, ``定性 | | 提高``
    fit their columns from the left, so they stand where they are — the first mend placed every short row by
    content, the 12 taken for the 分值 and the target lost (second reading of reading42)."""
    rows = [["产出指标", "数量指标", "培训场次", "正向", "大于等于", "12", "", ""],
            ["产出指标", "质量指标", "验收合格率", "正向", "等于", "100", "%", ""],
            ["效益指标", "社会效益指标", "群众知晓度", "定性", "", "提高", "", ""],
            ["满意度指标", "服务对象满意度指标", "满意度", "正向", "大于等于", "90", "%", ""]]
    lines = [separator.join(cell for cell in row if cell or separator == "\t").rstrip("\t ") for row in rows]
    text = "\n".join(["2024年项目支出绩效目标表", f"项目名称{separator}培训项目", f"年度资金总额{separator}120",
                      separator.join(_DIRECTION_HEADER), *lines, "填表人：张三"])
    document, _ = _read(text.encode())
    indicators = document.projects[0].indicators
    # (a pipe copy leaves 提高 under 指标方向, where it cannot stand: placed by content, as key 180's rows)
    assert [(i.target.raw, i.weight) for i in indicators] == [
        ("大于等于12", None), ("等于100%", None), ("提高", None), ("大于等于90%", None)]


@pytest.mark.parametrize("text", ["其中1.年度目标", "其中：1.年度目标"])
def test_a_funds_part_numbered_after_qizhong_is_no_goals_title(text: str) -> None:
    """``其中1.…`` numbers a part of the funds, never the goal's title (second reading of reading42: the numbered
    money part's label fell through to the goal's, ``header_field('其中1.年度目标')`` was ``goals``)."""
    assert header_field(text) is None and goal_title(text) is None


@pytest.mark.parametrize("line", ["注：本表金额单位为万元。", "备注：无。"])
def test_a_note_after_a_goal_ending_in_a_semicolon_is_no_goal(line: str) -> None:
    """After a goal ending in ``；`` a sentence is the list's next goal, but a note or a pair never is (second reading
    of reading42: ``注：本表…。`` was joined to the goals)."""
    assert goal_line(("年度目标", "为500名老年人提供居家养老服务；"), line) is None
