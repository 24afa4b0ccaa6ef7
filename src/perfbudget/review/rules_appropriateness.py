"""适当性 (appropriateness): targets fit the money and the scale of what they measure."""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.domain_words import EXECUTION_RATE
from perfbudget.model import Document, Indicator, Op, Target
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import (
    Row,
    at_indicator,
    at_project,
    clean,
    flagged,
    flagged_by_project,
    indicator_check,
    is_leftover,
    is_money_unit,
    money_in,
    quote,
)
from perfbudget.review.registry import rule
from perfbudget.review.rules_feasibility import (
    direction_fault,
    listed_amounts,
    name_direction,
    public_awareness_at_full,
)
from perfbudget.review.rules_relevance import input_row_advice, is_input_name, is_input_row
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal, parse_target, written_unit

HUNDRED = Decimal(100)


def _money(value: Decimal, unit: str | None) -> str:
    return f"{format_decimal(value)}{unit or ''}"


def _valued_cost(row: Row) -> bool | None:
    """True for a cost indicator with a value (what ``cost-over-budget`` adds up)."""
    return True if row.cost and row.indicator.target.value is not None else None


_VALUED_COST = indicator_check(_valued_cost, needs=lambda shape: shape[2])  # a cost


@rule("cost-over-budget", title="成本指标超过预算", dimension="适当性", severity="error")
def cost_over_budget(document: Document, settings: RuleSettings) -> list[Finding]:
    """Money-valued cost targets that add up to more than the project's budget.

    The cost indicators (成本指标) of a project spend its budget: their amounts (in 元, 万元 …,
    converted to the table's money unit; unit costs such as 元/亩 are not added) cannot exceed
    the 预算数. A cost equal to the budget is fine.
    """
    out = []
    for project, own in flagged_by_project(document, _VALUED_COST):
        total = project.budget.total
        if total is None:
            continue
        costs = []
        for row, _valued in own:
            target = row.indicator.target
            assert target.value is not None
            factor = money_in(target.unit, document.money_unit)
            if factor is not None:
                costs.append((row.position, row.indicator, (target.upper or target.value) * factor))
        if not costs:
            continue
        amount = sum((c[2] for c in costs), Decimal(0))
        if amount <= total:
            continue
        money_unit = document.money_unit or "万元"
        alone = [c for c in costs if c[2] > total]
        if len(alone) == 1 and len(costs) == 1:
            position, indicator, _value = alone[0]
            out.append(at_indicator(project, position, indicator, "target",
                                    f"成本指标{quote(indicator.level3)}为{quote(indicator.target.raw)}，超过项目预算数"
                                    f"（{_money(total, money_unit)}）" + _ZERO_BUDGET * (total == 0),
                                    "成本指标不应超过预算：核实成本测算，或调整预算数" if total else
                                    "核对预算数：补填年度资金总额，再核对成本指标是否在预算之内"))
        else:
            names = "、".join(f"{c[1].level3}{c[1].target.raw}" for c in costs)
            out.append(at_project(project, "budget.total",
                                  f"成本指标合计{_money(amount, money_unit)}（{names}），超过项目预算数"
                                  f"（{_money(total, money_unit)}）" + _ZERO_BUDGET * (total == 0),
                                  "成本指标合计不应超过预算：核实各项成本测算，或调整预算数" if total else
                                  "核对预算数：补填年度资金总额，再核对成本指标是否在预算之内"))
    return out


# A budget written as 0 (池州贵池 委托业务: 年度资金总额 0 beside 本年财政拨款 90): the budget cell is the slip.
_ZERO_BUDGET = "；预算数填的是0，疑为漏填或填错"


_RATE_NAME = re.compile(r"(?:率|比|比例|比重|占比|度|指数|系数)$")


