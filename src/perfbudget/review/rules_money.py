"""Targets against the money: unit cost × quantity against the budget, a per-unit cost that is
really the total (适当性: "targets not too high or low for the budget", 财预〔2015〕88号)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from perfbudget.model import Document, Indicator, Op, Project
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import Row, at_indicator, bare, flagged, is_cost, money_in, project_rows, quote
from perfbudget.review.language import word_set
from perfbudget.review.registry import rule
from perfbudget.review.rules_completeness import ECONOMIC_COST
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal

# A unit cost and the count it is paid for both written exact (=23万元/个 × =10个): their product cannot exceed the
# budget at all — past rounding (2 %) the two targets cannot both hold, where ``over`` allows for a ceiling or a
# floor (≤1600元/亩 × ≥5000亩) not reached exactly.
_EXACT_OVER = Decimal("1.02")


def _budget(project: Project) -> Decimal | None:
    """The project's 预算数 when above 0 (the money a target is held against), else None."""
    total = project.budget.total
    return total if total is not None and total > 0 else None


def _budgeted(document: Document) -> Iterator[tuple[Project, tuple[Row, ...], Decimal]]:
    """Each project with a budget above 0 (``_budget``), its rows and its 预算数."""
    for project, own in project_rows(document):
        if (total := _budget(project)) is not None:
            yield project, own, total


def _unit_cost(indicator: Indicator, money_unit: str | None, levelless: bool = False) -> tuple[Decimal, str] | None:
    """(cost per unit in the table's money unit, the unit counted) for a cost like 1600元/亩; in a
    table without levels (``levelless``) any row whose value is so much money a unit is one."""
    target = indicator.target
    if target.value is None or not target.unit or "/" not in target.unit or not (levelless or is_cost(indicator)):
        return None
    money, _sep, per = target.unit.partition("/")
    if money in ("万", "千", "亿"):
        money += "元"  # ≤620万/月: 万 for 万元
    factor = money_in(money, money_unit)
    if factor is None or not per:
        return None
    return (target.upper or target.value) * factor, per


def _quantity_in(own: tuple[Row, ...], per: str, levelless: bool = False) -> list[tuple[int, Indicator, Decimal]]:
    """数量指标 of a project's rows counted in ``per`` (or 万+``per``), as (position, indicator, number); in a
    table without levels (``levelless``), any row so counted."""
    out = []
    wanted = "" if levelless else "数量指标"
    for _project, position, indicator, _level1, level2, _name, _key, _cost, _economic in own:
        target = indicator.target
        if level2 != wanted or target.value is None or not target.unit:
            continue
        if target.unit == per:
            out.append((position, indicator, target.value))
        elif target.unit == f"万{per}":
            out.append((position, indicator, target.value * 10000))
    return out


# A span of months written in a value: 2020年1月--2020年11月, 2024年3月至2024年12月.
_MONTH_SPAN = re.compile(r"(\d{4})年(\d{1,2})月[^\d]{0,3}?(?:-|—|–|~|～|至|到)+[^\d]{0,2}(\d{4})年(\d{1,2})月")


def _months_in(own: tuple[Row, ...]) -> list[tuple[int, Indicator, Decimal]]:
    """Rows of a project whose value is a span of months (what a cost per month is paid for), as
    (position, indicator, months)."""
    out = []
    for row in own:
        match = _MONTH_SPAN.search(row.indicator.target.raw)
        if match is None:
            continue
        year1, month1, year2, month2 = (int(part) for part in match.groups())
        months = (year2 - year1) * 12 + month2 - month1 + 1
        if 1 <= months <= 120 and 1 <= month1 <= 12 and 1 <= month2 <= 12:
            out.append((row.position, row.indicator, Decimal(months)))
    return out


@rule("unit-cost-vs-budget", title="单位成本与数量、预算不符", dimension="适当性", severity="warning",
      params={"over": Decimal("1.2"), "under": Decimal("0.3")})
