"""The budget written only in brackets after the project's name: ``农村实用技术培训项目（50万元）`` in the 项目名称
cell, or ``某项目（50万元）绩效目标表`` in the title, where the table has no money row at all (some units put the year's
amount there instead of a 年度资金总额 row)."""

from __future__ import annotations

import re
import unicodedata

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.parts import Parts

# （50万元）, (资金：12.5万元), （预算50000元）: an amount with its unit and at most a money word before it
_BRACKET_AMOUNT = re.compile(r"[(](?:资金|预算|金额|总额|预算数|资金总额|预算资金)?:?"
                             r"(?P<amount>\d+(?:\.\d+)?(?:万元|元))[)]")


def _amount_in(text: str, at_end: bool) -> tuple[str, str] | None:
    """The amount (``50万元``) and the name without its bracket, or None: the bracket must be the only one of its
    kind, and end the text when ``at_end`` (a 项目名称 cell), else stand right before the title's own words
    (``…（50万元）项目支出绩效目标表``: a title, not a sentence or a unit's whole budget)."""
    normal = "".join(unicodedata.normalize("NFKC", text).split())
    found = list(_BRACKET_AMOUNT.finditer(normal))
    if len(found) != 1:
        return None
    after = normal[found[0].end():]
    if (at_end and after) or (not at_end and (len(after) > 16 or "绩效" not in after)):
        return None
    return found[0]["amount"], normal[:found[0].start()]


def take_bracket_budget(parts: Parts, problems: list[Problem]) -> None:
    """A table without any money row (no budget label, no funds grid, no parts) whose 项目名称 ends with an amount in
    brackets, or whose title holds one: that amount is the 预算数, said in a note and marked 需人工核对; the name
    is kept without the bracket. Anything else is left as it is."""
    if parts.money or parts.project_total is not None or parts.fiscal_parts or parts.other_parts \
            or parts.other_sources:
        return
    name = parts.name_cell
    where, cell_text = None, None
    if name is not None and (found := _amount_in(name.text, True)) is not None:
        amount, bare = found
        parts.name_cell = Cell(bare, name.source)
        where, cell_text, source = "项目名称", name.text.strip(), name.source
    elif parts.heading and (found := _amount_in(parts.heading, False)) is not None:
        amount = found[0]
        where, cell_text, source = "表题", parts.heading.strip(), parts.source
    if where is None:
        return
    parts.money["total"] = Cell(amount, source)
    note = f"表中没有预算数行，预算数取自{where}「{cell_text}」中括号内的金额 {amount}"
    parts.needs_check.append(note)
    problems.append(Problem(source, note, Severity.INFO))
