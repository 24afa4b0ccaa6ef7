"""Layouts of the tables the corpus24 round keyed (FAILURES.md section AQ), each stated on a tiny inline document:
the shape, not a sample.

- a self-evaluation of a health commission's own framework (`164`, 彭水 计划生育服务): 一级指标 | 二级指标 |
  三级指标 | 自评内容 | 完成情况, no 指标值 column. Its criteria have no target; the reader said 「缺少指标表头行」 at
  the first row starting with a 一级 name and **dropped the project** (its name and funds above the header), or, in
  space-separated rows, took the table for a cut. Now the header is named at its own line and the rows above it are
  read.
"""

from __future__ import annotations

from perfbudget.load import load_bytes
from perfbudget.model import Document, Problem, Severity
from perfbudget.readers.interpret import SCORE_SHEET_MESSAGE
from perfbudget.readers.text import read_text
from tests.readers.word_tables import excel_file, word_file

_NO_TARGET = "没有指标值列"
_HEAD = [["项目名称", "计划生育服务"], ["年度预算资金总额（万元）", "1084.25"]]
_HEADER = ["一级指标", "二级指标", "三级指标", "自评内容", "完成情况"]
_ROWS = [["项目预算管理", "资金投入", "预算编制科学性", "项目预算编制符合国家政策要求", "已按要求完成预算"],
         ["产出指标", "数量指标", "特别扶助对象人数", "符合条件的对象全部纳入", "1200人"]]


def _errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def _project(document: Document | None) -> tuple[str | None, str | None, int]:
    assert document is not None and len(document.projects) == 1
    project = document.projects[0]
    return project.name, None if project.budget.total is None else str(project.budget.total), len(project.indicators)


def test_a_header_without_a_target_column_keeps_the_project_and_is_told_at_its_line() -> None:
    text = "项目支出绩效自评表\n" + "".join(" | ".join(row) + "\n" for row in [*_HEAD, _HEADER, *_ROWS])
    document, problems = read_text(text, "p.txt")
    assert _project(document) == ("计划生育服务", "1084.25", 0)
    errors = _errors(problems)
    assert len(errors) == 1 and _NO_TARGET in errors[0].message, errors
    assert errors[0].source.line == 4  # the header's line, not the first 产出指标 row's
    assert "自评内容、完成情况" in errors[0].message


def test_the_framework_in_space_separated_rows_is_no_cut() -> None:
    # `164` as its page gives it: cells separated by single spaces, the header under a row of group labels
    text = ("彭水自治县2024年度中央对地方转移支付计划生育服务项目绩效自评表\n"
            "指标名称 指标解释 记录 未完成原因及改进措施 需提供的支撑材料\n"
            + " ".join(_HEADER) + "\n名称 名称 名称\n" + "".join(" ".join(row) + "\n" for row in _ROWS))
    _document, problems = read_text(text, "s.txt")
    errors = _errors(problems)
    assert len(errors) == 1 and _NO_TARGET in errors[0].message, errors
    assert errors[0].source.line == 3


def test_the_framework_in_word_and_excel_keeps_the_project() -> None:
    rows = [[*row, "", "", ""] for row in _HEAD] + [_HEADER, *_ROWS]
    for data, name, line in ((word_file(rows, ["项目支出绩效自评表"]), "w.docx", "第3行"),
                             (excel_file([["项目支出绩效自评表"], *rows]), "w.xlsx", "第4行")):
        loaded = load_bytes(data, name)
        assert _project(loaded.document) == ("计划生育服务", "1084.25", 0), name
        errors = _errors(loaded.problems)
        assert len(errors) == 1 and _NO_TARGET in errors[0].message and line in str(errors[0].source), errors


