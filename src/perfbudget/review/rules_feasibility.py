"""可行性 (feasibility): every target can be measured, and points the right way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from perfbudget.framework import LEVEL1_COURSE, LEVEL1_DECISION, LEVEL1_EFFECT
from perfbudget.model import Document, Kind, Op, Project, Target
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import (
    CACHE_SIZE,
    Row,
    aim_example,
    at_indicator,
    bare,
    count_unit,
    flagged,
    indicator_check,
    is_leftover,
    is_money_unit,
    meant_group,
    mechanism_example,
    quote,
    tail_start,
    unit_note,
)
from perfbudget.review.language import (
    any_word,
    closed_group,
    content_words,
    figures,
    made_of,
    measure_of,
    project_category,
    word_set,
    words,
)
from perfbudget.review.registry import rule
from perfbudget.review.rules_relevance import drawn_in, input_row_advice, is_input_name, rate_given_as_count
from perfbudget.review.settings import RuleSettings
from perfbudget.target import COMPARATOR_WORDS, DAMAGE_RATES, format_decimal, written_unit
from perfbudget.text_caches import keyed_on_texts
from perfbudget.time_target import due_of

# Endings that state a trend or a quality without saying how much: 有所提高, 健全, 过硬, 管理到位,
# 环境卫生整洁, 车辆停放有序 ... and a
# thing said to move one way (服务范围扩大, 群众收入增加, 发病率下降: by how much?).
_VAGUE_ENDING = re.compile(
    r"(?:提升|提高|改善|增强|加强|健全|完善|过硬|到位|整洁|有序|干净|有效保障|应保尽保|效果明显|效果显著|持续保障|得到保障"
    r"|扩大|增加|增长|上升|减少|降低|下降|减轻|好转|拓展|拓宽)$"
)
# Values made of nothing but such words: 缓解、保障; 持续保障.
_VAGUE_WORDS = ("应保尽保", "效果明显", "效果显著", "进一步", "有所", "得到", "不断", "逐步", "稳步", "明显",
                "显著", "持续", "有效", "保障", "健全", "完善", "提升", "提高", "增强", "加强", "改善", "促进",
                "缓解", "过硬", "大幅", "充分", "积极", "基本")
# What makes a phrase checkable: a number, a standard, an acceptance, a deadline, a zero, or the
# answer to a yes/no question (已建工程是否存在质量问题 否).
_ANCHOR = re.compile(r"\d|%|达到|标准|合格|达标|通过(?:验收|审核|评审|考核|检查|审计)|验收|不发生|未发生|无|零"
                     r"|按期|按时|如期|全部|全覆盖|印发|出台|建成|完成|^[是否]$")
# Names that ask for a number: a rate, a count, an amount, a time.
_NUMBER_NAME = re.compile(
    r"(?:率|数|数量|次数|人数|个数|件数|户数|人次|台次|金额|面积|长度|里程|时间|时长|天数|年限|满意度|周期|时限|及时性)$"
)


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def asks_for_number(name: str) -> bool:
    return bool(_NUMBER_NAME.search(name))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def vague_reason(value: str, name: str) -> str | None:
    """Why a qualitative value is too vague to check, or None when it is checkable."""
    text = bare(value)
    if text in ("是", "否"):
        question = bare(name).partition("是否")[2]
        if question and _VAGUE_ENDING.search(question):
            return f"只回答了是或否，而问的「{question}」没有可判断的程度"
        if text == "是" and "是否" not in name and _AIM_STATEMENT.match(bare(name)) and not _ANCHOR.search(name):
            return "只是肯定了名称所说的工作目标，没有可判断的程度"
    if 2 < len(text) < 6 and _GRADE_SCALE.match(text):
        return "是评价等级的全部选项，没有选定要达到的等级或数值"
    if text.endswith("完成") and _DONE_WELL.match(text):
        return "只说了要做好、做完，没有写可检查的标准或数量"
    if not text or _ANCHOR.search(text):
        return None
    if text.startswith("是否"):
        return "是一个问句，没有写要达到的结果"
    last = text[-1]
    if last in "价况估核" and _MEASURE_NAMED.search(text):
        return "只写了要评价的内容，没有写要达到的结果"
    if last in "迎评可定誉赞" and _RECEPTION.search(text):
        return "只说了受欢迎或获好评，没有衡量的办法"
    if "年" in text and _ABOVE_LAST_YEAR.match(text):
        return "只说了要超过上年，没有写超过多少、达到多少"
    rest = text
    for word in _VAGUE_WORDS:
        rest = rest.replace(word, "")
    if not rest:
        return _VAGUE_ONLY
    if _VAGUE_ENDING.search(text):
        return "只说了趋势或状态，没有可判断的程度"
    if _degree_claims(value):
        return "只声称做到了某种程度（如「显著提升」「全面落实」），没有可判断的标准"
    subject = bare(name)
    if (len(subject) >= 4 and subject in text) or text == subject:
        return "只是重复了指标名称"
    if _GRADED_EFFECT.match(text):
        return "只给效果打了个笼统的等级，没有可判断的标准"
    if (reason := _vague_by_words(value, name)) is not None:
        return reason
    return "只说了要提升或改善什么，没有可判断的程度" if _aims_only(value) else None


# Done well, by no standard (按质按量完成, 保质保量完成, 高质量完成, 圆满完成): 完成 anchors a value only when it
# says what or by when (按期完成, 全部完成); how well is left unsaid (大英's 创建质量, round 33).
_DONE_WELL = re.compile(r"^(?:按质按量|保质保量|按质保量|高质量|高标准|高效|圆满|顺利|较好|很好|认真)地?完成$")
# A value naming what is to be assessed, not the level to reach: 企业把握正确政治导向和文化方向情况的评价.
_MEASURE_NAMED = re.compile(r"(?:情况|状况)(?:的)?(?:评价|评估|考核)?$|的评价$")
# More than last year, by no stated amount: 超上年度, 高于去年 (超上年2% states one).
_ABOVE_LAST_YEAR = re.compile(r"^(?:超|超过|高于|多于|好于|优于)(?:上年|去年|上一年)(?:度|同期|水平)?$")
# A reception with no measure: 获得目的国(地区)受众欢迎, 受到群众好评, 得到社会认可.
_RECEPTION = re.compile(r"(?:受|获得?|得到|赢得)[^，,。；]{0,12}?(?:欢迎|好评|认可|肯定|赞誉|称赞)$")


# A name that states an aim (满足市民生存环境的需求, 改善城市生态环境…, 保障…稳定运行): 是 to it only
# says the aim holds. A name with an anchor (实现村村通水泥路全覆盖, 达到国家标准) can be answered so.
_AIM_STATEMENT = re.compile(r"(?:持续|不断|进一步|逐步|全面)?"
                             r"(?:满足|改善|提升|提高|促进|保障|保持|推动|推进|增强|加强|优化|维护|巩固|助力|带动|完善|健全)")
# The form's grading scale left as the target: 高中低, 高/中/低, 优良中差, 优良中低差 (the five grades), 好中差.
_GRADE_SCALE = re.compile(r"^(?:[高中低]{3}|[优良中低差]{3,5}|[好中差]{3}|好较好一般差?)$")


# A clause claiming a degree of a trend or an aim with nothing to measure it by (显著提升了…, 大力支持了…,
# 全面落实…工作, 有效提高…): a degree word, then the verb. A lead-in (通过本项目实施) is no claim.
_DEGREE_CLAIM = re.compile(r"^(?:显著|明显|有效|大力|不断|持续|全面|进一步|切实|稳步|逐步|极大|大大|充分|积极)地?"
                           r"(?:提升|提高|促进|改善|增强|加强|支持|推动|推进|落实|保障|满足|助力|带动|丰富|优化)")
_LEAD_IN = re.compile(r"^通过")
_CLAUSE = re.compile(r"[，,；;。]")


def _degree_claims(value: str) -> bool:
    """True when every clause of ``value`` claims a degree with no measure, or leads in to one
    (``显著提升了疫情期间对民办幼儿园的扶持力度,大力支持了民办幼儿园的发展。``)."""
    clauses = [c.strip() for c in _CLAUSE.split(value) if c.strip()]
    claims = [c for c in clauses if _DEGREE_CLAIM.match(c)]
    return bool(claims) and all(_DEGREE_CLAIM.match(c) or _LEAD_IN.match(c) for c in clauses)


# A clause that only names an aim (改善学校的办学条件, 提高群众满意程度, 加大文物保护, 展示文物价值, 发挥…作用): a
# trend verb first, no extent.
_AIM_CLAUSE = re.compile(r"^(?:提升|提高|改善|增强|加强|促进|推动|优化|扩大|增加|减少|降低|加大|展示|发挥)了?")


def _aims_only(value: str) -> bool:
    """True when every clause of ``value`` only names an aim with no extent (``改善学校的办学条件``), as
    ``服务范围扩大`` does the other way round."""
    clauses = [c.strip() for c in _CLAUSE.split(value) if c.strip()]
    return (any(_AIM_CLAUSE.match(c) for c in clauses)
            and all(_AIM_CLAUSE.match(c) or _DEGREE_CLAIM.match(c) or _LEAD_IN.match(c) for c in clauses))


# A grade alone as the value of an effect (数字图书馆环境优良无污染 良好, 项目实施情况 良好): an effect
# needs a measure. Not a grade of a thing assessed by a standard (空气质量 优良, 工程质量等级 良好,
# 设备运行状况 良好).
_BARE_GRADE = frozenset({"良好", "较好", "很好", "好", "一般"})
_GRADED_THING = re.compile(r"质量|等级|级别|状况|状态|评级|评定|水质|空气")


def graded_effect(value: str, name: str) -> bool:
    """Whether an effect's value is only a grade of something with no standard behind it."""
    return bare(value) in _BARE_GRADE and _GRADED_THING.search(name) is None


# A grade given to an effect as such (经济效益良好, 效果良好, 社会影响较好): a grade fits a thing
# assessed by a standard (设备运行状况 良好), not an effect with no measure.
_GRADED_EFFECT = re.compile(r"^(?:经济|社会|生态|环境|可持续|综合)?(?:效益|效果|影响|作用|成效)(?:良好|较好|很好|好)$")


def _vague_by_words(value: str, name: str) -> str | None:
    """Cut into words (rjieba, review/language.py): a value whose every word is vague (vocabulary.toml ``[vague]``)
    or the indicator's own name says nothing checkable: 持续影响, 长期, 有效提升, 合规,
    严格执行相关制度规定, 安全隐患得到消除 for 消除安全隐患."""
    found = content_words(value)
    if not found:
        return None
    plain = [w for w in found if not made_of(w, "vague", "words")]
    if not plain:
        return "只有笼统的定性用语"
    if all(w in name for w in plain):  # the rest are the name's own words
        return "只是重复了指标名称，加上笼统的用语"
    return None


_TEMPLATE_EFFECT = re.compile(r"正常运转|正常运行|正常开展|按时足额|足额发放")
# The evaluation frame's process groups, whose rows the form prints with grades as the values (framework.EVALUATION).
_FORM_GRADED = frozenset({LEVEL1_DECISION, LEVEL1_COURSE})


@rule("vague-qualitative", title="定性指标值笼统", dimension="可行性", severity="warning")
def vague_qualitative(document: Document, settings: RuleSettings) -> list[Finding]:
    """A qualitative value that cannot be checked at year end.

    Flagged when the value is made only of vague words (有效保障, 健全, 缓解、保障, 持续保障),
    ends in a trend or state without a measure (…有所提高, …有所提升, 案件质量过硬, 提升), or
    only repeats the indicator's name, or only says the work will be done well (按质按量完成, 保质保量完成,
    高质量完成: 完成 with no standard or amount; 按期完成 and 全部完成 say by when and how much). Values are
    also cut into words (rjieba): a value whose
    every word is a vague word of ``vocabulary.toml`` (持续, 影响, 长期, 有效, 合规, 严格,
    执行, 相关, 制度 …) or a word of the indicator's own name is flagged too — 持续影响,
    长期, 有效提升, 合规, 严格执行相关制度规定, a value restating its direction (提高).
    The effect of a 人员类/运转类 project (保障单位正常运转: 正常运转) is its template's value
    and is not flagged. A value with an anchor — a number, 达到…标准,
    通过验收, 按期, 无/零, 印发, 建成 — is checkable and not flagged, and so is the answer to a
    yes/no question (已建工程是否存在质量问题 否) unless what it asks is a vague degree
    (公众知晓度是否明显提高 是: by how much?); so are grades
    such as 良好/优良 — but not a grade given to an effect as such (经济效益良好, 效果良好: the
    effect has no measure), nor a bare 良好/较好/好 as the value of any 效益 row whose name grades
    nothing assessed by a standard (数字图书馆环境优良无污染 良好; 空气质量 优良 and 设备运行状况
    良好 are not flagged). A bare 好 or 好坏 (the form's scale left as the target) is vague as 高
    is. An effect row that says there is no such effect (社会公益服务无经济效益, 不适用, or 否 to
    ``项目实施是否产生经济价值`` and ``是否对当地生态环境造成影响``) is no target; 否 to a harm asked
    about (``是否发生安全事故``) is checkable. A degree or a type as the value (``影响程度明显``,
    ``定性有效``: 程度 and 定性 are vague words) says nothing checkable, and neither does a value whose
    every clause claims a degree of a trend or an aim (``显著提升了…扶持力度,大力支持了…发展``,
    ``全面落实…开放工作``, ``通过本项目实施,有效提高…水平``), nor one whose every clause only names
    an aim (``改善学校的办学条件``, ``加大文物保护,展示文物价值``, ``发挥示范带动作用``: improved by how much?). A thing
    said to move one
    way with no measure (服务范围扩大, 收入增加, 发病率下降) ends in a trend as 有所提高 does; a
    growth to a stated extent (扩大到全县所有乡镇) is not flagged. A bare 是 to a name that states an aim
    (``满足市民生存环境的需求 是``, ``改善城市生态环境… 是``, ``持续完善马铃薯种薯繁育体系… 是``: an aim may
    open with 持续/不断/进一步/逐步/全面, and 完善/健全 are aims: yes, by how much?) says nothing checkable; 是 to a
    name with an anchor (``实现村村通全覆盖 是``) or to a yes/no question is judged as above. The form's grading
    scale left as the target (``食品安全整体状况 高中低``, 优良中差, the five grades ``优良中低差``) chooses no
    grade. Nor does a value that is a
    question (``是否利于企业走出去``), one that names what is to be assessed (``企业把握正确政治导向和文化方向情况
    的评价``, ``…情况``), a reception with no measure (``获得目的国(地区)受众欢迎``, ``受到群众好评``) or more than
    last year by no stated amount (``超上年度``; ``超上年2%`` states one). Names that ask for a
    number are left to ``qualitative-for-number``, and so is a 时效 value that names no deadline (全年).
    The rows of the evaluation frame's 决策 and 过程 (Jiangsu's project form: ``立项程序规范性 规范``,
    ``管理制度健全性 健全``) are the form's own, printed with their grades: not flagged. A trend downwards as the value
    (``减少``) is told to say how far down, not how far up.
    """
    out = []
    for row, (message, suggestion, template_effect) in flagged(document, _VAGUE_QUALITATIVE):
        project = row.project
        if template_effect and project_category(project.name, project.extras):
            continue  # 正常运转: the simplified template's effect
        out.append(at_indicator(project, row.position, row.indicator, "target", message, suggestion))
    return out


