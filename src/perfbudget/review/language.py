"""Words, not phrases: Chinese word segmentation (rjieba) and the domain vocabulary as data.

The rules that judge what a value, a name or a goal *says* cut the text into words with rjieba
(the Rust port of jieba: the same dictionary and the same cuts, about 18 times faster; the
indicator library segments names with it too) and look each word up in ``vocabulary.toml``
(vague words, measure words, category words …). The tokenizer and its dictionary are made on
first use only, so a review that never meets a qualitative value or a goal does not pay for
them; every result is cached.
"""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

from perfbudget.review.helpers import CACHE_SIZE
from perfbudget.text_caches import keyed_on_texts

_CJK_OR_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """The parsed ``vocabulary.toml`` of this package."""
    text = resources.files("perfbudget.review").joinpath("vocabulary.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=64)
def word_set(section: str, key: str) -> frozenset[str]:
    """One list of the vocabulary as a set: ``word_set("vague", "words")``."""
    return frozenset(vocabulary()[section][key])


@lru_cache(maxsize=1)
def measure_of() -> dict[str, str]:
    """The measure of each measure word of ``[units.measures]`` (万平方米 → area, 公里 → length, 天 → time)."""
    return {unit: measure for measure, units in vocabulary()["units"]["measures"].items() for unit in units}


@lru_cache(maxsize=1)
def measure_words() -> frozenset[str]:
    """The measure words of every measure (米, 万平方米, 吨, 天 …)."""
    return frozenset(measure_of())


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import rjieba  # made lazily: loading the dictionary takes a moment

    tokenizer = rjieba.Jieba()  # its own dictionary: the library's name segmentation is not changed
    for section, key in (("names", "measures"), ("vague", "words"), ("groups", "economic"),
                         ("names", "specs"), ("names", "per_unit")):
        for word in vocabulary()[section][key]:
            tokenizer.add_word(word, None, None)  # frequency suggested so that the word is kept whole
    return tokenizer


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def words(text: str) -> tuple[str, ...]:
    """The words of a text (no HMM guessing of unknown words), without spaces and punctuation."""
    return tuple(w for w in _tokenizer().cut(text, False) if _CJK_OR_WORD.search(w) or w.isdigit())


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def search_words(text: str) -> tuple[str, ...]:
    """The words of a text and the shorter words inside them (主体工程 → 主体, 工程, 主体工程),
    less the joining words: for matching a goal's words with an indicator's."""
    stop = word_set("vague", "stop")
    return tuple(dict.fromkeys(w for w in _tokenizer().cut_for_search(text, False)
                               if _CJK_OR_WORD.search(w) and w not in stop))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def made_of(word: str, section: str, key: str) -> bool:
    """True when ``word`` is in the list or is made only of words of the list (严格执行 = 严格 + 执行)."""
    members = word_set(section, key)
    if word in members:
        return True
    n = len(word)
    reach = [True] + [False] * n
    for end in range(1, n + 1):
        for start in range(max(0, end - 6), end):
            if reach[start] and word[start:end] in members:
                reach[end] = True
                break
    return reach[n]


def content_words(text: str) -> tuple[str, ...]:
    """The words of a text less the joining words (的, 和, 及, 通过 …) and bare digits."""
    stop = word_set("vague", "stop")
    return tuple(w for w in words(text) if w not in stop and not w.isdigit())


# A figure with its unit in running text: 500人次, 95%, 3.5公里, 120万元. Years, dates and list
# numbering are not figures.
_FIGURE = re.compile(r"(?<!\d)(\d+(?:\.\d+)?)\s*(%|％|百分之|万元|亿元|千元|元|[\u4e00-\u9fff]{1,4})")
_DATE_UNIT = ("年", "月", "日", "号", "季度", "时", "点")


@lru_cache(maxsize=1)
def _figure_units() -> tuple[str, ...]:
    """The measure words a figure's unit is read as, the longest first (人次 before 人): sorted once, not per text."""
    return tuple(sorted(word_set("units", "count") | measure_words(), key=len, reverse=True))


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def figures(text: str) -> tuple[tuple[Decimal, str, int, int], ...]:
    """(value, unit, start, end) of every figure with a known unit in ``text``.

    The unit is normalised (％ → %) and must be a money unit, % or a measure word of
    ``vocabulary.toml`` (the longest that fits: 人次 before 人). 2024年, 12月 and ``1.`` are
    not figures.
    """
    units = _figure_units()
    out = []
    for match in _FIGURE.finditer(text):
        raw_unit = match.group(2)
        if raw_unit in ("%", "％"):
            unit = "%"
        elif raw_unit.startswith(("万元", "亿元", "千元", "元")):
            unit = next(u for u in ("万元", "亿元", "千元", "元") if raw_unit.startswith(u))
        else:
            unit = next((u for u in units if raw_unit.startswith(u)), "")
        if not unit or unit in _DATE_UNIT or raw_unit.startswith(_DATE_UNIT):
            continue
        try:
            value = Decimal(match.group(1))
        except InvalidOperation:
            continue
        out.append((value, unit, match.start(), match.start(1) + len(match.group(1)) + len(unit)))
    return tuple(out)


PERSONNEL = "人员类"
RUNNING = "运转类"
_CATEGORY_FIELD = re.compile(r"类别|类型|性质")


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)  # asked by several rules and the grading for every project
def project_category(name: str, extras: tuple[tuple[str, str], ...] = ()) -> str | None:
    """人员类 or 运转类 for a personnel or running-cost project (wages, 公用经费 …), else None.

    A 项目类别 / 项目类型 field saying 人员类 or 运转类 decides; otherwise the project's name is
    looked up in ``[category]`` of the vocabulary (工资, 社会保障缴费, 公用经费, 日常运转 …).
    """
    for label, text in extras:
        if _CATEGORY_FIELD.search(label):
            if PERSONNEL in text:
                return PERSONNEL
            if RUNNING in text:
                return RUNNING
            if "特定目标" in text or "项目类" in text:
                return None
    return _category_of_name(name)


@keyed_on_texts
@lru_cache(maxsize=CACHE_SIZE)
def _category_of_name(name: str) -> str | None:
    if not name:
        return None
    if any_word("category", "personnel").search(name):
        return PERSONNEL
    if any_word("category", "running").search(name):
        return RUNNING
    return None


@lru_cache(maxsize=64)
def any_word(section: str, key: str) -> re.Pattern[str]:
    """A pattern found in a text exactly when one of the list's words is (``any(word in text …)`` in one search)."""
    return re.compile("|".join(re.escape(word) for word in vocabulary()[section][key]) or "(?!)")


@lru_cache(maxsize=1)
def people_words() -> re.Pattern[str]:
    """People a name counts or asks: ``[people]``'s groups and the public (贫困人口, 学生, 农户, 群众, 居民 …)."""
    return re.compile(f"{any_word('people', 'groups').pattern}|{any_word('people', 'public').pattern}")


@lru_cache(maxsize=1)
def closed_group() -> re.Pattern[str]:
    """A group of people that can all be listed: one of ``[people]``'s groups (学生, 职工 …), or the public closed by
    a word right before it (受益群众, 脱贫群众, 参保群众)."""
    closing, public = any_word("people", "closing").pattern, any_word("people", "public").pattern
    return re.compile(f"{any_word('people', 'groups').pattern}|(?:{closing})(?:{public})")
