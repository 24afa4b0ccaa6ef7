"""Leftovers of reading43 and what tables from units the reader had not met showed (reading44).

* A goal list numbered with circled digits (``①…②…``) or ``（1）…（2）…``, or ``1.…；2.…`` written on one line of its
  cell (a web page's cell loses its line breaks), is the project's goals one by one, their numbers left off, as
  ``1.…`` / ``2.…`` one a line already were; a circled list laid out in the cells of the goal's row as well.
"""

from __future__ import annotations

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project, Severity
from perfbudget.readers import project_fields
from perfbudget.readers.goal_lines import ListMark, list_mark
from tests.readers.word_tables import form_file

HEAD = [["项目名称", "社区服务经费"], ["主管部门", "某区民政局"], ["年度资金总额", "10"]]
INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "服务活动次数", "≥12次"],
              ["满意度指标", "服务对象满意度指标", "居民满意度", "≥95%"]]
GOALS = ["开展社区服务活动12次；", "居民满意度达到95%；", "全年无安全事故。"]


def _project(rows: list[list[str]], form: str) -> Project:
    read = load_bytes(*form_file(rows, ["2024年项目支出绩效目标表"], form, "表"))
    assert read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert len(project.indicators) == 2
    return project


MARKS = {"circled": ["①", "②", "③"], "paren": ["（1）", "（2）", "（3）"], "point": ["1.", "2.", "3."],
         "comma": ["1、", "2、", "3、"]}


# (a text copy keeps no line break inside a cell: a line an item only in the file forms)
FORMS_AND_JOINERS = [(form, "") for form in ("tabs", "pipes", "docx", "xlsx", "html")] + [
    (form, "\n") for form in ("docx", "xlsx", "html")]


@pytest.mark.parametrize(("form", "joiner"), FORMS_AND_JOINERS)
@pytest.mark.parametrize("marks", MARKS)
def test_a_numbered_goal_list_in_one_cell(form: str, marks: str, joiner: str) -> None:
    """``①…；②…；③…`` in the goal's cell, on one line or a line an item: three goals without their numbers (the
    circled list one a line kept its marks, and no list on one line was split, before reading44)."""
    cell = joiner.join(mark + goal for mark, goal in zip(MARKS[marks], GOALS, strict=True))
    project = _project([*HEAD, ["年度目标", cell], *INDICATORS], form)
    # an item cut from a line leaves the separator before the next (since the second reading), a line's own keeps it
    # (an HTML cell's line breaks in its source are white space: one line)
    one_line = not joiner or form == "html"
    assert list(project.goals) == ([goal.removesuffix("；") for goal in GOALS] if one_line else GOALS)


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
def test_a_circled_goal_list_in_the_cells_of_the_goals_row(form: str) -> None:
    """``年度目标 | ①… | ②…``: each cell a goal, as ``目标1：… | 目标2：…`` since reading43 (the second cell was an
    unlabelled text)."""
    project = _project([*HEAD, ["年度目标", "①" + GOALS[0], "②" + GOALS[1]], *INDICATORS], form)
    assert list(project.goals) == GOALS[:2]
    assert not any(text.startswith("②") for _, text in project.extras)


@pytest.mark.parametrize("cell", [
    "1.开展社区服务活动12次，投入2.5万元。",       # a decimal after the first item: no second item
    "1.开展社区服务活动12次；3.全年无安全事故。",   # not the list's next number
    "1.开展社区服务活动12次（2）居民满意度达到95%。",  # a mark of another style
    "2024年开展社区服务活动12次；2.居民满意度达到95%。",  # no list: the cell starts with no item's mark
])
@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
def test_what_is_no_list_on_one_line_stays_one_goal(cell: str, form: str) -> None:
    project = _project([*HEAD, ["年度目标", cell], *INDICATORS], form)
    assert list(project.goals) == [cell.removeprefix("1.")]


