"""The indicator frameworks (指标体系) and the normalisation of indicator names.

Two frameworks occur in real tables (``rules.md`` §2):

* 2015-style: 产出 (数量/质量/时效/成本), 效益 (经济/社会/生态效益, 可持续影响), 满意度;
* 2021-style (财预〔2021〕101号): 成本 is a 一级 of its own (经济/社会/生态环境成本).

Names as written are kept in the model; the functions here give the normalised
name used for grouping, review and scoring.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

LEVEL1_OUTPUT = "产出指标"
LEVEL1_EFFECT = "效益指标"
LEVEL1_SATISFACTION = "满意度指标"
LEVEL1_COST = "成本指标"
LEVEL1_NAMES = (LEVEL1_OUTPUT, LEVEL1_EFFECT, LEVEL1_SATISFACTION, LEVEL1_COST)

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


@lru_cache(maxsize=4096)
def normalise_level1(text: str) -> str:
    """产出指标(50分) → 产出指标; 产出 → 产出指标; 产出值 → 产出指标; unknown names are returned cleaned."""
    name = _FILL_NOTE.sub("", _SCORE_NOTE.sub("", _clean(text)))
    name = _STARS.sub("", name)
    name = _LEVEL1_ALIASES.get(name, name)
    for level1 in LEVEL1_NAMES:
        stem = level1[:-2]
        if name in (level1, stem, stem + "值") or name.startswith(level1):
            return level1
    return name


@lru_cache(maxsize=4096)
def normalise_level2(text: str) -> str:
    """经济效益 + 指标 → 经济效益指标 (also 经济效益值); aliases such as 社会公众或服务对象满意度指标 mapped."""
    name = _FILL_NOTE.sub("", _SCORE_NOTE.sub("", _clean(text)))
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


@lru_cache(maxsize=16384)
def normalise_level3(text: str) -> str:
    """A 三级 name without core-indicator stars and template hints such as ``(≥**人)``."""
    name = unicodedata.normalize("NFKC", text)
    if _MAY_HINT.search(name) is not None:  # most names hold no hint: the long pattern is tried only here
        name = _TEMPLATE_HINT.sub("", name)
    name = _STARS.sub("", name)
    return _SPACES.sub("", name)


def has_template_hint(text: str) -> bool:
    """True when a name still holds a template hint such as ``(≥**%)`` or ``≥**人``."""
    return bool(_TEMPLATE_HINT.search(unicodedata.normalize("NFKC", text)))


def detect_framework(level_pairs: Iterable[tuple[str, str]]) -> str:
    """"2021" when 成本指标 is used as a 一级, "2015" otherwise (also for mixed tables)."""
    for level1, _level2 in level_pairs:
        if normalise_level1(level1) == LEVEL1_COST:
            return "2021"
    return "2015"
