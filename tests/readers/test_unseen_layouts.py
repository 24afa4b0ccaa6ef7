"""Layouts first met in tables from units and provinces the corpus had not seen (corpus 45–59), each stated
on a tiny inline table: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.readers.text import detect_layout, read_text


def _rows(text: str) -> list[tuple[str, str, str, str]]:
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    return [(i.level1, i.level2, i.level3, i.target.raw) for p in document.projects for i in p.indicators]


# ---- pipe cells: the last cell of a row carries the row's trailing empty cells ----------------------------

PIPE_CELLS_TRAILING = """项目绩效目标表 | ||||||
|
项目名称 |
绿化项目 | |||
|
资金情况(万元) |
年度资金总额: |
153.5 | ||||
|
一级指标 |
二级指标 |
三级指标 |
计量单位 |
指标性质 |
指标值 |
|
产出指标 |
数量指标 |
绿化公路 |
米 |
= |
3500 | |
|
质量指标 |
树木成活率 |
% |
≥ |
85 | ||
| |||||
"""


def test_pipe_cell_lines_with_trailing_empty_cells() -> None:
    """``text | |||`` is the cell ``text`` and then empty cells, and ``| |||`` a spaced run of empty cells:
    neither is read as cell text (a name ``绿化项目 | ||``, an amount ``153.5 | |||``)."""
    assert detect_layout(PIPE_CELLS_TRAILING) == "pipe-cells"
    document, _problems = read_text(PIPE_CELLS_TRAILING, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert project.name == "绿化项目"
    assert project.budget.total == Decimal("153.5")
    assert _rows(PIPE_CELLS_TRAILING) == [
        ("产出指标", "数量指标", "绿化公路", "=3500米"),
        ("产出指标", "质量指标", "树木成活率", "≥85%"),
    ]


# ---- a transfer's region table in pipe cells, few lines of pipes alone ------------------------------------

REGION_TABLE = """生猪调出大县奖励资金区域绩效目标表 | |||||
资金名称 |
生猪调出大县奖励资金 | ||||
中央主管部门 |
财政部 | ||||
资金情况 |
年度金额(万元): |
397 | |||
其中:中央补助(万元) |
397 | ||||
一级指标 |
二级指标 |
三级指标 |
单位 |
指标值 | |
绩效指标 |
产出指标 |
数量指标 |
猪肉产量稳定率 |
% |
≥95% |
能繁母猪稳定率 |
% |
90% | |||
"""


def test_pipe_cells_whose_rows_end_in_trailing_empty_cells_are_told_apart() -> None:
    """Rows ended by ``text | ||||`` rather than by lines of pipes alone are still one cell per line."""
    assert detect_layout(REGION_TABLE) == "pipe-cells"


def test_region_table_names_its_fund_and_year_amount() -> None:
    """资金名称 names a transfer (as 专项名称 does) and 年度金额 is its year's amount; the block's side label
    绩效指标, given after the header row, opens no indicator."""
    document, problems = read_text(REGION_TABLE, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert project.name == "生猪调出大县奖励资金"
    assert project.budget.total == Decimal("397")
    assert not [p for p in problems if "绩效指标" in p.message], problems
    assert _rows(REGION_TABLE) == [
        ("产出指标", "数量指标", "猪肉产量稳定率", "≥95%"),
        ("产出指标", "数量指标", "能繁母猪稳定率", "90%"),
    ]


# ---- pipe rows: the page stops inside the last row's last cell --------------------------------------------

PIPE_ROWS_HEAD = """| 项目名称 | 就学补助 | | | |
| 预算数 | 7 | | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
| 产出指标 | 数量指标 | 补助人数 | ≥101人 | 10 |
| 产出指标 | 质量指标 | 发放率 | 100% | 10 |
| 产出指标 | 时效指标 | 及时发放率 | 100% | 10 |
"""


def test_pipe_rows_cut_inside_the_value_cell_is_a_cut_not_a_target() -> None:
    """``| 成本指标 | 补助标准 | 15`` with no closing ``|`` after rows that have one: the text stops inside
    that cell, so ``15`` is a fragment and the row is reported as cut, not read."""
    text = PIPE_ROWS_HEAD + "| 产出指标 | 成本指标 | 补助标准 | 15\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None
    assert [row[2] for row in _rows(text)] == ["补助人数", "发放率", "及时发放率"]
    assert any("表格在此中断" in p.message and p.source.line == 7 for p in problems)


def test_pipe_rows_cut_after_the_value_keep_the_indicator() -> None:
    """Cut inside the score after a whole 指标值: the indicator is read; the cut is reported."""
    text = PIPE_ROWS_HEAD + "| 产出指标 | 成本指标 | 补助标准 | 1500元 | 1\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None
    assert _rows(text)[-1] == ("产出指标", "成本指标", "补助标准", "1500元")
    assert any("表格在此中断" in p.message for p in problems)


FLAT_TWO_PROJECTS_CUT = """| 项目名称 | 预算数 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 分值 |
| 甲项目 | 100 | 产出指标 | 数量指标 | 培训人数 | 50人 | 10 |
| | | 满意度指标 | 服务对象满意度指标 | 学员满意度 | ≥95% | 10 |
| 乙项目 | 200 | 产出指标 | 数量指标 | 维修道路 | 3公里 | 10 |
| | | 产出指标 | 质量指标 | 验收合格率 | 100% | 10 |
| | | 产出指标 | 时效指标 | 完成时间 | 年底 | 1
"""


def test_a_cut_flat_table_is_cut_in_its_last_project_only() -> None:
    """A flat table of several projects cut at its end: only the last project's last row is cut; the
    projects before it are whole (no cut reported at their last rows)."""
    document, problems = read_text(FLAT_TWO_PROJECTS_CUT, "t.txt")
    assert document is not None
    assert [p.name for p in document.projects] == ["甲项目", "乙项目"]
    assert [len(p.indicators) for p in document.projects] == [2, 3]
    cuts = [p for p in problems if "表格在此中断" in p.message]
    assert cuts and all(p.source.line == 6 for p in cuts), cuts


# ---- traditional characters: read converted (tests/readers/test_traditional_and_units.py) ---------------

def test_a_simplified_table_gets_no_traditional_script_note() -> None:
    text = ("| 项目名称 | 某某经费 | |\n"
            "| 一级指标 | 二级指标 | 三级指标 | 指标值 |\n")
    _document, problems = read_text(text, "t.txt")
    assert not [p for p in problems if "繁体字" in p.message]


# ---- levels shifted one column: the form's 一级 is a group above the framework's ---------------------------

SHIFTED_LEVELS = """专项名称 |
农业绿色发展专项 | ||||
下达中央预算内投资(万元) |
2350 | ||||
一级指标 |
二级指标 |
三级指标 |
指标值 | |
实施效果指标 |
产出指标 |
建设项目个数 |
1 | ||
竣工验收合格率 |
100% | ||||
效益指标 |
粪污综合利用率 |
≥90% | |||
"""


def test_levels_shifted_by_a_group_above_the_framework_level1() -> None:
    """实施效果指标 | 产出指标 | 三级 | 指标值 under 一级 | 二级 | 三级 | 指标值 (a central investment plan's
    form): the group is the 一级 and the framework's 一级 names (产出指标, 效益指标) stand as 二级."""
    document, problems = read_text(SHIFTED_LEVELS, "t.txt")
    assert document is not None
    assert document.projects[0].budget.total == Decimal("2350")
    assert _rows(SHIFTED_LEVELS) == [
        ("实施效果指标", "产出指标", "建设项目个数", "1"),
        ("实施效果指标", "产出指标", "竣工验收合格率", "100%"),
        ("实施效果指标", "效益指标", "粪污综合利用率", "≥90%"),
    ]
    assert not [p for p in problems if "缺少一级或二级" in p.message]


