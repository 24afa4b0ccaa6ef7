"""The labels real tables use, mapped to model fields (header synonyms live here, nowhere else).

Labels are compared by :func:`label_key` (NFKC, no spaces, colons, stars or
parenthetical notes), so ``其中：财政    资金`` and ``全年预算数(A)`` match their entries.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from perfbudget.framework import (
    FRAMEWORK_2015,
    FRAMEWORK_2021,
    LEVEL1_NAMES,
    OLDER_LEVEL2,
    normalise_level1,
    normalise_level2,
)
from perfbudget.readers.furniture import is_closing_row, is_furniture
from perfbudget.text_caches import keyed_on_texts

# Header-block labels → field. "group:purpose" marks 预算规模及资金用途: a group whose
# unlabelled continuation row holds the purpose.
# The duties row's brief labels: also the head of a grid's first column (Fujian's 年度履职目标: 部门职能 |
# 年度目标任务 | 支出项目名称 | 预算金额, corpus 102), so no label where the next filled cell heads a grid's column
# (readers/header_block.py, task_grid.is_column_head).
DUTIES_BRIEF = frozenset({"部门职能", "单位职能", "部门主要职能", "单位主要职能"})
# Header fields kept as extras that name a unit, in the order project_fields.unit_from_fields takes them as the
# budget unit when the table has no unit row (预算单位 / 单位名称 / a code+name row are read as the unit directly)
UNIT_EXTRAS = ("预算部门", "申报单位", "项目申报单位", "实施单位", "主管部门", "主管部门名称", "主管部门及编码",
               "主管部门及代码")
# The counters (measure words) a number stands before: an indicator value's one-character unit (≥12次, 3户: the glued
# rows' patterns, readers/text_glued.py and readers/glued_stream.py) and what a circled number glued to a goal's
# words numbers (完成②期工程, ②号楼, ③户, ②类: readers/goal_lines.py), never a list's mark.
COUNTERS = "个人次元天年月日台套件项所家户米亩辆头吨册场份篇期处座条间栋名批起本号幢类"

HEADER_LABELS: dict[str, str] = {
    "预算单位": "unit",
    "预算单位名称": "unit",
    "单位名称": "unit",
    # Hunan's 部门整体支出绩效自评表: 区级预算单位名称 | 永州市零陵区疾病预防控制中心 (corpus21b)
    **{f"{level}级预算单位名称": "unit" for level in ("省", "市", "州", "县", "区")},
    # 部门（单位）名称 of a 部门整体 table; in a project table that already has its unit, an extra
    "部门名称": "department",
    # 预算部门名称, and so 预算部门、单位名称 (Hunan's 2023 部门整体支出绩效自评表, corpus 212, kinds46),
    # 预算部门(单位)名称, 部门/单位名称: 、单位 and /单位 after 部门 leave a key as the (单位) note does (key_of_normal)
    "预算部门名称": "department",
    # 填报单位(盖章)：某县财政局 — the unit filling the form in: the table's unit unless it names one (misses22)
    "填报单位": "department",
    "填报部门": "department",
    "部门编码": "unit-code",
    "部门代码": "unit-code",
    "单位编码": "unit-code",
    "单位代码": "unit-code",
    "预算单位编码": "unit-code",
    "预算单位代码": "unit-code",
    "部门预算编码": "unit-code",  # Fujian's 部门整体支出绩效自评表: 部门(单位)名称 | … | 部门预算编码 | 901001033
    "部门职能职责概述": "extra",
    "部门职能职责": "extra",
    "部门职责": "extra",
    "职能职责概述": "extra",
    "部门职能概述": "extra",
    # the brief name of the same row (部门职能 | 负责…; 部门（单位）职能: kinds42, until then two unlabelled texts);
    # no label where a grid's column head follows it (DUTIES_BRIEF)
    **dict.fromkeys(DUTIES_BRIEF, "extra"),
    "单位职能概述": "extra",
    # the rows closing Hubei's 项目支出绩效监控表 after its indicators (corpus `72`; corpus22b)
    "偏差或不能完成目标原因分析": "extra",
    "相关建议或举措": "extra",
    # when a 监控表's figures were taken (监控时点 | 2024年6月30日: its period, readers/monitoring_period.py)
    "监控时点": "extra",
    "监控期间": "extra",
    "监控时间": "extra",
    "监控截止时间": "extra",
    # a 自评表's own total and grade in its header (自评得分 | 92分, 评价等级 | 优: readers/stated_scores.py)
    "自评得分": "extra",
    "自评总分": "extra",
    "自评总得分": "extra",
    "绩效自评得分": "extra",
    "项目自评得分": "extra",
    "评价得分": "extra",
    "评价等级": "extra",
    "自评等级": "extra",
    "绩效评价等级": "extra",
    "年度主要任务": "group:tasks",
    "年度绩效总目标": "goals",
    "部门年度总体目标": "goals",
    "部门整体绩效目标": "goals",
    "年度部门整体绩效目标": "goals",
    "部门整体支出绩效目标": "goals",
    "年度整体绩效目标": "goals",
    "项目名称": "name",
    "项目支出名称": "name",
    "专项名称": "name",
    "专项资金名称": "name",
    "资金名称": "name",
    "转移名称": "name",
    "转移支付名称": "name",
    "转移支付项目名称": "name",
    # the 省级部门预算项目支出绩效目标表 (Gansu, 31) names the project under its programme: 一级项目名称 | 文化事业发展
    # 专项资金 | 二级项目名称 | 博物馆纪念馆市级免费开放补助资金 — the 二级项目 is the project, the 一级 kept beside it
    "二级项目名称": "name",
    "一级项目名称": "extra",
    "预算数": "total",
    "转移支付预算数": "total",  # a 区域 transfer 自评表: 转移支付预算数(A) | 5.8万 | 预算执行率(B/A) (177)
    "预算金额": "total",
    "年度预算数": "total",
    "年度预算金额": "total",
    "年度本级预算金额": "total",
    "本级预算金额": "total",
    "年度资金总额": "total",
    # Hunan's 财政支出项目绩效评价自评报告: 计划安排资金（万元） | 实际到位资金 | 实际支出 | 结余 (kinds44, `95`)
    "计划安排资金": "total",
    "年度总金额": "total",  # Chongqing's 自评表: 资金情况 | 年初预算数 | 全年(调整)预算数 … over 年度总金额 (corpus22)
    "资金总额": "total",
    "项目总金额": "total",
    "项目金额": "total",
    # Ningxia's 批复表 names the project's money 绩效金额 (its tree's column head): a header block's row
    # 绩效金额 | 3000000 under 项目资金 | 财政拨款 | … | 其他资金 | … is the total a person reads (reading-u)
    "绩效金额": "total",
    "年度预算资金总额": "total",
    "年度财政资金总额": "total",
    "项目预算金额": "total",
    "项目当年预算": "total",
    "项目年度预算": "total",
    "当年度金额": "total",
    "本年度金额": "total",
    "年度金额": "total",
    "下达中央预算内投资": "total",
    "本次下达中央预算内投资": "total",  # the NDRC's 中央预算内投资计划绩效目标表 of a county (corpus20)
    "资金额度": "total",  # 区域绩效目标表: 专项名称 | 主管部门 | 资金额度 4623 万 (a province's copy)
    "中期预算资金总额": "extra",
    "总金额": "project-total",
    "项目资金总额": "project-total",  # 项目资金总额 | 1500 | 年度资金申请总额 | 1500 (the Corps' 申报表)
    "年度资金申请总额": "total",
    "本年度申请市财政预算资金": "total",
    "本年度申请财政预算资金": "total",
    "年度申请财政资金": "total",
    "中期市财政预算": "extra",
    "中期财政预算": "extra",
    "当年资金总额": "total",
    "当年年度预算": "total",
    "当年预算数": "total",
    "本年预算数": "total",
    "年度预算总额": "total",
    "本年度预计投入": "total",  # 专项资金情况 | 本年度预计投入（万元） | 财政资金（万元） | 其他 (Hunan 专项 forms)
    "年度预计投入": "total",
    "总额": "total",
    "其中财政资金": "fiscal",
    "财政资金": "fiscal",
    "财政资金小计": "fiscal",  # Fujian's 部门整体支出绩效自评表's funds grid, a row a source (reading30)
    "其中财政拨款": "fiscal",
    "财政拨款数": "fiscal",
    "其中财政拨款数": "fiscal",
    "财政拨款": "fiscal",
    "其中当年财政拨款": "fiscal",
    "当年财政拨款": "fiscal",
    "其中本年财政拨款": "fiscal",
    "其中当年一般公共预算拨款": "fiscal",  # Hubei forms (the 监控表 too): 其中:当年一般公共预算拨款 | 220 | 87.57
    "当年一般公共预算拨款": "fiscal",
    "本年财政拨款": "fiscal",
    "其他资金": "other",
    "其他资金小计": "other",
    "财政拨款小计": "fiscal",
    "财政拨款合计": "fiscal",
    "自有资金小计": "other-part",
    "其他收入": "other-part",
    "其他收入小计": "other-part",
    "其中中央补助": "fiscal-part",  # 年度资金总额 (empty) | 其中:中央补助 50.29 | 地方资金 (Shaanxi region forms)
    "中央补助": "fiscal-part",
    "中央补助资金": "fiscal-part",
    "地方资金": "fiscal-part",
    "自治区补助": "fiscal-part",  # Ningxia's 其中 | 中央补助 / 自治区补助 / 市县资金
    "省级补助": "fiscal-part",  # a province's transfer (区域) form: 资金情况 | 省级补助 1763 | 其中:本次…
    "市县资金": "fiscal-part",
    "其中地方资金": "fiscal-part",
    "其它资金": "other",
    "其中其他资金": "other",
    "其中其它资金": "other",
    "当年其他资金": "other",
    "预算规模及资金用途": "group:purpose",
    "资金用途": "purpose",
    "项目资金用途": "purpose",
    "绩效目标": "goals",
    "年度绩效目标": "goals",
    "本年度绩效目标": "goals",
    "年度目标": "goals",
    "年度总体目标": "goals",
    "年度总体绩效目标": "goals",
    "整体绩效目标": "goals",
    "总体目标": "goals",
    "项目年度目标": "goals",
    "年度主要目标和成果": "goals",
    "年度绩效目标和成果": "goals",
    "主管部门": "extra",
    "主管部门名称": "extra",  # 主管部门(单位)名称 of Fujian's transfer forms (corpus 45, 46)
    "主管部门及编码": "extra",
    "主管部门及代码": "extra",
    "主管部门编码": "extra",  # the code's own cell (主管部门 | 某局 | 主管部门编码 | 123)
    "主管部门代码": "extra",
    "业务主管部门": "extra",
    "项目主管部门": "extra",
    # the central 转移支付区域(项目)绩效目标自评表: 中央主管部门 | 某部 | 地方主管部门 | 某局 | 资金使用单位 | 某单位
    "中央主管部门": "extra",
    "地方主管部门": "extra",
    "资金使用单位": "extra",
    # Ningxia's 绩效目标自评表 (a 自治区 transfer): 项目实施单位/项目负责人 | 某中心/某人, 自治区主管部门 | 某厅,
    # 专项实施期 | 2022年3月-2022年11月, 市县财政部门 | 某局, 市县主管部门 | 某局
    "项目实施单位/项目负责人": "extra",
    "自治区主管部门": "extra",
    "专项实施期": "extra",
    "市县财政部门": "extra",
    "市县主管部门": "extra",
    "项目期": "extra",
    # Anhui's 项目资金(万元) | 中期资金总额: | 449.8万 | 年度资金总额: | 189.8万: the 中期 amount under its label,
    # never the year's budget (as 项目总投资); beside 年度资金总额 with no amount between, a column's head (misses22)
    "中期资金总额": "extra",
    "实施期资金总额": "extra",
    "项目期资金总额": "extra",
    # the 市级专项资金绩效目标申报表 of a city (Nanjing 2018: 申报部门(单位) | 预算功能科目 | 单位负责人 | 立项时间 …)
    "申报部门": "extra",
    "预算功能科目": "extra",
    "单位负责人": "extra",
    "立项时间": "extra",
    "开始实施时间": "extra",
    "预计完成时间": "extra",
    "项目实施起止时间": "extra",
    # a 专项转移支付绩效目标表 (Fujian): 主管部门(单位)名称及部门预算编码 | 331省农业农村厅 | 补助项目/区域 | 相关乡镇
    "主管部门名称及部门预算编码": "extra",
    "补助项目/区域": "extra",
    "项目分类": "extra",
    # the Gansu 省级部门预算项目支出绩效目标表: 项目类型 | 新增项目, 项目总投资 | 中央补助安排 | 省级财政安排 |
    # 其他资金 | 预算申报数 (this year's request) | 资金性质 | 一般公共预算
    "项目类型": "extra",
    "资金性质": "extra",
    "预算申报数": "total",
    "项目总投资": "extra",  # a multi-year investment: never the year's budget
    "建设周期": "extra",
    "项目起止时间": "extra",
    "项目总预算": "project-total",
    "项目总体概况": "extra",
    "项目审批": "extra",
    "年度预算执行率": "extra",
    "财政资金预算分类": "extra",
    "财政资金科目代码": "extra",
    "单位资金": "extra",
    "预算部门": "extra",
    "申报单位": "extra",
    "项目申报单位": "extra",
    "实施单位": "extra",
    "具体实施单位": "extra",
    "项目实施单位": "extra",
    "项目执行单位": "extra",
    "项目概况": "extra",
    "项目概况及立项依据": "extra",
    # Guangxi's 预算项目绩效目标公开表 (百色, reading31): 项目实施内容 | …, 项目实施进度计划 | … (项目实施 进度计划)
    "项目实施内容": "extra",
    "项目实施进度计划": "extra",
    "中期绩效目标": "extra",  # a multi-year goal beside the year's 年度绩效目标: kept under its label
    "立项依据": "extra",
    "项目总体目标": "extra",
    "项目单位": "extra",
    "项目负责人及电话": "extra",
    # a county's 专项资金绩效目标自评表 (Hunan): 专项资金名称 | … | 负责人及电话 | (略), 县级主管部门 | …
    "负责人及电话": "extra",
    "项目负责人及联系电话": "extra",
    "县级主管部门": "extra",
    "市级主管部门": "extra",  # a province's transfer (区域) form passed down: 市级主管部门, then 县级主管部门
    "省级主管部门": "extra",
    # the national 转移支付区域绩效目标表: 省级主管部门 | 某厅 | 省级财政部门 | 某厅 (reading34: 省级财政部门 and its
    # department came back as two unlabelled texts)
    "省级财政部门": "extra",
    "市级财政部门": "extra",
    "县级财政部门": "extra",
    "区县财政部门": "extra",  # Chongqing's (`56`: 区县财政部门 | 忠县财政局, 区县主管部门 | 忠县农业农村委员会)
    "区县主管部门": "extra",
    "项目负责人": "extra",
    "联系电话": "extra",
    "联系人": "extra",
    "项目实施期": "extra",
    "项目支出实施期": "extra",
    "实施期绩效目标": "extra",
    "项目属性": "extra",
    "区域": "extra",  # a transfer's regions (区域 | 新罗区、永定区…, the Fujian 专项转移支付绩效目标表)
    "项目类别": "extra",
    "上年结转资金": "extra",
    "其中上年结转资金": "extra",
    "该项目支出上级资金": "extra",
    "上级资金": "extra",
    # the Hunan 专项资金绩效目标申报表 (a special fund's form): 专项名称 | … | 专项属性 | 延续专项 新增专项 |
    # 部门名称 | … | 资金总额(万元) | 103 | 部门相应职能职责概述 | …, 专项起止时间, 专项负责人, 专项立项依据,
    # 专项年度绩效目标
    "专项属性": "extra",
    "专项起止时间": "extra",
    "专项负责人": "extra",
    "联系人及电话": "extra",
    "部门相应职能职责概述": "extra",
    "单位相应职能职责概述": "extra",
    "专项立项依据": "extra",
    "专项年度绩效目标": "goals",
    # a Hubei 项目支出绩效目标申报表 (申报单位 | 金额单位:万元, 项目名称, 项目预算 | 63 | 项目类型 | …): the
    # year's request
    "项目预算": "total",
    # Ezhou's cost breakdown (项目预算 | 成本构成 | 金额 | 测算(公式)依据 | 2018年实际执行数 …, its 合计 row the year's
    # amount): the grid's head (header_block._cost_grid); one not followed by 金额 is kept as an extra, as before
    "项目预算成本构成": "cost-grid",
    "预算成本构成": "cost-grid",
    "成本构成": "cost-grid",
    # the same fields as other units word them (misses19): kept with their labels, not as unlabelled texts
    "主管单位": "extra",
    "项目主管单位": "extra",
    "项目责任人": "extra",
    "项目联系人": "extra",
    "联系方式": "extra",
    "项目期限": "extra",
    "实施期限": "extra",
    "项目实施期限": "extra",
    "资金使用方向": "purpose",
    # fund sources other units name (misses20). Money outside the budget (the unit's own, its 事业收入) is a source
    # of 其他资金: kept as an extra and added up only where the table gives no 其他资金; money from a higher level
    # of government or the government funds budget is a part of 财政资金 (added up only under an empty total)
    **{f"{head}{label}": "other-source" for head in ("", "其中")
       for label in ("自筹资金", "单位自筹资金", "自筹", "单位自筹", "自有资金", "单位自有资金", "事业收入",
                     "单位事业收入", "经营收入", "社会资金", "社会投入资金")},
    **{f"{head}{label}": "fiscal-part" for head in ("", "其中")
       for label in ("上级补助", "上级补助资金", "上级补助收入", "上级专项资金", "上级财政资金", "政府性基金",
                     "政府性基金拨款", "政府性基金预算", "政府性基金预算拨款", "政府性基金预算财政拨款")},
    # the same funds as other units write them (misses21): the budget's other parts (一般公共预算 and 国有资本经营预算
    # are 财政拨款; bare 一般公共预算 is also a 资金性质's value, so a label only after 其中 or with 拨款/资金), the
    # treasury account's money kept under its label, and the amount a unit applies for as the year's budget
    **{f"{head}{label}": "fiscal-part" for head in ("", "其中")
       for label in ("一般公共预算拨款", "一般公共预算资金", "一般公共预算财政拨款", "国有资本经营预算",
                     "国有资本经营预算拨款", "国有资本经营预算资金")},
    "其中一般公共预算": "fiscal-part",
    **{f"{head}{label}": "extra" for head in ("", "其中")
       for label in ("财政专户", "财政专户资金", "财政专户管理资金")},
    "申请金额": "total",
    "申报金额": "total",
    "项目申请金额": "total",
    "年度申请金额": "total",
    "申请资金总额": "total",
}

# The execution's 分值 and 得分 columns named by what they score (执行率权重 | 执行率得分): the field each is.
EXECUTION_POINT_COLUMNS = {f"{head}{points}": field for head in ("执行率", "预算执行率")
                           for points, field in (("权重", "weight"), ("分值", "weight"), ("得分", "score"))}
# A 监控表's funds columns up to a month's end: 截至6月底执行数, 截止6月30日执行率 (label keys: no spaces; kinds35:
# unknown, the head's other columns took the row's figures one place off, 执行率 read as 年初预算数's 100). Funds
# columns as the ones below are, looked up apart: 240 more in FUND_COLUMNS, a tuple scanned by
# ``fund_column_of_key`` and an alternation of the glued label pattern, cost the text reader 1 % of its instructions.
_UNTIL_MONTH_COLUMNS = frozenset(f"{until}{month}月{end}{what}" for until in ("截至", "截止") for month in range(1, 13)
                                 for end in ("", "底", "末", "30日", "31日") for what in ("执行数", "执行率"))
# The period's dash as units write it in 1-6月执行数 (1—6月, 1～6月, 1至6月, 1到6月)
_PERIOD_DASHES = frozenset("－—–~～至到")
# Column labels of a self-evaluation funds block (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分).
# The first of these present gives the budget; the others are kept as project extras.
FUND_COLUMNS: tuple[str, ...] = ("全年预算数", "年初预算数", "预算数", "全年执行数", "执行数", "分值", "执行率",
                                 "得分", "调整后预算数", "年初预算", "调整后预算", "预算执行数", "预算执行率",
                                 # Hebei's 自评表: 年初预算数 | 调整预算数 | 全年执行数 | 分值 | 执行率 | 得分
                                 "调整预算数",
                                 "权重", "全年预算", "全年执行", "本年度申请资金", "上年度安排资金", "本年度安排资金",
                                 # a 绩效运行监控表's funds columns: 年初预算数 | 1-6月执行数 | 全年预计执行数
                                 *(f"1-{month}月执行数" for month in range(1, 13)), "全年预计执行数", "预计全年执行数",
                                 "上半年执行数",
                                 # and their rates (项目支出绩效目标执行监控表: 1-7月执行率 | 全年预计执行率, corpus22b)
                                 *(f"1-{month}月执行率" for month in range(1, 13)), "全年预计执行率", "预计全年执行率",
                                 "上半年执行率",
                                 # (and the same up to a month's end: _UNTIL_MONTH_COLUMNS, looked up apart)
                                 # Hubei's 部门整体支出绩效目标申报表: 部门总体资金情况 | 当年金额 | 占比 |
                                 # 近两年收支金额 (2018年 | 2019年) over 收入构成 / 支出构成 rows and their 合计
                                 # (corpus21b)
                                 "当年金额", "占比", "近两年收支金额",
                                 # Fujian's 部门整体支出绩效自评表: 预算安排 (年初部门预算安排金额 ① | 历年结余结转 ② |
                                 # 年中调整金额 ③ | 小计 ④=①+②+③) | 拨付情况 (年度拨付金额 ⑤ | 支出实现率 ⑥=⑤/④) |
                                 # 结余情况 (本年度结余金额 ⑦=④-⑤ | 资金结余率 ⑧=⑦/④), one row a source (reading30)
                                 "年初部门预算安排金额", "历年结余结转", "年中调整金额", "年度拨付金额", "支出实现率",
                                 "本年度结余金额", "资金结余率",
                                 # the execution's points named as its own (Chongqing's 部门整体绩效自评表: 执行率 |
                                 # 执行率权重 | 执行率得分, corpus 149; kinds31: they were unlabelled extras)
                                 *EXECUTION_POINT_COLUMNS,
                                 # a 专项债 自评表's 债券资金管理指标 row (readers/bond_funds.py)
                                 "实际支出金额", "下达额度")
# A funds column numbered as the form numbers them (年中调整金额③, 支出实现率⑥=⑤/④; ① is 1 in a label's key): the
# number and its formula are no part of its name. 小计 is a funds column only so, its formula summing the columns
# before it (小计④=①+②+③: the year's budget).
_NUMBERED_COLUMN = re.compile(r"(?<=[\u4e00-\u9fff])\d{1,2}(?:=\d{1,2}(?:[-+/×÷*]\d{1,2})*)?$")
SUM_COLUMN = "小计"
# The central 申报表's funds columns: 项目资金（万元） | 中期资金总额 | 年度资金总额 over one row per fund (资金总额,
# 其中：财政拨款, 其他资金). 年度资金总额 is a column only after a 中期 one: elsewhere it labels a row.
PERIOD_COLUMNS = frozenset({"中期资金总额", "实施期资金总额", "项目期资金总额", "年度资金总额"})
MIDTERM_COLUMNS = frozenset({"中期资金总额", "实施期资金总额", "项目期资金总额"})
BUDGET_COLUMNS: tuple[str, ...] = (SUM_COLUMN, "全年预算数", "全年预算", "调整后预算数", "调整后预算", "调整预算数",
                                   "本年度申请资金", "本年度安排资金", "年度资金总额", "预算数", "年初预算数",
                                   "年初预算", "当年金额", "下达额度")
# The columns of a cost breakdown after its 金额 (Ezhou's 项目预算成本构成 | 金额 | 测算(公式)依据 | 2018年实际执行数 |
# 2019年实际执行数): its 合计 row's 金额 is the budget, the other columns extras (readers/header_block.py).
COST_AMOUNT = "金额"
COST_COLUMN = re.compile(r"^(?:金额|测算依据|测算公式|计算依据|测算依据及说明|备注|"
                         r"(?:19|20)\d{2}年(?:度)?(?:实际)?(?:执行数|预算数|支出数|安排数))$")
# Row labels of a funds grid's total row (合计 213.4 259 under 上年度安排资金 | 本年度申请资金).
FUND_TOTAL_ROWS = frozenset({"合计", "总计"})
# The total row of a 部门整体 table's 年度主要任务 grid (金额合计 | 420 | 400 | 20).
TASK_TOTAL_ROWS = frozenset({"合计", "总计", "金额合计", "合计金额", "资金合计", "预算金额合计", "金额总计"})

# Labels of the rows that close a 绩效监控表 after its indicators: its deviation analysis and the measures taken
# (any row led by a deviation label, 偏差大或目标未完成原因分析, closes a table as well: is_closing_deviation).
MONITOR_CLOSING_ROWS = frozenset({"偏差或不能完成目标原因分析", "相关建议或举措"})

# Sub-labels of a goals block: 年度总体目标 | 预期目标 | 实际完成情况.
GOAL_EXPECTED = frozenset({"预期目标", "年初设定目标", "年度目标", "目标", "年度预期目标"})
GOAL_ACTUAL = frozenset({"实际完成情况", "年度总体目标完成情况", "年度总体目标完成情况综述",
                         "全年实际完成情况", "目标实际完成情况", "实际完成目标", "年度目标完成情况"})
# Further goal columns kept as project extras under their label (a multi-year project's other goals).
GOAL_OTHER = frozenset({"中期目标", "长期目标", "实施期目标", "项目期目标"})

# Labels announcing the funds block that some units follow with the budget itself (项目资金 | 50) or with its total's
# row (项目资金（万元） | 合计 | 1800): readers/header_block.py, readers/text_glued.py.
MONEY_BLOCKS = frozenset({"项目资金", "项目资金申请", "资金情况", "专项资金情况"})
# Labels that only announce the indicator block (a vertically merged first column); ignored.
IGNORED_LABELS = frozenset({"绩效指标", "本年度绩效指标", "年度绩效指标", "绩效指标情况", "项目绩效指标",
                            "年度绩效指标完成情况", "绩效项目指标表", "长期绩效指标",
                            "项目资金", "项目资金申请", "资金情况", "专项资金情况", "项目基本情况", "基本情况",
                            "基本信息"})
# The NDRC's 中央预算内投资计划绩效目标表 groups its rows above the framework's levels: under 实施效果指标 the 二级
# are the framework's 一级 names (产出指标, 效益指标, 满意度指标), under 过程管理指标 the template's own four.
PROCESS_GROUP = "过程管理指标"
PROCESS_LEVEL2 = frozenset({"计划管理指标", "资金管理指标", "项目管理指标", "监督检查指标"})
CENTRAL_GROUPS = frozenset({"实施效果指标", PROCESS_GROUP})


def is_central_group(name: str) -> bool:
    """实施效果指标 / 过程管理指标: a group of the NDRC's form standing in the 一级 column, above the framework."""
    return label_key(name) in CENTRAL_GROUPS