def test_a_circled_list_after_another_list_is_not_its_next_item() -> None:
    """``目标1：… | ②…``: a circled mark does not go on a list numbered in digits (nor the reverse): the second
    cell stays an unlabelled text, as a cell without the list's next number does (reading43)."""
    project = _project([*HEAD, ["年度目标", "目标1：" + GOALS[0], "②" + GOALS[1]], *INDICATORS], "tabs")
    assert list(project.goals) == ["目标1：" + GOALS[0]]


def _errors(text: str) -> list[tuple[int | None, str]]:
    read = load_bytes(text.encode(), "表.txt")
    return [(p.source.line, p.message) for p in read.problems if p.severity is Severity.ERROR]


GLUED_DEPARTMENT = ["2022年部门(单位)整体绩效目标表", "单位:万元",
                    "部门(单位)名称某区某街道办事处区级支出预算总量120.5",
                    "当年整体绩效目标保障街道正常运转。", "绩效指标指标名称指标权重计量单位指标性质指标值",
                    "预算执行率10%=100", "服务对象满意度5%95"]


def test_a_glued_form_refused_says_which_lines_ran_together() -> None:
    """Corpus ``192``'s shape: every row's cells glued, a flat indicator list. The refusal stood at the form's title,
    named 「整体绩效目标表」 (cut at 部门(单位)'s bracket), and said no line where the cells ran together; now it
    names the whole title, the first label glued to its value and the first head of glued column names."""
    ((line, message),) = _errors("\n".join(GLUED_DEPARTMENT) + "\n")
    assert line == 1
    assert "「2022年部门(单位)整体绩效目标表」" in message
    assert "第3行「部门(单位)名称某区某街道办事处区级支出预算总量120.5」的标签和取值连在一起" in message
    assert "第5行「绩效指标指标名称指标权重计量单位指标性质指标值」的各列名称连在一起" in message


def test_a_list_numbers_bracket_before_the_title_is_no_part_of_it() -> None:
    """``(一)某县…自评表``: the list number's bracket is a mark before the title, as before reading44."""
    ((_, message),) = _errors("(一)某县教育局2021年部门整体支出绩效自评表\n部门名称某县教育局\n")
    assert "「某县教育局2021年部门整体支出绩效自评表」" in message


def test_a_form_without_its_name_says_what_to_do() -> None:
    """Corpus ``68``'s shape: the indicator part alone (the page starts mid-report). The error said the name was
    unknown; it says now how to give it."""
    text = "\t".join(INDICATORS[0]) + "\n" + "\n".join("\t".join(row) for row in INDICATORS[1:]) + "\n"
    errors = _errors("2024年项目支出绩效目标表\n" + text)
    assert [message for _, message in errors if message.startswith("没有找到项目名称")] == [
        "没有找到项目名称：本表只有指标部分（表头部分不在此处），表题也没有指明项目，项目名称未知"
        "；请在表前补上一行「项目名称：…」，或导入带表头部分的完整表格，再重新读取"]


