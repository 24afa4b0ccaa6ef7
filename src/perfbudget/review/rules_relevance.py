"""相关性 (relevance): each indicator sits where its meaning belongs and measures results."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from perfbudget.domain_words import EXECUTION_RATE
from perfbudget.framework import (
    DEPARTMENT_FRAMEWORKS,
    DEPARTMENT_LEVEL2,
    DEPARTMENT_PROCESS_LEVEL1,
    DEPARTMENT_SATISFACTION2,
    FRAMEWORK_2015,
    FRAMEWORK_2021,
    FRAMEWORKS,
    LEVEL1_COST,
    LEVEL1_EFFECT,
    LEVEL1_NAMES,
    LEVEL1_OUTPUT,
    LEVEL1_SATISFACTION,
    PROCESS_LEVEL1,
    Framework,
)
from perfbudget.model import Document, Indicator, Op, Target
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import (
    CACHE_SIZE,
    Row,
    at_indicator,
    at_project,
    bare,
    count_example,
    count_unit,
    department_framework,
    flagged,
    flagged_by_project,
    framework_of_project,
    indicator_check,
    is_money_unit,
    misfiled_level1,
    money_in,
    project_rows,
    quote,
    unit_note,
)
from perfbudget.review.language import figures, project_category, word_set
from perfbudget.review.registry import rule
from perfbudget.review.rules_goals import repeats_purpose, unmeasured_goals
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal
from perfbudget.text_caches import keyed_on_texts
from perfbudget.time_target import parse_due

# Money going in (投入), not results coming out: 资金使用率, 预算执行率, 资金到位率, 资金拨付及时率,
# 投入资金 ... "财力、人力和物力等投入数量不能作为绩效目标" (88号).
_INPUT_NAME = re.compile(
    r"(?:资金|经费|预算|财政资金|拨款|款项)(?:使用|到位|执行|拨付|支付|兑付|支出|下达|落实|消化)(?:及时|完成|时效)?(?:率|性|进度率?|比例|情况)$"
    # a yes/no question whether the money arrived or went where it should (资金是否全部及时纳入,
    # 资金是否全部纳入医保统筹): the money going in, asked as a question
    r"|^(?:财政|补助|专项|配套)?(?:资金|经费|款项)是否[^，,。；]{0,6}?(?:使用|到位|执行|拨付|支付|兑付|下达|纳入|拨入|落实)"
    r"|(?:支付|拨付|兑付|下达|到位)(?:资金|经费|款项)"
    r"|(?:资金|经费|预算|款项)[^，,。；]{0,4}?(?:使用|到位|执行|拨付|支付|兑付|下达|支出)(?:率|性|情况|进度|比例|周期)?$"
    r"|费用使用(?:率|情况|进度|比例|周期)$"
    rf"|{EXECUTION_RATE.pattern}|^支出进度$"
    # money laid out reaching its users: 业务工作支出到位率
    r"|支出(?:到位|拨付|下达)(?:及时)?(?:率|性|情况)$"
    r"|^(?:投入|使用|支出|拨付)(?:资金|经费)(?:总额|金额|数额|数)?$|^资金(?:投入|使用|支出)(?:额|金额|总额|数)$"
    # budget execution: what is left over, how often the budget is rearranged (结余率, 科目调整次数)
    r"|^(?:预算|资金|经费|财政资金)?结余(?:率|比例)$|^(?:预算|科目|预算科目)调整(?:次数|率)$"
    # staff sent on trips is manpower going in (人力投入), not what the project delivers
    r"|^(?:出差|差旅)(?:人数|人次|次数|天数)$"

    # money guaranteed to cover a cost (经费保障率, 利息费用保障率, 利息补贴保障率): the money going in
    r"|(?:资金|经费|费用|利息)(?:补贴|补助)?(?:足额)?保障(?:率|程度|情况)$"
)
# A character of every alternative of _INPUT_NAME (its money words): a name holding none is not searched.
_INPUT_CHARS = frozenset("资经预款费支结调差息")
# The money granted (预算资金拨款率): 拨款 as 拨付. Apart from _INPUT_NAME and tried only on names holding 拨款, as
# _MONEY_SUPPLY is (one more verb there made every search of a name holding 资金 dearer).
_MONEY_GRANTED = re.compile(r"(?:资金|经费|预算|款项)[^，,。；]{0,4}?拨款(?:及时)?(?:率|性|情况|进度|比例)?$")
# The money a work needs being supplied (所需资金的供应时效, 经费供给率): the money going in. Apart from
# _INPUT_NAME and tried only on names holding 供: one more alternative there made every search 45% dearer.
_MONEY_SUPPLY = re.compile(r"(?:资金|经费|款项)的?(?:供应|供给)(?:及时)?(?:时效|率|性|情况|进度)?$")
_MANPOWER = re.compile(r"^(?:出差|差旅)")
# The money a work costs paid out (参保工作经费应发尽发率, 工作经费发放及时率): the unit's own working funds
# reaching those who do the work, the money going in. A benefit paid out (补助发放率, 补助经费发放及时率) is the
# service of a subsidy and is not matched. Tried only on names holding 经费 and 发, as _MONEY_SUPPLY is.
_WORK_FUND_PAID = re.compile(r"(?:工作|办公|业务|办案|运转|运行)经费[^，,。；]{0,4}?(?:应发尽发|足额发放|发放)"
                             r"(?:及时)?(?:率|性|情况|比例)?$")
# A level of government's matching money arriving (地方配套到位率, 县级配套拨付率): 配套 is that money, as 资金 is in
# 配套资金到位率. 设施配套 (facilities to go with a work) is no level's. Tried only on names holding 配套.
_MATCHING_FUNDS = re.compile(r"(?:地方|省级|市级|州级|县级|区级|本级|财政|自筹)配套(?:资金|经费)?"
                             r"(?:到位|拨付|落实|兑付)"
                             r"(?:及时)?(?:率|性|情况|比例)?$")
# The money invested as the work done: 按期完成投资 (the investment is the input; 32.1公里 built is the output).
# Apart from _INPUT_NAME and tried only on names holding 投资, as _MONEY_SUPPLY is.
_INVESTMENT_DONE = re.compile(r"(?:按期|按时|如期|及时)?完成(?:年度|计划)?投资(?:任务)?$")
# Materials a work consumes (施工材料 1批, 建筑材料): 物力投入 as a quantity. 宣传材料 handed out is an output.
_MATERIALS = re.compile(r"(?:施工|建筑|建设|工程|装修|装饰)(?:用)?材料$|^(?:原|主要)?材料$")
# The project's own money stated as an output: 工程资金金额 43.2 under 数量指标. Only under 产出
# (not 成本): an effect such as 带动社会资金投入金额 (money drawn in) is a result.
_INPUT_AMOUNT = re.compile(r"(?:资金|经费|预算|投资)(?:金额|总额|额|数额)$")
# Money drawn in, saved or brought in (带动社会资金投入金额, 节约资金), and loans a bank lends on the project's
# guarantee or interest subsidy (创业担保贷款发放额 4000万元: the output of a 贴息 project, not its money; the
# subsidy itself, 贷款贴息资金, is).
_DRAWN_IN = re.compile(r"带动|撬动|吸引|引导|引进|招商|社会|融资|节约|节省|增收|收入|收益|贷款(?!贴息|利息)")


def drawn_in(text: str) -> bool:
    """Whether a name is of money drawn in, saved or brought in, or lent on the project (``_DRAWN_IN``): more is
    better, not the project's own money."""
    return _DRAWN_IN.search(text) is not None


# How well money is handled (合规, 准确 …) is a quality of fund management, not spending as such.
_MANAGEMENT = re.compile(r"合规|规范|准确|安全|正确|合法")


_NOTE_AFTER = re.compile(r"[（(][^()（）]*[)）]$")
# A target written after a rate in the name: 年度资金支付完成率100% (the name is 资金支付完成率).
_TARGET_AFTER_RATE = re.compile(r"(?<=率)[≥≤><=]*\d+(?:\.\d+)?[%％]$")


# A name written as the way it is measured: 以资金的使用进度为衡量标准 measures 资金的使用进度.
_MEASURED_BY = re.compile(r"^以(.+?)为?(?:衡量|考核|评价|评判)?(?:标准|依据|尺度)$")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def is_input_name(name: str) -> bool:
    """True for names that measure money spent or disbursed (an input, not an output)."""
    if name.endswith((")", "）")):  # 结余率(计算方法为:结余数/预算数): the note explains, the name measures
        name = _NOTE_AFTER.sub("", name) or name
    text = bare(name)
    # each pattern is tried only where it can match (a search costs more than these looks): a target after a rate
    # ends in %, a name written as its measure starts with 以, and every money word of _INPUT_NAME holds one of
    # _INPUT_CHARS (资金, 经费, 预算, 款项, 费用, 支出, 结余, 调整, 出差, 利息)
    if text.endswith(("%", "％")):
        text = _TARGET_AFTER_RATE.sub("", text)
    if text.startswith("以") and (measured := _MEASURED_BY.match(text)) is not None:
        text = measured.group(1)
    return (((not _INPUT_CHARS.isdisjoint(text) and _INPUT_NAME.search(text) is not None)
             or ("供" in text and _MONEY_SUPPLY.search(text) is not None)
             or ("投资" in text and _INVESTMENT_DONE.match(text) is not None)
             or ("经费" in text and "发" in text and _WORK_FUND_PAID.search(text) is not None)
            or ("配套" in text and _MATCHING_FUNDS.search(text) is not None)
            or ("拨款" in text and _MONEY_GRANTED.search(text) is not None))
            and _MANAGEMENT.search(text) is None)


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def is_input_amount(name: str) -> bool:
    """True for names that state the project's money as an amount (工程资金金额, 项目投资额)."""
    text = bare(name)
    return bool(_INPUT_AMOUNT.search(text)) and _DRAWN_IN.search(text) is None


