"""Round 25's rule changes (review-blind25), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from perfbudget.model import Indicator
from perfbudget.review.engine import review_document
from perfbudget.target import parse_target
from tests.review.test_review_round22 import found, messages, row
from tests.review.test_review_round23 import EFF, OUT, document


def bare(level1: str, name: str, target: str) -> Indicator:
    """A row of a form without a 二级 column (绩效指标分类 | 绩效指标 | 指标值)."""
    return Indicator(level1, "", name, None, parse_target(target, name))


# payment-below-full: the share paid spelt out (…按标准发放的比率)


def test_a_share_paid_at_the_standard_spelt_out_is_a_payment_rate() -> None:
    doc = document(row(OUT, "质量指标", "农村低保救助资金按标准发放的比率", "90%"), name="困难群众救助补助")
    assert messages(doc, "payment-below-full") == [
        "「农村低保救助资金按标准发放的比率」的目标「90%」低于100%：应发放的资金应足额、准确发放给每一个符合条件的对象，目标偏低"]
    near = document(row(OUT, "质量指标", "救助资金及时发放的比例", "95%"),  # timeliness: late is not unpaid
                    row(OUT, "质量指标", "救助对象覆盖的比率", "90%"),  # coverage of a population
                    name="困难群众救助补助")
    assert found(near, "payment-below-full") == []


# missing-quantity-indicator, missing-time-indicator: a form without 二级 whose 产出 rows all read as shares


def test_a_two_level_table_of_shares_has_no_count_and_no_time_target() -> None:
    doc = document(bare(OUT, "救助覆盖率", "100%"), bare(OUT, "农村低保救助资金按标准发放的比率", "90%"),
                   bare("效果指标", "救助对象对救助工作满意度(%)", "85%"), name="困难群众救助补助")
    assert found(doc, "missing-quantity-indicator") == [None]
    assert found(doc, "missing-time-indicator") == [None]
    counted = document(bare(OUT, "救助人数", "≥1200人"), bare(OUT, "救助资金按月发放及时率", "100%"),
                       bare("效果指标", "救助对象满意度", "85%"), name="困难群众救助补助")
    assert found(counted, "missing-quantity-indicator") == []
    assert found(counted, "missing-time-indicator") == []
    in_words = document(bare(OUT, "救助覆盖率", "100%"), bare(OUT, "救助工作", "应救尽救"),
                        bare("效果指标", "救助对象满意度", "85%"), name="困难群众救助补助")
    assert found(in_words, "missing-quantity-indicator") == []  # a row in words cannot be told: not judged
    outputs_only = document(bare(OUT, "救助覆盖率", "100%"), name="困难群众救助补助")
    assert found(outputs_only, "missing-time-indicator") == []  # a table that stops after its 产出


# satisfaction-outside-group: a row with no 一级 is in no group


def test_a_satisfaction_without_any_level_is_not_said_to_be_misfiled() -> None:
    no_levels = document(Indicator("", "", "补助对象对项目满意率", None, parse_target("≥90%", "补助对象对项目满意率")))
    assert found(no_levels, "satisfaction-outside-group") == []
    read_from_level2 = document(Indicator("", "社会效益指标", "群众满意度", None, parse_target("≥90%", "群众满意度")))
    assert messages(read_from_level2, "satisfaction-outside-group") == [
        "满意度指标「群众满意度」放在了「效益指标」下，满意度不能代替产出或效益"]  # (was 「」)
    near = document(row(EFF, "社会效益指标", "群众满意度", "≥90%"))
    assert messages(near, "satisfaction-outside-group") == [
        "满意度指标「群众满意度」放在了「效益指标」下，满意度不能代替产出或效益"]


# time-without-date: a schedule in the name


def test_a_payment_schedule_in_the_name_is_a_time_target() -> None:
    doc = document(row(OUT, "时效指标", "优抚对象生活补助金每月中旬发放", "100%"),
                   row(OUT, "时效指标", "义务兵家庭优待金每年3月、9月份发放", "100%"), name="优抚对象生活补助")
    assert found(doc, "time-without-date") == []
    near = document(row(OUT, "时效指标", "完成年度资料上报", "100%"),
                    row(OUT, "时效指标", "每年开展培训", "100%"), name="优抚对象生活补助")  # 每年: no time said
    assert found(near, "time-without-date") == [1, 2]


# level-not-in-framework: a form's one cell for several 二级


def test_a_merged_cell_of_framework_level2s_is_the_forms() -> None:
    doc = document(row(EFF, "社会、经济、生态效益指标", "车辆维护费用减少率", "≥5%"), name="公务用车购置")
    assert found(doc, "level-not-in-framework") == []
    near = document(row(EFF, "社会、管理效益指标", "车辆维护费用减少率", "≥5%"),
                    row(EFF, "经济效益和管理指标", "百公里维修费支出", "≤500元/100km"), name="公务用车购置")
    assert found(near, "level-not-in-framework") == [1, 2]


# cost-not-money: a budget execution rate as the cost is told as the input it is


def test_budget_execution_as_the_cost_is_told_as_an_input() -> None:
    doc = document(row(OUT, "成本指标", "预算执行率", "≥95%"), row(OUT, "成本指标", "政府采购率", "≥30%"),
                   name="公务用车购置")
    assert [f.message + "｜" + f.suggestion for f in review_document(doc, only={"cost-not-money"}).findings] == [
        "成本指标「预算执行率」（≥95%）衡量的是预算执行，是资金投入，不是成本：花掉多少钱不说明每项产出花了多少，无法与预算对照"
        "｜删去该指标（预算执行率在自评时另行计分），成本指标写成金额或单位成本，如「≤17万元」「≤12万元/辆」",
        "成本指标「政府采购率」的指标值「≥30%」不是金额，无法与预算对照"
        "｜成本指标应写成金额或单位成本，如「≤17万元」「≤475元/亩」；比率可移到效益或质量指标"]


# management-as-output: how the unit buys


def test_a_procurement_procedures_compliance_is_management() -> None:
    doc = document(row(OUT, "质量指标", "采购程序规范性", "100%"), name="公务用车购置")
    assert messages(doc, "management-as-output") == [
        "「采购程序规范性」衡量的是采购、招标的程序是否合规，是每个项目都要遵守的管理要求（自评时在项目管理部分另行计分），"
        "不是产出的质量"]
    near = document(row(OUT, "质量指标", "政府采购率", "≥30%"), row(OUT, "质量指标", "采购设备验收合格率", "100%"),
                    row(OUT, "质量指标", "购置车辆质量合格率", "100%"), name="公务用车购置")
    assert found(near, "management-as-output") == []


# level2-misplaced: the word quoted does not change with the hash seed


def test_the_word_a_misplaced_row_is_quoted_by_is_the_same_on_every_run() -> None:
    script = (
        "from tests.review.test_review_round22 import messages, row\n"
        "from tests.review.test_review_round23 import EFF, document\n"
        "print(messages(document(row(EFF, '经济效益指标', '完成初中学历教育,确保全年未发生一起安全事故,校园安全稳定',"
        " '无事故')), 'level2-misplaced')[0])\n")
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONHASHSEED": "0"}  # (main quoted 「稳定」 at this seed, 「事故」 or 「安全」 at others)
    out = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True, text=True, check=True)
    assert "但「事故」是社会方面的效益，不是经济效益" in out.stdout, out.stdout  # (the group named since round 30)


# cost-not-money: a cost's control written as a share is asked as the amount, not moved to 效益


def test_a_costs_control_as_a_share_is_asked_as_an_amount() -> None:
    doc = document(row(OUT, "成本指标", "年度维护成本增长率", "≤20%"), name="信息化运维")
    assert [f.message + "｜" + f.suggestion for f in review_document(doc, only={"cost-not-money"}).findings] == [
        "成本指标「年度维护成本增长率」的指标值「≤20%」是比率，不是金额：看不出本年这项成本要控制在多少钱以内，无法与预算对照"
        "｜写明这项成本控制在多少钱以内，如「≤…万元」（增长率、控制率按上年实际成本或预算换算成金额），或写单位成本，如「≤475元/亩」"]