TWO_ROW_HEADS = {
    "一级 | 二级 | 三级 | 指标值 over 指标 | 指标 | 指标": [["一级", "二级", "三级", "指标值"],
                                                     ["指标", "指标", "指标", ""]],
    "一级指 | 二级指 | 三级指 over 标 | 标 | 标": [["一级指", "二级指", "三级指", "指标值"], ["标", "标", "标", ""]],
    "一级 | 二级 | 三级 | 绩效 over 指标 | 指标 | 指标 | 指标值": [["一级", "二级", "三级", "绩效"],
                                                            ["指标", "指标", "指标", "指标值"]],
}


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
@pytest.mark.parametrize("head", TWO_ROW_HEADS)
def test_an_indicator_header_whose_labels_are_broken_over_two_rows(form: str, head: str) -> None:
    """Each label of the indicator header broken in its cell (一级 / 指标), a row a line: one header. Until reading44
    the lower row was an indicator 「指标」 without levels (an error), the header no header at all (the rows refused),
    or, in a tab or pipe copy, its first cell joined to 绩效 above as one wrapped label: every column after it
    shifted, 三级 read as ≥12次 and the target as 服务活动次数 — without a word."""
    project = _project([*HEAD, ["年度目标", GOALS[0]], *TWO_ROW_HEADS[head], *INDICATORS[1:]], form)
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        tuple(row) for row in INDICATORS[1:]]


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
def test_a_self_evaluation_header_broken_over_two_rows(form: str) -> None:
    head = [["一级", "二级", "三级", "年度", "实际", "分值", "得分"],
            ["指标", "指标", "指标", "指标值", "完成值", "", ""]]
    rows = [["产出指标", "数量指标", "服务活动次数", "≥12次", "12次", "50", "50"],
            ["满意度指标", "服务对象满意度指标", "居民满意度", "≥95%", "96%", "50", "50"]]
    read = load_bytes(*form_file([*HEAD, *head, *rows], ["2024年项目支出绩效自评表"], form, "表"))
    assert read.document is not None
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert [(i.level3, i.target.raw, i.actual) for i in project.indicators] == [
        ("服务活动次数", "≥12次", "12次"), ("居民满意度", "≥95%", "96%")]


def test_a_wrapped_level_name_is_still_joined() -> None:
    """``效益指标 | 经济效益`` / ``指标 | 带动增收 | ≥10万元``: the wrapped label's rest starts the next line (the
    joined cells make no column label: no header's second row)."""
    text = ("2024年项目支出绩效目标表\n项目名称\t社区服务经费\n年度资金总额\t10\n一级指标\t二级指标\t三级指标\t指标值\n"
            "产出指标\t数量指标\t服务活动次数\t≥12次\n效益指标\t经济效益\n指标\t带动增收\t≥10万元\n")
    read = load_bytes(text.encode(), "表.txt")
    assert read.document is not None
    (project,) = read.document.projects
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "数量指标", "服务活动次数", "≥12次"), ("效益指标", "经济效益指标", "带动增收", "≥10万元")]


FORMS = ["tabs", "pipes", "docx", "xlsx", "html"]
# goal cells that hold numbers of their own, and what they are: each goal (reading44's second reading)
NUMBERS_IN_GOALS = [
    ("1、完成1、2号楼改造。", ["完成1、2号楼改造。"]),
    ("1.完成1、2号楼改造；2.居民满意度达到95%。", ["完成1、2号楼改造", "居民满意度达到95%。"]),
    ("（1）依据第五条第（2）款开展督查。", ["依据第五条第（2）款开展督查。"]),
    ("（1）资助（1）班、（2）班学生。", ["资助（1）班、（2）班学生。"]),
    ("（1）开展一年级（2）班帮扶；（2）居民满意度达到95%。", ["开展一年级（2）班帮扶", "居民满意度达到95%。"]),
    ("1.完成一期（1、2）号地块平整。", ["完成一期（1、2）号地块平整。"]),
    ("1.完成（1，2）标段建设。", ["完成（1，2）标段建设。"]),
    ("1.改造1号楼， 2、三号楼维修。", ["改造1号楼， 2、三号楼维修。"]),
    ("1、改造1号楼 2、三号楼维修。", ["改造1号楼 2、三号楼维修。"]),
    ("1.投入1.5万元，2. 3万元用于培训。", ["投入1.5万元，2. 3万元用于培训。"]),
    ("1)开展活动；2.居民满意度达到95%。", ["开展活动；2.居民满意度达到95%。"]),
    ("1.开展活动；2)居民满意度达到95%。", ["开展活动；2)居民满意度达到95%。"]),
    ("1)开展活动；2）居民满意度达到95%。", ["开展活动", "居民满意度达到95%。"]),
    ("1.投入1.5万元，2.2024年开展培训， 3.居民满意度达到95%。",
     ["投入1.5万元", "2024年开展培训", "居民满意度达到95%。"]),
    ("1.2024年完成改造；2.居民满意度达到95%。", ["2024年完成改造", "居民满意度达到95%。"]),
    ("1、10月底前完成招标；2、12月底前验收。", ["10月底前完成招标", "12月底前验收。"]),
    ("1.完成改造；2.2024年底前验收；3.居民满意度达到95%。", ["完成改造", "2024年底前验收", "居民满意度达到95%。"]),
    ("1.投入1.5万元，2.3万元用于培训。", ["投入1.5万元，2.3万元用于培训。"]),
]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(("cell", "goals"), NUMBERS_IN_GOALS)
def test_a_number_within_a_goal_is_no_next_item(form: str, cell: str, goals: list[str]) -> None:
    """A list's next mark stands where the item before it ended (；。， or a space): 第（2）款, 一年级（2）班 and
    1、2号楼 are the goal's words, the list's real next item still cut (until the second reading a bracket's （2）
    after any character but a digit, and 2. after a 、, was cut)."""
    project = _project([*HEAD, ["年度目标", cell], *INDICATORS], form)
    assert list(project.goals) == goals