# Indicator columns that only number the rows (序号); read as no column at all.
NUMBER_COLUMN_LABELS = frozenset({"序号", "编号", "行次"})

# Indicator table header cells → column role.
COLUMN_LABELS: dict[str, str] = {
    "一级指标": "level1",
    "二级指标": "level2",
    "三级指标": "level3",
    "一级": "level1",
    "一级目标": "level1",  # (a region form of 2018: 一级目标 | 二级指标 | 三级指标)
    "二级": "level2",
    "三级": "level3",
    "年度数值": "target",
    "计划指标值": "target",
    "当年度指标值": "target",
    "本年度指标值": "target",
    "本年指标值": "target",  # (本年指标值 | 上年指标值: reading39)
    "当年指标值": "target",
    "本年目标值": "target",
    "当年目标值": "target",
    "指标名称": "level3",
    "三级指标名称": "level3",
    "三级指标内容": "level3",
    "具体指标": "level3",
    "绩效内容": "level3",  # the old Fujian form: 绩效目标 | 评价指标 | 绩效内容 | 绩效标准 | 全年绩效目标
    "绩效指标描述": "description",
    "指标解释": "description",
    "指标内容": "description",
    "指标说明": "description",
    "指标值": "target",
    "年度指标值": "target",
    "目标值": "target",
    "指标值及单位": "target",
    "年度目标值": "target",
    "预期指标值": "target",
    "预期目标值": "target",
    "预期值": "target",  # a 绩效监控表's 预期值 | 1-6月执行情况 | 全年预计完成 (kinds29: the indicators went unread)
    "年度预期值": "target",
    "绩效指标值": "target",
    "指标目标值": "target",
    "当年预期实现值": "target",
    "年度预期目标值": "target",
    "年初目标值": "target",
    "年初指标值": "target",  # Hubei 广水市's 自评表: 年初指标值 | 年终完成值 | 自评分 | 复核分 (kinds45)
    "年度目标值及单位": "target",
    "预期目标": "target",
    "绩效目标值": "target",
    "全年绩效目标": "target",
    "计划目标值": "target",
    "指标目标": "target",
    "指标方向": "sign",
    "符号": "sign",
    "比较符": "sign",
    "数值": "target",
    "折算得分": "score",
    "指标得分": "score",
    "分数": "weight",
    "指标权重": "weight",
    # Hebei's 预算项目绩效自评表 (the provincial system's print, corpus 74): 单项指标实际完成值, then 自评得分 over
    # 单项指标得分 | 权重占比(%) | 单项指标折算得分. 权重占比 is the indicator's points (25 + 25 + 30 + 10 with the
    # execution's 10: the 50/30/10 of 财预〔2020〕10号) and 单项指标得分 its score out of them (25.00 of 25.00 for a
    # target met, rules.md §4); 单项指标折算得分 (6.25 = 25.00 × 25%) weighs the score twice: an extra. Which of
    # 得分 and 折算得分 is the score out of the points is decided per table (readers/converted_scores.py).
    "单项指标实际完成值": "actual",
    "单项指标得分": "score",
    "权重占比": "weight",
    "指标性质": "sign",
    "指标值类型": "sign",  # 定量/定性, as 指标性质
    "计算符号": "sign",
    "指标符号": "sign",
    "度量单位": "unit",
    "计量单位": "unit",
    "指标值单位": "unit",  # 指标值 | 指标值单位: the value's unit in a column of its own (reading36)
    "指标单位": "unit",
    "单位": "unit",
    "分值": "weight",
    "权重": "weight",
    "指标分值": "weight",
    "实际完成值": "actual",
    "年终完成值": "actual",
    "完成值": "actual",
    "年度完成值": "actual",
    "全年完成值": "actual",
    "实际完成指标值": "actual",
    "实际值": "actual",
    "全年实际值": "actual",
    "全年实际完成值": "actual",
    "得分": "score",
    "自评分": "score",
    "偏差原因分析及改进措施": "deviation",
    "偏差原因分析": "deviation",
    "偏差原因": "deviation",
    "未完成原因及拟采取的改进措施": "deviation",
    "未完成原因分析及改进措施": "deviation",
    "偏差原因及改进措施": "deviation",
    "未完成原因分析": "deviation",
    "未完成原因": "deviation",
    "未完成原因和改进措施": "deviation",
    "未完成原因及改进措施": "deviation",  # Ningxia's 绩效目标自评表
}

