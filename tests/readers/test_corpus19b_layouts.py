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


# ---- Ningxia's 绩效目标自评表: its header labels, fund parts and 未完成原因及改进措施 column ---------

_NINGXIA = ("项目名称 | 某某示范推广项目 | 项目实施单位/项目负责人 | 某中心/某人 |\n"
            "自治区主管部门 | 农业农村厅 | 专项实施期 | 2022年3月-2022年11月 |\n"
            "市县财政部门 | 某区财政局 | 市县主管部门 | 某区农业农村局 |\n"
            "资金情况(万元) | | 全年预算数(A) | 全年执行数(B) | 执行率(B/A) |\n"
            "| 年度资金总额 | 300 | 259.45 | 86.5% |\n"
            "| 自治区补助 | 300 | 259.45 | 86.5% |\n"
            "一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及改进措施 |\n"
            "产出指标 | 数量指标 | 发放原种数量 | 8 | 550万粒 | 550万粒 | 8 | 无 |\n"
            "效益指标 | 可持续影响指标 | 种薯繁育体系完善 | 8 | 是 | 基本达到 | 7 | 加强技术指导 |\n")


def test_ningxia_self_evaluation_labels_parts_and_reasons_are_read_into_their_fields() -> None:
    document, problems = read_text(_NINGXIA, "n.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    extras = dict(project.extras)
    assert extras["自治区主管部门"] == "农业农村厅" and extras["专项实施期"] == "2022年3月-2022年11月"
    assert extras["项目实施单位/项目负责人"] == "某中心/某人" and extras["市县主管部门"] == "某区农业农村局"
    assert extras["自治区补助/全年执行数"] == "259.45"
    assert "" not in extras  # no unlabelled cell
    last = project.indicators[-1]
    assert (last.weight, last.target.raw, last.actual, last.score) == (8, "是", "基本达到", 7)
    assert last.deviation == "加强技术指导"
