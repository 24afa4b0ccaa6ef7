"""完整性 (completeness): every part of the table is there and filled in."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from operator import indexOf, itemgetter

from perfbudget.framework import (
    LEVEL1_COST,
    LEVEL1_COURSE,
    LEVEL1_DECISION,
    LEVEL1_DUTY,
    LEVEL1_EFFECT,
    LEVEL1_EFFICIENCY,
    LEVEL1_INPUT,
    LEVEL1_MANAGEMENT,
    LEVEL1_NAMES,
    LEVEL1_OUTPUT,
    LEVEL1_PROCESS,
    LEVEL1_RUNNING_COST,
    LEVEL1_SATISFACTION,
    LEVEL1_SOCIAL,
    LEVEL1_SUSTAINABLE,
    department_level1,
)
from perfbudget.model import Document, Project
from perfbudget.review.finding import SEVERITIES, Finding
from perfbudget.review.helpers import (
    Row,
    aim_example,
    at_indicator,
    at_project,
    clean,
    count_example,
    department_framework,
    flagged,
    flagged_by_project,
    framework_of_project,
    has_department_level2,
    indicator_check,
    is_bare_unit,
    is_leftover,
    is_money_unit,
    joined_goals,
    level1_of,
    meant_group,
    project_rows,
    quote,
    tail_start,
    without_placeholder,
)
from perfbudget.review.language import content_words, project_category, word_set
from perfbudget.review.registry import rule
from perfbudget.review.rules_feasibility import value_example
from perfbudget.review.rules_relevance import framework_level2, input_row_advice, is_input_name, money_as_quantity
from perfbudget.review.rules_structure import reads_as_effect
from perfbudget.review.settings import RuleSettings

_REQUIRED_GROUPS = (LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION)
# The simplified template of 人员类/运转类 projects: what it produces and that the unit runs.
_CATEGORY_GROUPS = (LEVEL1_OUTPUT, LEVEL1_EFFECT)
# The order of the 一级 groups in a table (2021: 成本 first; the 部门整体 forms' management first): a cut table
# lost the later ones.
_ORDER = {LEVEL1_DECISION: 0, LEVEL1_INPUT: 0, LEVEL1_RUNNING_COST: 0, LEVEL1_COURSE: 1, LEVEL1_MANAGEMENT: 1,
          LEVEL1_EFFICIENCY: 1,
          LEVEL1_COST: 2, LEVEL1_OUTPUT: 3, LEVEL1_DUTY: 3, LEVEL1_EFFECT: 4, LEVEL1_SOCIAL: 4, LEVEL1_SUSTAINABLE: 5,
          LEVEL1_SATISFACTION: 6, LEVEL1_PROCESS: 7}


def category_of(project: Project) -> str | None:
    """人员类 / 运转类 for a personnel or running-cost project (judged by the simplified template)."""
    return project_category(project.name, project.extras)


def _lost_in_cut(project: Project, group: str) -> bool:
    """True when ``group`` may have stood in the cut-off part of an incomplete table."""
    if project.complete:
        return False
    seen = [_ORDER.get(department_level1(level1_of(i)), -1) for i in project.indicators]
    return not seen or _ORDER[group] >= max(seen)


@rule("missing-level1-group", title="缺少一级指标", dimension="完整性", severity="error")
def missing_level1_group(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project without one of the 一级 groups 产出指标, 效益指标, 满意度指标.

    Every project table sets output, effect and satisfaction targets (财预〔2015〕88号;
    the 2021 framework adds 成本指标, checked by ``missing-cost-indicator``). A project with
    no indicators at all is left to ``too-few-indicators``. 人员类 and 运转类 projects (wages,
    公用经费 …, see ``docs/review.md``) follow the simplified template and need only 产出 and
    效益. A table cut off (``table-cut-off``) is not faulted for groups that would have stood
    in the part that is missing: only for a group before the last one read. The groups a project lacks are told
    in one finding (``缺少一级指标「效益指标」「满意度指标」``): a table of 产出 rows only is one fault, not two errors.
    Each framework asks for its own groups (``framework.FRAMEWORKS``): the investment plans' form
    (实施效果指标, 过程管理指标) for the effects, the satisfaction and 过程管理 — its outputs may be 过程管理's
    投资完成/项目进度, so a missing 产出 is no fault there. A table without a 一级 column is read by its 二级
    (数量指标 → 产出指标); a list with neither gets one finding that it has no 一级: a warning where some row reads
    as an effect or a satisfaction (受益…, …满意度: its targets are set, only not filed by group, and a county's notice
    giving them in a sentence is not sent back for it), an error where none does (outputs alone: no 效益, no 满意度). A
    project of an unknown framework is ``level-not-in-framework``'s (one finding), not faulted here group by group.
    A 部门整体 form (``framework.DEPARTMENT_FRAMEWORKS``) asks for its own groups: the 共性 form's 投入, 过程,
    产出 and 效果; the provinces' 履职效能 and 社会效应; Jiangxi's
    管理指标, 产出, 效果 and 满意度. The 共性 form is told by its own 二级 as well (职责履行, 履职效益: a 部门整体 table
    of 产出 and 效果 without its 投入 and 过程); its management groups (投入, 过程: the evaluation's 绩效目标合理性,
    预算完成率 …) are asked only of a table that takes one of them up, and its 效果 is named as the form names it
    (效果指标, holding 履职效益 and the satisfaction), not as the project framework's 效益指标 and 满意度指标.
    A project with fewer rows than ``too-few-indicators``' minimum (as configured) is left to that rule, which names
    the groups missing in its one finding (too few rows to hold them: one fault, round 38), where it runs with a
    severity at least as high as this rule's; where it is off, left out or lighter, the groups are told here.
    """
    thin = _too_few_counts(document, settings) if _groups_told_as_too_few(settings) else frozenset()
    out = []
    for project, own in project_rows(document):
        found = _groups_missing(project, own)
        if found is None:
            continue
        if isinstance(found, str):  # the groups a project lacks, named in one finding: one fault, told once
            if id(project) not in thin:  # (too few rows to hold them: too-few-indicators names them, one fault)
                out.append(at_project(project, None, f"缺少一级指标{found}，绩效目标不完整",
                                      f"补充{found}及其二级、三级指标"))
        else:
            out.append(found)
    return out


