"""Layouts first met in the corpus15 tables (87–92: Tianjin, Ningxia, Fujian, Anhui, Sichuan), each stated on a tiny
inline table: the shape, not the sample."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.readers.text import detect_layout, read_text
from perfbudget.readers.text_cells_fast import read_well_formed
from tests.conftest import HEADER_ROWS, inline_document, table_text

# ---- one cell a line ending in ' |', rows never closed by a line of pipes ------------------------------------

_CELLS = ["项目名称", "学校操场开放", "主管部门", "某厅", "项目资金(万元)", "年度资金总额", "5", "其中:财政拨款", "5",
          "绩效指标", "一级指标", "二级指标", "三级指标", "指标值",
          "产出指标", "成本指标", "成本控制", "按预算控制。", "数量指标", "开放场馆", "2个",
          "满意度指标", "服务对象满意度指标", "群众满意率", "95%以上。",
          "效益指标", "社会效益指标", "健身人次", "明显增加"]
CELL_LINES = "某中学2019年项目支出绩效目标公开\n现将绩效目标予以公开 附件如下。\n" + "".join(f"{c} |\n" for c in _CELLS)


def test_cells_one_a_line_without_row_ends_are_a_stream_of_cells() -> None:
    assert detect_layout(CELL_LINES) == "pipe-cells"
    document, problems = read_text(CELL_LINES, "c.txt")
    assert document is not None and not [p for p in problems if p.severity.value == "error"]
    project = document.projects[0]
    assert project.name == "学校操场开放" and project.budget.total == Decimal("5")
    assert [(i.level1, i.level2, i.level3, i.target.raw) for i in project.indicators] == [
        ("产出指标", "成本指标", "成本控制", "按预算控制。"),
        ("产出指标", "数量指标", "开放场馆", "2个"),
        ("满意度指标", "服务对象满意度指标", "群众满意率", "95%以上。"),
        ("效益指标", "社会效益指标", "健身人次", "明显增加")]


def test_a_few_cell_lines_among_rows_keep_the_row_layout() -> None:
    rows = "\n".join(["项目名称 | 测试项目 |", "年度资金总额 | 10 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "产出指标 | 数量指标 | 培训人数 | 100人 |", "说明 |", "效益指标 | 社会效益指标 | 保障 | 有效 |"])
    assert detect_layout(rows) == "pipe-rows"


# ---- a 一级/二级 name wrapped over two rows of its column ---------------------------------------------------

def _tab_rows(*rows: list[str]) -> str:
    head = [["项目名称", "测试项目"], ["年度资金总额", "10"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人数", "100人"]]
    return "\n".join("\t".join(row) for row in [*head, *rows]) + "\n"


def _levels(text: str) -> list[tuple[str, str, str, str]]:
    document, _ = read_text(text, "w.txt")
    assert document is not None
    return [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]


def test_a_level_name_wrapped_onto_a_row_of_its_own_is_joined() -> None:
    text = _tab_rows(["效益指标", "可持续影", "设备使用年限", "5年"], ["", "响指标", "", ""],
                     ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"])
    assert _levels(text)[1:] == [("效益指标", "可持续影响指标", "设备使用年限", "5年"),
                                 ("满意度指标", "服务对象满意度指标", "满意度", "≥90%")]
    _, problems = read_text(text, "w.txt")
    assert any("合为「可持续影响指标」" in p.message and p.source.line == 5 for p in problems)


def test_a_level_name_wrapped_beside_the_next_indicator_names_both() -> None:
    text = _tab_rows(["效益指标", "可持续影", "设备使用年限", "5年"], ["", "响指标", "设备完好率", "95%"],
                     ["满意", "服务对象满意度指标", "满意度", "≥90%"], ["度指标", "", "投诉率", "≤1%"])
    assert _levels(text)[1:] == [("效益指标", "可持续影响指标", "设备使用年限", "5年"),
                                 ("效益指标", "可持续影响指标", "设备完好率", "95%"),
                                 ("满意度指标", "服务对象满意度指标", "满意度", "≥90%"),
                                 ("满意度指标", "服务对象满意度指标", "投诉率", "≤1%")]


@pytest.mark.parametrize("second", ["社会效益指标", "设备完好率", "影响"])
def test_two_rows_that_are_no_wrapped_name_stay_apart(second: str) -> None:
    # a 二级 that is a name, or a second part that does not make a name with the first, is never joined
    text = _tab_rows(["效益指标", "经济效益指标", "增收", "5万元"], ["", second, "设备完好率", "95%"])
    assert _levels(text)[1][1] == "经济效益指标" and _levels(text)[2][1] == second


def test_the_one_pass_path_leaves_a_wrapped_name_to_the_general_path() -> None:
    text = table_text(*HEADER_ROWS, ["效益指标", "可持续影", "设备使用年限", "使用年限", "5年"],
                      ["", "响指标", "设备完好率", "完好率", "95%"])
    assert read_well_formed(text, "w.txt") is None
    document, _ = inline_document(["效益指标", "可持续影", "设备使用年限", "使用年限", "5年"],
                                  ["", "响指标", "设备完好率", "完好率", "95%"])
    assert document is not None
    assert [i.level2 for i in document.projects[0].indicators] == ["可持续影响指标", "可持续影响指标"]


# ---- a glued target form, one value column, its rows run together (and its paragraph broken in two) ---------

_BLOCK = ("省级部门预算项目支出绩效目标表(2023年度)项目名称免费开放补助资金项目类型新增项目主管部门某市文化和旅游局"
          "项目开始日期2023-01-01项目完成日期2023-12-31项目总投资20万元预算申报数20万元资金性质一般公共预算基本情况"
          "保障博物馆正常运转项目立项必要性保障各项业务正常运行保证项目实施的制度措施博物馆绩效考核项目实施计划组织实施"
          "单位某省文物局监督管理单位某市文旅局项目实施单位某市城市博物馆政策依据某财科")
_INDICATORS = ("[2022]78号其他依据年度绩效目标提高博物馆运行效率一级指标二级指标三级指标指标目标值"
               "产出指标数量指标免费开放天数=300天质量指标考核指标完成率=100百分比开放区域完好率=98%"
               "社会成本指标对文化传承影响长远效益指标社会效益指标接待观众人数≥30000人次满意度指标服务对象满意度指标"
               "观众满意度%=99百分比")


def _glued_rows(text: str) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    document, problems = read_text(text, "g.txt")
    assert document is not None, problems
    rows = [(i.level1, i.level2, i.level3, i.target.raw) for i in document.projects[0].indicators]
    return rows, [p.message for p in problems if p.severity.value == "error"]


def test_rows_run_together_after_a_one_value_header_split_at_the_group_names() -> None:
    rows, errors = _glued_rows(_BLOCK + _INDICATORS + "\n")
    # 长远 is a known qualitative target since corpus16 (as 长期); a value of no known shape stays an error
    # (test_corpus16_layouts)
    assert rows == [("产出指标", "数量指标", "免费开放天数", "=300天"),
                    ("成本指标", "社会成本指标", "对文化传承影响", "长远"),
                    ("效益指标", "社会效益指标", "接待观众人数", "≥30000人次"),
                    ("满意度指标", "服务对象满意度指标", "观众满意度%", "=99百分比")]
    # two rows under one 二级 run together (a value inside the name): an error, not read
    assert any("考核指标完成率=100百分比开放区域完好率=98%" in e for e in errors)


def test_a_glued_form_broken_over_two_lines_is_one_paragraph() -> None:
    rows, _ = _glued_rows(_BLOCK + "\n" + _INDICATORS + "\n")
    assert rows[0] == ("产出指标", "数量指标", "免费开放天数", "=300天") and len(rows) == 4


def test_two_unrelated_lines_are_not_joined_into_a_form() -> None:
    # the second line holds no glued indicator header: the first is not continued by it
    document, _ = read_text(_BLOCK + "\n" + "其他依据年度绩效目标提高博物馆运行效率" * 10 + "\n", "g.txt")
    assert document is None or not document.projects or not document.projects[0].indicators


def test_the_end_of_a_wrapped_level_name_alone_on_a_short_row_completes_the_name() -> None:
    # ``响指标 |`` alone (its column lost): the end of the 二级 above, never the end of the 三级
    text = "\n".join(["项目名称 | 测试项目 |", "年度资金总额 | 10 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "产出指标 | 数量指标 | 培训人数 | 100人 |", "效益指标 | 可持续影 | 设备使用年限 | 5年 |",
                      "响指标 |", " | | 设备完好率 | 95% |"]) + "\n"
    assert _levels(text)[1:] == [("效益指标", "可持续影响指标", "设备使用年限", "5年"),
                                 ("效益指标", "可持续影响指标", "设备完好率", "95%")]


def test_a_stray_word_after_a_whole_level_name_is_no_wrapped_end() -> None:
    # ``成本指标`` is whole: ``指标`` alone below it is not its end (read as before: a 三级 without a value)
    text = "\n".join(["项目名称 | 测试项目 |", "年度资金总额 | 10 |", "一级指标 | 二级指标 | 三级指标 | 指标值 |",
                      "产出指标 | 成本指标 | 成本控制 | ≤10万元 |", "指标 |"]) + "\n"
    assert _levels(text)[0] == ("产出指标", "成本指标", "成本控制", "≤10万元")
    tab = _tab_rows(["效益指标", "经济效益", "增收", "5万元"], ["", "指标", "", ""])
    assert _levels(tab)[1] == ("效益指标", "经济效益指标", "增收", "5万元")
