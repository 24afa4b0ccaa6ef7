"""The numbers a browser draws before the items of an HTML ordered list (``<ol><li>``), which the page does not
hold.

A CMS page or a Word/LibreOffice document saved as a web page keeps a cell's numbered items as
``<ol><li>验收合格</li> <li>资料归档</li></ol>``: the reader saw two lines and joined them as a name's lines
(验收合格资料归档), where a person reads ``1.验收合格`` / ``2.资料归档`` (forms47, as Word's ``w:numPr`` since forms46:
``word_numbering``). Each item of an ``<ol>`` holding two items or more is given the label the browser
draws: its counter (the list's ``start``, an item's ``value`` — held to Word's range 0–32767 by the one rule,
``word_numbering.held_start`` —, counting down under ``reversed``) in the
list's ``type`` (``1``, ``a``, ``A``, ``i``, ``I``) or CSS ``list-style-type`` (``decimal``,
``lower-alpha``, ``upper-roman``, ``cjk-ideographic`` …, any word of the ``list-style`` shorthand; ``none`` draws
nothing), then ``.`` (``、`` after
Chinese counting), as Word's labels are read: the gap after it one space only where it would run into a
figure (``2. 2024年…``, not the decimal 2.2024). A nested ``<ol>`` counts on its own from 1, as browsers draw
it. A list of one item is no list unless it is a level of a nested one (a value ``≥95%`` a page put in an
``<ol>`` keeps its figure); an empty item shows nothing read; ``<ul>`` bullets give no label.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from perfbudget.readers.word_numbering import formatted, held_start

START, END = "\ue010", "\ue011"  # around a drawn label in a cell's text until :func:`with_labels` places it
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)
_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_STYLES = {"decimal": "decimal", "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
           "upper-alpha": "upperLetter", "upper-latin": "upperLetter", "lower-roman": "lowerRoman",
           "upper-roman": "upperRoman", "decimal-leading-zero": "decimalZero", "cjk-ideographic": "chineseCounting",
           "simp-chinese-informal": "chineseCounting", "trad-chinese-informal": "chineseCounting",
           "simp-chinese-formal": "chineseLegalSimplified", "cjk-decimal": "chineseCounting",
           "cjk-heavenly-stem": "ideographTraditional", "cjk-earthly-branch": "ideographZodiac", "none": "none"}
_CHINESE = frozenset({"chineseCounting", "chineseLegalSimplified", "ideographTraditional", "ideographZodiac"})
_LABELLED = re.compile(f"{START}([^{END}]*){END}[ \\t]*(?=(\\S)?)")


def _format(ol: Any) -> str:
    style = _LIST_STYLE.search(str(ol.get("style") or ""))
    if style is not None:  # (any of the shorthand's words: ``list-style: inside upper-roman``)
        return next((_STYLES[word] for word in style.group(1).lower().split() if word in _STYLES), "decimal")
    return _TYPES.get(str(ol.get("type") or "1").strip(), "decimal")


def _int(value: Any) -> int | None:
    try:
        return held_start(int(str(value).strip())) if value is not None else None
    except ValueError:
        return None


def _in_a_list(ol: Any, items: list[Any]) -> bool:
    """An ``<ol>`` nested in a list's item, or whose item holds a list: a list's level, numbered even with one item."""
    return any(item.find(("ol", "ul")) is not None for item in items) \
        or any(up.name == "li" for up in ol.parents)


class ListCounters:
    """The labels of one cell's ordered lists, asked item by item in document order (``label``)."""

    def __init__(self) -> None:
        self._lists: dict[int, tuple[int, int, str]] = {}  # an <ol> by id: its next counter, step, format

    def label(self, li: Any) -> str | None:
        """The label drawn before ``li`` (an item of an ``<ol>`` of two items or more), wrapped in ``START``/``END``;
        None for any other item."""
        ol = li.parent
        if ol is None or ol.name != "ol":
            return None
        state = self._lists.get(id(ol))
        if state is None:
            items = ol.find_all("li", recursive=False)
            if len(items) < 2 and not _in_a_list(ol, items):
                self._lists[id(ol)] = (0, 0, "none")
                return None
            down = ol.get("reversed") is not None
            start = _int(ol.get("start"))
            state = (start if start is not None else (len(items) if down else 1), -1 if down else 1, _format(ol))
        counter, step, fmt = state
        if fmt == "none":
            return None
        own = _int(li.get("value"))
        counter = own if own is not None else counter
        self._lists[id(ol)] = (counter + step, step, fmt)
        return START + formatted(counter, fmt) + ("、" if fmt in _CHINESE else ".") + END


def _placed(match: re.Match[str]) -> str:
    following = match.group(2)
    if following is None:  # (an empty item: nothing read)
        return ""
    label = match.group(1)
    return label + " " if following.isdecimal() and label[-1:] in ".0123456789" else label


def labelled_lines(text: str, collapsed: Callable[[str], str]) -> tuple[str, frozenset[str]]:
    """A cell's text with each drawn label (:func:`ListCounters.label`'s marks) placed before its item's text, each
    line ``collapsed`` (the reader's white space) and empty lines left out; and the lines a label starts."""
    lines, starting = [], set()
    for raw in text.split("\n"):
        line = collapsed(_LABELLED.sub(_placed, raw))
        if line:
            lines.append(line)
            if raw.lstrip().startswith(START):
                starting.add(line)
    return "\n".join(lines), frozenset(starting)