_SATISFACTION_END = re.compile(r"满意(?:度|率|程度)$")


def is_satisfaction_name(name: str) -> bool:
    """…满意度 / …满意率 / …满意程度 (a 满意度调查次数 is a count, not a satisfaction)."""
    return "满意" in name and _SATISFACTION_END.search(name) is not None


@rule("input-as-output", title="把投入当作产出", dimension="相关性", severity="error")
def input_as_output(document: Document, settings: RuleSettings) -> list[Finding]:
    """An input (money spent, funds disbursed) used as an output or effect indicator.

    Names such as 资金使用率, 资金到位率, 预算执行率, 资金拨付及时率, 投入资金 measure what goes into
    a project, not what it delivers: "财力、人力和物力等投入数量不能作为绩效目标" (财预〔2015〕88号).
    Budget execution is scored separately in self-evaluation. Cost indicators (成本指标) are not
    affected. Only names built on 资金/经费/预算 are matched: 补助发放及时率 (handing out a
    subsidy) is a legitimate output of a subsidy project. Under 产出 (not 成本), the project's
    own money stated as an amount (工程资金金额, 项目投资额) is an input too; money drawn in
    from others (带动社会资金投入金额) is a result and is not flagged. Widened on real tables:
    the money words anywhere in the name (支付资金 inside 按时支付资金比例; the spending rate with words between,
    ``补助资金年度支出率``), …性 as well as …率
    (经费到位及时性, 经费支出时效性), and an amount of money (``550万元``) as a 数量指标 value — the quantity
    delivered is not the money spent. How well money is managed (资金使用合规率, 支付准确率)
    is not flagged. Manpower going in counts too: 出差人数, 出差人次 ("人力…投入数量"), and the staff hired named as
    the output in people, a roster of posts (``聘用讲解员、综治队员以及物业管理人员 32人``: what they do is the output;
    one post hired for the service bought, ``聘用调解员人数 1人``, is not flagged). So does budget
    execution: what is left over (结余率) and how often the budget is rearranged (科目调整次数), a note
    after the name (``结余率(计算方法为:结余数/预算数)``) aside. Money guaranteed to cover a cost
    (经费保障率, 利息费用保障率, 利息补贴保障率) is the money going in; 应急保障率 is not money. A name
    written as the way it is measured is read for what it measures (以资金的使用进度为衡量标准). A
    flat list without any 一级 — a 部门整体 self-evaluation's management indicators (预算完成率,
    预算调整率, 结转结余率 beside 播发稿件数量) — files nothing as an output or effect and is not
    flagged; the same names under 产出 or 效益 are. The money asked about in a yes/no question
    (资金是否全部及时纳入, 资金是否全部纳入医保统筹), a payment's progress rate (资金支付进度率) and the
    investment completed as the row's work (``按期完成投资``; ``完成投资项目数`` counts projects)
    are inputs too; 资金使用是否合规 (management) and 设备是否全部及时安装到位 (not money) are not.
    So is the money a work needs being supplied (所需资金的供应时效, 经费供给率); 物资供应及时率 is not
    money and is not flagged. Materials a work consumes as a 数量指标 (``施工材料 1批``, 建筑材料) are
    物力投入; 宣传材料 handed out is an output and is not flagged. A 数量指标 phrase that ends in an
    amount of money (``对学校2400平米体育场馆补贴5万元。``) gives the money as the quantity too; an
    amount inside the phrase (``补贴5万元用于维修2处场馆``) is not flagged. A fee as the 数量 name
    (``安置小区物业费 8个``: the money counted, not the estates managed) is an input; a fee handed out,
    waived or paid for someone (发放取暖费, 减免学费, 代缴保险费) is a service and is not flagged. So is
    the staff the unit employs beyond its establishment counted as the 数量 (``编外人员数量 153``,
    临聘人员数): manpower going in. A process group's rows (the investment plans' 过程管理指标: 中央预算内投资
    支付率, 年度计划投资完成率; a 部门整体 form's 管理指标, 投入 and 过程, 运行成本 and 管理效率: 预算执行率,
    结转结余率, in a table of that form) are the form's own process indicators, not outputs, and are not flagged.
    The unit's working funds paid out to those who do the work (参保工作经费应发尽发率, 工作经费发放及时率,
    办案经费足额发放率) are the money going in too; a benefit paid out (补助经费发放及时率, 津贴发放率) is a
    subsidy's service and is not flagged. The money granted (``预算资金拨款率`` under 数量: 拨款 as 拨付 is) is
    the money going in too. In a two-level table (产出 with no 二级) an output whose value is an amount of money and
    whose name names no money or cost (保山's ``市级森林防火物资储备 ≥80万元``) says what is spent, not what it buys;
    ``项目总投入 ≤60万元`` there is the table's cost row and is not flagged.
    """
    return [at_indicator(row.project, row.position, row.indicator, *verdict)
            for row, verdict in flagged(document, _INPUT_AS_OUTPUT)
            if len(verdict) == 3 and not _own_process(document, row)]


def is_input_row(document: Document, row: Row) -> bool:
    """Whether ``input-as-output`` tells the row as money going in by its name (资金支付完成率, 补助经费到位及时性): an
    input name filed as an output or effect, not a cost row, a list without 一级, a process group or a 部门整体 form's
    own management group. The rules that would ask such a row for its value ask to delete it instead
    (:data:`INPUT_ROW_ADVICE`), where, and only where, input-as-output says the row is an input."""
    return _filed_as_output(row) and is_input_name(row.name) and not _own_process(document, row)


# What a rule asks of a row input-as-output tells (is_input_row) in place of a value: to delete it, as that rule does.
INPUT_ROW_ADVICE = ("这项衡量的是资金投入（到位、支付或支出），不是产出：删去该指标，"
                    "改设反映产出的指标并写明可衡量的指标值")


def input_row_advice(document: Document, row: Row, settings: RuleSettings, suggestion: str) -> str:
    """What a rule asks of a row: :data:`INPUT_ROW_ADVICE` where ``input-as-output`` runs in the same review and
    tells the row (:func:`is_input_row`), else the rule's own ``suggestion`` (a region switching that rule off
    keeps the rule's fix: nothing would say why the row goes)."""
    return INPUT_ROW_ADVICE if settings.runs("input-as-output") and is_input_row(document, row) else suggestion


def _filed_as_output(row: Row) -> bool:
    """A row input-as-output reads: not a cost row, under a 一级 written, not the investment plans' 过程管理指标 (a
    flat list without 一级, 部门整体's management indicators, files nothing as an output)."""
    return not row.cost and bool(row.indicator.level1.strip()) and row.level1 not in PROCESS_LEVEL1


def _own_process(document: Document, row: Row) -> bool:
    """A 部门整体 form's own management group (预算执行率 under its 管理指标), in a table of that form."""
    return row.level1 in _DEPARTMENT_PROCESS and _in_process_group(document, row)


# The 部门整体 forms' process groups (管理指标, 投入, 过程, 运行成本, 管理效率): the form's own management
# indicators (预算执行率, 结余率, 政府采购执行率) in a table of that form, not outputs taken for inputs.
_DEPARTMENT_PROCESS = DEPARTMENT_PROCESS_LEVEL1


def _in_process_group(document: Document, row: Row) -> bool:
    framework = department_framework(document, row.project)
    return framework is not None and row.level1 in framework.process


def _input_fault(row: Row) -> tuple[str, str, str] | tuple[str, str, str, str] | None:
    """``input-as-output``'s (field, message, suggestion) for one indicator, ``management-as-output``'s
    ("management", field, message, suggestion), or None."""
    if not _filed_as_output(row):
        return None  # a flat list without 一级 (部门整体's management indicators) files nothing as an output;
        # nor does a process group (the investment form's 过程管理指标: 资金支付率 is its own there)
    indicator, level1, level2, name, key = row.indicator, row.level1, row.level2, row.name, row.key
    if level2 == "数量指标" and (verdict := _quantity_input(indicator, name, key)) is not None:
        return verdict
    if (not level2 and level1 == LEVEL1_OUTPUT and _MONEY_WORDS.search(key) is None
            and money_as_quantity(indicator.target, key)):
        # a two-level table's output counted in money (保山's 市级森林防火物资储备 ≥80万元, round 33): what the money
        # buys is not said; a cost or a sum of money by its name (项目总投入, 补助标准) is the table's cost row
        return ("target",
                f"产出指标{quote(indicator.level3)}的指标值是金额（{indicator.target.raw}），只说了花多少钱，"
                "没有说明完成了什么、多少",
                "写明这笔钱形成的产出和数量，如「储备扑火工具≥500件」「维修设施≥3处」；金额放在成本指标下")
    if not (is_input_name(name) or (level1 == LEVEL1_OUTPUT and is_input_amount(name))):
        # how money is handled (management-as-output's verdict: four parts, the rule's name first)
        # (合规, 规范, 违规; 制度健全: two looks are cheaper than the search)
        return _management_fault(row) if "规" in key or "制度" in key else None
    return ("level3",
            f"{quote(indicator.level3)}衡量的是{'人力投入' if _MANPOWER.search(name) else '资金投入或预算执行'}，"
            "不是项目的产出或效益，投入不能作为绩效目标",
            "删去该指标（预算执行情况在自评时另行计分），改为反映项目实际产出的指标，如完成的服务次数、数量或质量")


