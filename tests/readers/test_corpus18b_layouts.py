"""Self-evaluation header blocks first met in the corpus18b tables (120 Anhui 区域自评表, 121 Sichuan OCR pipe
rows), each on a tiny inline document: the shape, not the sample."""

from __future__ import annotations

from perfbudget.readers.text import read_text
from tests.readers.test_real_layout_faults import INDICATORS, _errors, _pipe_rows


def test_the_central_region_forms_department_labels_pair_with_their_values() -> None:
    # 转移支付区域(项目)绩效目标自评表: 中央主管部门 | 某部, 地方主管部门 | 某局 | 资金使用单位 | 某单位
    text = _pipe_rows([["转移支付(项目)名称", "旧址陈列布展项目"], ["中央主管部门", "国家文物局"],
                       ["地方主管部门", "某县文化旅游体育局", "资金使用单位", "某县文物局"],
                       ["资金情况(万元)", "全年预算数(A)", "全年执行数(B)", "预算执行率(B/A)"],
                       ["年度资金总额:", "127", "27.9996", "22%"], *INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    extras = document.projects[0].extras
    assert ("中央主管部门", "国家文物局") in extras
    assert ("地方主管部门", "某县文化旅游体育局") in extras
    assert ("资金使用单位", "某县文物局") in extras
    assert not any(key == "" for key, _ in extras)


_SICHUAN_FUNDS = """项目名称 | | 退耕还林工作经费 | | | | | | | | |
预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | | | 预算执行率 | 权重 | 得分 | 原因 |
| 总额 | 5.00 | 6.00 | 4.00 | | | 66.67% | 10 | | |
| 其中:财政资金 | 5.00 | 6.00 | 4.00 | | | 66.67% | / | / | |
| 其他资金 | | | | | | | / | / | |
"""


def test_funds_rows_standing_a_cell_left_of_their_header_keep_their_columns() -> None:
    # the side label 预算执行情况 merged down the block is a cell of the header row only (most lines start with
    # a pipe, so the rows' leading pipe is taken for a border): each amount is still read under its own column,
    # never 66.67% as 得分
    header, *rows = INDICATORS
    text = _SICHUAN_FUNDS + _pipe_rows([header]) + "".join("| " + line + "\n" for line in _pipe_rows(rows).split("\n")
                                                            if line)
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert str(project.budget.total) == "6.00"  # 调整后预算数
    extras = dict(project.extras)
    assert extras["总额/年初预算"] == "5.00"
    assert extras["总额/预算执行数"] == "4.00"
    assert extras["总额/预算执行率"] == "66.67%"
    assert extras["总额/权重"] == "10"
    assert "总额/得分" not in extras
    # a row whose few filled cells would fit either alignment stands as its grid's other rows do
    assert extras["其他资金/权重"] == "/" and extras["其他资金/得分"] == "/"
    assert "其他资金/预算执行率" not in extras


def test_a_monitoring_forms_funds_columns_keep_the_months_execution() -> None:
    # 绩效监控表 (Hubei 72's shape): 年初预算数 | 1-7月执行数 | 全年预计执行数 over 年度资金总额 and
    # 其中:当年一般公共预算拨款
    text = _pipe_rows([["项目名称", "申遗经费"], ["项目执行单位", "某市文物局"],
                       ["项目资金(万元)", "年初预算数", "1-7月执行数", "全年预计执行数"],
                       ["年度资金总额:", "220", "87.57", "210"], ["其中:当年一般公共预算拨款", "220", "87.57", "210"],
                       *INDICATORS])
    document, problems = read_text(text, "t.txt")
    assert document is not None and not _errors(problems)
    project = document.projects[0]
    assert str(project.budget.total) == "220" and str(project.budget.fiscal) == "220"
    extras = dict(project.extras)
    assert extras["项目执行单位"] == "某市文物局"
    assert extras["年度资金总额/1-7月执行数"] == "87.57"
    assert extras["年度资金总额/全年预计执行数"] == "210"
    assert extras["其中当年一般公共预算拨款/1-7月执行数"] == "87.57"
    assert "" not in extras


def test_bars_alone_are_no_cells_of_a_short_pipe_text_read_as_space_rows() -> None:
    # a page cut after four pipe rows (too few for pipe-rows) whose labels are known is read as space rows: the
    # bars between its cells are no cells (the project was named 「|」)
    text = ("转移支付(项目)名称 | 旧址陈列布展项目 | ||||||\n中央主管部门 | 国家文物局 | ||||||\n"
            "地方主管部门 | 某县文化旅游体育局 | 资金使用单位 | 某县文物局 | ||||\n"
            "资金情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | ||||\n年度资金总额:\n")
    document, problems = read_text(text, "t.txt")
    # the form cut before its budget is its named project, cut (reading26; before, no project and a warning naming it)
    assert document is not None and [(p.name, p.complete) for p in document.projects] == [("旧址陈列布展项目", False)]
    assert not any("「|」" in p.message for p in problems)