@rule("cost-not-money", title="成本指标不是金额", dimension="适当性", severity="warning")
def cost_not_money(document: Document, settings: RuleSettings) -> list[Finding]:
    """A cost indicator (成本指标, or 经济成本指标 in the 2021 framework) whose value is not money.

    A cost target is an amount (≤17万元) or a unit cost (≤475元/亩); a rate such as
    成本增长率 ≤20% or a phrase cannot be compared with the budget. 社会成本 and 生态环境成本
    indicators (2021 framework) need not be money and are not checked. A bare number
    (``项目总投入 6070``) is an amount in the table's money unit, unless the name is a rate
    (``成本控制率 100``), and so is an amount in 万 without 元 (``≤620万/月``). A cost of zero
    (``办公费总成本 =0万元``) measures nothing either. A figure per unit whose 元 is in the name's
    hint or unit note (``≤28.40/株`` under ``补助成本(≤**元/株)``) is money per unit. A value listing
    several amounts (``3000元、2000元、1000元3个档次``) is money; ``several-targets`` says it. An amount
    written as a sentence with its full stop (``15万元。``) is money, and so is an amount per unit whose parts are
    joined by a full stop (``17元/人.每天``). A budget execution or money-use rate as the cost (``预算执行率 ≥95%``)
    is told as the input it is, to be deleted (scored apart in the self-evaluation), not moved to 效益 or 质量; a
    cost's control written as a share (``年度维护成本增长率 ≤20%``, ``成本控制率 100%``) is asked as the amount it
    allows, not moved either.
    """
    out = [at_indicator(row.project, row.position, row.indicator, "target", *verdict)
           for row, verdict in flagged(document, _COST_NOT_MONEY)]
    return out


# 万 for 万元 (≤620万/月, a monthly amount): money in the table's shorthand.
_MONEY_SHORTHAND = re.compile(r"^(?:万|千|亿)(?:/[^/]{1,3})?$")
# A figure per unit with the money left out (≤28.40/株) beside a name whose hint or unit note says
# 元 per that unit (补助成本(≤**元/株)): money per unit, 元 written once in the name.
_FIGURE_PER = re.compile(r"^[≤≥<>=＜＞≦≧]*\d+(?:\.\d+)?/([^/\d]{1,3})$")
# An amount per unit written with a mark the target reader does not take between its parts (17元/人.每天).
_MONEY_PER_TEXT = re.compile(r"^[≤≥<>=＜＞≦≧]*\d+(?:\.\d+)?(?:万|千)?元/[\u4e00-\u9fff]")
_NAME_MONEY_PER = re.compile(r"[(（][≤≥<>=＜＞≦≧*＊]*(?:万|千)?元/([^/()（）]{1,3})[)）]")