# A name that says it is money or its cost (成本, 费用, 投资, 补助标准 …): a two-level table's cost row, not an output.
_MONEY_WORDS = re.compile(r"成本|费|投资|投入|价|标准|预算|资金|经费|补助|补贴|金额|资助|奖励|收入|产值|效益|节约")


def money_as_quantity(target: Target, key: str) -> bool:
    """Whether a 数量指标's target is the project's money as an amount (``800万元``): not money drawn in or lent
    (``本年度创业担保贷款发放额 4000万元``: a lending scheme's output), ``key`` being the row's bare name."""
    return target.value is not None and money_in(target.unit, "元") is not None and _DRAWN_IN.search(key) is None


def _quantity_input(indicator: Indicator, name: str, key: str) -> tuple[str, str, str] | None:
    """``input-as-output``'s verdict for a 数量指标: money, materials, a fee or the unit's own staff as the quantity."""
    target = indicator.target
    if money_as_quantity(target, key) and not is_input_name(name):
        return ("target",
                f"数量指标{quote(indicator.level3)}的指标值是金额（{target.raw}），花多少钱是投入，不是产出的数量",
                "写明这笔钱完成的数量，如「补助农户≥500户」「维修道路≥3公里」；金额放在成本指标下")
    if target.value is None and "元" in target.raw and _ends_in_money(target.raw):
        return ("target",
                f"数量指标{quote(indicator.level3)}的指标值{quote(target.raw)}落在一笔金额上，花多少钱是投入，"
                "不是产出的数量",
                "写明这笔钱完成的数量，如「免费开放体育场馆≥2400平方米」「开放≥200天」；金额放在成本指标下")
    if "材料" in name and _MATERIALS.search(name):
        return ("level3",
                f"数量指标{quote(indicator.level3)}是工程用的材料（{target.raw}），是物力投入，不是项目的产出",
                "写明材料建成或安装的成果，如「改造库房≥5间」「安装灭火装置10套」；材料费放在成本指标下")
    if ("费" in key and target.value is not None and money_in(target.unit, "元") is None
            and _FEE_NAME.fullmatch(key) and _FEE_ACTION.search(key) is None):
        return ("level3",
                f"数量指标{quote(indicator.level3)}是一笔费用（{target.raw}），费用是投入，不是这笔钱完成的产出",
                "写明这笔费用换来的产出，如「管理安置小区8个」「保洁面积≥5万平方米」；费用放在成本指标下")
    if ("聘" in key or "编外" in key or "派遣" in key or "雇" in key) and (
            _STAFF_COUNT.search(key) or (target.unit in ("人", "名") and _HIRED_STAFF.match(key))):
        return ("level3",
                f"{quote(indicator.level3)}（{target.raw}）是单位自己用人的数量，是人力投入，不是项目的产出",
                "删去该指标（用人控制属于单位管理），改为反映服务的指标，如「护理服务对象≥283人」「开展安全排查≥6次」")
    return None


_INPUT_AS_OUTPUT = indicator_check(
    _input_fault, needs=lambda shape: not shape[2] and shape[6] and shape[0] not in PROCESS_LEVEL1)
# A fee as the 数量 name (``安置小区物业费 8个``): the money, counted; a fee handed out, waived or paid
# for someone (发放取暖费, 减免学费, 代缴保险费) is a service and is not flagged.
_FEE_NAME = re.compile(r"[^\d]{1,12}?费用?")
_FEE_ACTION = re.compile(r"发放|免|减|补|资助|缴|收|奖|救助|慰问|代|退|垫|报销|节约|节省|降")
# The staff the unit employs beyond its establishment, counted (编外人员数量 153, 临聘人员数): manpower going in.
_STAFF_COUNT = re.compile(r"^(?:控制|严控|严格控制)?(?:编外|临聘|聘用|外聘|劳务派遣)(?:人员|工作人员|用工)?"
                          r"(?:数量|人数|数|总数|控制数)$")
# The staff hired named as the output, a roster of posts in people (聘用讲解员、综治队员以及物业管理人员 32人): the
# people the money employs to run the place, manpower going in; what they do (讲解服务人次, 保洁面积) is the output.
# One post hired for the service the project buys (聘用调解员人数 1人) is not matched.
_HIRED_STAFF = re.compile(r"^(?:聘用|聘请|外聘|临聘|雇用|雇佣)[^，,；;、]{1,8}?员(?:、|以及|及|和)+"
                          r"[^，,；;]{1,16}?(?:员|人员|队员)(?:数量|人数|数)?$")

# How the unit handles its money (资金使用合规性, 经费支出合规率, 资金管理规范性, 经费审批流程规范性,
# 资金使用是否合规): its management, which the self-evaluation scores apart (项目管理), not a result.
# How it buys (采购程序规范性, 招标程序合规率) is the same: the procedure every purchase must follow.
_MONEY_HANDLING = re.compile(r"(?:资金|经费|财务|款项|(采购|招标|招投标))[^，,。；、]{0,6}?(?:合规|规范"
                             # money used without breaking the rules (资金使用无重大违规违纪问题): compliance too
                             r"|(无|未发生|不发生|没有)(?:重大)?(?:违规|违纪|违法)+(?:问题|行为|现象|情况)?$)"
                             r"(?:性|率|度|程度|情况)?$"
                             # the scoring frame's own management rows (管理制度健全性, 管理制度健全、执行有效性)
                             r"|(制度)(?:健全|完善|执行)[^，,。；]{0,8}?性$")


@rule("management-as-output", title="把资金管理当作产出", dimension="相关性", severity="warning")
def management_as_output(document: Document, settings: RuleSettings) -> list[Finding]:
    """How the unit handles the money (``资金使用合规性``, ``经费支出合规率``, ``资金管理规范性``,
    ``经费审批流程规范性``) set as an output or an effect.

    Spending the money by the rules is what every project must do, and the self-evaluation scores it
    apart (项目管理: 资金使用合规性, 管理制度执行有效性 — 财预〔2020〕10号's scoring frame); as a
    质量指标 it says nothing of the quality of what the money delivers (验收合格率, 达标率), and as an
    effect nothing of a result. Only names built on the money (资金, 经费, 财务, 款项) or on how it buys
    (采购, 招标: ``采购程序规范性 100%`` says nothing of the cars bought) and ending in 合规/规范 are flagged,
    under 产出 or 效益 (not 成本). A payment's compliance to its beneficiaries
    (``补贴发放合规率``: whether each payment went to whom the rules say) and an eligibility check
    (``补助资格合规性``) are a quality of the subsidy delivered and are not flagged; a flat list
    without 一级 (a 部门整体 self-evaluation's management indicators) files nothing as an output. Money used
    without breaking the rules (``资金使用无重大违规违纪问题`` as a social effect) is compliance too, and so are the
    scoring frame's own management rows (``管理制度健全性``, ``免费开放管理制度健全、执行有效性``); writing the
    rules as the work (``制定管理制度 ≥3项``) is not flagged.
    """
    # (input-as-output's check gives this rule's verdicts too, as four parts: one pass over the rows)
    return [at_indicator(row.project, row.position, row.indicator, *verdict[1:])
            for row, verdict in flagged(document, _INPUT_AS_OUTPUT) if len(verdict) == 4]


def _management_fault(row: Row) -> tuple[str, str, str, str] | None:
    """``management-as-output``'s ("management", field, message, suggestion) for an indicator that is no
    input (read by ``_input_fault``, which has ruled out cost rows and flat lists), or None."""
    if row.level1 not in (LEVEL1_OUTPUT, LEVEL1_EFFECT) or (handled := _MONEY_HANDLING.search(row.key)) is None:
        return None
    where = "产出的质量" if row.level1 == LEVEL1_OUTPUT else "项目带来的效益"
    what = ("管理制度是否健全、是否执行" if handled.group(3) else
            f"{'采购、招标的程序' if handled.group(1) else '资金使用或管理'}是否合规")
    target = row.indicator.target
    below = target.unit == "%" and target.value is not None and target.value < 100 and target.op not in (Op.LE, Op.LT)
    short = f"；目标{target.raw}还等于允许部分资金违规使用" if below and not handled.group(3) else ""
    good = ("质量指标写产出本身的质量，如「维修工程验收合格率100%」「服务达标率≥95%」" if row.level1 == LEVEL1_OUTPUT
            else "效益指标写项目带来的变化，如「受益人数≥500人」「群众参与率≥80%」")
    return ("management", "level3",
            f"{quote(row.indicator.level3)}衡量的是{what}，是每个项目都要遵守的管理要求"
            f"（自评时在项目管理部分另行计分），不是{where}{short}",
            f"删去该指标；{good}")

_TRAILING = re.compile(r"[。．.，,；;！!\s]*$")


def _ends_in_money(raw: str) -> bool:
    """True for a phrase whose last figure is an amount of money closing it (``对学校2400平米体育场馆补贴5万元。``)."""
    found = figures(raw)
    if not found:
        return False
    _value, unit, _start, end = found[-1]
    return money_in(unit, "元") is not None and _TRAILING.fullmatch(raw, end) is not None


