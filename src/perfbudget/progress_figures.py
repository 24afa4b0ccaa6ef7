"""A monitoring figure's cell read as the model types it (:class:`perfbudget.model.Progress`): one number with its
unit, a 完成目标可能性 among the closed set. The readers and the JSON interchange type them alike."""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.evaluate.vocabulary import clean
from perfbudget.model import LIKELIHOODS, Kind
from perfbudget.target import parse_target

_SHORT_NEVER = "不可能"


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


def likelihood_of(text: str | None) -> str | None:
    """One of :data:`perfbudget.model.LIKELIHOODS` for a 完成目标可能性 cell — the word, or the word followed by 完成
    (实现, 达成, 达到; 确定能完成 is 确定能) — None for any other word (能, 可能完成: not the set's, not guessed)."""
    name = clean(text)
    if name not in LIKELIHOODS:
        name = _DONE_WORDS.sub("", name)
    if name == _SHORT_NEVER:
        return LIKELIHOODS[-1]
    return name if name in LIKELIHOODS else None
