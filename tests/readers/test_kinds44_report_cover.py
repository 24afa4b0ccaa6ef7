"""A report form's cover and funds one cell a paragraph, as a finance bureau's page gives them (kinds44, corpus `95`,
Hunan's 财政支出项目绩效评价自评报告):

* ``项目名称            代表之家`` — the label, a wide gap, the value, no colon — was no pair: the name was lost
  (kinds43 read only the colon's form, ``部门(单位)名称:  某局``);
* ``主管部门`` left empty on the cover, then ``评价方式: 自评``: the pair of its own was taken for the department's
  value, the budget unit read as 「评价方式: 自评」;
* ``计划安排资金`` / ``(万元)`` / ``48``: the plan's funds (the budget) and its unit note in a paragraph of its own —
  the label was unknown, and a note read as a label's value left its amount over.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.model import Severity
from perfbudget.readers import read_bytes
from perfbudget.readers.label_lines import is_blank_to_fill, label_line_cells, lead_line_cells
from perfbudget.readers.text import read_text

INDICATORS = ("一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "活动次数", "≥50次")


def _read(*cells: str) -> tuple[object, list[object]]:
    document, problems = read_text("\n\n".join((*cells, *INDICATORS)) + "\n", "t.txt")
    assert document is not None
    return document, problems


def test_a_cover_label_and_its_value_after_a_gap_without_a_colon() -> None:
    assert label_line_cells("项目名称            代表之家") == ("项目名称", "代表之家")
    assert lead_line_cells("项目单位\u3000\u3000某区人大办") == ("项目单位", "某区人大办")
    # (guards: a label alone, a value that is a label, an amount, three parts, a label the reader does not know)
    assert [label_line_cells(line) for line in ("项目名称", "项目名称      主管部门", "项目名称      48",
                                                "项目名称   甲   乙", "评价方式      自评")] == [None] * 5


def test_the_cover_gives_the_projects_name() -> None:
    document, problems = _read("某区财政支出项目绩效评价自评报告", "项目名称            代表之家", "计划安排资金", "48")
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    (project,) = document.projects  # type: ignore[attr-defined]
    assert project.name == "代表之家"


def test_a_pair_of_its_own_after_an_empty_department_is_no_unit() -> None:
    document, problems = _read("项目名称", "代表之家", "主管部门", "评价方式: 自评", "计划安排资金", "48")
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    assert document.unit.name is None  # type: ignore[attr-defined]
    (project,) = document.projects  # type: ignore[attr-defined]
    # the empty 主管部门 is no extra; the pair is kept, an unlabelled text of the header block
    assert project.extras == (("", "评价方式: 自评"),)


def test_the_plans_funds_with_their_unit_note_in_a_paragraph_of_their_own_are_the_budget() -> None:
    document, problems = _read("项目名称", "代表之家", "计划安排资金", "(万元)", "48", "实际到位资金", "(万元)", "48")
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    (project,) = document.projects  # type: ignore[attr-defined]
    assert str(project.budget.total) == "48"  # type: ignore[attr-defined]
    assert document.money_unit == "万元"  # type: ignore[attr-defined]


def test_a_form_cut_at_its_indicator_headers_first_columns_after_its_goals_keeps_its_project() -> None:
    # the goals' 预期目标 | 实际完成 and the indicator header's 一级指标 | 二级指标 | 指标内容 (the text stops
    # there) made the whole form, one cell a paragraph, one header row: no project read, its name and budget lost
    cells = ("某区财政支出项目绩效评价自评报告", "项目名称", "代表之家", "年度资金总额", "48",
             "项目绩效定性目标完成情况", "预期目标", "实际完成", "全面完成代表之家建设。", "已建成代表之家16个。",
             "项目绩效定量目标及完成情况", "一级指标", "二级指标", "指标内容")
    document, problems = read_text("\n\n".join(cells) + "\n", "t.txt")
    assert document is not None
    (project,) = document.projects
    assert (project.name, str(project.budget.total), project.complete) == ("代表之家", "48", False)
    # (the header's first columns were found: cut after them, at 指标内容 — not 没有找到指标表头行, kinds44's mend)
    (cut,) = [p for p in problems if p.severity is Severity.ERROR]
    assert cut.message == "表格在此中断：指标表头之后没有指标行，表格被截断，文件可能不完整"
    assert cut.source.line == 27  # 指标内容's paragraph (the 14th)


# The second reading of kinds44: the header block's rule is the stream's, decided by what the row holds (a label of
# the block before the value column), not by a bare figure in it — a grid's two-row header whose upper row holds
# one read as on the base, and a form whose funds are 48万元 or 1,234.5, or that has none, keeps its project.
@pytest.mark.parametrize("money", [("年度资金总额", "48万元"), ("年度资金总额", "1,234.5"), ()])
def test_a_form_cut_at_its_indicator_header_keeps_its_project_whatever_its_funds(money: tuple[str, ...]) -> None:
    cells = ("某区财政支出项目绩效评价自评报告", "项目名称", "代表之家", *money, "预期目标", "实际完成",
             "全面完成代表之家建设。", "已建成代表之家16个。", "一级指标", "二级指标", "指标内容")
    document, _problems = read_text("\n\n".join(cells) + "\n", "t.txt")
    assert document is not None
    (project,) = document.projects
    assert (project.name, project.budget.total) == ("代表之家", Decimal("1234.5") if "1,234.5" in money
                                                    else Decimal(48) if money else None)


@pytest.mark.parametrize("top", [("绩效指标", "", "", "年度指标值", "2024", "2025"),
                                 ("绩效指标", "", "", "指标值", "分值", "100")])
def test_a_two_row_header_whose_upper_row_holds_a_figure_is_still_a_header(top: tuple[str, ...]) -> None:
    rows = (("项目名称", "某项目", "", "", "", ""), top, ("一级指标", "二级指标", "三级指标", "", "", ""),
            ("产出指标", "数量指标", "次数", "≥5次", "5", "6"))
    page = "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
    document, problems = read_bytes(page.encode(), "t.html")
    assert document is not None
    assert [(i.level2, i.level3) for i in document.projects[0].indicators] == [("数量指标", "次数")], problems


# The second reading: the no-colon form took a section's title, a closing label and a template's placeholder for a
# name, and a unit kept as an extra (实施单位) began label lines where the colon's form does not.
@pytest.mark.parametrize("line", ["项目名称    一、项目基本情况", "实施单位    填报人", "单位名称    ××单位",
                                  "项目名称    请填写", "项目名称    XXX项目", "主管部门    /",
                                  "单位名称    （单位全称）", "项目名称    无", "项目名称：    一、项目基本情况"])
def test_a_heading_a_label_or_a_placeholder_after_the_gap_is_no_value(line: str) -> None:
    assert (label_line_cells(line), lead_line_cells(line)) == (None, None)


def test_a_unit_kept_as_an_extra_begins_no_label_lines_without_a_colon_either() -> None:
    assert [label_line_cells(line) for line in ("实施单位    某局", "实施单位：    某局")] == [None, None]
    assert [lead_line_cells(line) for line in ("实施单位    某局", "实施单位：    某局")] == [("实施单位", "某局")] * 2
    assert [is_blank_to_fill(text) for text in ("××单位", "请填写", "/", "无", "某县无线电管理局", "X光机购置")] == [
        True, True, True, True, False, False]


@pytest.mark.parametrize("value", ["一、项目基本情况", "××项目"])
def test_a_section_title_or_a_placeholder_after_the_name_label_is_no_projects_name(value: str) -> None:
    document, problems = _read("某区财政支出项目绩效评价自评报告", f"项目名称    {value}")
    assert [project.name for project in document.projects] == [""]  # type: ignore[attr-defined]
    assert any(p.message.startswith("没有找到项目名称") for p in problems)  # type: ignore[attr-defined]


# The second reading: one cell a paragraph, the gap was two ASCII spaces only; a full-width space, a tab or NBSPs
# (gaps of the label lines' own) lost the name.
@pytest.mark.parametrize("gap", ["\u3000\u3000", "\u3000", "\t", "\u00a0\u00a0", "    "])
def test_any_gap_of_a_label_line_parts_a_cover_label_from_its_value(gap: str) -> None:
    document, _problems = _read("某区财政支出项目绩效评价自评报告", f"项目名称{gap}代表之家")
    assert [project.name for project in document.projects] == ["代表之家"]  # type: ignore[attr-defined]


# The second reading: UNIT_NAMING was a copy of project_fields' unit labels with small changes — 主管部门及编码,
# 主管部门及代码 left out, so a pair of its own after it was the budget unit (「评价方式: 自评」). One list now.
@pytest.mark.parametrize("label", ["主管部门", "主管部门及编码", "主管部门及代码", "实施单位", "项目单位"])
def test_a_pair_of_its_own_after_any_unit_label_is_no_unit(label: str) -> None:
    document, _problems = _read("项目名称", "代表之家", label, "评价方式: 自评", "计划安排资金", "48")
    assert document.unit.name is None  # type: ignore[attr-defined]
    assert document.projects[0].extras == (("", "评价方式: 自评"),)  # type: ignore[attr-defined]
