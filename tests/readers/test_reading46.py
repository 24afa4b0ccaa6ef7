"""What reading46 changed in the reader (tables from units the reader had not met, and last session's leftovers).

* ``①号楼改造；②号楼屋面防水``: a circled list every item of which starts with the same counter numbering
  buildings or phases (号, 期, 栋, 幢) numbers things — buildings ① and ② — and keeps its numbers; the reader cut
  it into 「号楼改造」 and 「号楼屋面防水」, the buildings lost. Any other list keeps reading its numbers as marks
  (``①号召居民参与；②完成培训``, reading45; ``①项目建设；②项目验收``).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Project, Severity
from perfbudget.readers import project_fields
from tests.readers.test_reading44 import HEAD as HEAD_ROWS
from tests.readers.test_reading44 import INDICATORS as INDICATOR_ROWS
from tests.readers.test_reading44 import _project

FORMS_AND_JOINERS = [(form, "") for form in ("tabs", "pipes", "docx", "xlsx", "html")] + [
    (form, "\n") for form in ("docx", "xlsx", "html")]


@pytest.mark.parametrize(("form", "joiner"), FORMS_AND_JOINERS)
@pytest.mark.parametrize(("items", "goals"), [
    (["①号楼改造；", "②号楼屋面防水。"], ["①号楼改造", "②号楼屋面防水。"]),
    (["①期工程开工；", "②期工程验收；", "③期工程交付。"], ["①期工程开工", "②期工程验收", "③期工程交付。"]),
])
def test_a_circled_list_of_numbered_things_keeps_its_numbers(form: str, joiner: str, items: list[str],
                                                             goals: list[str]) -> None:
    """Each item a counter's (①号楼…；②号楼…): the numbers are the buildings', kept; the list still cut into its
    items (each fails on 5508b3e8: 「号楼改造」, 「号楼屋面防水。」)."""
    project = _project([*HEAD_ROWS, ["年度目标", joiner.join(items)], *INDICATOR_ROWS], form)
    one_line = not joiner or form == "html"
    assert list(project.goals) == (goals if one_line else items)  # (a line keeps its own separator)


@pytest.mark.parametrize("form", ["tabs", "pipes", "docx", "xlsx", "html"])
def test_numbered_things_in_the_goal_row_cells_keep_their_numbers(form: str) -> None:
    """``年度目标 | ①号楼改造 | ②号楼屋面防水``: a cell an item, the numbers kept (fails on 5508b3e8)."""
    project = _project([*HEAD_ROWS, ["年度目标", "①号楼改造", "②号楼屋面防水"], *INDICATOR_ROWS], form)
    assert list(project.goals) == ["①号楼改造", "②号楼屋面防水"]


@pytest.mark.parametrize(("form", "joiner"), FORMS_AND_JOINERS)
@pytest.mark.parametrize(("items", "goals"), [
    (["①完成改造；", "②号楼屋面防水。"], ["完成改造", "号楼屋面防水。"]),
    (["①号召居民参与；", "②完成培训。"], ["号召居民参与", "完成培训。"]),
    (["①完成①号楼改造；", "②完成②号楼验收。"], ["完成①号楼改造", "完成②号楼验收。"]),
    (["①号楼外墙改造；", "②栋完成验收；", "③期工程开工。"], ["号楼外墙改造", "栋完成验收", "期工程开工。"]),
    (["①项目建设；", "②项目验收。"], ["项目建设", "项目验收。"]),
])
def test_a_list_with_an_item_of_words_reads_its_marks(form: str, joiner: str, items: list[str],
                                                      goals: list[str]) -> None:
    """An item starting with no counter, or items with different counters or with counters no building or phase is
    numbered by (项目): the circled numbers are the list's marks, as before (guards: pass on 5508b3e8 too).
    ``②号楼屋面防水`` after ``①完成改造`` stays the second item without its number: whether ② numbers
    the building as well cannot be told (left)."""
    project = _project([*HEAD_ROWS, ["年度目标", joiner.join(items)], *INDICATOR_ROWS], form)
    one_line = not joiner or form == "html"
    assert list(project.goals) == (goals if one_line else [item[1:] for item in items])


@pytest.mark.parametrize(("paragraphs", "goals"), [
    (["①号楼改造；②号楼屋面", "③号楼粉刷"], ["①号楼改造", "②号楼屋面", "③号楼粉刷"]),
    (["①号楼改造；②号楼屋面", "③完成验收"], ["号楼改造", "号楼屋面", "完成验收"]),
    (["①号楼改造", "②号楼屋面；③完成验收"], ["号楼改造", "号楼屋面", "完成验收"]),
    (["①号楼改造", "②号楼屋面", "③完成验收"], ["号楼改造", "号楼屋面", "完成验收"]),
    (["①号楼改造", "②号楼屋面", "开展宣传"], ["①号楼改造", "②号楼屋面", "开展宣传"]),
])
def test_the_whole_list_decides(paragraphs: list[str], goals: list[str]) -> None:
    """One decision for the whole list, on one line and over paragraphs: its items before, on and after the
    paragraph (a paragraph without the list's next number ends it)."""
    assert project_fields._goals(paragraphs) == goals


def _indicators(text: str, name: str = "txt") -> tuple[Project, list[tuple[str, str, str, str]]]:
    read = load_bytes(text.encode("utf-8"), f"表.{name}")
    assert read.document is not None, [str(p) for p in read.problems]
    assert not [p for p in read.problems if p.severity is Severity.ERROR], [str(p) for p in read.problems]
    (project,) = read.document.projects
    return project, [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators]


# html2text's table: a row's first cell from the margin, each next cell on an indented line led by its pipe, a cell's
# own line break an indented line without one (corpus 193, 大英县)
LEADING_PIPES = """2024年项目支出绩效目标表
项目名称
        | 社区服务经费
年度资金总额
        | 10
绩效
       指标
        | 一级指标
        | 二级指标
        | 三级指标
        | 指标值
        | 备注
产出指标
        | 数量指标
        | 服务活动
       次数
        | ≥12次
        | |
满意度指标
        | 服务对象满意度指标
        | 居民满意度
        | ≥95%
        |
"""


def test_a_table_one_cell_a_line_each_led_by_its_pipe() -> None:
    """Each row from its first cell at the margin to the next: read as pipe rows (5508b3e8 read it one cell a line:
    no name, no indicator header)."""
    project, indicators = _indicators(LEADING_PIPES)
    assert project.name == "社区服务经费"
    assert project.budget.total == Decimal("10")
    assert indicators == [("产出指标", "数量指标", "服务活动次数", "≥12次"),
                          ("满意度指标", "服务对象满意度指标", "居民满意度", "≥95%")]


def test_prose_with_indented_lines_is_no_leading_pipe_table() -> None:
    """A line and the indented lines under it without a pipe cell after them stay as they are (a guard of the new
    module, so no test on 5508b3e8)."""
    from perfbudget.readers.leading_pipe_cells import unwrap_leading_pipe_cells
    text = "说明\n  第一行\n  第二行\n" + LEADING_PIPES
    assert unwrap_leading_pipe_cells(text).splitlines()[:3] == ["说明", "  第一行", "  第二行"]
    assert unwrap_leading_pipe_cells("a | b\n | c\n") == "a | b\n | c\n"


HEADER = "项目名称\t社区服务经费\n年度资金总额\t10\n一级指标\t二级指标\t三级指标\t指标值\t备注\n"


@pytest.mark.parametrize("separator", ["\t", " | "])
def test_an_unknown_level1_before_a_level2_is_the_rows_level1(separator: str) -> None:
    """``项目决策 | 数量指标 | 宣传次数 | 至少全年完成2次宣传 | 已完成`` under a block label's column
    (绩效指标 | 一级指标 | …, the label merged down the rows): 项目决策 (an evaluation framework's 一级) before a
    二级 is the row's 一级 as written — 5508b3e8 took it for the 三级, moved the row past the header and refused it
    (这一行有8个单元格，指标表头只有6列; a value-like target let another rule place the row)."""
    head = ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "实际完成值"]
    rows = [head, ["项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传", "已完成"],
            ["项目效益", "社会效益指标", "维权意识", "不断提升", "已提升"]]
    text = "项目名称\t社区服务经费\n年度资金总额\t10\n".replace("\t", separator)
    text += "".join(separator.join(row) + "\n" for row in rows)
    _project, indicators = _indicators(text)
    assert indicators == [("项目决策", "数量指标", "宣传次数", "至少全年完成2次宣传"),
                          ("项目效益", "社会效益指标", "维权意识", "不断提升")]


