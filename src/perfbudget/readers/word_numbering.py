"""The numbers Word draws before a numbered list's paragraphs (编号, ``w:numPr``), which the text does not hold.

A unit types ``1.验收合格`` in a cell and Word's AutoFormat makes the paragraph an item of a numbered list: the file
keeps ``验收合格`` and a numbering (``w:numPr``: the list's ``w:numId`` and the level ``w:ilvl``, in the paragraph or
through its style), the ``1.`` only drawn. Read without it, a cell's items ran together (``验收合格`` / ``资料归档``,
joined as a name's lines: 验收合格资料归档) and a goal list lost its numbers (forms46). Each numbered paragraph that
holds text is given the label Word draws: its level's ``w:lvlText`` with each ``%n`` the counter of level n in that
level's ``w:numFmt`` (decimal, Chinese counting, circled, letters, roman …), then the gap its ``w:suff`` draws before
the text (a tab, the default, or a space; none for ``nothing``) read as one space only where a label ending in a digit
or a point meets text starting with a digit (the gap tells ``2. 2024年…`` the list's second item from the decimal
2.2024, as the drawn page does), else as nothing: ``一、验收要求`` reads as the same name typed does, ``1.≥95%``. A list
labelling one paragraph alone is no list: that paragraph reads without its number (a value ``≥95%`` Word's
AutoFormat numbered ``1.`` keeps its figure). Counters run in document order per list
definition (``w:abstractNum``: lists sharing one go on counting, as Word does), from the level's ``w:start``, or a
list's ``w:startOverride`` at its first paragraph (held to Word's 0–32767); a level starts again after a paragraph of
a higher level, or with ``w:lvlRestart`` n only of level n or higher (0: never). A definition that names a numbering
style (``w:numStyleLink``) takes the levels of that style's list. Bullets and ``none`` give no label; an empty
numbered paragraph counts but shows nothing read; a paragraph Word does not show (its mark hidden or deleted as a
tracked change) is not counted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from perfbudget.readers.style_chains import inherited, on_loops

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _PPR, _NUMPR, _ILVL, _NUMID = f"{_W}p", f"{_W}pPr", f"{_W}numPr", f"{_W}ilvl", f"{_W}numId"
_VAL, _STYLE, _STYLE_ID, _BASED_ON, _P_STYLE = f"{_W}val", f"{_W}style", f"{_W}styleId", f"{_W}basedOn", f"{_W}pStyle"
_NUM, _ABSTRACT, _ABSTRACT_ID, _NUM_ID = f"{_W}num", f"{_W}abstractNum", f"{_W}abstractNumId", f"{_W}numId"
_LVL, _START, _FMT, _TEXT, _RESTART = f"{_W}lvl", f"{_W}start", f"{_W}numFmt", f"{_W}lvlText", f"{_W}lvlRestart"
_OVERRIDE, _START_OVERRIDE, _SUFF = f"{_W}lvlOverride", f"{_W}startOverride", f"{_W}suff"
_NUM_STYLE_LINK = f"{_W}numStyleLink"
_RPR, _DEL, _R, _T = f"{_W}rPr", f"{_W}del", f"{_W}r", f"{_W}t"
_NOT_SHOWN = (_DEL, f"{_W}moveFrom")  # (text a tracked change withdrew)
LIST_NUMBER = "{urn:perfbudget}list-number"  # (the attribute a numbered paragraph's drawn label is kept in)
_LEVELS = 9

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str | None  # None: no w:lvlText (nothing drawn)
    restart: int | None  # w:lvlRestart: restart after a paragraph of this level (1-based) or higher; 0 never; None
    # (the default): after a paragraph of any higher level
    gap: bool  # whether w:suff draws a gap between the number and the text: a tab (the default) or a space
    too_long: bool = False  # a w:lvlText past MOST_LABEL characters: read as fmt none (no label), told


def _chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    """1–99 in Chinese counting (十一, 二十, 二十一), larger numbers digit by digit, 0 and below as the figure."""
    if n <= 0:
        return str(n)
    if n >= 100:
        return "".join(digits[int(d)] for d in str(n))
    tens, units = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + ten if tens else "") + (digits[units] if units else "")


def _letters(n: int) -> str:
    """A, B … Z, AA, BB … as Word counts letters (past 780, ZZZ…Z thirty times, the figure: a start set that high
    by a file would otherwise make a label of any length)."""
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if 0 < n <= 780 else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, mark in _ROMAN:
        count, n = divmod(n, value)
        out += mark * count
    return out


def formatted(n: int, fmt: str) -> str:
    """The counter ``n`` as the numbering format ``fmt`` draws it (an unknown format as decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "japaneseCounting"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL, "拾")
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _CIRCLED[n - 1] if 0 < n <= len(_CIRCLED) else str(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n) if fmt == "upperLetter" else _letters(n).lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)


def _int(element: Any, tag: str) -> int | None:
    found = element.find(tag) if element is not None else None
    try:
        return int(found.get(_VAL)) if found is not None else None
    except (TypeError, ValueError):
        return None


_MOST_START = 32767  # (Word's range for a level's start, 0–32767: a file's -5 or 10**4000 is held to it)


