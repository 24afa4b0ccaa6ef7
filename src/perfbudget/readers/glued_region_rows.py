"""A transfer's region table glued into one paragraph (a notice run into its 区域绩效目标表): the header names each
region after the 三级 (and 指标解释 / 指标方向) columns — ``…三级指标指标解释指标方向笏石街道办埭头镇`` — and each row
gives one value a region, run together: ``…情况≤100%100%`` for two regions.

A person is sure of a row's target only where the regions' values are one value written once a region (``100%100%``
for two; ``>=95%`` seven times for seven): that value is the target, as in rows of cells (``region_columns``), the
指标方向's sign before it (``≤`` + ``100%`` is ``≤100%``; a 是/否 or 正向 direction is no sign). Where the run is no
such repetition (``2312222`` for seven regions: 2, 3, 1, 2, 2, 2, 2 or another cut), or the 三级 name cannot be told
from its 指标解释 (which must start with 反映), the row is a located error and the reading goes on at the next level
name, as a person reads on: nothing of the row is guessed. Where the regions' values differ but each is closed by its
unit (``2条3条1条2条``, ``>=95%>=90%``: the run cuts one way only, a value a region), the row is read as in cells —
its 三级 and 指标解释, no target — with a located error naming each region's value (reading30; the model holds one
target an indicator). The errors of a run not cut name the regions as the header gives them."""

from __future__ import annotations

import re

from perfbudget.readers.glued_described_rows import question_and_description
from perfbudget.readers.glued_stream import _CLOSING, _LEVEL_NAME, _levels, header_cells, level_names
from perfbudget.readers.glued_weighted_rows import _next_row_starts
from perfbudget.readers.labels import column_role

# a region of a transfer: a county, district, city, banner, town, township or sub-district office
_REGION = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:街道办事处|街道办|街道|自治县|区|县|市|旗|镇|乡)")
_TARGET_HEAD = re.compile(r"(?:区域)?(?:目标值|指标值)")
_SIGN = re.compile(r"(?:>=|<=|[≥≤><=≧≦])")
_DIRECTION = re.compile(r"(?:>=|<=|[≥≤><=≧≦]|是/否|正向|反向|定性|定量)")
_VALUE = re.compile(r"(?:(?:>=|<=|[≥≤><=≧≦])?\d+(?:\.\d+)?(?:%|‰|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2})?)?"
                    r"|[是否有无]|合格|达标|完成|良好|优秀|显著|提升|提高)")
_VALUE_STARTS = frozenset("><=≥≤≧≦是否有无合达完良优显提")
_MOST_REGIONS = 60
_LONGEST_ROW = 300
_LONGEST_VALUE = 12


def region_header(text: str) -> tuple[list[str], int, list[str], bool] | None:
    """The glued header ``text`` starts with when it is 一级 | 二级 | 三级 | [指标解释] | [指标方向] | [区域目标值] and
    two regions or more before the first level name: the cells of the table it makes (the regions one 指标值
    column), where the header ends, the regions' names and whether a direction column stands before them."""
    cells, end = header_cells(text)
    roles = [column_role(c) for c in cells]
    if roles[:3] != ["level1", "level2", "level3"] or roles[3:] not in ([], ["description"], ["sign"],
                                                                        ["description", "sign"]):
        return None
    if (head := _TARGET_HEAD.match(text, end)) is not None:
        end = head.end()
    regions: list[str] = []
    while len(regions) < _MOST_REGIONS and _LEVEL_NAME.match(text, end) is None \
            and (region := _REGION.match(text, end)) is not None:
        regions.append(region.group())
        end = region.end()
    if len(regions) < 2 or _LEVEL_NAME.match(text, end) is None:
        return None
    return [*(c for c, role in zip(cells, roles, strict=True) if role != "sign"), "指标值"], end, regions, \
        "sign" in roles


Row = tuple[list[str], int] | tuple[list[str], int, str] | str


