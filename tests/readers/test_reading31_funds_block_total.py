"""Guangxi's 预算项目绩效目标公开表 (百色, keys 170–172): the funds block's label, its money unit, its
total's label and the amount on one row (``项目资金 (万元) | 合计 | 1800``), its sources in the rows below
(一般公共预算拨款 | 小计 | 1800, 市本级 | 1800 …). Until reading31 the budget was not read (合计 and 1800 two
unlabelled texts), in pipe rows or glued; 项目实施内容 and 中期绩效目标 were unlabelled texts too."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

PIPES = """2023年度预算项目绩效目标公开表 | |||||||
项目名称 | 某学校办学补贴 | ||||||
项目主管部门 | 某市教育局 | 项目实施单位 | 某市教育局 | ||||
项目资金 (万元) | 合计 | 1800 | |||||
一般公共预算拨款 | 小计 | 1800 | |||||
市本级 | 1800 | ||||||
中央及自治区补助 | |||||||
其他资金 | |||||||
项目实施内容 | 按协议支付合作办学经费。 | ||||||
年度绩效目标 | 确保协议履约,实现学校正常运行。 | ||||||
中期绩效目标 | 增加优质教育资源供给。 | ||||||
项目年度绩效目标衡量指标 | 一级指标 | 二级指标 | 指标内容 | 指标值 | |||
产出指标 | 产出数量指标 | 新增学位 | ≥2300个 | ||||
"""

GLUED = """2023年度预算项目绩效目标公开表
项目名称某学校办学补贴
项目主管部门某市教育局项目实施单位某市教育局
项目资金 (万元)合计1800
一般公共预算拨款小计1800
市本级1800
项目年度绩效目标衡量指标一级指标二级指标指标内容指标值
产出指标数量指标新增学位≥2300个
"""


@pytest.mark.parametrize("text", [PIPES, GLUED], ids=["pipes", "glued"])
def test_the_funds_blocks_total_row_is_the_budget(text: str) -> None:
    result = load_bytes(text.encode(), "公开表.txt")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None and result.document.money_unit == "万元"
    project = result.document.projects[0]
    assert project.name == "某学校办学补贴" and project.budget.total == Decimal(1800)
    assert [(i.level3, i.target.raw) for i in project.indicators] == [("新增学位", "≥2300个")]


def test_the_forms_texts_keep_their_labels() -> None:
    result = load_bytes(PIPES.encode(), "公开表.txt")
    assert result.document is not None
    extras = dict(result.document.projects[0].extras)
    assert extras["项目实施内容"] == "按协议支付合作办学经费。"
    assert extras["中期绩效目标"] == "增加优质教育资源供给。"


def test_a_total_label_followed_by_more_than_an_amount_is_no_budget() -> None:
    # 项目资金 (万元) | 合计 | 1800 | 其他 | 20: not the total's row alone (which figure is whose is not said)
    text = PIPES.replace("项目资金 (万元) | 合计 | 1800 | |||||",
                         "项目资金 (万元) | 合计 | 1800 | 说明 | 含结转20 | |||")
    result = load_bytes(text.encode(), "公开表.txt")
    assert result.document is not None and result.document.projects[0].budget.total is None
