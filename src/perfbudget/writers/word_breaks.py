"""A label in a Word cell breaks where its words part, never inside a word.

Word and LibreOffice break Chinese text after any character, filling each line first: a 二级 label a few
characters wider than its column printed 「服务对象满 / 意度指标」, a header 「偏差原因分 / 析及改进措施」 (print38
set a text a single character too wide on one line; one wider still broke inside its words).
:func:`joined_words` finds the label's words (``rjieba``, the segmenter the indicator library uses) and joins the
characters of each with the word joiner (U+2060, Unicode's "no break here": LibreOffice keeps the word together and
prints nothing for it), so that the line ends between two words. Every reader drops the joiner where it makes a
cell's text (``readers/invisible.py``): the file reads back as before.

Only where that costs no line: each word must fit the cell's room, and the label broken between words must take no
more lines than filled a character at a time (the row heights and pages are computed so). Otherwise the text is left
as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import rjieba

WORD_JOINER = "\u2060"


def _lines(pieces: Sequence[Sequence[float]], room: float) -> int:
    """The lines pieces (each a list of its characters' widths) fill, a piece never split unless alone wider than
    ``room`` (then a character at a time)."""
    lines, used = 1, 0.0
    for piece in pieces:
        wide = sum(piece)
        if used + wide <= room:
            used += wide
            continue
        if wide <= room:
            lines, used = lines + 1, wide
            continue
        for width in piece:  # (a piece wider than a line: a character at a time)
            if used + width > room and used > 0:
                lines, used = lines + 1, 0.0
            used += width
    return lines


def word_lines(text: str, room: float, widths: Callable[[str], list[float]]) -> list[str] | None:
    """The words of ``text`` (its characters' widths given by ``widths``, the cell's ``room`` in the same unit) where
    breaking between them prints it on two lines or more, no more than filling each line a character at a time does;
    None where the text fits on one line, a word is wider than the room, or the words take more lines."""
    sizes = widths(text)
    if sum(sizes) <= room or "\n" in text:
        return None
    words = [word for word in rjieba.cut(text) if word]
    if "".join(words) != text or len(words) < 2:
        return None
    pieces, at = [], 0
    for word in words:
        pieces.append(sizes[at:at + len(word)])
        at += len(word)
    if any(sum(piece) > room for piece in pieces):
        return None
    if _lines(pieces, room) > _lines([[size] for size in sizes], room):
        return None
    return words


def joined_words(text: str, room: float, widths: Callable[[str], list[float]]) -> str:
    """``text`` with the characters of each of its words joined (:data:`WORD_JOINER`) where :func:`word_lines`
    breaks it between words; else ``text``."""
    words = word_lines(text, room, widths)
    if words is None:
        return text
    return "".join(WORD_JOINER.join(word) for word in words)