def _groups_missing(project: Project, own: tuple[Row, ...]) -> str | Finding | None:
    """The 一级 groups a project lacks (``「效益指标」「满意度指标」``), or the finding for a table with no 一级 at all,
    or None: ``missing-level1-group``'s check of one project (``too-few-indicators`` names the groups as well)."""
    if not own:
        return None
    present = {row.level1 for row in own}
    required: tuple[str, ...] = _REQUIRED_GROUPS
    labels: Mapping[str, str] = _NO_LABELS
    if not present <= _PLAIN or has_department_level2(own):  # (most tables: 产出/效益/满意度/成本 only, the
        # 2015 or 2021 framework; a 部门整体 form's own 二级 under 产出/效果 tells its form)
        if present == {""}:  # no 一级 column at all: one finding, not one per group
            if _lost_in_cut(project, LEVEL1_OUTPUT):
                return None
            # a warning where some row reads as an effect or a satisfaction: the targets are there, in a list
            # or a notice's sentence, only not filed by group (温泉 塔秀乡's 受益贫困户); a list of outputs
            # alone lacks its 效益 and 满意度 (rules.md §6), an error as with its levels
            found = at_project(project, None, "表格没有一级指标，看不出是否设置了产出、效益、满意度指标",
                               "按指标体系填写一级指标（产出指标、效益指标、满意度指标），"
                               "并把每个三级指标归入相应的一级、二级指标")
            effects = any(reads_as_effect(row.name) for row in own)
            return replace(found, severity="warning") if effects else found
        framework = framework_of_project(project, own)
        if framework is None:
            return None  # an unknown framework: level-not-in-framework says so, once
        required = framework.required
        if framework.department and not present & framework.process:  # none of its management groups
            required = tuple(group for group in required if group not in framework.process)
        labels = framework.labels
    if category_of(project):
        required = tuple(group for group in required if group in _CATEGORY_GROUPS) or _CATEGORY_GROUPS
    missing = "".join(f"「{labels.get(group, group)}」" for group in required
                      if group not in present and not _lost_in_cut(project, group))
    return missing or None


_PLAIN = frozenset(LEVEL1_NAMES)
_NO_LABELS: Mapping[str, str] = {}
_PLAIN_OR_NONE = _PLAIN | {""}


def _economic_cost(row: Row) -> bool | None:
    """True for a cost indicator that must be money (what ``missing-cost-indicator`` looks for). In a
    two-level table (no 二级: ``level2 == ""``) an output whose target is money is one: its form has no
    成本指标 row to put it in."""
    if row.economic_cost:
        return True
    return True if row.level1 == LEVEL1_OUTPUT and not row.level2 and is_money_unit(row.indicator.target.unit) \
        else None


ECONOMIC_COST = indicator_check(
    _economic_cost, needs=lambda shape: shape[3] or (shape[0] == LEVEL1_OUTPUT and not shape[1]))


@rule("missing-cost-indicator", title="缺少成本指标", dimension="完整性", severity="warning",
      params={"since": 2022})
