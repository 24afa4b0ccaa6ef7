"""The same real tables in the layouts units publish them (layouts24): a notice's ``label：value`` lines above the
indicator table, under numbered section titles (``一、项目基本情况`` / ``项目名称：…`` / ``年度资金总额：16万元`` /
``二、绩效目标``), in text (pipe and tab rows), Word and HTML. Main read the name, lost the funds lines as headings
(no budget, no word) and joined the next section's title to the name (``…资金二、项目资金三、绩效目标``)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.word_tables import word_file

_INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"],
               ["产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
               ["满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%"]]
_LINES = ["项目名称：农村义务教育薄弱学校改造补助资金", "主管部门：青山区教育局", "年度资金总额：16万元",
          "其中：财政拨款：16万元"]
_NUMBERED = ["一、项目基本情况", _LINES[0], _LINES[1], "二、项目资金", _LINES[2], _LINES[3], "三、绩效目标",
             "（一）绩效指标"]


def _html(rows: list[list[str]], paragraphs: list[str]) -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    lead = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body>{lead}<table>{cells}</table></body></html>".encode()


def _read_all(lines: list[str]) -> list[tuple[str, object, list]]:
    """The notice read from pipe rows, tab rows, Word and HTML (the real readers)."""
    read = []
    for face, separator in (("pipe", " | "), ("tab", "\t")):
        text = "\n".join(["绩效目标表", *lines, *(separator.join(row) for row in _INDICATORS)]) + "\n"
        document, problems = read_text(text, "t.txt")
        read.append((face, document, problems))
    for name, data in (("t.docx", word_file(_INDICATORS, paragraphs=["绩效目标表", *lines])),
                       ("t.html", _html(_INDICATORS, ["绩效目标表", *lines]))):
        result = load_bytes(data, name)
        read.append((name, result.document, list(result.problems)))
    return read


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def test_funds_lines_after_the_name_line_give_the_budget() -> None:
    for face, document, problems in _read_all(_LINES):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert project.name == "农村义务教育薄弱学校改造补助资金", face
        assert (project.budget.total, project.budget.fiscal) == (Decimal("16"), Decimal("16")), (face, project.budget)
        assert document.money_unit == "万元", face  # type: ignore[attr-defined]
        assert [(i.level3, i.target.raw) for i in project.indicators] == [
            ("农村义务教育学校改造覆盖率", "100%"), ("学生家长满意度", "≥90%")], face


def test_numbered_section_titles_are_no_part_of_the_name() -> None:
    for face, document, problems in _read_all(_NUMBERED):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert project.name == "农村义务教育薄弱学校改造补助资金", (face, project.name)
        assert not project.needs_check, (face, project.needs_check)
        assert project.budget.total == Decimal("16"), (face, project.budget)


def test_a_value_cut_onto_the_next_line_is_still_joined() -> None:
    # 填报单位:桃源县 / 财政局 (misses22) is joined as before, and the funds line after the name line is read
    text = "绩效目标表\n填报单位:桃源县\n财政局\n项目名称：农村实用技术培训\n年度资金总额（万元）：50\n" \
        + "\n".join("\t".join(row) for row in _INDICATORS) + "\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    assert document.unit is not None and document.unit.name == "桃源县财政局"
    assert document.projects[0].budget.total == Decimal("50")


def test_a_sentence_after_the_label_lines_is_no_label_line() -> None:
    # a line without a label (a sentence, a date) after the name line is not read as a pair: the budget line
    # after it is not taken either, and nothing is invented
    text = "绩效目标表\n项目名称：农村实用技术培训\n本项目由县农业农村局实施。\n" \
        + "\n".join(" | ".join(row) for row in _INDICATORS) + "\n"
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems), problems
    assert document.projects[0].name == "农村实用技术培训" and document.projects[0].budget.total is None


def _word_nested(label: str) -> bytes:
    """A Word form whose indicator table is drawn inside its last row's cell (a table nested in a cell), the cell's
    own paragraph ``label`` above it (or none)."""
    import io

    import docx  # python-docx

    document = docx.Document()
    document.add_paragraph("项目支出绩效目标表")
    outer = document.add_table(rows=3, cols=2)
    for r, (left, right) in enumerate([("项目名称", "农村实用技术培训"), ("年度资金总额（万元）", "50")]):
        outer.cell(r, 0).text, outer.cell(r, 1).text = left, right
    outer.cell(2, 0).text = "绩效指标"
    cell = outer.cell(2, 1)
    cell.text = label
    inner = cell.add_table(rows=len(_INDICATORS), cols=4)
    for r, row in enumerate(_INDICATORS):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_an_indicator_table_nested_in_a_cell_of_the_form_is_read() -> None:
    # main: the nested table's text was one cell (没有找到指标表头行, no indicator)
    for label in ("", "年度绩效指标"):
        result = load_bytes(_word_nested(label), "t.docx")
        document, problems = result.document, list(result.problems)
        assert document is not None and not _errors(problems), (label, problems)
        [project] = document.projects
        assert project.name == "农村实用技术培训" and project.budget.total == Decimal("50")
        assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
            ("产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"),
            ("满意度指标", "服务对象满意度指标", "学生家长满意度", "≥90%")], label
        source = project.indicators[1].sources["target"]
        assert (source.sheet, source.row, source.column) == ("表1第3行内嵌表格", 3, 4), source


def test_a_funds_part_the_labels_do_not_know_is_kept_not_dropped() -> None:
    # 其中：上级资金：16万元 among the label lines: kept with its amount (main: dropped as a heading, no word)
    lines = [_LINES[0], _LINES[2], "其中：上级资金：16万元"]
    for face, document, problems in _read_all(lines):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert project.budget.total == Decimal("16"), face
        texts = [cell for pair in project.extras for cell in pair]
        assert "其中：上级资金" in texts and "16万元" in texts, (face, project.extras)


def test_a_section_title_with_the_money_unit_gives_the_unit() -> None:
    # 二、项目资金（万元） then 年度资金总额：16: the unit is the section title's (main: no unit, no budget)
    lines = ["一、项目基本情况", _LINES[0], "二、项目资金（万元）", "年度资金总额：16", "三、绩效目标"]
    for face, document, problems in _read_all(lines):
        assert document is not None and not _errors(problems), (face, problems)
        assert document.money_unit == "万元", face  # type: ignore[attr-defined]
        [project] = document.projects  # type: ignore[attr-defined]
        assert project.name == "农村义务教育薄弱学校改造补助资金" and project.budget.total == Decimal("16"), face


def _sheet_with_date(number_format: str) -> bytes:
    """A sheet whose 时效 target is a date cell shown with ``number_format`` (as WPS and Excel store 完成时间)."""
    import datetime as dt
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in [["项目名称", "农村实用技术培训"], ["年度资金总额（万元）", 50], _INDICATORS[0], _INDICATORS[1],
                ["", "时效指标", "完成时间", dt.datetime(2024, 6, 30)]]:
        sheet.append(row)
    sheet.cell(5, 4).number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_date_target_reads_as_the_sheet_shows_it() -> None:
    # main: 2024-06-30 for a cell the sheet shows 2024年6月30日; since forms36 any date format is shown as written
    # (m/d/yyyy: 6/30/2024); the system's short date (built-in 14, openpyxl's mm-dd-yy), whose spelling depends on
    # the locale, was ISO 8601 until forms37 and is now as a Chinese (zh-CN) Excel and WPS show it: 2024/6/30
    for number_format, shown in (('yyyy"年"m"月"d"日"', "2024年6月30日"), ("yyyy\\年mm\\月dd\\日", "2024年06月30日"),
                                 ('[$-804]yyyy"年"m"月";@', "2024年6月"), ("yyyy-mm-dd", "2024-06-30"),
                                 ("m/d/yyyy", "6/30/2024"), ("mm-dd-yy", "2024/6/30")):
        result = load_bytes(_sheet_with_date(number_format), "t.xlsx")
        assert result.document is not None and not _errors(list(result.problems)), result.problems
        assert result.document.projects[0].indicators[-1].target.raw == shown, number_format


def test_the_goal_under_its_section_title_is_the_goal() -> None:
    # 三、绩效目标 / （一）年度目标 / the goal / （二）绩效指标: main dropped the goal as a heading line
    goal = "全面改善农村义务教育薄弱学校办学条件，提高义务教育均衡发展水平。"
    lines = [*_NUMBERED[:-2], "三、绩效目标", "（一）年度目标", goal, "（二）绩效指标"]
    for face, document, problems in _read_all(lines):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert project.goals == (goal,) or list(project.goals) == [goal], (face, project.goals)
        assert project.name == "农村义务教育薄弱学校改造补助资金" and project.budget.total == Decimal("16"), face
