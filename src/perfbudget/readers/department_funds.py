"""A 部门整体 table's funds grid read one cell a line or a paragraph (the department's 总体资金情况).

Sichuan's 部门整体支出绩效目标申报表 gives the department's money as a grid::

    预算支出 | 总额    | 基本支出                              | 项目支出
             |         | 合计 | 财政拨款 | 专户资金 | 单位资金  | 合计 | 财政拨款 | 专户资金 | 单位资金
             | 1695.55 | 1478.75 | 1478.75 |      |          | 216.80 | 216.80 |     |

Copied from a web page one cell a paragraph, the grid comes as its labels in a run and then its amounts, the empty
cells gone, so an amount's column is not known from its place. A person still reads the department's budget: the
first amount stands under 总额, and it is the 基本支出 合计 (the next amount) and the 项目支出 合计 (a later one)
added up. The reader does the same: the first amount is the budget where it equals the second plus a later one;
where no later amount makes the sum, which amount is the total cannot be told, and that is an error at the grid,
no budget read. The grid's labels and amounts are kept as written, one extra (nothing dropped).
"""

from __future__ import annotations

from perfbudget.model import Problem
from perfbudget.readers.cell_values import decimal_or_none
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key

GRID_LABEL = "总体资金情况"
GRID_TOTALS = _TOTAL = frozenset({"总额", "资金总额", "预算总额", "合计"})
_GROUPS = frozenset({"基本支出", "项目支出"})
_ROW_LABELS = frozenset({"预算支出", "支出预算", "部门预算"})
_HEADS = _TOTAL | _GROUPS | frozenset({"财政拨款", "专户资金", "单位资金", "其他资金", "财政资金", "财政专户资金",
                                      "一般公共预算", "政府性基金", "上年结转", "事业收入", "经营收入", "其他收入"})


def _amount(cell: Cell) -> bool:
    text = cell.text.strip()
    return bool(text) and decimal_or_none(text) is not None


def department_grid(row: list[Cell], problems: list[Problem], cells: bool = False,
                    ) -> tuple[list[Cell], Cell | None, str] | None:
    """``row`` (a stream's header sequence, or a grid's rows of ``cells`` one after another) without the funds
    grid, the cell of the department's budget (None when the sum does not decide it: an error is added) and the
    grid as written; None when the row holds no such grid: a 总额 label, then only grid labels naming both 基本支出
    and 项目支出, then three amounts or more."""
    start = next((i for i, cell in enumerate(row) if label_key(cell.text) in _TOTAL), None)
    if start is None:
        return None
    heads: set[str] = set()
    k = start  # the labels run from 总额
    before = start - 1
    while before >= 0 and row[before].blank:
        before -= 1
    if before >= 0 and label_key(row[before].text) in _ROW_LABELS:
        start = before  # 预算支出 | 总额 …: the grid's row label, kept with it
    while k < len(row) and (row[k].blank or (key := label_key(row[k].text)) in _HEADS):
        if not row[k].blank:
            heads.add(key)
        k += 1
    if not _GROUPS.issubset(heads):
        return None
    amounts: list[Cell] = []
    end = k
    while end < len(row) and (row[end].blank or _amount(row[end])):
        if not row[end].blank:
            amounts.append(row[end])
        end += 1
    if len(amounts) < 3:
        return None
    values = [decimal_or_none(cell.text.strip()) for cell in amounts]
    written = " ".join(c.text.strip() for c in row[start:end] if not c.blank)
    rest = [*row[:start], *row[end:]]
    total, basic = values[0], values[1]
    if total is not None and basic is not None and any(
            later is not None and basic + later == total for later in values[2:]):
        return rest, amounts[0], written
    why = "未读取预算数；请核对金额" if cells else \
        "各金额所在的列无法确定（空单元格已丢失），未读取预算数；请导入原表格或核对金额"
    problems.append(Problem(amounts[0].source, f"部门整体资金表的总额「{amounts[0].text.strip()}」不等于基本支出合计"
                                               f"「{amounts[1].text.strip()}」与其后任何一个金额之和：{why}"))
    return rest, None, written