def unit_cost_vs_budget(document: Document, settings: RuleSettings) -> list[Finding]:
    """A unit cost × the quantity it is paid for that is far from the project's budget.

    A cost of ``1600元/亩`` and a 数量指标 of ``≥5000亩`` make 800万元: if the budget is 200万元
    the targets cannot both hold. Flagged when exactly one 数量指标 is counted in the cost's
    unit and the product exceeds the budget by more than ``over`` (default 1.2×) — or by more than 2 %
    when both are written exact (``=23万元/个`` × ``=10个`` = 230万元 against 214.06万元: the standard and
    the count cannot both hold) —, or — when the
    project has no other cost row — is below ``under`` (0.3×) of it (the rest of the money
    buys nothing the table names). A cost per month (``≤620万/月``, 万 for 万元) is multiplied by
    the months of the span the project's rows state (``2020年1月--2020年11月``: 11; several rows
    may state it, not different spans) when no
    数量指标 counts months. Unit costs stay out of ``cost-over-budget``'s sum. Without a unit cost
    row, a standard per head in the goals (``每生 1500 元/学期``) × the one 数量指标 counted in those
    heads (``≥101人/次``), taken for one period only, is flagged at the count when it already
    exceeds the budget by ``over`` (101 × 1500元 = 15.15万元 against 7万元).
    """
    over = Decimal(settings.param("over"))
    under = Decimal(settings.param("under"))
    out = []
    for project, own, total in _budgeted(document):
        # targets in prose or a list without levels (叶县's 每亩补助资金1000元 and 种植…918亩): a row worth so much
        # money a unit is the unit cost, the row counted in that unit its quantity
        levelless = not any(row.level1 or row.level2 for row in own)
        costs = ([(row.position, row.indicator) for row in own if row.cost] if not levelless else
                 [(row.position, row.indicator) for row in own if _unit_cost(row.indicator, document.money_unit, True)])
        for position, indicator in costs:
            unit_cost = _unit_cost(indicator, document.money_unit, levelless)
            if unit_cost is None:
                continue
            quantities = _quantity_in(own, unit_cost[1], levelless)
            if not quantities and unit_cost[1] == "月":
                spans = _months_in(own)  # a cost per month × the months the table states
                quantities = spans[:1] if len({months for _p, _i, months in spans}) == 1 else []
            if len(quantities) != 1:
                continue
            q_position, quantity, count = quantities[0]
            counted = quantity.target.raw
            if unit_cost[1] == "月" and quantity.target.unit != "月":
                counted += f"（{format_decimal(count)}个月）"
            product = unit_cost[0] * count
            money_unit = document.money_unit or "万元"
            exact = indicator.target.op is Op.EQ and quantity.target.op is Op.EQ
            if product > total * over or (exact and product > total * _EXACT_OVER):
                verdict = "超过"
            elif product < total * under and len(costs) == 1:
                verdict = "远低于"
            else:
                continue
            both = ("；两个指标值都写作「=」，按此测算资金不够，两者不能同时做到"
                    if exact and product <= total * over else "")
            if verdict == "远低于":  # what the rest of the money buys, the table does not say
                rest = format_decimal((total - product).quantize(Decimal("0.01")).normalize())
                both = f"，其余约{rest}{money_unit}买的是什么，表中没有指标"
            out.append(at_indicator(
                project, position, indicator, "target",
                f"单位成本{indicator.target.raw}×第{q_position}个指标{quote(quantity.level3)}的{counted}"
                f"约为{format_decimal(product.quantize(Decimal('0.01')).normalize())}{money_unit}，{verdict}项目预算数"
                f"{format_decimal(total)}{money_unit}{both}",
                "核实单位成本和数量的测算，使单位成本×数量与预算相符（或说明其余资金的用途）"))
        if not any(_unit_cost(indicator, document.money_unit, levelless) for _position, indicator in costs):
            out.extend(_standard_over_budget(project, own, total, over, document.money_unit))
    return out


# A sum per head in the goals (每生 1500 元/学期, 每人每月300元): the persons or households it is paid to.
_STANDARD = re.compile(r"每(学生|生|人|名|户)[^\d，,。；;]{0,4}?(\d+(?:\.\d+)?)\s*(万元|元)")
_PERSONS = ("人", "名")
_HEADS = {"学生": _PERSONS, "生": _PERSONS, "人": _PERSONS, "名": _PERSONS, "户": ("户",)}


