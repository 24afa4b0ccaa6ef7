"""Round 28's rule changes (review-blind28), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfbudget.model import Budget, Document, Indicator, Project, Source, Unit
from perfbudget.target import parse_target
from tests.review.test_review_round22 import found, messages, row
from tests.review.test_review_round23 import EFF, OUT, SAT

COST = "成本指标"


def described(level1: str, level2: str, name: str, description: str, target: str) -> Indicator:
    return Indicator(level1, level2, name, description, parse_target(target, name))


def document(*indicators: Indicator, name: str = "科技创新工作经费", budget: str = "60", complete: bool = True,
             unit: str | None = None) -> Document:
    project = Project(seq=1, title=None, name=name, fund_year=2022, fund_label=None, fund_source=None,
                      budget=Budget(total=Decimal(budget)), purpose=None, goals=(), indicators=indicators,
                      complete=complete)
    return Document(Unit(None, unit), "万元", (project,), kind="target", source=Source("inline"))


# input-as-output: the money granted (拨款) is the money going in, as 拨付 is


def test_the_budget_granted_under_quantity_is_an_input() -> None:
    doc = document(row(OUT, "数量指标", "预算资金拨款率", "100%"), row(OUT, "数量指标", "服务窗口数量", "20个"))
    assert found(doc, "input-as-output") == [1]
    near = document(row(OUT, "数量指标", "拨款项目数量", "5个"))  # projects counted, not money
    assert found(near, "input-as-output") == []


# cost-is-budget: the project's own name as the cost row at the whole budget; a bare 万 in a cost row is 万元


def test_the_project_itself_as_its_cost_is_the_budget_restated() -> None:
    doc = document(row(OUT, COST, "市民中心运行维护费", "150万"), name="市民中心运行维护费", budget="150")
    assert "就是项目预算总额150万元" in messages(doc, "cost-is-budget")[0]
    near = document(row(OUT, COST, "大厅保洁服务费", "150万"), name="市民中心运行维护费", budget="150")
    assert found(near, "cost-is-budget") == []  # a part's cost named for what it buys
    part = document(row(OUT, COST, "市民中心运行维护费", "50万"), name="市民中心运行维护费", budget="150")
    assert found(part, "cost-is-budget") == []


# level2-misplaced: a place running normally (正常率) is no economic effect; where people live is no ecology


def test_a_rate_of_normal_running_under_economic_effect_is_misplaced() -> None:
    doc = document(row(EFF, "经济效益指标", "大厅运行正常率", "100%"),
                   row(EFF, "生态效益指标", "优化安置小区生活环境,营造安全舒适的居住环境", "显著提高"))
    assert found(doc, "level2-misplaced") == [1, 2]
    near = document(row(EFF, "经济效益指标", "设备正常运行节约维修费用", "≥2万元"),  # money saved
                    row(EFF, "生态效益指标", "改善河道生态环境", "显著改善"))  # nature
    assert found(near, "level2-misplaced") == []


# missing-time-indicator / missing-quantity-indicator: a table cut after its 产出 is judged for the 产出 it holds


def test_a_table_cut_after_its_output_is_asked_for_its_time_row() -> None:
    rows = (row(OUT, "数量指标", "服务窗口数量", "20个"), row(OUT, "质量指标", "政务服务办结率", "100%"),
            row(OUT, COST, "运行维护成本", "≤150万元"), row(EFF, "社会效益指标", "群众办事便利度", "≥90%"))
    assert found(document(*rows, complete=False), "missing-time-indicator") == [None]
    cut_in_output = document(*rows[:3], complete=False)  # cut before 效益: the 时效 may follow
    assert found(cut_in_output, "missing-time-indicator") == []
    quantity = document(row(OUT, "质量指标", "违法案件查办率", "100%"),
                        row(OUT, "时效指标", "完成时间", "2021年12月31日"),
                        row(EFF, "社会效益指标", "重大食品安全事故发生数", "0次"), complete=False)
    assert found(quantity, "missing-quantity-indicator") == [None]


def test_a_quantity_group_of_money_only_counts_nothing_delivered() -> None:
    doc = document(row(OUT, "数量指标", "预算执行率", "100%"), row(OUT, "数量指标", "预算资金拨款率", "100%"),
                   row(OUT, "质量指标", "政务服务工作办结率", "100%"),
                   row(EFF, "社会效益指标", "群众办事便利度", "≥90%"))
    assert "只写了投入" in messages(doc, "missing-quantity-indicator")[0]
    near = document(row(OUT, "数量指标", "预算执行率", "100%"), row(OUT, "数量指标", "服务窗口数量", "20个"),
                    row(OUT, "质量指标", "政务服务工作办结率", "100%"),
                    row(EFF, "社会效益指标", "群众办事便利度", "≥90%"))
    assert found(near, "missing-quantity-indicator") == []


# unit-mismatch: an amount of money in a unit that is no money


def test_an_amount_in_a_unit_that_is_no_money_is_flagged() -> None:
    doc = document(row(OUT, "数量指标", "技术交易额", "2个亿以上"))
    assert messages(doc, "unit-mismatch") == ["金额类指标「技术交易额」的计量单位是「个亿」，不是货币单位（2个亿以上）"]
    near = document(row(OUT, "数量指标", "技术交易额", "≥2亿元"), row(OUT, "数量指标", "技术交易额", "2亿"),
                    row(OUT, "数量指标", "招生名额", "50个"))  # 名额: places, not money
    assert found(near, "unit-mismatch") == []


# name-description-mismatch: an amount named, a count described


def test_an_amount_named_and_a_count_described_disagree() -> None:
    doc = document(described(OUT, "数量指标", "技术交易额", "全年全县完成技术交易数量", "2亿元"))
    assert found(doc, "name-description-mismatch") == [1]
    near = document(described(OUT, "数量指标", "技术交易额", "全年全县完成技术交易金额", "2亿元"),
                    described(OUT, "数量指标", "产学研合作项目数量", "全年开展产学研合作项目数量", "≥10项"))
    assert found(near, "name-description-mismatch") == []


# typo: three slips seen in judged tables


def test_a_disease_a_river_and_the_public_misspelt() -> None:
    doc = document(row(OUT, "质量指标", "广大群众对病风病防治知识知晓率", "100%"),
                   row(OUT, "数量指标", "中小河流治理问道长度", "5公里"),
                   row(EFF, "社会效益指标", "发展全民健身运动", "有效提高全面健康水平"))
    assert found(doc, "typo") == [1, 2, 3]
    near = document(row(OUT, "质量指标", "麻风病防治知识知晓率", "100%"), row(OUT, "数量指标", "河道治理长度", "5公里"),
                    row(EFF, "社会效益指标", "促进经济社会全面健康发展", "显著"))
    assert found(near, "typo") == []


# duplicate-indicator: the same people counted twice under two names


def test_the_same_people_counted_twice_under_two_names() -> None:
    doc = document(row(OUT, "数量指标", "*贫困地区贫困人口加入合作社、村集体经济组织人数(≥**人)", ">=1102人"),
                   row(OUT, "数量指标", "资产入股贫困人口总数(≥**人)", ">=1102人"),
                   row(EFF, "社会效益指标", "受益建档立卡贫困人口数(≥**人)", ">=1102人"))
    assert found(doc, "duplicate-indicator") == [2]
    # a service counted for the same children (稷山's 健康管理 and 眼保健操), or other people, is another output
    near = document(row(OUT, "数量指标", "0-6岁儿童健康管理数", "2089人"),
                    row(OUT, "数量指标", "0-6岁儿童眼保健操覆盖数", "2089人"),
                    row(OUT, "数量指标", "培训人数", "100人"), row(OUT, "数量指标", "就业人数", "100人"))
    assert found(near, "duplicate-indicator") == []


# satisfaction-not-served (new): hired staff, the tax office, the banks alone in a lending scheme


def test_a_satisfaction_asked_of_someone_the_project_does_not_serve() -> None:
    staff = document(row(SAT, "服务对象满意度指标", "活动参与人员满意度", "≥95%"),
                     row(SAT, "服务对象满意度指标", "聘用人员满意度", "≥95%"), name="图书馆免费开放")
    assert found(staff, "satisfaction-not-served") == [2]
    tax = document(row(SAT, "服务对象满意度指标", "税务局对我单位税费缴纳及时、足额的满意度", "=100%"),
                   name="国有资产出租收入应交税费")
    assert found(tax, "satisfaction-not-served") == [1]
    banks = document(row(OUT, "数量指标", "本年度创业担保贷款发放额", "4000万元"),
                     row(SAT, "服务对象满意度指标", "申报定向费用补贴金融机构满意度", "≥80%"),
                     name="普惠金融发展专项资金")
    assert found(banks, "satisfaction-not-served") == [None]
    assert "没有问他们是否满意" in messages(banks, "satisfaction-not-served")[0]


def test_those_served_asked_too_is_not_flagged() -> None:
    borrowers = document(row(OUT, "数量指标", "创业担保贷款发放额增长率", "≥10%"),
                         row(SAT, "服务对象满意度指标", "申请定向费用补贴金融机构满意度", "≥80%"),
                         row(SAT, "服务对象满意度指标", "申报创业担保贷款贴息个人满意度", "≥80%"),
                         name="普惠金融发展专项资金")
    assert found(borrowers, "satisfaction-not-served") == []
    users = document(row(SAT, "服务对象满意度指标", "干警满意度", "≥95%"), name="审判楼安全隐患维修")
    assert found(users, "satisfaction-not-served") == []
    wages = document(row(SAT, "服务对象满意度指标", "聘用人员满意度", "≥95%"), name="临聘人员工资")
    assert found(wages, "satisfaction-not-served") == []
    own = replace(tax_document(), unit=Unit(None, "某县税务局"))  # a tax office's own staff asked
    assert found(own, "satisfaction-not-served") == []


def tax_document() -> Document:
    return document(row(SAT, "服务对象满意度指标", "税务局干部职工满意度", "≥95%"), name="办税服务厅维修")


# value-in-name: a name ruling out what its value allows


def test_a_name_saying_none_happens_with_a_value_above_zero() -> None:
    doc = document(row(EFF, "社会效益指标", "全市重点优抚对象总体保持稳定,年内无群体性事件发生", "小于5次"))
    assert "（即0次）" in messages(doc, "value-in-name")[0]
    near = document(row(EFF, "社会效益指标", "年内无群体性事件发生", "0次"),
                    row(EFF, "社会效益指标", "群体性事件发生次数", "小于5次"))
    assert found(near, "value-in-name") == []
