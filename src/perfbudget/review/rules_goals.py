"""The goals (绩效目标) against themselves and against the indicators.

88号 asks that goals be clear, detailed and quantified (细化、量化), and that the indicators
measure what the goals say: a goal the indicators do not cover, or a figure they contradict,
leaves the money's purpose unchecked. The rules cut goals into clauses and words (rjieba,
``language.py``) and compare them with the indicators' names, descriptions and targets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from perfbudget.model import Document, Op, Project, Target
from perfbudget.money_text import MONEY_UNITS as _MONEY_UNITS
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import (
    CACHE_SIZE,
    at_indicator,
    at_project,
    bare,
    joined_goals,
    name_of,
    per_document,
    quote,
)
from perfbudget.review.language import (
    content_words,
    figures,
    made_of,
    measure_words,
    project_category,
    search_words,
    word_set,
)
from perfbudget.review.registry import rule
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal
from perfbudget.text_caches import keyed_on_texts

# Without a figure a goal may still be checkable: 全年无安全事故, 通过验收, 全覆盖, 建成投用.
_GOAL_ANCHOR = re.compile(r"达到(?:优良|合格|达标|标准|国家|省级|市级|[一二三四五]级|[一二三]类)|通过验收|验收合格"
                          r"|全覆盖|建成|竣工|投入使用|投用|不发生|未发生|零|无[^\s，。；]{0,8}(?:事故|事件|差错)")
# A ranking to reach (考核第一名, 前三名): checkable at year end, as a figure is.
_RANKING = re.compile(r"(?:第|前)[一二三四五六七八九十\d]{1,3}名")
_CLAUSE_BREAK = re.compile(r"[，。；;,！!？?\n]|(?:^|\s)\d+[.、．]")
_MIN_COPY = 8


def _goal_text(project: Project) -> str:
    return joined_goals(project.goals)


def _is_plain(word: str) -> bool:
    """A word that names no work: generic goal words, vague words, measure words."""
    return (made_of(word, "goals", "generic") or made_of(word, "vague", "words")
            or word in word_set("units", "count") or word in measure_words() or len(word) < 2)


def _is_money_word(word: str) -> bool:
    return made_of(word, "goals", "money") or made_of(word, "goals", "generic") or len(word) < 2


# A sum per head or per unit (每生 1500 元/学期, 500元/亩) is a standard the year can be checked
# against, not the money split.
_PER_BEFORE = re.compile(r"每[\u4e00-\u9fff]{1,3}\s*$")
_PER_AFTER = re.compile(r"^\s*[/／每]")


def _per_unit(text: str, start: int, end: int) -> bool:
    return bool(_PER_BEFORE.search(text[max(0, start - 6):start]) or _PER_AFTER.match(text[end:end + 3]))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _goal_faults(text: str) -> tuple[str, ...]:
    """Why a goal text cannot be measured: no figure, only boilerplate, only the money split."""
    found = figures(text)
    work = [f for f in found if f[1] not in _MONEY_UNITS or _per_unit(text, f[2], f[3])]
    words = content_words(text)
    if found and not work and all(_is_money_word(w) for w in words):
        return ("只写了资金的安排，没有说明要完成的产出和效果",)
    if work or _GOAL_ANCHOR.search(text) or ("名" in text and _RANKING.search(text)):
        return ()
    if all(_is_plain(w) for w in words):
        return ("只有笼统的表述（如「保障工作顺利开展」「提升水平」），没有具体内容", "没有可衡量的数字")
    return ("没有可衡量的数字或完成标准",)


@rule("goals-not-measurable", title="绩效目标不可衡量", dimension="可行性", severity="warning")
def goals_not_measurable(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 绩效目标 that cannot be measured at year end.

    财预〔2015〕88号 asks for goals that are "细化、量化": what will be delivered, how much,
    with what effect. Flagged: a goal without any figure (a year, a date or list numbering is
    not one) and without a checkable end state (通过验收, 全覆盖, 建成, 全年无安全事故, a ranking such as
    考核第一名);
    boilerplate made only of general words (保障各项工作顺利开展, 进一步提升水平); a goal
    that only states how the money is split (``资金120万元，其中…用于…``; a sum per head or per
    unit, ``每生1500元/学期``, is a standard and counts as a figure); a goal copied word
    for word from another project of the same document. Goals that are only a figure are
    ``missing-goals``. 人员类/运转类 projects (the standard goal 保障单位正常运转) are not
    flagged unless copied. A goal that also repeats the 资金用途 (``goals-repeat-purpose``'s test) says so in the
    same message (「…基本照抄了资金用途，没有可衡量的数字或完成标准」): one fault of the goal, one finding (since
    round 40; the seed's nine copies were told twice, this warning and that rule's hint).
    """
    out = []
    for project, text, faults in unmeasured_goals(document):
        copied = "基本照抄了资金用途，" if repeats_purpose(project) else ""
        out.append(at_project(project, "goals", f"绩效目标{quote(text)}{copied}" + "；".join(faults),
                              "写明本年度要完成的产出（数量、质量、时限）和要达到的效果，尽量用数字表述，"
                              "并让每一项都有对应的三级指标" + _goal_example(project)))
    return out