def held_start(value: int) -> int:
    """A list's start (or an item's own number) held to Word's range 0–32767, the one rule for Word's ``w:start``
    and an HTML ``<ol>``'s ``start`` and ``value`` (a hostile file's ``-5`` is 0, its ``10**4000`` 32767: never a
    label thousands of characters long)."""
    return min(max(value, 0), _MOST_START)


def _start(element: Any, tag: str) -> int | None:
    """A ``w:start`` or ``w:startOverride`` held to Word's range (:func:`held_start`)."""
    value = _int(element, tag)
    return None if value is None else held_start(value)


def _definitions(numbering: Any) -> tuple[dict[int, dict[int, _Level]], dict[int, tuple[int, dict[int, int]]],
                                          dict[int, str]]:
    """The list definitions' levels by ``w:abstractNumId``, each list (``w:numId``): its definition and the levels
    whose start it overrides, and the definitions that hold no levels of their own but name a numbering style
    (``w:numStyleLink``: a multilevel list defined by a style, Word's 列表样式) with that style."""
    abstracts: dict[int, dict[int, _Level]] = {}
    links: dict[int, str] = {}
    for abstract in numbering.iterchildren(_ABSTRACT):
        try:
            key = int(abstract.get(_ABSTRACT_ID))
        except (TypeError, ValueError):
            continue
        if (link := abstract.find(_NUM_STYLE_LINK)) is not None and link.get(_VAL):
            links[key] = link.get(_VAL)
        levels: dict[int, _Level] = {}
        for lvl in abstract.iterchildren(_LVL):
            try:
                ilvl = int(lvl.get(f"{_W}ilvl"))
            except (TypeError, ValueError):
                continue
            fmt = lvl.find(_FMT)
            text = lvl.find(_TEXT)
            drawn = text.get(_VAL) if text is not None else None
            too_long = drawn is not None and len(drawn) > MOST_LABEL
            start, suff = _start(lvl, _START), lvl.find(_SUFF)
            shape = (fmt.get(_VAL) or "decimal") if fmt is not None else "decimal"
            levels[ilvl] = _Level(start if start is not None else 0, "none" if too_long else shape,
                                  None if too_long else drawn, _int(lvl, _RESTART),
                                  suff is None or suff.get(_VAL) != "nothing", too_long)
        abstracts[key] = levels
    lists: dict[int, tuple[int, dict[int, int]]] = {}
    for num in numbering.iterchildren(_NUM):
        try:
            key, abstract_id = int(num.get(_NUM_ID)), _int(num, _ABSTRACT_ID)
        except (TypeError, ValueError):
            continue
        if abstract_id is None:
            continue
        starts = {}
        for override in num.iterchildren(_OVERRIDE):
            try:
                ilvl = int(override.get(f"{_W}ilvl"))
            except (TypeError, ValueError):
                continue
            if (start := _start(override, _START_OVERRIDE)) is not None:
                starts[ilvl] = start
        lists[key] = (abstract_id, starts)
    return abstracts, lists, links


def _followed(links: dict[int, str], by_style: dict[str, tuple[int | None, int | None]],
              lists: dict[int, tuple[int, dict[int, int]]]) -> dict[int, int]:
    """The definition that holds the levels of each definition: through each ``w:numStyleLink`` the numbering
    style's list (its ``w:numPr``) and that list's definition, until one names no style, or until the links come
    round to a definition already passed: a definition on a loop of links keeps its own levels, one leading into a
    loop takes those of the loop's definition it first reaches (each chain walked once: ``style_chains``)."""
    parents: dict[int, int] = {}
    for abstract_id, style in links.items():
        num_id = by_style.get(style, (None, None))[0]
        if num_id is not None and num_id in lists:
            parents[abstract_id] = lists[num_id][0]
    ends = {end: end for end in parents.values() if end not in parents}
    ends.update((looped, looped) for looped in on_loops(parents))
    return inherited(ends, parents)


def _shown_text(p: Any) -> str | None:
    """The text a paragraph shows (without hidden runs and text a tracked change withdrew), or None when Word does
    not show the paragraph at all: its mark hidden (``w:vanish``) or deleted as a tracked change (the paragraph runs
    into the next): not counted in its list."""
    from perfbudget.readers.docx import is_hidden_run  # (docx imports this module: read at call time)

    ppr = p.find(_PPR)
    if ppr is not None and (ppr.find(f"{_RPR}/{_DEL}") is not None or is_hidden_run(ppr)):  # (the mark's w:rPr)
        return None
    withdrawn = {t for change in p.iter(*_NOT_SHOWN) for t in change.iter(_T)}
    return "".join(t.text or "" for run in p.iter(_R) if not is_hidden_run(run)
                   for t in run.iter(_T) if t not in withdrawn).strip()


