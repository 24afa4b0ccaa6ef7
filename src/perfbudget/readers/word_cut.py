"""Whether a line break falls inside a word: ``乡村医生培`` / ``训合格率`` (培训 cut) against ``服务合格`` / ``满意度``
(a cut between words).

A copy that keeps a row's empty cells writes the rest of a wrapped 三级 name as a row of its own
(``readers/broken_rows.py``). A tail of one or two characters ending in 率, 数 … is no name of its own; a longer
one may be (满意度, 覆盖率), and what tells the two apart is where the break falls: inside a word only a wrap puts
it — or what stands before it: a single word naming no measure (``服务`` / ``覆盖率``) is no indicator on its own
(:func:`is_one_word`). The words are rjieba's (jieba's dictionary, no guessing of unknown words), made on first
use only: the checks run on the rare row that follows a 三级 name without a value.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_HEAD_KEPT = 16


@lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import rjieba  # made lazily: loading the dictionary takes a moment

    return rjieba.Jieba()


def cut_inside_a_word(head: str, tail: str) -> bool:
    """Whether ``head + tail`` read as one text has a word running across the place the two meet. Only the head's
    last :data:`_HEAD_KEPT` characters are cut with the tail (a word is shorter; a cell of millions of characters is
    not cut whole: the lead's reread)."""
    head, tail = head[-_HEAD_KEPT:], tail[:_HEAD_KEPT]
    at = 0
    for word in _tokenizer().cut(head + tail, False):
        if at < len(head) < at + len(word):
            return True
        at += len(word)
        if at >= len(head):
            return False
    return False


def is_one_word(text: str) -> bool:
    """Whether ``text`` is a single word of the dictionary (``服务``, ``培训``; not ``服务合格``: 服务 | 合格). A text
    longer than any word (:data:`_HEAD_KEPT` characters) is not cut."""
    return 0 < len(text) <= _HEAD_KEPT and len(_tokenizer().cut(text, False)) == 1
