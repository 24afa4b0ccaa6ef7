"""The rules of review depth (issue 13): a case each must flag and a near miss, in real wording.

Same form as ``test_review_rules.py`` (whose completeness test counts these cases too). The
wording comes from real published tables where one had the fault: 持续影响 (天津河北区法院
2023), 安全率 under 经济效益 (廊坊 2019), 雾炮车风炮射程 ≥80M and a satisfaction as the only
effect (湘潭 2023), 培训完成率 beside 主体班培训人次 and 及时完成率 (黄石 2022), 完成项目主体工程70%
against 完成及时率 (岳阳县 2022), 为建档立卡扶贫户解决临时性的困难 (濉溪 2019).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from perfbudget.review.engine import review_document
from tests.review.review_helpers import GOOD_ROWS, Run, header, read, with_row
from tests.review.test_department_frameworks import department, department_rows

R = list[list[str]]
OUT, Q, T, C, N = "产出指标", "质量指标", "时效指标", "成本指标", "数量指标"
E, SE, EE, EC, SUS = "效益指标", "社会效益指标", "经济效益指标", "生态效益指标", "可持续影响指标"
S, SS = "满意度指标", "服务对象满意度指标"


def row(level1: str, level2: str, name: str, value: str, description: str | None = None) -> list[str]:
    return [level1, level2, name, name if description is None else description, value]


def wage_header(goals: str = "保障单位在职人员工资按时足额发放") -> list[list[str]]:
    rows = header(goals=goals, purpose="用于在职人员工资福利支出")
    rows[1] = ["项目名称", "在职人员工资-2024中央"]
    return rows


def subsidy_header() -> list[list[str]]:
    rows = header(goals="1.按时足额发放全镇党支部书记补贴", purpose="用于发放党支部书记补贴")
    rows[1] = ["项目名称", "党支部书记补贴"]
    return rows


def monitoring_header() -> list[list[str]]:
    rows = header(goals="1.百岁宫空气自动监测站全年运行，有效监测数据获取率不低于90%",
                  purpose="用于大气自动监测站运行维护")
    rows[1] = ["项目名称", "百岁宫大气监测专项-2021"]
    return rows


def training_header() -> list[list[str]]:
    rows = header(goals="1.开展急救调度员上岗培训，培训合格率100%", purpose="用于卫生健康人才培养培训")
    rows[1] = ["项目名称", "卫生健康人才培养培训一次性开办费-2021省级"]
    return rows


def named_header(name: str) -> list[list[str]]:
    rows = header()
    rows[1] = ["项目名称", name]
    return rows


WAGE_ROWS = [row(OUT, N, "工资发放人数", "≥50人"), row(E, SE, "保障单位正常运转", "正常运转")]


DEPTH_FLAG: list[tuple[str, str, R, Any, list[tuple[int | None, str | None]]]] = [
    # 1 goals that cannot be measured
    ("goals-not-measurable", "no figure (濉溪)", GOOD_ROWS, header(goals="1.为建档立卡扶贫户解决临时性的困难"),
     [(None, "goals")]),
    ("goals-not-measurable", "only the money split", GOOD_ROWS,
     header(goals="1.项目资金10万元，其中财政资金10万元，用于系统运行维护支出"), [(None, "goals")]),
    # 2 vague values, by words
    ("vague-qualitative", "持续影响 (天津)", with_row(5, row(E, SUS, "消除安全隐患", "持续影响")), None,
     [(5, "target")]),
    ("vague-qualitative", "严格执行相关制度规定", with_row(5, row(E, SE, "财务管理", "严格执行相关制度规定")), None,
     [(5, "target")]),
    ("vague-qualitative", "合规", with_row(5, row(E, SE, "项目管理", "合规")), None, [(5, "target")]),
    ("vague-qualitative", "长期", with_row(5, row(E, SUS, "项目发挥作用期限", "长期")), None, [(5, "target")]),
    ("vague-qualitative", "the name as its value", with_row(5, row(E, SE, "办公条件", "办公条件")), None,
     [(5, "target")]),
    # 3 money as output
    ("input-as-output", "经费到位及时性", with_row(3, row(OUT, T, "经费到位及时性", "100%")), None, [(3, "level3")]),
    ("input-as-output", "支付资金 in a longer name", with_row(3, row(OUT, T, "按时支付资金比例", "100%")), None,
     [(3, "level3")]),
    ("input-as-output", "550万元 as a quantity", with_row(1, row(OUT, N, "设备购置及安装", "550万元")), None,
     [(1, "target")]),
    # 4 no genuine effect
    ("no-genuine-effect", "satisfaction as the only effect (湘潭)",
     with_row(5, row(E, SE, "服务周期内,市民对空气质量改善的满意程度", "≥85%")), None, [(None, None)]),
    ("output-as-effect", "完成率 under 社会效益", with_row(5, row(E, SE, "项目完成率", "100%")), None, [(5, "level3")]),
    # 5 goal ↔ indicator coverage
    ("goal-not-covered", "work with a figure no indicator measures", GOOD_ROWS,
     header(goals="1.全年保障视频会议12次以上；培训基层干部500人次"), [(None, "goals")]),
    # 6 quality restating quantity, specs as quantities
    ("quality-restates-quantity", "培训完成率 (黄石)",
     [row(OUT, N, "主体班培训人次", "≥1100人次"), row(OUT, Q, "培训完成率", "100%"), *GOOD_ROWS[2:]], None,
     [(2, "level3")]),
    ("spec-as-quantity", "雾炮车风炮射程 (湘潭)", [*GOOD_ROWS, row(OUT, N, "雾炮车风炮射程", "≥80M")], None,
     [(7, "level2")]),
    # 7 targets against the goal and the money
    ("goal-figure-mismatch", "goal 70%, indicator 100% (岳阳)",
     with_row(2, row(OUT, Q, "项目(工程)完成及时率", "100%")), header(goals="1.完成项目主体工程70%"), [(2, "target")]),
    ("unit-cost-vs-budget", "1600元/亩 × 5000亩 ≫ 10万元",
     [*GOOD_ROWS[:3], row(OUT, C, "亩均建设成本", "≤1600元/亩"), *GOOD_ROWS[4:],
      row(OUT, N, "建设农田面积", "≥5000亩")],
     None, [(4, "target")]),
    ("unit-cost-as-total", "人均 cost equal to the budget", with_row(4, row(OUT, C, "人均培训成本", "≤10万元")), None,
     [(4, "target")]),
    ("total-cost-below-budget", "项目总成本 a twentieth of the budget (round 41)",
     with_row(4, row(OUT, C, "项目总成本", "≤0.5万元")), None, [(4, "target")]),
    ("unit-mismatch", "a state in % (临邑)", with_row(5, row(E, SE, "学生受益情况", "=100%")), None,
     [(5, "target")]),
    # 8 names, groups, direction
    ("name-without-object", "及时完成率 (黄石)", with_row(3, row(OUT, T, "及时完成率", "100%")), None, [(3, "level3")]),
    ("level2-misplaced", "安全率 under 经济效益 (廊坊)", with_row(5, row(E, EE, "安全率", "100%")), None,
     [(5, "level2")]),
    ("level2-misplaced", "合格率 under 时效", with_row(3, row(OUT, T, "设备验收合格率", "100%")), None,
     [(3, "level2")]),
    ("direction-clash", "a count with 小于等于", with_row(1, row(OUT, N, "视频会议保障数量", "小于等于1次")), None,
     [(1, "target")]),
    # fifth blind round (中江, 天长, 病媒防治, 旺苍, 大英, 金安)
    ("vague-qualitative", "a grade given to an effect (金安)",
     with_row(5, row(E, EE, "推动体育消费", "经济效益良好")), None, [(5, "target")]),
    ("input-as-output", "a target after the rate (天长)",
     with_row(3, row(OUT, T, "年度资金支付完成率100%", "12月底前")), None, [(3, "level3")]),
    ("input-as-output", "费用使用周期 (病媒防治)",
     with_row(3, row(OUT, T, "各项费用使用周期", "2020年1月--2020年11月")), None, [(3, "level3")]),
    ("name-without-object", "a figure as the name (大英)", with_row(4, row(OUT, C, "100万", "≤10万元")), None,
     [(4, "level3")]),
    ("unit-mismatch", "a rate given as a count (旺苍)",
     with_row(1, row(OUT, N, "基层医疗机构基本药物制度覆盖率", "实施基层医疗机构37个。")), None, [(1, "target")]),
    ("unit-cost-vs-budget", "a cost per month × the months stated (病媒防治)",
     [*GOOD_ROWS[:2], row(OUT, T, "服务周期", "2020年1月--2020年11月"), row(OUT, C, "人工成本", "≤2万/月"),
      *GOOD_ROWS[4:]], None, [(4, "target")]),
    # round 6 (南岳, 岳阳楼, 宝坻)
    ("direction-clash", "late payments as a rate to raise (南岳)", with_row(2, row(OUT, Q, "逾期发放率", ">=100%")),
     None, [(2, "target")]),
    ("unit-mismatch", "households counted in persons (南岳)",
     with_row(1, row(OUT, N, "年度申请就学补助户数", ">=101人/次")), None, [(1, "target")]),
    ("name-without-object", "the 二级 name copied down, described (岳阳楼)",
     with_row(4, row(OUT, C, "社会成本指标", "≤10万元", "该指标主要考察总成本控制情况")), None, [(4, "level3")]),
    ("input-as-output", "支出到位率 (岳阳楼)", with_row(2, row(OUT, Q, "业务工作支出到位率", "100%")), None,
     [(2, "level3")]),
    ("unit-cost-vs-budget", "a standard per head in the goals × the count (南岳)",
     with_row(1, row(OUT, N, "就学补助人数", ">=101人/次")),
     header(goals="1.对提供就读学籍证明的学生发放就学补助；2.补助标准为：每生 1500 元/学期。"), [(1, "target")]),
    ("level-not-in-framework", "a plain 二级 under the central template's 一级",
     with_row(1, row("实施效果指标", N, "视频会议保障数量", "≥12次")), None, [(1, "level1")]),
    ("level2-misplaced", "a span of dates as an effect (病媒防治)",
     with_row(5, row(E, SUS, "保障期限", "2020年1月--2020年11月")), None, [(5, "level2")]),
    ("quality-restates-quantity", "the count again under 质量 (旺苍)",
     [row(OUT, N, "村卫生室实施基本药物制度", "实施补助村卫生室352个。"),
      row(OUT, Q, "村卫生室实施基本药物制度补助", "352个村卫生室"), *GOOD_ROWS[2:]], None, [(2, "target")]),

    # round 7 (陈仓, 罗湖)
    ("template-leftover", "the value is only the form's unit (陈仓)",
     with_row(1, row(OUT, N, "灌区节水改造面积", "万亩")), None, [(1, "target")]),
    ("template-leftover", "a sign and a unit, no figure (陈仓)",
     with_row(2, row(OUT, Q, "工程验收合格率", "≧ %")), None, [(2, "target")]),
    ("input-as-output", "what is left of the budget as the economic effect (德阳)",
     with_row(5, row(E, EE, "结余率(计算方法为:结余数/预算数)", "≤5%")), None, [(5, "level3")]),
    ("input-as-output", "how often the budget is rearranged (德阳)",
     with_row(1, row(OUT, N, "科目调整次数", "≤10次")), None, [(1, "level3")]),
    ("quality-restates-quantity", "the year's task again as a 完成率 (罗湖)",
     [row(OUT, N, "城中村、住宅区任务完成量", "12个"), row(OUT, Q, "管道天然气年度改造任务完成率", "100%"),
      *GOOD_ROWS[2:]], None, [(2, "level3")]),

    # round 8 (衡山, 秀屿, 宁晋, 福建台联, 亳州)
    ("vague-qualitative", "a bare degree (衡山)", with_row(5, row(E, SUS, "设备维护及安全性", "高")), None,
     [(5, "target")]),
    ("input-as-output", "the money covering a cost as the economic effect (衡山)",
     with_row(5, row(E, EE, "利息费用保障率", "100%")), None, [(5, "level3")]),
    ("input-as-output", "an interest subsidy guaranteed (衡山)",
     with_row(5, row(E, EE, "政策性挂账利息补贴保障率", "100%")), None, [(5, "level3")]),
    ("level2-misplaced", "food safety as an ecological effect (衡山)",
     with_row(5, row(E, EC, "食品安全指标达标率", "100%")), None, [(5, "level2")]),
    ("level2-misplaced", "a rate with no time under 时效 (衡山)",
     with_row(3, row(OUT, T, "储备粮应急保障率", "100%")), None, [(3, "level2")]),
    ("name-without-object", "paid out: what? (宁晋)", with_row(3, row(OUT, T, "及时发放率", "100%")), None,
     [(3, "level3")]),
    ("cost-not-money", "the old form's 投入 | 成本目标 (福建台联)",
     with_row(4, row("投入", "成本目标", "困难台胞生活补贴", "按实际情况发放")), None, [(4, "target")]),
    ("level-not-in-framework", "投入 as a 一级 with another 二级",
     with_row(4, row("投入", "资金投入", "项目资金到位", "100%")), None, [(4, "level1")]),
    ("qualitative-for-number", "an estimate, not the target (亳州)",
     with_row(1, row(OUT, N, "飞机增雨作业航时", "暂定量按15次作业且总航时不少于30小时测算")), None, [(1, "target")]),
    ("effect-under-output", "an aim as the name of a count (福建台联)",
     with_row(1, row(OUT, N, "争取民心、增进乡情", "开展交流活动2次")), None, [(1, "level1")]),
    ("several-targets", "counts of four things in one value (福建台联)",
     with_row(1, row(OUT, N, "困难台胞、高龄台胞困难补助受益",
                     "困难台胞432人、高龄台胞1792人、困难学生助学95人、困难台胞技能培训91人")), None, [(1, "target")]),
    ("several-targets", "events of three kinds in one value (福建台联)",
     with_row(1, row(OUT, N, "开展交流活动", "开展丰收节活动1次、夏令营活动1次、台胞技能培训2期")), None,
     [(1, "target")]),
    # round 9 (宁德, 同心, 蔡甸)
    ("level-not-in-framework", "a …目标 that is no 一级 of the frameworks",
     with_row(1, row("项目目标", N, "视频会议保障数量", "≥12次")), None, [(1, "level1")]),
    ("cost-not-money", "a figure per unit, no money in the name",
     with_row(4, row(OUT, C, "黄金蜜(葡萄)补助成本", "≤28.40/株")), None, [(4, "target")]),
    ("effect-under-output", "how many know of a policy, under 质量 (宁德)",
     with_row(2, row(OUT, Q, "各类人才对我市人才政策的知晓率", ">=95%")), None, [(2, "level1")]),
    ("unit-mismatch", "persons counted in households (同心)",
     with_row(5, row(E, SE, "受益脱贫户、监测户人口数", "≥10户")), None, [(5, "target")]),
    ("unit-mismatch", "an area as a per mille (蔡甸)", with_row(5, row(E, EC, "森林火灾受害面积", "小于0.9‰")), None,
     [(5, "target")]),
    ("vague-qualitative", "a yes to a vague degree (蔡甸)", with_row(5, row(E, SE, "公众知晓度是否明显提高", "是")),
     None, [(5, "target")]),
    # round 10 (黄石图书馆, 西部科学城, 大英)
    ("vague-qualitative", "an effect graded 良好 (黄石图书馆)",
     with_row(5, row(E, EC, "数字图书馆环境优良无污染", "良好")), None, [(5, "target")]),
    ("vague-qualitative", "a bare 好 (西部科学城)", with_row(2, row(OUT, Q, "资金使用合规性", "好")), None,
     [(2, "target")]),
    ("vague-qualitative", "the form's scale 好坏 as the target (大英)",
     with_row(5, row(E, SUS, "图书馆管理机制健全性", "好坏")), None, [(5, "target")]),
    ("name-without-object", "a period as the name (黄石图书馆)", with_row(3, row(OUT, T, "2022年全年", "≥360天")),
     None, [(3, "level3")]),
    ("rate-under-quantity", "a phrase opening with a share (黄石图书馆)",
     with_row(1, row(OUT, N, "WIFI布点全覆盖", "100%覆盖")), None, [(1, "level2")]),
    ("name-without-object", "a principle as a cost's name (黄石图书馆)",
     with_row(4, row(OUT, C, "以低价位高质量为采购原则", "≤10万元")), None, [(4, "level3")]),
    ("input-as-output", "money spent, named as the way it is measured (海南 2013)",
     with_row(5, row(E, SE, "以资金的使用进度为衡量标准", "全部完成")), None, [(5, "level3")]),
    ("spec-as-quantity", "a capacity as the quantity (黄石图书馆)", with_row(1, row(OUT, N, "一个存储备份器", "25TB")),
     None, [(1, "level2")]),
    # round 11 (成安, 稷山, 襄阳, 白沙)
    ("vague-qualitative", "a thing said to grow, no measure (襄阳)",
     with_row(5, row(E, SUS, "院区建成后可持续为周边群众提供医疗服务", "服务范围扩大")), None, [(5, "target")]),
    ("input-as-output", "whether the money arrived, asked as a question (稷山)",
     with_row(3, row(OUT, T, "资金是否全部及时纳入", "100%")), None, [(3, "level3")]),
    ("input-as-output", "money paid out as the quantity (白沙)",
     with_row(1, row(OUT, N, "项目资金支付进度率", "≥95%")), None, [(1, "level3")]),
    ("name-without-object", "a bare 完成率 explained only in the description (成安)",
     with_row(3, row(OUT, T, "完成率", "≥99%", "按照要求每月及时完成符合条件对象审批的比例")), None,
     [(3, "level3")]),
    ("name-without-object", "a satisfaction asked of nobody (稷山)", with_row(6, row(S, SS, "是否满意", "≥95%")), None,
     [(6, "level3")]),
    ("name-without-object", "a duration as the name (襄阳)", with_row(3, row(OUT, T, "1年", "1年")), None,
     [(3, "level3")]),
    ("time-without-date", "a piece of work at 100% as the time target (黄冈)",
     with_row(3, row(OUT, T, "完成年度资料上报", "100%")), None, [(3, "target")]),
    ("payment-below-full", "an entitlement paid to three in four (成安)",
     with_row(2, row(OUT, Q, "补贴发放率", "≥75%")), None, [(2, "target")]),
    ("payment-below-full", "pay 95% accurate (浮梁)", with_row(2, row(OUT, Q, "工资发放准确性", "≥95%")), None,
     [(2, "target")]),
    ("missing-quantity-indicator", "产出 without any 数量指标 (成安, 黄冈)",
     with_row(1, row(OUT, Q, "设备验收合格率", "100%")), None, [(None, None)]),
    ("several-targets", "three outputs all to be completed (海南 2013)",
     with_row(1, row(OUT, N, "宏观经济形势分析与预测", "半年报告、全年报告和11期景气报告全部完成")), None,
     [(1, "target")]),
    ("vague-qualitative", "an effect row saying there is none (黄石图书馆)",
     with_row(5, row(E, EE, "社会公益服务无经济效益", "公益性事业")), None, [(5, "target")]),
    # round 12 (宁德 部门整体, 昌吉四中, 原州 边销茶, 同心 培训)
    ("input-as-output", "the money a work needs being supplied (宁德)",
     with_row(1, row(OUT, N, "志鉴地情相关工作开展所需资金的供应时效", "100%")), None, [(1, "level3")]),
    ("payment-below-full", "what pay is paid out, without the rate (宁德)",
     with_row(2, row(OUT, Q, "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "≥60%")), None, [(2, "target")]),
    ("number-without-unit", "a rate written as 1 (宁德)", with_row(2, row(OUT, Q, "各类书籍审稿率", "1")), None,
     [(2, "target")]),
    ("several-targets", "a cost listing several amounts (昌吉四中)",
     with_row(4, row(OUT, C, "资助标准为每生每年", "3000元、2000元、1000元3个档次")), None, [(4, "target")]),
    ("value-in-name", "a deadline in the name, a bare number as the value (原州)",
     with_row(3, row(OUT, T, "确定于2022年12月底前发放完毕", "100")), None, [(3, "level3")]),
    ("value-in-name", "counts in the name, a bare number as the value (原州)",
     with_row(1, row(OUT, N, "目标人群3875人，已发放3620人，剩余255人年底前发放完毕", "100")), None, [(1, "level3")]),
    ("name-without-object", "a cost named after the people served (同心)",
     with_row(4, row(OUT, C, "设施农业种植人员(县内培训)", "≦1000元/人")), None, [(4, "level3")]),
    # round 13 (湖北科技学院, 淮北 农村文化, 六安 质检, 濮阳 档案馆, 预决算公开平台 应急运维)
    ("output-as-effect", "a procedure asked about under 效益 (湖北科技学院)",
     with_row(5, row(E, SE, "评审程序是否客观公正", "是")), None, [(5, "level3")]),
    ("quality-restates-quantity", "a 完成率 sharing a run of characters with the 数量 (淮北)",
     [row(OUT, N, "开展送戏进万村", "≥70村"), row(OUT, Q, "送戏进万村活动完成率", "≥95%"), *GOOD_ROWS[2:]], None,
     [(2, "level3")]),
    ("vague-qualitative", "否 to whether there is an economic value (淮北)",
     with_row(5, row(E, EE, "项目实施是否产生经济价值", "否")), None, [(5, "target")]),
    ("vague-qualitative", "否 to whether the environment is affected (淮北)",
     with_row(5, row(E, EC, "是否对当地生态环境造成影响", "否")), None, [(5, "target")]),
    ("vague-qualitative", "a degree with no measure (淮北)",
     with_row(5, row(E, SE, "保障人民群众基本文化权益", "影响程度明显")), None, [(5, "target")]),
    ("vague-qualitative", "the form's 定性 left in the value", with_row(5, row(E, EE, "维护单位日常运转", "定性有效")),
     None, [(5, "target")]),
    ("unit-mismatch", "batches counted in 组 (六安)", with_row(1, row(OUT, N, "监督抽检批次", "≥100组")), None,
     [(1, "target")]),
    ("level2-misplaced", "a count of times under 质量 (六安)",
     with_row(2, row(OUT, Q, "实验室仪器维修维护", "≥4次")), None, [(2, "level2")]),
    ("input-as-output", "building materials as a quantity (濮阳)", with_row(1, row(OUT, N, "施工材料", "1批")), None,
     [(1, "level3")]),
    # round 14 (保山 退役军人, 宁河 民办园, 长庆初中 体育设施)
    ("value-in-name", "counts in the name, a bare share as the value (保山)",
     with_row(1, row(OUT, N, "慰问伤残军人50人;烈士家庭6户;边海防官兵320人。", "100%")), None, [(1, "level3")]),
    ("payment-below-full", "the compliance of a subsidy's payment (宁河)",
     with_row(2, row(OUT, Q, "补贴发放合规率", "≥95%")), None, [(2, "target")]),
    ("vague-qualitative", "a degree claimed clause by clause (宁河)",
     with_row(5, row(E, SE, "提升疫情防控期间民办幼儿园扶持力度",
                     "显著提升了疫情期间对民办幼儿园的扶持力度,大力支持了民办幼儿园的发展。")), None, [(5, "target")]),
    ("vague-qualitative", "a lead-in, then a degree claimed (长庆初中)",
     with_row(5, row(E, SE, "发展全民健身运动", "通过本项目实施,有效提高全面健康水平。")), None, [(5, "target")]),
    ("vague-qualitative", "work said to be carried out in full (长庆初中)",
     with_row(2, row(OUT, Q, "开放质量", "全面落实学校体育设施向社会开放工作。")), None, [(2, "target")]),
    ("qualitative-for-number", "a 期限 answered with aims (宁河)",
     with_row(5, row(E, SUS, "非营利性民办园租房受益期限", "保障疫情期间非营利性民办园房租需求")), None,
     [(5, "target")]),
    ("input-as-output", "a 数量 phrase ending in the money (长庆初中)",
     with_row(1, row(OUT, N, "补贴数量", "对学校2400平米体育场馆补贴5万元。")), None, [(1, "target")]),
    ("cost-is-budget", "the budget as the cost, named 项目金额 (淮北, round 13)",
     with_row(4, row(OUT, C, "项目金额", "10万元")), None, [(4, "level3")]),
    ("cost-is-budget", "the year's subsidy, the whole budget (襄阳, round 11)",
     with_row(4, row(OUT, C, "每年财政补助10万元", "10万元")), None, [(4, "level3")]),
    ("missing-time-indicator", "no 时效 beside 数量, 质量, 成本 and the effects (湖北科技学院, 新洲)",
     [r for r in GOOD_ROWS if r[1] != T], None, [(None, None)]),
    ("missing-quality-indicator", "no 质量 beside 数量, 时效, 成本 and the effects (云南 航空消防, 施甸; round 23)",
     [r for r in GOOD_ROWS if r[1] != Q], None, [(None, None)]),
    ("target-deferred", "a count deferred to the actual count (百色; round 24)",
     with_row(1, row(OUT, N, "视频会议保障数量", "预计12次,以实际召开次数为准")), None, [(1, "target")]),
    # round 15 (金寨 物业管理, 银川六中, 龙岩 宗教管理, 衡阳 社会福利院; 长庆初中 and 濮阳 left over)
    ("management-as-output", "spending by the rules as the 质量 (龙岩, 濮阳)",
     with_row(2, row(OUT, Q, "项目资金使用合规性", "≥95%")), None, [(2, "level3")]),
    ("management-as-output", "an approval procedure's compliance (池州)",
     with_row(2, row(OUT, Q, "经费审批流程规范性", "严格执行相关制度规定")), None, [(2, "level3")]),
    ("input-as-output", "a fee counted as the 数量 (金寨)", with_row(1, row(OUT, N, "安置小区物业费", "8个")), None,
     [(1, "level3")]),
    ("input-as-output", "the unit's own staff beyond its establishment (衡阳)",
     with_row(1, row(OUT, N, "编外人员数量", "153")), None, [(1, "level3")]),
    ("qualitative-for-number", "a money standard in words (银川六中)",
     with_row(2, row(OUT, Q, "公用经费标准", "符合相关文件要求")), None, [(2, "target")]),
    ("name-without-object", "a verdict as the name (银川六中)",
     with_row(5, row(E, SE, "效果显著", "改善学校的办学条件")), None, [(5, "level3")]),
    ("vague-qualitative", "only an aim, no extent (银川六中)",
     with_row(5, row(E, SE, "教学环境", "改善学校的办学条件")), None, [(5, "target")]),
    ("vague-qualitative", "states claimed with no measure (金寨)",
     with_row(2, row(OUT, Q, "物业管理质量", "房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序")), None,
     [(2, "target")]),
    ("time-before-year", "a deadline the year before the budget's",
     with_row(3, row(OUT, T, "项目完成时间", "2023年12月底前")), None, [(3, "target")]),
    # round 16 (临海 绿化养护, 甘孜 食品安全; 永兴 left over)
    ("vague-qualitative", "是 to an aim (临海)", with_row(5, row(E, SE, "满足市民生存环境的需求", "是")), None,
     [(5, "target")]),
    ("vague-qualitative", "the form's grading scale as the target (甘孜)",
     with_row(5, row(E, SE, "食品安全整体状况", "高中低")), None, [(5, "target")]),
    ("qualitative-for-number", "a 时效 of 全年: no deadline (临海)", with_row(3, row(OUT, T, "养护时效", "全年")), None,
     [(3, "target")]),
    ("quality-restates-quantity", "全覆盖 under 质量 of what 数量 counts (临海)",
     [row(OUT, N, "完成全市375万平方米的绿地养护", "375万平方米"), row(OUT, Q, "达到绿化绿地全覆盖", "100%"),
      *GOOD_ROWS[2:]], None, [(2, "level3")]),
    ("several-targets", "three rates in one name (永兴)",
     with_row(2, row(OUT, Q, "各种强制免疫率、屠宰率及检疫率", "100%")), None, [(2, "target")]),
    ("unit-cost-as-total", "a price per 平米 that lost its /平米 (武川)",
     [*GOOD_ROWS[:3], row(OUT, C, "饲料库120平米", "490元/平米"), row(OUT, C, "防疫室84平米", "≤1050元"),
      *GOOD_ROWS[4:]], None, [(5, "target")]),
    ("unit-mismatch", "a satisfaction that names nobody, the target as the name (巴南)",
     with_row(2, row(OUT, Q, "满意度95%以上", "≥95%")), None, [(2, "target")]),
    ("output-off-purpose", "a training fee's quantity of ambulance dispatches (随州)",
     with_row(1, row(OUT, N, "派车次数", "≥15000次")), training_header(), [(1, "level3")]),
    ("satisfaction-not-served", "the staff the project hires asked (大英 图书馆)",
     with_row(6, row(S, SS, "聘用人员满意度", "≥95%")), None, [(6, "level3")]),
    ("quantity-not-work", "the village put in the unit's charge counted (宣城)",
     with_row(1, row(OUT, N, "定点帮扶村", "≥1个")), None, [(1, "level3")]),
    ("monitored-state-as-effect", "a monitoring station's target the air's quality (九华山)",
     with_row(5, row(E, "生态效益指标", "风景区空气质量优良率", "≥90%")), monitoring_header(), [(5, "level3")]),
    ("revenue-as-effect", "the cinema's whole turnover as the subsidy's effect (徽州)",
     with_row(5, row(E, EE, "影院营业收入", "≥150万元")), None, [(5, "level3")]),
    ("mandatory-below-full", "one safety hazard in ten left standing (铁路沿线)",
     with_row(2, row(OUT, Q, "安全隐患排查有效处置率", "≥90%")), None, [(2, "target")]),
    ("mandatory-below-full", "released fry not all quarantined (增殖放流)",
     with_row(2, row(OUT, Q, "检验检疫", "≥90%")), None, [(2, "target")]),
    ("name-is-expense-class", "a project named by its expenditure class (历城)", GOOD_ROWS,
     named_header("2019年商品和服务支出"), [(None, "name")]),
    ("name-cut-mid-word", "a name ending inside its last word (安居's …科普宣传活)",
     with_row(1, row(OUT, N, "开展食品安全宣传周等科普宣传活", "≥3次")), None, [(1, "level3")]),
    ("name-lost-start", "a name that lost its first character (零陵's 育补助)",
     with_row(4, row(OUT, "成本指标", "育补助", "≤10万元")), None, [(4, "level3")]),
    # round 40 (长庆初中 规划, 西部科学城 融媒体中心)
    ("time-after-year", "work due two years after the budget's (长庆初中)",
     with_row(3, row(OUT, T, "完成时限", "2026年12月底完成项目规划相关工作。")), None, [(3, "target")]),
    ("execution-target-low", "a 部门整体 form's execution target of 70% (西部科学城)",
     department_rows("70%"), department(), [(3, "target")]),
    ("awareness-at-full", "every resident aware (大英 医保)",
     with_row(5, row(E, SE, "城乡居民参保网络宣传群众知晓率", "=100%")), None, [(5, "target")]),
]

DEPTH_MISS: list[tuple[str, str, R, Any]] = [
    ("name-is-expense-class", "the class with what it pays for", GOOD_ROWS,
     named_header("商品和服务支出-文化馆免费开放")),
    ("name-is-expense-class", "a wage item named by its class", WAGE_ROWS, named_header("工资福利支出")),
    ("goals-not-measurable", "goal with figures", GOOD_ROWS, None),
    ("goals-not-measurable", "a checkable end state", GOOD_ROWS, header(goals="1.完成审判楼玻璃幕墙维修并通过验收")),
    ("goals-not-measurable", "a wage item's standard goal", WAGE_ROWS, wage_header()),
    ("vague-qualitative", "a descriptive value (seed)",
     with_row(5, row(E, SE, "增强网络安全性", "提供安全可靠的网络环境，有效保障办公办案")), None),
    ("vague-qualitative", "a grade", with_row(5, row(E, SE, "服务周期内空气质量", "优良")), None),
    ("vague-qualitative", "an anchor", with_row(5, row(E, SE, "财务管理", "严格执行制度，全年无违规问题")), None),
    ("input-as-output", "资金使用合规率 is management", with_row(2, row(OUT, Q, "救助经费支出合规率", "100%")), None),
    ("input-as-output", "money drawn in", with_row(5, row(E, EE, "带动社会投资金额", "≥500万元")), None),
    ("no-genuine-effect", "a real effect beside satisfaction",
     [*GOOD_ROWS, row(E, SE, "市民满意度", "≥90%")], None),
    ("output-as-effect", "覆盖率 is an effect", with_row(5, row(E, SE, "困难群众救助覆盖率", "100%")), None),
    ("goal-not-covered", "the figure is measured", GOOD_ROWS, None),
    ("goal-not-covered", "the work is named by an indicator", GOOD_ROWS,
     header(goals="1.全年保障视频会议12次以上；修复系统故障30次")),
    ("quality-restates-quantity", "合格率 measures quality",
     [row(OUT, N, "主体班培训人次", "≥1100人次"), row(OUT, Q, "培训考核合格率", "≥95%"), *GOOD_ROWS[2:]], None),
    ("spec-as-quantity", "a count of vehicles", [*GOOD_ROWS, row(OUT, N, "雾炮车降尘抑尘服务配备车辆数", "10辆")],
     None),
    ("goal-figure-mismatch", "the same figure", GOOD_ROWS, header(goals="1.网络连通率达到95%，保障视频会议12次")),
    ("unit-cost-vs-budget", "product within the budget",
     [*GOOD_ROWS[:3], row(OUT, C, "亩均建设成本", "≤1600元/亩"), *GOOD_ROWS[4:], row(OUT, N, "建设农田面积", "≥60亩")],
     None),
    ("unit-cost-as-total", "a unit cost in 元/人", with_row(4, row(OUT, C, "人均培训成本", "≤300元/人")), None),
    ("total-cost-below-budget", "a part's cost below the budget",
     with_row(4, row(OUT, C, "设备购置成本", "≤2万元")), None),
    ("name-without-object", "the object named", with_row(3, row(OUT, T, "设备维修及时率", "100%")), None),
    ("name-without-object", "a wage item's standard row", [*WAGE_ROWS, row(OUT, T, "发放及时率", "100%")],
     wage_header()),
    ("level2-misplaced", "an economic effect", with_row(5, row(E, EE, "带动农户增收", "≥500元/户")), None),
    ("level2-misplaced", "a time under 时效", GOOD_ROWS, None),
    ("direction-clash", "a count of accidents", with_row(1, row(OUT, N, "安全事故次数", "≤1次")), None),
    ("unit-mismatch", "an action with 率 left off", with_row(2, row(OUT, Q, "工程验收", "100%")), None),
    ("unit-mismatch", "a share meeting a standard (石嘴山)",
     with_row(2, row(OUT, Q, "美沙酮药物治疗符合国家相关标准", "100%")), None),
    # fifth blind round
    ("vague-qualitative", "a grade of a thing", with_row(2, row(OUT, Q, "工程质量等级", "良好")), None),
    ("input-as-output", "paying a fee out is the service", with_row(3, row(OUT, T, "听证费用支付及时率", "100%")),
     None),
    ("cost-not-money", "万 for 万元, per month", with_row(4, row(OUT, C, "人工成本", "≤0.8万/月")), None),
    ("name-without-object", "a figure inside a name", with_row(1, row(OUT, N, "3台设备安装", "3台")), None),
    ("unit-mismatch", "a count beside a share",
     with_row(2, row(OUT, Q, "基层医疗机构覆盖率", "实施基层医疗机构37个，覆盖率100%")), None),
    ("rate-under-quantity", "a rate given as a count is unit-mismatch's",
     with_row(1, row(OUT, N, "基层医疗机构基本药物制度覆盖率", "实施基层医疗机构37个。")), None),
    ("unit-cost-vs-budget", "a cost per month within the budget",
     [*GOOD_ROWS[:2], row(OUT, T, "服务周期", "2020年1月--2020年11月"), row(OUT, C, "人工成本", "≤0.8万/月"),
      *GOOD_ROWS[4:]], None),
    ("unit-cost-vs-budget", "two different spans",
     [*GOOD_ROWS[:2], row(OUT, T, "服务周期", "2020年1月--2020年11月"), row(OUT, C, "人工成本", "≤2万/月"),
      row(E, SUS, "设备使用期限", "2020年1月--2025年12月"), GOOD_ROWS[5]], None),
    ("direction-clash", "overdue loans recovered", with_row(2, row(OUT, Q, "逾期贷款收回率", "≥90%")), None),
    ("unit-mismatch", "households in households", with_row(1, row(OUT, N, "年度申请就学补助户数", "≥101户")), None),
    ("unit-mismatch", "persons in person-times", with_row(1, row(OUT, N, "就学补助人数", "≥101人次")), None),
    ("name-without-object", "the standard satisfaction name, described",
     with_row(6, row(S, SS, "服务对象满意度", "≥95%", "受益群众对项目实施的满意程度")), None),
    ("name-without-object", "a cost with its object", with_row(4, row(OUT, C, "社会成本控制额", "≤10万元")), None),
    ("input-as-output", "a subsidy handed out", with_row(2, row(OUT, Q, "补助发放到位率", "100%")), None),
    ("level-not-in-framework", "the central template (宝坻)",
     [row("实施效果指标", "产出指标", "建设项目个数(含续建)", "1个"),
      row("实施效果指标", "产出指标", "竣工验收合格率", "100%"),
      row("实施效果指标", "效益指标", "完工项目县畜禽粪污综合利用率", "≥90%")], None),
    ("unit-cost-vs-budget", "a standard per month within the budget",
     with_row(1, row(OUT, N, "补助人数", "≥5人")), header(goals="1.补助困难群众，每人每月300元")),
    ("unit-cost-vs-budget", "a standard per head and a count of other things",
     with_row(1, row(OUT, N, "资助学校数", "≥101所")), header(goals="1.补助标准为：每生 1500 元/学期")),
    ("goals-not-measurable", "a standard per head (南岳)", GOOD_ROWS,
     header(goals="1.对提供就读学籍证明的学生发放就学补助；2.补助标准为：每生 1500 元/学期。")),
    ("level2-misplaced", "a duration as an effect", with_row(5, row(E, SUS, "设施持续发挥作用年限", "≥10年")),
     None),
    ("level2-misplaced", "a date with its result", with_row(5, row(E, SE, "村级公共服务覆盖", "2025年底前实现全覆盖")),
     None),
    ("quality-restates-quantity", "the same count of another thing",
     [row(OUT, N, "举办培训班", "3个"), row(OUT, Q, "建成示范点", "3个"), *GOOD_ROWS[2:]], None),
    ("quality-restates-quantity", "a count meeting a standard",
     [row(OUT, N, "培训人数", "≥300人"), row(OUT, Q, "考核合格人数", "≥300人"), *GOOD_ROWS[2:]], None),

    ("input-as-output", "money saved is a result", with_row(5, row(E, EE, "成本节约率(较上年)", "≥5%")), None),
    ("input-as-output", "a rearrangement of something else", with_row(1, row(OUT, N, "课程调整次数", "≤10次")), None),
    ("template-leftover", "a figure with its unit", with_row(1, row(OUT, N, "灌区节水改造面积", "≥2万亩")), None),
    ("template-leftover", "a word, not a unit", with_row(2, row(OUT, Q, "工程验收情况", "合格")), None),
    ("number-without-unit", "the unit in the form's hint (昌宁)",
     with_row(1, row(OUT, N, "公猪舍(≥**平方米)", "22.8")), None),
    ("number-without-unit", "the unit in a hint without stars (昌宁)",
     with_row(1, row(OUT, N, "消毒机(≥台)", "1")), None),
    ("quality-restates-quantity", "a task completion beside a count of other things",
     [row(OUT, N, "城中村、住宅区数", "12个"), row(OUT, Q, "年度改造任务完成率", "100%"), *GOOD_ROWS[2:]], None),

    # round 8
    ("vague-qualitative", "the answer to a yes/no question (秀屿)",
     with_row(2, row(OUT, Q, "已建工程是否存在质量问题", "否")), None),
    ("vague-qualitative", "a degree against a standard", with_row(5, row(E, SUS, "设备维护及安全性", "高于国家标准")),
     None),
    ("input-as-output", "a guarantee that is not money", with_row(2, row(OUT, Q, "储备粮应急保障率", "100%")), None),
    ("level2-misplaced", "safety of an ecological thing", with_row(5, row(E, EC, "饮用水源地生态安全达标率", "100%")),
     None),
    ("level2-misplaced", "on schedule under 时效", with_row(3, row(OUT, T, "项目按计划完成率", "100%")), None),
    ("level2-misplaced", "within the legal time limit", with_row(3, row(OUT, T, "法定审限内结案率", "≥95%")), None),
    ("name-without-object", "the project's name says what is paid (巴南)",
     with_row(3, row(OUT, T, "按时发放率", "100%")), subsidy_header()),
    ("level-not-in-framework", "the old form's 投入 | 成本目标, 产出 | 数量目标 (福建台联)",
     [row(OUT, "数量目标", "视频会议保障数量", "≥12次"), *GOOD_ROWS[1:3],
      row("投入", "成本目标", "运行维护成本", "≤10万元"), *GOOD_ROWS[4:]], None),
    ("qualitative-for-number", "a figure in words, no estimate",
     with_row(1, row(OUT, N, "飞机增雨作业航时", "全年作业15次，总航时不少于30小时")), None),
    ("effect-under-output", "a count of events that promote", with_row(1, row(OUT, N, "促进交流活动场次", "≥2场次")),
     None),
    ("several-targets", "a count beside its share",
     with_row(2, row(OUT, Q, "基层医疗机构覆盖率", "实施基层医疗机构37个，覆盖率100%")), None),
    ("several-targets", "a count and a time, no list",
     with_row(1, row(OUT, N, "飞机增雨作业", "全年作业15次且总航时不少于30小时")), None),
    ("several-targets", "one count in a phrase", with_row(1, row(OUT, N, "宣传活动", "开展宣传活动，全年3次")), None),

    # round 9
    ("level-not-in-framework", "the old form's 产出目标 | 数量目标 (宁德)",
     [row("产出目标", "数量目标", "视频会议保障数量", "≥12次"), row("产出目标", "质量目标", "网络连通率", "≥95%"),
      *GOOD_ROWS[2:]], None),
    ("cost-not-money", "元 per 株 in the name's hint (同心)",
     with_row(4, row(OUT, C, "黄金蜜(葡萄)补助成本(≤**元/株)", "≤28.40/株")), None),
    ("level2-misplaced", "hours under 时效 (蔡甸)",
     with_row(3, row(OUT, T, "森林火灾6小时内扑灭率", "不低于95%")), None),
    ("effect-under-output", "a count of publicity about a policy",
     with_row(1, row(OUT, N, "政策知晓宣传活动次数", "≥4次")), None),
    ("unit-mismatch", "persons counted in persons", with_row(5, row(E, SE, "受益脱贫人口数", "≥500人")), None),
    ("unit-mismatch", "a rate as a per mille", with_row(5, row(E, EC, "森林火灾受害率", "≤0.9‰")), None),
    ("vague-qualitative", "a yes/no answer to a checkable question",
     with_row(5, row(E, SE, "是否发生重大森林火灾", "否")), None),
    # round 10
    ("vague-qualitative", "良好 as the grade of a thing run to a standard, under 效益",
     with_row(5, row(E, SUS, "设备运行状况", "良好")), None),
    ("vague-qualitative", "良好 under 质量 (a grade of the work)",
     with_row(2, row(OUT, Q, "资源采购质量", "良好")), None),
    ("vague-qualitative", "好 inside a checkable phrase",
     with_row(5, row(E, SE, "资金使用合规性", "全年无违规使用，执行好")), None),
    ("name-without-object", "a period with what is counted", with_row(3, row(OUT, T, "2022年全年开放天数", "≥360天")),
     None),
    ("rate-under-quantity", "a count in a phrase", with_row(1, row(OUT, N, "WIFI布点", "覆盖阅览室12个")), None),
    ("name-without-object", "以 opening a name with its object", with_row(1, row(OUT, N, "以旧换新设备数量", "≥12台")),
     None),
    ("several-targets", "two things completed", with_row(1, row(OUT, N, "宣传和培训", "宣传和培训全部完成")), None),
    ("target-deferred", "a ceiling settled as spent", with_row(4, row(OUT, C, "运行维护成本", "≤10万元,据实结算")),
     None),
    ("vague-qualitative", "an effect of no accident", with_row(5, row(E, SE, "安全生产", "全年无重大安全事故")), None),
    ("spec-as-quantity", "a count of devices", with_row(1, row(OUT, N, "存储备份器数量", "1台")), None),
    ("input-as-output", "a report's progress as the measure",
     with_row(5, row(E, SE, "以报告的进度为衡量标准", "全部完成")), None),
    # round 11
    ("vague-qualitative", "a growth to a stated extent",
     with_row(5, row(E, SUS, "服务覆盖范围", "覆盖范围扩大到全县所有乡镇")), None),
    ("input-as-output", "whether the money was used by the rules (fund management)",
     with_row(2, row(OUT, Q, "资金使用是否合规", "100%")), None),
    ("input-as-output", "whether the equipment arrived (not money)",
     with_row(3, row(OUT, T, "设备是否全部及时安装到位", "100%")), None),
    ("name-without-object", "a satisfaction that says whose",
     with_row(6, row(S, SS, "受益群众是否满意", "≥95%")), None),
    ("name-without-object", "a duration after what it measures", with_row(3, row(OUT, T, "工期1年", "≤1年")), None),
    ("unit-cost-as-total", "a per-head amount whose name says per what (稷山)",
     with_row(4, row(OUT, C, "配套资金每人每年", "75元")), None),
    ("missing-quantity-indicator", "a 数量指标 among the outputs", GOOD_ROWS, None),
    ("payment-below-full", "the timeliness of a payment", with_row(3, row(OUT, T, "补贴及时发放率", "≥95%")), None),
    ("payment-below-full", "paid in full", with_row(2, row(OUT, Q, "补贴发放率", "100%")), None),
    ("payment-below-full", "another accuracy (国家林业局)", with_row(2, row(OUT, Q, "测报准确率", "≥85%")), None),
    ("time-without-date", "a share of reports sent in time", with_row(3, row(OUT, T, "资料上报及时率", "100%")), None),
    ("time-without-date", "a share of patients treated in time (石嘴山)",
     with_row(3, row(OUT, T, "对美沙酮维持患者及时给予治疗", "100%")), None),
    ("time-without-date", "a date with the share",
     with_row(3, row(OUT, T, "资金拨付到位情况", "12月底前100%到位")), None),
    # round 12
    ("input-as-output", "supplies that are not money", with_row(3, row(OUT, T, "物资供应及时率", "100%")), None),
    ("payment-below-full", "handing out leaflets (not pay)", with_row(1, row(OUT, N, "发放宣传资料", "≥90%")), None),
    ("payment-below-full", "a count of people paid", with_row(1, row(OUT, N, "发放补贴人数", "≥95%")), None),
    ("number-without-unit", "a rate as a bare 100", with_row(2, row(OUT, Q, "各类书籍审稿率", "100")), None),
    ("number-without-unit", "a ratio that is no share", with_row(2, row(OUT, Q, "项目用地容积率", "1")), None),
    ("several-targets", "one amount per head", with_row(4, row(OUT, C, "人均资助标准", "≤3000元/人·年")), None),
    ("several-targets", "a total with its breakdown", with_row(4, row(OUT, C, "培训成本", "≤30万元，其中人均500元/人")),
     None),
    ("value-in-name", "a name repeating its bare value", with_row(1, row(OUT, N, "配套变压器3台", "3")), None),
    ("value-in-name", "a deadline in a rate's name", with_row(3, row(OUT, T, "2022年12月底前发放完成率", "100")),
     None),
    ("name-without-object", "a cost per person that says what costs",
     with_row(4, row(OUT, C, "种植人员人均培训成本", "≦1000元/人")), None),
    # round 13
    ("output-as-effect", "a satisfaction with the procedure",
     with_row(5, row(E, SE, "学生对评审程序公正的满意度", "≥90%")), None),
    ("output-as-effect", "an effect of openness without a procedure", with_row(5, row(E, SE, "资助政策公开透明", "是")),
     None),
    ("quality-restates-quantity", "a 完成率 of another thing than the 数量",
     [row(OUT, N, "开展培训场次", "≥7场"), row(OUT, Q, "送戏进万村活动完成率", "≥95%"), *GOOD_ROWS[2:]], None),
    ("vague-qualitative", "否 to a harm asked about", with_row(5, row(E, SE, "是否发生安全事故", "否")), None),
    ("vague-qualitative", "否 to whether pollution is caused", with_row(5, row(E, EC, "是否对环境造成污染", "否")),
     None),
    ("unit-mismatch", "batches counted in 批", with_row(1, row(OUT, N, "监督抽检批次", "≥100批")), None),
    ("unit-mismatch", "sessions counted as times", with_row(1, row(OUT, N, "送戏下乡演出场次", "≥5次")), None),
    ("level2-misplaced", "a count of quality checks under 质量", with_row(2, row(OUT, Q, "农产品质量抽检", "≥4次")),
     None),
    ("input-as-output", "leaflets handed out", with_row(1, row(OUT, N, "印发宣传材料", "≥500份")), None),
    # round 14
    ("value-in-name", "counts in a rate's name", with_row(2, row(OUT, Q, "慰问对象50人覆盖率", "100%")), None),
    ("value-in-name", "a share with no count in the name", with_row(2, row(OUT, Q, "慰问伤残军人", "100%")), None),
    ("payment-below-full", "the compliance of spending, not of a payment",
     with_row(2, row(OUT, Q, "资金使用合规率", "≥95%")), None),
    ("payment-below-full", "a payment's timeliness", with_row(3, row(OUT, T, "补贴发放及时率", "≥95%")), None),
    ("vague-qualitative", "a degree claimed beside a measure",
     with_row(5, row(E, SE, "扶持民办幼儿园", "显著提升扶持力度,受益幼儿园达到20所")), None),
    ("vague-qualitative", "a plain statement of what is done",
     with_row(5, row(E, SE, "体育设施开放", "学校体育设施节假日向社会开放")), None),
    ("qualitative-for-number", "a 期限 with a date", with_row(5, row(E, SUS, "房租补贴受益期限", "2020年1月至12月")),
     None),
    ("qualitative-for-number", "a 时效 name holding its deadline",
     with_row(3, row(OUT, T, "春节前完成走访慰问", "按时限完成")), None),
    ("input-as-output", "an amount inside a 数量 phrase",
     with_row(1, row(OUT, N, "补贴场馆数量", "补贴5万元用于维修2处场馆")), None),
    ("cost-is-budget", "a total cost equal to the budget (池州)",
     with_row(4, row(OUT, C, "项目总成本", "≤10万元")), None),
    ("cost-is-budget", "a total investment equal to the budget (中江)",
     with_row(4, row(OUT, C, "项目计划总投资", "10万元")), None),
    ("cost-is-budget", "a part of the budget under a funding name",
     with_row(4, row(OUT, C, "市级配套资金", "2万元")), None),
    ("missing-time-indicator", "a table of 数量 and 质量 rows alone (it stops, or a template)",
     [r for r in GOOD_ROWS if r[1] in (N, Q)], None),
    ("missing-time-indicator", "a wage item's simplified template", WAGE_ROWS, wage_header()),
    ("missing-quality-indicator", "a table of 数量 rows alone (it stops, or a template)",
     [r for r in GOOD_ROWS if r[1] == N], None),
    ("missing-quality-indicator", "a wage item's simplified template", WAGE_ROWS, wage_header()),
    # round 15
    ("management-as-output", "a subsidy's payment compliance: a quality of what is delivered",
     with_row(2, row(OUT, Q, "补贴发放合规率", "100%")), None),
    ("management-as-output", "an eligibility check", with_row(2, row(OUT, Q, "补助资格合规性", "100%")), None),
    ("management-as-output", "the quality of the work done to a norm",
     with_row(2, row(OUT, Q, "施工操作规范率", "100%")), None),
    ("input-as-output", "a fee handed out (发放取暖费)", with_row(1, row(OUT, N, "发放取暖费", "≥500户")), None),
    ("input-as-output", "a fee waived (减免学费)", with_row(1, row(OUT, N, "减免学费", "≥120人")), None),
    ("input-as-output", "people trained, not staff employed", with_row(1, row(OUT, N, "培训人员数量", "≥50人")), None),
    ("qualitative-for-number", "a quality standard, not money",
     with_row(2, row(OUT, Q, "维修质量标准", "符合国家标准")), None),
    ("qualitative-for-number", "a money standard with its amount",
     with_row(2, row(OUT, Q, "公用经费标准", "650元/生·年")), None),
    ("name-without-object", "a verdict inside a named effect", with_row(5, row(E, SE, "办学条件改善效果显著", "显著")),
     None),
    ("vague-qualitative", "an aim with its extent",
     with_row(5, row(E, SE, "办学条件", "改善学校办学条件，维修校舍3处")), None),
    ("vague-qualitative", "a state with a measure",
     with_row(2, row(OUT, Q, "物业管理质量", "环境卫生整洁，保洁达标率100%")), None),
    ("time-before-year", "a deadline in the budget year", with_row(3, row(OUT, T, "项目完成时间", "2024年12月底前")),
     None),
    ("time-before-year", "a project spanning into the next year",
     with_row(3, row(OUT, T, "项目建设周期", "2024年4月-2025年2月")), None),
    ("time-before-year", "a date without a year", with_row(3, row(OUT, T, "项目完成时间", "12月底前")), None),
    # round 16
    ("vague-qualitative", "是 to a name with an anchor", with_row(5, row(E, SE, "实现村村通水泥路全覆盖", "是")), None),
    ("vague-qualitative", "是 to a thing done", with_row(5, row(E, SUS, "建立长效管护机制", "是")), None),
    ("vague-qualitative", "a 时效 of 全年 is qualitative-for-number's (临海)", with_row(3, row(OUT, T, "全年", "全年")),
     None),
    ("qualitative-for-number", "a 时效 with a deadline", with_row(3, row(OUT, T, "养护时效", "年底前完成")), None),
    ("quality-restates-quantity", "全覆盖 of something no 数量 counts",
     with_row(2, row(OUT, Q, "农村学校网络全覆盖", "100%")), None),
    ("quality-restates-quantity", "a coverage rate under 质量 (湖北科技学院)",
     [row(OUT, N, "受资助学生人数", "≥100人"), row(OUT, Q, "受资助困难学生覆盖率", "99%"), *GOOD_ROWS[2:]], None),
    ("several-targets", "one rate (及时率's 及 is no list mark)", with_row(2, row(OUT, Q, "投诉处理及时率", "100%")),
     None),
    ("several-targets", "a rate beside another kind of measure",
     with_row(2, row(OUT, Q, "补助发放及时率和覆盖面", "100%")), None),
    ("unit-cost-as-total", "a bare amount under a name of no quantity (武川's 打井、配电)",
     [*GOOD_ROWS[:3], row(OUT, C, "饲料库120平米", "490元/平米"), row(OUT, C, "打井、配电", "5000元"),
      *GOOD_ROWS[4:]], None),
    ("unit-cost-as-total", "a quantity's amount with no per-unit price beside it",
     [*GOOD_ROWS[:3], row(OUT, C, "围墙300米", "9000元"), *GOOD_ROWS[4:]], None),
    ("unit-mismatch", "a state of the things counted, 率 left off (宣城)",
     with_row(2, row(OUT, Q, "台站正常运行", "100%")), None),
    ("unit-mismatch", "someone's satisfaction, the name going on (临海)",
     with_row(6, row(S, SS, "服务对象对于设施维护满意率应该在95%以上", "≥95%")), None),
    ("output-off-purpose", "a training fee's quantity of the training given",
     with_row(1, row(OUT, N, "调度员培训人次", "≥40人次")), training_header()),
    ("satisfaction-not-served", "the staff who use what the money keeps running (服务干警)", GOOD_ROWS, None),
    ("quantity-not-work", "a road segment worked on", with_row(1, row(OUT, N, "改造路段", "1个")), None),
    ("monitored-state-as-effect", "a monitoring station's data put to use",
     with_row(5, row(E, SE, "空气质量日报按时发布率", "100%")), monitoring_header()),
    ("monitored-state-as-effect", "a pollution-control project's air quality (its effect)",
     with_row(5, row(E, "生态效益指标", "空气质量优良率", "≥90%")), None),
    ("revenue-as-effect", "the turnover's growth (a change the money may bring)",
     with_row(5, row(E, EE, "影院营业收入较上年增长", "≥5%")), None),
    ("revenue-as-effect", "a village collective's income", with_row(5, row(E, EE, "村集体经济收入", "≥5万元")), None),
    ("mandatory-below-full", "every hazard dealt with", with_row(2, row(OUT, Q, "安全隐患整改率", "100%")), None),
    ("mandatory-below-full", "a ceiling of failures", with_row(2, row(OUT, Q, "苗种检疫不合格率", "≤2%")), None),
    ("name-cut-mid-word", "the last word whole",
     with_row(1, row(OUT, N, "开展食品安全宣传周等科普宣传活动", "≥3次")), None),
    ("name-lost-start", "the first word whole", with_row(4, row(OUT, "成本指标", "抚育补助", "≤10万元")), None),
    ("time-after-year", "a project crossing into the next year",
     with_row(3, row(OUT, T, "项目建设周期", "2024年4月-2025年2月")), None),
    ("execution-target-low", "an execution target at the floor", department_rows("≥90%"), department()),
    ("awareness-at-full", "a closed group all told", with_row(5, row(E, SE, "奖助政策学生知晓率", "100%")), None),
    ("execution-target-low", "a half year's schedule", department_rows("≥50%", "上半年预算执行率"), department()),
    # round 40's second reading: the false alarms it found, (rule, case, position, 一级, 二级, name, value)
    *[(rule_id, case, with_row(at, row(level1, level2, name, value)), None)
      for rule_id, case, at, level1, level2, name, value in (
          ("time-before-year", "a comparison base, no deadline", 3, OUT, T, "完成时间", "较2022年底提前完成"),
          ("time-before-year", "the year money was carried over", 3, OUT, T, "2023年底结转资金支付进度", "6月底前"),
          ("time-after-year", "a multi-year term named as such", 3, OUT, T, "项目建设周期", "2023年1月-2026年12月"),
          ("awareness-at-full", "a project's beneficiaries", 5, E, SE, "受益群众政策知晓率", "100%"),
          ("awareness-at-full", "社会 of a policy", 5, E, SE, "社会保险政策职工知晓率", "100%"))],
]


@pytest.mark.parametrize(("rule_id", "case", "rows", "header_rows", "expected"), DEPTH_FLAG,
                         ids=[f"{c[0]}:{c[1]}" for c in DEPTH_FLAG])
def test_depth_rule_flags(run: Run, rule_id: str, case: str, rows: R, header_rows: Any,
                          expected: list[tuple[int | None, str | None]]) -> None:
    assert run(rule_id, rows, header_rows) == expected


@pytest.mark.parametrize(("rule_id", "case", "rows", "header_rows"), DEPTH_MISS,
                         ids=[f"{c[0]}:{c[1]}" for c in DEPTH_MISS])
def test_depth_rule_near_miss(run: Run, rule_id: str, case: str, rows: R, header_rows: Any) -> None:
    assert run(rule_id, rows, header_rows) == []


def test_findings_name_the_words_that_triggered_them(inline: Any) -> None:
    rows = with_row(2, row(OUT, Q, "项目(工程)完成及时率", "100%"))
    document = read(rows, header(goals="1.完成项目主体工程70%"), inline)
    (finding,) = review_document(document, only={"goal-figure-mismatch"}).findings
    assert "完成项目主体工程70%" in finding.message and "工程" in finding.message
    document = read(GOOD_ROWS, header(goals="1.全年保障视频会议12次以上；培训基层干部500人次"), inline)
    (finding,) = review_document(document, only={"goal-not-covered"}).findings
    assert "培训基层干部500人次" in finding.message and "培训" in finding.message


def test_a_cut_table_is_reported_once_and_not_faulted_for_its_missing_part(inline: Any) -> None:
    """Point 10: a table cut after its 产出 rows (complete=False, as the reader marks it)."""
    document = read(GOOD_ROWS[:2], None, inline)
    whole = review_document(document)
    assert {f.rule for f in whole.findings} >= {"too-few-indicators", "missing-cost-indicator"}
    # (too few rows to hold the groups: one finding naming them, round 38)
    assert "missing-level1-group" not in {f.rule for f in whole.findings}
    assert any("缺少一级指标「效益指标」「满意度指标」" in f.message for f in whole.findings
               if f.rule == "too-few-indicators")
    cut = replace(document, projects=(replace(document.projects[0], complete=False),))
    report = review_document(cut)
    assert [(f.rule, f.severity) for f in report.findings] == [("table-cut-off", "info")]
    assert report.projects[0].complete is False
    assert report.projects[0].grade == "优"
    assert any("表格不完整" in line for line in report.projects[0].basis)


def test_a_group_before_the_cut_is_still_missing(inline: Any) -> None:
    rows = [GOOD_ROWS[4], GOOD_ROWS[5]]  # 效益 and 满意度 read, 产出 missing before them
    document = read(rows, None, inline)
    cut = replace(document, projects=(replace(document.projects[0], complete=False),))
    found = [(f.rule, f.message) for f in review_document(cut, only={"missing-level1-group"}).findings]
    assert found == [("missing-level1-group", "缺少一级指标「产出指标」，绩效目标不完整")]


def test_a_wage_item_is_judged_by_the_simplified_template(inline: Any) -> None:
    """Point 9: 人员类 — two rows (an output, the unit's running), no cost, no satisfaction: not 差."""
    report = review_document(read(WAGE_ROWS, wage_header(), inline))
    assert [f.rule for f in report.findings if f.severity != "info"] == []
    (grade,) = report.projects
    assert grade.category == "人员类" and grade.grade == "优"
    assert any("简化模板" in line for line in grade.basis)
    # the same table as an ordinary project is missing what the full template asks for
    ordinary = header()
    report = review_document(read(WAGE_ROWS, ordinary, inline))
    assert report.projects[0].grade == "差"


def test_grade_basis_names_what_weighed_most(inline: Any) -> None:
    rows = with_row(2, row(OUT, Q, "网络连通率", "≥100%"))
    (grade,) = review_document(read(rows, None, inline)).projects
    assert grade.grade == "中"
    assert grade.basis[0].startswith("中：有错误1个")
    assert "比率超过100%（第2个指标）" in grade.basis[1]


def test_a_province_wide_figure_in_a_county_project_is_a_hint(inline: Any) -> None:
    """Issue 13 point 5: an indicator of another level's project (全省 in a county unit's table)."""
    rows = with_row(5, row(E, SE, "全省空气质量优良天数比例", "≥85%"))
    header_rows = header()
    header_rows[0] = ["100001岳阳县农业农村局", "单位：万元"]
    report = review_document(read(rows, header_rows, inline), only={"indicator-out-of-scope"})
    assert [(f.indicator, f.severity) for f in report.findings] == [(5, "info")]
    assert "全省" in report.findings[0].message
    near = with_row(5, row(E, SE, "全县空气质量优良天数比例", "≥85%"))
    assert review_document(read(near, header_rows, inline), only={"indicator-out-of-scope"}).findings == ()


def test_a_page_starting_inside_the_table_is_not_asked_for_its_quantity(inline: Any) -> None:
    """Round 11: no project name read (大英 养老, 遂宁大英 司法: the page starts inside the table), so
    the 数量 rows may stand before the page — missing-quantity-indicator says nothing; with the name it does."""
    document = read(with_row(1, row(OUT, Q, "设备验收合格率", "100%")), None, inline)
    named = review_document(document, only={"missing-quantity-indicator"})
    assert [f.rule for f in named.findings] == ["missing-quantity-indicator"]
    nameless = replace(document, projects=tuple(replace(p, name="") for p in document.projects))
    assert review_document(nameless, only={"missing-quantity-indicator"}).findings == ()