def _vague(row: Row) -> tuple[str, str, bool] | None:
    """``vague-qualitative``'s (message, suggestion, whether a 人员类/运转类 project's template effect
    would excuse it) for one indicator, or None."""
    indicator = row.indicator
    target = indicator.target
    if target.is_quantitative or target.period is not None or row.level1 in _FORM_GRADED:
        return None  # (_FORM_GRADED: the evaluation frame's 决策 and 过程 rows, graded by the form)
    if asks_for_number(row.name) or row.economic_cost or is_leftover(target.raw):
        return None  # (社会成本/生态环境成本 need not be money, but must still be checkable)
    if row.level2 == "时效指标" and target.raw.strip() in _NO_DEADLINE:
        return None  # qualitative-for-number says it: no deadline
    text = indicator.level3 + target.raw
    if row.level1 == LEVEL1_EFFECT and ("效益" in text or "不适用" in text) and _NO_EFFECT.search(text):
        return (f"{quote(indicator.level3)}（{target.raw}）说明这项效益并不存在，不是可以衡量的目标",
                "没有该项效益的，删去这一行；写项目真正带来的效益，如「数字资源访问量≥5万人次」", False)
    if (row.level1 == LEVEL1_EFFECT and "否" in target.raw and bare(target.raw) == "否"
            and _NO_EFFECT_ASKED.search(row.name)):
        return (f"{quote(indicator.level3)}回答「否」，说明这项效益并不存在，不是可以衡量的目标",
                "没有该项效益的，删去这一行；写项目真正带来的效益，如「惠及群众≥2万人次」", False)
    reason = vague_reason(target.raw, row.name)
    if reason is None and row.level1 == LEVEL1_EFFECT and graded_effect(target.raw, row.name):
        reason = "只给效益打了个笼统的等级，没有可衡量的程度"
    if reason is None:
        return None
    suggestion = (_TREND_DOWN_SUGGESTION if _TREND_DOWN.search(target.raw) else
                  "写明提高或改善到什么程度（如「较上年提高5个百分点」「达到95%以上」），年底才能对照"
                  if "趋势" in reason or "提升或改善" in reason or "上年" in reason
                  # 稳步提高, 明显增强: vague words only, but a rise, asked how far (not a group's 「设施正常使用年限」)
                  or (reason == _VAGUE_ONLY and _TREND_UP.search(target.raw) and row.level2 not in _OWN_EXAMPLE) else
                  _SUGGESTIONS.get(reason) or _group_suggestion(meant_group(row), row.name))
    return (f"{quote(indicator.level3)}的指标值{quote(target.raw)}{reason}，年底无法判断是否达成", suggestion,
            row.level1 == LEVEL1_EFFECT and _TEMPLATE_EFFECT.search(target.raw) is not None)


# A trend downwards as the value (减少, 有所下降, 明显降低): what to write is how far down, not how far up.
_TREND_DOWN = re.compile(r"(?:减少|下降|降低|减轻|减小)(?:了)?$")
_TREND_UP = re.compile(r"(?:提高|提升|改善|增强|加强|增加|上升|增长)(?:了)?$")
_VAGUE_ONLY = "只有笼统的定性用语"
# Groups whose example fits a rise better than a degree: a satisfaction to survey (群众幸福感 明显提升), a count, a
# deadline.
_OWN_EXAMPLE = ("服务对象满意度指标", "数量指标", "时效指标")
_TREND_DOWN_SUGGESTION = "写明降低或减少到什么程度（如「较上年减少10%」「不超过2起」），年底才能对照"

# What to write instead of a vague value: examples of the row's own group (an economic effect is not told to write
# ≥95%), else figures and checkable standards in general.
_MEASURABLE = ("改为可衡量的量化值（如「≥95%」「≥3次」），或写明可判断的标准"
               "（如「建立并印发管理制度」「全年无重大安全事故」）")
_BY_GROUP = {
    "经济效益指标": "写明带来的经济效果和数额，如「带动相关消费≥50万元」「受益农户户均增收≥2000元」",
    "社会效益指标": "写明受益的人或可检查的社会效果，如「受益群众≥5000人次」「政策知晓率≥90%」",
    "生态效益指标": "写明可测的生态效果，如「新增绿化面积≥2000平方米」「垃圾无害化处理率≥95%」",
    "可持续影响指标": "写明持续多久或靠什么持续，如「设施正常使用年限≥10年」「建立长效管护制度并印发」",
    "质量指标": "写明可检查的质量标准，如「验收合格率100%」「达到国家××标准」",
    "数量指标": "写明完成的数量和计量单位，如「≥3次」「≥500人次」",
    "时效指标": "写明完成时间或期限，如「2024年12月底前完成」「≤30个工作日」",
    "服务对象满意度指标": "写成调查得出的满意度，如「受益群众满意度≥90%」（写明调查的对象和方式）",
}

def _group_suggestion(group: str, name: str) -> str:
    """What to write instead of a vague value, by the row's group; a sustained effect that names no facility
    (建立良好招商关系, 保障司法救助机制正常运转) is shown a working mechanism kept up
    (``helpers.mechanism_example``)."""
    if (example := mechanism_example(group, name)) is not None:
        return f"写明靠什么持续、持续多久，如{example}"
    return _BY_GROUP.get(group, _MEASURABLE)


# What to write instead, for the reasons that have a better example than a figure.
_SUGGESTIONS = {
    "是一个问句，没有写要达到的结果":
        "把问句改写为要达到的结果，如「帮助≥3家企业开拓境外市场」；是非题的指标值写「是」或「否」",
    "只写了要评价的内容，没有写要达到的结果": "写明评价要达到的结果，如「评价结果为优良」「抽查合格率≥95%」",
    "只说了受欢迎或获好评，没有衡量的办法": "写明怎样衡量和要达到的程度，如「受访对象好评率≥90%」",
}


# An effect row that says there is none: 社会公益服务无经济效益, 不产生经济效益, 不适用.
_NO_EFFECT = re.compile(r"(?:无|没有|不产生|不涉及)(?:直接)?(?:经济|社会|生态|环境)?效益|^不适用$|不适用$")

# An effect asked about as a yes/no question (项目实施是否产生经济价值, 是否对当地生态环境造成影响): 否 says
# there is none. A harm denied is checkable (已建工程是否存在质量问题 否, 是否发生安全事故 否).
_NO_EFFECT_ASKED = re.compile(r"是否(?:对[^，,。；]{0,12}?)?(?:产生|造成|带来|形成|有)[^，,。；]{0,8}?"
                              r"(?:价值|效益|影响|收益|效果)")

# qualitative, and not the evaluation frame's 决策 and 过程 rows (立项程序规范性 规范, 管理制度健全性 健全: the form
# prints each with its grade; a 过程 row in a project table is level-not-in-framework's)
_VAGUE_QUALITATIVE = indicator_check(_vague, needs=lambda shape: not shape[8] and shape[0] not in _FORM_GRADED)


_DIGIT = re.compile(r"\d")
# A time without a digit that still names a date: 年底前, 年内, 上半年 ...
_DATE_WORDS = re.compile(r"年底|年内|年末|月底|月末|季度|上半年|下半年|当年|本年|全年|年度内|周内|日内"
                         r"|前完成|之前|以前|以内|时间内|时限内|期限内|按计划|合同约定")


_TIME_NAMES = ("及时性", "时间", "时限", "周期", "进度")
# A 时效 name that holds its deadline: 春节前完成走访慰问, 6月底前完成, 年底前拨付.
_NAME_DUE = re.compile(r"(?:节|底|末|\d月|\d日)前")


@rule("qualitative-for-number", title="应量化的指标写成定性", dimension="可行性", severity="warning")
def qualitative_for_number(document: Document, settings: RuleSettings) -> list[Finding]:
    """A qualitative value where the indicator's name asks for a number.

    A name ending in 率, 数/数量/次数/人数, 金额, 面积, 时间/时限/年限, 满意度 … asks for a
    figure or a date; a phrase such as 按期完成 or 较好 cannot be scored. Values holding a
    date or a number (``2024年12月底前``, ``2023.07-2024.01``) are fine. Cost indicators are
    left to ``cost-not-money``. Widened (issue 13): under 数量指标 any phrase (宣传教育
    ``覆盖全区所有人员``) and under 时效指标 a phrase without a date (``及时``, ``及时发放``;
    ``年底前完成`` names one) ask for a number or a time too, unless the name says by when
    (``春节前完成走访慰问 按时限完成``). A 期限 asks for a time (``受益期限`` answered with a sentence
    of aims is flagged; a vague one, ``长期``, is left to ``vague-qualitative``). A standard of money
    (``公用经费标准 符合相关文件要求``, 补助标准, 收费标准) asks for so many 元 a head, under any 二级; a
    quality standard (``维修质量标准``) is not money and is left alone. A value that says it is tentative or
    an estimate (``暂定量按15次作业且总航时不少于30小时测算``: 暂定, 测算, 估算) is no target even
    with figures in it. A 时效 value that only says how long or how often the work goes on (``全年``,
    常年, 每月, 日常, 长期) names no deadline, though 全年 reads as a period elsewhere; ``年底前完成`` and
    ``2024年12月底前`` do. Under 时效指标 the finding asks for a time (``项目完成及时性 程度较高``:
    「要求具体时间」, as for a name ending in 时间/时限/周期/期限), not a number. A 时效 value whose figures
    count something else and whose words only say 及时/按时 (``1-6期培训结束后及时考核``: batches 1 to 6,
    examined promptly) names no deadline either; ``≤15个工作日`` and ``培训结束后10日内`` do. A value of a row
    ``input-as-output`` tells (``补助经费到位及时性 及时``) is told to be deleted too, not given a date.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", message,
                         input_row_advice(document, row, settings, suggestion))
            for row, (message, suggestion) in flagged(document, _QUALITATIVE_FOR_NUMBER)]


def _wants_number(row: Row) -> tuple[str, str] | None:
    """``qualitative-for-number``'s (message, suggestion) for one indicator, or None."""
    indicator, group, name, cost = row.indicator, row.level2, row.name, row.cost
    target = indicator.target
    if target.is_quantitative:
        if (group == "时效指标" and target.unit and _PROMPTLY.search(target.unit)
                and not target.unit.startswith(_TIME_UNITS) and due_of(target) is None):
            # 1-6期培训结束后及时考核: the figures count batches; 及时 is all it says of time
            return (f"时效指标{quote(indicator.level3)}的指标值{quote(target.raw)}只说「及时」，"
                    "没有写明完成的时限，无法判断是否按时",
                    "写明时限，如「每期培训结束后≤15个工作日内完成考核」「2024年12月底前」")
        return None
    if target.period is not None or not target.raw.strip():
        return None
    if group == "时效指标" and target.raw.strip() in _NO_DEADLINE:
        return (f"时效指标{quote(indicator.level3)}只写了{quote(target.raw)}，是工作持续的时间，"
                "没有写明完成时限，无法判断是否按时",
                "写明完成或响应的时限，如「每季度末前完成考核」「问题发现后≤24小时处置」「2024年12月底前」")
    if due_of(target) is not None:  # a date or period (当年, 上半年): a time target, scored by date
        return None
    if cost:
        return None
    if _TENTATIVE.search(target.raw) is not None:
        return (f"{quote(indicator.level3)}的指标值{quote(target.raw)}是暂定或测算的说明，不是确定的目标值",
                "把测算的结果写成确定的目标值，如「≥30小时」「≥15次」，测算方法写在指标解释中")
    if _DIGIT.search(target.raw):
        return None
    if _DATE_WORDS.search(target.raw) and (group == "时效指标" or name.endswith(_TIME_NAMES)):
        return None  # 年底前完成, 在项目计划完成时间内完成: a time that can be checked
    if group == "时效指标" and _NAME_DUE.search(name):
        return None  # 春节前完成走访慰问 按时限完成: the name says by when
    money_standard = name.endswith("标准") and _MONEY_STANDARD.search(name) is not None
    if (not asks_for_number(name) and not money_standard
            and not (name.endswith("期限") and vague_reason(target.raw, name) is None)):
        if group != "数量指标" and (group != "时效指标" or _DATE_WORDS.search(target.raw) is not None):
            return None
        if vague_reason(target.raw, name) is not None:
            return None  # vague-qualitative says it
    if is_leftover(target.raw):
        return None  # template-leftover says it
    time_like = group == "时效指标" or name.endswith(("时间", "时限", "周期", "期限"))
    example = ("如「2024年12月31日前」或「≤30天」" if time_like else "如「≥650元/生·年」「800元/人·月」"
               if money_standard else f"如{value_example(name, group=group)}")
    return (f"{quote(indicator.level3)}要求{'具体时间' if time_like else '具体数值'}，"
            f"指标值却是定性描述{quote(target.raw)}",
            f"写成可衡量的值，{example}")


def value_example(name: str, figure: str = "N", group: str = "") -> str:
    """An example target in the row's own terms, ``figure`` its number: a satisfaction 「≥90%」, a rate 「≥95%」, a
    cost 「≤N万元」, a count in the unit its name counts in (「…危房改造户数≥N户」), else its ``group``'s examples
    (「≤1.5万元/个」「≤50万元」 for a cost) or a count of each kind (round 38:
    「成本控制」 was shown 「≥95%」「≥10次」, a household count 「≥95%」 too). The sign is the name's: what the name
    asks to keep low or to lower (投诉率, 安全事故次数, 降低…, ``name_direction``/``is_bad_thing``) a ceiling, money
    drawn in (招商引资金额, ``drawn_in``) a floor, other money a ceiling."""
    plain = _measured(name)
    shown = plain if len(plain) <= 20 else plain[:20] + "…"
    direction = name_direction(plain)
    low = direction == "reverse" or (direction is None and (is_bad_thing(plain) or _LOWERING.match(name) is not None))
    if name.endswith(("率", "比例", "满意度")):
        return f"「{shown}≤5%」" if low else f"「{shown}≥90%」" if "满意" in name[-3:] else f"「{shown}≥95%」"
    unit = count_unit(name)  # (before money: 补助资金发放户数 counts households)
    if unit is not None:
        return f"「{shown}{'≤' if low else '≥'}{figure}{unit}」"
    if _MONEY_NAME.search(name):
        return f"「{shown}{'≥' if drawn_in(name) and not low else '≤'}{figure}万元」"
    return _GROUP_EXAMPLES.get(group) or f"「≥{figure}次」「≥{figure}人」「≥{figure}个」"


def _measured(name: str) -> str:
    """The measure a name of aim names (提高就业率 → 就业率): the aim verb (``_AIM_OPENING``'s) taken off where the
    segmenter reads a word of two characters or more after it — not 保障房分配户数's 保障, the head of a compound."""
    aim = _AIM_OPENING.match(name)
    if aim is None:
        return name
    rest = name[aim.end(1):]
    return rest if len(words(rest)[0]) > 1 and words(name)[0] == aim.group(1) else name


