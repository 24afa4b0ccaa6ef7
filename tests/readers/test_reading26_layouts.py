"""Real tables' layouts main misread (reading26): a list of projects' evaluation results (a 专项债券 bond's
绩效评价情况表: ``序号 | 主管部门 | 项目单位 | 项目名称 | 发行金额(亿元) | 评价得分 | 评价结果 | 备注`` and a numbered
row a project), whose heads 主管部门 and 项目单位 are a form's labels too: main took it for a form cut before its
indicators and reported an error that the file was cut (表格在此中断…文件可能不完整). It is a summary, no project
table, told as such (提示) — in pipe rows, Word, and one cell a line, where the page drops an empty cell."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.word_tables import word_file

_SUMMARY = "这是各项目总分、自评等级的汇总表，不是项目表，未作为项目读取"
_HEADS = ["序号", "主管部门", "项目单位", "项目名称", "发行金额(亿元)", "评价得分", "评价结果", "备注"]
_ROWS = [_HEADS,
         ["1", "某县住建局", "某县市政中心", "某县污水处理设施建设工程", "0.4", "87", "良", "项目单位自评"],
         ["2", "某县住建局", "某县市政中心", "某县老旧小区改造项目", "0.1", "94", "优", "项目单位自评"],
         ["3", "某县住建局", "某县市政中心", "某县石羊溪水质提升工程", "1.36", "91", "优", "财政部门重点评价"],
         ["4", "某县住建局", "某县市政中心", "某县农村生活污水处理设施建设工程", "0.3", "90", "优",
          "项目单位自评"]]  # (five pipe rows: fewer are no pipe rows without an indicator header, reading25)
_TITLE = "某县住建局2024年度专项债券项目资金绩效评价情况表"


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def _is_summary(document: object, problems: list) -> bool:
    return document is not None and not document.projects and not _errors(problems) \
        and any(p.message == _SUMMARY for p in problems)


def test_a_list_of_projects_evaluation_results_is_a_summary_in_rows_of_cells() -> None:
    document, problems = read_text("\n".join([_TITLE, *("| " + " | ".join(r) + " |" for r in _ROWS)]) + "\n", "t.txt")
    assert _is_summary(document, problems), problems
    result = load_bytes(word_file(_ROWS, paragraphs=[_TITLE]), "t.docx")
    assert _is_summary(result.document, list(result.problems)), result.problems


def test_a_list_of_one_project_in_pipe_rows_is_a_summary() -> None:
    # two pipe rows are no pipe-rows text unless one heads an indicator table (reading25) or, now, a list
    rows = [_HEADS, _ROWS[1]]
    document, problems = read_text("\n".join([_TITLE, *("| " + " | ".join(r) + " |" for r in rows)]) + "\n", "t.txt")
    assert _is_summary(document, problems), problems
    # a form's two rows with the same labels and their values stay no table, as before
    form = [["项目名称", "某县污水处理设施建设工程", "评价得分", "87"], ["主管部门", "某县住建局", "评价结果", "良"]]
    document, problems = read_text("\n".join([_TITLE, *("| " + " | ".join(r) + " |" for r in form)]) + "\n", "t.txt")
    assert document is None and not any(p.message == _SUMMARY for p in problems)


def test_a_list_one_cell_a_line_is_a_summary_with_cells_left_out() -> None:
    # the page dropped the 序号 head's line above and each row's empty 评价结果: seven cells an entry
    tiantai = [_TITLE, "", *_HEADS[1:],
               "1", "某镇人民政府", "某环境工程有限公司", "某工业园区四期核心区", "0.7", "92", "项目单位自评",
               "2", "某镇人民政府", "某城镇建设开发有限公司", "某科创产业园工程", "0.1", "83", "主管部门委托第三方评价"]
    # a grade and no score: 评价结果 优
    yongjia = ["某镇专项债券项目资金绩效评价公开", "序号", "主管部门", "项目单位", "项目名称", "发行金额(亿元)",
               "评价结果", "备注", "1", "某镇人民政府", "某新农村建设投资有限公司", "某镇山区共同富裕样板区建设项目",
               "0.05", "优", "主管部门评价结果"]
    for lines in (tiantai, yongjia):
        document, problems = read_text("\n\n".join(lines) + "\n", "t.txt")
        assert _is_summary(document, problems), problems


def test_a_form_cut_before_its_indicators_stays_a_cut_form() -> None:
    # the same labels with their values beside them: a form's header block, no list — still the cut form it was,
    # in Word and one cell a line (where its amount 1 is no entry number: the cells before it hold a value)
    form = [["项目名称", "某县污水处理设施建设工程", "主管部门", "某县住建局"],
            ["项目单位", "某县市政中心", "评价结果", "良"],
            ["年度资金总额（万元）", "1", "评价得分", "87"]]
    result = load_bytes(word_file(form, paragraphs=[_TITLE]), "t.docx")
    lines = "\n\n".join([_TITLE, *(c for row in form for c in row)]) + "\n"
    for document, problems in ((result.document, list(result.problems)), read_text(lines, "t.txt")):
        assert document is not None and not any(p.message == _SUMMARY for p in problems), problems
        [project] = document.projects
        assert (project.name, project.budget.total) == ("某县污水处理设施建设工程", Decimal("1"))
        assert any("没有找到指标表头行" in p.message for p in _errors(problems)), problems


_CUT_FORM = [["项目名称", "某干渠防渗改造项目", "项目负责人及联系电话", "(略)"],
             ["主管部门", "某县水利局", "实施单位", "某县供水站"],
             ["项目属性", "新增项目", "项目期", "1年"], ["项目概况", "改造干渠5公里"], ["立项依据", "《某县水利规划》"]]


def _pipes(rows: list[list[str]]) -> str:
    return "\n".join(["绩效项目申报表", *("| " + " | ".join(r) + " |" for r in rows)]) + "\n"


def test_a_form_cut_before_its_budget_is_its_named_project_cut() -> None:
    # main: no project (a name without an amount), only a warning naming it
    document, problems = read_text(_pipes(_CUT_FORM), "t.txt")
    assert document is not None
    [project] = document.projects
    assert (project.name, project.budget.total, project.complete) == ("某干渠防渗改造项目", None, False)
    assert project.cut is not None and project.cut.line == 6
    assert [p.message for p in _errors(problems)] == [
        "表格在此中断：没有找到指标表头行（一级指标、二级指标、三级指标、指标值），表格被截断，文件可能不完整"]


def test_a_page_that_stops_in_the_name_gives_no_project() -> None:
    # the name cell is the last the page holds: the name may be cut too — no project, a warning says why
    document, problems = read_text(_pipes([*_CUT_FORM[1:], ["项目名称", "某干渠防渗改造"]]), "t.txt")
    assert document is not None and not document.projects
    assert any("「某干渠防渗改造」既没有预算也没有指标，表格在项目名称处被截断" in p.message for p in problems)
    # and a table that is not cut (a Word table, whole) with a name and no amount stays no project
    result = load_bytes(word_file(_CUT_FORM), "t.docx")
    assert result.document is not None and not result.document.projects