def test_a_score_sheet_whose_levels_come_first_is_named_so() -> None:
    # 一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 得分: the score sheet with its level columns together
    text = ("项目绩效评价表\n" + "".join(" | ".join(row) + "\n" for row in _HEAD)
            + "一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 得分\n"
            + "产出指标 | 数量指标 | 特别扶助对象人数 | 全部纳入得满分 | 20 | 18\n")
    document, problems = read_text(text, "g.txt")
    assert _project(document) == ("计划生育服务", "1084.25", 0)
    assert [(e.message, e.source.line) for e in _errors(problems)] == [(SCORE_SHEET_MESSAGE, 4)]


def test_a_header_cut_after_its_level_columns_stays_a_cut() -> None:
    # the page stops inside the header, after 三级指标: nothing says the form has no target column
    text = ("项目支出绩效目标表\n" + "".join(" | ".join(row) + "\n" for row in _HEAD)
            + "一级指标 | 二级指标 | 三级指标\n")
    _document, problems = read_text(text, "c.txt")
    assert not any(_NO_TARGET in p.message for p in problems)
    assert _errors(problems)


def test_a_header_with_its_target_column_is_read_as_before() -> None:
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "完成情况"]
    text = ("项目支出绩效自评表\n" + "".join(" | ".join(row) + "\n" for row in [*_HEAD, header])
            + "产出指标 | 数量指标 | 特别扶助对象人数 | ≥1200人 | 1250人\n")
    document, problems = read_text(text, "t.txt")
    assert _project(document) == ("计划生育服务", "1084.25", 1)
    assert not _errors(problems)


# ---- the transfer self-evaluation's funds grid one cell a paragraph (`163`, 咸宁 大气污染防治资金) ----------------

_FUNDS_GRID = ["项目资金(万元)", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)",
               "年度资金总额:", "2380.91", "0", "0", "其中:中央资金", "871", "0", "0", "省级资金", "0", "0", "0",
               "地方资金", "1509.91", "0", "0", "其他资金", "0", "0", "0"]
_INDICATORS = ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施",
               "产出指标", "数量指标", "建设环境空气质量自动监测子站", "11个", "0", "招标未完成"]


def _grid_extras(text: str) -> list[tuple[str, str]]:
    document, problems = read_text(text, "x.txt")
    assert document is not None and not _errors(problems), _errors(problems)
    project = document.projects[0]
    assert (project.name, str(project.budget.total), len(project.indicators)) == (
        "2021年第一批中央大气污染防治资金", "2380.91", 1)
    return [(label, str(value)) for label, value in project.extras]


def test_a_level_of_governments_funds_row_one_cell_a_paragraph_is_kept_under_its_label() -> None:
    # 省级资金 | 0 | 0 | 0 between 其中:中央资金 and 地方资金: one cell a paragraph, the grid is one run of cells and
    # the row was four unlabelled texts (its label a text of its own, its figures without a column)
    cells = ["转移支付区域(项目)绩效目标自评表 (2021)", "转移支付(项目)名称", "2021年第一批中央大气污染防治资金",
             *_FUNDS_GRID, *_INDICATORS]
    extras = _grid_extras("\n\n".join(cells) + "\n")
    assert ("省级资金/全年预算数", "0") in extras and ("省级资金/执行率", "0") in extras
    assert ("地方资金/全年预算数", "1509.91") in extras
    assert not [pair for pair in extras if pair[0] == ""], extras


def test_the_same_grid_in_rows_of_cells_reads_as_before() -> None:
    rows = [["转移支付(项目)名称", "2021年第一批中央大气污染防治资金"], _FUNDS_GRID[:4],
            *[_FUNDS_GRID[k:k + 4] for k in range(4, len(_FUNDS_GRID), 4)], _INDICATORS[:6], _INDICATORS[6:]]
    extras = _grid_extras("转移支付区域(项目)绩效目标自评表\n" + "".join(" | ".join(r) + "\n" for r in rows))
    assert ("省级资金/全年预算数", "0") in extras and not [pair for pair in extras if pair[0] == ""], extras