def _not_money(row: Row) -> tuple[str, str] | None:
    """``cost-not-money``'s (message, suggestion) for one indicator, or None."""
    if not row.economic_cost:
        return None
    indicator = row.indicator
    target = indicator.target
    if target.is_quantitative and is_money_unit(target.unit) and target.value == 0 and not target.upper:
        return (f"成本指标{quote(indicator.level3)}的指标值是{quote(target.raw)}，成本为0，无法衡量",
                "写明实际测算的成本上限（如「≤2万元」）；没有这项支出就删去该指标")
    if target.is_quantitative and (is_money_unit(target.unit) or _MONEY_SHORTHAND.match(target.unit or "")):
        return None
    if target.value is not None and target.unit is None and not _RATE_NAME.search(row.name):
        return None  # 项目总投入 6070: a bare amount in the table's money unit
    if not target.raw.strip() or is_leftover(target.raw) or listed_amounts(target.raw) is not None:
        return None  # missing-target-value / template-leftover / several-targets (3000元、2000元…) say it
    per = _FIGURE_PER.match(clean(target.raw))
    if per is not None:
        named = _NAME_MONEY_PER.search(clean(indicator.level3))
        if named is not None and named.group(1) == per.group(1):
            return None  # ≤28.40/株 under 补助成本(≤**元/株): 元 per 株, written in the name
    if _MONEY_PER_TEXT.match(clean(target.raw)) is not None:
        return None  # 17元/人.每天: money per unit, its parts joined by a full stop the reader does not read
    ended = target.raw.strip().rstrip(_SENTENCE_END)
    if ended != target.raw.strip() and is_money_unit(parse_target(ended, indicator.level3).unit):
        return None  # 15万元。: an amount written as a sentence, its full stop kept
    if is_input_name(row.name):  # 预算执行率 ≥95% as the cost: the money spent, which is no output either
        return (f"成本指标{quote(indicator.level3)}（{target.raw}）衡量的是预算执行，是资金投入，不是成本："
                "花掉多少钱不说明每项产出花了多少，无法与预算对照",
                "删去该指标（预算执行率在自评时另行计分），成本指标写成金额或单位成本，如「≤17万元」「≤12万元/辆」")
    if target.unit in ("%", "‰") and _COST_WORD.search(row.name):  # 年度维护成本增长率 ≤20%: a control as a share
        return (f"成本指标{quote(indicator.level3)}的指标值{quote(target.raw)}是比率，不是金额：看不出本年这项成本"
                "要控制在多少钱以内，无法与预算对照",
                "写明这项成本控制在多少钱以内，如「≤…万元」（增长率、控制率按上年实际成本或预算换算成金额），"
                "或写单位成本，如「≤475元/亩」")
    if (own := _own_unit_cost(target.raw)) is not None:  # 每亩300, 严格按照预算标准1000元/人给…兑付: the row's own cost
        figure, sentence, unit_written = own
        if sentence:
            why = f"的指标值是一句话{quote(target.raw)}，其中的单位成本{figure}没有单独写成指标值，无法与预算对照"
        elif unit_written:  # 每亩300元: the unit written, the figure not as a target (the lead's reread)
            why = f"的指标值{quote(target.raw)}没有写成「数值+单位」的目标值，系统无法读出金额，无法与预算对照"
        else:
            why = f"的指标值{quote(target.raw)}没有写金额单位，看不出是元还是万元，无法与预算对照"
        return (f"成本指标{quote(indicator.level3)}{why}",
                f"指标值写作「≤{figure}」" + ("，其余说明放在指标解释中" if sentence else ""))
    return (f"成本指标{quote(indicator.level3)}的指标值{quote(target.raw)}不是金额，无法与预算对照",
            "成本指标应写成金额或单位成本，如「≤17万元」「≤475元/亩」；比率可移到效益或质量指标")


# A cost per unit inside a sentence (标准1000元/人给…) or written 每亩300 without 元: the figure the row means.
_PER_WHAT = r"(人次|平方米|公里|人|户|亩|株|头|只|个|次|米|吨|台|套|辆|件|所|村|年|月|天|日|场|张|处|项)"
_PER_UNIT_IN_TEXT = re.compile(r"(\d+(?:\.\d+)?)\s*((?:万|千)?元)\s*/\s*" + _PER_WHAT)
_EACH_FIGURE = re.compile(r"每" + _PER_WHAT + r"\s*(\d+(?:\.\d+)?)\s*((?:万|千)?元)?(?![\d.%／/])")
_EACH_TWICE = re.compile(r"每" + _PER_WHAT + r"\s*每" + _PER_WHAT
                         + r"\s*(\d+(?:\.\d+)?)\s*((?:万|千)?元)?(?![\d.%／/])")


def _own_unit_cost(raw: str) -> tuple[str, bool, bool] | None:
    """(the unit cost the value means, whether it is written in a sentence, whether its money unit is written) when
    a value holds a cost per unit in other words than a target: 1000元/人 inside a sentence, 每亩300 (元 left out),
    每亩300元, 每人每年1200元 (per person and year: 1200元/人·年, the lead's second reread; one 每 of the two was
    said the figure's unit, and then no unit cost was read and the rule said the amount was no money)."""
    text = raw.strip()
    if (found := _PER_UNIT_IN_TEXT.search(text)) is not None and found.group() != text:
        return f"{found.group(1)}{found.group(2)}/{found.group(3)}", True, True
    if (twice := _EACH_TWICE.search(text)) is not None:  # 每人每年1200元: per person and year
        unit = twice.group(4)
        return (f"{twice.group(3)}{unit or '元'}/{twice.group(1)}·{twice.group(2)}", twice.group() != text,
                unit is not None)
    if text.count("每") == 1 and (each := _EACH_FIGURE.search(text)) is not None:
        unit = each.group(3)
        return f"{each.group(2)}{unit or '元'}/{each.group(1)}", each.group() != text, unit is not None
    return None