@per_document
def unmeasured_goals(document: Document) -> list[tuple[Project, str, list[str]]]:
    """The projects ``goals-not-measurable`` tells, each with its goal text and the faults found (in document
    order); ``goals-repeat-purpose`` reads it too (one fault of a goal, one finding): answered once a review
    (:func:`~perfbudget.review.helpers.per_document`)."""
    texts = [_goal_text(project) for project in document.projects]
    same: dict[str, list[Project]] = defaultdict(list)
    for project, text in zip(document.projects, texts, strict=True):
        key = bare(text)
        if len(key) >= _MIN_COPY:
            same[key].append(project)
    out = []
    for project, text in zip(document.projects, texts, strict=True):
        if not text or not re.search(r"[\u4e00-\u9fff]{2}", text):
            continue  # missing-goals
        faults = [] if project_category(project.name, project.extras) else list(_goal_faults(text))
        sharing = same.get(bare(text), ())
        if len(sharing) > 1:
            # named, not numbered: a stored project is reviewed among its unit's projects from other files, whose
            # numbers the reader never sees (until 2026-12-04 「与第1个项目…」 could name the project itself)
            copies = [other for other in sharing[:6] if other is not project][:5]
            more = f"等{len(sharing) - 1}个项目" if len(sharing) - 1 > len(copies) else ""
            faults.append("与项目" + "、".join(quote(_named(other)) for other in copies) + f"{more}的绩效目标一字不差，"
                          "不是本项目自己的目标")
        if faults:
            out.append((project, text, faults))
    return out


def repeats_purpose(project: Project) -> bool:
    """Whether the project's 绩效目标 only repeat its 资金用途: punctuation aside, the same text, or one containing
    the other and adding less than a third to it (``goals-repeat-purpose``; ``goals-not-measurable`` says it in its
    own message)."""
    if not project.goals or not project.purpose:
        return False
    goals = bare("".join(project.goals))
    purpose = bare(project.purpose)
    if not goals or not purpose:
        return False
    longer, shorter = (goals, purpose) if len(goals) >= len(purpose) else (purpose, goals)
    return shorter in longer and (len(longer) - len(shorter)) * 3 < len(longer)


_GOAL_EXAMPLE_LEVELS = (("产出指标", "数量指标"), ("效益指标", None))