@pytest.mark.parametrize("form", ["docx", "xlsx"])
def test_a_list_goes_on_from_the_line_before(form: str) -> None:
    """A cell's lines ``1.…`` then ``2.…；3.…``: the second line goes on with the first's list (3. was left in the
    second goal: each line's list had to start at 1; an HTML cell's lines are one line, cut as one).
    The item cut from its line leaves the separator, the line's own item keeps what it ends with."""
    project = _project([*HEAD, ["年度目标", "1.开展活动12次；\n2.居民满意度达到95%；3.全年无安全事故。"], *INDICATORS],
                       form)
    assert list(project.goals) == ["开展活动12次；", "居民满意度达到95%", "全年无安全事故。"]


def test_a_goal_lists_marks_are_each_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The goal cell's marks are parsed where the list is cut, each once, and a goal without a mark none (each item's
    mark was parsed again when its number was left off; a goal starting with no mark's character costs a ``str``
    test since reading45, one anchored match before)."""
    parsed: list[int] = []

    def counted(text: str, at: int = 0) -> ListMark | None:
        parsed.append(at)
        return list_mark(text, at)

    monkeypatch.setattr(project_fields, "list_mark", counted)
    project = _project([*HEAD, ["年度目标", "1.开展活动12次；2.居民满意度达到95%。\n全年无安全事故。"], *INDICATORS],
                       "docx")
    assert list(project.goals) == ["开展活动12次", "居民满意度达到95%。", "全年无安全事故。"]
    assert sorted(parsed) == [0, 10]


@pytest.mark.parametrize("label", ["预算单位名称", "项目名称及编码", "实施单位负责人"])
def test_a_label_alone_on_its_line_is_no_label_glued_to_its_value(label: str) -> None:
    """A longer label (预算单位名称, 项目名称及编码) starts with a shorter one: it is the label, no label run into its
    value (the refusal said 「标签和取值连在一起」 of it)."""
    lines = [*GLUED_DEPARTMENT[:2], label, "某区某街道办事处", *GLUED_DEPARTMENT[3:]]
    ((_, message),) = _errors("\n".join(lines) + "\n")
    assert "标签和取值连在一起" not in message
    assert "第6行「绩效指标指标名称指标权重计量单位指标性质指标值」的各列名称连在一起" in message


def test_a_whole_header_row_run_together_is_named() -> None:
    """A glued line longer than 60 characters (a whole header row) was never named."""
    glued = ("部门(单位)名称重庆市梁平区某某街道办事处社区服务中心及下属单位区级支出预算总量3724.39"
             "其中一般公共预算3724.39政府性基金0")
    lines = [*GLUED_DEPARTMENT[:2], glued, *GLUED_DEPARTMENT[3:]]
    ((_, message),) = _errors("\n".join(lines) + "\n")
    assert f"第3行「{glued}」的标签和取值连在一起" in message
