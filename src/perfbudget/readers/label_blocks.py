"""Indicators written as blocks of label–value rows, one indicator after another, in any form (layouts23).

A budget system's detail view shows each indicator as rows of a label and its value, and whoever copies it keeps
that shape — lines ``一级指标：产出指标`` in text (``text_label_blocks``), rows ``一级指标 | 产出指标`` of a two-column
grid in Word, Excel, HTML or tab/pipe text, or two pairs a row (``一级指标 | 产出指标 | 二级指标 | 数量指标``)::

    一级指标 | 产出指标
    二级指标 | 数量指标
    三级指标 | 培训人次
    指标值   | ≥500人次
    一级指标 | 效益指标
    ...

A careful person reads each block as one row of the indicator table, the labels its column heads. This stage turns
such a raw table into that table: the rows before the first block stay (the header block), then a header row made
of the labels as first written (一级 二级 三级 指标值 first, any other label the indicator header knows after them:
指标方向, 度量单位, 实际完成值, 分值, 得分 …), then one row per block. A new block starts where a label the block
holds comes again after its 三级, or a 一级/二级 after it; a 一级 or 二级 written only where it changes is carried
down, as a merged cell is (a new 一级 clears the 二级). A block without its 三级 or its 指标值, a label written twice
before the 三级, or a row among the blocks that is no label–value row cannot be placed: each is an error at its
row, and nothing is joined by guess (a block's number alone on a row, 指标2 or （二）, is passed over). A footer
row (注：, 附件) ends the blocks; it and the rows after it are kept. A table that holds an indicator header row
anywhere is left alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from perfbudget.model import Problem, Severity
from perfbudget.readers.grid import Cell, RawTable
from perfbudget.readers.indicator_header import is_indicator_header
from perfbudget.readers.labels import column_role, is_footer

_LEVELS = ("level1", "level2", "level3")
# a block's number on a row of its own: 指标1, 第2项, （三）, 4.
_NUMBERING = re.compile(r"^(?:指标\s*\d{1,3}|第\s*\d{1,3}\s*[项条个]"
                        r"|[（(]?\s*(?:[一二三四五六七八九十]{1,3}|\d{1,3})\s*[)）.、．]?)\s*[:：]?$")
_ORDER = {role: i for i, role in enumerate((*_LEVELS, "target"))}
Block = dict[str, tuple[Cell, Cell]]  # role → (its label cell, its value cell)


def _role(cell: Cell) -> str | None:
    text = cell.text
    if "指标" not in text and "值" not in text and not 1 < len(text.strip()) <= 8:
        return None  # cheap: every indicator label holds 指标 or 值, or is a short word (分值, 得分, 度量单位)
    return column_role(text)


def pairs_of(row: list[Cell]) -> list[tuple[str, Cell, Cell]] | None:
    """The (role, label, value) pairs of a label–value row, or None when the row is not one: every filled cell
    is an indicator label or the value in the cell right after one (a blank cell there is an empty value)."""
    pairs: list[tuple[str, Cell, Cell]] = []
    index = 0
    while index < len(row):
        cell = row[index]
        if cell.blank:
            index += 1
            continue
        role = _role(cell)
        if role is None:
            return None
        after = row[index + 1] if index + 1 < len(row) else Cell("", cell.source)
        if not after.blank and _role(after) is not None:
            return None  # 一级指标 | 二级指标: a header's labels side by side, no label and its value
        pairs.append((role, cell, after))  # (a blank cell after the label: an empty value)
        index += 2
    return pairs or None


def label_block_table(table: RawTable, problems: list[Problem]) -> RawTable | None:
    """The table with its label–value blocks made into an indicator header and rows, or None when it holds no
    such blocks (or holds an indicator header row: an ordinary table)."""
    first = None
    for number, row in enumerate(table.rows):
        lead = next((c.text for c in row if not c.blank), "").strip()
        if lead[:1] in ("一", "二", "三") and "级" in lead and (pairs := pairs_of(row)) is not None \
                and pairs[0][0] in _LEVELS:
            first = number
            break
    if first is None:
        return None  # (the common case: one look at each row's first cell)
    if any(is_indicator_header(row) and pairs_of(row) is None for row in table.rows):
        return None  # an ordinary table with its indicator header
    told: list[Problem] = []  # said only when the table is read as blocks
    blocks, rest = _blocks(table.rows[first:], told)
    if not any("level3" in block and "target" in block for block in blocks) \
            or not any(role in block for block in blocks for role in ("level1", "level2")):
        return None  # (一级指标 | 绩效指标 | 指标值, a two-level form's header, is no block: 绩效指标 is no label here)
    labels: list[tuple[str, Cell]] = []  # (role, the label's cell as first written)
    for block in blocks:
        for role, (label, _value) in block.items():
            if all(role != seen for seen, _ in labels):
                labels.append((role, label))
    labels.sort(key=lambda item: _ORDER.get(item[0], len(_ORDER)))  # 一级 二级 三级 指标值 first, as tables put them
    start = table.rows[first][0].source
    problems.append(Problem(start, "指标按「一级指标」「三级指标」「指标值」等标签逐项写出（不是表格的列）："
                                   "每组读作一行指标，标签为列名", Severity.INFO))
    problems.extend(told)
    rows = [list(row) for row in table.rows[:first]]
    rows.append([Cell(label.text, label.source) for _, label in labels])
    carried: dict[str, Cell] = {}
    for block in blocks:
        for role in ("level1", "level2"):
            if role in block:
                carried[role] = block[role][1]
                if role == "level1":
                    carried.pop("level2", None)  # a new 一级: its 二级 is written again
            elif role in carried:
                block[role] = (carried[role], carried[role])
        missing = [name for role, name in (("level3", "三级指标"), ("target", "指标值"))
                   if role not in block or block[role][1].blank]
        if missing:
            where = min((label.source for label, _ in block.values()), key=lambda s: (s.line or 0, s.row or 0))
            problems.append(Problem(where, f"这组指标没有「{'」「'.join(missing)}」，无法读成一个指标，未读取"))
            continue
        rows.append([block[role][1] if role in block else Cell("", start) for role, _ in labels])
    return replace(table, rows=rows + rest)


def _blocks(rows: list[list[Cell]], problems: list[Problem]) -> tuple[list[Block], list[list[Cell]]]:
    """Each indicator's label–value pairs, and the rows from a footer on (kept as they are)."""
    blocks: list[Block] = []
    block: Block = {}
    for number, row in enumerate(rows):
        filled = [c for c in row if not c.blank]
        if not filled:
            continue
        pairs = pairs_of(row)
        if pairs is None and len(filled) == 1 and _NUMBERING.match(filled[0].text.strip()):
            continue  # 指标2, （二）, 3.: the next block's number
        if pairs is None:
            if is_footer(filled[0].text.strip()):
                if block:
                    blocks.append(block)
                return blocks, rows[number:]
            problems.append(Problem(filled[0].source, f"「{filled[0].text.strip()[:40]}」不是「指标标签：值」的一项，"
                                                      "无法判断属于哪个指标，未读取"))
            continue
        for role, label, value in pairs:
            if role in block or (role in _LEVELS[:2] and "level3" in block):
                if "level3" in block or "target" in block:
                    blocks.append(block)
                    block = {}
                else:
                    problems.append(Problem(label.source, f"「{label.text.strip()}」在同一组指标中写了两次，"
                                                          "无法判断各项属于哪个指标，未读取"))
                    continue
            block[role] = (label, value)
    if block:
        blocks.append(block)
    return blocks, []


def label_block_tables(tables: list[RawTable], problems: list[Problem]) -> list[RawTable]:
    return [label_block_table(table, problems) or table for table in tables]

