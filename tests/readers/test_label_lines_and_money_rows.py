"""Two header shapes of real tables: the table's unit and name written above it as ``label：value`` lines
(单位名称：某局  金额单位：万元 / 项目名称：…), in text, Word and HTML; and money labels in one row with their
amounts in the next (资金总额 | 财政拨款 | 其他资金 over 500 | 480 | 20)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Budget, Severity
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.text import read_text
from tests.readers.word_tables import word_file

TABLE = ("年度目标\t完成校舍维修。\n"
         "一级指标\t二级指标\t三级指标\t指标值\n"
         "产出指标\t数量指标\t维修面积\t≥800平方米\n")


def _one(text: str):  # type: ignore[no-untyped-def]
    document, problems = read_text(text, "t.txt")
    assert document is not None, problems
    assert not [p for p in problems if p.severity is Severity.ERROR], problems
    (project,) = document.projects
    return document, project


def test_label_lines_above_a_table_give_its_unit_name_and_money_unit() -> None:
    document, project = _one("2024年项目支出绩效目标表\n单位名称：某县教育局        金额单位：万元\n"
                             "项目名称：校舍维修\n预算数\t30\n" + TABLE)
    assert (document.unit.name, document.money_unit) == ("某县教育局", "万元")
    assert (project.name, project.budget.total) == ("校舍维修", Decimal("30"))
    assert project.sources["name"].line == 3


def test_label_lines_in_pipe_rows() -> None:
    document, project = _one("预算单位：某县教育局\n项目名称：校舍维修　主管部门：某县人民政府\n"
                             + TABLE.replace("\t", " | "))
    assert (document.unit.name, project.name) == ("某县教育局", "校舍维修")
    assert ("主管部门", "某县人民政府") in project.extras


def test_what_a_label_line_is() -> None:
    assert label_line_cells("部门（单位）名称：某局") == ("部门（单位）名称", "某局")
    assert label_line_cells("项目名称: 校舍\u3000主管部门：某局") == ("项目名称", "校舍", "主管部门", "某局")
    assert label_line_cells("单位名称：某局  单位：万元") == ("单位名称", "某局", "单位：万元")
    # a signature line, a money unit alone, a title, a pair with a label that is none: text, not a row
    assert label_line_cells("联系人：张三  联系电话：123") is None
    assert label_line_cells("单位：万元") is None
    assert label_line_cells("2024年项目支出绩效目标表") is None
    assert label_line_cells("项目名称：校舍维修  备注说明：无") is None


def test_a_signature_line_under_the_table_starts_no_table() -> None:
    document, project = _one("项目名称\t校舍维修\n" + TABLE + "联系人：张三  联系电话：123\n")
    assert len(document.projects) == 1 and len(project.indicators) == 1


def test_label_lines_above_a_word_table() -> None:
    rows = [line.split("\t") for line in ("预算数\t30\n" + TABLE).splitlines()]
    data = word_file(rows, paragraphs=["2024年项目支出绩效目标表", "单位名称：某县教育局\u3000\u3000金额单位：万元",
                                       "项目名称：校舍维修"])
    loaded = load_bytes(data, "t.docx")
    document = loaded.document
    assert document is not None, loaded.problems
    (project,) = document.projects
    assert (document.unit.name, document.money_unit, project.name) == ("某县教育局", "万元", "校舍维修")
    assert project.budget.total == Decimal("30")


def test_label_lines_above_an_html_table() -> None:
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in line.split("\t")) + "</tr>"
                   for line in ("预算数\t30\n" + TABLE).splitlines())
    page = (f"<html><body><p>2024年项目支出绩效目标表</p><p>单位名称：某县教育局</p><p>项目名称：校舍维修</p>"
            f"<table>{rows}</table></body></html>")
    loaded = load_bytes(page.encode("utf-8"), "t.html")
    document = loaded.document
    assert document is not None, loaded.problems
    assert (document.unit.name, document.projects[0].name) == ("某县教育局", "校舍维修")


def test_money_labels_over_their_amounts() -> None:
    _, project = _one("项目名称\t校舍维修\n项目资金（万元）\t资金总额\t财政拨款\t其他资金\n\t500\t480\t20\n" + TABLE)
    assert project.budget == Budget(total=Decimal("500"), fiscal=Decimal("480"), other=Decimal("20"))
    assert project.sources["budget.fiscal"].line == 3
    document, project = _one("项目名称 | 校舍维修 |\n资金总额 | 财政拨款 |\n500 | 480 |\n" + TABLE.replace("\t", " | "))
    assert (project.budget.total, project.budget.fiscal, document.money_unit) == (Decimal("500"), Decimal("480"),
                                                                                  None)


def test_a_row_under_money_labels_that_is_not_their_amounts_is_read_as_usual() -> None:
    _, project = _one("项目名称\t校舍维修\n资金总额\t财政拨款\t其他资金\n资金用途\t维修校舍\n" + TABLE)
    assert project.budget == Budget()
    assert project.purpose == "维修校舍"


def test_label_pairs_in_one_cell_of_a_word_table() -> None:
    rows = [["项目名称：校舍维修　　主管部门：某县人民政府"], ["预算数", "30"],
            *[line.split("\t") for line in TABLE.splitlines()]]
    loaded = load_bytes(word_file(rows, merges=[(0, 0, 0, 3)]), "t.docx")
    assert loaded.document is not None, loaded.problems
    (project,) = loaded.document.projects
    assert project.name == "校舍维修" and ("主管部门", "某县人民政府") in project.extras


def test_a_goal_that_reads_like_a_label_line_stays_a_goal() -> None:
    _, project = _one("项目名称\t校舍维修\n年度目标\n\t项目名称：校舍维修，完成维修800平方米\n"
                      + TABLE.split("\n", 1)[1])
    assert project.name == "校舍维修"
    assert project.goals == ("项目名称：校舍维修，完成维修800平方米",)


def test_label_lines_in_the_tab_cell_form() -> None:
    cells = "".join(f"\t{text}\n" for text in ("项目名称", "校舍维修")) + "\n" + "".join(
        f"\t{text}\n" for text in ("预算数", "30")) + "\n" + "".join(
        f"\t{text}\n" for text in ("一级指标", "二级指标", "三级指标", "指标值")) + "\n" + "".join(
        f"\t{text}\n" for text in ("产出指标", "数量指标", "维修面积", "≥800平方米"))
    document, project = _one("2024年项目支出绩效目标表\n\n单位名称：某县教育局　　金额单位：万元\n\n" + cells)
    assert (document.unit.name, document.money_unit) == ("某县教育局", "万元")
    assert (project.name, project.budget.total, len(project.indicators)) == ("校舍维修", Decimal("30"), 1)
    assert project.title == "2024年项目支出绩效目标表"
