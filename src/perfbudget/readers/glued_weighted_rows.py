"""A glued self-evaluation whose 分值 column comes before the target: 三级 | 分值 | 年度指标值 | 全年实际值 | 得分.

Several provinces' self-evaluation forms (Sichuan's 衔接资金 自评表, Yinchuan's 本级 自评表) put each indicator's
分值 before its target. A document site's preview glues every cell and row together, so the 分值 runs into the
target (``安装坡面水标尺10≥266米≥266米10``: 分值 10, target ≥266米, actual ≥266米, 得分 10). A careful person still
reads such a row, because its pieces have shapes of their own: the 分值 and the 得分 are bare numbers of at most
100 written without a leading zero, the target and the actual are each a number with its unit (``≥266米``,
``100%``) or, where they have no unit, the same text written twice (``显著提升显著提升``: the target met).

Every way a row can be split so is tried, and the row is read only when exactly one split fits: ``20100%100%20``
is 20 | 100% | 100% | 20 because 2 | 0100% and 201 | 00% have leading zeros and 2010 is no 分值. A row with two
readings, or none, stops the reading with an error at that point (where the next row starts cannot be known),
never a guess. After a 偏差原因 column (empty in the glued forms seen), a name starting with what such a column
holds (无, 已完成, 未…, 因…, /) may hold the reason of the row before: not read either.
"""

from __future__ import annotations

import re
from decimal import Decimal

from perfbudget.readers.glued_stream import (
    _CLOSING,
    _FILLER,
    _LEVEL_LIKE_START,
    _LEVEL_NAME,
    _NAME_END,
    _SET_TITLE,
    _UNITS,
    RowMatch,
    _runs_over_a_row,
    header_cells,
)
from perfbudget.readers.labels import column_role

# the columns after the 三级 one, in this order; a 偏差原因 column may close them
_WEIGHTED = ["weight", "target", "actual", "score"]
_SIGNS = ("大于等于", "小于等于", "不低于", "不高于", "不少于", "不超过", ">=", "<=", "≥", "≤", ">", "<", "=", "≧", "≦")
# the units of glued_stream's pattern (万元|平方米|…|[%‰个人…]) as words, the longest first
_MULTI_UNITS, _UNIT_CHARS = _UNITS.rsplit("|", 1)
# with the lengths and amounts that pattern lacks (≥50厘米, 5亿元), each whole (厘米 is no 厘 then 米)
_UNIT_WORDS = sorted([*_MULTI_UNITS.split("|"), *_UNIT_CHARS.strip("[]"), "厘米", "毫米", "千米", "亿元"],
                     key=len, reverse=True)
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# what a 偏差原因 cell of the row before may hold at the start of the next name
_REASON_START = re.compile(r"^(?:无|已完成|已达|未|因|由于|/|—|-)")
_LONGEST_NAME = 150
_LONGEST_ECHO = 30


def weighted_header(text: str) -> tuple[list[str], int, bool] | None:
    """The glued indicator header ``text`` starts with when it is 一级 | 二级 | 三级 | 分值 | target | actual | 得分
    (then possibly a 偏差原因 column): its cells, where it ends, and whether the 偏差原因 column is there."""
    cells, end = header_cells(text)
    roles = [column_role(c) for c in cells]
    if roles[:3] != ["level1", "level2", "level3"] or roles[3:7] != _WEIGHTED \
            or roles[7:] not in ([], ["deviation"]):
        return None
    return cells, end, roles[7:] == ["deviation"]


def _bare_ends(text: str, start: int) -> list[int]:
    """Ends of the bare numbers of at most 100, without a leading zero, that can start at ``start`` (a 分值 or
    得分: any prefix of a run of digits, as the digits after it may be the next value's)."""
    ends: list[int] = []
    match = _DIGITS.match(text, start)
    if match is None:
        return ends
    for end in range(start + 1, match.end() + 1):
        piece = text[start:end]
        if piece.endswith(".") or (len(piece) > 1 and piece[0] == "0" and piece[1] != "."):
            continue
        if Decimal(piece) <= 100:
            ends.append(end)
    return ends


