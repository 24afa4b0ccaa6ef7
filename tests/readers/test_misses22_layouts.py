"""Two silent losses of the reader and the same tables as other units write them (misses22): projects side by
side in one table (``项目名称 | 甲项目 | 乙项目``), and a header cell the page cut in two (``填报单位:桃源县 |
财政局``); each on a tiny inline document in pipe rows, tab rows, one cell a line, and through the Word, Excel
and HTML readers."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import _pipe_rows
from tests.readers.word_tables import excel_file, word_file

_TITLE = ["项目支出绩效目标表（2024年度）"]
_INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"],
               ["产出指标", "数量指标", "培训人次", "≥500人次"],
               ["效益指标", "社会效益指标", "群众知晓率", "≥90%"]]


def _tab_rows(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(row) for row in rows) + "\n"


def _lines(rows: list[list[str]]) -> str:
    return "\n".join(cell for row in rows for cell in row if cell) + "\n"


def _html(rows: list[list[str]], paragraphs: list[str] = ()) -> bytes:  # type: ignore[assignment]
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    lead = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body>{lead}<table>{cells}</table></body></html>".encode()


def _load_all(rows: list[list[str]]) -> list[tuple[str, object, list]]:
    """The table read from each form: pipe rows, tab rows, Word, Excel and HTML (the real readers)."""
    read = []
    for name, face in (("pipe", _pipe_rows), ("tab", _tab_rows)):
        document, problems = read_text(face(rows), "t.txt")
        read.append((name, document, problems))
    for name, data in (("t.docx", word_file(rows)), ("t.xlsx", excel_file(rows)), ("t.html", _html(rows))):
        result = load_bytes(data, name)
        read.append((name, result.document, list(result.problems)))
    return read


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_projects_side_by_side_with_a_value_column_each_are_read_both() -> None:
    # 项目名称 | 甲项目 | 乙项目 over a funds row of two amounts and one 指标值 column a project (headed by the
    # names or by 指标值 twice): two projects, each its own budget and targets (main: 甲 alone, 乙 an unlabelled text)
    for head in (["一级指标", "二级指标", "三级指标", "甲项目", "乙项目"],
                 ["一级指标", "二级指标", "三级指标", "指标值", "指标值"]):
        rows = [_TITLE, ["项目名称", "甲项目", "乙项目"], ["主管部门", "某局"], ["年度资金总额（万元）", "100", "50"],
                head,
                ["产出指标", "数量指标", "培训人次", "≥500人次", "≥300人次"],
                ["效益指标", "社会效益指标", "群众知晓率", "≥90%", "≥85%"]]
        for face, document, problems in _load_all(rows):
            assert document is not None and not _errors(problems), (face, problems)
            got = [(p.name, p.budget.total, [i.target.raw for i in p.indicators])  # type: ignore[attr-defined]
                   for p in document.projects]  # type: ignore[attr-defined]
            assert got == [("甲项目", Decimal("100"), ["≥500人次", "≥90%"]),
                           ("乙项目", Decimal("50"), ["≥300人次", "≥85%"])], (face, head, got)
            assert any("按列分成2个项目" in p.message for p in problems), face


def test_projects_side_by_side_over_one_value_column_are_an_error_at_the_second_name() -> None:
    # one 指标值 column for both, or a funds row whose amounts are not one a project: whose indicators and money
    # are whose is not in the text — a located error, the second name kept under 项目名称 (never dropped, never
    # unlabelled, never read as the first project's alone in silence)
    for funds in (["年度资金总额（万元）", "100", "50"], ["年度资金总额（万元）", "100"]):
        rows = [_TITLE, ["项目名称", "甲项目", "乙项目"], funds, *_INDICATORS]
        for face, document, problems in _load_all(rows):
            errors = _errors(problems)
            assert len(errors) == 1 and "并列写了2个项目（甲项目、乙项目）" in errors[0].message, (face, problems)
            assert errors[0].source.line == 2 or errors[0].source.row is not None, face
            [project] = document.projects  # type: ignore[attr-defined]
            assert ("项目名称", "乙项目") in project.extras, (face, project.extras)
            assert all(label for label, _ in project.extras), (face, project.extras)


def test_projects_side_by_side_with_one_amount_for_two_are_an_error() -> None:
    # a 指标值 column a project, but one amount under two names: one project's budget or both projects'? an error,
    # never the amount given to both
    rows = [_TITLE, ["项目名称", "甲项目", "乙项目"], ["年度资金总额（万元）", "100"],
            ["一级指标", "二级指标", "三级指标", "指标值", "指标值"],
            ["产出指标", "数量指标", "培训人次", "≥500人次", "≥300人次"]]
    for face, _document, problems in _load_all(rows):
        errors = _errors(problems)
        assert len(errors) == 1 and "并列写了2个项目" in errors[0].message, (face, problems)


def test_a_second_name_in_a_table_one_cell_a_line_is_kept_under_the_name_and_marked() -> None:
    # one cell a line, 乙项目 after 甲项目 could as well be the name's second line: kept under 项目名称 and marked
    # 需人工核对 (main: an unlabelled text, in silence), never read as a project of its own nor joined to the name
    document, _ = read_text(_lines([_TITLE, ["项目名称", "甲项目", "乙项目"], ["年度资金总额（万元）", "100"],
                                    *_INDICATORS]), "t.txt")
    assert document is not None and [p.name for p in document.projects] == ["甲项目"]
    [project] = document.projects
    assert ("项目名称", "乙项目") in project.extras, project.extras
    assert any("可能是名称的第二行，也可能是并列的另一个项目" in note for note in project.needs_check)


def test_a_name_row_that_goes_on_with_an_unknown_label_is_no_second_project() -> None:
    # 项目名称 | 某项目 | 部门预算 | 70.00 (a label the reader does not know, and its value), 项目名称 | 某项目 |
    # 2024年3月: not projects side by side, read as before
    for rest in (["部门预算", "70.00"], ["项目编号"], ["2024年3月"]):
        rows = [_TITLE, ["项目名称", "农村实用技术培训经费", *rest], ["年度资金总额（万元）", "100"], *_INDICATORS]
        document, problems = read_text(_pipe_rows(rows), "t.txt")
        assert document is not None and not _errors(problems), (rest, problems)
        assert [p.name for p in document.projects] == ["农村实用技术培训经费"]


def _unit_and_notes(document: object) -> tuple[str | None, tuple[str, ...]]:
    [project] = document.projects  # type: ignore[attr-defined]
    return document.unit.name, project.needs_check  # type: ignore[attr-defined]


def test_the_filing_unit_as_a_label() -> None:
    # 填报单位:桃源县财政局 (one cell, a line above the table) and 填报单位 | 桃源县财政局 (two cells): the table's
    # unit (main: two unlabelled texts, or nothing at all above the table)
    body = [["项目名称", "农村实用技术培训经费"], ["年度资金总额（万元）", "100"], *_INDICATORS]
    for unit_row in (["填报单位:桃源县财政局"], ["填报单位", "桃源县财政局"],
                     ["填报单位(盖章)", "(盖章)", "桃源县财政局"]):
        for face, document, problems in _load_all([_TITLE, unit_row, *body]):
            assert document is not None and not _errors(problems), (face, problems)
            assert _unit_and_notes(document)[0] == "桃源县财政局", (face, unit_row)
            [project] = document.projects  # type: ignore[attr-defined]
            assert all(label for label, _ in project.extras), (face, project.extras)
    text = "项目支出绩效目标表（2024年度）\n填报单位:桃源县财政局\n" + _tab_rows(body)
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems) and _unit_and_notes(document)[0] == "桃源县财政局"


def test_a_header_cell_cut_in_two_is_joined_and_marked() -> None:
    # 填报单位:桃源县 | 财政局 (the cell boundary the page put in the value), and the same over two lines above
    # the table: joined, 需人工核对 (main: two unlabelled texts, the unit lost)
    body = [["项目名称", "农村实用技术培训经费"], ["年度资金总额（万元）", "100"], *_INDICATORS]
    for face, document, problems in _load_all([_TITLE, ["填报单位:桃源县", "财政局"], *body]):
        assert document is not None and not _errors(problems), (face, problems)
        unit, notes = _unit_and_notes(document)
        assert unit == "桃源县财政局" and any("已接为「桃源县财政局」" in n for n in notes), (face, unit, notes)
        [project] = document.projects  # type: ignore[attr-defined]
        assert all(label for label, _ in project.extras), (face, project.extras)
    for face, text in (("tab", "项目支出绩效目标表（2024年度）\n填报单位:桃源县\n财政局\n" + _tab_rows(body)),
                       ("lines", "项目支出绩效目标表（2024年度）\n填报单位:桃源县\n财政局\n" + _lines(body))):
        document, problems = read_text(text, "t.txt")
        assert document is not None and not _errors(problems), (face, problems)
        unit, notes = _unit_and_notes(document)
        assert unit == "桃源县财政局" and any("已接为「桃源县财政局」" in n for n in notes), (face, unit, notes)
    for name, data in (("t.docx", word_file(body, paragraphs=["项目支出绩效目标表", "填报单位:桃源县", "财政局"])),
                       ("t.html", _html(body, ["项目支出绩效目标表", "填报单位:桃源县", "财政局"]))):
        result = load_bytes(data, name)
        assert result.document is not None and not _errors(list(result.problems)), (name, result.problems)
        unit, notes = _unit_and_notes(result.document)
        assert unit == "桃源县财政局" and any("已接为「桃源县财政局」" in n for n in notes), (name, unit, notes)


def test_label_lines_then_a_title_stay_the_tables() -> None:
    # 单位名称：某局 above the title, then the table: the line is the table's (main: a table of its own, an error)
    text = "单位名称:桃源县财政局\n项目支出绩效目标表（2024年度）\n" + _tab_rows(
        [["项目名称", "农村实用技术培训经费"], ["年度资金总额（万元）", "100"], *_INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    assert _unit_and_notes(document)[0] == "桃源县财政局"
    assert document.projects[0].fund_year == 2024


def test_the_options_of_a_label_one_a_cell_stay_under_it() -> None:
    # 项目属性 | 新增项目□ | 延续项目√: the second option was an unlabelled text
    rows = [_TITLE, ["项目名称", "农村实用技术培训经费"], ["项目属性", "新增项目□", "延续项目√"],
            ["年度资金总额（万元）", "100"], *_INDICATORS]
    for face in (_pipe_rows, _tab_rows):
        document, problems = read_text(face(rows), "t.txt")
        assert document is not None and not _errors(problems)
        extras = document.projects[0].extras
        assert ("项目属性", "新增项目□") in extras and ("项目属性", "延续项目√") in extras, extras


def test_the_midterm_total_beside_the_year_total_stays_under_its_label() -> None:
    # Anhui's 项目资金(万元) | 中期资金总额: | 449.8 | 年度资金总额: | 189.8 (40, 90, 111, 123, 141): the 中期 amount
    # kept under its label (main: two unlabelled texts), the budget the year's
    rows = [_TITLE, ["项目名称", "农村实用技术培训经费"],
            ["项目资金（万元）", "中期资金总额:", "449.8", "年度资金总额:", "189.8"], *_INDICATORS]
    for face, document, problems in _load_all(rows):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert project.budget.total == Decimal("189.8"), (face, project.budget)
        assert ("中期资金总额", "449.8") in project.extras, (face, project.extras)
        assert all(label for label, _ in project.extras), (face, project.extras)


def test_a_label_line_whose_value_holds_another_pair() -> None:
    # 单位名称:某社 填报日期:2023年4月15日 (one space between: 86, 129, r88): the unit 某社, the date a text of its own
    # (main: the unit 某社 填报日期:2023年4月15日); 填报单位: 单位负责人: with no unit stays text
    body = [["项目名称", "农村实用技术培训经费"], ["年度资金总额（万元）", "100"], *_INDICATORS]
    for label in ("单位名称", "填报单位"):
        text = f"项目支出绩效目标表（2024年度）\n{label}:昌宁县供销社 填报日期:2023年4月15日\n" + _tab_rows(body)
        document, problems = read_text(text, "t.txt")
        assert document is not None and not _errors(problems), problems
        assert document.unit.name == "昌宁县供销社", (label, document.unit)
        assert ("", "填报日期:2023年4月15日") in document.projects[0].extras
        assert document.projects[0].fund_year == 2024
    text = "项目支出绩效目标表（2024年度）\n填报单位: 单位负责人:(略)\n" + _tab_rows(body)
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems) and document.unit.name is None
