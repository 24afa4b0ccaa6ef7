"""A 专项债 自评表's money given only in its 债券资金管理指标 row (Shenzhen's form, corpus 55).

The form of a special-bond project's self-evaluation puts no funds grid in its header block: the year's allocation
and what was spent are the figures of a scored management row above the indicators::

    当年绩效指标 | 债券资金管理指标(10分) | 总体支出进度 (当年实际支出金额/项目当年下达额度) | 实际支出金额 | 下达额度 |
        实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施
    1,437 | 1,437 | 1,437 | 10 | 10

The row's own heads (当年绩效指标, 债券资金管理指标, 总体支出进度 …) are merged down over the figures' row in the
form; a page's copy drops them and the figures start at the row's first cell. A person reads the figures under the
value columns, in order: 实际支出金额, 下达额度, 实际完成值, 分值, 得分, then any text under the text columns after
them (偏差原因分析: ``| 10 | 9 | 部分工程款未到结算期 |``). So are they read here: the value columns are the funds
columns of ``labels.FUND_COLUMNS`` and ``labels.BUDGET_COLUMNS`` (下达额度 the budget, 实际支出金额 the executed
amount) and the indicator columns' 实际完成值, 分值, 得分; each figure is read as an amount (``1,437万元``, a rate's
``95.8%``). The figures are kept as the grid's extras (``债券资金管理指标/实际支出金额`` …, typed by
readers/execution_cells.py), 下达额度 the budget where the block reads none other, a warning where it reads another
that differs (年度资金总额 2000 beside 下达额度 1500).

Once a row names a 债券 head and a head ending in 额度 or 支出金额, any figure it cannot place (a head not known as
a value column, 使用额度 or 发行额度; no budget column; figures fewer or more than the heads; a figure that is no
amount) leaves both rows as they were, the project marked 需人工核对 with why and a warning at the figures' row: the
budget is never lost without a word.
"""

from __future__ import annotations

from decimal import Decimal

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import BUDGET_COLUMNS, COLUMN_LABELS, EXTRA_COLUMN_LABELS, FUND_COLUMNS, label_key
from perfbudget.readers.money_cells import money_amount, read_amount
from perfbudget.readers.parts import Parts

_NAMED = "债券资金管理指标"
_QUOTA_ENDS = ("额度", "支出金额")  # the heads that make a 债券 row a bond funds row


def _filled(row: list[Cell]) -> list[Cell]:
    return [cell for cell in row if not cell.blank]


def _value_head(key: str) -> bool:
    return key in FUND_COLUMNS or key in BUDGET_COLUMNS or COLUMN_LABELS.get(key) in ("actual", "weight", "score")


def _text_head(key: str) -> bool:
    return COLUMN_LABELS.get(key) == "deviation" or key in EXTRA_COLUMN_LABELS


def _untold(parts: Parts, at: Cell, why: str) -> None:
    note = f"{_NAMED}行的数值无法对应：{why}，预算未读取；请人工核对预算数"
    parts.needs_check.append(note)
    parts.warnings.append(Problem(at.source, note, Severity.WARNING))


def _figure(cell: Cell, head: str) -> str | None:
    """The cell's figure as kept (no spaces), or None where it is no amount (a rate's % aside)."""
    text = "".join(cell.text.split())
    amount, _noted = money_amount(Cell(text.removesuffix("%"), cell.source), head, [])
    return text if amount is not None else None


def bond_funds(rows: list[list[Cell]], parts: Parts) -> tuple[list[list[Cell]], Cell | None]:
    """``rows`` (a header block's) with a bond row's heads and figures taken out, and its 下达额度 (the budget the
    caller gives :func:`bond_budget` once the block is read): the figures kept as extras under their heads, the
    row's other cells as unlabelled extras (see the module's note). Rows without such a row are returned as they are;
    a bond row whose figures are not placed too, told."""
    for index, row in enumerate(rows):
        if not any("债券" in cell.text for cell in row):
            continue  # (the look every header row gets: its cells' texts, no label key made)
        filled = _filled(row)
        keys = [label_key(cell.text) for cell in filled]
        if not any("债券" in key for key in keys) or not any(key.endswith(_QUOTA_ENDS) for key in keys):
            continue
        start = next(k for k, key in enumerate(keys) if _value_head(key) or key.endswith(_QUOTA_ENDS))
        values = start
        while values < len(keys) and _value_head(keys[values]):
            values += 1
        texts = values
        while texts < len(keys) and _text_head(keys[texts]):
            texts += 1
        figures = _filled(rows[index + 1]) if index + 1 < len(rows) else []
        at = figures[0] if figures else filled[start]
        heads = keys[start:values]
        if texts < len(keys):
            _untold(parts, at, f"栏目「{keys[texts]}」不是已知的数值栏")
            return rows, None
        if not any(key in BUDGET_COLUMNS for key in heads):
            _untold(parts, at, f"栏目「{'、'.join(heads)}」中没有预算栏（如下达额度）")
            return rows, None
        if not values - start <= len(figures) <= texts - start:
            _untold(parts, at, f"数值栏「{'、'.join(heads)}」之下有{len(figures)}个数值，个数不符")
            return rows, None
        read = [_figure(cell, head) for head, cell in zip(heads, figures, strict=False)]
        if (wrong := next((cell for cell, text in zip(figures, read, strict=False) if text is None), None)) is not None:
            _untold(parts, wrong, f"「{wrong.text.strip()}」不是数值")
            return rows, None
        name = next((key for key in keys[:start] if "债券" in key), _NAMED)
        parts.extras.extend(("", cell) for cell in filled[:start])
        allocated = None
        for head, cell, text in zip(keys[start:], figures, [*read, *(c.text for c in figures[len(read):])],
                                    strict=False):
            parts.extras.append((f"{name}/{head}", Cell(text or "", cell.source)))
            if allocated is None and head in BUDGET_COLUMNS:
                allocated = Cell(text or "", cell.source)
        return [*rows[:index], *rows[index + 2:]], allocated
    return rows, None


def bond_budget(parts: Parts, allocated: Cell) -> None:
    """下达额度 the budget where the header block read none other; where it read another that differs, told."""
    if (total := parts.money.get("total")) is None:
        parts.money["total"] = allocated
        return
    given, bond = read_amount(total.text)[0], read_amount(allocated.text)[0]
    if isinstance(given, Decimal) and isinstance(bond, Decimal) and given != bond:
        note = (f"预算数取自「{total.text.strip()}」，与{_NAMED}行的下达额度「{allocated.text.strip()}」不一致；"
                "请人工核对预算数")
        parts.needs_check.append(note)
        parts.warnings.append(Problem(allocated.source, note, Severity.WARNING))