# A name about what the money costs (成本, 费用, 经费, 造价): its share is a control of that cost, not a rate to move.
_COST_WORD = re.compile(r"成本|费用|经费|造价|支出")


# Full stops and commas a cell written as a sentence ends with (15万元。).
_SENTENCE_END = "。．.，,；;"
_COST_NOT_MONEY = indicator_check(_not_money, needs=lambda shape: shape[3])  # an economic cost


# Names whose percentages may exceed 100: growth, increase, ratios between two quantities.
_MAY_EXCEED_100 = re.compile(r"增长|增幅|增速|增加|提高|提升|同比|环比|比上年|较上年|倍|超额|溢价|产出比|比值|比$")


@rule("rate-over-100", title="比率超过100%", dimension="适当性", severity="error")
def rate_over_100(document: Document, settings: RuleSettings) -> list[Finding]:
    """A percentage above 100, or a rate written ``≥100%`` / ``>100%``.

    A rate (合格率, 完成率, 满意度 …) cannot exceed 100%: ``≥100%`` asks for the impossible and
    should be written ``100%`` or ``=100%``. Names of growths and ratios (增长率, 提高, 同比,
    投入产出比 …) may exceed 100% and are not flagged, nor a cost row (``支出控制在批复预算范围内 ≥100%``):
    a cost is no share, and ``cost-not-money`` asks for the amount instead. A rate to keep low written as a floor
    (``逾期发放率 >=100%``) is ``direction-clash``'s: 「写作100%」 would be the wrong fix, and it is one fault; where a
    region switches ``direction-clash`` off, it is told here in that rule's words. A rate of money going in that
    ``input-as-output`` tells (``资金到位及时率 ≧100%``: two faults of §6, each told) is told to be deleted, not
    rewritten as 100% (round 38: the two findings at the row give one fix, as ``qualitative-for-number``'s since 37).
    The public's awareness at or over 100% (``群众知晓率 ≥100%``) is ``awareness-at-full``'s: 「写作100%」 would
    contradict it (no survey finds everyone aware); told here only where that rule is off.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", verdict[0],
                         input_row_advice(document, row, settings, verdict[1]))
            for row, verdict in flagged(document, _RATE_OVER_100)
            if len(verdict) == 2 or not settings.runs(verdict[2])]


# Names of a share (合格率, 满意度): a % their brackets give (合格率(%) 120) is theirs.
_SHARE_NAME_ENDS = ("率", "度", "比例")


def _over_100(row: Row) -> tuple[str, str] | tuple[str, str, str] | None:
    """``rate-over-100``'s (message, suggestion) for one indicator, or (message, suggestion, rule) for a fault that
    rule tells where it runs, or None."""
    indicator = row.indicator
    target = indicator.target
    if target.unit != "%" or target.value is None:
        return None
    if _MAY_EXCEED_100.search(row.name):
        return None
    if not row.name.endswith(_SHARE_NAME_ENDS) and written_unit(target) is None:
        return None  # 实现产值(%) 8000: a % only its name gives, on no rate: unit-mismatch says so (one fault)
    if row.economic_cost and target.value >= HUNDRED:
        return None  # 支出控制在批复预算范围内 ≥100%: no share at all; cost-not-money asks for the amount (one fault)
    if target.op in (Op.GE, Op.GT) and name_direction(row.name) == "reverse":
        # 逾期发放率 >=100%: a rate to keep low written as a floor, direction-clash's (one fault, once); told here in
        # its words where a region switched it off (「写作100%」 would be the wrong fix)
        fault = direction_fault(row)
        return None if fault is None else (fault[0], fault[1], "direction-clash")
    said = _over_100_said(indicator, target)
    if said is not None and public_awareness_at_full(row):
        # 群众知晓率 ≥100%: awareness-at-full's (no survey finds 100%); 「写作100%」 would be the opposite advice
        return (said[0], said[1], "awareness-at-full")
    return said


def _over_100_said(indicator: Indicator, target: Target) -> tuple[str, str] | None:
    """``rate-over-100``'s (message, suggestion) for a target in % that is a rate's, or None."""
    assert target.value is not None
    top = target.upper if target.upper is not None else target.value
    if top > HUNDRED:
        return (f"{quote(indicator.level3)}的指标值{target.raw}超过100%，比率不可能达到",
                "比率最高为100%：核实目标，改为不超过100%的值")
    if target.op is Op.GE and target.value == HUNDRED:
        return (f"{quote(indicator.level3)}写作{quote(target.raw)}：比率最高就是100%，「≥」没有意义，"
                "读起来像要求超过100%",
                "写作「100%」或「=100%」")
    if target.op in (Op.GE, Op.GT) and target.value >= HUNDRED:
        return (f"{quote(indicator.level3)}写作{quote(target.raw)}，要求比率超过100%，无法达到",
                "写作「100%」或「=100%」")
    return None


_RATE_OVER_100 = indicator_check(_over_100, needs=lambda shape: shape[9])  # in %


@rule("payment-below-full", title="发放目标低于100%", dimension="适当性", severity="warning")
def payment_below_full(document: Document, settings: RuleSettings) -> list[Finding]:
    """A share of an entitlement paid out, or the accuracy of the payment, set below 100%.

    ``补贴发放率 ≥75%``, ``工资发放准确性(%) ≥95%``: pay, subsidies and allowances go in full and
    without error to everyone entitled (应发尽发、足额准确), so a lower target allows a quarter of
    the entitled to go unpaid, or one payment in twenty to be wrong. Flagged when the name is a
    payment's rate, accuracy or compliance (发放/兑现/兑付 with 率, 准确, 合规: ``补贴发放合规率 ≥95%``
    allows one payment in twenty against the rules; the rate spelt out, ``救助资金按标准发放的比率 90%``) and the
    target's lower bound is under 100%.
    Not flagged: the timeliness of a payment (及时发放率 ≥95%: late is not unpaid), the share paid late
    (逾期发放率, reverse), coverage of a population (疫苗覆盖率) and other accuracies (测报准确率 85%).
    A name that says what is paid out without the rate (``按年度发放绩效奖、…、应休未休补贴 ≥60%``:
    发放/兑现/兑付 with pay — 奖, 补贴, 补助, 津贴, 工资, 助学金 …) is the share paid and is flagged
    too; 发放宣传资料 (not pay) and 补贴发放人数 (a count) are not. A self-evaluation that sets no target and
    reports such a rate done below 100% (``经费发放率`` done ``98%``, a report in prose) is flagged at its empty
    target: the entitlement is everyone's, and nothing says why some went unpaid. A benefit's coverage
    (``伙食补助覆盖率 90%``) is the share of the entitled it reaches, the base being those entitled, and is flagged
    too; coverage by a service or a campaign (疫苗接种覆盖率, 宣传覆盖率) is of a population and is not.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", *verdict)
            for row, verdict in flagged(document, _PAYMENT_BELOW_FULL) if len(verdict) == 2]


