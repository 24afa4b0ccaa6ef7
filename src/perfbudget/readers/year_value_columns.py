"""An indicator header with a value column a year: which year's value is the target.

A mid-term plan's table writes a column per year (``三级指标 | 2024年目标值 | 2025年目标值 | 2026年目标值``): each
such column is a target column by its name (``labels.column_role``), and the rows' reader took the last one as
the target, the others as extras, without a word — a 2024 table read with 2026's values. A careful person takes
the column of the table's own year: the year its title (or else its project's name) says. Where neither names
one of the columns' years, the first year is taken (a plan starts at its budget year), with a warning naming the
choice, so nobody takes it for what the page said.
"""

from __future__ import annotations

import re

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.labels import label_key

_YEAR_COLUMN = re.compile(r"^((?:19|20)\d{2})年")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)")


def one_year_target(columns: list[tuple[str, str]], said: list[str | None],
                    at: Source) -> tuple[list[tuple[str, str]], Problem | None, str | None]:
    """``columns`` (role, header text) with one target column left where several are named each with its year:
    the column of the first year ``said`` (the title, then the name) writes, else the earliest year's, the
    others extras. Also the problem telling the choice and, for a choice the page did not make, a note to
    check. ``columns`` unchanged (and no problem) for any other header."""
    targets = [i for i, (role, _) in enumerate(columns) if role == "target"]
    if len(targets) < 2:
        return columns, None, None
    years = [_YEAR_COLUMN.match(label_key(columns[i][1])) for i in targets]
    if any(year is None for year in years) or len({y.group(1) for y in years if y}) < len(years):
        return columns, None, None
    by_year = {year.group(1): i for year, i in zip(years, targets, strict=True) if year}
    chosen: int | None = None
    for text in said:
        for found in _YEAR_IN_TEXT.finditer(text or ""):
            if found.group(1) in by_year:
                chosen = by_year[found.group(1)]
                break
        if chosen is not None:
            break
    names = "、".join(columns[i][1] for i in targets)
    note = None
    if chosen is not None:
        problem = Problem(at, f"指标值按年度分列（{names}）：取表中年度的「{columns[chosen][1]}」为指标值，"
                              "其余年度作为附加列", Severity.INFO)
    else:
        chosen = by_year[min(by_year)]
        note = f"指标值按年度分列，表中未写明年度：取最早年度的「{columns[chosen][1]}」为指标值"
        others = "、".join(columns[i][1] for i in targets if i != chosen)
        problem = Problem(at, f"{note}，其余年度（{others}）作为附加列，请核对", Severity.WARNING)
    kept = [(role if i == chosen or role != "target" else "extra", text) for i, (role, text) in enumerate(columns)]
    return kept, problem, note