def _line_cells(rows: list[list[str]]) -> str:
    """One cell a line, a ``|`` line after each cell and before each row (text taken from a PDF)."""
    return "".join("|\n" + "".join(f"{cell}\n|\n" for cell in row) for row in rows)


LINE_CELL_ROWS = [["项目名称", "某某经费", "", ""], ["一级指标", "二级指标", "三级指标", "指标值"],
                  ["产出指标", "数量指标", "完成数量", "10个"], ["产出指标", "质量指标", "验收合格率", "100%"],
                  ["效益指标", "社会效益指标", "群众受益", "解决群众饮水困难"]]


def test_line_cells_that_stop_inside_the_last_cell_are_a_cut_not_a_target() -> None:
    """Cells a line each, separated by ``|`` lines: a text whose last line is a cell with no ``|`` after
    it stops inside that cell, so ``解决`` is a fragment, not the target."""
    whole = _line_cells(LINE_CELL_ROWS)
    assert detect_layout(whole) == "line-cells"
    document, problems = read_text(whole, "t.txt")
    assert document is not None and not any("表格在此中断" in p.message for p in problems)
    assert [i.target.raw for i in document.projects[0].indicators] == ["10个", "100%", "解决群众饮水困难"]
    cut = whole[:whole.rindex("解决") + 2]
    document, problems = read_text(cut, "t.txt")
    assert document is not None
    assert [i.target.raw for i in document.projects[0].indicators] == ["10个", "100%"]
    assert any("表格在此中断" in p.message for p in problems)


