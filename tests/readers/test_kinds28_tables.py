"""Region tables and 部门整体 grids the text reader refused until kinds28, as units' pages give them one cell a line
or a paragraph: a transfer's 区域绩效目标表 whose indicator header has one value column per region and no 指标值
(corpus 45: refused as cut, 「没有找到指标表头行」, though its rows a person reads), and Sichuan's
部门整体支出绩效目标申报表 whose funds grid (总额 | 基本支出 | 项目支出 over 合计 | 财政拨款 …) comes as its labels
then its amounts, the empty cells gone (corpus 80: no project, no budget); and self-evaluations whose parts are
written without a 分值 (corpus 06) or whose reason column is named in other words."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity


def _pipe_cells(rows: list[list[str]]) -> bytes:
    """One cell a line ending in ' |', each row closed by a line of '|' (a web page's table copied)."""
    lines = ["2022年省级水利专项资金绩效目标表"]
    for row in rows:
        lines.extend(f"{cell} |" for cell in row)
        lines.append("||")
    return ("\n".join(lines) + "\n").encode()


_REGION_HEAD = [["项目名称", "省级水利专项资金"], ["主管部门(单位)名称", "安溪县水利局"],
                ["资金情况(万元)", "资金总额", "100", "其中:财政拨款", "100"], ["总体目标", "开展7个小型水利工程建设"],
                ["一级指标", "二级指标", "三级指标", "指 标 解 释", "西坪镇尧山村", "桃舟乡吾培村"]]


def test_a_region_header_one_cell_a_line_reads_the_value_every_region_gives() -> None:
    rows = [*_REGION_HEAD,
            ["产出指标", "数量指标", "开展小型水利工程建设(个)", "反映工程建设开展情况", "1", "1"],
            ["质量指标", "工程验收合格率", "反映工程质量", "100%", "95%"]]
    result = load_bytes(_pipe_cells(rows), "区域.txt")
    assert result.document is not None, [str(p) for p in result.problems]
    indicators = result.document.projects[0].indicators
    assert [(i.level3, i.target.raw) for i in indicators] == [("开展小型水利工程建设(个)", "1"),
                                                              ("工程验收合格率", "")]
    assert indicators[0].description == "反映工程建设开展情况"
    assert dict(indicators[0].extras) == {"西坪镇尧山村": "1", "桃舟乡吾培村": "1"}
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    # the villages differ: which is the project's target is not written, told at the row's first value
    assert [p.message for p in errors] == [
        "各区域的指标值不同或有空缺（西坪镇尧山村100%、桃舟乡吾培村95%）：表中没有项目的"
        "指标值列，无法确定项目的指标值，这一行未读取指标值；请人工核对"]
    assert str(errors[0].source).startswith("区域.txt:")
    assert result.document.projects[0].budget.total == Decimal(100)


def _paragraphs(cells: list[str]) -> bytes:
    """One cell a paragraph, a blank line between cells, an empty cell an empty paragraph (lost to the reader)."""
    return ("\n\n".join(cells) + "\n").encode()


_GRID = ["总体资金情况(万元)", "预算支出", "总额", "基本支出", "项目支出",
         "合计", "财政拨款", "专户资金", "单位资金", "合计", "财政拨款", "专户资金", "单位资金"]
_TASKS = ["年度主要任务", "任务名称", "主要内容", "基本支出:人员类、公用经费等运转类支出",
          "保障部门本级人员、公用经费支出。",
          "项目支出1:公共文化服务", "组织非遗展演、送文化下乡等活动。"]


def test_a_department_funds_grid_in_paragraphs_gives_the_departments_budget() -> None:
    cells = ["2024年县级部门整体支出绩效目标申报表", "预算部门:文化部门", *_GRID,
             "1695.55", "1478.75", "1478.75", "", "", "216.80", "216.80", "", "", *_TASKS]
    result = load_bytes(_paragraphs(cells), "整体.txt")
    assert result.document is not None, [str(p) for p in result.problems]
    project = result.document.projects[0]
    assert project.name == "部门整体支出" and result.document.money_unit == "万元"
    assert project.budget.total == Decimal("1695.55")  # 基本支出 1478.75 + 项目支出 216.80
    assert dict(project.extras)["总体资金情况"] == (
        "预算支出 总额 基本支出 项目支出 合计 财政拨款 专户资金 单位资金 合计 财政拨款 "
        "专户资金 单位资金 1695.55 1478.75 1478.75 216.80 216.80")
    assert not [p for p in result.problems if p.severity is Severity.ERROR and "总额" in p.message]
    # the 年度主要任务 grid one cell a paragraph: each task's name and content under their heads (until kinds28
    # unlabelled extras); every extra labelled
    assert [label for label, _ in project.extras] == ["总体资金情况", "任务名称", "主要内容", "任务名称", "主要内容"]
    assert project.extras[3] == ("任务名称", "项目支出1:公共文化服务")


def test_a_task_grid_whose_cells_do_not_fill_its_heads_is_left_as_written() -> None:
    # a task without its content would shift every pair after it: nothing is put under a head
    tasks = [*_TASKS[:-1]]  # the last task's content missing
    result = load_bytes(_paragraphs(["2024年县级部门整体支出绩效目标申报表", *_GRID, "1695.55", "1478.75",
                                     "216.80", *tasks]), "整体.txt")
    assert result.document is not None
    labels = [label for label, _ in result.document.projects[0].extras]
    assert "任务名称" not in labels and "主要内容" not in labels


def test_a_department_funds_grid_whose_sum_does_not_decide_is_an_error_at_its_first_amount() -> None:
    cells = ["2024年县级部门整体支出绩效目标申报表", *_GRID,
             "1695.55", "1478.75", "1478.75", "", "", "200", "200", "", "", *_TASKS]
    result = load_bytes(_paragraphs(cells), "整体.txt")
    errors = [p for p in result.problems if p.severity is Severity.ERROR and "总额" in p.message]
    assert [str(p.source) for p in errors] == ["整体.txt:29"]  # the paragraph of 1695.55
    assert "不等于基本支出合计「1478.75」与其后任何一个金额之和" in errors[0].message
    projects = result.document.projects if result.document is not None else ()
    assert all(p.budget.total is None for p in projects)  # no amount taken for the total


def _forms(title: str, rows: list[list[str]]) -> list[tuple[str, bytes]]:
    from tests.readers.word_tables import excel_file, word_file

    text = "\n".join([title, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n"
    return [("表.txt", text.encode()), ("表.docx", word_file(rows, [title])), ("表.xlsx", excel_file([[title], *rows]))]


_SELF_HEAD = [["项目名称", "特色种养补贴", "", "", "", "", "", ""],
              ["资金情况（万元）", "全年预算数(A)", "全年执行数(B)", "", "", "", "", ""],
              ["年度资金总额", "9.48", "9.48", "", "", "", "", ""]]
_WEIGHT_FIRST = [*_SELF_HEAD,
                 ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分",
                  "未完成原因及整改措施"],
                 ["产出指标", "数量指标", "补助种植面积", "20", "29.5亩", "29.5亩", "20", ""],
                 ["产出指标", "数量指标", "其中桃树种植面积", "1.5亩", "1.5亩", "", "", ""],
                 ["产出指标", "质量指标", "种植作物成活率", "10", "95%", "90%", "9", "干旱，补种"]]


@pytest.mark.parametrize(("name", "data"), _forms("绩效目标自评表（2023年度）", _WEIGHT_FIRST))
def test_a_part_written_without_its_score_reads_its_target_and_actual(name: str, data: bytes) -> None:
    # Anhui's 自评表 (corpus 06): under 三级 | 分值 | 年度指标值 | 全年实际值, a scored indicator's parts give their
    # target and actual one column left, no 分值 or 得分; until kinds28 the part's target was its actual and its
    # target an untyped ('分值', '1.5亩') extra
    result = load_bytes(data, name)
    assert result.document is not None and result.document.kind == "self-evaluation", [str(p) for p in result.problems]
    rows = [(i.level3, i.target.raw, i.weight, i.actual, i.score, i.deviation, i.extras)
            for i in result.document.projects[0].indicators]
    assert rows == [("补助种植面积", "29.5亩", Decimal(20), "29.5亩", Decimal(20), None, ()),
                    ("其中桃树种植面积", "1.5亩", None, "1.5亩", None, None, ()),
                    ("种植作物成活率", "95%", Decimal(10), "90%", Decimal(9), "干旱，补种", ())]
    assert any("「1.5亩」写在分值列，不是分值" in p.message and p.severity is Severity.INFO for p in result.problems)


@pytest.mark.parametrize("label", ["未达到指标值原因", "偏差原因分析及整改措施", "差异原因", "未完成原因说明"])
def test_a_reason_column_in_other_words_is_the_deviation(label: str) -> None:
    rows = [*_SELF_HEAD, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", label],
            ["产出指标", "数量指标", "培训人次", "≥500人次", "450人次", "20", "18", "疫情停训一期"]]
    result = load_bytes(_forms("项目支出绩效自评表", rows)[0][1], "表.txt")
    assert result.document is not None
    indicator = result.document.projects[0].indicators[0]
    assert (indicator.deviation, indicator.extras) == ("疫情停训一期", ())


def _unit_of(department_row: str) -> str | None:
    text = ("项目支出绩效目标表\n项目名称 | 水毁修复\n" + department_row + "\n资金情况（万元） | 资金总额 | 35\n"
            "一级指标 | 二级指标 | 三级指标 | 指标值\n产出指标 | 数量指标 | 修复工程 | ≥1个\n")
    result = load_bytes(text.encode(), "表.txt")
    assert result.document is not None
    return result.document.unit.name


def test_the_unit_comes_from_a_zhuguan_bumen_danwei_mingcheng_row_and_never_from_a_mark() -> None:
    # Fujian's transfer forms label the department 主管部门(单位)名称 (corpus 45, 46): the unit as from 主管部门; a
    # dash there (or the 「(」 a glued 主管部门(单位)名称 left, corpus 46) names no unit (until kinds28: unit 「—」)
    assert _unit_of("主管部门(单位)名称 | 秀屿区水利局") == "秀屿区水利局"
    assert _unit_of("主管部门 | —") is None
