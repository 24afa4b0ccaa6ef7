"""A glued self-evaluation's indicator rows run together in one paragraph, each row closed by its score.

A document site's preview of a self-evaluation form loses every separator, also between rows
(``…得分产出指标质量指标监测数据必须合格100%100%10进度指标完成年度资料上报100%100%20效益指标…总分99.6``).
A careful person still reads it when the value columns after the 三级 name have shapes that end where the
next begins: every value but the last ends in its unit (``100%``, ``15个``), the last column is the score, a
bare number, and the next row starts with a level name or a 三级 name (never with a digit). Only such a
header is read here (年初目标值 | 实际完成值 | 得分, 指标值 | 得分 …); a row whose values do not have these
shapes ends the reading with an error at that point (the start of the next row cannot be known), never a
guess. Level names run together are read as a person reads the form: a 一级 name followed by another 一级
name is an empty row of the first (``效益指标满意度指标服务对象满意度指标整编资料审核98%98%19.6``: 效益指标
has no row; 满意度指标 | 服务对象满意度指标 | 整编资料审核), and a repeated header (``年度绩效目标2(40分)一级指标…``)
starts the next set of rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import partial

from perfbudget.framework import FRAMEWORK_2015, FRAMEWORK_2021, LEVEL1_NAMES
from perfbudget.readers.labels import COLUMN_LABELS, COUNTERS, column_role

# The value columns a row's tail can be split into: values in a unit (a rate such as 累计完成率 too), then
# possibly the score (a bare number).
_UNIT_VALUES = ("target", "actual")
_BARE_VALUES = ("score",)
_RATE = re.compile(r"^(?:累计|目标|指标)?完成率$")
# 评价内容 heads the 一级 and 二级 columns together in the old Fujian form's later version (评价内容 | 绩效内容 | …)
_LEVELS_SPANNING = "评价内容"
# The old Fujian form names its levels 目标 (产出目标 / 数量目标) instead of 指标.
_GOAL_LEVELS = {"产出目标": ("数量目标", "质量目标", "时效目标", "成本目标"),
                "效益目标": ("经济效益目标", "社会效益目标", "生态效益目标", "环境效益目标", "可持续影响目标"),
                "满意度目标": ("服务对象满意度目标",)}
_LEVEL1 = frozenset({*LEVEL1_NAMES, *_GOAL_LEVELS})
_LEVEL2_OF = {**{level1: frozenset(n for framework in (FRAMEWORK_2015, FRAMEWORK_2021)
                                   for n in framework.get(level1, ())) for level1 in LEVEL1_NAMES},
              **{level1: frozenset(names) for level1, names in _GOAL_LEVELS.items()}}
# 二级 names of the forms beside the frameworks' (进度指标 for 时效指标, the bare 满意度 names)
_LEVEL2 = frozenset({*(n for names in _LEVEL2_OF.values() for n in names), "进度指标",
                     "社会公众或服务对象满意度指标", "生态环境效益指标"})
# a level name with its score note (产出指标(70分)): the note belongs to every name, not to the last alternative
_LEVEL_NAME = re.compile("(?:" + "|".join(re.escape(n) for n in sorted(_LEVEL1 | _LEVEL2, key=len, reverse=True))
                         + r")(?:[(（]\d+分[)）])?")
LEVEL_NAME = _LEVEL_NAME
_SCORE_NOTE = re.compile(r"[(（]\d+分[)）]$")
_HEADER_WORDS = sorted({*(w for w in COLUMN_LABELS if len(w) >= 2), _LEVELS_SPANNING, "累计完成率", "完成率"},
                       key=len, reverse=True)
_HEADER_CELL = re.compile("(?:" + "|".join(re.escape(w) for w in _HEADER_WORDS) + r")(?:[(（][A-Za-z/]{1,3}[)）])?")
# 年度绩效目标2(40分): the title of the next set of rows, before its repeated header
_SET_TITLE = re.compile(r"(?:年度)?绩效(?:目标|指标)\d*(?:[(（]\d+分[)）])?")
_UNITS = ("万元|平方米|公里|小时|人次|工作日|分钟|个月|户次|元/人|元/生|万人|万亩"
          "|[%‰" + COUNTERS + "]")
_UNIT_VALUE = r"(?:>=|<=|[≥≤><=≧≦]|大于等于|小于等于|不低于|不高于|不少于|不超过)?\d+(?:\.\d+)?(?:" + _UNITS + ")"
_BARE_VALUE = r"\d+(?:\.\d+)?"
# a 三级 name never ends in a digit, a sign or a dash (else the first value might start earlier)
_NAME_END = re.compile(r"[\d.%≥≤><=+\-—－~～/]$")
# the rows end at the form's closing rows (总分, 合计, 偏差原因…, 备注, 填报人)
_CLOSING = re.compile(r"(?:总分|合计|总计|偏差|未完成原因|备注|注[:：]|说明[:：]|填报人|填表人|审核)")
# an unknown level name glued before a 三级 name (进度指标 is known; 某某指标… is not split)
_LEVEL_LIKE_START = re.compile(r"^[\u4e00-\u9fff]{2,6}指标")
# a number of at most 100 inside a name, followed by a character that is no unit: the score of a row before
# (合格10时效…), so the name runs over a row's end
_SCORE_INSIDE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)(?![\d.%])(?=[\u4e00-\u9fff])")


_CELL_NOTE = re.compile(r"[(（][A-Za-z/]{1,3}[)）]$")
# No form has more columns than this; a header is read no further (until attack24 a line of 10,000 「一级指标」
# was read as 10,000 header cells from each of its 10,000 starts: 120 KB of text, 68 s of CPU).
MOST_HEADER_CELLS = 40
# the longest text such a header may take: every label with its (A)/(B/A) note
HEADER_SPAN = MOST_HEADER_CELLS * (max(len(w) for w in _HEADER_WORDS) + 5)


def header_cells(text: str, most: int = MOST_HEADER_CELLS) -> tuple[list[str], int]:
    """The known column labels ``text`` starts with, run together (a ``(A)``/``(B/A)`` after one dropped), and
    where they end; at most ``most``."""
    cells: list[str] = []
    position = 0
    while len(cells) < most and (match := _HEADER_CELL.match(text, position)) is not None:
        cell = match.group()
        cells.append(_CELL_NOTE.sub("", cell) if cell[-1] in ")）" else cell)
        position = match.end()
    return cells, position


def header_run(text: str) -> tuple[list[str], int, list[bool]] | None:
    """The column labels an indicator part starts with (一级指标二级指标三级指标年初目标值(A)…得分, or 评价内容绩效内容
    绩效目标值实际完成值累计完成率), where they end, and for each value column whether its values end in a unit
    (True) or are bare numbers (the score, last); None unless they are the levels then value columns this module
    splits. 评价内容 is given as the two level cells it heads."""
    first, _ = header_cells(text, 3)  # (the levels first: a prose line is tried at each of its level labels)
    if first[:1] == [_LEVELS_SPANNING]:
        first = ["一级指标", "二级指标", *first[1:]]
    if [column_role(c) for c in first[:3]] != ["level1", "level2", "level3"]:
        return None
    cells, position = header_cells(text)
    if cells[:1] == [_LEVELS_SPANNING]:
        cells = ["一级指标", "二级指标", *cells[1:]]
    roles = [column_role(c) for c in cells]
    if roles[:3] != ["level1", "level2", "level3"] or len(roles) < 5 or roles[3] != "target":
        return None
    units: list[bool] = []
    for k, (cell, role) in enumerate(zip(cells[3:], roles[3:], strict=True)):
        if role in _UNIT_VALUES or (role is None and _RATE.match(cell)):
            units.append(True)
        elif role in _BARE_VALUES and k == len(cells) - 4:
            units.append(False)
        else:
            return None
    return cells, position, units


def level_names(text: str, position: int) -> tuple[list[str], int]:
    """The level names (一级/二级, ``_LEVEL_NAME``) that run together from ``position``, and where they end."""
    names: list[str] = []
    while (match := _LEVEL_NAME.match(text, position)) is not None:
        names.append(match.group())
        position = match.end()
    return names, position


def _levels(names: list[str]) -> tuple[str | None, str | None] | None:
    """(一级, 二级) of the level names before a row's 三级 name; an earlier 一级 name followed by another
    一级 name that is not one of its 二级 names is an empty row of its own. None when they do not fit."""
    names = [_SCORE_NOTE.sub("", n) for n in names]
    starts = [i for i, n in enumerate(names)
              if n in _LEVEL1 and not (i > 0 and n in _LEVEL2_OF.get(names[i - 1], ()))]
    if starts:
        names = names[starts[-1]:]  # the 一级 names before the last one have no row (效益指标…满意度指标…)
    while len(names) >= 2 and names[0] in _LEVEL2 and names[1] in _LEVEL2 and names[0] not in _LEVEL1:
        names = names[1:]  # a 二级 without a row of its own (社会效益指标满意度指标…: the first has no row)
    while len(names) >= 3 and names[0] in _LEVEL1 and names[1] in _LEVEL2 and names[2] in _LEVEL2 \
            and names[1] not in _LEVEL1:
        names = [names[0], *names[2:]]  # the same under its 一级 (效益指标经济效益指标社会效益指标…)
    if len(names) == 1:
        return (names[0], None) if names[0] in _LEVEL1 and names[0] not in _LEVEL2 else (None, names[0])
    if len(names) == 2 and names[0] in _LEVEL1 and names[1] in _LEVEL2:
        return names[0], names[1]
    if not names:
        return None, None
    return None


# a comparison sign or a percent sign inside a name: a value of a row before it (数量>=20人良好良好组织…)
_VALUE_MARK = re.compile(r"[≥≤><≧≦%]|大于等于|小于等于|不低于|不少于")


def _runs_over_a_row(name: str) -> bool:
    """True when a name holds a level name, a comparison or percent sign, or a score-like number before a
    character that is no unit: the name would run over the end of the row before."""
    if _LEVEL_NAME.search(name) or _VALUE_MARK.search(name):
        return True
    if "月" in name and any(int(m.group(1)) > 12 for m in _MONTH.finditer(name)):
        return True  # 支付811月底完成: no month 811, a score (8) glued before the next value's 11月
    return any(Decimal(m.group(1)) <= 100 and not re.match(_UNITS, name[m.end():])
               for m in _SCORE_INSIDE.finditer(name))


_MONTH = re.compile(r"(?<![\d.])(\d+)月")
# an empty template row's placeholder between glued rows (……)
_FILLER = re.compile(r"…+|\.{3,}")
# prose after a table inside a paragraph: a section heading ((二)项目财务管理状况, 三、…)
_SECTION = re.compile(r"[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、")


# One row's 三级 name and values at the start of a text: (name, values, where the row ends), or the reason it
# cannot be split (a sentence for the reader's error).
RowMatch = tuple[str, list[str], int] | str


def _shaped_row(row: re.Pattern[str], units: list[bool], rest: str, most: Decimal | None = None) -> RowMatch:
    """The row at the start of ``rest`` split by the value shapes (``row`` from :func:`split_stream`; ``most``, the
    points of the row's level, is not needed: the shapes leave one split)."""
    found = row.match(rest)
    if found is None:
        return f"无法按取值形式拆出三级指标和各列数值：「{rest[:40]}」"
    name = found.group(1)
    values = list(found.groups()[1:])
    after = rest[found.end():]
    if _NAME_END.search(name) or _LEVEL_LIKE_START.match(name) or _runs_over_a_row(name) \
            or (not units[-1] and Decimal(values[-1]) > 100) or after[:1].isdigit() \
            or (not units[-1] and after
                and not (_LEVEL_NAME.match(after) or _SET_TITLE.match(after) or _CLOSING.match(after))
                and re.match(_UNITS, after)):  # a bare score followed by a unit: was it a value in a unit?
        return f"无法可靠拆分这一行：「{rest[:found.end()]}」"
    return name, values, found.end()


# A row numbered as the template numbers them (指标1, 指标2 … under each 二级): where a row starts is known, so a row
# that does not split is left out alone and the reading goes on at the next number (corpus 130)
_LEVEL_NAMES = tuple(sorted(_LEVEL1 | _LEVEL2, key=len, reverse=True))
_POINTS = re.compile(r"[(（](\d+)分[)）]$")
RowMatcher = Callable[[str, Decimal | None], RowMatch]


def _number_at(text: str, at: int, expected: tuple[int, ...]) -> int:
    """The length of ``指标N`` at ``at`` for the longest expected N written there (``指标12021年…`` after level names
    is row 1 and a name starting 2021年), 0 for none."""
    for number in sorted(expected, key=lambda n: -len(str(n))):
        if text.startswith(f"指标{number}", at):
            return len(f"指标{number}")
    return 0


def _row_number(rest: str, expected: tuple[int, ...], numbered: bool, after_levels: bool) -> int:
    """The length of the number ``rest`` starts with, when it is the row number expected there (``指标2`` after
    ``指标1``, ``指标1`` after level names); a bare ``1`` right after level names in a numbered form
    (生态效益指标1病害…: the level name took the 指标); 0 for none."""
    if (length := _number_at(rest, 0, expected)) or not (numbered and after_levels):
        return length
    return 1 if re.match(r"1[\u4e00-\u9fff]", rest) else 0


def level_run_start(text: str, start: int, end: int) -> int | None:
    """Where the run of level names (``_LEVEL_NAME``, each with its score note or none) ending at ``end`` starts
    earliest, not before ``start``; None when no level name ends there. The answer of ``re.search("(?:" + _LEVEL_NAME
    + ")+$", text, start, end)``, found backwards from ``end`` (and from a line feed ending at it, as ``$`` does): each
    position of the run is looked at once. That search tried the run from each of its positions (quadratic: 3,000
    level names glued in a line cost 0.26 s until attack32)."""
    end = min(end, len(text))
    ends = [end] + ([end - 1] if start < end and text[end - 1] == "\n" else [])
    seen = set(ends)
    earliest: int | None = None
    while ends:
        at = ends.pop()
        for name_end in _note_starts(text, start, at):
            for name in _LEVEL_NAMES:
                begin = name_end - len(name)
                if begin >= start and begin not in seen and text.startswith(name, begin):
                    seen.add(begin)
                    ends.append(begin)
                    earliest = begin if earliest is None else min(earliest, begin)
    return earliest


def _note_starts(text: str, start: int, at: int) -> list[int]:
    """Where a level name may end before ``at``: at ``at`` itself, and where a score note (``(40分)``) ending at
    ``at`` starts."""
    if at - 4 < start or text[at - 1] not in ")）" or text[at - 2] != "分":
        return [at]
    digits = at - 2
    while digits > start and text[digits - 1].isdecimal():
        digits -= 1
    if digits == at - 2 or digits - 1 < start or text[digits - 1] not in "(（":
        return [at]
    return [at, digits - 1]


def _next_numbered_row(text: str, start: int, expected: tuple[int, ...]) -> int | None:
    """Where the next numbered row starts after ``start``: the level names right before its number (one of
    ``expected``), those whose last name ends in the number's 指标 (生态效益指标1…), or the number itself."""
    at = text.find("指标", start)
    while at >= 0:
        if _number_at(text, at, expected):
            for end in (at, at + 2):
                levels = level_run_start(text, start, end)
                if levels is not None:
                    return levels
            return at
        at = text.find("指标", at + 2)
    return None


def _level_points(names: list[str], most: Decimal | None, new1: bool) -> Decimal | None:
    """The points of the level the next rows stand under: a 一级 or 二级 name's note (产出指标(40分)), the
    nearest; a new 一级 without a note drops its predecessor's."""
    found = [Decimal(m.group(1)) for n in names if (m := _POINTS.search(n)) is not None]
    if found:
        return found[-1]
    return None if new1 else most


def split_stream(text: str, units: list[bool], match_row: RowMatcher | None = None,
                 skipped: list[str] | None = None) -> tuple[list[list[str]], str | None, str]:
    """Rows [一级, 二级, 三级, values…] of the glued rows ``text`` (after the header; ``units`` from
    :func:`header_run`), the reason the reading stopped early (None when the rows ended at a closing row, a
    section heading of prose or the end) and the text left. ``match_row`` splits one row where the value shapes
    of ``units`` do not (:mod:`glued_weighted_rows`), given the points of the row's level where a level name
    states them. Where the form numbers its rows (指标1, 指标2 …) and ``skipped`` is given, a row that does not
    split is left out, its reason added to ``skipped``, and the reading goes on at the next numbered row."""
    if match_row is None:
        row_tail = "".join(f"({_UNIT_VALUE})" if unit else f"({_BARE_VALUE})(?![\\d.%])" for unit in units)
        match_row = partial(_shaped_row, re.compile(r"(.+?)" + row_tail), units)
    rows: list[list[str]] = []
    level1: str | None = None
    level2: str | None = None
    most: Decimal | None = None
    number = 0  # the last row number read (指标N), 0 before any
    numbered = False
    position = 0
    while position < len(text):
        if (filler := _FILLER.match(text, position)) is not None:
            position = filler.end()  # …… between rows: an empty template row
            continue
        rest = text[position:]
        if _CLOSING.match(rest) or _SECTION.match(rest):
            return rows, None, rest
        title = _SET_TITLE.match(rest)
        if title is not None and (header := header_run(rest[title.end():])) is not None:
            position += title.end() + header[1]
            level1 = level2 = None
            continue
        names, position = level_names(text, position)
        levels = _levels(names)
        if levels is None:
            return rows, f"指标级次名称无法对应：「{''.join(names)}」", text[position:]
        if names:
            new1, new2 = levels
            most = _level_points(names, most, new1 is not None)
            if new1 is not None:
                level1, level2 = new1, new2
            else:
                level2 = new2
        rest = text[position:]
        if names and (not rest or _CLOSING.match(rest) or _SET_TITLE.match(rest)):
            continue  # level names with no row under them (社会效益指标…总分)
        expected = (1,) if names or not number else (number + 1, 1)
        prefix = _row_number(rest, expected, numbered, bool(names))
        bound: int | None = None
        if prefix:
            numbered = True
            number = int(rest[:prefix].removeprefix("指标"))  # (a bare 1: row 1)
            bound = _next_numbered_row(rest, prefix, (number + 1, 1))
        segment = rest[prefix:bound]
        found = match_row(segment, most)
        if isinstance(found, str) or level1 is None or level2 is None:
            why = found if isinstance(found, str) else f"无法可靠拆分这一行：「{segment[:found[2]]}」"
            if bound is None or skipped is None:
                return rows, why, rest
            skipped.append(why)  # a numbered row: the next one starts at its number, read on from there
            position += bound
            continue
        name, values, end = found
        rows.append([level1, level2, name, *values])
        position += prefix + end
    return rows, None, ""
