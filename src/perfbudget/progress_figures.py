"""A monitoring figure's cell read as the model types it (:class:`perfbudget.model.Progress`): one number with its
unit, a 完成目标可能性 among the closed set. The readers and the JSON interchange type them alike."""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.evaluate.vocabulary import clean
from perfbudget.model import LIKELIHOODS, Kind
from perfbudget.target import parse_target

_SHORT_NEVER = "不可能"
# the closed set said in a word of its own, as units answer the column (kinds37): 能 (能完成) is 确定能, 可能 (可能完成)
# 有可能, 不能 (不能完成) 完全不可能 — each the set's only word of its sense; read so and told
_SHORT_WORDS = {"能": LIKELIHOODS[0], "可能": LIKELIHOODS[1], "不能": LIKELIHOODS[2]}
# a hedge (kinds38): 基本能, 基本完成, 部分能, 较难 say the target is not sure to be met and not out of reach — the
# middle word, 有可能, which asks the most of the unit (a forecast and a reason), so the reading hides nothing; told
_HEDGES = ("基本能", "基本", "部分能", "部分", "较难", "有难度", "难度较大")


def figure(text: str | None) -> tuple[Decimal | None, str | None]:
    """(value, unit) of a cell that is one number with its unit (``4处`` → 4, 处); (None, None) otherwise."""
    if not text:
        return None, None
    target = parse_target(text, None)
    if target.kind is not Kind.QUANTITATIVE or target.op is not None or target.upper is not None \
            or target.value is None or target.period is not None:
        return None, None
    return target.value, target.unit


# what a unit writes after the closed set's word: 确定能完成, 有可能实现, 完全不可能达到 (kinds36)
_DONE_WORDS = re.compile(r"(?:完成|实现|达成|达到)(?:目标)?$")


def _word(text: str | None) -> str:
    name = clean(text)
    return name if name in LIKELIHOODS else _DONE_WORDS.sub("", name)


def likelihood_of(text: str | None) -> str | None:
    """One of :data:`perfbudget.model.LIKELIHOODS` for a 完成目标可能性 cell — the word, or the word followed by 完成
    (实现, 达成, 达到; 确定能完成 is 确定能), or a word of its own sense (能, 可能, 不能: :func:`likelihood_note` tells
    the reading), or a hedge (基本能, 基本完成, 部分能, 较难: 有可能, told) — None for any other word (待定: not
    guessed)."""
    name = _word(text)
    if name == _SHORT_NEVER:
        return LIKELIHOODS[-1]
    if name in LIKELIHOODS:
        return name
    return LIKELIHOODS[1] if name in _HEDGES else _SHORT_WORDS.get(name)


def likelihood_note(text: str | None) -> str | None:
    """What a 完成目标可能性 cell written in a word of its own (``能``, ``可能完成``) is read as; None for the set's
    word (with its done word or not) and for any word not read."""
    name = _word(text)
    word = LIKELIHOODS[1] if name in _HEDGES else _SHORT_WORDS.get(name)
    if word is None:
        return None
    hedge = "；未确定能完成、也非完全不可能，须写明全年预计完成情况和偏差原因" if name in _HEDGES else ""
    return f"完成目标可能性「{(text or '').strip()}」按「{word}」读取（规定的写法为 {'、'.join(LIKELIHOODS)}{hedge}）"