# Further indicator columns kept as extras; listed so that a stream of cells knows where the
# indicator header ends (in rows, any unknown header is kept as an extra column anyway).
# A scoring method's column: one label, never 得分 | 计算方法 where glued (Beijing's 自评表, corpus 199)
SCORING_METHOD_COLUMNS = frozenset({"计分方法", "评分方法", "得分计算方法"})
EXTRA_COLUMN_LABELS = frozenset({
    "绩效标准", "备注", "评分标准", *SCORING_METHOD_COLUMNS, "指标方向", "折算分", "指标类型", "数据来源", "评价标准",
    "完成情况", "年度完成情况", "全年预计完成情况", "完成目标可能性", "原因说明", "指标来源",
    "核心指标", "是否核心指标",
})
_EXTRA_COLUMN_SUFFIX = ("标准", "备注", "方法", "来源")
# Value columns beside the target, kept as extras (历史值 | 年度指标值 | 中长期指标值): a value of another year or
# period, never the year's target (年度指标值, 年度目标值 are the target: column_role).
_OTHER_VALUE_COLUMN = re.compile(r"^(?:历史|上年|上年度|上一年度?|前一年|基期|基准|现状|中长期|中期|长期|实施期|全?周期"
                                 r"|实施周期|项目期|(?:19|20)\d{2}年度?)(?:指标值|目标值|完成值|实际值|实现值|值)$")