@rule("satisfaction-outside-group", title="满意度指标放错一级", dimension="相关性", severity="warning")
def satisfaction_outside_group(document: Document, settings: RuleSettings) -> list[Finding]:
    """A satisfaction indicator (…满意度, …满意率, …满意程度) outside the 满意度指标 group.

    Satisfaction used in place of an output or effect double-counts the 满意度 points and
    leaves the output or effect it displaces unmeasured. A 部门整体 form that puts it under its effects (the
    共性 form's 效果 — 社会公众或服务对象满意度) is followed: there, under that 二级, it is in its place. A row with
    no 一级 (written, or read from its 二级) is in no group: ``missing-level1-group`` says the list has no 一级.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level1",
                         f"满意度指标{quote(row.indicator.level3)}放在了"
                         f"「{row.indicator.level1.strip() or row.level1}」下，满意度不能代替产出或效益",
                         "把它移到「满意度指标—服务对象满意度指标」下，并在原位置补充真正的产出或效益指标")
            for row, _outside in flagged(document, _SATISFACTION_OUTSIDE)
            if not (row.level2 in _SATISFACTION_LEVEL2 and _satisfaction_placed(document, row))]


_SATISFACTION_LEVEL2 = frozenset(DEPARTMENT_SATISFACTION2)


def _satisfaction_placed(document: Document, row: Row) -> bool:
    """A satisfaction row under its own 二级 where a 部门整体 form puts it (the 共性 form's 效果 — 社会公众或服务对象
    满意度)."""
    framework = department_framework(document, row.project)
    return framework is not None and row.level1 in framework.satisfaction


def _satisfaction_outside(row: Row) -> bool | None:
    """True for a satisfaction indicator outside the 满意度指标 group (``satisfaction-outside-group``)."""
    # (a row with no 一级 at all, written or read from its 二级, is in no group: missing-level1-group says the
    # table has no 一级; 「」 is no place to move it from)
    return True if row.level1 and row.level1 != LEVEL1_SATISFACTION and is_satisfaction_name(row.name) else None


_SATISFACTION_OUTSIDE = indicator_check(_satisfaction_outside,
                                       needs=lambda shape: shape[0] not in ("", LEVEL1_SATISFACTION))


# Survey measures of how people feel, asked like satisfaction: 群众安全感, 获得感, 认可度.
_PERCEPTION = re.compile(r"(?:安全感|幸福感|获得感|认可度|认同度|信任度|好评率)$")


@rule("non-satisfaction-in-group", title="满意度指标下不是满意度", dimension="相关性", severity="warning")
def non_satisfaction_in_group(document: Document, settings: RuleSettings) -> list[Finding]:
    """An indicator under 满意度指标 that does not measure satisfaction.

    Under 满意度指标 only the satisfaction of the people served belongs (…满意度, …满意率).
    Something else there — e.g. 再信访率, which measures an effect — is scored as
    satisfaction while no one's satisfaction is measured. Survey measures asked the same way
    (群众安全感, 获得感, 认可度, 好评率) are accepted.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3", *verdict)
            for row, verdict in flagged(document, _NON_SATISFACTION_IN_GROUP)]


def _not_satisfaction(row: Row) -> tuple[str, str] | None:
    """``non-satisfaction-in-group``'s (message, suggestion) for one indicator, or None."""
    name = row.name
    if row.level1 != LEVEL1_SATISFACTION or "满意" in name or _PERCEPTION.search(name):
        return None
    return (f"{quote(row.indicator.level3)}不是满意度指标，却放在「满意度指标」下：按满意度计分，"
            "却没有调查任何人的满意程度",
            "把它移到效益指标（如社会效益指标）下，并在满意度指标下设置本项目服务对象的满意度，写明调查的是谁，"
            "如「受益群众满意度 ≥90%」「参训学员满意度 ≥90%」")


_NON_SATISFACTION_IN_GROUP = indicator_check(_not_satisfaction, needs=lambda shape: shape[0] == LEVEL1_SATISFACTION)


_COMPLETION = ("完成率", "完工率")
_PER_BASE = frozenset("/／")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def rate_given_as_count(name: str, raw: str) -> str | None:
    """The count (``37个``) a rate's phrase value gives instead of a share (覆盖率 written as
    ``实施乡镇社区基层医疗机构37个。``), or None: a name ending in 率 and a value whose only figures
    are counts, with no %. A count per a base (``≤6.5次/10万公顷``) is a rate."""
    if not name.endswith("率") or "%" in raw or "％" in raw:
        return None
    found = figures(raw)
    counts = word_set("units", "count")
    if not found or any(unit not in counts for _value, unit, _start, _end in found):
        return None
    if any(raw[end:end + 1] in _PER_BASE for _value, _unit, _start, end in found):
        return None  # a count per a base (≤6.5次/10万公顷, 例/万人): a rate written as one
    return "、".join(f"{format_decimal(value)}{unit}" for value, unit, _start, _end in found)




# A phrase value that opens with a share: 100%覆盖, ≥95%完成.
_LEADING_SHARE = re.compile(r"^[≥≤><=]*\d+(?:\.\d+)?\s*[%％][\u4e00-\u9fff]")


def _rate_in_quantity(row: Row) -> bool | None:
    """True for a rate (…率, or a value in %) under 数量指标 that is no input (what ``rate-under-quantity``
    judges further by its exempt endings and the project's category)."""
    if row.level2 != "数量指标":
        return None
    target = row.indicator.target
    if not (row.name.endswith("率") or target.unit == "%"
            or (not target.is_quantitative and _LEADING_SHARE.match(target.raw.strip()))):
        return None
    if not row.indicator.target.is_quantitative and rate_given_as_count(row.name, row.indicator.target.raw):
        return None  # the value is a count (覆盖率 written as …机构37个): unit-mismatch says it
    if target.unit not in (None, "%", "‰") and "/" not in target.unit and row.name.endswith("率"):
        return None  # 肥料利用率 ≧5组: a count under a rate's name; unit-mismatch says it (once)
    return None if is_input_name(row.name) else True


_RATE_IN_QUANTITY = indicator_check(_rate_in_quantity, needs=lambda shape: shape[1] == "数量指标")


@rule("rate-under-quantity", title="数量指标写成比率", dimension="相关性", severity="warning",
      params={"exempt": _COMPLETION})
def rate_under_quantity(document: Document, settings: RuleSettings) -> list[Finding]:
    """A rate (…率, or a value in %, or a phrase opening with one: ``100%覆盖``) under 数量指标.

    数量指标 states how much is delivered (…次, …人, …台); a rate such as 维护保障率 says
    nothing about quantity and belongs under 质量指标 or should be rewritten as a count.
    Names ending with an ``exempt`` suffix (default 完成率 and 完工率, widely accepted as the
    share of the planned quantity) and inputs (left to ``input-as-output``) are not flagged, nor a
    rate's name whose value is a count in another unit (``肥料利用率 ≧5组``): ``unit-mismatch`` says
    it, once. Nor a name that states the count with 100% as its value (``培智教学软件2套 100%``): the
    quantity is there, in the name, and ``value-in-name`` says to move it to the value.
    """
    from perfbudget.review.rules_conformity import counts_in_name
    from perfbudget.review.rules_feasibility import not_a_rate  # (they import this module)

    exempt = tuple(settings.param("exempt"))
    out = []
    for row, _rate in flagged(document, _RATE_IN_QUANTITY):
        project, position, indicator = row.project, row.position, row.indicator
        if row.name.endswith(exempt) or project_category(project.name, project.extras):
            continue  # 人员类/运转类: 发放覆盖率 is the simplified template's output
        if indicator.target.unit == "%" and not row.name.endswith("率"):
            if not_a_rate(row.name):
                continue  # 确保日常工作正常运行 100%: unit-mismatch says it is no rate (not twice, not both ways)
            if counts_in_name(row.name) is not None:
                continue  # 培智教学软件2套 100%: the count is in the name; value-in-name says to move it (one fault)
        example = None if row.name.endswith("率") else count_example(row.name, "项")
        # a rate's name has no count of its own to show: say what to write, not another project's 「维护设备≥20台次」
        unit = None if row.name.endswith("率") else count_unit(row.name)  # 应受助学生数 100%: a count, in 人
        out.append(at_indicator(project, position, indicator, "level2",
                                f"数量指标{quote(indicator.level3)}应以「{unit}」计量，指标值却写成比率"
                                f"（{indicator.target.raw}），看不出完成了多少" if unit else
                                f"数量指标{quote(indicator.level3)}是比率（{indicator.target.raw}），不反映产出的数量",
                                f"改写为具体数量（如{example}），或把该比率移到质量指标下" if example else
                                "改写为这项工作完成的具体数量，写明做了多少、用什么计量单位（如「…≥N人」「…≥N个」），"
                                "或把该比率移到质量指标下"))
    return out


_EFFECT_NAME = re.compile(r"效益|影响力|社会影响|带动|增收|可持续|增进|促进|知晓")
_COUNT_END = re.compile(r"(?:数量|次数|份数|个数|篇数|场次)$")
# A trade or business volume (服务外包在岸(万美元), 进出口额, 招商引资到位资金): what a sector or the firms
# achieve, in money; an effect the fund may help, not what it delivers.
_TRADE_VOLUME = re.compile(r"外包|进出口|出口|进口|贸易|交易|营业|销售|产值|招商|引资|外资")
_FOREIGN_MONEY = ("美元", "欧元", "港元")