def _style_numbering(styles: Any) -> dict[str, tuple[int | None, int | None]]:
    """Each paragraph style's (numId, ilvl), its own or the style it is based on's, for the styles that number."""
    own: dict[str, tuple[int | None, int | None]] = {}
    parents: dict[str, str] = {}
    for style in styles.iter(_STYLE) if styles is not None else ():
        name = style.get(_STYLE_ID) or ""
        numpr = style.find(f"{_PPR}/{_NUMPR}")
        if numpr is not None:
            own[name] = (_int(numpr, _NUMID), _int(numpr, _ILVL))
        if (based := style.find(_BASED_ON)) is not None:
            parents[name] = based.get(_VAL) or ""
    return inherited(own, parents)


def mark_list_numbers(root: Any, numbering: Any | None, styles: Any | None,
                      unnumbered: list[tuple[Any, str]] | None = None) -> int:
    """Give each numbered paragraph of ``root`` that holds text the label Word draws before it (attribute
    ``LIST_NUMBER``; ``docx.paragraph_text`` reads it first); the number of paragraphs labelled. A paragraph of a
    level whose ``w:lvlText`` is longer than :data:`MOST_LABEL` is read without its number (as ``none``) and, with
    its text, added to ``unnumbered`` (to be told)."""
    if numbering is None:
        return 0
    by_style = _style_numbering(styles)
    if not by_style and next(root.iter(_NUMPR), None) is None:
        return 0
    abstracts, lists, links = _definitions(numbering)
    if not lists:
        return 0
    if links:  # (lists whose definition is a numbering style's: counted and drawn by that style's definition)
        followed = _followed(links, by_style, lists)
        lists = {key: (followed.get(abstract_id, abstract_id), starts) for key, (abstract_id, starts) in lists.items()}
    counters: dict[int, list[int | None]] = {}  # by definition: each level's counter (None: not started)
    begun: set[int] = set()  # the lists whose start overrides were applied
    labels: list[tuple[Any, int, str]] = []  # each numbered paragraph holding text: its list and its label
    for p in root.iter(_P):
        ppr = p.find(_PPR)
        if ppr is None:
            continue
        numpr, style = ppr.find(_NUMPR), ppr.find(_P_STYLE)
        num_id, ilvl = by_style.get(style.get(_VAL) or "", (None, None)) if style is not None else (None, None)
        if numpr is not None:
            num_id = own if (own := _int(numpr, _NUMID)) is not None else num_id
            ilvl = own_level if (own_level := _int(numpr, _ILVL)) is not None else ilvl
        if not num_id or num_id not in lists or _in_fallback(p) or (text := _shown_text(p)) is None:
            continue
        abstract_id, starts = lists[num_id]
        levels = abstracts.get(abstract_id, {})
        counter = counters.setdefault(abstract_id, [None] * _LEVELS)
        if num_id not in begun:
            begun.add(num_id)
            for at, start in starts.items():
                if 0 <= at < _LEVELS:
                    counter[at] = start - 1
        level = min(max(ilvl or 0, 0), _LEVELS - 1)
        defined = levels.get(level)
        before = counter[level]
        counter[level] = (before if before is not None else (defined.start if defined is not None else 1) - 1) + 1
        for deeper in range(level + 1, _LEVELS):
            below = levels.get(deeper)
            if below is None or below.restart is None or level < below.restart:  # (restart 0: never; n: level n-1 up)
                counter[deeper] = None
        if defined is not None and defined.too_long and text and unnumbered is not None:
            unnumbered.append((p, text))
        if defined is None or not defined.text or defined.fmt in ("bullet", "none") \
                or not text:
            continue
        label = defined.text
        for n in range(_LEVELS, 0, -1):
            if f"%{n}" in label:
                shown, value = levels.get(n - 1), counter[n - 1]
                if value is None:
                    value = shown.start if shown is not None else 1
                label = label.replace(f"%{n}", formatted(value, shown.fmt if shown is not None else "decimal"))
        spaced = defined.gap and label[-1:] in _BEFORE_FIGURE and text[:1].isdecimal()  # (2. 2024…, not 2.2024)
        labels.append((p, num_id, label + " " if spaced else label))
    items = Counter(num_id for _p, num_id, _label in labels)
    for p, num_id, label in labels:
        if items[num_id] > 1:  # (a list of one paragraph is no list: read as its text)
            p.set(LIST_NUMBER, label)
    return sum(1 for _p, num_id, _label in labels if items[num_id] > 1)


# The longest w:lvlText a level is drawn by: Word's own are a few characters (1. 一、 （1） 第1条 1.2.3.); one of
# 200,000 characters was drawn before each of 400 numbered paragraphs of a 2 KB file, 5.5 s of CPU and 247 MB, until
# attack43. Each %n it holds draws a counter of at most 30 characters (ZZZ…Z), so a label stays some thousands at most;
# a longer w:lvlText is a decoration the list can be read without: its paragraphs are read unnumbered, told.
MOST_LABEL = 200
_BEFORE_FIGURE = frozenset("0123456789０１２３４５６７８９.．")  # a label's end that would run into a figure after it


def _in_fallback(p: Any) -> bool:
    """A paragraph of a text box's ``mc:Fallback`` copy (never read, never counted)."""
    from perfbudget.readers.docx import _FALLBACK  # (the one constant: docx imports this module, read at call time)

    return any(ancestor.tag == _FALLBACK for ancestor in p.iterancestors())
