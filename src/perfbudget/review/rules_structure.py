"""What an indicator measures against where it stands: real effects, quality that is not a
recount of quantity, specs that are not quantities, a 二级 that fits the name, a name that
says what it measures. Words come from ``vocabulary.toml`` (``language.py``)."""

from __future__ import annotations

import re
from functools import lru_cache

from perfbudget.framework import (
    DEPARTMENT_LEVEL2,
    DEPARTMENT_PROCESS_LEVEL1,
    FRAMEWORK_2015,
    FRAMEWORK_2021,
    LEVEL1_EFFECT,
    LEVEL1_NAMES,
    LEVEL1_OUTPUT,
)
from perfbudget.model import Document, Indicator, Op, Target
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import (
    CACHE_SIZE,
    Row,
    at_indicator,
    at_project,
    bare,
    department_framework,
    flagged,
    indicator_check,
    indicators,
    money_in,
    name_of,
    project_rows,
    quote,
)
from perfbudget.review.language import content_words, figures, made_of, project_category, vocabulary, word_set
from perfbudget.review.registry import rule
from perfbudget.review.rules_conformity import _compared_texts
from perfbudget.review.rules_relevance import is_input_name
from perfbudget.review.settings import RuleSettings
from perfbudget.text_caches import keyed_on_texts


def _is_satisfaction(name: str) -> bool:
    return "满意" in name and "不满意" not in name


def reads_as_effect(name: str) -> bool:
    """True for a name that reads as an effect or a satisfaction whatever its group (受益贫困户, 群众满意度), not as a
    work done (受益群众覆盖完成率 ends in an output's measure)."""
    return _is_satisfaction(name) or ("受益" in name and output_ending(name) is None)


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def output_ending(name: str) -> str | None:
    """The output measure a name ends with (完成率, 验收合格率 …), else None."""
    endings = _longest_first("names", "output_endings")
    if not name.endswith(endings):  # one test for the usual case: no ending at all
        return None
    for ending in endings:
        if name.endswith(ending):
            return ending
    return None


def work_count(name: str) -> str | None:
    """The count word of a name that counts the times a piece of work was done (医疗保障次数 → 次数, 精准扶贫服务
    人次 → 人次), else None: a name ending in a count of ``[names] work_counts`` and holding a work of ``work_acts``,
    none of ``work_count_exceptions`` (受益人次, 事故发生次数: the people reached, the harm)."""
    if not name.endswith(_WORK_COUNTS):  # (most names)
        return None
    if not any(act in name for act in word_set("names", "work_acts")):
        return None
    if any(word in name for word in word_set("names", "work_count_exceptions")):
        return None
    return next(count for count in _WORK_COUNTS if name.endswith(count))


_WORK_COUNTS = tuple(vocabulary()["names"]["work_counts"])
_BUILT_UNITS = frozenset(vocabulary()["names"]["built_units"])


def works_built(name: str, unit: str | None) -> str | None:
    """The act of a name that counts the works built or treated (项目处治路线 2条 → 处治, 新建村组道路 5公里 → 新建),
    else None: a value in a measure of things built (``[names] built_units``: 条, 公里, 座 …) and a name holding a
    work of ``built_acts``, none of ``built_exceptions`` (受益, 带动, 就业: the people reached)."""
    if unit not in _BUILT_UNITS:  # (most effects: a share, money, people)
        return None
    act = next((act for act in word_set("names", "built_acts") if act in name), None)
    if act is None or any(word in name for word in word_set("names", "built_exceptions")):
        return None
    return act


_HELD_UNITS = frozenset(vocabulary()["names"]["held_units"])
_HELD_ACTS = (*vocabulary()["names"]["held_acts"], *vocabulary()["names"]["work_acts"])


def works_held(name: str, target: Target) -> str | None:
    """The act of a name whose value counts the times a piece of work was held (举办培训班 ≥4期 → 举办, 开展宣传活动
    ≥10次 → 开展), else None: a value above 0 in a unit of ``[names] held_units``, at least that many (≥, = or no
    comparator: a ceiling, 最多跑 ≤1次, bounds a burden, it counts no work), a name holding a work of ``work_acts`` or
    ``held_acts`` and none of ``work_count_exceptions`` (事故发生 0次, 参与活动: the harm, the people) or
    ``held_exceptions`` (最多跑1次, 重复培训: the times a burden recurs)."""
    if target.unit not in _HELD_UNITS or target.value is None or target.value <= 0:  # (most effects)
        return None
    if target.op not in (None, Op.GE, Op.EQ) or name.endswith(("数", "数量")):
        return None  # a ceiling; a name that says it counts (视频会议保障数量): an output's twin, told as such
    acts = [act for act in _HELD_ACTS if act in name]
    act = min(acts, key=name.index) if acts else None  # the first in the name: 举办培训班 → 举办
    exceptions = word_set("names", "work_count_exceptions") | word_set("names", "held_exceptions")
    if act is None or any(word in name for word in exceptions):
        return None
    return act


