"""Tables in traditional characters: converted to simplified characters before reading.

Pages are copied in traditional characters when a government site is switched to its 繁体 version, or
when a content-farm mirror re-publishes a page converted to traditional characters, often with the pinyin
of each converted character inserted after it (``項(xiàng)目``, ``指標(biāo)``). The labels, the framework's
names and the target grammar are recognised in simplified characters, so such a text reads to nothing.

When a text read nothing and holds traditional labels (:func:`first_traditional_line`), the readers read
it again as :func:`simplified` gives it: the inserted pinyin removed, then OpenCC's ``t2s`` conversion
(the OpenCC project's dictionaries, phrase by phrase). Lines are kept, so every source location is the
original's. The document carries a warning at the first traditional line: names and target values are
stored as converted, to be checked against the page. Nothing is converted in a text that reads as it is.

The readers of forms with cells (Word, Excel, WPS, OpenDocument, PDF) do the same cell by cell
(:func:`interpret_either_script`): each cell's text converted, its source kept, the warning at the first
cell that holds a traditional label.

Before either reading, both entry points write CJK radicals that stand for ideographs as those ideographs
(``项⽬`` → 项目, :mod:`perfbudget.readers.cjk_radicals`): text copied from a browser's PDF print keeps them
wherever it is pasted, so a text, a web page and each cell of a form with cells are mended as the PDF reader
mends its characters, one character for one (every source location stays the original's).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from perfbudget.model import Document, Problem, Severity, Source
from perfbudget.readers.cjk_radicals import has_radical, mended
from perfbudget.readers.grid import Cell, RawTable, without_overflow_marks

# Labels every target table holds, in traditional characters (績效 绩效, 指標 指标, 項目 项目, 預算 预算).
TRADITIONAL_LABELS = ("績效", "指標", "項目", "預算", "項(", "績(", "標(")
# A parenthesised pinyin syllable with a tone mark, right after a Chinese character (half- or full-width
# brackets): the mirror sites' annotation. A bracketed word of Latin letters without a tone mark is kept.
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zü]*[)）]")

CONVERTED = ("原文是繁体字：已{pinyin}转换为简体字（OpenCC）后读取；项目名称、指标名称和指标值按转换后的简体字保存，"
             "请与原文核对")
UNREAD = "表格是繁体字（可能是镜像网站转换的页面）：转换为简体字后仍没有读出指标；请用原发布单位的原始页面（简体）"


def first_traditional_line(text: str) -> int | None:
    """The line (1-based) of the first traditional-character label in ``text``, or None."""
    found = [i for i in (text.find(word) for word in TRADITIONAL_LABELS) if i >= 0]
    if not found:
        return None
    return text.count("\n", 0, min(found)) + 1


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc  # OpenCC (Open Chinese Convert): phrase and character dictionaries

    return opencc.OpenCC("t2s")


# Such a note cut where the text ends (生態(t: the page stops inside it), in a text that holds whole ones.
_CUT_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿü]{0,6}\s*\Z")


def without_pinyin(text: str) -> str:
    """``text`` without the pinyin a mirror inserted after characters (績(jī)效 → 績效), a note cut by the text's end
    too (生態(t → 生態)."""
    found = _PINYIN.sub("", text)
    return _CUT_PINYIN.sub("", found) if len(found) != len(text) else found


def simplified(text: str) -> str:
    """``text`` without the pinyin inserted after characters, in simplified characters; same lines."""
    return _converter().convert(without_pinyin(text))


def _converted_at(source: Source, text: str) -> Problem:
    """The warning a document read from the converted input carries, at its first traditional label."""
    pinyin = "去掉字后夹注的拼音并" if _PINYIN.search(text) else ""
    return Problem(source, CONVERTED.format(pinyin=pinyin), Severity.WARNING)


def _has_indicators(document: Document | None) -> bool:
    return document is not None and any(project.indicators for project in document.projects)


Answer = tuple[Any, list[Problem]]  # (document or None, problems)


def _or_converted(answer: Answer, where: Callable[[], tuple[Source, str] | None],
                  converted: Callable[[], Answer]) -> Answer:
    """``answer`` when it has an indicator or the input holds no traditional label (``where`` gives None);
    else the answer for the converted input, the warning at ``where``'s place first — or, when that has no
    indicator either, the error saying so there, after the reading that got further (:func:`_got_further`).
    ``where`` gives the place of the first traditional label and the original's whole text (whether
    mirrors' pinyin was removed)."""
    document, problems = answer
    if _has_indicators(document):
        return answer
    found = where()
    if found is None:
        return answer
    source, original = found
    again, again_problems = converted()
    if _has_indicators(again):
        return again, [_converted_at(source, original), *again_problems]
    if _got_further(again, document):
        # a form cut before its indicators: its name and budget, and where it stops, are read converted
        return again, [_converted_at(source, original), *again_problems, Problem(source, UNREAD)]
    return document, [*problems, Problem(source, UNREAD)]


def _got_further(converted: Document | None, original: Document | None) -> bool:
    """Whether the converted text read to more than the original, neither having an indicator: a document
    where the original was refused (no table found in traditional labels), or more projects (a form cut
    before its indicators, named and budgeted only in simplified labels)."""
    if converted is None:
        return False
    return original is None or len(converted.projects) > len(original.projects)


def read_either_script(text: str, file: str, read: Callable[[str], Answer], radicals: bool = True) -> Answer:
    """``read(text)``, or ``read`` of the simplified text when that reads no indicator and ``text`` holds
    traditional labels (:func:`_or_converted`), the note at the first traditional line. Radicals standing for
    ideographs are read as the ideographs first (:func:`mended`; ``radicals`` False: the caller knows the text has
    none)."""
    if radicals:
        text = mended(text)
    def where() -> tuple[Source, str] | None:
        line = first_traditional_line(text)
        return None if line is None else (Source(file, line=line), text)

    return _or_converted(read(text), where, lambda: read(simplified(text)))


def _first_traditional_cell(tables: list[RawTable]) -> Cell | None:
    for table in tables:
        for row in table.rows:
            for cell in row:
                if not cell.blank and first_traditional_line(cell.text) is not None:
                    return cell
    return None


def _simplified_table(table: RawTable) -> RawTable:
    return replace(table, heading=None if table.heading is None else simplified(table.heading),
                   rows=[[Cell(simplified(cell.text), cell.source) if not cell.blank else cell for cell in row]
                         for row in table.rows])


def _mend_radicals(tables: list[RawTable]) -> None:
    """Each cell's and heading's radicals written as the ideographs they stand for, in place (the readers made the
    cells; a PDF's are mended already, its characters before any text was taken)."""
    for table in tables:
        if table.heading is not None:
            table.heading = mended(table.heading)
        for row in table.rows:
            for cell in row:
                if not cell.blank and has_radical(cell.text):
                    cell.text = mended(cell.text)


def interpret_either_script(tables: list[RawTable], file: str,
                            interpret: Callable[[list[RawTable], str], Answer]) -> Answer:
    """``interpret(tables, file)`` of a form with cells, or the interpretation of the tables with every
    cell (and heading) converted when that reads no indicator and a cell holds traditional labels
    (:func:`_or_converted`), the note at that cell. Radicals standing for ideographs are read as the ideographs
    first, cell by cell (:func:`_mend_radicals`); a cell showing only ``####`` is blank and an error
    (``grid.without_overflow_marks``)."""
    without_overflow_marks(tables)
    _mend_radicals(tables)
    def where() -> tuple[Source, str] | None:
        cell = _first_traditional_cell(tables)
        if cell is None:
            return None
        return cell.source, "\n".join(c.text for table in tables for row in table.rows for c in row)

    return _or_converted(interpret(tables, file), where,
                         lambda: interpret([_simplified_table(table) for table in tables], file))
