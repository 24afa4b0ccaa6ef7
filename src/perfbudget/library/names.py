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

from perfbudget.text_caches import keyed_on_texts

_STARS = re.compile(r"[★☆*＊※]+")
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕|<[^<>]*>|〈[^〈〉]*〉|《|》")
_NUMBERING = re.compile(
    r"^\s*(?:第?[一二三四五六七八九十]+[、.．:：)]|\d+(?:\.\d+)*[、.．:：)](?!\d)|[a-zA-Z][、.．)]"
    r"|指标\s*\d+[、.．:：]?|\d+\s+)")
_DASH = re.compile(r"(?:—{1,2}|--|——).*$")
# A target written at the end of a name (``≥95%``, ``不低于90%满意``, ``95%``): what the pattern
# ``(?:[≥≤><=]|大于|小于|不低于|不高于|不少于|不超过)[\d.*%]*[^\d]*$|[\d.]+%$`` removed (``sub``), found in one pass
# (:func:`_without_trailing_target`). The pattern tried the rest again from each sign or digit of a run: a name of
# 48,000 digits, or of as many 「≥」, cost 6.5–13 s of CPU (attack28: ``perfbudget import`` stores such a name and the
# library normalises it; the web's names are at most 500 characters).
_TARGET_WORDS = ("大于", "小于", "不低于", "不高于", "不少于", "不超过")
_TARGET_SIGNS = "≥≤><="
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


def _figure_char(char: str) -> bool:
    """``[\\d.*%]``: a decimal digit of any script, or one of ``. * %``."""
    return char.isdecimal() or char in ".*%"


def _without_trailing_target(text: str) -> str:
    """``text`` cut where its trailing target starts (see ``_TARGET_WORDS``), else whole. A sign or word starts one
    when everything after it up to the text's last digit is a figure (digits, ``.``, ``*``, ``%``): the pattern's
    ``[\\d.*%]*[^\\d]*$``; or a run of digits and points ends the text with ``%``. The earliest such start wins."""
    size = len(text)
    last_digit = next((i for i in range(size - 1, -1, -1) if text[i].isdecimal()), -1)
    figures_from = [size] * (size + 1)  # where the run of figure characters starting at i ends
    for i in range(size - 1, -1, -1):
        figures_from[i] = figures_from[i + 1] if _figure_char(text[i]) else i
    body, tail = (text[:-1], "\n") if text.endswith("\n") else (text, "")  # ``%$`` also ends before a last \n
    share_start = size
    if len(body) >= 2 and body[-1] == "%":
        start = len(body) - 1
        while start > 0 and (body[start - 1].isdecimal() or body[start - 1] == "."):
            start -= 1
        if start < len(body) - 1:  # a digit or point before the %
            share_start = start
    for at in range(min(share_start, size)):
        if text[at] in _TARGET_SIGNS:
            after = at + 1
        else:
            word = next((w for w in _TARGET_WORDS if text.startswith(w, at)), None)
            if word is None:
                continue
            after = at + len(word)
        if figures_from[after] > last_digit:
            return text[:at]
    return body[:share_start] + tail if share_start < size else text


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
    text = _without_trailing_target(text)
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


@keyed_on_texts
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