# A 监控表's columns beside the target: the period's figure and the year's forecast (1-6月执行情况, 全年预计完成,
# 截至6月底完成值), the measure (纠偏措施); kept as extras and typed by readers/indicator_progress.py (reading30: one
# cell a line, the stream's indicator header ended before them)
_PROGRESS_COLUMN = re.compile(r"^(?:\d{1,2}[-－—–~～至]\d{1,2}月份?|截至\d{1,2}月[底末]?|上半年|半年度?|前三季度"
                              r"|第?[一二三四]季度|全年|年度|年底)?(?:预计)?(?:指标)?(?:执行情况|完成情况|实际完成值|完成值|实现值|实际值"
                              r"|执行数|完成数|完成|预计值)$|^(?:纠偏|改进|整改)措施$")

# A row whose first cell starts with one of these ends the indicator block (signatures, notes, totals).
_FOOTER = re.compile(r"^(?:(?:注|说明|备注|备注说明|填表说明|附件\s*\d{0,2})\s*\d?\s*[:：]|扫一扫|财政部门"
                     r"|(?:主管部门|部门|财政)?审核意见|总分|合计|填表人|填报人|填报日期|单位负责人|评价结论|存在问题|审核人|[^\s]{0,8}审核意见)")

# Sign-off cells anywhere in a row's first cell: 财政资金管理科室(盖章) 年 月 日, 单位负责人(签字)，
# 填报人/联系人/联系电话 (compared without spaces, so 年 月 日 is 年月日).
_SIGN_OFF = re.compile(r"[(（](?:盖章|签字|签章|签名|公章|章)[)）]|(?:盖章|签字|签章|签名)[:：]|年月日$"
                       r"|^(?:填报人|联系人|联系电话|经办人)(?:[:：]|$)")