@rule("effect-under-output", title="效益指标放在产出下", dimension="相关性", severity="warning")
def effect_under_output(document: Document, settings: RuleSettings) -> list[Finding]:
    """An effect (效益, 影响力, 带动, 增收, 可持续…) under 产出指标.

    Outputs are what the money delivers; effects are what follows from them. An effect
    under 产出 leaves the output unmeasured and mixes up the scoring of the two groups.
    Counts of things about effects (效益分析报告数量) are outputs and are not flagged. An aim
    (促进…, 增进…: 争取民心、增进乡情 as the name of a count of events) is an effect, and so is how
    many know of a policy (政策知晓率 under 质量: what the work achieved among people). A trade or
    business volume in money (``服务外包在岸(万美元) 20000``, ``进出口额 ≥5亿元``: 外包, 进出口, 贸易, 销售, 产值,
    招商, 引资 … with a money unit in the name's brackets or the value) is what firms or a region achieve, an
    economic effect, not what the fund delivers; a count (``服务外包企业数量 3``) or outsourced work without money
    (``保洁服务外包面积``) is an output.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level1", *verdict)
            for row, verdict in flagged(document, _EFFECT_UNDER_OUTPUT)]


def _effect_under_output(row: Row) -> tuple[str, str] | None:
    """``effect-under-output``'s (message, suggestion) for one indicator, or None."""
    if row.level1 != LEVEL1_OUTPUT or row.cost:
        return None
    name = row.name
    level3, unit = row.indicator.level3, row.indicator.target.unit
    if unit is None and level3.endswith((")", "）")):
        unit = unit_note(level3)  # 服务外包在岸(万美元) 20000
    if ((is_money_unit(unit) or (unit or "").endswith(_FOREIGN_MONEY))
            and (trade := _TRADE_VOLUME.search(name)) is not None and _COUNT_END.search(name) is None):
        return (f"{quote(level3)}统计的是{trade.group(0)}业务的金额（{unit}），"
                "是企业或地区的经营成果，属于经济效益，不是资金直接完成的产出，却放在产出指标下",
                "把它移到效益指标下的经济效益指标；在产出指标下写资金直接完成的工作（如「支持企业≥3家」"
                "「举办推介活动≥2场」）")
    match = _EFFECT_NAME.search(name)
    if match is None or (match.group(0) not in ("带动", "增收") and _COUNT_END.search(name)):
        return None
    return (f"{quote(row.indicator.level3)}描述的是效益（「{match.group(0)}」），却放在产出指标下",
            "把它移到效益指标下相应的二级指标，并在产出指标下写明直接产出")


_EFFECT_UNDER_OUTPUT = indicator_check(
    _effect_under_output, needs=lambda shape: shape[0] == LEVEL1_OUTPUT and not shape[2])


_ALLOWED: dict[str, set[str]] = {}
for _framework in (FRAMEWORK_2015, FRAMEWORK_2021):
    for _level1, _level2s in _framework.items():
        _ALLOWED.setdefault(_level1, set()).update(_level2s)
_KNOWN_FORMS = "、".join(framework.title for framework in FRAMEWORKS)