def _goal_example(project: Project) -> str:
    """The project's own figures a measurable goal would state (its first count under 数量 and first figure under
    效益, as written: ``，如把「视频会议保障数量 ≥12次」「系统正常运行天数 ≥360天」写进绩效目标``), or "" when its
    indicators give none. Money and shares are left out: a goal states what is delivered and brings about."""
    shown = []
    for level1, level2 in _GOAL_EXAMPLE_LEVELS:
        for indicator in project.indicators:
            target = indicator.target
            if (indicator.level1 == level1 and (level2 is None or indicator.level2 == level2)
                    and target.value is not None and target.unit and target.unit not in _MONEY_UNITS
                    and target.unit not in ("%", "‰") and len(indicator.level3) <= 20 and "、" not in indicator.level3):
                shown.append(f"「{indicator.level3} {target.raw.strip()}」")
                break
    return f"，如把{''.join(shown)}写进绩效目标" if shown else ""


def _named(project: Project) -> str:
    """A project as its table names it: the 项目名称 cell, else the name with its fund label."""
    if project.name_cell:
        return project.name_cell
    return f"{project.name}-{project.fund_label}" if project.fund_label else project.name


def _clauses(text: str) -> list[str]:
    return [c.strip() for c in _CLAUSE_BREAK.split(text) if c and c.strip()]


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _key_words(clause: str) -> tuple[str, ...]:
    """The words of a goal clause that name its work (培训, 道路, 贫困生 …), not pieces of units."""
    units = word_set("units", "count") | measure_words()
    return tuple(w for w in search_words(clause) if not _is_plain(w) and not any(w in u for u in units if len(u) > 1))


def _indicator_text(project: Project) -> str:
    parts: list[str] = []
    for indicator in project.indicators:
        parts.extend((indicator.level3, indicator.description or "", indicator.target.raw))
    return bare("".join(parts))


def _unit(unit: str | None) -> str | None:
    if unit in ("%", "％", "百分比"):
        return "%"
    return unit


def _checked(project: Project) -> bool:
    return project.complete and bool(project.indicators) and not project_category(project.name, project.extras)


@rule("goal-not-covered", title="绩效目标没有对应指标", dimension="相关性", severity="warning")
def goal_not_covered(document: Document, settings: RuleSettings) -> list[Finding]:
    """Work the 绩效目标 names with a figure that no indicator measures.

    Goals and indicators are one plan (88号: indicators 细化 the goals): a clause of the goal
    that states work with a figure (``培训基层干部500人次``, ``维修道路3公里``) is covered when
    some indicator has the same figure in the same unit, or names one of the clause's own words
    (培训, 道路 — general words such as 保障, 工作, 提升 do not count). One finding per project
    lists the uncovered clauses and the words looked for. Cut-off tables and 人员类/运转类 projects are not checked.
    """
    out = []
    for project in document.projects:
        if not _checked(project):
            continue
        text = _goal_text(project)
        if not text or all(f[1] in _MONEY_UNITS for f in figures(text)):
            continue  # no work with a figure in the goals
        measured = {(t.value, _unit(t.unit)) for t in (i.target for i in project.indicators) if t.value is not None}
        measured |= {(t.upper, _unit(t.unit)) for t in (i.target for i in project.indicators) if t.upper is not None}
        covered_text = _indicator_text(project)
        uncovered = []
        for clause in _clauses(text):
            work = [f for f in figures(clause) if f[1] not in _MONEY_UNITS]
            if not work:
                continue
            if any((value, unit) in measured for value, unit, _s, _e in work):
                continue
            keys = _key_words(clause)
            if not keys or any(key in covered_text for key in keys):
                continue
            uncovered.append(f"{quote(clause)}（指标中没有「{'」「'.join(keys[:4])}」，"
                             f"也没有{format_decimal(work[0][0])}{work[0][1]}）")
        if uncovered:
            shown = "；".join(uncovered[:3]) + (f"等{len(uncovered)}处" if len(uncovered) > 3 else "")
            out.append(at_project(project, "goals", f"绩效目标中的{shown}没有对应的三级指标",
                                  "为这些工作设置三级指标（如数量指标写明同样的数字），或删去绩效目标中不实施的内容"))
    return out


