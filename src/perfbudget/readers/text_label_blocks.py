"""Indicators written as blocks of ``label：value`` lines, one indicator after another (no table).

A budget system's detail view, or a notice copied from it, writes each indicator as lines of its own::

    项目名称：校舍维修
    年度资金总额（万元）：50
    一级指标：产出指标
    二级指标：数量指标
    三级指标：维修校舍面积
    指标值：500平方米

    一级指标：产出指标
    二级指标：质量指标
    ...

A careful person reads each block as one row of the indicator table, the labels its column heads. Only such
lines are read: the indicator labels (一级/二级/三级指标, 指标值 and the columns a table may have beside it —
指标方向, 度量单位, 实际完成值, 分值, 得分 …, whatever ``indicator_header`` knows) and, above the first block, the
header block's ``label：value`` lines. A 一级 or 二级 written only when it changes is carried down, as a merged cell
is. A block without its 三级 or its 指标值, a label written twice in one block, or a line between blocks that is
no ``label：value`` line (a value wrapped onto the next line? a note?) cannot be placed: each is a located error,
and nothing is guessed.
"""

from __future__ import annotations

import re

from perfbudget.model import Problem, Severity, Source
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.label_lines import label_line_cells
from perfbudget.readers.labels import column_role, header_field, is_footer
from perfbudget.readers.stream import better_heading
from perfbudget.readers.text_lines import head_lines

# 三级指标：维修校舍面积 — a label, a colon, the value (a label of at most 12 characters, no spaces inside)
_LINE = re.compile(r"^\s*([^\s:：|\t]{2,12})\s*[:：]\s*(.*?)\s*$")
_LEVELS = ("level1", "level2", "level3")
_UNIT_NOTE = re.compile(r"[（(]\s*(?:万元|元|千元)\s*[)）]\s*$")  # 项目资金（万元）: a label with its money unit


def _indicator_label(label: str) -> str | None:
    """The indicator column a block line's label names (``column_role``), or None."""
    return column_role(label)


def _label_line(line: str) -> tuple[str, str] | None:
    match = _LINE.match(line)
    return None if match is None else (match.group(1), match.group(2))


def looks_like_label_blocks(text: str) -> bool:
    """A 三级 line and a target line, each ``label：value``, and a 一级 or 二级 line, in the text's first lines."""
    seen: set[str] = set()
    for line in head_lines(text, 400):
        if "：" not in line and ":" not in line:
            continue
        pair = _label_line(line)
        if pair is not None and pair[1] and (role := _indicator_label(pair[0])) is not None:
            seen.add(role)
    return {"level3", "target"} <= seen and bool(seen & {"level1", "level2"})


def read_label_blocks(text: str, file: str) -> list[RawTable]:
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines, 1)
                  if (pair := _label_line(line)) is not None and _indicator_label(pair[0]) in _LEVELS), None)
    if first is None:
        return []
    table = RawTable(None, Source(file, line=first))
    table.problems.append(Problem(Source(file, line=first), "指标按「一级指标：…」「三级指标：…」「指标值：…」"
                                                            "逐行写出（不是表格）：每组读作一行指标，标签为列名",
                                  Severity.INFO))
    heading: str | None = None
    for lineno, line in enumerate(lines[:first - 1], 1):
        if not line.strip():
            continue
        cells = label_line_cells(line)  # 项目名称：…  主管部门：… (pairs the header block knows)
        if cells is None and (pair := _label_line(line)) is not None and pair[1]:
            cells = pair  # 绩效目标：… alone on its line
            if pair[0] == "其中" and (part := _label_line(pair[1])) is not None:
                cells = (f"其中：{part[0]}", part[1])  # 其中：财政拨款：1125 is the pair 其中：财政拨款 | 1125
        if cells is None and (header_field(line) is not None or _UNIT_NOTE.search(line)):
            cells = (line.strip(),)  # 项目资金（万元） alone: the funds block's label, its money unit the table's
        if cells is None:
            heading = better_heading(heading, line)
            continue
        table.rows.append([Cell(text, Source(file, line=lineno, column=j)) for j, text in enumerate(cells, 1)])
    table.heading = heading
    blocks = _blocks(lines, first, file, table.problems)
    labels: list[tuple[str, str]] = []  # (role, label as first written), in the order they are first seen
    for block in blocks:
        for role, (label, _cell) in block.items():
            if role not in (r for r, _ in labels):
                labels.append((role, label))
    order = {role: i for i, role in enumerate((*_LEVELS, "target"))}
    labels.sort(key=lambda item: order.get(item[0], len(order)))  # 一级 二级 三级 指标值 first, as tables put them
    table.rows.append([Cell(label, Source(file, line=first, column=j)) for j, (_, label) in enumerate(labels, 1)])
    carried: dict[str, Cell] = {}
    for block in blocks:
        for role in ("level1", "level2"):
            if role in block:
                carried[role] = block[role][1]
                if role == "level1":
                    carried.pop("level2", None)  # a new 一级: its 二级 is written again
            elif role in carried:
                block[role] = ("", carried[role])
        start = min(cell.source.line or 0 for _, cell in block.values())
        missing = [name for role, name in (("level3", "三级指标"), ("target", "指标值")) if role not in block]
        if missing:
            table.problems.append(Problem(Source(file, line=start), f"这组指标行没有「{'」「'.join(missing)}」，"
                                                                    "无法读成一个指标，未读取"))
            continue
        table.rows.append([block[role][1] if role in block else Cell("", Source(file, line=start))
                           for role, _ in labels])
    return [table]


def _blocks(lines: list[str], first: int, file: str, problems: list[Problem]) -> list[dict[str, tuple[str, Cell]]]:
    """Each indicator's lines (role → its label and value cell), from line ``first`` on. A block ends where a
    label it holds comes again after its 三级 (or a 一级/二级 after its 三级): the next indicator starts there."""
    blocks: list[dict[str, tuple[str, Cell]]] = []
    block: dict[str, tuple[str, Cell]] = {}
    for lineno, line in enumerate(lines[first - 1:], first):
        if not line.strip():
            continue
        pair = _label_line(line)
        role = None if pair is None else _indicator_label(pair[0])
        if pair is None or role is None:
            if is_footer(line.strip()):
                break
            problems.append(Problem(Source(file, line=lineno), f"「{line.strip()[:40]}」不是「指标名：值」的一行，"
                                                               "无法判断属于哪个指标，未读取"))
            continue
        label, value = pair
        if role in block or (role in _LEVELS[:2] and "level3" in block):
            if "level3" in block or "target" in block:
                blocks.append(block)
                block = {}
            else:
                problems.append(Problem(Source(file, line=lineno), f"「{label}」在同一组指标行中写了两次，"
                                                                   "无法判断各行属于哪个指标，未读取"))
                continue
        block[role] = (label, Cell(value, Source(file, line=lineno, column=2)))
    if block:
        blocks.append(block)
    return blocks