# ---- a target that is only a comparison sign ------------------------------------------------------------

SIGN_ONLY_TARGET = """| 项目名称 | 营养改善计划 | | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 受资助人数 | ≥735人次 |
| 满意度指标 | 服务对象满意度指标 | 学生满意度 | ≧ |
| 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥95% |
"""


def test_a_sign_without_its_value_is_no_target() -> None:
    """``学生满意度 | ≧`` inside the table (not its cut last row): the value is missing, so the row's cells
    do not line up with the header; the row is refused with an error at it, the rows around it are read."""
    document, problems = read_text(SIGN_ONLY_TARGET, "t.txt")
    assert document is not None
    assert [row[2:] for row in _rows(SIGN_ONLY_TARGET)] == [("受资助人数", "≥735人次"), ("家长满意度", "≥95%")]
    assert any("只有比较符号" in p.message and p.source.line == 4 for p in problems)


REGION_FUNDS = """| 项目名称 | 食品监管补助资金 | |
| 预算数 | 2.38 | |
| 其中:中央补助 | {part} | |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 抽检批次 | ≥100批次 |
| 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
"""


def test_the_money_unit_written_only_after_a_part_of_the_same_amount_is_the_tables() -> None:
    """No money unit anywhere but ``2.38 万元`` in a part line of the budget's own amount: 万元, with a note."""
    document, problems = read_text(REGION_FUNDS.format(part="2.38  万元"), "t.txt")
    assert document is not None and document.money_unit == "万元"
    assert str(document.projects[0].budget.total) == "2.38"
    assert any("按金额后所写的单位取「万元」" in p.message for p in problems)


def test_a_unit_after_another_amount_is_no_money_unit_of_the_table() -> None:
    document, problems = read_text(REGION_FUNDS.format(part="500元"), "t.txt")
    assert document is not None and document.money_unit is None
    assert not any("按金额后所写的单位" in p.message for p in problems)


FUNDS_WITH_MERGED_BLANKS = ("项目名称\t\t校舍维修\t\t\t\n"
                            "预算执行情况(万元)(20分)\t\t预算数(A)\t\t执行数(B)\t\t执行率(B/A)\n"
                            "年度财政资金总额\t\t{amounts}\n"
                            "一级指标\t二级指标\t三级指标\t年初目标值\t实际完成值\t得分\n"
                            "产出指标\t数量指标\t维修面积\t800\t800\t10\n")