_PAREN = re.compile(r"[（(][^()（）]*[)）]")
# (a note whose closing bracket the page lost at the text's end is one too: 年度预算申请 / (万元, corpus 212, kinds46)
_MONEY_UNIT_NOTE = re.compile(r"[（(]\s*(万元|元|千元|亿元)\s*(?:[)）]|$)")
_KNOWN_LEVEL2 = frozenset(
    name for framework in (FRAMEWORK_2015, FRAMEWORK_2021) for names in framework.values() for name in names
) | frozenset(OLDER_LEVEL2)  # 环境效益(指标), 进度指标: older forms' 二级 names, read as written
_COST_LEVEL2 = frozenset(FRAMEWORK_2021["成本指标"])


_LABEL_NOISE = re.compile(r"[\s:：★*]+")
# A note at the label's end whose closing bracket the page lost (年初目标值(A | 实际完成值(B, reading32): a letter
# or two, a money unit or a score, and nothing after it; a longer tail may be the label's own words and stays.
_UNCLOSED_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[（(](?:[A-Za-z](?:[/÷][A-Za-z])?|万元|元|\d{1,3}分?)$")
# The same note without its opening bracket (执行数B) | 执行率B/A)): a letter or two only, right after the label.
_UNOPENED_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[A-Za-z](?:[/÷][A-Za-z])?[)）]$")


