"""Real tables' layouts main refused or misread (reading25): a small indicator table in pipe rows (a project of one
to three indicators: main wanted five rows with a ``|`` before it took the text for pipe rows, and refused the
whole table, 没有找到可识别的绩效目标表), and a goal written over several lines under its label line
(``年度目标：`` / ``1.…`` / ``2.…``: main took ``2.…`` for the project's sequence number and title and lost the
goals), in text, Word and HTML."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from perfbudget.readers.text import read_text
from tests.readers.word_tables import word_file

_INDICATORS = [["一级指标", "二级指标", "三级指标", "指标值"],
               ["产出指标", "数量指标", "农村公路养护里程", "≥100公里"],
               ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"]]
_LINES = ["项目名称：农村公路养护", "主管部门：某县交通运输局", "年度资金总额：16万元"]
_GOALS = ["年度目标：", "1.完成农村公路养护100公里；", "2.保障道路安全畅通。"]


def _errors(problems: list) -> list:
    return [p for p in problems if p.severity is Severity.ERROR]


def _pipe_text(lines: list[str], rows: list[list[str]] = _INDICATORS) -> str:
    return "\n".join(["项目支出绩效目标表", *lines, *("| " + " | ".join(row) + " |" for row in rows)]) + "\n"


def _html(rows: list[list[str]], paragraphs: list[str]) -> bytes:
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    lead = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body>{lead}<table>{cells}</table></body></html>".encode()


def _read_all(lines: list[str]) -> list[tuple[str, object, list]]:
    """The table with ``lines`` above it, read from pipe rows, tab rows, Word and HTML (the real readers)."""
    read = []
    for face, text in (("pipe", _pipe_text(lines)),
                       ("tab", "\n".join(["项目支出绩效目标表", *lines, *("\t".join(r) for r in _INDICATORS)]) + "\n")):
        document, problems = read_text(text, "t.txt")
        read.append((face, document, problems))
    for name, data in (("t.docx", word_file(_INDICATORS, paragraphs=["项目支出绩效目标表", *lines])),
                       ("t.html", _html(_INDICATORS, ["项目支出绩效目标表", *lines]))):
        result = load_bytes(data, name)
        read.append((name, result.document, list(result.problems)))
    return read


def test_a_small_table_in_pipe_rows_is_read() -> None:
    for rows in (_INDICATORS, _INDICATORS[:2]):  # two indicators, one
        document, problems = read_text(_pipe_text(_LINES, rows), "t.txt")
        assert document is not None and not _errors(problems), problems
        [project] = document.projects
        assert (project.name, project.budget.total) == ("农村公路养护", Decimal("16"))
        assert [(i.level3, i.target.raw) for i in project.indicators] == [(r[2], r[3]) for r in rows[1:]]


def test_a_few_pipe_lines_without_an_indicator_header_are_no_table() -> None:
    text = "项目支出绩效目标表\n| 项目名称 | 农村公路养护 |\n| 主管部门 | 某县交通运输局 |\n"
    document, problems = read_text(text, "t.txt")
    assert document is None and _errors(problems)


def test_a_goal_over_numbered_lines_gives_each_goal() -> None:
    for lines in ([*_LINES, *_GOALS], [*_LINES, _GOALS[0] + _GOALS[1], _GOALS[2]]):
        for face, document, problems in _read_all(lines):
            assert document is not None and not _errors(problems), (face, problems)
            [project] = document.projects  # type: ignore[attr-defined]
            assert list(project.goals) == ["完成农村公路养护100公里；", "保障道路安全畅通。"], (face, project.goals)
            assert project.seq != 2 and "保障" not in (project.title or ""), (face, project.seq, project.title)
            assert project.name == "农村公路养护" and project.budget.total == Decimal("16"), face
            assert len(project.indicators) == 2, face


def test_a_goal_over_lines_under_its_section_title() -> None:
    lines = ["一、项目基本情况", *_LINES, "二、绩效目标", "（一）年度目标", "（1）完成农村公路养护100公里；",
             "（2）保障道路安全畅通。", "（二）绩效指标"]
    for face, document, problems in _read_all(lines):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert list(project.goals) == ["完成农村公路养护100公里；", "保障道路安全畅通。"], (face, project.goals)


def test_a_sentence_cut_by_the_line_is_joined_and_a_title_after_the_goal_is_not() -> None:
    # a title and a section numbered in digits (2.绩效指标) after the goal stay headings
    lines = [*_LINES, "年度目标：完成农村公路养护100公里，", "保障道路安全畅通。", "农村公路养护项目绩效指标",
             "2.绩效指标"]
    for face, document, problems in _read_all(lines):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert list(project.goals) == ["完成农村公路养护100公里，保障道路安全畅通。"], (face, project.goals)


_REGIONS = [["项目名称", "省级水利专项资金", "主管部门", "某县水利局"],
            ["资金总额", "100", "其中:财政拨款", "100"],
            ["一级指标", "二级指标", "三级指标", "指标解释", "西坪镇尧山村", "桃舟乡吾培村", "芦田镇三洋村"],
            ["产出指标", "数量指标", "开展小型水利工程建设(个)", "反映工程开展情况", "1", "1", "1"],
            ["", "质量指标", "工程验收合格率", "反映工程质量", "100%", "100%", "100%"],
            ["满意度指标", "服务对象满意度指标", "受益群众满意度", "反映满意程度", "≥90%", "≥90%", "≥90%"]]


def _region_documents(rows: list[list[str]]) -> list[tuple[str, object, list]]:
    text = "\n".join(["水利专项资金绩效目标表", *("| " + " | ".join(r) + " |" for r in rows)]) + "\n"
    read = [("pipe", *read_text(text, "t.txt"))]
    result = load_bytes(word_file(rows, paragraphs=["水利专项资金绩效目标表"]), "t.docx")
    return [*read, ("t.docx", result.document, list(result.problems))]


def test_one_value_column_per_region_gives_the_value_every_region_gives() -> None:
    for face, document, problems in _region_documents(_REGIONS):
        assert document is not None and not _errors(problems), (face, problems)
        [project] = document.projects  # type: ignore[attr-defined]
        assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
            ("产出指标", "数量指标", "开展小型水利工程建设(个)", "1"),
            ("产出指标", "质量指标", "工程验收合格率", "100%"),
            ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%")], face
        assert ("桃舟乡吾培村", "1") in project.indicators[0].extras, (face, project.indicators[0].extras)


def test_regions_that_differ_give_no_target_and_an_error_at_the_row() -> None:
    rows = [*_REGIONS[:4], ["", "时效指标", "完工时间", "反映进度", "2022年12月", "2022年11月", "2022年12月"]]
    for face, _document, problems in _region_documents(rows):
        [error] = _errors(problems)
        assert "各区域的指标值不同" in error.message and "桃舟乡吾培村2022年11月" in error.message, (face, error)
        assert error.source.row == 5 or error.source.line == 6, (face, error.source)