def test_a_funds_grid_whose_merged_cells_stay_blank_is_read_by_position() -> None:
    """A PDF's or Word's funds grid keeps its columns with merged cells as blanks (预算数(A) | | 执行数(B)
    over 50 | | 10): each amount is its column's, not the next cell in order."""
    document, _ = read_text(FUNDS_WITH_MERGED_BLANKS.format(amounts="50\t\t10\t\t20"), "t.txt")
    assert document is not None
    (project,) = document.projects
    assert project.budget.total == Decimal("50")
    assert ("年度财政资金总额/执行数", "10") in project.extras
    # amounts beside the columns (the rows do not keep them): read in order as before
    document, _ = read_text(FUNDS_WITH_MERGED_BLANKS.format(amounts="\t50\t10\t20"), "t.txt")
    assert document is not None and document.projects[0].budget.total is None


BROKEN_PIPE_CELL = """项目支出绩效目标表
|
项目名称 |
体育赛事 | ||
项目资金
(万元) |
年度资金总额: |
1000 | ||
一级
指标 |
二级指标 |
三级指标 |
指标值 |
效益指标 |
可持续影响指标 |
打造系列
品牌赛事 |
影响可持续 |
满意度指标 |
满意度指标 |
群众满意度 |
≥95% |
|
|
"""


def test_a_pipe_cell_with_a_line_break_inside_is_one_cell() -> None:
    """One cell a line ending in `` |``: a line without its closing ``|`` inside the table is the first
    line of a cell that holds a line break (``打造系列`` / ``品牌赛事 |``), not a cell of its own; the
    heading above the table stays a line of its own. The name broken in its cell is one name (forms42)."""
    document, _ = read_text(BROKEN_PIPE_CELL, "t.txt")
    assert document is not None
    (project,) = document.projects
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("打造系列品牌赛事", "影响可持续"),
                                                                      ("群众满意度", "≥95%")]
    assert (project.name, project.budget.total, project.title) == ("体育赛事", Decimal("1000"), "项目支出绩效目标表")


# ---- the old Fujian form: 绩效目标 | 评价指标 | 绩效内容 | 绩效标准 | 全年绩效目标, cells apart by spaces ----------

OLD_FORM_SPACE_ROWS = """2018年财政支出项目绩效目标表
专项名称 乡村道路养护经费
绩效目标 评价指标 绩效内容 绩效标准 全年绩效目标
投入 成本目标 目标1 养护道路里程 每公里800元 按实际里程拨付
目标2 聘请养护人员 100% 100%
产出 质量目标 目标1 路面完好 良好 优良率90%
"""


def test_old_form_levels_and_list_numbers_apart() -> None:
    """The old form names its levels 绩效目标 | 评价指标 | 绩效内容 (no 级 anywhere) and its year's target
    全年绩效目标 (绩效标准 is the standard, not the target); the 绩效内容 cell's list number is written apart
    from its text by a space (``目标1 养护…``): one cell, so each row has as many cells as the header."""
    assert detect_layout(OLD_FORM_SPACE_ROWS) == "space-rows"
    document, problems = read_text(OLD_FORM_SPACE_ROWS, "t.txt")
    assert document is not None, problems
    assert [p.name for p in document.projects] == ["乡村道路养护经费"]
    assert _rows(OLD_FORM_SPACE_ROWS) == [
        ("投入", "成本目标", "目标1 养护道路里程", "按实际里程拨付"),
        ("投入", "成本目标", "目标2 聘请养护人员", "100%"),
        ("产出", "质量目标", "目标1 路面完好", "优良率90%"),
    ]


def test_goal_label_stays_a_goal_outside_the_old_level_header() -> None:
    """绩效目标 is a level column only at the head of a row that goes on 评价指标 | 绩效内容; elsewhere it stays
    the header block's goals label."""
    text = """项目名称 图书购置
年度资金总额 20
绩效目标 购置图书2000册
一级指标 二级指标 三级指标 指标值
产出指标 数量指标 购置图书 2000册
"""
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert _rows(text) == [("产出指标", "数量指标", "购置图书", "2000册")]
    assert any("购置图书2000册" in goal for goal in document.projects[0].goals)