def ends_in_unclosed_note(text: str) -> bool:
    """``年初目标值(A``, ``资金(万元``: a label whose note at its end lost its closing bracket (``_UNCLOSED_NOTE``)."""
    return _UNCLOSED_NOTE.search(text) is not None


@keyed_on_texts
@lru_cache(maxsize=8192)
def label_key(text: str) -> str:
    """A label as compared: NFKC, no spaces or colons, no parenthetical note, no ★; 部门、单位 or 部门/单位 is 部门."""
    return key_of(text)


def key_of(text: str) -> str:
    """``label_key`` without its cache, for callers that remember their own answers (a text seen once, such
    as a project's name, then costs no cache entry)."""
    return key_of_normal(unicodedata.normalize("NFKC", text))


def key_of_normal(normal: str) -> str:
    """``key_of`` of a text whose NFKC form is ``normal`` (for a caller that needs that form too)."""
    key = "".join(normal.split())  # (no \s: ``split`` cuts at str.isspace, as \s)
    if not key.isalnum():  # (each character removed below is no letter or digit: most keys skip the tests)
        if ":" in key or "：" in key or "★" in key or "*" in key:
            key = _LABEL_NOISE.sub("", key)
        if "(" in key or "（" in key:
            key = _PAREN.sub("", key)
            if "(" in key or "（" in key:
                key = _UNCLOSED_NOTE.sub("", key)  # 年初目标值(A: the page lost the note's closing bracket
        if ")" in key or "）" in key:
            key = _UNOPENED_NOTE.sub("", key)  # 执行数B): the page lost the note's opening bracket
        if "，" in key or "," in key:
            key = key.replace("，", "").replace(",", "")
        if "部门、单位" in key or "部门/单位" in key:
            key = key.replace("部门、单位", "部门").replace("部门/单位", "部门")  # 部门、单位名称: 部门(单位)名称
    return key


# 其中：当年市级财政资金, 县级财政拨款 …: the fiscal part named by the level of government paying it.
_LEVEL_FISCAL = re.compile(r"^(?:其中)?(?:当年|本年)?(?:中央|省级|省|市级|市|县级|县|区级|区|本级|镇级|乡级)"
                           r"财政(?:资金|拨款)$")


# A source of funds named for what it is, a level of government's money under a name of its own
# (中央财政衔接推进乡村振兴补助资金, 省级财政农业发展资金, 市级文化产业发展专项资金, 中央农村综合改革转移支付补助资金):
# the level at its head and 财政 after it, or a transfer's money at its end (补助资金, 专项资金, 转移支付资金; a bare
# 补助 or 拨款 is not: 中央及自治区补助 under 一般公共预算拨款 is a detail of that source, reading31b), is plainly
# fiscal — a part of 财政资金 (reading-v). 自筹, 自有, 社会 or 其他 in it is not: such a name stays 其他.
_NAMED_FISCAL = re.compile(r"^(?:其中)?(?:当年|本年)?(?:中央|自治区|省级|省|市级|市|州级|县级|县|区级|本级|镇级|乡级)"
                           r"(?:财政[\u4e00-\u9fff]{0,16}?(?:资金|补助|拨款)"
                           r"|[\u4e00-\u9fff]{0,16}?(?:补助资金|专项资金|转移支付资金))$")
_NOT_FISCAL_WORDS = ("自筹", "自有", "社会", "其他", "其它", "银行", "贷款", "单位资金")
_NAMED_FISCAL_FIRST = frozenset("其当本中自省市州县区镇乡")  # (a key starting otherwise is not tried)


# A numbered list of the year's money (其中:1.中央资金 | 2.市级资金 | 3.区级资金 | 4.其他资金): the list number
# says the line is one part among several, so a level of government's money is a part of 财政资金.
_NUMBERED_PART = re.compile(r"^(?:其中)?\d{1,2}[.、．]")
_LEVEL_PART = re.compile(r"^(?:当年|本年)?(?:中央|省级|省|市级|市|州级|县级|县|区级|区|本级|镇级|乡级)"
                         r"(?:财政)?(?:资金|拨款|补助|补助资金)$")
_NUMBERED_MONEY = frozenset({"fiscal", "other", "fiscal-part", "other-part"})
# A level of government's matching money (县级配套, 市级配套资金, 地方配套资金): fiscal money by its name, a part of
# 财政资金 wherever it stands (reading38: an unknown label, kept as a pair of loose extras)
_MATCHING_PART = re.compile(r"^(?:其中)?(?:中央|省级|省|市级|市|州级|县级|县|区级|区|本级|地方)(?:财政)?配套(?:资金)?$")


@keyed_on_texts
@lru_cache(maxsize=8192)
def header_field(text: str) -> str | None:
    return field_of_key(label_key(text))


