"""Layouts first met in the corpus19b tables (129–131: Yunnan, Ningxia, a 长江禁捕 自评表), each stated on a tiny
inline text: the shape, not the sample."""

from __future__ import annotations

from perfbudget.readers.text import read_text
from tests.readers.test_corpus16_layouts import _errors

# ---- pipe rows whose page stops in the first cell of the next row, before its separator ----------------------------

_ROWS = ("项目名称 | 某某补助资金 | |\n预算数(A) | 100 | |\n"
         "一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分 |\n"
         "产出指标 | 数量指标 | 示范面积 | ≥500亩 | 500亩 | 10 |\n"
         "产出指标 | 质量指标 | 配方肥到位率 | ≥80% | 85% | 10 |\n"
         "效益指标 | 社会效益指标 | 受益农户数 | 5000户 | 5000户 | 5 |\n")


def test_a_last_line_that_starts_a_level_name_without_a_separator_is_the_cut() -> None:
    document, problems = read_text(_ROWS + "生态\n", "p.txt")
    assert document is not None
    assert [i.level3 for i in document.projects[0].indicators] == ["示范面积", "配方肥到位率", "受益农户数"]
    assert any("表格在此中断" in message for message in _errors(problems))


def test_a_last_line_of_other_text_after_the_rows_is_no_cut() -> None:
    for last in ("填报人：张三\n", "生态文明建设示范区的说明文字\n"):
        document, problems = read_text(_ROWS + last, "p.txt")
        assert document is not None, last
        assert len(document.projects[0].indicators) == 3, last
        assert not any("表格在此中断" in message for message in _errors(problems)), last