def _row(rest: str, regions: int, described: bool, directed: bool, names: list[str] | None = None) -> Row:
    """[三级, (指标解释,) target] of the row at the start of ``rest`` and where it ends; else why not. A row whose
    regions give different values, each closed by its unit so that they cut one way only, is [三级, (指标解释,) ""],
    where it ends and the error naming each region's value (reading30: the model holds one target an indicator)."""
    found: set[tuple[int, int, int]] = set()  # (values' start, a value's length, the direction's start)
    after = _LEVEL_NAME.search(rest, 1)
    bound = after.start() if after is not None else len(rest)  # a row ends before the next level name
    first_end = len(rest) + 1  # the first run found to end a row: a later start cannot end one sooner
    for start in range(1, min(bound, _LONGEST_ROW)):
        if start >= first_end:
            break
        if rest[start] not in _VALUE_STARTS and not rest[start].isdigit():
            continue  # (no value starts here: most places of a row are its name's characters)
        for length in range(1, _LONGEST_VALUE + 1):
            end = start + length * regions
            if end > bound:
                break
            value = rest[start:start + length]
            if rest[start:end] != value * regions or not _VALUE.fullmatch(value) or not _ends_a_row(value, rest[end:]):
                continue
            if directed and _SIGN.match(value):
                continue  # (the sign is the direction column's)
            if rest[start - 1:start].isdigit() and value[0].isdigit():
                continue  # (the value would start inside a number)
            direction = start
            if directed:
                signs = [m for m in (_DIRECTION.match(rest, at) for at in range(max(start - 3, 0), start))
                         if m is not None and m.end() == start]
                if not signs:
                    continue
                direction = signs[0].start()
            found.add((start, length, direction))
            first_end = min(first_end, end)
    if found:  # the first run that ends a row ends this one (a later one is a later row's)
        first_end = min(start + length * regions for start, length, _ in found)
        found = {(start, length, at) for start, length, at in found if start + length * regions == first_end}
    if names and not directed and (distinct := _distinct_values(
            rest, regions, min((start for start, _, _ in found), default=bound))) is not None:
        start, values, end = distinct  # (ending before any run of one value: the row is its own, a later run not)
        shown = "、".join(f"{region}{value}" for region, value in zip(names, values, strict=True))
        told = (f"各区域的目标值不同（{shown}）：表中没有项目的指标值列，无法确定项目的指标值，"
                "这一行未读取指标值；请人工核对")
        return _described([rest[:start]], described, "", end, told)
    if len(found) != 1:
        why = "不是同一个值逐区域重复" if not found else f"有 {len(found)} 种拆法"
        regions_told = f"（{'、'.join(names)}）" if names else ""
        return f"各区域{regions_told}的目标值粘连在一起，{why}，无法确定目标值：「{rest[:60]}」"
    ((start, length, direction),) = found
    named = rest[:direction]
    sign = rest[direction:start]
    target = (sign if _SIGN.fullmatch(sign) else "") + rest[start:start + length]
    return _described([named], described, target, start + length * regions)


def _described(named: list[str], described: bool, target: str, end: int, told: str = "") -> Row:
    """The row's cells, its 三级 told from its 指标解释 at the one 「反映」 the explanation starts with; else why
    not."""
    name = named[0]
    if not described:
        cells = [name, target]
    else:
        at = name.find("反映")
        if at <= 0 or name.find("反映", at + 1) >= 0:
            if (asked := question_and_description(name)) is None:  # (是否…问题 + …是否…问题: reading39)
                return ("三级指标与指标解释粘连在一起（指标解释不以「反映」开头，或不止一处），无法可靠拆分："
                        f"「{name[:60]}」")
            cells = [*asked, target]
        else:
            cells = [name[:at], name[at:], target]
    return (cells, end, told) if told else (cells, end)


_NUMBER = re.compile(r"(?:>=|<=|[≥≤><=≧≦])?\d+(?:\.\d+)?")
_OPENS = frozenset("><=≥≤≧≦0123456789")
_UNIT = re.compile(r"[%‰]|[\u4e00-\u9fff]{1,2}(?:/[\u4e00-\u9fff]{1,2})?")


