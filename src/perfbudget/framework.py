"""The indicator frameworks (指标体系) and the normalisation of indicator names.

Two frameworks occur in real tables (``rules.md`` §2):

* 2015-style: 产出 (数量/质量/时效/成本), 效益 (经济/社会/生态效益, 可持续影响), 满意度;
* 2021-style (财预〔2021〕101号): 成本 is a 一级 of its own (经济/社会/生态环境成本).

Real tables use one more (:data:`FRAMEWORKS`): the 中央预算内投资计划绩效目标表 of the investment plans
(发展改革部门), whose 一级 are 实施效果指标 — 产出/效益/满意度 (or their 二级) as its 二级 — and 过程管理指标
(计划管理, 资金管理, 项目管理, 监督检查 …: how the investment is run). :func:`framework_of` tells them apart
from a project's 一级 names; a project none of whose 一级 is known is of an unknown framework.

部门整体 (department-wide) tables use forms of their own (:data:`DEPARTMENT_FRAMEWORKS`, docs/review.md): 财政部's
共性指标框架 (投入/过程/产出/效果), the provinces' 运行成本/管理效率/履职效能/社会效应/可持续发展/满意度, and
Jiangxi's 管理指标 before 产出/效果/满意度. Their 一级 are told apart by :func:`department_level1`.

Names as written are kept in the model; the functions here give the normalised
name used for grouping, review and scoring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from perfbudget.text_caches import keyed_on_texts

LEVEL1_OUTPUT = "产出指标"
LEVEL1_EFFECT = "效益指标"
LEVEL1_SATISFACTION = "满意度指标"
LEVEL1_COST = "成本指标"
LEVEL1_NAMES = (LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION, LEVEL1_COST)
# The investment plans' form (中央预算内投资计划绩效目标表): how the investment is run, a 一级 of its own.
LEVEL1_PROCESS = "过程管理指标"

FRAMEWORK_2015: dict[str, tuple[str, ...]] = {
    LEVEL1_OUTPUT: ("数量指标", "质量指标", "时效指标", "成本指标"),
    LEVEL1_EFFECT: ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    LEVEL1_SATISFACTION: ("服务对象满意度指标",),
}
FRAMEWORK_2021: dict[str, tuple[str, ...]] = {
    LEVEL1_COST: ("经济成本指标", "社会成本指标", "生态环境成本指标"),
    LEVEL1_OUTPUT: ("数量指标", "质量指标", "时效指标"),
    LEVEL1_EFFECT: ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"),
    LEVEL1_SATISFACTION: ("服务对象满意度指标",),
}

# 一级 names of older and provincial forms (Sichuan's 申报表: 项目完成指标 / 项目效益指标).
_LEVEL1_ALIASES = {
    "项目完成指标": LEVEL1_OUTPUT,
    "项目完成": LEVEL1_OUTPUT,
    "项目效益指标": LEVEL1_EFFECT,
    "项目效益": LEVEL1_EFFECT,
    "预期产出指标": LEVEL1_OUTPUT,
    "效果指标": LEVEL1_EFFECT,
    "预期效果指标": LEVEL1_EFFECT,
    "过程管理": LEVEL1_PROCESS,
}

_LEVEL2_ALIASES = {
    "社会公众或服务对象满意度指标": "服务对象满意度指标",
    "满意度指标": "服务对象满意度指标",
    "服务对象满意度": "服务对象满意度指标",
    "生态环境效益指标": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "可持续发展指标": "可持续影响指标",
    "预算控制指标": "成本指标",  # Guangdong's older form: 预算(或投资规模)控制指标
}

# Older names of a 二级 that provincial forms still print, and the framework's name for each: Hubei's 进度指标
# for 时效, the 2013–2016 templates' 环境效益指标 for 生态效益. Kept as written (the model keeps names as
# written); the reader knows them as 二级 names, the review compares them as the framework's.
OLDER_LEVEL2 = {"进度指标": "时效指标", "环境效益指标": "生态效益指标"}


@dataclass(frozen=True)
class Framework:
    """An indicator framework (指标体系) real tables use, and what the review expects of a project in it.

    Attributes:
        key: a short identifier (``2015``, ``2021``, ``investment``).
        title: its Chinese name, for messages.
        levels: each 一级 (normalised) with its 二级 names; an empty tuple accepts any 二级 (the form's own).
        required: the 一级 groups every project must have (``missing-level1-group``).
        process: the 一级 groups of process indicators (how the money and the work are run: 资金支付率,
            开工率 are the form's own there, not outputs taken for inputs).
        costed: whether the framework has a place for cost indicators (``missing-cost-indicator``).
        department: a 部门整体 (department-wide) form: told by its own 一级 (:data:`DEPARTMENT_FRAMEWORKS`).
        marks: the 一级 only this form has, that tell it (a 部门整体 form's; see :func:`framework_of`).
        output_details: whether its 产出 must hold 数量 and 时效 二级 (``missing-quantity-indicator``,
            ``missing-time-indicator``): the 共性 form's 产出 is 职责履行.
        satisfaction: the 一级 under which satisfaction indicators stand besides 满意度指标 (the 共性 form's
            效果 holds 社会公众或服务对象满意度).
        labels: a group as the form names it in messages (the 共性 form's 效益指标 is its 效果指标).
    """

    key: str
    title: str
    levels: Mapping[str, tuple[str, ...]]
    required: tuple[str, ...]
    process: frozenset[str] = frozenset()
    costed: bool = True
    department: bool = False
    marks: frozenset[str] = frozenset()
    output_details: bool = True
    satisfaction: frozenset[str] = frozenset()
    labels: Mapping[str, str] = field(default_factory=dict)  # a group as the form names it (效益指标 → 效果指标)

    @property
    def own_level2(self) -> frozenset[str]:
        """The 二级 only this form has (none of the project frameworks'): the 共性 form's 职责履行, 履职效益 …"""
        return DEPARTMENT_LEVEL2.intersection(name for names in self.levels.values() for name in names)

    def fits(self, level1: str, level2: str) -> bool:
        """A row (``level1``, ``level2`` normalised) stands where this framework puts it: its 一级 is the
        framework's, and its 二级 one of that 一级's (any, when the framework lists none; none written)."""
        names = self.levels.get(level1)
        return names is not None and (not names or not level2 or level2 in names)


# The 中央预算内投资计划绩效目标表 (corpus 133, 42): 实施效果指标 holds 产出/效益/满意度 (or their 二级: 经济效益 …,
# 服务对象满意度) as its 二级; 过程管理指标 holds the form's management headings. No 成本 row: cost is held
# by the plan's 概算 (its 超规模、超标准、超概算 row is a process indicator). 产出 may stand under 过程管理
# (投资完成, 项目进度), so it is not required; the effects and the satisfaction are.
INVESTMENT = Framework(
    "investment", "中央预算内投资计划绩效目标表（实施效果指标、过程管理指标）",
    {**FRAMEWORK_2015, LEVEL1_PROCESS: ()},
    required=(LEVEL1_EFFECT, LEVEL1_SATISFACTION, LEVEL1_PROCESS),
    process=frozenset({LEVEL1_PROCESS}), costed=False)
FRAMEWORK_OF_2015 = Framework("2015", "2015年框架（产出、效益、满意度指标）", FRAMEWORK_2015,
                              required=(LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION))
FRAMEWORK_OF_2021 = Framework("2021", "2021年框架（成本、产出、效益、满意度指标）", FRAMEWORK_2021,
                              required=(LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION))

# The 部门整体 (department-wide) forms' own 一级 (normalised by :func:`department_level1`).
LEVEL1_INPUT = "投入指标"  # the 共性 framework's 投入 (目标设定, 预算配置)
LEVEL1_COURSE = "过程指标"  # its 过程 (预算执行, 预算管理, 资产管理)
LEVEL1_MANAGEMENT = "管理指标"  # Jiangxi's 部门整体 form: 预算编审管理, 预算执行管理 … 资产管理
LEVEL1_RUNNING_COST = "运行成本指标"
LEVEL1_EFFICIENCY = "管理效率指标"
LEVEL1_DUTY = "履职效能指标"
LEVEL1_SOCIAL = "社会效应指标"
LEVEL1_SUSTAINABLE = "可持续发展指标"
_PROJECT_EFFECTS = FRAMEWORK_2015[LEVEL1_EFFECT]
_PROJECT_OUTPUTS = FRAMEWORK_2015[LEVEL1_OUTPUT]
_SATISFACTION2 = FRAMEWORK_2015[LEVEL1_SATISFACTION]
# The 共性 form's 社会公众或服务对象满意度 as tables shorten it (服务对象满意度 is the project framework's name).
DEPARTMENT_SATISFACTION2 = (*_SATISFACTION2, "社会公众满意度指标")

# 财政部's 部门整体支出绩效评价共性指标体系框架 (财预〔2013〕53号's annex; the 部门整体 tables of 绥芬河 and the
# 评价指标体系表 docs in docs/review.md): 投入 (目标设定, 预算配置), 过程 (预算执行, 预算管理, 资产管理), 产出
# (职责履行: 实际完成率, 完成及时率, 质量达标率, 重点工作办结率), 效果 (履职效益; 社会公众或服务对象满意度). 投入 and
# 过程 hold the department's management (在职人员控制率, 预算完成率, 结转结余率, 政府采购执行率): the form's own, not
# outputs taken for inputs. Its 产出 may also be written with the project 二级 (数量 …): accepted.
DEPARTMENT_COMMON = Framework(
    "department-common", "部门整体支出共性指标框架（投入、过程、产出、效果）",
    {LEVEL1_INPUT: ("目标设定指标", "预算配置指标"),
     LEVEL1_COURSE: ("预算执行指标", "预算管理指标", "资产管理指标"),
     LEVEL1_OUTPUT: ("职责履行指标", *_PROJECT_OUTPUTS),
     LEVEL1_EFFECT: ("履职效益指标", *_PROJECT_EFFECTS, *DEPARTMENT_SATISFACTION2),
     LEVEL1_SATISFACTION: DEPARTMENT_SATISFACTION2},
    required=(LEVEL1_INPUT, LEVEL1_COURSE, LEVEL1_OUTPUT, LEVEL1_EFFECT),
    process=frozenset({LEVEL1_INPUT, LEVEL1_COURSE}), costed=False, department=True,
    marks=frozenset({LEVEL1_INPUT, LEVEL1_COURSE}), output_details=False, satisfaction=frozenset({LEVEL1_EFFECT}),
    labels={LEVEL1_EFFECT: "效果指标"})
# The 部门整体绩效目标 form of provinces such as Hubei and Hunan: 运行成本, 管理效率 (how the department is run),
# 履职效能 (its duties done), 社会效应, 可持续发展, 满意度. Its 二级 are the province's own (no two provinces
# print the same): any is accepted. Required: the duties done and their effects.
DEPARTMENT_DUTIES = Framework(
    "department-duties", "部门整体绩效目标（运行成本、管理效率、履职效能、社会效应、可持续发展、满意度）",
    {LEVEL1_RUNNING_COST: (), LEVEL1_EFFICIENCY: (), LEVEL1_DUTY: (), LEVEL1_SOCIAL: (), LEVEL1_SUSTAINABLE: (),
     LEVEL1_SATISFACTION: ()},
    required=(LEVEL1_DUTY, LEVEL1_SOCIAL),
    process=frozenset({LEVEL1_RUNNING_COST, LEVEL1_EFFICIENCY}), costed=False, department=True,
    marks=frozenset({LEVEL1_RUNNING_COST, LEVEL1_EFFICIENCY, LEVEL1_DUTY, LEVEL1_SOCIAL, LEVEL1_SUSTAINABLE}))
# Jiangxi's 部门整体支出绩效自评表 (蚕茶卫生院 2021, tests/review/judged.py b139): 管理指标 (预算编审管理, 预算执行
# 管理, 部门结转结余资金管理, 预决算信息公开管理, 部门预算管理, 政府采购管理, 资产管理) before the project
# framework's 产出 (数量/质量/时效), 效果 (经济/社会/生态效益) and 满意度. No 成本 二级: the budget's control is
# 管理指标's. Told by 管理指标 only in a table that names itself 部门整体 (in a project table it is misfiled).
DEPARTMENT_MANAGEMENT = Framework(
    "department-management", "部门整体支出绩效表（管理指标、产出指标、效果指标、满意度指标）",
    {LEVEL1_MANAGEMENT: (), **FRAMEWORK_2015},
    required=(LEVEL1_MANAGEMENT, LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION),
    process=frozenset({LEVEL1_MANAGEMENT}), costed=False, department=True, marks=frozenset({LEVEL1_MANAGEMENT}))
DEPARTMENT_FRAMEWORKS = (DEPARTMENT_COMMON, DEPARTMENT_DUTIES, DEPARTMENT_MANAGEMENT)
# The 共性 frame of 财预〔2020〕10号 (项目支出绩效评价指标体系: 决策, 过程, 产出, 效益) as a province prints it in its
# project target form: Jiangsu's 项目绩效目标 (镇江博物馆 2024, judged b185) sets 决策 (项目立项: 立项程序规范性 规范,
# 立项依据充分性 充分; 绩效目标: 绩效指标明确性 明确, 绩效目标合理性 合理; 资金投入) and 过程 (资金管理, 组织实施)
# before 产出, 效益 and 满意度, each 决策/过程 row printed by the form with its grade as the value. Told by 决策 as a
# 一级 (no other form has it); its 决策 and 过程 are the form's process groups, any 二级 accepted. Its 过程 is such
# only beside 决策: in a 2015 table a 过程指标 row is misfiled.
LEVEL1_DECISION = "决策指标"
EVALUATION = Framework(
    "evaluation", "项目支出绩效评价共性框架（决策、过程、产出、效益、满意度）",
    {LEVEL1_DECISION: (), LEVEL1_COURSE: (), **FRAMEWORK_2015},
    required=(LEVEL1_OUTPUT, LEVEL1_EFFECT),
    process=frozenset({LEVEL1_DECISION, LEVEL1_COURSE}), marks=frozenset({LEVEL1_DECISION}),
    satisfaction=frozenset({LEVEL1_EFFECT}))
PROJECT_FRAMEWORKS = (FRAMEWORK_OF_2015, FRAMEWORK_OF_2021, INVESTMENT)
FRAMEWORKS = (*PROJECT_FRAMEWORKS, EVALUATION, *DEPARTMENT_FRAMEWORKS)
# Every 一级 the project forms know (normalised), and their process groups (a 部门整体 form's own 一级 are known
# and its process groups are such only in a table of that form, and so are the evaluation frame's 决策 and 过程:
# see framework_of and review.helpers).
KNOWN_LEVEL1 = frozenset(name for framework in PROJECT_FRAMEWORKS for name in framework.levels)
PROCESS_LEVEL1 = frozenset(name for framework in PROJECT_FRAMEWORKS for name in framework.process)
DEPARTMENT_LEVEL1 = frozenset(name for framework in DEPARTMENT_FRAMEWORKS for name in framework.marks)
# (with the evaluation frame's 决策 and 过程: the groups of the forms that bring their own management rows)
DEPARTMENT_PROCESS_LEVEL1 = frozenset(name for framework in (*DEPARTMENT_FRAMEWORKS, EVALUATION)
                                      for name in framework.process)
# The 二级 only a 部门整体 form has (the 共性 form's 职责履行, 履职效益, 预算执行 …): a 三级 under one measures the
# department as a whole (完成及时率 of its duties), as a 三级 under a process group's heading (政府采购管理 | 执行率).
DEPARTMENT_LEVEL2 = frozenset(name for framework in DEPARTMENT_FRAMEWORKS for names in framework.levels.values()
                              for name in names) - {name for names in FRAMEWORK_2021.values() for name in names} \
    - {name for names in FRAMEWORK_2015.values() for name in names}

# The 部门整体 forms' 一级 as written (with or without 指标; normalise_level1 keeps them as they are, the readers
# relying on it) and the name the review and the scoring use; 效果 is the effects (效益指标), as 效果指标 is.
_DEPARTMENT_ALIASES = {
    **{name[:-2]: name for name in DEPARTMENT_LEVEL1 | EVALUATION.marks},
    **{name: name for name in DEPARTMENT_LEVEL1 | EVALUATION.marks},
    "效果": LEVEL1_EFFECT,
}
# A table that names itself 部门整体 (its project name, title or first cells): 部门整体支出, 蚕茶卫生院整体支出,
# 单位整体绩效目标 (not 整体绩效指标, a row's name). The readers' and the scoring's one test: names_department_table.
DEPARTMENT_WORDS = re.compile(r"(?:部门|单位)(?:\(单位\))?整体|整体支出|整体绩效(?:目标|自评|评价)")


def department_level1(level1: str) -> str:
    """A 一级 (normalised by :func:`normalise_level1`) of a 部门整体 form or of the evaluation frame under the name
    the frameworks use: 投入 → 投入指标, 履职效能 → 履职效能指标, 效果 → 效益指标, 决策 → 决策指标; any other name
    unchanged."""
    return _DEPARTMENT_ALIASES.get(level1, level1)


@keyed_on_texts
@lru_cache(maxsize=8192)
def names_department_table(text: str) -> bool:
    """Whether a text (a title, a cell, a project's name) names a 部门整体 table: ``DEPARTMENT_WORDS``."""
    return "整体" in text and DEPARTMENT_WORDS.search(unicodedata.normalize("NFKC", text)) is not None


def is_department_table(*names: str | None) -> bool:
    """Whether a project's name or title names a 部门整体 table (部门整体支出, …卫生院整体支出)."""
    return any(name and names_department_table(name) for name in names)

# A 一级 that wraps the framework's 一级 as its 二级: the investment form's 实施效果指标 (also written 效果指标
# or 绩效指标 in regional copies of it).
_WRAPPER_LEVEL1 = re.compile(r"^(?:实施效果|效果|绩效)指标$")

_SCORE_NOTE = re.compile(r"[（(][^()（）]*?(?:分|权重|%)[^()（）]*?[)）]$")
# What a run of spaces, comparators or stars took is never given back (nothing after it can start with
# what it took, so the matches are the same), and a run of comparators is tried from its first one:
# tried from every ≥ of a run and backtracking, a 16,000-character 三级 name of ≥ took 1.2 s (attack10).
_TEMPLATE_HINT = re.compile(r"[（(]\s*+[≥≤><=]*+\s*+\*++[^()（）]*+[)）]|(?<![≥≤><=])[≥≤><=]++\*++\S*+|\*{2,}[^\s，,]*+"
                            r"|[（(]\s*+[≥≤><=]++\s*+[\u4e00-\u9fffA-Za-z/%²³]{1,4}\s*[)）]$")  # (≥台): a unit hint
_PAREN_NOTE = re.compile(r"[（(][^()（）]*[)）]")
# 数量指标(必填硬性指标), 经济效益指标(选填): the template's fill-in note after a level name.
_FILL_NOTE = re.compile(r"[（(]\s*(?:必填|选填|可选|必选)[^()（）]*[)）]")
_STARS = re.compile(r"[★☆*※]+")
_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


# A level name numbered as a list item (一、产出指标, (二)效益指标, 1.产出指标, 2、数量指标; NFKC has made （）
# and ． ASCII): the number is no part of the name (reading37: 一、产出指标 was no 一级 name, one cell a line
# refused the table)
_NUMERALS = "一二三四五六七八九十"
_LIST_NUMBER = re.compile(rf"^(?:[{_NUMERALS}]{{1,3}}[、.]|\([{_NUMERALS}\d]{{1,3}}\)|\d{{1,2}}(?:、|\.(?!\d)))")
_LIST_NUMBER_FIRST = frozenset(_NUMERALS + "(0123456789")


def _unnumbered(name: str) -> str:
    return _LIST_NUMBER.sub("", name, 1) if name[:1] in _LIST_NUMBER_FIRST else name


def is_list_numbered(text: str) -> bool:
    """Whether ``text`` starts with a list item's number (一、, (二), 3., 1、) as :func:`normalise_level1` drops it."""
    name = _clean(text)
    return name[:1] in _LIST_NUMBER_FIRST and _LIST_NUMBER.match(name) is not None


@keyed_on_texts
@lru_cache(maxsize=4096)
def normalise_level1(text: str) -> str:
    """产出指标(50分) → 产出指标; 产出 → 产出指标; 产出值 → 产出指标; unknown names are returned cleaned."""
    name = _FILL_NOTE.sub("", _SCORE_NOTE.sub("", _unnumbered(_clean(text))))
    name = _STARS.sub("", name)
    name = _LEVEL1_ALIASES.get(name, name)
    for level1 in LEVEL1_NAMES:
        stem = level1[:-2]
        if name in (level1, stem, stem + "值") or name.startswith(level1):
            return level1
    return name


@keyed_on_texts
@lru_cache(maxsize=4096)
def normalise_level2(text: str) -> str:
    """经济效益 + 指标 → 经济效益指标 (also 经济效益值); aliases such as 社会公众或服务对象满意度指标 mapped."""
    name = _FILL_NOTE.sub("", _SCORE_NOTE.sub("", _unnumbered(_clean(text))))
    name = _STARS.sub("", _PAREN_NOTE.sub("", name))  # 数量指标(或建筑规模指标), 时效指标(工期指标)
    if name.endswith("值") and len(name) > 2:
        name = name[:-1]
    if name in _LEVEL2_ALIASES:
        return _LEVEL2_ALIASES[name]
    if name and not name.endswith("指标"):
        name += "指标"
    name = _LEVEL2_ALIASES.get(name, name)
    return name if name in _KNOWN_LEVEL2 or len(name) < 6 else _without_doubled_word(name)


# Every 二级 name of both frameworks, with the older names the reader knows.
_KNOWN_LEVEL2 = frozenset({*(n for f in (FRAMEWORK_2015, FRAMEWORK_2021) for names in f.values() for n in names),
                           *OLDER_LEVEL2})
_LEVEL_NAMES = (*LEVEL1_NAMES, *sorted(_KNOWN_LEVEL2))


def is_level_name_start(text: str) -> bool:
    """``text`` is a 一级 or 二级 name of the frameworks, or its beginning (生态 of 生态效益指标; two characters at
    least): what a page cut in a row's first cell leaves."""
    return len(text) >= 2 and any(name.startswith(text) for name in _LEVEL_NAMES)


def _without_doubled_word(name: str) -> str:
    """A 二级 name whose typist wrote a word twice (社会效益效益指标, a Yunnan 自评表): the framework's name when
    writing the doubled word once gives one (a word of two characters), else the name unchanged."""
    for i in range(len(name) - 3):
        if name[i:i + 2] == name[i + 2:i + 4] and (once := name[:i + 2] + name[i + 4:]) in _KNOWN_LEVEL2:
            return once
    return name


# Every template hint holds a star or a comparator (≥ ≤ > < =): a name holding neither has none.
_MAY_HINT = re.compile(r"[*≥≤><=]")
# What normalise_level3 takes out holds one of these (a hint's star or comparator, a core star, a space).
_MAY_CLEAN = re.compile(r"[*≥≤><=★☆※\s]")


@keyed_on_texts
@lru_cache(maxsize=16384)
def normalise_level3(text: str) -> str:
    """A 三级 name without core-indicator stars and template hints such as ``(≥**人)``."""
    name = unicodedata.normalize("NFKC", text)
    if _MAY_CLEAN.search(name) is None:  # most names: no star, hint or space, nothing to take out (one look)
        return name
    if _MAY_HINT.search(name) is not None:  # most names hold no hint: the long pattern is tried only here
        name = _TEMPLATE_HINT.sub("", name)
    name = _STARS.sub("", name)
    return _SPACES.sub("", name)


def has_template_hint(text: str) -> bool:
    """True when a name still holds a template hint such as ``(≥**%)`` or ``≥**人``."""
    return bool(_TEMPLATE_HINT.search(unicodedata.normalize("NFKC", text)))


def wrapped_level1(level1: str, level2: str) -> str | None:
    """The framework's 一级 a row of a wrapping 一级 belongs to: 实施效果指标 | 产出指标 → 产出指标, 实施效果指标 |
    经济效益指标 → 效益指标 (``level1``, ``level2`` normalised); None for any other row. Only the effects' and the
    satisfaction's 二级 stand under 实施效果 in the form (its outputs are 产出指标 itself, or 过程管理's 投资完成):
    实施效果指标 | 数量指标 is none of them."""
    if level1 in LEVEL1_NAMES or _WRAPPER_LEVEL1.match(level1) is None:
        return None
    if level2 in LEVEL1_NAMES or normalise_level1(level2) in LEVEL1_NAMES:
        return normalise_level1(level2)
    parent = _PARENT.get(level2)
    return parent if parent in (LEVEL1_EFFECT, LEVEL1_SATISFACTION) else None


# Each 二级 of the two frameworks with its 一级 (成本指标: 产出's, as in 2015).
_PARENT = {name: level1 for framework in (FRAMEWORK_2021, FRAMEWORK_2015) for level1, names in framework.items()
           for name in names}


def parent_level1(level2: str) -> str | None:
    """The 一级 a framework 二级 (normalised) stands under: 数量指标 → 产出指标; None for other names."""
    return _PARENT.get(level2)


def framework_of(level1s: Iterable[str], department: bool = False, level2s: Iterable[str] = ()) -> Framework | None:
    """The framework of a project from its rows' 一级 names (normalised, wrapped rows as their 一级, the 部门整体
    forms' by :func:`department_level1`: see ``review.helpers``); empty names are skipped. A 部门整体 form when
    two of its own 一级 stand in the table (投入 and 过程; 履职效能 and 社会效应 …), or one in a table that names
    itself 部门整体 (``department``: its 管理指标 beside 产出/效果/满意度); else 2021 when 成本指标 is a 一级, the
    investment form when 过程管理指标 is, the evaluation frame (:data:`EVALUATION`) when 决策指标 is, else 2015.
    None for an unknown framework: no 一级 known, or more
    unknown 一级 names than known ones and at least two (达州's 部门整体 sheet: 部门决策, 综合管理, 部门绩效情况
    beside 满意度); one unknown name beside known ones (投入 in a 2015 table, a typo) is a misfiled row, not
    another framework. A 二级 only a 部门整体 form has (``level2s``: the 共性 form's 职责履行, 履职效益 …) marks that
    form as its 一级 do, each name once: a 部门整体 table of 产出 | 职责履行 and 效果 | 履职效益 is the 共性 form's
    even without its 投入 and 过程."""
    names = set(level1s)
    names.discard("")
    own2 = DEPARTMENT_LEVEL2.intersection(level2s)
    if own2 or names & DEPARTMENT_LEVEL1:  # (most tables: none)
        needed = 1 if department else 2
        for form in DEPARTMENT_FRAMEWORKS:  # the 一级 first: 蚕茶's 管理指标 | 资产管理 is Jiangxi's form
            if len(names & form.marks) >= needed:
                return form
        for form in DEPARTMENT_FRAMEWORKS:
            if own2 and len(names & form.marks) + len(own2 & form.own_level2) >= needed:
                return form
    if LEVEL1_DECISION in names:  # (most tables: not) 决策 first: Jiangsu's form of the evaluation frame
        return EVALUATION
    known = len(names & KNOWN_LEVEL1)
    unknown = len(names) - known
    if not known or (unknown >= 2 and unknown > known):
        return None
    if LEVEL1_PROCESS in names:
        return INVESTMENT
    return FRAMEWORK_OF_2021 if LEVEL1_COST in names else FRAMEWORK_OF_2015


def detect_framework(level_pairs: Iterable[tuple[str, str]]) -> str:
    """"2021" when 成本指标 is used as a 一级, "2015" otherwise (also for mixed tables)."""
    for level1, _level2 in level_pairs:
        if normalise_level1(level1) == LEVEL1_COST:
            return "2021"
    return "2015"