# A payment's rate or accuracy (补贴发放率, 工资发放准确性, 奖补资金兑付率), not its timeliness.
# The rate may be spelt out after 的 (农村低保救助资金按标准发放的比率 90%: the share paid at the standard).
_PAYMENT_RATE = re.compile(r"(?:发放|兑现|兑付)(?:完成)?(?:率|准确率|准确性|准确度|合规率|合规性|的比率|的比例)")
_PAYMENT_NOT_FULL = re.compile(r"及时|按时|按期|逾期|超期|延期|覆盖")
# What is paid out named without the rate: 按年度发放绩效奖、文明奖、…、应休未休补贴 (≥60%: the share paid).
_PAY_VERB = re.compile(r"发放|兑现|兑付")
_PAY = re.compile(r"补贴|补助|津贴|奖|工资|薪酬|抚恤金|救助金|助学金|生活费")


# A benefit's coverage (伙食补助覆盖率, 生活补贴覆盖面): the share of those entitled that it reaches. Coverage by a
# service or a campaign (疫苗接种覆盖率, 宣传覆盖率) is of a population and is not matched.
_PAY_COVERAGE = re.compile(r"^[^，,。；]{0,10}?((?:补贴|补助|津贴|抚恤金|救助金|助学金|生活费|奖补)(?:资金|经费)?)"
                           r"(?:发放)?覆盖(?:率|面|比例)$")