# A value for the row's group where its name says no measure (missing-target-value, template-leftover,
# qualitative-for-number; an economic effect is not told to write ≥12次).
_GROUP_EXAMPLES = {
    "数量指标": "「≥12次」「≥500人」", "质量指标": "「100%」「≥95%」", "时效指标": "「2024年12月底前」「≤30个工作日」",
    "成本指标": "「≤1.5万元/个」「≤50万元」", "经济效益指标": "「≥50万元」「≥2000元/户」",
    "社会效益指标": "「≥5000人次」「≥90%」", "生态效益指标": "「≥2000平方米」「≥95%」", "可持续影响指标": "「≥10年」",
    "服务对象满意度指标": "「≥90%」",
}
# The aim verbs of lowering (降低投诉率): what follows is to be kept low.
_LOWERING = re.compile(r"^(?:降低|减少|缩短)")
# A name of money (成本控制, 项目资金, 培训费用): its example is an amount.
_MONEY_NAME = re.compile(r"成本|金额|额度|资金|费用|经费|造价|投资")
# A 度 that is a share of people or of the work (知晓度, 满意程度, 工程进度): its bare figure is a percentage, not
# 宽度's metres nor 补助额度's money.
_SHARE_DEGREE = re.compile(r"(?:满意|知晓|认可|认同|信任|参与|支持|配合|完成|覆盖|进)(?:程)?度$")


# A 时效 value that is only how long or how often the work goes on (养护 全年): no deadline to check.
_NO_DEADLINE = frozenset({"全年", "全年度", "常年", "每月", "每天", "每日", "日常", "随时", "长期"})

# A standard of money (公用经费标准, 补助标准, 收费标准): so many 元 a head, asked for as a figure.
_MONEY_STANDARD = re.compile(r"(?:经费|补助|补贴|资助|收费|救助|奖励|奖补|拨款|资金|生均|人均)标准$")

# A value that says it is an estimate, not the target: 暂定量按15次作业且总航时不少于30小时测算.
_TENTATIVE = re.compile(r"暂定|暂按|暂估|测算|估算")

# Words for "promptly" with no time in them (及时考核, 按时完成, 尽快): a 时效 value saying only these has no deadline.
_PROMPTLY = re.compile(r"及时|按时|按期|尽快|适时")
# Units of time a figure may open a 时效 value with (3天内及时办结 names its time).
_TIME_UNITS = ("天", "日", "个工作日", "工作日", "小时", "分钟", "个月", "月", "周", "年")

# qualitative values, and figures under 时效 in a unit that is no share (1-6期…及时考核: a phrase read as a unit)
_QUALITATIVE_FOR_NUMBER = indicator_check(
    _wants_number, needs=lambda shape: not shape[8] or (shape[1] == "时效指标" and not shape[9] and not shape[10]))


@rule("time-without-date", title="时效指标没有完成时间", dimension="可行性", severity="warning")
def time_without_date(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 时效指标 whose value is only a percentage and whose name is neither a rate nor about time.

    ``完成年度资料上报 100%``, ``取得2018-2022监测资料 100%``: a time target says by when
    (``2024年12月底前``, ``≤30个工作日``); 100% of a piece of work says nothing of time, and
    cannot be scored late or on time. A rate (…及时率, …完成率, …比例) and a name that says the
    share is of things done in time (及时给予治疗, 办案时效, 按期, 限内) read as a share of
    cases on time and are not flagged (项目按时完成率 ``100%`` included: the house judges it correct), nor a
    value with a date (``12月底前100%到位``), nor a name that says by when (``12月底之前完成 100%``,
    ``2020年12月完成 =95%``: ``name-without-object`` says what it lacks), nor a name that gives the schedule
    (``优抚对象生活补助金每月中旬发放 100%``, ``…每年3月、9月份发放``: the share of payments made on it). A name
    that holds the year (``2023年项目完工、投入使用 100%``) is told that the time belongs in the value.
    A thing to be done on time named as the act (``按时交纳税费``, 及时拨付…) whose value is the whole year
    (``=1年``) names no due date either and is flagged; a duration limit (``≤30个工作日``) and a rate are not.
    A rule of conduct as the name (``根据资金到位时间执行项目进度 100%``: 根据, 依据, 按照 …, not a rate) says what
    the timing depends on, not by when, and is flagged though it holds 时间 or 进度.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", *verdict)
            for row, verdict in flagged(document, _TIME_WITHOUT_DATE) if type(verdict) is tuple]


# A 时效 name that is a measure of time or of things done in time: not a piece of work.
_TIMED_NAME = re.compile(r"率|比例|性$|度$|及时|按时|按期|如期|时效|时限|时间|期限|限内|审限|周期|进度"
                         # a name that says by when (12月底之前完成 100%): name-without-object says what is missing
                         r"|[月年][底末内]|月前|日前|年前"
                         # a date as the name (2020年12月完成 =95%): name-without-object says what is done by then
                         r"|\d月(?:\d{1,2}日)?(?:完成|完工|办结)"
                         # a schedule as the name (优抚对象生活补助金每月中旬发放, 优待金每年3月、9月份发放 100%): the
                         # share of payments made when the name says
                         r"|每(?:月|季度?|周|半年)|[上中下]旬|\d月份")


# A 时效 name that is a rule of conduct (根据资金到位时间执行项目进度, 按照合同约定时间执行): it says what the timing
# depends on, not by when; a rate of things done by it (…按时完成率, …比例) is a share in time and is not matched.
_PRINCIPLE_NAME = re.compile(r"^(根据|依据|按照|视|随)(?!.*(?:率|比例)$)")

# A year written into a 时效 name (2023年项目完工、投入使用): the deadline stands where the value should.
_YEAR_IN_NAME = re.compile(r"(?:19|20)\d{2}年")

# A thing to be done on time named as the act itself (按时交纳税费, 及时拨付补助): not a rate, a period or a date.
_ON_TIME_ACT = re.compile(r"^(?:按时|及时|按期|如期)(?!.*(?:率|比例|性|度|时间|期限|时限|周期|天数|时长))")


@dataclass(frozen=True, slots=True)
class _DueYear:
    """The year a 时效 row's deadline names, for ``time-before-year`` and ``time-after-year``: ``year`` as read,
    ``written`` the text that names it (the value, or the name where the value gives no year: a date written in
    the name, ``2021年11月30日前完成资金支付 | 11月底完成``)."""

    year: int
    written: str
    in_name: bool = False
    start: int | None = None  # a period's first year (2024年3月-2026年6月: 2024)


def _time_without_date(row: Row) -> tuple[str, str] | _DueYear | None:
    """``time-without-date``'s (message, suggestion) for one indicator, or, for ``time-before-year`` and
    ``time-after-year``, the year a 时效 deadline names (:class:`_DueYear`; one pass over the rows for all
    three), or None."""
    if row.level2 != "时效指标":
        return None
    target = row.indicator.target
    verdict = _time_verdict(row, target)
    written = row.indicator.level3  # as written: name_of takes 指标12021 off as the form's numbering
    if verdict is not None or "年" not in written or _DATED_YEAR.search(target.raw) is not None:
        return verdict
    # the value names no year (11月底完成, 100%): a deadline written in the name dates it
    years = _deadline_years(written)
    return _DueYear(years[0], written, in_name=True) if years else None


# A year written as a date's (2021年12月底, 2021年11月30日前, 2023年底, 2023年内): a deadline's year in a 时效 text
# (not 2021年度's year of a budget, nor 5年's length: 19xx/20xx, 年 then a month or 底/末/内/前; a digit before it is
# allowed, the form's 指标1 glued to the name: 指标12021年11月30日前完成资金支付).
_DATED_YEAR = re.compile(r"((?:19|20)\d{2})年(?=\d{1,2}月|[底末内前])")

# A date followed by a deadline word (2021年12月底完成, 2021年11月30日前, 2023年内): the date is the one the work is
# due by. A date followed by anything else (2023年底结转资金: the year money was carried over from) is not.
_DEADLINE_DATE = re.compile(r"((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}[日号])?份?)?[底末初]?"
                            r"(?=之?前|以前|内|止|完成|完工|竣工|建成|办结|结束|验收|交付|投入使用|实施完毕)")
# What makes a date before it no deadline: a comparison base (较2022年底, 比…), work already done (已于2023年…), a date
# the text counts from (截至2022年底), money carried over (结转2023年…).
_NOT_DUE_BEFORE = re.compile(r"(?:较|比|已|截至|结转)于?$")
# A clause that says its work is done (2023年底前已完成一期): its dates are history, not the row's deadline.
_DONE_CLAUSE = re.compile(r"已(?:经)?(?:于[^，,；;。]*)?(?:完成|完工|竣工|建成|实施|拨付|支付)")


def _deadline_years(text: str) -> list[int]:
    """The years of the deadlines a 时效 text names (its sentence or name): a date followed by a deadline word, not
    after 较, 比, 已, 截至 or 结转, nor in a clause saying its work is already done."""
    return [int(date.group(1)) for clause in _CLAUSE.split(text) if _DONE_CLAUSE.search(clause) is None
            for date in _DEADLINE_DATE.finditer(clause) if _NOT_DUE_BEFORE.search(clause, 0, date.start()) is None]


def _time_verdict(row: Row, target: Target) -> tuple[str, str] | _DueYear | None:
    """:func:`_time_without_date` on the value alone."""
    if target.unit not in ("%", "％"):
        if target.unit == "年" and target.value == 1 and _ON_TIME_ACT.match(row.name) is not None:
            # 按时交纳税费 =1年: the whole year as the value of a thing to be done on time names no due date
            return (f"时效指标{quote(row.indicator.level3)}的指标值{quote(target.raw)}是一整年，没有写明应在何时之前"
                    "完成，无法判断是否按时",
                    "写明完成的时间或期限，如「每季度终了后15日内」「2024年12月底前」；若衡量按时完成的比例，"
                    "名称写成「…按时完成率」，指标值写百分比")
        if target.is_quantitative or ("年" not in target.raw and "." not in target.raw and "-" not in target.raw):
            return None
        due = due_of(target)
        if due is not None:
            return _DueYear(due.end_year, target.raw, start=due.start_year) if due.end_year is not None else None
        # a deadline in a sentence (2021年12月底完成项目规划相关工作。): the latest date it names as a deadline
        years = _deadline_years(target.raw)
        return _DueYear(max(years), target.raw) if years else None
    if due_of(target) is not None:
        return None
    if _TIMED_NAME.search(row.name):
        if (rule_of := _PRINCIPLE_NAME.match(row.name)) is None:
            return None
        # 根据资金到位时间执行项目进度 100%: a rule of conduct, 100% of it names no date to be kept
        return (f"时效指标{quote(row.indicator.level3)}写的是执行原则（{rule_of.group(1)}…），指标值只有"
                f"{quote(target.raw)}，没有写明完成的时间或期限，无法判断是否按时完成",
                "写明完成时间，如「2024年12月底前完成采购和安装」「资金到位后3个月内完成」")
    if (year := _YEAR_IN_NAME.search(row.name)) is not None:
        # 2023年项目完工、投入使用 100%: the time is in the name, the value cannot be scored by it
        return (f"时效指标{quote(row.indicator.level3)}把时间（{year.group()}）写在了名称里，指标值只有"
                f"{quote(target.raw)}，年底无法按指标值判断是否按时完成",
                f"名称写要完成的事（如「项目完工并投入使用时间」），指标值写完成时间（如「{year.group()}12月底前」）")
    return (f"时效指标{quote(row.indicator.level3)}的指标值只有{quote(target.raw)}，没有写明完成的时间或期限，"
            "无法判断是否按时完成",
            "写明完成时间，如「2024年12月底前完成」「≤30个工作日」；若衡量按时完成的比例，"
            "名称写成「…按时完成率」")


_TIME_WITHOUT_DATE = indicator_check(_time_without_date, needs=lambda shape: shape[1] == "时效指标")


@rule("time-before-year", title="完成时间早于预算年度", dimension="可行性", severity="warning")
def time_before_year(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 时效 target whose date lies before the budget year (``2018年12月底前`` in a 2019 table).

    The year's money cannot pay for work already due the year before: the row was copied from last
    year's table, or the year is a slip. Flagged when a 时效 row's deadline (or the end of its period, or the
    latest date a sentence names: ``2018年12月底完成验收。``) names a year before the project's fund year (the
    table's 年度); where the value names no year, a date written in the name counts (原州's
    ``2021年11月30日前完成资金支付 | 11月底完成`` in a 2022 self-evaluation, round 40). In a sentence or a name a
    date counts only when a deadline word follows it (前, 内, 完成, 完工, 竣工 …): a comparison base
    (``较2022年底提前完成``), work already done (``2023年底前已完成一期，本年完成二期``, 已于…), a date
    counted from (截至…) and the year money was carried over (``2023年底结转资金支付进度 | 6月底前``) are no
    deadline. A deadline in a later year
    (``time-after-year`` judges those) and a date without a year (``12月底前``)
    are not flagged, nor any table whose year is not known.
    """
    return [_year_finding(row, due, year, f"早于本表的预算年度{year}年：本年度的资金无法用于上一年已到期的工作",
                          f"写明{year}年度内的完成时间，如「{year}年12月底前」；沿用上年表格的，逐项更新年份")
            for row, due, year in _dated_rows(document) if due.year < year]


@rule("time-after-year", title="完成时间晚于预算年度次年", dimension="可行性", severity="warning")
def time_after_year(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 时效 target due two or more years after the budget year (``2021年12月底完成项目规划相关工作`` in a 2019 table).

    A year's target is what the year's money buys by the year's end; a project spanning the turn of the year
    may end in the next one (``2023.07-2024.01``, ``2023年底`` in a 2022 table: not flagged), but work due two years
    later cannot be checked when the year's money is evaluated, and is no output of this budget: the row gives the
    whole project's (实施期) term, or the year is a slip (长庆初中's 2019 table, round 40). Read as
    ``time-before-year`` reads the year (the value's deadline, the latest date a sentence names, else a date in the
    name); a table whose year is not known is not judged. A row that names the term itself (``项目建设周期``,
    ``中期目标完成时间``, 实施期, 建设期) gives the multi-year term where it is asked and is not flagged; a period that
    holds the budget year (``项目完工时间 2024年3月-2026年6月`` in a 2024 table) is told as the whole project's term,
    and asked for this year's part.
    """
    out = []
    for row, due, year in _dated_rows(document):
        if due.year < year + 2 or _TERM_NAME.search(row.name) is not None:
            continue
        if due.start is not None and due.start <= year:
            why = (f"是跨{due.start}—{due.year}年的整个项目的周期：年度指标写本年度资金要完成的部分，整个项目"
                   f"{due.year}年才完成，在{year}年度的评价中无法考核")
        else:
            why = (f"比本表的预算年度{year}年晚{due.year - year}年：年度指标是本年度资金要完成的工作，{due.year}年"
                   f"才到期的工作在{year}年度的评价中无法考核")
        out.append(_year_finding(row, due, year, why,
                                 f"写明本年度完成的部分和时间，如「{year}年12月底前完成规划编制」；整个项目的完成时间"
                                 "写在实施期（中长期）目标中"))
    return out


# A 时效 name that names a multi-year term (项目建设周期, 中期目标完成时间, 实施期): the term is what it asks for.
_TERM_NAME = re.compile(r"中期|实施期|建设期|周期")


def _dated_rows(document: Document) -> list[tuple[Row, _DueYear, int]]:
    """The 时效 rows whose deadline names a year, each with it and its project's fund year (known)."""
    return [(row, due, row.project.fund_year) for row, due in flagged(document, _TIME_WITHOUT_DATE)
            if type(due) is _DueYear and row.project.fund_year is not None]


