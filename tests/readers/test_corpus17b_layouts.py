"""Goals grids of self-evaluation tables first met in the corpus17b tables (112 Shanghai, 113 Anhui and their
renderings r70, r71), each on a tiny inline document: the shape, not the sample."""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import INDICATORS, _errors, _pipe_rows

_FUNDS = [["项目名称", "防震减灾综合保障"],
          ["项目资金(万元)", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", "55", "55", "55", "10", "100%", "10"]]


def _space_rows(rows: list[list[str]]) -> str:
    return "\n".join(" ".join(row) for row in rows) + "\n"


def test_the_anhui_forms_block_label_heads_the_goals_grid() -> None:
    # 年度总体目标完成情况 | 预期目标 | 实际完成情况: the first label names the block, not the actual column
    text = _pipe_rows([*_FUNDS, ["年度总体目标完成情况", "预期目标", "实际完成情况"],
                       ["完成年度防汛工作", "完成年度目标。"], *INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.goals == ("完成年度防汛工作",)
    assert ("实际完成情况", "完成年度目标。") in project.extras
    assert ("", "年度总体目标完成情况") not in project.extras


def test_the_label_alone_before_its_text_heads_no_goals_grid() -> None:
    # 年度总体目标完成情况 | 完成…: no sub-labels after it, so it heads no goals grid: its text is never a goal
    text = _pipe_rows([*_FUNDS, ["年度总体目标", "完成年度防汛工作"], ["年度总体目标完成情况", "完成年度目标。"],
                       *INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.goals == ("完成年度防汛工作",)
    assert any(value == "完成年度目标。" for _, value in project.extras)


def test_goal_lines_more_than_the_grids_columns_are_not_split_by_guess() -> None:
    # the expected goals and the results written one a line: where the goals end is not said
    lines = ["目标1:考核第一名。", "目标2:综合考核先进单位。", "1.考核第一名。", "2.综合考核先进单位。"]
    for label in ("年度总体目标", "年度总体目标完成情况"):
        text = _space_rows([*_FUNDS, [label, "预期目标", "实际完成情况"], *[[line] for line in lines], *INDICATORS])
        document, problems = read_text(text, "t.txt")
        assert document is not None and not _errors(problems)
        project = document.projects[0]
        assert project.goals == ()  # not 目标1 alone, with 目标2 taken for the result
        assert not any(key == "实际完成情况" for key, _ in project.extras)
        assert [value for key, value in project.extras if value in lines] == lines  # kept, in order


def test_two_lines_under_two_labels_are_still_the_goal_and_the_result() -> None:
    text = _space_rows([*_FUNDS, ["年度总体目标", "预期目标", "实际完成情况"], ["目标1:考核第一名。"], ["已获第一名。"],
                        *INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert project.goals == ("目标1:考核第一名。",)
    assert ("实际完成情况", "已获第一名。") in project.extras


def _html(goal: str, done: str) -> bytes:
    cells = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in [*_FUNDS[:1]]
    )
    rows = [
        '<tr><td rowspan="3">项目资金(元)</td><td></td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td>'
        "<td>分值</td><td>执行率</td><td>得分</td></tr>",
        "<tr><td>年度资金总额</td><td>250000.00</td><td>250000.00</td><td>215457.6</td><td>10</td><td>86.19%</td>"
        "<td>8.62</td></tr>",
        "<tr><td>其他资金</td><td>0</td><td>0</td><td></td><td></td><td></td><td></td></tr>",
        '<tr><td rowspan="2">年度总体目标</td><td colspan="3">预期目标</td><td colspan="4">实际完成情况</td></tr>',
        f'<tr><td colspan="3">{goal}</td><td colspan="4">{done}</td></tr>',
    ]
    rows += ["<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in INDICATORS]
    return ("<html><body><table border='1'>" + cells + "".join(rows) + "</table></body></html>").encode()


def test_a_grids_empty_expected_goal_cell_leaves_the_result_under_its_own_label() -> None:
    # the 预期目标 cell left empty in an HTML table: the text under 实际完成情况 is no goal
    result = load_bytes(_html("", "已完成费用结算。"), "page.html")
    assert result.document is not None and not _errors(list(result.problems))
    project = result.document.projects[0]
    assert project.goals == ()
    assert ("实际完成情况", "已完成费用结算。") in project.extras
    full = load_bytes(_html("完成费用结算", "已完成费用结算。"), "page.html").document
    assert full is not None and full.projects[0].goals == ("完成费用结算",)
    assert ("实际完成情况", "已完成费用结算。") in full.projects[0].extras


def test_a_header_line_holding_values_before_their_names_is_refused_with_why() -> None:
    # a PDF's text in drawing order: the rows' values run before the level and 三级 names, on the header's line
    text = ("财政项目支出绩效自评表 项目名称 某项目 年初预算数 全年预算数 全年执行数 100 100 90 "
            "一级指标 二级指标 数量指标 三级指标 结算完成 年度指标值 实际完成值 分值 得分 =100% 100% 10 10 "
            "及时 及时 20 20 率 产出指标 时效指标 费用结算及时性 总分\n")
    document, problems = read_text(text, "t.txt")
    errors = _errors(problems)
    assert document is None or not any(p.indicators for p in document.projects)
    assert len(errors) == 1 and "数值排在它们所属的指标名称之前" in errors[0].message
    assert errors[0].source.line == 1


def test_a_grids_section_score_is_no_goal_and_each_row_pairs_its_texts() -> None:
    # 年度目标完成情况 | 预期目标 | 目标实际完成情况 | 20 (the section score on the labels row), a goal and its result
    # a row (r38)
    rows = ['<tr><td>专项名称</td><td colspan="3">食品监管补助资金</td></tr>',
            "<tr><td>预算数</td><td>2.38</td><td>执行数</td><td>2.38</td></tr>",
            "<tr><td>年度目标完成情况</td><td>预期目标</td><td>目标实际完成情况</td><td>20</td></tr>",
            "<tr><td></td><td>目标1:排查整治</td><td>已排查</td><td></td></tr>",
            "<tr><td></td><td>目标2:打击违法</td><td>已查处</td><td></td></tr>"]
    rows += ["<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in INDICATORS]
    page = ("<html><body><table border='1'>" + "".join(rows) + "</table></body></html>").encode()
    result = load_bytes(page, "page.html")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.goals == ("目标1:排查整治", "目标2:打击违法")
    assert [value for key, value in project.extras if key == "目标实际完成情况"] == ["已排查", "已查处"]


def test_goal_texts_of_a_glued_stream_more_than_the_labels_are_not_split_by_guess() -> None:
    # one paragraph of cells (a document site's preview): 20 is the section's score, then four texts for two labels
    text = " ".join([
        "项目支出绩效自评表 项目名称 某项目 项目资金(万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分",
        "年度资金总额 10 10 10 10 100% 10 年度总体目标 预期目标 实际完成情况 20 目标1:排查整治 目标1:已排查",
        "目标2:打击违法 目标2:已查处 绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分",
        "产出指标 数量指标 补助面积 20亩 20亩 50 50",
    ]) + "\n"
    document, _ = read_text(text, "t.txt")
    assert document is not None and len(document.projects) == 1
    project = document.projects[0]
    assert project.name == "某项目"
    assert project.goals == ()  # not 20 taken for the goal and 目标1:排查整治 for the result, by order
    assert not any(key == "实际完成情况" for key, _ in project.extras)
    assert any(value == "目标2:已查处" for _, value in project.extras)  # kept