@pytest.mark.parametrize(("separator", "blank"), [("\t", "\t"), (" | ", "")])
def test_the_rows_under_an_unknown_level1_are_its_own(separator: str, blank: str) -> None:
    """The 一级 cell 项目决策 merged down over 数量/质量/时效 (its text on the group's first row, the copy's other
    rows without it or with it empty): the rows are 项目决策's, as the table draws them; 5508b3e8 filed 质量指标 and
    时效指标 under 产出指标 by the framework."""
    rows = [["项目决策", "数量指标", "宣传次数", "≥2次", ""], [blank + "质量指标", "创建质量", "按质按量完成", ""],
            [blank + "时效指标", "全年", "1-12月", ""], ["项目效益", "社会效益指标", "维权意识", "不断提升", ""]]
    text = HEADER.replace("\t", separator) + "".join(separator.join(row).rstrip(" |\t") + "\n" for row in rows)
    _project, indicators = _indicators(text)
    assert [row[:2] for row in indicators] == [("项目决策", "数量指标"), ("项目决策", "质量指标"),
                                               ("项目决策", "时效指标"), ("项目效益", "社会效益指标")]


GRID = ["年度预算申请(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "自评得分",
        "年度资金总额", "861.10", "2030.12", "2030.12", "10", "100%", "10"]
