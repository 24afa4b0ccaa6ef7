"""What single cells hold: template placeholders, comparison signs, numbers.

Small tests on one cell's text, shared by the indicator-row reader, the row alignment and the
stream rebuilder. The ones asked of the same texts again and again are cached (bounded).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from perfbudget.target import COMPARATOR_OPENINGS
from perfbudget.text_caches import keyed_on_texts

PLACEHOLDER = re.compile(r"^(?:指标\d+|…+|\.{3,}|·{3,}|略|（略）|\(略\)|-+|—+|无)$")
# The first character of every text PLACEHOLDER takes (each alternative's; \s+ removed first, so a stripped
# text's own first character): a quick test before ``is_placeholder``'s substitution and match. Checked in
# tests/readers/test_text_fast_path.py against the pattern's alternatives.
PLACEHOLDER_INITIALS = "指….·略（(-—无"
_SIGN = re.compile(r"^(?:[≥≤=＝﹦≧≦<>＜＞]+|>=|<=|大于等于|小于等于|大于|小于|等于"
                   r"|不低于|不高于|不少于|不超过|不大于|不小于)$")
# (a comparison typed as two characters too: ``>=95%``, ``＞＝95%``, reading40)
VALUE_LIKE = re.compile(r"^(?:[≥≤<>≧≦＞＜]?[=＝]?|大于等于|小于等于|不低于|不少于)\s*\d+(?:\.\d+)?\s*\S{0,4}$")
TEMPLATE_PREFIX = re.compile(r"^\s*指标\s*\d{1,2}\s*[:：.．、]?")
_SCORE_NOTE = re.compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_ONLY_SCORE_NOTE = re.compile(r"^[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
# A line starting a numbered item (1. 2、 (3) 四、) with its text: the line break before it is the writer's, kept
# when a cell's lines are joined (``one_line``); not a score alone (产出指标 / (50)) nor a decimal (1.5万亩)
NUMBERED = re.compile(r"^\s*(?:\d{1,2}\s*(?:[.．](?!\d)|[、)）])|[(（]\s*\d{1,2}\s*[)）]|[一二三四五六七八九十]+、)"
                      r"\s*\S")
# A line's leading item number of one level (``2.`` ``2、``: N) or of two (``2.1``, or ``2.1.`` marked as an item's
# number by the point after it, a point no digit follows: N and M), not a decimal's digits after it (``1.15``,
# ``1.1.5``); ``_sub_items`` tells whether a two-level one starts an item of the cell's list
_ITEM_NUMBER = re.compile(r"^(\d{1,2})\s*(?:[.．]\s*(\d{1,2})(?![\d.．]\d)\s*([.．](?!\d))?|[.．、](?!\d))\s*\S")
# Any line of a cell that may start an item (``NUMBERED``'s or ``_ITEM_NUMBER``'s shapes, and more): one search a
# cell, and a cell of none — most cells of two lines or more — skips both rules line by line (the second reading)
_LIST_LINE = re.compile(r"^\s*(?:\d{1,2}\s*[.．、)）]|[(（]|[一二三四五六七八九十]+、)", re.M)
_NO_ITEMS: frozenset[int] = frozenset()
_TWO_LEVELS = re.compile(r"^\s*\d{1,2}\s*[.．]\s*\d", re.M)  # (a line that may start a second-level item)


def is_score_note(text: str) -> bool:
    """True for a cell holding only a section's score, ``(50分)``: in the 一级 column the cell of a 一级 name
    the form (or its copy) left out, never a 三级 name."""
    text = text.strip()
    return text[:1] in "(（" and bool(_ONLY_SCORE_NOTE.match(text))
_SPACE = re.compile(r"\s+")
_SPACE_OR_SCORE = re.compile(r"\s+|分$")
EMPTY_MARKS = " \t\n/／\\-—–_…·.。、:：无"


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_placeholder(name: str) -> bool:
    """指标2, ……, 略 …: a template row left in the table."""
    return bool(PLACEHOLDER.match(_SPACE.sub("", name)))


@keyed_on_texts
@lru_cache(maxsize=8192)
def is_blank_template(name: str, value: str) -> bool:
    """A template row left blank: ``指标2:`` alone, ``指标1:/ | / | /``, ``……`` under a score note
    ``(30分)`` — the name holds nothing but a template number, marks or a score note, and the
    value nothing but marks."""
    bare = TEMPLATE_PREFIX.sub("", _SCORE_NOTE.sub("", name))
    return not bare.strip(EMPTY_MARKS) and not value.strip(EMPTY_MARKS) and bool(name.strip())


def decimal_or_none(text: str) -> Decimal | None:
    cleaned = _SPACE_OR_SCORE.sub("", unicodedata.normalize("NFKC", text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def is_sign(text: str) -> bool:
    """≥, ＞=, 大于等于, 不低于 …: a comparison written in a column of its own."""
    return bool(_SIGN.match(unicodedata.normalize("NFKC", text).replace(" ", "")))


def one_value(text: str, listed: frozenset[str] = frozenset()) -> str:
    """A target or an actual typed over lines in its cell as one value: joined as :func:`one_line` joins a name
    (``≥95`` / ``%`` is ≥95%), but a line opening with a comparison and its figure (the target grammar's
    ``COMPARATOR_OPENINGS``) is a target of its own, kept apart by 「；」 (``≥95%`` / ``≤100%`` is the range
    ``≥95%；≤100%``, ``≤5天`` / ``≥3次`` never ``≤5天≥3次``; forms45), and so is a line whose figure goes on from
    a figure that is whole too (``12`` / ``34`` is ``12；34``, never 1234: :func:`numbers_apart`; forms46)."""
    # (every actual cell of the general path: one line)
    return one_line(text, targets=True, listed=listed) if "\n" in text else text.strip()


_OPENS_TARGET = re.compile("(?:" + "|".join(map(re.escape, sorted(COMPARATOR_OPENINGS, key=len, reverse=True)))
                           + r")\s*\d")


# A figure as a person writes one whole: no leading zero but a lone 0 (0.5), thousands grouped by threes (1,234)
_WHOLE_FIGURE = re.compile(r"(?:0|[1-9]\d*|[1-9]\d{0,2}(?:,\d{3})+)(?:\.\d+)?")
_FIGURE_AT_END = re.compile(r"\d[\d,.]*$")
_FIGURE_AT_START = re.compile(r"\d[\d,.]*")


# the joined text's end that :func:`numbers_apart` is asked of (a figure is far shorter): the whole joined text
# normalized and searched at each line made a cell of 20,000 lines cost a minute (attack35's text box)
FIGURE_TAIL = 64


def numbers_apart(before: str, after: str) -> bool:
    """True when a line break between ``before`` (a cell's line) and ``after`` (its next line) stands between two
    whole figures, a break the writer made: the line ends in a digit, the next begins with one, and each piece is a
    figure of its own (``12`` / ``34``, ``≥95`` / ``100%``). A break inside a figure a narrow cell wrapped is one
    whose pieces cannot each be a figure — a thousands group cut (``1,23`` / ``4.5``), a piece with a leading zero
    (``长度1`` / ``000米``), a bare ``0`` after a figure (``≥100`` / ``0`` is ≥1000: a lone 0 is no target of its own) —
    and is joined (forms46). Full-width digits are read as digits. The PDF reader asks the cell's geometry first: a
    line that filled its cell's width was wrapped inside its figure (``pdf_cells.cell_text``)."""
    if not (before[-1:].isdigit() and after[:1].isdigit()):
        return False
    before, after = unicodedata.normalize("NFKC", before), unicodedata.normalize("NFKC", after)
    end, start = _FIGURE_AT_END.search(before), _FIGURE_AT_START.match(after)
    if end is None or start is None:
        return False
    after_figure = start.group().rstrip(",.")
    return after_figure != "0" and bool(_WHOLE_FIGURE.fullmatch(end.group())) \
        and bool(_WHOLE_FIGURE.fullmatch(after_figure))


def one_line(text: str, targets: bool = False, listed: frozenset[str] = frozenset()) -> str:
    """A name typed over several lines in its cell (项目完成<br>指标, 可持续影响 / 指标 as two Word paragraphs, a long
    三级 or project name broken by Word's soft line break, Excel's Alt+Enter or HTML's ``<br>``) as the one name it
    is: lines joined without a separator, with a space only between two Latin letters (``APP`` / ``users``; not between
    digits: ``长度1`` / ``000米`` is 长度1000米); a line starting a numbered item (``NUMBERED``: 1.受助学生数 /
    2.免学费学生数), or one its reader knows a list's number starts (``listed``: the lines Word's numbering labels,
    ``① 验收合格``, ``a) 资料归档``, ``I. …``, ``1.1. …``, whatever its format; ``grid.Cell.listed``), keeps the line
    break before it, and so does a line whose figure goes on from a whole figure
    (:func:`numbers_apart`: ``12`` / ``34`` are two figures; ``1,23`` / ``4.5`` one wrapped). The one rule for a
    cell's lines: the PDF reader joins the lines in a cell by it, and the review's ``one_line`` and ``quote`` take a
    name's line breaks out by it."""
    if "\n" not in text:  # (the general path: every cell of every row)
        return text.strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return text.strip()
    out = lines[0]
    numbered = _LIST_LINE.search(text) is not None
    items = _sub_items(lines) if numbered and _TWO_LEVELS.search(text) is not None else _NO_ITEMS
    for at, line in enumerate(lines[1:], 1):
        if (numbered and (at in items or NUMBERED.match(line))) or line in listed \
                or (not targets and numbers_apart(out[-FIGURE_TAIL:], line)):
            out += "\n" + line
        elif targets and (numbers_apart(out[-FIGURE_TAIL:], line)
                          or _OPENS_TARGET.match(unicodedata.normalize("NFKC", line))):
            out += ("" if out[-1] in "；;，,、" else "；") + line
        else:
            out += (" " if out[-1].isascii() and out[-1].isalpha() and line[0].isascii() and line[0].isalpha()
                    else "") + line
    return out


def _sub_items(lines: list[str]) -> frozenset[int] | set[int]:
    """The places of a cell's lines that start a second-level item of its numbered list (Word's ``%1.%2``: ``1.1合格``
    under ``1.验收``; forms47), decided in one pass over the lines: a line ``N.M.`` marked so (a point after the
    number that no digit follows: never a decimal's, ``1.1.5`` is a version); an unmarked ``N.M`` going on from the
    list's place — the next of its level (``N.M+1`` after the item ``N.M``), or the first under its item (``N.1``
    after ``N.``) where the cell goes on with the list's levels: a later ``N.2`` or ``(N+1).``, or a second level
    already under an earlier item. A figure that starts no such item leaves the list: ``1.1万亩`` after
    ``1.新增造林面积`` alone, ``2.1以上`` after ``2.系统升级至版本``, ``1.5、2.0万元`` (``、`` follows a decimal in
    a list of figures) and ``1.1%`` / ``1.2%`` stay one text; a line starting with no figure (a wrapped tail) keeps
    the list's place."""
    numbers: list[tuple[int, int, bool] | None] = []
    last: dict[tuple[int, int], int] = {}  # the last line numbered N. (N, 0) or N.M (N, M)
    for at, line in enumerate(lines):
        found = _ITEM_NUMBER.match(line) if line[:1].isdecimal() else None
        if found is None:
            numbers.append((-1, 0, False) if line[:1].isdecimal() else None)  # (a figure: no item)
            continue
        n, m = int(found.group(1)), int(found.group(2) or 0)
        numbers.append((n, m, found.group(3) is not None))
        last[n, m] = at
    items: set[int] = set()
    place: tuple[int, int] | None = None
    deep = False  # a second level read under an earlier item
    for at, number in enumerate(numbers):
        if number is None:
            continue
        n, m, marked = number
        if n < 0 or not m:
            place = (n, 0) if n >= 0 else None
        elif marked or (place is not None and place[0] == n and place[1] + 1 == m
                        and (m > 1 or deep or last.get((n, 2), -1) > at or last.get((n + 1, 0), -1) > at)):
            items.add(at)
            place, deep = (n, m), True
        else:
            place = None
    return items