def _unit_value_end(text: str, start: int) -> list[int]:
    """Ends of a number with its unit (and a comparison before it) starting at ``start``: the whole run of digits,
    without a leading zero, then a unit."""
    position = start
    for sign in _SIGNS:
        if text.startswith(sign, position):
            position += len(sign)
            break
    match = _DIGITS.match(text, position)
    if match is None or (len(match.group()) > 1 and match.group()[0] == "0" and match.group()[1] != "."):
        return []
    return [match.end() + len(unit) for unit in _UNIT_WORDS if text.startswith(unit, match.end())]


def _value_pairs(text: str, start: int) -> list[tuple[int, int]]:
    """(target end, actual end) of a target and an actual starting at ``start``: two numbers with their units, or
    one text written twice (the target met)."""
    pairs = [(t, a) for t in _unit_value_end(text, start) for a in _unit_value_end(text, t)]
    for end in range(start + 1, min(len(text), start + _LONGEST_ECHO) + 1):
        value = text[start:end]
        if text.startswith(value, end) and not (value[0] == "0" and value[1:2].isdigit()):
            pairs.append((end, end + len(value)))
    return pairs


def _next_row_starts(rest: str) -> bool:
    """A row can end here: the text ends, or the next row, a level name or the closing rows start."""
    if (filler := _FILLER.match(rest)) is not None:
        rest = rest[filler.end():]
    if not rest or _CLOSING.match(rest) or _SET_TITLE.match(rest) or _LEVEL_NAME.match(rest):
        return True
    return not (rest[0].isdigit() or rest[0] in ".%" or any(rest.startswith(u) for u in _UNIT_WORDS))


def _name_fits(name: str, reasons_before: bool) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", name)) and not _NAME_END.search(name) and not _CLOSING.match(name) \
        and not _LEVEL_LIKE_START.match(name) and not _runs_over_a_row(name) \
        and not (reasons_before and _REASON_START.match(name))


def weighted_row(reasons_before: bool, rest: str, most: Decimal | None = None) -> RowMatch:
    """The row at the start of ``rest`` (三级, 分值, target, actual, 得分) when exactly one split fits; else why not.
    ``reasons_before``: the form has a 偏差原因 column after the 得分. ``most``: the points of the row's level
    (产出指标(40分)), which no 分值 under it exceeds (``8550万粒550万粒8`` under 40 points is 8 | 550万粒, not
    85 | 50万粒)."""
    found: set[tuple[str, tuple[str, ...], int]] = set()
    for name_end in range(1, min(len(rest), _LONGEST_NAME)):
        if not rest[name_end].isdigit() or rest[name_end - 1].isdigit() or rest[name_end - 1] == ".":
            continue
        name = rest[:name_end]
        if not _name_fits(name, reasons_before):
            continue
        for weight_end in _bare_ends(rest, name_end):
            if most is not None and Decimal(rest[name_end:weight_end]) > most:
                continue
            for target_end, actual_end in _value_pairs(rest, weight_end):
                for score_end in _bare_ends(rest, actual_end):
                    if _next_row_starts(rest[score_end:]):
                        values = (rest[name_end:weight_end], rest[weight_end:target_end],
                                  rest[target_end:actual_end], rest[actual_end:score_end])
                        found.add((name, values, score_end))
    whole = {reading for reading in found if reading[2] == len(rest)}
    if len(found) > 1 and len(whole) == 1:
        found = whole  # a row known to end where the text does (the next numbered row starts there): the reading
        # that takes it whole, not one leaving 「万粒550万粒8」 for a reason cell
    if len(found) != 1:
        why = "没有一种拆法" if not found else f"有 {len(found)} 种拆法"
        return f"分值在指标值之前的粘连行{why}符合各列取值的形式，无法可靠拆分：「{rest[:40]}」"
    ((name, split, end),) = found
    return name, list(split), end