def _pays_out(name: str) -> bool:
    """True for a name saying what pay is paid out, without a rate or a count after the verb."""
    verb = _PAY_VERB.search(name)
    if verb is None:
        return False
    tail = name[verb.end():]
    return "率" not in tail and "数" not in tail and _PAY.search(tail) is not None


def _payment_below_full(row: Row) -> tuple[str, ...] | None:
    """``payment-below-full``'s (message, suggestion) for one indicator, ``mandatory-below-full``'s ("mandatory",
    message, suggestion), or None."""
    target = row.indicator.target
    if not target.raw.strip() and row.indicator.actual:
        return _paid_below_full(row)
    if target.unit != "%" or target.value is None or target.value >= HUNDRED or target.op in (Op.LE, Op.LT):
        return None
    name = row.name
    if ("隐患" in name or "检疫" in name or "安全" in name) and (mandatory := _mandatory_below_full(row)) is not None:
        # (mandatory-below-full's verdict, three parts, the rule's name first: one pass over the rows in %; a name
        # that is no such share — 安全员补贴发放率 — goes on to the payment checks)
        return mandatory
    if "覆盖" in name and (covered := _PAY_COVERAGE.match(name)) is not None:
        # 伙食补助覆盖率 90%: the share of the entitled the benefit reaches is the share paid
        return (f"{quote(row.indicator.level3)}的目标{quote(target.raw)}低于100%：{covered.group(1)}是符合条件的对象"
                "都应享受的，覆盖率的基数就是应享受的人数，目标低于100%等于允许一部分人拿不到",
                f"覆盖率的目标写作「100%」，并写明基数（如「应享受{covered.group(1)}的学生人数」）；"
                "若有对象确实无法享受，写明原因和人数")
    if ((_PAYMENT_RATE.search(name) is None and not _pays_out(name))
            or _PAYMENT_NOT_FULL.search(name) is not None):
        return None
    return (f"{quote(row.indicator.level3)}的目标{quote(target.raw)}低于100%：应发放的资金应足额、准确发放给"
            "每一个符合条件的对象，目标偏低",
            "发放率、发放准确率的目标写作「100%」；若有对象确实无法发放，写明原因和人数")


def _paid_below_full(row: Row) -> tuple[str, str] | None:
    """A self-evaluation reporting a payment rate below 100% with no target set (``经费发放率`` done ``98%``):
    the entitlement is everyone's, and nothing says why some were not paid."""
    name = row.name
    if ((_PAYMENT_RATE.search(name) is None and not _pays_out(name))
            or _PAYMENT_NOT_FULL.search(name) is not None):
        return None
    done = parse_target(row.indicator.actual or "", name)
    if done.unit != "%" or done.value is None or done.value >= HUNDRED or done.op is not None:
        return None
    return (f"{quote(row.indicator.level3)}实际只发放了{done.raw}，又没有设定指标值：应发放的资金应足额、准确发放给"
            "每一个符合条件的对象（100%），未发放部分没有说明原因",
            "指标值写作「100%」；未足额发放的，在偏差原因中写明未发放的人数和原因")


# In % (a target), or a self-evaluation's actual with no target (unit None): _paid_below_full reads the actual.
_PAYMENT_BELOW_FULL = indicator_check(_payment_below_full, needs=lambda shape: shape[9] or (shape[4] and shape[10]))


