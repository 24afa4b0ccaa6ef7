"""A 转移支付区域绩效目标表 / 专项资金绩效目标表's funds as columns (kinds37):
``资金情况（万元） | 年度金额 | 中央补助 | 地方资金`` over ``| 5000 | 4000 | 1000``. The parts of 财政资金 after the
total made the row no money head: the table read "ok" with its budget lost and 年度金额 gone, without a word. The
parts are read as the rows form reads them (each an extra under its label, 财政资金 their sum where they make the
total); the rows form — a guard — and every other field (专项名称, the two 主管部门, 年度目标, the indicators) read
as before."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity
from tests.readers.word_tables import form_file

IND = [["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
       ["", "产出指标", "数量指标", "改造农村危房户数", "≥1200户"],
       ["", "效益指标", "社会效益指标", "住房安全保障率", "100%"],
       ["", "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"]]
COLUMNS = [["资金情况（万元）", "年度金额", "中央补助", "地方资金"], ["", "5000", "4000", "1000"]]
ROWS = [["资金情况（万元）", "年度金额：", "5000"], ["", "其中：中央补助", "4000"], ["", "地方资金", "1000"]]
COLUMNS_QIZHONG = [["资金情况（万元）", "年度资金总额", "其中：中央补助", "地方资金"], ["", "5000", "4000", "1000"]]


def _region(funds: list[list[str]], form: str) -> tuple[bytes, str]:
    rows = [["专项名称", "农村危房改造补助资金"], ["中央主管部门", "住房和城乡建设部"],
            ["地方主管部门", "某省住房和城乡建设厅"], *funds,
            ["年度目标", "完成农村危房改造1200户，保障农村低收入群体住房安全。"], *IND]
    return form_file(rows, ["中央对地方专项转移支付区域绩效目标表", "（2023年度）"], form, "区域")


@pytest.mark.parametrize("form", ["tabs", "pipes", "lines", "docx"])
@pytest.mark.parametrize("funds", [COLUMNS, COLUMNS_QIZHONG, ROWS], ids=["columns", "columns-qizhong", "rows"])
def test_a_region_tables_funds_read_whole(form: str, funds: list[list[str]]) -> None:
    read = load_bytes(*_region(funds, form))
    assert read.ok and read.document is not None, [str(p) for p in read.problems]
    (project,) = read.document.projects
    assert project.name == "农村危房改造补助资金"
    assert (project.budget.total, project.budget.fiscal) == (Decimal(5000), Decimal(5000))
    extras = dict(project.extras)
    assert extras["中央主管部门"] == "住房和城乡建设部" and extras["地方主管部门"] == "某省住房和城乡建设厅"
    parts = [(key, text) for key, text in project.extras if key.endswith(("中央补助", "地方资金"))]
    assert [text for _, text in parts] == ["4000", "1000"] and parts[1][0] == "地方资金"
    assert project.goals == ("完成农村危房改造1200户，保障农村低收入群体住房安全。",) and len(project.indicators) == 3
    assert not [p for p in read.problems if p.severity is not Severity.INFO]