SELF_INDICATORS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                   "产出指标", "数量指标", "完成任务数", "≥10项", "10项", "10", "10"]


@pytest.mark.parametrize("above", [[], ["预算部门、单位名称", "某乡人民政府"]])
@pytest.mark.parametrize("joiner", ["\n", "\n\n"])
def test_a_self_evaluation_funds_grid_one_cell_a_line_starts_the_table(above: list[str], joiner: str) -> None:
    """A 部门整体 自评表 one cell a line (or a paragraph) whose funds grid is the first thing the reader knows: its
    head (年度预算申请(万元) / 年初预算数 / 全年预算数 …) begins the table, 年度资金总额's figures go under their
    columns — the budget 全年预算数 2030.12, 年初预算数 861.10, in 万元. 5508b3e8 began the table at 自评得分: the
    head was dropped with the heading and the first figure (年初预算数, 861.10) read as the budget, no money unit."""
    text = joiner.join(["2023年度部门整体支出绩效自评表", *above, *GRID, *SELF_INDICATORS]) + "\n"
    read = load_bytes(text.encode("utf-8"), "表.txt")
    assert read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert project.budget.total == Decimal("2030.12")
    assert project.budget.initial == Decimal("861.10")
    assert project.budget.executed == Decimal("2030.12")
    assert read.document.money_unit == "万元"


@pytest.mark.parametrize(("paragraphs", "goals"), [
    (["①项目建设；②项目验收"], ["项目建设", "项目验收"]),
    (["①年内完成改造；②年底前验收"], ["年内完成改造", "年底前验收"]),
    (["①人居环境整治；②人才培养"], ["人居环境整治", "人才培养"]),
    (["①本项目实施；②本年度完成"], ["本项目实施", "本年度完成"]),
    (["①日常巡查；②台账管理"], ["日常巡查", "台账管理"]),
    (["①项目建设", "②项目验收"], ["项目建设", "项目验收"]),
    (["①期间巡查；②期末验收"], ["期间巡查", "期末验收"]),  # words starting with 期: marks
    (["①号楼改造；②期工程开工"], ["号楼改造", "期工程开工"]),  # two counters: cannot be told, marks
    (["①期工程开工；②期工程验收"], ["①期工程开工", "②期工程验收"]),
    (["①栋改造", "②栋验收", "③栋粉刷"], ["①栋改造", "②栋验收", "③栋粉刷"]),
])
def test_only_a_list_of_numbered_buildings_or_phases_keeps_its_numbers(paragraphs: list[str],
                                                                      goals: list[str]) -> None:
    """The numbers are kept only where every item has the same counter after its number and it numbers buildings
    or phases (号, 期, 栋, 幢), no word starting there (号召, 期间, 期末): everyday lists (①项目建设；②项目验收, ①年内…,
    ①人居…, ①本项目…, ①日常…) lose their marks, as on 5508b3e8 (the first mend of reading46 kept them)."""
    assert project_fields._goals(paragraphs) == goals