def _year_finding(row: Row, due: _DueYear, year: int, why: str, fix: str) -> Finding:
    """A finding of ``time-before-year`` or ``time-after-year``: where the year is written, what it is, ``why``."""
    indicator = row.indicator
    where = (f"时效指标{quote(indicator.level3)}的名称写明完成时间在{due.year}年（指标值{quote(indicator.target.raw)}"
             "没有写年份）" if due.in_name else
             f"时效指标{quote(indicator.level3)}的完成时间{quote(due.written)}在{due.year}年")
    if due.in_name:
        fix += f"；完成时间写在指标值中（如「{year}年12月底前」），名称只写要完成的事"
    return at_indicator(row.project, row.position, indicator, "level3" if due.in_name else "target",
                        f"{where}，{why}", fix)



def public_awareness_at_full(row: Row) -> bool | None:
    """True for a public's awareness (…群众知晓率, 公众知晓度) whose target's lower bound is 100%."""
    target = row.indicator.target
    if target.value is None or target.value < 100 or target.op in (Op.LE, Op.LT):
        return None
    name = row.name
    if _AWARENESS.search(name) is None or any_word("people", "public").search(name) is None:
        return None
    return True if closed_group().search(name) is None else None


# An awareness as the measure (政策知晓率, 群众知晓度): the name ends in it, not a sentence (知晓率显著提升).
_AWARENESS = re.compile(r"知晓(?:率|度|比例)$")

_PUBLIC_AWARENESS_AT_FULL = indicator_check(public_awareness_at_full, needs=lambda shape: shape[9])


@rule("awareness-at-full", title="公众知晓率目标定为100%", dimension="可行性", severity="warning")
def awareness_at_full(document: Document, settings: RuleSettings) -> list[Finding]:
    """The public's awareness of a policy or a campaign set at 100% (``城乡居民参保网络宣传群众知晓率 =100%``).

    An awareness of the public (群众, 公众, 居民, 市民, 村民 …: ``[people] public`` of the vocabulary) is found by a
    survey of a sample: no survey finds every resident aware, so a target of 100% cannot be met as measured, nor
    checked against a survey (88号: 指标值可实现、可考核). 大英 医保's (b170, missed since round 26) is the case.
    Flagged when the name ends in 知晓率, 知晓度 or 知晓比例, names the public, and the target's lower bound is 100%
    (``=100%``, ``≥100%``, ``120%`` alike: ``rate-over-100`` leaves such a row to this rule, its 「写作100%」 would be
    the opposite advice). A closed group that can all be told is not: a group named (``奖助政策学生知晓率 100%``:
    every student of one university; ``社会保险政策职工知晓率``), or the public closed by the word before it
    (``受益群众``, ``脱贫群众``, ``参保群众``: a project's beneficiaries, a register's households; ``[people] groups``
    and ``closing``). Nor are an
    awareness with no public named (``政策知晓率``, ``社会救助政策知晓率``: bare 社会 names a policy), a target below
    100% (``政策群众知晓率 ≥90%``) and an awareness in a sentence (``…知晓率显著提升``).
    """
    return [at_indicator(row.project, row.position, row.indicator, "target",
                         f"{quote(row.indicator.level3)}的目标{quote(row.indicator.target.raw)}"
                         f"{_beyond_all(row.indicator.target)}要求所有群众都知晓：公众知晓率要靠抽样调查得出，"
                         "抽样调查难以得出人人知晓的结果，100%无法据调查考核",
                         "写明调查方式和合理的目标，如「群众知晓率≥90%（抽样问卷调查）」")
            for row, _ in flagged(document, _PUBLIC_AWARENESS_AT_FULL)]


def _beyond_all(target: Target) -> str:
    """What a target over 100% adds to ``awareness-at-full``'s message (``rate-over-100`` leaves it the row)."""
    assert target.value is not None
    top = target.upper if target.upper is not None else target.value
    return "超过100%，比率不可能达到；即使是100%，也" if top > 100 or target.op is Op.GT else ""


@rule("several-targets", title="一个指标填了多个指标值", dimension="可行性", severity="warning")
def several_targets(document: Document, settings: RuleSettings) -> list[Finding]:
    """A target cell that lists counts of several things (``困难台胞432人、高龄台胞1792人、困难学生助学95人``).

    An indicator is scored against one target value: a list of counts of different things
    cannot be scored as one (which of them is met?), and the things counted have no indicator
    of their own. Flagged when a qualitative value holds at least two figures in count words
    (人, 次, 期 … of ``vocabulary.toml`` ``[units] count``) with a list mark (、，；) between each
    and the next, or at least two figures in one measure (area, length, volume, weight:
    ``[units.measures]`` but time; ``2.6万平方米`` and ``10000平方米`` are both areas), each after a
    label of two or more characters of its own (``建筑面积2.6万平方米,展示面积1万平方米``: 东莞展览馆's,
    round 39; a spec, labels ending in a dimension word of ``[units] dimensions`` —
    ``长4.5米，宽3米``, ``路基宽8米、路面宽6米``, ``长度4.5米，宽度3米`` —, a total with its breakdown,
    其中… or a first label opening with 总, 合计, 共计, 累计 (``总建筑面积3万平方米，展示面积1万平方米``),
    and figures in different measures are not flagged). A count beside its share
    (``实施基层医疗机构37个，覆盖率100%``), a count and a
    time (``15次…30小时``) or a single count in a phrase are not flagged; cost rows are left to
    the cost rules. So is a list of three or more outputs said to be all completed
    (``半年报告、全年报告和11期景气报告全部完成``); one or two things completed are not flagged.
    A cost value listing several amounts (``3000元、2000元、1000元3个档次``: tiers of a grant) is
    flagged too — which amount is the target? — while a single amount, or a total with its breakdown
    (``≤30万元，其中人均500元/人``), is left to the cost rules. A name listing several rates with one value
    (``各种强制免疫率、屠宰率及检疫率 100%``, ``及时率和准确率``) is flagged too, and so is a name joining two to four
    short measures with 、 — a rate or quality they share (``完整、准确率 100%``: 完整率 and 准确率; ``安全性、利用率``)
    or as many values listed in the target (``人员控制、支出规范 不超编、无违规支出``, ``绿化、节能
    绿化良好、水电费开支有下降``); longer parts are one measure of several things (``及时、足额发放率``,
    ``学生、家长、社会满意度``): each rate is a measure of its
    own; a single rate (及时率: its 及 is no list mark) and a rate beside another kind of measure are not.
    A 时效 value dating two or more different works one by one (``6月份完成宣传片制作;9月份完成文本;11月完成专家评审``)
    is flagged too: which deadline is scored? One work's stages (``2023年6月开工,12月竣工``), shares due by a
    date (``上半年完成50%,年底完成100%``) and a period (``2021.1.1-12.31``) are one target.
    An effect named by two or more aims as clauses, each opening with an aim verb
    (``降低交通事故损失,提升公路交通安全保障水平 ≥95%``), under one figure is flagged too: which aim is the
    figure of? A single aim (``提升公路安全保障水平``) and a value in words are not (``vague-qualitative`` judges
    those). A cell that is a paragraph of three or more aims and its own value (a form giving each 二级 one
    paragraph: ``学校的教育教学秩序良好,校园文化建设深受好评,力争毕业生合格率达100%``) is flagged too: each aim
    needs an indicator of its own; one or two clauses are left to the other rules.
    A value giving shares of different acts clause by clause (``第一年按总投资额返本20%,分红按8%分红``: 返本 and 分红)
    is flagged too; the same act by dates (``上半年完成50%,年底完成100%``), a change beside its level (``较上年提高5%,
    达到95%``) and a breakdown (其中…) are one target. So is a name whose clauses each end in a target while the value
    is empty (``指标1:窗口和工作人员月度绩效考核全覆盖,优秀比例不超过20%``): two targets written where the name goes.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", *verdict)
            for row, verdict in flagged(document, _SEVERAL_TARGETS)]


def _several_aims(row: Row) -> tuple[str, str] | None:
    """``several-targets``'s (message, suggestion) for an effect with a figure whose name has a clause mark and
    is two aims, or None."""
    target = row.indicator.target
    if (aims := several_aims(row.name)) is None:
        return None
    measure = "比例" if target.unit in _SHARE_UNITS else "数值"
    return (f"{quote(row.indicator.level3)}把{len(aims)}个目标（{'、'.join(aims)}）放在一个指标里，只有一个"
            f"指标值{quote(target.raw)}，看不出是哪一个的{measure}，无法分别考核",
            f"拆成{len(aims)}个三级指标，每个写明衡量的对象和一个指标值（如「{aims[0]}」写成可计量的"
            "「…发生率较上年下降…%」）")


# A clause of a paragraph (，,；;。): at least four characters of Chinese make an aim (秩序良好, 收支平衡).
_CLAUSE = re.compile(r"[，,；;。]")
_HAN4 = re.compile(r"[\u4e00-\u9fff].*[\u4e00-\u9fff].*[\u4e00-\u9fff].*[\u4e00-\u9fff]")


def _paragraph_aims(name: str, raw: str) -> list[str] | None:
    """The aims of a 三级 cell that is a paragraph of three or more clauses and its own value (a form that gives each
    二级 one paragraph: 学校的教育教学秩序良好,校园文化建设深受好评,力争毕业生合格率达100%), or None."""
    if raw.strip() != name.strip() or len(name) < 16:
        return None
    clauses = [clause.strip() for clause in _CLAUSE.split(name) if clause.strip()]
    if len(clauses) < 3 or not all(_HAN4.search(clause) for clause in clauses):
        return None
    return clauses


def _paragraph_verdict(row: Row, aims: list[str]) -> tuple[str, str]:
    shown = "；".join(aims[:3]) + ("…" if len(aims) > 3 else "")
    figured = next((aim for aim in aims if _DIGIT.search(aim)), None)
    example = (f"如把「{figured}」写成三级指标，指标值单列" if figured
               else "如「安全事故发生次数 0次」「毕业生合格率 100%」")
    return (f"{quote(row.indicator.level3[:20] + ('…' if len(row.indicator.level3) > 20 else ''))}一个三级指标写了"
            f"{len(aims)}项目标（{shown}），名称和指标值是同一段话，无法逐项考核和打分",
            f"每项目标单列一个三级指标，写明衡量的对象和可衡量的指标值（{example}）；说不出数值的目标放到绩效目标中")


_LIST_MARK = re.compile(r"[、，,；;]")
_DIGIT = re.compile(r"\d")
# A value listing a counted figure, then (after 和/及/与 or a list mark) a last figure with no unit at its end:
# 编印《市领导政务活动画册》30本和《档案馆指南》1000 — 1000 of what?
_BARE_TAIL = re.compile(r"\d\s*[\u4e00-\u9fff]{1,3}[^\d]*?(?:和|及|与|以及|[、，,；;])[^\d]{1,30}?"
                        r"(\d+(?:\.\d+)?)\s*[。.]?\s*$")


def _ends_in_figure(raw: str) -> bool:
    """The cheap test before ``trailing_bare_figure``: the value ends in a digit, or in a full stop after one."""
    last = raw[-1:]
    return last.isdigit() or (last in "。." and raw[-2:-1].isdigit())


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def trailing_bare_figure(raw: str) -> str | None:
    """The last figure of a value that lists a counted figure before it and leaves this one without a unit, or
    None (``…30本和《档案馆指南》1000`` → ``1000``; ``30本和40本`` and a bare ``1000`` → None)."""
    if len(raw) > 200 or (not raw[-1:].isdigit() and raw[-1:] not in "。."):
        return None
    found = _BARE_TAIL.search(raw)
    if found is None:
        return None
    first = figures(raw)
    return found.group(1) if first and first[0][1] in word_set("units", "count") else None


def _listed_figures(raw: str) -> bool:
    """True when a figure, a list mark after it and a figure after that mark appear in ``raw``.

    The same as searching ``\\d[^、，,；;]*?[、，,；;]\\D*?\\d`` (the first mark after the first figure
    is the earliest any match can use), in one pass: that pattern tried every figure as a start and
    scanned on from each, quadratic in a cell of figures without a list mark (16,000 characters of
    ``2023.07-`` took 1.2 s, 200,000 several minutes; found by attack10).
    """
    first = _DIGIT.search(raw)
    mark = _LIST_MARK.search(raw, first.end()) if first is not None else None
    return mark is not None and _DIGIT.search(raw, mark.end()) is not None


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def listed_amounts(raw: str) -> str | None:
    """The amounts of money a value lists with a list mark between each and the next
    (``3000元、2000元、1000元3个档次`` → ``3000元、2000元、1000元``), or None for fewer than two."""
    if not _listed_figures(raw) or "其中" in raw:
        return None  # ≤30万元，其中人均500元/人: a total and its breakdown
    found = [(value, unit, start, end) for value, unit, start, end in figures(raw) if is_money_unit(unit)]
    if len(found) < 2 or any(_LIST_MARK.search(raw[a[3]:b[2]]) is None for a, b in pairwise(found)):
        return None
    return "、".join(f"{format_decimal(value)}{unit}" for value, unit, _start, _end in found)


def _several_targets(row: Row) -> tuple[str, str] | None:
    """``several-targets``'s (message, suggestion) for one indicator, or None."""
    target = row.indicator.target
    raw = target.raw
    if not raw and (targets := targets_in_name(row.name)) is not None:
        return (f"指标值是空的，两个目标却写在三级指标名称{quote(row.indicator.level3)}里（{'、'.join(targets)}），"
                "一个指标只能对照一个目标值，无法打分",
                f"拆成{len(targets)}个三级指标，名称写衡量的对象，目标移到指标值栏（如「{targets[-1]}」写成"
                "名称加指标值）")
    if row.cost:
        if target.kind is Kind.QUANTITATIVE or (amounts := listed_amounts(raw)) is None:
            return None
        return (f"成本指标{quote(row.indicator.level3)}的指标值{quote(raw)}列了几个金额（{amounts}），"
                "一个指标只能对照一个目标值，无法打分",
                "写成一个金额上限或平均标准（如「≤3000元/人·年」），不同档次分列为几个成本指标")
    if raw.endswith("完成") and (listed_work := _LISTED_WORK.match("".join(raw.split()))) is not None:
        items = [item for item in _WORK_MARK.split(listed_work.group(1)) if item]
        return (f"指标值{quote(raw)}列了{len(items)}项产出，只说全部完成，一个指标只能对照一个目标值，无法打分",
                f"拆成{len(items)}个三级指标，每项写明数量，如「{items[0]}≥1份」")
    if row.name.count("率") > 1 and (rates := several_rates(row.name)) is not None:
        given = len([value for value in raw.split("、") if value.strip()])
        said = f"指标值也分成{given}项（{quote(raw)}）" if given == len(rates) else f"只有一个指标值{quote(raw)}"
        return (f"{quote(row.indicator.level3)}把{len(rates)}个比率（{'、'.join(rates)}）放在一个指标里，"
                f"{said}，无法分别考核",
                f"拆成{len(rates)}个三级指标，每个比率各写指标值，如「{rates[0]} ≥95%」")
    if "、" in row.name and (measures := several_measures(row.name, raw)) is not None:
        parts, values = measures
        if parts[-1].endswith("率"):  # 完整、准确率: 完整率 and 准确率
            parts = [part if part.endswith(("率", "性")) else part + "率" for part in parts]
        said = (f"指标值也分成{len(values)}项（{quote(raw)}）" if values else f"只有一个指标值{quote(raw)}")
        return (f"{quote(row.indicator.level3)}把{len(parts)}项内容（{'、'.join(parts)}）放在一个指标里，{said}，"
                "无法分别考核和打分",
                f"拆成{len(parts)}个三级指标（{'、'.join(parts)}），每个指标写明衡量的对象和一个可衡量的指标值")
    if (raw == row.indicator.level3 and target.kind is not Kind.QUANTITATIVE
            and (aims := _paragraph_aims(row.name, raw)) is not None):
        return _paragraph_verdict(row, aims)
    if target.kind is Kind.QUANTITATIVE:  # (two aims asked of a figure's effects only: round 23 asked every row)
        if row.level1 != LEVEL1_EFFECT or _CLAUSE_SPLIT.search(row.name) is None:
            return None
        return _several_aims(row)
    if _ends_in_figure(raw) and (bare_tail := trailing_bare_figure(raw)) is not None:
        counted = [f"{format_decimal(value)}{unit}" for value, unit, _start, _end in figures(raw)
                   if unit in word_set("units", "count")]
        if len(counted) == 1:  # 30本和《档案馆指南》1000: two things counted, the last without its unit
            return (f"指标值{quote(raw)}列了2个数量（{counted[0]}、{bare_tail}），一个指标只能对照一个目标值，无法打分",
                    "拆成2个三级指标，每个指标只写一个目标值和它的计量单位")
    # most values: not two figures with a list mark between
    if not _listed_figures(raw):
        return None
    if row.level2 == "时效指标" and (dues := listed_deadlines(raw)) is not None:
        works = "、".join(work for work, _due in dues)
        return (f"时效指标{quote(row.indicator.level3)}的指标值{quote(raw)}列了{len(dues)}项工作各自的完成时间"
                f"（{works}），一个指标只能对照一个目标值，无法打分",
                f"拆成{len(dues)}个时效指标，每项工作写一个完成时间，如「{dues[0][0]}完成时间 {dues[0][1]}」")
    if raw.count("%") >= 2 and (shares := listed_shares(raw)) is not None:
        shown = "；".join(clause for _act, clause in shares)
        return (f"指标值{quote(raw)}写了{len(shares)}个比例（{shown}），各是一件事，"
                "一个指标只能对照一个目标值，无法打分",
                f"拆成{len(shares)}个三级指标，每个写明衡量的对象和一个比例，如把{quote(shares[0][1])}单列为一个指标")
    counts = word_set("units", "count")
    found = [(value, unit, start, end) for value, unit, start, end in figures(raw) if unit in counts]
    if len(found) < 2 or any(_LIST_MARK.search(raw[a[3]:b[2]]) is None for a, b in pairwise(found)):
        return _listed_measures(raw)
    listed = "、".join(f"{format_decimal(value)}{unit}" for value, unit, _start, _end in found)
    first = _LIST_MARK.split(raw, maxsplit=1)[0].strip()
    return (f"指标值{quote(raw)}列了{len(found)}个数量（{listed}），一个指标只能对照一个目标值，无法打分",
            f"拆成{len(found)}个三级指标，每个指标只写一个目标值，如把{quote(first)}单列为一个指标")


