"""An indicator header with two target columns told apart by their words, not by a year each.

``年度指标值 | 指标值`` (the year's beside another), ``指标值 | 指标值`` (one of them last year's, the header not
saying which) or ``2023年指标值 | 指标值`` under a 2024 title: each such column is a target column by its name
(``labels.column_role``), and the rows' reader took the last one as the target, the others as extras, without a
word (until reading39). A reader takes the column its header says is this year's (年度, 本年, 当年, 全年, the
table's own year) over one it says is another period's (上年, 去年, 中期, a year before the table's), or the only
one not said to be another period's. Where the words tell nothing, nobody can choose: an error at the header
naming the columns (the last column is read as before, so nothing is lost, but the file is not taken as read).
Columns that each name a year are ``year_value_columns``'s; a header repeating its level columns (中期 and 年度 sets
side by side) is the rows' reader's (the last filled set), and where the column chosen is the last one the header
is left as it was but for a column said to be another period's, an extra (the rows' reader takes the last filled
target column of a row: a row whose year's cell is blank took last year's value until the lead's reread).
"""

from __future__ import annotations

import re
import unicodedata

from perfbudget.model import Problem, Severity, Source

_THIS_YEAR = re.compile(r"年度|本年|当年|全年")
_OTHER_PERIOD = re.compile(r"上年|上一年|去年|前年|往年|以前年度|历史|基期|基准|现状|中期|长期|上期"
                           r"|下年|下一年|明年|次年|后年")  # (下年度 is no 年度: the lead's reread)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年)")


def _said_year(said: list[str | None]) -> str | None:
    for text in said:
        if text and (found := _YEAR_IN_TEXT.search(text)) is not None:
            return found.group(1)
    return None


def _period(header: str, year: str | None) -> str:
    """``this`` (the table's year), ``other`` (another period) or ``""`` (the header does not say), by the header's
    words, its bracketed note's too (``指标值(年度)``, ``指标值(长期)``)."""
    text = unicodedata.normalize("NFKC", header).replace(" ", "")
    if (written := _YEAR.search(text)) is not None:
        return "" if year is None else ("this" if written.group(1) == year else "other")
    if _OTHER_PERIOD.search(text):
        return "other"
    return "this" if _THIS_YEAR.search(text) else ""


def one_worded_target(columns: list[tuple[str, str]], said: list[str | None],
                      at: Source) -> tuple[list[tuple[str, str]], Problem | None]:
    """``columns`` (role, header text) with one target column left where several are named (see the module): the
    one said to be this year's, else the only one not said to be another period's, the others extras, and an
    INFO problem telling the choice; where nothing tells them apart the columns unchanged and an ERROR naming
    them. ``said`` are the texts naming the table's year (its title, its project's name). ``columns`` unchanged
    and no problem for a header with one target column."""
    targets = [i for i, (role, _) in enumerate(columns) if role == "target"]
    roles = [role for role, _ in columns]
    if len(targets) != 2 or roles.count("level3") > 1 or roles.count("level2") > 1:
        # (sets side by side, 中期 | 年度: the rows' reader takes the last filled set; three target columns are a
        # copy's header scrambled or spread over sub-rows, corpus 19: the rows' reader takes the last filled one)
        return columns, None
    year = _said_year(said)
    periods = [_period(columns[i][1], year) for i in targets]
    names = "、".join(f"「{columns[i][1]}」" for i in targets)
    this = [i for i, period in zip(targets, periods, strict=True) if period == "this"]
    unsaid = [i for i, period in zip(targets, periods, strict=True) if period == ""]
    chosen = this[0] if len(this) == 1 else unsaid[0] if not this and len(unsaid) == 1 else None
    if chosen is None:
        return columns, Problem(at, f"指标表头有多个指标值列（{names}），表头未写明哪一列是本年度的指标值，无法确定"
                                    "取哪一列：请删去或改名其余各列（如「上年指标值」）后重新读取")
    if chosen == targets[-1]:
        # the column the rows' reader takes, as before: nothing to tell; a column said to be another period's is an
        # extra even so, or a row whose year's cell is blank would take last year's value without a word (the
        # lead's reread: 指标值（上年） | 年度指标值)
        other = {i for i, period in zip(targets, periods, strict=True) if period == "other"}
        return [("extra", text) if i in other else (role, text) for i, (role, text) in enumerate(columns)], None
    kept = [(role if i == chosen or role != "target" else "extra", text) for i, (role, text) in enumerate(columns)]
    return kept, Problem(at, f"指标表头有多个指标值列（{names}）：按表头取「{columns[chosen][1]}」为本年度的"
                             "指标值，其余作为附加列", Severity.INFO)