def _standard_over_budget(project: Project, own: tuple[Row, ...], total: Decimal, over: Decimal,
                          money_unit: str | None) -> list[Finding]:
    """``unit-cost-vs-budget`` for a standard per head stated in the goals (no unit cost row): one
    period of it × the one 数量指标 counted in those heads, when that already exceeds the budget."""
    standards = {m.groups() for m in _STANDARD.finditer("；".join(project.goals))}
    if len(standards) != 1:
        return []
    ((per, amount, unit),) = standards
    factor = money_in(unit, money_unit)
    counted = [row for row in own if row.level2 == "数量指标" and row.indicator.target.value is not None
               and (row.indicator.target.unit or "").startswith(_HEADS[per])]
    if factor is None or len(counted) != 1:
        return []
    row = counted[0]
    target = row.indicator.target
    product = Decimal(amount) * factor * (target.value or Decimal(0))
    if product <= total * over:
        return []
    shown = money_unit or "万元"
    return [at_indicator(
        project, row.position, row.indicator, "target",
        f"绩效目标中的标准每{per}{amount}{unit}×{quote(row.indicator.level3)}的{target.raw}，仅按一期计已约为"
        f"{format_decimal(product.quantize(Decimal('0.01')).normalize())}{shown}，超过项目预算数{format_decimal(total)}{shown}",
        "核实补助对象数量和补助标准的测算，使标准×数量与预算相符（或说明其余资金来源）")]


# Per-unit words that say per what (人均, 每亩): an amount under such a name is per that unit.
# 单价, 单位成本 and 标准 do not say per what.
_NAMES_ITS_UNIT = re.compile(r"^(?:每|[人户亩]均)")


@rule("unit-cost-as-total", title="单位成本写成总额", dimension="适当性", severity="warning")
def unit_cost_as_total(document: Document, settings: RuleSettings) -> list[Finding]:
    """A cost named per unit (人均, 单价, 补助标准 …) whose value is written as a total amount.

    ``人均培训成本 ≤20万元`` in a project of 20万元: the total was written where the cost per
    person belongs. ``硬化水泥砼公路补助标准 ≤120万元``: per what — a kilometre? Without the
    unit counted the target cannot be multiplied by the quantity and checked against the
    budget. Flagged when the name has a per-unit word of ``vocabulary.toml`` (``[names]
    per_unit``) and the value is an absolute amount (元, 万元, not 元/人); the message says
    when the amount is near the whole budget. A name that says per what (人均, 每人: 配套资金每人每年
    ``75元``) makes the amount per that unit: flagged only when it is near the whole budget. A cost row
    named after a quantity of work (``防疫室84平米``) whose value is a bare amount (``≥1050元``) while another
    cost row named so prices the same measure per unit (``饲料库120平米 490元/平米``) is flagged too: a price
    per 平米 that lost its /平米, or the room's total? A quantity-named row with its amount alone among its
    kind (``围墙300米 9万元``), or a bare amount under another name (``打井、配电 50000元``), is not.
    """
    per_unit = word_set("names", "per_unit")
    out = []
    for project, own in project_rows(document):
        total = project.budget.total or Decimal(0)
        for _project, position, indicator, _level1, _level2, name, _key, cost, _economic in own:
            target = indicator.target
            if not cost or target.value is None:
                continue
            factor = money_in(target.unit, document.money_unit)
            if factor is None:
                continue
            word = next((w for w in per_unit if w in name), None)
            if word is None:
                if (lost := _per_unit_lost(indicator, name, own)) is not None:
                    out.append(at_indicator(project, position, indicator, "target", *lost))
                continue
            if total > 0 and (target.upper or target.value) * factor * 2 >= total:
                message = (f"{quote(indicator.level3)}是单位成本（{word}），指标值{target.raw}却接近项目预算总额"
                           f"{format_decimal(total)}{document.money_unit or '万元'}，像是把总额当成了单位成本")
            elif _NAMES_ITS_UNIT.search(word):
                continue  # 配套资金每人每年 75元: the name says per what, the amount is per that
            else:
                message = (f"{quote(indicator.level3)}是单位成本（{word}），指标值{target.raw}却是一笔总额，"
                           "没有写明按什么计（每人、每亩、每公里…），无法与数量相乘核对预算")
            out.append(at_indicator(project, position, indicator, "target", message,
                                    "写成每单位的成本，如「≤300元/人」「≤120万元/公里」；总额另设「项目总成本」"))
    return out


# A cost row named after a quantity of work (防疫室84平米, 围墙300米): what the amount is per, or for all of it.
_NAMED_QUANTITY = re.compile(r"(\d+(?:\.\d+)?)(平方米|平米|㎡|立方米|方|米|延米|公里|千米|亩)$")
_SAME_MEASURE = {"平方米": "平米", "㎡": "平米", "千米": "公里", "立方米": "方"}