# What ends a label before its figure and is not the label's: a comparator (≥ and the words of target.py) or a
# filler (约, 共计, 为 …). A filler of one character is one only as a word of its own: 设计面积's 计 is the label's.
_LABEL_FILLERS = ("约", "共", "计", "为", "达", "共计", "约为", "约计")
_NOT_CHINESE_ENDS = re.compile(r"^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff]+$")


# A label opening a total (总建筑面积3万平方米，展示面积1万平方米): the figures after it are its parts.
_TOTAL_OPENING = ("总", "合计", "共计", "累计")


@lru_cache(maxsize=1)
def _label_endings() -> tuple[str, ...]:
    return tuple(sorted({*COMPARATOR_WORDS, *_LABEL_FILLERS}, key=len, reverse=True))


def _label(clause: str) -> str:
    """The label of the figure a clause ends before (``展示面积`` of ``展示面积约为1万平方米``): the clause without what
    ends it as a comparator or a filler, and without signs and spaces at either end; the label's own characters are
    kept (设计面积, 达标面积, 统计面积)."""
    text = _NOT_CHINESE_ENDS.sub("", clause)
    while (ending := next((word for word in _label_endings() if text.endswith(word)), None)) is not None:
        if len(ending) == 1 and words(text)[-1] != ending:
            break  # 设计: the 计 ends a word of the label
        text = _NOT_CHINESE_ENDS.sub("", text[:-len(ending)])
    return text


@lru_cache(maxsize=1)
def _dimensions() -> tuple[str, ...]:
    return tuple(word_set("units", "dimensions"))


def _listed_measures(raw: str) -> tuple[str, str] | None:
    """``several-targets``' verdict for a value listing two or more figures in one measure (area, length, weight …),
    each after a label of its own (``建筑面积2.6万平方米,展示面积10000平方米``: which is scored?), or
    None; the measure is the unit's (``[units.measures]``: 万平方米 and 平方米 are areas). A spec, labels
    ending in a dimension word (``长4.5米，宽3米``, ``路基宽8米、路面宽6米``: ``[units] dimensions``),
    figures in different measures, a total with its breakdown (其中…, or a first label opening with 总,
    合计 …) and times (a period, a deadline's parts) are not flagged; a label of one character is no
    label (the backstop)."""
    if "其中" in raw:
        return None
    measures = measure_of()
    found = [(value, unit, start, end) for value, unit, start, end in figures(raw)
             if measures.get(unit, "time") != "time"]
    if len(found) < 2 or len({measures[unit] for _value, unit, _start, _end in found}) > 1:
        return None  # (万平方米 and 平方米: both areas)
    labels = []
    previous_end = 0
    for _value, _unit, start, end in found:
        before = raw[previous_end:start]
        if previous_end and _LIST_MARK.search(before) is None:
            return None  # two figures without a list mark between: one phrase
        label = _label(_LIST_MARK.split(before)[-1])
        if label.endswith(_dimensions()):
            return None  # 路基宽8米、路面宽6米, 长度4.5米，宽度3米: one thing's sizes, a specification
        if len(label) < 2:
            return None  # a bare figure, or a label of one character the dimensions do not list
        labels.append(label)
        previous_end = end
    if len(set(labels)) < len(labels) or labels[0].startswith(_TOTAL_OPENING):
        return None  # 总建筑面积…，展示面积…: a total and its parts
    listed = "、".join(f"{label}{format_decimal(value)}{unit}"
                      for label, (value, unit, _start, _end) in zip(labels, found, strict=True))
    return (f"指标值{quote(raw)}列了{len(found)}个数值（{listed}），一个指标只能对照一个目标值，年底按哪一个考核、"
            "打分不清楚",
            f"拆成{len(found)}个三级指标（{'、'.join(labels)}），每个只写一个目标值，如「{labels[0]} "
            f"{format_decimal(found[0][0])}{found[0][1]}」；一项是另一项的一部分的，只保留要考核的那一项")


# A share in a clause and the act written just before it (返本20%, 分红按8%): 按/为/达 and the like left out.
# A match starts where a run of Chinese starts (the same matches: one starting inside a run fails as the run's start
# did); each character of a long run was tried again until attack28 (a target of 19,000 characters after 「1%、2%、」
# cost 5 s of CPU in an upload's review).
_SHARE_IN_CLAUSE = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,})\s*(\d+(?:\.\d+)?\s*[%％])")
_BEFORE_FIGURE = "按为达到约占是"
_CHANGE_WORDS = re.compile(r"较|比上|同比|环比|上年|提高|增长|下降|降低|其中")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def listed_shares(raw: str) -> list[tuple[str, str]] | None:
    """The shares a value gives for different acts, clause by clause, as (act, clause) (``第一年按总投资额返本20%,
    分红按8%分红`` → 返本 and 分红), or None: two or more clauses each holding one share, after acts that differ.
    The same act by dates (``上半年完成50%,年底完成100%``) is one target's stages, a change beside its level
    (``较上年提高5%,达到95%``) one measure, a breakdown (其中…) one total."""
    if _CHANGE_WORDS.search(raw) is not None:
        return None
    shares: list[tuple[str, str]] = []
    for clause in _CLAUSE_MARK.split(raw):
        found = _SHARE_IN_CLAUSE.findall(clause)
        if len(found) > 1:
            return None
        if found:
            words, _share = found[0]
            act = words.rstrip(_BEFORE_FIGURE)[-2:]
            if len(act) < 2:
                return None
            shares.append((act, clause.strip()))
    acts = {act for act, _share in shares}
    return shares if len(shares) >= 2 and len(acts) == len(shares) else None


# A target written at the end of a clause of a name (…考核全覆盖, 优秀比例不超过20%): two such clauses and no value
# are two targets written where the name goes.
_TARGET_ENDING = re.compile(r"(?:全覆盖|全部完成|(?:不超过|不低于|不少于|不高于|达到|超过|低于|高于|[≥≤><])"
                            r"\s*\d+(?:\.\d+)?\s*"
                            r"(?:[%％个人次项件户名天]|万元|元)?|\d+(?:\.\d+)?\s*[%％](?:以上|以下)?)$")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def targets_in_name(name: str) -> list[str] | None:
    """The clauses of a name that each end in a target (``…月度绩效考核全覆盖,优秀比例不超过20%`` → both), or None
    for fewer than two (a name of one measure, or clauses that set no target)."""
    if _CLAUSE_MARK.search(name) is None:
        return None
    clauses = [clause.strip() for clause in _CLAUSE_MARK.split(name) if clause.strip()]
    if len(clauses) < 2 or not all(_TARGET_ENDING.search(clause, tail_start(clause)) for clause in clauses):
        return None
    return [clause.split(":")[-1].split("：")[-1] for clause in clauses]


# A deadline in a 时效 value (6月份, 9月底前, 2022年11月, 上半年, 第三季度) and the words around it that say only
# "done by then" (完成, 前 …): what is left of a clause is the work it dates.
_DEADLINE = re.compile(r"(?:\d{4}年)?(?:\d{1,2}月(?:份|底|末|中旬|上旬|下旬)?(?:\d{1,2}日)?|上半年|下半年|年底|年末"
                       r"|第?[一二三四1-4]季度末?)(?:前|之前|以前|内)?")
_DUE_WORDS = re.compile(r"完成|完工|开工|竣工|启动|办结|实现|全部|之前|以前|[前底末内]|[\s,，.。:：]")
_WORK = re.compile(r"[\u4e00-\u9fff]{2}")  # a work named (宣传片制作), not a share done by then (50%)
_CLAUSE_MARK = re.compile(r"[；;，,]")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def listed_deadlines(raw: str) -> list[tuple[str, str]] | None:
    """The works a 时效 value dates one by one and their deadlines (``6月份完成宣传片制作;9月份完成文本;11月完成
    专家评审`` → 宣传片制作 6月份, 文本 9月份, 专家评审 11月), or None for fewer than two different works: a value
    of one work's stages without naming them (``6月开工,12月完工``) or one deadline is one target."""
    dues: list[tuple[str, str]] = []
    for clause in _CLAUSE_MARK.split(raw):
        if (due := _DEADLINE.search(clause)) is not None:
            work = _DUE_WORDS.sub("", clause[:due.start()] + clause[due.end():])
            if _WORK.search(work) is not None and not any(work == seen for seen, _due in dues):
                dues.append((work, due.group()))
    return dues if len(dues) >= 2 else None


# Several outputs listed, all to be completed: 半年报告、全年报告和11期景气报告全部完成.
_LISTED_WORK = re.compile(r"^((?:[^、，,；;和及]{2,}[、和及]){2,}[^、，,；;和及]{2,}?)(?:全部|均|都)完成$")
_WORK_MARK = re.compile(r"[、和及]")

# Several rates named in one indicator: 各种强制免疫率、屠宰率及检疫率, 及时率和准确率.
_RATE_LIST = re.compile(r"率[、，,及和与]")
_NAME_PARTS = re.compile(r"(?<=率)(?:[、，,]|及|和|与)")  # after a 率 only: 及时率 keeps its 及


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def several_rates(name: str) -> list[str] | None:
    """The rates a name lists (``各种强制免率、屠宰率及检疫率`` → 强制免率, 屠宰率, 检疫率), or None for
    fewer than two: the name is cut after each 率 followed by a list mark (、 及 和 与), and every part ends in 率."""
    if _RATE_LIST.search(name) is None:
        return None
    parts = [part for part in _NAME_PARTS.split(name) if part]
    rates = [part.removeprefix("各种").removeprefix("各类") for part in parts if part.endswith("率")]
    return rates if len(rates) >= 2 and len(rates) == len(parts) else None


# Short measures joined by 、 in one name (完整、准确率, 安全性、利用率, 人员控制、支出规范, 绿化、节能): each
# part a word or two, no figure.
_SHORT_PART = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def several_measures(name: str, raw: str) -> tuple[list[str], list[str]] | None:
    """The measures a name joins with 、 and the values its target gives them, or None.

    Two to four short parts (two to four characters each): a rate or a quality shared by them
    (``完整、准确率``: 完整率 and 准确率; ``安全性、利用率``), or as many values listed in the target
    (``人员控制、支出规范`` with ``不超编、无违规支出``). Longer parts (``及时、足额发放率``: one payment made
    in time and in full; ``学生、家长、社会满意度``: one survey) are not matched."""
    parts = name.split("、")
    if not 2 <= len(parts) <= 4 or not all(_SHORT_PART.match(part) for part in parts):
        return None
    values = [value for value in raw.split("、") if value.strip()]
    if len(values) == len(parts):
        return parts, values
    return (parts, []) if parts[-1].endswith(("率", "性")) else None


# Aims that open a clause (降低交通事故损失, 提升…水平): two in one name are two targets.
_AIM_OPENING = re.compile(r"^(降低|减少|提升|提高|增加|增强|改善|促进|保障|确保|扩大|缩短|推动)[\u4e00-\u9fff]{2,}$")
_CLAUSE_SPLIT = re.compile(r"[,，;；]")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def several_aims(name: str) -> list[str] | None:
    """The aims a name joins as clauses (``降低交通事故损失,提升公路交通安全保障水平`` → both), or None for
    fewer than two: every clause between commas or semicolons opens with an aim verb (降低, 提升, 改善 …)."""
    if _CLAUSE_SPLIT.search(name) is None:
        return None
    clauses = [clause.strip() for clause in _CLAUSE_SPLIT.split(name) if clause.strip()]
    if len(clauses) < 2 or not all(_AIM_OPENING.match(clause) for clause in clauses):
        return None
    return clauses


_SEVERAL_TARGETS = indicator_check(_several_targets)