@rule("goal-figure-mismatch", title="指标值与绩效目标不一致", dimension="适当性", severity="warning")
def goal_figure_mismatch(document: Document, settings: RuleSettings) -> list[Finding]:
    """An indicator whose target contradicts a figure the 绩效目标 gives for the same thing.

    The goal says ``学生资助覆盖率达到70%`` and the indicator 资助覆盖率 says 100%: which is
    the plan? A goal figure is compared with the indicators in the same unit that share one of
    its clause's own words (资助, 覆盖率 …; general words do not count); it is reported when
    none of them has the goal's value (a range or ``≥`` bound equal to it agrees). Money is
    left to the cost rules. The finding names the goal clause and the words that matched.
    """
    out = []
    for project in document.projects:
        if not _checked(project):
            continue
        text = _goal_text(project)
        if not figures(text):
            continue
        for clause in _clauses(text):
            for value, unit, _start, _end in figures(clause):
                if unit in _MONEY_UNITS:
                    continue
                keys = set(_key_words(clause))
                if not keys:
                    continue
                related = []
                for position, indicator in enumerate(project.indicators, 1):
                    target = indicator.target
                    if target.value is None or _unit(target.unit) != unit:
                        continue
                    name_words = set(search_words(name_of(indicator.level3)))
                    common = keys & name_words
                    if common:
                        related.append((len(name_words & set(search_words(clause))), position, indicator,
                                        sorted(common)))
                if not related or any(value in (r[2].target.value, r[2].target.upper) for r in related):
                    continue
                bound = _goal_bound(clause, _start, _end)
                if bound is not None and any(_within(r[2].target, value, bound) for r in related):
                    continue  # 不低于中央投资30% and ≥32.68%: the goal's floor, met by the target
                _score, position, indicator, shared = max(related, key=lambda r: (r[0], -r[1]))
                said = f"{format_decimal(value)}{unit}"
                out.append(at_indicator(project, position, indicator, "target",
                                        f"{quote(indicator.level3)}的指标值「{indicator.target.raw}」与绩效目标"
                                        f"{quote(clause)}中的「{said}」不一致（两处说的都是「{'、'.join(shared)}」）",
                                        f"核实后统一：目标是{said}的，指标值写作「{said}」（或「≥{said}」）；"
                                        "指标值对的，改正绩效目标中的数字"))
    return out


# A goal figure given as a floor (不低于30%, 至少3次, 95%以上) or a ceiling (不超过5%, 3天以内): a target on its side
# of it agrees with it.
# (the word may stand a few characters before the figure: 不低于中央投资30%)
_FLOOR_BEFORE = re.compile(r"(?:不低于|不少于|至少|最低|≥|>=|大于等于)[^\d，,；;。]{0,6}$")
_CEILING_BEFORE = re.compile(r"(?:不超过|不高于|不多于|最多|≤|<=|小于等于)[^\d，,；;。]{0,6}$")
_FLOOR_AFTER = re.compile(r"^\s*(?:以上)")
_CEILING_AFTER = re.compile(r"^\s*(?:以内|以下)")


def _goal_bound(clause: str, start: int, end: int) -> str | None:
    """"floor" or "ceiling" when the goal gives its figure as one, else None."""
    before, after = clause[max(0, start - 10):start], clause[end:end + 3]
    if _FLOOR_BEFORE.search(before) or _FLOOR_AFTER.match(after):
        return "floor"
    if _CEILING_BEFORE.search(before) or _CEILING_AFTER.match(after):
        return "ceiling"
    return None


def _within(target: Target, value: Decimal, bound: str) -> bool:
    """True when a target keeps to the goal's floor (≥32.68% of 不低于30%) or ceiling."""
    if target.value is None:
        return False
    if bound == "floor":
        return target.op in (None, Op.GE, Op.GT, Op.EQ) and target.value >= value
    return target.op in (None, Op.LE, Op.LT, Op.EQ) and (target.upper or target.value) <= value