def test_pipe_rows_under_a_level1_alone_on_its_line_stay_pipe_rows() -> None:
    """A pipe table whose 一级 stands alone on a line and whose rows under it start `` | `` (r118) holds whole rows,
    no cell a line: each row read as it is, 6 of 6 as on 5508b3e8 (the first leading-pipe reading joined the
    lines into one row: 这一行有10个单元格，指标表头只有4列, 1 of 6 read)."""
    text = ("项目名称 | 社区服务经费\n年度资金总额 | 10\n一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标\n"
            " | 数量指标 | 次数 | 12次\n |  | 人数 | 20人\n | 质量指标 | 合格率 | 100%\n效益指标\n"
            " | 社会效益指标 | 提升 | 提升\n |  | 影响 | 长期\n满意度指标\n | 服务对象满意度指标 | 满意度 | ≥95%\n")
    from perfbudget.readers.leading_pipe_cells import unwrap_leading_pipe_cells
    assert unwrap_leading_pipe_cells(text) == text
    _project, indicators = _indicators(text)
    assert [row[2] for row in indicators] == ["次数", "人数", "合格率", "提升", "影响", "满意度"]


@pytest.mark.parametrize("indent", ["\u3000\u3000", "\u00a0\u00a0"])
def test_a_leading_pipe_table_indented_by_wide_spaces(indent: str) -> None:
    """The cell lines indented by 全角 or no-break spaces read as those indented by spaces (the first reading's
    precheck counted lines led by a space alone)."""
    project, indicators = _indicators(LEADING_PIPES.replace("        ", indent).replace("       ", indent))
    assert project.name == "社区服务经费"
    assert [row[2] for row in indicators] == ["服务活动次数", "居民满意度"]


def _levels(rows: list[list[str]]) -> tuple[list[tuple[str, str]], list[str]]:
    read = load_bytes((HEADER.replace("备注", "").rstrip("\t\n") + "\n"
                       + "".join("\t".join(row) + "\n" for row in rows)).encode("utf-8"), "表.txt")
    assert read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    return [(i.level1, i.level2) for i in project.indicators], [f"{p.severity}:{p.message}" for p in read.problems]


def test_an_unknown_level1_keeps_only_the_level2_rows_of_its_first_group() -> None:
    """项目决策 over 数量指标 and 质量指标 (one framework group: 产出) keeps them, told by a warning; 社会效益指标 and
    服务对象满意度指标 below it belong to other groups: filed under their framework 一级 with the note, as on 5508b3e8
    (the first reading filed all four under 项目决策, silently)."""
    levels, problems = _levels([["项目决策", "数量指标", "宣传次数", "≥2次"], ["", "质量指标", "合格率", "100%"],
                                ["", "社会效益指标", "维权意识", "提升"], ["", "服务对象满意度指标", "满意度", "≥95%"]])
    assert levels == [("项目决策", "数量指标"), ("项目决策", "质量指标"), ("效益指标", "社会效益指标"),
                      ("满意度指标", "服务对象满意度指标")]
    assert [p for p in problems if "项目决策" in p] == [
        "warning:一级指标「项目决策」不是指标体系中的名称，按表中所写读取，其下的二级指标「质量指标」归入该一级指标，请核对"]
    assert "info:二级指标「社会效益指标」上方没有它的一级指标，按指标体系补为「效益指标」" in problems


def test_a_known_label_is_never_an_unknown_level1() -> None:
    """绩效指标 (the indicator block's label) in the 一级 column names no group: the 二级 rows below it go to their
    framework 一级, as on 5508b3e8 (the first reading filed them under 绩效指标)."""
    levels, _problems = _levels([["绩效指标", "数量指标", "宣传次数", "≥2次"], ["", "质量指标", "合格率", "100%"],
                                 ["", "社会效益指标", "维权意识", "提升"]])
    assert levels[1:] == [("产出指标", "质量指标"), ("效益指标", "社会效益指标")]


def test_a_short_budget_title_with_its_note_starts_no_table() -> None:
    """``2024年预算(万元)`` above a form one cell a line, no fund column after it: the form's heading, the table
    beginning at 项目名称 as on 5508b3e8 (the first reading began it at the title: a grid head needs a fund column
    after it, 年度预算申请(万元) / 年初预算数)."""
    cells = ["2024年预算(万元)", "项目名称", "社区服务经费", "主管部门", "某局", "项目资金(万元)", "10",
             "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "次数", "≥12次"]
    read = load_bytes(("\n".join(cells) + "\n").encode("utf-8"), "表.txt")
    assert read.document is not None
    assert {p.source.line for p in read.problems if "预算单位取自" in p.message} == {2}