def test_list_number_before_a_value_is_not_joined() -> None:
    """A list number with a value after it (``指标1 ≥90%``) stays a cell of its own (here the template's
    placeholder row, skipped as before): the value is never joined into a 三级 name."""
    text = """项目名称 图书购置
一级指标 二级指标 三级指标 指标值
产出指标 质量指标 指标1 ≥90%
产出指标 数量指标 购置图书 2000册
"""
    assert _rows(text) == [("产出指标", "数量指标", "购置图书", "2000册")]


def test_old_form_in_tab_cells() -> None:
    """The same old form as a Word extractor gives it (each cell a line after a tab): the one-pass path leaves
    it to the general one, which reads its levels."""
    rows = [["专项名称", "乡村道路养护经费"], ["绩效目标", "评价指标", "绩效内容", "绩效标准", "全年绩效目标"],
            ["投入", "成本目标", "目标1 养护道路里程", "每公里800元", "按实际里程拨付"],
            ["", "", "目标2 聘请养护人员", "100%", "100%"]]
    text = "2018年财政支出项目绩效目标表\n\n" + "\n\n".join("\n".join("\t" + c for c in row) for row in rows) + "\n"
    assert detect_layout(text) == "tab-cells"
    assert _rows(text) == [("投入", "成本目标", "目标1 养护道路里程", "按实际里程拨付"),
                           ("投入", "成本目标", "目标2 聘请养护人员", "100%")]


# ---- a whole form glued into one paragraph (a document site's preview) -------------------------------------

_GLUED_FORM_HEAD = ("项目绩效目标表(2022年度)项目名称农村公路养护项目属性延续项目主管部门某县交通运输局主管部门编码"
                    "项目单位某县公路养护中心项目负责人张某资金总额120万元财政拨款:120万元其他:0万元"
                    "项目概况" + "全县农村公路日常养护,保障道路安全畅通,改善群众出行条件,落实管养责任。" * 9 +
                    "项目绩效目标长期目标年度目标完成全县农村公路日常养护任务,道路优良率稳步提高。")
assert len(_GLUED_FORM_HEAD) > 400  # a paragraph of a whole form, not a line of glued cells


def test_one_paragraph_glued_form_header_read_rows_refused() -> None:
    """No layout takes a form glued into one paragraph (no line breaks at all); its header block is read by
    the glued labels (name, budget, the unit from 主管部门 — 主管部门编码 and 项目单位 are labels of their own),
    and its indicator part, rows and values run together on the same line with several value columns, is an
    error: no indicator is guessed."""
    text = (_GLUED_FORM_HEAD + "年度绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标88100质量指标88100"
            "效益指标社会效益指标68100满意度指标服务对象满意度指标90100\n")
    assert detect_layout(text) is None
    document, problems = read_text(text, "t.txt")
    assert document is not None
    project = document.projects[0]
    assert project.name == "农村公路养护"
    assert project.budget.total == Decimal("120")
    assert document.money_unit == "万元"
    assert project.indicators == ()
    assert any("无法可靠拆分" in p.message for p in problems)


def test_paragraph_without_a_glued_indicator_header_is_a_form_cut_before_its_indicators() -> None:
    """A long paragraph holding a form's title and header block but no glued indicator header is no whole glued
    form; since corpus16 it is read as a form cut before its indicators (readers/glued_cut_form.py): its name and
    budget, the cut an error. Prose without a form's title and name label stays refused (test_corpus16_layouts)."""
    text = _GLUED_FORM_HEAD * 3 + "\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None and len(document.projects) == 1
    assert document.projects[0].name == "农村公路养护" and document.projects[0].budget.total == Decimal("120")
    assert document.projects[0].indicators == ()
    assert any("没有找到指标表头行" in p.message and p.severity.value == "error" for p in problems)