@rule("mandatory-below-full", title="必须全部做到的比率目标低于100%", dimension="适当性", severity="warning")
def mandatory_below_full(document: Document, settings: RuleSettings) -> list[Finding]:
    """A share of what the rules require to be done in every case, set below 100%.

    Every safety hazard found is to be dealt with (``安全隐患排查有效处置率 ≥90%`` beside a railway line lets one in
    ten stand: 铁路沿线's, missed since round 21), and released fry or animals moved are to be quarantined, all of
    them (``检验检疫 ≥90%`` in a 增殖放流 project: 《水生生物增殖放流管理规定》; 动物防疫法 for animals): a target
    below 100% allows the rest by plan. Flagged when the name is a hazard's handling (隐患 with 处置, 整改, 排除,
    消除 or 治理) or a quarantine (检疫, 检验检疫) and the target's lower bound is under 100%. A hazard count
    (``排查隐患 ≥50处``), a share inspected (``隐患排查覆盖率``) and a ceiling (``检疫不合格率 ≤2%``) are not flagged.
    The share of what is kept safe is all of it too (``文物展品安全保障率 ≥96%``, 荆门's: one exhibit in twenty-five
    left unsafe by plan): a name ending in 安全率 or 安全保障率 below 100% is flagged; a feeling of safety
    (``群众安全感 ≥90%``, a survey), a safe running time (``系统安全运行率``) and a level (安全保障水平) are not.
    """
    # (payment-below-full's check gives this rule's verdicts too, as three parts: one pass over the rows in %)
    return [at_indicator(row.project, row.position, row.indicator, "target", *verdict[1:])
            for row, verdict in flagged(document, _PAYMENT_BELOW_FULL) if len(verdict) == 3]


# What is to be done in every case: a hazard found dealt with, fry or animals quarantined.
_HAZARD_HANDLED = re.compile(r"隐患.{0,8}?(?:处置|整改|排除|消除|治理)")
_NOT_A_FLOOR = re.compile(r"不合格|未|漏|覆盖")
# The share of what is kept safe (文物展品安全保障率, 校舍安全率): all of it, whatever is guarded.
_KEPT_SAFE = re.compile(r"安全(?:保障|保护|保卫)?率$")


def _mandatory_below_full(row: Row) -> tuple[str, str, str] | None:
    """``mandatory-below-full``'s ("mandatory", message, suggestion) for a row in % below 100 (read by
    ``_payment_below_full``, which has ruled out other targets) whose name holds 隐患, 检疫 or 安全, or None."""
    key = row.key
    if _NOT_A_FLOOR.search(key):
        return None
    left = "不做"
    if "隐患" in key:
        if _HAZARD_HANDLED.search(key) is None:
            return None
        why = "发现的隐患都应当处置到位"
    elif "检疫" in key:
        why = "按规定须全部检验检疫合格"
    elif _KEPT_SAFE.search(key) is not None:
        why, left = "安全是底线，保障的对象应当全部安全", "不安全"
    else:
        return None
    target = row.indicator.target
    rest = format_decimal(HUNDRED - (target.value if target.value is not None else HUNDRED))
    return ("mandatory", f"{quote(row.indicator.level3)}的目标{quote(target.raw)}低于100%：{why}，"
            f"这个目标等于允许约{rest}%{left}",
            "目标写作「100%」；确有做不到的，在指标解释中写明原因和数量")


def _satisfaction_target(row: Row) -> bool | str | None:
    """True for a satisfaction target in % with a value, not capped with ≤ (what ``satisfaction-below-floor``
    compares with its floor)."""
    target = row.indicator.target
    if target.value is None or target.unit not in ("%", None) or target.op in (Op.LE, Op.LT):
        return None
    if "满意" not in row.name or "不满意" in row.name:
        return None
    if target.unit is None and 1 < target.value <= 100 and target.upper is None and target.period is None:
        return _BARE  # 满意度 20 (no %): 20% or, as in a table of weights, the row's points
    return True if target.unit == "%" else None


_BARE = "bare"


_SATISFACTION_TARGET = indicator_check(_satisfaction_target)


def _execution_target(row: Row) -> bool | None:
    """True for a budget execution rate's target in % with a value, not a ceiling and not a cost row (what
    ``execution-target-low`` compares with its floor): the year's rate, not a part of the year's."""
    target = row.indicator.target
    if target.value is None or target.op in (Op.LE, Op.LT) or row.cost:
        return None
    return True if EXECUTION_RATE.search(row.key) is not None and _PART_YEAR.search(row.key) is None else None


# A part of the year (上半年, 序时, 一季度, 1-6月, 6月底): a rate by then is the schedule's share of the year's money,
# not the year's (上半年预算执行率 ≥50% plans nothing unspent).
_PART_YEAR = re.compile(r"[上下]半年|半年度|序时|季度|季末|月[底末]|\d{1,2}月|[一二三四五六七八九十]月|年中|期中|中期")