def _per_unit_lost(indicator: Indicator, name: str, own: tuple[Row, ...]) -> tuple[str, str] | None:
    """(message, suggestion) when a cost row named after a quantity (``防疫室84平米``) gives a bare amount
    (``≥1050元``) while another cost row named so prices the same measure per unit (``饲料库120平米``
    ``490元/平米``): a price per 平米 that lost its /平米, or a total? None otherwise."""
    if name[-1:] in "米㎡方里亩" and (quantity := _NAMED_QUANTITY.search(name)) is not None:
        measure = _SAME_MEASURE.get(quantity.group(2), quantity.group(2))
        for row in own:
            unit = row.indicator.target.unit or ""
            other = unit.partition("/")[2]
            if (row.cost and other and _SAME_MEASURE.get(other, other) == measure
                    and _NAMED_QUANTITY.search(row.name) is not None):
                target = indicator.target
                price = f"{format_decimal(target.value or Decimal(0))}{target.unit}/{quantity.group(2)}"
                return (f"成本指标{quote(indicator.level3)}的指标值{quote(target.raw)}没有写明计价单位：同一项目的"
                        f"{quote(row.indicator.level3)}写作{quote(row.indicator.target.raw)}，按{other}"
                        f"计价，这一行看不出是每{quantity.group(2)}的单价，还是{quantity.group(0)}的总价",
                        f"写明计价单位，如「≤{price}」；若是总价，写明「总价」并与其他成本一起核对预算")
    return None


# A name for the project's money itself (项目金额, 财政补助, 专项资金), not for what something costs.
_FUNDING_NAME = re.compile(r"金额|资金|补助|补贴|拨款|预算|经费")
_COST_WORD = re.compile(r"成本|费用|价|投资|定额|支出")


# A cost row named by a judgement of the cost (实际成本与工作内容的匹配程度, 成本合理性): no cost item is named.
_ASSESSMENT_ENDINGS = ("程度", "匹配度", "合理性", "匹配性", "合理度")


@rule("cost-is-budget", title="成本指标照抄预算总额", dimension="适当性", severity="warning")
def cost_is_budget(document: Document, settings: RuleSettings) -> list[Finding]:
    """A cost row that is the project's money itself: the whole budget under a name of funding.

    ``项目金额 5万元`` in a project of 5万元, ``每年财政补助1000万元 1000万元`` in one of 1000万元: the
    row restates the budget and says nothing of what the output costs — the unit cost the goal
    states (``704元/村``) or the cost of each part is what a cost target sets (财预〔2021〕101号:
    成本指标 reflect the cost of the outputs). Flagged when the name is one of funding (金额, 资金,
    补助, 补贴, 拨款, 预算, 经费) with no word of cost (成本, 费用, 价, 投资, 定额, 支出) and no per-unit
    word (``unit-cost-as-total``'s), and the amount is the whole budget. A total cost equal to the
    budget (``项目总成本 ≤90万元``, ``项目计划总投资 20万元``) is a cost and is not flagged, nor a
    part of the budget under a funding name (``市级配套资金 2万元`` of 5万元). The project's own name as the cost
    row's (``市民中心运行维护费 150万`` in the project 市民中心运行维护费 of 150万元) restates the budget whatever its
    words: the row is the project, not a cost of its output; a bare 万 in a cost row is 万元. So is a cost row
    named by a judgement of the cost (``实际成本与工作内容的匹配程度 45万`` in a project of 45万元: 程度, 合理性,
    匹配度), whatever its words: it names no cost item, and the amount is the budget.
    """
    per_unit = word_set("names", "per_unit")
    out = []
    for row, _cost in flagged(document, ECONOMIC_COST):  # (the cost rows missing-cost-indicator asks for)
        project, indicator, name = row.project, row.indicator, row.name
        target = indicator.target
        total = _budget(project)  # (the flagged cost rows, not _budgeted's every row of every project)
        if not row.cost or total is None or target.value is None:
            continue
        own = project.name or ""
        own_name = bool(own) and name[:2] == own[:2] and bare(name) == bare(own)
        assessed = name.endswith(_ASSESSMENT_ENDINGS)  # 实际成本与工作内容的匹配程度 45万: a judgement, not a cost
        if not own_name and not assessed and _FUNDING_NAME.search(name) is None:
            continue
        factor = money_in("万元" if target.unit == "万" else target.unit, document.money_unit)
        if factor is None or (target.upper or target.value) * factor != total:
            continue
        if not (own_name or assessed) and (_COST_WORD.search(name) is not None
                                           or any(word in name for word in per_unit)):
            continue
        budget = f"{format_decimal(total)}{document.money_unit or '万元'}"
        out.append(at_indicator(project, row.position, indicator, "level3",
                                f"成本指标{quote(indicator.level3)}是评价用语，指标值{quote(target.raw)}就是项目预算总额"
                                f"{budget}，没有写明哪项产出花多少钱" if assessed else
                                f"成本指标{quote(indicator.level3)}（{target.raw}）就是项目预算总额{budget}，照抄了预算，"
                                "没有反映产出的成本",
                                "写明单位产出的成本（如「≤704元/村」「≤300元/人」）或各项支出的成本，"
                                "不要只重复预算总额"))
    return out


