"""规范性 (conformity): the table is written correctly — names, spelling, arithmetic."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from perfbudget.budget_parts import OTHER_CELL, carried_over, parts_sum_differs
from perfbudget.domain_words import EXPENSE_CLASSES
from perfbudget.evaluate.negative_actuals import negative_target_refusal
from perfbudget.evaluate.vocabulary import says_met
from perfbudget.framework import LEVEL1_EFFECT, LEVEL1_OUTPUT
from perfbudget.model import Budget, Document, Indicator, Op, Project, Target
from perfbudget.review.finding import Finding
from perfbudget.review.helpers import (
    CACHE_SIZE,
    FACTS_LIMIT,
    Row,
    at_indicator,
    at_project,
    bare,
    flagged,
    flagged_by_project,
    indicator_cache,
    indicator_check,
    is_money_unit,
    name_of,
    project_rows,
    quote,
    rows,
    unit_note,
    without_placeholder,
)
from perfbudget.review.language import figures, made_of, people_words, word_set, words
from perfbudget.review.registry import rule
from perfbudget.review.rules_feasibility import brings_in, is_bad_thing, is_count, name_direction
from perfbudget.review.settings import RuleSettings
from perfbudget.target import format_decimal, parse_target, unit_of_name, written_unit
from perfbudget.text_caches import held_by, keyed_on_texts

# A description that explains rather than names: a sentence, a definition, a formula — by how it starts, or by a
# mark or a figure anywhere (two patterns: one alternative anchored at the start made every position of the search try
# both).
_EXPLANATION_START = re.compile(r"(?:反映|指|是指|考核|衡量|用于|通过|按照|根据|主要|即|包括|该指标|本指标|统计)")
_EXPLANATION_MARK = re.compile(r"[，。；：,;:=＝/\d]")


def _explains(description: str) -> bool:
    text = description.strip()
    return _EXPLANATION_START.match(text) is not None or _EXPLANATION_MARK.search(text) is not None
_NOT_A_NAME_TAIL = re.compile(r"^(?:是|指|为|达到|不低于|不少于|不高于|不超过|在|的|要求|情况)|\d")
_MAX_TAIL = 6
_MAX_SHORT_NAME = 4
# Bracketed notes are not part of what is compared: 网络连通率 vs 网络连通率（月均）.
_BRACKETS = re.compile(r"[（(][^（）()]*[）)]")


def _compared(row: Row) -> tuple[str, str, str] | None:
    """:func:`_compare` of the row's 三级 name and its description, with the description quoted
    (None without a description, or when they agree)."""
    description = row.indicator.description
    return None if description is None else _compared_texts(row.name, description)


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _compared_texts(name: str, description: str) -> tuple[str, str, str] | None:
    """:func:`_compared` by the two texts it compares: kept by them, not by the row (hashing a row
    hashes its whole project, indicators and all)."""
    described = name_of(description)
    if described == name:  # a description written as the name (most tables that have the column)
        return None
    found = _compare(name, described)
    if found is None and (name.endswith("额") or described.endswith("额")):  # (an amount on one side: rare)
        found = _amount_or_count(name, described)
    return None if found is None else (*found, quote(description))


# A count by its last word (技术交易数量, 合同数, 项目个数) and an amount (技术交易额): two different measures.
_COUNT_END = re.compile(r"(?:数量|个数|件数|项数|次数|份数|数)$")


def _amount_or_count(name: str, description: str) -> tuple[str, str] | None:
    """("amount", "count") when the name is an amount of something (技术交易额) and its description a count of the
    same thing (全年全县完成技术交易数量), or ("count", "amount") the other way round; else None."""
    if _explains(description):
        return None
    a, b = bare(_BRACKETS.sub("", name)), bare(_BRACKETS.sub("", description))
    for amount, count, kinds in ((a, b, ("amount", "count")), (b, a, ("count", "amount"))):
        if (len(amount) >= 3 and amount[-1] == "额" and amount[-2] not in "名份限配" and _COUNT_END.search(count)
                and amount[:-1] in count):
            return kinds
    return None


# What is done with the thing a name measures, put in by its description (补贴准确率, 补贴发放准确率):
# the same measure of the same thing, said more fully. Anything else put in (学生满意度, 学生家长满意度)
# may change whose or what it is.
_ACTIONS_PUT_IN = frozenset({"发放", "拨付", "支付", "兑付", "兑现", "到位", "使用", "执行", "完成", "办理", "落实",
                             "申报", "审核", "验收"})


def _compare(name: str, description: str) -> tuple[str, str] | None:
    """(kind, detail) when a name-like description differs from the name; None when they agree
    or the description is an explanation. kind: cut (name is the description's beginning),
    short (name is its end), differ."""
    if _explains(description):
        return None
    a, b = bare(_BRACKETS.sub("", name)), bare(_BRACKETS.sub("", description))
    if not a or not b or a == b:
        return None
    if b.startswith(a):
        tail = b[len(a):]
        if len(tail) <= _MAX_TAIL and not _NOT_A_NAME_TAIL.search(tail):
            return "cut", tail
        return None
    if b.endswith(a):
        # Only a bare measure word (及时率, 满意度) fails to say what it measures.
        head = b[: -len(a)]
        return ("short", head) if len(a) <= _MAX_SHORT_NAME and len(head) <= _MAX_TAIL else None
    if a.startswith(b) or a.endswith(b) or abs(len(a) - len(b)) > 4:
        return None
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(a), len(b)) - prefix and a[-1 - suffix] == b[-1 - suffix]:
        suffix += 1
    if suffix < 2 or prefix + suffix < 3:
        return None
    left, right = a[prefix:len(a) - suffix], b[prefix:len(b) - suffix]
    if prefix >= 2 and not (left and right) and (left or right) in _ACTIONS_PUT_IN:
        return None  # 补贴准确率 described as 补贴发放准确率: the action put in, the object (补贴) kept
    if set(left) & set(right):
        return None  # 采购/购置, 维修/维护: near-synonyms share a character
    return "differ", ""


@rule("name-cut-off", title="三级指标名称被截断", dimension="规范性", severity="warning")
def name_cut_off(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 name that is the beginning of its description, short of a few characters.

    ``常规普法宣传、专题与专项普法宣`` described as ``…普法宣传次数``, or ``服务业务部门``
    described as ``服务业务部门数量``: the name was cut off (often by a cell limit in the
    budget system) and no longer says what is measured. Descriptions that explain the name
    (反映…, 指…, sentences, formulas) are not compared, nor bracketed notes (网络连通率（月均）).
    A name without a description that lists items (、) and ends in the first three characters of a
    word it wrote whole before (``…文物安全巡查费、宣传教育费、文物保`` after ``文物保护单位…``: 永济's, round 34)
    was cut off too.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3", *verdict)
            for row, verdict in flagged(document, _NAME_CUT) if len(verdict) == 2]


def _name_cut(row: Row) -> tuple[str, str] | tuple[str, str, None] | None:
    """``name-cut-off``'s (message, suggestion) for one indicator, ``name-cut-mid-word``'s (message, suggestion,
    None), or None: one check for both rules (a name cut against its description, or a list cut inside its last
    item, is name-cut-off's, told once)."""
    found = _cut_off(row)
    return found if found is not None else _cut_mid_word(row)


def _cut_off(row: Row) -> tuple[str, str] | None:
    """``name-cut-off``'s (message, suggestion) for one indicator, or None."""
    name = row.indicator.level3
    if not (row.indicator.description or "").strip():  # no description, or its column left blank
        listed = _cut_list(name) if "、" in name else None
        return listed if listed is not None else _cut_at_joiner(name)
    found = _compared(row)
    if found is None or found[0] != "cut":
        return _cut_at_joiner(name)
    _kind, detail, described = found
    return (f"三级指标名称{quote(name)}不完整，比绩效指标描述{described}"
            f"少了末尾的「{detail}」，疑似被截断",
            f"把名称补全为{described}")


def _cut_at_joiner(name: str) -> tuple[str, str] | None:
    """A name that ends in a word joining it to what should follow (``设备维修和``, ``消防器材及``, ``文物保护与``,
    ``资料收集、``): cut after the joiner, the thing joined lost, else None. A comma or a semicolon at the end closes a
    clause (培训人次；, （1）新增就业人数；): taken off, what is left is judged. A name ending in a whole word holding
    the character (普及, 参与, 总和, 达标与否; 碳中和, 目之所及, which the segmenter splits: ``[names] joined_words``
    of ``vocabulary.toml``) is not. ``…及`` may be the first half of 及时 (``设备维修及`` of ``设备维修及时率``) as
    well: the message gives both readings."""
    text = name.rstrip().rstrip(_CLAUSE_MARKS)
    if len(text) < 3:
        return None
    last = text[-1]
    if last == "、":
        joiner = last
    elif last in _JOINER_CHARS:
        tail = words(text)[-1]
        if tail not in _JOINER_WORDS or text.endswith(tuple(word_set("names", "joined_words"))):
            return None  # 普及, 参与, 总和, 碳中和: the character ends a word
        joiner = tail
    else:
        return None  # (nearly every name)
    shown = f"「…{text[-16:]}」" if len(text) > 16 else quote(text)
    also = "，或是「及时…」的前半（如「…及时率」）" if joiner == "及" else ""
    return (f"三级指标名称{shown}以「{joiner}」结尾，「{joiner}」之后的内容缺失{also}，名称不完整，疑似被截断"
            "（原表单元格的字数限制，或转录时丢了字），看不出这一行衡量什么",
            f"对照原表补全名称（「{joiner}」之后的内容），写明衡量什么"
            + (f"；只衡量一项的，删去末尾的「{joiner}」" if joiner in _LISTING else ""))


# What a name cannot end in: a word joining it to what follows (设备维修和 …), a list's mark (资料收集、).
_JOINER_WORDS = frozenset({"及", "和", "与", "或", "并", "以及", "及其", "并且", "的"})
_JOINER_CHARS = frozenset(word[-1] for word in _JOINER_WORDS)
_CLAUSE_MARKS = "，,；; "  # (ending a clause, not a list: taken off before the name is judged)
_LISTING = frozenset({"、", "及", "和", "与", "或", "以及"})  # (joining two items: the first may stand alone)


def _cut_list(name: str) -> tuple[str, str] | None:
    """A list of items (、) cut inside its last one: the name ends in the first three characters of a word
    it wrote whole before (``…宣传教育费、文物保`` after ``文物保护单位方案编制费``), its last word a single
    character left of the cut one (保 of 保护), else None."""
    end = len(name) - 3
    tail = name[end:]
    if end < 9 or not all("\u4e00" <= char <= "\u9fff" for char in tail):
        return None
    at = name.find(tail, 0, end)
    while at != -1:
        after = name[at + 3:at + 4]
        if (after and "\u4e00" <= after <= "\u9fff" and after not in _JOINERS
                and len(words(name)[-1]) == 1):  # the last word cut to one character (文物保 → 文物 | 保), not 文物保护
            shown = f"「…{name[-16:]}」" if len(name) > 16 else quote(name)
            return (f"三级指标名称{shown}以「{tail}」结尾，前文写作「{tail}{after}…」，"
                    "最后一项不完整，疑似被截断（预算系统单元格的字数限制），看不出这一行衡量什么",
                    f"把名称补全（末尾的「{tail}」应为「{tail}{after}…」），并写明衡量什么，"
                    "如成本指标写「…总成本」「…单位成本」，不要罗列费用项目")
        at = name.find(tail, at + 1, end)
    return None


# Marks and words of one character that join others: not the rest of a word cut (文物保 | 、), and a word cut after
# them is still cut (损坏的音).
_JOINERS = frozenset("、的之和与及或")


@rule("name-cut-mid-word", title="三级指标名称疑似缺字", dimension="规范性", severity="warning")
def name_cut_mid_word(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 name whose last word is one character that only begins a word (``[names] cut_words``).

    ``开展食品安全宣传周等科普宣传活`` (安居's: 活动), ``城乡居民医保参保工作经费发放成本预`` (大英 医保's:
    预算), ``更新剧团老化、损坏的音`` (新洲's: 音响): the name lost the end of its last word, and no longer says
    what is measured. A 三级 name cut off is a fault (rules.md §6), a warning as ``name-cut-off`` is: nothing on the
    page tells whether the unit's table was cut (a cell's character limit) or characters were lost in copying or
    reading it, so the message says either may be and asks to check the name against the original table. A name
    ending in a whole word (``…宣传活动``), in a word of two characters the segmenter keeps (``参保``, ``干预``) or
    two single characters it does not know (``绩效自评``: 自 | 评), in a measure word (``…1项``, ``…数``), or in a verb
    after how the work is done (``职工工资按时发``, 足额补: ``[names] cut_manner``), is not flagged, nor one that
    ``name-cut-off`` tells (cut against its description, or a list cut inside its last item: one check for both).
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3", verdict[0], verdict[1])
            for row, verdict in flagged(document, _NAME_CUT) if len(verdict) == 3]


@lru_cache(maxsize=1)
def _cut_heads() -> dict[str, str]:
    """Each listed word by its first character: what a name ending in that character alone lost (活 → 活动)."""
    return {word[0]: word for word in word_set("names", "cut_words")}


def _cut_mid_word(row: Row) -> tuple[str, str, None] | None:
    """``name-cut-mid-word``'s (message, suggestion, None) for one indicator where name-cut-off says nothing, or
    None."""
    name = row.name
    whole = _cut_heads().get(name[-1:])
    if whole is None or len(name) < 6:  # (nearly every name: its last character ends a word)
        return None
    cut = words(name)
    if (len(cut) < 2 or cut[-1] != name[-1] or (len(cut[-2]) == 1 and cut[-2] not in _JOINERS)
            or cut[-2] in word_set("names", "cut_manner")):
        # the last word whole (宣传活动), two single characters a word the segmenter does not know (绩效自评: 自 | 评,
        # 厕改), or a verb after how the work is done (职工工资按时发, 足额补: plain wording)
        return None
    shown = f"「…{name[-16:]}」" if len(name) > 16 else quote(name)
    return (f"三级指标名称{shown}以「{name[-1]}」结尾，名称最后一个词不完整（如「{whole}」），疑似缺字：可能是原表"
            "单元格的字数限制，也可能是转录、读取时丢了字",
            f"对照原表核实名称；原表即如此的，补全最后一个词（「{name[-1]}」应为「{whole}」之类）", None)


_NAME_CUT = indicator_check(_name_cut)  # a description, a list (、) without one, or a last word cut


@rule("name-lost-start", title="名称开头疑似缺字", dimension="规范性", severity="warning")
def name_lost_start(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project or 三级 name that begins with a character left alone which only ends a word (``[names] lost_heads``).

    ``育补助`` (零陵's 抚育补助, round 38: the web page dropped the cell's first character), ``度考核合格率``
    for 年度…, ``级预算单位…`` for 一级…, 县级… or 市级…: the name lost its first character, and no longer says what is
    measured; the suggestion names every listed word the character ends (「抚育补助」或「教育补助」: the page does not
    tell which). Told when the segmenter leaves the first character alone and a word of two or more characters
    follows it (``级配碎石``, 级 | 配 | 碎石, is a material's name); a name beginning with a word it keeps whole
    (``度汛``, ``育苗``, ``务工``, ``作物``, ``施工``, ``育才中学``) and a character that begins names alone
    (对, 按, 各, 年 …: not listed) are not. As ``name-cut-mid-word``, nothing on the page tells a copy that
    dropped the character from the unit's own slip, so the message says either may be. A name that lost a whole
    place name's first character (``陵区…`` for 零陵区…: 陵区 is a word of its own) is not told.
    """
    out = []
    for project in document.projects:
        if (verdict := lost_start(project.name)) is not None:
            out.append(at_project(project, "name", f"项目名称{verdict[0]}", verdict[1]))
    out.extend(at_indicator(row.project, row.position, row.indicator, "level3", f"三级指标名称{verdict[0]}", verdict[1])
               for row, verdict in flagged(document, _LOST_START))
    return out


@lru_cache(maxsize=1)
def _lost_heads() -> dict[str, tuple[str, ...]]:
    """Each listed word by its second character: what a name beginning with that character alone lost
    (育 → 抚育, 教育)."""
    heads: dict[str, tuple[str, ...]] = {}
    for word in word_set("names", "lost_heads"):
        heads[word[1]] = (*heads.get(word[1], ()), word)
    return {char: tuple(sorted(found)) for char, found in heads.items()}


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def lost_start(name: str) -> tuple[str, str] | None:
    """(what is wrong, suggestion) for a name that begins with a character left alone which only ends a word (育补助),
    or None."""
    text = name.strip()
    whole = _lost_heads().get(text[:1])
    if whole is None or len(text) < 3:  # (nearly every name: its first character is not listed)
        return None
    cut = words(text)
    if len(cut) < 2 or cut[0] != text[0] or len(cut[1]) < 2:  # 度汛…, 育苗…: a word; 级 | 配 | 碎石: a name
        return None
    shown = f"「{text[:16]}…」" if len(text) > 16 else quote(text)
    rest = f"{text[1:16]}…" if len(text) > 16 else text[1:]
    examples = "「" + "」「".join(whole) + "」"
    repairs = "或".join(f"「{head}{rest}」" for head in whole)  # every listed word: the page does not tell which
    return (f"{shown}以单独的「{text[0]}」开头，「{text[0]}」通常是{examples}等词的后一个字，名称开头疑似缺字："
            "可能是转录、读取时丢了字，也可能是原表填写有误",
            f"对照原表补全名称开头（如{repairs}），写明衡量的对象")


def _lost_start_check(row: Row) -> tuple[str, str] | None:
    name = row.name
    return lost_start(name) if name[:1] in _lost_heads() else None  # (nearly every name: not listed)


_LOST_START = indicator_check(_lost_start_check)


@rule("name-description-mismatch", title="三级指标名称与描述不一致", dimension="规范性", severity="warning")
def name_description_mismatch(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 name that differs from its description (绩效指标描述) where both are names.

    ``使用部门满意度`` described as ``使用干警满意度``: whose satisfaction is measured? Or
    ``及时率`` described as ``工作完成及时率``: a bare measure word (at most 4 characters) that
    drops what the rate is of. Only descriptions that read as a name (no sentence, no
    definition, no number, about the same length, sharing the measure word) are compared;
    bracketed notes are ignored, and differing words that share a character (采购/购置,
    维修/维护) are taken as synonyms. A description that only puts in what is done with the thing
    the name measures (``补贴准确率`` described as ``补贴发放准确率``: 发放, 拨付, 支付, 验收 …) says the same
    measure more fully; anything else put in (``学生满意度`` described as ``学生家长满意度``) is compared.
    An amount named and a count described of the same thing (``技术交易额`` described as ``全年全县完成技术交易数量``),
    or the other way round, measure two things whatever their lengths. Cut-off names are ``name-cut-off``.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3", *verdict)
            for row, verdict in flagged(document, _NAME_DESCRIPTION_MISMATCH)]


def _mismatch(row: Row) -> tuple[str, str] | None:
    """``name-description-mismatch``'s (message, suggestion) for one indicator, or None."""
    found = _compared(row)
    if found is None or found[0] == "cut":
        return None
    kind, detail, described = found
    if kind in ("amount", "count"):
        said = {"amount": "金额", "count": "数量"}
        message = (f"三级指标名称{quote(row.indicator.level3)}衡量的是{said[kind]}，绩效指标描述{described}"
                   f"衡量的却是{said[detail]}，看不出考核哪一个")
        return message, "统一名称和描述：考核金额的写「…额 ≥…万元」，考核数量的写「…数量 ≥…项」"
    if kind == "short":
        message = (f"三级指标名称{quote(row.indicator.level3)}省略了绩效指标描述{described}"
                   f"中的「{detail}」，看不出衡量的对象")
    else:
        message = f"三级指标名称{quote(row.indicator.level3)}与绩效指标描述{described}不一致，衡量的对象不清楚"
    return message, "统一名称和描述，写明实际衡量的对象"


_NAME_DESCRIPTION_MISMATCH = indicator_check(_mismatch, needs=lambda shape: shape[5])  # a description


@rule("duplicate-indicator", title="三级指标重复", dimension="规范性", severity="warning")
def duplicate_indicator(document: Document, settings: RuleSettings) -> list[Finding]:
    """The same 三级 indicator twice in one project (names compared without stars or spaces).

    A duplicate counts the same result twice in scoring. The same name in different projects
    is normal and not flagged. An output's name repeated under 效益指标 is ``output-as-effect``'s, which names
    the row it repeats (one fault, one finding at the row), and told here only where a region switches that rule
    off. So are the same people counted twice under two names:
    two 数量 rows that
    both count heads (…人数, …人口总数, …户数) of the same people (贫困人口, 学生, 农户 …) with the same
    target (``贫困人口加入合作社…人数 ≥1102人`` and ``资产入股贫困人口总数 ≥1102人``: joining the cooperative is
    putting the assets in). A service counted for the same people (``0-6岁儿童健康管理数 2089人`` beside
    ``0-6岁儿童眼保健操覆盖数 2089人``) is another output and is not flagged.
    """
    out = []
    twins = _OUTPUT_AND_EFFECT if settings.runs("output-as-effect") else None  # (a region may switch it off)
    for project, own in project_rows(document):
        first: dict[str, tuple[int, str, Indicator]] = {}
        heads: dict[tuple[object, ...], tuple[int, Indicator, str]] = {}
        for _project, position, indicator, level1, level2, name, key, _cost, _economic in own:
            if not key:
                continue
            if key in first:
                seen, group, before = first[key]
                if {group, level1} != twins:  # an output's name again under 效益: output-as-effect's where it runs
                    out.append(at_indicator(project, position, indicator, "level3",
                                            *_repeated(indicator, seen, before, position)))
                continue
            first[key] = (position, level1, indicator)
            if level2 != "数量指标" or (counted := _head_count(name, indicator.target)) is None:
                continue
            if (earlier := heads.get(counted)) is not None:
                out.append(at_indicator(project, position, indicator, "level3",
                                        f"数量指标{quote(indicator.level3)}与第{earlier[0]}个指标"
                                        f"{quote(earlier[1].level3)}数的是同一批{counted[0]}（都是"
                                        f"{indicator.target.raw}）：同一产出按两个名称重复设了指标，分值重复计算",
                                        "只保留一个人数指标；若两者确有不同，写明区别（如参加培训的人数与领取补助的人数）"))
            else:
                heads[counted] = (position, indicator, name)
    return out


def _repeated(indicator: Indicator, seen: int, before: Indicator, position: int) -> tuple[str, str]:
    """``duplicate-indicator``'s (message, suggestion) for a name repeated from row ``seen``: the two values said,
    and which row to drop (round 38: 「与第N个指标重复」 left the reader to look both up)."""
    name, now, then = quote(indicator.level3), indicator.target.raw.strip(), before.target.raw.strip()
    if now == then:
        said = f"，指标值也同为{quote(now)}，同一结果会重复计分" if now else "，同一结果会重复计分"
        return (f"三级指标{name}与第{seen}个指标重复{said}",
                f"删去第{position}个指标；两者衡量的确实不同的，改写名称写明区别")
    return (f"三级指标{name}与第{seen}个指标重复，指标值却分别为{quote(then or '（空）')}和"
            f"{quote(now or '（空）')}，看不出以哪个为准",
            "核实后只保留一个指标和一个指标值；两者衡量的确实不同的，改写名称写明区别")


# An output's name repeated under 效益: one fault, told by output-as-effect with the row it repeats.
_OUTPUT_AND_EFFECT = frozenset({LEVEL1_OUTPUT, LEVEL1_EFFECT})
# Counting heads: the people themselves, not a service done for them (…管理数, …访视数 count services).
_HEAD_COUNT_END = re.compile(r"(?:人数|人口数|人口总数|总人数|户数|总户数|人口)$")


def _head_count(name: str, target: Target) -> tuple[object, ...] | None:
    """(who, op, value, unit) of a 数量 row counting heads of named people (资产入股贫困人口总数 ≥1102人), else None."""
    if (not name.endswith(("数", "口")) or target.value is None or target.unit not in ("人", "户", "名")
            or _HEAD_COUNT_END.search(name) is None):
        return None
    people = people_words().search(name)  # who is counted: the same word in both names says the same people
    return None if people is None else (people.group(0), target.op, target.value, target.unit)


@rule("total-with-parts", title="总数与分项重复设指标", dimension="规范性", severity="warning")
def total_with_parts(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 数量指标 whose value is exactly the sum of the two or more 数量指标 right after it, in the same unit.

    隆阳's ``示范区建立 ≧20000亩`` over ``水稻侧深施肥 ≧500亩``, ``玉米种肥同播 ≧1000亩``, ``施用配方肥 ≧18500亩``
    (500 + 1000 + 18500): the same output set once as the total and again as its parts, so its weight (and in
    a self-evaluation its score: 15 points for the total, 15 for the parts) counts twice. A breakdown the
    table marks as such (parts named ``其中…``) is left alone, as is a total of one part (a repeated value).
    """
    out = []
    for project, own in project_rows(document):
        counted = [(row.position, row.indicator) for row in own
                   if row.level2 == "数量指标" and row.indicator.target.value and row.indicator.target.unit]
        if len(counted) < 3:
            continue
        past = 0  # the parts of a total found are not totals themselves (5组 over 3组 and 2组 inside 15组)
        for at, (position, total) in enumerate(counted[:-2]):
            if position <= past:
                continue
            unit, left = total.target.unit, total.target.value
            parts: list[Indicator] = []
            for next_position, part in counted[at + 1:]:
                if next_position != position + len(parts) + 1 or part.target.unit != unit:
                    break
                parts.append(part)
                left -= part.target.value  # type: ignore[operator]
                if left <= 0:
                    break
            if left != 0 or len(parts) < 2 or any(p.level3.lstrip().startswith("其中") for p in parts):
                continue
            past = position + len(parts)
            names = "、".join(quote(p.level3, 12) for p in parts)
            out.append(at_indicator(project, position, total, "target",
                                    f"{quote(total.level3)}的指标值{quote(total.target.raw)}正好是其后{len(parts)}个"
                                    f"数量指标（{names}）之和：同一产出既按总数又按分项设了指标，分值和得分重复计算",
                                    "总数和分项只保留一种：保留分项的，删去总数指标（总数可写进指标解释）；"
                                    "保留总数的，删去分项，把分值合并"))
    return out

# A curated list of misspellings seen in budget tables (wrong, right).
CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("较钱", "较前"), ("人民检查院", "人民检察院"), ("帐户", "账户"), ("帐务", "账务"), ("到帐", "到账"),
    ("对帐", "对账"), ("记帐", "记账"), ("帐号", "账号"), ("做为", "作为"), ("部份", "部分"),
    ("既使", "即使"), ("以经", "已经"), ("己经", "已经"), ("按装", "安装"), ("峻工", "竣工"), ("竣公", "竣工"),
    ("幅射", "辐射"), ("签定", "签订"), ("按其完成", "按期完成"), ("如其完成", "如期完成"),
    ("截止目前", "截至目前"), ("截止到", "截至"), ("绩校", "绩效"), ("防役", "防疫"), ("疫请", "疫情"),
    ("合各率", "合格率"), ("满意渡", "满意度"), ("及时律", "及时率"), ("合格律", "合格率"),
    ("完成律", "完成率"), ("覆盖律", "覆盖率"), ("利用律", "利用率"), ("知晓律", "知晓率"),
    ("达标律", "达标率"), ("满意律", "满意率"), ("使用律", "使用率"), ("再接再励", "再接再厉"),
    ("一股作气", "一鼓作气"), ("一如继往", "一如既往"), ("迫不急待", "迫不及待"), ("相辅相承", "相辅相成"),
    ("默守成规", "墨守成规"),
    # standard terms of the tables with a character lost or slipped (round 19: seen in judged tables)
    ("大力支出", "大力支持"), ("强制免率", "强制免疫率"), ("新生入访视", "新生儿访视"), ("于于", "于"),
    # 的 written 得 before a satisfaction (学生对学校伙食得满意度, round 24)
    ("得满意度", "的满意度"), ("得满意率", "的满意率"),
    # a disease's, a river's and the public's names with one character slipped (round 28: seen in judged tables)
    ("病风病", "麻风病"), ("治理问道", "治理河道"), ("全面健康水平", "全民健康水平"),
)


def _texts(project: Project) -> Iterator[tuple[Project, int | None, Indicator | None, str, str]]:
    """(project, position or None, indicator or None, field, text) for every text a typo can hide in."""
    yield project, None, None, "name", project.name
    if project.purpose:
        yield project, None, None, "purpose", project.purpose
    for goal in project.goals:
        yield project, None, None, "goals", goal
    for position, indicator in enumerate(project.indicators, 1):
        yield project, position, indicator, "level3", indicator.level3
        if indicator.description:
            yield project, position, indicator, "description", indicator.description
        yield project, position, indicator, "target", indicator.target.raw


def _own_texts_hold(project: Project, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` is found in the project's own texts (name, purpose, goals; each text's answer kept)."""
    return (_holds(pattern, project.name) or bool(project.purpose and _holds(pattern, project.purpose))
            or any(_holds(pattern, goal) for goal in project.goals))


def _may_hold(project: Project, pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` is found in the texts of ``_texts(project)`` (a screen for ``typo``): the
    project's own texts searched (each text's answer kept), then each indicator's texts joined by
    \\0 (no word of the pattern holds one), the answer kept by indicator object (a province repeats
    both)."""
    if _own_texts_hold(project, pattern):
        return True
    seen = _TYPO_SCREEN
    for indicator in project.indicators:
        held = seen.get(id(indicator))
        if held is None or held[1][0] is not pattern:
            found = pattern.search(f"{indicator.level3}\0{indicator.description or ''}\0{indicator.target.raw}")
            if len(seen) >= FACTS_LIMIT:
                seen.clear()  # memory stays bounded whatever is reviewed
            held = seen[id(indicator)] = (indicator, (pattern, found is not None))
        if held[1][1]:
            return True
    return False


def _holds(pattern: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern`` is found in ``text``, each answer kept per pattern (by its identity: hashing a
    compiled pattern hashes all its code, about 8,000 instructions for the confusion list's, more than the
    search it saves) and text."""
    held = _HOLDS.get(id(pattern))
    if held is None or held[0] is not pattern:
        if len(_HOLDS) >= 64:
            _HOLDS.clear()  # memory stays bounded whatever is reviewed
        held = _HOLDS[id(pattern)] = (pattern, {})
    answers = held[1]
    found = answers.get(text)
    if found is None:
        if len(answers) >= CACHE_SIZE:
            answers.clear()
        found = answers[text] = pattern.search(text) is not None
    return found


# Each pattern _holds was asked about (held, so that no other takes its id), with its answers by text.
_HOLDS: dict[int, tuple[re.Pattern[str], dict[str, bool]]] = {}
held_by(_HOLDS.clear)


# (pattern, whether the indicator's texts hold a word of it), by indicator object
_TYPO_SCREEN = indicator_cache()


def _confusions(extra: Iterable[str]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for item in extra:
        wrong, sep, right = item.partition("=")
        if sep and wrong and right:
            pairs.append((wrong, right))
    return CONFUSIONS + tuple(pairs)


def _typo_words(extra: Iterable[str]) -> tuple[dict[str, str], re.Pattern[str], bool]:
    """The confusion pairs with a config's ``extra`` ones (wrong → right), their pattern, and whether no
    wrong word holds \\0 (the texts can be searched joined by it)."""
    pairs = dict(_confusions(extra))
    return pairs, _pattern(tuple(pairs)), not any("\0" in wrong for wrong in pairs)


@lru_cache(maxsize=64)
def _typo_words_kept(extra: tuple[str, ...]) -> tuple[dict[str, str], re.Pattern[str], bool]:
    """:func:`_typo_words`, worked out once per ``extra`` (a province's review asks it per document)."""
    return _typo_words(extra)


@lru_cache(maxsize=64)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _default_pattern() -> re.Pattern[str]:
    """The pattern of the curated confusion list alone."""
    return _pattern(tuple(dict(CONFUSIONS)))


def _typo_screen(row: Row) -> bool | tuple[bool, str] | None:
    """True when the indicator's texts (name, description, value, joined by \\0) hold a word of the
    curated confusion list, (that, the word) when its name holds a word of two or three characters written
    twice running (``项目完成周期周期``, ``项目项目验收合格率``): ``typo``'s screen, judged once per indicator."""
    indicator = row.indicator
    text = f"{indicator.level3}\0{indicator.description or ''}\0{indicator.target.raw}"
    listed = _default_pattern().search(text) is not None
    doubled = _doubled_word(indicator.level3)
    if doubled is not None:
        return listed, doubled
    return True if listed else None


def _doubled_word(name: str) -> str | None:
    """The word of two or three Chinese characters a name writes twice running, anywhere in it (``项目完成周期周期``
    → 周期, ``项目项目验收合格率`` → 项目), or None; one character doubled (天天天天) is no slip. One search of a
    pattern without look-around: counted with callgrind on the bench's 10,032 names it costs what round 29's look at
    the name's end cost (50 M instructions against 52 M), where a screen comparing each name with itself shifted
    (``map(eq, …)``, which makes a string of every character) cost 173 M and a pattern ruling the one-character words
    out by a look-ahead 111 M."""
    found = _WORD_TWICE.search(name)
    if found is None:
        return None
    word = found.group(1)
    return word if len(set(word)) > 1 else None


# A word of two or three Chinese characters written twice running.
_WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2,3})\1")


_TYPO_SCREENED = indicator_check(_typo_screen)


# A place name written twice in a row in a value in words (六安市六安市): two to seven characters ending in a
# place's suffix, the same again right after.
_PLACE_TWICE = re.compile(r"([\u4e00-\u9fff]{1,6}[省市县区州旗镇乡])\1")
# What a doubled place name holds, searched first: a place suffix, one to six characters, the same suffix.
_SUFFIX_TWICE = re.compile(r"([省市县区州旗镇乡])[\u4e00-\u9fff]{1,6}\1")


def _doubled_place(row: Row) -> str | tuple[str, str] | None:
    """The place name a value in words writes twice in a row (``完成六安市六安市罗氏宗祠…日常维护`` → 六安市), or
    None: ``typo``'s check of a doubled word (one search for a recurring suffix; round 23's loop cost more); for a
    comparator written twice (``≥≥98%``), the pair (what is written twice, the value written once)."""
    raw = row.indicator.target.raw
    if raw[:1] in _COMPARATOR_STARTS and (twice := _COMPARATOR_TWICE.match(raw)) is not None:
        # ≥≥98%: the parser reads no figure, nothing compares it; the comparator written twice (抚远's, round 34)
        first, second = twice.group(1), twice.group(2)
        if (first in _UP) == (second in _UP):
            return twice.group(0), second + raw[twice.end():]
    if _SUFFIX_TWICE.search(raw) is None:  # (nearly every value)
        return None
    found = _PLACE_TWICE.search(raw)
    return None if found is None else found.group(1)


# A comparator written twice before a figure (≥≥98%, >=≥95%): same direction, a slip of the pen.
_UP = frozenset({"≥", ">=", ">", "＞", "≧", "＞＝"})
_COMPARATOR_STARTS = frozenset("≥≤><＞＜≧≦")
_COMPARATOR_TWICE = re.compile(r"(≥|≤|>=|<=|>|<|＞＝|＜＝|＞|＜|≧|≦)\s*(≥|≤|>=|<=|>|<|＞＝|＜＝|＞|＜|≧|≦)\s*(?=\d)")


_DOUBLED_PLACE = indicator_check(_doubled_place, needs=lambda shape: not shape[8])  # a value in words


@rule("typo", title="错别字", dimension="规范性", severity="warning", params={"extra": ()})
def typo(document: Document, settings: RuleSettings) -> list[Finding]:
    """A misspelling from a curated confusion list, in names, descriptions, values, goals and purpose.

    E.g. 较钱一年 (较前), 人民检查院 (检察院), 到帐 (到账), 合格律 (合格率). A config adds pairs with
    ``extra = ["错=对", …]``. Each text is reported once per misspelling. A place name written twice in a row
    in a value in words (``完成六安市六安市罗氏宗祠…日常维护``) is a slip too, reported at that value, and so is a
    三级 name holding a word of two or three Chinese characters written twice running (``项目完成周期周期``: 休宁's,
    missed since round 17; ``项目项目验收合格率``: anywhere in the name since round 30, by one search of a pattern
    without look-around, which costs what the look at the name's end cost). A comparator written twice before the
    figure (``贫困地区农村集中供水率 ≥≥98%``: 抚远's, round 34) leaves the value unread, and is told too.
    """
    extra = settings.param("extra")
    try:
        pairs, pattern, screen = _typo_words_kept(tuple(extra))
    except TypeError:  # an unhashable item in the config's list: worked out here (and failing as it did)
        pairs, pattern, screen = _typo_words(extra)
    out = []
    # the curated list alone (no extra pairs): the indicators' texts were screened once per indicator
    # (_typo_screen); the projects holding a flagged indicator, by identity
    marked = ({id(row.project) for row, held in flagged(document, _TYPO_SCREENED) if held is True or held[0]}
              if screen and pattern is _default_pattern() else None)
    for project in document.projects:
        # one search over the project's texts joined by \0 (no misspelling holds one) rules out nearly all
        if marked is not None:
            if id(project) not in marked and not _own_texts_hold(project, pattern):
                continue
        elif screen and not _may_hold(project, pattern):
            continue
        for _project, position, indicator, field, text in _texts(project):
            if pattern.search(text) is None:
                continue
            for wrong in dict.fromkeys(m.group(0) for m in pattern.finditer(text)):
                right = pairs[wrong]
                message = f"{quote(text)}中的「{wrong}」疑为错别字，应为「{right}」"
                suggestion = f"把「{wrong}」改为「{right}」"
                if indicator is not None and position is not None:
                    out.append(at_indicator(project, position, indicator, field, message, suggestion))
                else:
                    out.append(at_project(project, field, message, suggestion))
    for row, once in flagged(document, _DOUBLED_PLACE):
        if type(once) is tuple:  # ≥≥98%: the comparator twice, the value unread
            written, meant = once
            out.append(at_indicator(row.project, row.position, row.indicator, "target",
                                    f"{quote(row.indicator.level3)}的指标值{quote(row.indicator.target.raw)}中比较符号"
                                    f"「{written.strip()}」写了两遍，疑为笔误，这个值无法读作数字，无法考核",
                                    f"写作{quote(meant)}"))
            continue
        out.append(at_indicator(row.project, row.position, row.indicator, "target",
                                f"{quote(row.indicator.target.raw)}中的「{once}{once}」把「{once}」写了两遍，疑为笔误",
                                f"删去重复的「{once}」"))
    for row, held in flagged(document, _TYPO_SCREENED):
        if held is not True:  # a name holding a word written twice (项目完成周期周期, 项目项目验收合格率)
            word, name = held[1], row.indicator.level3
            where = "末尾" if name.endswith(word + word) else "中"
            out.append(at_indicator(row.project, row.position, row.indicator, "level3",
                                    f"三级指标名称{quote(name)}{where}的「{word}{word}」把「{word}」写了两遍，疑为笔误",
                                    f"删去重复的「{word}」，写作"
                                    f"{quote(without_placeholder(name.replace(word + word, word, 1)))}"))
    return out


# Characters that legitimately tell indicators apart: 春季/秋季, 一期/二期, 市级/县级 ...
_CONTRASTS = set("0123456789一二三四五六七八九十百千春夏秋冬上下省市县区乡镇村男女大中小新旧内外前后左右东西南北"
                 "年月日周季初高早晚")


def _one_apart(name: str, other: str) -> int | None:
    """The one position at which ``name`` and ``other`` (the same length, first character and last two)
    differ, None when they differ at none or at more than one."""
    found = None
    for i in range(1, len(name) - 2):
        if name[i] != other[i]:
            if found is not None:
                return None
            found = i
    return found


@rule("inconsistent-phrase", title="疑似笔误（与其他表写法不同）", dimension="规范性", severity="info",
      params={"min_length": 5})
def inconsistent_phrase(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 name written once that differs by one character from a name two other projects share.

    ``使用布门满意度`` in one table where two others write ``使用部门满意度``: probably a slip of the
    pen. Only names of at least ``min_length`` characters (default 5) are compared, and not
    when the differing character is the first, one of the last two (the measure word: 人数 or
    件数) or a character that commonly tells indicators apart (digits, seasons, 省/市/县 …).
    """
    minimum = settings.param("min_length")
    projects_of: dict[str, set[int]] = defaultdict(set)
    for project, own in project_rows(document):
        seq = project.seq
        for row in own:
            projects_of[row.key].add(seq)
    # a name one character away from a shared one (never its first or last two) has the same length,
    # first character and last two: the shared names by that shape, each compared only with the names of
    # its shape written once
    shared: dict[tuple[int, str, str], list[str]] = {}
    for name, seqs in projects_of.items():
        if len(seqs) >= 2 and len(name) >= minimum:
            shared.setdefault((len(name), name[0], name[-2:]), []).append(name)
    if not shared:
        return []
    slips: dict[str, tuple[int, str]] = {}
    for name, seqs in projects_of.items():
        if len(seqs) != 1 or len(name) < minimum:
            continue
        commons = shared.get((len(name), name[0], name[-2:]))
        if commons is None:
            continue
        # the shared names one character away, at a position that does not tell indicators apart; the
        # last by (position, shared name in order) is reported
        found = None
        for order, common in enumerate(commons):
            i = _one_apart(name, common)
            if (i is not None and name[i] not in _CONTRASTS and common[i] not in _CONTRASTS
                    and not seqs & projects_of[common] and (found is None or (i, order) > found[0])):
                found = ((i, order), (i, common))
        if found is not None:
            slips[name] = found[1]
    if not slips:
        return []
    out = []
    for project, position, indicator, _level1, _level2, _name, name, _cost, _economic in rows(document):
        if name not in slips:
            continue
        i, common = slips[name]
        out.append(at_indicator(project, position, indicator, "level3",
                                f"三级指标{quote(indicator.level3)}与其他{len(projects_of[common])}个项目中的"
                                f"「{common}」只差一个字（「{name[i]}」/「{common[i]}」），疑似笔误",
                                f"核对用字；如为笔误，改为「{common}」"))
    return out


# The source key of a 财政资金 cell (a project's ``sources``), as budget_parts.OTHER_CELL is the 其他资金 one's.
FISCAL_CELL = "budget.fiscal"


@rule("fund-arithmetic", title="资金合计不符", dimension="规范性", severity="error")
def fund_arithmetic(document: Document, settings: RuleSettings) -> list[Finding]:
    """The fund split does not add up: 预算数 ≠ 财政资金 + 其他资金.

    Checked when the total and at least one part are given; a blank part counts as zero.
    A table with no 其他资金 cell at all that gives only "其中：财政资金" below the total
    (项目金额 164, 其中：当年市级财政资金 132) states a part, not the whole split: it is
    flagged only when that part exceeds the total. A 自评表's 上年结转资金 row is the total's third part
    (当年财政拨款 + 上年结转资金 + 其他资金): where one of its amounts makes the sum, nothing is flagged.
    Likewise a table with no 财政资金 cell at all whose 其他资金 is below the total (0, or 2880 of 4753.66) states
    that part only, the public money being given under other labels (中央资金 871, 地方资金 1509.91; 一般公共预算 in a
    note): 「财政资金0万元」 would be a figure the table never wrote.
    """
    out = []
    for project in document.projects:
        budget = project.budget
        if (parts := parts_sum_differs(budget, OTHER_CELL in project.sources, carried_over(project.extras))) is None \
                or budget.total is None or _other_part_only(budget, project.sources):
            continue
        unit = document.money_unit or ""
        out.append(at_project(project, "budget.total",
                              f"预算数{format_decimal(budget.total)}{unit}不等于财政资金"
                              f"{format_decimal(budget.fiscal or Decimal(0))}{unit}与其他资金"
                              f"{format_decimal(budget.other or Decimal(0))}{unit}之和"
                              f"{format_decimal(parts)}{unit}",
                              "核对资金来源：预算数应等于财政资金与其他资金之和"))
    return out


def _other_part_only(budget: Budget, sources: Mapping[str, object]) -> bool:
    """True when the table gives no 财政资金 cell and its 其他资金 is less than the total: one part stated, not the
    split (the public money is written under other labels, or not at all)."""
    return (budget.fiscal is None and FISCAL_CELL not in sources and budget.other is not None
            and budget.total is not None and budget.other < budget.total)


# A year before a project's name (2019年, 2023年度) and a note in brackets after it (（区级）).
_YEAR_BEFORE = re.compile(r"^\d{4}年度?")
_NOTE_AFTER = re.compile(r"[（(][^（）()]*[)）]$")


@rule("name-is-expense-class", title="项目名称是支出经济分类", dimension="规范性", severity="warning")
def name_is_expense_class(document: Document, settings: RuleSettings) -> list[Finding]:
    """A project named by a class of the economic classification of expenditure.

    ``商品和服务支出``, 资本性支出, 对个人和家庭的补助 say what kind of spending the money is, not what it
    does: the name cannot be matched with the goals and the indicators (历城's 45万元 named 商品和服务支出,
    spent on a cultural centre's free opening). The classes are ``domain_words.EXPENSE_CLASSES`` (the readers'
    too); a year before the name and a note in brackets after it are left out. A name that
    says what the class pays for (``商品和服务支出-文化馆免费开放``) and a wage item named by its class
    (工资福利支出: it says what it pays, and is judged by the simplified template) are not flagged.
    """
    out = []
    for project in document.projects:
        name = project.name.strip()
        if "支出" not in name and "补助" not in name:
            continue
        core = _NOTE_AFTER.sub("", _YEAR_BEFORE.sub("", name)).strip().removesuffix("项目")
        if core in EXPENSE_CLASSES:
            out.append(at_project(project, "name",
                                  f"项目名称{quote(name)}是支出经济分类的名称，只说明是哪一类支出，看不出这笔资金做什么、"
                                  "为谁做，也无法与绩效目标和指标对应",
                                  "按资金的用途命名项目，写明做什么、为谁做（如「文化馆全年免费开放」「农村公共厕所建设」），"
                                  "经济分类在预算明细中另行填写"))
    return out


@rule("negative-target", title="指标值为负数", dimension="规范性", severity="error")
def negative_target(document: Document, settings: RuleSettings) -> list[Finding]:
    """A target below zero (``≤-5万元``, ``≥-3%``) where the indicator does not measure a change or a balance.

    A cost, a count, a share, money, a time or a satisfaction is never below zero: a 单位成本 of ``≤-5万元`` is a
    typing slip (the sign, or a 降低 left out of the name), and scoring it would reward any actual. An indicator
    whose name or target says it measures a change or a balance (下降, 减少, 增长, 同比, 较上年, 利润, 结余, 温度 …:
    ``evaluate.negative_actuals.negative_target_refusal``, which the 自评 applies too) may be written
    below zero (``事故数较上年减少 ≤-5%``) and is not flagged.
    """
    return [at_indicator(row.project, row.position, row.indicator, "target", *verdict)
            for row, verdict in flagged(document, _NEGATIVE_TARGET)]


def _negative(row: Row) -> tuple[str, str] | None:
    """``negative-target``'s (message, suggestion) for one indicator, or None."""
    indicator = row.indicator
    message = negative_target_refusal(indicator.level3, indicator.target)
    if message is None:
        return None
    if row.cost and "成本" not in indicator.level3:
        message = message.replace("数量、比率、金额、时间和满意度不会为负", "成本不会为负")
    return (message, "核对指标值的正负号；若衡量的是下降或减少，在指标名称中写明（如「单位成本较上年降低」）")


_NEGATIVE_TARGET = indicator_check(_negative, needs=lambda shape: shape[8])  # quantitative


# A number starts where no digit is before it, and its digits and spaces are never given back (no unit
# can start with a digit, a dot or a space, so the matches are the same): tried from every digit and
# backtracking digit by digit, a 16,000-digit 三级 name took 8.6 s (found by attack10).
_VALUE_WITH_UNIT = re.compile(r"(?<!\d)(\d++(?:\.\d++)?+)\s*+(%|％|百分比|[^\d\s.,，、;；:：()（）]{1,3})")
_PERCENT = ("%", "％", "百分比")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _has_digit(text: str) -> bool:
    return any(map(str.isdigit, text))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _values_in_name(name: str) -> tuple[tuple[str, str], ...]:
    """(number as written, unit) of every number with a unit in a name (numbers made Decimal when used)."""
    return tuple((m.group(1), "%" if m.group(2) in _PERCENT else m.group(2)) for m in _VALUE_WITH_UNIT.finditer(name))


@rule("value-in-name", title="三级指标名称中的数值与指标值不符", dimension="规范性", severity="warning")
def value_in_name(document: Document, settings: RuleSettings) -> list[Finding]:
    """A 三级 name that states a value in the target's unit other than the target value.

    ``贫困地区旅游基础设施建设质量达标率100%`` with the target ``≥98%``: which one is the
    target? Only a number followed by the target's own unit counts (``%`` also written
    ``百分比``/``％``); a name whose number equals the target (``配套变压器3台`` → ``3台``,
    ``一户年最高5300元`` → ``≤5300元/户``) or whose numbers are in other units
    (``1250KVA变压器``) is not flagged. Template hints (``(≥**%)``) are ``template-leftover``.
    A name that holds the target while the value is a bare number — a deadline
    (``确定于2022年12月底前发放完毕`` with ``100``) or counts (``…共计3875人…已发放3620人…`` with ``100``)
    — is flagged too: the target is written in the name, the value says nothing; so is a 数量指标 name that
    lists counts while the value is a bare share (``慰问伤残军人50人;…边海防官兵320人。`` with ``100%``;
    not an ordinal, ``第2批…``, nor a share by nature, ``…满意度``, ``…及时性``).
    A bare value the
    name repeats (``配套变压器3台`` with ``3``) and rates, counts and amounts (``…率 100``, ``受益人数 3875``)
    are not. A name written again as the value that holds the target's figure (``辖区企业满意率达95%以上。``
    in both cells) is flagged: the target is in the name and the value gives no figure of its own. A name saying
    a thing does not happen at all (``…年内无群体性事件发生``) with a value above 0 (``小于5次``) is flagged: the name
    rules out what the value allows.
    """
    return [at_indicator(row.project, row.position, row.indicator, "level3", *verdict)
            for row, verdict in flagged(document, _VALUE_IN_NAME)]


def _value_in_name(row: Row) -> tuple[str, str] | None:
    """``value-in-name``'s (message, suggestion) for one indicator, or None."""
    indicator = row.indicator
    target = indicator.target
    if target.value is None:  # a name written again as the value? (nearly every value: not the name's start)
        return _name_as_value(row) if target.raw[:3] in indicator.level3 and len(target.raw) > 3 else None
    if not _has_digit(indicator.level3):
        if "无" in row.name and target.value > 0 and (said := _NONE_HAPPENS.search(row.name)) is not None:
            return (f"三级指标名称{quote(indicator.level3)}写明「{said.group(0)}」（即0次），指标值{quote(target.raw)}"
                    "却允许发生，两者矛盾，看不出哪个是目标",
                    f"指标值写「0{target.unit or '次'}」，或把名称改为只说明衡量什么（如「群体性事件发生次数」）")
        return None
    if not target.unit:
        stated_target = _target_in_name(row.name, target.value)
        if stated_target is None:
            return None
        return (f"三级指标名称{quote(indicator.level3)}中写有「{stated_target}」，指标值却只写{quote(target.raw)}，"
                "目标写在了名称里，指标值看不出衡量什么",
                f"名称只写衡量什么（如「…发放完成时间」「…发放人数」），把「{stated_target}」这样的目标写到指标值栏")
    unit = target.unit.split("/")[0]
    stated = [Decimal(value) for value, written in _values_in_name(row.name)
              if written == unit or (unit != "%" and written.startswith(unit))]
    if (not stated and unit == "%" and row.level2 == "数量指标"
            and (counted := counts_in_name(row.name)) is not None):
        return (f"三级指标名称{quote(indicator.level3)}中写有「{counted}」等数量，指标值却只写{quote(target.raw)}，"
                "要完成的数量写在了名称里，指标值只是一个比例",
                f"名称只写衡量什么（如「慰问…人数」），把「{counted}」这样的数量写到指标值栏，每类对象各设一个指标")
    if not stated or any(value in (target.value, target.upper) for value in stated):
        return None
    shown = f"{format_decimal(stated[0])}{target.unit if unit == '%' else unit}"
    return (f"三级指标名称{quote(indicator.level3)}中写有「{shown}」，与指标值"
            f"{quote(target.raw)}不一致，看不出哪个是目标",
            "名称中不写目标值：把名称改为只说明衡量什么（如「…质量达标率」），目标值只写在指标值栏")


_HAN = re.compile(r"[\u4e00-\u9fff]")
# A name saying a thing does not happen at all (年内无群体性事件发生, 无重大安全事故): its value is 0.
_NONE_HAPPENS = re.compile(r"无[^，,。；;、]{0,10}?(?:事件|事故|案件|火灾|疫情)(?:发生)?")


def _name_as_value(row: Row) -> tuple[str, str] | None:
    """``value-in-name``'s verdict on a name written again as the value, holding the target's figure
    (``辖区企业满意率达95%以上。`` as both): the target is in the name, and the value is no figure."""
    indicator = row.indicator
    raw = indicator.target.raw.strip()
    if len(raw) < 4 or raw[:3] not in indicator.level3 or not _has_digit(raw):  # (nearly every value: not the name)
        return None
    if row.key != bare(name_of(raw)):
        return None
    found = figures(row.name)
    if not found:
        return None
    value, unit, start, end = found[0]
    if len(_HAN.findall(row.name[:start] + row.name[end:])) < 2:
        return None  # the name is the figure alone (15万元。): name-without-object says it
    stated = f"{format_decimal(value)}{unit}"
    return (f"三级指标名称和指标值是同一句话{quote(indicator.level3)}，目标「{stated}」写在了名称里，"
            "指标值栏没有单独的目标值",
            f"名称只写衡量什么（如去掉「{stated}」等目标的部分），指标值栏写目标值（如「≥{stated}」）")


_VALUE_IN_NAME = indicator_check(_value_in_name)

# A deadline written in a name: 2022年12月底前, 2023年6月30日之前.
_DEADLINE_IN_NAME = re.compile(r"\d{4}年\d{1,2}月(?:底|末|\d{1,2}日)?(?:之前|以前|前)")
# Names whose bare number is clear (a rate, a count, an amount): the number is the target, not a slip.
_MEASURE_END = re.compile(r"(?:率|比例|比重|占比|数|数量|人次|金额|资金|经费|成本|费用|额|分|分值|得分|年限|天数)$")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _target_in_name(name: str, value: Decimal) -> str | None:
    """The target a name holds beside a bare-number value (a deadline, or a count other than the value),
    or None when the name is a measure whose bare number is clear (…率, …人数, …金额)."""
    if _MEASURE_END.search(name):
        return None
    counts = word_set("units", "count")
    stated = [(number, unit) for number, unit, _start, _end in figures(name) if unit in counts]
    if any(number == value for number, _unit in stated):
        return None  # 配套变压器3台 with 3: the name repeats the target
    if stated:
        return f"{format_decimal(stated[0][0])}{stated[0][1]}"
    deadline = _DEADLINE_IN_NAME.search(name)
    return deadline.group(0) if deadline is not None else None


# A figure followed by a word: tried before figures(), dear on a name it has not seen. Tried at a run of digits'
# start only (a start inside the run finds nothing its start does not): tried at every digit, a name of 20,000
# digits cost 7 s (attack34).
_COUNT_START = re.compile(r"(?<!\d)\d+(?:\.\d+)?[\u4e00-\u9fff]")


def _count_start(name: str) -> bool:
    """True when a figure followed by a word stands in ``name`` and is no ordinal (``第2批``)."""
    return any(m.start() == 0 or name[m.start() - 1] != "第" for m in _COUNT_START.finditer(name))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def counts_in_name(name: str) -> str | None:
    """The first count a name states (``慰问伤残军人50人;…`` → ``50人``), or None for a measure (…率, …人数;
    …满意度, …及时性: shares by nature) and for ordinals (``第2批``: which batch, not how many)."""
    if not _count_start(name) or name.endswith(("度", "性")) or _MEASURE_END.search(name):
        return None
    counts = word_set("units", "count")
    for number, unit, start, _end in figures(name):
        if unit in counts and (start == 0 or name[start - 1] != "第"):
            return f"{format_decimal(number)}{unit}"
    return None


@rule("actual-not-comparable", title="实际完成值无法与指标值比较", dimension="规范性", severity="warning")
def actual_not_comparable(document: Document, settings: RuleSettings) -> list[Finding]:
    """A self-evaluation's 实际完成值 that cannot be set against its 指标值.

    The actual is scored against the target (财预〔2020〕10号), so it must be a figure in the
    target's measure: an actual written as a phrase where the target is a figure (``达成预期指标``,
    ``已完成`` against ``不低于95%``) says nothing of how much was done, and a count against a
    share or a share against a count (``1000件`` against ``100%``) cannot be compared. Phrases in
    place of the figure in several rows of a project are one fault, reported once at the first with
    the others listed (as a form's hints left in every row); a measure mismatch is reported at each
    row. An actual written with a comparator (``<=0%``, ``≥95%``, ``不低于90%``), or an exact target's cell copied sign
    and all (``=230亩`` against ``=230亩``; ``=97%`` against ``≥95%`` is a figure), is the target copied
    into the actual's cell, not what was achieved: grouped per project as the phrases are; so is a figure closed
    by a range word (``88.32%及以上``, …以下: a floor, not the figure found). An actual that only tells of
    exceptions (``存在18岁以下、54周岁以上``, 个别…, 部分…) against a figure says not how many: a phrase.
    An actual written as a bound where no target is given (``≦0%`` in a report that sets none) is
    a target's form, not a result, and is reported at its row; so is a word for "met" where no target is given
    (``达成预期指标`` in a row whose 指标值 is empty: met against nothing, no figure of its own), and so is a degree
    where no target is given (``学生和家长的满意度 较高``: neither a result nor anything to score it against). A word
    for "met"
    (``达成目标值``, ``达成目标``, ``完成``) against a target holding a share that is no plain number (``超上年2%``,
    ``无资产损失、利用率高于80%``) says no more, and joins the phrases (against a date, ``2022年底之前``, it says the
    work was done in time). The work's progress as the actual (``已完成100%``, an 实施进度 column, against ``≥2次``,
    ``10万元`` or a satisfaction's ``90%``) is how far the work got, not what it came to: grouped per project as the
    phrases are; a name measuring progress (…完成率, …进度, …执行率) is scored by it and is not flagged. ``无``/``零``
    against a target of none, an empty actual, a bare number, and qualitative targets (``合格`` against
    ``合格``) are not flagged.
    """
    out: list[Finding] = []
    for project, own in flagged_by_project(document, _SELF_EVALUATION):
        grouped: dict[str, list[Row]] = {_PHRASE: [], _COPIED: [], _PROGRESS_KIND: []}
        for row, (verdict, _score, _done, _ratio) in own:
            if verdict is None:
                continue
            if verdict in grouped:
                grouped[verdict].append(row)
            else:
                out.append(at_indicator(project, row.position, row.indicator, "actual", *verdict))
        for kind, group in grouped.items():
            if group:
                out.append(_grouped_finding(project, kind, group))
    return out


def _grouped_finding(project: Project, kind: str, group: list[Row]) -> Finding:
    """One finding for the rows of a project whose actual has the same fault, at the first, the others listed."""
    first = group[0]
    actual, target = quote(first.indicator.actual or ""), quote(first.indicator.target.raw)
    others = "、".join(f"第{r.position}个" for r in group[1:])
    also = f"（另有{others}指标也是这样）" if others else ""
    if kind == _COPIED:
        copied = ("照抄了指标值" if bare(first.indicator.actual or "") == bare(first.indicator.target.raw)
                  else f"写成了指标值{target}的样子")
        ending = next((word for word in _RANGE_ENDING if bare(first.indicator.actual or "").endswith(word)), None)
        sign = f"以「{ending}」结尾" if ending and not (first.indicator.actual or "").lstrip().startswith(
            _COMPARATOR_OPENING) else "带有比较符号"
        return at_indicator(project, first.position, first.indicator, "actual",
                            f"实际完成值{actual}{sign}，{copied}，不是实际达到的数值，无法据以打分{also}",
                            "填写实际达到的数值，不带「≥」「≤」（如指标值「≤0%」、全年未发生事故，实际完成值写「0%」）")
    if kind == _PROGRESS_KIND:
        return at_indicator(project, first.position, first.indicator, "actual",
                            f"实际完成值{actual}是工作的完成进度，不是按指标值{target}的计量单位实际达到的数值，"
                            f"无法据以打分{also}",
                            "填写实际达到的数值，计量单位与指标值相同（如指标值「≥2次」，实际完成值写「3次」；满意度"
                            "填调查结果，如「96%」）")
    return at_indicator(project, first.position, first.indicator, "actual",
                        f"实际完成值{actual}不是数值，无法与指标值{target}比较和打分{also}",
                        "填写实际达到的数值，计量单位与指标值相同（如指标值「≥95%」，实际完成值写「97%」）")


# An actual saying there was none, against a target of none (重大事故 0起 — 无).
_NONE_ACTUAL = frozenset({"无", "零", "没有", "未发生", "无发生"})
_SHARE = ("%", "‰")
_PHRASE = "phrase"
_COPIED = "copied"
_PROGRESS_KIND = "progress"
# The work's progress as the actual (已完成100%, 完成80%): a share of the work done, not the result in the
# target's measure; a name that measures progress (…完成率, …进度) is scored by it.
_PROGRESS = re.compile(r"^(?:已|已经)?完成(?:了)?\d+(?:\.\d+)?%$")
_PROGRESS_NAME = re.compile(r"完成率|完成进度|进度|执行率|完成比例|完成情况|完工率|完成度$")
# A comparator opening an actual: the target's form, not a result (<=0%, ≥95%, 不低于90%).
_COMPARATOR_OPENING = ("≥", "≤", ">", "<", "＞", "＜", "≧", "≦", "大于", "小于", "不低于", "不少于", "不高于",
                       "不超过", "不大于", "不小于")


# The sign of an exact target (=230亩, ＝100%): an actual that is that target, sign and all, is its cell copied.
_EQUALS = frozenset("=＝﹦")
# A figure closed by a range word: a floor or a ceiling, not what was found (88.32%及以上).
_RANGE_ENDING = ("及以上", "以上", "及以下", "以下")
# An actual telling that exceptions exist instead of the figure (存在…, 个别…, 部分…).
_EXCEPTION_OPENING = ("存在", "个别", "部分")


def _without_comparator(actual: str) -> str:
    """The figure of an actual written as a bound (``≦0%`` → ``0%``)."""
    text = actual.strip()
    for sign in sorted(_COMPARATOR_OPENING, key=len, reverse=True):
        if text.startswith(sign):
            return text[len(sign):].strip()
    return text


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _actual_as_target(actual: str, name: str, level3: str) -> Target:
    """The actual read as a target is (its direction by the row's ``name``); a figure without a unit counts in the unit
    the 三级 as written names in its brackets (实现产值(%) 12767.36), as its target does."""
    done = parse_target(actual, name)
    if done.unit is None and done.value is not None and (unit := unit_of_name(level3)) is not None:
        return replace(done, unit=unit)
    return done


def _comparable_verdict(row: Row) -> tuple[str, str] | str | None:
    """``actual-not-comparable``'s verdict on one indicator: (message, suggestion) for a measure
    mismatch, ``_PHRASE`` for a phrase in place of the figure (grouped per project), or None."""
    indicator = row.indicator
    actual = indicator.actual
    target = indicator.target
    if actual is None or target.period is not None:
        return None
    text = bare(actual)
    if not target.raw.strip() and actual.lstrip().startswith(_COMPARATOR_OPENING) and _has_digit(text):
        # ≦0% reported with no target: a bound is how a target is written, not what was found
        return (f"实际完成值{quote(actual)}带有比较符号，是指标值的写法，不是实际达到的数值，无法据以打分",
                f"填写实际达到的数值，不带「≥」「≤」（如写「{_without_comparator(actual)}」）；"
                "指标值另填在指标值栏")
    if not target.raw.strip() and says_met(text):
        # 达成预期指标 reported where no target was set: met against nothing, and no figure of its own
        return (f"实际完成值{quote(actual)}只说达成，没有实际数值，这一行又没有指标值，说不出做了多少、是否真的完成",
                "填写实际达到的数值（如「100%」「12次」），并补上年初设定的指标值")
    if not target.raw.strip() and text and not _has_digit(text) and made_of(text, "vague", "words"):
        # 学生和家长的满意度 较高 with no target: a degree, neither a result nor anything to score it against
        return (f"实际完成值{quote(actual)}只是笼统的程度，没有实际数值，这一行又没有指标值，无法判断是否完成，"
                "也无法打分",
                "填写实际达到的数值（满意度填调查结果，如「96%」），并补上年初设定的指标值")
    if text[-1:] == "%" and _PROGRESS.match(text) and _has_digit(target.raw) and not _PROGRESS_NAME.search(row.name):
        # 已完成100% against 2次, 10万元 or 满意度 90%: how far the work has got (an 实施进度 column), not what it
        # came to
        return _PROGRESS_KIND
    if not target.is_quantitative:
        # 达成目标值 against 超上年2%, 达成目标 against 无资产损失、利用率高于80%: a word for "met" where the
        # target holds a share says nothing of what the share came to (met against 2022年底之前 says it was done)
        return _PHRASE if says_met(text) and "%" in target.raw else None
    if not text or text in ("/", "—", "-"):
        return None
    if not _has_digit(text):
        if text in _NONE_ACTUAL:
            return None
        return _PHRASE
    if actual.lstrip().startswith(_COMPARATOR_OPENING):
        return _COPIED
    if actual.lstrip()[:1] in _EQUALS and text == bare(target.raw):
        return _COPIED  # =230亩 against =230亩: the target's cell copied, sign and all (=97% against ≥95% is a figure)
    if text.endswith(_RANGE_ENDING) and text[0].isdigit():
        return _COPIED  # 88.32%及以上: a floor, not the figure found
    if text.startswith(_EXCEPTION_OPENING):
        return _PHRASE  # 存在18岁以下、54周岁以上: that some fall outside, not how many
    done = _actual_as_target(actual, row.name, indicator.level3)
    if not done.is_quantitative or done.unit is None or target.unit is None:
        return None
    if (target.unit in _SHARE) == (done.unit in _SHARE):
        return None
    measure = ("比例", "数量") if done.unit in _SHARE else ("数量", "比例")
    return (f"实际完成值{quote(actual)}是{measure[0]}，指标值{quote(target.raw)}是{measure[1]}，"
            "两者无法比较和打分",
            f"按指标值的计量单位填写实际完成值（指标值是{measure[1]}，实际完成值也写{measure[1]}）；"
            "若指标设错了，应在偏差原因中说明")




@rule("score-vs-actual", title="得分与实际完成情况不符", dimension="规范性", severity="warning")
def score_vs_actual(document: Document, settings: RuleSettings) -> list[Finding]:
    """A self-evaluation score that does not follow the actual value.

    Under 财预〔2020〕10号 an indicator whose target is met gets its full weight, and one that is
    missed gets less: an actual that meets its target (``2万元`` against ``2万元``, ``合格`` against
    ``合格``) scored below the weight (18 of 20), or an actual short of its target (``0个`` against
    ``≥2个``) scored the full weight, is written up. Only rows with a weight, a score and an actual in
    the target's unit (or the target's own words) are judged. A target written without a comparator
    (``26次``, ``100%``) is a floor when its name leaves no doubt — a count of things delivered
    (党性教育培训次数 ``12次`` against ``26次``) or a rate of things done (政府采购执行率 ``72.74%``
    against ``100%``); otherwise (控制率, 调整率, 结余率) it is not judged. An economic cost written
    without a comparator is a ceiling: an actual cost within it (``36.2`` against ``38.75`` 万元) scored
    below the weight is written up — the score follows the budget execution, not the target. An actual
    short of its floor scored above its share done (按完成比例计分: weight × actual ÷ target, rounded up to the
    places the table scores in — ``3224人`` of ``3807人``, 84.7 %, scored 1.9 of 2 where 1.7 is due; 8.05 of 10
    may be scored 9 in a table of whole points) is written up too; a score below the share is the evaluator's.
    A score above its weight is written up whatever the actual (no points for overshooting). A table that
    writes no weights is judged too where its scores give them away: a score with a fraction that is a whole
    weight times an actual's overshoot (施甸's ``31.9`` for ``12767.36`` against ``8000``: 20 × 159.6 %) counted
    the points past 100 % of the target; a whole score is not judged (12 of 12 at 120 % fits as well).
    """
    return [at_indicator(row.project, row.position, row.indicator, "score", *verdict)
            for row, (_actual, verdict, _done, _ratio) in flagged(document, _SELF_EVALUATION) if verdict is not None]


def _score_fault(row: Row) -> tuple[str, str] | None:
    """``score-vs-actual``'s (message, suggestion) for one indicator, or None."""
    indicator = row.indicator
    actual, weight, score = indicator.actual, indicator.weight, indicator.score
    if actual is None or score is None:
        return None
    if weight is None:
        return _score_past_weight(indicator, actual, score, row.name)
    if weight <= 0:
        return None
    if score > weight:
        return (f"得分{format_decimal(score)}分高于这一行的分值{format_decimal(weight)}分",
                "得分以分值为上限（财预〔2020〕10号：超额完成不加分）；超额较多的，在偏差原因中说明，并在下一年度提高目标值")
    ceiling = row.economic_cost and indicator.target.op is None
    met = _met(indicator, actual, row.name, ceiling)
    if met is None:
        return None
    shown = f"{format_decimal(score)}分（分值{format_decimal(weight)}分）"
    if met and score < weight and ceiling:
        return (f"实际成本{quote(actual)}未超过成本指标值{quote(indicator.target.raw)}，得分却只有{shown}"
                "（成本指标是上限，少花钱不是未完成）",
                "成本控制在指标值以内的应得满分；不要按预算执行率给成本指标计分")
    if met and score < weight:
        return (f"实际完成值{quote(actual)}已达到指标值{quote(indicator.target.raw)}，得分却只有{shown}",
                "完成指标值的应得满分；若扣分另有原因（如质量、时效问题），应改写实际完成值或在偏差原因中说明")
    if not met and score >= weight:
        return (f"实际完成值{quote(actual)}未达到指标值{quote(indicator.target.raw)}，却得了满分{shown}",
                "按完成比例计分（实际完成值/指标值×分值），并在偏差原因中说明未完成的原因")
    if not met and (share := _share_done(indicator, actual, row.name)) is not None:
        due = _rounded_up(weight * share, score)
        if score > due:
            return (f"实际完成值{quote(actual)}只达到指标值{quote(indicator.target.raw)}的"
                    f"{format_decimal((share * 100).quantize(Decimal('0.1')))}%，得分却有{shown}，"
                    f"高于按完成比例应得的{format_decimal(due)}分",
                    "未完成的按完成比例计分（分值×实际完成值÷指标值）；多给分的，在偏差原因中写明依据")
    return None


def _score_past_weight(indicator: Indicator, actual: str, score: Decimal, name: str) -> tuple[str, str] | None:
    """A score of a table without weights that is a whole weight times an overshoot (31.9 = 20 × 12767.36 ÷ 8000):
    the points counted past 100 % of the target, above the row's weight (``score-vs-actual``), or None."""
    if score == score.to_integral_value():
        return None  # a whole score may be the weight itself (12 of 12 at 120 %): only a fraction says it was counted
    target = indicator.target
    if not target.value or target.value < 0 or target.upper is not None or target.period is not None:
        return None
    done = _actual_as_target(actual, name, indicator.level3)
    if done.value is None or done.value <= target.value or done.unit != target.unit or done.op is not None:
        return None
    ratio = done.value / target.value
    weight = (score / ratio).to_integral_value()
    step = Decimal(1).scaleb(min(0, int(score.normalize().as_tuple().exponent)))  # the places the table scores in
    if weight < 1 or score <= weight or abs(weight * ratio - score) > step / 2:
        return None
    share = format_decimal((ratio * 100).quantize(Decimal("0.1")))
    return (f"实际完成值{quote(actual)}是指标值{quote(target.raw)}的{share}%，得分{format_decimal(score)}分正是"
            f"{format_decimal(weight)}分×{share}%：超额部分也计了分，得分超过了这一行的分值（{format_decimal(weight)}分）",
            "得分以分值为上限，完成指标值即得满分（财预〔2020〕10号：超额完成不加分）；超额较多的，在偏差原因中说明，"
            "并在下一年度提高目标值")


def _share_done(indicator: Indicator, actual: str, name: str) -> Decimal | None:
    """The share of a floor target reached by an actual short of it (3224人 of ≥3807人: 0.847), or None."""
    target = indicator.target
    if not target.value or target.value < 0 or target.upper is not None:
        return None
    done = _actual_as_target(actual, name, indicator.level3)
    if done.value is None or done.value < 0 or done.unit != target.unit or done.op is not None:
        return None
    op = target.op if target.op is not None else _floor_by_name(name, target.unit)
    return done.value / target.value if op in (Op.GE, Op.GT) and done.value < target.value else None


def _rounded_up(due: Decimal, score: Decimal) -> Decimal:
    """``due`` rounded up to the places the table scores in (1.69 → 1.7 beside 1.9; 8.5 → 9 beside 9):
    a score at or below it follows the share done."""
    places = max(0, -int(score.normalize().as_tuple().exponent))
    step = Decimal(1).scaleb(-places)
    return (due / step).to_integral_value(rounding="ROUND_CEILING") * step


def _met(indicator: Indicator, actual: str, name: str, ceiling: bool = False) -> bool | None:
    """Whether the actual meets the target: True, False, or None when they cannot be compared.
    ``ceiling``: a cost written without a comparator, which is a ceiling (38.75 万元 of cost: spending
    36.2 meets it)."""
    target = indicator.target
    if bare(actual) == bare(target.raw):
        return True
    done = _actual_as_target(actual, name, indicator.level3)
    if not (target.is_quantitative and done.is_quantitative) or target.value is None or done.value is None:
        return None
    if target.unit != done.unit or target.upper is not None or target.period is not None:
        return None
    op = target.op if target.op is not None else Op.LE if ceiling else _floor_by_name(name, target.unit)
    if op in (Op.GE, Op.GT):
        return done.value >= target.value
    if op in (Op.LE, Op.LT):
        return done.value <= target.value
    return done.value == target.value if op is Op.EQ else None


def target_met(indicator: Indicator, actual: str, name: str) -> bool | None:
    """Whether a self-evaluation's actual meets its indicator's target (``name`` as the rules compare it): True,
    False, or None when the two cannot be compared — the test ``score-vs-actual`` scores by, for the rules of
    other modules (``execution-low-all-met``)."""
    return _met(indicator, actual, name)


def _floor_by_name(name: str, unit: str | None) -> Op | None:
    """The comparator a target written without one (``26次``, ``100%``) leaves to its name: a floor
    for a count of things delivered and for a rate of things done (执行率, 完成率, 合格率 …); None
    when the name does not say (控制率, 调整率, 结余率: ceilings or both ways)."""
    if name_direction(name) == "positive" or (is_count(name, unit) and not is_bad_thing(name)):
        return Op.GE
    return None


def _self_evaluation(row: Row) -> tuple[Any, tuple[str, str] | None, bool, Decimal | None] | None:
    """The self-evaluation rules' verdicts on one indicator (``actual-not-comparable``'s, ``score-vs-actual``'s,
    and whether ``met-without-output`` finds its quantity not delivered), or None: one check rather than three,
    since a target table's indicators (no actual) stop at once; and ``target-set-low``'s ratio of actual to target."""
    if row.indicator.actual is None:
        return None
    verdicts = (_comparable_verdict(row), _score_fault(row), _nothing_done(row), _far_above(row))
    return verdicts if verdicts != (None, None, False, None) else None


_SELF_EVALUATION = indicator_check(_self_evaluation, needs=lambda shape: shape[4])  # an actual


@rule("met-without-output", title="没有产出却填报达成", dimension="规范性", severity="warning")
def met_without_output(document: Document, settings: RuleSettings) -> list[Finding]:
    """A self-evaluation whose quantities were not delivered at all, yet whose quality or time is reported met.

    When every 数量指标 with an actual value reports 0 against a target above 0 (布展面积 ``0`` against
    ``300㎡``: nothing was built), a 质量 or 时效 indicator whose actual says the target was met — the
    target's own words or figure (``4个月`` against ``4个月``), the start of its words (``一次性`` against
    ``一次性通过省文物局验收``) or a word of completion (``达成``, ``已完成``, ``合格``) — reports a quality
    or a deadline of work not done: the self-evaluation contradicts itself and scores what did not
    happen. Of the 时效 indicators only those of the work's completion (完成, 竣工, 交付, 验收 …) are
    judged: a step before the work (招投标程序需要的时间) can be done when nothing is built yet. Counts of
    bad things (安全事故发生率 ``0``: none, since nothing was built) are not flagged.
    """
    out: list[Finding] = []
    for project, checked in flagged_by_project(document, _SELF_EVALUATION):
        own = [row for row, verdicts in checked if verdicts[2]]
        if not own:
            continue
        every = next(listed for held, listed in project_rows(document) if held is project)
        if len(own) < sum(row.level2 == "数量指标" and row.indicator.actual is not None for row in every):
            continue  # some quantity was delivered
        first = own[0].indicator
        more = f"等{len(own)}个数量指标" if len(own) > 1 else ""
        for row in every:
            indicator = row.indicator
            if (indicator.actual is None or is_bad_thing(row.name)
                    or not (row.level2 == "质量指标" or (row.level2 == "时效指标" and _COMPLETION.search(row.name)))
                    or not _reported_met(indicator, row.name)):
                continue
            out.append(at_indicator(project, row.position, indicator, "actual",
                                    f"数量指标{quote(first.level3)}{more}实际完成{quote(first.actual or '')}"
                                    f"（指标值{quote(first.target.raw)}），项目没有产出，{quote(indicator.level3)}的"
                                    f"实际完成值却填{quote(indicator.actual)}，算作达到指标值"
                                    f"{quote(indicator.target.raw)}，前后矛盾",
                                    "按实际情况填写：产出没有完成的，其质量、时效也没有达成，实际完成值写实际进度"
                                    "（如「未验收」「未完成」），得分相应扣减，并在偏差原因中说明"))
    return out


@rule("target-set-low", title="实际完成远超指标值，目标定得偏低", dimension="适当性", severity="warning")
def target_set_low(document: Document, settings: RuleSettings) -> list[Finding]:
    """A self-evaluation's count delivered at 1.5 times its target or more, in the target's own unit.

    隆阳's ``土样植株化验 ≧60个`` done ``105个``: 75 % over a floor says the floor was set far below what the
    money buys. 财预〔2020〕10号 asks that an overshoot due to a target set too low be marked down, and the
    next year's target raised. Only floors (``≥``, or a count of things delivered written without a
    comparator) and actuals in the target's unit (``1700人`` against ``≥500人``; not a bare ``9.3`` against
    ``3``) are judged; shares are not (a rate cannot be overshot), but a growth is (…增长率, 增幅, 增速: ``≥10%`` done
    ``115.25%``, 11.5 times). Below 1.5 times an overshoot is ordinary.
    Bare figures under a name holding their unit in brackets are in that unit (``实现产值(万元) 8000`` done
    ``12767.36``; a "share" above 100, ``实现产值(%) 8000``, is none), and money an effect brings in (…产值,
    …收入, …增收) is a floor without a comparator. So are whole bare figures under a name that ends in what it
    counts (``医疗保障次数 30`` done ``69``: …次数, …人次, …人数, …户数, …数量: ``完成农村户用卫生厕所改造数量 ≥2000``
    done ``3061``). An actual written as a bare figure above 100 is in the target's unit (``享受医疗救助人次
    ≥50000人次`` done ``110406``: the form's unit written once); a bare 100 or less may be a share done and is
    not compared.

    A ceiling the actual stays far under is set too loose in the same way: a rate of something bad
    (a reverse indicator: ``年森林火灾发生率 ≤6.5次/10万公顷`` found ``0.2次/10万公顷``, ``森林火灾受害率 ≤1‰``
    found ``0.038‰``) whose actual, above 0 and in the ceiling's unit, is a fifth of it or less binds
    nothing. Money (a cost under its ceiling is a saving), an actual of 0 (none happened: a ceiling
    cannot be tighter) and positive indicators are not judged.
    """
    out = []
    for row, verdicts in flagged(document, _SELF_EVALUATION):
        ratio = verdicts[3]
        if ratio is None:
            continue
        indicator = row.indicator
        if ratio < 1:  # a ceiling the actual stays far under
            times = format_decimal((1 / ratio).quantize(Decimal(1)))
            out.append(at_indicator(row.project, row.position, indicator, "target",
                                    f"{quote(indicator.level3)}实际只有{quote(indicator.actual or '')}，不到上限"
                                    f"{quote(indicator.target.raw)}的{times}分之一：上限定得过宽，实际远低于它也"
                                    "不说明工作做得好，起不到约束作用",
                                    "参照上年及近年的实际水平收紧上限（如不高于上年实际值），使指标值能反映这笔钱"
                                    "要达到的效果；在偏差原因中说明与上限相差悬殊的原因"))
            continue
        over = format_decimal(((ratio - 1) * 100).quantize(Decimal(1)))
        beyond = (f"是指标值{quote(indicator.target.raw)}的{format_decimal(ratio.quantize(Decimal('0.1')))}倍"
                  if written_unit(indicator.target) in _SHARE else f"超出指标值{quote(indicator.target.raw)}{over}%")
        out.append(at_indicator(row.project, row.position, indicator, "target",
                                f"{quote(indicator.level3)}实际完成{quote(indicator.actual or '')}，{beyond}，"
                                "说明目标值定得偏低，没有反映这笔钱能办成的事",
                                "按财预〔2020〕10号，因目标值偏低而大幅超额完成的应酌情扣分；下一年度参照本年实际"
                                "完成情况提高目标值，并在偏差原因中说明超额的原因"))
    return out


# A name ending in what it counts (医疗保障次数, 服务人次, 受益人数): a bare figure under it is a count in that word.
_COUNT_NAMES_UNIT = (("人次", "人次"), ("场次", "场次"), ("次数", "次"), ("人数", "人"), ("户数", "户"), ("个数", "个"),
                     ("件数", "件"), ("数量", "数量"))
_COUNT_NAMES = tuple(ending for ending, _word in _COUNT_NAMES_UNIT)
# An actual this many times a floor or more says the floor was set too low.
_FAR_ABOVE = Decimal("1.5")
# A growth in % is no share of a whole: it can be overshot (创业担保贷款发放额增长率 ≥10% done 115.25%).
_GROWTH = ("增长率", "增幅", "增速", "增长幅度")
HUNDRED = Decimal(100)


# A ceiling in the cell's text (≤6.5次/10万公顷: a unit the target reader does not read) and a bare actual.
_CEILING_TEXT = re.compile(r"^(?:[≤<＜≦]|小于等于|小于|不超过|不高于|低于)\s*(\d+(?:\.\d+)?)\s*(\S{0,12}?)\s*"
                           r"(?:以内|以下)?$")
_FIGURE_TEXT = re.compile(r"^(\d+(?:\.\d+)?)\s*(\S{0,12})$")
# An actual this far under a ceiling or less says the ceiling was set too loose.
_FAR_UNDER = Decimal(5)


def _far_under(row: Row) -> Decimal | None:
    """``target-set-low``'s ratio of actual to target (below 1) for a reverse indicator's ceiling the actual
    stays five times under or more, or None."""
    indicator = row.indicator
    ceiling = _CEILING_TEXT.match(indicator.target.raw.strip().replace("％", "%"))
    found = _FIGURE_TEXT.match((indicator.actual or "").strip().replace("％", "%"))
    if ceiling is None or found is None or row.cost or ceiling.group(2) != found.group(2):
        return None
    limit, done = Decimal(ceiling.group(1)), Decimal(found.group(1))
    if not limit or not done or done * _FAR_UNDER > limit or is_money_unit(ceiling.group(2)):
        return None
    return done / limit if name_direction(row.name) == "reverse" else None


def _far_above(row: Row) -> Decimal | None:
    """``target-set-low``'s ratio of actual to target for a floor overshot 1.5 times or more, or None
    (:func:`_far_under`'s ratio, below 1, for a ceiling set too loose)."""
    indicator = row.indicator
    target = indicator.target
    if target.op in (Op.LE, Op.LT) or not target.is_quantitative:
        return _far_under(row)
    if not target.value or target.value < 0 or target.upper is not None:
        return None
    unit = target.unit
    if unit is None and indicator.level3.endswith((")", "）")):
        unit = unit_note(indicator.level3)  # 实现产值(%) 8000 done 12767.36: both figures in the name's unit
    if unit is None and row.name.endswith(_COUNT_NAMES):  # 医疗保障次数 30 done 69: whole counts of the name's
        unit = next(word for ending, word in _COUNT_NAMES_UNIT if row.name.endswith(ending))
        if target.value != target.value.to_integral_value():
            return None  # (a figure with a fraction is no count)
    if unit is None or (unit in _SHARE and target.value <= 100 and not row.name.endswith(_GROWTH)):
        return None  # a share cannot be overshot (8000 "%" is no share), a growth can (增长率 ≥10% done 115.25%)
    actual = indicator.actual or ""
    if not _has_digit(actual) or actual.lstrip().startswith(_COMPARATOR_OPENING):
        return None
    done = _actual_as_target(actual, row.name, indicator.level3)
    if done.value is None or done.op is not None:
        return None
    if done.unit != target.unit and (done.unit is not None or done.value <= HUNDRED):
        # (a bare actual above 100 is in the target's unit: 110406 done against ≥50000人次, the form's unit
        # column written once; 100 or less may be a share done, 100 against ≥10个)
        return None
    if done.value < target.value * _FAR_ABOVE:
        return None
    op: Op | None = target.op
    if op is None:
        op = _floor_by_name(row.name, unit) or (Op.GE if brings_in(row.name) else None)
    return done.value / target.value if op in (Op.GE, Op.GT) else None


def _nothing_done(row: Row) -> bool:
    """Whether a 数量指标's actual is 0 against a target above 0 (``met-without-output``'s part of the
    self-evaluation check)."""
    indicator = row.indicator
    actual = indicator.actual
    if actual is None or row.level2 != "数量指标" or not _has_digit(actual):
        return False
    target = indicator.target
    if target.value is None or target.value <= 0:
        return False
    done = _actual_as_target(actual, row.name, indicator.level3)
    return done.value is not None and done.value == 0 and done.op is None


# A 时效 name of the work's completion, which cannot be met when nothing was delivered.
_COMPLETION = re.compile(r"完成|完工|竣工|交付|建成|验收|投入使用|投用|办结")


def _reported_met(indicator: Indicator, name: str) -> bool:
    """Whether a self-evaluation's actual reports its target met: in the target's figure or words, the
    start of its words, or a word of completion (``evaluate.vocabulary.says_met``: the 自评's words of 达成, one
    vocabulary since kinds43)."""
    actual = bare(indicator.actual or "")
    target = bare(indicator.target.raw)
    if not actual:
        return False
    if says_met(actual) or actual == target or (len(actual) >= 2 and not _has_digit(actual)
                                                and target.startswith(actual)):
        return True
    return _met(indicator, indicator.actual or "", name) is True