@rule("output-as-effect", title="产出写成效益", dimension="相关性", severity="warning")
def output_as_effect(document: Document, settings: RuleSettings) -> list[Finding]:
    """An output restated under 效益指标: a completion or acceptance rate, or an output's own name.

    ``项目完成率 100%`` or ``验收合格率`` under 社会效益 measures the work done, not what follows
    from it (88号: 效益 are the effects of the outputs); the same name under 产出 and 效益 counts
    one result twice (told here once, naming the output row it repeats: ``duplicate-indicator`` leaves the row to
    this rule, one finding for one fault); so does a share of cases or hazards dealt with
    (``安全隐患排查有效处置率 ≥90%``, 整改率, 办结率:
    real tables file them under 质量), and a count of the times a work was done (``医疗保障次数 30``, 精准扶贫服务人次:
    ``work_count``; or in the value's unit, ``举办培训班 ≥4期``, ``开展宣传活动 ≥10次``: ``works_held``), and the works
    built, treated or repaired, counted in a measure of things built (``项目处治路线 2条``, 新建道路 5公里, 维修道路
    12公里: ``works_built``). Effects such as 受益人数, 受益人次, 覆盖率, 就业人数 are not flagged. A question
    whether a procedure is fair or regular (``评审程序是否客观公正 是``) is how the work is managed, not an effect
    either; a satisfaction with it is not flagged here.
    """
    out = []
    for project, own in project_rows(document):
        outputs: dict[str, int] = {}  # each output's key: its first position (the row an effect of its name repeats)
        for row in own:
            if row.level1 == LEVEL1_OUTPUT:
                outputs.setdefault(row.key, row.position)
        for _project, position, indicator, level1, _level2, name, key, _cost, _economic in own:
            if level1 != LEVEL1_EFFECT:
                continue
            ending = output_ending(name)
            # the output row this one repeats by name: said here, once (duplicate-indicator leaves the row to this rule)
            twin = f"，又与第{outputs[key]}个指标（产出指标）同名" if key and key in outputs else ""
            counted = _output_counted(name, indicator.target) if ending is None else None
            if counted is not None:  # a count of the work done, held or built: an output
                what, advice = counted
                out.append(at_indicator(project, position, indicator, "level3",
                                        f"效益指标{quote(indicator.level3)}数的是{what}，是产出的数量，"
                                        f"不是项目带来的效益{twin}", advice))
                continue
            if ending is None and not twin:
                if (("程序" in name or "流程" in name or "过程" in name or "手续" in name)
                        and _PROCEDURE.search(name) and not _is_satisfaction(name)):
                    out.append(at_indicator(project, position, indicator, "level3",
                                            f"效益指标{quote(indicator.level3)}问的是工作程序是否规范，"
                                            "是管理过程，不是项目带来的效益",
                                            "程序规范放在自评的过程管理中；效益指标写项目产生的效果，"
                                            "如「家庭经济困难学生资助覆盖率 ≥95%」「受助学生完成学业率」"))
                continue
            if ending:
                why = f"以「{ending}」结尾，衡量的是工作完成情况{twin}，是产出"
            else:
                why = f"与第{outputs[key]}个指标（产出指标）同名，是同一项产出又设成了效益"
            out.append(at_indicator(project, position, indicator, "level3",
                                    f"效益指标{quote(indicator.level3)}{why}，不是项目带来的效益",
                                    "删去这一行或改写为项目产生的效果，如受益人数、服务覆盖率、群众反映问题解决率、"
                                    "节约的费用；完成率、合格率放在产出指标下" if twin else
                                    "改写为项目产生的效果，如受益人数、服务覆盖率、群众反映问题解决率、"
                                    "节约的费用；完成率、合格率放在产出指标下"))
    return out


def _output_counted(name: str, target: Target) -> tuple[str, str] | None:
    """(what an effect row counts, what to write instead) when it counts the work done (医疗保障次数), the events held
    (举办培训班 ≥4期: the value's unit) or the works built (新建村组道路 5公里), else None."""
    if (count := work_count(name)) is not None:
        return (f"工作做了多少（{count}）",
                "把工作次数放在产出的数量指标下；效益指标写这些工作带来的效果，如受益人数、问题解决率、救治成功率")
    if (held := works_held(name, target)) is not None:
        return (f"{held}了多少（{target.raw}）",
                "把举办、开展的次数放在产出的数量指标下；效益指标写这些活动带来的效果，如参与群众人次、政策知晓率、"
                "参训人员考核合格率")
    if target.unit in _BUILT_UNITS and (built := works_built(name, target.unit)) is not None:
        return (f"{built}了多少（{target.raw}）",
                "把建成、处治的数量放在产出的数量指标下；效益指标写这些工程带来的效果，如受益人口、通行时间缩短、"
                "事故发生率下降")
    return None


# A procedure judged fair or regular: 评审程序是否客观公正, 审批流程规范, 评选过程公开透明.
_PROCEDURE = re.compile(r"(?:程序|流程|过程|手续)[^，,。；]{0,4}?(?:公正|公平|公开|规范|合规|透明)")


