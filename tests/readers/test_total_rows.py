"""The 总分 row closing a self-evaluation's indicators is the project's (kinds23): until then it ended the indicator
rows and its figures (the table's own total of 分值 and 得分, sometimes its 等级) were dropped without a word."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import LoadResult, load_bytes
from tests.readers.word_tables import excel_file, word_file

HEAD = [
    ["项目名称", "农村饮水工程维修养护", "", "", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "100", "120", "108", "10", "90%", "9"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "维修工程数", "≥10处", "12处", "50", "50", "无"],
    ["效益指标", "社会效益指标", "受益人口", "≥5000人", "5200人", "30", "30", "无"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", "无"],
]
TITLE = ["项目支出绩效自评表", "（2023年度）"]


def _pipe(rows: list[list[str]]) -> bytes:
    return ("\n".join([*TITLE, *(" | ".join(row).rstrip(" |") for row in rows)]) + "\n").encode()


def _extras(result: LoadResult) -> list[tuple[str, str]]:
    assert result.document is not None, result.problems
    assert len(result.document.projects[0].indicators) == 3
    return [pair for pair in result.document.projects[0].extras if pair[0].startswith(("总分", "合计"))]


def test_pipe_total_row_under_its_columns() -> None:
    # a text copy leaves off the trailing empty cell; the blank cells before the figures keep their places
    rows = [*HEAD, ["总分", "", "", "", "", "100", "99", ""]]
    assert _extras(load_bytes(_pipe(rows), "自评表.txt")) == [("总分/分值", "100"), ("总分/得分", "99")]


def test_word_and_excel_total_rows() -> None:
    rows = [*HEAD, ["总分", "", "", "", "", "100", "99", "优"]]
    # 优 stands under 偏差原因分析及改进措施, no place of a figure: kept as the row's 等级, the figures under their
    # columns (until kinds24 the grade made all of them unplaced: 总分 = 100 99 优); typed as the table's own
    word = load_bytes(word_file(rows, TITLE), "自评表.docx")
    assert _extras(word) == [("总分/分值", "100"), ("总分/得分", "99"), ("总分/等级", "优")]
    assert word.document is not None
    assert (word.document.projects[0].table_total, word.document.projects[0].table_grade) == (Decimal(99), "优")
    rows[-1][-1] = ""
    assert _extras(load_bytes(excel_file([TITLE, *rows]), "自评表.xlsx")) == [("总分/分值", "100"),
                                                                              ("总分/得分", "99")]


def test_a_row_that_lost_its_empty_cells_keeps_its_figures_in_order() -> None:
    # a copy that writes no empty cell: which column each figure stood under is not said — but two points under a
    # header with one 分值 and one 得分 column, the mark no smaller than the score, stand there in order (kinds35)
    assert _extras(load_bytes(_pipe([*HEAD, ["总分", "100", "99.5"]]), "自评表.txt")) == [("总分/分值", "100"),
                                                                                       ("总分/得分", "99.5")]
    assert _extras(load_bytes(_pipe([*HEAD, ["总分", "99.5"]]), "自评表.txt")) == [("总分", "99.5")]


def test_a_footer_after_the_figures_in_the_same_row_is_not_read() -> None:
    rows = [*HEAD, ["合计", "", "", "", "", "100", "评价结论", "结合自评情况说明项目自评总分"]]
    assert _extras(load_bytes(word_file(rows, TITLE), "自评表.docx")) == [("合计/分值", "100")]


def test_a_target_table_total_row_is_not_read() -> None:
    rows = [["项目名称", "培训项目"], ["预算数", "17.00"], ["一级指标", "二级指标", "三级指标", "指标值"],
            ["产出指标", "数量指标", "培训人数", "≥100人"], ["合计", "", "", "100"]]
    result = load_bytes(word_file(rows, ["项目支出绩效目标表"]), "目标表.docx")
    assert result.document is not None
    assert [pair for pair in result.document.projects[0].extras if pair[0].startswith("合计")] == []
