"""Indicator names made comparable: normalised text, segmented words, a grouping key.

``normalise`` removes what varies between two writings of the same indicator: width forms
(NFKC), numbering (``1.``、``（一）``、``指标1``), stars and template hints (``★``、``≥**人``),
bracketed notes and units (``（%）``、``(万元)``), trailing target values (``100%``), the
explanation after a dash, punctuation and spaces. ``name_key`` then segments the text into
words (rjieba, the Rust port of jieba), maps a few spellings of the same word onto one
(满意率 → 满意度, 数量 → 数) and drops words that qualify nothing (的、项目、年度 …): two
names with the same key are the same indicator; near keys are compared in :mod:`grouping`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import rjieba

_STARS = re.compile(r"[★☆*＊※]+")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|〈[^〈〉]*〉|《|》")
_NUMBERING = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十]+[、.．:：)]|\d+(?:\.\d+)*[、.．:：)](?!\d)|[a-zA-Z][、.．)]"
    r"|指标\s*\d+[、.．:：]?|\d+\s+)")
_DASH = re.compile(r"(?:—{1,2}|--|——).*$")
_TRAILING_TARGET = re.compile(r"(?:[≥≤><=]|大于|小于|不低于|不高于|不少于|不超过)[\d.*%]*[^\d]*$|[\d.]+%$")
_NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)

# Spellings of one word mapped onto one (applied to the text before segmentation).
SYNONYMS: tuple[tuple[str, str], ...] = (
    ("满意程度", "满意度"), ("满意率", "满意度"), ("及时性", "及时率"), ("按时完成率", "完成及时率"),
    ("及时完成率", "完成及时率"), ("稳定运行率", "运行稳定率"), ("人次数", "人次"), ("人员数量", "人数"),
    ("人员数", "人数"), ("人口数", "人数"), ("数量", "数"), ("个数", "数"), ("合规性", "合规率"),
    ("合格性", "合格率"), ("质量达标率", "质量合格率"), ("总成本", "成本"), ("结案率", "办结率"),
    ("最低生活保障", "低保"), ("预算资金", "资金"), ("预算执行", "资金执行"),
)
# Words that qualify nothing: dropped from the key (not from the name shown).
STOPWORDS = frozenset({
    "的", "之", "及", "和", "与", "或", "等", "其中", "各类", "相关", "本", "本项目", "项目", "年度", "全年",
    "当年", "指标", "辖区", "内", "人民", "情况", "工作", "方面", "各项", "开展",
})


def normalise(name: str) -> str:
    """The name without numbering, stars, brackets, target hints, punctuation or width forms."""
    text = unicodedata.normalize("NFKC", name).strip()
    text = _STARS.sub("", text)
    for _ in range(3):  # nested brackets
        text, count = _BRACKETS.subn("", text)
        if not count:
            break
    text = _NUMBERING.sub("", text)
    text = _DASH.sub("", text)
    text = _TRAILING_TARGET.sub("", text)
    text = _NOT_WORD.sub("", text).lower()
    return text or _NOT_WORD.sub("", unicodedata.normalize("NFKC", name)).lower()


@dataclass(frozen=True, slots=True)
class NameKey:
    """A normalised name and what grouping compares.

    Attributes:
        norm: the normalised name.
        words: its words after segmentation, synonyms applied, qualifying words dropped.
        key: the words joined: equal keys are the same indicator.
        head: the last word (率、满意度、人数 …): only names with the same head are compared.
    """

    norm: str
    words: tuple[str, ...]
    key: str
    head: str


@lru_cache(maxsize=200_000)
def name_key(norm: str) -> NameKey:
    """The grouping key of a normalised name (cached: names repeat across units and years)."""
    text = norm
    for old, new in SYNONYMS:
        text = text.replace(old, new)
    words = tuple(w for w in rjieba.cut(text) if w.strip())
    kept = tuple(w for w in words if w not in STOPWORDS) or words
    key = "".join(kept)
    return NameKey(norm, kept, key, kept[-1] if kept else "")


def search_words(norm: str) -> tuple[str, ...]:
    """The words of a normalised name and the words inside them (服务对象满意度 → 服务, 对象, 满意,
    满意度): what the library's search index holds and what a search looks up."""
    return tuple(dict.fromkeys(w[:64] for w in rjieba.cut_for_search(norm, False) if w.strip()))


def key_of(name: str) -> NameKey:
    """``name_key(normalise(name))``."""
    return name_key(normalise(name))
