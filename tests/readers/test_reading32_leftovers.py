"""Leftovers of reading31b and kinds31 (FAILURES.md BK, BJ): Guangxi's 中央及自治区补助 glued, Chongqing's 9.68?; and
a 区域 transfer 自评表's budget and title (corpus 177, reading32)."""

from __future__ import annotations

from decimal import Decimal

from perfbudget.load import load_bytes
from perfbudget.model import Severity

GLUED = """2023年度预算项目绩效目标公开表
项目名称某学校办学补贴
项目资金 (万元)合计1800
一般公共预算拨款小计1500
市本级1200
中央及自治区补助300
政府性基金预算拨款小计300
县本级300
其他资金
项目年度绩效目标衡量指标一级指标二级指标指标内容指标值
产出指标数量指标新增学位≥2300个
"""


def test_a_source_named_with_ji_is_one_detail_glued() -> None:
    # 中央及自治区补助300 was 中央及 (a text) and 自治区补助 300 (a part of its own, to be added up under an empty
    # total): the glued splitter took 自治区补助 for a label of its own after 及
    result = load_bytes(GLUED.encode(), "公开表.txt")
    assert result.document is not None
    extras = dict(result.document.projects[0].extras)
    assert extras.get("一般公共预算拨款/中央及自治区补助") == "300", extras
    assert "自治区补助" not in extras and "中央及" not in extras.values()


def test_a_source_without_its_amount_stays_one_text_glued() -> None:
    text = GLUED.replace("中央及自治区补助300", "中央及自治区补助").replace("市本级1200", "市本级1500")
    result = load_bytes(text.encode(), "公开表.txt")
    assert result.document is not None
    texts = [value for label, value in result.document.projects[0].extras if not label]
    assert "中央及自治区补助" in texts and "中央及" not in texts  # as in pipe rows (170)


CHONGQING = """2024年度部门整体绩效自评表 | ||||||||||
项目名称: | 重庆市某县某协会整体监控 | 项目编码: | 50023300024P000060 | 自评总分: | 99.68 | |||||
资金情况 | ||||||||||
年初预算数 | 全年(调整)预算数 | 全年执行数 | 执行率 | 执行率权重 | 执行率得分 | |||||
年度总金额 | 3,724,055.00? | 4,764,453.11? | 4,614,453.11? | 96.85? | ||||||
其中:财政拨款 | 3,724,055.00? | 4,764,453.11? | 4,614,453.11? | 96.85 | 10.00 | 9.68? | ||||
一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | |||
产出指标 | 数量指标 | 开展科普活动 | ≥6场 | 6场 | 20 | 20 | 无 | |||
"""


def test_points_with_a_lost_character_are_read_with_a_warning() -> None:
    result = load_bytes(CHONGQING.encode(), "自评表.txt")
    assert result.document is not None
    budget = result.document.projects[0].budget
    assert budget.weight == Decimal("10.00") and budget.score == Decimal("9.68") and budget.rate == Decimal("96.85")
    for figure in ("9.68?", "96.85?"):
        warned = [p.message for p in result.problems if p.severity is Severity.WARNING and f"「{figure}」" in p.message]
        assert warned and "丢失的字符" in warned[0], [p.message for p in result.problems]


def test_points_with_other_marks_stay_unread() -> None:
    # guard: 9.68?? is not a figure and a lost character: not read, as before
    result = load_bytes(CHONGQING.replace("9.68?", "9.68??").encode(), "自评表.txt")
    assert result.document is not None and result.document.projects[0].budget.score is None


TRANSFER = """2021年中央对地方专项转移支付区域绩效目标自评表(某分局)
单位名称 某市市场监督管理局某分局 联系人及电话 某某,13800000000
预算执行情况(万元)
 转移支付预算数(A) 5.8万 预算执行率(B/A) 100%
一级指标 二级指标 三级指标 指标值 完成值
产出指标 数量指标 药品抽验品种 ≥3 4
产出指标 质量指标 药品抽检完成率 100% 100%
"""


def test_a_transfer_forms_budget_and_a_title_that_names_no_project() -> None:
    # corpus 177: 转移支付预算数(A) 5.8万 is the budget (unread until reading32), and the title names the kind of
    # funds, not a project: no name is taken from it (main took 2021年中央对地方专项转移支付区域)
    result = load_bytes(TRANSFER.encode(), "区域自评表.txt")
    assert result.document is not None
    project = result.document.projects[0]
    assert project.budget.total == Decimal("5.8") and result.document.money_unit == "万元"
    assert not project.name
    unnamed = [p.message for p in result.problems if p.message.startswith("没有找到项目名称")]
    assert unnamed == ["没有找到项目名称：表头部分有资金，但没有写明项目名称，表题也没有指明项目，项目名称未知"
                       "；请在表前补上一行「项目名称：…」，或导入带表头部分的完整表格，再重新读取"]
    rows = [(i.level3, i.target.raw) for i in project.indicators]
    assert rows == [("药品抽验品种", "≥3"), ("药品抽检完成率", "100%")]


def test_a_region_forms_title_names_its_funds_without_the_word_quyu() -> None:
    from perfbudget.readers.table_titles import name_from_title
    assert name_from_title("2018年中等职业学校国家助学金区域绩效目标表") == "2018年中等职业学校国家助学金"
    assert name_from_title("2021年中央对地方专项转移支付区域绩效目标自评表") is None
    assert name_from_title("2023年某某项目绩效目标表") == "2023年某某项目"  # guard: as before
