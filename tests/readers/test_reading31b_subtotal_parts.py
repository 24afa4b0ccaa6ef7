"""A part of the budget given with its 小计 and its details below it (Guangxi's 预算项目绩效目标公开表, keys
170–172): ``一般公共预算拨款 | 小计 | 1800`` then ``市本级 | 1800``. Until reading31b the 小计 and both amounts were
unlabelled texts (``readers/subtotal_parts.py``)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfbudget.load import load_bytes
from perfbudget.model import Severity

PIPES = """2023年度预算项目绩效目标公开表 | |||||||
项目名称 | 某学校办学补贴 | ||||||
项目资金 (万元) | 合计 | 1800 | |||||
一般公共预算拨款 | 小计 | 1,500 | |||||
市本级 | 1200 | ||||||
中央及自治区补助 | 300 | ||||||
政府性基金预算拨款 | 小计 | 300 | |||||
县本级 | 300 | ||||||
其他资金 | |||||||
项目实施内容 | 按协议支付合作办学经费。 | ||||||
项目年度绩效目标衡量指标 | 一级指标 | 二级指标 | 指标内容 | 指标值 | |||
产出指标 | 产出数量指标 | 新增学位 | ≥2300个 | ||||
"""

GLUED = """2023年度预算项目绩效目标公开表
项目名称某学校办学补贴
项目资金 (万元)合计1800
一般公共预算拨款小计1500
市本级1200
区本级300
政府性基金预算拨款小计300
县本级300
其他资金
项目年度绩效目标衡量指标一级指标二级指标指标内容指标值
产出指标数量指标新增学位≥2300个
"""


def _project(text: str):  # type: ignore[no-untyped-def]
    result = load_bytes(text.encode(), "公开表.txt")
    assert not [p for p in result.problems if p.severity is Severity.ERROR], [str(p) for p in result.problems]
    assert result.document is not None
    return result.document.projects[0]


@pytest.mark.parametrize("text", [PIPES, GLUED], ids=["pipes", "glued"])
def test_each_part_and_its_details_keep_their_names(text: str) -> None:
    project = _project(text)
    labelled = [(label, cell.strip()) for label, cell in project.extras if "/" in label or "拨款" in label]
    second = "中央及自治区补助" if "|" in text else "区本级"  # (glued, 中央及 | 自治区补助 is split by its known end)
    assert labelled == [("一般公共预算拨款", "1,500" if "|" in text else "1500"),
                        ("一般公共预算拨款/市本级", "1200"), (f"一般公共预算拨款/{second}", "300"),
                        ("政府性基金预算拨款", "300"), ("政府性基金预算拨款/县本级", "300")]
    unlabelled = [cell for label, cell in project.extras if not label]
    assert not any(word in cell for cell in unlabelled for word in ("小计", "1200", "300", "本级"))
    # the parts 1500 + 300 make the filled total: all of 财政资金 (since reading-v; not added up until then)
    assert project.budget.total == Decimal(1800) and project.budget.fiscal == Decimal(1800)


def test_a_detail_keeps_its_location() -> None:
    project = _project(PIPES)
    assert dict(project.extras)["一般公共预算拨款/市本级"] == "1200"
    detail, part = project.sources["funds.一般公共预算拨款/市本级"], project.sources["funds.一般公共预算拨款"]
    assert (detail.line, detail.column, part.line, part.column) == (5, 2, 4, 3)


def test_a_known_label_after_the_part_is_no_detail() -> None:
    # 年度绩效目标 right after the part: a label of its own, read as before
    text = PIPES.replace("市本级 | 1200 | ||||||\n", "年度绩效目标 | 确保协议履约。 | ||||||\n")
    project = _project(text)
    assert project.goals == ("确保协议履约。",)
    assert not any(label.startswith("一般公共预算拨款/年度") for label, _ in project.extras)