_EXECUTION_TARGET = indicator_check(_execution_target, needs=lambda shape: shape[9] and not shape[2])


@rule("execution-target-low", title="预算执行率目标过低", dimension="适当性", severity="warning",
      params={"floor": Decimal(90)})
def execution_target_low(document: Document, settings: RuleSettings) -> list[Finding]:
    """A budget execution rate's target (预算执行率, 预算完成率, 资金支出率 …, in %) below ``floor`` (default 90%).

    Where a table keeps budget execution as an indicator of its own — a 部门整体 form's management indicators, a
    flat list without 一级 (西部科学城 融媒体中心's ``预算完成率 70%``, round 10's miss, flagged since round 40) — a
    target below the floor plans to leave part of the year's money unspent: either the budget asked for is too large
    or the target is set too low (local practice scores execution below 90% down and may cut the next budget; set
    ``floor`` per region). The same names filed as an output or effect are ``input-as-output`` (delete the row), and as
    a cost ``cost-not-money``: they are not told twice. A ceiling (``≤``), a target at or above the floor and a
    part of the year's rate (``上半年预算执行率 ≥50%``, 序时, 一季度, 1-6月: the schedule's share, nothing left unspent)
    are not flagged; a goal's completion (``预算绩效目标完成率``) is no execution rate (``domain_words.EXECUTION_RATE``,
    the names ``input-as-output`` reads as money going in too).
    """
    floor = Decimal(settings.param("floor"))
    out = []
    for row, _ in flagged(document, _EXECUTION_TARGET):
        indicator = row.indicator
        value = indicator.target.value
        assert value is not None
        if value >= floor or is_input_row(document, row):
            continue
        out.append(at_indicator(row.project, row.position, indicator, "target",
                                f"预算执行指标{quote(indicator.level3)}的目标{quote(indicator.target.raw)}低于"
                                f"{format_decimal(floor)}%：按计划有{format_decimal(HUNDRED - value)}%的预算"
                                "当年用不完，不是预算编得偏大，就是目标定得偏低",
                                f"预算执行率一般以100%为目标，不低于{format_decimal(floor)}%；当年确实用不完的资金应调减"
                                "预算，而不是降低执行率目标"))
    return out


@rule("satisfaction-below-floor", title="满意度目标过低", dimension="适当性", severity="warning",
      params={"floor": Decimal(80)})
def satisfaction_below_floor(document: Document, settings: RuleSettings) -> list[Finding]:
    """A satisfaction target (…满意度, …满意率, in %) below ``floor`` (default 80%).

    A satisfaction target set too low is no target: most regions expect at least 80%
    (local practice; set ``floor`` per region). Targets above 100% are ``rate-over-100``;
    a satisfaction written with ``≤`` is ``direction-clash``. A bare figure above 1 and below the floor
    (``改善通行服务水平群众满意度 20``) is flagged too, saying it is either far too low a share or the row's
    points written in the value's column (a table of weights 20, 20, 10 … as its values); 0.9 and 90 are not.
    """
    floor = Decimal(settings.param("floor"))
    out = []
    for row, satisfaction in flagged(document, _SATISFACTION_TARGET):
        project, position, indicator = row.project, row.position, row.indicator
        target = indicator.target
        assert target.value is not None
        if target.value >= floor:
            continue
        if satisfaction is _BARE:
            out.append(at_indicator(project, position, indicator, "target",
                                    f"满意度目标{quote(indicator.level3)}写作{quote(target.raw)}，没有%：若是"
                                    f"{format_decimal(target.value)}%，远低于{format_decimal(floor)}%；若是这一行的分值，"
                                    "就填错了栏",
                                    f"满意度目标写成百分比，一般不低于{format_decimal(floor)}%（如「≥90%」）；"
                                    "分值填在分值栏"))
            continue
        out.append(at_indicator(project, position, indicator, "target",
                                f"满意度目标{quote(indicator.level3)}{target.raw}低于{format_decimal(floor)}%，目标偏低",
                                f"满意度目标一般不低于{format_decimal(floor)}%：核实并提高目标值"))
    return out
