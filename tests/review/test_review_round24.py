"""Round 24's rule changes (review-blind24), each with a case it must flag and a near miss it must leave
alone; every hit fails on the code before the round."""

from __future__ import annotations

from tests.review.test_review_round22 import found, messages, row
from tests.review.test_review_round23 import OUT, SAT, document

# typo: 的 written 得 before a satisfaction


def test_de_written_as_de_before_a_satisfaction_is_a_typo() -> None:
    doc = document(row(SAT, "服务对象满意度指标", "学生对学校伙食得满意度", "95%以上"), name="学生伙食费")
    assert messages(doc, "typo") == ["「学生对学校伙食得满意度」中的「得满意度」疑为错别字，应为「的满意度」"]
    near = document(row(SAT, "服务对象满意度指标", "学生对学校伙食的满意度", "95%以上"),
                    row(SAT, "服务对象满意度指标", "群众觉得满意的比例", "≥90%"), name="学生伙食费")
    assert found(near, "typo") == []


# cost-not-money: money per unit whose parts are joined by a full stop


def test_money_per_unit_joined_by_a_full_stop_is_money() -> None:
    doc = document(row("成本指标", "经济成本指标", "学生补助标准", "17元/人.每天"), name="学生伙食费")
    assert found(doc, "cost-not-money") == []
    rate = document(row("成本指标", "经济成本指标", "成本控制率", "100.每天"), name="学生伙食费")
    assert found(rate, "cost-not-money") == [1]


# target-set-low: a bare actual above 100 is in the target's unit


def test_a_bare_actual_far_above_a_floor_in_its_unit_is_set_low() -> None:
    doc = document(row(OUT, "数量指标", "享受医疗救助人次", "≥50000人次", actual="110406"),
                   kind="self-evaluation", name="医疗救助补助资金")
    assert messages(doc, "target-set-low") == [
        "「享受医疗救助人次」实际完成「110406」，超出指标值「≥50000人次」121%，说明目标值定得偏低，没有反映这笔钱能办成的事"]
    near = document(row(OUT, "数量指标", "新建示范村", "≥10个", actual="100"),  # 100: maybe 100 % done
                    row(OUT, "数量指标", "享受医疗救助人次", "≥50000人次", actual="52000"),  # near its floor
                    kind="self-evaluation", name="医疗救助补助资金")
    assert found(near, "target-set-low") == []


# target-deferred (new): a figure deferred to what actually happens


def test_a_figure_deferred_to_the_actual_is_flagged() -> None:
    value = "2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生人数为准。"
    doc = document(row(OUT, "数量指标", "新增学位", value), name="天立学校办学补贴")
    assert messages(doc, "target-deferred") == [
        "指标值「2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生…」写了数值又说「以实际招生人数为准」："
        "目标随实际结果变化，年底怎么完成都算达到，无法考核"]
    near = document(row(OUT, "成本指标", "项目总成本", "≤30万元,据实结算"),  # the ceiling still binds
                    row(OUT, "质量指标", "补助发放", "按实际情况发放"),  # words alone: vague-qualitative's
                    row(OUT, "数量指标", "补助学生人数", "≥168人"),
                    # two values that read as one deferral only when joined (the document's values searched at once)
                    row(OUT, "数量指标", "培训人数", "2期以实际"), row(OUT, "数量指标", "培训班次", "为准3期"),
                    name="学生伙食费")
    assert found(near, "target-deferred") == []