@rule("no-genuine-effect", title="没有真正的效益指标", dimension="相关性", severity="error")
def no_genuine_effect(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 效益指标 group that holds only satisfaction rates or restated outputs.

    A project whose only "effect" is a satisfaction rate (市民满意程度 under 社会效益) or a
    completion rate has no effect target at all: 88号 requires outputs *and* effects, so this
    weighs like a missing 效益 group (an error). Reported once per project, besides the
    finding on each misplaced indicator. A table cut off inside its 效益 rows is not judged.
    """
    out = []
    for project, own in project_rows(document):
        effects = [row for row in own if row.level1 == LEVEL1_EFFECT]
        if not effects or not project.complete:
            continue
        told = [(row, _not_an_effect(row)) for row in effects]
        first_output: dict[str, int] = {}
        if any(reason is None for _row, reason in told):  # effects that may be genuine, unless an output's name
            first_output = {row.key: row.position for row in reversed(own) if row.level1 == LEVEL1_OUTPUT}
            if any(reason is None and row.key not in first_output for row, reason in told):
                continue
        names = "、".join(quote(row.indicator.level3, 20)
                         + f"（{reason or '与第' + str(first_output[row.key]) + '个指标（产出指标）同名'}）"
                         for row, reason in told)
        out.append(at_project(project, None,
                              f"效益指标只有{names}，没有一个反映项目带来的实际效益",
                              "按项目实际设置社会效益、经济效益或生态效益指标，如受益人数、问题解决率、"
                              "环境质量改善幅度；满意度放在满意度指标下"))
    return out


def _not_an_effect(row: Row) -> str | None:
    """What an effect row is instead of an effect, in a few words (no-genuine-effect), or None for a row that may be
    one (it is not, when it repeats an output's name: the caller tells that)."""
    if _is_satisfaction(row.name):
        return "满意度，应放在满意度指标下"
    if (ending := output_ending(row.name)) is not None:
        return f"「{ending}」是工作完成情况，属于产出"
    if work_count(row.name) is not None:
        return "数的是工作做了多少，属于产出"
    unit = row.indicator.target.unit
    if unit in _BUILT_UNITS and (built := works_built(row.name, unit)) is not None:
        return f"数的是{built}了多少，属于产出"
    return None


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _stem(name: str) -> frozenset[str]:
    return frozenset(w for w in content_words(name) if len(w) >= 2 and not made_of(w, "goals", "generic")
                     and w not in word_set("names", "measures"))


_MONEY_NAME = re.compile(r"资金|经费|预算|金额|投资")
# A completion rate written as its fraction, what was done over what was planned (实际完成飞行小时数/计划小时数).
_COMPLETION_SHARE = re.compile(r"(?:实际|完成).*/(?:计划|应|预计|目标)")
# A value that only says the work was done: 已完成, 全部完成, 按时完成.
_ONLY_DONE = re.compile(r"^(?:已|已经|全部|按时|按期|如期|顺利)?(?:完成|办结|实施|开展)$")


@rule("quality-restates-quantity", title="质量指标重复数量指标", dimension="相关性", severity="warning")
def quality_restates_quantity(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 完成率 under 质量指标 for what a 数量指标 of the project already counts.

    ``培训完成率 100%`` under 质量 beside ``培训人次 ≥500人次`` under 数量 scores one result
    twice and leaves quality unmeasured (合格率, 达标率, 验收通过率 measure quality). Flagged when
    the 质量 name ends in 完成率/完工率 and shares a word (培训, 道路 …) or a run of three characters
    (``送戏进万村活动完成率`` beside ``开展送戏进万村``) with a 数量 name, or both
    name the task (``改造任务完成率`` beside ``住宅区任务完成量``), and
    when a 质量 value only says the work was done (``已完成``, ``按时完成``): that is a quantity
    (done or not), not a quality; and when a 质量 value is only a count a 数量 value of the
    project already gives (``37个基层医疗机构`` beside ``实施…基层医疗机构37个``). A coverage under 质量
    (…覆盖率, …全覆盖) sharing a word with a 数量 name (``达到绿化绿地全覆盖 100%`` beside
    ``完成全市375万平方米的绿地养护``) says how far the counted work reaches, not how well it is done;
    a coverage of something no 数量 name counts is not flagged. A completion rate written as its fraction (``实际完成
    飞行小时数/计划小时数 ≥80%`` beside ``飞机飞行时长 ≥928小时``) is a 完成率 too; a share of things meeting a
    standard (``抽检合格批次/抽检总批次``) is a quality.
    """
    out = []
    for project, own in project_rows(document):
        quantities = [(row.position, row.indicator) for row in own if row.level2 == "数量指标"
                      and money_in(row.indicator.target.unit, "元") is None and not _MONEY_NAME.search(row.name)]
        for _project, position, indicator, _level1, level2, name, _key, _cost, _economic in own:
            if level2 != "质量指标":
                continue
            if _ONLY_DONE.match(bare(indicator.target.raw)):
                out.append(at_indicator(project, position, indicator, "target",
                                        f"质量指标{quote(indicator.level3)}的指标值只写了{quote(indicator.target.raw)}，"
                                        "说的是做没做，不是做得怎样",
                                        "写明质量标准，如「培训考核合格率 ≥95%」「演练方案通过评审」；"
                                        "完成情况放在数量指标下（如「开展演练 ≥1次」）"))
                continue
            if (same := _same_count(indicator, quantities)) is not None:
                out.append(at_indicator(project, position, indicator, "target",
                                        f"质量指标{quote(indicator.level3)}的指标值{quote(indicator.target.raw)}"
                                        f"与第{same[0]}个数量指标{quote(same[1].level3)}是同一个数量，没有衡量质量",
                                        "写明质量标准，如「验收合格率 ≥95%」「达到…标准」；数量由数量指标反映"))
                continue
            coverage = "全覆盖" in name
            if (not coverage and not name.endswith(("完成率", "完工率"))
                    and ("/" not in name or not _COMPLETION_SHARE.search(name))):
                continue
            stem = _stem(name)
            task = "任务" in name  # 年度改造任务完成率 beside 住宅区任务完成量: the same task twice
            if coverage:  # 达到绿化绿地全覆盖 beside 完成全市375万平方米的绿地养护: a shared word
                match = next(((p, i) for p, i in quantities if stem & _stem(name_of(i.level3))), None)
                if match is not None:
                    out.append(at_indicator(project, position, indicator, "level3",
                                            f"质量指标{quote(indicator.level3)}（{indicator.target.raw}）是第{match[0]}个"
                                            f"数量指标{quote(match[1].level3)}的覆盖范围，说的是做了多少，没有衡量做得怎样",
                                            "改为衡量质量的指标，如养护考核合格率、苗木成活率、验收合格率；"
                                            "覆盖范围由数量指标反映"))
                continue
            match = next(((p, i) for p, i in quantities
                          if stem & _stem(name_of(i.level3)) or (task and "任务" in i.level3)
                          or _shared_run(name[:-3], name_of(i.level3))), None)
            if match is None:
                continue
            out.append(at_indicator(project, position, indicator, "level3",
                                    f"质量指标{quote(indicator.level3)}只是第{match[0]}个数量指标{quote(match[1].level3)}"
                                    "的完成比例，没有衡量质量",
                                    "改为衡量质量的指标，如验收合格率、达标率、返工率；完成情况由数量指标反映"))
    return out


_QUALITY_WORD = re.compile(r"合格|达标|验收|优良|优秀|标准|通过|满意|规范")


def _shared_run(name: str, other: str, size: int = 3) -> bool:
    """Whether two names share a run of ``size`` characters (送戏进万村 in 送戏进万村活动完成率 and
    开展送戏进万村): the word cutter splits such a name into single characters, which ``_stem`` drops."""
    return any(name[start:start + size] in other for start in range(len(name) - size + 1))


def _same_count(indicator: Indicator, quantities: list[tuple[int, Indicator]]) -> tuple[int, Indicator] | None:
    """The 数量指标 whose count a 质量 value repeats (``37个基层医疗机构`` beside ``…37个。``): the
    value holds counts only (no %), each also in that quantity's value, and the two share a word
    (医疗机构): 3个 示范点 beside 3个 培训班 is another thing."""
    raw = indicator.target.raw
    if _QUALITY_WORD.search(indicator.level3):
        return None  # 考核合格人数 100人: a count of what meets a standard is a quality
    found = figures(raw)
    counts = word_set("units", "count")
    if not found or "%" in raw or "％" in raw or any(unit not in counts for _v, unit, _s, _e in found):
        return None
    own = {(value, unit) for value, unit, _s, _e in found}
    words = _stem(indicator.level3 + raw)
    for position, quantity in quantities:
        if (own <= {(value, unit) for value, unit, _s, _e in figures(quantity.target.raw)}
                and words & _stem(quantity.level3 + quantity.target.raw)):
            return position, quantity
    return None


# A count before the thing (一个存储备份器): the example of what is delivered counts the thing so.
_LEADING_COUNT = re.compile(r"^([一两二三四五六七八九十]|\d+)([个台套辆件部])(?=[\u4e00-\u9fff]{2})")
_NUMERALS = {"一": "1", "两": "2", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
             "九": "9", "十": "10"}


def _delivered(name: str) -> str:
    """A spec row's example of a count: the thing its name counts (一个存储备份器 → 「购置存储备份器1个」), else how
    counts are written (雾炮车风炮射程 names no count)."""
    if (count := _LEADING_COUNT.match(name)) is None:
        return "写明交付的数量和计量单位（如「…台」「…套」「…米」）"
    number, word = count.groups()
    return f"写明交付的数量，如「购置{name[count.end():]}{_NUMERALS.get(number, number)}{word}」"


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def spec_word(name: str) -> str | None:
    if not name.endswith(_longest_first("names", "specs")):  # one test for the usual case
        return None
    for word in word_set("names", "specs"):
        if name.endswith(word):
            return word
    return None


# Units that give a device's size or speed, never how many are delivered: 一个存储备份器 25TB.
_SPEC_UNITS = frozenset({"TB", "GB", "MB", "PB", "Mbps", "Gbps", "M/s", "MB/s", "寸", "英寸", "像素", "dB", "分贝"})


def _spec_in_quantity(row: Row) -> str | None:
    """The spec word of a 数量指标 name, or the spec unit of its value (``spec-as-quantity``), or None."""
    if row.level2 != "数量指标":
        return None
    unit = row.indicator.target.unit
    return spec_word(row.name) or (unit if unit in _SPEC_UNITS else None)


_SPEC_IN_QUANTITY = indicator_check(_spec_in_quantity, needs=lambda shape: shape[1] == "数量指标")


@rule("spec-as-quantity", title="规格参数写成数量", dimension="相关性", severity="warning")
def spec_as_quantity(document: Document, settings: RuleSettings) -> list[Finding]:
    """A specification of what is bought (射程, 功率, 宽度, 容量 …) under 数量指标.

    ``雾炮车风炮射程 ≥80M`` says how good a machine is, not how much is delivered: it belongs
    under 质量指标 (or the purchase's standard). The spec words are in ``vocabulary.toml``. A value
    in a unit of size or speed (TB, GB, Mbps, 寸, 像素, dB: ``一个存储备份器 25TB``) is a spec too.
    """
    out = []
    for row, word in flagged(document, _SPEC_IN_QUANTITY):
        project, position, indicator = row.project, row.position, row.indicator
        out.append(at_indicator(project, position, indicator, "level2",
                                f"{quote(indicator.level3)}是设备或工程的规格参数（{word}），不是产出的数量",
                                f"把它移到质量指标下；数量指标{_delivered(row.name)}"))
    return out


def _has(name: str, section: str, key: str) -> str | None:
    """The first word of a vocabulary list that the name holds (longest first; words of one length in a fixed
    order, so a message quotes the same word on every run: a set's order changes with the hash seed)."""
    return next((w for w in _longest_first(section, key) if w in name), None)


@lru_cache(maxsize=64)
def _longest_first(section: str, key: str) -> tuple[str, ...]:
    return tuple(sorted(word_set(section, key), key=lambda word: (-len(word), word)))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def misplaced_reason(level2: str, name: str, unit: str | None) -> str | None:
    """Why a name does not belong under its 二级 (经济效益, 生态效益, 时效), else None."""
    if level2 == "经济效益指标":
        if _has(name, "groups", "economic") or (unit or "").endswith("元"):
            return None
        other = _has(name, "groups", "not_economic")
        if other is None:
            if unit in _PEOPLE_COUNT_UNITS and name.endswith(_PEOPLE_COUNT_ENDINGS) and not _VISITORS.search(name):
                # 全年影院观影人数 ≥4万人次: the people a service reaches, a social effect, not money gained
                return f"「{name}」数的是服务到的人，是社会方面的效益，不是经济效益"
            return None
        kind = "生态" if other in word_set("groups", "ecological") else "社会" if other in _SOCIAL_WORDS else None
        return f"「{other}」是{kind}方面的效益，不是经济效益" if kind else f"「{other}」不是经济效益"
    if level2 == "生态效益指标":
        if _has(_LIVING.sub("", name), "groups", "ecological"):  # (居民的生活环境: where people live, not nature)
            return None
        other = _has(name, "groups", "economic")
        if other:
            return f"「{other}」是经济方面的效益，不是生态效益"
        other = _has(name, "groups", "social")
        return f"「{other}」是社会方面的效益，不是生态效益" if other else None
    if level2 == "时效指标":
        if _has(name, "groups", "time") or unit in ("天", "日", "月", "年", "小时", "分钟", "工作日"):
            return None
        if name.endswith(("率", "满意度", "数量", "人数", "次数", "个数")):
            return "名称中没有时间、进度或及时的含义"
    return None


# The not-economic words that name a social effect (安全率, 就学率 under 经济效益: 社会效益指标 is meant).
_SOCIAL_WORDS = frozenset({"安全", "安全率", "健康", "疾病", "事故", "稳定", "秩序", "信访", "治安", "知晓", "就学",
                           "入学", "升学", "就医", "教育", "民生事业", "公益服务", "公益事业", "运转"})

# A count of the people a service reaches (观影人数 ≥4万人次) under 经济效益: a social effect. Visitors of a place
# that lives on them (游客, 客流, 旅客: tourism) are an economic measure and are left alone.
_PEOPLE_COUNT_UNITS = frozenset({"人", "人次", "万人", "万人次", "名"})
_PEOPLE_COUNT_ENDINGS = ("人数", "人次")
_VISITORS = re.compile(r"游客|客流|旅客|游览")

# Where people live (生活环境, 居住环境 of an estate's residents): a social good, not an ecological one.
_LIVING = re.compile(r"(?:生活|居住)环境")


@rule("level2-misplaced", title="三级指标放错二级", dimension="相关性", severity="warning")
def level2_misplaced(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 indicator whose meaning does not fit its 二级: 安全率 under 经济效益, 农户增收 under
    生态效益, 合格率 under 时效指标.

    Words for each group are in ``vocabulary.toml`` (``[groups]``): an indicator under 经济效益
    with no economic word (收入, 产值, 节约 …, or a value in 元) but a word of another kind
    (安全, 满意, 环境 …) is misplaced; under 生态效益 an economic word, or a social one (食品安全,
    健康, 就业 …), with no ecological one (where people live, 生活环境 and 居住环境, is none: ``优化安置小区生活环境,
    提高居民生活质量,营造安全舒适的居住环境`` is the residents' lives); under 时效 a rate (…率: 应急保障率) or count
    with no
    word of time (及时, 时间, 进度, 按计划, 审限 …) and no time unit; under 质量 a count of times
    (``实验室仪器维修维护 ≥4次``: how often, a quantity) unless the name is a check or a quality word
    (质量抽检, 督导检查, 整改, 合格 …), and a head count (``困难教师 2``: a name that is only people, a whole number
    in no unit or in persons); money going in (``预算资金执行率``, ``资助经费到位率`` under 时效) is left to
    ``input-as-output``, which asks to delete the row rather than move it; under any
    效益 group a value that is only a date or a span of dates (``保障期限 2020年1月--2020年11月``
    under 可持续影响: when the work is done, not an effect). Under 经济效益, a head count of the people a
    service reaches (``全年影院观影人数 ≥4万人次``: a social effect; visitors of a tourist place, 游客, are left
    alone) and the unit kept running, teaching, public service or welfare (``保障学校的正常运转``, ``提高教育质量``,
    ``助推民生事业发展``) are misplaced too. A rate under 时效 is told to give the deadline the row lacks. Under the
    2021 framework's 社会成本 and 生态环境成本, a gain (``提升博物馆绿化水平``: 提升, 改善, 促进 …) or a lasting
    influence (``对当地文物保护、文化传承影响 长远``) is an effect filed as a cost (嘉峪关's, missed since round 4);
    a harm kept low (``实施项目对社会产生的不利影响 减少``) is what those groups are for.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level2", *verdict)
            for row, verdict in flagged(document, _LEVEL2_MISPLACED)]


# A value that is only a date or a span of dates: 2020年1月--2020年11月, 2023年底前.
_DATE = r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?(?:前|之前|以前)?"
_ONLY_DATES = re.compile(rf"^{_DATE}(?:(?:-|—|–|~|～|至|到)*{_DATE})?$")


def _misplaced(row: Row) -> tuple[str, str] | None:
    """``level2-misplaced``'s (message, suggestion) for one indicator, or None."""
    indicator = row.indicator
    if row.level1 == LEVEL1_EFFECT and _ONLY_DATES.match(bare(indicator.target.raw)):
        return (f"{quote(indicator.level3)}放在「{indicator.level2}」下，但指标值{quote(indicator.target.raw)}"
                "只是时间，说的是什么时候做，不是产生的效益",
                "时间要求放在产出指标的时效指标下；效益指标写明产生的效果，如「持续发挥作用年限≥10年」")
    if row.level2 == "质量指标" and indicator.target.unit == "次" and _QUALITY_OR_CHECK.search(row.name) is None:
        return (f"{quote(indicator.level3)}放在「质量指标」下，但指标值{quote(indicator.target.raw)}"
                "是做了多少次，是数量，不是质量",
                "把次数移到数量指标下；质量指标写明达到的标准，如「仪器检定合格率 100%」「维修验收合格率 ≥95%」")
    if row.level2 == "质量指标" and _head_count(row):
        return (f"{quote(indicator.level3)}放在「质量指标」下，但名称只写了人，指标值{quote(indicator.target.raw)}"
                "是人数，是数量，不是质量",
                f"把人数移到数量指标下并写明计量单位（如「{indicator.level3} ≥{indicator.target.raw.strip()}人」）；"
                "质量指标写明达到的标准，如「对象认定准确率 100%」「服务达标率 ≥95%」")
    if row.level2 in _COST_OF_EFFECTS:
        return _gain_as_cost(row)
    if row.level2 not in ("经济效益指标", "生态效益指标", "时效指标"):
        return None
    reason = misplaced_reason(row.level2, row.name, indicator.target.unit)
    if reason is None or is_input_name(row.name):
        return None  # (money going in is to be deleted, as input-as-output says, not moved)
    right = next((group for word, group in _RIGHT_GROUP if word in reason), None)
    if row.level2 == "时效指标":  # (免费开放率 100%: the table has no time target; say what one is)
        return (f"{quote(indicator.level3)}放在「时效指标」下，但{reason}，也没有写明完成时间或期限",
                "时效指标写明完成时间或期限，如「2024年12月底前完成」「≤30个工作日」；"
                "该比率移到与其含义相符的二级指标下（如合格率放质量指标）")
    return (f"{quote(indicator.level3)}放在「{indicator.level2}」下，但{reason}",
            f"把它移到「{right}」下" if right else
            "把它移到与其含义相符的二级指标下（如安全、稳定类放社会效益，合格率放质量指标）")


# The group a reason names as the right one (「成本」是经济方面的效益 → 经济效益指标); a reason naming none (no time
# word under 时效, not economic) leaves the choice to the unit.
_RIGHT_GROUP = (("经济方面", "经济效益指标"), ("社会方面", "社会效益指标"))


# The 2021 framework's costs to society and to the environment: what the project takes, never what it gives.
_COST_OF_EFFECTS = frozenset({"社会成本指标", "生态环境成本指标"})
_GAIN = re.compile(r"提升|提高|改善|促进|增强|带动")
_HARM = re.compile(r"不利|负面|不良|损害|破坏|污染|扰民|投诉")
_LASTING = frozenset({"长远", "深远", "长期", "持续", "长效"})


def _gain_as_cost(row: Row) -> tuple[str, str] | None:
    """A gain or a lasting influence filed as a social or environmental cost (嘉峪关's ``提升博物馆绿化水平`` under
    生态环境成本, ``对当地文物保护、文化传承影响 长远`` under 社会成本, missed since round 4), else None: a harm to
    keep low (``实施项目对社会产生的不利影响 减少``) is such a cost."""
    name, level2 = row.name, row.level2
    if _HARM.search(name):
        return None
    if _GAIN.search(name):
        gain, right = "提升或改善", "生态效益指标" if level2 == "生态环境成本指标" else "社会效益指标"
    elif "影响" in name and bare(row.indicator.target.raw) in _LASTING:
        gain, right = "长远影响", "可持续影响指标"
    else:
        return None
    harm = "施工期扬尘、噪声投诉≤N次" if level2 == "生态环境成本指标" else "施工期间影响群众出行的天数≤N天"
    return (f"{quote(row.indicator.level3)}写的是项目带来的{gain}，是效益，却放在「{level2}」下；"
            f"「{level2}」写的是项目付出的代价",
            f"把它移到「{right}」下并写明可衡量的结果；「{level2}」写项目造成的不利影响及控制目标，如「{harm}」")


_LEVEL2_MISPLACED = indicator_check(_misplaced)


def _head_count(row: Row) -> bool:
    """Whether a row is a head count: a name that is only people (困难教师, 受助学生) and a whole number in no unit or
    in persons (海南农垦's ``困难教师 2`` under 质量)."""
    target = row.indicator.target
    return (target.value is not None and target.unit in _HEAD_UNITS and row.key.endswith(_PEOPLE_NOUNS)
            and target.value == target.value.to_integral_value() and _QUALITY_OR_CHECK.search(row.key) is None)


_HEAD_UNITS = (None, "人", "名", "位", "户", "人次")
_PEOPLE_NOUNS = ("教师", "老师", "学生", "幼儿", "儿童", "老人", "人员", "学员", "职工", "农户", "群众", "患者", "居民",
                 "对象")
# A count of checks or of quality work is a quality measure: 质量抽检 ≥4次, 督导检查 ≥2次, 问题整改 ≥3次.
_QUALITY_OR_CHECK = re.compile(r"质量|合格|达标|标准|优良|优秀|准确|完好|通过|验收|规范|等级|安全|事故|投诉|差错|返工"
                               r"|整改|检|查|督|考核|评估|评审|审核|监测|监督|测评|测试|演练")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def bare_measure(name: str) -> bool:
    """True when a name is only a measure (及时率, 工作任务完成率, 满意度) without what it measures,
    or only a date (``2022年底之前``), or a principle (``以低价位高质量为采购原则``), or a verdict (效果显著)."""
    plain = bare(name)
    text = _GENERIC_OBJECT.sub("", plain) if plain.startswith(_GENERIC_WORDS) else plain
    return (text in word_set("names", "measures") or plain in _VERDICT_NAMES or plain in _LEVEL_NAMES
            or (plain[:1].isdecimal() and bool(_DATE_NAME.match(plain) or _FIGURE_NAME.match(plain)))
            or plain in _PERIOD_NAMES
            or (plain.startswith("以") and bool(_PRINCIPLE_NAME.match(plain))))


# A principle as the name: 以低价位高质量为采购原则 says how to buy, not what is measured.
_PRINCIPLE_NAME = re.compile(r"^以.+为.{0,6}(?:原则|准则|方针|宗旨)$")


# The frameworks' own 一级/二级 names (社会成本指标, 数量指标, 经济效益): a 三级 so named is the
# heading copied down, not a thing measured. Not the satisfaction names: 服务对象满意度 says whose.
_LEVEL_NAMES = frozenset(
    name for names in (LEVEL1_NAMES, *FRAMEWORK_2015.values(), *FRAMEWORK_2021.values())
    for full in names for name in (full, full.removesuffix("指标")) if "满意" not in name)


# Words that name no object: 工作任务完成率 is a 完成率 of nothing in particular.
_GENERIC_WORDS = ("工作", "任务", "各项", "计划", "年度")
_GENERIC_OBJECT = re.compile(r"^(?:工作|任务|各项|计划|年度)+(?=\S)")
# A name that is only a period with no year (全年, 年度: 大英's 时效 row ``全年 1-12月``, round 33): nothing done
# by then.
_PERIOD_NAMES = frozenset({"全年", "全年度", "年度", "本年度", "本年", "当年", "年内", "上半年", "下半年", "全年内"})
# A name that is only a figure: the target written where the name goes (100万, 20万元, 500人).
# A duration or a measure with its figure (1年, 3个月, 500米) is a value too.
_FIGURE_NAME = re.compile(r"^\d+(?:\.\d+)?(?:[万千亿]?元?|%|个|人|次|户|台|套|件|项|辆|年|个月|月|天|日|小时"
                          r"|米|公里|平方米|亩|吨)$")
# A name that is only a date or a period of the year (2022年底之前, 2022年全年, 2022年上半年).
_DATE_NAME = re.compile(r"^(?:\d{4}年(?:\d{1,2}月)?|\d{1,2}月)(?:\d{1,2}日)?(?:底|末|内|前|之前|以前|底前|底之前|末前"
                        r"|全年|度|上半年|下半年|第?[一二三四1-4]季度)?(?:完成|完工|办结)?$")


@rule("name-without-object", title="指标名称没有衡量对象", dimension="规范性", severity="warning")
def name_without_object(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 name that is only a measure word: ``及时完成率``, ``合格率``, ``满意度``, ``工作任务完成率``,
    or only a date or a period (``2022年底之前``, ``2022年全年``, ``12月底之前完成``, or a period with no year —
    ``全年``, ``年度`` — as the name of a 时效 row: the finding says nothing tells what is to be done by then; ``全年``
    with ``全年`` as its value too is ``qualitative-for-number``'s, one finding for the row), or only
    a figure (``100万`` as the
    name of a 成本 row: the target written where the name goes), or only a 一级/二级 name of the
    frameworks (``社会成本指标`` as the name of a 成本 row: the heading copied down), or a principle
    (``以低价位高质量为采购原则`` as the name of a 成本 row), or only a duration (``1年`` as the
    name of a 时效 row), or a satisfaction asked of nobody (``是否满意``), or, for a 数量指标, only the people
    served (``服务对象`` with ``404名``: persons, households or visits? — 优抚对象人数 says), or, for a cost, only the
    people served (``设施农业种植人员(县内培训) ≦1000元/人``: what costs? — 人均培训成本, 每户补助标准 say),
    or a verdict (``效果显著``, 成效明显, 明显改善: the target's praise written where the thing goes — flagged
    in a 人员类/运转类 table too, where it is no template row).

    Of what? A reviewer cannot tell what is counted, and the unit cannot prove it at year end
    (88号: indicators 清晰、可衡量). The measure words are in ``vocabulary.toml``. When the
    description names the object (及时率 described as 工作完成及时率) the fault is
    ``name-description-mismatch`` and is not reported twice; an explanation in the description
    (完成率 explained as 按照要求每月及时完成符合条件对象审批的比例) does not name it in the name, which
    is flagged; 人员类/运转类 projects' standard
    rows (e.g. 发放及时率 in a wage table) are not flagged, nor a bare 按时发放率/足额保障率 in a
    project whose name says what it pays (党支部书记补贴): in a table with no such name it is
    flagged (paid out: what?). In a 部门整体 form's table (``framework.DEPARTMENT_FRAMEWORKS``) a measure word
    under a 二级 that says of what is not flagged: 政府采购管理 | 执行率 in Jiangxi's 管理指标, 职责履行 | 完成及时率
    in the 共性 form (the department's duties as a whole).
    """
    out = []
    for row, verdict in flagged(document, _NAME_WITHOUT_OBJECT):
        project = row.project
        if project_category(project.name, project.extras) and row.key not in _VERDICT_NAMES:
            continue  # (a verdict as the name is no template row of a 人员类/运转类 table)
        if _PAID_OUT.search(row.key) and _PAYMENT.search(project.name or ""):
            continue  # 按时发放率 in 党支部书记补贴: the project's own payment
        under = row.level2 in DEPARTMENT_LEVEL2 or (row.level1 in DEPARTMENT_PROCESS_LEVEL1 and row.level2 != "")
        if under and department_framework(document, project) is not None:
            continue  # 政府采购管理 | 执行率, 职责履行 | 完成及时率: a 部门整体 form's 二级 says of what
        out.append(at_indicator(project, row.position, row.indicator, "level3", *verdict))
    return out


# A verdict as the name (效果显著, 成效明显, 明显改善): the target's praise written where the thing goes.
# A set of the phrasings, not a pattern: bare_measure meets every new name, and a set look-up is cheap.
_VERDICT_NAMES = frozenset(
    [thing + degree + grade for thing in ("效果", "成效", "效益", "作用", "影响")
     for degree in ("", "十分", "非常", "较为", "较")
     for grade in ("显著", "明显", "良好", "较好", "突出", "很好", "好")]
    + [degree + trend for degree in ("显著", "明显", "有效", "大幅") for trend in ("提升", "提高", "改善", "增强")])


# A measure of paying out or guaranteeing (按时发放率, 足额保障率) and a project whose name says what
# it pays (党支部书记补贴, 高中助学金): the payment is the object.
_PAID_OUT = re.compile(r"发放|保障")
_PAYMENT = re.compile(r"补贴|补助|工资|津贴|奖金|奖励|助学金|资助|救助|抚恤|报酬|补偿|慰问金|生活费")


def _without_object(row: Row) -> tuple[str, str] | None:
    """``name-without-object``'s (message, suggestion) for one indicator (its project's category
    aside), or None."""
    indicator = row.indicator
    if row.key in _PEOPLE_ONLY and row.level2 == "数量指标":
        return (f"数量指标名称{quote(indicator.level3)}只写了对象，没有说明数的是什么（人数、户数还是人次）",
                f"写明计数的量，如「{indicator.level3}人数」「受益农户户数」，指标值带上计量单位")
    if row.economic_cost and _named_after_people(indicator.level3):
        return (f"成本指标名称{quote(indicator.level3)}写的是服务对象，没有说明是什么成本",
                "写明衡量的成本，如「人均培训成本」「每户补助标准」")
    if not bare_measure(row.name):
        return None
    if row.key in _VERDICT_NAMES:
        return (f"三级指标名称{quote(indicator.level3)}是一句评语，没有说明衡量的对象",
                "写明衡量什么，如「学校办学条件改善（维修校舍≥3处）」「学生体质健康达标率」")
    description = bare(name_of(indicator.description or ""))
    if (description and description != row.key and bare(row.name) not in _LEVEL_NAMES
            and _compared_texts(row.name, indicator.description or "") is not None):
        return None  # a description that reads as the full name: name-description-mismatch says it
    if row.key in _PERIOD_NAMES and bare(indicator.target.raw) in _PERIOD_NAMES:
        return None  # 全年 | 全年: the value names no deadline either, qualitative-for-number says it (one fault)
    if _DATE_NAME.match(row.key) or row.key in _PERIOD_NAMES:
        share = (f"（指标值{quote(indicator.target.raw)}也说不出是什么的完成比例）"
                 if indicator.target.unit in ("%", "‰") else "")
        what = "一个时段" if row.key in _PERIOD_NAMES else "一个日期"
        return (f"三级指标名称{quote(indicator.level3)}是{what}，没有说明到时要完成的是什么{share}",
                "名称写明完成什么，日期写进指标值，如「补贴资金发放完成时间 2024年12月底前」")
    what = ("是一个数值" if _FIGURE_NAME.match(row.key)
            else "是一条原则" if _PRINCIPLE_NAME.match(bare(row.name))
            else "照抄了一级或二级指标的名称" if bare(row.name) in _LEVEL_NAMES else "只有衡量方式")
    if what == "只有衡量方式" and "满意" in row.key:
        return (f"三级指标名称{quote(indicator.level3)}没有说明是谁的满意度",
                "写明调查的服务对象，如「受助群众满意度 ≥90%」「参训学员满意度 ≥90%」")
    example = next((example for words, example in _MEASURE_EXAMPLES if row.key.endswith(words)),
                   "如「设备维修及时率」「培训课程验收合格率」「受助群众满意度」")
    if what == "照抄了一级或二级指标的名称":  # 成本 under 成本指标: an example of what its group measures
        example = _GROUP_EXAMPLES.get(row.key.removesuffix("指标")) or _GROUP_EXAMPLES.get(row.level2, example)
    return (f"三级指标名称{quote(indicator.level3)}{what}，没有说明衡量的对象", f"写明衡量什么，{example}")


# What a name copied from its heading (成本, 数量指标) is to say, by its group: the example a suggestion gives.
_GROUP_EXAMPLES = {
    "成本": "如「宣传品制作成本」「人均培训成本」，指标值写金额（如「≤2万元」）",
    "经济成本": "如「宣传品制作成本」「人均培训成本」，指标值写金额（如「≤2万元」）",
    "社会成本": "如「施工期间影响群众出行的天数」，写明项目给社会带来的代价",
    "生态环境成本": "如「施工产生的建筑垃圾清运率」，写明项目对环境造成的代价",
    "成本指标": "如「宣传品制作成本」「人均培训成本」，指标值写金额（如「≤2万元」）",
    "经济成本指标": "如「宣传品制作成本」「人均培训成本」，指标值写金额（如「≤2万元」）",
    "数量指标": "如「开展宣传活动次数」「培训人次」",
    "质量指标": "如「维修工程验收合格率」「培训考核合格率」",
    "时效指标": "如「补助资金发放完成时间」「工程完工时间」",
}
# What a bare measure is to be completed with, by its ending: the example a suggestion gives.
_MEASURE_EXAMPLES = (
    (("及时率", "及时性"), "如「补助资金发放及时率」「设备故障修复及时率」"),
    (("完成率", "完成情况", "完成进度", "完工率"), "如「培训任务完成率」「村道硬化工程完工率」"),
    (("完成时间", "时间"), "如「村道硬化工程完工时间」「补助资金发放完成时间」"),
    (("合格率", "达标率", "通过率", "合格"), "如「维修工程验收合格率」「抽检产品合格率」"),
    (("覆盖率", "覆盖面"), "如「困难群众救助覆盖率」「宣传活动村（社区）覆盖率」"),
)


_NAME_WITHOUT_OBJECT = indicator_check(_without_object)

# A 数量 name that is only the people served (服务对象 404名): who, not how many of them — persons, households or
# visits? A set of the names, looked up: _without_object meets every row.
_PEOPLE_ONLY = frozenset({"服务对象", "受益对象", "补助对象", "救助对象", "保障对象", "优抚对象", "资助对象",
                          "帮扶对象", "扶持对象", "受助对象", "慰问对象", "受益群众", "受益人群", "受益群体",
                          "受益人员", "服务人群"})
# A cost row named after the people served (设施农业种植人员(县内培训) ≦1000元/人): who, not what costs.
_PEOPLE = ("人员", "学员", "对象", "农户", "群众", "患者", "学生", "儿童", "老人", "居民", "职工")
_COST_WORD = re.compile(r"成本|费|资金|经费|补助|补贴|标准|价格|单价|金额|投入|投资|支出|工资|报酬|资助|造价|租金")
_NOTE_AT_END = re.compile(r"[（(][^()（）]*[)）]$")


def _named_after_people(name: str) -> bool:
    """True for a name that ends with the people served (a note in brackets after them aside) and
    names no cost."""
    if name.endswith((")", "）")):
        name = _NOTE_AT_END.sub("", name)
    return name.endswith(_PEOPLE) and _COST_WORD.search(name) is None


# Administrative levels, from the widest: a scope word in an indicator (each starts with 全, which
# indicator-out-of-scope looks for first), a level word in a name.
_SCOPE = (("全国", 0), ("全省", 1), ("全自治区", 1), ("全市", 2), ("全州", 2), ("全盟", 2), ("全县", 3),
          ("全区", 3), ("全旗", 3), ("全乡", 4), ("全镇", 4), ("全村", 5))
_LEVEL_WORDS = ((re.compile(r"村"), 5), (re.compile(r"[乡镇]|街道"), 4), (re.compile(r"[县旗区]"), 3),
                (re.compile(r"[市州盟]"), 2), (re.compile(r"省|自治区"), 1))


# Words holding a level character that name no place: 农业农村局, 城乡, 市场, 社区, 园区 ...
_NOT_A_PLACE = re.compile(r"农村|乡村|城乡|城市|市场|超市|市政|区域|社区|园区|小区|景区|片区|辖区|城区|县域|镇域")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def unit_level(name: str) -> int | None:
    """The administrative level a unit or project name belongs to (5 村 … 1 省), else None:
    the narrowest place it names (天津市和平区人民检察院 → 区)."""
    name = _NOT_A_PLACE.sub("", name)
    found = [level for pattern, level in _LEVEL_WORDS if pattern.search(name)]
    return max(found) if found else None


@rule("indicator-out-of-scope", title="指标范围超出本项目", dimension="相关性", severity="info")
def indicator_out_of_scope(document: Document, settings: RuleSettings) -> list[Finding]:
    """An indicator whose scope is wider than the unit's: 全省…, 全市… in a county's project.

    An indicator measures what *this* project's money does (88号: 指标与项目相关): a province-wide
    or city-wide figure (全市空气质量优良天数, 全省覆盖率) in a county or district unit's project
    belongs to another level's project or fund. The unit's level is read from its name (or the
    project's): 村, 乡/镇/街道, 县/区/旗, 市/州/盟, 省. A hint (提示): a county-level 市 (天长市)
    uses 全市 for its own scope, and the reviewer knows which.
    """
    out = []
    own = unit_level(document.unit.name or "")
    for project, position, indicator in indicators(document):
        if "全" not in indicator.level3 and "全" not in indicator.target.raw:
            continue  # every scope word starts with 全 (most names hold none)
        level = own if own is not None else unit_level(project.name)
        if level is None:
            continue
        text = f"{indicator.level3}{indicator.target.raw}"
        wider = next((word for word, scope in _SCOPE if scope < level and word in text), None)
        if wider is None:
            continue
        out.append(at_indicator(project, position, indicator, "level3",
                                f"{quote(indicator.level3)}衡量的是「{wider}」的情况，超出了本单位、本项目的范围，"
                                "可能属于其他层级的项目或资金",
                                "改为本项目资金直接带来的产出或效果（如本项目覆盖的户数、面积），"
                                "或说明本项目在其中的份额"))
    return out