def _closed_values(rest: str, at: int, left: int) -> list[list[str]]:
    """Every way ``rest`` from ``at`` holds ``left`` values each closed by its unit (``≥95%``, ``2条``) and each but the
    last followed by the next one's opening digit or comparator, the last ending a row."""
    number = _NUMBER.match(rest, at)
    if number is None:
        return []
    out: list[list[str]] = []
    for length in (1, 2, 3, 4, 5):
        if number.end() + length > len(rest):
            break
        unit = _UNIT.fullmatch(rest, number.end(), number.end() + length)
        if unit is None:
            continue
        value, end = rest[at:unit.end()], unit.end()
        if left == 1:
            if _ends_a_row(value, rest[end:]):
                out.append([value])
        elif rest[end:end + 1] and rest[end] in _OPENS:
            out += [[value, *more] for more in _closed_values(rest, end, left - 1)]
    return out


def _distinct_values(rest: str, regions: int, bound: int) -> tuple[int, list[str], int] | None:
    """The regions' values where they differ but each is closed by its unit, so that the run cuts one way only
    (``≥95%≥90%``, ``2条3条``; never bare numbers, ``2312``), before ``bound``: (where they start, the values, where
    they end), where exactly one start and one cut give as many as there are regions and they are not all one value;
    else None."""
    found: list[tuple[int, list[str]]] = []
    for start in range(1, min(bound, _LONGEST_ROW)):
        if rest[start] not in _OPENS or rest[start - 1] in _OPENS or rest[start - 1] == ".":
            continue
        found += [(start, values) for values in _closed_values(rest[:bound], start, regions)]
        if len(found) > 1:
            return None
    if len(found) != 1 or len(set(found[0][1])) < 2:
        return None
    start, values = found[0]
    return start, values, start + sum(len(value) for value in values)


def _ends_a_row(value: str, after: str) -> bool:
    """The values' run can end before ``after``: the next row or level name starts there, not more of a number (nor,
    after a value ending in a digit, its unit: ``1`` before ``个``)."""
    if value[-1].isdigit():
        return _next_row_starts(after)
    return not after or not (after[0].isdigit() or after[0] in ".%‰")


def region_rows(text: str, regions: list[str], described: bool,
                directed: bool) -> tuple[list[list[str]], list[str], list[str]]:
    """Rows [一级, 二级, 三级, (指标解释,) target] of the glued region rows ``text`` (after the header, which names
    ``regions``), the reasons of the rows not read, each naming the regions (each row not read: the reading goes on at
    the next level name), and the errors of the rows read without a target, their regions' values differing."""
    differing: list[str] = []
    rows: list[list[str]] = []
    failed: list[str] = []
    level1: str | None = None
    level2: str | None = None
    position = 0
    window = _LONGEST_ROW + _LONGEST_VALUE * len(regions) + 64  # a row ends within this: a slice this long is asked
    while position < len(text):
        if _CLOSING.match(text, position):
            break
        names, position = level_names(text, position)
        levels = _levels(names)
        if levels is None:
            failed.append(f"指标级次名称无法对应：「{''.join(names)}」")
            break
        if names:
            new1, new2 = levels
            level1, level2 = (new1, new2) if new1 is not None else (level1, new2)
        rest = text[position:position + window]  # (never the whole rest: a row at a time stays linear)
        if not rest:
            break
        found = _row(rest, len(regions), described, directed, regions) if level1 is not None and level2 is not None \
            else f"指标行之前没有一级、二级指标：「{rest[:40]}」"
        if isinstance(found, str):
            failed.append(found)
            after = _LEVEL_NAME.search(text, position + 1)
            if after is None:
                break
            position = after.start()
            continue
        cells, end = found[0], found[1]
        if len(found) == 3:
            differing.append(found[2])
        rows.append([level1 or "", level2 or "", *cells])
        position += end
    return rows, failed, differing