def missing_cost_indicator(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project without any cost indicator (成本指标), from the fund year ``since`` on (default 2022).

    财预〔2021〕101号 makes cost indicators part of every project's targets (as 二级
    成本指标 under 产出 in the 2015 framework, as the 一级 成本指标 in the 2021 one), from
    the 2022 budgets on. Earlier tables were not required to set one (many provincial forms
    of 2018–2021 have no cost row), so a project whose fund year is before ``since`` is not
    flagged; a project without a known year is. 人员类/运转类 projects (their cost is the
    standard itself) and tables cut off before their 效益 rows are not flagged. Only 社会成本 or
    生态环境成本 rows (2021 framework) without an 经济成本 one do not count: the money is unmeasured. A
    two-level table (no 二级 column) has no 成本指标 row: there an output whose target is money is the cost.
    A framework without a cost row (the investment plans' form: the plan's 概算 holds the cost, its
    超规模、超标准、超概算 row is a process indicator; the 部门整体 forms, whose management groups hold the
    budget's control) and a project of an unknown framework are not flagged.
    """
    since = settings.param("since")
    out = []
    costed = {id(row.project) for row, _cost in flagged(document, ECONOMIC_COST)}  # projects with one, by identity
    for project, own in project_rows(document):
        if project.fund_year is not None and project.fund_year < since:
            continue
        if category_of(project) or _lost_in_cut(project, LEVEL1_OUTPUT):
            continue
        if own and id(project) not in costed:
            names = {row.level1 for row in own}
            if not names <= _PLAIN_OR_NONE or has_department_level2(own):
                framework = framework_of_project(project, own)
                if framework is None or not framework.costed:
                    continue  # an unknown framework (level-not-in-framework says so), a form without a cost row
            other = any(row.level1 == LEVEL1_COST for row in own)
            out.append(at_project(project, None,
                                  "只有社会成本或生态环境成本，没有经济成本指标，无法把目标与预算对应起来" if other
                                  else "没有成本指标，无法把目标与预算对应起来",
                                  "在产出指标下补充成本指标（或按新框架设一级「成本指标」），写明以金额计的成本控制目标"))
    return out


def _quantity(row: Row) -> bool | None:
    """True for a 数量指标 row (what ``missing-quantity-indicator`` looks for), False for one that is the money going in
    (``预算执行率``, ``预算资金拨款率``: ``input-as-output``'s names; an amount of money as its value, 黄石三中's
    ``完成校园维修改造及设备购置项目 800万元``), which counts nothing delivered."""
    if row.level2 != "数量指标":
        return None
    return not (is_input_name(row.name) or money_as_quantity(row.indicator.target, row.key))


_QUANTITY = indicator_check(_quantity, needs=lambda shape: shape[1] == "数量指标")


@rule("missing-quantity-indicator", title="缺少数量指标", dimension="完整性", severity="warning")
def missing_quantity_indicator(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project whose 产出指标 has 二级 groups (质量, 时效 …) but no 数量指标.

    The quantity is the first output of every framework (88号, 101号: 数量指标 reflects how
    many products or services the money provides); without it nobody can tell how much work
    the money buys — 19名百岁老人 subsidised with no count of them, a monitoring project with no
    number of stations or reports. Not flagged: a table cut off before its 效益 (one read past its 产出 into 效益 or
    满意度 is judged on its 产出, which the cut did not reach), or one whose page starts inside
    it (no project name read: the 数量 rows may stand before it), forms without 二级 (the central
    sample's 指标 | 指标内容) unless every 产出 row reads as another 二级 by its name and value (邯郸's
    救助覆盖率 100%, 救助资金按标准发放的比率 90%: two shares and no count, as ``level2-missing`` tells them; a
    row whose value is words cannot be told, and the table is not flagged), a project with no 产出 rows
    (``missing-level1-group`` says so),
    人员类/运转类 projects (their simplified template), and the 部门整体 共性 form, whose 产出 is 职责履行.
    A 数量 group holding only what goes in (``预算执行率``, ``预算资金拨款率``: 鄂州's 市民中心; 出差人数; an amount of
    money, 黄石三中's ``完成校园维修改造及设备购置项目 800万元``) counts nothing delivered and is flagged as none.
    """
    quantities = flagged(document, _QUANTITY)
    counted = {id(row.project) for row, real in quantities if real}  # projects with one, by identity
    money_only = {id(row.project) for row, real in quantities if not real} - counted
    out = []
    for project, own in project_rows(document):
        if not (project.complete or _read_past_output(own)) or id(project) in counted or category_of(project) \
                or not project.name:
            continue  # (no name: the page starts inside the table, the 数量 rows may stand before it)
        if ((any(row.level1 == LEVEL1_OUTPUT and row.level2 for row in own) or _told_without("数量指标", own))
                and _details_asked(document, project)):
            out.append(at_project(project, None,
                                  "数量指标只写了投入（资金的金额、执行、拨付或出差的人力），没有产出的数量，"
                                  "看不出这笔资金完成了多少工作"
                                  if id(project) in money_only else
                                  "产出指标中没有数量指标，看不出这笔资金完成了多少工作（人数、件数、面积…）",
                                  "在产出指标下补充数量指标，写明完成的数量，如「发放高龄津贴≥19人」「监测站点≥10个」"))
    return out


def _read_past_output(own: tuple[Row, ...]) -> bool:
    """Whether a table cut off was read past its 产出 group: a row of 效益 or 满意度 after the last 产出 row (the cut
    came later, so an 产出 二级 missing is the table's, not the cut's; a cost-first form's 成本 rows come before)."""
    seen_output = past = False
    for row in own:
        if row.level1 == LEVEL1_OUTPUT:
            seen_output, past = True, False
        elif seen_output and row.level1 in (LEVEL1_EFFECT, LEVEL1_SATISFACTION):
            past = True
    return past


def _told_without(level2: str, own: tuple[Row, ...]) -> bool:
    """Whether a table without a 二级 column (its 一级 filled, every 二级 empty: 邯郸's 绩效指标分类 | 绩效指标) has
    产出 rows and none of them reads as ``level2`` by its name and value (a count → 数量指标, a date or 及时 → 时效指标,
    as ``level2-missing`` tells them): False when any 产出 row cannot be told (a value in words), or the table has
    二级."""
    outputs = []
    for row in own:
        if row.indicator.level2.strip() or not row.indicator.level1.strip():
            return False
        if row.level1 == LEVEL1_OUTPUT:
            outputs.append(row)
    if not outputs:
        return False
    told = [framework_level2(LEVEL1_OUTPUT, row.name, row.indicator.target) for row in outputs]
    return None not in told and level2 not in told


def _details_asked(document: Document, project: Project) -> bool:
    """Whether the project's framework asks its 产出 for 数量 and 时效 二级: not the 部门整体 共性 form's (its 产出
    is 职责履行: 实际完成率, 完成及时率 …)."""
    framework = department_framework(document, project)
    return framework is None or framework.output_details


# The 二级 a form puts before 时效: a project of these alone stops before it.
_BEFORE_TIME = frozenset({"数量指标", "质量指标"})


@rule("missing-time-indicator", title="缺少时效指标", dimension="完整性", severity="warning")
def missing_time_indicator(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project whose 产出指标 has 二级 groups (数量, 质量 …) but no 时效指标.

    Both frameworks (88号, 101号) set 时效指标 under 产出: by when the work is done or the money
    paid out (``2024年12月底前``, ``按学期发放``). Without one nobody can score a delay — a grant paid
    a term late meets every other target. Flagged only when the project has rows after where the
    时效 stands (成本, 效益 or 满意度): a project of 数量 and 质量 rows alone is a table that stops (or a
    template left unfilled) — ``missing-level1-group`` says what is missing there. Not flagged either:
    a table cut off before its 效益 (one read past its 产出 into 效益 or 满意度 is: 鄂州's 市民中心, its 时效 rows
    left empty and cut in 社会效益), or one whose page starts inside it (no project name read), forms without 二级
    (unless every
    产出 row reads as another 二级 by its name and value and the table has rows after its 产出, as for
    ``missing-quantity-indicator``), 人员类/运转类 projects (their simplified template), and the 部门整体 共性 form,
    whose 产出 is 职责履行.
    """
    out = []
    for project, own in project_rows(document):
        groups = {row.level2 for row in own}  # (a set per project: cheaper than a check per indicator)
        if ("时效指标" in groups or groups <= _BEFORE_TIME or not (project.complete or _read_past_output(own))
                or not project.name):
            continue
        if category_of(project):
            continue
        if ((any(row.level1 == LEVEL1_OUTPUT and row.level2 for row in own)
             or (_told_without("时效指标", own) and any(row.level1 != LEVEL1_OUTPUT for row in own)))
                and _details_asked(document, project)):
            out.append(at_project(project, None,
                                  "产出指标中没有时效指标，无法判断工作是否按时完成、资金是否按时发放",
                                  "在产出指标下补充时效指标，写明完成时间，如「2024年12月底前完成」「按学期发放」"))
    return out


# The 二级 a form puts before 质量: a project of these alone stops before it.
_BEFORE_QUALITY = frozenset({"数量指标"})


@rule("missing-quality-indicator", title="缺少质量指标", dimension="完整性", severity="warning")
def missing_quality_indicator(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project whose 产出指标 has 二级 groups (数量, 时效 …) but no 质量指标, or a 质量 row left empty.

    Both frameworks (88号, 101号) set 质量指标 under 产出: the standard the work or service must meet
    (``验收合格率 100%``, ``急救反应时间达标率 ≥90%``). Without one an emergency service, a road or a
    training is scored on its counts alone — the work done badly meets every target. Flagged only when the
    project has rows after where the 质量 stands (时效, 成本, 效益 or 满意度): a project of 数量 rows
    alone is a table that stops. A 质量 group whose only rows hold neither a name nor a value (the form's
    质量 row left empty) is no quality target either. Not flagged: a table cut off before its 效益 (one read past its
    产出 is), or one whose page starts
    inside it (no project name read), forms without 二级, 人员类/运转类 projects (their simplified template),
    the 部门整体 共性 form, whose 产出 is 职责履行, and a project with a rate under 数量 (``种植作物成活率 ≥85%``:
    the standard is there, filed under the wrong 二级 — ``rate-under-quantity`` says so).
    """
    out = []
    for project, own in project_rows(document):
        try:  # the first 质量 row, looked for in C up to it (a Python test of every row cost 1 % of the review)
            first = own[indexOf(map(_LEVEL2_OF, own), "质量指标")]
        except ValueError:
            first = None
        if first is not None and (first.key or any(_filled(row) for row in own if row.level2 == "质量指标")):
            continue  # (nearly every project: its first 质量 row has a name)
        groups = {row.level2 for row in own if row.level2 != "质量指标"}  # (its 质量 rows, if any, left empty)
        if groups <= _BEFORE_QUALITY or not (project.complete or _read_past_output(own)) or not project.name:
            continue
        if category_of(project) or any(row.level2 == "数量指标" and _a_rate(row) for row in own):
            continue  # (a rate under 数量, 种植作物成活率: the standard is there, filed wrong — rate-under-quantity)
        if any(row.level1 == LEVEL1_OUTPUT and row.level2 for row in own) and _details_asked(document, project):
            out.append(at_project(project, None,
                                  "产出指标中没有质量指标，无法判断工作或服务是否达到标准，只能按数量打分",
                                  "在产出指标下补充质量指标，写明要达到的标准，如「验收合格率 100%」"
                                  "「急救反应时间达标率 ≥90%」"))
    return out


# A row's 二级 (Row field 4), read in C.
_LEVEL2_OF = itemgetter(4)


def _a_rate(row: Row) -> bool:
    """Whether a row measures a share (…率, or a value in % or ‰)."""
    return row.name.endswith("率") or row.indicator.target.unit in ("%", "‰")


def _filled(row: Row) -> bool:
    """Whether a row holds a name or a value (a 质量 row of the form left empty holds neither)."""
    return bool(row.indicator.level3.strip() or row.indicator.target.raw.strip())


@rule("too-few-indicators", title="三级指标少于3个", dimension="完整性", severity="error",
      params={"minimum": 3, "minimum_simplified": 2})
def too_few_indicators(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project with fewer 三级 indicators than ``minimum`` (default 3).

    Too few indicators cannot describe a project's outputs, effects and satisfaction; such a
    table cannot be reviewed and is graded 差 by default. 人员类/运转类 projects follow the
    simplified template and need ``minimum_simplified`` (default 2: one output, one effect).
    A table cut off (``table-cut-off``) is not counted: its rows after the cut are unknown. A project with no
    indicator at all is told so (没有填写任何三级指标), not "只有0个". The finding names the rows there are
    (「培训人次」「培训合格率」) and the 一级 groups missing (round 38): rows too few to hold every group are one fault
    with the groups they leave out — adding the groups adds the rows —, so ``missing-level1-group`` leaves such a
    project to this rule where it runs with a severity at least as high as that rule's (a reviewer writes
    「只有2个三级指标，缺少效益、满意度指标」 once; a region making this rule a warning keeps the groups' error).
    """
    groups = _groups_told_as_too_few(settings)
    out = []
    for project, own in project_rows(document):
        minimum = _minimum(project, settings.param("minimum"), settings.param("minimum_simplified"))
        if minimum is None:
            continue
        count = len(project.indicators)
        if not count:
            out.append(at_project(project, None, "没有填写任何三级指标，无法衡量项目的产出和效益",
                                  "按产出、效益、满意度分别设置可衡量的三级指标"))
            continue
        named = [quote(row.indicator.level3) for row in own if row.indicator.level3.strip()]
        shown = "".join(named[:_NAMED_ROWS]) + ("等" if len(named) > _NAMED_ROWS else "")  # (every row, as a rule)
        missing = _groups_missing(project, own) if groups else None
        if isinstance(missing, str):
            out.append(at_project(project, None,
                                  f"只有{count}个三级指标{f'（{shown}）' if shown else ''}，少于{minimum}个，"
                                  f"缺少一级指标{missing}，绩效目标不完整",
                                  f"补充{missing}及其二级、三级指标，使三级指标不少于{minimum}个，"
                                  "每个写明可衡量的指标值"))
        else:
            out.append(at_project(project, None,
                                  f"只有{count}个三级指标{f'（{shown}）' if shown else ''}，少于{minimum}个，"
                                  "不足以反映项目的产出和效益",
                                  f"按产出、效益、满意度分别设置可衡量的三级指标，不少于{minimum}个"))
    return out


_NAMED_ROWS = 5  # the rows too-few-indicators names before 「等」 (a minimum configured higher)


def _minimum(project: Project, minimum: int, simplified: int) -> int | None:
    """The rows a project needs when it has fewer (a 人员类/运转类 project: ``simplified``), else None; None for a
    table cut off (its rows after the cut are unknown)."""
    if not project.complete:
        return None
    needed = simplified if category_of(project) else minimum
    return needed if len(project.indicators) < needed else None


def _groups_told_as_too_few(settings: RuleSettings) -> bool:
    """Whether the groups a thin project lacks are told by ``too-few-indicators`` (one finding) rather than by
    ``missing-level1-group``: where both run and the first weighs at least as much as the second (a region making
    ``too-few-indicators`` a warning keeps the groups' error, and the grade it gives). Either rule asks it."""
    other = "missing-level1-group" if settings.rule == "too-few-indicators" else "too-few-indicators"
    if not settings.runs(other):
        return False
    rows, groups = settings.severities.get("too-few-indicators"), settings.severities.get("missing-level1-group")
    return rows is None or groups is None or SEVERITIES.index(rows) <= SEVERITIES.index(groups)


def _too_few_counts(document: Document, settings: RuleSettings) -> frozenset[int]:
    """The projects (by identity) ``too-few-indicators`` tells, with its parameters as this review sets them (none
    where the settings were built without the other rules': a rule run on its own tells its own fault)."""
    if "too-few-indicators" not in settings.peers:
        return frozenset()
    minimum = settings.peer_param("too-few-indicators", "minimum")
    simplified = settings.peer_param("too-few-indicators", "minimum_simplified")
    return frozenset(id(project) for project in document.projects if _minimum(project, minimum, simplified))


@rule("table-cut-off", title="表格不完整", dimension="完整性", severity="info")
def table_cut_off(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project table that is cut off (the document ends or breaks inside it).

    The rows after the cut were never read, so the review says once that the table is
    incomplete, and the completeness rules (``missing-level1-group``, ``too-few-indicators``,
    ``missing-cost-indicator``, ``no-genuine-effect``, goal coverage) do not fault what may
    stand in the missing part. The grade covers only what was read.
    """
    out = []
    for project in document.projects:
        if project.complete:
            continue
        where = f"（在{project.cut}处中断）" if project.cut is not None else ""
        read = (f"只读到{len(project.indicators)}个三级指标" if project.indicators
                else "只读到表头，没有读到三级指标")  # (「只读到0个三级指标」 read as a count)
        finding = at_project(project, None, f"表格不完整{where}，{read}，其后的内容未审核",
                             "取得完整的绩效目标表后重新审核；审核等级只反映已读到的部分")
        out.append(replace(finding, source=project.cut or finding.source))
    return out


@rule("missing-target-value", title="指标值为空", dimension="完整性", severity="error")
def missing_target_value(document: Document, settings: RuleSettings) -> list[Finding]:
    """An indicator whose 指标值 cell is empty: there is nothing to measure against.

    A self-evaluation that reports what was done with no target (a report in prose: 办理法律援助案件94件) is
    told so with its actual: it can be scored against nothing; the target set at the start of the year is
    asked for in the actual's measure (``N件``), or a word why none was set.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", verdict[0],
                         input_row_advice(document, row, settings, verdict[1]) if len(verdict) == 3 else verdict[1])
            for row, verdict in flagged(document, _MISSING_TARGET_VALUE)]


def _no_value(row: Row) -> tuple[str, str] | tuple[str, str, bool] | None:
    """``missing-target-value``'s (message, suggestion) for one indicator, or (message, suggestion, True) where a row
    input-as-output tells is asked to be deleted instead (``is_input_row``), or None."""
    indicator = row.indicator
    if indicator.target.raw.strip():  # (nearly every row: clean() of it is not empty either, without its work)
        return None
    actual = clean(indicator.actual or "")
    if actual:
        # a self-evaluation reporting what was done with no target: the actual can be scored against nothing
        return (f"三级指标{quote(indicator.level3)}只有实际完成值{quote(actual)}，没有填写年初设定的指标值，"
                "无法判断是否完成目标，也无法打分",
                f"补填年初批复的指标值，计量单位与实际完成值相同（如「{_example_floor(actual)}」）；"
                "年初未设指标值的，在偏差原因中说明")
    if (held := _FIGURE_AT_NAME_END.search(indicator.level3, tail_start(indicator.level3))) is not None:
        # 指标1:年度资金支付完成率100%: the target written into the name, the value's cell left empty
        figure = held.group().strip()
        # (年度资金支付完成率100%: where input-as-output asks to delete it, deleted, not filled in)
        return (f"三级指标{quote(indicator.level3)}把指标值（{figure}）写进了名称，指标值栏却是空的，无法对照打分",
                f"名称写{quote(without_placeholder(indicator.level3[:held.start()].rstrip()))}，指标值栏填「{figure}」",
                True)
    if not _is_aim(row.name):  # 验收合格率, 办理法律援助案件: what is measured is said, the value is missing
        own = count_example(row.name) if row.level2 == "数量指标" else None  # 铺设输水管线: a length, in 米
        return (f"三级指标{quote(indicator.level3)}没有填写指标值，年底无从对照考核，也无法打分",
                f"填写可衡量的指标值，写明数量和计量单位，如{own}" if own else
                f"填写可衡量的指标值，如{value_example(row.name, group=meant_group(row))}")
    # a sentence of aims or results as the name (拓宽增收渠道, 有效降低疾病的发生和流行…): neither what is measured
    # nor how much is said
    return (f"三级指标{quote(indicator.level3)}没有填写指标值，名称也只是一句目标或结果，没有说明衡量什么，"
            "年底无从对照考核，也无法打分",
            "改写为可衡量的指标：名称写明衡量什么，指标值写数量、比例或时间，如"
            + (aim_example(meant_group(row), row.name) or "「受益群众 ≥5000人次」「带动农户户均增收 ≥2000元」"))


def _is_aim(name: str) -> bool:
    """A name that is a sentence of aims or results rather than a thing measured: clauses (有效降低…,实现了…), or a
    trend or an aim word (拓宽增收渠道, 改善人居环境: the vague words of ``vocabulary.toml``)."""
    if "，" in name or "," in name or "；" in name:
        return True
    vague = word_set("vague", "words")
    return any(word in vague for word in content_words(name))

# The comparators and spaces around a unit left alone in a value (≧ %).
_SIGNS_AND_SPACES = re.compile(r"[≥≤><=≧≦＞＜\s]")


# A target at a name's end (…完成率100%, …≥95%, …3个): written into the name.
_FIGURE_AT_NAME_END = re.compile(r"[≥≤><=＝≧≦]*\d+(?:\.\d+)?\s*(?:%|％|个|次|人|户|件|项|台|套|处|天|万元|元)$")
_LEADING_FIGURE = re.compile(r"^[≥≤><=＝≧≦]*\s*(\d+(?:\.\d+)?)\s*(\S*)$")


def _example_floor(actual: str) -> str:
    """A target in the actual's measure for the suggestion (``94件`` → ``N件``; a share → ``N%``)."""
    found = _LEADING_FIGURE.match(actual)
    unit = found.group(2) if found else ""
    return f"N{unit}" if unit and len(unit) <= 4 else "N"


_MISSING_TARGET_VALUE = indicator_check(_no_value)


@rule("missing-budget", title="未填写预算数", dimension="完整性", severity="warning")
def missing_budget(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project without its 预算数 (年度资金总额): targets cannot be weighed against money."""
    out = []
    for project in document.projects:
        if project.budget.total is None:
            out.append(at_project(project, "budget.total",
                                  "没有填写预算数（年度资金总额），无法对照资金规模判断指标值是否合理",
                                  "填写项目预算数及其中财政资金、其他资金"))
    return out


_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")


@rule("missing-goals", title="未填写绩效目标", dimension="完整性", severity="warning")
def missing_goals(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project without any 绩效目标 (年度总体目标) text, or whose goals are only figures.

    A goal written as a bare amount (``43.2`` — the budget copied into the 预期目标 cell)
    says nothing about what the project will achieve.
    """
    out = []
    for project in document.projects:
        if not project.goals:
            out.append(at_project(project, "goals", "没有填写绩效目标（年度总体目标）",
                                  "用一两句话写明本年度通过该项目要完成什么、达到什么效果"))
        elif not any(_WORDS.search(goal) for goal in project.goals):
            out.append(at_project(project, "goals",
                                  f"绩效目标只写了{quote(joined_goals(project.goals))}，没有说明本年度要完成什么、达到什么效果",
                                  "用一两句话写明本年度通过该项目要完成的产出和达到的效果，并与三级指标对应"))
    return out


@rule("template-leftover", title="模板残留", dimension="完整性", severity="warning")
def template_leftover(document: Document, settings: RuleSettings) -> list[Finding]:
    """Template text left in a name, description or value.

    Hints such as ``(≥**人)``, numbering such as ``指标1``, ``……``, ``XX``, ``**``, 请填写 or
    待定, or a value that is only the form's unit (``公里``, ``≧ %``): the form was not filled in.
    In a name or description this is a warning (the target may still be filled in); as the
    target value it is an **error**, since there is then no target. Hints left in several
    names of one project are one fault, reported once at the first of them with the list of
    the others (a form's hints left in every row is one slip, not ten). Leftovers at one row (its name's hint and
    its value's bare unit, or its description's) are one finding, at the value when the value is one. A description
    identical to its name is not reported again. (Rows that hold nothing but a placeholder,
    e.g. a bare ``指标2`` row, are skipped when reading and listed among the reader's notes.)
    Core-indicator stars (★) are not leftovers.
    """
    out: list[Finding] = []
    for project, own in flagged_by_project(document, _LEFTOVER):
        named: list[int] = []
        for row, (target_left, name_left, description_left) in own:
            position, indicator = row.position, row.indicator
            if target_left:
                left = (f"{quote(indicator.level3)}的指标值{quote(indicator.target.raw)}只有计量单位，没有填写数值"
                        if is_bare_unit(indicator.target.raw) else
                        f"{quote(indicator.level3)}的指标值{quote(indicator.target.raw)}是模板占位文字，没有填写指标值")
                raw = indicator.target.raw
                bare_unit = _SIGNS_AND_SPACES.sub("", raw) if is_bare_unit(raw) else ""
                # 公里: the form's unit kept, the figure to write before it
                fill = (f"在计量单位前填写数值，如「≥N{bare_unit}」" if bare_unit else  # (the row's own terms, as
                        # missing-target-value's: a cost's placeholder 「≤****000元」 is shown money)
                        f"填写可衡量的指标值，如{value_example(row.name, group=meant_group(row))}")
                out.append(replace(at_indicator(project, position, indicator, "target", left, fill), severity="error"))
            if name_left:
                named.append(position)
            if description_left:
                out.append(at_indicator(project, position, indicator, "description",
                                        f"绩效指标描述{quote(indicator.description or '')}中留有模板提示或占位文字",
                                        "删去模板提示和占位文字，按实际情况填写"))
        if not named:
            continue
        first = project.indicators[named[0] - 1]
        if len(named) == 1:
            message = f"三级指标名称{quote(first.level3)}中留有模板提示或占位文字"
        else:
            message = (f"{len(named)}个三级指标名称中留有模板提示或占位文字：{quote(first.level3)}，"
                       f"以及{positions(named[1:])}指标")
        out.append(at_indicator(project, named[0], first, "level3", message,
                                "删去模板提示（如「(≥**人)」「指标1」），只保留指标名称"))
    return _one_per_row(out)


# The cells of a row a leftover is found in, as the joined finding names them, in the table's order.
_CELL_NAMES = {"level3": "名称", "description": "指标描述", "target": "指标值"}


def _one_per_row(found: list[Finding]) -> list[Finding]:
    """``template-leftover``'s findings with those at one indicator joined into one: the form left unfilled in a
    row is one fault (陈仓's ``指标1:新建堤防、护岸长度`` with the value ``公里`` was told twice, at its name and at its
    value). The joined finding is at the value when the value is a leftover (an error: no target), its messages and
    suggestions in the order found, after the cells it joins (「名称与指标值都留有模板内容：」: the name's cell is not
    its location)."""
    at: dict[tuple[int | None, int | None], list[Finding]] = {}
    for finding in found:
        at.setdefault((finding.project, finding.indicator), []).append(finding)
    if len(at) == len(found):
        return found
    out = []
    for group in at.values():
        if len(group) == 1:
            out.append(group[0])
            continue
        main = next((finding for finding in group if finding.severity == "error"), group[0])
        suggestions = list(dict.fromkeys(finding.suggestion for finding in group))
        # the finding is at one cell (the value's): the cells it joins are named, the name's location being lost
        fields = {finding.field for finding in group}
        cells = "与".join(name for field, name in _CELL_NAMES.items() if field in fields)  # in the table's order
        out.append(replace(main, message=f"{cells}都留有模板内容：" + "；".join(finding.message for finding in group),
                           suggestion="；".join(suggestions)))
    return out


def positions(numbers: list[int]) -> str:
    """Indicator positions as a reviewer reads them: runs of three or more as one span (``第2至第10个``),
    the others one by one (``第2个、第5个``)."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return "、".join(f"第{run[0]}至第{run[-1]}个" if len(run) >= 3 else "、".join(f"第{n}个" for n in run)
                    for run in runs)


def _leftovers(row: Row) -> tuple[bool, bool, bool] | None:
    """``template-leftover``'s verdict on one indicator: (a leftover as the value, in the name, in the
    description — unless the description repeats a name that has one), or None for none."""
    indicator = row.indicator
    target_left = is_leftover(indicator.target.raw)
    name_left = is_leftover(indicator.level3)
    description = indicator.description
    description_left = bool(description) and is_leftover(description) and not (
        name_left and clean(description) == clean(indicator.level3))
    return (target_left, name_left, description_left) if target_left or name_left or description_left else None


_LEFTOVER = indicator_check(_leftovers)
