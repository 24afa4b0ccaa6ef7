"""A 自评表's score beside its 折算得分, the score weighed by the indicator's share (kinds46).

Hebei's 预算项目绩效自评表 (the provincial system's print, corpus 74) writes under 自评得分 the columns 单项指标得分 |
权重占比(%) | 单项指标折算得分, 折算得分 = 得分 × 权重 ÷ 100: 得分 there is a mark out of 100 and 权重占比 the
indicator's share. Read as points, the weight is right (rules.md §4); whether 得分 is the score out of those points
the table alone says, so it is decided per table:

* every 得分 at most its 分值 (74: the unit wrote each score equal to its weight where the target was met): the
  reading stands, the score out of the points; where a row's 折算得分 is not its 得分 (74's 6.25 beside 25.00) the
  two disagree, and the project is marked 需人工核对 with a warning at the first such row;
* some 得分 above its 分值 and every row's 折算得分 its 得分 × 分值 ÷ 100 (the same table filled ``100.00 25.00
  25.00``): 得分 is the mark out of 100, so the 折算得分 is the score out of the points, with a note; the mark is
  kept as an extra ``折算前得分``;
* otherwise nothing is changed (the review says where a score exceeds its points).
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from perfbudget.model import Indicator, Problem, Severity
from perfbudget.readers.cell_values import decimal_or_none
from perfbudget.readers.parts import Parts

_CONVERTED = re.compile(r"折算(?:得)?分$")  # 单项指标折算得分, 自评得分/单项指标折算得分, 折算分
_ROUNDING = Decimal("0.01")  # a 折算得分 is written to the cent
_MARK = "折算前得分"  # the mark out of 100 a 折算得分 replaces, kept as an extra


def _converted(indicator: Indicator) -> tuple[Decimal, str] | None:
    """The row's 折算得分 and its column's name, or None (a ``str`` test before the pattern: most 自评 rows' extras
    name none, and the pattern asked of each cost the text reader +1.1 % instructions a table)."""
    for key, text in indicator.extras:
        if "折算" in key and _CONVERTED.search(key) and (value := decimal_or_none(text)) is not None:
            return value, key
    return None


def _taken_from(indicator: Indicator, converted: Decimal, key: str) -> Indicator:
    """The row with its 折算得分 as its score, located at the 折算得分's own cell (the extra column's source, kept
    under its name by readers/indicator_rows.py), the mark it replaces kept as an extra at the 得分 cell (kinds47:
    the score kept the 得分 cell's location)."""
    sources = dict(indicator.sources)
    mark_at = sources.get("score")
    if (at := sources.get(key)) is not None:
        sources["score"] = at
    if mark_at is not None:
        sources[_MARK] = mark_at
    return replace(indicator, score=converted, extras=(*indicator.extras, (_MARK, str(indicator.score))),
                   sources=sources)


def settle_converted_scores(parts: Parts, problems: list[Problem]) -> None:
    """Decide, for the table's indicators with a 分值, a 得分 and a 折算得分, which is the score (module note). Only a
    table read as a 自评表 has scores: a target table (most) is passed over at once (the walk of its indicators cost
    the text reader +1.1 % instructions a table)."""
    if not parts.self_evaluation:
        return
    rows = [(at, i, score, weight, converted, key) for at, i in enumerate(parts.indicators)
            if i.extras and (score := i.score) is not None and (weight := i.weight) is not None
            and (found := _converted(i)) is not None for converted, key in (found,)]
    if not rows:
        return
    if all(score <= weight for _, _, score, weight, _, _ in rows):
        differing = [(i, converted) for _, i, score, _, converted, _ in rows if converted != score]
        if differing:
            shown, converted = differing[0]
            note = (f"得分与折算得分不一致（{len(differing)} 行，如「{shown.level3}」得分 {shown.score}、折算得分 "
                    f"{converted}）：按得分为分值内得分读取")
            parts.needs_check.append(note)
            problems.append(Problem(shown.source or parts.source, f"{note}，需人工核对", Severity.WARNING))
        return
    if all(abs(score * weight / 100 - converted) <= _ROUNDING for _, _, score, weight, converted, _ in rows):
        for at, i, _, _, converted, key in rows:
            parts.indicators[at] = _taken_from(i, converted, key)
        problems.append(Problem(rows[0][1].source or parts.source, "得分大于分值，且各行折算得分 = 得分 × 分值 ÷ 100："
                                "得分是百分制，各行得分取折算得分，原得分作附加列「折算前得分」", Severity.INFO))