def field_of_key(key: str) -> str | None:
    """``header_field`` of a text whose ``label_key`` is ``key``."""
    found = HEADER_LABELS.get(key)
    if found is not None:
        return found
    # (the patterns asked only of a key they can match: 财政 in it; a first digit (\d: str.isdecimal) or 其中)
    if "财政" in key and _LEVEL_FISCAL.match(key):
        return "fiscal"
    if (key[:1].isdecimal() or key[:2] == "其中") and (numbered := _NUMBERED_PART.match(key)):
        found = _numbered_money_part(key[numbered.end():])
        # a plain list number may head the goal's title (1.年度目标); after 其中 it numbers a part of the funds
        return found if found is not None or not key[:1].isdecimal() else _numbered_goal(key[numbered.end():])
    if key[:1] in _SECTION_NUMERALS and (numbered := SECTION_NUMBER.match(key)):
        return _numbered_goal(key[numbered.end():])
    if key[:2] == "其中" and _LEVEL_PART.match(key[2:]):
        return "fiscal-part"  # 其中:中央资金 | 30: the 其中 says it is a part, as a list number does
    if "配套" in key and _MATCHING_PART.match(key):
        return "fiscal-part"
    if len(key) > 5 and key[0] in _NAMED_FISCAL_FIRST and _NAMED_FISCAL.match(key) \
            and not any(word in key for word in _NOT_FISCAL_WORDS):
        return "fiscal-part"  # 中央财政衔接推进乡村振兴补助资金 | 50: its name says it is fiscal (reading-v)
    return None


def is_level_part(text: str) -> bool:
    """A level of government's money without a list number or 其中 (县级资金, 市级财政补助): a part of 财政资金 only
    right after another part (其中:中央资金 | 30 above it)."""
    return _LEVEL_PART.match(label_key(text)) is not None


def part_label(text: str) -> str:
    """A money part's label as kept: without the list number of a numbered list (其中:2.市级资金 → 市级资金)."""
    key = label_key(text)
    numbered = _NUMBERED_PART.match(key)
    return key[numbered.end():] if numbered else key


def _numbered_money_part(rest: str) -> str | None:
    """The field of a numbered money line's label without its number: a level of government's money
    (中央资金, 市级财政资金) is a part of 财政资金, 其他资金 is 其他资金; any other numbered line is no money label."""
    if _LEVEL_PART.match(rest):
        return "fiscal-part"
    found = HEADER_LABELS.get(rest)
    return found if found in _NUMBERED_MONEY else None


def _numbered_goal(rest: str) -> str | None:
    """``goals`` for the goal's label after a section or list number (一、年度目标, 1.年度总体目标, 三、绩效目标: the
    goal's title, reading42 — the goal under it was lost, or the title itself read as the goal; 三、绩效目标 as
    （一）绩效目标 already was: a notice's section over the goal and the indicators is the goal's title where the goal
    follows it, and a title under it (（一）年度目标) is never its goal, ``label_lines.section_pair``)."""
    return "goals" if HEADER_LABELS.get(rest) == "goals" else None


# A section's number (二、绩效目标, （一）年度目标, 第二部分): a notice's next heading, never a value's end
# (``label_lines``), and before a label the goal's title (一、年度目标; on NFKC keys, spaces gone).
SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]"
                            r"|第[一二三四五六七八九十]{1,3}[部章节])")
_SECTION_NUMERALS = frozenset("一二三四五六七八九十")


# A self-evaluation's reason column named in other words than COLUMN_LABELS lists: 未达到指标值原因, 偏差原因分析及整改
# 措施, 未完成原因说明, 差异原因 — why a target was missed, with or without the measures taken (kinds28).
_DEVIATION_LABEL = re.compile(r"^(?:偏差|未完成|未达到?|未实现|差异)[\u4e00-\u9fff]{0,8}?原因(?:分析|说明)?"
                              r"(?:(?:及|和|与|、)?[\u4e00-\u9fff]{0,6}?(?:改进|整改|纠偏)措施)?$")


@keyed_on_texts
@lru_cache(maxsize=8192)
def column_role(text: str) -> str | None:
    key = label_key(text)
    role = COLUMN_LABELS.get(key)
    if role is None and "原因" in key and _DEVIATION_LABEL.match(key) is not None:
        return "deviation"
    if role is None and key[:2] in ("20", "19") and (year := _YEAR_HEAD.match(key)) is not None:
        # 2024年指标值, 2024年度目标值: the target column named with its year (misses20); only the target
        role = COLUMN_LABELS.get(key[year.end():]) or COLUMN_LABELS.get("年度" + key[year.end():])
        if role != "target":
            role = None
    return role


_YEAR_HEAD = re.compile(r"^(?:19|20)\d{2}年度?")


# Older two-level forms name the 三级 column by what it holds: 一级指标 | 二级指标 | 指标内容 | 指标值.
# Such a column is the 三级 one when the header has no 三级指标 column and it follows the level columns.
LEVEL3_FALLBACK = frozenset({"指标内容", "绩效指标", "指标", "绩效指标名称", "指标说明", "绩效指标内容"})


# The old Fujian form (2017) heads its levels 绩效目标 | 评价指标 | 绩效内容: before a 绩效内容 (三级) column,
# 绩效目标 (elsewhere a header-block label) is the 一级 column and 评价指标 the 二级 one.
_OLD_LEVEL_LABELS = ("绩效目标", "评价指标")


def _old_level_labels(texts: list[str], roles: list[str | None]) -> None:
    keys = [label_key(text) for text in texts]
    if "绩效内容" in keys and keys[:2] == list(_OLD_LEVEL_LABELS) and keys.index("绩效内容") == 2:
        roles[0], roles[1] = "level1", "level2"


# A header cell that lost its first character: `级指标` right before the 二级指标 column of a header with no 一级
# column is that column (a county page printed 级指标 | 二级指标 | 三级指标 | 指标值). Elsewhere it stays unknown.
LEVEL1_CUT_LABEL = "级指标"


def level1_cut_label(texts: list[str], roles: list[str | None]) -> None:
    """Mark ``级指标`` as the 一级 column when it stands right before the 二级 one and no column is 一级."""
    if "level1" in roles:
        return
    for i in range(len(texts) - 1):
        if roles[i] is None and roles[i + 1] == "level2" and label_key(texts[i]) == LEVEL1_CUT_LABEL:
            roles[i] = "level1"
            return


def header_roles(texts: list[str]) -> list[str | None]:
    """The column role of each header text, a 指标内容-like column promoted to 三级 (see LEVEL3_FALLBACK)."""
    roles = [column_role(text) for text in texts]
    _old_level_labels(texts, roles)
    level1_cut_label(texts, roles)
    if "level3" in roles or not any(role in ("level1", "level2") for role in roles):
        return roles
    last_level = max(i for i, role in enumerate(roles) if role in ("level1", "level2"))
    for i in range(last_level + 1, len(texts)):
        if label_key(texts[i]) in LEVEL3_FALLBACK:
            roles[i] = "level3"
            break
    return roles