# Smaller is better: the measured thing is a cost, a time to wait, a fault or a complaint.
_REVERSE_END = re.compile(
    r"(?:成本|费用|单价|(?:响应|处理|修复|办理|办结|等待|处置|到达|审批|排除|恢复|答复)(?:时间|时长)|耗时|用时|时限"
    r"|故障率|故障次数|故障数|投诉率|投诉量|投诉数|投诉次数|投诉件数|差错率|差错数|错误率|出错率|失误率"
    r"|事故率|事故数|事故次数|发生率|信访率|信访量|信访次数|返工率|不合格率|损耗率|空置率|流失率|误报率|漏报率"
    r"|偏差率|违规率|缺陷率|死亡率|发案率|退回率|拒付率|超支率|逾期率|复发率|再犯率|返贫率|辍学率|超标率"
    r"|丢失率|延误率|不满意率|不满意度)$"
)
# Bigger is better: satisfaction and the rates of things done right.
_POSITIVE_END = re.compile(
    r"(?:满意度|满意率|合格率|达标率|完成率|覆盖率|及时率|知晓率|通过率|结案率|利用率|普及率|稳定率|连通率"
    r"|正确率|准确率|成功率|出勤率|参保率|入学率|达成率|优良率|验收率|治愈率|修复率|解决率|办结率|化解率"
    r"|调解率|到位率|执行率|使用年限)$"
)


# The last characters of the endings of _REVERSE_END, DAMAGE_RATES, _OVERDUE_RATE and _POSITIVE_END (…成本, …费用,
# …单价, …时间, …时长, 耗时, 时限, …率, …数, …量, 不满意度; 使用年限): a name ending otherwise has no direction.
_DIRECTION_LASTS = frozenset("本用价间长时限率数量度")
# The share of cases done late (逾期发放率, 超期办结率): what is counted is a failure. Not a share of
# overdue cases put right (逾期贷款收回率, 超期案件清理率), which is positive.
_OVERDUE_RATE = re.compile(r"(?:逾期|超期|延期)[\u4e00-\u9fff]{0,3}率$")
_PUT_RIGHT = re.compile(r"收回|清理|清偿|清欠|化解|处置|整改|解决|纠正|催收|核销")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def name_direction(name: str) -> str | None:
    """"reverse" or "positive" when the name leaves no doubt; None otherwise."""
    if name[-1:] not in _DIRECTION_LASTS and not name.endswith("\n"):  # (most names: no ending of either way)
        return None
    if _REVERSE_END.search(name) or name.endswith(DAMAGE_RATES):
        return "reverse"
    if (overdue := _OVERDUE_RATE.search(name)) and _PUT_RIGHT.search(overdue.group()) is None:
        return "reverse"
    if _POSITIVE_END.search(name):
        return "positive"
    return None


# Counts that are meant to be small: 事故次数, 超标排放次数, 投诉件数, 科目调整次数, 项目变更次数 ...
_BAD_THING = re.compile(r"事故|投诉|故障|差错|违规|违法|超标|失误|返工|不合格|信访|隐患|死亡|损失|污染|发案|案发"
                        r"|逾期|退回"
                        r"|上访|拖欠|闲置|浪费|缺陷|误差|延误|滞留|积压|堵塞|停电|停水|中断|调整|变更")


def is_bad_thing(name: str) -> bool:
    """Whether a count counts something meant to be small (事故, 投诉, 超标 …)."""
    return _BAD_THING.search(name) is not None


_COUNT_END = re.compile(r"(?:数量|次数|人数|个数|件数|户数|台数|场次|人次|户次|台次|批次|班次|期数|篇数|份数)$")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def is_count(name: str, unit: str | None) -> bool:
    """A count of things delivered: a count ending (数量, 人次 …) or a measure word as the unit."""
    return bool(_COUNT_END.search(name)) or (unit is not None and unit in word_set("units", "count"))


@rule("target-deferred", title="指标值以实际为准", dimension="可行性", severity="warning")
def target_deferred(document: Document, settings: RuleSettings) -> list[Finding]:
    """A value that gives a figure and then defers it to what actually happens.

    ``2023年预计在校生:小学600人,初中700人,高中1000人,最后以实际招生人数为准``: the figure is an estimate and the
    target is whatever the count comes to (以实际…为准, 按实际…核定, 据实结算), so the year-end result always
    meets it and the indicator checks nothing (88号: 指标值应明确、可考核). Not flagged: a ceiling that stays
    binding (``≤30万元,据实结算``: paid as spent, never above 30万元), and a value without a figure (``按实际情况发放``:
    ``vague-qualitative`` judges words alone). Values in words only: a figure read as the target is not deferred.
    """
    out = []
    for row, said in flagged(document, _DEFERRED_CHECK):
        raw = row.indicator.target.raw
        out.append(at_indicator(row.project, row.position, row.indicator, "target",
                                f"指标值{quote(raw)}写了数值又说「{said}」：目标随实际结果变化，年底怎么"
                                "完成都算达到，无法考核",
                                "写明确定的目标值（如按计划数写「≥2300人」），实际与计划的差异在自评的偏差原因中说明"))
    return out


# A target deferred to the actual: 以实际招生人数为准, 按实际发生数核定, 据实结算.
_DEFERRED = re.compile(r"(?:以|按)实际[^，,。；;、]{0,10}?(?:为准|核定|确定|结算)|据实(?:结算|核定|列支)")
# A ceiling the deferral leaves binding (≤30万元,据实结算).
_CEILING_MARKS = ("≤", "<", "＜", "≦", "不超过", "不高于", "以内")


def _deferred(row: Row) -> str | None:
    """``target-deferred``'s verdict on a value in words: the words deferring its figure to the actual, or None."""
    raw = row.indicator.target.raw
    if "实际" not in raw and "据实" not in raw:  # (nearly every value)
        return None
    said = _DEFERRED.search(raw)
    if said is None or any(mark in raw for mark in _CEILING_MARKS) or not any(char.isdigit() for char in raw):
        return None
    return said.group()


_DEFERRED_CHECK = indicator_check(_deferred, needs=lambda shape: not shape[8])  # a value in words


@rule("direction-clash", title="指标方向与比较符号相反", dimension="可行性", severity="error")
def direction_clash(document: Document, settings: RuleSettings) -> list[Finding]:
    """A reverse-type indicator written with ``≥``/``>``, or a positive one with ``≤``/``<``.

    Costs, waiting times, fault/complaint/error rates, 再信访率 and the share of cases done late
    (逾期发放率; not 逾期贷款收回率, overdue cases put right) should be small (``≤``);
    satisfaction and the rates of things done right (合格率, 及时率, 完成率 …) should be large
    (``≥``). The other way round the target rewards failure. Only names whose ending leaves
    no doubt are checked (投诉处理及时率 is positive; 培训时长 is left alone). A count under
    数量指标 (…数量, …人次, or a value in a measure word such as 个/次/人) is what the project
    delivers and is positive too: ``小于等于1``/``≤1个`` caps the output instead of setting it;
    counts of bad things (事故, 投诉, 超标 …) are not flagged. A cost indicator in money is a
    ceiling: ``科技特派员业务培训开展 ≥5万元`` under 成本指标 is reverse. A rate the name asks to lower given as
    all of it (``减少国有资产闲置率 =100%``, or ``100%`` with no sign) reads as the rate to reach 100%: flagged, told
    to say how low (``国有资产闲置率≤5%``); ``国有资产出租率 =100%`` is not. A row ``input-as-output`` tells is told to
    be deleted, not given the other sign (round 38); a count of adjustments or changes (``科目调整次数 ≤10次``,
    项目变更次数: fewer is better) is a count of bad things, not told.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", verdict[0],
                         input_row_advice(document, row, settings, verdict[1]))
            for row, verdict in flagged(document, _DIRECTION) if len(verdict) == 2]


def _direction_fault(row: Row) -> tuple[str, str] | tuple[str, str, None] | None:
    """``direction-clash``'s (message, suggestion) for one indicator, or ``reverse-without-ceiling``'s
    (message, suggestion, None) for a target without a comparator, or None: one check for both rules."""
    indicator, level2, name, cost = row.indicator, row.level2, row.name, row.cost
    op = indicator.target.op
    if op is None or op is Op.EQ:
        if (("减" in name or "降" in name) and (cut := _CUT_RATE.search(name)) is not None
                and _all_of_it(indicator.target)):
            # 减少国有资产闲置率 =100% (南县's, round 26): a rate to lower, given as all of it — lowered to what?
            rate = cut.group(1)
            return (f"{quote(indicator.level3)}要求降低「{rate}」，指标值却写作{quote(indicator.target.raw)}，"
                    f"读起来像要{rate}达到100%，看不出要降到多少",
                    f"写明降到多少，如「{rate}≤5%」；或改用越大越好的比率，如「出租率≥95%」")
        return _without_ceiling(row) if op is None else None
    direction = name_direction(name)
    raw = indicator.target.raw
    if direction is None and cost and is_money_unit(indicator.target.unit):
        # a cost in money is a ceiling: the name says nothing of direction (科技特派员业务培训开展 ≥5万元)
        if op in (Op.GE, Op.GT):
            return (f"成本指标{quote(indicator.level3)}是花费的上限，指标值却写作{quote(raw)}（下限），"
                    "读起来像要求至少花这么多钱",
                    f"成本写上限，如「≤{_without_sign(raw)}」；名称写明是什么的成本，如「培训成本」")
        return None
    if (direction is None and level2 == "数量指标" and is_count(name, indicator.target.unit)
            and _BAD_THING.search(name) is None):
        # a count of the work delivered: more is more done (not a count of adjustments or changes, 科目调整次数 ≤10次:
        # fewer is better)
        direction = "positive"
    if direction == "reverse" and op in (Op.GE, Op.GT):
        turned = _turned(name, indicator.target, raw, direction)
        if turned is None and _all_of_it(indicator.target):
            # 逾期发放率 >=100% (rate-over-100 leaves it here: 「写作100%」 would be the wrong fix)
            return (f"{quote(indicator.level3)}越小越好（反向指标），指标值却写作{quote(raw)}，读起来像要求比率"
                    "达到100%以上，与目标的本意相反",
                    "反向指标用「≤」写上限，写明最多允许多少，如「≤5%」；不允许发生的写「0%」")
        return (f"{quote(indicator.level3)}越小越好（反向指标），指标值却写作{quote(raw)}",
                f"反向指标用「≤」写上限，如「≤{turned}」" if turned else "反向指标用「≤」写上限，如「≤2小时」「≤5%」")
    if direction == "positive" and op in (Op.LE, Op.LT):
        if name.endswith("率") and indicator.target.unit in _TIME_UNITS:
            return None  # 检测及时率 ≤7工作日: a time limit under a rate's name, unit-mismatch's (one fault, once)
        turned = _turned(name, indicator.target, raw, direction)
        return (f"{quote(indicator.level3)}越大越好（正向指标），指标值却写作{quote(raw)}",
                f"正向指标用「≥」写下限，如「≥{turned}」" if turned else "正向指标用「≥」写下限，如「≥95%」")
    return None


# A rate the name asks to lower (减少国有资产闲置率, 降低发病率): the rate itself is group 1.
_CUT_RATE = re.compile(r"(?:减少|降低|下降|压减|减小)([\u4e00-\u9fff]{1,10}率)$")


def _all_of_it(target: Target) -> bool:
    """A share of 100 % or more (``=100%``, ``100%``): a rate to lower cannot be its target."""
    return target.value is not None and target.unit in _SHARE_UNITS and target.value >= 100 and target.upper is None


def _turned(name: str, target: Target, raw: str, direction: str | None) -> str | None:
    """The row's own figure for the example with the comparator turned (小学就读人数 <=6962人 → ≥6962人), or None
    where it would not make a target: a rate not in % or a time in a rate's name (检测及时率 ≤7工作日), a share of
    100% or more of a bad thing (逾期发放率 >=100%: ≤100% asks nothing)."""
    figure = _without_sign(raw)
    if target.value is None or not figure or len(figure) > 12:
        return None
    if name.endswith("率") != (target.unit in ("%", "％")):
        return None
    if direction == "reverse" and target.unit in ("%", "％") and target.value >= 100:
        return None
    return figure


def _without_sign(raw: str) -> str:
    """A target's text without its leading comparator (``≥5万元`` → 5万元)."""
    return raw.strip().lstrip("≥≤><=＞＜＝大小于等不低高超过").strip()


_DIRECTION = indicator_check(_direction_fault)


def direction_fault(row: Row) -> tuple[str, str] | tuple[str, str, None] | None:
    """``direction-clash``'s (or ``reverse-without-ceiling``'s) verdict for one row: for a rule that leaves the
    fault to them and tells it itself where they are switched off (``rate-over-100``)."""
    return _direction_fault(row)


@rule("reverse-without-ceiling", title="反向指标没有写上限", dimension="可行性", severity="warning")
def reverse_without_ceiling(document: Document, settings: RuleSettings) -> list[Finding]:
    """A rate meant to stay low written as a bare share above 0, without ``≤``.

    森林火灾受害率 ``0.9%``, 主要林业有害生物成灾率 ``0.4%``, 投诉率 ``2%``: the ending says smaller is
    better (as for ``direction-clash``), but the value does not say it is a ceiling — read as it is
    written it is a share to reach, and a self-evaluation or a monitor that reads it so scores a better
    (lower) result as missed. Only rates in per cent or per mille are checked: ``0%`` (none at all) needs
    no sign, and a cost or a time without a sign is read as a ceiling by convention.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", verdict[0], verdict[1])
            for row, verdict in flagged(document, _DIRECTION) if len(verdict) == 3]


def _without_ceiling(row: Row) -> tuple[str, str, None] | None:
    """``reverse-without-ceiling``'s (message, suggestion, None) for a target without a comparator, or None."""
    target = row.indicator.target
    if (target.value is None or target.unit not in _SHARE_UNITS or target.value <= 0 or target.upper is not None
            or not row.name.endswith(("率", "度"))):
        return None
    if name_direction(row.name) != "reverse":
        return None
    raw = target.raw.strip()
    return (f"{quote(row.indicator.level3)}越小越好（反向指标），指标值{quote(raw)}却没有写「≤」，"
            f"看不出{raw}是上限：照写的读法是要达到{raw}，实际更低反而算没有完成",
            f"反向指标写明上限，如「≤{raw}」", None)


_RATE_UNITS = ("%", "‰", "百分点", "个百分点")
# A share of something: per cent, or per mille (森林火灾受害面积 小于0.9‰ is a share of an area named as one).
_SHARE_UNITS = ("%", "‰")
_AMOUNT_NAME = re.compile(r"(?:金额|资金|经费|费用|成本|投资|投资额|单价|价格)$")
# Income raised for people (助农增收, 农户增加收入, 群众收入增加): in plain 元 it is per household or per head,
# which the name must say (人均, 户均 …); a collective's income (村集体增收) is one sum.
_INCOME_RISE = re.compile(r"(?:农|户|民|群众|人口|务工|贫困|监测)[\u4e00-\u9fff]{0,6}(?:增收|增加收入|收入增加)$")
_PER_HEAD = ("人均", "户均", "每户", "每人", "亩均", "每亩")
# Money that an effect brings in: 产值, 销售收入, 营业额 (a growth names itself: 产值增长率, 收入增加).
_VALUE_NAME = re.compile(r"(?:产值|收入|销售额|营业额|利润)$")
_VALUE_ENDS = "值入额润"  # the last characters of its words: most names end otherwise, and are not searched
_COUNT_OR_TIME_NAME = re.compile(r"(?:时效|时间|时长|时限|数量|人数|次数|个数|件数|金额|面积|年限|天数)$")
# A work aim, not a measure: 维护社会稳定, 促进村集体经济发展, 保障村社区正常运转 ...
_AIM_NAME = re.compile(r"^(?:维护|促进|保护|保障|推动|推进|加强|提升|提高|改善|确保|实现|维持|巩固|增强|助力|带动)")
_RATE_LIKE_END = re.compile(r"(?:率|比|比例|比重|占比|度|程度|指数|系数|进度|百分比|份额|感)$")
# A name that measures something a percentage can be of: a rate word, or one with 率 left off
# (项目验收合格, 覆盖面, 稳定性). Anything else in % — a sentence, a state, a wish — is not.
_PERCENT_OF = re.compile(r"(?:率|比|比例|比重|占比|度|程度|指数|系数|进度|百分比|份额|感|性|合格|达标|完成|覆盖|完好"
                         r"|在线|及时|准确|正确|通过|知晓|满意|参与|面|增长|增幅|降幅|提高|下降|减少|降低|增加|上升|占"
                         r"|成活|出勤|入学"
                         # an action whose share is meant, with 率 left off: 工程验收, 补贴发放, 问题整改
                         r"|验收|发放|兑现|落实|执行|接种|救治|救助|参保|就业|回收|处理|处置|整改|办结|结案|检测|监测"
                         r"|巡查|检查|培训|上线|联网|入驻|入住|分级|登记|建档|评估|认定|公示|审核|备案|签约|注册|考核"
                         # a state of the things counted, 率 left off: 台站正常运行, 设备运行正常, 道路畅通
                         r"|正常运行|运行正常|正常运转|正常使用|畅通)$")
