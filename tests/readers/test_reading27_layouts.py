"""Real tables' layouts main misread (reading27): a form whose indicator rows stand under no header the reader
can place (a 项目库 form's ``指标类型 | 指标名称 | 指标值 | 指标描述``, its 指标名称 the 二级 and no 三级; a form
that lost its header row) was refused at the first of those rows — rightly — but its header block above was
never read: the project a person sees by its 项目名称 and budget was gone (共 0 个项目). It is now read as far
as that row, marked cut there (未完整), the error kept; nothing of the rows is taken for an indicator."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.word_tables import word_file

_REFUSED = "缺少指标表头行（一级指标、二级指标、三级指标、指标值），无法识别指标列"
_FORM = [["项目名称", "某市绿化养护经费", "项目编号", ""],
         ["项目联系人", "张某", "联系电话", "13800000000"],
         ["年度资金总额（万元）", "375", "其中：财政资金", "375"],
         ["项目绩效目标", "完成建成区绿化养护，改善城市生态环境", "", ""],
         ["指标类型", "指标名称", "指标值", "指标描述"],
         ["产出指标", "数量指标", "375万平方米", "完成全市375万平方米的绿地养护"],
         ["", "质量指标", "100%", "达到绿化绿地全覆盖"],
         ["满意度指标", "服务对象满意度指标", "≥95%", "满意率在95%以上"]]


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def _check(document: object, problems: list, line: int | None) -> None:
    assert document is not None, problems
    [project] = document.projects
    assert (project.name, project.budget.total) == ("某市绿化养护经费", Decimal("375")), project
    assert not project.indicators and not project.complete
    [error] = _errors(problems)
    assert error.message == _REFUSED and (line is None or error.source.line == line), error
    assert project.cut == error.source


def test_a_form_whose_indicator_rows_no_header_places_keeps_its_name_and_budget() -> None:
    text = "\n".join("| " + " | ".join(row) + " |" for row in _FORM) + "\n"
    document, problems = read_text(text, "t.txt")
    _check(document, problems, 6)
    result = load_bytes(word_file(_FORM), "t.docx")
    _check(result.document, list(result.problems), None)


def test_rows_no_header_places_with_no_form_above_give_no_project() -> None:
    # a fragment: the rows alone, or under a heading with no name or money — no project, an error as before
    for rows in (_FORM[5:], [["某市2024年项目绩效目标", "", "", ""], *_FORM[4:]]):
        document, problems = read_text("\n".join("| " + " | ".join(row) + " |" for row in rows) + "\n", "t.txt")
        assert document is None or not document.projects, document
        assert _errors(problems), problems


_CUT_AT_HEADER = "表格在此中断：指标表头之后没有指标行，表格被截断，文件可能不完整"
_HEADED = [["项目名称", "某县就业补助资金", "", ""],
           ["主管部门", "某县人社局", "实施单位", "某县就业服务中心"],
           ["年度资金总额（万元）", "120", "", ""],
           ["年度总体目标", "发放就业补助，稳定就业", "", ""],
           ["一级指标", "二级指标", "三级指标", "指标值"]]


def test_a_text_that_stops_at_the_indicator_header_is_cut_there() -> None:
    # a page copied up to the indicator header (41, 150's second form): the form read as far as it goes and
    # marked cut at the header, the error saying the file may be cut — not a whole table missing its rows
    document, problems = read_text("\n".join("| " + " | ".join(row) + " |" for row in _HEADED) + "\n", "t.txt")
    assert document is not None, problems
    [project] = document.projects
    assert (project.name, project.budget.total, project.complete) == ("某县就业补助资金", Decimal("120"), False)
    [error] = _errors(problems)
    assert error.message == _CUT_AT_HEADER and project.cut == error.source and error.source.line == 5, error


def test_a_word_table_ending_at_its_header_is_not_said_to_be_cut() -> None:
    # a Word table is whole as it is: its header without rows is an incomplete table, as before
    result = load_bytes(word_file(_HEADED), "t.docx")
    messages = [p.message for p in _errors(list(result.problems))]
    assert messages == ["表格不完整：指标表头之后没有指标行"], result.problems