@keyed_on_texts
@lru_cache(maxsize=8192)
def fund_column(text: str) -> str | None:
    return fund_column_of_key(label_key(text))


def fund_column_of_key(key: str) -> str | None:
    """``fund_column`` of a text whose ``label_key`` is ``key`` (a numbered one's name: ``_NUMBERED_COLUMN``)."""
    if key in FUND_COLUMNS or key in _UNTIL_MONTH_COLUMNS:
        return key
    if key[:1] == "1" and key[1:2] in _PERIOD_DASHES and "1-" + key[2:] in FUND_COLUMNS:
        return key  # 1—6月执行数, 1至6月执行率: the period as units write it (monitor41: the grid unread)
    if key[-1:].isdigit() and not key[0].isdigit() and (numbered := _NUMBERED_COLUMN.search(key)) is not None:
        name = key[:numbered.start()]
        if name in FUND_COLUMNS or (name == SUM_COLUMN and "+" in numbered.group()):
            return name
    return None


@keyed_on_texts
@lru_cache(maxsize=8192)
def goal_column(text: str) -> str | None:
    """"expected", "actual" or "other" for the sub-labels of a goals block."""
    key = label_key(text)
    if key in GOAL_EXPECTED:
        return "expected"
    if key in GOAL_ACTUAL:
        return "actual"
    if key in GOAL_OTHER:
        return "other"
    return None


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_number_column(text: str) -> bool:
    return label_key(text) in NUMBER_COLUMN_LABELS


def is_progress_column(text: str) -> bool:
    """A 监控表's period, forecast or measure column (1-6月执行情况, 全年预计完成, 纠偏措施)."""
    key = label_key(text)
    return len(key) <= 12 and _PROGRESS_COLUMN.match(key) is not None and column_role(text) is None


def is_extra_column_label(text: str) -> bool:
    key = label_key(text)
    return key in EXTRA_COLUMN_LABELS or (0 < len(key) <= 6 and key.endswith(_EXTRA_COLUMN_SUFFIX)) \
        or (len(key) <= 8 and _OTHER_VALUE_COLUMN.match(key) is not None and column_role(text) is None) \
        or (len(key) <= 12 and _PROGRESS_COLUMN.match(key) is not None and column_role(text) is None)


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_ignored_label(text: str) -> bool:
    return is_ignored_key(label_key(text))


def is_ignored_key(key: str) -> bool:
    """``is_ignored_label`` of a text whose ``label_key`` is ``key``."""
    return key in IGNORED_LABELS


@keyed_on_texts
@lru_cache(maxsize=8192)
def money_unit_note(text: str) -> str | None:
    """The money unit of a label such as ``资金情况(万元)`` or ``项目资金（元）``."""
    text = unicodedata.normalize("NFKC", text)
    match = _MONEY_UNIT_NOTE.search(text) if "(" in text or "（" in text else None  # (the note's opening bracket)
    return match.group(1) if match else None


def is_closing_deviation(text: str) -> bool:
    """A row led by a deviation label (偏差大或目标未完成原因分析 | …) after the indicators: the form's closing row,
    not an indicator whose 三级 is named like the column (reading32: 黄石三中's 自评表, one cell a paragraph)."""
    return "原因" in text and column_role(text) == "deviation"


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_footer(text: str) -> bool:
    """True for the first cell of a row after the indicators: 审核意见, 总分, 填表人, 注： …"""
    key = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if _FOOTER.match(key) or _SIGN_OFF.search(key) or is_closing_row(key):
        return True
    return not key.isdigit() and is_furniture(text)


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_any_label(text: str) -> bool:
    """True for any label of the header block or the indicator header (not for indicator names)."""
    return is_label_key(label_key(text))


# Every label key of the header block and the indicator header, in one set made at import.
_ANY_LABEL_KEYS = frozenset((*HEADER_LABELS, *COLUMN_LABELS, *FUND_COLUMNS, *_UNTIL_MONTH_COLUMNS, *GOAL_EXPECTED,
                             *GOAL_ACTUAL, *GOAL_OTHER, *IGNORED_LABELS, *FUND_TOTAL_ROWS))


def is_label_key(key: str) -> bool:
    """``is_any_label`` of a text whose ``label_key`` is ``key``."""
    return key in _ANY_LABEL_KEYS


# No key longer than this is a label of any kind or matches a field's pattern: the longest label, after a list
# number (其中 and two digits and a mark, ``_NUMBERED_PART``); ``_LEVEL_FISCAL`` and ``_LEVEL_PART`` match
# shorter keys (tests/readers/test_header_facts.py checks both).
LONGEST_LABEL_KEY = max(len(key) for key in (*_ANY_LABEL_KEYS, *HEADER_LABELS)) + 5


_LEVEL_NAMES = frozenset(LEVEL1_NAMES) | _KNOWN_LEVEL2


@keyed_on_texts
@lru_cache(maxsize=1024)
def cut_level_name(text: str) -> str | None:
    """The 一级/二级 name that ``text`` is the cut beginning of (满意 → 满意度指标: a form cut inside its
    label), else None. Two characters at least, never a name read as a level itself (社会效益, 满意度)."""
    key = unicodedata.normalize("NFKC", text).strip()
    if len(key) < 2 or key in _LEVEL_NAMES or level_of(key) is not None:
        return None
    return next((name for name in sorted(_LEVEL_NAMES) if name.startswith(key) and len(name) > len(key)), None)


@keyed_on_texts
@lru_cache(maxsize=8192)
def level_of(text: str) -> str | None:
    """"level1" or "level2" when a cell holds a 一级 or 二级 indicator name, else None.

    成本指标 and 满意度指标 are both (a 一级 of the 2021 framework / a 二级 of the 2015 one):
    they come back as "level1|level2" and the caller decides from the next cell.
    """
    key = unicodedata.normalize("NFKC", text).strip()
    if not key or len(key) > 30:
        return None
    level1 = normalise_level1(key) in LEVEL1_NAMES
    level2 = normalise_level2(key) in _KNOWN_LEVEL2 or (
        key[-2:] == "目标" and normalise_level2(key[:-2]) in _KNOWN_LEVEL2)  # older forms' 数量目标 (reading37)
    if level1 and level2:
        return "level1|level2"
    if level1:
        return "level1"
    if level2:
        return "level2"
    return None


def is_cost_level2(text: str) -> bool:
    return normalise_level2(text) in _COST_LEVEL2


def level1_of_level2(level2: str) -> str | None:
    """The one 一级 a 二级 name belongs to in the frameworks (None when ambiguous or unknown)."""
    name = normalise_level2(level2)
    owners = {level1 for framework in (FRAMEWORK_2015, FRAMEWORK_2021)
              for level1, names in framework.items() if name in names}
    return owners.pop() if len(owners) == 1 else None