# The share of records put in order, 率 left off too: 监测数据资料整编, 年度资料上报, 基础信息完善 (tested
# only when the pattern above fails, so that its search stays as short as before).
_RECORDS_IN_ORDER = ("整编", "上报", "报送", "归档", "完善", "完整", "齐全")


_AMOUNT, _COUNT_OR_TIME, _AIM, _NO_SHARE = 1, 2, 3, 4


def _compared(name: str) -> bool:
    """True for a name that compares its measure with a baseline (种薯亩均收入较鲜薯亩均收入, 农药用量较上年):
    a percentage is the difference. 较 as a degree (较高, 较大, 较好) compares nothing."""
    at = name.find("较")
    return 0 < at < len(name) - 2 and name[at + 1] not in "高大好多少低强快差为"


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _percent_fault(name: str) -> int:
    """What is wrong with a percentage for this name, by the name alone (``unit-mismatch``, in its order):
    an amount, a count or time, a work aim, nothing a share can be taken of (flagged unless a cost or
    a 数量指标); 0 when nothing is."""
    if "/" in name and FRACTION_NAME.search(name):
        return 0  # 实际完成飞行小时数/计划小时数: a name written as the share itself, one thing over another
    if _AMOUNT_NAME.search(name):
        return _AMOUNT
    if _COUNT_OR_TIME_NAME.search(name):
        return _COUNT_OR_TIME
    if _AIM_NAME.search(name) and not _RATE_LIKE_END.search(name):
        return _AIM
    measured = _without_end_note(name)
    if measured[-1:] in _VALUE_ENDS and _VALUE_NAME.search(measured) and not _compared(measured):
        return _AMOUNT  # 实现产值 8000%: money (种薯亩均收入较鲜薯亩均收入 ≥5%: a difference)
    if (not _PERCENT_OF.search(measured) and not measured.endswith(_RECORDS_IN_ORDER) and not is_input_name(name)
            and _SHARE_MEETING.search(name) is None and name.find("满意") < 1 and not _compared(measured)):
        # (someone's satisfaction is a share of those asked, however the name goes on: 服务对象…满意率应该在
        # 95%以上; a name that opens with it names nobody: 满意度95%以上)
        return _NO_SHARE
    return 0


# A name that is only things said to get better (教学质量提高、办学条件改善): aims, each clause ending in its trend.
# Read a piece between punctuation at a time: one pattern repeating its lazy clauses backtracked exponentially
# on a long name that fails (优化 × 30 了: seconds). A run of clauses without punctuation is itself one clause.
_TREND_CLAUSE = re.compile(r"[\u4e00-\u9fff]{2,}(?:提高|改善|提升|增强|加强|优化|改进)")
_TREND_LAST_CLAUSE = re.compile(r"[\u4e00-\u9fff]{2,}(?:提高|改善|提升|增强|加强|优化|改进)[和及与]?")
_TREND_PUNCTUATION = re.compile(r"[、，,]")


def _trends_only(name: str) -> bool:
    """Whether a name is clauses each ending in a trend, joined by 、，, or 和/及/与 (a mark at its end allowed)."""
    pieces = _TREND_PUNCTUATION.split(name)
    last = _TREND_CLAUSE if len(pieces) > 1 and pieces[-1] == "" else _TREND_LAST_CLAUSE
    if last is _TREND_CLAUSE:
        pieces.pop()
    return (all(_TREND_CLAUSE.fullmatch(piece) for piece in pieces[:-1])
            and last.fullmatch(pieces[-1]) is not None)
# A name written as a share, one thing over another (实际完成飞行小时数/计划小时数, round 33's 云南): three
# characters or more each side, so that a unit (万元/公里) is none.
FRACTION_NAME = re.compile(r"[\u4e00-\u9fff]{3,}/[\u4e00-\u9fff]{3,}")


def brings_in(name: str) -> bool:
    """Whether a name is money an effect brings in (实现产值, 销售收入, 助农增收): more is better."""
    return (name[-1:] in _VALUE_ENDS and bool(_VALUE_NAME.search(name))) or name.endswith("增收")


def not_a_rate(name: str) -> bool:
    """True when ``unit-mismatch`` finds a percentage wrong for this name under any 二级 (an amount, a count or
    time, a work aim), so that ``rate-under-quantity`` does not call it a rate."""
    return _percent_fault(name) in (_AMOUNT, _COUNT_OR_TIME, _AIM) and not is_input_name(name)


@rule("unit-mismatch", title="计量单位与指标不符", dimension="可行性", severity="warning")
def unit_mismatch(document: Document, settings: RuleSettings) -> list[Finding]:
    """A unit that does not fit the indicator's name.

    A rate (…率) measured in something else than % (合格率 ≥95分; rates per population such
    as 例/万人 are fine); an amount (…金额,
    …成本, …经费) in %; a count, time or amount (…时效, …数量, …时间) given as a percentage
    (保障办案时效 ≥95% — a percentage of what?); a work aim given as a percentage (维护社会稳定
    ≥95%, 促进村集体经济发展 ≥95%: a name starting with 维护/促进/保障/提升 … and not ending in a
    rate word such as …率, …比例, …度); a qualitative value carrying a unit; a rate whose value is
    a phrase giving a count and no % (覆盖率 ``实施乡镇社区基层医疗机构37个。``); a count of
    households given in persons or the other way round (``申请就学补助户数 ≥101人/次``, ``…人口数 ≥10户``),
    and of batches or sessions in another measure word (``监督抽检批次 ≥100组``; ``≥100批``, ``≥5次`` fit);
    a name written as the share itself, one thing over another (``实际完成飞行小时数/计划小时数 ≥80%``: three
    characters or more each side, so not a unit such as 万元/公里) is a rate and is not flagged; a name made only of
    aims (``教学质量提高、办学条件改善 =100%``) is told it is aims, not a rate;
    an output value or income (…产值, …收入, …销售额) in % as an amount is (``新型经营主体实现产值(%) 8000``: a bare
    figure's unit is the one the name holds in brackets; ``产值增长率`` names a growth, and a comparison with 较
    a difference); an income raised for farmers or households in plain 元 without saying per what
    (``新型经营主体助农增收(元) 1980``: 户均, 人均 or in all? ``务工人员年人均增收 ≥8400元`` says, a collective's
    ``村集体增收`` is one sum);
    a compliance named with the rule's own figures in place of the share that meets it
    (``培训对象符合…招生计划规定 18—54周岁``: a name with 符合 ending in 规定, 标准, 要求, 条件 or 政策, a value in a
    unit that is neither a share nor money); a per mille is a share as a per cent is (``森林火灾受害面积
    小于0.9‰``: an area). Widened on real
    tables (issue 13): any name in % that is neither a rate nor a thing a share can be taken of
    — a sentence or a state (``教学条件改善、办学水平提高 =100%``, ``学生受益情况 =100%``,
    ``通过注射疫苗,可以有效降低…的发生 40%``); names with 率 left off (项目验收合格, 稳定性,
    工程验收, 补贴发放, 问题整改; and the records put in order: 监测数据资料整编, 基础信息完善),
    shares meeting a standard or done in time (药物治疗符合国家相关标准, 对患者及时给予治疗), a state of the
    things counted (台站正常运行, 设备运行正常, 道路畅通: 率 left off), someone's satisfaction however the name
    goes on (``服务对象对于…维护满意率应该在95%以上``; ``满意度95%以上``, which names nobody, is flagged),
    inputs (``input-as-output``), costs (``cost-not-money``), 数量指标 (``rate-under-quantity``) and 时效指标
    (``time-without-date``: ``2023年项目完工、投入使用 100%``) are not flagged here, nor a change against a
    baseline (``化学农药使用量较上年减少 2%``, ``种薯亩均收入较鲜薯亩均收入 ≥5%``: names ending in
    减少/降低/增加/上升, or comparing with 较; 较高, 较大 … are degrees, not baselines). An amount of money
    by its name (…交易额, …销售额, …金额) given in a unit that is no money (``技术交易额 2个亿以上``: 亿元?) is
    flagged; a bare 万 or 亿 (``交易额 2亿``) is read as money. A 数量 of things made or bought given in days,
    months or years (``制作宣传横幅、公益宣传牌等(年) =1年``: how many?) is flagged: a name that opens with 制作, 印制
    or 印刷, or opens with 购置, 采购, 购买, 安装, 新建, 配备 or 添置 and holds goods (设备, 材料, 手册, 横幅 …); a
    service, a post or a licence bought for a time (采购专家咨询 ≥20天, 购买公益岗位 12个月, 采购软件使用许可 =1年), a
    film's minutes (制作宣传片 ≥3分钟) and a name ending in a time or a count (…使用期限, …运行时间, …天数) are not.
    Such a name holding 完成 or 前 (``安装完成时间 ≤3个月``, 印制完成 3个月) is a deadline: told to move to 时效指标.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", *verdict)
            for row, verdict in flagged(document, _UNIT_MISMATCH)]


# A name for a time or a deadline (项目完成时间, 保障办案时效, 项目维持时效): its rate is what it names, done in time.
_TIME_NAME_END = re.compile(r"(?:完成)?(?:时间|时效|时限|期限)$")


def _unit_fault(row: Row) -> tuple[str, str] | None:
    """``unit-mismatch``'s (message, suggestion) for one indicator, or None."""
    indicator, level2, name, cost = row.indicator, row.level2, row.name, row.cost
    target = indicator.target
    raw = target.raw
    message = suggestion = None
    if is_leftover(raw):
        return None  # template-leftover says it
    unit = target.unit
    if unit is not None and written_unit(target) is None:
        # a bare figure under a name holding its unit in brackets (实现产值(%) 8000): that unit is the value's (the
        # target grammar's reading), said to be the name's
        raw = f"{raw}，名称括号中注明单位为「{unit}」"
    if not target.is_quantitative:
        if raw.strip().endswith(("%", "％")) and not _DIGIT.search(raw):
            message = f"定性指标值{quote(raw)}带有百分号"
            suggestion = "写成数值（如「≥95%」）或去掉单位"
        elif (count := rate_given_as_count(name, raw)) is not None:
            message = f"比率指标{quote(indicator.level3)}的指标值写的是个数（{count}），不是比率"
            suggestion = "比率用%表示，如「≥95%」；若要写数量，请把名称改为数量（如「…机构数」）"
    elif level2 == "数量指标" and unit in _TIME_UNITS and (made := _made_in_time(name, unit, row)) is not None:
        message, suggestion = made  # 制作宣传横幅、公益宣传牌等(年) =1年: banners are counted by the piece
    elif (clash := _counted_in_other(name, unit)) is not None:
        message = f"{quote(indicator.level3)}按{clash[0]}计数，指标值却以「{unit}」计量（{raw}）"
        suggestion = f"统一计数对象：按{clash[0]}写成「≥…{clash[0]}」，或把名称改为按{clash[1]}计数"
    elif unit == "元" and "收" in name and _INCOME_RISE.search(name) and not any(word in name for word in _PER_HEAD):
        message = (f"{quote(indicator.level3)}以「元」计（{raw}），没有说明是每户、每人还是合计增加的收入："
                   "合计写元太少，像是户均或人均的数")
        suggestion = "写明计量对象，如「户均增收 ≥1980元」「人均增收 ≥1980元/人」；合计的写成总额（如「≥50万元」）"
    elif (unit and unit not in _SHARE_UNITS and "符合" in name and name.endswith(_CONDITION_ENDS)
          and not is_money_unit(unit)):
        message = (f"{quote(indicator.level3)}衡量的是符合规定的程度，指标值却写了规定的条件本身（{raw}），"
                   "无法据以判断有多少符合")
        suggestion = ("写成符合的比例，如「培训对象年龄符合率 100%」，把条件（如年龄范围）写在指标解释中")
    elif (unit and name.endswith("额") and _MONEY_AMOUNT_NAME.search(name) and not is_money_unit(unit)
          and unit not in _SHARE_UNITS and unit not in _BARE_MONEY_MAGNITUDES):
        message = f"金额类指标{quote(indicator.level3)}的计量单位是「{unit}」，不是货币单位（{raw}）"
        suggestion = "金额写明货币单位，如「≥2亿元」「≥500万元」"
    elif name.endswith("率") and unit and unit not in _RATE_UNITS and "/" not in unit:
        if unit in _TIME_UNITS:  # 检测及时率 ≤7工作日: the limit is a target, the name is a rate
            limit = (name[:-3] if name.endswith("及时率") else name[:-1]) + "时限"
            message = (f"比率指标{quote(indicator.level3)}的指标值{quote(raw)}是时限，不是比率，"
                       "名称和指标值说的不是同一件事（「≤」也与比率越大越好相反）")
            suggestion = f"按时限考核的，名称改为「{limit}」，指标值写{quote(raw)}；按比率考核的，写「{name}≥95%」"
        else:
            message = f"比率指标{quote(indicator.level3)}的指标值{quote(raw)}以「{unit}」计量，不是%"
            suggestion = "比率用%表示，如「≥95%」；若要写数量，请改指标名称"
    elif unit in _SHARE_UNITS and (fault := _percent_fault(name)) == _AMOUNT:
        message = f"金额类指标{quote(indicator.level3)}却以%计量（{raw}）"
        suggestion = "写成金额，如「≤17万元」；若要写比率，请把名称改为「…率」"
    elif unit in _SHARE_UNITS and fault == _COUNT_OR_TIME and not is_input_name(name):
        # (money's supply on time, 资金的供应时效 100%, is an input: input-as-output says delete it, not rename it)
        message = f"{quote(indicator.level3)}应以时间或数量计量，指标值却是百分比（{raw}），无法知道是什么的百分比"
        # the rate in the row's own words (项目完成时间 → 项目完成及时率), not the seed's 「办案及时率」
        end = _TIME_NAME_END.search(name)
        stem = name[:end.start()] if end else ""
        if len(stem) < 2:
            suggestion = "把名称改为比率（如「…及时率 ≥95%」「…完成率 100%」），或把指标值写成时间或数量（如「≤30日」）"
        elif level2 == "可持续影响指标":  # 项目维持时效 ≥95%: how long it lasts
            suggestion = f"把指标值写成持续的时间，如「{stem}年限 ≥3年」"
        else:
            rate = f"{stem}按时完成率" if end and end.group().startswith("完成") else f"{stem}及时率"
            suggestion = f"把名称改为比率（如「{rate} ≥95%」），或把指标值写成时间或数量（如「≤30日」）"
    elif unit in _SHARE_UNITS and fault == _AIM:
        message = (f"{quote(indicator.level3)}是工作目标，不是比率，指标值却是百分比（{raw}），"
                   "无法知道是什么的百分比")
        group = meant_group(row)  # an economic aim is shown an economic measure; a count, what to count
        examples = "「…≥N个」「…≥N人次」（写明完成了多少）" if group == "数量指标" else aim_example(group, name)
        suggestion = (f"改为可计算的比率或可判断的结果，如{examples}" if examples else
                      "改为可计算的比率（如「矛盾纠纷化解率 ≥95%」），或写明可判断的结果（如「全年无重大群体性事件」）")
    elif unit in _SHARE_UNITS and fault == _NO_SHARE and not cost and level2 not in ("数量指标", "时效指标"):
        if _trends_only(name):  # 教学质量提高、办学条件改善 =100%: aims, not a share of anything
            message = (f"{quote(indicator.level3)}是工作目标，不是比率，指标值却是百分比（{raw}），"
                       "无法知道是什么的百分比")
            suggestion = ("把每项目标拆成一个指标，写成可计算的比率或可判断的结果（如「…合格率≥95%」"
                          "「完成…≥3处」）")
        else:
            message = (f"{quote(indicator.level3)}不是一个比率或可计数的对象，指标值却是百分比（{raw}），"
                       "无法知道是什么的百分比")
            suggestion = ("把名称改为写明是什么占什么的比率（如「…覆盖率」「…达标率」「…合格率」），"
                          "或把指标值写成数量、时间或可判断的结果")
    if message is not None and suggestion is not None:
        return message, suggestion
    return None