@rule("level-not-in-framework", title="一级、二级指标不在指标体系内", dimension="相关性", severity="warning")
def level_not_in_framework(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 一级 name outside the framework, or a 二级 that does not belong under its 一级.

    Both frameworks are accepted (2015: 产出/效益/满意度 with 成本 under 产出; 2021: 成本 as a
    一级). Names are compared normalised, so 产出指标(50分), 经济效益 + 指标 split over two
    cells, 社会公众或服务对象满意度指标 and a 二级 whose typist wrote a word twice (社会效益效益指标, read as
    社会效益指标) are fine. The 中央预算内投资计划绩效目标表 (``framework.INVESTMENT``) is fine too:
    产出指标/效益指标/满意度指标 (or their 二级) as the 二级 under 实施效果指标 (or 效果指标, 绩效指标), and
    过程管理指标 with the form's own 二级 (计划管理, 资金管理, 项目管理, 监督检查 …). So are older
    provincial forms that write the 二级 as …目标 (产出 | 数量目标) and the cost as 投入 | 成本目标
    (read as 产出 | 成本指标, so the cost rules check it); 投入 with any other 二级 is still flagged
    (88号: inputs are no targets). An empty 一级 or 二级 is a form without that column (a flat
    部门整体 list, the central sample's 指标 | 指标内容 | 指标值), not a name outside the framework: an
    empty 二级 is ``level2-missing``'s (an old form's own 一级 such as 成效指标 is then the form's, not a fault).
    A project none of whose 一级 any framework knows (an unknown framework) gets one finding saying so,
    naming its 一级, instead of one per row. A 部门整体 form (``framework.DEPARTMENT_FRAMEWORKS``: the 共性 form's
    投入/过程/产出/效果 with 目标设定, 预算配置, 预算执行, 预算管理, 资产管理, 职责履行, 履职效益 and 社会公众或服务对象
    满意度; the provinces' 运行成本/管理效率/履职效能/社会效应/可持续发展/满意度 with their own 二级; Jiangxi's
    管理指标 with its own 二级 before 产出/效果/满意度) is judged by its own 一级 and 二级: a row outside it is
    flagged naming the form. The 共性 form is told by its own 二级 too: a 部门整体 table of 产出 | 职责履行 and
    效果 | 履职效益 without 投入 and 过程 is that form's, its 二级 not outside the project framework. A 二级 that joins
    several of the framework's under their shared ending (东莞's form: 社会、经济、生态效益指标) is the form's one cell
    for them, not a 二级 outside the framework. Jiangsu's project form of the evaluation frame
    (``framework.EVALUATION``: 决策 — 项目立项, 绩效目标, 资金投入 —, 过程 before 产出, 效益, 满意度) is known
    by its 决策, its 决策 and 过程 rows the form's own. A row with an empty 二级 under a 一级 no framework has
    (``过程指标 | | 评审程序是否公正``) in a table whose other rows have their 二级 is misfiled too: the table has
    the 二级 column, the row stands outside the framework (湖北工程学院's, round 29); in a two-level table
    (no row with a 二级) such a 一级 is the old form's own and ``level2-missing`` says so. A 一级 no framework or
    form has over a framework 二级 (大英's ``项目决策 | 数量指标``, the evaluation frame's word over the outputs) is
    flagged as written, once for its rows, while every other rule judges those rows under the 二级's 一级 (产出指标):
    the outputs are there, so ``missing-level1-group`` does not say 产出 is missing.
    """
    out = []
    rows_of: dict[int, tuple[Row, ...]] = {}
    for project, flagged_rows in flagged_by_project(document, _LEVEL_NOT_IN_FRAMEWORK):
        unknown = [row.indicator.level1.strip() for row, verdict in flagged_rows if verdict[0] == "level1"]
        if unknown or flagged_rows[0][0].level1 in _DEPARTMENT_LEVEL1S \
                or any(row.level2 in DEPARTMENT_LEVEL2 for row, _verdict in flagged_rows):  # (most projects: none)
            rows_of = rows_of or {id(item): own for item, own in project_rows(document)}
            framework = framework_of_project(project, rows_of[id(project)])
            if framework is None:  # an unknown framework: once
                out.append(at_project(project, None,
                                      f"一级指标「{'」「'.join(dict.fromkeys(unknown))}」不属于已知的指标体系，"
                                      "无法逐项按指标体系审核",
                                      f"按所用表样的指标体系填写（已知的有：{_KNOWN_FORMS}），"
                                      "或确认表样后由审核人员逐项核对"))
                continue
            if framework.marks:  # a 部门整体 form or the evaluation frame: its rows judged by its own 一级 and 二级
                out.extend(at_indicator(row.project, row.position, row.indicator, *verdict)
                           for row, _verdict in flagged_rows if (verdict := _outside_form(row, framework)))
                continue
        out.extend(_once_per_verdict(flagged_rows))
    for project, bare_rows in flagged_by_project(document, _LEVEL2_MISSING):  # rows without a 二级 (few tables)
        misfiled = [row for row, _verdict in bare_rows if row.level1 not in LEVEL1_NAMES
                    and row.level1 not in PROCESS_LEVEL1]
        if not misfiled:
            continue
        rows_of = rows_of or {id(item): own for item, own in project_rows(document)}
        own = rows_of[id(project)]
        if not any(row.indicator.level2.strip() for row in own):
            continue  # a two-level form: an old form's own 一级 (成效指标), level2-missing says it
        framework = framework_of_project(project, own)
        if framework is None or framework.marks:
            continue  # an unknown framework (said once above), a form with groups of its own
        out.extend(at_indicator(
            project, row.position, row.indicator, "level1",
            f"{quote(row.indicator.level3)}单独放在一级指标「{row.indicator.level1.strip()}」下，没有二级指标："
            f"「{row.indicator.level1.strip()}」不在{framework.title}内，本表其他指标都按这一体系填写",
            "按指标体系把它归入产出、效益或满意度指标下相应的二级指标；反映单位自身管理或程序"
            "（评审、制度、资金管理）的内容不作为绩效目标，可删去") for row in misfiled)
    return out


def _once_per_verdict(flagged_rows: list[tuple[Row, Any]]) -> list[Finding]:
    """One finding for the rows of a project filed under the same 一级 and 二级 outside the framework, at the first,
    the others listed (黄石三中's 满意度指标 | 具体指标 twice: one slip of the form, not one per row); a 二级 that is a
    form's placeholder (具体指标) is said to be one."""
    groups: dict[tuple[str, str, str], list[Row]] = {}
    for row, verdict in flagged_rows:
        groups.setdefault(verdict, []).append(row)
    out = []
    for (field, message, suggestion), rows in groups.items():
        first = rows[0]
        if field == "level2" and first.indicator.level2.strip() in _PLACEHOLDER_LEVEL2:
            message += f"：「{first.indicator.level2.strip()}」是表样的占位文字，没有改成二级指标的名称"
        if len(rows) > 1:
            others = "、".join(f"第{row.position}个" for row in rows[1:])
            message += f"（另有{others}指标也是这样）"
        out.append(at_indicator(first.project, first.position, first.indicator, field, message, suggestion))
    return out


# A form's placeholder left in the 二级 cell (满意度指标 | 具体指标): the template's words, no group of the framework.
_PLACEHOLDER_LEVEL2 = frozenset({"具体指标", "二级指标", "指标", "指标名称", "指标内容"})


# Every 一级 of a 部门整体 form (a project whose first flagged row is under one is asked for its framework).
_DEPARTMENT_LEVEL1S = frozenset(name for framework in DEPARTMENT_FRAMEWORKS for name in framework.levels)


def _outside_form(row: Row, framework: Framework) -> tuple[str, str, str] | None:
    """``level-not-in-framework``'s verdict for a row of a 部门整体 form's table, judged by that form."""
    if framework.fits(row.level1, row.level2):
        return None
    indicator = row.indicator
    names = framework.levels.get(row.level1)
    if names is None:
        return ("level1", f"一级指标「{indicator.level1}」不在{framework.title}内",
                f"一级指标应为：{'、'.join(_plain(name) for name in framework.levels)}")
    return ("level2", f"二级指标「{indicator.level2}」不属于{framework.title}的一级指标「{indicator.level1}」",
            f"「{indicator.level1}」下的二级指标应为：{'、'.join(_plain(name) for name in names)}")


def _plain(name: str) -> str:
    """A framework's name as its tables print it (履职效益指标 → 履职效益; 产出指标 stays)."""
    return name if name in LEVEL1_NAMES or name in _ALL_LEVEL2 else name.removesuffix("指标")


_ALL_LEVEL2 = frozenset(name for framework in (FRAMEWORK_2015, FRAMEWORK_2021) for names in framework.values()
                        for name in names)


def _outside_framework(row: Row) -> tuple[str, str, str] | None:
    """``level-not-in-framework``'s (field, message, suggestion) for one indicator, or None."""
    indicator, level1 = row.indicator, row.level1
    if not indicator.level1.strip() or not indicator.level2.strip():
        return None  # the form has no such column (a flat 部门整体 list, 指标 | 指标内容 | 指标值): not misfiled
    if level1 not in LEVEL1_NAMES or misfiled_level1(row):
        if level1 in PROCESS_LEVEL1:
            return None  # the investment form's 过程管理指标: any 二级 is the form's
        written = indicator.level1.strip()
        written = written if written.endswith("指标") else written + "指标"
        parent = _PARENT.get(written)
        if parent is not None:  # a 二级's name in the 一级 column (临翔's 数量指标, 经济效益指标): say where it goes
            return ("level1", f"一级指标「{indicator.level1}」不在指标体系内：「{written}」是一级指标「{parent}」下的"
                              "二级指标",
                    f"一级指标填「{parent}」，「{written}」填在二级指标栏")
        return ("level1", f"一级指标「{indicator.level1}」不在指标体系内",
                "一级指标应为产出指标、效益指标、满意度指标（新框架另有成本指标）")
    if row.level2 not in _ALLOWED[level1] and row.level2 and not _merged_level2(row.level2, _ALLOWED[level1]):
        # (none: 实施效果指标 | 产出指标, the form's)
        allowed = "、".join(sorted(_ALLOWED[level1]))
        parent = _PARENT.get(row.level2)
        if parent is not None and parent != level1:  # 服务对象满意度指标 under 效益: another 一级's 二级
            move = (f"二级指标改为「{LEVEL1_COST}」（2015年框架，成本在产出下），或按新框架把一级指标改为"
                    f"「{LEVEL1_COST}」" if parent == LEVEL1_COST and level1 == LEVEL1_OUTPUT else
                    f"把这一行移到「{parent}」下；「{level1}」下的二级指标应为：{allowed}")
            return ("level2", f"二级指标「{indicator.level2}」不属于一级指标「{level1}」，是一级指标「{parent}」下的"
                              "二级指标", move)
        return ("level2", f"二级指标「{indicator.level2}」不属于一级指标「{level1}」",
                f"「{level1}」下的二级指标应为：{allowed}")
    return None


# The 一级 each framework 二级 stands under (数量指标 → 产出指标, 经济成本指标 → 成本指标: the 2021 framework's).
_PARENT: dict[str, str] = {level2: level1 for framework in (FRAMEWORK_2021, FRAMEWORK_2015)
                           for level1, level2s in framework.items() for level2 in level2s}


_LEVEL_NOT_IN_FRAMEWORK = indicator_check(_outside_framework, needs=lambda shape: shape[6] and shape[7])
_LEVEL2_PARTS = re.compile(r"[、，,/]|和|及|与")


def _merged_level2(level2: str, allowed: set[str]) -> bool:
    """Whether a 二级 joins several of the framework's 二级 under their shared ending, as a form prints one cell for
    them (东莞's 社会、经济、生态效益指标: 社会效益指标, 经济效益指标 and 生态效益指标 — the form's, not misfiled)."""
    *heads, last = _LEVEL2_PARTS.split(level2)
    if not heads or last not in allowed:
        return False
    return any(all(head + last[cut:] in allowed for head in heads) for cut in range(1, len(last) - 1))


@rule("level2-missing", title="没有二级指标", dimension="相关性", severity="info")
def level2_missing(document: Document, settings: RuleSettings) -> list[Finding]:
    """An indicator without a 二级: the table has two levels only (一级 | 指标内容 | 指标值, the central 2015
    申报表 and older provincial forms), so the reader left the 二级 empty instead of making one up.

    The suggestion names the framework's 二级 the indicator would belong to when its name or value shows it
    (a date → 时效指标, money → 成本指标, a rate → 质量指标, a count → 数量指标; 经济/生态/可持续 words under
    效益), else lists the 二级 of its 一级 (an old form's own 一级, 成效指标, gets the framework's 一级 listed).
    An info, not a fault of the unit's filling: the form's, the reviewer decides whether it must be redone;
    the reader also marks the project 需人工核对. A row without a 一级 either (a flat list) is not flagged.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level2", *verdict)
            for row, verdict in flagged(document, _LEVEL2_MISSING)]


_ECONOMIC = re.compile(r"经济|收入|增收|产值|利润|税收|创收|节约")
_ECOLOGICAL = re.compile(r"生态|环境|绿化|排放|污染|森林|水土|植被|空气|水质")
_LASTING = re.compile(r"可持续|长效|长期|持续")
_TIMELY = re.compile(r"及时|时间$|时限$|工期$|周期$|进度$")


def framework_level2(level1: str, name: str, target: Target) -> str | None:
    """The 二级 the framework would put an indicator in, when its name or value shows it; else None."""
    if level1 == LEVEL1_SATISFACTION:
        return "服务对象满意度指标"
    if level1 == LEVEL1_OUTPUT:
        if _TIMELY.search(name) or parse_due(target.raw) is not None:
            return "时效指标"
        if is_money_unit(target.unit) or "成本" in name:
            return "成本指标"
        if name.endswith("率") or target.unit == "%":
            return "质量指标"
        return "数量指标" if target.value is not None else None
    if level1 == LEVEL1_EFFECT:
        for words, level2 in ((_LASTING, "可持续影响指标"), (_ECOLOGICAL, "生态效益指标"), (_ECONOMIC, "经济效益指标")):
            if words.search(name):
                return level2
        return None
    if level1 == LEVEL1_COST:
        return "经济成本指标" if is_money_unit(target.unit) else None
    return None


def _without_level2(row: Row) -> tuple[str, str] | None:
    """``level2-missing``'s (message, suggestion) for one indicator, or None."""
    indicator, level1 = row.indicator, row.level1
    if indicator.level2.strip() or not indicator.level1.strip():
        return None
    message = f"表格没有二级指标：{quote(indicator.level3)}只有一级指标「{indicator.level1}」"
    if level1 not in LEVEL1_NAMES:  # an old form's own 一级 (成效指标, 效率指标)
        return message, ("按指标体系补上一级和二级指标：一级指标为产出指标、效益指标、满意度指标"
                         "（新框架另有成本指标），再选其下的二级指标")
    allowed = "、".join(_IN_ORDER[level1])
    hint = framework_level2(level1, row.name, indicator.target)
    if hint is None:
        return message, f"按指标体系补上二级指标：「{level1}」下的二级指标为{allowed}，按指标含义选择"
    return message, f"按指标体系补上二级指标：从名称和指标值看宜归入「{hint}」（「{level1}」下的二级指标为{allowed}）"


_LEVEL2_MISSING = indicator_check(_without_level2, needs=lambda shape: shape[6] and not shape[7])
# Each 一级's 二级 names in the frameworks' order (2015's, then the 2021 names it lacks).
_IN_ORDER = {level1: tuple(dict.fromkeys((*FRAMEWORK_2015.get(level1, ()), *FRAMEWORK_2021.get(level1, ()))))
             for level1 in _ALLOWED}


@rule("frameworks-mixed", title="新旧指标体系混用", dimension="相关性", severity="warning")
def frameworks_mixed(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project that uses 成本指标 both as a 一级 (2021 framework) and as a 二级 under 产出 (2015).

    Mixing the frameworks counts costs twice in scoring and confuses the table's structure.
    """
    out = []
    for project, own in project_rows(document):
        as_level1 = any(row.level1 == LEVEL1_COST for row in own)
        as_level2 = any(row.level1 == LEVEL1_OUTPUT and row.level2 == "成本指标" for row in own)
        if as_level1 and as_level2:
            out.append(at_project(project, None,
                                  "同一项目既把成本指标作为一级指标（2021年框架），又放在产出指标下（2015年框架）",
                                  "统一使用一种指标体系：按财预〔2021〕101号把成本指标设为一级指标"))
    return out


@rule("goals-repeat-purpose", title="绩效目标照抄资金用途", dimension="相关性", severity="info")
def goals_repeat_purpose(document: Document, settings: RuleSettings) -> list[Finding]:
    """绩效目标 that only repeat the 资金用途 text.

    The goals should say what the project will achieve this year, ideally with numbers that
    the indicators then measure; a copy of the fund purpose says what the money is for.
    Flagged when, punctuation aside, the goals and the purpose are the same text or one
    contains the other and adds less than a third to it. A goal ``goals-not-measurable`` tells (a copy
    with no figure) is told there once, its message saying it copies the purpose (since round 40: the
    seed's nine projects had the copy as a hint beside the warning, one fault told twice); this rule tells
    the copies that goal rule leaves, and all of them where it is off.
    """
    told = ({id(project) for project, _text, _faults in unmeasured_goals(document)}
            if settings.runs("goals-not-measurable") else set())
    return [at_project(project, "goals", "绩效目标基本照抄了资金用途，没有说明本年度要达到的具体目标",
                       "写明本年度通过该项目要完成的产出和达到的效果，尽量量化，并与三级指标对应")
            for project in document.projects if id(project) not in told and repeats_purpose(project)]


@rule("output-off-purpose", title="数量指标与项目用途不符", dimension="相关性", severity="warning")
def output_off_purpose(document: Document, settings: RuleSettings) -> list[Finding]:
    """A training project whose 数量指标 count nothing of the training.

    A project whose name says its money is for 培训 and names no other purpose (``2021年卫生健康人才培养培训
    一次性开办费``) delivers training: its quantity is the training given — 培训人次, 培训班次, 课时, 学员 (the words
    are ``vocabulary.toml`` ``[names] training``). A 数量指标 counting the unit's routine work instead (``派车次数
    15000次`` in an emergency centre's one-off training fee) measures what other money pays for: the
    indicator is not the project's (88号: 指标与项目相关). Flagged at each 数量 row when none of them names the
    training. A name listing several purposes (``…联络专项经费及调研培训费``), a training institution's own
    running (培训中心, 培训基地), 人员类/运转类 projects and a project with a 数量 row of the training
    (``设施温棚种植人员(县内培训)``) are not.
    """
    out: list[Finding] = []
    words = word_set("names", "training")
    for project, own in project_rows(document):
        name = project.name or ""
        if "培训" not in name or _TRAINING_PURPOSE.search(name) is None or _SEVERAL_PURPOSES.search(name):
            continue
        quantities = [row for row in own if row.level2 == "数量指标"]
        if not quantities or any(word in row.name for row in quantities for word in words):
            continue
        if project_category(name, project.extras):
            continue
        out.extend(at_indicator(project, row.position, row.indicator, "level3",
                                f"项目{quote(name)}的资金用于培训，数量指标{_with_value(row.indicator)}"
                                "数的却不是培训的产出，反映的是其他资金支付的日常工作，与本项目无关",
                                "数量指标写明这笔钱完成的培训，如「培训人次 ≥200人次」「举办培训班 ≥4期」"
                                "「培训课时 ≥40学时」；与培训无关的日常工作量不作为本项目的指标")
                   for row in quantities)
    return out


@rule("monitored-state-as-effect", title="监测项目把被监测对象的状况当作效果", dimension="相关性", severity="warning")
def monitored_state_as_effect(document: Document, settings: RuleSettings) -> list[Finding]:
    """A monitoring project that sets the state of what it monitors as its target.

    A project whose name says its money is for monitoring the environment (``百岁宫大气监测专项``: an automatic
    air station's upkeep, power and parts) measures the air or the water; it does not clean them. Whether the air
    is good (``风景区空气质量优良率 ≥90%``: 九华山's, missed since round 29) depends on the pollution control of
    others, so the target is met or missed whatever the station does: it is not the project's effect (88号: 指标与
    项目相关). The station's effect is its data put to use (有效监测数据获取率, 空气质量日报按时发布率, 监测报告
    报送次数). Flagged at each indicator naming such a state (空气质量, 水质, 优良天数, PM2.5 …) in a project named
    for monitoring (监测, 监控, 检测) that names no work on the environment itself (治理, 防治, 整治, 改善, 修复,
    减排, 降尘, 治污: a pollution-control project's 空气质量优良率 is its effect); a name about the monitoring
    itself (``建设环境空气质量自动监测子站``, 监测数据, 监测点位) is not.
    """
    out = []
    for project, own in project_rows(document):
        if not _monitoring_only(project.name or ""):
            continue
        for row in own:
            state = _MONITORED_STATE.search(row.name)
            if state is not None and _ABOUT_MONITORING.search(row.name) is None:
                message = (f"项目{quote(project.name or '')}是监测项目，{_with_value(row.indicator)}衡量的是被监测的"
                           f"{state.group()}本身：监测只测量环境，不改善环境，环境状况取决于污染治理，不是本项目的效果")
                out.append(at_indicator(project, row.position, row.indicator, "level3", message, _MONITORING_EFFECT))
    return out


def _with_value(indicator: Indicator) -> str:
    """An indicator's name quoted with its value in brackets (「派车次数」（≥15000次）), 未填 for none."""
    return f"{quote(indicator.level3)}（{indicator.target.raw or '未填'}）"


_MONITORING_EFFECT = ("改为反映监测工作成效的指标，如「有效监测数据获取率 ≥90%」「空气质量日报按时发布率 100%」"
                      "「监测报告报送 ≥12期」")


# The state of the environment a monitoring station measures (空气质量优良率, 水质达标率, 优良天数, PM2.5 浓度).
_MONITORED_STATE = re.compile(r"空气质量|空气优良|大气质量|环境质量|水质|水环境质量|优良天数|PM2\.5|PM10|细颗粒物"
                              r"|可吸入颗粒物|噪声")
# A name about the monitoring itself (监测子站, 监测数据, 监测点位, 日报发布): the project's own work.
_ABOUT_MONITORING = re.compile(r"监测|监控|检测|日报|报告|发布|数据|点位|站点|子站|设备|仪器")
# Work on the environment itself, in a project's name: its target may be the state it improves.
_ENVIRONMENT_WORK = re.compile(r"治理|防治|整治|改善|修复|减排|降尘|治污|提升|保护|建设")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _monitoring_only(name: str) -> bool:
    """Whether a project's name says its money is for monitoring (监测, 监控, 检测) and for no work on the
    environment itself (治理, 防治 …)."""
    return ("监测" in name or "监控" in name or "检测" in name) and _ENVIRONMENT_WORK.search(name) is None


@rule("revenue-as-effect", title="把受助单位的全部收入当作效益", dimension="相关性", severity="warning")
def revenue_as_effect(document: Document, settings: RuleSettings) -> list[Finding]:
    """An economic effect that is the whole turnover of the unit the money goes to.

    ``影院营业收入 ≥150万元`` for 4万元 of a cinema's equipment upkeep, ``医院东津医疗收入达到5亿元`` for a 1000万元
    building grant (襄阳's, missed since round 11): the unit's whole revenue (营业收入, 医疗收入, 经营收入, 门诊收入,
    票房收入) follows from all it does, not from this money, so the target is met or missed whatever the project
    delivers (88号: 指标与项目相关). What the money brings is a change: the revenue's growth (营业收入较上年增长, 新增
    收入), the income of those it serves (农户增收, 带动…收入), or the service itself (公益放映场次). Flagged under
    经济效益 at a name ending in such a revenue (or stating it with its amount) with no word of change (增长, 增加,
    新增, 提高, 带动 …); a village collective's or a household's income (村集体经济收入, 户均收入) is not a unit's
    turnover. A 部门整体 table is the unit's whole budget: there its 业务收入 is its own (蚕茶卫生院's) and is not
    flagged.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3",
                         f"{_with_value(row.indicator)}是受补助单位的全部{kind}，取决于单位全部的经营和服务，"
                         "不是本项目资金带来的效益，完成与否与项目做得好坏无关",
                         "写明本项目带来的变化，如「营业收入较上年增长≥5%」「新增服务收入≥10万元」，"
                         "或项目直接带来的服务量，如「公益放映场次≥100场」「新增门诊服务人次≥2万人次」")
            for row, kind in flagged(document, _REVENUE_AS_EFFECT)
            if department_framework(document, row.project) is None]


# A unit's whole turnover (营业收入, 医疗收入 …) as the name, or stated with its amount (医疗收入达到5亿元).
_TURNOVER = re.compile(r"(营业收入|医疗收入|医疗服务收入|经营收入|门诊收入|业务收入|票房收入|营收)(?:达到|达|为)?"
                       r"(?:[≥≤><=]*\d[\d.]*(?:万|亿)?元?)?$")
# A change or someone else's income: what the money may bring (较上年增长, 新增, 带动, 户均).
_CHANGE = re.compile(r"增长|增加|新增|提高|提升|带动|增收|较上年|同比|户均|人均|村集体")


def _revenue_as_effect(row: Row) -> str | None:
    """``revenue-as-effect``'s verdict (the kind of revenue) for one indicator, or None."""
    if row.level2 != "经济效益指标" or "收" not in row.key:
        return None
    turnover = _TURNOVER.search(row.key)
    if turnover is None or _CHANGE.search(row.key) is not None:
        return None
    return turnover.group(1)


_REVENUE_AS_EFFECT = indicator_check(_revenue_as_effect, needs=lambda shape: shape[1] == "经济效益指标")


@rule("quantity-not-work", title="数量指标数的不是完成的工作", dimension="相关性", severity="warning")
def quantity_not_work(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 数量指标 that counts something other than the work the money does.

    The quantity is what the money delivers (88号: 数量指标 reflects how many products or services it provides).
    Two counts are not: events that happen to the public, counted as reported or occurred
    (``传染病及突发公共卫生事件报告数 14例``: how many outbreaks there are is no one's plan; the service is reporting
    each one in time — 稷山's, missed since round 19), and the place put in the unit's charge
    (``定点帮扶村 ≥1个``, ``防汛应急圩段 ≥1个``, ``文明创建路段 ≥1个``: the village, dyke segment or road the bureau is
    given, met by being given it — 宣城's, missed since round 28), not what is done there. Not flagged: a ceiling or
    none at all (``安全事故发生数 ≤1起``, ``=0起``), rates (…报告率, …处置率), reports written as documents
    (``汇总突发事件季度报告次数 4次``: the summaries are the work), counts of cases handled
    (``办理法律援助案件 ≥90件``), and a place worked on (``改造路段 1个``, ``新建帮扶车间 1个``) or more than one in
    charge (``联系村 5个``).
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3", *verdict)
            for row, verdict in flagged(document, _QUANTITY_NOT_WORK)]


def _not_work(row: Row) -> tuple[str, str] | None:
    """``quantity-not-work``'s (message, suggestion) for a quantitative 数量指标 row, or None."""
    key, target = row.key, row.indicator.target
    value = target.value
    if row.level2 != "数量指标" or value is None or value <= 0 or target.op in (Op.LE, Op.LT):
        return None
    if key.endswith(_EVENT_COUNT_ENDS) and _EVENT.search(key) is not None and _REPORTS_MADE.search(key) is None:
        return (f"数量指标{quote(row.indicator.level3)}（{target.raw}）数的是发生的疫情、事件或事故，"
                "发生多少不由项目决定，"
                "不是计划完成的工作量，报得多少都算不上完成或没完成",
                "改为反映处置工作的指标，如「传染病疫情报告及时率 100%」「突发公共卫生事件规范处置率 100%」；"
                "要控制发生的，写上限（如「重大事故发生数 0起」）")
    if value <= 1 and key.endswith(_ASSIGNED_PLACES) and not key[:-2].endswith(_WORK_ON_PLACE):
        return (f"数量指标{quote(row.indicator.level3)}（{target.raw}）只写了单位承担任务的地方，"
                "没有写在那里完成的工作："
                "分到一处就算完成，衡量不了这笔钱做了什么",
                "写明在该处完成的工作量，如「开展帮扶活动 ≥12次」「巡堤查险 ≥30次」「组织志愿服务 ≥200人次」")
    return None


_QUANTITY_NOT_WORK = indicator_check(_not_work, needs=lambda shape: shape[1] == "数量指标" and shape[8])
# Counted as they happen or are reported: …报告数, …发生数, …起数 (and their 例数, 次数 forms).
_EVENT_COUNT_ENDS = ("报告数", "报告例数", "报告起数", "发生数", "发生起数", "发生例数", "发生次数", "起数", "例数")
# Reports written as documents, the work (汇总突发事件季度报告, 疫情月报): not the events they tell of.
_REPORTS_MADE = re.compile(r"汇总|季度|月度|年度|定期|月报|周报|专报|简报")
_EVENT = re.compile(r"疫情|传染病|突发|事件|事故|火灾|灾害|灾情|案件发生|发病")
# A place put in a unit's charge (定点帮扶村, 防汛应急圩段, 文明创建路段, 包保网格); one of them is the assignment.
_ASSIGNED_PLACES = ("帮扶村", "联系村", "包保村", "挂点村", "结对村", "包联村", "联系点", "帮扶点", "圩段", "路段",
                    "责任区", "责任段", "包保网格", "责任网格")
# Work done on such a place: 改造路段, 硬化路段, 整治圩段 count the work (the two characters before the place).
_WORK_ON_PLACE = ("改造", "新建", "修建", "维修", "硬化", "整治", "治理", "清理", "巡查", "绿化", "亮化", "美化",
                  "养护",
                  "保洁", "疏浚", "加固", "修复", "建设", "拓宽", "提升")


# 培训 as the money's purpose: not a training institution's own running (培训中心运行经费, 培训基地建设).
_TRAINING_PURPOSE = re.compile(r"培训(?!中心|基地|学校|学院|机构|楼|室|场)")
# A name listing several purposes (…补贴、…联络专项经费及调研培训费): training is one of them.
_SEVERAL_PURPOSES = re.compile(r"[、，,；;]|及|和|与")


# Whom a satisfaction asks that the service is not for: the staff the project hires (聘用人员满意度 in a library's
# free opening: those who give the service), an authority the unit pays or reports to (税务局对我单位…的满意度).
_HIRED_RESPONDENT = re.compile(r"^(?:本单位|项目)?(?:聘用|临聘|外聘|编外|劳务派遣|聘请)(?:的)?"
                               r"(?:人员|工作人员|职工|员工)")
_AUTHORITY_RESPONDENT = re.compile(r"(?:税务|财政|审计)(?:局|部门|机关|所)")
# A project for the staff it pays (临聘人员工资, 聘用人员经费): their satisfaction is its beneficiaries'.
_STAFF_PROJECT = re.compile(r"聘|人员|工资|劳务|薪酬")
# Lending on the project's guarantee or interest subsidy: the borrowers are served, the banks lend.
_LENDING = re.compile(r"贷款|贴息|担保")
_BANKS = re.compile(r"金融机构|银行|承贷机构|经办机构")


@rule("satisfaction-not-served", title="满意度调查对象不是服务对象", dimension="相关性", severity="warning")
def satisfaction_wrong_respondent(document: Document, settings: RuleSettings) -> list[Finding]:
    """A satisfaction asked of someone the project does not serve.

    The satisfaction indicator asks those the money serves whether the service did them good (财预〔2021〕101号:
    服务对象满意度). Flagged: the staff the project hires (``聘用人员满意度`` in a library's free opening — they give
    the service; a project paying them, 临聘人员工资, is for them and is not flagged); an authority the unit pays or
    reports to (``税务局对我单位税费缴纳及时、足额的满意度``: the tax office is served by no project's output); and
    a lending scheme (创业担保贷款, 贴息) whose every satisfaction asks the banks
    (``申报定向费用补贴金融机构满意度`` alone:
    the banks lend, the borrowers are served) — one that also asks the borrowers (``…贴息个人满意度``,
    ``…小微企业的满意度``) is not flagged. The unit's own staff as users of what the money buys (干警满意度 for a
    repaired court, 演出人员满意度 for a troupe's equipment) are served and are not flagged.
    """
    out = []
    for project, own in project_rows(document):
        # (the 满意度 group's rows, one comparison a row; one filed elsewhere is satisfaction-outside-group's)
        asked = [row for row in own if row.level1 == LEVEL1_SATISFACTION and is_satisfaction_name(row.name)]
        if not asked:
            continue
        for row in asked:
            indicator, name = row.indicator, row.name
            if not ("聘" in name or "编外" in name or "派遣" in name or "税务" in name or "财政" in name
                    or "审计" in name):
                continue  # (nearly every satisfaction: no regular expression asked)
            if _HIRED_RESPONDENT.search(name) and not _STAFF_PROJECT.search(project.name or "") \
                    and not project_category(project.name or "", project.extras):
                out.append(at_indicator(project, row.position, indicator, "level3",
                                        f"满意度指标{quote(indicator.level3)}调查的是项目聘用的工作人员：他们提供服务，"
                                        "不是服务对象，他们的满意度反映不了服务的效果",
                                        "改为调查服务对象的满意度，如「读者满意度 ≥95%」「活动参与群众满意度 ≥90%」"))
            elif ((authority := _AUTHORITY_RESPONDENT.search(name)) is not None
                  and authority.group(0)[:2] not in (document.unit.name or "")):  # (a tax office's own staff)
                out.append(at_indicator(project, row.position, indicator, "level3",
                                        f"满意度指标{quote(indicator.level3)}调查的是{authority.group(0)}：它是收税或"
                                        "监管单位的机关，不是本项目服务的对象",
                                        "改为调查项目服务对象（如承租人、群众）的满意度；按时足额缴纳税费属于单位管理，"
                                        "不作为满意度指标"))
        if (all(_BANKS.search(row.name) for row in asked)
                and (_LENDING.search(project.name or "") or any(_LENDING.search(row.name) for row in own))):
            names = "、".join(quote(row.indicator.level3) for row in asked)
            out.append(at_project(project, None,
                                  f"满意度指标只调查了金融机构（{names}）：贷款贴息、担保服务的是借款的个人和小微企业，"
                                  "却没有问他们是否满意",
                                  "补充借款人的满意度，如「创业担保贷款贴息个人满意度 ≥80%」「小微企业满意度 ≥80%」"))
    return out
