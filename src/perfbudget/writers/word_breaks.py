"""A label in a Word cell breaks where its words part, never inside a word.

Word and LibreOffice break Chinese text after any character, filling each line first: a 二级 label a few
characters wider than its column printed 「服务对象满 / 意度指标」, a header 「偏差原因分 / 析及改进措施」 (print38
set a text a single character too wide on one line; one wider still broke inside its words).
:func:`broken_lines` finds the label's words (``rjieba``, the segmenter the indicator library uses; a closing mark
such as 「）」 or 「：」 stays with the word before it, an opening one with the word after it), fills each line with
as many whole words as it holds, and joins the lines with a line break (``"\\n"``, which python-docx writes as
``w:br``): every renderer prints exactly the lines counted, and the text holds no invisible character (print39 joined
a word's characters with U+2060, which 宋体 has no glyph for and which broke search and copy in Word). The readers
join a cell's lines, so the label reads back as written.

Only where that costs no line: each word must fit the cell's room, and the label broken between words must take no
more lines than filled a character at a time (the row heights and pages are computed so). Otherwise the text is left
as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import rjieba

from perfbudget.readers.cell_values import one_line

# marks that never begin a line (kept with the word before them) and never end one (kept with the word after them)
_CLOSING = frozenset("）)】］]」』》〉，。、；：:;,.！？!?%％")
_OPENING = frozenset("（(【［[「『《〈")
# relation signs, kept with the number after them as an opening mark is (「满意度 / ≥90%」, never 「满意度≥ / 90%」)
_RELATIONS = frozenset("≥≤≧≦＞＜><＝=≠≈")
# the cells of a form's grid whose text breaks between its words: the headers and labels (一级/二级 names,
# 项目资金（万元）…), never a target or a text a person wrote, which may hold no words a segmenter knows
WORD_KINDS = frozenset({"header", "label"})


def _lines(pieces: Sequence[Sequence[float]], room: float) -> list[list[int]]:
    """The lines pieces (each a list of its characters' widths) fill, as the indexes of the pieces on each line, a
    piece never split unless alone wider than ``room`` (then a character at a time: its index on each line it
    reaches)."""
    lines: list[list[int]] = [[]]
    used = 0.0
    for index, piece in enumerate(pieces):
        wide = sum(piece)
        if used + wide <= room:
            used += wide
            lines[-1].append(index)
            continue
        if wide <= room:
            lines.append([index])
            used = wide
            continue
        for width in piece:  # (a piece wider than a line: a character at a time)
            if used + width > room and used > 0:
                lines.append([])
                used = 0.0
            used += width
            if not lines[-1] or lines[-1][-1] != index:
                lines[-1].append(index)
    return lines


# a word of one such character goes with the word after it (「偏差原因分析 / 及改进措施」); any other word of one
# letter with the word before it, whose ending it is (预算数, 执行率, 完成值, 1-6月)
_JOINING = frozenset("及和与或并暨")


def label_words(text: str) -> list[str]:
    """``text``'s words, a closing mark joined to the word before it and an opening one or a relation sign (≥, ＜ …:
    :data:`_RELATIONS`, with any space after it) to the word after it, and a
    word of one letter (rjieba's 「全年 / 预算 / 数」) to the word it ends (「全年 / 预算数」) — or, a conjunction (及,
    与 …) or the label's first, begins. print41: the 监控表's 「全年预算 / 数」, 「预算执行 / 率」 broke so, the
    single character alone on its line."""
    words: list[str] = []
    opening = ""
    for word in rjieba.cut(text):
        if not word:
            continue
        if all(char in _CLOSING for char in word) and words and not opening:
            words[-1] += word
        elif all(char in _OPENING or char in _RELATIONS for char in word) or (opening and word.isspace()):
            opening += word
        else:
            words.append(opening + word)
            opening = ""
    if opening:
        words.append(opening)
    return _one_letter_words_joined(words)


def _one_letter_words_joined(words: list[str]) -> list[str]:
    """``words`` with each word of one letter (a CJK character or a Latin letter, marks left out) joined to the word
    before it, or to the word after it when it is the first or a conjunction (:data:`_JOINING`)."""
    out: list[str] = []
    ahead = ""
    for word in words:
        letters = [char for char in word if char.isalpha()]
        if len(letters) == 1 and len(word.strip()) == len(word) and not word[-1].isdigit() and not ahead:
            if out and letters[0] not in _JOINING:
                out[-1] += word
            else:
                ahead = word
            continue
        out.append(ahead + word)  # (two words of one letter, 「A / 级」: one word)
        ahead = ""
    if ahead:
        if out:
            out[-1] += ahead
        else:
            out.append(ahead)
    return out


def _spaces_inside(words: list[str]) -> list[str]:
    """``words`` with each run of spaces held inside one, with the words either side: a line broken at a space would
    read back without it (the readers join a cell's lines with a space only between two Latin letters)."""
    out: list[str] = []
    glue = False
    for word in words:
        if out and (glue or not word.strip(" ") or word.startswith(" ")):
            out[-1] += word
        else:
            out.append(word)
        glue = word.endswith(" ")
    return out


def word_lines(text: str, room: float, widths: Callable[[str], list[float]]) -> list[str] | None:
    """The lines of ``text`` broken between its words (its characters' widths given by ``widths``, the cell's
    ``room`` in the same unit), each as many whole words as it holds, where that prints it on two lines or more, no
    more than filling each line a character at a time does; None where the text fits on one line, a word is wider
    than the room, or the words take more lines — or where the lines would not read back as ``text``
    (``readers.cell_values.one_line`` joins a cell's lines with a space only between two Latin letters: a space
    broken at, 「PM2.5 / 浓度」, would be lost on re-import). The spaces at a line's edges are left out."""
    sizes = widths(text)
    if sum(sizes) <= room or "\n" in text:
        return None
    words = _spaces_inside(label_words(text))
    if "".join(words) != text or len(words) < 2:
        return None
    pieces, at = [], 0
    for word in words:
        pieces.append(sizes[at:at + len(word)])
        at += len(word)
    if any(sum(piece) > room for piece in pieces):
        return None
    lines = _lines(pieces, room)
    if len(lines) > len(_lines([[size] for size in sizes], room)):
        return None
    out = ["".join(words[index] for index in line).strip(" ") for line in lines]
    return out if one_line("\n".join(out)) == text else None


def broken_lines(text: str, room: float, widths: Callable[[str], list[float]]) -> str:
    """``text`` with a line break between the lines :func:`word_lines` breaks it into; else ``text``."""
    lines = word_lines(text, room, widths)
    return text if lines is None else "\n".join(lines)


def sheet_lines(text: str, width: float) -> str:
    """``text`` in a workbook cell ``width`` column units wide (its merged columns' together), broken between its
    words by line breaks (a cell's 「Alt+Enter」, which the readers join) where :func:`word_lines` breaks it and that
    takes no more lines than the row's height is computed for (:func:`print_layout.lines_needed`); else ``text``.
    print40: Excel and LibreOffice fill a cell's line before they break, as Word does — the 监控表 sheet's
    「项目资金（万 / 元）」, a 二级 「服务对象满 / 意度指标」 (print39 left the workbooks so)."""
    from perfbudget.writers.print_layout import cell_room, char_widths, lines_needed

    lines = word_lines(text, cell_room(width), char_widths)
    return text if lines is None or len(lines) > lines_needed(text, width) else "\n".join(lines)