@rule("total-cost-below-budget", title="项目总成本远低于预算", dimension="适当性", severity="warning",
      params={"under": Decimal("0.8")})
def total_cost_below_budget(document: Document, settings: RuleSettings) -> list[Finding]:
    """A cost row naming the project's whole cost set far below the project's budget.

    ``项目总成本 ≤5万元`` in a project of 100万元: the whole cost cannot be a twentieth of the money granted — the
    cost or the budget is wrong, and the rest of the money buys nothing the table names. Flagged when a cost row is
    named as the whole (项目总成本, 总成本, 项目计划总投资, 总费用, 成本总额; a name without 总 — 成本, 项目成本 — only
    when it is the project's one cost row in money: tables that put 成本 in the 三级 column and the item in the
    description give several) and its amount, in the table's money unit, is below ``under`` (default 0.8) of the
    预算数 — of the 年初预算数 where a 自评 gives it beside the adjusted one (the budget the target was set against).
    Not flagged: the project's cost rows in money that together reach ``under`` of it (the whole and its parts), an
    amount equal to the 财政资金, the 其他资金 or the 年初预算数 (``项目总成本 ≤30万元`` of 100万元, 30 of them
    财政: the part the unit pays), a floor (``≥5万元`` caps nothing), the cost of a part (出差总成本,
    设备购置成本), a unit cost (元/亩: ``unit-cost-vs-budget``'s), a total equal to the budget and one above it
    (``cost-over-budget``'s).
    """
    under = Decimal(settings.param("under"))
    out = []
    for project, own, total in _budgeted(document):
        if not any(row.cost and _WHOLE_COST.match(row.name) for row in own):
            continue  # (most projects: their costs are not summed)
        budget = project.budget
        base = budget.initial if budget.initial else total  # the 自评's 年初预算数: what the target was set against
        costs = [(row, amount) for row in own
                 if row.cost and (amount := _cost_amount(row, document.money_unit)) is not None]
        if sum(amount for _row, amount in costs) >= base * under:
            continue
        for row, amount in costs:
            whole = _WHOLE_COST.match(row.name)
            if (whole is None or (not whole.group(1) and len(costs) > 1) or row.indicator.target.op in (Op.GE, Op.GT)
                    or amount in (budget.fiscal, budget.other, budget.initial)):
                continue
            money_unit = document.money_unit or "万元"
            percent = amount * 100 / base
            share = "不到1%" if percent < 1 else f"的{format_decimal(percent.quantize(Decimal(1)))}%"
            label = "年初预算数" if base != total else "项目预算数"
            out.append(at_indicator(project, row.position, row.indicator, "target",
                                    f"成本指标{quote(row.indicator.level3)}是项目的总成本，指标值"
                                    f"{quote(row.indicator.target.raw)}却只占{label}（{format_decimal(base)}"
                                    f"{money_unit}）{share}：总成本与预算不符，其余资金的用途表中没有说明",
                                    f"核实成本测算：项目总成本应与预算数相符（如「项目总成本 ≤{format_decimal(base)}"
                                    f"{money_unit}」）；只是其中一项费用的，名称写明是哪一项（如「设备购置成本」）"))
    return out


def _cost_amount(row: Row, money_unit: str | None) -> Decimal | None:
    """A cost row's amount of money in the table's money unit (a bare 万 is 万元), None for a unit cost or no money."""
    target = row.indicator.target
    factor = money_in("万元" if target.unit == "万" else target.unit, money_unit)
    return None if factor is None or target.value is None else (target.upper or target.value) * factor


# The project's whole cost by its name (项目总成本, 项目计划总投资, 成本总额), not a part's (出差总成本,
# 设备购置成本); the group holds the word that says whole (总), a bare 成本 or 项目成本 having none.
_WHOLE_COST = re.compile(r"^(?:本?项目)?(?:年度|计划|全年)?(?:(总成本|总投资|总费用|总支出|成本总额)|成本)$")