_UNIT_MISMATCH = indicator_check(_unit_fault)
# A 数量 of things made or bought, by the act its name opens with: what is made (制作, 印制, 印刷) is a thing;
# what is bought, fitted or built (购置, 采购, 购买, 安装, 新建, 配备, 添置) is one only when the name holds goods
# (购置设备, 采购宣传手册), not a service, a post or a licence bought for a time (采购专家咨询 ≥20天, 购买公益岗位
# 12个月, 采购软件使用许可 =1年).
_THINGS_MADE = re.compile(r"(制作|印制|印刷)|购置|采购|购买|安装|新建|配备|添置")
_GOODS = re.compile(r"设备|器材|装备|仪器|材料|物资|用品|耗材|药品|手册|宣传册|画册|折页|书籍|图书|横幅|展板|标牌|"
                    r"宣传牌|警示牌|指示牌|车辆|家具|桌椅|电脑|计算机|服装|被服|苗木|种苗|化肥|农药")
# A deadline in a name (安装完成时间, 印制完成, 10月底前): a 时效 target (前期 is a stage, not a deadline).
_DEADLINE_IN_NAME = re.compile(r"完成|前(?!期)")
# Calendar spans that count no piece (制作宣传片 ≥3分钟 is the film's length: minutes and hours are left out).
_SPAN_UNITS = frozenset(("天", "日", "个工作日", "工作日", "个月", "月", "周", "年"))


def _made_in_time(name: str, unit: str, row: Row) -> tuple[str, str] | None:
    """``unit-mismatch``'s (message, suggestion) for a 数量 of things made or bought given in a unit of time, else
    None: a deadline (a name holding 完成 or 前: 安装完成时间 ≤3个月) is told to move to 时效; a name ending in a time
    or a count (设备使用年限, 购置设备运行时间, 使用期限) says what the time is."""
    made = _THINGS_MADE.match(name)
    if made is None:
        return None
    level3, raw = quote(row.indicator.level3), quote(row.indicator.target.raw)
    if _DEADLINE_IN_NAME.search(name):
        return (f"数量指标{level3}的指标值{raw}是完成时限，是时效要求，不是数量",
                "把这一行移到时效指标下（如「完成时间 ≤3个月」「…月底前完成」），数量指标写要制作或购置多少"
                "（如「≥N台（套）」）")
    if (unit not in _SPAN_UNITS or _COUNT_OR_TIME_NAME.search(name) or _TIME_NAME_END.search(name)
            or (made.group(1) is None and _GOODS.search(name) is None)):
        return None
    return (f"数量指标{level3}是要制作或购置的实物，指标值{raw}却以时间「{unit}」计量，看不出要做多少",
            "按实物计数，写成「≥N幅」「≥N块」「≥N台（套）」等；要考核持续时间的，把名称改为「…天数」「…期限」")
# An amount of money by its name (技术交易额, 销售额, 贷款发放额, 金额): its unit is money (2个亿: say 亿元).
_MONEY_AMOUNT_NAME = re.compile(r"(?:交易|销售|营业|成交|贷款|融资|发放|投资|贸易|出口|进口|结算|补贴|补助|支出"
                                r"|收入)额$"
                                r"|金额$|总金额$")
# A magnitude standing for money in a money name (交易额 2亿, 500万): clear, if curt.
_BARE_MONEY_MAGNITUDES = ("万", "亿", "千万", "百万", "十万")

# A name saying something meets a rule (培训对象符合…招生计划规定): its measure is the share that does.
_CONDITION_ENDS = ("规定", "标准", "要求", "条件", "政策")

# Households and persons are different things to count: 补助户数 ≥101人/次 says neither.
_NAME_COUNTS = re.compile(r"(户|人)口?(?:数|次)$")  # 人口数 counts persons
_UNIT_COUNTS = re.compile(r"^(?:万|千)?(户|人)")


# Batches, sessions, machine runs counted as such: 监督抽检批次 ≥100组 counts neither.
_NAME_TIMES = ("批次", "场次", "台次", "车次", "架次", "班次")


def _counted_in_other(name: str, unit: str | None) -> tuple[str, str] | None:
    """(the name's measure word, the unit's) when a …户数 is given in 人 or a …人数/人口数 in 户, or a
    …批次/…场次 in another measure word (``监督抽检批次 ≥100组``); else None."""
    if unit and name.endswith(_NAME_TIMES):
        if unit in word_set("units", "count") and unit != "次" and not unit.startswith(name[-2]):
            return name[-2:], unit
        return None
    if not unit or not name.endswith(("数", "次")):  # (most names: _NAME_COUNTS cannot match)
        return None
    named = _NAME_COUNTS.search(name)
    given = _UNIT_COUNTS.match(unit)
    if named is None or given is None or named.group(1) == given.group(1):
        return None
    return named.group(1), given.group(1)



# Names whose bare number is clear without a unit: rates, scores, counts, amounts in the table's
# money unit (工程资金金额 43.2 in a 万元 table), years of service, and names ending in the measure word itself
# (人均培训学时 ≥90, 药品抽验品种 ≥3: so many hours, so many kinds).
_CLEAR_WITHOUT_UNIT = re.compile(
    r"(?:率|比|比例|比重|占比|指数|系数|分|分数|分值|得分|评分|等级|级别|星级|名次|排名|位次|数|数量|个数|次数|人数"
    r"|件数|户数|人次|户次|台次|场次|批次|天数|年限|金额|资金|经费|费用|成本|投资|投资额|投入|预算|补助|补贴|价格|单价|收入"
    r"|产值|总额|额|满意度|满意程度|学时|课时|品种)$"
)
_TRAILING_NOTE = re.compile(r"[（(][^()（）]*[)）]$")
# Rates that are ratios or measures, not shares in per cent: 容积率 1.2, 功率, 利率.
_RATIO_NAME = re.compile(r"(?:容积|功|汇|利|频|倍|效|速|费|税|折旧|周转)率$")
# A share of cases meeting a standard or done in time: 药物治疗符合国家相关标准, 对患者及时给予治疗.
_SHARE_MEETING = re.compile(r"符合|及时|达到[^，,]{0,8}(?:标准|要求)")
# A name's end note: a bracketed last part, or a share written at its end (≥95%). Found from the name's end: the
# pattern ``[（(][^()（）]*[)）]$|[≥≤><=]*\d+(?:\.\d+)?\s*[%％]$`` (``sub``) tried the figure again from each digit
# of a run, quadratic in a long name (attack28: a name of 12,000 digits, which the command line's import stores, cost
# 3 s of CPU in its review, once for each such name).
_SHARE_AT_END_REVERSED = re.compile(r"[%％]\s*(?:\d+\.)?\d+[≥≤><=]*")


def _without_end_note(name: str) -> str:
    """``name`` without its end note (what the pattern above removed): the earliest start of either form that runs
    to the end (before a final line break, as ``$`` does), in one pass from the end."""
    body, tail = (name[:-1], "\n") if name.endswith("\n") else (name, "")
    starts = []
    if body[-1:] in (")", "）"):
        last = max(body.rfind(bracket, 0, len(body) - 1) for bracket in "()（）")
        if last >= 0 and body[last] in "(（":
            starts.append(last)
    share = _SHARE_AT_END_REVERSED.match(body[::-1])
    if share is not None:
        starts.append(len(body) - share.end())
    return body[:min(starts)] + tail if starts else name


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _clear_without_unit(name: str) -> bool:
    return bool(_CLEAR_WITHOUT_UNIT.search(_TRAILING_NOTE.sub("", name)))


@rule("number-without-unit", title="指标值缺少计量单位", dimension="可行性", severity="warning")
def number_without_unit(document: Document, settings: RuleSettings) -> list[Finding]:
    """A target that is a bare number where the name does not say what is counted.

    ``学校发展能力 100``, ``长期使用性 100``, ``配套烘干杀菌设备及包装设备购置及安装 550``:
    100 what — points, per cent, units? The target cannot be checked. Names that make the
    number clear are not flagged: rates and ratios (…率, …比例), scores and grades, counts
    (…数, …数量, …人次; a name ending in its measure word, ``人均培训学时 ≥90``, ``药品抽验品种 ≥3``), amounts
    in the table's money unit (…金额, …资金, …成本), a unit written after the name (``任务完成时限(月)``,
    ``服务外包在岸(万美元)``, ``接待游客(万人次)``, or inside the form's hint: ``公猪舍(≥**平方米)``), or a
    name that holds the number with its unit (``配套变压器3台`` with ``3``). A rate whose bare number
    is a fraction of one (``各类书籍审稿率 1``, ``…覆盖率 0.9``) is flagged although the name is a
    rate: 1% or 100%? (``审稿率 100`` and ``事故发生率 0`` are clear; ratios such as 容积率 are not rates
    in per cent.) A value in words that lists a counted figure and ends in a figure with no unit
    (``编印《…画册》30本和《档案馆指南》1000``) is flagged at that last figure.
    """
    found = flagged(document, _NUMBER_WITHOUT_UNIT)
    weights = {id(row.project) for row, _verdict in found if _weights_as_values(row.project)} if found else set()
    return [at_indicator(row.project, row.position, row.indicator, "target",
                         *(_weight_verdict(row) if id(row.project) in weights else verdict))
            for row, verdict in found]


def _weights_as_values(project: Project) -> bool:
    """Whether three or more of the project's targets are bare figures adding up to 100: the points of
    each row written in the value's column (20, 20, 10 … 20)."""
    bare_values = [t.value for t in (i.target for i in project.indicators)
                   if t.value is not None and t.unit is None and t.op in (None, Op.EQ) and t.period is None]
    return len(bare_values) >= 3 and sum(bare_values) == 100


def _weight_verdict(row: Row) -> tuple[str, str]:
    raw = row.indicator.target.raw
    return (f"指标值{quote(raw)}只有数字，没有计量单位，看不出{quote(row.indicator.level3)}衡量的是什么；本项目"
            "不带单位的指标值相加正好是100，像是把各指标的分值填进了指标值栏",
            "指标值栏写要达到的数量、比例或时间（如「≥32.1公里」「验收合格率100%」），分值填在分值栏")


def _without_unit(row: Row) -> tuple[str, str] | None:
    """``number-without-unit``'s (message, suggestion) for one indicator, or None."""
    indicator = row.indicator
    target = indicator.target
    if target.value is None and _ends_in_figure(target.raw) and (bare_tail := trailing_bare_figure(target.raw)):
        return (f"指标值{quote(target.raw)}中的「{bare_tail}」只有数字，没有计量单位，看不出是多少什么",
                f"写明计量单位（如「{bare_tail}本」「{bare_tail}册」）")
    if target.value is None or target.unit is not None or target.period is not None:
        return None
    name = row.name
    if (0 < target.value <= 1 and name.endswith("率") and not _RATIO_NAME.search(name)
            and unit_note(indicator.level3) is None):
        return (f"比率{quote(indicator.level3)}的指标值{quote(target.raw)}没有写百分号，看不出是"
                f"{format_decimal(target.value)}%还是{format_decimal(target.value * 100)}%",
                "比率写成百分数，如「100%」「≥90%」")
    if (serial := _date_serial(name, target.value)) is not None:
        return (f"时间指标{quote(indicator.level3)}的指标值{quote(target.raw)}是表格软件把日期存成的序列号"
                f"（对应{serial}），不是日期，读表的人看不出是哪一天",
                f"写成日期，如「{serial}前」")
    if _clear_without_unit(name) or unit_note(indicator.level3) is not None or name.startswith(("每", "人均")):
        return None  # 每千人托位 4.5: a figure per population
    number = format_decimal(target.value)
    if number in name or is_leftover(target.raw):
        return None
    figure = target.raw.strip()
    examples = (f"「{figure}天」「{figure}个月」" if name.endswith((*_DATE_NAMES, "周期", "时长", "年限", "天数")) else
                f"「{figure}%」" if name.endswith(("率", "比例")) or _SHARE_DEGREE.search(name) else
                re.sub(f"[≥≤]{re.escape(number)}", figure, value_example(name, number)))
    return (f"指标值{quote(target.raw)}只有数字，没有计量单位，看不出{quote(indicator.level3)}"
            "衡量的是什么",
            f"写明计量单位，如{examples}，或把指标改写为可计量的名称")


def _date_serial(name: str, value: Decimal) -> str | None:
    """The date a bare whole number stands for when a time's name has a spreadsheet's date serial as its value
    (乌海's ``工作计划按时完成时间 =44,561``: 2021年12月31日, Excel counting days from 1899-12-30), or None; only
    serials of 2000–2049 under a name ending in a time word are read so."""
    if not name.endswith(_DATE_NAMES) or not _SERIAL_MIN <= value <= _SERIAL_MAX or value != value.to_integral_value():
        return None  # (nearly every name: no time word at its end, no figure compared)
    day = _SERIAL_EPOCH + timedelta(days=int(value))
    return f"{day.year}年{day.month}月{day.day}日"


_SERIAL_EPOCH = date(1899, 12, 30)
_SERIAL_MIN, _SERIAL_MAX = Decimal(36526), Decimal(54788)  # 2000-01-01 … 2049-12-31
_DATE_NAMES = ("时间", "日期", "时限", "期限", "截止日", "完成日")


_NUMBER_WITHOUT_UNIT = indicator_check(_without_unit, needs=lambda shape: shape[10])  # no unit
