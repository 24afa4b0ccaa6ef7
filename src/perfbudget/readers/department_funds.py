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

from perfbudget.model import Problem, Severity
from perfbudget.readers.cell_values import decimal_or_none
from perfbudget.readers.grid import Cell
from perfbudget.readers.labels import label_key, money_unit_note

GRID_LABEL = "总体资金情况"
# a grid's heads for the budget's fiscal and other money, where each stands once (a column of its own)
SOURCE_FIELDS = {"财政拨款": "fiscal", "财政资金": "fiscal", "其他资金": "other"}
GRID_TOTALS = _TOTAL = frozenset({"总额", "资金总额", "预算总额", "合计"})
_GROUPS = frozenset({"基本支出", "项目支出"})
_ROW_LABELS = frozenset({"预算支出", "支出预算", "部门预算"})
_HEADS = _TOTAL | _GROUPS | frozenset({"财政拨款", "专户资金", "单位资金", "其他资金", "财政资金", "财政专户资金",
                                      "一般公共预算", "政府性基金", "上年结转", "事业收入", "经营收入", "其他收入"})


def _amount(cell: Cell) -> bool:
    text = cell.text.strip()
    return bool(text) and decimal_or_none(text) is not None


def _row_label(key: str) -> bool:
    """The grid's side label: 预算支出, or a name of the department's budget (年度预算（万元）, 部门整体支出预算,
    部门整体资金) — kept with the grid, not left behind as a task's name."""
    return key in _ROW_LABELS or (len(key) <= 12 and key.endswith(("预算", "资金", "资金情况")))


Grid = tuple[list[Cell], Cell | None, str, dict[str, Cell]]


def department_grid(row: list[Cell], problems: list[Problem], cells: bool = False) -> Grid | None:
    """``row`` (a stream's header sequence, or a grid's rows of ``cells`` one after another) without the funds
    grid, the cell of the department's budget (None when the sum does not decide it: an error is added), the
    grid as written and the budget's other fields its heads give, each standing once (``SOURCE_FIELDS``: 财政拨款 →
    fiscal, 其他资金 → other; dept40: until then only the total was read and 财政拨款 | 其他资金 stayed in the written
    grid); None when the row holds no such grid: a run of grid labels holding a total (总额, 合计) and
    naming both 基本支出 and 项目支出, then its amounts (three or more), or each label followed by its amount."""
    first = next((i for i, cell in enumerate(row) if label_key(cell.text) in _TOTAL), None)
    if first is None:
        return None
    start = first
    k = first - 1  # the labels before the total (基本支出 | 项目支出 | 合计), then the grid's side label
    while k >= 0 and (row[k].blank or label_key(row[k].text) in _HEADS):
        if not row[k].blank:
            start = k
        k -= 1
    head_start = start
    if k >= 0 and _row_label(label_key(row[k].text)):
        start = k  # 预算支出 | 总额 …: the grid's row label, kept with it
    run = [(cell, label_key(cell.text)) for cell in row[head_start:] if not cell.blank]
    if len(run) > 1 and _amount(run[1][0]):
        return _paired_grid(row, start, head_start, problems)
    heads: list[str] = []
    k = head_start
    while k < len(row) and (row[k].blank or (key := label_key(row[k].text)) in _HEADS):
        if not row[k].blank:
            heads.append(key)
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
    written = " ".join(c.text.strip() for c in row[start:end] if not c.blank)
    rest = [*row[:start], *row[end:]]
    if len(amounts) == len(heads) and len(set(heads)) == len(heads):
        # one amount a label (基本支出 | 项目支出 | 合计 over 120 | 300 | 420): each under its own label
        by_head = dict(zip(heads, amounts, strict=True))
        return rest, _checked(by_head, problems), written, _sources(by_head)
    values = [decimal_or_none(cell.text.strip()) for cell in amounts]
    total, basic = values[0], values[1]
    if total is not None and basic is not None and any(
            later is not None and basic + later == total for later in values[2:]):
        return rest, amounts[0], written, {}
    why = "未读取预算数；请核对金额" if cells else \
        "各金额所在的列无法确定（空单元格已丢失），未读取预算数；请导入原表格或核对金额"
    problems.append(Problem(amounts[0].source, f"部门整体资金表的总额「{amounts[0].text.strip()}」不等于基本支出合计"
                                               f"「{amounts[1].text.strip()}」与其后任何一个金额之和：{why}"))
    return rest, None, written, {}


def _sources(by_head: dict[str, Cell]) -> dict[str, Cell]:
    """The fiscal and other money the heads give, where together they make the grid's total: a grid may name
    more sources (财政拨款 | 政府性基金 | 其他资金, 事业收入, 财政专户管理资金) than the budget's two fields hold, and
    taking two of three made a sound table's 预算数 「not their sum」 (the lead's reread of dept40); such a grid
    stays written as it is, as before dept40."""
    sources = {SOURCE_FIELDS[key]: cell for key, cell in by_head.items() if key in SOURCE_FIELDS}
    total = next((decimal_or_none(cell.text.strip()) for key, cell in by_head.items() if key in _TOTAL), None)
    amounts = [decimal_or_none(cell.text.strip()) for cell in sources.values()]
    if total is None or None in amounts or sum(a for a in amounts if a is not None) != total:
        return {}
    return sources


def grid_money_unit(cells: list[Cell]) -> str | None:
    """The money unit a grid's label notes (``部门整体资金（万元）``, ``年度预算（元）``), else None: the grid is
    taken out before the header reader sees its labels (dept40: until then such a table had no money unit)."""
    return next((unit for cell in cells if (unit := money_unit_note(cell.text)) is not None), None)


def _paired_grid(row: list[Cell], start: int, head_start: int, problems: list[Problem]) -> Grid | None:
    """The grid one part a row, each label followed by its amount (合计 | 420 / 基本支出 | 120 / 项目支出 | 300)."""
    by_head: dict[str, Cell] = {}
    k, end = head_start, head_start
    while k < len(row):
        if row[k].blank:
            k += 1
            continue
        key = label_key(row[k].text)
        at = k + 1
        while at < len(row) and row[at].blank:
            at += 1
        if key not in _HEADS or key in by_head or at == len(row) or not _amount(row[at]):
            break
        by_head[key] = row[at]
        k = end = at + 1
    if not _GROUPS.issubset(by_head) or not _TOTAL & by_head.keys():
        return None
    written = " ".join(c.text.strip() for c in row[start:end] if not c.blank)
    return [*row[:start], *row[end:]], _checked(by_head, problems), written, _sources(by_head)


def _checked(by_head: dict[str, Cell], problems: list[Problem]) -> Cell | None:
    """The total's cell of a grid whose amounts stand each under (or after) its own label; a warning at it where
    基本支出 and 项目支出 do not make it (the total is read as written)."""
    total = next((by_head[key] for key in by_head if key in _TOTAL), None)
    if total is None:
        return None
    basic, project = by_head["基本支出"], by_head["项目支出"]
    values = [decimal_or_none(cell.text.strip()) for cell in (total, basic, project)]
    if None not in values and values[1] + values[2] != values[0]:  # type: ignore[operator]
        problems.append(Problem(total.source, f"部门整体资金表的合计「{total.text.strip()}」不等于基本支出"
                                              f"「{basic.text.strip()}」与项目支出「{project.text.strip()}」之和："
                                              "按所写读取预算数，请核对金额", Severity.WARNING))
    return total
